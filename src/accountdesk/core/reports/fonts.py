"""The report fonts (shipped in resources/fonts) and the choice of a font per character.

Noto Sans covers Latin with every diacritic Latvian, Slovenian and Turkish need; Noto Sans Thai
covers Thai only; Vazirmatn covers Persian/Arabic and basic Latin. A run of text gets the
font its script prefers, falling back to any registered font that has the glyph.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from accountdesk.core.paths import resource_dir

LATIN = "AD-NotoSans"
THAI = "AD-NotoSansThai"
PERSIAN = "AD-Vazirmatn"

_FILES = {
    LATIN: ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    THAI: ("NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf"),
    PERSIAN: ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf"),
}
FAMILIES = tuple(_FILES)
_lock = threading.Lock()


def font_dir() -> Path:
    return resource_dir() / "fonts"


def font_name(family: str, bold: bool = False) -> str:
    return family + ("-Bold" if bold else "")


@cache
def _register_all() -> None:
    for family, (regular, bold) in _FILES.items():
        for name, filename in ((font_name(family), regular), (font_name(family, True), bold)):
            path = font_dir() / filename
            if not path.exists():
                raise FileNotFoundError(f"report font missing: {path}")
            pdfmetrics.registerFont(TTFont(name, str(path)))


def register_fonts() -> None:
    """Register the six font files with ReportLab (once per process)."""
    with _lock:
        _register_all()


@cache
def coverage(name: str) -> frozenset[int]:
    """The code points the font has a glyph for."""
    register_fonts()
    font = pdfmetrics.getFont(name)
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


@dataclass(frozen=True)
class FontChoice:
    family: str
    script: str  # "thai", "arabic", "latin" or "common"


def script_of(char: str) -> str:
    cp = ord(char)
    if is_thai(cp):
        return "thai"
    if is_arabic(cp):
        return "arabic"
    if char.isalpha() or 0x0300 <= cp <= 0x036F:
        return "latin"
    return "common"


_PREFERENCE = {
    "thai": (THAI, LATIN, PERSIAN),
    "arabic": (PERSIAN, LATIN, THAI),
    "latin": (LATIN, PERSIAN, THAI),
    "common": (LATIN, PERSIAN, THAI),
}


def family_for(char: str, previous: str | None = None) -> str:
    """The font family for ``char``. Neutral characters (spaces, digits, punctuation, joiners)
    stay in the ``previous`` family when it has them, so runs are not cut at every space."""
    script = script_of(char)
    if char in "\u200c\u200d":  # ZWNJ/ZWJ belong with the text around them
        return previous or PERSIAN
    if script == "common" and previous is not None and has_glyph(previous, char):
        return previous
    for family in _PREFERENCE[script]:
        if has_glyph(family, char):
            return family
    return LATIN  # nothing has it: Noto shows .notdef, tests catch this
