"""``accountdesk export --format vcard`` and ``accountdesk import FILE.vcf|FILE.json``, run in
this process: round trips through files, a selection of contacts, problems with exit 1."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from accountdesk.cli import main

DATA = Path(__file__).parents[2] / "data"


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("ACCOUNTDESK_DB", raising=False)
    monkeypatch.chdir(tmp_path)


def test_vcard_round_trip_through_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--db", "demo.db", "--accounts", "15", "--seed", "5"]) == 0
    for version in ("3.0", "4.0"):
        first, second = f"first-{version}.vcf", f"second-{version}.vcf"
        capsys.readouterr()
        assert main(["export", "--db", "demo.db", "--format", "vcard", "--vcard-version",
                     version, "-o", first]) == 0  # fmt: skip
        exported = capsys.readouterr().err
        assert exported.startswith("Exported ") and exported.rstrip().endswith(" cards.")
        assert main(["import", "--db", f"empty-{version}.db", first]) == 0
        summary = capsys.readouterr().out
        assert summary.startswith("Read ") and "Updated" not in summary  # no "Updated 0 …"
        assert main(["export", "--db", f"empty-{version}.db", "--format", "vcard",
                     "--vcard-version", version, "-o", second]) == 0  # fmt: skip
        assert Path(second).read_bytes() == Path(first).read_bytes()
        assert f"VERSION:{version}\r\n".encode() in Path(first).read_bytes()


def test_json_round_trip_through_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--db", "demo.db", "--accounts", "15", "--seed", "5"]) == 0
    assert main(["export", "--db", "demo.db", "--format", "json", "-o", "first.json"]) == 0
    exported = capsys.readouterr().err
    assert main(["import", "--db", "empty.db", "first.json"]) == 0
    imported = capsys.readouterr().out
    assert imported.startswith("Imported ") and imported == exported.replace("Exported", "Imported")
    assert main(["export", "--db", "empty.db", "--format", "json", "-o", "second.json"]) == 0

    first, second = Path("first.json").read_text(), Path("second.json").read_text()
    assert first.split('"tables"', 1)[1] == second.split('"tables"', 1)[1]
    assert first.split('"exported_at"', 1)[0] == second.split('"exported_at"', 1)[0]
    # Importing it again is refused: the database is no longer empty.
    assert main(["import", "--db", "empty.db", "first.json"]) == 1
    assert "already holds data" in capsys.readouterr().err


def test_export_of_chosen_contacts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--db", "a.db", str(DATA / "android_v4.vcf")]) == 0
    capsys.readouterr()
    assert main(["export", "--db", "a.db", "--format", "vcard", "--contact", "สมชาย"]) == 0
    one = capsys.readouterr().out
    assert one.count("BEGIN:VCARD") == 1 and "FN:สมชาย ใจดี" in one
    assert main(["export", "--db", "a.db", "--format", "vcard", "--contact", "สมชาย",
                 "--contact", "مریم"]) == 0  # fmt: skip
    assert capsys.readouterr().out.count("BEGIN:VCARD") == 2
    assert main(["export", "--db", "a.db", "--format", "csv", "--contact", "สมชาย"]) == 1
    assert "--contact chooses the contacts of a vCard export" in capsys.readouterr().err


def test_import_problems_exit_1_and_remarks_go_to_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["import", "--db", "a.db", str(DATA / "rfc6350_example.vcf")]) == 1
    err = capsys.readouterr().err
    assert "Card 1 (Simon Perreault), TEL: Phone" in err and "Nothing was imported." in err
    assert main(["import", "--db", "a.db", "--dry-run", str(DATA / "apple_contacts_v3.vcf")]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("Checked 3 cards; nothing was written.")
    assert "X-SOCIALPROFILE on 1 card was not imported" in captured.err


@pytest.mark.parametrize("sample", ["google_contacts.csv", "apple_contacts_v3.vcf"])
def test_a_dry_run_leaves_no_database_behind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sample: str
) -> None:
    target = tmp_path / "new.db"
    data = Path(__file__).parents[2] / "data" / sample
    assert main(["import", "--dry-run", "--db", str(target), str(data)]) == 0
    assert "nothing was written" in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []  # no database, no -wal, no -shm


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Every ``Database.transaction`` opened: (the file's name, whether it was a load)."""
    from accountdesk.core.db.engine import Database

    found: list[tuple[str, bool]] = []
    real = Database.transaction

    def noted(self: Database, **options: bool) -> object:
        found.append((Path(self.path or "").name, options.get("load", False)))
        return real(self, **options)

    monkeypatch.setattr(Database, "transaction", noted)
    return found


def test_a_csv_import_into_an_empty_file_is_written_without_the_log_and_others_are_not(
    loads: list[tuple[str, bool]], capsys: pytest.CaptureFixture[str]
) -> None:
    """The command line, alone with its file, loads an empty one with a rollback journal
    (``Database.transaction(load=True)``); into a file that holds contacts it writes in WAL
    mode, so that the app can read that file meanwhile. Either way the file is in WAL mode
    after, and holds what the export held."""
    assert main(["demo", "--db", "demo.db", "--accounts", "15", "--seed", "5"]) == 0
    assert main(["export", "--db", "demo.db", "-o", "all.csv"]) == 0
    del loads[:]  # the demo's own transaction
    assert main(["import", "--db", "new.db", "all.csv"]) == 0
    assert main(["import", "--db", "demo.db", "all.csv"]) == 0  # holds them: updates
    assert ("new.db", True) in loads
    assert ("demo.db", True) not in loads and ("demo.db", False) in loads
    capsys.readouterr()
    counts = []
    for name in ("new.db", "demo.db"):
        with sqlite3.connect(name) as plain:
            assert plain.execute("PRAGMA journal_mode").fetchone() == ("wal",)
            counts.append(plain.execute("SELECT count(*) FROM contacts").fetchone()[0])
    assert counts[0] == counts[1] > 15
    assert not Path("new.db-journal").exists()


def test_a_json_export_is_loaded_without_the_log_from_the_command_line(
    loads: list[tuple[str, bool]], capsys: pytest.CaptureFixture[str]
) -> None:
    """An export goes into an empty database only: the command line loads it with a rollback
    journal (``Database.transaction(load=True)``), and the file is in WAL mode after."""
    assert main(["demo", "--db", "demo.db", "--accounts", "15", "--seed", "5"]) == 0
    assert main(["export", "--db", "demo.db", "--format", "json", "-o", "all.json"]) == 0
    assert main(["import", "--db", "new.db", "all.json"]) == 0
    assert ("new.db", True) in loads
    capsys.readouterr()
    with sqlite3.connect("new.db") as plain:
        assert plain.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert plain.execute("SELECT count(*) FROM contacts").fetchone()[0] > 15
