"""Encryption at rest (SQLCipher): detection, passphrases, conversions that keep every row."""

from __future__ import annotations

import importlib.machinery
import sqlite3
import stat
import subprocess
import sys
import types
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from accountdesk.core.db import crypto
from accountdesk.core.db.engine import backup_sqlite, open_database
from accountdesk.core.db.schema import SCHEMA_HEAD, SQLITE_HEADER, quick_sqlite
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact

pytestmark = pytest.mark.skipif(not crypto.available(), reason="SQLCipher is not installed here")

PASS = "correct horse battery"
NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv(crypto.PASSPHRASE_ENV, raising=False)
    monkeypatch.delenv(crypto.NEW_PASSPHRASE_ENV, raising=False)
    return tmp_path / "home"


@pytest.fixture
def plain(tmp_path: Path, home: Path) -> Iterator[Path]:
    """A plain database with two accounts, three contacts and a user_version."""
    path = tmp_path / "data.db"
    db = open_database(path)
    riga = create_account(db, AccountInput(name="Dzintars", country="LV", timezone="Europe/Riga"))
    ist = create_account(
        db, AccountInput(name="Boğaziçi Tekstil", country="TR", timezone="Europe/Istanbul")
    )
    for account, given, family in [
        (riga, "Ilze", "Ozola"),
        (riga, "Jānis", "Bērziņš"),
        (ist, "Mehmet", "Yılmaz"),
    ]:
        create_contact(
            db,
            ContactInput(
                account_id=account,
                given_name=given,
                family_name=family,
                country="LV" if account == riga else "TR",
                timezone="Europe/Riga" if account == riga else "Europe/Istanbul",
                emails=[f"{given.lower()}@example.com"],
            ),
        )
    with db.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA user_version = 42")
    db.close()
    yield path


def _counts(path: Path, passphrase: str | None) -> dict[str, int]:
    conn = crypto.connect(path, passphrase)
    try:
        return crypto.row_counts(conn)
    finally:
        conn.close()


def _names(path: Path, passphrase: str | None) -> list[tuple[str, str]]:
    conn = crypto.connect(path, passphrase)
    try:
        rows = conn.execute(
            "SELECT given_name, family_name FROM contacts ORDER BY family_name"
        ).fetchall()
    finally:
        conn.close()
    return [(str(a), str(b)) for a, b in rows]


def test_an_encrypted_file_has_no_sqlite_header_and_opens_only_with_its_key(plain: Path) -> None:
    before = _counts(plain, None)
    done = crypto.encrypt_file(plain, PASS, NOW)
    assert plain.read_bytes()[:16] != SQLITE_HEADER
    assert b"Dzintars" not in plain.read_bytes()  # the names are not readable in the file
    assert crypto.looks_encrypted(plain) and crypto.is_encrypted(plain, PASS)
    assert not crypto.opens(plain, "not the passphrase")
    assert done.rows == before and done.rows["contacts"] == 3
    assert _counts(plain, PASS) == before
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(plain).execute("SELECT count(*) FROM contacts").fetchone()
    assert quick_sqlite(plain) is None  # the search fast lane hands it to open_database
    # the backup taken first is the plain file as it was
    assert done.backup.read_bytes()[:16] == SQLITE_HEADER
    assert _counts(done.backup, None) == before
    assert crypto.plain_backups(done.backup.parent) == [done.backup]


def test_the_copy_before_a_conversion_is_a_private_backup_of_this_database(
    plain: Path, tmp_path: Path, home: Path
) -> None:
    """Where backups go is one rule (backup.backup_root, per database identity); the copies
    a conversion takes follow it, private, and the plain ones are counted for the user."""
    from accountdesk.core import settings
    from accountdesk.core.db.backup import backup_folder, make_backup

    db = open_database(plain)
    identity_folder = backup_folder(db)
    assert identity_folder == home / "backups" / identity_folder.name
    daily = make_backup(db).path  # a plain backup from before the encryption
    db.close()
    done = crypto.encrypt_file(plain, PASS, NOW)
    assert done.backup.parent == identity_folder
    assert done.backup.name == f"20261128T090000Z-before-encrypt-schema{SCHEMA_HEAD}.db"
    assert stat.S_IMODE(done.backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(identity_folder.stat().st_mode) == 0o700
    assert crypto.plain_backups(identity_folder) == sorted([daily, done.backup])
    note = crypto.plain_backups_note(identity_folder)
    assert note is not None and note.startswith(f"2 backups in {identity_folder} are not encrypted")
    assert not (home / "backups" / done.backup.name).exists()  # not loose in the root

    # two changes of passphrase in the same second keep both copies
    first = crypto.rekey_file(plain, PASS, "a second passphrase", NOW).backup
    second = crypto.rekey_file(plain, "a second passphrase", "a third passphrase", NOW).backup
    assert first != second and first.parent == second.parent == identity_folder
    assert crypto.opens(first, PASS) and crypto.opens(second, "a second passphrase")

    # a backup folder the user chose: the conversions' copies go there too
    chosen = tmp_path / "usb"
    db = open_database(plain, passphrase="a third passphrase")
    settings.put(db, "backup.folder", str(chosen))
    assert backup_folder(db) == chosen / identity_folder.name
    db.close()
    done = crypto.decrypt_file(plain, "a third passphrase", NOW)
    assert done.backup.parent == chosen / identity_folder.name
    assert crypto.opens(done.backup, "a third passphrase")
    assert stat.S_IMODE((chosen / identity_folder.name).stat().st_mode) == 0o700


def test_the_copies_before_conversions_are_listed_restored_by_name_and_kept_as_safety_copies(
    plain: Path, home: Path
) -> None:
    """`db backups` and File → Backups… list them (they were named apart and never listed),
    a restore finds one by its name, and retention keeps the newest few like the copies taken
    before an upgrade; a copy named as earlier versions named them is listed too."""
    from datetime import timedelta

    from accountdesk.core.db.backup import (
        BEFORE_DECRYPT,
        BEFORE_ENCRYPT,
        BEFORE_REKEY,
        KEEP_SAFETY,
        backup_folder,
        find_backup,
        list_backups,
        make_backup,
        restore_backup,
    )

    encrypted = crypto.encrypt_file(plain, PASS, NOW).backup
    rekeyed = crypto.rekey_file(plain, PASS, "a second passphrase", NOW + timedelta(1)).backup
    decrypted = crypto.decrypt_file(plain, "a second passphrase", NOW + timedelta(2)).backup
    db = open_database(plain)
    folder = backup_folder(db)
    assert folder is not None
    older = folder / "data-before-rekey-20261101T090000Z.db"  # an earlier version's name
    older.write_bytes(rekeyed.read_bytes())
    listed = [(b.path, b.kind, b.kind_label, b.encrypted) for b in list_backups(db)]
    assert listed == [
        (decrypted, BEFORE_DECRYPT, "before decryption", True),
        (rekeyed, BEFORE_REKEY, "before a passphrase change", True),
        (encrypted, BEFORE_ENCRYPT, "before encryption", False),
        (older, BEFORE_REKEY, "before a passphrase change", True),
    ]
    assert find_backup(db, rekeyed.name) == rekeyed
    create_account(db, AccountInput(name="Later", country="LV", timezone="Europe/Riga"))
    restore_backup(db, find_backup(db, encrypted.name))
    assert [h.title for h in search(db, "later")] == []
    manual = make_backup(db).path
    for _n in range(KEEP_SAFETY):  # newer copies before restores push the oldest out
        restore_backup(db, manual)
    assert not older.exists() and not encrypted.exists()
    db.close()


def test_open_database_needs_the_passphrase(plain: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    crypto.encrypt_file(plain, PASS, NOW)
    with pytest.raises(crypto.PassphraseRequired) as missing:
        open_database(plain)
    assert missing.value.message == (
        f"The database at {plain} is encrypted; give its passphrase "
        "(ACCOUNTDESK_PASSPHRASE or the prompt)."
    )
    with pytest.raises(crypto.WrongPassphrase) as wrong:
        open_database(plain, passphrase="wrong passphrase")
    assert wrong.value.message == f"The passphrase for {plain} is wrong."
    monkeypatch.setenv(crypto.PASSPHRASE_ENV, "also wrong")
    with pytest.raises(crypto.WrongPassphrase, match="ACCOUNTDESK_PASSPHRASE"):
        open_database(plain)
    monkeypatch.setenv(crypto.PASSPHRASE_ENV, PASS)
    db = open_database(plain)
    try:
        assert db.passphrase == PASS
        assert PASS not in repr(db)
        hits = search(db, "yilmaz")  # FTS5 and the folded keys, through SQLCipher
        assert [h.title for h in hits] == ["Mehmet Yılmaz"]
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA cipher_version").scalar()
        create_account(db, AccountInput(name="Siam Trading", country="TH", timezone="Asia/Bangkok"))
        assert [h.title for h in search(db, "siam")] == ["Siam Trading"]
    finally:
        db.close()
    assert plain.read_bytes()[:16] != SQLITE_HEADER


def test_an_empty_passphrase_is_none_and_never_reaches_sqlcipher(
    plain: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An empty field at start, Enter at the prompt, an empty ACCOUNTDESK_PASSPHRASE: each is
    "give its passphrase", never SQLCipher's "PRAGMA key requires a key of one or more
    characters" (an OperationalError the app did not expect, so it quit)."""
    from accountdesk.core.db import crypto_cli
    from accountdesk.core.db.backup import make_backup, restore_backup

    crypto.encrypt_file(plain, PASS, NOW)
    required = (
        f"The database at {plain} is encrypted; give its passphrase "
        "(ACCOUNTDESK_PASSPHRASE or the prompt)."
    )
    monkeypatch.setenv(crypto.PASSPHRASE_ENV, PASS)  # what is typed is not replaced by it
    for attempt in (lambda: open_database(plain, passphrase=""), lambda: crypto.opens(plain, "")):
        with pytest.raises(crypto.PassphraseRequired) as refused:
            attempt()
        assert refused.value.message == required
    monkeypatch.setenv(crypto.PASSPHRASE_ENV, "")
    with pytest.raises(crypto.PassphraseRequired, match="give its passphrase"):
        open_database(plain)

    # a restore given an empty passphrase for an encrypted backup: asked for, nothing changed
    monkeypatch.delenv(crypto.PASSPHRASE_ENV)
    db = open_database(plain, passphrase=PASS)
    try:
        backup = make_backup(db).path
        db.passphrase = None  # as after decrypting: the backup's passphrase must be given
        with pytest.raises(crypto.PassphraseRequired, match="give its passphrase"):
            restore_backup(db, backup, passphrase="")
    finally:
        db.close()

    # the prompt asks again after Enter, and the passphrase then typed opens it
    typed = iter(["", PASS])
    monkeypatch.setattr(crypto_cli, "interactive", lambda: True)
    monkeypatch.setattr(crypto_cli, "_ask", lambda prompt: next(typed))
    db = crypto_cli.open_interactive(plain)
    try:
        assert db.passphrase == PASS
    finally:
        db.close()
    assert capsys.readouterr().err == "Nothing was typed; give the passphrase.\n"
    monkeypatch.setattr(crypto_cli, "_ask", lambda prompt: "")  # three times nothing: refused
    for asking in (
        lambda: crypto_cli.open_interactive(plain),
        lambda: crypto_cli.current_passphrase(plain),
        lambda: crypto_cli.backup_passphrase(backup, plain),
    ):
        with pytest.raises(crypto.PassphraseRequired, match="give its passphrase"):
            asking()
        assert capsys.readouterr().err == "Nothing was typed; give the passphrase.\n" * 3


def test_encrypt_then_decrypt_keeps_every_row(plain: Path) -> None:
    before, names = _counts(plain, None), _names(plain, None)
    crypto.encrypt_file(plain, PASS, NOW)
    done = crypto.decrypt_file(plain, PASS, NOW)
    assert plain.read_bytes()[:16] == SQLITE_HEADER
    assert _counts(plain, None) == before
    assert (
        _names(plain, None)
        == names
        == [("Jānis", "Bērziņš"), ("Ilze", "Ozola"), ("Mehmet", "Yılmaz")]
    )
    conn = sqlite3.connect(plain)
    assert conn.execute("PRAGMA user_version").fetchone() == (42,)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    # the copy taken before decrypting stays encrypted with the passphrase
    assert done.backup.read_bytes()[:16] != SQLITE_HEADER
    assert _counts(done.backup, PASS) == before
    db = open_database(plain)
    try:
        assert db.passphrase is None
        assert [h.title for h in search(db, "ozola")] == ["Ilze Ozola"]
    finally:
        db.close()


def test_rekey_changes_the_passphrase(plain: Path) -> None:
    before = _counts(plain, None)
    crypto.encrypt_file(plain, PASS, NOW)
    done = crypto.rekey_file(plain, PASS, "a brand new passphrase", NOW)
    assert not crypto.opens(plain, PASS)
    assert _counts(plain, "a brand new passphrase") == before
    assert crypto.opens(done.backup, PASS)  # the copy from before keeps the old one
    with pytest.raises(crypto.WrongPassphrase):
        crypto.rekey_file(plain, PASS, "yet another passphrase", NOW)
    assert crypto.opens(plain, "a brand new passphrase")


def test_a_wrong_passphrase_or_short_one_changes_nothing(plain: Path) -> None:
    with pytest.raises(crypto.UserError, match="at least 8 characters"):
        crypto.encrypt_file(plain, "short", NOW)
    assert plain.read_bytes()[:16] == SQLITE_HEADER
    crypto.encrypt_file(plain, PASS, NOW)
    before = plain.read_bytes()
    with pytest.raises(crypto.WrongPassphrase):
        crypto.decrypt_file(plain, "not it at all", NOW)
    assert plain.read_bytes() == before
    assert not plain.with_name(plain.name + ".converting").exists()
    with pytest.raises(crypto.UserError, match="already encrypted"):
        crypto.encrypt_file(plain, PASS, NOW)


def test_a_database_open_in_another_program_is_not_converted(plain: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('PRAGMA journal_mode=WAL'); c.execute('SELECT 1 FROM accounts').fetchall(); "
            "print('open', flush=True); sys.stdin.readline()",
            str(plain),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(crypto.DatabaseInUse, match="close it and try again"):
            crypto.encrypt_file(plain, PASS, NOW)
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=30)
    assert plain.read_bytes()[:16] == SQLITE_HEADER
    assert _counts(plain, None)["contacts"] == 3


def test_a_backup_of_an_encrypted_database_is_encrypted(plain: Path, tmp_path: Path) -> None:
    crypto.encrypt_file(plain, PASS, NOW)
    db = open_database(plain, passphrase=PASS)
    try:
        copy = backup_sqlite(plain, tmp_path / "copy.db", db.passphrase)
    finally:
        db.close()
    assert copy.read_bytes()[:16] != SQLITE_HEADER
    assert crypto.is_encrypted(copy, PASS)
    assert _counts(copy, PASS) == _counts(plain, PASS)
    reopened = open_database(copy, passphrase=PASS)
    try:
        found = search(reopened, "dzintars")  # the account, then its people
        assert [h.title for h in found if h.kind == "account"] == ["Dzintars"]
    finally:
        reopened.close()


def test_the_app_backup_of_an_encrypted_database_is_encrypted(plain: Path) -> None:
    from accountdesk.core.db.backup import make_backup

    crypto.encrypt_file(plain, PASS, NOW)
    db = open_database(plain, passphrase=PASS)
    try:
        made = make_backup(db)
    finally:
        db.close()
    assert made.path.read_bytes()[:16] != SQLITE_HEADER
    assert _counts(made.path, PASS)["contacts"] == 3


def test_a_text_file_is_still_not_a_database(tmp_path: Path, home: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"x" * 1024)  # whole pages long, but no key opens it
    with pytest.raises(crypto.PassphraseRequired):
        open_database(notes)
    short = tmp_path / "short.txt"
    short.write_text("shopping list\n", encoding="utf-8")
    assert not crypto.looks_encrypted(short)
    with pytest.raises(crypto.UserError, match="not an SQLite database"):
        crypto.encrypt_file(short, PASS, NOW)
    assert short.read_text(encoding="utf-8") == "shopping list\n"


class _FakeKeyring(types.ModuleType):
    """A keyring module with an in-memory backend (the real one needs a desktop session)."""

    def __init__(self) -> None:
        super().__init__("keyring")
        self.__spec__ = importlib.machinery.ModuleSpec("keyring", None)
        self.store: dict[tuple[str, str], str] = {}

        class Backend:
            priority = 5

        self.backend = Backend()

    def get_keyring(self) -> object:
        return self.backend

    def get_password(self, service: str, user: str) -> str | None:
        return self.store.get((service, user))

    def set_password(self, service: str, user: str, password: str) -> None:
        self.store[(service, user)] = password

    def delete_password(self, service: str, user: str) -> None:
        del self.store[(service, user)]


def test_the_keyring_remembers_the_passphrase(plain: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _FakeKeyring()
    errors = types.ModuleType("keyring.errors")
    errors.__spec__ = importlib.machinery.ModuleSpec("keyring.errors", None)
    errors.KeyringError = type("KeyringError", (Exception,), {})  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "keyring", fake)
    monkeypatch.setitem(sys.modules, "keyring.errors", errors)
    assert crypto.keyring_module() is fake
    crypto.encrypt_file(plain, PASS, NOW)
    crypto.remember(plain, PASS)
    db = open_database(plain)  # no prompt, no environment: the keyring's
    try:
        assert db.passphrase == PASS
    finally:
        db.close()
    assert crypto.forget(plain) and crypto.remembered(plain) is None
    with pytest.raises(crypto.PassphraseRequired):
        open_database(plain)
    fake.backend.priority = 0  # keyring's "fail" backend: none usable
    assert crypto.keyring_module() is None
    with pytest.raises(crypto.UserError, match="No usable system keyring"):
        crypto.remember(plain, PASS)
