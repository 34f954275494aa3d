"""Calendar systems: Solar Hijri (Jalali) for Persian, Buddhist era for Thai, else Gregorian.

Only the arithmetic and the calendar's own names live here; formatting and parsing of dates
in every screen, command and report is :mod:`accountdesk.core.i18n` (``format_date``,
``format_datetime``, ``parse_date_input``), which imports this module. The months and years
of a calendar (:func:`month_span`, :func:`add_months`, :func:`year_of`, :func:`year_span`,
:func:`spans`) are here too: the month pages of the date fields' calendar, the Countries
screen's year and the months and quarters of the reports' charts.

The Jalali conversion is the arithmetic of the 33-year break table used by the Iranian
calendar (Borkowski's algorithm, as in the jalaali libraries), valid for Jalali years
-61 … 3177. A day before Solar Hijri year 1 or after 3177 (:data:`PERSIAN_FIRST` …
:data:`PERSIAN_LAST`: Gregorian 622 … 3799) is written in the Gregorian calendar
(:func:`written_in`): Python's dates run from year 1 to 9999, and the table says nothing of
the Iranian calendar's leap years after it.
"""

from __future__ import annotations

from datetime import date, timedelta

GREGORIAN = "gregorian"
PERSIAN = "persian"
BUDDHIST = "buddhist"
CALENDARS = (GREGORIAN, PERSIAN, BUDDHIST)
BUDDHIST_ERA_OFFSET = 543
_DAY = timedelta(days=1)

#: CLDR's month names of the Persian calendar in Persian (abbreviated and wide are the same).
PERSIAN_MONTHS = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)
#: CLDR's era names (abbreviated, wide) of the Persian calendar in Persian and of the
#: Buddhist calendar in Thai.
PERSIAN_ERA = ("ه\u200d.ش.", "هجری شمسی")
BUDDHIST_ERA = ("พ.ศ.", "พุทธศักราช")
_BREAKS = (
    -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262,
    2324, 2394, 2456, 3178,
)  # fmt: skip


def _div(a: int, b: int) -> int:
    return int(a / b)


def _mod(a: int, b: int) -> int:
    return a - _div(a, b) * b


def _jal_cal(jy: int) -> tuple[int, int, int]:
    """(years since the last leap year 0–4, Gregorian year, March day of 1 Farvardin)."""
    if not _BREAKS[0] <= jy < _BREAKS[-1]:
        raise ValueError(f"Jalali year {jy} is out of range")
    gy = jy + 621
    leap_j = -14
    jp = _BREAKS[0]
    jump = 0
    for jm in _BREAKS[1:]:
        jump = jm - jp
        if jy < jm:
            break
        leap_j += _div(jump, 33) * 8 + _div(_mod(jump, 33), 4)
        jp = jm
    n = jy - jp
    leap_j += _div(n, 33) * 8 + _div(_mod(n, 33) + 3, 4)
    if _mod(jump, 33) == 4 and jump - n == 4:
        leap_j += 1
    leap_g = _div(gy, 4) - _div((_div(gy, 100) + 1) * 3, 4) - 150
    march = 20 + leap_j - leap_g
    if jump - n < 6:
        n = n - jump + _div(jump + 4, 33) * 33
    leap = _mod(_mod(n + 1, 33) - 1, 4)
    if leap == -1:
        leap = 4
    return leap, gy, march


def is_jalali_leap(jy: int) -> bool:
    return _jal_cal(jy)[0] == 0


def jalali_to_gregorian(jy: int, jm: int, jd: int) -> date:
    if not 1 <= jm <= 12 or not 1 <= jd <= jalali_month_length(jy, jm):
        raise ValueError(f"{jy}-{jm}-{jd} is not a Jalali date")
    _, gy, march = _jal_cal(jy)
    ordinal = date(gy, 3, march).toordinal() + (jm - 1) * 31 - _div(jm, 7) * (jm - 7) + jd - 1
    return date.fromordinal(ordinal)


def jalali_month_length(jy: int, jm: int) -> int:
    if jm <= 6:
        return 31
    if jm <= 11:
        return 30
    return 30 if is_jalali_leap(jy) else 29


def _farvardin_first(jy: int) -> date:
    _, gy, march = _jal_cal(jy)
    return date(gy, 3, march)


#: The first and last days written in the Solar Hijri calendar (:func:`written_in`): 1 Farvardin
#: of year 1 (622-03-22; the table reaches back to year -61, but a year of the era is never
#: written before its first) and the last day of 3177 (3799-03-19), where the table ends.
PERSIAN_FIRST = _farvardin_first(1)
PERSIAN_LAST = jalali_to_gregorian(_BREAKS[-1] - 1, 12, jalali_month_length(_BREAKS[-1] - 1, 12))


def gregorian_to_jalali(d: date) -> tuple[int, int, int]:
    """(year, month 1–12, day) in the Solar Hijri calendar, for a day of the years the table
    covers, -61 to 3177 (ValueError outside)."""
    if not _farvardin_first(_BREAKS[0]) <= d <= PERSIAN_LAST:
        raise ValueError(f"{d} is outside the Solar Hijri years {_BREAKS[0]} … {_BREAKS[-1] - 1}")
    # the Solar Hijri year that starts in March of d's year (the last one starts a year earlier)
    jy = min(d.year - 621, _BREAKS[-1] - 1)
    first = _farvardin_first(jy)
    if d < first:
        jy -= 1
        first = _farvardin_first(jy)
    k = (d - first).days  # the day of the year, from 0; six months of 31 days, then of 30
    if k < 186:
        return jy, 1 + k // 31, k % 31 + 1
    return jy, 7 + (k - 186) // 30, (k - 186) % 30 + 1


def written_in(day: date, calendar: str) -> str:
    """The calendar ``day`` is written in when ``calendar`` is asked for: ``calendar``, or
    Gregorian for a day before the first Solar Hijri year (:data:`PERSIAN_FIRST`) or after
    the last the conversion covers (:data:`PERSIAN_LAST`). Dates, years and quarters are
    written (:mod:`accountdesk.core.i18n`) and counted (:func:`year_of`) by it, so a year such
    as 9999 is shown, not refused."""
    if calendar == PERSIAN and not PERSIAN_FIRST <= day <= PERSIAN_LAST:
        return GREGORIAN
    return calendar


def buddhist_year(d: date) -> int:
    return d.year + BUDDHIST_ERA_OFFSET


def year_of(day: date, calendar: str) -> int:
    """The year that holds ``day`` in ``calendar`` (2026-03-21: 1405 Solar Hijri, 2569 BE), as
    it is written (:func:`written_in`): 9999-01-01 is in 9999 in Persian too."""
    calendar = written_in(day, calendar)
    if calendar == PERSIAN:
        return gregorian_to_jalali(day)[0]
    if calendar == BUDDHIST:
        return buddhist_year(day)
    return day.year


def year_span(year: int, calendar: str) -> tuple[date, date]:
    """The first and last (Gregorian) days of ``year`` of ``calendar``: Solar Hijri 1405 is
    2026-03-21 … 2027-03-20; the Buddhist era counts the Gregorian year (2569: 2026). The
    years after Solar Hijri 3177 are written in the Gregorian calendar (:func:`year_of`): in
    Persian, 3799 is 3799-03-20 … 3799-12-31 (its days before are in Solar Hijri 3177) and
    9999 the Gregorian year."""
    if calendar == PERSIAN:
        if year < _BREAKS[-1]:
            last = jalali_to_gregorian(year, 12, jalali_month_length(year, 12))
            return _farvardin_first(year), last
        return max(date(year, 1, 1), PERSIAN_LAST + _DAY), date(year, 12, 31)
    if calendar == BUDDHIST:
        year -= BUDDHIST_ERA_OFFSET
    return date(year, 1, 1), date(year, 12, 31)


def _month_of(day: date, calendar: str) -> tuple[int, int]:
    if calendar == PERSIAN:
        jy, jm, _jd = gregorian_to_jalali(day)
        return jy, jm
    return day.year, day.month  # the Buddhist era counts the Gregorian months


def _first_of(year: int, month: int, calendar: str) -> date:
    if calendar == PERSIAN:
        return jalali_to_gregorian(year, month, 1)
    return date(year, month, 1)


def add_months(day: date, months: int, calendar: str) -> date:
    """The first day of the month of ``calendar`` that comes ``months`` months after (before,
    when negative) the month holding ``day``."""
    year, month = _month_of(day, calendar)
    index = year * 12 + month - 1 + months
    return _first_of(index // 12, index % 12 + 1, calendar)


def month_span(day: date, calendar: str) -> tuple[date, date]:
    """The first and last (Gregorian) days of the month of ``calendar`` that holds ``day``
    (2026-04-01 in Solar Hijri: 1 Farvardin 1405 = 2026-03-21 … 2026-04-20)."""
    return _first_of(*_month_of(day, calendar), calendar), add_months(day, 1, calendar) - _DAY


def spans(first: date, last: date, months: int, calendar: str) -> list[tuple[date, date]]:
    """The whole months (``months`` = 1) or groups of months counted from the start of the
    year (3: quarters; Solar Hijri quarters begin on 1 Farvardin, 1 Tir, 1 Mehr, 1 Dey) of
    ``calendar`` that overlap ``first`` … ``last``, as (first day, last day), not clipped:
    the buckets of a report's trend charts."""
    if not 12 % months == 0:
        raise ValueError(f"{months} months do not divide a year")
    year, month = _month_of(first, calendar)
    start = _first_of(year, month - (month - 1) % months, calendar)
    out: list[tuple[date, date]] = []
    while start <= last:
        following = add_months(start, months, calendar)
        out.append((start, following - _DAY))
        start = following
    return out


def default_calendar(lang: str) -> str:
    """The calendar of a language: Solar Hijri for Persian, the Buddhist era for Thai,
    Gregorian for the others."""
    base = lang.split("_")[0].split("-")[0].lower()
    return {"fa": PERSIAN, "th": BUDDHIST}.get(base, GREGORIAN)
