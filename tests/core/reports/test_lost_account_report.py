"""The account report of a lost account says when it was lost (rev20 6), as the account page
does ("Lost on"): it said "Status Lost" and "Customer since 3 Jun 2024", and no date of the
loss anywhere."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.core.records import AccountInput
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.textlayout import TextBlock
from accountdesk.core.services.accounts import create_account

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def _summary(
    db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lost_on: str | None
) -> list[str]:
    account = create_account(
        db,
        AccountInput(
            name="Pioneer Freight Inc.", country="US", timezone="America/Chicago",
            customer_since="2024-06-03", lost_on=lost_on,
        ),
    )  # fmt: skip
    stories: list[list[Any]] = []
    monkeypatch.setattr(
        d, "_build", lambda target, ctx, title, subject, story: stories.append(story)
    )
    d.account_report(db, account, tmp_path / "a.pdf", lang="en", now=NOW, user_zone="UTC")
    return [
        " | ".join(plain(c.text) for c in row if isinstance(c, TextBlock))
        for f in stories[0]
        for row in getattr(f, "_cellvalues", ())
    ]


def test_a_lost_account_says_when_it_was_lost(
    db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    rows = _summary(db, monkeypatch, tmp_path, "2026-03-23")
    assert "Status | Lost" in rows
    assert rows.index("Customer since | 3 Jun 2024") + 1 == rows.index("Lost on | 23 Mar 2026")


def test_a_customer_has_no_lost_on(
    db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    rows = _summary(db, monkeypatch, tmp_path, None)
    assert "Customer since | 3 Jun 2024" in rows
    assert not [r for r in rows if r.startswith("Lost on")]
