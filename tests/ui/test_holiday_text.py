"""A holiday's line in the reach-out panel names its kind beside it when it is not a public
holiday, but not when the name says it already: Japan's bank holiday read
"วันหยุดธนาคาร (วันหยุดธนาคาร)" in Thai."""

from __future__ import annotations

from datetime import date

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.culture.calendar import holidays_for_year
from accountdesk.core.culture.panel import holiday_text
from accountdesk.core.culture.profile import category_label


def _bank_holiday(lang: str) -> str:
    found = next(h for h in holidays_for_year("JP", None, 2026, lang) if "bank" in h.categories)
    with i18n.use_language(lang):
        return plain(holiday_text(found, with_day=False))


def test_a_kind_the_name_already_says_is_not_repeated() -> None:
    assert _bank_holiday("th") == "วันหยุดธนาคาร"
    assert _bank_holiday("en") == "Bank Holiday"
    # a name that holds the kind among other words (Qatar's March bank holiday)
    english = holidays_for_year("QA", None, 2026, "en")
    march = next(h.date for h in english if h.name == "March Bank Holiday")
    for lang in ("th", "lv", "fa"):
        found = next(h for h in holidays_for_year("QA", None, 2026, lang) if h.date == march)
        with i18n.use_language(lang):
            shown = plain(holiday_text(found, with_day=False))
            label = category_label("bank")
        assert label in shown.casefold() and shown.casefold().count(label) == 1, shown


def test_the_country_text_names_a_kind_once() -> None:
    from accountdesk.core.culture.profile import render_country_text

    text = render_country_text("JP", 2026, "lv")
    with i18n.use_language("lv"):
        label = category_label("bank")
    lines = [line for line in text.splitlines() if label in line.casefold()]
    assert lines and all(line.casefold().count(label) == 1 for line in lines), lines


def test_a_public_holiday_has_no_kind() -> None:
    new_year = next(
        h for h in holidays_for_year("JP", None, 2026, "en") if h.date == date(2026, 1, 1)
    )
    assert plain(holiday_text(new_year, with_day=False)) == "New Year's Day"


def test_a_kind_inside_another_word_is_still_named() -> None:
    """ "Bankers' Day" does not say "bank", nor "Republic Day" "public" (review finding: the
    panel showed Argentina's bank-only day as if everyone had it off)."""
    from accountdesk.core.culture.profile import kinds_beside

    bankers = next(h for h in holidays_for_year("AR", None, 2026, "en") if h.name == "Bankers' Day")
    republic = next(
        h for h in holidays_for_year("TR", None, 2026, "en") if h.name == "Republic Day"
    )
    assert kinds_beside(bankers) == "bank" and kinds_beside(republic) == "public"
    with i18n.use_language("en"):
        assert plain(holiday_text(bankers, with_day=False)) == "Bankers' Day (bank)"
