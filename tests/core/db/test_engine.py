import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from accountdesk.core.db import engine as db_engine
from accountdesk.core.db.engine import DatabaseOpenError, open_database
from accountdesk.core.db.migrations import alembic_config
from accountdesk.core.db.models import Base


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))


def test_migrations_and_models_describe_the_same_schema(database_target: str) -> None:
    """On both databases: the migrations, run from nothing, give what the models say."""
    db = open_database(database_target)

    def include(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
        return not (type_ == "table" and name and name.startswith("search_"))

    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"include_object": include, "compare_type": True}
        )
        diff = compare_metadata(ctx, Base.metadata)
        tables = set(inspect(conn).get_table_names())
    db.close()
    assert diff == []
    assert {"search_docs", "search_fts", "search_keys", "users"} <= tables


def test_the_trash_indexes_hold_the_trash_alone(database_target: str) -> None:
    """Alembic's comparison above does not look at an index's condition: the indexes of the
    trash's ids (models.trash_index) are partial on both databases, as the models say."""
    db = open_database(database_target)
    with db.engine.connect() as conn:
        if db.is_postgres:
            found = conn.execute(
                text("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE '%_trashed'")
            ).all()
        else:
            found = conn.execute(
                text("SELECT name, sql FROM sqlite_master WHERE name LIKE '%_trashed'")
            ).all()
    db.close()
    made = {str(name): " ".join(str(sql).split()) for name, sql in found}
    assert set(made) == {"ix_accounts_trashed", "ix_contacts_trashed"}
    for sql in made.values():
        assert sql.endswith(("WHERE deleted_at IS NOT NULL", "WHERE (deleted_at IS NOT NULL)"))


def test_a_laptop_file_is_opened_without_the_postgresql_dialect(tmp_path: Path) -> None:
    """SQLAlchemy imports a dialect to check an index's ``postgresql_*`` options: the models
    give none, so a laptop's start (open the file, fill Today) does not pay for it. (Upgrading
    an older file runs the migrations, which may.)"""
    open_database(tmp_path / "laptop.db").close()
    code = (
        "import sys\n"
        "from accountdesk.core.db.engine import open_database\n"
        "from accountdesk.core.queries import culture, followups, lists, today\n"
        f"open_database({str(tmp_path / 'laptop.db')!r}).close()\n"
        "print(sorted(m for m in sys.modules if m.startswith('sqlalchemy.dialects.postgres')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "[]"


def test_the_search_tables_of_the_migrations_are_those_of_the_search_module() -> None:
    """Migrations keep their own copy of the index's DDL (they must stay what they were)."""
    import importlib.util

    from accountdesk.core.db import fts
    from accountdesk.core.db.migrations import HERE

    def ddl(name: str, constant: str) -> tuple[str, ...]:
        spec = importlib.util.spec_from_file_location(name, HERE / "versions" / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return tuple(getattr(module, constant))

    # 0001 made the tables; 0007 made the full-text table again with one-letter prefixes;
    # 0010 the documents' table with AUTOINCREMENT
    made = ddl("0001_initial_schema", "SEARCH_DDL")
    assert made[0].startswith("CREATE TABLE search_docs ")
    assert made[1].startswith("CREATE VIRTUAL TABLE search_fts ")
    at_head = (
        *ddl("0010_search_rowids_never_again", "SEARCH_DOCS_DDL"),
        *ddl("0007_one_letter_prefix_index", "SEARCH_FTS_DDL"),
        *made[2:],
    )
    assert at_head == fts.SEARCH_DDL
    assert ddl("0005_team", "PG_SEARCH_DDL") == fts.PG_SEARCH_DDL


def test_schema_head_constant_matches_alembic() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert script.get_heads() == [db_engine.SCHEMA_HEAD]
    known = [rev.revision for rev in script.walk_revisions()]
    assert sorted(known) == sorted(db_engine.KNOWN_REVISIONS)


def test_sqlite_pragmas(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.db")
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"just some text, not a database\n")
    with pytest.raises(DatabaseOpenError, match="not an SQLite database"):
        open_database(path)
    assert path.read_bytes() == b"just some text, not a database\n"


def _another_programs_database(path: Path) -> str:
    """An SQLite file of another program (a browser's history, say); its SHA-256."""
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.com')")
    conn.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("read_only", [None, True])
def test_another_programs_sqlite_file_is_refused_and_left_untouched(
    tmp_path: Path, read_only: bool | None
) -> None:
    path = tmp_path / "places.sqlite"
    checksum = _another_programs_database(path)
    with pytest.raises(DatabaseOpenError) as refused:
        open_database(path, read_only=read_only)
    assert str(refused.value) == f"{path} is not an AccountDesk database; it was left untouched."
    assert hashlib.sha256(path.read_bytes()).hexdigest() == checksum
    assert sorted(p.name for p in tmp_path.iterdir()) == ["places.sqlite"]  # no -wal, no backup
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()


@pytest.mark.parametrize("version", ["ae1027a6acf", None])
def test_another_programs_alembic_file_is_refused_and_left_untouched(
    tmp_path: Path, version: str | None
) -> None:
    """Another program that keeps its schema with Alembic too: its revision ("ae1027a6acf")
    was called a newer AccountDesk's and the file was changed; with no revision yet, the file
    was made an AccountDesk database beside its own tables."""
    path = tmp_path / "other.db"
    _another_programs_database(path)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        if version is not None:
            conn.execute("INSERT INTO alembic_version VALUES (?)", (version,))
    conn.close()
    checksum = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(DatabaseOpenError) as refused:
        open_database(path)
    assert str(refused.value) == f"{path} is not an AccountDesk database; it was left untouched."
    assert hashlib.sha256(path.read_bytes()).hexdigest() == checksum
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_an_empty_sqlite_file_is_made_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    sqlite3.connect(path).close()  # a file of no pages, as a program that never wrote leaves
    db = open_database(path)
    assert db_engine.schema_revision(db) == db_engine.SCHEMA_HEAD
    db.close()


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = path.read_bytes()
    with pytest.raises(DatabaseOpenError, match="newer AccountDesk"):
        open_database(path)
    assert path.read_bytes() == before


def test_backup_is_taken_before_a_migration(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "old.db"
    db = open_database(path)
    with db.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "base")
    db.close()
    reopened = open_database(path)
    backups = list((tmp_path / "home" / "backups").glob("*/*-before-migration-*.db"))
    assert len(backups) == 1
    assert db_engine.schema_revision(reopened) == db_engine.SCHEMA_HEAD
