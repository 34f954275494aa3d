"""A highlighted note box is never split across pages (review rev31, 14): the account
report's missing-rate note for Ege Lojistik began at the foot of page 1 ("No exchange rate
from EUR to TRY: …") and ended at the top of page 2 ("The other totals are in TRY. Add the
rate …"). ``documents._notice`` keeps its box together, wherever a report makes one."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from reportlab.platypus import Spacer

from accountdesk.core import i18n
from accountdesk.core.reports import documents as d

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
LINES = [
    "No exchange rate from EUR to TRY: a total that includes an amount in that currency is "
    "shown per currency, as entered, and not converted.",
    "The other totals are in TRY.",
    "Add the rate in the Reports screen (Exchange rates…) or with “accountdesk rates add”.",
]


def _pages(tmp_path: Path, filler: int) -> list[str]:
    ctx = d._context("en", NOW, "UTC")
    out = io.BytesIO()
    with i18n.use_language("en"):
        story = [d._h(ctx, "Title"), Spacer(10, filler), d._notice(ctx, LINES),
                 d._p(ctx, "After the note.")]  # fmt: skip
        d._build(out, ctx, "Notes", "Notes", story)
    pdf = tmp_path / "n.pdf"
    pdf.write_bytes(out.getvalue())
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [" ".join(page.split()) for page in text.split("\f")]


@pytest.mark.parametrize("filler", range(600, 700, 8))
def test_a_note_box_is_on_one_page(tmp_path: Path, filler: int) -> None:
    pages = _pages(tmp_path, filler)
    starts = [i for i, p in enumerate(pages) if "No exchange rate from EUR to TRY" in p]
    assert len(starts) == 1, (filler, pages)
    page = pages[starts[0]]
    for line in LINES:
        assert line in page, (filler, line, pages)
    assert any("After the note." in p for p in pages[starts[0] :])
