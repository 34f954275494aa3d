"""What the tests of repeating follow-ups share: a contact in a zone, a weekly series that
moves to working days, a follow-up's row as the lists show it, and completing an occurrence
at its own time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.followups import FollowUpRow, list_follow_ups
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import followups as fu
from accountdesk.core.services.accounts import create_account, create_contact

#: The moment the rows are listed at.
NOW = datetime(2027, 1, 1, tzinfo=UTC)


def contact_in(db: Database, given: str, account: str, country: str, zone: str) -> str:
    """A contact ``given`` at a new account ``account``, both in ``country`` and ``zone``."""
    account_id = create_account(db, AccountInput(name=account, country=country, timezone=zone))
    return create_contact(
        db, ContactInput(account_id=account_id, given_name=given, country=country, timezone=zone)
    )


def row(db: Database, id_: str) -> FollowUpRow:
    """The follow-up ``id_`` as the lists show it, done or open."""
    rows = list_follow_ups(db, now=NOW, user_zone="UTC", status=None)
    return next(r for r in rows if r.id == id_)


def complete_at_due(db: Database, id_: str) -> None:
    """Complete the occurrence the follow-up is at, at that occurrence's time."""
    shown = row(db, id_)
    fu.complete(db, [shown.shown], fixed_clock(shown.due_at))


def weekly_from_friday(db: Database, contact: str) -> str:
    """Four weekly occurrences from Friday 8 January 2027 at 10:00, each moved to the next
    working day there, the first too (Israel rests on Friday and Saturday): Sundays from the
    10th."""
    return fu.schedule(
        db,
        fu.FollowUpInput(
            contact, "Weekly report", datetime(2027, 1, 8, 10), rrule="FREQ=WEEKLY;COUNT=4",
            move_to_working_day=True,
        ),
    ).id  # fmt: skip


def ics_file(path: Path, *components: Sequence[str], prodid: str = "-//test//test//EN") -> Path:
    """An .ics file at ``path`` of ``components``, each its kind ("VEVENT", "VTODO") and its
    lines, in a VCALENDAR made by ``prodid``, with CRLF line ends as calendars write them."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{prodid}"]
    for kind, *body in components:
        lines += [f"BEGIN:{kind}", *body, f"END:{kind}"]
    lines.append("END:VCALENDAR")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode())
    return path
