"""``accountdesk privacy export|erase``: a person's data out, then gone for good."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from accountdesk.core.db.backup import make_backup
from accountdesk.core.db.engine import open_database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import save_note

Run = Callable[..., subprocess.CompletedProcess[str]]
WORDS = (b"Qvintrelax", b"qvintrelax", b"qmailbrisk@qexample.org", b"Qnotegrivel")


@pytest.fixture
def crm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A database with two contacts, and a backup, in the home the command line uses."""
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    db = open_database(tmp_path / "crm.db")
    account = create_account(
        db, AccountInput(name="Baltic Timber", country="LV", timezone="Europe/Riga")
    )
    person = create_contact(
        db,
        ContactInput(
            account_id=account, given_name="Qvintrelax", family_name="Ozola", country="LV",
            timezone="Europe/Riga", emails=["qmailbrisk@qexample.org"],
        ),
    )  # fmt: skip
    anna = create_contact(
        db,
        ContactInput(
            account_id=account, given_name="Anna", family_name="Ozola", country="LV",
            timezone="Europe/Riga",
        ),
    )  # fmt: skip
    save_note(db, "Qnotegrivel", contact_id=person)
    make_backup(db)
    db.close()
    return {"person": person, "anna": anna}


def _files(tmp_path: Path) -> list[Path]:
    own = [p for p in tmp_path.glob("crm.db*") if p.is_file()]
    return own + [p for p in (tmp_path / "home").rglob("*") if p.is_file()]


def _found(files: list[Path]) -> bool:
    data = [p.read_bytes() for p in files]
    return any(word in blob for word in WORDS for blob in data)


def test_export_writes_json_and_a_pdf_summary(
    run: Run, tmp_path: Path, crm: dict[str, str]
) -> None:
    result = run("privacy", "export", "--db", "crm.db", "Qvintrelax", "-o", "q.json", check=True)
    assert result.stderr.strip() == "Wrote q.json and q.pdf."
    data = json.loads((tmp_path / "q.json").read_text(encoding="utf-8"))
    assert data["format"] == "accountdesk-contact-export"
    assert data["contact"]["id"] == crm["person"]
    assert [n["body"] for n in data["notes"]] == ["Qnotegrivel"]
    assert (tmp_path / "q.pdf").read_bytes().startswith(b"%PDF")
    # by id as well; a name that fits two people asks for more
    run("privacy", "export", "--db", "crm.db", crm["anna"], "-o", "anna.json", check=True)
    assert json.loads((tmp_path / "anna.json").read_text("utf-8"))["contact"]["given_name"] == (
        "Anna"
    )
    both = run("privacy", "export", "--db", "crm.db", "Ozola", "-o", "x.json")
    assert both.returncode == 1
    assert "matches 2 contacts" in both.stderr
    assert not (tmp_path / "x.json").exists()


def test_erase_asks_first_and_with_yes_leaves_no_trace(
    run: Run, tmp_path: Path, crm: dict[str, str]
) -> None:
    assert _found(_files(tmp_path))
    unasked = run("privacy", "erase", "--db", "crm.db", "Qvintrelax Ozola")
    assert unasked.returncode == 1
    assert unasked.stderr.strip() == (
        "accountdesk: Erasing Qvintrelax Ozola needs a yes: run it on a terminal, or add --yes."
    )
    assert "Traceback" not in unasked.stderr
    assert _found(_files(tmp_path))  # nothing was erased

    result = run("privacy", "erase", "--db", "crm.db", "Qvintrelax Ozola", "--yes", check=True)
    assert result.stdout.splitlines() == [
        "Qvintrelax Ozola was erased for good.",
        "1 backup was rewritten without them.",
    ]
    assert not _found(_files(tmp_path))
    found = run("search", "--db", "crm.db", "ozola", check=True)
    assert [line.split("\t")[0] for line in found.stdout.splitlines()] == ["Anna Ozola"]
    again = run("privacy", "erase", "--db", "crm.db", crm["person"], "--yes")
    assert again.returncode == 1
    assert f"No contact matches “{crm['person']}”." in again.stderr


class _Terminal:
    """Standard input on a terminal, where the user types ``answer``."""

    def __init__(self, answer: str) -> None:
        self.answer = answer

    def isatty(self) -> bool:
        return True

    def readline(self) -> str:
        return self.answer + "\n"


def test_erase_on_a_terminal_names_the_person_and_takes_no_for_an_answer(
    tmp_path: Path, crm: dict[str, str], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    from accountdesk import cli

    args = ["privacy", "erase", "--db", str(tmp_path / "crm.db"), crm["person"]]
    monkeypatch.setattr("sys.stdin", _Terminal("n"))
    assert cli.main(args) == 0
    out = capsys.readouterr()
    assert out.err.startswith("Erase Qvintrelax Ozola for good? Their details,")
    assert out.err.endswith("This cannot be undone. [y/N] ")
    assert out.out == "Nothing was erased.\n"
    assert _found(_files(tmp_path))
    monkeypatch.setattr("sys.stdin", _Terminal("y"))
    assert cli.main(args) == 0
    assert capsys.readouterr().out.startswith("Qvintrelax Ozola was erased for good.\n")
    assert not _found(_files(tmp_path))


@pytest.mark.parametrize(("lang", "yes"), [("lv", "j"), ("sl", "d"), ("tr", "e")])
def test_erase_prompt_shows_the_letters_it_reads_in_the_users_language(
    lang: str, yes: str, tmp_path: Path, crm: dict[str, str], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """Native review: a Latvian read "… [y/N]" while "j" was the answer taken."""
    from accountdesk import cli
    from accountdesk.core import i18n

    args = ["--lang", lang, "privacy", "erase", "--db", str(tmp_path / "crm.db"), crm["person"]]
    monkeypatch.setattr("sys.stdin", _Terminal(""))  # Enter: the default, no
    assert cli.main(args) == 0
    err = capsys.readouterr().err
    with i18n.use_language(lang):
        no = i18n.pgettext("answer to [y/N]", "N")
    assert err.endswith(f" [{yes}/{no}] ")
    assert "[y/N]" not in err
    assert _found(_files(tmp_path))
    monkeypatch.setattr("sys.stdin", _Terminal(yes.upper()))
    assert cli.main(args) == 0
    assert f" [{yes}/{no}] " in capsys.readouterr().err
    assert not _found(_files(tmp_path))


def test_erase_lists_the_kept_interactions_that_mention_them_and_counts_them_after(
    tmp_path: Path, crm: dict[str, str], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """QA: a shared interaction's subject still named the erased person, and the question
    only said that interactions nobody else took part in go."""
    from accountdesk import cli
    from accountdesk.core import settings
    from accountdesk.core.services.activity import InteractionInput, log_interaction

    db = open_database(tmp_path / "crm.db")
    settings.put(db, "user.zone", "Europe/Riga")  # the day is the user's, not the machine's
    both = [crm["person"], crm["anna"]]
    when = datetime(2026, 5, 4, 9, tzinfo=UTC)
    asked = "Qvintrelax asked for a discount"
    log_interaction(db, InteractionInput("call", when, both, subject=asked))
    log_interaction(db, InteractionInput("call", when, both, subject="Budget", notes="no names"))
    db.close()
    args = ["privacy", "erase", "--db", str(tmp_path / "crm.db"), crm["person"]]
    monkeypatch.setattr("sys.stdin", _Terminal("n"))
    assert cli.main(args) == 0
    err = capsys.readouterr().err
    assert err.startswith(
        "1 record is kept that mentions Qvintrelax Ozola; edit it first if it should not:\n"
        "  4 May 2026: Qvintrelax asked for a discount\n"  # no bidi marks on a terminal
        "Erase Qvintrelax Ozola for good?"
    )
    assert err.endswith("This cannot be undone. [y/N] ")
    assert cli.main([*args, "--yes"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "1 record was kept and still mentions them in its text; edit it if it should not."
    )


def test_erase_of_a_contact_merged_into_another_is_refused_before_the_question(
    tmp_path: Path, crm: dict[str, str], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """Privacy review 25, item 4: the kept contact held the merged one's e-mail address
    after the erase, and the merge could no longer be undone."""
    from accountdesk import cli
    from accountdesk.core.services.duplicates import merge

    db = open_database(tmp_path / "crm.db")
    merge_id = merge(db, crm["anna"], [crm["person"]]).merge_id
    db.close()
    args = ["privacy", "erase", "--db", str(tmp_path / "crm.db"), crm["person"]]
    monkeypatch.setattr("sys.stdin", _Terminal("y"))
    assert cli.main(args) == 1
    err = capsys.readouterr().err
    assert "Erase Qvintrelax Ozola for good?" not in err  # refused before asking
    assert "Qvintrelax Ozola was merged into Anna Ozola on" in err
    assert f"accountdesk duplicates --undo {merge_id}" in err
    assert _found(_files(tmp_path))  # nothing was erased
