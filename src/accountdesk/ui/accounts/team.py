"""The team in the account and contact screens.

An account's owner in the account editor: on a team server, and on a laptop's copy of one
(which takes the team from the server), a choice of the members, shown by name and stored as
their login (a new account is the user's, :attr:`Database.member
<accountdesk.core.db.engine.Database.member>`, without a "No owner" to choose), rebuilt when the
form reloads what is stored; in a laptop's own file, which has no members, free text as typed.
And who changed a record last, and when, under a record view's title (a server stamps it, a
copy has it from the server; a laptop's own file has nobody to name).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from PySide6.QtWidgets import QComboBox, QLineEdit

from accountdesk.core.bidi import isolate
from accountdesk.core.db.engine import Database
from accountdesk.core.i18n import _
from accountdesk.core.queries.team import TeamMember, members, owner_name
from accountdesk.ui import fmt
from accountdesk.ui.forms import line, set_combo


def owner_field(db: Database, stored: str | None, *, new: bool) -> QComboBox | QLineEdit:
    """The owner's widget for an account owned by ``stored`` (None: no owner yet); ``new``: a
    new account, owned by the user when they are a member of the team.

    A server with no members yet (not set up with ``accountdesk server init``) keeps free
    text, as a file does."""
    team = members(db) if db.member is not None else []
    if not team:
        return line()
    box = QComboBox()
    fill_owner(box, db, stored, new=new, team=team)
    return box


def fill_owner(
    box: QComboBox,
    db: Database,
    stored: str | None,
    *,
    new: bool,
    team: Sequence[TeamMember] | None = None,
) -> None:
    """Fill ``box`` with the owner choices of an account owned by ``stored`` and choose it
    (again when the form reloads what is stored now: the owner may have changed meanwhile).

    An owner no member has (a login of an uploaded laptop's free text) stays a choice, shown as
    stored, so that saving the account does not drop it. "No owner" is offered unless the
    account is new and the user (:attr:`Database.member
    <accountdesk.core.db.engine.Database.member>`: the login connected, or the one a copy
    reaches the server as) is a member: such an account is theirs
    (:func:`~accountdesk.core.services.accounts.owner_of_new`), so the choice would be
    ignored."""
    team = members(db) if team is None else team
    logins = {m.login for m in team}
    choices = [(m.login, m.name) for m in team]
    if stored and stored not in logins:
        choices.append((stored, stored))
    me = db.member
    mine = new and me in logins
    box.clear()
    if not mine:
        # TRANSLATORS: the account editor's owner choice for an account nobody owns
        box.addItem(_("No owner"), "")
    for key, text in choices:
        box.addItem(text, key)
    set_combo(box, me if mine else stored)


def changed_text(
    names: Mapping[str, str], by: str | None, at: datetime | None, zone: str | None
) -> str:
    """The line "Changed by Anna Berg, 12 Mar 2025, 11:30": the member's name (``names``:
    :func:`~accountdesk.core.queries.team.owner_names`), the date and time in the user's zone
    and calendar; "" when nobody is named (a laptop's own file)."""
    if not by or at is None:
        return ""
    # TRANSLATORS: under a record's title: who saved it last and when
    return _("Changed by {name}, {when}").format(
        name=isolate(owner_name(names, by)), when=isolate(fmt.when(at, zone))
    )
