"""Reading the records behind the metrics and reports from the database (read-only), and the
checks of a report's scope (an unknown country, owner or segment is one sentence, not an empty
report)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from accountdesk.core import i18n, icu, validation
from accountdesk.core.address import form_of_address
from accountdesk.core.bidi import isolate
from accountdesk.core.clock import ensure_aware
from accountdesk.core.db.engine import Database
from accountdesk.core.db.fts import fold
from accountdesk.core.db.models import Account, Contact, Deal, Interaction, SurveyResponse
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import _, cut_list
from accountdesk.core.labels import TIER, label, tier_spellings_among
from accountdesk.core.metrics import (
    INTERACTION,
    NO_CURRENCY,
    CustomerRecord,
    DealRecord,
    MetricSet,
    Period,
    RiskScore,
    RiskSignals,
    SurveyRecord,
    compute_all,
    last_year,
    latest_nps,
    measured_up_to,
    own_currency,
    revenue,
    risk_score,
)
from accountdesk.core.money import RateBook, in_one_currency
from accountdesk.core.queries.team import owner_name, owner_names
from accountdesk.core.queries.visible import shown_by_key
from accountdesk.core.records import earlier_periods
from accountdesk.core.timekeeping.zones import to_zone, user_day


@dataclass(frozen=True)
class Scope:
    """Which accounts: all, or those of one country, owner or segment (the account's tier,
    whatever its case: "Gold" and "gold" are one segment, :func:`labels.folded_key`)."""

    country: str | None = None
    owner: str | None = None
    segment: str | None = None
    account_ids: tuple[str, ...] | None = None

    def apply(self, query: Select[Any], session: Session) -> Select[Any]:
        query = query.where(Account.deleted_at.is_(None))
        if self.country:
            query = query.where(Account.country == self.country.upper())
        if self.owner:
            query = query.where(Account.owner == self.owner)
        if self.segment:
            query = query.where(Account.tier.in_(tier_spellings(session, self.segment)))
        if self.account_ids is not None:
            query = query.where(Account.id.in_(self.account_ids))
        return query


def _stored(session: Session, column: Any) -> list[str]:
    """The distinct values of an account ``column`` (accounts not in the trash)."""
    return [
        str(v)
        for v in session.scalars(
            select(column).where(Account.deleted_at.is_(None), column.is_not(None)).distinct()
        )
        if v
    ]


def tier_spellings(session: Session, tier: str) -> list[str]:
    """Every way the tier ``tier`` is written in the stored accounts ("Gold", "gold"): one
    segment (:func:`labels.folded_key`; compared in Python, as SQL cannot fold alike on SQLite
    and PostgreSQL)."""
    return tier_spellings_among(_stored(session, Account.tier), tier)


#: At most this many known values are named when a scope's value is unknown.
NAMED_CHOICES = 12


def choice(
    stored: Sequence[str], given: str, alone: str, listed: str, display: Any = str,
    shown: str | None = None, **fields: str,
) -> str:  # fmt: skip
    """The value of ``stored`` that ``given`` names, ignoring case and accents (the folding of
    search), or its name as shown (``display``: a translated name, a member's name);
    UserError when none does, naming the values there are (``listed``, with ``{values}``: in
    the order of their shown names, each name once), or ``alone`` when there are none. Both
    messages get ``{value}``, the value as given (or as ``shown``: a member's login by their
    name), and ``fields``. The one rule of a report's scope (owner, segment) and of a trip's
    city."""
    values = icu.sorted_by(sorted(stored), display)
    wanted = fold(given.strip())
    for value in values:
        if wanted in (fold(value), fold(display(value))):
            return value
    named = given if shown is None else shown
    if not values:
        raise UserError(alone.format(value=named, **fields))
    first: dict[str, str] = {}  # "Gold" and "gold": one name, as first written
    for value in sorted(stored):
        first.setdefault(fold(display(value)), value)
    names = [display(v) for v in icu.sorted_by(first.values(), display)]
    listing = cut_list(names, NAMED_CHOICES)
    raise UserError(listed.format(value=named, values=listing, **fields))


def check_scope(db: Database, scope: Scope) -> Scope:
    """The scope with its owner and segment as stored (matched ignoring case and accents), or
    UserError in one sentence when the country is not a country, or no account has that
    country, owner or segment. On a team server an owner is named by login or by the member's
    name, and the owners a refusal lists are named as the reports show them."""
    names = owner_names(db) if scope.owner else {}
    with db.reader() as session:
        if scope.country:
            code = validation.country(scope.country)
            has_any = session.scalar(
                select(Account.id)
                .where(Account.country == code, Account.deleted_at.is_(None))
                .limit(1)
            )
            if has_any is None:
                raise UserError(
                    _("No account is in {country} ({code}).").format(
                        country=i18n.country_name(code), code=code
                    )
                )
            scope = replace(scope, country=code)
        if scope.owner:
            owner = choice(
                _stored(session, Account.owner), scope.owner,
                _("No account has an owner called \u201c{value}\u201d."),
                _("No account has the owner \u201c{value}\u201d; the owners are: {values}."),
                lambda login: owner_name(names, login),
                owner_name(names, scope.owner.strip()),  # a member by name, not by login
            )  # fmt: skip
            scope = replace(scope, owner=owner)
        if scope.segment:
            segment = choice(
                _stored(session, Account.tier), scope.segment,
                _("No account is in a segment called \u201c{value}\u201d."),
                _("No account is in the segment \u201c{value}\u201d; the segments are: {values}."),
                lambda tier: label(TIER, tier),
            )  # fmt: skip
            scope = replace(scope, segment=segment)
    return scope


def checked_period(start: date, end: date, today: date | None = None) -> Period:
    """The period of a report from ``start`` to ``end``, or UserError naming the days reports
    cover: those a record's date may hold (:data:`validation.EARLIEST_DAY` …
    :data:`validation.LATEST_DAY`), which the previous period, the calendars and the holidays
    are computed around (year 1 or 9999 ended in "unexpected error (OverflowError)"); or
    when it ends before it starts.

    With ``today`` (the user's day), the one rule of a report of figures (the command line,
    the Reports screen, the PDFs; not a trip brief, which is of days to come): a period that
    starts after today is refused, and one that ends after today is measured up to today
    (:func:`metrics.measured_up_to`: "so far", its previous period the same days of the
    period before)."""
    first, last = validation.EARLIEST_DAY, validation.LATEST_DAY
    for day in (start, end):
        if not first <= day <= last:
            raise UserError(
                _("{day} is outside the days reports cover, {first} to {last}.").format(
                    day=i18n.format_date(day),
                    first=i18n.format_date(first),
                    last=i18n.format_date(last),
                )
            )
    if today is not None and start > today:
        raise UserError(
            _(
                "The period starts after today ({today}): it has no figures yet. Choose a "
                "period that starts today or earlier."
            ).format(today=i18n.format_date(today))
        )
    if end < start:
        raise UserError(_("The period ends before it starts."))
    if today is not None:
        return measured_up_to(Period(start, end), today)
    return Period(start, end)


@dataclass(frozen=True)
class MetricRecords:
    customers: list[CustomerRecord]
    surveys: list[SurveyRecord]  # survey answers and the CSAT scores of interactions
    deals: list[DealRecord]

    def currencies(self) -> set[str]:
        """The currencies of the amounts these records hold: the deals' and the acquisition
        costs' (in the account's currency, as :func:`metrics.acquisition_cost` reads them)."""
        return {d.currency for d in self.deals} | {
            c.currency or NO_CURRENCY for c in self.customers if c.acquisition_cost is not None
        }


def _earlier(account: str, text: str) -> tuple[tuple[date, date], ...]:
    """The earlier periods as a customer of the account named ``account``, checked
    (:func:`records.earlier_periods`); a UserError naming the account when they cannot be
    read (a figure is never computed without them)."""
    try:
        return earlier_periods(text)
    except validation.ValidationError as error:
        raise UserError(
            _("The account {name} cannot be counted: {problem}").format(
                name=isolate(account), problem=error.message
            )
        ) from None


def survey_records(session: Session, *where: Any) -> list[SurveyRecord]:
    """The survey answers ``where`` selects, as the metrics read them: not one in the trash,
    nor one of a contact in the trash (queries/visible.py's rule, as the at-risk score's
    people). In the order they were given and entered (the day, then when each was stored):
    of a person's two answers of one day the one entered later is their latest
    (:func:`metrics.latest_responses`), on either backend. The metrics' records and the
    stay-in-touch cadence's answers (services/followups.py) are read here."""
    return [
        SurveyRecord(contact_id, account_id, kind, score, answered_on)
        for contact_id, account_id, kind, score, answered_on in session.execute(
            select(
                SurveyResponse.contact_id,
                SurveyResponse.account_id,
                SurveyResponse.kind,
                SurveyResponse.score,
                SurveyResponse.answered_on,
            )
            .where(
                *where,
                *shown_by_key(
                    SurveyResponse,
                    SurveyResponse.contact_id,
                    postgres=session.get_bind().dialect.name == "postgresql",
                ),
            )
            .order_by(SurveyResponse.answered_on, SurveyResponse.created_at, SurveyResponse.id)
        )
    ]


def load_records(session: Session, scope: Scope) -> MetricRecords:
    """The records the metrics of ``scope`` are computed from, read as columns in one query a
    table (the accounts in scope as a subquery): read as ORM objects, in chunks of 900
    account ids, 100,000 accounts took 12 s."""
    in_scope = scope.apply(select(Account.id), session)
    columns: Any = select(
        Account.id, Account.customer_since, Account.lost_on, Account.acquisition_cost,
        Account.referred_by_id, Account.currency, Account.country, Account.earlier_periods,
        Account.name,
    )  # fmt: skip
    customers = [
        CustomerRecord(
            account_id=id_,
            customer_since=since,
            lost_on=lost_on,
            acquisition_cost=cost,
            referred_by=referred_by,
            currency=own_currency(currency, country),
            earlier=_earlier(name, earlier) if earlier else (),
        )
        for id_, since, lost_on, cost, referred_by, currency, country, earlier, name in (
            session.execute(scope.apply(columns, session))
        )
    ]
    surveys = survey_records(session, SurveyResponse.account_id.in_(in_scope))
    for account_id, occurred_at, zone, score in session.execute(
        select(
            Interaction.account_id,
            Interaction.occurred_at,
            Interaction.occurred_zone,
            Interaction.csat_score,
        ).where(
            Interaction.account_id.in_(in_scope),
            Interaction.deleted_at.is_(None),
            Interaction.csat_score.is_not(None),
        )
    ):
        if score is None:
            continue
        day = interaction_day(occurred_at, zone)
        surveys.append(SurveyRecord(None, account_id, "csat", score, day, INTERACTION))
    deals = [
        DealRecord(
            account_id,
            amount,
            closed_on,
            status,
            currency,
            created_at.date() if created_at is not None else None,
            stage,
        )
        for account_id, amount, closed_on, status, currency, created_at, stage in session.execute(
            select(
                Deal.account_id, Deal.amount, Deal.closed_on, Deal.status, Deal.currency,
                Deal.created_at, Deal.stage,
            ).where(Deal.account_id.in_(in_scope), Deal.deleted_at.is_(None))
        )
    ]  # fmt: skip
    return MetricRecords(customers, surveys, deals)


def interaction_day(occurred_at: datetime, zone: str) -> date:
    """The day an interaction happened, where it happened (its own zone): the day a report
    dates, lists and counts it by, its CSAT in a period included. A call at 23:30 on 30
    September in Mexico City (05:30 UTC on 1 October) is of 30 September, and of the third
    quarter, wherever the user is; the account report's "Last touch" and its at-risk next
    step once gave it two days."""
    return to_zone(occurred_at, zone).date()


def _chunks(items: Sequence[str], size: int) -> list[Sequence[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def rate_day(period: Period, today: date) -> date:
    """The day a report's money is converted as on: the period's end, or today when the
    period ends later."""
    return min(period.end, today)


def metrics_for(
    db: Database,
    period: Period,
    rates: RateBook,
    *,
    country: str | None = None,
    owner: str | None = None,
    segment: str | None = None,
    account_ids: Sequence[str] | None = None,
) -> MetricSet:
    """The metrics of SPEC §5 for the accounts in scope over ``period``; money converted with
    ``rates``."""
    scope = Scope(country, owner, segment, tuple(account_ids) if account_ids is not None else None)
    with db.reader() as session:
        records = load_records(session, scope)
    return compute_all(records.customers, records.surveys, records.deals, period, rates)


# --- accounts at risk --------------------------------------------------------------------------


@dataclass(frozen=True)
class RiskFacts:
    """One customer's at-risk score (:func:`metrics.risk_score`) with what the report says
    about it: the oldest overdue follow-up, the lowest detractor answer, whom to call."""

    account_id: str
    signals: RiskSignals
    score: RiskScore
    oldest_overdue: tuple[str, datetime] | None  # title, due (aware UTC)
    #: the contact as the report addresses them (address.form_of_address), their score
    detractor: tuple[str, int] | None
    #: the account's main contact (first decision maker, else first), addressed so
    contact: str | None
    #: the day of its latest interaction, where it happened (:func:`interaction_day`)
    last_touch: date | None
    #: of the amounts (the revenue signal's, the value at stake): the reporting currency, or
    #: the account's own when its deals of the two years are in one currency without a rate
    currency: str
    converted: bool = True  # the amounts are in the reporting currency
    #: the currencies without a rate that kept the revenue signal from being assessed (the
    #: account's deals of the two years are in several currencies); empty: assessed
    not_assessed: tuple[str, ...] = ()


def risk_facts(
    db: Database,
    records: MetricRecords,
    now: datetime,
    user_zone: str,
    rates: RateBook,
) -> dict[str, RiskFacts]:
    """The at-risk score of every account of ``records`` that is a customer on the day of
    ``now`` (in ``user_zone``): its signals gathered here, its points counted by the one rule
    (:func:`metrics.risk_score`)."""
    from accountdesk.core.queries.followups import list_follow_ups
    from accountdesk.core.timekeeping.stay_in_touch import effective_cadence, nps_band

    today = user_day(now, user_zone)
    year = last_year(today)  # of the revenue (the NPS answers': metrics.latest_nps)
    before = year.previous()
    customers = {c.account_id: c for c in records.customers if c.is_customer_on(today)}
    overdue: dict[str, list[tuple[datetime, str]]] = defaultdict(list)
    for chunk in _chunks(list(customers), 900):  # the scope's, not the whole team's
        for f in list_follow_ups(
            db, now=now, user_zone=user_zone, due="overdue", account_ids=chunk
        ):
            overdue[f.account_id].append((f.due_at, f.title))
    # each person's answer that speaks for them about each account (metrics.latest_nps): the
    # detractor signal's and the cadence's, as the follow-ups raised read it
    spoken = latest_nps(records.surveys, today)
    deals: dict[str, list[DealRecord]] = defaultdict(list)
    for d in records.deals:
        deals[d.account_id].append(d)
    ids = list(customers)
    touched: dict[str, tuple[datetime, str, str]] = {}  # the latest: when, its id, its zone
    people: dict[str, list[tuple[str, str, int | None, bool]]] = defaultdict(list)
    tiers: dict[str, str | None] = {}
    with db.reader() as session:
        for chunk in _chunks(ids, 900):
            live = (Interaction.account_id.in_(chunk), Interaction.deleted_at.is_(None))
            latest = (
                select(Interaction.account_id, func.max(Interaction.occurred_at).label("at"))
                .where(*live)
                .group_by(Interaction.account_id)
                .subquery()
            )
            for account_id, when, id_, zone in session.execute(
                select(
                    Interaction.account_id, Interaction.occurred_at, Interaction.id,
                    Interaction.occurred_zone,
                )
                .join(
                    latest,
                    (latest.c.account_id == Interaction.account_id)
                    & (latest.c.at == Interaction.occurred_at),
                )
                .where(*live)
            ):  # fmt: skip
                found = (ensure_aware(when), id_, zone)
                if account_id not in touched or found[:2] > touched[account_id][:2]:
                    touched[account_id] = found  # of two at one instant, the later id's
            for c in session.scalars(
                select(Contact)
                .where(Contact.account_id.in_(chunk), Contact.deleted_at.is_(None))
                .order_by(Contact.created_at, Contact.id)
            ):
                # as the report addresses them everywhere ("คุณวันเพ็ญ", "آقای احمدی")
                name = form_of_address(
                    c.honorific, c.given_name, c.family_name or "", c.name_order,
                    country=c.country, formality=c.formality,
                )  # fmt: skip
                decides = c.buying_role == "decision_maker"
                people[c.account_id].append((c.id, name, c.stay_in_touch_days, decides))
            for account_id, tier in session.execute(
                select(Account.id, Account.tier).where(Account.id.in_(chunk))
            ):
                tiers[account_id] = tier
    out: dict[str, RiskFacts] = {}
    for account_id, customer in customers.items():
        contacts = people.get(account_id, [])
        tier = tiers.get(account_id)
        answers = {cid: spoken.get((account_id, cid)) for cid, *_rest in contacts}
        cadences = [
            effective_cadence(days, tier, nps_band(a.score) if (a := answers[cid]) else None)
            for cid, _name, days, _decides in contacts
        ] or [effective_cadence(None, tier, None)]
        known = [c.days for c in cadences if c is not None]
        last = touched.get(account_id)
        # silence is counted in the user's days; the day shown is the one the report lists
        # the interaction on
        start = to_zone(last[0], user_zone).date() if last else customer.customer_since
        detractors = sorted(
            (a.score, name)
            for cid, name, _days, _decides in contacts
            if (a := answers[cid]) is not None and a.score <= 6
        )
        now_total = revenue(deals[account_id], year, rates)
        before_total = revenue(deals[account_id], before, rates)
        # the two years compared converted, or in the account's one currency when its deals
        # are all in one that has no rate (no rate needed; the deal summary's rule); else the
        # signal is not assessed, and said
        compared = in_one_currency([now_total, before_total])
        revenue_now = revenue_before = None
        currency = rates.reporting
        not_assessed: tuple[str, ...] = ()
        if compared is None:
            not_assessed = tuple(sorted({*now_total.missing, *before_total.missing}))
        else:
            currency, (revenue_now, revenue_before) = compared
        signals = RiskSignals(
            overdue=len(overdue[account_id]),
            detractors=len(detractors),
            silent_days=None if start is None else (today - start).days,
            cadence_days=min(known) if known else None,
            revenue_now=revenue_now,
            revenue_before=revenue_before,
        )
        main = sorted(contacts, key=lambda c: not c[3])
        out[account_id] = RiskFacts(
            account_id=account_id,
            signals=signals,
            score=risk_score(signals),
            oldest_overdue=(
                (min(overdue[account_id])[1], min(overdue[account_id])[0])
                if overdue[account_id]
                else None
            ),
            detractor=(detractors[0][1], detractors[0][0]) if detractors else None,
            contact=main[0][1] if main else None,
            last_touch=interaction_day(last[0], last[2]) if last else None,
            currency=currency,
            converted=currency == rates.reporting,
            not_assessed=not_assessed,
        )
    return out
