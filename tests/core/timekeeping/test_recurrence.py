"""Recurring follow-ups keep their local time and move to working days as configured."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accountdesk.core import i18n
from accountdesk.core.timekeeping.calendars import StaticCalendar
from accountdesk.core.timekeeping.recurrence import (
    RRULE_PRESETS,
    describe_rrule,
    occurrences,
    preset,
    validate_rrule,
)
from accountdesk.core.timekeeping.zones import to_wall

CAL = StaticCalendar(
    weekends={"IR": frozenset({4}), "SA": frozenset({4, 5})},
    holidays={
        "TR": {date(2025, 10, 29): "Republic Day"},
        "IR": {
            date(2025, 3, 21): "Nowruz",
            date(2025, 3, 22): "Nowruz",
            date(2025, 3, 23): "Nowruz",
        },
    },
)
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def test_every_three_months_stays_ten_oclock_across_dst() -> None:
    found = occurrences(
        "FREQ=MONTHLY;INTERVAL=3", datetime(2025, 1, 15, 10), "Europe/Riga", EPOCH, 8
    )
    assert [o.local for o in found] == [
        datetime(2025, 1, 15, 10),
        datetime(2025, 4, 15, 10),
        datetime(2025, 7, 15, 10),
        datetime(2025, 10, 15, 10),
        datetime(2026, 1, 15, 10),
        datetime(2026, 4, 15, 10),
        datetime(2026, 7, 15, 10),
        datetime(2026, 10, 15, 10),
    ]
    assert {to_wall(o.instant, "Europe/Riga").time() for o in found} == {
        datetime(1, 1, 1, 10).time()
    }
    offsets = {o.instant.hour for o in found}
    assert offsets == {7, 8}  # UTC hour changes with DST, the local hour does not


def test_third_monday_of_the_month() -> None:
    found = occurrences("FREQ=MONTHLY;BYDAY=3MO", datetime(2025, 1, 20, 9), "UTC", EPOCH, 3)
    assert [o.local.date() for o in found] == [
        date(2025, 1, 20),
        date(2025, 2, 17),
        date(2025, 3, 17),
    ]


def test_after_skips_past_occurrences() -> None:
    after = datetime(2025, 6, 1, tzinfo=UTC)
    found = occurrences("FREQ=WEEKLY", datetime(2020, 1, 6, 9), "Europe/Istanbul", after, 2)
    assert [o.local for o in found] == [datetime(2025, 6, 2, 9), datetime(2025, 6, 9, 9)]
    assert all(o.instant >= after for o in found)


def test_moves_to_the_next_working_day_when_asked() -> None:
    # the 29th of every month, Istanbul; 29 Oct 2025 is Republic Day, 29 Nov a Saturday
    rule = "FREQ=MONTHLY;BYMONTHDAY=29"
    first = datetime(2025, 9, 29, 11)
    plain = occurrences(rule, first, "Europe/Istanbul", EPOCH, 3, country="TR", calendar=CAL)
    assert [o.local.date() for o in plain] == [
        date(2025, 9, 29),
        date(2025, 10, 29),
        date(2025, 11, 29),
    ]
    assert all(o.moved_from is None for o in plain)
    moved = occurrences(
        rule,
        first,
        "Europe/Istanbul",
        EPOCH,
        3,
        move_to_working_day=True,
        country="TR",
        calendar=CAL,
    )
    assert [o.local for o in moved] == [
        datetime(2025, 9, 29, 11),
        datetime(2025, 10, 30, 11),
        datetime(2025, 12, 1, 11),
    ]
    assert moved[1].moved_from == datetime(2025, 10, 29, 11)
    assert moved[2].moved_from == datetime(2025, 11, 29, 11)


def test_iran_moves_across_friday_and_nowruz() -> None:
    moved = occurrences(
        "FREQ=YEARLY",
        datetime(2025, 3, 20, 10),
        "Asia/Tehran",
        datetime(2025, 3, 21, tzinfo=UTC),
        1,
        move_to_working_day=True,
        country="IR",
        calendar=CAL,
        weekend=frozenset({4}),
    )
    # 20 March 2025 itself is before `after`; next year 20 March 2026 is a Friday
    assert moved[0].local == datetime(2026, 3, 21, 10)
    assert moved[0].moved_from == datetime(2026, 3, 20, 10)


def test_moved_occurrences_merge_instead_of_going_backwards() -> None:
    found = occurrences(
        "FREQ=DAILY",
        datetime(2025, 6, 6, 9),
        "UTC",
        EPOCH,
        3,
        move_to_working_day=True,
        calendar=CAL,
    )
    # Fri 6, (Sat 7, Sun 8 → Mon 9), Mon 9 merged, Tue 10
    assert [o.local.date() for o in found] == [
        date(2025, 6, 6),
        date(2025, 6, 9),
        date(2025, 6, 10),
    ]


def test_occurrence_in_a_dst_gap_follows_the_zone_rule() -> None:
    found = occurrences("FREQ=YEARLY", datetime(2025, 3, 30, 2, 30), "Europe/Berlin", EPOCH, 1)
    assert found[0].kind == "gap"
    assert to_wall(found[0].instant, "Europe/Berlin") == datetime(2025, 3, 30, 3, 30)


def test_count_and_until_end_the_rule() -> None:
    assert len(occurrences("FREQ=WEEKLY;COUNT=2", datetime(2025, 1, 6, 9), "UTC", EPOCH, 10)) == 2
    until = occurrences(
        "FREQ=DAILY;UNTIL=20250108T070000Z", datetime(2025, 1, 6, 9), "Europe/Riga", EPOCH, 10
    )
    assert [o.local.day for o in until] == [6, 7, 8]  # 09:00 Riga = 07:00 UTC on the 8th


@settings(max_examples=200, deadline=None)
@given(
    zone=st.sampled_from(
        [
            "Europe/Istanbul",
            "Asia/Tehran",
            "Australia/Lord_Howe",
            "America/New_York",
            "Asia/Jerusalem",
            "Pacific/Apia",
        ]
    ),
    start=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2038, 1, 1)),
    rule=st.sampled_from([p.rule for p in RRULE_PRESETS]),
    move=st.booleans(),
)
def test_occurrences_are_ordered_keep_wall_time_and_avoid_weekends_when_moving(
    zone: str, start: datetime, rule: str, move: bool
) -> None:
    start = start.replace(hour=10, minute=0, second=0, microsecond=0)
    found = occurrences(
        rule, start, zone, EPOCH, 6, move_to_working_day=move, country="TR", calendar=CAL
    )
    assert len(found) == 6
    assert [o.instant for o in found] == sorted(o.instant for o in found)
    for o in found:
        assert o.local.time() == start.time()
        if o.kind == "ok":
            assert to_wall(o.instant, zone) == o.local
        if move:
            assert o.local.weekday() not in (5, 6)
            assert CAL.holiday_on("TR", None, o.local.date()) is None
        else:
            assert o.moved_from is None


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("INTERVAL=2", "FREQ"),
        ("FREQ=FORTNIGHTLY", "FORTNIGHTLY"),
        ("FREQ=MINUTELY", "hourly"),
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL"),
        ("FREQ=DAILY;COUNT=x", "COUNT"),
        ("FREQ=DAILY;COUNT=2;UNTIL=20250101", "COUNT and UNTIL"),
        ("FREQ=WEEKLY;BYDAY=XX", "BYDAY"),
        ("FREQ=WEEKLY;COLOUR=RED", "COLOUR"),
        ("FREQ=WEEKLY;FREQ=DAILY", "twice"),
        ("garbage", "GARBAGE"),
    ],
)
def test_validate_rrule_explains_what_is_wrong(text: str, fragment: str) -> None:
    with pytest.raises(ValueError) as caught:
        validate_rrule(text)
    assert fragment in str(caught.value)
    assert str(caught.value).startswith("Not a valid repeat rule")


def test_validate_accepts_presets_and_prefix() -> None:
    for item in RRULE_PRESETS:
        validate_rrule(item.rule)
    validate_rrule("RRULE:FREQ=MONTHLY;INTERVAL=3")
    validate_rrule("freq=weekly;byday=mo,we")


def test_describe_rrule() -> None:
    assert describe_rrule("FREQ=MONTHLY;INTERVAL=3") == "Every 3 months"
    assert describe_rrule("FREQ=MONTHLY;BYDAY=3MO") == "Every month on the 3rd Monday"
    assert describe_rrule("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1") == "Every month on the last Monday"
    assert describe_rrule("FREQ=WEEKLY;INTERVAL=2") == "Every 2 weeks"
    assert describe_rrule("FREQ=WEEKLY;BYDAY=MO,WE") == "Every week on Monday and Wednesday"
    assert describe_rrule("FREQ=YEARLY") == "Every year"
    assert describe_rrule("FREQ=DAILY") == "Every day"
    assert describe_rrule("FREQ=MONTHLY;BYMONTHDAY=15") == "Every month on day 15"
    assert describe_rrule("FREQ=WEEKLY;COUNT=4") == "Every week, 4 times"
    assert describe_rrule("FREQ=DAILY;UNTIL=20250301") == "Every day, until 1 Mar 2025"
    assert describe_rrule("FREQ=YEARLY;BYWEEKNO=20") == "FREQ=YEARLY;BYWEEKNO=20"  # raw
    assert describe_rrule("nonsense") == "nonsense"
    for item in RRULE_PRESETS:
        assert describe_rrule(item.rule) == item.title  # the presets describe themselves


def test_the_rules_outlook_writes_for_a_yearly_date_and_a_months_last_day_are_described() -> None:
    """An .ics follow-up imported from Outlook showed its rule raw in the Repeats column
    ("FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=13") in every language."""
    assert describe_rrule("FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=13") == "Every year on 13 Apr"
    assert describe_rrule("FREQ=YEARLY;INTERVAL=2;BYMONTH=2;BYMONTHDAY=29") == (
        "Every 2 years on 29 Feb"
    )
    assert describe_rrule("FREQ=MONTHLY;BYMONTHDAY=-1") == "Every month on its last day"
    assert describe_rrule("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;COUNT=4") == (
        "Every 3 months on the last day, 4 times"
    )
    assert describe_rrule("FREQ=MONTHLY;BYMONTHDAY=-2") == "FREQ=MONTHLY;BYMONTHDAY=-2"  # raw
    with i18n.use_language("fa"):  # the rule's Gregorian date, in the language's words
        assert describe_rrule("FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=13") != (
            "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=13"
        )
        assert "۱۳" in describe_rrule("FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=13")


def test_describe_rrule_in_persian_uses_persian_digits() -> None:
    with i18n.use_language("fa"):
        assert "۳" in describe_rrule("FREQ=MONTHLY;INTERVAL=3")


#: The messages of a weekday of the month are one a weekday since the native review rev18's
#: 3rd ("Every month on the {ordinal} Monday", context "which Monday of the month"): until
#: the catalogs translate them these describe in English. Remove the mark with the
#: translations (strict: it fails once they pass).
def test_describe_rrule_in_persian_uses_persian_day_names() -> None:
    with i18n.use_language("fa"):
        assert "دوشنبه" in describe_rrule("FREQ=MONTHLY;BYDAY=3MO")


def test_presets() -> None:
    keys = [p.key for p in RRULE_PRESETS]
    assert keys == [
        "weekly",
        "biweekly",
        "monthly",
        "quarterly",
        "half_yearly",
        "yearly",
        "monthly_3rd_monday",
    ]
    assert preset("quarterly").rule == "FREQ=MONTHLY;INTERVAL=3"
    with pytest.raises(KeyError):
        preset("hourly")


def test_naive_after_is_refused() -> None:
    with pytest.raises(ValueError):
        occurrences("FREQ=DAILY", datetime(2025, 1, 1), "UTC", datetime(2025, 1, 1), 1)
    assert occurrences("FREQ=DAILY", datetime(2025, 1, 1), "UTC", EPOCH, 0) == []


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        # the first Monday of the month, not the Monday of its first week (December 2026
        # begins on a Tuesday: its first week's Monday is in November); the ordinal agrees
        # with the weekday (native review rev18's 3rd)
        ("FREQ=MONTHLY;BYDAY=1MO", "Vsak prvi ponedeljek v mesecu"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "Vsak zadnji petek v mesecu"),
        ("FREQ=MONTHLY;BYDAY=3WE", "Vsaka tretja sreda v mesecu"),
    ],
)
def test_slovenian_nth_weekday_of_the_month(rule: str, text: str) -> None:
    with i18n.use_language("sl"):
        assert describe_rrule(rule) == text
