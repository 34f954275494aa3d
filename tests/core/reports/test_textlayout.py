"""The classic failures of PDF text in Thai and Persian, caught at the layout level."""

from __future__ import annotations

from itertools import pairwise

import pytest

from accountdesk.core.i18n import native_digits
from accountdesk.core.icu import line_breaks
from accountdesk.core.reports import fonts
from accountdesk.core.reports.textlayout import (
    TextStyle,
    bidi_levels,
    layout,
    mirror,
    reorder,
    resolve_align,
)

STYLE = TextStyle(size=10)
THAI = "บริษัทของเรายินดีต้อนรับลูกค้าใหม่ทุกท่านในกรุงเทพมหานครและเชียงใหม่"
PERSIAN = (
    "گزارش ارتباط با مشتری برای حساب شرکت نمونه که از سال ۱۳۹۸ مشتری ما است "
    "و نام تجاری AccountDesk را در قراردادهای خود به کار می‌برد."
)


def _thai_words(text: str) -> set[int]:
    return set(line_breaks(text))


def test_thai_breaks_only_at_word_boundaries() -> None:
    allowed = _thai_words(THAI)
    for width in (40, 60, 90, 130):
        lines = layout(THAI, width, STYLE)
        assert len(lines) > 1
        assert "".join(ln.logical for ln in lines) == THAI
        pos = 0
        for ln in lines[:-1]:
            pos += len(ln.logical)
            assert pos in allowed, f"Thai line broken inside a word at {pos} (width {width})"
            assert ln.width <= width + 0.01


def test_thai_is_not_cut_mid_word_in_a_known_sentence() -> None:
    # "welcome" = ยินดี | ต้อนรับ; a break after ยิน (3) or ต้อน (9) is the classic failure
    assert line_breaks("ยินดีต้อนรับ") == (5, 12)
    lines = layout("ยินดีต้อนรับ", 40, STYLE)
    assert [ln.logical for ln in lines] == ["ยินดี", "ต้อนรับ"]


def test_no_line_starts_with_a_combining_mark() -> None:
    for ln in layout(THAI * 2, 25, STYLE):
        assert ln.logical and fonts.script_of(ln.logical[0]) == "thai"
        assert (
            ln.logical[0]
            not in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e48\u0e49\u0e4a\u0e4b"
        )


def test_persian_lines_are_in_reading_order() -> None:
    lines = layout(PERSIAN, 150, STYLE, rtl=True)
    assert len(lines) >= 3
    # logical text of the lines, top to bottom, is the paragraph from its beginning
    assert "".join(ln.logical for ln in lines) == PERSIAN
    assert lines[0].logical.startswith("گزارش")
    # on the first line, the first word is drawn rightmost
    first = lines[0]
    rightmost = first.pieces[-1].source
    assert rightmost == "گزارش"


def test_numbers_and_latin_keep_left_to_right_order_inside_persian() -> None:
    text = "شماره ۱۲۳۴ و کد AB-12 ثبت شد"
    (line,) = layout(text, 1000, STYLE, rtl=True)
    visual = line.visual_text
    assert "۱۲۳۴" in visual  # digits not reversed
    assert "AB-12" in visual
    # the number comes after (left of) the word شماره in visual order: RTL reading
    assert visual.index("۱۲۳۴") < visual.index("هرامش")
    assert visual.index("AB-12") < visual.index("۱۲۳۴")
    # and the glyphs actually drawn for the number are in left-to-right order
    drawn = "".join(str(p.text) for p in line.pieces if p.source in "۰۱۲۳۴۵۶۷۸۹")
    assert drawn == "۱۲۳۴"


def test_digits_in_a_left_to_right_report_stay_as_they_are() -> None:
    (line,) = layout("Invoice 2026-0042 paid", 1000, STYLE)
    assert line.visual_text == "Invoice 2026-0042 paid"


def test_persian_digits() -> None:
    assert native_digits("2027-03-21", "fa") == "۲۰۲۷-۰۳-۲۱"
    assert native_digits("2027-03-21", "fa_IR") == "۲۰۲۷-۰۳-۲۱"
    assert native_digits("2027-03-21", "th") == "2027-03-21"


@pytest.mark.parametrize(
    "text",
    [
        "Rīga Ķekava Ņ ģ č š ž Ljubljana Ćiril İstanbul ğüşöçı",
        THAI,
        PERSIAN,
        "สมชาย Jaidee พบ علی در Rīga ۱۴۰۶",
    ],
)
def test_every_glyph_is_in_the_chosen_font(text: str) -> None:
    for ln in layout(text, 120, STYLE, rtl=fonts.is_arabic(ord(text[0]))):
        for piece in ln.pieces:
            family = piece.font.removesuffix("-Bold")
            for ch in piece.source:
                if ch in "\u200c\u200d":
                    continue
                assert fonts.has_glyph(family, ch), f"{ch!r} missing from {piece.font}"


def test_font_per_script_in_one_paragraph() -> None:
    (line,) = layout("Meeting with สมชาย and علی", 1000, STYLE)
    by_text = {p.source.strip(): p.font for p in line.pieces if p.source.strip()}
    assert by_text["สมชาย"] == fonts.THAI
    assert by_text["علی"] == fonts.PERSIAN
    assert any(f == fonts.LATIN for f in by_text.values())


def test_bidi_levels_and_reorder() -> None:
    levels = bidi_levels("ab 12 \u0633\u0644", rtl=True)
    assert levels[:2] == [2, 2] and levels[-1] == 1
    assert reorder(list("abc"), [1, 1, 1]) == ["c", "b", "a"]
    assert reorder(list("abcd"), [1, 2, 2, 1]) == ["d", "b", "c", "a"]


def test_mirroring_helpers() -> None:
    assert resolve_align("start", True) == "right"
    assert resolve_align("start", False) == "left"
    assert resolve_align("end", True) == "left"
    assert mirror([1, 2, 3], True) == [3, 2, 1]
    assert mirror([1, 2, 3], False) == [1, 2, 3]


def test_a_word_wider_than_the_line_is_cut_between_characters_with_a_hyphen() -> None:
    lines = layout("Supercalifragilisticexpialidocious", 40, STYLE)
    assert len(lines) > 1
    assert all(ln.width <= 40 for ln in lines)  # the hyphen included
    *cut, last = [ln.logical for ln in lines]
    assert all(part.endswith("-") for part in cut) and not last.endswith("-")
    assert "".join(part[:-1] for part in cut) + last == "Supercalifragilisticexpialidocious"


@pytest.mark.parametrize("rtl", [False, True])
def test_a_latvian_title_cut_in_a_narrow_column_shows_a_hyphen(rtl: bool) -> None:
    """QA: "Uzņēmu/mi", "Atbildīg/ais" cut with nothing to show it; the hyphen is drawn after
    the word's last letter, in the word's direction, in a right-to-left block too."""
    bold = STYLE.but(bold=True)
    width = layout("Uzņēmumi", 1e9, bold)[0].width * 0.8
    lines = layout("Uzņēmumi", width, bold, rtl)
    first, second = (ln.logical for ln in lines)
    assert first.endswith("-") and first[:-1] + second == "Uzņēmumi"
    assert lines[0].visual_text.endswith("-")
    assert all(ln.width <= width for ln in lines)


def test_thai_persian_numbers_and_kept_values_are_cut_without_a_hyphen() -> None:
    """Thai and Persian are not hyphenated, a hyphen in a number reads as a minus, and one in
    an e-mail address would be taken for part of it."""
    from accountdesk.core.bidi import ltr

    thai = layout("กรุงเทพมหานคร", 20, STYLE)  # one word, wider than the line
    persian = layout("قراردادهای", 15, STYLE, rtl=True)
    number = layout("12345678901234567890", 30, STYLE)
    email = layout(ltr("oguz.aydin@kapadokyaseramik.example"), 60, STYLE)
    for lines in (thai, persian, number, email):
        assert len(lines) > 1
        assert not any(ln.logical.endswith("-") for ln in lines)
    assert "".join(ln.logical for ln in thai) == "กรุงเทพมหานคร"


def test_thai_still_wraps_between_words_without_a_hyphen() -> None:
    lines = layout(THAI, 120, STYLE)
    assert "".join(ln.logical for ln in lines) == THAI
    breaks = _thai_words(THAI)
    pos = 0
    for ln in lines[:-1]:
        pos += len(ln.logical)
        assert pos in breaks  # every line ends between two words


def test_isolates_keep_inserted_text_in_order_and_are_not_drawn() -> None:
    from accountdesk.core.bidi import isolate, ltr

    phone = "سلام " + ltr("+371 2000 0000") + "."
    (line,) = layout(phone, 1e9, STYLE, rtl=True)
    assert line.logical == "سلام +371 2000 0000."  # the isolates are resolved, not drawn
    assert line.visual_text == ".+371 2000 0000 " + "سلام"[::-1]
    # without the isolate the "+" would land on the far side of the number
    (bare,) = layout("سلام +371 2000 0000.", 1e9, STYLE, rtl=True)
    assert bare.visual_text != line.visual_text
    name = "نام: " + isolate("Maíz Dorado S.A. de C.V.")
    (named,) = layout(name, 1e9, STYLE, rtl=True)
    assert named.visual_text.startswith("Maíz Dorado S.A. de C.V. ")  # the period stays behind
    # the paragraph's direction skips isolated text (rule P2): Persian decides here
    assert layout(isolate("Anna") + " سلام", 1e9, STYLE)[0].visual_text.endswith("Anna")


def test_isolate_levels() -> None:
    fsi, lri, rli, pdi = "\u2068", "\u2066", "\u2067", "\u2069"
    assert bidi_levels(f"ab{lri}cd{pdi}", False) == [0, 0, 0, 2, 2, 0]
    assert bidi_levels(f"ا{fsi}ab{pdi}", True) == [1, 1, 2, 2, 1]
    assert bidi_levels(f"a{rli}ب{pdi}", False) == [0, 0, 1, 0]
    assert bidi_levels(f"{fsi}ab", True) == [1, 2, 2]  # not closed: to the paragraph's end
    assert bidi_levels(f"{pdi}ab", True) == [1, 2, 2]  # a stray PDI is a neutral


@pytest.mark.parametrize("rtl", [False, True])
def test_phone_numbers_e_mail_addresses_and_urls_are_not_broken_inside(rtl: bool) -> None:
    """A value put in through ``bidi.ltr`` moves whole to the next line: ICU would break a
    phone number at its spaces and a URL after a slash, and a hard cut an e-mail address."""
    from accountdesk.core.bidi import isolate, ltr

    phone, url = "+90 501 234 05 14", "https://kapadokyaseramik.example/iletisim/form"
    email = "oguz.aydin@kapadokyaseramik.example"
    label = "تلفن" if rtl else "Phone"
    text = isolate(f"{label} {ltr(phone)}, {ltr(url)}; {ltr(email)}")
    values = (phone, url, email)
    widths = [layout(v, 1e9, STYLE)[0].width for v in values]
    for width in (max(widths) + 1, widths[0] + 30):
        lines = [ln.logical for ln in layout(text, width, STYLE, rtl)]
        assert "".join(lines) == f"{label} {phone}, {url}; {email}"
        for value, own in zip(values, widths, strict=True):
            if own < width:  # a value wider than the line is cut, as any word would be
                assert any(value in line for line in lines), (value, lines)


def test_unbroken_width_is_that_of_the_widest_word_or_value_kept_whole() -> None:
    from accountdesk.core.bidi import ltr
    from accountdesk.core.reports.textlayout import unbroken_width

    email = "oguz.aydin@kapadokyaseramik.example"
    phone = "+90 501 234 05 14"
    # without a value kept whole: the widest word, with the comma stuck to it
    assert unbroken_width("Mehmet Kaya, Genel Müdür", STYLE) == pytest.approx(
        max(layout(w, 1e9, STYLE)[0].width for w in ("Mehmet", "Kaya,", "Genel", "Müdür"))
    )
    text = f"{ltr(phone)}\n{ltr(email)}"
    assert unbroken_width(text, STYLE) == pytest.approx(layout(email, 1e9, STYLE)[0].width)
    # punctuation stuck to the value is part of what cannot be broken
    assert unbroken_width(f"({ltr(phone)})", STYLE) == pytest.approx(
        layout(f"({phone})", 1e9, STYLE)[0].width
    )


def test_unbroken_width_of_thai_is_that_of_a_word_not_the_sentence() -> None:
    """Thai has no spaces: its widest piece is an ICU word, so a table column is not widened
    to a whole Thai sentence."""
    from accountdesk.core.reports.textlayout import unbroken_width

    starts = [0, *line_breaks(THAI)]
    words = [THAI[a:b] for a, b in pairwise(starts)]
    assert len(words) > 5
    widest = max(layout(w, 1e9, STYLE)[0].width for w in words)
    assert unbroken_width(THAI, STYLE) == pytest.approx(widest)
    assert unbroken_width(THAI, STYLE) < layout(THAI, 1e9, STYLE)[0].width / 4
