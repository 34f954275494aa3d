"""The tabs of an account's and a contact's page say what an empty list means and how to fill
it: a new account's Interactions, Deals, Surveys, Gifts and Notes, and a new contact's
Interactions and Notes, showed their headers over blank space."""

from __future__ import annotations

from typing import Any

import pytest

from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import activity
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.ui import tasks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _note(panel: Any) -> str | None:
    """The note over the panel's list when it is shown, else None."""
    note = panel.empty_note
    if not note.isVisibleTo(panel):
        return None
    assert panel.view.viewport().rect().contains(note.geometry())
    return str(note.text())


def _shown(view: Any, qtbot: Any) -> Any:
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    tasks.wait_all()
    tasks.pump(20)
    return view


def test_the_tabs_of_a_new_account_say_how_to_fill_them(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.accounts.view import AccountView

    account = create_account(ctx.db, AccountInput(name="Anadolu Tekstil", country="TR"))
    view = _shown(AccountView(ctx, account), qtbot)
    panels = [view.contacts, view.interactions, view.deals, view.surveys, view.gifts, view.notes]
    notes = []
    for panel in panels:
        view.tabs.setCurrentWidget(panel)
        tasks.pump(10)
        note = _note(panel)
        assert note, panel
        notes.append(note)
    assert len(set(notes)) == len(notes)  # each says what its own list holds
    assert "New contact…" in notes[0] and "Log interaction…" in notes[1]


def test_a_note_goes_when_the_list_has_a_row(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.contacts.view import ContactView

    account = create_account(ctx.db, AccountInput(name="Baltijas Koks", country="LV"))
    contact = create_contact(
        ctx.db,
        ContactInput(account_id=account, given_name="Ilze", family_name="Bērziņa", country="LV"),
    )
    view = _shown(ContactView(ctx, contact), qtbot)
    for panel in (view.interactions, view.notes):
        view.tabs.setCurrentWidget(panel)
        tasks.pump(10)
        assert _note(panel)
    assert "Log interaction…" in str(_note(view.interactions))
    activity.save_note(ctx.db, "Prefers mornings", contact_id=contact)
    ctx.changed.emit("note")
    tasks.wait_all()
    tasks.pump(20)
    view.tabs.setCurrentWidget(view.notes)
    tasks.pump(10)
    assert view.notes.model.rowCount() == 1
    assert _note(view.notes) is None


def test_the_latest_merges_say_what_they_will_hold(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.duplicates.screen import DuplicatesScreen

    screen = _shown(DuplicatesScreen(ctx), qtbot)
    assert screen.merges.model.rowCount() == 0
    note = _note(screen.merges)
    assert note and "Undo merge" in note
