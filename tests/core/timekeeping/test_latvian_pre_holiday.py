"""Latvia's working day before a public holiday is an hour shorter (Darba likums, section
135): 17 November 2026, the day before Proclamation Day, ends at 16:00, not 17:00; the
status says why. A day before a working day, or a Friday before a Monday holiday, is whole."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.culture.calendar import short_day_on
from accountdesk.core.timekeeping.workhours import (
    WorkingHours,
    status_text,
    work_status,
    working_day,
)

RIGA = "Europe/Riga"


def _end(day: date, hours: WorkingHours | None = None) -> time | None:
    week = hours or WorkingHours.for_country("LV")
    found = working_day(day, RIGA, week, "LV", None, lang="en").window
    return None if found is None else found[1].time()


@pytest.mark.parametrize(
    ("day", "end"),
    [
        (date(2026, 11, 17), time(16, 0)),  # before Proclamation Day (Wednesday the 18th)
        (date(2026, 11, 16), time(17, 0)),  # two days before: a whole day
        (date(2026, 12, 23), time(16, 0)),  # before Christmas Eve, a public holiday there
        (date(2026, 4, 2), time(16, 0)),  # before Good Friday
        (date(2026, 11, 18), None),  # the holiday itself
    ],
)
def test_the_day_before_a_holiday_ends_an_hour_early(day: date, end: time | None) -> None:
    assert _end(day) == end


def test_a_contacts_own_hours_are_shortened_too() -> None:
    assert _end(date(2026, 11, 17), WorkingHours(time(10), time(19))) == time(18)


def test_a_friday_before_a_monday_holiday_is_whole() -> None:
    # Proclamation Day 2029 is a Sunday, its day off Monday the 19th: Friday the 16th is whole
    assert _end(date(2029, 11, 19)) is None
    assert _end(date(2029, 11, 16)) == time(17, 0)


def test_the_status_says_why() -> None:
    at = datetime(2026, 11, 17, 16, 30, tzinfo=ZoneInfo(RIGA))
    status = work_status(at, RIGA, "LV", None, lang="en")
    assert not status.working
    assert plain(status_text(status)) == (
        "Off hours: Day before Republic of Latvia Proclamation Day, work ends at 16:00"
    )
    assert short_day_on("EE", None, date(2026, 11, 17), "en") is None  # Latvia's rule only


def test_the_country_profile_lists_the_day_the_rule_shortens() -> None:
    """The profile read its own list of shorter days (Iran's Thursday, Ramadan) and had none
    for Latvia, while the working-time rule ended 17 November 2026 at 16:00: the Countries
    screen and ``accountdesk country LV`` said nothing of it."""
    from accountdesk.core.culture.profile import country_profile, render_country_text

    day = working_day(date(2026, 11, 17), RIGA, WorkingHours.for_country("LV"), "LV", None)
    assert day.window is not None
    start, end = (at.time() for at in day.window)
    assert country_profile("LV", "en").shorter_days == [("Day before a public holiday", start, end)]
    assert "Shorter days: Day before a public holiday 08:30–16:00" in render_country_text(
        "LV", 2026, "en"
    )
