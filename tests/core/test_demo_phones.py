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


def test_numbers_stay_their_own_at_the_size_of_a_large_demo() -> None:
    """At 100,000 accounts a country has some 16,000 contacts: the numbers drawn from its
    few dozen are each made a number of their own, none twice (the endings of every drawn
    number with the same first digits come from one sequence)."""
    import random

    from accountdesk.core.demo import _Phones

    phones = _Phones()
    for country in ("IR", "TR"):
        pool = phones.pool(country, "mobile")
        assert len(pool) > 10
        draw = random.Random(7)
        made = [phones.own(draw.choice(pool)) for _ in range(16_000)]
        assert len(set(made)) == len(made)
        assert all(phonenumbers.is_valid_number(phonenumbers.parse(m, None)) for m in made[:500])
