"""The relationship metrics of SPEC §5, as pure functions over plain records.

Every function takes the records of the accounts in scope (a segment, a country, an owner,
all) and a :class:`Period`, and returns a :class:`MetricValue` (a rate or a count, with its
sample size) or a :class:`MoneyMetric` (an amount in the reporting currency). A zero
denominator, or a sample too small for the figure, gives ``value=None`` with the reason
``"not enough data"``: never 0 and never an exception. README ("How the relationship metrics
are counted") and the portfolio report's appendix say the same in words.

Period rules (one place, used by every metric):

* A period runs from ``start`` to ``end``, both days included.
* An account is a customer in each of its periods (:attr:`CustomerRecord.periods`): from a
  "customer since" until the day before its "lost on" (none: until today). Most accounts have
  one, ``customer_since`` to ``lost_on``; an account lost and won back also has its earlier
  ones (``earlier``, README: the win-back rule). It *is a customer on day d* when a period
  holds ``d``: ``since <= d`` and ``lost is None or lost > d``. Accounts without a period are
  prospects and never count.
* **S** (customers at the start) = accounts that were customers on the day *before*
  ``start`` (lost on ``start`` or later still counts: they are lost *in* the period).
* **N** (acquired in the period) = accounts with a period that starts in it: a win-back is
  an acquisition of the period it falls in. The acquisition cost and the referral are the
  first period's, counted once: in the period of the first acquisition.
* **E** (customers at the end) = accounts that are customers on ``end``.
* **Lost in the period** (churned) = accounts of S with a "lost on" in the period (also when
  won back later in it); the others of S are **kept**, so kept + churned = 100 % of S. An
  account of N, not of S, that is no customer at the end (*won and lost*) is not churn of S,
  but retention, (E − N) / S, counts its loss: retention = kept − won-and-lost, over S (which
  is E − N over S unless a customer of S is won back in the period: then it is lost once, and
  retention stays within 0–100 %). An earlier
  loss stays a loss of the period it fell in, and customer-days add up over the periods.

Money: amounts are converted into the reporting currency by a :class:`money.RateBook`; amounts
all in one currency that has no rate are summed and averaged in it (:func:`money.in_one_currency`,
``MoneyMetric.currency``); when a rate is missing for a mix of currencies a money figure has no
value and keeps the per-currency subtotals it would have been made of (``MoneyMetric.total``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from accountdesk.core import calendars
from accountdesk.core.labels import DEAL_STAGE
from accountdesk.core.money import NO_CURRENCY as NO_CURRENCY  # its home; imported from here too
from accountdesk.core.money import MoneyTotal, RateBook

NOT_ENOUGH_DATA = "not enough data"
MISSING_RATE = "no exchange rate"
#: The reason of a yearly figure of a period too short to be made a year's (SHORTEST_YEARLY).
TOO_SHORT = "period too short"
#: Annual churn, expected lifespan, annual revenue per customer and lifetime value are not
#: computed from a period of fewer days: one day without a loss or a deal made "10 years (the
#: cap)" and a lifetime value of 0 (the shortest calendar month still counts).
SHORTEST_YEARLY = 28
DAYS_PER_YEAR = 365.25
#: A rate over fewer than this many customers or answers is marked as a small sample, and
#: lifetime value needs at least this many customers at the start (the churn it rests on).
SMALL_SAMPLE = 10
#: The expected lifespan is capped (no churn would make it endless).
LIFESPAN_CAP_YEARS = 10.0


def own_currency(currency: str | None, country: str | None) -> str:
    """The currency of an account's own amounts (its acquisition cost): the account's
    ``currency``, else its ``country``'s (CLDR), else "no currency"."""
    from accountdesk.core.culture.countries import country_currency

    return currency or (country_currency(country) if country else None) or NO_CURRENCY


@dataclass(frozen=True)
class Period:
    """Days from ``start`` to ``end``, both included. ``asked_end``: the last day asked for,
    when it was after today and the period is measured up to today ("so far":
    :func:`measured_up_to`)."""

    start: date
    end: date
    asked_end: date | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a period cannot end before it starts")
        if self.asked_end is not None and self.asked_end <= self.end:
            raise ValueError("a period measured so far was asked to end later")

    @property
    def so_far(self) -> bool:
        """Measured up to today: its days after today have not come yet."""
        return self.asked_end is not None

    @property
    def asked(self) -> Period:
        """The period as asked for (its days to come too)."""
        return Period(self.start, self.asked_end or self.end)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def years(self) -> float:
        return self.days / DAYS_PER_YEAR

    def previous(self, calendar: str = calendars.GREGORIAN) -> Period:
        """The period of the same length that ends the day before this one starts: as many
        whole months when the period is made of them (a year: the year before; a quarter: the
        quarter before), of ``calendar`` (:mod:`accountdesk.core.calendars`: Solar Hijri
        months in a Persian report) or else of the Gregorian calendar (a Gregorian quarter
        asked for in a Persian report is still compared with the quarter before), else as
        many days. A period measured so far (:attr:`so_far`) is compared with the same days
        of the period before the one asked for: "this quarter" to 1 December (62 days) with
        1 July – 31 August, not with days that are still to come."""
        if self.asked_end is not None:
            whole = self.asked.previous(calendar)
            return Period(whole.start, min(whole.end, whole.start + timedelta(days=self.days - 1)))
        end = self.start - _DAY
        cal = calendars.written_in(self.start, calendar)
        if calendars.written_in(self.end, calendar) != cal:
            cal = calendars.GREGORIAN  # across the end of the Solar Hijri table
        for months_of in dict.fromkeys((cal, calendars.GREGORIAN)):
            first = calendars.month_span(self.start, months_of)[0]
            last = calendars.month_span(self.end, months_of)[1]
            if first == self.start and last == self.end:
                count = len(calendars.spans(self.start, self.end, 1, months_of))
                return Period(calendars.add_months(self.start, -count, months_of), end)
        return Period(self.start - timedelta(days=self.days), end)


def measured_up_to(period: Period, today: date) -> Period:
    """The period a report measures: ``period`` up to ``today`` when it ends later, marked
    :attr:`Period.so_far` (a day still to come has no customers lost, no deal won, no answer:
    counted, it made "retention 100 %" and "revenue −100 %" of a quarter not yet begun). A
    period that starts after today is refused before (``reports.data.checked_period``)."""
    whole = period.asked
    if whole.end <= today:
        return whole
    return Period(whole.start, today, whole.end)


#: How far back "the last 12 months" go: this many days up to today, both included.
YEAR_DAYS = 365


def last_year(today: date) -> Period:
    """The last 12 months up to ``today``: an account report's period unless one is asked for
    (and the Reports screen's first), the year the at-risk score reads NPS answers and revenue
    over, and the answers that still speak for a person (the stay-in-touch cadence's NPS band)
    and for an account (its page's NPS and mean CSAT). An older answer no longer counts."""
    return Period(today - timedelta(days=YEAR_DAYS - 1), today)


@dataclass(frozen=True)
class CustomerRecord:
    account_id: str
    customer_since: date | None
    lost_on: date | None = None
    acquisition_cost: Decimal | None = None  # of the first period
    referred_by: str | None = None  # who referred the first period
    currency: str | None = None  # the account's currency: that of its acquisition cost
    #: the periods as a customer before the current one, (since, lost on), oldest first: an
    #: account lost and won back (core/records.py::earlier_periods, ::customer_history)
    earlier: tuple[tuple[date, date], ...] = ()

    @property
    def periods(self) -> tuple[tuple[date, date | None], ...]:
        """Every period as a customer, oldest first: the earlier ones and the current one
        (``customer_since`` to ``lost_on``; none without ``customer_since``)."""
        if self.customer_since is None:
            return self.earlier
        return (*self.earlier, (self.customer_since, self.lost_on))

    def is_customer_on(self, day: date) -> bool:
        return any(since <= day and (lost is None or lost > day) for since, lost in self.periods)

    def customer_days_in(self, period: Period) -> int:
        """Days of ``period`` on which the account was a customer, over all its periods."""
        days = 0
        for since, lost in self.periods:
            first = max(since, period.start)
            last = period.end if lost is None else min(period.end, lost - _DAY)
            days += max((last - first).days + 1, 0)
        return days

    def acquired_in(self, period: Period) -> bool:
        """A period as a customer starts in ``period`` (a win-back too)."""
        return any(period.contains(since) for since, _lost in self.periods)

    def first_acquired_in(self, period: Period) -> bool:
        """The first period starts in ``period``: the acquisition its cost and referral are
        of."""
        return bool(self.periods) and period.contains(self.periods[0][0])

    def lost_in(self, period: Period) -> bool:
        """A period as a customer ends (its "lost on") in ``period``."""
        return any(lost is not None and period.contains(lost) for _since, lost in self.periods)


_DAY = timedelta(days=1)

SURVEY = "survey"
INTERACTION = "interaction"


@dataclass(frozen=True)
class SurveyRecord:
    contact_id: str | None
    account_id: str
    kind: str  # "nps" (0–10) or "csat" (1–5)
    score: int
    answered_on: date
    source: str = SURVEY  # SURVEY, or INTERACTION: a CSAT score logged on an interaction


@dataclass(frozen=True)
class DealRecord:
    account_id: str
    amount: Decimal
    closed_on: date | None
    status: str  # open | won | lost
    currency: str
    opened_on: date | None = None  # the day the deal was entered
    stage: str | None = None  # labels.DEAL_STAGE; None: not recorded


class _Sampled:
    """What a metric's figure and sample say of it, alike for a rate and an amount."""

    value: object
    sample: int

    @property
    def available(self) -> bool:
        return self.value is not None

    @property
    def small_sample(self) -> bool:
        """Fewer than :data:`SMALL_SAMPLE` customers or answers: read with care."""
        return self.sample < SMALL_SAMPLE


@dataclass(frozen=True)
class MetricValue(_Sampled):
    """A rate or a figure: ``value`` is None without enough data (see ``reason``);
    ``sample`` is how many customers or answers it rests on."""

    value: float | None
    numerator: float
    denominator: float
    reason: str | None = None
    sample: int = 0


@dataclass(frozen=True)
class MoneyMetric(_Sampled):
    """An amount in :attr:`currency`: ``value`` is None without enough data or when an
    exchange rate is missing (``reason``: amounts in several currencies, one without a rate);
    ``total`` is the sum it is made of, per currency as recorded."""

    value: Decimal | None
    total: MoneyTotal
    sample: int
    reason: str | None = None

    @property
    def currency(self) -> str:
        """The currency of ``value``: the reporting currency, or the one currency of all the
        amounts it is made of when that has no rate (:func:`money.in_one_currency`)."""
        return self.total.currency or self.total.reporting


def unavailable_text(reason: str | None) -> str:
    """What a figure without a value reads, in the current language: "not enough data", and
    why when the period was too short to be made a year's. (A missing exchange rate names the
    currencies: the report and the screen say that themselves.)"""
    from accountdesk.core.i18n import _, format_number

    if reason == TOO_SHORT:
        return _("not enough data: the period is shorter than {n} days").format(
            n=format_number(SHORTEST_YEARLY)
        )
    return _("not enough data")


def ratio(
    numerator: float, denominator: float, scale: float = 1.0, sample: int | None = None
) -> MetricValue:
    """numerator / denominator × scale, or "not enough data" when the denominator is 0; the
    sample is the denominator unless given."""
    size = int(denominator) if sample is None else sample
    if denominator == 0:
        return MetricValue(None, float(numerator), float(denominator), NOT_ENOUGH_DATA, size)
    return MetricValue(
        numerator / denominator * scale, float(numerator), float(denominator), None, size
    )


# --- who counts ----------------------------------------------------------------------------


def customers_at_start(customers: Iterable[CustomerRecord], period: Period) -> list[CustomerRecord]:
    """S: customers on the day before ``period.start``."""
    day_before = period.start - _DAY
    return [c for c in customers if c.is_customer_on(day_before)]


def customers_at_end(customers: Iterable[CustomerRecord], period: Period) -> list[CustomerRecord]:
    """E: customers on ``period.end``."""
    return [c for c in customers if c.is_customer_on(period.end)]


def acquired_in(customers: Iterable[CustomerRecord], period: Period) -> list[CustomerRecord]:
    """N: accounts with a period as a customer that starts in the period (a win-back too)."""
    return [c for c in customers if c.acquired_in(period)]


def lost_in(customers: Iterable[CustomerRecord], period: Period) -> list[CustomerRecord]:
    """Churned: customers of S with a "lost on" in the period."""
    return [c for c in customers_at_start(customers, period) if c.lost_in(period)]


def won_and_lost_in(customers: Iterable[CustomerRecord], period: Period) -> list[CustomerRecord]:
    """Accounts of N, not of S, that are no customers at the end: acquired and lost inside
    the period (not churn of S; retention counts them). A customer of S lost, won back and
    lost again in the period is churn of S, once: counted here too, it took retention below
    zero."""
    at_start = {id(c) for c in customers_at_start(customers, period)}
    return [
        c
        for c in acquired_in(customers, period)
        if id(c) not in at_start and not c.is_customer_on(period.end)
    ]


def active_in(customers: Iterable[CustomerRecord], period: Period) -> list[CustomerRecord]:
    """Accounts that were customers on at least one day of the period."""
    return [c for c in customers if c.customer_days_in(period) > 0]


# --- customers ------------------------------------------------------------------------------


def retention_rate(customers: Sequence[CustomerRecord], period: Period) -> MetricValue:
    """((E − N) / S) × 100, with S, E and N as in the module docstring; sample S. Counted as
    kept − won-and-lost, which is E − N whenever no customer of S is won back in the period
    (each account has one period in it); with a win-back, a customer of S lost in the period
    is lost once, whatever became of it after, and retention stays within 0–100 %."""
    s = customers_at_start(customers, period)
    kept = sum(1 for c in s if not c.lost_in(period))
    return ratio(kept - len(won_and_lost_in(customers, period)), len(s), 100.0)


def kept_rate(customers: Sequence[CustomerRecord], period: Period) -> MetricValue:
    """Customers of S kept (not lost in the period) / S × 100: with churn, 100 % of S."""
    s = customers_at_start(customers, period)
    kept = [c for c in s if not c.lost_in(period)]
    return ratio(len(kept), len(s), 100.0)


def churn_rate(customers: Sequence[CustomerRecord], period: Period) -> MetricValue:
    """Customers of S lost in the period / S × 100; sample S."""
    s = len(customers_at_start(customers, period))
    return ratio(len(lost_in(customers, period)), s, 100.0)


def referral_rate(customers: Sequence[CustomerRecord], period: Period) -> MetricValue:
    """Customers acquired in the period through a referral / customers acquired × 100. A
    referral is the first acquisition's: a win-back counts among the acquired, not as
    referred."""
    new = acquired_in(customers, period)
    referred = sum(1 for c in new if c.referred_by and c.first_acquired_in(period))
    return ratio(referred, len(new), 100.0)


def annual_churn(customers: Sequence[CustomerRecord], period: Period) -> MetricValue:
    """The churn of the period as a yearly rate, in %: 1 − (1 − churn)^(1 / years) (a
    quarter's 5 % is 18.5 % a year); sample S. None (:data:`TOO_SHORT`) for a period of fewer
    than :data:`SHORTEST_YEARLY` days."""
    churn = churn_rate(customers, period)
    if churn.value is None:
        return churn
    if period.days < SHORTEST_YEARLY:
        return MetricValue(None, churn.numerator, churn.denominator, TOO_SHORT, churn.sample)
    share = churn.value / 100
    yearly = 1.0 if share >= 1 else 1 - (1 - share) ** (1 / period.years)
    return MetricValue(yearly * 100, churn.numerator, churn.denominator, None, churn.sample)


def expected_lifespan(customers: Sequence[CustomerRecord], period: Period) -> MetricValue:
    """Expected years as a customer: 1 / annual churn, at most :data:`LIFESPAN_CAP_YEARS`;
    "not enough data" with fewer than :data:`SMALL_SAMPLE` customers at the start."""
    yearly = annual_churn(customers, period)
    if yearly.value is None or yearly.sample < SMALL_SAMPLE:
        reason = yearly.reason if yearly.reason == TOO_SHORT else NOT_ENOUGH_DATA
        return MetricValue(None, yearly.numerator, yearly.denominator, reason, yearly.sample)
    years = LIFESPAN_CAP_YEARS if yearly.value == 0 else min(100 / yearly.value, LIFESPAN_CAP_YEARS)
    return MetricValue(years, yearly.numerator, yearly.denominator, None, yearly.sample)


# --- answers ----------------------------------------------------------------------------------


def respondent(s: SurveyRecord) -> tuple[str, str] | None:
    """Whom an answer counts for: the contact it came from, about the account it was given
    about (its own ``account_id``, not the contact's account now: a contact who moved or was
    merged keeps each answer at its account); None for an answer of no one recorded. A
    contact's latest NPS answer is kept per this key, in the metrics and the at-risk score
    alike, so a portfolio's NPS counts what each account's counts."""
    return None if s.contact_id is None else (s.account_id, s.contact_id)


def latest_responses(
    surveys: Iterable[SurveyRecord], kind: str, period: Period
) -> list[SurveyRecord]:
    """Responses of ``kind`` answered in the period, only the latest one per contact and
    account (:func:`respondent`).

    Ties on the same day keep the one that comes later in the input. Responses without a
    contact (no one recorded) each count once.
    """
    latest: dict[tuple[str, str], SurveyRecord] = {}
    anonymous: list[SurveyRecord] = []
    for s in surveys:
        if s.kind != kind or not period.contains(s.answered_on):
            continue
        who = respondent(s)
        if who is None:
            anonymous.append(s)
            continue
        seen = latest.get(who)
        if seen is None or s.answered_on >= seen.answered_on:
            latest[who] = s
    return [*latest.values(), *anonymous]


def latest_nps(surveys: Iterable[SurveyRecord], today: date) -> dict[tuple[str, str], SurveyRecord]:
    """The NPS answer that speaks for a person about an account on ``today``, by
    (account, contact) (:func:`respondent`): their latest about it of the last 12 months
    (:func:`last_year`; an older one no longer speaks for them: a 5 of 2022 kept a two-day
    cadence for years). An answer about another account, before a move or a merge, is that
    account's: a person is banded at their account now by their answers about it. The one
    rule of the at-risk score's detractor signal and of the stay-in-touch cadence's NPS band,
    in the score (``reports.data.risk_facts``) and the follow-ups raised
    (``services.followups.raise_stay_in_touch``) alike."""
    return {
        who: r
        for r in latest_responses(surveys, "nps", last_year(today))
        if (who := respondent(r)) is not None
    }


def nps(surveys: Sequence[SurveyRecord], period: Period) -> MetricValue:
    """% promoters (9–10) − % detractors (0–6); the latest NPS response of each contact about
    each account in the period (:func:`latest_responses`).

    ``numerator`` is promoters − detractors, ``denominator`` (and the sample) the responses
    counted.
    """
    counted = latest_responses(surveys, "nps", period)
    promoters = sum(1 for s in counted if s.score >= 9)
    detractors = sum(1 for s in counted if s.score <= 6)
    return ratio(promoters - detractors, len(counted), 100.0)


def nps_distribution(surveys: Sequence[SurveyRecord], period: Period) -> list[int]:
    """How many counted NPS responses gave each score 0…10 (for the chart)."""
    counts = [0] * 11
    for s in latest_responses(surveys, "nps", period):
        if 0 <= s.score <= 10:
            counts[s.score] += 1
    return counts


def csat_answers(surveys: Iterable[SurveyRecord], period: Period) -> list[SurveyRecord]:
    """The CSAT answers that count: every CSAT survey answer and every CSAT score logged on an
    interaction, dated in the period (1–5). CSAT is asked about one piece of work, so each
    answer counts, not only a contact's latest."""
    return [
        s
        for s in surveys
        if s.kind == "csat" and period.contains(s.answered_on) and 1 <= s.score <= 5
    ]


def csat(surveys: Sequence[SurveyRecord], period: Period) -> MetricValue:
    """Share of the CSAT answers that count (:func:`csat_answers`) scoring 4 or 5, in %."""
    counted = csat_answers(surveys, period)
    return ratio(sum(1 for s in counted if s.score >= 4), len(counted), 100.0)


def csat_mean(surveys: Sequence[SurveyRecord], period: Period) -> MetricValue:
    """Mean CSAT score (1–5) over the answers counted by :func:`csat`."""
    counted = csat_answers(surveys, period)
    return ratio(sum(s.score for s in counted), len(counted))


# --- money ------------------------------------------------------------------------------------


def revenue(deals: Sequence[DealRecord], period: Period, rates: RateBook) -> MoneyTotal:
    """Revenue in the period: the deals won (closed) in it, per currency and converted."""
    return rates.total((d.amount, d.currency) for d in won_in(deals, period))


def revenue_to_date(deals: Iterable[DealRecord], as_of: date, rates: RateBook) -> MoneyTotal:
    """An account's revenue to date: every deal it won up to ``as_of``."""
    return rates.total(
        (d.amount, d.currency)
        for d in deals
        if d.status == "won" and d.closed_on is not None and d.closed_on <= as_of
    )


def customer_years(customers: Iterable[CustomerRecord], period: Period) -> float:
    """The years the accounts were customers within the period, added up."""
    return sum(c.customer_days_in(period) for c in customers) / DAYS_PER_YEAR


def annual_revenue_per_customer(
    customers: Sequence[CustomerRecord],
    deals: Sequence[DealRecord],
    period: Period,
    rates: RateBook,
) -> MoneyMetric:
    """Revenue in the period (converted) / customer-years in the period: what one customer
    brings in a year. Sample: the customers active in the period. None (:data:`TOO_SHORT`)
    for a period of fewer than :data:`SHORTEST_YEARLY` days."""
    total = revenue(deals, period, rates)
    active = active_in(customers, period)
    years = customer_years(active, period)
    if period.days < SHORTEST_YEARLY:
        return MoneyMetric(None, total, len(active), TOO_SHORT)
    if total.amount is None:
        return MoneyMetric(None, total, len(active), MISSING_RATE)
    if years == 0:
        return MoneyMetric(None, total, len(active), NOT_ENOUGH_DATA)
    return MoneyMetric(total.amount / Decimal(repr(years)), total, len(active))


def lifetime_value(
    customers: Sequence[CustomerRecord],
    deals: Sequence[DealRecord],
    period: Period,
    rates: RateBook,
) -> MoneyMetric:
    """Average annual revenue per customer × expected lifespan in years (1 / annual churn,
    capped); sample: S. "Not enough data" when either is missing, a missing rate says so."""
    arpc = annual_revenue_per_customer(customers, deals, period, rates)
    life = expected_lifespan(customers, period)
    if arpc.value is None:
        return MoneyMetric(None, arpc.total, life.sample, arpc.reason)
    if life.value is None:
        return MoneyMetric(None, arpc.total, life.sample, life.reason or NOT_ENOUGH_DATA)
    return MoneyMetric(arpc.value * Decimal(repr(life.value)), arpc.total, life.sample)


def acquisition_cost(
    customers: Sequence[CustomerRecord], period: Period, rates: RateBook
) -> MoneyMetric:
    """CAC: the acquisition cost of the customers acquired in the period (each in its
    account's currency, converted) / their number. Accounts acquired without a recorded cost
    count in the denominator with cost 0, and so does a win-back: the cost recorded is the
    first acquisition's, counted in its period only."""
    new = acquired_in(customers, period)
    total = rates.total(
        (c.acquisition_cost, c.currency or NO_CURRENCY)
        for c in new
        if c.acquisition_cost is not None and c.first_acquired_in(period)
    )
    if not new:
        return MoneyMetric(None, total, 0, NOT_ENOUGH_DATA)
    if total.amount is None:
        return MoneyMetric(None, total, len(new), MISSING_RATE)
    return MoneyMetric(total.amount / len(new), total, len(new))


# --- deals ------------------------------------------------------------------------------------

#: The stages an open deal moves through, in order (the keys of labels.DEAL_STAGE).
PIPELINE_STAGES = tuple(DEAL_STAGE)
#: An open deal entered more than this many days ago is counted as "open long" in its stage.
LONG_OPEN_DAYS = 90


def closed_in(deals: Iterable[DealRecord], status: str, period: Period) -> list[DealRecord]:
    """The deals won (``status`` "won") or lost ("lost") with a closing day in the period."""
    return [
        d
        for d in deals
        if d.status == status and d.closed_on is not None and period.contains(d.closed_on)
    ]


def won_in(deals: Iterable[DealRecord], period: Period) -> list[DealRecord]:
    return closed_in(deals, "won", period)


@dataclass(frozen=True)
class PipelineStage:
    """The open deals at one stage (``stage`` None: no stage recorded): how many, their value,
    and how many of them were entered more than :data:`LONG_OPEN_DAYS` ago."""

    stage: str | None
    count: int
    value: MoneyTotal
    open_long: int


@dataclass(frozen=True)
class DealSummary:
    """The deals of a scope over a period: won and lost (closing day in the period), the win
    rate (won / (won + lost) × 100, sample the deals closed), the average won deal."""

    won: int
    won_value: MoneyTotal
    lost: int
    lost_value: MoneyTotal
    win_rate: MetricValue
    average_won: MoneyMetric


def deal_summary(deals: Sequence[DealRecord], period: Period, rates: RateBook) -> DealSummary:
    won = closed_in(deals, "won", period)
    lost = closed_in(deals, "lost", period)
    won_value = rates.total((d.amount, d.currency) for d in won)
    lost_value = rates.total((d.amount, d.currency) for d in lost)
    if not won:
        average = MoneyMetric(None, won_value, 0, NOT_ENOUGH_DATA)
    elif won_value.amount is None:  # several currencies, one without a rate
        average = MoneyMetric(None, won_value, len(won), MISSING_RATE)
    else:  # converted, or in the one currency of the deals (money.in_one_currency)
        average = MoneyMetric(won_value.amount / len(won), won_value, len(won))
    return DealSummary(
        won=len(won),
        won_value=won_value,
        lost=len(lost),
        lost_value=lost_value,
        win_rate=ratio(len(won), len(won) + len(lost), 100.0),
        average_won=average,
    )


@dataclass(frozen=True)
class Pipeline:
    """The deals open on a day, by stage (in :data:`PIPELINE_STAGES` order, then those with no
    stage recorded; a stage with no deal is left out), and all of them."""

    stages: tuple[PipelineStage, ...]
    count: int
    value: MoneyTotal


def open_pipeline(deals: Iterable[DealRecord], today: date, rates: RateBook) -> Pipeline:
    """The deals open today by stage, each stage's count, value and deals open long."""
    order: tuple[str | None, ...] = (*PIPELINE_STAGES, None)
    found: dict[str | None, list[DealRecord]] = {key: [] for key in order}
    for d in deals:
        if d.status == "open":
            found[d.stage if d.stage in PIPELINE_STAGES else None].append(d)
    stages = tuple(
        PipelineStage(
            key,
            len(members),
            _sum(members, rates),
            sum(
                1
                for d in members
                if d.opened_on is not None and (today - d.opened_on).days > LONG_OPEN_DAYS
            ),
        )
        for key, members in found.items()
        if members
    )
    every = [d for members in found.values() for d in members]
    return Pipeline(stages, len(every), _sum(every, rates))


def _sum(deals: Iterable[DealRecord], rates: RateBook) -> MoneyTotal:
    return rates.total((d.amount, d.currency) for d in deals)


# --- accounts at risk --------------------------------------------------------------------------
#
# A score of documented points (README, "Accounts at risk"); an account is at risk from
# RISK_THRESHOLD points. SPEC §6 names who is: no touch for longer than the stay-in-touch
# cadence (DEFAULT_CADENCE_DAYS, the spec's 90 days, where no contact has one), a detractor,
# overdue follow-ups: a silence or a detractor alone puts an account on the list, a longer
# silence higher; one weak signal alone (a small fall in revenue, one overdue follow-up) does
# not. The signals are gathered by reports/data.py::risk_facts.

#: Points for each overdue follow-up, at most OVERDUE_MAX.
OVERDUE_POINTS, OVERDUE_MAX = 1, 3
#: Points for each contact whose latest NPS answer of the last 12 months is a detractor's
#: (0–6), at most DETRACTOR_MAX.
DETRACTOR_POINTS, DETRACTOR_MAX = 3, 6
#: No interaction for longer than the stay-in-touch cadence (enough alone: an account untouched
#: for 893 days was "not at risk"); for more than twice as long.
SILENCE_POINTS, LONG_SILENCE_POINTS = 3, 4
#: The cadence of an account none of whose contacts has one (no own cadence, no tier's, no NPS
#: band's): SPEC §6's "no touch in 90 days".
DEFAULT_CADENCE_DAYS = 90
#: Revenue of the last 12 months below that of the 12 before; below half of it.
FALLING_POINTS, HALVED_POINTS = 1, 2
RISK_THRESHOLD = 3
#: Reason keys, in the order the report names them on equal points.
OVERDUE, DETRACTOR, SILENCE, FALLING = "overdue", "detractor", "silence", "falling"


@dataclass(frozen=True)
class RiskSignals:
    """What the at-risk score looks at for one account, as of one day."""

    overdue: int  # open follow-ups past due
    detractors: int  # contacts whose latest NPS answer (last 12 months) is 0–6
    silent_days: int | None  # days since the last interaction (None: never, nor a start)
    cadence_days: int | None  # the shortest stay-in-touch cadence of its contacts (None: none)
    revenue_now: Decimal | None  # won in the last 12 months, converted (None: no rate)
    revenue_before: Decimal | None  # won in the 12 months before, converted

    @property
    def cadence(self) -> int:
        """The days of silence the score allows: the cadence, else DEFAULT_CADENCE_DAYS."""
        return self.cadence_days if self.cadence_days is not None else DEFAULT_CADENCE_DAYS


@dataclass(frozen=True)
class RiskScore:
    points: int
    reasons: tuple[tuple[str, int], ...]  # (reason key, its points), most points first
    value_at_stake: Decimal | None

    @property
    def at_risk(self) -> bool:
        return self.points >= RISK_THRESHOLD


def risk_score(signals: RiskSignals) -> RiskScore:
    """The documented at-risk score of one account, its reasons, and the value at stake: a
    year of its revenue, the last 12 months or the 12 before when those were more."""
    reasons: list[tuple[str, int]] = []
    if signals.overdue:
        reasons.append((OVERDUE, min(signals.overdue * OVERDUE_POINTS, OVERDUE_MAX)))
    if signals.detractors:
        reasons.append((DETRACTOR, min(signals.detractors * DETRACTOR_POINTS, DETRACTOR_MAX)))
    cadence, silent = signals.cadence, signals.silent_days
    if silent is not None and silent > cadence:
        reasons.append((SILENCE, LONG_SILENCE_POINTS if silent > 2 * cadence else SILENCE_POINTS))
    now, before = signals.revenue_now, signals.revenue_before
    if now is not None and before is not None and now < before:
        reasons.append((FALLING, HALVED_POINTS if now * 2 < before else FALLING_POINTS))
    reasons.sort(key=lambda r: -r[1])  # stable: the order above on a tie
    known = [v for v in (now, before) if v is not None]
    return RiskScore(sum(p for _k, p in reasons), tuple(reasons), max(known, default=None))


# --- all of them ------------------------------------------------------------------------------


@dataclass(frozen=True)
class MetricSet:
    """All of §5 for one scope and period."""

    period: Period
    retention: MetricValue
    kept: MetricValue
    churn: MetricValue
    nps: MetricValue
    csat: MetricValue
    csat_mean: MetricValue
    referral: MetricValue
    annual_churn: MetricValue
    lifespan: MetricValue
    revenue: MoneyTotal
    revenue_per_customer: MoneyMetric
    lifetime_value: MoneyMetric
    cac: MoneyMetric
    customers_at_start: int
    customers_at_end: int
    acquired: int
    lost: int
    won_and_lost: int
    nps_distribution: tuple[int, ...]
    deals: DealSummary

    def money(self) -> tuple[MoneyTotal, ...]:
        """Every sum of money behind the figures (for the rates-used and missing-rate lines)."""
        return (self.revenue, self.cac.total, self.deals.lost_value)


def compute_all(
    customers: Sequence[CustomerRecord],
    surveys: Sequence[SurveyRecord],
    deals: Sequence[DealRecord],
    period: Period,
    rates: RateBook,
) -> MetricSet:
    arpc = annual_revenue_per_customer(customers, deals, period, rates)
    return MetricSet(
        period=period,
        retention=retention_rate(customers, period),
        kept=kept_rate(customers, period),
        churn=churn_rate(customers, period),
        nps=nps(surveys, period),
        csat=csat(surveys, period),
        csat_mean=csat_mean(surveys, period),
        referral=referral_rate(customers, period),
        annual_churn=annual_churn(customers, period),
        lifespan=expected_lifespan(customers, period),
        revenue=arpc.total,
        revenue_per_customer=arpc,
        lifetime_value=lifetime_value(customers, deals, period, rates),
        cac=acquisition_cost(customers, period, rates),
        customers_at_start=len(customers_at_start(customers, period)),
        customers_at_end=len(customers_at_end(customers, period)),
        acquired=len(acquired_in(customers, period)),
        lost=len(lost_in(customers, period)),
        won_and_lost=len(won_and_lost_in(customers, period)),
        nps_distribution=tuple(nps_distribution(surveys, period)),
        deals=deal_summary(deals, period, rates),
    )


# --- calendar buckets for trend charts ----------------------------------------------------------


def calendar_periods(period: Period, size: int, calendar: str) -> list[Period]:
    """The months (``size`` 1), quarters (3) or years (12) of ``calendar``
    (:mod:`accountdesk.core.calendars`: Solar Hijri quarters begin on 1 Farvardin, 1 Tir,
    1 Mehr and 1 Dey) that overlap ``period``, clipped to it: the buckets of every trend, in
    the PDF reports and on the Reports screen."""
    found = calendars.spans(period.start, period.end, size, calendar)
    return [Period(max(a, period.start), min(b, period.end)) for a, b in found]


def calendar_period_of(day: date, size: int, calendar: str) -> Period:
    """The whole month, quarter or year of ``calendar`` that holds ``day``."""
    first, last = calendars.spans(day, day, size, calendar)[0]
    return Period(first, last)
