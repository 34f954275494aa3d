"""vCard files: import a file of many cards, export one contact, a selection or all.

Versions 3.0 (RFC 2426) and 4.0 (RFC 6350) are read and written; 2.1 files are read as a
courtesy (bare parameters such as ``TEL;WORK;VOICE``, quoted-printable values and their soft
line breaks, a ``CHARSET`` per property). No library is used: the one maintained Python
library, vobject, reads and writes vCard 3.0 only (4.0 is an open request), and the content-line
syntax (folding, escaping, parameters) is small enough to read carefully here.

What a card carries, and where it goes:

========================  ==========================================================
``N``, ``FN``             given and family name, honorific: the prefix, or the suffix for
                          one that follows the name (Bey, Hanım, 様, 님, kungs); the name
                          order is the one ``FN`` writes them in (spaces aside), else the
                          order of the contact's country (family first in Japan, Hungary …)
``ORG``                   the account (found by name and country, or made); a card
                          without ``ORG`` gets an account of its own, named after it
``TITLE``                 job title
``EMAIL``, ``TEL``        e-mail addresses and phone numbers with their labels (``TYPE``
                          work, home, cell → mobile, fax; Apple's ``X-ABLabel`` for others)
``ADR``                   the contact's city, region (ISO 3166-2) and country, written as
                          people write it (:func:`accountdesk.core.country_names.country_code`)
``BDAY``, ``ANNIVERSARY`` birthday; anniversary as an "other date"; work anniversaries and
                          further dates as ``X-ACCOUNTDESK-DATE``
``LANG``, ``TZ``          preferred language, time zone (an IANA name)
``NOTE``, ``CATEGORIES``  personal notes, tags
``UID``                   the contact's id (``urn:uuid:…``): importing a card again updates it
``X-ACCOUNTDESK-…``       buying role, preferred channel, formality, working hours, how we
                          met, stay-in-touch cadence, the lawful basis, consent given and
                          withdrawn, marketing opt-in (:data:`X_FIELDS`)
========================  ==========================================================

A card of ``KIND:org`` (or Apple's ``X-ABShowAs:COMPANY``) is an account without a contact.

An import is all or nothing: every card is checked through the same services as the form and
the CSV import (:func:`~accountdesk.core.records.clean_contact` and friends), and only
a file without problems is written, in one transaction. Problems name the card (its number in
the file and its name), the property and the value. A ``progress(done, total)`` callback that
returns False cancels the import, as the CSV import's does, up to the moment before the
transaction commits: nothing is written.
"""

from __future__ import annotations

import codecs
import quopri
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from accountdesk.core import address, settings
from accountdesk.core import validation as v
from accountdesk.core.clock import Clock, system_clock
from accountdesk.core.country_names import country_code, subdivision_code
from accountdesk.core.culture.countries import (
    country_codes,
    country_of_phones,
    country_zones,
    main_zone,
    zone_of_phones,
)
from accountdesk.core.db.engine import Database
from accountdesk.core.db.fts import display_name
from accountdesk.core.db.ids import new_id
from accountdesk.core.db.models import Account, Contact, ImportantDate, Tag
from accountdesk.core.errors import ImportFailed, UserError
from accountdesk.core.i18n import _, country_name, format_number, ngettext
from accountdesk.core.io.csv_format import cell_text, is_yes
from accountdesk.core.io.dates import iso_parts, reading
from accountdesk.core.io.names import name_order, split_at_comma
from accountdesk.core.io.refusal import cancelled, nothing_imported, unreadable
from accountdesk.core.queries.facts import facts_of
from accountdesk.core.queries.visible import live
from accountdesk.core.records import (
    DATE_KINDS,
    NAME_ORDERS,
    AccountInput,
    ContactInput,
    ImportantDateInput,
    clean_account,
    clean_contact,
    clean_important_date,
    clean_tags,
    person_account_name,
    tag_key,
)
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import accounts_by_name, owner_of_new, tags_for
from accountdesk.core.services.duplicates import (
    alike_stored,
    alike_stored_remark,
    import_remark,
    likely_duplicates,
)
from accountdesk.core.timekeeping.zones import get_zone
from accountdesk.core.validation import ValidationError

VERSIONS = ("3.0", "4.0")
DEFAULT_VERSION = "3.0"  # what Apple Contacts, Outlook and Google all read
MAX_PROBLEMS = 50
LINE_OCTETS = 75  # RFC 6350 §3.2: lines longer than this are folded

#: Extension names: a date AccountDesk keeps that vCard has no property for, and parameters
#: for what a date or an organisation carries beyond the standard.
X_DATE = "X-ACCOUNTDESK-DATE"
X_KIND = "X-ACCOUNTDESK-KIND"
X_LABEL = "X-ACCOUNTDESK-LABEL"
X_REMIND = "X-ACCOUNTDESK-REMIND"
X_COUNTRY = "X-ACCOUNTDESK-COUNTRY"
#: A contact's fields vCard has no property for, in AccountDesk's own (other programs keep
#: or ignore them): written as the CSV export writes the values (dates in ISO 8601, yes or
#: no), read back by the import.
X_FIELDS = {
    "buying_role": "X-ACCOUNTDESK-BUYING-ROLE",
    "preferred_channel": "X-ACCOUNTDESK-CHANNEL",
    "formality": "X-ACCOUNTDESK-FORMALITY",
    "stay_in_touch_days": "X-ACCOUNTDESK-STAY-IN-TOUCH-DAYS",
    "how_we_met": "X-ACCOUNTDESK-HOW-WE-MET",
    "lawful_basis": "X-ACCOUNTDESK-LAWFUL-BASIS",
    "consent_given_on": "X-ACCOUNTDESK-CONSENT-GIVEN",
    "consent_withdrawn_on": "X-ACCOUNTDESK-CONSENT-WITHDRAWN",
    "marketing_opt_in": "X-ACCOUNTDESK-MARKETING-OPT-IN",
}
#: The contact's own working hours, ``HH:MM-HH:MM`` (as the user.hours setting writes them).
X_WORK_HOURS = "X-ACCOUNTDESK-WORK-HOURS"
ANNIVERSARIES = ("ANNIVERSARY", "X-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY", "X-MS-ANNIVERSARY")
#: Properties that describe the file, not the person: read without a word.
META = frozenset({"BEGIN", "END", "VERSION", "PRODID", "REV", "X-ABUID", "SORT-STRING"})
USED = frozenset(
    {
        "N", "FN", "ORG", "TITLE", "EMAIL", "TEL", "ADR", "BDAY", "LANG", "TZ", "NOTE",
        "CATEGORIES", "UID", "KIND", "X-ABSHOWAS", "X-ABLABEL", "X-ABDATE", "X-ABADR", "URL",
        X_DATE, X_WORK_HOURS,
        *ANNIVERSARIES, *X_FIELDS.values(),
    }
)  # fmt: skip
#: TYPE values of a phone number and the label AccountDesk gives it, in order of preference.
TEL_TYPES = (
    ("cell", "mobile"),
    ("fax", "fax"),
    ("pager", "pager"),
    ("work", "work"),
    ("home", "home"),
)
EMAIL_TYPES = (("work", "work"), ("home", "home"))
#: The contact's columns every card carries: importing a card again replaces these, and those
#: of :data:`X_FIELDS` (and the working hours) the card has, and only these.
CARD_FIELDS = (
    "account_id", "given_name", "family_name", "name_order", "honorific", "job_title", "emails",
    "phones", "preferred_language", "country", "subdivision", "city", "timezone",
    "personal_notes",
)  # fmt: skip
#: The kinds of important dates in the order a card lists them.
_KIND_ORDER = {kind: index for index, kind in enumerate(DATE_KINDS)}


class VCardImportError(ImportFailed):
    """A vCard file cannot be imported; nothing was written."""


#: ``progress(cards_done, cards)``: returning False cancels the import (nothing is written).
Progress = Callable[[int, int], bool]
#: Cards checked between two calls of ``progress``.
PROGRESS_EVERY = 100


def _go_on(progress: Progress | None, done: int, total: int) -> None:
    """Report ``done`` of ``total``; a VCardImportError when the user cancelled."""
    if progress is not None and not progress(done, total):
        raise VCardImportError(cancelled())


# --- reading the format ---------------------------------------------------------------------


@dataclass
class Property:
    """One content line: ``group.NAME;PARAM=value:value``. ``value`` is decoded text, still
    escaped (``\\,``, ``\\;``, ``\\n``): see :func:`unescape` and :func:`components`."""

    name: str
    value: str
    params: dict[str, list[str]] = field(default_factory=dict)
    group: str | None = None

    def param(self, name: str) -> list[str]:
        return self.params.get(name.upper(), [])

    @property
    def types(self) -> list[str]:
        """The ``TYPE`` values in lower case (``TYPE=work,voice``, ``TYPE=work;TYPE=voice``
        and 2.1's ``TEL;WORK;VOICE`` alike)."""
        return [t.casefold() for value in self.param("TYPE") for t in value.split(",") if t]

    @property
    def text(self) -> str:
        return unescape(self.value)


@dataclass
class Card:
    number: int  # 1 for the file's first card
    properties: list[Property] = field(default_factory=list)

    def all(self, name: str) -> list[Property]:
        return [p for p in self.properties if p.name == name]

    def first(self, name: str) -> Property | None:
        found = self.all(name)
        return found[0] if found else None

    def grouped(self, prop: Property, name: str) -> str | None:
        """The text of the property ``name`` in the same group as ``prop`` (Apple's
        ``item1.TEL`` and ``item1.X-ABLabel``), or None."""
        if prop.group is None:
            return None
        for other in self.properties:
            if other.name == name and other.group == prop.group:
                return other.text.strip()
        return None

    def label(self, prop: Property) -> str | None:
        """Apple's ``itemN.X-ABLabel`` for the property, as a plain word (``_$!<Mobile>!$_``
        → ``mobile``)."""
        text = self.grouped(prop, "X-ABLABEL")
        if text is not None and text.startswith("_$!<") and text.endswith(">!$_"):
            return text[4:-4].casefold()
        return text

    @property
    def kind(self) -> str:
        """``individual``, ``org``, ``group`` or ``location`` (RFC 6350 KIND; Apple marks a
        company's card with ``X-ABShowAs:COMPANY``)."""
        show_as = self.first("X-ABSHOWAS")
        if show_as is not None and show_as.text.strip().upper() == "COMPANY":
            return "org"
        found = self.first("KIND")
        return found.text.strip().casefold() if found is not None else "individual"

    @property
    def name(self) -> str:
        """What the card calls itself, for messages."""
        for prop in (self.first("FN"), self.first("ORG")):
            if prop is not None:
                text = " ".join(unescape(c) for c in components(prop.value) if c).strip()
                if text:
                    return text
        found = self.first("N")
        if found is not None:
            return " ".join(unescape(c) for c in reversed(components(found.value)[:2]) if c)
        return ""


_ESCAPES = {"n": "\n", "N": "\n", "\\": "\\", ",": ",", ";": ";", ":": ":"}
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def unescape(text: str) -> str:
    """A text value with its escapes undone: ``\\n`` is a line break, ``\\,`` ``\\;``
    ``\\\\`` the character itself; an unknown escape is kept as written."""
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(0)), text)


def _split_unescaped(text: str, separator: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    chars = iter(text)
    for ch in chars:
        if ch == "\\":
            current.append(ch + next(chars, ""))
        elif ch == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def components(value: str) -> list[str]:
    """The components of a structured value (``N``, ``ADR``, ``ORG``), still escaped."""
    return _split_unescaped(value, ";")


def list_items(value: str) -> list[str]:
    """The items of a list value (``CATEGORIES``, a component with several values), unescaped."""
    return [unescape(item) for item in _split_unescaped(value, ",")]


def _split_outside_quotes(text: str, separator: str) -> list[str]:
    parts, current, quoted = [], [], False
    for ch in text:
        if ch == '"':
            quoted = not quoted
            current.append(ch)
        elif ch == separator and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


_CARET = re.compile(r"\^([n'^])")


def _param_value(text: str) -> str:
    """A parameter value without its quotes, with RFC 6868's ``^n``, ``^'`` and ``^^`` undone."""
    if len(text) >= 2 and text.startswith('"') and text.endswith('"'):
        text = text[1:-1]
    return _CARET.sub(lambda m: {"n": "\n", "'": '"', "^": "^"}[m.group(1)], text)


#: Values 2.1 writes as bare parameters (``ADR;QUOTED-PRINTABLE:``) that are encodings.
_ENCODINGS = frozenset({"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"})


def _params(parts: list[str]) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for part in parts:
        if not part.strip():
            continue
        name, sep, raw = part.partition("=")
        if not sep:  # 2.1: a bare TYPE or ENCODING value
            bare = name.strip()
            key = "ENCODING" if bare.upper() in _ENCODINGS else "TYPE"
            params.setdefault(key, []).append(bare)
            continue
        values = [_param_value(item) for item in _split_outside_quotes(raw, ",")]
        key = name.strip().upper()
        if key == "TYPE":
            values = [",".join(values)]
        params.setdefault(key, []).extend(values)
    return params


_LINE_BREAK = re.compile(rb"\r\n|\n|\r")
_QP_NAME = re.compile(rb"^[^:]*;\s*(ENCODING\s*=\s*)?QUOTED-PRINTABLE", re.IGNORECASE)


def _logical_lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(first physical line number, unfolded line): a line that starts with a space or a tab
    continues the one before (folding is undone on bytes, so a character split across lines
    comes back whole); a quoted-printable value that ends in ``=`` continues on the next line."""
    lines = _LINE_BREAK.split(data)
    current: bytes | None = None
    start = 0
    for number, line in enumerate(lines, start=1):
        if current is not None and line[:1] in (b" ", b"\t"):
            current += line[1:]
            continue
        if current is not None and current.endswith(b"=") and _QP_NAME.match(current):
            current = current[:-1] + line  # a soft line break: the "=" goes too
            continue
        if current is not None:
            yield start, current
        current, start = line, number
    if current is not None:
        yield start, current


def _text_of(data: bytes) -> bytes:
    """The file's bytes as UTF-8 when it is UTF-16 (with a byte order mark); a UTF-8 byte order
    mark removed."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16").encode("utf-8")
    return data.removeprefix(codecs.BOM_UTF8)


def _decode(raw: bytes, params: dict[str, list[str]]) -> str:
    """A value's bytes as text: quoted-printable undone, in its ``CHARSET`` (UTF-8 unless
    said). Raises UnicodeDecodeError or LookupError (an unknown charset)."""
    encoding = {e.upper() for e in params.get("ENCODING", [])}
    if "QUOTED-PRINTABLE" in encoding:
        raw = quopri.decodestring(raw)
    charset = (params.get("CHARSET") or ["utf-8"])[0]
    return raw.decode(codecs.lookup(charset).name)


_NAME = re.compile(r"^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)$")


def parse(data: bytes) -> list[Card]:
    """The cards of a vCard file; raises :class:`VCardImportError` naming the line and the
    card when the file is not a vCard file or a line cannot be read."""
    cards: list[Card] = []
    card: Card | None = None
    depth = 0  # a 2.1 AGENT may nest a whole card: skipped
    problems: list[str] = []
    for line_number, raw in _logical_lines(_text_of(data)):
        if not raw.strip():
            continue
        head, sep, value_bytes = raw.partition(b":")
        # A ':' inside a quoted parameter value is not the separator.
        while sep and head.count(b'"') % 2:
            more, sep, value_bytes = value_bytes.partition(b":")
            head += b":" + more
        try:
            head_text = head.decode("utf-8")
        except UnicodeDecodeError:
            head_text = head.decode("latin-1")
        parts = _split_outside_quotes(head_text, ";")
        matched = _NAME.match(parts[0].strip())
        if not sep or matched is None:
            problems.append(
                _("Line {line} is not a vCard property: \u201c{text}\u201d.").format(
                    line=format_number(line_number), text=v.printable(head_text[:60])
                )
            )
            if len(problems) > MAX_PROBLEMS:  # (one more: the refusal says there are more)
                break
            continue
        group, name = matched.group(1), matched.group(2).upper()
        params = _params(parts[1:])
        if name == "BEGIN" and value_bytes.strip().upper() == b"VCARD":
            if card is not None:
                depth += 1
                continue
            card = Card(len(cards) + 1)
            continue
        if name == "END" and value_bytes.strip().upper() == b"VCARD":
            if depth:
                depth -= 1
            elif card is not None:
                cards.append(card)
                card = None
            continue
        if card is None:
            problems.append(
                _("Line {line}: {property} is outside a card (BEGIN:VCARD … END:VCARD).").format(
                    line=format_number(line_number), property=name
                )
            )
            continue
        if depth:
            continue
        try:
            value = _decode(value_bytes, params)
        except UnicodeDecodeError as exc:
            problems.append(
                _card_problem(
                    card,
                    name,
                    _("is not UTF-8 text (byte {offset}); give its CHARSET or save the file as "
                      "UTF-8").format(offset=format_number(exc.start + 1)),
                )
            )  # fmt: skip
            continue
        except LookupError:
            problems.append(
                _card_problem(
                    card,
                    name,
                    _("has a character set that is not known: {charset}").format(
                        charset=v.printable(params["CHARSET"][0])
                    ),
                )
            )
            continue
        card.properties.append(Property(name, value, params, group))
    if card is not None:
        problems.append(
            _("Card {card} has no END:VCARD: the file may be cut short.").format(
                card=format_number(card.number)
            )
        )
    if not cards and not problems:
        problems.append(_("The file holds no vCard (BEGIN:VCARD … END:VCARD)."))
    if problems:
        raise problems_error(problems)
    return cards


def _card_problem(card: Card, prop: str | None, problem: str) -> str:
    """A sentence about ``card`` naming its property ``prop``; None: the card as a whole (a
    property it does not have is not named)."""
    name = card.name
    if prop is None:
        if name:
            return _("Card {card} ({name}): {problem}").format(
                card=format_number(card.number), name=v.printable(name), problem=problem
            )
        return _("Card {card}: {problem}").format(card=format_number(card.number), problem=problem)
    if name:
        return _("Card {card} ({name}), {property}: {problem}").format(
            card=format_number(card.number), name=v.printable(name), property=prop, problem=problem
        )
    return _("Card {card}, {property}: {problem}").format(
        card=format_number(card.number), property=prop, problem=problem
    )


def problems_error(problems: list[str]) -> VCardImportError:
    """The refusal of a file with ``problems``: the first :data:`MAX_PROBLEMS` of them, and, when
    there were more, a sentence that says so rather than a count that would be false."""
    shown = problems[:MAX_PROBLEMS]
    return VCardImportError(nothing_imported(shown, cut=len(problems) > MAX_PROBLEMS), shown)


# --- from cards to contacts -------------------------------------------------------------------

_OFFSET = re.compile(r"^([+-])(\d{2}):?(\d{2})?$")


def _date_parts(prop: Property) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a date value: ``19850412``, ``1985-04-12``, ``--0412``,
    ``--04-12``, a date-time (its date); Apple's year 1604 with ``X-APPLE-OMIT-YEAR`` and a year
    0000 mean no year. None when the value is no date."""
    parts = iso_parts(prop.text.strip().split("T", 1)[0])
    if parts is None:
        return None
    year, month, day = parts
    if year is None or year == 0 or str(year) in prop.param("X-APPLE-OMIT-YEAR"):
        return None, month, day
    return year, month, day


@dataclass
class _AccountPlan:
    id: str
    values: dict[str, Any]
    tags: list[str]


@dataclass
class _ContactPlan:
    id: str
    values: dict[str, Any]
    tags: list[str]
    dates: list[dict[str, Any]]
    update: bool
    fields: tuple[str, ...] = CARD_FIELDS  # what an update replaces: what the card carries


@dataclass
class VCardReport:
    """What an import did (or would do, ``dry_run``)."""

    cards: int = 0
    contacts_created: int = 0
    contacts_updated: int = 0
    accounts_created: int = 0
    dry_run: bool = False
    #: Per-card remarks: a region not recognised, a country taken from a phone number.
    notes: list[str] = field(default_factory=list)
    #: Properties no field keeps, by name: how many cards had them.
    ignored: Counter[str] = field(default_factory=Counter)
    #: Cards whose street address or postal code was not kept.
    streets: int = 0
    #: Cards skipped whole (a group or a place, not a person or an organisation).
    skipped: int = 0
    #: Cards with an honorific suffix in N (Jr., M.D.), which no field keeps.
    suffixes: int = 0
    #: Cards with a department (a unit of ORG), which no field keeps.
    units: int = 0
    #: Of a dry run, the contacts it would add that look like contacts already stored
    #: (:func:`~accountdesk.core.services.duplicates.alike_stored`).
    stored_alike: int = 0

    def summary(self) -> str:
        """What the import did, one sentence for each count."""
        cards = format_number(self.cards)
        if self.dry_run:
            sentences = [
                ngettext(
                    "Checked {n} card; nothing was written.",
                    "Checked {n} cards; nothing was written.",
                    self.cards,
                ).format(n=cards),
                ngettext(
                    "The import would add {n} contact.",
                    "The import would add {n} contacts.",
                    self.contacts_created,
                ).format(n=format_number(self.contacts_created)),
                ngettext(
                    "The import would update {n} contact.",
                    "The import would update {n} contacts.",
                    self.contacts_updated,
                ).format(n=format_number(self.contacts_updated)),
                ngettext(
                    "The import would add {n} account.",
                    "The import would add {n} accounts.",
                    self.accounts_created,
                ).format(n=format_number(self.accounts_created)),
            ]
        else:
            sentences = [
                ngettext("Read {n} card.", "Read {n} cards.", self.cards).format(n=cards),
                ngettext("Added {n} contact.", "Added {n} contacts.", self.contacts_created).format(
                    n=format_number(self.contacts_created)
                ),
                ngettext(
                    "Updated {n} contact.", "Updated {n} contacts.", self.contacts_updated
                ).format(n=format_number(self.contacts_updated)),
                ngettext("Added {n} account.", "Added {n} accounts.", self.accounts_created).format(
                    n=format_number(self.accounts_created)
                ),
            ]
        if not self.contacts_updated:  # as the CSV import: no "Updated 0 contacts."
            del sentences[2]
        return " ".join(sentences)

    def remarks(self) -> list[str]:
        """What was read but not kept, and the per-card notes: sentences for the user."""
        out: list[str] = []
        for name, count in sorted(self.ignored.items()):
            out.append(
                ngettext(
                    "{property} on {n} card was not imported: AccountDesk has no field for it.",
                    "{property} on {n} cards was not imported: AccountDesk has no field for it.",
                    count,
                ).format(property=name, n=format_number(count))
            )
        if self.streets:
            out.append(
                ngettext(
                    "The street address or postal code of {n} card was not imported (a contact "
                    "keeps the city, region and country).",
                    "The street addresses or postal codes of {n} cards were not imported (a "
                    "contact keeps the city, region and country).",
                    self.streets,
                ).format(n=format_number(self.streets))
            )
        if self.suffixes:
            out.append(
                ngettext(
                    "The honorific suffix (Jr., M.D.) of {n} card was not imported.",
                    "The honorific suffixes (Jr., M.D.) of {n} cards were not imported.",
                    self.suffixes,
                ).format(n=format_number(self.suffixes))
            )
        if self.units:
            out.append(
                ngettext(
                    "The department (a unit of ORG) of {n} card was not imported.",
                    "The departments (units of ORG) of {n} cards were not imported.",
                    self.units,
                ).format(n=format_number(self.units))
            )
        if self.skipped:
            out.append(
                ngettext(
                    "{n} card describes a group or a place, not a person or an organisation; "
                    "it was skipped.",
                    "{n} cards describe groups or places, not people or organisations; they "
                    "were skipped.",
                    self.skipped,
                ).format(n=format_number(self.skipped))
            )
        alike = alike_stored_remark(self.stored_alike)
        return out + self.notes + ([alike] if alike else [])


class _Problem(Exception):
    """A card's problem: ``prop`` the property it is in, None for the card as a whole."""

    def __init__(self, prop: str | None, problem: str) -> None:
        super().__init__(problem)
        self.prop = prop
        self.problem = problem


#: Which property of a card a service's field comes from (for the property named in an error).
_PROPERTY_OF = {
    "given_name": "N",
    "family_name": "N",
    "honorific": "N",
    "job_title": "TITLE",
    "email": "EMAIL",
    "phone": "TEL",
    "country": "ADR",
    "subdivision": "ADR",
    "city": "ADR",
    "address": "ADR",
    "timezone": "TZ",
    "preferred_language": "LANG",
    "personal_notes": "NOTE",
    "notes": "NOTE",
    "tags": "CATEGORIES",
    "name": "ORG",
    "account": "ORG",
    "website": "URL",
    **X_FIELDS,
    "work_hours": X_WORK_HOURS,
}


@dataclass
class _Context:
    """What the plan looks up and remembers while it reads the cards."""

    accounts: dict[tuple[str, str], str]  # (folded name, country) -> id, live accounts
    contacts: dict[str, bool]  # contact id -> is live (False: in the trash)
    report: VCardReport
    clock: Clock
    #: the country of a card nothing on it tells one (:func:`_country`): chosen for the
    #: import, else the user's own (``own``: Settings → Me); None: such a card is a problem
    country: str | None = None
    own: bool = False
    new_accounts: dict[str, _AccountPlan] = field(default_factory=dict)
    contacts_planned: list[_ContactPlan] = field(default_factory=list)
    seen_ids: set[str] = field(default_factory=set)


def _address(card: Card) -> Property | None:
    """The card's address: the work address if it has several, else the first."""
    found = card.all("ADR")
    for prop in found:
        if "work" in prop.types:
            return prop
    return found[0] if found else None


def _adr_parts(prop: Property | None) -> list[str]:
    """The seven ADR components, unescaped (a component's list items joined by ", ")."""
    if prop is None:
        return [""] * 7
    parts = [", ".join(i for i in list_items(c) if i.strip()) for c in components(prop.value)]
    return (parts + [""] * 7)[:7]


def _country(card: Card, adr_prop: Property | None, adr: list[str], ctx: _Context) -> str:
    """The country: the address's (Apple's code beside it first), else the first
    international phone number's, else the time zone's (a zone of one country), else the
    import's (``ctx.country``: chosen for it, or the user's own), each but the first with a
    note. A card without ADR is not said to have one."""
    report = ctx.report
    apple = card.grouped(adr_prop, "X-ABADR") if adr_prop is not None else None
    if apple and country_code(apple):
        return str(country_code(apple))
    written = adr[6].strip()
    if written:
        # Unrecognised: the value goes to validation, which names it.
        return country_code(written) or written
    where = "ADR" if adr_prop is not None else None  # the property in question, if any
    region = country_of_phones(prop.text for prop in card.all("TEL"))
    if region is not None:
        report.notes.append(
            _card_problem(
                card,
                where,
                _("no country given; taken from the phone number: {country}").format(
                    country=region
                ),
            )
        )
        return region
    zone = card.first("TZ")
    owner = _zone_owners().get(zone.text.strip()) if zone is not None else None
    if owner is not None:
        report.notes.append(
            _card_problem(
                card,
                where,
                _("no country given; taken from the time zone: {country}").format(country=owner),
            )
        )
        return owner
    if ctx.country is not None:
        taken = (
            _("no country given; taken as your own country (Settings → Me): {country}")
            if ctx.own
            else _("no country given; taken as the country chosen for the import: {country}")
        )
        report.notes.append(_card_problem(card, where, taken.format(country=ctx.country)))
        return ctx.country
    if adr_prop is None:
        raise _Problem(
            None,
            _(
                "no country: the card has no address, and no phone number in international "
                "form (+…) or time zone tells one; give the card an address, or the import a "
                "country for such cards (--country, or your own country in Settings → Me)"
            ),
        )
    raise _Problem(
        "ADR",
        _(
            "no country: give the address's country, or the import a country for such cards "
            "(--country, or your own country in Settings → Me)"
        ),
    )


@cache
def _zone_owners() -> dict[str, str]:
    """IANA zone -> the one country it is a zone of (tzdata's zone.tab)."""
    return {zone: code for code in country_codes() for zone in country_zones(code)}


def _region(card: Card, country: str, written: str, report: VCardReport) -> str | None:
    """The region's ISO 3166-2 code, when it names one; otherwise left empty, with a note."""
    if not written.strip() or country_code(country) is None:
        return None
    code = subdivision_code(country, written)
    if code is None:
        report.notes.append(
            _card_problem(
                card,
                "ADR",
                _("the region \u201c{region}\u201d is not a region of {country} in ISO 3166-2; "
                  "it was left empty").format(
                    region=v.printable(written), country=country_name(country)
                ),
            )
        )  # fmt: skip
    return code


def _offset_minutes(text: str) -> int | None:
    found = _OFFSET.match(text.strip())
    if found is None:
        return None
    sign = -1 if found.group(1) == "-" else 1
    return sign * (int(found.group(2)) * 60 + int(found.group(3) or 0))


def _zone(card: Card, country: str, region: str | None, ctx: _Context) -> str | None:
    """The contact's IANA zone: the card's TZ when it names one (a wrong name goes to
    validation, which names it); else, for a country of several zones, the zone of the first
    phone number that has exactly one of them, or the first of the country's zones whose UTC
    offset in January or July is the card's TZ offset, the zone of its region (ADR's
    ``region``) or of its people first (with a note): the one rule
    :func:`~accountdesk.core.culture.countries.main_zone` decides. None: the zone that rule
    gives (:func:`~accountdesk.core.records.clean_contact` asks it), or validation's
    question."""
    prop = card.first("TZ")
    written = prop.text.strip() if prop is not None else ""
    value_type = [t.casefold() for t in prop.param("VALUE")] if prop is not None else []
    offset = _offset_minutes(written)
    if written and offset is None and "uri" not in value_type and "utc-offset" not in value_type:
        return written
    zones = country_zones(country) if country_code(country) else []
    if len(zones) < 2:
        return None
    found = zone_of_phones(country, (tel.text for tel in card.all("TEL")))
    if found is not None:
        ctx.report.notes.append(
            _card_problem(
                card,
                "TZ" if prop is not None else None,  # (a card without TZ is not said to have one)
                _("no time zone given; taken from the phone number: {zone}").format(zone=found),
            )
        )
        return found
    if offset is not None:
        year = ctx.clock().year
        main = main_zone(country_code(country) or country, region)
        # the region's zone, else the one the country's people keep, first: Sonora's -07:00
        # is Ciudad Juárez's in winter, Kyiv's summer +03:00 is Crimea's all year
        for zone in sorted(zones, key=lambda zone: zone != main):
            tz = get_zone(zone)
            if any(
                (datetime(year, month, 1, tzinfo=tz).utcoffset() or timedelta(0))
                == timedelta(minutes=offset)
                for month in (1, 7)
            ):
                ctx.report.notes.append(
                    _card_problem(
                        card,
                        "TZ",
                        _("the offset {offset} names no zone; taken as {zone}").format(
                            offset=written, zone=zone
                        ),
                    )
                )
                return zone
    return None


def _labelled(
    card: Card, prop: Property, types: Sequence[tuple[str, str]], default: str = "work"
) -> tuple[str, str]:
    """(label, value) of an e-mail address or a phone number: Apple's label as another
    product's label is read (:func:`validation.written_label`), else its TYPE's, else
    ``default`` (a phone number's is "", none: the number says what it is,
    :func:`~accountdesk.core.records.clean_contact`'s ``phones_by_kind``)."""
    label = card.label(prop)
    if label is not None:
        label = v.written_label(label)
    if label is None:
        kinds = prop.types
        label = next((mine for theirs, mine in types if theirs in kinds), default)
    value = prop.text.strip()
    if prop.name == "TEL" and value[:4].casefold() == "tel:":
        value = value[4:]
    return label, value


def _follows_name(honorific: str) -> bool:
    """Whether ``honorific`` goes after the name (Turkish *Bey*, Japanese *様*, Korean *님*,
    Latvian *kungs* …, as :data:`accountdesk.core.address.RULES` says): N's honorific suffix,
    where address books show it after the name, not its prefix."""
    rule = address.rule_of(honorific)
    return rule is not None and rule.pattern.startswith("after_")


def _names(card: Card, country: str) -> tuple[str, str, str | None, str, bool]:
    """(given, family, honorific, name order, a suffix not kept) from N, else FN. Additional
    names join the given name; the honorific is N's prefix, or its suffix when that is an
    honorific that follows the name (:func:`_follows_name`: "Hanım") and there is no prefix;
    another suffix (Jr., M.D.) has no field. The order is the one FN writes the names in,
    spaces aside ("田中 太郎" as "田中太郎"); when FN does not tell (none, or other words in
    it), the order of ``country`` (:func:`names.name_order`). A card named by FN alone keeps
    it whole as the given name, unless a comma says the family name comes first ("Müller,
    Hans": :func:`names.split_at_comma`, the CSV import's rule)."""
    fn = card.first("FN")
    formatted = fn.text.strip() if fn else ""
    n = card.first("N")
    parts = (
        [" ".join(i for i in list_items(c) if i.strip()) for c in components(n.value)] if n else []
    )
    family, given, additional, prefix, suffix = (parts + [""] * 5)[:5]
    given = " ".join(p for p in (given, additional) if p)
    if not given and family:
        given, family = family, ""
    if not given:
        at_comma = split_at_comma(formatted, country_code(country))
        if at_comma is not None:
            prefix = prefix or at_comma.honorific or ""
            given, family = at_comma.given, at_comma.family
        else:
            given = formatted
    order = name_order(country_code(country))
    if family:
        shown = {o: display_name(given, family, o) for o in NAME_ORDERS}
        told = [o for o in NAME_ORDERS if formatted == shown[o]]
        if len(told) != 1:  # then spaces aside ("田中 太郎" is 田中太郎)
            told = [o for o in NAME_ORDERS if _spaceless(formatted) == _spaceless(shown[o])]
        if len(told) == 1:
            order = told[0]
    if suffix and not prefix and _follows_name(suffix):
        return given, family, suffix, order, False
    return given, family, prefix or None, order, bool(suffix)


def _spaceless(text: str) -> str:
    return "".join(text.split())


def _carried(card: Card) -> dict[str, Any]:
    """The fields of :data:`X_FIELDS` and the working hours the card carries (the
    :class:`ContactInput` values, as text; checked there), by field."""
    found: dict[str, Any] = {}
    for key, name in X_FIELDS.items():
        prop = card.first(name)
        if prop is not None:
            text = prop.text.strip()
            found[key] = is_yes(text) if key == "marketing_opt_in" else text or None
    hours = card.first(X_WORK_HOURS)
    if hours is not None:
        start, _sep, end = hours.text.strip().partition("-")
        found["work_start"], found["work_end"] = start.strip() or None, end.strip() or None
    if found.get("formality") is None:
        found.pop("formality", None)  # (an empty one: the form's default, as a card without)
    return found


def _dates(card: Card) -> list[tuple[Property, ImportantDateInput]]:
    """(property, date) for every date on the card; a year is read as a file's date is
    (:func:`accountdesk.core.io.dates.reading`: Gregorian, or a Thai card's Buddhist-era
    year in the app in Thai; a year only another calendar makes a date a record holds is
    refused, naming both readings)."""
    found: list[tuple[Property, ImportantDateInput]] = []
    for prop in card.properties:
        if prop.name == "BDAY":
            kind = "birthday"
        elif prop.name in ANNIVERSARIES:
            kind = "custom"
        elif prop.name == X_DATE:
            kind = (prop.param(X_KIND) or ["custom"])[0]
        elif prop.name == "X-ABDATE":
            kind = "custom"
        else:
            continue
        value_type = [t.casefold() for t in prop.param("VALUE")]
        parts = None if "text" in value_type else _date_parts(prop)
        if parts is None:
            reason = _("is not a date (write it as YYYY-MM-DD, or --MM-DD without the year)")
            raise _Problem(prop.name, v.fail("date", prop.text, reason).message)
        year, month, day = parts
        if year is not None:
            try:
                read = reading(year, month, day)
            except ValueError as error:
                raise _Problem(prop.name, v.fail("date", prop.text, str(error)).message) from None
            year, month, day = read.year, read.month, read.day
        label: str | None = prop.param(X_LABEL)[0] if prop.param(X_LABEL) else None
        if prop.name == "X-ABDATE":
            apple = card.label(prop)
            label = None if apple in (None, "anniversary") else apple
        remind = (prop.param(X_REMIND) or ["yes"])[0].casefold() != "no"
        found.append((prop, ImportantDateInput(kind, month, day, year, label, remind)))
    return found


def _plan_contact(card: Card, ctx: _Context) -> None:
    report = ctx.report
    kind = card.kind
    if kind in ("group", "location"):
        report.skipped += 1
        return
    used = USED if kind == "org" else USED - {"URL"}
    for name in {p.name for p in card.properties if p.name not in used and p.name not in META}:
        report.ignored[name] += 1
    adr_prop = _address(card)
    adr = _adr_parts(adr_prop)
    country = _country(card, adr_prop, adr, ctx)
    region = _region(card, country, adr[4], report)
    org = card.first("ORG")
    org_parts = [unescape(c).strip() for c in components(org.value)] if org else [""]
    org_name = org_parts[0]
    report.units += any(org_parts[1:])
    notes = "\n\n".join(p.text for p in card.all("NOTE") if p.text.strip()) or None
    tags = clean_tags([t for p in card.all("CATEGORIES") for t in list_items(p.value)])
    if kind == "org":
        _plan_account_card(card, ctx, org_name or card.name, country, region, adr, notes, tags)
        return
    if any(adr[:3]) or adr[5]:
        report.streets += 1
    given, family, honorific, order, suffix = _names(card, country)
    report.suffixes += suffix
    if not given:
        raise _Problem("N", _("the card has no name (N or FN)"))
    account_country = country
    if org is not None and org.param(X_COUNTRY):
        account_country = org.param(X_COUNTRY)[0]
    account_id = _account_for(
        ctx, org_name or person_account_name(given, family, order), account_country
    )
    zone = _zone(card, country, region, ctx)
    langs = sorted(card.all("LANG"), key=lambda p: int((p.param("PREF") or ["100"])[0] or 100))
    titles = card.all("TITLE")
    carried = _carried(card)
    data = ContactInput(
        account_id=account_id,
        given_name=given,
        family_name=family,
        country=country,
        timezone=zone,
        name_order=order,
        honorific=honorific,
        job_title=titles[0].text if titles else None,
        emails=[_labelled(card, p, EMAIL_TYPES) for p in card.all("EMAIL")],
        phones=[_labelled(card, p, TEL_TYPES, "") for p in card.all("TEL")],
        preferred_language=langs[0].text if langs else None,
        subdivision=region,
        city=adr[3] or None,
        personal_notes=notes,
        **carried,
    )
    try:
        values = clean_contact(data, phones_by_kind=True)
    except ValidationError as error:
        raise _Problem(_PROPERTY_OF.get(error.key, error.key), error.message) from None
    dates = []
    for prop, item in _dates(card):
        try:
            dates.append(clean_important_date(item))
        except ValidationError as error:
            if error.key == "date":  # the date as the card writes it ("1984-13-45")
                error = v.fail("date", prop.text, error.reason)
            raise _Problem(prop.name, error.message) from None
    v.item_count("important_dates", dates)
    contact_id = _contact_id(card, ctx)
    ctx.contacts_planned.append(
        _ContactPlan(
            contact_id, values, tags, dates, contact_id in ctx.contacts, (*CARD_FIELDS, *carried)
        )
    )


def _plan_account_card(
    card: Card,
    ctx: _Context,
    name: str,
    country: str,
    region: str | None,
    adr: list[str],
    notes: str | None,
    tags: list[str],
) -> None:
    """An organisation's card: its account, made unless one of that name and country exists."""
    url = card.first("URL")
    street = "\n".join(p for p in (adr[0], adr[1], adr[2], adr[5]) if p.strip()) or None
    data = AccountInput(
        name=name,
        country=country,
        subdivision=region,
        city=adr[3] or None,
        address=street,
        website=url.text if url else None,
        notes=notes,
    )
    try:
        values = clean_account(data, typed=False)
    except ValidationError as error:
        raise _Problem(_PROPERTY_OF.get(error.key, error.key), error.message) from None
    key = (tag_key(values["name"]), values["country"])
    if key in ctx.accounts:
        return
    account_id = new_id()
    ctx.accounts[key] = account_id
    ctx.new_accounts[account_id] = _AccountPlan(account_id, values, tags)


def _account_for(ctx: _Context, name: str, country: str) -> str:
    """The id of the live account called ``name`` in ``country``: found, or planned."""
    try:
        values = clean_account(AccountInput(name=name, country=country), typed=False)
    except ValidationError as error:
        raise _Problem(_PROPERTY_OF.get(error.key, "ORG"), error.message) from None
    key = (tag_key(values["name"]), values["country"])
    found = ctx.accounts.get(key)
    if found is None:
        found = new_id()
        ctx.accounts[key] = found
        ctx.new_accounts[found] = _AccountPlan(found, values, [])
    return found


def _contact_id(card: Card, ctx: _Context) -> str:
    """The contact's id from the card's UID (a UUID, ``urn:uuid:`` or not), else a new one."""
    prop = card.first("UID")
    if prop is None:
        return new_id()
    text = prop.text.strip()
    try:
        parsed = uuid.UUID(text.removeprefix("urn:uuid:").removeprefix("urn:uuid:".upper()))
    except ValueError:
        return new_id()
    found = str(parsed)
    if found in ctx.seen_ids:
        raise _Problem(
            "UID", _("another card of the file has the same UID: {uid}").format(uid=text)
        )
    if ctx.contacts.get(found) is False:
        raise _Problem(
            "UID",
            _("the contact {uid} is in the trash; restore it first, or remove the UID").format(
                uid=found
            ),
        )
    ctx.seen_ids.add(found)
    return found


def _plan(cards: list[Card], ctx: _Context, progress: Progress | None = None) -> None:
    problems: list[tuple[int, str]] = []
    # Organisations first: a person's card then finds the account its organisation's card
    # made, with the address the person's card does not carry.
    for done, card in enumerate(sorted(cards, key=lambda c: (c.kind != "org", c.number))):
        if done % PROGRESS_EVERY == 0:
            _go_on(progress, done, len(cards))
        try:
            with v.keeping(from_file=True):  # a file's values, kept as written
                _plan_contact(card, ctx)
        except _Problem as problem:
            problems.append((card.number, _card_problem(card, problem.prop, problem.problem)))
        except ValidationError as error:
            prop = _PROPERTY_OF.get(error.key, error.key)
            problems.append((card.number, _card_problem(card, prop, error.message)))
        if len(problems) > MAX_PROBLEMS:
            break
    if problems:
        raise problems_error([text for _number, text in sorted(problems)])


def _context(
    session: Session, report: VCardReport, clock: Clock, fallback: tuple[str | None, bool]
) -> _Context:
    """What the plan looks up; ``fallback``: the country of a card nothing tells one, and
    whether it is the user's own (:attr:`_Context.country`)."""
    accounts = accounts_by_name(session.connection())
    contacts = {
        contact_id: deleted is None
        for contact_id, deleted in session.execute(select(Contact.id, Contact.deleted_at))
    }
    return _Context(accounts, contacts, report, clock, *fallback)


def _write(session: Session, ctx: _Context) -> None:
    # The file's tags found or made together (not once per card), in batches of as many as
    # one record may hold (tags_for checks that number).
    lists = [a.tags for a in ctx.new_accounts.values()] + [c.tags for c in ctx.contacts_planned]
    distinct = {tag_key(n): n for found in lists for n in found}
    names = list(distinct.values())
    tags: dict[str, Tag] = {}
    for start in range(0, len(names), v.MAX_ITEMS):
        for tag in tags_for(session, names[start : start + v.MAX_ITEMS]):
            tags[tag_key(tag.name)] = tag
    with session.no_autoflush:
        importer = owner_of_new(session.connection(), None) if ctx.new_accounts else None
        for plan in ctx.new_accounts.values():
            owner = plan.values.get("owner") or importer
            account = Account(id=plan.id, **{**plan.values, "owner": owner})
            account.tags = [tags[tag_key(n)] for n in plan.tags]
            session.add(account)
        for item in ctx.contacts_planned:
            if item.update:  # what a card does not carry (another program's: consent …) stays
                contact = session.get(Contact, item.id)
                assert contact is not None
                for key in item.fields:
                    setattr(contact, key, item.values[key])
            else:
                contact = Contact(id=item.id, **item.values)
                session.add(contact)
            contact.tags = [tags[tag_key(n)] for n in item.tags]
            contact.important_dates = [ImportantDate(**d) for d in item.dates]


def import_vcard(
    db: Database,
    path: str | Path,
    *,
    dry_run: bool = False,
    clock: Clock = system_clock,
    progress: Progress | None = None,
    country: str | None = None,
) -> VCardReport:
    """Import the cards of ``path`` in one transaction; raises :class:`VCardImportError`
    (nothing written) when any card has a problem, or when ``progress(done, total)`` returns
    False (the user cancelled; asked last just before the transaction commits). ``clock``: the
    year whose UTC offsets place a TZ written as an offset. ``country``: the country
    (ISO 3166-1) of a card nothing on it tells one (no address, no international number);
    None: the user's own (Settings → Me, ``user.country``), if set.

    A dry run also counts the contacts it would add that look like contacts already stored
    (:attr:`VCardReport.stored_alike`)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise VCardImportError(unreadable(path, exc)) from exc
    cards = parse(data)
    report = VCardReport(cards=len(cards), dry_run=dry_run)
    fallback = (country, False) if country else (settings.get(db, "user.country"), True)
    if dry_run:
        with db.reader() as session:
            ctx = _context(session, report, clock, fallback)
            _plan(cards, ctx, progress)
        new = [c for c in ctx.contacts_planned if not c.update]
        if new:
            names = {key: plan.values["name"] for key, plan in ctx.new_accounts.items()}
            facts = [
                facts_of({**c.values, "id": c.id}, names.get(c.values["account_id"], ""))
                for c in ctx.contacts_planned
            ]
            report.stored_alike = alike_stored(db, facts, (c.id for c in new))
    else:
        with db.transaction() as session:
            ctx = _context(session, report, clock, fallback)
            _plan(cards, ctx, progress)
            _write(session, ctx)
            session.flush()
            _go_on(progress, len(cards), len(cards))  # the last moment a Cancel is heard
    report.accounts_created = len(ctx.new_accounts)
    report.contacts_updated = sum(1 for c in ctx.contacts_planned if c.update)
    report.contacts_created = len(ctx.contacts_planned) - report.contacts_updated
    if not dry_run:
        found = likely_duplicates(db, [c.id for c in ctx.contacts_planned])
        report.notes.extend(filter(None, [import_remark(found)]))
    return report


# --- writing --------------------------------------------------------------------------------


def escape(text: str) -> str:
    """A text value (or one component of a structured value) as a card writes it."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


_PLAIN_PARAM = re.compile(r"^[A-Za-z0-9_.+-]*$")


def _param(name: str, value: str) -> str:
    """``;NAME=value``, the value quoted (and RFC 6868 caret-encoded) unless it is a token."""
    if _PLAIN_PARAM.match(value):
        return f";{name}={value}"
    encoded = value.replace("^", "^^").replace("\n", "^n").replace('"', "^'")
    return f';{name}="{encoded}"'


def fold(line: str) -> str:
    """``line`` folded to lines of at most 75 octets (CRLF and a space), never inside a
    character; ends with CRLF."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    limit = LINE_OCTETS
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            out.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1
        current.append(ch)
        size += width
    out.append("".join(current))
    return "\r\n ".join(out) + "\r\n"


def _date_value(year: int | None, month: int, day: int, version: str) -> str:
    if version == "4.0":
        return f"{year:04d}{month:02d}{day:02d}" if year else f"--{month:02d}{day:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def _labelled_lines(
    name: str, items: Iterable[dict[str, str]], types: dict[str, str], version: str, item: list[int]
) -> Iterator[str]:
    uri = name == "TEL" and version == "4.0"  # 4.0 writes a phone number as a tel: URI
    for entry in items:
        label = entry["label"]
        value = ";VALUE=uri:tel:" + entry["value"] if uri else ":" + escape(entry["value"])
        if label in types:
            yield f"{name};TYPE={types[label]}{value}"
        else:
            item[0] += 1
            yield f"item{item[0]}.{name}{value}"
            yield f"item{item[0]}.X-ABLabel:{escape(label)}"


_TEL_LABELS = {mine: theirs for theirs, mine in TEL_TYPES}
_EMAIL_LABELS = {mine: theirs for theirs, mine in EMAIL_TYPES}


def card_lines(
    contact: Any,
    account_name: str,
    account_country: str,
    tags: Sequence[str],
    dates: Sequence[Any],
    version: str = DEFAULT_VERSION,
) -> list[str]:
    """The (unfolded) lines of one contact's card."""
    from accountdesk.core.i18n import use_language

    lines = ["BEGIN:VCARD", f"VERSION:{version}"]
    lines.append(f"UID:urn:uuid:{contact.id}")
    lines.append(
        "FN:" + escape(display_name(contact.given_name, contact.family_name, contact.name_order))
    )
    honorific = contact.honorific or ""
    n = [contact.family_name or "", contact.given_name, ""]
    n += ["", honorific] if _follows_name(honorific) else [honorific, ""]
    lines.append("N:" + ";".join(escape(part) for part in n))
    country_param = "" if account_country == contact.country else _param(X_COUNTRY, account_country)
    lines.append(f"ORG{country_param}:{escape(account_name)}")
    if contact.job_title:
        lines.append("TITLE:" + escape(contact.job_title))
    counter = [0]
    lines += _labelled_lines("EMAIL", contact.emails, _EMAIL_LABELS, version, counter)
    lines += _labelled_lines("TEL", contact.phones, _TEL_LABELS, version, counter)
    with use_language("en"):  # the country's English name: what most programs read
        country = country_name(contact.country)
    adr = ["", "", "", contact.city or "", contact.subdivision or "", "", country]
    lines.append("ADR;TYPE=work:" + ";".join(escape(part) for part in adr))
    ordered = sorted(
        dates,
        key=lambda d: (_KIND_ORDER.get(d.kind, 9), d.month, d.day, d.year or 0, d.label or ""),
    )
    standard = {"birthday": "BDAY", "custom": "ANNIVERSARY"}
    for item in ordered:
        name = standard.pop(item.kind, None)
        params = ""
        if name is None:
            name = X_DATE
            params += _param(X_KIND, item.kind)
        if item.label:
            params += _param(X_LABEL, item.label)
        if not item.remind:
            params += _param(X_REMIND, "no")
        lines.append(f"{name}{params}:{_date_value(item.year, item.month, item.day, version)}")
    if contact.preferred_language:
        lines.append("LANG:" + contact.preferred_language)
    if contact.timezone:
        lines.append(("TZ:" if version == "4.0" else "TZ;VALUE=text:") + escape(contact.timezone))
    if contact.personal_notes:
        lines.append("NOTE:" + escape(contact.personal_notes))
    if tags:
        lines.append("CATEGORIES:" + ",".join(escape(t) for t in tags))
    for key, name in X_FIELDS.items():
        value = getattr(contact, key)
        if value is not None and value != "":
            lines.append(f"{name}:{escape(cell_text(value))}")
    if contact.work_start and contact.work_end:
        lines.append(f"{X_WORK_HOURS}:{contact.work_start}-{contact.work_end}")
    lines.append("END:VCARD")
    return lines


def export_vcard(
    db: Database,
    out: IO[str],
    *,
    contact_ids: Sequence[str] | None = None,
    version: str = DEFAULT_VERSION,
) -> int:
    """Write the cards of the contacts ``contact_ids`` (every contact shown when None: not in
    the trash, nor their account) to ``out``, by family and given name; returns the number of
    cards. An id that is no contact shown raises :class:`NotFoundError`."""
    if version not in VERSIONS:
        raise UserError(
            _("vCard version {version} is not written; choose 3.0 or 4.0.").format(version=version)
        )
    with db.reader() as session:
        query = (
            select(Contact, Account.name, Account.country)
            .join(Account, Account.id == Contact.account_id)
            .where(*live(Contact, Account))  # the contacts shown (of no account in the trash)
            .order_by(Contact.family_name, Contact.given_name, Contact.id)
            .options(selectinload(Contact.important_dates))
        )
        if contact_ids is not None:
            wanted = set(contact_ids)
            query = query.where(Contact.id.in_(wanted))
        rows = session.execute(query).all()
        if contact_ids is not None:
            missing = set(contact_ids) - {row[0].id for row in rows}
            if missing:  # refused as every service refuses it (one in the trash: who, when)
                first = sorted(missing)[0]
                raise trash.missing(Contact, session.get(Contact, first), first)
        tag_names: dict[str, list[str]] = {}
        for contact_id, tag in session.execute(
            select(Contact.id, Tag.name).join(Contact.tags).order_by(Tag.name)
        ):
            tag_names.setdefault(contact_id, []).append(tag)
        count = 0
        for contact, account_name, account_country in rows:
            lines = card_lines(
                contact,
                account_name,
                account_country,
                tag_names.get(contact.id, []),
                contact.important_dates,
                version,
            )
            out.write("".join(fold(line) for line in lines))
            count += 1
    return count
