"""The words the search index keys a name by: an ASCII fast path and the general rule agree."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from accountdesk.core.db.fts import fold, words


def _by_the_rule(folded: str) -> list[str]:
    """Runs of letters, digits and marks (what the FTS5 tokenizer keeps), one character at a
    time: the definition the fast path must match."""
    found: list[str] = []
    current = ""
    for ch in folded:
        if ch.isalnum() or unicodedata.category(ch) in ("Mn", "Mc", "Co"):
            current += ch
        elif current:
            found.append(current)
            current = ""
    return [*found, current] if current else found


@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=40))
def test_ascii_text_gives_the_words_of_the_rule(text: str) -> None:
    assert words(text) == _by_the_rule(text)


@given(st.text(max_size=30))
def test_any_text_gives_the_words_of_the_rule(text: str) -> None:
    assert words(text) == _by_the_rule(text)


def test_names_in_six_languages() -> None:
    # single letters with dots between them are one word: "A.Ş." is "as", as "AŞ" is
    assert words(fold("Ayşe Yılmaz-Öztürk, A.Ş.")) == ["ayse", "yilmaz", "ozturk", "as"]
    assert words(fold("Ilze Bērziņa")) == ["ilze", "berzina"]
    assert words(fold("สมชาย ใจดี")) == ["สมชาย", "ใจดี"]
    assert words(fold("مریم کریمی")) == ["مریم", "کریمی"]
