"""Desktop app figures: start-up to an interactive main window (beside a bare PySide6
QMainWindow started the same way), filtering the contact list by text, and resident memory
after scrolling through the whole contact list.

    uv run accountdesk demo --db /tmp/big.db --accounts 100000     # once: the big database
    QT_QPA_PLATFORM=offscreen uv run python benchmarks/bench_gui.py --db /tmp/big.db

Prints figures; asserts nothing. Runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CHILD_APP = """
import sys, time
start = float(sys.argv[1])
from accountdesk.ui.app import create_app, apply_language, Controller
from accountdesk.core.db.engine import open_database
from PySide6.QtCore import QTimer
app = create_app()
apply_language("en")
db = open_database(sys.argv[2])
controller = Controller(db)
window = controller.build_window()
def ready():
    print(f"ready {time.time() - start:.4f}", flush=True)
    app.quit()
QTimer.singleShot(0, ready)
app.exec()
"""

CHILD_BARE = """
import sys, time
start = float(sys.argv[1])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.show()
def ready():
    print(f"ready {time.time() - start:.4f}", flush=True)
    app.quit()
QTimer.singleShot(0, ready)
app.exec()
"""


def _startup(code: str, db: str, runs: int) -> list[float]:
    """Seconds from spawning the process to its event loop running with the window shown."""
    times = []
    env = dict(os.environ, ACCOUNTDESK_HOME=os.environ.get("ACCOUNTDESK_HOME", "/tmp/ad-bench-gui"))
    for _run in range(runs):
        start = time.time()
        out = subprocess.run(
            [sys.executable, "-c", code, str(start), db],
            capture_output=True, text=True, env=env, check=True,
        )  # fmt: skip
        line = next(x for x in out.stdout.splitlines() if x.startswith("ready"))
        times.append(float(line.split()[1]))
    return times


def _rss_mb() -> tuple[float, float]:
    fields = {}
    with open("/proc/self/status") as status:
        for line in status:
            key, _sep, value = line.partition(":")
            fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/big.db")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    bare = _startup(CHILD_BARE, args.db, args.runs)
    full = _startup(CHILD_APP, args.db, args.runs)
    bare_s, full_s = statistics.median(bare), statistics.median(full)
    print(f"start-up, bare QMainWindow (median of {args.runs}): {bare_s * 1000:7.0f} ms")
    print(f"start-up, AccountDesk main window on {args.db}: {full_s * 1000:7.0f} ms "
          f"(target <= 1500 ms and <= 3x bare: {full_s / bare_s:.1f}x)")  # fmt: skip

    from accountdesk.core.db.engine import open_database
    from accountdesk.core.queries.lists import ListFilter
    from accountdesk.ui.app import create_app
    from accountdesk.ui.contacts.model import ContactsModel

    create_app()
    db = open_database(args.db)
    from accountdesk.core.clock import system_clock

    model = ContactsModel(db, system_clock, asynchronous=False)
    t0 = time.perf_counter()
    model.reload()
    print(f"contact list, all {model.rowCount():,} ids loaded (off the GUI thread in the app): "
          f"{(time.perf_counter() - t0) * 1000:.0f} ms")  # fmt: skip
    for text in ("yilmaz", "ozola", "jelgava", "novak", "ใจดี", "کریمی", "mar", "a"):
        samples = []
        for _repeat in range(3):
            t0 = time.perf_counter()
            model.set_filter(ListFilter(text=text))
            for row in range(min(40, model.rowCount())):  # the first screenful, as painted
                for column in range(len(model.columns)):
                    model.data(model.index(row, column))
            samples.append(time.perf_counter() - t0)
        print(f"filter contacts by text {text!r:>12}: {model.rowCount():7,} rows, "
              f"{min(samples) * 1000:6.1f} ms (target <= 100 ms)")  # fmt: skip

    model.set_filter(ListFilter())
    t0 = time.perf_counter()
    for row in range(model.rowCount()):
        for column in range(len(model.columns)):
            model.data(model.index(row, column))
    rss, peak = _rss_mb()
    print(f"scrolled through all {model.rowCount():,} contacts in "
          f"{time.perf_counter() - t0:.1f} s: resident {rss:.0f} MB, peak {peak:.0f} MB "
          "(target <= 400 MB)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
