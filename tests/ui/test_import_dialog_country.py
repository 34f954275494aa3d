"""The import dialog offers a country for the rows that give none (the user's own, from
Settings → Me), shows the region and tags the import reads from another product's columns and
lists a person's web page as kept in the notes, and says before Import how many contacts look
like stored ones (code review rev16: 5th, 6th, 9th and 11th)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QMessageBox
from sqlalchemy import select

from accountdesk.core import settings
from accountdesk.core.bidi import plain
from accountdesk.core.db.models import Contact
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.ui import tasks
from accountdesk.ui.import_dialog import ImportDialog
from importdialog import cells, settled, write_csv

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

BOOK = (["Name", "Company", "Mobile"], [["Kanya Srisuk", "Thai Herb", "089 123 4567"]])


def test_the_users_own_country_is_offered_for_rows_that_give_none(
    ctx: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.put(ctx.db, "user.country", "TH")
    dialog = ImportDialog(ctx, write_csv(tmp_path / "book.csv", *BOOK))
    qtbot.addWidget(dialog)
    settled(qtbot, dialog)
    box = dialog.findChild(QComboBox, "defaultCountry")
    assert box is not None and box.currentData() == "TH"
    assert dialog.import_button.isEnabled()
    assert cells(dialog.preview_table)[0][1:5] == ["Thai Herb", "TH", "Kanya", "Srisuk"]
    assert cells(dialog.preview_table)[0][8] == "mobile: +66 89 123 4567"

    box.setCurrentIndex(box.findData(""))  # none: the file has no country column
    settled(qtbot, dialog)
    assert dialog.country is None and not dialog.import_button.isEnabled()
    assert "has no column for the country" in dialog.summary_label.text()

    box.setCurrentIndex(box.findData("TH"))
    settled(qtbot, dialog)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    dialog.import_button.click()
    qtbot.waitUntil(lambda: bool(shown) and not tasks.busy(), timeout=15000)
    with ctx.db.reader() as session:
        assert session.execute(select(Contact.country, Contact.timezone)).one() == (
            "TH",
            "Asia/Bangkok",
        )


def test_without_a_country_of_ones_own_none_is_chosen(ctx: Any, qtbot: Any, tmp_path: Path) -> None:
    dialog = ImportDialog(ctx, write_csv(tmp_path / "book.csv", *BOOK))
    qtbot.addWidget(dialog)
    settled(qtbot, dialog)
    assert dialog.country is None and not dialog.import_button.isEnabled()


def test_a_products_region_tags_and_web_page_as_the_import_reads_them(
    ctx: Any, qtbot: Any, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "google.csv",
        ["First Name", "Last Name", "Organization Name", "Labels", "Address 1 - Region",
         "Address 1 - Country", "Website 1 - Value"],
        [["Olivia", "Smith", "Southern Cross", "* myContacts ::: Clients", "Victoria",
          "Australia", "https://www.linkedin.com/in/olivia"]],
    )  # fmt: skip
    dialog = ImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    settled(qtbot, dialog)
    row = cells(dialog.preview_table)[0]
    assert row[10:] == [
        "Victoria (VIC)",
        "",
        "myContacts, Clients",  # in the order the file gives them
        "Website 1 - Value: https://www.linkedin.com/in/olivia",
    ]
    listed = [
        plain(dialog.unmapped_list.item(i).text()) for i in range(dialog.unmapped_list.count())
    ]
    assert listed == ["Website 1 - Value (AccountDesk has no field for it)"]
    assert dialog.unmapped_list.item(0).checkState().name == "Checked"


def test_the_check_says_how_many_contacts_look_like_stored_ones(
    ctx: Any, qtbot: Any, tmp_path: Path
) -> None:
    account = create_account(ctx.db, AccountInput(name="Baltic Timber", country="LV"))
    create_contact(
        ctx.db,
        ContactInput(
            account_id=account,
            given_name="Anna",
            family_name="Ozola",
            country="LV",
            emails=[("work", "anna@bt.example")],
        ),
    )
    path = write_csv(
        tmp_path / "again.csv",
        ["First Name", "Last Name", "Company", "Country", "E-mail"],
        [["Anna", "Ozola", "Baltic Timber", "Latvia", "anna@bt.example"],
         ["Jānis", "Ozols", "Baltic Timber", "Latvia", "janis@bt.example"]],
    )  # fmt: skip
    dialog = ImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    settled(qtbot, dialog)
    assert "1 of the contacts the import would add looks like a contact already stored" in (
        dialog.summary_label.text()
    )
