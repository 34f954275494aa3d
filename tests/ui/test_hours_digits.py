"""Working hours are written in the language's digits where they are typed, as dates and
numbers are: a Persian window showed "09:00-17:00" in Settings → Me and "09:00" / "17:00" in the
contact editor among "۱۴۰۶/۰۱/۰۲" dates and "۱۰" counts. What is stored stays ASCII."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit

from accountdesk.core import settings
from accountdesk.core.queries.details import contact_detail
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _line(dialog: Any, key: str) -> QLineEdit:
    field = dialog.fields[key]
    assert isinstance(field, QLineEdit)
    return field


def test_my_hours_in_persian_digits_stored_in_ascii(ctx: Any, qtbot: Any, persian: None) -> None:
    from accountdesk.ui.me import MeDialog

    settings.put(ctx.db, "user.hours", "08:30-16:30")
    dialog = MeDialog(ctx)
    qtbot.addWidget(dialog)
    hours = _line(dialog, "user.hours")
    assert hours.text() == "۰۸:۳۰-۱۶:۳۰"
    assert hours.placeholderText() == "۰۹:۰۰-۱۷:۰۰"
    hours.setText("۰۸:۰۰-۱۶:۰۰")
    assert dialog.try_save()
    assert settings.all_values(ctx.db)["user.hours"] == "08:00-16:00"


def test_a_contacts_hours_in_persian_digits_stored_in_ascii(
    ctx: Any, qtbot: Any, persian: None
) -> None:
    from accountdesk.ui.contacts.editor import ContactEditor

    account = create_account(ctx.db, AccountInput(name="Kaveh Tejarat", country="IR"))
    contact = create_contact(
        ctx.db,
        ContactInput(
            account_id=account,
            given_name="Maryam",
            family_name="Ahmadi",
            country="IR",
            work_start="08:30",
            work_end="16:00",
        ),
    )
    editor = ContactEditor(ctx, contact)
    qtbot.addWidget(editor)
    start, end = _line(editor, "work_start"), _line(editor, "work_end")
    assert (start.text(), end.text()) == ("۰۸:۳۰", "۱۶:۰۰")
    # left empty: Iran's typical hours, in Persian digits
    assert (start.placeholderText(), end.placeholderText()) == ("۰۸:۰۰", "۱۶:۰۰")
    end.setText("۱۷:۰۰")
    assert editor.try_save()
    detail = contact_detail(ctx.db, contact)
    assert (detail.work_start, detail.work_end) == ("08:30", "17:00")


def test_english_hours_stay_ascii(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.me import MeDialog

    dialog = MeDialog(ctx)
    qtbot.addWidget(dialog)
    assert _line(dialog, "user.hours").placeholderText() == "09:00-17:00"


def test_the_hours_placeholders_are_the_hours_an_empty_field_gives(ctx: Any, qtbot: Any) -> None:
    """A contact left without hours of their own works their country's typical hours (their
    page says so); the boxes said 09:00 and 17:00 whatever the country."""
    from accountdesk.core.timekeeping.workhours import WorkingHours
    from accountdesk.ui.contacts.editor import ContactEditor
    from accountdesk.ui.forms import combo_value

    account = create_account(ctx.db, AccountInput(name="SIA Dzintars", country="LV"))
    contact = create_contact(
        ctx.db, ContactInput(account_id=account, given_name="Aigars", country="LV")
    )
    editor = ContactEditor(ctx, contact)
    qtbot.addWidget(editor)
    start, end = _line(editor, "work_start"), _line(editor, "work_end")

    def placeholders() -> tuple[str, str]:
        return start.placeholderText(), end.placeholderText()

    def typical(country: str) -> tuple[str, str]:
        hours = WorkingHours.for_contact(country, None, None, subdivision=None)
        return f"{hours.start:%H:%M}", f"{hours.end:%H:%M}"

    assert (start.text(), end.text()) == ("", "")
    assert placeholders() == typical("LV") == ("08:30", "17:00")
    country = editor.fields["country"]
    country.setCurrentIndex(country.findData("TR"))
    assert combo_value(country) == "TR"
    assert placeholders() == typical("TR") == ("09:00", "18:00")
