"""What the lists, views, counts, reminders and exports show: one rule.

A record is shown when it is not in the trash, nor is the account it belongs to, nor the
contact it is about (when it is about one). So an account in the trash takes its contacts, and
their follow-ups and interactions, out of every list, count and export; a contact in the trash
takes its follow-ups with it, and its name out of an interaction's participants (the
interaction, its account's, stays).

The rule in the shapes the queries need, all made from :func:`live`:

- :func:`live`: conditions on the records a query has joined (the record, its account, its
  contact outer-joined when it may have none: no contact reads as none in the trash);
- :func:`contact_shown`: a contact shown, for a query that does not join its account (a
  relationship's loader);
- :data:`CONTACT_SHOWN_SQL`: the same as SQL text for the raw fast paths (a contact aliased
  ``c``, its account ``a``), written in the words both databases read.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import aliased

from accountdesk.core.db.models import Account, Contact

__all__ = ["CONTACT_SHOWN_SQL", "contact_shown", "live"]


def live(*records: Any) -> list[ColumnElement[bool]]:
    """None of ``records`` is in the trash: the models (or aliases) a query joined for a
    record, the account it belongs to and the contact it is about (outer-joined when it may
    have none). A record is shown only when all of them are live."""
    return [record.deleted_at.is_(None) for record in records]


def contact_shown(contact: Any = Contact) -> ColumnElement[bool]:
    """``contact`` (the model or an alias a query has) is shown: neither it nor its account
    is in the trash; a condition on the contact's own row, for a query that does not join its
    account (a relationship's loader): the account is looked up by its key. It was an ``IN``
    of every shown contact's id, which SQLite read whole for each page opened (2 s for an
    account's page at 300,000 contacts)."""
    account = aliased(Account, name="shown_account")
    owner = select(account.id).where(account.id == contact.account_id, *live(account))
    return and_(*live(contact), owner.exists())


def _sql(clause: Any) -> str:
    return str(clause.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))


#: :func:`live` of a contact ``c`` and its account ``a`` (``contacts c JOIN accounts a ON
#: a.id = c.account_id``), as SQL text.
CONTACT_SHOWN_SQL = _sql(and_(*live(aliased(Contact, name="c"), aliased(Account, name="a"))))
