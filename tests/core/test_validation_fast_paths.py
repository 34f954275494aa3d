"""The shortcut of the text checks (most cells of an import are printable text) refuses
nothing the full check would refuse, for every character."""

from __future__ import annotations

import sys

import phonenumbers
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


# --- phone numbers written whole in international form ------------------------------------


def _as_parse_has_it(text: str, country: str) -> str | None:
    """The library's own answer, the way :func:`validation.phone` gave it before its fast
    reading: E.164 for a valid number, None for one it refuses."""
    try:
        parsed = phonenumbers.parse(text, country)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _as_checked(text: str, country: str) -> str | None:
    try:
        return v.phone(text, country)
    except v.ValidationError:
        return None


def _every_example() -> list[tuple[str, str]]:
    """Every region's example number of every type, in E.164 and grouped international form,
    read for its own region and for another, and again with the region's national prefix
    (and the prefixes other regions use) kept after the country code, as people write
    "+44 (0)20 …"."""
    cases = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
        for kind in NUMBER_TYPES:
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            e164 = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
            grouped = phonenumbers.format_number(
                example, phonenumbers.PhoneNumberFormat.INTERNATIONAL
            )
            cases += [(e164, region), (grouped, region), (e164, "LV")]
            code = str(example.country_code)
            national = phonenumbers.national_significant_number(example)
            for prefix in {metadata.national_prefix or "", "0", "1", "8", "9", "06", "15"} - {""}:
                cases.append((f"+{code}{prefix}{national}", region))
            cases.append((f"+{code} (0) {national}", region))
    return cases


NUMBER_TYPES = [
    phonenumbers.PhoneNumberType.FIXED_LINE,
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.TOLL_FREE,
    phonenumbers.PhoneNumberType.PREMIUM_RATE,
    phonenumbers.PhoneNumberType.SHARED_COST,
    phonenumbers.PhoneNumberType.VOIP,
    phonenumbers.PhoneNumberType.PERSONAL_NUMBER,
    phonenumbers.PhoneNumberType.PAGER,
    phonenumbers.PhoneNumberType.UAN,
    phonenumbers.PhoneNumberType.VOICEMAIL,
]


def test_every_regions_examples_are_read_as_the_library_reads_them() -> None:
    cases = _every_example()
    assert len(cases) > 5000
    # most of them take the fast reading, so the comparison is of it, not of parse twice
    assert sum(v._international(text) is not None for text, _region in cases) > len(cases) / 2
    differ = [
        (text, region, _as_checked(text, region), _as_parse_has_it(text, region))
        for text, region in cases
        if _as_checked(text, region) != _as_parse_has_it(text, region)
    ]
    assert differ == []


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("+39 06 6982 1234", "the Italian leading zero"),
        ("+44 (0)20 7946 0958", "a national prefix kept after the country code"),
        ("+7 8 495 123 4567", "Russia's national prefix 8"),
        ("+372 5123 4567", "ASCII digits only: this one is read fast"),
        ("+۳۷۱ ۲۱ ۲۳۷ ۸۷۵", "Persian digits"),
        ("0039 06 6982 1234", "an international call prefix instead of +"),
    ],
)
def test_what_the_fast_reading_leaves_to_the_library(text: str, why: str) -> None:
    fast = v._international(text)
    if why.startswith("ASCII"):
        assert fast is not None
        assert phonenumbers.format_number(fast, phonenumbers.PhoneNumberFormat.E164) == (
            "+37251234567"
        )
    else:
        assert fast is None, why
    assert _as_checked(text, "LV") == _as_parse_has_it(text, "LV")


@given(
    st.sampled_from(sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)),
    st.text(alphabet="0123456789", min_size=1, max_size=14),
    st.sampled_from(["", " ", "-", ".", "(", ")", "\u00a0"]),
    st.sampled_from(["LV", "TH", "IR", "US", "DE"]),
)
def test_random_numbers_are_read_as_the_library_reads_them(
    code: int, national: str, gap: str, region: str
) -> None:
    text = f"+{code}{gap}{national[:3]}{gap}{national[3:]}"
    assert _as_checked(text, region) == _as_parse_has_it(text, region)
