"""A form of a few fields opens as tall as they are (a deal opened 640 px tall, mostly empty
on a 700 px laptop screen), grows for the messages a refused save shows, and a long form keeps
its height and scrolls."""

from __future__ import annotations

from typing import Any

import pytest

from accountdesk.ui.forms import FORM_SIZE

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_a_short_form_is_as_tall_as_its_fields_and_grows_for_its_messages(
    qtbot: Any, ctx: Any, sample: dict[str, str]
) -> None:
    from accountdesk.ui.activity import DealDialog

    deal = DealDialog(ctx, sample["riga"], currency="EUR")
    qtbot.addWidget(deal)
    deal.show()
    qtbot.waitExposed(deal)
    assert deal.width() == FORM_SIZE[0]
    assert deal.height() < FORM_SIZE[1] * 0.6
    assert not deal._scroll.verticalScrollBar().isVisible()  # every field shows
    deal.set_text("title", "Renewal")
    deal.set_text("amount", "not a number")
    before = deal.height()
    assert not deal.try_save()
    assert deal.errors["amount"].isVisible()
    assert deal.height() > before  # room for the message under the amount
    qtbot.waitUntil(lambda: not deal._scroll.verticalScrollBar().isVisible(), timeout=2000)


def test_a_long_form_keeps_its_height(qtbot: Any, ctx: Any, sample: dict[str, str]) -> None:
    from accountdesk.ui.contacts.editor import ContactEditor

    editor = ContactEditor(ctx, None, account_id=sample["riga"])
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    assert (editor.width(), editor.height()) == FORM_SIZE


@pytest.mark.parametrize("lang", ["en", "lv", "th", "sl"])
def test_a_form_widened_before_it_opens_is_still_as_tall_as_its_fields(
    qtbot: Any, ctx: Any, lang: str
) -> None:
    """Settings → Me widens itself for its longest choice (in lv, th, sl): its height was
    then left at 640 px, mostly empty (review R2)."""
    from accountdesk.ui.app import apply_language
    from accountdesk.ui.me import MeDialog

    apply_language(lang)
    try:
        dialog = MeDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.height() < FORM_SIZE[1] * 0.6, (lang, dialog.width(), dialog.height())
    finally:
        apply_language("en")
