"""Numbers and scripts in the reports: the language's own minus, plus and percent signs
(CLDR), placed as readers of a right-to-left language expect."""

from __future__ import annotations

import pytest

from accountdesk.core import i18n
from accountdesk.core.reports.textlayout import TextStyle, layout

LRM = "\u200e"


@pytest.mark.parametrize(
    ("lang", "decimal", "percent", "change", "falls", "still"),
    [
        ("en", "-33.5", "-33.0%", "+12.0%", "-2.5", "0.0"),
        ("fa", f"{LRM}−۳۳٫۵", f"{LRM}−۳۳٫۰٪", f"{LRM}+۱۲٫۰٪", f"{LRM}−۲٫۵", "۰٫۰"),
        ("sl", "−33,5", "−33,0\u00a0%", "+12,0\u00a0%", "−2,5", "0,0"),
        ("tr", "-33,5", "-%33,0", "+%12,0", "-2,5", "0,0"),
    ],
)
def test_signs_and_percent_are_the_languages_own(
    lang: str, decimal: str, percent: str, change: str, falls: str, still: str
) -> None:
    with i18n.use_language(lang):
        assert i18n.format_decimal(-33.5) == decimal
        assert i18n.format_percent(-33) == percent
        assert i18n.format_change(12, 1, percent=True) == change
        assert i18n.format_change(-2.5, 1) == falls
        assert i18n.format_change(-0.04, 1) == still  # no "−0.0"


def test_persian_minus_and_percent_stay_on_the_left_and_right_in_a_right_to_left_line() -> None:
    """Laid out in a right-to-left paragraph, ‎−۳۳٪ reads minus, digits, percent from left to
    right (not ۳۳- as the ASCII hyphen gave); the mark itself is not drawn."""
    with i18n.use_language("fa"):
        text = "تغییر " + i18n.format_percent(-33, 0)
    (line,) = layout(text, 1e9, TextStyle(), rtl=True)
    shown = line.visual_text
    assert LRM not in shown
    assert shown.startswith("−۳۳٪")
    assert shown.endswith("تغییر"[::-1])
