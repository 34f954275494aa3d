"""Money in several currencies: conversion to the reporting currency at dated exchange rates,
and sums that are never mixed across currencies.

An exchange rate says how many units of ``currency`` one unit of ``base`` buys on a day
(``1 EUR = 160.52 JPY``: base EUR, currency JPY, rate 160.52), as central banks publish them.
A report converts every amount at the rates in force on one day, its *rate day* (the end of
the period, or today): for each currency, the latest rate dated on or before that day, else the
earliest one after it. A rate is used directly (base = reporting currency), inverted
(currency = reporting currency) or crossed through a common base (``JPY → USD`` from ``EUR →
JPY`` and ``EUR → USD`` of the same date or, failing that, each the nearest as above).

A :class:`MoneyTotal` keeps the subtotal of each currency as recorded and the converted total;
when a currency has no rate the converted total is None and the report shows the subtotals
and names the missing rates (:func:`amounts_note`), never a mixed sum. When every amount
a report reads is in one currency that has no rate, the report is in that currency
(:meth:`RateBook.for_amounts`): its averages, zeros and changes too, as entered. Within a report
in another currency, a total, an average or a change whose amounts are all in one currency is
still computed, in that currency, no rate needed; only a mix with a currency that has no rate is
refused (:func:`in_one_currency`, the one home of that rule).

Pure functions: no database (rates are read by :mod:`accountdesk.core.queries.rates`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from accountdesk.core import i18n
from accountdesk.core.bidi import isolate, ltr
from accountdesk.core.i18n import _, join_list, ngettext, pgettext

#: The currency code of an amount whose currency is not known (ISO 4217 "no currency"): never
#: converted, nor summed with another amount in it (each could be another currency).
NO_CURRENCY = "XXX"


@dataclass(frozen=True)
class Rate:
    """``1 base = rate currency`` on ``valid_on``."""

    base: str
    currency: str
    rate: Decimal
    valid_on: date


@dataclass(frozen=True)
class Conversion:
    """How one currency turns into the reporting currency: × ``multiply`` / ``divide`` (kept
    apart so that dividing by a published rate stays exact where it can); the dates of the
    rates used."""

    multiply: Decimal
    divide: Decimal
    dates: tuple[date, ...]

    def apply(self, amount: Decimal) -> Decimal:
        return amount * self.multiply / self.divide


class RateBook:
    """The exchange rates a report converts with: into ``reporting`` as on ``rate_day``;
    ``asked``: the currency the report was asked in, when it is not ``reporting``
    (:meth:`for_amounts`)."""

    def __init__(
        self,
        reporting: str,
        rate_day: date,
        rates: Iterable[Rate] = (),
        *,
        asked: str | None = None,
    ) -> None:
        self.reporting = reporting.upper()
        self.rate_day = rate_day
        self.asked = self.reporting if asked is None else asked.upper()
        self._rates = tuple(rates)
        by_pair: dict[tuple[str, str], list[tuple[date, Decimal]]] = {}
        for r in self._rates:
            by_pair.setdefault((r.base.upper(), r.currency.upper()), []).append(
                (r.valid_on, r.rate)
            )
        self._pairs = {pair: sorted(found) for pair, found in by_pair.items()}
        self._cache: dict[str, Conversion | None] = {}

    def _nearest(self, base: str, currency: str) -> tuple[date, Decimal] | None:
        """The rate of the pair in force on the rate day (see the module docstring)."""
        found = self._pairs.get((base, currency))
        if not found:
            return None
        at = bisect.bisect_right(found, self.rate_day, key=lambda item: item[0])
        return found[at - 1] if at else found[0]

    def for_amounts(self, currencies: Iterable[str]) -> RateBook:
        """The book for a report whose amounts are in ``currencies``: this one; or, when they
        are all in one currency that has no rate into the reporting currency, a book into that
        currency, so that every figure of the report is in it, as entered (an average, a total
        of nothing, a change), and none stands in the reporting currency beside amounts that
        are not (a lost value of "€0.00" beside revenue of "£4,967.00");
        :func:`amounts_note` says why."""
        codes = {c.upper() for c in currencies}
        if len(codes) != 1:
            return self
        (code,) = codes
        if self.conversion(code) is not None:
            return self
        return RateBook(code, self.rate_day, self._rates, asked=self.asked)

    def on(self, day: date) -> RateBook:
        """The same rates into the same currency as in force on ``day``: a report's figures
        as of today (the open pipeline, the accounts at risk, revenue to date) are converted
        at today's rates, its period's figures at those of the period's end, so today's
        pipeline has one value in every report made today."""
        if day == self.rate_day:
            return self
        return RateBook(self.reporting, day, self._rates, asked=self.asked)

    def conversion(self, currency: str) -> Conversion | None:
        """How ``currency`` converts into the reporting currency, or None without a rate."""
        code = currency.upper()
        if code not in self._cache:
            self._cache[code] = self._find(code)
        return self._cache[code]

    def _find(self, code: str) -> Conversion | None:
        target = self.reporting
        if code == target:
            return Conversion(Decimal(1), Decimal(1), ())
        direct = self._nearest(target, code)
        if direct is not None:
            return Conversion(Decimal(1), direct[1], (direct[0],))
        inverse = self._nearest(code, target)
        if inverse is not None:
            return Conversion(inverse[1], Decimal(1), (inverse[0],))
        best: Conversion | None = None
        for base in sorted({b for b, _c in self._pairs}):
            to_code, to_target = self._nearest(base, code), self._nearest(base, target)
            if to_code is None or to_target is None:
                continue
            found = Conversion(to_target[1], to_code[1], (to_code[0], to_target[0]))
            if best is None or _closeness(found, self.rate_day) < _closeness(best, self.rate_day):
                best = found
        return best

    def convert(self, amount: Decimal, currency: str) -> Decimal | None:
        found = self.conversion(currency)
        return None if found is None else found.apply(amount)

    def total(self, amounts: Iterable[tuple[Decimal, str]]) -> MoneyTotal:
        """The sum of ``(amount, currency)`` pairs: per currency, and converted when every
        currency has a rate."""
        subtotals: dict[str, Decimal] = {}
        count = 0
        for amount, currency in amounts:
            code = currency.upper()
            subtotals[code] = subtotals.get(code, Decimal(0)) + amount
            count += 1
        return self.total_of(subtotals, count)

    def total_of(self, subtotals: Mapping[str, Decimal], count: int = 0) -> MoneyTotal:
        missing = tuple(sorted(c for c in subtotals if self.conversion(c) is None))
        converted: Decimal | None = None
        dates: set[date] = set()
        if not missing:
            converted = Decimal(0)
            for code, amount in subtotals.items():
                found = self.conversion(code)
                assert found is not None
                converted += found.apply(amount)
                dates.update(found.dates)
        return MoneyTotal(
            subtotals=dict(sorted(subtotals.items())),
            reporting=self.reporting,
            converted=converted,
            missing=missing,
            rate_dates=tuple(sorted(dates)),
            count=count,
        )


def _closeness(found: Conversion, day: date) -> int:
    return max(abs((d - day).days) for d in found.dates)


@dataclass(frozen=True)
class MoneyTotal:
    """A sum of amounts: each currency's subtotal as recorded, and the total in the reporting
    currency (None when a rate is missing; ``missing`` names those currencies)."""

    subtotals: Mapping[str, Decimal]
    reporting: str
    converted: Decimal | None
    missing: tuple[str, ...] = ()
    rate_dates: tuple[date, ...] = ()
    count: int = 0

    @property
    def complete(self) -> bool:
        return self.converted is not None

    @property
    def empty(self) -> bool:
        return not self.subtotals

    @property
    def currency(self) -> str | None:
        """The currency :attr:`amount` is in (:func:`in_one_currency`): the reporting
        currency when the total is converted, else the one currency of all its amounts; None
        for a mix of currencies of which one has no rate."""
        found = in_one_currency([self])
        return None if found is None else found[0]

    @property
    def amount(self) -> Decimal | None:
        """The total in :attr:`currency` (what an average divides), None for a mix without a
        rate."""
        found = in_one_currency([self])
        return None if found is None else found[1][0]


def in_one_currency(totals: Sequence[MoneyTotal]) -> tuple[str, tuple[Decimal, ...]] | None:
    """Totals meant to be compared or divided (a period and the one before, an average), as
    amounts of one currency, and that currency: each converted into the reporting currency
    when every one of them is; else, when all their amounts are in one currency, each in it
    as entered (euros are compared with euros, and averaged, without a rate; a total of
    nothing is 0 in it); else None: amounts of several currencies, one without a rate, are
    never summed, nor amounts of no known currency (:data:`NO_CURRENCY`). The one home of the
    rule: the deal summary's figures, their changes, the averages of the key metrics and the
    at-risk score's revenue signal (README) all ask it."""
    if all(t.complete for t in totals):
        reporting = {t.reporting for t in totals}
        if len(reporting) == 1:
            (code,) = reporting
            return code, tuple(t.converted or Decimal(0) for t in totals)
    codes = {c for t in totals for c in t.subtotals}
    if len(codes) != 1 or NO_CURRENCY in codes:
        return None
    (code,) = codes
    return code, tuple(t.subtotals.get(code, Decimal(0)) for t in totals)


# --- text (through i18n, the one home of number and money formatting) -----------------------


def carried_over(amount: Decimal | None, currency: str, into: str) -> Decimal | None:
    """An amount recorded in ``currency`` given to a record whose amounts are in ``into``
    (a merge of duplicate accounts filling the kept account's acquisition cost): the amount
    in the same currency; None in another, never relabelled (500 USD is no 500 EUR) nor
    converted (a conversion is a report's, at the rates of its day, and the stored amount
    would no longer be what was paid)."""
    if amount is None or currency != into:
        return None
    return amount


def money_text(amount: Decimal, currency: str) -> str:
    """An amount in its currency, as the current language writes it (Babel)."""
    return i18n.format_currency(amount, currency)


def subtotals_text(total: MoneyTotal, *, lines: bool = False) -> str:
    """Each currency's subtotal, in the order of the currencies' codes, joined as a list
    ("€1,200.00; ¥560,000"), or with ``lines`` one a line, as a table's cell shows them:
    wrapped as a list, a cell put two short amounts on one line and a long one alone on the
    next, and two periods' cells side by side could not be read across; "—" when none."""
    if total.empty:
        return "—"
    amounts = [isolate(money_text(v, c)) for c, v in total.subtotals.items()]
    if lines:
        return "\n".join(amounts)
    return pgettext("between amounts in several currencies", "; ").join(amounts)


def total_text(total: MoneyTotal, *, lines: bool = False) -> str:
    """The converted total, or the subtotals when a rate is missing (one a line with
    ``lines``: :func:`subtotals_text`)."""
    if total.converted is not None:
        return money_text(total.converted, total.reporting)
    return subtotals_text(total, lines=lines)


def side_by_side(totals: Sequence[MoneyTotal]) -> list[str]:
    """Totals meant to be compared, as in one row of a report's table (a period and the one
    before): each in their one currency when they have one (:func:`in_one_currency`:
    converted, or all as entered in one currency without a rate), else each as its
    subtotals per currency, one a line, so a total that has no rate never stands beside a
    converted one as if the two were comparable ("TRY38,921.00" beside "€0.00"); "—" for a
    total of nothing there."""
    found = in_one_currency(totals)
    if found is not None:
        code, amounts = found
        return [money_text(a, code) for a in amounts]
    return [subtotals_text(t, lines=True) for t in totals]


def amounts_note(
    totals: Sequence[MoneyTotal],
    reporting: str,
    asked: str | None = None,
    *,
    as_of_today: Sequence[MoneyTotal] = (),
) -> tuple[str, ...]:
    """The sentences under a report's amounts that say what they are: in the reporting
    currency at the rates of a day (:func:`rates_used_text`), and, when the figures as of
    today (``as_of_today``: converted at today's rates, :meth:`RateBook.on`) used rates of
    another day, at which; or, when a rate is missing, that
    totals with an amount in that currency are shown per currency, naming the missing rates,
    what the other totals are in, and how to add the rates. A report asked in another
    currency (``asked``) that is all in ``reporting``, for want of a rate
    (:meth:`RateBook.for_amounts`), says that every amount is as entered and how to add it."""
    today_dates = sorted({d for t in as_of_today for d in t.rate_dates})
    period_dates = sorted({d for t in totals for d in t.rate_dates})
    if today_dates and all(t.complete for t in as_of_today) and today_dates != period_dates:
        return (
            *amounts_note(totals, reporting, asked),
            *_today_rates(today_dates),
        )
    totals = [*totals, *as_of_today]
    missing = sorted({c for t in totals for c in t.missing})
    if not missing and asked is not None and asked.upper() != reporting.upper():
        return (
            _(
                "No exchange rate from {currency} to {asked}: all amounts are shown in "
                "{currency}, as entered, and not converted."
            ).format(currency=ltr(reporting), asked=ltr(asked)),
            _how_to_add(1),
        )
    if not missing:
        return (rates_used_text(totals, reporting),)
    code = ltr(reporting)
    shown = ngettext(
        "No exchange rate from {currencies} to {reporting}: a total that includes an amount "
        "in that currency is shown per currency, as entered, and not converted.",
        "No exchange rates from {currencies} to {reporting}: a total that includes an amount "
        "in those currencies is shown per currency, as entered, and not converted.",
        len(missing),
    ).format(currencies=join_list(ltr(c) for c in missing), reporting=code)
    dates = sorted({d for t in totals if t.complete for d in t.rate_dates})
    if not dates:
        others = _("The other totals are in {currency}.").format(currency=code)
    elif len(dates) == 1:
        others = _("The other totals are in {currency} at the exchange rates of {date}.").format(
            currency=code, date=isolate(i18n.format_date(dates[0]))
        )
    else:
        others = _(
            "The other totals are in {currency} at the exchange rates of {first} to {last}."
        ).format(
            currency=code,
            first=isolate(i18n.format_date(dates[0])),
            last=isolate(i18n.format_date(dates[-1])),
        )
    return (shown, others, _how_to_add(len(missing)))


def _today_rates(dates: Sequence[date]) -> tuple[str, ...]:
    """The line on the figures as of today, when their rates (of ``dates``) are of another day
    than the period's figures'."""
    if len(dates) == 1:
        text = _(
            "Figures as of today (the open pipeline, the accounts at risk, revenue to date) are "
            "converted at today's exchange rates, those of {date}."
        ).format(date=isolate(i18n.format_date(dates[0])))
    else:
        text = _(
            "Figures as of today (the open pipeline, the accounts at risk, revenue to date) are "
            "converted at today's exchange rates, those of {first} to {last}."
        ).format(
            first=isolate(i18n.format_date(dates[0])), last=isolate(i18n.format_date(dates[-1]))
        )
    return (i18n.single_stops(text),)


def _how_to_add(missing: int) -> str:
    return ngettext(
        "Add the rate in the Reports screen (Exchange rates…) or with “accountdesk rates add”.",
        "Add the rates in the Reports screen (Exchange rates…) or with “accountdesk rates add”.",
        missing,
    )


def rates_used_text(totals: Sequence[MoneyTotal], reporting: str) -> str:
    """ "Amounts in EUR at the rates of 1 Nov 2026." (the dates of the rates the totals used)."""
    dates = sorted({d for t in totals for d in t.rate_dates})
    code = ltr(reporting)
    if not dates:
        return _("Amounts in {currency}.").format(currency=code)
    if len(dates) == 1:
        return i18n.single_stops(
            _("Amounts in {currency} at the exchange rates of {date}.").format(
                currency=code, date=isolate(i18n.format_date(dates[0]))
            )
        )
    return i18n.single_stops(
        _("Amounts in {currency} at the exchange rates of {first} to {last}.").format(
            currency=code,
            first=isolate(i18n.format_date(dates[0])),
            last=isolate(i18n.format_date(dates[-1])),
        )
    )
