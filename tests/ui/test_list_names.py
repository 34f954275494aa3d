"""A screen reader says what each filter, search field and table is: the lists' filter field
and boxes, Ctrl+K's field, the navigation and every table had no name (a filter box was
announced by its value alone, "Latvia, combo box", nothing saying what it filters; a field's
placeholder reached it only as a hint). The names are in the window's language."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

from accountdesk.core.i18n import _, use_language
from accountdesk.ui import tasks
from accountdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _said(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface.text(QAccessible.Text.Name)


@pytest.mark.parametrize("lang", ["en", "lv", "fa"])
def test_filters_searches_and_tables_are_named(
    lang: str, ctx: Any, sample: dict[str, str], qtbot: Any, tmp_path: Any
) -> None:
    with use_language(lang):
        window = MainWindow(ctx, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.show()
        expected: dict[QWidget, str] = {
            window.search: _("Find an account or contact"),
            window.nav: _("Screens"),
        }
        for key, title, filter_name in (
            ("accounts", _("Accounts"), _("Filter accounts")),
            ("contacts", _("Contacts"), _("Filter contacts")),
        ):
            window.show_screen(key)
            screen: Any = window.screen_widget(key)
            expected[screen.search] = filter_name
            expected[screen.table] = title
            for box, name in (
                (screen.country, _("Country")),
                (screen.status, _("Status")),
                (screen.tier, _("Tier")),
                (screen.tag, _("Tag")),
                (screen.owner, _("Owner")),
            ):
                # Qt on Linux names a combo box by its value: the tooltip says what it filters
                assert box.accessibleName() == name and box.toolTip() == name
        window.show_screen("today")
        tasks.pump(20)
        today: Any = window.screen_widget("today")
        for section in (today.overdue, today.due_today, today.recent, today.working):
            assert section.title()
            expected[section.panel.view] = section.title()
        window.show_screen("duplicates")
        duplicates: Any = window.screen_widget("duplicates")
        expected[duplicates.groups.view] = _("Likely duplicates")
        expected[duplicates.merges.view] = _("Latest merges")
        window.show_screen("countries")
        countries: Any = window.screen_widget("countries")
        expected[countries.list] = _("Countries")
        window.show_screen("reports")
        reports: Any = window.screen_widget("reports")
        expected[reports.account] = _("Account")
        expected[reports.preview.view] = _("Report preview")
        from accountdesk.ui.backups import BackupsDialog
        from accountdesk.ui.trash.dialog import TrashDialog

        for dialog in (TrashDialog(ctx, window), BackupsDialog(ctx, window)):
            qtbot.addWidget(dialog)
            expected[dialog.view] = dialog.windowTitle()
    assert lang == "en" or expected[window.screen_widget("accounts").table] != "Accounts"
    for widget, name in expected.items():
        assert name and _said(widget) == name, (type(widget).__name__, name)


def test_the_follow_ups_filter_and_table_are_named(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.followups.screen import FollowUpsScreen

    with use_language("fa"):
        screen = FollowUpsScreen(ctx)
        names = {screen.filter: _("Filter follow-ups"), screen.table: _("Follow-ups")}
    qtbot.addWidget(screen)
    assert names[screen.table] != "Follow-ups"  # in the language
    for widget, name in names.items():
        assert _said(widget) == name


def test_the_names_follow_a_change_of_language(ctx: Any, qtbot: Any) -> None:
    """Settings → Language builds the window again: its names are in the new language."""
    from accountdesk.ui.app import Controller, apply_language

    controller = Controller(ctx.db)
    controller.ctx = ctx
    window = controller.build_window()
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.show_screen("accounts")
    try:
        controller.change_language("lv")
        rebuilt = controller.window
        assert isinstance(rebuilt, MainWindow) and rebuilt is not window
        qtbot.addWidget(rebuilt)
        with use_language("lv"):
            accounts, country = _("Accounts"), _("Country")
        assert accounts != "Accounts"
        screen: Any = rebuilt.screen_widget("accounts")
        assert _said(screen.table) == accounts
        assert screen.country.accessibleName() == country == screen.country.toolTip()
    finally:
        apply_language("en")
