"""The installed command line, end to end."""

from __future__ import annotations

import csv
import io
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import tzdata  # type: ignore[import-untyped]

from accountdesk import __version__

Run = Callable[..., subprocess.CompletedProcess[str]]


def test_version(run: Run) -> None:
    result = run("--version", check=True)
    assert result.stdout.strip() == f"AccountDesk {__version__} (tzdata {tzdata.IANA_VERSION})"


def test_export_marks_formulas_unless_raw_and_long_notes_survive(run: Run, tmp_path: Path) -> None:
    note = "=cmd|' /C calc'!A0 " + "n" * 200_000  # longer than the csv module's default limit
    csv.field_size_limit(max(csv.field_size_limit(), 300_000))  # for reading it here
    with (tmp_path / "in.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [
                ["account_name", "account_country", "account_notes", "given_name", "phones"],
                ['=HYPERLINK("http://x")', "LV", note, "@Ilze", "+371 2612 3456"],
            ]
        )
    run("import", "--db", "a.db", "in.csv", check=True)
    run("export", "--db", "a.db", "-o", "out.csv", check=True)
    row = next(csv.DictReader((tmp_path / "out.csv").open(encoding="utf-8", newline="")))
    assert row["account_name"] == '\'=HYPERLINK("http://x")'
    assert row["account_notes"] == "'" + note
    assert row["given_name"] == "'@Ilze"
    assert row["phones"] == "mobile:+37126123456"  # a bare Latvian 2x number is a mobile
    raw = run("export", "--db", "a.db", "--raw", check=True)
    raw_row = next(csv.DictReader(io.StringIO(raw.stdout, newline="")))
    assert raw_row["account_name"] == '=HYPERLINK("http://x")'
    assert raw_row["account_notes"] == note
    imported = run("import", "--db", "b.db", "out.csv")
    assert imported.returncode == 0, imported.stderr
    run("export", "--db", "b.db", "-o", "again.csv", check=True)
    assert (tmp_path / "again.csv").read_bytes() == (tmp_path / "out.csv").read_bytes()


def test_demo_search_export_import_round_trip(run: Run, tmp_path: Path) -> None:
    demo = run("demo", "--db", "demo.db", "--accounts", "120", "--seed", "3", check=True)
    assert "120 accounts" in demo.stdout
    found = run("search", "--db", "demo.db", "yıl", check=True)
    lines = found.stdout.strip().splitlines()
    assert lines and all("Yılmaz" in line for line in lines)
    run("export", "--db", "demo.db", "--format", "csv", "-o", "out.csv", check=True)
    imported = run("import", "--db", "empty.db", "out.csv", check=True)
    assert "Added 120 accounts." in imported.stdout
    run("export", "--db", "empty.db", "--format", "csv", "-o", "again.csv", check=True)
    assert (tmp_path / "out.csv").read_bytes() == (tmp_path / "again.csv").read_bytes()
    js = run("export", "--db", "demo.db", "--format", "json", check=True)
    assert js.stdout.startswith('{"format": "accountdesk-export"')


def test_bad_csv_row_is_one_clear_sentence(run: Run, tmp_path: Path) -> None:
    (tmp_path / "bad.csv").write_text(
        "account_name,account_country,given_name,timezone\n"
        "Dzintars,LV,Ilze,Europe/Riga\n"
        "Ābele,LV,Jānis,Mars/Base\n",
        encoding="utf-8",
    )
    result = run("import", "--db", "x.db", "bad.csv")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first = result.stderr.strip().splitlines()[0]
    assert "Row 3, column timezone" in first
    assert "Mars/Base" in first
    assert not (tmp_path / "x.db").exists()  # the new database made for it is gone again


def test_db_that_is_not_sqlite_is_left_untouched(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("shopping list\n", encoding="utf-8")
    result = run("search", "--db", str(target), "x")
    assert result.returncode == 1
    assert "not an SQLite database" in result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_text(encoding="utf-8") == "shopping list\n"


def test_another_programs_database_is_left_untouched_by_a_search(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "places.sqlite"
    with sqlite3.connect(target) as conn:
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.com')")
    conn.close()
    before = target.read_bytes()
    for command in (("search", "example"), ("config", "set", "user.country", "LV")):
        result = run(*command, "--db", str(target))
        assert result.returncode == 1, command
        assert result.stderr == (
            f"accountdesk: {target} is not an AccountDesk database; it was left untouched.\n"
        )
    assert target.read_bytes() == before
    assert not (tmp_path / "home" / "backups").exists()


def test_newer_schema_is_refused(run: Run, tmp_path: Path) -> None:
    run("db", "upgrade", "--db", "new.db", check=True)
    conn = sqlite3.connect(tmp_path / "new.db")
    # a newer AccountDesk's revision (its migrations are numbered; another program's is refused)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    result = run("db", "check", "--db", "new.db")
    assert result.returncode == 1
    assert "newer AccountDesk" in result.stderr


def test_db_check_and_path(run: Run, tmp_path: Path) -> None:
    run("demo", "--db", "d.db", "--accounts", "20", check=True)
    assert "healthy" in run("db", "check", "--db", "d.db", check=True).stdout
    assert run("db", "path", "--db", "d.db", check=True).stdout.strip() == str(tmp_path / "d.db")
    default = run("db", "path", check=True).stdout.strip()
    assert default == str(tmp_path / "home" / "accountdesk.db")


def test_usage_errors_exit_2(run: Run) -> None:
    assert run("demo", "--accounts", "-5").returncode == 2
    assert run("no-such-command").returncode == 2
    assert run("export", "--format", "xml").returncode == 2


def test_gui_without_display_says_so_in_one_sentence(run: Run) -> None:
    result = run("--db", "g.db")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "display" in lines[0].lower()
    assert "qt.qpa" not in result.stderr
