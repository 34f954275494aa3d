"""A line never ends with a spaced dash, and keeps the words around it together when they fit.

The Turkish trip brief to the United Kingdom broke its title after the dash of its dates:
"Seyahat özeti: Birleşik Krallık, 1 Ara 2026 –" | "10 Ara 2026". ICU offers a break after the
space on either side of a spaced dash ("1 Ara 2026 | – | 10 Ara 2026"), and the greedy filling
took the later one. A range or a phrase around a dash now moves to the next line whole
("… Birleşik Krallık," | "1 Ara 2026 – 10 Ara 2026"), and when it does not fit on a line of its
own the line breaks before the dash, never after it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import open_database
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.textlayout import TextStyle, layout, unbroken_width

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)
START, END = date(2026, 12, 1), date(2026, 12, 10)
DASHES = "-\u2012\u2013\u2014\u2015"
STYLE = TextStyle(size=10)


def _lines(text: str, width: float, style: TextStyle = STYLE, rtl: bool = False) -> list[str]:
    return [plain(line.logical).strip() for line in layout(text, width, style, rtl)]


def _trip_title_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, country: str
) -> list[str]:
    """The lines of the trip brief's title as laid out in the PDF (the frame's width)."""
    built: list[list[Any]] = []
    real = d._build

    def keep(target: Any, ctx: Any, title: str, subject: str, story: list[Any]) -> None:
        built.append(list(story))  # the build takes the flowables off the list
        real(target, ctx, title, subject, story)

    monkeypatch.setattr(d, "_build", keep)
    db = open_database(tmp_path / f"{lang}{country}.db")
    try:
        d.trip_brief(db, tmp_path / "t.pdf", country, START, END, lang=lang, now=NOW)
    finally:
        db.close()
    heading = built[0][0]
    assert isinstance(heading, d.Heading)
    return [plain(line.logical).strip() for line in heading._lines]


@pytest.mark.parametrize("lang", ["en", "lv", "sl", "th", "tr", "fa"])
# long names; a country of several clocks (the US) needs a contact there for a brief
@pytest.mark.parametrize("country", ["GB", "AE", "DO", "IR", "BA"])
def test_a_trip_brief_title_keeps_its_dates_range_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, country: str
) -> None:
    lines = _trip_title_lines(tmp_path, monkeypatch, lang, country)
    ctx = d._context(lang, NOW, "UTC")
    with i18n.use_language(lang):
        span = f"{plain(ctx.date(START))} – {plain(ctx.date(END))}"
    for line in lines:
        assert line and line[-1] not in DASHES, (lang, country, lines)
        assert line.strip(DASHES + " "), (lang, country, lines)  # no dash on a line alone
    assert any(span in line for line in lines), (lang, country, lines)


def test_the_turkish_title_to_the_united_kingdom(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = _trip_title_lines(tmp_path, monkeypatch, "tr", "GB")
    assert lines == ["Seyahat özeti: Birleşik Krallık,", "1 Ara 2026 – 10 Ara 2026"]


@pytest.mark.parametrize("dash", ["–", "—", "-"])
def test_a_phrase_around_a_spaced_dash_moves_to_the_next_line_whole(dash: str) -> None:
    text = f"Opening hours of the office Monday {dash} Friday"
    full = _lines(text, 1e9)[0]
    for width in range(60, 260, 7):
        lines = _lines(text, width)
        assert " ".join(lines) == full
        for line in lines:
            assert not line.endswith(dash), (width, lines)
        if layout(f"Monday {dash} Friday", 1e9, STYLE)[0].width <= width:
            assert any(f"Monday {dash} Friday" in line for line in lines), (width, lines)


def test_a_phrase_too_wide_for_a_line_breaks_before_the_dash() -> None:
    text = "Wednesday – Thursday"
    width = layout("Wednesday – Thu", 1e9, STYLE)[0].width
    assert _lines(text, width) == ["Wednesday", "– Thursday"]
    rtl = "چهارشنبه – پنجشنبه"
    width = layout("چهارشنبه – پنج", 1e9, STYLE, True)[0].width
    assert _lines(rtl, width, rtl=True) == ["چهارشنبه", "– پنجشنبه"]


def test_dashes_that_are_not_spaced_break_as_before() -> None:
    text = "Bosna-Hersek Bosna-Hersek Bosna-Hersek"
    lines = _lines(text, layout("Bosna-Hersek Bosna-", 1e9, STYLE)[0].width)
    assert lines[0] == "Bosna-Hersek Bosna-"


def test_a_column_is_as_wide_as_the_phrase_around_a_dash() -> None:
    """A table widens a column for a range, as for a word, so that it stays on one line."""
    assert unbroken_width("Mo – Friday", STYLE) == pytest.approx(
        layout("Mo – Friday", 1e9, STYLE)[0].width
    )


@pytest.mark.parametrize("lang", ["en", "lv", "sl", "th", "tr", "fa"])
def test_a_season_in_a_holiday_table_keeps_its_range_on_one_line(lang: str) -> None:
    """The holidays table's date column: "24 Dec 2026 –" | "1 Jan 2027"."""
    ctx = d._context(lang, NOW, "UTC")
    with i18n.use_language(lang):
        span = f"{ctx.date(date(2026, 12, 24))} – {ctx.date(date(2027, 1, 1))}"
        rows = [[span, "United Kingdom", "Christmas to New Year: offices are thin."]]
        table = d._table(ctx, ["Date", "Country", "Holiday or season"], rows, [22, 18, 60])
    column = 2 if ctx.rtl else 0
    cell = table._cellvalues[1][column]
    cell.wrap(table._colWidths[column] - d.CELL_PADDING, 1000)
    assert [plain(line.logical) for line in cell._lines] == [plain(span)]
