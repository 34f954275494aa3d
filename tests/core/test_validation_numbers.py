"""Numbers as people type them (validation.decimal): read as the user's language writes them,
refused with what to write when they read two ways, never silently scaled; files (CSV imports)
read alike in every language."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from accountdesk.core import i18n
from accountdesk.core import validation as v
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account
from accountdesk.core.io.csv_format import CsvImportError
from accountdesk.core.io.csv_io import import_csv
from accountdesk.core.queries.rates import list_rates
from accountdesk.core.records import AccountInput, clean_account
from accountdesk.core.services.activity import DealInput, _clean_deal
from accountdesk.core.services.rates import RateInput, RatesImportError, import_rates, save_rate

LANGUAGES = tuple(i18n.LANGUAGES)


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The messages in English in every language (what they say is checked here; the
    catalogs' own tests check their translations), while numbers follow the language."""
    import gettext

    monkeypatch.setattr(i18n, "_translations", gettext.NullTranslations)


def _read(lang: str, text: str) -> Decimal | None:
    with i18n.use_language(lang):
        return v.decimal("amount", text)


def _refusal(lang: str, text: str, *, from_file: bool = False) -> v.ValidationError:
    with i18n.use_language(lang), pytest.raises(v.ValidationError) as caught:
        v.decimal("amount", text, from_file=from_file)
    return caught.value


@pytest.mark.parametrize(
    ("lang", "text", "number"),
    [
        # English and Thai: the comma groups thousands, the point separates decimals
        ("en", "12,000", "12000"),
        ("en", "1,500", "1500"),
        ("en", "1,234,567", "1234567"),
        ("en", "1,234.5", "1234.5"),
        ("en", "12,000.00", "12000"),
        ("en", "1.5", "1.5"),
        ("en", "1.500", "1.5"),
        ("en", "12 000", "12000"),
        ("en", "-1,500", "-1500"),
        ("en", "\u22122.5", "-2.5"),
        ("en", "+7", "7"),
        ("en", ".5", "0.5"),
        ("th", "12,000", "12000"),
        ("th", "๑๒๓๔.๕", "1234.5"),
        ("th", "๑,๒๓๔.๕", "1234.5"),
        # a decimal comma: Latvian, Slovenian, Turkish
        ("lv", "12,5", "12.5"),
        ("sl", "12,5", "12.5"),
        ("tr", "12,5", "12.5"),
        ("lv", "12,000", "12"),  # the comma is the decimal separator there
        ("lv", "1\u00a0234,5", "1234.5"),  # CLDR's Latvian grouping: a no-break space
        ("lv", "1 234,5", "1234.5"),
        ("sl", "1.500,25", "1500.25"),  # only grouping gives the point here
        ("tr", "1.234.567", "1234567"),
        ("sl", "1.234.567,5", "1234567.5"),
        ("sl", "1.5", "1.5"),  # pasted: the point is a decimal point everywhere
        ("tr", "1234.5", "1234.5"),
        ("sl", "1234.500", "1234.5"),  # four digits before it: no grouping
        ("tr", "0.500", "0.5"),  # a group cannot start with 0
        ("sl", "\u22121,5", "-1.5"),  # Slovenian's own minus sign
        # Persian: its own digits and the Arabic separators, Latin ones too
        ("fa", "۱۲۳۴٫۵", "1234.5"),
        ("fa", "۱٬۲۳۴٫۵", "1234.5"),
        ("fa", "\u200e\u2212۳۳", "-33"),  # as format_number writes a negative number
        ("fa", "1,234.5", "1234.5"),
        ("fa", "١٢٣٤٫٥", "1234.5"),  # Arabic-Indic digits
        ("en", "۱۲۳۴٫۵", "1234.5"),  # the Arabic separators mean one thing everywhere
        ("en", "", None),
        ("en", "  ", None),
    ],
)
def test_a_number_is_read_as_the_language_writes_it(
    lang: str, text: str, number: str | None
) -> None:
    assert _read(lang, text) == (None if number is None else Decimal(number))


@pytest.mark.parametrize(
    ("lang", "text", "example"),
    [
        ("en", "12,5", "1234.5"),  # a comma never separates decimals in English
        ("en", "1,23,456", "1234.5"),  # groups of three only
        ("en", "1.234.567", "1234.5"),
        ("en", "1.500,25", "1234.5"),
        ("en", "12,", "1234.5"),
        ("th", "12,5", "1234.5"),
        ("lv", "1,234.5", "1234,5"),  # English grouping in a language with a decimal comma
        ("sl", "1,234,567", "1234,5"),
        ("sl", "12.34.567", "1234,5"),
        ("fa", "12,5", "۱۲۳۴٫۵"),
        ("en", "1e3", "1234.5"),
        ("en", "NaN", "1234.5"),
        ("en", "twelve", "1234.5"),
        ("en", "- 5", "1234.5"),
    ],
)
def test_what_is_no_number_in_the_language_is_refused_with_an_example(
    lang: str, text: str, example: str
) -> None:
    error = _refusal(lang, text)
    assert error.reason == f"is not a number; write it like {example}"
    assert error.key == "amount" and error.value == text
    with i18n.use_language(lang):
        assert v.decimal("amount", example) == Decimal("1234.5")  # the example is accepted


@pytest.mark.parametrize(
    ("lang", "text", "whole", "fraction"),
    [
        ("sl", "1.500", "1500", "1,5"),
        ("tr", "1.500", "1500", "1,5"),
        ("lv", "12.000", "12000", "12"),  # Latvians group with a point too, often
        ("sl", "\u22121.250", "-1250", "-1,25"),
        ("tr", "999.999", "999999", "999,999"),
    ],
)
def test_a_point_that_may_group_thousands_or_separate_decimals_is_refused_with_both_ways(
    lang: str, text: str, whole: str, fraction: str
) -> None:
    error = _refusal(lang, text)
    assert error.reason == f"is unclear: write {whole} or {fraction}, whichever you mean"
    with i18n.use_language(lang):  # both ways are read as meant
        assert v.decimal("amount", whole) == Decimal(whole.replace(",", "."))
        assert v.decimal("amount", fraction) == Decimal(fraction.replace(",", "."))


def test_refusals_are_translated_and_name_field_and_value() -> None:
    error = _refusal("lv", "1.500")
    with i18n.use_language("lv"):
        assert v.label("amount") in str(error)
    assert "“1.500”" in str(error)


def test_the_numbers_the_app_writes_are_read_back() -> None:
    """format_number's own text is accepted, except Slovenian and Turkish whole thousands
    (1.500), which the language writes exactly like a pasted 1.5."""
    for lang in LANGUAGES:
        with i18n.use_language(lang):
            for number in (Decimal("1234.5"), Decimal("1234567.25"), Decimal("-0.75")):
                assert v.decimal("amount", i18n.format_number(number)) == number
                assert v.decimal("amount", i18n.format_decimal(number, 2)) == number
    with i18n.use_language("fa"):
        assert i18n.format_number(Decimal("1234.5")) == "۱٬۲۳۴٫۵"
        assert v.decimal("amount", "۱۲۳۴٫۵") == Decimal("1234.5")
    with i18n.use_language("sl"):
        assert v.decimal("amount", i18n.format_number(1500000)) == 1500000  # 1.500.000
        with pytest.raises(v.ValidationError, match="unclear"):
            v.decimal("amount", i18n.format_number(1500))


@settings(max_examples=60)
@given(
    lang=st.sampled_from(LANGUAGES),
    number=st.decimals(
        min_value=-(10**9), max_value=10**9, places=3, allow_nan=False, allow_infinity=False
    ),
)
def test_a_number_field_reads_back_what_it_shows(lang: str, number: Decimal) -> None:
    """What an editor shows for a stored amount (format_number_input) is read back exactly,
    as typed and as written in a file."""
    with i18n.use_language(lang):
        shown = v.format_number_input(number)
        assert v.decimal("amount", shown) == number
        assert v.decimal("amount", v.format_number_input(number, in_file=True), from_file=True) == (
            number
        )


def test_editors_show_a_number_in_the_languages_form() -> None:
    with i18n.use_language("sl"):
        assert v.format_number_input(Decimal("12.345")) == "12,345"
    with i18n.use_language("fa"):
        assert v.format_number_input(Decimal("-1234.5")) == "-۱۲۳۴٫۵"
    with i18n.use_language("en"):
        assert v.format_number_input(Decimal("12.345")) == "12.345"


def test_every_service_that_takes_an_amount_reads_the_language() -> None:
    """Deal amounts, acquisition costs and exchange rates typed in the app (gift values take
    the same function)."""
    with i18n.use_language("en"):
        deal = _clean_deal(DealInput("a", "Licences", "12,000", "EUR"))
        assert deal["amount"] == Decimal(12000)
        account = clean_account(AccountInput("Dzintars", "LV", acquisition_cost="1,500"))
        assert account["acquisition_cost"] == Decimal(1500)
    with i18n.use_language("tr"):
        deal = _clean_deal(DealInput("a", "Lisans", "12.000,50", "TRY"))
        assert deal["amount"] == Decimal("12000.50")
        with pytest.raises(v.ValidationError, match="unclear"):
            _clean_deal(DealInput("a", "Lisans", "12.000", "TRY"))


def test_a_typed_rate_that_reads_two_ways_says_both(db: Database) -> None:
    with i18n.use_language("sl"), pytest.raises(v.ValidationError) as caught:
        save_rate(db, RateInput("USD", "1.105", "2026-11-01"), "EUR")
    assert caught.value.key == "rate"
    assert caught.value.reason == "is unclear: write 1105 or 1,105, whichever you mean"
    with i18n.use_language("sl"):
        save_rate(db, RateInput("USD", "1,105", "2026-11-01"), "EUR")
    assert [r.rate for r in list_rates(db)] == [Decimal("1.105")]


# --- files: alike in every language ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1500.5", "1500.5"),
        ("1.500", "1.5"),  # a single point is a decimal point (what the CSV export writes)
        ("1,5", "1.5"),  # a spreadsheet with a decimal comma
        ("1.234,5", "1234.5"),
        ("1,234.5", "1234.5"),
        ("1.234.567", "1234567"),
        ("1 500", "1500"),
        ("", None),
    ],
)
def test_a_number_in_a_file_is_read_alike_in_every_language(text: str, number: str) -> None:
    expected = None if number is None else Decimal(number)
    for lang in LANGUAGES:
        with i18n.use_language(lang):
            assert v.decimal("amount", text, from_file=True) == expected


def test_a_comma_before_three_digits_in_a_file_is_refused_in_every_language() -> None:
    error = _refusal("en", "1,500", from_file=True)
    assert str(error) == "Amount “1,500”: is unclear: write 1500 or 1.5, whichever you mean"
    for lang in LANGUAGES:  # the ways to write it are a file's, in every language
        with i18n.use_language(lang), pytest.raises(v.ValidationError, match=r"1500 .* 1\.5,"):
            v.decimal("amount", "1,500", from_file=True)


def _csv(path: Path, rows: list[tuple[str, str]]) -> Path:
    lines = ["account_name,account_country,account_acquisition_cost"]
    lines += [f'{name},LV,"{cost}"' for name, cost in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "sl", "fa"])
def test_a_csv_import_reads_costs_alike_in_every_language(
    db: Database, tmp_path: Path, lang: str
) -> None:
    path = _csv(
        tmp_path / "accounts.csv",
        [("Point", "1.500"), ("Comma", "1,5"), ("Grouped", "12,000.00"), ("Plain", "1500")],
    )
    with i18n.use_language(lang):
        import_csv(db, path)
    with db.reader() as session:
        rows = session.execute(select(Account.name, Account.acquisition_cost))
        costs = {name: cost for name, cost in rows}
    assert costs == {
        "Point": Decimal("1.5"),
        "Comma": Decimal("1.5"),
        "Grouped": Decimal(12000),
        "Plain": Decimal(1500),
    }


def test_a_csv_cost_that_reads_two_ways_is_refused_with_its_row(
    db: Database, tmp_path: Path
) -> None:
    path = _csv(tmp_path / "accounts.csv", [("Fine", "10"), ("Unclear", "12,000")])
    with i18n.use_language("en"), pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    message = str(caught.value)
    assert "Row 3" in message and "account_acquisition_cost" in message
    assert "write 12000 or 12, whichever you mean" in message
    with db.reader() as session:
        assert session.scalars(select(Account)).all() == []


def test_a_rates_file_is_read_alike_in_every_language(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "rates.csv"
    path.write_text("currency;rate;date\nJPY;160,5;2026-11-01\nUSD;1.105;2026-11-01\n")
    for lang in ("en", "sl"):
        with i18n.use_language(lang):
            import_rates(db, path, "EUR")
        assert {(r.currency, r.rate) for r in list_rates(db)} == {
            ("JPY", Decimal("160.5")),
            ("USD", Decimal("1.105")),
        }
    unclear = tmp_path / "unclear.csv"
    unclear.write_text('currency,rate,date\nKRW,"1,400",2026-11-01\n')
    with i18n.use_language("en"), pytest.raises(RatesImportError) as caught:
        import_rates(db, unclear, "EUR")
    assert caught.value.problems == [
        "Row 2, column “rate”: “1,400” is unclear: write 1400 or 1.4, whichever you mean."
    ]
