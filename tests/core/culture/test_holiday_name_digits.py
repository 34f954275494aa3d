"""A holiday's name in the UI language is written in its digits: the Persian window says
"قیام ۱۵ خرداد" (the holidays package spells it "قیام 15 خرداد")."""

from __future__ import annotations

from datetime import date

import pytest

from accountdesk.core import i18n
from accountdesk.core.culture.calendar import holiday_on, holidays_for_year
from accountdesk.core.i18n import native_digits


def test_a_persian_holiday_name_has_persian_digits() -> None:
    names = [h.name for h in holidays_for_year("IR", None, 2026, "fa")]
    assert "قیام ۱۵ خرداد" in names
    assert not [n for n in names if any("0" <= ch <= "9" for ch in n)]
    found = holiday_on("IR", None, date(2026, 6, 5), "fa")  # the planner's and Today's
    assert found is not None and "۱۵" in found.name


def test_names_in_other_languages_keep_their_digits() -> None:
    assert "15 Khordad Uprising" in [h.name for h in holidays_for_year("IR", None, 2026, "en")]
    # Latvia's day off in place of Saturday 27 June 2026: the date in Latvian, and in Persian
    # in the Solar Hijri calendar and Persian digits (the package's "06/27/2026" in neither)
    lv = [h.name for h in holidays_for_year("LV", None, 2026, "lv")]
    assert any("27.06.2026" in n for n in lv)
    fa = [h.name for h in holidays_for_year("LV", None, 2026, "fa")]
    assert any("۱۴۰۵/۴/۶" in n for n in fa)
    assert not [n for n in fa if any("0" <= ch <= "9" for ch in n)]


@pytest.mark.parametrize("lang", ["en", "lv", "sl", "th", "tr", "fa"])
@pytest.mark.parametrize(
    ("country", "day", "worked"),
    [
        ("LV", date(2025, 5, 2), date(2025, 5, 10)),
        ("RU", date(2025, 5, 8), date(2025, 2, 23)),
        ("CN", date(2025, 10, 8), date(2025, 10, 11)),
        ("TW", date(2025, 1, 27), date(2025, 2, 8)),
        ("VN", date(2025, 5, 2), date(2025, 4, 26)),
    ],
)
def test_a_day_off_names_the_working_day_as_the_language_writes_dates(
    lang: str, country: str, day: date, worked: date
) -> None:
    """The ``holidays`` package names a day off moved from a working day with the date in its
    own format: English said "Day off (substituted from 05/10/2025)", month first. Every
    language writes it as the app writes a date in numbers, except English, whose readers
    write day and month in either order (``iso_date_input``): it names the month, as its
    medium date does."""
    with i18n.use_language(lang):
        shown = i18n.format_date(worked) if lang == "en" else i18n.format_skeleton(worked, "yMd")
        moved = i18n.pgettext("holiday", "Day off (in place of {date})").format(date=shown)
        names = [h.name for h in holidays_for_year(country, None, day.year, lang) if h.date == day]
    assert native_digits(moved, lang) in names, names
    assert not [n for n in names if "substituted" in n], names


def test_the_english_day_off_names_the_month_of_the_worked_day() -> None:
    """Russia's 9 January 2026 is a day off in place of Saturday 3 January: English said
    "in place of 03/01/2026", which a reader of month-first dates takes for 1 March, the form
    a date field refuses as unclear."""
    found = holidays_for_year("RU", None, 2026, "en")
    names = [h.name for h in found if h.date == date(2026, 1, 9)]
    assert "Day off (in place of 3 Jan 2026)" in names, names
    assert not [n for n in names if "/" in n], names
