"""A season's span names the year of its first day when it ends in another year of the user's
calendar: Eid al-Fitr of 2026 begins on 29 Esfand 1404 and ends on 3 Farvardin 1405, and
"۲۹ اسفند – ۳ فروردین ۱۴۰۵" read as Esfand 1405, a year later."""

from __future__ import annotations

from datetime import date

import pytest

from accountdesk.core.culture.seasons import Season
from accountdesk.core.i18n import use_language
from accountdesk.ui.culture_panel import season_span


def _season(start: date, end: date) -> Season:
    return Season("test", "Test", start, end, "", frozenset({"IR"}))


@pytest.mark.parametrize(
    ("lang", "start", "end", "years"),
    [
        ("fa", date(2026, 3, 20), date(2026, 3, 23), ["۱۴۰۴", "۱۴۰۵"]),  # Esfand -> Farvardin
        ("lv", date(2026, 12, 24), date(2027, 1, 2), ["2026", "2027"]),
        ("th", date(2026, 12, 24), date(2027, 1, 2), ["2569", "2570"]),  # Buddhist era
    ],
)
def test_a_span_across_a_new_year_names_both_years(
    lang: str, start: date, end: date, years: list[str]
) -> None:
    with use_language(lang):
        text = season_span(_season(start, end))
    first, last = text.split("–")
    assert years[0] in first, text
    assert years[1] in last, text


@pytest.mark.parametrize("lang", ["fa", "lv", "tr"])
def test_a_span_within_one_year_names_it_once(lang: str) -> None:
    """Where the language writes it: after the span, or before it in Latvian ("13. apr. –
    2027. g. 15. apr." put the year in the middle)."""
    with use_language(lang):
        text = season_span(_season(date(2026, 6, 22), date(2026, 6, 25)))
    first, last = text.split("–")
    year = "۱۴۰۵" if lang == "fa" else "2026"
    assert text.count(year) == 1, text
    assert (year in first) if lang == "lv" else (year in last), text
    if lang == "lv":
        assert text.startswith("2026. g."), text


@pytest.mark.parametrize("lang", ["en", "lv", "th"])
def test_a_one_day_season_is_that_day(lang: str) -> None:
    """Eid al-Adha's one day read "17 May 2027 – 17 May 2027"."""
    with use_language(lang):
        text = season_span(_season(date(2027, 5, 17), date(2027, 5, 17)))
    assert "–" not in text and text.count("17") == 1, text
