"""SIGKILL at any moment of an import (into a database with data, and into an empty one), a demo
generation, an erase, a restore, an encryption and a change of passphrase leaves the database
intact, holding exactly what it held before or exactly what the operation makes of it (the
checks are in ``harness.py``).

Each operation is killed :data:`KILLS` times, at moments spread over its whole duration;
``tests/faults/run.py`` does the same 200 times per operation and prints where the kills
landed. An erase is also killed at one exact moment, between the erase of the database and
its second look at the backups, with a backup being written meanwhile: the next command
cleans that backup. The tests at the end show that the checks fail when what they look for
is wrong.
"""

from __future__ import annotations

import csv
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .harness import (
    KEY_NEW,
    KEY_OLD,
    Bench,
    Ended,
    Unreadable,
    Zygote,
    available,
    db_of,
    encryption_available,
    fractions,
    inspect,
    marks_of,
    open_file,
    operations,
    person_rows,
    unfinished_erasures,
)

#: Kills per operation in CI (run.py: 200).
KILLS = 20

pytestmark = pytest.mark.skipif(available() is not None, reason=str(available()))


@pytest.fixture(scope="module")
def zygote() -> Iterator[Zygote]:
    started = Zygote()
    yield started
    started.close()


@pytest.fixture(scope="module")
def bench(zygote: Zygote, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Bench]:
    """The prepared operation of that name (made once per module)."""
    made: dict[str, Bench] = {}

    def get(name: str) -> Bench:
        operation = operations()[name]
        if operation.keys and not encryption_available():
            pytest.skip("SQLCipher (sqlcipher3) is not installed here, so nothing is encrypted")
        if name not in made:
            made[name] = Bench(operation, zygote, tmp_path_factory.mktemp("faults"))
        return made[name]

    return get


@pytest.mark.parametrize("name", list(operations()))
def test_a_kill_at_any_moment_leaves_the_state_before_or_after(
    bench: Callable[[str], Bench], name: str
) -> None:
    tally = bench(name).run_kills(KILLS)
    assert tally.runs == KILLS
    assert sum(tally.phases.values()) == KILLS
    assert not tally.failures, "\n".join(tally.failures)


def test_the_kills_are_spread_over_the_whole_run_and_the_same_everywhere() -> None:
    drawn = fractions("import", KILLS)
    assert drawn == fractions("import", KILLS)
    assert drawn != fractions("demo", KILLS)
    for number, fraction in enumerate(drawn):  # one in each twentieth of the run
        assert number / KILLS <= fraction < (number + 1) / KILLS


@pytest.fixture
def writer() -> Iterator[int]:
    """The pid of a running process, as the one writing a backup (the app's daily one, another
    window's ``db backup``) while an erase runs."""
    process = subprocess.Popen(["sleep", "600"])
    yield process.pid
    process.kill()
    process.wait()


def test_an_erase_killed_before_its_second_look_is_finished_by_the_next_command(
    bench: Callable[[str], Bench], writer: int
) -> None:
    """The erase's own first pass cleans the backups there, but a copy of the database as it
    was, being written by another process meanwhile, is left for the second look, after the
    live erase: the erase is killed with SIGKILL right there (as it starts waiting for that
    copy). The database has the person erased and a record of what finds them in the backups
    (their id alone); the copy, complete later, still holds them. The next command, any that
    opens the database, cleans that copy and forgets the record."""
    erase = bench("erase")
    folder = erase.copy("killed-before-the-second-look")
    db = db_of(folder)
    person = erase.facts["person"]
    [older] = (folder / "home" / "backups").rglob("*-manual-*.db")  # the prepared one
    done = older.with_name("20261102T090000Z-manual-schema0018.db")
    copying = done.with_name(f".{done.name}.{writer}.part")  # backup.write_copy's name for it
    source, target = sqlite3.connect(db), sqlite3.connect(copying)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()

    ended = erase.launch(folder, None, kill_in="accountdesk.core.services.privacy:_taken_meanwhile")

    assert ended.killed, (folder / "log").read_text()
    assert {"committed", "killed"} <= marks_of(folder / "trace").keys()
    assert person_rows(db) == 0
    assert unfinished_erasures(db) == [[person]]
    assert person_rows(older) == 0  # the first pass had cleaned it
    copying.rename(done)  # the other process completes its copy and ends
    assert person_rows(done) == 1
    state, problems = inspect(db, {})
    assert problems == [] and state.same_rows(erase.after)

    ended = erase.launch(folder, None, argv=["db", "backups", "--db", str(db)])

    log = (folder / "log").read_text()
    assert ended.code == 0, log
    assert "had stopped before it had cleaned the backups; it is finished now." in log
    assert "1 backup was rewritten without the person erased." in log
    assert person_rows(done) == 0
    assert unfinished_erasures(db) == []
    copy_state, copy_problems = inspect(done, {})
    assert copy_problems == [] and copy_state.same_rows(erase.after)  # the rest kept whole
    assert erase.judge(folder, "after", ended) == ("after", [])


# --- the checks can fail ----------------------------------------------------------------

KILLED_INSIDE = Ended(killed=True, code=None, elapsed=0.1)


def _run_to_the_end(bench: Bench, name: str) -> Path:
    folder = bench.copy(name)
    assert bench.launch(folder, None).code == 0
    return folder


def test_a_half_written_import_is_caught(bench: Callable[[str], Bench]) -> None:
    imports = bench("import")
    folder = imports.copy("half")
    with (folder / "contacts.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    referrer = rows[0].index("account_referred_by")
    for row in rows[1:]:
        row[referrer] = ""  # the half without the accounts they name
    with (folder / "contacts.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows[: len(rows) // 2])
    assert imports.launch(folder, None).code == 0  # the first half of the file, committed
    outcome, problems = imports.judge(folder, "inside", KILLED_INSIDE)
    assert outcome == "neither"
    assert any("neither the state before nor the state after" in p for p in problems), problems


def test_the_state_after_is_wrong_when_the_kill_came_before_the_commit(
    bench: Callable[[str], Bench],
) -> None:
    demo = bench("demo")
    folder = _run_to_the_end(demo, "early")
    outcome, problems = demo.judge(folder, "inside", KILLED_INSIDE)
    assert outcome == "after"
    assert problems == ["the state after, although killed before the commit"]
    outcome, problems = demo.judge(folder, "after", KILLED_INSIDE)
    assert (outcome, problems) == ("after", [])


def test_a_damaged_search_index_is_caught(bench: Callable[[str], Bench]) -> None:
    demo = bench("demo")
    folder = demo.copy("damaged")
    conn = sqlite3.connect(db_of(folder))
    try:  # text changed behind the index's back: the index no longer matches it
        conn.execute(
            "UPDATE search_fts_content SET c0 = 'not indexed' "
            "WHERE id = (SELECT min(id) FROM search_fts_content)"
        )
        conn.commit()
    finally:
        conn.close()
    _outcome, problems = demo.judge(folder, "before", KILLED_INSIDE)
    assert any(p.startswith("FTS5 integrity-check") for p in problems), problems


def test_a_person_half_erased_is_caught(bench: Callable[[str], Bench]) -> None:
    erase = bench("erase")
    folder = erase.copy("half-erased")
    conn = sqlite3.connect(db_of(folder))
    try:  # their search document goes, their row stays
        conn.execute("DELETE FROM search_docs WHERE ref = ?", (erase.facts["person"],))
        conn.commit()
    finally:
        conn.close()
    outcome, problems = erase.judge(folder, "inside", KILLED_INSIDE)
    assert outcome == "neither"
    assert any("the person is partly there" in p for p in problems), problems
    assert any("live contacts without a document" in p for p in problems), problems


def test_a_restore_without_its_safety_backup_is_caught(bench: Callable[[str], Bench]) -> None:
    restore = bench("restore")
    folder = _run_to_the_end(restore, "unsafe")
    for kept in (folder / "home" / "backups").rglob("*-before-restore-*"):
        kept.unlink()
    outcome, problems = restore.judge(folder, "after", KILLED_INSIDE)
    assert outcome == "after"
    assert any("no intact before-restore backup" in p for p in problems), problems


def test_a_file_that_opens_with_no_expected_key_is_caught(bench: Callable[[str], Bench]) -> None:
    encrypt = bench("encrypt")
    path = db_of(_run_to_the_end(encrypt, "encrypted"))
    conn, form = open_file(path, {"old key": KEY_OLD, "new key": KEY_NEW})
    conn.close()
    assert form == "new key"
    with pytest.raises(Unreadable, match="opens with 0 of the keys"):
        open_file(path, {"old key": KEY_OLD})
