"""The translation facade and locale-aware formatting.

Mark every user-visible string: ``_("Accounts")`` translates now, ``N_("Accounts")`` marks a
string that is translated later (module-level tables), ``ngettext`` chooses a plural form
(Latvian and Slovenian have several) and ``pgettext`` adds a context for short, ambiguous words.
Translate first, then format with named placeholders; a number of things is a plural::

    _("Contacts in {country}").format(country=name)
    ngettext("{n} contact", "{n} contacts", n).format(n=format_number(n))

The language is process-wide (the UI language, :func:`set_language`) and can be overridden for
one piece of work, for example a report in the customer's language, with :func:`use_language`;
the override is a context variable, so a report built on a worker thread does not change the UI.
"""

from __future__ import annotations

import gettext
import importlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from decimal import Decimal
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from accountdesk.core.bidi import LRM, RLM, direction, isolate, ltr, plain
from accountdesk.core.calendars import (
    BUDDHIST,
    BUDDHIST_ERA,
    BUDDHIST_ERA_OFFSET,
    GREGORIAN,
    PERSIAN,
    PERSIAN_ERA,
    PERSIAN_MONTHS,
    buddhist_year,
    default_calendar,
    gregorian_to_jalali,
    jalali_to_gregorian,
    written_in,
    year_of,
)
from accountdesk.core.paths import translations_dir

if TYPE_CHECKING:
    from babel import Locale

DOMAIN = "accountdesk"


def _babel(module: str) -> Any:
    """A Babel module, imported when first needed: a quick command (``search``) that formats
    no date or number does not pay for Babel's import (about 20 ms)."""
    return importlib.import_module(f"babel.{module}")


@dataclass(frozen=True)
class Language:
    code: str  # gettext / UI code: en, lv, sl, th, tr, fa
    locale: str  # Babel / CLDR locale used for formatting
    rtl: bool = False
    #: Gregorian dates typed in ISO 8601 order (2027-03-22) instead of the locale's own: its
    #: readers write day-first and month-first alike (see :func:`format_date_input`).
    iso_date_input: bool = False


LANGUAGES: dict[str, Language] = {
    "en": Language("en", "en_GB", iso_date_input=True),
    "lv": Language("lv", "lv_LV"),
    "sl": Language("sl", "sl_SI"),
    "th": Language("th", "th_TH"),
    "tr": Language("tr", "tr_TR"),
    "fa": Language("fa", "fa_IR", rtl=True),
}
DEFAULT_LANGUAGE = "en"

_ui_language: str = DEFAULT_LANGUAGE
_override: ContextVar[str | None] = ContextVar("accountdesk_language", default=None)


class UnknownLanguageError(ValueError):
    pass


def normalize_language(code: str) -> str:
    """Map ``fa_IR``, ``th-TH`` or ``TR`` to a supported language code, or raise."""
    base = code.replace("-", "_").split("_")[0].lower()
    if base not in LANGUAGES:
        raise UnknownLanguageError(code)
    return base


@cache
def _catalog(code: str) -> gettext.NullTranslations:
    if code == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, translations_dir(), [code], fallback=True)


def set_language(code: str) -> None:
    """Set the UI language (process-wide)."""
    global _ui_language
    _ui_language = normalize_language(code)


def current_language() -> Language:
    return LANGUAGES[_override.get() or _ui_language]


def current_locale() -> Locale:
    return _babel_locale(current_language().locale)


@cache
def _babel_locale(name: str) -> Locale:
    found: Locale = _babel("core").Locale.parse(name)
    return found


def is_rtl() -> bool:
    return current_language().rtl


def ltr_shown(value: object) -> str:
    """Text that reads left to right inside a message: a file's path, a folder, an address (a
    URL), an example to type ("09:00-17:00"). In a right-to-left language one left-to-right
    unit (:func:`~accountdesk.core.bidi.ltr`), or Persian showed "/tmp/a.db" as "tmp/a.db/";
    elsewhere as it is, so a path copied out of a message has no hidden marks."""
    text = str(value)
    return ltr(text) if is_rtl() else text


@contextmanager
def use_language(code: str) -> Iterator[Language]:
    """Translate and format in ``code`` inside the block (this thread/context only)."""
    token = _override.set(normalize_language(code))
    try:
        yield current_language()
    finally:
        _override.reset(token)


def _translations() -> gettext.NullTranslations:
    return _catalog(current_language().code)


@lru_cache(maxsize=8192)
def _right_to_left(text: str) -> str:
    """A translation into a right-to-left language as it is shown: one that starts with a
    Latin word ("AccountDesk …", "CSV: …") but is written in the language's letters starts
    with a right-to-left mark, or Qt and a terminal lay the whole sentence out left to right,
    so it reads backwards from the right. Placeholders are not words: what fills them is
    isolated where it is put (names by ``isolate``, paths by :func:`ltr_shown`)."""
    words = _PLACEHOLDER.sub("", text)
    if direction(words) is False and any(
        unicodedata.bidirectional(ch) in ("R", "AL") for ch in words
    ):
        return RLM + text
    return text


_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _shown(text: str) -> str:
    # argparse asks for None's translation (a help left out): it gets None back
    return _right_to_left(text) if text and current_language().rtl else text


def _(message: str) -> str:
    return _shown(_translations().gettext(message))


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now."""
    return message


def NP_(context: str, message: str) -> str:
    """Mark ``message`` for extraction in ``context`` without translating it now (translated
    later with :func:`pgettext` and the same context)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _shown(_translations().ngettext(singular, plural, n))


def pgettext(context: str, message: str) -> str:
    return _shown(_translations().pgettext(context, message))


def catalog_pgettext(context: str, message: str) -> str | None:
    """``message`` in ``context`` as the current language's catalog has it, None when the
    catalog has no translation of it (:func:`pgettext` gives the message itself back then,
    which cannot be told from a translation that is the same word: "Purim")."""
    catalog = getattr(_translations(), "_catalog", None)
    found = catalog.get(f"{context}\x04{message}") if catalog is not None else None
    return _shown(found) if isinstance(found, str) and found else None


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _shown(_translations().npgettext(context, singular, plural, n))


def source_text(shown: str) -> str | None:
    """The message whose translation into the current language :func:`_` shows as ``shown``,
    None when there is none (English, or text that is no translation). For what is chosen by
    the English text, such as a menu item's accelerator letter (``ui/mnemonics.py``); of two
    messages translated alike, the first in the catalog."""
    return _sources(current_language().code).get(shown)


@cache
def _sources(code: str) -> dict[str, str]:
    catalog: dict[object, object] = getattr(_catalog(code), "_catalog", None) or {}
    found: dict[str, str] = {}
    with use_language(code):
        for message, translation in catalog.items():
            # the header ("") and messages with a context or a plural are left out
            plain = isinstance(message, str) and message and "\x04" not in message
            if plain and isinstance(translation, str) and translation:
                found.setdefault(_shown(translation), str(message))
    return found


@cache
def every_translation(message: str) -> frozenset[str]:
    """``message`` and its translation into every UI language, as :func:`_` shows each: what
    a text stored in the language of its day may be (stay in touch's "Stay in touch").
    Computed once per message; :func:`reload_catalogs` forgets it."""
    found = {message}
    for code in LANGUAGES:
        with use_language(code):
            found.add(_(message))
    return frozenset(found)


def reload_catalogs() -> None:
    """Forget loaded catalogs (after compiling new ones), and what was read from them."""
    _catalog.cache_clear()
    _sources.cache_clear()
    every_translation.cache_clear()


# --- formatting ---------------------------------------------------------------------------

_NATIVE_DIGITS = {"fa": str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")}


def native_digits(text: str, lang: str) -> str:
    """ASCII digits in ``text`` written in the native digits of ``lang`` (Persian: ۰۱۲…);
    unchanged for languages that use ASCII digits. The one table of native digits."""
    table = _NATIVE_DIGITS.get(lang.replace("-", "_").split("_")[0].lower())
    return text.translate(table) if table else text


def localize_digits(text: str) -> str:
    """Write ASCII digits in the current language's native digits (Persian: ۰۱۲…)."""
    return native_digits(text, current_language().code)


# --- dates: one home for every date and date-time in the UI, the CLI and the PDFs ------------
#
# A date is written in the calendar of the language (Solar Hijri for Persian, the Buddhist era
# for Thai, Gregorian otherwise) unless the user chose Gregorian (the "ui.calendar" setting,
# given to :func:`set_calendar_preference` at start-up); a day outside the Solar Hijri years
# 1 … 3177 (before 622 or after March 3799) is written in the Gregorian calendar, in the
# language's digits (:func:`accountdesk.core.calendars.written_in`). Styles (short, medium,
# long, full) are CLDR's patterns of the language; other sets of fields (a weekday and day
# without the year) are CLDR skeletons, :func:`format_skeleton`, which finds the language's
# own pattern. The fields that depend on the calendar (era, year, month, day) are filled in
# here, the rest by Babel.

AUTO = "auto"
CALENDAR_PREFERENCES = (AUTO, GREGORIAN)
_STYLES = ("short", "medium", "long", "full")
_calendar_preference = AUTO
#: A CLDR pattern: a quoted literal, or a run of one field letter.
_PATTERN_PART = re.compile(r"'(?:[^']|'')*'|([A-Za-z])\1*")


def set_calendar_preference(value: str) -> None:
    """``auto``: each language's own calendar; ``gregorian``: Gregorian in every language."""
    global _calendar_preference
    if value not in CALENDAR_PREFERENCES:
        raise ValueError(value)
    _calendar_preference = value


def calendar_preference() -> str:
    return _calendar_preference


def current_calendar() -> str:
    """The calendar dates are written in now: gregorian, persian or buddhist."""
    if _calendar_preference == GREGORIAN:
        return GREGORIAN
    return default_calendar(current_language().code)


def _style_pattern(fmt: str, cal: str) -> str:
    if fmt not in _STYLES:
        return fmt
    if cal == PERSIAN and fmt == "short":
        return "y/MM/dd"  # as written in Iran: ۱۴۰۶/۰۱/۰۲
    return str(current_locale().date_formats[fmt].pattern)


def _calendar_fields(value: date, pattern: str, cal: str) -> str:
    """``pattern`` with its era, year, month and day fields written out for ``cal`` (as
    quoted literals), so Babel, which knows only the Gregorian calendar, formats the rest."""
    if cal == GREGORIAN:
        return pattern
    if cal == PERSIAN:
        year, month, day = gregorian_to_jalali(value)
        era = PERSIAN_ERA
    elif cal == BUDDHIST:
        year, month, day = buddhist_year(value), value.month, value.day
        era = BUDDHIST_ERA
    else:
        raise ValueError(f"unknown calendar {cal!r}")

    def field(found: re.Match[str]) -> str:
        token = found.group(0)
        letter, width = token[0], len(token)
        if letter == "'":
            return token
        if letter in "yYu":
            text = f"{year % 100:02d}" if width == 2 else f"{year:0{width}d}"
        elif letter == "G":
            text = era[1] if width == 4 else era[0]
        elif cal != PERSIAN:
            return token
        elif letter in "ML":
            name = PERSIAN_MONTHS[month - 1]
            text = f"{month:0{width}d}" if width <= 2 else name if width < 5 else name[0]
        elif letter == "d":
            text = f"{day:0{width}d}"
        elif letter == "D":
            first = jalali_to_gregorian(year, 1, 1)
            text = f"{value.toordinal() - first.toordinal() + 1:0{width}d}"
        else:
            return token
        return "'" + text.replace("'", "''") + "'"

    return _PATTERN_PART.sub(field, pattern)


def format_date(value: date, fmt: str = "medium", *, calendar: str | None = None) -> str:
    """``value`` in the current language and calendar (``calendar`` overrides the latter);
    ``fmt`` is short, medium, long, full or a CLDR pattern of date fields."""
    if isinstance(value, datetime):
        value = value.date()
    cal = written_in(value, calendar or current_calendar())
    pattern = _calendar_fields(value, _style_pattern(fmt, cal), cal)
    return localize_digits(_babel("dates").format_date(value, pattern, locale=current_locale()))


def format_time(value: time | datetime, fmt: str = "short", tz: tzinfo | None = None) -> str:
    if isinstance(value, datetime) and tz is not None:
        value = value.astimezone(tz)
    return localize_digits(_babel("dates").format_time(value, format=fmt, locale=current_locale()))


def format_datetime(value: datetime, fmt: str = "medium", tz: tzinfo | None = None) -> str:
    """``value`` (in ``tz`` when given) as date and time: a style (the date in that style and
    the time in that style, joined as the language does) or a CLDR pattern."""
    return _datetime_text(value, fmt, fmt if fmt in _STYLES else None, tz)


def format_when(value: datetime, tz: tzinfo | None = None, date_fmt: str = "medium") -> str:
    """The date and time shown in lists, panels and the command line: the date (medium, or
    ``date_fmt``: a style or a pattern of date fields) and the hours and minutes, joined as
    the language does (``21 Mar 2026, 10:00``; ``۱ فروردین ۱۴۰۵،‏ ۱۰:۰۰``). A day without its
    year ("Wed, Dec 2") is :func:`format_skeleton`'s: its order and punctuation are the
    language's."""
    return _datetime_text(value, date_fmt, "short", tz)


def _datetime_text(
    value: datetime,
    date_fmt: str,
    time_fmt: str | None,
    tz: tzinfo | None,
    glue_style: str | None = None,
) -> str:
    """The date (a style or a pattern) and the time (a style) joined as the language does (by
    the glue of ``glue_style``, else of the date's style, else medium's), or ``date_fmt`` as
    the whole pattern when ``time_fmt`` is None."""
    if tz is not None:
        value = value.astimezone(tz)
    cal = written_in(value.date(), current_calendar())
    locale = current_locale()
    if time_fmt is not None:
        glue_style = glue_style or (date_fmt if date_fmt in _STYLES else "medium")
        glue = str(locale.datetime_formats[glue_style])
        pattern = glue.replace("{0}", str(locale.time_formats[time_fmt].pattern)).replace(
            "{1}", _style_pattern(date_fmt, cal)
        )
    else:
        pattern = date_fmt
    pattern = _calendar_fields(value.date(), pattern, cal)
    return localize_digits(_babel("dates").format_datetime(value, pattern, locale=locale))


#: Fields of a skeleton or pattern that name the same thing in another width or form: a
#: weekday (E, c, e), a month (M, L: the form used in a date and the one standing alone).
_SAME_FIELD = {"c": "E", "e": "E", "L": "M"}


def _skeleton_pattern(skeleton: str) -> str:
    """The current language's CLDR pattern for ``skeleton`` (date fields without order or
    punctuation: "MMMEd"), or for its closest skeleton when the language has no pattern for
    it, with its weekday, month and era as wide as ``skeleton`` asks (ICU's pattern generator
    does the same): "MMMMEEEEd" is "EEEE, d. MMMM" in Slovenian, which has only "MMMEd"."""
    skeletons = current_locale().datetime_skeletons
    found = skeleton
    if found not in skeletons:
        found = _babel("dates").match_skeleton(skeleton, skeletons)
        if found is None:
            raise ValueError(f"no pattern for the date skeleton {skeleton!r}")
    pattern = str(skeletons[found].pattern)
    asked = {
        _SAME_FIELD.get(part[0], part[0]): len(part)
        for part in (m.group(0) for m in _PATTERN_PART.finditer(skeleton))
    }

    def widen(found_part: re.Match[str]) -> str:
        token = found_part.group(0)
        letter = token[0]
        width = asked.get(_SAME_FIELD.get(letter, letter))
        # only names are widened or narrowed (E to EEE is a short weekday name, c and M are
        # numbers up to two letters); a number keeps the language's width (d, dd)
        named = letter in "EG" or (letter in "cLM" and len(token) >= 3)
        if named and width is not None and width >= 3:
            return letter * width
        return token

    return _PATTERN_PART.sub(widen, pattern)


def _glue_style(skeleton: str) -> str:
    """Which of the language's date-time glues joins a date of ``skeleton`` to its time: full
    with a month's and a weekday's full names, long with a month's full name, medium with a
    month's short name, else short (as ICU chooses)."""
    if "MMMM" in skeleton or "LLLL" in skeleton:
        return "full" if "EEEE" in skeleton or "cccc" in skeleton else "long"
    if "MMM" in skeleton or "LLL" in skeleton:
        return "medium"
    return "short"


def format_skeleton(
    value: date | datetime,
    skeleton: str,
    *,
    tz: tzinfo | None = None,
    time: bool = False,
    calendar: str | None = None,
) -> str:
    """``value`` with the fields of the CLDR ``skeleton`` in the order, punctuation and case
    of the current language and in its calendar (``calendar`` overrides it): "MMMEd" is
    "Wed, Dec 2", "trešd., 2. dec.", "sre., 2. dec."; "MMMMEEEEd" is "Wednesday, December 2",
    "ponedeljek, 30. november"; "yMMMEd" adds the year, "Ed" is the weekday and day alone.
    Use it for any date that is not one of the four styles of :func:`format_date`, never a
    pattern such as "EEE d MMM" written for English. ``time``: the hours and minutes follow,
    joined as the language joins such a date to a time (``value`` is then a datetime, shown
    in ``tz`` when given)."""
    pattern = _skeleton_pattern(skeleton)
    if not time:
        if isinstance(value, datetime) and tz is not None:
            value = value.astimezone(tz)
        return format_date(value, pattern, calendar=calendar)
    if not isinstance(value, datetime):
        raise TypeError("a time needs a datetime")
    if calendar is not None and calendar != current_calendar():
        raise ValueError("a date with its time is written in the current calendar")
    return _datetime_text(value, pattern, "short", tz, _glue_style(skeleton))


def format_when_near(value: datetime, tz: tzinfo | None, now: datetime) -> str:
    """:func:`format_when` without the year when ``value`` is in the year of ``now`` (both as
    seen in ``tz``; a year of the calendar dates are written in: 2026-03-15 is in Solar Hijri
    1404, 2026-03-25 in 1405). For lists of what is due or has just happened, where the year
    only takes room: "25. nov. 11:00" for "2026. gada 25. nov. 11:00"; a date of another year
    keeps it."""
    if tz is not None:
        value, now = value.astimezone(tz), now.astimezone(tz)
    if _same_year(value.date(), now.date()):
        return format_skeleton(value, "MMMd", tz=tz, time=True)
    return format_when(value, tz)


def format_day_near(day: date, today: date) -> str:
    """:func:`format_date` (medium) without the year when ``day`` is in the year of ``today``,
    as :func:`format_when_near`: "6. dec." for "2026. gada 6. dec."."""
    return format_skeleton(day, "MMMd") if _same_year(day, today) else format_date(day, "medium")


def _same_year(day: date, today: date) -> bool:
    """Whether ``day`` is in the year of ``today`` in the calendar dates are written in."""
    cal = current_calendar()
    return written_in(day, cal) == written_in(today, cal) and year_of(day, cal) == year_of(
        today, cal
    )


def date_samples(fmt: str = "medium", *, time: bool = False) -> list[str]:
    """Dates as :func:`format_date` writes them in ``fmt`` (with ``time``, as
    :func:`format_when` writes them with their hours and minutes), on days that give every
    month and weekday of the current calendar its name, with two-digit days and hours in the
    morning and the afternoon: what a column of such dates can show, to size it by (how wide
    each is depends on the font)."""
    days = [date(2026, month, day) for month in range(1, 13) for day in (12, 28)]
    days += [date(2026, 9, 21) + timedelta(days=n) for n in range(7)]  # Monday to Sunday
    if not time:
        return [format_date(day, fmt) for day in days]
    return [
        format_when(datetime(day.year, day.month, day.day, hour, 58, tzinfo=UTC), UTC, fmt)
        for day in days
        for hour in (10, 22)
    ]


def _bucket_year(day: date) -> int:
    """The year of a Gregorian month or quarter: the Buddhist era's in Thai (it counts the
    same years), else the Gregorian one (a Gregorian month or quarter straddles two Solar
    Hijri months or years)."""
    return buddhist_year(day) if current_calendar() == BUDDHIST else day.year


def format_quarter(day: date, *, compact: bool = False) -> str:
    """The quarter of the current calendar's year that holds ``day``: "Q1 2026"; ``compact``:
    "2026 Q1" with no word to translate. A Solar Hijri quarter begins on 1 Farvardin, 1 Tir,
    1 Mehr or 1 Dey; the Buddhist era counts the Gregorian quarters with its own year (the
    buckets of :func:`accountdesk.core.metrics.calendar_periods`)."""
    if written_in(day, current_calendar()) == PERSIAN:
        year, month, _day = gregorian_to_jalali(day)
    else:
        year, month = _bucket_year(day), day.month
    quarter = (month - 1) // 3 + 1
    if compact:
        return localize_digits(f"{year} Q{quarter}")
    return localize_digits(_quarter_of_year(quarter).format(year=year))


def _quarter_of_year(quarter: int) -> str:
    """The label of the ``quarter``-th quarter of a year, "Q3 {year}": a message of its own
    per quarter, so that a language writes it as an ordinal ("سه‌ماهه سوم {year}", not
    "سه‌ماهه ۳ ۱۴۰۴" with two numbers side by side)."""
    labels = (
        pgettext("the first quarter of a year", "Q1 {year}"),
        pgettext("the second quarter of a year", "Q2 {year}"),
        pgettext("the third quarter of a year", "Q3 {year}"),
        pgettext("the fourth quarter of a year", "Q4 {year}"),
    )
    return labels[quarter - 1]


def format_month_compact(day: date) -> str:
    """The month of the current calendar that holds ``day``, short, with the year in full, for
    chart axes and notes: "Nov 2026", "آبان ۱۴۰۵" (Solar Hijri), "พ.ย. พ.ศ. 2569" (the
    Buddhist era labelled). The reports' month buckets are the same calendar's
    (:func:`accountdesk.core.calendars.spans`)."""
    skeleton = "GyMMM" if current_calendar() == BUDDHIST else "yMMM"
    # the era stays on the line of its year when a chart label wraps
    return format_date(day, _skeleton_pattern(skeleton).replace("G y", "G\u00a0y"))


def format_month_day(month: int, day: int) -> str:
    """A yearly date with no year (a birthday whose year is not known): the Gregorian month
    and day in the language (``17 May``), since it falls on a different day of the Persian
    calendar from year to year."""
    value = date(2000, month, day)  # a leap year: 29 February exists
    return format_skeleton(value, "MMMd", calendar=GREGORIAN)


def format_yearly_date(month: int, day: int, year: int | None) -> str:
    """A contact's yearly date (a birthday, an anniversary) as a page, a preview, a report
    or the duplicates' sheet shows it: with its year, a date of the language's calendar;
    without, the Gregorian month and day (:func:`format_month_day`)."""
    return format_date(date(year, month, day)) if year else format_month_day(month, day)


# --- dates typed by the user ----------------------------------------------------------------
#
# A date field shows and takes the numbers of the current calendar: 2027-03-22 (Gregorian),
# in the day-first order of the language's CLDR short date where it has one (22.03.2027 in
# Turkish and Latvian, 22. 03. 2027 in Slovenian; not in English, see Language: there a date
# typed day-first or month-first is taken when it reads one way only), ۱۴۰۶/۰۱/۰۱
# (Solar Hijri), 22/03/2570 (Buddhist era). ISO 8601 keeps working everywhere: a
# four-digit year from 1700 is Gregorian, 1300–1500 in Persian is Solar Hijri, from 2400 in
# Thai the Buddhist era. Native digits (Persian, Arabic-Indic, Thai …) are read as digits.
# A day-first date written with dots may end in one: Latvian writes the year as an ordinal
# ("30.11.2026."), and Slovenes often type "30. 11. 2026." out of the same habit.

_EXAMPLE_DAY = datetime(2027, 3, 22, 10, 0)
_YEAR_FIRST = re.compile(r"(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})", re.ASCII)
_DAY_FIRST = re.compile(r"(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})(\s*\.)?", re.ASCII)
#: A date and HH:MM: between them a space, a ``T`` or a comma (Persian's "،" too).
_WALL_TIME = re.compile(r"(.*?\d\.?)(?:\s*T\s*|\s*[,،]\s*|\s+)(\d{1,2})[:.](\d{2})", re.ASCII)


class DateInputError(ValueError):
    """Text that is not a date (or date and time); the message is the reason, for the user."""


def ascii_digits(text: str) -> str:
    """``text`` with native digits written as ASCII ones and without bidi marks (a date copied
    from a Persian label carries them)."""
    return "".join(
        str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch
        for ch in plain(text)
    )


def format_date_input(value: date) -> str:
    """``value`` as a date field shows it, in the numbers of the current calendar: day and
    month with a leading zero where the language's short date pattern has one
    (:func:`day_month_input`), the year in full."""
    cal = written_in(value, current_calendar())
    if cal == PERSIAN:
        year, month, day = gregorian_to_jalali(value)
        shown_day, shown_month = day_month_input(day, month, cal)
        text = f"{year:04d}/{shown_month}/{shown_day}"
    elif cal == BUDDHIST:
        shown_day, shown_month = day_month_input(value.day, value.month, cal)
        text = f"{shown_day}/{shown_month}/{buddhist_year(value):04d}"
    else:
        separator = _day_first_separator()
        if separator is None:
            text = value.isoformat()
        else:
            shown_day, shown_month = day_month_input(value.day, value.month, cal)
            text = f"{shown_day}{separator}{shown_month}{separator}{value.year:04d}"
    return localize_digits(text)


def day_month_input(day: int, month: int, cal: str | None = None) -> tuple[str, str]:
    """``day`` and ``month`` (ASCII digits) as the date fields write them in ``cal`` (the
    current calendar by default): with a leading zero where the language's short date pattern
    writes two letters (CLDR: Latvian "dd.MM.yy" 09.03., Slovenian "d. M. yy" 9. 3., Turkish
    "d.MM.y" 9.03., Thai "d/M/yy" 9/3; the Solar Hijri "y/MM/dd" ۱۴۰۶/۰۱/۰۲), without one
    where it writes one. The readers take either (:func:`parse_date_input`)."""
    pattern = _style_pattern("short", cal or current_calendar())
    widths = {"d": 1, "M": 1}
    for found in _PATTERN_PART.finditer(pattern):
        letter = found.group(1)
        if letter in ("d", "M", "L"):
            widths["M" if letter == "L" else letter] = min(len(found.group(0)), 2)
    return f"{day:0{widths['d']}d}", f"{month:0{widths['M']}d}"


def _day_first_separator() -> str | None:
    """What separates day, month and year in the language's short Gregorian date (CLDR) when
    it writes the day first ("." in Turkish and Latvian, ". " in Slovenian); None when it
    writes the year or the month first, or the language types ISO 8601 (``iso_date_input``)."""
    if current_language().iso_date_input:
        return None
    pattern = str(current_locale().date_formats["short"].pattern)
    found = re.fullmatch(r"d{1,2}([-/.] ?)M{1,2}\1y+", pattern)
    return found.group(1) if found else None


def format_datetime_input(value: datetime) -> str:
    """A naive wall time as a date-and-time field shows it: the date field's text, then HH:MM."""
    return format_date_input(value.date()) + " " + localize_digits(f"{value:%H:%M}")


def _pattern_placeholder() -> bool:
    """Whether a date field's placeholder is the pattern ``YYYY-MM-DD``: a Gregorian date
    written year first, in a language written in ASCII digits. Elsewhere it is an example date
    as the field takes it: in another calendar or order, and in a language with digits of its
    own (Persian with Gregorian dates showed the Latin "YYYY-MM-DD"; now "۲۰۲۷-۰۳-۲۲")."""
    return (
        current_calendar() == GREGORIAN
        and _day_first_separator() is None
        and localize_digits("0") == "0"
    )


def date_input_placeholder() -> str:
    """The placeholder of a date field: ``YYYY-MM-DD``, or an example date
    (:func:`_pattern_placeholder`)."""
    if _pattern_placeholder():
        return _("YYYY-MM-DD")
    return format_date_input(_EXAMPLE_DAY.date())


def datetime_input_placeholder() -> str:
    """The placeholder of a date-and-time field: ``YYYY-MM-DD HH:MM``, or an example."""
    if _pattern_placeholder():
        return _("YYYY-MM-DD HH:MM")
    return format_datetime_input(_EXAMPLE_DAY)


def datetime_input_example() -> str:
    """An example of a date and time as typed (for messages: "write it like …")."""
    return format_datetime_input(_EXAMPLE_DAY)


def _date_error() -> DateInputError:
    return DateInputError(
        _("is not a date; write it like {example}").format(
            example=format_date_input(_EXAMPLE_DAY.date())
        )
    )


def _date_of(year: int, month: int, day: int) -> date:
    lang = current_language().code
    if lang == "fa" and 1300 <= year <= 1500:
        return jalali_to_gregorian(year, month, day)
    if lang == "th" and year >= 2400:
        year -= BUDDHIST_ERA_OFFSET
    elif lang == "fa" and year < 1700:
        raise ValueError(year)
    return date(year, month, day)


def parse_date_input(text: str) -> date:
    """The date typed in a date field (see above); DateInputError says why not."""
    cleaned = ascii_digits(text).strip()
    found = _YEAR_FIRST.fullmatch(cleaned)
    if found is not None:
        year, _sep, month, day = found.groups()
    else:
        found = _DAY_FIRST.fullmatch(cleaned)
        if found is None:
            raise _date_error()
        day, separator, month, year, final_dot = found.groups()
        if final_dot and separator != ".":
            raise _date_error()
        if current_language().iso_date_input:
            return _either_order(int(year), int(month), int(day))
    try:
        return _date_of(int(year), int(month), int(day))
    except ValueError:
        raise _date_error() from None


def _either_order(year: int, second: int, first: int) -> date:
    """A date typed day-first or month-first in a language whose readers write both
    (``iso_date_input``: "3/12/2025"): the one reading that is a date, else refused showing
    both in the order the field's placeholder shows, never guessed."""
    readings = set()
    for month, day in ((second, first), (first, second)):
        try:
            readings.add(_date_of(year, month, day))
        except ValueError:
            continue
    if not readings:
        raise _date_error()
    if len(readings) == 1:
        return readings.pop()
    one, other = (
        format_date_input(d) for d in (date(year, second, first), date(year, first, second))
    )
    raise DateInputError(
        _("is unclear: write {first} or {second}, whichever you mean").format(
            first=one, second=other
        )
    )


def parse_datetime_input(text: str) -> datetime:
    """A naive wall time typed as a date (as :func:`parse_date_input` takes it) and HH:MM,
    separated by a space, a ``T`` or a comma (the Persian "،" too, as Persian dates are shown
    with it); DateInputError says why not."""
    found = _WALL_TIME.fullmatch(ascii_digits(text).strip())
    error = DateInputError(
        _("write the date and time as {example}").format(example=datetime_input_example())
    )
    if found is None:
        raise error
    day_text, hour, minute = found.groups()
    try:
        return datetime.combine(parse_date_input(day_text), time(int(hour), int(minute)))
    except ValueError:
        raise error from None


def _number(value: int | float | Decimal, pattern: str | None = None) -> str:
    text = _babel("numbers").format_decimal(
        value, format=pattern, locale=current_locale(), numbering_system="default"
    )
    return _cldr_signs(localize_digits(text), value < 0)


def _cldr_signs(text: str, negative: bool) -> str:
    """``text`` (a number Babel formatted) with the language's own minus and percent signs.

    In a CLDR pattern "-" and "%" stand for the locale's symbols, but Babel writes them as
    they are. Persian's are "\u200e−" (a left-to-right mark before U+2212, so that the minus
    stays on the left of the digits in right-to-left text: ‎−۳۳٪, not ۳۳-) and "٪";
    Slovenian's minus is U+2212."""
    if negative:
        text = text.replace("-", _number_symbol("minusSign"), 1)
    return text.replace("%", _number_symbol("percentSign"))


def _number_symbol(name: str) -> str:
    """A number symbol of the current language in its own numbering system (CLDR)."""
    locale = current_locale()
    return str(locale.number_symbols[locale.default_numbering_system][name])


def as_shown(value: float | Decimal, digits: int = 0) -> Decimal:
    """``value`` rounded as :func:`format_decimal` and :func:`format_percent` write it with
    ``digits`` decimals (half to even, as Babel rounds): the figure a reader sees, from which
    a change beside it is computed (85.3 % and 89.7 % change by −4.4 pp, not by the −4.3 of
    85.333 − 89.655)."""
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-digits))


def format_change(value: float | Decimal, digits: int = 0, *, percent: bool = False) -> str:
    """A change with its sign as the language writes it: "+3", "−2.5", "+12.0%" (Persian
    "‎+۳", "‎−۲٫۵"); no sign when it rounds to 0. ``percent``: ``value`` is a percentage."""
    amount = as_shown(value, digits)
    if amount == 0:
        amount = abs(amount)  # never "−0"
    text = format_percent(amount, digits) if percent else format_decimal(amount, digits)
    # (the plus sign brings its own mark, if the language has one)
    return _number_symbol("plusSign") + text.removeprefix(LRM) if amount > 0 else text


def format_number(value: int | float | Decimal) -> str:
    return _number(value)


def format_decimal(value: float | Decimal, digits: int = 1) -> str:
    return _number(value, "#,##0." + "0" * digits if digits else "#,##0")


def format_percent(value: float | Decimal, digits: int = 1) -> str:
    """``value`` is a percentage (12.5 means 12.5 %).

    In a language whose signs carry a left-to-right mark (CLDR's Persian minus "\u200e−",
    :func:`_cldr_signs`), a percentage without a sign gets the mark too, so that in a
    right-to-left line it reads digits, then percent, left to right wherever it stands. Bare,
    "۳۳٪" after a Persian word was laid out "٪۳۳" (the digits count as Arabic numbers after
    Arabic letters, and the sign goes the line's way), and "۳۳٪" after a Latin one."""
    locale = current_locale()
    pattern = locale.percent_formats[None].pattern.split(";")[0]
    if digits:
        last_zero = pattern.rfind("0")
        pattern = pattern[: last_zero + 1] + "." + "0" * digits + pattern[last_zero + 1 :]
    text = _babel("numbers").format_percent(
        Decimal(str(value)) / 100, format=pattern, locale=locale, numbering_system="default"
    )
    text = _cldr_signs(localize_digits(text), value < 0)
    if not text.startswith(LRM) and _number_symbol("minusSign").startswith(LRM):
        return LRM + text
    return text


def format_currency(value: float | Decimal, currency: str) -> str:
    text = _babel("numbers").format_currency(
        value, currency, locale=current_locale(), numbering_system="default"
    )
    own, usual = _symbol_orders(currency.upper(), current_locale())
    if own != usual:
        text = text.replace(own, usual, 1)
    return _cldr_signs(localize_digits(_currency_spacing(text, usual)), value < 0)


def _currency_spacing(text: str, symbol: str) -> str:
    """CLDR's currency spacing, which Babel leaves out: a symbol that ends (or starts) with a
    letter beside a digit gets a no-break space between them ("TRY 16,707.00", not
    "TRY16,707.00"); "€16.00" and "16,00 €" stay as they are."""
    at = text.find(symbol)
    if at < 0 or not symbol:
        return text
    end = at + len(symbol)
    if end < len(text) and text[end].isdigit() and unicodedata.category(symbol[-1])[0] == "L":
        text = f"{text[:end]}\u00a0{text[end:]}"
    if at > 0 and text[at - 1].isdigit() and unicodedata.category(symbol[0])[0] == "L":
        text = f"{text[:at]}\u00a0{text[at:]}"
    return text


@cache
def _symbol_orders(currency: str, locale: Locale) -> tuple[str, str]:
    """The language's symbol for ``currency`` and the one to write. CLDR's Persian data puts
    the sign first in six symbols ("$MX", "¥CN", "$CA", "$HK", "$NZ", "$EC"), the order they
    would show in inside right-to-left text, but its amount pattern starts with a
    left-to-right mark: the amount reads left to right, so they showed reversed beside "R$",
    "A$" and "NT$". A symbol made of the international one's characters in another order is
    written as the international one (CLDR's root: "MX$", "CN¥")."""
    own = str(locale.currency_symbols.get(currency, currency))
    usual = _babel_locale("root").currency_symbols.get(currency)
    if usual is not None and own != usual and sorted(own) == sorted(usual):
        return own, str(usual)
    return own, own


def format_size(size: int) -> str:
    """A size in bytes as the language writes it: "12 byte", "820 kB", "1.5 MB", "2.1 GB"."""
    value: float = size
    unit = "byte"
    for name, factor in (("gigabyte", 1e9), ("megabyte", 1e6), ("kilobyte", 1e3)):
        if size >= factor:
            value, unit = size / factor, name
            break
    text = _babel("units").format_unit(
        value,
        f"digital-{unit}",
        length="short",
        format="#,##0.#",
        locale=current_locale(),
        numbering_system="default",
    )
    return localize_digits(text)


# --- lists: the one home for the separator between the items of a list ---------------------


#: A sentence's full stop right after an inserted value (closed by its isolate's PDI) that
#: already ends with one, such as a Latvian date ("2026. gada 29. nov."), a company ("… S.A.
#: de C.V.") or a subject ending in "…": the stop that is not part of an ellipsis.
_DOUBLED_STOP = re.compile(r"(?<=[.…])(\u2069+)\.(?!\.)")


def single_stops(text: str) -> str:
    """``text`` without the sentence's full stop after an inserted value that ends with a
    period of its own: "… 29. nov.." is written "… 29. nov.", as typesetting does after an
    abbreviation. Every report's text goes through it (``ReportContext.text`` in
    :mod:`accountdesk.core.reports.documents`), and the money notes the Reports screen shows
    (:mod:`accountdesk.core.money`)."""
    if _DOUBLED_STOP.search(text) is None:
        return text  # (the text flows through as it is: the strings test follows it)
    return _DOUBLED_STOP.sub(r"\1", text)


def list_separator(items: Iterable[str] = ()) -> str:
    """What stands between two items of a list in the current language, from CLDR's list
    pattern (the middle one, which has no word for "and"): ", " in English, Latvian,
    Slovenian and Turkish, "، " (with a right-to-left mark after the comma) in Persian, " "
    in Thai. A language that separates items by a space alone cannot show where an item with
    spaces of its own ends ("Aigars Kalniņš Kārlis Vītols"): for such ``items`` a comma
    separates them, as Thai writes lists of foreign names."""
    middle = str(current_locale().list_patterns["standard"]["middle"])
    separator = middle.replace("{0}", "").replace("{1}", "")
    if not separator.strip() and _spaced(items):
        return ", "
    return separator


def _spaced(items: Iterable[str]) -> bool:
    return any(any(ch.isspace() for ch in item) for item in items)


def join_list(items: Iterable[str]) -> str:
    """``items`` side by side with :func:`list_separator`, no "and": a place ("Tehran, Iran"),
    tags, kinds of a holiday. Empty items are left out."""
    kept = [item for item in items if item]
    return list_separator(kept).join(kept)


#: A name that ends in a remark in brackets of its own: "Eid al-Fitr (from 1pm)", "ramadanski
#: bajram (od 13. ure)", "10.0 (the cap)".
_OWN_REMARK = re.compile(r"(?P<name>.*?\S)\s*\((?P<remark>[^()]+)\)", re.DOTALL)


def with_remarks(text: str, remarks: Iterable[str], *, own_remark: bool = False) -> str:
    """``text`` (a name, a figure) with what is said about it in one pair of brackets, side
    by side as :func:`join_list` puts them: "Ramadan (estimated date, 8 Feb – 8 Mar 2027)",
    "10.0 (the cap, 162)". With ``own_remark``, a ``text`` that ends in a remark in brackets of
    its own ("Ramazan Bayramı (saat 13.00'ten)": a half day's start) has it first in the one
    pair: "Ramazan Bayramı (saat 13.00'ten, yarım gün)", never "… (saat 13.00'ten) (yarım
    gün)"; brackets that are part of a name ("ولادت حضرت محمد (ص)", "Meshadi (Tamil New
    Year's Day)") are not a remark, and are left alone. ``text`` (and its own remark) is
    isolated (:func:`bidi.isolate`): a name in another script, a signed figure; the
    ``remarks`` are the caller's, translated or isolated by it; empty ones are left out.
    Without any, ``text`` alone, isolated. The one home of the join."""
    kept = [r for r in remarks if r]
    own = _OWN_REMARK.fullmatch(text) if kept and own_remark else None
    if own is not None:
        text = own.group("name")
        kept.insert(0, isolate(own.group("remark")))
    if not kept:
        return isolate(text)
    # TRANSLATORS: a name or a figure with what is said about it in brackets, the remarks
    # separated as a list ("Ramadan (estimated date, 8 Feb – 8 Mar 2027)", "Eid al-Fitr (from
    # 1pm, half day)", "10.0 (the cap, 162)"); keep {name} and {remarks}
    return _("{name} ({remarks})").format(name=isolate(text), remarks=join_list(kept))


def sentence_start(text: str) -> str:
    """``text`` as a line of its own starts: its first letter a capital (a phrase written to
    follow other words, "in Riga time; …", shown alone; nothing changes in a script without
    capitals; a Turkish "i" is "İ")."""
    first = text[:1]
    if first == "i" and current_language().code == "tr":
        first = chr(0x130)  # İ, the Turkish capital of i (Python's upper() gives I)
    return first.upper() + text[1:]


def join_clauses(items: Iterable[str]) -> str:
    """Items that are phrases of their own, side by side with the language's semicolon
    ("Weekend; Christmas to New Year"; "؛" in Persian, a comma in Thai, which has no
    semicolon). Empty items are left out."""
    kept = [item for item in items if item]
    return pgettext("separator between phrases", "; ").join(kept)


def cut_list(
    items: Sequence[str],
    shown: int,
    join: Callable[[Iterable[str]], str] = join_list,
    *,
    total: int | None = None,
) -> str:
    """The first ``shown`` of ``items`` side by side (``join``: :func:`join_list`, or
    :func:`join_clauses` for phrases), and after them "and N more" when there are more: a list
    cut short says so, or the reader takes it for all there is. ``total``: how many there
    are, when ``items`` holds only the first of them (a query's first rows)."""
    rest = (len(items) if total is None else total) - shown
    if rest <= 0:
        return join(items)
    more = ngettext("and {n} more", "and {n} more", rest).format(n=format_number(rest))
    return join([*items[:shown], more])


def format_list(items: Iterable[str]) -> str:
    """An enumeration with the language's "and": "A, B and C", "A, B un C".

    Thai writes its "and" against the words around it ("ก ข และค"), which reads only between
    Thai words: next to a number or a Latin word the "และ" stands apart ("10:00 และ 14:30"),
    and items with spaces of their own are separated by commas (:func:`list_separator`)."""
    kept = [item for item in items if item]
    if len(kept) > 1 and not list_separator().strip():
        separator = list_separator(kept)
        end = str(current_locale().list_patterns["standard"]["end"])
        word = end.replace("{0}", "").replace("{1}", "").strip()
        before, after = plain(kept[-2])[-1:], plain(kept[-1])[:1]
        if separator.strip() or not (_in_thai(before) and _in_thai(after)):
            return f"{separator.join(kept[:-1])} {word} {kept[-1]}"
    return str(_babel("lists").format_list(kept, style="standard", locale=current_locale()))


def _in_thai(ch: str) -> bool:
    return bool(ch) and "\u0e00" <= ch <= "\u0e7f"


def country_name(code: str) -> str:
    """The country's name in the current language (CLDR); the code itself if CLDR has none."""
    return str(current_locale().territories.get(code.upper(), code.upper()))


def language_name(tag: str) -> str:
    """A BCP 47 language tag's name in the current language (CLDR); the tag itself when CLDR
    has no name for it in that language (:func:`cldr_language_name`)."""
    return cldr_language_name(tag) or tag


def cldr_language_name(tag: str, in_language: str | None = None) -> str | None:
    """A BCP 47 language tag's name in the current language (or ``in_language``) (CLDR), or
    None.

    CLDR names many more languages than it has locale data for: Egyptian Arabic ("arz"),
    Bavarian ("bar"), Aymara ("ay") have names but no locale, and Babel's ``Locale.parse``
    refuses them, so they were shown as their codes; their names come from the current
    language's table of language names (with the script's name: "hak-Hant" is "Hakka Chinese
    (Traditional)"). A language that table does not name (Isan "tts" in every language of
    ours; Bavarian in Latvian) has none: no other language's name is put in its place."""
    babel_core = _babel("core")
    locale = current_locale() if in_language is None else babel_core.Locale.parse(in_language)
    tag = tag.replace("_", "-")
    try:
        name = babel_core.Locale.parse(tag.replace("-", "_")).get_display_name(locale)
    except babel_core.UnknownLocaleError:
        name = None
    except (ValueError, TypeError):
        return None
    if name:
        return str(name)
    language, *subtags = tag.split("-")
    name = locale.languages.get(language.lower())
    if not name:
        return None
    details: list[str] = []
    for sub in subtags:
        detail = locale.scripts.get(sub.title()) or locale.territories.get(sub.upper())
        if not detail:
            return None
        details.append(str(detail))
    return f"{name} ({', '.join(details)})" if details else str(name)


def named_languages(tags: Iterable[str]) -> list[tuple[str, str]]:
    """``tags`` with their names in the current language, those without one left out
    (:func:`cldr_language_name`): a country's languages as its profile and the contact panel
    list them ("Thai, English", not "Thai, English, tts")."""
    named = ((tag, cldr_language_name(tag)) for tag in tags)
    return [(tag, name) for tag, name in named if name]


def currency_name(code: str) -> str:
    return str(_babel("numbers").get_currency_name(code, locale=current_locale()))


@cache
def _older_zone_ids() -> dict[str, tuple[str, ...]]:
    """Each zone's older ids, by its current IANA id, from CLDR's zone aliases as Babel ships
    them (``zone_aliases``: ``Asia/Calcutta`` -> ``Asia/Kolkata``).

    CLDR keeps a zone's names under its canonical id, which is often the older one
    (``Asia/Calcutta``, ``Europe/Kiev``, ``America/Buenos_Aires``), while Babel looks them up
    under the current IANA id and so finds none for fifteen zones. tzdata's ``backward`` links
    are no substitute: they also join different places (``Europe/Oslo`` -> ``Europe/Berlin``).
    """
    aliases: dict[str, str] = _babel("core").get_global("zone_aliases")
    older: dict[str, list[str]] = {}
    for old, new in aliases.items():
        older.setdefault(new, []).append(old)
    return {new: tuple(sorted(olds)) for new, olds in older.items()}


def current_zone_id(zone: str) -> str:
    """The current IANA id of a zone given by an older one or an alias (CLDR's aliases:
    ``Asia/Calcutta`` and ``Turkey`` are ``Asia/Kolkata`` and ``Europe/Istanbul``); else itself.
    A zone box lists the zones that are their own current id (``ui/forms.py::zone_combo``)."""
    return str(_babel("core").get_global("zone_aliases").get(zone, zone))


def _cldr_zone_ids(zone: str) -> list[str]:
    """The ids CLDR may keep ``zone``'s names under, the most specific first: the zone itself,
    the current id it is an alias of, then that id's older ids."""
    current = current_zone_id(zone)
    return list(dict.fromkeys([zone, current, *_older_zone_ids().get(current, ())]))


#: A zone of a fixed offset from UTC (``Etc/GMT+3``, ``Etc/GMT-14``).
_FIXED_OFFSET_ZONE = re.compile(r"(?:Etc/)?GMT([+-])(\d{1,2})")


def zone_name(zone: str) -> str:
    """A readable name for an IANA zone in the current language: its exemplar city (CLDR),
    found under the zone's older ids too (``Asia/Kolkata`` is kept as ``Asia/Calcutta``).

    When CLDR has no name for it under any id (``America/Coyhaique``; ``Europe/Berlin`` in
    English, whose city is its id), the last part of its current id, as CLDR's fallback
    says: ``Buenos Aires``, not Babel's ``Argentina/Buenos Aires``."""
    fixed = _FIXED_OFFSET_ZONE.fullmatch(zone)
    if fixed:  # POSIX signs: Etc/GMT+3 is three hours *behind* UTC ("UTC−03:00", not "GMT+3")
        from accountdesk.core.timekeeping.zones import format_utc_offset

        hours = int(fixed[2]) * (-1 if fixed[1] == "+" else 1)
        return f"UTC{format_utc_offset(timedelta(hours=hours))}"
    zones = current_locale().time_zones
    for each in _cldr_zone_ids(zone):
        city = zones.get(each, {}).get("city")
        if city:
            return str(city)
    return current_zone_id(zone).rsplit("/", 1)[-1].replace("_", " ")
