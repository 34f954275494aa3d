"""Repeat rules with parts out of RFC 5545's ranges, or that never fall on a date that
exists, are refused with a message that names the part (dateutil accepts BYMONTHDAY=0 and
runs it daily, and BYMONTHDAY=32 or 30 February with no occurrence at all)."""

from __future__ import annotations

from datetime import datetime

import pytest

from accountdesk.core.timekeeping.recurrence import validate_rrule


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY must be 1 to 31 or −31 to −1, not “0”"),
        ("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY must be 1 to 31 or −31 to −1, not “32”"),
        ("FREQ=MONTHLY;BYMONTHDAY=1,-32", "BYMONTHDAY must be 1 to 31 or −31 to −1, not “-32”"),
        ("FREQ=YEARLY;BYMONTH=13", "BYMONTH must be 1 to 12, not “13”"),
        ("FREQ=YEARLY;BYMONTH=0", "BYMONTH must be 1 to 12, not “0”"),
        ("FREQ=DAILY;BYHOUR=24", "BYHOUR must be 0 to 23, not “24”"),
        ("FREQ=DAILY;BYMINUTE=60", "BYMINUTE must be 0 to 59, not “60”"),
        ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", "BYSETPOS must be 1 to 366 or −366 to −1, not “0”"),
        ("FREQ=YEARLY;BYYEARDAY=367", "BYYEARDAY must be 1 to 366 or −366 to −1, not “367”"),
        ("FREQ=YEARLY;BYWEEKNO=54;BYDAY=MO", "BYWEEKNO must be 1 to 53 or −53 to −1, not “54”"),
        ("FREQ=MONTHLY;BYMONTHDAY=x", "BYMONTHDAY must be a whole number, not “X”"),
        ("FREQ=WEEKLY;BYDAY=XX", "BYDAY must be days such as MO, FR or 3MO, not “XX”"),
        ("FREQ=MONTHLY;BYDAY=0MO", "BYDAY must be days such as MO, FR or 3MO, not “0MO”"),
        ("FREQ=WEEKLY;WKST=XX", "WKST must be a day: MO, TU, WE, TH, FR, SA or SU, not “XX”"),
    ],
)
def test_a_part_out_of_range_is_named(rule: str, message: str) -> None:
    with pytest.raises(ValueError) as info:
        validate_rrule(rule)
    assert str(info.value) == f"Not a valid repeat rule: {message}"


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=MONTHLY;BYMONTH=4,6;BYMONTHDAY=31",
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30,31",
    ],
)
def test_a_rule_on_no_date_that_exists_is_refused(rule: str) -> None:
    with pytest.raises(ValueError, match="never repeats on a date that exists"):
        validate_rrule(rule)


def test_a_rule_with_no_date_from_its_start_is_refused() -> None:
    start = datetime(2027, 1, 4, 10)  # a Monday in January
    with pytest.raises(ValueError, match="no date on or after"):
        validate_rrule("FREQ=MONTHLY;INTERVAL=12;BYMONTH=2", start)  # Januaries only
    with pytest.raises(ValueError, match="no date on or after"):
        validate_rrule("FREQ=WEEKLY;UNTIL=20260101T000000Z", start)
    validate_rrule("FREQ=MONTHLY;INTERVAL=12;BYMONTH=2", datetime(2027, 2, 1, 10))


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=MONTHLY;BYMONTHDAY=-1",
        "FREQ=MONTHLY;BYMONTHDAY=31",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        "FREQ=MONTHLY;BYDAY=-1FR",
        "FREQ=MONTHLY;BYDAY=+2TU",
        "FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1",
        "FREQ=DAILY;BYHOUR=0,23;BYMINUTE=0,59",
        "FREQ=YEARLY;BYWEEKNO=-53,1;BYDAY=MO;WKST=SU",
        "FREQ=YEARLY;BYYEARDAY=-366,366",
    ],
)
def test_rules_in_range_are_valid(rule: str) -> None:
    validate_rrule(rule)
    validate_rrule(rule, datetime(2027, 1, 4, 10))
