"""Lists and places joined as each language joins them (core/i18n.py, one home), and the
date reader that ignores bidi marks through bidi.plain (one home for the marks)."""

from __future__ import annotations

from datetime import date

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import BIDI_CONTROLS, isolate, ltr
from accountdesk.ui import fmt

SEPARATORS = {"en": ", ", "lv": ", ", "sl": ", ", "tr": ", ", "th": " ", "fa": "\u060c\u200f "}


@pytest.mark.parametrize(("lang", "separator"), SEPARATORS.items())
def test_the_list_separator_is_cldrs(lang: str, separator: str) -> None:
    with i18n.use_language(lang):
        assert i18n.list_separator() == separator
        assert i18n.join_list(["a", "", "b"]) == f"a{separator}b"


def test_an_and_list_uses_the_languages_word() -> None:
    with i18n.use_language("lv"):
        assert i18n.format_list(["A", "B", "C"]) == "A, B un C"
    with i18n.use_language("sl"):
        assert i18n.format_list(["A", "B"]) == "A in B"
    with i18n.use_language("en"):
        assert i18n.format_list(["A"]) == "A"
        assert i18n.format_list([]) == ""


def test_a_place_in_persian_is_joined_with_the_arabic_comma() -> None:
    with i18n.use_language("fa"):
        place = fmt.place("تهران", "IR")
    assert place == isolate("تهران") + "\u060c\u200f ایران"
    assert "," not in place
    with i18n.use_language("en"):
        assert fmt.place("Tehran", "IR") == isolate("Tehran") + ", Iran"
        assert fmt.place(None, "IR") == "Iran"
        assert fmt.place("Riga", None) == isolate("Riga")
    with i18n.use_language("th"):
        assert fmt.place("เชียงใหม่", "TH") == isolate("เชียงใหม่") + " ไทย"


@pytest.mark.parametrize("mark", sorted(BIDI_CONTROLS))
def test_a_typed_date_reads_through_any_bidi_control(mark: str) -> None:
    """A date copied from a right-to-left label carries marks or isolates; the reader drops
    every one bidi.plain drops (the overrides LRO and RLO too)."""
    with i18n.use_language("en"):
        assert i18n.parse_date_input(f"{mark}2027-03-22{mark}") == date(2027, 3, 22)
    with i18n.use_language("fa"):
        assert i18n.parse_date_input(ltr("۱۴۰۶/۰۱/۰۱")) == date(2027, 3, 21)


def test_thai_separates_items_with_spaces_of_their_own_by_commas() -> None:
    """Thai separates list items by a space: names with spaces would run together."""
    with i18n.use_language("th"):
        assert i18n.join_list(["ไทย", "ลาว"]) == "ไทย ลาว"
        assert i18n.join_list(["Aigars Kalniņš", "Kārlis Vītols"]) == (
            "Aigars Kalniņš, Kārlis Vītols"
        )
        assert i18n.join_list([isolate("Zeynep Hanım"), "ลาว"]) == isolate("Zeynep Hanım") + ", ลาว"
        assert i18n.format_list(["Zeynep Hanım", "Mehmet Bey", "Ali Can"]) == (
            "Zeynep Hanım, Mehmet Bey และ Ali Can"
        )
        assert i18n.format_list(["ก", "ข", "ค"]) == "ก ข และค"  # CLDR's own pattern
        assert i18n.format_list(["ก", "ข"]) == "กและข"
        # next to a number or a Latin word the "and" stands apart
        assert i18n.format_list(["10:00", "14:30"]) == "10:00 และ 14:30"
        assert i18n.format_list(["ก", "ข", "Riga"]) == "ก ข และ Riga"
        assert (
            i18n.format_list([ltr("10:00"), ltr("14:30")]) == f"{ltr('10:00')} และ {ltr('14:30')}"
        )
    with i18n.use_language("en"):  # a comma already: nothing changes
        assert i18n.join_list(["Anna Ozola", "Jānis Bērziņš"]) == "Anna Ozola, Jānis Bērziņš"
        assert i18n.format_list(["Anna Ozola", "Jānis Bērziņš"]) == "Anna Ozola and Jānis Bērziņš"
