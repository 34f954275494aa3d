"""Validation at the service boundary.

Every check returns the cleaned value or raises :class:`ValidationError`, which names the field,
the value and the reason in the user's language.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Iterable
from datetime import date, time
from decimal import Decimal, InvalidOperation
from functools import cache

import phonenumbers
import pycountry
from babel import Locale, UnknownLocaleError
from babel.numbers import get_currency_name

from accountdesk.core.errors import UserError
from accountdesk.core.i18n import N_, DateInputError, _, country_name, parse_date_input


class ValidationError(UserError):
    """A rejected value: ``field`` (translated label), ``value`` and ``reason``."""

    def __init__(self, field: str, value: object, reason: str, *, key: str | None = None) -> None:
        self.field = field
        self.key = key or field
        self.value = value
        self.reason = reason
        shown = "" if value is None else str(value)
        if shown:
            message = _("{field} \u201c{value}\u201d: {reason}").format(
                field=field, value=shown, reason=reason
            )
        else:
            message = _("{field}: {reason}").format(field=field, reason=reason)
        super().__init__(message)


#: Field labels, marked for translation; services pass the key, messages show the label.
FIELD_LABELS: dict[str, str] = {
    "name": N_("Name"),
    "country": N_("Country"),
    "subdivision": N_("Region"),
    "timezone": N_("Time zone"),
    "currency": N_("Currency"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "given_name": N_("Given name"),
    "family_name": N_("Family name"),
    "website": N_("Website"),
    "status": N_("Status"),
    "preferred_language": N_("Preferred language"),
    "preferred_channel": N_("Preferred channel"),
    "buying_role": N_("Buying role"),
    "formality": N_("Formality"),
    "name_order": N_("Name order"),
    "amount": N_("Amount"),
    "score": N_("Score"),
    "date": N_("Date"),
    "customer_since": N_("Customer since"),
    "lost_on": N_("Lost on"),
    "work_hours": N_("Working hours"),
    "kind": N_("Kind"),
    "subject": N_("Subject"),
    "title": N_("Title"),
    "acquisition_cost": N_("Acquisition cost"),
    "csat_score": N_("CSAT score"),
    "description": N_("Description"),
    "direction": N_("Direction"),
    "lawful_basis": N_("Lawful basis"),
    "sentiment": N_("Sentiment"),
    "body": N_("Text"),
    "tags": N_("Tags"),
    "stay_in_touch_days": N_("Stay in touch every (days)"),
    "industry": N_("Industry"),
    "size_band": N_("Size"),
    "city": N_("City"),
    "address": N_("Address"),
    "owner": N_("Owner"),
    "tier": N_("Tier"),
    "honorific": N_("Form of address"),
    "job_title": N_("Job title"),
    "account": N_("Account"),
    "referred_by": N_("Referred by"),
    "occurred_at": N_("When"),
    "duration": N_("Duration"),
    "outcome": N_("Outcome"),
    "occasion": N_("Occasion"),
    "value": N_("Value"),
    "due": N_("Due"),
    "rrule": N_("Repeat"),
    "contact": N_("Contact"),
}


def label(key: str) -> str:
    return _(FIELD_LABELS.get(key, key))


def fail(key: str, value: object, reason: str) -> ValidationError:
    return ValidationError(label(key), value, reason, key=key)


def clean_text(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def required(key: str, value: str | None, *, max_length: int | None = None) -> str:
    cleaned = clean_text(value)
    if cleaned is None:
        raise fail(key, None, _("is required"))
    if max_length is not None and len(cleaned) > max_length:
        raise fail(key, cleaned[:40] + "…", _("is longer than {n} characters").format(n=max_length))
    return cleaned


def optional(key: str, value: str | None, *, max_length: int | None = None) -> str | None:
    cleaned = clean_text(value)
    if cleaned is not None and max_length is not None and len(cleaned) > max_length:
        raise fail(key, cleaned[:40] + "…", _("is longer than {n} characters").format(n=max_length))
    return cleaned


@cache
def _country_codes() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries)


def country(value: str | None, key: str = "country") -> str:
    code = required(key, value).upper()
    if code not in _country_codes():
        raise fail(key, value, _("is not an ISO 3166 country code (for example LV, TH or IR)"))
    return code


@cache
def _subdivisions(country_code: str) -> frozenset[str]:
    found = pycountry.subdivisions.get(country_code=country_code) or []  # type: ignore[no-untyped-call]
    return frozenset(s.code for s in found)


def subdivision(country_code: str, value: str | None, key: str = "subdivision") -> str | None:
    """An ISO 3166-2 code; ``"IST"`` is accepted for ``"TR-34"``-style codes as ``"TR-IST"``."""
    cleaned = clean_text(value)
    if cleaned is None:
        return None
    code = cleaned.upper()
    if "-" not in code:
        code = f"{country_code}-{code}"
    if code not in _subdivisions(country_code):
        raise fail(
            key,
            value,
            _("is not a region of {country} (ISO 3166-2)").format(
                country=country_name(country_code)
            ),
        )
    return code.split("-", 1)[1]


@cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def timezone(value: str | None, key: str = "timezone", *, allow_empty: bool = False) -> str | None:
    cleaned = clean_text(value)
    if cleaned is None:
        if allow_empty:
            return None
        raise fail(key, None, _("is required"))
    if cleaned not in _zones():
        raise fail(key, value, _("is not an IANA time zone (for example Europe/Riga)"))
    return cleaned


def currency(value: str | None, key: str = "currency", *, allow_empty: bool = True) -> str | None:
    cleaned = clean_text(value)
    if cleaned is None:
        if allow_empty:
            return None
        raise fail(key, None, _("is required"))
    code = cleaned.upper()
    if not _is_currency(code):
        raise fail(key, value, _("is not an ISO 4217 currency code (for example EUR)"))
    return code


@cache
def _is_currency(code: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{3}", code)) and get_currency_name(code, locale="en") != code


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


def email(value: str, key: str = "email") -> str:
    cleaned = value.strip()
    if not _EMAIL.match(cleaned) or ".." in cleaned:
        raise fail(key, value, _("is not a valid e-mail address"))
    return cleaned


def phone(value: str, country_code: str, key: str = "phone") -> str:
    """Parse for the contact's country; returns E.164 (``+37126123456``)."""
    cleaned = value.strip()
    try:
        parsed = phonenumbers.parse(cleaned, country_code)
    except phonenumbers.NumberParseException:
        raise fail(key, value, _("is not a phone number")) from None
    if not phonenumbers.is_valid_number(parsed):
        raise fail(
            key,
            value,
            _("is not a valid phone number for {country}").format(
                country=country_name(country_code)
            ),
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def choice(
    key: str, value: str | None, allowed: Iterable[str], *, default: str | None = None
) -> str:
    cleaned = clean_text(value)
    options = tuple(allowed)
    if cleaned is None:
        if default is not None:
            return default
        raise fail(key, None, _("is required"))
    if cleaned in options:
        return cleaned
    lowered = cleaned.lower().replace(" ", "_").replace("-", "_")
    if lowered not in options:
        raise fail(key, value, _("must be one of: {options}").format(options=", ".join(options)))
    return lowered


def optional_choice(key: str, value: str | None, allowed: Iterable[str]) -> str | None:
    if clean_text(value) is None:
        return None
    return choice(key, value, allowed)


@cache
def _known_language(tag: str) -> bool:
    try:
        Locale.parse(tag.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return False
    return True


def language_tag(value: str | None, key: str = "preferred_language") -> str | None:
    cleaned = clean_text(value)
    if cleaned is None:
        return None
    if not _known_language(cleaned):
        raise fail(key, value, _("is not a language tag (for example lv, th or fa-IR)"))
    return cleaned.replace("_", "-")


def parse_date(key: str, value: str | date | None) -> date | None:
    """A date as a date field shows it in the current calendar, or ISO 8601
    (:func:`accountdesk.core.i18n.parse_date_input`)."""
    if value is None or isinstance(value, date):
        return value
    cleaned = value.strip()
    if not cleaned:
        return None
    try:
        return parse_date_input(cleaned)
    except DateInputError as error:
        raise fail(key, value, str(error)) from None


def parse_hhmm(key: str, value: str | None) -> str | None:
    cleaned = clean_text(value)
    if cleaned is None:
        return None
    try:
        parsed = time.fromisoformat(cleaned)
    except ValueError:
        raise fail(key, value, _("is not a time in the form HH:MM")) from None
    return parsed.strftime("%H:%M")


def decimal(key: str, value: str | Decimal | float | int | None) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, str):
        cleaned = value.strip().replace(" ", "").replace(",", ".")
        if not cleaned:
            return None
        value = cleaned
    try:
        result = Decimal(str(value))
    except InvalidOperation:
        raise fail(key, value, _("is not a number")) from None
    if not result.is_finite():
        raise fail(key, value, _("is not a number"))
    return result


def score(key: str, value: int | str | None, low: int, high: int) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise fail(key, value, _("is not a whole number")) from None
    if not low <= number <= high:
        raise fail(key, value, _("must be between {low} and {high}").format(low=low, high=high))
    return number
