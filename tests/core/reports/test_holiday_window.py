"""The account report looks as far ahead for holidays and seasons as the account's and its
contacts' panels do (review rev31, 9): the panels showed the next 90 days, Ramadan of February
2027 among them, the report "the next 60 days" and only New Year's Day. One window,
``culture.panel.UPCOMING_DAYS`` (``upcoming_until``), read by both."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from accountdesk.core import i18n
from accountdesk.core.culture.panel import UPCOMING_DAYS, reach_out_summary, upcoming_until
from accountdesk.core.db.engine import open_database
from accountdesk.core.records import AccountInput
from accountdesk.core.reports import documents as d
from accountdesk.core.services.accounts import create_account

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")

NOW = datetime(2026, 12, 2, 9, tzinfo=UTC)


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(unicodedata.normalize("NFKC", out.stdout).split())


def test_the_account_report_lists_what_the_panel_lists(tmp_path: Path) -> None:
    assert upcoming_until(date(2026, 12, 2)) == date(2027, 3, 2)
    panel = reach_out_summary(
        country="TR", subdivision=None, zone="Europe/Istanbul", user_zone="Europe/Istanbul",
        now=NOW, lang="en",
    )  # fmt: skip
    seasons = [s for s in panel.upcoming_seasons if s.start > date(2027, 1, 31)]
    # Ramadan from 8 February 2027, 68 days ahead: in the panel, and beyond the old 60 days
    assert [s.name for s in seasons] == ["Ramadan"], panel.upcoming_seasons
    db = open_database(tmp_path / "tr.db")
    try:
        account = create_account(
            db, AccountInput(name="Ege Lojistik A.Ş.", country="TR", timezone="Europe/Istanbul")
        )
        pdf = tmp_path / "report.pdf"
        d.account_report(db, account, pdf, lang="en", now=NOW, user_zone="Europe/Istanbul")
    finally:
        db.close()
    text = _text(pdf)
    assert f"Holidays and seasons (next {UPCOMING_DAYS} days)" in text
    section = text[text.index("Holidays and seasons (next") : text.index("Cultural briefing")]
    with i18n.use_language("en"):
        ramadan = f"{i18n.format_date(seasons[0].start)} – {i18n.format_date(seasons[0].end)}"
        days = [i18n.format_date(h.date) for h in panel.upcoming_holidays]
    assert ramadan in section and "Ramadan" in section, section
    assert days and all(day in section for day in days), (days, section)  # on paper too
