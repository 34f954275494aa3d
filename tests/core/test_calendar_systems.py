from __future__ import annotations

from datetime import date, timedelta

import pytest

from accountdesk.core import calendars as c


@pytest.mark.parametrize(
    ("g", "j"),
    [
        (date(2027, 3, 21), (1406, 1, 1)),
        (date(2026, 3, 21), (1405, 1, 1)),
        (date(2025, 3, 21), (1404, 1, 1)),
        (date(2024, 3, 20), (1403, 1, 1)),
        (date(2025, 3, 20), (1403, 12, 30)),  # 1403 is a leap year
        (date(1979, 2, 11), (1357, 11, 22)),
        (date(2000, 1, 1), (1378, 10, 11)),
        (date(2026, 9, 22), (1405, 6, 31)),
        (date(2026, 9, 23), (1405, 7, 1)),
    ],
)
def test_known_dates(g: date, j: tuple[int, int, int]) -> None:
    assert c.gregorian_to_jalali(g) == j
    assert c.jalali_to_gregorian(*j) == g


def test_round_trip_every_day_for_a_century() -> None:
    d = date(1950, 1, 1)
    previous = c.gregorian_to_jalali(d - timedelta(days=1))
    while d < date(2060, 1, 1):
        j = c.gregorian_to_jalali(d)
        assert c.jalali_to_gregorian(*j) == d
        assert j > previous
        previous = j
        d += timedelta(days=1)


def test_leap_years_and_invalid() -> None:
    assert c.is_jalali_leap(1403) and not c.is_jalali_leap(1404)
    with pytest.raises(ValueError):
        c.jalali_to_gregorian(1404, 12, 30)
    with pytest.raises(ValueError):
        c.format_report_date(date(2027, 1, 1), "en", "mayan")


def test_format_report_date() -> None:
    assert c.format_report_date(date(2027, 3, 21), "fa") == "۱ فروردین ۱۴۰۶"
    assert c.format_report_date(date(2027, 3, 21), "fa", style="short") == "۱۴۰۶/۰۱/۰۱"
    assert "2570" in c.format_report_date(date(2027, 3, 21), "th")
    assert "2027" not in c.format_report_date(date(2027, 3, 21), "th")
    assert "2027" in c.format_report_date(date(2027, 3, 21), "th", c.GREGORIAN)
    assert c.buddhist_year(date(2027, 1, 1)) == 2570
    assert c.format_report_date(date(2027, 3, 21), "en") == "Mar 21, 2027"
    assert "2027" in c.format_report_date(date(2027, 3, 21), "lv")
    assert "۲۰۲۷" in c.format_report_date(date(2027, 3, 21), "fa", c.GREGORIAN)
