from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import Account, Contact
from accountdesk.core.demo import generate
from accountdesk.core.io.csv_io import COLUMNS, CsvImportError, export_csv, import_csv
from accountdesk.core.queries.search import search


def _export(db: Database) -> str:
    out = io.StringIO()
    export_csv(db, out)
    return out.getvalue()


def _count(db: Database, model: type[Account] | type[Contact]) -> int:
    with db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_export_then_import_into_an_empty_database_gives_the_same_data(
    db: Database, tmp_path: Path
) -> None:
    generate(db, accounts=60, seed=7, anchor=date(2026, 11, 23))
    first = _export(db)
    path = tmp_path / "export.csv"
    path.write_text(first, encoding="utf-8")
    other = open_database(tmp_path / "other.db")
    report = import_csv(other, path)
    assert report.accounts_created == 60
    assert report.contacts_created == _count(db, Contact)
    assert _export(other) == first
    # The search index was filled by the import as well.
    some_contact = next(csv.DictReader(io.StringIO(first)))
    hits = search(other, some_contact["given_name"] + " " + some_contact["family_name"])
    assert some_contact["contact_id"] in {h.id for h in hits}
    # Importing the same file again updates and creates nothing new.
    again = import_csv(other, path)
    assert again.accounts_created == 0 and again.contacts_created == 0
    assert _export(other) == first


def test_common_crm_headers_are_recognised(db: Database, tmp_path: Path) -> None:
    path = _write(
        tmp_path / "outlook.csv",
        ["First Name", "Last Name", "Company", "E-mail Address", "Mobile Phone", "Country"],
        [["Ilze", "Bērziņa", "Dzintars SIA", "ilze@dzintars.example", "26123456", "LV"]],
    )
    report = import_csv(db, path)
    assert (report.accounts_created, report.contacts_created) == (1, 1)
    hit = search(db, "berzina")[0]
    assert hit.title == "Ilze Bērziņa"


def test_missing_required_column_is_named(db: Database, tmp_path: Path) -> None:
    path = _write(tmp_path / "x.csv", ["given_name", "country"], [["Ann", "LV"]])
    with pytest.raises(CsvImportError, match="account name"):
        import_csv(db, path)


@pytest.mark.parametrize(
    ("column", "value", "needle"),
    [
        ("country", "Narnia", "ISO 3166"),
        ("timezone", "Mars/Olympus", "IANA time zone"),
        ("phones", "12", "phone number"),
        ("emails", "not-an-address", "e-mail"),
    ],
)
def test_a_bad_cell_names_row_and_column_and_writes_nothing(
    db: Database, tmp_path: Path, column: str, value: str, needle: str
) -> None:
    header = [
        "account_name",
        "account_country",
        "given_name",
        "country",
        "timezone",
        "phones",
        "emails",
    ]
    good = ["Dzintars", "LV", "Ilze", "LV", "Europe/Riga", "26123456", "ilze@example.lv"]
    bad = list(good)
    bad[header.index(column)] = value
    path = _write(tmp_path / "bad.csv", header, [good, good, bad, good])
    with pytest.raises(CsvImportError) as info:
        import_csv(db, path)
    message = str(info.value)
    assert "Row 4" in message
    assert f"column {column}" in message
    assert needle in message
    assert "Nothing was imported" in message
    assert _count(db, Account) == 0
    assert _count(db, Contact) == 0


def test_a_file_that_is_not_csv(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(CsvImportError, match="not a CSV file"):
        import_csv(db, path)
    text = tmp_path / "letter.csv"
    text.write_text("Dear customer,\nthank you for your order.\n", encoding="utf-8")
    with pytest.raises(CsvImportError, match="names no column"):
        import_csv(db, text)


def test_dry_run_writes_nothing(db: Database, tmp_path: Path) -> None:
    path = _write(
        tmp_path / "ok.csv", ["account_name", "account_country"], [["A", "LV"], ["B", "SI"]]
    )
    report = import_csv(db, path, dry_run=True)
    assert report.accounts_created == 2
    assert _count(db, Account) == 0


def test_export_header_is_the_documented_format(db: Database) -> None:
    assert _export(db).splitlines()[0].split(",") == list(COLUMNS)


def test_checking_in_a_second_process_gives_the_same_result(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from accountdesk.core.io import csv_io

    generate(db, accounts=80, seed=5, anchor=date(2026, 11, 23))
    path = tmp_path / "export.csv"
    path.write_text(_export(db), encoding="utf-8")
    monkeypatch.setattr(csv_io, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(csv_io, "CHUNK_ROWS", 50)  # several chunks, written as they come
    monkeypatch.setattr(csv_io, "PART_BLOCK", 40)
    monkeypatch.setattr(csv_io, "CHECKERS", 2)  # both checkers get rows
    other = open_database(tmp_path / "other.db")
    import_csv(other, path)
    assert _export(other) == path.read_text(encoding="utf-8")

    # A bad row after several chunks were written: everything is rolled back.
    broken = tmp_path / "broken.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[-1][COLUMNS.index("timezone")] = "Mars/Olympus"
    with broken.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    third = open_database(tmp_path / "third.db")
    with pytest.raises(CsvImportError) as info:
        import_csv(third, broken)
    assert f"Row {len(rows)}, column timezone" in str(info.value)
    assert _count(third, Account) == 0 and _count(third, Contact) == 0
