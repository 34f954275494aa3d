"""Every figure of issue 13 in one table: each measured side by side with its floor in one run.

    uv run accountdesk demo --db /tmp/big.db --accounts 100000     # once: 300k contacts
    uv run python benchmarks/run_all.py --db /tmp/big.db [--runs 5] [--workdir /tmp/ad-run-all]
        [--big-import 3]   # also the import of the big database's export (30 s a run)

What it measures, each as a whole process (median of ``--runs``, app and floor taking turns):

- start-up to an interactive main window (``ACCOUNTDESK_EXIT_WHEN_READY=1``) and to the first
  screen with its data (``=filled``) on the big database and on a 1,200-contact one, beside a
  bare PySide6 ``QMainWindow`` process;
- ``accountdesk import`` of its own 30k-contact CSV export into a new database, beside a bare
  ``sqlite3`` process that reads the same CSV and ``executemany``s it into one table (with
  ``--big-import``, the big database's 300k-contact export too);
- ``accountdesk report account`` beside a bare ReportLab process that registers the fonts the
  report embedded and lays out as many pages, and that process with SQLAlchemy imported first,
  Core alone and its ORM (bounds: what any report read through the database layer takes at
  least);
- ``accountdesk search yil`` beside a bare ``sqlite3`` process running the FTS5 query;
- the one-letter contact filter at the big database's size, and resident memory after scrolling
  every contact (both in a child process of their own; no floor).

First the installed code is byte-compiled, and the measured processes run without
``PYTHONDONTWRITEBYTECODE``, as a user's install does (``uv sync --compile-bytecode``). The
1,200- and 30k-contact databases and the export are made once in the work folder and kept.
Prints one table; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import sysconfig
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_gui  # noqa: E402

EXE = Path(sys.executable).with_name("accountdesk")

#: The floor of `import`: the CSV read with the csv module and inserted with executemany into a
#: table of as many text columns, one transaction, in a bare process.
SQLITE_IMPORT = """
import csv, sqlite3, sys
source, target = sys.argv[1], sys.argv[2]
with open(source, newline="", encoding="utf-8") as handle:
    reader = csv.reader(handle)
    header = next(reader)
    conn = sqlite3.connect(target)
    columns = ", ".join(f'c{i} TEXT' for i in range(len(header)))
    conn.execute(f"CREATE TABLE rows ({columns})")
    marks = ", ".join("?" for _ in header)
    with conn:
        conn.executemany(f"INSERT INTO rows VALUES ({marks})", reader)
    conn.close()
"""

#: The floor of `report account`: ReportLab alone, the same font files, as many pages.
REPORTLAB_FLOOR = """
import json, sys
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate
fonts, pages, target = json.loads(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
names = []
for index, path in enumerate(fonts):
    name = f"F{index}"
    pdfmetrics.registerFont(TTFont(name, path))
    names.append(name)
story = []
for page in range(pages):
    for name in names or ["Helvetica"]:
        style = ParagraphStyle(name, fontName=name, fontSize=10, leading=14)
        story.append(Paragraph("Quarterly review with the purchasing team " * 8, style))
    story.append(PageBreak())
SimpleDocTemplate(target).build(story[:-1])
"""

#: The floor of `search`: one FTS5 query in a bare process.
SQLITE_SEARCH = """
import sqlite3, sys
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
rows = conn.execute(sys.argv[2], (sys.argv[3], 20)).fetchall()
print(len(rows))
"""

#: The filter and memory figures, in a process of their own (the functions of bench_gui.py).
CONTACT_LIST = """
import json, sys
sys.path.insert(0, sys.argv[1])
import bench_gui
model = bench_gui.contacts_model(sys.argv[2])
rows, seconds = bench_gui.filter_seconds(model, "a")
scrolled, _took = bench_gui.scroll_all(model)
rss, peak = bench_gui.rss_mb()
print(json.dumps({"filter_rows": rows, "filter_s": seconds, "contacts": scrolled,
                  "rss_mb": rss, "peak_mb": peak}))
"""


def byte_compile(env: dict[str, str]) -> None:
    """Compile the installed packages and the source, as ``uv sync --compile-bytecode`` does
    (a few files some packages ship as data do not compile; compileall says so and goes on)."""
    folders = {sysconfig.get_paths()["purelib"], str(HERE.parent / "src")}
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "-j", "0", *sorted(folders)],
        env=env, check=False, capture_output=True,
    )  # fmt: skip


def accountdesk(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(EXE), *args], env=env, check=True, capture_output=True, text=True)


def remove_database(path: Path) -> None:
    """Remove the database ``path`` left by the last turn, and wait until the disk has written
    what that turn and the removal left to write (os.sync): a turn must not pay for the
    last one's writes (the floor's 163 MB, or an import's 560 MB, at 300k contacts). A
    ``-journal`` too: an import into a new file writes one (left behind if a turn was killed,
    it would be rolled back into the next turn's new file)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    os.sync()


def demo_database(work: Path, accounts: int, env: dict[str, str]) -> Path:
    path = work / f"demo-{accounts}.db"
    if not path.exists():
        accountdesk("demo", "--db", str(path), "--accounts", str(accounts), env=env)
    return path


def busiest_account(db: Path) -> str:
    conn = sqlite3.connect(db)
    row = conn.execute(
        "SELECT account_id FROM interactions GROUP BY account_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    conn.close()
    return str(row[0])


def pdf_pages_and_fonts(pdf: Path, font_folder: Path) -> tuple[int, list[str]]:
    """The page count of ``pdf`` and the font files whose PostScript names it embeds."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    embedded = {m.decode() for m in re.findall(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([\w.-]+)", data)}
    files = []
    for path in sorted(font_folder.glob("*.ttf")):
        if TTFontFile(str(path)).name.decode() in embedded:
            files.append(str(path))
    return pages, files


def pair(runs: int, ours: Callable[[], float], floor: Callable[[], float]) -> tuple[float, float]:
    """Medians of ``runs`` turns, floor then ours, after one unmeasured turn of each."""
    floor()
    ours()
    floors, mine = [], []
    for _run in range(runs):
        floors.append(floor())
        mine.append(ours())
    return statistics.median(mine), statistics.median(floors)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/big.db", help="the 300k-contact database")
    parser.add_argument("--runs", type=int, default=5, help="measurements per figure (median)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/ad-run-all"))
    parser.add_argument(
        "--big-import",
        type=int,
        default=0,
        metavar="RUNS",
        help="also import the big database's own export, RUNS times (about 30 s each)",
    )
    args = parser.parse_args()
    work: Path = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    env = bench_gui.child_env(work / "home")
    run = lambda argv, e=env: bench_gui.whole_process(argv, e)  # noqa: E731
    load_before = os.getloadavg()
    started = time.perf_counter()

    byte_compile(env)
    small = demo_database(work, 400, env)  # about 1,200 contacts
    medium = demo_database(work, 10_000, env)  # about 30,000 contacts
    export = work / "export.csv"
    if not export.exists():
        accountdesk("export", "--db", str(medium), "--format", "csv", "-o", str(export), env=env)
    with export.open(encoding="utf-8") as handle:
        exported = sum(1 for _line in handle) - 1  # no line breaks inside the demo's cells

    table: list[tuple[str, str, str, float | None, str]] = []

    def seconds(value: float) -> str:
        return f"{value:.2f} s"

    for label, db in (("300k contacts", args.db), ("1,200 contacts", str(small))):
        ours, floor = bench_gui.startup(db, args.runs, env)
        mine, bare = statistics.median(ours), statistics.median(floor)
        floor_text = f"bare PySide6 QMainWindow, {seconds(bare)}"
        table.append((f"start to an interactive main window, {label}", seconds(mine),
                      floor_text, mine / bare, "<= 3x"))  # fmt: skip
        ours, floor = bench_gui.startup(db, args.runs, env, "filled")
        mine, bare = statistics.median(ours), statistics.median(floor)
        floor_text = f"bare PySide6 QMainWindow, {seconds(bare)}"
        table.append((f"start to the first screen with its data, {label}", seconds(mine),
                      floor_text, mine / bare, "—"))  # fmt: skip

    target = work / "import.db"
    floor_target = work / "floor.db"

    def import_ours(source: Path) -> float:
        remove_database(target)
        return run([str(EXE), "import", "--db", str(target), str(source)])

    def import_floor(source: Path) -> float:
        remove_database(floor_target)
        return run([sys.executable, "-c", SQLITE_IMPORT, str(source), str(floor_target)])

    imports = [(export, exported, args.runs)]
    if args.big_import:
        big_export = work / "export-big.csv"
        if not big_export.exists():
            accountdesk("export", "--db", args.db, "--format", "csv", "-o", str(big_export),
                        env=env)  # fmt: skip
        with big_export.open(encoding="utf-8") as handle:
            imports.append((big_export, sum(1 for _line in handle) - 1, args.big_import))
    for source, rows, runs in imports:
        mine, floor_s = pair(runs, partial(import_ours, source), partial(import_floor, source))
        table.append((f"import of its own {rows:,}-contact export",
                      f"{seconds(mine)} ({rows / mine:,.0f} contacts/s)",
                      f"sqlite3 executemany of the same CSV, {seconds(floor_s)}", mine / floor_s,
                      ">= 10,000 contacts/s and <= 5x"))  # fmt: skip

    account = busiest_account(medium)
    pdf = work / "account.pdf"
    report = [str(EXE), "report", "account", "--db", str(medium), "-o", str(pdf), account]
    run(report)
    from accountdesk.core.reports.fonts import font_dir

    pages, fonts = pdf_pages_and_fonts(pdf, font_dir())
    floor_pdf = work / "floor.pdf"
    floor_argv = [sys.executable, "-c", REPORTLAB_FLOOR, json.dumps(fonts), str(pages),
                  str(floor_pdf)]  # fmt: skip
    mine, floor_s = pair(args.runs, lambda: run(report), lambda: run(floor_argv))
    table.append(("report account", seconds(mine),
                  f"ReportLab alone, {len(fonts)} font files, {pages} pages, {seconds(floor_s)}",
                  mine / floor_s, "<= 2x"))  # fmt: skip
    # What the floor costs with SQLAlchemy imported too, and nothing read: the least any
    # report read through the database layer can take (not a target; a bound). Core alone,
    # and the ORM the models are written in.
    for module in ("sqlalchemy", "sqlalchemy.orm"):
        bound_argv = [sys.executable, "-c", f"import {module}\n" + REPORTLAB_FLOOR,
                      json.dumps(fonts), str(pages), str(floor_pdf)]  # fmt: skip
        bound, floor_s = pair(args.runs, partial(run, bound_argv), lambda: run(floor_argv))
        table.append((f"the floor with `import {module}` (a bound, nothing read)",
                      seconds(bound), f"ReportLab alone, {seconds(floor_s)}", bound / floor_s,
                      "—"))  # fmt: skip

    from accountdesk.core.db.fts import FTS_SQL, match_expression

    expression = match_expression("yil")
    assert expression is not None
    search = [str(EXE), "search", "--db", args.db, "yil"]
    floor_search = [sys.executable, "-c", SQLITE_SEARCH, args.db, FTS_SQL, expression]
    mine, floor_s = pair(args.runs, lambda: run(search), lambda: run(floor_search))
    table.append(("search yil", seconds(mine), f"sqlite3 FTS5 query in a bare process, "
                  f"{seconds(floor_s)}", mine / floor_s, "<= 3x"))  # fmt: skip

    out = subprocess.run(
        [sys.executable, "-c", CONTACT_LIST, str(HERE), args.db],
        env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    table.append((f"contact filter, one letter, {figures['contacts']:,} contacts",
                  f"{figures['filter_s'] * 1000:.0f} ms ({figures['filter_rows']:,} rows)",
                  "—", None, "<= 100 ms"))  # fmt: skip
    table.append((f"resident memory after scrolling all {figures['contacts']:,} contacts",
                  f"{figures['rss_mb']:.0f} MB (peak {figures['peak_mb']:.0f} MB)", "—", None,
                  "<= 250 MB"))  # fmt: skip

    load_after = os.getloadavg()
    print(f"{time.strftime('%Y-%m-%d %H:%M %Z')}, medians of {args.runs}, "
          f"{os.cpu_count()} cores, load average {load_before[0]:.2f} before and "
          f"{load_after[0]:.2f} after, {time.perf_counter() - started:.0f} s in all")  # fmt: skip
    print()
    print("| what | AccountDesk | floor | ratio | target |")
    print("|---|---|---|---|---|")
    for what, ours_text, floor_text, ratio, goal in table:
        ratio_text = "—" if ratio is None else f"{ratio:.1f}×"
        print(f"| {what} | {ours_text} | {floor_text} | {ratio_text} | {goal} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
