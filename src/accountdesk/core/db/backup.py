"""Backups of the local database: made with SQLite's online backup API, rotated, restorable."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from accountdesk.core import paths
from accountdesk.core.clock import Clock, system_clock
from accountdesk.core.db.engine import Database, backup_sqlite
from accountdesk.core.db.schema import SQLITE_HEADER
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import _

KEEP = 10
_STAMP = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    size: int


def _require_file(db: Database) -> Path:
    if db.path is None:
        raise UserError(_("Only a local database file can be backed up here."))
    return db.path


def list_backups(db: Database) -> list[Backup]:
    """This database's automatic and manual backups, newest first."""
    path = _require_file(db)
    found = []
    for candidate in paths.backup_dir().glob(f"{path.stem}-backup-*.db"):
        stamp = candidate.stem.rsplit("-", 1)[-1]
        try:
            taken = datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
        except ValueError:
            continue
        found.append(Backup(candidate, taken, candidate.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def make_backup(db: Database, clock: Clock = system_clock, keep: int = KEEP) -> Backup:
    """Copy the database now, then keep only the ``keep`` newest backups."""
    path = _require_file(db)
    now = clock()
    target = paths.backup_dir() / f"{path.stem}-backup-{now.strftime(_STAMP)}.db"
    backup_sqlite(path, target)
    for old in list_backups(db)[keep:]:
        old.path.unlink(missing_ok=True)
    return Backup(target, now, target.stat().st_size)


def auto_backup(
    db: Database, clock: Clock = system_clock, every: timedelta = timedelta(days=1)
) -> Backup | None:
    """Make a backup when the newest one is older than ``every`` (called at start-up)."""
    if db.path is None or not db.path.exists():
        return None
    existing = list_backups(db)
    if existing and clock() - existing[0].taken_at < every:
        return None
    return make_backup(db, clock)


def restore_backup(backup: Path, target: Path, clock: Clock = system_clock) -> Path:
    """Replace ``target`` by ``backup``; the current file is kept beside it first.

    Returns the path of the copy of the replaced database. The database must be closed.
    """
    with backup.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise UserError(_("{path} is not an SQLite database.").format(path=backup))
    check = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        result = check.execute("PRAGMA integrity_check").fetchone()
    finally:
        check.close()
    if result != ("ok",):
        raise UserError(
            _("The backup {path} is damaged; nothing was restored.").format(path=backup)
        )
    stamp = clock().strftime(_STAMP)
    kept = paths.backup_dir() / f"{target.stem}-before-restore-{stamp}.db"
    if target.exists():
        backup_sqlite(target, kept)
    temporary = target.with_name(target.name + ".restoring")
    backup_sqlite(backup, temporary)
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    os.replace(temporary, target)
    return kept
