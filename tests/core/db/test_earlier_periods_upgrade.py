"""Migration 0012: accounts get ``earlier_periods`` (the periods as a customer before an
account was won back). An 0011 database keeps every account as it was, with no earlier
period, and a win-back saved after the upgrade keeps its earlier period; down again, the
column goes and the rest stays."""

from __future__ import annotations

from datetime import date

from alembic import command
from sqlalchemy import inspect, text

from accountdesk.core.db.engine import Database, schema_revision
from accountdesk.core.db.migrations import alembic_config
from accountdesk.core.db.schema import SCHEMA_HEAD
from accountdesk.core.queries.details import account_detail
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import (
    account_input,
    create_account,
    create_contact,
    update_account,
)


def _columns(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return {c["name"] for c in inspect(conn).get_columns("accounts")}


def _rows(db: Database) -> list[tuple[object, ...]]:
    with db.engine.connect() as conn:
        sql = "SELECT id, name, status, customer_since, lost_on FROM accounts ORDER BY id"
        found = [tuple(r) for r in conn.execute(text(sql))]
        # the contacts too: a table made again on SQLite would take them with it
        sql = "SELECT id, account_id, given_name FROM contacts ORDER BY id"
        return found + [tuple(r) for r in conn.execute(text(sql))]


def test_an_0011_database_is_upgraded_with_its_accounts_and_down_again(db: Database) -> None:
    assert SCHEMA_HEAD >= "0012"
    lost = create_account(
        db,
        AccountInput(
            name="Andes SA", country="MX", timezone="America/Mexico_City",
            status="lost", customer_since="2023-06-01", lost_on="2024-03-15",
        ),
    )  # fmt: skip
    create_account(db, AccountInput(name="Kras", country="SI", status="prospect"))
    create_contact(
        db,
        ContactInput(
            account_id=lost, given_name="Ana", country="MX", timezone="America/Mexico_City"
        ),
    )
    before = _rows(db)
    with db.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0011")
    assert "earlier_periods" not in _columns(db)
    assert _rows(db) == before
    assert len(before) == 3

    with db.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    assert schema_revision(db) == SCHEMA_HEAD
    assert _rows(db) == before
    with db.engine.connect() as conn:
        stored = conn.execute(text("SELECT earlier_periods FROM accounts")).scalars().all()
    assert stored == [None, None]
    assert account_detail(db, lost).earlier_periods == ()

    data = account_input(db, lost)
    data.status, data.lost_on, data.customer_since = "active", None, "2024-11-20"
    update_account(db, lost, data)
    assert account_detail(db, lost).earlier_periods == ((date(2023, 6, 1), date(2024, 3, 15)),)
