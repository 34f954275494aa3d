"""While the writer of a large import is behind, the checking process makes the chunks'
search documents (:meth:`csv_format.Plan.search_documents`); the index is the same as when
the writer makes them, and an account two chunks carry is indexed once."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from accountdesk.core.db.engine import check_database, open_database
from accountdesk.core.io import csv_check, csv_format, csv_io
from accountdesk.core.io.csv_format import Plan
from accountdesk.core.queries.search import search as find

HEADER = ["account_name", "account_country", "given_name", "family_name", "country", "phones"]
PEOPLE = [
    ("Firma Novak", "SI", "Špela", "Novak", "SI", "+386 31 235 146"),
    ("บริษัท สยามอาหาร จำกัด", "TH", "สมชาย", "ใจดี", "TH", "+66 81 234 5678"),
    ("Firma Novak", "SI", "Rok", "Horvat", "SI", ""),
    ("Boğaziçi Tekstil A.Ş.", "TR", "Ayşe", "Yılmaz", "TR", ""),
    ("Firma Novak", "SI", "Maja", "Kranjc", "SI", ""),
    ("شرکت سپاهان", "IR", "فاطمه", "احمدی", "IR", "+98 912 345 6789"),
]


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "people.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(PEOPLE)
    return path


def _plans(path: Path, *, made_by_checker: bool, part: tuple[int, int] = (0, 1)) -> list[Plan]:
    header, rows, _lines, code_page = csv_format.read_rows(path)
    header_map = csv_format.read_header_map(path, header, code_page)
    plans = list(
        csv_format.plan_chunks(
            header, rows, None, 2, part=part, part_block=2, mapping=header_map, seed=(1, b"k" * 16)
        )
    )
    for plan in plans:
        assert plan.documents is None  # made by whoever sends the chunk, not by plan_chunks
        if made_by_checker:
            plan.documents = plan.search_documents()
    return plans


def _index(db: Any) -> list[tuple[str, str, str, str]]:
    with db.engine.connect() as conn:
        return sorted(
            conn.execute(
                text(
                    "SELECT d.ref, d.kind, f.title, f.body FROM search_docs d "
                    "JOIN search_fts f ON f.rowid = d.rowid"
                )
            ).all()
        )


def _import(tmp_path: Path, name: str, plans: list[Plan]) -> Any:
    path = _file(tmp_path)
    header, _rows, _lines, code_page = csv_format.read_rows(path)
    header_map = csv_format.read_header_map(path, header, code_page)
    db = open_database(tmp_path / name)
    csv_io._import_rows(db, iter(plans), header_map, None, dry_run=False, chosen=None)
    return db


def test_the_index_is_the_same_whoever_made_the_documents(tmp_path: Path) -> None:
    path = _file(tmp_path)
    by_writer = _import(tmp_path, "writer.db", _plans(path, made_by_checker=False))
    by_checker = _import(tmp_path, "checker.db", _plans(path, made_by_checker=True))
    index = _index(by_checker)
    assert len(index) == 4 + 6  # four accounts, six people: each once
    # (a new contact's id is new at each import: compared without them)
    assert sorted(r[1:] for r in index) == sorted(r[1:] for r in _index(by_writer))
    assert check_database(by_checker) == []
    for query in ("spela novak", "ใจดี", "yilmaz", "احمدی", "031235146", "سپاهان"):
        found = [(h.kind, h.title, h.subtitle) for h in find(by_checker, query)]
        assert found, query
        assert found == [(h.kind, h.title, h.subtitle) for h in find(by_writer, query)], query


def test_an_account_two_chunks_carry_is_indexed_once(tmp_path: Path) -> None:
    """Two checking processes each send the accounts of their rows (Firma Novak is in both
    parts); the writer takes an account it wrote out of the later chunk, and the document
    the other process made for it with it."""
    path = _file(tmp_path)
    plans = [
        *_plans(path, made_by_checker=True, part=(0, 2)),
        *_plans(path, made_by_checker=True, part=(1, 2)),
    ]
    carried = [p for p in plans if any(a["name"] == "Firma Novak" for a in p.accounts.values())]
    assert len(carried) == 2
    db = _import(tmp_path, "parts.db", plans)
    refs = [ref for ref, kind, _t, _b in _index(db) if kind == "account"]
    assert len(refs) == len(set(refs)) == 4
    assert check_database(db) == []


@pytest.mark.parametrize("behind", [True, False])
def test_the_checking_process_makes_them_only_while_the_writer_is_behind(
    tmp_path: Path, behind: bool
) -> None:
    path = _file(tmp_path)
    sent: list[tuple[str, object]] = []
    argv = [str(path), "en", "0", "2", "1", "6b" * 16, "2", "2"]  # one part of two: no stdin
    assert (
        csv_check._check(lambda kind, payload: sent.append((kind, payload)), lambda: behind, argv)
        == 0
    )
    chunks = [payload for kind, payload in sent if kind == "chunk"]
    assert chunks and sent[-1] == ("done", None)
    for plan in chunks:
        assert isinstance(plan, Plan)
        if behind:
            assert plan.documents == plan.search_documents()
            assert {d.ref for d in plan.documents} == {
                *plan.accounts,
                *(c["id"] for c in plan.contacts),
            }
        else:
            assert plan.documents is None


def test_the_writer_indexes_the_documents_it_was_sent(tmp_path: Path) -> None:
    """It does not make them again: a word only the sent documents have is found."""
    plans = _plans(_file(tmp_path), made_by_checker=True)
    for plan in plans:
        assert plan.documents is not None
        plan.documents = [d._replace(body=f"{d.body} sentword") for d in plan.documents]
    db = _import(tmp_path, "sent.db", plans)
    assert len(find(db, "sentword", limit=50)) == 10
