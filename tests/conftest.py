"""Shared test set-up: Qt runs offscreen, the UI language starts as English, and Hypothesis is
deterministic unless a developer asks for random examples.

Hypothesis profiles: ``ci`` (the default) derandomizes, so a green run stays green and a red
one is red again on the next run; ``random`` draws new examples each run, to hunt for bugs:
``HYPOTHESIS_PROFILE=random uv run pytest``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "0")

from collections.abc import Iterator

import pytest
from hypothesis import settings

from accountdesk.core import i18n

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("random", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _english_ui() -> Iterator[None]:
    i18n.set_language("en")
    i18n.set_calendar_preference(i18n.AUTO)
    yield
    i18n.set_language("en")
    i18n.set_calendar_preference(i18n.AUTO)


class TinyDisk:
    """Small tmpfs disks, to fill a disk for real or make one read-only (which stops root,
    unlike chmod). Mounting needs root on Linux (as in CI); elsewhere the test is skipped."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.mounted: list[Path] = []

    def make(self, size: str) -> Path:
        """A folder on a new tmpfs of ``size`` (``"1m"``)."""
        if not sys.platform.startswith("linux") or os.geteuid() != 0:
            pytest.skip("mounting a small tmpfs needs root on Linux")
        folder = self.base / f"disk{len(self.mounted)}"
        folder.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)],
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
        self.mounted.append(folder)
        return folder

    @staticmethod
    def read_only(folder: Path) -> None:
        """Make the disk of ``folder`` read-only for everyone, root included."""
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)

    @staticmethod
    def fill(folder: Path, leave: int = 0) -> Path:
        """Fill the disk of ``folder`` until at most ``leave`` bytes are free; returns the
        filler file (delete it to have the space back)."""
        filler = folder / "filler.bin"
        chunk = b"\0" * 4096
        with filler.open("ab") as handle:
            while shutil.disk_usage(folder).free > leave:
                try:
                    handle.write(chunk)
                    handle.flush()
                except OSError:
                    break
        return filler

    def unmount_all(self) -> None:
        for folder in reversed(self.mounted):
            subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[TinyDisk]:
    disks = TinyDisk(tmp_path)
    yield disks
    disks.unmount_all()


# --- backends ----------------------------------------------------------------------------
# Every store, query, service and report test that takes the ``db`` fixture runs twice: on a
# SQLite file and on a database of a throwaway PostgreSQL cluster (tests/pgcluster.py), each
# test on a new database cloned from a migrated template. ACCOUNTDESK_TEST_BACKENDS=sqlite
# runs only the SQLite half (a machine without PostgreSQL); CI runs both.

from pgcluster import BACKENDS, new_pg_database  # noqa: E402


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[object]:
    from pgcluster import Cluster

    cluster = Cluster.from_environment() or Cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def pg_template(pg_cluster: object, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database migrated to the newest schema, cloned for each test."""
    from accountdesk.core.db.engine import open_database
    from pgcluster import Cluster

    assert isinstance(pg_cluster, Cluster)
    name = f"accountdesk_template_{os.getpid()}"
    pg_cluster.execute(f"DROP DATABASE IF EXISTS {name}")
    pg_cluster.execute(f"CREATE DATABASE {name}")
    with pytest.MonkeyPatch.context() as patch:  # nothing of the user's is read or written
        patch.setenv("ACCOUNTDESK_HOME", str(tmp_path_factory.mktemp("pg-home")))
        open_database(pg_cluster.url(name)).close()
    return name


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def database_target(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """Where a test's database lives: a new SQLite file, or a new PostgreSQL database."""
    if backend == "sqlite":
        yield str(tmp_path / "test.db")
        return
    cluster = request.getfixturevalue("pg_cluster")
    name, url = new_pg_database(cluster, request.getfixturevalue("pg_template"))
    yield url
    cluster.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")  # type: ignore[attr-defined]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test marked ``sqlite_only`` (of the local file itself: backups, encryption, file
    modes, the SQLite fast lanes) runs on SQLite only."""
    keep, drop = [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        on_pg = callspec is not None and callspec.params.get("backend") == "postgresql"
        (drop if on_pg and item.get_closest_marker("sqlite_only") else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
