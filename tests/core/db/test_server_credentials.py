"""Signing in to a team server: passwords (never shown), the keyring, the prompt, TLS, the
default server, and one sentence for each way a connection fails."""

from __future__ import annotations

import argparse
import importlib.machinery
import os
import stat
import sys
import types
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from accountdesk.core.db import credentials, server_cli
from accountdesk.core.db.engine import open_database, sign_in
from accountdesk.core.db.errors import (
    NotAllowed,
    PasswordRequired,
    ServerError,
    WrongPassword,
    explain,
)
from accountdesk.core.db.schema import database_url
from accountdesk.core.errors import UserError
from pgcluster import BACKENDS
from teamserver import Team, password_of, unique

pytestmark = pytest.mark.skipif(
    "postgresql" not in BACKENDS, reason="a team server needs PostgreSQL"
)


def without_password(team: Team, login: str) -> str:
    return f"postgresql://{login}@127.0.0.1:{team.cluster.port}/{team.database}"


@pytest.fixture
def stranger(team: Team) -> str:
    """A member who has never signed in from this process (so nothing remembers a password)."""
    from accountdesk.core.db import server

    login = unique("h15new")
    server.add_user(team.admin_url, login, "New One", None, "rep", password_of(login))
    return login


class FakeKeyring(types.ModuleType):
    """A keyring module with an in-memory backend (a real one needs a desktop session)."""

    def __init__(self) -> None:
        super().__init__("keyring")
        self.__spec__ = importlib.machinery.ModuleSpec("keyring", None)
        self.store: dict[tuple[str, str], str] = {}

        class Backend:
            priority = 5

        self.backend = Backend()

    def get_keyring(self) -> object:
        return self.backend

    def get_password(self, service: str, user: str) -> str | None:
        return self.store.get((service, user))

    def set_password(self, service: str, user: str, password: str) -> None:
        self.store[(service, user)] = password

    def delete_password(self, service: str, user: str) -> None:
        del self.store[(service, user)]


@pytest.fixture
def keyring(monkeypatch: pytest.MonkeyPatch) -> FakeKeyring:
    fake = FakeKeyring()
    errors = types.ModuleType("keyring.errors")
    errors.__spec__ = importlib.machinery.ModuleSpec("keyring.errors", None)
    errors.KeyringError = type("KeyringError", (Exception,), {})  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "keyring", fake)
    monkeypatch.setitem(sys.modules, "keyring.errors", errors)
    return fake


# --- a password is never shown -----------------------------------------------------------


def test_a_password_is_in_no_url_repr_or_message(team: Team) -> None:
    secret = password_of(team.anna)
    anna = team.connect(team.anna)
    try:
        shown = [repr(anna), str(anna), anna.url, repr(anna.engine), str(anna.engine.url)]
        assert all(secret not in s for s in shown)
        assert anna.url == without_password(team, team.anna).replace(
            "postgresql://", "postgresql+psycopg://"
        )
        with pytest.raises(NotAllowed) as refused, anna.engine.begin() as conn:
            conn.execute(text("UPDATE users SET name = 'x'"))
        assert refused.value.message == (
            f"Your role on the server 127.0.0.1:{team.cluster.port}/{team.database} may not do "
            "this (permission denied for table users)."
        )
    finally:
        anna.close()
    wrong = team.cluster.url(team.database, user=team.anna, pw="not-the-password")
    with pytest.raises(WrongPassword) as refused:
        open_database(wrong)
    assert refused.value.message == (
        f"The server 127.0.0.1:{team.cluster.port}/{team.database} did not accept the login "
        f"{team.anna} with that password."
    )
    assert "not-the-password" not in str(refused.value)
    # the command line's boundary names what --db named, the password taken out
    raw = psycopg.OperationalError("connection failed: server closed the connection")
    found = explain(raw, team.url(team.anna))
    assert found is not None and secret not in found.message
    assert found.message.startswith(f"The connection to the server 127.0.0.1:{team.cluster.port}")


def test_without_a_password_the_server_asks_for_one(team: Team, stranger: str) -> None:
    url = without_password(team, stranger)
    with pytest.raises(PasswordRequired) as asked:
        open_database(url)
    assert asked.value.message == (
        f"The server 127.0.0.1:{team.cluster.port}/{team.database} asks for the password of "
        f"{stranger}: keep it in the system keyring with accountdesk server login, put it in "
        "PGPASSWORD, or run the command in a terminal to be asked for it."
    )
    db = open_database(url, password=password_of(stranger))  # a prompt's, say
    assert db.login == stranger
    db.close()
    again = open_database(url)  # the same process: not asked again
    assert again.login == stranger
    again.close()
    credentials.forget(url)
    with pytest.raises(PasswordRequired):
        open_database(url)


def test_libpqs_own_password_sources_work(
    team: Team, stranger: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGPASSWORD", password_of(stranger))
    db = open_database(without_password(team, stranger))
    assert db.login == stranger
    db.close()


def test_the_keyring_keeps_a_password(team: Team, stranger: str, keyring: FakeKeyring) -> None:
    url = without_password(team, stranger)
    credentials.remember(url, password_of(stranger))
    entry = f"postgresql://{stranger}@127.0.0.1:{team.cluster.port}/{team.database}"
    assert keyring.store == {("AccountDesk", entry): password_of(stranger)}
    found = credentials.password_for(url)
    assert found is not None and found.source == "keyring"
    db = open_database(url)
    assert db.login == stranger
    db.close()
    credentials.forget(url)
    credentials.remember(url, "an old password")
    with pytest.raises(WrongPassword, match="with the password from the system keyring; sign in"):
        open_database(url)


def test_the_prompt_asks_again_after_a_wrong_password(
    team: Team, stranger: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    typed = iter(["wrong one", password_of(stranger)])
    asked: list[str] = []

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return next(typed)

    monkeypatch.setattr(server_cli, "interactive", lambda: True)
    monkeypatch.setattr(server_cli, "_ask", ask)
    assert server_cli.sign_in_interactive(without_password(team, stranger)) == stranger
    address = f"127.0.0.1:{team.cluster.port}/{team.database}"
    assert asked == [f"Password of {stranger} on {address}: "] * 2
    assert capsys.readouterr().err == "That password is wrong; try again.\n"


# --- server login, the default server, TLS ------------------------------------------------


def _login_args(url: str, **more: object) -> argparse.Namespace:
    return argparse.Namespace(url=url, sslmode=None, no_default=False, **more)


def test_server_login_keeps_the_password_and_the_default_server(
    team: Team,
    stranger: str,
    keyring: FakeKeyring,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = without_password(team, stranger)
    monkeypatch.setattr(server_cli, "interactive", lambda: True)
    monkeypatch.setattr(server_cli, "_ask", lambda prompt: "wrong one")
    with pytest.raises(WrongPassword):
        server_cli.cmd_login(_login_args(url))
    assert keyring.store == {} and credentials.default_server() is None  # nothing kept
    monkeypatch.setattr(server_cli, "_ask", lambda prompt: password_of(stranger))
    assert server_cli.cmd_login(_login_args(url)) == 0
    out = capsys.readouterr().out
    assert password_of(stranger) not in out
    stored = url.replace("postgresql://", "postgresql+psycopg://")
    assert out.splitlines() == [
        f"{stranger} signed in to 127.0.0.1:{team.cluster.port}/{team.database}; the password "
        "is kept in the system keyring.",
        f"AccountDesk opens {stored} when no --db is given (the server.url setting).",
    ]
    assert list(keyring.store.values()) == [password_of(stranger)]
    settings = home / "settings" / "server.json"
    assert stat.S_IMODE(settings.stat().st_mode) == 0o600
    assert password_of(stranger) not in settings.read_text()
    monkeypatch.delenv("ACCOUNTDESK_DB", raising=False)
    assert database_url(None) == stored  # no --db: the team server
    credentials.forget(url)  # this process forgets too: from now on only the keyring has it
    credentials.remember(url, password_of(stranger))
    db = open_database(None)
    assert db.login == stranger
    db.close()
    assert server_cli.cmd_logout(argparse.Namespace(url=None)) == 0
    assert keyring.store == {} and credentials.default_server() is None
    assert database_url(None).startswith("sqlite:///")


def test_a_url_with_a_password_keeps_it_out_of_the_settings(team: Team, home: Path) -> None:
    stored = credentials.set_local_setting(credentials.SERVER_URL, team.url(team.anna))
    assert stored is not None and password_of(team.anna) not in stored
    assert password_of(team.anna) not in (home / "settings" / "server.json").read_text()
    with pytest.raises(UserError, match="is not a server address"):
        credentials.set_local_setting(credentials.SERVER_URL, "/home/me/accountdesk.db")
    with pytest.raises(UserError, match="is not a TLS mode; write one of: disable, allow"):
        credentials.set_local_setting(credentials.SERVER_SSLMODE, "always")


def test_tls_required_by_the_url_or_the_setting(team: Team, home: Path) -> None:
    """The throwaway cluster has no TLS: a connection that requires it is refused, in words."""
    address = f"127.0.0.1:{team.cluster.port}/{team.database}"
    expected = (
        f"The server {address} offers no encrypted connection (TLS), but the connection "
        "requires one (sslmode): ask its administrator to switch TLS on."
    )
    with pytest.raises(ServerError) as refused:
        open_database(team.url(team.anna) + "?sslmode=require")
    assert refused.value.message == expected
    credentials.set_local_setting(credentials.SERVER_SSLMODE, "require")
    with pytest.raises(ServerError) as refused:
        sign_in(team.url(team.anna))
    assert refused.value.message == expected
    assert sign_in(team.url(team.anna) + "?sslmode=disable") == team.anna  # the URL wins


# --- a connection that fails: one sentence each -------------------------------------------


def test_a_failed_connection_is_one_sentence_naming_the_server(team: Team) -> None:
    port = team.cluster.port
    cases = {
        "postgresql://anna:pw@127.0.0.1:1/team": (
            "The server 127.0.0.1:1/team refused the connection: check that PostgreSQL runs "
            "there and accepts connections on that port."
        ),
        "postgresql://anna:pw@no-such-host.invalid:5432/team": (
            "There is no server at no-such-host.invalid:5432/team: check the host name in the "
            "address."
        ),
        team.cluster.url("no_such_database"): (
            f"The server 127.0.0.1:{port}/no_such_database has no such database: check the "
            "name after the last /."
        ),
    }
    for url, sentence in cases.items():
        with pytest.raises(ServerError) as failed:
            open_database(url + "?connect_timeout=5")
        assert failed.value.message == sentence
        assert "pw" not in failed.value.message.split() and team.cluster.password not in str(
            failed.value
        )


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        (
            'connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  '
            'no pg_hba.conf entry for host "10.0.0.9", user "anna", database "team", no encryption',
            "The server db.example.com:5432/team accepts only encrypted connections: add "
            "?sslmode=require to its address, or sign in with accountdesk server login "
            "--sslmode require.",
        ),
        (
            'connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  '
            'no pg_hba.conf entry for host "10.0.0.9", user "anna", database "team", SSL '
            "encryption",
            "The server db.example.com:5432/team does not let anna connect from this computer "
            "(its pg_hba.conf has no entry for it).",
        ),
        (
            'connection failed: connection to server at "10.0.0.5", port 5432 failed: server '
            'certificate for "other.example.com" does not match host name "db.example.com"',
            "The certificate of the server db.example.com:5432/team could not be verified: "
            'server certificate for "other.example.com" does not match host name '
            '"db.example.com"',
        ),
        (
            'connection failed: connection to server at "10.0.0.5", port 5432 failed: timeout '
            "expired",
            "The server db.example.com:5432/team did not answer in time.",
        ),
    ],
)
def test_what_the_cluster_cannot_show_is_said_too(text: str, sentence: str) -> None:
    """Failures a local cluster without TLS cannot produce, from libpq's own words."""
    found = explain(
        psycopg.OperationalError(text), "postgresql://anna:hunter22@db.example.com:5432/team"
    )
    assert found is not None and found.message == sentence
    assert "hunter22" not in found.message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            'connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  '
            'password authentication failed for user "anna"',
            ["db.example.com:5432/team", "anna"],
        ),
        (
            'connection failed: connection to server at "10.0.0.5", port 5432 failed: '
            "Connection refused",
            ["db.example.com:5432/team"],
        ),
        (
            'connection failed: connection to server at "10.0.0.5", port 5432 failed: server '
            "closed the connection unexpectedly",
            ["db.example.com:5432/team", "server closed the connection unexpectedly"],
        ),
    ],
)
def test_in_persian_the_server_and_login_read_left_to_right(text: str, words: list[str]) -> None:
    """In a right-to-left sentence the address, the login and the server's own words are
    each one left-to-right unit (i18n.ltr_shown): the password dialog's error line showed
    "team/127.0.0.1:55439"."""
    from accountdesk.core.bidi import ltr
    from accountdesk.core.i18n import use_language

    url = "postgresql://anna:hunter22@db.example.com:5432/team"
    with use_language("fa"):
        found = explain(psycopg.OperationalError(text), url)
    assert found is not None
    for word in words:
        assert ltr(word) in found.message, word
    english = explain(psycopg.OperationalError(text), url)
    assert english is not None and "\u2066" not in english.message  # marked only in RTL


def test_a_bug_is_not_dressed_as_a_server_problem() -> None:
    assert explain(psycopg.ProgrammingError("syntax error at or near"), None) is None
    assert explain(ValueError("x"), "postgresql://a@b/c") is None


def test_database_url_reads_the_environment_first(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    credentials.set_local_setting(credentials.SERVER_URL, "postgresql://anna@db.example.com/team")
    monkeypatch.setenv("ACCOUNTDESK_DB", str(home / "mine.db"))
    assert database_url(None) == "sqlite:///" + str((home / "mine.db").resolve())
    monkeypatch.delenv("ACCOUNTDESK_DB")
    assert database_url(None) == "postgresql+psycopg://anna@db.example.com/team"
    assert os.environ.get("ACCOUNTDESK_HOME") == str(home)


# --- a password in the URL's query string (review of issue 15) ---------------------------


def test_a_password_in_the_query_string_signs_in_and_is_shown_nowhere(
    team: Team,
    stranger: str,
    keyring: FakeKeyring,
    home: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    secret = password_of(stranger)
    bare = without_password(team, stranger)
    url = f"{bare}?sslmode=disable&password={secret}&sslpassword=key-phrase-1"
    shown = credentials.without_password(url)
    assert shown == bare.replace("postgresql://", "postgresql+psycopg://") + "?sslmode=disable"
    found = credentials.password_for(url)
    assert found is not None and (found.text, found.source) == (secret, "url")
    address, extra, _found = credentials.connection(url)
    assert address == shown
    assert (extra["password"], extra["sslpassword"]) == (secret, "key-phrase-1")
    db = open_database(url)  # the only source of the password is the query string
    try:
        assert db.login == stranger
        for text_shown in (db.url, repr(db), str(db), repr(db.engine), str(db.engine.url)):
            assert secret not in text_shown and "key-phrase-1" not in text_shown
    finally:
        db.close()
    stored = credentials.set_local_setting(credentials.SERVER_URL, url)
    assert stored == shown
    saved = (home / "settings" / "server.json").read_text()
    assert secret not in saved and "key-phrase-1" not in saved
    credentials.set_local_setting(credentials.SERVER_URL, None)
    assert server_cli.cmd_login(_login_args(url)) == 0  # the URL's password is kept
    out = capsys.readouterr().out
    assert secret not in out and "key-phrase-1" not in out
    assert out.splitlines()[-1] == (
        f"AccountDesk opens {shown} when no --db is given (the server.url setting)."
    )
    assert list(keyring.store.values()) == [secret]
    with pytest.raises(ServerError) as failed:  # a failure names the server, not the secret
        open_database(url.replace(f"/{team.database}?", "/no_such_database?"))
    assert secret not in failed.value.message and "no such database" in failed.value.message


def test_signing_in_says_what_stands_in_the_way(team: Team, home: Path) -> None:
    """A login is told at once when it cannot work on the team's data yet: not a member, a
    database without a team, of a newer or an older AccountDesk."""
    from accountdesk.core.db.engine import SCHEMA_HEAD, signed_in

    address = f"127.0.0.1:{team.cluster.port}/{team.database}"
    member = signed_in(team.url(team.anna))
    assert (member.login, member.revision, member.member) == (team.anna, SCHEMA_HEAD, True)
    assert member.problem(address) is None
    outsider = unique("h15out")
    team.cluster.execute(
        f"CREATE ROLE {outsider} LOGIN PASSWORD '{password_of(outsider)}';"
        f" GRANT CONNECT ON DATABASE {team.database} TO {outsider}"
    )
    found = signed_in(team.cluster.url(team.database, user=outsider, pw=password_of(outsider)))
    assert not found.member and found.revision is None  # (it may not read the team's data)
    assert found.problem(address) == (
        f"{outsider} is not a member of the team on {address}: a manager adds members with "
        "accountdesk server add-user."
    )
    blank = unique("h15blank")
    team.cluster.execute(f"CREATE DATABASE {blank}")
    try:
        empty = signed_in(team.cluster.url(blank))
        assert not empty.set_up and empty.problem(address) == (
            "It holds no AccountDesk team yet: its administrator sets it up with accountdesk "
            "server init."
        )
        team.cluster.execute(
            "CREATE TABLE alembic_version (version_num varchar(32) NOT NULL);"
            " INSERT INTO alembic_version VALUES ('9999')",
            database=blank,
        )
        assert signed_in(team.cluster.url(blank)).problem(address) == (
            "Its data was written by a newer AccountDesk (schema 9999): update AccountDesk on "
            "this computer to work with it."
        )
        team.cluster.execute("UPDATE alembic_version SET version_num = '0001'", database=blank)
        assert signed_in(team.cluster.url(blank)).problem(address) == (
            "Its data is of an older AccountDesk (schema 0001): its administrator upgrades it "
            "with accountdesk server init."
        )
    finally:
        team.cluster.execute(f"DROP DATABASE {blank}")


def test_server_login_of_a_login_not_on_the_team_says_so(
    team: Team,
    keyring: FakeKeyring,
    home: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    outsider = unique("h15out")
    team.cluster.execute(
        f"CREATE ROLE {outsider} LOGIN PASSWORD '{password_of(outsider)}';"
        f" GRANT CONNECT ON DATABASE {team.database} TO {outsider}"
    )
    url = team.cluster.url(team.database, user=outsider, pw=password_of(outsider))
    assert server_cli.cmd_login(_login_args(url)) == 0
    address = f"127.0.0.1:{team.cluster.port}/{team.database}"
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == (
        f"{outsider} is not a member of the team on {address}: a manager adds members with "
        "accountdesk server add-user."
    )


# --- connection failures the review found said in English ---------------------------------


def test_an_unknown_login_has_its_own_sentence(team: Team) -> None:
    """Over the socket (trust) the server says the role does not exist; over TCP (SCRAM) it
    says only that the password failed (and does not tell who exists)."""
    if team.cluster.folder is None:
        pytest.skip("a cluster of the environment: no socket folder")
    for database in (team.database, "database_of_team"):
        url = (
            f"postgresql://nosuchrole@/{database}?host={team.cluster.folder}"
            f"&port={team.cluster.port}"
        )
        with pytest.raises(ServerError) as failed:
            open_database(url)
        assert failed.value.message == (
            f"The server {team.cluster.folder}/{database} has no login "
            "nosuchrole: check the login in the address, or ask the team's administrator to add "
            "you (accountdesk server add-user)."
        )


@pytest.mark.parametrize(
    ("query", "option"),
    [
        ("sslmode=bogus", "sslmode"),
        ("connect_timeout=abc", "connect_timeout"),
        ("target_session_attrs=xyz", "target_session_attrs"),
        ("no_such_option=1", "no_such_option"),
    ],
)
def test_a_bad_connection_option_is_named(team: Team, query: str, option: str) -> None:
    with pytest.raises(ServerError) as failed:
        open_database(f"{team.url(team.anna)}?{query}")
    address = f"127.0.0.1:{team.cluster.port}/{team.database}"
    assert failed.value.message == (
        f"The address of the server {address} gives the connection option {option} a value it "
        "cannot have, or names an option that does not exist: correct or remove it."
    )
    assert "cannot be read as a database" not in failed.value.message
