"""A database that cannot be opened (cut short, pages overwritten, junk, deleted) is restored
from its backups by the very commands its error names, without opening it; the damaged file
is kept beside the restored one, never deleted."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]

PEOPLE = (
    "account_name,account_country,given_name,family_name,country,timezone\n"
    "Pars Co,IR,Negar,Jafari,IR,Asia/Tehran\n"
    "Baltic Timber,LV,Anna,Ozola,LV,Europe/Riga\n"
)


def _accounts(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM accounts"))
    finally:
        conn.close()


def _backed_up(run: Run, tmp_path: Path) -> tuple[Path, Path]:
    """data.db with two accounts, one backup of it, and a third account added after."""
    source = tmp_path / "people.csv"
    source.write_text(PEOPLE, encoding="utf-8")
    run("import", "--db", "data.db", str(source), check=True)
    made = run("db", "backup", "--db", "data.db", check=True).stdout
    backup = Path(made.removeprefix("Backed up to ").rsplit(" (", 1)[0])
    run("demo", "--accounts", "3", "--db", "data.db", check=True)
    return tmp_path / "data.db", backup


def _cut(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _scribble(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as handle:
        for page in (1, 2, 3, 4, 5):
            handle.seek(page * 4096)
            handle.write(os.urandom(4096))
    assert path.stat().st_size == size


def _junk(path: Path) -> None:
    path.write_bytes(b"this is not a database at all\n" * 100)


@pytest.mark.parametrize("damage", [_cut, _scribble, _junk], ids=["cut", "scribbled", "junk"])
def test_a_damaged_database_is_restored_by_name(
    run: Run, tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    data, backup = _backed_up(run, tmp_path)
    run("db", "check", "--db", "data.db", check=True)
    for suffix in ("-wal", "-shm"):
        Path(f"{data}{suffix}").unlink(missing_ok=True)
    damage(data)
    damaged_bytes = data.read_bytes()
    failed = run("search", "anna", "--db", "data.db")
    assert failed.returncode == 1
    assert "db restore" in failed.stderr or "not an SQLite database" in failed.stderr

    listed = run("db", "backups", "--db", "data.db", check=True)
    names = [line.split("\t")[-1] for line in listed.stdout.splitlines()]
    assert names == [backup.name]

    restored = run("db", "restore", backup.name, "--db", "data.db", check=True)
    assert restored.stdout.startswith(f"Restored {backup.name}")
    assert _accounts(data) == ["Baltic Timber", "Pars Co"]
    assert run("db", "check", "--db", "data.db", check=True).stdout.startswith("The database is")
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("data.db.damaged-")]
    assert [p.read_bytes() for p in kept] == [damaged_bytes]  # kept, as it was
    assert str(kept[0]) in restored.stdout
    assert "anna" in run("search", "anna", "--db", "data.db", check=True).stdout.lower()


def test_the_damaged_message_names_commands_that_work(run: Run, tmp_path: Path) -> None:
    data, backup = _backed_up(run, tmp_path)
    for suffix in ("-wal", "-shm"):
        Path(f"{data}{suffix}").unlink(missing_ok=True)
    _cut(data)
    said = run("db", "check", "--db", "data.db")
    assert said.returncode == 1
    assert f"accountdesk db restore NAME --db {data}" in said.stderr
    # the command it names does what it says
    run("db", "restore", backup.name, "--db", str(data), check=True)
    assert _accounts(data) == ["Baltic Timber", "Pars Co"]


def test_a_deleted_database_is_restored_from_its_backups(run: Run, tmp_path: Path) -> None:
    data, backup = _backed_up(run, tmp_path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{data}{suffix}").unlink(missing_ok=True)
    listed = run("db", "backups", "--db", "data.db", check=True)
    assert [line.split("\t")[-1] for line in listed.stdout.splitlines()] == [backup.name]
    run("db", "restore", backup.name, "--db", "data.db", check=True)
    assert _accounts(data) == ["Baltic Timber", "Pars Co"]
    assert not [p for p in tmp_path.iterdir() if ".damaged-" in p.name]


def test_a_damaged_database_is_restored_from_a_path(run: Run, tmp_path: Path) -> None:
    data, backup = _backed_up(run, tmp_path)
    elsewhere = tmp_path / "copy-of-backup.db"
    elsewhere.write_bytes(backup.read_bytes())
    for suffix in ("-wal", "-shm"):
        Path(f"{data}{suffix}").unlink(missing_ok=True)
    _junk(data)
    run("db", "restore", str(elsewhere), "--db", "data.db", check=True)
    assert _accounts(data) == ["Baltic Timber", "Pars Co"]


def test_another_databases_backup_is_not_restored_over_a_damaged_one_unasked(
    run: Run, tmp_path: Path
) -> None:
    data, _backup = _backed_up(run, tmp_path)
    (tmp_path / "other").mkdir()
    source = tmp_path / "people.csv"
    run("import", "--db", "other/o.db", str(source), check=True)
    made = run("db", "backup", "--db", "other/o.db", check=True).stdout
    foreign = made.removeprefix("Backed up to ").rsplit(" (", 1)[0]
    for suffix in ("-wal", "-shm"):
        Path(f"{data}{suffix}").unlink(missing_ok=True)
    _cut(data)
    damaged_bytes = data.read_bytes()
    refused = run("db", "restore", foreign, "--db", "data.db")
    assert refused.returncode == 1
    assert "is a backup of another database; add --force" in refused.stderr
    assert data.read_bytes() == damaged_bytes
    assert not [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    run("db", "restore", foreign, "--force", "--db", "data.db", check=True)
    assert _accounts(data) == ["Baltic Timber", "Pars Co"]
    assert [p.read_bytes() for p in tmp_path.iterdir() if ".damaged-" in p.name] == [damaged_bytes]
