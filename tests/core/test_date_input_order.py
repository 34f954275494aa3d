"""English (en_GB, typed in ISO 8601: Language.iso_date_input) has readers who write the day
first and readers who write the month first. "3/12/2025" was read as 3 December without a
word; an American meant 12 March. A date that reads two ways is refused, never guessed, and
the message gives both in the order the field's placeholder shows (YYYY-MM-DD), as a number
that reads two ways is (validation.decimal). Languages with one day-first order keep it."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from accountdesk.core import validation as v
from accountdesk.core.i18n import (
    DateInputError,
    date_input_placeholder,
    parse_date_input,
    parse_datetime_input,
    use_language,
)
from accountdesk.core.validation import ValidationError


def test_an_english_date_that_reads_two_ways_is_refused_with_both() -> None:
    with use_language("en"):
        assert date_input_placeholder() == "YYYY-MM-DD"
        with pytest.raises(DateInputError) as error:
            parse_date_input("3/12/2025")
        assert str(error.value) == "is unclear: write 2025-12-03 or 2025-03-12, whichever you mean"
        with pytest.raises(ValidationError) as refused:
            v.parse_date("date", "3/12/2025")
        assert str(refused.value).startswith("Date \u201c3/12/2025\u201d: is unclear")


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("25/12/2025", date(2025, 12, 25)),  # no 25th month: day first
        ("12/25/2025", date(2025, 12, 25)),  # no 25th month: month first
        ("3/3/2025", date(2025, 3, 3)),
        ("2025-12-03", date(2025, 12, 3)),
    ],
)
def test_an_english_date_that_reads_one_way_is_taken(typed: str, day: date) -> None:
    with use_language("en"):
        assert parse_date_input(typed) == day


@pytest.mark.parametrize("lang", ["lv", "sl", "tr"])
def test_day_first_languages_keep_their_order(lang: str) -> None:
    with use_language(lang):
        assert parse_date_input("03.12.2025") == date(2025, 12, 3)


@pytest.mark.parametrize(
    ("lang", "typed"),
    [
        ("lv", "30.11.2026."),  # Latvian writes the year as an ordinal, with its dot
        ("sl", "30. 11. 2026."),  # as Slovenes often type it
        ("tr", "30.11.2026."),
    ],
)
def test_a_dotted_date_may_end_in_a_dot(lang: str, typed: str) -> None:
    with use_language(lang):
        assert parse_date_input(typed) == date(2026, 11, 30)
        assert parse_datetime_input(typed + " 10:00") == datetime(2026, 11, 30, 10, 0)
        assert parse_datetime_input(typed + ", 10.00") == datetime(2026, 11, 30, 10, 0)
        assert v.parse_date("date", typed) == date(2026, 11, 30)


@pytest.mark.parametrize("typed", ["30/11/2026.", "30-11-2026.", "30.11.2026..", "2026-11-30."])
def test_only_a_dotted_date_ends_in_a_dot(typed: str) -> None:
    with use_language("lv"), pytest.raises(DateInputError):
        parse_date_input(typed)
