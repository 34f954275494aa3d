"""The portfolio's footnote under the key metrics (rev20 13): the sentence about accounts won
and lost inside the period only when there are some; "0 accounts were both won and lost …"
was printed in every report."""

from __future__ import annotations

from datetime import UTC, date, datetime

from accountdesk.core.bidi import plain
from accountdesk.core.metrics import CustomerRecord, Period, compute_all
from accountdesk.core.money import RateBook
from accountdesk.core.reports import documents as d

NOW = datetime(2027, 1, 15, 9, 0, tzinfo=UTC)
YEAR = Period(date(2026, 1, 1), date(2026, 12, 31))
KEPT = [CustomerRecord(f"a{i}", date(2020, 1, 1)) for i in range(3)]


def _footnote(customers: list[CustomerRecord]) -> list[str]:
    ms = compute_all(customers, [], [], YEAR, RateBook("EUR", YEAR.end))
    return [plain(p.text) for p in d._customer_footnote(d._context("en", NOW, "UTC"), ms)]


def test_no_sentence_about_none_won_and_lost() -> None:
    lines = _footnote([*KEPT, CustomerRecord("new", date(2026, 3, 1))])
    assert lines == ["1 account was won in the period and 0 of S lost in it (churned)."]


def test_the_sentence_when_one_was_won_and_lost() -> None:
    lines = _footnote([*KEPT, CustomerRecord("gone", date(2026, 3, 1), date(2026, 9, 1))])
    assert len(lines) == 2
    assert lines[1].startswith("1 account was both won and lost inside the period: ")
