"""Merge with… on an account's page: the other account chosen by its name (with its city and
country; the account itself and the trash not offered), the two side by side in the Duplicates
screen's own choice, the merge made, the page showing the account kept, and the merge undone
from the page as the Duplicates screen undoes one; cancelling writes nothing, and a refusal of
the core is shown as its sentence with nothing written."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from accountdesk.core.bidi import plain
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.errors import NotFoundError
from accountdesk.core.queries.details import account_detail
from accountdesk.core.queries.duplicates import ACCOUNTS, recent_merges
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import DealInput, save_deal
from accountdesk.ui import tasks
from accountdesk.ui.context import AppContext
from accountdesk.ui.duplicates.accounts import AccountMergeChoice
from pgcluster import BACKENDS

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

Steps = Callable[[Any], None]


@pytest.fixture
def firms(db: Database) -> dict[str, str]:
    """One company entered twice in Istanbul (the twin with two contacts, a deal and a tag),
    a company of a like name in Berlin, another in the trash, and one of another name."""

    def account(name: str, country: str = "TR", **kw: Any) -> str:
        zone = {"TR": "Europe/Istanbul", "DE": "Europe/Berlin"}[country]
        return create_account(db, AccountInput(name=name, country=country, timezone=zone, **kw))

    page = account("Işık Tekstil A.Ş.", city="İstanbul", industry="Textiles")
    twin = account("IŞIK TEKSTİL", city="Bursa", tags=["denim"], website="https://isik.example")
    berlin = account("Işık Textil GmbH", "DE", city="Berlin")
    trashed = account("Işık Tekstil Eski", city="İzmir")
    trash.delete(db, "account", trashed)
    account("Boğaziçi Lojistik", city="İstanbul")
    for given in ("Ayşe", "Mehmet"):
        create_contact(
            db, ContactInput(account_id=twin, given_name=given, family_name="Kaya", country="TR")
        )
    save_deal(db, DealInput(twin, "Fabric", Decimal("10000"), "TRY"))
    create_contact(
        db, ContactInput(account_id=page, given_name="Zeynep", family_name="Ak", country="TR")
    )
    return {"page": page, "twin": twin, "berlin": berlin, "trashed": trashed}


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """The merge's question (answered Yes unless a test says otherwise) and the refusals
    shown, as their plain text."""
    found: dict[str, list[str]] = {"asked": [], "errors": [], "yes": ["yes"]}
    monkeypatch.setattr(
        "accountdesk.ui.duplicates.accounts.ask_yes",
        lambda _parent, _title, text: found["asked"].append(plain(text)) or bool(found["yes"]),
    )
    monkeypatch.setattr(
        "accountdesk.ui.duplicates.accounts.show_error",
        lambda _parent, message: found["errors"].append(plain(message)),
    )
    return found


def _page(ctx: AppContext, account_id: str, qtbot: Any) -> Any:
    from accountdesk.ui.accounts.view import AccountView

    view = AccountView(ctx, account_id)
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    return view


def _merge_with(view: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch, steps: Steps) -> Any:
    """Click Merge with… on ``view`` and do ``steps`` in the dialog it opens (as the user
    would, modally); the dialog."""
    from accountdesk.ui.accounts import view as view_module

    opened: list[Any] = []

    def run(dialog: Any) -> int:
        qtbot.addWidget(dialog)
        opened.append(dialog)
        dialog.show()
        steps(dialog)
        if dialog.isVisible():
            dialog.reject()
        return int(dialog.result())

    monkeypatch.setattr(view_module, "run_modal", run)
    button = next(b for b in view.action_buttons if b.text() == "Merge with…")
    assert button.isEnabled()
    button.click()
    assert len(opened) == 1
    return opened[0]


def _listed(dialog: Any) -> list[tuple[str, str, str]]:
    model = dialog.results.model
    return [
        tuple(plain(model.index(r, c).data()) for c in range(3)) for r in range(model.rowCount())
    ]


def _choose(dialog: Any, account_id: str) -> None:
    row = next(i for i, hit in enumerate(dialog.results.model.items) if hit.id == account_id)
    dialog.results.view.setCurrentIndex(dialog.results.model.index(row, 0))


def _keep(choice: AccountMergeChoice, account_id: str) -> None:
    choice.keep.setCurrentIndex(choice.keep.findData(account_id))


def _merges(db: Database) -> list[Any]:
    return [m for m in recent_merges(db) if m.kind == ACCOUNTS]


def _contacts(db: Database, account_id: str) -> set[str]:
    return {c.name for c in account_detail(db, account_id).contacts}


def test_the_picker_lists_accounts_by_name_with_their_place_not_itself_nor_the_trash(
    ctx: AppContext, firms: dict[str, str], qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    def steps(dialog: Any) -> None:
        assert dialog.results.model.rowCount() == 0
        assert "Type a few letters" in plain(dialog.results.empty_note.text())
        assert not dialog.compare_button.isEnabled()
        dialog.look_up("ışık")  # typed in lower case: "IŞIK TEKSTİL" is found as search finds it
        seen["listed"] = _listed(dialog)
        seen["ids"] = {hit.id for hit in dialog.results.model.items}
        assert dialog.compare_button.isEnabled()  # the first match is chosen
        dialog.look_up("Nowhere Ltd")
        seen["none"] = plain(dialog.results.empty_note.text())
        assert not dialog.compare_button.isEnabled()
        dialog.look_up("tekstil")
        _choose(dialog, firms["twin"])
        dialog.compare()
        assert dialog.pages.currentWidget() is dialog.choice
        assert dialog.back_button.isVisible() and not dialog.compare_button.isVisible()
        choice = dialog.choice
        seen["sheets"] = [s.id for s in choice.sheets]
        seen["kept"] = choice.kept()
        seen["others"] = choice.chosen_others()
        sheet = choice.sheet_model
        vertical = Qt.Orientation.Vertical
        seen["rows"] = [sheet.headerData(r, vertical) for r in range(sheet.rowCount())]
        dialog.back()
        assert dialog.pages.currentIndex() == 0

    view = _page(ctx, firms["page"], qtbot)
    dialog = _merge_with(view, qtbot, monkeypatch, steps)
    # the account itself and the one in the trash are not offered; city and country tell
    # the Istanbul company's twin from the Berlin one
    assert sorted(seen["listed"]) == [
        ("IŞIK TEKSTİL", "Bursa", "Türkiye"),
        ("Işık Textil GmbH", "Berlin", "Germany"),
    ]
    assert firms["page"] not in seen["ids"] and firms["trashed"] not in seen["ids"]
    assert seen["none"] == "No other account matches “Nowhere Ltd”."
    # the Duplicates screen's side by side: the one with more records kept by default
    assert isinstance(dialog.choice, AccountMergeChoice)
    assert seen["sheets"] == [firms["page"], firms["twin"]]
    assert (seen["kept"], seen["others"]) == (firms["twin"], [firms["page"]])
    assert "Industry" in seen["rows"] and "Related records" in seen["rows"]
    assert dialog.merged is None and _merges(ctx.db) == []


def test_merged_into_the_other_the_page_shows_it_and_undo_brings_this_one_back(
    ctx: AppContext,
    firms: dict[str, str],
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    answers: dict[str, list[str]],
) -> None:
    def steps(dialog: Any) -> None:
        dialog.look_up("Işık Tekstil")
        _choose(dialog, firms["twin"])
        dialog.compare()
        _keep(dialog.choice, firms["twin"])  # this page's account goes into its twin
        dialog.choice.merge_button.click()

    view = _page(ctx, firms["page"], qtbot)
    statuses: list[str] = []
    ctx.status.connect(lambda text: statuses.append(plain(text)))
    dialog = _merge_with(view, qtbot, monkeypatch, steps)
    assert dialog.result() == 1 and dialog.kept_id == firms["twin"]
    assert answers["asked"] == [
        "Merge 1 account into “IŞIK TEKSTİL”? It goes to the trash, and its empty fields are "
        "filled in on “IŞIK TEKSTİL”. Moving to “IŞIK TEKSTİL”: 1 contact. The merge can be "
        "undone under Latest merges."
    ]
    # in the database: this account in the trash, its contact at the twin, its empty fields
    # filled there, the merge logged as the Duplicates screen's latest merges list it
    with pytest.raises(NotFoundError):
        account_detail(ctx.db, firms["page"])
    kept = account_detail(ctx.db, firms["twin"])
    assert {c.name for c in kept.contacts} == {"Ayşe Kaya", "Mehmet Kaya", "Zeynep Ak"}
    assert [d.title for d in kept.deals] == ["Fabric"] and kept.industry == "Textiles"
    assert kept.city == "Bursa"  # the kept account's own value wins
    merges = _merges(ctx.db)
    assert [(m.kept_id, m.merged_names, m.undone_at) for m in merges] == [
        (firms["twin"], ("Işık Tekstil A.Ş.",), None)
    ]
    # the page shows the account kept, with what the merge did and its undo
    assert view.record_id == firms["twin"]
    assert plain(view.title.text()) == "IŞIK TEKSTİL"
    assert {plain(c.name) for c in view.contacts.model.items} == {
        "Ayşe Kaya",
        "Mehmet Kaya",
        "Zeynep Ak",
    }
    assert all(b.isEnabled() for b in view.action_buttons)
    assert view.merge_notice.isVisible()
    notice = plain(view.merge_text.text())
    assert notice.startswith("1 account was merged into “IŞIK TEKSTİL”. Moved to the kept")
    assert "1 contact" in notice and notice in statuses

    view.undo_merge_button.click()
    assert answers["errors"] == []
    # everything as it was, and the page shows the account it showed before the merge
    assert _contacts(ctx.db, firms["page"]) == {"Zeynep Ak"}
    assert _contacts(ctx.db, firms["twin"]) == {"Ayşe Kaya", "Mehmet Kaya"}
    assert account_detail(ctx.db, firms["twin"]).industry is None
    assert _merges(ctx.db)[0].undone_at is not None
    assert view.record_id == firms["page"]
    assert plain(view.title.text()) == "Işık Tekstil A.Ş."
    assert {plain(c.name) for c in view.contacts.model.items} == {"Zeynep Ak"}
    assert not view.merge_notice.isVisible()
    assert statuses[-1] == "The merge was undone: 1 account is back."


def test_merged_into_this_account_the_page_stays_and_counts_what_came(
    ctx: AppContext,
    firms: dict[str, str],
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    answers: dict[str, list[str]],
) -> None:
    def steps(dialog: Any) -> None:
        dialog.look_up("IŞIK TEKSTİL")
        _choose(dialog, firms["twin"])
        dialog.compare()
        _keep(dialog.choice, firms["page"])
        assert dialog.choice.chosen_others() == [firms["twin"]]
        dialog.choice.merge_button.click()

    view = _page(ctx, firms["page"], qtbot)
    _merge_with(view, qtbot, monkeypatch, steps)
    assert len(answers["asked"]) == 1
    with pytest.raises(NotFoundError):
        account_detail(ctx.db, firms["twin"])
    kept = account_detail(ctx.db, firms["page"])
    assert {c.name for c in kept.contacts} == {"Ayşe Kaya", "Mehmet Kaya", "Zeynep Ak"}
    assert kept.tags == ["denim"] and kept.website == "https://isik.example"
    assert view.record_id == firms["page"]
    assert len(view.contacts.model.items) == 3 and len(view.deals.model.items) == 1
    assert "2 contacts, 1 deal and 1 tag" in plain(view.merge_text.text())
    # a deal added on the page now is the kept account's
    assert view.deals.buttons["new"].isEnabled()


def test_the_keyboard_types_a_name_and_enter_compares_the_first_match(
    ctx: AppContext, firms: dict[str, str], qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    def steps(dialog: Any) -> None:
        assert dialog.focusWidget() is dialog.search  # where the keyboard is when it opens
        qtbot.keyClicks(dialog.search, "isik tekst")  # without the Turkish letters
        qtbot.waitUntil(lambda: dialog.results.model.rowCount() == 1, timeout=5000)
        qtbot.keyClick(dialog.search, Qt.Key.Key_Backspace)  # Enter before the list follows
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
        seen["compared"] = [s.id for s in dialog.choice.sheets]
        seen["page"] = dialog.pages.currentWidget() is dialog.choice

    view = _page(ctx, firms["page"], qtbot)
    dialog = _merge_with(view, qtbot, monkeypatch, steps)
    assert seen == {"compared": [firms["page"], firms["twin"]], "page": True}
    assert dialog.merged is None and _merges(ctx.db) == []


@pytest.mark.parametrize("how", ["cancel at the list", "cancel side by side", "answer no"])
def test_cancelling_writes_nothing(
    how: str,
    ctx: AppContext,
    firms: dict[str, str],
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    answers: dict[str, list[str]],
) -> None:
    def steps(dialog: Any) -> None:
        dialog.look_up("Işık")
        _choose(dialog, firms["twin"])
        if how != "cancel at the list":
            dialog.compare()
        if how == "answer no":
            answers["yes"].clear()
            dialog.choice.merge_button.click()
            assert dialog.isVisible()  # still open, to choose otherwise
        dialog.reject()

    view = _page(ctx, firms["page"], qtbot)
    dialog = _merge_with(view, qtbot, monkeypatch, steps)
    assert dialog.merged is None
    assert len(answers["asked"]) == (1 if how == "answer no" else 0)
    assert _merges(ctx.db) == []
    assert _contacts(ctx.db, firms["page"]) == {"Zeynep Ak"}
    assert _contacts(ctx.db, firms["twin"]) == {"Ayşe Kaya", "Mehmet Kaya"}
    assert view.record_id == firms["page"] and not view.merge_notice.isVisible()


@pytest.mark.parametrize(
    ("gone", "says"),
    [
        ("to the trash", "IŞIK TEKSTİL ({id}) is in the trash; restore it before merging."),
        ("for good", "There is no account with id {id}."),
    ],
    ids=["trashed", "purged"],
)
def test_a_refusal_of_the_core_is_shown_and_nothing_is_written(
    gone: str,
    says: str,
    ctx: AppContext,
    firms: dict[str, str],
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    answers: dict[str, list[str]],
) -> None:
    """The other account is moved to the trash, or deleted for good with its data, by
    someone else while the two are side by side: the core refuses the merge."""

    def steps(dialog: Any) -> None:
        dialog.look_up("Işık")
        _choose(dialog, firms["twin"])
        dialog.compare()
        _keep(dialog.choice, firms["page"])
        trash.delete(ctx.db, "account", firms["twin"])
        if gone == "for good":
            trash.purge(ctx.db, "account", firms["twin"])
        dialog.choice.merge_button.click()
        assert dialog.isVisible()  # the refusal said, the dialog stays for another choice

    view = _page(ctx, firms["page"], qtbot)
    dialog = _merge_with(view, qtbot, monkeypatch, steps)
    assert answers["errors"] == [says.format(id=firms["twin"])]
    assert dialog.merged is None and _merges(ctx.db) == []
    assert _contacts(ctx.db, firms["page"]) == {"Zeynep Ak"}
    assert account_detail(ctx.db, firms["page"]).tags == []
    assert view.record_id == firms["page"] and not view.merge_notice.isVisible()


def test_an_undo_the_core_refuses_is_shown_and_the_page_stays(
    ctx: AppContext,
    firms: dict[str, str],
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    answers: dict[str, list[str]],
) -> None:
    """Undone meanwhile on the Duplicates screen: the page's undo says so, and changes
    nothing."""
    from accountdesk.core.services.account_merge import undo_account_merge

    def steps(dialog: Any) -> None:
        dialog.look_up("Işık")
        _choose(dialog, firms["twin"])
        dialog.compare()
        _keep(dialog.choice, firms["twin"])
        dialog.choice.merge_button.click()

    view = _page(ctx, firms["page"], qtbot)
    dialog = _merge_with(view, qtbot, monkeypatch, steps)
    assert dialog.merged is not None
    undo_account_merge(ctx.db, dialog.merged.merge_id)
    view.undo_merge_button.click()
    assert len(answers["errors"]) == 1
    assert answers["errors"][0].startswith("This merge was already undone")
    assert view.record_id == firms["twin"] and view.merge_notice.isVisible()
    assert _contacts(ctx.db, firms["page"]) == {"Zeynep Ak"}


def test_merge_with_is_off_for_an_account_in_the_trash(
    ctx: AppContext, firms: dict[str, str], qtbot: Any
) -> None:
    view = _page(ctx, firms["page"], qtbot)
    button = next(b for b in view.action_buttons if b.text() == "Merge with…")
    assert button.isEnabled()
    trash.delete(ctx.db, "account", firms["page"])
    view.reload()
    assert not button.isEnabled()


# --- a team server ------------------------------------------------------------------------


@pytest.fixture
def team_server(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any
) -> Iterator[tuple[Database, Database, Any]]:
    """A team server (``teamserver.set_up``): Anna Berg's and Ben Okafor's connections (two
    reps), and the team."""
    if "postgresql" not in BACKENDS:
        pytest.skip("a team server needs PostgreSQL")
    from teamserver import blank_database, private_home, set_up

    private_home(tmp_path, monkeypatch)
    from accountdesk.ui.app import create_app

    create_app()
    cluster = request.getfixturevalue("pg_cluster")
    with blank_database(cluster, request.getfixturevalue("pg_template")) as (name, url):
        admin = open_database(url)
        team = set_up(cluster, name)
        anna, ben = team.connect(team.anna), team.connect(team.ben)
        contexts: list[AppContext] = []
        yield anna, ben, contexts
        from PySide6.QtWidgets import QApplication

        for widget in QApplication.topLevelWidgets():
            widget.close()
            widget.deleteLater()
        for context in contexts:
            context.close()
        QApplication.processEvents()
        tasks.wait_all()
        for db in (anna, ben, admin):
            db.close()


def test_a_rep_merging_another_reps_account_is_refused_with_the_cores_sentence(
    team_server: tuple[Database, Database, Any],
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    answers: dict[str, list[str]],
) -> None:
    anna, ben, contexts = team_server
    mine = create_account(anna, AccountInput("Acme GmbH", "DE", timezone="Europe/Berlin"))
    bens = create_account(ben, AccountInput("ACME", "DE", timezone="Europe/Berlin", city="Köln"))
    create_contact(ben, ContactInput(bens, "Jonas", "DE", family_name="Weber"))
    ctx = AppContext(anna, clock=fixed_clock(datetime(2025, 3, 12, 9, 30, tzinfo=UTC)))
    contexts.append(ctx)

    def steps(dialog: Any) -> None:
        dialog.look_up("acme")
        _choose(dialog, bens)
        dialog.compare()
        _keep(dialog.choice, mine)
        dialog.choice.merge_button.click()

    view = _page(ctx, mine, qtbot)
    dialog = _merge_with(view, qtbot, monkeypatch, steps)
    assert answers["errors"] == [
        "Only a manager, or the owner of all these accounts, can merge them or undo their "
        "merge: moving their records is the owner's. Nothing was changed."
    ]
    assert dialog.merged is None and _merges(anna) == []
    assert _contacts(ben, bens) == {"Jonas Weber"}
    assert view.record_id == mine and not view.merge_notice.isVisible()
