"""The Follow-ups screen's reminders and snooze presets, the planner's participants and
colours, and the scheduling dialog's rule check, zone change and rescheduling."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from accountdesk.core.queries.followups import due_for_reminder, list_follow_ups, reminded
from accountdesk.core.services import followups as service
from accountdesk.ui import tasks
from accountdesk.ui.forms import combo_value

#: a window shown offscreen: the platform cannot size or raise it
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def add_account(db: Any, name: str, **kw: Any) -> str:
    from accountdesk.core.records import AccountInput
    from accountdesk.core.services.accounts import create_account

    return create_account(db, AccountInput(name=name, **kw))


def add_contact(db: Any, account_id: str, given: str, family: str, **kw: Any) -> str:
    from accountdesk.core.records import ContactInput
    from accountdesk.core.services.accounts import create_contact

    return create_contact(
        db, ContactInput(account_id=account_id, given_name=given, family_name=family, **kw)
    )


def _ayse(db: Any) -> str:
    account = add_account(db, "Ege Lojistik", country="TR", timezone="Europe/Istanbul")
    return add_contact(db, account, "Ayse", "Yilmaz", country="TR", timezone="Europe/Istanbul")


def _screen(qtbot: Any, ctx: Any) -> Any:
    from accountdesk.ui.followups.screen import FollowUpsScreen

    screen = FollowUpsScreen(ctx)
    qtbot.addWidget(screen)
    tasks.wait_all()
    return screen


def test_the_reminder_bar_completes_and_snoozes(qtbot: Any, ctx: Any, reminding: Any) -> None:
    ayse = _ayse(ctx.db)
    service.schedule(ctx.db, service.FollowUpInput(ayse, "Call", datetime(2025, 3, 11, 10)))
    service.schedule(ctx.db, service.FollowUpInput(ayse, "Later", datetime(2025, 4, 2, 10)))
    window, reminders = reminding()
    screen, bar = window.screen_widget("followups"), reminders.bar
    reminders.check()
    tasks.wait_all()
    assert reminders.tray is None  # offscreen has no system tray: the bar is the notification
    assert bar.isVisibleTo(window)
    assert "1 follow-up is due" in bar.text()
    assert due_for_reminder(ctx.db, ctx.now()) == []  # marked as notified
    bar.snooze.click()
    tasks.wait_all()
    assert not bar.isVisibleTo(window)
    row = next(
        r for r in list_follow_ups(ctx.db, now=ctx.now(), user_zone="UTC") if r.title == "Call"
    )
    assert row.snoozed_until == ctx.now() + timedelta(hours=1)
    # An hour later it is due again; "Show them" selects it, "Complete" completes it.
    due_again = due_for_reminder(ctx.db, ctx.now() + timedelta(hours=1, minutes=1))
    assert due_again == [row.shown]
    reminders.show(due_again, reminded(ctx.db, [row.id]))
    bar.open.click()
    tasks.wait_all()
    assert screen.selected_ids() == [row.id]
    bar.complete.click()
    tasks.wait_all()
    assert [r.title for r in screen.model.rows] == ["Later"]


def test_snooze_presets(qtbot: Any, ctx: Any, reminding: Any) -> None:
    from accountdesk.core.timekeeping.reminders import PRESETS_BY_KEY

    ayse = _ayse(ctx.db)
    service.schedule(ctx.db, service.FollowUpInput(ayse, "Call", datetime(2025, 3, 11, 10)))
    screen = _screen(qtbot, ctx)
    menu = screen.snooze_button.menu()
    assert menu.actions()[0].text() == "For 1 hour"
    screen.table.selectRow(0)
    menu.actions()[2].trigger()  # until the next working day, the user's time (Riga)
    tasks.wait_all()
    row = list_follow_ups(ctx.db, now=ctx.now(), user_zone="UTC")[0]
    assert row.snoozed_until == datetime(2025, 3, 13, 9, tzinfo=ZoneInfo("Europe/Riga"))
    presets = [
        "For 1 hour",
        "For 3 hours",
        "Until the next working day (Thu 13 Mar, 09:00)",
        "Until next week (Mon 17 Mar, 09:00)",
    ]
    assert [a.text() for a in menu.actions()] == presets
    # The reminder bar offers the same presets beside its quick "Snooze 1 h".
    _window, reminders = reminding()
    assert [a.text() for a in reminders.bar.snooze.menu().actions()] == presets
    week = screen.snooze_until(PRESETS_BY_KEY["next_week"]).astimezone(ZoneInfo("Europe/Riga"))
    assert (week.date(), week.hour) == (datetime(2025, 3, 17).date(), 9)


def test_snooze_presets_keep_the_users_own_week_and_hours(qtbot: Any, db: Any) -> None:
    """An Iranian user on Thursday evening: the next working day and the next week are both
    Saturday, at the start of their own hours (the menu said "Until tomorrow 09:00", their
    Friday weekend, and "Until Monday 09:00"); the menu says the day as it opens."""
    from accountdesk.core import settings
    from accountdesk.core.clock import fixed_clock
    from accountdesk.ui.context import AppContext

    for key, value in (("user.zone", "Asia/Tehran"), ("user.country", "IR")):
        settings.put(db, key, value)
    settings.put(db, "user.hours", "08:00-16:00")
    ctx = AppContext(db, clock=fixed_clock(datetime(2027, 1, 7, 16, 30, tzinfo=ZoneInfo("UTC"))))
    screen = _screen(qtbot, ctx)
    menu = screen.snooze_button.menu()
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions()][2:] == [
        "Until the next working day (Sat 9 Jan, 08:00)",
        "Until next week (Sat 9 Jan, 08:00)",
    ]


def test_planner_adds_an_account_and_colours_holidays(qtbot: Any, ctx: Any) -> None:
    from accountdesk.ui.followups.planner import COLOURS, PlannerDialog

    account = add_account(ctx.db, "Ege Lojistik", country="TR", timezone="Europe/Istanbul")
    for given in ("Ayse", "Mehmet"):
        add_contact(ctx.db, account, given, "Kaya", country="TR", timezone="Europe/Istanbul")
    dialog = PlannerDialog(ctx, [], account_id=account)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 3
    assert dialog.add_account_contacts(account) == 0  # nobody twice
    dialog.days.setValue(14)
    grid = dialog.grid
    assert grid is not None and grid.good_slots
    riga = ZoneInfo("Europe/Riga")
    for slot in grid.good_slots:
        column = grid.column_of(slot)
        assert column is not None
        assert dialog.table.item(1, column).background().color() == COLOURS["good"]
        for row in grid.rows:
            assert row.cells[column].state == "work"
            assert row.cells[column].local.weekday() < 5
        assert slot.astimezone(riga).weekday() < 5
    weekend = [c for c, cell in enumerate(grid.rows[1].cells) if cell.state == "weekend"]
    assert weekend
    assert dialog.table.item(1, weekend[0]).background().color() == COLOURS["weekend"]
    assert "weekend" in dialog.table.item(1, weekend[0]).toolTip()
    schedule = dialog.schedule_dialog(grid.good_slots[0])
    assert schedule is not None
    qtbot.addWidget(schedule)
    assert combo_value(schedule.zone) == "Europe/Istanbul"
    assert schedule.warnings.text() == ""  # a good slot for everyone is good for her


def test_planner_names_the_holiday(qtbot: Any, ctx: Any) -> None:
    from accountdesk.ui.followups.planner import PlannerDialog

    ayse = _ayse(ctx.db)
    ctx.clock = lambda: datetime(2025, 4, 22, 6, tzinfo=ZoneInfo("UTC"))
    dialog = PlannerDialog(ctx, [ayse])
    qtbot.addWidget(dialog)
    grid = dialog.grid
    assert grid is not None
    holidays = [c for c, cell in enumerate(grid.rows[1].cells) if cell.state == "holiday"]
    assert holidays  # 23 April in Türkiye
    assert grid.rows[1].cells[holidays[0]].holiday
    tip = dialog.table.item(1, holidays[0]).toolTip()
    assert str(grid.rows[1].cells[holidays[0]].holiday) in tip
    assert all(grid.column_of(s) not in holidays for s in grid.good_slots)


def test_dialog_checks_a_custom_rule(qtbot: Any, ctx: Any) -> None:
    from accountdesk.ui.followups.schedule import ScheduleDialog

    ayse = _ayse(ctx.db)
    dialog = ScheduleDialog(ctx, ayse, local=datetime(2025, 3, 18, 10), title="Review")
    qtbot.addWidget(dialog)
    dialog.repeat.setCurrentIndex(dialog.repeat.findData("custom"))
    qtbot.keyClicks(dialog.custom_rule, "FREQ=SOMETIMES")
    assert dialog.rule_error()
    assert "⚠" in dialog.rule_hint.text()
    dialog.save()
    assert dialog.saved_id is None
    dialog.custom_rule.setText("FREQ=MONTHLY;BYDAY=3MO")
    assert dialog.rule_error() is None
    assert "3rd Monday" in dialog.rule_hint.text()
    dialog.move_box.setChecked(True)
    dialog.save()
    assert dialog.saved_id is not None
    row = list_follow_ups(ctx.db, now=ctx.now(), user_zone="UTC")[0]
    assert row.rrule == "FREQ=MONTHLY;BYDAY=3MO"


def test_dialog_in_another_zone_checks_their_hours(qtbot: Any, ctx: Any) -> None:
    from accountdesk.ui.followups.schedule import ScheduleDialog

    ayse = _ayse(ctx.db)
    # 16:00 in Bangkok is 12:00 in Istanbul: inside her hours, though anchored in Bangkok.
    dialog = ScheduleDialog(
        ctx, ayse, local=datetime(2025, 3, 18, 16), zone="Asia/Bangkok", title="Call"
    )
    qtbot.addWidget(dialog)
    assert dialog.warnings.text() == ""
    assert "Bangkok" in dialog.when_label.text()
    dialog._use(datetime(2025, 3, 18, 10))  # 06:00 in Istanbul
    assert "working hours" in dialog.warnings.text()
    dialog.suggestion_buttons[0].click()
    assert dialog.warnings.text() == ""
    # Her 09:00 is 08:00 in Riga, before my day starts: the first time good for both of us is
    # her 10:00 (09:00 mine), as Bangkok wall time.
    assert dialog.local() == datetime(2025, 3, 18, 14)


def test_reschedule_keeps_the_notes_and_updates_the_title(qtbot: Any, ctx: Any) -> None:
    from accountdesk.ui.followups.schedule import ScheduleDialog

    ayse = _ayse(ctx.db)
    done = service.schedule(
        ctx.db,
        service.FollowUpInput(ayse, "Call", datetime(2025, 3, 18, 10), notes="about the offer"),
    )
    dialog = ScheduleDialog(
        ctx,
        ayse,
        local=datetime(2025, 3, 18, 10),
        title="Call",
        notes="about the offer",
        follow_up_id=done.id,
    )
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Call about the new offer")
    dialog._use(datetime(2025, 3, 19, 11))
    dialog.save()
    row = list_follow_ups(ctx.db, now=ctx.now(), user_zone="UTC")[0]
    assert (row.title, row.notes, row.local_due) == (
        "Call about the new offer",
        "about the offer",
        datetime(2025, 3, 19, 11),
    )


def test_contact_and_account_views_open_the_dialogs(qtbot: Any, ctx: Any, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QDialog

    from accountdesk.ui.accounts.view import AccountView
    from accountdesk.ui.contacts.view import ContactView

    opened: list[str] = []
    monkeypatch.setattr(QDialog, "exec", lambda self: opened.append(type(self).__name__) or 0)
    ayse = _ayse(ctx.db)
    view = ContactView(ctx, ayse)
    qtbot.addWidget(view)
    view.schedule_follow_up()
    view.meeting_planner()
    from accountdesk.core.queries.details import contact_detail

    account_view = AccountView(ctx, contact_detail(ctx.db, ayse).account_id)
    qtbot.addWidget(account_view)
    account_view.meeting_planner()
    assert opened == ["ScheduleDialog", "PlannerDialog", "PlannerDialog"]


def test_the_reminder_bar_snoozes_until_tomorrow_morning(
    qtbot: Any, ctx: Any, reminding: Any
) -> None:
    ayse = _ayse(ctx.db)
    service.schedule(ctx.db, service.FollowUpInput(ayse, "Call", datetime(2025, 3, 11, 10)))
    window, reminders = reminding("today")
    reminders.check()
    tasks.wait_all()
    assert reminders.pending
    tomorrow = reminders.bar.snooze.menu().actions()[2]
    tomorrow.trigger()
    tasks.wait_all()
    assert not reminders.bar.isVisibleTo(window)
    row = list_follow_ups(ctx.db, now=ctx.now(), user_zone="UTC")[0]
    assert row.snoozed_until == datetime(2025, 3, 13, 9, tzinfo=ZoneInfo("Europe/Riga"))
    assert due_for_reminder(ctx.db, ctx.now() + timedelta(hours=2)) == []


def test_the_reminder_names_what_fell_due_whatever_the_list_shows(
    qtbot: Any, ctx: Any, reminding: Any
) -> None:
    """The list is filtered to something else (another filter, or rows not loaded yet): the
    reminder still names the follow-up that fell due (it said "1 follow-up is due." alone)."""
    ayse = _ayse(ctx.db)
    window, reminders = reminding()
    screen = window.screen_widget("followups")
    screen.filter.setText("nothing like it")

    def filtered() -> bool:
        tasks.wait_all()
        return screen.model.rows == []

    qtbot.waitUntil(filtered)
    call = service.FollowUpInput(ayse, "Call about the pallets", datetime(2025, 3, 11, 10))
    service.schedule(ctx.db, call)  # due yesterday: its reminder shows at the next check
    reminders.check()
    tasks.wait_all()
    assert screen.model.rows == []
    assert "1 follow-up is due." in reminders.text()
    assert "Call about the pallets" in reminders.text()


def test_the_reminder_bar_names_what_its_buttons_act_on(
    qtbot: Any, ctx: Any, reminding: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second reminder while the first is still in the bar: the count and the buttons take
    in both, and so do the names (they named the latest one only)."""
    ayse = _ayse(ctx.db)
    service.schedule(ctx.db, service.FollowUpInput(ayse, "Call", datetime(2025, 3, 11, 10)))
    window, reminders = reminding()
    screen = window.screen_widget("followups")
    reminders.check()
    tasks.wait_all()
    assert "Call" in reminders.text()
    service.schedule(
        ctx.db, service.FollowUpInput(ayse, "Send the offer", datetime(2025, 3, 12, 12))
    )
    later = due_for_reminder(ctx.db, ctx.now() + timedelta(minutes=1))
    assert [s.id for s in later] and len(later) == 1
    reminders.show(later, reminded(ctx.db, [later[0].id]))
    text = reminders.text()
    assert "2 follow-ups are due" in text
    assert text.index("Send the offer") < text.index("Call")  # the latest first
    from accountdesk.ui.followups import reminders as reminders_module

    asked: list[int] = []
    monkeypatch.setattr(
        reminders_module, "ask_complete_all", lambda _parent, n: asked.append(n) is None
    )
    reminders.bar.complete.click()
    tasks.wait_all()
    assert asked == [2]  # all of them, once the user says so
    assert screen.model.rows == []  # both completed
    reminders.show(later, reminded(ctx.db, [later[0].id]))  # a new bar: only its own
    assert "Call" not in reminders.text()
