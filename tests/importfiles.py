"""Files to import in the tests: a CSV file of given rows, a vCard file of many cards and an
AccountDesk JSON export of a demo database (the tests of an import's Cancel, core and
dialog)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path

from accountdesk.core.db.engine import open_database
from accountdesk.core.demo import generate
from accountdesk.core.io.json_io import export_json

#: The sentence of a cancelled import (core/io/refusal.cancelled), in English.
CANCELLED = "The import was cancelled; nothing was written."
MADE = datetime(2026, 3, 1, 12, tzinfo=UTC)


def write_csv(
    path: Path, header: list[str], rows: list[list[str]], encoding: str = "utf-8"
) -> Path:
    """``path`` written as a CSV file of ``header`` and ``rows`` (lines ended by CRLF, as the
    csv module writes them)."""
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def vcard_file(tmp_path: Path, count: int = 300, *, emails: bool = True) -> Path:
    """``count`` cards of people at 40 companies in Rīga (with an e-mail address each)."""
    email = "EMAIL:janis{i}@koks.example\r\n" if emails else ""
    path = tmp_path / "cards.vcf"
    path.write_text(
        "".join(
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ozols{i};Jānis;;;\r\nFN:Jānis Ozols{i}\r\n"
            f"ORG:Koks {i % 40}\r\n{email.format(i=i)}ADR:;;;Rīga;;;Latvija\r\nEND:VCARD\r\n"
            for i in range(count)
        ),
        encoding="utf-8",
        newline="",
    )
    return path


def json_export(tmp_path: Path, accounts: int) -> Path:
    """The JSON export of a demo database of ``accounts`` accounts (a fixed seed and day)."""
    source = open_database(tmp_path / "source.db")
    generate(source, accounts=accounts, seed=7, anchor=date(2026, 3, 1), clock=lambda: MADE)
    out = io.StringIO()
    export_json(source, out, clock=lambda: MADE)
    source.close()
    path = tmp_path / "export.json"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path
