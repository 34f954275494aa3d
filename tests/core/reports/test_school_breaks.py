"""The reports list the holidays a business keeps, not pupils' days off (review of 5d7011c):
an account report for a Bavarian account in July listed 43 days of "Summer Break" (the
holidays package's school category) beside Assumption Day, and a trip brief to Israel in
December listed each day of Hanukkah's school break. The rule is
``culture.calendar.observed_between``, which the reach-out panel calls as well."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from accountdesk.core.culture import calendar
from accountdesk.core.db.engine import open_database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.reports import documents as d
from accountdesk.core.services.accounts import create_account, create_contact

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(unicodedata.normalize("NFKC", out.stdout).split())


def test_an_account_report_leaves_out_school_breaks(tmp_path: Path) -> None:
    now = datetime(2026, 7, 20, 9, tzinfo=UTC)
    breaks = [
        h
        for h in calendar.holidays_between("DE", "BY", date(2026, 7, 20), date(2026, 9, 18), "en")
        if h.for_pupils_only
    ]
    assert len(breaks) > 30  # the package has them: otherwise the test would pass for nothing
    db = open_database(tmp_path / "by.db")
    try:
        account = create_account(
            db,
            AccountInput(
                name="Bayern GmbH", country="DE", subdivision="BY", timezone="Europe/Berlin"
            ),
        )
        create_contact(
            db,
            ContactInput(
                account_id=account, given_name="Max", family_name="Huber", country="DE",
                subdivision="BY", timezone="Europe/Berlin",
            ),
        )  # fmt: skip
        pdf = tmp_path / "report.pdf"
        d.account_report(db, account, pdf, lang="en", now=now, user_zone="Europe/Berlin")
    finally:
        db.close()
    text = _text(pdf)
    assert "Holidays and seasons (next 90 days)" in text
    assert "Summer Break" not in text
    assert "Assumption Day" in text  # Bavaria's holiday on 15 August stays


def test_a_trip_brief_leaves_out_school_breaks(tmp_path: Path) -> None:
    start, end = date(2026, 12, 6), date(2026, 12, 10)
    school = [h.name for h in calendar.holidays_between("IL", None, start, end, "en")]
    assert school and set(school) == {"Hanukkah"}  # school days off only, that week
    db = open_database(tmp_path / "il.db")
    try:
        pdf = tmp_path / "trip.pdf"
        now = datetime(2026, 11, 29, 9, tzinfo=UTC)
        d.trip_brief(db, pdf, "IL", start, end, lang="en", now=now, user_zone="Europe/Riga")
    finally:
        db.close()
    text = _text(pdf)
    assert "Holidays and seasons during the trip" in text
    assert "Hanukkah" not in text
