"""``accountdesk db backups`` writes the schema number in the language's digits, as the date
and size beside it (Persian: "طرح‌واره ۰۰۰۷", not "0007"); the backup's name, which
``db restore`` takes, keeps its ASCII digits."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from accountdesk.core import i18n
from accountdesk.core.db.schema import SCHEMA_HEAD

Run = Callable[..., subprocess.CompletedProcess[str]]
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"


def test_backups_list_in_persian_digits(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text(
        "account_name,account_country,given_name,family_name,country,timezone\n"
        "Pars Co,IR,Negar,Jafari,IR,Asia/Tehran\n",
        encoding="utf-8",
    )
    run("import", "--db", "data.db", str(source), check=True)
    run("db", "backup", "--db", "data.db", check=True)

    listed = run("--lang", "fa", "db", "backups", "--db", "data.db", check=True).stdout
    rows = [line.split("\t") for line in listed.splitlines()]
    assert len(rows) == 1
    when, size, schema, _kind, name = rows[0]
    persian = SCHEMA_HEAD.translate(str.maketrans("0123456789", PERSIAN_DIGITS))
    with i18n.use_language("fa"):
        assert schema == i18n._("schema {revision}").format(revision=persian)
    for cell in (when, size, schema):
        assert not any(ch.isascii() and ch.isdigit() for ch in cell), cell
    assert name.endswith(f"-manual-schema{SCHEMA_HEAD}.db")  # what db restore takes

    english = run("db", "backups", "--db", "data.db", check=True).stdout.split("\t")
    assert english[2] == f"schema {SCHEMA_HEAD}"


def test_upgrade_and_check_name_the_schema_in_the_language_digits(run: Run) -> None:
    persian = SCHEMA_HEAD.translate(str.maketrans("0123456789", PERSIAN_DIGITS))
    upgraded = run("--lang", "fa", "db", "upgrade", "--db", "data.db", check=True).stdout
    checked = run("--lang", "fa", "db", "check", "--db", "data.db", check=True).stdout
    for said in (upgraded, checked):
        assert persian in said and SCHEMA_HEAD not in said, said
    english = run("db", "upgrade", "--db", "data.db", check=True).stdout
    assert english.strip() == f"The database is at schema {SCHEMA_HEAD}."
