#!/usr/bin/env python3
"""Write ``core/db/head.sql``: what the Alembic migrations make of an empty SQLite file.

    uv run python scripts/schema_snapshot.py           # runs every migration, writes head.sql
    uv run python scripts/schema_snapshot.py --check   # exit 1 when head.sql is out of date

A new laptop file is made from ``head.sql`` in one step instead of by running the migrations
(:mod:`accountdesk.core.db.fresh`). Run this after adding a migration; a test fails until
``head.sql`` is written again.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from pathlib import Path

from sqlalchemy import create_engine

from accountdesk.core.db import fresh
from accountdesk.core.db.migrations import upgrade_to_head


def migrate_file(path: Path) -> Path:
    """Run every migration on the new, empty file ``path``; returns ``path``."""
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            upgrade_to_head(conn)
    finally:
        engine.dispose()
    return path


def migrated_statements() -> list[str]:
    """Every migration run on a new, empty file; the statements that rebuild it."""
    with tempfile.TemporaryDirectory() as folder:
        path = migrate_file(Path(folder) / "migrated.db")
        conn = sqlite3.connect(path)
        try:
            return fresh.rebuilding(conn)
        finally:
            conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when head.sql is stale")
    args = parser.parse_args()
    text = fresh.snapshot_text(migrated_statements())
    current = fresh.SNAPSHOT.read_text(encoding="utf-8") if fresh.SNAPSHOT.exists() else ""
    if args.check:
        if current != text:
            print(f"{fresh.SNAPSHOT} is out of date: run scripts/schema_snapshot.py")
            return 1
        return 0
    fresh.SNAPSHOT.write_text(text, encoding="utf-8")
    print(f"wrote {fresh.SNAPSHOT} ({len(text.splitlines())} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
