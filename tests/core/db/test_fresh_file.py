"""A new laptop file is made from head.sql, and is exactly what the migrations make."""

from __future__ import annotations

import importlib.util
import sqlite3
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import create_engine
from sqlalchemy.exc import OperationalError

from accountdesk.core.db import fresh
from accountdesk.core.db.engine import SCHEMA_HEAD, open_database, schema_revision
from accountdesk.core.db.identity import IDENTITY_KEY

ROOT = Path(__file__).resolve().parents[3]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "schema_snapshot", ROOT / "scripts" / "schema_snapshot.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _migrated(path: Path) -> Path:
    """A new file at ``path`` made by every migration (as scripts/schema_snapshot.py makes it)."""
    made: Path = _script().migrate_file(path)
    return made


def _everything(path: Path) -> dict[str, object]:
    """The schema, every row of every table and the header's settings of the file at
    ``path``; the database's identity (each file's own) left out. A full-text table is
    compared by its rows and its settings: the tables FTS5 keeps for itself differ in what is
    FTS5's own (a change counter; their DDL's quotes after a table was renamed)."""
    conn = sqlite3.connect(path)
    try:
        kinds = {name: kind for _s, name, kind, *_rest in conn.execute("PRAGMA table_list")}
        schema = sorted(
            (
                row
                for row in conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
                if kinds.get(row[1]) != "shadow"
            ),
            key=repr,
        )
        rows = {}
        for name, kind in kinds.items():
            if kind == "shadow" or name.startswith("sqlite_"):
                continue
            found = conn.execute(f'SELECT rowid, * FROM "{name}"').fetchall()
            if name == "settings":
                found = [r for r in found if r[1] != IDENTITY_KEY]
            rows[name] = sorted(found, key=repr)
            if kind == "virtual":
                rows[f"{name} settings"] = conn.execute(
                    f'SELECT k, v FROM "{name}_config" ORDER BY k'
                ).fetchall()
        header = {
            p: conn.execute(f"PRAGMA {p}").fetchone()[0]
            for p in ("user_version", "application_id", "page_size", "auto_vacuum", "encoding")
        }
    finally:
        conn.close()
    return {"schema": schema, "rows": rows, "header": header}


def test_head_sql_is_written_from_the_migrations_as_they_are() -> None:
    assert fresh.statements() == _script().migrated_statements(), (
        "core/db/head.sql is out of date: run `uv run python scripts/schema_snapshot.py`"
    )


def test_a_new_file_is_exactly_what_the_migrations_make_of_one(tmp_path: Path) -> None:
    migrated = _everything(_migrated(tmp_path / "migrated.db"))
    opened = tmp_path / "new.db"
    db = open_database(opened)
    assert schema_revision(db) == SCHEMA_HEAD
    db.close()
    made = _everything(opened)
    assert made == migrated
    # what is compared is the whole schema: the tables, the full-text index and its settings
    schema = made["schema"]
    assert isinstance(schema, list) and len(schema) > 70
    names = {name for _type, name, _table, _sql in schema}
    assert {"accounts", "contacts", "search_fts", "ix_contacts_trashed"} <= names
    rows = made["rows"]
    assert isinstance(rows, dict)
    assert rows["alembic_version"] == [(1, SCHEMA_HEAD)]
    assert rows["search_fts settings"] == [("hashsize", 1048576), ("version", 4)]


def test_a_new_file_is_made_without_loading_alembic(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from accountdesk.core.db.engine import open_database, schema_revision\n"
        f"db = open_database({str(tmp_path / 'new.db')!r})\n"
        "print(schema_revision(db), 'alembic' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.split() == [SCHEMA_HEAD, "False"]


def test_an_older_file_is_still_upgraded_by_the_migrations(tmp_path: Path) -> None:
    """A file with a table in it is never made again from head.sql: an older schema is
    upgraded by Alembic (here: one made by the first migration alone)."""
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    from alembic import command

    from accountdesk.core.db.migrations import alembic_config

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
    engine.dispose()
    db = open_database(path)
    assert schema_revision(db) == SCHEMA_HEAD
    db.close()
    migrated = _everything(_migrated(tmp_path / "migrated.db"))
    assert _everything(path) == migrated


def test_a_failure_while_making_a_file_leaves_it_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = fresh.statements()
    monkeypatch.setattr(fresh, "statements", lambda: [*real, "CREATE TABLE broken ("])
    path = tmp_path / "new.db"
    with pytest.raises(OperationalError):
        open_database(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)
    monkeypatch.undo()
    db = open_database(path)  # the next try makes it whole
    assert schema_revision(db) == SCHEMA_HEAD
    db.close()


def test_statements_are_read_whole_even_with_semicolons_inside() -> None:
    text = (
        "-- a heading\n"
        "CREATE TABLE a (x TEXT DEFAULT ';');\n"
        "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
        "  UPDATE a SET x = 'one;two';\n"
        "  DELETE FROM a WHERE 0;\n"
        "END;\n"
        "\n"
        "INSERT INTO a VALUES ('done');\n"
    )
    found = fresh.statements(text)
    assert [s.split()[0] + " " + s.split()[1] for s in found] == [
        "CREATE TABLE",
        "CREATE TRIGGER",
        "INSERT INTO",
    ]
    assert found[1].endswith("END;") and "'one;two'" in found[1]
    with pytest.raises(ValueError, match="ends inside a statement"):
        fresh.statements("CREATE TABLE a (x TEXT);\nCREATE TABLE b (\n")
