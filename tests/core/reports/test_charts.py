"""The PDF charts: whole ticks for counts, value axes that hold every value, axis titles and
legends drawn as text, partial months and quarters noted."""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import SimpleDocTemplate

from accountdesk.core.calendars import GREGORIAN
from accountdesk.core.metrics import Period, calendar_periods
from accountdesk.core.reports import charts
from accountdesk.core.reports import documents as d


def _plot(chart: charts.Chart) -> Any:
    return chart.drawing.contents[0]


@settings(max_examples=60)
@given(st.lists(st.integers(0, 5000), min_size=1, max_size=12))
def test_count_axes_have_whole_ticks_that_hold_every_bar(counts: list[int]) -> None:
    low, high, step = charts.axis_range([float(c) for c in counts], ceiling=1.0, whole=True)
    assert step >= 1 and step.is_integer()
    assert low == 0 and high >= max(counts) and (high / step).is_integer()
    assert (high - low) / step <= 10


@settings(max_examples=60)
@given(st.lists(st.one_of(st.none(), st.floats(-100, 100)), min_size=1, max_size=8))
def test_lines_stay_inside_their_value_axis(values: list[float | None]) -> None:
    chart = charts.line_chart(
        [f"Q{i}" for i in range(len(values))], [charts.Series("NPS", values)], "en"
    )
    axis = _plot(chart).valueAxis
    known = [v for v in values if v is not None]
    assert axis.valueMin <= min([0.0, *known]) and axis.valueMax >= max([100.0, *known])
    assert ((axis.valueMax - axis.valueMin) / axis.valueStep).is_integer()
    assert _plot(chart).categoryAxis.joinAxisMode == "bottom"  # below negative values too


def test_small_counts_do_not_get_fractional_ticks() -> None:
    chart = charts.bar_chart(["a", "b", "c"], [0, 1, 2], "en")
    axis = _plot(chart).valueAxis
    assert (axis.valueMin, axis.valueStep) == (0, 1.0)
    assert axis.labelTextFormat(2.0) == "2"
    persian = _plot(charts.bar_chart(["a"], [12], "fa")).valueAxis
    assert persian.labelTextFormat(10.0) == "۱۰"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_axis_titles_and_legend_are_drawn(tmp_path: Path) -> None:
    out = io.BytesIO()
    doc = SimpleDocTemplate(out)
    chart = charts.line_chart(
        ["2026 Q1", "2026 Q2"],
        [charts.Series("Retention (%)", [90.0, 95.0]), charts.Series("NPS", [-20.0, 10.0])],
        "en", x_title="Quarter", y_title="Percent", note="* 2026 Q2: part of the quarter only.",
    )  # fmt: skip
    doc.build([chart])
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(out.getvalue())
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    for words in ("Quarter", "Percent", "Retention (%)", "NPS", "part of the quarter only"):
        assert words in text


def test_partial_months_and_quarters_are_named() -> None:
    ctx = d.ReportContext("en", False, datetime(2026, 11, 28, tzinfo=UTC), "UTC")
    shown = calendar_periods(Period(date(2025, 12, 1), date(2026, 11, 28)), 1, GREGORIAN)
    assert d._partial_note(ctx, shown, "month") == "* Nov 2026: part of the month only."
    whole = calendar_periods(Period(date(2025, 12, 1), date(2026, 11, 30)), 1, GREGORIAN)
    assert d._partial_note(ctx, whole, "month") == ""
    qs = calendar_periods(Period(date(2025, 12, 1), date(2026, 11, 30)), 3, GREGORIAN)
    assert d._partial_note(ctx, qs, "quarter") == (
        "* Q4 2025, Q4 2026: parts of the quarters only."
    )
    assert (
        d._partial_note(
            ctx,
            calendar_periods(Period(date(2026, 1, 1), date(2026, 6, 30)), 3, GREGORIAN),
            "quarter",
        )
        == ""
    )


def _drawn(chart: charts.Chart) -> list[tuple[str, list[float | None]]]:
    """Each row of the plot: its colour and values (its visible points)."""
    plot = _plot(chart)
    return [(str(plot.lines[i].strokeColor), list(row)) for i, row in enumerate(plot.data)]


def test_a_lone_value_is_drawn_as_a_dot() -> None:
    """rev20 3: a quarter's value without a known neighbour was left out: a one-quarter
    report's trend was empty, and the NPS of Q1 (two answers) between two quarters without
    answers was not drawn."""
    one = charts.line_chart(["Q1 2026"], [charts.Series("NPS", [8.0])], "en")
    assert [values for _c, values in _drawn(one)] == [[8.0]]
    assert _plot(one).lines[0].symbol is not None  # a dot: a line of one point draws nothing
    nps = [None, 50.0, None, 100.0, 100.0]
    chart = charts.line_chart([f"Q{i}" for i in range(5)], [charts.Series("NPS", nps)], "en")
    assert [values for _c, values in _drawn(chart)] == [
        [None, 50.0, None, None, None],
        [None, None, None, 100.0, 100.0],  # not joined to Q1 across the gap
    ]
    assert chart.empty == ""


def test_runs_of_every_series_keep_its_colour() -> None:
    chart = charts.line_chart(
        ["a", "b", "c"],
        [charts.Series("Retention", [90.0, None, 80.0]), charts.Series("NPS", [None, 5.0, None])],
        "fa", rtl=True,
    )  # fmt: skip
    drawn = _drawn(chart)
    first, second = str(charts.SERIES_COLOURS[0]), str(charts.SERIES_COLOURS[1])
    assert drawn == [
        (first, [None, None, 90.0]),  # right to left
        (first, [80.0, None, None]),
        (second, [None, 5.0, None]),
    ]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_a_chart_without_any_value_says_so(tmp_path: Path) -> None:
    from accountdesk.core import i18n

    for lang in ("en", "th"):
        with i18n.use_language(lang):
            chart = charts.line_chart(
                ["Q1", "Q2"],
                [charts.Series("NPS", [None, None]), charts.Series("CSAT", [None, None])],
                lang,
            )
            expected = i18n._(charts.NO_VALUES)
        assert chart.empty == expected
        assert getattr(_plot(chart).lines[0], "symbol", None) is None  # no dot at zero
        out = io.BytesIO()
        SimpleDocTemplate(out).build([chart])
        pdf = tmp_path / "c.pdf"
        pdf.write_bytes(out.getvalue())
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        if lang == "en":
            flat = " ".join(unicodedata.normalize("NFKC", text).split())  # no "ﬁ" ligature
            assert "Not enough data for any of these figures." in flat
