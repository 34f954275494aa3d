from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, Deal, SurveyResponse
from accountdesk.core.errors import UserError
from accountdesk.core.metrics import Period
from accountdesk.core.money import Rate, RateBook
from accountdesk.core.reports.data import Scope, check_scope, metrics_for


def test_metrics_for_reads_scope(db: Database) -> None:
    with db.transaction() as s:
        a = Account(
            name="A", country="LV", customer_since=date(2024, 1, 1), owner="ann", tier="gold"
        )
        b = Account(
            name="B", country="TH", customer_since=date(2024, 1, 1), lost_on=date(2025, 6, 1)
        )
        c = Account(
            name="C", country="LV", customer_since=date(2025, 3, 1), acquisition_cost=Decimal(50)
        )
        s.add_all([a, b, c])
        s.flush()
        s.add(
            Deal(
                account_id=a.id,
                title="x",
                amount=Decimal(100),
                currency="EUR",
                status="won",
                closed_on=date(2025, 2, 1),
            )
        )
        s.add(SurveyResponse(account_id=a.id, kind="nps", score=10, answered_on=date(2025, 5, 1)))
    year = Period(date(2025, 1, 1), date(2025, 12, 31))
    rates = RateBook("EUR", year.end)
    all_ = metrics_for(db, year, rates)
    assert all_.customers_at_start == 2 and all_.acquired == 1
    assert all_.churn.value == 50.0
    assert all_.nps.value == 100.0
    lv = metrics_for(db, year, rates, country="lv")
    assert lv.churn.value == 0.0 and lv.cac.value == 50.0
    assert metrics_for(db, year, rates, owner="nobody").retention.value is None
    assert metrics_for(db, year, rates, segment="gold").customers_at_start == 1
    assert metrics_for(db, year, rates, account_ids=[c.id]).customers_at_start == 0


def test_interaction_csat_scores_count_on_their_local_day(db: Database) -> None:
    from accountdesk.core.db.models import Interaction

    with db.transaction() as s:
        a = Account(name="A", country="IR", currency="IRR", customer_since=date(2024, 1, 1))
        s.add(a)
        s.flush()
        # 21:00 UTC on 31 March is 00:30 on 1 April in Tehran: a second-quarter answer
        s.add(
            Interaction(
                account_id=a.id, kind="call", occurred_zone="Asia/Tehran", csat_score=2,
                occurred_at=datetime(2025, 3, 31, 21, 0, tzinfo=UTC),
            )
        )  # fmt: skip
        s.add(
            Interaction(
                account_id=a.id, kind="call", occurred_zone="Asia/Tehran", csat_score=None,
                occurred_at=datetime(2025, 3, 1, 9, 0, tzinfo=UTC),
            )
        )  # fmt: skip
        s.add(SurveyResponse(account_id=a.id, kind="csat", score=5, answered_on=date(2025, 3, 2)))
    rates = RateBook("EUR", date(2025, 6, 30))
    q1 = metrics_for(db, Period(date(2025, 1, 1), date(2025, 3, 31)), rates)
    q2 = metrics_for(db, Period(date(2025, 4, 1), date(2025, 6, 30)), rates)
    assert (q1.csat.value, q1.csat.sample) == (100.0, 1)
    assert (q2.csat.value, q2.csat.sample) == (0.0, 1)
    assert q1.nps.sample == 0


def test_acquisition_cost_is_in_the_accounts_currency(db: Database) -> None:
    with db.transaction() as s:
        s.add_all(
            [
                Account(name="T", country="TH", customer_since=date(2025, 2, 1),
                        acquisition_cost=Decimal(3800)),  # no currency: Thailand's, THB
                Account(name="E", country="LV", currency="EUR", customer_since=date(2025, 2, 1),
                        acquisition_cost=Decimal(300)),
            ]
        )  # fmt: skip
    year = Period(date(2025, 1, 1), date(2025, 12, 31))
    book = RateBook("EUR", year.end, [Rate("EUR", "THB", Decimal(38), date(2025, 12, 1))])
    cac = metrics_for(db, year, book).cac
    assert cac.value == Decimal(200) and cac.sample == 2  # (100 + 300) / 2
    none = metrics_for(db, year, RateBook("EUR", year.end)).cac
    assert none.value is None and none.total.missing == ("THB",)


def test_unknown_country_owner_or_segment_is_one_sentence(db: Database) -> None:
    with db.transaction() as s:
        s.add(Account(name="A", country="LV", owner="Ānis Bērziņš", tier="gold"))
    assert check_scope(db, Scope(owner="anis berzins")).owner == "Ānis Bērziņš"
    assert check_scope(db, Scope(segment="GOLD")).segment == "gold"
    assert check_scope(db, Scope(country="lv")).country == "LV"
    cases = [
        (Scope(country="XX"), "is not an ISO 3166 country code"),
        (Scope(country="DE"), "No account is in Germany (DE)."),
        (Scope(owner="Bob"), "No account has the owner “Bob”; the owners are: Ānis Bērziņš."),
        (Scope(segment="platinum"), "No account is in the segment “platinum”; the segments "
         "are: Gold."),
    ]  # fmt: skip
    for scope, words in cases:
        with pytest.raises(UserError) as caught:
            check_scope(db, scope)
        assert words in caught.value.message


def test_a_tier_is_one_segment_whatever_its_case(db: Database) -> None:
    """Other products' exports write "Gold": ``--segment gold`` selected the one account stored
    as "gold", a Persian report named "Gold" in English as a segment of its own."""
    from accountdesk.core import i18n
    from accountdesk.core.labels import TIER, label

    with db.transaction() as s:
        s.add_all(
            [
                Account(name="A", country="LV", tier="gold", customer_since=date(2024, 1, 1)),
                Account(name="B", country="LV", tier="Gold", customer_since=date(2024, 1, 1)),
                Account(name="C", country="LV", tier="GOLD ", customer_since=date(2024, 1, 1)),
                Account(name="D", country="LV", tier="silver", customer_since=date(2024, 1, 1)),
                Account(name="E", country="LV", tier="Platinum"),
                Account(name="F", country="LV", tier="platinum"),
            ]
        )
    year = Period(date(2025, 1, 1), date(2025, 12, 31))
    rates = RateBook("EUR", year.end)
    for typed in ("gold", "Gold", "GOLD"):
        scope = check_scope(db, Scope(segment=typed))
        found = metrics_for(db, year, rates, segment=scope.segment)
        assert found.customers_at_start == 3, typed
    with pytest.raises(UserError) as caught:
        check_scope(db, Scope(segment="diamond"))
    # each segment named once
    assert "the segments are: Gold, Platinum, Silver." in caught.value.message
    with i18n.use_language("fa"):
        assert label(TIER, "Gold") == label(TIER, "gold") == "طلایی"
    assert label(TIER, "Platinum") == "Platinum"  # a tier of one's own: as written


def test_a_known_tier_is_stored_as_its_key(db: Database) -> None:
    from accountdesk.core.records import AccountInput
    from accountdesk.core.services.accounts import create_account

    made = [create_account(db, AccountInput(name=n, country="LV", tier=t))
            for n, t in (("A", "Gold"), ("B", "SILVER"), ("C", "Platinum"))]  # fmt: skip
    with db.reader() as s:
        assert [s.get(Account, i).tier for i in made] == ["gold", "silver", "Platinum"]  # type: ignore[union-attr]
