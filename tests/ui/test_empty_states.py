"""An empty list says what it means: on a new database, where to start; with a filter that
matches nothing, that it matches nothing. It showed its headers over blank space."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import followups as service
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.ui import tasks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _shown(screen: Any, qtbot: Any) -> Any:
    qtbot.addWidget(screen)
    screen.resize(900, 500)
    screen.show()
    tasks.wait_all()
    tasks.pump(20)
    return screen


def _note(screen: Any) -> str | None:
    """The note's text when it is shown over the list, else None."""
    note = screen.empty_note
    if not note.isVisible():
        return None
    viewport = screen.table.viewport().rect()
    assert viewport.contains(note.geometry())  # inside the list, under its headers
    return str(note.text())


def _contact(db: Any) -> str:
    account = create_account(
        db, AccountInput(name="Baltic Timber", country="LV", timezone="Europe/Riga")
    )
    return create_contact(
        db,
        ContactInput(
            account_id=account,
            given_name="Anna",
            family_name="Ozola",
            country="LV",
            timezone="Europe/Riga",
        ),
    )


def test_an_empty_account_list_says_how_to_start_and_a_filter_that_nothing_matches(
    ctx: Any, qtbot: Any
) -> None:
    from accountdesk.ui.accounts.screen import AccountsScreen

    screen = _shown(AccountsScreen(ctx, asynchronous=False), qtbot)
    first = _note(screen)
    assert first is not None and "New account…" in first and "Ctrl+I" in first

    _contact(ctx.db)
    ctx.changed.emit("account")
    tasks.pump(20)
    assert _note(screen) is None  # a row: no note

    screen.search.setText("zzzq")
    screen.apply_filter()
    tasks.pump(20)
    assert screen.model.rowCount() == 0
    assert _note(screen) == "No account matches the filter."

    screen.search.clear()
    screen.apply_filter()
    tasks.pump(20)
    assert _note(screen) is None


def test_an_empty_contact_list_says_how_to_start(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.contacts.screen import ContactsScreen

    screen = _shown(ContactsScreen(ctx, asynchronous=False), qtbot)
    first = _note(screen)
    assert first is not None and "New contact…" in first and "Ctrl+I" in first
    screen.status.setCurrentIndex(1)  # a filter, on an empty database still
    tasks.pump(20)
    assert _note(screen) == "No contact matches the filter."


def test_the_follow_ups_list_says_why_it_is_empty(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.followups.screen import FollowUpsScreen

    screen = _shown(FollowUpsScreen(ctx), qtbot)
    first = _note(screen)
    assert first is not None and "Schedule follow-up…" in first

    anna = _contact(ctx.db)
    service.schedule(ctx.db, service.FollowUpInput(anna, "Call Anna", datetime(2025, 3, 20, 10)))
    screen.reload()
    tasks.wait_all()
    tasks.pump(20)
    assert _note(screen) is None

    screen.filter.setText("zzzq")
    screen.reload()
    tasks.wait_all()
    tasks.pump(20)
    assert _note(screen) == "No follow-up matches the filter."

    screen.filter.clear()
    screen.status.setCurrentIndex(screen.status.findData("done"))
    tasks.wait_all()
    tasks.pump(20)
    assert _note(screen) == "No follow-up has been completed yet."


def _dialog_note(dialog: Any) -> str | None:
    note = dialog.empty_note
    return str(note.text()) if note.isVisible() else None


def test_an_empty_trash_says_so(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.trash.dialog import TrashDialog

    dialog = TrashDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    said = _dialog_note(dialog)
    assert said is not None and said.startswith("The trash is empty.")
    anna = _contact(ctx.db)
    ctx.delete("contact", anna, "Anna Ozola")
    dialog.reload()
    assert dialog.model.rowCount() == 1
    assert _dialog_note(dialog) is None


def test_no_backups_yet_says_how_to_make_one(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.backups import BackupsDialog

    dialog = BackupsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 0
    assert _dialog_note(dialog) == "No backups yet. Back up now makes one."
    dialog.back_up_now()
    assert dialog.model.rowCount() == 1
    assert _dialog_note(dialog) is None


def test_today_on_an_empty_database_says_where_to_start(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.today.screen import TodayScreen

    screen = TodayScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    screen.show()
    said = screen.start_here.text()
    assert screen.start_here.isVisible()
    assert "New account…" in said and "Import contacts…" in said and "Load demo data…" in said
    _contact(ctx.db)
    ctx.changed.emit("account")  # Today reloads
    assert not screen.start_here.isVisible()


def test_a_country_search_that_matches_nothing_says_so(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.countries.screen import CountriesScreen

    screen = CountriesScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    screen.show()
    assert not screen.no_country.isVisible()
    screen.search.setText("zzqx")
    assert screen.visible_codes() == []
    assert screen.no_country.isVisible()
    assert screen.no_country.text() == "No country matches the search."
    screen.search.setText("latv")
    assert screen.visible_codes() == ["LV"]
    assert not screen.no_country.isVisible()
