"""Client-generated, time-ordered identifiers (UUID version 7, RFC 9562)."""

from __future__ import annotations

import os
import threading
import time

_lock = threading.Lock()
_last_ms = 0
_counter = 0


#: Random bytes drawn from the system a block at a time (one call, not one a new id: the
#: ids of an import's 30,000 contacts and their dates took 0.1 s more of its checking).
_RANDOM_BLOCK = 8 * 512
_random = b""
_random_at = 0


def new_id() -> str:
    """A new UUIDv7 as text: 48 bits of Unix milliseconds, then a counter and random bits.

    Ids made in the same millisecond by this process still sort in creation order.
    """
    global _last_ms, _counter, _random, _random_at
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            ms = _last_ms
            _counter += 1
            if _counter > 0xFFF:  # counter exhausted: borrow the next millisecond
                ms += 1
                _counter = 0
            fresh = False
        else:
            fresh = True
        if _random_at >= len(_random):
            _random, _random_at = os.urandom(_RANDOM_BLOCK), 0
        bits = int.from_bytes(_random[_random_at : _random_at + 8])
        _random_at += 8
        if fresh:  # a new millisecond: the counter starts at a random value below 0x400
            _counter = (bits >> 62) | (int.from_bytes(os.urandom(1)) << 2)
        _last_ms = ms
        counter = _counter
    return _text(ms, counter, bits & ((1 << 62) - 1))


def uuid7_from(ms: int, bits: int) -> str:
    """A UUIDv7 from given Unix milliseconds and 74 bits (for ids that must be reproducible)."""
    return _text(ms, (bits >> 62) & 0xFFF, bits & ((1 << 62) - 1))


def _text(ms: int, counter: int, rand: int) -> str:
    """A UUIDv7 of 48 bits of milliseconds, a 12-bit counter and 62 random bits, written as
    ``str(uuid.UUID(...))`` writes it (lower-case hex in groups of 8-4-4-4-12)."""
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version 7
    value |= counter << 64
    value |= 0b10 << 62  # RFC 9562 variant
    value |= rand
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
