"""The contact view's "Export personal data…" and "Erase for good…" (GDPR)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from accountdesk.core.bidi import ltr
from accountdesk.core.db.backup import make_backup
from accountdesk.core.db.engine import Database
from accountdesk.core.errors import NotFoundError
from accountdesk.core.queries.search import search
from accountdesk.core.services import privacy
from accountdesk.core.services.activity import InteractionInput, log_interaction, save_note
from accountdesk.ui import tasks
from accountdesk.ui.contacts import view as contact_view
from accountdesk.ui.contacts.view import ContactView

WHEN = datetime(2026, 5, 4, 9, tzinfo=UTC)


def _view(ctx: Any, qtbot: Any, contact_id: str) -> ContactView:
    view = ContactView(ctx, contact_id)
    qtbot.addWidget(view)
    return view


def _buttons(view: ContactView) -> dict[str, Any]:
    return {b.text(): b for b in view.privacy_buttons}


def test_export_personal_data_writes_json_and_pdf(
    ctx: Any, sample: dict[str, str], qtbot: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    view = _view(ctx, qtbot, sample["anna"])
    target = tmp_path / "anna.json"
    asked: list[str] = []

    def save_as(_parent: object, title: str, name: str, _filter: str) -> tuple[str, str]:
        asked.append(title)
        return str(target), ""

    monkeypatch.setattr(contact_view.QFileDialog, "getSaveFileName", save_as)
    messages: list[str] = []
    ctx.status.connect(messages.append)
    _buttons(view)["Export personal data…"].click()
    assert tasks.wait_all()
    assert asked == ["Export personal data"]
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["contact"]["id"] == sample["anna"]
    assert data["contact"]["emails"] == [{"label": "work", "value": "anna@timber.example"}]
    assert [(d["month"], d["day"]) for d in data["important_dates"]] == [(3, 15)]
    assert (tmp_path / "anna.pdf").read_bytes().startswith(b"%PDF")
    # the paths read left to right inside a right-to-left sentence too
    assert messages == [f"Wrote {ltr(str(target))} and {ltr(str(tmp_path / 'anna.pdf'))}."]


def test_a_cancelled_file_dialog_writes_nothing(
    ctx: Any, sample: dict[str, str], qtbot: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    view = _view(ctx, qtbot, sample["anna"])
    monkeypatch.setattr(contact_view.QFileDialog, "getSaveFileName", lambda *_a: ("", ""))
    view.export_personal_data()
    assert tasks.wait_all()
    assert list(tmp_path.glob("*.json")) == []


def test_erase_for_good_asks_naming_the_person_and_then_erases(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    save_note(db, "Prefers tea", contact_id=sample["anna"])
    make_backup(db)
    view = _view(ctx, qtbot, sample["anna"])
    asked: list[str] = []
    answer = [False]

    def confirm(_parent: object, name: str, mentions: list[Any], zone: str) -> bool:
        asked.append(name)
        assert (mentions, zone) == ([], "Europe/Riga")  # nobody else's interaction names her
        return answer[0]

    monkeypatch.setattr(contact_view, "confirm_erase", confirm)
    _buttons(view)["Erase for good…"].click()
    assert tasks.wait_all()
    assert asked == ["Anna Ozola"]
    assert privacy.subject_name(db, sample["anna"]) == "Anna Ozola"  # "no": nothing happened
    assert view.tabs.isEnabled()

    # a delete and its undo on the stack: after the erase there is nothing to undo
    ctx.delete("contact", sample["janis"], "Janis Berzins")
    ctx.undo_stack.undo()
    assert ctx.undo_stack.count() == 1
    messages: list[str] = []
    ctx.status.connect(messages.append)
    answer[0] = True
    _buttons(view)["Erase for good…"].click()
    assert not view.tabs.isEnabled()  # while it runs
    assert tasks.wait_all()
    assert asked == ["Anna Ozola", "Anna Ozola"]
    with pytest.raises(NotFoundError):
        privacy.subject_name(db, sample["anna"])
    assert search(db, "anna") == []
    assert view.title.text() == "This contact was deleted for good."
    assert not view.tabs.isEnabled()
    assert not any(b.isEnabled() for b in view.action_buttons)
    # nothing of hers stays on the page: not her e-mail, her birthday nor how to address her
    assert view.tabs.isHidden() and view.panel.isHidden()
    shown = [w.text() for w in view.findChildren(QLabel) if w.isVisibleTo(view)]
    assert not [t for t in shown if "anna@timber.example" in t or "Ozola" in t]
    assert view.interactions.model.rowCount() == 0
    assert ctx.undo_stack.count() == 0
    assert messages[-1] == "Anna Ozola was erased for good. 1 backup was rewritten without them."
    assert [h.title for h in search(db, "janis")] == ["Janis Berzins"]


def test_the_confirmation_names_the_person_and_defaults_to_cancel(
    ctx: Any, sample: dict[str, str], qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = _view(ctx, qtbot, sample["anna"])
    shown: list[Any] = []

    def exec_(box: Any) -> int:
        shown.append(box)
        return 0

    monkeypatch.setattr(contact_view.QMessageBox, "exec", exec_)
    assert contact_view.confirm_erase(view, "Anna Ozola") is False
    [box] = shown
    assert box.text().startswith("Erase \u2068Anna Ozola\u2069 for good?")
    assert box.defaultButton().text() == "Cancel"


def test_the_confirmation_lists_kept_interactions_that_mention_them(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """QA: "Maryam Zebarjadi asked for discount", shared with a colleague, stayed after the
    erase and the question did not say so. The question lists such interactions (day and
    subject, to edit first) and the result counts what still mentions them."""
    both = [sample["anna"], sample["janis"]]
    log_interaction(
        db, InteractionInput("call", WHEN, both, subject="Anna Ozola asked for a discount")
    )
    log_interaction(db, InteractionInput("meeting", WHEN, both, subject="Budget"))
    view = _view(ctx, qtbot, sample["anna"])
    asked: list[tuple[str, list[str], str]] = []

    def confirm(_parent: object, name: str, mentions: list[Any], zone: str) -> bool:
        asked.append((name, [m.subject for m in mentions], zone))
        return True

    monkeypatch.setattr(contact_view, "confirm_erase", confirm)
    messages: list[str] = []
    ctx.status.connect(messages.append)
    _buttons(view)["Erase for good…"].click()
    assert tasks.wait_all()
    assert asked == [("Anna Ozola", ["Anna Ozola asked for a discount"], "Europe/Riga")]
    assert messages[-1] == (
        "Anna Ozola was erased for good. 1 record was kept and still mentions them in its "
        "text; edit it if it should not."
    )


def test_the_confirmation_shows_the_day_and_subject_of_each(
    ctx: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[Any] = []
    monkeypatch.setattr(contact_view.QMessageBox, "exec", lambda box: shown.append(box) or 0)
    mentions = [
        privacy.Mention(f"i{n}", WHEN + timedelta(days=n), "call", f"<b>Anna</b> {n}", False)
        for n in range(contact_view.MENTIONS_SHOWN + 2)
    ]
    assert contact_view.confirm_erase(None, "Anna Ozola", mentions[:1], "Europe/Riga") is False
    [box] = shown
    assert box.text().startswith("Erase \u2068Anna Ozola\u2069 for good?")
    informative = box.informativeText()
    assert "1 record is kept that mentions \u2068Anna Ozola\u2069; edit it first" in informative
    assert "\n4 May 2026: \u2068<b>Anna</b> 0\u2069" in informative
    assert shown[0].textFormat() == contact_view.Qt.TextFormat.PlainText  # shown as typed
    assert box.detailedText() == ""

    contact_view.confirm_erase(None, "Anna Ozola", mentions, "Europe/Riga")
    informative = shown[-1].informativeText()
    assert informative.count("<b>Anna") == contact_view.MENTIONS_SHOWN
    assert informative.endswith("\n… and 2 more.")
    assert shown[-1].detailedText().count("<b>Anna</b>") == len(mentions)  # all, plain text


@pytest.mark.parametrize("basis", ["consent", "contract"])
def test_a_withdrawn_consent_that_was_the_basis_is_flagged(
    ctx: Any, db: Database, qtbot: Any, basis: str
) -> None:
    """Consent withdrawn while it is the lawful basis recorded: the data has no basis left,
    and the Data protection tab says what to do; another basis (a contract) needs no word."""
    from accountdesk.core.records import AccountInput, ContactInput
    from accountdesk.core.services.accounts import create_account, create_contact

    account = create_account(db, AccountInput(name="Koks", country="LV"))
    person = create_contact(
        db,
        ContactInput(
            account_id=account, given_name="Ilze", family_name="Ozola", country="LV",
            lawful_basis=basis, consent_given_on="2025-01-02", consent_withdrawn_on="2026-02-01",
        ),
    )  # fmt: skip
    view = _view(ctx, qtbot, person)
    shown = [w.text() for w in view.gdpr_page.findChildren(QLabel)]
    flagged = [t for t in shown if t.startswith("Their consent, the lawful basis recorded")]
    assert len(flagged) == (1 if basis == "consent" else 0)
