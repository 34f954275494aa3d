"""Editors, Quick log, Exchange rates and the import dialog open within the screen at 150 %
and 200 % scaling: at 200 % a 1920×1080 screen is 960×540 logical pixels, and the editors
opened 640 tall (Quick log 560, the rates 640), Save and Cancel below the bottom edge; the
import dialog's panes needed more than the screen had. Each case runs in a process of its
own, on an offscreen screen of that size and scale."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "google_contacts.csv"

CHILD = r"""
import json, sys
from pathlib import Path
from PySide6.QtGui import QGuiApplication
from accountdesk.core.db.engine import open_database
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from accountdesk.core.i18n import use_language
from accountdesk.ui import tasks
from accountdesk.ui.app import create_app
from accountdesk.ui.context import AppContext
from accountdesk.ui.screenfit import FRAME

app = create_app()
db = open_database(sys.argv[1])
ctx = AppContext(db)
account = create_account(db, AccountInput(name="Baltic Timber", country="LV"))
free = QGuiApplication.primaryScreen().availableGeometry()
found = {"free": [free.width(), free.height()], "frame": list(FRAME)}
with use_language(sys.argv[2]):
    from accountdesk.ui.accounts.editor import AccountEditor
    from accountdesk.ui.contacts.editor import ContactEditor
    from accountdesk.ui.quicklog.dialog import QuickLogDialog
    from accountdesk.ui.reports.rates import RatesDialog
    from accountdesk.ui.import_dialog import ImportDialog

    for name, dialog in (
        ("account", AccountEditor(ctx, account)),
        ("contact", ContactEditor(ctx, account_id=account)),
        ("quicklog", QuickLogDialog(ctx)),
        ("rates", RatesDialog(ctx)),
        ("import", ImportDialog(ctx, Path(sys.argv[3]))),
    ):
        dialog.show()
        tasks.pump(20)
        found[name] = [dialog.width(), dialog.height()]
        if hasattr(dialog, "mark_clean"):
            dialog.mark_clean()
        dialog.reject()
tasks.wait_all()
db.close()
print(json.dumps(found))
"""


@pytest.mark.parametrize(
    ("width", "height", "scale", "lang"),
    [(1920, 1080, "2", "en"), (1366, 768, "1.5", "fa"), (1366, 768, "1.5", "th")],
)
def test_editors_open_within_a_scaled_screen(
    tmp_path: Path, width: int, height: int, scale: str, lang: str
) -> None:
    config = tmp_path / "screen.json"
    screen = {"name": "s1", "x": 0, "y": 0, "width": width, "height": height, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
        "ACCOUNTDESK_HOME": str(tmp_path / "home"),
    }
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "fit.db"), lang, str(SAMPLE)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    (free_width, free_height), (frame_width, frame_height) = found.pop("free"), found.pop("frame")
    assert free_height < 640  # the case means something: the screen is shorter than a form
    for name, (w, h) in found.items():
        assert w <= free_width - frame_width and h <= free_height - frame_height, (name, w, h)
