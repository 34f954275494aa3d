"""``accountdesk db encrypt | decrypt | rekey`` and every command on an encrypted database, end
to end through the installed command line (no terminal: passphrases come from the environment).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from accountdesk.core.db import crypto
from accountdesk.core.db.schema import SCHEMA_HEAD

pytestmark = pytest.mark.skipif(not crypto.available(), reason="SQLCipher is not installed here")

HEADER = b"SQLite format 3\x00"
PASS = "correct horse battery"
NEW = "staple on the battery"

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def cli(tmp_path: Path) -> Run:
    """The installed ``accountdesk``; ``passphrase=`` sets ACCOUNTDESK_PASSPHRASE for one run
    (``new=`` ACCOUNTDESK_NEW_PASSPHRASE, ``backup=`` ACCOUNTDESK_BACKUP_PASSPHRASE)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("ACCOUNTDESK_")}
    base["ACCOUNTDESK_HOME"] = str(tmp_path / "home")
    base["PYTHONIOENCODING"] = "utf-8"
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        base.pop(name, None)
    exe = Path(sys.executable).with_name("accountdesk")

    def _run(
        *args: str,
        passphrase: str | None = None,
        new: str | None = None,
        backup: str | None = None,
        check: bool = False,
    ) -> subprocess.CompletedProcess[str]:
        env = dict(base)
        if backup is not None:
            env["ACCOUNTDESK_BACKUP_PASSPHRASE"] = backup
        if passphrase is not None:
            env["ACCOUNTDESK_PASSPHRASE"] = passphrase
        if new is not None:
            env["ACCOUNTDESK_NEW_PASSPHRASE"] = new
        result = subprocess.run(
            [str(exe), *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            timeout=300,
            check=False,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"{args} failed: {result.stderr}")
        return result

    return _run


def _one_sentence(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert result.stdout == ""
    return lines[0]


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def _names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)  # closed at once: an open connection would block a conversion
    try:
        return [r[0] for r in conn.execute("SELECT name FROM accounts ORDER BY name")]
    finally:
        conn.close()


def test_every_command_works_on_an_encrypted_database(cli: Run, tmp_path: Path) -> None:
    cli("demo", "--db", "d.db", "--accounts", "40", "--seed", "4", check=True)
    db = tmp_path / "d.db"
    plain_search = cli("search", "--db", "d.db", "a", "--limit", "5", check=True).stdout
    plain_csv = cli("export", "--db", "d.db", "--format", "csv", check=True).stdout

    done = cli("db", "encrypt", "--db", "d.db", passphrase=PASS, check=True)
    assert "is encrypted now" in done.stdout
    assert "not encrypted" in done.stdout  # the backup taken before, and where it is
    assert db.read_bytes()[:16] != HEADER

    # without the passphrase, or with a wrong one: one sentence, exit 1, nothing printed
    for args in (("search", "--db", "d.db", "a"), ("followups", "--db", "d.db")):
        missing = _one_sentence(cli(*args))
        assert missing == (
            f"accountdesk: The database at {db} is encrypted; give its passphrase "
            "(ACCOUNTDESK_PASSPHRASE or the prompt)."
        )
    wrong = _one_sentence(cli("search", "--db", "d.db", "a", passphrase="not the passphrase"))
    assert wrong == (
        f"accountdesk: The passphrase for {db} is wrong (it came from ACCOUNTDESK_PASSPHRASE)."
    )

    # with it, the same answers as before
    found = cli("search", "--db", "d.db", "a", "--limit", "5", passphrase=PASS, check=True)
    assert found.stdout == plain_search
    csv = cli("export", "--db", "d.db", "--format", "csv", passphrase=PASS, check=True).stdout
    assert csv == plain_csv
    (tmp_path / "out.csv").write_text(csv, encoding="utf-8")
    follow = cli("followups", "--db", "d.db", "--json", passphrase=PASS, check=True).stdout
    assert "follow_ups" in json.loads(follow)
    report = cli("report", "portfolio", "--db", "d.db", "-o", "p.pdf", passphrase=PASS, check=True)
    assert report.returncode == 0
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")
    assert "healthy" in cli("db", "check", "--db", "d.db", passphrase=PASS, check=True).stdout

    # import into another encrypted database
    cli("db", "upgrade", "--db", "other.db", check=True)
    cli("db", "encrypt", "--db", "other.db", passphrase=PASS, check=True)
    imported = cli("import", "--db", "other.db", "out.csv", passphrase=PASS, check=True)
    assert "Added 40 accounts." in imported.stdout
    again = cli("export", "--db", "other.db", "--format", "csv", passphrase=PASS, check=True)
    assert again.stdout == plain_csv
    assert (tmp_path / "other.db").read_bytes()[:16] != HEADER


def test_encrypt_rekey_decrypt_round_trip_keeps_every_row(cli: Run, tmp_path: Path) -> None:
    cli("demo", "--db", "r.db", "--accounts", "25", "--seed", "9", check=True)
    path = tmp_path / "r.db"
    before = _counts(path)
    assert before["accounts"] == 25 and before["contacts"] > 25
    names = _names(path)

    refused = _one_sentence(cli("db", "encrypt", "--db", "r.db"))
    assert "ACCOUNTDESK_PASSPHRASE" in refused and "nothing was changed" in refused
    short = _one_sentence(cli("db", "encrypt", "--db", "r.db", passphrase="short"))
    assert "at least 8 characters" in short
    assert path.read_bytes()[:16] == HEADER

    cli("db", "encrypt", "--db", "r.db", passphrase=PASS, check=True)
    assert "already encrypted" in _one_sentence(
        cli("db", "encrypt", "--db", "r.db", passphrase=PASS)
    )

    rekey_without_new = _one_sentence(cli("db", "rekey", "--db", "r.db", passphrase=PASS))
    assert "ACCOUNTDESK_NEW_PASSPHRASE" in rekey_without_new
    bad_old = _one_sentence(cli("db", "rekey", "--db", "r.db", passphrase="wrong one!", new=NEW))
    assert "is wrong" in bad_old
    rekeyed = cli("db", "rekey", "--db", "r.db", passphrase=PASS, new=NEW, check=True)
    assert "still opens with the old one" in rekeyed.stdout
    assert "is wrong" in _one_sentence(cli("search", "--db", "r.db", "a", passphrase=PASS))
    cli("search", "--db", "r.db", "a", passphrase=NEW, check=True)

    cli("db", "decrypt", "--db", "r.db", passphrase=NEW, check=True)
    assert path.read_bytes()[:16] == HEADER
    assert _counts(path) == before
    assert _names(path) == names
    assert "not encrypted" in _one_sentence(cli("db", "decrypt", "--db", "r.db", passphrase=NEW))
    # the fast read-only lane works again on the plain file, without a passphrase
    assert cli("search", "--db", "r.db", "a", check=True).stdout


def test_remember_without_a_usable_keyring_is_one_sentence(cli: Run, tmp_path: Path) -> None:
    cli("db", "upgrade", "--db", "k.db", check=True)
    result = cli("db", "encrypt", "--db", "k.db", "--remember", passphrase=PASS)
    if crypto.keyring_module() is not None:  # pragma: no cover - a desktop with a keyring
        pytest.skip("this machine has a usable keyring")
    assert "No usable system keyring" in _one_sentence(result)
    assert (tmp_path / "k.db").read_bytes()[:16] == HEADER  # nothing was changed


def test_an_encrypted_database_on_a_read_only_disk(
    cli: Run, tmp_path: Path, tiny_disk: Any
) -> None:
    """Reads work (db check tells the truth), writes are refused with the plain database's
    sentence."""
    disk = tiny_disk.make("4m")
    db = disk / "data.db"
    cli("demo", "--db", str(db), "--accounts", "5", "--seed", "2", check=True)
    cli("db", "encrypt", "--db", str(db), passphrase=PASS, check=True)
    tiny_disk.read_only(disk)
    before = db.read_bytes()
    checked = cli("db", "check", "--db", str(db), passphrase=PASS, check=True)
    assert checked.stdout.startswith("The database is healthy")
    assert cli("search", "--db", str(db), "a", passphrase=PASS, check=True).stdout
    refused = _one_sentence(
        cli("config", "set", "user.zone", "Asia/Tehran", "--db", str(db), passphrase=PASS)
    )
    assert refused == (
        f"accountdesk: The database {db} is read-only: AccountDesk can show it but not change "
        "it, so nothing was written."
    )
    assert db.read_bytes() == before


def test_erase_on_an_encrypted_database_cleans_its_backups(cli: Run, tmp_path: Path) -> None:
    people = (
        "account_name,account_country,given_name,family_name,email,country,timezone\n"
        "Baltic Timber,LV,Qvintrelax,Ozola,qmailbrisk@qexample.org,LV,Europe/Riga\n"
        "Baltic Timber,LV,Anna,Ozola,anna@timber.example,LV,Europe/Riga\n"
    )
    (tmp_path / "people.csv").write_text(people, encoding="utf-8")
    cli("import", "--db", "e.db", "people.csv", check=True)
    cli("db", "encrypt", "--db", "e.db", passphrase=PASS, check=True)  # a plain copy first
    cli("db", "backup", "--db", "e.db", passphrase=PASS, check=True)  # an encrypted one
    found = cli("search", "--db", "e.db", "qvintrelax", passphrase=PASS, check=True)
    assert found.stdout.startswith("Qvintrelax Ozola\t")
    # in clear only in the copy taken before the encryption (the grep can find it)
    [plain] = _with_name(tmp_path)
    assert plain.name.endswith(f"-before-encrypt-schema{SCHEMA_HEAD}.db")
    assert plain.parent.parent.name == "backups"
    erased = cli(
        "privacy", "erase", "--db", "e.db", "Qvintrelax", "--yes", passphrase=PASS, check=True
    )
    assert erased.stdout.splitlines() == [
        "Qvintrelax Ozola was erased for good.",
        "2 backups were rewritten without them.",
    ]
    assert _with_name(tmp_path) == []
    gone = cli("search", "--db", "e.db", "qvintrelax", passphrase=PASS, check=True)
    assert gone.stdout == "No matches for “qvintrelax”.\n"
    assert "Anna Ozola" in cli("search", "--db", "e.db", "ozola", passphrase=PASS).stdout


def _with_name(folder: Path) -> list[Path]:
    """The files (but the imported CSV) whose bytes hold the person's name in clear."""
    return [
        p
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "people.csv" and b"qvintrelax" in p.read_bytes().lower()
    ]


def _made(result: subprocess.CompletedProcess[str]) -> Path:
    return Path(result.stdout.removeprefix("Backed up to ").rsplit(" (", 1)[0])


def test_a_backup_taken_encrypted_is_restored_after_decrypting(cli: Run, tmp_path: Path) -> None:
    """db encrypt, db backup, db decrypt, db restore: the restore asked for the passphrase
    it had been given and refused it all the same (it checked the backup with the live,
    now plain, database's none)."""
    cli("demo", "--db", "e.db", "--accounts", "5", "--seed", "3", check=True)
    path = tmp_path / "e.db"
    names = _names(path)
    cli("db", "encrypt", "--db", "e.db", passphrase=PASS, check=True)
    backup = _made(cli("db", "backup", "--db", "e.db", passphrase=PASS, check=True))
    cli("db", "decrypt", "--db", "e.db", passphrase=PASS, check=True)
    cli("demo", "--db", "e.db", "--accounts", "2", "--seed", "4", check=True)
    assert _names(path) != names

    listed = cli("db", "backups", "--db", "e.db", check=True).stdout.splitlines()
    row = next(line.split("\t") for line in listed if backup.name in line)
    assert row[3] == "made by hand, encrypted"  # the list says which ones need a passphrase

    refused = _one_sentence(cli("db", "restore", backup.name, "--db", "e.db"))
    assert "is encrypted; give its passphrase" in refused
    wrong = _one_sentence(cli("db", "restore", backup.name, "--db", "e.db", passphrase=NEW))
    assert "is wrong" in wrong
    assert path.read_bytes()[:16] == HEADER  # nothing changed

    restored = cli("db", "restore", backup.name, "--db", "e.db", passphrase=PASS, check=True)
    assert "encrypted" in restored.stdout  # the user is told it comes back encrypted
    assert path.read_bytes()[:16] != HEADER  # as the backup was
    assert cli("search", "--db", "e.db", "a", passphrase=PASS, check=True).stdout
    cli("db", "decrypt", "--db", "e.db", passphrase=PASS, check=True)
    assert _names(path) == names


def test_a_backup_from_before_a_passphrase_change_is_restored_from_a_script(
    cli: Run, tmp_path: Path
) -> None:
    """ACCOUNTDESK_PASSPHRASE opens the database (its new passphrase); the copy taken before
    `db rekey` keeps the old one, given in ACCOUNTDESK_BACKUP_PASSPHRASE. With one variable for
    both, a script could not restore it, and the message sent it to the one already in use."""
    cli("demo", "--db", "e.db", "--accounts", "5", "--seed", "3", check=True)
    path = tmp_path / "e.db"
    names = _names(path)
    cli("db", "encrypt", "--db", "e.db", passphrase=PASS, check=True)
    cli("db", "rekey", "--db", "e.db", passphrase=PASS, new=NEW, check=True)
    listed = cli("db", "backups", "--db", "e.db", passphrase=NEW, check=True).stdout
    [row] = [line.split("\t") for line in listed.splitlines() if "-before-rekey-" in line]
    assert row[3] == "before a passphrase change, encrypted"
    name = row[-1]
    cli("demo", "--db", "e.db", "--accounts", "2", "--seed", "4", passphrase=NEW, check=True)
    before = path.read_bytes()

    refused = _one_sentence(cli("db", "restore", name, "--db", "e.db", passphrase=NEW))
    assert refused.startswith("accountdesk: The backup ") and refused.endswith(
        f"{name} is encrypted; give its passphrase, the one it was taken with, in "
        "ACCOUNTDESK_BACKUP_PASSPHRASE, or run the command in a terminal to be asked for it; "
        "nothing was restored."
    )
    wrong = _one_sentence(
        cli("db", "restore", name, "--db", "e.db", passphrase=NEW, backup="not the old one")
    )
    assert wrong.endswith("is wrong (it came from ACCOUNTDESK_BACKUP_PASSPHRASE).")
    assert path.read_bytes() == before  # nothing changed

    cli("db", "restore", name, "--db", "e.db", passphrase=NEW, backup=PASS, check=True)
    cli("db", "decrypt", "--db", "e.db", passphrase=NEW, check=True)  # the current passphrase
    assert _names(path) == names  # the data of before the rekey
