"""Season dates computed by rule or from the lunar tables, checked against known calendars."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from accountdesk.core.culture import calendar as cal
from accountdesk.core.culture.panel import TodayItem, today_block
from accountdesk.core.culture.seasons import (
    DEFINITIONS,
    Season,
    all_seasons_between,
    season_on,
    seasons_between,
)
from accountdesk.core.i18n import N_


def _only(country: str, key: str, year: int) -> Season:
    found = [
        s
        for s in seasons_between(country, date(year, 1, 1), date(year, 12, 31), "en")
        if s.key == key and s.start.year == year
    ]
    assert len(found) == 1, (country, key, year, found)
    return found[0]


@pytest.mark.parametrize(
    ("year", "fitr"),
    [(2025, date(2025, 3, 30)), (2026, date(2026, 3, 20)), (2027, date(2027, 3, 9))],
)
def test_eid_al_fitr_follows_ramadan(year: int, fitr: date) -> None:
    """In the Islamic table (any country): Eid the day after Ramadan. Saudi Arabia's own Eid
    holiday may begin a day or two before Eid (2026: 19 March), and its season follows it."""
    table = {
        s.key: s
        for s in all_seasons_between(date(year, 1, 1), date(year, 12, 31), "en")
        if s.start.year == year
    }
    eid, ramadan = table["eid_al_fitr"], table["ramadan"]
    assert abs((eid.start - fitr).days) <= 1
    assert (eid.start - ramadan.end).days == 1
    saudi = _only("SA", "eid_al_fitr", year)
    kept = [h.date for h in cal.holidays_between("SA", None, saudi.start, saudi.end, "en")]
    assert kept[0] == saudi.start and kept[-1] == saudi.end
    assert saudi.start <= eid.start <= saudi.end


@pytest.mark.parametrize(
    ("year", "adha"),
    [(2025, date(2025, 6, 6)), (2026, date(2026, 5, 27)), (2027, date(2027, 5, 16))],
)
def test_hajj_and_eid_al_adha(year: int, adha: date) -> None:
    eid = _only("SA", "eid_al_adha", year)
    hajj = _only("SA", "hajj", year)
    assert abs((eid.start - adha).days) <= 1
    assert hajj.start < eid.start <= hajj.end
    assert "hajj" not in {
        s.key for s in seasons_between("TR", date(year, 1, 1), date(year, 12, 31))
    }


def test_muharram_covers_ashura_in_iran() -> None:
    muharram = _only("IR", "muharram", 2027)
    ashura = [h for h in cal.holidays_between("IR", None, muharram.start, muharram.end, "en")]
    assert any("Ashura" in h.name for h in ashura)


@pytest.mark.parametrize(
    ("year", "new_year"),
    [(2025, date(2025, 1, 29)), (2026, date(2026, 2, 17)), (2027, date(2027, 2, 6))],
)
def test_tet_and_lunar_new_year(year: int, new_year: date) -> None:
    tet = _only("VN", "tet", year)
    assert tet.start < new_year <= tet.end
    lny = _only("CN", "lunar_new_year", year)
    assert lny.start < new_year <= lny.end
    # Vietnam has its own season, not the Chinese one twice
    keys = {s.key for s in seasons_between("VN", date(year, 1, 1), date(year, 12, 31))}
    assert "lunar_new_year" not in keys


def test_jewish_high_holidays_and_passover_2027() -> None:
    high = _only("IL", "jewish_high_holidays", 2027)
    # Rosh Hashanah 5788: 2 October 2027 (eve 1 October); Yom Kippur 11 October; Sukkot 16 October
    assert high.start == date(2027, 10, 1)
    assert high.contains(date(2027, 10, 11)) and high.contains(date(2027, 10, 22))
    passover = _only("IL", "passover", 2027)
    assert passover.contains(date(2027, 4, 22))


def test_buddhist_lent_2027_matches_thai_holidays() -> None:
    lent = _only("TH", "buddhist_lent", 2027)
    khao = [h for h in cal.holidays_between("TH", None, lent.start, lent.start, "en")]
    assert lent.start == date(2027, 7, 19) and any("Lent" in h.name for h in khao)
    assert 80 <= (lent.end - lent.start).days <= 100


def test_rule_based_seasons() -> None:
    assert _only("US", "thanksgiving", 2027).start == date(2027, 11, 25)
    assert _only("US", "thanksgiving", 2026).start == date(2026, 11, 26)
    assert _only("SE", "nordic_midsummer", 2027).start == date(2027, 6, 25)
    assert _only("SE", "nordic_midsummer", 2026).start == date(2026, 6, 19)
    midsummer = _only("LV", "baltic_midsummer", 2027)
    assert midsummer.contains(date(2027, 6, 23)) and midsummer.contains(date(2027, 6, 24))
    assert _only("KR", "chuseok", 2027).contains(date(2027, 9, 15))
    # Carnival 2027: Carnival Tuesday is 9 February (Easter 28 March)
    assert _only("BR", "carnival", 2027).contains(date(2027, 2, 9))
    japan = _only("JP", "japan_new_year", 2027)
    assert japan.start == date(2027, 12, 28) and japan.end == date(2028, 1, 4)


def test_seasons_are_translated() -> None:
    lv = seasons_between("LV", date(2027, 6, 1), date(2027, 6, 30), "lv")
    en = seasons_between("LV", date(2027, 6, 1), date(2027, 6, 30), "en")
    assert [s.key for s in lv] == [s.key for s in en] == ["baltic_midsummer"]
    assert en[0].name == "Midsummer" and en[0].advice


def test_definitions_are_sane() -> None:
    keys = [d.key for d in DEFINITIONS]
    assert len(keys) == len(set(keys))
    for definition in DEFINITIONS:
        assert definition.countries, definition.key
        assert N_(definition.name) == definition.name
        for year in (2025, 2027, 2030):
            for span in definition.dates(year):
                start, end = span[0], span[1]  # and whether the dates are an estimate
                assert start <= end, definition.key
                assert (end - start).days <= 100, definition.key


def _kept_days(country: str, name: str, year: int) -> list[date]:
    """The country's public holidays named ``name`` (English) in ``year``, straight from the
    ``holidays`` package."""
    found = cal.country_holidays(country, years=year, language="en_US")
    return sorted(d for d, n in found.items() if any(x.startswith(name) for x in n.split("; ")))


@pytest.mark.parametrize(
    ("country", "year", "start", "end"),
    [
        ("IR", 2026, date(2026, 3, 21), date(2026, 3, 22)),  # the table says 20–23 March
        ("IR", 2027, date(2027, 3, 10), date(2027, 3, 11)),
        ("TR", 2026, date(2026, 3, 20), date(2026, 3, 22)),  # Ramazan Bayramı
        ("TR", 2027, date(2027, 3, 9), date(2027, 3, 11)),
    ],
)
def test_eid_al_fitr_has_the_countrys_own_dates(
    country: str, year: int, start: date, end: date
) -> None:
    kept = [d for d in _kept_days(country, "Eid al-Fitr", year) if d.month == 3]
    assert (kept[0], kept[-1]) == (start, end)  # the package's own calendar for the country
    eid = _only(country, "eid_al_fitr", year)
    assert (eid.start, eid.end) == (start, end)
    # the table (what the season said for everyone) differs for Iran
    table = next(
        s
        for s in all_seasons_between(date(year, 1, 1), date(year, 12, 31), "en")
        if s.key == "eid_al_fitr" and s.start.year == year
    )
    if country == "IR" and year == 2026:
        assert (table.start, table.end) == (date(2026, 3, 20), date(2026, 3, 23))
    # the days of the table's span the country does not keep are not in its season
    for day in (start - timedelta(days=1), end + timedelta(days=1)):
        assert "eid_al_fitr" not in {s.key for s in seasons_between(country, day, day, "en")}


@pytest.mark.parametrize(
    ("country", "year", "last_day"),
    [
        ("IR", 2026, date(2026, 3, 20)),  # Iran's Eid is a day after the table's: so its fast
        ("IR", 2027, date(2027, 3, 9)),
        ("TR", 2026, date(2026, 3, 19)),  # Turkey's is the table's
        ("SA", 2026, date(2026, 3, 19)),  # its Eid holiday starts on the fast's last day
    ],
)
def test_ramadan_ends_the_day_before_the_countrys_own_eid_when_it_comes_later(
    country: str, year: int, last_day: date
) -> None:
    fast = _only(country, "ramadan", year)
    eid = _only(country, "eid_al_fitr", year)
    assert fast.end == last_day
    if country == "SA":  # the holiday begins on the fast's last day: the fast keeps its length
        assert eid.start == fast.end
        return
    assert eid.start == fast.end + timedelta(days=1)
    assert "ramadan" not in {s.key for s in seasons_between(country, eid.start, eid.start, "en")}


def test_todays_panel_shows_irans_eid_on_irans_dates() -> None:
    """The Today block takes its seasons from the same rule."""

    def eid(day: date) -> list[TodayItem]:
        found = today_block([("IR", None)], day, 1, "en")
        return [i for i in found if i.kind == "season" and i.name == "Eid al-Fitr"]

    assert not eid(date(2026, 3, 20))  # the Islamic table's first day
    shown = eid(date(2026, 3, 21))
    assert [(i.start, i.end, i.is_today) for i in shown] == [
        (date(2026, 3, 21), date(2026, 3, 22), True)
    ]


@pytest.mark.parametrize("year", [2026, 2027])
def test_eid_al_adha_has_turkeys_own_dates(year: int) -> None:
    kept = _kept_days("TR", "Eid al-Adha", year)
    eid = _only("TR", "eid_al_adha", year)
    assert (eid.start, eid.end) == (kept[0], kept[-1])
    assert len(kept) == 4  # Kurban Bayramı: four days


def test_a_country_that_does_not_keep_the_holiday_has_no_such_season() -> None:
    """Kazakhstan keeps Eid al-Adha but not Eid al-Fitr as a public holiday: its offices stay
    open, and no season says they close."""
    assert not _kept_days("KZ", "Eid al-Fitr", 2026)
    keys = {s.key for s in seasons_between("KZ", date(2026, 3, 1), date(2026, 3, 31), "en")}
    assert "eid_al_fitr" not in keys and "ramadan" in keys
    assert _only("KZ", "eid_al_adha", 2026).start == date(2026, 5, 27)


@pytest.mark.parametrize(
    ("country", "year", "first_day", "last_day"),
    [
        ("IR", 2026, date(2026, 2, 19), date(2026, 3, 20)),  # Eid on 21 March, a day late
        ("MY", 2025, date(2025, 3, 2), date(2025, 3, 30)),  # Hari Raya on 31 March
        ("TR", 2026, date(2026, 2, 19), date(2026, 3, 19)),  # Diyanet: 29 days, Eid on the 20th
    ],
)
def test_a_later_eid_moves_the_whole_fast(
    country: str, year: int, first_day: date, last_day: date
) -> None:
    """The fast starts later by as many days as the country's Eid is later: it ended later but
    started on the table's date, 31 days in Iran in 2026 (18 February – 20 March)."""
    fast = _only(country, "ramadan", year)
    assert (fast.start, fast.end) == (first_day, last_day)
    assert "ramadan" not in {
        s.key
        for s in seasons_between(
            country, fast.start - timedelta(1), fast.start - timedelta(1), "en"
        )
    }


@pytest.mark.parametrize("year", [2025, 2026, 2027, 2028])
@pytest.mark.parametrize("country", ["IR", "ID", "MY", "IQ", "TR", "SA", "EG", "PK", "AE"])
def test_every_countrys_fast_lasts_a_lunar_month(country: str, year: int) -> None:
    fast = _only(country, "ramadan", year)
    assert 29 <= (fast.end - fast.start).days + 1 <= 30, (fast.start, fast.end)


@pytest.mark.parametrize(
    ("country", "year", "first_day", "ashura"),
    [
        ("IR", 2025, date(2025, 6, 27), date(2025, 7, 6)),  # Iran's Ashura a day after the table
        ("IR", 2026, date(2026, 6, 16), date(2026, 6, 25)),
        ("IR", 2027, date(2027, 6, 7), date(2027, 6, 16)),
        ("IQ", 2026, date(2026, 6, 16), date(2026, 6, 25)),
        ("AZ", 2026, date(2026, 6, 16), date(2026, 6, 25)),  # no Ashura holiday: the table
    ],
)
def test_muharram_runs_to_the_countrys_own_ashura(
    country: str, year: int, first_day: date, ashura: date
) -> None:
    """The first ten days of Muharram end on Ashura, as the advice says; they ran a day past it
    (16-26 June 2026 in Iran) and began on the table's 1 Muharram where Iran's is later."""
    mourning = _only(country, "muharram", year)
    assert (mourning.start, mourning.end) == (first_day, ashura)
    kept = [h.name for h in cal.holidays_between(country, None, ashura, ashura, "en")]
    assert country == "AZ" or any("Ashura" in name for name in kept)


@pytest.mark.parametrize("country", ["ID", "BN"])
def test_a_one_day_lunar_new_year_is_a_holiday_not_a_season(country: str) -> None:
    """Indonesia and Brunei keep the Lunar New Year as one public holiday: the season said
    "factories and offices stop for a week or more" there."""
    new_year = date(2026, 2, 17)
    keys = {s.key for s in seasons_between(country, new_year, new_year, "en")}
    assert not keys & {"lunar_new_year", "lunar_new_year_days", "seollal"}
    kept = [h for h in cal.holidays_between(country, None, new_year, new_year, "en")]
    assert [h.name for h in kept if h.is_public] == ["Lunar New Year"]
    assert "lunar_new_year_days" in {s.key for s in seasons_between("MY", new_year, new_year, "en")}


@pytest.mark.parametrize("year", [1, 2, 9998, 9999])
def test_seasons_at_the_ends_of_the_calendar(year: int) -> None:
    """'accountdesk country LV --year 9999' (a year the command accepts) ended in 'unexpected
    error (OverflowError: date value out of range)': the seasons looked a week past the last
    day a date can have, and a year before the first."""
    from accountdesk.core.culture.profile import render_country_text

    first, last = date(year, 1, 1), date(year, 12, 31)
    for country in ("LV", "SA", "IR", "US", "TH"):
        found = seasons_between(country, first, last, "en")
        assert all(s.start <= last and s.end >= first for s in found)
        assert f"Holidays in {year}" in render_country_text(country, year, "en")
    christmas = {s.key for s in seasons_between("LV", date(9998, 12, 30), date(9998, 12, 30))}
    assert "christmas_new_year" in christmas  # 24 December 9998 to 1 January 9999


@pytest.mark.parametrize(
    ("country", "start", "end"),
    [
        # Malaysia's own table: 1 Ramadan on 19 February, Eid on 21 March; the 20th, its
        # additional holiday, is the fast's last day, not Eid's first
        ("MY", date(2026, 2, 19), date(2026, 3, 20)),
        ("IR", date(2026, 2, 19), date(2026, 3, 20)),  # Eid on 21 March
        ("NG", date(2026, 2, 18), date(2026, 3, 18)),  # Eid on 19 March: 29 days, not 28
        ("SA", date(2026, 2, 18), date(2026, 3, 19)),
    ],
)
def test_the_fast_ends_the_day_before_the_countrys_own_eid(
    country: str, start: date, end: date
) -> None:
    fast = season_on(country, "ramadan", date(2026, 3, 1), "en")
    assert fast is not None and (fast.start, fast.end) == (start, end)
    eid = [
        h
        for h in cal.holidays_for_year(country, None, 2026, "en")
        if h.is_public and h.date == end + timedelta(days=1)
    ]
    assert eid, "the day after the fast is a public holiday there"
