"""A working-hours time written as HH:MM but outside the day ("25:00", "9:75") is not a time of
day: it was refused as "is not a time in the form HH:MM", though it is in that form."""

from __future__ import annotations

import pytest

from accountdesk.core import validation as v
from accountdesk.core.i18n import use_language
from accountdesk.core.records import ContactInput, clean_contact
from accountdesk.core.validation import ValidationError


@pytest.mark.parametrize("typed", ["25:00", "24:00", "9:75", "۲۵:۰۰"])
def test_a_time_in_the_form_but_outside_the_day_says_so(typed: str) -> None:
    with pytest.raises(ValidationError) as error:
        v.parse_hhmm("work_hours", typed)
    assert error.value.reason == "is not a time of day (00:00 to 23:59)"


def test_text_that_is_no_time_still_asks_for_the_form() -> None:
    with pytest.raises(ValidationError) as error:
        v.parse_hhmm("work_hours", "nine")
    assert error.value.reason == "is not a time in the form HH:MM"


def test_the_contact_form_names_the_field_and_the_value() -> None:
    data = ContactInput(
        "a", "Ilze", "LV", timezone="Europe/Riga", work_start="9:00", work_end="25:00"
    )
    with pytest.raises(ValidationError) as error:
        clean_contact(data)
    assert str(error.value) == (
        "Working hours \u201c25:00\u201d: is not a time of day (00:00 to 23:59)"
    )


def test_the_range_is_written_in_the_languages_digits() -> None:
    with use_language("fa"), pytest.raises(ValidationError) as error:
        v.parse_hhmm("work_hours", "25:00")
    assert "۲۳:۵۹" in error.value.reason
