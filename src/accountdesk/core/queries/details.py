"""Read-only detail views of one account or one contact, as plain dataclasses."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from accountdesk.core import icu
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import (
    Account,
    Contact,
    Deal,
    FollowUp,
    Gift,
    Interaction,
    Note,
    SurveyResponse,
    interaction_participants,
)
from accountdesk.core.errors import NotFoundError
from accountdesk.core.i18n import _, join_list
from accountdesk.core.metrics import MetricValue, Period, csat_mean, last_year, nps, revenue_to_date
from accountdesk.core.money import MoneyTotal
from accountdesk.core.queries.followups import shown_follow_ups
from accountdesk.core.queries.rates import rate_book
from accountdesk.core.queries.search import display_name
from accountdesk.core.queries.visible import contact_shown, shown_by_key
from accountdesk.core.records import CustomerPeriod, earlier_periods
from accountdesk.core.reports.data import Scope, load_records
from accountdesk.core.timekeeping.stay_in_touch import shown_title

RECENT_LIMIT = 200


@dataclass(frozen=True)
class ContactSummary:
    id: str
    name: str
    job_title: str | None
    buying_role: str | None
    country: str
    timezone: str
    work_start: str | None
    work_end: str | None
    email: str | None


@dataclass(frozen=True)
class InteractionItem:
    id: str
    kind: str
    occurred_at: datetime
    occurred_zone: str
    subject: str
    notes: str | None
    outcome: str | None
    csat_score: int | None
    participants: str
    participant_ids: tuple[str, ...] = ()
    duration_minutes: int | None = None
    sentiment: str | None = None


@dataclass(frozen=True)
class DealItem:
    id: str
    title: str
    amount: Decimal
    currency: str
    status: str
    closed_on: date | None
    stage: str | None = None


@dataclass(frozen=True)
class SurveyItem:
    id: str
    kind: str
    score: int
    answered_on: date
    comment: str | None
    contact_id: str | None
    account_id: str | None = None  # the account it was given about


@dataclass(frozen=True)
class GiftItem:
    id: str
    direction: str
    description: str
    occasion: str | None
    given_on: date
    value: Decimal | None
    currency: str | None
    contact_id: str | None
    account_id: str | None = None  # the account it was given or received at


@dataclass(frozen=True)
class NoteItem:
    id: str
    body: str
    created_at: datetime


@dataclass(frozen=True)
class FollowUpItem:
    id: str
    title: str
    local_due: str
    zone: str
    due_at: datetime
    status: str
    contact_id: str | None


@dataclass(frozen=True)
class KeyFigures:
    contacts: int
    interactions: int
    last_touch: datetime | None
    open_deals: int


@dataclass(frozen=True)
class AccountDetail:
    id: str
    name: str
    industry: str | None
    size_band: str | None
    website: str | None
    country: str
    subdivision: str | None
    city: str | None
    address: str | None
    timezone: str | None
    currency: str | None
    tier: str | None
    status: str
    customer_since: date | None
    lost_on: date | None
    owner: str | None
    notes: str | None
    tags: list[str]
    figures: KeyFigures
    contacts: list[ContactSummary] = field(default_factory=list)
    interactions: list[InteractionItem] = field(default_factory=list)
    deals: list[DealItem] = field(default_factory=list)
    surveys: list[SurveyItem] = field(default_factory=list)
    gifts: list[GiftItem] = field(default_factory=list)
    notes_list: list[NoteItem] = field(default_factory=list)
    follow_ups: list[FollowUpItem] = field(default_factory=list)
    changed_by: str | None = None  # the server login that last wrote it (None in a file)
    changed_at: datetime | None = None
    #: what winning the account cost, in its own currency (metrics.own_currency)
    acquisition_cost: Decimal | None = None
    #: the account that referred this one (the referral rate counts it), and its name; the
    #: name is None while that account is in the trash
    referred_by_id: str | None = None
    referred_by: str | None = None
    #: its periods as a customer before ``customer_since``, (since, lost on), oldest first:
    #: an account lost and won back (core/records.py::customer_history)
    earlier_periods: tuple[CustomerPeriod, ...] = ()


@dataclass(frozen=True)
class DateItem:
    kind: str
    label: str | None
    month: int
    day: int
    year: int | None


@dataclass(frozen=True)
class ContactDetail:
    id: str
    name: str
    given_name: str
    family_name: str
    name_order: str
    honorific: str | None
    job_title: str | None
    buying_role: str | None
    account_id: str
    account_name: str
    emails: list[tuple[str, str]]
    phones: list[tuple[str, str]]
    preferred_channel: str | None
    preferred_language: str | None
    formality: str
    country: str
    subdivision: str | None
    city: str | None
    timezone: str
    work_start: str | None
    work_end: str | None
    personal_notes: str | None
    how_we_met: str | None
    lawful_basis: str | None
    consent_given_on: date | None
    consent_withdrawn_on: date | None
    marketing_opt_in: bool
    tags: list[str]
    important_dates: list[DateItem]
    interactions: list[InteractionItem] = field(default_factory=list)
    notes_list: list[NoteItem] = field(default_factory=list)
    follow_ups: list[FollowUpItem] = field(default_factory=list)
    changed_by: str | None = None  # the server login that last wrote it (None in a file)
    changed_at: datetime | None = None
    #: their survey answers and the gifts given to or by them, as their account's page lists
    #: them (at whichever account: one they moved from too)
    surveys: list[SurveyItem] = field(default_factory=list)
    gifts: list[GiftItem] = field(default_factory=list)
    #: their account's currency and country (a new deal's or gift's currency:
    #: metrics.own_currency)
    account_currency: str | None = None
    account_country: str | None = None


def _interactions(
    session: Session, *, account_id: str | None = None, contact_id: str | None = None
) -> list[InteractionItem]:
    # the participants shown: one in the trash, or of an account in the trash, is not named
    participants = Interaction.participants.and_(contact_shown())
    query = (
        select(Interaction)
        .options(selectinload(participants))
        .where(Interaction.deleted_at.is_(None))
    )
    if account_id is not None:
        query = query.where(Interaction.account_id == account_id)
    if contact_id is not None:
        query = query.join(
            interaction_participants,
            interaction_participants.c.interaction_id == Interaction.id,
        ).where(interaction_participants.c.contact_id == contact_id)
    query = query.order_by(Interaction.occurred_at.desc()).limit(RECENT_LIMIT)
    items = []
    for row in session.scalars(query):
        names = join_list(
            display_name(c.given_name, c.family_name, c.name_order) for c in row.participants
        )
        items.append(
            InteractionItem(
                row.id,
                row.kind,
                row.occurred_at,
                row.occurred_zone,
                row.subject,
                row.notes,
                row.outcome,
                row.csat_score,
                names,
                tuple(c.id for c in row.participants),
                row.duration_minutes,
                row.sentiment,
            )
        )
    return items


def _about(query: Any, model: Any, account_id: str | None, contact_id: str | None) -> Any:
    """``query`` of ``model``'s records narrowed to an account's (``account_id``) or a
    person's (``contact_id``), as a record's page lists them."""
    if account_id is not None:
        query = query.where(model.account_id == account_id)
    if contact_id is not None:
        query = query.where(model.contact_id == contact_id)
    return query


def _follow_ups(
    session: Session, *, account_id: str | None = None, contact_id: str | None = None
) -> list[FollowUpItem]:
    query = shown_follow_ups(select(FollowUp)).where(FollowUp.status == "open")
    query = _about(query, FollowUp, account_id, contact_id)
    return [
        FollowUpItem(
            f.id,
            shown_title(f.title, f.origin),
            f.local_due,
            f.zone,
            f.due_at,
            f.status,
            f.contact_id,
        )
        for f in session.scalars(query.order_by(FollowUp.due_at).limit(RECENT_LIMIT))
    ]


def _notes(
    session: Session, *, account_id: str | None = None, contact_id: str | None = None
) -> list[NoteItem]:
    query = select(Note).where(Note.deleted_at.is_(None))
    query = _about(query, Note, account_id, contact_id)
    return [
        NoteItem(n.id, n.body, n.created_at)
        for n in session.scalars(query.order_by(Note.created_at.desc()).limit(RECENT_LIMIT))
    ]


def _surveys(
    session: Session, *, account_id: str | None = None, contact_id: str | None = None
) -> list[SurveyItem]:
    """The survey answers an account's page lists (``account_id``), or a person's
    (``contact_id``: about them, at whichever account), latest first; not the answers of a
    contact in the trash (visible.py), as the figures and reports."""
    postgres = session.get_bind().dialect.name == "postgresql"
    query = select(SurveyResponse).where(
        *shown_by_key(SurveyResponse, SurveyResponse.contact_id, postgres=postgres)
    )
    query = _about(query, SurveyResponse, account_id, contact_id)
    query = query.order_by(SurveyResponse.answered_on.desc(), SurveyResponse.id.desc())
    return [
        SurveyItem(s.id, s.kind, s.score, s.answered_on, s.comment, s.contact_id, s.account_id)
        for s in session.scalars(query)
    ]


def _gifts(
    session: Session, *, account_id: str | None = None, contact_id: str | None = None
) -> list[GiftItem]:
    """The gifts an account's page lists (``account_id``), or a person's (``contact_id``:
    given to or by them, at whichever account), latest first."""
    query = select(Gift).where(Gift.deleted_at.is_(None))
    query = _about(query, Gift, account_id, contact_id)
    return [
        GiftItem(
            g.id,
            g.direction,
            g.description,
            g.occasion,
            g.given_on,
            g.value,
            g.currency,
            g.contact_id,
            g.account_id,
        )
        for g in session.scalars(query.order_by(Gift.given_on.desc(), Gift.id.desc()))
    ]


def account_revenue_to_date(db: Database, account_id: str, today: date) -> MoneyTotal:
    """An account's revenue to date as its report gives it: the deals won up to ``today``
    (:func:`metrics.revenue_to_date`), converted at the stored rates in force that day into
    the reporting currency, per currency when a rate is missing (all in the account's one
    currency when that has no rate: :meth:`RateBook.for_amounts`)."""
    with db.reader() as session:
        records = load_records(session, Scope(account_ids=(account_id,)))
    rates = rate_book(db, today).for_amounts(records.currencies())
    return revenue_to_date(records.deals, today, rates)


@dataclass(frozen=True)
class AccountAnswers:
    """An account's NPS and mean CSAT over ``period`` (:attr:`MetricValue.sample`: the
    answers each counts)."""

    nps: MetricValue
    csat_mean: MetricValue
    period: Period


def account_answers(db: Database, account_id: str, today: date) -> AccountAnswers:
    """An account's NPS and mean CSAT as its report gives them: over the last 12 months up to
    ``today`` (:func:`metrics.last_year`); for NPS each person's latest answer and every
    answer of no one named (:func:`metrics.nps`), for CSAT every answer, the scores logged
    on interactions too (:func:`metrics.csat_mean`). The page showed the latest NPS answer
    alone, of any age (one promoter's 8 on an account the report put at risk for a
    detractor's 3), and a mean CSAT of all time beside the report's of the year."""
    with db.reader() as session:
        records = load_records(session, Scope(account_ids=(account_id,)))
    period = last_year(today)
    return AccountAnswers(nps(records.surveys, period), csat_mean(records.surveys, period), period)


def account_people(db: Database, account_id: str) -> list[ContactSummary]:
    """The account's people, as its Contacts tab lists them (not those in the trash)."""
    with db.reader() as session:
        return _people(session, account_id)


def _people(session: Session, account_id: str) -> list[ContactSummary]:
    return [
        ContactSummary(
            c.id,
            display_name(c.given_name, c.family_name, c.name_order),
            c.job_title,
            c.buying_role,
            c.country,
            c.timezone,
            c.work_start,
            c.work_end,
            c.emails[0]["value"] if c.emails else None,
        )
        for c in people_by_name(
            session.scalars(
                select(Contact)
                .where(Contact.account_id == account_id, Contact.deleted_at.is_(None))
                .order_by(Contact.id)
            )
        )
    ]


def earlier_customer_periods(db: Database, account_id: str) -> tuple[CustomerPeriod, ...]:
    """The account's periods as a customer before its current one, oldest first
    (:func:`records.earlier_periods <accountdesk.core.records.earlier_periods>`): what the
    account editor says a save keeps or joins (:func:`records.customer_history
    <accountdesk.core.records.customer_history>`)."""
    with db.reader() as session:
        text = session.scalar(select(Account.earlier_periods).where(Account.id == account_id))
    return earlier_periods(text)


def account_names(db: Database, ids: Sequence[str]) -> dict[str, str]:
    """The name of each account of ``ids`` that is not in the trash."""
    with db.reader() as session:
        return _account_names(session, ids)


def _account_names(session: Session, ids: Sequence[str]) -> dict[str, str]:
    if not ids:
        return {}
    found = session.execute(
        select(Account.id, Account.name).where(
            Account.id.in_(list(ids)), Account.deleted_at.is_(None)
        )
    )
    return {id_: name for id_, name in found}


def account_detail(db: Database, account_id: str) -> AccountDetail:
    """Everything the account view shows; raises NotFoundError for a missing or trashed one."""
    with db.reader() as session:
        account = session.get(Account, account_id)
        if account is None or account.deleted_at is not None:
            raise NotFoundError(_("There is no account with id {id}.").format(id=account_id))
        contacts = _people(session, account_id)
        live_deals = select(Deal).where(Deal.account_id == account_id, Deal.deleted_at.is_(None))
        deals = [
            DealItem(d.id, d.title, d.amount, d.currency, d.status, d.closed_on, d.stage)
            for d in session.scalars(live_deals.order_by(Deal.closed_on.desc().nulls_first()))
        ]
        surveys = _surveys(session, account_id=account_id)
        gifts = _gifts(session, account_id=account_id)
        interactions = _interactions(session, account_id=account_id)
        count, last = session.execute(
            select(func.count(Interaction.id), func.max(Interaction.occurred_at)).where(
                Interaction.account_id == account_id, Interaction.deleted_at.is_(None)
            )
        ).one()
        referrer = account.referred_by_id
        records = load_records(session, Scope(account_ids=(account_id,)))
        figures = KeyFigures(
            contacts=len(contacts),
            interactions=int(count),
            last_touch=interactions[0].occurred_at if interactions else last,
            open_deals=sum(1 for d in deals if d.status == "open"),
        )
        return AccountDetail(
            id=account.id,
            name=account.name,
            industry=account.industry,
            size_band=account.size_band,
            website=account.website,
            country=account.country,
            subdivision=account.subdivision,
            city=account.city,
            address=account.address,
            timezone=account.timezone,
            currency=account.currency,
            tier=account.tier,
            status=account.status,
            customer_since=account.customer_since,
            lost_on=account.lost_on,
            owner=account.owner,
            notes=account.notes,
            tags=[t.name for t in account.tags],
            figures=figures,
            contacts=contacts,
            interactions=interactions,
            deals=deals,
            surveys=surveys,
            gifts=gifts,
            notes_list=_notes(session, account_id=account_id),
            follow_ups=_follow_ups(session, account_id=account_id),
            changed_by=account.updated_by,
            acquisition_cost=account.acquisition_cost,
            changed_at=account.updated_at,
            referred_by_id=account.referred_by_id,
            referred_by=_account_names(session, [referrer]).get(referrer) if referrer else None,
            # as the metrics read them (checked: load_records)
            earlier_periods=records.customers[0].earlier if records.customers else (),
        )


def contact_detail(db: Database, contact_id: str) -> ContactDetail:
    """Everything the contact view shows; raises NotFoundError for a missing or trashed one."""
    with db.reader() as session:
        c = session.get(Contact, contact_id)
        if c is None or c.deleted_at is not None:
            raise NotFoundError(_("There is no contact with id {id}.").format(id=contact_id))
        return ContactDetail(
            id=c.id,
            name=display_name(c.given_name, c.family_name, c.name_order),
            given_name=c.given_name,
            family_name=c.family_name,
            name_order=c.name_order,
            honorific=c.honorific,
            job_title=c.job_title,
            buying_role=c.buying_role,
            account_id=c.account_id,
            account_name=c.account.name,
            emails=[(e["label"], e["value"]) for e in c.emails or []],
            phones=[(p["label"], p["value"]) for p in c.phones or []],
            preferred_channel=c.preferred_channel,
            preferred_language=c.preferred_language,
            formality=c.formality,
            country=c.country,
            subdivision=c.subdivision,
            city=c.city,
            timezone=c.timezone,
            work_start=c.work_start,
            work_end=c.work_end,
            personal_notes=c.personal_notes,
            how_we_met=c.how_we_met,
            lawful_basis=c.lawful_basis,
            consent_given_on=c.consent_given_on,
            consent_withdrawn_on=c.consent_withdrawn_on,
            marketing_opt_in=c.marketing_opt_in,
            tags=[t.name for t in c.tags],
            important_dates=[
                DateItem(d.kind, d.label, d.month, d.day, d.year) for d in c.important_dates
            ],
            interactions=_interactions(session, contact_id=contact_id),
            notes_list=_notes(session, contact_id=contact_id),
            follow_ups=_follow_ups(session, contact_id=contact_id),
            changed_by=c.updated_by,
            changed_at=c.updated_at,
            surveys=_surveys(session, contact_id=contact_id),
            gifts=_gifts(session, contact_id=contact_id),
            account_currency=c.account.currency,
            account_country=c.account.country,
        )


def people_by_name(contacts: Iterable[Contact]) -> list[Contact]:
    """An account's people as its page lists them, and its report: by family name, then
    given name, as the contact list sorts them (:func:`accountdesk.core.icu.person_order`),
    in the order of the user's language (SQL's order of code points put "Çelik" after
    "Zorlu"; the report listed them in the order they were added)."""
    found = list(contacts)
    key = icu.person_order((c.family_name, c.given_name, c.country) for c in found)
    return sorted(found, key=lambda c: key(c.family_name, c.given_name, c.country))
