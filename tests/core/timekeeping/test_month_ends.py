"""Repeating follow-ups from the 29th-31st and from 29 February: the last day of a shorter
month or of February, not a skipped month or three skipped years (recurrence.as_run)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from dateutil import rrule as du

from accountdesk.core.timekeeping.recurrence import as_run, occurrences

EARLY = datetime(2000, 1, 1, tzinfo=UTC)


def _days(rule: str, first: datetime, n: int) -> list[str]:
    found = occurrences(rule, first, "Europe/Riga", after=EARLY, count=n)
    return [o.local.date().isoformat() for o in found]


def test_every_three_months_from_31_january_comes_in_april() -> None:
    assert _days("FREQ=MONTHLY;INTERVAL=3", datetime(2027, 1, 31, 10), 5) == [
        "2027-01-31",
        "2027-04-30",
        "2027-07-31",
        "2027-10-31",
        "2028-01-31",
    ]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (31, ["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31"]),
        (30, ["2027-01-30", "2027-02-28", "2027-03-30", "2027-04-30", "2027-05-30"]),
        (29, ["2027-01-29", "2027-02-28", "2027-03-29", "2027-04-29", "2027-05-29"]),
        (28, ["2027-01-28", "2027-02-28", "2027-03-28", "2027-04-28", "2027-05-28"]),
    ],
)
def test_every_month_from_a_late_day_keeps_every_month(day: int, expected: list[str]) -> None:
    assert _days("FREQ=MONTHLY", datetime(2027, 1, day, 10), 5) == expected


def test_every_year_from_29_february_is_28_february_in_other_years() -> None:
    assert _days("FREQ=YEARLY", datetime(2028, 2, 29, 9), 5) == [
        "2028-02-29",
        "2029-02-28",
        "2030-02-28",
        "2031-02-28",
        "2032-02-29",
    ]


def test_leap_february_from_the_31st_is_the_29th() -> None:
    assert _days("FREQ=MONTHLY", datetime(2028, 1, 31, 9), 2) == ["2028-01-31", "2028-02-29"]


@pytest.mark.parametrize(
    ("rule", "first"),
    [
        ("FREQ=MONTHLY;INTERVAL=3;COUNT=6", datetime(2027, 1, 31, 10)),
        ("FREQ=MONTHLY", datetime(2027, 1, 30, 10)),
        ("FREQ=YEARLY;UNTIL=20400101", datetime(2028, 2, 29, 9)),
    ],
)
def test_the_rule_as_run_is_what_rfc_5545_readers_compute(rule: str, first: datetime) -> None:
    """A calendar that imports the exported rule reads the same days (dateutil as the reader)."""
    reader = list(du.rrulestr(as_run(rule, first), dtstart=first))[:12]
    ours = [o.local for o in occurrences(rule, first, "UTC", after=EARLY, count=12)]
    assert reader == ours


def test_a_rule_that_chooses_its_days_is_run_as_written() -> None:
    assert (
        as_run("FREQ=MONTHLY;BYMONTHDAY=31", datetime(2027, 1, 31)) == "FREQ=MONTHLY;BYMONTHDAY=31"
    )
    assert as_run("FREQ=MONTHLY;BYDAY=-1FR", datetime(2027, 1, 29)) == "FREQ=MONTHLY;BYDAY=-1FR"
    assert as_run("FREQ=WEEKLY", datetime(2027, 1, 31)) == "FREQ=WEEKLY"
    assert as_run("FREQ=MONTHLY", datetime(2027, 1, 15)) == "FREQ=MONTHLY"
