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
