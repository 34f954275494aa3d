"""Every demo contact has a phone number of their own, valid for their country: drawn from a
few dozen per country, numbers were shared by strangers, and a new user's Duplicates screen
listed each such pair as one person."""

from __future__ import annotations

from datetime import date

import phonenumbers
from sqlalchemy import select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Contact
from accountdesk.core.demo import generate
from accountdesk.core.likeness import PHONE
from accountdesk.core.services.duplicates import find_duplicates


def test_no_two_demo_contacts_share_a_phone_number(db: Database) -> None:
    generate(db, accounts=200, seed=3, anchor=date(2026, 11, 23))
    with db.reader() as session:
        people = [(c.country, c.phones) for c in session.scalars(select(Contact))]
    numbers = [(country, p["value"]) for country, phones in people for p in phones]
    assert len(numbers) > 500
    assert len({value for _country, value in numbers}) == len(numbers)
    for country, value in numbers:
        parsed = phonenumbers.parse(value, None)
        assert phonenumbers.is_valid_number(parsed), value
        assert phonenumbers.region_code_for_number(parsed) == country, (country, value)
    # so no cluster of likely duplicates rests on a shared number
    assert not [
        reason
        for cluster in find_duplicates(db)
        for reason in cluster.reasons
        if reason.rule == PHONE
    ]
