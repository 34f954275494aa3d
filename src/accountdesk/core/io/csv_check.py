"""Child process of a large CSV import: checks one part of the file, sends what it found.

Started by :func:`accountdesk.core.io.csv_io.import_csv` as ``python -m
accountdesk.core.io.csv_check PATH LANG PART PARTS SEED_MS SEED_KEY CHUNK BLOCK``; writes a
stream of pickled ``(kind, payload)`` messages to standard output: ``("chunk", plan)`` …, then
``("done", None)``, ``("problems", [(row, message), …])``, ``("error", (message, problems))``
or ``("crash", text)``. It is launched as a plain command, not through multiprocessing, so that
it never re-runs the parent's main module (the GUI, a test runner …).
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    path, language, part, parts, seed_ms, seed_key, chunk_rows, part_block = argv
    out = sys.stdout.buffer

    def send(kind: str, payload: object) -> None:
        pickle.dump((kind, payload), out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()

    from accountdesk.core import i18n
    from accountdesk.core.db.bulk import chunk_done, collection_paused
    from accountdesk.core.io import csv_io

    i18n.set_language(language)
    # the collector's passes over everything the check keeps took a tenth of its time
    with collection_paused():
        try:
            header, rows, _lines, code_page = csv_io.read_rows(Path(path))
            seed = (int(seed_ms), bytes.fromhex(seed_key))
            # the header read as the parent reads it (its dates' order and calendar too)
            header_map = csv_io.read_header_map(Path(path), header, code_page)
            for plan in csv_io._plan_chunks(
                header,
                rows,
                None,
                int(chunk_rows),
                part=(int(part), int(parts)),
                part_block=int(part_block),
                seed=seed,
                mapping=header_map,
            ):
                send("chunk", plan)
                chunk_done()
            send("done", None)
        except csv_io.RowProblems as exc:
            send("problems", exc.problems)
        except csv_io.CsvImportError as exc:
            send("error", (exc.message, exc.problems))
        except BrokenPipeError:
            return 1  # the parent stopped listening (cancelled or failed)
        except Exception as exc:
            send("crash", f"{type(exc).__name__}: {exc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
