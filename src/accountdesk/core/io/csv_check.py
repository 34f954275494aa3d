"""Child process of a large CSV import: checks one part of the file, sends what it found.

Started by :func:`start` as ``python -m
accountdesk.core.io.csv_check PATH LANG PART PARTS SEED_MS SEED_KEY CHUNK BLOCK [COUNTRY]``
(COUNTRY: the country of rows that name none, chosen for the import); writes a
stream of pickled ``(kind, payload)`` messages to standard output: ``("chunk", plan)`` …, then
``("done", None)``, ``("problems", [(row, message), …])``, ``("error", (message, problems))``
or ``("crash", text)``. It is launched as a plain command, not through multiprocessing, so that
it never re-runs the parent's main module (the GUI, a test runner …).

A process that checks the whole file (one part of one) then reads a byte from standard input:
``1`` when the parent found the database empty and is its only writer (a laptop's file, so the
contacts of the file are all the contacts it will hold), anything else (or nothing: the parent
closed it) when not. After a
``1`` it counts the likely duplicates among the contacts it checked and sends
``("paired", count)``: the parent is writing its last rows and committing meanwhile, and
need not read the contacts back to count them (:meth:`Checkers.paired`).

This module is also where the parent starts them (:func:`start`): it imports nothing but the
standard library, so that the command line can start the checking before it has imported
what the writing needs and opened the database.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

#: Rows of a chunk: what is checked, sent and written at a time. The last chunk is written
#: after the checking ends: at 5,000 rows, an import of 30,000 contacts took 0.2 s longer
#: than at 1,500-2,500 (the same at 300,000).
CHUNK_ROWS = 2000
#: Processes that check a large file while this one writes. Measured on 2 cores: one checker
#: beside the writer is fastest (a second one competes with the writer for the CPU).
CHECKERS = 1
PARALLEL_MIN_BYTES = 2_000_000  # about 5,000 rows: below this more processes are not worth it
PART_BLOCK = 1000  # rows per block when several processes check a file
#: Messages a checking process holds for the parent before it waits for the parent to read
#: them (a chunk's message is about 0.9 MB; see :class:`Outbox`).
OUTBOX_MESSAGES = 8
#: What the parent writes to the standard input of a process that checks the whole file when
#: the database was empty: count the likely duplicates (see the module's text).
EMPTY = b"1"


def checked_apart(
    path: Path, *, dry_run: bool, mapped: bool, source: object, keep_unknown: bool
) -> bool:
    """Whether an import checks ``path`` in other processes while it writes: a file large
    enough (and a machine with more than one core for them), read as AccountDesk's own
    columns (not ``mapped`` otherwise: no mapping chosen, or the import dialog's for an export
    of ours, which reads it so; not ``source``: another product's export, named or
    recognised; no column kept in the notes), for real (not a dry run). The checking process
    reads the header on its own, as AccountDesk's columns."""
    return (
        not dry_run
        and not mapped
        and source is None
        and not keep_unknown
        and (os.cpu_count() or 1) > 1
        and path.is_file()
        and path.stat().st_size >= PARALLEL_MIN_BYTES
    )


@dataclass
class Checkers:
    """The processes checking ``path`` (in ``language``, rows that name no country in
    ``country``), each a part of its rows."""

    path: Path
    language: str
    processes: list[subprocess.Popen[bytes]]
    country: str | None = None

    def tell_empty(self, empty: bool) -> None:
        """Tell a process that checks the whole file whether the database was ``empty`` when
        the import began, with no other writer (see the module's text); the others are told
        nothing."""
        if len(self.processes) != 1:
            return
        stdin = self.processes[0].stdin
        assert stdin is not None
        with contextlib.suppress(OSError):  # it stopped: it has nothing more to say
            stdin.write(EMPTY if empty else b"0")
            stdin.close()

    def paired(self) -> int | None:
        """How many contacts of the file the process that checked it all counted as likely
        duplicates, once told the database was empty and every chunk was read; None when
        there were several processes or it stopped without a count."""
        if len(self.processes) != 1:
            return None
        stdout = self.processes[0].stdout
        assert stdout is not None
        try:
            kind, payload = pickle.load(stdout)
        except (EOFError, pickle.UnpicklingError, OSError):
            return None
        return payload if kind == "paired" and isinstance(payload, int) else None

    def stop(self) -> None:
        """Stop the processes still running and let go of their pipes (again: nothing)."""
        for process in self.processes:
            if process.poll() is None:
                process.kill()
        for process in self.processes:
            process.wait(timeout=5)
            for pipe in (process.stdout, process.stdin):
                if pipe is not None:
                    with contextlib.suppress(OSError):
                        pipe.close()


def start(path: Path, language: str, country: str | None = None) -> Checkers:
    """Start checking ``path`` in :data:`CHECKERS` processes (a row that names no country in
    ``country``). New accounts get the same ids in every process (one seed: the time and a
    random key), so the parts agree on which rows share an account."""
    parts = CHECKERS
    seed_ms, seed_key = int(time.time() * 1000), os.urandom(16).hex()
    processes = [
        subprocess.Popen(
            [
                sys.executable, "-m", "accountdesk.core.io.csv_check", str(path), language,
                str(index), str(parts), str(seed_ms), seed_key, str(CHUNK_ROWS), str(PART_BLOCK),
                *([country] if country else []),
            ],
            stdout=subprocess.PIPE,
            stdin=subprocess.PIPE if parts == 1 else subprocess.DEVNULL,
        )
        for index in range(parts)
    ]  # fmt: skip
    return Checkers(path, language, processes, country)


@contextlib.contextmanager
def started_early(
    path: Path, language: str, *, apart: bool, country: str | None = None
) -> Iterator[Checkers | None]:
    """Checkers for ``path`` (``country``: as for :func:`start`) started now, when it is to
    be checked ``apart``
    (:func:`checked_apart`, as far as the caller knows before the header is read), for an
    import that is not ready to write yet (:func:`accountdesk.core.io.csv_io.import_csv`
    takes them over, or stops them when it checks the file itself: another product's export
    recognised from its header); stopped at the end of the block whatever happened in it."""
    checkers = start(path, language, country) if apart else None
    try:
        yield checkers
    finally:
        if checkers is not None:
            checkers.stop()


class Outbox:
    """The messages of a checking process to its parent, written to ``out`` by a thread of
    their own: the checking goes on while the parent is busy writing and does not read (a
    pipe holds 64 KB, a chunk's message about 0.9 MB; writing them in the checking thread
    kept it waiting half a second of an import of 30,000 contacts). At most
    :data:`OUTBOX_MESSAGES` wait; then :meth:`send` waits for the parent. Once the parent
    has stopped reading, :meth:`send` raises BrokenPipeError."""

    def __init__(self, out: BinaryIO) -> None:
        self._out = out
        self._waiting: queue.Queue[bytes | None] = queue.Queue(maxsize=OUTBOX_MESSAGES)
        self._broken = False
        self._thread = threading.Thread(target=self._write, daemon=True)
        self._thread.start()

    def send(self, kind: str, payload: object) -> None:
        if self._broken:
            raise BrokenPipeError("the parent stopped reading")
        self._waiting.put(pickle.dumps((kind, payload), protocol=pickle.HIGHEST_PROTOCOL))

    def behind(self) -> bool:
        """Whether messages wait here: the parent holds as many chunks as it takes and has
        not read the pipe for a while (its writing is slower than this checking)."""
        return not self._waiting.empty()

    def close(self) -> None:
        """Write what is waiting, then stop the thread."""
        self._waiting.put(None)
        self._thread.join()

    def _write(self) -> None:
        while (message := self._waiting.get()) is not None:
            if self._broken:
                continue  # taken and dropped, so that a send waiting for room goes on
            try:
                self._out.write(message)
                self._out.flush()
            except OSError:  # BrokenPipeError among them: the parent stopped listening
                self._broken = True


def main(argv: list[str]) -> int:
    # no cyclic collection while the modules are imported either (collection_paused below
    # pauses it for the checking): the passes over what the imports make found nothing
    gc.disable()
    outbox = Outbox(sys.stdout.buffer)
    try:
        return _check(outbox.send, outbox.behind, argv)
    finally:
        outbox.close()


def _check(send: Callable[[str, object], None], behind: Callable[[], bool], argv: list[str]) -> int:
    """:func:`main` with its messages going out through ``send``; while the parent is
    ``behind`` (its writing slower than the checking: a large file, whose search index grows
    dearer to write), a chunk is sent with its search documents made here, work the writer
    would otherwise do (a fifth of its time at 300,000 contacts)."""
    path, language, part, parts, seed_ms, seed_key, chunk_rows, part_block, *country = argv
    from accountdesk.core import i18n
    from accountdesk.core.db.collection import chunk_done, collection_paused
    from accountdesk.core.io import csv_format
    from accountdesk.core.queries.facts import ContactFacts, facts_of

    i18n.set_language(language)
    whole = int(parts) == 1  # this process sees every contact of the file
    facts: list[ContactFacts] = []
    account_names: dict[str, str] = {}
    # the collector's passes over everything the check keeps took a tenth of its time
    with collection_paused():
        try:
            header, rows, lines, code_page = csv_format.read_rows(Path(path))
            seed = (int(seed_ms), bytes.fromhex(seed_key))
            # the header read as the parent reads it (its dates' order and calendar too)
            header_map = csv_format.read_header_map(Path(path), header, code_page)
            header_map.default_country = country[0] if country else None
            for plan in csv_format.plan_chunks(
                header,
                rows,
                None,
                int(chunk_rows),
                part=(int(part), int(parts)),
                part_block=int(part_block),
                seed=seed,
                mapping=header_map,
                lines=lines,
            ):
                if behind():
                    plan.documents = plan.search_documents()
                send("chunk", plan)
                if whole:  # an account's name as its first chunk has it: the one written
                    for key, account in plan.accounts.items():
                        account_names.setdefault(key, account["name"])
                    # (the name is what a list of candidates shows, not matched on)
                    facts.extend(
                        facts_of(c, account_names.get(c["account_id"], "")) for c in plan.contacts
                    )
                chunk_done()
            send("done", None)
            if whole and sys.stdin.buffer.read(1) == EMPTY:
                from accountdesk.core.likeness import duplicated_among

                send("paired", duplicated_among(facts))
        except csv_format.RowProblems as exc:
            send("problems", exc.problems)
        except csv_format.CsvImportError as exc:
            send("error", (exc.message, exc.problems))
        except BrokenPipeError:
            return 1  # the parent stopped listening (cancelled or failed)
        except Exception as exc:
            send("crash", f"{type(exc).__name__}: {exc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
