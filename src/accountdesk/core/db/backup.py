"""Backups of the local database: made with SQLite's online backup API, kept by a retention
policy, listed and restored.

A database's backups live in a folder of their own, named after the database's identity
(:mod:`accountdesk.core.db.identity`): ``<backup folder>/<id>/``, where the backup folder is the
``backup.folder`` setting or ``backups/`` in the data folder. Two databases that share a file
name therefore never share backups. Changing the setting leaves the backups already taken
where they are: the database remembers every backup folder it wrote to (the settings row
:data:`ROOTS_KEY`), and listing, retention, restoring by name and erasing a person look in
all of them (:func:`roots_of`), the data folder's always among them. A backup's name says
when it was taken (UTC), why and at which schema: ``20261101T080000Z-automatic-schema0001.db``
(the copies taken before a conversion too: ``…-before-encrypt-schema0011.db``).
Folders are ``0700`` and backups ``0600``; a backup is written to a temporary file and renamed
into place when complete, so a failure (a full disk) leaves no half-written backup.

Retention (README, "Your data"): of the automatic and manual backups, the newest of each of
the last :data:`KEEP_DAILY` days with a backup and the newest of each of the last
:data:`KEEP_WEEKLY` weeks with one are kept; of the backups taken before an upgrade, a
restore, an encryption, a change of passphrase or a decryption, the newest
:data:`KEEP_SAFETY`. Files in the folder that are not backups are never touched.

A restore checks the backup (an SQLite database, intact, of this database unless forced, a
schema this app knows), takes a backup of the current state, and replaces the database file in
one atomic rename while no one else has it open.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection

from accountdesk.core import paths
from accountdesk.core.clock import Clock, system_clock
from accountdesk.core.db import crypto
from accountdesk.core.db.engine import Database, backup_sqlite, open_database
from accountdesk.core.db.errors import (
    disk_full,
    driver_errors,
    explain_os_error,
    read_only,
    sqlite_code,
)
from accountdesk.core.db.identity import (
    IDENTITY_KEY,
    file_facts,
    read_identity,
    read_setting,
    stamp_identity,
)
from accountdesk.core.db.schema import KNOWN_REVISIONS, SQLITE_HEADER
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import N_, _, localize_digits, ltr_shown

#: Retention: the newest automatic or manual backup of each of this many days (with a backup)…
KEEP_DAILY = 7
#: … and of each of this many weeks (ISO weeks, with a backup) …
KEEP_WEEKLY = 8
#: … and this many of the newest backups taken before an upgrade, a restore or a conversion.
KEEP_SAFETY = 5
#: The setting that moves the backups elsewhere (see core/settings.py).
FOLDER_SETTING = "backup.folder"
#: The settings row that remembers every backup folder this database's backups were written
#: to (a JSON list of paths), so that changing :data:`FOLDER_SETTING` loses none of them.
ROOTS_KEY = "backup.written_to"

AUTOMATIC = "automatic"
MANUAL = "manual"
BEFORE_MIGRATION = "before-migration"
BEFORE_RESTORE = "before-restore"
#: Taken before the file is encrypted, given a new passphrase or decrypted (core/db/crypto.py).
BEFORE_ENCRYPT = "before-encrypt"
BEFORE_REKEY = "before-rekey"
BEFORE_DECRYPT = "before-decrypt"
KIND_LABELS = {
    AUTOMATIC: N_("automatic (daily)"),
    MANUAL: N_("made by hand"),
    BEFORE_MIGRATION: N_("before an upgrade"),
    BEFORE_RESTORE: N_("before a restore"),
    BEFORE_ENCRYPT: N_("before encryption"),
    BEFORE_REKEY: N_("before a passphrase change"),
    BEFORE_DECRYPT: N_("before decryption"),
}
_REGULAR = (AUTOMATIC, MANUAL)
_HAS_SETTINGS = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'"
T = TypeVar("T")
_STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(
    r"^(?P<stamp>\d{8}T\d{6}Z)-(?P<kind>automatic|manual|before-(?:migration|restore|encrypt"
    r"|rekey|decrypt))-schema(?P<schema>[0-9A-Za-z_]+|none)(?:-\d+)?\.db$"
)
#: The name earlier versions gave the copy taken before a conversion: ``<the database's file
#: name>-before-<encrypt|rekey|decrypt>-<stamp>.db`` (no schema).
_CONVERSION_NAME = re.compile(
    r"^.+-(?P<kind>before-(?:encrypt|rekey|decrypt))-(?P<stamp>\d{8}T\d{6}Z)(?:-\d+)?\.db$"
)


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    size: int
    kind: str = MANUAL
    schema: str | None = None

    @property
    def kind_label(self) -> str:
        return _(KIND_LABELS[self.kind])

    @property
    def encrypted(self) -> bool:
        """Taken while the database was encrypted: restored with that passphrase."""
        return crypto.looks_encrypted(self.path)


class ForeignBackupError(UserError):
    """The backup is of another database (a different identity, or none); ``known`` is False
    when nothing tells which database the file it would replace was (:func:`recover`)."""

    def __init__(self, message: str, backup: Path, *, known: bool = True) -> None:
        super().__init__(message)
        self.backup = backup
        self.known = known


# --- where -------------------------------------------------------------------------------


def _require_file(db: Database) -> Path:
    if db.path is None:
        raise UserError(_("Only a local database file can be backed up here."))
    return db.path


def root_of(conn: Any) -> Path:
    """The folder that holds the backup folders of the database behind ``conn`` (an SQLAlchemy
    or DB-API connection): its ``backup.folder`` setting, else ``backups/`` in the data folder.
    The one rule for where backups are: every reader and writer of backups comes here."""
    chosen = read_setting(conn, FOLDER_SETTING)
    return Path(chosen) if isinstance(chosen, str) and chosen else paths.backup_dir()


def roots_of(conn: Any) -> list[Path]:
    """Every folder that may hold backup folders of the database behind ``conn``: the current
    one (:func:`root_of`) first, then those it wrote backups to before (:data:`ROOTS_KEY`),
    then ``backups/`` in the data folder (where backups went before the setting was set)."""
    found: list[Path] = []
    for root in [root_of(conn), *_remembered(conn), paths.backup_dir()]:
        if root not in found:
            found.append(root)
    return found


def remember_roots(conn: Any, *roots: Path) -> None:
    """Remember ``roots`` (the current :func:`root_of` when none is given) as folders this
    database's backups were written to, those not remembered yet and not the data folder's own
    (``conn``: to an SQLite
    file, an SQLAlchemy connection in a transaction or a DB-API one, which the caller commits
    unless it is in autocommit; a database without a settings table has nothing to remember
    them in)."""
    execute = conn.exec_driver_sql if isinstance(conn, Connection) else conn.execute
    if execute(_HAS_SETTINGS).fetchone() is None:
        return
    known = _remembered(conn)
    # the data folder's backups/ is always looked in (:func:`roots_of`), wherever the data
    # folder is now: remembered as a path, a copy of the data folder (a new laptop, a moved
    # home) would prune and clean the backups of the folder it was copied from
    default = paths.backup_dir()
    new = [
        root
        for root in dict.fromkeys(roots or (root_of(conn),))
        if root not in known and root != default
    ]
    if not new:
        return
    value = json.dumps([str(p) for p in [*known, *new]], ensure_ascii=False)
    now = datetime.now(UTC).replace(tzinfo=None)
    sql = "INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, ?)"
    execute(sql, (ROOTS_KEY, value, now))  # one statement: also in autocommit


def _remembered(conn: Any) -> list[Path]:
    found = read_setting(conn, ROOTS_KEY)
    return [Path(p) for p in found if isinstance(p, str) and p] if isinstance(found, list) else []


def folder_of(conn: Any) -> Path | None:
    """The backup folder of the database behind ``conn``: ``<root>/<identity>``; None when it
    has no identity yet."""
    identity = read_identity(conn)
    return None if identity is None else root_of(conn) / identity


def safety_folder_of(conn: Any) -> Path:
    """Where a copy taken before the file changes wholesale (an upgrade, an encryption) goes:
    the database's own backup folder, or ``<root>/unidentified`` when it has no identity."""
    return folder_of(conn) or root_of(conn) / "unidentified"


def _read(db: Database, rule: Callable[[Any], T]) -> T:
    with db.engine.connect() as conn:
        found = rule(conn)
        conn.rollback()
    return found


def identity_of(db: Database) -> str | None:
    """The database's identity (None: not given yet, as in a read-only file never written)."""
    return _read(db, read_identity)


def backup_root(db: Database) -> Path:
    """The folder that holds the backup folders (:func:`root_of`)."""
    return _read(db, root_of)


def backup_roots(db: Database) -> list[Path]:
    """Every folder that may hold this database's backup folders (:func:`roots_of`)."""
    return _read(db, roots_of)


def _folders(db: Database) -> list[Path]:
    """This database's backup folders in every root (:func:`roots_of`), the current first."""

    def rule(conn: Any) -> list[Path]:
        identity = read_identity(conn)
        return [] if identity is None else [root / identity for root in roots_of(conn)]

    return _read(db, rule)


def _remember(db: Database, *roots: Path) -> None:
    """:func:`remember_roots` in a transaction of its own (a read-only file remembers none)."""
    if db.read_only:
        return
    with db.engine.execution_options(write=True).begin() as conn:
        remember_roots(conn, *roots)


def backup_folder(db: Database) -> Path | None:
    """This database's own backup folder (it may not exist yet); None when the database has
    no identity (a read-only file that was never opened for writing)."""
    _require_file(db)
    return _read(db, folder_of)


# --- the record beside the backups ----------------------------------------------------------

#: The record, in the data folder's ``backups/``, of which database file has which identity and
#: backup folders (JSON: resolved path -> {"identity", "roots"}), written whenever a backup is
#: taken or restored: a file that cannot be read any more (damaged, deleted) still finds its
#: backups (:func:`recorded`), without opening it.
RECORD_NAME = "databases.json"


def _record_file() -> Path:
    return paths.backup_dir() / RECORD_NAME


def _records() -> dict[str, Any]:
    try:
        found = json.loads(_record_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):  # none yet, or unreadable: as if none
        return {}
    return found if isinstance(found, dict) else {}


def record_database(path: Path, identity: str, roots: Iterable[Path]) -> None:
    """Remember that the database file ``path`` is ``identity``, its backups under ``roots``."""
    from accountdesk.core.files import write_atomically

    records = _records()
    entry = {"identity": identity, "roots": [str(r) for r in dict.fromkeys(roots)]}
    key = str(path.resolve())
    if records.get(key) == entry:
        return
    records[key] = entry
    paths.private_folder(_record_file().parent)
    text = json.dumps(records, ensure_ascii=False, indent=1, sort_keys=True)
    write_atomically(_record_file(), text.encode("utf-8"))


def _record_of(db: Database) -> None:
    if db.path is None:
        return
    identity = identity_of(db)
    if identity is not None:
        record_database(db.path, identity, backup_roots(db))


def recorded(path: Path) -> tuple[str | None, list[Path]]:
    """The identity of the database file ``path`` and every folder that may hold its backup
    folder, found without opening it as a database: the record (:data:`RECORD_NAME`), else
    what can still be read of the file itself (a file damaged elsewhere than its settings).
    The identity is None when neither tells it."""
    entry = _records().get(str(path.resolve()))
    if isinstance(entry, dict) and isinstance(entry.get("identity"), str):
        roots = [Path(r) for r in entry.get("roots", []) if isinstance(r, str) and r]
        return entry["identity"], list(dict.fromkeys([*roots, paths.backup_dir()]))
    if path.is_file() and not crypto.looks_encrypted(path):
        try:
            conn = crypto.connect(f"{path.resolve().as_uri()}?mode=ro", None, uri=True)
            try:
                return read_identity(conn), roots_of(conn)
            finally:
                conn.close()
        except driver_errors():  # damaged where the identity is: the record alone could tell
            pass
    return None, [paths.backup_dir()]


# --- listing and retention ----------------------------------------------------------------


def _parse(path: Path) -> Backup | None:
    match = _NAME.match(path.name) or _CONVERSION_NAME.match(path.name)
    if match is None or not path.is_file():
        return None
    taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
    schema = match.groupdict().get("schema")  # none in an earlier version's conversion copy
    if schema == "none":
        schema = None
    return Backup(path, taken, path.stat().st_size, match["kind"], schema)


def backups_in(folder: Path) -> list[Backup]:
    """The backups in ``folder``, newest first (other files are ignored)."""
    if not folder.is_dir():
        return []
    found = [b for b in (_parse(p) for p in folder.iterdir()) if b is not None]
    return sorted(found, key=_newness, reverse=True)


def list_backups(db: Database) -> list[Backup]:
    """This database's backups, newest first: in its backup folder and in those the
    ``backup.folder`` setting named before (:func:`roots_of`)."""
    _require_file(db)
    found = [b for folder in _folders(db) for b in backups_in(folder)]
    return sorted(found, key=_newness, reverse=True)


def retained(backups: Iterable[Backup]) -> set[Path]:
    """The backups the retention policy keeps (see the module doc)."""
    newest_first = sorted(backups, key=_newness, reverse=True)
    keep: set[Path] = set()
    days: set[date] = set()
    weeks: set[tuple[int, int]] = set()
    safety = 0
    for backup in newest_first:
        if backup.kind not in _REGULAR:
            if safety < KEEP_SAFETY:
                keep.add(backup.path)
                safety += 1
            continue
        day = backup.taken_at.date()
        if day not in days and len(days) < KEEP_DAILY:
            days.add(day)
            keep.add(backup.path)
        iso = backup.taken_at.isocalendar()
        week = (iso.year, iso.week)
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.add(week)
            keep.add(backup.path)
    return keep


_COPY_NUMBER = re.compile(r"-(\d+)\.db$")


def _newness(backup: Backup) -> tuple[datetime, int, str]:
    """Sorts backups oldest first: by the time taken, then by the number ``unused_path`` gave
    a second copy of the same second (``…-2.db`` is newer than ``….db``)."""
    number = _COPY_NUMBER.search(backup.path.name)
    return (backup.taken_at, int(number.group(1)) if number else 1, backup.path.name)


def prune(*folders: Path, made: Path | None = None) -> list[Path]:
    """Delete the backups in ``folders`` (one database's) that the retention policy, applied
    to all of them together, does not keep; never ``made``, the one just made."""
    backups = [b for folder in dict.fromkeys(folders) for b in backups_in(folder)]
    keep = retained(backups)
    removed = []
    for backup in backups:
        if backup.path not in keep and backup.path != made:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


# --- making a backup ----------------------------------------------------------------------


def unused_path(folder: Path, stem: str) -> Path:
    """``folder/stem.db``, or when a copy of that name is there, ``stem-N.db`` numbered after
    the highest one there (``stem-2.db``, ``stem-3.db`` …), so that a newer copy always sorts
    after the older ones (:func:`_newness`). Taking the first free name gave a third backup
    of one second ``stem.db`` once the retention had deleted the first: ranked oldest, it was
    deleted at once, and the backup failed with "file not found"."""
    first = folder / f"{stem}.db"
    numbers = [
        int(found.group(1))
        for path in folder.glob(f"{glob.escape(stem)}-*.db")
        if (found := _COPY_NUMBER.search(path.name)) and path.name == f"{stem}-{found.group(1)}.db"
    ]
    if not numbers and not first.exists():
        return first
    return folder / f"{stem}-{max(numbers, default=1) + 1}.db"


def target_path(folder: Path, when: datetime, kind: str, schema: str | None) -> Path:
    """Where a backup of ``kind`` taken ``when`` at ``schema`` goes in ``folder``: the one
    naming rule of backups (:data:`_NAME`), a free name (:func:`unused_path`)."""
    stamp = when.astimezone(UTC).strftime(_STAMP)
    return unused_path(folder, f"{stamp}-{kind}-schema{schema or 'none'}")


def _temporary(target: Path) -> Path:
    """The file a copy is written to before it becomes ``target``: hidden, private, and named
    after this process, so :func:`sweep_leftovers` can tell a copy in progress from one left by
    a process that was killed (a plain copy taken before encrypting must not stay behind)."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
    temporary.unlink(missing_ok=True)  # left by an interrupted run: never a backup
    paths.new_private_file(temporary)
    return temporary


_LEFTOVER = re.compile(r"^\..+\.(\d+)\.part(-journal|-wal|-shm)?$")


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def sweep_leftovers(folder: Path) -> list[Path]:
    """Delete the unfinished copies in ``folder`` whose process has ended (killed, or the
    machine lost power); copies of processes still running are left alone. Returns them."""
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        found = _LEFTOVER.match(entry.name)
        if found and not _running(int(found.group(1))):
            with contextlib.suppress(OSError):
                entry.unlink()
                removed.append(entry)
    return removed


def copies_in_progress(folder: Path) -> dict[Path, Path]:
    """The copies being written in ``folder`` by a process still running (:func:`_temporary`;
    not their -journal, -wal or -shm), each with the name it gets once complete."""
    found: dict[Path, Path] = {}
    try:
        entries = list(folder.iterdir())
    except OSError:
        return found
    for entry in entries:
        match = _LEFTOVER.match(entry.name)
        if match and match.group(2) is None and _running(int(match.group(1))):
            suffix = f".{match.group(1)}.part"
            found[entry] = entry.with_name(entry.name[1 : -len(suffix)])
    return found


def _fsync(path: Path) -> None:
    handle = os.open(path, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):  # not every platform syncs a folder
            os.fsync(handle)
    finally:
        os.close(handle)


def write_copy(copy: Callable[[Path], object], target: Path, needed: int) -> None:
    """Run ``copy(temporary)`` and move the result to ``target`` (0600) once it is complete;
    a failure leaves nothing behind and says why in one sentence."""
    try:
        paths.private_folder(target.parent)
        sweep_leftovers(target.parent)
        temporary = _temporary(target)
    except OSError as exc:
        raise explain_os_error(exc, target.parent, needed) or exc from exc
    try:
        copy(temporary)
        _fsync(temporary)
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise explain_os_error(exc, target.parent, needed) or exc from exc
    except driver_errors() as exc:
        temporary.unlink(missing_ok=True)
        if sqlite_code(exc) == 13:  # SQLITE_FULL
            raise disk_full(target.parent, needed) from exc
        raise
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync(target.parent)


def _schema(db: Database) -> str | None:
    from accountdesk.core.db.engine import schema_revision

    return schema_revision(db)


def make_backup(db: Database, clock: Clock = system_clock, kind: str = MANUAL) -> Backup:
    """Copy the database now into its backup folder, then apply the retention policy."""
    path = _require_file(db)
    folder = backup_folder(db)
    if folder is None:
        raise read_only(path)
    now = clock()
    schema = _schema(db)
    target = target_path(folder, now, kind, schema)
    write_copy(lambda temporary: backup_sqlite(path, temporary, db.passphrase), target, _size(path))
    _remember(db, folder.parent)
    prune(*_folders(db), made=target)
    _record_of(db)
    return Backup(target, now, target.stat().st_size, kind, schema)


def _size(path: Path) -> int:
    return sum(
        Path(str(path) + suffix).stat().st_size
        for suffix in ("", "-wal")
        if Path(str(path) + suffix).exists()
    )


def auto_backup(
    db: Database, clock: Clock = system_clock, every: timedelta = timedelta(days=1)
) -> Backup | None:
    """Make a backup when the newest automatic or manual one is older than ``every`` (called
    at start-up); none for a read-only database."""
    if db.path is None or not db.path.exists() or db.read_only:
        return None
    regular = [b for b in list_backups(db) if b.kind in _REGULAR]
    if regular and clock() - regular[0].taken_at < every:
        return None
    return make_backup(db, clock, AUTOMATIC)


def backup_before_migration(db: Database, revision: str | None) -> Backup:
    """The copy taken before the schema is upgraded from ``revision``."""
    path = _require_file(db)
    folder = _read(db, safety_folder_of)  # no settings table to hold an identity: apart
    now = system_clock()
    target = target_path(folder, now, BEFORE_MIGRATION, revision)
    write_copy(lambda temporary: backup_sqlite(path, temporary, db.passphrase), target, _size(path))
    _remember(db, folder.parent)
    prune(folder)
    _record_of(db)
    return Backup(target, now, target.stat().st_size, BEFORE_MIGRATION, revision)


# --- restoring ----------------------------------------------------------------------------


def find_backup(db: Database, text: str) -> Path:
    """The backup ``text`` names: a path, or the name of one in this database's folders
    (:func:`list_backups`)."""
    given = Path(text).expanduser()
    if given.is_file():
        return given.resolve()
    if given.name == text:
        for folder in _folders(db):
            if (folder / text).is_file():
                return folder / text
    raise UserError(
        _("There is no backup at {path}; accountdesk db backups lists them.").format(
            path=ltr_shown(text)
        )
    )


def _check_backup(backup: Path, passphrase: str | None) -> tuple[str | None, str | None]:
    """The identity and schema of ``backup``, after checking it is an intact database."""
    key = passphrase if crypto.looks_encrypted(backup) else None
    if crypto.looks_encrypted(backup) and passphrase is None:
        raise crypto.PassphraseRequired(crypto.required_message(backup))
    if key is not None and not crypto.opens(backup, key):
        raise crypto.WrongPassphrase(crypto.wrong_message(backup))
    if key is None:
        with backup.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                raise UserError(
                    _("{path} is not an SQLite database.").format(path=ltr_shown(backup))
                )
    check = crypto.connect(f"{backup.resolve().as_uri()}?mode=ro", key, uri=True)
    try:
        result = check.execute("PRAGMA integrity_check").fetchone()
    except driver_errors():
        result = None
    finally:
        check.close()
    if result != ("ok",):
        raise UserError(
            _("The backup {path} is damaged; nothing was restored.").format(path=ltr_shown(backup))
        )
    identity, schema = file_facts(backup, key)
    if schema is None:
        raise UserError(
            _("{path} is not an AccountDesk database; nothing was restored.").format(
                path=ltr_shown(backup)
            )
        )
    if schema not in KNOWN_REVISIONS:
        raise UserError(
            _(
                "The backup {path} was written by a newer AccountDesk (schema {revision}); "
                "nothing was restored."
            ).format(path=ltr_shown(backup), revision=localize_digits(schema))
        )
    return identity, schema


def _in_use(path: Path) -> UserError:
    return UserError(
        _(
            "The database {path} is open in another program or AccountDesk window; close it "
            "and try again (nothing was restored)."
        ).format(path=ltr_shown(path))
    )


def _take_alone(path: Path, passphrase: str | None) -> Any:
    """A connection that has the database to itself until it closes: out of WAL (which fails
    while anyone else has it open), and in exclusive locking mode, holding the lock of its
    first read, so no one else can write meanwhile."""
    conn = crypto.connect(path, passphrase, timeout=2.0, isolation_level=None)
    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise _in_use(path)
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except driver_errors() as exc:
        conn.close()
        raise _in_use(path) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def restore_backup(
    db: Database,
    backup: Path,
    *,
    force: bool = False,
    clock: Clock = system_clock,
    passphrase: str | None = None,
) -> Backup:
    """Replace the database's contents by ``backup``; returns the backup of the state it
    replaced (taken first). ``db`` stays usable: it opens the restored file afterwards.

    Refused: a file that is not an intact database, a schema newer than this app, a backup of
    another database unless ``force`` (the restored file then keeps this database's identity),
    a read-only database, and a database open elsewhere. Nothing is changed when refused.

    ``passphrase``: the backup's, when it was taken encrypted with another passphrase than the
    database's now (or while the database was encrypted and it is not any more). An encrypted
    database stays encrypted with its passphrase, also when the backup was taken before it was
    encrypted or with an older passphrase; a plain database restored from an encrypted backup
    comes back as the backup was, encrypted with the backup's passphrase (``db.passphrase``
    then says so)."""
    target = _require_file(db)
    if db.read_only:
        raise read_only(target)
    backup = backup.resolve()
    if backup == target.resolve():
        raise UserError(
            _("{path} is the database itself, not a backup.").format(path=ltr_shown(backup))
        )
    own = identity_of(db)
    folder = backup_folder(db)
    assert own is not None and folder is not None  # given when the database was opened
    roots = backup_roots(db)  # the restored file remembers them too, with its own
    given = passphrase if passphrase is not None else db.passphrase
    identity = _check_backup(backup, given)[0]
    if identity != own and not force:
        raise ForeignBackupError(
            _("{path} is a backup of another database, so nothing was restored.").format(
                path=ltr_shown(backup)
            ),
            backup,
        )
    key = given if crypto.looks_encrypted(backup) else None
    # An encrypted database stays encrypted with its passphrase; a plain one comes back as the
    # backup was.
    restored_key = db.passphrase if db.passphrase is not None else key

    # The restored copy, complete and checked, beside the database.
    work = target.with_name(f".{target.name}.restoring")

    def copy(temporary: Path) -> None:
        if restored_key is not None and restored_key != key:
            crypto.encrypted_copy(backup, temporary, restored_key, source_key=key)
        else:
            backup_sqlite(backup, temporary, key)
        if identity != own:  # forced: the file goes on being this database
            _stamp_copy(temporary, restored_key, own)
        os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))

    write_copy(copy, work, backup.stat().st_size)
    try:
        db.engine.dispose()  # our own connections go first
        conn = _take_alone(target, db.passphrase)
        try:
            now = clock()
            kept_path = target_path(folder, now, BEFORE_RESTORE, schema_of_connection(conn))
            write_copy(
                lambda temporary: crypto.copy_connection(conn, temporary, db.passphrase),
                kept_path,
                _size(target),
            )
            for suffix in ("-wal", "-shm", "-journal"):  # none in DELETE mode; be sure
                Path(str(target) + suffix).unlink(missing_ok=True)
            os.replace(work, target)  # the lock is held until here: no one wrote meanwhile
            _fsync(target.parent)
        finally:
            conn.close()
    finally:
        work.unlink(missing_ok=True)
    db.take_over(open_database(target, passphrase=restored_key))
    _remember(db, *roots)
    prune(*_folders(db))
    _record_of(db)
    kept = _parse(kept_path)
    assert kept is not None
    return kept


# --- restoring over a file that cannot be opened -------------------------------------------


def backups_of_file(path: Path) -> list[Backup]:
    """The backups of the database file ``path``, newest first, found without opening it
    (:func:`recorded`): for a file that is damaged, not a database any more, or gone."""
    identity, roots = recorded(path)
    if identity is None:
        return []
    found = [b for root in roots for b in backups_in(root / identity)]
    return sorted(found, key=_newness, reverse=True)


def find_backup_of_file(path: Path, text: str) -> Path | None:
    """The backup ``text`` names (a path, or a name :func:`backups_of_file` lists), or None."""
    given = Path(text).expanduser()
    if given.is_file():
        return given.resolve()
    return next((b.path for b in backups_of_file(path) if b.path.name == text), None)


def _aside(path: Path, when: datetime) -> Path:
    """Where a damaged file is kept: beside it, ``NAME.damaged-<when>`` (a number added when
    taken), with its -wal, -shm or -journal under the same name."""
    stem = f"{path.name}.damaged-{when.astimezone(UTC).strftime(_STAMP)}"
    candidate, number = path.with_name(stem), 2
    while any(Path(f"{candidate}{s}").exists() for s in ("", *_COMPANIONS)):
        candidate, number = path.with_name(f"{stem}-{number}"), number + 1
    return candidate


_COMPANIONS = ("-wal", "-shm", "-journal")


def _stamp_copy(temporary: Path, key: str | None, identity: str) -> None:
    """Give the restored copy ``temporary`` (opened with ``key``) the database's own
    ``identity``: a forced restore of another database's backup goes on being this one."""
    conn = crypto.connect(temporary, key)
    try:
        stamp_identity(conn, identity)
        conn.commit()
    finally:
        conn.close()


def recover(
    path: Path,
    backup: Path,
    *,
    passphrase: str | None = None,
    force: bool = False,
    clock: Clock = system_clock,
) -> Path | None:
    """Put ``backup`` in the place of the database file ``path`` that cannot be opened (a
    damaged file, one that is not a database, or none at all), without opening that file.
    The file and its -wal, -shm or -journal are moved aside, never deleted, and returned
    (None when there was no file); the restored file is the backup as it was (encrypted with
    ``passphrase`` when the backup is). All or nothing: a refusal or a failure changes nothing.

    Refused like :func:`restore_backup`: a file that is not an intact database or a schema
    newer than this app; and, unless ``force``, a backup of another database (by the identity
    :func:`recorded`), or any backup over a file whose identity nothing tells. Forced over a
    file whose identity is known, the restored file keeps that identity."""
    backup = backup.resolve()
    if backup == path.resolve():
        raise UserError(
            _("{path} is the database itself, not a backup.").format(path=ltr_shown(backup))
        )
    own, roots = recorded(path)
    identity = _check_backup(backup, passphrase)[0]
    if not force and path.exists() and own is None:
        raise ForeignBackupError(
            _(
                "Nothing tells which database {path} was, so {backup} was not restored over it."
            ).format(path=ltr_shown(path), backup=ltr_shown(backup)),
            backup,
            known=False,
        )
    if not force and path.exists() and identity != own:
        raise ForeignBackupError(
            _("{path} is a backup of another database, so nothing was restored.").format(
                path=ltr_shown(backup)
            ),
            backup,
        )
    key = passphrase if crypto.looks_encrypted(backup) else None
    work = path.with_name(f".{path.name}.restoring")

    def copy(temporary: Path) -> None:
        backup_sqlite(backup, temporary, key)
        if own is not None and identity != own:  # forced: the file goes on being this database
            _stamp_copy(temporary, key, own)

    write_copy(copy, work, backup.stat().st_size)
    aside = _aside(path, clock())
    moved: list[str] = []
    try:
        for suffix in ("", *_COMPANIONS):
            if Path(f"{path}{suffix}").exists():
                os.replace(f"{path}{suffix}", f"{aside}{suffix}")
                moved.append(suffix)
        os.replace(work, path)
    except OSError as exc:
        for suffix in reversed(moved):  # as it was
            os.replace(f"{aside}{suffix}", f"{path}{suffix}")
        raise explain_os_error(exc, path.parent) or exc from exc
    finally:
        work.unlink(missing_ok=True)
    _fsync(path.parent)
    kept_as = own or identity
    if kept_as is not None:
        record_database(path, kept_as, roots)
    return aside if "" in moved else None


def schema_of_connection(conn: Any) -> str | None:
    """The schema revision of the SQLite file behind the DB-API connection ``conn``, or None."""
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except driver_errors():
        return None
    return None if row is None else str(row[0])


__all__ = [
    "IDENTITY_KEY",
    "KEEP_DAILY",
    "KEEP_SAFETY",
    "KEEP_WEEKLY",
    "Backup",
    "ForeignBackupError",
    "auto_backup",
    "backup_before_migration",
    "backup_folder",
    "backup_root",
    "backup_roots",
    "backups_in",
    "backups_of_file",
    "find_backup",
    "find_backup_of_file",
    "folder_of",
    "identity_of",
    "list_backups",
    "make_backup",
    "prune",
    "record_database",
    "recorded",
    "recover",
    "remember_roots",
    "restore_backup",
    "retained",
    "root_of",
    "roots_of",
    "safety_folder_of",
    "schema_of_connection",
    "target_path",
    "unused_path",
    "write_copy",
]
