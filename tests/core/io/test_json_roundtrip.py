"""The full JSON export imports back into an empty database without loss: export → import →
export gives the same document apart from the export's time; a bad or foreign file, or a
database that already holds data, is refused with nothing written."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
from sqlalchemy import func, select

from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.identity import IDENTITY_KEY
from accountdesk.core.db.models import Account, Base, Contact
from accountdesk.core.demo import generate
from accountdesk.core.io.json_io import FORMAT, VERSION, JsonImportError, export_json, import_json
from accountdesk.core.queries.search import search
from accountdesk.core.services.trash import delete

EXPORTED = datetime(2026, 3, 1, 12, tzinfo=UTC)
LATER = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


def _export(db: Database, when: datetime = EXPORTED) -> str:
    out = io.StringIO()
    export_json(db, out, clock=lambda: when)
    return out.getvalue()


def _fill(db: Database, accounts: int) -> Database:
    generate(db, accounts=accounts, seed=7, anchor=date(2026, 3, 1), clock=lambda: EXPORTED)
    with db.reader() as session:
        contact = session.scalars(select(Contact.id).order_by(Contact.id)).first()
        account = session.scalars(select(Account.id).order_by(Account.id.desc())).first()
    assert contact is not None and account is not None
    delete(db, "contact", contact, clock=lambda: EXPORTED)  # the trash travels too
    delete(db, "account", account, clock=lambda: EXPORTED)
    return db


@pytest.fixture
def demo(db: Database) -> Database:
    return _fill(db, 25)


def _empty(tmp_path: Path, name: str = "empty.db") -> Database:
    return open_database(tmp_path / name)


def test_demo_data_round_trip(db: Database, tmp_path: Path) -> None:
    demo = _fill(db, 300)  # a few hundred accounts, each table with many rows
    first = _export(demo)
    document = json.loads(first)
    assert (document["format"], document["version"]) == (FORMAT, VERSION)
    tables = document["tables"]
    assert all(tables[name] for name in ("accounts", "contacts", "interactions", "deals"))
    assert len(tables["accounts"]) == 300 and len(tables["contacts"]) > 600
    assert any(row["deleted_at"] for row in tables["contacts"])
    assert any(row["referred_by_id"] for row in tables["accounts"])
    path = tmp_path / "export.json"
    path.write_text(first, encoding="utf-8")

    again = _empty(tmp_path)
    report = import_json(again, path)
    assert report.counts == {name: len(rows) for name, rows in tables.items()}
    assert report.summary() == f"Imported {sum(report.counts.values()):,} records."
    second = _export(again, LATER)
    assert json.loads(second)["exported_at"] == LATER.isoformat()
    # Byte for byte the same document, but the export's own time (only the header's: the
    # data may hold the same instant).
    stamp = '"exported_at": "{}"'
    assert stamp.format(LATER.isoformat()) in second
    assert (
        second.replace(stamp.format(LATER.isoformat()), stamp.format(EXPORTED.isoformat()), 1)
        == first
    )
    # The search index was rebuilt: a live contact is found by name, one in the trash is not.
    live = next(r for r in tables["contacts"] if r["deleted_at"] is None)
    hits = search(again, f"{live['given_name']} {live['family_name']}", limit=50)
    assert live["id"] in {h.id for h in hits}
    gone = next(r for r in tables["contacts"] if r["deleted_at"])
    assert gone["id"] not in {h.id for h in search(again, gone["given_name"], limit=200)}
    again.close()


def test_the_order_is_the_primary_key_not_the_storage_order(demo: Database, tmp_path: Path) -> None:
    """Rows are written in the order of their primary key: a database that stored the same
    rows in another order (here: imported in reverse) gives the same document."""
    first = _export(demo)
    document = json.loads(first)
    for name, rows in document["tables"].items():
        keys = [c.name for c in Base.metadata.tables[name].primary_key.columns]
        order = [tuple(row[k] for k in keys) for row in rows]
        assert order == sorted(order), name
        rows.reverse()
    assert len(document["tables"]["contacts"]) > 1
    path = tmp_path / "reversed.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    again = _empty(tmp_path)
    import_json(again, path)
    with again.reader() as session:  # stored in reverse: SQLite alone would read them so
        stored = (
            session.connection().exec_driver_sql("SELECT id FROM contacts ORDER BY rowid").scalars()
        )
        assert list(stored) == [r["id"] for r in document["tables"]["contacts"]]
    assert _export(again) == first
    again.close()


def test_the_database_identity_stays_with_its_database(demo: Database, tmp_path: Path) -> None:
    document = json.loads(_export(demo))
    assert IDENTITY_KEY not in {row["key"] for row in document["tables"]["settings"]}
    # An older export that carried one: the new database keeps its own.
    document["tables"]["settings"].append(
        {"key": IDENTITY_KEY, "value": "someone-else", "updated_at": EXPORTED.isoformat()}
    )
    path = tmp_path / "old.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    again = _empty(tmp_path)
    with again.reader() as session:
        own = (
            session.connection()
            .exec_driver_sql("SELECT value FROM settings WHERE key = ?", (IDENTITY_KEY,))
            .scalar_one()
        )
    import_json(again, path)
    with again.reader() as session:
        after = (
            session.connection()
            .exec_driver_sql("SELECT value FROM settings WHERE key = ?", (IDENTITY_KEY,))
            .scalar_one()
        )
    assert after == own and "someone-else" not in after
    again.close()


def test_a_database_with_data_is_refused(demo: Database, tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(_export(demo), encoding="utf-8")
    before = _export(demo)
    with pytest.raises(JsonImportError) as caught:
        import_json(demo, path)
    assert "already holds data" in caught.value.message
    assert _export(demo) == before


def test_dry_run_checks_and_writes_nothing(demo: Database, tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(_export(demo), encoding="utf-8")
    again = _empty(tmp_path)
    report = import_json(again, path, dry_run=True)
    assert report.counts["contacts"] > 0
    assert report.summary().endswith("; nothing was written.")
    with again.reader() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 0
    again.close()


def _document(demo: Database) -> dict[str, Any]:
    return dict(json.loads(_export(demo)))


def _refused(tmp_path: Path, document: dict[str, Any] | str) -> JsonImportError:
    path = tmp_path / "bad.json"
    text = document if isinstance(document, str) else json.dumps(document, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    again = _empty(tmp_path, "bad.db")
    try:
        with pytest.raises(JsonImportError) as caught:
            import_json(again, path)
        with again.reader() as session:
            assert session.scalar(select(func.count()).select_from(Account)) == 0
        assert caught.value.message.endswith(".")
        return caught.value
    finally:
        again.close()


def test_files_that_are_not_an_export(tmp_path: Path) -> None:
    assert "is not JSON" in _refused(tmp_path, "{nope").message
    assert "is not an AccountDesk export" in _refused(tmp_path, '{"format": "x"}').message
    newer = {"format": FORMAT, "version": VERSION + 1, "schema": "0001", "tables": {}}
    assert "written by a newer AccountDesk" in _refused(tmp_path, newer).message
    unknown = {"format": FORMAT, "version": VERSION, "schema": "9999", "tables": {}}
    assert (
        "schema 9999, which this AccountDesk does not know" in _refused(tmp_path, unknown).message
    )


def test_bad_values_are_named_by_table_record_and_column(demo: Database, tmp_path: Path) -> None:
    document = _document(demo)
    tables = document["tables"]
    tables["accounts"][0]["customer_since"] = "31.12.2020"
    tables["accounts"][1]["country"] = "Latvia"
    tables["contacts"][0]["emails"] = [{"label": "work", "value": "not an address"}]
    number = phonenumbers.example_number(tables["contacts"][1]["country"])
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    tables["contacts"][1]["phones"] = [{"label": "work", "value": national}]
    tables["deals"][0]["amount"] = 12.5
    tables["interactions"][0]["occurred_at"] = "2026-03-01T10:00:00"
    tables["notes"][0]["account_id"] = "01900000-0000-7000-8000-00000000dead"
    tables["tags"].append(dict(tables["tags"][0]))
    tables["gifts"][0]["colour"] = "red"
    tables["wishes"] = []
    problems = _refused(tmp_path, document).problems
    joined = "\n".join(problems)
    assert (
        'Table accounts, record 1, customer_since "31.12.2020": is not a date (YYYY-MM-DD)'
        in joined
    )
    assert 'Table accounts, record 2, country "Latvia": is longer than 2 characters' in joined
    assert (
        "Table contacts, record 1: E-mail: \u201c\u2066not an address\u2069\u201d is not a valid "
        "e-mail address" in joined
    )
    assert "Table deals, record 1, amount 12.5: is not a decimal number written as text" in joined
    assert (
        'Table interactions, record 1, occurred_at "2026-03-01T10:00:00": is not an instant '
        "with an offset (ISO 8601)"
    ) in joined
    assert (
        'Table notes, record 1, account_id "01900000-0000-7000-8000-00000000dead": points at a '
        "record of accounts the export does not hold"
    ) in joined
    assert f"Table tags, record {len(tables['tags'])}, id" in joined and "appears twice" in joined
    assert "Table gifts, record 1: AccountDesk has no column colour." in joined
    assert "The export has a table AccountDesk does not know: wishes." in joined
    # A value the services would store differently is not taken as it is.
    assert (
        f'Table contacts, record 2, phones [{{"label": "work", "value": "{national}"}}]: is not '
        f'as AccountDesk stores it ([{{"label": "work", "value": "{e164}"}}])'
    ) in problems


def test_an_amount_beyond_what_can_be_stored_is_named(demo: Database, tmp_path: Path) -> None:
    """A deal's amount larger than Money can hold failed at the insert with a raw OverflowError
    (validation.money's limit, as the forms check it)."""
    document = _document(demo)
    document["tables"]["deals"][0]["amount"] = "99999999999999999"
    assert (
        'Table deals, record 1, amount "99999999999999999": is more than 999,999,999,999,999, '
        "the largest amount that can be stored"
    ) in _refused(tmp_path, document).problems


def test_earlier_periods_travel_and_an_export_without_them_still_imports(
    demo: Database, tmp_path: Path
) -> None:
    """An account won back keeps its earlier periods as a customer through an export and
    its import (migration 0012); an export written before has no such column and imports,
    every account without one; a value that cannot be read is named."""
    from accountdesk.core.queries.details import account_detail

    document = _document(demo)
    accounts = document["tables"]["accounts"]
    assert all("earlier_periods" in a and a["earlier_periods"] is None for a in accounts)
    won = next(a for a in accounts if a["customer_since"] and not a["deleted_at"])
    since = date.fromisoformat(won["customer_since"])
    earlier = [[date(since.year - 3, 1, 1).isoformat(), date(since.year - 2, 1, 1).isoformat()]]
    won["earlier_periods"] = json.dumps(earlier)
    path = tmp_path / "won.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    again = _empty(tmp_path, "won.db")
    import_json(again, path)
    assert account_detail(again, won["id"]).earlier_periods == (
        (date(since.year - 3, 1, 1), date(since.year - 2, 1, 1)),
    )
    assert json.loads(_export(again))["tables"]["accounts"] == accounts

    older = _document(demo)
    older["schema"] = "0011"
    for account in older["tables"]["accounts"]:
        del account["earlier_periods"]
    path = tmp_path / "older.json"
    path.write_text(json.dumps(older), encoding="utf-8")
    fresh = _empty(tmp_path, "older.db")
    import_json(fresh, path)
    with fresh.reader() as session:
        assert session.scalar(select(func.count()).select_from(Account)) == len(accounts)
        assert session.scalars(select(Account.earlier_periods)).all() == [None] * len(accounts)

    bad = _document(demo)
    bad["tables"]["accounts"][0]["earlier_periods"] = '[["2020-05-01", "2020-01-01"]]'
    problems = _refused(tmp_path, bad).problems
    assert any(
        p.startswith("Table accounts, record 1: Earlier periods as a customer")
        and "out of order or overlapping" in p
        for p in problems
    )
