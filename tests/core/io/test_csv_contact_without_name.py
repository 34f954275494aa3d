"""A CSV row that describes a contact but gives no given name (HubSpot and Outlook export a
person known only by a last name or an e-mail address) is refused as a contact without its
required given name; it was taken for an account's own row, so the import added its account,
reported every row imported and left the person's name, address and number out."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, Contact
from accountdesk.core.io.csv_format import CsvImportError
from accountdesk.core.io.csv_io import import_csv


def _stored(db: Database) -> tuple[list[str], list[str]]:
    with db.reader() as s:
        accounts = sorted(s.scalars(select(Account.name)))
        contacts = sorted(s.scalars(select(Contact.family_name)))
    return accounts, contacts


def test_a_hubspot_row_with_a_last_name_and_no_first_name_is_refused(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "hubspot.csv"
    path.write_text(
        "Record ID,First Name,Last Name,Email,Company Name,Country/Region\n"
        "1,Hana,Sato,hana@sakura.example,Sakura KK,Japan\n"
        "2,,Tanaka,tanaka@sakura.example,Sakura KK,Japan\n",
        encoding="utf-8",
    )
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert caught.value.problems == ["Row 3, column First Name: Given name: is required"]
    assert _stored(db) == ([], [])  # all or nothing


@pytest.mark.parametrize(
    ("cells", "column"),
    [
        (",,,+81 3 1234 5678,", "Business Phone"),
        (",,Sales,,", "Job Title"),
        (",,,,5/17/1984", "Birthday"),
    ],
)
def test_an_outlook_row_without_a_name_but_with_a_contacts_detail_is_refused(
    db: Database, tmp_path: Path, cells: str, column: str
) -> None:
    path = tmp_path / "outlook.csv"
    path.write_text(
        "First Name,Last Name,Job Title,Business Phone,Birthday,Company,Business Country/Region\n"
        f"{cells},Sakura KK,Japan\n",
        encoding="utf-8",
    )
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert caught.value.problems == ["Row 2, column First Name: Given name: is required"], column
    assert _stored(db) == ([], [])


def test_an_accounts_own_row_still_adds_the_account_alone(db: Database, tmp_path: Path) -> None:
    """Contact cells all empty (our export's row of an account without contacts), or a date
    column holding Outlook's 0/0/00 (no date): the account, no contact, no problem."""
    ours = tmp_path / "ours.csv"
    ours.write_text(
        "account_name,account_country,contact_id,given_name,family_name,emails,phones,"
        "important_dates,marketing_opt_in\n"
        "Alpski Les,SI,,,,,,,\n",
        encoding="utf-8",
    )
    report = import_csv(db, ours)
    assert (report.accounts_created, report.contacts_created) == (1, 0)
    outlook = tmp_path / "outlook.csv"
    outlook.write_text(
        "First Name,Last Name,Birthday,Company,Business Country/Region\n,,0/0/00,Sakura KK,Japan\n",
        encoding="utf-8",
    )
    report = import_csv(db, outlook)
    assert (report.accounts_created, report.contacts_created) == (1, 0)
    assert _stored(db) == (["Alpski Les", "Sakura KK"], [])
