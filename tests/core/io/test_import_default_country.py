"""A card or row that gives no country (a phone's address book: local numbers, no address)
takes the import's country: one chosen for it (``--country``, the import dialog's), and on a
vCard the user's own (Settings → Me, ``user.country``); a vCard's messages name ADR only on a
card that has one (code review rev16's 9th)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from accountdesk import cli
from accountdesk.core import settings
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import Account, Contact
from accountdesk.core.io import csv_check
from accountdesk.core.io.csv_format import CsvImportError
from accountdesk.core.io.csv_io import import_csv
from accountdesk.core.io.vcard import VCardImportError, import_vcard

CARDS = (
    "BEGIN:VCARD\nVERSION:4.0\nFN:Mojca Kranjc\nN:Kranjc;Mojca;;;\n"
    "TEL;TYPE=cell;VALUE=uri:tel:+386-41-555-666\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:Kanya\nTEL;TYPE=CELL:0891234567\nEND:VCARD\n"
)


def _cards(tmp_path: Path, text: str = CARDS) -> Path:
    path = tmp_path / "phone.vcf"
    path.write_bytes(text.replace("\n", "\r\n").encode())
    return path


def _countries(db: Database) -> dict[str, tuple[str, str]]:
    """Each contact's country and its account's, by given name."""
    with db.reader() as session:
        rows = session.execute(
            select(Contact.given_name, Contact.country, Account.country).join(
                Account, Account.id == Contact.account_id
            )
        )
        return {given: (country, account) for given, country, account in rows}


def test_a_card_without_a_country_is_refused_naming_no_adr_it_lacks(
    db: Database, tmp_path: Path
) -> None:
    with pytest.raises(VCardImportError) as refused:
        import_vcard(db, _cards(tmp_path))
    assert refused.value.problems == [
        "Card 2 (Kanya): no country: the card has no address, and no phone number in "
        "international form (+…) or time zone tells one; give the card an address, or the "
        "import a country for such cards (--country, or your own country in Settings → Me)"
    ]
    # an address without its country is named: the card has one
    with pytest.raises(VCardImportError) as refused:
        import_vcard(
            db, _cards(tmp_path, CARDS.replace("FN:Kanya\n", "FN:Kanya\nADR:;;;Ubon;;;\n"))
        )
    assert refused.value.problems[0].startswith("Card 2 (Kanya), ADR: no country: give the address")


def test_the_users_own_country_is_a_cards_when_nothing_on_it_tells_one(
    db: Database, tmp_path: Path
) -> None:
    settings.put(db, "user.country", "TH")
    report = import_vcard(db, _cards(tmp_path))
    assert report.contacts_created == 2
    # the international number still tells Mojca's; nothing tells Kanya's but the user's own
    assert _countries(db) == {"Mojca": ("SI", "SI"), "Kanya": ("TH", "TH")}
    assert report.notes == [
        "Card 1 (Mojca Kranjc): no country given; taken from the phone number: SI",
        "Card 2 (Kanya): no country given; taken as your own country (Settings → Me): TH",
    ]
    with db.reader() as session:
        phone = session.scalar(select(Contact.phones).where(Contact.given_name == "Kanya"))
    assert phone == [{"label": "mobile", "value": "+66891234567"}]


def test_a_country_chosen_for_the_import_comes_before_the_users_own(
    db: Database, tmp_path: Path
) -> None:
    settings.put(db, "user.country", "LV")
    report = import_vcard(db, _cards(tmp_path), country="TH", dry_run=True)
    assert report.notes[-1] == (
        "Card 2 (Kanya): no country given; taken as the country chosen for the import: TH"
    )


def _rows(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


def test_a_csv_row_without_a_country_takes_the_one_chosen(db: Database, tmp_path: Path) -> None:
    path = _rows(
        tmp_path / "book.csv",
        ["Name", "Company", "Country", "Mobile"],
        [["Kanya Srisuk", "Thai Herb", "", "089 123 4567"],
         ["Ilze Ozola", "Baltic Timber", "Latvia", "26 123 456"]],
    )  # fmt: skip
    with pytest.raises(CsvImportError):
        import_csv(db, path)
    report = import_csv(db, path, country="TH")
    assert report.contacts_created == 2
    assert _countries(db) == {"Kanya": ("TH", "TH"), "Ilze": ("LV", "LV")}
    # the report says which rows took the chosen country (the user did not see them)
    assert report.remarks() == [
        "1 row names no country and has no international phone number: it was imported as "
        "in Thailand, the country chosen for the import."
    ]
    # a file with no country column at all: every row the chosen country's
    book = _rows(
        tmp_path / "no_column.csv",
        ["Name", "Company", "Mobile"],
        [["Somchai", "Siam", "0812345678"]],
    )
    with pytest.raises(CsvImportError, match="has no column for the country"):
        import_csv(db, book, dry_run=True)
    assert import_csv(db, book, country="TH").contacts_created == 1
    assert _countries(db)["Somchai"] == ("TH", "TH")


def test_the_chosen_country_reaches_a_process_that_checks_a_large_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Our own columns in a large file are checked in another process, which reads the file
    on its own: it is told the country too."""
    monkeypatch.setattr(csv_check, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(csv_check, "CHUNK_ROWS", 20)
    path = _rows(
        tmp_path / "ours.csv",
        ["account_name", "account_country", "given_name", "phones"],
        [[f"Firm {n}", "" if n % 2 else "LV", f"Name {n}", "mobile:0891234567" if n % 2 else ""]
         for n in range(60)],
    )  # fmt: skip
    db = open_database(tmp_path / "crm.db", create=True)
    try:
        started: list[csv_check.Checkers] = []
        real = csv_check.start
        monkeypatch.setattr(csv_check, "start", lambda *a: started.append(real(*a)) or started[-1])
        report = import_csv(db, path, country="TH")
        assert started and started[0].country == "TH"
        assert report.contacts_created == 60
        # counted by the other process, chunk by chunk: 30 rows without a country
        assert report.countries_by_default == 30 and report.countries_from_phones == 0
        countries = _countries(db)
        assert countries["Name 1"] == ("TH", "TH") and countries["Name 2"] == ("LV", "LV")
    finally:
        db.close()


def test_the_command_line_takes_country(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    target = str(tmp_path / "crm.db")
    cards = str(_cards(tmp_path))
    book = str(
        _rows(
            tmp_path / "book.csv",
            ["Name", "Company", "Mobile"],
            [["Kanya", "Thai Herb", "089 123 4567"]],
        )
    )
    assert cli.main(["--db", target, "import", cards, "--country", "Thailand"]) == 0
    assert "taken as the country chosen for the import: TH" in capsys.readouterr().err
    assert cli.main(["--db", target, "import", book, "--country", "ประเทศไทย"]) == 0
    assert "Added 1 contact." in capsys.readouterr().out
    with pytest.raises(SystemExit):
        cli.main(["--db", target, "import", book, "--country", "Narnia"])
    assert "argument --country: Country “Narnia”: is not an ISO 3166 country code" in (
        capsys.readouterr().err
    )
    export = tmp_path / "all.json"
    export.write_text("{}", encoding="utf-8")
    assert cli.main(["--db", target, "import", str(export), "--country", "TH"]) == 1
    assert "--country is for CSV and vCard files." in capsys.readouterr().err


def test_the_report_counts_the_rows_whose_country_came_from_elsewhere(
    db: Database, tmp_path: Path
) -> None:
    """A dry run and the import say how many rows took their country from a phone number
    and how many the chosen one, so that a user can look at them before and after."""
    path = _rows(
        tmp_path / "book.csv",
        ["Name", "Company", "Country", "Mobile"],
        [["Kanya Srisuk", "Thai Herb", "", "+66 89 123 4567"],
         ["Mojca Kranjc", "Lesnina", "", "+386 41 555 666"],
         ["Somchai", "Siam", "", "081 234 5678"],
         ["Ilze Ozola", "Baltic Timber", "Latvia", "26 123 456"]],
    )  # fmt: skip
    expected = [
        "2 rows name no country: their countries were taken from their international phone "
        "numbers.",
        "1 row names no country and has no international phone number: it was imported as in "
        "Thailand, the country chosen for the import.",
    ]
    checked = import_csv(db, path, country="TH", dry_run=True)
    assert checked.remarks() == expected
    report = import_csv(db, path, country="TH")
    assert report.remarks() == expected
    assert _countries(db)["Mojca"] == ("SI", "SI")
    # a file whose rows all name their countries has nothing to say about them
    named = _rows(tmp_path / "named.csv", ["Name", "Company", "Country"],
                  [["Rok Novak", "Lesnina", "Slovenia"]])  # fmt: skip
    assert import_csv(db, named, country="TH", dry_run=True).remarks() == []
