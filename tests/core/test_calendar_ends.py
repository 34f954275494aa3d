"""Dates at the ends of what a calendar can write: every date Python has (years 1 to 9999) is
written in every language. Solar Hijri covers the years 1 … 3177 (Gregorian 622 … March 3799);
a day outside is written in the Gregorian calendar with the language's digits, so that
``accountdesk --lang fa country LV --year 9999`` (and years 1, 2, 3799 …) showed the profile
instead of "unexpected error (ValueError: Jalali year 9378 is out of range)". The Buddhist era
writes every year (544 … 10542)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accountdesk.core import calendars as c
from accountdesk.core import i18n
from accountdesk.core.culture.profile import render_country_text

_DAY = timedelta(days=1)
_PERSIAN_DIGITS = set("۰۱۲۳۴۵۶۷۸۹")


def _persian(fn: object, *args: object) -> str:
    with i18n.use_language("fa"):
        return fn(*args)  # type: ignore[operator,no-any-return]


def test_the_solar_hijri_range_is_year_1_to_3177() -> None:
    assert date(622, 3, 22) == c.PERSIAN_FIRST
    assert c.gregorian_to_jalali(c.PERSIAN_FIRST) == (1, 1, 1)
    assert c.gregorian_to_jalali(c.PERSIAN_LAST) == (3177, 12, 29)
    assert date(3799, 3, 19) == c.PERSIAN_LAST
    # the days of the last year that fall in the Gregorian 3799 (they raised before)
    assert c.gregorian_to_jalali(date(3799, 1, 1)) == (3177, 10, 12)
    assert c.jalali_to_gregorian(3177, 10, 12) == date(3799, 1, 1)
    with pytest.raises(ValueError):
        c.gregorian_to_jalali(c.PERSIAN_LAST + _DAY)


@given(st.dates(min_value=date(622, 3, 22), max_value=date(3799, 3, 19)))
def test_every_solar_hijri_day_round_trips(day: date) -> None:
    jy, jm, jd = c.gregorian_to_jalali(day)
    assert c.jalali_to_gregorian(jy, jm, jd) == day
    following = c.gregorian_to_jalali(day + _DAY) if day < c.PERSIAN_LAST else None
    if following is not None:
        assert following in {(jy, jm, jd + 1), (jy, jm + 1, 1), (jy + 1, 1, 1)}


@pytest.mark.parametrize(
    ("day", "calendar"),
    [
        (date(1, 1, 1), c.GREGORIAN),
        (date(622, 3, 21), c.GREGORIAN),
        (date(622, 3, 22), c.PERSIAN),
        (date(3799, 3, 19), c.PERSIAN),
        (date(3799, 3, 20), c.GREGORIAN),
        (date(9999, 12, 31), c.GREGORIAN),
    ],
)
def test_persian_dates_at_the_ends(day: date, calendar: str) -> None:
    assert c.written_in(day, c.PERSIAN) == calendar
    assert c.written_in(day, c.BUDDHIST) == c.BUDDHIST
    shown = _persian(i18n.format_date, day)
    assert shown == _persian(lambda d: i18n.format_date(d, calendar=calendar), day)
    assert not any(ch.isascii() and ch.isdigit() for ch in shown)  # Persian digits always
    assert ("فروردین" in shown or "اسفند" in shown) == (calendar == c.PERSIAN)
    if calendar == c.GREGORIAN:
        assert i18n.native_digits(str(day.year), "fa") in shown
    moment = datetime(day.year, day.month, day.day, 10, 0, tzinfo=UTC)
    when = _persian(i18n.format_when, moment, UTC)
    assert when.startswith(shown) and when.endswith("۱۰:۰۰")
    assert _persian(i18n.format_date, day, "short")
    assert (
        i18n.ascii_digits(_persian(i18n.format_date_input, day))
        .lstrip("0")
        .startswith(str(c.year_of(day, c.PERSIAN)))
    )
    quarter = _persian(i18n.format_quarter, day)
    assert i18n.native_digits(str(c.year_of(day, c.PERSIAN)), "fa") in quarter


def test_the_last_days_of_the_table_are_solar_hijri_the_next_gregorian() -> None:
    assert _persian(i18n.format_date, date(3799, 3, 19)) == "۲۹ اسفند ۳۱۷۷"
    assert _persian(i18n.format_date, date(9999, 12, 31)) == "۳۱ دسامبر ۹۹۹۹"
    assert _persian(i18n.format_date_input, date(9999, 12, 31)) == "۹۹۹۹-۱۲-۳۱"
    # what the field shows is read back as the same day
    with i18n.use_language("fa"):
        assert i18n.parse_date_input("۹۹۹۹-۱۲-۳۱") == date(9999, 12, 31)


@pytest.mark.parametrize(
    "day",
    [date(1, 1, 1), date(3799, 1, 1), date(3799, 3, 19), date(3799, 3, 20), date(9999, 12, 31)],
)
def test_a_day_is_in_the_span_of_its_year(day: date) -> None:
    """year_of and year_span agree in Persian where the profile names its year by them."""
    year = c.year_of(day, c.PERSIAN)
    if day >= c.PERSIAN_FIRST:
        first, last = c.year_span(year, c.PERSIAN)
        assert first <= day <= last
    assert year == (day.year if c.written_in(day, c.PERSIAN) == c.GREGORIAN else 3177)


@pytest.mark.parametrize("year", [1, 2, 3000, 3799, 3800, 9999])
def test_country_profile_in_persian_for_any_year(year: int) -> None:
    text = render_country_text("LV", year, "fa")
    heading = f"تعطیلات سال {i18n.native_digits(str(year), 'fa')}"
    # the year alone where it is written so, else said to be Gregorian with the Solar Hijri
    # years it spans ("۳۰۰۰ میلادی (۲۳۷۸–۲۳۷۹)")
    assert any(
        line == heading or line.startswith(heading + " میلادی (") for line in text.splitlines()
    ), text
    assert "۲۴ ژوئن" in text or "تیر" in text  # Jāņi, in the calendar it is written in


@pytest.mark.parametrize(("day", "year"), [(date(1, 1, 1), "544"), (date(9999, 12, 31), "10542")])
def test_thai_writes_every_year_in_the_buddhist_era(day: date, year: str) -> None:
    with i18n.use_language("th"):
        assert i18n.format_date(day).endswith(" " + year)
        assert i18n.format_date_input(day).endswith("/" + year.zfill(4))
        assert year in i18n.format_quarter(day)
    assert c.year_of(day, c.BUDDHIST) == int(year)
    text = render_country_text("LV", day.year, "th")
    assert any(line.endswith(year) and "ปี" in line for line in text.splitlines())
