"""``report trip --city`` finds a city however its letters are cased or accented, as search
does (db.fts.fold), and names it as stored. SQL's lower() changed ASCII letters only, and Python's
lower() of "İstanbul" is "i̇stanbul": a Turkish brief for İstanbul listed no account at all, not
even when the city was typed exactly as stored."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.reports import documents as d
from accountdesk.core.services.accounts import create_account, create_contact

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")

NOW = datetime(2027, 1, 15, 9, 0, tzinfo=UTC)


def _people(db: Database) -> None:
    for name, country, zone, city, person in [
        ("Boğaziçi Tekstil", "TR", "Europe/Istanbul", "İstanbul", ("Elif", "Aydın")),
        ("Ege Lojistik", "TR", "Europe/Istanbul", "İzmir", ("Oğuz", "Kaya")),
        ("SIA Vējš", "LV", "Europe/Riga", "Rīga", ("Līga", "Liepiņa")),
        ("SIA Dzintars", "LV", "Europe/Riga", "Liepāja", ("Andris", "Ozoliņš")),
    ]:
        account = create_account(db, AccountInput(name=name, country=country, timezone=zone))
        create_contact(
            db,
            ContactInput(
                account_id=account, given_name=person[0], family_name=person[1],
                country=country, city=city, timezone=zone,
            ),
        )  # fmt: skip


def _brief(db: Database, tmp_path: Path, lang: str, country: str, city: str) -> str:
    pdf = tmp_path / "t.pdf"
    d.trip_brief(
        db, pdf, country, date(2027, 2, 1), date(2027, 2, 5), city=city, lang=lang, now=NOW,
    )  # fmt: skip
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(unicodedata.normalize("NFKC", out.stdout).split())


@pytest.mark.parametrize(
    ("lang", "country", "typed", "stored", "there", "elsewhere"),
    [
        ("tr", "TR", "İstanbul", "İstanbul", "Boğaziçi Tekstil", "Ege Lojistik"),
        ("tr", "TR", "istanbul", "İstanbul", "Boğaziçi Tekstil", "Ege Lojistik"),
        ("tr", "TR", "İSTANBUL", "İstanbul", "Boğaziçi Tekstil", "Ege Lojistik"),
        ("tr", "TR", "izmir", "İzmir", "Ege Lojistik", "Boğaziçi Tekstil"),
        ("lv", "LV", "RĪGA", "Rīga", "SIA Vējš", "SIA Dzintars"),
        ("lv", "LV", "riga", "Rīga", "SIA Vējš", "SIA Dzintars"),
    ],
)
def test_a_trip_to_a_city_lists_its_accounts(
    tmp_path: Path, lang: str, country: str, typed: str, stored: str, there: str, elsewhere: str
) -> None:
    db = open_database(tmp_path / "c.db")
    _people(db)
    text = _brief(db, tmp_path, lang, country, typed)
    db.close()
    assert there in text
    assert elsewhere not in text
    assert f"{stored}, " in text  # the title names the city as stored
