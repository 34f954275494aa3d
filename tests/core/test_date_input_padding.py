"""A date field writes day and month as the language's short date pattern (CLDR, through
Babel) does: a leading zero where the pattern has two letters, none where it has one.
Slovenian fields wrote "09. 03. 2027" where Slovenes write "9. 3. 2027" ("d. M. yy"); Thai
wrote "09/03/2570" for "d/M/yy". Whatever is shown, padded or not, is read back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from babel import Locale

from accountdesk.core import i18n
from accountdesk.core.i18n import (
    date_input_placeholder,
    format_date_input,
    format_datetime_input,
    parse_date_input,
    parse_datetime_input,
    use_language,
)

NINTH_OF_MARCH = date(2027, 3, 9)


@pytest.mark.parametrize(
    ("lang", "shown", "placeholder"),
    [
        ("en", "2027-03-09", "YYYY-MM-DD"),  # ISO 8601 (iso_date_input): always two digits
        ("lv", "09.03.2027", "22.03.2027"),  # dd.MM.yy
        ("sl", "9. 3. 2027", "22. 3. 2027"),  # d. M. yy
        ("th", "9/3/2570", "22/3/2570"),  # d/M/yy, in the Buddhist era
        ("tr", "9.03.2027", "22.03.2027"),  # d.MM.y: the month keeps its zero, the day not
        ("fa", "۱۴۰۵/۱۲/۱۸", "۱۴۰۶/۰۱/۰۲"),  # Solar Hijri y/MM/dd, as written in Iran
    ],
)
def test_a_date_field_pads_as_the_languages_short_date_does(
    lang: str, shown: str, placeholder: str
) -> None:
    with use_language(lang):
        assert format_date_input(NINTH_OF_MARCH) == shown
        assert date_input_placeholder() == placeholder
        assert parse_date_input(shown) == NINTH_OF_MARCH


@pytest.mark.parametrize("lang", ["lv", "sl", "th", "tr"])
def test_the_padding_is_cldrs(lang: str) -> None:
    """The day-first languages' fields follow Babel's short pattern, letter for letter: a
    CLDR update that changes a language's padding changes the field with it."""
    pattern = str(Locale.parse(i18n.LANGUAGES[lang].locale).date_formats["short"].pattern)
    day_digits = 2 if "dd" in pattern else 1
    month_digits = 2 if "MM" in pattern else 1
    with use_language(lang):
        text = format_date_input(NINTH_OF_MARCH).replace("/", ".")
        day, month, _year = (part.strip() for part in text.split("."))
    assert (len(day), len(month)) == (day_digits, month_digits), pattern


@pytest.mark.parametrize(
    ("lang", "typed"),
    [
        ("sl", ["9. 3. 2027", "09. 03. 2027", "9.3.2027", "09.03.2027", "9. 3. 2027."]),
        ("tr", ["9.03.2027", "09.03.2027", "9.3.2027"]),
        ("lv", ["09.03.2027", "9.3.2027", "09.03.2027."]),
        ("th", ["9/3/2570", "09/03/2570", "9/03/2570"]),
        ("fa", ["۱۴۰۵/۱۲/۱۸", "۱۴۰۵/۱۲/۱۸", "1405/12/18"]),
    ],
)
def test_padded_and_unpadded_dates_are_both_read(lang: str, typed: list[str]) -> None:
    with use_language(lang):
        for text in typed:
            assert parse_date_input(text) == NINTH_OF_MARCH, text


@pytest.mark.parametrize("lang", sorted(i18n.LANGUAGES))
def test_every_day_of_a_year_reads_back_as_shown(lang: str) -> None:
    with use_language(lang):
        for n in range(366):
            day = date(2028, 1, 1) + timedelta(days=n)
            assert parse_date_input(format_date_input(day)) == day
        when = datetime(2027, 3, 9, 8, 5)
        assert parse_datetime_input(format_datetime_input(when)) == when


@pytest.fixture
def gregorian() -> Iterator[None]:
    i18n.set_calendar_preference("gregorian")
    yield
    i18n.set_calendar_preference("auto")


def test_with_the_gregorian_setting_thai_pads_as_its_pattern_too(gregorian: None) -> None:
    with use_language("th"):
        assert format_date_input(NINTH_OF_MARCH) == "9/3/2027"
        assert parse_date_input("09/03/2027") == NINTH_OF_MARCH
