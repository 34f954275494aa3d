"""A Persian half-space (ZWNJ, U+200C, نیم‌فاصله) keeps the letters either side of it apart and
takes no room, on the page as HarfBuzz shaped it.

The half-space is drawn under its own code so that copied text keeps it
(``textlayout._joiners_kept``); ReportLab then moved the pen by that glyph's width (none) and
back by the width of the space HarfBuzz had drawn instead, so every letter after it in the
run was drawn a space to the left: "جمع‌های" read "جمعهای" (the final ع over the initial ه),
"می‌شود" read "میشود", and each such word left a space's gap before it in wrapped paragraphs,
headings and table cells alike (review rev30's 1st).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from accountdesk.core.reports import fonts
from accountdesk.core.reports.textlayout import Line, TextBlock, TextStyle, layout, shape

ZWNJ = "\u200c"

#: The currency box of the Persian account report, which wraps.
PARAGRAPH = (
    "نرخ ارزی از IRR به EUR نیست: جمعی که مبلغی به این واحد پول در آن باشد، به تفکیک واحد پول"
    " و همان\u200cطور که ثبت شده نشان داده می\u200cشود و تبدیل نمی\u200cشود. جمع\u200cهای دیگر"
    " به EUR هستند. نرخ را در صفحه گزارش\u200cها (نرخ\u200cهای ارز…) بیفزایید."
)
WIDTH = 240.0
STYLES = [TextStyle(size=12), TextStyle(size=12, bold=True)]


def _lines(style: TextStyle) -> list[Line]:
    lines = layout(PARAGRAPH, WIDTH, style, rtl=True)
    spaced = [ln for ln in lines if ZWNJ in ln.logical]
    assert len(spaced) >= 3, [ln.logical for ln in lines]  # half-spaces on several lines
    return lines


def _form(glyph: str) -> str:
    """A joining letter's form as drawn: "initial", "medial", "final" or "isolated" (a
    letter's own code is its isolated glyph)."""
    name = unicodedata.name(glyph, "")
    for form in ("INITIAL", "MEDIAL", "FINAL"):
        if name.endswith(f"{form} FORM"):
            return form.lower()
    return "isolated"


def _drawn_advances(text: str, font: str) -> list[float]:
    """How far ReportLab moves the pen for each glyph of a shaped string (in thousandths of
    the font size): it draws the glyph of each code, as wide as the font says that code is,
    then moves back by the width recorded with it less HarfBuzz's advance
    (``PDFTextObject._formatText``)."""
    widths = pdfmetrics.getFont(font).face.charWidths
    return [
        widths.get(ord(ch), 0) - d.width + d.x_advance
        for ch, d in zip(text, text.__shapeData__, strict=True)  # type: ignore[attr-defined]
    ]


@pytest.mark.parametrize("style", STYLES, ids=["regular", "bold"])
def test_letters_either_side_of_a_half_space_do_not_join_and_it_takes_no_room(
    style: TextStyle,
) -> None:
    seen = 0
    for line in _lines(style):
        for piece in line.pieces:
            if ZWNJ not in piece.source:
                continue
            seen += 1
            glyphs = str(piece.text)
            assert glyphs.count(ZWNJ) == piece.source.count(ZWNJ), piece.source
            # a right-to-left run's glyphs are in visual order: the letter before the
            # half-space in reading order is the glyph to its right
            for i, glyph in enumerate(glyphs):
                if glyph != ZWNJ:
                    continue
                assert _form(glyphs[i + 1]) in ("final", "isolated"), (piece.source, glyphs)
                assert _form(glyphs[i - 1]) in ("initial", "isolated"), (piece.source, glyphs)
            advances = _drawn_advances(piece.text, piece.font)
            data = piece.text.__shapeData__  # type: ignore[attr-defined]
            for glyph, advance, d in zip(glyphs, advances, data, strict=True):
                assert advance == pytest.approx(d.x_advance), (piece.source, glyph)
                if glyph == ZWNJ:
                    assert advance == 0, piece.source
            assert sum(advances) * style.size / 1000 == pytest.approx(piece.width)
    assert seen >= 6


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
@pytest.mark.parametrize("style", STYLES, ids=["regular", "bold"])
def test_a_wrapped_paragraph_draws_half_spaced_words_as_wide_as_laid_out(
    tmp_path: Path, style: TextStyle
) -> None:
    pdf = tmp_path / "half.pdf"
    canvas = Canvas(str(pdf), pagesize=(400, 400))
    block = TextBlock(PARAGRAPH, style, rtl=True)
    _width, height = block.wrap(WIDTH, 1000)
    left = 80.0
    block.drawOn(canvas, left, 380 - height)
    canvas.save()
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = [
        (float(x0), float(x1), float(y0), text)
        for x0, y0, x1, text in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
            out,
        )
    ]
    spaced = [w for w in words if ZWNJ in w[3]]
    assert len(spaced) >= 6, words
    font = fonts.font_name(fonts.PERSIAN, style.bold)
    for x0, x1, _y, text in spaced:
        logical = text[::-1]  # pdftotext gives a right-to-left word's glyphs left to right
        word = logical.strip("().،…")
        expected = shape(word, font, style.size)[1]
        drawn = x1 - x0
        if word != logical:  # punctuation drawn with it
            continue
        assert drawn == pytest.approx(expected, abs=0.05), (word, drawn, expected)
    # each line starts at the block's right edge: no gap before a half-spaced word
    lines: list[list[float]] = []  # the right ends of each line's words
    top = -1e9
    for _x0, x1, y, _text in sorted(words, key=lambda w: w[2]):
        if y - top > style.size / 2:  # a Latin word's box is a little higher than Persian's
            lines.append([])
            top = y
        lines[-1].append(x1)
    assert len(lines) == len(block._lines)
    for ends in lines:
        assert max(ends) == pytest.approx(left + WIDTH, abs=0.05), ends


@pytest.mark.parametrize(
    ("family", "text"),
    [
        (fonts.PERSIAN, "علی\u200cزاده"),
        (fonts.LATIN, "a\u200cb"),
        (fonts.THAI, "ก\u200cข"),
        (fonts.CJK, "中\u200c文"),  # no glyph of its own in the font: drawn as the space
        (fonts.EMOJI, "\U0001f642\u200c\U0001f642"),
    ],
)
@pytest.mark.parametrize("bold", [False, True])
def test_a_half_space_moves_nothing_in_any_font(family: str, text: str, bold: bool) -> None:
    font = fonts.font_name(family, bold)
    shaped, width = shape(text, font, 10)
    advances = _drawn_advances(shaped, font)
    data = shaped.__shapeData__  # type: ignore[attr-defined]
    assert advances == pytest.approx([d.x_advance for d in data])
    assert sum(advances) / 100 == pytest.approx(width)
    zwnj = [a for a, d in zip(advances, data, strict=True) if text[d.cluster] == ZWNJ]
    assert zwnj == [0]
