"""A detractor's answer sets a person's stay-in-touch cadence for a year, not for ever (review
rev14's 4th): a gold account's contact who answered 5 in 2025, and was called six days ago,
kept a two-day cadence, maximum silence points and a "stay in touch" follow-up two days after
every call, while the at-risk detractor signal itself no longer counted the answer. Both read
the answers of the last 12 months (metrics.last_year), by one rule (metrics.latest_nps: code
review rev15's 1st)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import update

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import SurveyResponse
from accountdesk.core.money import RateBook
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.reports.data import Scope, load_records, risk_facts
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import (
    InteractionInput,
    SurveyInput,
    log_interaction,
    save_survey,
)
from accountdesk.core.services.followups import raise_stay_in_touch

NOW = datetime(2027, 3, 2, 9, tzinfo=UTC)  # a Tuesday
ZONE = "Europe/Berlin"


def _gold_contact(db: Database, answered: date) -> tuple[str, str]:
    account = create_account(
        db,
        AccountInput(
            "Alt GmbH", "DE", timezone=ZONE, tier="gold", status="active",
            customer_since="2020-01-01",
        ),
    )  # fmt: skip
    hans = create_contact(db, ContactInput(account, "Hans", "DE", family_name="Alt", timezone=ZONE))
    save_survey(db, SurveyInput(account, "nps", 5, answered, hans))
    called = NOW - timedelta(days=6)
    log_interaction(db, InteractionInput("call", called, [hans]), fixed_clock(called))
    return account, hans


def _cadence(db: Database, account: str) -> int | None:
    with db.reader() as session:
        records = load_records(session, Scope(account_ids=(account,)))
    facts = risk_facts(db, records, NOW, ZONE, RateBook("EUR", NOW.date()))[account]
    return facts.signals.cadence_days


def test_a_detractors_answer_older_than_a_year_leaves_the_tiers_cadence(db: Database) -> None:
    account, _hans = _gold_contact(db, date(2025, 3, 1))
    assert _cadence(db, account) == 30  # gold's, not the detractor's 2
    assert raise_stay_in_touch(db, fixed_clock(NOW), user_zone=ZONE) == []


def test_a_detractors_answer_of_the_last_year_still_asks_for_a_call(db: Database) -> None:
    account, _hans = _gold_contact(db, date(2026, 12, 1))
    assert _cadence(db, account) == 2
    assert len(raise_stay_in_touch(db, fixed_clock(NOW), user_zone=ZONE)) == 1


def test_a_person_who_moved_is_banded_by_their_answers_about_their_account_now(
    db: Database,
) -> None:
    """Code review rev15's 1st: the follow-ups raised read a person's latest answer about any
    account, the at-risk score their latest about the account they are at; one rule now
    (metrics.latest_nps). Hans gave 3 at his old company and moved to a gold one: gold's
    30 days in both, not a "stay in touch" two days after every call."""
    old = create_account(
        db,
        AccountInput("Old GmbH", "DE", timezone=ZONE, status="active", customer_since="2020-01-01"),
    )
    account, _hans = _gold_contact(db, date(2026, 12, 1))
    with db.transaction() as session:  # his answer of 5 was about his old company
        session.execute(update(SurveyResponse).values(account_id=old))
    assert _cadence(db, account) == 30
    assert raise_stay_in_touch(db, fixed_clock(NOW), user_zone=ZONE) == []


def test_of_two_answers_of_one_day_the_one_entered_later_sets_the_band(db: Database) -> None:
    """Two answers of one day: the later entered one speaks for the person, on either
    backend, in the score and the follow-ups alike (the follow-ups' order had no tie-break)."""
    account, hans = _gold_contact(db, date(2026, 12, 1))  # a 5, then a 9 the same day
    save_survey(db, SurveyInput(account, "nps", 9, date(2026, 12, 1), hans, "call"))
    assert _cadence(db, account) == 30
    assert raise_stay_in_touch(db, fixed_clock(NOW), user_zone=ZONE) == []
