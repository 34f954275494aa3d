"""Short display helpers for the UI (everything through the i18n facade)."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from accountdesk.core.bidi import isolate, ltr
from accountdesk.core.i18n import (
    _,
    country_name,
    format_currency,
    format_date,
    format_day_near,
    format_time,
    format_when,
    format_when_near,
    join_list,
    localize_digits,
)
from accountdesk.core.timekeeping.zones import get_zone as zone


def day(value: date | None) -> str:
    return format_date(value, "medium") if value else ""


def when(value: datetime | None, zone_name: str | None = None) -> str:
    if value is None:
        return ""
    return format_when(value, zone(zone_name) if zone_name else None)


def when_near(value: datetime | None, zone_name: str | None, now: datetime) -> str:
    """:func:`when` without the year in the year of ``now`` (see ``format_when_near``)."""
    if value is None:
        return ""
    return format_when_near(value, zone(zone_name) if zone_name else None, now)


def day_near(value: date | None, today: date) -> str:
    """:func:`day` without the year in the year of ``today`` (see ``format_day_near``)."""
    return format_day_near(value, today) if value else ""


def clock(value: datetime) -> str:
    return format_time(value, "short")


def hours(start: time, end: time) -> str:
    """Working hours as the language writes a span of time, in its digits ("۹:۳۰ تا ۱۷:۰۰"):
    the contact's page showed "09:30 تا 17:00" beside the reach-out panel's Persian digits."""
    return _("{start}–{end}").format(start=format_time(start), end=format_time(end))


def size_band(band: str | None) -> str:
    """An account's size band ("50-249", "1000+": a stored code, shown as it reads) in the
    language's digits, kept left to right ("۱۰۰۰+", not "+۱۰۰۰" in a Persian window)."""
    return ltr(localize_digits(band)) if band else ""


def money(value: Decimal | None, currency: str | None) -> str:
    if value is None:
        return ""
    return format_currency(value, currency) if currency else str(value)


def country(code: str | None) -> str:
    return country_name(code) if code else ""


def place(city: str | None, code: str | None) -> str:
    """The city (isolated: user data) and the country's name, separated as the language
    separates list items ("Tehran, Iran"; in Persian with the Arabic comma)."""
    return join_list((isolate(city or ""), country(code)))


def yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")
