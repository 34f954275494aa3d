"""The command line. ``accountdesk`` with no command opens the desktop app.

Errors are one sentence on stderr and exit code 1; usage errors exit with 2. Imports are made
inside the commands, so that a quick command (``search``) starts quickly.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accountdesk import __version__
from accountdesk.core import TZDATA_VERSION, i18n
from accountdesk.core.bidi import to_terminal
from accountdesk.core.errors import ImportFailed, UserError
from accountdesk.core.i18n import N_, _, ltr_shown, ngettext

if TYPE_CHECKING:
    from datetime import datetime

    from accountdesk.core.db.engine import Database
    from accountdesk.core.io.csv_check import Checkers
    from accountdesk.core.queries.details import ContactDetail


def _open(args: argparse.Namespace, *, upgrade: bool = True, create: bool = False) -> Database:
    """The database of ``--db``; only the commands that write (``create``) make a new one,
    the others refuse a missing file with one sentence."""
    from accountdesk.core.db.crypto_cli import open_interactive
    from accountdesk.core.db.engine import require_database
    from accountdesk.core.settings import apply_calendar_preference

    if not create:
        require_database(args.db)
    db = open_interactive(args.db, upgrade=upgrade)  # asks an encrypted one's passphrase
    if upgrade:  # not for `db check`, which must open a damaged database too
        apply_calendar_preference(db)
    return db


def _note(text: str) -> None:
    """One line on standard error (a problem after the first, a remark)."""
    to_terminal(text, err=True)


def _error(message: str) -> None:
    """A command's refusal: "accountdesk: " and the sentence (:func:`_note`)."""
    _note(f"accountdesk: {message}")


def _print(text: str = "") -> None:
    """One line on standard output."""
    to_terminal(text)


# --- commands ---------------------------------------------------------------------------


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        from accountdesk.ui.app import run_gui
    except ImportError as exc:
        raise UserError(
            _("The desktop app cannot start here ({reason}); see accountdesk --help.").format(
                reason=exc
            )
        ) from exc
    return int(run_gui(args.db, args.lang))


def cmd_demo(args: argparse.Namespace) -> int:
    from accountdesk.core.demo import generate

    db = _open(args, create=True)
    last = [0]

    def progress(done: int, total: int) -> bool:
        percent = done * 100 // max(total, 1)
        if sys.stderr.isatty() and percent != last[0]:
            last[0] = percent
            sys.stderr.write("\r" + i18n.format_percent(percent, digits=0))
            sys.stderr.flush()
        return True

    summary = generate(db, accounts=args.accounts, seed=args.seed, progress=progress)
    if sys.stderr.isatty():
        sys.stderr.write("\r")
    _print(summary.describe())
    return 0


def _target(args: argparse.Namespace) -> str:
    """The database the command works on, as the user named it (for messages)."""
    from accountdesk.core.db.schema import default_target

    return str(getattr(args, "db", None) or default_target())


def _quick_connection(args: argparse.Namespace) -> sqlite3.Connection | None:
    """A plain sqlite3 connection when the database is an up-to-date local file.

    Read-only commands use it to skip loading SQLAlchemy; anything else (a URL, a new file, an
    old schema, not a database) takes the full path, which creates, upgrades or explains.
    """
    from accountdesk.core.db.schema import quick_sqlite

    target = _target(args)
    if "://" in target:
        return None
    return quick_sqlite(Path(target).expanduser())


def cmd_search(args: argparse.Namespace) -> int:
    from accountdesk.core.db.fts import query_words
    from accountdesk.core.queries.search import search, search_connection

    query = " ".join(args.text)
    if not query_words(query):  # "", spaces, punctuation: nothing the index could match
        raise UserError(_("A search needs some text: give a word or the beginning of one."))
    conn = _quick_connection(args)
    if conn is not None:
        with contextlib.closing(conn):
            hits = search_connection(conn, query, limit=args.limit)
    else:
        hits = search(_open(args), query, limit=args.limit)
    if not hits:
        _print(_("No matches for \u201c{query}\u201d.").format(query=query))
        return 0
    for hit in hits:
        kind = _("account") if hit.kind == "account" else _("contact")
        _print(f"{hit.title}\t{hit.place}\t{kind}\t{hit.id}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from accountdesk.core.io import csv_check
    from accountdesk.core.io.kinds import kind_of

    if kind_of(args.file) != "csv":
        if args.source or args.map or args.save_map or args.keep_unknown:
            raise UserError(_("--from, --map, --save-map and --keep-unknown are for CSV files."))
        if args.country and kind_of(args.file) == "json":
            raise UserError(_("--country is for CSV and vCard files."))
        return _import_vcard_or_json(args)
    # a large file starts being checked now, while this process imports what writing needs
    # and opens the database (half a second of a 30,000-contact import)
    path = Path(args.file)
    apart = csv_check.checked_apart(
        path, dry_run=args.dry_run, mapped=bool(args.map), source=args.source,
        keep_unknown=args.keep_unknown,
    )  # fmt: skip
    language = i18n.current_language().code
    with csv_check.started_early(path, language, apart=apart, country=args.country) as checking:
        return _import_csv(args, checking)


def _import_csv(args: argparse.Namespace, checking: Checkers | None) -> int:
    from accountdesk.core.io import mapping as column_mapping
    from accountdesk.core.io.csv_format import read_sample
    from accountdesk.core.io.csv_io import check_mapping

    if args.map and args.keep_unknown:
        raise UserError(
            _("--keep-unknown does not go with --map: the mapping says which columns go to "
              "the notes.")
        )  # fmt: skip
    # the header, for a mapping to be checked or saved (import_csv reads the file itself: at
    # 30,000 contacts a second reading of the whole file was 0.05 s of the writer's)
    header = read_sample(args.file)[0] if args.map or args.save_map else []
    chosen = column_mapping.load(args.map) if args.map else None
    if chosen is not None:
        check_mapping(chosen, header, Path(args.file))  # before a new database is made
    if args.save_map:
        found = chosen or column_mapping.recognise(
            header, args.source, keep_unknown=args.keep_unknown
        )
        column_mapping.save(found, Path(args.save_map))
        _note(
            _("Wrote the mapping to {path}; edit it and import with --map {path}.").format(
                path=args.save_map
            )
        )
    with _import_target(args) as db:
        return _import_csv_into(db, args, chosen, checking)


@contextlib.contextmanager
def _import_target(args: argparse.Namespace) -> Iterator[Database]:
    """The database an import writes to; for a dry run with no database yet, a throwaway one
    in a temporary folder (a dry run leaves no file behind). A new file made for an import
    the file is refused by (:class:`ImportFailed`: nothing was written) is removed again: it
    left an empty database behind (a mistyped --db, an empty database made and left)."""
    from accountdesk.core.db.engine import database_url, open_database, sqlite_path

    path = sqlite_path(database_url(args.db))
    if args.dry_run and path is not None and not path.exists():
        import tempfile

        with tempfile.TemporaryDirectory(prefix="accountdesk-dry-run-") as folder:
            db = open_database(Path(folder) / "empty.db")
            try:
                yield db
            finally:
                db.close()
        return
    new = path is not None and not path.exists()
    db = _open(args, create=True)
    try:
        yield db
    except ImportFailed:
        if new and path is not None:
            db.close()
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise


def _import_csv_into(
    db: Database, args: argparse.Namespace, chosen: Any, checking: Checkers | None = None
) -> int:
    from accountdesk.core.io.csv_format import UnknownHeader
    from accountdesk.core.io.csv_io import import_csv

    try:
        report = import_csv(
            db,
            args.file,
            dry_run=args.dry_run,
            source=args.source,
            keep_unknown=args.keep_unknown,
            mapping=chosen,
            checking=checking,
            exclusive=True,  # this process does nothing else meanwhile
            country=args.country,
        )
    except UnknownHeader as exc:
        if args.save_map:  # the mapping written says what to do next
            raise
        hint = _(
            "Say what each column holds with a mapping file: accountdesk import {file} "
            "--dry-run --save-map mapping.toml, edit it, then import with --map mapping.toml "
            "(or use File → Import contacts… in the app)."
        ).format(file=ltr_shown(args.file))
        raise ImportFailed(f"{exc.message} {hint}") from exc
    except ImportFailed as exc:
        for problem in exc.problems[1:]:
            _note(problem)
        raise
    _print(report.summary())
    for remark in report.remarks():
        _print(remark)
    return 0


def _import_vcard_or_json(args: argparse.Namespace) -> int:
    """``import FILE.vcf``: the cards of a vCard file; ``import FILE.json``: an AccountDesk
    JSON export, into an empty database. Problems after the first go to stderr, one a line;
    a vCard import's remarks (what was not kept) too."""
    with _import_target(args) as db:
        return _import_vcard_or_json_into(db, args)


def _import_vcard_or_json_into(db: Database, args: argparse.Namespace) -> int:
    from accountdesk.core.io.kinds import import_whole

    try:
        report = import_whole(
            db, args.file, dry_run=args.dry_run, exclusive=True, country=args.country
        )
    except ImportFailed as exc:
        for problem in exc.problems[1:]:
            _note(problem)
        raise
    _print(report.summary())
    for remark in report.remarks():
        _note(remark)
    return 0


def _vcard_selection(db: Database, args: argparse.Namespace) -> list[str] | None:
    """The ids of the contacts ``export --contact`` names (ids or names), None for all."""
    if not args.contact:
        return None
    if args.format != "vcard":
        raise UserError(_("--contact chooses the contacts of a vCard export (--format vcard)."))
    return [_find_contact(db, text).id for text in args.contact]


def cmd_export(args: argparse.Namespace) -> int:
    # options of another format were ignored without a word ("export --vcard-version 4.0"
    # wrote CSV)
    if args.vcard_version is not None and args.format != "vcard":
        raise UserError(_("--vcard-version is the version of a vCard export (--format vcard)."))
    if args.raw and args.format != "csv":
        raise UserError(_("--raw is for a CSV export (--format csv)."))
    db = _open(args)
    chosen = _vcard_selection(db, args)
    target = args.output

    from accountdesk.core.io.exports import export_file, export_to

    if not target or target == "-":
        export_to(
            db, sys.stdout, args.format, raw=args.raw, contact_ids=chosen,
            vcard_version=args.vcard_version,
        )  # fmt: skip
        return 0
    # all at once and private (0600): a failure leaves the previous file as it was
    message = export_file(
        db, Path(target), args.format, raw=args.raw, contact_ids=chosen,
        vcard_version=args.vcard_version,
    )  # fmt: skip
    _note(message)
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    from accountdesk.core.db.engine import database_url, schema_revision
    from accountdesk.core.db.schema import SCHEMA_HEAD

    if args.backup is not None and args.action != "restore":  # only restore takes BACKUP
        args.db_parser.error(_("unrecognized arguments: %s") % args.backup)

    if args.action == "path":
        from accountdesk.core.db.credentials import without_password

        _print(without_password(database_url(args.db)).removeprefix("sqlite:///"))
        return 0
    if args.action in ("encrypt", "decrypt", "rekey"):
        from accountdesk.core.db import crypto_cli

        return crypto_cli.run(args)
    if args.action == "upgrade":
        db = _open(args, upgrade=True, create=True)
        revision = i18n.localize_digits(schema_revision(db) or "-")
        _print(_("The database is at schema {revision}.").format(revision=revision))
        return 0
    if args.action in ("backups", "backup", "restore"):
        return _db_backups(args)
    # check
    from accountdesk.core.db.engine import check_database

    db = _open(args, upgrade=False)
    problems = check_database(db)  # on a read-only file too
    if problems:
        for problem in problems:
            _note(problem)
        raise UserError(
            ngettext(
                "The database check found {n} problem.",
                "The database check found {n} problems.",
                len(problems),
            ).format(n=i18n.format_number(len(problems)))
        )
    _print(
        _("The database is healthy (schema {revision}).").format(
            revision=i18n.localize_digits(SCHEMA_HEAD)
        )
    )
    return 0


def _db_backups(args: argparse.Namespace) -> int:
    """``db backups`` lists this database's backups, ``db backup`` makes one now, ``db restore
    BACKUP`` restores one after backing up the current state. A database that cannot be
    opened (damaged, not a database, deleted) has its backups listed and restored all the
    same, without opening it (:func:`_db_recover`)."""
    from accountdesk.core.db import backup as backups
    from accountdesk.core.db.engine import NotSQLiteError
    from accountdesk.core.db.errors import DamagedDatabaseError, NoDatabaseError

    if args.action == "backup":
        made = backups.make_backup(_open(args))
        _print(
            _("Backed up to {path} ({size}).").format(
                path=ltr_shown(made.path), size=i18n.format_size(made.size)
            )
        )
        return 0
    if args.action == "restore" and not args.backup:
        raise UserError(
            _(
                "Name the backup to restore, for example: accountdesk db restore NAME "
                "(accountdesk db backups lists them)."
            )
        )
    db: Database | None = None
    try:
        db = _open(args)
        if args.action == "backups":
            return _list_backups(db)
        return _restore(db, args)
    except (DamagedDatabaseError, NoDatabaseError, NotSQLiteError) as exc:
        if db is not None:
            db.close()  # the damaged file is moved aside, not written through this
        return _db_recover(args, exc)


def _print_backups(found: Sequence[Any], folder: Path, zone: Any) -> None:
    for item in found:
        _print(
            "\t".join(
                (
                    i18n.format_when(item.taken_at, zone),
                    i18n.format_size(item.size),
                    _("schema {revision}").format(
                        revision=i18n.localize_digits(item.schema or "-")
                    ),
                    _("{why}, encrypted").format(why=item.kind_label)
                    if item.encrypted
                    else item.kind_label,
                    item.path.name,
                )
            )
        )
    _note(_("Backups are kept in {folder}.").format(folder=folder))


def _list_backups(db: Database) -> int:
    from accountdesk.core.db import backup as backups

    found = backups.list_backups(db)
    folder = backups.backup_folder(db)
    if folder is None:  # a read-only file never opened for writing has no identity
        _print(_("This read-only database has no backups yet."))
        return 0
    if not found:
        _print(
            _("There are no backups of this database yet (they go to {folder}).").format(
                folder=ltr_shown(folder)
            )
        )
        return 0
    _print_backups(found, folder, _zoneinfo(_user_zone(db)))
    return 0


def _foreign(exc: Any) -> UserError:
    if not exc.known:
        return UserError(
            _(
                "Nothing tells which database this file was, so {path} was not restored over "
                "it; add --force to restore it all the same (the file is kept beside it)."
            ).format(path=ltr_shown(exc.backup))
        )
    return UserError(
        _(
            "{path} is a backup of another database; add --force to restore it anyway "
            "(nothing was restored)."
        ).format(path=ltr_shown(exc.backup))
    )


def _restore(db: Database, args: argparse.Namespace) -> int:
    from accountdesk.core.db import backup as backups

    source = backups.find_backup(db, args.backup)
    was_encrypted = db.passphrase is not None
    key = _backup_passphrase(source, db.path, db.passphrase) if db.path else None
    try:
        kept = backups.restore_backup(db, source, force=args.force, passphrase=key)
    except backups.ForeignBackupError as exc:
        raise _foreign(exc) from exc
    _print(
        _("Restored {backup}; what the database held before is in {kept}.").format(
            backup=ltr_shown(source.name), kept=kept.path
        )
    )
    if db.passphrase is not None and not was_encrypted:
        _print(_encrypted_again())
    return 0


def _encrypted_again() -> str:
    return _(
        "The restored database is encrypted, as the backup was: it opens with the backup's "
        "passphrase."
    )


def _db_recover(args: argparse.Namespace, failure: UserError) -> int:
    """``db backups`` and ``db restore`` for a database file that cannot be opened: its
    backups are found by what was recorded of it (core/db/backup.py, recorded), and a restore
    moves the file aside instead of backing it up. ``failure``: why it could not be opened,
    said again when there is nothing to offer."""
    from accountdesk.core.db import backup as backups
    from accountdesk.core.db import crypto
    from accountdesk.core.db.engine import database_url, sqlite_path
    from accountdesk.core.timekeeping.zones import user_zone

    path = sqlite_path(database_url(args.db))
    if path is None:
        raise failure
    found = backups.backups_of_file(path)
    if args.action == "backups":
        identity, roots = backups.recorded(path)
        if identity is None:
            if not path.exists():
                raise failure
            raise UserError(
                _(
                    "{message} Nothing tells which backups are of it: look in the folders "
                    "under {folder} and restore one with accountdesk db restore PATH --force "
                    "--db {path}."
                ).format(message=failure.message, folder=ltr_shown(roots[0]), path=ltr_shown(path))
            )
        folder = roots[0] / identity
        if not found:
            _print(
                _("There are no backups of this database yet (they go to {folder}).").format(
                    folder=ltr_shown(folder)
                )
            )
            return 0
        _print_backups(found, folder, _zoneinfo(user_zone()))
        return 0
    source = backups.find_backup_of_file(path, args.backup)
    if source is None:
        if not path.exists():
            raise failure
        raise UserError(
            _("There is no backup at {path}; accountdesk db backups lists them.").format(
                path=ltr_shown(args.backup)
            )
        )
    try:
        aside = backups.recover(
            path, source, passphrase=_backup_passphrase(source, path), force=args.force
        )
    except backups.ForeignBackupError as exc:
        raise _foreign(exc) from exc
    if aside is None:
        _print(_("Restored {backup}.").format(backup=ltr_shown(source.name)))
    else:
        _print(
            _("Restored {backup}; the file it replaced is kept as {kept}.").format(
                backup=ltr_shown(source.name), kept=ltr_shown(aside)
            )
        )
    if crypto.looks_encrypted(path):  # as the backup was
        _print(_encrypted_again())
    return 0


def _backup_passphrase(backup: Path, database: Path, known: str | None = None) -> str | None:
    """The passphrase of an encrypted backup (:func:`crypto_cli.backup_passphrase`); None for a
    backup that is not encrypted."""
    from accountdesk.core.db.crypto_cli import backup_passphrase

    return backup_passphrase(backup, database, known)


def cmd_country(args: argparse.Namespace) -> int:
    from accountdesk.core.country_names import country_code
    from accountdesk.core.culture.countries import is_country
    from accountdesk.core.culture.profile import render_country_text

    # a code or a name as people write it ("Türkiye", "Letonya", "ไทย"), as --country takes
    code = country_code(args.code) or args.code.upper()
    if not is_country(code):
        raise UserError(
            _("{code} is not an ISO 3166 country code (for example LV, TH or IR).").format(
                code=args.code
            )
        )
    year = args.year
    if year is None:
        from datetime import UTC, datetime

        year = datetime.now(UTC).year
    if args.calendar is not None:
        i18n.set_calendar_preference(args.calendar)
    elif (conn := _quick_connection(args)) is not None:
        # the calendar the user's settings ask for, read without SQLAlchemy, a passphrase or
        # a server (an encrypted file or a team server's setting: --calendar)
        with contextlib.closing(conn):
            _stored_calendar(conn)
    _print(render_country_text(code, year, i18n.current_language().code))
    return 0


def _stored_calendar(conn: sqlite3.Connection) -> None:
    """The "ui.calendar" setting of a local file read through plain ``sqlite3``, applied as
    :func:`accountdesk.core.settings.apply_calendar_preference` applies it (a command that
    opens no database through SQLAlchemy: a file's settings are no one person's own). A value
    this version does not know leaves the language's own calendar."""
    import json

    row = conn.execute("SELECT value FROM settings WHERE key = 'ui.calendar'").fetchone()
    if row is None:
        return
    with contextlib.suppress(ValueError, TypeError):
        i18n.set_calendar_preference(str(json.loads(row[0])))


def _user_zone(db: Database) -> str:
    from accountdesk.core.settings import current_zone

    return current_zone(db)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="minutes")


def _json_out(data: object) -> None:
    import json

    _print(json.dumps(data, ensure_ascii=False, indent=2))


def _at(args: argparse.Namespace) -> datetime:
    """``--at`` (an ISO 8601 instant with an offset) or now."""
    from datetime import UTC, datetime, timedelta

    if not getattr(args, "at", None):
        return datetime.now(UTC)
    try:
        value = datetime.fromisoformat(args.at)
    except ValueError:
        value = None
    if value is None or value.tzinfo is None:
        raise UserError(
            _(
                "--at “{value}” is not an instant with an offset; write it like "
                "2027-03-05T10:30+03:30 or 2027-03-05T07:00Z."
            ).format(value=args.at)
        )
    first, last = _at_range()
    try:
        inside = first <= value.astimezone(UTC) < last + timedelta(days=1)
    except OverflowError:  # in the year 0 or 10000 in UTC itself
        inside = False
    if not inside:
        raise UserError(
            _(
                "--at “{value}” must be an instant from {first} to {last} (UTC), so that every "
                "time zone can show it and the days after it can be planned."
            ).format(
                value=args.at,
                first=i18n.localize_digits(first.date().isoformat()),
                last=i18n.localize_digits(last.date().isoformat()),
            )
        )
    return value


def _at_range() -> tuple[datetime, datetime]:
    """The first and last days (UTC) an ``--at`` instant may be on: shown in any zone (a zone
    is less than a day from UTC) and looked ahead from (the next working window, suggested
    times, the holidays coming up) without leaving the years 1 to 9999."""
    from datetime import UTC, datetime, timedelta

    from accountdesk.core.culture.panel import UPCOMING_DAYS
    from accountdesk.core.timekeeping.scheduling import SUGGEST_DAYS
    from accountdesk.core.timekeeping.workhours import SEARCH_DAYS

    ahead = max(UPCOMING_DAYS, SUGGEST_DAYS, SEARCH_DAYS) + 2
    first = datetime.min.replace(tzinfo=UTC) + timedelta(days=1)
    last = datetime.max.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=UTC)
    return first, last - timedelta(days=ahead)


def cmd_followups(args: argparse.Namespace) -> int:
    from accountdesk.core.queries.followups import list_follow_ups

    db = _open(args)
    zone = _user_zone(db)
    now = _at(args)
    rows = list_follow_ups(db, now=now, user_zone=zone, due=args.due)
    if args.json:
        _json_out(
            {
                "user_zone": zone,
                "now": _iso(now),
                "follow_ups": [
                    {
                        "id": row.id,
                        "title": row.title,
                        "contact": row.contact_name or None,
                        "account": row.account_name,
                        "zone": row.zone,
                        "due_theirs": _iso(row.due_at.astimezone(_zoneinfo(row.zone))),
                        "due_yours": _iso(row.due_at.astimezone(_zoneinfo(zone))),
                        "due_utc": _iso(row.due_at),
                        "status": row.status,
                        "snoozed_until": _iso(row.snoozed_until),
                        "rrule": row.rrule,
                    }
                    for row in rows
                ],
            }
        )
        return 0
    if not rows:
        if args.due:
            from accountdesk.core.timekeeping.reminders import BUCKET_LABELS

            # TRANSLATORS: {period} is the name of a period in a list ("Overdue", "Today", "Next
            # 7 days", "Later")
            _print(_("No open follow-ups in “{period}”.").format(period=_(BUCKET_LABELS[args.due])))
        else:
            _print(_("No open follow-ups."))
        return 0
    my_place = i18n.zone_name(zone)  # zones by their city in the language; --json keeps ids
    for row in rows:
        theirs = i18n.format_when(row.due_at, _zoneinfo(row.zone))
        mine = i18n.format_when(row.due_at, _zoneinfo(zone))
        their_place = i18n.zone_name(row.zone)
        who = row.contact_name or row.account_name
        _print(
            f"{mine} ({my_place})\t{theirs} ({their_place})\t{who}\t{row.account_name}"
            f"\t{row.title}\t{row.id}"
        )
    return 0


#: At most this many contacts a name matches are listed (with their ids), then "and N more".
NAMED_MATCHES = 10


def _find_contact(db: Database, text: str) -> ContactDetail:
    """A contact from its id or its name (the folded search of Ctrl+K): those it finds by
    their name before those it finds by an e-mail address, a phone or notes (the people of
    a family company whose domain is the family's name: ``…@yilmaz.example``), and of those
    the one whose whole name it is, folded as search folds it."""
    from accountdesk.core.db.fts import fold
    from accountdesk.core.errors import NotFoundError
    from accountdesk.core.queries.details import contact_detail
    from accountdesk.core.queries.lists import ids_named
    from accountdesk.core.queries.search import search

    with contextlib.suppress(NotFoundError):
        return contact_detail(db, text)
    # a person named by their own name: not the people of an account the text names
    hits = [h for h in search(db, text, limit=50, account_people=False) if h.kind == "contact"]
    if not hits:
        raise UserError(_("No contact matches “{text}”.").format(text=text))
    named = ids_named(db, text, "contact")
    hits = [h for h in hits if h.id in named] or hits
    wanted = fold(text).strip()
    chosen = [h for h in hits if fold(h.title) == wanted] or hits
    if len(chosen) > 1:
        shown = i18n.cut_list(
            [f"{h.title} ({h.subtitle}, {h.id})" for h in chosen], NAMED_MATCHES, i18n.join_clauses
        )
        raise UserError(
            ngettext(
                "“{text}” matches {count} contact: {shown}; give more of the name or an id.",
                "“{text}” matches {count} contacts: {shown}; give more of the name or an id.",
                len(chosen),
            ).format(text=text, count=i18n.format_number(len(chosen)), shown=shown)
        )
    return contact_detail(db, chosen[0].id)


def cmd_contact(args: argparse.Namespace) -> int:
    from accountdesk.core.culture.calendar import by_day
    from accountdesk.core.culture.panel import holiday_text, reach_out_summary, working_sentence
    from accountdesk.core.culture.seasons import season_title
    from accountdesk.core.timekeeping.workhours import (
        WorkingHours,
        next_working_window,
        status_text,
    )
    from accountdesk.core.timekeeping.zones import iso_offset, offset_to_you, utc_offset

    db = _open(args)
    now = _at(args)
    detail = _find_contact(db, " ".join(args.name))
    zone = _user_zone(db)
    hours = WorkingHours.for_contact(
        detail.country, detail.work_start, detail.work_end, subdivision=detail.subdivision
    )
    lang = i18n.current_language().code
    reach = reach_out_summary(
        country=detail.country,
        subdivision=detail.subdivision,
        zone=detail.timezone,
        user_zone=zone,
        now=now,
        working_hours_override=(hours.start, hours.end),
        lang=lang,
    )
    status = reach.status
    offset_to_user = reach.offset_to_user
    if status is None or reach.zone is None or reach.local_now is None or offset_to_user is None:
        # a stored zone this tzdata does not know, in a country of several clocks
        raise UserError(
            _(
                "{name} has no time zone this version knows: edit the contact and choose one."
            ).format(name=detail.name)
        )
    start: datetime | None
    end: datetime | None
    if status.working and status.window_end is not None:
        start, end = next_working_window(
            status.window_end, reach.zone, hours, detail.country, detail.subdivision
        )
        current: dict[str, str | None] | None = {
            "start": _iso(status.window_start),
            "end": _iso(status.window_end),
        }
    else:
        start, end = status.window_start, status.window_end
        current = None
    mine = _zoneinfo(zone)
    holidays = [*reach.holidays_today, *reach.upcoming_holidays]
    seasons = [*reach.current_seasons, *reach.upcoming_seasons]
    data: dict[str, Any] = {
        "id": detail.id,
        "name": detail.name,
        "account": detail.account_name,
        "country": detail.country,
        "subdivision": detail.subdivision,
        "zone": reach.zone,
        "zone_note": reach.zone_note,
        "local_time": _iso(reach.local_now),
        "utc_offset": iso_offset(utc_offset(reach.zone, now)),  # ASCII, as local_time has it
        "user_zone": zone,
        "user_time": _iso(now.astimezone(mine)),
        "offset_to_user_minutes": int(offset_to_user.total_seconds() // 60),
        "working_hours": {
            "start": f"{hours.start:%H:%M}",
            "end": f"{hours.end:%H:%M}",
            "own": bool(detail.work_start and detail.work_end),
            "weekend": sorted(hours.weekend),
        },
        "working_now": status.working,
        "reason": status.reason,
        "holiday": status.holiday,
        "current_window": current,
        "next_window_start": _iso(start),
        "next_window_end": _iso(end),
        "next_window_start_yours": _iso(start.astimezone(mine) if start else None),
        "next_window_end_yours": _iso(end.astimezone(mine) if end else None),
        # every holiday the panel lists, each with its kinds ("public", "optional", …) and
        # its region when it is kept there only
        "holidays": [
            {
                "date": h.date.isoformat(),
                "name": h.name,
                "estimated": h.estimated,
                "categories": list(h.categories),
                "subdivision": h.subdivision,
            }
            for h in holidays
        ],
        "seasons": [
            {
                "name": s.name,
                "start": s.start.isoformat(),
                "end": s.end.isoformat(),
                "estimated": s.estimated,
            }
            for s in seasons
        ],
    }
    if args.json:
        _json_out(data)
        return 0
    _print(f"{detail.name} · {detail.account_name}")
    _print(
        _("Their time: {time} ({zone}, {offset})").format(
            time=i18n.format_when(reach.local_now, reach.local_now.tzinfo),
            zone=i18n.zone_name(reach.zone),
            offset=offset_to_you(offset_to_user),
        )
    )
    if reach.zone_note:
        _print(reach.zone_note)  # the region keeps another clock than the one stored
    _print(_("Now: {status}").format(status=status_text(status)))
    if status.working and any(h.kept_by_some for h in reach.holidays_today):
        _print(working_sentence(status, reach.holidays_today))  # "… but today is Carnival"
    if start is not None and end is not None:
        _print(
            _("Next working window: {theirs} their time ({yours} your time)").format(
                theirs=i18n.format_when(start, start.tzinfo),
                yours=i18n.format_when(start, mine),
            )
        )
    for day, named in by_day(holidays):  # every holiday of a day on one line
        # marked as the panel marks them: "(optional)", "(regional: Bavaria)", "(estimated
        # date)"; a working-day observance read as a day off
        names = i18n.join_list(holiday_text(h, with_day=False) for h in named)
        _print(_("Holiday {date}: {name}").format(date=i18n.format_date(day), name=names))
    for season in seasons:
        _print(
            _("Season {start} to {end}: {name}").format(
                start=i18n.format_date(season.start),
                end=i18n.format_date(season.end),
                name=season_title(season),
            )
        )
    return 0


def _privacy_subject(db: Database, text: str) -> tuple[str, str]:
    """The id and name of the contact ``text`` names: an id (also of one in the trash), else
    a name as ``accountdesk contact`` finds it."""
    from accountdesk.core.errors import NotFoundError
    from accountdesk.core.services.privacy import subject_name

    with contextlib.suppress(NotFoundError):
        return text, subject_name(db, text)
    detail = _find_contact(db, text)
    return detail.id, detail.name


def cmd_privacy_export(args: argparse.Namespace) -> int:
    from accountdesk.core.services.privacy import write_export

    db = _open(args)
    contact_id, _name = _privacy_subject(db, " ".join(args.contact))
    files = write_export(db, contact_id, Path(args.output), lang=args.lang)
    _note(_("Wrote {json} and {pdf}.").format(json=files.json, pdf=files.pdf))
    return 0


def _confirm_erase(db: Database, contact_id: str, name: str) -> bool:
    """Ask on the terminal before erasing ``name``, after listing the interactions with other
    people that are kept and mention them (to edit first)."""
    if not sys.stdin.isatty():
        raise UserError(
            _("Erasing {name} needs a yes: run it on a terminal, or add --yes.").format(name=name)
        )
    from accountdesk.core.services.privacy import (
        erase_question,
        kept_mentions,
        mention_line,
        mentions_notice,
    )

    mentions = kept_mentions(db, contact_id)
    if mentions:
        zone = _user_zone(db)
        lines = [mentions_notice(name, len(mentions))]
        lines += ["  " + mention_line(mention, zone) for mention in mentions]
        to_terminal("\n".join(lines), err=True)
    return _asked_yes(erase_question(name))


def _asked_yes(question: str) -> bool:
    """Ask a question on the terminal, No the default; True for a yes. The answers shown are
    the ones read, in the user's language: Latvian "… [j/N]" takes "j" or "jā" (and English
    "y" or "yes"), anything else is a no."""
    yes = i18n.pgettext("answer to [y/N]", "y")
    no = i18n.pgettext("answer to [y/N]", "N")
    to_terminal(f"{question} [{yes}/{no}] ", err=True, end="")
    sys.stderr.flush()
    answer = sys.stdin.readline().strip().casefold()
    words = {"y", "yes", yes, i18n.pgettext("answer to [y/N]", "yes")}
    return answer in {word.casefold() for word in words}


def cmd_privacy_erase(args: argparse.Namespace) -> int:
    from accountdesk.core.services.privacy import check_erasable, erase_contact
    from accountdesk.core.services.privacy_cli import earlier_passphrases

    db = _open(args)
    contact_id, name = _privacy_subject(db, " ".join(args.contact))
    check_erasable(db, contact_id)  # a refusal before the question, not after a yes
    if not args.yes and not _confirm_erase(db, contact_id, name):
        _print(_("Nothing was erased."))
        return 0
    erasure = erase_contact(db, contact_id, earlier_passphrases(db, asking=not args.yes))
    for line in erasure.done():
        _print(line)
    problems = erasure.problems()
    if problems:
        raise UserError(" ".join(problems))
    return 0


def cmd_config(args: argparse.Namespace) -> int:
    from accountdesk.core import settings

    if args.action == "list" and args.key is not None:
        raise UserError(
            _("config list takes no setting; read one with: accountdesk config get {key}.").format(
                key=args.key
            )
        )
    if args.action == "get" and args.value is not None:  # a set, mistyped: the value was
        # ignored and nothing changed, without a word
        raise UserError(
            _(
                "config get takes only the setting's name; change it with: accountdesk config "
                "set {key} VALUE."
            ).format(key=args.key)
        )
    if args.action == "unset" and args.value is not None:
        raise UserError(
            _("config unset takes only the setting's name: accountdesk config unset {key}.").format(
                key=args.key
            )
        )
    db = _open(args, create=args.action == "set")
    if args.action == "list":
        for key, value in settings.all_values(db).items():
            _print(f"{key}\t{'' if value is None else value}")
        return 0
    if args.key is None:
        raise UserError(_("Name the setting, for example: accountdesk config get user.zone."))
    if args.action == "get":
        value = settings.get(db, args.key)
        _print("" if value is None else str(value))
    elif args.action == "set":
        if args.value is None:
            raise UserError(
                _("Give a value, for example: accountdesk config set {key} VALUE.").format(
                    key=args.key
                )
            )
        stored = settings.put(db, args.key, args.value)
        _print(
            _("{key} is now {value}.").format(
                key=args.key, value=_("the default") if stored is None else stored
            )
        )
    else:
        settings.unset(db, args.key)
        _print(_("{key} is back to its default.").format(key=args.key))
    return 0


def _zoneinfo(name: str) -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


def cmd_followups_export(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from accountdesk.core.queries.followups import list_follow_ups
    from accountdesk.core.services.calendar_files import export_follow_ups

    db = _open(args)
    rows = list_follow_ups(db, now=datetime.now(UTC), user_zone=_user_zone(db), due=args.due)
    target = Path(args.ics)
    count = export_follow_ups(target, rows)
    _print(
        i18n.ngettext(
            "Exported {n} follow-up to {path}.", "Exported {n} follow-ups to {path}.", count
        ).format(n=i18n.format_number(count), path=target)
    )
    for note in count.notes():  # a series written only in part
        _note(note)
    return 0


# --- parser ------------------------------------------------------------------------------


#: argparse's own words (the usage line, headings, the errors of a command line) in our
#: catalogs: argparse looks them up through gettext's process-wide functions, which know
#: nothing of the app's language; :func:`main` points those lookups at ours.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("can't open '%(filename)s': %(error)s"),
)


class _Parser(argparse.ArgumentParser):
    """Options may come anywhere among a command's arguments ("db restore --db x.db NAME",
    "config set --db x.db KEY VALUE"): a parser without sub-commands reads intermixed.
    Plain argparse stopped at the first option after a command's first positional and
    refused the rest ("unrecognized arguments")."""

    _intermixing = False

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        nested = any(a.nargs in (argparse.PARSER, argparse.REMAINDER) for a in self._actions)
        # "--" before the first positional ("search -- -anna") is consumed by the intermixed
        # reading's first pass, and the value after it then reads as an option
        separated = args is not None and "--" in args
        if self._intermixing or nested or separated:
            return super().parse_known_args(args, namespace)
        usage = self.usage
        if usage is None:
            # Python 3.11 keeps format_usage()[7:], the length of the English "usage: ", and
            # cut the translated prefix in the middle ("kullanım: m: accountdesk …")
            written = self.format_usage().strip()
            self.usage = written[written.index(self.prog) :]
        self._intermixing = True  # parse_known_intermixed_args calls this method again
        try:
            return super().parse_known_intermixed_args(args, namespace)
        finally:
            self._intermixing = False
            self.usage = usage

    def error(self, message: str) -> Any:  # usage errors: one line, exit 2
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: {message}\n")
        raise SystemExit(2)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:  # argparse would name this function ("invalid _positive value")
        raise argparse.ArgumentTypeError(_("must be a positive whole number")) from None
    if number <= 0:
        raise argparse.ArgumentTypeError(_("must be a positive whole number"))
    return number


def _whole(value: str) -> int:
    """A whole number (``demo --seed``): argparse's own refusal named Python's type ("invalid
    int value: 'x'")."""
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_("must be a whole number")) from None


def _year(value: str) -> int:
    """A year a date can have (1 to 9999): ``country --year 99999`` ended in "unexpected error
    (ValueError: year 99999 is out of range)". The year as the language writes it, as a typed
    date's (i18n.parse_date_input): the Buddhist era's 2570 is 2027 in Thai; it was taken as
    the Gregorian 2570 ("Holidays in 3113")."""
    from datetime import MAXYEAR, MINYEAR

    try:
        number = int(i18n.ascii_digits(value))
    except ValueError:
        number = MINYEAR - 1
    if not MINYEAR <= number <= MAXYEAR:
        raise argparse.ArgumentTypeError(
            _("must be a year from {first} to {last}").format(
                first=i18n.localize_digits(str(MINYEAR)), last=i18n.localize_digits(str(MAXYEAR))
            )
        )
    try:
        return i18n.parse_date_input(f"{number:04d}-01-01").year
    except i18n.DateInputError:  # no such day in the language's calendar: the year as given
        return number


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line; ``only``: with that command's parser alone (the others are not built
    or imported: a quick command starts quickly), None: every command (help, errors)."""
    parser = _Parser(
        prog="accountdesk",
        description=_(
            "AccountDesk, the account manager for customers in other countries. "
            "Without a command it opens the desktop app."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"AccountDesk {__version__} (tzdata {TZDATA_VERSION})",
        help=_("show the version (and that of its time-zone data) and exit"),
    )
    common = _Parser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=_(
            "database file or server URL (default: $ACCOUNTDESK_DB, the server.url setting, or "
            "the data folder)"
        ),
    )
    common.add_argument(
        "--lang",
        choices=sorted(i18n.LANGUAGES),
        default=argparse.SUPPRESS,
        help=_("language of messages and output"),
    )
    for action in common._actions:
        if action.dest in {"db", "lang"}:
            parser._add_action(action)
    parser.set_defaults(func=cmd_gui)
    sub = parser.add_subparsers(title=_("commands"), metavar="COMMAND", parser_class=_Parser)
    for name, add in _commands().items():
        if only is None or name == only:
            add(sub, common)
    return parser


def _commands() -> dict[str, Callable[[Any, argparse.ArgumentParser], None]]:
    """Each command and the function that adds its parser."""
    return {
        "demo": _add_demo,
        "search": _add_search,
        "import": _add_import,
        "export": _add_export,
        "db": _add_db,
        "country": _add_country,
        "followups": _add_followups,
        "contact": _add_contact,
        "config": _add_config,
        "privacy": _add_privacy,
        "report": _add_report,
        "rates": _add_rates,
        "duplicates": _add_duplicates,
        "server": _add_server,
        "sync": _add_sync,
    }


def _add_report(sub: Any, common: argparse.ArgumentParser) -> None:
    from accountdesk.core.reports.cli import register

    register(sub, common)


def _add_rates(sub: Any, common: argparse.ArgumentParser) -> None:
    from accountdesk.core.reports.cli import register_rates

    register_rates(sub, common)


def _add_duplicates(sub: Any, common: argparse.ArgumentParser) -> None:
    from accountdesk.core.services.duplicates_cli import register

    register(sub, common)


def _add_server(sub: Any, common: argparse.ArgumentParser) -> None:
    from accountdesk.core.db.server_cli import register

    register(sub, common)


def _add_sync(sub: Any, common: argparse.ArgumentParser) -> None:
    from accountdesk.core.db.sync_cli import register

    register(sub, common)


def _add_demo(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("demo", parents=[common], help=_("fill a database with demo data"))
    p.add_argument("--accounts", type=_positive, default=500, help=_("number of accounts"))
    p.add_argument("--seed", type=_whole, default=1, help=_("random seed (same seed, same data)"))
    p.set_defaults(func=cmd_demo)


def _add_search(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("search", parents=[common], help=_("find accounts and contacts"))
    p.add_argument("text", nargs="+", help=_("words or beginnings of words"))
    p.add_argument(
        "--limit", type=_positive, default=20, help=_("how many results at most (default: 20)")
    )
    p.set_defaults(func=cmd_search)


def _add_import(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "import", parents=[common], help=_("import contacts from a CSV or vCard file")
    )
    p.add_argument(
        "file",
        help=_(
            "CSV file (one row per contact), vCard file (.vcf) or AccountDesk JSON export "
            "(.json, into an empty database)"
        ),
    )
    p.add_argument("--dry-run", action="store_true", help=_("check the file, write nothing"))
    from accountdesk.core.io.sources import SOURCES

    how = p.add_mutually_exclusive_group()
    how.add_argument(
        "--from",
        dest="source",
        choices=tuple(SOURCES),
        help=_("CSV: read the file as this product's export (default: recognised from its header)"),
    )
    how.add_argument(
        "--map",
        metavar="MAPPING.toml",
        help=_("CSV: read the columns as this mapping file says (see README, Column mappings)"),
    )
    p.add_argument(
        "--save-map",
        metavar="OUT.toml",
        help=_("CSV: write the mapping the import uses to this file, to edit and use with --map"),
    )
    p.add_argument(
        "--keep-unknown",
        action="store_true",
        help=_("CSV: keep the columns AccountDesk has no field for in the notes"),
    )
    p.add_argument(
        "--country",
        type=_import_country,
        metavar="COUNTRY",
        help=_(
            "the country of the rows and cards that give none (no country column or address, "
            "no phone number in international form); without it a vCard import takes your "
            "own country (user.country, Settings → Me in the app)"
        ),
    )
    p.set_defaults(func=cmd_import)


def _import_country(text: str) -> str:
    """``--country``: a country as people write it ("TH", "Thailand", "ประเทศไทย") as its
    ISO 3166-1 code."""
    from accountdesk.core import validation as v

    try:
        return v.country(text, "country")
    except v.ValidationError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def _add_export(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common], help=_("export everything"))
    p.add_argument(
        "--format",
        choices=("csv", "json", "vcard"),
        default="csv",
        help=_("csv (default), json (everything, to import back) or vcard (contacts)"),
    )
    p.add_argument(
        "--contact",
        action="append",
        metavar="ID|NAME",
        help=_("vCard: only this contact (repeat for several; default: every contact)"),
    )
    p.add_argument(
        "--vcard-version",
        choices=("3.0", "4.0"),
        help=_("vCard: the version to write (default: 3.0, which every address book reads)"),
    )
    p.add_argument("-o", "--output", metavar="FILE", help=_("file to write (default: stdout)"))
    p.add_argument(
        "--raw",
        action="store_true",
        help=_(
            "CSV: write cells exactly as stored, without the ' put before cells that a "
            "spreadsheet would run as formulas (=, +, -, @)"
        ),
    )
    p.set_defaults(func=cmd_export)


def _add_db(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("db", parents=[common], help=_("database maintenance"))
    p.add_argument(
        "action",
        choices=(
            "upgrade",
            "check",
            "path",
            "backups",
            "backup",
            "restore",
            "encrypt",
            "decrypt",
            "rekey",
        ),
        help=_("what to do"),
    )
    p.add_argument(
        "backup",
        nargs="?",
        metavar="BACKUP",
        help=_("restore: the backup's name, as db backups lists it, or its path"),
    )
    p.add_argument(
        "--force",
        action="store_true",
        help=_("restore: also a backup of another database"),
    )
    p.add_argument(
        "--remember",
        action="store_true",
        help=_("encrypt, rekey: keep the passphrase in the system keyring"),
    )
    p.set_defaults(func=cmd_db, db_parser=p)


def _add_country(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("country", parents=[common], help=_("print a country's profile"))
    p.add_argument("code", metavar="CC", help=_("ISO 3166 country code, e.g. TH"))
    p.add_argument("--year", type=_year, help=_("year of the holidays (default: this year)"))
    p.add_argument(
        "--calendar",
        choices=i18n.CALENDAR_PREFERENCES,
        help=_(
            "write dates in the language's own calendar (auto) or in the Gregorian one "
            "(default: the ui.calendar setting of a local database file)"
        ),
    )
    p.set_defaults(func=cmd_country)


def _add_followups(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("followups", parents=[common], help=_("list open follow-ups"))
    from accountdesk.core.timekeeping.reminders import BUCKETS

    due_choices = BUCKETS
    p.add_argument("--due", choices=due_choices, help=_("only those due in this period"))
    p.add_argument("--json", action="store_true", help=_("print JSON with both zones"))
    p.add_argument("--at", metavar="INSTANT", help=_("as at this ISO 8601 instant"))
    p.set_defaults(func=cmd_followups)
    fsub = p.add_subparsers(title=_("follow-up commands"), metavar="ACTION", parser_class=_Parser)
    e = fsub.add_parser("export", parents=[common], help=_("export follow-ups to iCalendar"))
    e.add_argument("--ics", required=True, metavar="FILE", help=_(".ics file to write"))
    e.add_argument("--due", choices=due_choices, help=_("only those due in this period"))
    e.set_defaults(func=cmd_followups_export)


def _add_contact(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "contact", parents=[common], help=_("a contact's time, working status and holidays")
    )
    p.add_argument("name", nargs="+", metavar="NAME|ID", help=_("the contact's name or id"))
    p.add_argument("--at", metavar="INSTANT", help=_("as at this ISO 8601 instant with an offset"))
    p.add_argument("--json", action="store_true", help=_("print JSON (keys in README)"))
    p.set_defaults(func=cmd_contact)


def _add_config(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("config", parents=[common], help=_("read or change your settings"))
    p.add_argument("action", choices=("get", "set", "unset", "list"), help=_("what to do"))
    p.add_argument("key", nargs="?", metavar="KEY", help=_("e.g. user.zone"))
    p.add_argument("value", nargs="?", metavar="VALUE", help=_("the new value (for set)"))
    p.set_defaults(func=cmd_config)


def _add_privacy(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "privacy", parents=[common], help=_("a person's data: export it, or erase it for good")
    )
    psub = p.add_subparsers(
        title=_("privacy commands"), metavar="ACTION", parser_class=_Parser, required=True
    )
    e = psub.add_parser(
        "export", parents=[common], help=_("everything about a contact, as JSON and a PDF")
    )
    e.add_argument("contact", nargs="+", metavar="CONTACT", help=_("the contact's name or id"))
    e.add_argument(
        "-o", "--output", required=True, metavar="FILE",
        help=_("JSON file to write; the PDF summary goes beside it (FILE.json: FILE.pdf)"),
    )  # fmt: skip
    e.set_defaults(func=cmd_privacy_export)
    e = psub.add_parser(
        "erase", parents=[common], help=_("erase a contact for good, backups included")
    )
    e.add_argument("contact", nargs="+", metavar="CONTACT", help=_("the contact's name or id"))
    e.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    e.set_defaults(func=cmd_privacy_erase)


#: The options before a command that take a value (``--db PATH``, ``--lang fa``).
_VALUED = ("--db", "--lang")


def _command_in(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names (its first word that is not an option or an option's
    value), or None: no command, or options only."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _VALUED:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def _language_from(argv: Sequence[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return os.environ.get("ACCOUNTDESK_LANG")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _language_from(argv)
    if lang:
        with contextlib.suppress(i18n.UnknownLanguageError):  # argparse reports a bad choice
            i18n.set_language(lang)
    # argparse's words in the user's language (ARGPARSE_WORDS)
    setattr(argparse, "_", i18n._)  # noqa: B010 (argparse's own name for its lookup)
    setattr(argparse, "ngettext", i18n.ngettext)  # noqa: B010
    command = _command_in(argv)
    known = command is not None and command in _commands()
    parser = build_parser(command if known else None)  # an unknown one: argparse lists all
    args = parser.parse_args(argv)
    args.db = getattr(args, "db", None)
    args.lang = getattr(args, "lang", None)
    try:
        return int(args.func(args))
    except UserError as exc:
        _error(exc.message)
        return 1
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        _note(_("accountdesk: interrupted; nothing was changed."))
        return 130
    except Exception as exc:
        from accountdesk.core.db.errors import explain

        storage = explain(exc, _target(args))  # disk full, busy, read-only: one sentence
        if storage is not None:
            _error(storage.message)
            return 1
        if os.environ.get("ACCOUNTDESK_DEBUG"):
            raise
        sys.stderr.write(
            _(
                "accountdesk: unexpected error ({kind}: {reason}); "
                "run again with ACCOUNTDESK_DEBUG=1 for details."
            ).format(
                kind=type(exc).__name__, reason=str(exc).splitlines()[0][:200] if str(exc) else ""
            )
            + "\n"
        )
        return 1


#: The collector's first generation, in a process that runs one command: a pass every this
#: many objects made rather than Python's 700. A command makes most of its objects as it
#: imports its modules and lays out its result, and almost none of them are garbage; the
#: passes over them took a fifth of ``report account`` (0.95 → 0.72 s). Cycles are still
#: freed, only less often.
COMMAND_GC_THRESHOLD = 50_000


def run(argv: Sequence[str] | None = None) -> int:
    """The ``accountdesk`` program (its console script and ``python -m accountdesk``):
    :func:`main`, with the collector set for a process that runs one command and ends.

    At the end every database the command opened is closed (its SQLite write-ahead log
    folded into the file) and what is left in memory is frozen: the operating system takes
    it back at once, where Python's last collection at exit walked every object again. The
    desktop app (no command) is left as Python sets it up. Tests call :func:`main`."""
    argv = list(sys.argv[1:] if argv is None else argv)
    one_command = _command_in(argv) is not None
    if not one_command:
        return main(argv)
    _first, *older = gc.get_threshold()
    gc.set_threshold(COMMAND_GC_THRESHOLD, *older)
    try:
        return main(argv)
    finally:
        if "accountdesk.core.db.engine" in sys.modules:  # else no database was opened
            from accountdesk.core.db.engine import close_all

            close_all()
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run())
