"""Tables are not split just after their first row or just before their last (rev20 9): the
trip brief's five-day "Suggested meeting slots" had its heading, introduction, header and
Monday at the foot of a page, the other four days on the next. A short table is kept whole
with its heading and introduction; a long one keeps at least three rows on each side."""

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
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _pages(tmp_path: Path, story: list[object]) -> list[str]:
    ctx = d._context("en", NOW, "UTC")
    out = io.BytesIO()
    with i18n.use_language("en"):
        d._build(out, ctx, "Tables", "Tables", story)
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(out.getvalue())
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    return text.split("\f")


@pytest.mark.parametrize("filler", range(560, 700, 12))
def test_a_short_table_stays_with_its_heading_and_introduction(tmp_path: Path, filler: int) -> None:
    ctx = d._context("en", NOW, "UTC")
    with i18n.use_language("en"):
        story = [
            d._h(ctx, "Title"),
            Spacer(10, filler),
            d._h(ctx, "Suggested meeting slots", 1),
            d._p(ctx, "Local time in Berlin. Working hours there: 08:30–17:00.", d.SMALL),
            d._table(ctx, ["Date", "Local time", "Notes"], [[day, "09:30", ""] for day in DAYS],
                     [38, 24, 38]),
        ]  # fmt: skip
    pages = _pages(tmp_path, story)
    page = next(p for p in pages if "Suggested meeting slots" in p)
    for word in ["Local time in Berlin", *DAYS]:
        assert word in page, (filler, word)


@pytest.mark.parametrize("filler", range(520, 700, 15))
def test_a_long_table_keeps_three_rows_on_each_side(tmp_path: Path, filler: int) -> None:
    ctx = d._context("en", NOW, "UTC")
    rows = [[f"Row {i:02d}", "x", "y"] for i in range(1, 21)]
    with i18n.use_language("en"):
        story = [
            d._h(ctx, "Title"),
            Spacer(10, filler),
            d._h(ctx, "A long table", 1),
            d._table(ctx, ["Name", "A", "B"], rows, [40, 30, 30]),
        ]
    pages = [p for p in _pages(tmp_path, story) if "Row " in p]
    counts = [p.count("Row ") for p in pages]
    assert sum(counts) == 20 and min(counts) >= d.KEPT_ROWS, (filler, counts)
    assert "A long table" in pages[0]
