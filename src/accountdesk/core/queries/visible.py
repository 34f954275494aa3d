"""What the lists, views, counts, reminders and exports show: one rule.

A record is shown when it is not in the trash, nor is the account it belongs to, nor the
contact it is about (when it is about one). So an account in the trash takes its contacts, and
their follow-ups and interactions, out of every list, count and export; a contact in the trash
takes its follow-ups with it, and its name out of an interaction's participants (the
interaction, its account's, stays).

The rule in the shapes the queries need, all made from :func:`live`:

- :func:`live`: conditions on the records a query has joined (the record, its account, its
  contact outer-joined when it may have none: no contact reads as none in the trash);
- :func:`shown_contact_ids`: the ids of the contacts shown, for a query that does not join
  their accounts (a relationship's loader, an ``IN``);
- :data:`CONTACT_SHOWN_SQL` and :data:`SHOWN_CONTACT_IDS_SQL`: the same as SQL text for the
  raw fast paths (a contact aliased ``c``, its account ``a``), written in the words both
  databases read.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, and_, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import aliased

from accountdesk.core.db.models import Account, Contact

__all__ = ["CONTACT_SHOWN_SQL", "SHOWN_CONTACT_IDS_SQL", "live", "shown_contact_ids"]


def live(*records: Any) -> list[ColumnElement[bool]]:
    """None of ``records`` is in the trash: the models (or aliases) a query joined for a
    record, the account it belongs to and the contact it is about (outer-joined when it may
    have none). A record is shown only when all of them are live."""
    return [record.deleted_at.is_(None) for record in records]


def shown_contact_ids() -> Select[str]:
    """The ids of the contacts shown: neither they nor their account in the trash."""
    # names of their own: the text form goes inside queries that call theirs c and a
    contact = aliased(Contact, name="shown_contact")
    account = aliased(Account, name="shown_account")
    return (
        select(contact.id)
        .join(account, account.id == contact.account_id)
        .where(*live(contact, account))
        .correlate(None)
    )


def _sql(clause: Any) -> str:
    return str(clause.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))


#: :func:`live` of a contact ``c`` and its account ``a`` (``contacts c JOIN accounts a ON
#: a.id = c.account_id``), as SQL text.
CONTACT_SHOWN_SQL = _sql(and_(*live(aliased(Contact, name="c"), aliased(Account, name="a"))))

#: :func:`shown_contact_ids` as SQL text, for ``… IN (SHOWN_CONTACT_IDS_SQL)``.
SHOWN_CONTACT_IDS_SQL = _sql(shown_contact_ids())
