"""Other products' columns read for what they hold (code review rev16, 5th, 6th and 8th): a
person's web page is not the account's website; state and region columns are the region, by
ISO code or name; Categories, Labels and Tag are tags; Outlook's values for nothing entered are
not notes; a whole name in a "Name" or "Full Name" column is the full name."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, Contact
from accountdesk.core.io import mapping as m
from accountdesk.core.io.csv_io import import_csv

GOOGLE = [
    "First Name", "Last Name", "Organization Name", "Labels", "E-mail 1 - Label",
    "E-mail 1 - Value", "Address 1 - City", "Address 1 - Region", "Address 1 - Country",
    "Website 1 - Label", "Website 1 - Value",
]  # fmt: skip
OUTLOOK = [
    "First Name", "Last Name", "Company", "Business City", "Business State",
    "Business Country/Region", "E-mail Address", "E-mail 2 Address", "Web Page", "Categories",
    "Gender", "Priority", "Private", "Sensitivity", "E-mail Type", "Initials",
]  # fmt: skip


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


def _people(db: Database) -> dict[str, dict[str, Any]]:
    with db.reader() as session:
        found = {}
        for contact in session.scalars(select(Contact)):
            found[contact.given_name] = {
                "subdivision": contact.subdivision,
                "timezone": contact.timezone,
                "notes": contact.personal_notes,
                "tags": sorted(t.name for t in contact.tags),
                "family": contact.family_name,
                "website": contact.account.website,
            }
        return found


def test_a_persons_web_page_is_kept_in_their_notes_not_made_the_accounts_website(
    db: Database, tmp_path: Path
) -> None:
    """Two colleagues with their own LinkedIn profiles (Google's Website 1), or their
    company's site written two ways (Outlook's Web Page): the file was refused as rows of one
    account that disagree, and one colleague's profile became the company's website."""
    google = _write(
        tmp_path / "google.csv",
        GOOGLE,
        [
            ["Ilze", "Bērziņa", "SIA Baltic Timber", "", "* Work", "ilze@bt.example", "Rīga",
             "", "Latvia", "Profile", "https://www.linkedin.com/in/ilze-berzina"],
            ["Pēteris", "Kalniņš", "SIA Baltic Timber", "", "* Work", "peteris@bt.example",
             "Rīga", "", "Latvia", "Profile", "https://www.linkedin.com/in/peteris-kalnins"],
        ],
    )  # fmt: skip
    report = import_csv(db, google)
    assert report.kept_columns == ("Website 1 - Value",)
    assert "Website 1 - Label" in report.unknown_columns
    people = _people(db)
    assert people["Ilze"]["notes"] == "Website 1 - Value: https://www.linkedin.com/in/ilze-berzina"
    assert people["Pēteris"]["notes"] == (
        "Website 1 - Value: https://www.linkedin.com/in/peteris-kalnins"
    )
    assert people["Ilze"]["website"] is None

    outlook = _write(
        tmp_path / "outlook.csv",
        ["First Name", "Last Name", "Company", "Business Country/Region", "Business Phone 2",
         "E-mail 2 Address", "Web Page"],
        [
            ["Ayşe", "Yılmaz", "Anadolu Tekstil", "Turkey", "", "", "www.anadolutekstil.com.tr"],
            ["Can", "Demir", "Anadolu Tekstil", "Turkey", "", "",
             "http://www.anadolutekstil.com.tr/"],
        ],
    )  # fmt: skip
    report = import_csv(db, outlook)
    assert report.contacts_created == 2 and report.kept_columns == ("Web Page",)
    assert _people(db)["Can"]["notes"] == "Web Page: http://www.anadolutekstil.com.tr/"
    with db.reader() as session:
        websites = set(session.scalars(select(Account.website)))
    assert websites == {None}


@pytest.mark.parametrize("header", ["Name", "Full Name", "Contact Name", "full name"])
def test_a_column_of_whole_names_is_the_full_name(
    db: Database, tmp_path: Path, header: str
) -> None:
    """A spreadsheet's "Name" and Dynamics 365's "Full Name" were not read: the file had
    contact columns and no given name."""
    assert m.recognise([header, "Company"]).columns[header] == m.Rule(m.FULL_NAME)
    path = _write(
        tmp_path / "list.csv",
        [header, "Company", "Country", "E-mail"],
        [["Ilze Bērziņa", "SIA Baltic Timber", "Latvia", "ilze@bt.example"],
         ["Müller, Hans", "Bosch", "Germany", "hans@bosch.example"]],
    )  # fmt: skip
    report = import_csv(db, path)
    assert report.contacts_created == 2
    people = _people(db)
    assert (people["Ilze"]["family"], people["Hans"]["family"]) == ("Bērziņa", "Müller")


def test_a_dynamics_365_export_is_read(db: Database, tmp_path: Path) -> None:
    path = _write(
        tmp_path / "dynamics.csv",
        ["(Do Not Modify) Contact", "Full Name", "Company Name", "Business Phone", "Email",
         "Address 1: City", "Address 1: Country/Region"],
        [["7d1c8a2e", "Līga Kalniņa", "Latvijas Balzams", "+371 67 081 213",
          "liga@amber.example", "Rīga", "Latvia"]],
    )  # fmt: skip
    report = import_csv(db, path)
    assert report.contacts_created == 1
    assert report.unknown_columns == ("(Do Not Modify) Contact",)
    with db.reader() as session:
        contact = session.scalars(select(Contact)).one()
        assert (contact.given_name, contact.family_name, contact.city, contact.country) == (
            "Līga",
            "Kalniņa",
            "Rīga",
            "LV",
        )
