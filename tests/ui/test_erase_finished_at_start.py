"""The app's start finishes an erase a stop left before its backups were cleaned (the kill
itself: tests/faults/test_sigkill.py): the backup taken meanwhile is cleaned and the status bar
says so."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from accountdesk.core.db.backup import make_backup
from accountdesk.core.db.engine import Database
from accountdesk.core.services import privacy
from accountdesk.ui import tasks

pytestmark = [
    pytest.mark.sqlite_only,  # the local file and its backups
    # the offscreen platform's word when the main window is laid out
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


class Stopped(BaseException):
    """The process ends here."""


def _family_names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [str(r[0]) for r in conn.execute("SELECT family_name FROM contacts ORDER BY 1")]
    finally:
        conn.close()


def test_the_start_cleans_the_backups_an_erase_left(
    qtbot: Any, ctx: Any, db: Database, sample: dict[str, str]
) -> None:
    erase_in = privacy._erase_in
    taken: list[Path] = []

    def backup_first(database: Database, *ids: Any, **options: Any) -> bool:
        if database is db:  # a backup taken while the erase runs, from the database as it was
            taken.append(make_backup(db).path)
        return erase_in(database, *ids, **options)

    def stop(*_args: Any) -> Any:
        raise Stopped

    with pytest.MonkeyPatch.context() as patched, pytest.raises(Stopped):
        patched.setattr(privacy, "_erase_in", backup_first)
        patched.setattr(privacy, "_taken_meanwhile", stop)
        privacy.erase_contact(db, sample["anna"])
    [backup] = taken
    assert "Ozola" in _family_names(backup)
    from accountdesk.ui.app import Controller

    said: list[str] = []
    ctx.status.connect(said.append)
    controller = Controller(ctx.db)
    controller.ctx = ctx
    controller.start(screen="contacts")  # as the app starts, with what it does then
    qtbot.waitUntil(lambda: any("it is finished now" in s for s in said), timeout=20_000)
    assert tasks.wait_all()
    assert "Ozola" not in _family_names(backup)
    assert _family_names(backup) == ["Berzins", "Jaidee"]
    [message] = [s for s in said if "it is finished now" in s]
    assert message.endswith("1 backup was rewritten without the person erased.")
    assert privacy.finish_erasures(db) is None  # done with
