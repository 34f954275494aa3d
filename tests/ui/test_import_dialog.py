"""The import dialog (Ctrl+I): a header nothing recognises mapped by hand in the combo boxes,
the preview and the problems following each change, keep-in-notes, Import writing the file
and showing the report, saved mappings offered and picked for a file like it, vCard without
the dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox
from sqlalchemy import select

from accountdesk.cli import main
from accountdesk.core.bidi import plain
from accountdesk.core.db.models import Contact
from accountdesk.core.io import mapping as m
from accountdesk.ui import tasks
from accountdesk.ui.import_dialog import ImportDialog, import_file, rule_text
from importdialog import cells, choose, settled, write_csv

#: The offscreen platform's note when a window (the progress dialog of a slow run) is shown.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

DATA = Path(__file__).parents[1] / "data"
#: A header in Hungarian, a language whose headers are not recognised (those of the app's
#: languages are: tests/core/io/test_csv_sources.py).
HEADER = ["Cég", "Ország", "Keresztnév", "Vezetéknév", "E-mail cím", "Mobil", "Születési hely"]
ROWS = [
    ["Anadolu Tekstil", "Türkiye", "Ayşe", "Yılmaz", "ayse@anadolu.example", "0532 123 45 67",
     "İzmir"],
    ["Anadolu Tekstil", "TR", "Can", "Demir", "can@anadolu.example", "", ""],
]  # fmt: skip
HAND = {
    "Cég": m.Rule("account_name"),
    "Ország": m.Rule("account_country"),
    "Keresztnév": m.Rule("given_name"),
    "Vezetéknév": m.Rule("family_name"),
    "E-mail cím": m.Rule("emails", label="work"),
    "Mobil": m.Rule("phones", label="mobile"),
}


def _write(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    return write_csv(path, header, rows)


def _mapped_by_hand(qtbot: Any, dialog: ImportDialog) -> None:
    for column, rule in HAND.items():
        choose(dialog, column, rule)
    settled(qtbot, dialog)


@pytest.fixture
def report_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    return shown


def test_a_header_nothing_recognises_is_mapped_in_the_combo_boxes(
    ctx: Any, qtbot: Any, tmp_path: Path
) -> None:
    path = _write(tmp_path / "müşteriler.csv", ROWS)
    dialog = ImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    settled(qtbot, dialog)
    assert "No product recognised" in dialog.source_label.text()
    assert not dialog.import_button.isEnabled()
    assert "names no column AccountDesk knows" in dialog.summary_label.text()
    assert cells(dialog.preview_table) == []
    # every column, its samples, each unmapped one listed
    assert [row[0] for row in cells(dialog.columns_table)] == HEADER
    assert cells(dialog.columns_table)[1][2] == "Türkiye, TR"
    assert cells(dialog.columns_table)[0][2] == "Anadolu Tekstil"
    assert dialog.unmapped_list.count() == len(HEADER)

    _mapped_by_hand(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    assert plain(dialog.summary_label.text()).startswith("Checked 2 rows; nothing was written.")
    preview = cells(dialog.preview_table)
    assert [row[:5] for row in preview] == [
        ["2", "Anadolu Tekstil", "TR", "Ayşe", "Yılmaz"],
        ["3", "Anadolu Tekstil", "TR", "Can", "Demir"],
    ]
    assert preview[0][7:9] == ["work: ayse@anadolu.example", "mobile: +90 532 123 45 67"]
    assert preview[0][10:] == ["", "", "", ""]  # no region, important dates, tags, notes
    assert [dialog.unmapped_list.item(i).text() for i in range(1)] == [
        "\u2068Születési hely\u2069 (not mapped yet)"
    ]

    # keep in notes: ticked in the list, it is in the preview's notes
    dialog.unmapped_list.item(0).setCheckState(Qt.CheckState.Checked)
    settled(qtbot, dialog)
    assert dialog.mapping.columns["Születési hely"] == m.Rule(m.NOTES)
    assert cells(dialog.preview_table)[0][13] == "Születési hely: İzmir"
    combo = dialog.findChild(QComboBox, "mapping:Születési hely")
    assert combo is not None and combo.currentText() == "Keep in the notes"


def test_problems_are_listed_with_row_column_value_and_reason(
    ctx: Any, qtbot: Any, tmp_path: Path
) -> None:
    bad = [*ROWS, ["Anadolu Tekstil", "TR", "Elif", "Kaya", "elif-at-anadolu", "", ""]]
    dialog = ImportDialog(ctx, _write(tmp_path / "a.csv", bad))
    qtbot.addWidget(dialog)
    _mapped_by_hand(qtbot, dialog)
    problems = cells(dialog.problems_table)
    assert len(problems) == 1
    assert problems[0][:3] == ["4", "E-mail cím", "elif-at-anadolu"]
    assert problems[0][3].startswith("E-mail: ")
    assert not dialog.import_button.isEnabled()
    assert plain(dialog.summary_label.text()).startswith("Row 4, column E-mail cím: E-mail")
    # the rows without a problem are still previewed
    assert [row[3] for row in cells(dialog.preview_table)] == ["Ayşe", "Can"]
    # mapping the column elsewhere clears the problem
    choose(dialog, "E-mail cím", m.Rule(m.NOTES))
    settled(qtbot, dialog)
    assert cells(dialog.problems_table) == [] and dialog.import_button.isEnabled()


def test_import_writes_and_shows_the_report_the_cli_dry_run_prints(
    ctx: Any, qtbot: Any, tmp_path: Path, report_boxes: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    path = _write(tmp_path / "a.csv", ROWS)
    dialog = ImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    _mapped_by_hand(qtbot, dialog)
    dialog.unmapped_list.item(0).setCheckState(Qt.CheckState.Checked)
    settled(qtbot, dialog)
    saved = dialog.save_mapping("Türk tablosu")
    assert saved == m.saved_folder() / "Türk tablosu.toml"
    assert dialog.saved_combo.currentText() == "Türk tablosu"

    # the dialog's dry run is what `import --dry-run --map` prints
    args = ["import", "--db", str(tmp_path / "cli.db"), str(path), "--map", str(saved)]
    assert main([*args, "--dry-run"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert plain(dialog.summary_label.text()).split("\n\n") == printed
    assert printed[-1] == (
        "1 column AccountDesk has no field for was kept in the notes: “Születési hely”."
    )

    dialog.import_button.click()
    qtbot.waitUntil(lambda: bool(report_boxes) and not tasks.busy(), timeout=15000)
    assert plain(report_boxes[0]).split("\n\n") == [
        "Imported 2 rows. Added 1 account. Added 2 contacts.",
        printed[-1],
    ]
    assert dialog.result() == ImportDialog.DialogCode.Accepted
    with ctx.db.reader() as s:
        stored = {c.given_name: c.personal_notes for c in s.scalars(select(Contact))}
    assert stored == {"Ayşe": "Születési hely: İzmir", "Can": None}


def test_a_saved_mapping_is_picked_for_a_file_with_its_columns(
    ctx: Any, qtbot: Any, tmp_path: Path
) -> None:
    m.save_named(m.ColumnMapping({**HAND, "Születési hely": m.Rule(m.NOTES)}), "Türk tablosu")
    m.save_named(m.ColumnMapping({"Cég": m.Rule("account_name")}), "Another")
    dialog = ImportDialog(ctx, _write(tmp_path / "b.csv", ROWS[1:]))
    qtbot.addWidget(dialog)
    settled(qtbot, dialog)
    assert dialog.saved_combo.currentText() == "Türk tablosu"
    assert dialog.mapping.columns["Születési hely"] == m.Rule(m.NOTES)
    assert plain(dialog.summary_label.text()).startswith("Checked 1 row; nothing was written.")
    assert dialog.import_button.isEnabled()
    # choosing another saved mapping, or none, maps the columns again
    dialog.saved_combo.setCurrentIndex(dialog.saved_combo.findText("Another"))
    settled(qtbot, dialog)
    assert dialog.mapping.columns["Cég"] == m.Rule("account_name")
    assert dialog.mapping.columns["Keresztnév"] == m.Rule(m.IGNORE)
    assert not dialog.import_button.isEnabled()
    # a file with other columns is not given it
    other = ImportDialog(ctx, _write(tmp_path / "c.csv", [r[:-1] for r in ROWS], HEADER[:-1]))
    qtbot.addWidget(other)
    assert other.saved_combo.currentIndex() == 0


def test_a_products_export_is_recognised(ctx: Any, qtbot: Any) -> None:
    dialog = ImportDialog(ctx, DATA / "google_contacts.csv")
    qtbot.addWidget(dialog)
    settled(qtbot, dialog)
    assert dialog.source_label.text() == (
        "Recognised as an export of Google Contacts. Columns mapped to a field: 17 of 21."
    )
    combo = dialog.findChild(QComboBox, "mapping:E-mail 1 - Value")
    assert combo is not None
    assert plain(combo.currentText()) == "E-mail, labelled as column “E-mail 1 - Label” says"
    assert cells(dialog.problems_table) == [] and dialog.import_button.isEnabled()
    assert len(cells(dialog.preview_table)) == 6


def test_a_vcard_is_imported_without_the_dialog_and_shows_its_report(
    ctx: Any, qtbot: Any, report_boxes: list[str]
) -> None:
    progress = import_file(ctx, None, str(DATA / "apple_contacts_v3.vcf"))
    assert progress is not None and not isinstance(progress, ImportDialog)
    qtbot.waitUntil(lambda: bool(report_boxes) and not tasks.busy(), timeout=15000)
    text = plain(report_boxes[0])
    assert text.startswith("Read 3 cards.")
    assert "X-SOCIALPROFILE on 1 card was not imported" in text


def test_every_column_has_a_label_in_the_combo_box() -> None:
    from accountdesk.ui.import_dialog import choices

    assert set(m.COLUMN_LABELS) == set(m.COLUMNS) | set(m.DATES)
    texts = [rule_text(rule) for rule in choices()]
    assert len(set(texts)) == len(texts)  # no two choices look alike


def test_ctrl_i_asks_for_a_file_and_opens_the_dialog(
    ctx: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QKeySequence

    from accountdesk.ui import import_dialog
    from accountdesk.ui.main_window import MainWindow

    path = _write(tmp_path / "a.csv", ROWS)
    monkeypatch.setattr(import_dialog, "choose_file", lambda _parent: str(path))
    window = MainWindow(ctx, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    (action,) = [a for a in window.actions() if a.shortcut() == QKeySequence("Ctrl+I")]
    action.trigger()
    dialog = window.findChild(ImportDialog)
    assert dialog is not None and dialog.isVisible() and dialog.path == path
    settled(qtbot, dialog)
    dialog.reject()


def test_a_name_twice_in_the_header_is_listed_and_its_second_column_not_mapped(
    ctx: Any, qtbot: Any, tmp_path: Path
) -> None:
    header = ["Company", "Country", "First Name", "Email", "email"]
    path = _write(tmp_path / "a.csv", [["Alpski Les", "SI", "Maja", "a@b.example", ""]], header)
    dialog = ImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    settled(qtbot, dialog)
    combos = [dialog.columns_table.cellWidget(r, 1) for r in range(5)]
    assert [c.isEnabled() for c in combos] == [True, True, True, True, False]
    assert cells(dialog.problems_table) == [
        ["1", "", "", "Columns 4 and 5 have the same name, “email”."]
    ]
    assert not dialog.import_button.isEnabled()


def test_a_check_of_an_older_mapping_does_not_let_it_be_imported(
    ctx: Any, qtbot: Any, tmp_path: Path, report_boxes: list[str]
) -> None:
    """The result of a check that was running when the mapping changed is not shown as the
    current one: Import stays off until the new mapping's own check, and importing writes the
    mapping the preview shows."""
    path = _write(tmp_path / "a.csv", ROWS)
    dialog = ImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    _mapped_by_hand(qtbot, dialog)
    older, older_result = dialog.last_generation, dialog.last
    assert older_result is not None and dialog.import_button.isEnabled()
    # the user swaps given and family name; the older check's result arrives after that
    dialog.set_rule("Keresztnév", m.Rule("family_name"))
    dialog.set_rule("Vezetéknév", m.Rule("given_name"))
    dialog._checked(older, older_result)
    assert not dialog.up_to_date() and not dialog.import_button.isEnabled()
    dialog.start_import()  # as a shortcut or a stale click would
    assert not tasks.busy() and report_boxes == []
    settled(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: bool(report_boxes) and not tasks.busy(), timeout=15000)
    with ctx.db.reader() as s:
        names = {(c.given_name, c.family_name) for c in s.scalars(select(Contact))}
    assert names == {("Yılmaz", "Ayşe"), ("Demir", "Can")}  # what the preview showed


def test_a_failed_import_can_be_tried_again(
    ctx: Any, qtbot: Any, tmp_path: Path, report_boxes: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from accountdesk.core.errors import UserError
    from accountdesk.core.io import csv_io

    path = _write(tmp_path / "a.csv", ROWS)
    dialog = ImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    _mapped_by_hand(qtbot, dialog)

    def cancelled(*_args: Any, **_kw: Any) -> Any:
        raise UserError("The import was cancelled; nothing was written.")

    monkeypatch.setattr(csv_io, "import_csv", cancelled)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: bool(report_boxes) and not tasks.busy(), timeout=15000)
    assert report_boxes == ["The import was cancelled; nothing was written."]
    assert dialog.import_button.isEnabled()


def test_offered_labels_are_named_in_the_users_language() -> None:
    from accountdesk.core import i18n

    rule = m.Rule("emails", label="work")
    assert "work" in rule_text(rule)
    with i18n.use_language("fa"):
        shown = rule_text(rule)
    assert "کار" in shown and "work" not in shown and "labelled" not in shown
    assert rule.label == "work"  # what is stored stays the word of the CSV format
