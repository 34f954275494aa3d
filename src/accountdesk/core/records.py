"""What an account, a contact and an important date may hold: the inputs that forms, imports
and the command line fill in, and the checks that turn them into the values stored
(:mod:`accountdesk.core.validation` checks each field; here, whole records). No database here:
the processes that check a large import use it without loading the database layer
(:mod:`accountdesk.core.io.csv_check`); :mod:`accountdesk.core.services.accounts` stores them."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from accountdesk.core import labels
from accountdesk.core import validation as v
from accountdesk.core.culture.countries import main_zone
from accountdesk.core.db.fts import display_name
from accountdesk.core.i18n import _, format_date
from accountdesk.core.io import names
from accountdesk.core.metrics import NO_CURRENCY, own_currency

#: The longest a contact's own stay-in-touch cadence may be, in days (ten years).
MOST_DAYS_BETWEEN_TOUCHES = 3650
#: The most days a cadence column holds (a 32-bit integer on PostgreSQL).
_STORABLE_DAYS = 2**31 - 1

# The values a field may store are the keys of its labels (core/labels.py), in their order.
ACCOUNT_STATUSES = tuple(labels.STATUS)
SIZE_BANDS = ("1-9", "10-49", "50-249", "250-999", "1000+")
NAME_ORDERS = tuple(labels.NAME_ORDER)
BUYING_ROLES = tuple(labels.BUYING_ROLE)
CHANNELS = tuple(labels.CHANNEL)
FORMALITIES = tuple(labels.FORMALITY)
LAWFUL_BASES = tuple(labels.LAWFUL_BASIS)
DATE_KINDS = tuple(labels.DATE_KIND)


@dataclass
class AccountInput:
    name: str
    country: str
    industry: str | None = None
    size_band: str | None = None
    website: str | None = None
    subdivision: str | None = None
    city: str | None = None
    address: str | None = None
    timezone: str | None = None
    currency: str | None = None
    tier: str | None = None
    status: str | None = None  # None: the one the dates give (account_status)
    customer_since: date | str | None = None
    lost_on: date | str | None = None
    owner: str | None = None
    referred_by_id: str | None = None
    acquisition_cost: Decimal | str | None = None
    notes: str | None = None
    tags: Sequence[str] = ()


@dataclass
class ImportantDateInput:
    kind: str
    month: int
    day: int
    year: int | None = None
    label: str | None = None
    remind: bool = True


@dataclass
class ContactInput:
    account_id: str
    given_name: str
    country: str
    family_name: str = ""
    timezone: str | None = None
    #: None (or empty): the order of the contact's country (:func:`names.name_order`)
    name_order: str | None = None
    honorific: str | None = None
    job_title: str | None = None
    buying_role: str | None = None
    emails: Sequence[str | tuple[str, str]] = ()
    phones: Sequence[str | tuple[str, str]] = ()
    preferred_channel: str | None = None
    preferred_language: str | None = None
    formality: str = "formal"
    subdivision: str | None = None
    city: str | None = None
    work_start: str | None = None
    work_end: str | None = None
    personal_notes: str | None = None
    how_we_met: str | None = None
    lawful_basis: str | None = None
    consent_given_on: date | str | None = None
    consent_withdrawn_on: date | str | None = None
    marketing_opt_in: bool = False
    stay_in_touch_days: int | str | None = None  # typed or read text too: clean_contact
    tags: Sequence[str] = ()
    important_dates: Sequence[ImportantDateInput] = field(default_factory=list)


def clean_account(
    data: AccountInput, *, typed: bool = True, stored_website: str | None = None
) -> dict[str, Any]:
    """Validate an account; returns the column values (tags excluded).

    ``typed``: the values were typed by a person (an editor, the command line), so the website
    must be a web address (:func:`validation.website`) unless it is the one already stored
    (``stored_website``: what was stored under the old rule, any text, still saves). A file's
    website (an import, a restore of the app's own export) is kept as written, as the field
    always kept it: one odd cell must not refuse the whole file."""
    country = v.country(data.country)
    customer_since = v.parse_date("customer_since", data.customer_since, happened=True)
    lost_on = v.parse_date("lost_on", data.lost_on, happened=True)
    if lost_on and customer_since and lost_on < customer_since:
        raise v.fail("lost_on", lost_on, _("is before the date the account became a customer"))
    # an account kept as its file or the store has it (:func:`validation.keeping`): its status
    # is not checked against its dates until the user changes one of the three
    checked = typed and not (
        v.kept("status", data.status)
        and v.kept("customer_since", customer_since)
        and v.kept("lost_on", lost_on)
    )
    status = account_status(data.status, customer_since, lost_on, checked=checked)
    subdivision = v.subdivision(country, data.subdivision)
    # a file's account keeps no zone when nothing tells it (a vCard's company, an export of
    # accounts saved so before): its page then says the zone is not known, never a guess
    timezone = place_zone(country, subdivision, data.timezone, required=typed)
    currency = v.currency(data.currency)
    # in the account's own currency, else its country's (as reports read it)
    own = own_currency(currency, country)
    cost = v.money("acquisition_cost", data.acquisition_cost, None if own == NO_CURRENCY else own)
    unchanged = stored_website is not None and (data.website or "").strip() == stored_website
    if typed and not unchanged:
        website = v.website(data.website)
    else:
        website = v.optional("website", data.website)
    return {
        "name": v.required("name", data.name),
        "country": country,
        "subdivision": subdivision,
        "industry": v.optional("industry", data.industry),
        "size_band": v.optional_choice("size_band", data.size_band, SIZE_BANDS),
        "website": website,
        "city": v.optional("city", data.city),
        "address": v.optional("address", data.address),
        "timezone": timezone,
        "currency": currency,
        "tier": labels.canonical(labels.TIER, v.optional("tier", data.tier)),  # "Gold": gold
        "status": status,
        "customer_since": customer_since,
        "lost_on": lost_on,
        "owner": v.optional("owner", data.owner),
        "referred_by_id": v.optional("referred_by", data.referred_by_id),
        "acquisition_cost": cost,
        "notes": v.optional("notes", data.notes),
    }


#: One earlier time as a customer of an account that was won back: (customer since, lost on).
CustomerPeriod = tuple[date, date]

#: What saving an account's dates does to its earlier periods as a customer
#: (:func:`customer_history`).
WIN_BACK, CORRECTION, REJOINED = "win_back", "correction", "rejoined"


def earlier_periods(text: str | None) -> tuple[CustomerPeriod, ...]:
    """The earlier periods as a customer that an account's ``earlier_periods`` column holds:
    JSON, ``[["2025-01-01", "2026-02-01"], ...]``, each a "customer since" and a "lost on"
    (ISO dates), oldest first, each ending before or on the day the next starts. Checked as
    it is read: a ValidationError (field ``earlier_periods``) says what is wrong."""
    if text is None or not text.strip():
        return ()
    try:
        items = json.loads(text)
    except ValueError:
        items = None
    found: list[CustomerPeriod] = []
    for item in items if isinstance(items, list) else [None]:
        period = _iso_pair(item)
        if period is None:
            raise v.fail(
                "earlier_periods",
                text,
                _("is not a list of periods, each two dates (YYYY-MM-DD): [[since, lost on], …]"),
            )
        if period[1] < period[0] or (found and period[0] < found[-1][1]):
            raise v.fail(
                "earlier_periods",
                text,
                _("has periods out of order or overlapping ({period})").format(
                    period=period_text(period)
                ),
            )
        found.append(period)
    return tuple(found)


def _iso_pair(item: object) -> CustomerPeriod | None:
    """Two dates written YYYY-MM-DD, or None."""
    if not isinstance(item, list) or len(item) != 2:
        return None
    days = []
    for written in item:
        try:
            day = date.fromisoformat(written) if isinstance(written, str) else None
        except ValueError:
            day = None
        if day is None or day.isoformat() != written:
            return None
        days.append(day)
    return days[0], days[1]


def periods_json(periods: Sequence[CustomerPeriod]) -> str | None:
    """What the ``earlier_periods`` column stores for ``periods`` (None: none)."""
    if not periods:
        return None
    return json.dumps([[since.isoformat(), lost.isoformat()] for since, lost in periods])


def period_text(period: CustomerPeriod, day: Callable[[date], str] = format_date) -> str:
    """ "1 Jan 2025 – 1 Feb 2026": an earlier period as a customer, as the account page, the
    editor, the messages and (``day``: its dates kept whole on a line) the account report show
    it."""
    return _("{start} – {end}").format(start=day(period[0]), end=day(period[1]))


@dataclass(frozen=True)
class CustomerHistory:
    """What saving an account's dates does to its earlier periods as a customer."""

    #: the earlier periods stored after the save
    earlier: tuple[CustomerPeriod, ...]
    #: WIN_BACK: ``period`` (the stored one) is kept as an earlier one and a new one starts;
    #: CORRECTION: the stored "lost on" is cleared, the account a customer without a break;
    #: REJOINED: ``period``, the latest earlier one, is the current one again; None: neither
    change: str | None = None
    period: CustomerPeriod | None = None


def customer_history(
    stored_since: date | None,
    stored_lost: date | None,
    stored_earlier: tuple[CustomerPeriod, ...],
    since: date | None,
    lost: date | None,
) -> CustomerHistory:
    """The one rule of an account won back (README, "How the relationship metrics are
    counted"): a lost account given a new "customer since" on or after its "lost on" keeps
    its stored period (since, lost on) as an earlier one, and the new one starts; "lost on"
    cleared without a new "customer since" is a correction (the loss never happened), and
    nothing is kept. A "customer since" before the end of the latest earlier period is
    refused, but for that period's own first day, which makes the two one period again (a
    win-back recorded by mistake). The account editor says which it will do before saving;
    :func:`~accountdesk.core.services.accounts.update_account` does it."""
    if (
        stored_since is not None
        and stored_lost is not None
        and since is not None
        and since != stored_since
        and since >= stored_lost
    ):
        kept = (stored_since, stored_lost)
        return CustomerHistory((*stored_earlier, kept), WIN_BACK, kept)
    if stored_earlier and since is not None and since < stored_earlier[-1][1]:
        latest = stored_earlier[-1]
        if since == latest[0]:
            return CustomerHistory(stored_earlier[:-1], REJOINED, latest)
        raise v.fail(
            "customer_since",
            format_date(since),
            _(
                "is before the end of the earlier period as a customer, {period}: give a day "
                "on or after {end}, or {start} to make the two one period again"
            ).format(
                period=period_text(latest),
                start=format_date(latest[0]),
                end=format_date(latest[1]),
            ),
        )
    if stored_lost is not None and lost is None and since is not None:
        return CustomerHistory(stored_earlier, CORRECTION)
    return CustomerHistory(stored_earlier)


def combined_history(
    histories: Sequence[tuple[date | None, date | None, tuple[CustomerPeriod, ...]]],
) -> tuple[date, date | None, tuple[CustomerPeriod, ...]] | None:
    """The periods as a customer of one company entered as several accounts, as one account
    (a merge of duplicate accounts, README "Duplicate accounts"); ``histories``: each
    account's "customer since", "lost on" and earlier periods. Every period of each is kept,
    and periods that overlap or meet (one's "lost on" the day another starts) are one period:
    the company was a customer on every day one of its accounts was, and never twice
    (:class:`~accountdesk.core.metrics.CustomerRecord` counts periods, so two open periods
    were two customers, two acquisitions and, had one been closed, a loss). The latest period
    is the current one ("customer since", and "lost on" when it ended), the others the
    earlier ones, oldest first: a gap between two periods is a loss and a win-back, as the
    account editor records one. None: none of them was ever a customer."""
    periods: list[tuple[date, date | None]] = []
    for since, lost, earlier in histories:
        periods.extend(earlier)
        if since is not None:
            periods.append((since, lost))
    if not periods:
        return None
    joined: list[tuple[date, date | None]] = []
    for since, lost in sorted(periods, key=lambda p: p[0]):
        if joined:
            start, end = joined[-1]
            if end is None or since <= end:  # inside or meeting the one before: one period
                if end is not None and (lost is None or lost > end):
                    joined[-1] = (start, lost)
                continue
        joined.append((since, lost))
    *earlier_ones, (since, lost) = joined
    # only the latest period can be open: every later start joined an open one
    return since, lost, tuple((start, end) for start, end in earlier_ones if end is not None)


def place_zone(
    country: str, subdivision: str | None, given: str | None, *, required: bool = True
) -> str | None:
    """The zone a contact or an account stores: the one ``given`` (checked), else the one its
    region or country keeps (:func:`~accountdesk.core.culture.countries.main_zone`); where
    the country keeps several clocks and the region tells none, refused when ``required``
    (a zone guessed put Sydney in Lord Howe Island's time), else None."""
    zone = v.timezone(given, allow_empty=True) or main_zone(country, subdivision)
    if zone is None and required:
        raise v.fail("timezone", None, _("is required for a country with several time zones"))
    return zone


def account_status(
    status: str | None, customer_since: date | None, lost_on: date | None, *, checked: bool = True
) -> str:
    """The status of an account with these dates, checked against them. The metrics count the
    dates only (:mod:`accountdesk.core.metrics`: a customer from "customer since" until the
    day before "lost on"), so the status must say what they say: a *prospect* has neither date,
    an *active* account has its "customer since" and no "lost on", a *lost* one has its "lost
    on" (and its "customer since" unless it was lost before it ever bought). No status (a
    file's empty cell): the one the dates give. Else refused, naming the date to give or
    clear (README, "How the relationship metrics are counted").

    Not ``checked`` (a file: an import, a restore of the app's own export), a status is kept
    as written whatever the dates: files written before this rule hold such accounts (an
    *active* one without its date was what the editor saved), and one of them must not refuse
    the whole file; the metrics count their dates, as for every account."""
    given = "lost" if lost_on else "active" if customer_since else "prospect"
    chosen = v.choice("status", status, ACCOUNT_STATUSES, default=given)
    if not checked:
        return chosen
    shown = _(labels.STATUS[chosen])
    missing = {"lost": ("lost_on", lost_on), "active": ("customer_since", customer_since)}
    if chosen in missing and missing[chosen][1] is None:
        reason = _("is required for an account with the status {status}")
        raise v.fail(missing[chosen][0], None, reason.format(status=shown))
    if chosen != "lost" and lost_on is not None:
        extra: tuple[str, date] | None = ("lost_on", lost_on)
    elif chosen == "prospect" and customer_since is not None:
        extra = ("customer_since", customer_since)
    else:
        extra = None
    if extra is not None:
        reason = _("does not go with the status {status}: clear the date or choose another status")
        raise v.fail(extra[0], format_date(extra[1]), reason.format(status=shown))
    return chosen


def labelled(item: str | tuple[str, str], default_label: str) -> tuple[str, str]:
    """(label, value) of an e-mail address or phone number given as "label:value", a pair, or
    a bare value (``default_label``)."""
    if isinstance(item, tuple):
        return item[0] or default_label, item[1]
    if ":" in item and not item.startswith("+") and "@" not in item.split(":", 1)[0]:
        label, value = item.split(":", 1)
        if v.is_list_label(label):
            return label, value
    return default_label, item


def _cadence(value: int | str | None) -> int | None:
    """A contact's own cadence: a whole number of days from 1 to ten years; one a file or the
    store holds (:func:`validation.kept`) may be longer, as far as the column holds."""
    key = "stay_in_touch_days"
    try:
        return v.score(key, value, 1, MOST_DAYS_BETWEEN_TOUCHES)
    except v.ValidationError as refused:
        try:
            days = v.score(key, value, 1, _STORABLE_DAYS)
        except v.ValidationError:
            raise refused from None  # no whole number the column holds: the first reason
        if days is not None and v.kept(key, days):
            return days
        raise


def clean_contact(data: ContactInput, *, phones_by_kind: bool = False) -> dict[str, Any]:
    """Validate a contact; returns the column values (tags and dates excluded).

    ``phones_by_kind``: a phone number given without a label is labelled as what the number
    is (:func:`validation.labelled_phone`: a mobile "mobile"), as a file's bare numbers are
    (the CSV and vCard imports); else it is "work", as a form's are (the contact form shows a
    "work" number without its label, so saving it again keeps it "work")."""
    country = v.country(data.country)
    subdivision = v.subdivision(country, data.subdivision)
    zone = place_zone(country, subdivision, data.timezone)
    emails = []
    for item in data.emails:
        label, value = labelled(item, "work")
        if value.strip():
            emails.append({"label": v.list_label("email", label), "value": v.email(value)})
    phones = []
    for item in data.phones:
        label, value = labelled(item, "" if phones_by_kind else v.DEFAULT_PHONE_LABEL)
        if value.strip():
            label, number = v.labelled_phone(value, country, label or None)
            phones.append({"label": label, "value": number})
    v.item_count("email", emails)
    v.item_count("phone", phones)
    v.item_count("important_dates", data.important_dates)
    work_start = v.parse_hhmm("work_hours", data.work_start)
    work_end = v.parse_hhmm("work_hours", data.work_end)
    if (work_start is None) != (work_end is None):
        # no value quoted: the one given is not the problem (it was quoted as read, "17:00",
        # in ASCII digits inside a Persian sentence)
        raise v.fail("work_hours", None, _("needs both a start and an end"))
    if work_start and work_end and work_start >= work_end:
        typed = f"{(data.work_start or '').strip()}–{(data.work_end or '').strip()}"
        raise v.fail("work_hours", typed, _("must start before they end"))
    # a cadence of its own: from a day to ten years (a larger number was stored until the
    # database's integer overflowed)
    cadence = _cadence(data.stay_in_touch_days)
    given = v.required("given_name", data.given_name)
    consent_given_on, consent_withdrawn_on = v.consent_dates(
        data.consent_given_on, data.consent_withdrawn_on
    )
    return {
        "account_id": v.required("account", data.account_id),
        "given_name": given,
        "family_name": v.optional("family_name", data.family_name) or "",
        # not given: as the contact's country writes names (Japan: 佐藤花子), as an import does
        "name_order": v.choice(
            "name_order", data.name_order, NAME_ORDERS, default=names.name_order(country)
        ),
        "honorific": v.optional("honorific", data.honorific),
        "job_title": v.optional("job_title", data.job_title),
        "buying_role": v.optional_choice("buying_role", data.buying_role, BUYING_ROLES),
        "emails": emails,
        "phones": phones,
        "preferred_channel": v.optional_choice(
            "preferred_channel", data.preferred_channel, CHANNELS
        ),
        "preferred_language": v.language_tag(data.preferred_language),
        "formality": v.choice("formality", data.formality, FORMALITIES, default="formal"),
        "country": country,
        "subdivision": subdivision,
        "city": v.optional("city", data.city),
        "timezone": zone,
        "work_start": work_start,
        "work_end": work_end,
        "personal_notes": v.optional("personal_notes", data.personal_notes),
        "how_we_met": v.optional("how_we_met", data.how_we_met),
        "lawful_basis": v.optional_choice("lawful_basis", data.lawful_basis, LAWFUL_BASES),
        "consent_given_on": consent_given_on,
        "consent_withdrawn_on": consent_withdrawn_on,
        "marketing_opt_in": v.marketing_allowed(bool(data.marketing_opt_in), consent_withdrawn_on),
        "stay_in_touch_days": cadence,
    }


def person_account_name(given: str, family: str, order: str) -> str:
    """The name of the account of a person a file gives no company for (a vCard without
    ``ORG``, a CSV row with an empty company): theirs, as their page shows it. The vCard and
    CSV imports both name such an account so, and a file's rows of one such person share it."""
    return display_name(given.strip(), family.strip(), order)


#: What :func:`every_problem` gives a field found wrong that must have a value to go on: the
#: name of an account or a person (required), a zone (required in a country of several).
_STAND_INS = {"name": "-", "given_name": "-", "timezone": "UTC"}
#: A country that passes, with one zone, for the other fields of a record whose country was
#: refused; what is checked against the country (its region, zone, phone numbers) is set
#: aside with it, as it cannot be checked.
_STAND_IN_COUNTRY = "LV"
_WITH_COUNTRY = ("subdivision", "timezone", "phones")
#: The field a problem's key names, where it is not the field itself.
_FIELDS = {"email": "emails", "phone": "phones", "referred_by": "referred_by_id"}
#: The most problems :func:`every_problem` finds in one record.
MOST_PROBLEMS = 25

_Input = TypeVar("_Input", AccountInput, ContactInput)


def every_problem(
    clean: Callable[[_Input], object], data: _Input, first: v.ValidationError
) -> list[v.ValidationError]:
    """``first``, the problem ``clean(data)`` raised (:func:`clean_account`,
    :func:`clean_contact`), and every other problem of the record: ``clean`` again on a copy
    of ``data`` with the field of each problem found set aside (emptied; the one address or
    number of a list left out; a required one given a stand-in), until it passes. The checks
    stay those of ``clean``, which stop at the first problem; a file's import lists them all
    at once (a record that passes never comes here, so this costs its checking nothing)."""
    found = [first]
    data = dataclasses.replace(data)
    error = first
    while len(found) < MOST_PROBLEMS and _set_aside(data, error):
        try:
            clean(data)
        except v.ValidationError as another:
            said = (another.key, another.value, another.reason)
            if any((e.key, e.value, e.reason) == said for e in found):
                break  # (setting it aside did not take it away)
            found.append(another)
            error = another
        else:
            break
    return found


def _set_aside(data: AccountInput | ContactInput, error: v.ValidationError) -> bool:
    """Set aside the field of ``data`` that ``error`` is about (see :func:`every_problem`);
    False when there is nothing to set aside."""
    key = _FIELDS.get(error.key, error.key)
    if key == "country":
        if data.country == _STAND_IN_COUNTRY:
            return False
        data.country = _STAND_IN_COUNTRY
        for name in _WITH_COUNTRY:
            if hasattr(data, name):
                setattr(data, name, [] if name == "phones" else None)
        return True
    if key in ("emails", "phones"):
        items = list(getattr(data, key))
        wanted = str(error.value).strip()
        kept = [
            item for item in items if wanted not in (part.strip() for part in labelled(item, ""))
        ]
        if not items:
            return False
        setattr(data, key, kept if len(kept) < len(items) else [])
        return True
    if key == "work_hours" and isinstance(data, ContactInput):
        if data.work_start is None and data.work_end is None:
            return False
        data.work_start = data.work_end = None
        return True
    if key in _STAND_INS:
        if getattr(data, key) == _STAND_INS[key]:
            return False
        setattr(data, key, _STAND_INS[key])
        return True
    now = getattr(data, key, None)
    if now is None or now == "" or now == () or now == []:
        return False
    setattr(data, key, [] if isinstance(now, (list, tuple)) else None)
    return True


def clean_important_date(item: ImportantDateInput) -> dict[str, Any]:
    kind = v.choice("kind", item.kind, DATE_KINDS)
    year = item.year or 2000  # a leap year, so 29 February is accepted
    try:
        day = date(year, item.month, item.day)
    except ValueError:
        raise v.fail("date", f"{item.month:02d}-{item.day:02d}", _("is not a date")) from None
    if item.year is not None:
        # a birthday or a first working day has happened; another date may be ahead
        v.plausible_date("date", day, day, happened=kind != "custom")
    return {
        "kind": kind,
        "month": item.month,
        "day": item.day,
        "year": item.year,
        "label": v.date_label(item.label),
        "remind": item.remind,
    }


#: Turkish capital İ folds to i with a combining dot, and dotless ı stays itself: both as i.
_TAG_FOLD = {0x0307: None, 0x0131: ord("i")}


def tag_key(name: str) -> str:
    """What makes two tags one tag: their names without case, the Turkish İ and ı as i
    ("KİLİT HESAP" is "kilit hesap", "YENİLEME ZAMANI" is "yenileme zamanı"), as search
    finds them. Every place that looks a tag up by its name compares these; so does a CSV
    import for the rows of one account ("IŞIK TEKSTİL", "Işık Tekstil" and "Işık tekstil" are
    one account: :func:`accountdesk.core.io.csv_format.plan_chunks`)."""
    folded = name.casefold()
    return folded if folded.isascii() else folded.translate(_TAG_FOLD)


def clean_tags(names: Sequence[str]) -> list[str]:
    """The tags, checked (:func:`validation.tag`), blank ones left out, each once (case is
    ignored, :func:`tag_key`; the first spelling wins)."""
    seen: dict[str, str] = {}
    for name in names:
        if name.strip():
            cleaned = v.tag(name)
            seen.setdefault(tag_key(cleaned), cleaned)
    v.item_count("tags", seen)
    return list(seen.values())
