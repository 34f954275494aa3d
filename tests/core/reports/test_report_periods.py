"""The periods a report compares: the previous period in the report's calendar (a Persian
report's year and quarters are Solar Hijri), and the period an account report covers."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import open_database
from accountdesk.core.metrics import Period
from accountdesk.core.money import RateBook
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.data import Scope
from accountdesk.core.reports.textlayout import TextBlock

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def _texts(story: list[object]) -> list[str]:
    return [plain(f.text) for f in story if isinstance(f, TextBlock)]


@pytest.mark.parametrize(
    ("lang", "days", "before"),
    [
        # Solar Hijri 1404 beside 1403 (a leap year from 1 Farvardin, 2024-03-20)
        ("fa", (date(2025, 3, 21), date(2026, 3, 20)), (date(2024, 3, 20), date(2025, 3, 20))),
        # Q1 1405 beside Q4 1404 (1 Dey – 29 Esfand)
        ("fa", (date(2026, 3, 21), date(2026, 6, 21)), (date(2025, 12, 22), date(2026, 3, 20))),
        ("en", (date(2026, 1, 1), date(2026, 3, 31)), (date(2025, 10, 1), date(2025, 12, 31))),
    ],
)
def test_the_portfolio_compares_the_period_before_in_its_calendar(
    tmp_path: Path, lang: str, days: tuple[date, date], before: tuple[date, date]
) -> None:
    period, previous = Period(*days), Period(*before)
    db = open_database(tmp_path / "p.db")
    ctx = d._context(lang, NOW, "UTC")
    with i18n.use_language(lang):
        story, _title = d._portfolio_story(db, ctx, period, Scope(), RateBook("EUR", period.end))
        start, end = plain(ctx.date(previous.start)), plain(ctx.date(previous.end))
    db.close()
    notes = [t for t in _texts(story) if start in t and end in t]
    assert notes, (start, end, _texts(story)[:6])
