"""SIGKILL at any moment of an operation, and what must hold afterwards.

Each operation (import, import into an empty file, demo generation, erase, restore, encrypt,
rekey) runs the real command line (``accountdesk.cli.main``) in a child process of its own, on a
fresh copy of a small prepared data folder. It runs to the end a few times, which gives the
state "after" and its duration ``T`` (the median of the latest such runs; one more is made every
:data:`REMEASURE_EVERY` kills, so that ``T`` follows the machine's load); then, run after run,
it is killed with SIGKILL ``f × T`` after it started: for ``n`` runs, one ``f`` drawn uniformly
from each of the ``n`` equal slices of [0, 1) by a seeded :class:`random.Random`
(:func:`fractions`: the same moments on every machine, and the end of the run, where the commit
is, gets its share even in a short series). After every kill:

- the database passes ``PRAGMA integrity_check`` and the search index's FTS5 ``integrity-check``,
  and the index has one document for every live account and contact and no other;
- the database holds exactly the state before or exactly the state after: the row count of
  every table and a checksum of the rows (their content, without random ids and timestamps)
  are one or the other. A kill before the commit must leave "before", one after it "after";
- encrypt and rekey: the file opens with exactly one of the old key (or plain) and the new
  key, with every row; when it opens with the new one, the copy taken before holds the old
  state under the old key;
- restore: when the database holds the restored state, a "before-restore" backup holds the
  state it replaced;
- erase: every copy in the backups folder is intact and holds the person fully or not at all.

Starting a Python process with SQLAlchemy loaded takes a second or two; the operations on
these small folders take a tenth of that. So that the kills land on the operation rather than
on the interpreter's start-up, the children are forked from one *zygote*, a process that has
imported the command line and everything its commands load, and then only forks: every child
is a separate process that runs ``cli.main(argv)`` from the start and is killed for real. The
zygote (not this process) sends the SIGKILL and reaps the child, so a pid is never reused
between the two.

Where a kill landed is told by marks the child writes as it goes (``os.write`` to a file,
which survives the kill): ``begin`` when the operation starts changing the database (its
transaction opens, or the file is taken for a swap), ``commit`` just before the commit (the
SQL COMMIT, or the rename that puts a converted or restored file in place) and ``committed``
just after it. The marks come from wrappers the child installs around
``Database.transaction``, ``os.replace`` and the functions that take the file for a swap;
they add a write of a few bytes and change nothing else.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

#: The child process's program. It imports what the commands load, says "ready", and then
#: forks one child per request (a JSON line: argv, env, cwd, target, trace, log, kill_after,
#: kill_in).
ZYGOTE = r"""
import contextlib, importlib, json, os, signal, sys, time, traceback
from pathlib import Path

import accountdesk.cli as cli
import accountdesk.core.db.migrations
from accountdesk.core import demo, settings
from accountdesk.core.db import backup, crypto, crypto_cli, engine, search
from accountdesk.core.io import csv_io
from accountdesk.core.services import privacy


def trace(target, fd, start):
    def mark(word):
        os.write(fd, f"{word} {time.monotonic() - start:.6f}\n".encode())

    def ours(path):
        return path is not None and Path(path).resolve() == target

    real_transaction = engine.Database.transaction

    @contextlib.contextmanager
    def transaction(self, **options):
        if not ours(self.path):
            with real_transaction(self, **options) as session:
                yield session
            return
        mark("begin")
        with real_transaction(self, **options) as session:
            yield session
            mark("commit")
        mark("committed")

    engine.Database.transaction = transaction
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):
        hit = ours(dst)
        if hit:
            mark("commit")
        real_replace(src, dst, *args, **kwargs)
        if hit:
            mark("committed")

    os.replace = replace
    for module, name in ((backup, "_take_alone"), (crypto, "_take_over")):
        real = getattr(module, name)

        def taken(*args, _real=real, **kwargs):
            mark("begin")
            return _real(*args, **kwargs)

        setattr(module, name, taken)


def kill_in(spec, fd, start):
    # "module:function": the child kills itself with SIGKILL when that function is called,
    # a moment no delay can hit every time (between two steps of an operation)
    module_name, _colon, name = spec.partition(":")
    module = importlib.import_module(module_name)
    getattr(module, name)  # a name that is not there fails the run, not the check

    def killed(*args, **kwargs):
        os.write(fd, f"killed {time.monotonic() - start:.6f}\n".encode())
        os.kill(os.getpid(), signal.SIGKILL)

    setattr(module, name, killed)


def child(request, start):
    code = 70
    try:
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        log = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.chdir(request["cwd"])
        os.environ.update(request["env"])
        marks = os.open(request["trace"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        trace(Path(request["target"]).resolve(), marks, start)
        if request.get("kill_in"):
            kill_in(request["kill_in"], marks, start)
        code = cli.main(request["argv"])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    except BaseException:
        traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


def serve():
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    for line in sys.stdin:
        request = json.loads(line)
        start = time.monotonic()
        pid = os.fork()
        if pid == 0:
            child(request, start)
        kill_after = request.get("kill_after")
        timed_out = False
        if kill_after is not None:
            time.sleep(max(0.0, start + kill_after - time.monotonic()))
            os.kill(pid, signal.SIGKILL)  # a child that has ended is a zombie: no effect
            _pid, status = os.waitpid(pid, 0)
        else:
            deadline = start + request.get("timeout", 120)
            while True:
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    break
                if time.monotonic() > deadline:
                    timed_out = True
                    os.kill(pid, signal.SIGKILL)
                    _pid, status = os.waitpid(pid, 0)
                    break
                time.sleep(0.0005)
        elapsed = time.monotonic() - start
        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
        reply = {"killed": killed and not timed_out, "code": code, "elapsed": elapsed,
                 "timed_out": timed_out}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


serve()
"""

#: Runs to the end before the kills: the median duration of the last ones is the one the kills
#: are spread over (a single run on a busy machine can take half or twice as long as usual)…
REFERENCE_RUNS = 3
#: … and one more run to the end after every so many kills, to follow the machine's load.
REMEASURE_EVERY = 10

#: Where a kill landed (see the module doc); "ended" is a child that finished before its kill.
PHASES = ("before", "inside", "commit", "after")
PHASE_TITLES = {
    "before": "before the transaction",
    "inside": "inside the transaction",
    "commit": "during the commit",
    "after": "after the commit",
}


def available() -> str | None:
    """Why the kill tests cannot run here, or None."""
    if not hasattr(signal, "SIGKILL") or not hasattr(os, "fork"):
        return "this platform has no SIGKILL or fork"
    return None


# --- the zygote --------------------------------------------------------------------------


@dataclass(frozen=True)
class Ended:
    """How a child ended: killed by our SIGKILL, or exited with ``code``."""

    killed: bool
    code: int | None
    elapsed: float
    timed_out: bool = False


class Zygote:
    """The process that forks the children (see the module doc)."""

    def __init__(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ACCOUNTDESK_")}
        env["PYTHONIOENCODING"] = "utf-8"
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"  # never a real keyring
        self.process = subprocess.Popen(
            [sys.executable, "-c", ZYGOTE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert self.process.stdout is not None
        ready = self.process.stdout.readline().strip()
        if ready != "ready":
            self.close()
            raise RuntimeError(f"the zygote did not start (it said {ready!r})")

    def run(
        self,
        argv: Sequence[str],
        *,
        env: dict[str, str],
        cwd: Path,
        target: Path,
        trace: Path,
        log: Path,
        kill_after: float | None = None,
        kill_in: str | None = None,
    ) -> Ended:
        """Run ``argv`` in a child, killed ``kill_after`` seconds in, or when it calls the
        function ``kill_in`` ("module:function"), or never."""
        request = {
            "argv": list(argv),
            "env": env,
            "cwd": str(cwd),
            "target": str(target),
            "trace": str(trace),
            "log": str(log),
            "kill_after": kill_after,
            "kill_in": kill_in,
        }
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        reply = self.process.stdout.readline()
        if not reply:
            raise RuntimeError("the zygote stopped")
        return Ended(**json.loads(reply))

    def close(self) -> None:
        if self.process.stdin is not None:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# --- what a database holds ------------------------------------------------------------

#: The rows compared, by content: names instead of random ids, no timestamps of the run.
CONTENT = {
    "accounts": "SELECT a.name, a.country, a.city, a.status, a.tier, a.notes, r.name, "
    "a.deleted_at IS NULL FROM accounts a LEFT JOIN accounts r ON r.id = a.referred_by_id",
    "contacts": "SELECT a.name, c.given_name, c.family_name, c.emails, c.phones, c.city, "
    "c.timezone, c.personal_notes, c.deleted_at IS NULL FROM contacts c "
    "JOIN accounts a ON a.id = c.account_id",
    "tags": "SELECT t.name FROM tags t",
    "account_tags": "SELECT a.name, t.name FROM account_tags x "
    "JOIN accounts a ON a.id = x.account_id JOIN tags t ON t.id = x.tag_id",
    "contact_tags": "SELECT c.given_name, c.family_name, t.name FROM contact_tags x "
    "JOIN contacts c ON c.id = x.contact_id JOIN tags t ON t.id = x.tag_id",
    "important_dates": "SELECT c.given_name, c.family_name, d.kind, d.month, d.day, d.year, "
    "d.label FROM important_dates d JOIN contacts c ON c.id = d.contact_id",
    "interactions": "SELECT a.name, i.kind, i.occurred_at, i.subject, i.notes FROM interactions i "
    "JOIN accounts a ON a.id = i.account_id",
    "interaction_participants": "SELECT c.given_name, c.family_name, i.subject, i.occurred_at "
    "FROM interaction_participants p JOIN contacts c ON c.id = p.contact_id "
    "JOIN interactions i ON i.id = p.interaction_id",
    "follow_ups": "SELECT f.title, f.local_due, f.zone, f.status, f.notes, c.given_name "
    "FROM follow_ups f LEFT JOIN contacts c ON c.id = f.contact_id",
    "notes": "SELECT body FROM notes",
    "deals": "SELECT title, amount, currency, status FROM deals",
    "survey_responses": "SELECT kind, score, answered_on, comment FROM survey_responses",
    "gifts": "SELECT description, given_on, value FROM gifts",
    "settings": "SELECT key FROM settings",
    "search": "SELECT d.kind, f.title, f.body FROM search_docs d "
    "JOIN search_fts f ON f.rowid = d.rowid",
    "search_keys": "SELECT k.key, f.title FROM search_keys k "
    "JOIN search_fts f ON f.rowid = k.rowid",
}

#: Tables whose rows are not part of a state: an erase's record that its backups are still to
#: be cleaned (``unfinished_erasures``) is there from its commit to the end of its second look
#: at the backups, or until the next command when killed in between (checked by the erase's
#: own checks: :func:`_erase_extra`).
NOT_COMPARED = frozenset({"unfinished_erasures"})

#: The search index against the tables: documents without a live record, records without one.
INDEX_CHECKS = {
    "documents of no live account or contact": "SELECT count(*) FROM search_docs d WHERE "
    "NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = d.ref AND a.deleted_at IS NULL) AND "
    "NOT EXISTS (SELECT 1 FROM contacts c WHERE c.id = d.ref AND c.deleted_at IS NULL)",
    "live accounts without a document": "SELECT count(*) FROM accounts a WHERE a.deleted_at IS "
    "NULL AND NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.ref = a.id)",
    "live contacts without a document": "SELECT count(*) FROM contacts c WHERE c.deleted_at IS "
    "NULL AND NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.ref = c.id)",
    "documents without indexed text": "SELECT (SELECT count(*) FROM search_docs) - "
    "(SELECT count(*) FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid)",
}


@dataclass(frozen=True)
class State:
    """What a database file holds: how it opens (``form``: "plain" or a key's name), the row
    count of every table and a checksum of the rows of :data:`CONTENT`."""

    form: str
    counts: tuple[tuple[str, int], ...]
    digests: tuple[tuple[str, str], ...]

    def same_rows(self, other: State) -> bool:
        return self.counts == other.counts and self.digests == other.digests

    def differences(self, other: State) -> list[str]:
        mine, theirs = dict(self.counts), dict(other.counts)
        found = [
            f"{name}: {mine.get(name)} rows, not {theirs.get(name)}"
            for name in sorted(set(mine) | set(theirs))
            if mine.get(name) != theirs.get(name)
        ]
        mine_d, theirs_d = dict(self.digests), dict(other.digests)
        found += [
            f"{name}: other rows" for name in sorted(mine_d) if mine_d[name] != theirs_d.get(name)
        ]
        if self.form != other.form:
            found.append(f"opens {self.form}, not {other.form}")
        return found


class Unreadable(Exception):
    """The file cannot be opened or read as the database it should be."""


def _digest(rows: list[tuple[Any, ...]]) -> str:
    digest = hashlib.sha256()
    for row in sorted(repr(r) for r in rows):
        digest.update(row.encode("utf-8", "surrogatepass"))
        digest.update(b"\n")
    return digest.hexdigest()[:16]


def read_state(conn: Any, form: str) -> State:
    """The :class:`State` of an open DB-API connection (sqlite3 or sqlcipher3)."""
    tables = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'search_fts_%' ORDER BY name"
        )
        if r[0] not in NOT_COMPARED
    ]
    counts = tuple(
        (t, int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])) for t in tables
    )
    digests = tuple((name, _digest(conn.execute(sql).fetchall())) for name, sql in CONTENT.items())
    return State(form, counts, digests)


def _sqlcipher() -> Any:
    import sqlcipher3  # type: ignore[import-not-found, import-untyped, unused-ignore]

    return sqlcipher3


def encryption_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("sqlcipher3") is not None


SQLITE_HEADER = b"SQLite format 3\x00"


def open_file(path: Path, keys: dict[str, str]) -> tuple[Any, str]:
    """A connection to ``path`` and how it opened: "plain", or the name of the one key of
    ``keys`` that opens it. :class:`Unreadable` when none does, or more than one."""
    if not path.is_file():
        raise Unreadable(f"{path.name} is missing")
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header == SQLITE_HEADER:
        return sqlite3.connect(path, isolation_level=None), "plain"
    if not keys:
        raise Unreadable(f"{path.name} is not a plain SQLite file and no key was expected")
    module = _sqlcipher()
    opened: list[tuple[Any, str]] = []
    for name, key in keys.items():
        conn = module.connect(str(path), isolation_level=None)
        conn.execute("PRAGMA key = '" + key.replace("'", "''") + "'")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except module.DatabaseError:
            conn.close()
            continue
        opened.append((conn, name))
    if len(opened) != 1:
        for conn, _name in opened:
            conn.close()
        names = [name for _conn, name in opened]
        raise Unreadable(
            f"{path.name} opens with {len(opened)} of the keys {sorted(keys)}: {names}"
        )
    return opened[0]


def health(conn: Any) -> list[str]:
    """What is wrong with the database of ``conn``: SQLite's and FTS5's integrity checks, and
    the search index against the tables."""
    problems: list[str] = []
    result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    if result != ["ok"]:
        problems.append("integrity_check: " + "; ".join(map(str, result[:5])))
    has_index = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_fts'").fetchone()
    if has_index:
        conn.execute("BEGIN")
        try:
            conn.execute("INSERT INTO search_fts(search_fts) VALUES('integrity-check')")
        except Exception as exc:  # sqlite3 and sqlcipher3 raise their own DatabaseError
            problems.append(f"FTS5 integrity-check: {exc}")
        finally:
            conn.execute("ROLLBACK")
        for what, sql in INDEX_CHECKS.items():
            found = int(conn.execute(sql).fetchone()[0])
            if found:
                problems.append(f"search index: {found} {what}")
    return problems


def inspect(path: Path, keys: dict[str, str]) -> tuple[State, list[str]]:
    """The state of the database file ``path`` and what is wrong with it."""
    conn, form = open_file(path, keys)
    try:
        problems = health(conn)
        return read_state(conn, form), problems
    except Exception as exc:  # a damaged file: sqlite3's or sqlcipher3's DatabaseError
        raise Unreadable(f"{path.name}: {type(exc).__name__}: {exc}") from exc
    finally:
        conn.close()


# --- the operations ------------------------------------------------------------------


def copy_tree(source: Path, target: Path) -> None:
    shutil.copytree(source, target, symlinks=True)


@contextlib.contextmanager
def data_folder(home: Path) -> Iterator[None]:
    """``ACCOUNTDESK_HOME`` set to ``home`` for the block (building the prepared folders)."""
    old = os.environ.get("ACCOUNTDESK_HOME")
    os.environ["ACCOUNTDESK_HOME"] = str(home)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("ACCOUNTDESK_HOME", None)
        else:
            os.environ["ACCOUNTDESK_HOME"] = old


def _demo(path: Path, accounts: int, seed: int) -> None:
    from accountdesk.core.db.engine import open_database
    from accountdesk.core.demo import generate

    db = open_database(path)
    try:
        generate(db, accounts=accounts, seed=seed)
    finally:
        db.close()


def _backup(path: Path) -> Path:
    from accountdesk.core.db.backup import make_backup
    from accountdesk.core.db.engine import open_database

    db = open_database(path)
    try:
        return make_backup(db).path
    finally:
        db.close()


KEY_OLD = "old passphrase 1"
KEY_NEW = "new passphrase 2"
#: The person the erase removes: a word of theirs in every field that is indexed for search.
PERSON_TOKEN = "qzorblax"


@dataclass
class Operation:
    """One operation under test. ``prepare`` fills the prepared folder (``home`` holds the
    database ``accountdesk.db`` and its backups); ``argv`` and ``env`` give the command for a
    copy of it; ``keys`` are the keys its database may open with after the run."""

    name: str
    prepare: Callable[[Path], dict[str, str]]  # returns facts the command needs (relative paths)
    argv: Callable[[Path, dict[str, str]], list[str]]
    env: dict[str, str] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    #: Further checks of a run's folder: (folder, outcome, before, after) -> problems.
    extra: Callable[[Path, str, State, State], list[str]] | None = None


def db_of(folder: Path) -> Path:
    return folder / "home" / "accountdesk.db"


# import ----------------------------------------------------------------------------------


def _prepare_import(folder: Path) -> dict[str, str]:
    _export_demo(folder)
    _demo(db_of(folder), accounts=5, seed=3)  # what was there before must survive
    return {}


def _prepare_import_empty(folder: Path) -> dict[str, str]:
    """An import into an empty file: written without the write-ahead log (a rollback
    journal; ``Database.transaction(load=True)``), which a kill must roll back as well."""
    from accountdesk.core.db.engine import open_database

    _export_demo(folder)
    open_database(db_of(folder)).close()
    return {}


def _export_demo(folder: Path) -> None:
    """``contacts.csv`` in ``folder``: the export of a demo database of 60 accounts."""
    from accountdesk.core.db.engine import open_database
    from accountdesk.core.io.csv_io import export_csv

    source = folder / "source.db"
    _demo(source, accounts=60, seed=7)
    db = open_database(source)
    try:
        with (folder / "contacts.csv").open("w", encoding="utf-8", newline="") as handle:
            export_csv(db, handle)
    finally:
        db.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{source}{suffix}").unlink(missing_ok=True)


# demo --------------------------------------------------------------------------------------


def _prepare_demo(folder: Path) -> dict[str, str]:
    _demo(db_of(folder), accounts=5, seed=3)
    return {}


# erase -------------------------------------------------------------------------------------


def _prepare_erase(folder: Path) -> dict[str, str]:
    from accountdesk.core.db.engine import open_database
    from accountdesk.core.records import ContactInput, ImportantDateInput
    from accountdesk.core.services.accounts import create_contact
    from accountdesk.core.services.activity import InteractionInput, log_interaction, save_note
    from accountdesk.core.services.followups import FollowUpInput, schedule

    path = db_of(folder)
    _demo(path, accounts=25, seed=3)
    db = open_database(path)
    try:
        with db.engine.connect() as conn:
            account = conn.exec_driver_sql("SELECT id FROM accounts ORDER BY name LIMIT 1").scalar()
            other = conn.exec_driver_sql(
                "SELECT id FROM contacts WHERE account_id = ? LIMIT 1", (account,)
            ).scalar()
            conn.rollback()
        assert isinstance(account, str) and isinstance(other, str)
        token = PERSON_TOKEN
        person = create_contact(
            db,
            ContactInput(
                account_id=account,
                given_name=token.capitalize(),
                family_name=f"{token}son",
                emails=[f"{token}@example.org"],
                phones=["+371 2914 7730"],
                country="LV",
                city=f"{token}ville",
                timezone="Europe/Riga",
                personal_notes=" ".join([f"{token} notes"] * 200),
                tags=[f"{token}tag", "customer"],
                important_dates=[ImportantDateInput("birthday", 3, 15, 1980)],
            ),
        )
        when = datetime(2026, 5, 4, 9, tzinfo=UTC)
        log_interaction(
            db, InteractionInput("call", when, [person], subject=f"{token} call", notes=token)
        )
        log_interaction(
            db, InteractionInput("meeting", when, [person, other], subject=f"{token} meeting")
        )
        save_note(db, f"{token} note", contact_id=person)
        schedule(
            db, FollowUpInput(person, f"{token} follow-up", datetime(2026, 6, 1, 10), "Europe/Riga")
        )
    finally:
        db.close()
    _backup(path)  # the erase cleans this copy too
    return {"person": person}


def _person_problems(path: Path, where: str) -> list[str]:
    """The person is fully in the file or fully gone: their row, their search document and the
    index's hits for their word agree."""
    conn, _form = open_file(path, {})
    try:
        rows = conn.execute(
            "SELECT count(*) FROM contacts WHERE given_name = ?", (PERSON_TOKEN.capitalize(),)
        ).fetchone()[0]
        documents = conn.execute(
            "SELECT count(*) FROM search_docs d JOIN contacts c ON c.id = d.ref "
            "WHERE c.given_name = ?",
            (PERSON_TOKEN.capitalize(),),
        ).fetchone()[0]
        hits = conn.execute(
            "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?", (PERSON_TOKEN + "*",)
        ).fetchone()[0]
        keys = conn.execute(
            "SELECT count(*) FROM search_keys WHERE key LIKE ?", (PERSON_TOKEN + "%",)
        ).fetchone()[0]
        notes = conn.execute(
            "SELECT count(*) FROM notes WHERE body LIKE ?", ("%" + PERSON_TOKEN + "%",)
        ).fetchone()[0]
    finally:
        conn.close()
    there = (rows, documents, min(hits, 1), min(keys, 1), notes)
    if there not in {(1, 1, 1, 1, 1), (0, 0, 0, 0, 0)}:
        return [
            f"{where}: the person is partly there (contact rows {rows}, search documents "
            f"{documents}, index hits {hits}, name keys {keys}, notes {notes})"
        ]
    return []


def person_rows(path: Path) -> int:
    """How many contact rows of the person the erase removes ``path`` holds."""
    conn, _form = open_file(path, {})
    try:
        found = conn.execute(
            "SELECT count(*) FROM contacts WHERE given_name = ?", (PERSON_TOKEN.capitalize(),)
        ).fetchone()[0]
    finally:
        conn.close()
    return int(found)


def unfinished_erasures(path: Path) -> list[list[str]]:
    """The contact ids of each erase whose backups the database ``path`` still has to clean."""
    conn, _form = open_file(path, {})
    try:
        rows = conn.execute("SELECT contact_ids FROM unfinished_erasures").fetchall()
    finally:
        conn.close()
    return [json.loads(r[0]) for r in rows]


def _erase_extra(folder: Path, outcome: str, before: State, after: State) -> list[str]:
    problems = _person_problems(db_of(folder), "database")
    gone = person_rows(db_of(folder)) == 0
    records = unfinished_erasures(db_of(folder))
    if records and not gone:
        problems.append("an unfinished erase is recorded, but the person is in the database")
    if len(records) > 1 or any(len(ids) != 1 for ids in records):
        problems.append(f"unfinished erases: {records}, not the one erase of the person")
    backups = folder / "home" / "backups"
    for path in sorted(backups.rglob("*.db")):
        if path.name.startswith("."):
            continue  # a temporary file of an interrupted copy: never read as a backup
        where = f"backup {path.name}"
        try:
            state, broken = inspect(path, {})
        except Unreadable as exc:
            problems.append(f"{where}: {exc}")
            continue
        problems += [f"{where}: {p}" for p in broken]
        if not (state.same_rows(before) or state.same_rows(after)):
            problems.append(f"{where} holds neither the state before nor the state after")
        problems += _person_problems(path, where)
        if gone and not records and person_rows(path):  # nothing would ever clean it
            problems.append(f"{where} holds the person erased, and no unfinished erase says so")
    return problems


# restore -----------------------------------------------------------------------------------


def _prepare_restore(folder: Path) -> dict[str, str]:
    path = db_of(folder)
    _demo(path, accounts=20, seed=3)
    made = _backup(path)
    _demo(path, accounts=8, seed=4)  # changed since the backup
    return {"backup": str(made.relative_to(folder))}


def _restore_extra(folder: Path, outcome: str, before: State, after: State) -> list[str]:
    if outcome != "after":
        return []
    kept = [
        p for p in (folder / "home" / "backups").rglob("*-before-restore-*.db")
        if not p.name.startswith(".")
    ]  # fmt: skip
    for path in kept:
        with contextlib.suppress(Unreadable):
            state, broken = inspect(path, {})
            if not broken and state.same_rows(before):
                return []
    return ["the database was restored, but no intact before-restore backup holds what it replaced"]


# encrypt, rekey ----------------------------------------------------------------------------


def _prepare_encrypt(folder: Path) -> dict[str, str]:
    _demo(db_of(folder), accounts=25, seed=3)
    return {}


def _prepare_rekey(folder: Path) -> dict[str, str]:
    from accountdesk.core.db.crypto import encrypt_file

    _prepare_encrypt(folder)
    encrypt_file(db_of(folder), KEY_OLD, datetime.now(UTC))
    return {}


def _conversion_extra(label: str, old_keys: dict[str, str]) -> Callable[..., list[str]]:
    def extra(folder: Path, outcome: str, before: State, after: State) -> list[str]:
        if outcome != "after":
            return []
        copies = sorted(
            p
            for p in (folder / "home" / "backups").rglob(f"*before-{label}*")
            if not p.name.startswith(".") and not p.name.endswith(("-wal", "-shm", "-journal"))
        )
        for path in copies:
            with contextlib.suppress(Unreadable):
                state, broken = inspect(path, old_keys)
                if not broken and state == before:
                    return []
        return [f"the database was converted, but no intact copy from before the {label} holds "
                "the state before under the old key"]  # fmt: skip

    return extra


def operations() -> dict[str, Operation]:
    """The operations under test, by name."""
    return {
        "import": Operation(
            "import",
            _prepare_import,
            lambda f, _facts: ["import", str(f / "contacts.csv"), "--db", str(db_of(f))],
        ),
        "import into an empty file": Operation(
            "import into an empty file",
            _prepare_import_empty,
            lambda f, _facts: ["import", str(f / "contacts.csv"), "--db", str(db_of(f))],
        ),
        "demo": Operation(
            "demo",
            _prepare_demo,
            lambda f, _facts: ["demo", "--db", str(db_of(f)), "--accounts", "40", "--seed", "8"],
        ),
        "erase": Operation(
            "erase",
            _prepare_erase,
            lambda f, facts: ["privacy", "erase", facts["person"], "--yes", "--db", str(db_of(f))],
            extra=_erase_extra,
        ),
        "restore": Operation(
            "restore",
            _prepare_restore,
            lambda f, facts: ["db", "restore", str(f / facts["backup"]), "--db", str(db_of(f))],
            extra=_restore_extra,
        ),
        "encrypt": Operation(
            "encrypt",
            _prepare_encrypt,
            lambda f, _facts: ["db", "encrypt", "--db", str(db_of(f))],
            env={"ACCOUNTDESK_PASSPHRASE": KEY_NEW},
            keys={"new key": KEY_NEW},
            extra=_conversion_extra("encrypt", {}),
        ),
        "rekey": Operation(
            "rekey",
            _prepare_rekey,
            lambda f, _facts: ["db", "rekey", "--db", str(db_of(f))],
            env={"ACCOUNTDESK_PASSPHRASE": KEY_OLD, "ACCOUNTDESK_NEW_PASSPHRASE": KEY_NEW},
            keys={"old key": KEY_OLD, "new key": KEY_NEW},
            extra=_conversion_extra("rekey", {"old key": KEY_OLD}),
        ),
    }


# --- running ------------------------------------------------------------------------------


@dataclass
class Tally:
    """The kills of one operation: where they landed, and what went wrong."""

    operation: str
    duration: float = 0.0
    runs: int = 0
    phases: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PHASES, 0))
    ended: int = 0  # finished before the kill arrived (counted "after the commit" too)
    #: When a typical run to the end wrote its marks, as shares of its duration.
    marks: dict[str, float] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


def marks_of(trace: Path) -> dict[str, float]:
    """The marks a child wrote, with the seconds after its start (the last of each word)."""
    found: dict[str, float] = {}
    if trace.exists():
        for line in trace.read_text().splitlines():
            word, _space, when = line.partition(" ")
            found[word] = float(when)
    return found


def phase_of(trace: Path) -> str:
    marks = marks_of(trace)
    if "committed" in marks:
        return "after"
    if "commit" in marks:
        return "commit"
    if "begin" in marks:
        return "inside"
    return "before"


class Bench:
    """An operation, prepared once and run to the end once; then killed again and again."""

    def __init__(self, operation: Operation, zygote: Zygote, workdir: Path) -> None:
        self.operation = operation
        self.zygote = zygote
        self.workdir = workdir / operation.name
        self.template = self.workdir / "prepared"
        (self.template / "home").mkdir(parents=True)
        with data_folder(self.template / "home"):
            self.facts = operation.prepare(self.template)
        self.keys = operation.keys
        self.before = self._baseline()
        self.measured: list[float] = []  # every run to the end, in order
        self.marks: dict[str, float] = {}
        self.after = self._run_to_the_end()
        for _run in range(REFERENCE_RUNS - 1):
            self._run_to_the_end()

    @property
    def duration(self) -> float:
        """How long a run to the end takes now: the median of the last few."""
        recent = sorted(self.measured[-REFERENCE_RUNS:])
        return recent[len(recent) // 2]

    def _baseline(self) -> State:
        folder = self.copy("baseline")
        state, problems = inspect(db_of(folder), self.keys)
        assert not problems, f"{self.operation.name}: the prepared database: {problems}"
        shutil.rmtree(folder)
        return state

    def copy(self, name: str) -> Path:
        """A fresh copy of the prepared folder."""
        folder = self.workdir / name
        copy_tree(self.template, folder)
        return folder

    def launch(
        self, folder: Path, kill_after: float | None, *, kill_in: str | None = None,
        argv: Sequence[str] | None = None,
    ) -> Ended:  # fmt: skip
        """Run the operation on ``folder`` (a copy), killed ``kill_after`` seconds in or when
        it calls ``kill_in`` ("module:function"); ``argv``: another command on that folder
        (the next one the user runs)."""
        env = {"ACCOUNTDESK_HOME": str(folder / "home"), **self.operation.env}
        return self.zygote.run(
            self.operation.argv(folder, self.facts) if argv is None else argv,
            env=env,
            cwd=folder,
            target=db_of(folder),
            trace=folder / "trace",
            log=folder / "log",
            kill_after=kill_after,
            kill_in=kill_in,
        )

    def _run_to_the_end(self) -> State:
        """Run the operation without a kill: it must succeed, leave the same state as every
        other run to the end, and pass every check; its duration is recorded."""
        name = self.operation.name
        folder = self.copy(f"whole{len(self.measured):04d}")
        ended = self.launch(folder, None)
        log = (folder / "log").read_text(errors="replace")
        if ended.code != 0:
            raise AssertionError(f"{name} failed when not killed: {log}")
        if phase_of(folder / "trace") != "after":
            raise AssertionError(f"{name}: no commit was traced: {log}")
        state, problems = inspect(db_of(folder), self.keys)
        assert not problems, f"{name} when not killed: {problems}"
        assert state != self.before, f"{name} changed nothing"
        assert not self.measured or state == self.after, f"{name} is not repeatable"
        if self.operation.extra is not None:
            found = self.operation.extra(folder, "after", self.before, state)
            assert not found, f"{name} when not killed: {found}"
        self.measured.append(ended.elapsed)
        if ended.elapsed == self.duration:  # the marks of a typical run, as shares of it
            self.marks = {w: t / ended.elapsed for w, t in marks_of(folder / "trace").items()}
        shutil.rmtree(folder)
        return state

    def judge(self, folder: Path, phase: str, ended: Ended) -> tuple[str, list[str]]:
        """What a run left in ``folder``: "before", "after" or "neither", and what is wrong
        (see the module doc), given where the kill landed (``phase``) and how it ended."""
        problems: list[str] = []
        if ended.timed_out:
            problems.append("did not end")
        if not ended.killed and ended.code != 0:
            log = (folder / "log").read_text(errors="replace").strip()
            problems.append(f"ended on its own with exit code {ended.code}: {log[-2000:]}")
        try:
            state, broken = inspect(db_of(folder), self.keys)
        except Unreadable as exc:
            return "neither", [*problems, str(exc)]
        problems += broken
        outcome = "neither"
        if state == self.before:
            outcome = "before"
        elif state == self.after:
            outcome = "after"
        else:
            problems.append(
                "the database holds neither the state before nor the state after: "
                + "; ".join(state.differences(self.after)[:6])
            )
        if outcome == "after" and phase in ("before", "inside"):
            problems.append("the state after, although killed before the commit")
        if outcome == "before" and (phase == "after" or not ended.killed):
            problems.append("the state before, although killed after the commit")
        if self.operation.extra is not None:
            problems += self.operation.extra(folder, outcome, self.before, self.after)
        return outcome, problems

    def kill_once(self, number: int, fraction: float, tally: Tally) -> None:
        folder = self.copy(f"run{number:04d}")
        kill_after = fraction * self.duration
        ended = self.launch(folder, kill_after)
        phase = phase_of(folder / "trace")
        tally.runs += 1
        tally.phases[phase] += 1
        tally.ended += not ended.killed
        outcome, problems = self.judge(folder, phase, ended)
        if problems:
            tally.failures.append(
                f"{self.operation.name} run {number}: killed at {kill_after * 1000:.1f} ms of "
                f"{self.duration * 1000:.1f} ms ({PHASE_TITLES[phase]}, found {outcome}): "
                + " | ".join(problems)
                + f" [kept in {folder}]"
            )
        else:
            shutil.rmtree(folder)

    def run_kills(self, runs: int, seed: int = 0) -> Tally:
        """Kill the operation ``runs`` times (see :func:`fractions`), in a random order, with
        a run to the end every :data:`REMEASURE_EVERY` kills: the duration the kills are
        spread over follows the machine's load."""
        tally = Tally(self.operation.name)
        drawn = fractions(self.operation.name, runs, seed)
        random.Random(len(drawn)).shuffle(drawn)  # so that a change of load hits all parts
        for number, fraction in enumerate(drawn):
            if number and number % REMEASURE_EVERY == 0:
                self._run_to_the_end()
            self.kill_once(number, fraction, tally)
        measured = sorted(self.measured)
        tally.duration = measured[len(measured) // 2]
        tally.marks = self.marks
        return tally


def fractions(name: str, runs: int, seed: int = 0) -> list[float]:
    """When to kill, as fractions of the run's duration: one drawn uniformly from each of
    ``runs`` equal slices of [0, 1), so that every part of the run gets its share of kills
    even in a short series, by ``random.Random`` seeded with the operation's name and
    ``seed`` (the same fractions on every machine)."""
    rng = random.Random(zlib.crc32(name.encode()) + seed)
    return [(number + rng.random()) / runs for number in range(runs)]


def run_kills(
    operation: Operation, zygote: Zygote, workdir: Path, runs: int, seed: int = 0
) -> Tally:
    """Prepare ``operation``, run it once to the end, then kill it ``runs`` times."""
    return Bench(operation, zygote, workdir).run_kills(runs, seed)
