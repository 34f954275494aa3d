"""An account's status agrees with its dates, because the metrics count only the dates
(core/metrics.py: a customer from "customer since" until "lost on"): a lost account needs its
Lost-on date, an active one its Customer-since date, and a prospect has neither. An account
set to Lost without a date saved silently and still counted as a kept customer; a prospect
with a Customer-since date counted as a customer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account
from accountdesk.core.io.csv_io import import_csv
from accountdesk.core.queries.details import account_detail
from accountdesk.core.records import AccountInput, clean_account
from accountdesk.core.services.accounts import create_account
from accountdesk.core.validation import ValidationError
from importfiles import write_csv


def _account(**kw: object) -> AccountInput:
    data: dict[str, object] = {"name": "Dzintars", "country": "LV", **kw}
    return AccountInput(**data)  # type: ignore[arg-type]


def test_a_lost_account_needs_its_lost_on_date() -> None:
    with pytest.raises(ValidationError) as error:
        clean_account(_account(status="lost", customer_since="2024-01-01"))
    assert error.value.key == "lost_on"
    assert str(error.value) == "Lost on: is required for an account with the status Lost"


def test_an_active_account_needs_its_customer_since_date() -> None:
    with pytest.raises(ValidationError) as error:
        clean_account(_account(status="active"))
    assert error.value.key == "customer_since"
    assert str(error.value) == "Customer since: is required for an account with the status Active"


@pytest.mark.parametrize(
    ("status", "dates", "key"),
    [
        ("prospect", {"customer_since": "2024-01-01"}, "customer_since"),
        ("prospect", {"lost_on": "2024-01-01"}, "lost_on"),
        ("active", {"customer_since": "2024-01-01", "lost_on": "2024-06-01"}, "lost_on"),
    ],
)
def test_a_date_the_status_does_not_have_is_refused(
    status: str, dates: dict[str, str], key: str
) -> None:
    with pytest.raises(ValidationError) as error:
        clean_account(_account(status=status, **dates))
    assert error.value.key == key
    assert "does not go with the status" in str(error.value)


@pytest.mark.parametrize(
    ("status", "dates"),
    [
        ("prospect", {}),
        ("active", {"customer_since": "2024-01-01"}),
        ("lost", {"customer_since": "2024-01-01", "lost_on": "2024-06-01"}),
        ("lost", {"lost_on": "2024-06-01"}),  # a prospect lost before it ever bought
    ],
)
def test_a_status_with_its_dates_is_accepted(status: str, dates: dict[str, str]) -> None:
    values = clean_account(_account(status=status, **dates))
    assert values["status"] == status


@pytest.mark.parametrize(
    ("dates", "status"),
    [
        ({}, "prospect"),
        ({"customer_since": "2024-01-01"}, "active"),
        ({"customer_since": "2024-01-01", "lost_on": "2024-06-01"}, "lost"),
    ],
)
def test_no_status_is_the_one_the_dates_give(dates: dict[str, str], status: str) -> None:
    assert clean_account(_account(status=None, **dates))["status"] == status
    assert clean_account(_account(status="", **dates))["status"] == status


def test_a_refused_status_stores_nothing(db: Database) -> None:
    with pytest.raises(ValidationError):
        create_account(db, _account(status="lost"))
    kept = create_account(db, _account(status="lost", lost_on=date(2025, 3, 1)))
    assert account_detail(db, kept).status == "lost"


def test_an_import_row_keeps_its_status_as_written(db: Database, tmp_path: Path) -> None:
    """A file is not refused for a status its dates do not give: files written before the rule
    hold such accounts (an active one without its date was what the editor saved), and one
    row must not refuse the whole file. The metrics count the dates, as for every account."""
    header = ["account_name", "account_country", "account_status", "account_lost_on"]
    rows = [
        ["Ābele", "LV", "prospect", ""],
        ["Bērzs", "LV", "lost", ""],
        ["Cers", "LV", "active", ""],
    ]
    import_csv(db, write_csv(tmp_path / "a.csv", header, rows))
    with db.reader() as session:
        found = dict(session.execute(select(Account.name, Account.status)).all())
    assert found == {"Ābele": "prospect", "Bērzs": "lost", "Cers": "active"}


def test_the_editor_of_such_an_account_asks_for_the_date(db: Database, tmp_path: Path) -> None:
    header = ["account_name", "account_country", "account_status"]
    import_csv(db, write_csv(tmp_path / "a.csv", header, [["Bērzs", "LV", "lost"]]))
    with db.reader() as session:
        account = session.scalars(select(Account)).one()
        stored = AccountInput(account.name, account.country, status=account.status)
    with pytest.raises(ValidationError) as refused:
        clean_account(stored)
    assert refused.value.key == "lost_on"


def test_an_import_row_without_a_status_takes_the_one_its_dates_give(
    db: Database, tmp_path: Path
) -> None:
    header = ["account_name", "account_country", "account_customer_since", "account_lost_on"]
    rows = [["Ābele", "LV", "2024-01-01", ""], ["Bērzs", "LV", "2024-01-01", "2025-01-01"]]
    import_csv(db, write_csv(tmp_path / "a.csv", header, rows))
    with db.reader() as session:
        found = dict(session.execute(select(Account.name, Account.status)).all())
    assert found == {"Ābele": "active", "Bērzs": "lost"}
