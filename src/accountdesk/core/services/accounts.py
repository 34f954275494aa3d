"""Use cases for accounts and contacts: one transaction per user action, plain values out."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, cast

from sqlalchemy import Connection, Table, select
from sqlalchemy.orm import Session

from accountdesk.core import icu
from accountdesk.core import validation as v
from accountdesk.core.bidi import isolate
from accountdesk.core.db.bulk import insert_unless_there
from accountdesk.core.db.engine import Database, member_of
from accountdesk.core.db.fts import fold
from accountdesk.core.db.ids import new_id
from accountdesk.core.db.models import Account, Contact, ImportantDate, Tag, User, utcnow
from accountdesk.core.i18n import _, format_list, format_number, ngettext
from accountdesk.core.queries.team import owner_name
from accountdesk.core.records import (
    AccountInput,
    ContactInput,
    ImportantDateInput,
    clean_account,
    clean_contact,
    clean_important_date,
    clean_tags,
    customer_history,
    earlier_periods,
    periods_json,
    tag_key,
)
from accountdesk.core.services import trash
from accountdesk.core.services.conflicts import Loaded, merged_or_refused, outdated, saving


def tags_for(session: Session, names: Sequence[str]) -> list[Tag]:
    """The Tag rows for ``names``, created as needed (case-insensitive)."""
    cleaned = clean_tags(names)
    if not cleaned:
        return []
    # Compared in Python: SQLite's lower() folds only ASCII, so "İstanbul" was not found and
    # inserted a second time (a unique-constraint error). The tag table is small.
    existing = {tag_key(t.name): t for t in session.scalars(select(Tag))}
    result = []
    for name in cleaned:
        tag = existing.get(tag_key(name))
        if tag is None:
            # ON CONFLICT DO NOTHING, then read back: on a team server another rep may be
            # saving the same new tag at this moment, and then both share theirs
            insert_unless_there(
                session.connection(),
                cast(Table, Tag.__table__),
                {"id": new_id(), "name": name, "created_at": utcnow()},
            )
            tag = session.scalars(select(Tag).where(Tag.name == name)).one()
            existing[tag_key(name)] = tag
        result.append(tag)
    return result


def _check_referrer(session: Session, values: dict[str, Any], own_id: str | None) -> None:
    ref = values.get("referred_by_id")
    if ref is None:
        return
    if ref == own_id:
        raise v.fail("referred_by", ref, _("an account cannot refer itself"))
    if session.get(Account, ref) is None:
        raise v.fail("referred_by", ref, _("is not an account"))


def owner_of_new(conn: Connection, owner: str | None) -> str | None:
    """Who a new account belongs to: the owner given, else, on a team server and on a
    laptop's copy of one, the member who creates it (their login, as
    :func:`~accountdesk.core.db.engine.member_of` gives it: on a copy the login its changes
    reach the server as, so that the account is theirs there too once it is sent); no one
    when the login is not a member (the administrator's, ``postgres``), nor on a laptop's own
    file (owners there are free text).

    The form offers "No owner" only when this gives none (ui/accounts/team.py
    ``fill_owner``); the vCard import and the command line come here without an owner."""
    if owner:
        return owner
    return _connected_member(conn)


def _connected_member(conn: Connection) -> str | None:
    """The login of the user in the team (on a server or a copy of one) when the team has
    that member, else None (a login that is not a member; a laptop's own file)."""
    login = member_of(conn)
    if login is None:
        return None
    # a member: a row of the team not removed (as core/queries/team.py ``members`` reads it;
    # a copy takes the team from the server)
    found = conn.execute(
        select(User.login).where(User.login == login, User.deleted_at.is_(None))
    ).scalar()
    return None if found is None else str(found)


@dataclass
class Owners:
    """The owners a file writes (a CSV import's ``account_owner``, an uploaded laptop's
    accounts) as owners on a team server or a laptop's copy of one, where an owner is a
    member's login (the server's guards compare it with the login of whoever gives an account
    away or erases it):

    - a member's login stays;
    - a member's name ("Anna Berg"; capitals and accents aside, as a report's ``--owner``
      names one) becomes that member's login, when one member has it;
    - no owner, on a new account, and any other text (a laptop's free text, which nobody on
      the team could give away or erase) become :attr:`default`'s, and are counted, with the
      names, for :meth:`remarks`.

    On a laptop's own file, which has no members, owners are free text and stay as written.
    Made by :func:`team_owners`."""

    #: login -> name of every member; None on a laptop's own file (no team)
    team: dict[str, str] | None
    #: who gets the accounts the file gives no member (None: nobody)
    default: str | None
    #: accounts without an owner given :attr:`default`
    owned: int = 0
    #: accounts whose owner in the file is no member, given :attr:`default`; those owners
    rehomed: int = 0
    former: set[str] = field(default_factory=set)
    _by_folded: dict[str, set[str]] | None = field(default=None, repr=False)

    def of(self, written: str | None, *, new: bool = True, stored: str | None = None) -> str | None:
        """The owner to store for ``written``. ``new``: a new account (without an owner it
        gets :attr:`default`; a stored one keeps none, as the file says); ``stored``: the
        stored account's owner, kept when the file writes it again."""
        held = (written or "").strip()
        if self.team is None:
            return written
        if not held:
            if not new:
                return None
            if self.default is not None:
                self.owned += 1
            return self.default
        if stored is not None and held == stored:
            return held
        found = self.member(held)
        if found is not None:
            return found
        self.rehomed += 1
        self.former.add(held)
        return self.default

    def member(self, written: str) -> str | None:
        """The login of the member ``written`` names: their login, or their name ("Anna
        Berg"; capitals and accents aside) when one member has it; else None (on a laptop's
        own file too)."""
        held = written.strip()
        if self.team is None:
            return None
        if held in self.team:
            return held
        named = self._folded().get(fold(held), set())
        return next(iter(named)) if len(named) == 1 else None

    def _folded(self) -> dict[str, set[str]]:
        """The members' logins by their login and name folded (search's folding), made once."""
        if self._by_folded is None:
            self._by_folded = {}
            for login, name in (self.team or {}).items():
                for key in (fold(login), fold(name)):
                    self._by_folded.setdefault(key, set()).add(login)
        return self._by_folded

    def shown(self, login: str) -> str:
        """A member as the messages name them: their name (else the login)."""
        return owner_name(self.team or {}, login)

    def remarks(self) -> list[str]:
        """What became of owners that are no member: one sentence, or none."""
        if not self.rehomed:
            return []
        n = self.rehomed
        names = format_list([isolate(name) for name in icu.sorted_text(self.former)])
        if self.default is None:
            text = ngettext(
                "{n} account has no owner now: its owner in the file, {names}, is not a "
                "member of the team.",
                "{n} accounts have no owner now: their owners in the file, {names}, are not "
                "members of the team.",
                n,
            )
        else:
            text = ngettext(
                "{n} account now belongs to {owner}: its owner in the file, {names}, is not "
                "a member of the team.",
                "{n} accounts now belong to {owner}: their owners in the file, {names}, are "
                "not members of the team.",
                n,
            )
        owner = isolate(self.shown(self.default)) if self.default is not None else ""
        return [text.format(n=format_number(n), owner=owner, names=names)]


def team_owners(conn: Connection, default: str | None = None) -> Owners:
    """The :class:`Owners` rule on ``conn``'s database: on a team server and on a laptop's
    copy of one (which takes the team from the server) its members, and ``default`` (a
    member's login; None: the member connected, as :func:`owner_of_new` gives a new account,
    or nobody when the login is not a member). On a laptop's own file, owners as written."""
    login = member_of(conn)
    if login is None:
        return Owners(None, default)
    users = conn.execute(select(User.login, User.name).where(User.deleted_at.is_(None))).all()
    team = {str(member): str(name) for member, name in users}
    if default is None and login in team:  # (as _connected_member finds it)
        default = login
    return Owners(team, default)


def create_account(db: Database, data: AccountInput) -> str:
    values = clean_account(data)
    with db.transaction() as session:
        values["owner"] = owner_of_new(session.connection(), values.get("owner"))
        _check_referrer(session, values, None)
        account = Account(**values)
        account.tags = tags_for(session, data.tags)
        session.add(account)
        session.flush()
        return account.id


def update_account(
    db: Database,
    account_id: str,
    data: AccountInput,
    *,
    expected_version: int | None = None,
    loaded: AccountInput | None = None,
    changed: Collection[str] | None = None,
) -> None:
    """Save an edited account. ``expected_version``: the version the form was loaded at
    (:func:`account_for_edit`); when someone saved the account since, the save is refused
    (:class:`~accountdesk.core.services.conflicts.ConflictError`). None writes over it.

    A lost account given a new "customer since" on or after its "lost on" is won back: its
    stored period as a customer is kept among its earlier ones (:func:`records.customer_history
    <accountdesk.core.records.customer_history>`, the one rule).

    ``loaded`` and ``changed`` as in :func:`update_contact`: a save made meanwhile by someone
    else is merged field by field."""
    with saving(db) as session:
        account = outdated(session, Account, account_id, expected_version)
        data = merged_or_refused(
            account, expected_version, loaded, _account_input(account), data, changed=changed
        )
        stored = {
            "status": account.status,
            "customer_since": account.customer_since,
            "lost_on": account.lost_on,
            "acquisition_cost": account.acquisition_cost,
        }
        with v.keeping(stored=stored):  # what it does not change is saved as it is
            values = clean_account(data, stored_website=account.website)
        history = customer_history(
            account.customer_since,
            account.lost_on,
            earlier_periods(account.earlier_periods),
            values["customer_since"],
            values["lost_on"],
        )
        values["earlier_periods"] = periods_json(history.earlier)
        _check_referrer(session, values, account_id)
        for key, value in values.items():
            setattr(account, key, value)
        account.tags = tags_for(session, data.tags)


def account_input(db: Database, account_id: str) -> AccountInput:
    """The stored account as an editable input."""
    return account_for_edit(db, account_id).data


def account_for_edit(db: Database, account_id: str) -> Loaded[AccountInput]:
    """The stored account as an edit form shows it, with the version it was read at."""
    with db.reader() as session:
        account = trash.live(session, Account, account_id)
        return Loaded(_account_input(account), account.version)


def _account_input(account: Account) -> AccountInput:
    """A stored account as an edit form shows it (and a merge compares it)."""
    names = {f.name for f in fields(AccountInput)} - {"tags"}
    values = {name: getattr(account, name) for name in names}
    return AccountInput(**values, tags=[t.name for t in account.tags])


def _apply_dates(contact: Contact, items: Sequence[ImportantDateInput]) -> None:
    contact.important_dates = [ImportantDate(**clean_important_date(i)) for i in items]


def create_contact(db: Database, data: ContactInput) -> str:
    values = clean_contact(data)
    with db.transaction() as session:
        trash.live(session, Account, values["account_id"])
        contact = Contact(**values)
        contact.tags = tags_for(session, data.tags)
        _apply_dates(contact, data.important_dates)
        session.add(contact)
        session.flush()
        return contact.id


def update_contact(
    db: Database,
    contact_id: str,
    data: ContactInput,
    *,
    expected_version: int | None = None,
    loaded: ContactInput | None = None,
    changed: Collection[str] | None = None,
) -> None:
    """Save an edited contact. ``expected_version``: the version the form was loaded at
    (:func:`contact_for_edit`); when someone saved the contact since, the save is refused
    (:class:`~accountdesk.core.services.conflicts.ConflictError`). None writes over it.

    ``loaded``: what the form was filled with (and ``changed``, the fields the user changed,
    when the form knows them): someone else's save meanwhile is then merged field by field,
    and only fields both changed are refused
    (:func:`~accountdesk.core.services.conflicts.merged_or_refused`)."""
    with saving(db) as session:
        contact = outdated(session, Contact, contact_id, expected_version)
        data = merged_or_refused(
            contact, expected_version, loaded, _contact_input(contact), data, changed=changed
        )
        dates = frozenset(
            date(d.year, d.month, d.day) for d in contact.important_dates if d.year is not None
        )
        stored = {
            "consent_given_on": contact.consent_given_on,
            "consent_withdrawn_on": contact.consent_withdrawn_on,
            "stay_in_touch_days": contact.stay_in_touch_days,
            "date": dates,
        }
        with v.keeping(stored=stored):  # what it does not change is saved as it is
            values = clean_contact(data)
            trash.live(session, Account, values["account_id"])
            for key, value in values.items():
                setattr(contact, key, value)
            contact.tags = tags_for(session, data.tags)
            _apply_dates(contact, data.important_dates)


def contact_input(db: Database, contact_id: str) -> ContactInput:
    """The stored contact as an editable input."""
    return contact_for_edit(db, contact_id).data


def contact_for_edit(db: Database, contact_id: str) -> Loaded[ContactInput]:
    """The stored contact as an edit form shows it, with the version it was read at."""
    with db.reader() as session:
        contact = trash.live(session, Contact, contact_id)
        return Loaded(_contact_input(contact), contact.version)


def _contact_input(contact: Contact) -> ContactInput:
    """A stored contact as an edit form shows it (and a merge compares it)."""
    skip = {"tags", "important_dates", "emails", "phones"}
    names = {f.name for f in fields(ContactInput)} - skip
    values = {name: getattr(contact, name) for name in names}
    return ContactInput(
        **values,
        emails=[(e["label"], e["value"]) for e in contact.emails],
        phones=[(p["label"], p["value"]) for p in contact.phones],
        tags=[t.name for t in contact.tags],
        important_dates=[
            ImportantDateInput(d.kind, d.month, d.day, d.year, d.label, d.remind)
            for d in contact.important_dates
        ],
    )


def accounts_by_name(conn: Connection) -> dict[tuple[str, str], str]:
    """The live accounts by what an imported file names one by: its name in any case
    (:func:`~accountdesk.core.records.tag_key`: Turkish İ, I and ı alike) and its country;
    of two stored alike, the older. A row or card of a file that gives no account id joins
    the account found here (the CSV and vCard imports); an account in the trash is not found
    (the file's makes a new one)."""
    acc = Account.__table__
    found: dict[tuple[str, str], str] = {}
    for account_id, name, country in conn.execute(
        select(acc.c.id, acc.c.name, acc.c.country)
        .where(acc.c.deleted_at.is_(None))
        .order_by(acc.c.id)
    ):
        found.setdefault((tag_key(name), country), account_id)
    return found
