"""Dates in the files other products export: the one reader of a birthday, anniversary or
other date cell of a CSV file, and of the ISO 8601 forms that vCard files and AccountDesk's own
``important_dates`` column write.

What the products write:

* Google Contacts: ``1984-05-17``, and ``--05-17`` for a date without its year (written with a
  space in front, `` --05-17``).
* Outlook desktop: the short date of Windows' regional format, with a four-digit year:
  ``5/17/1984`` in the United States, ``17/05/1984`` in the United Kingdom, ``17.05.1984.`` in
  Latvia, ``17. 05. 1984`` in Slovenia, ``17.05.1984`` in Turkey, ``17/5/2527`` in Thailand
  (the Buddhist era). A contact without the date has ``0/0/00`` (``0.0.00`` …) or nothing.

Where the numbers leave the order of day and month open (``3/4/1990``), the order is the one
the user chose (a mapping's ``date_order``), the one the language of the file's header writes
(a localised Outlook's: :func:`accountdesk.core.io.sources.date_order`), or the one another date
of the same file shows (``17/5/1984`` has the day first). With none of these the date is
refused, never guessed.

A year is read in the calendar of the file's language when the file tells it (a localised
Outlook's header, its Windows code page: Thai ``17/5/2527``), as a date typed in a field is
(:func:`accountdesk.core.i18n.parse_date_input`: a Solar Hijri year 1300–1500 in Persian, a
Buddhist-era year from 2400 in Thai, other years Gregorian). A file that does not tell (UTF-8,
a vCard) has Gregorian years, unless the app's language's calendar alone makes the date one a
record holds (1900–2100): ``1363/02/27`` in Persian, ``2527-05-17`` in Thai. A year that
leaves the date outside those years while another of those calendars would read it as one
(``2527-05-17`` in an English app) is refused naming both readings: it is a calendar misread,
not a value written before the rule (:func:`accountdesk.core.validation.keeping`), and is
never stored as the year 2527.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from accountdesk.core.calendars import BUDDHIST, GREGORIAN, PERSIAN, default_calendar
from accountdesk.core.i18n import (
    LANGUAGES,
    DateInputError,
    _,
    current_language,
    format_date,
    format_number,
    localize_digits,
    parse_date_input,
    use_language,
)

DAY_FIRST = "dmy"
MONTH_FIRST = "mdy"
ORDERS = (DAY_FIRST, MONTH_FIRST)

_ISO = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_NO_YEAR = re.compile(r"--(\d{2})-?(\d{2})")
#: A year first with any separator (``1984/05/17``, Hungarian ``1984. 05. 17.``): one order only.
_YEAR_FIRST = re.compile(r"(\d{4})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{1,2})\.?")
#: Day and month in either order, then the year (``5/17/1984``, ``17. 05. 1984``, ``17.05.1984.``).
_NUMBERS = re.compile(r"(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d+)\.?")
#: A time after a date (``1984-05-17T00:00:00``, ``1984-05-17 00:00``): the date is read.
_TIME = re.compile(r"(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")


Parts = tuple[int | None, int, int]  # (year or None, month, day)


def iso_parts(text: str) -> Parts | None:
    """(year or None, month, day) of an ISO 8601 date: ``19840517``, ``1984-05-17``, or without
    its year ``--0517``, ``--05-17``; None when ``text`` is neither. The numbers are not checked
    (vCard reads a year 0000 as no year)."""
    found = _NO_YEAR.fullmatch(text)
    if found is not None:
        return None, int(found.group(1)), int(found.group(2))
    found = _ISO.fullmatch(text)
    if found is None:
        return None
    year, month, day = (int(g) for g in found.groups())
    return year, month, day


def is_empty(text: str) -> bool:
    """True for a cell that holds no date: nothing, or Outlook's ``0/0/00`` (only zeros)."""
    if not text.strip():
        return True
    digits = [ch for ch in text if ch.isdigit()]
    return bool(digits) and all(ch == "0" for ch in digits) and not any(ch.isalpha() for ch in text)


def order_shown(text: str) -> str | None:
    """The order of day and month that ``text`` itself shows: :data:`DAY_FIRST` for
    ``17/5/1984``, :data:`MONTH_FIRST` for ``5/17/1984``; None when either order reads it."""
    found = _NUMBERS.fullmatch(text.strip())
    if found is None:
        return None
    first, second = int(found.group(1)), int(found.group(3))
    if first > 12 >= second:
        return DAY_FIRST
    if second > 12 >= first:
        return MONTH_FIRST
    return None


def first_order(cells: Iterable[str]) -> str | None:
    """The order the first of ``cells`` that shows one shows (:func:`order_shown`)."""
    for cell in cells:
        order = order_shown(cell)
        if order is not None:
            return order
    return None


def _gregorian(year: int, month: int, day: int, language: str | None) -> date:
    """The date of these numbers as ``language`` writes them: a year of the Buddhist era in
    Thai, of the Solar Hijri calendar in Persian (the years
    :func:`accountdesk.core.i18n.parse_date_input` reads as such), Gregorian for None;
    ValueError if none."""
    if language is None or default_calendar(language) == GREGORIAN:
        return date(year, month, day)
    with use_language(language):
        try:
            return parse_date_input(f"{year:04d}-{month:02d}-{day:02d}")
        except DateInputError:
            raise ValueError(f"{year}-{month}-{day}") from None


#: The app's languages whose calendar is not Gregorian: the other readings of a year.
_OTHER_CALENDARS = tuple(code for code in LANGUAGES if default_calendar(code) != GREGORIAN)


class Misread(ValueError):
    """A year read in one calendar that another reads as a date a record holds."""


def _misread(year: int, there: date, language: str) -> Misread:
    """Why a date whose ``year`` is read as a Gregorian year out of a record's years is
    refused when ``language``'s calendar reads it as ``there``: both readings, the date to
    write instead and the app's language that reads the year so."""
    values = {
        "year": localize_digits(str(year)),
        "date": format_date(there, "long"),  # in the user's calendar
        "example": there.isoformat(),
    }
    if default_calendar(language) == PERSIAN:
        text = _(
            "could be in the year {year} of the Gregorian calendar, or {date} if {year} is a "
            "Solar Hijri year: write it as {example}, or import the file with the app in Persian"
        )
    else:
        assert default_calendar(language) == BUDDHIST
        text = _(
            "could be in the year {year} of the Gregorian calendar, or {date} if {year} is a "
            "year of the Buddhist era: write it as {example}, or import the file with the app "
            "in Thai"
        )
    return Misread(text.format(**values))


def reading(year: int, month: int, day: int, language: str | None = None) -> date:
    """The date a file's numbers give, the year read in the calendar of ``language`` (the
    file's), or when it is None (not known) as a Gregorian year, else in the calendar of the
    app's language where that one makes the date one a record holds (1900–2100). A
    ValueError says, for the user, why not: no date, or a year another calendar reads as a
    date a record holds while these do not (:class:`Misread`, both readings named)."""
    # imported here: the command line's parser imports this module (sources.DAY_FIRST) before
    # the window is shown, and validation brings phonenumbers (tests/ui/test_startup.py)
    from accountdesk.core.validation import EARLIEST_DAY, LATEST_DAY

    found: date | None = None
    for calendar in [language] if language else [None, current_language().code]:
        try:
            read_so = _gregorian(year, month, day, calendar)
        except ValueError:
            continue
        if EARLIEST_DAY <= read_so <= LATEST_DAY:
            return read_so
        found = found or read_so
    if found is None:
        raise ValueError(_("is not a date"))
    for other in _OTHER_CALENDARS:
        try:
            there = _gregorian(year, month, day, other)
        except ValueError:
            continue
        if there != found and EARLIEST_DAY <= there <= LATEST_DAY:
            raise _misread(year, there, other)
    return found


def read(text: str, order: str | None = None, language: str | None = None) -> Parts | None:
    """(year or None, month, day) of a date cell of a file; None when it holds no date.

    ``order`` (:data:`DAY_FIRST`, :data:`MONTH_FIRST` or None) is the order of day and month of
    the file's dates, ``language`` the language of the Windows that wrote the file (its year's
    calendar), None when not known. A ValueError says, for the user, why ``text`` is not a
    date: among others when the order is needed and not known."""
    text = text.strip()
    if is_empty(text):
        return None
    text = _TIME.sub("", text, count=1)
    parts = iso_parts(text)
    if parts is not None:
        year, month, day = parts
        if year is None:
            try:
                date(2000, month, day)  # a leap year: 29 February is a yearly date
            except ValueError:
                raise ValueError(_("is not a date")) from None
            return parts
        return _checked(year, month, day, language)
    found = _YEAR_FIRST.fullmatch(text)
    if found is not None:
        year, month, day = int(found.group(1)), int(found.group(3)), int(found.group(4))
        return _checked(year, month, day, language)
    found = _NUMBERS.fullmatch(text)
    if found is None:
        raise ValueError(
            _(
                "is not a date AccountDesk reads: write it as 1984-05-17, as --05-17 without "
                "the year, or as day, month and year in numbers (17.05.1984, 5/17/1984)"
            )
        )
    first, second, year_text = int(found.group(1)), int(found.group(3)), found.group(4)
    if len(year_text) != 4:
        raise ValueError(
            _("has a year of {n} digits: write the year in full, such as 1984").format(
                n=format_number(len(year_text))
            )
        )
    year = int(year_text)
    if order is not None:
        day, month = (first, second) if order == DAY_FIRST else (second, first)
        try:
            return _checked(year, month, day, language)
        except Misread:
            raise
        except ValueError:
            if order == DAY_FIRST:
                reason = _("is not a date with the day before the month, as this file writes")
            else:
                reason = _("is not a date with the month before the day, as this file writes")
            raise ValueError(reason) from None
    readings: list[date] = []
    refused: list[ValueError] = []
    for day, month in ((first, second), (second, first)):
        try:
            readings.append(reading(year, month, day, language))
        except ValueError as error:
            refused.append(error)
    if not readings:
        raise refused[0]
    if len(readings) == 2 and readings[0] != readings[1]:
        raise ValueError(
            _(
                "could be {first} or {second}, and nothing in the file says whether its dates "
                "give the day or the month first; choose the order of the file's dates (in the "
                'import dialog, or date_order = "dmy" or "mdy" in a mapping file)'
            ).format(
                first=format_date(readings[0], "long"), second=format_date(readings[1], "long")
            )
        )
    found_date = readings[0]
    return found_date.year, found_date.month, found_date.day


def _checked(year: int, month: int, day: int, language: str | None) -> Parts:
    """The Gregorian (year, month, day) of these numbers (:func:`reading`)."""
    found = reading(year, month, day, language)
    return found.year, found.month, found.day
