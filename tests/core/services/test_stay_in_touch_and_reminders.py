"""One truth for follow-ups: the reminder query keeps the max(due, snooze) rule, buckets and
counts agree, the list filter folds like Ctrl+K, and stay-in-touch raises a few well-placed
follow-ups instead of a flood."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accountdesk.core import settings as user_settings
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.followups import counts_by_bucket, due_for_reminder, list_follow_ups
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import followups as fu
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import InteractionInput, log_interaction
from accountdesk.core.timekeeping.stay_in_touch import touch_slot
from accountdesk.core.timekeeping.workhours import WorkingHours, work_status
from accountdesk.core.timekeeping.zones import to_wall

T = datetime(2027, 3, 2, 9, tzinfo=UTC)  # Tuesday


def person(
    db: Database,
    given: str,
    family: str = "Kaya",
    *,
    account: str = "Ege Lojistik",
    country: str = "TR",
    zone: str = "Europe/Istanbul",
    days: int | None = None,
) -> str:
    account_id = create_account(db, AccountInput(name=account, country=country, timezone=zone))
    return create_contact(
        db,
        ContactInput(
            account_id=account_id,
            given_name=given,
            family_name=family,
            country=country,
            timezone=zone,
            stay_in_touch_days=days,
        ),
    )


def touch(db: Database, contact: str, when: datetime) -> None:
    data = InteractionInput(kind="call", occurred_at=when, contact_ids=[contact])
    log_interaction(db, data, fixed_clock(when))  # now is when it happened


# --- reminders: the app's query keeps the one rule -----------------------------------------


def reminded_ids(db: Database, now: datetime) -> list[str]:
    """The ids of what the reminder shows at ``now``."""
    return [shown.id for shown in due_for_reminder(db, now)]


def test_a_snooze_later_than_due_does_not_fire_at_the_snooze_time(db: Database) -> None:
    ayse = person(db, "Ayşe")
    item = fu.schedule(db, fu.FollowUpInput(ayse, "Offer", datetime(2027, 3, 4, 12))).id
    due = datetime(2027, 3, 4, 9, tzinfo=UTC)  # 12:00 in Istanbul
    # "for 1 hour", two days before it is due: not made, and said so
    assert fu.snooze(db, [item], T + timedelta(hours=1)) == fu.Snoozed(0, not_due=1)
    assert _snoozed_until(db, item) is None
    assert reminded_ids(db, T + timedelta(minutes=61)) == []
    assert reminded_ids(db, due - timedelta(minutes=1)) == []
    assert reminded_ids(db, due) == [item]


def _snoozed_until(db: Database, follow_up: str) -> datetime | None:
    from accountdesk.core.db.models import FollowUp

    with db.reader() as session:
        found = session.get(FollowUp, follow_up)
        assert found is not None
        return found.snoozed_until


def test_a_snooze_after_due_fires_at_the_snooze_time_once(db: Database) -> None:
    ayse = person(db, "Ayşe")
    item = fu.schedule(db, fu.FollowUpInput(ayse, "Call", datetime(2027, 3, 2, 10))).id
    assert reminded_ids(db, T) == [item]  # 07:00 UTC, fell due before T
    fu.mark_notified(db, [item], clock=fixed_clock(T))
    assert reminded_ids(db, T + timedelta(minutes=5)) == []  # not repeated
    snoozed = T + timedelta(hours=3)
    fu.snooze(db, [item], snoozed)
    assert reminded_ids(db, snoozed - timedelta(minutes=1)) == []
    assert reminded_ids(db, snoozed) == [item]
    fu.mark_notified(db, [item], clock=fixed_clock(snoozed))
    assert reminded_ids(db, snoozed + timedelta(days=3)) == []


def _reminder_rows(db: Database, rows: list[tuple[float, float | None, float | None]]) -> None:
    """Replace every follow-up with ones due, snoozed and notified ``hours`` after T."""
    from sqlalchemy import delete

    from accountdesk.core.db.bulk import bulk_insert
    from accountdesk.core.db.models import Account, Contact, FollowUp, table

    def at(hours: float | None) -> datetime | None:
        return None if hours is None else T + timedelta(hours=hours)

    with db.transaction() as session:
        contact = session.query(Contact).one()
        account = session.get(Account, contact.account_id)
        assert account is not None
        session.execute(delete(FollowUp))
        bulk_insert(
            session.connection(),
            table(FollowUp),
            [
                {
                    "id": f"fu-{n:03d}", "contact_id": contact.id, "account_id": account.id,
                    "title": str(n), "notes": None, "local_due": "2027-03-02T09:00:00",
                    "zone": "UTC", "due_at": at(due), "duration_minutes": 30, "status": "open",
                    "completed_at": None, "snoozed_until": at(snoozed),
                    "notified_at": at(notified), "rrule": None, "rrule_start": None,
                    "move_to_working_day": False, "origin": "manual", "created_at": T,
                    "updated_at": T, "deleted_at": None,
                }
                for n, (due, snoozed, notified) in enumerate(rows)
            ],
        )  # fmt: skip


def test_reminder_cases(db: Database) -> None:
    person(db, "Ayşe")
    cases = {
        "future": (1, None, None),
        "due-now": (0, None, None),
        "fell-due-while-closed": (-50, None, None),
        "already-notified": (-2, None, -1),
        "notified-before-due": (-2, None, -3),
        "snoozed-to-later": (-2, 1, None),
        "snoozed-and-over": (-5, -1, None),
        "snoozed-and-notified": (-5, -1, -0.5),
        "snoozed-notified-before-snooze-end": (-5, -1, -4),
        "snoozed-to-before-due": (1, -1, None),
    }
    _reminder_rows(db, list(cases.values()))
    names = list(cases)
    assert [names[int(i[3:])] for i in reminded_ids(db, T)] == [
        "fell-due-while-closed",
        "notified-before-due",
        "snoozed-and-over",
        "snoozed-notified-before-snooze-end",
        "due-now",
    ]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.integers(-500, 500),
            st.one_of(st.none(), st.integers(-500, 500)),
            st.one_of(st.none(), st.integers(-500, 500)),
        ),
        max_size=25,
    )
)
def test_the_reminder_query_keeps_the_documented_rule(
    db: Database, rows: list[tuple[int, int | None, int | None]]
) -> None:
    """The rule as written in core.timekeeping.reminders: an alert fires at max(due, snooze),
    once; the oldest first."""
    if not _has_contact(db):  # the database lives across the examples
        person(db, "Ayşe")
    _reminder_rows(db, rows)
    expected = []
    for n, (due, snoozed, notified) in enumerate(rows):
        alert = max(due, snoozed if snoozed is not None else due)
        if alert <= 0 and (notified is None or notified < alert):
            expected.append((alert, f"fu-{n:03d}"))
    assert reminded_ids(db, T) == [i for _alert, i in sorted(expected)]


def _has_contact(db: Database) -> bool:
    from accountdesk.core.db.models import Contact

    with db.reader() as session:
        return session.query(Contact).first() is not None


def test_reminders_and_counts_skip_what_is_in_the_trash(db: Database) -> None:
    from accountdesk.core.services import trash

    ayse = person(db, "Ayşe")
    mehmet = person(db, "Mehmet", account="Anadolu")
    fu.schedule(db, fu.FollowUpInput(ayse, "Call", datetime(2027, 3, 1, 10)))
    fu.schedule(db, fu.FollowUpInput(mehmet, "Call", datetime(2027, 3, 1, 10)))
    fu.schedule(db, fu.FollowUpInput(mehmet, "Visit", datetime(2027, 3, 2, 15)))
    assert counts_by_bucket(db, T, "Europe/Istanbul") == {
        "overdue": 2,
        "today": 1,
        "week": 0,
        "later": 0,
    }
    trash.delete(db, "contact", mehmet)
    assert counts_by_bucket(db, T, "Europe/Istanbul")["overdue"] == 1
    assert len(reminded_ids(db, T + timedelta(days=1))) == 1
    assert len(list_follow_ups(db, now=T, user_zone="UTC")) == 1


def test_lists_and_counts_use_the_same_buckets(db: Database) -> None:
    ayse = person(db, "Ayşe")
    for day in range(1, 20):
        fu.schedule(db, fu.FollowUpInput(ayse, f"Day {day}", datetime(2027, 3, day, 23, 30)))
    counts = counts_by_bucket(db, T, "Asia/Bangkok")
    for bucket, count in counts.items():
        rows = list_follow_ups(db, now=T, user_zone="Asia/Bangkok", due=bucket)
        assert len(rows) == count, bucket
    assert sum(counts.values()) == 19
    # 16:00 on 2 March in Bangkok. Day d at 23:30 in Istanbul is 03:30 on d + 1 in Bangkok:
    # 1 March's is overdue, 2–8 March's fall on 3–9 March, the next 7 days; the rest later.
    assert counts == {"overdue": 1, "today": 0, "week": 7, "later": 11}


# --- the list filter folds like Ctrl+K ------------------------------------------------------


def test_the_filter_folds_like_search(db: Database) -> None:
    fatma = person(db, "Fatma", "Yılmaz", account="Boğaziçi Danışmanlık")
    anna = person(db, "Anna", "Ozola", account="Baltic Timber", country="LV", zone="Europe/Riga")
    fu.schedule(db, fu.FollowUpInput(fatma, "Teklif görüşmesi", datetime(2027, 3, 3, 10)))
    fu.schedule(db, fu.FollowUpInput(anna, "Call", datetime(2027, 3, 3, 10)))

    def found(text: str) -> list[str]:
        return [r.contact_name for r in list_follow_ups(db, now=T, user_zone="UTC", text=text)]

    for query in ("yilmaz", "Bogazici", "Fatma Yilmaz", "fatma bogazici", "YILMAZ", "gorusme"):
        assert found(query) == ["Fatma Yılmaz"], query
    assert found("yıl") == ["Fatma Yılmaz"]  # a word's start, as Ctrl+K
    assert found("ozola") == ["Anna Ozola"]
    assert found("call") == ["Anna Ozola"]
    assert found("fatma ozola") == []
    assert sorted(found("  ")) == ["Anna Ozola", "Fatma Yılmaz"]


def test_the_filter_finds_a_phone_typed_as_people_write_it(db: Database) -> None:
    """A phone typed in groups ("0532 123 45 67") found nothing in the Follow-ups filter while
    Ctrl+K found the person (fts.query_words: one word of digits)."""
    from accountdesk.core.services.accounts import contact_for_edit, update_contact

    fatma = person(db, "Fatma", "Yılmaz", account="Boğaziçi Danışmanlık")
    loaded = contact_for_edit(db, fatma)
    data = replace(loaded.data, phones=[("mobile", "+90 532 123 45 67")])
    update_contact(db, fatma, data, expected_version=loaded.version)
    fu.schedule(db, fu.FollowUpInput(fatma, "Teklif", datetime(2027, 3, 3, 10)))

    def found(text: str) -> list[str]:
        return [r.contact_name for r in list_follow_ups(db, now=T, user_zone="UTC", text=text)]

    # whole, and while it is being typed (from three digits on: README)
    for query in ("0532 123 45 67", "+90 532 123 45 67", "5321234567", "0532 1", "0532 123"):
        assert found(query) == ["Fatma Yılmaz"], query
    assert found("0533 123 45 67") == []


def test_the_filter_finds_a_name_typed_apart_that_is_stored_together(db: Database) -> None:
    """A name typed apart finds it written together, as in Ctrl+K (fts.written_apart): "علی
    زاده" finds علیزاده, "al nuaimi" Alnuaimi; every other word still counts, in a title too."""
    ali = person(db, "Ali", "Alnuaimi", account="Gulf Trade", country="AE", zone="Asia/Dubai")
    reza = person(db, "رضا", "علیزاده", account="Pars", country="IR", zone="Asia/Tehran")
    fu.schedule(db, fu.FollowUpInput(ali, "Send the catalogue", datetime(2027, 3, 3, 10)))
    fu.schedule(db, fu.FollowUpInput(reza, "Call back", datetime(2027, 3, 3, 10)))

    def found(text: str) -> list[str]:
        return [r.contact_name for r in list_follow_ups(db, now=T, user_zone="UTC", text=text)]

    assert found("علی زاده") == ["رضا علیزاده"]
    assert found("رضا علی زاده") == ["رضا علیزاده"]
    assert found("al nuaimi") == ["Ali Alnuaimi"]
    assert found("al nuaimi catalogue") == ["Ali Alnuaimi"]
    assert found("al nuaimi call") == []


def test_the_filter_reads_groups_of_digits_in_a_title_as_ctrl_k_reads_them(db: Database) -> None:
    """The filter reads "2024 150" as a number typed in groups or two figures (query_words);
    the contact's notes were searched either way but a title only for "2024 150" with its
    space, so "Order 2024/150" and "Invoice 2024150" were not found."""
    fatma = person(db, "Fatma", "Yılmaz", account="Boğaziçi Danışmanlık")
    anna = person(db, "Anna", "Ozola", account="Baltic Timber", country="LV", zone="Europe/Riga")
    fu.schedule(db, fu.FollowUpInput(fatma, "Order 2024/150 delivered?", datetime(2027, 3, 3, 10)))
    fu.schedule(db, fu.FollowUpInput(anna, "Invoice 2024150", datetime(2027, 3, 3, 10)))
    fu.schedule(db, fu.FollowUpInput(anna, "Order 2024/151", datetime(2027, 3, 4, 10)))

    def found(text: str) -> list[str]:
        rows = list_follow_ups(db, now=T, user_zone="UTC", text=text)
        return sorted(r.title for r in rows)

    assert found("2024 150") == ["Invoice 2024150", "Order 2024/150 delivered?"]
    assert found("2024 151") == ["Order 2024/151"]
    assert found("2024 152") == []


# --- stay in touch: placement ---------------------------------------------------------------


def test_a_turkish_contact_is_placed_after_the_holiday_and_the_weekend(db: Database) -> None:
    ayse = person(db, "Ayşe", days=30)
    touch(db, ayse, datetime(2027, 3, 1, 9, tzinfo=UTC))
    # Thursday 22 April 2027, 20:00 in Istanbul; Friday the 23rd is a public holiday there.
    now = datetime(2027, 4, 22, 17, tzinfo=UTC)
    raised = fu.raise_stay_in_touch(db, fixed_clock(now), user_zone="Europe/Istanbul")
    assert len(raised) == 1
    row = list_follow_ups(db, now=now, user_zone="UTC")[0]
    assert (row.title, row.origin, row.zone) == (
        "Stay in touch",
        "stay_in_touch",
        "Europe/Istanbul",
    )
    assert row.local_due == datetime(2027, 4, 26, 9, 0)  # Monday, when her day starts


def test_an_iranian_contact_is_never_placed_on_a_friday(db: Database) -> None:
    reza = person(db, "Reza", "Rezaei", account="Pars", country="IR", zone="Asia/Tehran", days=7)
    touch(db, reza, datetime(2027, 5, 1, 9, tzinfo=UTC))
    # Thursday 3 June 2027, 20:00 in Tehran: Friday is the weekend, Friday and Saturday
    # (4 and 5 June) are public holidays.
    now = datetime(2027, 6, 3, 16, 30, tzinfo=UTC)
    assert len(fu.raise_stay_in_touch(db, fixed_clock(now), user_zone="Asia/Tehran")) == 1
    row = list_follow_ups(db, now=now, user_zone="UTC")[0]
    assert row.local_due == datetime(2027, 6, 6, 8, 0)  # Sunday, 08:00


def test_inside_working_hours_it_is_placed_soon_and_fits_the_day(db: Database) -> None:
    hours = WorkingHours.for_contact("TR", None, None, subdivision=None)
    wednesday = datetime(2027, 3, 3, 7, 7, tzinfo=UTC)  # 10:07 in Istanbul
    slot = touch_slot(wednesday, "Europe/Istanbul", hours, "TR", None)
    assert to_wall(slot, "Europe/Istanbul") == datetime(2027, 3, 3, 10, 15)
    late = datetime(2027, 3, 3, 14, 40, tzinfo=UTC)  # 17:40: 30 minutes do not fit before 18:00
    assert to_wall(touch_slot(late, "Europe/Istanbul", hours, "TR", None), "Europe/Istanbul") == (
        datetime(2027, 3, 4, 9, 0)
    )


@settings(max_examples=200, deadline=None)
@given(
    minutes=st.integers(min_value=0, max_value=366 * 24 * 60),
    where=st.sampled_from(
        [
            ("Europe/Istanbul", "TR"),
            ("Asia/Tehran", "IR"),
            ("Asia/Riyadh", "SA"),
            ("Europe/Riga", "LV"),
            ("America/New_York", "US"),
        ]
    ),
)
def test_a_slot_is_always_working_time_there(minutes: int, where: tuple[str, str]) -> None:
    zone, country = where
    after = datetime(2027, 1, 1, tzinfo=UTC) + timedelta(minutes=minutes)
    hours = WorkingHours.for_contact(country, None, None, subdivision=None)
    slot = touch_slot(after, zone, hours, country, None)
    assert after <= slot < after + timedelta(days=12)
    for instant in (slot, slot + timedelta(minutes=29)):
        status = work_status(instant, zone, country, None, hours, window=False)
        assert status.working, (instant, status.reason, status.holiday)


# --- stay in touch: no duplicates, the daily cap --------------------------------------------


def test_no_stay_in_touch_beside_an_open_follow_up(db: Database) -> None:
    ayse = person(db, "Ayşe", days=7)
    mehmet = person(db, "Mehmet", account="Anadolu", days=7)
    for who in (ayse, mehmet):
        touch(db, who, datetime(2027, 1, 4, 9, tzinfo=UTC))
    fu.schedule(db, fu.FollowUpInput(ayse, "Send the contract", datetime(2027, 5, 3, 10)))
    raised = fu.raise_stay_in_touch(db, fixed_clock(T), user_zone="Europe/Istanbul")
    rows = list_follow_ups(db, now=T, user_zone="UTC")
    assert [r.contact_id for r in rows if r.id in raised] == [mehmet]
    # The next day: Mehmet already has his, so nothing new.
    later = T + timedelta(days=1)
    assert fu.raise_stay_in_touch(db, fixed_clock(later), user_zone="Europe/Istanbul") == []


def test_the_daily_cap_spreads_a_backlog_most_overdue_first(db: Database) -> None:
    user_settings.put(db, "stay_in_touch.daily_cap", "3")
    people = []
    for n in range(8):
        who = person(db, f"Person{n}", account=f"Account {n}", days=10)
        touch(db, who, datetime(2027, 1, 1, 9, tzinfo=UTC) + timedelta(days=n))
        people.append(who)

    def contacts_of(ids: list[str], at: datetime) -> list[str]:
        rows = {r.id: r.contact_id for r in list_follow_ups(db, now=at, user_zone="UTC")}
        return [rows[i] for i in ids]

    first = fu.raise_stay_in_touch(db, fixed_clock(T), user_zone="Europe/Riga")
    assert contacts_of(first, T) == people[:3]  # the longest without a touch first
    later_today = T + timedelta(hours=8)  # 19:00 in Riga, same day: the cap is used up
    assert fu.raise_stay_in_touch(db, fixed_clock(later_today), user_zone="Europe/Riga") == []
    tomorrow = T + timedelta(days=1)
    second = fu.raise_stay_in_touch(db, fixed_clock(tomorrow), user_zone="Europe/Riga")
    assert contacts_of(second, tomorrow) == people[3:6]
    after = T + timedelta(days=2)
    assert (
        contacts_of(fu.raise_stay_in_touch(db, fixed_clock(after), user_zone="Europe/Riga"), after)
        == people[6:]
    )
    user_settings.put(db, "stay_in_touch.daily_cap", "0")
    assert fu.raise_stay_in_touch(db, fixed_clock(T + timedelta(days=30))) == []


# --- stay in touch: no flood after demo data ------------------------------------------------


@pytest.mark.parametrize("days_later", [0, 3, 45, 200])
def test_no_flood_after_demo_data(db: Database, days_later: int) -> None:
    from accountdesk.core.demo import generate

    made = datetime(2027, 3, 6, 12, tzinfo=UTC)  # a Saturday, as in the report
    generate(db, accounts=40, seed=3, clock=fixed_clock(made))
    now = made + timedelta(days=days_later)
    before = {r.contact_id for r in list_follow_ups(db, now=now, user_zone="UTC")}
    raised = fu.raise_stay_in_touch(db, fixed_clock(now), user_zone="Europe/Istanbul")
    if days_later == 0:
        assert raised == []  # the first start after the demo: nothing is overdue yet
    assert len(raised) <= 10
    if days_later == 200:
        assert len(raised) == 10  # by then there is a backlog; a day's worth of it arrives
    rows = {r.id: r for r in list_follow_ups(db, now=now, user_zone="UTC")}
    new = [rows[i] for i in raised]
    assert len({r.contact_id for r in new}) == len(new)
    assert not {r.contact_id for r in new} & before  # never beside an open follow-up
    for row in new:
        assert row.due_at >= now
        status = work_status(row.due_at, row.zone, row.country, None, window=False)
        assert status.working, (row.contact_name, status.reason, status.holiday)
