"""The at-risk next step of an account whose revenue fell names its owner, and names nobody
when it has none: the account and portfolio reports said "Review the account with —: revenue
€22,395.29 a year ago, €0.00 now.", the owner column's dash put in the sentence as a person."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.core.metrics import (
    FALLING,
    RISK_THRESHOLD,
    SILENCE,
    RiskScore,
    RiskSignals,
    risk_score,
)
from accountdesk.core.money import RateBook
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.data import RiskFacts, Scope, load_records, risk_facts
from accountdesk.core.reports.textlayout import TextBlock
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import SurveyInput, save_survey

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


#: Contacts, and how the report's next step names them: as the rest of the report addresses
#: them (address.form_of_address), not by their bare full name (review rev19's 3rd).
ADDRESSED = [
    ("th", "TH", "วันเพ็ญ", "ใจดี", "", "Asia/Bangkok", "คุณวันเพ็ญ"),
    ("fa", "IR", "محمد", "احمدی", "آقای", "Asia/Tehran", "آقای احمدی"),
]


@pytest.mark.parametrize(("lang", "country", "given", "family", "title", "zone", "said"), ADDRESSED)
def test_the_next_step_addresses_the_person_as_the_report_does(
    db: Database, lang: str, country: str, given: str, family: str, title: str, zone: str,
    said: str,
) -> None:  # fmt: skip
    account = create_account(
        db,
        AccountInput(
            "A", country, timezone=zone, status="active", customer_since="2020-01-01",
        ),
    )  # fmt: skip
    person = create_contact(
        db,
        ContactInput(
            account, given, country, family_name=family, timezone=zone, honorific=title or None
        ),
    )
    save_survey(db, SurveyInput(account, "nps", 3, NOW.date(), person))
    with db.reader() as session:
        records = load_records(session, Scope(account_ids=(account,)))
    facts = risk_facts(db, records, NOW, "UTC", RateBook("EUR", NOW.date()))[account]
    assert facts.detractor == (said, 3) and facts.contact == said
    ctx = d._context(lang, NOW, "UTC")
    with i18n.use_language(lang):
        step = plain(d._next_step(ctx, facts, None))
        silent = plain(
            d._next_step(ctx, replace(facts, score=replace(facts.score, reasons=())), None)
        )
    assert said in step and said in silent
    assert f"{given} {family}" not in step and f"{given} {family}" not in silent
