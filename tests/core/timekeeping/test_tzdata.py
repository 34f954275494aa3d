"""One tzdata: every conversion reads the ``tzdata`` package the app ships, never the system's
zoneinfo files nor ``PYTHONTZPATH`` (accountdesk/core/__init__.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import zoneinfo
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path

import tzdata  # type: ignore[import-untyped]

import accountdesk.core
from accountdesk.core.timekeeping.zones import available_zones, get_zone


def test_the_search_path_is_empty_so_zoneinfo_reads_the_package() -> None:
    assert zoneinfo.TZPATH == ()
    assert accountdesk.core.TZDATA_VERSION == tzdata.IANA_VERSION
    first_line = files("tzdata").joinpath("zoneinfo", "tzdata.zi").read_text("utf-8")
    assert first_line.splitlines()[0] == f"# version {tzdata.IANA_VERSION}"


def test_the_zones_offered_are_the_packages() -> None:
    listed = files("tzdata").joinpath("zones").read_text("utf-8").split()
    assert set(available_zones()) == set(listed)
    assert "localtime" not in available_zones() and "posixrules" not in available_zones()


def test_a_zones_rules_are_the_packages_file() -> None:
    data = files("tzdata").joinpath("zoneinfo", "America", "Santiago")
    with data.open("rb") as handle:
        bundled = zoneinfo.ZoneInfo.from_file(handle, key="America/Santiago")
    used = get_zone("America/Santiago")
    for year in range(1990, 2040):
        for month in (1, 4, 7, 9, 10, 12):
            instant = datetime(year, month, 10, 12, tzinfo=UTC)
            assert instant.astimezone(used).utcoffset() == instant.astimezone(bundled).utcoffset()


_PROBE = """
import sys
from datetime import datetime, UTC
from zoneinfo import ZoneInfo
def offset(name):
    return datetime(2025, 7, 1, 12, tzinfo=UTC).astimezone(ZoneInfo(name)).utcoffset()
print("before", offset("Europe/Riga"))
import accountdesk.core
from accountdesk.core.timekeeping.zones import resolve_wall_time
print("after", offset("Europe/Riga"))
print("wall", resolve_wall_time(datetime(2025, 3, 30, 3, 30), "Europe/Riga").kind)
"""


def _probe(zone_dir: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONTZPATH": str(zone_dir)}
    env.pop("TZ", None)
    result = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, env=env, check=True
    )
    return dict(line.split(" ", 1) for line in result.stdout.splitlines())


def test_a_different_zoneinfo_on_the_system_path_is_not_used(tmp_path: Path) -> None:
    # A system folder whose Europe/Riga carries Tokyo's rules (+9 h all year).
    (tmp_path / "Europe").mkdir()
    tokyo = files("tzdata").joinpath("zoneinfo", "Asia", "Tokyo").read_bytes()
    (tmp_path / "Europe" / "Riga").write_bytes(tokyo)
    seen = _probe(tmp_path)
    assert seen["before"] == "9:00:00"  # plain zoneinfo would read the system's file
    # AccountDesk reads the package (Riga's summer time), also for a zone already cached.
    assert seen["after"] == "3:00:00"
    assert seen["wall"] == "gap"  # 03:30 on 30 March 2025 does not exist in Riga


def test_conversions_work_with_an_empty_system_path(tmp_path: Path) -> None:
    seen = _probe(tmp_path)
    assert seen["after"] == "3:00:00"
    assert seen["wall"] == "gap"
