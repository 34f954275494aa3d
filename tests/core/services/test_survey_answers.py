"""A survey answer is recorded once (review rev14's 2nd), and an answer or a gift is about
one of its account's people (review rev14's 8th).

The same web-form answer of no one named, typed in twice, counted twice in the account's and
the portfolio's NPS (−33 over 3 answers instead of 0 over 2), with nothing said. The second
is refused, naming the answer, the person (or the account as a whole) and the account.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.errors import UserError
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import (
    contact_for_edit,
    create_account,
    create_contact,
    update_contact,
)
from accountdesk.core.services.activity import (
    GiftInput,
    SurveyInput,
    gift_for_edit,
    save_gift,
    save_survey,
    survey_for_edit,
)
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


def test_an_answer_recorded_again_while_in_the_trash_is_not_restored(
    db: Database, account: str
) -> None:
    """Code review rev15's 2nd: delete, type it in again, undo the delete (or Restore in the
    Trash): two live answers, the NPS sample 2. Restoring is refused as its save is, naming
    the answer and why; it stays in the trash, and restores once the other one is gone."""
    anna = create_contact(db, ContactInput(account, "Anna", "DE", family_name="Berg"))
    first = save_survey(db, SurveyInput(account, "nps", "2", DAY, anna, "web"))
    trash.delete(db, "survey", first)
    again = save_survey(db, SurveyInput(account, "nps", "2", DAY, anna))
    with pytest.raises(UserError) as error:
        trash.restore(db, "survey", first)
    assert str(error.value) == (
        "The answer \u2068NPS\u2069 2 from \u2068Anna Berg\u2069 at \u2068Dup Co\u2069,"
        " answered on \u20682 Nov 2026\u2069, was not restored: the same answer was recorded"
        " again while it was in the trash, and both would count."
    )
    assert [i.id for i in trash.list_trash(db)] == [first]
    trash.delete(db, "survey", again)
    assert trash.restore(db, "survey", first) == []
    assert [i.id for i in trash.list_trash(db)] == [again]


def test_an_answer_or_a_gift_about_another_accounts_contact_is_refused(
    db: Database, account: str
) -> None:
    """Review rev14's 8th: the service stored Omar's answer (of another account) as Dup Co's,
    counted in its NPS, and his cadence became two days."""
    elsewhere = create_account(db, AccountInput(name="Riyadh Co", country="SA"))
    omar = create_contact(db, ContactInput(elsewhere, "Omar", "SA", family_name="Saleh"))
    for save in (
        lambda: save_survey(db, SurveyInput(account, "nps", "2", DAY, omar)),
        lambda: save_gift(db, GiftInput(account, "given", "Dates", DAY, omar)),
    ):
        with pytest.raises(ValidationError) as error:
            save()
        assert error.value.key == "contact"
        assert str(error.value) == (
            "Contact \u201cOmar Saleh\u201d: is a contact of \u2068Riyadh Co\u2069, not of"
            " \u2068Dup Co\u2069; choose one of \u2068Dup Co\u2069's people or the account as"
            " a whole"
        )


def test_an_answer_about_someone_who_moved_on_keeps_them_when_edited(
    db: Database, account: str
) -> None:
    anna = create_contact(db, ContactInput(account, "Anna", "DE", family_name="Berg"))
    answer = save_survey(db, SurveyInput(account, "nps", "9", DAY, anna))
    gift = save_gift(db, GiftInput(account, "given", "Tea", DAY, anna))
    elsewhere = create_account(db, AccountInput(name="Riyadh Co", country="SA"))
    moved = contact_for_edit(db, anna)
    update_contact(db, anna, replace(moved.data, account_id=elsewhere))
    loaded = survey_for_edit(db, answer)
    save_survey(db, replace(loaded.data, comment="kept"), answer, expected_version=loaded.version)
    stored = gift_for_edit(db, gift)
    save_gift(db, replace(stored.data, occasion="Visit"), gift, expected_version=stored.version)
    assert survey_for_edit(db, answer).data.contact_id == anna
    assert gift_for_edit(db, gift).data.contact_id == anna


def test_an_edit_keeps_someone_who_moved_on_only_at_the_account_it_was_recorded_at(
    db: Database, account: str
) -> None:
    """Code review rev15's 3rd: Anna's answer and gift at Dup Co, she is at Beta now; an edit
    made them Gamma's, where she never was, and the answer counted in Gamma's NPS and her
    cadence. Moved with her to another account, they are refused as new ones are."""
    anna = create_contact(db, ContactInput(account, "Anna", "DE", family_name="Berg"))
    answer = save_survey(db, SurveyInput(account, "nps", "3", DAY, anna))
    gift = save_gift(db, GiftInput(account, "given", "Tea", DAY, anna))
    beta = create_account(db, AccountInput(name="Beta", country="DE"))
    gamma = create_account(db, AccountInput(name="Gamma", country="DE"))
    moved = contact_for_edit(db, anna)
    update_contact(db, anna, replace(moved.data, account_id=beta))
    loaded = survey_for_edit(db, answer)
    stored = gift_for_edit(db, gift)
    for save in (
        lambda: save_survey(
            db, replace(loaded.data, account_id=gamma), answer, expected_version=loaded.version
        ),
        lambda: save_gift(
            db, replace(stored.data, account_id=gamma), gift, expected_version=stored.version
        ),
    ):
        with pytest.raises(ValidationError) as error:
            save()
        assert str(error.value) == (
            "Contact \u201cAnna Berg\u201d: is a contact of \u2068Beta\u2069, not of"
            " \u2068Gamma\u2069; choose one of \u2068Gamma\u2069's people or the account as"
            " a whole"
        )
    assert survey_for_edit(db, answer).data.account_id == account
    assert gift_for_edit(db, gift).data.account_id == account
    # the account as a whole may have it
    save_survey(
        db, replace(loaded.data, account_id=gamma, contact_id=None), answer,
        expected_version=loaded.version,
    )  # fmt: skip
    assert survey_for_edit(db, answer).data.account_id == gamma
