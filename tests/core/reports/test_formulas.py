"""A formula written in Latin letters ("(E − N) / S") reads left to right in every report.

In a Persian report its brackets took the paragraph's direction: the label of the key
metrics read "نرخ حفظ مشتری، E − N) / S)" (and the notes and definitions with it); in a
left-to-right report the formula was broken across lines ("(E − N) /" | "S").
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.i18n import _
from accountdesk.core.reports.documents import ReportContext, _context, isolate_formulas
from accountdesk.core.reports.textlayout import TextStyle, layout

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)
STYLE = TextStyle(size=8)
RETENTION = "(E − N) / S"


def _ctx(lang: str) -> ReportContext:
    return _context(lang, NOW, "UTC")


def _visual(ctx: ReportContext, text: str, width: float = 1e9) -> list[str]:
    return [ln.visual_text for ln in layout(ctx.text(text), width, STYLE, ctx.rtl)]


def test_the_persian_retention_label_shows_the_formula_in_order() -> None:
    ctx = _ctx("fa")
    with i18n.use_language("fa"):
        label = _("Customer retention rate, (E − N) / S")
    assert RETENTION in label  # the catalog keeps the formula as it is
    (line,) = _visual(ctx, label)
    assert RETENTION in line, line
    assert line.endswith("،" + "نرخ حفظ مشتری"[::-1]), line  # the label still reads RTL
    assert plain(ctx.text(label)) == label  # copied out of the PDF: the same text


def test_a_persian_definition_that_starts_with_a_formula_reads_right_to_left() -> None:
    ctx = _ctx("fa")
    with i18n.use_language("fa"):
        text = _("(E − N) / S × 100. An account won and lost inside the period lowers it.")
    (line,) = _visual(ctx, text)
    # a Persian paragraph that starts with the formula: the formula at the right, the full
    # stop after it and the sentence to its left (it was laid out left to right, the full
    # stop at the far end of the Persian sentence)
    assert line.endswith(".(E − N) / S × ۱۰۰"), line


@pytest.mark.parametrize("lang", ["tr", "th", "en"])
def test_a_formula_is_not_broken_across_lines(lang: str) -> None:
    ctx = _ctx(lang)
    with i18n.use_language(lang):
        text = _("Customer retention rate, (E − N) / S")
    (own,) = layout(RETENTION, 1e9, STYLE)
    (whole,) = layout(text, 1e9, STYLE)
    for width in range(int(own.width) + 2, int(whole.width), 6):
        lines = _visual(ctx, text, width)
        assert any(RETENTION in line for line in lines), (width, lines)


def test_persian_words_with_operators_are_left_as_they_are() -> None:
    """A formula in Persian words reads right to left as Persian does; only Latin ones are
    isolated. Names and other text without an operator are untouched."""
    ctx = _ctx("fa")
    persian = "نرخ موفقیت: موفق / (موفق + از دست رفته) × ۱۰۰"
    assert ctx.text(persian) == persian
    assert ctx.text("شرکت آریا تجارت") == "شرکت آریا تجارت"
    for text in ("در طول سفر UTC+۰۳:۳۰، ۳ ساعت", "24/7", "+98 912 345 0524", "۴ تا ۵"):
        assert isolate_formulas(text) == text
