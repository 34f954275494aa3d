"""Who is on the team of a shared server (the ``users`` table), read side.

A member's login is their PostgreSQL role: the server stamps it on every record they write
(``updated_by``) and an account's ``owner`` names it. A laptop's copy of a server takes the
team from the server (``users`` is pulled, never sent) and its user is the member it reaches
the server as. A laptop's own file has no members (its owners are free text, as typed).
Adding members and their roles is :mod:`accountdesk.core.db.server`'s.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from operator import attrgetter

from sqlalchemy import select

from accountdesk.core import icu
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import User

__all__ = [
    "MANAGER",
    "REP",
    "ROLES",
    "TeamMember",
    "me",
    "members",
    "owner_name",
    "owner_name_sql",
    "owner_names",
]

REP, MANAGER = "rep", "manager"
ROLES = (REP, MANAGER)


@dataclass(frozen=True)
class TeamMember:
    id: str
    login: str
    name: str
    email: str | None
    role: str  # REP or MANAGER

    @property
    def is_manager(self) -> bool:
        return self.role == MANAGER


def members(db: Database) -> list[TeamMember]:
    """The team, by name in the order of the user's language (ICU, not the database's
    collation: a Persian window lists مهری before Anna, a Latvian one Šarlote after Sandra),
    the same name by login; none on a laptop's own file."""
    with db.reader() as session:
        rows = session.scalars(select(User).where(User.deleted_at.is_(None))).all()
        found = [TeamMember(u.id, u.login, u.name, u.email, u.role) for u in rows]
    return icu.sorted_by(sorted(found, key=attrgetter("login")), attrgetter("name"))


def me(db: Database) -> TeamMember | None:
    """The user as a member of the team (:attr:`Database.member
    <accountdesk.core.db.engine.Database.member>`: the login connected to a server, or the
    one a laptop's copy of it reaches the server as), or None (a laptop's own file, or a
    login that is not on the team)."""
    login = db.member
    if login is None:
        return None
    return next((m for m in members(db) if m.login == login), None)


def owner_names(db: Database) -> dict[str, str]:
    """Login → name of every member, to show an account's owner by name."""
    return {m.login: m.name for m in members(db)}


def owner_name(names: Mapping[str, str], owner: str) -> str:
    """How an owner (an account's ``owner``, a record's ``updated_by``) is shown, given
    :func:`owner_names`: the member's name, else the owner as stored (a login no member has,
    e.g. an uploaded laptop's free text; every owner of a laptop's own file, which has no
    members)."""
    return names.get(owner, owner)


def owner_name_sql(column: str) -> str:
    """The SQL twin of :func:`owner_name` for the owner in ``column`` (e.g. ``a.owner``), where
    a list is sorted in SQL by the name it shows."""
    return (
        f"COALESCE((SELECT u.name FROM users u WHERE u.login = {column}"
        f" AND u.deleted_at IS NULL), {column})"
    )
