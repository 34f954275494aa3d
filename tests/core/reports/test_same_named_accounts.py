"""Accounts of the same name in the portfolio's tables (rev20 14): "Top accounts by revenue to
date" and "Accounts at risk" listed three "Alpska Mlekarna d.o.o." alike; where a name repeats
the city is added, and where name and city repeat the end of the id."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.core.metrics import Period
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.textlayout import TextBlock
from accountdesk.core.services import activity
from accountdesk.core.services.accounts import create_account, create_contact

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
YEAR = Period(date(2025, 12, 1), date(2026, 11, 30))
PLACES = [("Alpska Mlekarna d.o.o.", "Celje"), ("Alpska Mlekarna d.o.o.", "Maribor"),
          ("alpska mlekarna D.O.O.", "Maribor"), ("Kras Vino d.o.o.", "Maribor")]  # fmt: skip


def _portfolio(db: Database) -> list[str]:
    ids = []
    for i, (name, city) in enumerate(PLACES):
        account = create_account(
            db,
            AccountInput(
                name=name, country="SI", city=city, currency="EUR", customer_since="2024-01-01"
            ),
        )
        ids.append(account)
        person = create_contact(
            db, ContactInput(account_id=account, given_name="Maja", family_name="Kos", country="SI")
        )
        activity.save_deal(
            db,
            activity.DealInput(
                account, "Order", Decimal(1000 * (i + 1)), "EUR", "won", "2026-05-01"
            ),
        )
        # a detractor: at risk
        activity.save_survey(db, activity.SurveyInput(account, "nps", 2, "2026-10-01", person))
    return ids


def _rows(story: list[Any]) -> list[str]:
    return [
        " | ".join(plain(c.text) for c in row if isinstance(c, TextBlock))
        for f in story
        for row in getattr(f, "_cellvalues", ())
    ]


def test_same_names_are_told_apart(
    db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    ids = _portfolio(db)
    stories: list[list[Any]] = []
    monkeypatch.setattr(
        d, "_build", lambda target, ctx, title, subject, story: stories.append(story)
    )
    d.portfolio_report(db, tmp_path / "p.pdf", YEAR, lang="en", now=NOW, user_zone="UTC")
    rows = _rows(stories[0])
    top = rows[rows.index("Account | Country | Owner | Revenue to date") :]
    assert (
        top[1:5]
        == [
            "Kras Vino d.o.o. | Slovenia | — | €4,000.00",  # a name of its own: as it is
            f"alpska mlekarna D.O.O. (Maribor, id ending {ids[2][-6:]}) | Slovenia | — | €3,000.00",
            f"Alpska Mlekarna d.o.o. (Maribor, id ending {ids[1][-6:]}) | Slovenia | — | €2,000.00",
            "Alpska Mlekarna d.o.o. (Celje) | Slovenia | — | €1,000.00",
        ]
    )
    risky = rows[rows.index("Account | Owner | Value at stake | Score | Why | Next step") :]
    names = [r.split(" | ")[0] for r in risky[1:5]]
    assert sorted(names) == sorted(r.split(" | ")[0] for r in top[1:5])


def test_without_a_city_the_id_tells_them_apart() -> None:
    found = d._told_apart([("0001aaaaaa", "Alpska", "Celje"), ("0002bbbbbb", "Alpska", " ")])
    assert [plain(found[k]) for k in sorted(found)] == [
        "Alpska (Celje)",
        "Alpska (id ending bbbbbb)",
    ]
