"""Dates near now, as Today lists them: without the year when it is this year's (of the
calendar they are written in), with it otherwise."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from accountdesk.core import i18n

NOW = datetime(2026, 11, 30, 11, 45, tzinfo=UTC)


@pytest.mark.parametrize(
    ("lang", "near", "whole"),
    [
        ("en", "25 Nov, 11:00", "25 Nov 2026, 11:00"),
        ("lv", "25. nov. 11:00", "2026. gada 25. nov. 11:00"),
        ("sl", "25. nov., 11:00", "25. nov. 2026, 11:00"),
        ("tr", "25 Kas 11:00", "25 Kas 2026 11:00"),
        ("th", "25 พ.ย. 11:00", "25 พ.ย. 2569 11:00"),
        ("fa", "۴ آذر،\u200f ۱۱:۰۰", "۴ آذر ۱۴۰۵،\u200f ۱۱:۰۰"),
    ],
)
def test_a_date_of_this_year_leaves_its_year_out(lang: str, near: str, whole: str) -> None:
    due = datetime(2026, 11, 25, 11, 0, tzinfo=UTC)
    with i18n.use_language(lang):
        assert i18n.format_when_near(due, UTC, NOW) == near
        assert i18n.format_when(due, UTC) == whole  # what it shortens


@pytest.mark.parametrize("lang", ["en", "lv", "sl", "tr", "th", "fa"])
def test_a_date_of_another_year_keeps_it(lang: str) -> None:
    last_year = datetime(2025, 12, 25, 11, 0, tzinfo=UTC)
    with i18n.use_language(lang):
        assert i18n.format_when_near(last_year, UTC, NOW) == i18n.format_when(last_year, UTC)
        # (2 April 2027 is in 1406 in Persian; 2 January would still be in 1405)
        assert i18n.format_day_near(date(2027, 4, 2), NOW.date()) == i18n.format_date(
            date(2027, 4, 2), "medium"
        )


def test_the_year_is_the_calendars_own() -> None:
    """In Persian, 15 March 2026 is in 1404 and 25 March in 1405 (Nowruz is on the 21st): the
    first keeps its year on 30 November 2026 (9 Azar 1405), the second does not."""
    with i18n.use_language("fa"):
        before = i18n.format_when_near(datetime(2026, 3, 15, 11, 0, tzinfo=UTC), UTC, NOW)
        after = i18n.format_when_near(datetime(2026, 3, 25, 11, 0, tzinfo=UTC), UTC, NOW)
        assert "۱۴۰۴" in before
        assert "۱۴۰" not in after
        assert "۱۴۰۶" in i18n.format_day_near(date(2027, 3, 25), date(2027, 3, 18))
        assert "۱۴۰" not in i18n.format_day_near(date(2027, 3, 18), date(2027, 3, 10))


def test_the_year_is_seen_in_the_zone_the_date_is_shown_in() -> None:
    """At 20:00 UTC on 31 December it is already 1 January in Bangkok: a follow-up due at 09:00
    there that day is this year's there, one due at 17:00 there on 31 December is last year's
    (it keeps its year), and the same moment seen in UTC is still this year's."""
    now = datetime(2026, 12, 31, 20, 0, tzinfo=UTC)  # 1 January 2027, 03:00 in Bangkok
    bangkok = ZoneInfo("Asia/Bangkok")
    with i18n.use_language("en"):
        assert i18n.format_when_near(datetime(2027, 1, 1, 2, 0, tzinfo=UTC), bangkok, now) == (
            "1 Jan, 09:00"
        )
        assert i18n.format_when_near(datetime(2026, 12, 31, 10, 0, tzinfo=UTC), bangkok, now) == (
            "31 Dec 2026, 17:00"
        )
        assert i18n.format_when_near(datetime(2026, 12, 31, 10, 0, tzinfo=UTC), UTC, now) == (
            "31 Dec, 10:00"
        )
