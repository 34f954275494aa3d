"""The data of the "before you reach out" panel and the Today block. No GUI, no clock.

Every instant comes in as a parameter (``now`` must be timezone-aware); local dates and times
are computed with :mod:`zoneinfo`, so midnight and DST changes are handled by the zone rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from accountdesk.core.bidi import isolate, ltr
from accountdesk.core.culture import calendar, countries, etiquette, seasons
from accountdesk.core.culture.calendar import Holiday
from accountdesk.core.culture.countries import subdivision_name
from accountdesk.core.culture.etiquette import Note
from accountdesk.core.culture.profile import kinds_beside
from accountdesk.core.culture.seasons import Season
from accountdesk.core.i18n import (
    _,
    current_language,
    format_skeleton,
    format_time,
    join_list,
    use_language,
    with_remarks,
)
from accountdesk.core.timekeeping.workhours import WorkingHours, WorkStatus, work_status
from accountdesk.core.timekeeping.zones import get_zone, is_valid_zone, offset_between

#: How far ahead upcoming holidays and seasons are shown: the contact's and the account's
#: "before you reach out" panels, ``accountdesk contact`` and the account report (one window,
#: so the screen and the paper list the same; the trip brief shows the trip's own days).
UPCOMING_DAYS = 90


def upcoming_until(today: date) -> date:
    """The last day whose holidays and seasons are shown as coming up (:data:`UPCOMING_DAYS`
    after ``today``)."""
    return today + timedelta(days=UPCOMING_DAYS)


@dataclass(frozen=True)
class ReachOut:
    country: str
    subdivision: str | None
    #: None: the record has no zone and its country keeps several clocks that its region does
    #: not tell apart (an account of a file in Canada), so the clock fields are None too
    zone: str | None
    local_now: datetime | None
    offset_to_user: timedelta | None  # their UTC offset minus the user's: positive = ahead
    status: WorkStatus | None  # the working-time rule's answer, with the reason when not working
    next_window_start: datetime | None  # aware, in their zone; None when working now
    business_hours: tuple[time, time]
    hours_curated: bool
    holidays_today: list[Holiday]
    upcoming_holidays: list[Holiday]
    current_seasons: list[Season]
    upcoming_seasons: list[Season]
    highlights: dict[str, list[Note]]
    #: "Gran Canaria keeps its own clock, …": the record's region keeps another zone than the
    #: one stored (:func:`zone_note`); None when they agree
    zone_note: str | None = None


@dataclass(frozen=True)
class TodayItem:
    kind: str  # "holiday" or "season"
    country: str
    #: A regional holiday's regions among the contacts' (short ISO 3166-2 codes, sorted):
    #: where it is kept. Empty for a nationwide holiday and for a season.
    regions: tuple[str, ...]
    start: date
    end: date
    name: str
    is_today: bool
    estimated: bool = False
    categories: tuple[str, ...] = ()
    advice: str = ""
    #: A season kept alike in several countries (Ramadan in the Emirates, Malaysia, Saudi
    #: Arabia …): all of them, ``country`` the first; one row instead of one each, which
    #: pushed the week's holidays out of Today's first rows.
    countries: tuple[str, ...] = ()
    #: A season under way since before today (the ninth day of Ramadan): after what is new
    #: this week.
    ongoing: bool = False


def clock_zone(country: str, subdivision: str | None, zone: str | None) -> str | None:
    """The zone whose clock the panel shows for a contact or an account: its own when tzdata
    knows it (a colleague's newer tzdata may have stored one this computer does not), else
    the one its region or country keeps
    (:func:`~accountdesk.core.culture.countries.main_zone`); None where there is none: no
    clock."""
    if zone and is_valid_zone(zone):
        return zone
    return countries.main_zone(country.upper(), subdivision)


def zone_note(country: str, subdivision: str | None, zone: str | None, now: datetime) -> str | None:
    """One line where the region of a contact or an account keeps its own clock and the zone
    stored for it is another (:func:`~accountdesk.core.culture.countries.region_zone_unlike`:
    a record saved in the Canary Islands before they had their own zone holds
    Europe/Madrid), in the UI language; else None. The panel and ``accountdesk contact``
    show it; the stored zone is not changed."""
    kept = countries.region_zone_unlike(country.upper(), subdivision, zone, now)
    if kept is None or zone is None or subdivision is None:
        return None
    return _("{region} keeps its own clock, {zone}; the zone saved here is {stored}.").format(
        region=isolate(subdivision_name(country.upper(), subdivision)),
        zone=ltr(kept),
        stored=ltr(zone),
    )


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
    """Everything the panel shows for one contact or account, at the instant ``now``
    (aware). Without a valid ``zone``, the one its region or country keeps
    (:func:`~accountdesk.core.culture.countries.main_zone`); where there is none, no clock
    (``zone`` None) and the days as they are in the country's earliest zone: a holiday of
    "today" is on there."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    cc = country.upper()
    language = lang or current_language().code
    zone_key = clock_zone(cc, subdivision, zone)
    hours = calendar.business_hours(cc)
    week = WorkingHours.for_country(cc, subdivision=subdivision)
    if working_hours_override is not None:
        week = WorkingHours(working_hours_override[0], working_hours_override[1], week.weekend)
    status: WorkStatus | None = None
    local_now: datetime | None = None
    offset: timedelta | None = None
    if zone_key is not None:
        status = work_status(now, zone_key, cc, subdivision, week, lang=language)
        local_now = status.local
        offset = offset_between(
            user_zone if user_zone and is_valid_zone(user_zone) else "UTC", zone_key, now
        )
        today = local_now.date()
    else:
        today = min(
            (now.astimezone(get_zone(z)).date() for z in countries.country_zones(cc)),
            default=now.astimezone(UTC).date(),
        )
    horizon = upcoming_until(today)
    found = calendar.observed_between(cc, subdivision, today, horizon, language)
    found_seasons = seasons.seasons_between(cc, today, horizon, language)
    with use_language(language):
        note = zone_note(cc, subdivision, zone, now)
    return ReachOut(
        country=cc,
        subdivision=subdivision,
        zone=zone_key,
        local_now=local_now,
        offset_to_user=offset,
        status=status,
        next_window_start=None if status is None or status.working else status.window_start,
        business_hours=(week.start, week.end),
        hours_curated=working_hours_override is not None or hours.curated,
        holidays_today=[h for h in found if h.date == today],
        upcoming_holidays=[h for h in found if h.date > today],
        current_seasons=[s for s in found_seasons if s.contains(today)],
        upcoming_seasons=[s for s in found_seasons if s.start > today],
        highlights=etiquette.highlights(cc, language),
        zone_note=note,
    )


def local_days(
    places: Iterable[tuple[str, str | None, str]], now: datetime
) -> dict[tuple[str, str | None], date]:
    """Each (country, region)'s today at the instant ``now``: the date on its contacts'
    clocks (``places``: country, region, zone), the earliest where they differ (Texas is
    still on Memorial Day while New York has passed midnight). A zone that is not valid
    counts as UTC."""
    found: dict[tuple[str, str | None], date] = {}
    for country, sub, zone in places:
        key = (country.upper(), sub.upper() if sub else None)
        day = now.astimezone(get_zone(zone) if zone and is_valid_zone(zone) else UTC).date()
        found[key] = min(found.get(key, day), day)
    return found


def today_block(
    pairs: Iterable[tuple[str, str | None]],
    today: date | Mapping[tuple[str, str | None], date],
    days: int = 7,
    lang: str | None = None,
) -> list[TodayItem]:
    """Holidays and seasons today and in the next ``days`` days (today included).

    ``pairs`` are the distinct (country, subdivision) pairs of the user's contacts; ``today``
    the day it is, or each pair's own (:func:`local_days`): a holiday is today's when it is
    today there, as the contact's panel and "In working hours now" judge it (a user in
    Auckland on Tuesday morning missed the Memorial Day Texas still had). A public holiday
    is reported once per country: without regions when it is nationwide, else with the
    contacts' regions that keep it (:class:`~accountdesk.core.culture.calendar.Holiday`'s
    ``subdivision`` says which it is); a season once, with every country that has it on the
    same days (:attr:`TodayItem.countries`), as of each country's earliest day. The order is
    :func:`_block_order`'s.
    """
    language = lang or current_language().code
    span = timedelta(days=max(days, 1) - 1)
    holidays: dict[tuple[str, date, str], tuple[Holiday, set[str] | None, bool]] = {}
    items: list[TodayItem] = []
    seen_pairs: set[tuple[str, str | None]] = set()
    firsts: dict[str, date] = {}
    for country, sub in pairs:
        cc = country.upper()
        key = (cc, sub.upper() if sub else None)
        if key in seen_pairs:
            continue
        seen_pairs.add(key)
        there = today if isinstance(today, date) else today.get(key)
        if there is None:
            continue
        firsts[cc] = min(firsts.get(cc, there), there)
        for h in calendar.observed_between(cc, key[1], there, there + span, language):
            if calendar.PUBLIC not in h.categories:
                continue
            first, regions, on = holidays.get((cc, h.date, h.name), (h, set(), False))
            if h.subdivision is None or regions is None:
                regions = None  # nationwide: no region to name
            else:
                regions.add(h.subdivision)
            holidays[(cc, h.date, h.name)] = (first, regions, on or h.date == there)
    # a season once, with every country that has it on the same days and the same advice
    # (Ramadan's shorter hours in the Emirates, not in Turkey)
    alike: dict[tuple[str, str, date, date, bool, bool, str], list[str]] = {}
    found: dict[tuple[str, str, date, date, bool, bool, str], Season] = {}
    for cc, first_day in firsts.items():
        for s in seasons.seasons_between(cc, first_day, first_day + span, language):
            same = (
                s.key, s.name, s.start, s.end, s.contains(first_day), s.start < first_day, s.advice
            )  # fmt: skip
            alike.setdefault(same, []).append(cc)
            found.setdefault(same, s)
    for same, codes in alike.items():
        s, ordered = found[same], tuple(sorted(codes))
        items.append(
            TodayItem(
                "season", ordered[0], (), s.start, s.end, s.name, same[4], s.estimated,
                advice=s.advice, countries=ordered, ongoing=same[5],
            )
        )  # fmt: skip
    for (cc, day, name), (h, regions, on) in holidays.items():
        items.append(
            TodayItem(
                "holiday",
                cc,
                tuple(sorted(regions or ())),
                day,
                day,
                name,
                on,
                h.estimated,
                h.categories,
            )
        )
    items.sort(key=_block_order)
    return items


def _block_order(item: TodayItem) -> tuple[int, date, str, str, str]:
    """Today's holidays first, then the seasons that begin today, then what comes later this
    week by date, and last the seasons under way since before today (Ramadan's third week
    came before tomorrow's Eid and Nowruz, which the first rows then left out)."""
    if item.is_today and item.kind == "holiday":
        rank = 0
    elif item.ongoing:
        rank = 3
    else:
        rank = 1 if item.is_today else 2
    return rank, item.start, item.country, item.kind, item.name


def holiday_text(holiday: Any, *, with_day: bool = True, also: Iterable[str] = ()) -> str:
    """A holiday as the panel, the account summary, the Countries screen, ``accountdesk
    contact`` and the reports' holiday tables name it: its name with, in one pair of brackets
    (:func:`i18n.with_remarks`, after the name's own: "Eid al-Fitr (from 1pm, half day)"),
    "estimated date", its kinds when it is not a public holiday ("optional", "working day
    observance"), "regional: Bavaria", and ``also`` (the regions a report's row names); with
    its day first unless ``with_day`` is False."""
    remarks = []
    if holiday.estimated:
        remarks.append(_("estimated date"))
    if "public" not in holiday.categories and holiday.categories:
        remarks.append(kinds_beside(holiday))  # not those the name says ("Bank Holiday")
    if holiday.subdivision:  # kept in the contact's region, not in the whole country
        remarks.append(
            _("regional: {region}").format(
                region=isolate(subdivision_name(holiday.country, holiday.subdivision))
            )
        )
    # a half day's name says when it starts ("Eid al-Fitr (from 1pm)"): a remark, in the
    # same brackets as its kinds ("Eid al-Fitr (from 1pm, half day)")
    half = calendar.HALF_DAY in holiday.categories
    name = with_remarks(str(holiday.name), [*remarks, *also], own_remark=half)
    if not with_day:
        return name
    return _("{date}: {name}").format(
        date=format_skeleton(holiday.date, "MMMEd"), name=isolate(name)
    )


def working_sentence(status: WorkStatus, today: Iterable[Holiday] = ()) -> str:
    """Whether it is working time there now, and if not why (the weekend, a holiday by name,
    outside the hours): the contact's panel, the account's summary and ``accountdesk
    contact`` say it alike. ``today``: the day's holidays there; one that is no public holiday
    but a day off for some (:attr:`~accountdesk.core.culture.calendar.Holiday.kept_by_some`:
    Brazil's Carnival, Assumption Day in Bavaria) is named beside working time, which it
    contradicted ("It is working time there now" under "Today: Carnival")."""
    if status.working:
        some = [h for h in today if h.kept_by_some]
        if some:
            names = join_list(isolate(holiday_text(h, with_day=False)) for h in some)
            return _(
                "It is officially working time there now, but today is {names}: some people "
                "there take the day off."
            ).format(names=names)
        return _("It is working time there now.")
    if status.reason == "weekend" and status.holiday:
        return _("It is the weekend there now, and a public holiday: {name}.").format(
            name=isolate(status.holiday)
        )
    if status.reason == "weekend":
        return _("It is the weekend there now.")
    if status.reason == "holiday":
        return _("It is a public holiday there now: {name}.").format(
            name=isolate(status.holiday or "")
        )
    ended, short = status.ended_early, status.short_day
    if ended is not None and short is not None:  # Ramadan in Dubai at 17:00
        return _(
            "It is outside working hours there now: today the working day ends at {time} ({name})."
        ).format(time=format_time(ended), name=isolate(short.name))
    return _("It is outside working hours there now.")
