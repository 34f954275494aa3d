"""Recurring follow-ups: RFC 5545 RRULEs evaluated in local wall time.

A rule runs on the wall clock of the anchor zone (``dateutil.rrule`` with a naive start), so
"every 3 months at 10:00" stays 10:00 there across DST changes; each wall time is then turned
into an instant with :func:`~accountdesk.core.timekeeping.zones.resolve_wall_time` (and its
gap/overlap rule). With ``move_to_working_day`` an occurrence on a weekend day or public holiday
there moves, at the same wall time, to the next working day; an occurrence moved onto or past
the next one merges into it.

**Month ends** (:func:`as_run`): "every month" or "every 3 months" from the 29th, 30th or 31st
falls on the last day of a shorter month, and "every year" from 29 February on 28 February in
other years. RFC 5545 alone would skip those months and years (a quarterly review from
31 January would come in July, not April); the rule run, and the one exported, says so in
RFC 5545's own words (``BYMONTHDAY=-1``, or ``BYMONTHDAY=28,29,30;BYSETPOS=-1``), so a
calendar that imports it agrees.

**A start that is not one of the rule's days** (a rule on Thursdays from a Monday): the start
is the first occurrence, and COUNT counts it, as RFC 5545 says of DTSTART ("3 times" is that
Monday and two Thursdays), so the app, the rule's description and the exported file agree
(:func:`_recurrence`); the scheduling dialog says so and offers the rule's first day
(:func:`off_rule_start`).
"""

from __future__ import annotations

import calendar as pycalendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal

import babel.dates
import babel.lists
from dateutil import rrule as du

from accountdesk.core.i18n import (
    N_,
    NP_,
    _,
    current_locale,
    format_date,
    format_month_day,
    localize_digits,
    ngettext,
    pgettext,
)
from accountdesk.core.timekeeping.calendars import DayCalendar, calendar_or_default
from accountdesk.core.timekeeping.workhours import WorkingHours, is_working_day
from accountdesk.core.timekeeping.zones import WallTimeKind, is_valid_zone, resolve_wall_time

#: Longest run of non-working days an occurrence is moved across.
MOVE_LIMIT_DAYS = 60

_KEYS = {
    "FREQ",
    "INTERVAL",
    "COUNT",
    "UNTIL",
    "BYDAY",
    "BYMONTHDAY",
    "BYMONTH",
    "BYSETPOS",
    "BYYEARDAY",
    "BYWEEKNO",
    "BYHOUR",
    "BYMINUTE",
    "WKST",
}
_FREQS = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY", "HOURLY"}
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class RrulePreset:
    key: str
    rule: str

    @property
    def title(self) -> str:
        """The preset as the Repeat box offers it: its rule described (:func:`describe_rrule`),
        as the Repeats column describes the rule once it is chosen."""
        return describe_rrule(self.rule)


RRULE_PRESETS: tuple[RrulePreset, ...] = (
    RrulePreset("weekly", "FREQ=WEEKLY"),
    RrulePreset("biweekly", "FREQ=WEEKLY;INTERVAL=2"),
    RrulePreset("monthly", "FREQ=MONTHLY"),
    RrulePreset("quarterly", "FREQ=MONTHLY;INTERVAL=3"),
    RrulePreset("half_yearly", "FREQ=MONTHLY;INTERVAL=6"),
    RrulePreset("yearly", "FREQ=YEARLY"),
    RrulePreset("monthly_3rd_monday", "FREQ=MONTHLY;BYDAY=3MO"),
)


@dataclass(frozen=True)
class Occurrence:
    local: datetime  # the naive wall time in the anchor zone (after any move)
    instant: datetime  # aware UTC
    moved_from: datetime | None = None  # the rule's wall time when moved to a working day
    kind: WallTimeKind = "ok"  # "gap"/"overlap" when the DST rule applied


def _normalize(text: str) -> str:
    cleaned = text.strip()
    if cleaned.upper().startswith("RRULE:"):
        cleaned = cleaned[6:]
    return cleaned.strip().upper()


def _fail(reason: str) -> ValueError:
    return ValueError(_("Not a valid repeat rule: {reason}").format(reason=reason))


def _parts(text: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for chunk in text.split(";"):
        if not chunk:
            continue
        name, sep, value = chunk.partition("=")
        if not sep or not value:
            raise _fail(_("“{part}” is not NAME=VALUE").format(part=chunk))
        if name not in _KEYS:
            raise _fail(_("unknown part “{name}”").format(name=name))
        if name in parts:
            raise _fail(_("“{name}” is given twice").format(name=name))
        parts[name] = value
    return parts


def _int(parts: dict[str, str], name: str) -> int | None:
    if name not in parts:
        return None
    try:
        return int(parts[name])
    except ValueError:
        raise _fail(
            _("{name} must be a whole number, not “{value}”").format(name=name, value=parts[name])
        ) from None


#: RFC 5545's ranges of the numeric parts: (lowest, highest, negatives allowed too).
_RANGES = {
    "BYMONTH": (1, 12, False),
    "BYHOUR": (0, 23, False),
    "BYMINUTE": (0, 59, False),
    "BYMONTHDAY": (1, 31, True),
    "BYYEARDAY": (1, 366, True),
    "BYWEEKNO": (1, 53, True),
    "BYSETPOS": (1, 366, True),
}


def _check_ranges(parts: dict[str, str]) -> None:
    """Each value of a numeric part in its range, each day of BYDAY and WKST a day: dateutil
    takes BYMONTHDAY=0 (and runs it daily) and BYMONTH=13 without a word."""
    for name, (low, high, negative) in _RANGES.items():
        if name not in parts:
            continue
        for item in parts[name].split(","):
            number = _int({name: item}, name)
            assert number is not None
            if low <= number <= high or (negative and -high <= number <= -low):
                continue
            values = {"name": name, "value": item}
            values |= {"low": localize_digits(str(low)), "high": localize_digits(str(high))}
            if negative:
                raise _fail(
                    _("{name} must be 1 to {high} or −{high} to −1, not “{value}”").format(**values)
                )
            raise _fail(_("{name} must be {low} to {high}, not “{value}”").format(**values))
    for item in parts.get("BYDAY", "").split(",") if "BYDAY" in parts else ():
        ordinal = item[:-2].lstrip("+-")
        if (
            item[-2:] not in _WEEKDAYS
            or (item[:-2] and not ordinal.isdigit())
            or (ordinal.isdigit() and not 1 <= int(ordinal) <= 53)
        ):
            raise _fail(
                _("BYDAY must be days such as MO, FR or 3MO, not “{value}”").format(value=item)
            )
    if "WKST" in parts and parts["WKST"] not in _WEEKDAYS:
        raise _fail(
            _("WKST must be a day: MO, TU, WE, TH, FR, SA or SU, not “{value}”").format(
                value=parts["WKST"]
            )
        )


def _never(parts: dict[str, str]) -> bool:
    """Whether the rule's BYMONTH and BYMONTHDAY name no date that exists in any year
    (30 February, 31 April): such a rule has no occurrence from any start."""
    if "BYMONTHDAY" not in parts:
        return False
    months = [int(m) for m in parts["BYMONTH"].split(",")] if "BYMONTH" in parts else range(1, 13)
    days = [int(d) for d in parts["BYMONTHDAY"].split(",")]
    longest = {m: pycalendar.monthrange(2000, m)[1] for m in months}  # 2000: a leap year
    return not any(abs(d) <= longest[m] for m in months for d in days)


def validate_rrule(text: str, start: datetime | None = None) -> None:
    """Raise ValueError with a translated, specific message when ``text`` is not a usable
    RRULE (``FREQ=MONTHLY;INTERVAL=3``, with or without a leading ``RRULE:``): a part out of
    RFC 5545's range is named, and a rule that never falls on a date that exists (30
    February) is refused. With ``start`` (naive: the series' first occurrence, DTSTART), a
    rule with no occurrence on or after it is refused too (every 12 months in February, from
    January; an UNTIL before it)."""
    if not isinstance(text, str) or not text.strip():
        raise _fail(_("the rule is empty"))
    normalized = _normalize(text)
    if "\n" in normalized or "\r" in normalized:
        raise _fail(_("give one rule on one line"))
    parts = _parts(normalized)
    freq = parts.get("FREQ")
    if freq is None:
        raise _fail(_("FREQ is missing (for example FREQ=MONTHLY)"))
    if freq in {"SECONDLY", "MINUTELY"}:
        raise _fail(_("repeating more often than hourly is not supported"))
    if freq not in _FREQS:
        raise _fail(_("FREQ “{value}” is unknown").format(value=freq))
    interval = _int(parts, "INTERVAL")
    if interval is not None and interval < 1:
        raise _fail(_("INTERVAL must be 1 or more"))
    count = _int(parts, "COUNT")
    if count is not None and count < 1:
        raise _fail(_("COUNT must be 1 or more"))
    if "COUNT" in parts and "UNTIL" in parts:
        raise _fail(_("COUNT and UNTIL cannot both be given"))
    _check_ranges(parts)
    if _never(parts):
        raise _fail(_("it never repeats on a date that exists (such as 30 February)"))
    first = start if start is not None else datetime(2000, 1, 3, 10, 0)
    try:
        built = _build(normalized, first, None)
        # an hourly rule that never matches walks every hour to the year 9999: not checked
        found = built.after(first, inc=True) if start is not None and freq != "HOURLY" else first
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        if "empty set" in str(exc):  # dateutil: "Invalid rrule byxxx generates an empty set."
            raise _fail(_("it never repeats on a date that exists (such as 30 February)")) from None
        raise _fail(str(exc)) from None
    if found is None:
        raise _fail(
            _("it has no date on or after {date}, its first").format(date=format_date(first.date()))
        )


def _until_to_wall(value: str, zone: str | None) -> str:
    """A UTC UNTIL (…Z) as a wall time in ``zone`` (the rule runs on naive wall time); an
    UNTIL that is a day ("until 5 April") takes in the whole of that day."""
    if len(value) == 8 and value.isdigit():
        return f"{value}T235959"
    if not value.endswith("Z"):
        return value
    instant = datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    if zone is None or not is_valid_zone(zone):
        return instant.strftime("%Y%m%dT%H%M%S")
    from accountdesk.core.timekeeping.zones import to_wall

    return to_wall(instant, zone).strftime("%Y%m%dT%H%M%S")


def until_in_utc(text: str, zone: str, *, all_day: bool = False) -> str:
    """``text`` (a valid rule) as an .ics file writes it for an event in ``zone``: its UNTIL,
    a day or a wall time there, as the UTC instant that RFC 5545 asks for when DTSTART has a
    time zone (readers refuse or misread the rule otherwise), ending where
    :func:`occurrences` ends it. For an ``all_day`` event (DTSTART a date) the UNTIL is a
    date, as RFC 5545 asks then: the day of the last wall time the rule takes in ``zone``."""
    parts = _parts(_normalize(text))
    until = parts.get("UNTIL")
    if until is not None and all_day:
        parts["UNTIL"] = _until_to_wall(until, zone)[:8]
    elif until is not None and not until.endswith("Z"):
        wall = datetime.strptime(_until_to_wall(until, zone), "%Y%m%dT%H%M%S")
        instant = resolve_wall_time(wall, zone).instant
        parts["UNTIL"] = instant.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return ";".join(f"{k}={v}" for k, v in parts.items())


#: Parts that choose the days themselves: a rule with one of them is run as written.
_DAY_CHOOSERS = {"BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "BYYEARDAY", "BYWEEKNO"}


def _month_end_parts(parts: dict[str, str], first_local: datetime) -> dict[str, str]:
    """``parts`` with the month-end rule of :func:`as_run` spelled out for a series starting
    at ``first_local``."""
    if _DAY_CHOOSERS & set(parts):
        return parts
    day, freq = first_local.day, parts.get("FREQ")
    if freq == "MONTHLY" and day > 28:
        if day == 31:
            return {**parts, "BYMONTHDAY": "-1"}
        days = ",".join(str(d) for d in range(28, day + 1))
        return {**parts, "BYMONTHDAY": days, "BYSETPOS": "-1"}
    if freq == "YEARLY" and (first_local.month, day) == (2, 29):
        return {**parts, "BYMONTH": "2", "BYMONTHDAY": "-1"}
    return parts


def as_run(rrule: str, first_local: datetime) -> str:
    """``rrule`` (valid) for a series whose first occurrence is ``first_local``, as
    AccountDesk runs it, in RFC 5545's words: a monthly rule from the 29th–31st takes the last
    day of a shorter month, a yearly one from 29 February takes 28 February in other years
    (see the module's notes). Any other rule is returned as written."""
    parts = _month_end_parts(_parts(_normalize(rrule)), first_local)
    return ";".join(f"{k}={v}" for k, v in parts.items())


def _build(normalized: str, first_local: datetime, zone: str | None) -> du.rrule:
    parts = _month_end_parts(_parts(normalized), first_local)
    if "UNTIL" in parts:
        parts["UNTIL"] = _until_to_wall(parts["UNTIL"], zone)
    text = ";".join(f"{k}={v}" for k, v in parts.items())
    built = du.rrulestr(text, dtstart=first_local)
    if not isinstance(built, du.rrule):
        raise ValueError(text)
    return built


def _recurrence(normalized: str, first_local: datetime, zone: str | None) -> du.rrulebase:
    """The occurrences RFC 5545 gives a rule from ``first_local`` (its DTSTART): the rule's
    own (:func:`_build`), and DTSTART itself when it is not one of them (a rule on Thursdays
    from a Monday), as the first, which COUNT counts ("3 times" is that Monday and two
    Thursdays, as Google and Apple Calendar read the file; dateutil alone gives three
    Thursdays after the Monday, and the app had four occurrences)."""
    rule = _build(normalized, first_local, zone)
    if rule.after(first_local, inc=True) == first_local:  # DTSTART is one of the rule's
        return rule
    count = _int(_parts(normalized), "COUNT")
    series = du.rruleset()
    series.rdate(first_local)
    if count is None:
        series.rrule(rule)
    elif count > 1:
        series.rrule(rule.replace(count=count - 1))
    return series


def off_rule_start(rrule: str, start: datetime) -> datetime | None:
    """When ``start`` (naive) is not a day and time of ``rrule`` (a valid rule), the rule's
    first own occurrence after it (the Thursday after a Monday, for a rule on Thursdays):
    RFC 5545 makes ``start`` the first occurrence all the same, and counts it in COUNT (see
    :func:`_recurrence`; Outlook leaves it out). None when ``start`` is one of the rule's, or
    the rule has none after it; None for an hourly rule, not checked (as
    :func:`validate_rrule` does not: one that never matches walks every hour to the year 9999,
    seconds for every key typed in the dialog)."""
    normalized = _normalize(rrule)
    if _parts(normalized).get("FREQ") == "HOURLY":
        return None
    rule = _build(normalized, start, None)
    found = rule.after(start, inc=True)
    return None if found is None or found == start else found


def rule_time(rrule: str, first_local: datetime, current: datetime, zone: str) -> datetime:
    """The rule's own wall time of the occurrence a follow-up is at (``current``, naive): the
    same, or, when it was moved to a working day, the time the rule gave it (Friday's, for
    one moved to Sunday). ``first_local``: the series' first occurrence."""
    rule = _recurrence(_normalize(rrule), first_local, zone)
    found = rule.before(current, inc=True)
    return found if found is not None else first_local


def count_left(rrule: str, first_local: datetime, current: datetime, zone: str) -> int | None:
    """How many occurrences a repeating follow-up at its ``current`` occurrence (naive wall
    time; ``first_local``: the series' first occurrence) has left, that one included, when its
    rule has a COUNT; None when it has none. The rule's occurrences before the rule's own time
    of ``current`` (:func:`rule_time`) are spent; one is always left (the current one)."""
    normalized = _normalize(rrule)
    parts = _parts(normalized)
    if "COUNT" not in parts:
        return None
    start = rule_time(rrule, first_local, current, zone)
    passed = 0
    for local in _recurrence(normalized, first_local, zone):
        if local >= start:
            break
        passed += 1
    return max(1, int(parts["COUNT"]) - passed)


def restarted(rrule: str, first_local: datetime, current: datetime, zone: str) -> str:
    """``rrule`` for the series restarted at its ``current`` occurrence (moved to another day):
    a COUNT becomes what is left of it (:func:`count_left`), so "3 times" with one to go stays
    one; any other rule is returned as written."""
    left = count_left(rrule, first_local, current, zone)
    if left is None:
        return rrule
    parts = _parts(_normalize(rrule))
    parts["COUNT"] = str(left)
    return ";".join(f"{k}={v}" for k, v in parts.items())


#: How far ahead an exported series lists the occurrences moved to a working day: this long,
#: and at least this many occurrences (a yearly rule's next ones too). The series written ends
#: there (:func:`series_at`).
MOVES_EXPORTED = timedelta(days=2 * 366)
MOVES_EXPORTED_COUNT = 24


@dataclass(frozen=True)
class Series:
    """A repeating follow-up as a calendar file writes it (naive wall times in its zone):
    DTSTART, the RRULE, and the occurrences a move to a working day takes off the rule's days
    (EXDATE) and puts on others (RDATE).

    ``ends``: the last occurrence written when the series goes on after it, its moves not
    worked out that far (``rule`` then ends there: an UNTIL), with ``whole``, the rule as it
    goes on (what the app runs); None, and ``whole`` the rule, when the file holds the rest
    of the series."""

    start: datetime
    rule: str
    exdates: tuple[datetime, ...] = ()
    rdates: tuple[datetime, ...] = ()
    ends: datetime | None = None
    whole: str = ""


def series_at(
    rrule: str,
    first_local: datetime,
    current: datetime,
    zone: str,
    *,
    move_to_working_day: bool = False,
    country: str | None = None,
    subdivision: str | None = None,
) -> Series:
    """A repeating follow-up's series as it stands at its ``current`` occurrence (naive wall
    times; ``first_local``: the series' first occurrence), as a calendar file must write it.
    DTSTART is the rule's own time of the current occurrence (before any move to a working
    day, which would put a weekly rule on another weekday); the rule is :func:`as_run`'s, and
    its COUNT is what is left of it from there, so the calendar holds the occurrences the app
    still has, not COUNT more. With ``move_to_working_day`` the moves the app makes in the
    next :data:`MOVES_EXPORTED` (and the next :data:`MOVES_EXPORTED_COUNT` occurrences) are
    written as EXDATE/RDATE pairs, and a series that goes on after them ends there (an UNTIL
    at its last occurrence written, :attr:`Series.ends`): its later days would be shown on
    the weekends and holidays the app moves them from, so the calendar shows the days the
    app does, as far as it shows any."""
    run = as_run(rrule, first_local)
    rule = _recurrence(run, first_local, zone)
    start = rule_time(rrule, first_local, current, zone)
    parts = _parts(run)
    left = count_left(rrule, first_local, current, zone)
    if left is not None:
        parts["COUNT"] = str(left)
    text = ";".join(f"{k}={v}" for k, v in parts.items())
    if not move_to_working_day:
        return Series(start, text, whole=text)
    last_day = datetime.combine(date.max, time(23, 59))
    horizon = start + min(MOVES_EXPORTED, last_day - start)  # no further than 9999
    instant = resolve_wall_time(current, zone).instant
    within = 0  # the rule's occurrences in the horizon: the most the app can have there
    for day in rule.xafter(start, inc=False):
        if day > horizon:
            break
        within += 1
    later = occurrences(
        rrule,
        first_local,
        zone,
        after=instant + timedelta(minutes=1),
        count=max(within, MOVES_EXPORTED_COUNT),
        move_to_working_day=True,
        country=country,
        subdivision=subdivision,
        past=start,
    )
    app = [current] + [
        o.local for n, o in enumerate(later) if o.local <= horizon or n < MOVES_EXPORTED_COUNT
    ]
    written = _recurrence(text, start, zone)  # as RFC 5545 reads the file
    last = max(app)
    days = list(written.between(start, last, inc=True))
    shown, listed = set(app), set(days)
    ends = None
    cut = text
    if written.after(last) is not None:  # it goes on where no move is worked out: it ends
        ends = last
        kept = {k: v for k, v in parts.items() if k not in ("COUNT", "UNTIL")}
        kept["UNTIL"] = last.strftime("%Y%m%dT%H%M%S")  # a wall time: the file's is in UTC
        cut = ";".join(f"{k}={v}" for k, v in kept.items())
    return Series(
        start,
        cut,
        tuple(d for d in days if d not in shown),
        tuple(d for d in app if d not in listed),
        ends=ends,
        whole=text,
    )


def _week(
    cal: DayCalendar, country: str | None, subdivision: str | None, weekend: frozenset[int] | None
) -> WorkingHours:
    """The week whose days :func:`_to_working_day` asks about: ``weekend`` (a contact's own)
    or the calendar's for ``country``; the day's rule (weekend, holidays) is workhours'."""
    off = weekend if weekend is not None else frozenset(cal.weekend_days(country, subdivision))
    return WorkingHours(weekend=off)


def _to_working_day(
    local: datetime,
    week: WorkingHours,
    country: str | None,
    subdivision: str | None,
    cal: DayCalendar,
) -> datetime:
    """``local`` at the same wall time on the first working day there from its own day; as it
    is when none comes within :data:`MOVE_LIMIT_DAYS`."""
    target = local
    for _step in range(MOVE_LIMIT_DAYS):
        if is_working_day(target.date(), week, country, subdivision, cal):
            return target
        if target.date() == date.max:  # no day after 31 December 9999
            break
        target += timedelta(days=1)
    return local  # no working day near: leave it where the rule put it


def to_working_day(
    local: datetime,
    country: str | None,
    subdivision: str | None = None,
    calendar: DayCalendar | None = None,
) -> datetime:
    """Where a repeating follow-up that moves to working days has an occurrence the rule puts
    at ``local`` (naive wall time): the same time on the next working day in ``country`` when
    that day is a weekend day or public holiday there, else ``local``. The first occurrence
    moves by this rule as every later one does in :func:`occurrences`."""
    cal = calendar_or_default(calendar)
    return _to_working_day(local, _week(cal, country, subdivision, None), country, subdivision, cal)


def occurrences(
    rrule: str,
    first_local: datetime,
    zone: str,
    after: datetime,
    count: int,
    move_to_working_day: bool = False,
    country: str | None = None,
    subdivision: str | None = None,
    calendar: DayCalendar | None = None,
    weekend: frozenset[int] | None = None,
    past: datetime | None = None,
) -> list[Occurrence]:
    """Up to ``count`` occurrences, in order, whose instant is at or after the aware ``after``.

    ``first_local`` (naive) is the first occurrence's wall time in ``zone`` (RFC 5545 DTSTART).
    ``weekend`` overrides the calendar's weekend for ``country`` (a contact's own week).
    ``past`` (naive, the rule's own time of an occurrence done, :func:`rule_time`): the rule's
    occurrences up to it are left out, also when a move to a working day puts one after
    ``after`` (Friday's, moved to Sunday, is not due again once Friday's was done).
    """
    if first_local.tzinfo is not None:
        raise ValueError("first_local must be a naive wall-clock time")
    if after.tzinfo is None:
        raise ValueError("after must be timezone-aware")
    if count <= 0:
        return []
    validate_rrule(rrule)
    rule = _recurrence(_normalize(rrule), first_local, zone)
    cal = calendar_or_default(calendar)
    week = _week(cal, country, subdivision, weekend)
    move = move_to_working_day
    from accountdesk.core.timekeeping.zones import to_wall

    margin = timedelta(days=MOVE_LIMIT_DAYS + 2 if move_to_working_day else 2)
    bound = max(first_local, to_wall(after, zone) - margin)
    found: list[Occurrence] = []
    last: datetime | None = None
    for local in rule.xafter(bound, inc=True):
        if past is not None and local <= past:
            continue
        target = _to_working_day(local, week, country, subdivision, cal) if move else local
        moved_from = local if target != local else None
        if last is not None and target <= last:
            continue
        resolution = resolve_wall_time(target, zone)
        if resolution.instant < after:
            continue
        found.append(Occurrence(target, resolution.instant, moved_from, resolution.kind))
        last = target
        if len(found) >= count:
            break
    return found


# --- describing rules ----------------------------------------------------------------------

#: Which of its weekdays a monthly rule falls on ("the 3rd Monday"), one message for each
#: weekday (the context names it): a language whose ordinal agrees with the weekday writes
#: each its own (Slovenian "tretji ponedeljek", "tretja sreda").
_ORDINALS: dict[str, tuple[str, dict[int, str]]] = {
    "MO": (
        "which Monday of the month",
        {
            1: NP_("which Monday of the month", "1st"),
            2: NP_("which Monday of the month", "2nd"),
            3: NP_("which Monday of the month", "3rd"),
            4: NP_("which Monday of the month", "4th"),
            5: NP_("which Monday of the month", "5th"),
            -1: NP_("which Monday of the month", "last"),
            -2: NP_("which Monday of the month", "second to last"),
        },
    ),
    "TU": (
        "which Tuesday of the month",
        {
            1: NP_("which Tuesday of the month", "1st"),
            2: NP_("which Tuesday of the month", "2nd"),
            3: NP_("which Tuesday of the month", "3rd"),
            4: NP_("which Tuesday of the month", "4th"),
            5: NP_("which Tuesday of the month", "5th"),
            -1: NP_("which Tuesday of the month", "last"),
            -2: NP_("which Tuesday of the month", "second to last"),
        },
    ),
    "WE": (
        "which Wednesday of the month",
        {
            1: NP_("which Wednesday of the month", "1st"),
            2: NP_("which Wednesday of the month", "2nd"),
            3: NP_("which Wednesday of the month", "3rd"),
            4: NP_("which Wednesday of the month", "4th"),
            5: NP_("which Wednesday of the month", "5th"),
            -1: NP_("which Wednesday of the month", "last"),
            -2: NP_("which Wednesday of the month", "second to last"),
        },
    ),
    "TH": (
        "which Thursday of the month",
        {
            1: NP_("which Thursday of the month", "1st"),
            2: NP_("which Thursday of the month", "2nd"),
            3: NP_("which Thursday of the month", "3rd"),
            4: NP_("which Thursday of the month", "4th"),
            5: NP_("which Thursday of the month", "5th"),
            -1: NP_("which Thursday of the month", "last"),
            -2: NP_("which Thursday of the month", "second to last"),
        },
    ),
    "FR": (
        "which Friday of the month",
        {
            1: NP_("which Friday of the month", "1st"),
            2: NP_("which Friday of the month", "2nd"),
            3: NP_("which Friday of the month", "3rd"),
            4: NP_("which Friday of the month", "4th"),
            5: NP_("which Friday of the month", "5th"),
            -1: NP_("which Friday of the month", "last"),
            -2: NP_("which Friday of the month", "second to last"),
        },
    ),
    "SA": (
        "which Saturday of the month",
        {
            1: NP_("which Saturday of the month", "1st"),
            2: NP_("which Saturday of the month", "2nd"),
            3: NP_("which Saturday of the month", "3rd"),
            4: NP_("which Saturday of the month", "4th"),
            5: NP_("which Saturday of the month", "5th"),
            -1: NP_("which Saturday of the month", "last"),
            -2: NP_("which Saturday of the month", "second to last"),
        },
    ),
    "SU": (
        "which Sunday of the month",
        {
            1: NP_("which Sunday of the month", "1st"),
            2: NP_("which Sunday of the month", "2nd"),
            3: NP_("which Sunday of the month", "3rd"),
            4: NP_("which Sunday of the month", "4th"),
            5: NP_("which Sunday of the month", "5th"),
            -1: NP_("which Sunday of the month", "last"),
            -2: NP_("which Sunday of the month", "second to last"),
        },
    ),
}

#: A monthly rule on one of its weekdays, one sentence for each weekday: the words around a
#: weekday agree with it (Slovenian "Vsak {ordinal} ponedeljek v mesecu", "Vsaka {ordinal}
#: sreda v mesecu").
_EVERY_MONTH_ON = {
    "MO": N_("Every month on the {ordinal} Monday"),
    "TU": N_("Every month on the {ordinal} Tuesday"),
    "WE": N_("Every month on the {ordinal} Wednesday"),
    "TH": N_("Every month on the {ordinal} Thursday"),
    "FR": N_("Every month on the {ordinal} Friday"),
    "SA": N_("Every month on the {ordinal} Saturday"),
    "SU": N_("Every month on the {ordinal} Sunday"),
}


def _every_months_on(weekday: str, n: int) -> str:
    """:data:`_EVERY_MONTH_ON` every ``n`` months (``{n}`` and ``{ordinal}`` to fill in)."""
    if weekday == "MO":
        return ngettext(
            "Every {n} month on the {ordinal} Monday",
            "Every {n} months on the {ordinal} Monday",
            n,
        )
    if weekday == "TU":
        return ngettext(
            "Every {n} month on the {ordinal} Tuesday",
            "Every {n} months on the {ordinal} Tuesday",
            n,
        )
    if weekday == "WE":
        return ngettext(
            "Every {n} month on the {ordinal} Wednesday",
            "Every {n} months on the {ordinal} Wednesday",
            n,
        )
    if weekday == "TH":
        return ngettext(
            "Every {n} month on the {ordinal} Thursday",
            "Every {n} months on the {ordinal} Thursday",
            n,
        )
    if weekday == "FR":
        return ngettext(
            "Every {n} month on the {ordinal} Friday",
            "Every {n} months on the {ordinal} Friday",
            n,
        )
    if weekday == "SA":
        return ngettext(
            "Every {n} month on the {ordinal} Saturday",
            "Every {n} months on the {ordinal} Saturday",
            n,
        )
    if weekday == "SU":
        return ngettext(
            "Every {n} month on the {ordinal} Sunday",
            "Every {n} months on the {ordinal} Sunday",
            n,
        )
    raise KeyError(weekday)


def _weekday_name(code: str) -> str:
    index = _WEEKDAYS.index(code)
    return str(babel.dates.get_day_names("wide", locale=current_locale())[index])


def _n(text: str, n: int) -> str:
    return text.format(n=localize_digits(str(n)))


def _split_byday(value: str) -> list[tuple[int | None, str]]:
    days: list[tuple[int | None, str]] = []
    for item in value.split(","):
        code = item[-2:]
        if code not in _WEEKDAYS:
            raise ValueError(item)
        prefix = item[:-2]
        days.append((int(prefix) if prefix not in ("", "+") else None, code))
    return days


def _month_end_day(parts: dict[str, str]) -> int | None:
    """The day of a monthly rule from the 29th or 30th as :func:`as_run` writes it (the day,
    or the last day of a shorter month: ``BYMONTHDAY=28,29;BYSETPOS=-1``); None for any other
    rule."""
    if set(parts) - {"FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST"} != {"BYMONTHDAY", "BYSETPOS"}:
        return None
    days = parts["BYMONTHDAY"].split(",")
    if parts["BYSETPOS"] != "-1" or not all(day.isdigit() for day in days):
        return None
    last = int(days[-1])
    return last if 29 <= last <= 30 and days == [str(d) for d in range(28, last + 1)] else None


def _describe_core(parts: dict[str, str]) -> str | None:
    freq = parts.get("FREQ")
    n = int(parts.get("INTERVAL", "1"))
    extra = set(parts) - {"FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST"}
    if freq == "HOURLY" and not extra:
        if n == 1:
            return _("Every hour")
        return _n(ngettext("Every {n} hour", "Every {n} hours", n), n)
    if freq == "DAILY" and not extra:
        return _("Every day") if n == 1 else _n(ngettext("Every {n} day", "Every {n} days", n), n)
    if freq == "WEEKLY":
        if not extra:
            if n == 1:
                return _("Every week")
            return _n(ngettext("Every {n} week", "Every {n} weeks", n), n)
        if extra == {"BYDAY"}:
            days = _split_byday(parts["BYDAY"])
            if any(ordinal is not None for ordinal, _code in days):
                return None
            names = babel.lists.format_list(
                [_weekday_name(code) for _o, code in days], locale=current_locale()
            )
            if n == 1:
                return _("Every week on {days}").format(days=names)
            return ngettext("Every {n} week on {days}", "Every {n} weeks on {days}", n).format(
                n=localize_digits(str(n)), days=names
            )
        return None
    if freq == "MONTHLY":
        if not extra:
            if n == 1:
                return _("Every month")
            return _n(ngettext("Every {n} month", "Every {n} months", n), n)
        ordinal: int | None = None
        weekday: str | None = None
        month_end = _month_end_day(parts)  # the app's own "from the 29th" (as_run)
        if month_end is not None:
            day_text = localize_digits(str(month_end))
            if n == 1:
                return _("Every month on day {day}, or on the last day of a shorter month").format(
                    day=day_text
                )
            return ngettext(
                "Every {n} month on day {day}, or on the last day of a shorter month",
                "Every {n} months on day {day}, or on the last day of a shorter month",
                n,
            ).format(n=localize_digits(str(n)), day=day_text)
        if extra == {"BYMONTHDAY"} and "," not in parts["BYMONTHDAY"]:
            day = int(parts["BYMONTHDAY"])
            if day == -1:  # Outlook's "last day of every month"
                if n == 1:
                    return _("Every month on its last day")
                return _n(
                    ngettext(
                        "Every {n} month on the last day", "Every {n} months on the last day", n
                    ),
                    n,
                )
            if day < 1:
                return None
            day_text = localize_digits(str(day))
            if n == 1:
                return _("Every month on day {day}").format(day=day_text)
            return ngettext(
                "Every {n} month on day {day}", "Every {n} months on day {day}", n
            ).format(n=localize_digits(str(n)), day=day_text)
        if extra == {"BYDAY"}:
            days = _split_byday(parts["BYDAY"])
            if len(days) == 1 and days[0][0] is not None:
                ordinal, weekday = days[0]
        elif extra == {"BYDAY", "BYSETPOS"} and "," not in parts["BYSETPOS"]:
            days = _split_byday(parts["BYDAY"])
            if len(days) == 1 and days[0][0] is None:
                ordinal, weekday = int(parts["BYSETPOS"]), days[0][1]
        if ordinal is None or weekday is None:
            return None
        context, ordinals = _ORDINALS[weekday]
        if ordinal not in ordinals:
            return None
        which = pgettext(context, ordinals[ordinal])
        if n == 1:
            return _(_EVERY_MONTH_ON[weekday]).format(ordinal=which)
        return _every_months_on(weekday, n).format(n=localize_digits(str(n)), ordinal=which)
    if freq == "YEARLY" and not extra:
        return (
            _("Every year") if n == 1 else _n(ngettext("Every {n} year", "Every {n} years", n), n)
        )
    if (
        freq == "YEARLY"
        and extra == {"BYMONTH", "BYMONTHDAY"}
        and "," not in parts["BYMONTH"] + parts["BYMONTHDAY"]
    ):  # Outlook's yearly event: FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=13
        month, day = int(parts["BYMONTH"]), int(parts["BYMONTHDAY"])
        if (month, day) == (2, -1):  # the app's own "from 29 February" (as_run)
            values = {"date": format_month_day(2, 29), "other": format_month_day(2, 28)}
            if n == 1:
                return _("Every year on {date}, or on {other} in other years").format(**values)
            return ngettext(
                "Every {n} year on {date}, or on {other} in other years",
                "Every {n} years on {date}, or on {other} in other years",
                n,
            ).format(n=localize_digits(str(n)), **values)
        try:
            on = format_month_day(month, day)  # Gregorian: the rule's own calendar
        except ValueError:  # no such day
            return None
        if n == 1:
            return _("Every year on {date}").format(date=on)
        return ngettext("Every {n} year on {date}", "Every {n} years on {date}", n).format(
            n=localize_digits(str(n)), date=on
        )
    return None


def describe_rrule(text: str) -> str:
    """A short, translated description of common rules ("Every 3 months", "Every month on the
    3rd Monday"), and of every rule the app writes itself (:func:`as_run`'s month ends, which
    an exported and imported follow-up keeps); the rule itself when it is not one of those."""
    try:
        validate_rrule(text)
        normalized = _normalize(text)
        parts = _parts(normalized)
        core = _describe_core(parts)
    except (ValueError, KeyError):
        return text.strip()
    if core is None:
        return normalized
    if "COUNT" in parts:
        count = int(parts["COUNT"])
        return ngettext("{rule}, {count} time", "{rule}, {count} times", count).format(
            rule=core, count=localize_digits(str(count))
        )
    if "UNTIL" in parts:
        raw = parts["UNTIL"].rstrip("Z")
        try:
            until = datetime.strptime(raw[:8], "%Y%m%d").date()
        except ValueError:
            return normalized
        return _("{rule}, until {date}").format(rule=core, date=format_date(until))
    return core


PresetKey = Literal[
    "weekly", "biweekly", "monthly", "quarterly", "half_yearly", "yearly", "monthly_3rd_monday"
]


def preset(key: str) -> RrulePreset:
    """The preset with ``key`` (KeyError when there is none)."""
    for item in RRULE_PRESETS:
        if item.key == key:
            return item
    raise KeyError(key)
