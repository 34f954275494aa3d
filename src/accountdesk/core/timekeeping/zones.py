"""Wall-clock time in an IANA zone and the instant it means.

A follow-up stores its intended wall-clock time and the zone it is anchored to; the UTC instant
is derived here with :mod:`zoneinfo` and the ``tzdata`` package, so that a change of a zone's
rules keeps "10:00 her time".

The rule for times that do not exist or exist twice (:func:`resolve_wall_time`):

* **gap** (clocks jump forward, e.g. 02:30 on a spring-forward night): the time is moved forward
  by the length of the gap, so 02:30 becomes 03:30 when the clocks jump from 02:00 to 03:00;
  this is the instant the wall time would have meant with the offset in force before the jump.
* **overlap** (clocks fall back, e.g. 02:30 happens twice): the first, earlier occurrence is
  used (the one still on the offset before the change, usually summer time).

Both cases come back with a translated message that says what happened and which rule applied;
they are never changed silently.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from accountdesk.core.bidi import isolate, ltr
from accountdesk.core.i18n import (
    _,
    current_zone_id,
    format_date,
    format_time,
    format_when,
    localize_digits,
    zone_name,
)

WallTimeKind = Literal["ok", "gap", "overlap"]
MINUS = "\u2212"


@cache
def _zone_set() -> frozenset[str]:
    return frozenset(available_timezones())


def available_zones() -> list[str]:
    """Every zone in tzdata, sorted."""
    return sorted(_zone_set())


@cache
def _zones_by_folded_name() -> dict[str, str]:
    return {name.casefold(): name for name in _zone_set()}


def zone_spelled(text: str) -> str | None:
    """The IANA zone ``text`` names, whatever the case of its letters (``asia/tehran`` ->
    ``Asia/Tehran``; tzdata's names differ by more than case), or None."""
    return _zones_by_folded_name().get(text.strip().casefold())


def is_valid_zone(name: str | None) -> bool:
    """True when ``name`` is an IANA zone that zoneinfo can load."""
    if not name or not isinstance(name, str):
        return False
    if name in _zone_set():
        return True
    try:
        get_zone(name)
    except (ZoneInfoNotFoundError, ValueError, OSError, TypeError):
        return False
    return True


def same_zone(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` name the same zone: one may be an older id or an alias of the
    other (``Europe/Kiev`` and ``Europe/Kyiv``, ``UTC`` and ``Etc/UTC``), by CLDR's aliases
    (:func:`~accountdesk.core.i18n.current_zone_id`). A zone box lists only current ids, so a
    zone stored under an older one comes back under its current one. tzdata's links are no
    test: they also join different places (``Europe/Oslo`` -> ``Europe/Berlin``)."""
    return a == b or current_zone_id(a) == current_zone_id(b)


def is_utc(zone: str) -> bool:
    """Whether ``zone`` is UTC under any of its names (``UTC``, ``Etc/UTC``, ``Zulu``,
    ``GMT``, ``Etc/GMT``, ``Etc/GMT+0`` …): a zone of no offset and no rules, by
    :func:`same_zone` (``Europe/London`` and ``Africa/Abidjan`` are places, not UTC)."""
    return same_zone(zone, "Etc/UTC") or same_zone(zone, "Etc/GMT")


@lru_cache(maxsize=1024)
def get_zone(name: str) -> ZoneInfo:
    """The ``ZoneInfo`` for ``name`` (cached); raises ``ZoneInfoNotFoundError`` or ValueError."""
    return ZoneInfo(name)


def _zone_from_path(path: str) -> str | None:
    marker = "zoneinfo/"
    index = path.rfind(marker)
    if index < 0:
        return None
    candidate = path[index + len(marker) :]
    for prefix in ("posix/", "right/"):
        candidate = candidate.removeprefix(prefix)
    return candidate if is_valid_zone(candidate) else None


#: Where Windows keeps the zone set in Settings (its own name, "FLE Standard Time").
_WINDOWS_ZONE_KEY = r"SYSTEM\CurrentControlSet\Control\TimeZoneInformation"


def windows_zone(name: str) -> str | None:
    """The IANA zone of a zone's Windows name ("FLE Standard Time", "Tokyo Standard Time"):
    CLDR's mapping of Windows names, as the ``icalendar`` package ships it (each name's zone
    for the world, "001": ``FLE Standard Time`` is ``Europe/Kiev``); None for a name it does
    not map. Windows' own setting and the TZIDs Outlook writes in .ics files are read by it."""
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    found = WINDOWS_TO_OLSON.get(name.strip('\x00 "'))
    return found if found and is_valid_zone(found) else None


def _windows_zone() -> str | None:
    """The IANA zone of Windows' own zone setting (:func:`windows_zone`); None elsewhere or
    when it cannot be read or mapped."""
    if sys.platform != "win32":
        return None
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, _WINDOWS_ZONE_KEY) as key:
            name, _kind = winreg.QueryValueEx(key, "TimeZoneKeyName")
    except OSError:
        return None
    return windows_zone(str(name))


def system_zone(environ: Mapping[str, str] | None = None, etc: Path = Path("/etc")) -> str:
    """The operating system's IANA zone: ``TZ``, then on Windows the zone set there (it has
    no /etc), then /etc/localtime, /etc/timezone, else UTC."""
    env = os.environ if environ is None else environ
    tz = (env.get("TZ") or "").strip()
    if tz:
        tz = tz.removeprefix(":")
        if is_valid_zone(tz):
            return tz
        from_path = _zone_from_path(tz)
        if from_path:
            return from_path
    from_windows = _windows_zone()
    if from_windows:
        return from_windows
    localtime = etc / "localtime"
    try:
        if localtime.is_symlink():
            from_link = _zone_from_path(os.path.realpath(localtime))
            if from_link is None:
                from_link = _zone_from_path(os.readlink(localtime))
            if from_link:
                return from_link
    except OSError:
        pass
    try:
        text = (etc / "timezone").read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        text = ""
    if text:
        first = text.split()[0]
        if is_valid_zone(first):
            return first
    return "UTC"


def user_zone(
    pinned: str | None = None,
    environ: Mapping[str, str] | None = None,
    etc: Path = Path("/etc"),
) -> str:
    """The user's zone: ``pinned`` (from settings) when valid, else the system's zone.

    The system zone is read again on every call, so it follows the laptop as it travels.
    """
    if pinned and is_valid_zone(pinned):
        return pinned
    return system_zone(environ, etc)


@dataclass(frozen=True)
class WallTimeResolution:
    """What a wall-clock time in a zone means.

    ``local`` is the time as intended (naive); ``instant`` is the aware UTC instant used;
    ``kind`` says whether the time existed once (``ok``), not at all (``gap``) or twice
    (``overlap``); for a gap ``shifted_local`` is the wall time actually used; ``message`` is a
    translated explanation for gaps and overlaps.
    """

    local: datetime
    zone: str
    instant: datetime
    kind: WallTimeKind
    shifted_local: datetime | None = None
    message: str | None = None

    @property
    def effective_local(self) -> datetime:
        """The wall time the instant shows in the zone (``shifted_local`` for a gap)."""
        return self.shifted_local if self.shifted_local is not None else self.local


def _naive(value: datetime, what: str) -> None:
    if value.tzinfo is not None:
        raise ValueError(f"{what} must be a naive wall-clock time, got {value!r}")


def _aware(value: datetime, what: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got {value!r}")


def _offsets(local: datetime, zone: ZoneInfo) -> tuple[timedelta, timedelta]:
    first = local.replace(tzinfo=zone, fold=0).utcoffset()
    second = local.replace(tzinfo=zone, fold=1).utcoffset()
    assert first is not None and second is not None
    return first, second


def resolve_wall_time(local: datetime, zone: str) -> WallTimeResolution:
    """The instant meant by the naive wall time ``local`` in ``zone``, with the DST rule applied.

    Raises ValueError for an aware ``local`` or an unknown zone.
    """
    _naive(local, "local")
    try:
        tz = get_zone(zone)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ValueError(_("Unknown time zone: {zone}").format(zone=zone)) from exc
    local = local.replace(fold=0)
    before, after = _offsets(local, tz)
    instant = (local - before).replace(tzinfo=UTC)
    if before == after:
        return WallTimeResolution(local, zone, instant, "ok")
    if before < after:
        # A gap: with the offset in force before the jump, the wall time lands after it.
        shifted = to_wall(instant, zone)
        message = _(
            "{time} does not exist in {place} on {date}: the clocks jump forward by {gap} there. "
            "Rule applied: a time in the gap moves forward by the gap's length, so {shifted} "
            "is used."
        ).format(
            time=format_time(local),
            place=zone_name(zone),
            date=format_date(local.date()),
            gap=isolate(format_duration(after - before)),
            shifted=format_time(shifted)
            if shifted.date() == local.date()
            else format_when(shifted),
        )
        return WallTimeResolution(local, zone, instant, "gap", shifted, message)
    message = _(
        "{time} happens twice in {place} on {date}: the clocks go back by {gap} there. "
        "Rule applied: the first (earlier) {time} is used, at UTC{offset}."
    ).format(
        time=format_time(local),
        place=zone_name(zone),
        date=format_date(local.date()),
        gap=isolate(format_duration(before - after)),
        offset=ltr(format_utc_offset(before)),
    )
    return WallTimeResolution(local, zone, instant, "overlap", None, message)


def to_instant(local: datetime, zone: str) -> datetime:
    """Shorthand for ``resolve_wall_time(local, zone).instant``."""
    return resolve_wall_time(local, zone).instant


def to_wall(instant: datetime, zone: str) -> datetime:
    """The naive wall-clock time that the aware ``instant`` shows in ``zone``."""
    _aware(instant, "instant")
    return instant.astimezone(get_zone(zone)).replace(tzinfo=None, fold=0)


def to_zone(instant: datetime, zone: str) -> datetime:
    """The aware ``instant`` expressed in ``zone`` (same instant, local fields)."""
    _aware(instant, "instant")
    return instant.astimezone(get_zone(zone))


def user_day(instant: datetime, zone: str) -> date:
    """The user's day: the date the aware ``instant`` falls on in their ``zone`` (at 02:00 UTC
    it is already the 29th in Bangkok and still the 28th in Los Angeles). What a new record is
    dated with, a period ends on and a report is generated on; never the UTC date."""
    return to_zone(instant, zone).date()


def utc_offset(zone: str, at: datetime) -> timedelta:
    """The zone's UTC offset at the aware instant ``at``."""
    _aware(at, "at")
    offset = at.astimezone(get_zone(zone)).utcoffset()
    assert offset is not None
    return offset


def offset_between(zone_a: str, zone_b: str, at: datetime) -> timedelta:
    """How far ``zone_b``'s clocks are ahead of ``zone_a``'s at the aware instant ``at``.

    ``offset_between("Europe/Riga", "Asia/Bangkok", summer)`` is 4 hours.
    """
    return utc_offset(zone_b, at) - utc_offset(zone_a, at)


def _hours_minutes(td: timedelta) -> tuple[str, int, int]:
    seconds = round(td.total_seconds() / 60) * 60
    sign = "+" if seconds > 0 else MINUS if seconds < 0 else "±"
    minutes_total = abs(seconds) // 60
    return sign, minutes_total // 60, minutes_total % 60


def format_offset(td: timedelta) -> str:
    """A difference of clocks: ``+2 h``, ``−5 h 30 min``, ``+45 min``, ``±0 h`` (translated).

    The sign and the first number are one left-to-right unit (:func:`~accountdesk.core.bidi.ltr`,
    the CLDR way for Persian), so "−5" keeps its minus in front in a right-to-left sentence
    instead of showing "5−"; ``{sign}`` is therefore given empty and the signed number takes
    the place of the number that follows it.
    """
    sign, hours, minutes = _hours_minutes(td)
    if hours and minutes:
        text = _("{sign}{hours} h {minutes} min").format(
            sign="", hours=ltr(f"{sign}{hours}"), minutes=minutes
        )
    elif minutes:
        text = _("{sign}{minutes} min").format(sign="", minutes=ltr(f"{sign}{minutes}"))
    else:
        text = _("{sign}{hours} h").format(sign="", hours=ltr(f"{sign}{hours}"))
    return localize_digits(text)


def format_duration(td: timedelta) -> str:
    """A length of time without sign: ``1 h``, ``30 min``, ``1 h 30 min`` (translated)."""
    _sign, hours, minutes = _hours_minutes(abs(td))
    if hours and minutes:
        text = _("{hours} h {minutes} min").format(hours=hours, minutes=minutes)
    elif minutes:
        text = _("{minutes} min").format(minutes=minutes)
    else:
        text = _("{hours} h").format(hours=hours)
    return localize_digits(text)


def offset_to_you(td: timedelta) -> str:
    """Their clocks against the user's in words: "same time as you", "2 h ahead of you",
    "5 h 30 min behind you" (translated; ``td`` positive when they are ahead; the amount is
    isolated, see :mod:`accountdesk.core.bidi`). A caller that puts the result into a sentence
    of its own isolates it there."""
    if round(td.total_seconds() / 60) == 0:
        return _("same time as you")
    amount = isolate(format_duration(td))
    if td > timedelta(0):
        return _("{amount} ahead of you").format(amount=amount)
    return _("{amount} behind you").format(amount=amount)


def iso_offset(td: timedelta) -> str:
    """An offset from UTC as ISO 8601 writes it, for files and JSON whatever the language:
    ``+03:30``, ``-04:00`` (a hyphen-minus and ASCII digits, as ``datetime.isoformat`` and
    ``fromisoformat`` have them; ``accountdesk contact --json`` gave "−۰۴:۰۰" in Persian)."""
    minutes = round(td.total_seconds() / 60)
    hours, rest = divmod(abs(minutes), 60)
    return f"{'-' if minutes < 0 else '+'}{hours:02d}:{rest:02d}"


def format_utc_offset(td: timedelta) -> str:
    """An offset from UTC the ISO way, as people read it: ``+03:00``, ``+05:45``, ``−03:30``
    (the minus sign, the language's digits); :func:`iso_offset` for a file."""
    return localize_digits(iso_offset(td).replace("-", MINUS))


@dataclass(frozen=True)
class Transition:
    """A change of a zone's UTC offset at ``instant`` (aware UTC)."""

    instant: datetime
    offset_before: timedelta
    offset_after: timedelta
    is_dst_after: bool
    name_after: str

    @property
    def is_gap(self) -> bool:
        return self.offset_after > self.offset_before

    @property
    def local_before(self) -> datetime:
        """The wall time at which the change happens, read on the old offset."""
        return (self.instant + self.offset_before).replace(tzinfo=None)

    @property
    def local_after(self) -> datetime:
        """The wall time right after the change, read on the new offset."""
        return (self.instant + self.offset_after).replace(tzinfo=None)


def transitions(
    zone: str, start: date, end: date, probe: timedelta = timedelta(days=1)
) -> list[Transition]:
    """The changes of ``zone``'s UTC offset from ``start`` to ``end`` (UTC days).

    The zone is probed every ``probe`` and each change found is narrowed down to the second, so
    two changes closer together than ``probe`` are not seen.
    """
    tz = get_zone(zone)
    found: list[Transition] = []
    current = datetime(start.year, start.month, start.day, tzinfo=UTC)
    stop = datetime(end.year, end.month, end.day, tzinfo=UTC)

    def offset(at: datetime) -> timedelta:
        value = at.astimezone(tz).utcoffset()
        assert value is not None
        return value

    previous = offset(current)
    while current < stop:
        nxt = min(current + probe, stop)
        value = offset(nxt)
        if value != previous:
            low, high = current, nxt
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                middle = middle.replace(microsecond=0)
                if middle <= low:
                    break
                if offset(middle) == previous:
                    low = middle
                else:
                    high = middle
            there = high.astimezone(tz)
            found.append(
                Transition(
                    high,
                    previous,
                    value,
                    bool(there.dst()),
                    there.tzname() or format_utc_offset(value),
                )
            )
            previous = value
        current = nxt
    return found
