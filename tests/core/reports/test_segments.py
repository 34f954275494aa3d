"""A tier is one segment whatever its case: "Gold", as other products' exports write it, and
the demo's "gold" were two rows of a Persian portfolio's "By segment" table (طلایی and Gold),
and a Persian account report named the segment "Gold" in English."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from reportlab.platypus import Table

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account
from accountdesk.core.metrics import Period
from accountdesk.core.money import RateBook
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.data import Scope, check_scope
from accountdesk.core.reports.textlayout import TextBlock

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
YEAR = Period(date(2025, 12, 1), date(2026, 11, 30))


def _rows_under(story: list[object], heading: str) -> list[list[str]]:
    """The rows of the table under ``heading`` (in reading order, without its header)."""
    at = next(
        i for i, f in enumerate(story) if isinstance(f, d.Heading) and plain(f.text) == heading
    )
    table = story[at + 1]
    assert isinstance(table, Table)
    rows = [[plain(c.text) for c in row if isinstance(c, TextBlock)] for row in table._cellvalues]
    return rows[1:]


@pytest.mark.parametrize("lang", ["en", "fa", "th"])
def test_the_segment_breakdown_has_one_row_a_tier(db: Database, lang: str) -> None:
    with db.transaction() as s:
        for name, tier in (("A", "gold"), ("B", "Gold"), ("C", "GOLD"), ("D", "silver"),
                           ("E", "Silver"), ("F", "Platinum"), ("G", "platinum")):  # fmt: skip
            s.add(Account(name=name, country="LV", tier=tier, customer_since=date(2024, 1, 1)))
    ctx = d._context(lang, NOW, "UTC")
    with i18n.use_language(lang):
        scope = check_scope(db, Scope(segment="gold"))
        story, _title = d._portfolio_story(db, ctx, YEAR, Scope(), RateBook("EUR", YEAR.end))
        chosen, _title = d._portfolio_story(db, ctx, YEAR, scope, RateBook("EUR", YEAR.end))
        heading = i18n._("By segment")
        gold, silver = i18n._("Gold"), i18n._("Silver")
        three, two = i18n.format_number(3), i18n.format_number(2)
    rows = _rows_under(story, heading)
    if ctx.rtl:
        rows = [row[::-1] for row in rows]  # the columns are mirrored
    counts = {row[0]: row[1] for row in rows}
    assert counts == {gold: three, silver: two, "Platinum": two}, counts
    only = [row[::-1] if ctx.rtl else row for row in _rows_under(chosen, heading)]
    assert [(row[0], row[1]) for row in only] == [(gold, three)]
