"""Read views of the Reports screen: scope choices, the customer's language, scope metrics."""

from __future__ import annotations

from datetime import date

from accountdesk.core.calendars import GREGORIAN, PERSIAN
from accountdesk.core.db.engine import Database
from accountdesk.core.metrics import Period
from accountdesk.core.queries.reports import account_values, customer_language, scope_metrics
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.reports.data import Scope
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import create_account, create_contact


def test_scope_choices_are_distinct_sorted_and_skip_the_trash(db: Database) -> None:
    create_account(db, AccountInput(name="A", country="TR", owner="Zane", tier="gold"))
    create_account(db, AccountInput(name="B", country="LV", owner="Anna", tier="gold"))
    create_account(db, AccountInput(name="C", country="TR"))
    gone = create_account(db, AccountInput(name="D", country="TH", owner="Bob", tier="silver"))
    trash.delete(db, "account", gone)
    assert account_values(db, "country") == ["LV", "TR"]
    assert account_values(db, "owner") == ["Anna", "Zane"]
    assert account_values(db, "tier") == ["gold"]


def test_customer_language_is_the_decision_makers(db: Database) -> None:
    account = create_account(db, AccountInput(name="Ege", country="TR"))
    assert customer_language(db, account) is None  # no contacts
    create_contact(
        db, ContactInput(account, "Mehmet", "TR", preferred_language="en", buying_role="user")
    )
    assert customer_language(db, account) == "en"  # the first contact
    create_contact(
        db,
        ContactInput(
            account, "Ayşe", "TR", preferred_language="tr-TR", buying_role="decision_maker"
        ),
    )
    assert customer_language(db, account) == "tr"
    other = create_account(db, AccountInput(name="Wien", country="AT"))
    create_contact(db, ContactInput(other, "Jan", "AT", preferred_language="de"))
    assert customer_language(db, other) is None  # not a report language


def test_scope_metrics_cover_the_period_and_each_quarter(db: Database) -> None:
    create_account(
        db, AccountInput(name="A", country="TR", status="active", customer_since="2024-02-01")
    )
    year = Period(date(2024, 1, 1), date(2024, 12, 31))
    found = scope_metrics(db, Scope(country="TR"), year, calendar=GREGORIAN)
    assert found.total.customers_at_end == 1
    assert [q.start for q, _m in found.by_quarter] == [
        date(2024, 1, 1),
        date(2024, 4, 1),
        date(2024, 7, 1),
        date(2024, 10, 1),
    ]
    assert [m.customers_at_end for _q, m in found.by_quarter] == [1, 1, 1, 1]
    persian = scope_metrics(db, Scope(country="TR"), year, calendar=PERSIAN)
    # Solar Hijri quarters: 1 Dey 1402, 1 Farvardin, 1 Tir, 1 Mehr, 1 Dey 1403, clipped
    assert [(q.start, q.end) for q, _m in persian.by_quarter] == [
        (date(2024, 1, 1), date(2024, 3, 19)),
        (date(2024, 3, 20), date(2024, 6, 20)),
        (date(2024, 6, 21), date(2024, 9, 21)),
        (date(2024, 9, 22), date(2024, 12, 20)),
        (date(2024, 12, 21), date(2024, 12, 31)),
    ]
    empty = scope_metrics(db, Scope(country="LV"), year, calendar=GREGORIAN)
    assert empty.total.customers_at_end == 0
