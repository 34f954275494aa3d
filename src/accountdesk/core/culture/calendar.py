"""Working weeks, business hours and public holidays for every country.

Holidays come from the ``holidays`` package, always with an explicit ``language=`` (without
one the names depend on the process locale). The UI language is mapped to what the country
class supports: the asked language (``fa`` -> ``fa_IR``), else English (``en_US``) when the
class has it, else the class's default language. Every category the class supports is asked
for (public, bank, half day, optional …) and recorded on each :class:`Holiday`. Dates the
package estimates (Islamic and other lunar holidays announced late), asked to be labelled
for every country (:func:`_build`: Saudi Arabia's class leaves them unlabelled by default),
come back with ``estimated=True`` and the localized "(estimated)" suffix stripped from the name.

A holiday asked for with a region is *regional* (``Holiday.subdivision`` names the region)
when the country without a region does not have it, else nationwide (``subdivision`` None):
the one rule every screen and report follows to say where a holiday is kept. A region the
package does not divide the country into (Thailand's provinces) has the country's holidays,
all nationwide.

Countries the package does not know have no holidays; nothing here raises for them. Results
are cached per (country, subdivision, year, language).
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import re
import sys
import threading
import unicodedata
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, time, timedelta
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal

import holidays
from babel import Locale, UnknownLocaleError

from accountdesk.core.bidi import isolate
from accountdesk.core.i18n import (
    NP_,
    _,
    calendar_preference,
    catalog_pgettext,
    current_language,
    format_date,
    format_skeleton,
    join_list,
    native_digits,
    pgettext,
    use_language,
)
from accountdesk.core.timekeeping.calendars import (
    DEFAULT_END,
    DEFAULT_START,
    SATURDAY_SUNDAY,
    HalfDay,
    ShortDay,
)

PUBLIC = "public"
HALF_DAY = "half_day"
#: School breaks (Bavaria's "Summer Break", six weeks of days): pupils' days off, not a
#: contact's.
SCHOOL = "school"
#: Kinds of holiday on which nobody stops work, or only a group a contact is rarely in:
#: observances (Valentine's Day, Slovenia's Primož Trubar Day), school breaks, the armed
#: forces' days; a half day has a rule of its own (:func:`half_day_on`).
NO_DAY_OFF = frozenset({"unofficial", "workday", SCHOOL, "armed_forces", HALF_DAY})


@dataclass(frozen=True)
class BusinessHours:
    start: time
    end: time
    curated: bool


@dataclass(frozen=True)
class Holiday:
    date: date
    name: str
    categories: tuple[str, ...]
    estimated: bool
    country: str
    #: The region (short ISO 3166-2 code, as asked for) when the holiday is regional: kept
    #: there but not in the whole country. None for a nationwide holiday, whatever region
    #: was asked for (:func:`_year` decides).
    subdivision: str | None

    @property
    def is_public(self) -> bool:
        return PUBLIC in self.categories

    @property
    def is_regional(self) -> bool:
        return self.subdivision is not None

    @property
    def kept_by_some(self) -> bool:
        """Not a public holiday, yet a day off for some there: optional (Brazil's Carnival,
        a "ponto facultativo"), a Catholic day (Assumption in Bavaria's Catholic towns),
        a bank or government holiday, a faith's or a community's, a customary one. The
        working-time rule counts public holidays only; the reach-out panel and ``accountdesk
        contact`` say that such a day is on, beside "working time"."""
        return not self.is_public and bool(set(self.categories) - NO_DAY_OFF)

    @property
    def for_pupils_only(self) -> bool:
        """A school break and nothing else: work goes on (:func:`observed_between` leaves it
        out)."""
        return set(self.categories) == {SCHOOL}


@cache
def _country_class(country: str) -> Any | None:
    """The ``holidays`` class of an ISO 3166 alpha-2 code, or None if the package has none.

    ``holidays.country_holidays`` imports ``holidays.countries``, whose ``__init__`` imports
    the modules of all 250 countries (0.3 s on the reference machine, before the first
    holiday); this loads only the one module the country needs, found through the package's
    own registry. A module loaded here is the one the package would use: once the whole
    ``holidays.countries`` is imported, its ``from holidays.countries.x import X`` finds it
    in ``sys.modules``."""
    from holidays.registry import COUNTRIES

    code = country.upper()
    found = next(
        ((module, names[0]) for module, names in COUNTRIES.items() if names[1] == code), None
    )
    if found is None:
        return None
    module_name, class_name = found
    with _LOADING:  # the screens' worker threads may ask at once: one module, loaded once
        return getattr(_load(module_name), class_name)


_LOADING = threading.Lock()


def _load(module_name: str) -> Any:
    name = f"holidays.countries.{module_name}"
    module = sys.modules.get(name)
    if module is None and "holidays.countries" in sys.modules:
        module = importlib.import_module(name)
    path = Path(holidays.__file__).parent / "countries" / f"{module_name}.py"
    if module is None and "holidays.countries." in path.read_text(encoding="utf-8"):
        # a territory's module (American Samoa) builds on another country's: loading it alone
        # would import the package half-way through; the package's own way is the safe one
        module = importlib.import_module(name)
    if module is None:
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:  # pragma: no cover - the package's own file
            module = importlib.import_module(name)
        else:
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            try:
                spec.loader.exec_module(module)
            except BaseException:
                del sys.modules[name]
                raise
    return module


def country_holidays(country: str, **options: Any) -> Any:
    """``holidays.country_holidays`` (same options: ``subdiv``, ``years``, ``language``,
    ``categories`` …) without importing every country's module; NotImplementedError for a
    country the package does not have."""
    cls = _country_class(country)
    if cls is None:
        raise NotImplementedError(f"Country {country} not available")
    return cls(**options)


@cache
def _meta(country: str) -> Any | None:
    """An empty ``holidays`` instance for the country (metadata only), or None if unknown."""
    try:
        return country_holidays(country)
    except (NotImplementedError, KeyError, ValueError, AttributeError):
        return None


def islamic_calendar(country: str) -> Any | None:
    """The Islamic lunar calendar the ``holidays`` class of ``country`` dates its holidays by
    (its own table of sighted dates where it has one: Malaysia's 1 Ramadan 1447 on 19
    February 2026, its Eid on 21 March), or None for a country without Islamic holidays. The
    seasons read the fast from it, so they agree with the holiday list."""
    meta = _meta(country.upper())
    return getattr(meta, "_islamic_calendar", None) if meta is not None else None


def holiday_regions(country: str) -> frozenset[str]:
    """The region codes (the part after the dash, as records store them) that the holidays
    data knows for ``country`` and ISO 3166-2's list may not: Norway's counties of 2024
    ("31" … "56"), Aosta ("AO"), Bonaire ("BON"). Codes only: the data also names some
    cities by their names."""
    meta = _meta(country.upper())
    known = getattr(meta, "subdivisions", ()) if meta is not None else ()
    return frozenset(s for s in known if s.isupper() or s.isdigit())


def supported_languages(country: str) -> tuple[str, ...]:
    meta = _meta(country.upper())
    return tuple(meta.supported_languages) if meta is not None else ()


@lru_cache(maxsize=2048)
def holiday_language(country: str, lang: str | None) -> str | None:
    """The ``holidays`` language code to use for ``country`` when the UI speaks ``lang``."""
    meta = _meta(country.upper())
    if meta is None:
        return None
    supported: tuple[str, ...] = tuple(meta.supported_languages)
    default: str | None = meta.default_language
    wanted = (lang or current_language().code).replace("-", "_")
    candidates = [wanted, wanted.split("_")[0]]
    for cand in candidates:
        for code in supported:
            if code.lower() == cand.lower():
                return code
    base = wanted.split("_")[0].lower()
    for code in supported:
        if code.split("_")[0].lower() == base:
            return code
    if "en_US" in supported:
        return "en_US"
    return default


# -- weekends ------------------------------------------------------------------------------


#: Where CLDR's week data (Babel) is wrong about the days people do not work, the one table of
#: corrections; every other country's weekend is CLDR's. Each entry says why (checked against
#: the law or the government's week as of 2026). The ``holidays`` package's ``weekend`` is not
#: a source: it is the package's rule for moving a holiday that falls on one (Hong Kong's,
#: Venezuela's, Paraguay's "Sunday" only, Saturday–Sunday for Libya), not the days off.
#:
#: - BD Friday–Saturday: the government's and most offices' weekend since 2009 (the package
#:   agrees; CLDR says Saturday–Sunday).
#: - BN Friday and Sunday: Saturday is a working day for the government and most businesses
#:   (the package agrees).
#: - DJ Friday–Saturday: the administration works Sunday to Thursday (the package agrees).
#: - IN Saturday–Sunday: CLDR says Sunday alone, the legal minimum; the central government and
#:   most company offices have worked a five-day week since 1985, and banks close on two
#:   Saturdays a month. Shops and factories do work on Saturday: where the week of offices and
#:   that of trade differ, a follow-up moved to Monday costs less than one on a day the contact
#:   is away (the rule :data:`HALF_DAY_DEFAULT_START` follows too).
#: - MV Friday–Saturday: the government works Sunday to Thursday (the package agrees).
#: - NP Saturday only: Sunday is the first day of Nepal's working week (the Sunday off that
#:   the government introduced in May 2022 was withdrawn within weeks).
#: - PS Friday–Saturday: the Palestinian Authority's ministries and most offices; Christian
#:   firms may close on Sunday instead of Saturday, never instead of Friday (CLDR says
#:   Saturday–Sunday).
#: - SO Friday only: the official weekly day off; the government and most offices work
#:   Saturday to Thursday (CLDR says Saturday–Sunday).
#: - UG Saturday–Sunday: CLDR says Sunday alone; the government and company offices work
#:   Monday to Friday (as IN).
#:
#: A region whose week differs from its country's has an entry of its own, ``"CC-SUB"`` (the
#: short ISO 3166-2 code), which wins over the country's and over the package's region:
#:
#: - AE-SH Friday–Sunday: Sharjah's government has worked Monday to Thursday since
#:   1 January 2022 (its Executive Council's decision of December 2021), while the federal
#:   government and the other emirates moved to Saturday–Sunday.
#:
#: Decided with CLDR against the package: AF Thursday–Friday (government offices, all of
#: Thursday since 2010, not Saturday); HK Saturday–Sunday (the civil service's five-day week
#: since 2006 and most company offices; Saturday work in shops and small firms, as IN); LY
#: Friday–Saturday; MR Saturday–Sunday (since 2014); AI, CD, KN, NE, PY, TK, VE
#: Saturday–Sunday. The Emirates moved to Saturday–Sunday in 2022 (both sources agree).
#: Iran's weekend is Friday (both agree); its short Thursday is :data:`SHORT_WEEKDAYS`.
WEEKENDS: dict[str, frozenset[int]] = {
    "BD": frozenset({4, 5}),
    "BN": frozenset({4, 6}),
    "DJ": frozenset({4, 5}),
    "IN": frozenset({5, 6}),
    "MV": frozenset({4, 5}),
    "NP": frozenset({5}),
    "PS": frozenset({4, 5}),
    "SO": frozenset({4}),
    "UG": frozenset({5, 6}),
    "AE-SH": frozenset({4, 5, 6}),
}

#: A week read for the weekend of a region whose weekend the package gives by date (Malaysia's
#: states): far enough ahead to be under the latest rule it knows (Johor's Saturday–Sunday
#: since 2025).
_LATEST_RULE_WEEK = date(2100, 1, 4)


def _cldr_weekend(country: str) -> frozenset[int]:
    """CLDR's weekend of ``country`` (Babel's week data for the territory); Saturday–Sunday for
    a territory CLDR has no locale for (Antarctica, Bouvet Island)."""
    try:
        loc = Locale.parse(f"und_{country}")
    except (UnknownLocaleError, ValueError):
        return SATURDAY_SUNDAY
    if loc.territory != country:  # pragma: no cover - CLDR's likely subtags keep the territory
        return SATURDAY_SUNDAY
    start, end = int(loc.weekend_start), int(loc.weekend_end)
    days = {start}
    day = start
    while day != end:
        day = (day + 1) % 7
        days.add(day)
    return frozenset(days)


@cache
def _weekend(country: str) -> frozenset[int]:
    """The one rule of a country's weekend: :data:`WEEKENDS`, else CLDR."""
    found = WEEKENDS.get(country)
    return found if found is not None else _cldr_weekend(country)


def _package_region(country: str, subdivision: str | None) -> str | None:
    """``subdivision`` as the ``holidays`` package names it for ``country`` (its own code or
    an alias's), None when the package does not divide the country so."""
    meta = _meta(country)
    if subdivision is None or meta is None:
        return None
    if subdivision in getattr(meta, "subdivisions", ()):
        return subdivision
    aliases = getattr(meta, "subdivisions_aliases", {}) or {}
    found = aliases.get(subdivision)
    return str(found) if found else None


def _package_weekend(there: Any) -> frozenset[int]:
    week = [_LATEST_RULE_WEEK + timedelta(days=n) for n in range(7)]
    # only the weekend rule is read: the package warns that its holidays of a country end
    # before that week (India's in 2035), which does not touch the weekend and must not reach
    # the terminal
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return frozenset(day.weekday() for day in week if there.is_weekend(day))


@cache
def _regional_weekend(country: str, subdivision: str) -> frozenset[int] | None:
    """A region's own weekend, where the ``holidays`` package gives it one that differs from
    the package's for the whole country (Malaysia's Kedah, Kelantan, Terengganu); None where
    the region has the country's (whatever the package's country-wide rule is)."""
    region = _package_region(country, subdivision)
    if region is None:
        return None
    try:
        there = country_holidays(country, subdiv=region)
        whole = country_holidays(country)
    except (NotImplementedError, KeyError, ValueError):
        return None
    own = _package_weekend(there)
    return own if own != _package_weekend(whole) else None


def weekend_days(country: str | None, subdivision: str | None = None) -> frozenset[int]:
    """Weekdays off (0 = Monday … 6 = Sunday): IR {4}, SA {4, 5}, NP {5}, most {5, 6}; a
    region's own where it has one (:data:`WEEKENDS`' ``"AE-SH"``, Sharjah's {4, 5, 6}; else
    the package's: Malaysia's Kedah, Kelantan and Terengganu {4, 5})."""
    if not country:
        return SATURDAY_SUNDAY
    cc = country.upper()
    sub = _norm_sub(cc, subdivision)
    if sub is not None:
        found = WEEKENDS.get(f"{cc}-{sub}") or _regional_weekend(cc, sub)
        if found is not None:
            return found
    return _weekend(cc)


@lru_cache(maxsize=4096)
def _weekend_workdays(country: str, subdivision: str | None, year: int) -> frozenset[date]:
    if _meta(country) is None:
        return frozenset()
    try:
        there = country_holidays(country, subdiv=_package_region(country, subdivision), years=year)
    except (NotImplementedError, KeyError, ValueError):
        return frozenset()
    return frozenset(d for d in there.weekend_workdays if d.year == year)


def weekend_workday(country: str, subdivision: str | None, day: date) -> bool:
    """Is ``day``, a weekend day there, a working day by law: a day's work moved onto the
    weekend to bridge a holiday (China's Sunday 4 January 2026, Latvia's Saturday 17 January
    2026), from the ``holidays`` package."""
    cc = country.upper()
    return day in _weekend_workdays(cc, _norm_sub(cc, subdivision), day.year)


# -- business hours ------------------------------------------------------------------------


@cache
def _business_hours(country: str) -> BusinessHours:
    from accountdesk.core.culture.etiquette import curated_hours

    found = curated_hours(country)
    if found is not None:
        return BusinessHours(found[0], found[1], True)
    return BusinessHours(DEFAULT_START, DEFAULT_END, False)


def business_hours(country: str | None) -> BusinessHours:
    """Typical business hours: curated in the etiquette file, else 09:00–17:00 (not curated)."""
    if not country:
        return BusinessHours(DEFAULT_START, DEFAULT_END, False)
    return _business_hours(country.upper())


# -- holidays ------------------------------------------------------------------------------


def _norm_sub(country: str, subdivision: str | None) -> str | None:
    if not subdivision:
        return None
    sub = subdivision.upper()
    prefix = f"{country}-"
    return sub[len(prefix) :] if sub.startswith(prefix) else sub


def _affixes(pattern: str | None) -> tuple[str, str] | None:
    if not pattern or "%s" not in pattern:
        return None
    before, after = pattern.split("%s", 1)
    return before, after


def _strip(name: str, affixes: tuple[str, str] | None) -> str | None:
    if affixes is None:
        return None
    before, after = affixes
    if (
        (before or after)
        and name.startswith(before)
        and name.endswith(after)
        and len(name) > len(before) + len(after)
    ):
        return name[len(before) : len(name) - len(after)] if after else name[len(before) :]
    return None


@cache
def _estimates_labelled(country: str) -> dict[str, bool]:
    """The options that make the ``holidays`` class of ``country`` label every date it only
    estimates (``islamic_show_estimated``, ``hindu_show_estimated`` …) set to True. Most
    classes label them by default; Saudi Arabia's, Palestine's and Côte d'Ivoire's do not
    (``islamic_show_estimated=False``), so their Eid dates, as much the Umm al-Qura table's
    guess as the Emirates', came out as firm ones."""
    cls = _country_class(country)
    if cls is None:
        return {}
    own = inspect.signature(cls.__init__).parameters
    return {name: True for name in own if name.endswith("_show_estimated")}


def _build(country: str, subdivision: str | None, year: int, language: str | None, cat: str) -> Any:
    """The package's holidays of ``year`` in one category, every estimated date labelled
    (:func:`_estimates_labelled`): :func:`_year` reads the label, the one rule of which dates
    are estimated."""
    return country_holidays(
        country,
        subdiv=subdivision,
        years=year,
        language=language,
        categories=(cat,),
        **_estimates_labelled(country),
    )


@lru_cache(maxsize=8192)
def _year(
    country: str, subdivision: str | None, year: int, language: str | None
) -> tuple[Holiday, ...]:
    meta = _meta(country)
    if meta is None:
        return ()
    sub = _package_region(country, subdivision)
    categories = tuple(meta.supported_categories) or (PUBLIC,)
    found: dict[tuple[date, str], tuple[list[str], bool]] = {}
    for cat in categories:
        try:
            obj = _build(country, sub, year, language, cat)
        except (NotImplementedError, KeyError, ValueError):
            continue
        tr = getattr(obj, "tr", None)

        def label(attr: str, obj: Any = obj, tr: Any = tr) -> tuple[str, str] | None:
            raw = getattr(obj, attr, None)
            if not raw:
                return None
            return _affixes(str(tr(raw)) if tr is not None else str(raw))

        est = label("estimated_label")
        obs_est = label("observed_estimated_label")
        obs = label("observed_label")
        for day in sorted(obj.keys()):
            for raw_name in obj.get_list(day):
                name = str(raw_name)
                estimated = False
                inner = _strip(name, obs_est)
                if inner is not None and obs is not None:
                    name, estimated = obs[0] + inner + obs[1], True
                else:
                    inner = _strip(name, est)
                    if inner is not None:
                        name, estimated = inner, True
                key = (day, name)
                cats, was_est = found.get(key, ([], False))
                if cat not in cats:
                    cats.append(cat)
                found[key] = (cats, was_est or estimated)
    # nationwide: the country without a region has it too, on that day, by that name, in
    # every category it has here (a day the region makes public is the region's own)
    national = (
        {(h.date, h.name): frozenset(h.categories) for h in _year(country, None, year, language)}
        if sub is not None
        else {}
    )

    def region(day: date, name: str, cats: list[str]) -> str | None:
        if sub is None or national.get((day, name), frozenset()).issuperset(cats):
            return None
        return subdivision

    result = [
        Holiday(day, name, tuple(sorted(cats)), estimated, country, region(day, name, cats))
        for (day, name), (cats, estimated) in found.items()
    ]
    result.sort(key=lambda h: (h.date, PUBLIC not in h.categories, h.name))
    return tuple(result)


def holidays_for_year(
    country: str, subdivision: str | None, year: int, lang: str | None = None
) -> tuple[Holiday, ...]:
    """All holidays of ``year`` (every category), sorted by date, public ones first.

    Names are in the UI language (and its digits) when the ``holidays`` package has it for the
    country; otherwise in the country's own language with the English name beside it ("Ngày
    Quốc khánh (National Day)"), or in English when the country's language is English too."""
    cc = country.upper()
    wanted = (lang or current_language().code).replace("-", "_").split("_")[0].lower()
    return _named(cc, _norm_sub(cc, subdivision), year, wanted, calendar_preference())


@lru_cache(maxsize=8192)
def _named(
    country: str, subdivision: str | None, year: int, wanted: str, calendar: str
) -> tuple[Holiday, ...]:
    """The holidays of a year named in ``wanted`` (:func:`holidays_for_year`); ``calendar``,
    the calendar preference, is part of the key: a moved working day's name holds a date."""
    language = holiday_language(country, wanted)
    in_ui_language = language is not None and language.split("_")[0].lower() == wanted
    meta = _meta(country)
    local = getattr(meta, "default_language", None) if meta is not None else None
    if in_ui_language:  # in the language's digits ("قیام ۱۵ خرداد", not "قیام 15 خرداد")
        found = _year(country, subdivision, year, language)
        # English too: the package writes the moved day month first ("Day off (substituted
        # from 05/10/2025)"), not as the app's English writes a date
        moved = _moved_days(country, subdivision, year, wanted, found)
        return tuple(
            replace(h, name=moved.get((h.date, h.name)) or native_digits(h.name, wanted))
            for h in found
        )
    if wanted == "en":
        return _year(country, subdivision, year, language)
    english = holiday_language(country, "en")
    theirs = _year(country, subdivision, year, english)
    if not local or local.split("_")[0] == "en":
        shown = theirs
    else:
        own = _year(country, subdivision, year, local)
        theirs = _paired(own, theirs, country, year, english)
        if len(own) != len(theirs) or any(
            a.date != b.date for a, b in zip(own, theirs, strict=True)
        ):
            shown = theirs  # the two lists do not pair up: English rather than a wrong pair
        else:
            shown = tuple(
                a
                if a.name == b.name
                else replace(a, name=f"{a.name} ({b.name})" if _drawn(a.name) else b.name)
                for a, b in zip(own, theirs, strict=True)
            )
    # our own translation of the English name, where the catalogs have one
    return tuple(
        replace(a, name=name) if (name := translated_holiday(b.name, wanted)) else a
        for a, b in zip(shown, theirs, strict=True)
    )


#: The scripts AccountDesk ships fonts for (resources/fonts/README.md), by the first word of a
#: letter's Unicode name: a PDF draws nothing else, and a screen only with a font of the
#: computer's own.
_SHIPPED_SCRIPTS = frozenset(
    {
        "LATIN", "GREEK", "CYRILLIC", "ARABIC", "THAI", "CJK", "IDEOGRAPHIC", "HIRAGANA",
        "KATAKANA", "KATAKANA-HIRAGANA", "HANGUL",
    }
)  # fmt: skip


#: Unicode's Spacing Modifier Letters, which every script's text may hold (Uzbek's and
#: Tongan's ʻ, Ukrainian's apostrophe ʼ) and the shipped fonts all draw.
_MODIFIER_LETTERS = range(0x02B0, 0x0300)


def _drawn(name: str) -> bool:
    """Whether every letter of ``name`` is in a script of :data:`_SHIPPED_SCRIPTS` (or is a
    spacing modifier letter). A local name in another (Nepal's Devanagari: "विजया दशमी")
    came out as boxes in a Turkish or Thai trip brief beside its English name; the English
    name alone is shown instead (and, for these countries, translated: holiday_names.py)."""
    return all(
        unicodedata.name(ch, "").split(" ")[0] in _SHIPPED_SCRIPTS or ord(ch) in _MODIFIER_LETTERS
        for ch in name
        if unicodedata.category(ch)[0] in "LM"
    )


def own_names_drawn(country: str, year: int) -> bool:
    """Whether the shipped fonts draw every holiday name of ``country`` of ``year`` in the
    country's own language (true of a country whose own language is English). Where they do
    not (Nepal's Devanagari), a language the package does not speak cannot show the
    country's own name beside the English one (:func:`_drawn`): AccountDesk names those
    holidays itself, as those of the countries with etiquette notes
    (scripts/holiday_names.py lists both)."""
    cc = country.upper()
    meta = _meta(cc)
    local = getattr(meta, "default_language", None) if meta is not None else None
    if not local or local.split("_")[0] == "en":
        return True
    return all(_drawn(h.name) for h in _year(cc, None, year, local))


#: A day off in place of a working day moved, as AccountDesk names it (the date as the
#: language writes it in numbers, with the month's name in English: :func:`_moved_day_text`),
#: English included.
_MOVED = NP_("holiday", "Day off (in place of {date})")
#: :data:`_MOVED` in English, whatever the date.
_MOVED_IN_ENGLISH = re.compile("^" + re.escape(_MOVED).replace(re.escape("{date}"), ".+") + "$")

#: The forms the ``holidays`` package builds around a name in English (its observed and
#: substituted labels), each with the form AccountDesk translates (context "holiday").
_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?P<name>.+) \(observed\)$"), NP_("holiday", "{name} (observed)")),
    (re.compile(r"^(?P<name>.+) \(in lieu\)$"), NP_("holiday", "{name} (in lieu)")),
    (re.compile(r"^Alternative holiday for (?P<name>.+)$"),
     NP_("holiday", "Alternative holiday for {name}")),
    (re.compile(r"^Monday following (?P<name>.+)$"), NP_("holiday", "Monday following {name}")),
    (re.compile(r"^Day off \(substituted from (?P<date>\d\d/\d\d/\d{4})\)$"), _MOVED),
)  # fmt: skip


def _moved_days(
    country: str, subdivision: str | None, year: int, wanted: str, found: tuple[Holiday, ...]
) -> dict[tuple[date, str], str]:
    """The days off in place of a working day moved (China's, Russia's, Vietnam's …) among
    ``found`` (the package's names in the UI language), by (date, that name), named by our
    form: the package writes the moved day its way (Thai "วันหยุด (แทน 26/01/2025)": a
    Gregorian year, digits by slashes, in a list dated in the Buddhist era). The two lists of a
    date come from the same code in the same order, so a name is paired with the English one
    at its place; a date whose lists differ in length is left as it is."""
    english = _year(country, subdivision, year, holiday_language(country, "en"))
    days: dict[date, list[str]] = {}
    for h in english:
        days.setdefault(h.date, []).append(h.name)
    ours: dict[date, list[str]] = {}
    for h in found:
        ours.setdefault(h.date, []).append(h.name)
    renamed: dict[tuple[date, str], str] = {}
    for day, names in days.items():
        theirs = ours.get(day, [])
        if len(theirs) != len(names):
            continue
        for name, own in zip(names, theirs, strict=True):
            if base_holiday_name(name) is None:
                translated = translated_holiday(name, wanted)
                if translated is not None:
                    renamed[(day, own)] = translated
    return renamed


def base_holiday_name(name: str) -> str | None:
    """The name inside one of the package's English forms ("Children's Day (observed)" ->
    "Children's Day"), the name itself when it has none; None for a form around a date
    alone (a working day moved: "Day off (substituted from 01/17/2026)", and the name English
    shows it by, "Day off (in place of 17 Jan 2026)")."""
    if _MOVED_IN_ENGLISH.match(name):
        return None
    for pattern, _form in _FORMS:
        found = pattern.match(name)
        if found is not None:
            return found.groupdict().get("name")
    return name


def _moved_day_text(worked: date) -> str:
    """The working day a day off is in place of, as :data:`_MOVED` names it in the current
    language: in numbers, in the language's order ("3.01.2026.", "3. 1. 2026", "۱۴۰۴/۱۰/۱۳"),
    so that no month's name has to be declined after "from"; but with the month's name
    ("3 Jan 2026", the medium date) where the language's readers write day and month in
    either order (``iso_date_input``: English), whose "03/01/2026" is 1 March to some."""
    if current_language().iso_date_input:
        return format_date(worked)
    return format_skeleton(worked, "yMd")


def translated_holiday(english: str, language: str) -> str | None:
    """The English holiday name ``english`` (as the ``holidays`` package gives it, its forms
    included) in ``language`` from AccountDesk's catalogs (context "holiday"; the names are
    listed in :mod:`.holiday_names`), in the language's digits; None where the catalog has
    no translation of the name."""
    with use_language(language):
        for pattern, form in _FORMS:
            found = pattern.match(english)
            if found is None:
                continue
            parts = found.groupdict()
            if "date" in parts:
                month, day, year = (int(x) for x in parts["date"].split("/"))
                value = _moved_day_text(date(year, month, day))
                return native_digits(pgettext("holiday", form).format(date=value), language)
            inner = catalog_pgettext("holiday", parts["name"])
            if inner is None:
                return None
            return native_digits(pgettext("holiday", form).format(name=inner), language)
        found_name = catalog_pgettext("holiday", english)
        return native_digits(found_name, language) if found_name is not None else None


def _paired(
    own: tuple[Holiday, ...],
    theirs: tuple[Holiday, ...],
    country: str,
    year: int,
    language: str | None,
) -> tuple[Holiday, ...]:
    """``theirs`` (the same holidays in another language) in the order of ``own``: on a day of
    several holidays the two lists are each sorted by name in their own language, so each of
    ``own``'s names is looked up in the package's translation into ``language`` ("Darba
    svētki" is "Labor Day", not the other 1 May holiday); a name it cannot translate (one
    with an "observed" affix) keeps its place."""
    days: dict[date, list[Holiday]] = {}
    for h in theirs:
        days.setdefault(h.date, []).append(h)
    if all(len(found) < 2 for found in days.values()):
        return theirs
    try:
        translate = _build(country, None, year, language, PUBLIC).tr
    except (NotImplementedError, KeyError, ValueError):
        return theirs
    result: list[Holiday] = []
    for day in dict.fromkeys(h.date for h in own):
        mine = [h for h in own if h.date == day]
        left = list(days.get(day, []))
        if len(mine) != len(left):
            return theirs  # do not pair up: _named says so
        chosen: list[Holiday | None] = []
        for h in mine:
            match = next((x for x in left if x.name == str(translate(h.name))), None)
            if match is not None:
                left.remove(match)
            chosen.append(match)
        result += [c if c is not None else left.pop(0) for c in chosen]
    return tuple(result)


def holidays_between(
    country: str, subdivision: str | None, start: date, end: date, lang: str | None = None
) -> list[Holiday]:
    """Holidays from ``start`` to ``end`` inclusive, every category the package has."""
    if end < start:
        return []
    result: list[Holiday] = []
    for year in range(start.year, end.year + 1):
        result.extend(
            h for h in holidays_for_year(country, subdivision, year, lang) if start <= h.date <= end
        )
    return result


def observed_between(
    country: str, subdivision: str | None, start: date, end: date, lang: str | None = None
) -> list[Holiday]:
    """The holidays a business there observes from ``start`` to ``end`` inclusive: those of
    :func:`holidays_between` but the school breaks alone (:attr:`Holiday.for_pupils_only`:
    pupils' days off, while their parents work; Bavaria's six weeks of "Summer Break" hid its
    real holidays). A holiday that is a school day off too stays.

    The one home of this rule: the reach-out panel (and ``accountdesk contact``), Today's
    holiday block and the reports' holiday rows (the account and portfolio reports, the trip
    brief) call it. The country's own calendar (``accountdesk country``, the Countries screen)
    lists every category, each named."""
    return [
        h for h in holidays_between(country, subdivision, start, end, lang) if not h.for_pupils_only
    ]


def by_day(holidays: Iterable[Holiday]) -> list[tuple[date, list[Holiday]]]:
    """``holidays`` a day at a time, in the order of their first day, each name of a day once
    (the first holiday of that name): Thailand's 5 December is three holidays, listed as one
    day naming the three, and a holiday asked for in two regions is named once. The one home
    of this grouping: the reach-out panel, ``accountdesk contact`` and the reports' holiday
    rows call it (Today's table keeps a row a holiday, each with its country and regions)."""
    days: dict[date, list[Holiday]] = {}
    for h in holidays:
        day = days.setdefault(h.date, [])
        if all(h.name != other.name for other in day):
            day.append(h)
    return list(days.items())


@lru_cache(maxsize=8192)
def _public_by_day(
    country: str, subdivision: str | None, year: int, wanted: str, calendar: str
) -> dict[date, Holiday]:
    days: dict[date, Holiday] = {}
    for h in _named(country, subdivision, year, wanted, calendar):
        if PUBLIC in h.categories and h.date not in days:
            days[h.date] = h
    return days


def holiday_on(
    country: str, subdivision: str | None, day: date, lang: str | None = None
) -> Holiday | None:
    """The public holiday on ``day`` there (the first, if several), or None."""
    cc = country.upper()
    wanted = (lang or current_language().code).replace("-", "_").split("_")[0].lower()
    return _public_by_day(
        cc, _norm_sub(cc, subdivision), day.year, wanted, calendar_preference()
    ).get(day)


# -- half-day holidays ---------------------------------------------------------------------

#: When a half-day holiday starts, per country (or ``"CC-SUB"`` for one region, which wins over
#: its country): a clock time (work ends then), or how much shorter the working day is. Taken
#: from the ``holidays`` package's names ("… (from 1pm)") and the laws it cites:
#:
#: - TR 13:00: arife (eve of the Bayrams) and 28 October, "saat 13.00'ten" (2429 sayılı Kanun).
#: - IS 13:00: Aðfangadagur, Gamlársdagur "frá kl. 13.00".
#: - PR, US-PR 12:00: Christmas Eve "from 12pm".
#: - BG 14:00: Бъдни вечер "след 14 ч." (1992–1995).
#: - AU-QLD 18:00, AU-NT and AU-SA 19:00: Christmas Eve (and NT's and SA's New Year's Eve)
#:   "from 6pm"/"from 7pm".
#: - EE 3 hours shorter: pühade-eelne päev, "tööpäev lüheneb 3 tunni võrra" (Employment
#:   Contracts Act § 53).
#: - CH 12:00: the cantons' half days (Solothurn's 1 May, Zürich's Knabenschiessen and
#:   Sechseläuten) are afternoons off.
#: - CN none: its half days (8 March for women, 4 May for youths, 1 August for soldiers) are off
#:   for those groups only, so a contact's working day is not shortened.
HALF_DAY_STARTS: dict[str, time | timedelta | None] = {
    "TR": time(13, 0),
    "IS": time(13, 0),
    "PR": time(12, 0),
    "US-PR": time(12, 0),
    "BG": time(14, 0),
    "AU-QLD": time(18, 0),
    "AU-NT": time(19, 0),
    "AU-SA": time(19, 0),
    "EE": timedelta(hours=3),
    "CH": time(12, 0),
    "CN": None,
}

#: A half-day holiday of a country the table does not name (the time cannot be established
#: from the package or its sources: GR, CW, FO, IT-BZ, PW, KN, US): the afternoon is off,
#: the usual meaning of a half day; a missed slot costs less than a meeting nobody attends.
HALF_DAY_DEFAULT_START = time(12, 0)


def half_day_start(country: str, subdivision: str | None) -> time | timedelta | None:
    """When a half-day holiday starts there (:data:`HALF_DAY_STARTS`, the region first, else
    :data:`HALF_DAY_DEFAULT_START`); None when it does not shorten a contact's day."""
    cc = country.upper()
    sub = _norm_sub(cc, subdivision)
    if sub is not None and f"{cc}-{sub}" in HALF_DAY_STARTS:
        return HALF_DAY_STARTS[f"{cc}-{sub}"]
    return HALF_DAY_STARTS.get(cc, HALF_DAY_DEFAULT_START)


@lru_cache(maxsize=8192)
def _half_by_day(
    country: str, subdivision: str | None, year: int, wanted: str, calendar: str
) -> dict[date, HalfDay]:
    begins = half_day_start(country, subdivision)
    if begins is None:
        return {}
    days: dict[date, HalfDay] = {}
    for h in _named(country, subdivision, year, wanted, calendar):
        if HALF_DAY in h.categories and PUBLIC not in h.categories and h.date not in days:
            if isinstance(begins, time):
                days[h.date] = HalfDay(h.date, h.name, starts=begins, estimated=h.estimated)
            else:
                days[h.date] = HalfDay(h.date, h.name, shortened=begins, estimated=h.estimated)
    return days


def half_day_on(
    country: str, subdivision: str | None, day: date, lang: str | None = None
) -> HalfDay | None:
    """The half-day holiday on ``day`` there (country and region), or None: one that is not a
    public holiday too, of a country whose half days shorten a contact's day."""
    cc = country.upper()
    wanted = (lang or current_language().code).replace("-", "_").split("_")[0].lower()
    sub = _norm_sub(cc, subdivision)
    preference = calendar_preference()
    if day in _public_by_day(cc, sub, day.year, wanted, preference):
        return None
    return _half_by_day(cc, sub, day.year, wanted, preference).get(day)


# -- shorter days --------------------------------------------------------------------------

#: Working days the law shortens during Ramadan (the country's own Ramadan,
#: :func:`accountdesk.core.culture.seasons.season_on`): how much shorter, or how long at most.
#:
#: - AE two hours shorter: private-sector hours under the labour law's executive regulations
#:   (Federal Decree-Law 33 of 2021).
#: - SA, QA, KW, BH, OM six hours at most (36 a week): the labour laws' Ramadan limits (for
#:   Muslim employees in Saudi Arabia, Bahrain and Oman; the app cannot know who is, and an
#:   afternoon slot that nobody attends costs more than a missed one).
RAMADAN_HOURS: dict[str, tuple[timedelta | None, timedelta | None]] = {
    "AE": (timedelta(hours=2), None),
    "SA": (None, timedelta(hours=6)),
    "QA": (None, timedelta(hours=6)),
    "KW": (None, timedelta(hours=6)),
    "BH": (None, timedelta(hours=6)),
    "OM": (None, timedelta(hours=6)),
}


#: Weekdays that are short every week (0 = Monday): how long they last at most.
#:
#: - IR Thursday, mornings only: the last day of the week is a half day in most businesses
#:   (banks close at noon) and many government offices do not open at all; parliament voted in
#:   2025 for a Thursday–Friday weekend in government.
#: - AE Friday, three hours: the federal government works 07:30–12:00 on Fridays (since
#:   1 January 2022, u.ae "Working hours in the government sector"), before the Friday
#:   prayer, and many semi-government and private offices close for it too; from the 09:00 an
#:   office there opens, that is noon.
SHORT_WEEKDAYS: dict[str, dict[int, timedelta]] = {
    "AE": {4: timedelta(hours=3)},
    "IR": {3: timedelta(hours=5)},
}


#: Working days that end earlier when a public holiday follows them: by how much. The day
#: right before the holiday, when it is a working day (a Friday before a Monday holiday is
#: not shortened; one before a Saturday holiday is), and not before a day off that is a
#: working day moved (:func:`_short_day_name`). The ``holidays`` package has no such days;
#: Estonia's three hours are its half days (:data:`HALF_DAY_STARTS`).
#:
#: - LV one hour: "Darba dienas, kas ir pirms svētku dienām, saīsina par vienu stundu" (the
#:   Labour Law, Darba likums, section 135).
#: - RU one hour: the Labour Code, article 95 (the production calendar's shortened days:
#:   30 April, 8 May, 11 June and 3 November 2026).
#: - BY one hour: the Labour Code, article 116.
SHORTER_BEFORE_HOLIDAY: dict[str, timedelta] = {
    "BY": timedelta(hours=1),
    "LV": timedelta(hours=1),
    "RU": timedelta(hours=1),
}


@dataclass(frozen=True)
class ShorterDays:
    """Days the law shortens in a country, as its tables say: the day before a public
    holiday (:data:`SHORTER_BEFORE_HOLIDAY`), the country's own Ramadan
    (:data:`RAMADAN_HOURS`) or a weekday (:data:`SHORT_WEEKDAYS`); by how much (``shortened``)
    or how long they last at most (``at_most``)."""

    kind: Literal["before_holiday", "ramadan", "weekday"]
    shortened: timedelta | None = None
    at_most: timedelta | None = None
    weekday: int | None = None  # 0 = Monday, for a weekday

    @property
    def name(self) -> str:
        """What the days are, in the UI language: "Day before a public holiday", "Ramadan",
        "Thursday" (the Countries screen and ``accountdesk country``)."""
        if self.kind == "before_holiday":
            return _("Day before a public holiday")
        if self.kind == "ramadan":
            from accountdesk.core.culture.seasons import season_name

            return season_name("ramadan")
        from accountdesk.core.culture.profile import weekday_name

        return weekday_name(self.weekday or 0)


def shorter_days(country: str) -> tuple[ShorterDays, ...]:
    """The days the law shortens in ``country``: the one reading of the tables, in the order
    :func:`short_day_on` names them (the day before a holiday, Ramadan, the weekdays; on a
    day several of them shorten, the most restrictive applies)."""
    cc = country.upper()
    found: list[ShorterDays] = []
    before = SHORTER_BEFORE_HOLIDAY.get(cc)
    if before is not None:
        found.append(ShorterDays("before_holiday", shortened=before))
    if cc in RAMADAN_HOURS:
        shortened, at_most = RAMADAN_HOURS[cc]
        found.append(ShorterDays("ramadan", shortened=shortened, at_most=at_most))
    for weekday, longest in sorted(SHORT_WEEKDAYS.get(cc, {}).items()):
        found.append(ShorterDays("weekday", at_most=longest, weekday=weekday))
    return tuple(found)


def short_day_on(
    country: str, subdivision: str | None, day: date, lang: str | None = None
) -> ShortDay | None:
    """Why the working day ``day`` is shorter there (:func:`shorter_days`: the day before a
    public holiday, the country's own Ramadan, a short weekday), or None. The name is
    "Day before …" the holiday's, Ramadan's, or the weekday's. A day that several rules
    shorten is as short as the most restrictive of them makes it (:meth:`ShortDay.of_all`):
    a Friday in Ramadan in the Emirates ends at noon as every Friday does, not at 16:00 as
    Ramadan's other days (the first rule that applied was taken)."""
    cc = country.upper()
    found: list[ShortDay] = []
    for rule in shorter_days(cc):
        name = _short_day_name(rule, cc, subdivision, day, lang)
        if name is not None:
            found.append(ShortDay(day, name, shortened=rule.shortened, at_most=rule.at_most))
    if not found:
        return None
    with use_language(lang or current_language().code):
        return ShortDay.of_all(found, join_list(d.name for d in found))


def _short_day_name(
    rule: ShorterDays, cc: str, subdivision: str | None, day: date, lang: str | None
) -> str | None:
    """The name of ``day`` when ``rule`` shortens it, else None."""
    if rule.kind == "before_holiday":
        following = holiday_on(cc, subdivision, day + timedelta(days=1), lang)
        english = holiday_on(cc, subdivision, day + timedelta(days=1), "en")
        # a holiday, not a working day moved onto it ("Day off (in place of 27 Jun 2026)")
        if following is None or not english or _MOVED_IN_ENGLISH.match(english.name):
            return None
        with use_language(lang or current_language().code):
            return _("Day before {name}").format(name=isolate(following.name))
    if rule.kind == "ramadan":
        from accountdesk.core.culture.seasons import season_on

        fast = season_on(cc, "ramadan", day, lang)
        return None if fast is None else fast.name
    if day.weekday() != rule.weekday:
        return None
    with use_language(lang or current_language().code):
        return rule.name
