"""Chinese, Japanese and Korean names in the desktop app: the shipped CJK font is registered
and Qt draws every character with a real glyph, on a computer with no CJK font of its own."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel

from accountdesk.core.paths import resource_dir
from accountdesk.ui import app as app_module

NAMES = "佐藤 花子 · 王伟 · 김민준"


SHIPPED = "Droid Sans Fallback"  # the family name inside resources/fonts/DroidSansFallback.ttf


def _glyphs(font: QFont, text: str) -> list[tuple[str, list[int]]]:
    """The font family and glyph indexes Qt draws ``text`` with (glyph 0 is the empty box)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def test_a_label_with_cjk_names_has_a_glyph_for_every_character(db: Any, qtbot: Any) -> None:
    assert (resource_dir() / "fonts" / app_module.CJK_FONT_FILE).is_file()
    assert SHIPPED in QFontDatabase.families()
    label = QLabel(NAMES)
    qtbot.addWidget(label)
    metrics = QFontMetrics(label.font())
    for ch in NAMES.replace(" ", ""):
        assert metrics.inFontUcs4(ord(ch)), ch
    runs = _glyphs(label.font(), NAMES)
    assert runs and all(0 not in glyphs for _family, glyphs in runs), runs
    bold = QFont(label.font())
    bold.setBold(True)
    assert all(0 not in glyphs for _family, glyphs in _glyphs(bold, NAMES))


def test_the_cjk_font_is_a_fallback_not_the_ui_font(db: Any) -> None:
    shipped = SHIPPED
    font = QApplication.font()
    assert QFontInfo(font).family() != shipped  # Latin text keeps the system's look
    runs = _glyphs(font, "Anna Ozola, 12:30")
    assert {family for family, _glyphs in runs} != {shipped}, runs
    # with no CJK font of the computer's own, the shipped one is the application font's first
    # substitute (Qt on Windows and macOS does not fall back to application fonts by itself)
    systems = QFontDatabase.WritingSystem
    own = [
        set(QFontDatabase.families(ws)) - {shipped}
        for ws in (systems.SimplifiedChinese, systems.Japanese, systems.Korean)
    ]
    if not all(own):
        families = app_module.ui_font_families()
        assert families
        for family in families:
            assert shipped.lower() in [s.lower() for s in QFont.substitutes(family)], family
