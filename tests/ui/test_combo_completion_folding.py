"""An editable choice (the country and region of a form) suggests what is typed as the search
folds it (``ui.pickers.folded``: case, accents, Turkish İ and ı, Arabic-script letter forms),
as Ctrl+K and the Countries screen do; Qt's case-insensitive match suggested nothing for
"turkiye", "ırak" or "cote"."""

from __future__ import annotations

from typing import Any

import pytest

from accountdesk.core import i18n
from accountdesk.ui.forms import combo_value, country_combo


def _suggested(box: Any, typed: str) -> list[str]:
    completer = box.completer()
    completer.setCompletionPrefix(typed)
    model = completer.completionModel()
    return [str(model.index(i, 0).data()) for i in range(completer.completionCount())]


@pytest.mark.parametrize(
    ("language", "typed", "name"),
    [
        ("tr", "turkiye", "Türkiye (TR)"),
        ("tr", "ırak", "Irak (IQ)"),
        ("tr", "iran", "İran (IR)"),
        ("tr", "IRAN", "İran (IR)"),
        ("lv", "vacija", "Vācija (DE)"),
        ("sl", "svica", "Švica (CH)"),
        ("fa", "ايران", "ایران (IR)"),
        ("en", "cote", "Côte d’Ivoire (CI)"),
    ],
)
def test_the_country_choice_suggests_as_the_search_folds(
    qtbot: Any, language: str, typed: str, name: str
) -> None:
    with i18n.use_language(language):
        box = country_combo(empty="")
        qtbot.addWidget(box)
        shown = [n for n in _suggested(box, typed) if name.split(" (")[0] in n]
    assert shown and name.split(" (")[1] in shown[0], (typed, _suggested(box, typed)[:5])


def test_a_suggestion_chosen_is_the_choice(qtbot: Any) -> None:
    with i18n.use_language("tr"):
        box = country_combo(empty="")
        qtbot.addWidget(box)
        completer = box.completer()
        completer.setCompletionPrefix("ırak")
        index = completer.completionModel().index(0, 0)
        completer.activated[type(index)].emit(index)
        assert box.currentData() == "IQ"
        assert combo_value(box) == "IQ"
        assert box.currentText().startswith("Irak")
