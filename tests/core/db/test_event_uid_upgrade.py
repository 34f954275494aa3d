"""Migration 0014: follow-ups get ``ics_uid`` and ``ics_sequence`` (the UID and SEQUENCE of
the calendar event one was imported from). An 0013 database keeps every follow-up as it was,
with no UID and SEQUENCE 0, exported under its own UID as before and still recognised by its
origin on import; one imported after the upgrade keeps its event's UID; down again, the
columns go and the rest stays."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import icalendar
from alembic import command
from sqlalchemy import inspect, text

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database, schema_revision
from accountdesk.core.db.migrations import alembic_config
from accountdesk.core.db.schema import SCHEMA_HEAD
from accountdesk.core.queries.followups import list_follow_ups
from accountdesk.core.services import calendar_files
from accountdesk.core.services import followups as fu
from series import contact_in, ics_file

NOW = datetime(2027, 1, 1, tzinfo=UTC)


def _columns(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return {c["name"] for c in inspect(conn).get_columns("follow_ups")}


def _rows(db: Database) -> list[tuple[object, ...]]:
    with db.engine.connect() as conn:
        sql = (
            "SELECT id, title, local_due, zone, rrule, origin, version FROM follow_ups ORDER BY id"
        )
        found = [tuple(r) for r in conn.execute(text(sql))]
        # the contacts too: a table made again on SQLite would take its rows with it
        sql = "SELECT id, account_id, given_name FROM contacts ORDER BY id"
        return found + [tuple(r) for r in conn.execute(text(sql))]


def _uids(db: Database, path: Path) -> list[str]:
    rows = list_follow_ups(db, now=NOW, user_zone="UTC")
    calendar_files.export_follow_ups(path, rows, fixed_clock(NOW))
    events = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    return sorted(str(e["UID"]) for e in events)


def test_an_0013_database_is_upgraded_with_its_follow_ups_and_down_again(
    db: Database, tmp_path: Path
) -> None:
    assert SCHEMA_HEAD >= "0014"
    ilze = contact_in(db, "Ilze", "Dzintars", "LV", "Europe/Riga")
    made = fu.schedule(db, fu.FollowUpInput(ilze, "Call", datetime(2027, 3, 1, 10))).id
    google = ics_file(
        tmp_path / "g.ics",
        ("VEVENT", "UID:old@google.com", "SUMMARY:Review", "DTSTART:20270302T080000Z"),
    )
    with db.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0013")
    assert not {"ics_uid", "ics_sequence"} & _columns(db)
    with db.engine.begin() as conn:  # an import by the app of before: the fingerprint only
        conn.execute(
            text(
                "INSERT INTO follow_ups (id, contact_id, account_id, title, local_due, zone, "
                "due_at, duration_minutes, status, move_to_working_day, origin, created_at, "
                "updated_at, version) SELECT 'f0', id, account_id, 'Review', "
                "'2027-03-02T10:00:00', 'Europe/Riga', :due, 30, 'open', :no, :origin, :due, "
                ":due, 1 FROM contacts"
            ),
            {
                "due": datetime(2027, 3, 2, 8),
                "no": False,
                "origin": calendar_files.origin_of("old@google.com"),
            },
        )
    before = _rows(db)

    with db.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    assert schema_revision(db) == SCHEMA_HEAD
    assert _rows(db) == before
    with db.engine.connect() as conn:
        stored = conn.execute(text("SELECT ics_uid, ics_sequence FROM follow_ups")).all()
    assert [tuple(r) for r in stored] == [(None, 0), (None, 0)]
    assert _uids(db, tmp_path / "out.ics") == sorted([f"{made}@accountdesk", "f0@accountdesk"])
    done = calendar_files.import_follow_ups(db, google, ilze, fixed_clock(NOW))
    assert (len(done), len(done.already)) == (0, 1)  # recognised by its fingerprint

    new = ics_file(
        tmp_path / "n.ics",
        ("VEVENT", "UID:new@google.com", "SUMMARY:Plan", "DTSTART:20270303T080000Z"),
    )
    assert len(calendar_files.import_follow_ups(db, new, ilze, fixed_clock(NOW))) == 1
    assert "new@google.com" in _uids(db, tmp_path / "out.ics")

    with db.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0013")
    assert not {"ics_uid", "ics_sequence"} & _columns(db)
    assert len(_rows(db)) == len(before) + 1
