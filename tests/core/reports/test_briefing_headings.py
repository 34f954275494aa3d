"""A briefing's country and section titles are never left alone at the foot of a page, their
notes on the next (review rev19's 6th: the Persian account report's "هدیه‌ها", the Thai trip
brief's "การแต่งกาย"): each is kept with what follows it (``keepWithNext``)."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from itertools import pairwise
from typing import Any

import pytest
from reportlab.platypus import Flowable

from accountdesk.core import i18n
from accountdesk.core.reports import documents as d


@pytest.mark.parametrize("lang", ["fa", "th", "en"])
def test_no_briefing_title_ends_a_page(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    ctx = d._context(lang, datetime(2026, 12, 1, 9, 0, tzinfo=UTC), "UTC")
    with i18n.use_language(lang):
        height = d._Doc(io.BytesIO(), ctx, "Brief", "subject").height
        briefing = d._etiquette(ctx, ["IR", "TH"])
        titles = [f for f in briefing if f.style in (d.SECTION, d.BODY.but(bold=True))]
        assert len(titles) > 4  # the premise: two countries, several sections each
        original = d._Doc.afterFlowable
        pages: list[tuple[Flowable, int]] = []

        def record(self: Any, flowable: Flowable) -> None:
            pages.append((flowable, self.page))
            original(self, flowable)

        monkeypatch.setattr(d._Doc, "afterFlowable", record)
        # the filler leaves every room from one line to a few at the foot of the first page,
        # so that each title in turn comes near it
        for room in range(4, 300, 8):
            lines = int((height - room) // d.BODY.line_height)
            pages.clear()
            story = [d._p(ctx, "\n".join(["—"] * lines)), *d._etiquette(ctx, ["IR", "TH"])]
            d._build(io.BytesIO(), ctx, "Brief", "subject", story)
            laid = [(f, page) for f, page in pages if isinstance(f, d.TextBlock)]
            for (first, page), (_after, next_page) in pairwise(laid):
                if first.style in (d.SECTION, d.BODY.but(bold=True)):
                    assert page == next_page, (room, first.text)
