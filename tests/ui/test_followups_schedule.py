"""The scheduling dialog takes a typed date and time as typed, warns about the past, about
their holidays and about the user's own hours; the typed wall-time field on its own."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from accountdesk.core import settings
from accountdesk.core.queries.followups import list_follow_ups
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.ui.followups.when import WallTimeEdit, parse_wall_time

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _reza(db: Any) -> str:
    account = create_account(
        db, AccountInput(name="Pars Petro", country="IR", timezone="Asia/Tehran", city="Tehran")
    )
    return create_contact(
        db,
        ContactInput(
            account_id=account,
            given_name="Reza",
            family_name="Ahmadi",
            country="IR",
            timezone="Asia/Tehran",
            city="Tehran",
        ),
    )


def _dialog(qtbot: Any, ctx: Any, contact_id: str) -> Any:
    from accountdesk.ui.followups.schedule import ScheduleDialog

    dialog = ScheduleDialog(ctx, contact_id, title="Call")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _type(qtbot: Any, edit: Any, text: str, *, select_all: bool = True) -> None:
    edit.setFocus()
    if select_all:
        qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Home)
    qtbot.keyClicks(edit, text)


def test_typing_a_full_date_and_time_takes_the_year_too(qtbot: Any, ctx: Any) -> None:
    reza = _reza(ctx.db)
    dialog = _dialog(qtbot, ctx, reza)
    assert dialog.local().year == 2025  # tomorrow, 10:00 (the clock says 12 March 2025)
    _type(qtbot, dialog.when, "2027-03-22 10:00")
    assert dialog.local() == datetime(2027, 3, 22, 10, 0)
    # 22 March 2027 is inside Nowruz: a public holiday in Iran; 10:00 in Tehran is 08:30 in
    # Riga, before my day starts.
    text = dialog.warnings.text()
    assert dialog.warnings.isVisibleTo(dialog)
    assert "public holiday in Iran" in text and "Nowruz" in text
    assert "For you it is 08:30: outside your working hours" in text
    assert "past" not in text
    # Typed at the start of the field, without selecting first: the same.
    dialog.when.clear()
    _type(qtbot, dialog.when, "2026-11-03 9:30", select_all=False)
    assert dialog.local() == datetime(2026, 11, 3, 9, 30)
    # Up moves it by half an hour, Page Down by a day.
    qtbot.keyClick(dialog.when, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.when, Qt.Key.Key_PageDown)
    assert dialog.when.text() == "2026-11-02 10:00"
    dialog.save()
    assert dialog.saved_id is not None
    row = list_follow_ups(ctx.db, now=ctx.now(), user_zone="UTC")[0]
    assert (row.local_due, row.zone) == (datetime(2026, 11, 2, 10), "Asia/Tehran")


def test_a_time_in_the_past_is_flagged(qtbot: Any, ctx: Any) -> None:
    reza = _reza(ctx.db)
    dialog = _dialog(qtbot, ctx, reza)
    assert "past" not in dialog.warnings.text()
    _type(qtbot, dialog.when, "2025-03-11 11:00")  # the day before "now"
    assert dialog.warnings.isVisibleTo(dialog)
    assert "This time is in the past" in dialog.warnings.text()
    # The suggestions never go back in time.
    assert dialog.suggestion_buttons
    first = dialog.suggestion_buttons[0]
    first.click()
    assert dialog.local() > datetime(2025, 3, 12, 9)
    assert "past" not in dialog.warnings.text()


def test_text_that_is_not_a_time_is_said_and_not_saved(qtbot: Any, ctx: Any) -> None:
    reza = _reza(ctx.db)
    dialog = _dialog(qtbot, ctx, reza)
    _type(qtbot, dialog.when, "2027-02-30 10:00")
    assert dialog.when.value() is None
    assert "Write the date and time as 2027-03-22 10:00" in dialog.warnings.text()
    dialog.save()
    assert dialog.saved_id is None
    assert list_follow_ups(ctx.db, now=ctx.now(), user_zone="UTC") == []


def test_my_own_calendar_gives_the_warnings_on_my_side(qtbot: Any, ctx: Any) -> None:
    settings.put(ctx.db, "user.country", "LV")
    reza = _reza(ctx.db)
    dialog = _dialog(qtbot, ctx, reza)
    # Saturday 3 May 2025 is a working day in Tehran; 11:00 there is 10:30 in Riga: my weekend.
    _type(qtbot, dialog.when, "2025-05-03 11:00")
    text = dialog.warnings.text()
    assert "For you it is Saturday, 3 May 2025: your weekend." in text
    assert "Iran" not in text  # nothing wrong on their side
    # Suggestions are good for both: not on my weekend, not on their Friday.
    for button in dialog.suggestion_buttons:
        button.click()
        assert dialog.warnings.text() == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-03-22 10:00", datetime(2027, 3, 22, 10)),
        ("2027-03-22T10:00", datetime(2027, 3, 22, 10)),
        (" 2027-3-2 9:05 ", datetime(2027, 3, 2, 9, 5)),
        ("۲۰۲۷-۰۳-۲۲ ۱۰:۰۰", datetime(2027, 3, 22, 10)),  # Persian digits
        ("2027-03-22", None),
        ("2027-13-01 10:00", None),
        ("10:00", None),
        ("", None),
    ],
)
def test_parse_wall_time(text: str, expected: datetime | None) -> None:
    assert parse_wall_time(text) == expected


def test_the_calendar_keeps_the_time(qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    edit = WallTimeEdit()
    qtbot.addWidget(edit)
    seen: list[object] = []
    edit.value_changed.connect(seen.append)
    edit.set_value(datetime(2027, 3, 22, 14, 30))
    edit.show_calendar()
    assert edit.calendar is not None and edit.calendar.selected() == date(2027, 3, 22)
    edit.calendar.move_months(1)
    grid = edit.calendar.grid
    cell = grid.visualRect(edit.calendar.index_of(date(2027, 4, 2)))
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    assert edit.value() == datetime(2027, 4, 2, 14, 30)
    assert not edit.calendar.isVisible()
    assert seen == [datetime(2027, 3, 22, 14, 30), datetime(2027, 4, 2, 14, 30)]


@pytest.mark.parametrize(
    ("lang", "shown", "placeholder"),
    [
        ("tr", "2.11.2026 10:00", "22.03.2027 10:00"),  # CLDR: d.MM.y
        ("sl", "2. 11. 2026 10:00", "22. 3. 2027 10:00"),  # d. M. yy
        ("lv", "02.11.2026 10:00", "22.03.2027 10:00"),  # dd.MM.yy
        ("en", "2026-11-02 10:00", "YYYY-MM-DD HH:MM"),  # ISO 8601: read one way by all
    ],
)
def test_the_date_field_shows_the_languages_day_first_order(
    qtbot: Any, ctx: Any, lang: str, shown: str, placeholder: str
) -> None:
    """A Turkish user reads and types 2.11.2026 10:00 (not ISO), as a Persian or Thai user
    their own calendar's order; what is shown is read back, and ISO 8601 is still taken."""
    from accountdesk.ui.app import apply_language

    apply_language(lang)
    try:
        edit = WallTimeEdit()
        qtbot.addWidget(edit)
        edit.set_value(datetime(2026, 11, 2, 10, 0))
        assert edit.text() == shown
        assert edit.placeholderText() == placeholder
        assert edit.value() == datetime(2026, 11, 2, 10, 0)
        edit.setText("2027-03-22 09:30")
        assert edit.value() == datetime(2027, 3, 22, 9, 30)
    finally:
        apply_language("en")


@pytest.mark.parametrize("moves", [True, False])
def test_rescheduling_shows_whether_occurrences_move_to_a_working_day(
    qtbot: Any, ctx: Any, moves: bool
) -> None:
    """The Reschedule dialog showed "Move an occurrence on a non-working day…" unticked for
    every follow-up; it shows what was scheduled, and a save keeps it."""
    from accountdesk.core.services import followups as service
    from accountdesk.ui.followups.schedule import ScheduleDialog

    contact = _reza(ctx.db)
    scheduled = service.schedule(
        ctx.db,
        service.FollowUpInput(
            contact_id=contact, title="Quarterly call", local_due=datetime(2026, 12, 4, 10),
            zone="Asia/Tehran", rrule="FREQ=MONTHLY;INTERVAL=3", move_to_working_day=moves,
        ),
    )  # fmt: skip
    dialog = ScheduleDialog(ctx, follow_up_id=scheduled.id)
    qtbot.addWidget(dialog)
    assert dialog.move_box.isChecked() is moves
    assert not dialog.move_box.isEnabled()
    dialog.title_edit.setText("Quarterly review call")
    dialog.save()
    assert dialog.saved_id == scheduled.id
    assert service.for_edit(ctx.db, scheduled.id).data.move_to_working_day is moves
    dialog.reload()
    assert dialog.move_box.isChecked() is moves


def test_a_date_fields_calendar_shows_the_weekend_of_whose_day_it_is(qtbot: Any, ctx: Any) -> None:
    """The calendar of a date field coloured the English locale's Saturday–Sunday, whoever's
    day it held: Reza's follow-up in Tehran shows Friday, the user's own day in Riga
    Saturday–Sunday, and one in Riyadh Friday–Saturday, in an English window."""
    from accountdesk.ui.quicklog.dialog import QuickLogDialog
    from accountdesk.ui.reports.rates import RatesDialog

    settings.put(ctx.db, "user.country", "SA")
    reza = _reza(ctx.db)
    dialog = _dialog(qtbot, ctx, reza)
    dialog.when.show_calendar()
    assert dialog.when.calendar.model.weekend == frozenset({4})  # Friday
    dialog.when.calendar.close()
    log = QuickLogDialog(ctx, contact_id=reza)
    qtbot.addWidget(log)
    log.when.show_calendar()  # when it happened: the user's time
    assert log.when.calendar.model.weekend == frozenset({4, 5})
    log.when.calendar.close()
    log.due.show_calendar()  # the follow-up: their time
    assert log.due.calendar.model.weekend == frozenset({4})
    log.due.calendar.close()
    settings.put(ctx.db, "user.country", "LV")  # asked again as it opens
    log.when.show_calendar()
    assert log.when.calendar.model.weekend == frozenset({5, 6})
    log.when.calendar.close()
    rates = RatesDialog(ctx)
    qtbot.addWidget(rates)
    rates.day.show_calendar()
    assert rates.day.calendar.model.weekend == frozenset({5, 6})
    rates.day.calendar.close()


def test_rescheduling_a_series_to_another_day_says_it_starts_again_from_it(
    qtbot: Any, ctx: Any
) -> None:
    """Another time on the same day keeps a series on its days (nothing to say); another day
    restarts it from that day, and the dialog says on which weekday it repeats now."""
    from accountdesk.core.services import followups as service
    from accountdesk.ui.followups.schedule import ScheduleDialog

    contact = _reza(ctx.db)
    scheduled = service.schedule(
        ctx.db,
        service.FollowUpInput(
            contact_id=contact, title="Weekly call", local_due=datetime(2027, 3, 6, 10),
            zone="Asia/Tehran", rrule="FREQ=WEEKLY",
        ),
    )  # fmt: skip
    dialog = ScheduleDialog(ctx, follow_up_id=scheduled.id)
    qtbot.addWidget(dialog)
    dialog.when.set_value(datetime(2027, 3, 6, 11))
    assert "starts again" not in dialog.warnings.text()
    dialog.when.set_value(datetime(2027, 3, 8, 10))
    assert "it repeats from Monday, 8 March 2027 on" in dialog.warnings.text()
    dialog.custom_rule.setText("")
    dialog._set_rule("FREQ=MONTHLY")  # a new rule: a new series, as typed
    assert "starts again" not in dialog.warnings.text()


@pytest.mark.parametrize(
    ("now", "my_zone", "country", "zone", "proposed"),
    [
        # 23:30 in Riga is 11:15 on the 13th in Chatham: their tomorrow is the 14th (the
        # user's tomorrow, the 13th at 10:00 there, was 75 minutes past)
        ("2025-03-12T21:30:00+00:00", "Europe/Riga", "NZ", "Pacific/Chatham", (14, 10)),
        # 09:30 in Bangkok is 22:30 on the 11th in New York: their tomorrow is the 12th (the
        # user's, the 13th, was the day after tomorrow there)
        ("2025-03-12T02:30:00+00:00", "Asia/Bangkok", "US", "America/New_York", (12, 10)),
    ],
)
def test_a_new_follow_up_is_proposed_for_tomorrow_10_00_by_their_date(
    qtbot: Any,
    db: Any,
    person: Any,
    now: str,
    my_zone: str,
    country: str,
    zone: str,
    proposed: tuple[int, int],
) -> None:
    from accountdesk.core.clock import fixed_clock
    from accountdesk.ui.context import AppContext
    from accountdesk.ui.followups.schedule import ScheduleDialog

    settings.put(db, "user.zone", my_zone)
    ctx = AppContext(db, clock=fixed_clock(datetime.fromisoformat(now)))
    them = person("Aroha", country, zone)
    day, hour = proposed
    dialog = _dialog(qtbot, ctx, them)
    assert dialog.local() == datetime(2025, 3, day, hour)
    assert "past" not in dialog.warnings.text()
    # New… without a contact: tomorrow by the user's date, until the contact is picked
    dialog = ScheduleDialog(ctx)
    qtbot.addWidget(dialog)
    mine = datetime.fromisoformat(now).astimezone(ZoneInfo(my_zone)).date() + timedelta(days=1)
    assert dialog.local() == datetime.combine(mine, time(10))
    dialog.contact.picked.emit(them)
    assert dialog.local() == datetime(2025, 3, day, hour)
    assert "past" not in dialog.warnings.text()
    # a time typed before the contact is picked is kept
    dialog = ScheduleDialog(ctx)
    qtbot.addWidget(dialog)
    _type(qtbot, dialog.when, "2025-03-20 15:00")
    dialog.contact.picked.emit(them)
    assert dialog.local() == datetime(2025, 3, 20, 15)
