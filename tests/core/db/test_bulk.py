from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert

from accountdesk.core.db.bulk import bulk_insert
from accountdesk.core.db.engine import open_database
from accountdesk.core.db.models import Account, Contact, table


def _rows() -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    when = datetime(2026, 3, 29, 0, 30, 15, 123456, tzinfo=UTC)
    accounts = [
        {
            "id": "a1", "name": "Ābele", "country": "LV", "status": "active",
            "customer_since": date(2024, 2, 29), "acquisition_cost": Decimal("1234.567"),
            "created_at": when, "updated_at": when, "deleted_at": None,
        }
    ]  # fmt: skip
    contacts = [
        {
            "id": "c1", "account_id": "a1", "given_name": "Jānis", "family_name": "Bērziņš",
            "name_order": "given_first", "emails": [{"label": "work", "value": "j@x.lv"}],
            "phones": [], "formality": "formal", "country": "LV", "timezone": "Europe/Riga",
            "marketing_opt_in": True, "created_at": when, "updated_at": when,
        }
    ]  # fmt: skip
    return accounts, contacts


def test_bulk_insert_stores_what_sqlalchemy_stores(tmp_path: Path) -> None:
    accounts, contacts = _rows()
    fast = open_database(tmp_path / "fast.db")
    slow = open_database(tmp_path / "slow.db")
    with fast.transaction() as s:
        bulk_insert(s.connection(), table(Account), accounts)
        bulk_insert(s.connection(), table(Contact), contacts)
    with slow.transaction() as s:
        s.connection().execute(insert(table(Account)), accounts)
        s.connection().execute(insert(table(Contact)), contacts)
    for name in ("accounts", "contacts"):
        a = sqlite3.connect(tmp_path / "fast.db").execute(f"SELECT * FROM {name}").fetchall()
        b = sqlite3.connect(tmp_path / "slow.db").execute(f"SELECT * FROM {name}").fetchall()
        assert a == b
    with fast.reader() as s:
        account = s.get(Account, "a1")
        assert account is not None
        assert account.acquisition_cost == Decimal("1234.567")
        assert account.created_at == accounts[0]["created_at"]
