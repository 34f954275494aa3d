"""Two reps saving the same new tag at the same moment on a team server share it; neither
gets a database error (review 24, defect 9). Two connections: Anna's transaction has added
the tag and not committed yet when Ben's saves it too."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accountdesk.core.db.errors import explain_server
from accountdesk.core.db.models import Tag
from accountdesk.core.records import AccountInput
from accountdesk.core.services import accounts
from teamserver import Team


def test_the_same_new_tag_saved_at_once_is_shared(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    anna, ben = team.connect(team.anna), team.connect(team.ben)
    original = accounts.tags_for
    added = threading.Event()

    def annas_slow_save(session: Session, names: Sequence[str]) -> list[Tag]:
        found = original(session, names)
        if threading.current_thread().name == "anna":
            added.set()
            time.sleep(0.5)  # Ben saves meanwhile; Anna commits after this
        return found

    monkeypatch.setattr(accounts, "tags_for", annas_slow_save)
    said: dict[str, object] = {}

    def save(who: str, db: object, wait: bool) -> None:
        if wait:
            added.wait(10)
        try:
            said[who] = accounts.create_account(
                db,  # type: ignore[arg-type]
                AccountInput(name=f"Expo {who}", country="AE", tags=["Expo Dubai 2027"]),
            )
        except Exception as error:  # what the rep would see
            said[who] = error

    threads = [
        threading.Thread(target=save, args=("anna", anna, False), name="anna"),
        threading.Thread(target=save, args=("ben", ben, True), name="ben"),
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert all(isinstance(v, str) for v in said.values()), said
        with anna.reader() as session:
            count = session.scalar(select(func.count()).where(Tag.name == "Expo Dubai 2027"))
        assert count == 1
    finally:
        anna.close()
        ben.close()


def test_a_unique_violation_is_one_sentence_without_sql() -> None:
    import psycopg
    from sqlalchemy.exc import IntegrityError

    class Unique(psycopg.errors.UniqueViolation):
        sqlstate = "23505"

    error = IntegrityError("INSERT INTO tags (name) VALUES (%s)", {}, Unique("duplicate key"))
    sentence = explain_server(error, "postgresql+psycopg://anna@db.example.com/team")
    assert sentence is not None
    assert "INSERT" not in str(sentence) and "try again" in str(sentence)
