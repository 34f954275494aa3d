"""The zone a contact or an account in a country is given when nothing tells its own
(``countries.main_zone``): the country's only zone, or the one its people keep
(``countries.ONE_CLOCK``), checked here against the bundled tzdata. A country whose mainland
keeps several clocks gets none: the zone must be said (or a phone number must tell it)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import tzdata

from accountdesk.core.culture.countries import (
    ONE_CLOCK,
    ZONE_TAB_REGIONS,
    _named_regions,
    _places,
    _zone_rows,
    country_codes,
    country_zones,
    main_zone,
    subdivisions,
)

#: Every country of several zones whose people do not keep one clock. A change here (a tzdata
#: upgrade that splits or unites a country's clocks) is a decision, made in ``ONE_CLOCK`` in
#: ``core/culture/countries.py`` with its reason.
SEVERAL_CLOCKS = frozenset(
    {"AQ", "AU", "BR", "CA", "CD", "CL", "FM", "ID", "KI", "MN", "MX", "RU", "UM", "US"}
)


def _offsets(zone: str) -> tuple[timedelta | None, ...]:
    """The zone's UTC offset at every hour of the tzdata release's year and the next: what
    "keeps the same clock" means from now on (past differences, as Büsingen's before 1980,
    do not count)."""
    start = datetime(int(tzdata.IANA_VERSION[:4]), 1, 1, tzinfo=UTC)
    tz = ZoneInfo(zone)
    return tuple((start + timedelta(hours=h)).astimezone(tz).utcoffset() for h in range(2 * 8760))


def test_every_country_of_several_zones_is_decided() -> None:
    several = {cc for cc in country_codes() if len(country_zones(cc)) > 1}
    assert several - set(ONE_CLOCK) == SEVERAL_CLOCKS
    assert set(ONE_CLOCK) <= several


@pytest.mark.parametrize("country", sorted(ONE_CLOCK))
def test_the_zones_not_set_aside_keep_the_main_zones_clock(country: str) -> None:
    main, aside = ONE_CLOCK[country]
    zones = country_zones(country)
    assert main in zones and set(aside) <= set(zones)
    clock = _offsets(main)
    assert [z for z in zones if z not in aside and _offsets(z) != clock] == []
    assert [z for z in aside if _offsets(z) == clock] == []  # set aside for a reason


@pytest.mark.parametrize(
    ("country", "zone"),
    [
        ("DE", "Europe/Berlin"),
        ("ES", "Europe/Madrid"),
        ("PT", "Europe/Lisbon"),
        ("CN", "Asia/Shanghai"),
        ("MY", "Asia/Kuala_Lumpur"),
        ("UA", "Europe/Kyiv"),
        ("AR", "America/Argentina/Buenos_Aires"),
        ("NZ", "Pacific/Auckland"),
        ("KZ", "Asia/Almaty"),
        ("lv", "Europe/Riga"),  # one zone; the code in any case
        ("IR", "Asia/Tehran"),
        ("US", None),
        ("CA", None),
        ("RU", None),
        ("BR", None),
        ("AU", None),
        ("MX", None),
        ("ID", None),
        ("CD", None),
        ("MN", None),
        ("CL", None),
        ("ZZ", None),
    ],
)
def test_main_zone(country: str, zone: str | None) -> None:
    assert main_zone(country) == zone


def test_a_country_of_several_clocks_gets_no_zone_of_its_own() -> None:
    # zone.tab lists Crimea first for Ukraine, Lord Howe Island for Australia and
    # Newfoundland for Canada: none of them is what the country keeps
    assert country_zones("UA")[0] == "Europe/Simferopol"
    assert main_zone("UA") == "Europe/Kyiv"
    for country in ("US", "AU", "BR", "CA", "RU"):
        assert main_zone(country) is None, country


@pytest.mark.parametrize(
    ("country", "region", "zone"),
    [
        ("AU", "VIC", "Australia/Melbourne"),
        ("AU", "AU-TAS", "Australia/Hobart"),  # the full code too
        ("AU", "NSW", None),  # Broken Hill keeps Adelaide's clock
        ("AU", "WA", None),  # Eucla keeps its own
        ("AU", "ACT", None),  # zone.tab does not name it
        ("BR", "SP", "America/Sao_Paulo"),  # among "Brazil (southeast: GO, DF, … SP …)"
        ("BR", "PE", "America/Recife"),
        ("BR", "PA", None),  # Para (east) and Para (west)
        ("CA", "AB", "America/Edmonton"),
        ("CA", "MB", "America/Winnipeg"),
        ("CA", "ON", None),  # Toronto, Atikokan, and the northwest on Winnipeg's clock
        ("CA", "NL", None),
        ("US", "HI", "Pacific/Honolulu"),
        ("US", "TX", None),  # inside "Central (most areas)": no state is named
        ("US", "IN", None),
        ("MX", "SON", "America/Hermosillo"),
        ("MX", "NLE", None),  # Monterrey and Matamoros
        ("FM", "PNI", "Pacific/Pohnpei"),  # "Pohnpei/Ponape"
        ("PG", "NSB", "Pacific/Bougainville"),  # the region wins over the country's clock
        ("DE", "BY", "Europe/Berlin"),  # one clock, whatever the region
        ("RU", "MOW", "Europe/Moscow"),  # "Moscow area" (ZONE_TAB_REGIONS)
        ("RU", "SA", None),  # Yakutia keeps three clocks
        # islands on a clock of their own, named in zone.tab otherwise than in ISO 3166-2
        ("ES", "CN", "Atlantic/Canary"),  # Canarias
        ("ES", "GC", "Atlantic/Canary"),  # Las Palmas
        ("ES", "TF", "Atlantic/Canary"),  # Santa Cruz de Tenerife
        ("ES", "IB", "Europe/Madrid"),  # the Balearic Islands keep Madrid's
        ("PT", "20", "Atlantic/Azores"),  # Região Autónoma dos Açores
        ("PT", "30", "Atlantic/Madeira"),
        ("PT", "11", "Europe/Lisbon"),
        ("EC", "W", "Pacific/Galapagos"),  # Galápagos
        ("NZ", "CIT", "Pacific/Chatham"),  # Chatham Islands Territory
        ("NZ", "AUK", "Pacific/Auckland"),
        ("CL", "RM", "America/Santiago"),  # "most of Chile"
        ("CL", "MA", "America/Punta_Arenas"),  # Magallanes
        ("CL", "VS", None),  # Easter Island is a province of Valparaíso
        ("MX", "CMX", "America/Mexico_City"),  # "Central Mexico"
        ("ID", "JK", "Asia/Jakarta"),  # "Java"
        ("ID", "BA", "Asia/Makassar"),
        ("ID", "PA", "Asia/Jayapura"),
        ("ID", "KA", None),  # Kalimantan: Pontianak's clock in the west, Makassar's in the east
        ("MN", "071", "Asia/Hovd"),  # Bayan-Ölgii
    ],
)
def test_a_region_tells_its_zone_where_zone_tab_names_it_whole(
    country: str, region: str, zone: str | None
) -> None:
    assert main_zone(country, region) == zone


def test_every_zone_a_region_tells_is_the_countrys() -> None:
    for country in sorted(SEVERAL_CLOCKS | set(ONE_CLOCK)):
        zones = set(country_zones(country))
        for region in subdivisions(country):
            found = main_zone(country, region)
            assert found is None or found in zones, (country, region, found)


#: The places of ``zone.tab``'s comments (countries of several zones) that tell no region's
#: zone: neither their English name is ISO 3166-2's nor ``ZONE_TAB_REGIONS`` lists their
#: regions. Each is a decision: the rest of a country in a one-clock country (the main zone
#: answers there), a part of a region only, a place in no region of its own, ISO's own
#: codes written otherwise (Argentina's "CB", all on one clock), a clock the offices do not
#: keep (Xinjiang's), an occupied area (Crimea), or areas of the US and Canada that are no
#: states ("Eastern (most areas)"). A tzdata upgrade that names a new place shows here.
TELLS_NO_REGION: dict[str, set[str]] = {
    "AR": {"CB", "CC", "CN", "ER", "FM", "MN", "SE", "SF"},
    "AU": {"Lord Howe Island", "Macquarie Island"},
    "BR": {"Atlantic islands"},
    "CA": {"Newfoundland", "Labrador (SE)", "Labrador (most areas)"},
    "CD": {"Dem. Rep. of Congo (west)", "Dem. Rep. of Congo (east)"},
    "CN": {"Beijing Time", "Xinjiang Time"},
    "CY": {"most of Cyprus", "Northern Cyprus"},
    "DE": {"most of Germany", "Busingen"},
    "EC": {"Ecuador (mainland)"},
    "ES": {"Spain (mainland)"},
    "FM": {"Truk", "Ponape"},  # Chuuk's and Pohnpei's other names
    "GL": {
        "most of Greenland", "National Park (east coast)", "Scoresbysund", "Ittoqqortoormiit",
        "Thule", "Pituffik",
    },
    "KZ": {
        "most of Kazakhstan", "Qyzylorda", "Kyzylorda", "Kzyl-Orda", "Qostanay", "Kostanay",
        "Kustanay", "Aqtobe", "Aktobe", "Mangghystau", "Mankistau", "Atyrau", "Atirau",
        "Gur'yev", "West Kazakhstan",
    },  # one clock since 2024
    "MH": {"most of Marshall Islands"},
    "MN": {"most of Mongolia"},
    "MY": {"Malaysia (peninsula)"},
    "NZ": {"most of New Zealand"},
    "PG": {"most of Papua New Guinea"},
    "PS": {"Gaza Strip", "West Bank"},
    "PT": {"Portugal (mainland)"},
    "UA": {"Crimea", "most of Ukraine"},
    "US": {
        "Eastern (most areas)", "Central (most areas)", "Mountain (most areas)", "Pacific",
        "Juneau area", "Sitka area", "Annette Island", "Yakutat", "western Aleutians",
    },
    "UZ": {"Uzbekistan (west)", "Uzbekistan (east)"},
}  # fmt: skip


def test_every_place_zone_tab_names_tells_its_regions_or_is_decided() -> None:
    silent: dict[str, set[str]] = {}
    for country, rows in _zone_rows().items():
        if len(rows) < 2 or not subdivisions(country):
            continue
        for _zone, comment in rows:
            for place, part in _places(comment):
                written = place if part is None else f"{place} ({part})"
                if ZONE_TAB_REGIONS.get(country, {}).get(written) == "":
                    continue  # listed as naming no region of its own
                if not list(_named_regions(country, place, part)):
                    silent.setdefault(country, set()).add(written)
    assert silent == TELLS_NO_REGION


def test_every_region_zone_tab_regions_lists_is_one() -> None:
    for country, places in ZONE_TAB_REGIONS.items():
        for listed in places.values():
            for code, _part in _places(listed) if listed else ():
                assert code in subdivisions(country), (country, code)


@pytest.mark.parametrize("country", ["RU", "MX", "CL", "ID"])
def test_a_country_of_several_clocks_has_its_regions_zones(country: str) -> None:
    # every region but one kept on several clocks tells its zone
    told = {region for region in subdivisions(country) if main_zone(country, region)}
    left = {
        "RU": {"SA", "SAK"},  # Yakutia's three clocks; the northern Kurils on Magadan's
        "MX": {"CHH", "COA", "NAY", "NLE", "TAM"},  # border areas, Bahía de Banderas
        "CL": {"VS"},  # Easter Island
        "ID": {"KA"},  # Kalimantan, the island
    }[country]
    assert set(subdivisions(country)) - told == left
