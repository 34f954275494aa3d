"""The personal-data summary (the PDF beside a privacy export) keeps phone numbers, e-mail
addresses and the zone left to right in a right-to-left language: a Persian summary once
printed "989121234567+". Phone numbers are grouped as in every other report."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from accountdesk.core import i18n
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.privacy import write_export

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")

PHONES = ["+989121234567", "+982188776655"]
#: Grouped as the country writes them, as in the other reports: the summary printed them as
#: stored ("+989121234567").
SHOWN = ["+98 912 123 4567", "+98 21 8877 6655"]
EMAILS = ["negar.jafari@arya.example", "n.j@mail.example"]
#: The direction marks and embeddings pdftotext writes around right-to-left lines and runs.
MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e "


@pytest.fixture
def crm(tmp_path: Path, home: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "crm.db")
    yield database
    database.close()


def _person(db: Database) -> str:
    account = create_account(
        db, AccountInput(name="Arya Tejarat", country="IR", timezone="Asia/Tehran")
    )
    return create_contact(
        db,
        ContactInput(
            account_id=account,
            given_name="نگار",
            family_name="جعفری",
            emails=EMAILS,
            phones=PHONES,
            country="IR",
            city="شیراز",
            timezone="Asia/Tehran",
        ),
    )


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize("lang", ["fa", "en", "th"])
def test_summary_keeps_phones_and_emails_in_order(crm: Database, tmp_path: Path, lang: str) -> None:
    files = write_export(crm, _person(crm), tmp_path / "negar.json", lang=lang)
    shown = _text(files.pdf)
    lines = [line.strip(MARKS) for line in shown.splitlines()]
    for phone in SHOWN:  # as every report writes them (validation.phone_shown)
        assert phone in lines, (phone, shown)
        assert phone[1:] + "+" not in shown  # the sign moved to the end
    for email in EMAILS:
        assert email in lines, (email, shown)
    # the zone named in the language, with its id: it printed the bare id in every language
    with i18n.use_language(lang):
        city = i18n.zone_name("Asia/Tehran")
    assert city != "Asia/Tehran" and (lang == "en") == (city == "Tehran")
    (zone_line,) = [line for line in lines if "Asia/Tehran" in line]
    assert city in zone_line and zone_line != "Asia/Tehran", zone_line
    # each value on a line of its own, in the order stored
    assert lines.index(SHOWN[0]) + 1 == lines.index(SHOWN[1])
    assert lines.index(EMAILS[0]) + 1 == lines.index(EMAILS[1])


#: A person as stored (country, zone, name fields) and their name in their own order. The
#: title said only how to address them: "آقای رضایی" without the given name (three contacts of
#: the demo are that), "คุณวิชัย" without the family name, "Tanaka-san".
PEOPLE = [
    ("IR", "Asia/Tehran", {"given_name": "رضا", "family_name": "رضایی", "honorific": "آقای"},
     "رضا رضایی", "آقای رضایی"),
    ("TH", "Asia/Bangkok", {"given_name": "วิชัย", "family_name": "ศรีสุข"},
     "วิชัย ศรีสุข", "คุณวิชัย"),
    ("JP", "Asia/Tokyo",
     {"given_name": "Hiroshi", "family_name": "Tanaka", "name_order": "family_first"},
     "Tanaka Hiroshi", "Tanaka-san"),
    # on first-name terms: "Bērziņas kundze" and "g. Kovačič" were said; Hanım stays
    ("LV", "Europe/Riga",
     {"given_name": "Zane", "family_name": "Bērziņa", "honorific": "kundze",
      "formality": "informal"},
     "Zane Bērziņa", "Zane"),
    ("SI", "Europe/Ljubljana",
     {"given_name": "Rok", "family_name": "Kovačič", "honorific": "g.", "formality": "informal"},
     "Rok Kovačič", "Rok"),
    ("TR", "Europe/Istanbul",
     {"given_name": "Ayşe", "family_name": "Kaya", "honorific": "Hanım", "formality": "informal"},
     "Ayşe Kaya", "Ayşe Hanım"),
]  # fmt: skip


def _bare(text: str) -> str:
    """``text`` without the marks pdftotext adds or drops (embeddings, ZWNJ: format characters)."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf").strip()


@pytest.mark.parametrize("lang", ["fa", "th", "en"])
@pytest.mark.parametrize(("country", "zone", "name", "full", "address"), PEOPLE)
def test_summary_names_the_person_in_full(
    crm: Database, tmp_path: Path, lang: str, country: str, zone: str,
    name: dict[str, str], full: str, address: str,
) -> None:  # fmt: skip
    account = create_account(crm, AccountInput(name="Acme", country=country, timezone=zone))
    person = create_contact(
        crm, ContactInput(account_id=account, country=country, timezone=zone, **name)
    )
    files = write_export(crm, person, tmp_path / "person.json", lang=lang)
    lines = [_bare(line) for line in _text(files.pdf).splitlines() if _bare(line)]
    with i18n.use_language(lang):
        title = _bare(i18n._("Personal data held about {name}").format(name=full))
        labels = [_bare(i18n._("Name")), _bare(i18n._("Addressed as"))]
    assert title in lines  # the heading (and the page header) names them in full
    # the details begin with the name as stored, then how to address them
    first = lines.index(labels[0])
    assert lines[first : first + 4] == [labels[0], full, labels[1], address], lines
