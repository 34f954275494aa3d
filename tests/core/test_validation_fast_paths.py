"""The shortcut of the text checks (most cells of an import are printable text) refuses
nothing the full check would refuse, for every character."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accountdesk.core import validation as v

CHARACTERS = [chr(c) for c in range(sys.maxunicode + 1)]


def test_no_printable_character_is_refused_or_invisible_but_the_space() -> None:
    """What lets :func:`validation.text_problem` pass printable text at once."""
    wrong = [
        f"U+{ord(ch):04X}"
        for ch in CHARACTERS
        if ch.isprintable()
        and (
            v._REFUSED_IN_LINE.search(ch)
            or v._REFUSED_IN_TEXT.search(ch)
            or (v._invisible(ch) and ch != " ")
        )
    ]
    assert wrong == []


@pytest.mark.parametrize("text", [" ", "   ", "\u00a0", "\u200b", " \u200c "])
def test_text_of_only_invisible_characters_is_still_refused(text: str) -> None:
    assert v.text_problem(text) is not None
    if text.strip():
        with pytest.raises(v.ValidationError):
            v.optional("city", text)
    else:
        assert v.optional("city", text) is None


def test_printable_text_is_still_held_to_its_length() -> None:
    assert v.optional("tier", "  gold  ") == "gold"
    with pytest.raises(v.ValidationError, match="40"):
        v.optional("tier", "x" * 41)


@given(st.text(max_size=20), st.sampled_from(["city", "notes", "given_name"]))
def test_optional_keeps_what_it_may_store(text: str, key: str) -> None:
    try:
        kept = v.optional(key, text)
    except v.ValidationError:
        return
    if kept is not None:
        assert v.text_problem(kept, multiline=key in v.MULTILINE) is None
        assert kept == kept.strip()


@pytest.mark.parametrize("label", ["work", "home", "Mobile", "บ้าน", "domů"])
def test_list_labels(label: str) -> None:
    assert v.is_list_label(label)


@pytest.mark.parametrize("label", ["", "work1", "w ork", "x" * 41, "_a", "a-b"])
def test_not_list_labels(label: str) -> None:
    assert not v.is_list_label(label)


def _fresh(text: str) -> str:
    """``text`` as a new string object (as a file's cell is), not the literal's."""
    return "".join(list(text))


@pytest.mark.parametrize(
    ("check", "typed"),
    [
        (v.country, "lv"),
        (v.timezone, "Europe/Riga"),
        (lambda text: v.subdivision("TR", text), "34"),
        (v.language_tag, "fa_IR"),
        (v.currency, "eur"),
        (lambda text: v.list_label("phone", text), "mobile"),
        (lambda text: v.choice("formality", text, ("formal", "informal")), "Formal"),
        (lambda text: v.choice("formality", text, ("formal", "informal")), "formal"),
        (lambda text: v.parse_hhmm("work_start", text), "9.30"),
    ],
)
def test_a_value_from_a_small_set_is_one_object_however_often_it_is_checked(
    check: object, typed: str
) -> None:
    """What lets an import's chunks carry each country, zone, label or choice once (pickle
    writes an object it has already written as a reference): the checks return them
    interned."""
    assert callable(check)
    first, second = check(_fresh(typed)), check(_fresh(typed))
    assert first == second
    assert first is second
