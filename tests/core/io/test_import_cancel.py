"""Cancelling a vCard or JSON import: a ``progress(done, total)`` callback that returns False
stops the import with the CSV import's sentence, and nothing is written, however late the
Cancel comes (up to the moment before the transaction commits)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, Contact
from accountdesk.core.errors import ImportFailed
from accountdesk.core.io.json_io import JsonImportError, import_json
from accountdesk.core.io.vcard import VCardImportError, import_vcard
from importfiles import CANCELLED, json_export, vcard_file

CARDS = 300


def _cards(tmp_path: Path) -> Path:
    return vcard_file(tmp_path, CARDS)


def _export(tmp_path: Path) -> Path:
    return json_export(tmp_path, 60)


def _counts(db: Database) -> tuple[int, int]:
    with db.reader() as session:
        return (
            int(session.scalar(select(func.count()).select_from(Account)) or 0),
            int(session.scalar(select(func.count()).select_from(Contact)) or 0),
        )


class Recorder:
    """A progress callback that says stop at its ``stop_at``-th call (0: never) or, with
    ``last``, at the call that reports everything done."""

    def __init__(self, stop_at: int = 0, *, last: bool = False) -> None:
        self.calls: list[tuple[int, int]] = []
        self.stop_at, self.last = stop_at, last

    def __call__(self, done: int, total: int) -> bool:
        self.calls.append((done, total))
        if self.last:
            return done < total
        return len(self.calls) != self.stop_at


Importer = Callable[..., object]


@pytest.fixture(params=["vcard", "json"])
def importer(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Importer, Path, type]:
    if request.param == "vcard":
        return import_vcard, _cards(tmp_path), VCardImportError
    return import_json, _export(tmp_path), JsonImportError


@pytest.mark.parametrize("when", ["at once", "along the way", "before the commit"])
def test_a_cancel_stops_the_import_and_writes_nothing(
    db: Database, importer: tuple[Importer, Path, type], when: str
) -> None:
    run, path, error = importer
    recorder = {
        "at once": Recorder(1),
        "along the way": Recorder(2),
        "before the commit": Recorder(last=True),
    }[when]
    before = _counts(db)
    with pytest.raises(ImportFailed) as caught:
        run(db, path, progress=recorder)
    assert isinstance(caught.value, error)
    assert caught.value.message == CANCELLED
    assert caught.value.problems == [CANCELLED]
    assert _counts(db) == before
    assert recorder.calls, "the progress callback was never asked"


def test_progress_is_reported_and_a_run_to_the_end_writes_everything(
    db: Database, importer: tuple[Importer, Path, type]
) -> None:
    run, path, _error = importer
    recorder = Recorder()
    run(db, path, progress=recorder)
    assert len(recorder.calls) > 2  # along the way, not only at the start and the end
    dones = [done for done, _total in recorder.calls]
    assert dones == sorted(dones)
    (total,) = {total for _done, total in recorder.calls}
    assert recorder.calls[-1] == (total, total)
    accounts, contacts = _counts(db)
    assert contacts >= (CARDS if run is import_vcard else 60)
    assert accounts > 0
