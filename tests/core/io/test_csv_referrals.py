"""An account's referrer (column account_referred_by) as a CSV import stores it: written with
the account when the referrer was written before it (an earlier chunk, or earlier in the same
one), linked at the end otherwise; a referrer nowhere, or the account itself, refuses the file."""

from __future__ import annotations

import csv
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Connection

from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import Account
from accountdesk.core.io import csv_check, csv_format, csv_io
from accountdesk.core.io.csv_format import CsvImportError
from accountdesk.core.io.csv_io import import_csv
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account

HEADER = ["account_id", "account_name", "account_country", "account_referred_by"]


@pytest.fixture(autouse=True)
def _small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Three accounts a chunk, so that referrals cross chunks and stay inside them."""
    monkeypatch.setattr(csv_check, "CHUNK_ROWS", 3)
    monkeypatch.setattr(csv_format, "FIRST_CHUNK_ROWS", 3)


def _ids(count: int) -> list[str]:
    """Ids in the reverse of their order: a chunk's new accounts are inserted in id order."""
    return [str(uuid.UUID(int=1000 - n)) for n in range(count)]


def _file(tmp_path: Path, rows: list[tuple[str, str]]) -> Path:
    """One account a row: (id, referrer id or "")."""
    path = tmp_path / "accounts.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows([key, f"Firma {n}", "SI", by] for n, (key, by) in enumerate(rows))
    return path


def _referrers(db: Database) -> dict[str, str | None]:
    with db.reader() as session:
        return {key: by for key, by in session.execute(select(Account.id, Account.referred_by_id))}


def test_referrers_before_and_after_in_the_same_chunk_and_in_others(
    tmp_path: Path, database_target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, c, d, e, f, g, h = _ids(8)
    rows = [
        (a, ""),
        (b, a),  # the row before, same chunk
        (c, e),  # a later row of the next chunk
        (d, a),  # an earlier chunk
        (e, f),  # the next row, same chunk
        (f, d),  # an earlier row of the same chunk
        (g, h),  # the next row, the last chunk
        (h, b),  # two chunks before
    ]
    db = open_database(database_target)
    linked: list[dict[str, str]] = []
    real = csv_io._set_referrers

    def set_referrers(conn: Connection, links: dict[str, str]) -> None:
        linked.append(dict(links))
        real(conn, links)

    monkeypatch.setattr(csv_io, "_set_referrers", set_referrers)
    report = import_csv(db, _file(tmp_path, rows))
    assert report.accounts_created == 8
    assert _referrers(db) == {key: (by or None) for key, by in rows}
    # The links to accounts inserted after theirs are made at the end, in one statement (an
    # UPDATE a chunk had SQLite open a savepoint, at which FTS5 wrote out the words it held
    # back): c's referrer is in the next chunk, and b and f come before theirs in id order.
    assert linked == [{c: e, b: a, f: d}]


def test_into_a_database_with_accounts_a_stored_referrer_and_a_stored_account(
    tmp_path: Path, database_target: str
) -> None:
    db = open_database(database_target)
    stored = create_account(db, AccountInput(name="Stara firma", country="SI"))
    named = create_account(db, AccountInput(name="Firma 1", country="SI"))
    a, c = _ids(2)
    rows = [
        (a, stored),  # a new account, referred by one stored before the import
        (named, a),  # a stored account the file updates, referred by a new one before it
        (c, named),  # a new one referred by a stored one the file updated
    ]
    report = import_csv(db, _file(tmp_path, rows))
    assert (report.accounts_created, report.accounts_updated) == (2, 1)
    assert _referrers(db) == {stored: None, a: stored, named: a, c: named}


@pytest.mark.parametrize("empty", [True, False])
def test_a_referrer_nowhere_or_the_account_itself_refuses_the_file(
    tmp_path: Path, database_target: str, empty: bool
) -> None:
    a, b, c, nowhere = _ids(4)
    db = open_database(database_target)
    if not empty:
        create_account(db, AccountInput(name="Stara firma", country="SI"))
    before = _referrers(db)
    for rows, message in (
        ([(a, ""), (b, a), (c, nowhere)], f"names an account that does not exist: {nowhere}"),
        ([(a, ""), (b, a), (c, c)], f"Account {c} cannot refer itself"),
    ):
        with pytest.raises(CsvImportError) as refused:
            import_csv(db, _file(tmp_path, rows))
        assert message in refused.value.message
        assert _referrers(db) == before  # nothing written, the accounts before b's link neither
