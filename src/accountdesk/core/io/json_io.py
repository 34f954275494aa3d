"""A full JSON export of the database: every table, every row, trash included.

The document is ``{"format": "accountdesk-export", "version": 1, "schema": "<revision>",
"exported_at": "...", "tables": {"accounts": [...], ...}}``; dates and instants are ISO 8601
(instants in UTC), money is a decimal string.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import IO, Any

from sqlalchemy import select

from accountdesk.core.clock import Clock, system_clock
from accountdesk.core.db.engine import Database, schema_revision
from accountdesk.core.db.models import Base

FORMAT = "accountdesk-export"
VERSION = 1


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def export_json(db: Database, out: IO[str], clock: Clock = system_clock) -> dict[str, int]:
    """Write the export to ``out``; returns the number of rows per table."""
    counts: dict[str, int] = {}
    out.write("{")
    header = {
        "format": FORMAT,
        "version": VERSION,
        "schema": schema_revision(db),
        "exported_at": clock().isoformat(),
    }
    for key, value in header.items():
        out.write(f"{json.dumps(key)}: {json.dumps(value)}, ")
    out.write('"tables": {')
    with db.reader() as session:
        conn = session.connection()
        for t_index, table in enumerate(Base.metadata.sorted_tables):
            if t_index:
                out.write(", ")
            out.write(f"{json.dumps(table.name)}: [")
            count = 0
            for row in conn.execute(select(table)):
                if count:
                    out.write(",")
                out.write("\n  ")
                record = {k: _plain(v) for k, v in row._mapping.items()}
                out.write(json.dumps(record, ensure_ascii=False, sort_keys=True))
                count += 1
            out.write("\n]")
            counts[table.name] = count
    out.write("}}\n")
    return counts
