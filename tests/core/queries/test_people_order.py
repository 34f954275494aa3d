"""An account's people, wherever they are listed by name (its page, the people a search adds
after the account, a trip brief's accounts and contacts), are in the order of the user's
language: SQL's order of code points put "Zorlu" before "Çelik" and "Zariņš" before "Ābele"."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from accountdesk.core import i18n
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.details import account_detail
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.reports import documents as d
from accountdesk.core.services.accounts import create_account, create_contact

ZONE = "Europe/Istanbul"


def _account(db: Database, name: str, people: list[tuple[str, str]]) -> str:
    account = create_account(db, AccountInput(name=name, country="TR", timezone=ZONE))
    for given, family in people:
        create_contact(
            db,
            ContactInput(
                account_id=account, given_name=given, family_name=family, country="TR",
                timezone=ZONE, city="İzmir",
            ),
        )  # fmt: skip
    return account


PEOPLE = [
    ("Ayşe", "Zorlu"), ("Zeynep", "Demir"), ("Emre", "Çelik"), ("Oğuz", "Demir"), ("Cem", "Çakır")
]  # fmt: skip
#: by family name in Turkish (and English) order, Ç after C and before D; then by given name
IN_ORDER = ["Cem Çakır", "Emre Çelik", "Oğuz Demir", "Zeynep Demir", "Ayşe Zorlu"]


@pytest.mark.parametrize("language", ["tr", "en"])
def test_an_accounts_page_lists_its_people_in_the_languages_order(
    db: Database, language: str
) -> None:
    account = _account(db, "Anadolu Makina", PEOPLE)
    with i18n.use_language(language):
        names = [c.name for c in account_detail(db, account).contacts]
    assert names == IN_ORDER


def test_a_search_lists_an_accounts_people_in_the_languages_order(db: Database) -> None:
    account = _account(db, "Anadolu Makina", PEOPLE)
    with i18n.use_language("tr"):
        hits = search(db, "anadolu")
    assert [(h.kind, h.id) for h in hits[:1]] == [("account", account)]
    assert [h.title for h in hits[1:]] == IN_ORDER
    # a query of two words: a person's word and the account's, the people at it found by both
    with i18n.use_language("tr"):
        both = search(db, "a anadolu")
    people = [h.title for h in both if h.kind == "contact"]
    assert people == [n for n in IN_ORDER if n in people] and len(people) >= 2


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_a_trip_brief_lists_accounts_and_people_in_the_report_languages_order(
    db: Database, tmp_path: Path
) -> None:
    _account(db, "Zorlu Enerji", [("Ayşe", "Zorlu")])
    _account(db, "Çınar Tekstil", [("Oğuz", "Demir"), ("Emre", "Çelik")])
    _account(db, "Demir Yapı", [("Cem", "Çakır")])
    pdf = tmp_path / "trip.pdf"
    d.trip_brief(
        db, pdf, "TR", date(2027, 2, 1), date(2027, 2, 5), lang="tr",
        now=datetime(2027, 1, 15, 9, 0, tzinfo=UTC),
    )  # fmt: skip
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    text = " ".join(unicodedata.normalize("NFKC", out.stdout).split())
    # Çınar before Demir before Zorlu; at Çınar, Çelik before Demir
    order = ["Çınar Tekstil", "Emre Çelik", "Oğuz Demir", "Demir Yapı", "Zorlu Enerji"]
    places = [text.find(name) for name in order]
    assert -1 not in places and places == sorted(places), (places, text[:600])


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_an_account_report_lists_its_people_as_its_page_does(db: Database, tmp_path: Path) -> None:
    """The account report's Contacts table is in the order of the account's page (review
    rev13's 6th): it listed them in the order they were added (Zorlu first)."""
    account = _account(db, "Anadolu Makina", PEOPLE)
    pdf = tmp_path / "account.pdf"
    d.account_report(db, account, pdf, lang="tr", now=datetime(2027, 1, 15, 9, 0, tzinfo=UTC))
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    text = " ".join(unicodedata.normalize("NFKC", out.stdout).split())
    places = [text.find(name) for name in IN_ORDER]
    assert -1 not in places and places == sorted(places), (places, text)
    with i18n.use_language("tr"):
        assert [c.name for c in account_detail(db, account).contacts] == IN_ORDER
