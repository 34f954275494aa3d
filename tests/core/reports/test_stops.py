"""A sentence of a report that ends with an inserted value ending in a period of its own (a
Latvian abbreviated month, "2026. gada 29. nov.") is not given a second one (QA: "Šis periods:
… 29. nov.. Iepriekšējais …", "pēdējā saziņa: 2024. gada 10. sept.." in the at-risk table)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import isolate, plain
from accountdesk.core.metrics import Period, RiskScore
from accountdesk.core.money import Rate, RateBook, amounts_note
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.data import RiskFacts

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
YEAR = Period(date(2025, 11, 30), date(2026, 11, 29))
RATE_DAY = date(2026, 11, 27)


def _drawn(lang: str, text: str) -> str:
    """What the report draws of ``text``, without the isolates."""
    return plain(d._context(lang, NOW, "Europe/Riga").text(text))


@pytest.mark.parametrize("lang", ["lv", "en", "sl", "tr", "th", "fa"])
def test_the_period_note_has_one_stop_after_its_dates(lang: str) -> None:
    ctx = d._context(lang, NOW, "Europe/Riga")
    with i18n.use_language(lang):
        note = plain(d._period_note(ctx, YEAR, YEAR.previous()).text)
        end = plain(ctx.date(YEAR.end))
    assert ".." not in note
    assert end in note
    if lang == "lv":
        assert end.endswith("nov.")  # the abbreviation keeps its own period
        assert f"{end} Iepriekšējais" in note


def test_the_next_step_ends_with_one_stop_after_an_abbreviated_month() -> None:
    ctx = d._context("lv", NOW, "Europe/Riga")
    facts = RiskFacts(
        account_id="a", signals=None, score=RiskScore(4, (), None),  # type: ignore[arg-type]
        oldest_overdue=None, detractor=None, contact="Fatma Demir",
        last_touch=date(2024, 9, 10), currency="EUR",
    )  # fmt: skip
    with i18n.use_language("lv"):
        step = _drawn("lv", d._next_step(ctx, facts, "Anna Ozola"))
        day = plain(ctx.date(date(2024, 9, 10)))
    assert day.endswith("sept.")
    assert step.endswith(f"{day}")
    assert not step.endswith("..")


#: How a Latvian note whose last value is a date abbreviated with a stop may end: the date
#: itself, or a bracket that holds it and the sentence's stop (the wording the translation
#: uses keeps the month out of a case a preposition would govern)
ENDINGS = ("nov.", "nov.).")


def test_the_money_note_ends_with_one_stop_after_its_rate_day() -> None:
    book = RateBook("EUR", date(2026, 11, 29), [Rate("EUR", "GBP", Decimal("0.85"), RATE_DAY)])
    with i18n.use_language("lv"):
        lines = amounts_note([book.total([(Decimal(10), "GBP")])], "EUR")
        day = plain(i18n.format_date(RATE_DAY))
    assert day.endswith("nov.")
    # the note has one stop already (money uses i18n.single_stops), and is drawn as it is; the
    # date ends it, or a bracket that holds it ("(kursu datums: 2026. gada 27. nov.).")
    assert ".." not in plain(lines[0]) and plain(lines[0]).endswith(ENDINGS)
    assert [_drawn("lv", line) for line in lines] == [plain(lines[0])]


@pytest.mark.parametrize(
    ("value", "drawn"),
    [
        ("2026. gada 29. nov.", "2026. gada 29. nov."),  # an abbreviation ends the sentence
        ("Azteca Cerámica S.A. de C.V.", "Azteca Cerámica S.A. de C.V."),
        ("Follow up…", "Follow up…"),
        ("Follow up...", "Follow up..."),  # an ellipsis stays three dots
        ("29 November 2026", "29 November 2026."),  # a value without a period gets the stop
        ("Yahoo!", "Yahoo!."),  # only a period is not doubled
    ],
)
def test_a_stop_after_an_inserted_value(value: str, drawn: str) -> None:
    text = f"Last: {isolate(value)}. Next line."
    assert _drawn("en", text) == f"Last: {drawn} Next line."


def test_the_reports_screens_rate_note_has_one_stop_after_its_date() -> None:
    """The Reports screen shows money.rates_used_text as it is (no report context): the rule
    lives in i18n, so the screen's note is not "… 27. nov.." either."""
    from accountdesk.core.money import MoneyTotal, rates_used_text

    total = MoneyTotal(
        subtotals={"USD": Decimal(10)}, reporting="EUR", converted=Decimal(9),
        rate_dates=(RATE_DAY,), count=1,
    )  # fmt: skip
    with i18n.use_language("lv"):
        note = plain(rates_used_text([total], "EUR"))
    assert note.endswith(ENDINGS) and ".." not in note
