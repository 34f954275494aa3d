"""Money across currencies: the rate book, sums that are never mixed, the rates table (entered
and imported from CSV) and the reporting currency setting."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from accountdesk.core import i18n, settings
from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.core.money import (
    NO_CURRENCY,
    Rate,
    RateBook,
    amounts_note,
    in_one_currency,
    rates_used_text,
    side_by_side,
    subtotals_text,
    total_text,
)
from accountdesk.core.queries.rates import list_rates, rate_book
from accountdesk.core.services.rates import (
    RateInput,
    RatesImportError,
    delete_rate,
    import_rates,
    save_rate,
)

D1, D2, D3 = date(2026, 10, 1), date(2026, 11, 1), date(2026, 12, 1)
RATES = [
    Rate("EUR", "JPY", Decimal("160"), D1),
    Rate("EUR", "JPY", Decimal("170"), D2),
    Rate("EUR", "JPY", Decimal("999"), D3),  # after the rate day
    Rate("THB", "EUR", Decimal("0.025"), D2),  # 1 THB = 0.025 EUR: inverse
    Rate("USD", "KRW", Decimal("1400"), D2),  # cross through USD
    Rate("USD", "EUR", Decimal("0.875"), D2),
]


def test_direct_inverse_and_cross_rates_as_on_the_rate_day() -> None:
    book = RateBook("EUR", date(2026, 11, 15), RATES)
    assert book.convert(Decimal(340), "JPY") == Decimal(2)  # 1 EUR = 170 JPY on 1 Nov
    assert book.convert(Decimal(1000), "THB") == Decimal(25)
    assert book.convert(Decimal(1400), "KRW") == Decimal("0.875")  # 1 USD both ways
    assert book.convert(Decimal(7), "eur") == Decimal(7)
    assert book.convert(Decimal(7), "IRR") is None
    # before the first rate: the earliest one
    early = RateBook("EUR", date(2020, 1, 1), RATES)
    assert early.convert(Decimal(160), "JPY") == Decimal(1)


def test_a_total_converts_or_keeps_each_currency_apart() -> None:
    book = RateBook("EUR", date(2026, 11, 15), RATES)
    whole = book.total([(Decimal(100), "EUR"), (Decimal(17000), "JPY"), (Decimal(50), "EUR")])
    assert whole.converted == Decimal(250) and whole.complete
    assert whole.subtotals == {"EUR": Decimal(150), "JPY": Decimal(17000)}
    assert whole.rate_dates == (D2,) and whole.count == 3
    part = book.total([(Decimal(100), "EUR"), (Decimal(5000000), "IRR")])
    assert part.converted is None and part.missing == ("IRR",)
    assert part.subtotals == {"EUR": Decimal(100), "IRR": Decimal(5000000)}
    assert total_text(part) == subtotals_text(part)
    assert "€100.00" in total_text(part) and "IRR" in total_text(part)
    assert total_text(whole) == "€250.00"
    used = plain(rates_used_text([whole], "EUR"))
    assert used == "Amounts in EUR at the exchange rates of 1 Nov 2026."
    sentence = amounts_note([whole, part], "EUR")[0]
    assert "No exchange rate from" in sentence and "IRR" in sentence
    assert amounts_note([whole], "EUR") == (rates_used_text([whole], "EUR"),)


def test_totals_side_by_side_are_all_converted_or_all_per_currency() -> None:
    book = RateBook("EUR", date(2026, 11, 15), RATES)
    whole = book.total([(Decimal(17000), "JPY")])
    part = book.total([(Decimal(38921), "TRY")])
    nothing = book.total([])
    assert nothing.complete and total_text(nothing) == "€0.00"
    assert [plain(t) for t in side_by_side([whole, nothing])] == ["€100.00", "€0.00"]
    # a total without a rate beside nothing: both in its one currency, as entered (review
    # rev31, 3: no rate is needed to compare liras with liras); beside a converted one, each
    # per currency
    assert [plain(t) for t in side_by_side([part, nothing])] == [
        "TRY\u00a038,921.00", "TRY\u00a00.00",
    ]  # fmt: skip
    assert [plain(t) for t in side_by_side([part, whole])] == ["TRY\u00a038,921.00", "JP¥17,000"]


def test_amounts_in_one_currency_need_no_rate_and_a_mix_is_refused() -> None:
    """The one rule behind the deal summary, its changes and the risk signal (review rev31,
    3): totals all converted are compared converted; all in one currency without a rate, in
    it; a mix with a currency that has no rate, or amounts of no known currency, not at all."""
    book = RateBook("EUR", date(2026, 11, 15), RATES)
    whole = book.total([(Decimal(17000), "JPY")])
    liras = book.total([(Decimal(100), "TRY"), (Decimal(50), "TRY")])
    more = book.total([(Decimal(300), "TRY")])
    nothing = book.total([])
    assert in_one_currency([whole, nothing]) == ("EUR", (Decimal(100), Decimal(0)))
    assert in_one_currency([liras, more]) == ("TRY", (Decimal(150), Decimal(300)))
    assert in_one_currency([liras, nothing]) == ("TRY", (Decimal(150), Decimal(0)))
    assert (liras.currency, liras.amount) == ("TRY", Decimal(150))
    assert in_one_currency([liras, whole]) is None
    mixed = book.total([(Decimal(100), "TRY"), (Decimal(17000), "JPY")])
    assert (mixed.currency, mixed.amount) == (None, None)
    unknown = book.total([(Decimal(5), NO_CURRENCY)])
    assert unknown.amount is None and in_one_currency([unknown]) is None


def test_the_note_under_amounts_says_what_they_are() -> None:
    book = RateBook("EUR", date(2026, 11, 15), RATES)
    whole = book.total([(Decimal(17000), "JPY")])
    part = book.total([(Decimal(38921), "TRY"), (Decimal(1), "IRR")])
    assert [plain(t) for t in amounts_note([whole], "EUR")] == [
        "Amounts in EUR at the exchange rates of 1 Nov 2026."
    ]
    assert [plain(t) for t in amounts_note([whole, part], "EUR")] == [
        "No exchange rates from IRR, TRY to EUR: a total that includes an amount in those "
        "currencies is shown per currency, as entered, and not converted.",
        "The other totals are in EUR at the exchange rates of 1 Nov 2026.",
        "Add the rates in the Reports screen (Exchange rates…) or with “accountdesk rates add”.",
    ]
    only = book.total([(Decimal(38921), "TRY")])
    assert [plain(t) for t in amounts_note([only, book.total([])], "EUR")][:2] == [
        "No exchange rate from TRY to EUR: a total that includes an amount in that currency is "
        "shown per currency, as entered, and not converted.",
        "The other totals are in EUR.",
    ]


def test_amounts_all_in_one_currency_without_a_rate_are_reported_in_it() -> None:
    book = RateBook("EUR", date(2026, 11, 15), RATES)
    assert book.for_amounts([]) is book
    assert book.for_amounts(["JPY", "jpy"]) is book  # it has a rate: converted
    assert book.for_amounts(["TRY", "JPY"]) is book  # two: per currency, the rest in EUR
    alone = book.for_amounts(["try", "TRY"])
    assert (alone.reporting, alone.asked, book.asked) == ("TRY", "EUR", "EUR")
    won, lost = alone.total([(Decimal(38921), "TRY")]), alone.total([])
    assert [plain(t) for t in side_by_side([won, lost])] == ["TRY\u00a038,921.00", "TRY\u00a00.00"]
    assert [plain(t) for t in amounts_note([won, lost], alone.reporting, alone.asked)] == [
        "No exchange rate from TRY to EUR: all amounts are shown in TRY, as entered, and not "
        "converted.",
        "Add the rate in the Reports screen (Exchange rates…) or with “accountdesk rates add”.",
    ]
    assert alone.for_amounts(["TRY"]) is alone
    assert alone.convert(Decimal(1), "TRY") == Decimal(1)
    # the currency the report was asked in stays named
    other = alone.for_amounts(["JPY"])  # no JPY to TRY rate
    assert (other.reporting, other.asked) == ("JPY", "EUR")


def test_amounts_are_written_in_the_report_language() -> None:
    book = RateBook("EUR", D2, RATES)
    total = book.total([(Decimal("31226.5"), "EUR")])
    with i18n.use_language("lv"):
        assert total_text(total) == "31\xa0226,50\xa0€"
    with i18n.use_language("fa"):
        assert "۳۱٬۲۲۶٫۵۰" in total_text(total)


def test_rates_entered_replaced_listed_and_deleted(db: Database) -> None:
    assert save_rate(db, RateInput("jpy", "160.52", "2026-11-01"), "EUR") is False
    assert save_rate(db, RateInput("JPY", "161", "2026-11-01"), "EUR") is True  # replaced
    save_rate(db, RateInput("EUR", "0.0061", "2026-10-01", base="JPY"), "EUR")
    rows = list_rates(db)
    assert [(r.base, r.currency, r.rate, r.valid_on) for r in rows] == [
        ("EUR", "JPY", Decimal(161), D2),
        ("JPY", "EUR", Decimal("0.0061"), D1),
    ]
    book = rate_book(db, D2, "EUR")
    assert book.convert(Decimal(322), "JPY") == Decimal(2)
    delete_rate(db, rows[0].id)
    assert len(list_rates(db)) == 1


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (RateInput("XYZ", "1", "2026-11-01"), "ISO 4217"),
        (RateInput("EUR", "1", "2026-11-01"), "base currency itself"),
        (RateInput("JPY", "abc", "2026-11-01"), "not a number"),
        (RateInput("JPY", "-3", "2026-11-01"), "more than 0"),
        (RateInput("JPY", "160", "1 Nov"), "not a date"),
    ],
)
def test_a_bad_rate_is_refused_with_a_reason(db: Database, data: RateInput, words: str) -> None:
    with pytest.raises(Exception, match=words):
        save_rate(db, data, "EUR")
    assert list_rates(db) == []


def test_import_a_csv_of_rates(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "rates.csv"
    path.write_text("date;currency;rate\n2026-11-01;JPY;160.5\n\n2026-11-01;THB;38.2\n")
    done = import_rates(db, path, "EUR")
    assert (done.added, done.replaced) == (2, 0)
    assert done.summary() == "Imported 2 exchange rates."
    headless = tmp_path / "plain.csv"
    headless.write_text("JPY,161,2026-11-01,EUR\nKRW,1400,2026-11-01,USD\n")
    done = import_rates(db, headless, "EUR")
    assert (done.added, done.replaced) == (1, 1)
    assert {(r.base, r.currency, r.rate) for r in list_rates(db)} == {
        ("EUR", "JPY", Decimal(161)),
        ("EUR", "THB", Decimal("38.2")),
        ("USD", "KRW", Decimal(1400)),
    }


def test_a_bad_csv_names_row_and_column_and_imports_nothing(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "rates.csv"
    path.write_text(
        "currency,rate,date\nJPY,160,2026-11-01\nYEN,160,2026-11-01\nTHB,,2026-11-01\n"
        "KRW,1400,2026-13-01\nJPY,161,2026-11-01\n"
    )
    with pytest.raises(RatesImportError) as caught:
        import_rates(db, path, "EUR")
    problems = caught.value.problems
    assert problems[0] == (
        "Row 3, column “currency”: “YEN” is not an ISO 4217 currency code (for example EUR)."
    )
    assert problems[1] == "Row 4, column “rate”: the value is missing."
    assert problems[2].startswith("Row 5, column “date”: “2026-13-01” is not a date")
    assert problems[3] == "Row 6 repeats the rate of JPY on 1 Nov 2026 (row 2); keep one."
    assert "(and 3 more problems)" in caught.value.message
    assert caught.value.message.endswith("Nothing was imported.")
    assert list_rates(db) == []
    missing = tmp_path / "nothing.csv"
    missing.write_text("currency,rate\nJPY,160\n")
    with pytest.raises(RatesImportError, match="no column “date”"):
        import_rates(db, missing, "EUR")


def test_reporting_currency_defaults_to_my_countrys(db: Database) -> None:
    assert settings.reporting_currency(db) == settings.FALLBACK_CURRENCY
    settings.put(db, "user.country", "TH")
    assert settings.reporting_currency(db) == "THB"  # CLDR territory currency
    assert settings.put(db, "report.currency", " usd ") == "USD"
    assert settings.reporting_currency(db) == "USD"
    with pytest.raises(settings.SettingError, match="ISO 4217"):
        settings.put(db, "report.currency", "dollars")
    settings.put(db, "report.currency", "")
    assert settings.reporting_currency(db) == "THB"


def test_rates_on_the_command_line(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from accountdesk.cli import main

    base = ["--db", str(db.path or db.url)]
    assert main(["rates", "add", "JPY", "172.4", "--date", "2026-11-01", *base]) == 0
    assert capsys.readouterr().out == "Added the rate.\n"
    assert (
        main(["rates", "add", "KRW", "1400", "--date", "2026-11-01", "--base", "USD", *base]) == 0
    )
    assert main(["rates", "add", "JPY", "abc", *base]) == 1
    assert "“abc”: is not a number" in capsys.readouterr().err
    bad = tmp_path / "r.csv"
    bad.write_text("currency,rate,date\nTHB,38,2026-11-01\nTHB,38,someday\n")
    assert main(["rates", "import", str(bad), *base]) == 1
    err = capsys.readouterr().err
    assert err.startswith("accountdesk: Row 3, column “date”: “someday” is not a date")
    assert err.rstrip().endswith("Nothing was imported.")
    assert main(["rates", "list", *base]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Reporting currency: EUR"
    assert [line.split("\t")[:2] for line in lines[1:]] == [
        ["1 Nov 2026", "1 EUR = 172.4 JPY"],
        ["1 Nov 2026", "1 USD = 1,400 KRW"],
    ]
    rate_id = lines[1].split("\t")[2]
    # written as the language writes numbers, as the Exchange rates dialog writes them: the
    # list printed "۱۷۲.۴" (an ASCII point) in Persian and "7.85" in Latvian, never grouped
    assert main(["rates", "add", "IRR", "45000000", "--date", "2026-10-01", *base]) == 0
    for lang, expected in (
        ("fa", ["۱ EUR = ۱۷۲٫۴ JPY", "۱ USD = ۱٬۴۰۰ KRW", "۱ EUR = ۴۵٬۰۰۰٬۰۰۰ IRR"]),
        ("lv", ["1 EUR = 172,4 JPY", "1 USD = 1\xa0400 KRW", "1 EUR = 45\xa0000\xa0000 IRR"]),
        ("sl", ["1 EUR = 172,4 JPY", "1 USD = 1400 KRW", "1 EUR = 45.000.000 IRR"]),
    ):
        capsys.readouterr()
        assert main(["rates", "list", "--lang", lang, *base]) == 0
        listed = [ln.split("\t")[1] for ln in capsys.readouterr().out.splitlines()[1:]]
        assert listed == expected, (lang, listed)
    assert main(["rates", "delete", rate_id, *base]) == 0
    assert [r.currency for r in list_rates(db)] == ["KRW", "IRR"]


@pytest.mark.parametrize(
    ("currency", "symbol"),
    [("MXN", "MX$"), ("CNY", "CN¥"), ("CAD", "CA$"), ("HKD", "HK$"), ("BRL", "R$")],
)
def test_a_foreign_symbol_reads_the_same_way_in_a_persian_report(
    currency: str, symbol: str
) -> None:
    """CLDR's Persian "$MX" and "¥CN" (the order they would show in inside right-to-left
    text) came out reversed, since the Persian amount is laid out left to right (it starts
    with a left-to-right mark): "$MX ۴۷٬۹۴۳٫۰۰" beside "R$ ۱۵٬۴۸۲٫۰۰"."""
    from accountdesk.core.money import money_text
    from accountdesk.core.reports.textlayout import TextStyle, layout

    with i18n.use_language("fa"):
        text = money_text(Decimal(47943), currency)
    assert plain(text) == f"{symbol}\xa0۴۷٬۹۴۳٫۰۰"
    (line,) = layout(text, 1e9, TextStyle(), rtl=True)  # as a cell of a Persian table shows it
    assert line.visual_text == f"{symbol}\xa0۴۷٬۹۴۳٫۰۰"
    with i18n.use_language("th"):
        assert money_text(Decimal(5), currency).startswith(symbol)
