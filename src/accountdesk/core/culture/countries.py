"""Facts about every ISO 3166-1 country: subdivisions, time zones, currency and languages.

All data ships with the app: pycountry (codes, subdivisions), tzdata (``zone.tab``) and Babel
(CLDR currencies and territory languages). Results are cached; codes are case-insensitive.
"""

from __future__ import annotations

import gettext
import re
import tomllib
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from functools import cache
from importlib.resources import files

import babel.languages
import babel.numbers
import pycountry

from accountdesk.core.i18n import current_language
from accountdesk.core.paths import resource_dir


@cache
def _codes() -> tuple[str, ...]:
    return tuple(sorted(str(c.alpha_2) for c in pycountry.countries))


def country_codes() -> list[str]:
    """Every ISO 3166-1 alpha-2 code, sorted."""
    return list(_codes())


@cache
def _code_set() -> frozenset[str]:
    return frozenset(_codes())


def is_country(code: str | None) -> bool:
    return bool(code) and str(code).upper() in _code_set()


@cache
def _subdivisions(country: str) -> dict[str, str]:
    found = pycountry.subdivisions.get(country_code=country)  # type: ignore[no-untyped-call]
    if not found:
        return {}
    result: dict[str, str] = {}
    for sub in found:
        code = str(sub.code)
        short = code.split("-", 1)[1] if "-" in code else code
        result[short] = str(sub.name)
    return dict(sorted(result.items()))


def subdivisions(country: str) -> dict[str, str]:
    """The country's subdivisions: short code (``"CA"`` for ``US-CA``) -> English name."""
    return dict(_subdivisions(country.upper()))


@cache
def _subdivision_catalog(language: str) -> gettext.NullTranslations:
    """pycountry's translations of the ISO 3166-2 names into ``language`` (none: unchanged)."""
    return gettext.translation(
        "iso3166-2", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


@cache
def _own_region_names(language: str, source: str = "") -> dict[str, str]:
    """Names of regions in ``language`` that pycountry's catalog lacks (full ISO 3166-2 code
    -> name): ``resources/regions/<language>.toml`` (ours), or with ``source`` "cldr"
    ``resources/regions/cldr/<language>.toml`` (Unicode CLDR's, written by
    ``scripts/cldr_regions.py``); none when there is no such file."""
    folder = resource_dir() / "regions"
    path = (folder / source if source else folder) / f"{language}.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        return {str(code): str(name) for code, name in tomllib.load(handle).items()}


def subdivision_name(country: str, code: str, lang: str | None = None) -> str:
    """A subdivision's name in the UI language ("Bavarska" for DE-BY in Slovenian): our own
    name for it in ``resources/regions/`` (Iran's provinces in Persian), else pycountry's
    translation of its ISO 3166-2 name when it has one, else CLDR's name in a language of
    another script (Persian, Thai: "مهاراشترا", not "Mahārāshtra" in a Persian window), else
    the ISO name itself (romanised: "Khon Kaen" for TH-40), else ``code`` (not an ISO 3166-2
    subdivision). ``code`` is short ("BY") or full ("DE-BY")."""
    cc = country.upper()
    short = code.upper().removeprefix(f"{cc}-")
    name = _subdivisions(cc).get(short)
    if name is None:
        return code
    language = (lang or current_language().code).replace("-", "_").split("_")[0]
    full = f"{cc}-{short}"
    own = _own_region_names(language).get(full)
    if own is not None:
        return own
    translated = str(_subdivision_catalog(language).gettext(name))
    if translated != name:
        return translated
    return _own_region_names(language, "cldr").get(full, name)


def is_subdivision(country: str, code: str | None) -> bool:
    if not code:
        return False
    short = code.upper()
    prefix = f"{country.upper()}-"
    if short.startswith(prefix):
        short = short[len(prefix) :]
    return short in _subdivisions(country.upper())


@cache
def _zone_rows() -> dict[str, tuple[tuple[str, str], ...]]:
    """``zone.tab``: country -> its (zone, comment) rows, in the file's order."""
    text = files("tzdata").joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8")
    table: dict[str, list[tuple[str, str]]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 3:
            comment = parts[3] if len(parts) > 3 else ""
            table.setdefault(parts[0].upper(), []).append((parts[2], comment))
    return {cc: tuple(rows) for cc, rows in table.items()}


@cache
def _zone_table() -> dict[str, tuple[str, ...]]:
    return {cc: tuple(zone for zone, _comment in rows) for cc, rows in _zone_rows().items()}


def country_zones(country: str) -> list[str]:
    """The country's IANA zones in ``zone.tab`` order (an order of no meaning: Crimea comes
    first for Ukraine, Lord Howe Island for Australia)."""
    return list(_zone_table().get(country.upper(), ()))


#: A ``zone.tab`` comment's leading clock name ("Eastern - ", "MSK+03 - "), outside brackets.
_CLOCK_NAME = re.compile(r"^[^()]*? - ")
#: One place of a comment: a name, then what part of it, in brackets ("Para (east)").
_PLACE = re.compile(r"^(?P<name>[^()]*?)\s*(?:\((?P<part>[^()]*)\))?$")


def _places(comment: str) -> Iterator[tuple[str, str | None]]:
    """The places a ``zone.tab`` comment names, each with the part of it the zone keeps (None:
    the whole place): "Atlantic - NS (most areas), PE" is NS ("most areas") and PE (None);
    "Brazil (southeast: GO, DF, SP …)" lists whole places after the colon; "Chuuk/Truk"
    is one place by either name."""
    text = comment[m.end() :] if (m := _CLOCK_NAME.match(comment)) else comment
    depth, item, items = 0, "", []
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and ch in ",;&":
            items.append(item)
            item = ""
        else:
            item += ch
    items.append(item)
    for each in items:
        found = _PLACE.match(each.strip())
        if found is None:
            continue
        name, part = found["name"], found["part"]
        if part is not None and ":" in part:  # "Brazil (northeast: MA, PI, CE, RN, PB)"
            for listed in part.split(":", 1)[1].split(","):
                yield listed.strip(), None
            continue
        for alias in name.split("/"):
            yield alias.strip(), part


#: The regions of a ``zone.tab`` place whose English name is not ISO 3166-2's (pycountry's):
#: country -> the place as a comment writes it (with its part in brackets, where it has one)
#: -> the short codes of the regions it is made of, written as ``zone.tab`` writes places (a
#: region only part of it followed by that part in brackets, never given the place's zone).
#: Read by :func:`_region_zones` before the names; a place named neither here nor by its ISO
#: name tells no region's zone. ``tests/core/culture/test_main_zones.py`` lists every place of
#: a country of several zones that tells none, and checks that each code here is a region.
#: Sources: tzdata's ``zone.tab`` and the comments of its ``europe``, ``southamerica``,
#: ``northamerica``, ``asia`` and ``australasia`` files; the countries' own lists of regions.
ZONE_TAB_REGIONS: dict[str, dict[str, str]] = {
    "CL": {
        "most of Chile": "AP, TA, AN, AT, CO, VS (mainland), RM, LI, ML, NB, BI, AR, LR, LL",
        "Aysen Region": "AI",
        "Magallanes Region": "MA",
        "Easter Island": "VS (Easter Island)",  # a province of Valparaíso
    },
    "EC": {"Galapagos Islands": "W"},
    "ES": {"Canary Islands": "CN, GC, TF"},  # the community and its two provinces
    "ID": {
        "Java": "JW, BT, JK, JB, JT, YO, JI",
        "Sumatra": "SM, AC, SU, SB, RI, KR, JA, BE, SS, BB, LA",
        "Borneo (west, central)": "KB, KT, KA (west, central)",
        "Borneo (east, south)": "KI, KS, KU, KA (east, south)",
        "Sulawesi": "SL, SA, GO, ST, SR, SN, SG",
        "Celebes": "SL, SA, GO, ST, SR, SN, SG",
        "Nusa Tengarra": "NU, NB, NT",
        "Timor (west)": "",  # inside Nusa Tenggara Timur
        "New Guinea (West Papua / Irian Jaya)": "PP, PA, PB, PD, PE, PS, PT",
        "Malukus": "ML, MA, MU",
        "Moluccas": "ML, MA, MU",
    },
    "MN": {"Bayan-Olgii": "071"},
    "MX": {
        "Central Mexico": (
            "AGU, CMX, COL, CHP, GRO, GUA, HID, JAL, MEX, MIC, MOR, OAX, PUE, QUE, SLP, TAB,"
            " TLA, VER, ZAC"
        ),
        "Coahuila": "COA",
        "Bahia de Banderas": "NAY (Bahia de Banderas)",
    },
    "NZ": {"Chatham Islands": "CIT"},
    "PT": {"Azores": "20", "Madeira Islands": "30"},
    "RU": {
        "Kaliningrad": "KGD",
        "Moscow area": (
            "MOW, MOS, SPE, LEN, AD, ARK, BEL, BRY, CE, CU, DA, IN, IVA, KB, KC, KDA, KL, KLU,"
            " KO, KOS, KR, KRS, LIP, ME, MO, MUR, NEN, NGR, NIZ, ORL, PNZ, PSK, ROS, RYA, SE,"
            " SMO, STA, TA, TAM, TUL, TVE, VLA, VLG, VOR, YAR"
        ),
        "Kirov": "KIR",
        "Volgograd": "VGG",
        "Astrakhan": "AST",
        "Saratov": "SAR",
        "Ulyanovsk": "ULY",
        "Samara": "SAM",
        "Udmurtia": "UD",
        "Urals": "SVE, CHE, KGN, TYU, KHM, YAN, PER, ORE, BA",
        "Omsk": "OMS",
        "Novosibirsk": "NVS",
        "Altai": "AL, ALT",  # the republic and the krai
        "Tomsk": "TOM",
        "Kemerovo": "KEM",
        "Krasnoyarsk area": "KYA, KK, TY",
        "Irkutsk": "IRK",
        "Buryatia": "BU",
        "Zabaykalsky": "ZAB",
        "Lena River": "SA (most areas), AMU",
        "Tomponsky": "SA (Tomponsky)",
        "Ust-Maysky": "SA (Ust-Maysky)",
        "Amur River": "PRI, KHA, YEV",
        "Oymyakonsky": "SA (Oymyakonsky)",
        "Sakha (E)": "SA (east)",
        "Magadan": "MAG",
        "Sakhalin Island": "SAK (Sakhalin Island)",
        "N Kuril Is": "SAK (northern Kuril Islands)",
        "Kamchatka": "KAM",
        "Bering Sea": "CHU",
    },
}


def _named_regions(country: str, place: str, part: str | None) -> Iterator[tuple[str, str | None]]:
    """The regions (short code, the part of it meant or None) the ``zone.tab`` place ``place``
    (``part`` of it) names: through :data:`ZONE_TAB_REGIONS`, else by its ISO name."""
    from accountdesk.core.country_names import subdivision_code

    table = ZONE_TAB_REGIONS.get(country, {})
    written = place if part is None else f"{place} ({part})"
    listed = table.get(written, table.get(place))
    if listed is not None:
        for region, own_part in _places(listed) if listed else ():
            if own_part is not None:
                yield region, own_part
            else:  # listed for the place with its part: whole; for the place alone: that part
                yield region, None if written in table else part
        return
    code = subdivision_code(country, place) if place else None
    if code is not None:
        yield code, part


@cache
def _region_zones(country: str) -> dict[str, str]:
    """The regions of ``country`` whose zone ``zone.tab`` says: short ISO 3166-2 code ->
    zone, for each region its comments name (by ISO name, or through
    :data:`ZONE_TAB_REGIONS`: the Canary Islands, the Azores) for one zone only, and whole
    (Victoria: Australia/Melbourne; São Paulo among Brazil's southeast: America/Sao_Paulo).
    A region named for several zones, or for a part of it only ("New South Wales (most
    areas)" and "(Yancowinna)", the Broken Hill area on Adelaide's clock), or not named at
    all (Texas, inside "Central (most areas)"), is not here: its zone must be said."""
    named: dict[str, set[tuple[str, str | None]]] = {}
    for zone, comment in _zone_rows().get(country, ()):
        for place, part in _places(comment):
            for code, its_part in _named_regions(country, place, part):
                named.setdefault(code, set()).add((zone, its_part))
    return {
        code: zone
        for code, found in named.items()
        if len(found) == 1
        for zone, part in found
        if part is None
    }


#: Countries of several zones in ``zone.tab`` whose people keep one clock: the zone a contact
#: or an account there is given when neither its file nor its phone number tells another
#: (:func:`main_zone`), and the country's zones that keep another clock, set aside with the
#: reason. ``tests/core/culture/test_main_zones.py`` checks every entry against the bundled
#: tzdata (the zones not set aside keep the main zone's offsets hour by hour, those set aside
#: do not) and lists every other country of several zones, so a tzdata upgrade that unites or
#: splits a country's clocks is noticed.
#:
#: The rule: every zone of the country keeps the same offsets all year, so any of them tells
#: the time (the first group below; the capital's or largest city's zone is given); or the
#: other zones are outlying islands, an exclave, an occupied area, or stations where no town
#: is, and the mainland keeps one clock (the second group); or the law knows one time
#: (China). A country whose mainland keeps several clocks is not here, and a contact or an
#: account there needs its zone, unless its region tells it (:func:`_region_zones`): the
#: US, Canada, Mexico, Brazil, Chile (since 2016 the Magallanes region, and since 2025
#: Aysén, keep UTC-3 all year, while Santiago moves to UTC-4 in winter), Russia, Mongolia
#: (the western provinces are UTC+7), Indonesia, Australia, the DR Congo; and a country of
#: islands with no mainland (Micronesia, Kiribati). Sources: tzdata's ``zone.tab`` and the
#: comments of its ``asia``, ``europe``, ``southamerica`` and ``australasia`` files.
ONE_CLOCK: dict[str, tuple[str, tuple[str, ...]]] = {
    # every zone keeps the same offsets all year
    "AR": ("America/Argentina/Buenos_Aires", ()),  # UTC-3 in every province, no DST
    "CY": ("Asia/Nicosia", ()),  # Famagusta (the north) follows EU rules again since 2017
    "DE": ("Europe/Berlin", ()),  # Büsingen, an exclave in Switzerland, keeps CET/CEST too
    "KZ": ("Asia/Almaty", ()),  # one time, UTC+5, in the whole country since 1 March 2024
    "MH": ("Pacific/Majuro", ()),  # Kwajalein keeps UTC+12 as Majuro does (since 1993)
    "MY": ("Asia/Kuala_Lumpur", ()),  # the peninsula and Borneo (Kuching): UTC+8
    "PS": ("Asia/Hebron", ()),  # the West Bank and Gaza keep the same rules now
    "UZ": ("Asia/Tashkent", ()),  # Samarkand and Tashkent: UTC+5
    # the mainland keeps one clock; the other zones are outlying, occupied or not a town
    "CN": ("Asia/Shanghai", ("Asia/Urumqi",)),  # Beijing time is the only legal time;
    # Xinjiang time (UTC+6) is kept by part of the people there, not by offices
    "EC": ("America/Guayaquil", ("Pacific/Galapagos",)),  # the Galápagos Islands
    "ES": ("Europe/Madrid", ("Atlantic/Canary",)),  # the Canary Islands; Ceuta keeps CET
    "GL": ("America/Nuuk", ("America/Danmarkshavn", "America/Thule")),  # a weather station
    # and the Pituffik Space Base; every town, Ittoqqortoormiit too, keeps Nuuk's time
    "NZ": ("Pacific/Auckland", ("Pacific/Chatham",)),  # the Chatham Islands
    "PF": ("Pacific/Tahiti", ("Pacific/Marquesas", "Pacific/Gambier")),  # outlying archipelagos
    "PG": ("Pacific/Port_Moresby", ("Pacific/Bougainville",)),  # the island of Bougainville
    "PT": ("Europe/Lisbon", ("Atlantic/Azores",)),  # the Azores; Madeira keeps Lisbon's time
    "UA": ("Europe/Kyiv", ("Europe/Simferopol",)),  # Crimea, under Russian occupation
}


def main_zone(country: str, subdivision: str | None = None) -> str | None:
    """The zone a contact or an account in ``country`` (and its region ``subdivision``, a
    short or full ISO 3166-2 code) is given when its own zone is not said and no phone number
    tells it (:func:`zone_of_phones`): the region's, where ``zone.tab`` names one zone for
    the whole region (:func:`_region_zones`: Alberta is America/Edmonton, Bougainville
    Pacific/Bougainville), else the country's only zone, or the one its people keep
    (:data:`ONE_CLOCK`). None for a country whose mainland keeps several clocks (the US,
    Canada, Russia, Brazil …) where the region does not tell the zone, or that is not in
    ``zone.tab``: there the zone must be said, never guessed (a country's first zone in
    ``zone.tab`` is Lord Howe Island for Australia, Newfoundland for Canada)."""
    code = country.upper()
    if subdivision:
        short = subdivision.upper().removeprefix(f"{code}-")
        found = _region_zones(code).get(short)
        if found is not None:
            return found
    if code in ONE_CLOCK:
        return ONE_CLOCK[code][0]
    zones = _zone_table().get(code, ())
    return zones[0] if len(zones) == 1 else None


def region_zone_unlike(
    country: str, subdivision: str | None, zone: str | None, at: datetime
) -> str | None:
    """The zone the region ``subdivision`` keeps (:func:`main_zone`) where the stored ``zone``
    of a contact or an account there keeps another clock, around the instant ``at`` (within
    the year after it: an alias such as Europe/Kiev is the same clock); else None. Records
    saved before the islands had their own zone hold the mainland's (Gran Canaria's
    Europe/Madrid, not Atlantic/Canary): the panel says so and the editor offers the
    region's; the stored zone is never changed by it."""
    if not subdivision or not zone:
        return None
    kept = main_zone(country, subdivision)
    if kept is None or kept == zone:
        return None
    from accountdesk.core.timekeeping.zones import get_zone, is_valid_zone

    if not is_valid_zone(zone):
        return None  # a zone this tzdata does not know: no clock to compare
    theirs, ours = get_zone(kept), get_zone(zone)
    instants = [at + timedelta(days=91 * n) for n in range(4)]
    return (
        kept
        if any(t.astimezone(theirs).utcoffset() != t.astimezone(ours).utcoffset() for t in instants)
        else None
    )


def zone_of_phones(country: str, numbers: Iterable[str]) -> str | None:
    """For a country of several zones, the zone of the first of ``numbers`` (as written, read
    for ``country``) whose area has exactly one of them: "+1 212 …" is America/New_York. None
    when no number tells (a mobile number, say) or the country has one zone or none."""
    zones = country_zones(country)
    if len(zones) < 2:
        return None
    import phonenumbers
    from phonenumbers import timezone as phone_zones

    for written in numbers:
        try:
            number = phonenumbers.parse(written.strip().removeprefix("tel:"), country.upper())
        except phonenumbers.NumberParseException:
            continue
        found = [z for z in phone_zones.time_zones_for_number(number) if z in zones]
        if len(found) == 1:
            return found[0]
    return None


def country_of_phones(numbers: Iterable[str]) -> str | None:
    """The country of the first of ``numbers`` (as written) in international form that has
    one ("+66 81 234 5678" is TH): what the CSV and vCard imports take for a contact whose
    file gives no country. None when none does (local numbers, a non-geographic "+800")."""
    import phonenumbers

    for written in numbers:
        number = written.strip().removeprefix("tel:")
        if not number.startswith("+"):
            continue
        try:
            region = phonenumbers.region_code_for_number(phonenumbers.parse(number))
        except phonenumbers.NumberParseException:
            continue
        if region and region != phonenumbers.UNKNOWN_REGION and region != "001":
            return str(region)
    return None


@cache
def country_currency(country: str) -> str | None:
    """The currency in use today (CLDR), e.g. ``"EUR"`` for LV; None if CLDR knows none."""
    try:
        found = babel.numbers.get_territory_currencies(
            country.upper(), date(2025, 1, 1), tender=True
        )
    except (KeyError, ValueError):  # not a territory CLDR knows
        return None
    return str(found[0]) if found else None


@cache
def _languages(country: str) -> tuple[str, ...]:
    cc = country.upper()
    official = [str(x) for x in babel.languages.get_official_languages(cc, de_facto=True)]
    info = babel.languages.get_territory_language_info(cc)
    by_share = sorted(info.items(), key=lambda kv: -float(kv[1].get("population_percent") or 0))
    rest = [
        str(lang) for lang, data in by_share if float(data.get("population_percent") or 0) >= 10
    ]
    ordered: list[str] = []
    for lang in official + rest:
        # CLDR's locale id ("az_Arab") written as a BCP 47 tag ("az-Arab"), as a contact's
        # preferred language stores it: the country profile shows it, to be copied there
        tag = lang.replace("_", "-")
        if tag not in ordered:
            ordered.append(tag)
    return tuple(ordered)


def country_languages(country: str) -> list[str]:
    """Main languages (BCP 47 tags), official ones first, then widely spoken ones."""
    return list(_languages(country))
