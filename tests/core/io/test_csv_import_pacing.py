"""How a large import is paced: a small first chunk, so the writer starts early, small last
chunks, so that it has little left to write when the checking ends, and no cyclic garbage
collection while it writes, switched back on however the import ends."""

from __future__ import annotations

import csv
import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from accountdesk.core.db.engine import open_database
from accountdesk.core.io import csv_format, csv_io

HEADER = ["account_name", "account_country", "given_name", "family_name"]


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def test_the_first_chunk_is_small_and_the_others_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csv_format, "FIRST_CHUNK_ROWS", 3)
    rows = [["Firma", "LV", f"Ilze{i}", "Bērziņa"] for i in range(30)]
    path = _write(tmp_path / "people.csv", rows)
    header, reader, _lines, _code_page = csv_format.read_rows(path)
    plans = list(csv_format.plan_chunks(header, reader, None, 10))
    sizes = [len(p.accounts) + len(p.contacts) for p in plans]
    assert sizes[0] == 3 and sizes[1] == 10 and sum(len(p.contacts) for p in plans) == 30


def test_chunks_halve_near_the_end_of_a_file_whose_lines_are_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csv_format, "FIRST_CHUNK_ROWS", 3)
    monkeypatch.setattr(csv_format, "LAST_CHUNK_ROWS", 4)
    rows = [["Firma", "LV", f"Ilze{i}", "Bērziņa"] for i in range(100)]
    path = _write(tmp_path / "people.csv", rows)

    def sizes(counted: bool) -> list[int]:
        header, reader, lines, _code_page = csv_format.read_rows(path)
        plans = csv_format.plan_chunks(header, reader, None, 20, lines=lines if counted else None)
        found = [(len(p.contacts), len(p.accounts) + len(p.contacts)) for p in plans]
        assert sum(contacts for contacts, _items in found) == 100
        return [items for _contacts, items in found]

    assert sizes(counted=False)[-1] > 4  # the rest after full chunks of 20
    counted = sizes(counted=True)
    assert counted[:3] == [3, 20, 20]  # full chunks while much is left
    assert counted[-1] <= 4 and counted[-2] <= 4  # then halving down to LAST_CHUNK_ROWS
    assert any(4 < size < 20 for size in counted)


@pytest.fixture
def collection_on() -> Iterator[None]:
    """The collector on for the test, whatever an earlier test in this process left (the GUI's
    own collection timer turns it off for the app's lifetime), and as it was afterwards."""
    was_on = gc.isenabled()
    gc.enable()
    yield
    if not was_on:
        gc.disable()


@pytest.mark.parametrize("bad", [False, True], ids=["imported", "refused"])
@pytest.mark.usefixtures("collection_on")
def test_collection_is_back_on_after_an_import(tmp_path: Path, bad: bool) -> None:
    rows = [["Riga Timber", "LV", "Ilze", "Bērziņa"], ["Riga Timber", "LV", "Jānis", "Ozols"]]
    if bad:
        rows.append(["Riga Timber", "XX", "Anna", "Liepa"])
    path = _write(tmp_path / "people.csv", rows)
    db = open_database(tmp_path / "t.db")
    assert gc.isenabled()
    if bad:
        with pytest.raises(csv_format.CsvImportError):
            csv_io.import_csv(db, path)
    else:
        assert csv_io.import_csv(db, path).contacts_created == 2
    assert gc.isenabled()


@pytest.mark.usefixtures("collection_on")
def test_collection_stays_off_when_the_caller_had_it_off(tmp_path: Path) -> None:
    path = _write(tmp_path / "people.csv", [["Riga Timber", "LV", "Ilze", "Bērziņa"]])
    db = open_database(tmp_path / "t.db")
    gc.disable()
    try:
        csv_io.import_csv(db, path)
        assert not gc.isenabled()
    finally:
        gc.enable()
