"""The meeting planner never offers a slot on anyone's weekend or holiday."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accountdesk.core.timekeeping.calendars import StaticCalendar
from accountdesk.core.timekeeping.planner import Participant, plan
from accountdesk.core.timekeeping.workhours import WorkingHours
from accountdesk.core.timekeeping.zones import to_wall

CAL = StaticCalendar(
    weekends={"IR": frozenset({4}), "SA": frozenset({4, 5}), "IL": frozenset({4, 5})},
    holidays={
        "TR": {date(2025, 4, 23): "National Sovereignty and Children's Day"},
        "LV": {date(2025, 5, 1): "Labour Day", date(2025, 5, 5): "Restoration of Independence"},
        "TH": {date(2025, 5, 5): "Coronation Day", date(2025, 5, 12): "Visakha Bucha"},
        "IR": {date(2025, 4, 1): "Islamic Republic Day", date(2025, 4, 2): "Sizdah Bedar"},
        "NZ": {date(2025, 4, 25): "Anzac Day"},
    },
)


def person(key: str, zone: str, country: str | None, start: int = 9, end: int = 17) -> Participant:
    weekend = CAL.weekend_days(country)
    return Participant(key, key, zone, country, None, WorkingHours(time(start), time(end), weekend))


def test_grid_shape_states_and_labels() -> None:
    me = person("me", "Europe/Riga", "LV")
    ayse = person("ayse", "Europe/Istanbul", "TR", 9, 18)
    grid = plan([me, ayse], date(2025, 4, 21), 7, "Europe/Riga", lang="en", calendar=CAL)
    assert len(grid.columns) == 7 * 48
    assert grid.columns[0] == datetime(2025, 4, 20, 21, tzinfo=UTC)
    assert to_wall(grid.columns[0], "Europe/Riga") == datetime(2025, 4, 21)
    row = grid.row("ayse")
    # Riga and Istanbul are on the same clock in summer (UTC+3)
    assert row.cells[20].label == "10:00"
    assert row.cells[20].state == "work"
    holiday = [c for c in row.cells if c.state == "holiday"]
    assert holiday and {c.local.date() for c in holiday} == {date(2025, 4, 23)}
    assert holiday[0].holiday == "National Sovereignty and Children's Day"
    assert {c.state for c in grid.row("me").cells if c.local.weekday() == 5} == {"weekend"}
    for slot in grid.good_slots:
        assert to_wall(slot, "Europe/Istanbul").date() != date(2025, 4, 23)
        assert 9 <= to_wall(slot, "Europe/Riga").hour < 17
    assert grid.good_slots
    with pytest.raises(KeyError):
        grid.row("nobody")


def test_iran_and_latvia_share_only_four_working_days() -> None:
    me = person("me", "Europe/Riga", "LV")
    tehran = person("tehran", "Asia/Tehran", "IR", 8, 16)
    grid = plan([me, tehran], date(2025, 5, 5), 7, "Europe/Riga", calendar=CAL)
    days = {to_wall(s, "Asia/Tehran").date() for s in grid.good_slots}
    # Monday 5 May is a Latvian holiday; Friday is Iran's weekend; Sat/Sun Latvia's
    assert days == {date(2025, 5, 6), date(2025, 5, 7), date(2025, 5, 8)}


def test_across_the_date_line_there_is_little_overlap() -> None:
    auckland = person("akl", "Pacific/Auckland", "NZ")
    pago = person("ppg", "Pacific/Pago_Pago", "AS")
    grid = plan([auckland, pago], date(2025, 6, 2), 7, "Pacific/Auckland", calendar=CAL)
    # Auckland 09:00–10:00 Tuesday is Pago Pago 10:00–11:00 Monday … the same wall hours
    # but a day apart: Monday in Auckland is Sunday in Pago Pago.
    for slot in grid.good_slots:
        a = to_wall(slot, "Pacific/Auckland")
        p = to_wall(slot, "Pacific/Pago_Pago")
        assert a.weekday() not in (5, 6) and p.weekday() not in (5, 6)
        assert a.date() == p.date() + timedelta(days=1)
    assert {to_wall(s, "Pacific/Auckland").weekday() for s in grid.good_slots} == {1, 2, 3, 4}


def test_nepal_cells_are_work_only_when_the_whole_step_fits() -> None:
    ktm = person("ktm", "Asia/Kathmandu", "NP")
    grid = plan([ktm], date(2025, 6, 2), 1, "UTC", calendar=CAL)
    cells = grid.row("ktm").cells
    work = [c.local.time() for c in cells if c.state == "work"]
    assert work[0] == time(9, 15) and work[-1] == time(16, 15)


def test_not_before_and_duration() -> None:
    me = person("me", "Europe/Riga", "LV")
    grid = plan(
        [me],
        date(2025, 4, 21),
        1,
        "Europe/Riga",
        calendar=CAL,
        not_before=datetime(2025, 4, 21, 10, tzinfo=UTC),  # 13:00 Riga
        duration=timedelta(hours=2),
    )
    walls = [to_wall(s, "Europe/Riga") for s in grid.good_slots]
    assert walls[0] == datetime(2025, 4, 21, 13) and walls[-1] == datetime(2025, 4, 21, 15)


def test_columns_follow_the_users_dst_day() -> None:
    me = person("me", "Europe/Riga", "LV")
    grid = plan([me], date(2025, 3, 30), 1, "Europe/Riga", calendar=CAL)
    assert len(grid.columns) == 46  # a 23-hour day
    grid = plan([me], date(2025, 10, 26), 1, "Europe/Riga", calendar=CAL)
    assert len(grid.columns) == 50  # a 25-hour day


def test_cells_match_zoneinfo_across_dst_changes() -> None:
    people = [
        person("lhi", "Australia/Lord_Howe", "AU"),
        person("ny", "America/New_York", "US"),
        person("jer", "Asia/Jerusalem", "IL"),
    ]
    grid = plan(people, date(2025, 3, 20), 30, "Europe/Riga", calendar=CAL)
    for row in grid.rows:
        for column, cell in zip(grid.columns, row.cells, strict=True):
            assert cell.local == to_wall(column, row.participant.zone)


def test_bad_input() -> None:
    me = person("me", "Europe/Riga", "LV")
    with pytest.raises(ValueError):
        plan([me, me], date(2025, 1, 1), 1, "UTC", calendar=CAL)
    with pytest.raises(ValueError):
        plan([me], date(2025, 1, 1), 0, "UTC", calendar=CAL)


PLACES = [
    ("Europe/Riga", "LV"),
    ("Europe/Istanbul", "TR"),
    ("Asia/Bangkok", "TH"),
    ("Asia/Tehran", "IR"),
    ("Asia/Riyadh", "SA"),
    ("Asia/Jerusalem", "IL"),
    ("Asia/Kathmandu", "NP"),
    ("Australia/Lord_Howe", "AU"),
    ("Pacific/Kiritimati", "KI"),
    ("Pacific/Auckland", "NZ"),
    ("America/New_York", "US"),
]


@st.composite
def participants(draw: st.DrawFn) -> list[Participant]:
    chosen = draw(st.lists(st.sampled_from(PLACES), min_size=1, max_size=5))
    result = []
    for index, (zone, country) in enumerate(chosen):
        start = draw(st.integers(min_value=0, max_value=12))
        length = draw(st.integers(min_value=1, max_value=12))
        weekend = draw(
            st.one_of(st.just(CAL.weekend_days(country)), st.frozensets(st.integers(0, 6)))
        )
        hours = WorkingHours(time(start), time((start + length) % 24), weekend)
        result.append(Participant(f"p{index}", zone, zone, country, None, hours))
    return result


@settings(max_examples=150, deadline=None)
@given(
    people=participants(),
    start=st.dates(min_value=date(2025, 3, 20), max_value=date(2025, 5, 10)),
    user=st.sampled_from([zone for zone, _country in PLACES]),
)
def test_never_a_slot_on_anyones_weekend_or_holiday(
    people: list[Participant], start: date, user: str
) -> None:
    grid = plan(people, start, 14, user, calendar=CAL)
    for slot in grid.good_slots:
        for p in people:
            local = to_wall(slot, p.zone)
            assert local.weekday() not in p.hours.weekend
            assert CAL.holiday_on(p.country, None, local.date()) is None
            assert p.hours.contains(local)
            end = to_wall(slot + grid.step, p.zone)
            midnight = datetime(local.year, local.month, local.day)
            assert (end - midnight) / timedelta(minutes=1) <= p.hours.end_minute
    # and every column that is good for everyone was offered
    offered = set(grid.good_slots)
    for index, column in enumerate(grid.columns):
        if all(row.cells[index].state == "work" for row in grid.rows):
            assert column in offered
