"""The account report's open follow-ups name each time's zone as the language names the city
("İstanbul", "استانبول"), not by its IANA id ("Europe/Istanbul", "Etc/UTC")."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest

from accountdesk.core.db.engine import open_database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.reports import documents as d
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.followups import FollowUpInput, schedule

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
@pytest.mark.parametrize(
    ("lang", "theirs", "yours"),
    [("tr", "İstanbul", "Riga"), ("lv", "Stambula", "Rīga"), ("fa", "استانبول", "ریگا")],
)
def test_open_follow_ups_name_the_zones_as_the_language_does(
    tmp_path: Path, lang: str, theirs: str, yours: str
) -> None:
    db = open_database(tmp_path / "report.db")
    account = create_account(
        db, AccountInput(name="Ege Lojistik", country="TR", timezone="Europe/Istanbul")
    )
    contact = create_contact(
        db,
        ContactInput(
            account_id=account, given_name="Ayşe", family_name="Yılmaz", country="TR",
            timezone="Europe/Istanbul",
        ),
    )  # fmt: skip
    schedule(db, FollowUpInput(contact, "Teklifi gönder", datetime(2026, 12, 3, 14, 0)))
    pdf = tmp_path / "a.pdf"
    d.account_report(db, account, pdf, lang=lang, now=NOW, user_zone="Europe/Riga")
    db.close()
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = unicodedata.normalize("NFKC", text)  # Persian comes out in presentation forms
    assert "Europe/" not in text
    assert theirs in text and yours in text
    if lang != "fa":  # pdftotext mirrors the brackets of right-to-left text
        assert f"({theirs})" in text and f"({yours})" in text
