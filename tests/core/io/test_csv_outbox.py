"""A checking process's messages go to the parent through an :class:`~accountdesk.core.io.
csv_check.Outbox`: the checking goes on while the parent does not read (a pipe holds 64 KB; a
chunk's message is larger), the messages arrive whole and in order, and a parent that
stopped reading stops the checking."""

from __future__ import annotations

import contextlib
import os
import pickle
import threading
from collections.abc import Iterator

import pytest

from accountdesk.core.io import csv_check

LARGE = "x" * 300_000  # several times what a pipe holds


@pytest.fixture
def pipe() -> Iterator[tuple[int, int]]:
    read, write = os.pipe()
    yield read, write
    for end in (read, write):
        with contextlib.suppress(OSError):  # closed by the test
            os.close(end)


def _sent_without_reader(outbox: csv_check.Outbox, messages: list[tuple[str, object]]) -> bool:
    """Whether ``outbox`` took every message while nobody read the pipe (a send that waits for
    a reader would still be waiting after the timeout)."""

    def send_all() -> None:
        for kind, payload in messages:
            outbox.send(kind, payload)

    sender = threading.Thread(target=send_all, daemon=True)
    sender.start()
    sender.join(timeout=20)
    return not sender.is_alive()


def test_messages_are_taken_while_the_parent_is_not_reading_and_arrive_in_order(
    pipe: tuple[int, int],
) -> None:
    read, write = pipe
    out = os.fdopen(write, "wb")
    outbox = csv_check.Outbox(out)
    messages: list[tuple[str, object]] = [("chunk", f"{n}{LARGE}") for n in range(4)]
    messages.append(("done", None))
    assert _sent_without_reader(outbox, messages)
    received: list[tuple[str, object]] = []
    with os.fdopen(read, "rb") as stream:
        reading = threading.Thread(
            target=lambda: received.extend(pickle.load(stream) for _ in messages)
        )
        reading.start()
        outbox.close()  # everything waiting is written before it returns
        out.close()
        reading.join(timeout=20)
    assert received == messages


def test_a_parent_that_stopped_reading_stops_the_sender(pipe: tuple[int, int]) -> None:
    read, write = pipe
    os.close(read)
    outbox = csv_check.Outbox(os.fdopen(write, "wb"))
    with pytest.raises(BrokenPipeError):
        for _ in range(csv_check.OUTBOX_MESSAGES + 3):  # the writing thread found it broken
            outbox.send("chunk", LARGE)
    outbox.close()  # returns: what was waiting is dropped


def test_the_outbox_is_behind_while_messages_wait_for_the_parent(pipe: tuple[int, int]) -> None:
    """What has the checking process make a chunk's search documents itself
    (:func:`csv_check._check`): messages waiting here, the parent not reading."""
    read, write = pipe
    out = os.fdopen(write, "wb")
    outbox = csv_check.Outbox(out)
    assert not outbox.behind()
    messages: list[tuple[str, object]] = [("chunk", f"{n}{LARGE}") for n in range(4)]
    assert _sent_without_reader(outbox, messages)
    assert outbox.behind()  # one is in the pipe's hands, the others wait
    with os.fdopen(read, "rb") as stream:
        reading = threading.Thread(target=lambda: [pickle.load(stream) for _ in messages])
        reading.start()
        reading.join(timeout=20)
        assert not outbox.behind()  # the parent read them all
        outbox.close()
        out.close()
