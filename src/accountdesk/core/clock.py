"""Clocks. The core never calls a naive ``now()``: it takes a :class:`Clock`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from typing import Protocol


class Clock(Protocol):
    def __call__(self) -> datetime:
        """The current instant, timezone-aware (UTC)."""
        ...


def system_clock() -> datetime:
    return datetime.now(UTC)


def fixed_clock(instant: datetime) -> Callable[[], datetime]:
    """A clock pinned at ``instant`` (for tests and reproducible reports)."""
    if instant.tzinfo is None:
        raise ValueError("a fixed clock needs a timezone-aware instant")
    pinned = instant.astimezone(UTC)
    return lambda: pinned


def utcnow() -> datetime:
    return datetime.now(UTC)


def ensure_aware(value: datetime, zone: tzinfo = UTC) -> datetime:
    """Attach ``zone`` to a naive datetime (SQLite returns naive values for UTC columns)."""
    return value.replace(tzinfo=zone) if value.tzinfo is None else value
