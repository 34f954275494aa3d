"""Encryption at rest with SQLCipher: detect an encrypted file, find its passphrase, open it,
and convert a database between plain and encrypted (or to a new passphrase) in place.

An encrypted database is a file whose first 16 bytes are not SQLite's header (SQLCipher
encrypts the whole file, header included), whose size is whole pages, and that opens with the
key. SQLCipher (4, with FTS5) comes from the ``sqlcipher3`` module (the ``sqlcipher3-binary``
wheel, Linux x86-64); where it is missing, plain databases work as before and an encrypted
one is refused with one sentence.

The passphrase of an encrypted database comes, in this order, from the caller (a prompt or a
dialog), ``ACCOUNTDESK_PASSPHRASE``, or the system keyring (the optional ``keyring`` package,
when it has a usable backend and the user chose to remember it there). A conversion exports the
data with ``sqlcipher_export`` into a new file beside the database, checks it (integrity and
the row count of every table), and moves it over the old one in one atomic rename, after a
backup; the database must not be open elsewhere meanwhile.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import os
import sqlite3
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from accountdesk.core.db.errors import SQLITE_NOTADB, sqlite_code
from accountdesk.core.db.schema import SQLITE_HEADER
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import _, format_number, ltr_shown, ngettext

if TYPE_CHECKING:
    from sqlalchemy import Engine

PASSPHRASE_ENV = "ACCOUNTDESK_PASSPHRASE"
#: The new passphrase of ``accountdesk db rekey`` in scripts (the old one: PASSPHRASE_ENV).
NEW_PASSPHRASE_ENV = "ACCOUNTDESK_NEW_PASSPHRASE"
#: The passphrase an encrypted backup was taken with, for ``accountdesk db restore`` in
#: scripts, when it is not the database's own (PASSPHRASE_ENV): a backup from before a change
#: of passphrase.
BACKUP_PASSPHRASE_ENV = "ACCOUNTDESK_BACKUP_PASSPHRASE"
KEYRING_SERVICE = "AccountDesk"
MIN_PASSPHRASE_LENGTH = 8
#: SQLite pages are at least 512 bytes, so an encrypted file is a multiple of that.
_PAGE_MULTIPLE = 512


class EncryptionUnavailable(UserError):
    """SQLCipher is not installed here (the wheel exists for Linux x86-64 only)."""


class PassphraseRequired(UserError):
    """The database is encrypted and no passphrase was given."""


class WrongPassphrase(UserError):
    """The passphrase does not open the database."""


class DatabaseInUse(UserError):
    """Another program (or window) has the database open; a conversion needs it alone."""


@dataclass(frozen=True)
class Passphrase:
    """A passphrase and where it came from ("given", "environment" or "keyring")."""

    text: str = field(repr=False)
    source: str = "given"


# --- SQLCipher --------------------------------------------------------------------------


def available() -> bool:
    """True when SQLCipher (the ``sqlcipher3`` module) is installed."""
    return importlib.util.find_spec("sqlcipher3") is not None


_quieted = False


def sqlcipher() -> ModuleType:
    """The ``sqlcipher3`` DB-API module; :class:`EncryptionUnavailable` when it is missing."""
    global _quieted
    if not available():
        raise EncryptionUnavailable(
            _(
                "Encryption is not available in this installation of AccountDesk: its "
                "SQLCipher module (sqlcipher3-binary, made for Linux on x86-64) is missing."
            )
        )
    module = importlib.import_module("sqlcipher3")
    if not _quieted:
        # SQLCipher logs every failed page decryption to standard error; a wrong passphrase
        # is already one sentence of ours. The level is process-wide.
        conn = module.connect(":memory:")
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
        finally:
            conn.close()
        _quieted = True
    return module


def looks_encrypted(path: Path) -> bool:
    """A file that is not empty, is whole pages long and does not start with SQLite's header
    (whether it really is an encrypted database only its key can tell)."""
    try:
        if not path.is_file():
            return False
        size = path.stat().st_size
        if size == 0 or size % _PAGE_MULTIPLE:
            return False
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError:
        return False
    return header != SQLITE_HEADER


def entered(passphrase: str | None) -> str | None:
    """``passphrase`` as given, or None when none was: an empty one is none (an empty
    ACCOUNTDESK_PASSPHRASE, Enter at a prompt, OK on an empty field). SQLCipher refuses an
    empty key with an error of its own (not "wrong key"), so every source of a passphrase
    passes through here and nothing empty reaches it."""
    return passphrase or None


def empty_message() -> str:
    """What a prompt or a dialog says when it was answered with nothing; it asks again."""
    return _("Nothing was typed; give the passphrase.")


def is_encrypted(path: Path, passphrase: str) -> bool:
    """True when ``path`` looks encrypted and opens with ``passphrase``."""
    return looks_encrypted(path) and opens(path, passphrase)


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def _not_a_database(exc: BaseException) -> bool:
    return sqlite_code(exc) == SQLITE_NOTADB


def connect(path: Path | str, passphrase: str | None, **kwargs: Any) -> Any:
    """A DB-API connection to ``path``: plain :mod:`sqlite3` without a passphrase, SQLCipher
    keyed with it otherwise (the key is set before anything is read)."""
    if passphrase is None:
        return sqlite3.connect(path, **kwargs)
    conn = sqlcipher().connect(str(path), **kwargs)
    conn.execute(f"PRAGMA key = {_quote(passphrase)}")
    return conn


def _copy_of(conn: Any, destination: Path | str, passphrase: str | None) -> Any:
    """``destination`` filled with what ``conn`` (a DB-API connection, plain or SQLCipher)
    sees, by SQLite's backup API, keyed with ``passphrase`` (None: plain), and left open. It
    is opened by ``conn``'s own driver: the backup API copies between its own connections."""
    module: Any = sqlite3 if isinstance(conn, sqlite3.Connection) else sqlcipher()
    dst = module.connect(str(destination))
    try:
        if passphrase is not None:
            dst.execute(f"PRAGMA key = {_quote(passphrase)}")
        conn.backup(dst)
    except BaseException:
        dst.close()
        raise
    return dst


def copy_connection(conn: Any, destination: Path | str, passphrase: str | None) -> None:
    """Copy the database ``conn`` sees into the file ``destination`` (see :func:`_copy_of`).

    The copy is in rollback-journal mode, not the live file's WAL: reading a WAL file (checking
    a backup before a restore, even read-only) leaves -wal and -shm files beside it. The app
    puts a file it opens back in WAL."""
    copy = _copy_of(conn, destination, passphrase)
    try:
        copy.execute(_NO_WAL)
    finally:
        copy.close()


#: A copy's journal mode (see :func:`copy_connection`).
_NO_WAL = "PRAGMA journal_mode = DELETE"


def keep_as_copy(path: Path, passphrase: str | None) -> None:
    """Put the copy ``path`` (a backup that was opened through the app, which puts a file it
    opens in WAL) back in a copy's rollback-journal mode (see :func:`copy_connection`)."""
    conn = connect(path, passphrase)
    try:
        conn.execute(_NO_WAL)
    finally:
        conn.close()


def memory_copy(conn: Any, passphrase: str | None) -> Any:
    """An open copy in memory of the database ``conn`` sees (a check that writes, run for a
    file that cannot be written)."""
    return _copy_of(conn, ":memory:", passphrase)


def opens(path: Path, passphrase: str) -> bool:
    """True when ``passphrase`` decrypts ``path`` (one key derivation: about half a second);
    :class:`PassphraseRequired` for an empty one (:func:`entered`)."""
    module = sqlcipher()
    if entered(passphrase) is None:
        raise PassphraseRequired(required_message(path))
    conn = connect(path, passphrase)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError as exc:
        if _not_a_database(exc):
            return False
        raise
    finally:
        conn.close()
    return True


# --- the passphrase ---------------------------------------------------------------------


def keyring_module() -> ModuleType | None:
    """The ``keyring`` module when it is installed and has a usable backend, else None."""
    if importlib.util.find_spec("keyring") is None:
        return None
    module = importlib.import_module("keyring")
    errors = importlib.import_module("keyring.errors")
    try:
        usable = float(getattr(module.get_keyring(), "priority", 0)) > 0
    except errors.KeyringError:  # a backend that cannot start is the same as none
        return None
    return module if usable else None


def _keyring_error() -> type[Exception]:
    error: type[Exception] = importlib.import_module("keyring.errors").KeyringError
    return error


def keyring_unavailable_message() -> str:
    return _(
        "No usable system keyring here (it needs the keyring package, installed with "
        "accountdesk[keyring], and a keyring service such as GNOME Keyring or KWallet); "
        "nothing was changed."
    )


def remembered(path: Path | str) -> str | None:
    """The passphrase the keyring holds for ``path``, or None (a team server's password is
    kept the same way under its entry: :mod:`accountdesk.core.db.credentials`)."""
    module = keyring_module()
    if module is None:
        return None
    try:
        found = module.get_password(KEYRING_SERVICE, str(path))
    except _keyring_error():  # the keyring is locked or refused: ask instead
        return None
    return entered(found) if isinstance(found, str) else None


def remember(path: Path | str, passphrase: str) -> None:
    """Keep ``passphrase`` in the system keyring for ``path``."""
    module = keyring_module()
    if module is None:
        raise UserError(keyring_unavailable_message())
    try:
        module.set_password(KEYRING_SERVICE, str(path), passphrase)
    except _keyring_error() as exc:
        raise UserError(
            _("The system keyring did not keep the passphrase: {reason}").format(reason=exc)
        ) from exc


def forget(path: Path | str) -> bool:
    """Remove the keyring's passphrase for ``path``; True when there was one."""
    module = keyring_module()
    if module is None or remembered(path) is None:
        return False
    with contextlib.suppress(_keyring_error()):
        module.delete_password(KEYRING_SERVICE, str(path))
        return True
    return False


def check_new_passphrase(passphrase: str) -> str:
    """A passphrase acceptable for encrypting, or a :class:`UserError` that says why not."""
    if "\x00" in passphrase:
        raise UserError(_("A passphrase cannot contain a NUL character."))
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise UserError(
            ngettext(
                "The passphrase is too short: use at least {n} character.",
                "The passphrase is too short: use at least {n} characters.",
                MIN_PASSPHRASE_LENGTH,
            ).format(n=format_number(MIN_PASSPHRASE_LENGTH))
        )
    return passphrase


def required_message(path: Path) -> str:
    return _(
        "The database at {path} is encrypted; give its passphrase (ACCOUNTDESK_PASSPHRASE or "
        "the prompt)."
    ).format(path=ltr_shown(path))


def wrong_message(path: Path, source: str = "given") -> str:
    if source == "environment":
        return _(
            "The passphrase for {path} is wrong (it came from ACCOUNTDESK_PASSPHRASE)."
        ).format(path=ltr_shown(path))
    if source == "keyring":
        return _("The passphrase for {path} is wrong (it came from the system keyring).").format(
            path=ltr_shown(path)
        )
    if source == "backup environment":
        return _(
            "The passphrase for {path} is wrong (it came from ACCOUNTDESK_BACKUP_PASSPHRASE)."
        ).format(path=ltr_shown(path))
    return _("The passphrase for {path} is wrong.").format(path=ltr_shown(path))


def passphrase_for(path: Path, given: str | None = None) -> Passphrase | None:
    """None for a file that is not encrypted; else its passphrase: ``given``,
    ``ACCOUNTDESK_PASSPHRASE`` or the keyring's. Not checked yet (see :func:`check_engine`);
    :class:`PassphraseRequired` when there is none, or ``given`` is empty (a prompt answered
    with nothing: what is typed is not replaced by another source's)."""
    if not looks_encrypted(path):
        return None
    if not available():
        raise EncryptionUnavailable(
            _(
                "The database at {path} is encrypted, and this installation of AccountDesk "
                "has no SQLCipher (sqlcipher3) to open it."
            ).format(path=ltr_shown(path))
        )
    if given is not None:
        if entered(given) is None:
            raise PassphraseRequired(required_message(path))
        return Passphrase(given, "given")
    env = entered(os.environ.get(PASSPHRASE_ENV))
    if env is not None:
        return Passphrase(env, "environment")
    kept = remembered(path)
    if kept is not None:
        return Passphrase(kept, "keyring")
    raise PassphraseRequired(required_message(path))


def keyed_engine(path: Path, passphrase: str, creator: Callable[[], Any] | None = None) -> Engine:
    """An SQLAlchemy engine on the encrypted file ``path`` (SQLAlchemy's pysqlcipher dialect
    over ``sqlcipher3``; it sets the key first on every new connection). A queue of reused
    connections like the plain engine's: a new SQLCipher connection derives its key anew.
    ``creator``: how a connection is made, when not from the path (a read-only one)."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import URL
    from sqlalchemy.pool import QueuePool

    sqlcipher()
    url = URL.create("sqlite+pysqlcipher", password=passphrase, database=str(path))
    if creator is not None:
        return create_engine(url, poolclass=QueuePool, creator=creator)
    return create_engine(url, poolclass=QueuePool)


def check_engine(engine: Engine, path: Path, passphrase: Passphrase) -> None:
    """Open the first connection of ``engine``: :class:`WrongPassphrase` when the key does not
    decrypt the file (the engine is disposed then)."""
    from sqlalchemy.exc import DBAPIError

    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
            conn.rollback()
    except DBAPIError as exc:
        if exc.orig is not None and _not_a_database(exc.orig):
            engine.dispose()
            raise WrongPassphrase(wrong_message(path, passphrase.source)) from None
        raise


# --- conversions ------------------------------------------------------------------------


def _tables(conn: Any, schema: str = "main") -> list[str]:
    rows = conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' ORDER BY name"
    ).fetchall()
    return [str(r[0]) for r in rows]


def row_counts(conn: Any, schema: str = "main") -> dict[str, int]:
    """How many rows each table holds (search index tables included)."""
    return {
        name: int(conn.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0])
        for name in _tables(conn, schema)
    }


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform opens folders
        _fsync(folder)


def _take_over(conn: Any, module: ModuleType, path: Path) -> dict[str, int]:
    """Make ``conn`` the only user of the file until it closes: out of WAL (which fails while
    another connection has it open), exclusive locking (no one else can commit); returns the
    row counts, read under that lock."""
    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except module.OperationalError as exc:
        raise DatabaseInUse(
            _(
                "The database at {path} is open in AccountDesk or another program; close it "
                "and try again (nothing was changed)."
            ).format(path=ltr_shown(path))
        ) from exc
    if str(mode).lower() != "delete":
        raise DatabaseInUse(
            _(
                "The database at {path} is open in AccountDesk or another program; close it "
                "and try again (nothing was changed)."
            ).format(path=ltr_shown(path))
        )
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    return row_counts(conn)


def _verify(path: Path, passphrase: str | None, expected: dict[str, int]) -> None:
    module = sqlcipher()
    conn = module.connect(str(path))
    try:
        if passphrase is not None:
            conn.execute(f"PRAGMA key = {_quote(passphrase)}")
        check = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        found = row_counts(conn)
    finally:
        conn.close()
    if check != ["ok"] or found != expected:
        raise UserError(
            _(
                "The converted copy of {path} did not match the original, so the original was "
                "kept unchanged."
            ).format(path=ltr_shown(path))
        )


@dataclass(frozen=True)
class Conversion:
    """A finished conversion: the database, the backup taken first, the rows it holds."""

    path: Path
    backup: Path
    rows: dict[str, int]


def _safety_copy(source: Any, path: Path, passphrase: str | None, kind: str, now: datetime) -> Path:
    """A copy of the database as ``source`` sees it (under its lock, with its key), taken
    before a conversion, in the database's own backup folder (0600, written all at once),
    named as every backup is: listed, restored by name and kept like the other copies taken
    before the file changes wholesale (:mod:`accountdesk.core.db.backup`)."""
    from accountdesk.core.db import backup as backups

    folder = backups.safety_folder_of(source)
    target = backups.target_path(folder, now, kind, backups.schema_of_connection(source))
    size = path.stat().st_size
    backups.write_copy(
        lambda temporary: copy_connection(source, temporary, passphrase), target, size
    )
    return target


def _export(source: Any, destination: Path, passphrase: str | None) -> None:
    """Write what the SQLCipher connection ``source`` sees into the new file ``destination``,
    keyed with ``passphrase`` (None: plain) whatever ``source``'s own key is: SQLCipher's
    ``sqlcipher_export``, since its backup API copies only between files keyed alike."""
    source.execute("ATTACH DATABASE ? AS converted KEY ?", (str(destination), passphrase or ""))
    source.execute("SELECT sqlcipher_export('converted')")
    for pragma in ("user_version", "application_id"):  # not copied by the export
        value = int(source.execute(f"PRAGMA main.{pragma}").fetchone()[0])
        source.execute(f"PRAGMA converted.{pragma} = {value}")
    source.execute("DETACH DATABASE converted")


def encrypted_copy(
    source: Path, destination: Path, passphrase: str, source_key: str | None = None
) -> None:
    """Copy the SQLite file ``source`` (plain, or encrypted with ``source_key``) into
    ``destination`` encrypted with ``passphrase``, in a copy's rollback-journal mode (a backup
    restored into an encrypted database is encrypted with the database's passphrase, whether
    it was taken before the encryption or with an older passphrase)."""
    conn = sqlcipher().connect(str(source), isolation_level=None)
    try:
        if source_key is not None:
            conn.execute(f"PRAGMA key = {_quote(source_key)}")
        _export(conn, destination, passphrase)
    finally:
        conn.close()


def _convert(path: Path, old: str | None, new: str | None, label: str, now: datetime) -> Conversion:
    module = sqlcipher()
    if not path.is_file():
        raise UserError(_("There is no database at {path}.").format(path=ltr_shown(path)))
    work = path.with_name(path.name + ".converting")
    work.unlink(missing_ok=True)  # left by an interrupted conversion: never the database
    source = module.connect(str(path), timeout=2.0, isolation_level=None)
    try:
        if old is not None:
            source.execute(f"PRAGMA key = {_quote(old)}")
        try:
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except module.DatabaseError as exc:
            if _not_a_database(exc):
                raise WrongPassphrase(wrong_message(path)) from None
            raise
        counts = _take_over(source, module, path)
        backup = _safety_copy(source, path, old, f"before-{label}", now)
        _export(source, work, new)
        _verify(work, new, counts)
        os.chmod(work, stat.S_IMODE(path.stat().st_mode))
        _fsync(work)
        for suffix in ("-wal", "-shm", "-journal"):  # none are left in DELETE mode; be sure
            Path(str(path) + suffix).unlink(missing_ok=True)
        os.replace(work, path)  # the lock is held until here: no one wrote meanwhile
        _fsync_dir(path.parent)
    except BaseException:
        work.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    return Conversion(path, backup, counts)


def encrypt_file(path: Path, passphrase: str, now: datetime) -> Conversion:
    """Encrypt the plain database at ``path`` with ``passphrase`` (a plain backup first)."""
    check_new_passphrase(passphrase)
    sqlcipher()
    if looks_encrypted(path):
        raise UserError(
            _("The database at {path} is already encrypted.").format(path=ltr_shown(path))
        )
    if path.is_file():
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                raise UserError(
                    _("{path} is not an SQLite database; it was left untouched.").format(
                        path=ltr_shown(path)
                    )
                )
    return _convert(path, None, passphrase, "encrypt", now)


def decrypt_file(path: Path, passphrase: str, now: datetime) -> Conversion:
    """Store the encrypted database at ``path`` in plain SQLite again (the backup taken first
    stays encrypted with ``passphrase``)."""
    _require_encrypted(path)
    return _convert(path, passphrase, None, "decrypt", now)


def rekey_file(path: Path, old: str, new: str, now: datetime) -> Conversion:
    """Change the passphrase of the encrypted database at ``path`` (the backup taken first
    keeps the old passphrase)."""
    check_new_passphrase(new)
    _require_encrypted(path)
    return _convert(path, old, new, "rekey", now)


def _require_encrypted(path: Path) -> None:
    sqlcipher()
    if not looks_encrypted(path):
        raise UserError(_("The database at {path} is not encrypted.").format(path=ltr_shown(path)))


def plain_backups(folder: Path) -> list[Path]:
    """The copies in ``folder`` (a database's backup folder) that are not encrypted: the
    backups taken before it was encrypted, the copy made just before included."""
    if not folder.is_dir():
        return []
    found = []
    for candidate in sorted(folder.iterdir()):
        try:
            with candidate.open("rb") as handle:
                if handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
                    found.append(candidate)
        except OSError:
            continue
    return found


def plain_backups_note(folder: Path) -> str | None:
    """One sentence about the unencrypted backups left in ``folder``, or None."""
    plain = plain_backups(folder)
    if not plain:
        return None
    return ngettext(
        "{n} backup in {folder} is not encrypted (the copy made just before included); "
        "delete it once the passphrase has opened the database.",
        "{n} backups in {folder} are not encrypted (the copy made just before included); "
        "delete them once the passphrase has opened the database.",
        len(plain),
    ).format(n=format_number(len(plain)), folder=ltr_shown(folder))
