"""A survey answer is recorded once (review rev14's 2nd).

The same web-form answer of no one named, typed in twice, counted twice in the account's and
the portfolio's NPS (−33 over 3 answers instead of 0 over 2), with nothing said. The second
is refused, naming the answer, the person (or the account as a whole) and the account.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import SurveyInput, save_survey, survey_for_edit
from accountdesk.core.validation import ValidationError

DAY = date(2026, 11, 2)


@pytest.fixture
def account(db: Database) -> str:
    return create_account(db, AccountInput(name="Dup Co", country="DE"))


def test_the_same_answer_of_the_account_as_a_whole_is_refused(db: Database, account: str) -> None:
    save_survey(db, SurveyInput(account, "nps", "2", DAY, None, "from the web form"))
    with pytest.raises(ValidationError) as error:
        save_survey(db, SurveyInput(account, "nps", "2", DAY, None, "from the web form"))
    assert error.value.key == "score"
    assert error.value.reason == (
        "the same answer is recorded already: \u2068NPS\u2069 2 from the account as a whole"
        " at \u2068Dup Co\u2069, answered on \u20682 Nov 2026\u2069. Saved twice, it would"
        " count twice; if someone else gave it, choose them as the contact"
    )
    # another score, kind or day is another answer
    save_survey(db, SurveyInput(account, "nps", "9", DAY))
    save_survey(db, SurveyInput(account, "csat", "2", DAY))
    save_survey(db, SurveyInput(account, "nps", "2", date(2026, 11, 3)))


def test_a_persons_answer_is_refused_twice_not_anothers(db: Database, account: str) -> None:
    anna = create_contact(db, ContactInput(account, "Anna", "DE", family_name="Berg"))
    ben = create_contact(db, ContactInput(account, "Ben", "DE", family_name="Vogel"))
    save_survey(db, SurveyInput(account, "nps", "9", DAY, anna))
    with pytest.raises(ValidationError) as error:
        save_survey(db, SurveyInput(account, "nps", "9", DAY, anna))
    assert "9 from \u2068Anna Berg\u2069 at" in error.value.reason
    save_survey(db, SurveyInput(account, "nps", "9", DAY, ben))
    save_survey(db, SurveyInput(account, "nps", "9", DAY))  # the account as a whole


def test_an_edit_of_the_answer_itself_and_one_in_the_trash_are_not_duplicates(
    db: Database, account: str
) -> None:
    first = save_survey(db, SurveyInput(account, "nps", "2", DAY))
    loaded = survey_for_edit(db, first)
    save_survey(db, replace(loaded.data, comment="web"), first, expected_version=loaded.version)
    trash.delete(db, "survey", first)
    assert save_survey(db, SurveyInput(account, "nps", "2", DAY))
