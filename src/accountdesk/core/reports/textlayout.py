"""Text layout for the PDF reports: fonts per run, Thai word breaks, Persian shaping and bidi.

ReportLab alone cannot lay out Persian (its right-to-left path needs the GPL ``rlbidi``) and
breaks unspaced Thai inside words, so paragraphs are laid out here:

1. each character gets a font that has its glyph (:func:`fonts.family_for`);
2. lines break only at ICU line-break opportunities (:func:`accountdesk.core.icu.line_breaks`),
   never inside a left-to-right isolate (a phone number, an e-mail address, a URL, a word
   of a personal name: :func:`person_name`), never after a spaced dash (before it only when
   the phrase around it is wider than a line), in *logical* order, measuring the shaped
   width of every segment (uharfbuzz through ReportLab); a word wider than its line is cut,
   at ICU's breaks inside it first, with a hyphen between two letters of an alphabet that
   hyphenates (:func:`_hyphenates`);
3. each finished line is reordered for display with the Unicode bidi algorithm (levels from
   python-bidi, rule L2 applied to runs), so the lines of a wrapped Persian paragraph stay in
   reading order, and numbers and Latin words inside Persian keep left-to-right order; the
   isolates of :mod:`accountdesk.core.bidi` (which python-bidi does not know) are resolved
   here, each as a paragraph of its own placed as one neutral; neither they nor the marks
   (LRM, RLM, ALM: the Persian minus sign is "\u200e−") are drawn;
4. every run is shaped by HarfBuzz (Arabic joining, Thai mark placement) and drawn;
5. copied text keeps its letters: ReportLab draws a glyph outside the font's character map (a
   Persian ligature, a moved Thai mark) under a private-use code, so the letters HarfBuzz made
   it from are recorded (:func:`fonts.note_glyph_text`) and written into the font's ToUnicode
   map; a left-to-right run with combining marks is also wrapped in an ActualText span, since
   extractors otherwise take marks drawn with a text rise for lines of their own.

:class:`TextBlock` is the ReportLab flowable; :func:`draw_text` draws one line on a canvas.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, TypeVar

from bidi import algorithm as _bidi
from reportlab.lib.abag import ABag
from reportlab.lib.colors import toColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr, shapeFragWord
from reportlab.platypus import Flowable

from accountdesk.core import bidi
from accountdesk.core.bidi import BIDI_CONTROLS, FSI, INITIATORS, LRI, LRM, PDI, RLI, RLM
from accountdesk.core.i18n import current_language
from accountdesk.core.icu import line_breaks
from accountdesk.core.reports import fonts

_MIRROR = {
    "(": ")",
    ")": "(",
    "[": "]",
    "]": "[",
    "{": "}",
    "}": "{",
    "<": ">",
    ">": "<",
    "«": "»",
    "»": "«",
}
_RTL_CLASSES = frozenset({"R", "AL", "AN", "RLE", "RLO", "RLI"})
T = TypeVar("T")


@dataclass(frozen=True)
class TextStyle:
    size: float = 10.0
    leading: float | None = None
    bold: bool = False
    color: str = "#222222"
    align: str = "start"  # start | end | center (start is right in a right-to-left block)
    space_after: float = 0.0

    @property
    def line_height(self) -> float:
        return self.leading if self.leading is not None else self.size * 1.45

    def but(self, **changes: Any) -> TextStyle:
        return replace(self, **changes)


@dataclass(frozen=True)
class Piece:
    """A run drawn with one font, in visual position; ``text`` may be a shaped string."""

    font: str
    text: str
    width: float
    level: int
    source: str  # the logical characters of the run


@dataclass(frozen=True)
class Line:
    pieces: tuple[Piece, ...]  # visual order, left to right
    width: float
    logical: str  # the line's characters in logical (reading) order

    @property
    def visual_text(self) -> str:
        """The characters as they appear left to right (runs of RTL text reversed)."""
        out = []
        for p in self.pieces:
            out.append(p.source[::-1] if p.level % 2 else p.source)
        return "".join(out)


# --- shaping and measuring -----------------------------------------------------------------


#: Languages with a dotted and a dotless i (Turkish "fiyat", "fırın"): the "fi" ligature of
#: the Latin font drops the dot of the i, so their reports set f and i apart ("ofis" read
#: "ofıs"); the font has no Turkish form of its own that would do it (no ``locl``).
DOTTED_I_LANGUAGES = frozenset({"tr"})
_LIGATURES = {"kern": True, "liga": True, "dlig": True}  # ReportLab's own choice
_NO_LATIN_LIGATURES = {"kern": True, "liga": False, "dlig": False}


def shape(text: str, font: str, size: float) -> tuple[str, float]:
    """The shaped string (glyph order is visual for right-to-left scripts) and its width, with
    the Latin font's ligatures off in a language of :data:`DOTTED_I_LANGUAGES`."""
    latin = font in (fonts.font_name(fonts.LATIN), fonts.font_name(fonts.LATIN, bold=True))
    return _shape(text, font, size, latin and current_language().code in DOTTED_I_LANGUAGES)


@lru_cache(maxsize=65536)
def _shape(text: str, font: str, size: float, plain_latin: bool) -> tuple[str, float]:
    name = fonts.require(font)
    word = [pdfmetrics.stringWidth(text, name, size), (ABag(fontName=name, fontSize=size), text)]
    features = _NO_LATIN_LIGATURES if plain_latin else _LIGATURES
    shaped = shapeFragWord(word, features=features)[1][1]  # what shapeStr does, with features
    if isinstance(shaped, ShapedStr):
        data = shaped.__shapeData__
        width = sum(d.x_advance for d in data) * size / 1000.0
        if "\u200c" in text:
            shaped = _joiners_kept(text, shaped, name)
        _note_private_glyphs(text, font, shaped, [d.cluster for d in data])
        return shaped, width
    return text, pdfmetrics.stringWidth(text, font, size)


def _joiners_kept(text: str, shaped: ShapedStr, font: str) -> ShapedStr:
    """``shaped`` with each zero-width non-joiner drawn as itself. HarfBuzz draws one with the
    font's space glyph, of no width, which ReportLab writes as a space: copied text and
    ``pdftotext`` left it out ("حسابها", "تهیهشده" for حساب‌ها, تهیه‌شده), a misspelling in
    Persian. Drawn under its own code (the font's glyph for it, as empty and as wide: none),
    the PDF's text says U+200C where the page shows nothing.

    Each glyph's shaping data records the width of the code it is drawn under: ReportLab
    moves the pen by that code's width in the font, then back by the recorded width less
    HarfBuzz's advance. Left with the space's width, every letter after the half-space was
    drawn a space to the left, over the one before it ("جمعهای" for جمع‌های), and the word
    a space narrower than laid out. A font without a glyph for it keeps the space."""
    face = pdfmetrics.getFont(font).face
    if ord("\u200c") not in face.charToGlyph:
        return shaped
    own_width = face.charWidths[ord("\u200c")]
    glyphs: list[str] = []
    data: list[Any] = []
    for ch, d in zip(shaped, shaped.__shapeData__, strict=True):
        if text[d.cluster : d.cluster + 1] == "\u200c" and ch == " ":
            ch, d = "\u200c", d._replace(width=own_width)
        glyphs.append(ch)
        data.append(d)
    return ShapedStr("".join(glyphs), shapeData=data)


def _note_private_glyphs(text: str, font: str, glyphs: str, clusters: Sequence[int]) -> None:
    """Tell :mod:`.fonts` which characters each private-use glyph code stands for: those of
    its HarfBuzz cluster that no other glyph of the cluster already gives (a ligature gives
    all of its letters; a moved Thai mark only the mark)."""
    if len(glyphs) != len(clusters) or not any(_private_use(ch) for ch in glyphs):
        return
    starts = sorted(set(clusters))
    ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
    for i, ch in enumerate(glyphs):
        if not _private_use(ch):
            continue
        cluster = clusters[i]
        own = [glyphs[j] for j, c in enumerate(clusters) if c == cluster and j != i]
        source = text[cluster : ends[cluster]]
        for other in own:  # the characters the cluster's other glyphs give themselves
            source = source.replace(unicodedata.normalize("NFKC", other), "", 1)
        if source:
            fonts.note_glyph_text(font, ord(ch), source)


def _private_use(ch: str) -> bool:
    return fonts.is_private_use(ord(ch))


def _families(text: str) -> list[str]:
    out: list[str] = []
    previous: str | None = None
    for i, ch in enumerate(text):
        family = fonts.family_for(ch, previous)
        after = text[i + 1 : i + 2]
        if after in (fonts.EMOJI_PRESENTATION, fonts.KEYCAP) and fonts.has_glyph(fonts.EMOJI, ch):
            family = fonts.EMOJI  # "❤️", "1️⃣": asked for as emoji, one glyph of that font
        out.append(family)
        previous = family
    # a neutral at the start takes the family of what follows it (not an emoji's: the emoji
    # font's digits and space are pictures an em wide)
    first_real = next((i for i, ch in enumerate(text) if fonts.script_of(ch) != "common"), None)
    if first_real and out[first_real] != fonts.EMOJI:
        for i in range(first_real):
            if fonts.has_glyph(out[first_real], text[i]):
                out[i] = out[first_real]
    return out


def _runs(start: int, end: int, keys: Sequence[Any]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    i = start
    while i < end:
        j = i + 1
        while j < end and keys[j] == keys[i]:
            j += 1
        runs.append((i, j))
        i = j
    return runs


def _measure(text: str, fams: Sequence[str], start: int, end: int, style: TextStyle) -> float:
    total = 0.0
    for a, b in _runs(start, end, fams):
        total += shape(text[a:b], fonts.font_name(fams[a], style.bold), style.size)[1]
    return total


# --- bidi -----------------------------------------------------------------------------------


def needs_bidi(text: str, rtl: bool) -> bool:
    return rtl or any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in text)


def paragraph_direction(text: str, default_rtl: bool) -> bool:
    """Rules P2–P3: the first strong character decides (an untranslated English label in a
    Persian report reads left to right); without one, the block's direction."""
    found = bidi.direction(text)  # isolated text does not count
    return default_rtl if found is None else found


def _isolate_spans(text: str) -> list[tuple[int, int]]:
    """The outermost isolates as (index of the initiator, index of its PDI or ``len(text)``
    when it is not closed)."""
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in INITIATORS:
            if depth == 0:
                start = i
            depth += 1
        elif ch == PDI and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i))
    if depth:
        spans.append((start, len(text)))
    return spans


def bidi_levels(text: str, rtl: bool) -> list[int]:
    """Resolved embedding levels (rules up to I2) for one paragraph, base level 1 if ``rtl``.

    An isolate (LRI, RLI or FSI … PDI) counts as one neutral character in the text around it
    (its initiator and PDI get that neutral's level); its content is resolved on its own, at
    the next level of its direction above the paragraph's (rules X5a–X5c, X6a).
    """
    spans = _isolate_spans(text)
    if not spans and PDI not in text:
        return _flat_levels(text, rtl)
    base = 1 if rtl else 0
    outer: list[str] = []
    where: list[int] = []  # index in ``outer`` of each character of ``text``
    span_at = dict(spans)
    i = 0
    while i < len(text):
        end = span_at.get(i)
        if end is None:
            where.append(len(outer))
            outer.append("\ufffc" if text[i] == PDI else text[i])  # a stray PDI is a neutral
            i += 1
            continue
        where.extend([len(outer)] * (min(end, len(text) - 1) - i + 1))
        outer.append("\ufffc")  # OBJECT REPLACEMENT CHARACTER: a neutral (ON)
        i = end + 1
    outer_levels = _flat_levels("".join(outer), rtl)
    levels = [outer_levels[w] for w in where]
    for start, end in spans:
        content = text[start + 1 : end]
        if not content:
            continue
        initiator = text[start]
        inner_rtl = paragraph_direction(content, False) if initiator == FSI else initiator != LRI
        inner_base = 1 if inner_rtl else 0
        level = base + 1 if (base + 1) % 2 == inner_base else base + 2
        inner = bidi_levels(content, inner_rtl)
        levels[start + 1 : end] = [lv - inner_base + level for lv in inner]
    return levels


def _flat_levels(text: str, rtl: bool) -> list[int]:
    """:func:`bidi_levels` for text without isolates (python-bidi's resolution)."""
    if not needs_bidi(text, rtl):
        return [0] * len(text)
    kept = [i for i, ch in enumerate(text) if unicodedata.bidirectional(ch) not in _bidi.X9_REMOVED]
    storage: dict[str, Any] = _bidi.get_empty_storage()
    base = 1 if rtl else 0
    storage["base_level"] = base
    storage["base_dir"] = ("L", "R")[base]
    _bidi.get_embedding_levels("".join(text[i] for i in kept), storage, False, False)
    _bidi.explicit_embed_and_overrides(storage, False)
    _bidi.resolve_weak_types(storage, False)
    _bidi.resolve_neutral_types(storage, False)
    _bidi.resolve_implicit_levels(storage, False)
    levels = [base] * len(text)
    for index, info in zip(kept, storage["chars"], strict=True):
        levels[index] = int(info["level"])
    # removed characters (ZWNJ, joiners) take the level of the character before them
    kept_set = set(kept)
    for i in range(len(text)):
        if i not in kept_set and i > 0:
            levels[i] = levels[i - 1]
    return levels


def reorder(items: list[T], levels: list[int]) -> list[T]:
    """Rule L2: from the highest level down to the lowest odd one, reverse every run of items
    at that level or higher."""
    if not items:
        return items
    order = list(range(len(items)))
    highest = max(levels)
    lowest_odd = min((lv for lv in levels if lv % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return [items[k] for k in order]


# --- lines ----------------------------------------------------------------------------------


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in {"Mn", "Mc", "Me"}


def _kept_whole(paragraph: str) -> list[tuple[int, int]]:
    """The directional isolates (LRI … PDI, from :func:`accountdesk.core.bidi.ltr`: phone
    numbers, e-mail addresses, URLs, codes; and RLI … PDI or LRI … PDI around a date, from
    ``ReportContext.date``) at any depth, as (start, end) indices of their content in
    ``paragraph`` once the bidi controls are taken out: a line never breaks inside one (ICU
    would break a phone number at its spaces, a URL after a slash, a date between its day
    and month, a Thai name inside a word: :func:`person_name`). First-strong isolates (names,
    sentences) break as their words do."""
    spans: list[tuple[int, int]] = []
    open_at: list[tuple[str, int]] = []  # initiator, kept characters before its content
    kept = 0
    for ch in paragraph:
        if ch in INITIATORS:
            open_at.append((ch, kept))
        elif ch == PDI and open_at:
            initiator, start = open_at.pop()
            if initiator in (LRI, RLI) and kept > start:
                spans.append((start, kept))
        elif ch not in BIDI_CONTROLS:
            kept += 1
    return spans


def person_name(name: str) -> str:
    """A personal name as the reports lay it out: a line breaks it between its words (between
    given and family name), never inside one.

    ICU breaks Thai between the words of its dictionary, which does not know most names
    ("รัตนพันธ์" is "รัต" | "นพันธ์" to it), and Chinese or Japanese between any two
    characters. So each word of the name that ICU would break is isolated in its own
    direction (LRI or RLI … PDI), which a line keeps whole (:func:`_kept_whole`) and a
    table's column is made wide enough for (:func:`unbroken_width`); only a word wider than
    its whole line is broken, at ICU's breaks first (:func:`_cuts`). The name around them is
    a first-strong isolate that starts with a mark of the name's own direction (LRM or RLM;
    rule P2 skips the words' isolates), so that its words keep their order in a block of
    either direction. A name whose words ICU keeps whole anyway (a Latin or Persian one) is
    returned as it is. Neither the isolates nor the mark are drawn: copied out of the PDF,
    the name is as stored."""
    parts = re.split(r"(\s+)", name)
    if not any(_breaks_inside(p) for p in parts):
        return name
    marked = "".join(
        f"{RLI if bidi.direction(p) else LRI}{p}{PDI}" if _breaks_inside(p) else p for p in parts
    )
    return f"{FSI}{RLM if bidi.direction(name) else LRM}{marked}{PDI}"


def _breaks_inside(word: str) -> bool:
    """Whether ICU offers a line break inside ``word`` (a word without spaces)."""
    return bool(word) and not word.isspace() and len(line_breaks(word)) > 1


def _breaks(text: str, whole: Sequence[tuple[int, int]]) -> list[int]:
    """ICU's line-break opportunities in ``text``, but none inside a span of ``whole``, none
    between a currency sign and the digit after it (:func:`_splits_an_amount`) and none
    after a spaced dash (:func:`_after_a_dash`)."""
    return [
        b
        for b in line_breaks(text)
        if not any(a < b < z for a, z in whole)
        and not _splits_an_amount(text, b)
        and not _after_a_dash(text, b)
    ]


#: Dashes that, set between spaces, join what is on either side of them: the range "1 Dec
#: 2026 – 10 Dec 2026", "Monday – Friday", an aside — like this one. A hyphen-minus or a
#: figure dash between spaces is read as one too. A minus sign is not: a formula in words
#: ("۱ − (۱ − ریزش)") may break after one, as formulas do.
DASHES = frozenset("-\u2012\u2013\u2014\u2015")


def _spaced_dash(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a dash of :data:`DASHES` with a space (or the start of the
    paragraph) before it and a space after it."""
    return (
        0 <= i < len(text) - 1
        and text[i] in DASHES
        and (i == 0 or text[i - 1].isspace())
        and text[i + 1].isspace()
    )


def _after_a_dash(text: str, b: int) -> bool:
    """Whether a break before ``text[b]`` would end a line with a spaced dash. ICU offers a
    break after the space on either side of one ("1 Ara 2026 | – | 10 Ara 2026"); a dash at
    the end of a line reads as if the phrase had ended there (the Turkish trip brief's title
    was "… Birleşik Krallık, 1 Ara 2026 –" | "10 Ara 2026"). A line breaks before the dash
    instead (:func:`_dash_breaks`)."""
    return 0 < b < len(text) and _spaced_dash(text, _rstrip(text, 0, b) - 1)


def _dash_breaks(
    text: str, fams: Sequence[str], breaks: Sequence[int], width: float, style: TextStyle
) -> list[int]:
    """``breaks`` without those before a spaced dash whose phrase fits on a line: what is
    before the dash (up to the break before it), the dash, and what follows it (up to the
    next break; a chain "A – B – C" as a whole) move to the next line together. Only a
    phrase wider than ``width`` breaks, before its dash."""
    out: list[int] = []
    start = 0  # where the phrase that a break before a dash would split starts
    for k, b in enumerate(breaks):
        if _spaced_dash(text, b) and b > 0:
            end = breaks[k + 1] if k + 1 < len(breaks) else len(text)
            if _measure(text, fams, start, _rstrip(text, start, end), style) <= width:
                continue
        out.append(b)
        start = b
    return out


def _splits_an_amount(text: str, b: int) -> bool:
    """Whether a break before ``text[b]`` would leave a currency sign at the end of a line and
    its amount on the next. UAX #14 forbids it (LB25, PR × NU), but ICU's dictionary breaking
    of Thai offers it after Thai words ("ปีก่อน €" | "34,139.00")."""
    return (
        0 < b < len(text)
        and unicodedata.category(text[b - 1]) == "Sc"
        and unicodedata.category(text[b]) == "Nd"
    )


def _line_ranges(
    text: str,
    fams: Sequence[str],
    width: float,
    style: TextStyle,
    whole: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, int, bool]]:
    """Greedy filling in logical order; lines end only at ICU break opportunities outside the
    spans kept ``whole`` (:func:`_breaks`), and before a spaced dash only when the phrase
    around it is wider than a line (:func:`_dash_breaks`); or, for a single word or value
    wider than the line, at ICU's breaks inside it, else between grapheme clusters
    (:func:`_cuts`). Each line as (start, end, whether it ends with a hyphen)."""
    ranges: list[tuple[int, int, bool]] = []
    start = 0
    used = 0.0  # width of text[start:last_ok] including its trailing spaces
    last_ok: int | None = None
    previous = 0
    for b in _dash_breaks(text, fams, _breaks(text, whole), width, style):
        full = _measure(text, fams, previous, b, style)
        bare = _measure(text, fams, previous, _rstrip(text, previous, b), style)
        if used + bare <= width:
            used += full
            last_ok = b
            previous = b
            continue
        if last_ok is not None:
            ranges.append((start, last_ok, False))
            start = last_ok
            if bare <= width:
                used, last_ok, previous = full, b, b
                continue
        for cut in _cuts(text, fams, start, _rstrip(text, start, b), width, style, whole):
            ranges.append((start, cut, _hyphenates(text, cut, whole)))
            start = cut
        used = _measure(text, fams, start, b, style)
        last_ok = b
        previous = b
    if start < len(text) or not ranges:
        ranges.append((start, len(text), False))
    return ranges


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _cuts(
    text: str,
    fams: Sequence[str],
    start: int,
    end: int,
    width: float,
    style: TextStyle,
    whole: Sequence[tuple[int, int]] = (),
) -> list[int]:
    """Where a piece ``text[start:end]`` wider than the line is cut: at the ICU breaks inside
    it that a value kept whole hid (:func:`_kept_whole`: a Thai word of a name at a word of
    the dictionary, a URL after a slash, a phone number at a space) or at the end of such a
    value (a URL that fits, without the ";" after it), filling each line as far as they
    allow, and a piece still wider than the line between characters (:func:`_hard_cuts`).
    Never after a spaced dash or a currency sign (:func:`_breaks`)."""
    ends = {z for _a, z in whole}
    inner = sorted({b for b in [*_breaks(text, ()), *ends] if start < b < end})
    cuts: list[int] = []
    s = start
    fits: int | None = None  # the last inner break up to which text[s:] fits the line
    for b in [*inner, end]:
        if _measure(text, fams, s, _rstrip(text, s, b), style) <= width:
            fits = b
            continue
        if fits is not None:
            cuts.append(fits)
            s, fits = fits, None
            if _measure(text, fams, s, _rstrip(text, s, b), style) <= width:
                fits = b
                continue
        for cut in _hard_cuts(text, fams, s, _rstrip(text, s, b), width, style, whole):
            cuts.append(cut)
            s = cut
        fits = b
    return cuts


def _hard_cuts(
    text: str,
    fams: Sequence[str],
    start: int,
    end: int,
    width: float,
    style: TextStyle,
    whole: Sequence[tuple[int, int]] = (),
) -> list[int]:
    """Where a word ``text[start:end]`` wider than the line is cut: before the character that
    would not fit, the hyphen drawn at a cut (:func:`_hyphenates`) included."""
    cuts: list[int] = []
    s = start
    i = start + 1
    while i < end:
        if not _is_mark(text[i]) and i > s:
            after = i + 1
            used = _measure(text, fams, s, after, style)
            if after < end and _hyphenates(text, after, whole):
                used += _hyphen(fams[i], style)[2]
            if used > width:
                cuts.append(i)
                s = i
        i += 1
    return cuts


#: What a word cut at the end of a line is marked with.
HYPHEN = "-"


def _hyphenates(text: str, cut: int, whole: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether a word cut before ``text[cut]`` shows a hyphen: between two letters of an
    alphabet (Latin, Cyrillic, Greek: :func:`fonts.script_of` "latin") outside a value kept
    whole. Thai, Persian and Chinese, Japanese and Korean are cut without one, as they are
    written, and so are numbers (a hyphen would read as a minus) and an e-mail address or URL
    wider than its line (a hyphen would be taken for part of it)."""
    if not 0 < cut < len(text) or any(a < cut < z for a, z in whole):
        return False
    before = cut - 1
    while before > 0 and _is_mark(text[before]):
        before -= 1
    return all(text[i].isalpha() and fonts.script_of(text[i]) == "latin" for i in (before, cut))


def _hyphen(family: str, style: TextStyle) -> tuple[str, str, float]:
    """The hyphen in ``family`` (font name, shaped text, width)."""
    font = fonts.font_name(family, style.bold)
    shaped, width = shape(HYPHEN, font, style.size)
    return font, shaped, width


def _pieces(
    text: str, fams: Sequence[str], levels: Sequence[int], start: int, end: int, style: TextStyle
) -> list[Piece]:
    """The line's runs in logical order: one per (level, font); a right-to-left run is cut at
    every character that is not Arabic script (spaces, punctuation, which get mirrored), so
    HarfBuzz only ever reverses Arabic letters."""
    pieces: list[Piece] = []
    keys = [(levels[i], fams[i]) for i in range(len(text))]
    for a, b in _runs(start, end, keys):
        level, family = keys[a]
        font = fonts.font_name(family, style.bold)
        if level % 2 == 0 and any(fonts.is_arabic(ord(ch)) for ch in text[a:b]):
            # Persian digits and separators at an even level: HarfBuzz would guess the
            # run right-to-left and reverse it, so each character is shaped on its own
            chunks = [(i, i + 1) for i in range(a, b)]
        elif level % 2 == 0:
            chunks = [(a, b)]
        else:
            chunks = []
            i = a
            while i < b:
                j = i + 1
                if _joins(text[i]):
                    while j < b and _joins(text[j]):
                        j += 1
                elif family == fonts.EMOJI:
                    j = _emoji_end(text, i, b)
                chunks.append((i, j))
                i = j
        for x, y in chunks:
            source = text[x:y]
            draw = _MIRROR.get(source, source) if level % 2 and y - x == 1 else source
            shaped, w = shape(draw, font, style.size)
            pieces.append(Piece(font, shaped, w, level, source))
    return pieces


def _joins(ch: str) -> bool:
    return fonts.is_arabic(ord(ch)) or ch in "\u200c\u200d"


def _emoji_end(text: str, i: int, end: int) -> int:
    """Where the emoji at ``text[i]`` ends: after what extends it (:func:`fonts.extends_emoji`),
    the emoji a zero width joiner joins to it ("👩‍💻"), and the second letter of a flag ("🇩🇪").
    Shaped as one, so that a right-to-left line puts the emoji in its place as one picture and
    does not reverse the parts of one."""
    j = i + 1
    if _regional(text[i]) and j < end and _regional(text[j]):
        return j + 1
    while j < end and fonts.extends_emoji(text[j]):
        j += 2 if text[j] == "\u200d" and j + 1 < end else 1
    return j


def _regional(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF  # a regional indicator: two of them make a flag


#: How much wider than ``width`` a line may be, in points: far less than anything one sees,
#: more than a rounding error. A table's column made exactly as wide as its widest word
#: (``documents._fit_columns``) came out a few units of the last digit short of it, and the
#: word was cut ("ภาษ" | "า" for ภาษา, Language).
SLACK = 1e-6


def layout(text: str, width: float, style: TextStyle, rtl: bool = False) -> list[Line]:
    """Lay ``text`` out in lines no wider than ``width`` (points), each in visual order."""
    lines: list[Line] = []
    for paragraph in text.split("\n"):
        if not paragraph:
            lines.append(Line((), 0.0, ""))
            continue
        para_rtl = paragraph_direction(paragraph, rtl)
        levels = bidi_levels(paragraph, para_rtl)
        whole = _kept_whole(paragraph)
        kept = [i for i, ch in enumerate(paragraph) if ch not in BIDI_CONTROLS]
        if len(kept) < len(paragraph):  # isolates and marks are resolved; they are not drawn
            paragraph = "".join(paragraph[i] for i in kept)
            levels = [levels[i] for i in kept]
            if not paragraph:
                lines.append(Line((), 0.0, ""))
                continue
        fams = _families(paragraph)
        base = 1 if para_rtl else 0
        for a, b, hyphenated in _line_ranges(paragraph, fams, width + SLACK, style, whole):
            end = _rstrip(paragraph, a, b)
            line_levels = list(levels)
            for i in range(end, b):  # rule L1: trailing whitespace takes the base level
                line_levels[i] = base
            pieces = _pieces(paragraph, fams, line_levels, a, end, style)
            logical = paragraph[a:b]
            if hyphenated:  # after the word's last letter, in its direction
                font, shaped, w = _hyphen(fams[end - 1], style)
                pieces.append(Piece(font, shaped, w, line_levels[end - 1], HYPHEN))
                logical += HYPHEN
            visual = reorder(pieces, [p.level for p in pieces])
            lines.append(Line(tuple(visual), sum(p.width for p in visual), logical))
    return lines


def resolve_align(align: str, rtl: bool) -> str:
    """``start``/``end`` as ``left``/``right`` for the block's direction (mirroring)."""
    if align == "start":
        return "right" if rtl else "left"
    if align == "end":
        return "left" if rtl else "right"
    return align


def mirror(items: Sequence[T], rtl: bool) -> list[T]:
    """Table columns, chart categories and the like in display order (reversed when RTL)."""
    return list(items)[::-1] if rtl else list(items)


def draw_line(
    canvas: Any, line: Line, x: float, y: float, width: float, style: TextStyle, rtl: bool
) -> None:
    align = resolve_align(style.align, rtl)
    if align == "right":
        x += width - line.width
    elif align == "center":
        x += (width - line.width) / 2
    canvas.setFillColor(toColor(style.color))
    for piece in line.pieces:
        canvas.setFont(piece.font, style.size)
        spoken = _actual_text(piece)
        if spoken:
            canvas.addLiteral(spoken)
        canvas.drawString(x, y, piece.text)
        if spoken:
            canvas.addLiteral("EMC")
        x += piece.width


def _actual_text(piece: Piece) -> str | None:
    """A marked-content span saying which letters a left-to-right run shows (ActualText), for
    runs with combining marks (Thai vowels and tone marks above and below a letter). HarfBuzz
    places them over the letter before, ReportLab draws a moved mark with a text rise, and a
    text extractor such as pdftotext then takes marks for words or lines of their own ("ผูจ /
    ้ ด / ั การ" for ผู้จัดการ). Right-to-left runs need none: they are drawn in visual order,
    which extractors expect and put back in reading order themselves."""
    if piece.level % 2 or not any(_is_mark(ch) for ch in piece.source):
        return None
    utf16 = ("\ufeff" + piece.source).encode("utf-16-be").hex().upper()
    return f"/Span <</ActualText <{utf16}>>> BDC"


def unbroken_width(text: str, style: TextStyle) -> float:
    """The width of the widest piece of ``text`` that a line cannot break: a word (between
    ICU's break opportunities: a Thai word, not a Thai sentence) or a value kept whole (a
    phone number, an e-mail address, a URL: :func:`_kept_whole`), with any punctuation stuck
    to it; or a phrase around a spaced dash ("24 Dec 2026 – 1 Jan 2027"), which a line keeps
    together when it can (:func:`_dash_breaks`). A table column narrower than this would cut
    a word, or break a phrase before its dash."""
    widest = 0.0
    for paragraph in text.split("\n"):
        whole = _kept_whole(paragraph)
        kept = "".join(ch for ch in paragraph if ch not in BIDI_CONTROLS)
        if not kept:
            continue
        fams = _families(kept)
        previous = 0
        for b in _dash_breaks(kept, fams, _breaks(kept, whole), math.inf, style):
            end = _rstrip(kept, previous, b)
            if end > previous:
                widest = max(widest, _measure(kept, fams, previous, end, style))
            previous = b
    return widest


def text_width(text: str, style: TextStyle, rtl: bool = False) -> float:
    return max((ln.width for ln in layout(text, 1e9, style, rtl)), default=0.0)


ELLIPSIS = "\u2026"


def shortened(text: str, width: float, style: TextStyle, rtl: bool = False) -> str:
    """``text`` when it fits ``width`` on one line, else as much of its beginning as fits
    before "…": cut after a word when a word fits (inside one otherwise, never between a
    letter and its marks), the isolates it cuts into closed after the "…" (which takes the
    direction of what it follows). A page header's title beside the date: a name of 190
    characters ran over the date and off the paper."""
    if text_width(text, style, rtl) <= width:
        return text

    def cut(end: int) -> str:
        head = text[:end].rstrip()
        depth = sum(ch in INITIATORS for ch in head) - head.count(PDI)
        return head + ELLIPSIS + PDI * max(depth, 0)

    def fits(end: int) -> bool:
        return text_width(cut(end), style, rtl) <= width

    ends = [
        i for i in range(1, len(text)) if not _is_mark(text[i]) and text[i] not in BIDI_CONTROLS
    ]
    words = [i for i in ends if text[i - 1].isspace() and not text[i].isspace()]
    for candidates in (words, ends):
        low, high, best = 0, len(candidates) - 1, None
        while low <= high:  # the width grows with the end: the last one that fits
            middle = (low + high) // 2
            if fits(candidates[middle]):
                best, low = candidates[middle], middle + 1
            else:
                high = middle - 1
        # after a word, unless that leaves most of the room empty (one long word)
        if best is not None and (
            candidates is ends or text_width(cut(best), style, rtl) > width / 2
        ):
            return cut(best)
    return ELLIPSIS


def draw_text(
    canvas: Any,
    x: float,
    y: float,
    text: str,
    style: TextStyle,
    rtl: bool = False,
    width: float = 0.0,
) -> None:
    """Draw one line of text at baseline ``y``, within ``x`` … ``x + width`` by alignment."""
    for line in layout(text, 1e9, style, rtl)[:1]:
        draw_line(canvas, line, x, y, width, style, rtl)


class TextBlock(Flowable):  # type: ignore[misc]
    """A paragraph laid out by :func:`layout`; splits between lines across pages."""

    def __init__(
        self,
        text: str,
        style: TextStyle | None = None,
        rtl: bool = False,
        *,
        _lines: list[Line] | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style or TextStyle()
        self.rtl = rtl
        self._fixed = _lines
        self._lines: list[Line] = _lines or []
        self._width = 0.0
        self.spaceAfter = self.style.space_after

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._fixed is None:
            self._lines = layout(self.text, availWidth, self.style, self.rtl)
        self._width = availWidth
        return availWidth, len(self._lines) * self.style.line_height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        fit = int(availHeight // self.style.line_height)
        if fit <= 0 or fit >= len(self._lines):
            return [] if fit <= 0 else [self]
        return [
            TextBlock(self.text, self.style, self.rtl, _lines=self._lines[:fit]),
            TextBlock(self.text, self.style, self.rtl, _lines=self._lines[fit:]),
        ]

    def draw(self) -> None:
        lh = self.style.line_height
        descent = (lh - self.style.size) / 2 + self.style.size * 0.22
        y = len(self._lines) * lh
        for line in self._lines:
            y -= lh
            draw_line(self.canv, line, 0, y + descent, self._width, self.style, self.rtl)
