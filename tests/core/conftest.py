from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from accountdesk.core.db.engine import Database, open_database


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    database = open_database(tmp_path / "test.db")
    yield database
    database.close()
