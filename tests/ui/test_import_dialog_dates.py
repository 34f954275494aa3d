"""The import dialog and dates: a birthday column mapped to Birthday (a choice of its own, not
"Important dates"), the order of day and month chosen when the file does not tell it, the
dates in the preview; what the dialog says of the mapping (how many columns are mapped, which
are not yet, which AccountDesk has no field for); and row numbers in the language's digits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QGroupBox
from sqlalchemy import select

from accountdesk.core.bidi import plain
from accountdesk.core.db.models import Contact, ImportantDate
from accountdesk.core.io import mapping as m
from accountdesk.ui import tasks
from accountdesk.ui.import_dialog import ImportDialog, choices, rule_text
from importdialog import cells, choose, settled, write_csv

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

#: The QA tour's file: two of its ten columns have names AccountDesk knows.
GERMAN = ["Unternehmen", "Land", "Vorname", "Nachname", "E-Mail", "Mobil", "Position", "Geburtstag",
          "Bemerkung", "Kundennummer"]  # fmt: skip
ROWS = [
    ["Baltijas Koks", "LV", "Ilze", "Bērziņa", "ilze@koks.example", "+371 26 123 456",
     "Einkauf", "17.05.1984", "Messe", "K-1"],
    ["Anadolu Tekstil", "TR", "Ayşe", "Yılmaz", "ayse@anadolu.example", "", "Leitung",
     "03.04.1990", "", "K-2"],
]  # fmt: skip
BY_HAND = {
    "Unternehmen": m.Rule("account_name"),
    "Land": m.Rule("account_country"),
    "Vorname": m.Rule("given_name"),
    "Nachname": m.Rule("family_name"),
}


def _unmapped(dialog: ImportDialog) -> list[str]:
    return [plain(dialog.unmapped_list.item(i).text()) for i in range(dialog.unmapped_list.count())]


def test_the_dialog_says_which_columns_are_mapped_and_which_are_not_yet(
    ctx: Any, qtbot: Any, tmp_path: Path
) -> None:
    dialog = ImportDialog(ctx, write_csv(tmp_path / "kunden.csv", GERMAN, ROWS))
    qtbot.addWidget(dialog)
    settled(qtbot, dialog)
    assert dialog.mapping.columns["E-Mail"] == m.Rule("emails")
    assert dialog.mapping.columns["Position"] == m.Rule("job_title")
    # not "Read as AccountDesk's CSV format": two of ten columns were recognised
    assert dialog.source_label.text() == (
        "No product recognised from the header. Columns mapped to a field: 2 of 10. "
        "Choose what the 8 columns that are not mapped yet hold, or leave them out; then save "
        "the mapping for the next file like it."
    )
    # the others are not said to have no field: they are not mapped yet
    titles = [box.title() for box in dialog.findChildren(QGroupBox)]
    assert "Columns AccountDesk has no field for" not in titles
    assert "Columns not imported into a field" in titles
    assert _unmapped(dialog) == [
        f"{name} (not mapped yet)" for name in GERMAN if name not in ("E-Mail", "Position")
    ]
    for name, rule in BY_HAND.items():
        choose(dialog, name, rule)
    settled(qtbot, dialog)
    assert dialog.source_label.text() == (
        "No product recognised from the header. Columns mapped to a field: 6 of 10. "
        "Choose what the 4 columns that are not mapped yet hold, or leave them out; then save "
        "the mapping for the next file like it."
    )


def test_a_birthday_column_is_mapped_to_birthday_and_imported(
    ctx: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    reports: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: reports.append(text))
    assert "Birthday" in [rule_text(rule) for rule in choices()]
    dialog = ImportDialog(ctx, write_csv(tmp_path / "kunden.csv", GERMAN, ROWS))
    qtbot.addWidget(dialog)
    for name, rule in BY_HAND.items():
        choose(dialog, name, rule)
    assert dialog.order_row.isHidden()  # no date column yet
    choose(dialog, "Geburtstag", m.Rule("birthday"))
    settled(qtbot, dialog)
    assert not dialog.order_row.isHidden()
    assert cells(dialog.problems_table) == [] and dialog.import_button.isEnabled()
    # 17.05.1984 can only be day first: so is 03.04.1990 (3 April), as the preview shows
    preview = cells(dialog.preview_table)
    assert [row[11] for row in preview] == ["Birthday: 17 May 1984", "Birthday: 3 Apr 1990"]

    dialog.import_button.click()
    qtbot.waitUntil(lambda: bool(reports) and not tasks.busy(), timeout=15000)
    with ctx.db.reader() as s:
        stored = {
            (given, d.kind, d.year, d.month, d.day)
            for given, d in s.execute(
                select(Contact.given_name, ImportantDate).join(
                    ImportantDate, ImportantDate.contact_id == Contact.id
                )
            )
        }
    assert stored == {("Ilze", "birthday", 1984, 5, 17), ("Ayşe", "birthday", 1990, 4, 3)}


def test_the_order_of_day_and_month_is_chosen_when_the_file_does_not_tell_it(
    ctx: Any, qtbot: Any, tmp_path: Path
) -> None:
    rows = [[*ROWS[1][:7], "03.04.1990", *ROWS[1][8:]]]
    dialog = ImportDialog(ctx, write_csv(tmp_path / "kunden.csv", GERMAN, rows))
    qtbot.addWidget(dialog)
    for name, rule in {**BY_HAND, "Geburtstag": m.Rule("birthday")}.items():
        choose(dialog, name, rule)
    settled(qtbot, dialog)
    problems = cells(dialog.problems_table)
    assert [row[:3] for row in problems] == [["2", "Geburtstag", "03.04.1990"]]
    assert problems[0][3].startswith("Birthday: could be 3 April 1990 or 4 March 1990")
    assert not dialog.import_button.isEnabled()

    combo = dialog.order_combo
    texts = [plain(combo.itemText(i)) for i in range(combo.count())]
    assert texts == ["As the file shows", "Day first (17.05.1984)", "Month first (05/17/1984)"]
    combo.setCurrentIndex(texts.index("Day first (17.05.1984)"))
    settled(qtbot, dialog)
    assert dialog.mapping.date_order == "dmy"
    assert cells(dialog.problems_table) == [] and dialog.import_button.isEnabled()
    assert cells(dialog.preview_table)[0][11] == "Birthday: 3 Apr 1990"
    # a saved mapping keeps the order, and brings it back
    saved = dialog.save_mapping("Kunden")
    assert saved is not None and m.load(saved).date_order == "dmy"
    again = ImportDialog(ctx, write_csv(tmp_path / "kunden2.csv", GERMAN, rows))
    qtbot.addWidget(again)
    settled(qtbot, again)
    assert again.mapping.date_order == "dmy"
    assert plain(again.order_combo.currentText()) == "Day first (17.05.1984)"


def test_a_products_columns_without_a_field_are_said_so(
    ctx: Any, qtbot: Any, tmp_path: Path
) -> None:
    header = ["First Name", "Last Name", "Organization Name", "Address 1 - Country", "Birthday",
              "Nickname"]  # fmt: skip
    path = write_csv(tmp_path / "google.csv", header, [["Ilze", "Bērziņa", "Koks", "LV",
                                                      " --12-25", "Ilzīte"]])  # fmt: skip
    dialog = ImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    settled(qtbot, dialog)
    combo = dialog.findChild(QComboBox, "mapping:Birthday")
    assert combo is not None and combo.currentText() == "Birthday"
    assert dialog.source_label.text() == (
        "Recognised as an export of Google Contacts. Columns mapped to a field: 5 of 6."
    )
    assert _unmapped(dialog) == ["Nickname (AccountDesk has no field for it)"]
    assert cells(dialog.preview_table)[0][11] == "Birthday: 25 Dec"  # no year: as the contact page


def test_persian_row_numbers_in_the_summary_and_the_table(
    ctx: Any, qtbot: Any, tmp_path: Path, persian: None
) -> None:
    rows = [*ROWS, ["Vējš", "Mars", "Anna", "Ozola", "", "", "", "", "", ""]]
    dialog = ImportDialog(ctx, write_csv(tmp_path / "kunden.csv", GERMAN, rows))
    qtbot.addWidget(dialog)
    for name, rule in BY_HAND.items():
        dialog.set_rule(name, rule)
    settled(qtbot, dialog)
    assert cells(dialog.problems_table)[0][0] == "۴"
    summary = plain(dialog.summary_label.text())
    assert summary.startswith("ردیف ۴، ستون Land:"), summary
