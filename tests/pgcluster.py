"""A throwaway PostgreSQL cluster for the tests and benchmarks.

``initdb`` in a temporary folder, ``pg_ctl start`` on a free local port, ``stop`` and delete at
the end. ``initdb`` and ``pg_ctl`` refuse to run as root, so as root they run as the
``postgres`` user (``runuser``), who owns the folder. Durability is off (``fsync``,
``synchronous_commit``, ``full_page_writes``): the cluster lives for one test run.

``ACCOUNTDESK_TEST_PG_URL`` (a superuser URL, ``postgresql+psycopg://user:pw@host:port/db``)
uses a server that already runs instead of starting one.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

#: The databases the ``db`` fixture runs on (ACCOUNTDESK_TEST_BACKENDS=sqlite: SQLite only).
BACKENDS = tuple(
    b.strip() for b in os.environ.get("ACCOUNTDESK_TEST_BACKENDS", "sqlite,postgresql").split(",")
)
SUPERUSER = "postgres"
_numbers = itertools.count(1)
PASSWORD = "throwaway-superuser"


def _bundled() -> str | None:
    """The binaries of the ``pgserver`` wheel (a dev dependency on Linux and macOS), so that
    ``uv run pytest`` needs no system PostgreSQL; its Python code is not used."""
    import importlib.util

    spec = importlib.util.find_spec("pgserver")
    if spec is None or not spec.submodule_search_locations:
        return None
    return str(Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin")


def bin_dir() -> Path | None:
    """Where ``initdb`` and ``pg_ctl`` are: ``ACCOUNTDESK_TEST_PG_BINDIR``, ``pg_config
    --bindir``, Debian's versioned folder, the PATH, or the binaries the ``pgserver`` wheel
    ships; None when there are none."""
    candidates: list[str] = [os.environ.get("ACCOUNTDESK_TEST_PG_BINDIR", "")]
    pg_config = shutil.which("pg_config")
    if pg_config:
        done = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        candidates.append(done.stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(str(Path(initdb).resolve().parent))
    candidates.append(_bundled() or "")
    for folder in candidates:
        if folder and (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def _user_exists(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """A running cluster; ``url(database)`` is a superuser SQLAlchemy URL to one of its
    databases."""

    def __init__(self, host: str, port: int, user: str, password: str, folder: Path | None):
        self.host, self.port, self.user, self.password = host, port, user, password
        self.folder = folder

    def url(
        self, database: str = "postgres", user: str | None = None, pw: str | None = None
    ) -> str:
        who = user or self.user
        secret = self.password if user is None else pw
        auth = who if secret is None else f"{who}:{secret}"
        return f"postgresql+psycopg://{auth}@{self.host}:{self.port}/{database}"

    def dsn(self, database: str = "postgres") -> str:
        return (
            f"host={self.host} port={self.port} user={self.user} "
            f"password={self.password} dbname={database}"
        )

    # --- lifecycle ----------------------------------------------------------------------

    @classmethod
    def from_environment(cls) -> Cluster | None:
        url = os.environ.get("ACCOUNTDESK_TEST_PG_URL")
        if not url:
            return None
        from sqlalchemy.engine import make_url

        parsed = make_url(url)
        return cls(
            parsed.host or "127.0.0.1",
            parsed.port or 5432,
            parsed.username or SUPERUSER,
            parsed.password or "",
            None,
        )

    @classmethod
    def start(cls) -> Cluster:
        found = bin_dir()
        if found is None:
            raise RuntimeError(
                "no PostgreSQL here (no initdb/pg_ctl, and no pgserver wheel for this "
                "platform): install the system package `postgresql` (as .ci/run does), set "
                "ACCOUNTDESK_TEST_PG_URL to a server, or run only the SQLite half with "
                "ACCOUNTDESK_TEST_BACKENDS=sqlite"
            )
        folder = Path(tempfile.mkdtemp(prefix="accountdesk-pg-"))
        as_root = os.geteuid() == 0
        # PostgreSQL refuses to run as root: then as its own user, or nobody on a machine
        # without one (the bundled binaries)
        runner = SUPERUSER if as_root and _user_exists(SUPERUSER) else "nobody"
        prefix = ["runuser", "-u", runner, "--"] if as_root else []
        if as_root:
            shutil.chown(folder, runner)
        data = folder / "data"
        secret = folder / "pw"
        secret.write_text(PASSWORD)
        if as_root:
            shutil.chown(secret, runner)
        port = _free_port()
        subprocess.run(
            [
                *prefix,
                str(found / "initdb"),
                "-D",
                str(data),
                "-U",
                SUPERUSER,
                "--pwfile",
                str(secret),
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
        )
        secret.unlink()
        options = (
            f"-c port={port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=300 -c shared_buffers=256MB"
        )
        subprocess.run(
            [
                *prefix,
                str(found / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(folder / "log"),
                "-o",
                options,
                "-w",
                "start",
            ],
            check=True,
            capture_output=True,
        )
        cluster = cls("127.0.0.1", port, SUPERUSER, PASSWORD, folder)
        cluster._prefix, cluster._bin = prefix, found
        return cluster

    _prefix: list[str]
    _bin: Path

    def stop(self) -> None:
        if self.folder is None:
            return
        with contextlib.suppress(subprocess.CalledProcessError):
            subprocess.run(
                [
                    *self._prefix,
                    str(self._bin / "pg_ctl"),
                    "-D",
                    str(self.folder / "data"),
                    "-m",
                    "immediate",
                    "-w",
                    "stop",
                ],
                check=True,
                capture_output=True,
            )
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- databases ----------------------------------------------------------------------

    def execute(self, sql: str, database: str = "postgres") -> None:
        """Run ``sql`` outside a transaction (CREATE/DROP DATABASE) as the superuser."""
        import psycopg

        for attempt in range(50):
            try:
                with psycopg.connect(self.dsn(database), autocommit=True) as conn:
                    conn.execute(sql.encode())
                return
            except psycopg.errors.ObjectInUse:
                # CREATE DATABASE … TEMPLATE waits for the template's last session to go
                if attempt == 49:
                    raise
                time.sleep(0.05)


def new_pg_database(cluster: Cluster, template: str) -> tuple[str, str]:
    """A new database cloned from ``template``: (its name, a superuser URL to it)."""
    name = f"t{os.getpid()}_{next(_numbers)}"
    cluster.execute(f"CREATE DATABASE {name} TEMPLATE {template} STRATEGY FILE_COPY")
    return name, cluster.url(name)
