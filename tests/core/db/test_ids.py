"""Record ids: UUIDv7 text as the uuid module writes it, in creation order, never twice."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accountdesk.core.db import ids


def test_new_ids_are_version_7_uuids_written_as_the_uuid_module_writes_them() -> None:
    made = [ids.new_id() for _ in range(5000)]
    for text in made:
        parsed = uuid.UUID(text)
        assert parsed.version == 7
        assert parsed.variant == uuid.RFC_4122
        assert str(parsed) == text


def test_new_ids_sort_in_creation_order_and_are_never_made_twice() -> None:
    """Tens of thousands in a few milliseconds (an import): the counter keeps them in order
    within a millisecond, and the random bits apart."""
    made = [ids.new_id() for _ in range(50_000)]
    assert made == sorted(made)
    assert len(set(made)) == len(made)
    # many share a millisecond, so the order is the counter's, not the clock's alone
    millis = [uuid.UUID(text).int >> 80 for text in made]
    assert len(set(millis)) < len(made) / 10


def test_the_random_bits_change_from_id_to_id() -> None:
    low = {uuid.UUID(ids.new_id()).int & ((1 << 62) - 1) for _ in range(2000)}
    assert len(low) == 2000


def test_a_counter_run_out_borrows_the_next_millisecond(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ids, "_last_ms", 0)
    monkeypatch.setattr(ids.time, "time_ns", lambda: 5_000 * 1_000_000)  # a stopped clock
    made = [ids.new_id() for _ in range(0x1000 + 10)]
    assert made == sorted(made)
    assert len(set(made)) == len(made)
    assert {uuid.UUID(text).int >> 80 for text in made} >= {5_000, 5_001}


@given(st.integers(0, (1 << 48) - 1), st.integers(0, (1 << 74) - 1))
def test_reproducible_ids_are_the_uuid_of_their_bits(ms: int, bits: int) -> None:
    value = (ms << 80) | (0x7 << 76) | (((bits >> 62) & 0xFFF) << 64) | (0b10 << 62)
    value |= bits & ((1 << 62) - 1)
    assert ids.uuid7_from(ms, bits) == str(uuid.UUID(int=value))
