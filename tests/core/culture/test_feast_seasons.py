"""Ramadan and the Eids as each country keeps them (review rev12's 7th and 8th).

The Eid seasons are the country's own days off around its own date of the feast, whatever its
holiday list calls them: Nigeria's "Id el Fitr", Indonesia's joint holiday (cuti bersama) after
Eid al-Adha. The New Year holidays run to the last day off moved next to them (Russia's 9
January 2026). The advice says shorter office hours in Ramadan only where they are, and "several
days" only where the feast is more than one day off (Albania's Eid al-Fitr is one)."""

from __future__ import annotations

from datetime import date

import pytest

from accountdesk.core.culture import calendar
from accountdesk.core.culture.etiquette import covered_countries, load_etiquette
from accountdesk.core.culture.panel import today_block
from accountdesk.core.culture.seasons import (
    MUSLIM_MAJORITY,
    RAMADAN_SHORTER_HOURS,
    Season,
    seasons_between,
)


def _season(country: str, key: str, day: date) -> Season:
    found = [s for s in seasons_between(country, day, day, "en") if s.key == key]
    assert len(found) == 1, (country, key, day, found)
    return found[0]


@pytest.mark.parametrize(
    ("country", "key", "day", "span"),
    [
        # "Id el Fitr" and "Id el Fitr Holiday": not the table's 20–23 March
        ("NG", "eid_al_fitr", date(2026, 3, 19), (date(2026, 3, 19), date(2026, 3, 20))),
        # Eid al-Adha and its joint holiday (a government day off)
        ("ID", "eid_al_adha", date(2026, 5, 27), (date(2026, 5, 27), date(2026, 5, 28))),
        # the joint holidays around Eid al-Fitr, 20–24 March
        ("ID", "eid_al_fitr", date(2026, 3, 21), (date(2026, 3, 20), date(2026, 3, 24))),
        # Iran's Eid al-Fitr falls on Nowruz: the Nowruz days after it are not the Eid's
        ("IR", "eid_al_fitr", date(2026, 3, 21), (date(2026, 3, 21), date(2026, 3, 22))),
        # 31 December (in place of 5 January 2025) before the New Year's days, and 9 January
        # (in place of 3 January) after them
        ("RU", "new_year_days", date(2026, 1, 5), (date(2025, 12, 31), date(2026, 1, 9))),
    ],
)
def test_the_season_is_the_countrys_own_days_off(
    country: str, key: str, day: date, span: tuple[date, date]
) -> None:
    season = _season(country, key, day)
    assert (season.start, season.end) == span
    kept = {h.date for h in calendar.holidays_between(country, None, span[0], span[1], "en")}
    assert {span[0], span[1]} <= kept  # the holiday list has its first and last day


@pytest.mark.parametrize("country", ["AL", "KZ", "AZ", "TR", "UZ", "KG", "TJ", "TM", "NG"])
def test_no_shorter_hours_are_claimed_where_there_are_none(country: str) -> None:
    fast = _season(country, "ramadan", date(2027, 2, 20))
    assert "shorter" not in fast.advice and "many people keep the fast" in fast.advice


@pytest.mark.parametrize("country", ["AE", "SA", "EG", "JO", "MY", "ID", "TN"])
def test_shorter_hours_are_said_where_they_are(country: str) -> None:
    assert "shorter office hours" in _season(country, "ramadan", date(2027, 2, 20)).advice


def test_the_law_of_ramadan_hours_is_among_the_shorter_hours() -> None:
    assert set(calendar.RAMADAN_HOURS) <= RAMADAN_SHORTER_HOURS <= MUSLIM_MAJORITY


@pytest.mark.parametrize(
    ("country", "key", "day", "one_day"),
    [
        ("AL", "eid_al_fitr", date(2027, 3, 9), True),  # Bajrami i Madh, one day
        ("AL", "eid_al_adha", date(2026, 5, 27), True),
        ("KZ", "eid_al_adha", date(2026, 5, 27), True),  # Kurban ait
        ("TR", "eid_al_fitr", date(2026, 3, 20), False),  # Ramazan Bayramı, three days
        ("TR", "eid_al_adha", date(2026, 5, 27), False),
    ],
)
def test_eid_of_one_day_is_not_several(country: str, key: str, day: date, one_day: bool) -> None:
    season = _season(country, key, day)
    assert (season.start == season.end) is one_day
    assert ("Several days" in season.advice or "several days" in season.advice) is not one_day


def test_today_shows_ramadan_once_per_advice() -> None:
    """The Emirates' shorter hours are not said of Turkey, whose fast has the same days."""
    found = [
        i
        for i in today_block([("AE", None), ("TR", None)], date(2027, 2, 20), 1, "en")
        if i.kind == "season" and i.name == "Ramadan"
    ]
    by_country = {c: i.advice for i in found for c in i.countries}
    assert "shorter office hours" in by_country["AE"]
    assert "shorter" not in by_country["TR"]


def test_the_etiquette_notes_claim_shorter_ramadan_hours_only_where_they_are() -> None:
    """Turkey's note said "expect shorter days" in Ramadan, which the season no longer does."""
    for country in covered_countries():
        found = load_etiquette(country, "en")
        assert found is not None
        for notes in found.sections.values():
            for note in notes:
                text = note.text.casefold()
                if "ramadan" in text and ("shorter" in text or "shortened" in text):
                    assert country in RAMADAN_SHORTER_HOURS, (country, note.text)
