"""``accountdesk sync``: making the copy after ``server login``, working on it without --db,
synchronising, listing and settling conflicts (core/db/sync_cli.py)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import select

from accountdesk.cli import main
from accountdesk.core.db import credentials
from accountdesk.core.db.engine import database_url, open_database
from accountdesk.core.db.models import Account
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import account_for_edit, create_account, update_account
from pgcluster import BACKENDS
from teamserver import Team

pytestmark = pytest.mark.skipif(
    "postgresql" not in BACKENDS, reason="a team server needs PostgreSQL"
)


def _industry(url: str, value: str) -> None:
    db = open_database(url)
    try:
        with db.reader() as session:
            found = session.scalars(select(Account.id)).one()
        loaded = account_for_edit(db, found)
        update_account(db, found, dataclasses.replace(loaded.data, industry=value))
    finally:
        db.close()


def test_sync_from_the_command_line(
    team: Team, home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("ACCOUNTDESK_DB", raising=False)
    server = open_database(team.url(team.ben))
    create_account(server, AccountInput(name="Acme", country="DE", industry="Steel"))
    server.close()
    assert main(["server", "login", team.url(team.anna)]) == 0
    assert main(["sync", "init"]) == 0
    out = capsys.readouterr().out
    copy = credentials.local_setting(credentials.SERVER_COPY)
    assert copy is not None and f"Made a full copy of 127.0.0.1:{team.cluster.port}" in out
    assert database_url(None) == "sqlite:///" + copy  # no --db: the copy
    assert main(["sync", "init"]) == 1  # a second copy is not made over the first
    assert "There is a file at" in capsys.readouterr().err
    _industry(copy, "Mining")  # offline, on the laptop, earlier
    _industry(team.url(team.ben), "Chemicals")  # on the server, later
    assert main(["sync"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "Received 1 change." in out and "1 field was changed on both sides" in out[2]
    assert main(["sync", "conflicts"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    number = line.split(".", 1)[0]
    assert "Acme, Industry: “Chemicals” by Ben Okafor" in line and "“Mining”" in line
    assert main(["sync", "resolve", number, "mine"]) == 0
    assert main(["sync", "now"]) == 0
    assert main(["sync", "conflicts"]) == 0
    assert "No conflicts." in capsys.readouterr().out
    db = open_database(team.url(team.manager))
    with db.reader() as session:
        assert session.scalars(select(Account.industry)).one() == "Mining"
    db.close()
    assert main(["sync", "status"]) == 0
    assert capsys.readouterr().out.startswith("Synchronised ")
    assert main(["server", "logout"]) == 0
    assert f"The offline copy stays at {copy}" in capsys.readouterr().out
    assert credentials.local_setting(credentials.SERVER_COPY) is None
    assert database_url(None) != "sqlite:///" + copy


def test_a_synchronisation_that_stopped_is_said_by_sync_status(
    team: Team, home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from accountdesk.core.db import sync

    monkeypatch.delenv("ACCOUNTDESK_DB", raising=False)
    assert main(["server", "login", team.url(team.anna)]) == 0
    assert main(["sync", "init"]) == 0

    def broken(*_args: object) -> set[int]:
        raise ValueError("zip() argument 2 is longer than argument 1")

    monkeypatch.setattr(sync, "_pull", broken)
    monkeypatch.delenv("ACCOUNTDESK_DEBUG", raising=False)
    assert main(["sync"]) == 1
    assert "unexpected error (ValueError" in capsys.readouterr().err
    assert main(["sync", "status"]) == 0
    status, why = capsys.readouterr().out.splitlines()
    assert status.startswith("Synchronisation failed, last synchronised ")
    assert why.startswith("The synchronisation stopped on a problem AccountDesk did not expect")
    assert "ValueError: zip() argument 2 is longer than argument 1" in why
