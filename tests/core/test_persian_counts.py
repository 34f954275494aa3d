"""Numbers the command line and the backups put into a sentence are in the language's digits
(Persian: "۵ پیگیری", not "5 پیگیری"), as the rest of the sentence's numbers are."""

from __future__ import annotations

import sqlite3
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
