"""Seasons that are a country's own days off agree with its holidays: the New Year, Nowruz
outside Iran and the April New Year of Thailand's neighbours. They had one country's dates
and text for all: "1 Jan – 8 Jan: New Year holidays … (Orthodox Christmas on 7 January) is
a national holiday" in Uzbekistan, where only 1 January is; "Persian New Year: about two
weeks" in Kyrgyzstan (one day) and Afghanistan (none since 2022); Songkran on 13–15 April
in Laos, whose New Year is on the 14th–16th. The holidays are the ``holidays`` package's.
A season from the Islamic table's estimate is marked, as such a holiday is."""

from __future__ import annotations

from datetime import date

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.culture.calendar import holidays_between
from accountdesk.core.culture.seasons import season_title, seasons_between


def _spans(country: str, key: str, start: date, end: date) -> list[tuple[date, date]]:
    return [(s.start, s.end) for s in seasons_between(country, start, end, "en") if s.key == key]


@pytest.mark.parametrize(
    ("country", "span"),
    [
        # from 31 December 2026, the day off in place of 4 January 2026
        ("RU", (date(2026, 12, 31), date(2027, 1, 8))),
        ("KG", (date(2027, 1, 1), date(2027, 1, 7))),
        ("KZ", (date(2027, 1, 1), date(2027, 1, 4))),  # 1, 2, Sunday, 4 January in lieu
        ("UZ", None),  # 1 January alone: a holiday, not a season
        ("TJ", None),
        ("GE", None),
    ],
)
def test_new_year_holidays(country: str, span: tuple[date, date] | None) -> None:
    found = _spans(country, "new_year_days", date(2026, 12, 25), date(2027, 1, 15))
    assert found == ([span] if span else [])


def test_the_new_year_season_says_no_date_of_its_own() -> None:
    # Armenia's Christmas is on 6 January: the text names no 7 January
    [season] = [
        s
        for s in seasons_between("RU", date(2027, 1, 1), date(2027, 1, 1), "en")
        if s.key == "new_year_days"
    ]
    assert "7 January" not in season.advice


@pytest.mark.parametrize(
    ("country", "span"),
    [
        ("IR", (date(2027, 3, 21), date(2027, 4, 2))),  # Persian New Year to Sizdah Bedar
        ("TJ", (date(2027, 3, 21), date(2027, 3, 24))),
        ("AZ", (date(2027, 3, 20), date(2027, 3, 26))),  # with the days in lieu
        ("KG", None),  # one day
        ("AF", None),  # not a holiday there any more
    ],
)
def test_nowruz(country: str, span: tuple[date, date] | None) -> None:
    found = [
        (s.start, s.end)
        for s in seasons_between(country, date(2027, 3, 10), date(2027, 4, 10), "en")
        if s.key.startswith("nowruz")
    ]
    assert found == ([span] if span else [])
    if country != "IR":
        assert all(
            "Persian" not in s.advice
            for s in seasons_between(country, date(2027, 3, 10), date(2027, 4, 10), "en")
        )


@pytest.mark.parametrize(
    ("country", "name"),
    [
        ("TH", "Songkran"),
        ("LA", "Pi Mai (Lao New Year)"),
        ("KH", "Khmer New Year"),
        ("MM", "Thingyan (Myanmar New Year)"),
    ],
)
def test_the_april_new_year_has_the_countrys_days_and_name(country: str, name: str) -> None:
    start, end = date(2027, 4, 1), date(2027, 4, 30)
    [season] = [s for s in seasons_between(country, start, end, "en") if s.name == name]
    days = sorted(
        h.date
        for h in holidays_between(country, None, start, end, "en")
        if h.is_public and ("New Year" in h.name or "Songkran" in h.name)
    )
    assert (season.start, season.end) == (days[0], days[-1])


def test_chile_and_argentina_holiday_through_february() -> None:
    for country in ("CL", "AR"):
        [season] = seasons_between(country, date(2027, 2, 1), date(2027, 2, 28), "en")
        assert (season.start, season.end) == (date(2026, 12, 20), date(2027, 2, 28))
        assert "March" in season.advice
    assert seasons_between("AU", date(2027, 2, 1), date(2027, 2, 28), "en") == []
    leap = seasons_between("CL", date(2028, 2, 29), date(2028, 2, 29), "en")
    assert [s.end for s in leap] == [date(2028, 2, 29)]


def test_a_season_of_estimated_dates_is_marked() -> None:
    found = {s.key: s for s in seasons_between("AE", date(2027, 3, 1), date(2027, 3, 20), "en")}
    assert found["eid_al_fitr"].estimated
    assert plain(season_title(found["eid_al_fitr"])) == "Eid al-Fitr (estimated date)"
    [midsummer] = seasons_between("LV", date(2027, 6, 23), date(2027, 6, 23), "en")
    assert not midsummer.estimated and plain(season_title(midsummer)) == "Midsummer"
