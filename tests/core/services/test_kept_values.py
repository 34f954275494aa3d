"""Values stored before today's sensible-value rules are kept: the app's own files load, and
an edit of something else saves.

The rules (a record's date in 1900–2100 and not later than today, an amount no finer than
its currency and not negative, a contact's cadence at most ten years, an account's status
against its dates) came after files were written and records stored that break them. A
JSON backup or CSV export made before them was refused whole ("Customer since “2027-03-01”:
is later than today. Nothing was imported."), and a user editing the notes of such an
account was made to invent a date. What storage needs is still checked, and a value the
user changes meets every rule (:func:`accountdesk.core.validation.keeping`).
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import update

from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import Account, Contact, Deal, ImportantDate, Interaction
from accountdesk.core.io.csv_io import export_csv, import_csv
from accountdesk.core.io.json_io import export_json, import_json
from accountdesk.core.records import AccountInput, ContactInput, ImportantDateInput
from accountdesk.core.services import activity
from accountdesk.core.services.accounts import (
    account_for_edit,
    contact_for_edit,
    create_account,
    create_contact,
    update_account,
    update_contact,
)
from accountdesk.core.services.activity import DealInput, InteractionInput
from accountdesk.core.validation import ValidationError, keeping

FUTURE = date.today() + timedelta(days=60)


def _old_records(db: Database) -> tuple[str, str, str]:
    """An account, a contact and a deal as the app stored them before the rules: written
    through the services, then given values the rules now refuse (as an older AccountDesk
    wrote them)."""
    account = create_account(db, AccountInput("Kyoto Trade", "JP", currency="JPY"))
    contact = create_contact(
        db,
        ContactInput(
            account_id=account,
            given_name="Hana",
            family_name="Sato",
            country="JP",
            important_dates=[ImportantDateInput("birthday", 1, 5, 1980)],
        ),
    )
    deal = activity.save_deal(db, DealInput(account, "Ships", "1500", "JPY", "open"))
    with db.transaction() as session:
        session.execute(
            update(Account)
            .where(Account.id == account)
            .values(status="active", customer_since=FUTURE, acquisition_cost=Decimal("1234.5"))
        )
        session.execute(
            update(Contact)
            .where(Contact.id == contact)
            .values(stay_in_touch_days=5000, consent_given_on=FUTURE)
        )
        session.execute(update(ImportantDate).values(year=1899))
        session.execute(update(Deal).where(Deal.id == deal).values(amount=Decimal("1500.5")))
    return account, contact, deal


def test_a_json_backup_of_old_records_loads_as_it_was(db: Database, tmp_path: Path) -> None:
    account, contact, _deal = _old_records(db)
    out = io.StringIO()
    export_json(db, out)
    path = tmp_path / "backup.json"
    path.write_text(out.getvalue(), encoding="utf-8")
    again = open_database(tmp_path / "again.db")
    import_json(again, path)
    stored = account_for_edit(again, account).data
    assert (stored.customer_since, stored.acquisition_cost) == (FUTURE, Decimal("1234.5"))
    person = contact_for_edit(again, contact).data
    assert (person.stay_in_touch_days, person.consent_given_on) == (5000, FUTURE)
    assert [d.year for d in person.important_dates] == [1899]


def test_a_csv_export_of_old_records_loads_as_it_was(db: Database, tmp_path: Path) -> None:
    account, contact, _deal = _old_records(db)
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        export_csv(db, out)
    again = open_database(tmp_path / "again.db")
    import_csv(again, path)
    stored = account_for_edit(again, account).data
    assert (stored.customer_since, stored.acquisition_cost) == (FUTURE, Decimal("1234.5"))
    person = contact_for_edit(again, contact).data
    assert (person.stay_in_touch_days, person.consent_given_on) == (5000, FUTURE)


def test_an_edit_of_something_else_saves_and_a_change_meets_the_rules(db: Database) -> None:
    account, contact, deal = _old_records(db)
    loaded = account_for_edit(db, account).data
    loaded.notes = "Met at the fair"
    update_account(db, account, loaded)  # status active without … , a cost in half yen: kept
    assert account_for_edit(db, account).data.notes == "Met at the fair"
    loaded.acquisition_cost = "99.5"  # a new value meets the rule
    with pytest.raises(ValidationError) as refused:
        update_account(db, account, loaded)
    assert refused.value.key == "acquisition_cost"

    person = contact_for_edit(db, contact).data
    person.job_title = "Buyer"
    update_contact(db, contact, person)  # a cadence of 5,000 days, a birthday in 1899: kept
    assert contact_for_edit(db, contact).data.job_title == "Buyer"
    person.stay_in_touch_days = 4000
    with pytest.raises(ValidationError) as refused:
        update_contact(db, contact, person)
    assert refused.value.key == "stay_in_touch_days"

    edited = activity.deal_for_edit(db, deal).data
    edited.title = "Ships and parts"
    activity.save_deal(db, edited, deal)  # 1,500.5 yen: kept
    assert activity.deal_for_edit(db, deal).data.title == "Ships and parts"


def test_an_interaction_is_logged_up_to_a_quarter_of_an_hour_ahead(db: Database) -> None:
    """A moment, not a day: the day where it is latest on Earth let a call be logged up to
    47 hours ahead of now."""
    account = create_account(db, AccountInput("Kyoto Trade", "JP"))
    kenji = create_contact(db, ContactInput(account, "Kenji", "JP", timezone="Asia/Tokyo"))
    now = datetime(2026, 11, 30, 18, 0, tzinfo=UTC)

    def log(when: datetime) -> str:
        data = InteractionInput("call", when, [kenji], occurred_zone="Pacific/Honolulu")
        return activity.log_interaction(db, data, clock=lambda: now)

    log(now + timedelta(minutes=10))  # a clock a little ahead
    with pytest.raises(ValidationError) as refused:
        log(now + timedelta(hours=2))
    assert refused.value.key == "occurred_at" and "later than now" in refused.value.reason
    # one an older AccountDesk stored ahead is saved as it is when something else changes
    later = log(now)
    with db.transaction() as session:
        session.execute(
            update(Interaction)
            .where(Interaction.id == later)
            .values(occurred_at=now + timedelta(days=2))
        )
    stored = activity.interaction_for_edit(db, later).data
    stored.subject = "Prices"
    activity.update_interaction(db, later, stored, clock=lambda: now)
    assert activity.interaction_for_edit(db, later).data.subject == "Prices"


def test_an_interaction_is_with_someone_unless_stored_with_nobody(db: Database) -> None:
    """SPEC: an interaction is with one or more contacts. One an older file brought with
    nobody saves an edit of something else as it is; one with people cannot lose them all."""
    account = create_account(db, AccountInput("Kyoto Trade", "JP"))
    kenji = create_contact(db, ContactInput(account, "Kenji", "JP", timezone="Asia/Tokyo"))
    when = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    with pytest.raises(ValidationError) as refused:
        activity.log_interaction(db, InteractionInput("call", when, account_id=account))
    assert (refused.value.key, refused.value.reason) == (
        "contact",
        "choose at least one person it was with",
    )
    with_kenji = activity.log_interaction(db, InteractionInput("call", when, [kenji]))
    edited = activity.interaction_for_edit(db, with_kenji).data
    edited.contact_ids = []
    with pytest.raises(ValidationError) as refused:
        activity.update_interaction(db, with_kenji, edited)
    assert refused.value.key == "contact"
    assert activity.interaction_for_edit(db, with_kenji).data.contact_ids == [kenji]
    with keeping(from_file=True):  # an import of an older file
        nobody = activity.log_interaction(db, InteractionInput("call", when, account_id=account))
    stored = activity.interaction_for_edit(db, nobody).data
    stored.subject = "Prices"
    activity.update_interaction(db, nobody, stored)
    saved = activity.interaction_for_edit(db, nobody).data
    assert (saved.subject, saved.contact_ids) == ("Prices", [])


def test_an_active_account_without_its_date_saves_an_edit_of_its_notes(db: Database) -> None:
    """What the editor saved before the status rule: the user is not made to invent the date
    (it would change the metrics); changing the status or a date meets the rule."""
    account = create_account(db, AccountInput("Kyoto Trade", "JP"))
    with db.transaction() as session:
        session.execute(update(Account).where(Account.id == account).values(status="active"))
    loaded = account_for_edit(db, account).data
    loaded.notes = "Prefers e-mail"
    update_account(db, account, loaded)
    assert account_for_edit(db, account).data.notes == "Prefers e-mail"
    loaded.status = "lost"
    with pytest.raises(ValidationError) as refused:
        update_account(db, account, loaded)
    assert refused.value.key == "lost_on"
