"""A CSV row of a person without a company gets an account of their own named after them, as a
vCard without ORG does (one rule: records.person_account_name): one person of a Google, Outlook
or HubSpot export without an Organization Name refused the whole file, and said so as "Name: is
required", the account's field label, which reads as the person's name ("Ad: zorunludur" in
Turkish, where "Ad" is a given name)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, Contact
from accountdesk.core.i18n import use_language
from accountdesk.core.io.csv_format import CsvImportError
from accountdesk.core.io.csv_io import import_csv
from accountdesk.core.io.vcard import import_vcard
from accountdesk.core.records import person_account_name


def _stored(db: Database) -> list[tuple[str, str, str, str]]:
    with db.reader() as s:
        return sorted(
            s.execute(
                select(Account.name, Account.country, Contact.given_name, Contact.family_name).join(
                    Contact, Contact.account_id == Account.id
                )
            ).all()
        )


def test_a_person_without_a_company_has_an_account_of_their_own(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "google.csv"
    path.write_text(
        "First Name,Last Name,Organization Name,Address 1 - Country,Phone 1 - Value\n"
        "Ilze,Bērziņa,SIA Baltic Timber,Latvia,+371 26 123 456\n"
        "Mojca,Novak,,Slovenia,041 123 456\n"
        "Hana,Sato,,Japan,\n"
        "Mojca,Novak,,Slovenia,041 123 457\n",
        encoding="utf-8",
    )
    report = import_csv(db, path)
    assert (report.accounts_created, report.contacts_created) == (3, 4)
    assert _stored(db) == [
        ("Mojca Novak", "SI", "Mojca", "Novak"),  # one account for the rows of one person
        ("Mojca Novak", "SI", "Mojca", "Novak"),
        ("SIA Baltic Timber", "LV", "Ilze", "Bērziņa"),
        ("Sato Hana", "JP", "Hana", "Sato"),  # in the order Japan writes names
    ]


def test_the_account_is_named_as_the_vcard_import_names_it(db: Database, tmp_path: Path) -> None:
    card = tmp_path / "mojca.vcf"
    card.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Novak;Mojca;;;\r\nFN:Mojca Novak\r\n"
        b"ADR:;;;Ljubljana;;;Slovenia\r\nEND:VCARD\r\n"
    )
    import_vcard(db, card)
    assert person_account_name("Mojca", "Novak", "given_first") == "Mojca Novak"
    assert person_account_name("花子", "佐藤", "family_first") == "佐藤花子"
    assert _stored(db) == [("Mojca Novak", "SI", "Mojca", "Novak")]


def test_a_person_without_a_company_nor_a_given_name_is_told_of_the_given_name(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "hubspot.csv"
    path.write_text(
        "First Name,Last Name,Company,Country\nIlze,Ozola,Baltic,Latvia\n,Tanaka,,Japan\n",
        encoding="utf-8",
    )
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert caught.value.problems == ["Row 3, column First Name: Given name: is required"]


def test_an_accounts_row_without_a_name_says_account_name(db: Database, tmp_path: Path) -> None:
    """A row of no person and no company: the account's name is missing, named so."""
    path = tmp_path / "outlook.csv"
    path.write_text(
        "First Name,Last Name,Company,Country\nIlze,Ozola,Baltic,Latvia\n,,,Latvia\n",
        encoding="utf-8",
    )
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert caught.value.problems == ["Row 3, column Company: Account name: is required"]
    with use_language("tr"), pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert "Ad:" not in caught.value.message  # Turkish "Ad" is a person's given name
