"""Today's "Holidays and seasons, next 7 days" takes each country's holidays as of the day it is
there, on its contacts' clocks, as the contact's panel does. It took them from the user's
day: a user in Auckland on Tuesday morning did not see the Memorial Day Texas still had, and
one in Los Angeles on Tuesday evening saw Japan's Shōwa Day (already Wednesday there) as
tomorrow's."""

from __future__ import annotations

from datetime import UTC, date, datetime

from accountdesk.core.culture.panel import local_days, today_block

PLACES = [("US", "TX", "America/Chicago"), ("JP", None, "Asia/Tokyo"), ("LV", None, "Europe/Riga")]


def _block(now: datetime) -> list[tuple[str, str, date, bool]]:
    pairs = [(cc, sub) for cc, sub, _zone in PLACES]
    items = today_block(pairs, local_days(PLACES, now), 7, "en")
    return [(i.country, i.name, i.start, i.is_today) for i in items if i.kind == "holiday"]


def test_a_holiday_still_on_there_is_todays() -> None:
    # 09:00 on Tuesday 26 May 2026 in Auckland: 16:00 on Monday, Memorial Day, in Texas
    now = datetime(2026, 5, 25, 21, 0, tzinfo=UTC)
    assert local_days(PLACES, now)[("US", "TX")] == date(2026, 5, 25)
    assert ("US", "Memorial Day", date(2026, 5, 25), True) in _block(now)


def test_a_holiday_begun_there_is_todays() -> None:
    # 18:00 on Tuesday 28 April 2026 in Los Angeles: 10:00 on Wednesday, Shōwa Day, in Tokyo
    now = datetime(2026, 4, 29, 1, 0, tzinfo=UTC)
    found = _block(now)
    assert found[0] == ("JP", "Showa Day", date(2026, 4, 29), True), found


def test_the_earliest_clock_of_a_place_is_its_day() -> None:
    places = [("US", None, "America/New_York"), ("US", None, "America/Los_Angeles")]
    now = datetime(2026, 5, 26, 5, 0, tzinfo=UTC)  # 01:00 in New York, 22:00 in Los Angeles
    assert local_days(places, now) == {("US", None): date(2026, 5, 25)}
