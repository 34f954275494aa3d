"""The GDPR export holds what an erase finds about the person in other records (privacy review
25, item 5): an account whose notes name them, another contact's notes, a shared interaction,
the log of a merge. A person exercising their right of access gets what the erase would list:
what each record is and its text that mentions them; the PDF summary counts them."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.account_merge import merge_accounts
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import save_note
from accountdesk.core.services.privacy import export_contact, write_export

ASK = "Ask for Vizbulīte Pūcīte, vizbulite@grauzmail.lv, +371 2998 7766"


@pytest.fixture
def world(db: Database) -> dict[str, str]:
    kept = create_account(db, AccountInput(name="Grauzdins SIA", country="LV"))
    other = create_account(db, AccountInput(name="GRAUZDINS", country="LV", notes=ASK))
    person = create_contact(
        db,
        ContactInput(
            account_id=kept, given_name="Vizbulīte", family_name="Pūcīte", country="LV",
            emails=["vizbulite@grauzmail.lv"],
        ),
    )  # fmt: skip
    ilgvars = create_contact(
        db,
        ContactInput(account_id=kept, given_name="Ilgvars", family_name="Bērzs", country="LV"),
    )
    save_note(db, "Vizbulīte's boss; not about anyone else", contact_id=ilgvars)
    save_note(db, "Nothing about her", contact_id=ilgvars)
    merge_id = merge_accounts(db, kept, [other]).merge_id
    return {"person": person, "kept": kept, "other": other, "merge": merge_id}


def test_the_export_holds_the_records_that_mention_them(
    db: Database, world: dict[str, str]
) -> None:
    found = export_contact(db, world["person"])["records_that_mention_them"]
    assert [(f["record"], f["what"], f["text"]) for f in found] == [
        ("account", "Account Grauzdins SIA", [ASK]),  # the notes the merge filled in
        ("account", "Account GRAUZDINS (in the trash)", [ASK]),
        ("note", found[2]["what"], ["Vizbulīte's boss; not about anyone else"]),
        ("account_merge", found[3]["what"], [ASK]),
    ]
    assert found[2]["what"].startswith("Note of ") and found[2]["what"].endswith("Ilgvars Bērzs")
    assert found[3]["what"].startswith("The record of the merge of accounts into Grauzdins SIA")
    assert found[3]["id"] == world["merge"]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_the_summary_counts_them(db: Database, world: dict[str, str], tmp_path: Path) -> None:
    files = write_export(db, world["person"], tmp_path / "v.json", lang="en")
    data = json.loads(files.json.read_text(encoding="utf-8"))
    assert len(data["records_that_mention_them"]) == 4
    text = subprocess.run(
        ["pdftotext", "-layout", str(files.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    [row] = [line for line in text.splitlines() if "Other records that mention them" in line]
    assert row.split()[-1] == "4"
