"""Today's "Holidays and seasons, next 7 days" on 19 March 2026, with contacts in nine countries
that fast in Ramadan: one row per season kept alike (it was one each, nine rows of Ramadan
"today" that pushed tomorrow's Eid and Nowruz out of the first rows), the seasons under way
after what is new this week, and "and N more" a link that shows the whole week (it was plain
text, and the rest could not be seen). The block spans the screen's width."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from accountdesk.core.bidi import plain
from accountdesk.core.clock import fixed_clock

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

FASTING = [
    ("AE", "Asia/Dubai"), ("SA", "Asia/Riyadh"), ("MY", "Asia/Kuala_Lumpur"),
    ("TR", "Europe/Istanbul"), ("QA", "Asia/Qatar"), ("KW", "Asia/Kuwait"),
    ("JO", "Asia/Amman"), ("EG", "Africa/Cairo"), ("IR", "Asia/Tehran"),
]  # fmt: skip


def _screen(qtbot: Any, ctx: Any, person: Any) -> Any:
    from accountdesk.ui.today.screen import TodayScreen

    for i, (country, zone) in enumerate(FASTING):
        person(f"Person{i}", country, zone, "Test")
    ctx.clock = fixed_clock(datetime(2026, 3, 19, 9, 0, tzinfo=UTC))
    screen = TodayScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    screen.resize(1024, 700)
    screen.show()
    qtbot.waitExposed(screen)
    QApplication.processEvents()
    return screen


def _shown(screen: Any) -> list[Any]:
    view = screen.culture.panel.view
    items = screen.culture.model.items
    return [items[r] for r in range(len(items)) if not view.isRowHidden(r)]


def test_a_season_kept_alike_is_one_row_after_the_weeks_news(
    qtbot: Any, ctx: Any, person: Any
) -> None:
    screen = _screen(qtbot, ctx, person)
    items = screen.culture.model.items
    ramadan = [i for i in items if i.kind == "season" and i.name == "Ramadan"]
    # the countries whose fast began on the same day, with the same advice, share a row (the
    # shorter office hours of the Gulf are not said of Turkey's)
    kept = [(i.start, i.end, i.advice) for i in ramadan]
    assert len(kept) == len(set(kept)) and len(ramadan) <= 3
    assert max(len(i.countries) for i in ramadan) >= 5
    assert all(i.ongoing for i in ramadan)
    assert items.index(ramadan[0]) > max(
        n for n, i in enumerate(items) if not i.ongoing
    )  # after every holiday and every season that is new this week
    first = _shown(screen)
    assert not any(i.name == "Ramadan" for i in first)


def test_the_whole_week_is_a_click_away(qtbot: Any, ctx: Any, person: Any) -> None:
    screen = _screen(qtbot, ctx, person)
    total = screen.culture.model.rowCount()
    assert total > 6 and len(_shown(screen)) == 6
    more = screen.culture.more
    assert more.isVisible() and plain(more.text()).endswith(f"and {total - 6} more</a>")
    more.linkActivated.emit("more")
    assert len(_shown(screen)) == total
    assert "Show fewer" in more.text()
    more.linkActivated.emit("more")
    assert len(_shown(screen)) == 6


def test_the_block_spans_the_width(qtbot: Any, ctx: Any, person: Any) -> None:
    screen = _screen(qtbot, ctx, person)
    assert screen.culture.width() > screen.working.width() + screen.recent.width() // 2
