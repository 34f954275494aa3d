"""A comma in a whole name says the family name comes first ("Müller, Hans", the "Last,
First" or "File As" form of many lists), in a CSV file's full-name column and on a vCard named
by FN alone: one rule, :func:`accountdesk.core.io.names.split_at_comma` (code review rev16's
8th)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Contact
from accountdesk.core.io import names
from accountdesk.core.io.csv_io import import_csv
from accountdesk.core.io.names import split_full_name
from accountdesk.core.io.vcard import import_vcard


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


@pytest.mark.parametrize(
    ("full", "country", "given", "family", "honorific"),
    [
        ("Müller, Hans", "DE", "Hans", "Müller", None),
        ("Müller,Hans", "DE", "Hans", "Müller", None),
        ("Müller, Dr. Hans", "DE", "Hans", "Müller", "Dr."),
        ("Dr. Müller, Hans", "DE", "Hans", "Müller", "Dr."),
        ("van der Berg, Jan", "NL", "Jan", "van der Berg", None),
        ("García López, María José", "ES", "María José", "García López", None),
        ("Yılmaz, Ayşe Hanım", "TR", "Ayşe", "Yılmaz", "Hanım"),
        ("Smith, John, Jr.", "US", "John", "Smith Jr.", None),
        ("احمدی، رضا", "IR", "رضا", "احمدی", None),  # the Arabic-script comma
        # family name first in Japan anyway: the comma changes nothing of the parts
        ("Tanaka, Taro", "JP", "Taro", "Tanaka", None),
        # a comma before a generation suffix or a degree only is no "Family, Given"
        ("John Smith, Jr.", "US", "John", "Smith Jr.", None),
        ("Ann Lee, PhD", "US", "Ann", "Lee PhD", None),
        # no comma: as before
        ("Hans Müller", "DE", "Hans", "Müller", None),
        ("Müller,", "DE", "Müller", "", None),
    ],
)
def test_a_comma_puts_the_family_name_first(
    full: str, country: str, given: str, family: str, honorific: str | None
) -> None:
    name = split_full_name(full, country)
    assert (name.given, name.family, name.honorific) == (given, family, honorific)
    assert name.order == ("family_first" if country == "JP" else "given_first")


def test_a_name_without_such_a_comma_is_not_split_there() -> None:
    assert names.split_at_comma("Hans Müller", "DE") is None
    assert names.split_at_comma("John Smith, Jr.", "US") is None
    assert names.split_at_comma("Müller, Hans", "DE") == ("Hans", "Müller", "given_first", None)


def _contacts(db: Database) -> list[tuple[str, str, str | None]]:
    with db.reader() as session:
        rows = session.execute(select(Contact.given_name, Contact.family_name, Contact.honorific))
        return sorted((g, f, h) for g, f, h in rows)


def test_a_csv_full_name_and_an_fn_only_card_are_split_alike(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "names.csv",
        ["Full Name", "Company", "Country"],
        [["Müller, Hans", "Bosch", "DE"], ["Yılmaz, Ayşe Hanım", "Koç", "TR"]],
    )
    import_csv(db, path)
    assert _contacts(db) == [("Ayşe", "Yılmaz", "Hanım"), ("Hans", "Müller", None)]

    cards = tmp_path / "cards.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:Schmidt, Dr. Anna\r\nORG:Bosch\r\n"
        "ADR:;;;;;;Germany\r\nEND:VCARD\r\n"
        # FN alone without a comma: kept whole as the given name, as before
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ahmet Yılmaz (Koç)\r\nADR:;;;;;;Turkey\r\n"
        "END:VCARD\r\n",
        encoding="utf-8",
    )
    import_vcard(db, cards)
    assert _contacts(db) == [
        ("Ahmet Yılmaz (Koç)", "", None),
        ("Anna", "Schmidt", "Dr."),
        ("Ayşe", "Yılmaz", "Hanım"),
        ("Hans", "Müller", None),
    ]
