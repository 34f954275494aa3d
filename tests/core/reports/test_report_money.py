"""The portfolio and account PDFs against figures recomputed here, independently, from a small
fixture: money converted and labelled, a missing rate shown per currency, never summed, the
ranking by converted revenue, sample sizes and the definitions appendix."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, Deal, Interaction, SurveyResponse
from accountdesk.core.metrics import Period
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.data import Scope
from accountdesk.core.services.rates import RateInput, save_rate

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")

NOW = datetime(2027, 1, 15, 9, 0, tzinfo=UTC)
YEAR = Period(date(2026, 1, 1), date(2026, 12, 31))
SINCE = date(2024, 1, 1)
# (name, country, currency, customer since, lost on, acquisition cost, won deal amount)
ACCOUNTS = [
    ("Ābele SIA", "LV", "EUR", SINCE, None, None, Decimal(40000)),
    ("Yamada Shoji", "JP", "JPY", SINCE, None, None, Decimal(3448000)),  # 20,000 EUR
    ("Hana Corp", "KR", "KRW", date(2026, 2, 1), None, Decimal(1610000), Decimal(16100000)),
    ("Pars Petro", "IR", "IRR", date(2024, 6, 1), None, None, Decimal(500000000)),
    *[(f"Filler {i}", "LV", "EUR", SINCE, None, None, None) for i in range(3, 10)],
    ("Filler 1", "LV", "EUR", SINCE, date(2026, 6, 1), None, None),
    ("Filler 2", "LV", "EUR", SINCE, date(2026, 9, 1), None, None),
    ("Brief Client", "LV", "EUR", date(2026, 3, 1), date(2026, 5, 1), None, None),
]
EUR_PER = {"EUR": Decimal(1), "JPY": Decimal("172.4"), "KRW": Decimal(1610), "IRR": Decimal(50000)}


def _fixture(db: Database) -> None:
    with db.transaction() as s:
        for name, country, currency, since, lost, cost, won in ACCOUNTS:
            account = Account(
                name=name, country=country, currency=currency, customer_since=since,
                lost_on=lost, acquisition_cost=cost, status="lost" if lost else "active",
            )  # fmt: skip
            s.add(account)
            s.flush()
            if won is not None:
                s.add(
                    Deal(
                        account_id=account.id, title="Order", amount=won, currency=currency,
                        status="won", closed_on=date(2026, 5, 1),
                    )
                )  # fmt: skip
        first = s.query(Account).filter_by(name="Ābele SIA").one()
        for score in (9, 10, 3):
            s.add(
                SurveyResponse(account_id=first.id, kind="nps", score=score,
                               answered_on=date(2026, 4, 1))
            )  # fmt: skip
        s.add(
            Interaction(
                account_id=first.id, kind="call", occurred_zone="Europe/Riga", csat_score=5,
                occurred_at=datetime(2026, 9, 1, 8, tzinfo=UTC),
            )
        )  # fmt: skip
    for currency in ("JPY", "KRW"):
        save_rate(db, RateInput(currency, str(EUR_PER[currency]), "2026-11-01"), "EUR")


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(unicodedata.normalize("NFKC", out.stdout).split())  # the ﬁ ligature


def _customer_days(period: Period) -> int:
    """Day by day, the rule read anew: a customer from "since" until the day before "lost"."""
    total, day = 0, period.start
    while day <= period.end:
        for _n, _c, _cur, since, lost, _cost, _won in ACCOUNTS:
            total += since <= day and (lost is None or day < lost)
        day += timedelta(days=1)
    return total


def _euro(text: str, label: str) -> float:
    found = re.search(re.escape(label) + r" €([\d,]+\.\d\d)", text)
    assert found is not None, (label, text[:3000])
    return float(found.group(1).replace(",", ""))


def test_a_missing_rate_shows_subtotals_and_is_named(db: Database, tmp_path: Path) -> None:
    _fixture(db)
    pdf = tmp_path / "p.pdf"
    d.portfolio_report(db, pdf, YEAR, now=NOW, currency="EUR")
    text = _text(pdf)
    assert (
        "No exchange rate from IRR to EUR: a total that includes an amount in that currency is "
        "shown per currency, as entered, and not converted. The other totals are in EUR at the "
        "exchange rates of 1 Nov 2026." in text
    )
    assert "Amounts in EUR" not in text  # not all of them are
    # revenue per currency, not added up, one amount a line of its cell
    assert "€40,000.00 IRR 500,000,000 JP¥3,448,000 ₩16,100,000" in text
    assert "Customer lifetime value no exchange rate for IRR" in text
    # the ranking converts: 3,448,000 yen (20,000 EUR) below 40,000 EUR; the rial account apart
    top = text[text.index("Top accounts by revenue to date") :]
    assert top.index("Ābele SIA") < top.index("Yamada Shoji") < top.index("Hana Corp")
    assert "€20,000.00" in top and "€10,000.00" in top
    assert "1 account is not ranked: its revenue is in IRR, which has no exchange rate." in top
    assert "Pars Petro" not in top.split("not ranked")[0]


def test_converted_figures_agree_with_a_recomputation(db: Database, tmp_path: Path) -> None:
    _fixture(db)
    save_rate(db, RateInput("IRR", "50000", "2026-11-01"), "EUR")
    pdf = tmp_path / "p.pdf"
    d.portfolio_report(db, pdf, YEAR, now=NOW, currency="EUR")
    text = _text(pdf)
    assert "Amounts in EUR at the exchange rates of 1 Nov 2026." in text
    assert "No exchange rate" not in text
    revenue = sum(won / EUR_PER[cur] for _n, _c, cur, *_r, won in ACCOUNTS if won)
    assert revenue == Decimal(80000)
    assert "Revenue in the period (won deals) €80,000.00" in text
    # S: customers on 31 Dec 2025; N: since in 2026; lost: of S, in 2026
    s = [a for a in ACCOUNTS if a[3] < YEAR.start and (a[4] is None or a[4] >= YEAR.start)]
    n = [a for a in ACCOUNTS if YEAR.contains(a[3])]
    lost = [a for a in s if a[4] is not None and YEAR.contains(a[4])]
    e = [a for a in ACCOUNTS if a[3] <= YEAR.end and (a[4] is None or a[4] > YEAR.end)]
    assert (len(s), len(n), len(lost), len(e)) == (12, 2, 2, 11)
    assert f"Customers of S kept {100 * (len(s) - len(lost)) / len(s):.1f}% ({len(s)})" in text
    assert f"Churn rate (customers of S lost) {100 * len(lost) / len(s):.1f}% (12)" in text
    retention = 100 * (len(e) - len(n)) / len(s)
    assert f"Customer retention rate, (E − N) / S {retention:.1f}% (12)" in text
    assert "1 account was both won and lost inside the period" in text
    # lifetime value: revenue / customer-years × min(1 / annual churn, 10)
    years = _customer_days(YEAR) / 365.25
    annual_churn = 1 - (1 - len(lost) / len(s)) ** (365.25 / YEAR.days)
    lifespan = min(1 / annual_churn, 10.0)
    assert _euro(text, "Average annual revenue per customer") == pytest.approx(
        80000 / years, abs=0.01
    )
    assert _euro(text, "Customer lifetime value") == pytest.approx(
        80000 / years * lifespan, abs=0.01
    )
    # CAC: Hana's 1,610,000 KRW (1,000 EUR) and Brief Client's nothing, over the 2 acquired
    assert _euro(text, "Customer acquisition cost") == pytest.approx(500.0)
    # samples: NPS of 3 answers and CSAT of 1 (an interaction's score) are marked small
    flat = text.replace(" *", "*")
    assert "NPS 33 (3*)" in flat and "CSAT (share of 4–5) 100.0% (1*)" in flat
    # the definitions appendix
    assert "Definitions" in text and "1 / annual churn, at most 10 years" in text
    assert "the CSAT score logged on an interaction" in text


def test_account_report_names_revenue_to_date_converted(db: Database, tmp_path: Path) -> None:
    _fixture(db)
    pdf = tmp_path / "a.pdf"
    account = d.find_account(db, "yamada shoji")
    d.account_report(db, account, pdf, now=NOW, currency="EUR")
    text = _text(pdf)
    assert "Revenue to date €20,000.00" in text
    assert "Amounts in EUR at the exchange rates of 1 Nov 2026." in text
    assert "Lifetime value" not in text
    d.account_report(db, d.find_account(db, "pars petro"), pdf, now=NOW, currency="EUR")
    text = _text(pdf)
    assert "Revenue to date IRR 500,000,000" in text
    assert "No exchange rate from IRR to EUR" in text


def _one_account(db: Database, currency: str, deals: list[tuple[str, int, str, str]]) -> str:
    """An account in Türkiye with deals (title, amount, currency, status) closed on 31 July
    2026 when won or lost."""
    with db.transaction() as s:
        account = Account(name="Boğaziçi Tekstil A.Ş.", country="TR", currency=currency,
                          customer_since=date(2025, 9, 26), status="active")  # fmt: skip
        s.add(account)
        s.flush()
        for title, amount, code, status in deals:
            s.add(
                Deal(account_id=account.id, title=title, amount=Decimal(amount), currency=code,
                     status=status, stage="lead" if status == "open" else None,
                     closed_on=None if status == "open" else date(2026, 7, 31))
            )  # fmt: skip
        return account.id


def test_an_account_all_in_one_currency_without_a_rate_is_reported_in_it(
    db: Database, tmp_path: Path
) -> None:
    """QA: a GBP account showed revenue "£4,967.00" but the average deal won as "no exchange
    rate for GBP (1 *)" and the value of the deals lost as "€0.00". (The QA tour's TRY account
    before: revenue in TRY beside the previous year's "€0.00", "Amounts in EUR." under it.)
    Every amount of the account is in TRY, which has no rate to EUR: every figure is in TRY,
    as entered, the average and the zeros too, and the note says why."""
    account_id = _one_account(
        db, "TRY", [("Destek", 38921, "TRY", "won"), ("Sözleşme", 34947, "TRY", "open")]
    )
    pdf = tmp_path / "a.pdf"
    d.account_report(db, account_id, pdf, now=NOW, currency="EUR")
    text = _text(pdf)
    assert "Revenue to date TRY 38,921.00" in text
    assert "Revenue (value of the deals won) TRY 38,921.00 TRY 0.00 —" in text
    assert "Value of the deals lost TRY 0.00 TRY 0.00 —" in text
    assert "Average deal won TRY 38,921.00 (1 *) not enough data (0 *) —" in text
    assert "Lead 1 TRY 34,947.00" in text  # the open pipeline
    # under the figures (before the lists of single deals in their own currency): why
    note = text.index(
        "No exchange rate from TRY to EUR: all amounts are shown in TRY, as entered, and not "
        "converted. Add the rate in the Reports screen"
    )
    assert text.index("Open pipeline today") < note < text.index("Open deal")
    assert "€" not in text and "other totals" not in text and "Amounts in" not in text


@pytest.mark.parametrize(
    ("lang", "average", "lost"),
    [
        ("en", "Average deal won £4,967.00 (1 *)", "Value of the deals lost £0.00 £0.00"),
        ("lv", "Vidējais iegūtais darījums 4 967,00 £ (1 *)",
         "Zaudēto darījumu vērtība 0,00 £ 0,00 £"),
    ],
)  # fmt: skip
def test_a_gbp_account_without_a_rate_shows_its_figures_in_gbp(
    db: Database, tmp_path: Path, lang: str, average: str, lost: str
) -> None:
    """The QA case itself: one deal of £4,967.00 won, nothing lost, no GBP rate."""
    account_id = _one_account(db, "GBP", [("Product demo", 4967, "GBP", "won")])
    pdf = tmp_path / "a.pdf"
    d.account_report(db, account_id, pdf, now=NOW, currency="EUR", lang=lang)
    text = _text(pdf).replace("\u00a0", " ").replace("\u202f", " ")
    assert average in text and lost in text
    assert "€" not in text


def test_an_account_in_two_currencies_without_a_rate_keeps_them_apart(
    db: Database, tmp_path: Path
) -> None:
    """With amounts in TRY (no rate) and in EUR, totals with TRY in them are shown per
    currency and the others converted into EUR, as the note says (50fd1d2)."""
    account_id = _one_account(
        db, "TRY", [("Destek", 38921, "TRY", "won"), ("Sözleşme", 34947, "EUR", "open")]
    )
    pdf = tmp_path / "a.pdf"
    d.account_report(db, account_id, pdf, now=NOW, currency="EUR")
    text = _text(pdf)
    # the revenue of both years is all in TRY: compared in TRY, never beside a converted one
    # (review rev31, 3; it was "TRY 38,921.00 — —")
    assert "Revenue (value of the deals won) TRY 38,921.00 TRY 0.00 —" in text
    assert "Average deal won TRY 38,921.00 (1 *) not enough data (0 *) —" in text
    assert "Value of the deals lost €0.00 €0.00 —" in text  # both converted: comparable
    note = text.index("No exchange rate from TRY to EUR: a total that includes an amount in")
    assert text.index("Open pipeline today") < note < text.index("Open deal")
    assert "The other totals are in EUR." in text[note:]
    assert "Amounts in EUR" not in text


def test_the_reports_screens_figures_follow_the_same_rule(db: Database) -> None:
    """The Reports screen (queries.reports.scope_metrics) reads the same records as the PDF:
    a scope all in GBP without a rate is in GBP there too, and its note says why."""
    from accountdesk.core.money import amounts_note
    from accountdesk.core.queries.rates import rate_book
    from accountdesk.core.queries.reports import scope_metrics

    _one_account(db, "GBP", [("Product demo", 4967, "GBP", "won")])
    period = Period(date(2025, 12, 1), date(2026, 11, 29))
    book = rate_book(db, period.end)
    found = scope_metrics(db, Scope(), period, book, calendar="gregorian")
    assert found.asked == book.reporting and found.asked != "GBP"
    assert found.total.revenue.reporting == "GBP"
    assert found.total.revenue.converted == Decimal(4967)
    note = plain(amounts_note(found.total.money(), "GBP", found.asked)[0])
    assert note.startswith(f"No exchange rate from GBP to {found.asked}: all amounts are shown")


def test_a_breakdown_row_without_a_rate_shows_its_currencies(db: Database) -> None:
    """The breakdowns' revenue was "—" for every row with an amount in a currency without a
    rate, the mark a change has when there is none: no revenue and no rate looked alike."""
    from reportlab.platypus import Table

    from accountdesk.core.money import RateBook
    from accountdesk.core.queries.rates import rate_book
    from accountdesk.core.reports.textlayout import TextBlock

    _fixture(db)
    ctx = d._context("en", NOW, "UTC")
    book: RateBook = rate_book(db, YEAR.end, "EUR")
    story, _title = d._portfolio_story(db, ctx, YEAR, Scope(), book)
    at = next(i for i, f in enumerate(story) if isinstance(f, d.Heading) and f.text == "By country")
    table = story[at + 1]
    assert isinstance(table, Table)
    rows = {
        plain(row[0].text): plain(row[-1].text)
        for row in table._cellvalues[1:]
        if isinstance(row[0], TextBlock) and isinstance(row[-1], TextBlock)
    }
    assert rows["Iran"] == "IRR\xa0500,000,000"  # as entered, not "—"
    assert rows["Japan"] == "€20,000.00"  # converted
    assert rows["Latvia"] == "€40,000.00"


def _dated_account(db: Database, currency: str, deals: list[tuple[int, str, date]]) -> str:
    """An account in Türkiye in ``currency`` with won deals (amount, currency, closed on)."""
    with db.transaction() as s:
        account = Account(name="Ege Lojistik A.Ş.", country="TR", currency=currency,
                          acquisition_cost=Decimal(1000), customer_since=date(2024, 10, 22),
                          status="active")  # fmt: skip
        s.add(account)
        s.flush()
        for amount, code, closed in deals:
            s.add(Deal(account_id=account.id, title="Order", amount=Decimal(amount),
                       currency=code, status="won", closed_on=closed))  # fmt: skip
        return account.id


def test_deals_all_in_one_currency_without_a_rate_are_summed_averaged_and_compared_in_it(
    db: Database, tmp_path: Path
) -> None:
    """Review rev31, 3 (Ege Lojistik): an account in TRY (its acquisition cost), every deal
    in EUR, no EUR→TRY rate. The revenue change was "—" and the average deal won "no exchange
    rate for EUR (1 *)", while the at-risk score on the same page said revenue fell 80.4%:
    the deals are all in one currency, so they are compared and averaged in it, and the table
    and the risk signal agree."""
    account_id = _dated_account(
        db, "TRY",
        [(46036, "EUR", date(2025, 6, 1)), (9038, "EUR", date(2026, 11, 24))],
    )  # fmt: skip
    pdf = tmp_path / "a.pdf"
    d.account_report(db, account_id, pdf, now=NOW, currency="TRY")
    text = _text(pdf)
    assert "Revenue (value of the deals won) €9,038.00 €46,036.00 -80.4%" in text
    assert "Average deal won €9,038.00 (1 *) €46,036.00 (1 *) -80.4%" in text
    assert "revenue -80.4% on the 12 months before: 2 points" in text  # the risk signal
    assert "no exchange rate for" not in text


def test_deals_in_a_mix_of_currencies_without_a_rate_are_still_refused(
    db: Database, tmp_path: Path
) -> None:
    """The other side of the rule: deals in EUR and USD, and no rate into TRY for either,
    are never summed: the average says which rates are missing, the change is "—", and the
    risk signal is not assessed."""
    account_id = _dated_account(
        db, "TRY",
        [(46036, "EUR", date(2025, 6, 1)), (9038, "EUR", date(2026, 11, 24)),
         (500, "USD", date(2026, 10, 1))],
    )  # fmt: skip
    pdf = tmp_path / "a.pdf"
    d.account_report(db, account_id, pdf, now=NOW, currency="TRY")
    text = _text(pdf)
    assert "Revenue (value of the deals won) €9,038.00 US$500.00 €46,036.00 —" in text
    assert "Average deal won no exchange rate for EUR, USD (2 *)" in text
    assert "Revenue not assessed: its deals are in several currencies" in text
