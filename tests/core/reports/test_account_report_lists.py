"""The account report (rev20 4, 10): a list cut at its length says how many of how many it
lists (25 deals won, 20 listed without a word); the report over the last 12 months reads the
same whether the period is given (the Reports screen's preset) or not (the command line's
default)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.core.metrics import Period, last_year
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.textlayout import TextBlock
from accountdesk.core.services import activity
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.followups import FollowUpInput, schedule

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
YEAR = last_year(NOW.date())  # 1 Dec 2025 – 30 Nov 2026


def _texts(story: list[Any]) -> list[str]:
    out: list[str] = []
    for f in story:
        if isinstance(f, TextBlock):
            out.append(plain(f.text))
        for row in getattr(f, "_cellvalues", ()):
            out.append(" | ".join(plain(c.text) for c in row if isinstance(c, TextBlock)))
    return out


def _account(db: Database, *, many: bool = True) -> str:
    account = create_account(
        db,
        AccountInput(
            name="Lista d.o.o.", country="SI", city="Ljubljana", currency="EUR",
            customer_since="2023-01-10",
        ),
    )  # fmt: skip
    person = create_contact(
        db, ContactInput(account_id=account, given_name="Maja", family_name="Kos", country="SI")
    )
    count = 25 if many else 3
    for i in range(count):
        activity.save_deal(
            db,
            activity.DealInput(
                account, f"Order {i + 1:02d}", Decimal(1000 + i), "EUR", "won",
                (YEAR.start + timedelta(days=10 * i)).isoformat(),
            ),
        )  # fmt: skip
    for i in range(20 if many else 2):
        activity.log_interaction(
            db,
            activity.InteractionInput(
                kind="call", contact_ids=[person], subject=f"Call {i + 1:02d}",
                occurred_at=datetime(2025, 12, 5, 10, tzinfo=UTC) + timedelta(days=14 * i),
            ),
        )  # fmt: skip
    # a call before the 12 months: no figure counts it, so no list of them shows it
    activity.log_interaction(
        db,
        activity.InteractionInput(
            kind="call", contact_ids=[person], subject="Old call",
            occurred_at=datetime(2024, 3, 1, 10, tzinfo=UTC),
        ),
    )  # fmt: skip
    for i in range(31 if many else 1):
        schedule(
            db,
            FollowUpInput(
                person, f"Follow-up {i + 1:02d}", datetime(2027, 1, 4, 9) + timedelta(days=i)
            ),
        )
    for i in range(21 if many else 1):
        activity.save_gift(
            db,
            activity.GiftInput(
                account, "given", f"Gift {i + 1:02d}", (YEAR.start + timedelta(days=i)).isoformat()
            ),
        )
    for i in range(11 if many else 1):
        activity.save_note(db, f"Note {i + 1:02d}", account_id=account)
    return account


def _story(
    db: Database, account: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    period: Period | None = None, lang: str = "en",
) -> list[str]:  # fmt: skip
    stories: list[list[Any]] = []
    monkeypatch.setattr(
        d, "_build", lambda target, ctx, title, subject, story: stories.append(story)
    )
    d.account_report(
        db, account, tmp_path / "a.pdf", lang=lang, now=NOW, user_zone="UTC", period=period
    )
    return _texts(stories[0])


def test_a_cut_list_says_how_many_it_lists(
    db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    texts = _story(db, _account(db), monkeypatch, tmp_path)
    assert "Deals won | 25 | 0 | +25" in texts
    assert "20 of these 25 deals are listed, the latest; the figures above count all of them." in (
        texts
    )
    assert sum(" | Order " in t for t in texts) == 20
    assert (
        "15 of these 20 interactions are listed, the latest; the figures and the chart above "
        "count all of them." in texts
    )
    assert "30 of the 31 open follow-ups are listed, those due first." in texts
    assert "20 of the 21 gifts are listed, the latest." in texts
    assert "10 of the 11 notes are shown, the latest." in texts
    assert sum(t.startswith("Note ") for t in texts) == 10


def test_a_whole_list_says_nothing_more(
    db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    texts = _story(db, _account(db, many=False), monkeypatch, tmp_path)
    assert not [t for t in texts if " are listed, " in t or " are shown, " in t]


def test_the_last_12_months_read_alike_given_or_not(
    db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    account = _account(db)
    default = _story(db, account, monkeypatch, tmp_path)  # the command line's default
    given = _story(db, account, monkeypatch, tmp_path, period=YEAR)  # the screen's preset
    assert given == default
    assert "Figure | Last 12 months | 12 months before | Change" in default
    assert "Deals closed in the last 12 months" in default
    assert not [t for t in default if "Old call" in t]  # outside the period the figures count
    other = _story(db, account, monkeypatch, tmp_path, period=Period(date(2026, 1, 1), YEAR.end))
    assert "Figure | This period | Previous period | Change" in other
    assert "Deals closed in the period" in other
