"""Merging duplicate accounts (core/services/account_merge.py) and finding them
(core/likeness.py: find_account_clusters): every row moves, tags once, referrals, the
customer history, currencies, the trash, the search index, and an undo that puts back
exactly what was there. Runs on SQLite and on PostgreSQL (the ``db`` fixture)."""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import text

from accountdesk.core import likeness
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account
from accountdesk.core.errors import NotFoundError, UserError
from accountdesk.core.io.json_io import export_json
from accountdesk.core.metrics import Period, acquired_in, customers_at_end, customers_at_start
from accountdesk.core.queries.duplicates import ACCOUNTS, account_sheets, recent_merges
from accountdesk.core.queries.facts import AccountFacts
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput, ContactInput, combined_history
from accountdesk.core.reports.data import Scope, load_records
from accountdesk.core.services import account_merge as am
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import (
    account_for_edit,
    create_account,
    create_contact,
    update_account,
)
from accountdesk.core.services.activity import (
    DealInput,
    GiftInput,
    InteractionInput,
    SurveyInput,
    log_interaction,
    save_deal,
    save_gift,
    save_note,
    save_survey,
)
from accountdesk.core.services.followups import FollowUpInput, schedule

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def _account(db: Database, name: str, country: str = "LV", **kw: Any) -> str:
    zone = {"LV": "Europe/Riga", "TR": "Europe/Istanbul", "US": "America/New_York"}[country]
    return create_account(db, AccountInput(name=name, country=country, timezone=zone, **kw))


def _contact(db: Database, account_id: str, given: str, family: str = "", **kw: Any) -> str:
    kw.setdefault("country", "LV")
    return create_contact(
        db, ContactInput(account_id=account_id, given_name=given, family_name=family, **kw)
    )


def _world(db: Database) -> dict[str, str]:
    """ACME Ltd (kept) and Acme Limited with a record of every kind, a referral each way."""
    referrer = _account(db, "Referrer SIA")
    kept = _account(
        db,
        "ACME Ltd",
        tags=["vip", "wood"],
        status="active",
        customer_since="2022-03-01",
        industry=None,
        website="https://acme.example",
    )
    other = _account(
        db,
        "Acme Limited",
        tags=["wood", "board"],
        industry="Furniture",
        city="Rīga",
        status="active",
        customer_since="2021-01-10",
        referred_by_id=referrer,
        notes="Imported from the old CRM",
    )
    referred = _account(db, "Referred SIA", referred_by_id=other)
    anna = _contact(db, kept, "Anna", "Bērziņa", emails=["anna@acme.example"])
    janis = _contact(db, other, "Jānis", "Ozols")
    log_interaction(db, InteractionInput("call", NOW - timedelta(days=3), [janis], subject="x"))
    schedule(db, FollowUpInput(janis, "Send samples", datetime(2026, 12, 3, 10, 0)))
    save_deal(db, DealInput(other, "Chairs", Decimal("1200"), "EUR", "won", date(2026, 5, 1)))
    save_survey(db, SurveyInput(other, "nps", 9, date(2026, 10, 1), contact_id=janis))
    save_gift(db, GiftInput(other, "given", "Calendar", date(2026, 1, 5), contact_id=janis))
    save_note(db, "Prefers mornings", account_id=other)
    return {
        "kept": kept,
        "other": other,
        "referrer": referrer,
        "referred": referred,
        "anna": anna,
        "janis": janis,
    }


def _count(db: Database, sql: str, **params: Any) -> int:
    with db.reader() as session:
        return int(session.execute(text(sql), params).scalar_one())


def _merge_log(db: Database, merge_id: str) -> str:
    """What the record of a merge of accounts keeps (its JSON), as stored."""
    with db.reader() as session:
        return str(
            session.execute(
                text("SELECT changes FROM account_merges WHERE id = :m"), {"m": merge_id}
            ).scalar_one()
        )


def _export(db: Database) -> dict[str, Any]:
    out = io.StringIO()
    export_json(db, out)
    document = json.loads(out.getvalue())
    del document["exported_at"]
    document["tables"].pop("account_merges", None)  # the merge log itself
    for name, rows in document["tables"].items():
        for row in rows:
            row.pop("version", None)  # a version only ever grows: an undo is a change too
            if db.engine.dialect.name == "postgresql":  # the server stamps the undo
                row.pop("updated_at", None)
        document["tables"][name] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))
    return document


# --- finding --------------------------------------------------------------------------------


def test_company_key_leaves_out_legal_forms_and_case() -> None:
    assert likeness.company_key("ACME Ltd") == likeness.company_key("Acme Limited")
    assert likeness.company_key("ACME, Inc.") == "acme"
    assert likeness.company_key("IŞIK TEKSTİL A.Ş.") == likeness.company_key("Işık Tekstil")
    assert likeness.company_key("Acme Tools Ltd") != likeness.company_key("Acme Ltd")


def test_website_key_is_the_domain() -> None:
    assert likeness.website_key("https://www.Acme.com/en") == "acme.com"
    assert likeness.website_key("acme.com") == "acme.com"
    assert likeness.website_key("n/a") is None
    assert likeness.website_key(None) is None


def test_account_clusters_same_name_in_one_country_or_same_website() -> None:
    facts = [
        AccountFacts("1", "ACME Ltd", "GB", None, None),
        AccountFacts("2", "Acme Limited", "GB", None, None),
        AccountFacts("3", "Acme Limited", "US", None, None),  # another country: another firm
        AccountFacts("4", "Işık Tekstil A.Ş.", "TR", "isiktekstil.com.tr", None),
        AccountFacts("5", "Isik Textiles", "DE", "https://www.isiktekstil.com.tr/de", None),
        AccountFacts("6", "Alone", "LV", None, None),
    ]
    clusters = likeness.find_account_clusters(facts)
    assert sorted(set(c.ids) for c in clusters) == sorted([{"1", "2"}, {"4", "5"}], key=sorted)
    rules = sorted(sorted({r.rule for r in c.reasons}) for c in clusters)
    assert rules == [[likeness.COMPANY], [likeness.WEBSITE]]
    acme = next(c for c in clusters if "1" in c.ids)
    assert "ACME Ltd" in acme.reason_lines()[0] and "Acme Limited" in acme.reason_lines()[0]


def test_find_account_duplicates_reads_live_accounts(db: Database) -> None:
    a = _account(db, "IŞIK TEKSTİL A.Ş.", "TR")
    b = _account(db, "Işık Tekstil", "TR")
    c = _account(db, "Işık Tekstil", "TR")
    _account(db, "Işık Tekstil", "LV")  # another country
    trash.delete(db, "account", c)
    [cluster] = am.find_account_duplicates(db)
    assert set(cluster.ids) == {a, b}


# --- merging --------------------------------------------------------------------------------


def test_every_reference_to_accounts_is_handled_by_merge() -> None:
    """A new table that points at accounts fails here until the merge of accounts knows what
    to do with it (services/account_merge.py: REFERENCES)."""
    from accountdesk.core.services.duplicates import references_to

    assert references_to("accounts") == set(am.REFERENCES)


def test_merge_refuses_while_a_reference_is_not_handled(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = _account(db, "A"), _account(db, "B")
    partial = dict(am.REFERENCES)
    del partial[("deals", "account_id")]
    monkeypatch.setattr(am, "REFERENCES", partial)
    with pytest.raises(RuntimeError, match="deals"):
        am.merge_accounts(db, a, [b])
    assert _count(db, "SELECT count(*) FROM accounts WHERE deleted_at IS NULL") == 2


def test_merge_moves_every_row_tags_once_and_trashes_the_merged_account(db: Database) -> None:
    w = _world(db)
    result = am.merge_accounts(db, w["kept"], [w["other"]], clock=fixed_clock(NOW))
    for table in ("contacts", "interactions", "follow_ups", "deals", "survey_responses", "gifts"):
        assert _count(db, f"SELECT count(*) FROM {table} WHERE account_id = :a", a=w["other"]) == 0
        assert _count(db, f"SELECT count(*) FROM {table} WHERE account_id = :a", a=w["kept"]) >= 1
    assert _count(db, "SELECT count(*) FROM notes WHERE account_id = :a", a=w["kept"]) == 1
    assert _count(db, "SELECT count(*) FROM contacts WHERE account_id = :a", a=w["kept"]) == 2
    assert result.moved["contacts"] == 1 and result.moved["deals"] == 1
    # tags once: "wood" was on both
    tags = _count(db, "SELECT count(*) FROM account_tags WHERE account_id = :a", a=w["kept"])
    assert tags == 3
    assert result.dropped == {"account_tags": 1} and result.moved["account_tags"] == 1
    # the merged account is in the trash, its search document gone; the kept one is found
    with db.reader() as session:
        other = session.get(Account, w["other"])
        assert other is not None and other.deleted_at is not None
        if db.engine.dialect.name == "sqlite":  # a team server stamps its own clock (0016)
            assert other.deleted_at == NOW
    hits = {h.id for h in search(db, "acme")}
    assert w["kept"] in hits and w["other"] not in hits
    assert {h.id for h in search(db, "board")} >= {w["kept"]}  # its new tag is indexed
    # the moved records are changes of their own (a version raised)
    version = "SELECT version FROM deals WHERE account_id = :a"
    assert _count(db, version, a=w["kept"]) == 2
    [logged] = [m for m in recent_merges(db) if m.kind == ACCOUNTS]
    assert logged.kept_name == "ACME Ltd" and logged.merged_names == ("Acme Limited",)
    assert any("Moved to the kept account" in line for line in am.merge_lines(result))


def test_merge_fills_empty_fields_and_the_kept_values_win(db: Database) -> None:
    w = _world(db)
    result = am.merge_accounts(db, w["kept"], [w["other"]], clock=fixed_clock(NOW))
    with db.reader() as session:
        kept = session.get(Account, w["kept"])
        assert kept is not None
        assert kept.name == "ACME Ltd"  # its own value
        assert kept.website == "https://acme.example"
        assert kept.industry == "Furniture" and kept.city == "Rīga"  # filled
        assert kept.notes == "Imported from the old CRM"
    assert {"industry", "city", "notes"} <= set(result.filled)


def test_place_is_filled_only_from_the_same_country(db: Database) -> None:
    kept = _account(db, "Acme")
    other = _account(db, "Acme", "US", city="Boston", industry="Tools")
    am.merge_accounts(db, kept, [other])
    with db.reader() as session:
        account = session.get(Account, kept)
        assert account is not None and account.city is None and account.industry == "Tools"


def test_referrals_move_to_the_kept_account_which_never_refers_itself(db: Database) -> None:
    w = _world(db)
    # the kept account was referred by the one merged into it
    data = account_for_edit(db, w["kept"]).data
    update_account(db, w["kept"], dataclasses.replace(data, referred_by_id=w["other"]))
    am.merge_accounts(db, w["kept"], [w["other"]], clock=fixed_clock(NOW))
    with db.reader() as session:
        referred = session.get(Account, w["referred"])
        kept = session.get(Account, w["kept"])
        assert referred is not None and kept is not None
        assert referred.referred_by_id == w["kept"]
        # not itself: the merged account's own referrer
        assert kept.referred_by_id == w["referrer"]


def test_combined_history_joins_overlapping_periods_and_keeps_gaps() -> None:
    d = date.fromisoformat
    # two open periods of one company: one customer since the earlier date
    assert combined_history([(d("2022-03-01"), None, ()), (d("2021-01-10"), None, ())]) == (
        d("2021-01-10"),
        None,
        (),
    )
    # lost, then the other account started after a gap: a win-back
    assert combined_history(
        [(d("2020-01-01"), d("2021-06-01"), ()), (d("2021-09-01"), None, ())]
    ) == (d("2021-09-01"), None, ((d("2020-01-01"), d("2021-06-01")),))
    # periods meeting on a day are one
    assert combined_history(
        [(d("2020-01-01"), d("2021-06-01"), ()), (d("2021-06-01"), d("2022-01-01"), ())]
    ) == (d("2020-01-01"), d("2022-01-01"), ())
    assert combined_history([(None, None, ()), (None, d("2020-01-01"), ())]) is None


def test_merge_combines_the_history_so_the_metrics_count_one_customer(db: Database) -> None:
    w = _world(db)
    year = Period(date(2026, 1, 1), date(2026, 12, 31))
    early = Period(date(2022, 1, 1), date(2022, 12, 31))

    def counts() -> tuple[int, int, int]:
        with db.reader() as session:
            customers = load_records(session, Scope()).customers
        return (
            len(customers_at_start(customers, year)),
            len(customers_at_end(customers, year)),
            len(acquired_in(customers, early)),
        )

    assert counts() == (2, 2, 1)  # two customers, and an acquisition in 2022 that was none
    am.merge_accounts(db, w["kept"], [w["other"]], clock=fixed_clock(NOW))
    assert counts() == (1, 1, 0)
    with db.reader() as session:
        kept = session.get(Account, w["kept"])
        assert kept is not None
        assert (kept.customer_since, kept.lost_on, kept.status) == (
            date(2021, 1, 10),
            None,
            "active",
        )


def test_a_lost_account_merged_with_a_later_one_is_a_win_back(db: Database) -> None:
    kept = _account(db, "Acme", status="active", customer_since="2024-02-01")
    old = _account(db, "ACME Ltd", status="lost", customer_since="2020-01-01", lost_on="2023-01-01")
    am.merge_accounts(db, kept, [old])
    with db.reader() as session:
        account = session.get(Account, kept)
        assert account is not None
        assert account.customer_since == date(2024, 2, 1) and account.lost_on is None
        assert json.loads(account.earlier_periods or "[]") == [["2020-01-01", "2023-01-01"]]


def test_amounts_in_another_currency_are_not_carried_over(db: Database) -> None:
    kept = _account(db, "Acme", currency="EUR")
    usd = _account(db, "Acme", "US", currency="USD", acquisition_cost="500")
    save_deal(db, DealInput(usd, "Tools", Decimal("900"), "USD", "won", date(2026, 5, 1)))
    result = am.merge_accounts(db, kept, [usd])
    with db.reader() as session:
        account = session.get(Account, kept)
        assert account is not None
        assert account.currency == "EUR" and account.acquisition_cost is None
        deal = session.execute(text("SELECT currency, amount FROM deals")).one()
    assert deal[0] == "USD"  # the deal keeps its own currency
    assert any("500" in r and "not carried over" in r for r in result.remarks), result.remarks
    assert any("USD" in r and "EUR" in r for r in result.remarks)


def test_an_acquisition_cost_in_the_same_currency_is_carried_over(db: Database) -> None:
    kept = _account(db, "Acme")  # Latvia: euros
    other = _account(db, "Acme", currency="EUR", acquisition_cost="250.50")
    result = am.merge_accounts(db, kept, [other])
    with db.reader() as session:
        account = session.get(Account, kept)
        assert account is not None and account.acquisition_cost == Decimal("250.50")
        assert account.currency == "EUR"
    assert result.remarks == ()


def test_undo_restores_exactly_what_was_there(db: Database) -> None:
    w = _world(db)
    before = _export(db)
    result = am.merge_accounts(db, w["kept"], [w["other"]], clock=fixed_clock(NOW))
    assert _export(db) != before
    undone = am.undo_account_merge(
        db, result.merge_id, clock=fixed_clock(NOW + timedelta(minutes=1))
    )
    assert undone.kept_edits == () and undone.restored_ids == (w["other"],)
    assert _export(db) == before
    assert {h.id for h in search(db, "acme")} >= {w["kept"], w["other"]}
    [logged] = [m for m in recent_merges(db) if m.kind == ACCOUNTS]
    assert logged.undone_at == NOW + timedelta(minutes=1)
    with pytest.raises(UserError, match="already undone"):
        am.undo_account_merge(db, result.merge_id)


def test_erasing_a_moved_contact_leaves_no_id_of_theirs_in_the_merge(db: Database) -> None:
    """The right to be forgotten after a merge of accounts: the merge's record held the ids of
    the contact it moved and of their call, follow-up, survey answer and gift; an erase
    drops them, and undoing the merge afterwards moves back what is left."""
    from accountdesk.core.services.privacy import erase_contact

    w = _world(db)
    result = am.merge_accounts(db, w["kept"], [w["other"]], clock=fixed_clock(NOW))
    with db.reader() as session:
        theirs = {
            str(id_)
            for sql in (
                "SELECT interaction_id FROM interaction_participants WHERE contact_id = :c",
                "SELECT id FROM follow_ups WHERE contact_id = :c",
                "SELECT id FROM survey_responses WHERE contact_id = :c",
                "SELECT id FROM gifts WHERE contact_id = :c",
            )
            for id_ in session.execute(text(sql), {"c": w["janis"]}).scalars()
        } | {w["janis"]}

    def logged() -> str:
        return _merge_log(db, result.merge_id)

    assert len(theirs) == 5 and all(id_ in logged() for id_ in theirs)
    erase_contact(db, w["janis"])
    assert [id_ for id_ in theirs if id_ in logged()] == []
    am.undo_account_merge(db, result.merge_id)
    assert _count(db, "SELECT count(*) FROM deals WHERE account_id = :a", a=w["other"]) == 1
    assert _count(db, "SELECT count(*) FROM notes WHERE account_id = :a", a=w["other"]) == 1
    assert _count(db, "SELECT count(*) FROM contacts WHERE account_id = :a", a=w["other"]) == 0


def test_undo_keeps_an_edit_made_since_and_says_so(db: Database) -> None:
    w = _world(db)
    result = am.merge_accounts(db, w["kept"], [w["other"]], clock=fixed_clock(NOW))
    data = account_for_edit(db, w["kept"]).data
    update_account(db, w["kept"], dataclasses.replace(data, industry="Chairs"))
    undone = am.undo_account_merge(db, result.merge_id)
    assert undone.kept_edits == ("industry",)
    assert "Industry" in am.undo_text(undone)
    with db.reader() as session:
        kept = session.get(Account, w["kept"])
        assert kept is not None and kept.industry == "Chairs" and kept.city is None


def test_undo_refuses_a_purged_account_and_a_later_merge_first(db: Database) -> None:
    a, b, c = _account(db, "A"), _account(db, "B"), _account(db, "C")
    first = am.merge_accounts(db, a, [b], clock=fixed_clock(NOW))
    second = am.merge_accounts(db, a, [c], clock=fixed_clock(NOW + timedelta(minutes=1)))
    with pytest.raises(UserError, match="later merge"):
        am.undo_account_merge(db, first.merge_id)
    am.undo_account_merge(db, second.merge_id)
    trash.purge(db, "account", b)
    with pytest.raises(UserError, match="deleted for good"):
        am.undo_account_merge(db, first.merge_id)
    with pytest.raises(NotFoundError):
        am.undo_account_merge(db, "no-such-merge")


def test_merge_refuses_the_trash_and_itself(db: Database) -> None:
    a, b = _account(db, "A"), _account(db, "B")
    with pytest.raises(UserError, match="itself"):
        am.merge_accounts(db, a, [a])
    with pytest.raises(UserError, match="at least one"):
        am.merge_accounts(db, a, [])
    trash.delete(db, "account", b)
    with pytest.raises(UserError, match="restore it before merging"):
        am.merge_accounts(db, a, [b])


def test_contacts_alike_after_the_merge_are_counted_not_merged(db: Database) -> None:
    kept = _account(db, "Acme")
    other = _account(db, "ACME Ltd")
    _contact(db, kept, "Anna", "Bērziņa")
    _contact(db, other, "Anna", "Berzina")
    result = am.merge_accounts(db, kept, [other])
    assert result.alike_contacts == 2
    assert _count(db, "SELECT count(*) FROM contacts WHERE deleted_at IS NULL") == 2
    assert any("Duplicates screen" in line for line in am.merge_lines(result))


def test_sheets_count_what_would_move(db: Database) -> None:
    w = _world(db)
    kept, other = account_sheets(db, [w["kept"], w["other"]])
    assert other.related["contacts"] == 1 and other.related["deals"] == 1
    assert other.related["accounts"] == 1  # the account it referred
    assert kept.related["account_tags"] == 2 and kept.fields["name"] == "ACME Ltd"


def test_emptying_the_trash_drops_what_a_dead_merge_logged(db: Database) -> None:
    """Once a merged account is deleted for good the merge can no longer be undone, and the
    values it logged of the kept account (here the notes it copied from the merged one) only
    kept text nobody can see or use: they go with it. The merge itself is still listed."""
    w = _world(db)
    result = am.merge_accounts(db, w["kept"], [w["other"]], clock=fixed_clock(NOW))

    def logged() -> str:
        return _merge_log(db, result.merge_id)

    assert "Imported from the old CRM" in logged()
    trash.purge(db, "account", w["referred"])  # another record: the merge can still be undone
    assert "Imported from the old CRM" in logged()
    trash.empty_trash(db)  # the merged account goes for good
    assert "Imported from the old CRM" not in logged()
    assert [m.id for m in recent_merges(db) if m.kind == ACCOUNTS] == [result.merge_id]
    with pytest.raises(UserError, match="deleted for good"):
        am.undo_account_merge(db, result.merge_id)
