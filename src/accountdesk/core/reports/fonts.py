"""The report fonts (shipped in resources/fonts) and the choice of a font per character.

Noto Sans covers Latin with every diacritic Latvian, Slovenian and Turkish need; Noto Sans Thai
covers Thai only; Vazirmatn covers Persian/Arabic and basic Latin; Droid Sans Fallback covers
Chinese (Han), Japanese kana and Korean Hangul (TrueType outlines: ReportLab cannot embed the
CFF outlines of Noto Sans CJK); Noto Emoji (the monochrome one: ReportLab draws outlines, not
the colour bitmaps of Noto Color Emoji) covers emoji, their skin tones, flags and ZWJ sequences.
A run of text gets the font its script prefers, falling back to any registered font that has
the glyph.

The CJK and emoji fonts have no bold file (bold text is drawn in their regular weight). A family
is registered when a report first needs it (:func:`require`: a character of its script, or a
style naming it): reading the CJK font's 3.4 MB takes about 70 ms, each other file 20–30 ms.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from accountdesk.core.paths import resource_dir

LATIN = "AD-NotoSans"
THAI = "AD-NotoSansThai"
PERSIAN = "AD-Vazirmatn"
CJK = "AD-DroidSansFallback"
EMOJI = "AD-NotoEmoji"

# family -> (regular file, bold file or None when the family has no bold)
_FILES: dict[str, tuple[str, str | None]] = {
    LATIN: ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    THAI: ("NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf"),
    PERSIAN: ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf"),
    CJK: ("DroidSansFallback.ttf", None),
    EMOJI: ("NotoEmoji-Regular.ttf", None),
}
FAMILIES = tuple(_FILES)
_ON_DEMAND = frozenset({CJK, EMOJI})  # registered by the first character that needs it
_lock = threading.Lock()


def font_dir() -> Path:
    return resource_dir() / "fonts"


def font_name(family: str, bold: bool = False) -> str:
    """The ReportLab name of the family's regular or bold font (a family without a bold file
    answers its regular font)."""
    return family + ("-Bold" if bold and _FILES[family][1] is not None else "")


@cache
def _register(family: str) -> None:
    regular, bold = _FILES[family]
    files = [(font_name(family), regular)]
    if bold is not None:
        files.append((font_name(family, True), bold))
    for name, filename in files:
        path = font_dir() / filename
        if not path.exists():
            raise FileNotFoundError(f"report font missing: {path}")
        pdfmetrics.registerFont(_TextFont(name, str(path)))


#: What each private-use code ReportLab gave a glyph stands for, per font: ReportLab draws a
#: glyph the font's character map does not reach (a ligature such as Persian "ای", a Thai
#: mark moved clear of a tall letter) under a code of the private-use area and maps that code
#: to itself in the PDF's ToUnicode map, so copied text gave U+E000… instead of letters.
_GLYPH_TEXT: dict[str, dict[int, str]] = {}
_CMAP_ENTRY = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{4,6})>")


def is_private_use(cp: int) -> bool:
    """A code of a private-use area: ReportLab's codes for glyphs outside a font's character
    map (U+E000…), and the codes Noto Emoji's map gives a keycap or "❤️" (U+FE4E8…)."""
    return 0xE000 <= cp <= 0xF8FF or 0xF0000 <= cp <= 0x10FFFD


def note_glyph_text(font: str, code: int, text: str) -> None:
    """Record that the glyph ReportLab draws as private-use ``code`` in ``font`` was shaped
    from ``text`` (the first text seen for a glyph stays)."""
    _GLYPH_TEXT.setdefault(font, {}).setdefault(code, text)


class _TextFont(TTFont):  # type: ignore[misc]
    """A TrueType font whose ToUnicode map gives, for each private-use code, the characters
    its glyph was shaped from (:func:`note_glyph_text`), and for each Arabic presentation form
    its letters (:func:`is_presentation_form`), so text copied out of the PDF (and
    ``pdftotext``) has the original letters.

    It also gives such a glyph its true width. ReportLab (5.1) records a private-use glyph's
    width in the font's own units instead of thousandths of an em: 708 instead of 346 for a
    Persian initial "پ" of Vazirmatn (2048 units an em). It moves the pen back by the
    difference, so glyphs sit right, but the PDF's width table says 708: a text extractor
    takes the last glyph of a word for twice as wide as it is, the word then overlaps the
    space after it, and ``pdftotext`` joins the two words ("دورهپیشین")."""

    def hbFont(self, fontSize: float = 10) -> Any:
        font = super().hbFont(fontSize)
        add: Callable[[str, int, float], int] = getattr(self, "hbAddPrivate")  # noqa: B009

        def add_private(name: str, gid: int, advance: float) -> int:
            code: int = add(name, gid, advance)
            self.face.charWidths[code] = self.pdfScale(font.get_glyph_h_advance(gid))
            return code

        self.hbAddPrivate = add_private
        return font

    def addObjects(self, doc: Any) -> None:
        before = set(doc.idToObject)
        super().addObjects(doc)
        known = _GLYPH_TEXT.get(self.fontName, {})
        for name in set(doc.idToObject) - before:
            if str(name).startswith("toUnicodeCMap:"):
                stream = doc.idToObject[name]
                stream.content = _CMAP_ENTRY.sub(lambda m: _entry(m, known), stream.content)


def _entry(found: re.Match[str], known: dict[int, str]) -> str:
    code = int(found.group(2), 16)
    text = known.get(code)
    if text is None and is_presentation_form(code):
        # a ligature's letters in drawing order: a right-to-left line is drawn in visual
        # order and extractors reverse it back, so "ﻻ" given as "لا" came out "ال"
        text = unicodedata.normalize("NFKC", chr(code))[::-1]
    if text is None and code <= 0xFFFF:
        return found.group(0)
    # ReportLab writes a code past U+FFFF as it is ("<1F984>" for 🦄), which extractors read
    # as U+1F98 and a 4: the map holds UTF-16 (a surrogate pair)
    text = chr(code) if text is None else text
    return f"<{found.group(1)}> <{text.encode('utf-16-be').hex().upper()}>"


def is_presentation_form(cp: int) -> bool:
    """An Arabic presentation form (a letter's initial, medial, final or isolated form, a
    ligature such as lam-alef): the code ReportLab gives a glyph HarfBuzz chose for a joining
    letter, when the font's character map reaches it. The ToUnicode map gives the letters
    instead (NFKC: U+FE9F "ﺟ" is "ج", U+FEFB "ﻻ" is "لا"), so Persian copied out of a report
    is the stored text ("شرکت", not "ﺷﺮﮐﺖ") and a name pasted into search finds it."""
    return 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF


def register_family(family: str) -> None:
    """Register one family's font files with ReportLab (once per process)."""
    with _lock:
        _register(family)


def register_fonts() -> None:
    """Register the Latin, Thai and Persian fonts with ReportLab (once per process); the CJK
    and emoji fonts follow when :func:`coverage` is first asked about them. Reports do not
    need this: they register a family when its first character or a style needs it
    (:func:`require`)."""
    for family in FAMILIES:
        if family not in _ON_DEMAND:
            register_family(family)


def require(name: str) -> str:
    """``name`` (a ReportLab font name of ours: a family, or its "-Bold") with its family
    registered: an English report reads the two Noto Sans files only, not the Thai and
    Persian ones (each file parsed costs about 30 ms)."""
    register_family(name.removesuffix("-Bold"))
    return name


@cache
def coverage(name: str) -> frozenset[int]:
    """The code points the font has a glyph for."""
    font = pdfmetrics.getFont(require(name))
    return frozenset(font.face.charToGlyph)


def has_glyph(name: str, char: str) -> bool:
    return ord(char) in coverage(name)


def is_thai(cp: int) -> bool:
    return 0x0E00 <= cp <= 0x0E7F


def is_arabic(cp: int) -> bool:
    return (
        0x0600 <= cp <= 0x06FF
        or 0x0750 <= cp <= 0x077F
        or 0x08A0 <= cp <= 0x08FF
        or 0xFB50 <= cp <= 0xFDFF
        or 0xFE70 <= cp <= 0xFEFF
    )


# Han, kana, Hangul, Bopomofo and the CJK punctuation, symbol and width-variant blocks
_CJK_RANGES = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FDF),  # CJK Radicals Supplement, Kangxi Radicals
    (0x2FF0, 0x2FFF),  # Ideographic Description Characters
    (0x3000, 0x303F),  # CJK Symbols and Punctuation (ideographic space, 。「」)
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3100, 0x31FF),  # Bopomofo, Hangul Compatibility Jamo, Kanbun, CJK Strokes, …
    (0x3200, 0x33FF),  # Enclosed CJK Letters and Months, CJK Compatibility
    (0x3400, 0x4DBF),  # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xA960, 0xA97F),  # Hangul Jamo Extended-A
    (0xAC00, 0xD7FF),  # Hangul Syllables, Hangul Jamo Extended-B
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0xFE10, 0xFE1F),  # Vertical Forms
    (0xFE30, 0xFE4F),  # CJK Compatibility Forms
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
    (0x1B000, 0x1B16F),  # Kana Supplement, Kana Extended-A, Small Kana Extension
    (0x20000, 0x3FFFF),  # CJK Unified Ideographs Extensions B and later
)


def is_cjk(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in _CJK_RANGES)


# the blocks of pictographs: what is there is drawn as emoji first (the emoji font has not
# every symbol of Miscellaneous Symbols, Dingbats and Arrows: ✓ and ★ come from another font)
_EMOJI_RANGES = (
    (0x2600, 0x27BF),  # Miscellaneous Symbols (☕ ☎), Dingbats (✉ ❤)
    (0x2B00, 0x2BFF),  # Miscellaneous Symbols and Arrows (⭐ ⬛)
    (0x1F000, 0x1F2FF),  # Mahjong, Domino, Playing Cards, Enclosed Alphanumerics (🇩 of flags)
    (0x1F300, 0x1F6FF),  # Pictographs (🚀 🎸, the skin tones), Emoticons, Transport and Map
    (0x1F780, 0x1F7FF),  # Geometric Shapes Extended (🟢)
    (0x1F900, 0x1FAFF),  # Supplemental Symbols and Pictographs (🦄), Extended-A
)
#: What makes a character before it an emoji or joins it to the emoji before it: the emoji
#: variation selector (U+FE0F, "❤️" rather than "❤"), the keycap (U+20E3: "1️⃣"), the zero
#: width joiner of a sequence ("👩‍💻"), the skin tones, the tags of a flag (🏴 of Scotland).
EMOJI_PRESENTATION = "\ufe0f"
KEYCAP = "\u20e3"


def is_emoji(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in _EMOJI_RANGES)


def extends_emoji(char: str) -> bool:
    """Whether ``char`` belongs to the emoji before it (one picture, not a picture of its
    own): a variation selector, the keycap, a skin tone, a tag, or the zero width joiner."""
    cp = ord(char)
    return (
        0xFE00 <= cp <= 0xFE0F
        or cp in (0x20E3, 0x200D)
        or 0x1F3FB <= cp <= 0x1F3FF
        or 0xE0020 <= cp <= 0xE007F
    )


@dataclass(frozen=True)
class FontChoice:
    family: str
    script: str  # "thai", "arabic", "cjk", "emoji", "latin" or "common"


@cache
def script_of(char: str) -> str:
    cp = ord(char)
    if is_thai(cp):
        return "thai"
    if is_arabic(cp):
        return "arabic"
    if is_cjk(cp):
        return "cjk"
    if is_emoji(cp):
        return "emoji"
    if char.isalpha() or 0x0300 <= cp <= 0x036F:
        return "latin"
    return "common"


_PREFERENCE = {
    "thai": (THAI, LATIN, PERSIAN),
    "arabic": (PERSIAN, LATIN, THAI),
    "cjk": (CJK, LATIN),
    "emoji": (EMOJI, LATIN, PERSIAN, THAI, CJK),
    "latin": (LATIN, PERSIAN, THAI, CJK, EMOJI),
    "common": (LATIN, PERSIAN, THAI, CJK, EMOJI),
}


@cache
def family_for(char: str, previous: str | None = None) -> str:
    """The font family for ``char``. Neutral characters (spaces, digits, punctuation, joiners)
    stay in the ``previous`` family when it has them, so runs are not cut at every space;
    after an emoji only what extends it does (:func:`extends_emoji`: the emoji font's space
    is an em wide). (Remembered per character: a report asks about the same few hundred
    many times.)"""
    script = script_of(char)
    if char in "\u200c\u200d":  # ZWNJ/ZWJ belong with the text around them
        return previous or PERSIAN
    if previous == EMOJI and not extends_emoji(char):
        previous = None
    if script == "common" and previous is not None and has_glyph(previous, char):
        return previous
    for family in _PREFERENCE[script]:
        if has_glyph(family, char):
            return family
    return LATIN  # nothing has it: Noto shows .notdef, tests catch this
