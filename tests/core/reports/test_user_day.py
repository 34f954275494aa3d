"""The user's day is the date in their zone, not UTC's (timekeeping.zones.user_day): at
2026-11-29 02:00 UTC it is 09:00 on the 29th in Bangkok and 18:00 on the 28th in Los
Angeles. The CLI's default rate day and a report's "Generated" date follow it."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from accountdesk.core import i18n, settings
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.metrics import Period
from accountdesk.core.queries.rates import list_rates
from accountdesk.core.reports import cli
from accountdesk.core.reports import documents as d
from accountdesk.core.timekeeping.zones import user_day

INSTANT = datetime(2026, 11, 29, 2, 0, tzinfo=UTC)
DAYS = [("Asia/Bangkok", date(2026, 11, 29)), ("America/Los_Angeles", date(2026, 11, 28))]


@pytest.mark.parametrize(("zone", "day"), DAYS)
def test_the_users_day_is_the_date_in_their_zone(zone: str, day: date) -> None:
    assert user_day(INSTANT, zone) == day
    assert user_day(INSTANT, "UTC") == date(2026, 11, 29)
    with pytest.raises(ValueError):
        user_day(INSTANT.replace(tzinfo=None), zone)


@pytest.mark.parametrize(("zone", "day"), DAYS)
def test_a_report_is_dated_in_the_users_zone(
    db: Database, tmp_path: Path, zone: str, day: date
) -> None:
    ctx = d._context("en", INSTANT, zone)
    assert ctx.today == day
    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext")
    pdf = tmp_path / "p.pdf"
    period = Period(date(2026, 1, 1), date(2026, 11, 28))
    d.portfolio_report(db, pdf, period, lang="en", now=INSTANT, user_zone=zone)
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    text = " ".join(unicodedata.normalize("NFKC", out.stdout).split())
    with i18n.use_language("en"):
        assert f"Generated {i18n.format_date(day, 'long')}" in text


@pytest.mark.parametrize(("zone", "day"), DAYS)
def test_a_rate_added_without_a_date_is_of_the_users_day(
    db: Database, monkeypatch: pytest.MonkeyPatch, zone: str, day: date
) -> None:
    from accountdesk.cli import main

    settings.put(db, "user.zone", zone)
    monkeypatch.setattr(cli, "clock", fixed_clock(INSTANT))
    assert main(["rates", "add", "JPY", "172.4", "--db", str(db.path or db.url)]) == 0
    assert [(r.currency, r.valid_on) for r in list_rates(db)] == [("JPY", day)]
