"""The reach-out summary of a record without a zone: the one its region or country keeps, or
no clock at all where the country keeps several and nothing tells which (an account read
from a file). It showed Lord Howe Island's time for Sydney, Noronha's for São Paulo and
Newfoundland's for Toronto: the first zone ``zone.tab`` lists for the country."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.culture.countries import region_zone_unlike
from accountdesk.core.culture.panel import reach_out_summary

NOW = datetime(2026, 6, 10, 1, 0, tzinfo=UTC)


def test_the_regions_zone_shows_the_time() -> None:
    reach = reach_out_summary(
        country="BR", subdivision="SP", zone=None, user_zone="UTC", now=NOW, lang="en"
    )
    assert reach.zone == "America/Sao_Paulo"
    assert reach.local_now is not None and reach.local_now.hour == 22  # UTC-3, not Noronha's -2
    assert reach.offset_to_user == timedelta(hours=-3)


def test_no_clock_where_nothing_tells_it() -> None:
    reach = reach_out_summary(
        country="AU", subdivision="NSW", zone=None, user_zone="UTC", now=NOW, lang="en"
    )
    assert reach.zone is None and reach.local_now is None and reach.status is None
    assert reach.offset_to_user is None and reach.next_window_start is None
    assert reach.highlights  # the rest of the country's information is there


def test_without_a_clock_today_is_the_countrys_earliest_day() -> None:
    # 03:00 UTC on 26 January 2027: Australia Day in Perth (11:00) and Sydney (14:00)
    at = datetime(2027, 1, 26, 3, 0, tzinfo=UTC)
    reach = reach_out_summary(
        country="AU", subdivision=None, zone=None, user_zone="UTC", now=at, lang="en"
    )
    assert [h.date for h in reach.holidays_today] == [date(2027, 1, 26)]
    # 13:00 UTC on 25 January: the 26th in Sydney already, still the 25th in Perth
    at = datetime(2027, 1, 25, 13, 0, tzinfo=UTC)
    reach = reach_out_summary(
        country="AU", subdivision=None, zone=None, user_zone="UTC", now=at, lang="en"
    )
    assert reach.holidays_today == []
    assert [h.date for h in reach.upcoming_holidays][:1] == [date(2027, 1, 26)]


@pytest.mark.parametrize(
    ("country", "region", "stored", "kept"),
    [
        ("ES", "GC", "Europe/Madrid", "Atlantic/Canary"),  # saved before the islands' fix
        ("PT", "20", "Europe/Lisbon", "Atlantic/Azores"),
        ("EC", "W", "America/Guayaquil", "Pacific/Galapagos"),
        ("NZ", "CIT", "Pacific/Auckland", "Pacific/Chatham"),
        ("ES", "GC", "Atlantic/Canary", None),  # right already
        ("ES", "MD", "Europe/Madrid", None),
        ("ES", None, "Europe/Madrid", None),  # no region: nothing to compare
        ("UA", "30", "Europe/Kiev", None),  # an alias of Kyiv's: the same clock
    ],
)
def test_a_region_that_keeps_another_clock_than_the_stored_one_is_said(
    country: str, region: str | None, stored: str, kept: str | None
) -> None:
    """Records saved in the Canary Islands before they had their own zone hold Madrid's: the
    stored zone is left as it is, and the panel says which the region keeps (review rev12's
    1st, the records it left)."""
    now = datetime(2026, 12, 2, 8, 30, tzinfo=UTC)
    assert region_zone_unlike(country, region, stored, now) == kept
    reach = reach_out_summary(
        country=country, subdivision=region, zone=stored, user_zone="Europe/Berlin", now=now,
        lang="en",
    )  # fmt: skip
    assert reach.zone == stored  # the stored zone's clock, as before
    if kept is None:
        assert reach.zone_note is None
    else:
        assert reach.zone_note is not None
        assert plain(reach.zone_note).endswith(
            f"keeps its own clock, {kept}; the zone saved here is {stored}."
        )
