"""What a screen reads when it opens, on a large local file: an account's and a contact's page,
Today, the Follow-ups screen, the Reports screen's figures over every account.

    uv run accountdesk demo --db /tmp/big.db --accounts 100000     # once: 300k contacts
    uv run python benchmarks/bench_pages.py --db /tmp/big.db [--runs 5]

Each figure is the query layer the screen calls on its worker thread (no widgets), in one
process, after one unmeasured run (the file's pages in the system's cache): median and
slowest of ``--runs``. Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any


def measure(runs: int, work: Callable[[], Any]) -> tuple[float, float, Any]:
    """(median, slowest) seconds of ``runs`` calls after one unmeasured call, and its result."""
    result = work()
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), max(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/big.db")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from accountdesk.core.db.engine import open_database
    from accountdesk.core.metrics import Period
    from accountdesk.core.queries.details import account_detail, contact_detail
    from accountdesk.core.queries.followups import list_follow_ups
    from accountdesk.core.queries.reports import scope_metrics
    from accountdesk.core.queries.today import today_view
    from accountdesk.core.reports.data import Scope

    raw = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    (busiest,) = raw.execute(
        "SELECT account_id FROM interactions GROUP BY account_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    (person,) = raw.execute(
        "SELECT contact_id FROM interaction_participants p JOIN interactions i "
        "ON i.id = p.interaction_id WHERE i.account_id = ? LIMIT 1",
        (busiest,),
    ).fetchone()
    (contacts,) = raw.execute("SELECT count(*) FROM contacts").fetchone()
    raw.close()
    db = open_database(args.db)
    now = datetime.now(UTC)
    year = Period((now - timedelta(days=364)).date(), now.date())
    figures: list[tuple[str, Callable[[], Any], Callable[[Any], str]]] = [
        ("an account's page (the busiest account)", lambda: account_detail(db, busiest),
         lambda d: f"{len(d.interactions)} interactions"),
        ("a contact's page", lambda: contact_detail(db, person),
         lambda d: f"{len(d.interactions)} interactions"),
        ("Today", lambda: today_view(db, now, "Europe/Riga", limit=6),
         lambda t: f"{sum(t.counts.values()):,} open follow-ups counted"),
        ("the Follow-ups screen (every open follow-up)",
         lambda: list_follow_ups(db, now=now, user_zone="Europe/Riga"),
         lambda rows: f"{len(rows):,} rows"),
        ("the Reports screen's figures, every account, 12 months",
         lambda: scope_metrics(db, Scope(), year, calendar="gregorian"),
         lambda m: f"{m.total.customers_at_start:,} customers at the start"),
    ]  # fmt: skip
    print(f"{args.db}: {contacts:,} contacts, medians of {args.runs}")
    print()
    print("| what | median | slowest | read |")
    print("|---|---|---|---|")
    for label, work, describe in figures:
        median, slowest, result = measure(args.runs, work)
        print(f"| {label} | {median:.3f} s | {slowest:.3f} s | {describe(result)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
