"""Chart axes in the report language's calendar: Solar Hijri months and quarters in Persian
(bucketed by core.calendars, named in Persian with Persian digits), Buddhist-era years
labelled in Thai, and no two-digit year anywhere on an axis or in a chart note."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from accountdesk.core import calendars, i18n
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import Account
from accountdesk.core.demo import generate
from accountdesk.core.metrics import Period
from accountdesk.core.reports import charts
from accountdesk.core.reports import documents as d

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
PERIOD = Period(date(2025, 12, 1), date(2026, 11, 28))
ASCII_DIGIT = re.compile(r"[0-9]")
TWO_DIGIT_YEAR = re.compile(r"(?<!\d)\d{1,2}/\d{2}(?![\d/])")


def test_persian_month_spans_come_from_the_solar_hijri_calendar() -> None:
    assert calendars.spans(date(2026, 3, 1), date(2026, 4, 30), 1, calendars.PERSIAN) == [
        (date(2026, 2, 20), date(2026, 3, 20)),  # Esfand 1404
        (date(2026, 3, 21), date(2026, 4, 20)),  # Farvardin 1405
        (date(2026, 4, 21), date(2026, 5, 21)),  # Ordibehesht 1405
    ]
    # Azar 1405 lies in the quarter Mehr–Azar (1 Mehr = 2026-09-23, 1 Dey = 2026-12-22)
    assert calendars.spans(NOW.date(), NOW.date(), 3, calendars.PERSIAN) == [
        (date(2026, 9, 23), date(2026, 12, 21))
    ]
    with pytest.raises(ValueError):
        calendars.spans(NOW.date(), NOW.date(), 5, calendars.PERSIAN)


@pytest.mark.parametrize("calendar", [calendars.GREGORIAN, calendars.BUDDHIST])
def test_gregorian_and_buddhist_buckets_are_the_calendar_months_and_quarters(
    calendar: str,
) -> None:
    got_months = calendars.spans(PERIOD.start, PERIOD.end, 1, calendar)
    assert [a for a, _b in got_months] == [date(2025, 12, 1)] + [
        date(2026, month, 1) for month in range(1, 12)
    ]
    assert got_months[2] == (date(2026, 2, 1), date(2026, 2, 28))
    got_quarters = calendars.spans(PERIOD.start, PERIOD.end, 3, calendar)
    assert got_quarters == [
        (date(2025, 10, 1), date(2025, 12, 31)),
        (date(2026, 1, 1), date(2026, 3, 31)),
        (date(2026, 4, 1), date(2026, 6, 30)),
        (date(2026, 7, 1), date(2026, 9, 30)),
        (date(2026, 10, 1), date(2026, 12, 31)),
    ]


def test_buckets_are_clipped_to_the_period_and_cover_it_without_gaps() -> None:
    with i18n.use_language("fa"):
        buckets = d.calendar_buckets(PERIOD, 1)
    assert buckets[0].start == PERIOD.start and buckets[-1].end == PERIOD.end
    assert all(b.start == a.end + timedelta(days=1) for a, b in itertools.pairwise(buckets))
    assert len(buckets) == 13  # 10 Azar 1404 … 7 Azar 1405: both Azars in part


def test_partial_note_names_solar_hijri_months() -> None:
    ctx = d.ReportContext("fa", True, NOW, "UTC")
    with i18n.use_language("fa"):
        note = d._partial_note(ctx, d.calendar_buckets(PERIOD, 1), "month")
    assert "آذر ۱۴۰۴" in note and "آذر ۱۴۰۵" in note
    assert not ASCII_DIGIT.search(note.split(":")[0])


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, str]]:
    db = open_database(tmp_path_factory.mktemp("chart_calendars") / "demo.db")
    generate(db, accounts=12, seed=5)
    with db.reader() as s:
        account = s.scalars(select(Account).order_by(Account.name)).first()
        assert account is not None
        account_id = account.id
    yield db, account_id
    db.close()


def _charts(
    monkeypatch: pytest.MonkeyPatch, build: Any, *args: Any, **kwargs: Any
) -> list[charts.Chart]:
    """The charts of a report's story (the PDF itself is not written)."""
    stories: list[list[Any]] = []
    monkeypatch.setattr(
        d, "_build", lambda target, ctx, title, subject, story: stories.append(story)
    )
    build(*args, **kwargs)
    return [f for f in stories[0] if isinstance(f, charts.Chart)]


def _axis_text(chart: charts.Chart) -> list[str]:
    """Each label as drawn, its lines joined again (a line keeps the space it broke at)."""
    return ["".join(lines) for lines in chart.category_lines()]


def test_persian_monthly_chart_counts_and_names_solar_hijri_months(
    demo: tuple[Database, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    db, account_id = demo
    monthly, *_ = _charts(
        monkeypatch, d.account_report, db, account_id, tmp_path / "a.pdf", lang="fa", now=NOW
    )
    labels = _axis_text(monthly)
    # the Solar Hijri months of the last 12 months to the day (8 Azar 1404 … 7 Azar 1405),
    # the figures' period, right to left; both Azars in part
    expected = [
        "آذر ۱۴۰۴", "دی ۱۴۰۴", "بهمن ۱۴۰۴", "اسفند ۱۴۰۴", "فروردین ۱۴۰۵", "اردیبهشت ۱۴۰۵",
        "خرداد ۱۴۰۵", "تیر ۱۴۰۵", "مرداد ۱۴۰۵", "شهریور ۱۴۰۵", "مهر ۱۴۰۵", "آبان ۱۴۰۵",
        "آذر ۱۴۰۵",
    ]  # fmt: skip
    assert labels == expected[::-1]
    assert not any(ASCII_DIGIT.search(label) for label in labels)
    assert "آذر ۱۴۰۴" in monthly.note and "آذر ۱۴۰۵" in monthly.note
    assert not ASCII_DIGIT.search(monthly.note.split(":")[0])


def test_thai_charts_label_buddhist_era_years_in_full(
    demo: tuple[Database, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    db, account_id = demo
    monthly, *_ = _charts(
        monkeypatch, d.account_report, db, account_id, tmp_path / "a.pdf", lang="th", now=NOW
    )
    labels = _axis_text(monthly)
    # 29 Nov 2568 … 28 Nov 2569: 13 months, each with its year whole (a 13th of a narrower
    # chart cut "พ.ศ. 2568" to "พ.ศ. 256")
    assert len(labels) == 13
    assert labels[0] == "พ.ย. พ.ศ.\u00a02568" and labels[-1] == "พ.ย. พ.ศ.\u00a02569"
    assert all(re.search(r"พ\.ศ\.\u00a025(68|69)$", label) for label in labels)
    assert not any(TWO_DIGIT_YEAR.search(label) for label in labels)
    trend, _nps = _charts(
        monkeypatch, d.portfolio_report, db, tmp_path / "p.pdf", PERIOD, lang="th", now=NOW
    )
    quarter_labels = _axis_text(trend)
    assert len(quarter_labels) == 5 and all("2569" in q or "2568" in q for q in quarter_labels)
    assert not any(re.search(r"(?<!\d)(68|69)(?!\d)", q) for q in quarter_labels)


def test_persian_portfolio_trend_is_by_solar_hijri_quarter(
    demo: tuple[Database, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    db, _account = demo
    trend, _nps = _charts(
        monkeypatch, d.portfolio_report, db, tmp_path / "p.pdf", PERIOD, lang="fa", now=NOW
    )
    with i18n.use_language("fa"):
        expected = [
            i18n.format_quarter(start)
            for start, _end in calendars.spans(PERIOD.start, PERIOD.end, 3, calendars.PERSIAN)
        ]
    # Azar 1404 (quarter 3) … Azar 1405 (quarter 3): five Solar Hijri quarters, right to left
    assert len(expected) == 5 and _axis_text(trend) == expected[::-1]
    assert all("۱۴۰" in q and "۲۰۲" not in q and not ASCII_DIGIT.search(q) for q in expected)


@pytest.mark.parametrize("lang", ["fa", "en", "th", "lv", "sl", "tr"])
def test_twenty_quarters_keep_their_years(lang: str) -> None:
    """Five years by quarter: a label that needs more than two lines in its category, or
    has a word wider than it, lost its year ("سه‌ماهه ۱ ۱۴۰۱", "1. četrt-letje 2022") or had a
    word cut ("ไตรมา-ส"); the short labels ("۱۴۰۱ Q۱") are laid out instead, all of them.
    Labels that fit stay as they are (English's "Q1 2022"; Turkish writes the quarter in
    three words, "2022 1. çeyrek", which do not fit twenty to a chart)."""
    from datetime import date as day

    from accountdesk.core import i18n
    from accountdesk.core.metrics import Period, calendar_periods

    with i18n.use_language(lang):
        quarters = calendar_periods(
            Period(day(2022, 1, 1), day(2026, 11, 30)), 3, i18n.current_calendar()
        )
        full = [i18n.format_quarter(q.start) for q in quarters]
        short = [i18n.format_quarter(q.start, compact=True) for q in quarters]
        chart = charts.line_chart(
            full, [charts.Series("NPS", [1.0] * len(full))], lang, rtl=lang == "fa",
            short_categories=short,
        )  # fmt: skip
    shown = ["".join(lines) for lines in chart.category_lines()]
    if lang == "fa":
        shown.reverse()  # in visual order: right to left

    def words(labels: list[str]) -> list[list[str]]:
        return [sorted(label.split()) for label in labels]

    assert words(shown) in (words(full), words(short)), shown  # whole, and all alike
    if lang == "en":
        assert words(shown) == words(full)
    else:
        assert words(shown) == words(short)


@pytest.mark.parametrize("lang", ["th", "fa", "en"])
def test_monthly_chart_counts_the_interactions_its_figures_count(
    db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lang: str
) -> None:
    """The chart covered "this month and the 11 before" while the figures above it count the
    last 12 months to the day: a meeting of 28 Dec 2025 in a report of 1 Dec 2026 was "1
    interaction" in the figures and in no bar (Gregorian and Buddhist era), and the days of
    Azar 1404 were in no Persian bar."""
    from accountdesk.core.records import AccountInput, ContactInput
    from accountdesk.core.services.accounts import create_account, create_contact
    from accountdesk.core.services.activity import InteractionInput, log_interaction

    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    account = create_account(db, AccountInput(name="Arya", country="IR", timezone="Asia/Tehran"))
    person = create_contact(
        db,
        ContactInput(account_id=account, given_name="رضا", family_name="رضایی", country="IR",
                     timezone="Asia/Tehran"),
    )  # fmt: skip
    for day in (date(2025, 12, 3), date(2025, 12, 28), date(2026, 11, 30)):  # in the period
        at = datetime.combine(day, time(10), tzinfo=UTC)
        log_interaction(db, InteractionInput("meeting", at, [person]), clock=lambda: now)
    old = datetime(2025, 11, 30, 10, tzinfo=UTC)  # the day before the period
    log_interaction(db, InteractionInput("call", old, [person]), clock=lambda: now)
    (monthly,) = _charts(
        monkeypatch, d.account_report, db, account, tmp_path / "a.pdf", lang=lang, now=now
    )
    bars = list(monthly.drawing.contents[0].data[0])
    if lang == "fa":
        bars.reverse()  # right to left
    with i18n.use_language(lang):
        first = i18n.format_month_compact(date(2025, 12, 2))
    assert sum(bars) == 3  # the figures' count: 2 Dec 2025 … 1 Dec 2026
    assert _axis_text(monthly)[-1 if lang == "fa" else 0] == first
    assert first in monthly.note  # the first month in part
    if lang != "fa":  # Gregorian months: December 2025's two, November 2026's one
        assert bars[0] == 2 and bars[-2] == 1 and len(bars) == 13
