"""A reminder or a list showed follow-ups; one went to the trash since. Completing or
snoozing what was shown does the others, and leaves the trashed one as it is."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.errors import UserError
from accountdesk.core.queries.followups import due_for_reminder, list_follow_ups
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import followups as fu
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import create_account, create_contact

NOW = datetime(2027, 3, 10, 12, tzinfo=UTC)


@pytest.fixture
def pair(db: Database) -> tuple[str, str]:
    account = create_account(
        db, AccountInput(name="Kiwi Ltd", country="NZ", timezone="Pacific/Auckland")
    )
    aroha = create_contact(
        db,
        ContactInput(
            account_id=account, given_name="Aroha", country="NZ", timezone="Pacific/Auckland"
        ),
    )
    first = fu.schedule(db, fu.FollowUpInput(aroha, "Send the quote", datetime(2027, 3, 9, 10)))
    second = fu.schedule(db, fu.FollowUpInput(aroha, "Call back", datetime(2027, 3, 9, 11)))
    return first.id, second.id


def _status(db: Database, id_: str) -> tuple[str, datetime | None]:
    row = next(r for r in list_follow_ups(db, now=NOW, user_zone="UTC", status=None) if r.id == id_)
    return row.status, row.snoozed_until


def test_completing_a_reminder_completes_what_is_still_there(
    db: Database, pair: tuple[str, str]
) -> None:
    shown = due_for_reminder(db, NOW)
    assert {s.id for s in shown} == set(pair)
    trash.delete(db, "follow_up", pair[1])
    assert fu.complete(db, shown, fixed_clock(NOW)) == 1
    assert _status(db, pair[0])[0] == "done"
    trash.restore(db, "follow_up", pair[1])
    assert _status(db, pair[1])[0] == "open"


def test_snoozing_a_reminder_snoozes_what_is_still_there(
    db: Database, pair: tuple[str, str]
) -> None:
    shown = due_for_reminder(db, NOW)
    trash.delete(db, "follow_up", pair[0])
    later = datetime(2027, 3, 11, 9, tzinfo=UTC)
    assert fu.snooze(db, shown, later) == fu.Snoozed(1)
    assert _status(db, pair[1])[1] == later
    trash.restore(db, "follow_up", pair[0])
    assert _status(db, pair[0])[1] is None


def test_a_bare_id_in_the_trash_is_still_refused(db: Database, pair: tuple[str, str]) -> None:
    trash.delete(db, "follow_up", pair[0])
    with pytest.raises(UserError):
        fu.complete(db, [pair[0]], fixed_clock(NOW))
