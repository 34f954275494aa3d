"""A contact made at an account, in a country and zone: what tests of finding people share."""

from __future__ import annotations

from typing import Any

from accountdesk.core.db.engine import Database
from accountdesk.core.records import ContactInput
from accountdesk.core.services.accounts import create_contact


def person_at(
    db: Database, account: str, given: str, family: str, *, country: str, zone: str, **more: Any
) -> str:
    """A contact of ``account`` named ``given`` ``family`` in ``country`` and ``zone``
    (``more``: any other field of :class:`ContactInput`); its id."""
    return create_contact(
        db,
        ContactInput(
            account_id=account,
            given_name=given,
            family_name=family,
            country=country,
            timezone=zone,
            **more,
        ),
    )
