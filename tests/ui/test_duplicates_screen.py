from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import save_note
from accountdesk.ui import tasks
from accountdesk.ui.context import AppContext
from accountdesk.ui.navigation import load_feature_screens


def add_account(db: Database, name: str) -> str:
    return create_account(db, AccountInput(name=name, country="LV", timezone="Europe/Riga"))


def add_contact(db: Database, account_id: str, given: str, family: str, **kw: Any) -> str:
    data = ContactInput(account_id=account_id, given_name=given, family_name=family, country="LV")
    for key, value in kw.items():
        setattr(data, key, value)
    return create_contact(db, data)


pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def people(db: Database) -> dict[str, str]:
    koks = add_account(db, "Koks")
    other = add_account(db, "Other")
    ids = {
        "kept": add_contact(db, koks, "Anna", "Bērziņa", emails=["anna@koks.lv"]),
        "dup": add_contact(db, koks, "Anna", "Berzina", city="Rīga"),
        "far": add_contact(db, other, "Anna", "Bērziņa", phones=["+37126123456"]),
        "phone": add_contact(db, other, "Ilze", "Kalna", phones=["26123456"]),
    }
    save_note(db, "Prefers mornings", contact_id=ids["dup"])
    save_note(db, "Second note", contact_id=ids["dup"])
    return ids


def _screen(ctx: AppContext, qtbot: Any) -> Any:
    from accountdesk.ui.duplicates.screen import DuplicatesScreen

    screen = DuplicatesScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1100, 720)
    screen.show()
    qtbot.waitUntil(lambda: screen.refresh_button.isEnabled(), timeout=10000)
    return screen


def _cell(model: Any, row: int, column: int) -> str:
    return plain(model.data(model.index(row, column)) or "")


def test_the_screen_is_registered() -> None:
    assert "duplicates" in [s.key for s in load_feature_screens()]


def test_groups_reasons_side_by_side_merge_and_undo(
    ctx: AppContext, people: dict[str, str], qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = _screen(ctx, qtbot)
    groups = screen.groups.model
    assert groups.rowCount() == 2
    rows = {plain(groups.data(groups.index(r, 2))): r for r in range(2)}
    assert set(rows) == {"Similar names", "Same phone number"}
    screen.groups.view.setCurrentIndex(groups.index(rows["Similar names"], 0))
    assert "Similar names at the same account" in plain(screen.reasons.text())
    # the two Annas of Koks side by side; the one with two notes is kept by default
    sheet = screen.sheet_model
    headers = [plain(sheet.headerData(c, Qt.Orientation.Horizontal)) for c in range(2)]
    assert sorted(headers) == ["Anna Berzina (kept)", "Anna Bērziņa"]
    titles = [sheet.headerData(r, Qt.Orientation.Vertical) for r in range(sheet.rowCount())]
    city = titles.index("City")
    assert sorted(_cell(sheet, city, c) for c in range(2)) == ["", "Rīga"]
    # bold: both filled and different (the kept one's value wins there); not: one to fill
    assert sheet.data(sheet.index(titles.index("Family name"), 0), Qt.ItemDataRole.FontRole)
    assert sheet.data(sheet.index(city, 0), Qt.ItemDataRole.FontRole) is None
    assert sheet.data(sheet.index(titles.index("Given name"), 0), Qt.ItemDataRole.FontRole) is None
    assert screen.keep.currentData() == people["dup"]
    # keep the first Anna instead, merge the other into her
    screen.keep.setCurrentIndex(screen.keep.findData(people["kept"]))
    assert screen.chosen_others() == [people["dup"]]
    assert screen.merge_button.isEnabled()
    seen: list[str] = []
    ctx.status.connect(seen.append)
    monkeypatch.setattr("accountdesk.ui.duplicates.screen.ask_yes", lambda *a: True)
    screen.merge_chosen()
    assert plain(seen[-1]) == "1 contact was merged into “Anna Bērziņa”."
    # the screen looks again by itself (told by ctx.changed): only the shared phone is left
    qtbot.waitUntil(lambda: screen.groups.model.rowCount() == 1, timeout=10000)
    assert plain(_cell(screen.groups.model, 0, 2)) == "Same phone number"
    assert [h.id for h in search(ctx.db, "Berzina") if h.id == people["dup"]] == []
    assert screen.merges.model.rowCount() == 1
    screen.merges.view.setCurrentIndex(screen.merges.model.index(0, 0))
    assert screen.undo_button.isEnabled()
    screen.undo_chosen()
    assert plain(seen[-1]) == "The merge was undone: 1 contact is back."
    qtbot.waitUntil(lambda: screen.groups.model.rowCount() == 2, timeout=10000)
    screen.merges.view.setCurrentIndex(screen.merges.model.index(0, 0))
    assert _cell(screen.merges.model, 0, 3) != ""  # shown as undone
    assert not screen.undo_button.isEnabled()


def test_unchecking_every_other_contact_disables_merge(
    ctx: AppContext, people: dict[str, str], qtbot: Any
) -> None:
    screen = _screen(ctx, qtbot)
    screen.groups.view.setCurrentIndex(screen.groups.model.index(0, 0))
    for row in range(screen.others.count()):
        screen.others.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert screen.chosen_others() == []
    assert not screen.merge_button.isEnabled()


@pytest.fixture
def persian() -> Iterator[None]:
    from accountdesk.ui.app import apply_language

    apply_language("fa")
    yield
    apply_language("en")


def test_persian_window_is_right_to_left_and_translated_strings_are_used(
    ctx: AppContext, people: dict[str, str], qtbot: Any, persian: None
) -> None:
    screen = _screen(ctx, qtbot)
    assert screen.isRightToLeft()
    assert i18n.current_language().rtl
    # the group list and the side-by-side table hold isolated names (no stray direction)
    shown = screen.groups.model.data(screen.groups.model.index(0, 0))
    assert shown.startswith("\u2068") and "Anna" in plain(shown)
    # the screen's own words come from the Persian catalog
    assert screen.refresh_button.text() == "جست‌وجوی دوباره"  # Look again
    assert screen.merge_button.text() == "ادغام…"  # Merge…
    assert screen.undo_button.text() == "برگرداندن ادغام"  # Undo merge
    groups = screen.groups.model
    assert plain(groups.headerData(2, Qt.Orientation.Horizontal)) == "چرا"  # Why
    why = {plain(groups.data(groups.index(r, 2))) for r in range(groups.rowCount())}
    assert why == {"نام‌های مشابه", "شماره تلفن یکسان"}  # Similar names, Same phone number
    screen.groups.view.setCurrentIndex(groups.index(0, 0))
    sheet = screen.sheet_model
    headers = [plain(sheet.headerData(c, Qt.Orientation.Horizontal)) for c in range(2)]
    assert any(h.endswith("(نگه‌داشته‌شده)") for h in headers)  # "{name} (kept)"
    assert "نام‌های مشابه در یک حساب" in plain(screen.reasons.text()) or (
        "شماره تلفن یکسان" in plain(screen.reasons.text())
    )
    assert tasks.wait_all()


def test_a_number_shared_by_three_contacts_is_one_reason_line(ctx: AppContext, qtbot: Any) -> None:
    koks = add_account(ctx.db, "Koks")
    for given in ("Ilze", "Juris", "Pēteris"):
        add_contact(ctx.db, koks, given, given + "s", phones=["+37126123456"])
    screen = _screen(ctx, qtbot)
    screen.groups.view.setCurrentIndex(screen.groups.model.index(0, 0))
    # two reasons (the first contact with each other one) that read the same: one line
    assert len(screen.clusters[0].reasons) == 2
    assert plain(screen.reasons.text()).split("\n") == ["Same phone number: +37126123456"]


def test_long_titles_and_lists_are_not_cut(ctx: AppContext, qtbot: Any, persian: None) -> None:
    """In a Persian window the side-by-side header wraps "name (kept)" onto a second line
    instead of cutting it, and the list of groups stays as wide as its pane (a long list of
    accounts ends in "…" instead of pushing the table out of the pane, where a right-to-left
    window showed that column cut at its start)."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyle

    for n, name in enumerate(("Pioneer Freight Incorporated", "Redwood Laboratories Inc.")):
        account = add_account(ctx.db, f"{name} {n}")
        for given in ("Christopher", "Alexandra"):
            add_contact(ctx.db, account, given, "Montgomery-Smythe", phones=["+12015556083"])
    screen = _screen(ctx, qtbot)
    screen.groups.view.setCurrentIndex(screen.groups.model.index(0, 0))
    tasks.pump(50)
    groups = screen.groups.view
    assert groups.horizontalHeader().length() <= groups.viewport().width()
    header = screen.sheet.horizontalHeader()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    metrics = header.fontMetrics()
    wrap = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
    kept = 0
    for column in range(header.count()):
        title = screen.sheet_model.headerData(column, Qt.Orientation.Horizontal)
        kept += "(نگه‌داشته‌شده)" in title
        space = QRect(0, 0, header.sectionSize(column) - 2 * margin, 10_000)
        needed = metrics.boundingRect(space, wrap, title).height()
        assert needed <= header.height() - margin, (title, needed, header.height())
    assert kept == 1 and header.height() >= 2 * metrics.height()


def test_important_dates_are_side_by_side_a_different_birthday_in_bold(
    ctx: AppContext, db: Database, qtbot: Any
) -> None:
    """The sheet had no row for important dates: two Amelias with different birthdays were
    merged without the user seeing it, and the kept one had both. A birthday and a work
    anniversary are shown, in bold where they differ (the kept contact's stays); other dates
    come together (not bold)."""
    from accountdesk.core.records import ImportantDateInput

    acc = add_account(db, "Brown & Co")
    kept = add_contact(
        db,
        acc,
        "Amelia",
        "Brown",
        emails=["amelia@brown.example"],
        important_dates=[
            ImportantDateInput("birthday", 7, 3, 1966),
            ImportantDateInput("custom", 3, 8, label="Women's Day"),
        ],
    )
    add_contact(
        db,
        acc,
        "Amelia",
        "Brown",
        emails=["AMELIA@brown.example"],
        important_dates=[
            ImportantDateInput("birthday", 6, 23, 1966),
            ImportantDateInput("work_anniversary", 9, 1),
            ImportantDateInput("custom", 12, 24, label="Name day"),
        ],
    )
    screen = _screen(ctx, qtbot)
    screen.groups.view.setCurrentIndex(screen.groups.model.index(0, 0))
    screen.keep.setCurrentIndex(screen.keep.findData(kept))
    sheet = screen.sheet_model
    column = {sheet.sheets[c].id: c for c in range(2)}
    titles = [sheet.headerData(r, Qt.Orientation.Vertical) for r in range(sheet.rowCount())]
    birthday, work, other = (
        titles.index("Birthday"),
        titles.index("Work anniversary"),
        titles.index("Other date"),
    )
    assert _cell(sheet, birthday, column[kept]) == "3 Jul 1966"
    assert _cell(sheet, birthday, 1 - column[kept]) == "23 Jun 1966"
    bold = Qt.ItemDataRole.FontRole
    assert sheet.data(sheet.index(birthday, 0), bold)  # two birthdays: the kept one stays
    assert sheet.data(sheet.index(work, 0), bold) is None  # one: it comes to the kept contact
    assert _cell(sheet, other, column[kept]) == "Women's Day: 8 Mar"
    assert _cell(sheet, other, 1 - column[kept]) == "Name day: 24 Dec"
    assert sheet.data(sheet.index(other, 0), bold) is None  # both kept
    assert titles.index("Birthday") < titles.index("Related records")
