"""A team server at scale (issue 15): PostgreSQL with 100,000 accounts / ~300,000 contacts.

    uv run python benchmarks/bench_server.py [--accounts 100000] [--url URL] [--keep]

Without ``--url`` it starts a throwaway cluster (tests/pgcluster.py: initdb in a temporary
folder, as the ``postgres`` user when run as root) and deletes it at the end unless ``--keep``
(then it prints the URL, and ``--url`` with that URL reuses the data). The client is on the
same machine, over TCP. Figures, each beside its target:

- search as you type (the service, 20 results): p50 / p95 over 1-, 2-, 3-letter prefixes, full
  names and two-word queries (target p95 ≤ 50 ms);
- opening a contact (``contact_detail``: what the contact screen reads), p50 / p95 over 100
  contacts (target ≤ 100 ms);
- a portfolio report (PDF) of 1,000 accounts: 1,000 accounts are given to one owner and the
  report is limited to that owner, as a rep's or a manager's per-person portfolio is (target
  ≤ 5 s), in the process and as a whole ``accountdesk report portfolio`` process.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.demo import generate
from accountdesk.core.metrics import Period
from accountdesk.core.queries.details import contact_detail
from accountdesk.core.queries.search import search
from accountdesk.core.reports import documents
from pgcluster import Cluster

NOW = datetime(2026, 5, 1, 9, tzinfo=UTC)
OWNER = "bench_rep"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _count(db: Database, table: str) -> int:
    with db.engine.connect() as conn:
        return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() or 0)


def prepare(url: str, accounts: int) -> Database:
    db = open_database(url)
    if _count(db, "accounts") < accounts:
        t0 = time.perf_counter()
        generate(db, accounts=accounts, seed=1, clock=fixed_clock(NOW))
        print(f"demo generation on the server: {time.perf_counter() - t0:.0f} s")
    with db.engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    print(
        f"data: {_count(db, 'accounts'):,} accounts, {_count(db, 'contacts'):,} contacts, "
        f"{_count(db, 'interactions'):,} interactions"
    )
    return db


def bench_search(db: Database, rng: random.Random) -> None:
    with db.engine.connect() as conn:
        names = [
            f"{g} {f}"
            for g, f in conn.exec_driver_sql(
                "SELECT given_name, family_name FROM contacts ORDER BY random() LIMIT 500"
            )
        ]
    first = [n.split()[0] for n in names]
    groups = {
        "1 letter": [w[:1] for w in first[:100]],
        "2 letters": [w[:2] for w in first[100:200]],
        "3 letters": [w[:3] for w in first[200:300]],
        "full name": names[300:400],
        "two prefixes": [" ".join(p[:2] for p in n.split()[:2]) for n in names[400:500]],
    }
    everything: list[float] = []
    print("search, 20 results        p50 / p95")
    for label, items in groups.items():
        times = []
        for text in items:
            t0 = time.perf_counter()
            search(db, text)
            times.append(time.perf_counter() - t0)
        everything += times
        print(f"  {label:12s}  {ms(pct(times, 0.5)):>9} / {ms(pct(times, 0.95)):>9}")
    print(f"  all {len(everything)} queries: p95 {ms(pct(everything, 0.95))} (target ≤ 50 ms)")


def bench_contact(db: Database, rng: random.Random) -> None:
    with db.engine.connect() as conn:
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM contacts")]
    times = []
    for contact_id in rng.sample(ids, 100):
        t0 = time.perf_counter()
        contact_detail(db, contact_id)
        times.append(time.perf_counter() - t0)
    print(
        f"opening a contact: p50 {ms(pct(times, 0.5))} / p95 {ms(pct(times, 0.95))} "
        "(target ≤ 100 ms)"
    )


def bench_portfolio(db: Database, url: str, rng: random.Random) -> None:
    with db.engine.begin() as conn:
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM accounts ORDER BY id")]
        chosen = rng.sample(ids, 1000)
        conn.exec_driver_sql("UPDATE accounts SET owner = NULL WHERE owner = %s", (OWNER,))
        conn.exec_driver_sql("UPDATE accounts SET owner = %s WHERE id = ANY(%s)", (OWNER, chosen))
    period = Period(date(2025, 5, 1), date(2026, 4, 30))
    out = Path(tempfile.mkdtemp()) / "portfolio.pdf"
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        documents.portfolio_report(db, out, period, owner=OWNER, now=NOW)
        times.append(time.perf_counter() - t0)
    print(
        f"portfolio report, 1,000 accounts (in process): best {min(times):.2f} s, "
        f"median {pct(times, 0.5):.2f} s (target ≤ 5 s)"
    )
    exe = Path(sys.executable).with_name("accountdesk")
    command = [str(exe), "report", "portfolio", "--db", url, "--owner", OWNER]
    command += ["--from", "2025-05-01", "--to", "2026-04-30", "-o", str(out)]
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        runs.append(time.perf_counter() - t0)
        if done.returncode != 0:
            print(f"  accountdesk report failed: {done.stderr.strip()}")
            return
    print(
        f"portfolio report, 1,000 accounts (whole process): median {pct(runs, 0.5):.2f} s "
        f"(target ≤ 5 s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--url", help="a server database to use (else a throwaway cluster)")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway cluster")
    args = parser.parse_args()
    os.environ.setdefault("ACCOUNTDESK_HOME", tempfile.mkdtemp(prefix="ad-bench-home-"))
    cluster = None
    url = args.url
    if url is None:
        cluster = Cluster.start()
        cluster.execute("CREATE DATABASE bench")
        url = cluster.url("bench")
    rng = random.Random(5)
    try:
        db = prepare(url, args.accounts)
        bench_search(db, rng)
        bench_contact(db, rng)
        bench_portfolio(db, url, rng)
        db.close()
    finally:
        if cluster is not None:
            if args.keep:
                print(f"kept: --url {url}")
            else:
                cluster.stop()


if __name__ == "__main__":
    main()
