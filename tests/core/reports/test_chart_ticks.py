"""A chart's value axis says every tick in the language's digits and signs, each character in a
font that has it. ReportLab drew the labels in Noto Sans alone, which has no "−" (U+2212,
Slovenian's minus sign): the Slovenian portfolio's trend axis read "50" under zero for −50."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.platypus import SimpleDocTemplate

from accountdesk.core import i18n
from accountdesk.core.reports import charts, fonts
from accountdesk.core.reports.textlayout import _families


def _trend(lang: str, rtl: bool = False) -> charts.Chart:
    return charts.line_chart(
        ["Q1", "Q2", "Q3"],
        [charts.Series("NPS", [-40.0, -20.0, 25.0]), charts.Series("CSAT", [60.0, 50.0, 62.0])],
        lang, floor=0.0, ceiling=100.0, rtl=rtl,
    )  # fmt: skip


@pytest.mark.parametrize(("lang", "rtl"), [("sl", False), ("lv", False), ("fa", True)])
def test_every_tick_is_labelled_in_the_languages_signs(lang: str, rtl: bool) -> None:
    chart = _trend(lang, rtl)
    with i18n.use_language(lang):
        expected = [i18n.format_number(v) for v in (-50, 0, 50, 100)]
    labels = [label for _y, label in chart.ticks]
    assert labels == expected
    heights = [y for y, _label in chart.ticks]
    assert heights == sorted(heights) and len(set(heights)) == len(heights)
    for label in labels:  # each character drawn in a font that has it
        for ch, family in zip(label, _families(label), strict=True):
            assert fonts.has_glyph(family, ch), (lang, label, ch, family)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_a_slovenian_negative_tick_keeps_its_minus_sign(tmp_path: Path) -> None:
    out = io.BytesIO()
    SimpleDocTemplate(out).build([_trend("sl")])
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(out.getvalue())
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    ticks = text.split()
    assert "\u221250" in ticks, ticks
    assert {"0", "50", "100"} <= set(ticks)
