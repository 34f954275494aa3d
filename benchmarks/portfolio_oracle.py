"""An independent recomputation of the portfolio report's figures from the JSON export.

This script does not import AccountDesk. It reads the document that ``accountdesk export
--format json`` writes and counts every figure of the portfolio report's key metrics, its
breakdowns and its top accounts again, from README's definitions ("How the relationship
metrics are counted") with the standard library only, so that a mistake in
``core/metrics.py`` or ``core/money.py`` is not repeated here. The oracle test
(``tests/core/reports/test_oracle.py``) compares what it finds with the text of the PDF.

    uv run accountdesk export --db demo.db --format json -o export.json
    python benchmarks/portfolio_oracle.py export.json --from 2025-07-01 --to 2026-06-30 \\
        --currency EUR --today 2026-11-28

What it follows, in its own words:

- An account (not in the trash) is a customer on day d when its "customer since" is on or
  before d and it was not lost on or before d. S: customers on the day before the period; N:
  "customer since" inside the period; E: customers on the last day; churned: accounts of S
  lost inside the period, the rest of S kept; won and lost: accounts of N lost inside it.
- Retention (E − N) / S; kept and churn over S; referral rate: referred accounts of N / N.
- NPS: each contact's latest NPS answer in the period (a later row wins a tie on the day;
  answers without a contact count each), promoters 9–10 minus detractors 0–6 over them.
- CSAT: every CSAT survey answer in the period and every CSAT score logged on an interaction,
  dated by its day in the zone it happened in; share of 4–5 and the mean, scores 1–5 only.
- Revenue: deals won with a closing day in the period. Money converts at the rates in force
  on the rate day (the period's end, or ``today`` if earlier): per pair the latest rate on or
  before it, else the earliest after it; a rate is used directly (1 reporting = r currency),
  inverted, or crossed through a common base (the base whose two rates are nearest the day,
  the first base alphabetically on a tie). One currency without a rate: no converted total.
- Annual revenue per customer: revenue / customer-years (days as a customer inside the
  period, over 365.25); annual churn 1 − (1 − churn)^(1 / years of the period); lifespan 1 /
  annual churn capped at 10 years (no churn: 10), none below 10 customers in S; lifetime value
  = the two multiplied; CAC: the acquisition costs of N (in the account's currency) / N.
- Deals: won and lost by their closing day in the period; win rate won / (won + lost); the
  average deal won; the deals open today and their value.
- The previous period: just before, as many calendar months when the period is whole
  months, else as many days; converted at the rates of the period itself.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

YEAR_DAYS = Decimal("365.25")
LIFESPAN_CAP = Decimal(10)
SMALL = 10


@dataclass(frozen=True)
class Figure:
    """A figure of the report: ``value`` None when there is none (``why``: "not enough
    data", or "no rate" with ``missing`` naming the currencies); ``sample`` the customers or
    answers it rests on (None for a plain count or a sum)."""

    value: Decimal | None
    sample: int | None = None
    why: str | None = None
    missing: tuple[str, ...] = ()


@dataclass
class Export:
    accounts: list[dict[str, Any]]
    surveys: list[dict[str, Any]]
    interactions: list[dict[str, Any]]
    deals: list[dict[str, Any]]
    rates: list[tuple[str, str, Decimal, date]]  # base, currency, rate, day
    settings: dict[str, Any] = field(default_factory=dict)


def load(path: str | Path) -> Export:
    with open(path, encoding="utf-8") as handle:
        doc = json.load(handle)
    if doc.get("format") != "accountdesk-export":
        raise SystemExit(f"{path} is not an AccountDesk export")
    tables = doc["tables"]

    def live(name: str) -> list[dict[str, Any]]:
        return [row for row in tables.get(name, []) if row.get("deleted_at") is None]

    return Export(
        accounts=live("accounts"),
        surveys=live("survey_responses"),
        interactions=live("interactions"),
        deals=live("deals"),
        rates=[
            (r["base"], r["currency"], Decimal(r["rate"]), date.fromisoformat(r["valid_on"]))
            for r in tables.get("exchange_rates", [])
        ],
        settings={s["key"]: s["value"] for s in tables.get("settings", [])},
    )


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text[:10])


# --- money ----------------------------------------------------------------------------------


class Converter:
    """Factors that turn an amount of a currency into the reporting currency on one day."""

    def __init__(
        self, rates: Iterable[tuple[str, str, Decimal, date]], reporting: str, day: date
    ) -> None:
        self.reporting = reporting
        self.day = day
        self.pairs: dict[tuple[str, str], list[tuple[date, Decimal]]] = {}
        for base, currency, rate, valid_on in rates:
            self.pairs.setdefault((base, currency), []).append((valid_on, rate))

    def in_force(self, base: str, currency: str) -> tuple[date, Decimal] | None:
        found = self.pairs.get((base, currency), [])
        before = [r for r in found if r[0] <= self.day]
        if before:
            return max(before)
        after = [r for r in found if r[0] > self.day]
        return min(after) if after else None

    def factor(self, currency: str) -> tuple[Decimal, Decimal] | None:
        """(multiply, divide) for ``currency``, or None without a rate."""
        if currency == self.reporting:
            return Decimal(1), Decimal(1)
        direct = self.in_force(self.reporting, currency)
        if direct is not None:
            return Decimal(1), direct[1]
        inverse = self.in_force(currency, self.reporting)
        if inverse is not None:
            return inverse[1], Decimal(1)
        choice: tuple[int, str] | None = None
        result: tuple[Decimal, Decimal] | None = None
        for base in sorted({b for b, _c in self.pairs}):
            to_currency = self.in_force(base, currency)
            to_reporting = self.in_force(base, self.reporting)
            if to_currency is None or to_reporting is None:
                continue
            distance = max(
                abs((to_currency[0] - self.day).days), abs((to_reporting[0] - self.day).days)
            )
            if choice is None or distance < choice[0]:
                choice = (distance, base)
                result = (to_reporting[1], to_currency[1])
        return result

    def total(self, amounts: Iterable[tuple[Decimal, str]]) -> Figure:
        """The converted sum, or none naming the currencies without a rate."""
        per_currency: dict[str, Decimal] = {}
        for amount, currency in amounts:
            per_currency[currency] = per_currency.get(currency, Decimal(0)) + amount
        missing = tuple(sorted(c for c in per_currency if self.factor(c) is None))
        if missing:
            return Figure(None, why="no rate", missing=missing)
        converted = Decimal(0)
        for currency, amount in per_currency.items():
            multiply, divide = self.factor(currency)  # type: ignore[misc]
            converted += amount * multiply / divide
        return Figure(converted)


# --- the figures ----------------------------------------------------------------------------


def _customer_on(account: Mapping[str, Any], day: date) -> bool:
    since, lost = _day(account["customer_since"]), _day(account["lost_on"])
    return since is not None and since <= day and (lost is None or lost > day)


def _rate(part: int, whole: int) -> Figure:
    if whole == 0:
        return Figure(None, whole, "not enough data")
    return Figure(Decimal(part) * 100 / Decimal(whole), whole)


def _local_day(instant: str, zone: str) -> date:
    return datetime.fromisoformat(instant).astimezone(ZoneInfo(zone)).date()


def figures(
    export: Export,
    start: date,
    end: date,
    converter: Converter,
    keep: Callable[[Mapping[str, Any]], bool] = lambda account: True,
    account_currency: Mapping[str, str] | None = None,
) -> dict[str, Figure]:
    """Every key figure of the portfolio report over ``start`` … ``end`` for the accounts
    ``keep`` accepts; ``account_currency``: a country's currency for accounts that have none
    (an account without either stops the oracle rather than guess)."""
    accounts = [a for a in export.accounts if keep(a)]
    ids = {a["id"] for a in accounts}

    def inside(day: date | None) -> bool:
        return day is not None and start <= day <= end

    s_set = {a["id"] for a in accounts if _customer_on(a, start - timedelta(days=1))}
    e_set = {a["id"] for a in accounts if _customer_on(a, end)}
    n_list = [a for a in accounts if inside(_day(a["customer_since"]))]
    n_set = {a["id"] for a in n_list}
    lost_inside = {a["id"] for a in accounts if inside(_day(a["lost_on"]))}
    churned = s_set & lost_inside
    kept = s_set - churned
    won_lost = n_set & lost_inside
    out: dict[str, Figure] = {
        "S": Figure(Decimal(len(s_set))),
        "N": Figure(Decimal(len(n_set))),
        "E": Figure(Decimal(len(e_set))),
        "retention": _rate(len(e_set) - len(n_set), len(s_set)),
        "kept": _rate(len(kept), len(s_set)),
        "churn": _rate(len(churned), len(s_set)),
        "churned": Figure(Decimal(len(churned))),
        "won_and_lost": Figure(Decimal(len(won_lost))),
        "referral": _rate(sum(1 for a in n_list if a["referred_by_id"]), len(n_list)),
    }

    # NPS: the latest answer of each contact
    latest: dict[str, dict[str, Any]] = {}
    anonymous: list[dict[str, Any]] = []
    for answer in export.surveys:
        if answer["account_id"] not in ids or answer["kind"] != "nps":
            continue
        if not inside(_day(answer["answered_on"])):
            continue
        who = answer["contact_id"]
        if who is None:
            anonymous.append(answer)
        elif who not in latest or answer["answered_on"] >= latest[who]["answered_on"]:
            latest[who] = answer
    counted = [*latest.values(), *anonymous]
    promoters = sum(1 for a in counted if a["score"] >= 9)
    detractors = sum(1 for a in counted if a["score"] <= 6)
    out["NPS"] = _rate(promoters - detractors, len(counted))

    # CSAT: survey answers and interaction scores, each once
    scores = [
        a["score"]
        for a in export.surveys
        if a["account_id"] in ids and a["kind"] == "csat" and inside(_day(a["answered_on"]))
    ]
    scores += [
        i["csat_score"]
        for i in export.interactions
        if i["account_id"] in ids
        and i["csat_score"] is not None
        and inside(_local_day(i["occurred_at"], i["occurred_zone"]))
    ]
    scores = [x for x in scores if 1 <= x <= 5]
    out["CSAT"] = _rate(sum(1 for x in scores if x >= 4), len(scores))
    out["CSAT mean"] = (
        Figure(Decimal(sum(scores)) / len(scores), len(scores))
        if scores
        else Figure(None, 0, "not enough data")
    )

    # money
    won = [
        d
        for d in export.deals
        if d["account_id"] in ids and d["status"] == "won" and inside(_day(d["closed_on"]))
    ]
    revenue = converter.total((Decimal(d["amount"]), d["currency"]) for d in won)
    out["revenue"] = revenue
    days = 0
    active = 0
    for a in accounts:
        since, lost = _day(a["customer_since"]), _day(a["lost_on"])
        if since is None:
            continue
        first = max(since, start)
        last = end if lost is None else min(end, lost - timedelta(days=1))
        if last >= first:
            days += (last - first).days + 1
            active += 1
    per_customer: Figure
    if revenue.value is None:
        per_customer = Figure(None, active, revenue.why, revenue.missing)
    elif days == 0:
        per_customer = Figure(None, active, "not enough data")
    else:
        per_customer = Figure(revenue.value / (Decimal(days) / YEAR_DAYS), active)
    out["revenue per customer"] = per_customer

    s = len(s_set)
    period_days = (end - start).days + 1
    if s == 0:
        annual = Figure(None, 0, "not enough data")
    else:
        share = len(churned) / s
        yearly = 1.0 if share >= 1 else 1 - (1 - share) ** (365.25 / period_days)
        annual = Figure(Decimal(repr(yearly * 100)), s)
    out["annual churn"] = annual
    if annual.value is None or s < SMALL:
        lifespan = Figure(None, s, "not enough data")
    elif annual.value == 0:
        lifespan = Figure(LIFESPAN_CAP, s)
    else:
        lifespan = Figure(min(Decimal(100) / annual.value, LIFESPAN_CAP), s)
    out["lifespan"] = lifespan
    if per_customer.value is None:
        out["lifetime value"] = Figure(None, s, per_customer.why, per_customer.missing)
    elif lifespan.value is None:
        out["lifetime value"] = Figure(None, s, "not enough data")
    else:
        out["lifetime value"] = Figure(per_customer.value * lifespan.value, s)

    costs = []
    for a in n_list:
        if a["acquisition_cost"] is None:
            continue
        currency = a["currency"] or (account_currency or {}).get(a["country"])
        if currency is None:
            raise SystemExit(f"account {a['id']} has a cost but no currency the oracle knows")
        costs.append((Decimal(a["acquisition_cost"]), currency))
    spent = converter.total(costs)
    if not n_list:
        out["CAC"] = Figure(None, 0, "not enough data")
    elif spent.value is None:
        out["CAC"] = Figure(None, len(n_list), spent.why, spent.missing)
    else:
        out["CAC"] = Figure(spent.value / len(n_list), len(n_list))
    out["accounts"] = Figure(Decimal(len(accounts)))

    # deals: won and lost by their closing day, the win rate by count, the average won deal
    lost_deals = [
        d
        for d in export.deals
        if d["account_id"] in ids and d["status"] == "lost" and inside(_day(d["closed_on"]))
    ]
    out["deals won"] = Figure(Decimal(len(won)))
    out["deals lost"] = Figure(Decimal(len(lost_deals)))
    out["lost value"] = converter.total((Decimal(d["amount"]), d["currency"]) for d in lost_deals)
    out["win rate"] = _rate(len(won), len(won) + len(lost_deals))
    if not won:
        out["average won"] = Figure(None, 0, "not enough data")
    elif revenue.value is None:
        out["average won"] = Figure(None, len(won), revenue.why, revenue.missing)
    else:
        out["average won"] = Figure(revenue.value / len(won), len(won))
    return out


def pipeline(
    export: Export,
    today: date,
    converter: Converter,
    keep: Callable[[Mapping[str, Any]], bool] = lambda account: True,
) -> tuple[int, Figure]:
    """The deals open today (of accounts ``keep`` accepts): how many, and their value."""
    ids = {a["id"] for a in export.accounts if keep(a)}
    open_deals = [d for d in export.deals if d["account_id"] in ids and d["status"] == "open"]
    value = converter.total((Decimal(d["amount"]), d["currency"]) for d in open_deals)
    return len(open_deals), value


def revenue_to_date(export: Export, as_of: date, converter: Converter) -> dict[str, Figure]:
    """Every account's won deals closed on or before ``as_of``, converted (accounts with none
    are left out)."""
    by_account: dict[str, list[tuple[Decimal, str]]] = {}
    for d in export.deals:
        closed = _day(d["closed_on"])
        if d["status"] == "won" and closed is not None and closed <= as_of:
            by_account.setdefault(d["account_id"], []).append((Decimal(d["amount"]), d["currency"]))
    live = {a["id"] for a in export.accounts}
    return {
        account: converter.total(amounts)
        for account, amounts in by_account.items()
        if account in live
    }


def top_accounts(
    export: Export, as_of: date, converter: Converter, count: int = 20
) -> list[tuple[str, Decimal]]:
    """(name, revenue to date) of the ``count`` accounts that earned most, converted; ties by
    name. Accounts whose revenue cannot be converted are not ranked."""
    names = {a["id"]: a["name"] for a in export.accounts}
    earned = revenue_to_date(export, as_of, converter)
    ranked = sorted(
        ((names[a], f.value) for a, f in earned.items() if f.value is not None),
        key=lambda item: (-item[1], item[0]),
    )
    return ranked[:count]


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The period the report compares with: just before, as many calendar months when the
    period is whole months, else as many days."""
    last = start - timedelta(days=1)
    if start.day == 1 and (end + timedelta(days=1)).day == 1:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        year, month = start.year, start.month
        for _ in range(months):
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        return date(year, month, 1), last
    return start - (end - start) - timedelta(days=1), last


def reporting_currency(export: Export, default: str = "EUR") -> str:
    chosen = export.settings.get("report.currency")
    return str(chosen) if chosen else default


def converter_for(export: Export, end: date, today: date, reporting: str) -> Converter:
    """The rates of a report over a period ending ``end``, made on ``today``."""
    return Converter(export.rates, reporting, min(end, today))


# --- the command line -------------------------------------------------------------------------


def _shown(f: Figure) -> str:
    if f.value is None:
        text = f.why or "—"
        if f.missing:
            text += " " + ", ".join(f.missing)
    else:
        text = f"{f.value:.4f}" if f.value != f.value.to_integral() else f"{f.value:.0f}"
    return text if f.sample is None else f"{text} ({f.sample})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export")
    parser.add_argument("--from", dest="start", required=True, type=date.fromisoformat)
    parser.add_argument("--to", dest="end", required=True, type=date.fromisoformat)
    parser.add_argument(
        "--today", type=date.fromisoformat, default=datetime.now(UTC).date(), help="default: today"
    )
    parser.add_argument("--currency", help="reporting currency (default: the export's setting)")
    args = parser.parse_args(argv)
    export = load(args.export)
    reporting = args.currency or reporting_currency(export)
    converter = converter_for(export, args.end, args.today, reporting)
    print(f"{args.start} – {args.end}, money in {reporting} as on {converter.day}")
    for name, figure in figures(export, args.start, args.end, converter).items():
        print(f"  {name:24} {_shown(figure)}")
    count, value = pipeline(export, args.today, converter)
    print(f"  {'open deals today':24} {count}: {_shown(value)}")
    print("top accounts by revenue to date:")
    for account, earned in top_accounts(export, args.end, converter):
        print(f"  {earned:>16.2f}  {account}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
