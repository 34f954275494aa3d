"""The reach-out panel lists a contact's holidays, not their children's: Bavaria's six-week
"Summer Break" (the holidays package's school category) filled it with forty lines in July
2026 and said "Today: Summer Break" for a contact at work; Assumption Day (15 August, a
holiday there) sat behind "and 40 more"."""

from __future__ import annotations

from datetime import UTC, date, datetime

from accountdesk.core.culture import calendar
from accountdesk.core.culture.panel import reach_out_summary


def _summary(at: datetime):  # type: ignore[no-untyped-def]
    return reach_out_summary(
        country="DE",
        subdivision="BY",
        zone="Europe/Berlin",
        user_zone="Europe/Riga",
        now=at,
        lang="en",
    )


def test_school_breaks_are_not_the_contacts_holidays() -> None:
    breaks = [
        h
        for h in calendar.holidays_between("DE", "BY", date(2026, 8, 3), date(2026, 9, 14), "en")
        if h.for_pupils_only
    ]
    assert len(breaks) > 30  # the package has them: the test would pass for nothing otherwise
    summary = _summary(datetime(2026, 8, 10, 8, tzinfo=UTC))
    assert summary.status.working
    assert summary.holidays_today == []
    assert all(not h.for_pupils_only for h in summary.upcoming_holidays)
    assert summary.upcoming_holidays[0].date == date(2026, 8, 15)  # Assumption Day first
    assert calendar.SCHOOL not in summary.upcoming_holidays[0].categories


def test_a_holiday_that_is_also_a_school_day_off_stays() -> None:
    summary = _summary(datetime(2026, 12, 20, 8, tzinfo=UTC))
    christmas = [h for h in summary.upcoming_holidays if h.date == date(2026, 12, 25)]
    assert christmas and all(calendar.PUBLIC in h.categories for h in christmas)
