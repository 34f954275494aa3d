"""Findings of a tour of the command line as a new user meets it: bad input is one sentence
naming what and where, with a non-zero exit, never "unexpected error"."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.mark.parametrize("year", ["99999", "0", "-5", "next"])
def test_country_year_outside_the_calendar_is_a_usage_error(run: Run, year: str) -> None:
    """``country LV --year 99999`` said "unexpected error (ValueError: year 99999 is out of
    range)"."""
    result = run("country", "LV", f"--year={year}")
    assert result.returncode == 2
    assert "unexpected error" not in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == (
        "accountdesk country: argument --year: must be a year from 1 to 9999"
    )


def test_country_year_inside_the_calendar_prints_that_years_holidays(run: Run) -> None:
    result = run("country", "LV", "--year", "2027", check=True)
    holidays = result.stdout.split("Holidays in 2027")[1]
    assert "1 Jan 2027  New Year's Day" in holidays and "2026" not in holidays


def test_a_cut_short_vcard_file_is_one_sentence_with_one_stop(run: Run, tmp_path: Path) -> None:
    """It said "Card 1 has no END:VCARD; is the file complete?. Nothing was imported."."""
    path = tmp_path / "cut.vcf"
    path.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Kalns;J\xc4\x81nis;;;\r\nORG:Koks\r\n")
    result = run("import", "--db", str(tmp_path / "a.db"), "--dry-run", str(path))
    assert result.returncode == 1
    assert result.stderr == (
        "accountdesk: Card 1 has no END:VCARD: the file may be cut short. Nothing was imported.\n"
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("people.csv", "account_name,account_country,given_name,family_name\nKoks,LV,,Kalns\n"),
        ("export.json", "{not json"),
        ("cards.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\n"),
    ],
)
def test_a_refused_import_leaves_no_new_database_behind(
    run: Run, tmp_path: Path, name: str, content: str
) -> None:
    """An import into a database that did not exist made it before reading the file, and a
    refused file left it behind, empty; an existing database stays as it was."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    new = tmp_path / "new.db"
    result = run("import", "--db", str(new), str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert not list(tmp_path.glob("new.db*"))
    run("demo", "--db", str(new), "--accounts", "1", check=True)
    assert run("import", "--db", str(new), str(path)).returncode == 1
    exported = run("export", "--db", str(new), "-o", str(tmp_path / "out.csv"), check=True)
    assert exported.stderr == "Exported 3 rows.\n"  # the demo's 3 contacts are still there


def test_config_refuses_words_it_would_ignore(run: Run, tmp_path: Path) -> None:
    """``config get user.zone Europe/Riga`` (a set, mistyped) printed the zone stored and
    changed nothing, without a word; ``config list user.zone`` listed everything."""
    db = str(tmp_path / "c.db")
    run("config", "--db", db, "set", "user.zone", "Asia/Tehran", check=True)
    cases = {
        ("get", "user.zone", "Europe/Riga"): "accountdesk: config get takes only the setting's "
        "name; change it with: accountdesk config set user.zone VALUE.\n",
        ("unset", "user.zone", "now"): "accountdesk: config unset takes only the setting's "
        "name: accountdesk config unset user.zone.\n",
        ("list", "user.zone"): "accountdesk: config list takes no setting; read one with: "
        "accountdesk config get user.zone.\n",
    }
    for args, said in cases.items():
        result = run("config", "--db", db, *args)
        assert (result.returncode, result.stderr) == (1, said), args
    assert run("config", "--db", db, "get", "user.zone", check=True).stdout == "Asia/Tehran\n"


def test_a_database_damaged_inside_is_one_sentence(run: Run, tmp_path: Path) -> None:
    """A file whose header is sound but whose pages are damaged ended export, followups,
    duplicates and db check in "unexpected error (DatabaseError: … database disk image is
    malformed)"."""
    db = tmp_path / "d.db"
    run("demo", "--db", str(db), "--accounts", "20", check=True)
    assert not Path(f"{db}-wal").exists()  # all in the file itself
    data = bytearray(db.read_bytes())
    quarter = len(data) // 4  # the pages of the middle half: tables and indexes
    data[quarter : 3 * quarter] = b"A" * (2 * quarter)
    db.write_bytes(bytes(data))
    said = (
        f"accountdesk: The database {db} is damaged: a part of the file cannot be read, so "
        f"nothing was changed. Restore a backup: accountdesk db backups --db {db} lists them, "
        f"and accountdesk db restore NAME --db {db} puts one in its place (the damaged file is "
        "kept beside it).\n"
    )
    for args in (["export", "-o", str(tmp_path / "out.csv")], ["db", "check"]):
        result = run(*args, "--db", str(db))
        assert (result.returncode, result.stderr) == (1, said), args


@pytest.mark.parametrize("target", ["mysql://ann:secret@db.example/crm", "foo://x"])
def test_an_address_of_another_kind_of_database_is_one_sentence(run: Run, target: str) -> None:
    """``--db mysql://…`` ended in "unexpected error (ModuleNotFoundError: No module named
    'MySQLdb')", ``foo://x`` in SQLAlchemy's "Can't load plugin"; the sentence shows the
    scheme only (the rest of the address may hold a password)."""
    scheme = target.split("://")[0]
    result = run("search", "--db", target, "anna")
    assert (result.returncode, result.stderr) == (
        1,
        f"accountdesk: A {scheme}:// address is neither a database file nor a team server's "
        "address (postgresql://…).\n",
    )


def test_export_refuses_options_of_another_format(run: Run, tmp_path: Path) -> None:
    """``export --vcard-version 4.0`` wrote CSV, and ``export --format json --raw`` JSON,
    without a word about the option they ignored."""
    db = str(tmp_path / "e.db")
    run("demo", "--db", db, "--accounts", "1", check=True)
    cases = {
        ("--vcard-version", "4.0"): "accountdesk: --vcard-version is the version of a vCard "
        "export (--format vcard).\n",
        ("--format", "json", "--raw"): "accountdesk: --raw is for a CSV export (--format csv).\n",
    }
    for args, said in cases.items():
        result = run("export", "--db", db, *args)
        assert (result.returncode, result.stderr, result.stdout) == (1, said, ""), args
    cards = run("export", "--db", db, "--format", "vcard", "--vcard-version", "4.0", check=True)
    assert cards.stdout.startswith("BEGIN:VCARD\nVERSION:4.0\n")
    default = run("export", "--db", db, "--format", "vcard", check=True)
    assert default.stdout.startswith("BEGIN:VCARD\nVERSION:3.0\n")


def test_country_writes_dates_in_the_calendar_the_settings_ask_for(
    run: Run, tmp_path: Path
) -> None:
    """``config set ui.calendar gregorian`` is for every command: ``country`` opens no
    database through SQLAlchemy and wrote Solar Hijri dates in Persian whatever it said."""
    db = str(tmp_path / "cal.db")
    run("--db", db, "demo", "--accounts", "2", check=True)

    def nowruz() -> str:
        out = run("--lang", "fa", "--db", db, "country", "IR", "--year", "2027", check=True)
        return next(line for line in out.stdout.splitlines() if "نوروز:" in line)

    assert "۱ فروردین ۱۴۰۶" in nowruz()  # the language's own calendar by default
    run("--db", db, "config", "set", "ui.calendar", "gregorian", check=True)
    assert "۲۱ مارس ۲۰۲۷" in nowruz()
    # where the setting cannot be read without a passphrase or a server, the option says it
    out = run("--lang", "fa", "country", "IR", "--year", "2027", "--calendar", "gregorian")
    assert "۲۱ مارس ۲۰۲۷" in next(line for line in out.stdout.splitlines() if "نوروز:" in line)
