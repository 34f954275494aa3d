"""Numbers the command line and the backups put into a sentence are in the language's digits
(Persian: "۵ پیگیری", not "5 پیگیری"), as the rest of the sentence's numbers are."""

from __future__ import annotations

import ast
import re
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from accountdesk import cli
from accountdesk.core import i18n
from accountdesk.core.db import crypto
from accountdesk.core.db.backup import make_backup, restore_backup
from accountdesk.core.db.engine import open_database
from accountdesk.core.errors import UserError
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.followups import FollowUpInput, schedule

pytestmark = pytest.mark.sqlite_only  # the local file and its backups

LATIN = set("0123456789")


def _latin_digits(text: str, *allowed: str) -> set[str]:
    for part in allowed:  # paths keep their digits
        text = text.replace(part, "")
    return set(text) & LATIN


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    path = tmp_path / "data.db"
    db = open_database(path)
    account = create_account(db, AccountInput("Pars Co", "IR", timezone="Asia/Tehran"))
    contact = create_contact(db, ContactInput(account, "Negar", "IR", timezone="Asia/Tehran"))
    for day in range(1, 6):
        schedule(db, FollowUpInput(contact, "Pishnahad", datetime(2027, 3, day, 10, 0)))
    db.close()
    return path


def test_followups_export_counts_in_persian_digits(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "f.ics"
    assert (
        cli.main(["--lang", "fa", "followups", "export", "--db", str(data), "--ics", str(target)])
        == 0
    )
    said = capsys.readouterr().out
    assert "۵" in said and not _latin_digits(said, str(target)), said


def test_db_check_counts_its_problems_in_persian_digits(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from accountdesk.core.db import engine

    monkeypatch.setattr(engine, "check_database", lambda _db: ["one", "two", "three"])
    assert cli.main(["--lang", "fa", "db", "check", "--db", str(data)]) == 1
    said = capsys.readouterr().err.splitlines()[-1]
    assert "۳" in said and not _latin_digits(said), said


def test_the_plain_backups_note_counts_in_persian_digits(tmp_path: Path) -> None:
    for name in ("a.db", "b.db"):
        with sqlite3.connect(tmp_path / name) as conn:
            conn.execute("CREATE TABLE t (x)")
    with i18n.use_language("fa"):
        note = crypto.plain_backups_note(tmp_path)
    assert note is not None and "۲" in note and not _latin_digits(note, str(tmp_path)), note


def test_a_backup_from_a_newer_app_names_its_schema_in_persian_digits(data: Path) -> None:
    db = open_database(data)
    made = make_backup(db).path
    with sqlite3.connect(made) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with i18n.use_language("fa"), pytest.raises(UserError) as refused:
        restore_backup(db, made)
    db.close()
    assert "۹۹۹۹" in refused.value.message and not _latin_digits(
        refused.value.message, str(made)
    ), refused.value.message


def test_a_name_two_contacts_share_is_counted_in_persian_digits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "two.db"
    db = open_database(path)
    account = create_account(db, AccountInput("Baltic Timber", "LV", timezone="Europe/Riga"))
    ids = [
        create_contact(db, ContactInput(account, "Inese", "LV", family_name="Kalniņa"))
        for _ in range(2)
    ]
    db.close()
    assert cli.main(["--lang", "fa", "--db", str(path), "contact", "Inese Kalniņa"]) == 1
    said = capsys.readouterr().err
    assert "۲" in said and not _latin_digits(said, *ids), said


def _raw_numbers(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """Placeholders of a translated sentence given a number as it is: the count its
    ``ngettext`` chose the plural by, a ``len()`` or a sum, not the language's digits."""
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        sentence = node.func.value
        if not (
            node.func.attr == "format"
            and isinstance(sentence, ast.Call)
            and isinstance(sentence.func, ast.Name)
            and sentence.func.id in {"_", "ngettext", "pgettext", "npgettext"}
        ):
            continue
        count = sentence.args[-1] if sentence.func.id.startswith("n") else None
        for keyword in node.keywords:
            value = keyword.value
            raw = (
                isinstance(value, ast.BinOp)
                or (isinstance(value, ast.Constant) and isinstance(value.value, int | float))
                or (
                    isinstance(value, ast.Call)
                    and isinstance(value.func, ast.Name)
                    and value.func.id in {"len", "sum", "int", "str", "round", "min", "max"}
                )
                or (count is not None and ast.dump(value) == ast.dump(count))
            )
            if raw:
                yield node.lineno, f"{keyword.arg}={ast.unparse(value)}"


def test_no_sentence_is_given_a_number_without_the_languages_digits() -> None:
    """Every count put into a translated sentence goes through ``i18n.format_number``: the
    command line said "با 2 مخاطب جور است" (``count=len(chosen)``)."""
    src = Path(cli.__file__).parent
    found = [
        f"{path.relative_to(src)}:{line}: {what}"
        for path in sorted(src.rglob("*.py"))
        for line, what in _raw_numbers(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert not found, found


def test_the_commands_that_count_say_their_counts_in_persian_digits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each command that reports how many things it did, run in Persian: what it prints holds
    Persian digits and no ASCII ones but in paths and record ids."""
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    db, csv = str(tmp_path / "demo.db"), str(tmp_path / "out.csv")
    for command in (
        ["demo", "--accounts", "3"],
        ["export", "--format", "csv", "-o", csv],
        ["import", csv, "--dry-run"],
        ["followups"],
    ):
        assert cli.main(["--lang", "fa", "--db", db, *command]) == 0, command
        captured = capsys.readouterr()
        said = re.sub(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", "", captured.out + captured.err)
        assert not _latin_digits(said, db, csv), (command, said)
        assert set(said) & set("۰۱۲۳۴۵۶۷۸۹"), (command, said)
