"""Stay-in-touch cadences, snooze presets and follow-up buckets (the reminder rule itself is
tested through its query in tests/core/services/test_stay_in_touch_and_reminders.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accountdesk.core.settings import UserCalendar, parse_hours
from accountdesk.core.timekeeping.reminders import (
    PRESETS_BY_KEY,
    SNOOZE_PRESETS,
    bucket_bounds,
    bucket_of,
    snooze_preset_until,
    snoozed_to,
)
from accountdesk.core.timekeeping.stay_in_touch import (
    Cadence,
    CadenceRules,
    due_for_touch,
    effective_cadence,
    next_touch,
    nps_band,
)
from accountdesk.core.timekeeping.workhours import WorkingHours
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


# --- snooze presets and buckets ----------------------------------------------------------


def _me(zone: str, country: str | None = None, hours: str | None = None) -> UserCalendar:
    """The user's own calendar (Settings → Me): zone, country, hours ("08:00-16:00")."""
    start, end = parse_hours(hours) if hours else (None, None)
    week = WorkingHours.for_country(country, None, start, end, subdivision=None)
    return UserCalendar(zone, True, country, None, week)


def _to(key: str, now: datetime, me: UserCalendar) -> str:
    """Where the preset ``key`` snoozes to, on the user's clock ("Sat 09 Jan 08:00")."""
    until = snooze_preset_until(PRESETS_BY_KEY[key], now, me)
    return to_wall(until, me.zone).strftime("%a %d %b %H:%M")


def test_snooze_presets_in_the_users_zone() -> None:
    assert [p.key for p in SNOOZE_PRESETS] == ["1h", "3h", "working_day", "next_week"]
    bangkok = _me("Asia/Bangkok")
    assert snooze_preset_until(PRESETS_BY_KEY["1h"], NOW, bangkok) == NOW + timedelta(hours=1)
    late = datetime(2025, 6, 10, 22, tzinfo=UTC)  # already Wednesday the 11th in Bangkok (05:00)
    assert _to("working_day", late, bangkok) == "Thu 12 Jun 09:00"
    evening = datetime(2025, 6, 10, 20, tzinfo=UTC)  # 23:00 in Riga
    assert snooze_preset_until(
        PRESETS_BY_KEY["working_day"], evening, _me("Europe/Riga")
    ) == datetime(2025, 6, 11, 6, tzinfo=UTC)
    assert _to("next_week", late, bangkok) == "Mon 16 Jun 09:00"
    on_monday = datetime(2025, 6, 16, 3, tzinfo=UTC)  # Monday 10:00 in Bangkok: next Monday
    assert _to("next_week", on_monday, bangkok) == "Mon 23 Jun 09:00"
    with pytest.raises(ValueError):
        snooze_preset_until(PRESETS_BY_KEY["1h"], NOW.replace(tzinfo=None), bangkok)


def test_snooze_presets_follow_the_users_own_week_holidays_and_hours() -> None:
    """ "Until tomorrow 09:00" reminded an Iranian user on their Friday weekend, and "Until
    Monday" on the third day of their week; the hours in Settings → Me were not read."""
    thursday = datetime(2027, 1, 7, 16, 30, tzinfo=UTC)  # Thursday 20:00 in Tehran
    tehran = _me("Asia/Tehran", "IR", "08:00-16:00")
    assert _to("working_day", thursday, tehran) == "Sat 09 Jan 08:00"
    assert _to("next_week", thursday, tehran) == "Sat 09 Jan 08:00"
    wednesday = datetime(2027, 1, 6, 16, 30, tzinfo=UTC)  # 18:30 in Jerusalem
    jerusalem = _me("Asia/Jerusalem", "IL", "09:00-18:00")
    assert _to("working_day", wednesday, jerusalem) == "Thu 07 Jan 09:00"
    assert _to("next_week", wednesday, jerusalem) == "Sun 10 Jan 09:00"  # Sunday to Thursday
    # Friday 29 October is Republic Day in Turkey: the next working day is Monday
    istanbul = _me("Europe/Istanbul", "TR", "09:00-18:00")
    assert _to("working_day", datetime(2027, 10, 28, 17, tzinfo=UTC), istanbul) == (
        "Mon 01 Nov 09:00"
    )


@pytest.mark.parametrize(
    ("weekend", "start"),
    [
        ({5, 6}, 0),  # Saturday–Sunday: Monday
        ({4}, 5),  # Iran's Friday: Saturday
        ({4, 5}, 6),  # Friday–Saturday (Israel, Saudi Arabia): Sunday
        ({5}, 6),  # Nepal's Saturday: Sunday
        ({4, 6}, 0),  # Brunei's Friday and Sunday: Monday (Saturday alone is a shorter run)
        (set(), 0),
    ],
)
def test_the_working_week_starts_after_its_weekend(weekend: set[int], start: int) -> None:
    assert WorkingHours(weekend=frozenset(weekend)).week_start == start


def test_a_snooze_holds_a_reminder_back_only_after_it_is_due_and_until_it_ends() -> None:
    due = NOW - timedelta(hours=2)
    later = NOW + timedelta(hours=1)
    assert snoozed_to(due, later, NOW) == later
    assert snoozed_to(due, None, NOW) is None
    assert snoozed_to(due, NOW - timedelta(minutes=1), NOW) is None  # over: due again
    assert snoozed_to(NOW + timedelta(days=2), later, NOW) is None  # not due by then


def test_buckets() -> None:
    bounds = bucket_bounds(NOW, "Europe/Riga")  # Tuesday 10 June, 15:00 Riga
    assert bounds.tomorrow == datetime(2025, 6, 10, 21, tzinfo=UTC)
    assert bounds.week_end == datetime(2025, 6, 17, 21, tzinfo=UTC)  # Wednesday 18 June 00:00
    assert bucket_of(NOW - timedelta(minutes=1), bounds) == "overdue"
    assert bucket_of(NOW, bounds) == "today"
    assert bucket_of(NOW + timedelta(hours=2), bounds) == "today"
    assert bucket_of(bounds.tomorrow, bounds) == "week"
    assert bucket_of(NOW + timedelta(days=6), bounds) == "week"
    assert bucket_of(bounds.week_end - timedelta(seconds=1), bounds) == "week"
    assert bucket_of(bounds.week_end, bounds) == "later"
    assert bounds.range("overdue") == (None, NOW)
    assert bounds.range("later") == (bounds.week_end, None)


def test_bucket_midnights_are_dst_safe() -> None:
    # Riga springs forward on Sunday 30 March 2025 (03:00 -> 04:00): that day has 23 hours.
    saturday = datetime(2025, 3, 29, 12, tzinfo=UTC)
    bounds = bucket_bounds(saturday, "Europe/Riga")
    assert bounds.tomorrow == datetime(2025, 3, 29, 22, tzinfo=UTC)  # 00:00 EET
    assert bounds.week_end == datetime(2025, 4, 5, 21, tzinfo=UTC)  # 00:00 EEST
    # Santiago's clocks jump at midnight (7 September 2025): the day starts at 01:00.
    bounds = bucket_bounds(datetime(2025, 9, 6, 12, tzinfo=UTC), "America/Santiago")
    assert to_wall(bounds.tomorrow, "America/Santiago") == datetime(2025, 9, 7, 1)


def test_a_tier_is_one_tier_whatever_its_case_as_in_the_reports() -> None:
    """A tier's cadence was found by ``str.lower``: a Turkish "ÖNCELİKLİ" (dotted capital I)
    missed the "öncelikli" rule, though the reports count it as that segment."""
    rules = CadenceRules(tiers={"öncelikli": 14, "gold": 30})
    assert rules.tier_days("ÖNCELİKLİ") == 14
    assert rules.tier_days(" Gold ") == 30
    assert rules.tier_days("silver") is None
