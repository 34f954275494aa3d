"""A path in a message is one left-to-right unit in a right-to-left language: Persian showed
"/tmp/x/a.db" as "tmp/x/a.db/" (its leading slash at the end) in the refusals of a file that is
not a database, a wrong passphrase, a damaged backup, an unreadable import. In other languages
the path stays as it is, so one copied out of a message has no hidden marks."""

from __future__ import annotations

from pathlib import Path

import pytest

from accountdesk.core.bidi import LRI, PDI
from accountdesk.core.db.engine import DatabaseOpenError, open_database
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import ltr_shown, use_language
from accountdesk.core.io.refusal import unreadable


def _not_a_database(tmp_path: Path) -> Path:
    path = tmp_path / "notes.db"
    path.write_text("not a database", encoding="utf-8")
    return path


def test_a_path_is_one_left_to_right_unit_in_persian(tmp_path: Path) -> None:
    path = _not_a_database(tmp_path)
    with use_language("fa"), pytest.raises(DatabaseOpenError) as raised:
        open_database(path)
    assert f"{LRI}{path}{PDI}" in str(raised.value)
    with use_language("fa"):
        message = unreadable(tmp_path / "gone.csv", FileNotFoundError(2, "x"))
    assert f"{LRI}{tmp_path / 'gone.csv'}{PDI}" in message


def test_elsewhere_a_path_has_no_marks(tmp_path: Path) -> None:
    path = _not_a_database(tmp_path)
    for lang in ("en", "lv", "th"):
        with use_language(lang), pytest.raises(UserError) as raised:
            open_database(path)
        assert str(path) in str(raised.value) and LRI not in str(raised.value)
        with use_language(lang):
            assert ltr_shown(path) == str(path)


def test_the_imports_name_their_file_left_to_right_in_persian(tmp_path: Path) -> None:
    """The CSV and JSON imports' refusals kept the raw path: '/tmp/x/empty.csv خالی است.'
    laid the whole Persian sentence out left to right (review finding)."""
    from accountdesk.core.db.engine import open_database as open_db
    from accountdesk.core.io.csv_io import import_csv
    from accountdesk.core.io.json_io import import_json

    db = open_db(tmp_path / "a.db")
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    for run, path in ((import_csv, empty), (import_json, broken)):
        with use_language("fa"), pytest.raises(UserError) as raised:
            run(db, path)
        assert f"{LRI}{path}{PDI}" in str(raised.value), str(raised.value)


def test_the_command_line_writes_a_path_without_marks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A terminal shows bidi marks as stray characters, and a path copied from it carries
    them: "Wrote FILE." after a report in Persian had LRI … PDI around the path (review r3,
    8), and so did the export's, the backups' and the mapping's lines."""
    from accountdesk import cli
    from accountdesk.core.bidi import BIDI_CONTROLS

    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    crm = str(tmp_path / "crm.db")
    assert cli.main(["--db", crm, "demo", "--accounts", "3"]) == 0
    assert cli.main(["--db", crm, "db", "backup"]) == 0
    (tmp_path / "plain.csv").write_text("Name,Firma\nA,B\n", encoding="utf-8")
    pdf, csv, mapping = (str(tmp_path / name) for name in ("q1.pdf", "out.csv", "m.toml"))
    runs = [
        (pdf, ["report", "portfolio", "--from", "2026-01-01", "--to", "2026-03-31", "-o", pdf]),
        (mapping, ["import", str(tmp_path / "plain.csv"), "--dry-run", "--save-map", mapping]),
        (str(tmp_path / "home"), ["db", "backups"]),
        ("", ["export", "--format", "csv", "-o", csv]),
    ]
    capsys.readouterr()
    for path, args in runs:
        cli.main(["--lang", "fa", "--db", crm, *args])
        err = capsys.readouterr().err
        assert err and path in err, (args, err)
        assert not any(ch in BIDI_CONTROLS for ch in err), (args, err)
