"""Stay in touch: how often someone should hear from us, when that is overdue, and where in
their week the follow-up goes.

The cadence of a contact is its own setting when it has one; otherwise the stricter (shorter)
of its account tier's rule and its NPS band's rule. Any logged interaction resets the count:
the caller passes the last interaction's instant.

A raised follow-up is placed at the contact's next good working slot (:func:`touch_slot`):
inside their own working hours, on a working day of their country, by the one working-time
rule (:func:`accountdesk.core.timekeeping.workhours.next_working_window`). Which contacts get
one, and how many per day, is decided by
:func:`accountdesk.core.services.followups.raise_stay_in_touch`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import MappingProxyType

from accountdesk.core.i18n import N_, _, every_translation
from accountdesk.core.labels import folded_key
from accountdesk.core.timekeeping.calendars import DayCalendar
from accountdesk.core.timekeeping.workhours import WorkingHours, next_working_window

#: The ``origin`` of a follow-up that stay in touch raised (one the user made is "manual"):
#: a logged interaction closes the open ones, a merge keeps one of two.
STAY_IN_TOUCH = "stay_in_touch"

#: The title of a follow-up that stay in touch raises: stored as written here and shown in the
#: language of the day (:func:`shown_title`).
TITLE = N_("Stay in touch")


def generated_titles() -> frozenset[str]:
    """Every title stay in touch has given a follow-up: :data:`TITLE`, and its translation
    into each UI language (stored so before the title was shown in the language of the day):
    the stored titles :func:`shown_title` shows in the current language. Read from the
    catalogs once (:func:`~accountdesk.core.i18n.every_translation`), not for every row."""
    return every_translation(TITLE)


def shown_title(title: str, origin: str) -> str:
    """A follow-up's ``title`` as every list, reminder and file shows it: one that stay in
    touch raised (``origin``) with the title it was given, whatever the language of the day it
    was raised on, in the current language ("Stay in touch" in an English window, "در تماس
    ماندن" in a Persian one, for everyone on a team server); any other title (a user's, also
    one typed over a raised one) as it is stored."""
    if origin == STAY_IN_TOUCH and title in generated_titles():
        return _(TITLE)
    return title


DEFAULT_TIER_DAYS: Mapping[str, int] = MappingProxyType({"gold": 30, "silver": 60, "bronze": 90})
DEFAULT_NPS_DAYS: Mapping[str, int] = MappingProxyType({"detractor": 2})

_BAND_ALIASES = {
    "detractors": "detractor",
    "passives": "passive",
    "promoters": "promoter",
    "neutral": "passive",
}


def _tiers() -> Mapping[str, int]:
    return dict(DEFAULT_TIER_DAYS)


def _bands() -> Mapping[str, int]:
    return dict(DEFAULT_NPS_DAYS)


@dataclass(frozen=True)
class CadenceRules:
    """Days between touches per account tier (compared as :func:`labels.folded_key` does) and
    per NPS band (keys compared lower-case)."""

    tiers: Mapping[str, int] = field(default_factory=_tiers)
    nps_bands: Mapping[str, int] = field(default_factory=_bands)

    def __post_init__(self) -> None:
        for name, days in [*self.tiers.items(), *self.nps_bands.items()]:
            if days <= 0:
                raise ValueError(f"a cadence must be at least one day: {name}={days}")

    def tier_days(self, tier: str | None) -> int | None:
        if not tier:
            return None
        wanted = folded_key(tier)  # "Gold" and "gold" are one tier, as in the reports
        for name, days in self.tiers.items():
            if folded_key(name) == wanted:
                return days
        return None

    def band_days(self, band: str | None) -> int | None:
        if not band:
            return None
        wanted = normalize_band(band)
        for name, days in self.nps_bands.items():
            if normalize_band(name) == wanted:
                return days
        return None


DEFAULT_RULES = CadenceRules()


def normalize_band(band: str) -> str:
    lowered = band.strip().lower()
    return _BAND_ALIASES.get(lowered, lowered)


def nps_band(score: int | None) -> str | None:
    """NPS band of a 0–10 score: detractor (0–6), passive (7–8), promoter (9–10)."""
    if score is None:
        return None
    if not 0 <= score <= 10:
        raise ValueError(f"an NPS score is 0–10, not {score}")
    if score <= 6:
        return "detractor"
    return "passive" if score <= 8 else "promoter"


@dataclass(frozen=True)
class Cadence:
    days: int
    source: str  # "contact" | "tier:<name>" | "nps:<band>"

    @property
    def interval(self) -> timedelta:
        return timedelta(days=self.days)


def effective_cadence(
    contact_cadence_days: int | None,
    account_tier: str | None,
    nps_band: str | None,
    rules: CadenceRules = DEFAULT_RULES,
) -> Cadence | None:
    """The contact's own cadence when set (> 0); otherwise the stricter of the tier and NPS
    rules (on a tie, the NPS rule); None when nothing applies."""
    if contact_cadence_days is not None and contact_cadence_days > 0:
        return Cadence(contact_cadence_days, "contact")
    candidates: list[Cadence] = []
    band_days = rules.band_days(nps_band)
    if band_days is not None and nps_band:
        candidates.append(Cadence(band_days, f"nps:{normalize_band(nps_band)}"))
    tier_days = rules.tier_days(account_tier)
    if tier_days is not None and account_tier:
        candidates.append(Cadence(tier_days, f"tier:{account_tier.strip().lower()}"))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c.days)


def next_touch(
    last_touch: datetime | None,
    cadence: Cadence,
    since: datetime | None = None,
    baseline: datetime | None = None,
) -> datetime | None:
    """When the next touch is due: ``cadence`` after the last interaction, or after ``since``
    (e.g. when the contact or the rule was added) if there was none; None if neither is known.

    ``baseline`` is when the stay-in-touch clock started for this database (demo data was
    made): a count that would start before it starts from it, so history written in one go is
    not all overdue at once."""
    anchor = last_touch if last_touch is not None else since
    if anchor is None:
        return None
    if anchor.tzinfo is None or (baseline is not None and baseline.tzinfo is None):
        raise ValueError("last_touch, since and baseline must be timezone-aware")
    if baseline is not None and anchor < baseline:
        anchor = baseline
    return anchor + cadence.interval


def due_for_touch(
    last_touch: datetime | None,
    cadence: Cadence | None,
    now: datetime,
    since: datetime | None = None,
    baseline: datetime | None = None,
) -> datetime | None:
    """When a stay-in-touch follow-up should be raised, if that is now or past; None when it is
    not due yet (or no cadence applies). With no interaction ever logged and no ``since``, the
    contact is due ``now``."""
    if cadence is None:
        return None
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    due = next_touch(last_touch, cadence, since, baseline)
    if due is None:
        return now
    return due if due <= now else None


#: Slots start on a quarter hour.
SLOT_STEP = timedelta(minutes=15)


def _ceil_to_step(instant: datetime) -> datetime:
    utc = instant.astimezone(UTC)
    floor = utc.replace(minute=utc.minute - utc.minute % 15, second=0, microsecond=0)
    return floor if floor == utc else floor + SLOT_STEP


def touch_slot(
    after: datetime,
    zone: str,
    hours: WorkingHours,
    country: str | None,
    subdivision: str | None,
    duration: timedelta = timedelta(minutes=30),
    calendar: DayCalendar | None = None,
) -> datetime:
    """The first quarter hour at or after ``after`` when the contact is at work for the whole
    ``duration``: inside their hours, never on their weekend or a public holiday there. An
    aware UTC instant."""
    if after.tzinfo is None:
        raise ValueError("after must be timezone-aware")
    candidate = _ceil_to_step(after)
    start, end = next_working_window(candidate, zone, hours, country, subdivision, calendar)
    slot = max(start, candidate)
    if slot + duration > end:  # too late in this window: the start of the next one
        start, end = next_working_window(end, zone, hours, country, subdivision, calendar)
        slot = start
    return slot.astimezone(UTC)
