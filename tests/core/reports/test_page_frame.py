"""The text of a report lines up with its tables, the header's rule and the footer: every one
starts at the page's margin and is as wide as the margins leave."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest

from accountdesk.core.reports import documents as d


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_the_body_frame_is_as_wide_as_the_tables(lang: str) -> None:
    ctx = d._context(lang, datetime(2026, 11, 29, 9, 0, tzinfo=UTC), "UTC")
    doc = d._Doc(io.BytesIO(), ctx, "Relationship report", "subject")
    [template] = doc.pageTemplates
    [frame] = template.frames
    tables = d.PAGE[0] - 2 * d.MARGIN  # the width every table of a report is given
    assert frame._x1 + frame._leftPadding == pytest.approx(d.MARGIN)
    assert frame._width - frame._leftPadding - frame._rightPadding == pytest.approx(tables)
