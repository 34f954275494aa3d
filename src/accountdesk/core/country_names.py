"""Countries as people write them: "Turkey", "Türkiye", "Latvija", "ประเทศไทย", "ایران",
"Slovenija", "UK", "LVA" → the ISO 3166-1 alpha-2 code.

The one home of this rule (imports of contacts call :func:`country_code`; the check that a
stored value is a country stays :func:`accountdesk.core.validation.country`). What is known:

* the ISO 3166-1 codes themselves: alpha-2 (``lv``), alpha-3 (``LVA``), numeric (``428``);
* every country's name in CLDR (Babel) in English and in the app's languages (Latvian,
  Slovenian, Thai, Turkish, Persian), and each country's own name in its official languages
  ("Deutschland", "Polska"), read only when the others do not match;
* the names in ISO 3166 (pycountry): "Iran, Islamic Republic of", "Republic of Türkiye";
* a short table of what people write that neither has: "UK", "USA", "Turkey", "Persia",
  "Holland", "ประเทศไทย" (the word "country" in front).

Names are compared folded the way search folds text (:func:`accountdesk.core.db.fts.fold`:
case, Latin accents, Turkish dotless i, Arabic-script variants), with punctuation and
parentheses ignored. A name two countries share in different languages is not recognised.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import babel.languages
import pycountry
from babel import Locale, UnknownLocaleError

from accountdesk.core.db.fts import fold, words
from accountdesk.core.i18n import LANGUAGES

#: The CLDR locales whose country names are always known: English (American and the app's
#: British) and the app's languages (:data:`accountdesk.core.i18n.LANGUAGES`).
NAME_LOCALES = ("en", *(language.locale for language in LANGUAGES.values()))

#: What people write that neither CLDR nor ISO 3166 lists, by alpha-2 code (folded on use).
ALIASES: dict[str, tuple[str, ...]] = {
    "GB": (
        "UK", "Great Britain", "Britain", "England", "Scotland", "Wales", "Northern Ireland",
        "Anglija", "İngiltere", "انگلیس", "อังกฤษ",
        "Lielbritānija", "Velika Britanija", "Britanija",  # everyday Latvian and Slovenian
    ),
    "US": (
        "USA", "U.S.", "America", "ABD", "آمریکا",
        "ASV", "ZDA", "Amerika", "Združene države",  # Latvian, Slovenian (CLDR: the long forms)
        "สหรัฐ", "สหรัฐฯ", "อเมริกา",  # Thai: "the United (States)", "America"
    ),
    "TR": ("Turkey", "Republic of Turkey", "Türkiye Cumhuriyeti"),
    "IR": ("Persia", "جمهوری اسلامی ایران"),
    "TH": ("Siam", "ราชอาณาจักรไทย"),
    "LV": ("Latvijas Republika",),
    "SI": ("Republika Slovenija",),
    "NL": ("Holland", "Holande", "Holandija"),
    "CI": ("Ivory Coast",),
    "TL": ("East Timor",),
    "SZ": ("Swaziland",),
    "MK": ("Macedonia",),
    "VA": ("Vatican",),
    "AE": ("UAE", "Emirates"),
}  # fmt: skip

#: Words in front of a country's name that only say "country" or "the" (folded): ประเทศไทย
#: (Thai writes it without a space), کشور ایران, the Netherlands.
LEADING_WORDS = ("ประเทศ", "کشور ", "the ")


def _key(text: str) -> str:
    """The folded form names are compared in: words of letters and digits, one space apart;
    a name written in single letters (U.S.A., U K) closes up (usa, uk)."""
    found = words(fold(text))
    if len(found) > 1 and all(len(w) == 1 for w in found):
        return "".join(found)
    return " ".join(found)


def _variants(name: str) -> Iterator[str]:
    """``name`` and the forms people shorten it to: without a part in parentheses ("Myanmar
    (Burma)" → "Myanmar", "Burma"), ISO's inverted form turned round ("Korea, Republic of" →
    "Republic of Korea")."""
    yield name
    if "(" in name and name.endswith(")"):
        outside, inside = name[:-1].split("(", 1)
        yield outside
        yield inside
    if ", " in name:
        first, rest = name.split(", ", 1)
        yield f"{rest} {first}"


def _codes() -> list[str]:
    return sorted(str(c.alpha_2) for c in pycountry.countries)


def _unambiguous(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """key -> code from (name, code) pairs, without the keys that name two countries."""
    found: dict[str, set[str]] = {}
    for name, code in pairs:
        for variant in _variants(name):
            key = _key(variant)
            if key:
                found.setdefault(key, set()).add(code)
    return {key: codes.pop() for key, codes in found.items() if len(codes) == 1}


@cache
def _code_table() -> dict[str, str]:
    """The ISO codes: alpha-2, alpha-3 and numeric, folded, -> alpha-2."""
    table: dict[str, str] = {}
    for country in pycountry.countries:
        code = str(country.alpha_2)
        for value in (code, country.alpha_3, country.numeric):
            table[str(value).casefold()] = code
    return table


@cache
def _name_table() -> dict[str, str]:
    codes = set(_codes())
    pairs: list[tuple[str, str]] = []
    for locale in NAME_LOCALES:
        for code, name in Locale.parse(locale).territories.items():
            if code in codes:
                pairs.append((str(name), code))
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                pairs.append((str(value), str(country.alpha_2)))
    pairs += [(alias, code) for code, aliases in ALIASES.items() for alias in aliases]
    return _unambiguous(pairs)


@cache
def _own_name_table() -> dict[str, str]:
    """Each country's name in its own official languages (CLDR): read on first need only, as
    it loads some three hundred locales."""
    pairs: list[tuple[str, str]] = []
    for code in _codes():
        for language in babel.languages.get_official_languages(code, de_facto=True):
            try:
                locale = Locale.parse(f"{language}_{code}")
            except (ValueError, UnknownLocaleError):  # a language CLDR has no data for
                continue
            name = locale.territories.get(code)
            if name:
                pairs.append((str(name), code))
    return _unambiguous(pairs)


def country_code(text: str | None) -> str | None:
    """The ISO 3166-1 alpha-2 code of the country ``text`` names, or None when it names none
    (or names two): ``"Turkey"``, ``"türkiye"``, ``"TUR"`` and ``"792"`` give ``"TR"``."""
    if text is None or not text.strip():
        return None
    cleaned = text.strip()
    code = _code_table().get(cleaned.casefold())
    if code is not None:
        return code
    key = _key(cleaned)
    candidates = [key] + [key[len(w) :].strip() for w in LEADING_WORDS if key.startswith(w)]
    for table in (_name_table, _own_name_table):  # the second only when the first fails
        for candidate in candidates:
            found = table().get(candidate)
            if found is not None:
                return found
    return None


@cache
def _subdivision_table(country: str) -> dict[str, str]:
    """Folded ISO 3166-2 names and codes of ``country``'s subdivisions -> short code."""
    from accountdesk.core.culture.countries import subdivisions

    pairs = [(name, short) for short, name in subdivisions(country).items()]
    table = _unambiguous(pairs)
    table.update({short.casefold(): short for short in subdivisions(country)})
    return table


def subdivision_code(country: str, text: str | None) -> str | None:
    """The ISO 3166-2 code (the part after the dash, as contacts store it) of the region of
    ``country`` that ``text`` names by code (``"RIX"``, ``"LV-RIX"``) or by its ISO name
    (``"Rīga"``, ``"riga"``, ``"İstanbul"``); None when it names none."""
    if text is None or not text.strip():
        return None
    cleaned = text.strip().casefold().removeprefix(f"{country.casefold()}-")
    table = _subdivision_table(country.upper())
    return table.get(cleaned) or table.get(_key(text))
