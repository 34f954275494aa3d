"""A report's contact tables give each contact's name as stored, with how to address them.

The account report's "Contacts" table and the trip brief's "Accounts and contacts" showed the
form of address only: "คุณอนุชา" for both อนุชา สุขสวัสดิ์ and อนุชา บุญมา (two rows a director
could not tell apart), "Elif Hanım" for Elif Aydın, "خانم جعفری" for نگار جعفری: the family or
given name was nowhere in the table, and copied out of the PDF the stored name was not there.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from accountdesk.core.db.engine import open_database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.reports import documents as d
from accountdesk.core.services.accounts import create_account, create_contact

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")

NOW = datetime(2027, 1, 15, 9, 0, tzinfo=UTC)
CASES = {
    "th": ("TH", "Asia/Bangkok", "คุณ", [("อนุชา", "สุขสวัสดิ์"), ("อนุชา", "บุญมา")]),
    "tr": ("TR", "Europe/Istanbul", "Hanım", [("Elif", "Aydın"), ("Elif", "Kaya")]),
    "fa": ("IR", "Asia/Tehran", "خانم", [("نگار", "جعفری"), ("مریم", "جعفری")]),
}
_MARKS = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)


def _copied(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return unicodedata.normalize("NFKC", out.stdout).translate(_MARKS)


@pytest.mark.parametrize("lang", sorted(CASES))
def test_contact_tables_name_each_contact_as_stored(lang: str, tmp_path: Path) -> None:
    country, zone, honorific, people = CASES[lang]
    db = open_database(tmp_path / "names.db")
    account = create_account(db, AccountInput(name="Sahne Holding", country=country, timezone=zone))
    for given, family in people:
        create_contact(
            db,
            ContactInput(
                account_id=account, honorific=honorific, given_name=given, family_name=family,
                country=country, timezone=zone,
            ),
        )  # fmt: skip
    report, brief = tmp_path / "a.pdf", tmp_path / "t.pdf"
    d.account_report(db, account, report, lang=lang, now=NOW, user_zone=zone)
    d.trip_brief(
        db, brief, country, date(2027, 2, 1), date(2027, 2, 5), lang=lang, now=NOW,
        user_zone=zone,
    )  # fmt: skip
    db.close()
    for pdf in (report, brief):
        text = " ".join(_copied(pdf).split())
        for given, family in people:
            assert f"{given} {family}" in text, (pdf.name, given, family)


def test_contact_tables_address_an_informal_contact_by_the_given_name(tmp_path: Path) -> None:
    """Zane Bērziņa, "uz tu", was "Bērziņas kundze" in the account report and the trip brief,
    as in the reach-out panel; her formal colleague keeps "Kalniņas kundze"."""
    db = open_database(tmp_path / "names.db")
    account = create_account(db, AccountInput(name="Koks", country="LV", timezone="Europe/Riga"))
    people = [("Zane", "Bērziņa", "informal"), ("Ilze", "Kalniņa", "formal")]
    for given, family, formality in people:
        create_contact(
            db,
            ContactInput(
                account_id=account, honorific="kundze", given_name=given, family_name=family,
                formality=formality, country="LV", timezone="Europe/Riga",
            ),
        )  # fmt: skip
    report, brief = tmp_path / "a.pdf", tmp_path / "t.pdf"
    d.account_report(db, account, report, lang="lv", now=NOW, user_zone="Europe/Riga")
    d.trip_brief(
        db, brief, "LV", date(2027, 2, 1), date(2027, 2, 5), lang="lv", now=NOW,
        user_zone="Europe/Riga",
    )  # fmt: skip
    db.close()
    for pdf in (report, brief):
        lines = [line.strip() for line in _copied(pdf).splitlines()]
        assert "Kalniņas kundze" in lines and "Zane" in lines, (pdf.name, lines)
        assert "Bērziņas kundze" not in " ".join(lines), pdf.name
