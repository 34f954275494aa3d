"""Timekeeping benchmarks (issue 5): the meeting planner and the reminder check.

    uv run python benchmarks/bench_timekeeping.py [--runs 200]

Prints median and p95 for:
- the planner for the user and 5 contacts over 14 days at 30-minute steps (target ≤ 50 ms),
  once with holidays given as data and once with the default calendar (the culture module, or
  the ``holidays`` package when that is absent), warmed up as it is in the running app;
- the reminder check the app runs (``core.queries.followups.due_for_reminder``, the one home
  of the reminder rule) over a database of 10,000 open follow-ups (target ≤ 20 ms).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from accountdesk.core.db.bulk import bulk_insert
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import FollowUp, table
from accountdesk.core.queries.followups import due_for_reminder
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.timekeeping.calendars import DayCalendar, StaticCalendar, default_calendar
from accountdesk.core.timekeeping.planner import Participant, plan
from accountdesk.core.timekeeping.workhours import WorkingHours

PEOPLE = [
    ("me", "Europe/Riga", "LV"),
    ("ayse", "Europe/Istanbul", "TR"),
    ("somchai", "Asia/Bangkok", "TH"),
    ("reza", "Asia/Tehran", "IR"),
    ("john", "America/New_York", "US"),
    ("aroha", "Pacific/Auckland", "NZ"),
]
START = date(2025, 3, 24)  # two weeks across the European DST change


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(name: str, target_ms: float, fn: Callable[[], object], runs: int) -> None:
    fn()  # warm-up: caches, imports, holiday tables
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        times.append((time.perf_counter() - began) * 1000)
    median = statistics.median(times)
    p95 = pct(times, 0.95)
    verdict = "ok" if p95 <= target_ms else "OVER TARGET"
    print(
        f"{name}: median {median:.2f} ms, p95 {p95:.2f} ms (target ≤ {target_ms:g} ms, {verdict})"
    )


def participants(cal: DayCalendar) -> list[Participant]:
    return [
        Participant(key, key, zone, country, None, WorkingHours.for_country(country, cal))
        for key, zone, country in PEOPLE
    ]


def static_calendar() -> StaticCalendar:
    return StaticCalendar(
        weekends={"IR": frozenset({4})},
        holidays={
            "LV": {date(2025, 4, 18): "Good Friday", date(2025, 4, 21): "Easter Monday"},
            "TR": {date(2025, 3, 31): "Ramadan Feast", date(2025, 4, 1): "Ramadan Feast"},
            "TH": {date(2025, 4, 7): "Chakri Day"},
            "IR": {date(2025, 4, 1): "Islamic Republic Day", date(2025, 4, 2): "Sizdah Bedar"},
            "NZ": {date(2025, 4, 18): "Good Friday"},
        },
    )


def reminder_database(folder: Path, count: int, now: datetime, rng: random.Random) -> Database:
    """A database with ``count`` open follow-ups due within 60 days either side of ``now``, a
    tenth of them snoozed, half of the past ones already notified."""
    db = open_database(folder / "reminders.db")
    account = create_account(
        db, AccountInput(name="Ege Lojistik", country="TR", timezone="Europe/Istanbul")
    )
    contact = create_contact(
        db,
        ContactInput(
            account_id=account, given_name="Ayşe", country="TR", timezone="Europe/Istanbul"
        ),
    )
    rows: list[dict[str, Any]] = []
    for index in range(count):
        due = now + timedelta(minutes=rng.randint(-60 * 24 * 60, 60 * 24 * 60))
        snoozed = due + timedelta(minutes=rng.randint(5, 600)) if rng.random() < 0.1 else None
        notified = due + timedelta(minutes=1) if due < now and rng.random() < 0.5 else None
        local = due.astimezone(UTC).replace(tzinfo=None, second=0, microsecond=0)
        rows.append(
            {
                "id": f"fu-{index:05d}", "contact_id": contact, "account_id": account,
                "title": "Call", "notes": None, "local_due": local.isoformat(), "zone": "UTC",
                "due_at": due, "duration_minutes": 30, "status": "open", "completed_at": None,
                "snoozed_until": snoozed, "notified_at": notified, "rrule": None,
                "rrule_start": None, "move_to_working_day": False, "origin": "manual",
                "created_at": now, "updated_at": now, "deleted_at": None,
            }
        )  # fmt: skip
    with db.transaction() as session:
        bulk_insert(session.connection(), table(FollowUp), rows)
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()

    static = static_calendar()
    people = participants(static)
    report(
        "planner, user + 5 contacts, 14 days, holidays as data",
        50,
        lambda: plan(people, START, 14, "Europe/Riga", calendar=static),
        args.runs,
    )
    real = default_calendar()
    real_people = participants(real)
    report(
        f"planner, user + 5 contacts, 14 days, default calendar ({type(real).__name__})",
        50,
        lambda: plan(real_people, START, 14, "Europe/Riga", calendar=real),
        args.runs,
    )
    grid = plan(people, START, 14, "Europe/Riga", calendar=static)
    print(f"  ({len(grid.columns)} columns × {len(grid.rows)} rows, {len(grid.good_slots)} good)")

    now = datetime(2025, 6, 10, 12, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as folder:
        db = reminder_database(Path(folder), 10_000, now, random.Random(5))
        report(
            "reminder check (the app's query), 10,000 open follow-ups",
            20,
            lambda: due_for_reminder(db, now),
            args.runs,
        )
        print(f"  ({len(due_for_reminder(db, now))} due now)")
        db.close()


if __name__ == "__main__":
    main()
