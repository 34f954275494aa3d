"""The trip brief lists the accounts in the country that have no contact stored there (rev20
7): an Austrian gold customer without a contact yet, and one whose only contact lives in
Munich, were left out of a brief for Austria without a word; a brief for the US, where the
only account had no contact, was refused ("add the people you will meet")."""

from __future__ import annotations

from datetime import UTC, date, datetime

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.core.metrics import Period
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.textlayout import TextBlock
from accountdesk.core.services.accounts import create_account, create_contact

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
TRIP = Period(date(2027, 2, 8), date(2027, 2, 12))


def _austria(db: Database) -> None:
    create_account(
        db, AccountInput(name="Wiener Werkzeug GmbH", country="AT", city="Wien", tier="gold")
    )
    salzburg = create_account(
        db, AccountInput(name="Salzburg Salz AG", country="AT", city="Salzburg", tier="gold")
    )
    create_contact(
        db,
        ContactInput(
            account_id=salzburg, given_name="Eva", family_name="Huber", country="DE",
            city="München", subdivision="BY",
        ),
    )  # fmt: skip
    graz = create_account(db, AccountInput(name="Graz Glas KG", country="AT", city="Graz"))
    create_contact(
        db,
        ContactInput(
            account_id=graz, given_name="Lukas", family_name="Gruber", country="AT", city="Graz"
        ),
    )


def _texts(db: Database, country: str, city: str | None = None, lang: str = "en") -> list[str]:
    ctx = d._context(lang, NOW, "UTC")
    with i18n.use_language(lang):
        story, _title = d._trip_story(db, ctx, country, city, TRIP)
    out: list[str] = []
    for f in story:
        if isinstance(f, TextBlock):
            out.append(plain(f.text))
        for row in getattr(f, "_cellvalues", ()):
            out.append(" | ".join(plain(c.text) for c in row if isinstance(c, TextBlock)))
    return out


def test_accounts_without_a_contact_there_are_listed(db: Database) -> None:
    _austria(db)
    texts = _texts(db, "AT")
    start = texts.index("Account | Status | Contact | Phone and e-mail | City")
    assert texts[start + 1 : start + 4] == [
        "Graz Glas KG | Prospect | Lukas Gruber | — | Graz",
        "Salzburg Salz AG | Prospect | No contact stored there | — | Salzburg",
        "Wiener Werkzeug GmbH | Prospect | No contact stored there | — | Wien",
    ]
    assert (
        "2 accounts there have no contact stored there: add the people you will meet, for their "
        "phones and e-mail addresses, and for their time zone and region in the plans below."
        in texts
    )
    assert "Vienna: UTC+01:00 during the trip, 1 h ahead of you." in texts


def test_a_city_of_an_account_alone(db: Database) -> None:
    _austria(db)
    assert d.trip_city(db, "AT", "wien") == "Wien"
    texts = _texts(db, "AT", "Wien")
    assert [t for t in texts if " | No contact stored there | " in t] == [
        "Wiener Werkzeug GmbH | Prospect | No contact stored there | — | Wien"
    ]
    assert not [t for t in texts if t.startswith(("Graz Glas", "Salzburg Salz"))]


def test_a_country_of_several_clocks_takes_the_accounts_zone(db: Database) -> None:
    create_account(
        db,
        AccountInput(name="Prospect Inc", country="US", city="Boston", timezone="America/New_York"),
    )
    texts = _texts(db, "US")  # was refused: no contact there tells the clock
    assert "Prospect Inc | Prospect | No contact stored there | — | Boston" in texts
    assert "New York: UTC−05:00 during the trip, 5 h behind you." in texts
    assert any(t.startswith("Local time in New York.") for t in texts)


def test_people_in_thailand_are_listed_by_their_given_name(db: Database) -> None:
    """A brief for Thailand orders the people of an account as the contact list and Thai
    directories do, by the given name: Anong Wongsuwan before Somchai Chaiyaporn (by the
    family name it was the other way round)."""
    account = create_account(db, AccountInput(name="Siam Teak Co", country="TH", city="Bangkok"))
    for given, family in (("Somchai", "Chaiyaporn"), ("Anong", "Wongsuwan")):
        create_contact(
            db,
            ContactInput(
                account_id=account, given_name=given, family_name=family, country="TH",
                city="Bangkok",
            ),
        )  # fmt: skip
    texts = _texts(db, "TH")
    start = texts.index("Account | Status | Contact | Phone and e-mail | City")
    people = [line.split(" | ")[2].splitlines() for line in texts[start + 1 : start + 3]]
    # each with how to address them under the name
    assert people == [["Anong Wongsuwan", "Khun Anong"], ["Somchai Chaiyaporn", "Khun Somchai"]]
