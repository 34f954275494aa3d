"""A repeating follow-up whose start is not one of its rule's days (Monday 1 March, a rule on
Thursdays): the start is its first occurrence and COUNT counts it, as RFC 5545 says of
DTSTART, so "3 times" is three follow-ups (that Monday and two Thursdays) in the app, in the
rule's description and in the exported file as Google and Apple read it (rev17's 7th: the
app had four, the file three)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.services import calendar_files
from accountdesk.core.services import followups as fu
from accountdesk.core.timekeeping.recurrence import describe_rrule, occurrences, off_rule_start
from series import complete_at_due, contact_in, row

MONDAY = datetime(2027, 3, 1, 10)
EARLY = datetime(2027, 1, 1, tzinfo=UTC)


@pytest.fixture
def ilze(db: Database) -> str:
    return contact_in(db, "Ilze", "Dzintars", "LV", "Europe/Riga")


def _days(local: list[datetime]) -> list[str]:
    return [d.strftime("%a %d %b") for d in local]


def _exported(db: Database, id_: str, path: Path) -> tuple[str, str]:
    calendar_files.export_follow_ups(path, [row(db, id_)], fixed_clock(EARLY))
    (event,) = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    start = event["DTSTART"].dt.strftime("%a %d %b")
    return start, event["RRULE"].to_ical().decode()


def test_three_times_from_a_monday_on_thursdays_is_three(
    db: Database, ilze: str, tmp_path: Path
) -> None:
    rule = "FREQ=WEEKLY;BYDAY=TH;COUNT=3"
    assert describe_rrule(rule) == "Every week on Thursday, 3 times"
    made = fu.schedule(db, fu.FollowUpInput(ilze, "Thursday calls", MONDAY, rrule=rule))
    assert _exported(db, made.id, tmp_path / "0.ics") == (
        "Mon 01 Mar",
        "FREQ=WEEKLY;COUNT=3;BYDAY=TH",
    )
    seen = []
    for n in range(3):
        current = row(db, made.id)
        seen.append(current.local_due)
        if n == 1:  # midway, the file holds what is left: this Thursday and the next
            assert _exported(db, made.id, tmp_path / "1.ics") == (
                "Thu 04 Mar",
                "FREQ=WEEKLY;COUNT=2;BYDAY=TH",
            )
        complete_at_due(db, made.id)
    assert _days(seen) == ["Mon 01 Mar", "Thu 04 Mar", "Thu 11 Mar"]
    assert row(db, made.id).status == "done"


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("FREQ=WEEKLY;BYDAY=TH;COUNT=1", ["Mon 01 Mar"]),
        ("FREQ=WEEKLY;BYDAY=TH", ["Mon 01 Mar", "Thu 04 Mar", "Thu 11 Mar", "Thu 18 Mar"]),
        ("FREQ=WEEKLY;BYDAY=MO;COUNT=3", ["Mon 01 Mar", "Mon 08 Mar", "Mon 15 Mar"]),
        ("FREQ=MONTHLY;BYDAY=1TH;COUNT=2", ["Mon 01 Mar", "Thu 04 Mar"]),
    ],
)
def test_the_start_is_the_first_occurrence(rule: str, expected: list[str]) -> None:
    found = occurrences(rule, MONDAY, "Europe/Riga", EARLY, 4)
    assert _days([o.local for o in found]) == expected


def test_the_rules_first_day_after_a_start_that_is_not_one() -> None:
    assert off_rule_start("FREQ=WEEKLY;BYDAY=TH;COUNT=3", MONDAY) == datetime(2027, 3, 4, 10)
    assert off_rule_start("FREQ=MONTHLY;BYDAY=1TH", MONDAY) == datetime(2027, 3, 4, 10)
    assert off_rule_start("FREQ=WEEKLY;BYDAY=MO", MONDAY) is None
    assert off_rule_start("FREQ=WEEKLY", MONDAY) is None


def test_an_hourly_rule_is_not_checked() -> None:
    """One that never matches walks every hour to the year 9999 (seconds a key typed)."""
    assert off_rule_start("FREQ=HOURLY;BYMONTH=1;BYYEARDAY=100", MONDAY) is None
