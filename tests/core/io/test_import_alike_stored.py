"""Before anything is written, the dry run (and so the import dialog, which shows it) says how
many of the contacts an import would add look like contacts already stored, by the one rule
of likely duplicates (:mod:`accountdesk.core.likeness`; code review rev16's 11th): the second
import of the same export said nothing until it had doubled every contact."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.io import csv_io
from accountdesk.core.io.csv_io import import_csv
from accountdesk.core.io.vcard import import_vcard
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact

HEADER = ["contact_id", "account_name", "account_country", "given_name", "family_name",
          "emails", "phones"]  # fmt: skip
SENTENCE = (
    "{n} of the contacts the import would add look like contacts already stored (the same "
    "e-mail address or phone number, or a similar name at the same account): importing adds "
    "them as new contacts, to merge on the Duplicates screen, unless you leave them out of "
    "the file."
)


def _stored(db: Database) -> str:
    """Ilze Bērziņa at Baltic Timber, with an address and a number; her id."""
    account = create_account(db, AccountInput(name="Baltic Timber", country="LV"))
    return create_contact(
        db,
        ContactInput(
            account_id=account,
            given_name="Ilze",
            family_name="Bērziņa",
            country="LV",
            emails=[("work", "ilze@bt.example")],
            phones=[("mobile", "+371 26 123 456")],
        ),
    )


def _file(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([HEADER, *rows])
    return path


def test_a_dry_run_counts_the_new_contacts_that_look_like_stored_ones(
    db: Database, tmp_path: Path
) -> None:
    ilze = _stored(db)
    path = _file(
        tmp_path / "again.csv",
        [
            # the same address, the same number (written otherwise): two likely duplicates
            ["", "SIA Baltic Timber", "LV", "Ilze", "Berzina", "ILZE@bt.example", ""],
            ["", "Baltic Timber", "LV", "I.", "Bērziņa", "", "26123456"],
            # someone else
            ["", "Baltic Timber", "LV", "Pēteris", "Kalniņš", "peteris@bt.example", ""],
            # two alike in the file only: what the report says after the import, not this
            ["", "Amber", "LV", "Anna", "Liepa", "anna@amber.example", ""],
            ["", "Amber", "LV", "Anna", "Liepa", "anna@amber.example", ""],
            # the stored contact itself, updated by its id: no duplicate of itself
            [ilze, "Baltic Timber", "LV", "Ilze", "Bērziņa", "ilze@bt.example", "26 123 456"],
        ],
    )
    report = import_csv(db, path, dry_run=True)
    assert (report.contacts_created, report.contacts_updated) == (5, 1)
    assert report.stored_alike == 2
    assert SENTENCE.format(n=2) in report.remarks()


def test_an_update_of_a_stored_contact_is_matched_as_the_file_writes_it(
    db: Database, tmp_path: Path
) -> None:
    """The file moves the stored contact's number to another: a new row with the old number
    no longer looks like it, one with the new number does."""
    ilze = _stored(db)
    path = _file(
        tmp_path / "moved.csv",
        [
            [ilze, "Baltic Timber", "LV", "Ilze", "Bērziņa", "", "+371 29 000 111"],
            ["", "Other", "LV", "Jānis", "Ozols", "", "+371 26 123 456"],
            ["", "Other", "LV", "Līga", "Ozola", "", "+371 29 000 111"],
        ],
    )
    assert import_csv(db, path, dry_run=True).stored_alike == 1


def test_into_an_empty_database_or_without_alike_contacts_nothing_is_said(
    db: Database, tmp_path: Path
) -> None:
    path = _file(
        tmp_path / "first.csv",
        [["", "Baltic Timber", "LV", "Ilze", "Bērziņa", "ilze@bt.example", ""]],
    )
    report = import_csv(db, path, dry_run=True)
    assert report.stored_alike == 0
    assert not any("already stored" in line for line in report.remarks())
    _stored(db)
    other = _file(
        tmp_path / "other.csv", [["", "Amber", "LV", "Anna", "Liepa", "anna@amber.example", ""]]
    )
    assert import_csv(db, other, dry_run=True).stored_alike == 0


def test_the_import_itself_does_not_count_them_before_it_writes(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the dry run counts (the import's report counts its likely duplicates after it
    wrote, as before): a 30,000-contact import is not made slower by it."""
    _stored(db)

    def refuse(*_args: object) -> int:
        raise AssertionError("counted while importing")

    monkeypatch.setattr(csv_io, "alike_stored", refuse)
    path = _file(
        tmp_path / "again.csv",
        [["", "Baltic Timber", "LV", "Ilze", "Bērziņa", "ilze@bt.example", ""]],
    )
    report = import_csv(db, path)
    assert (report.contacts_created, report.stored_alike, report.likely_duplicates) == (1, 0, 1)


def test_a_vcard_dry_run_counts_them_too(db: Database, tmp_path: Path) -> None:
    ilze = _stored(db)
    cards = tmp_path / "phone.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Bērziņa;Ilze\r\nFN:Ilze Bērziņa\r\n"
        "TEL;TYPE=CELL:+371 26 123 456\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ozols;Jānis\r\nFN:Jānis Ozols\r\n"
        "TEL;TYPE=CELL:+371 29 999 888\r\nEND:VCARD\r\n"
        # the stored contact's own card (its UID): updated, not a duplicate
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:urn:uuid:{ilze}\r\nN:Bērziņa;Ilze\r\n"
        "FN:Ilze Bērziņa\r\nTEL;TYPE=CELL:+371 26 123 456\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    report = import_vcard(db, cards, dry_run=True)
    assert (report.contacts_created, report.contacts_updated, report.stored_alike) == (2, 1, 1)
    assert report.remarks()[-1] == (
        "1 of the contacts the import would add looks like a contact already stored (the same "
        "e-mail address or phone number, or a similar name at the same account): importing "
        "adds it as a new contact, to merge on the Duplicates screen, unless you leave it out "
        "of the file."
    )
