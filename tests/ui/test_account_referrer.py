"""Who referred an account is entered in its editor and shown on its page: the portfolio's
referral rate counts the accounts won with a referrer, and the field could only be filled by
an import (the editor carried the stored value over, unseen)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from accountdesk.core.bidi import plain
from accountdesk.core.i18n import use_language
from accountdesk.core.queries.details import account_detail
from accountdesk.core.records import AccountInput
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import create_account

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _account(ctx: Any, name: str, referred_by: str | None = None) -> str:
    return create_account(
        ctx.db,
        AccountInput(name, "TR", timezone="Europe/Istanbul", referred_by_id=referred_by),
    )


def test_a_referrer_typed_in_full_is_stored_and_shown(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.accounts.editor import AccountEditor
    from accountdesk.ui.accounts.view import AccountView

    ege = _account(ctx, "Ege Lojistik A.Ş.")
    anadolu = _account(ctx, "Anadolu Tekstil")
    editor = AccountEditor(ctx, anadolu)
    qtbot.addWidget(editor)
    assert editor.text("referred_by") == ""
    editor.fields["referred_by"].setText("ege lojistik a.ş.")  # type: ignore[union-attr]
    editor.accept()
    assert editor.result() == 1
    detail = account_detail(ctx.db, anadolu)
    assert (detail.referred_by_id, detail.referred_by) == (ege, "Ege Lojistik A.Ş.")
    with use_language("tr"):
        view = AccountView(ctx, anadolu)
        qtbot.addWidget(view)
        shown = [plain(label.text()) for label in view.findChildren(QLabel)]
    assert "Ege Lojistik A.Ş." in shown


def test_the_stored_referrer_is_shown_kept_and_can_be_cleared(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.accounts.editor import AccountEditor

    ege = _account(ctx, "Ege Lojistik A.Ş.")
    anadolu = _account(ctx, "Anadolu Tekstil", referred_by=ege)
    editor = AccountEditor(ctx, anadolu)
    qtbot.addWidget(editor)
    assert editor.text("referred_by") == "Ege Lojistik A.Ş."
    assert not editor.is_dirty()
    editor.fields["notes"].setPlainText("Met at the fair")  # type: ignore[union-attr]
    editor.accept()
    assert account_detail(ctx.db, anadolu).referred_by_id == ege
    editor = AccountEditor(ctx, anadolu)
    qtbot.addWidget(editor)
    editor.fields["referred_by"].clear()  # type: ignore[union-attr]
    editor.accept()
    assert account_detail(ctx.db, anadolu).referred_by_id is None


def test_a_name_of_no_account_is_refused_at_the_field(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.accounts.editor import AccountEditor

    anadolu = _account(ctx, "Anadolu Tekstil")
    editor = AccountEditor(ctx, anadolu)
    qtbot.addWidget(editor)
    editor.fields["referred_by"].setText("Nobody Ltd")  # type: ignore[union-attr]
    editor.fields["notes"].setPlainText("typed")  # type: ignore[union-attr]
    editor.accept()
    assert editor.result() == 0  # the form stays open
    assert editor.errors["referred_by"].isVisibleTo(editor)
    assert (
        "Nobody Ltd" in editor.errors["referred_by"].text() or editor.errors["referred_by"].text()
    )
    detail = account_detail(ctx.db, anadolu)
    assert detail.referred_by_id is None and detail.notes is None  # nothing half-written


def test_a_referrer_in_the_trash_is_kept_unless_changed(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.accounts.editor import AccountEditor

    ege = _account(ctx, "Ege Lojistik A.Ş.")
    anadolu = _account(ctx, "Anadolu Tekstil", referred_by=ege)
    trash.delete(ctx.db, "account", ege)
    assert account_detail(ctx.db, anadolu).referred_by is None  # no name shown
    editor = AccountEditor(ctx, anadolu)
    qtbot.addWidget(editor)
    assert editor.text("referred_by") == ""
    editor.fields["notes"].setPlainText("still referred")  # type: ignore[union-attr]
    editor.accept()
    assert account_detail(ctx.db, anadolu).referred_by_id == ege
