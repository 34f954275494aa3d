"""``accountdesk followups export --ics`` and the report commands, end to end."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

Run = Callable[..., subprocess.CompletedProcess[str]]


def test_followups_export_writes_an_ics_file_and_nothing_else(run: Run, tmp_path: Path) -> None:
    run("demo", "--db", "demo.db", "--accounts", "10", "--seed", "2", check=True)
    out = tmp_path / "out"
    out.mkdir()
    (out / "follow-ups.ics").write_bytes(b"the previous export")
    result = run("followups", "export", "--db", "demo.db", "--ics", "out/follow-ups.ics")
    assert result.returncode == 0, result.stderr
    assert "out/follow-ups.ics" in result.stdout
    data = (out / "follow-ups.ics").read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR")
    assert sorted(p.name for p in out.iterdir()) == ["follow-ups.ics"]
    events = data.count(b"BEGIN:VEVENT")
    assert f"Exported {events} follow-up" in result.stdout


def test_followups_export_to_a_missing_folder_is_one_sentence(run: Run, tmp_path: Path) -> None:
    run("db", "upgrade", "--db", "x.db", check=True)  # reading commands never create one
    result = run("followups", "export", "--db", "x.db", "--ics", "missing/follow-ups.ics")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot be written" in lines[0]


def test_report_commands_are_registered(run: Run) -> None:
    result = run("report", "--help", check=True)
    assert "portfolio" in result.stdout and "trip" in result.stdout


def test_an_empty_period_says_which_period_is_empty(run: Run) -> None:
    """Open follow-ups exist, none in the period asked: the answer names the period instead of
    saying there are no open follow-ups at all."""
    run("demo", "--db", "demo.db", "--accounts", "10", "--seed", "2", check=True)
    everything = json.loads(run("followups", "--db", "demo.db", "--json", check=True).stdout)
    assert everything["follow_ups"]
    late = run("followups", "--db", "demo.db", "--at", "2100-01-01T00:00:00Z", "--due", "later",
               check=True).stdout  # fmt: skip
    assert late.strip() == "No open follow-ups in “Later”."
    assert "No open follow-ups." not in late
