"""Stay-in-touch cadences and reminder checks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accountdesk.core.timekeeping.reminders import (
    SNOOZE_PRESETS,
    ReminderItem,
    bucket_bounds,
    bucket_of,
    due_reminders,
    mark_notified,
    snooze,
    snooze_preset_until,
    snooze_until,
    tomorrow_at,
)
from accountdesk.core.timekeeping.stay_in_touch import (
    Cadence,
    CadenceRules,
    due_for_touch,
    effective_cadence,
    next_touch,
    nps_band,
)
from accountdesk.core.timekeeping.zones import to_wall

NOW = datetime(2025, 6, 10, 12, tzinfo=UTC)


# --- stay in touch --------------------------------------------------------------------------


def test_contact_override_wins() -> None:
    assert effective_cadence(14, "gold", "detractor", CadenceRules()) == Cadence(14, "contact")


def test_stricter_of_tier_and_nps() -> None:
    rules = CadenceRules()
    assert effective_cadence(None, "gold", None, rules) == Cadence(30, "tier:gold")
    assert effective_cadence(None, "Silver", None, rules) == Cadence(60, "tier:silver")
    assert effective_cadence(None, "bronze", "promoter", rules) == Cadence(90, "tier:bronze")
    assert effective_cadence(None, "gold", "detractors", rules) == Cadence(2, "nps:detractor")
    assert effective_cadence(None, None, "detractor", rules) == Cadence(2, "nps:detractor")
    assert effective_cadence(None, "platinum", "passive", rules) is None
    assert effective_cadence(0, None, None, rules) is None


def test_rules_are_configurable_data() -> None:
    rules = CadenceRules(tiers={"key": 7}, nps_bands={"passive": 5})
    assert effective_cadence(None, "KEY", "passive", rules) == Cadence(5, "nps:passive")
    assert effective_cadence(None, "gold", None, rules) is None
    with pytest.raises(ValueError):
        CadenceRules(tiers={"gold": 0})


def test_nps_band() -> None:
    assert [nps_band(s) for s in (0, 6, 7, 8, 9, 10)] == [
        "detractor",
        "detractor",
        "passive",
        "passive",
        "promoter",
        "promoter",
    ]
    assert nps_band(None) is None
    with pytest.raises(ValueError):
        nps_band(11)


def test_due_and_reset_by_an_interaction() -> None:
    monthly = Cadence(30, "tier:gold")
    last = NOW - timedelta(days=31)
    assert due_for_touch(last, monthly, NOW) == last + timedelta(days=30)
    # a call logged yesterday resets the count: not due any more
    assert due_for_touch(NOW - timedelta(days=1), monthly, NOW) is None
    assert next_touch(NOW - timedelta(days=1), monthly) == NOW + timedelta(days=29)
    # never touched: due now, or a cadence after `since`
    assert due_for_touch(None, monthly, NOW) == NOW
    assert due_for_touch(None, monthly, NOW, since=NOW - timedelta(days=3)) is None
    assert due_for_touch(last, None, NOW) is None
    with pytest.raises(ValueError):
        due_for_touch(last, monthly, NOW.replace(tzinfo=None))


@settings(max_examples=300, deadline=None)
@given(
    days=st.integers(min_value=1, max_value=365),
    gap=st.integers(min_value=0, max_value=800),
    touched=st.integers(min_value=0, max_value=800),
)
def test_any_interaction_resets_the_cadence(days: int, gap: int, touched: int) -> None:
    cadence = Cadence(days, "contact")
    last = NOW - timedelta(days=gap)
    due = due_for_touch(last, cadence, NOW)
    assert (due is not None) == (gap >= days)
    # log an interaction `touched` days ago, later than the previous last touch
    newer = NOW - timedelta(days=min(gap, touched))
    after = due_for_touch(newer, cadence, NOW)
    assert (after is not None) == (min(gap, touched) >= days)
    if after is not None:
        assert after == newer + timedelta(days=days) <= NOW


# --- reminders ------------------------------------------------------------------------------


def item(
    id_: str, due_h: float, snoozed_h: float | None = None, notified_h: float | None = None
) -> ReminderItem:
    def at(h: float | None) -> datetime | None:
        return None if h is None else NOW + timedelta(hours=h)

    due = at(due_h)
    assert due is not None
    return ReminderItem(id_, due, at(snoozed_h), at(notified_h))


def test_due_reminders_cases() -> None:
    items = [
        item("future", 1),
        item("due-now", 0),
        item("fell-due-while-closed", -50),
        item("already-notified", -2, notified_h=-1),
        item("notified-before-due", -2, notified_h=-3),
        item("snoozed-to-later", -2, snoozed_h=1),
        item("snoozed-and-over", -5, snoozed_h=-1),
        item("snoozed-and-notified", -5, snoozed_h=-1, notified_h=-0.5),
        item("snoozed-notified-before-snooze-end", -5, snoozed_h=-1, notified_h=-4),
    ]
    assert due_reminders(items, NOW) == [
        "fell-due-while-closed",
        "notified-before-due",
        "snoozed-and-over",
        "snoozed-notified-before-snooze-end",
        "due-now",
    ]


def test_due_reminders_with_mixed_zones_and_naive_now() -> None:
    from zoneinfo import ZoneInfo

    tehran = ReminderItem("t", NOW.astimezone(ZoneInfo("Asia/Tehran")) - timedelta(minutes=1))
    assert due_reminders([tehran], NOW.astimezone(ZoneInfo("Pacific/Kiritimati"))) == ["t"]
    with pytest.raises(ValueError):
        due_reminders([tehran], NOW.replace(tzinfo=None))


def test_snooze_and_notify_cycle() -> None:
    reminder = item("r", -1)
    assert due_reminders([reminder], NOW) == ["r"]
    notified = mark_notified(reminder, NOW)
    assert due_reminders([notified], NOW) == []
    snoozed = snooze(notified, NOW, minutes=10)
    assert snoozed.snoozed_until == NOW + timedelta(minutes=10)
    assert due_reminders([snoozed], NOW) == []
    assert due_reminders([snoozed], NOW + timedelta(minutes=10)) == ["r"]
    until = snooze(reminder, NOW, until=NOW + timedelta(days=1))
    assert until.alert_at == NOW + timedelta(days=1)
    with pytest.raises(ValueError):
        snooze_until(NOW)
    with pytest.raises(ValueError):
        snooze_until(NOW, minutes=0)
    with pytest.raises(ValueError):
        snooze_until(NOW, until=NOW - timedelta(minutes=1))


def test_tomorrow_morning_in_the_users_zone() -> None:
    late = datetime(2025, 6, 10, 22, tzinfo=UTC)  # already the 11th in Bangkok (05:00)
    assert to_wall(tomorrow_at(late, "Asia/Bangkok"), "Asia/Bangkok") == datetime(2025, 6, 12, 9)
    tomorrow = next(p for p in SNOOZE_PRESETS if p.minutes is None)
    evening = datetime(2025, 6, 10, 20, tzinfo=UTC)  # 23:00 in Riga
    assert snooze_preset_until(tomorrow, evening, "Europe/Riga") == datetime(
        2025, 6, 11, 6, tzinfo=UTC
    )


def test_buckets() -> None:
    bounds = bucket_bounds(NOW, "Europe/Riga")  # Tuesday 10 June, 15:00 Riga
    assert bounds.tomorrow == datetime(2025, 6, 10, 21, tzinfo=UTC)
    assert bounds.next_week == datetime(2025, 6, 15, 21, tzinfo=UTC)  # Monday 16 June 00:00
    assert bucket_of(NOW - timedelta(minutes=1), bounds) == "overdue"
    assert bucket_of(NOW + timedelta(hours=2), bounds) == "today"
    assert bucket_of(NOW + timedelta(days=3), bounds) == "week"
    assert bucket_of(NOW + timedelta(days=6), bounds) == "later"
    sunday = bucket_bounds(datetime(2025, 6, 15, 12, tzinfo=UTC), "Europe/Riga", first_weekday=6)
    assert sunday.next_week == datetime(2025, 6, 21, 21, tzinfo=UTC)  # next Sunday


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(-500, 500),
            st.one_of(st.none(), st.integers(-500, 500)),
            st.one_of(st.none(), st.integers(-500, 500)),
        ),
        max_size=30,
    )
)
def test_due_reminders_matches_the_sql_description(
    rows: list[tuple[int, int | None, int | None]],
) -> None:
    items = [item(str(i), d, s, n) for i, (d, s, n) in enumerate(rows)]
    expected = []
    for it in items:
        alert = max(it.due, it.snoozed_until or it.due)
        if it.due <= NOW and alert <= NOW and (it.notified_at is None or it.notified_at < alert):
            expected.append((alert, it.id))
    assert due_reminders(items, NOW) == [i for _a, i in sorted(expected)]
