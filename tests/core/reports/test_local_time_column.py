"""The account report's "Local time" column gives each contact's date and time, at a moment the
report states (when it was made), with their offset from UTC beside it. It showed the offset
alone ("UTC+03:00") under the title "Local time"."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import open_database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.reports import documents as d
from accountdesk.core.services.accounts import create_account, create_contact

NOW = datetime(2027, 1, 15, 22, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("lang", "zone", "local", "offset"),
    [
        ("tr", "Europe/Istanbul", "16 Oca 2027 01:30", "UTC+03:00"),
        ("en", "Asia/Tokyo", "16 Jan 2027, 07:30", "UTC+09:00"),
        ("en", "America/Denver", "15 Jan 2027, 15:30", "UTC−07:00"),
    ],
)
def test_the_cell_is_the_local_date_and_time_then_the_offset(
    lang: str, zone: str, local: str, offset: str
) -> None:
    ctx = d._context(lang, NOW, "Europe/Riga")
    with i18n.use_language(lang):
        first, second = plain(d._local_time_cell(ctx, zone)).split("\n")
        note = plain(d._local_time_note(ctx))
        place = i18n.zone_name(zone)
        mine = i18n.format_when(NOW, ZoneInfo("Europe/Riga"))
    assert first == f"{local} ({place})"
    assert second == offset
    assert mine in note  # the moment: the report's, in the reader's own time


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_the_account_report_shows_each_contacts_local_time(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.db")
    account = create_account(
        db, AccountInput(name="Boğaziçi Tekstil", country="TR", timezone="Europe/Istanbul")
    )
    create_contact(
        db,
        ContactInput(
            account_id=account, given_name="Elif", family_name="Aydın", country="TR",
            timezone="Europe/Istanbul",
        ),
    )  # fmt: skip
    pdf = tmp_path / "a.pdf"
    d.account_report(db, account, pdf, lang="tr", now=NOW, user_zone="Europe/Riga")
    db.close()
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    text = " ".join(unicodedata.normalize("NFKC", out.stdout).split())
    assert "16 Oca 2027 01:30" in text  # 22:30 UTC is past midnight in Istanbul
    assert "UTC+03:00" in text
    assert "16 Oca 2027 00:30" in text  # the stated moment, in Riga (the reader's zone)
