"""Nationwide or regional: one rule (``calendar``), followed by the Today block (``panel``)."""

from __future__ import annotations

from datetime import date

from accountdesk.core.culture.calendar import holiday_on, holidays_between
from accountdesk.core.culture.countries import subdivision_name
from accountdesk.core.culture.panel import today_block


def _public(country: str, sub: str | None, start: date, end: date) -> dict[str, str | None]:
    return {
        h.name: h.subdivision
        for h in holidays_between(country, sub, start, end, "en")
        if h.is_public
    }


def test_a_province_the_package_does_not_divide_thailand_into_has_nationwide_holidays() -> None:
    for sub in ("40", "83", "TH-83", None):
        found = _public("TH", sub, date(2026, 12, 5), date(2026, 12, 5))
        assert "National Day" in found, sub
        assert set(found.values()) == {None}, (sub, found)


def test_a_land_holiday_is_regional_and_christmas_is_not() -> None:
    found = _public("DE", "BY", date(2026, 5, 25), date(2026, 6, 4))
    assert found == {"Pentecost Monday": None, "Corpus Christi": "BY"}
    assert _public("DE", "by", date(2026, 12, 25), date(2026, 12, 25)) == {"Christmas Day": None}
    assert _public("DE", "BE", date(2026, 3, 8), date(2026, 3, 8)) == {"Women's Day": "BE"}
    # asked for without a region: what the country has everywhere
    assert _public("DE", None, date(2026, 6, 4), date(2026, 6, 4)) == {}
    holiday = holiday_on("DE", "DE-BY", date(2026, 6, 4), "en")
    assert holiday is not None and holiday.is_regional and holiday.subdivision == "BY"


def test_a_spanish_community_a_us_state_and_a_swiss_canton() -> None:
    madrid = _public("ES", "MD", date(2026, 5, 1), date(2026, 5, 2))
    assert madrid == {"Labor Day": None, "Madrid Day": "MD"}
    california = _public("US", "CA", date(2026, 3, 31), date(2026, 3, 31))
    assert california == {"Cesar Chavez Day": "CA"}
    zurich = _public("CH", "ZH", date(2026, 8, 1), date(2026, 12, 26))
    assert zurich["National Day"] is None and zurich["Saint Stephen's Day"] == "ZH"


def test_a_day_the_country_keeps_in_the_same_categories_is_nationwide() -> None:
    # California keeps Columbus Day for government offices only, as the whole country does
    # (where it is public too): nationwide, not California's own
    found = {
        h.name: (h.categories, h.subdivision)
        for h in holidays_between("US", "CA", date(2026, 10, 12), date(2026, 10, 12), "en")
    }
    assert found == {"Columbus Day": (("government",), None)}


def test_today_block_names_no_province_for_a_national_thai_holiday() -> None:
    items = today_block([("TH", "40"), ("TH", "83")], date(2026, 12, 3), 7, "en")
    holidays = [i for i in items if i.kind == "holiday" and i.start == date(2026, 12, 5)]
    names = [i.name for i in holidays]
    assert "National Day" in names
    assert len(names) == len(set(names))  # once per country, not once per province
    assert all(i.regions == () for i in holidays)


def test_today_block_names_the_regions_that_keep_a_regional_holiday() -> None:
    pairs = [("DE", "BY"), ("DE", "BE"), ("DE", None), ("DE", "NW")]
    items = today_block(pairs, date(2026, 5, 25), 14, "en")
    holidays = {(i.country, i.name): i.regions for i in items if i.kind == "holiday"}
    assert holidays == {
        ("DE", "Pentecost Monday"): (),  # nationwide, though every pair has it
        ("DE", "Corpus Christi"): ("BY", "NW"),  # not Berlin's, not the whole country's
    }
    spain = today_block([("ES", "MD"), ("ES", "CT"), ("ES", "AN")], date(2026, 6, 22), 7, "en")
    assert [(i.name, i.regions) for i in spain if i.kind == "holiday"] == [
        ("Saint John the Baptist", ("CT",))
    ]


def test_today_block_mixed_nationwide_and_regional_on_one_day() -> None:
    # 6 January: Epiphany is Bavaria's (and two other Länder'), New Year's holidays are over
    items = today_block([("DE", "BY"), ("DE", "HH"), ("TH", "40")], date(2026, 1, 1), 7, "en")
    holidays = {(i.country, i.start, i.name): i.regions for i in items if i.kind == "holiday"}
    assert holidays[("DE", date(2026, 1, 1), "New Year's Day")] == ()
    assert holidays[("DE", date(2026, 1, 6), "Epiphany")] == ("BY",)
    assert holidays[("TH", date(2026, 1, 1), "New Year's Day")] == ()


def test_subdivision_names_in_the_users_language() -> None:
    assert subdivision_name("TH", "40", "th") == "ขอนแก่น"
    assert subdivision_name("th", "TH-83", "th") == "ภูเก็ต"
    assert subdivision_name("DE", "BY", "sl") == "Bavarska"
    assert subdivision_name("US", "CA", "tr") == "Kaliforniya"
    # no translation (CLDR's English "Vienna" is not ISO's "Wien": not taken): ISO 3166-2's
    # own (romanised) name, never the code
    assert subdivision_name("AT", "9", "fa") == "Wien"
    assert subdivision_name("TH", "40", "fa") == "خون کاین"  # CLDR's
    assert subdivision_name("DE", "BY", "en") == "Bavaria"
    assert subdivision_name("DE", "BY", "de") == "Bayern"
    assert subdivision_name("TH", "ZZ", "en") == "ZZ"  # not a subdivision: as given


def test_every_region_of_iran_and_thailand_has_a_name_in_its_own_script() -> None:
    """pycountry has no Persian names and lacks two Thai ones: a Persian window listed
    Iran's provinces romanised ("Tehrān"), a Thai one Bangkok as "Krung Thep Maha Nakhon".
    A Persian window also names the regions of the Emirates, Turkey, Afghanistan, Saudi
    Arabia and Germany in Persian ("Ankara (۰۶)" was romanised)."""
    import unicodedata

    from accountdesk.core.culture.countries import subdivisions

    persian = [(country, "fa", "ARABIC") for country in ("IR", "AE", "TR", "AF", "SA", "DE")]
    for country, lang, script in (*persian, ("TH", "th", "THAI")):
        for code in subdivisions(country):
            name = subdivision_name(country, code, lang)
            letters = [ch for ch in name if ch.isalpha()]
            assert letters and all(unicodedata.name(ch).startswith(script) for ch in letters), (
                country,
                code,
                name,
            )
    assert subdivision_name("IR", "23", "fa") == "تهران"
    assert subdivision_name("IR", "IR-10", "fa") == "اصفهان"
    assert subdivision_name("TR", "06", "fa") == "آنکارا"
    assert subdivision_name("AE", "DU", "fa") == "دبی"
    assert subdivision_name("TH", "10", "th") == "กรุงเทพมหานคร"
    assert subdivision_name("IR", "23", "en") == "Tehrān"  # English: the ISO name


def test_regions_in_persian_and_thai_windows_are_named_in_their_script() -> None:
    """ "هند (Mahārāshtra)" and "(منطقه‌ای: Texas)" in Persian, "อินเดีย (Mahārāshtra)" in
    Thai: pycountry has no Persian names and few Thai ones; CLDR's names fill them."""
    assert subdivision_name("IN", "MH", "fa") == "مهاراشترا"
    assert subdivision_name("US", "TX", "fa") == "تگزاس"
    assert subdivision_name("IN", "MH", "th") == "รัฐมหาราษฏระ"
    assert subdivision_name("US", "TX", "th") == "เทกซัส"  # pycountry's Thai name first
    assert subdivision_name("IR", "07", "fa") == "فارس"  # ours first
    assert subdivision_name("IN", "MH", "lv") == "Mahārāshtra"  # a Latin script: the ISO name


def test_shipped_region_names_name_real_regions() -> None:
    """Every code in resources/regions/ is a region ISO lists (a typo would never show)."""
    import tomllib

    from accountdesk.core.culture.countries import is_subdivision
    from accountdesk.core.paths import resource_dir

    files = sorted((resource_dir() / "regions").glob("**/*.toml"))
    assert files
    for path in files:
        with path.open("rb") as handle:
            for code in tomllib.load(handle):
                country = code.split("-", 1)[0]
                assert is_subdivision(country, code), (path.name, code)


def test_by_day_names_every_holiday_of_a_day_once() -> None:
    """Thailand's 5 December is three holidays (King Bhumibol's birthday, National Day,
    Father's Day): one day naming the three; asked for in two provinces, still once each."""
    from accountdesk.core.culture.calendar import by_day, observed_between

    start, end = date(2026, 12, 5), date(2026, 12, 5)
    found = observed_between("TH", "40", start, end, "en") + observed_between(
        "TH", "83", start, end, "en"
    )
    assert len(found) >= 6  # three a province
    days = by_day(found)
    assert [day for day, _named in days] == [date(2026, 12, 5)]
    names = [h.name for h in days[0][1]]
    assert len(names) == len(set(names)) == 3
    assert "National Day" in names
