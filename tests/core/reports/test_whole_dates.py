"""A date in a report stays on one line: lines broke inside dates, "2025. gada 2." | "marts" in
a Latvian account report's interactions, "24. dec. 2026 – 1. jan." | "2027" in a Slovenian
holiday table, "… 23. dec. 2026 – 28." | "dec. 2026" in a Slovenian trip brief's title. A
table's date column is now as wide as its widest date; copied out, a date is as written."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.textlayout import layout

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)
DAYS = [date(2025, 3, 2), date(2024, 2, 18), date(2026, 12, 24), date(2027, 1, 1)]


def _cell_lines(table: Any, row: int, column: int) -> list[str]:
    cell = table._cellvalues[row][column]
    cell.wrap(table._colWidths[column] - d.CELL_PADDING, 1000)
    return [plain(line.logical).strip() for line in cell._lines]


@pytest.mark.parametrize("lang", ["lv", "sl", "tr", "th", "fa"])
def test_a_table_never_breaks_a_date(lang: str) -> None:
    ctx = d._context(lang, NOW, "UTC")
    with i18n.use_language(lang):
        dates = [plain(i18n.format_date(day)) for day in DAYS]
        rows = [[ctx.date(day), "Vizīte", "Objekta apmeklējums", "Liepiņas kundze"] for day in DAYS]
        rows.append([f"{ctx.date(DAYS[2])} – {ctx.date(DAYS[3])}", "", "", ""])
        # the widths of the account report's interactions and holidays tables
        table = d._table(ctx, ["Datums", "Veids", "Temats", "Dalībnieki"], rows, [18, 12, 40, 30])
    column = 3 if ctx.rtl else 0
    for r, shown in enumerate(dates, 1):
        assert _cell_lines(table, r, column) == [shown], (lang, shown)
    span = _cell_lines(table, len(rows), column)
    for part in dates[2:]:  # each end of a span whole, on a line of its own or together
        assert any(part in line for line in span), (span, part)


def test_a_title_breaks_between_dates_not_inside_one() -> None:
    ctx = d._context("sl", NOW, "UTC")
    with i18n.use_language("sl"):
        start, end = date(2026, 12, 23), date(2026, 12, 28)
        title = i18n._("Trip brief: {place}, {start} – {end}").format(
            place="Slovenija", start=ctx.date(start), end=ctx.date(end)
        )
        dates = [plain(i18n.format_date(day)) for day in (start, end)]
    width = d.PAGE[0] - 2 * d.MARGIN  # the title's line in the PDF
    lines = [plain(line.logical).strip() for line in layout(ctx.text(title), width, d.H1)]
    assert len(lines) == 2, lines
    for day in dates:
        assert any(day in line for line in lines), (day, lines)
    assert plain(ctx.text(title)) == plain(title)  # copied: the date as written


def test_a_date_and_time_stays_on_one_line() -> None:
    """The account report's contacts and follow-ups: "2026. gada 29." | "nov. 15:54 (Rīga)"."""
    from zoneinfo import ZoneInfo

    ctx = d._context("lv", NOW, "UTC")
    with i18n.use_language("lv"):
        when = plain(i18n.format_when(NOW, ZoneInfo("Europe/Riga")))
        row = ["Līga Liepiņa", "+371 21 237 971", d._local_time_cell(ctx, "Europe/Riga"), "", ""]
        header = ["Vārds/nosaukums", "Tālrunis un e-pasts", "Vietējais laiks", "Kanāls", "Valoda"]
        table = d._table(ctx, header, [row], [25, 33, 17, 12, 13])
    assert _cell_lines(table, 1, 2)[0] == when


def _outline_titles(pdf: bytes) -> list[str]:
    """The /Title strings of a ReportLab PDF (uncompressed): octal escapes decoded, UTF-16BE
    after its byte-order mark, else PDFDocEncoding (ReportLab's codec)."""
    from reportlab.pdfbase.rl_codecs import RL_Codecs

    RL_Codecs.register()
    titles = []
    for found in re.finditer(rb"/Title \(((?:\\.|[^\\)])*)\)", pdf, re.S):
        raw = re.sub(
            rb"\\([0-7]{1,3}|.)",
            lambda m: bytes([int(m.group(1), 8)]) if m.group(1).isdigit() else m.group(1),
            found.group(1),
        )
        titles.append(
            raw[2:].decode("utf-16-be") if raw[:2] == b"\xfe\xff" else raw.decode("pdfdoc")
        )
    return titles


def test_bookmarks_have_no_direction_marks(tmp_path: Path) -> None:
    """The PDF's outline (the bookmarks a viewer lists) names each section as its heading reads,
    without the isolates that keep a date or a name whole in the layout (a viewer may show
    them as boxes), as the document's title already was."""
    from accountdesk.core.bidi import BIDI_CONTROLS
    from accountdesk.core.db.engine import open_database

    db = open_database(tmp_path / "b.db")
    target = tmp_path / "t.pdf"
    d.trip_brief(db, target, "SI", date(2026, 12, 23), date(2026, 12, 28), lang="sl", now=NOW)
    db.close()
    titles = _outline_titles(target.read_bytes())
    assert "Pregled potovanja: Slovenija, 23. dec. 2026 – 28. dec. 2026" in titles, titles
    assert "Časovna razlika" in titles, titles
    assert not any(ch in BIDI_CONTROLS for title in titles for ch in title), titles
