"""Culture benchmarks: the reach-out panel's data for one contact and the Today block.

Run: ``uv run python benchmarks/bench_culture.py``

Targets (issue 4): ``reach_out_summary`` warm median <= 10 ms; ``today_block`` for the distinct
(country, subdivision) pairs of 300,000 contacts in 60 countries <= 200 ms warm. The Today
block works on the distinct pairs (the query layer groups contacts by country first), so the
number of contacts does not enter here; the pairs include subdivisions for US, DE and AU.
"""

from __future__ import annotations

import statistics
import time
from datetime import UTC, date, datetime, timedelta

from accountdesk.core.culture.calendar import holidays_between
from accountdesk.core.culture.etiquette import covered_countries
from accountdesk.core.culture.panel import reach_out_summary, today_block

EXTRA = [
    "PL",
    "CZ",
    "SE",
    "NO",
    "DK",
    "FI",
    "PT",
    "GR",
    "IE",
    "AT",
    "BE",
    "HU",
    "RO",
    "UA",
    "IL",
    "PK",
    "BD",
    "NZ",
    "TW",
    "HK",
]


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def bench_panel(rounds: int = 1000) -> None:
    base = datetime(2027, 3, 2, 7, 0, tzinfo=UTC)
    contacts = [
        ("TH", None, "Asia/Bangkok"),
        ("IR", None, "Asia/Tehran"),
        ("TR", None, "Europe/Istanbul"),
        ("LV", None, "Europe/Riga"),
        ("US", "CA", "America/Los_Angeles"),
    ]
    for cc, sub, zone in contacts:  # warm the caches
        reach_out_summary(
            country=cc, subdivision=sub, zone=zone, user_zone="Europe/Riga", now=base, lang="en"
        )
    timings: list[float] = []
    for i in range(rounds):
        cc, sub, zone = contacts[i % len(contacts)]
        now = base + timedelta(minutes=7 * i)
        t0 = time.perf_counter()
        reach_out_summary(
            country=cc, subdivision=sub, zone=zone, user_zone="Europe/Riga", now=now, lang="en"
        )
        timings.append((time.perf_counter() - t0) * 1000)
    print(
        f"reach_out_summary warm: median {statistics.median(timings):.3f} ms, "
        f"p95 {_percentile(timings, 95):.3f} ms over {rounds} calls (target <= 10 ms)"
    )


def bench_today(rounds: int = 50) -> None:
    countries = list(dict.fromkeys(covered_countries() + EXTRA))[:60]
    pairs: list[tuple[str, str | None]] = [(cc, None) for cc in countries]
    pairs += [("US", "CA"), ("US", "NY"), ("US", "TX"), ("DE", "BY"), ("AU", "NSW")]
    today = date(2027, 4, 12)
    t0 = time.perf_counter()
    today_block(pairs, today, lang="en")
    cold = (time.perf_counter() - t0) * 1000
    timings: list[float] = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        items = today_block(pairs, today, lang="en")
        timings.append((time.perf_counter() - t0) * 1000)
    print(
        f"today_block {len(set(c for c, _ in pairs))} countries, {len(pairs)} pairs: "
        f"cold {cold:.1f} ms; warm median {statistics.median(timings):.3f} ms, "
        f"p95 {_percentile(timings, 95):.3f} ms, {len(items)} items (target <= 200 ms)"
    )
    # the whole path for 300,000 contacts: one (country, subdivision) row per contact, passed
    # straight in (today_block drops the repeats itself), as a caller without GROUP BY would do
    rows = [pairs[(i * 7919) % len(pairs)] for i in range(300_000)]
    timings = []
    for _ in range(5):
        t0 = time.perf_counter()
        today_block(rows, today, lang="en")
        timings.append((time.perf_counter() - t0) * 1000)
    print(
        f"today_block fed 300,000 contact rows ({len(set(rows))} distinct pairs): "
        f"median {statistics.median(timings):.1f} ms, max {max(timings):.1f} ms "
        "(target <= 200 ms)"
    )


def bench_year(rounds: int = 3) -> None:
    t0 = time.perf_counter()
    for cc in covered_countries():
        holidays_between(cc, None, date(2028, 1, 1), date(2028, 12, 31), "en")
    print(
        f"holidays for a new year, {len(covered_countries())} countries cold: "
        f"{(time.perf_counter() - t0) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    bench_panel()
    bench_today()
    bench_year()
