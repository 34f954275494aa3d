"""Members of a team for the tests of the team features (lists, views, reports).

On PostgreSQL a member is a login role of their own, with the rights to work on every table,
and a ``users`` row; their :class:`Database` connects as them, so the server stamps what they
write with their login. The roles are made here as the superuser, the way a test needs them;
``accountdesk server init/add-user`` (``core/db/server.py``) is what makes them for real.

A laptop's own file has no members: there a "member" is the same file opened again, and
nothing is written to ``users``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import User
from pgcluster import Cluster

PASSWORD = "throwaway-member"


def join(
    db: Database, cluster: object | None, login: str, name: str, role: str = "rep"
) -> Database:
    """``login`` connected to ``db``'s database as themselves (on a file: the file again).

    ``cluster`` is the ``pg_cluster`` fixture (None on SQLite). Close what this returns."""
    if not db.is_postgres:
        assert db.path is not None
        return open_database(db.path)
    assert isinstance(cluster, Cluster)
    database = db.engine.url.database
    assert database is not None
    cluster.execute(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{login}') THEN "
        f"CREATE ROLE {login} LOGIN PASSWORD '{PASSWORD}'; END IF; END $$"
    )
    cluster.execute(
        f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {login}; "
        f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {login}",
        database=database,
    )
    with db.transaction() as session:
        session.add(User(login=login, name=name, email=f"{login}@example.com", role=role))
    member = open_database(target(db, cluster, login))
    assert member.login == login
    return member


def target(db: Database, cluster: object | None, login: str) -> str:
    """What ``--db`` takes to connect to ``db``'s database as ``login`` (a member made by
    :func:`join`): the file's path, or the server's URL with their password."""
    if not db.is_postgres:
        return str(db.path)
    assert isinstance(cluster, Cluster)
    database = db.engine.url.database
    assert database is not None
    return cluster.url(database, user=login, pw=PASSWORD)


@contextmanager
def two_reps(db: Database, request: pytest.FixtureRequest) -> Iterator[tuple[Database, Database]]:
    """Two reps of ``db``'s team, Anna Berg (login ``anna``) and Ivars Kalniņš (``ivars``),
    each connected as themselves (on a file: the file opened twice)."""
    cluster = request.getfixturevalue("pg_cluster") if db.is_postgres else None
    anna = join(db, cluster, "anna", "Anna Berg")
    ivars = join(db, cluster, "ivars", "Ivars Kalniņš")
    yield anna, ivars
    anna.close()
    ivars.close()
