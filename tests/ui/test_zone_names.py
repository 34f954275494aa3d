"""Every zone a time-zone picker offers is named in the UI language wherever CLDR has a name
for it, under its current IANA id or an older one (CLDR keeps ``Asia/Kolkata``'s names as
``Asia/Calcutta``): a Persian follow-up list once said "(Kolkata)" next to "(برلین)".

The picker's list (``zone_choices``) is the one the tests walk; the names CLDR has are read
from Babel's locale data directly, under every id CLDR's zone aliases join to the zone."""

from __future__ import annotations

import pytest
from babel.core import get_global

from accountdesk.core import i18n
from accountdesk.ui.pickers import zone_choices

#: The zones the QA tour found in English in every language, each with the older id CLDR
#: keeps its names under.
RENAMED = {
    "Asia/Kolkata": "Asia/Calcutta",
    "Asia/Kathmandu": "Asia/Katmandu",
    "Asia/Ho_Chi_Minh": "Asia/Saigon",
    "Europe/Kyiv": "Europe/Kiev",
    "Asia/Yangon": "Asia/Rangoon",
    "America/Nuuk": "America/Godthab",
    "Atlantic/Faroe": "Atlantic/Faeroe",
    "America/Argentina/Buenos_Aires": "America/Buenos_Aires",
    "America/Argentina/Cordoba": "America/Cordoba",
    "America/Argentina/Mendoza": "America/Mendoza",
    "America/Argentina/Catamarca": "America/Catamarca",
    "America/Argentina/Jujuy": "America/Jujuy",
    "America/Indiana/Indianapolis": "America/Indianapolis",
    "America/Kentucky/Louisville": "America/Louisville",
}


def _same_zone_ids() -> dict[str, set[str]]:
    """Every id joined to a zone by CLDR's aliases (both ways, as far as they reach)."""
    groups: dict[str, set[str]] = {}
    for old, new in get_global("zone_aliases").items():
        group = groups.get(old, {old}) | groups.get(new, {new})
        for each in group:
            groups[each] = group
    return groups


def _cldr_cities(zone: str, groups: dict[str, set[str]]) -> tuple[str | None, set[str]]:
    """The city CLDR has under ``zone`` itself, and those under any id joined to it."""
    zones = i18n.current_locale().time_zones
    own = zones.get(zone, {}).get("city")
    joined = {str(zones[z]["city"]) for z in groups.get(zone, {zone}) if "city" in zones.get(z, {})}
    return (str(own) if own else None), joined


@pytest.mark.parametrize("lang", sorted(i18n.LANGUAGES))
def test_every_offered_zone_has_its_cldr_name(lang: str) -> None:
    groups = _same_zone_ids()
    named = 0
    with i18n.use_language(lang):
        for zone in zone_choices():
            own, joined = _cldr_cities(zone, groups)
            got = i18n.zone_name(zone)
            if own:
                assert got == own, (lang, zone)
            elif joined:
                assert got in joined, (lang, zone, got, joined)
            else:  # CLDR's fallback: the last part of the id, never "Argentina/Buenos Aires"
                assert "/" not in got and "_" not in got, (lang, zone, got)
            named += bool(joined)
    # the data was read: English names few zones (most cities are their ids), Persian most
    assert named > (50 if lang == "en" else 200)


@pytest.mark.parametrize("lang", ["fa", "th", "lv"])
@pytest.mark.parametrize("zone", sorted(RENAMED))
def test_renamed_zones_keep_the_name_cldr_has_under_the_older_id(lang: str, zone: str) -> None:
    older = RENAMED[zone]
    assert older in zone_choices() and zone in zone_choices()
    with i18n.use_language(lang):
        expected = str(i18n.current_locale().time_zones[older]["city"])
        assert i18n.zone_name(zone) == expected
        assert i18n.zone_name(older) == expected


@pytest.mark.parametrize("lang", ["fa", "th"])
@pytest.mark.parametrize("zone", sorted(RENAMED))
def test_renamed_zones_are_not_english_in_persian_and_thai(lang: str, zone: str) -> None:
    english = zone.rsplit("/", 1)[-1].replace("_", " ")
    with i18n.use_language(lang):
        name = i18n.zone_name(zone)
    assert name != english
    assert not any("a" <= ch.lower() <= "z" for ch in name), name


def test_persian_examples() -> None:
    with i18n.use_language("fa"):
        assert i18n.zone_name("Asia/Kolkata") == "کلکته"
        assert i18n.zone_name("Europe/Kyiv") == "کیف"
        assert i18n.zone_name("Europe/Berlin") == "برلین"
    with i18n.use_language("en"):
        assert i18n.zone_name("America/Argentina/Buenos_Aires") == "Buenos Aires"
        assert i18n.zone_name("America/Fort_Wayne") == "Indianapolis"


def test_coyhaique_has_no_name_in_cldr_yet() -> None:
    """America/Coyhaique (tzdata 2025b) is no CLDR zone under any id in the Babel shipped: it
    keeps its own name. When Babel's CLDR learns it, the first test above checks its name."""
    groups = _same_zone_ids()
    for lang in i18n.LANGUAGES:
        with i18n.use_language(lang):
            own, joined = _cldr_cities("America/Coyhaique", groups)
            if not (own or joined):
                assert i18n.zone_name("America/Coyhaique") == "Coyhaique"


@pytest.mark.parametrize(
    ("zone", "lang", "name"),
    [
        (
            "Etc/GMT+3",
            "en",
            "UTC−03:00",
        ),  # POSIX signs: three hours behind UTC ("GMT+3" read ahead)
        ("Etc/GMT-14", "en", "UTC+14:00"),
        ("Etc/GMT-5", "tr", "UTC+05:00"),
        ("Etc/GMT+3", "fa", "UTC−۰۳:۰۰"),
    ],
)
def test_a_fixed_offset_zone_is_named_by_its_true_offset(zone: str, lang: str, name: str) -> None:
    with i18n.use_language(lang):
        assert i18n.zone_name(zone) == name
