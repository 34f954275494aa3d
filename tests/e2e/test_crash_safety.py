"""An import killed half-way leaves the database intact and without any of its rows."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from accountdesk.core.db.engine import open_database
from accountdesk.core.demo import generate
from accountdesk.core.io.csv_io import export_csv

# Runs the real import, but stops inside its transaction, after every row was inserted and
# before the commit, and signals the test through a marker file.
CHILD = r"""
import sys, time
from pathlib import Path
from accountdesk.core.db import search
from accountdesk.core.db.engine import open_database
from accountdesk.core.io import csv_io

db_path, csv_path, marker = sys.argv[1:4]
real = search.index_documents

def stall(conn, docs, **given):
    real(conn, docs, **given)
    Path(marker).write_text("inside the transaction")
    time.sleep(120)

csv_io.search.index_documents = stall
csv_io.import_csv(open_database(db_path), csv_path)
"""


def test_sigkill_during_import_leaves_no_rows_and_an_intact_file(
    tmp_path: Path, monkeypatch: object
) -> None:
    os.environ["ACCOUNTDESK_HOME"] = str(tmp_path / "home")
    source = open_database(tmp_path / "source.db")
    generate(source, accounts=400, seed=11)
    csv_path = tmp_path / "contacts.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        rows = export_csv(source, handle)
    assert rows > 400
    target_path = tmp_path / "target.db"
    target = open_database(target_path)
    generate(target, accounts=5, seed=99)  # what was stored before must survive
    target.close()
    before = sqlite3.connect(target_path).execute("SELECT count(*) FROM contacts").fetchone()[0]

    marker = tmp_path / "marker"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(target_path), str(csv_path), str(marker)],
        env={**os.environ},
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert child.poll() is None, "the import ended before it was killed"
            assert time.monotonic() < deadline, "the import never reached its transaction"
            time.sleep(0.05)
        # While the import holds its transaction, its rows are in the WAL, uncommitted.
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()

    conn = sqlite3.connect(target_path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == before
    assert conn.execute("SELECT count(*) FROM accounts").fetchone()[0] == 5
    conn.execute("INSERT INTO search_fts(search_fts) VALUES('integrity-check')")
    conn.close()
