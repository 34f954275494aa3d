"""On a team server the Today screen, search and the follow-up lists show the whole team's
records, whoever wrote them (and, on a file, everything in it, as always)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.queries.followups import counts_by_bucket, list_follow_ups
from accountdesk.core.queries.search import search
from accountdesk.core.queries.today import today_view
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import InteractionInput, log_interaction
from accountdesk.core.services.followups import FollowUpInput, schedule
from teamroles import Members, team_of

NOW = datetime(2025, 3, 12, 9, 30, tzinfo=UTC)  # a Wednesday, 11:30 in Riga
RIGA = "Europe/Riga"


@pytest.fixture
def team(db: Database, request: pytest.FixtureRequest) -> Iterator[Members]:
    with team_of(db, request) as members:
        yield members


def _records(rep: Database, login: str, account: str, given: str, family: str) -> dict[str, str]:
    """An account of ``login``'s with a contact, an overdue and a today's follow-up and an
    interaction yesterday, written through ``rep``'s own connection."""
    account_id = create_account(rep, AccountInput(account, "LV", timezone=RIGA, owner=login))
    contact = create_contact(
        rep, ContactInput(account_id, given, "LV", family_name=family, timezone=RIGA)
    )
    overdue = schedule(
        rep, FollowUpInput(contact, f"Send {given} the offer", datetime(2025, 3, 10, 10, 0))
    ).id
    today = schedule(
        rep, FollowUpInput(contact, f"Call {given} back", datetime(2025, 3, 12, 15, 0))
    ).id
    interaction = log_interaction(
        rep,
        InteractionInput(
            "call", NOW - timedelta(days=1), [contact], subject=f"Prices with {given}"
        ),
    )
    return {
        "account": account_id,
        "contact": contact,
        "overdue": overdue,
        "today": today,
        "interaction": interaction,
    }


def test_today_search_and_follow_ups_show_the_whole_team(team: Members) -> None:
    annas = _records(team.anna, team.logins["anna"], "Baltic Timber", "Zane", "Ozola")
    bens = _records(team.ben, team.logins["ben"], "Daugava Foods", "Jānis", "Liepa")
    both = (annas, bens)
    for seen_by in (team.anna, team.ben, team.manager):
        view = today_view(seen_by, NOW, RIGA)
        assert {f.id for f in view.overdue} == {r["overdue"] for r in both}
        assert {f.id for f in view.due_today} == {r["today"] for r in both}
        assert view.counts["overdue"] == 2 and view.counts["today"] == 2
        assert {i.id for i in view.recent} == {r["interaction"] for r in both}
        assert counts_by_bucket(seen_by, NOW, RIGA)["overdue"] == 2
        listed = list_follow_ups(seen_by, now=NOW, user_zone=RIGA)
        assert {f.id for f in listed} == {r[k] for r in both for k in ("overdue", "today")}
        found = list_follow_ups(seen_by, now=NOW, user_zone=RIGA, text="janis")
        assert {f.id for f in found} == {bens["overdue"], bens["today"]}
        hits = {h.id for h in search(seen_by, "ozola")} | {h.id for h in search(seen_by, "liepa")}
        assert {annas["contact"], bens["contact"]} <= hits
        # the account, then its people (fts.search_rows)
        assert {h.id for h in search(seen_by, "daugava")} == {bens["account"], bens["contact"]}
