"""What is in the trash is shown nowhere: an account in the trash takes its contacts out of
every list, count and export; a contact in the trash takes its follow-ups, and its name among
an interaction's participants (one rule: accountdesk.core.queries.visible)."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select, text

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Contact, FollowUp
from accountdesk.core.db.portable import portable
from accountdesk.core.errors import NotFoundError
from accountdesk.core.io.vcard import export_vcard
from accountdesk.core.queries.culture import contact_country_pairs
from accountdesk.core.queries.details import account_detail, contact_detail
from accountdesk.core.queries.followups import counts_by_bucket
from accountdesk.core.queries.lists import filter_choices, nothing_shown
from accountdesk.core.queries.today import today_view
from accountdesk.core.queries.visible import (
    CONTACT_SHOWN_SQL,
    contact_shown,
    contacts_by_place,
    shown_by_key,
)
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import InteractionInput, log_interaction
from accountdesk.core.services.followups import FollowUpInput, schedule
from people import person_at

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)  # 11:00 in Riga, a Monday: working hours


def _person(db: Database, account: str, given: str, family: str, country: str = "LV") -> str:
    zone = {"LV": "Europe/Riga", "EE": "Europe/Tallinn"}[country]
    return person_at(db, account, given, family, country=country, zone=zone)


@pytest.fixture
def world(db: Database) -> dict[str, str]:
    acme = create_account(db, AccountInput(name="Acme", country="LV", timezone="Europe/Riga"))
    trashy = _person(db, acme, "Trashy", "Contact")
    kept = _person(db, acme, "Kept", "Person")
    schedule(
        db,
        FollowUpInput(
            contact_id=trashy, title="Trashy's call", local_due=datetime(2026, 12, 1, 10)
        ),
    )
    schedule(
        db, FollowUpInput(contact_id=kept, title="Kept's call", local_due=datetime(2026, 12, 1, 11))
    )
    call = log_interaction(
        db,
        InteractionInput(
            kind="call",
            occurred_at=datetime(2026, 11, 20, 9, tzinfo=UTC),
            contact_ids=[trashy, kept],
            subject="Joint call",
        ),
    )
    gone = create_account(
        db, AccountInput(name="Gone Ltd", country="EE", timezone="Europe/Tallinn", tier="gold")
    )
    ghost = _person(db, gone, "Ghost", "Ofgone", country="EE")
    trash.delete(db, "contact", trashy)
    trash.delete(db, "account", gone)
    return {
        "acme": acme,
        "trashy": trashy,
        "kept": kept,
        "call": call,
        "gone": gone,
        "ghost": ghost,
    }


def test_the_account_view_leaves_out_a_trashed_contacts_follow_ups_and_name(
    db: Database, world: dict[str, str]
) -> None:
    detail = account_detail(db, world["acme"])
    assert [f.title for f in detail.follow_ups] == ["Kept's call"]
    (call,) = detail.interactions
    assert call.participants == "Kept Person"
    assert call.participant_ids == (world["kept"],)
    (again,) = contact_detail(db, world["kept"]).interactions
    assert again.participants == "Kept Person"


def test_today_counts_and_names_only_what_is_shown(db: Database, world: dict[str, str]) -> None:
    today = today_view(db, NOW, "Europe/Riga")
    assert [w.id for w in today.working] == [world["kept"]]
    assert today.working_total == 1  # was 2: Ghost, of an account in the trash, counted
    (recent,) = today.recent
    assert recent.participants == "Kept Person"


def test_the_follow_up_counts_leave_out_the_trash(db: Database, world: dict[str, str]) -> None:
    # Kept's call is due tomorrow; Trashy's went with Trashy
    assert counts_by_bucket(db, NOW, "Europe/Riga") == {
        "overdue": 0,
        "today": 0,
        "week": 1,
        "later": 0,
    }
    other = create_account(db, AccountInput(name="Other", country="LV", timezone="Europe/Riga"))
    otto = _person(db, other, "Otto", "Other")
    schedule(db, FollowUpInput(contact_id=otto, title="Otto", local_due=datetime(2026, 11, 30, 8)))
    assert counts_by_bucket(db, NOW, "Europe/Riga")["overdue"] == 1
    trash.delete(db, "account", other)  # Otto is shown no more, nor his follow-up
    assert counts_by_bucket(db, NOW, "Europe/Riga")["overdue"] == 0
    trash.restore(db, "contact", world["trashy"])
    assert counts_by_bucket(db, NOW, "Europe/Riga")["week"] == 2


def test_a_count_looks_the_trash_up_without_reading_it_row_by_row(
    db: Database, world: dict[str, str]
) -> None:
    """shown_by_key's plans: on SQLite the trash's ids come from their partial indexes; on
    PostgreSQL the account and contact are an anti-join (its NOT IN compared every follow-up
    with every trashed id once they outgrew work_mem: 300 s at 200,000 in the trash)."""
    shown = shown_by_key(FollowUp, FollowUp.contact_id, postgres=db.is_postgres)
    query = select(func.count()).select_from(FollowUp).where(*shown)
    with db.engine.connect() as conn:
        compiled = query.compile(conn, compile_kwargs={"literal_binds": True})
        explain = "EXPLAIN " if db.is_postgres else "EXPLAIN QUERY PLAN "
        plan = " ".join(str(row[-1]) for row in conn.execute(text(explain + str(compiled))))
        conn.rollback()
    if db.is_postgres:
        assert plan.count("Anti Join") == 2 and "SubPlan" not in plan, plan
    else:
        assert "ix_accounts_trashed" in plan and "ix_contacts_trashed" in plan, plan
    assert counts_by_bucket(db, NOW, "Europe/Riga")["week"] == 1  # the same rule, as counted


def test_the_country_filter_and_the_first_run_check(db: Database, world: dict[str, str]) -> None:
    assert not nothing_shown(db)  # Acme
    choices = filter_choices(db)
    assert choices.countries == ["LV"]  # EE came only from Gone Ltd's contact
    assert choices.tiers == []  # Gone Ltd's
    trash.delete(db, "account", world["acme"])
    assert nothing_shown(db)  # both accounts in the trash: the first steps are offered


def _places(db: Database) -> list[tuple[str, str | None, str, int]]:
    with db.engine.connect() as conn:
        found = contacts_by_place(portable(conn))
        conn.rollback()
    return [(g.country, g.subdivision, g.timezone, g.contacts) for g in found]


def test_contacts_are_counted_by_place_without_those_of_the_trash(
    db: Database, world: dict[str, str]
) -> None:
    # Kept alone: Trashy is in the trash, Ghost's account (Gone Ltd, Estonia) too
    assert _places(db) == [("LV", None, "Europe/Riga", 1)]
    assert contact_country_pairs(db) == [("LV", None)]
    # an account in the trash takes out its contacts only, of a place others share
    other = create_account(db, AccountInput(name="Other", country="LV", timezone="Europe/Riga"))
    _person(db, other, "Otto", "Other")
    _person(db, other, "Olga", "Other")
    regional = create_account(db, AccountInput(name="Tallinn OÜ", country="EE"))
    _person(db, regional, "Eva", "Tamm", country="EE")
    assert _places(db) == [("EE", None, "Europe/Tallinn", 1), ("LV", None, "Europe/Riga", 3)]
    trash.delete(db, "account", other)
    assert _places(db) == [("EE", None, "Europe/Tallinn", 1), ("LV", None, "Europe/Riga", 1)]
    assert contact_country_pairs(db) == [("EE", None), ("LV", None)]
    trash.restore(db, "account", world["gone"])  # Ghost is back, beside Eva
    assert _places(db) == [("EE", None, "Europe/Tallinn", 2), ("LV", None, "Europe/Riga", 1)]


def test_a_place_first_seen_among_the_trash_is_left_out() -> None:
    """The statements of contacts_by_place each see what is committed when they run: another
    person may add a contact in a new place and move its account to the trash in between.
    The place, first seen among the trash's, is left out (it raised KeyError)."""
    tokyo = ("JP", None, "Asia/Tokyo", None, None)
    riga = ("LV", None, "Europe/Riga", None, None)

    class Raw:  # a connection's answers, as if that write came between the statements
        def execute(self, sql: str, params: Any = ()) -> Any:
            if sql.startswith("SELECT id FROM accounts"):
                return iter([("gone",)])
            if "IN (" in sql:
                return iter([(*tokyo, 1), (*riga, 1)])
            return iter([(*riga, 3)])

    found = contacts_by_place(Raw())
    assert [(g.country, g.contacts) for g in found] == [("LV", 2)]


def test_the_trash_is_counted_out_a_statement_at_a_time(
    db: Database, world: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from accountdesk.core.queries import visible

    monkeypatch.setattr(visible, "_IDS_AT_ONCE", 1)  # Gone Ltd and Other: two statements
    other = create_account(db, AccountInput(name="Other", country="EE", timezone="Europe/Tallinn"))
    _person(db, other, "Otto", "Other", country="EE")
    riga = create_account(db, AccountInput(name="Riga", country="LV", timezone="Europe/Riga"))
    _person(db, riga, "Rita", "Riga")
    trash.delete(db, "account", other)
    assert _places(db) == [("LV", None, "Europe/Riga", 2)]


def test_the_vcard_export_leaves_out_contacts_of_a_trashed_account(
    db: Database, world: dict[str, str]
) -> None:
    out = io.StringIO()
    assert export_vcard(db, out) == 1
    assert "Kept" in out.getvalue()
    assert "Ghost" not in out.getvalue() and "Trashy" not in out.getvalue()
    with pytest.raises(NotFoundError, match=world["ghost"]):
        export_vcard(db, io.StringIO(), contact_ids=[world["ghost"]])
    with pytest.raises(NotFoundError, match=r"moved (this contact )?to the trash on"):
        export_vcard(db, io.StringIO(), contact_ids=[world["trashy"]])


def test_the_sql_text_is_the_same_rule(db: Database, world: dict[str, str]) -> None:
    """The raw fast paths' text forms pick exactly the contacts shown."""
    with db.engine.connect() as conn:
        joined = conn.execute(
            text(
                "SELECT c.id FROM contacts c JOIN accounts a ON a.id = c.account_id "
                f"WHERE {CONTACT_SHOWN_SQL}"
            )
        ).scalars()
        assert sorted(joined) == [world["kept"]]
    with db.reader() as session:  # the loaders' form: a condition on the contact's own row
        inside = session.scalars(select(Contact.id).where(contact_shown()))
        assert sorted(inside) == [world["kept"]]


def test_today_names_participants_as_the_account_view_does(db: Database) -> None:
    """In their own name order, with the language's list separator (SQL wrote "Taro Yamada,
    Kept Person")."""
    hanami = create_account(db, AccountInput(name="Hanami", country="JP", timezone="Asia/Tokyo"))
    taro = create_contact(
        db,
        ContactInput(
            account_id=hanami,
            given_name="Taro",
            family_name="Yamada",
            name_order="family_first",
            country="JP",
            timezone="Asia/Tokyo",
        ),
    )
    kept = create_contact(
        db,
        ContactInput(
            account_id=hanami,
            given_name="Kept",
            family_name="Person",
            name_order="given_first",  # chosen: a JP contact is family name first by default
            country="JP",
            timezone="Asia/Tokyo",
        ),
    )
    log_interaction(
        db,
        InteractionInput(
            kind="meeting",
            occurred_at=datetime(2026, 11, 20, 9, tzinfo=UTC),
            contact_ids=[taro, kept],
        ),
    )
    (recent,) = today_view(db, NOW, "Europe/Riga").recent
    (shown,) = account_detail(db, hanami).interactions
    assert recent.participants == shown.participants
    assert sorted(recent.participants.split(", ")) == ["Kept Person", "Yamada Taro"]


def test_the_countries_of_contacts_leave_out_an_account_in_the_trash(db: Database) -> None:
    """Today's holiday block and the Countries screen ask for the contacts' countries: a
    trashed account's Estonian contact must not bring Estonia's holidays in."""
    from accountdesk.core.queries.culture import contact_country_pairs

    kept = create_account(db, AccountInput(name="Koks", country="LV"))
    gone = create_account(db, AccountInput(name="Mets", country="EE"))
    _person(db, kept, "Anna", "Ozola")
    _person(db, gone, "Mari", "Tamm", "EE")
    assert contact_country_pairs(db) == [("EE", None), ("LV", None)]
    trash.delete(db, "account", gone)
    assert contact_country_pairs(db) == [("LV", None)]
