"""A repeating follow-up that moves to the next working day is exported with its moves for
the next two years or so (recurrence.MOVES_EXPORTED), and its series ends there in the file:
a calendar shows the days the app gives as far as it shows any, never a weekend or holiday
the app moves an occurrence from (rev17's 10th: from 2029 on, Iran's weekly Friday call was on
Fridays in the calendar and on Saturdays in the app). The export says until when; the file's
X-ACCOUNTDESK-RRULE keeps the whole rule, so an import takes the series whole."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil import rrule as du

from accountdesk import cli
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.i18n import format_date
from accountdesk.core.services import calendar_files
from accountdesk.core.services import followups as fu
from accountdesk.core.timekeeping.recurrence import occurrences
from accountdesk.core.timekeeping.zones import resolve_wall_time
from series import NOW, contact_in, row

CASES = [
    # Iran's weekend is Friday: every Friday call is on Saturday in the app
    ("Maryam", "IR", "Asia/Tehran", datetime(2027, 1, 8, 10), "FREQ=WEEKLY"),
    # Thailand: the 1st of a month on a weekend or a holiday moves
    ("Somchai", "TH", "Asia/Bangkok", datetime(2027, 1, 1, 10), "FREQ=MONTHLY"),
]


def _calendar(event: icalendar.Event) -> list[datetime]:
    """The instants a calendar shows of the event: RRULE, EXDATE and RDATE read by dateutil
    (every one up to the rule's end)."""
    start = event["DTSTART"].dt
    days = du.rruleset()
    days.rrule(du.rrulestr(event["RRULE"].to_ical().decode(), dtstart=start))
    for name, add in (("EXDATE", days.exdate), ("RDATE", days.rdate)):
        found = event.get(name) or []
        for prop in found if isinstance(found, list) else [found]:
            for value in prop.dts:
                add(value.dt)
    return [t.astimezone(UTC) for t in days]


def _export(db: Database, id_: str, path: Path) -> tuple[calendar_files.ExportedFollowUps, Any]:
    done = calendar_files.export_follow_ups(path, [row(db, id_)], fixed_clock(NOW))
    (event,) = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    return done, event


@pytest.mark.parametrize(("given", "country", "zone", "start", "rule"), CASES)
def test_the_calendar_shows_the_apps_days_and_ends_where_the_moves_do(
    db: Database, tmp_path: Path, given: str, country: str, zone: str, start: datetime, rule: str
) -> None:
    who = contact_in(db, given, f"{given} Co", country, zone)
    made = fu.schedule(
        db, fu.FollowUpInput(who, "Call", start, rrule=rule, move_to_working_day=True)
    ).id
    done, event = _export(db, made, tmp_path / "out.ics")
    shown = _calendar(event)
    app = occurrences(
        rule, start, zone, NOW, len(shown) + 5, move_to_working_day=True, country=country
    )
    app_instants = [o.instant for o in app]
    assert shown == app_instants[: len(shown)]  # the same days, none the app moves from
    last = resolve_wall_time(max(app[: len(shown)], key=lambda o: o.local).local, zone)
    assert shown[-1] == last.instant
    assert (shown[-1] - NOW).days > 2 * 365  # two years and more, then it ends
    assert len(app) > len(shown)  # the app goes on
    assert str(event["X-ACCOUNTDESK-RRULE"].to_ical().decode()) == rule
    assert (int(done), [t for t, _d in done.ended]) == (1, ["Call"])
    (note,) = done.notes()
    until = format_date(shown[-1].astimezone(ZoneInfo(zone)).date())
    assert note == (
        f"1 repeating follow-up that moves to working days is in the file until {until}, as "
        "far as its moves are worked out: export it again before then to have the later ones "
        "in your calendar (\u201c\u2068Call\u2069\u201d)."
    )


def test_an_import_of_the_file_takes_the_whole_series(db: Database, tmp_path: Path) -> None:
    maryam = contact_in(db, "Maryam", "Rezaei Co", "IR", "Asia/Tehran")
    made = fu.schedule(
        db,
        fu.FollowUpInput(
            maryam, "Call", datetime(2027, 1, 8, 10), rrule="FREQ=WEEKLY", move_to_working_day=True
        ),
    ).id
    path = tmp_path / "out.ics"
    _export(db, made, path)
    laptop = open_database(tmp_path / "b.db")
    try:
        there = contact_in(laptop, "Maryam", "Rezaei Co", "IR", "Asia/Tehran")
        (back,) = calendar_files.import_follow_ups(laptop, path, there, fixed_clock(NOW))
        again = row(laptop, back.id)
    finally:
        laptop.close()
    assert (again.rrule, again.move_to_working_day) == ("FREQ=WEEKLY", True)
    assert again.local_due == datetime(2027, 1, 9, 10)  # Friday's, on Saturday


def test_a_series_without_moves_or_that_ends_before_is_written_whole(
    db: Database, tmp_path: Path
) -> None:
    maryam = contact_in(db, "Maryam", "Rezaei Co", "IR", "Asia/Tehran")
    plain = fu.schedule(
        db, fu.FollowUpInput(maryam, "Plain", datetime(2027, 1, 8, 10), rrule="FREQ=WEEKLY")
    ).id
    short = fu.schedule(
        db,
        fu.FollowUpInput(
            maryam, "Short", datetime(2027, 1, 8, 10), rrule="FREQ=WEEKLY;COUNT=5",
            move_to_working_day=True,
        ),
    ).id  # fmt: skip
    for id_, rule in ((plain, "FREQ=WEEKLY"), (short, "FREQ=WEEKLY;COUNT=5")):
        done, event = _export(db, id_, tmp_path / f"{id_}.ics")
        assert (done.ended, done.notes()) == ((), [])
        assert event["RRULE"].to_ical().decode() == rule
        assert "X-ACCOUNTDESK-RRULE" not in event


def test_the_command_line_says_until_when(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "crm.db"
    db = open_database(path)
    maryam = contact_in(db, "Maryam", "Rezaei Co", "IR", "Asia/Tehran")
    fu.schedule(
        db,
        fu.FollowUpInput(
            maryam, "Call", datetime(2027, 1, 8, 10), rrule="FREQ=WEEKLY", move_to_working_day=True
        ),
    )
    db.close()
    target = tmp_path / "f.ics"
    assert cli.main(["followups", "export", "--db", str(path), "--ics", str(target)]) == 0
    said = capsys.readouterr()
    assert "Exported 1 follow-up" in said.out
    assert "1 repeating follow-up that moves to working days is in the file until" in said.err
