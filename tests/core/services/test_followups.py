from __future__ import annotations

from datetime import UTC, datetime

import pytest

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.followups import due_for_reminder, list_follow_ups
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import followups as fu
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.timekeeping.reminders import bucket_bounds, bucket_of
from accountdesk.core.timekeeping.zones import to_wall
from accountdesk.core.validation import ValidationError


def reminded_ids(db: Database, now: datetime) -> list[str]:
    """The ids of what the reminder shows at ``now``."""
    return [shown.id for shown in due_for_reminder(db, now)]


@pytest.fixture
def ayse(db: Database) -> str:
    account = create_account(
        db, AccountInput(name="Ege Lojistik", country="TR", timezone="Europe/Istanbul")
    )
    return create_contact(
        db,
        ContactInput(
            account_id=account,
            given_name="Ayşe",
            family_name="Yılmaz",
            country="TR",
            timezone="Europe/Istanbul",
        ),
    )


def test_follow_up_keeps_her_wall_time_and_derives_the_instant(db: Database, ayse: str) -> None:
    scheduled = fu.schedule(
        db, fu.FollowUpInput(ayse, "Call about the offer", datetime(2027, 3, 2, 10, 0))
    )
    assert scheduled.resolution.kind == "ok"
    row = list_follow_ups(db, now=datetime(2027, 3, 1, tzinfo=UTC), user_zone="Europe/Riga")[0]
    assert row.local_due == datetime(2027, 3, 2, 10, 0)
    assert row.zone == "Europe/Istanbul"
    assert row.due_at == datetime(2027, 3, 2, 7, 0, tzinfo=UTC)
    # Shown in the user's zone as it travels: Riga, Bangkok, New York.
    assert to_wall(row.due_at, "Europe/Riga").hour == 9
    assert to_wall(row.due_at, "Asia/Bangkok").hour == 14
    assert to_wall(row.due_at, "America/New_York").hour == 2


def test_dst_gap_is_reported_not_silently_mangled(db: Database, ayse: str) -> None:
    account = create_account(
        db, AccountInput(name="Dzintars", country="LV", timezone="Europe/Riga")
    )
    ilze = create_contact(
        db,
        ContactInput(account_id=account, given_name="Ilze", country="LV", timezone="Europe/Riga"),
    )
    scheduled = fu.schedule(db, fu.FollowUpInput(ilze, "Early call", datetime(2027, 3, 28, 3, 30)))
    assert scheduled.resolution.kind == "gap"
    assert scheduled.resolution.message


def test_invalid_repeat_rule_is_rejected(db: Database, ayse: str) -> None:
    with pytest.raises(ValidationError, match="Repeat"):
        fu.schedule(
            db, fu.FollowUpInput(ayse, "x", datetime(2027, 3, 2, 10), rrule="FREQ=SOMETIMES")
        )


def test_completing_a_recurring_follow_up_moves_it_to_the_next_occurrence(
    db: Database, ayse: str
) -> None:
    scheduled = fu.schedule(
        db,
        fu.FollowUpInput(
            ayse, "Quarterly review", datetime(2027, 1, 15, 10, 0), rrule="FREQ=MONTHLY;INTERVAL=3"
        ),
    )
    fu.complete(db, [scheduled.id], clock=fixed_clock(datetime(2027, 1, 15, 8, tzinfo=UTC)))
    row = list_follow_ups(db, now=datetime(2027, 1, 16, tzinfo=UTC), user_zone="UTC")[0]
    assert row.status == "open"
    assert row.local_due == datetime(2027, 4, 15, 10, 0)
    fu.complete(db, [scheduled.id], clock=fixed_clock(datetime(2027, 4, 15, 8, tzinfo=UTC)))
    row = list_follow_ups(db, now=datetime(2027, 4, 16, tzinfo=UTC), user_zone="UTC")[0]
    assert row.local_due == datetime(2027, 7, 15, 10, 0)


def test_reminders_include_missed_ones_and_respect_snooze(db: Database, ayse: str) -> None:
    a = fu.schedule(db, fu.FollowUpInput(ayse, "Missed while closed", datetime(2027, 3, 1, 10))).id
    b = fu.schedule(db, fu.FollowUpInput(ayse, "Later", datetime(2027, 3, 9, 10))).id
    now = datetime(2027, 3, 2, 12, tzinfo=UTC)
    assert reminded_ids(db, now) == [a]
    fu.mark_notified(db, [a], clock=fixed_clock(now))
    assert reminded_ids(db, now) == []
    fu.snooze(db, [a], datetime(2027, 3, 2, 13, tzinfo=UTC))
    assert reminded_ids(db, now) == []
    assert reminded_ids(db, datetime(2027, 3, 2, 13, 1, tzinfo=UTC)) == [a]
    fu.complete(db, [a])
    assert reminded_ids(db, datetime(2027, 3, 10, tzinfo=UTC)) == [b]


def test_buckets_follow_the_users_calendar() -> None:
    now = datetime(2027, 3, 2, 21, 30, tzinfo=UTC)  # already 3 March in Bangkok

    def bucket(due: datetime, zone: str) -> str:
        return bucket_of(due, bucket_bounds(now, zone))

    assert bucket(datetime(2027, 3, 2, 21, 0, tzinfo=UTC), "Asia/Bangkok") == "overdue"
    assert bucket(datetime(2027, 3, 3, 10, tzinfo=UTC), "Asia/Bangkok") == "today"
    assert bucket(datetime(2027, 3, 3, 10, tzinfo=UTC), "America/New_York") == "week"
    assert bucket(datetime(2027, 3, 10, 10, tzinfo=UTC), "Asia/Bangkok") == "week"  # 7th day
    assert bucket(datetime(2027, 3, 10, 17, tzinfo=UTC), "Asia/Bangkok") == "later"  # 8th day
    assert bucket(datetime(2027, 4, 3, 10, tzinfo=UTC), "UTC") == "later"


def test_stay_in_touch_raises_once_and_resets_on_an_interaction(db: Database, ayse: str) -> None:
    from datetime import timedelta

    from accountdesk.core.services.accounts import contact_input, update_contact
    from accountdesk.core.services.activity import InteractionInput, log_interaction

    data = contact_input(db, ayse)
    data.stay_in_touch_days = 30
    update_contact(db, ayse, data)
    start = datetime(2027, 1, 1, 9, tzinfo=UTC)
    call = InteractionInput(kind="call", occurred_at=start, contact_ids=[ayse])
    log_interaction(db, call, fixed_clock(start))
    assert fu.raise_stay_in_touch(db, fixed_clock(start + timedelta(days=20))) == []
    raised = fu.raise_stay_in_touch(db, fixed_clock(start + timedelta(days=31)))
    assert len(raised) == 1
    assert fu.raise_stay_in_touch(db, fixed_clock(start + timedelta(days=32))) == []  # not twice
    # Any logged interaction resets it: the open one is done, and the clock starts again.
    met = start + timedelta(days=33)
    visit = InteractionInput(kind="visit", occurred_at=met, contact_ids=[ayse])
    log_interaction(db, visit, fixed_clock(met))
    now = datetime(2027, 2, 10, tzinfo=UTC)
    assert [r.id for r in list_follow_ups(db, now=now, user_zone="UTC")] == []
    assert fu.raise_stay_in_touch(db, fixed_clock(met + timedelta(days=29))) == []
    assert len(fu.raise_stay_in_touch(db, fixed_clock(met + timedelta(days=31)))) == 1


def test_editing_changes_details_and_time_in_one_go(db: Database, ayse: str) -> None:
    scheduled = fu.schedule(
        db, fu.FollowUpInput(ayse, "Call", datetime(2027, 3, 2, 10), notes="about the offer")
    )
    fu.snooze(db, [scheduled.id], datetime(2027, 3, 2, 12, tzinfo=UTC))
    moved = fu.edit(
        db,
        scheduled.id,
        title="Call about the new offer",
        notes="bring the price list",
        rrule="FREQ=MONTHLY",
        local_due=datetime(2027, 3, 3, 11),
        zone="Asia/Bangkok",
    )
    assert moved.id == scheduled.id
    row = list_follow_ups(db, now=datetime(2027, 3, 1, tzinfo=UTC), user_zone="UTC")[0]
    assert (row.title, row.notes, row.rrule) == (
        "Call about the new offer",
        "bring the price list",
        "FREQ=MONTHLY",
    )
    assert (row.local_due, row.zone) == (datetime(2027, 3, 3, 11), "Asia/Bangkok")
    assert row.due_at == datetime(2027, 3, 3, 4, tzinfo=UTC)
    assert row.snoozed_until is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"zone": "Mars/Olympus_Mons"}, "zone"),
        ({"rrule": "FREQ=SOMETIMES"}, "Repeat"),
        ({"title": " "}, "itle"),
    ],
)
def test_a_failed_edit_changes_nothing(
    db: Database, ayse: str, change: dict[str, str], field: str
) -> None:
    scheduled = fu.schedule(
        db, fu.FollowUpInput(ayse, "Call", datetime(2027, 3, 2, 10), notes="about the offer")
    )
    values: dict[str, object] = {
        "title": "Call about the new offer",
        "notes": "bring the price list",
        "rrule": None,
        "local_due": datetime(2027, 3, 3, 11),
        "zone": None,
        **change,
    }
    with pytest.raises(ValidationError, match=field):
        fu.edit(db, scheduled.id, **values)  # type: ignore[arg-type]
    row = list_follow_ups(db, now=datetime(2027, 3, 1, tzinfo=UTC), user_zone="UTC")[0]
    assert (row.title, row.notes, row.rrule) == ("Call", "about the offer", None)
    assert (row.local_due, row.zone) == (datetime(2027, 3, 2, 10), "Europe/Istanbul")


def test_a_follow_up_already_done_is_left_as_it_is(db: Database, ayse: str) -> None:
    """A list or a reminder loaded before a follow-up was completed elsewhere may offer it
    again: completing or snoozing it then changes nothing (its completion time is kept)."""
    from sqlalchemy import text

    a = fu.schedule(db, fu.FollowUpInput(ayse, "Send the offer", datetime(2027, 3, 1, 10))).id
    first = datetime(2027, 3, 1, 12, tzinfo=UTC)
    assert fu.complete(db, [a], clock=fixed_clock(first)) == 1

    def stored() -> tuple[str, object, object, int]:
        with db.engine.connect() as conn:
            row = conn.execute(
                text(
                    "SELECT status, completed_at, snoozed_until, version FROM follow_ups "
                    "WHERE id = :id"
                ),
                {"id": a},
            ).one()
        return row[0], row[1], row[2], row[3]

    before = stored()
    assert fu.complete(db, [a], clock=fixed_clock(datetime(2027, 3, 5, tzinfo=UTC))) == 0
    fu.snooze(db, [a], datetime(2027, 3, 6, tzinfo=UTC))
    assert stored() == before and before[0] == "done" and before[2] is None
