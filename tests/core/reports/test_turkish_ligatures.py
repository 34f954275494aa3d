"""Turkish reports set f and i apart: the Latin font's "fi" ligature drops the i's dot, and a
Turkish reader cannot tell "ofis" from "ofıs" or "fiyat" from "fıyat"."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from accountdesk.core.db.engine import open_database
from accountdesk.core.i18n import use_language
from accountdesk.core.reports import documents as d
from accountdesk.core.reports import fonts
from accountdesk.core.reports.textlayout import shape

FI = "\ufb01"  # the glyph of the ligature, as the font's character map names it


@pytest.mark.parametrize("bold", [False, True])
def test_turkish_text_has_no_fi_ligature(bold: bool) -> None:
    font = fonts.font_name(fonts.LATIN, bold)
    with use_language("tr"):
        glyphs, _width = shape("ofis fiyat", font, 10)
    assert len(glyphs) == len("ofis fiyat") and FI not in glyphs
    with use_language("lv"):  # other languages keep the font's ligatures
        glyphs, _width = shape("ofis fiyat", font, 10)
    assert len(glyphs) < len("ofis fiyat")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_a_turkish_trip_brief_writes_ofisler_with_a_dotted_i(tmp_path: Path) -> None:
    db = open_database(tmp_path / "trip.db")
    pdf = tmp_path / "trip.pdf"
    now = datetime(2026, 11, 29, 9, tzinfo=UTC)
    # the Feast of Sacrifice: its season's advice says offices ("ofisler") close
    d.trip_brief(db, pdf, "TR", date(2027, 5, 14), date(2027, 5, 20), lang="tr", now=now)
    db.close()
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "ofis" in text
    assert FI not in text
