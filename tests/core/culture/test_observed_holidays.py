"""The holidays a business observes: every category the holidays package has but the school
breaks alone (``Holiday.for_pupils_only``), in one function that the panel, Today and the
reports call (review of 5d7011c: only the panel left them out)."""

from __future__ import annotations

from datetime import date

from accountdesk.core.culture import calendar


def test_school_breaks_alone_are_left_out_and_every_other_holiday_stays() -> None:
    start, end = date(2026, 7, 1), date(2026, 12, 31)
    every = calendar.holidays_between("DE", "BY", start, end, "en")
    observed = calendar.observed_between("DE", "BY", start, end, "en")
    assert [h for h in every if h.for_pupils_only]  # Summer Break, Christmas Break …
    assert observed == [h for h in every if not h.for_pupils_only]
    assert not [h for h in observed if h.for_pupils_only]
    assert date(2026, 8, 15) in [h.date for h in observed]  # Assumption Day
    # a holiday that is also a school day off stays, with both categories
    christmas = [h for h in observed if h.date == date(2026, 12, 25)]
    assert christmas and all(calendar.PUBLIC in h.categories for h in christmas)
    # other categories than public stay too (Thailand's working-day observances)
    thai = calendar.observed_between("TH", None, date(2027, 1, 13), date(2027, 1, 18), "en")
    assert [h.name for h in thai] == [
        "National Aviation Day",
        "National Forest Conservation Day",
        "HM King Ramkhamhaeng Memorial Day",
        "Royal Thai Armed Forces Day",
    ]  # Teacher's Day (16 January, school only) is left out
