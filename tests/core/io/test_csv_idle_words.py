"""While a large import waits for its checking process, FTS5 writes out the words it holds
in memory (:func:`~accountdesk.core.db.search.write_pending`), instead of all of them after
the last chunk, when nothing else is done; the index is as whole as without."""

from __future__ import annotations

import csv
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from accountdesk.core.db import search
from accountdesk.core.db.engine import check_database, open_database
from accountdesk.core.io import csv_check, csv_format, csv_io
from accountdesk.core.io.csv_format import Plan
from accountdesk.core.queries.search import search as find

HEADER = ["account_name", "account_country", "given_name", "family_name", "country"]
FAMILIES = ["Novak", "Horvat", "Krajnc", "Zupan", "Kovač", "Potočnik", "Mlakar", "Kos"]


def _plans(tmp_path: Path) -> tuple[list[Plan], csv_format.HeaderMap]:
    """Four chunks of two rows: each a new account with one person (four documents)."""
    path = tmp_path / "people.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for n, family in enumerate(FAMILIES):
            writer.writerow([f"Firma {family}", "SI", f"Ime{n}", family, "SI"])
    header, rows, _lines, code_page = csv_format.read_rows(path)
    header_map = csv_format.read_header_map(path, header, code_page)
    plans = list(csv_format.plan_chunks(header, rows, None, 4, mapping=header_map))
    assert [len(p.accounts) + len(p.contacts) for p in plans] == [4, 4, 4, 4]
    return plans, header_map


@pytest.mark.parametrize(
    ("threshold", "written_at"),
    [
        (4, [4, 4, 4]),  # at every wait after a chunk; not at the first, with nothing held
        (7, [8]),  # once two chunks are held; the last two are written at the commit
    ],
)
def test_the_words_are_written_while_the_import_waits(
    tmp_path: Path,
    database_target: str,
    monkeypatch: pytest.MonkeyPatch,
    threshold: int,
    written_at: list[int],
) -> None:
    plans, header_map = _plans(tmp_path)
    monkeypatch.setattr(search, "IDLE_WRITE_DOCUMENTS", threshold)
    indexed: list[int] = []  # documents indexed so far, at each write of the words
    real_index, real_write = search.index_documents, search.write_pending
    counted = [0]

    def index_documents(conn: object, docs: list[object], **kwargs: object) -> None:
        counted[0] += len(docs)
        real_index(conn, docs, **kwargs)  # type: ignore[arg-type]

    def write_pending(conn: object) -> None:
        indexed.append(counted[0])
        real_write(conn)  # type: ignore[arg-type]

    monkeypatch.setattr(search, "index_documents", index_documents)
    monkeypatch.setattr(search, "write_pending", write_pending)
    db = open_database(database_target)
    waits = [None, plans[0], None, plans[1], None, plans[2], None, plans[3]]
    report = csv_io._import_rows(
        db, iter(waits), header_map, None, dry_run=False, chosen=None, exclusive=True
    )
    assert (report.accounts_created, report.contacts_created) == (8, 8)
    assert [b - a for a, b in zip([0, *indexed], indexed, strict=False)] == written_at
    # the index is whole (FTS5's own check on SQLite) and finds every person
    assert check_database(db) == []
    for n, family in enumerate(FAMILIES):
        hits = find(db, f"ime{n} {family}")
        assert [(h.kind, h.title) for h in hits][:1] == [("contact", f"Ime{n} {family}")]


def test_the_chunks_of_a_checking_process_are_announced_before_each_wait(
    tmp_path: Path,
) -> None:
    """A None before the first chunk (the process sends it after a moment), and never two in
    a row: one before each wait."""
    script = (
        "import pickle, sys, time\n"
        "from accountdesk.core.io.csv_format import Plan\n"
        "out = sys.stdout.buffer\n"
        "time.sleep(0.3)\n"
        "for n in (1, 2):\n"
        "    pickle.dump(('chunk', Plan(last_row=n)), out); out.flush(); time.sleep(0.2)\n"
        "pickle.dump(('done', None), out); out.flush()\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    checkers = csv_check.Checkers(tmp_path / "file.csv", "en", [child])
    try:
        items = list(csv_io._chunks_from_children(checkers, None))
    finally:
        checkers.stop()
    assert items[0] is None
    assert [p.last_row for p in items if p is not None] == [1, 2]
    assert all(not (a is None and b is None) for a, b in pairwise(items))
    assert items.count(None) >= 2  # the process waits before each chunk
