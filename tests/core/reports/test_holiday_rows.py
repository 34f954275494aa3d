"""A day with several holidays is one row of a report's holiday table, naming them all.

Thailand keeps King Bhumibol's birthday, National Day and Father's Day on 5 December (and
their substitute day on the 7th in 2026): the Thai account report listed "5 ธ.ค. 2569 ไทย"
three times, and the substitute day three times more.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from accountdesk.core import i18n
from accountdesk.core.culture.calendar import observed_between
from accountdesk.core.reports.documents import _context, _holiday_rows

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)


@pytest.mark.parametrize("lang", ["th", "en", "fa"])
def test_one_row_per_day_and_country_with_every_name(lang: str) -> None:
    ctx = _context(lang, NOW, "UTC")
    start, end = date(2026, 12, 1), date(2026, 12, 10)
    with i18n.use_language(lang):
        rows = _holiday_rows(ctx, [("TH", None)], start, end)
        found = observed_between("TH", None, start, end, lang)
    days = sorted({h.date for h in found})
    assert len(found) > len(days)  # the premise: several holidays share a day
    assert [row[0] for row in rows] == [ctx.date(d) for d in days]
    for day, row in zip(days, rows, strict=True):
        for h in found:
            if h.date == day:
                assert h.name in str(row[2]), (h.name, row)


def test_the_same_holiday_of_two_regions_is_listed_once() -> None:
    ctx = _context("en", NOW, "UTC")
    start, end = date(2026, 12, 1), date(2026, 12, 10)
    rows = _holiday_rows(ctx, [("TH", None), ("TH", None)], start, end)
    assert len(rows) == len({row[0] for row in rows})
