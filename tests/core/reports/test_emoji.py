"""Emoji in the PDF reports (a name "🦄 Uni X", an account "Café ☕ Sunrise 🚀 GmbH"): drawn with
the shipped monochrome Noto Emoji, not as empty boxes, and copied out of the PDF as they were
typed."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from accountdesk.core.db.engine import open_database
from accountdesk.core.reports import documents as d
from accountdesk.core.reports import fonts
from accountdesk.core.reports.textlayout import TextStyle, draw_line, layout

NOW = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
FAMILY = "👨\u200d👩\u200d👧"  # one picture: three emoji joined by zero width joiners
needs_poppler = pytest.mark.skipif(
    shutil.which("pdffonts") is None or shutil.which("pdftotext") is None,
    reason="needs poppler's pdffonts and pdftotext",
)


@pytest.mark.parametrize("emoji", ["🦄", "☕", "🚀", "🎸", "❤", "👍", "🏽", "🇩", "⭐"])
def test_emoji_are_drawn_with_the_emoji_font(emoji: str) -> None:
    assert fonts.script_of(emoji) == "emoji"
    assert fonts.family_for(emoji) == fonts.EMOJI
    assert fonts.has_glyph(fonts.EMOJI, emoji)


def _fonts_of(text: str, rtl: bool = False, bold: bool = False) -> list[tuple[str, str]]:
    (line,) = layout(text, 1000, TextStyle(size=10, bold=bold), rtl)
    return [(p.font, p.source) for p in line.pieces]


@pytest.mark.parametrize("bold", [False, True])
def test_the_text_around_an_emoji_keeps_its_own_font(bold: bool) -> None:
    latin = fonts.font_name(fonts.LATIN, bold)
    # the space after an emoji is the text's (the emoji font's space is an em wide)
    assert _fonts_of("Café ☕ Sunrise 🚀 GmbH", bold=bold) == [
        (latin, "Café "),
        (fonts.EMOJI, "☕"),
        (latin, " Sunrise "),
        (fonts.EMOJI, "🚀"),
        (latin, " GmbH"),
    ]
    # ✓ ★ © are text, not emoji; © stays in the Latin font
    assert (latin, "©") in _fonts_of("🦄©", bold=bold)


def test_an_emoji_sequence_is_one_run_of_the_emoji_font() -> None:
    for sequence in (FAMILY, "❤\ufe0f", "1\ufe0f\u20e3", "👍🏽", "🇩🇪"):
        assert (fonts.EMOJI, sequence) in _fonts_of(f"a {sequence} b"), sequence
    assert (fonts.font_name(fonts.LATIN), "1 ") in _fonts_of("1 ❤")  # a plain digit is text


def test_an_emoji_sequence_in_persian_stays_whole_and_emoji_keep_their_places() -> None:
    pieces = _fonts_of(f"جلسه 🚀🎸 و {FAMILY} در 🇮🇷", rtl=True)
    emoji = [source for font, source in pieces if font == fonts.EMOJI]
    # visual order, left to right: the line reads from the right
    assert emoji == ["🇮🇷", FAMILY, "🎸", "🚀"]


@needs_poppler
def test_emoji_are_copied_out_of_a_pdf_as_typed(tmp_path: Path) -> None:
    """ReportLab writes a code past U+FFFF into the ToUnicode map as it is (<1F984>), which
    a text extractor reads as U+1F98 ("ᾘ" for 🦄)."""
    pdf = tmp_path / "emoji.pdf"
    page = canvas.Canvas(str(pdf))
    text = f"🦄 Uni X ☕ {FAMILY} ❤\ufe0f"
    style = TextStyle(size=12)
    (line,) = layout(text, 500, style)
    draw_line(page, line, 40, 700, 500, style, False)
    page.save()
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == text


@needs_poppler
def test_account_report_draws_emoji_in_the_embedded_emoji_font(tmp_path: Path) -> None:
    from accountdesk.core.records import AccountInput, ContactInput
    from accountdesk.core.services.accounts import create_account, create_contact

    db = open_database(tmp_path / "emoji.db")
    account = create_account(
        db, AccountInput(name="Café ☕ Sunrise 🚀 GmbH", country="DE", timezone="Europe/Berlin")
    )
    create_contact(
        db,
        ContactInput(
            account_id=account, given_name="🦄 Uni", family_name="X", country="DE",
            timezone="Europe/Berlin",
        ),
    )  # fmt: skip
    pdf = tmp_path / "emoji.pdf"
    d.account_report(db, account, pdf, lang="en", now=NOW, user_zone="Europe/Berlin")
    db.close()

    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    emoji_rows = [r for r in listing.stdout.splitlines() if "NotoEmoji" in r]
    assert emoji_rows and all(" yes yes yes " in r for r in emoji_rows), listing.stdout
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    assert "Café ☕ Sunrise 🚀 GmbH" in text.stdout
    assert "🦄 Uni X" in text.stdout
    assert "\ufffd" not in text.stdout  # no glyph missing
