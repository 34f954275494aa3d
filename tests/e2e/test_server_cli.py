"""The installed command line on a team server, the way README's "Team server" tells a team
lead: an empty database owned by an administrator role (not a superuser), ``server init``,
``server add-user`` per person, a laptop's file moved with ``server upload``, and each person
working as themselves. No password is ever printed."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from accountdesk.core.db.engine import open_database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from pgcluster import BACKENDS, Cluster
from teamserver import unique

pytestmark = pytest.mark.skipif(
    "postgresql" not in BACKENDS, reason="a team server needs PostgreSQL"
)

Cli = Callable[..., subprocess.CompletedProcess[str]]
SECRETS = {
    "admin": "admin-secret-1",
    "maria": "maria-secret-1",
    "anna": "anna-secret-1",
    "ben": "ben-secret-11",
}


@pytest.fixture
def cli(tmp_path: Path) -> Iterator[Cli]:
    """Run the installed ``accountdesk`` without a terminal, with the variables given (and no
    password from the developer's environment or ~/.pgpass); every output is checked for
    the passwords of this test."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("ACCOUNTDESK_", "PG"))}
    base.update(
        ACCOUNTDESK_HOME=str(tmp_path / "home"),
        PGPASSFILE=str(tmp_path / "no-pgpass"),
        PYTHONIOENCODING="utf-8",
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    exe = Path(sys.executable).with_name("accountdesk")
    seen: list[str] = []

    def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [str(exe), *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env={**base, **env},
            cwd=tmp_path,
            timeout=300,
            check=False,
        )
        seen.append(done.stdout + done.stderr)
        return done

    yield run
    for output in seen:
        for secret in SECRETS.values():
            assert secret not in output


@pytest.fixture
def empty_team_database(pg_cluster: Cluster) -> Iterator[tuple[str, str]]:
    """README's first step: an administrator role and an empty database it owns."""
    admin, database = unique("h15admin"), unique("h15team")
    pg_cluster.execute(f"CREATE ROLE {admin} LOGIN CREATEROLE PASSWORD '{SECRETS['admin']}'")
    pg_cluster.execute(f"CREATE DATABASE {database} OWNER {admin}")
    yield admin, database
    pg_cluster.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


def test_a_team_from_an_empty_database(
    cli: Cli, pg_cluster: Cluster, empty_team_database: tuple[str, str], tmp_path: Path
) -> None:
    admin, database = empty_team_database
    where = f"127.0.0.1:{pg_cluster.port}/{database}"
    maria, anna, ben = unique("maria"), unique("anna"), unique("ben")

    def url(login: str) -> str:
        return f"postgresql://{login}@{where}"

    as_admin = {"PGPASSWORD": SECRETS["admin"]}
    done = cli(
        "server", "init", url(admin), "--name", "Maria López", "--email", "maria@example.com",
        "--login", maria, ACCOUNTDESK_NEW_PASSWORD=SECRETS["maria"], **as_admin,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == f"Created AccountDesk's tables on {where}."
    assert (
        done.stdout.splitlines()[-1] == f"Maria López ({maria}) is on the team now, as a manager."
    )
    for login, name in ((anna, "Anna Berg"), (ben, "Ben Okafor")):
        secret = SECRETS["anna" if login == anna else "ben"]
        done = cli("server", "add-user", url(admin), login, "--name", name, "--role", "rep",
                   ACCOUNTDESK_NEW_PASSWORD=secret, **as_admin)  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert done.stdout == f"{name} ({login}) is on the team now, as a rep.\n"
    done = cli("server", "add-user", url(admin), unique("carl"), "--name", "Carl", **as_admin)
    assert done.returncode == 1
    assert (
        done.stderr.startswith("accountdesk: Give ") and "ACCOUNTDESK_NEW_PASSWORD" in done.stderr
    )

    # a laptop's file, moved to the server by Anna: her account has no owner yet
    laptop = tmp_path / "laptop.db"
    db = open_database(laptop)
    account = create_account(db, AccountInput(name="Fjord AS", country="NO"))
    contact = create_contact(
        db, ContactInput(account_id=account, given_name="Ingrid", family_name="Dahl", country="NO")
    )
    db.close()
    as_anna, as_ben = {"PGPASSWORD": SECRETS["anna"]}, {"PGPASSWORD": SECRETS["ben"]}
    done = cli("server", "upload", str(laptop), "--to", url(anna), **as_anna)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"Uploaded {laptop} to {where}: 1 account and 1 contact.",
        "1 account that had no owner now belongs to Anna Berg.",
    ]  # the file's identity (its one setting) stays behind, unsaid
    done = cli("--db", url(ben), "search", "ingrid", **as_ben)  # the team sees it
    assert done.returncode == 0 and done.stdout.startswith("Ingrid Dahl\tFjord AS")

    # Ben may not erase Anna's contact, nor change the structure
    done = cli("--db", url(ben), "privacy", "erase", contact, "--yes", **as_ben)
    assert (done.returncode, done.stderr) == (
        1,
        "accountdesk: Only the account's owner or a manager can erase this.\n",
    )
    # Anna may
    done = cli("--db", url(anna), "privacy", "erase", contact, "--yes", **as_anna)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Ingrid Dahl was erased for good.\n"
    # the search index is derived data: a manager rebuilds it
    done = cli("server", "reindex", url(maria), PGPASSWORD=SECRETS["maria"])
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        f"The search index of {where} was rebuilt: 1 account or contact can be found.\n"
    )

    # the password: wrong, missing, never shown
    done = cli("--db", url(anna), "search", "x", PGPASSWORD="not-it")
    assert done.stderr == (
        f"accountdesk: The server {where} did not accept the login {anna} with that password.\n"
    )
    done = cli("--db", url(anna), "search", "x")
    assert done.stderr.startswith(
        f"accountdesk: The server {where} asks for the password of {anna}"
    )
    done = cli("--db", f"postgresql://{anna}:{SECRETS['anna']}@{where}", "search", "nobody")
    assert done.returncode == 0 and done.stdout == "No matches for “nobody”.\n"
    done = cli("--db", f"postgresql://{anna}:{SECRETS['anna']}@{where}", "db", "path")
    assert done.stdout == f"postgresql+psycopg://{anna}@{where}\n"
    done = cli("server", "login", url(anna))
    assert done.returncode == 1
    assert done.stderr.startswith("accountdesk: Run accountdesk server login in a terminal")


def test_server_login_without_a_keyring_still_sets_the_default_server(
    cli: Cli, pg_cluster: Cluster, empty_team_database: tuple[str, str]
) -> None:
    admin, database = empty_team_database
    where = f"127.0.0.1:{pg_cluster.port}/{database}"
    done = cli("server", "login", f"postgresql://{admin}@{where}", "--sslmode", "disable",
               PGPASSWORD=SECRETS["admin"])  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"{admin} signed in to {where}. There is no usable system keyring here, so AccountDesk "
        "will ask for the password each time (or give it in PGPASSWORD).",
        # (its administrator signs in before server init)
        "It holds no AccountDesk team yet: its administrator sets it up with accountdesk server "
        "init.",
        f"AccountDesk opens postgresql+psycopg://{admin}@{where} when no --db is given (the "
        "server.url setting).",
    ]
    done = cli("db", "path", PGPASSWORD=SECRETS["admin"])  # no --db: the server
    assert done.stdout.strip() == f"postgresql+psycopg://{admin}@{where}"
    done = cli("server", "logout")
    assert done.returncode == 0
    assert done.stdout.splitlines()[-1] == (
        "AccountDesk opens the file in its data folder again when no --db is given."
    )
