"""The server ended the app's idle connection (the laptop slept, the Wi-Fi dropped): the next
action connects again unseen, and a read cut off while it runs never says that something
may not have been saved (review 24, defect 12)."""

from __future__ import annotations

import pytest

from accountdesk.core.db.errors import ServerError
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from teamserver import Team


def _drop(team: Team, login: str) -> None:
    team.cluster.execute(
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{login}'"
    )


def test_the_next_action_after_a_dropped_connection_works(team: Team) -> None:
    anna = team.connect(team.anna)
    try:
        create_account(anna, AccountInput(name="Fjord Fisk AS", country="NO"))
        assert len(search(anna, "fjord", limit=5)) == 1
        _drop(team, team.anna)
        assert len(search(anna, "fjord", limit=5)) == 1  # no error: connected again
        _drop(team, team.anna)
        create_account(anna, AccountInput(name="Fjord Tre AS", country="NO"))  # a save too
        assert len(search(anna, "fjord", limit=5)) == 2
    finally:
        anna.close()


def test_a_read_cut_off_says_nothing_was_changed(team: Team) -> None:
    from sqlalchemy import text

    anna = team.connect(team.anna)
    try:
        with pytest.raises(ServerError) as refused, anna.reader() as session:
            session.execute(text("SELECT 1"))
            _drop(team, team.anna)
            session.execute(text("SELECT 1"))
        assert "nothing was changed, try again" in str(refused.value)
        assert "saved" not in str(refused.value)
        assert len(search(anna, "fjord", limit=5)) == 0  # and the next one works
    finally:
        anna.close()
