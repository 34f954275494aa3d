"""The team in the screens (pytest-qt): on a team server the lists offer "Mine" and every
member by name, owners are shown by name, the account editor offers the members (storing the
login; a new account is mine), the record views say who changed them and when, and the Reports
screen can be limited to one owner. On a laptop's copy of the server the same, as the member
the copy reaches the server as. In a laptop's own file all of it stays as it was."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit

from accountdesk.core import i18n, settings
from accountdesk.core.bidi import FSI, PDI, plain
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.queries.details import account_detail, contact_detail
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import (
    account_for_edit,
    account_input,
    create_account,
    create_contact,
    update_account,
)
from accountdesk.ui import fmt, forms, tasks
from accountdesk.ui.accounts.editor import AccountEditor
from accountdesk.ui.accounts.screen import AccountsScreen
from accountdesk.ui.accounts.view import AccountView
from accountdesk.ui.contacts.screen import ContactsScreen
from accountdesk.ui.contacts.view import ContactView
from accountdesk.ui.context import AppContext
from accountdesk.ui.listmodel import PLAIN_ROLE
from accountdesk.ui.reports.screen import ReportsScreen
from pgcluster import BACKENDS
from teamserver import Team as Server
from teamserver import blank_database, private_home, set_up

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

NOW = datetime(2025, 3, 12, 9, 30, tzinfo=UTC)
RIGA = "Europe/Riga"
UPLOADED = "Hanna Liepa"  # an owner no member has: a laptop's free text, uploaded


class Team:
    """A set-up team server (``teamserver.set_up``: a manager, Maria López, and two reps,
    Anna Berg and Ben Okafor, with logins of their own) with an account and a contact of each
    rep, written by the rep's own connection, and one of an uploaded laptop's owner."""

    def __init__(self, admin: Database, server: Server) -> None:
        self.admin, self.server = admin, server
        self.anna, self.ben = server.connect(server.anna), server.connect(server.ben)
        self.accounts: dict[str, str] = {}
        self.contexts: list[AppContext] = []
        self.contacts: dict[str, str] = {}
        for key, rep, owner, account, given in (
            ("anna", self.anna, server.anna, "Baltic Timber", "Zane"),
            ("ben", self.ben, server.ben, "Daugava Foods", "Jānis"),
            ("uploaded", admin, UPLOADED, "Kurzeme Mills", "Hanna"),
        ):
            account_id = create_account(
                rep, AccountInput(account, "LV", timezone=RIGA, owner=owner)
            )
            self.accounts[key] = account_id
            self.contacts[key] = create_contact(
                rep, ContactInput(account_id, given, "LV", family_name="Ozola", timezone=RIGA)
            )

    def context(self, db: Database) -> AppContext:
        """The app's context on ``db``, closed with the team (its zone timer must not read a
        dropped database in a later test)."""
        found = AppContext(db, clock=fixed_clock(NOW))
        self.contexts.append(found)
        return found


@pytest.fixture
def team(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any
) -> Iterator[Team]:
    if "postgresql" not in BACKENDS:
        pytest.skip("the team server's screens need PostgreSQL")
    private_home(tmp_path, monkeypatch)
    from accountdesk.ui.app import create_app

    create_app()
    cluster = request.getfixturevalue("pg_cluster")
    with blank_database(cluster, request.getfixturevalue("pg_template")) as (name, url):
        admin = open_database(url)
        found = Team(admin, set_up(cluster, name))
        yield found
        # the screens go before their database does: no timer of theirs may start work on a
        # dropped database in a later test
        from PySide6.QtWidgets import QApplication

        for widget in QApplication.topLevelWidgets():
            widget.close()
            widget.deleteLater()
        for context in found.contexts:
            context.close()
        QApplication.processEvents()
        tasks.wait_all()
        for db in (found.anna, found.ben, admin):
            db.close()


@pytest.fixture
def annas(team: Team) -> AppContext:
    """The app as Anna Berg (a rep) runs it."""
    settings.put(team.anna, "user.zone", RIGA)
    return team.context(team.anna)


def _items(box: QComboBox) -> list[tuple[str, str]]:
    return [(box.itemText(i), box.itemData(i)) for i in range(box.count())]


def _choose(box: QComboBox, text: str) -> None:
    index = box.findText(text)
    assert index >= 0, (text, _items(box))
    box.setCurrentIndex(index)


def _shown(screen: Any, column: int) -> list[str]:
    model = screen.model
    return [model.index(r, column).data(PLAIN_ROLE) for r in range(model.rowCount())]


def test_lists_offer_mine_and_every_member_by_name(
    annas: AppContext, team: Team, qtbot: Any
) -> None:
    screen = AccountsScreen(annas, asynchronous=False)
    qtbot.addWidget(screen)
    screen.show()
    anna, ben, maria = team.server.anna, team.server.ben, team.server.manager
    assert _items(screen.owner) == [
        ("Any owner", ""),
        ("Mine", anna),
        ("Anna Berg", anna),
        ("Ben Okafor", ben),
        (UPLOADED, UPLOADED),
        ("Maria López", maria),
    ]
    assert screen.owner.currentIndex() == 0  # everyone's, by default
    assert set(screen.model.ids) == set(team.accounts.values())
    owner_column = next(i for i, c in enumerate(screen.model.columns) if c.key == "owner")
    screen.table.sortByColumn(owner_column, Qt.SortOrder.AscendingOrder)
    assert _shown(screen, owner_column) == ["Anna Berg", "Ben Okafor", UPLOADED]
    _choose(screen.owner, "Mine")
    assert screen.model.ids == [team.accounts["anna"]]
    _choose(screen.owner, "Ben Okafor")
    assert screen.model.ids == [team.accounts["ben"]]

    contacts = ContactsScreen(annas, asynchronous=False)
    qtbot.addWidget(contacts)
    contacts.show()
    assert len(contacts.model.ids) == 3
    _choose(contacts.owner, "Mine")
    assert contacts.model.ids == [team.contacts["anna"]]


def test_a_files_owner_filter_is_as_it_was(ctx: Any, sample: dict[str, str], qtbot: Any) -> None:
    screen = AccountsScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    screen.show()
    assert _items(screen.owner) == [("Any owner", ""), ("Marta", "Marta")]
    _choose(screen.owner, "Marta")
    assert screen.model.ids == [sample["riga"]]
    assert isinstance(AccountEditor(ctx).fields["owner"], QLineEdit)


def _new_account_in_the_editor(context: AppContext, team: Team, qtbot: Any) -> str:
    """A new account made in Anna's account editor, whose owner box offers the members with
    her chosen (and no "No owner", which the server would not keep); the account's id."""
    editor = AccountEditor(context)
    qtbot.addWidget(editor)
    owner = editor.fields["owner"]
    assert isinstance(owner, QComboBox)
    anna, ben, maria = team.server.anna, team.server.ben, team.server.manager
    assert _items(owner) == [("Anna Berg", anna), ("Ben Okafor", ben), ("Maria López", maria)]
    assert owner.currentText() == "Anna Berg"
    assert not editor.is_dirty()
    editor.set_text("name", "Liepāja Amber")
    editor.set_text("country", "LV")
    editor.accept()
    assert editor.result_id is not None
    return editor.result_id


def test_the_account_editor_offers_the_members_and_stores_the_login(
    annas: AppContext, team: Team, qtbot: Any
) -> None:
    # a new account is mine
    made = _new_account_in_the_editor(annas, team, qtbot)
    anna, ben = team.server.anna, team.server.ben
    assert account_input(team.admin, made).owner == anna

    # someone else's account shows their name
    editor = AccountEditor(annas, team.accounts["ben"])
    qtbot.addWidget(editor)
    owner = editor.fields["owner"]
    assert isinstance(owner, QComboBox) and owner.currentText() == "Ben Okafor"
    assert _items(owner)[0] == ("No owner", "")  # an account stored may be given up
    assert not editor.is_dirty()
    editor.reject()

    # her own account, handed over by choosing another member
    editor = AccountEditor(annas, team.accounts["anna"])
    qtbot.addWidget(editor)
    owner = editor.fields["owner"]
    assert isinstance(owner, QComboBox) and owner.currentText() == "Anna Berg"
    _choose(owner, "Ben Okafor")
    editor.accept()
    assert account_input(team.admin, team.accounts["anna"]).owner == ben

    # an uploaded laptop's owner stays what it was when the account is saved
    editor = AccountEditor(annas, team.accounts["uploaded"])
    qtbot.addWidget(editor)
    owner = editor.fields["owner"]
    assert isinstance(owner, QComboBox) and owner.currentText() == UPLOADED
    editor.set_text("city", "Kuldīga")
    editor.accept()
    assert account_input(team.admin, team.accounts["uploaded"]).owner == UPLOADED


def test_the_administrators_new_account_may_have_no_owner(team: Team, qtbot: Any) -> None:
    """The administrator is no member: their new account is nobody's unless they choose one,
    so "No owner" is offered, first, and kept."""
    admins = team.context(team.admin)
    editor = AccountEditor(admins)
    qtbot.addWidget(editor)
    owner = editor.fields["owner"]
    assert isinstance(owner, QComboBox)
    assert _items(owner)[0] == ("No owner", "") and owner.currentIndex() == 0
    editor.set_text("name", "Nobody's Amber")
    editor.set_text("country", "LV")
    editor.accept()
    assert editor.result_id is not None
    assert account_input(team.admin, editor.result_id).owner is None

    editor = AccountEditor(admins)
    qtbot.addWidget(editor)
    owner = editor.fields["owner"]
    assert isinstance(owner, QComboBox)
    _choose(owner, "Ben Okafor")
    editor.set_text("name", "Ben's Amber")
    editor.set_text("country", "LV")
    editor.accept()
    assert editor.result_id is not None
    assert account_input(team.admin, editor.result_id).owner == team.server.ben


@pytest.mark.parametrize("who", ["anna", "manager"])
def test_reloading_after_a_conflict_shows_and_keeps_the_stored_owner(
    team: Team, qtbot: Any, who: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone hands Ben's account to an owner no member has (a laptop's free text) while a
    member's editor is open: after "Reload what is stored now" the editor shows that owner,
    and the next save keeps it (it used to put Ben back, or refuse Anna as not his)."""
    login = team.server.anna if who == "anna" else team.server.manager
    db = team.anna if who == "anna" else team.server.connect(login)
    try:
        account_id = team.accounts["ben"]
        editor = AccountEditor(team.context(db), account_id)
        qtbot.addWidget(editor)
        loaded = account_for_edit(team.admin, account_id)
        update_account(
            team.admin, account_id, replace(loaded.data, owner="j.smith", city="Talsi"),
            expected_version=loaded.version,
        )  # fmt: skip
        editor.set_text("city", "Kuldīga")
        assert not editor.try_save()  # refused: the city was changed meanwhile too
        asked: list[list[str]] = []  # reloading asks before it drops the typed city: yes
        monkeypatch.setattr(
            forms, "ask_reload", lambda _p, lost: asked.append([f for f, _v in lost]) or True
        )
        editor.reload()
        assert len(asked) == 1 and len(asked[0]) == 1  # the city, by its label
        owner = editor.fields["owner"]
        assert isinstance(owner, QComboBox) and owner.currentText() == "j.smith"
        assert ("j.smith", "j.smith") in _items(owner)
        editor.set_text("city", "Kuldīga")
        assert editor.try_save(), editor.banner.text()
        stored = account_input(team.admin, account_id)
        assert (stored.owner, stored.city) == ("j.smith", "Kuldīga")
    finally:
        if db is not team.anna:
            db.close()


def _form_value(view: Any, title: str) -> str:
    """The value beside ``title`` in a view's details form."""
    labels = [plain(w.text()) for w in view.findChildren(QLabel)]
    return labels[labels.index(title) + 1]


def test_views_say_who_changed_it_and_show_the_owner_by_name(
    annas: AppContext, team: Team, qtbot: Any
) -> None:
    account = AccountView(annas, team.accounts["ben"])
    qtbot.addWidget(account)
    detail = account_detail(team.admin, team.accounts["ben"])
    assert detail.changed_by == team.server.ben and detail.changed_at is not None
    when = fmt.when(detail.changed_at, RIGA)
    assert not account.changed.isHidden()
    assert plain(account.changed.text()) == f"Changed by Ben Okafor, {when}"
    assert f"{FSI}Ben Okafor{PDI}" in account.changed.text()
    assert _form_value(account, "Owner") == "Ben Okafor"

    contact = ContactView(annas, team.contacts["anna"])
    qtbot.addWidget(contact)
    changed = contact_detail(team.admin, team.contacts["anna"]).changed_at
    assert changed is not None
    assert plain(contact.changed.text()) == f"Changed by Anna Berg, {fmt.when(changed, RIGA)}"

    # a login no member has (the admin who uploaded it) is named as it is
    uploaded = AccountView(annas, team.accounts["uploaded"])
    qtbot.addWidget(uploaded)
    assert plain(uploaded.changed.text()).startswith("Changed by postgres, ")
    assert _form_value(uploaded, "Owner") == UPLOADED


def test_persian_view_dates_the_change_in_the_solar_hijri_calendar(
    annas: AppContext, team: Team, qtbot: Any, qapp: QApplication
) -> None:
    i18n.set_language("fa")
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        view = ContactView(annas, team.contacts["ben"])
        qtbot.addWidget(view)
        changed = contact_detail(team.admin, team.contacts["ben"]).changed_at
        assert changed is not None
        when = fmt.when(changed, RIGA)
        assert any("\u06f0" <= ch <= "\u06f9" for ch in when)  # Persian digits
        assert f"{FSI}{when}{PDI}" in view.changed.text()
        assert f"{FSI}Ben Okafor{PDI}" in view.changed.text()
    finally:
        i18n.set_language("en")
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_a_files_views_name_nobody(ctx: Any, sample: dict[str, str], qtbot: Any) -> None:
    account = AccountView(ctx, sample["riga"])
    qtbot.addWidget(account)
    contact = ContactView(ctx, sample["anna"])
    qtbot.addWidget(contact)
    assert account.changed.isHidden() and account.changed.text() == ""
    assert contact.changed.isHidden() and contact.changed.text() == ""
    assert _form_value(account, "Owner") == "Marta"


def test_reports_can_be_limited_to_mine_or_a_member(
    annas: AppContext, team: Team, qtbot: Any
) -> None:
    screen = ReportsScreen(annas)
    qtbot.addWidget(screen)
    screen.kind.setCurrentIndex(screen.kind.findData("portfolio"))
    screen.scope_by.setCurrentIndex(screen.scope_by.findData("owner"))
    anna, ben = team.server.anna, team.server.ben
    assert _items(screen.scope_value) == [  # Maria López owns no account: not offered
        ("Mine", anna),
        ("Anna Berg", anna),
        ("Ben Okafor", ben),
        (UPLOADED, UPLOADED),
    ]
    request = screen.request()
    assert request is not None and request.owner == anna
    _choose(screen.scope_value, "Ben Okafor")
    request = screen.request()
    assert request is not None and request.owner == ben
    tasks.wait_all()


def test_a_manager_without_accounts_is_not_offered_mine(team: Team, qtbot: Any) -> None:
    """Maria owns no account: "Mine" (and her name) would show empty key figures beside a
    PDF that is refused, so neither is offered."""
    maria = team.server.connect(team.server.manager)
    try:
        screen = ReportsScreen(team.context(maria))
        qtbot.addWidget(screen)
        screen.kind.setCurrentIndex(screen.kind.findData("portfolio"))
        screen.scope_by.setCurrentIndex(screen.scope_by.findData("owner"))
        assert [text for text, _login in _items(screen.scope_value)] == [
            "Anna Berg",
            "Ben Okafor",
            UPLOADED,
        ]
        tasks.wait_all()
    finally:
        tasks.wait_all()
        maria.close()


@pytest.fixture
def annas_copy(team: Team, tmp_path: Path) -> Iterator[AppContext]:
    """The app as Anna Berg runs it on her laptop's copy of the team server."""
    from accountdesk.core.db import sync

    path = sync.create_copy(team.server.url(team.server.anna), tmp_path / "copy.db")
    copy = open_database(path)
    settings.put(copy, "user.zone", RIGA)
    context = team.context(copy)
    try:
        yield context
    finally:
        tasks.wait_all()  # nothing of the screens reads the copy once it is closed
        context.close()
        copy.close()


def test_on_a_copy_the_account_editor_offers_the_members_and_a_new_account_is_mine(
    annas_copy: AppContext, team: Team, qtbot: Any
) -> None:
    """The copy knows who its user is in the team (the login it reaches the server as): the
    owner box is the team's, as on the server, and a new account is hers."""
    made = _new_account_in_the_editor(annas_copy, team, qtbot)
    assert account_input(annas_copy.db, made).owner == team.server.anna

    # someone else's account on the copy: his name, and "No owner" to give it up
    editor = AccountEditor(annas_copy, team.accounts["ben"])
    qtbot.addWidget(editor)
    owner = editor.fields["owner"]
    assert isinstance(owner, QComboBox) and owner.currentText() == "Ben Okafor"
    assert _items(owner)[0] == ("No owner", "")
    editor.reject()


def test_on_a_copy_the_lists_and_reports_offer_mine(
    annas_copy: AppContext, team: Team, qtbot: Any
) -> None:
    anna, ben = team.server.anna, team.server.ben
    screen = AccountsScreen(annas_copy, asynchronous=False)
    qtbot.addWidget(screen)
    screen.show()
    assert _items(screen.owner)[:3] == [("Any owner", ""), ("Mine", anna), ("Anna Berg", anna)]
    _choose(screen.owner, "Mine")
    assert screen.model.ids == [team.accounts["anna"]]

    reports = ReportsScreen(annas_copy)
    qtbot.addWidget(reports)
    reports.kind.setCurrentIndex(reports.kind.findData("portfolio"))
    reports.scope_by.setCurrentIndex(reports.scope_by.findData("owner"))
    assert _items(reports.scope_value) == [
        ("Mine", anna),
        ("Anna Berg", anna),
        ("Ben Okafor", ben),
        (UPLOADED, UPLOADED),
    ]
    request = reports.request()
    assert request is not None and request.owner == anna
    tasks.wait_all()
