"""Per-currency subtotals (a total with no exchange rate for one of its currencies) in a Persian
report: every line of a wrapped cell reads right to left, the first amount of the line at the
right, each amount whole and left to right inside (sign and digits together), as copied out.

Reported as laid out left to right line by line (closing-19); a guard over the table cell as
the report draws it, at the widths the portfolio's and account report's columns have."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.money import MoneyTotal, money_text, subtotals_text
from accountdesk.core.reports.documents import CELL, _context
from accountdesk.core.reports.textlayout import layout

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)
AMOUNTS = {
    "EUR": Decimal("620100"),
    "GBP": Decimal("40682"),
    "IRR": Decimal("5281901629"),
    "TRY": Decimal("104475"),
    "USD": Decimal("3400"),
}


def _digits(text: str) -> str:
    return "".join(re.findall("[۰-۹]", text))


@pytest.mark.parametrize("width", [80.0, 100.0, 130.0, 1e9])
def test_each_line_of_persian_subtotals_reads_right_to_left(width: float) -> None:
    ctx = _context("fa", NOW, "UTC")
    total = MoneyTotal(subtotals=dict(AMOUNTS), reporting="EUR", converted=None)
    with i18n.use_language("fa"):
        cell = subtotals_text(total)
        amounts = [plain(money_text(v, c)) for c, v in AMOUNTS.items()]
    lines = layout(ctx.text(cell), width, CELL, ctx.rtl)
    seen: list[str] = []
    for line in lines:
        # the amounts this line holds, in reading order, and where each stands (from the left)
        mine = [a for a in amounts if _digits(a) in _digits(line.logical)]
        shown = _digits(line.visual_text)
        places = [shown.index(_digits(a)) for a in mine]
        assert places == sorted(places, reverse=True), (line.logical, line.visual_text)
        seen += mine
    assert seen == amounts  # every amount once, whole, in order


@pytest.mark.parametrize("lang", ["fa", "en", "lv", "th"])
@pytest.mark.parametrize("width", [90.0, 130.0, 200.0, 1e9])
def test_a_cell_of_subtotals_holds_one_amount_a_line(lang: str, width: float) -> None:
    """A table's cell of subtotals (revenue, the pipeline, a segment's) lists one amount a line
    in the order of the currencies' codes, in both periods alike, so two cells side by side
    read across; wrapped as a list, a line held two short amounts ("40 682,00 £; 138 300,00
    ₹;") and the next one long one (review rev30's 11th)."""
    from accountdesk.core.money import side_by_side

    ctx = _context(lang, NOW, "UTC")
    now = MoneyTotal(subtotals=dict(AMOUNTS), reporting="EUR", converted=None)
    before = MoneyTotal(
        subtotals={c: v / 2 for c, v in AMOUNTS.items()}, reporting="EUR", converted=None
    )
    with i18n.use_language(lang):
        cells = [*side_by_side([now, before]), ctx.total(now)]
        amounts = [
            [plain(money_text(v, c)) for c, v in t.subtotals.items()] for t in (now, before, now)
        ]
    for cell, expected in zip(cells, amounts, strict=True):
        lines = [plain(line.logical) for line in layout(ctx.text(cell), width, CELL, ctx.rtl)]
        assert lines == expected, (cell, lines)
