"""Windows has no /etc/localtime: the system zone is the one set in Windows (its registry
name mapped to IANA), not UTC for every Windows user."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import icalendar.timezone.windows_to_olson  # noqa: F401  (loaded before sys.platform is faked)
import pytest

from accountdesk.core.timekeeping.zones import system_zone, user_zone


class _Key:
    def __enter__(self) -> _Key:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _fake_windows(monkeypatch: pytest.MonkeyPatch, name: str | None) -> list[str]:
    """Windows, with ``name`` as the zone set in its Settings (None: the key is missing)."""
    opened: list[str] = []

    def open_key(root: object, path: str) -> _Key:
        opened.append(path)
        if name is None:
            raise FileNotFoundError(path)
        return _Key()

    def query(key: _Key, value: str) -> tuple[Any, int]:
        assert value == "TimeZoneKeyName"
        return name, 1

    fake = types.ModuleType("winreg")
    fake.HKEY_LOCAL_MACHINE = object()  # type: ignore[attr-defined]
    fake.OpenKey = open_key  # type: ignore[attr-defined]
    fake.QueryValueEx = query  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "winreg", fake)
    monkeypatch.setattr(sys, "platform", "win32")
    return opened


@pytest.mark.parametrize(
    ("windows", "iana"),
    [
        ("FLE Standard Time", "Europe/Kiev"),
        ("Iran Standard Time", "Asia/Tehran"),
        ("Nepal Standard Time", "Asia/Katmandu"),
        ("Hawaiian Standard Time", "Pacific/Honolulu"),
        ("Samoa Standard Time", "Pacific/Apia"),
    ],
)
def test_windows_zone_is_read_from_windows(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, windows: str, iana: str
) -> None:
    opened = _fake_windows(monkeypatch, windows)
    assert system_zone({}, tmp_path) == iana
    assert opened and opened[0].endswith("TimeZoneInformation")
    assert user_zone(None, {}, tmp_path) == iana


def test_tz_still_wins_and_unreadable_windows_falls_back(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _fake_windows(monkeypatch, "Tokyo Standard Time")
    assert system_zone({"TZ": "Europe/Riga"}, tmp_path) == "Europe/Riga"
    _fake_windows(monkeypatch, None)
    assert system_zone({}, tmp_path) == "UTC"
    _fake_windows(monkeypatch, "Not A Windows Zone")
    assert system_zone({}, tmp_path) == "UTC"
