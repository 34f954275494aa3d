"""The shipped etiquette notes: one TOML file per country in ``resources/etiquette/``.

The schema is documented in ``resources/etiquette/README.md`` and checked by :func:`validate`
(a test runs it over every file). Notes are English; their translations live in one file per
language, ``resources/etiquette/translations/<lang>.toml`` (:func:`overlay`), and the loader
falls back to English. Loaded files are cached.
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import time
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from accountdesk.core.culture.calendar import BusinessHours
from accountdesk.core.i18n import N_, current_language
from accountdesk.core.paths import resource_dir

SECTIONS: tuple[str, ...] = (
    "greeting",
    "communication",
    "hierarchy",
    "trust",
    "time",
    "meetings",
    "business_cards",
    "gifts",
    "dining",
    "dress",
    "topics_to_avoid",
    "seasons",
)
HIGHLIGHT_SECTIONS: tuple[str, ...] = ("greeting", "communication", "gifts", "topics_to_avoid")
KINDS: frozenset[str] = frozenset({"do", "dont", "tip"})

SECTION_TITLES: dict[str, str] = {
    "greeting": N_("Greeting and forms of address"),
    "communication": N_("Communication style"),
    "hierarchy": N_("Hierarchy and decision making"),
    "trust": N_("Trust and relationships"),
    "time": N_("Time and punctuality"),
    "meetings": N_("Meetings and negotiation"),
    "business_cards": N_("Business cards"),
    "gifts": N_("Gifts"),
    "dining": N_("Dining and drink"),
    "dress": N_("Dress"),
    "topics_to_avoid": N_("Topics to avoid"),
    "seasons": N_("Seasons to respect"),
}
KIND_LABELS: dict[str, str] = {"do": N_("Do"), "dont": N_("Don't"), "tip": N_("Tip")}


@dataclass(frozen=True)
class Note:
    kind: str  # "do", "dont" or "tip"
    text: str


#: The language whose readers a phrase's ``pronunciation`` is written for: an English
#: respelling ("mem-NOON ol-DOOM"), whose "oo", "ee" and "sh" mislead a Slovenian or Turkish
#: reader. Others get it only where it is all they could go by (:func:`_guide`).
PRONUNCIATION_LANGUAGE = "en"


def _script(text: str) -> str | None:
    """The script of the first letter of ``text`` ("LATIN", "THAI", "ARABIC" …)."""
    for ch in text:
        if ch.isalpha():
            return unicodedata.name(ch, "").split(" ")[0] or None
    return None


@cache
def _reader_script(lang: str) -> str | None:
    """The script a reader of ``lang`` reads: that of the language's own name for itself."""
    from babel import Locale

    return _script(Locale.parse(lang).get_display_name(lang) or "")


def _guide(local: str, guide: str, lang: str) -> str | None:
    """The pronunciation guide of the phrase ``local`` for a reader of ``lang``: English
    readers get it; so does a reader for whom the phrase is in a script other than Latin and
    their own (a Thai greeting for a Slovenian reader, a Persian one for a Thai reader: a
    respelling in Latin letters is all they can go by). A phrase in Latin letters, or in the
    reader's own script, they read as written, better than by a respelling of English
    sounds."""
    if not guide:
        return None
    if lang == PRONUNCIATION_LANGUAGE:
        return guide
    script = _script(local)
    return guide if script not in ("LATIN", _reader_script(lang)) else None


@dataclass(frozen=True)
class Phrase:
    local: str
    #: how to say it, for a reader of :data:`PRONUNCIATION_LANGUAGE`; None for the others
    pronunciation: str | None
    meaning: str


@dataclass(frozen=True)
class Etiquette:
    country: str
    summary: str
    sections: dict[str, list[Note]]
    phrases: list[Phrase]
    business_hours: BusinessHours | None = None
    language: str = "en"
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


def etiquette_dir() -> Path:
    return resource_dir() / "etiquette"


@cache
def covered_countries_tuple() -> tuple[str, ...]:
    folder = etiquette_dir()
    if not folder.is_dir():
        return ()
    return tuple(
        sorted(
            p.stem.upper() for p in folder.glob("*.toml") if len(p.stem) == 2 and p.stem.isalpha()
        )
    )


def covered_countries() -> list[str]:
    """Countries with a curated etiquette file, sorted by code."""
    return list(covered_countries_tuple())


@cache
def _raw(country: str) -> dict[str, Any] | None:
    path = etiquette_dir() / f"{country}.toml"
    if not path.is_file():
        return None
    with path.open("rb") as fh:
        return tomllib.load(fh)


def parse_time(value: object) -> time | None:
    if isinstance(value, time):
        return value
    if not isinstance(value, str):
        return None
    try:
        hh, mm = value.split(":")
        return time(int(hh), int(mm))
    except ValueError:
        return None


def curated_hours(country: str) -> tuple[time, time] | None:
    """The curated business hours of ``country`` (start, end), or None."""
    data = _raw(country.upper())
    if data is None:
        return None
    hours = data.get("business_hours")
    if not isinstance(hours, dict):
        return None
    start, end = parse_time(hours.get("start")), parse_time(hours.get("end"))
    if start is None or end is None:
        return None
    return start, end


def validate(data: dict[str, Any]) -> list[str]:
    """Problems with one parsed etiquette file against the schema (empty when valid)."""
    problems: list[str] = []
    if not isinstance(data.get("summary"), str) or not data["summary"].strip():
        problems.append("summary: missing or empty")
    hours = data.get("business_hours")
    if not isinstance(hours, dict):
        problems.append("business_hours: missing table")
    else:
        start, end = parse_time(hours.get("start")), parse_time(hours.get("end"))
        if start is None or end is None:
            problems.append("business_hours: start and end must be HH:MM")
        elif start >= end:
            problems.append("business_hours: start must be before end")
    allowed = set(SECTIONS) | {"summary", "business_hours", "phrases"}
    for key in data:
        if key not in allowed:
            problems.append(f"{key}: unknown key (translations go in translations/<lang>.toml)")
    for section in SECTIONS:
        notes = data.get(section)
        if not isinstance(notes, list) or not notes:
            problems.append(f"{section}: missing or empty")
            continue
        for i, note in enumerate(notes):
            if not isinstance(note, dict):
                problems.append(f"{section}[{i}]: not a table")
                continue
            if note.get("kind") not in KINDS:
                problems.append(f"{section}[{i}]: kind must be do, dont or tip")
            text = note.get("text")
            if not isinstance(text, str) or not text.strip():
                problems.append(f"{section}[{i}]: text missing")
            for key in note:
                if key not in ("kind", "text"):
                    problems.append(f"{section}[{i}]: unknown key {key}")
    phrases = data.get("phrases")
    if not isinstance(phrases, list) or not phrases:
        problems.append("phrases: missing or empty")
    else:
        for i, phrase in enumerate(phrases):
            if not isinstance(phrase, dict):
                problems.append(f"phrases[{i}]: not a table")
                continue
            for key in ("local", "pronunciation", "meaning"):
                if not isinstance(phrase.get(key), str) or not phrase[key].strip():
                    problems.append(f"phrases[{i}]: {key} missing")
            for key in phrase:
                if key not in ("local", "pronunciation", "meaning"):
                    problems.append(f"phrases[{i}]: unknown key {key}")
            if "(" in str(phrase.get("pronunciation", "")):
                # shown as it is in every language: "(men)" stayed English in Thai and Persian
                problems.append(f"phrases[{i}]: a note in the pronunciation (put it in meaning)")
    return problems


def translations_dir() -> Path:
    return etiquette_dir() / "translations"


@cache
def overlay(lang: str) -> dict[str, Any]:
    """The translations of one language, ``translations/<lang>.toml``: per country a
    ``summary`` and the tables ``text`` and ``meaning``, keyed by the English text (empty when
    the language has no file). An English text that changes falls back to English until its
    translation is updated; a test lists translations whose English text no longer exists."""
    path = translations_dir() / f"{lang}.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        return tomllib.load(fh)


def _pick(table: dict[str, Any], key: str, lang: str, country: str = "") -> str:
    english = str(table.get(key, ""))
    if lang != "en":
        found = overlay(lang).get(country, {})
        translated = found.get("summary") if key == "summary" else found.get(key, {}).get(english)
        if isinstance(translated, str) and translated.strip():
            return translated
    return english


@lru_cache(maxsize=1024)
def _load(country: str, lang: str) -> Etiquette | None:
    data = _raw(country)
    if data is None:
        return None
    sections: dict[str, list[Note]] = {}
    for section in SECTIONS:
        notes = data.get(section) or []
        sections[section] = [
            Note(str(n.get("kind", "tip")), _pick(n, "text", lang, country))
            for n in notes
            if isinstance(n, dict)
        ]
    phrases = [
        Phrase(
            str(p.get("local", "")),
            _guide(str(p.get("local", "")), str(p.get("pronunciation", "")), lang),
            _pick(p, "meaning", lang, country),
        )
        for p in data.get("phrases") or []
        if isinstance(p, dict)
    ]
    hours = curated_hours(country)
    return Etiquette(
        country=country,
        summary=_pick(data, "summary", lang, country),
        sections=sections,
        phrases=phrases,
        business_hours=None if hours is None else BusinessHours(hours[0], hours[1], True),
        language=lang,
    )


def _lang(lang: str | None) -> str:
    code = lang or current_language().code
    return code.replace("-", "_").split("_")[0].lower()


def load_etiquette(country: str, lang: str | None = None) -> Etiquette | None:
    """The curated notes for ``country`` in ``lang`` (fallback English), or None. Its phrases
    carry their pronunciation guide where it helps the reader (:func:`_guide`): every screen
    and text that shows phrases shows the guide when it is there."""
    return _load(country.upper(), _lang(lang))


def highlights(country: str, lang: str | None = None) -> dict[str, list[Note]]:
    """The key sections for the reach-out panel: address, communication, gifts, topics."""
    found = load_etiquette(country, lang)
    if found is None:
        return {}
    return {s: list(found.sections.get(s, [])) for s in HIGHLIGHT_SECTIONS}
