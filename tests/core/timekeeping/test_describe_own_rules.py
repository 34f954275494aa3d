"""Every rule the app writes is described in words: an exported follow-up "every 3 months
from the 29th" came back from its .ics file as ``BYMONTHDAY=28,29;BYSETPOS=-1``, and the
Repeats column showed that raw rule, Latin code in a Persian window too."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from accountdesk.core.timekeeping.recurrence import (
    RRULE_PRESETS,
    as_run,
    describe_rrule,
    series_at,
)


def _raw(description: str) -> bool:
    return "FREQ=" in description or "BY" in description


@pytest.mark.parametrize("rule", [item.rule for item in RRULE_PRESETS])
def test_every_preset_from_every_day_of_the_year_is_described_as_run_and_exported(
    rule: str,
) -> None:
    day = datetime(2028, 1, 1, 10)
    while day.year == 2028:  # a leap year: 29 February too
        run = as_run(rule, day)
        assert not _raw(describe_rrule(run)), (run, describe_rrule(run))
        counted = series_at(f"{rule};COUNT=5", day, day, "Europe/Riga").rule
        assert not _raw(describe_rrule(counted)), (counted, describe_rrule(counted))
        day += timedelta(days=1)


def test_month_ends_as_the_app_runs_them() -> None:
    assert describe_rrule("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=28,29;BYSETPOS=-1") == (
        "Every 3 months on day 29, or on the last day of a shorter month"
    )
    assert describe_rrule("FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1") == (
        "Every month on day 30, or on the last day of a shorter month"
    )
    assert describe_rrule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1") == (
        "Every year on 29 Feb, or on 28 Feb in other years"
    )
    assert describe_rrule("FREQ=YEARLY;INTERVAL=4;COUNT=3;BYMONTH=2;BYMONTHDAY=-1") == (
        "Every 4 years on 29 Feb, or on 28 Feb in other years, 3 times"
    )


def test_other_sets_of_days_are_not_taken_for_a_month_end() -> None:
    """Only the app's own spelling is the day "or the last day of a shorter month"."""
    for rule in (
        "FREQ=MONTHLY;BYMONTHDAY=27,29;BYSETPOS=-1",
        "FREQ=MONTHLY;BYMONTHDAY=28,29;BYSETPOS=1",
        "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
    ):
        assert describe_rrule(rule) == rule


def test_hourly_rules() -> None:
    assert describe_rrule("FREQ=HOURLY") == "Every hour"
    assert describe_rrule("FREQ=HOURLY;INTERVAL=3;COUNT=4") == "Every 3 hours, 4 times"
