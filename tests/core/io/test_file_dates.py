"""The dates of other products' exports (core/io/dates.py): Google's ISO dates and yearless
``--MM-DD``, Outlook's short dates of each Windows language and its ``0/0/00`` for none, and
the order of day and month never guessed."""

from __future__ import annotations

import pytest

from accountdesk.core.i18n import use_language
from accountdesk.core.io import dates
from accountdesk.core.io.dates import DAY_FIRST, MONTH_FIRST, first_order, iso_parts, read
from accountdesk.core.io.sources import (
    OUTLOOK_HEADERS,
    code_page_language,
    date_order,
    header_language,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1984-05-17", (1984, 5, 17)),
        (" --12-25", (None, 12, 25)),  # Google writes a space before a yearless date
        ("--02-29", (None, 2, 29)),  # a yearly 29 February is a date
        ("19840517", (1984, 5, 17)),
        ("1984-05-17T00:00:00", (1984, 5, 17)),
        ("1984/05/17", (1984, 5, 17)),  # a year first is never in doubt
    ],
)
def test_google_and_iso_dates_are_read_without_an_order(
    text: str, expected: tuple[int | None, int, int]
) -> None:
    assert read(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "0/0/00", "0.0.00", "00.00.0000", "0. 0. 00"])
def test_outlooks_empty_dates_are_no_date(text: str) -> None:
    assert read(text) is None
    assert read(text, DAY_FIRST, "lv") is None


@pytest.mark.parametrize(
    ("text", "order", "language", "expected"),
    [
        ("5/17/1984", None, None, (1984, 5, 17)),  # 17 is no month: month first
        ("17/5/1984", None, None, (1984, 5, 17)),
        ("4/4/1990", None, None, (1990, 4, 4)),  # either order, one date
        ("3/4/1990", MONTH_FIRST, None, (1990, 3, 4)),  # United States
        ("3/4/1990", DAY_FIRST, None, (1990, 4, 3)),  # United Kingdom
        ("17.05.1984.", DAY_FIRST, "lv", (1984, 5, 17)),  # Latvian Windows
        ("3. 04. 1990", DAY_FIRST, "sl", (1990, 4, 3)),  # Slovenian Windows
        ("3.04.1990", DAY_FIRST, "tr", (1990, 4, 3)),  # Turkish Windows
        ("17/5/2527", DAY_FIRST, "th", (1984, 5, 17)),  # Thai Windows: the Buddhist era
        ("17/5/1984", DAY_FIRST, "th", (1984, 5, 17)),  # a Gregorian year stays one
        ("1363/02/27", None, "fa", (1984, 5, 17)),  # Persian Windows: the Solar Hijri year
    ],
)
def test_windows_short_dates_are_read_in_the_files_order_and_calendar(
    text: str, order: str | None, language: str | None, expected: tuple[int, int, int]
) -> None:
    assert read(text, order, language) == expected


def test_a_date_either_order_reads_is_refused_naming_both_readings() -> None:
    with pytest.raises(ValueError) as caught:
        read("3/4/1990")
    reason = str(caught.value)
    assert reason.startswith("could be 3 April 1990 or 4 March 1990")
    assert "date_order" in reason
    # in the user's language and calendar
    with use_language("fa"), pytest.raises(ValueError) as persian:
        read("3/4/1990")
    assert "۱۴ فروردین ۱۳۶۹" in str(persian.value)


@pytest.mark.parametrize(
    ("text", "order", "reason"),
    [
        ("5/17/1984", DAY_FIRST, "is not a date with the day before the month"),
        ("17/5/1984", MONTH_FIRST, "is not a date with the month before the day"),
        ("31/31/1984", None, "is not a date"),
        ("1984-02-30", None, "is not a date"),
        ("--13-01", None, "is not a date"),
        ("5/17/84", None, "has a year of 2 digits"),
        ("soon", None, "is not a date AccountDesk reads"),
        ("17 May 1984", DAY_FIRST, "is not a date AccountDesk reads"),
    ],
)
def test_what_is_not_a_date_says_why(text: str, order: str | None, reason: str) -> None:
    with pytest.raises(ValueError) as caught:
        read(text, order)
    assert str(caught.value).startswith(reason)


SOLAR_HIJRI = "if 1363 is a Solar Hijri year: write it as 1984-05-17"
BUDDHIST_ERA = "if 2527 is a year of the Buddhist era: write it as 1984-{day}"


@pytest.mark.parametrize(
    ("text", "order", "language", "second"),
    [
        ("1363/02/27", None, None, f"17 May 1984 {SOLAR_HIJRI}"),
        ("17/5/2527", DAY_FIRST, None, f"17 May 1984 {BUDDHIST_ERA.format(day='05-17')}"),
        ("2527-12-05", None, None, f"5 December 1984 {BUDDHIST_ERA.format(day='12-05')}"),
        ("2527-12-05", None, "lv", f"5 December 1984 {BUDDHIST_ERA.format(day='12-05')}"),
        ("1363/02/27", None, "th", f"17 May 1984 {SOLAR_HIJRI}"),
        ("13/5/2527", None, None, f"13 May 1984 {BUDDHIST_ERA.format(day='05-13')}"),
    ],
)
def test_a_year_only_another_calendar_makes_a_date_is_refused_naming_both(
    text: str, order: str | None, language: str | None, second: str
) -> None:
    """A Solar Hijri or Buddhist-era year in a file that does not say its calendar (UTF-8, an
    English app) is a calendar misread, never stored as the year 1363 or 2527."""
    with pytest.raises(dates.Misread) as caught:
        read(text, order, language)
    year = "1363" if "1363" in text else "2527"
    assert str(caught.value) == (
        f"could be in the year {year} of the Gregorian calendar, or {second}, or import the "
        f"file with the app in {'Persian' if year == '1363' else 'Thai'}"
    )


def test_a_misread_year_is_named_in_the_users_digits_and_calendar() -> None:
    with use_language("th"), pytest.raises(dates.Misread) as caught:
        read("1363/02/27")
    assert str(caught.value).startswith(
        "อาจเป็นปี 1363 ตามปฏิทินเกรกอเรียน หรือ 17 พฤษภาคม พ.ศ. 2527 หาก 1363"
    )


@pytest.mark.parametrize(
    ("text", "app", "expected"),
    [
        ("1363/02/27", "fa", (1984, 5, 17)),
        ("17/5/2527", "th", (1984, 5, 17)),
        ("2527-12-05", "th", (1984, 12, 5)),
        ("1984-05-17", "fa", (1984, 5, 17)),  # a Gregorian year stays one
        ("17/5/1984", "th", (1984, 5, 17)),
        ("1850-01-01", "fa", (1850, 1, 1)),  # no calendar makes it likelier: kept as written
    ],
)
def test_a_file_that_does_not_say_reads_the_apps_calendar_where_gregorian_does_not_fit(
    text: str, app: str, expected: tuple[int, int, int]
) -> None:
    with use_language(app):
        assert read(text) == expected


def test_a_year_no_calendar_makes_likelier_is_kept_as_written() -> None:
    """Values a file holds are kept (validation.keeping); only a calendar misread is not."""
    assert read("1850-01-01") == (1850, 1, 1)
    assert read("2150-01-01") == (2150, 1, 1)


def test_the_first_date_that_shows_an_order_tells_the_files() -> None:
    assert first_order(["0/0/00", "3/4/1990", "5/17/1984", "17/5/1984"]) == MONTH_FIRST
    assert first_order(["", "4/4/1990", "13.12.1970"]) == DAY_FIRST
    assert first_order(["3/4/1990", "1984-05-17"]) is None


def test_the_order_of_a_files_language() -> None:
    # a localised Outlook header tells its language, and so its order
    for language, (_code_page, names) in OUTLOOK_HEADERS.items():
        header = [names["First Name"], names["Company"], "Birthday"]
        assert header_language(header) == language
        assert date_order(language) == DAY_FIRST
    # English Windows writes either order
    assert header_language(["First Name", "Company", "Birthday"]) is None
    assert date_order("en") is None and date_order(None) is None
    # the code page a file was read in tells the calendar of its years (not the order)
    assert [code_page_language(cp) for cp in ("cp1257", "cp874", "cp1252")] == ["lv", "th", "en"]
    assert code_page_language(None) is None


def test_iso_parts_are_the_forms_vcard_and_our_own_column_write() -> None:
    assert iso_parts("1985-04-12") == (1985, 4, 12)
    assert iso_parts("19850412") == (1985, 4, 12)
    assert iso_parts("--0412") == (None, 4, 12)
    assert iso_parts("--04-12") == (None, 4, 12)
    assert iso_parts("12.04.1985") is None
    assert dates.ORDERS == (DAY_FIRST, MONTH_FIRST)
