"""The data of the "before you reach out" panel and the Today block. No GUI, no clock.

Every instant comes in as a parameter (``now`` must be timezone-aware); local dates and times
are computed with :mod:`zoneinfo`, so midnight and DST changes are handled by the zone rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from accountdesk.core.culture import calendar, countries, etiquette, seasons
from accountdesk.core.culture.calendar import Holiday
from accountdesk.core.culture.etiquette import Note
from accountdesk.core.culture.profile import average_disclaimer
from accountdesk.core.culture.seasons import Season
from accountdesk.core.i18n import current_language, use_language

UPCOMING_DAYS = 90


@dataclass(frozen=True)
class ReachOut:
    country: str
    subdivision: str | None
    zone: str
    local_now: datetime
    offset_to_user: timedelta  # their UTC offset minus the user's: positive = they are ahead
    working_now: bool
    next_window_start: datetime | None  # aware, in their zone; None when working now
    business_hours: tuple[time, time]
    hours_curated: bool
    holidays_today: list[Holiday]
    upcoming_holidays: list[Holiday]
    current_seasons: list[Season]
    upcoming_seasons: list[Season]
    highlights: dict[str, list[Note]]
    average_disclaimer: str


@dataclass(frozen=True)
class TodayItem:
    kind: str  # "holiday" or "season"
    country: str
    subdivision: str | None
    start: date
    end: date
    name: str
    is_today: bool
    estimated: bool = False
    categories: tuple[str, ...] = ()
    advice: str = ""


@lru_cache(maxsize=1024)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _zone_or_utc(name: str | None) -> ZoneInfo:
    if name:
        try:
            return _zone(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return _zone("UTC")


def _in_hours(moment: time, start: time, end: time) -> bool:
    if start < end:
        return start <= moment < end
    return moment >= start or moment < end  # a window across midnight


def _is_working(country: str, sub: str | None, local: datetime, start: time, end: time) -> bool:
    if not _in_hours(local.time().replace(tzinfo=None), start, end):
        return False
    day = local.date()
    if start >= end and local.time() < end:
        day -= timedelta(days=1)  # the early hours belong to the window of the day before
    return calendar.is_working_day(country, sub, day)


def _next_window(
    country: str, sub: str | None, local_now: datetime, tz: ZoneInfo, start: time
) -> datetime | None:
    day = local_now.date()
    for offset in range(0, 60):
        current = day + timedelta(days=offset)
        if not calendar.is_working_day(country, sub, current):
            continue
        opening = datetime.combine(current, start, tzinfo=tz)
        if opening > local_now:
            return opening
    return None


def reach_out_summary(
    *,
    country: str,
    subdivision: str | None,
    zone: str | None,
    user_zone: str | None,
    now: datetime,
    working_hours_override: tuple[time, time] | None = None,
    lang: str | None = None,
) -> ReachOut:
    """Everything the panel shows for one contact, at the instant ``now`` (aware)."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    cc = country.upper()
    language = lang or current_language().code
    tz = _zone_or_utc(zone or countries.default_zone(cc))
    user_tz = _zone_or_utc(user_zone)
    local_now = now.astimezone(tz)
    user_now = now.astimezone(user_tz)
    offset = (local_now.utcoffset() or timedelta(0)) - (user_now.utcoffset() or timedelta(0))
    hours = calendar.business_hours(cc)
    if working_hours_override is not None:
        start, end = working_hours_override
        curated = True
    else:
        start, end, curated = hours.start, hours.end, hours.curated
    working = _is_working(cc, subdivision, local_now, start, end)
    next_start = None if working else _next_window(cc, subdivision, local_now, tz, start)
    today = local_now.date()
    horizon = today + timedelta(days=UPCOMING_DAYS)
    found = calendar.holidays_between(cc, subdivision, today, horizon, language)
    found_seasons = seasons.seasons_between(cc, today, horizon, language)
    with use_language(language):
        disclaimer = average_disclaimer()
    return ReachOut(
        country=cc,
        subdivision=subdivision,
        zone=tz.key,
        local_now=local_now,
        offset_to_user=offset,
        working_now=working,
        next_window_start=next_start,
        business_hours=(start, end),
        hours_curated=curated,
        holidays_today=[h for h in found if h.date == today],
        upcoming_holidays=[h for h in found if h.date > today],
        current_seasons=[s for s in found_seasons if s.contains(today)],
        upcoming_seasons=[s for s in found_seasons if s.start > today],
        highlights=etiquette.highlights(cc, language),
        average_disclaimer=disclaimer,
    )


def today_block(
    pairs: Iterable[tuple[str, str | None]], today: date, days: int = 7, lang: str | None = None
) -> list[TodayItem]:
    """Holidays and seasons today and in the next ``days`` days (today included).

    ``pairs`` are the distinct (country, subdivision) pairs of the user's contacts; seasons are
    reported once per country. Today's holidays come first, then today's seasons, then the rest
    of the week by start date and country.
    """
    language = lang or current_language().code
    end = today + timedelta(days=max(days, 1) - 1)
    all_seasons = seasons.all_seasons_between(today, end, language)
    items: list[TodayItem] = []
    seen_pairs: set[tuple[str, str | None]] = set()
    seen_countries: set[str] = set()
    for country, sub in pairs:
        cc = country.upper()
        key = (cc, sub.upper() if sub else None)
        if key in seen_pairs:
            continue
        seen_pairs.add(key)
        for h in calendar.holidays_between(cc, key[1], today, end, language):
            if calendar.PUBLIC not in h.categories:
                continue
            items.append(
                TodayItem(
                    "holiday",
                    cc,
                    key[1],
                    h.date,
                    h.date,
                    h.name,
                    h.date == today,
                    h.estimated,
                    h.categories,
                )
            )
        if cc in seen_countries:
            continue
        seen_countries.add(cc)
        for s in all_seasons:
            if cc in s.countries:
                items.append(
                    TodayItem(
                        "season",
                        cc,
                        None,
                        s.start,
                        s.end,
                        s.name,
                        s.contains(today),
                        advice=s.advice,
                    )
                )
    # today's holidays first, then today's seasons, then what comes later this week by date
    items.sort(
        key=lambda i: (
            not i.is_today,
            i.is_today and i.kind != "holiday",
            i.start,
            i.country,
            i.kind,
            i.name,
        )
    )
    return items
