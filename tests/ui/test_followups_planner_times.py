"""The meeting planner writes every time of day one way, the language's short time
(i18n.format_time): the grid's columns, the good slots and the best compromises. In Persian
the grid and the compromises wrote "۰۹:۰۰" while the good slots wrote "۹:۰۰"."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import plain

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

RIGA = ZoneInfo("Europe/Riga")
LANGUAGES = ["en", "fa", "th", "tr"]


def _planner(qtbot: Any, ctx: Any, ids: list[str]) -> Any:
    from accountdesk.ui.followups.planner import PlannerDialog

    ctx.clock = lambda: datetime(2025, 12, 1, 6, tzinfo=UTC)  # Monday, 08:00 in Riga
    dialog = PlannerDialog(ctx, ids)
    qtbot.addWidget(dialog)
    assert dialog.grid is not None
    return dialog


def _times_in_the_grid(dialog: Any) -> None:
    for c, column in enumerate(dialog.grid.columns):
        hour = dialog.table.horizontalHeaderItem(c).text().split("\n")[1]
        assert hour == i18n.format_time(column, "short", tz=RIGA)
    for r, row in enumerate(dialog.grid.rows):  # each person's wall time
        for c, cell in enumerate(row.cells):
            assert dialog.table.item(r, c).text() == i18n.format_time(cell.local.time(), "short")


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest) -> Any:
    from accountdesk.ui.app import apply_language

    apply_language(request.param)
    yield request.param
    apply_language("en")


def test_good_slots_and_grid_write_times_alike(
    qtbot: Any, ctx: Any, person: Any, language: str
) -> None:
    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    dialog = _planner(qtbot, ctx, [ayse])
    assert dialog.no_common is None and dialog.slots.count() > 0
    _times_in_the_grid(dialog)
    for row, slot in enumerate(dialog.grid.good_slots):
        text = plain(dialog.slots.item(row).text())
        assert text.endswith(i18n.format_time(slot, "short", tz=RIGA)), text


def test_compromises_and_grid_write_times_alike(
    qtbot: Any, ctx: Any, person: Any, language: str
) -> None:
    megan = person("Megan", "US", "America/Los_Angeles", "Hill")
    kenji = person("Kenji", "JP", "Asia/Tokyo", "Sato")
    dialog = _planner(qtbot, ctx, [megan, kenji])
    found = dialog.no_common
    assert found is not None and dialog.slots.count() == len(found.best) > 0
    _times_in_the_grid(dialog)
    for row, option in enumerate(found.best):
        first_line = plain(dialog.slots.item(row).text()).split("\n")[0]
        expected = i18n._("{day}, {start}–{end}").format(
            day=i18n.format_skeleton(option.start, "MMMMEEEEd", tz=RIGA),
            start=i18n.format_time(option.start, "short", tz=RIGA),
            end=i18n.format_time(option.end, "short", tz=RIGA),
        )
        assert first_line == plain(expected)


def test_persian_writes_the_hour_without_a_leading_zero(qtbot: Any, ctx: Any, person: Any) -> None:
    from accountdesk.ui.app import apply_language

    apply_language("fa")
    try:
        megan = person("Megan", "US", "America/Los_Angeles", "Hill")
        kenji = person("Kenji", "JP", "Asia/Tokyo", "Sato")
        dialog = _planner(qtbot, ctx, [megan, kenji])
        headers = [
            dialog.table.horizontalHeaderItem(c).text().split("\n")[1]
            for c in range(dialog.table.columnCount())
        ]
        assert "۹:۰۰" in headers and "۰۹:۰۰" not in headers
        cells = [
            dialog.table.item(r, c).text()
            for r in range(dialog.table.rowCount())
            for c in range(dialog.table.columnCount())
        ]
        assert "۹:۰۰" in cells and "۰۹:۰۰" not in cells
        listed = "\n".join(plain(dialog.slots.item(r).text()) for r in range(dialog.slots.count()))
        assert "۹:۰۰ تا ۱۰:۰۰" in listed and "۰۹:۰۰" not in listed
    finally:
        apply_language("en")
