"""On a team server a follow-up reminds the owner of its account (or, for an account nobody
owns, who last scheduled it), and only that person's app marks it notified: another rep's app
neither shows it nor swallows it (review 24, defect 4)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import Account
from accountdesk.core.queries.followups import due_for_reminder
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import accounts, followups
from teamserver import Team

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _due(db: Database, id_: str) -> bool:
    return id_ in [s.id for s in due_for_reminder(db, NOW)]


def _schedule(db: Database, owner: str | None, title: str) -> str:
    account = accounts.create_account(
        db,
        AccountInput(name=f"Siam Rice {title}", country="TH", owner=owner),
    )
    contact = accounts.create_contact(
        db,
        ContactInput(account_id=account, given_name="Somchai", family_name="Prasert", country="TH"),
    )
    local = (NOW - timedelta(minutes=5)).astimezone(UTC).replace(tzinfo=None) + timedelta(hours=7)
    return followups.schedule(
        db,
        followups.FollowUpInput(
            contact_id=contact, title=title, local_due=local, zone="Asia/Bangkok"
        ),
    ).id


def test_a_reminder_goes_to_the_accounts_owner_and_no_one_else_marks_it(team: Team) -> None:
    anna, ben = team.connect(team.anna), team.connect(team.ben)
    try:
        annas = _schedule(anna, team.anna, "Call Somchai")
        assert _due(anna, annas)
        assert not _due(ben, annas)  # Ben's app does not remind him of Anna's follow-up
        followups.mark_notified(ben, [annas])  # nor can it swallow it
        assert _due(anna, annas)
        followups.mark_notified(anna, [annas])
        assert not _due(anna, annas)
        # Ben schedules on Anna's account: it is still Anna's customer to call
        bens = _schedule(ben, team.anna, "Ben's note")
        assert _due(anna, bens) and not _due(ben, bens)
    finally:
        anna.close()
        ben.close()


def test_an_unowned_accounts_follow_up_reminds_who_scheduled_it(team: Team) -> None:
    anna, ben = team.connect(team.anna), team.connect(team.ben)
    try:
        annas = _schedule(anna, None, "Nobody's account")
        admin = open_database(team.admin_url)
        with admin.transaction() as session:  # an account nobody owns (an import's, say)
            session.execute(update(Account).values(owner=None))
        admin.close()
        assert _due(anna, annas)
        assert not _due(ben, annas)
    finally:
        anna.close()
        ben.close()
