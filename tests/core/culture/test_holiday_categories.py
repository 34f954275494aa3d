"""Every holiday category the holidays package offers has a translatable label: the Countries
table and the contact's panel showed "hebrew", "armenian", "de facto" (the raw category names,
in English) in every language."""

from __future__ import annotations

import holidays

from accountdesk.core.culture.profile import CATEGORY_LABELS, category_label
from accountdesk.core.i18n import use_language


def test_every_category_of_the_holidays_package_has_a_label() -> None:
    offered = {
        category
        for country in holidays.list_supported_countries()
        for category in getattr(
            holidays.country_holidays(country).__class__, "supported_categories", ()
        )
    }
    assert offered  # the package still says which categories it has
    assert offered - set(CATEGORY_LABELS) == set()


def test_a_category_reads_in_the_language() -> None:
    with use_language("sl"):
        assert category_label("hebrew") == category_label("jewish") == "judovski"
    with use_language("en"):
        assert category_label("hebrew") == "Jewish"
        assert category_label("de_facto") == "customary day off"
