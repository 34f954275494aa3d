"""The command line and the storage: a missing database, backups and restore, and failures
(busy, read-only, disk full, an export that cannot be written), each one sentence with what was
stored left intact."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from accountdesk.core.db.schema import SCHEMA_HEAD

Run = Callable[..., subprocess.CompletedProcess[str]]

PEOPLE = (
    "account_name,account_country,given_name,family_name,country,timezone\n"
    "Pars Co,IR,Negar,Jafari,IR,Asia/Tehran\n"
    "Baltic Timber,LV,Anna,Ozola,LV,Europe/Riga\n"
)
MORE = (
    "account_name,account_country,given_name,family_name,country,timezone\n"
    "Siam Trading,TH,Somchai,Jaidee,TH,Asia/Bangkok\n"
)


def _import(run: Run, tmp_path: Path, db: str, text: str = PEOPLE) -> None:
    source = tmp_path / f"import-{abs(hash(text))}.csv"
    source.write_text(text, encoding="utf-8")
    run("import", "--db", db, str(source), check=True)


def _accounts(path: Path, how: str = "mode=ro") -> list[str]:
    """The account names in the file, read by plain SQLite (not through the app)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?{how}", uri=True)
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM accounts"))
    except sqlite3.OperationalError:
        if how != "mode=ro":
            raise
        return _accounts(path, "immutable=1")  # a WAL file on a read-only disk
    finally:
        conn.close()


def _one_sentence(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0].removeprefix("accountdesk: ")


# --- a missing database ------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ("search", "anna"),
        ("export", "--format", "json"),
        ("followups",),
        ("followups", "export", "--ics", "out.ics"),
        ("contact", "anna"),
        ("report", "portfolio", "-o", "out.pdf"),
        ("db", "check"),
        ("db", "backups"),
        ("db", "backup"),
        ("db", "restore", "20260101T000000Z-manual-schema0001.db"),
        ("db", "encrypt"),
        ("privacy", "export", "Anna", "-o", "anna.json"),
        ("privacy", "erase", "Anna", "--yes"),
        ("config", "get", "user.zone"),
        ("config", "list"),
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_reading_commands_refuse_a_missing_database(
    run: Run, tmp_path: Path, command: tuple[str, ...]
) -> None:
    missing = tmp_path / "no" / "such.db"
    result = run(*command, "--db", str(missing))
    assert _one_sentence(result) == f"There is no database at {missing}."
    assert not missing.parent.exists()
    assert not (tmp_path / "out.pdf").exists() and not (tmp_path / "out.ics").exists()
    assert not (tmp_path / "anna.json").exists() and not (tmp_path / "home").exists()


def test_writing_commands_create_the_database(run: Run, tmp_path: Path) -> None:
    run("db", "upgrade", "--db", "a.db", check=True)
    run("config", "set", "user.zone", "Europe/Riga", "--db", "b.db", check=True)
    _import(run, tmp_path, "c.db")
    assert all((tmp_path / name).is_file() for name in ("a.db", "b.db", "c.db"))
    assert _accounts(tmp_path / "c.db") == ["Baltic Timber", "Pars Co"]


# --- backups and restore ----------------------------------------------------------------


def test_backups_list_and_restore_round_trip(run: Run, tmp_path: Path) -> None:
    _import(run, tmp_path, "data.db")
    made = run("db", "backup", "--db", "data.db", check=True).stdout
    assert made.startswith("Backed up to ")
    _import(run, tmp_path, "data.db", MORE)
    assert "Siam Trading" in run("search", "siam", "--db", "data.db", check=True).stdout

    listed = run("db", "backups", "--db", "data.db", check=True)
    rows = [line.split("\t") for line in listed.stdout.splitlines()]
    assert len(rows) == 1
    when, size, schema, kind, name = rows[0]
    assert when and size.endswith(("kB", "MB")) and schema == f"schema {SCHEMA_HEAD}"
    assert kind == "made by hand" and name.endswith(f"-manual-schema{SCHEMA_HEAD}.db")
    assert "Backups are kept in" in listed.stderr

    restored = run("db", "restore", name, "--db", "data.db", check=True)
    assert restored.stdout.startswith(f"Restored {name}; what the database held before is in ")
    assert _accounts(tmp_path / "data.db") == ["Baltic Timber", "Pars Co"]
    assert "No matches" in run("search", "siam", "--db", "data.db", check=True).stdout
    kinds = [
        line.split("\t")[3]
        for line in run("db", "backups", "--db", "data.db", check=True).stdout.splitlines()
    ]
    assert sorted(kinds) == ["before a restore", "made by hand"]
    # The state the restore replaced is there to go back to.
    before = next(
        line.split("\t")[4]
        for line in run("db", "backups", "--db", "data.db", check=True).stdout.splitlines()
        if "before a restore" in line
    )
    run("db", "restore", before, "--db", "data.db", check=True)
    assert _accounts(tmp_path / "data.db") == ["Baltic Timber", "Pars Co", "Siam Trading"]


def test_a_backup_of_another_database_needs_force(run: Run, tmp_path: Path) -> None:
    (tmp_path / "office").mkdir()
    (tmp_path / "laptop").mkdir()
    _import(run, tmp_path, "office/data.db")
    _import(run, tmp_path, "laptop/data.db", MORE)
    made = run("db", "backup", "--db", "laptop/data.db", check=True).stdout
    foreign = made.removeprefix("Backed up to ").rsplit(" (", 1)[0]
    # Same file name, different databases: separate backup folders.
    assert run("db", "backups", "--db", "office/data.db", check=True).stdout.startswith(
        "There are no backups of this database yet"
    )
    refused = run("db", "restore", foreign, "--db", "office/data.db")
    assert _one_sentence(refused) == (
        f"{foreign} is a backup of another database; add --force to restore it anyway "
        "(nothing was restored)."
    )
    assert _accounts(tmp_path / "office" / "data.db") == ["Baltic Timber", "Pars Co"]
    run("db", "restore", foreign, "--force", "--db", "office/data.db", check=True)
    assert _accounts(tmp_path / "office" / "data.db") == ["Siam Trading"]


# --- failures ---------------------------------------------------------------------------


def test_a_database_locked_by_another_writer(run: Run, tmp_path: Path) -> None:
    _import(run, tmp_path, "data.db")
    holder = sqlite3.connect(tmp_path / "data.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE accounts SET notes = 'mine' WHERE name = 'Pars Co'")
    try:
        result = run("config", "set", "user.zone", "Asia/Tehran", "--db", "data.db")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # the writer is this test's own process: the command line names it
    me = Path("/proc/self/comm")
    named = (
        f"{me.read_text(encoding='utf-8').strip()} (process {os.getpid()})" if me.exists() else ""
    )
    assert _one_sentence(result) == (
        f"The database {tmp_path / 'data.db'} is busy: another program is writing to it (it is "
        f"open in {named}), so nothing was written; try again in a moment."
        if me.exists()
        else f"The database {tmp_path / 'data.db'} is busy: another program or AccountDesk "
        "window is writing to it, so nothing was written; try again in a moment."
    )
    assert run("config", "get", "user.zone", "--db", "data.db", check=True).stdout == "\n"
    assert _accounts(tmp_path / "data.db") == ["Baltic Timber", "Pars Co"]


def _read_only_truths(run: Run, db: Path) -> None:
    checked = run("db", "check", "--db", str(db), check=True)
    assert checked.stdout.startswith("The database is healthy")  # not "index damaged"
    assert "Anna Ozola" in run("search", "anna", "--db", str(db), check=True).stdout
    assert run("export", "--format", "json", "--db", str(db), check=True).stdout
    refused = run("config", "set", "user.zone", "Asia/Tehran", "--db", str(db))
    assert _one_sentence(refused) == (
        f"The database {db} is read-only: AccountDesk can show it but not change it, so nothing "
        "was written."
    )
    assert _accounts(db) == ["Baltic Timber", "Pars Co"]


def test_a_database_on_a_read_only_disk(run: Run, tmp_path: Path, tiny_disk: Any) -> None:
    disk = tiny_disk.make("4m")
    _import(run, tmp_path, str(disk / "data.db"))
    tiny_disk.read_only(disk)
    _read_only_truths(run, disk / "data.db")


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="chmod does not stop root (see above)"
)
def test_a_database_without_write_permission(run: Run, tmp_path: Path) -> None:
    _import(run, tmp_path, "data.db")
    (tmp_path / "data.db").chmod(0o400)
    try:
        _read_only_truths(run, tmp_path / "data.db")
    finally:
        (tmp_path / "data.db").chmod(0o600)


def test_a_full_disk_while_importing(run: Run, tmp_path: Path, tiny_disk: Any) -> None:
    disk = tiny_disk.make("2m")
    db = disk / "data.db"
    _import(run, tmp_path, str(db))
    tiny_disk.fill(disk)
    rows = "".join(f"Account {n},LV,Given{n},Family{n},LV,Europe/Riga\n" for n in range(3000))
    big = tmp_path / "big.csv"
    big.write_text(PEOPLE.splitlines()[0] + "\n" + rows, encoding="utf-8")
    message = _one_sentence(run("import", "--db", str(db), str(big)))
    assert message.startswith(f"The disk holding {db} is full")
    assert "nothing was written" in message
    assert _accounts(db) == ["Baltic Timber", "Pars Co"]


def test_a_failed_export_leaves_no_part_file(run: Run, tmp_path: Path, tiny_disk: Any) -> None:
    _import(run, tmp_path, "data.db")
    missing = run("export", "--db", "data.db", "-o", "missing/out.csv")
    assert "cannot be written" in _one_sentence(missing)
    assert "nothing was written" in _one_sentence(missing)
    assert not (tmp_path / "missing").exists()

    disk = tiny_disk.make("256k")
    target = disk / "out.json"
    target.write_text("the previous export\n", encoding="utf-8")
    tiny_disk.fill(disk)
    full = run("export", "--format", "json", "--db", "data.db", "-o", str(target))
    assert _one_sentence(full)
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in disk.iterdir()) == ["filler.bin", "out.json"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_an_export_of_everyone_is_readable_by_the_user_alone(run: Run, tmp_path: Path) -> None:
    _import(run, tmp_path, "data.db")
    old = os.umask(0o022)  # the usual umask: files would be 0644
    try:
        for kind, name in (("csv", "all.csv"), ("json", "all.json"), ("vcard", "all.vcf")):
            result = run("export", "--format", kind, "--db", "data.db", "-o", name)
            assert result.returncode == 0, result.stderr
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, kind
            assert "Ozola" in (tmp_path / name).read_text(encoding="utf-8"), kind
    finally:
        os.umask(old)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".all")] == []
