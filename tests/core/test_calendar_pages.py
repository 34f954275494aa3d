"""Months and years of the user's calendar (core/calendars.py): what the date fields' month
view pages through and what the Countries screen's year selects."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accountdesk.core import calendars as c


@pytest.mark.parametrize(
    ("calendar", "day", "first", "last"),
    [
        (c.PERSIAN, date(2026, 4, 1), date(2026, 3, 21), date(2026, 4, 20)),  # Farvardin 1405
        (c.PERSIAN, date(2025, 3, 20), date(2025, 2, 19), date(2025, 3, 20)),  # Esfand 1403: 30
        (c.PERSIAN, date(2026, 3, 20), date(2026, 2, 20), date(2026, 3, 20)),  # Esfand 1404: 29
        (c.PERSIAN, date(2026, 10, 1), date(2026, 9, 23), date(2026, 10, 22)),  # Mehr: 30 days
        (c.BUDDHIST, date(2028, 2, 10), date(2028, 2, 1), date(2028, 2, 29)),
        (c.GREGORIAN, date(2026, 12, 31), date(2026, 12, 1), date(2026, 12, 31)),
    ],
)
def test_month_span(calendar: str, day: date, first: date, last: date) -> None:
    assert c.month_span(day, calendar) == (first, last)


def test_add_months_crosses_years_both_ways() -> None:
    esfand_1404 = date(2026, 3, 1)
    assert c.add_months(esfand_1404, 1, c.PERSIAN) == date(2026, 3, 21)  # 1 Farvardin 1405
    assert c.add_months(date(2026, 3, 21), -1, c.PERSIAN) == date(2026, 2, 20)  # 1 Esfand 1404
    assert c.add_months(date(2026, 4, 5), 12, c.PERSIAN) == date(2027, 3, 21)  # Farvardin 1406
    assert c.add_months(date(2026, 1, 15), -13, c.BUDDHIST) == date(2024, 12, 1)
    assert c.add_months(date(2026, 11, 30), 2, c.GREGORIAN) == date(2027, 1, 1)


def test_years_of_each_calendar() -> None:
    assert c.year_of(date(2026, 3, 20), c.PERSIAN) == 1404
    assert c.year_of(date(2026, 3, 21), c.PERSIAN) == 1405
    assert c.year_of(date(2026, 1, 1), c.BUDDHIST) == 2569
    assert c.year_of(date(2026, 1, 1), c.GREGORIAN) == 2026
    assert c.year_span(1405, c.PERSIAN) == (date(2026, 3, 21), date(2027, 3, 20))
    assert c.year_span(1403, c.PERSIAN) == (date(2024, 3, 20), date(2025, 3, 20))  # leap
    assert c.year_span(2569, c.BUDDHIST) == (date(2026, 1, 1), date(2026, 12, 31))
    assert c.year_span(2026, c.GREGORIAN) == (date(2026, 1, 1), date(2026, 12, 31))


@given(
    day=st.dates(min_value=date(1925, 1, 1), max_value=date(2120, 12, 31)),
    calendar=st.sampled_from(c.CALENDARS),
)
def test_months_and_years_tile_the_days(day: date, calendar: str) -> None:
    first, last = c.month_span(day, calendar)
    assert first <= day <= last
    assert 28 <= (last - first).days + 1 <= 31
    assert c.month_span(last + timedelta(days=1), calendar)[0] == last + timedelta(days=1)
    assert c.add_months(c.add_months(day, 7, calendar), -7, calendar) == first
    start, end = c.year_span(c.year_of(day, calendar), calendar)
    assert start <= day <= end
    assert c.year_of(start - timedelta(days=1), calendar) == c.year_of(day, calendar) - 1
    if calendar == c.PERSIAN:  # a Solar Hijri month starts on its day 1
        assert c.gregorian_to_jalali(first)[2] == 1
