"""A silence longer than the stay-in-touch cadence puts a customer at risk alone, a longer one
scores more, and a customer none of whose contacts has a cadence is given SPEC §6's 90 days:
an account nobody had contacted for 893 days was "not at risk" (UX review 30, item 4), and one
without a tier or a cadence was never silent at all."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import open_database
from accountdesk.core.db.models import Account, Contact, Interaction
from accountdesk.core.money import RateBook
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.data import Scope, load_records, risk_facts

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_silence_alone_puts_a_customer_at_risk(tmp_path: Path) -> None:
    db = open_database(tmp_path / "r.db")
    ids = {}
    with db.transaction() as s:
        for name, tier, silent in (
            ("Untiered 91", None, 91),  # no cadence anywhere: the spec's 90 days
            ("Untiered 90", None, 90),
            ("Untiered 181", None, 181),  # more than twice as long
            ("Gold 893", "gold", 893),  # a 30-day cadence: the reviewer's account
        ):
            account = Account(
                name=name, country="LV", customer_since=date(2020, 1, 1), status="active",
                tier=tier, timezone="UTC",
            )  # fmt: skip
            s.add(account)
            s.flush()
            person = Contact(
                account_id=account.id, given_name="Ilze", family_name=name, country="LV",
                timezone="UTC",
            )  # fmt: skip
            s.add(person)
            s.add(
                Interaction(
                    account_id=account.id, kind="call", occurred_zone="UTC",
                    occurred_at=NOW - timedelta(days=silent), participants=[person],
                )
            )  # fmt: skip
            ids[name] = account.id
    with db.reader() as s:
        records = load_records(s, Scope())
    facts = risk_facts(db, records, NOW, "UTC", RateBook("EUR", NOW.date()))
    points = {name: facts[a].score.points for name, a in ids.items()}
    assert points == {"Untiered 91": 3, "Untiered 90": 0, "Untiered 181": 4, "Gold 893": 4}
    assert [n for n, a in ids.items() if facts[a].score.at_risk] == [
        "Untiered 91", "Untiered 181", "Gold 893"
    ]  # fmt: skip
    ctx = d._context("en", NOW, "UTC")
    with i18n.use_language("en"):
        gold = plain(d._risk_summary(ctx, facts[ids["Gold 893"]], None))
        untiered = plain(d._risk_summary(ctx, facts[ids["Untiered 91"]], None))
    db.close()
    assert gold.startswith(
        "4 points: at risk.\nno contact for 893 days (cadence: 30 days): 4 points\n"
    )
    assert untiered.startswith(
        "3 points: at risk.\nno contact for 91 days (cadence: 90 days): 3 points\n"
    )
