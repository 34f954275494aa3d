"""Birthdays and other dates of other products' CSV exports: recognised in Google Contacts'
and Outlook's exports, read in the form each writes (Google's ISO dates, Outlook's Windows
short date in the file's order and calendar), stored as the contact's important dates beside
an important_dates column, refused with row, column and value when they are no date; the
export keeps them (in important_dates) for the next import. And the row numbers of every
import message in the language's digits."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import func, select

from accountdesk.cli import main
from accountdesk.core import i18n
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import Account, Contact, ImportantDate
from accountdesk.core.i18n import use_language
from accountdesk.core.io import mapping as m
from accountdesk.core.io.csv_format import CsvImportError
from accountdesk.core.io.csv_io import COLUMNS, ImportReport, export_csv, import_csv, preview
from accountdesk.core.io.sources import OUTLOOK_HEADERS
from accountdesk.core.io.vcard import VCardImportError, import_vcard
from importfiles import write_csv

GOOGLE = ["First Name", "Last Name", "Organization Name", "Birthday", "E-mail 1 - Label",
          "E-mail 1 - Value", "Address 1 - Country"]  # fmt: skip
OUTLOOK = ["First Name", "Last Name", "Company", "Business Country/Region", "E-mail Address",
           "Birthday", "Anniversary", "E-mail 2 Address"]  # fmt: skip


def _dates(db: Database) -> dict[str, list[tuple[str, int | None, int, int, str | None]]]:
    """Each contact's important dates by given name: (kind, year, month, day, label)."""
    with db.reader() as s:
        rows = s.execute(
            select(Contact.given_name, ImportantDate)
            .join(ImportantDate, ImportantDate.contact_id == Contact.id)
            .order_by(ImportantDate.kind, ImportantDate.month)
        )
        found: dict[str, list[tuple[str, int | None, int, int, str | None]]] = {}
        for given, d in rows:
            found.setdefault(given, []).append((d.kind, d.year, d.month, d.day, d.label))
        return found


def _count(db: Database, model: type[Account] | type[Contact]) -> int:
    with db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _google(tmp_path: Path) -> Path:
    return write_csv(
        tmp_path / "google.csv",
        GOOGLE,
        [
            ["Ilze", "Bērziņa", "Baltijas Koks", "1984-05-17", "* Work", "ilze@koks.example",
             "Latvia"],
            ["Jānis", "Kalniņš", "Baltijas Koks", " --12-25", "* Work", "janis@koks.example",
             "Latvia"],
            ["Anna", "Ozola", "Baltijas Koks", "", "* Work", "anna@koks.example", "Latvia"],
        ],
    )  # fmt: skip


def test_a_google_export_brings_its_birthdays(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _google(tmp_path)
    args = ["import", "--db", str(tmp_path / "cli.db"), "--dry-run", str(path)]
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert "Read as an export of Google Contacts." in printed
    assert "Birthday" not in printed  # not among the columns that were not imported

    report = import_csv(db, path)
    assert report.source == "Google Contacts" and report.unknown_columns == ()
    assert _dates(db) == {
        "Ilze": [("birthday", 1984, 5, 17, None)],
        "Jānis": [("birthday", None, 12, 25, None)],  # --12-25: no year
    }


@pytest.mark.parametrize(
    ("product", "header", "cells", "expected"),
    [
        (  # a report in a US English locale writes 5/17/1984; 17 is the day: month first
            "Salesforce",
            ["First Name", "Last Name", "Account Name", "Mailing Country", "Contact ID",
             "Birthdate"],
            [["Ilze", "Bērziņa", "Koks", "Latvia", "0035g01", "5/17/1984"],
             ["Anna", "Kalniņa", "Koks", "Latvia", "0035g02", "3/4/1990"]],
            {"Ilze": [("birthday", 1984, 5, 17, None)], "Anna": [("birthday", 1990, 3, 4, None)]},
        ),
        (
            "Zoho CRM",
            ["Contact Id", "First Name", "Last Name", "Account Name", "Mailing Country",
             "Secondary Email", "Date of Birth"],
            [["zcrm_1", "Reza", "Ahmadi", "Pars", "Iran", "", "1985-04-12"],
             ["zcrm_2", "Maryam", "Rezaei", "Pars", "Iran", "", ""]],
            {"Reza": [("birthday", 1985, 4, 12, None)]},
        ),
    ],
)  # fmt: skip
def test_salesforce_and_zoho_birthdays_are_imported_not_left_out(
    db: Database,
    tmp_path: Path,
    product: str,
    header: list[str],
    cells: list[list[str]],
    expected: dict[str, list[tuple[str, int | None, int, int, str | None]]],
) -> None:
    """Salesforce's Birthdate and Zoho's Date of Birth were listed among the columns that
    were not imported."""
    report = import_csv(db, write_csv(tmp_path / "export.csv", header, cells))
    assert report.source == product
    assert not {"Birthdate", "Date of Birth"} & set(report.unknown_columns)
    assert _dates(db) == expected


def test_outlooks_short_dates_are_read_in_the_order_the_file_shows(
    db: Database, tmp_path: Path
) -> None:
    # 5/17/1984 can only be month first: so is 3/4/1990 in the same file (4 March)
    path = write_csv(
        tmp_path / "outlook.csv",
        OUTLOOK,
        [
            ["Ilze", "Bērziņa", "Baltijas Koks", "Latvia", "ilze@koks.example", "3/4/1990",
             "0/0/00", ""],
            ["Jānis", "Kalniņš", "Baltijas Koks", "Latvia", "janis@koks.example", "0/0/00",
             "6/12/2010", ""],
            ["Anna", "Ozola", "Baltijas Koks", "Latvia", "anna@koks.example", "5/17/1984",
             "0/0/00", ""],
        ],
    )  # fmt: skip
    report = import_csv(db, path)
    assert report.source == "Outlook" and report.unknown_columns == ()
    assert _dates(db) == {
        "Ilze": [("birthday", 1990, 3, 4, None)],
        # Outlook's Anniversary (a wedding's) is another date, as vCard's ANNIVERSARY is
        "Jānis": [("custom", 2010, 6, 12, None)],
        "Anna": [("birthday", 1984, 5, 17, None)],
    }


def test_a_date_whose_order_nothing_tells_is_refused_not_guessed(
    db: Database, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "outlook.csv",
        OUTLOOK,
        [
            ["Ilze", "Bērziņa", "Baltijas Koks", "Latvia", "ilze@koks.example", "3/4/1990",
             "0/0/00", ""],
            ["Anna", "Ozola", "Baltijas Koks", "Latvia", "anna@koks.example", "7/7/1984",
             "0/0/00", ""],
        ],
    )  # fmt: skip
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    problem = caught.value.details[0]
    assert (problem.row, problem.column, problem.value) == (2, "Birthday", "3/4/1990")
    assert caught.value.message.startswith(
        "Row 2, column Birthday: Birthday “3/4/1990”: could be 3 April 1990 or 4 March 1990"
    )
    assert _count(db, Contact) == 0
    # the order chosen in the mapping reads it
    chosen = m.recognise(OUTLOOK).with_date_order("dmy")
    import_csv(db, path, mapping=chosen)
    assert _dates(db)["Ilze"] == [("birthday", 1990, 4, 3, None)]


def test_a_date_that_is_no_date_is_refused_with_row_column_and_value(
    db: Database, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "outlook.csv",
        OUTLOOK,
        [
            ["Ilze", "Bērziņa", "Baltijas Koks", "Latvia", "ilze@koks.example", "5/17/1984",
             "0/0/00", ""],
            ["Anna", "Ozola", "Baltijas Koks", "Latvia", "anna@koks.example", "0/0/00",
             "31/31/2001", ""],
        ],
    )  # fmt: skip
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert caught.value.problems == [
        "Row 3, column Anniversary: Other date “31/31/2001”: is not a date with the month "
        "before the day, as this file writes"
    ]
    problem = caught.value.details[0]
    assert (problem.row, problem.column, problem.value) == (3, "Anniversary", "31/31/2001")
    assert _count(db, Account) == 0 and _count(db, Contact) == 0


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _other_calendars(tmp_path: Path) -> Path:
    """A UTF-8 file (no calendar said) with a Thai contact's Buddhist-era birthday and an
    Iranian contact's Solar Hijri one, as the semicolon file of a Thai or Persian sheet."""
    return write_csv(
        tmp_path / "sheet.csv",
        ["Company", "First Name", "Last Name", "Country", "Birthday"],
        [
            ["Rīgas Piens", "Līga", "Ozoliņa", "Latvija", "17.05.1984"],
            ["ปตท.", "วิชัย", "ศรีสุข", "ประเทศไทย", "17/5/2527"],
            ["ایران‌خودرو", "زهرا", "محمدی", "ایران", "1363/02/27"],
        ],
    )


def test_a_year_of_another_calendar_is_refused_naming_both_readings(
    db: Database, tmp_path: Path
) -> None:
    """Not stored as the years 2527 and 1363: a calendar misread is not a value a file kept
    from before the sensible-date rule."""
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, _other_calendars(tmp_path))
    assert caught.value.problems == [
        "Row 3, column Birthday: Birthday “17/5/2527”: could be in the year 2527 of the "
        "Gregorian calendar, or 17 May 1984 if 2527 is a year of the Buddhist era: write it as "
        "1984-05-17, or import the file with the app in Thai",
        "Row 4, column Birthday: Birthday “1363/02/27”: could be in the year 1363 of the "
        "Gregorian calendar, or 17 May 1984 if 1363 is a Solar Hijri year: write it as "
        "1984-05-17, or import the file with the app in Persian",
    ]
    assert _count(db, Contact) == 0


@pytest.mark.parametrize("language", ["th", "fa"])
def test_the_apps_calendar_reads_a_year_gregorian_does_not_fit(
    db: Database, tmp_path: Path, language: str
) -> None:
    """In Thai the Buddhist-era year is read so; the Solar Hijri one is still refused (and the
    other way round in Persian): one contact each, of the file's two."""
    path = _other_calendars(tmp_path)
    read_here, refused = ("วิชัย", "1363/02/27") if language == "th" else ("زهرا", "17/5/2527")
    with use_language(language), pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert [p.value for p in caught.value.details] == [refused]
    kept = write_csv(
        tmp_path / "one.csv",
        ["Company", "First Name", "Last Name", "Country", "Birthday"],
        [row for row in _rows(path)[1:] if row[1] == read_here],
    )  # fmt: skip
    with use_language(language):
        import_csv(db, kept)
    assert _dates(db) == {read_here: [("birthday", 1984, 5, 17, None)]}


@pytest.mark.parametrize(
    ("language", "given", "birthday_header", "cell", "expected"),
    [
        ("tr", "Ayşe", "Doğum Günü", "3.04.1990", (1990, 4, 3)),  # Turkish Windows: day first
        ("lv", "Līga", "Dzimšanas diena", "03.04.1990.", (1990, 4, 3)),
        ("sl", "Špela", "Rojstni dan", "3. 04. 1990", (1990, 4, 3)),
        ("th", "สมศักดิ์", "วันเกิด", "17/5/2527", (1984, 5, 17)),  # the Buddhist era
    ],
)
def test_a_localised_outlook_file_reads_its_dates_as_its_windows_writes_them(
    db: Database,
    tmp_path: Path,
    language: str,
    given: str,
    birthday_header: str,
    cell: str,
    expected: tuple[int, int, int],
) -> None:
    code_page, names = OUTLOOK_HEADERS[language]
    header = [names[n] for n in ("First Name", "Company", "Business Country/Region")]
    header.append(birthday_header)  # not in Microsoft's list: mapped by hand
    path = write_csv(
        tmp_path / "outlook.csv", header, [[given, "Koks", "LV", cell]], encoding=code_page
    )
    chosen = m.recognise(header).with_rule(birthday_header, m.Rule("birthday"))
    report = import_csv(db, path, mapping=chosen)
    assert report.code_page == code_page  # the file's language, so its order and calendar
    assert _dates(db) == {given: [("birthday", *expected, None)]}


def test_a_code_page_taken_from_the_users_language_does_not_tell_the_order(
    db: Database, tmp_path: Path
) -> None:
    # an English Outlook's file that is not UTF-8 is read in the user's code page (Latvian
    # here): whether its Windows wrote day or month first, that does not say
    rows = [["Līga", "Koks", "Latvia", "līga@koks.example", "3/4/1990", "0/0/00", ""]]
    path = write_csv(tmp_path / "outlook.csv", OUTLOOK[:1] + OUTLOOK[2:], rows, encoding="cp1257")
    with i18n.use_language("lv"), pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    problem = caught.value.details[0]
    assert (problem.row, problem.column, problem.value) == (2, "Birthday", "3/4/1990")
    assert _count(db, Contact) == 0
    # a Thai one: its years are of the Buddhist era; its order shows in the date
    thai = [["สุดา", "Koks", "Thailand", "suda@koks.example", "17/5/2527", "0/0/00", ""]]
    path = write_csv(tmp_path / "thai.csv", OUTLOOK[:1] + OUTLOOK[2:], thai, encoding="cp874")
    with i18n.use_language("th"):
        report = import_csv(db, path)
    assert report.code_page == "cp874"
    assert _dates(db) == {"สุดา": [("birthday", 1984, 5, 17, None)]}


def test_date_columns_join_the_important_dates_column(db: Database, tmp_path: Path) -> None:
    header = ["account_name", "account_country", "given_name", "important_dates", "birthday",
              "Work anniversary"]  # fmt: skip
    path = write_csv(
        tmp_path / "ours.csv",
        header,
        [
            ["Koks", "LV", "Ilze", "birthday=1984-05-17 Mum; custom=--03-08 Women's Day",
             "1984-05-17", "2015-09-01"],
            ["Koks", "LV", "Anna", "", "17.05.1984", ""],
        ],
    )  # fmt: skip
    import_csv(db, path)
    assert _dates(db) == {
        # the birthday both columns give is there once, as important_dates labels it
        "Ilze": [
            ("birthday", 1984, 5, 17, "Mum"),
            ("custom", None, 3, 8, "Women's Day"),
            ("work_anniversary", 2015, 9, 1, None),
        ],
        "Anna": [("birthday", 1984, 5, 17, None)],
    }
    # the preview shows them as they will be stored
    rows = preview(path, m.recognise(header))
    assert [(d["kind"], d["year"]) for d in rows[0].dates] == [
        ("birthday", 1984),
        ("custom", None),
        ("work_anniversary", 2015),
    ]


def test_imported_birthdays_come_back_in_the_export_and_its_next_import(
    db: Database, tmp_path: Path
) -> None:
    import_csv(db, _google(tmp_path))
    out = io.StringIO()
    export_csv(db, out)
    exported = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(exported[0]) == list(COLUMNS)  # the format keeps its columns
    by_name = {row["given_name"]: row["important_dates"] for row in exported}
    assert by_name == {"Anna": "", "Ilze": "birthday=1984-05-17", "Jānis": "birthday=--12-25"}
    again = tmp_path / "export.csv"
    again.write_text(out.getvalue(), encoding="utf-8")
    other = open_database(tmp_path / "other.db")
    import_csv(other, again)
    assert _dates(other) == _dates(db)


def test_a_mapping_file_keeps_the_order_of_the_files_dates(tmp_path: Path) -> None:
    chosen = m.recognise(OUTLOOK).with_date_order("mdy")
    text = m.dumps(chosen)
    assert 'date_order = "mdy"' in text and '"Birthday" = "birthday"' in text
    assert m.loads(text) == chosen
    with pytest.raises(m.MappingError) as caught:
        m.loads(text.replace('"mdy"', '"ymd"'), "mine.toml")
    assert "the date order “ymd” is none of dmy, mdy" in caught.value.message
    # a date target takes no label
    with pytest.raises(m.MappingError):
        m.loads('[columns]\n"B" = { to = "birthday", label = "work" }\n')


def test_row_numbers_are_in_the_languages_digits(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "rows.csv",
        ["account_name", "account_country"],
        [["Koks", "LV"], ["Vējš"], ["Dzintars", "Mars"]],
    )
    with use_language("fa"), pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    short, country = caught.value.problems
    assert not any(ch in "0123456789" for ch in short), short  # row, cells, header's cells
    assert short.startswith("ردیف ۳ ")
    assert country.startswith("ردیف ۴، ستون account_country:")  # ISO 3166 follows


def test_vcard_line_and_card_numbers_are_in_the_languages_digits(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "cards.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ilze\r\nN:;Ilze;;;\r\nnot a property\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\n",
        encoding="utf-8",
    )
    with use_language("fa"), pytest.raises(VCardImportError) as caught:
        import_vcard(db, path)
    assert len(caught.value.problems) == 2
    for problem in caught.value.problems:
        assert not any(ch in "0123456789" for ch in problem), problem
    assert "۵" in caught.value.problems[0] and "۲" in caught.value.problems[1]


def test_columns_of_a_file_no_product_wrote_are_not_said_to_have_no_field() -> None:
    report = ImportReport(unknown_columns=("Firma",))
    assert report.remarks() == [
        "1 column whose name AccountDesk does not know was not imported: “\u2068Firma\u2069” "
        "(--map chooses what it holds; --keep-unknown keeps it in the notes)."
    ]
    known = ImportReport(unknown_columns=("Photo",), source="Google Contacts")
    assert "AccountDesk has no field for" in known.remarks()[1]


def test_checking_processes_read_the_dates_in_the_order_the_whole_file_shows(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from accountdesk.core.io import csv_check

    header = ["account_name", "account_country", "given_name", "birthday"]
    rows = [[f"Koks {n}", "LV", f"Ilze {n}", "3/4/1990"] for n in range(90)]
    rows.append(["Koks", "LV", "Anna", "17/5/1984"])  # in the last block: day first
    path = write_csv(tmp_path / "big.csv", header, rows)
    monkeypatch.setattr(csv_check, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(csv_check, "CHUNK_ROWS", 20)
    monkeypatch.setattr(csv_check, "PART_BLOCK", 30)
    monkeypatch.setattr(csv_check, "CHECKERS", 2)  # neither checker sees every row
    import_csv(db, path)
    found = _dates(db)
    assert len(found) == 91 and found["Anna"] == [("birthday", 1984, 5, 17, None)]
    assert {tuple(dates) for name, dates in found.items() if name != "Anna"} == {
        (("birthday", 1990, 4, 3, None),)
    }
