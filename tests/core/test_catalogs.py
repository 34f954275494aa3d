"""Every language complete: no empty or fuzzy entry, CLDR's plural forms, the same placeholders
as the English, the template up to date with the source, and the glossary kept."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
#: CLDR's plural categories per language (gettext's nplurals).
PLURALS = {"lv": 3, "sl": 4, "th": 1, "tr": 2, "fa": 2}
PLACEHOLDER = re.compile(r"\{([a-zA-Z_][a-zA-Z0-9_]*)[^{}]*\}")


def _catalog(lang: str) -> Catalog:
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "accountdesk.po").open("rb") as handle:
        return read_po(handle, locale=lang)


def _ids(message: Message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


def _strings(message: Message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


@pytest.mark.parametrize("lang", sorted(PLURALS))
def test_every_entry_is_translated(lang: str) -> None:
    catalog = _catalog(lang)
    assert catalog.num_plurals == PLURALS[lang]
    empty, fuzzy, forms = [], [], []
    for message in catalog:
        if not message.id:
            continue
        strings = _strings(message)
        if message.fuzzy:
            fuzzy.append(_ids(message)[0])
        if not all(s.strip() for s in strings):
            empty.append(_ids(message)[0])
        if message.pluralizable and len(strings) != PLURALS[lang]:
            forms.append(_ids(message)[0])
    assert (empty, fuzzy, forms) == ([], [], []), f"{lang}: {len(empty)} empty"


@pytest.mark.parametrize("lang", sorted(PLURALS))
def test_placeholders_match_the_english(lang: str) -> None:
    wrong = []
    for message in _catalog(lang):
        if not message.id:
            continue
        allowed = {name for text in _ids(message) for name in PLACEHOLDER.findall(text)}
        needed = set(PLACEHOLDER.findall(_ids(message)[0])) - {"n"}
        for text in _strings(message):
            found = set(PLACEHOLDER.findall(text))
            if text and (not found <= allowed or not needed <= found):
                wrong.append((_ids(message)[0], text))
    assert wrong == []


@pytest.mark.parametrize("lang", sorted(PLURALS))
def test_a_plural_form_used_for_more_than_one_says_the_number(lang: str) -> None:
    """English may leave the number out of its singular ("the column that is not mapped"):
    it is used for 1 alone. A language's form that is also used for other numbers (Slovenian's
    first form for 101, 201 …; Latvian's for 21, 31 …) must say which, with {n}."""
    import gettext

    catalog = _catalog(lang)
    form_of = gettext.c2py(catalog.plural_expr)
    wrong = []
    for message in catalog:
        if not message.pluralizable or "{n" not in message.id[1]:
            continue
        for index, text in enumerate(_strings(message)):
            others = [n for n in range(2, 1001) if form_of(n) == index]
            if others and "{n" not in text:
                wrong.append((message.id[0], index, others[0]))
    assert wrong == []


def test_template_is_up_to_date_with_the_source(tmp_path: Path) -> None:
    """Every marked string of the source is in the template (so it can be translated)."""
    out = tmp_path / "fresh.pot"
    keywords = ["_", "N_", "ngettext:1,2", "pgettext:1c,2", "npgettext:1c,2,3"]
    args = [arg for k in keywords for arg in ("-k", k)]
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "-q", "extract", "-F", "babel.cfg",
         "--no-default-keywords", *args, "-o", str(out), "."],
        cwd=ROOT, check=True,
    )  # fmt: skip
    with out.open("rb") as handle:
        fresh = {(m.context, _ids(m)[0]) for m in read_po(handle) if m.id}
    with (TRANSLATIONS / "accountdesk.pot").open("rb") as handle:
        committed = {(m.context, _ids(m)[0]) for m in read_po(handle) if m.id}
    missing = sorted(str(key) for key in fresh - committed)
    assert missing == [], "run: uv run python scripts/i18n.py all"


@pytest.mark.parametrize("lang", sorted(PLURALS))
def test_glossary_terms_are_translated_the_same_way(lang: str) -> None:
    path = TRANSLATIONS / lang / "glossary.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        terms = list(csv.DictReader(handle, delimiter="\t"))
    assert len(terms) >= 15
    # the names of holidays (context "holiday") are each translated as the language names that
    # day ("Ascension Joint Holiday": "Göğe Yükseliş Günü Toplu İzni"), not in the UI's words
    catalog = [m for m in _catalog(lang) if m.id and m.context != "holiday"]
    off = []
    for term in terms:
        stem = (term.get("stem") or "").strip().casefold()
        if not stem:
            continue
        pattern = re.compile(rf"\b{re.escape(term['term'])}\b", re.IGNORECASE)
        for message in catalog:
            if pattern.search(PLACEHOLDER.sub("", _ids(message)[0])):
                for text in _strings(message):
                    folded = text.replace("I", "ı").replace("İ", "i") if lang == "tr" else text
                    if stem not in folded.casefold():
                        off.append((term["term"], _ids(message)[0], text))
    assert off == []


#: Placeholders that hold a date written with the month's name (CLDR's nominative: "27. marts",
#: "31. maj 2026"): {date}, {when}, {next} wherever they are, and {first}/{last}/{start}/{end}
#: in these messages (elsewhere they are years, ISO dates or times of day).
_DATED = {"date", "when", "next"}
_DATED_RANGES = (
    "The other totals are in {currency} at the exchange rates of {first} to {last}.",
    "Amounts in {currency} at the exchange rates of {first} to {last}.",
    "{day} is outside the days reports cover, {first} to {last}.",
    "{offset} from {start} to {end}, {difference}",
    "Season {start} to {end}: {name}",
)
#: Messages whose {date} is written in numbers ("pārcelta no 17.01.2026.": culture/calendar.py).
_NUMERIC_DATES = {"Day off (in place of {date})"}
#: Prepositions that govern a case the nominative month does not have: Latvian līdz (dative),
#: no, uz, kopš … (genitive, accusative); Slovenian do, od, z dne, na dan (genitive). Slovenian
#: "na {when}" (accusative) is right: a masculine month's accusative is its nominative.
_GOVERNING = {
    "lv": re.compile(r"\b(līdz|no|uz|kopš|pēc|pirms|ar)\s+\{(\w+)\}"),
    "sl": re.compile(r"\b(do|od|dne|na dan)\s+\{(\w+)\}"),
}


@pytest.mark.parametrize("lang", sorted(_GOVERNING))
def test_a_date_with_a_month_name_does_not_follow_a_preposition(lang: str) -> None:
    """ "līdz 2027. gada 27. marts", "na dan 31. maj 2026": CLDR gives the nominative month, so
    the sentence puts the date after a label and a colon or in parentheses instead."""
    wrong = []
    for message in _catalog(lang):
        if not message.id or _ids(message)[0] in _NUMERIC_DATES:
            continue
        dated = _DATED | (
            {"first", "last", "start", "end"} if _ids(message)[0] in _DATED_RANGES else set()
        )
        for text in _strings(message):
            for found in _GOVERNING[lang].finditer(text):
                if found.group(2) in dated:
                    wrong.append((_ids(message)[0], found.group(0)))
    assert wrong == []


def test_a_latvian_name_is_not_put_after_a_noun_in_another_case() -> None:
    """An apposition agrees in case with its noun ("Piezvaniet Jānim Kalniņam"), and a name
    cannot be declined safely: "kontaktpersonai Jānis Kalniņš" is wrong, "Piezvaniet: Jānis
    Kalniņš" is right."""
    apposition = re.compile(r"\bkontaktperson(ai|u|as|ām|ās)\s+\{(contact|name)\}")
    wrong = [
        _ids(message)[0]
        for message in _catalog("lv")
        if message.id and any(apposition.search(text) for text in _strings(message))
    ]
    assert wrong == []


#: Placeholders that stand for a person's name in Latvian messages.
_LV_PEOPLE = ("name", "kept", "contact", "who", "merged")
#: Words after which a Latvian noun takes a case other than the nominative a name is written
#: in: prepositions (par, ar, uz …) and the verbs that take a contact as their object.
_LV_GOVERNING_NAME = re.compile(
    r"\b(par|ar|uz|no|pie|pēc|bez|pret|izdzēst\w*|izdzēš|dzēš\w*|apvienot\w*)\s+\{("
    + "|".join(_LV_PEOPLE)
    + r")\}",
    re.IGNORECASE,
)


def test_a_latvian_name_does_not_follow_a_word_that_declines_it() -> None:
    """ "Par Mārtiņš Bērziņš glabātie personas dati", "Izdzēst Jānis Ozols pilnībā?": after a
    preposition or a verb the name would have to be declined, which cannot be done safely; the
    message puts it first, before a colon or a dash, instead."""
    wrong = [
        (_ids(message)[0], found.group(0))
        for message in _catalog("lv")
        if message.id
        for text in _strings(message)
        for found in _LV_GOVERNING_NAME.finditer(text)
    ]
    assert wrong == []


#: Terms that name different things, so no language may give them the same word: a prospect
#: and a lost account are accounts but not customers ("300 strank" beside "208 strank at the
#: end" read as a contradiction).
_DISTINCT_TERMS = (("account", "customer"),)


@pytest.mark.parametrize("lang", sorted(PLURALS))
def test_distinct_glossary_terms_get_distinct_words(lang: str) -> None:
    path = TRANSLATIONS / lang / "glossary.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        words = {row["term"]: row["translation"] for row in csv.DictReader(handle, delimiter="\t")}
    same = [terms for terms in _DISTINCT_TERMS if len({words[term] for term in terms}) == 1]
    assert same == []


#: Slovenian messages whose "their"/"them" is of several things, where the plural "njihov",
#: "z njimi" is right ("list the latest merges (with their ids)").
_SL_PLURAL_THEIR = {
    "The acquisition cost of the accounts acquired in the period (in each account's currency,"
    " converted) / their number; a cost not recorded counts as 0.",
    "{country} keeps several clocks and no contact of yours there tells which one: add the"
    " people you will meet (with their time zone), then make the brief again.",
    "Only a manager, or the owner of the accounts of all these contacts, can merge them or undo"
    " their merge: moving their records is the owner's. Nothing was changed.",
    "list the latest merges (with their ids)",
    "The records were deleted, but {path} could not be rebuilt to clear their traces from its"
    " free space: {reason}.",
    "No exchange rates yet. Add a rate below or import a CSV file of them: reports convert"
    " amounts in other currencies with them.",
}


def test_slovenian_speaks_of_one_contact_in_the_singular() -> None:
    """English "their time", "theirs" of one person is not the Slovenian plural "njihov čas"
    ("the time of those people"): "čas stika", "delovni čas stika". "njihov" and "z njimi"
    are kept for several things: in a plural message's forms for 2 and more, or in the
    messages above."""
    plural = re.compile(r"\b(njihov\w*|njimi)\b", re.IGNORECASE)
    wrong = []
    for message in _catalog("sl"):
        if not message.id or _ids(message)[0] in _SL_PLURAL_THEIR:
            continue
        singular = _strings(message)[:1]  # Slovenian's first form is for 1, 101, 201 …
        if any(plural.search(text) for text in singular):
            wrong.append((_ids(message)[0], singular[0]))
    assert wrong == []


#: First words of Slovenian holiday names that are proper names (a person, a god, a people), or
#: adjectives made from a person's name ("Prešernov dan", "Marijino vnebovzetje"), or a name
#: written as a proper name throughout ("Seng Kut Snem").
_SL_HOLIDAY_PROPER = {
    "Marija", "Marijino", "Kolumbov", "Budov", "Konfucijev", "Lincolnov", "Washingtonov",
    "Sewardov", "Trumanov", "Prešernov", "Valpurgina", "Karmelska", "Buda", "Mahavira", "Rama",
    "Ganeš", "Kali", "Višvakarma", "Govardhan", "Garia", "Ker", "Maheš", "Varalakšmi",
    "Naraka", "Holika", "Zomi", "Tamu", "Mera", "Lingri", "Seng", "Lui", "Remna", "Pohela",
}  # fmt: skip


def test_slovenian_holiday_names_are_written_in_lower_case() -> None:
    """Slovenian writes a holiday's name in lower case ("novo leto", "dan državnosti"), as the
    holidays package names Slovenia's own, beside which the other countries' are listed."""
    wrong = []
    for message in _catalog("sl"):
        if message.context != "holiday":
            continue
        for text in _strings(message):
            first = re.match(r"[^\s,(]*", text).group(0)  # type: ignore[union-attr]
            if first[:1].isupper() and first not in _SL_HOLIDAY_PROPER:
                wrong.append((_ids(message)[0], text))
    assert wrong == []
