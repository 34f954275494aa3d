"""Country pickers list the countries by their names in the user's language, as its readers
order them (one rule: accountdesk.core.icu), not by the code points of the names."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from accountdesk.core import i18n
from accountdesk.ui.countries.screen import CountriesScreen
from accountdesk.ui.forms import country_combo

#: Codes in the order of their names in each language.
ORDERS = {
    # ایران بحرین پاکستان ترکیه چین ژاپن: پ, چ, ژ come after ب, ج, ز (their code points
    # come after ی's neighbours)
    "fa": ["IR", "BH", "PK", "TR", "CN", "JP"],
    # Cezayir Çekya Çin Irak İran İzlanda Suriye Şili: Ç, İ, Ş letters of their own
    "tr": ["DZ", "CZ", "CN", "IQ", "IR", "IS", "SY", "CL"],
    # Čehija Čīle Kanāda Ķīna Serbija Somālija Šrilanka Zviedrija
    "lv": ["CZ", "CL", "CA", "CN", "RS", "SO", "LK", "SE"],
}


@pytest.mark.parametrize("language", sorted(ORDERS))
def test_the_country_picker_orders_names_as_the_language_does(qtbot: Any, language: str) -> None:
    with i18n.use_language(language):
        box = country_combo()
        qtbot.addWidget(box)
        codes = [box.itemData(i) for i in range(box.count())]
    wanted = ORDERS[language]
    assert [c for c in codes if c in wanted] == wanted


def test_the_countries_screen_orders_names_as_the_language_does(ctx: Any, qtbot: Any) -> None:
    with i18n.use_language("fa"):
        screen = CountriesScreen(ctx, asynchronous=False)
        qtbot.addWidget(screen)
        codes = [
            screen.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(screen.list.count())
        ]
    assert [c for c in codes if c in ORDERS["fa"]] == ORDERS["fa"]
