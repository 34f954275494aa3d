"""The contact editor's preferred language is chosen by name in the user's language
("latviešu (lv)"), not typed as a code; a tag not listed (fa-IR) is kept as typed."""

from __future__ import annotations

from typing import Any

import pytest

from accountdesk.core import i18n
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.details import contact_detail
from accountdesk.ui.contacts.editor import ContactEditor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_the_language_is_chosen_by_its_name(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any
) -> None:
    with i18n.use_language("lv"):
        editor = ContactEditor(ctx, sample["anna"])
        qtbot.addWidget(editor)
        box = editor.fields["preferred_language"]
        shown = {box.itemData(i): box.itemText(i) for i in range(box.count())}
        assert "latviešu" in shown["lv"] and "lv" in shown["lv"]
        assert "taju" in shown["th"] and "persiešu" in shown["fa"]
        box.setCurrentIndex(box.findData("th"))
        editor.accept()
    assert contact_detail(db, sample["anna"]).preferred_language == "th"


def test_a_tag_not_listed_is_kept_as_typed(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any
) -> None:
    editor = ContactEditor(ctx, sample["anna"])
    qtbot.addWidget(editor)
    editor.set_text("preferred_language", "fa-IR")
    editor.accept()
    assert contact_detail(db, sample["anna"]).preferred_language == "fa-IR"
    again = ContactEditor(ctx, sample["anna"])
    qtbot.addWidget(again)
    assert again.text("preferred_language") == "fa-IR" and not again.is_dirty()


def test_a_language_typed_by_its_name_is_found(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any
) -> None:
    """What a user reads is what they type: the name alone, or the name and code as shown
    (without the invisible direction marks around the code), in any case."""
    with i18n.use_language("lv"):
        for typed, stored in (
            ("latviešu", "lv"),
            ("Taju (th)", "th"),
            ("LV", "lv"),
            ("latv", "lv"),
        ):
            editor = ContactEditor(ctx, sample["anna"])
            qtbot.addWidget(editor)
            box = editor.fields["preferred_language"]
            box.setEditText(typed)
            assert editor.text("preferred_language") == stored, typed
