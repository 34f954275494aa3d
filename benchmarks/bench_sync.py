"""Synchronising an offline copy with its team server (SPEC §10): how fast a laptop sends what
it wrote offline, and how fast another laptop receives it.

    uv run python benchmarks/bench_sync.py [--accounts 1000]

Starts a throwaway PostgreSQL cluster (tests/pgcluster.py), sets up a team (``server init``,
two reps), makes each rep an offline copy, imports on Anna's copy a CSV of ``--accounts``
demo accounts (about three contacts each, with their tags and dates), then times:

- Anna's synchronisation that sends them (``sync.synchronise``: records sent a second);
- Ben's synchronisation that receives them (records received a second);
- a synchronisation with nothing to do (Anna's again).

The client and the server are on the same machine, over TCP.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db import sync
from accountdesk.core.db.engine import open_database
from accountdesk.core.demo import generate
from accountdesk.core.io.csv_io import export_csv, import_csv
from pgcluster import Cluster
from teamserver import set_up

NOW = datetime(2026, 5, 1, 9, tzinfo=UTC)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=1000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ad-bench-sync-"))
    os.environ.setdefault("ACCOUNTDESK_HOME", str(work / "home"))
    source = open_database(str(work / "source.db"))
    generate(source, accounts=args.accounts, seed=3, clock=fixed_clock(NOW))
    csv_path = work / "people.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as out:
        export_csv(source, out)
    source.close()

    cluster = Cluster.start()
    try:
        cluster.execute("CREATE DATABASE bench_sync")
        open_database(cluster.url("bench_sync")).close()  # migrated
        team = set_up(cluster, "bench_sync")
        anna_copy = open_database(sync.create_copy(team.url(team.anna), work / "anna.db"))
        ben_copy = open_database(sync.create_copy(team.url(team.ben), work / "ben.db"))
        report = import_csv(anna_copy, csv_path)
        print(
            f"imported on Anna's copy: {report.accounts_created:,} accounts, "
            f"{report.contacts_created:,} contacts"
        )
        for label, copy in (("send", anna_copy), ("receive", ben_copy), ("nothing", anna_copy)):
            t0 = time.perf_counter()
            done = sync.synchronise(copy)
            took = time.perf_counter() - t0
            moved = done.sent if label == "send" else done.received
            rate = f", {moved / took:,.0f} records/s" if moved else ""
            print(
                f"{label}: {took:.2f} s, {done.sent:,} sent, {done.received:,} received, "
                f"{done.refused:,} refused{rate}"
            )
        anna_copy.close()
        ben_copy.close()
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
