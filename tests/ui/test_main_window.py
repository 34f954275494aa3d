from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt

from accountdesk.core.i18n import _
from accountdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def window(ctx: Any, qtbot: Any, tmp_path: Any) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(ctx, settings)
    qtbot.addWidget(win)
    win.show()
    return win


def test_navigation_lists_only_existing_screens(window: MainWindow) -> None:
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[:3] == ["Today", "Accounts", "Contacts"]
    assert all(t not in titles for t in ("Reports", "Countries")) or len(titles) > 3


def test_every_screen_in_the_navigation_has_its_icon(window: MainWindow) -> None:
    for row in range(window.nav.count()):
        item = window.nav.item(row)
        pixmap = item.icon().pixmap(24, 24)
        assert not pixmap.isNull(), item.text()
        opaque = sum(
            1 for x in range(24) for y in range(24) if pixmap.toImage().pixelColor(x, y).alpha() > 0
        )
        assert opaque > 20, item.text()  # something is drawn


def test_switching_screens_and_back_from_a_record(
    window: MainWindow, sample: dict[str, str], qtbot: Any
) -> None:
    window.show_screen("accounts")
    assert window.current_key() == "accounts"
    window.open_record("account", sample["riga"])
    assert window.stack.currentWidget() is window.records[-1]
    window.go_back()
    assert window.stack.currentWidget() is window.screens["accounts"]


def test_ctrl_k_search_as_you_type_opens_the_record(
    window: MainWindow, sample: dict[str, str], qtbot: Any
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "somch")
    qtbot.waitUntil(lambda: bool(window.search.hits), timeout=3000)
    assert window.search.hits[0].title == "Somchai Jaidee"
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    view = window.records[-1]
    assert view.record_id == sample["somchai"]  # type: ignore[attr-defined]


def test_status_bar_shows_the_users_zone_and_time(window: MainWindow) -> None:
    assert window.clock.text() == "Your time: 11:30 · Riga"


def test_geometry_is_remembered(ctx: Any, qtbot: Any, tmp_path: Any) -> None:
    settings = QSettings(str(tmp_path / "geometry.ini"), QSettings.Format.IniFormat)
    first = MainWindow(ctx, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 520)  # the offscreen screen is 800×600
    first.show_screen("contacts")
    size = first.size()
    first.close()
    second = MainWindow(ctx, settings)
    qtbot.addWidget(second)
    second.show()
    assert second.size() == size
    assert second.current_key() == "contacts"


def test_list_screen_filters_as_you_type(
    window: MainWindow, sample: dict[str, str], qtbot: Any
) -> None:
    window.show_screen("contacts")
    screen = window.screens["contacts"]
    model = screen.model  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=3000)
    qtbot.keyClicks(screen.search, "ozo")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=3000)
    assert "1 record" in screen.count.text()  # type: ignore[attr-defined]


# --- an open record and the navigation ------------------------------------------------------


def _highlighted(window: MainWindow) -> str:
    item = window.nav.currentItem()
    assert item is not None
    return str(item.data(Qt.ItemDataRole.UserRole))


def _click_nav(window: MainWindow, key: str, qtbot: Any) -> None:
    row = next(
        r for r in range(window.nav.count())
        if window.nav.item(r).data(Qt.ItemDataRole.UserRole) == key
    )  # fmt: skip
    rect = window.nav.visualItemRect(window.nav.item(row))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_an_open_record_highlights_the_list_it_belongs_to(
    window: MainWindow, sample: dict[str, str], qtbot: Any
) -> None:
    window.show_screen("reports")
    window.open_record("account", sample["riga"])  # from Ctrl+K, say
    assert window.stack.currentWidget() is window.records[-1]
    assert _highlighted(window) == "accounts"
    window.open_record("contact", sample["anna"])  # one of its contacts
    assert _highlighted(window) == "contacts"
    assert window.current_key() == "reports"  # the screen under the records

    window.go_back()  # the account again, under Accounts
    assert window.stack.currentWidget() is window.records[-1]
    assert _highlighted(window) == "accounts"
    window.go_back()  # back where the records were opened from
    assert window.stack.currentWidget() is window.screens["reports"]
    assert _highlighted(window) == "reports"


def test_clicking_the_highlighted_list_shows_the_list(
    window: MainWindow, sample: dict[str, str], qtbot: Any
) -> None:
    window.show_screen("today")
    window.open_record("account", sample["riga"])
    assert _highlighted(window) == "accounts"
    _click_nav(window, "accounts", qtbot)
    assert window.records == []
    assert window.stack.currentWidget() is window.screen_widget("accounts")
    assert window.current_key() == "accounts"


def test_the_screen_under_an_open_record_is_remembered(
    window: MainWindow, sample: dict[str, str]
) -> None:
    window.show_screen("reports")
    window.open_record("contact", sample["anna"])
    window.save_layout()
    assert window.settings.value("window/screen") == "reports"


def test_switching_the_language_keeps_the_open_records(
    ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    from accountdesk.core.i18n import use_language
    from accountdesk.ui.app import Controller, apply_language

    controller = Controller(ctx.db)
    controller.ctx = ctx
    window = controller.build_window()
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.show_screen("reports")
    window.open_record("account", sample["riga"])
    window.open_record("contact", sample["anna"])
    try:
        controller.change_language("lv")  # Settings → Language: the window is built again
        rebuilt = controller.window
        assert isinstance(rebuilt, MainWindow) and rebuilt is not window
        qtbot.addWidget(rebuilt)
        shown = [(v.kind, v.record_id) for v in rebuilt.records]  # type: ignore[attr-defined]
        assert shown == [("account", sample["riga"]), ("contact", sample["anna"])]
        assert rebuilt.stack.currentWidget() is rebuilt.records[-1]
        with use_language("lv"):
            contacts = _("Contacts")
        assert contacts != "Contacts"
        assert _highlighted(rebuilt) == "contacts"
        assert rebuilt.nav.currentItem().text() == contacts
        assert rebuilt.back_action.isEnabled()
        rebuilt.go_back()
        rebuilt.go_back()  # under them, the screen they were opened from
        assert rebuilt.stack.currentWidget() is rebuilt.screens["reports"]
        assert _highlighted(rebuilt) == "reports"
    finally:
        apply_language("en")


def test_switching_the_language_writes_undo_and_redo_in_the_new_one(
    ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    """Undo named a record deleted in Persian in Persian in the Thai window ("เลิกทำ حذف تعامل
    «…»"): the undo history's texts follow the language, and the history is kept."""
    from accountdesk.core.bidi import plain
    from accountdesk.core.i18n import use_language
    from accountdesk.ui.app import Controller, apply_language

    controller = Controller(ctx.db)
    controller.ctx = ctx
    apply_language("fa")
    try:
        qtbot.addWidget(controller.build_window())
        ctx.delete("contact", sample["anna"], "Anna Ozola")
        with use_language("fa"):
            persian = plain(_("Delete contact “{title}”"))
        assert persian.split("“")[0] not in plain(ctx.undo_stack.undoText())  # translated
        controller.change_language("th")
        rebuilt = controller.window
        assert isinstance(rebuilt, MainWindow)
        qtbot.addWidget(rebuilt)
        with use_language("th"):
            thai = _("Delete contact “{title}”").format(title="Anna Ozola")
            thai_undo = _("Undo")
        assert plain(ctx.undo_stack.undoText()) == plain(thai)
        # its menu letter, Undo's in English (ui/mnemonics.py), though made after the delete
        assert plain(rebuilt.undo_action.text()) == plain(f"{thai_undo} {thai}") + "(&U)"
        controller.change_language("en")
        ctx.undo_stack.undo()  # the history was kept: the contact comes back
        assert ctx.undo_stack.count() == 1
        assert plain(ctx.undo_stack.redoText()) == "Delete contact “Anna Ozola”"
        redo = controller.window.redo_action  # type: ignore[attr-defined]
        assert plain(redo.text()).replace("&", "") == "Redo Delete contact “Anna Ozola”"
    finally:
        apply_language("en")


def test_switching_the_language_keeps_the_screen(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.app import Controller, apply_language

    controller = Controller(ctx.db)
    controller.ctx = ctx
    window = controller.build_window()
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.show_screen("countries")
    try:
        controller.change_language("fa")
        rebuilt = controller.window
        assert isinstance(rebuilt, MainWindow) and rebuilt is not window
        qtbot.addWidget(rebuilt)
        assert rebuilt.records == []
        assert rebuilt.stack.currentWidget() is rebuilt.screens["countries"]
        assert _highlighted(rebuilt) == "countries"
    finally:
        apply_language("en")
