"""A large CSV file starts being checked before the command line is ready to write
(``csv_check.started_early``): the import takes those processes over, and stops them when it
turns out to check the file itself or the command fails first."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import func, select

from accountdesk import cli
from accountdesk.core.db import engine
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import Contact
from accountdesk.core.io import csv_check
from accountdesk.core.io.csv_io import import_csv


def _file(tmp_path: Path, rows: int = 120) -> Path:
    path = tmp_path / "people.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["account_name", "account_country", "given_name", "family_name"])
        writer.writerows([f"Koks {n // 3}", "LV", f"Ilze {n}", "Ozola"] for n in range(rows))
    return path


def _contacts(db: Database) -> int:
    with db.reader() as session:
        return int(session.scalar(select(func.count()).select_from(Contact)) or 0)


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[csv_check.Checkers]:
    """Every set of checking processes started, in order (small files count as large)."""
    monkeypatch.setattr(csv_check, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(csv_check, "CHUNK_ROWS", 40)
    made: list[csv_check.Checkers] = []
    real = csv_check.start

    def start(path: Path, language: str, country: str | None = None) -> csv_check.Checkers:
        made.append(real(path, language, country))
        return made[-1]

    monkeypatch.setattr(csv_check, "start", start)
    return made


def test_the_command_line_starts_checking_before_it_opens_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, started: list[csv_check.Checkers]
) -> None:
    path = _file(tmp_path)
    opened_after: list[int] = []
    real_open = engine.open_database

    def open_and_note(*args: object, **kwargs: object) -> Database:
        opened_after.append(len(started))  # how many checkers had started by then
        return real_open(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "open_database", open_and_note)
    target = tmp_path / "crm.db"
    assert cli.main(["--db", str(target), "import", str(path)]) == 0
    assert opened_after and opened_after[0] == 1
    assert len(started) == 1  # taken over by the import, not started again
    assert all(p.poll() is not None for p in started[0].processes)
    assert _contacts(open_database(target)) == 120


def test_processes_started_for_a_file_checked_here_are_stopped(
    db: Database, tmp_path: Path, started: list[csv_check.Checkers]
) -> None:
    path = _file(tmp_path)
    early = csv_check.start(path, "en")
    report = import_csv(db, path, dry_run=True, checking=early)  # a dry run checks here
    assert report.contacts_created == 120
    assert all(p.poll() is not None for p in early.processes)
    assert _contacts(db) == 0


def test_the_import_dialogs_mapping_of_an_export_of_ours_is_checked_apart(
    db: Database, tmp_path: Path, started: list[csv_check.Checkers]
) -> None:
    """The dialog always passes a mapping: the one recognised for AccountDesk's own columns
    reads the file as the checking process does, and the file is checked in it."""
    from accountdesk.core.io import mapping as column_mapping
    from accountdesk.core.io.csv_format import read_sample

    path = _file(tmp_path)
    recognised = column_mapping.recognise(read_sample(path)[0])
    report = import_csv(db, path, mapping=recognised)
    assert (report.contacts_created, _contacts(db)) == (120, 120)
    assert len(started) == 1
    assert all(p.poll() is not None for p in started[0].processes)


def test_a_mapping_that_reads_the_file_otherwise_is_checked_here(
    db: Database, tmp_path: Path, started: list[csv_check.Checkers]
) -> None:
    from accountdesk.core.io import mapping as column_mapping
    from accountdesk.core.io.csv_format import read_sample

    path = _file(tmp_path)
    recognised = column_mapping.recognise(read_sample(path)[0])
    for changed in (
        {**recognised.columns, "family_name": column_mapping.Rule(column_mapping.IGNORE)},
        {**recognised.columns, "family_name": column_mapping.Rule(column_mapping.NOTES)},
    ):
        mapping = column_mapping.ColumnMapping(changed)
        report = import_csv(db, path, dry_run=False, mapping=mapping)
        assert report.contacts_created + report.contacts_updated == 120
    assert started == []


def test_checking_started_for_a_command_that_fails_first_is_stopped(
    tmp_path: Path, started: list[csv_check.Checkers]
) -> None:
    path = _file(tmp_path)
    with pytest.raises(RuntimeError), csv_check.started_early(path, "en", apart=True) as checking:
        assert checking is not None and checking.processes[0].poll() is None
        raise RuntimeError("the database could not be opened")
    assert all(p.poll() is not None for p in started[0].processes)


def _checking_process(path: Path, chunk_rows: int, *, told: bytes) -> tuple[bytes, str]:
    """Run the checking process's command on ``path`` as the import starts it, ``told``
    whether the database is empty on its standard input: what it wrote, and the modules of
    SQLAlchemy and the models it had loaded by its end (as the text of a sorted list)."""
    import subprocess
    import sys

    argv = [str(path), "en", "0", "1", "1000", "00ff", str(chunk_rows), "1000"]
    probe = (
        "import runpy, sys\n"
        f"sys.argv = ['csv_check', *{argv!r}]\n"
        "try:\n"
        "    runpy.run_module('accountdesk.core.io.csv_check', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'"
        " or m == 'accountdesk.core.db.models'), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], input=told, capture_output=True, timeout=120, check=True
    )
    return done.stdout, done.stderr.decode().strip().splitlines()[-1]


def test_the_checking_process_does_not_load_the_database_layer(tmp_path: Path) -> None:
    # It starts at once and checks while the parent starts up: SQLAlchemy and the models
    # (a quarter of a second) are for the writer. Told the database was not empty, it
    # counts no duplicates either, and ends without them.

    out, database_layer = _checking_process(_file(tmp_path), 40, told=b"0")
    assert out  # the chunks it checked
    assert database_layer == "[]"


def test_counting_the_duplicates_does_not_load_the_database_layer_either(
    tmp_path: Path,
) -> None:
    # Told the database was empty, it counts the likely duplicates among the rows it checked
    # while the parent commits: with the rules alone (accountdesk.core.likeness), not the
    # merging's module, whose SQLAlchemy and models took a quarter of a second after the last
    # chunk and kept the parent waiting.
    import io
    import pickle

    path = tmp_path / "people.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["account_name", "account_country", "given_name", "family_name", "email"])
        writer.writerows(
            [
                ["Koks", "LV", "Anna", "Bērziņa", ""],
                ["Koks", "LV", "Anna", "Berzina", ""],  # a similar name at the same account
                ["Ābele", "LV", "Jānis", "Kalniņš", "j.kalnins@abele.lv"],
                ["Cits", "LV", "Pēteris", "Ozols", "J.Kalnins@abele.lv"],  # the same address
                *([f"Koks {n}", "LV", f"Ilze {n}", "Liepa", ""] for n in range(40)),
            ]
        )
    out, database_layer = _checking_process(path, 10, told=b"1")
    stream = io.BytesIO(out)
    kinds: list[str] = []
    contacts = 0
    paired = None
    while stream.tell() < len(out):
        kind, payload = pickle.load(stream)
        kinds.append(kind)
        if kind == "chunk":
            contacts += len(payload.contacts)
        elif kind == "paired":
            paired = payload
    assert kinds[-2:] == ["done", "paired"] and contacts == 44
    assert paired == 4  # the two Annas and the two holders of one address
    assert database_layer == "[]"


def test_a_large_import_loads_the_line_breaks_before_its_first_chunk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, started: list[csv_check.Checkers]
) -> None:
    # Thai names need ICU for their search words: loaded while the checking process is
    # ahead, not when the first Thai name reaches the writer (55 ms of the slower process).
    from accountdesk.core import icu
    from accountdesk.core.io import csv_io

    events: list[str] = []
    real_load, real_write = icu.load_line_breaks, csv_io._write_chunk

    def load() -> None:
        events.append("load")
        real_load()

    def write(*args: object, **kwargs: object) -> None:
        events.append("chunk")
        real_write(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(icu, "load_line_breaks", load)
    monkeypatch.setattr(csv_io, "_write_chunk", write)
    assert cli.main(["--db", str(tmp_path / "crm.db"), "import", str(_file(tmp_path))]) == 0
    assert events[0] == "load" and events.count("load") == 1 and events.count("chunk") >= 2
    # a small file, checked in this process, does not
    events.clear()
    monkeypatch.setattr(csv_check, "PARALLEL_MIN_BYTES", 1 << 30)
    assert cli.main(["--db", str(tmp_path / "small.db"), "import", str(_file(tmp_path))]) == 0
    assert events and "load" not in events


def test_loading_the_line_breaks_loads_qtcore_and_caches_nothing() -> None:
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from accountdesk.core import icu\n"
        "before = 'PySide6.QtCore' in sys.modules\n"
        "icu.load_line_breaks()\n"
        "print(before, 'PySide6.QtCore' in sys.modules, icu.line_breaks.cache_info().currsize)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.split() == ["False", "True", "0"]
