"""Persian and Thai text in the desktop app: drawn with a font made for the script, in rows tall
enough for it.

Found on a Persian tour: on a Linux computer whose only fonts with Persian letters are DejaVu's,
Persian fell back to DejaVu Sans, whose line (14 px at the default size, 17 px for the Latin UI
font) is shorter than its own Persian letters (the madda of "آ" above it, the tails of "ی" and
"ژ" below), so the Countries list's rows, sized to that line, were 14 px high and their letters
ran into the next row (bold entries most). The shipped Vazirmatn now draws Persian when the
computer's own choice does not hold its letters; Thai keeps a Thai font."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QRawFont, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel, QListWidget

from accountdesk.ui import tasks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

SHIPPED_PERSIAN = "Vazirmatn"  # the family inside resources/fonts/Vazirmatn-*.ttf
#: Latin fonts with Persian letters added, whose line is too short for them (all that a Linux
#: computer with fonts-dejavu alone has for Persian).
PAN_SCRIPT = {"dejavu sans", "dejavu sans condensed", "dejavu sans mono", "dejavu serif"}
PERSIAN = "آرژانتین گرجستان چین ایالات متحدهٔ عربی"
THAI = "ประเทศไทยญี่ปุ่นฤดูฝน"


@dataclass(frozen=True)
class Run:
    """A run of text laid out in one font: its family and glyphs, the height of the ink of its
    glyphs at the size drawn, and whether the font's line holds that ink (compared at 1000 px
    a em, where hinting does not round the ink up to whole pixels)."""

    family: str
    glyphs: list[int]
    ink_height: float
    ink_inside_line: bool


def _runs(font: QFont, text: str) -> list[Run]:
    """The runs of ``text`` laid out in ``font`` as Qt draws it (spaces alone left out)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    found = []
    for run in layout.glyphRuns():
        raw = run.rawFont()
        glyphs = list(run.glyphIndexes())
        boxes = [box for box in (raw.boundingRect(g) for g in glyphs) if not box.isEmpty()]
        if not boxes:
            continue  # spaces only
        em = QRawFont(raw)
        em.setPixelSize(1000)
        big = [box for box in (em.boundingRect(g) for g in glyphs) if not box.isEmpty()]
        inside = max(-b.top() for b in big) <= em.ascent() and max(b.bottom() for b in big) <= (
            em.descent()
        )
        height = max(b.bottom() for b in boxes) - min(b.top() for b in boxes)
        found.append(Run(raw.familyName(), glyphs, height, inside))
    assert found, text
    return found


@pytest.fixture
def persian_app(qapp: Any) -> Iterator[None]:
    from accountdesk.ui.app import apply_language

    apply_language("fa")
    yield
    apply_language("en")


@pytest.fixture
def thai_app(qapp: Any) -> Iterator[None]:
    from accountdesk.ui.app import apply_language

    apply_language("th")
    yield
    apply_language("en")


def _only_pan_script_persian_fonts() -> bool:
    """True on a computer whose own fonts with Persian letters are DejaVu's at most."""
    own = {f.lower() for f in QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)}
    return own - {SHIPPED_PERSIAN.lower()} <= PAN_SCRIPT


def _assert_persian_font(font: QFont) -> None:
    for run in _runs(font, PERSIAN):
        assert 0 not in run.glyphs, run  # no empty boxes
        assert run.ink_inside_line, run  # the letters stay inside the line a row is sized to
        if _only_pan_script_persian_fonts():
            assert run.family.lower() == SHIPPED_PERSIAN.lower(), run


def test_persian_is_drawn_with_a_persian_font_in_lists_labels_and_bold(
    ctx: Any, qtbot: Any, persian_app: None
) -> None:
    from accountdesk.ui.countries.screen import CountriesScreen

    screen = CountriesScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    _assert_persian_font(screen.list.font())
    bold = QFont(screen.list.font())
    bold.setBold(True)
    _assert_persian_font(bold)
    label = QLabel(PERSIAN)
    qtbot.addWidget(label)
    _assert_persian_font(label.font())
    _assert_persian_font(QApplication.font())


def test_latin_text_keeps_the_ui_font(ctx: Any, persian_app: None) -> None:
    font = QApplication.font()
    families = {run.family.lower() for run in _runs(font, "Anna Ozola, Baltic Timber 12:30")}
    assert SHIPPED_PERSIAN.lower() not in families, families


def _row_fits(view: QListWidget, row: int) -> None:
    """The row is as tall as the line of each font its text is drawn with, and as its ink."""
    item = view.item(row)
    height = view.visualItemRect(item).height()
    for run in _runs(item.font(), item.text()):
        drawn = QFont(item.font())
        drawn.setFamilies([run.family])
        line = QFontMetricsF(drawn).height()
        assert height >= math.floor(line), (item.text(), run, height, line)
        assert height >= math.ceil(run.ink_height), (item.text(), run, height)


def _rows_of(screen: Any, codes: list[str]) -> list[int]:
    listed = [
        screen.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(screen.list.count())
    ]
    return [listed.index(code) for code in codes]


def test_persian_rows_of_the_countries_list_fit_their_font(
    ctx: Any, qtbot: Any, persian_app: None
) -> None:
    from accountdesk.ui.countries.screen import CountriesScreen

    screen = CountriesScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    screen.resize(1095, 780)
    screen.show()
    qtbot.waitExposed(screen)
    tasks.pump(20)
    # Argentina and Georgia: "آ", "ژ" and "گ"; the United States bold (curated), Armenia not
    rows = _rows_of(screen, ["AR", "GE", "US", "AM", "CN", "IR"])
    assert screen.list.item(rows[2]).font().bold()
    for row in rows:
        _row_fits(screen.list, row)


def test_thai_is_drawn_with_a_thai_font_and_its_rows_fit(
    ctx: Any, qtbot: Any, thai_app: None
) -> None:
    from accountdesk.ui.countries.screen import CountriesScreen

    thai_fonts = {f.lower() for f in QFontDatabase.families(QFontDatabase.WritingSystem.Thai)}
    for run in _runs(QApplication.font(), THAI):
        assert run.family.lower() in thai_fonts and 0 not in run.glyphs, run
        assert run.ink_inside_line, run
    screen = CountriesScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    screen.resize(1095, 780)
    screen.show()
    qtbot.waitExposed(screen)
    tasks.pump(20)
    for row in _rows_of(screen, ["TH", "JP", "LA", "KH", "DE"]):
        _row_fits(screen.list, row)


def test_emoji_in_a_name_are_drawn_not_as_boxes(qapp: Any, persian_app: None) -> None:
    """A contact "🦄 Uni X" showed "▯ Uni X" in the contact list of a computer without an
    emoji font of its own: the shipped Noto Emoji draws it (Qt on Linux chooses among the
    application's fonts; Windows and macOS have emoji fonts of their own)."""
    bold = QFont(QApplication.font())
    bold.setBold(True)
    for font in (QApplication.font(), bold):
        for text in ("🦄 Uni X", "Café ☕ Sunrise 🚀 GmbH", "👨\u200d👩\u200d👧 ❤\ufe0f"):
            for run in _runs(font, text):
                assert 0 not in run.glyphs, (text, run)
