"""Chinese, Japanese and Korean text in the PDF reports: the shipped CJK font is chosen,
registered only when needed, embedded, and the names come out as text."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.reports import documents as d
from accountdesk.core.reports import fonts
from accountdesk.core.reports.textlayout import TextStyle, layout

NAMES = ("佐藤 花子", "王伟", "김민준")  # Japanese, Chinese, Korean
NOW = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("char", "script"),
    [
        ("佐", "cjk"),  # Han
        ("は", "cjk"),  # Hiragana
        ("カ", "cjk"),  # Katakana
        ("ｶ", "cjk"),  # halfwidth Katakana
        ("김", "cjk"),  # Hangul syllable
        ("。", "cjk"),  # CJK punctuation
        ("\u3000", "cjk"),  # ideographic space
        ("Ａ", "cjk"),  # fullwidth Latin
        ("A", "latin"),
        ("ก", "thai"),
        ("ع", "arabic"),
        (" ", "common"),
    ],
)
def test_script_of(char: str, script: str) -> None:
    assert fonts.script_of(char) == script


def test_the_cjk_font_covers_the_three_languages() -> None:
    for name in NAMES:
        for ch in name.replace(" ", ""):
            assert fonts.has_glyph(fonts.CJK, ch), ch
            assert fonts.family_for(ch) == fonts.CJK


def test_names_in_a_sentence_get_the_cjk_font_and_every_glyph_exists() -> None:
    text = "Meeting with 佐藤 花子, 王伟 and 김민준 (Seoul) at 10:00。"
    for bold in (False, True):
        style = TextStyle(size=10, bold=bold)
        (line,) = layout(text, 1000, style)
        assert line.logical == text
        for piece in line.pieces:
            family = piece.font.removesuffix("-Bold")
            assert family in fonts.FAMILIES
            for ch in piece.source:
                assert fonts.has_glyph(family, ch), f"{ch!r} missing from {piece.font}"
        cjk = {p.source.strip(" ,") for p in line.pieces if p.font == fonts.CJK}
        assert {"佐藤 花子", "王伟", "김민준"} <= cjk, cjk  # the space between names stays
        # there is no bold CJK file: bold text uses the regular font
        assert fonts.font_name(fonts.CJK, bold=True) == fonts.CJK
        latin = {p.font for p in line.pieces if "Meeting" in p.source}
        assert latin == {fonts.font_name(fonts.LATIN, bold)}


def test_the_cjk_font_is_registered_only_when_a_character_needs_it() -> None:
    code = f"""
from reportlab.pdfbase import pdfmetrics
from accountdesk.core.reports import fonts
fonts.register_fonts()
assert fonts.family_for("A") == fonts.LATIN
assert {fonts.CJK!r} not in pdfmetrics.getRegisteredFontNames()
assert fonts.family_for("佐") == fonts.CJK
assert {fonts.CJK!r} in pdfmetrics.getRegisteredFontNames()
"""
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def _cjk_db(path: Path) -> tuple[Database, str]:
    from accountdesk.core.records import AccountInput, ContactInput
    from accountdesk.core.services.accounts import create_account, create_contact

    db = open_database(path)
    account = create_account(
        db, AccountInput(name="Kobe Trading 神戸商事", country="JP", timezone="Asia/Tokyo")
    )
    for given, family, country, zone in (
        ("花子", "佐藤", "JP", "Asia/Tokyo"),
        ("伟", "王", "CN", "Asia/Shanghai"),
        ("민준", "김", "KR", "Asia/Seoul"),
    ):
        create_contact(
            db,
            ContactInput(
                account_id=account, given_name=given, family_name=family, country=country,
                timezone=zone, name_order="family_first", job_title="営業部長",
            ),
        )  # fmt: skip
    return db, account


@pytest.mark.skipif(
    shutil.which("pdffonts") is None or shutil.which("pdftotext") is None,
    reason="needs poppler's pdffonts and pdftotext",
)
def test_account_report_shows_cjk_names_as_text_in_the_embedded_font(tmp_path: Path) -> None:
    db, account = _cjk_db(tmp_path / "cjk.db")
    pdf = tmp_path / "cjk.pdf"
    d.account_report(db, account, pdf, lang="en", now=NOW, user_zone="Europe/Riga")
    db.close()

    listing = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    rows = listing.splitlines()[2:]
    cjk_rows = [r for r in rows if "DroidSansFallback" in r]
    assert cjk_rows, listing
    assert all(" yes yes yes " in r for r in cjk_rows), listing  # embedded, subset, ToUnicode
    assert all(" yes " in r for r in rows), listing  # every font embedded

    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    compact = "".join(text.split())
    for name in (*NAMES, "神戸商事", "営業部長"):
        assert "".join(name.split()) in compact, name
