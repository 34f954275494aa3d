"""Counts put into a sentence are written in the language's digits (Persian: "۳ ردیف", not
"3 ردیف"): the db check's own problem, the erase's cleaned backups, the reach-out panels'
"and N more" and country notes, the idle lock's minutes and an upload's counts of records
(review of c34d9e8)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from accountdesk.core import i18n, settings
from accountdesk.core.bidi import plain
from accountdesk.core.db import server
from accountdesk.core.db.engine import check_database, open_database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import save_country_note
from accountdesk.core.services.privacy import Erasure
from accountdesk.ui import security
from accountdesk.ui.culture_panel import CultureSummary, holidays_html
from accountdesk.ui.security import IdleLock

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

LATIN = set("0123456789")


def _db_check(ctx: Any, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    path = tmp_path / "broken.db"
    db = open_database(path)
    account = create_account(db, AccountInput("Pars Co", "IR", timezone="Asia/Tehran"))
    for given in ("Negar", "Babak", "Shirin"):
        create_contact(db, ContactInput(account, given, "IR", timezone="Asia/Tehran"))
    db.close()
    with sqlite3.connect(path) as conn:  # foreign keys off: three contacts lose their account
        conn.execute("DELETE FROM accounts")
    db = open_database(path)
    try:
        with i18n.use_language("fa"):
            problems = check_database(db)
    finally:
        db.close()
    [sentence] = [p for p in problems if "۳" in p or "3" in p]
    return sentence


def _erasure(ctx: Any, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    cleaned = [tmp_path / name for name in ("a.db", "b.db", "c.db")]
    with i18n.use_language("fa"):
        return "\n".join(Erasure("Negar", backups_cleaned=cleaned).done())


def _more_holidays(ctx: Any, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    with i18n.use_language("fa"):  # none shown (limit 0): three more
        days = [SimpleNamespace(date=date(2026, 1, d), name=str(d)) for d in (1, 2, 3)]
        html = holidays_html([], days, limit=0)
    return re.sub(r"<[^>]*>", "", html)


def _country_notes(ctx: Any, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    for body in ("Tea first", "No meetings in Nowruz", "Friday off"):
        save_country_note(ctx.db, "IR", body)
    with i18n.use_language("fa"):
        summary = CultureSummary(ctx, asynchronous=False)
        qtbot.addWidget(summary)
        summary.show_place("IR", None, "Asia/Tehran")
    [note] = re.findall(r'<span style="background:#fff4d6; color:#3d3000;">(.*?)</span>',
                        summary.body.text())  # fmt: skip
    return str(note)


def _idle_lock(ctx: Any, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    settings.put(ctx.db, security.LOCK_SETTING, "3")
    monkeypatch.setattr(ctx.db, "passphrase", "not asked: the dialog is a stand-in")
    said: list[str] = []

    class Dialog:
        def __init__(self, title: str, message: str, **kwargs: Any) -> None:
            said.append(message)

        def setWindowModality(self, modality: Any) -> None:
            pass

        def deleteLater(self) -> None:
            pass

    monkeypatch.setattr(security, "PassphraseDialog", Dialog)
    monkeypatch.setattr(security, "ask_current", lambda db, dialog: True)
    with i18n.use_language("fa"):
        lock = IdleLock(ctx)
        assert lock.lock()
    settings.put(ctx.db, security.LOCK_SETTING, "0")
    lock.configure()  # stops watching the app's input
    [message] = said
    return message


def _upload_counts(ctx: Any, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    with i18n.use_language("fa"):
        return server._records("contacts", 3)


Case = Callable[[Any, Path, Any, pytest.MonkeyPatch], str]


@pytest.mark.parametrize(
    "sentence",
    [_db_check, _erasure, _more_holidays, _country_notes, _idle_lock, _upload_counts],
    ids=["db check", "erase", "more holidays", "country notes", "idle lock", "upload"],
)
def test_a_count_in_a_persian_sentence_is_in_persian_digits(
    ctx: Any, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch, sentence: Case
) -> None:
    text = sentence(ctx, tmp_path, qtbot, monkeypatch)
    assert "۳" in text and not set(text) & LATIN, text


def test_the_panel_lists_a_day_with_several_holidays_on_one_line() -> None:
    """The reach-out panel listed Thailand's 5 December three times, a line each."""
    from accountdesk.core.culture.calendar import observed_between

    found = observed_between("TH", None, date(2026, 12, 4), date(2026, 12, 31), "en")
    on_the_fifth = [h for h in found if h.date == date(2026, 12, 5)]
    assert len(on_the_fifth) == 3
    with i18n.use_language("en"):
        html = holidays_html([], found)
    lines = [re.sub(r"<[^>]*>", "", p) for p in html.split("</p>") if p]
    fifth = [line for line in lines if "Dec 5" in line or "5 Dec" in line]
    assert len(fifth) == 1
    assert all(plain(h.name) in plain(fifth[0]) for h in on_the_fifth)
