"""Kill each operation many times with SIGKILL and print where the kills landed.

    uv run python tests/faults/run.py                      # 200 kills per operation
    uv run python tests/faults/run.py --runs 50 --only import erase

The same harness as ``test_sigkill.py`` (see ``harness.py`` for what is checked after every
kill), with more runs: the kill moments are spread over the whole run of each operation, one
in each of ``--runs`` equal slices of its duration. Prints a table (Markdown) of where the
kills landed against the operation's commit, and every failure; exits with 1 when there is one.
A failed run's folder is kept for a look (its path is in the failure).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/, for faults.harness

from faults.harness import (
    PHASE_TITLES,
    PHASES,
    Bench,
    Tally,
    Zygote,
    available,
    encryption_available,
    operations,
)


def table(tallies: list[Tally]) -> str:
    head = ["operation", "runs", "duration", *(PHASE_TITLES[p] for p in PHASES), "failures"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for tally in tallies:
        phases = [str(tally.phases[p]) for p in PHASES]
        if tally.ended:
            phases[-1] += f" ({tally.ended} had ended)"
        cells = [
            tally.operation,
            str(tally.runs),
            f"{tally.duration * 1000:.0f} ms",
            *phases,
            str(len(tally.failures)),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def marks(tally: Tally) -> str:
    """When the run to the end began its transaction and committed, as shares of its run."""
    shares = tally.marks
    return (
        f"{tally.operation}: transaction from {shares.get('begin', 0):.0%} of the run, "
        f"commit at {shares.get('commit', 0):.1%}–{shares.get('committed', 0):.1%}"
    )


def main(argv: list[str] | None = None) -> int:
    names = list(operations())
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="kills per operation")
    parser.add_argument("--only", nargs="+", choices=names, default=names)
    parser.add_argument("--seed", type=int, default=0, help="another set of kill moments")
    parser.add_argument("--workdir", type=Path, help="where the copies go (default: a temp dir)")
    args = parser.parse_args(argv)
    why = available()
    if why is not None:
        print(f"Cannot run here: {why}.", file=sys.stderr)
        return 2
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="accountdesk-faults-"))
    tallies: list[Tally] = []
    zygote = Zygote()
    started = time.monotonic()
    try:
        for name in args.only:
            operation = operations()[name]
            if operation.keys and not encryption_available():
                print(f"{name}: skipped, SQLCipher (sqlcipher3) is not installed", file=sys.stderr)
                continue
            began = time.monotonic()
            tally = Bench(operation, zygote, workdir).run_kills(args.runs, args.seed)
            tallies.append(tally)
            print(
                f"{name}: {tally.runs} kills in {time.monotonic() - began:.0f} s, "
                f"{len(tally.failures)} failures",
                file=sys.stderr,
            )
    finally:
        zygote.close()
    failures = [f for tally in tallies for f in tally.failures]
    print(f"Kills with SIGKILL, {datetime.now(UTC):%Y-%m-%d} ({time.monotonic() - started:.0f} s)")
    print()
    print(table(tallies))
    print()
    for tally in tallies:
        print(marks(tally))
    for failure in failures:
        print(failure)
    if not failures and args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
