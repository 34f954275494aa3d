"""Ctrl+K: Enter opens the top result (for what is typed now), a highlighted suggestion wins,
and suggestions tell two people of the same name apart by account and city."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt

from accountdesk.core.bidi import plain
from accountdesk.core.queries.search import SearchHit
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.ui.main_window import MainWindow
from accountdesk.ui.pickers import RecordPicker, hit_label

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def window(ctx: Any, qtbot: Any, tmp_path: Any) -> MainWindow:
    win = MainWindow(ctx, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def two_annas(ctx: Any, sample: dict[str, str]) -> dict[str, str]:
    """A second Anna Ozola, at another account in another city."""
    other = create_account(
        ctx.db,
        AccountInput(name="Kurzeme Wood", country="LV", timezone="Europe/Riga", city="Liepaja"),
    )
    anna2 = create_contact(
        ctx.db,
        ContactInput(
            account_id=other, given_name="Anna", family_name="Ozola", country="LV",
            timezone="Europe/Riga", city="Liepaja",
        ),
    )  # fmt: skip
    return {**sample, "anna2": anna2}


def _labels(picker: RecordPicker) -> list[str]:
    model = picker.completer().model()
    return [plain(model.index(row, 0).data()) for row in range(model.rowCount())]


def _opened(window: MainWindow) -> list[str]:
    return [view.record_id for view in window.records]  # type: ignore[attr-defined]


def _typed(window: MainWindow, qtbot: Any, text: str, *, hits: int) -> None:
    """Ctrl+K and ``text`` typed, until the field has found ``hits`` matches."""
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search, text)
    qtbot.waitUntil(lambda: len(window.search.hits) == hits, timeout=3000)


def _suggested(window: MainWindow, qtbot: Any, text: str) -> Any:
    """Ctrl+K, ``text`` typed, and the suggestions shown: their popup."""
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search, text)
    popup = window.search.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    return popup


def test_suggestions_name_the_account_and_the_city(
    window: MainWindow, two_annas: dict[str, str], qtbot: Any
) -> None:
    _typed(window, qtbot, "anna oz", hits=2)
    assert sorted(_labels(window.search)) == [
        "Anna Ozola — Baltic Timber, Latvia",  # no city of her own: her country
        "Anna Ozola — Kurzeme Wood, Liepaja",
    ]
    assert len(set(_labels(window.search))) == 2


def test_hit_labels() -> None:
    contact = SearchHit("contact", "c", "Somchai Jaidee", "Siam Trading", "TH", "Bangkok", "a")
    assert plain(hit_label(contact)) == "Somchai Jaidee — Siam Trading, Bangkok"
    # the names are isolated: in a Persian popup "S.A." keeps its final period
    assert hit_label(contact).startswith("\u2068Somchai Jaidee\u2069 — ")
    account = SearchHit("account", "a", "Siam Trading", "Bangkok, TH", "TH", "Bangkok", "a")
    assert plain(hit_label(account)) == "Siam Trading — Bangkok, Thailand"
    bare = SearchHit("account", "a", "Nowhere Ltd", "", "", None, "a")
    assert hit_label(bare) == "\u2068Nowhere Ltd\u2069"


def test_enter_opens_the_top_result_of_what_is_typed_now(
    window: MainWindow, two_annas: dict[str, str], qtbot: Any
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search, "somch")
    qtbot.waitUntil(lambda: bool(window.search.hits), timeout=3000)
    # typed on and Enter at once, before the suggestions caught up: the new text counts
    window.search.selectAll()
    qtbot.keyClicks(window.search, "janis")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert _opened(window) == [two_annas["janis"]]
    assert window.search.text() == ""
    # again, straight after a pick: no stale hits from the last search
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search, "somch")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert _opened(window) == [two_annas["janis"], two_annas["somchai"]]


def test_enter_on_a_highlighted_suggestion_opens_that_one_only(
    window: MainWindow, two_annas: dict[str, str], qtbot: Any
) -> None:
    _typed(window, qtbot, "anna oz", hits=2)
    popup = window.search.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    second = window.search.hits[1]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    assert popup.currentIndex().row() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert _opened(window) == [second.id]  # that one, and not also the top one
    assert not popup.isVisible()


def test_enter_with_the_popup_open_and_nothing_highlighted_opens_the_top_one(
    window: MainWindow, two_annas: dict[str, str], qtbot: Any
) -> None:
    popup = _suggested(window, qtbot, "somch")
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert _opened(window) == [two_annas["somchai"]]


def test_a_picker_in_a_form_keeps_the_name_after_a_pick(
    ctx: Any, two_annas: dict[str, str], qtbot: Any
) -> None:
    picker = RecordPicker(ctx.db, "contact")
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    picker.setFocus()
    picked: list[str] = []
    picker.picked.connect(picked.append)
    qtbot.keyClicks(picker, "anna oz")
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picked == [picker.hits[0].id] and picker.record_id == picked[0]
    assert picker.text() == "Anna Ozola"
    qtbot.keyClick(picker, Qt.Key.Key_Return)  # chosen already: nothing more happens
    assert picked == [picker.hits[0].id]


def test_an_accounts_name_suggests_the_account_then_its_people(
    window: MainWindow, two_annas: dict[str, str], qtbot: Any
) -> None:
    """A rep who remembers "the buyer at Baltic Timber" types the account's name."""
    _typed(window, qtbot, "baltic", hits=3)
    assert _labels(window.search) == [
        "Baltic Timber — Riga, Latvia",
        "Janis Berzins — Baltic Timber, Latvia",  # by family name, as the account's page
        "Anna Ozola — Baltic Timber, Latvia",
    ]
    qtbot.keyClick(window.search, Qt.Key.Key_Return)  # the top one: the account
    assert _opened(window) == [two_annas["riga"]]


def test_a_contact_picker_finds_a_person_by_their_accounts_name(
    ctx: Any, two_annas: dict[str, str], qtbot: Any
) -> None:
    picker = RecordPicker(ctx.db, "contact")
    qtbot.addWidget(picker)
    picker.setText("kurzeme")
    assert [plain(picker.label_of(h)) for h in picker.current_hits()] == [
        "Anna Ozola — Kurzeme Wood, Liepaja"
    ]


def test_the_suggestions_close_when_nothing_matches_any_more(
    window: MainWindow, two_annas: dict[str, str], qtbot: Any
) -> None:
    """An empty box stayed open under the field, beside "No account or contact matches"."""
    popup = _suggested(window, qtbot, "somch")
    qtbot.keyClicks(window.search, "zzq")
    qtbot.waitUntil(lambda: window.no_match.text() != "", timeout=3000)
    assert window.search.hits == []
    assert not popup.isVisible()
