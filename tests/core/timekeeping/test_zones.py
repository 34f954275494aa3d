"""Wall time + zone → instant and back, over every zone in tzdata and the years 2000–2040."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from zoneinfo import available_timezones

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.timekeeping.zones import (
    Transition,
    available_zones,
    format_offset,
    format_utc_offset,
    is_valid_zone,
    offset_between,
    offset_to_you,
    resolve_wall_time,
    system_zone,
    to_wall,
    transitions,
    user_zone,
    utc_offset,
)

ZONES = sorted(available_timezones())
FIFTEEN = timedelta(minutes=15)
# Every UTC offset in use since 2000 is a multiple of 15 minutes between −12 h and +14 h.
CANDIDATE_OFFSETS = [FIFTEEN * k for k in range(-12 * 4, 14 * 4 + 1)]
PROPERTY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

wall_times = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2040, 12, 31, 23, 59)
).map(lambda d: d.replace(second=0, microsecond=0))


def preimages(local: datetime, zone: str) -> list[datetime]:
    """Every instant whose wall time in ``zone`` is ``local``, found by brute force."""
    found = set()
    for offset in CANDIDATE_OFFSETS:
        instant = (local - offset).replace(tzinfo=UTC)
        if to_wall(instant, zone) == local:
            found.add(instant)
    return sorted(found)


@cache
def zone_transitions(zone: str) -> tuple[Transition, ...]:
    return tuple(transitions(zone, date(2000, 1, 1), date(2041, 1, 1), probe=timedelta(days=7)))


@cache
def zones_with_transitions() -> tuple[str, ...]:
    return tuple(z for z in ZONES if zone_transitions(z))


def check_rule(local: datetime, zone: str) -> None:
    """The stated rule, checked against the brute-force preimages."""
    r = resolve_wall_time(local, zone)
    found = preimages(local, zone)
    assert r.instant.utcoffset() == timedelta(0)
    assert r.local == local and r.zone == zone
    if len(found) == 1:
        assert r.kind == "ok"
        assert r.instant == found[0]
        assert to_wall(r.instant, zone) == local
        assert r.shifted_local is None and r.message is None
    elif len(found) == 2:
        assert r.kind == "overlap"
        assert r.instant == found[0]  # the first (earlier) occurrence
        assert to_wall(r.instant, zone) == local
        assert r.shifted_local is None
        assert r.message and "first" in r.message
    else:
        assert found == []
        assert r.kind == "gap"
        assert r.shifted_local is not None
        assert r.shifted_local == to_wall(r.instant, zone)
        gap = r.shifted_local - local
        assert gap > timedelta(0)
        # moved forward by exactly the gap's length: the offset jumps by `gap` there
        assert utc_offset(zone, r.instant) - utc_offset(zone, r.instant - gap) == gap
        assert r.message and "forward" in r.message


@PROPERTY
@given(zone=st.sampled_from(ZONES), local=wall_times)
def test_round_trip_is_identity_outside_gaps_and_overlaps(zone: str, local: datetime) -> None:
    r = resolve_wall_time(local, zone)
    if r.kind == "ok":
        assert to_wall(r.instant, zone) == local
    check_rule(local, zone)


@PROPERTY
@given(
    zone=st.sampled_from(ZONES),
    instant=st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2040, 12, 31), timezones=st.just(UTC)
    ),
)
def test_instant_to_wall_and_back_lands_on_the_same_or_first_instant(
    zone: str, instant: datetime
) -> None:
    instant = instant.replace(second=0, microsecond=0)
    r = resolve_wall_time(to_wall(instant, zone), zone)
    assert r.kind != "gap"  # a wall time that was shown exists
    assert r.instant <= instant  # overlap: the first occurrence
    if r.kind == "ok":
        assert r.instant == instant


@PROPERTY
@given(data=st.data())
def test_times_around_every_kind_of_transition_follow_the_rule(data: st.DataObject) -> None:
    zone = data.draw(st.sampled_from(zones_with_transitions()))
    change = data.draw(st.sampled_from(zone_transitions(zone)))
    width = abs(change.offset_after - change.offset_before)
    minutes = int(width.total_seconds() // 60)
    shift = data.draw(st.integers(min_value=-30, max_value=minutes + 30))
    local = min(change.local_before, change.local_after) + timedelta(minutes=shift)
    check_rule(local, zone)


def test_every_transition_of_every_zone_2000_2040() -> None:
    """Deterministic sweep: inside and just outside every gap and overlap in every zone."""
    checked = 0
    for zone in ZONES:
        for change in zone_transitions(zone):
            width = abs(change.offset_after - change.offset_before)
            low = min(change.local_before, change.local_after)
            expected = "gap" if change.is_gap else "overlap"
            assert resolve_wall_time(low + width / 2, zone).kind == expected, (zone, change)
            if change.is_gap:
                r = resolve_wall_time(low + width / 2, zone)
                assert r.shifted_local == low + width / 2 + width, (zone, change)
            else:
                r = resolve_wall_time(low + width / 2, zone)
                assert r.instant == change.instant - width / 2, (zone, change)
            before = resolve_wall_time(low - timedelta(minutes=1), zone)
            after = resolve_wall_time(low + width, zone)
            assert before.kind == "ok" and after.kind == "ok", (zone, change)
            assert to_wall(after.instant, zone) == low + width
            checked += 1
    assert checked > 15_000


def test_stated_rule_examples() -> None:
    gap = resolve_wall_time(datetime(2025, 3, 30, 2, 30), "Europe/Berlin")
    assert gap.kind == "gap"
    assert gap.shifted_local == datetime(2025, 3, 30, 3, 30)
    assert gap.instant == datetime(2025, 3, 30, 1, 30, tzinfo=UTC)
    assert "02:30" in (gap.message or "") and "03:30" in (gap.message or "")
    overlap = resolve_wall_time(datetime(2025, 10, 26, 2, 30), "Europe/Berlin")
    assert overlap.kind == "overlap"
    assert overlap.instant == datetime(2025, 10, 26, 0, 30, tzinfo=UTC)  # CEST, the first
    us = resolve_wall_time(datetime(2025, 11, 2, 1, 30), "America/New_York")
    assert us.kind == "overlap" and us.instant == datetime(2025, 11, 2, 5, 30, tzinfo=UTC)


def test_messages_are_translated_through_the_facade(monkeypatch: pytest.MonkeyPatch) -> None:
    from accountdesk.core.timekeeping import zones

    monkeypatch.setattr(zones, "_", lambda s: "«" + s + "»")
    r = resolve_wall_time(datetime(2025, 3, 30, 2, 30), "Europe/Berlin")
    assert r.message is not None and r.message.startswith("«")


def test_aware_local_and_unknown_zone_are_refused() -> None:
    with pytest.raises(ValueError):
        resolve_wall_time(datetime(2025, 1, 1, tzinfo=UTC), "Europe/Riga")
    with pytest.raises(ValueError):
        resolve_wall_time(datetime(2025, 1, 1), "Mars/Olympus_Mons")
    with pytest.raises(ValueError):
        to_wall(datetime(2025, 1, 1), "Europe/Riga")


# --- the follow-up that stays "10:00 her time" ------------------------------------------------


@PROPERTY
@given(local=wall_times)
def test_istanbul_follow_up_keeps_its_local_time_as_the_user_travels(local: datetime) -> None:
    anchored = resolve_wall_time(local, "Europe/Istanbul")
    seen_there = set()
    for travelling in ("Europe/Riga", "Asia/Bangkok", "America/New_York"):
        zone = user_zone(None, environ={"TZ": travelling}, etc=Path("/nonexistent"))
        assert zone == travelling
        # what the app stores does not depend on the user's zone; derive it again
        again = resolve_wall_time(local, "Europe/Istanbul")
        assert again.instant == anchored.instant
        there = to_wall(again.instant, "Europe/Istanbul")
        seen_there.add(there)
        mine = to_wall(again.instant, zone)
        assert mine - there == offset_between("Europe/Istanbul", zone, again.instant)
    assert seen_there == {anchored.effective_local}
    if anchored.kind == "ok":
        assert seen_there == {local}


# --- explicit zones -----------------------------------------------------------------------------


def test_iran_has_had_no_dst_since_2022() -> None:
    assert utc_offset("Asia/Tehran", datetime(2021, 7, 1, tzinfo=UTC)) == timedelta(hours=4.5)
    for year in range(2023, 2041):
        for month in (1, 4, 7, 10):
            at = datetime(year, month, 1, tzinfo=UTC)
            assert utc_offset("Asia/Tehran", at) == timedelta(hours=3, minutes=30)
    assert transitions("Asia/Tehran", date(2023, 1, 1), date(2041, 1, 1)) == []
    # 2021's spring-forward night still had a gap
    assert resolve_wall_time(datetime(2021, 3, 22, 0, 30), "Asia/Tehran").kind == "gap"
    assert resolve_wall_time(datetime(2024, 3, 21, 0, 30), "Asia/Tehran").kind == "ok"


def test_israel_dst() -> None:
    assert resolve_wall_time(datetime(2025, 3, 28, 2, 30), "Asia/Jerusalem").kind == "gap"
    overlap = resolve_wall_time(datetime(2025, 10, 26, 1, 30), "Asia/Jerusalem")
    assert overlap.kind == "overlap"
    assert overlap.instant == datetime(2025, 10, 25, 22, 30, tzinfo=UTC)


def test_riyadh_has_no_dst_at_all() -> None:
    assert transitions("Asia/Riyadh", date(2000, 1, 1), date(2041, 1, 1)) == []


def test_nepal_is_five_forty_five() -> None:
    at = datetime(2025, 6, 1, 12, tzinfo=UTC)
    assert utc_offset("Asia/Kathmandu", at) == timedelta(hours=5, minutes=45)
    assert plain(format_offset(offset_between("UTC", "Asia/Kathmandu", at))) == "+5 h 45 min"
    assert plain(format_offset(offset_between("Asia/Kathmandu", "Asia/Kolkata", at))) == "−15 min"
    assert to_wall(at, "Asia/Kathmandu") == datetime(2025, 6, 1, 17, 45)


def test_lord_howe_has_a_thirty_minute_dst() -> None:
    gap = resolve_wall_time(datetime(2025, 10, 5, 2, 10), "Australia/Lord_Howe")
    assert gap.kind == "gap"
    assert gap.shifted_local == datetime(2025, 10, 5, 2, 40)
    overlap = resolve_wall_time(datetime(2025, 4, 6, 1, 45), "Australia/Lord_Howe")
    assert overlap.kind == "overlap"
    winter = datetime(2025, 7, 1, tzinfo=UTC)
    summer = datetime(2025, 1, 1, tzinfo=UTC)
    assert utc_offset("Australia/Lord_Howe", winter) == timedelta(hours=10, minutes=30)
    assert utc_offset("Australia/Lord_Howe", summer) == timedelta(hours=11)
    assert "30 min" in (gap.message or "")


def test_contacts_across_the_date_line() -> None:
    at = datetime(2025, 6, 2, 0, 30, tzinfo=UTC)  # Monday
    kiritimati = to_wall(at, "Pacific/Kiritimati")  # UTC+14
    pago = to_wall(at, "Pacific/Pago_Pago")  # UTC−11
    auckland = to_wall(at, "Pacific/Auckland")  # UTC+12 in June
    assert kiritimati == datetime(2025, 6, 2, 14, 30)
    assert pago == datetime(2025, 6, 1, 13, 30)  # still Sunday
    assert auckland == datetime(2025, 6, 2, 12, 30)
    assert kiritimati.date() != pago.date()
    assert offset_between("Pacific/Pago_Pago", "Pacific/Kiritimati", at) == timedelta(hours=25)
    apart = offset_between("Pacific/Auckland", "Pacific/Pago_Pago", at)
    assert plain(format_offset(apart)) == "−23 h"
    # Samoa (Apia) skipped 30 December 2011 entirely: a 24-hour gap
    skipped = resolve_wall_time(datetime(2011, 12, 30, 10), "Pacific/Apia")
    assert skipped.kind == "gap" and skipped.shifted_local == datetime(2011, 12, 31, 10)


# --- names, offsets, the user's zone ---------------------------------------------------------


def test_available_and_valid_zones() -> None:
    zones = available_zones()
    assert "Europe/Riga" in zones and zones == sorted(zones)
    assert is_valid_zone("Asia/Tehran")
    assert not is_valid_zone("Mars/Olympus_Mons")
    assert not is_valid_zone("")
    assert not is_valid_zone(None)
    assert not is_valid_zone("../../etc/passwd")


def test_format_offset() -> None:
    # the signed number is one left-to-right unit (core/bidi.py)
    assert plain(format_offset(timedelta(hours=2))) == "+2 h"
    assert format_offset(timedelta(hours=2)) == "\u2066+2\u2069 h"
    assert plain(format_offset(-timedelta(hours=5, minutes=30))) == "−5 h 30 min"
    assert plain(format_offset(timedelta(0))) == "±0 h"
    assert plain(format_offset(timedelta(minutes=-45))) == "−45 min"
    assert format_utc_offset(timedelta(hours=-3, minutes=-30)) == "−03:30"
    with i18n.use_language("fa"):
        assert format_offset(timedelta(hours=3, minutes=30)) == "\u2066+۳\u2069 ساعت و ۳۰ دقیقه"


def test_offset_between_needs_an_aware_instant() -> None:
    with pytest.raises(ValueError):
        offset_between("Europe/Riga", "Asia/Bangkok", datetime(2025, 1, 1))
    summer = datetime(2025, 7, 1, tzinfo=UTC)
    assert offset_between("Europe/Riga", "Asia/Bangkok", summer) == timedelta(hours=4)


def test_user_zone_pinned_env_symlink_file_fallback(tmp_path: Path) -> None:
    assert user_zone("Asia/Tehran", environ={"TZ": "Europe/Riga"}) == "Asia/Tehran"
    assert user_zone("Not/AZone", environ={"TZ": "Europe/Riga"}) == "Europe/Riga"
    assert system_zone({"TZ": ":Asia/Bangkok"}, tmp_path) == "Asia/Bangkok"
    assert system_zone({"TZ": "/usr/share/zoneinfo/Asia/Tokyo"}, tmp_path) == "Asia/Tokyo"
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/America/New_York")
    assert system_zone({}, tmp_path) == "America/New_York"
    link.unlink()
    (tmp_path / "timezone").write_text("Europe/Istanbul\n", encoding="utf-8")
    assert system_zone({}, tmp_path) == "Europe/Istanbul"
    (tmp_path / "timezone").write_text("garbage\n", encoding="utf-8")
    assert system_zone({}, tmp_path) == "UTC"
    assert system_zone({"TZ": "nonsense"}, tmp_path / "missing") == "UTC"


def test_transitions_found_match_zoneinfo() -> None:
    found = transitions("Europe/Riga", date(2025, 1, 1), date(2026, 1, 1))
    assert [t.instant for t in found] == [
        datetime(2025, 3, 30, 1, tzinfo=UTC),
        datetime(2025, 10, 26, 1, tzinfo=UTC),
    ]
    assert found[0].is_gap and found[0].is_dst_after and found[0].name_after == "EEST"
    assert not found[1].is_gap


def test_turkish_hour_and_minute_abbreviations_end_in_a_dot() -> None:
    """TDK and CLDR write "sa." and "dk." ("3 sa. 30 dk."), never "3 sa"."""
    with i18n.use_language("tr"):
        assert plain(format_offset(timedelta(hours=3))) == "+3 sa."
        assert plain(format_offset(timedelta(hours=3, minutes=30))) == "+3 sa. 30 dk."
        assert plain(offset_to_you(timedelta(hours=-2))) == "sizden 2 sa. geride"
