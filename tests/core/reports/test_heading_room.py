"""A heading before a table is never left alone at the foot of a page: the room it keeps under
it is the table's header and first row as measured, which may be far taller than a few lines
(the portfolio's "By owner", its first owner's revenue in thirteen currencies, one a line)."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

import pytest
from reportlab.platypus import Flowable

from accountdesk.core.reports import documents as d


def _pages(monkeypatch: pytest.MonkeyPatch, room_left: float) -> dict[str, int]:
    """The page the heading and the table land on, after text that leaves ``room_left``
    points at the foot of the first page."""
    ctx = d._context("en", datetime(2026, 11, 29, 9, 0, tzinfo=UTC), "UTC")
    height = d._Doc(io.BytesIO(), ctx, "Portfolio", "subject").height
    lines = int((height - room_left) // d.BODY.line_height)
    heading = d._h(ctx, "By owner")
    revenue = "\n".join(f"{n + 1},000.00 C{n:02d}" for n in range(13))  # a currency a line
    table = d._table(ctx, ["Owner", "Revenue"], [["Anna Berg", revenue], ["Ben", "—"]], [1, 2])
    story: list[Any] = [d._p(ctx, "\n".join(["filler"] * lines)), heading, table]
    found: dict[str, int] = {}
    original = d._Doc.afterFlowable

    def record(self: Any, flowable: Flowable) -> None:
        if flowable is heading:
            found["heading"] = self.page
        elif isinstance(flowable, d.Table) and "table" not in found:
            found["table"] = self.page
        original(self, flowable)

    monkeypatch.setattr(d._Doc, "afterFlowable", record)
    d._build(io.BytesIO(), ctx, "Portfolio", "subject", story)
    return found


def test_a_heading_goes_to_the_page_its_tables_tall_first_row_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # room for the heading and a few lines, not for the header and a 13-line first row
    assert _pages(monkeypatch, 90) == {"heading": 2, "table": 2}


def test_a_heading_stays_where_its_table_begins_too(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _pages(monkeypatch, 260) == {"heading": 1, "table": 1}
