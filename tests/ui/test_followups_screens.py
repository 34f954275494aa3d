"""The Follow-ups screen, the scheduling dialog and the meeting planner."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.queries.followups import list_follow_ups
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import followups as service
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.ui import tasks
from accountdesk.ui.listmodel import PLAIN_ROLE

#: a window shown offscreen: the platform cannot size or raise it
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def add_account(db: Any, name: str = "Baltic Timber", **kw: Any) -> str:
    data = {"name": name, "country": "LV", "timezone": "Europe/Riga", **kw}
    return create_account(db, AccountInput(**data))


def add_contact(
    db: Any, account_id: str, given: str = "Anna", family: str = "Ozola", **kw: Any
) -> str:
    data = {"country": "LV", "timezone": "Europe/Riga", **kw}
    return create_contact(
        db, ContactInput(account_id=account_id, given_name=given, family_name=family, **data)
    )


def _screen(qtbot: Any, ctx: Any) -> Any:
    from accountdesk.ui.followups.screen import FollowUpsScreen

    screen = FollowUpsScreen(ctx)
    qtbot.addWidget(screen)
    tasks.wait_all()
    return screen


def _ayse(db: Any) -> str:
    account = add_account(db, "Ege Lojistik", country="TR", timezone="Europe/Istanbul")
    return add_contact(db, account, "Ayse", "Yilmaz", country="TR", timezone="Europe/Istanbul")


def test_model_and_buckets_in_both_zones(qtbot: Any, qtmodeltester: Any, ctx: Any) -> None:
    ayse = _ayse(ctx.db)
    service.schedule(ctx.db, service.FollowUpInput(ayse, "Overdue call", datetime(2025, 3, 10, 10)))
    service.schedule(ctx.db, service.FollowUpInput(ayse, "Later call", datetime(2025, 4, 2, 10)))
    screen = _screen(qtbot, ctx)
    qtmodeltester.check(screen.model)
    assert [r.title for r in screen.model.rows] == ["Overdue call", "Later call"]
    first = screen.model.index(0, 0)
    assert screen.model.data(first, PLAIN_ROLE) == "10 Mar 2025, 09:00"  # Riga, an hour behind
    assert "10:00" in screen.model.data(screen.model.index(0, 1))
    assert screen.model.data(screen.model.index(0, 6), PLAIN_ROLE) == "Overdue"
    screen.bucket.setCurrentIndex(screen.bucket.findData("later"))
    tasks.wait_all()
    assert [r.title for r in screen.model.rows] == ["Later call"]


def test_complete_and_snooze_a_selection(qtbot: Any, ctx: Any, reminding: Any) -> None:
    ayse = _ayse(ctx.db)
    for title in ("One", "Two"):
        service.schedule(ctx.db, service.FollowUpInput(ayse, title, datetime(2025, 3, 11, 10)))
    window, reminders = reminding()
    screen = window.screen_widget("followups")
    reminders.check()  # also runs on the controller's timer, and once when the app starts
    tasks.wait_all()
    assert len(reminders.pending) == 2  # both fell due before "now"
    assert "2 follow-ups are due" in reminders.text()
    reminders.check()
    tasks.wait_all()
    assert len(reminders.pending) == 2  # shown once: not again until snoozed
    screen.table.selectRow(0)
    screen.snooze()
    tasks.wait_all()
    screen.table.selectAll()
    screen.complete()
    tasks.wait_all()
    assert screen.model.rows == []
    assert list_follow_ups(ctx.db, now=ctx.now(), user_zone="UTC", status="done")


def test_scheduling_dialog_warns_and_suggests(qtbot: Any, ctx: Any) -> None:
    from accountdesk.ui.followups.schedule import ScheduleDialog

    ayse = _ayse(ctx.db)
    # Saturday 15 March 2025, 22:00 in Istanbul: weekend and outside working hours.
    dialog = ScheduleDialog(ctx, ayse, local=datetime(2025, 3, 15, 22, 0), title="Call")
    qtbot.addWidget(dialog)
    warnings = dialog.warnings.text()
    assert "weekend" in warnings.lower()
    assert "working hours" in warnings.lower()
    assert len(dialog.suggestion_buttons) == 3
    # A suggestion moves the time to a working slot: the warnings go away.
    dialog.suggestion_buttons[0].click()
    assert dialog.warnings.text() == ""
    # Istanbul's holiday: 23 April (National Sovereignty and Children's Day).
    dialog._use(datetime(2025, 4, 23, 10, 0))
    assert "holiday" in dialog.warnings.text().lower()
    dialog.title_edit.setText("Call about the offer")
    dialog._use(datetime(2025, 3, 18, 10, 0))
    dialog.save()
    assert dialog.saved_id is not None
    rows = list_follow_ups(ctx.db, now=ctx.now(), user_zone="UTC")
    assert rows[0].local_due == datetime(2025, 3, 18, 10, 0)
    assert rows[0].zone == "Europe/Istanbul"


def test_scheduling_dialog_states_the_dst_rule(qtbot: Any, ctx: Any) -> None:
    from accountdesk.ui.followups.schedule import ScheduleDialog

    account = add_account(ctx.db)
    anna = add_contact(ctx.db, account)
    dialog = ScheduleDialog(ctx, anna, local=datetime(2025, 3, 30, 3, 30), title="Early")
    qtbot.addWidget(dialog)
    assert "03:30" in dialog.warnings.text() or "3:30" in dialog.warnings.text()


def test_planner_never_offers_a_weekend_slot(qtbot: Any, ctx: Any) -> None:
    from accountdesk.ui.followups.planner import PlannerDialog

    ayse = _ayse(ctx.db)
    account = add_account(ctx.db, "Siam Foods", country="TH", timezone="Asia/Bangkok")
    somchai = add_contact(
        ctx.db, account, "Somchai", "Jaidee", country="TH", timezone="Asia/Bangkok"
    )
    dialog = PlannerDialog(ctx, [ayse, somchai])
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 3  # you, Ayse, Somchai
    assert dialog.grid is not None and dialog.grid.good_slots
    for slot in dialog.grid.good_slots:
        assert slot.weekday() < 5
    assert dialog.slots.count() == len(dialog.grid.good_slots)


def test_ics_export_and_import_through_the_screen(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    ayse = _ayse(ctx.db)
    service.schedule(
        ctx.db,
        service.FollowUpInput(
            ayse, "Quarterly", datetime(2025, 3, 20, 10), rrule="FREQ=MONTHLY;INTERVAL=3"
        ),
    )
    screen = _screen(qtbot, ctx)
    path = tmp_path / "out.ics"
    assert screen.export_to(path) == 1
    assert b"TZID=Europe/Istanbul" in path.read_bytes()
    again = screen.import_from(path, ayse)  # the follow-up is there: left as it is
    assert (len(again), len(again.already)) == (0, 1)
    copy = tmp_path / "copy.ics"  # another calendar's copy of the event: a UID of its own
    copy.write_bytes(path.read_bytes().replace(b"@accountdesk", b"@elsewhere"))
    assert len(screen.import_from(copy, ayse)) == 1
    tasks.wait_all()
    rows = list_follow_ups(ctx.db, now=ctx.now(), user_zone="UTC")
    assert (
        sorted((r.local_due, r.zone, r.rrule) for r in rows)
        == [(datetime(2025, 3, 20, 10), "Europe/Istanbul", "FREQ=MONTHLY;INTERVAL=3")] * 2
    )
    bad = tmp_path / "bad.ics"
    bad.write_text("hello", encoding="utf-8")
    try:
        screen.import_from(bad, ayse)
    except Exception as exc:
        assert "iCalendar" in str(exc) or "calendar" in str(exc).lower()
    else:
        raise AssertionError("an invalid file was accepted")


def test_ics_buttons_keep_the_file_type_in_order(qtbot: Any, ctx: Any) -> None:
    """The file type is a Latin run: isolated left to right, so in a Persian label the dot
    stays before "ics" and the ellipsis after it (not "…ics." read backwards)."""
    from PySide6.QtWidgets import QPushButton

    from accountdesk.core.bidi import LRI, PDI, plain
    from accountdesk.ui.app import apply_language

    screen = _screen(qtbot, ctx)
    export = screen.findChild(QPushButton, "export")
    imports = screen.findChild(QPushButton, "import")
    assert plain(export.text()) == "Export .ics…" and plain(imports.text()) == "Import .ics…"
    apply_language("fa")
    try:
        persian = _screen(qtbot, ctx)
        for name in ("export", "import"):
            text = persian.findChild(QPushButton, name).text()
            assert f"{LRI}.ics{PDI}" in text, text
            assert text.endswith(f"{PDI}…"), text
    finally:
        apply_language("en")


def test_every_column_title_fits_in_turkish(qtbot: Any, ctx: Any) -> None:
    """A title longer in the language than the column's default width ("Son tarih (sizin
    saatiniz)") widens its column instead of being cut."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetrics

    from accountdesk.ui.app import apply_language

    apply_language("tr")
    try:
        screen = _screen(qtbot, ctx)
        header = screen.table.horizontalHeader()
        metrics = QFontMetrics(header.font())
        for column in range(header.count() - 1):  # the last one stretches
            title = screen.model.headerData(column, Qt.Orientation.Horizontal)
            assert metrics.horizontalAdvance(title) < header.sectionSize(column), title
        assert screen.model.headerData(0, Qt.Orientation.Horizontal) == "Son tarih (sizin saatiniz)"
    finally:
        apply_language("en")


def test_an_imported_series_with_dates_taken_off_is_named(
    qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """A weekly call with a week cancelled in another calendar: the import says which event
    repeats by its rule alone, beside how many were imported."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from accountdesk.ui.followups import screen as screen_module

    ayse = _ayse(ctx.db)
    path = tmp_path / "cancelled.ics"
    path.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//EN\r\n"
        b"BEGIN:VEVENT\r\nUID:call@example.com\r\nSUMMARY:Call\r\n"
        b"DTSTART;TZID=Europe/Istanbul:20270104T100000\r\nDURATION:PT30M\r\n"
        b"RRULE:FREQ=WEEKLY;COUNT=6\r\nEXDATE;TZID=Europe/Istanbul:20270111T100000\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    screen = _screen(qtbot, ctx)
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(screen_module, "choose_contact", lambda *a, **k: ayse)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    screen.import_file()
    assert len(shown) == 1
    assert shown[0].startswith("Imported 1 follow-up.")
    assert "repeats by its rule alone (\u201cCall\u201d)." in plain(shown[0])
