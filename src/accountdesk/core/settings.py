"""The user's settings: one schema with defaults, read and written the same way by the GUI and
the command line (they live in the database's ``settings`` table, so both see one truth).

The user's own calendar ("Me") is here: their zone (follow the system, the default, or pinned
to an IANA zone), their country and subdivision (for their weekend and public holidays) and
their working hours. :func:`user_calendar` turns them into what the planner, the scheduling
warnings, the "your time" columns and the trip brief need.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Any

from accountdesk.core import validation as v
from accountdesk.core.db.engine import Database
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import (
    AUTO,
    CALENDAR_PREFERENCES,
    N_,
    _,
    ascii_digits,
    country_name,
    localize_digits,
    ltr_shown,
    set_calendar_preference,
)
from accountdesk.core.services.activity import delete_setting, get_setting, write_settings
from accountdesk.core.timekeeping.workhours import WorkingHours
from accountdesk.core.timekeeping.zones import user_zone, zone_spelled

DEFAULT_HOURS = "09:00-17:00"
DEFAULT_DAILY_CAP = 10


def _zone(text: str) -> str | None:
    cleaned = text.strip()
    if cleaned.lower() in {"", "system"}:
        return None  # follow the system
    spelled = zone_spelled(cleaned)  # "asia/tehran" is Asia/Tehran
    found = v.timezone(spelled or cleaned, "user.zone")  # refuses localtime, Factory … too
    assert found is not None
    return found


def _country(text: str) -> str | None:
    cleaned = text.strip()
    return v.country(cleaned, "user.country") if cleaned else None


def _subdivision(text: str) -> str | None:
    """The region as typed, trimmed; checked against the country by :func:`put_many`."""
    return text.strip() or None


def _hours_example() -> str:
    """How to write working hours, the example in the language's digits and kept left to
    right: Persian showed "17:00-09:00" (the example backwards, in ASCII digits)."""
    return _("write the hours as start-end, for example {example}").format(
        example=ltr_shown(localize_digits("09:00-17:00"))
    )


def parse_hours(text: str) -> tuple[time, time]:
    """``"09:00-17:00"`` (also with an en dash, and in the language's own digits: Persian
    ``۰۹:۰۰-۱۷:۰۰``, Thai ``๐๙:๐๐-๑๗:๐๐``) as a pair of wall times."""
    cleaned = ascii_digits(text).strip().replace("–", "-").replace(" ", "")
    parts = cleaned.split("-")
    if len(parts) != 2:
        raise ValueError(_hours_example())
    try:  # each half as every typed time is read ("9:30", "09.30"): it lost its minutes
        start, end = (time.fromisoformat(v.parse_hhmm("user.hours", p) or "") for p in parts)
    except (ValueError, v.ValidationError):
        raise ValueError(_hours_example()) from None
    if start == end:
        raise ValueError(_("the start and the end must differ"))
    return start, end


def _hours(text: str) -> str:
    start, end = parse_hours(text)
    return f"{start:%H:%M}-{end:%H:%M}"


def _cap(text: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise ValueError(_("must be a whole number")) from None
    if not 0 <= value <= 1000:
        raise ValueError(_("must be between 0 and 1,000"))
    return value


def _lock_minutes(text: str) -> int:
    try:
        value = int(text.strip() or "0")
    except ValueError:
        raise ValueError(_("must be a whole number of minutes (0: never)")) from None
    if not 0 <= value <= 1440:
        raise ValueError(_("must be between 0 and 1,440 minutes (a day)"))
    return value


def _folder(text: str) -> str | None:
    cleaned = text.strip()
    if not cleaned:
        return None  # the default
    path = Path(cleaned).expanduser()
    if not path.is_absolute():
        raise ValueError(_("write the full path of a folder, for example ~/Backups/AccountDesk"))
    if path.exists() and not path.is_dir():
        raise ValueError(_("is a file, not a folder"))
    return str(path)


def _reporting_currency(text: str) -> str | None:
    cleaned = text.strip()
    # named "Currency" where it is refused (the setting's own name is its SettingSpec label)
    return v.currency(cleaned) if cleaned else None  # empty: the default


def _calendar(text: str) -> str:
    cleaned = text.strip().lower() or AUTO
    if cleaned not in CALENDAR_PREFERENCES:
        raise ValueError(_("write auto (the language's own calendar) or gregorian"))
    return cleaned


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: str  # N_(): translate when shown
    default: Any
    parse: Callable[[str], Any]  # text -> stored value; raises ValueError with a reason


SETTINGS: Mapping[str, SettingSpec] = {
    spec.key: spec
    for spec in (
        SettingSpec("user.zone", N_("My time zone (empty: follow the system)"), None, _zone),
        SettingSpec("user.country", N_("My country"), None, _country),
        SettingSpec("user.subdivision", N_("My region"), None, _subdivision),
        SettingSpec("user.hours", N_("My working hours"), DEFAULT_HOURS, _hours),
        SettingSpec(
            "stay_in_touch.daily_cap",
            N_("Stay-in-touch follow-ups raised per day"),
            DEFAULT_DAILY_CAP,
            _cap,
        ),
        SettingSpec(
            "ui.calendar",
            N_("Dates: auto (the language's calendar: Solar Hijri, Buddhist era) or gregorian"),
            AUTO,
            _calendar,
        ),
        SettingSpec(
            "report.currency",
            N_("Reporting currency (empty: the currency of my country)"),
            None,
            _reporting_currency,
        ),
        SettingSpec(
            "backup.folder",
            N_("Folder for backups (empty: backups in the data folder)"),
            None,
            _folder,
        ),
        SettingSpec(
            "security.lock_after_minutes",
            N_("Lock the app after this many idle minutes (0: never; encrypted databases only)"),
            0,
            _lock_minutes,
        ),
    )
}


class UnknownSettingError(UserError):
    """A setting name that does not exist."""


class SettingError(v.ValidationError):
    """A value a setting does not accept: names the setting, the value and the reason.
    ``errors``: every value refused by the same save, each a SettingError naming its setting,
    this one first (:func:`put_many` refuses all the wrong values it is given at once)."""

    @property
    def errors(self) -> list[SettingError]:
        return [self]


class SettingsRefused(SettingError):
    """Several values refused by one save (:func:`put_many`): the first's setting, value and
    reason, ``errors`` all of them, and a message of theirs, one a line."""

    def __init__(self, errors: Sequence[SettingError]) -> None:
        first = errors[0]
        super().__init__(first.field, first.value, first.reason, key=first.key)
        self._errors = list(errors)
        self.message = "\n".join(error.message for error in errors)
        self.args = (self.message,)

    @property
    def errors(self) -> list[SettingError]:
        return list(self._errors)


def _spec(key: str) -> SettingSpec:
    spec = SETTINGS.get(key)
    if spec is None:
        known = ", ".join(sorted(SETTINGS))
        raise UnknownSettingError(
            _("There is no setting “{key}”; the settings are: {known}.").format(
                key=key, known=known
            )
        )
    return spec


def get(db: Database, key: str) -> Any:
    """The stored value of ``key``, or its default."""
    spec = _spec(key)
    return get_setting(db, key, spec.default)


def parse(key: str, text: str) -> Any:
    """The value ``text`` means for ``key``; a SettingError with one sentence when it is not
    acceptable."""
    spec = _spec(key)
    try:
        return spec.parse(text)
    except v.ValidationError as error:  # named by its label (validation.FIELD_LABELS)
        raise SettingError(error.field, text, error.reason, key=key) from None
    except ValueError as error:
        raise SettingError(key, text, str(error), key=key) from None


def put(db: Database, key: str, text: str) -> Any:
    """Check ``text`` and store it for ``key`` (one transaction); returns the stored value.
    An empty value for an optional setting is the same as :func:`unset`."""
    return put_many(db, {key: text})[key]


def put_many(db: Database, texts: Mapping[str, str]) -> dict[str, Any]:
    """Check every value first, then store them all in one transaction (nothing is stored when
    one is refused). Empty optional values go back to their default. The region is checked
    against the country given with it, else the stored one (:func:`_check_region`), unless
    that country was refused. Every refused value is named at once, in the order of
    ``texts``: a SettingError, whose ``errors`` are all of them (a :class:`SettingsRefused`
    for several), so that a form says each under its field on one save."""
    values: dict[str, Any] = {}
    refused: list[SettingError] = []
    for key, text in texts.items():
        try:
            values[key] = parse(key, text)
        except SettingError as error:
            refused.append(error)
    if not any(error.key == "user.country" for error in refused):
        try:
            _check_region(db, values)
        except v.ValidationError as error:
            refused.append(SettingError(error.key, texts[error.key], error.reason, key=error.key))
    if refused:
        order = list(texts)
        refused.sort(key=lambda error: order.index(error.key))
        raise refused[0] if len(refused) == 1 else SettingsRefused(refused)
    write_settings(db, values)
    return values


def _check_region(db: Database, values: dict[str, Any]) -> None:
    """The user's region ("My region") is one of their country's, by the rule of the contact
    and account editors (:func:`validation.subdivision`: ``RIX`` or ``LV-RIX``, stored ``RIX``);
    ``values`` gets the region as stored. A new country that the stored region is not in is
    refused: the region would silently stop giving its holidays. ValidationError names the
    setting refused (its key)."""
    country = values["user.country"] if "user.country" in values else get(db, "user.country")
    region = values.get("user.subdivision")
    if region is not None:
        if country is None:
            raise v.fail(
                "user.subdivision", region, _("a region needs a country: set your country first")
            )
        values["user.subdivision"] = v.subdivision(country, region, "user.subdivision")
    elif "user.subdivision" not in values and "user.country" in values and country is not None:
        stored = get(db, "user.subdivision")
        try:
            v.subdivision(country, stored, "user.subdivision")
        except v.ValidationError:
            raise v.fail(
                "user.country",
                country,
                _("your region {region} is not in {country}; clear your region first").format(
                    region=stored, country=country_name(country)
                ),
            ) from None


def unset(db: Database, key: str) -> None:
    """Back to the default."""
    _spec(key)
    delete_setting(db, key)


def apply_calendar_preference(db: Database) -> str:
    """Write dates in the calendar the "ui.calendar" setting asks for (at start-up: the GUI,
    the command line, reports); returns it."""
    value = str(get(db, "ui.calendar"))
    set_calendar_preference(value)
    return value


def all_values(db: Database) -> dict[str, Any]:
    """Every known setting with its value (stored or default)."""
    return {key: get(db, key) for key in SETTINGS}


@dataclass(frozen=True)
class UserCalendar:
    """The user's own day: the zone in force now, whether it is pinned, their country and
    region (empty: no weekend or holidays of a country beyond Saturday–Sunday) and hours."""

    zone: str
    pinned: bool
    country: str | None
    subdivision: str | None
    hours: WorkingHours


def user_calendar(
    db: Database, environ: Mapping[str, str] | None = None, etc: Path = Path("/etc")
) -> UserCalendar:
    """The user's calendar as the settings say, the zone read from the system when not pinned
    (read again on every call, so it follows the laptop as it travels)."""
    pinned = get(db, "user.zone")
    country = get(db, "user.country")
    start, end = parse_hours(str(get(db, "user.hours")))
    subdivision = get(db, "user.subdivision")
    hours = WorkingHours.for_country(country, None, start, end, subdivision=subdivision)
    return UserCalendar(
        zone=user_zone(pinned, environ, etc),
        pinned=bool(pinned),
        country=country,
        subdivision=subdivision,
        hours=hours,
    )


#: The reporting currency when neither the setting nor "My country" says one.
FALLBACK_CURRENCY = "EUR"


def reporting_currency(db: Database) -> str:
    """The currency reports convert money into: the "report.currency" setting, else the
    currency of "My country" (CLDR, through Babel's territory currencies), else EUR."""
    from accountdesk.core.culture.countries import country_currency

    chosen = get(db, "report.currency")
    if chosen:
        return str(chosen)
    country = get(db, "user.country")
    return (country_currency(country) if country else None) or FALLBACK_CURRENCY


def current_zone(db: Database, environ: Mapping[str, str] | None = None) -> str:
    """The user's zone now: pinned in the settings, else the system's."""
    pinned = get(db, "user.zone")
    return user_zone(pinned, environ)
