"""A full name in one cell ("Ilze Bērziņa", "田中 太郎") split into given and family name.

The one home of the rule "which countries write the family name first" for names that arrive
whole: China, Taiwan, Hong Kong, Macao, Japan, both Koreas, Vietnam, Hungary, Mongolia and
Cambodia. Elsewhere the last word is the family name and the words before it the given name
("محمد رضا احمدی": given محمد رضا, family احمدی). A name of one word (or written without
spaces, as Chinese and Japanese names often are) is kept whole as the given name: guessing
where such a name splits would be wrong as often as right.

A family name's particles go with it (:data:`PARTICLES`, written in lower case as they are
after a given name: "Karl von Weizsäcker", "Jan van der Berg", "Marie de La Fontaine"); the
Arabic article, *Al* or *al*, with the word it precedes ("Ahmed Al Khalifa"). A particle
of descent (*bin*, *binti*, *ibn* …) starts the family name wherever it stands ("Mohammed
bin Salman Al Saud", "Siti Nurhaliza binti Tarudin"), and so do the other particles, except
where Spanish, Portuguese or Catalan names are written: there a given name may have them too
("María del Carmen"), and people have two surnames. A name of four or more parts there (a
particle and the word after it are one part: "da Silva", "Ortega y Gasset") ends in both
surnames ("María José | García López", "João Pedro | da Silva Santos"). Three parts may be a
given name of two and one surname or one given name and two surnames ("María José García",
"María García López"): the rule cannot know, and the last part is the family name, as
elsewhere. A capitalised *Van*, *De*, *Da* is left a name (Van Morrison; Vietnamese *Văn*
written "Van"; "Di" a Chinese given name).

An honorific written in the cell as its own word is the contact's honorific, not part of a
name: before the name ("Dr. Ali Rezaei", "ga. Tina Potočnik", "آقای محمد رضا احمدی",
"คุณ วิชัย ศรีสุข") or after it where the culture puts it there ("Ayşe Hanım", "Ilze Bērziņa
kundze"); which words are honorifics, and where they go, is
:data:`accountdesk.core.address.RULES`. One word left beside the honorific is kept as the
given name, as a one-word name is ("Mr Smith": given name Smith); but a bare word that goes
before a given name (Don, Pak, Bu, Cik …) is an honorific only with two words after it: "Don
Johnson" is a name, "Pak Budi Santoso" Budi Santoso with Pak. A one-letter honorific
(French *M.*, Slovenian *g.*) is read as an initial. Thai *คุณ* written together with the given name
("คุณมานพ") is left in the name: Thai given names may begin with the same letters (คุณวุฒิ).
A generation suffix at the end ("Jr.", Slovenian "ml." and "st.") stays with the family name,
which it qualifies: AccountDesk has no field of its own for it.

A comma says the family name comes first: "Müller, Hans" (the "Last, First" or "File As" form
of many lists and address books) is Hans Müller, in every country; so is "Müller, Dr. Hans".
A comma before a generation suffix or a degree ("John Smith, Jr.", "Ann Lee, PhD") is no such
comma: the suffix stays with the family name. The rule is :func:`split_at_comma`, which a
vCard whose only name is ``FN`` reads too.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from accountdesk.core import address

FAMILY_FIRST_COUNTRIES = frozenset(
    {"CN", "TW", "HK", "MO", "JP", "KR", "KP", "VN", "HU", "MN", "KH"}
)


#: Generation suffixes (folded, without the dot): English, Slovenian mlajši/starejši.
_SUFFIXES = frozenset({"jr", "sr", "ml", "st", "ii", "iii", "iv"})
#: Degrees written after a name and a comma ("Ann Lee, PhD"), folded, without dots.
_DEGREES = frozenset({"phd", "md", "mba", "msc", "bsc", "dds", "dphil", "esq", "cpa", "llm"})
#: The comma of a name written family name first: the Latin one, the Arabic-script one (،)
#: and the full-width one (，).
_COMMA = re.compile(r"\s*[,\u060c\uff0c]\s*")

#: The particles of a family name, as written after a given name (lower case): Dutch, German,
#: French, Italian, Spanish, Portuguese, Scandinavian (*af*), Welsh (*ap*).
PARTICLES = frozenset(
    {
        "van", "von", "vom", "zu", "zum", "zur", "der", "den", "ter", "ten", "het", "'t",
        "de", "des", "du", "d'", "la", "le", "les", "di", "del", "della", "dello", "degli",
        "dei", "delle", "da", "das", "do", "dos", "af", "ap",
    }
)  # fmt: skip
#: Particles of descent (son or daughter of): they start the family name wherever they stand.
DESCENT = frozenset({"bin", "binti", "bint", "ibn", "ben", "bat", "ibnu"})
#: The Arabic article, written apart: it goes with the word after it ("Al Saud", "el Amin").
_ARTICLES = frozenset({"al", "el"})
#: The words that join two Spanish, Portuguese or Catalan surnames into one ("Ortega y Gasset").
_JOINING = frozenset({"y", "e", "i"})
#: The languages whose people have two surnames and whose given names may have particles.
_TWO_SURNAMES = frozenset({"es", "pt", "ca"})


class FullName(NamedTuple):
    given: str
    family: str
    order: str
    honorific: str | None = None


def name_order(country: str | None) -> str:
    """``family_first`` or ``given_first`` for a name from ``country`` (ISO 3166-1 alpha-2)."""
    return "family_first" if (country or "").upper() in FAMILY_FIRST_COUNTRIES else "given_first"


def _pattern(words: list[str], languages: frozenset[str]) -> str | None:
    """The pattern of the honorific ``words`` are, or None. One letter ("M", "G.") is read
    as an initial: French *M.* and Slovenian *g.* are too often someone's initial. A word
    without a dot is an honorific only where its language is spoken (``languages``, the row's
    country's) or when it is used across languages (Mr, Dr): "Pan Wei" (China), "Sig Hansen"
    (Norway) and "Ga Eun Lee" (Korea) are names, not Polish, Italian or Slovenian titles."""
    text = " ".join(words)
    if len(text.removesuffix(".")) < 2:
        return None
    rule = address.rule_of(text)
    if rule is None:
        return None
    if not text.endswith(".") and rule.languages and not rule.languages & languages:
        return None
    return rule.pattern


def _take_honorific(words: list[str], languages: frozenset[str]) -> tuple[list[str], str | None]:
    """``words`` without an honorific of one or two words at its start or end, and that
    honorific; a name is never left empty.

    A word written without a dot that goes before the given name (Spanish *Don*, Indonesian
    *Pak* and *Bu*, Malay *Cik*, Arabic *Sayyid*, Thai *Khun* …, the ``before_given`` pattern
    of :data:`accountdesk.core.address.RULES`) is taken for an honorific only when at least two
    words follow it: such words are given names too (Don, Sayyid), and one word after one is
    more often the family name of a name of two ("Don Johnson", "Bu Hua") than a given name
    alone. So "Pak Budi Santoso" is Budi Santoso, honorific Pak, while "Don Ramirez" stays the
    name Don Ramirez; the price is that "Khun Somchai" arrives as that name too, and the user
    moves Khun to the honorific. Other honorifics go with the one word left where their
    culture puts them ("Mr Smith", "Herr Müller", Vietnamese "Ông An"), and with a dot
    ("Don.") the word is an honorific whatever follows."""
    for size in (2, 1):
        if len(words) <= size:
            continue
        pattern = _pattern(words[:size], languages)
        if pattern in address.LEADING and (
            pattern != "before_given" or words[size - 1].endswith(".") or len(words) > size + 1
        ):
            return words[size:], " ".join(words[:size])
        if _pattern(words[-size:], languages) in address.TRAILING:
            return words[:-size], " ".join(words[-size:])
    return words, None


def _languages(country: str | None) -> frozenset[str]:
    """The base codes of the languages of ``country`` (official and widely spoken)."""
    if not country:
        return frozenset()
    from accountdesk.core.culture.countries import country_languages

    return frozenset(tag.split("_")[0].split("-")[0] for tag in country_languages(country))


def _parts(words: list[str]) -> list[list[str]]:
    """``words`` in the parts of a name: each word with the particles and article before it
    ("van der Berg", "Al Saud", but not the first word: "Al Pacino"); a joining word joins
    two parts ("Ortega y Gasset")."""
    parts: list[list[str]] = []
    pending: list[str] = []  # particles waiting for their word
    joined = False
    for word in words:
        # the article is one of a family name after a given one ("Mohammed Al Saud"); the
        # first word of a name is the given name ("Al Pacino", "El Greco")
        article = word.casefold() in _ARTICLES and bool(parts or pending)
        if word in PARTICLES or word in DESCENT or article:
            pending.append(word)
            continue
        if word in _JOINING and parts and not pending:
            joined = True
            pending.append(word)
            continue
        if joined:
            parts[-1] += [*pending, word]
        else:
            parts.append([*pending, word])
        pending, joined = [], False
    if pending:  # particles with no word after them ("Jan van"): the last part's
        if parts:
            parts[-1] += pending
        else:
            parts.append(pending)
    return parts


def _family_start(parts: list[list[str]], two_surnames: bool) -> int:
    """The index of the part the family name starts with (at least 1): at a particle of
    descent, or one of :data:`PARTICLES` where names have no particles in given names; else
    the last part, or the last two of four or more where people have two surnames."""
    for index, part in enumerate(parts[1:], start=1):
        if part[0] in DESCENT or (not two_surnames and part[0] in PARTICLES):
            return index
    if two_surnames and len(parts) >= 4:
        return len(parts) - 2
    return len(parts) - 1


def _two_surnames(country: str | None) -> bool:
    """Whether people of ``country`` have two surnames (its first language is Spanish,
    Portuguese or Catalan)."""
    if not country:
        return False
    from accountdesk.core.culture.countries import country_languages

    first = next(iter(country_languages(country)), "")
    return first.split("_")[0].split("-")[0] in _TWO_SURNAMES


def _comma_parts(full: str) -> tuple[list[str], list[str]]:
    """The parts of ``full`` between its commas (empty ones left out), and the generation
    suffixes and degrees written after the last of them ("John Smith, Jr.": ["John Smith"],
    ["Jr."])."""
    parts = [part for part in _COMMA.split(full.strip()) if part]
    after: list[str] = []
    while len(parts) > 1 and parts[-1].casefold().replace(".", "") in _SUFFIXES | _DEGREES:
        after.insert(0, parts.pop())
    return parts, after


def split_at_comma(full: str, country: str | None) -> FullName | None:
    """``full`` written family name first with a comma ("Müller, Hans", "Yılmaz, Ayşe
    Hanım", "Smith, John, Jr."): its given name, family name (with a generation suffix or a
    degree written after it), the order of ``country`` and an honorific on either side of
    the comma; None when ``full`` has no such comma."""
    parts, after = _comma_parts(full)
    if len(parts) < 2:
        return None
    languages = _languages(country)
    family, before = _take_honorific(parts[0].split(), languages)
    given, own = _take_honorific(" ".join(parts[1:]).split(), languages)
    return FullName(" ".join(given), " ".join(family + after), name_order(country), own or before)


def split_full_name(full: str, country: str | None) -> FullName:
    """Given name, family name, name order and honorific (or None) of ``full`` as people of
    ``country`` write it (family name first before a comma: :func:`split_at_comma`)."""
    at_comma = split_at_comma(full, country)
    if at_comma is not None:
        return at_comma
    pieces, suffix = _comma_parts(full)  # "John Smith, Jr.": the suffix without the comma
    words, honorific = _take_honorific(" ".join(pieces).split(), _languages(country))
    order = name_order(country)
    if not suffix and len(words) > 2 and words[-1].casefold().removesuffix(".") in _SUFFIXES:
        words, suffix = words[:-1], words[-1:]
    if len(words) < 2:
        return FullName(" ".join(words + suffix), "", order, honorific)
    if order == "family_first":  # the suffix qualifies the family name, written first
        return FullName(" ".join(words[1:]), " ".join(words[:1] + suffix), order, honorific)
    parts = _parts(words)
    if len(parts) < 2:  # "Herr von Weizsäcker": one name, kept whole as "Mr Smith" is
        return FullName(" ".join(words + suffix), "", order, honorific)
    start = _family_start(parts, _two_surnames(country))
    given = [word for part in parts[:start] for word in part]
    family = [word for part in parts[start:] for word in part]
    return FullName(" ".join(given), " ".join(family + suffix), order, honorific)
