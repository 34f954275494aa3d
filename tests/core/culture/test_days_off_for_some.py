"""Holidays that are not public but a day off for some there: the reach-out panel and
``accountdesk contact`` name them beside "working time" (Carnival in Brazil, Assumption Day
in Bavaria); observances nobody takes off are not (Valentine's Day, Primož Trubar Day)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from accountdesk.core.culture.calendar import holidays_between
from accountdesk.core.culture.panel import working_sentence
from accountdesk.core.timekeeping.workhours import work_status


@pytest.mark.parametrize(
    ("country", "region", "day", "name", "kept"),
    [
        ("BR", "SP", date(2026, 2, 16), "Carnival", True),  # optional
        ("DE", "BY", date(2028, 8, 15), "Assumption Day", True),  # Catholic
        ("US", "TX", date(2026, 10, 12), "Columbus Day", True),  # government
        ("US", "TX", date(2026, 2, 14), "Valentine's Day", False),  # unofficial
        ("SI", None, date(2026, 6, 8), "Primož Trubar Day", False),  # working day observance
        ("DE", "BY", date(2028, 8, 16), "Summer Break", False),  # school
        ("LV", None, date(2026, 11, 18), None, False),  # public: a day off for everyone
    ],
)
def test_kept_by_some(
    country: str, region: str | None, day: date, name: str | None, kept: bool
) -> None:
    found = holidays_between(country, region, day, day, "en")
    holiday = next(h for h in found if name is None or h.name == name)
    assert holiday.kept_by_some is kept


def test_the_sentence_names_the_day_beside_working_time() -> None:
    at = datetime(2028, 8, 15, 8, 0, tzinfo=UTC)  # Tuesday, 10:00 in Munich
    status = work_status(at, "Europe/Berlin", "DE", "BY", lang="en")
    assert status.working  # the law's working day: the rule counts public holidays only
    today = holidays_between("DE", "BY", date(2028, 8, 15), date(2028, 8, 15), "en")
    assert working_sentence(status) == "It is working time there now."
    said = working_sentence(status, today)
    assert said.startswith("It is officially working time there now, but today is")
    assert "Assumption Day" in said and "Summer Break" not in said
