"""The shortcuts of search folding (an import makes a document per record) give what the
general rule gives, for every character."""

from __future__ import annotations

import sys

from hypothesis import given
from hypothesis import strategies as st
from test_fts_words import _by_the_rule  # the definition the fast path must match

from accountdesk.core.db import fts


def _cjk_by_ranges(text: str) -> bool:
    return bool(text) and all(
        0x3040 <= ord(c) <= 0x30FF
        or 0x3400 <= ord(c) <= 0x9FFF
        or 0xAC00 <= ord(c) <= 0xD7AF
        or 0xF900 <= ord(c) <= 0xFAFF
        or 0x20000 <= ord(c) <= 0x2FA1F
        for c in text
    )


CHARACTERS = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]


def test_every_character_inside_and_beside_a_word() -> None:
    wrong = [
        ch
        for ch in CHARACTERS
        for text in (f"ä{ch}b", f"{ch} ж")
        if fts.words(text) != _by_the_rule(text)
    ]
    assert wrong == []


def test_every_character_in_a_name_shown_joined_or_not() -> None:
    wrong = [
        ch
        for ch in CHARACTERS
        for text in (ch, f"李{ch}", f"{ch}a")
        if fts._is_cjk(text) != _cjk_by_ranges(text)
    ]
    assert wrong == [] and not fts._is_cjk("")


@given(st.text(max_size=12), st.text(max_size=12), st.sampled_from(["given_first", "family_first"]))
def test_a_title_has_the_words_of_the_name_as_shown(given: str, family: str, order: str) -> None:
    title = fts.name_title(given, family, order)
    shown = fts.words(fts.fold(fts.display_name(given, family, order)))
    assert set(shown) <= set(fts.words(title))


def test_a_name_in_ascii_gets_no_word_for_its_shown_form() -> None:
    assert fts.name_title("Mary", "O'Brien", "family_first") == "mary o'brien obrien"
    assert fts.name_title("李", "磊", "family_first") == "李 磊 磊李"


def test_spellings_are_remembered_but_each_caller_gets_its_own_list() -> None:
    first = fts.spellings("Jörg Müller")
    first.append("changed")
    assert fts.spellings("Jörg Müller") == ["jorgmuller", "joerg", "mueller"]


@given(st.text(alphabet="aş.x@ (\"'\t\u00a0\u2003-,)", max_size=14))
def test_a_text_without_a_word_of_single_letters_and_dots_is_passed_as_it_is(text: str) -> None:
    """:func:`fts._undotted` skips the substitution where no word of single letters can
    start (an e-mail address, most of what it folds): it gives what the substitution gives."""
    assert fts._undotted(text) == fts._DOTTED.sub(lambda m: m[1].replace(".", ""), text)


def test_the_characters_a_dotted_word_may_follow_are_all_seen() -> None:
    """Every character the substitution lets a word start after (whitespace of every kind,
    brackets, quotes) is one the shortcut looks for."""
    missed = [
        ch
        for ch in CHARACTERS
        if fts._DOTTED.search(f"xy{ch}a.s") is not None and fts._WORD_START.search(ch) is None
    ]
    assert missed == []
