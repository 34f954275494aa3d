"""A done follow-up is in no bucket: never overdue, whenever it was due. The lists filtered by
a bucket, the counts and a row in hand (follow_up_bucket) say the same."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.followups import (
    counts_by_bucket,
    follow_up_bucket,
    list_follow_ups,
)
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import followups as fu
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.timekeeping.reminders import BUCKETS, Bucket, bucket_bounds

NOW = datetime(2025, 3, 12, 9, 30, tzinfo=UTC)  # a Wednesday, 11:30 in Riga
ZONE = "Europe/Riga"


@pytest.fixture
def titles(db: Database) -> dict[str, str]:
    """Follow-ups with Anna in Riga, open and done, due in every bucket; title -> id."""
    account = create_account(db, AccountInput(name="Baltic Timber", country="LV", timezone=ZONE))
    anna = create_contact(
        db,
        ContactInput(
            account_id=account, given_name="Anna", family_name="Ozola", country="LV", timezone=ZONE
        ),
    )
    due = {
        "overdue": datetime(2025, 3, 10, 10),
        "today": datetime(2025, 3, 12, 16),
        "week": datetime(2025, 3, 14, 10),
        "later": datetime(2025, 4, 2, 10),
    }
    ids: dict[str, str] = {}
    for bucket, local in due.items():
        for state in ("open", "done"):
            title = f"{state} {bucket}"
            ids[title] = fu.schedule(db, fu.FollowUpInput(anna, title, local)).id
    done = [ids[f"done {bucket}"] for bucket in due]
    assert fu.complete(db, done, fixed_clock(datetime(2025, 3, 11, 8, tzinfo=UTC))) == 4
    return ids


def test_a_bucket_lists_open_follow_ups_only_whatever_the_status_asked(
    db: Database, titles: dict[str, str]
) -> None:
    def listed(due: Bucket, status: str | None) -> list[str]:
        rows = list_follow_ups(db, now=NOW, user_zone=ZONE, due=due, status=status)
        return [r.title for r in rows]

    for status in ("open", None):
        assert listed("overdue", status) == ["open overdue"]
        assert listed("today", status) == ["open today"]
    # "Overdue" and "Done" together: nothing, though "done overdue" was due on Monday.
    assert listed("overdue", "done") == []
    assert listed("week", "done") == []
    # Without a bucket, the done ones are all there, each with when it was completed.
    done = list_follow_ups(db, now=NOW, user_zone=ZONE, status="done")
    assert [r.title for r in done] == ["done overdue", "done today", "done week", "done later"]
    assert {r.completed_at for r in done} == {datetime(2025, 3, 11, 8, tzinfo=UTC)}
    opened = list_follow_ups(db, now=NOW, user_zone=ZONE)
    assert {r.completed_at for r in opened} == {None}
    assert counts_by_bucket(db, NOW, ZONE) == {"overdue": 1, "today": 1, "week": 1, "later": 1}


def test_a_row_in_hand_is_in_the_bucket_the_lists_put_it_in(
    db: Database, titles: dict[str, str]
) -> None:
    bounds = bucket_bounds(NOW, ZONE)
    everything = list_follow_ups(db, now=NOW, user_zone=ZONE, status=None)
    assert len(everything) == 8
    in_sql = {
        r.id: bucket
        for bucket in BUCKETS
        for r in list_follow_ups(db, now=NOW, user_zone=ZONE, due=bucket, status=None)
    }
    for row in everything:
        assert follow_up_bucket(row, bounds) == in_sql.get(row.id), row.title
        if row.status == "done":
            assert follow_up_bucket(row, bounds) is None, row.title
    assert follow_up_bucket(next(r for r in everything if r.title == "open overdue"), bounds) == (
        "overdue"
    )
