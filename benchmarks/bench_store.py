"""Store benchmarks (issue: foundation): demo generation, search latency, CSV import, open.

    uv run python benchmarks/bench_store.py [--accounts 100000] [--workdir /tmp/ad-bench]

Prints one figure per line. The big database is kept in the work folder and reused when it
already has the asked number of accounts (pass --fresh to rebuild it).
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from accountdesk.core.db.engine import open_database
from accountdesk.core.db.fts import FTS_SQL, KEYS_SQL, fold, match_expression, words
from accountdesk.core.demo import generate
from accountdesk.core.io.csv_io import export_csv, import_csv
from accountdesk.core.queries.search import search


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def queries(db_path: Path, rng: random.Random) -> dict[str, list[str]]:
    conn = sqlite3.connect(db_path)
    names = [
        f"{g} {f}"
        for g, f in conn.execute(
            "SELECT given_name, family_name FROM contacts ORDER BY random() LIMIT 400"
        )
    ]
    conn.close()
    words = [n.split()[0] for n in names]
    return {
        "1 letter": [w[:1] for w in words[:100]],
        "2 letters": [w[:2] for w in words[100:200]],
        "3 letters": [w[:3] for w in words[200:300]],
        "full name": names[300:400],
    }


def raw_same_statements(raw: sqlite3.Connection, text: str) -> None:
    """The statements the service runs, straight on sqlite3, results discarded (the floor)."""
    found = words(fold(text))
    if len(found) == 1:
        rows = raw.execute(KEYS_SQL, (found[0], found[0] + "\U0010ffff", 40)).fetchall()
        if len({r[0] for r in rows}) >= 20:
            return
    raw.execute(FTS_SQL, (match_expression(text), 20)).fetchall()


def bench_search(db_path: Path) -> None:
    db = open_database(db_path)
    raw = sqlite3.connect(db_path)
    rng = random.Random(5)
    print("search (20 results)   service p50 / p95  | same SQL raw p50 / p95 | FTS5 only p50 / p95")
    for label, items in queries(db_path, rng).items():
        service, floor, fts_only = [], [], []
        for text in items:
            search(db, text)  # warm
            t0 = time.perf_counter()
            search(db, text)
            service.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            raw_same_statements(raw, text)
            floor.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            raw.execute(FTS_SQL, (match_expression(text), 20)).fetchall()
            fts_only.append(time.perf_counter() - t0)
        print(
            f"  {label:9s}  {ms(pct(service, 0.5)):>9} / {ms(pct(service, 0.95)):>9}"
            f" | {ms(pct(floor, 0.5)):>9} / {ms(pct(floor, 0.95)):>9}"
            f" | {ms(pct(fts_only, 0.5)):>9} / {ms(pct(fts_only, 0.95)):>9}"
            f"   service/raw p95 {pct(service, 0.95) / max(pct(floor, 0.95), 1e-9):.2f}x"
        )


def bench_process(db_path: Path) -> None:
    exe = Path(sys.executable).with_name("accountdesk")
    times = []
    for word in ["yil", "jan", "สม", "ber", "nov", "تهر", "kal", "ma", "a", "zagar"]:
        t0 = time.perf_counter()
        subprocess.run([exe, "search", "--db", str(db_path), word], capture_output=True, check=True)
        times.append(time.perf_counter() - t0)
    print(
        f"accountdesk search (whole process): p50 {ms(pct(times, 0.5))} "
        f"max {ms(max(times))} over {len(times)} runs"
    )


def bench_import(work: Path, source: Path) -> None:
    csv_path = work / "export.csv"
    db = open_database(source)
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        t0 = time.perf_counter()
        rows = export_csv(db, handle)
        export_s = time.perf_counter() - t0
    print(f"CSV export: {rows} rows in {export_s:.2f} s ({rows / export_s:,.0f} rows/s)")
    target = work / "import.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    db2 = open_database(target)
    t0 = time.perf_counter()
    report = import_csv(db2, csv_path)
    seconds = time.perf_counter() - t0
    print(
        f"CSV import: {report.contacts_created} contacts ({report.accounts_created} accounts) "
        f"in {seconds:.2f} s = {report.contacts_created / seconds:,.0f} contacts/s"
    )


def bench_open(work: Path, db_path: Path) -> None:
    t0 = time.perf_counter()
    open_database(db_path).close()
    size = db_path.stat().st_size / 1e6
    print(f"open an up-to-date {size:.0f} MB database: {ms(time.perf_counter() - t0)}")
    fresh = work / "fresh.db"
    fresh.unlink(missing_ok=True)
    t0 = time.perf_counter()
    open_database(fresh).close()
    print(f"create and migrate a new database: {ms(time.perf_counter() - t0)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/ad-bench"))
    parser.add_argument("--fresh", action="store_true")
    args = parser.parse_args()
    work: Path = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("ACCOUNTDESK_HOME", str(work / "home"))
    db_path = work / f"demo-{args.accounts}.db"
    if args.fresh or not db_path.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)
        db = open_database(db_path)
        t0 = time.perf_counter()
        summary = generate(db, accounts=args.accounts, seed=1)
        seconds = time.perf_counter() - t0
        db.close()
        print(
            f"demo generation: {summary.accounts} accounts, {summary.contacts} contacts, "
            f"{summary.interactions} interactions in {seconds:.1f} s"
        )
    bench_open(work, db_path)
    bench_search(db_path)
    bench_process(db_path)
    bench_import(work, db_path)


if __name__ == "__main__":
    main()
