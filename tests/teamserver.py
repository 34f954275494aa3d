"""A set-up team server for the tests of ``core/db/server.py`` and its command line: a new
database on the throwaway cluster, ``server init`` run as the superuser (the administrator
here), one manager and two reps with logins of their own (roles belong to the whole cluster,
so every test has new ones) and passwords of their own."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from accountdesk.core.db import server
from accountdesk.core.db.engine import Database, open_database
from pgcluster import Cluster, new_pg_database

_numbers = itertools.count(1)


@dataclass
class Team:
    """A set-up team server: the database, its superuser (the administrator here), one
    manager and two reps, each with their own login and password."""

    cluster: Cluster
    database: str
    manager: str
    anna: str
    ben: str

    @property
    def admin_url(self) -> str:
        return self.cluster.url(self.database)

    def url(self, login: str) -> str:
        return self.cluster.url(self.database, user=login, pw=password_of(login))

    def connect(self, login: str) -> Database:
        db = open_database(self.url(login))
        assert db.login == login
        return db


def password_of(login: str) -> str:
    return f"secret-of-{login}"


def unique(prefix: str) -> str:
    """A login no other test of the session has (roles belong to the whole cluster)."""
    return f"{prefix}{os.getpid()}_{next(_numbers)}"


def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder of the test's own, and no password from libpq's files or variables."""
    folder = tmp_path / "home"
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(folder))
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    return folder


@contextmanager
def blank_database(cluster: Cluster, template: str) -> Iterator[tuple[str, str]]:
    """A new migrated database on the cluster, with no team yet: (name, superuser URL)."""
    name, url = new_pg_database(cluster, template)
    try:
        yield name, url
    finally:
        cluster.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def set_up(cluster: Cluster, database: str) -> Team:
    """``server init`` and two ``add-user`` on ``database``, as the superuser."""
    url = cluster.url(database)
    found = Team(cluster, database, unique("h15mgr"), unique("h15anna"), unique("h15ben"))
    lines = server.init_server(
        url,
        name="Maria López",
        email="maria@example.com",
        login=found.manager,
        password=password_of(found.manager),
    )
    assert lines[-1] == f"Maria López ({found.manager}) is on the team now, as a manager."
    for login, person in ((found.anna, "Anna Berg"), (found.ben, "Ben Okafor")):
        said = server.add_user(
            url, login, person, f"{login}@example.com", "rep", password_of(login)
        )
        assert said == f"{person} ({login}) is on the team now, as a rep."
    return found
