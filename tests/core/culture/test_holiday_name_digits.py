"""A holiday's name in the UI language is written in its digits: the Persian window says
"قیام ۱۵ خرداد" (the holidays package spells it "قیام 15 خرداد")."""

from __future__ import annotations

from datetime import date

from accountdesk.core.culture.calendar import holiday_on, holidays_for_year


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
