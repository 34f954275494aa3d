"""A screen reader names every field of a form by its label ("Given name, edit text, Aigars"):
the labels of every editor were their fields' holders', so each field was an unnamed "edit
text" box and a combo box was announced by its value alone ("Latvia (LV)"). A message under a
refused field is said with it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QComboBox, QWidget

from accountdesk.core.i18n import _, use_language
from accountdesk.ui import tasks
from accountdesk.ui.accounts.editor import AccountEditor
from accountdesk.ui.activity import DealDialog, GiftDialog, NoteDialog, SurveyDialog
from accountdesk.ui.contacts.editor import ContactEditor
from accountdesk.ui.forms import FormDialog
from accountdesk.ui.me import MeDialog
from accountdesk.ui.quicklog.dialog import QuickLogDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _said(widget: QWidget, text: QAccessible.Text = QAccessible.Text.Name) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface.text(text)


def _labelled_by(widget: QWidget) -> list[str]:
    """The texts of the labels a screen reader reads for ``widget`` (its "labelled by")."""
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return [other.text(QAccessible.Text.Name) for other, _ in iface.relations(QAccessible.Label)]


def _assert_named(field: QWidget, label: str) -> None:
    assert label in _labelled_by(field), (label, _labelled_by(field))
    if isinstance(field, QComboBox):
        # on Linux Qt names a combo box by its value and leaves its label to the relation;
        # the line typed into an editable one, which has the focus, has the name
        assert field.accessibleName() == label
        if field.lineEdit() is not None:
            assert _said(field.lineEdit()) == label
    else:
        assert _said(field) == label


def _dialogs(ctx: Any, sample: dict[str, str]) -> list[FormDialog]:
    riga = sample["riga"]
    return [
        AccountEditor(ctx, riga),
        ContactEditor(ctx, sample["anna"]),
        QuickLogDialog(ctx),
        DealDialog(ctx, riga, currency="EUR"),
        SurveyDialog(ctx, riga),
        GiftDialog(ctx, riga, currency="EUR"),
        NoteDialog(ctx, account_id=riga),
        MeDialog(ctx),
    ]


@pytest.mark.parametrize("lang", ["en", "lv", "fa"])
def test_every_field_of_every_editor_is_named_by_its_label(
    ctx: Any, sample: dict[str, str], qtbot: Any, lang: str
) -> None:
    with use_language(lang):
        dialogs = _dialogs(ctx, sample)
        given_name = _("Given name")
    assert lang == "en" or given_name != "Given name"  # the names are in the language
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        tasks.pump(5)
        assert dialog.fields, type(dialog).__name__
        for key, field in dialog.fields.items():
            _assert_named(field, dialog.labels[key])
        dialog.mark_clean()
        dialog.reject()
    contact = dialogs[1]
    assert _said(contact.fields["given_name"]) == given_name


def test_the_message_under_a_refused_field_is_said_with_it(
    ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    editor = ContactEditor(ctx, sample["anna"])
    qtbot.addWidget(editor)
    editor.show()
    field = editor.fields["email"]
    before = _said(field, QAccessible.Text.Description)
    editor.set_text("email", "not-an-email")
    assert not editor.try_save()
    tasks.pump(5)
    message = editor.errors["email"].text()
    assert message and editor.errors["email"].isVisible()
    assert _said(field, QAccessible.Text.Description) == message
    editor.set_text("email", "anna@timber.example")
    editor.clear_errors()
    assert _said(field, QAccessible.Text.Description) == before
    editor.mark_clean()


def test_the_countries_year_and_the_reporting_currency_are_named(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.countries.screen import CountriesScreen
    from accountdesk.ui.reports.rates import RatesDialog

    countries = CountriesScreen(ctx, asynchronous=False)
    qtbot.addWidget(countries)
    _assert_named(countries.year, _("Year"))
    rates = RatesDialog(ctx)
    qtbot.addWidget(rates)
    _assert_named(rates.reporting, _("Reporting currency:"))


def test_the_scheduling_dialog_names_its_when_and_zone_fields(
    ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    from accountdesk.ui.followups.schedule import ScheduleDialog

    dialog = ScheduleDialog(ctx, sample["anna"])
    qtbot.addWidget(dialog)
    dialog.show()
    tasks.pump(5)
    # the label names the contact's zone when it is not theirs: the name follows it
    _assert_named(dialog.when, dialog.when_label.text())
    _assert_named(dialog.zone, _("Time zone"))


def test_the_planner_names_its_day_count_and_pickers(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.followups.planner import PlannerDialog

    planner = PlannerDialog(ctx, [])
    qtbot.addWidget(planner)
    _assert_named(planner.days, _("Days:"))
    assert _said(planner.add_contact) == _("Add a contact…")
    assert _said(planner.add_account) == _("Add everyone at an account…")
