"""Today's "Holidays and seasons, next 7 days": the country and the holiday's name are shown
whole. They had fixed shares of the width (a third each with the advice, which is empty for a
holiday), so a Thai holiday's long name was cut ("วันคล้ายวันเฉลิม..."). Now they are as wide
as their text while the width allows (the advice takes what is left) and their text wraps onto
more lines when it does not; alike right to left. In a week without advice (most weeks) its
column is hidden and the holiday's name takes the rest."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QTableView

from accountdesk.core.bidi import plain
from accountdesk.core.clock import fixed_clock
from accountdesk.ui.columns import text_width

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

COUNTRY, WHAT, ADVICE = 1, 2, 3


@pytest.fixture(params=["th", "fa", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    from accountdesk.ui.app import apply_language

    apply_language(request.param)
    yield request.param
    apply_language("en")


def _today(qtbot: Any, ctx: Any, person: Any, width: int, *, advice: bool = False) -> Any:
    from accountdesk.ui.today.screen import TodayScreen

    person("Somchai", "TH", "Asia/Bangkok", "Jaidee")
    person("Fatima", "AE", "Asia/Dubai", "Al Nahyan")
    # the week of 5 December 2026: King Bhumibol's birthday in Thailand, Eid al-Etihad in
    # the Emirates; from 29 November, Thanksgiving's long weekend too, with its advice
    if advice:
        person("Tom", "US", "America/New_York", "Miller")
    day = 29 if advice else 1
    ctx.clock = fixed_clock(datetime(2026, 11 if advice else 12, day, 6, 0, tzinfo=UTC))
    screen = TodayScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    screen.resize(width, 820)
    screen.show()
    qtbot.waitExposed(screen)
    QApplication.processEvents()
    assert screen.culture.model.rowCount() > 0
    return screen


def _shown_whole(view: QTableView, row: int, column: int) -> bool:
    """Whether the cell's text fits its cell: on one line, or wrapped onto lines as tall as
    the row (a word wider than the cell does not fit)."""
    text = str(view.model().index(row, column).data() or "")
    room = view.columnWidth(column) - text_width(view, [""])
    metrics = view.fontMetrics()
    if not view.wordWrap():
        return metrics.horizontalAdvance(text) <= room
    box = metrics.boundingRect(QRect(0, 0, room, 100_000), Qt.TextFlag.TextWordWrap, text)
    return box.width() <= room and box.height() <= view.rowHeight(row)


def _rows(screen: Any) -> range:
    view = screen.culture.panel.view
    return range(sum(not view.isRowHidden(r) for r in range(view.model().rowCount())))


def test_the_holiday_and_its_country_are_shown_whole(
    qtbot: Any, ctx: Any, person: Any, language: str
) -> None:
    screen = _today(qtbot, ctx, person, 1280)
    view = screen.culture.panel.view
    names = [plain(i.name) for i in screen.culture.model.items]
    assert any(len(name) > 40 for name in names), names  # a long name is among them
    for row in _rows(screen):
        for column in (COUNTRY, WHAT):
            assert _shown_whole(view, row, column), (language, row, column)
    # the columns fill the table, no more
    header = view.horizontalHeader()
    total = sum(header.sectionSize(c) for c in range(header.count()))
    assert total == view.viewport().width()
    # wrapped, none narrower than its floor (its longest word, a few ems)
    assert screen.culture.wrapping and view.wordWrap()
    for column, floor in screen.culture.floors.items():
        assert header.sectionSize(column) >= floor > 0


@pytest.mark.parametrize("advice", [True, False])
def test_with_room_they_are_as_wide_as_their_text_and_the_last_takes_the_rest(
    qtbot: Any, ctx: Any, person: Any, language: str, advice: bool
) -> None:
    """The advice takes the rest; in a week without advice, its column is hidden and the
    holiday's name takes it."""
    screen = _today(qtbot, ctx, person, 3200, advice=advice)
    view = screen.culture.panel.view
    rows = _rows(screen)
    last = ADVICE if advice else WHAT
    texts = {c: [str(view.model().index(r, c).data() or "") for r in rows] for c in range(4)}
    assert any(texts[ADVICE]) == advice
    assert view.isColumnHidden(ADVICE) != advice
    for column in (COUNTRY, WHAT):
        if column != last:
            hint = view.horizontalHeader().sectionSizeHint(column)
            assert view.columnWidth(column) == max(text_width(view, texts[column]), hint)
    header = view.horizontalHeader()
    others = sum(header.sectionSize(c) for c in range(header.count()) if c != last)
    assert header.sectionSize(last) == view.viewport().width() - others
    assert header.sectionSize(last) >= text_width(view, texts[last])


@pytest.mark.parametrize("advice", [True, False])
@pytest.mark.parametrize("width", [420, 700, 850])
@pytest.mark.parametrize("lang", ["fa", "th"])
def test_narrow_they_fit_the_table_and_are_elided_below_their_floor(
    qtbot: Any, ctx: Any, person: Any, lang: str, width: int, advice: bool
) -> None:
    """Narrow, the wrap columns overflowed the table (never narrower than the header's
    minimum section size: 203 px in a 190 px table in Persian at 420 px) or grew very tall
    rows (a 424 px row, words cut inside a 54 px name column in Persian at 700 px)."""
    from accountdesk.ui.app import apply_language
    from accountdesk.ui.today.screen import YIELDED_LINES

    apply_language(lang)
    try:
        screen = _today(qtbot, ctx, person, width, advice=advice)
        section = screen.culture
        view = section.panel.view
        header = view.horizontalHeader()
        rows = _rows(screen)
        sizes = [header.sectionSize(c) for c in range(header.count())]
        assert sum(sizes) == view.viewport().width(), (lang, width, sizes)
        tallest = max(view.rowHeight(r) for r in rows)
        # a row of at most a few lines (today/screen.py WRAP_LINES; YIELDED_LINES when the
        # advice yields to a long name)
        assert tallest <= YIELDED_LINES * view.fontMetrics().lineSpacing() + 8, (lang, width)
        shown = [COUNTRY, WHAT, ADVICE] if advice else [COUNTRY, WHAT]
        assert set(section.floors) == set(shown)
        assert view.isColumnHidden(ADVICE) != advice
        em = view.fontMetrics().horizontalAdvance("M")
        if section.wrapping:  # none narrower than its floor, every text shown whole
            for column, floor in section.floors.items():
                assert sizes[column] >= floor > 0
                # its heading too: Thai's "คำแนะนำ" (advice) was cut above empty cells
                assert sizes[column] >= header.sectionSizeHint(column), (lang, width, column)
            for row in rows:
                for column in (COUNTRY, WHAT):
                    assert _shown_whole(view, row, column), (lang, width, row, column)
        else:  # one line each, elided: a cut text is whole in its tooltip
            assert not view.wordWrap()
            cut = 0
            for row in rows:
                for column in shown:
                    index = view.model().index(row, column)
                    text = str(index.data() or "")
                    if not _shown_whole(view, row, column):
                        cut += 1
                        assert plain(str(index.data(Qt.ItemDataRole.ToolTipRole))) == plain(text)
            assert cut > 0  # the long Thai name is among them
            assert all(
                sizes[c] >= min(em, header.sectionSizeHint(c))
                for c in range(len(sizes))
                if not view.isColumnHidden(c)
            )
    finally:
        apply_language("en")


@pytest.mark.parametrize(("lang", "width"), [("th", 900), ("th", 1000), ("fa", 700)])
def test_without_advice_the_names_are_whole_where_they_were_beside_its_empty_column(
    qtbot: Any, ctx: Any, person: Any, lang: str, width: int
) -> None:
    """The empty Advice column, shown, let the names' rows be as tall as yielding to advice
    allows (YIELDED_LINES); hidden, it took that with it, and at these widths every column
    went on one line, the long names cut ("วันคล้ายวันเฉลิมพระชนมพรร…")."""
    from accountdesk.ui.app import apply_language

    apply_language(lang)
    try:
        screen = _today(qtbot, ctx, person, width)
        view = screen.culture.panel.view
        assert view.isColumnHidden(ADVICE)
        assert screen.culture.wrapping and view.wordWrap(), (lang, width)
        for row in _rows(screen):
            for column in (COUNTRY, WHAT):
                assert _shown_whole(view, row, column), (lang, width, row, column)
    finally:
        apply_language("en")
