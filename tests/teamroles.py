"""A team for the tests of the team features (lists, views, reports), on either backend.

On PostgreSQL the test's database is set up as a team server for real
(:func:`teamserver.set_up`: ``server init`` and ``add-user``, so every member is a login role
of their own under the server's grants and guards); each member's :class:`Database` connects
as them, and the server stamps what they write with their login. Logins belong to the whole
cluster, so every test has new ones: go by :attr:`Members.logins` and :attr:`Members.names`.

A laptop's own file has no members: there a "member" is the same file opened again, an
owner is free text, and it is shown as typed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest

from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.queries.team import owner_names
from pgcluster import Cluster
from teamserver import Team, set_up

#: Who is on the team: the manager and two reps.
WHO = ("manager", "anna", "ben")


@dataclass
class Members:
    admin: Database  # the test's own connection (the administrator on a server)
    manager: Database
    anna: Database
    ben: Database
    #: manager/anna/ben -> their login on a server, the owner as typed in a file
    logins: dict[str, str]
    #: manager/anna/ben -> how lists and reports name them: the member's name on a server, the
    #: owner as typed in a file
    names: dict[str, str]
    server: Team | None

    def target(self, who: str) -> str:
        """What ``--db`` takes to connect as ``who``: the file, or the server as them."""
        if self.server is None:
            return str(self.admin.path)
        return self.server.url(self.logins[who])

    def close(self) -> None:
        for db in (self.manager, self.anna, self.ben):
            db.close()


@contextmanager
def team_of(db: Database, request: pytest.FixtureRequest) -> Iterator[Members]:
    """The team of ``db`` (the ``db`` fixture), each member connected as themselves."""
    if not db.is_postgres:
        assert db.path is not None
        logins = {"manager": "maria", "anna": "anna", "ben": "ben"}
        found = Members(db, *(open_database(db.path) for _ in WHO), logins, dict(logins), None)
    else:
        cluster = request.getfixturevalue("pg_cluster")
        assert isinstance(cluster, Cluster)
        database = db.engine.url.database
        assert database is not None
        server = set_up(cluster, database)
        logins = {"manager": server.manager, "anna": server.anna, "ben": server.ben}
        named = owner_names(db)
        names = {who: named[login] for who, login in logins.items()}
        found = Members(db, *(server.connect(logins[w]) for w in WHO), logins, names, server)
    try:
        yield found
    finally:
        found.close()
