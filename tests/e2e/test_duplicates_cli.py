from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import open_database
from accountdesk.core.i18n import join_list, use_language
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import contact_input, create_account, create_contact
from accountdesk.core.services.activity import save_note

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    path = tmp_path / "dup.db"
    db = open_database(path)
    koks = create_account(db, AccountInput(name="Koks", country="LV", timezone="Europe/Riga"))
    other = create_account(db, AccountInput(name="Other", country="LV", timezone="Europe/Riga"))

    def contact(account: str, given: str, family: str, **kw: object) -> str:
        data = ContactInput(account_id=account, given_name=given, family_name=family, country="LV")
        for key, value in kw.items():
            setattr(data, key, value)
        return create_contact(db, data)

    ids = {
        "db": str(path),
        "kept": contact(koks, "Anna", "Bērziņa", emails=["anna@koks.lv"]),
        "other": contact(other, "Anna", "B.", emails=["Anna@Koks.LV"], city="Rīga"),
        "namesake": contact(other, "Jānis", "Ozols"),
        "namesake2": contact(koks, "Jānis", "Ozols"),  # another account: another person
    }
    save_note(db, "Met at the fair", contact_id=ids["other"])
    db.close()
    return ids


def test_list_merge_and_undo_from_the_command_line(run: Run, world: dict[str, str]) -> None:
    db = world["db"]
    listed = run("duplicates", "--db", db, check=True)
    assert "Same e-mail address: anna@koks.lv" in listed.stdout
    assert world["kept"] in listed.stdout and world["other"] in listed.stdout
    assert world["namesake"] not in listed.stdout
    assert "1 group of likely duplicates" in listed.stdout

    data = json.loads(run("duplicates", "--db", db, "--json", check=True).stdout)
    assert [sorted(c["id"] for c in cluster["contacts"]) for cluster in data] == [
        sorted([world["kept"], world["other"]])
    ]
    assert data[0]["reasons"] == [
        {
            "rule": "email",
            "first": data[0]["reasons"][0]["first"],
            "second": data[0]["reasons"][0]["second"],
            "value": "anna@koks.lv",
            "score": 100,
        }
    ]

    merged = json.loads(
        run(
            "duplicates", "--db", db, "--merge", world["kept"], world["other"], "--json", check=True
        ).stdout
    )
    assert merged["moved"] == {"notes": 1} and merged["filled"] == ["city"]
    assert merged["kept"] == "Anna Bērziņa"
    assert "No likely duplicates." in run("duplicates", "--db", db, check=True).stdout
    history = run("duplicates", "--db", db, "--merges", check=True).stdout
    assert merged["merge_id"] in history and "Anna Bērziņa" in history

    undone = run("duplicates", "--db", db, "--undo", merged["merge_id"], check=True)
    assert "The merge was undone: 1 contact is back." in undone.stdout
    assert "1 group of likely duplicates" in run("duplicates", "--db", db, check=True).stdout
    reopened = open_database(Path(db))
    assert contact_input(reopened, world["kept"]).city is None
    reopened.close()


def test_errors_are_one_sentence_and_exit_1(run: Run, world: dict[str, str]) -> None:
    db = world["db"]
    cases = [
        ("--merge", world["kept"]),
        ("--merge", world["kept"], "no-such-contact"),
        ("--merge", world["kept"], world["kept"]),
        ("--undo", "no-such-merge"),
    ]
    for args in cases:
        result = run("duplicates", "--db", db, *args)
        assert result.returncode == 1, args
        assert result.stderr.startswith("accountdesk: ") and result.stderr.count("\n") == 1, args
        assert "Traceback" not in result.stderr
    missing = run("duplicates", "--db", str(Path(db).with_name("missing.db")))
    assert missing.returncode == 1 and not Path(db).with_name("missing.db").exists()


def test_lists_in_the_output_use_the_languages_separator(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Addresses and merged names stand side by side with the language's list separator
    (i18n.join_list): "، " in Persian, not an English comma."""
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    path = tmp_path / "fa.db"
    db = open_database(path)
    koks = create_account(db, AccountInput(name="Koks", country="LV", timezone="Europe/Riga"))
    people = [
        create_contact(
            db,
            ContactInput(
                account_id=koks,
                given_name=given,
                family_name="Bērziņa",
                country="LV",
                emails=["anna@koks.lv"],
                phones=["+37126123456"],
            ),
        )
        for given in ("Anna", "Annija", "Ance")
    ]
    db.close()
    with use_language("fa"):
        sep = plain(join_list(["a", "b"]))[1:-1]  # the terminal output drops bidi marks
    assert sep.startswith("،") and "," not in sep
    listed = run("--lang", "fa", "duplicates", "--db", str(path), check=True).stdout
    assert f"anna@koks.lv{sep}+37126123456" in listed
    assert "anna@koks.lv, +37126123456" not in listed
    # three contacts share the address and the number: each reason once, not once per pair
    english = run("duplicates", "--db", str(path), check=True).stdout
    assert english.count("Same e-mail address: anna@koks.lv") == 1
    assert english.count("Same phone number: +37126123456") == 1
    run("duplicates", "--db", str(path), "--merge", *people, check=True)
    history = run("--lang", "fa", "duplicates", "--db", str(path), "--merges", check=True).stdout
    assert f"Annija Bērziņa{sep}Ance Bērziņa" in history
    assert "Annija Bērziņa, Ance Bērziņa" not in history


def test_merge_reports_what_it_did_not_zero_records(run: Run, world: dict[str, str]) -> None:
    """A merged contact with no records of its own printed "0 records were moved to the kept
    contact."; the merge now says there was nothing to move, and names the fields it filled."""
    db = world["db"]
    empty = run("duplicates", "--db", db, "--merge", world["namesake"], world["namesake2"])
    assert empty.returncode == 0, empty.stderr
    assert "0 records" not in empty.stdout and "was moved" not in empty.stdout
    assert (
        "The merged contacts had no interactions, follow-ups, notes, gifts, survey answers, "
        "important dates or tags to move."
    ) in empty.stdout

    filled = run("duplicates", "--db", db, "--merge", world["kept"], world["other"], check=True)
    lines = filled.stdout.splitlines()
    assert lines[1:] == [
        "1 record was moved to the kept contact.",
        "Filled in on the kept contact: City.",
    ]


def test_merging_a_contact_in_the_trash_names_it_in_plain_text(
    run: Run, world: dict[str, str]
) -> None:
    """Merging a contact already merged (in the trash) said "This contact was moved to the
    trash on ⁨29 Nov 2026, 11:25⁩; restore it from the Trash to save your changes.": a form's
    sentence, no name, and the bidi isolates written raw to the terminal."""
    db = world["db"]
    run("duplicates", "--db", db, "--merge", world["kept"], world["other"], check=True)
    again = run("duplicates", "--db", db, "--merge", world["kept"], world["other"])
    assert again.returncode == 1
    assert again.stderr == (
        f"accountdesk: Anna B. ({world['other']}) is in the trash; restore it before merging.\n"
    )


def test_duplicate_accounts_listed_merged_and_undone_from_the_command_line(
    run: Run, world: dict[str, str]
) -> None:
    """`duplicates --accounts` lists "Koks" and "KOKS SIA" (one company in Latvia), `--accounts
    --merge` merges them and says what moved, `--undo` takes the merge of accounts back."""
    db_path = world["db"]
    db = open_database(db_path)
    twin = create_account(db, AccountInput(name="KOKS SIA", country="LV", timezone="Europe/Riga"))
    with db.reader() as session:
        koks = session.execute(text("SELECT id FROM accounts WHERE name = 'Koks'")).scalar_one()
    create_contact(
        db, ContactInput(account_id=twin, given_name="Inese", family_name="Kalna", country="LV")
    )
    db.close()
    listed = run("duplicates", "--db", db_path, "--accounts", check=True)
    assert "2 accounts that may be one company" in listed.stdout
    assert koks in listed.stdout and twin in listed.stdout
    assert "The same name, its legal form aside, in the same country" in listed.stdout

    refused = run("duplicates", "--db", db_path, "--accounts", "--merge", koks)
    assert refused.returncode == 1
    assert "--merge takes the kept account's id" in refused.stderr

    merged = run("duplicates", "--db", db_path, "--accounts", "--merge", koks, twin, check=True)
    assert "Merged 1 account into Koks" in merged.stdout
    assert "Moved to the kept account: 1 contact." in merged.stdout
    merge_id = merged.stdout.split("--undo ", 1)[1].split()[0]
    assert run("duplicates", "--db", db_path, "--accounts", check=True).stdout.startswith(
        "No likely duplicate accounts."
    )
    undone = run("duplicates", "--db", db_path, "--undo", merge_id, check=True)
    assert "The merge was undone: 1 account is back." in undone.stdout
    again = json.loads(
        run("duplicates", "--db", db_path, "--accounts", "--json", check=True).stdout
    )
    assert [sorted(a["id"] for a in c["accounts"]) for c in again] == [sorted([koks, twin])]
