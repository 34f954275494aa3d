"""A person's data export is two files, the JSON and its PDF summary: both are written or
neither. When the PDF's place was a folder, the JSON was written all the same while the
refusal said "nothing was written"."""

from __future__ import annotations

from pathlib import Path

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.errors import UserError
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.privacy import write_export


def _person(db: Database) -> str:
    account = create_account(db, AccountInput(name="Koks", country="LV", timezone="Europe/Riga"))
    return create_contact(
        db, ContactInput(account_id=account, given_name="Anna", family_name="Bērziņa", country="LV")
    )


@pytest.mark.parametrize("folder", ["anna.pdf", "anna.json"])
def test_a_folder_in_the_way_of_either_file_writes_neither(
    db: Database, tmp_path: Path, folder: str
) -> None:
    person = _person(db)
    out = tmp_path / "out"
    out.mkdir()
    (out / folder).mkdir()
    with pytest.raises(UserError) as caught:
        write_export(db, person, out / "anna.json")
    assert caught.value.message == (
        f"{out / folder} cannot be written: it is a folder, not a file; nothing was written."
    )
    assert sorted(p.name for p in out.iterdir()) == [folder]  # no file, no leftover


def test_both_files_are_written(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    files = write_export(db, _person(db), out / "anna.json")
    assert files.json.read_text(encoding="utf-8").startswith("{")
    assert files.pdf.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in out.iterdir()) == ["anna.json", "anna.pdf"]
