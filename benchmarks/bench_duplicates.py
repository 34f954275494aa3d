"""Duplicate contacts (issue 14, item 5): finding them on the demo database, one merge and its
undo.

    uv run python benchmarks/bench_duplicates.py --db /tmp/ad-bench/demo-100000.db

The database is made beforehand (``accountdesk demo --accounts 100000 --db FILE``, or by
``bench_store.py``); the merge and its undo run on a copy, so the file is left as it was.

Prints:
- reading what detection needs of every live contact (``queries/duplicates.contact_facts``);
- each blocking rule on its own (e-mail, phone, names at one account) and the whole of
  ``find_clusters`` (pairs grouped into clusters);
- ``likely_duplicates`` for 1,000 contacts, what an import of 1,000 contacts adds to its report;
- one merge and its undo (a copy of the database);
- ``accountdesk duplicates --json`` as a whole process.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from accountdesk.core import likeness
from accountdesk.core.db.engine import open_database
from accountdesk.core.queries.duplicates import contact_facts
from accountdesk.core.services import duplicates as dup


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    began = time.perf_counter()
    result = fn()
    print(f"{label}: {time.perf_counter() - began:.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    db = open_database(args.db)
    facts = timed("read contact facts", lambda: contact_facts(db))
    print(f"  {len(facts):,} live contacts")
    timed(
        "  e-mail blocks",
        lambda: likeness._shared(
            facts, lambda c: [likeness.email_key(e) for e in c.emails], likeness.EMAIL, None
        ),
    )
    timed(
        "  phone blocks",
        lambda: likeness._shared(
            facts,
            lambda c: [likeness.phone_key(p, c.country) for p in c.phones],
            likeness.PHONE,
            None,
        ),
    )
    timed("  similar names at one account", lambda: likeness._similar_names(facts, None))
    clusters = timed("find_clusters (all rules, clustered)", lambda: likeness.find_clusters(facts))
    sizes = Counter(len(c.contacts) for c in clusters)
    rules = Counter(r.rule for c in clusters for r in c.reasons)
    print(f"  {len(clusters):,} clusters; sizes {dict(sizes)}; reasons {dict(rules)}")
    sample = [f.id for f in facts[:1000]]
    found = timed("likely_duplicates of 1,000 contacts", lambda: dup.likely_duplicates(db, sample))
    print(f"  {found} of them have a likely duplicate")
    db.close()
    if clusters:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "copy.db"
            shutil.copyfile(args.db, copy)
            work = open_database(copy)
            kept, *others = clusters[0].ids
            result = timed("merge one cluster", lambda: dup.merge(work, kept, others))
            timed("undo it", lambda: dup.undo_merge(work, result.merge_id))
            work.close()
    exe = Path(sys.executable).with_name("accountdesk")
    timed(
        "accountdesk duplicates --json (process)",
        lambda: subprocess.run(
            [str(exe), "duplicates", "--db", str(args.db), "--json"],
            stdout=subprocess.DEVNULL,
            check=True,
        ),
    )


if __name__ == "__main__":
    main()
