"""The Lunar New Year season says what is true where it is kept: business stops for a week or
more in mainland China and Taiwan; Singapore, Malaysia, Hong Kong and Macau keep two or three
public days and offices reopen after them; Korea keeps Seollal, three public days. Every one
of them said "factories and offices stop for a week or more" (review of 460b762)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from babel.messages.extract import extract_from_file

from accountdesk.core.culture import calendar as cal
from accountdesk.core.culture import seasons
from accountdesk.core.culture.seasons import DEFINITIONS, Season, seasons_between
from accountdesk.core.i18n import N_

YEARS = [2026, 2027, 2028, 2029, 2030]
KEYS = {"lunar_new_year", "lunar_new_year_days", "seollal"}


def _season(country: str, year: int) -> Season:
    """The country's one Lunar New Year season that starts in ``year``."""
    found = [
        s
        for s in seasons_between(country, date(year, 1, 1), date(year, 3, 31), "en")
        if s.key in KEYS and s.start.year == year
    ]
    assert len(found) == 1, (country, year, found)
    return found[0]


def _public_new_year_days(country: str, year: int, word: str) -> list[date]:
    """The country's public holidays of the Lunar New Year (their English names hold
    ``word``), from its own holiday list."""
    return sorted(
        h.date
        for h in cal.holidays_between(country, None, date(year, 1, 15), date(year, 2, 28), "en")
        if h.is_public and word in h.name
    )


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("country", ["CN", "TW"])
def test_a_week_or_more_in_china_and_taiwan(country: str, year: int) -> None:
    season = _season(country, year)
    assert season.key == "lunar_new_year"
    assert "a week or more" in season.advice
    assert season.end - season.start == timedelta(days=7)  # the eve and the week after
    public = _public_new_year_days(country, year, "Chinese New Year")
    assert len(public) >= 4  # the official days, before the weekends and bridges
    # from the New Year's day (Taiwan's eve holidays may begin the day before the season)
    assert all(day <= season.end for day in public)
    assert season.start + timedelta(days=1) in public


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize(
    ("country", "word"),
    [("SG", "Chinese New Year"), ("MY", "Chinese New Year"), ("HK", "Lunar New Year"),
     ("MO", "Lunar New Year")],
)  # fmt: skip
def test_two_or_three_public_days_in_singapore_malaysia_hong_kong_and_macau(
    country: str, word: str, year: int
) -> None:
    season = _season(country, year)
    assert season.key == "lunar_new_year_days"
    assert "week" not in season.advice
    assert season.advice.startswith("Two or three public holidays")
    public = _public_new_year_days(country, year, word)
    # what the advice says: two or three days, a fourth only in lieu of a Sunday
    assert 2 <= len(public) <= 4
    if len(public) == 4:
        assert any(day.weekday() == 6 for day in public)
    # the season runs from the eve over every one of them, and not a week
    assert season.start < public[0] and public[-1] <= season.end
    assert season.end - season.start == timedelta(days=4)


@pytest.mark.parametrize("year", YEARS)
def test_seollal_in_korea(year: int) -> None:
    season = _season("KR", year)
    assert season.key == "seollal"
    assert season.name == "Seollal (Lunar New Year)"
    assert "week" not in season.advice and "three public days" in season.advice
    public = _public_new_year_days("KR", year, "Korean New Year")
    assert 3 <= len(public) <= 4
    # the eve is the first public day (Korea's calendar, a day after China's in 2027 and 2028)
    assert season.start == public[0] and public[-1] <= season.end
    assert season.end - season.start == timedelta(days=3)


def test_the_texts_are_marked_for_translation() -> None:
    """Each group has its own text, marked with N_ (the Babel keyword) and translated when
    the season is made."""
    texts = {d.key: (d.name, d.advice) for d in DEFINITIONS if d.key in KEYS}
    assert set(texts) == KEYS
    assert len({advice for _name, advice in texts.values()}) == 3
    for name, advice in texts.values():
        assert N_(name) == name and N_(advice) == advice
    source = seasons.__file__ or ""

    marked = {
        message
        for _line, message, _comments, _context in extract_from_file(
            "python", source, keywords={"N_": None, "_": None}
        )
    }
    for name, advice in texts.values():
        assert name in marked and advice in marked
