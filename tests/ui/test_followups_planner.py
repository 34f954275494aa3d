"""The meeting planner: the user's own calendar, every day labelled, and what it says when no
hour suits everyone (who stands in the way, the best compromise)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from accountdesk.core import settings
from accountdesk.core.bidi import plain

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

RIGA = ZoneInfo("Europe/Riga")


def _planner(qtbot: Any, ctx: Any, ids: list[str]) -> Any:
    from accountdesk.ui.followups.planner import PlannerDialog

    dialog = PlannerDialog(ctx, ids)
    qtbot.addWidget(dialog)
    return dialog


def test_the_user_row_follows_my_calendar(qtbot: Any, ctx: Any, person: Any) -> None:
    settings.put(ctx.db, "user.country", "LV")
    settings.put(ctx.db, "user.hours", "10:00-14:00")
    ctx.clock = lambda: datetime(2025, 6, 20, 5, tzinfo=UTC)  # Friday, 08:00 in Riga
    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    dialog = _planner(qtbot, ctx, [ayse])
    grid = dialog.grid
    assert grid is not None
    me = grid.rows[0]
    assert me.participant.country == "LV"
    assert (me.participant.hours.start, me.participant.hours.end) == (time(10), time(14))
    # Monday 23 June is Midsummer Eve (Līgo) in Latvia, not in Türkiye: my row says so, and
    # no slot is on it although Ayse works
    ligo = [c for c in me.cells if c.local.date() == datetime(2025, 6, 23).date()]
    assert ligo and {c.state for c in ligo} == {"holiday"}
    assert all(c.holiday for c in ligo)
    assert "work" in {c.state for c in grid.rows[1].cells if c.local.date().day == 23}
    assert grid.good_slots
    for slot in grid.good_slots:
        wall = slot.astimezone(RIGA)
        assert 10 <= wall.hour < 14 and wall.date().day not in (21, 22, 23, 24)
    # the zone changes as I travel (or pin another): the row follows
    settings.put(ctx.db, "user.zone", "Asia/Bangkok")
    ctx.refresh_zone()
    assert dialog.grid is not None and dialog.grid.rows[0].participant.zone == "Asia/Bangkok"
    assert "Bangkok" in dialog.table.verticalHeaderItem(0).text()


def test_every_column_says_its_day(qtbot: Any, ctx: Any, person: Any) -> None:
    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    dialog = _planner(qtbot, ctx, [ayse])
    dialog.days.setValue(3)
    grid = dialog.grid
    assert grid is not None
    for c, column in enumerate(grid.columns):
        header = dialog.table.horizontalHeaderItem(c).text()
        day, hour = header.split("\n")
        local = column.astimezone(RIGA)
        assert day == f"{local:%a} {local.day}"  # "Wed 12"
        assert hour == f"{local:%H}:00"
    assert len({dialog.table.horizontalHeaderItem(c).text().split("\n")[0]
                for c in range(len(grid.columns))}) == 3  # fmt: skip


def test_no_common_hour_names_the_obstacle_and_offers_the_best_compromise(
    qtbot: Any, ctx: Any, person: Any
) -> None:
    from accountdesk.ui.followups.planner import COLOURS

    settings.put(ctx.db, "user.country", "LV")
    ctx.clock = lambda: datetime(2025, 12, 1, 6, tzinfo=UTC)  # Monday, 08:00 in Riga
    megan = person("Megan", "US", "America/Los_Angeles", "Hill")
    kenji = person("Kenji", "JP", "Asia/Tokyo", "Sato")
    dialog = _planner(qtbot, ctx, [megan, kenji])
    grid = dialog.grid
    assert grid is not None and grid.good_slots == []
    summary = plain(dialog.summary.text())  # names are isolated (core/bidi.py)
    assert "No hour is inside everyone's working hours" in summary
    assert "Megan Hill: without them, the others share" in summary
    assert "You: without you, the others share" in summary
    assert dialog.slots_label.text() == "Best compromise (your time):"
    assert dialog.slots.count() > 0 and dialog.schedule.isEnabled()
    found = dialog.no_common
    assert found is not None and found.fewest_away == 1
    first = plain(dialog.slots.item(0).text())
    # Monday 09:00 in Riga is Sunday 23:00 in Los Angeles, Monday 16:00 in Tokyo
    assert first.startswith("Monday 1 December, 09:00–10:00")
    assert "Megan Hill: weekend" in first
    you_away = next(
        plain(dialog.slots.item(i).text())
        for i in range(dialog.slots.count())
        if "You:" in plain(dialog.slots.item(i).text())
    )
    assert you_away.startswith("Tuesday 2 December, 02:00–03:00") and "You: off hours" in you_away
    # the compromise hours are marked in the grid: at work in amber, the one away not
    column = grid.column_of(found.best[0].start)
    assert column is not None
    assert dialog.table.horizontalHeaderItem(column).background().color() == COLOURS["compromise"]
    assert dialog.table.item(0, column).background().color() == COLOURS["compromise"]
    assert dialog.table.item(2, column).background().color() == COLOURS["compromise"]
    assert dialog.table.item(1, column).background().color() == COLOURS["weekend"]
    # picking it schedules at that hour, in the first contact's zone
    schedule = dialog.schedule_dialog(dialog.slots.item(0).data(0x0100))
    assert schedule is not None
    qtbot.addWidget(schedule)
    assert schedule.local() == datetime(2025, 11, 30, 23)  # Megan's Sunday 23:00
    assert "weekend" in schedule.warnings.text()


def test_with_a_common_hour_there_is_no_compromise(qtbot: Any, ctx: Any, person: Any) -> None:
    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    dialog = _planner(qtbot, ctx, [ayse])
    assert dialog.no_common is None
    assert dialog.slots_label.text() == "Good for everyone (your time):"
    assert dialog.grid is not None
    assert dialog.slots.count() == len(dialog.grid.good_slots) > 0
    first = dialog.grid.good_slots[0]
    assert first >= ctx.now() and first - ctx.now() < timedelta(days=1)
