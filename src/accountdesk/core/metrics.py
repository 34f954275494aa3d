"""The relationship metrics of SPEC §5, as pure functions over plain records.

Every function takes the records of the accounts in scope (a segment, a country, an owner,
all) and a :class:`Period`, and returns a :class:`MetricValue`. A zero denominator gives
``value=None`` with the reason ``"not enough data"``: never 0 and never an exception.

Period rules (one place, used by every metric):

* A period runs from ``start`` to ``end``, both days included.
* An account *is a customer on day d* when ``customer_since <= d`` and it was not lost on or
  before ``d`` (``lost_on is None or lost_on > d``). Accounts without ``customer_since`` are
  prospects and never count.
* **S** (customers at the start) = accounts that were customers on the day *before*
  ``start``: acquired before the period and not lost before it (``lost_on >= start`` still
  counts, they are lost *in* the period).
* **N** (acquired in the period) = accounts with ``start <= customer_since <= end``.
* **E** (customers at the end) = accounts that are customers on ``end`` (acquired on or
  before ``end``, not lost on or before ``end``).
* **Lost in the period** = accounts of S with ``start <= lost_on <= end``. An account
  acquired and lost within the same period is not counted as churn of S.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

NOT_ENOUGH_DATA = "not enough data"
DAYS_PER_YEAR = 365.25


@dataclass(frozen=True)
class Period:
    """Days from ``start`` to ``end``, both included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a period cannot end before it starts")

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def years(self) -> float:
        return self.days / DAYS_PER_YEAR


@dataclass(frozen=True)
class CustomerRecord:
    account_id: str
    customer_since: date | None
    lost_on: date | None = None
    acquisition_cost: Decimal | None = None
    referred_by: str | None = None

    def is_customer_on(self, day: date) -> bool:
        if self.customer_since is None or self.customer_since > day:
            return False
        return self.lost_on is None or self.lost_on > day


@dataclass(frozen=True)
class SurveyRecord:
    contact_id: str | None
    account_id: str
    kind: str  # "nps" (0–10) or "csat" (1–5)
    score: int
    answered_on: date


@dataclass(frozen=True)
class DealRecord:
    account_id: str
    amount: Decimal
    closed_on: date | None
    status: str  # open | won | lost


@dataclass(frozen=True)
class MetricValue:
    """A metric: ``value`` is None when the denominator is zero (see ``reason``)."""

    value: float | None
    numerator: float
    denominator: float
    reason: str | None = None

    @property
    def available(self) -> bool:
        return self.value is not None


def ratio(numerator: float, denominator: float, scale: float = 1.0) -> MetricValue:
    """numerator / denominator × scale, or "not enough data" when the denominator is 0."""
    if denominator == 0:
        return MetricValue(None, float(numerator), float(denominator), NOT_ENOUGH_DATA)
    return MetricValue(numerator / denominator * scale, float(numerator), float(denominator))


# --- who counts ----------------------------------------------------------------------------


def customers_at_start(customers: Iterable[CustomerRecord], period: Period) -> list[CustomerRecord]:
    """S: customers on the day before ``period.start``."""
    day_before = period.start - timedelta(days=1)
    return [c for c in customers if c.is_customer_on(day_before)]


def customers_at_end(customers: Iterable[CustomerRecord], period: Period) -> list[CustomerRecord]:
    """E: customers on ``period.end``."""
    return [c for c in customers if c.is_customer_on(period.end)]


def acquired_in(customers: Iterable[CustomerRecord], period: Period) -> list[CustomerRecord]:
    """N: accounts whose ``customer_since`` falls in the period."""
    return [
        c for c in customers if c.customer_since is not None and period.contains(c.customer_since)
    ]


def lost_in(customers: Iterable[CustomerRecord], period: Period) -> list[CustomerRecord]:
    """Customers of S whose ``lost_on`` falls in the period."""
    return [
        c
        for c in customers_at_start(customers, period)
        if c.lost_on is not None and period.contains(c.lost_on)
    ]


# --- the metrics ---------------------------------------------------------------------------


def retention_rate(customers: Sequence[CustomerRecord], period: Period) -> MetricValue:
    """((E − N) / S) × 100, with S, E and N as in the module docstring."""
    s = len(customers_at_start(customers, period))
    e = len(customers_at_end(customers, period))
    n = len(acquired_in(customers, period))
    return ratio(e - n, s, 100.0)


def churn_rate(customers: Sequence[CustomerRecord], period: Period) -> MetricValue:
    """Customers of S lost in the period / S × 100."""
    s = len(customers_at_start(customers, period))
    return ratio(len(lost_in(customers, period)), s, 100.0)


def latest_responses(
    surveys: Iterable[SurveyRecord], kind: str, period: Period
) -> list[SurveyRecord]:
    """Responses of ``kind`` answered in the period, only the latest one per contact.

    Ties on the same day keep the one that comes later in the input. Responses without a
    contact (anonymous) each count once.
    """
    latest: dict[str, SurveyRecord] = {}
    anonymous: list[SurveyRecord] = []
    for s in surveys:
        if s.kind != kind or not period.contains(s.answered_on):
            continue
        if s.contact_id is None:
            anonymous.append(s)
            continue
        seen = latest.get(s.contact_id)
        if seen is None or s.answered_on >= seen.answered_on:
            latest[s.contact_id] = s
    return [*latest.values(), *anonymous]


def nps(surveys: Sequence[SurveyRecord], period: Period) -> MetricValue:
    """% promoters (9–10) − % detractors (0–6); latest NPS response per contact in the period.

    ``numerator`` is promoters − detractors, ``denominator`` the responses counted.
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


def csat(surveys: Sequence[SurveyRecord], period: Period) -> MetricValue:
    """Share of CSAT responses in the period scoring 4 or 5 (1–5 scale), in %. Every response
    counts (CSAT is asked per interaction, not per contact)."""
    counted = [s for s in surveys if s.kind == "csat" and period.contains(s.answered_on)]
    return ratio(sum(1 for s in counted if s.score >= 4), len(counted), 100.0)


def csat_mean(surveys: Sequence[SurveyRecord], period: Period) -> MetricValue:
    """Mean CSAT score (1–5) over the responses counted by :func:`csat`."""
    counted = [s for s in surveys if s.kind == "csat" and period.contains(s.answered_on)]
    return ratio(sum(s.score for s in counted), len(counted))


def _won_in(deals: Iterable[DealRecord], period: Period) -> list[DealRecord]:
    return [
        d
        for d in deals
        if d.status == "won" and d.closed_on is not None and period.contains(d.closed_on)
    ]


def average_purchase_value(deals: Sequence[DealRecord], period: Period) -> MetricValue:
    """Total of the deals won in the period / their number."""
    won = _won_in(deals, period)
    return ratio(float(sum((d.amount for d in won), Decimal(0))), len(won))


def purchase_frequency(
    customers: Sequence[CustomerRecord], deals: Sequence[DealRecord], period: Period
) -> MetricValue:
    """Deals won per customer per year: won deals / customers active at any time in the period
    / the period's length in years."""
    active = _active_in(customers, period)
    won = len(_won_in(deals, period))
    return ratio(won, len(active) * period.years)


def _active_in(customers: Iterable[CustomerRecord], period: Period) -> list[CustomerRecord]:
    return [
        c
        for c in customers
        if c.customer_since is not None
        and c.customer_since <= period.end
        and (c.lost_on is None or c.lost_on >= period.start)
    ]


def average_lifespan_years(customers: Sequence[CustomerRecord], period: Period) -> MetricValue:
    """Mean years from ``customer_since`` to ``lost_on`` (or to the period's end for those
    still customers) over the customers active at any time in the period."""
    active = _active_in(customers, period)
    total = 0.0
    for c in active:
        assert c.customer_since is not None
        until = c.lost_on if c.lost_on is not None and c.lost_on <= period.end else period.end
        total += max((until - c.customer_since).days, 0) / DAYS_PER_YEAR
    return ratio(total, len(active))


def lifetime_value(
    customers: Sequence[CustomerRecord], deals: Sequence[DealRecord], period: Period
) -> MetricValue:
    """Average purchase value × purchases per year × average lifespan in years.

    ``numerator`` and ``denominator`` are those of the purchase value; any factor without
    data makes the whole value "not enough data".
    """
    apv = average_purchase_value(deals, period)
    freq = purchase_frequency(customers, deals, period)
    life = average_lifespan_years(customers, period)
    if apv.value is None or freq.value is None or life.value is None:
        return MetricValue(None, apv.numerator, apv.denominator, NOT_ENOUGH_DATA)
    return MetricValue(apv.value * freq.value * life.value, apv.numerator, apv.denominator)


def account_lifetime_value(
    customer: CustomerRecord, deals: Sequence[DealRecord], as_of: date
) -> MetricValue:
    """One account's value so far: the same formula over its whole history up to ``as_of``
    (average won deal × won deals per year as a customer × years as a customer)."""
    if customer.customer_since is None or customer.customer_since > as_of:
        return MetricValue(None, 0.0, 0.0, NOT_ENOUGH_DATA)
    period = Period(customer.customer_since, as_of)
    own = [d for d in deals if d.account_id == customer.account_id]
    return lifetime_value([customer], own, period)


def acquisition_cost(customers: Sequence[CustomerRecord], period: Period) -> MetricValue:
    """CAC: total acquisition cost of the customers acquired in the period / their number.

    Accounts acquired without a recorded cost count in the denominator with cost 0.
    """
    new = acquired_in(customers, period)
    cost = sum((c.acquisition_cost or Decimal(0) for c in new), Decimal(0))
    return ratio(float(cost), len(new))


def referral_rate(customers: Sequence[CustomerRecord], period: Period) -> MetricValue:
    """Customers acquired in the period through a referral / customers acquired × 100."""
    new = acquired_in(customers, period)
    return ratio(sum(1 for c in new if c.referred_by), len(new), 100.0)


@dataclass(frozen=True)
class MetricSet:
    """All of §5 for one scope and period."""

    period: Period
    retention: MetricValue
    churn: MetricValue
    nps: MetricValue
    csat: MetricValue
    csat_mean: MetricValue
    lifetime_value: MetricValue
    cac: MetricValue
    referral: MetricValue
    customers_at_start: int
    customers_at_end: int
    acquired: int
    nps_distribution: tuple[int, ...]


def compute_all(
    customers: Sequence[CustomerRecord],
    surveys: Sequence[SurveyRecord],
    deals: Sequence[DealRecord],
    period: Period,
) -> MetricSet:
    return MetricSet(
        period=period,
        retention=retention_rate(customers, period),
        churn=churn_rate(customers, period),
        nps=nps(surveys, period),
        csat=csat(surveys, period),
        csat_mean=csat_mean(surveys, period),
        lifetime_value=lifetime_value(customers, deals, period),
        cac=acquisition_cost(customers, period),
        referral=referral_rate(customers, period),
        customers_at_start=len(customers_at_start(customers, period)),
        customers_at_end=len(customers_at_end(customers, period)),
        acquired=len(acquired_in(customers, period)),
        nps_distribution=tuple(nps_distribution(surveys, period)),
    )


def quarters(period: Period) -> list[Period]:
    """The calendar quarters overlapping the period, clipped to it (for trend charts)."""
    out: list[Period] = []
    year, q = period.start.year, (period.start.month - 1) // 3
    while True:
        qs = date(year, q * 3 + 1, 1)
        if qs > period.end:
            break
        nq = date(year + (q == 3), (q + 1) % 4 * 3 + 1, 1)
        out.append(Period(max(qs, period.start), min(nq - timedelta(days=1), period.end)))
        year, q = nq.year, (nq.month - 1) // 3
    return out
