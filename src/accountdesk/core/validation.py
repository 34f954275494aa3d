"""Validation at the service boundary.

Every check returns the cleaned value or raises :class:`ValidationError`, which names the field,
the value and the reason in the user's language.
"""

from __future__ import annotations

import ipaddress
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from contextvars import ContextVar, Token
from datetime import date, time
from decimal import Decimal
from functools import cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import phonenumbers
import pycountry
from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.numbers import get_currency_name, get_currency_precision

from accountdesk.core import country_names
from accountdesk.core.bidi import ltr
from accountdesk.core.clock import Clock, system_clock
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import (
    N_,
    DateInputError,
    _,
    ascii_digits,
    cldr_language_name,
    country_name,
    current_locale,
    format_date,
    format_number,
    join_list,
    localize_digits,
    ngettext,
    parse_date_input,
)
from accountdesk.core.timekeeping.zones import is_valid_zone, zone_spelled

# phonenumbers compiles its metadata's patterns as it matches a number; once enabled, it keeps
# them in a dict of its own instead of asking re.compile (and re's cache) at every match: 0.04 s
# less of checking the 30,000 numbers of an import (about a sixth of is_valid_number).
phonenumbers.enable_pattern_cache()

# A value drawn from a small set (a country, a region, a zone, a language, a label, a choice, a
# wall time) is returned interned: one string object for each, however many records hold it.
# An import's chunks then carry each once (pickle writes an object it has seen as a reference):
# the checking of the 30,000-contact export pickles its chunks in 0.14 s instead of 0.19 s.


class ValidationError(UserError):
    """A rejected value: ``field`` (translated label), ``value`` and ``reason``.

    ``named``: the reason names the value itself (one address among several in one field, whose
    error label shows only the reason), so the message does not repeat it."""

    def __init__(
        self,
        field: str,
        value: object,
        reason: str,
        *,
        key: str | None = None,
        named: bool = False,
    ) -> None:
        self.field = field
        self.key = key or field
        self.value = value
        self.reason = reason
        shown = "" if value is None or named else printable(str(value))
        if shown:
            message = _("{field} \u201c{value}\u201d: {reason}").format(
                field=field, value=shown, reason=reason
            )
        else:
            message = _("{field}: {reason}").format(field=field, reason=reason)
        super().__init__(message)


#: Field labels, marked for translation; services pass the key, messages show the label.
FIELD_LABELS: dict[str, str] = {
    "name": N_("Name"),
    "country": N_("Country"),
    "subdivision": N_("Region"),
    "timezone": N_("Time zone"),
    "currency": N_("Currency"),
    "base": N_("Base currency"),  # of an exchange rate
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "given_name": N_("Given name"),
    "family_name": N_("Family name"),
    "website": N_("Website"),
    "status": N_("Status"),
    "stage": N_("Stage"),
    "preferred_language": N_("Preferred language"),
    "preferred_channel": N_("Preferred channel"),
    "buying_role": N_("Buying role"),
    "formality": N_("Formality"),
    "name_order": N_("Name order"),
    "amount": N_("Amount"),
    "score": N_("Score"),
    "date": N_("Date"),
    "customer_since": N_("Customer since"),
    "lost_on": N_("Lost on"),
    "earlier_periods": N_("Earlier periods as a customer"),
    "work_hours": N_("Working hours"),
    "kind": N_("Kind"),
    "subject": N_("Subject"),
    "title": N_("Title"),
    "acquisition_cost": N_("Acquisition cost"),
    "csat_score": N_("CSAT score"),
    "description": N_("Description"),
    "direction": N_("Direction"),
    "lawful_basis": N_("Lawful basis"),
    "sentiment": N_("Sentiment"),
    "body": N_("Text"),
    "tags": N_("Tags"),
    "stay_in_touch_days": N_("Stay in touch every (days)"),
    "industry": N_("Industry"),
    "size_band": N_("Size"),
    "city": N_("City"),
    "address": N_("Address"),
    "owner": N_("Owner"),
    "tier": N_("Tier"),
    "honorific": N_("Form of address"),
    "job_title": N_("Job title"),
    "account": N_("Account"),
    "referred_by": N_("Referred by"),
    "occurred_at": N_("When"),
    "duration": N_("Duration"),
    "outcome": N_("Outcome"),
    "occasion": N_("Occasion"),
    "value": N_("Value"),
    "due": N_("Due"),
    "rrule": N_("Repeat"),
    "contact": N_("Contact"),
    "notes": N_("Notes"),
    "personal_notes": N_("Personal notes"),
    "how_we_met": N_("How we met"),
    "comment": N_("Comment"),
    "important_dates": N_("Important dates"),
    "consent_given_on": N_("Consent given on"),
    "consent_withdrawn_on": N_("Consent withdrawn on"),
    "marketing_opt_in": N_("Marketing"),  # as the contact editor names it
    # fields named by the offline copy's conflicts (core/db/sync.py)
    "rate": N_("Exchange rate"),
    "completed_at": N_("Completed"),
    "snoozed_until": N_("Snoozed until"),
    "move_to_working_day": N_("Move an occurrence on a non-working day to the next working day"),
    "remind": N_("Remind"),
    "deleted_at": N_("In the trash"),
}

#: The longest text each field accepts, in characters: the one place these limits live
#: (services pass only the field's key). A single-line field not named here takes
#: ``LINE_MAX``. The CSV reader's cell limit is derived from these numbers.
LINE_MAX = 300
NOTES_MAX = 1_000_000
MAX_LENGTHS: dict[str, int] = {
    "name": 200,
    "given_name": 120,
    "family_name": 120,
    "honorific": 60,
    "job_title": 160,
    "industry": 100,
    "city": 120,
    "tier": 40,
    "owner": 120,
    "website": 300,
    "email": 254,
    "phone": 40,
    "subject": 300,
    "outcome": 300,
    "title": 300,
    "description": 300,
    "occasion": 120,
    "tags": 80,  # one tag
    "important_dates": 120,  # the label of one date
    "label": 40,  # the label of an e-mail address or phone number (work, home …)
    "address": 1_000,
    "how_we_met": 10_000,
    "notes": NOTES_MAX,
    "personal_notes": NOTES_MAX,
    "comment": NOTES_MAX,
    "body": NOTES_MAX,
    "rrule": 1_000,
}
#: Fields shown as multi-line boxes: they keep line breaks and tabs (CR LF and CR become LF).
MULTILINE = frozenset({"address", "notes", "personal_notes", "how_we_met", "comment", "body"})
#: The most e-mail addresses, phone numbers, tags or important dates one record holds.
MAX_ITEMS = 100


def label(key: str) -> str:
    return _(FIELD_LABELS.get(key, key))


def fail(key: str, value: object, reason: str, *, named: bool = False) -> ValidationError:
    return ValidationError(label(key), value, reason, key=key, named=named)


def clean_text(value: str | None) -> str | None:
    """Surrounding white space removed; None for nothing. Not a check: codes and choices use
    it before they compare with what they allow; free text goes through :func:`optional`."""
    if value is None:
        return None
    value = value.strip()
    return value or None


#: Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): in stored
#: text they can make a name or an address read differently from what it is.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: Characters without width (zero-width space, non-joiner, joiner, byte order mark): fine
#: inside Persian or emoji text, but a value of only these looks empty.
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\ufeff")


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


def _invisible(char: str) -> bool:
    return char in ZERO_WIDTH or char.isspace()


def printable(text: str) -> str:
    """``text`` for an error message: control characters, lone surrogates, line and paragraph
    separators and direction controls as ``\\uXXXX`` escapes (so they can be seen and printed);
    a text of only invisible characters is escaped whole."""
    everything = bool(text) and all(_invisible(ch) for ch in text)

    def show(ch: str) -> str:
        category = unicodedata.category(ch)
        hidden = category in {"Cc", "Cs", "Zl", "Zp"} or ch in BIDI_CONTROLS
        if hidden or ch in "\u200b\ufeff" or (everything and ch != " "):
            return f"\\u{ord(ch):04x}"
        return ch

    return "".join(show(ch) for ch in text)


#: What no field stores (found with one regular expression, fast enough for a large import):
#: control characters (Cc), lone surrogates (Cs), line and paragraph separators (Zl, Zp) and
#: direction controls; a multi-line field keeps tabs, line feeds and the two separators.
_REFUSED_IN_LINE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_REFUSED_IN_TEXT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def text_problem(text: str, *, multiline: bool = False) -> tuple[int, str] | None:
    """Why ``text`` cannot be stored: the index of the first offending character and a
    translated reason; None when it can be stored.

    Refused: control characters (a multi-line field keeps line feeds and tabs), lone
    surrogates, line and paragraph separators in a single-line field, direction controls, and
    a text made only of invisible characters.
    """
    if text.isprintable() and not text.isspace():
        # most text: printable characters have none of the refused categories, and the only
        # invisible one among them is the space (str.isprintable; a test holds this)
        return None
    found = (_REFUSED_IN_TEXT if multiline else _REFUSED_IN_LINE).search(text)
    if found is not None:
        ch = found.group()
        category = unicodedata.category(ch)
        if category == "Cs":
            reason = _("contains a broken character ({code}, half of a pair)")
        elif ch in BIDI_CONTROLS:
            reason = _("contains a direction control character ({code}) that can disguise the text")
        elif ch in "\n\r\u2028\u2029":
            reason = _("must be a single line")
        else:
            reason = _("contains a control character ({code})")
        return found.start(), reason.format(code=_code(ch))
    if text and _invisible(text[0]) and all(_invisible(ch) for ch in text):
        return 0, _("contains only invisible characters")
    return None


def _excerpt(text: str, index: int = 0, width: int = 40) -> str:
    """At most about ``width`` characters of ``text`` around ``index``, for a message."""
    if len(text) <= width:
        return text
    start = max(0, min(index - width // 2, len(text) - width))
    end = start + width
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def max_length(key: str) -> int:
    return MAX_LENGTHS.get(key, LINE_MAX)


def optional(key: str, value: str | None) -> str | None:
    """Free text for the field ``key``: trimmed, None when empty; refused (ValidationError)
    when it has characters no field stores (:func:`text_problem`) or is longer than the
    field's limit (:data:`MAX_LENGTHS`)."""
    if not value:  # None or empty: most cells of an import
        return None
    if value.isprintable():  # most text: nothing to refuse but its length (text_problem)
        cleaned = value.strip()
        if len(cleaned) <= max_length(key):
            return cleaned or None
    multiline = key in MULTILINE
    if multiline:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = value.strip()
    if not cleaned:
        return None
    problem = text_problem(cleaned, multiline=multiline)
    if problem is not None:
        index, reason = problem
        raise fail(key, _excerpt(cleaned, index), reason)
    limit = max_length(key)
    if len(cleaned) > limit:
        reason = ngettext(
            "is longer than {n} character", "is longer than {n} characters", limit
        ).format(n=format_number(limit))
        raise fail(key, _excerpt(cleaned), reason)
    return cleaned


#: Line breaks and tabs (and the spaces around them): a single-line field's text has none.
_BREAKS = re.compile("[ ]*[\t\n\v\f\r\x85\u2028\u2029]+[ \t\n\v\f\r\x85\u2028\u2029]*")


def one_line(key: str, text: str) -> str:
    """``text`` as the single-line field ``key`` can hold it, for a value from a file that
    may say more (a calendar event's title of several lines or of a paragraph): each line
    break or tab a space, and when it is still longer than the field's limit
    (:data:`MAX_LENGTHS`), cut where a line may break (:func:`~accountdesk.core.icu.
    line_breaks`: between words, and between Thai words too) and ended with "…". What else
    no field stores is left for :func:`required` to refuse."""
    joined = _BREAKS.sub(" ", text).strip()
    limit = max_length(key)
    if len(joined) <= limit:
        return joined
    from accountdesk.core.icu import line_breaks

    room = limit - 1  # the "…"
    cut = max((at for at in line_breaks(joined) if at <= room), default=0)
    if cut < room // 2:  # no break in the second half (a long word, a URL): cut inside it
        cut = room
    return joined[:cut].rstrip() + "\u2026"


def required(key: str, value: str | None) -> str:
    cleaned = optional(key, value)
    if cleaned is None:
        raise fail(key, None, _("is required"))
    return cleaned


def item_count(key: str, items: Iterable[object]) -> None:
    """Refuse more than :data:`MAX_ITEMS` addresses, numbers, tags or dates in one record."""
    count = len(list(items))
    if count > MAX_ITEMS:
        raise fail(
            key,
            None,
            ngettext(
                "at most {n} entry is kept per record (this one has {count})",
                "at most {n} entries are kept per record (this one has {count})",
                MAX_ITEMS,
            ).format(n=format_number(MAX_ITEMS), count=format_number(count)),
        )


def is_list_label(text: str) -> bool:
    """One word of letters (with their combining marks: บ้าน), as a label is written before
    the colon in ``home:ilze@example.lv``."""
    if text.isascii():  # work, home, mobile …: no marks to allow for
        return text.isalpha() and len(text) <= MAX_LENGTHS["label"]
    return (
        text[:1].isalpha()
        and len(text) <= MAX_LENGTHS["label"]
        and all(ch.isalpha() or unicodedata.category(ch).startswith("M") for ch in text)
    )


#: Labels other products write in words of their own, by their words without case: Google's
#: built-in "Work Fax", "Home Fax" and "Google Voice", Apple's "HomeFAX" (``_$!<HomeFAX>!$_``).
WRITTEN_LABELS = {
    "work fax": "fax",
    "home fax": "fax",
    "other fax": "fax",
    "workfax": "fax",
    "homefax": "fax",
    "otherfax": "fax",
    "google voice": "other",
}


def written_label(text: str) -> str | None:
    """An e-mail address's or phone number's label as another product writes it, as one of
    ours (:func:`is_list_label`), for the CSV and vCard imports alike: one word of letters as
    it is (Google's "* Work", its first, as "Work"); a known one of :data:`WRITTEN_LABELS` as
    ours (fax, other); any other of several words, or with digits or signs, its words of
    letters written together, each after the first with a capital where its script has them
    ("Private mail": "PrivateMail", "office direct": "officeDirect"), or ``other`` when they
    make no label (too long). None: no letters at all (the caller's default then). A label
    is never replaced by "work" unsaid."""
    cleaned = text.strip().lstrip("*").strip()
    if is_list_label(cleaned):  # nearly every label: Work, mobile, บ้าน …
        return WRITTEN_LABELS.get(cleaned.casefold(), cleaned)
    words = "".join(
        ch if ch.isalpha() or unicodedata.category(ch).startswith("M") else " " for ch in cleaned
    ).split()
    if not words:
        return None
    known = WRITTEN_LABELS.get(" ".join(words).casefold())
    if known is not None:
        return known
    together = "".join(words[:1] + [w[:1].upper() + w[1:] for w in words[1:]])
    return together if is_list_label(together) else "other"


def list_label(key: str, value: str) -> str:
    """The label of an e-mail address or phone number (``work``, ``home``): see
    :func:`is_list_label`."""
    cleaned = value.strip()
    if not is_list_label(cleaned):
        raise fail(
            key,
            cleaned,
            _("the label must be one word of letters (for example work or home)"),
        )
    return sys.intern(cleaned)


#: How the CSV format marks an important date without a reminder (after its label).
NO_REMIND = "!noremind"


def date_label(value: str | None) -> str | None:
    """The label of an important date ("Women's Day"): one line, without the ``;`` that
    separates dates in the CSV format and not ending in its :data:`NO_REMIND` mark."""
    cleaned = optional("important_dates", value)
    if cleaned is not None and (";" in cleaned or cleaned.endswith(NO_REMIND)):
        raise fail(
            "important_dates",
            cleaned,
            _("a label cannot contain ; or end with {mark}").format(mark=NO_REMIND),
        )
    return cleaned


def tag(value: str) -> str:
    """One tag: a single line of text without the separators of tag lists (, and ;)."""
    cleaned = required("tags", " ".join(value.split()))
    if "," in cleaned or ";" in cleaned:
        raise fail("tags", cleaned, _("a tag cannot contain , or ; (they separate tags)"))
    return cleaned


@cache
def _country_codes() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries)


def country(value: str | None, key: str = "country") -> str:
    """An ISO 3166-1 alpha-2 code, from a code or a name as people write it ("Turkey",
    "Türkiye", "Latvija", "ایران": :func:`accountdesk.core.country_names.country_code`)."""
    cleaned = required(key, value)
    code = country_names.country_code(cleaned) or cleaned.upper()
    if code not in _country_codes():
        raise fail(key, value, _("is not an ISO 3166 country code (for example LV, TH or IR)"))
    return sys.intern(code)


@cache
def _subdivisions(country_code: str) -> frozenset[str]:
    found = pycountry.subdivisions.get(country_code=country_code) or []  # type: ignore[no-untyped-call]
    return frozenset(s.code for s in found)


def _holiday_region(country_code: str, code: str) -> bool:
    """Whether the holidays data knows ``code`` (``"NO-31"``) as a region of the country."""
    from accountdesk.core.culture.calendar import holiday_regions  # the country's module only

    prefix = f"{country_code.upper()}-"
    return code.startswith(prefix) and code[len(prefix) :] in holiday_regions(country_code)


def subdivision(country_code: str, value: str | None, key: str = "subdivision") -> str | None:
    """An ISO 3166-2 code; ``"IST"`` is accepted for ``"TR-34"``-style codes as ``"TR-IST"``.
    A region whose holidays the holidays data keeps under a code ISO's list lacks (Norway's
    counties of 2024, Aosta) is accepted too: its holidays are shown. A region written by
    its ISO name ("Victoria", "São Paulo", "İstanbul": what other products' exports write) is
    read as its code, as a vCard's is
    (:func:`accountdesk.core.country_names.subdivision_code`)."""
    cleaned = clean_text(value)
    if cleaned is None:
        return None
    code = cleaned.upper()
    if "-" not in code:
        code = f"{country_code}-{code}"
    if code not in _subdivisions(country_code) and not _holiday_region(country_code, code):
        named = country_names.subdivision_code(country_code, cleaned)
        if named is not None:
            return sys.intern(named)
        raise fail(
            key,
            value,
            _("is not a region of {country} (ISO 3166-2)").format(
                country=country_name(country_code)
            ),
        )
    return sys.intern(code.split("-", 1)[1])


#: Names tzdata knows that are no place's zone: ``Factory`` (offset 0, abbreviation "-00"),
#: the system's ``localtime`` link, ``posixrules``, and the ``posix/`` and ``right/`` copies.
PSEUDO_ZONES = frozenset({"factory", "localtime", "posixrules", "etc/unknown"})
PSEUDO_ZONE_PREFIXES = ("posix/", "right/", "systemv/")


def is_pseudo_zone(name: str) -> bool:
    folded = name.strip().casefold()
    return folded in PSEUDO_ZONES or folded.startswith(PSEUDO_ZONE_PREFIXES)


def timezone(value: str | None, key: str = "timezone", *, allow_empty: bool = False) -> str | None:
    """An IANA zone of a place (``Europe/Riga``; ``UTC`` and ``Etc/GMT-3`` are accepted too)."""
    cleaned = clean_text(value)
    if cleaned is None:
        if allow_empty:
            return None
        raise fail(key, None, _("is required"))
    if is_pseudo_zone(cleaned):
        raise fail(key, value, _("is not a place's time zone; use a name such as Europe/Riga"))
    if not is_valid_zone(cleaned):
        spelled = zone_spelled(cleaned)  # "asia/tehran" (a file's, typed) is Asia/Tehran
        if spelled is None:
            raise fail(key, value, _("is not an IANA time zone (for example Europe/Riga)"))
        cleaned = spelled
    return sys.intern(cleaned)


def currency(value: str | None, key: str = "currency", *, allow_empty: bool = True) -> str | None:
    cleaned = clean_text(value)
    if cleaned is None:
        if allow_empty:
            return None
        raise fail(key, None, _("is required"))
    code = cleaned.upper()
    if not _is_currency(code):
        raise fail(key, value, _("is not an ISO 4217 currency code (for example EUR)"))
    if code not in _legal_tender():
        raise fail(
            key,
            value,
            _(
                "is an ISO 4217 code for something other than money (the code for no currency, "
                "a test code, a precious metal, a fund or a unit used only in bookkeeping); "
                "write a currency such as EUR"
            ),
        )
    return sys.intern(code)


@cache
def _is_currency(code: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{3}", code)) and get_currency_name(code, locale="en") != code


@cache
def _legal_tender() -> frozenset[str]:
    """The currencies money is held in: those CLDR gives as legal tender of a country, now or
    once (DEM, XOF). ISO 4217's other codes are not: XXX (no currency), XTS (tests), XAU and
    the other precious metals, XDR and the units of account (CLF), funds (BOV, USN)."""
    return frozenset(
        code
        for spans in get_global("territory_currencies").values()
        for code, _start, _end, tender in spans
        if tender
    )


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


def email(value: str, key: str = "email") -> str:
    """One e-mail address. The reason names it: a contact's addresses are typed in one field,
    separated by commas, and the field shows only the reason."""
    cleaned = required(key, value)
    if not _EMAIL.match(cleaned) or ".." in cleaned:
        raise fail(
            key,
            value,
            _("\u201c{address}\u201d is not a valid e-mail address").format(
                address=ltr(printable(cleaned))
            ),
            named=True,
        )
    return cleaned


_WEB_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://")
#: One label of a host name: letters (any script) and digits, hyphens inside.
_HOST_LABEL = re.compile(r"[^\W_](?:[\w-]*[^\W_])?")


def _is_web_host(host: str | None, *, named_alone: bool = False) -> bool:
    """A host name with a dot (``example.com``, ``münchen.de``, ``example.com.``; its last
    label not a number), an IP address, or with ``named_alone`` (a scheme or a port says it is
    an address) a name of one label (``http://intranet:8080``, ``http://localhost``)."""
    if not host:
        return False
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    labels = host.removesuffix(".").split(".")
    if not all(_HOST_LABEL.fullmatch(part) for part in labels):
        return False
    if len(labels) == 1:
        return named_alone and not labels[0].isdigit()
    return len(labels[-1]) >= 2 and not labels[-1].isdigit()


def website(value: str | None, key: str = "website") -> str | None:
    """A web address, kept as typed (trimmed): ``example.com``, ``www.example.com/en``, with
    ``http://`` / ``https://``, a port, an IP address (``http://[2001:db8::1]/``), or an
    intranet name with a scheme or a port (``http://intranet:8080``). Refused: spaces, another
    scheme, a user name before the host and a bare word (``not a url``, ``n/a``)."""
    cleaned = optional(key, value)
    if cleaned is None:
        return None
    scheme = _WEB_SCHEME.match(cleaned)
    valid = not any(ch.isspace() for ch in cleaned) and (
        scheme is None or scheme.group().lower() in {"http://", "https://"}
    )
    if valid:
        try:
            parts = urlsplit(cleaned if scheme else f"//{cleaned}")
            port = parts.port  # a port that is no number raises ValueError
        except ValueError:  # also a bracketed host that is no IPv6 address
            valid = False
        else:
            alone = scheme is not None or port is not None
            valid = parts.username is None and _is_web_host(parts.hostname, named_alone=alone)
    if not valid:
        raise fail(
            key, value, _("is not a web address; write it like example.com or https://example.com")
        )
    return cleaned


def phone(value: str, country_code: str, key: str = "phone") -> str:
    """Parse for the contact's country; returns E.164 (``+37126123456``).

    Letters are refused: the phone keypad's letters (1-800-FLOWERS) and extensions (ext. 12)
    would be turned into digits or dropped without a word."""
    return phonenumbers.format_number(
        _phone_number(value, country_code, key), phonenumbers.PhoneNumberFormat.E164
    )


#: The label of a number whose kind phonenumbers is sure of; any other kind (a number that may
#: be a mobile or a fixed line, as every number of the United States and Canada is, a toll-free
#: or a VoIP number …) is given :data:`DEFAULT_PHONE_LABEL`.
PHONE_KIND_LABELS = {
    phonenumbers.PhoneNumberType.MOBILE: "mobile",
    phonenumbers.PhoneNumberType.FIXED_LINE: "work",
}
#: The label a number is given when nothing says more: "work", which the contact form leaves
#: unsaid.
DEFAULT_PHONE_LABEL = "work"


def labelled_phone(
    value: str, country_code: str, label: str | None, key: str = "phone"
) -> tuple[str, str]:
    """(label, E.164) of a phone number (:func:`phone`) and its label (:func:`list_label`); a
    number given without one (None: a bare number in an imported file) is labelled as what
    phonenumbers is sure it is (:data:`PHONE_KIND_LABELS`: "mobile" for +98 912 …), read from
    the number parsed once. An import labelled every bare number "work", mobiles too."""
    number = _phone_number(value, country_code, key)
    if label is None:
        label = PHONE_KIND_LABELS.get(phonenumbers.number_type(number), DEFAULT_PHONE_LABEL)
    return list_label(key, label), phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.E164
    )


def _phone_number(value: str, country_code: str, key: str) -> phonenumbers.PhoneNumber:
    """The valid number ``value`` is, for the contact's country (:func:`phone`)."""
    cleaned = required(key, value)
    parsed = _international(cleaned)  # (a "+", digits and spaces: no letters)
    if parsed is not None and phonenumbers.is_valid_number(parsed):
        return parsed
    if any(ch.isalpha() for ch in cleaned):
        raise fail(key, value, _("contains letters; write the number in digits"))
    try:
        parsed = phonenumbers.parse(cleaned, country_code)
    except phonenumbers.NumberParseException:
        raise fail(key, value, _("is not a phone number")) from None
    if not phonenumbers.is_valid_number(parsed):
        raise fail(
            key,
            value,
            _("is not a valid phone number for {country}").format(
                country=country_name(country_code)
            ),
        )
    return parsed


#: What people write between the digits of a number in international form; the fast reading
#: (:func:`_international`) drops them, as phonenumbers does.
_BETWEEN_DIGITS = str.maketrans("", "", " \u00a0\u202f\u2009-\u2010\u2011().")
#: "+", a country code's first digit and the rest, ASCII digits only (others go to parse).
_PLUS_DIGITS = re.compile(r"\+[1-9][0-9]{3,16}")


@cache
def _national_prefix(calling_code: int) -> Callable[[str], re.Match[str] | None] | None:
    """The ``match`` of the pattern phonenumbers strips from the front of a national number
    of the calling code's main region (a national prefix, a carrier code); None: it has none."""
    region = phonenumbers.region_code_for_country_code(calling_code)
    metadata = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(calling_code, region)
    pattern = metadata.national_prefix_for_parsing if metadata is not None else None
    return re.compile(pattern).match if pattern else None


def _international(text: str) -> phonenumbers.PhoneNumber | None:
    """The number of ``text`` when it is written whole in international form ("+371 21 237
    875", what an export of ours holds), read without ``phonenumbers.parse`` (two thirds of
    the time of checking an import's numbers went to it). None for anything else, and wherever
    ``parse`` could read the same digits otherwise: a national number that begins with 0 (the
    Italian leading zero, a national prefix kept after the country code) or with what the
    region's metadata strips as a national prefix or carrier code. The caller validates the
    result with ``is_valid_number`` and parses the text when it is not valid, so a number is
    accepted and stored exactly as ``parse`` would have it (``test_validation_fast_paths.py``
    compares the two over every region's example numbers and random digits)."""
    digits = text.translate(_BETWEEN_DIGITS)
    if _PLUS_DIGITS.fullmatch(digits) is None:
        return None
    split = calling_code_split(digits[1:])
    if split is None:
        return None
    calling_code, national = split
    if not national or national[0] == "0":
        return None
    prefix = _national_prefix(calling_code)
    if prefix is not None and prefix(national):
        return None
    return phonenumbers.PhoneNumber(country_code=calling_code, national_number=int(national))


def calling_code_split(digits: str) -> tuple[int, str] | None:
    """(calling code, national number) of the digits of a number in international form
    ("37121237875": (371, "21237875")); None when no calling code begins them. The one home
    of this rule: the check of a number (:func:`phone`) and search's words for a stored one
    (:func:`accountdesk.core.db.documents.national_number`) call it."""
    for end in (1, 2, 3):  # calling codes are one to three digits, none the start of another
        calling_code = int(digits[:end] or 0)
        if calling_code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            return calling_code, digits[end:]
    return None


def phone_shown(value: str) -> str:
    """A stored phone number (E.164, ``+37121237875``) as people read and dial it: grouped in
    its country's international format (``+371 21 237 875``). A value that does not parse as
    a number (written before numbers were checked, or on a team server by another client) is
    shown as stored."""
    try:
        parsed = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def choice(
    key: str, value: str | None, allowed: Iterable[str], *, default: str | None = None
) -> str:
    cleaned = clean_text(value)
    options = tuple(allowed)
    if cleaned is None:
        if default is not None:
            return default
        raise fail(key, None, _("is required"))
    if cleaned in options:
        return sys.intern(cleaned)
    lowered = cleaned.lower().replace(" ", "_").replace("-", "_")
    if lowered not in options:
        raise fail(key, value, _("must be one of: {options}").format(options=join_list(options)))
    return sys.intern(lowered)


def optional_choice(key: str, value: str | None, allowed: Iterable[str]) -> str | None:
    if clean_text(value) is None:
        return None
    return choice(key, value, allowed)


@cache
def _known_language(tag: str) -> bool:
    """A tag CLDR has a locale for ("fa-IR"), or a name for (Egyptian Arabic "arz", which a
    country's profile lists: :func:`i18n.cldr_language_name`)."""
    try:
        Locale.parse(tag.replace("-", "_"))
    except ValueError:
        return False
    except UnknownLocaleError:
        return cldr_language_name(tag, "en") is not None
    return True


def language_tag(value: str | None, key: str = "preferred_language") -> str | None:
    cleaned = clean_text(value)
    if cleaned is None:
        return None
    if not _known_language(cleaned):
        raise fail(key, value, _("is not a language tag (for example lv, th or fa-IR)"))
    return sys.intern(cleaned.replace("_", "-"))


#: The days a record's date may fall on: a business date (a deal closed, a survey answered, a
#: gift given, consent, customer since, a birthday with its year) between 1900 and 2100. Year
#: 1 or 9999 is a slip of the keyboard, never a business date.
EARLIEST_DAY, LATEST_DAY = date(1900, 1, 1), date(2100, 12, 31)
#: Where each day begins first (UTC+14): a day after its date has not begun anywhere yet.
_FIRST_ZONE = ZoneInfo("Pacific/Kiritimati")


def latest_today(clock: Clock = system_clock) -> date:
    """Today where it is latest on Earth: what a date of something that happened may be at
    most. A day that has begun nowhere yet has not happened, whatever the zone of the user and
    of the contact it happened with (a deal won in Tokyo is dated a day ahead of Honolulu)."""
    return clock().astimezone(_FIRST_ZONE).date()


#: What the sensible-value rules keep as it is (:func:`keeping`), for the check under way.
_KEPT: ContextVar[tuple[bool, Mapping[str, object]] | None] = ContextVar(
    "accountdesk_kept", default=None
)


class keeping:  # used as a function: ``with keeping(...)``
    """Within it, the rules that judge whether a value is sensible pass a value read from a
    file (``from_file``: an import, a restore of the app's own export), and one equal to the
    value stored for its field (``stored``: field key -> the value stored, or a frozenset of
    them for a list such as important dates). Those rules: a record's date in 1900–2100 and
    not later than today (:func:`plausible_date`), an amount not negative nor finer than its
    currency (:func:`money`), a contact's cadence at most ten years, an account's status
    against its dates. They came after files were written and records stored that break them:
    one such value must not refuse a whole file, nor an edit of something else (a user saves
    a changed note without being made to invent a date). What storage needs (a number, a
    date, an amount that fits) is checked always.

    A class, not a generator: an import enters it once a row (a generator-based context
    manager cost the 30k import's checking 3 %)."""

    __slots__ = ("_kept", "_token")

    def __init__(
        self, *, from_file: bool = False, stored: Mapping[str, object] | None = None
    ) -> None:
        self._kept = (from_file, stored or {})
        self._token: Token[tuple[bool, Mapping[str, object]] | None] | None = None

    def __enter__(self) -> None:
        self._token = _KEPT.set(self._kept)

    def __exit__(self, *exc: object) -> None:
        assert self._token is not None
        _KEPT.reset(self._token)


def kept(key: str, value: object) -> bool:
    """Whether the sensible-value rules pass ``value`` of field ``key`` as it is
    (:func:`keeping`)."""
    found = _KEPT.get()
    if found is None:
        return False
    from_file, stored = found
    if from_file:
        return True
    if key not in stored:
        return False
    was = stored[key]
    return value in was if isinstance(was, frozenset) else value == was


def parse_date(
    key: str,
    value: str | date | None,
    *,
    happened: bool = False,
    clock: Clock = system_clock,
) -> date | None:
    """A date as a date field shows it in the current calendar, or ISO 8601
    (:func:`accountdesk.core.i18n.parse_date_input`), checked by :func:`plausible_date`."""
    if value is None:
        return None
    if isinstance(value, date):
        return plausible_date(key, value, value.isoformat(), happened=happened, clock=clock)
    cleaned = value.strip()
    if not cleaned:
        return None
    try:
        day = parse_date_input(cleaned)
    except DateInputError as error:
        raise fail(key, value, str(error)) from None
    return plausible_date(key, day, value, happened=happened, clock=clock)


def plausible_date(
    key: str,
    day: date,
    shown: object,
    *,
    happened: bool = False,
    clock: Clock = system_clock,
) -> date:
    """``day`` when a record may hold it: between :data:`EARLIEST_DAY` and :data:`LATEST_DAY`,
    and (``happened``: a deal won or lost, a survey answered, consent, customer since, lost on,
    an interaction, a birthday) not later than :func:`latest_today`. The one rule for the
    dates of records; ``shown``: the value as written, for the message. A value kept as it is
    (:func:`kept`: a file's, or the one stored) passes."""
    if kept(key, day):
        return day
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise fail(
            key,
            shown,
            _("is not between {first} and {last}").format(
                first=format_date(EARLIEST_DAY), last=format_date(LATEST_DAY)
            ),
        )
    if happened and day > latest_today(clock):
        raise fail(key, shown, _("is later than today"))
    return day


def consent_dates(
    given: str | date | None, withdrawn: str | date | None
) -> tuple[date | None, date | None]:
    """The dates consent was given and withdrawn; withdrawn before given is refused."""
    given_on = parse_date("consent_given_on", given, happened=True)
    withdrawn_on = parse_date("consent_withdrawn_on", withdrawn, happened=True)
    if given_on is not None and withdrawn_on is not None and withdrawn_on < given_on:
        raise fail(
            "consent_withdrawn_on",
            format_date(withdrawn_on),
            _("is before the consent was given ({date})").format(date=format_date(given_on)),
        )
    return given_on, withdrawn_on


def marketing_allowed(opt_in: bool, withdrawn_on: date | None) -> bool:
    """The marketing opt-in, refused while consent stands withdrawn (``withdrawn_on``): a
    list of the people to mail picked by the opt-in included people who had withdrawn."""
    if opt_in and withdrawn_on is not None:
        raise fail(
            "marketing_opt_in",
            None,
            _(
                "is on although consent was withdrawn on {date}; turn it off (a person who "
                "withdrew consent gets no marketing) or clear the date of the withdrawal"
            ).format(date=format_date(withdrawn_on)),
        )
    return opt_in


def parse_hhmm(key: str, value: str | None) -> str | None:
    """A wall time H:MM or HH:MM, with a colon or a stop (Slovenian "9.30"), in ASCII or the
    language's own digits (Persian ۹:۳۰, Thai ๐๙:๓๐). ``time.fromisoformat`` refused "9:30"
    and read "09.30" as 09:00 and a fraction of a second."""
    cleaned = clean_text(value)
    if cleaned is None:
        return None
    found = _HOUR_MINUTE.fullmatch(ascii_digits(cleaned))
    if found is None:
        raise fail(key, value, _("is not a time in the form HH:MM"))
    try:
        parsed = time(int(found.group(1)), int(found.group(2)))
    except ValueError:
        # in the form, but no time of day ("25:00", "9:75"): the form was not the problem
        day = _("is not a time of day ({first} to {last})")
        first, last = localize_digits("00:00"), localize_digits("23:59")
        raise fail(key, value, day.format(first=first, last=last)) from None
    return sys.intern(parsed.strftime("%H:%M"))


#: A wall time as it is typed: "9:30", "09:30", "9.30" (seconds, as files write them, dropped).
_HOUR_MINUTE = re.compile(r"(\d{1,2})[:.](\d{2})(?::\d{2})?", re.ASCII)


# --- numbers ---------------------------------------------------------------------------------
#
# A number typed in a field or on the command line is read as the user's language writes it:
# its decimal and thousands separators (CLDR, through Babel, for ``i18n.current_locale()``, in
# the language's own numbering system and in Latin digits): "1,234.5" in English and Thai,
# "1 234,5" in Latvian, "1.234,5" in Slovenian and Turkish, "۱٬۲۳۴٫۵" or "1,234.5" in Persian.
# Native digits (Persian, Arabic-Indic, Thai …) are read as digits. In every language: the
# point as the decimal separator ("1234.5", as numbers are pasted), spaces grouping thousands,
# and the Arabic separators ٫ (decimal) and ٬ (thousands). Grouping must be well formed: one to
# three digits (not starting with 0), then groups of three.
#
# A text that reads two ways is refused, never guessed, and the message shows both ways to
# write it. In a language with a decimal comma a point may group thousands (Slovenian and
# Turkish write fifteen hundred 1.500, and Latvians often do, though CLDR groups Latvian with a
# space), so there "1.500" could be 1500 or a pasted 1.5. Only a single point followed by
# exactly three digits is unclear: "1.5", "1234.500" and "0.500" (no grouping gives them) and
# "1.234.567" and "1.500,25" (only grouping gives them) are clear. A comma is never a decimal
# separator in English or Thai ("12,000" is twelve thousand, "12,5" is refused) and never groups
# in a language with a decimal comma ("12,000" is twelve there).
#
# A file (a CSV import) is read alike in every language (``from_file``): the point and the
# comma may each separate decimals or group thousands; a single point is the decimal one (what
# programs write, and what the CSV export writes: "1.500" is 1.5), a single comma followed by
# exactly three digits is unclear ("1,500"), and refused.

#: Spaces that group thousands (Latvian writes a no-break space; people type a plain one).
_NUMBER_SPACES = frozenset(" \u00a0\u202f\u2009")
ARABIC_DECIMAL_SEPARATOR = "\u066b"
ARABIC_THOUSANDS_SEPARATOR = "\u066c"
_SIGNS = {"+": "", "-": "-", "\u2212": "-"}
_FILE_MARKS = (
    frozenset({".", ",", ARABIC_DECIMAL_SEPARATOR}),
    frozenset({".", ",", ARABIC_THOUSANDS_SEPARATOR, *_NUMBER_SPACES}),
)
_EXAMPLE_NUMBER = Decimal("1234.5")


@cache
def _typed_marks(locale: Locale) -> tuple[frozenset[str], frozenset[str]]:
    """The decimal separators and the thousands separators a number typed in ``locale``'s
    language may have (see above)."""
    symbols = [locale.number_symbols[s] for s in {locale.default_numbering_system, "latn"}]
    decimals = {".", ARABIC_DECIMAL_SEPARATOR} | {str(s["decimal"]) for s in symbols}
    groups = {ARABIC_THOUSANDS_SEPARATOR, *_NUMBER_SPACES} | {str(s["group"]) for s in symbols}
    if "," in decimals:
        groups.add(".")
    return frozenset(decimals), frozenset(groups)


def _kind(mark: str) -> str:
    return " " if mark in _NUMBER_SPACES else mark


def _well_grouped(numbers: list[str]) -> bool:
    head, *rest = numbers
    return 1 <= len(head) <= 3 and not head.startswith("0") and all(len(n) == 3 for n in rest)


def _readings(body: str, decimals: frozenset[str], groups: frozenset[str]) -> dict[str, str]:
    """What the digits and separators of ``body`` can mean, as plain decimal text: "point" (the
    last separator separates decimals, any before it group thousands) and "grouped" (every
    separator groups thousands); empty when neither."""
    pieces = re.split(r"([^0-9])", body)
    numbers, marks = pieces[0::2], pieces[1::2]
    if not marks:
        return {"grouped": body} if body else {}
    found = {}
    last, earlier = marks[-1], marks[:-1]
    kinds = {_kind(m) for m in earlier}
    whole, fraction = numbers[:-1], numbers[-1]
    if last in decimals and fraction:
        if not earlier:
            found["point"] = f"{whole[0] or '0'}.{fraction}"
        elif (
            all(m in groups for m in earlier)
            and len(kinds) == 1
            and _kind(last) not in kinds
            and _well_grouped(whole)
        ):
            found["point"] = f"{''.join(whole)}.{fraction}"
    one_kind = len({_kind(m) for m in marks}) == 1
    if all(m in groups for m in marks) and one_kind and _well_grouped(numbers):
        found["grouped"] = "".join(numbers)
    return found


def format_number_input(value: Decimal, *, in_file: bool = False) -> str:
    """``value`` as a number field takes it back: without grouping, with the current language's
    decimal separator and digits ("1234,5" in Slovenian, "۱۲۳۴٫۵" in Persian); ``in_file``: as
    a file writes it ("1234.5")."""
    text = format(value, "f")
    if in_file:
        return text
    locale = current_locale()
    mark = str(locale.number_symbols[locale.default_numbering_system]["decimal"])
    return localize_digits(text.replace(".", mark))


def decimal(
    key: str,
    value: str | Decimal | float | int | None,
    *,
    from_file: bool = False,
    example: Decimal = _EXAMPLE_NUMBER,
) -> Decimal | None:
    """A number: typed as the user's language writes it, or read from a file alike in every
    language (``from_file``), as the section above says; None for an empty text. Refused
    (ValidationError) when it is no number or reads two ways; the message says what to write
    (``example``, written as the field or the file takes it)."""
    if value is None:
        return None
    if not isinstance(value, str):
        result = Decimal(str(value))
        if not result.is_finite():
            raise fail(key, value, _("is not a number"))
        return result
    cleaned = ascii_digits(value).strip()
    if not cleaned:
        return None
    sign = _SIGNS.get(cleaned[0])
    body = cleaned[1:] if sign is not None else cleaned
    decimals, groups = _FILE_MARKS if from_file else _typed_marks(current_locale())
    found = {
        how: Decimal(f"{sign or ''}{text}")
        for how, text in _readings(body, decimals, groups).items()
    }
    if len(found) == 2 and from_file and "." in body:
        del found["grouped"]  # a file's single point separates decimals
    if len(found) == 1:
        return next(iter(found.values()))
    if not found:
        written = format_number_input(example, in_file=from_file)
        raise fail(
            key, value, _("is not a number; write it like {example}").format(example=written)
        )
    # one separator, followed by three digits, that may group thousands or separate decimals
    raise fail(
        key,
        value,
        _("is unclear: write {whole} or {fraction}, whichever you mean").format(
            whole=format_number_input(found["grouped"], in_file=from_file),
            fraction=format_number_input(found["point"].normalize(), in_file=from_file),
        ),
    )


#: The largest amount of money a record holds. ``db.models.Money`` keeps an amount as whole
#: thousandths in a 64-bit integer (at most 9,223,372,036,854,775.807); the limit is a round
#: number below it that a message can name.
MONEY_MAX = Decimal("999999999999999")


def money(
    key: str,
    value: str | Decimal | float | int | None,
    currency: str | None,
    *,
    from_file: bool = False,
) -> Decimal | None:
    """An amount of money (a deal's amount, a gift's value, an acquisition cost) in
    ``currency``, read as :func:`decimal` reads a number; None for an empty text. Refused
    (ValidationError) when it is negative, more than can be stored (:func:`storable_money`),
    or finer than the currency's smallest unit (:func:`currency_decimals`: 1234.5 yen, 0.0004
    euro; they were stored as written, or as 0, and shown rounded). The one home of what an
    amount may be: every service and import that stores one calls it."""
    amount = decimal(key, value, from_file=from_file)
    if amount is None:
        return None
    storable_money(key, amount, value)
    if kept(key, amount):  # a file's, or the one stored: only what storage needs
        return amount
    if amount < 0:
        raise fail(key, value, _("cannot be negative"))
    places = currency_decimals(currency)
    exponent = amount.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        code = ltr((currency or "").upper())
        if places == 0:
            reason = _("{currency} amounts are whole numbers").format(currency=code)
        else:
            reason = ngettext(
                "{currency} amounts have at most {n} decimal place",
                "{currency} amounts have at most {n} decimal places",
                places,
            ).format(currency=code, n=format_number(places))
        raise fail(key, value, reason)
    return amount


#: The decimals :class:`~accountdesk.core.db.models.Money` keeps (thousandths).
MONEY_DECIMALS = 3


def currency_decimals(currency: str | None) -> int:
    """How many decimals an amount in ``currency`` may have: its minor unit (CLDR: 0 for the
    yen, the won and the rial, 2 for the euro, 3 for the Bahraini dinar), at most what Money
    keeps; without a currency, what Money keeps."""
    if not currency:
        return MONEY_DECIMALS
    return min(get_currency_precision(currency.upper()), MONEY_DECIMALS)


def storable_money(key: str, amount: Decimal, shown: object = None) -> Decimal:
    """``amount`` when a Money column can hold it (:data:`MONEY_MAX`), else refused naming
    the limit in the language's digits; ``shown``: the value as it was written. A restore of
    the app's own export (json_io) checks only this: what was stored before is kept."""
    if abs(amount) > MONEY_MAX:
        limit = format_number(MONEY_MAX)
        raise fail(
            key,
            amount if shown is None else shown,
            _("is more than {limit}, the largest amount that can be stored").format(limit=limit),
        )
    return amount


def score(key: str, value: int | str | None, low: int, high: int) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise fail(key, value, _("is not a whole number")) from None
    if not low <= number <= high:
        raise fail(
            key,
            value,
            _("must be between {low} and {high}").format(
                low=format_number(low), high=format_number(high)
            ),
        )
    return number
