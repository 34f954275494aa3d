"""Desktop app figures: start-up to an interactive main window (beside a bare PySide6
QMainWindow started the same way), filtering the contact list by text, and resident memory
after scrolling through the whole contact list.

    uv run accountdesk demo --db /tmp/big.db --accounts 100000     # once: the big database
    QT_QPA_PLATFORM=offscreen uv run python benchmarks/bench_gui.py --db /tmp/big.db

Start-up is timed from outside, as a whole process: ``accountdesk --db …`` with
``ACCOUNTDESK_EXIT_WHEN_READY=1`` (the app quits after the main window's first paint and one more
turn of the event loop) beside a bare ``QMainWindow`` process that quits the same way.
``benchmarks/run_all.py`` calls the functions here. Prints figures; asserts nothing. Runs
offscreen unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: The floor: a bare PySide6 QMainWindow, shown, quitting after its first paint and one more
#: turn of the event loop (what ACCOUNTDESK_EXIT_WHEN_READY does for the app).
BARE_WINDOW = """
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(["bare"])
window = QMainWindow()
window.resize(1280, 800)
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QCoreApplication.quit)
        return False
watcher = FirstPaint(window)
window.installEventFilter(watcher)
window.show()
app.exec()
"""

#: Texts the contact filter is timed with (names, a city, Thai and Persian names, prefixes).
FILTER_TEXTS = ("yilmaz", "ozola", "jelgava", "novak", "ใจดี", "کریمی", "mar", "a")


def child_env(home: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """The environment of a measured process: as a user's install runs (bytecode may be
    written and read: no PYTHONDONTWRITEBYTECODE), offscreen, a data folder of its own."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["ACCOUNTDESK_HOME"] = str(home or os.environ.get("ACCOUNTDESK_HOME", "/tmp/ad-bench-gui"))
    return env


def whole_process(argv: Sequence[str], env: Mapping[str, str]) -> float:
    """Seconds from spawning ``argv`` to its exit (it must exit 0)."""
    start = time.perf_counter()
    subprocess.run(list(argv), env=dict(env), check=True, capture_output=True)
    return time.perf_counter() - start


def app_argv(db: str) -> list[str]:
    """The installed ``accountdesk`` command opening ``db``."""
    return [str(Path(sys.executable).with_name("accountdesk")), "--db", db]


def startup(
    db: str, runs: int, env: Mapping[str, str], until: str = "1"
) -> tuple[list[float], list[float]]:
    """Whole-process start-up times (app, bare window), measured in turns side by side after
    one unmeasured run of each. ``until``: the value of ACCOUNTDESK_EXIT_WHEN_READY, "1" (the
    window is interactive) or "filled" (the first screen has its data)."""
    app_env = dict(env, ACCOUNTDESK_EXIT_WHEN_READY=until)
    bare = [sys.executable, "-c", BARE_WINDOW]
    whole_process(app_argv(db), app_env)  # warm the file cache (and a first daily backup)
    whole_process(bare, env)
    app_times, bare_times = [], []
    for _run in range(runs):
        bare_times.append(whole_process(bare, env))
        app_times.append(whole_process(app_argv(db), app_env))
    return app_times, bare_times


def contacts_model(db_path: str) -> Any:
    """The contact list's model over ``db_path``, loaded synchronously (no event loop)."""
    from accountdesk.core.clock import system_clock
    from accountdesk.core.db.engine import open_database
    from accountdesk.ui.app import create_app
    from accountdesk.ui.contacts.model import ContactsModel

    create_app()
    model = ContactsModel(open_database(db_path), system_clock, asynchronous=False)
    model.reload()
    return model


def filter_seconds(model: Any, text: str, repeats: int = 3) -> tuple[int, float]:
    """(rows, best seconds) to filter the list by ``text`` and read its first screenful."""
    from accountdesk.core.queries.lists import ListFilter

    samples = []
    for _repeat in range(repeats):
        model.set_filter(ListFilter())
        t0 = time.perf_counter()
        model.set_filter(ListFilter(text=text))
        for row in range(min(40, model.rowCount())):  # the first screenful, as painted
            for column in range(len(model.columns)):
                model.data(model.index(row, column))
        samples.append(time.perf_counter() - t0)
    return model.rowCount(), min(samples)


def rss_mb() -> tuple[float, float]:
    """This process's resident memory and its peak, in MB."""
    fields = {}
    with open("/proc/self/status") as status:
        for line in status:
            key, _sep, value = line.partition(":")
            fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def scroll_all(model: Any) -> tuple[int, float]:
    """Read every cell of every row of the unfiltered list; (rows, seconds)."""
    from accountdesk.core.queries.lists import ListFilter

    model.set_filter(ListFilter())
    t0 = time.perf_counter()
    for row in range(model.rowCount()):
        for column in range(len(model.columns)):
            model.data(model.index(row, column))
    return model.rowCount(), time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/big.db")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    full, bare = startup(args.db, args.runs, child_env())
    bare_s, full_s = statistics.median(bare), statistics.median(full)
    print(f"start-up, bare QMainWindow process (median of {args.runs}): {bare_s * 1000:7.0f} ms")
    print(f"start-up, accountdesk --db {args.db} process: {full_s * 1000:7.0f} ms "
          f"(target <= 3x bare: {full_s / bare_s:.1f}x)")  # fmt: skip
    filled, bare = startup(args.db, args.runs, child_env(), "filled")
    filled_s = statistics.median(filled)
    print(f"the same until the first screen has its data: {filled_s * 1000:7.0f} ms "
          f"({filled_s / statistics.median(bare):.1f}x bare)")  # fmt: skip

    t0 = time.perf_counter()
    model = contacts_model(args.db)
    print(f"contact list, {model.rowCount():,} contacts loaded (off the GUI thread in the app): "
          f"{(time.perf_counter() - t0) * 1000:.0f} ms")  # fmt: skip
    for text in FILTER_TEXTS:
        rows, seconds = filter_seconds(model, text)
        print(f"filter contacts by text {text!r:>12}: {rows:7,} rows, "
              f"{seconds * 1000:6.1f} ms (target <= 100 ms)")  # fmt: skip

    rows, seconds = scroll_all(model)
    rss, peak = rss_mb()
    print(f"scrolled through all {rows:,} contacts in {seconds:.1f} s: "
          f"resident {rss:.0f} MB, peak {peak:.0f} MB (target <= 250 MB)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
