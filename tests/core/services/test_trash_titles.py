"""What the Trash lists a record as: a name a person recognises, never a record's id."""

from __future__ import annotations

from datetime import UTC, datetime

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import (
    InteractionInput,
    SurveyInput,
    log_interaction,
    save_survey,
)


def _titles(db: Database) -> dict[str, str]:
    return {item.id: item.title for item in trash.list_trash(db)}


def test_a_survey_response_and_an_interaction_without_subject_are_named(db: Database) -> None:
    account = create_account(db, AccountInput(name="Parsian", country="IR", timezone="Asia/Tehran"))
    survey = save_survey(db, SurveyInput(account, "nps", 9, "2026-11-20"))
    when = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    reza = create_contact(db, ContactInput(account, "Reza", "IR", timezone="Asia/Tehran"))
    call = log_interaction(db, InteractionInput(kind="call", occurred_at=when, contact_ids=[reza]))
    trash.delete(db, "survey", survey)
    trash.delete(db, "interaction", call)
    titles = _titles(db)
    assert plain(titles[survey]) == "NPS score 9"  # was the response's id
    assert titles[call] == "Call"
    with i18n.use_language("fa"):
        assert "۹" in _titles(db)[survey]


def test_a_contact_is_named_in_their_own_order(db: Database) -> None:
    account = create_account(db, AccountInput(name="Hanami", country="JP", timezone="Asia/Tokyo"))
    contact = create_contact(
        db,
        ContactInput(
            account_id=account,
            given_name="Taro",
            family_name="Yamada",
            name_order="family_first",
            country="JP",
            timezone="Asia/Tokyo",
        ),
    )
    trash.delete(db, "contact", contact)
    assert _titles(db)[contact] == "Yamada Taro"  # as every list shows them, not "Taro Yamada"
