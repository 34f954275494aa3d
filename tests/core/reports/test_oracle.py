"""The portfolio report agrees with an independent recomputation from the JSON export.

``benchmarks/portfolio_oracle.py`` does not import AccountDesk: it counts every figure again
from the export, by README's definitions. Here a demo database gets exchange rates on two days
(so which rate is in force matters), is exported with ``accountdesk export --format json``,
and portfolio reports over two periods (a year in EUR, converted directly; a quarter in USD,
converted across EUR and inverted) are read back with ``pdftotext``: every key metric with
its sample, the breakdowns by segment, country and owner, and the top accounts by revenue to
date must be what the oracle found, to the digits the PDF shows.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from accountdesk.cli import main
from accountdesk.core import i18n
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import open_database
from accountdesk.core.db.fts import fold
from accountdesk.core.demo import generate
from accountdesk.core.labels import TIER
from accountdesk.core.metrics import Period
from accountdesk.core.reports.documents import portfolio_report
from accountdesk.core.services.rates import RateInput, save_rate

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")

ORACLE_PATH = Path(__file__).parents[3] / "benchmarks" / "portfolio_oracle.py"
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)

#: 1 EUR = … on 31 Dec 2025 and on 30 Jun 2026; KRW only after both periods (the earliest
#: rate after the day is used), USD also the other way round (1 USD = … EUR) on neither day.
RATES = {
    "USD": ("1.04", "1.09"), "GBP": ("0.83", "0.86"), "THB": ("36.2", "38.4"),
    "TRY": ("36.7", "42.1"), "IRR": ("43700", "46100"), "CNY": ("7.6", "7.9"),
    "SAR": ("3.9", "4.1"), "AED": ("3.82", "4.0"), "BRL": ("6.4", "6.1"),
    "JPY": ("163.1", "158.2"), "NGN": ("1600", "1710"), "MXN": ("21.5", "20.2"),
    "INR": ("88.7", "92.5"), "NPR": ("141.9", "147.8"),
}  # fmt: skip
LATE = {"KRW": ("1490", date(2026, 9, 30))}


@dataclass(frozen=True)
class Case:
    period: Period
    currency: str


CASES = (
    Case(Period(date(2025, 7, 1), date(2026, 6, 30)), "EUR"),
    Case(Period(date(2026, 1, 1), date(2026, 3, 31)), "USD"),
)


def _oracle() -> ModuleType:
    spec = importlib.util.spec_from_file_location("portfolio_oracle", ORACLE_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def oracle() -> ModuleType:
    source = ORACLE_PATH.read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from|import)\s+accountdesk", source, re.MULTILINE)
    return _oracle()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A demo database with rates, its JSON export, and the text of both reports."""
    folder = tmp_path_factory.mktemp("oracle")
    db = open_database(folder / "demo.db")
    generate(db, accounts=150, seed=11, anchor=NOW.date(), clock=fixed_clock(NOW))
    for currency, (winter, summer) in RATES.items():
        save_rate(db, RateInput(currency, winter, date(2025, 12, 31), "EUR"), "EUR")
        save_rate(db, RateInput(currency, summer, date(2026, 6, 30), "EUR"), "EUR")
    for currency, (rate, day) in LATE.items():
        save_rate(db, RateInput(currency, rate, day, "EUR"), "EUR")
    texts = []
    for number, case in enumerate(CASES):
        pdf = folder / f"portfolio{number}.pdf"
        portfolio_report(db, pdf, case.period, lang="en", now=NOW, currency=case.currency)
        texts.append(_pdf_text(pdf))
    export = folder / "export.json"
    db.close()
    args = ["export", "--db", str(folder / "demo.db"), "--format", "json", "-o", str(export)]
    assert main(args) == 0
    yield {"export": export, "texts": texts}


def _pdf_text(pdf: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return unicodedata.normalize("NFKC", out)


# --- reading the PDF's text ---------------------------------------------------------------------

_NUMBER = re.compile(r"[-−]?\d[\d,]*(?:\.(\d+))?")


def _cells(line: str) -> list[str]:
    return re.split(r"\s{2,}", line.strip())


def _row(text: str, label: str) -> list[str]:
    """The cells after ``label`` on the line of the key metrics table that starts with it."""
    for line in text.splitlines():
        cells = _cells(line)
        if cells[0] == label:
            return cells[1:]
    raise AssertionError(f"no row {label!r} in the report")


def _section(text: str, heading: str, following: str) -> list[list[str]]:
    """The table rows between two headings, each as its cells (wrapped lines dropped)."""
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.strip() == heading)
    rows = []
    for line in lines[first + 1 :]:
        if line.strip() == following:
            break
        rows.append(_cells(line))
    return rows


def _words(text: str) -> list[str]:
    """The words of a name, whatever order a right-to-left one comes out of pdftotext in."""
    marks = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2068\u2069"))
    return sorted(unicodedata.normalize("NFKC", text).translate(marks).split())


def _agrees(shown: str, figure: Any, what: str) -> None:
    """``shown`` (a PDF cell) says the oracle's figure: the value to the digits shown, "not
    enough data" or the missing rate, and the sample (marked * below 10) when there is one."""
    shown = shown.replace("\u2212", "-")
    value_part, _sep, sample_part = shown.partition(" (")
    if figure.value is None:
        assert "not enough" in shown or "no exchange rate" in shown, (what, shown, figure)
    else:
        found = _NUMBER.search(value_part)
        assert found is not None, (what, shown)
        number = Decimal(found.group(0).replace(",", "").replace("−", "-"))
        places = len(found.group(1) or "")
        slack = Decimal(5) / Decimal(10) ** (places + 1) + Decimal("1e-9")
        assert abs(number - figure.value) <= slack, (what, shown, figure.value)
    if sample_part and figure.sample is not None and sample_part[0].isdigit():
        digits = re.match(r"[\d,]+", sample_part)
        assert digits is not None
        assert int(digits.group(0).replace(",", "")) == figure.sample, (what, shown, figure)
        assert ("*" in sample_part) == (figure.sample < 10), (what, shown)


def _change(shown: str, now: Any, before: Any, kind: str, what: str) -> None:
    """The change column: a count's difference, a rate's in percentage points, NPS's and a
    mean's in points, money's relative to the previous amount; "—" without both."""
    shown = shown.replace("\u2212", "-")
    if now.value is None or before.value is None or (kind == "money" and before.value <= 0):
        assert shown == "—", (what, shown)
        return
    relative = kind == "money"
    found = _NUMBER.search(shown)
    assert found is not None, (what, shown)
    number = Decimal(found.group(0).replace(",", ""))
    places = len(found.group(1) or "")
    if relative:
        expected = (now.value / before.value - 1) * 100
    else:  # of the figures as printed beside it (each rounded half to even, as Babel does)
        step = Decimal(1).scaleb(-places)
        expected = Decimal(str(now.value)).quantize(step) - Decimal(str(before.value)).quantize(
            step
        )
    assert abs(number - expected) <= Decimal(5) / Decimal(10) ** (places + 1) + Decimal("1e-9"), (
        what, shown, expected,
    )  # fmt: skip
    if number:
        assert shown.startswith("+" if number > 0 else "-"), (what, shown)
    if kind == "rate":
        assert shown.endswith(" pp"), (what, shown)


def _compared(text: str, label: str, now: Any, before: Any, kind: str) -> None:
    """A row of a comparison table: this period, the previous one, the change."""
    cells = _row(text, label)
    assert len(cells) == 3, (label, cells)
    _agrees(cells[0], now, f"{label} (this period)")
    _agrees(cells[1], before, f"{label} (previous period)")
    _change(cells[2], now, before, kind, label)


#: Label in the PDF → (the oracle's figure, how its change is shown).
KEY_METRICS = {
    "Customers at the start (S)": ("S", "count"),
    "Acquired in the period (N)": ("N", "count"),
    "Customers at the end (E)": ("E", "count"),
    "Customer retention rate, (E − N) / S": ("retention", "rate"),
    "Customers of S kept": ("kept", "rate"),
    "Churn rate (customers of S lost)": ("churn", "rate"),
    "NPS": ("NPS", "points"),
    "CSAT (share of 4–5)": ("CSAT", "rate"),
    "CSAT (mean, 1–5)": ("CSAT mean", "points"),
    "Referral rate": ("referral", "rate"),
    "Revenue in the period (won deals)": ("revenue", "money"),
    "Average annual revenue per customer": ("revenue per customer", "money"),
    "Annual churn": ("annual churn", "rate"),
    "Expected customer lifespan (years)": ("lifespan", "points"),
    "Customer lifetime value": ("lifetime value", "money"),
    "Customer acquisition cost": ("CAC", "money"),
    "Deals won": ("deals won", "count"),
    "Revenue (value of the deals won)": ("revenue", "money"),
    "Deals lost": ("deals lost", "count"),
    "Value of the deals lost": ("lost value", "money"),
    "Win rate, won / (won + lost)": ("win rate", "rate"),
    "Average deal won": ("average won", "money"),
}


@pytest.mark.parametrize("index", range(len(CASES)))
def test_key_metrics_agree_with_the_oracle(
    index: int, oracle: ModuleType, world: dict[str, Any]
) -> None:
    """Every key metric and deal figure, this period and the previous one of the same length
    (both converted at the rates of this period's end), and the change."""
    case, text = CASES[index], world["texts"][index]
    export = oracle.load(world["export"])
    converter = oracle.converter_for(export, case.period.end, NOW.date(), case.currency)
    previous_start, previous_end = oracle.previous_period(case.period.start, case.period.end)
    found = oracle.figures(export, case.period.start, case.period.end, converter)
    before = oracle.figures(export, previous_start, previous_end, converter)
    # the data is rich enough for every figure to exist, or the comparison would be weak
    for key, _kind in KEY_METRICS.values():
        assert found[key].value is not None and before[key].value is not None, key
    assert found["S"].value >= 10 and found["N"].value > 0
    for label, (key, kind) in KEY_METRICS.items():
        _compared(text, label, found[key], before[key], kind)
    flat = " ".join(text.split())
    n, lost = found["N"].value, found["churned"].value
    assert f"{n:,} accounts were won in the period and {lost:,} of S lost in it" in flat
    won_lost = int(found["won_and_lost"].value)
    if won_lost:
        assert re.search(rf"\b{won_lost} accounts? (was|were) both won and lost", flat)
    else:  # no sentence about none
        assert "both won and lost" not in flat
    assert f"Scope: all accounts; {found['accounts'].value:,} accounts." in flat
    assert f"Previous period: {previous_start:%-d %b %Y} – {previous_end:%-d %b %Y}" in flat
    # a figure as of today, at today's rates (whatever the period)
    today = oracle.converter_for(export, NOW.date(), NOW.date(), case.currency)
    count, value = oracle.pipeline(export, NOW.date(), today)
    cells = _row(text, "All open deals")
    assert int(cells[0]) == count > 0
    _agrees(cells[1], value, "open pipeline")


def test_money_takes_each_path_of_conversion(oracle: ModuleType, world: dict[str, Any]) -> None:
    """The two cases convert directly (EUR), inverted (EUR into USD) and across EUR (THB into
    USD), and KRW at the only, later, rate; the rate day is the period's end."""
    export = oracle.load(world["export"])
    eur = oracle.converter_for(export, date(2026, 6, 30), NOW.date(), "EUR")
    usd = oracle.converter_for(export, date(2026, 3, 31), NOW.date(), "USD")
    assert eur.factor("THB") == (Decimal(1), Decimal("38.4"))
    assert usd.factor("EUR") == (Decimal("1.04"), Decimal(1))  # the winter rate, inverted
    assert usd.factor("THB") == (Decimal("1.04"), Decimal("36.2"))  # across EUR
    assert eur.factor("KRW") == (Decimal(1), Decimal("1490"))
    assert usd.factor("XXX") is None
    flat = [" ".join(t.split()) for t in world["texts"]]
    assert "Amounts in EUR at the exchange rates of 30 Jun 2026" in flat[0]
    assert "Amounts in USD at the exchange rates of 31 Dec 2025" in flat[1]


@pytest.mark.parametrize("index", range(len(CASES)))
@pytest.mark.parametrize(
    ("heading", "field", "name"),
    [
        ("By segment", "tier", lambda code: i18n._(TIER[code])),
        ("By country", "country", i18n.country_name),
        ("By owner", "owner", str),
    ],
)
def test_breakdowns_agree_with_the_oracle(
    index: int, heading: str, field: str, name: Any, oracle: ModuleType, world: dict[str, Any]
) -> None:
    case, text = CASES[index], world["texts"][index]
    export = oracle.load(world["export"])
    converter = oracle.converter_for(export, case.period.end, NOW.date(), case.currency)
    rows = {
        r[0]: r for r in _section(text, heading, _after(heading)) if len(r) == 7 and r[0] != heading
    }
    groups = sorted({a[field] for a in export.accounts if a[field]})
    assert len(rows) == len(groups), (sorted(rows), groups)
    for group in groups:
        found = oracle.figures(
            export, case.period.start, case.period.end, converter,
            keep=lambda a, g=group: a[field] == g,
        )  # fmt: skip
        row = rows[name(group)]
        assert int(row[1]) == found["accounts"].value
        for cell, key in zip(row[2:6], ("retention", "churn", "NPS", "CSAT"), strict=True):
            _agrees(cell, found[key], f"{heading} {group} {key}")
        _agrees(row[6], found["revenue"], f"{heading} {group} revenue")


def _after(heading: str) -> str:
    following = ("By country", "By owner", "Top accounts by revenue to date")
    return dict(zip(("By segment", "By country", "By owner"), following, strict=True))[heading]


@pytest.mark.parametrize("index", range(len(CASES)))
def test_top_accounts_agree_with_the_oracle(
    index: int, oracle: ModuleType, world: dict[str, Any]
) -> None:
    case, text = CASES[index], world["texts"][index]
    export = oracle.load(world["export"])
    # revenue to date: every deal won so far, at today's rates (whatever the period)
    today = oracle.converter_for(export, NOW.date(), NOW.date(), case.currency)
    expected = oracle.top_accounts(export, NOW.date(), today)
    rows = [
        r
        for r in _section(text, "Top accounts by revenue to date", "Accounts at risk")
        if len(r) == 4 and _NUMBER.search(r[3])
    ]
    assert len(rows) == len(expected) == 20
    repeated = Counter(fold(a["name"]) for a in export.accounts)  # the live ones
    for row, (account, value) in zip(rows, expected, strict=True):
        if repeated[fold(account)] > 1:  # told apart: "Alpska Mlekarna d.o.o. (Maribor)"
            shown = _words(row[0])
            assert not Counter(_words(account)) - Counter(shown), (row[0], account)
            assert "(" in row[0], row[0]  # its city (the cell may go on over a line)
        else:
            assert _words(row[0]) == _words(account), (row[0], account)
        _agrees(row[3], oracle.Figure(value), account)


def test_figures_as_of_today_say_their_rates(world: dict[str, Any]) -> None:
    """The open pipeline and revenue to date are of today, at today's rates in every report
    (review rev20, 5: a Q1 report valued today's pipeline at the rates of 31 March); the note
    says so when those are of another day than the period's."""
    flat = [" ".join(t.split()) for t in world["texts"]]
    today = "converted at today's exchange rates, those of"
    assert today not in flat[0]  # the rates of 30 June 2026 are today's too
    assert f"{today} 30 Jun 2026" in flat[1]  # Q1 2026's are of 31 December 2025
