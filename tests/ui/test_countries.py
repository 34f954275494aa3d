"""The Countries screen (pytest-qt): list, profile, the user's notes, holidays, Persian RTL."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt

from accountdesk.ui import tasks
from accountdesk.ui.countries.screen import CountriesScreen
from accountdesk.ui.navigation import load_feature_screens


def _screen(ctx: Any, qtbot: Any) -> CountriesScreen:
    screen = CountriesScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    return screen


def test_registered_after_contacts() -> None:
    keys = [s.key for s in load_feature_screens()]
    assert "countries" in keys
    # The order: Today, Accounts, Contacts, Follow-ups, Countries, Reports.
    expected = ["today", "accounts", "contacts", "followups", "countries", "reports"]
    assert [k for k in keys if k in expected] == [k for k in expected if k in keys]


def test_lists_every_country_and_searches(ctx: Any, qtbot: Any) -> None:
    screen = _screen(ctx, qtbot)
    assert screen.list.count() >= 240
    qtbot.keyClicks(screen.search, "thai")
    assert screen.visible_codes() == ["TH"]
    assert (
        "✓"
        in screen.list.item(
            [
                screen.list.item(r).data(Qt.ItemDataRole.UserRole)
                for r in range(screen.list.count())
            ].index("TH")
        ).text()
    )
    screen.search.clear()
    screen.only_curated.setChecked(True)
    assert {"LV", "SI", "TH", "TR", "IR"} <= set(screen.visible_codes())
    assert "AQ" not in screen.visible_codes()


def test_iran_profile_has_a_friday_weekend(ctx: Any, qtbot: Any) -> None:
    screen = _screen(ctx, qtbot)
    screen.select("IR")
    data = screen.data
    assert data is not None and data.code == "IR"
    assert data.profile.weekend == frozenset({4})
    assert "Iran" in screen.title.text()
    form_text = " ".join(w.text() for w in screen.profile_form.findChildren(type(screen.title)))
    assert "Friday" in form_text
    assert "Persian" in form_text
    assert "Asia/Tehran" in form_text
    assert screen.calendar.firstDayOfWeek() == Qt.DayOfWeek.Saturday
    html = screen.etiquette.toPlainText()
    assert "Greeting and forms of address" in html and "Useful phrases" in html
    assert "Do" in html and "Don't" in html


def test_user_note_is_added_and_shown(ctx: Any, qtbot: Any) -> None:
    screen = _screen(ctx, qtbot)
    screen.select("TR")
    assert screen.notes.model.rowCount() == 0
    dialog = screen.note_dialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.fields["body"], "Tea first, business after.")
    dialog.accept()
    assert screen.notes.model.rowCount() == 1
    assert screen.notes.model.items[0].body == "Tea first, business after."
    assert "Your notes on Türkiye" in screen.notes_title.text()
    row = [screen.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(screen.list.count())]
    assert screen.list.item(row.index("TR")).text().endswith("•")
    ctx.delete("country_note", screen.notes.model.items[0].id, "Tea")
    assert screen.notes.model.rowCount() == 0


def test_calendar_highlights_a_2027_holiday(ctx: Any, qtbot: Any) -> None:
    screen = _screen(ctx, qtbot)
    screen.select("TH")
    screen.year.setValue(2027)
    data = screen.data
    assert data is not None and data.year == 2027
    songkran = date(2027, 4, 13)
    assert any("Songkran" in h.name for h in screen.holidays_on(songkran))
    form = screen.calendar.dateTextFormat(QDate(2027, 4, 13))
    assert form.background().color().name() in ("#ffd6d6", "#ffe9c7")
    assert "Songkran" in form.toolTip()
    assert screen.calendar.dateTextFormat(QDate(2027, 4, 7)).toolTip() == ""
    screen.calendar.setSelectedDate(QDate(2027, 4, 13))
    assert "Songkran" in screen.day_label.text()
    assert screen.holidays.model.rowCount() >= 15


def test_persian_is_right_to_left(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.app import apply_language

    apply_language("fa")
    try:
        screen = _screen(ctx, qtbot)
        screen.select("IR")
        assert screen.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert "ایران" in screen.title.text()
        assert screen.isRightToLeft()
    finally:
        apply_language("en")
    assert tasks.wait_all()
