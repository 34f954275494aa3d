"""The screens a user meets least often, as a new user meets them in English, Turkish and
Persian: backups, trash, Settings → Me, the passphrase and server dialogs, first run."""

from __future__ import annotations

from typing import Any

import pytest

from accountdesk.core.db.backup import make_backup
from accountdesk.ui.context import AppContext

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen windows


@pytest.mark.parametrize("rtl", [False, True], ids=["ltr", "rtl"])
def test_backups_open_with_the_newest_chosen_in_either_direction(
    ctx: AppContext, qtbot: Any, rtl: bool, request: pytest.FixtureRequest
) -> None:
    """Restore… acts on the row that looks chosen. In a right-to-left window selectRow(0)
    chose nothing (Qt looks for the column at the viewport's right edge, one pixel past the
    last column), so Restore… did nothing at all in Persian until a row was clicked."""
    from accountdesk.ui.backups import BackupsDialog

    if rtl:
        request.getfixturevalue("persian")
    make_backup(ctx.db, ctx.clock)
    dialog = BackupsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.current() is not None
    dialog.show()
    make_backup(ctx.db, ctx.clock)
    dialog.reload()  # as Back up now does
    assert dialog.current() is not None
    assert dialog.current() == dialog.model.items[0]
    assert [i.row() for i in dialog.view.selectionModel().selectedRows()] == [0]


@pytest.mark.parametrize("rtl", [False, True], ids=["ltr", "rtl"])
def test_the_trash_keeps_a_row_chosen_and_empties_itself(
    ctx: AppContext,
    sample: dict[str, str],
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    rtl: bool,
    request: pytest.FixtureRequest,
) -> None:
    """Restore and Delete for good act on the row shown chosen, the next one is chosen after
    each (a keyboard user goes on with Enter), the buttons are off over an empty trash, and
    Empty the trash… deletes everything after saying how many records go."""
    from accountdesk.core.services import trash
    from accountdesk.ui.trash import dialog as trash_dialog
    from accountdesk.ui.trash.dialog import TrashDialog

    if rtl:
        request.getfixturevalue("persian")
    empty = TrashDialog(ctx)
    qtbot.addWidget(empty)
    assert not any(button.isEnabled() for button in empty.buttons)  # nothing to act on

    for key, name in (("anna", "Anna Ozola"), ("janis", "Janis Berzins"), ("somchai", "S J")):
        ctx.delete("contact", sample[key], name)
    dialog = TrashDialog(ctx)
    qtbot.addWidget(dialog)
    assert all(button.isEnabled() for button in dialog.buttons)
    first = dialog.current()
    assert first is not None and first == dialog.model.items[0]
    dialog.restore_current()
    assert [i.id for i in dialog.model.items] == [i.id for i in trash.list_trash(ctx.db)]
    assert dialog.model.rowCount() == 2
    assert dialog.current() == dialog.model.items[0]  # the next one, chosen

    asked: list[int] = []
    seen: list[str] = []
    said: list[str] = []
    ctx.changed.connect(seen.append)
    ctx.status.connect(said.append)
    monkeypatch.setattr(
        trash_dialog, "confirm_empty", lambda _p, n, _a=False: asked.append(n) or False
    )
    dialog.empty()
    assert asked == [2] and dialog.model.rowCount() == 2  # No: nothing deleted
    monkeypatch.setattr(
        trash_dialog, "confirm_empty", lambda _p, n, _a=False: asked.append(n) or True
    )
    dialog.empty()
    assert asked == [2, 2]
    assert trash.list_trash(ctx.db) == [] and dialog.model.rowCount() == 0
    assert "contact" in seen  # the screens behind look again
    assert not any(button.isEnabled() for button in dialog.buttons)
    if not rtl:
        assert said[-1] == "2 records were deleted for good."


def test_emptying_the_trash_asks_with_the_count(ctx: AppContext, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    from accountdesk.ui import listdialog
    from accountdesk.ui.trash.dialog import confirm_empty

    asked: list[str] = []

    def question(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(listdialog.QMessageBox, "question", question)
    assert not confirm_empty(None, 1)  # type: ignore[arg-type]
    assert not confirm_empty(None, 3)  # type: ignore[arg-type]
    assert not confirm_empty(None, 3, True)  # type: ignore[arg-type]
    assert asked == [
        "Delete the 1 record in the trash for good? This cannot be undone.",
        "Delete the 3 records in the trash for good? This cannot be undone.",
        "Delete the 3 records in the trash, and the contacts of their accounts, for good? "
        "This cannot be undone.",
    ]


def test_emptying_a_trash_with_an_account_counts_its_contacts(
    ctx: AppContext, sample: dict[str, str], monkeypatch: Any
) -> None:
    """An account's contacts go with it when the trash is emptied, though only the account is
    listed: the question said "1 record" and the status "1 record was deleted for good." while
    its contacts went too (review finding)."""
    from sqlalchemy import func, select

    from accountdesk.core.db.models import Contact
    from accountdesk.ui.trash import dialog as trash_dialog

    def people_at_riga() -> int:
        with ctx.db.reader() as session:
            query = select(func.count()).where(Contact.account_id == sample["riga"])
            return int(session.scalar(query) or 0)

    assert people_at_riga() == 2
    ctx.delete("account", sample["riga"], "Baltic Timber")
    asked: list[tuple[int, bool]] = []
    said: list[str] = []
    ctx.status.connect(said.append)
    monkeypatch.setattr(
        trash_dialog, "confirm_empty", lambda _p, n, accounts: asked.append((n, accounts)) or True
    )
    dialog = trash_dialog.TrashDialog(ctx)
    dialog.empty()
    assert asked == [(1, True)]  # the question names the accounts' contacts
    assert people_at_riga() == 0
    assert said[-1] == "3 records were deleted for good."
    dialog.deleteLater()


@pytest.mark.skipif(
    not __import__("accountdesk.core.db.crypto", fromlist=["available"]).available(),
    reason="SQLCipher is not installed here",
)
def test_the_passphrase_prompt_keeps_the_path_in_order_in_persian(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch, persian: None
) -> None:
    """At start-up the encrypted file's path is one left-to-right unit inside the Persian
    sentence: unisolated, its leading slash stood at its end ('tmp/…/a.db/')."""
    from datetime import UTC, datetime

    from accountdesk.core.bidi import LRI, PDI
    from accountdesk.core.db import crypto
    from accountdesk.core.db.engine import open_database
    from accountdesk.ui import security

    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("ACCOUNTDESK_PASSPHRASE", raising=False)
    monkeypatch.setattr(crypto, "remembered", lambda _path: None)
    path = tmp_path / "a.db"
    open_database(path).close()
    crypto.encrypt_file(path, "correct horse battery", datetime.now(UTC))
    shown: list[str] = []

    def cancel(dialog: security.PassphraseDialog) -> int:
        shown.append(dialog.findChildren(security.QLabel)[0].text())
        return 0

    monkeypatch.setattr(security.PassphraseDialog, "exec", cancel)
    assert security.open_with_dialog(str(path)) is None  # Quit
    assert len(shown) == 1 and f"{LRI}{path}{PDI}" in shown[0]


def test_first_run_lets_a_new_user_pick_language_and_me_first(
    ctx: AppContext, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new user meets the first-run dialog in the system's language: it offers the language
    (the window and the dialog are built again in it, and the choice is stored, so it stays
    after a restart) and "Me" (zone, country, hours), and says what Me holds."""
    from accountdesk.core import i18n, settings
    from accountdesk.core.services.activity import get_setting
    from accountdesk.ui import app as app_module
    from accountdesk.ui import firstrun, tasks
    from accountdesk.ui.app import Controller
    from accountdesk.ui.firstrun import FirstRunDialog
    from accountdesk.ui.forms import set_combo
    from accountdesk.ui.me import MeDialog

    controller = Controller(ctx.db)
    controller.ctx = ctx
    controller.start(background=False)
    first_window = controller.window  # deleted when built again: not given to qtbot
    seen: list[tuple[str, str, str]] = []

    def me_dialog(dialog: MeDialog) -> int:
        set_combo(dialog.fields["user.country"], "TR")
        return int(dialog.try_save())

    def first_run(dialog: FirstRunDialog) -> int:
        seen.append((i18n.current_language().code, dialog.windowTitle(), dialog.me.text()))
        if len(seen) == 1:
            dialog.findChild(QPushButton, "firstrun_me").click()  # Me…, then the language
            assert "Türkiye" in dialog.me.text()
            tasks.wait_all()  # Today's loads done (their callbacks have no owner: report)
            dialog.languages.setCurrentIndex(dialog.languages.findData("tr"))
            dialog.languages.activated.emit(dialog.languages.currentIndex())
            return int(dialog.result())
        return 0  # the second time: closed with Escape

    from PySide6.QtWidgets import QPushButton

    monkeypatch.setattr(MeDialog, "exec", me_dialog)
    monkeypatch.setattr(FirstRunDialog, "exec", first_run)
    try:
        firstrun.offer_first_run(ctx, first_window)
        qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)
        assert seen[0][0] == "en" and seen[0][1] == "Welcome to AccountDesk"
        assert "none chosen" in seen[0][2]  # no country yet: said, not left blank
        assert seen[1][0] == "tr" and seen[1][1] != "Welcome to AccountDesk"  # Turkish now
        assert controller.window is not first_window  # built again in Turkish
        assert get_setting(ctx.db, "ui.language") == "tr"  # read at the next start
        assert settings.get(ctx.db, "user.country") == "TR"
    finally:
        app_module.apply_language("en")


def test_a_countries_screen_closed_while_loading_takes_no_result(
    ctx: AppContext, qtbot: Any
) -> None:
    """The window is built again (another language, a restore) while Countries loads a
    country: the load's result is dropped, not shown on the deleted screen (RuntimeError:
    Internal C++ object already deleted)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from accountdesk.ui import tasks
    from accountdesk.ui.countries.screen import CountriesScreen

    screen = CountriesScreen(ctx, asynchronous=True)
    tasks.wait_all()
    screen.select("TR")  # its load is collected by the next timer tick, not before
    assert tasks.busy()
    screen.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert tasks.wait_all()  # raised RuntimeError from the deleted screen's labels
    assert not tasks.busy()


def test_a_restore_says_so_in_the_window_built_on_the_restored_data(
    ctx: AppContext, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After Restore the window is built again; the sentence that says the restore was done
    went to the old window's status bar, gone with it, so the user was told nothing."""
    from PySide6.QtWidgets import QMessageBox

    from accountdesk.ui.app import Controller
    from accountdesk.ui.backups import BackupsDialog
    from accountdesk.ui.main_window import MainWindow

    make_backup(ctx.db, ctx.clock)
    controller = Controller(ctx.db)
    controller.ctx = ctx
    controller.start(background=False)
    window = controller.window
    assert isinstance(window, MainWindow)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, _t, text: told.append(text) or QMessageBox.Ok
    )

    def run(dialog: BackupsDialog) -> int:
        dialog.restore_current()  # the newest, chosen when the dialog opens
        return int(dialog.result())

    monkeypatch.setattr(BackupsDialog, "exec", run)
    window.show_backups()
    assert controller.window is not window  # built again on the restored data
    new = controller.window
    assert isinstance(new, MainWindow)
    qtbot.addWidget(new)
    shown = [*told, new.statusBar().currentMessage()]
    assert any("was restored" in text for text in shown), shown


def test_me_names_the_system_zone_as_one_unit(
    ctx: AppContext, qtbot: Any, monkeypatch: pytest.MonkeyPatch, persian: None
) -> None:
    """ "Follow the system (now …)": the zone's name is isolated in the sentence, as every name
    put into a translated sentence is (a Latin name such as UTC or a city CLDR leaves in Latin
    letters took the closing parenthesis with it in a Persian window)."""
    from PySide6.QtWidgets import QComboBox

    from accountdesk.core.bidi import FSI, PDI
    from accountdesk.core.i18n import zone_name
    from accountdesk.ui import me
    from accountdesk.ui.me import MeDialog

    monkeypatch.setattr(me, "system_zone", lambda: "America/Coyhaique")
    dialog = MeDialog(ctx)
    qtbot.addWidget(dialog)
    zone = dialog.fields["user.zone"]
    assert isinstance(zone, QComboBox)
    assert f"{FSI}{zone_name('America/Coyhaique')}{PDI}" in zone.itemText(0)


def test_after_a_merge_undo_merge_acts_on_it(
    ctx: AppContext, qtbot: Any, monkeypatch: pytest.MonkeyPatch, persian: None
) -> None:
    """The merge just made is chosen in Latest merges, so Undo merge is on and puts it back;
    it stayed off until a row there was clicked (in a Persian window too)."""
    from accountdesk.core.queries.lists import contact_ids
    from accountdesk.core.records import AccountInput, ContactInput
    from accountdesk.core.services.accounts import create_account, create_contact
    from accountdesk.ui.duplicates.screen import DuplicatesScreen

    account = create_account(ctx.db, AccountInput(name="Koks", country="LV"))
    for family in ("Bērziņa", "Berzina"):
        create_contact(
            ctx.db,
            ContactInput(account_id=account, given_name="Anna", family_name=family, country="LV"),
        )
    screen = DuplicatesScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1024, 700)
    screen.show()
    qtbot.waitUntil(lambda: screen.groups.model.rowCount() == 1, timeout=10000)
    assert not screen.undo_button.isEnabled()  # no merge yet
    screen.merge_chosen(confirm=False)
    assert len(contact_ids(ctx.db)) == 1
    qtbot.waitUntil(lambda: screen.merges.model.rowCount() == 1, timeout=10000)
    qtbot.waitUntil(lambda: screen.refresh_button.isEnabled(), timeout=10000)
    assert screen.merges.current() is screen.merges.model.items[0]
    assert screen.undo_button.isEnabled()
    screen.undo_button.click()
    assert len(contact_ids(ctx.db)) == 2


def test_arrows_on_the_first_run_language_box_open_the_list(
    ctx: AppContext, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A keyboard user on the language box: Down opens the list (a language is taken when
    chosen there); Qt's closed box took the next language at once, and each one built the
    window again on the way to the one wanted. The wheel does not switch either."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    from accountdesk.ui.firstrun import FirstRunDialog

    dialog = FirstRunDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    taken: list[int] = []
    dialog.languages.activated.connect(taken.append)
    opened: list[bool] = []
    monkeypatch.setattr(dialog.languages, "showPopup", lambda: opened.append(True))
    qtbot.keyClick(dialog.languages, Qt.Key.Key_Down)
    assert opened == [True] and taken == []
    assert dialog.languages.currentData() == "en" and dialog.result() == 0
    wheel = QWheelEvent(
        QPointF(5, 5), QPointF(5, 5), QPoint(0, 0), QPoint(0, -120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    QApplication.sendEvent(dialog.languages, wheel)
    assert dialog.languages.currentData() == "en" and taken == []
    for letter in ("l", "s", "t"):  # a letter opens the list too; it took that language
        qtbot.keyClicks(dialog.languages, letter)
        assert taken == [] and dialog.languages.currentData() == "en", letter
        assert dialog.result() == 0
    assert len(opened) == 4


def test_a_backup_file_from_elsewhere_is_restored_after_asking(
    ctx: AppContext, qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    """Restore from a file…: the backup a user kept on a stick, taken on the laptop that
    died, is of another database than the one a new install made; the dialog could restore
    only the backups in this database's own folder, so there was no way back in the app. It
    asks, then restores; No leaves everything as it was; a damaged file is refused, saying
    so."""
    from PySide6.QtWidgets import QMessageBox

    from accountdesk.core.db.engine import open_database
    from accountdesk.core.queries.search import search
    from accountdesk.core.records import AccountInput
    from accountdesk.core.services.accounts import create_account
    from accountdesk.ui import backups as backups_ui
    from accountdesk.ui.backups import BackupsDialog
    from shown import count_live

    old_laptop = open_database(tmp_path / "old" / "laptop.db")
    create_account(old_laptop, AccountInput(name="Kapadokya Seramik", country="TR"))
    kept = make_backup(old_laptop, ctx.clock).path
    old_laptop.close()
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"not a database at all" * 50)

    asked: list[str] = []
    warned: list[str] = []
    told: list[str] = []
    answer = {"foreign": False}
    monkeypatch.setattr(backups_ui, "confirm_restore_file", lambda _p, _f: True)
    monkeypatch.setattr(
        backups_ui, "confirm_foreign", lambda _p, f: asked.append(str(f)) or answer["foreign"]
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    dialog = BackupsDialog(ctx)
    qtbot.addWidget(dialog)
    restore_file = dialog.buttons[2]
    assert restore_file.isEnabled() and restore_file.text() == "Restore from a file…"

    monkeypatch.setattr(backups_ui, "choose_backup_file", lambda _p: damaged)
    restore_file.click()
    assert len(warned) == 1 and "is not an SQLite database" in warned[0]
    assert not dialog.restored and count_live(ctx.db) == (0, 0)

    monkeypatch.setattr(backups_ui, "choose_backup_file", lambda _p: kept)
    restore_file.click()  # No to "another database"
    assert asked == [str(kept)] and not dialog.restored and count_live(ctx.db) == (0, 0)
    assert len(warned) == 1  # the user's No is not an error

    answer["foreign"] = True
    restore_file.click()
    assert dialog.restored and [h.title for h in search(ctx.db, "kapadokya")] == [
        "Kapadokya Seramik"
    ]
    assert len(told) == 1 and "was restored" in told[0]


def test_first_run_offers_to_restore_a_backup(
    ctx: AppContext, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new user whose data is in a backup (a new laptop) meets the first-run dialog: it
    offers Restore a backup… (the Backups dialog, with Restore from a file…), and the window
    is built again on the restored data."""
    from PySide6.QtWidgets import QPushButton

    from accountdesk.ui.app import Controller
    from accountdesk.ui.backups import BackupsDialog
    from accountdesk.ui.firstrun import FirstRunDialog

    controller = Controller(ctx.db)
    controller.ctx = ctx
    controller.start(background=False)
    window = controller.window
    opened: list[BackupsDialog] = []

    def backups(dialog: BackupsDialog) -> int:
        opened.append(dialog)
        dialog.restored = True  # as Restore from a file… leaves it
        return 1

    monkeypatch.setattr(BackupsDialog, "exec", backups)
    dialog = FirstRunDialog(ctx, window)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    button = dialog.findChild(QPushButton, "firstrun_backup")
    assert button is not None and button.text() == "Restore a backup…"
    button.click()
    assert dialog.result() == 1 and dialog.choice == "backup"
    dialog.run_choice()
    assert len(opened) == 1
    assert controller.window is not window  # built again on the restored data


def test_emptying_a_long_trash_counts_every_record(
    ctx: AppContext, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Trash lists the latest records only; Empty the trash… deletes them all, so it asks
    with the count of all of them, not of the rows shown."""
    from accountdesk.core.records import AccountInput
    from accountdesk.core.services import trash
    from accountdesk.core.services.accounts import create_account
    from accountdesk.ui.trash import dialog as trash_dialog
    from accountdesk.ui.trash.dialog import TrashDialog

    for n in range(5):
        account = create_account(ctx.db, AccountInput(name=f"A{n}", country="LV"))
        ctx.delete("account", account, f"A{n}")
    shown_only = trash.list_trash

    def latest(db: Any, limit: int = 3) -> Any:
        return shown_only(db, limit=limit)

    monkeypatch.setattr(trash, "list_trash", latest)  # as if the trash held more than shown
    dialog = TrashDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 3
    asked: list[int] = []
    monkeypatch.setattr(
        trash_dialog, "confirm_empty", lambda _p, n, _a=False: asked.append(n) or True
    )
    dialog.empty()
    assert asked == [5]
    assert shown_only(ctx.db) == []


def test_every_country_in_the_list_names_itself_on_hover(ctx: AppContext, qtbot: Any) -> None:
    """The country list is narrow (a 1024-pixel screen cuts 'British Indian Ocean Territory'):
    each row's tooltip has the whole name; a curated one says so on a line of its own."""
    from PySide6.QtCore import Qt

    from accountdesk.core.i18n import country_name
    from accountdesk.ui.countries.screen import CountriesScreen

    screen = CountriesScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    tips = {
        str(screen.list.item(r).data(Qt.ItemDataRole.UserRole)): screen.list.item(r).toolTip()
        for r in range(screen.list.count())
    }
    assert tips["IO"] == country_name("IO")
    curated = next(iter(screen.curated))
    assert tips[curated] == f"{country_name(curated)}\nCurated etiquette notes"


def test_me_offers_the_regions_of_my_country_by_name_in_persian(
    ctx: AppContext, qtbot: Any, persian: None
) -> None:
    """My region was a line asking for the ISO code ('ISO 3166-2، مثلاً RIX', which also read
    backwards in Persian); it lists the regions of the country chosen, in Persian for Iran's
    provinces, and stores the code."""
    from accountdesk.core import settings
    from accountdesk.core.bidi import plain
    from accountdesk.ui.me import MeDialog

    dialog = MeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.set_text("user.country", "IR")
    labels = [plain(dialog.region.itemText(i)) for i in range(dialog.region.count())]
    assert "تهران (۲۳)" in labels  # the code in Persian digits, as every number here
    dialog.region.setEditText("اصفهان")  # a province typed by its name
    dialog.save()
    assert settings.get(ctx.db, "user.country") == "IR"
    assert settings.get(ctx.db, "user.subdivision") == "10"
    dialog.mark_clean()
    again = MeDialog(ctx)
    qtbot.addWidget(again)
    assert plain(again.region.currentText()) == "اصفهان (۱۰)"
    again.mark_clean()


def test_deleting_an_account_for_good_says_its_contacts_go_too(
    ctx: AppContext, sample: dict[str, str], qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An account's contacts are in the trash with it without being listed; Delete for good
    took them too while asking only about the account."""
    from PySide6.QtWidgets import QMessageBox

    from accountdesk.ui import listdialog
    from accountdesk.ui.trash.dialog import TrashDialog
    from shown import count_live

    asked: list[str] = []
    monkeypatch.setattr(
        listdialog.QMessageBox,
        "question",
        lambda _p, _t, text: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    ctx.delete("account", sample["riga"], "Baltic Timber")
    assert count_live(ctx.db) == (1, 1)  # Anna and Janis went with it, out of sight
    dialog = TrashDialog(ctx)
    qtbot.addWidget(dialog)
    assert [i.kind for i in dialog.model.items] == ["account"]
    dialog.purge_current()
    assert asked == [
        "Delete the account “\u2068Baltic Timber\u2069” and its contacts for good? "
        "This cannot be undone."
    ]
    assert dialog.model.rowCount() == 0 and count_live(ctx.db) == (1, 1)


def test_an_unmapped_column_line_takes_its_direction_from_the_sentence(
    ctx: AppContext, qtbot: Any
) -> None:
    """'{column} (AccountDesk has no field for it)': the column and the app's name are both
    isolated, so a translation that puts the name first ('… (AccountDesk فیلدی برای آن
    ندارد)') takes its direction from its own words (it read left to right in Persian)."""
    from pathlib import Path

    from accountdesk.core.bidi import FSI, PDI, direction, plain
    from accountdesk.ui.import_dialog import ImportDialog

    sample = Path(__file__).resolve().parents[1] / "data" / "google_contacts.csv"
    dialog = ImportDialog(ctx, sample)
    qtbot.addWidget(dialog)
    texts = [dialog.unmapped_list.item(i).text() for i in range(dialog.unmapped_list.count())]
    nickname = next(t for t in texts if plain(t).startswith("Nickname"))
    assert plain(nickname) == "Nickname (AccountDesk has no field for it)"
    assert f"{FSI}AccountDesk{PDI}" in nickname
    assert direction(nickname.replace("has no field for it", "فیلدی برای آن ندارد")) is True


def test_the_lock_names_the_app_isolated(
    ctx: AppContext, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Settings → Lock after idle time… and the lock's panel put the app's name into their
    sentences isolated: the Persian ones began with 'AccountDesk', so Qt laid them out left to
    right and they read backwards from the right ('AccountDesk قفل است.')."""
    from PySide6.QtWidgets import QInputDialog, QLabel, QWidget

    from accountdesk.core.bidi import FSI, PDI
    from accountdesk.ui import security

    asked: list[str] = []

    def get_int(_parent: Any, _title: str, label: str, *_a: Any) -> tuple[int, bool]:
        asked.append(label)
        return 0, False

    monkeypatch.setattr(QInputDialog, "getInt", get_int)
    security.set_lock_time(ctx, None)
    assert asked and asked[0].startswith(f"Lock {FSI}AccountDesk{PDI} after")
    window = QWidget()
    qtbot.addWidget(window)
    shield = security._Shield(window)
    assert [label.text() for label in shield.findChildren(QLabel)] == [
        f"{FSI}AccountDesk{PDI} is locked."
    ]


def test_a_team_server_offers_no_backups_of_its_own(
    ctx: AppContext, qtbot: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a team server's database (no local file) first run offered "Restore a backup…" and
    File offered Backups…, which could only fail ("Only a local database file can be backed
    up here."); the server's administrator keeps its backups (review finding)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QPushButton

    from accountdesk.ui.firstrun import FirstRunDialog
    from accountdesk.ui.main_window import MainWindow

    def offered(dialog: FirstRunDialog) -> set[str]:
        return {b.objectName() for b in dialog.findChildren(QPushButton)}

    local = FirstRunDialog(ctx)
    qtbot.addWidget(local)
    assert "firstrun_backup" in offered(local)
    monkeypatch.setattr(ctx.db, "path", None)  # as a PostgreSQL URL's Database has
    server = FirstRunDialog(ctx)
    qtbot.addWidget(server)
    assert "firstrun_backup" not in offered(server) and "firstrun_demo" in offered(server)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    from PySide6.QtGui import QAction

    named = [a for a in window.findChildren(QAction) if a.text().replace("&", "") == "Backups…"]
    assert len(named) == 1
    backups = named[0]
    assert not backups.isEnabled()
