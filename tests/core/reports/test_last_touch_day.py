"""One interaction is dated the same day wherever an account report shows it: where it
happened (:func:`~accountdesk.core.reports.data.interaction_day`). A call at 23:30 on 30
September in Mexico City (05:30 UTC on 1 October) was "Last touch: 30 Sept 2026" in the
summary and "the last contact was on 1 Oct 2026" in the at-risk next step of the same page,
which took the user's zone."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.core.metrics import Period
from accountdesk.core.money import RateBook
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.data import Scope, interaction_day, load_records, risk_facts
from accountdesk.core.reports.textlayout import TextBlock
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import InteractionInput, log_interaction

NOW = datetime(2026, 12, 15, 12, 0, tzinfo=UTC)
MEXICO = "America/Mexico_City"
CALL = datetime(2026, 10, 1, 5, 30, tzinfo=UTC)  # 23:30 on 30 September there
THERE = date(2026, 9, 30)


def _account(db: Database) -> str:
    account = create_account(
        db,
        AccountInput(name="Andes", country="MX", timezone=MEXICO, customer_since="2025-01-01"),
    )
    luis = create_contact(
        db,
        ContactInput(
            account_id=account, given_name="Luis", family_name="Ortega", country="MX",
            timezone=MEXICO, stay_in_touch_days=30,
        ),
    )  # fmt: skip
    log_interaction(
        db, InteractionInput("call", CALL, [luis], occurred_zone=MEXICO), clock=lambda: NOW
    )
    return account


def test_the_risk_facts_date_the_last_touch_where_it_happened(db: Database) -> None:
    account = _account(db)
    assert interaction_day(CALL, MEXICO) == THERE
    with db.reader() as s:
        records = load_records(s, Scope(account_ids=(account,)))
    # whatever the user's zone; the silence is counted in the user's own days (on 15 December
    # in Honolulu it is 76 days since 30 September there)
    for zone, silent in (("UTC", 75), ("Asia/Tokyo", 75), ("Pacific/Honolulu", 76)):
        facts = risk_facts(db, records, NOW, zone, RateBook("EUR", NOW.date(), []))[account]
        assert facts.last_touch == THERE
        assert facts.signals.silent_days == silent


@pytest.mark.parametrize("lang", ["en", "th", "fa"])
def test_summary_and_next_step_give_the_call_one_day(
    db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lang: str
) -> None:
    account = _account(db)
    stories: list[list[Any]] = []
    monkeypatch.setattr(
        d, "_build", lambda target, ctx, title, subject, story: stories.append(story)
    )
    d.account_report(
        db, account, tmp_path / "a.pdf", lang=lang, now=NOW, user_zone="UTC",
        period=Period(date(2026, 7, 1), date(2026, 9, 30)),
    )  # fmt: skip
    ctx = d._context(lang, NOW, "UTC")
    with i18n.use_language(lang):
        labels = {i18n._("Last touch"), i18n._("At-risk score")}
        there, utc = plain(ctx.date(THERE)), plain(ctx.date(date(2026, 10, 1)))
    found: dict[str, str] = {}
    for f in stories[0]:
        for row in getattr(f, "_cellvalues", ()):
            cells = [plain(c.text) for c in row if isinstance(c, TextBlock)]
            if ctx.rtl:
                cells.reverse()
            if len(cells) == 2 and cells[0] in labels:
                found[cells[0]] = cells[1]
    assert len(found) == 2, found
    assert all(there in value and utc not in value for value in found.values()), found
