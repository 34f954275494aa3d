"""``accountdesk server reindex`` run by a rep: refused in the words of what they ran (the
index guard's own sentence is about removing much of the index, and tells to run reindex)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from accountdesk.core.db import server
from accountdesk.core.db.engine import Database
from accountdesk.core.db.errors import NotAllowed
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from pgcluster import BACKENDS
from teamserver import Team

pytestmark = pytest.mark.skipif(
    "postgresql" not in BACKENDS, reason="a team server needs PostgreSQL"
)


@pytest.fixture
def rep_and_manager(team: Team) -> Iterator[tuple[Database, Database]]:
    rep, manager = team.connect(team.anna), team.connect(team.manager)
    yield rep, manager
    rep.close()
    manager.close()


def test_a_rep_running_reindex_is_told_only_a_manager_rebuilds_the_index(
    rep_and_manager: tuple[Database, Database],
) -> None:
    rep, manager = rep_and_manager
    for n in range(server.INDEX_DELETE_LIMIT + 5):
        create_account(rep, AccountInput(name=f"Firm {n:03d}", country="DE"))
    with pytest.raises(NotAllowed) as refused:
        server.reindex(rep)
    assert refused.value.message == "Only a manager can rebuild the team's search index."
    assert [h.title for h in search(rep, "Firm 007")][:1] == ["Firm 007"]  # nothing removed
    assert server.reindex(manager) == server.INDEX_DELETE_LIMIT + 5  # a manager may
