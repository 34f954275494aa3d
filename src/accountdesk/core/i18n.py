"""The translation facade and locale-aware formatting.

Mark every user-visible string: ``_("Accounts")`` translates now, ``N_("Accounts")`` marks a
string that is translated later (module-level tables), ``ngettext`` chooses a plural form
(Latvian and Slovenian have several) and ``pgettext`` adds a context for short, ambiguous words.
Translate first, then format with named placeholders::

    _("{count} contacts in {country}").format(count=n, country=name)

The language is process-wide (the UI language, :func:`set_language`) and can be overridden for
one piece of work, for example a report in the customer's language, with :func:`use_language`;
the override is a context variable, so a report built on a worker thread does not change the UI.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from decimal import Decimal
from functools import cache

import babel.dates
import babel.numbers
from babel import Locale

from accountdesk.core.paths import translations_dir

DOMAIN = "accountdesk"


@dataclass(frozen=True)
class Language:
    code: str  # gettext / UI code: en, lv, sl, th, tr, fa
    locale: str  # Babel / CLDR locale used for formatting
    rtl: bool = False


LANGUAGES: dict[str, Language] = {
    "en": Language("en", "en_GB"),
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
    return Locale.parse(name)


def is_rtl() -> bool:
    return current_language().rtl


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


def _(message: str) -> str:
    return _translations().gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _translations().pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _translations().npgettext(context, singular, plural, n)


def reload_catalogs() -> None:
    """Forget loaded catalogs (after compiling new ones)."""
    _catalog.cache_clear()


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


def format_date(value: date, fmt: str = "medium") -> str:
    return localize_digits(babel.dates.format_date(value, format=fmt, locale=current_locale()))


def format_time(value: time | datetime, fmt: str = "short", tz: tzinfo | None = None) -> str:
    if isinstance(value, datetime) and tz is not None:
        value = value.astimezone(tz)
    return localize_digits(babel.dates.format_time(value, format=fmt, locale=current_locale()))


def format_datetime(value: datetime, fmt: str = "medium", tz: tzinfo | None = None) -> str:
    if tz is not None:
        value = value.astimezone(tz)
    return localize_digits(babel.dates.format_datetime(value, format=fmt, locale=current_locale()))


def _number(value: int | float | Decimal, pattern: str | None = None) -> str:
    text = babel.numbers.format_decimal(
        value, format=pattern, locale=current_locale(), numbering_system="default"
    )
    return localize_digits(text)


def format_number(value: int | float | Decimal) -> str:
    return _number(value)


def format_decimal(value: float | Decimal, digits: int = 1) -> str:
    return _number(value, "#,##0." + "0" * digits if digits else "#,##0")


def format_percent(value: float | Decimal, digits: int = 1) -> str:
    """``value`` is a percentage (12.5 means 12.5 %)."""
    locale = current_locale()
    pattern = locale.percent_formats[None].pattern.split(";")[0]
    if digits:
        last_zero = pattern.rfind("0")
        pattern = pattern[: last_zero + 1] + "." + "0" * digits + pattern[last_zero + 1 :]
    text = babel.numbers.format_percent(
        Decimal(str(value)) / 100, format=pattern, locale=locale, numbering_system="default"
    )
    return localize_digits(text)


def format_currency(value: float | Decimal, currency: str) -> str:
    text = babel.numbers.format_currency(
        value, currency, locale=current_locale(), numbering_system="default"
    )
    return localize_digits(text)


def country_name(code: str) -> str:
    """The country's name in the current language (CLDR); the code itself if CLDR has none."""
    return str(current_locale().territories.get(code.upper(), code.upper()))


def language_name(tag: str) -> str:
    """A BCP 47 language tag's name in the current language (CLDR)."""
    try:
        name = Locale.parse(tag.replace("-", "_")).get_display_name(current_locale())
    except (ValueError, TypeError, babel.core.UnknownLocaleError):
        return tag
    return name or tag


def currency_name(code: str) -> str:
    return str(babel.numbers.get_currency_name(code, locale=current_locale()))


def zone_name(zone: str) -> str:
    """A readable name for an IANA zone in the current language: its exemplar city."""
    try:
        return str(
            babel.dates.get_timezone_location(zone, locale=current_locale(), return_city=True)
        )
    except (LookupError, ValueError):
        return zone.rsplit("/", 1)[-1].replace("_", " ")
