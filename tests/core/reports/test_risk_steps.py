"""The at-risk next step of an account whose revenue fell names its owner, and names nobody
when it has none: the account and portfolio reports said "Review the account with —: revenue
€22,395.29 a year ago, €0.00 now.", the owner column's dash put in the sentence as a person."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.metrics import (
    FALLING,
    RISK_THRESHOLD,
    SILENCE,
    RiskScore,
    RiskSignals,
    risk_score,
)
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.data import RiskFacts
from accountdesk.core.reports.textlayout import TextBlock

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


def _facts() -> RiskFacts:
    signals = RiskSignals(
        overdue=0, detractors=0, silent_days=3, cadence_days=30,
        revenue_now=Decimal(0), revenue_before=Decimal("22395.29"),
    )  # fmt: skip
    assert risk_score(signals).reasons[0][0] == FALLING  # the premise
    # at risk, so that the portfolio lists it: the falling revenue its first reason
    score = RiskScore(RISK_THRESHOLD, ((FALLING, 2), (SILENCE, 1)), Decimal("22395.29"))
    return RiskFacts(
        account_id="a", signals=signals, score=score, oldest_overdue=None, detractor=None,
        contact="Ana Ortega", last_touch=None, currency="EUR",
    )  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "fa", "th", "lv"])
def test_a_falling_account_without_an_owner_is_reviewed_with_nobody(lang: str) -> None:
    ctx = d._context(lang, NOW, "UTC")
    with i18n.use_language(lang):
        alone = plain(d._next_step(ctx, _facts(), None))
        with_owner = plain(d._next_step(ctx, _facts(), "Anna Ozola"))
        summary = plain(d._risk_summary(ctx, _facts(), None))
        review = plain(i18n._("Review the account: revenue {before} a year ago, {now} now."))
    assert "—" not in alone and "—" not in summary
    assert alone.startswith(review.split("{")[0].strip())
    assert alone in summary.splitlines()
    assert "Anna Ozola" in with_owner and with_owner != alone


def test_the_portfolio_at_risk_table_shows_a_dash_for_no_owner_and_names_nobody() -> None:
    ctx = d._context("en", NOW, "UTC")
    with i18n.use_language("en"):
        (heading, _note, table) = d._risk_section(ctx, {"a": _facts()}, {"a": ("Tokyo", None)})
    cells = [plain(c.text) for c in table._cellvalues[1] if isinstance(c, TextBlock)]
    assert isinstance(heading, TextBlock)
    assert cells[1] == "—"  # the Owner column
    assert cells[-1] == "Review the account: revenue €22,395.29 a year ago, €0.00 now."
