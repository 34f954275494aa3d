"""Exporting to a file (core/io/exports.py), what the command line and File → Export… share:
a CSV file starts with a UTF-8 byte-order mark (Excel read "Bērziņa" as "BÄ“rziÅ†a" without
it) and is read back whole; standard output gets none; a stopped export leaves the file that
was there as it was."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.io import exports
from accountdesk.core.io.csv_io import export_csv, import_csv
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "a.db")
    account = create_account(database, AccountInput(name="Koks SIA", country="LV"))
    for given, family in (("Anna", "Bērziņa"), ("สมชาย", "ใจดี"), ("نرگس", "رضایی")):
        create_contact(
            database,
            ContactInput(account_id=account, given_name=given, family_name=family, country="LV"),
        )
    return database


def test_a_csv_file_starts_with_the_mark_and_comes_back_whole(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    message = exports.export_file(db, target, "csv")
    assert message == "Exported 3 rows."
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark, once
    assert not data[3:].startswith(b"\xef\xbb\xbf")
    assert "Bērziņa" in data.decode("utf-8-sig")
    stream = io.StringIO()
    export_csv(db, stream)
    assert data.decode("utf-8-sig") == stream.getvalue()  # the mark and nothing else more
    again = open_database(tmp_path / "b.db")
    report = import_csv(again, target)
    assert report.contacts_created == 3
    out = io.StringIO()
    export_csv(again, out)

    def people(text: str) -> set[tuple[str, str]]:
        return {(r["given_name"], r["family_name"]) for r in csv.DictReader(io.StringIO(text))}

    assert people(out.getvalue()) == people(stream.getvalue())
    assert ("Anna", "Bērziņa") in people(out.getvalue())  # the first column's name read right


def test_other_formats_and_streams_get_no_mark(db: Database, tmp_path: Path) -> None:
    for kind in ("json", "vcard"):
        target = tmp_path / f"out{exports.FORMATS[kind]}"
        exports.export_file(db, target, kind)
        assert not target.read_bytes().startswith(b"\xef\xbb\xbf"), kind
    stream = io.StringIO()
    assert exports.export_to(db, stream, "csv") == "Exported 3 rows."
    assert stream.getvalue().startswith("account_id,")


def test_a_stopped_export_leaves_the_file_as_it_was(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("what was there", encoding="utf-8")
    asked = []

    def go_on() -> bool:
        asked.append(1)
        return len(asked) < 3  # the user stops it after two writes

    with pytest.raises(exports.ExportStopped, match="stopped; no file was written"):
        exports.export_file(db, target, "csv", go_on=go_on)
    assert target.read_text(encoding="utf-8") == "what was there"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []
