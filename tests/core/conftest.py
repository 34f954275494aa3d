from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from accountdesk.core.db.engine import Database, open_database


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database_target: str) -> Iterator[Database]:
    """A new, empty database: on SQLite and on PostgreSQL (see ``database_target``)."""
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    database = open_database(database_target)
    yield database
    database.close()


# --- a team server (tests/teamserver.py) --------------------------------------------------


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder of the test's own, and no password from libpq's files or variables."""
    from teamserver import private_home

    return private_home(tmp_path, monkeypatch)


@pytest.fixture
def blank(request: pytest.FixtureRequest, home: Path) -> Iterator[tuple[str, str]]:
    """A new migrated database on the throwaway cluster, no team yet: (name, superuser URL)."""
    from pgcluster import BACKENDS
    from teamserver import blank_database

    if "postgresql" not in BACKENDS:
        pytest.skip("a team server needs PostgreSQL")
    cluster = request.getfixturevalue("pg_cluster")
    with blank_database(cluster, request.getfixturevalue("pg_template")) as found:
        yield found


@pytest.fixture
def team(request: pytest.FixtureRequest, blank: tuple[str, str]) -> object:
    """``server init`` and two reps on ``blank`` (teamserver.Team)."""
    from teamserver import set_up

    return set_up(request.getfixturevalue("pg_cluster"), blank[0])
