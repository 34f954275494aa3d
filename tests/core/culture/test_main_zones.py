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
        ("RU", "MOW", None),
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
