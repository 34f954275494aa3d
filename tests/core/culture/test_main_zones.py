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
    default_zone,
    main_zone,
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


def test_a_countrys_default_zone_is_the_one_its_people_keep() -> None:
    # zone.tab lists Crimea first for Ukraine
    assert country_zones("UA")[0] == "Europe/Simferopol"
    assert default_zone("UA") == "Europe/Kyiv"
    assert default_zone("US") == "America/New_York"  # several clocks: the most populous
