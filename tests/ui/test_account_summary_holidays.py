"""The account view's "Before you reach out" summary names a day's holidays once, under that
day, as the contact's panel does (core/culture/calendar.py::by_day)."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from typing import Any

from accountdesk.core.bidi import plain
from accountdesk.core.clock import fixed_clock
from accountdesk.ui import tasks
from accountdesk.ui.accounts.view import AccountView


def test_a_day_of_three_holidays_is_one_entry_and_the_next_days_follow(
    ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    """Seen in a Thai tour: Thailand's 5 December is three public holidays, and the account
    summary said "Holidays: Sat 5 Dec: …; Sat 5 Dec: National Day; Sat 5 Dec: National
    Father's Day", the day three times, and nothing after it (its three entries were the
    three holidays of that one day: Monday's substitute day and 10 December were left out)."""
    ctx.clock = fixed_clock(datetime(2026, 12, 1, 3, 0, tzinfo=UTC))  # Tuesday, 10:00 Bangkok
    view = AccountView(ctx, sample["bangkok"])
    qtbot.addWidget(view)
    assert tasks.wait_all()
    rows = [html.unescape(plain(row)) for row in view.culture.body.text().split("<br>")]
    line = next(row for row in rows if row.startswith("Holidays"))
    assert line.count("5 Dec") == 1, line
    assert "National Day" in line and "Father" in line, line
    assert "Mon 7 Dec" in line, line  # the substitute day, the next day off there
    assert "Thu 10 Dec" in line, line  # Constitution Day: three days, as three entries


def _rows(text: str) -> list[str]:
    return [html.unescape(plain(re.sub(r"<[^>]*>", "", row))) for row in text.split("<br>")]


def test_an_account_without_a_zone_in_a_country_of_several_clocks_shows_no_time(
    ctx: Any, qtbot: Any
) -> None:
    """An account read from a file keeps no zone where nothing tells it: its summary showed
    Lord Howe Island's time for one in Sydney (the first zone zone.tab lists for Australia).
    It says what is missing instead, and the country's holidays still follow."""
    from accountdesk.ui.culture_panel import CultureSummary

    ctx.clock = fixed_clock(datetime(2027, 1, 26, 3, 0, tzinfo=UTC))  # Australia Day
    summary = CultureSummary(ctx, asynchronous=False)
    qtbot.addWidget(summary)
    summary.show_place("AU", "NSW", None)
    rows = _rows(summary.body.text())
    assert "Australia keeps several clocks" in rows[0], rows
    assert not any(row.startswith("Local time") for row in rows), rows
    assert any(row.startswith("Holidays: Tue 26 Jan: Australia Day") for row in rows), rows
    summary.show_place("AU", "VIC", None)  # the region tells it: Melbourne, 14:00
    rows = _rows(summary.body.text())
    assert rows[0].startswith("Local time 14:00"), rows
