"""The cyclic garbage collector during a bulk write (an import, a rebuild of the search index):
paused, and run where the writer says. No database layer here: an import's checking processes
use it too (:mod:`accountdesk.core.io.csv_check`)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection inside but where the caller says (:func:`chunk_done`):
    for a bulk write (an import, a rebuild of the search index), which makes hundreds of
    thousands of objects a chunk and few cycles; the collector's passes over all of them
    took a sixth of an import's writer. Left off when it was off."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def chunk_done() -> None:
    """Between the chunks of a bulk write with :func:`collection_paused`: free the cycles
    the last chunk left (a pass over the objects made since the last pass, not over all),
    so that what a long write keeps does not grow with its chunks."""
    gc.collect(0)
