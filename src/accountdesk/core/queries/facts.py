"""What a contact is matched on when likely duplicates are looked for
(:mod:`accountdesk.core.services.duplicates`): read from the database
(:func:`accountdesk.core.queries.duplicates.contact_facts`) or taken from values about to be
stored (:func:`facts_of`). No database layer here: an import's checking process counts the
duplicates of what it checked (:mod:`accountdesk.core.io.csv_check`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from accountdesk.core.db.fts import display_name


class ContactFacts(NamedTuple):
    """What a contact is matched on, and what a list of candidates shows of it (a named tuple:
    300,000 of them are made at once)."""

    id: str
    account_id: str
    account_name: str
    given_name: str
    family_name: str
    name_order: str
    country: str
    emails: tuple[str, ...]
    phones: tuple[str, ...]

    @property
    def name(self) -> str:
        """The name in the contact's own order."""
        return display_name(self.given_name, self.family_name, self.name_order)


def facts_of(contact: Mapping[str, Any], account_name: str) -> ContactFacts:
    """A contact's facts from its values as the contacts table stores them (e-mails and phones
    as lists of ``{"label", "value"}``), of an account called ``account_name``: what
    :func:`~accountdesk.core.queries.duplicates.contact_facts` reads of it once it is stored
    (an import counts the likely duplicates among the contacts it checked without reading
    them back)."""
    return ContactFacts(
        contact["id"],
        contact["account_id"],
        account_name,
        contact["given_name"],
        contact["family_name"] or "",
        contact["name_order"],
        contact["country"],
        tuple(e["value"] for e in contact["emails"] or ()),
        tuple(p["value"] for p in contact["phones"] or ()),
    )


class AccountFacts(NamedTuple):
    """What an account is matched on when likely duplicate accounts are looked for
    (:func:`accountdesk.core.likeness.find_account_clusters`), and what a list shows of it."""

    id: str
    name: str
    country: str
    website: str | None
    city: str | None
