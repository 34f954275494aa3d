"""An erase stopped between the live erase and the second look at the backups: the transaction
that erases the person also records (their ids only) that the backups are still to be cleaned;
the next :func:`finish_erasures` cleans them and forgets the record, or keeps it, saying why,
while a copy that may hold them cannot be cleaned. The kill itself: tests/faults/test_sigkill.py."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db import crypto
from accountdesk.core.db.backup import make_backup
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import UnfinishedErasure
from accountdesk.core.errors import NotFoundError
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import privacy
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import save_note
from accountdesk.core.services.privacy import erase_contact, finish_erasures, subject_name

pytestmark = pytest.mark.sqlite_only  # the local file and its backups

START = datetime(2026, 11, 2, 8, tzinfo=UTC)
SECRET = b"Qstopfamilyx"


class Stopped(BaseException):
    """The process ends here (what a kill does; the real one: tests/faults)."""


@pytest.fixture
def crm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    database = open_database(tmp_path / "crm.db")
    yield database
    database.close()


@pytest.fixture
def person(crm: Database) -> str:
    acme = create_account(crm, AccountInput(name="Acme", country="LV"))
    create_contact(
        crm, ContactInput(account_id=acme, given_name="Anna", family_name="Berg", country="LV")
    )
    found = create_contact(
        crm,
        ContactInput(
            account_id=acme, given_name="Stopperson", family_name="Qstopfamilyx",
            emails=["qstopmail@ex.org"], country="LV",
        ),
    )  # fmt: skip
    save_note(crm, "Anna met Stopperson at the fair", account_id=acme)
    return found


def _names(path: Path, key: str | None = None) -> list[str]:
    conn = crypto.connect(path, key)
    try:
        return [str(r[0]) for r in conn.execute("SELECT family_name FROM contacts ORDER BY 1")]
    finally:
        conn.close()


def _records(db: Database) -> list[tuple[list[str], bool]]:
    with db.reader() as session:
        found = select(UnfinishedErasure.contact_ids, UnfinishedErasure.file_rebuilt)
        rows = session.execute(found)
        return [(list(r.contact_ids), r.file_rebuilt) for r in rows]


def _stopped_after_the_live_erase(crm: Database, person: str) -> Path:
    """Erase ``person``, stopping right after the live erase; returns a backup taken while the
    erase ran (after its first pass, from the database as it was): it still holds them."""
    erase_in = privacy._erase_in
    during: list[Path] = []

    def backup_first(db: Database, *ids: Any, **options: Any) -> bool:
        if db is crm:
            during.append(make_backup(crm, fixed_clock(START.replace(day=3))).path)
        return erase_in(db, *ids, **options)

    def stop(*_args: Any) -> Any:
        raise Stopped

    with pytest.MonkeyPatch.context() as patched, pytest.raises(Stopped):
        patched.setattr(privacy, "_erase_in", backup_first)
        patched.setattr(privacy, "_taken_meanwhile", stop)
        erase_contact(crm, person)
    [taken] = during
    return taken


def test_the_erase_records_what_its_backups_still_need_and_the_next_start_cleans_them(
    crm: Database, person: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    older = make_backup(crm, fixed_clock(START)).path
    taken = _stopped_after_the_live_erase(crm, person)

    with pytest.raises(NotFoundError):
        subject_name(crm, person)  # erased from the database
    assert _names(older) == ["Berg"]  # the first pass cleaned this one
    assert _names(taken) == ["Berg", "Qstopfamilyx"]  # taken meanwhile: still holds them
    assert SECRET in taken.read_bytes()
    # what finds them again, and nothing of theirs: no name, no address
    assert _records(crm) == [([person], False)]
    conn = sqlite3.connect(crm.path)
    try:
        stored = json.dumps(conn.execute("SELECT * FROM unfinished_erasures").fetchall())
    finally:
        conn.close()
    assert "Qstop" not in stored and "qstopmail" not in stored

    finished = finish_erasures(crm)

    assert finished is not None and finished.finished
    assert finished.backups_cleaned == [taken]  # the clean one is not rewritten again
    assert finished.backups_left == finished.backups_sealed == []
    assert _names(taken) == ["Berg"]
    assert SECRET not in taken.read_bytes()
    # the kept note that names them, looked for with what the copy held of them
    assert finished.backups_mentioning == [taken]
    assert _records(crm) == []
    assert finished.done()[0].startswith("The erase of ")
    assert finished.done()[0].endswith(
        " had stopped before it had cleaned the backups; it is finished now."
    )
    assert finished.done()[1] == "1 backup was rewritten without the person erased."
    assert finished.problems() == []
    assert finish_erasures(crm) is None  # nothing left to do


def test_a_whole_erase_leaves_no_record(crm: Database, person: str) -> None:
    make_backup(crm, fixed_clock(START))
    erase_contact(crm, person)
    assert _records(crm) == []
    assert finish_erasures(crm) is None


def test_the_record_is_written_with_the_live_erase_or_not_at_all(
    crm: Database, person: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: Any) -> None:
        raise RuntimeError("a bug inside the live erase's transaction")

    monkeypatch.setattr(privacy, "_forget_in_merge_logs", broken)
    with pytest.raises(RuntimeError):
        erase_contact(crm, person)
    assert subject_name(crm, person) == "Stopperson Qstopfamilyx"  # rolled back, with the record
    assert _records(crm) == []


def test_a_copy_not_complete_is_waited_for_again(
    crm: Database, person: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record stays while a copy that may hold them is still being written (past
    COPIES_WAIT_POLLS); the next time, complete, it is cleaned."""
    taken = _stopped_after_the_live_erase(crm, person)
    temporary = taken.with_name(f".{taken.name}.{os.getpid()}.part")
    taken.rename(temporary)  # as a copy this process is still writing
    monkeypatch.setattr(privacy, "_pause", lambda: None)
    monkeypatch.setattr(privacy, "COPIES_WAIT_POLLS", 2)

    first = finish_erasures(crm)

    assert first is not None and not first.finished
    assert first.backups_left == [taken] and first.backups_sealed == []
    assert _records(crm) == [([person], True)]
    assert "AccountDesk tries again each time it opens the database" in " ".join(first.problems())
    temporary.rename(taken)
    rebuilt: list[Database] = []
    rewrite = privacy._rewrite_file
    monkeypatch.setattr(privacy, "_rewrite_file", lambda db: rebuilt.append(db) or rewrite(db))

    second = finish_erasures(crm)

    assert second is not None and second.finished and second.backups_cleaned == [taken]
    assert crm not in rebuilt  # rebuilt by the first attempt already (the copies were, now)
    assert _names(taken) == ["Berg"]
    assert _records(crm) == []


@pytest.mark.skipif(not crypto.available(), reason="SQLCipher is not installed here")
def test_a_backup_under_an_earlier_passphrase_keeps_the_record_until_it_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    old, new = "first passphrase 1", "second passphrase 2"
    path = tmp_path / "crm.db"
    db = open_database(path)
    acme = create_account(db, AccountInput(name="Acme", country="LV"))
    person = create_contact(
        db, ContactInput(account_id=acme, given_name="Qoldkey", family_name="Ozola", country="LV")
    )
    db.close()
    crypto.encrypt_file(path, old, START)
    db = open_database(path, passphrase=old)
    sealed = make_backup(db, fixed_clock(START)).path
    db.close()
    before_rekey = crypto.rekey_file(path, old, new, START).backup
    db = open_database(path, passphrase=new)
    try:
        taken = _stopped_after_the_live_erase(db, person)

        first = finish_erasures(db)

        assert first is not None and not first.finished
        assert first.backups_cleaned == [taken]  # with the database's passphrase
        assert first.backups_sealed == first.backups_left == sorted([sealed, before_rekey])
        assert _names(sealed, old) == ["Ozola"]
        assert _records(db) == [([person], True)]
        said = " ".join(first.problems())
        assert "2 of them are encrypted with an earlier passphrase" in said

        second = finish_erasures(db, [old])

        assert second is not None and second.finished
        assert second.backups_cleaned == sorted([sealed, before_rekey])
        assert _names(sealed, old) == _names(before_rekey, old) == []
        assert crypto.opens(sealed, old)  # keeps its own passphrase
        assert _records(db) == []
    finally:
        db.close()


def test_the_next_command_finishes_it_and_says_so(
    crm: Database, person: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from accountdesk import cli

    taken = _stopped_after_the_live_erase(crm, person)
    assert crm.path is not None
    crm.close()
    assert cli.main(["config", "get", "user.zone", "--db", str(crm.path)]) == 0
    captured = capsys.readouterr()
    assert "had stopped before it had cleaned the backups; it is finished now." in captured.err
    assert "1 backup was rewritten without the person erased." in captured.err
    assert "Qstop" not in captured.err + captured.out  # nothing of theirs is said
    assert _names(taken) == ["Berg"]
    assert _records(crm) == []
    assert cli.main(["config", "get", "user.zone", "--db", str(crm.path)]) == 0
    assert capsys.readouterr().err == ""  # said once: done with


@pytest.mark.skipif(not crypto.available(), reason="SQLCipher is not installed here")
def test_a_command_says_what_is_left_and_takes_the_earlier_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from accountdesk import cli

    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    for name in (crypto.BACKUP_PASSPHRASE_ENV, crypto.PASSPHRASE_ENV):
        monkeypatch.delenv(name, raising=False)
    old, new = "first passphrase 1", "second passphrase 2"
    path = tmp_path / "crm.db"
    db = open_database(path)
    acme = create_account(db, AccountInput(name="Acme", country="LV"))
    person = create_contact(
        db, ContactInput(account_id=acme, given_name="Qoldkey", family_name="Ozola", country="LV")
    )
    db.close()
    crypto.encrypt_file(path, old, START)
    before_rekey = crypto.rekey_file(path, old, new, START).backup
    db = open_database(path, passphrase=new)
    _stopped_after_the_live_erase(db, person)
    db.close()
    monkeypatch.setenv(crypto.PASSPHRASE_ENV, new)
    command = ["config", "get", "user.zone", "--db", str(path)]

    assert cli.main(command) == 0  # the command runs all the same
    err = capsys.readouterr().err
    assert "This backup may still hold the person erased and could not be cleaned: " in err
    assert str(before_rekey) in err
    assert "1 of them is encrypted with an earlier passphrase" in err
    assert "ACCOUNTDESK_BACKUP_PASSPHRASE" in err
    assert "AccountDesk tries again each time it opens the database" in err
    assert _names(before_rekey, old) == ["Ozola"]

    assert cli.main(command) == 0
    assert "could not be cleaned" in capsys.readouterr().err  # not forgotten

    monkeypatch.setenv(crypto.BACKUP_PASSPHRASE_ENV, old)
    assert cli.main(command) == 0
    err = capsys.readouterr().err
    assert "it is finished now." in err and "could not be cleaned" not in err
    assert _names(before_rekey, old) == []
    assert cli.main(command) == 0
    assert capsys.readouterr().err == ""


def test_a_command_runs_when_the_erase_cannot_be_finished_now(
    crm: Database, person: str, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    from accountdesk import cli
    from accountdesk.core.errors import UserError

    taken = _stopped_after_the_live_erase(crm, person)
    assert crm.path is not None
    crm.close()

    def full(_db: Database) -> bool:
        raise UserError("The disk is full.")

    monkeypatch.setattr(privacy, "_rewrite_file", full)
    assert cli.main(["config", "get", "user.zone", "--db", str(crm.path)]) == 0
    err = capsys.readouterr().err
    assert "could not be finished: The disk is full. AccountDesk tries again" in err
    assert _records(crm) == [([person], False)]
    assert _names(taken) == ["Berg", "Qstopfamilyx"]
