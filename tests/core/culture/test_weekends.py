"""A country's weekend (the days people there do not work): one table, CLDR's week data with
the project's own corrections (``calendar.WEEKENDS``), for every country the app profiles.

The ``holidays`` package's ``weekend`` is its rule for moving a holiday that falls on one
(Hong Kong's, Venezuela's "Sunday" only), not the days people are off: it is not read for
a country (a region's own weekend, Malaysia's states, still comes from it)."""

from __future__ import annotations

from datetime import date

import pytest
from babel import Locale

from accountdesk.core.culture import calendar as cal
from accountdesk.core.culture.countries import country_codes
from accountdesk.core.culture.profile import country_profile
from accountdesk.core.i18n import use_language

SAT_SUN = frozenset({5, 6})
FRI_SAT = frozenset({4, 5})

#: The chosen table: every country whose weekend is not Saturday–Sunday. A change here (a new
#: CLDR or override) is a decision, made in ``core/culture/calendar.py`` and written down there.
NOT_SATURDAY_SUNDAY: dict[str, frozenset[int]] = {
    "AF": frozenset({3, 4}),  # Thursday–Friday (CLDR)
    "BD": FRI_SAT,  # override: CLDR says Saturday–Sunday
    "BH": FRI_SAT,
    "BN": frozenset({4, 6}),  # override: Friday and Sunday, Saturday is worked
    "DJ": FRI_SAT,  # override: CLDR says Saturday–Sunday
    "DZ": FRI_SAT,
    "EG": FRI_SAT,
    "IL": FRI_SAT,
    "IQ": FRI_SAT,
    "IR": frozenset({4}),  # Friday (Thursday is short: SHORT_WEEKDAYS)
    "JO": FRI_SAT,
    "KW": FRI_SAT,
    "LY": FRI_SAT,
    "MV": FRI_SAT,  # override: CLDR says Saturday–Sunday
    "NP": frozenset({5}),  # override: Saturday only
    "OM": FRI_SAT,
    "PS": FRI_SAT,  # override: CLDR says Saturday–Sunday
    "QA": FRI_SAT,
    "SA": FRI_SAT,
    "SD": FRI_SAT,
    "SO": frozenset({4}),  # override: Friday only, CLDR says Saturday–Sunday
    "SY": FRI_SAT,
    "YE": FRI_SAT,
}


def test_every_country_has_the_chosen_weekend() -> None:
    wrong = {
        cc: sorted(cal.weekend_days(cc))
        for cc in country_codes()
        if cal.weekend_days(cc) != NOT_SATURDAY_SUNDAY.get(cc, SAT_SUN)
    }
    assert wrong == {}


def _cldr(cc: str) -> frozenset[int]:
    loc = Locale.parse(f"und_{cc}")
    days, day = {loc.weekend_start}, loc.weekend_start
    while day != loc.weekend_end:
        day = (day + 1) % 7
        days.add(day)
    return frozenset(days)


def test_an_override_is_one_cldr_does_not_already_give() -> None:
    assert cal.WEEKENDS, "the corrections are in one table"
    for cc, days in cal.WEEKENDS.items():
        if "-" in cc:  # a region's own week: not its country's
            assert days != cal.weekend_days(cc.split("-")[0]), f"{cc}: the country's already"
            continue
        assert days != _cldr(cc), f"{cc}: CLDR already says so; drop the override"


def test_sharjah_government_rests_friday_to_sunday() -> None:
    # Sharjah's own week (WEEKENDS["AE-SH"]); Dubai's is the country's, Saturday–Sunday
    assert cal.weekend_days("AE", "SH") == frozenset({4, 5, 6})
    assert cal.weekend_days("AE", "AE-SH") == frozenset({4, 5, 6})
    assert cal.weekend_days("AE", "DU") == SAT_SUN
    assert cal.weekend_days("AE") == SAT_SUN


@pytest.mark.parametrize(
    ("country", "weekend"),
    [("LY", FRI_SAT), ("HK", SAT_SUN), ("VE", SAT_SUN), ("PY", SAT_SUN), ("AE", SAT_SUN)],
)
def test_the_package_rule_for_moving_holidays_is_not_the_weekend(
    country: str, weekend: frozenset[int]
) -> None:
    assert cal.weekend_days(country) == weekend


def test_a_region_has_its_own_weekend_only_where_it_differs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Kelantan rests Friday–Saturday, Selangor Saturday–Sunday (the holidays package's states)
    assert cal.weekend_days("MY", "03") == FRI_SAT
    assert cal.weekend_days("MY", "MY-10") == SAT_SUN
    # a region without a rule of its own has the country's weekend, whatever the package says
    # of the country: were India's weekend Sunday alone, Maharashtra's would be too
    monkeypatch.setitem(cal.WEEKENDS, "IN", frozenset({6}))
    for cached in (cal._weekend, cal._regional_weekend):
        cached.cache_clear()
    try:
        assert cal.weekend_days("IN", "MH") == frozenset({6})
    finally:
        cal._weekend.cache_clear()
        cal._regional_weekend.cache_clear()


def test_libya_week_and_profile() -> None:
    with use_language("en"):
        assert country_profile("LY").weekend_names == ["Friday", "Saturday"]
        assert country_profile("HK").weekend_names == ["Saturday", "Sunday"]
    # Friday 8 January 2027 in Tripoli is the weekend, Sunday 10 January a working day
    from accountdesk.core.timekeeping.calendars import CultureCalendar
    from accountdesk.core.timekeeping.workhours import WorkingHours, is_working_day

    week = WorkingHours.for_contact("LY", None, None, subdivision=None)
    calendar = CultureCalendar()
    assert not is_working_day(date(2027, 1, 8), week, "LY", None, calendar)
    assert is_working_day(date(2027, 1, 10), week, "LY", None, calendar)
