"""iCalendar (RFC 5545) export and import of follow-ups.

Export writes every event's DTSTART/DTEND as wall time with ``TZID=<IANA zone>`` and one
VTIMEZONE per zone used. The VTIMEZONEs are built here from tzdata: yearly changes that follow
a "n-th weekday of the month" pattern become RRULEs with UNTIL where the pattern ends (which is
what Outlook reads best), other changes are single DTSTARTs; DTSTART of each change is the local
time on the offset before it, as RFC 5545 asks. Google and Apple Calendar also recognise the
IANA names themselves. A wall time in a DST gap is written as the time actually used (see
:func:`~accountdesk.core.timekeeping.zones.resolve_wall_time`), so every client agrees; a
repeating event's is written as it repeats (RFC 5545 reads it with the offset before the gap,
as our rule does), with a DURATION.

Import accepts TZID-local times (IANA names, the Windows names Outlook writes, mapped to
IANA by :func:`~accountdesk.core.timekeeping.zones.windows_zone`, and custom zones defined in
the file), UTC times (``Z``, or a TZID that names UTC; a repeating event's stay in UTC) and
floating times (anchored to a zone the caller passes); invalid files raise :class:`IcsError`
with a translated message that says what is wrong and where.
"""

from __future__ import annotations

import calendar as pycalendar
import re
import uuid
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import MAXYEAR, MINYEAR, UTC, date, datetime, timedelta, tzinfo
from typing import Any, cast
from zoneinfo import ZoneInfo

import icalendar
from icalendar.parser import Contentline

from accountdesk.core.clock import Clock, system_clock
from accountdesk.core.i18n import _, format_number
from accountdesk.core.timekeeping.zones import (
    Transition,
    get_zone,
    is_utc,
    is_valid_zone,
    resolve_wall_time,
    to_wall,
    transitions,
    windows_zone,
)

DEFAULT_PRODID = "-//AccountDesk//AccountDesk//EN"
DEFAULT_DURATION = timedelta(minutes=30)


class IcsError(ValueError):
    """An .ics file that cannot be imported; ``str()`` is a translated explanation."""

    def __init__(self, message: str, line: int | None = None, event: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.event = event


@dataclass(frozen=True)
class IcsEvent:
    uid: str
    summary: str
    description: str
    local: datetime  # naive wall time in ``zone``
    zone: str
    duration: timedelta
    rrule: str | None = None
    #: Where an imported event is in its file: its number among the events, its first line.
    number: int | None = field(default=None, compare=False)
    line: int | None = field(default=None, compare=False)
    #: How long before the start a reminder alerts (a follow-up's reminder: ``timedelta(0)``,
    #: at the start), written as a VALARM; None: no reminder.
    alarm: timedelta | None = None
    #: Occurrences of ``rrule`` taken off (EXDATE) and added (RDATE), naive wall times in
    #: ``zone``: a follow-up's moves to a working day.
    exdates: tuple[datetime, ...] = ()
    rdates: tuple[datetime, ...] = ()
    #: An all-day event (``VALUE=DATE``): it is ``local``'s day (imported: at 00:00), for as
    #: many days as ``duration`` takes (at least one). Exported, a reminder (``alarm``) is
    #: relative to ``local``'s time of day, its days and the dates taken off or added are
    #: written as dates.
    all_day: bool = False
    #: The title of what the event is of, when its SUMMARY says more (a follow-up's "title –
    #: who"): written as X-ACCOUNTDESK-TITLE, so that an import takes the title back without
    #: the contact's name; None: the SUMMARY is the title.
    title: str | None = None
    #: Imported from a task (VTODO) rather than an event: ``local`` is when it is due (its
    #: DUE, else its DTSTART; a repeating one's DTSTART, which its occurrences are those of).
    task: bool = False
    #: Its STATUS (upper case; "COMPLETED" for a task with a COMPLETED time too), "" without.
    status: str = ""
    #: Its SEQUENCE, the revision of the event (RFC 5545: 0 when the event has none); a
    #: calendar takes an event whose UID it has for a newer version only with a greater one.
    sequence: int = 0
    #: The rule the series goes on by when ``rrule`` ends it early (a follow-up's series that
    #: moves to working days ends where its moves are no longer written: :func:`~accountdesk.
    #: core.timekeeping.recurrence.series_at`): written as X-ACCOUNTDESK-RRULE, and an import
    #: of the file takes it as the event's rule; None: ``rrule`` is the whole series.
    whole_rule: str | None = None

    @property
    def place(self) -> str:
        """Where the event is in its file, for messages ("Event 2 (line 31)", "Task 1 (line
        40)")."""
        return _where(self.number or 0, self.line, task=self.task)


@dataclass(frozen=True)
class IcsContents:
    """What an .ics file holds that can be imported: its events and its tasks with a date
    (``events``), and, by their SUMMARY and where they are (:attr:`IcsEvent.place`), its tasks
    without one (``undated``), which cannot be follow-ups."""

    events: list[IcsEvent]
    undated: tuple[tuple[str, str], ...] = ()


# --- VTIMEZONE --------------------------------------------------------------------------------


def _pattern(change: Transition) -> tuple[int, int, int, set[int]]:
    """(month, weekday, minute of day, possible BYDAY ordinals) of a change's local time."""
    local = change.local_before
    days_in_month = pycalendar.monthrange(local.year, local.month)[1]
    ordinals = {(local.day - 1) // 7 + 1}
    if local.day + 7 > days_in_month:
        ordinals.add(-1)
    return local.month, local.weekday(), local.hour * 60 + local.minute, ordinals


_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _component(
    change: Transition, run: list[Transition], ordinals: set[int], open_ended: bool
) -> icalendar.cal.Component:
    sub: icalendar.cal.Component = (
        icalendar.TimezoneDaylight() if change.is_dst_after else icalendar.TimezoneStandard()
    )
    sub.add("dtstart", change.local_before)
    sub.add("tzoffsetfrom", change.offset_before)
    sub.add("tzoffsetto", change.offset_after)
    sub.add("tzname", change.name_after)
    if len(run) > 1:
        month, weekday, _minute, _o = _pattern(change)
        ordinal = -1 if -1 in ordinals else min(ordinals)
        recur: dict[str, Any] = {
            "FREQ": "YEARLY",
            "BYMONTH": month,
            "BYDAY": f"{ordinal}{_BYDAY[weekday]}",
        }
        if not open_ended:
            # UTC as RFC 5545 asks; a day later than the last change, so that readers that
            # compare it with the local DTSTART (naively) still include that last change.
            recur["UNTIL"] = run[-1].instant.astimezone(UTC) + timedelta(days=1)
        sub.add("rrule", recur)
    return sub


def vtimezone(zone: str, first: date, last: date) -> icalendar.Timezone:
    """A VTIMEZONE for ``zone`` valid from ``first`` to ``last`` (and, for a zone whose last
    yearly rule continues, beyond)."""
    tz = get_zone(zone)
    result = icalendar.Timezone()
    result.add("tzid", zone)
    start = datetime(first.year, first.month, first.day, tzinfo=UTC)
    there = start.astimezone(tz)
    offset = there.utcoffset() or timedelta(0)
    initial: icalendar.cal.Component = (
        icalendar.TimezoneDaylight() if there.dst() else icalendar.TimezoneStandard()
    )
    initial.add("dtstart", (start + offset).replace(tzinfo=None))
    initial.add("tzoffsetfrom", offset)
    initial.add("tzoffsetto", offset)
    initial.add("tzname", there.tzname() or zone)
    result.add_component(initial)

    changes = transitions(zone, first, last)
    groups: dict[tuple[timedelta, timedelta, bool, str], list[Transition]] = {}
    for change in changes:
        key = (change.offset_before, change.offset_after, change.is_dst_after, change.name_after)
        groups.setdefault(key, []).append(change)
    for group in groups.values():
        runs: list[tuple[list[Transition], set[int]]] = []
        for change in group:
            month, weekday, minute, ordinals = _pattern(change)
            if runs:
                run, common = runs[-1]
                prev = _pattern(run[-1])
                both = common & ordinals
                if (
                    both
                    and prev[:3] == (month, weekday, minute)
                    and change.local_before.year == run[-1].local_before.year + 1
                ):
                    run.append(change)
                    runs[-1] = (run, both)
                    continue
            runs.append(([change], ordinals))
        for index, (run, common) in enumerate(runs):
            last_run = index == len(runs) - 1
            open_ended = last_run and run[-1].local_before.year >= last.year - 1
            result.add_component(_component(run[0], run, common, open_ended))
    return result


# --- export ---------------------------------------------------------------------------------


def export_ics(
    events: Iterable[IcsEvent],
    prodid: str = DEFAULT_PRODID,
    clock: Clock = system_clock,
) -> bytes:
    """A VCALENDAR with one VEVENT per event and one VTIMEZONE per zone used."""
    items = list(events)
    cal = icalendar.Calendar()
    cal.add("prodid", prodid)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    stamp = clock().astimezone(UTC).replace(microsecond=0)
    zones: dict[str, tuple[int, int]] = {}
    vevents = []
    for item in items:
        if item.local.tzinfo is not None:
            raise ValueError(f"event {item.uid}: local must be a naive wall time")
        if item.duration < timedelta(0):
            raise ValueError(f"event {item.uid}: negative duration")
        if item.alarm is not None and item.alarm < timedelta(0):
            raise ValueError(f"event {item.uid}: a reminder after the start")
        if item.all_day:
            vevents.append(_all_day_event(item, stamp))
            continue
        resolution = resolve_wall_time(item.local, item.zone)
        start = resolution.effective_local
        # A repeating event keeps the time it repeats at: RFC 5545 reads a DTSTART in a gap
        # with the offset before it, our rule too; the time used would move every occurrence.
        in_gap_series = bool(item.rrule) and resolution.kind == "gap"
        if in_gap_series:
            start = item.local
        end_instant = resolution.instant + item.duration
        try:
            end: datetime | None = to_wall(end_instant, item.zone)
        except OverflowError:  # it ends after 9999 there (a new year's eve call in Auckland)
            end = None  # said by its DURATION
        ev = _event(item, stamp)
        if is_utc(item.zone):
            ev.add("dtstart", resolution.instant)
            ev.add("dtend", end_instant)
        else:
            # Wall time with an explicit TZID (icalendar would write zones on UTC+0, such as
            # Africa/Abidjan, as UTC).
            ev.add("dtstart", start, parameters={"TZID": item.zone})
            if (
                not in_gap_series
                and end is not None
                and resolve_wall_time(end, item.zone).instant == end_instant
            ):
                ev.add("dtend", end, parameters={"TZID": item.zone})
            else:  # the end is the second 01:30 of a night the clocks go back, or a series
                ev.add("duration", item.duration)  # starts in a gap: say how long
            low, high = zones.get(item.zone, (start.year, start.year))
            zones[item.zone] = (min(low, start.year), max(high, end.year if end else MAXYEAR))
        if item.rrule:
            from accountdesk.core.timekeeping.recurrence import until_in_utc, validate_rrule

            validate_rrule(item.rrule)
            ev.add("rrule", icalendar.vRecur.from_ical(until_in_utc(item.rrule, item.zone)))
            _add_whole_rule(ev, item)
            for name, times in (("exdate", item.exdates), ("rdate", item.rdates)):
                if not times:
                    continue
                if is_utc(item.zone):
                    ev.add(name, [resolve_wall_time(t, item.zone).instant for t in times])
                else:
                    ev.add(name, list(times), parameters={"TZID": item.zone})
        if item.alarm is not None:
            ev.add_component(_valarm(item.summary, item.alarm))
        vevents.append(ev)
    for zone, (low, high) in sorted(zones.items()):
        extra = 10 if any(i.rrule for i in items if i.zone == zone) else 2
        # as far as a date goes: a follow-up in 9999 is written too
        first, last = max(MINYEAR, low - 1), min(MAXYEAR, high + extra)
        cal.add_component(vtimezone(zone, date(first, 1, 1), date(last, 1, 1)))
    for ev in vevents:
        cal.add_component(ev)
    data: bytes = cal.to_ical()
    return data


#: The property that holds :attr:`IcsEvent.title`: TEXT, escaped as SUMMARY is, and said so
#: (``VALUE=TEXT``), so that the import reads it unescaped; written before without the
#: parameter and unescaped, it is read as written.
TITLE_PROPERTY = "X-ACCOUNTDESK-TITLE"


def _event(item: IcsEvent, stamp: datetime) -> icalendar.Event:
    """A VEVENT with what every event has: UID, DTSTAMP, SEQUENCE, SUMMARY, its title and
    DESCRIPTION."""
    ev = icalendar.Event()
    ev.add("uid", item.uid)
    ev.add("dtstamp", stamp)
    ev.add("sequence", item.sequence)
    ev.add("summary", item.summary)
    if item.title is not None:
        # RFC 5545 readers take an X- property as TEXT: unescaped, a title's backslash and
        # "n" became a line break in a tool that keeps the property and writes it again
        ev.add(TITLE_PROPERTY, icalendar.vText(item.title), parameters={"VALUE": "TEXT"})
    if item.description:
        ev.add("description", item.description)
    return ev


def _all_day_event(item: IcsEvent, stamp: datetime) -> icalendar.Event:
    """The VEVENT of an all-day event: its days as dates (``VALUE=DATE``, no zone: a day is
    the same day in every calendar), its UNTIL a date as RFC 5545 asks when DTSTART is one, a
    reminder at ``local``'s time of day that day."""
    day = item.local.date()
    days = max(1, -(-item.duration // timedelta(days=1)))  # a part of a day is that day
    ev = _event(item, stamp)
    ev.add("dtstart", day)
    try:
        ev.add("dtend", day + timedelta(days=days))
    except OverflowError:  # its last day is 31 December 9999
        ev.add("duration", timedelta(days=days))
    if item.rrule:
        from accountdesk.core.timekeeping.recurrence import until_in_utc, validate_rrule

        validate_rrule(item.rrule)
        rule = until_in_utc(item.rrule, item.zone, all_day=True)
        ev.add("rrule", icalendar.vRecur.from_ical(rule))
        _add_whole_rule(ev, item)
        for name, times in (("exdate", item.exdates), ("rdate", item.rdates)):
            if times:
                ev.add(name, [t.date() for t in times])
    if item.alarm is not None:
        at = item.local - datetime.combine(day, datetime.min.time())
        ev.add_component(_valarm(item.summary, item.alarm - at))
    return ev


#: The property that holds :attr:`IcsEvent.whole_rule` (a RECUR, said so: ``VALUE=RECUR``).
WHOLE_RULE_PROPERTY = "X-ACCOUNTDESK-RRULE"


def _add_whole_rule(ev: icalendar.Event, item: IcsEvent) -> None:
    """The series' whole rule beside an RRULE that ends it early, its UNTIL in UTC as the
    RRULE's is (:func:`~accountdesk.core.timekeeping.recurrence.until_in_utc`)."""
    if not item.whole_rule or item.whole_rule == item.rrule:
        return
    from accountdesk.core.timekeeping.recurrence import until_in_utc, validate_rrule

    validate_rrule(item.whole_rule)
    rule = until_in_utc(item.whole_rule, item.zone, all_day=item.all_day)
    ev.add(WHOLE_RULE_PROPERTY, icalendar.vRecur.from_ical(rule), parameters={"VALUE": "RECUR"})


def _rule_of(component: Any) -> str | None:
    """The rule of an event as the file writes it (its RRULE); the whole rule instead
    (:data:`WHOLE_RULE_PROPERTY`) when the file's RRULE is it ended early (the same rule,
    but for its COUNT or UNTIL: a calendar that changed the rule and kept the property has
    its own rule read). None for an event that does not repeat."""
    rrule_prop = component.get("RRULE")
    if rrule_prop is None:
        return None
    raw = rrule_prop[0] if isinstance(rrule_prop, list) else rrule_prop
    # a rule the library could not parse is kept as the file's text (vBroken, a str):
    # written back (to_ical) it is escaped, its ';' read as part of FREQ's value
    if isinstance(raw, str):
        return str(raw)
    rule = raw.to_ical().decode("utf-8") if hasattr(raw, "to_ical") else str(raw)
    whole: Any = component.get(WHOLE_RULE_PROPERTY)
    if isinstance(raw, icalendar.vRecur) and isinstance(whole, icalendar.vRecur):

        def without_end(recur: icalendar.vRecur) -> dict[str, Any]:
            return {k: v for k, v in recur.items() if k not in ("COUNT", "UNTIL")}

        if without_end(raw) == without_end(whole):
            written: bytes = cast(Any, whole).to_ical()
            return written.decode("utf-8")
    return rule


def _valarm(summary: str, before: timedelta) -> icalendar.cal.Component:
    """A display alarm ``before`` the start (of every occurrence of a repeating event; a
    negative ``before``: after it, an all-day event's reminder at a time of its day)."""
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary or _("Reminder"))  # RFC 5545 requires one for DISPLAY
    alarm.add("trigger", -before)  # relative to the start: RELATED=START is the default
    return alarm


def _alarm(component: Any) -> timedelta | None:
    """How long before the start the event's first display or audio alarm relative to its
    start alerts; None without one (an e-mail alarm, one at an absolute time or after the
    start, or one the library cannot read is not a reminder AccountDesk keeps)."""
    for sub in getattr(component, "subcomponents", ()):
        if getattr(sub, "name", None) != "VALARM":
            continue
        action = str(sub.get("ACTION") or "").upper()
        trigger = sub.get("TRIGGER")
        if action not in {"DISPLAY", "AUDIO"} or trigger is None or isinstance(trigger, list):
            continue
        params = getattr(trigger, "params", {}) or {}
        value = _value(trigger)
        related = str(params.get("RELATED", "START")).upper()
        if isinstance(value, timedelta) and related == "START" and value <= timedelta(0):
            return -value
    return None


# --- import ---------------------------------------------------------------------------------


#: Where a line ends, as the iCalendar library reads a file (CRLF, or LF alone).
_NEWLINE = re.compile(r"\r?\n")
#: The library's reading of one content line (untyped): ``parts()`` is (name, params, value).
_CONTENT_LINE: Any = Contentline


def _component_lines(text: str, name: str) -> list[int]:
    """The lines (from 1) where the file's components ``name`` (VEVENT, VTODO) begin."""
    begin = f"BEGIN:{name}"
    return [
        number
        for number, line in enumerate(_NEWLINE.split(text), start=1)
        if line.strip().upper() == begin
    ]


def _content_lines(text: str) -> Iterator[tuple[int, str]]:
    """The file's content lines unfolded (a line that starts with a space or a tab goes on
    the one before), each with the number of the line it starts on; empty ones left out."""
    number, current = 0, ""
    for at, raw in enumerate(_NEWLINE.split(text), start=1):
        if raw[:1] in (" ", "\t") and number:
            current += raw[1:]
            continue
        if current:
            yield number, current
        number, current = at, raw
    if current:
        yield number, current


def _diagnosis(text: str) -> IcsError | None:
    """What is wrong with a file the iCalendar library refused, said in the user's language
    with its line (the library's own message is English, and for a component left open it
    says "Found no components where exactly one is required: BEGIN:VCALENDAR" although line 1
    is BEGIN:VCALENDAR): the first line that is not NAME:value, a component without its END
    (the END of one around it, or the end of the file, comes first), an END of none that is
    open, anything after the calendar's END, a value (a date, a time, a duration, a rule) that
    cannot be read. None when none of these is found."""
    from accountdesk.core.validation import printable

    def quoted(value: str) -> str:
        return printable(value if len(value) <= 60 else value[:60] + "\u2026")

    open_: list[tuple[str, int, str, int | None]] = []  # name, line, where, event number
    counted = {"VEVENT": 0, "VTODO": 0}
    ended_on: int | None = None
    for line, content in _content_lines(text):
        shown = format_number(line)
        try:
            name, params, value = _CONTENT_LINE(content).parts()
        except ValueError:
            return IcsError(
                _("Line {line} is not an iCalendar line (NAME:value): “{text}”.").format(
                    line=shown, text=quoted(content)
                ),
                line,
            )
        name = name.upper()
        if ended_on is not None:
            return IcsError(
                _(
                    "Line {line}: the file goes on after the end of the calendar "
                    "(END:VCALENDAR on line {end})."
                ).format(line=shown, end=format_number(ended_on)),
                line,
            )
        kind = value.strip().upper()
        if name == "BEGIN":
            number = None
            if kind in counted:
                number = counted[kind] = counted[kind] + 1
                where = _where(number, line, task=kind == "VTODO")
            else:
                where = _("BEGIN:{name} on line {line}").format(name=kind, line=shown)
            open_.append((kind, line, where, number))
        elif name == "END" and all(kind != opened[0] for opened in open_):
            return IcsError(
                _("Line {line}: END:{name} has no BEGIN:{name} before it.").format(
                    line=shown, name=kind
                ),
                line,
            )
        elif name == "END" and open_[-1][0] != kind:
            break  # the END of one around it comes first: the one open has none (said below)
        elif name == "END":
            open_.pop()
            ended_on = line if not open_ else None
        elif open_ and not name.startswith("X-") and name not in ("CATEGORIES", "FREEBUSY"):
            factory: Any = icalendar.Calendar.types_factory.for_property(name, params.value)
            own = getattr(factory, "get_value_from_content_line", None)
            raw = own(_CONTENT_LINE(content)) if own is not None else value
            try:
                if raw or name != "RDATE":  # an empty RDATE is taken for none
                    factory.from_ical(raw)
            except (ValueError, TypeError):
                return IcsError(
                    _("Line {line}: the value of {name} cannot be read: “{value}”.").format(
                        line=shown, name=name, value=quoted(str(raw))
                    ),
                    line,
                )
    if open_:
        kind, line, where, number = open_[-1]
        message = _("{where} has no END:{name}.").format(where=where, name=kind)
        return IcsError(message, line, number)
    return None


def _where(number: int, line: int | None, *, task: bool = False) -> str:
    """Where an event (a ``task``: a VTODO) is in its file, its numbers in the language's
    digits."""
    if task:
        if line is None:
            return _("Task {number}").format(number=format_number(number))
        return _("Task {number} (line {line})").format(
            number=format_number(number), line=format_number(line)
        )
    if line is None:
        return _("Event {number}").format(number=format_number(number))
    return _("Event {number} (line {line})").format(
        number=format_number(number), line=format_number(line)
    )


def _zone_from_tzinfo(value: tzinfo | None) -> str | None:
    if isinstance(value, ZoneInfo) and is_valid_zone(value.key):
        return value.key
    key = getattr(value, "key", None) or getattr(value, "zone", None)
    if isinstance(key, str) and is_valid_zone(key):
        return key
    return None


def _iana_from_tzid(tzid: str) -> str | None:
    """The IANA zone a TZID names: the name itself, a Windows name as Outlook writes it
    ("FLE Standard Time": :func:`~accountdesk.core.timekeeping.zones.windows_zone`), or the
    IANA name at the end of a vendor's path; None when it names none (a zone the file
    defines alone)."""
    if is_valid_zone(tzid):
        return tzid
    from_windows = windows_zone(tzid)
    if from_windows is not None:
        return from_windows
    # "/mozilla.org/20050126_1/Europe/Berlin", "/softwarestudio.org/Olson_20011030_5/…"
    pieces = [piece for piece in tzid.strip().strip("/").split("/") if piece]
    for size in (3, 2, 1):
        candidate = "/".join(pieces[-size:])
        if len(pieces) >= size and is_valid_zone(candidate):
            return candidate
    return None


def _start(
    prop: Any, where: str, floating_zone: str, utc_zone: str, line: int | None, number: int
) -> tuple[datetime, str, bool]:
    """(naive wall time, zone, all-day) for a DTSTART property (or a task's DUE). A time in
    UTC, however the file spells it (``Z``, ``TZID=UTC``, ``TZID=Etc/GMT`` …:
    :func:`~accountdesk.core.timekeeping.zones.is_utc`), is expressed in ``utc_zone``."""
    value = _value(prop)
    if isinstance(value, datetime):
        tzid = prop.params.get("TZID") if hasattr(prop, "params") else None
        if value.tzinfo is None:
            if tzid:
                zone = _iana_from_tzid(str(tzid))
                if zone is None:
                    raise IcsError(
                        _(
                            "{where}: the time zone “{tzid}” is unknown and the file does not "
                            "define it."
                        ).format(where=where, tzid=tzid),
                        line,
                        number,
                    )
                if is_utc(zone):
                    return to_wall(value.replace(tzinfo=UTC), utc_zone), utc_zone, False
                return value, zone, False
            return value, floating_zone, False
        offset = value.utcoffset()
        zone = (_iana_from_tzid(str(tzid)) if tzid else None) or _zone_from_tzinfo(value.tzinfo)
        if (not tzid and offset == timedelta(0)) or (zone is not None and is_utc(zone)):
            return to_wall(value, utc_zone), utc_zone, False
        if zone is not None:
            return to_wall(value, zone), zone, False
        # A custom VTIMEZONE that maps to no IANA zone: keep the instant, in the caller's zone.
        return to_wall(value, floating_zone), floating_zone, False
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day), floating_zone, True
    raise IcsError(
        _("{where}: the start time (DTSTART) cannot be read.").format(where=where), line, number
    )


def _value(prop: Any) -> Any:
    """The value of a date, time or duration property; None when it cannot be read (the
    library keeps a value it could not parse and raises ValueError when it is asked for)."""
    try:
        return getattr(prop, "dt", None)
    except ValueError:
        return None


def _out_of_range(where: str, line: int | None, number: int) -> IcsError:
    """An event whose start or end lies beyond the years a date can have (1 to 9999)."""
    return IcsError(
        _("{where}: its date is outside the years AccountDesk can store.").format(where=where),
        line,
        number,
    )


def _instant(value: Any, zone: str) -> datetime | None:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return resolve_wall_time(value, zone).instant
        return value.astimezone(UTC)
    if isinstance(value, date):
        return resolve_wall_time(datetime(value.year, value.month, value.day), zone).instant
    return None


def _listed_times(component: Any, name: str, zone: str, start: datetime) -> tuple[datetime, ...]:
    """The EXDATE or RDATE (``name``) times of an event as naive wall times in its ``zone``
    (a date alone: that day at the event's time of day); unreadable values are left out."""
    found = component.get(name)
    if found is None:
        return ()
    times: list[datetime] = []
    for prop in found if isinstance(found, list) else [found]:
        for item in getattr(prop, "dts", ()):
            value = _value(item)
            if isinstance(value, datetime):
                if value.tzinfo is not None:
                    value = to_wall(value, zone)
                times.append(value)
            elif isinstance(value, date):
                times.append(datetime.combine(value, start.time()))
    return tuple(sorted(set(times)))


def import_ics(
    data: bytes,
    floating_zone: str = "UTC",
    utc_zone: str = "UTC",
    default_duration: timedelta = DEFAULT_DURATION,
) -> list[IcsEvent]:
    """The events (VEVENTs) and the tasks with a date (VTODOs) of an .ics file: the
    ``events`` of :func:`read_ics`."""
    return read_ics(data, floating_zone, utc_zone, default_duration).events


def read_ics(
    data: bytes,
    floating_zone: str = "UTC",
    utc_zone: str = "UTC",
    default_duration: timedelta = DEFAULT_DURATION,
) -> IcsContents:
    """The events (VEVENTs) and tasks (VTODOs: Outlook, Thunderbird and Apple Reminders write
    to-dos so) of an .ics file, in the file's order.

    Floating times (no zone) and all-day dates are anchored to ``floating_zone``; UTC times
    (``Z``, or ``TZID=UTC``, ``Etc/GMT`` and UTC's other names) are expressed in
    ``utc_zone``, but for a repeating event (RRULE), which stays in UTC: RFC 5545 repeats
    it at that UTC time on UTC's days, as every calendar that shows it does (its BYDAY days
    are UTC's, and its hour in a zone with DST moves at the zone's changes). A TZID that is
    a Windows name (Outlook's "FLE Standard Time") is that zone's IANA zone. An event
    without DTEND or DURATION lasts ``default_duration`` (a day for all-day events), as a
    task does. A task is at its DUE, else at its DTSTART (a repeating
    one at its DTSTART when it has one: its occurrences are those of its DTSTART); one with
    neither is listed in :attr:`IcsContents.undated`. An event's EXDATE and RDATE times (a
    recurring one's, or the further dates of one without a rule) are read as wall times in
    its zone; changed instances (RECURRENCE-ID) are skipped.
    Raises :class:`IcsError` for a file that is not iCalendar, cannot be parsed, or has an
    event without a usable start or with an unknown zone.
    """
    for name in (floating_zone, utc_zone):
        if not is_valid_zone(name):
            raise ValueError(f"unknown zone {name}")
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IcsError(
            _("This is not an iCalendar file: it is not UTF-8 text (byte {position}).").format(
                position=format_number(exc.start + 1)
            ),
            None,
        ) from None
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if first_line.upper() != "BEGIN:VCALENDAR":
        raise IcsError(
            _(
                "This is not an iCalendar file: the first line should be BEGIN:VCALENDAR, "
                "not “{line}”."
            ).format(line=first_line[:60]),
            1,
        )
    try:
        with warnings.catch_warnings():
            # vendor-prefixed TZIDs: icalendar warns that it guesses; so do we, on purpose
            warnings.simplefilter("ignore", UserWarning)
            parsed = icalendar.Calendar.from_ical(text)
            components = [c for c in parsed.walk() if c.name in ("VEVENT", "VTODO")]
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
        found = _diagnosis(text)
        if found is not None:
            raise found from None
        # The library's first line says what is wrong; the next ones can quote the whole file.
        reason = (str(exc).strip() or repr(exc)).splitlines()[0][:200]
        raise IcsError(
            _("The iCalendar file cannot be read: {error}").format(error=reason)
        ) from None
    lines = {name: _component_lines(text, name) for name in ("VEVENT", "VTODO")}
    counted = {"VEVENT": 0, "VTODO": 0}
    result: list[IcsEvent] = []
    undated: list[tuple[str, str]] = []
    for component in components:
        kind = str(component.name)
        task = kind == "VTODO"
        number = counted[kind] = counted[kind] + 1
        line = lines[kind][number - 1] if number <= len(lines[kind]) else None
        where = _where(number, line, task=task)
        if component.get("RECURRENCE-ID") is not None:
            continue
        prop = component.get("DTSTART")
        due = component.get("DUE") if task else None
        if due is not None and (prop is None or component.get("RRULE") is None):
            prop = due  # a repeating task runs from its DTSTART
        if prop is None and task:
            undated.append((str(component.get("SUMMARY") or ""), where))
            continue
        if prop is None:
            raise IcsError(
                _("{where} has no start time (DTSTART).").format(where=where), line, number
            )
        # RFC 5545 repeats a UTC start at that UTC time on UTC's days (BYDAY=MO is Monday in
        # UTC): a repeating event's stay in UTC, anchored elsewhere they moved to other days
        in_utc = "UTC" if component.get("RRULE") is not None else utc_zone
        try:
            local, zone, all_day = _start(prop, where, floating_zone, in_utc, line, number)
            start_instant = resolve_wall_time(local, zone).instant
        except OverflowError:
            raise _out_of_range(where, line, number) from None
        duration: timedelta | None = None
        # a task's DURATION is how long before its DUE it starts, not how long it lasts
        end_prop = None if task else component.get("DTEND")
        if end_prop is not None:
            try:
                end_instant = _instant(_value(end_prop), zone)
            except OverflowError:
                raise _out_of_range(where, line, number) from None
            if end_instant is None:
                raise IcsError(
                    _("{where}: the end time (DTEND) cannot be read.").format(where=where),
                    line,
                    number,
                )
            duration = end_instant - start_instant
        elif not task and component.get("DURATION") is not None:
            value = _value(component.get("DURATION"))
            if not isinstance(value, timedelta):
                raise IcsError(
                    _("{where}: the DURATION cannot be read.").format(where=where), line, number
                )
            duration = value
        if duration is None:
            duration = timedelta(days=1) if all_day else default_duration
        if duration > datetime.max.replace(tzinfo=UTC) - start_instant:
            raise _out_of_range(where, line, number)  # it would end after the year 9999
        if duration < timedelta(0):
            raise IcsError(_("{where} ends before it starts.").format(where=where), line, number)
        rrule = _rule_of(component)
        uid = str(component.get("UID") or "").strip() or str(
            uuid.uuid5(uuid.NAMESPACE_URL, f"ics:{number}:{local.isoformat()}:{zone}")
        )
        result.append(
            IcsEvent(
                uid=uid,
                summary=str(component.get("SUMMARY") or ""),
                description=str(component.get("DESCRIPTION") or ""),
                local=local,
                zone=zone,
                duration=duration,
                rrule=rrule,
                number=number,
                line=line,
                alarm=_alarm(component),
                exdates=_listed_times(component, "EXDATE", zone, local),
                rdates=_listed_times(component, "RDATE", zone, local),
                all_day=all_day,
                title=str(component[TITLE_PROPERTY]) if TITLE_PROPERTY in component else None,
                task=task,
                status=_status(component),
                sequence=_sequence(component),
            )
        )
    return IcsContents(result, tuple(undated))


#: The greatest INTEGER of RFC 5545 (and of a database's INTEGER column).
_INTEGER_MAX = 2**31 - 1


def _sequence(component: Any) -> int:
    """A component's SEQUENCE; 0 without one, or with one that is no whole number of 0 or
    more (RFC 5545's default); at most RFC 5545's greatest INTEGER."""
    try:
        value = int(str(component.get("SEQUENCE", 0)).strip())
    except ValueError:
        return 0
    return min(max(0, value), _INTEGER_MAX)


def _status(component: Any) -> str:
    """A component's STATUS in upper case ("CANCELLED", "COMPLETED" …); "COMPLETED" for a
    task with a COMPLETED time and no STATUS (Apple Reminders writes one so); "" without."""
    status = str(component.get("STATUS") or "").strip().upper()
    if not status and component.name == "VTODO" and component.get("COMPLETED") is not None:
        return "COMPLETED"
    return status
