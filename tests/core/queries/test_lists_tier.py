"""The lists' tier filter reads a tier as the reports' segments do (one rule:
``labels.folded_key``): a tier is offered once whatever its case, with its translated label in
the order of the user's language, and choosing it lists every account (and their contacts)
whatever spelling is stored ("Gold" from an import made before tiers were canonicalised)
(review 5: the filter offered Gold twice and split its accounts 65/10)."""

from __future__ import annotations

from sqlalchemy import text

from accountdesk.core.db.engine import Database
from accountdesk.core.i18n import use_language
from accountdesk.core.labels import TIER, label
from accountdesk.core.queries.lists import ListFilter, account_ids, contact_ids, filter_choices
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.reports.data import tier_spellings
from accountdesk.core.services.accounts import create_account, create_contact


def _stored_as(db: Database, account: str, tier: str) -> None:
    """``tier`` written as an older import wrote it (the services store the canonical key)."""
    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE accounts SET tier = :tier WHERE id = :id"), {"tier": tier, "id": account}
        )


def test_a_tier_is_one_choice_and_one_filter_whatever_its_case(db: Database) -> None:
    gold = create_account(db, AccountInput("Baltic Timber", "LV", tier="gold"))
    old_gold = create_account(db, AccountInput("Ege Gıda", "TR", tier="gold"))
    _stored_as(db, old_gold, "Gold")
    silver = create_account(db, AccountInput("Siam Rice", "TH", tier="silver"))
    bronze = create_account(db, AccountInput("Pars Sanat", "IR", tier="bronze"))
    plat = create_account(db, AccountInput("Koks", "LV", tier="Platinum"))
    old_plat = create_account(db, AccountInput("Dzintars", "LV", tier="platinum"))
    create_account(db, AccountInput("No Tier", "LV"))
    anna = create_contact(db, ContactInput(gold, "Anna", "LV", family_name="Ozola"))
    ayse = create_contact(db, ContactInput(old_gold, "Ayşe", "TR", family_name="Yılmaz"))
    create_contact(db, ContactInput(silver, "Somchai", "TH", family_name="Jaidee"))

    with use_language("en"):
        tiers = filter_choices(db).tiers
        assert [label(TIER, t) for t in tiers] == ["Bronze", "Gold", "Platinum", "Silver"]
    with use_language("lv"):  # by the translated label: Bronzas, Platinum, Sudraba, Zelta
        tiers = filter_choices(db).tiers
        # each choice lists every account of its tier, however it is stored
        assert {label(TIER, t): set(account_ids(db, ListFilter(tier=t))) for t in tiers} == {
            "Bronzas": {bronze},
            "Platinum": {plat, old_plat},
            "Sudraba": {silver},
            "Zelta": {gold, old_gold},
        }
        assert [label(TIER, t) for t in tiers] == ["Bronzas", "Platinum", "Sudraba", "Zelta"]
        assert "gold" in tiers  # the tier's key stands for it when it is stored

    for spelling in ("gold", "Gold", "GOLD"):
        assert set(account_ids(db, ListFilter(tier=spelling))) == {gold, old_gold}, spelling
        assert set(contact_ids(db, ListFilter(tier=spelling))) == {anna, ayse}, spelling
    for spelling in ("platinum", "Platinum"):
        assert set(account_ids(db, ListFilter(tier=spelling))) == {plat, old_plat}, spelling
        assert contact_ids(db, ListFilter(tier=spelling)) == [], spelling
    assert account_ids(db, ListFilter(tier="silver")) == [silver]
    assert account_ids(db, ListFilter(tier="bronze")) == [bronze]
    assert account_ids(db, ListFilter(tier="diamond")) == []
    # the same accounts as the portfolio report's segment
    with db.reader() as session:
        assert sorted(tier_spellings(session, "gold")) == ["Gold", "gold"]
