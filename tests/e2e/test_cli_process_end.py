"""The end of a command-line process (``accountdesk.cli.run``): what a command wrote is in the
database file itself when the process ends, not left in SQLite's write-ahead log beside it."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from accountdesk import __version__

Run = Callable[..., subprocess.CompletedProcess[str]]


def test_a_copy_of_the_file_alone_holds_what_a_command_wrote(run: Run, tmp_path: Path) -> None:
    db = tmp_path / "crm.db"
    csv_file = tmp_path / "people.csv"
    csv_file.write_text(
        "account_name,account_country,given_name,family_name\n"
        "Anadolu Tekstil,TR,Ayşe,Yılmaz\n"
        "Ābele SIA,LV,Jānis,Bērziņš\n",
        encoding="utf-8",
    )
    result = run("--db", str(db), "import", str(csv_file), check=True)
    assert "2" in result.stdout
    # the log is folded back into the file when its last connection closes
    assert not Path(f"{db}-wal").exists()
    copy = tmp_path / "copy.db"  # what a user copying the file alone would keep
    shutil.copyfile(db, copy)
    conn = sqlite3.connect(copy)
    try:
        names = sorted(r[0] for r in conn.execute("SELECT given_name FROM contacts"))
    finally:
        conn.close()
    assert names == ["Ayşe", "Jānis"]


def test_python_m_accountdesk_runs_the_command_line(run: Run, tmp_path: Path) -> None:
    # a smoke test of __main__.py (it calls cli.run, as the console script does)
    shown = subprocess.run(
        [sys.executable, "-m", "accountdesk", "--version"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert __version__ in shown.stdout
    assert __version__ in run("--version", check=True).stdout
