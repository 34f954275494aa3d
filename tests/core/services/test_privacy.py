from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Interaction
from accountdesk.core.errors import NotFoundError
from accountdesk.core.queries.search import search
from accountdesk.core.services.accounts import (
    AccountInput,
    ContactInput,
    create_account,
    create_contact,
)
from accountdesk.core.services.activity import (
    InteractionInput,
    SurveyInput,
    log_interaction,
    save_survey,
)
from accountdesk.core.services.privacy import erase_contact, export_contact


def test_export_and_erase_one_contact(db: Database) -> None:
    account = create_account(
        db, AccountInput(name="Ege Lojistik", country="TR", timezone="Europe/Istanbul")
    )
    ayse = create_contact(
        db,
        ContactInput(
            account_id=account,
            given_name="Ayşe",
            family_name="Yılmaz",
            country="TR",
            timezone="Europe/Istanbul",
        ),
    )
    emre = create_contact(
        db,
        ContactInput(
            account_id=account,
            given_name="Emre",
            family_name="Kaya",
            country="TR",
            timezone="Europe/Istanbul",
        ),
    )
    when = datetime(2026, 5, 4, 9, tzinfo=UTC)
    log_interaction(
        db, InteractionInput(kind="call", occurred_at=when, contact_ids=[ayse], subject="Only Ayşe")
    )
    log_interaction(
        db,
        InteractionInput(
            kind="meeting", occurred_at=when, contact_ids=[ayse, emre], subject="Both"
        ),
    )
    save_survey(
        db,
        SurveyInput(
            account_id=account, contact_id=ayse, kind="nps", score=9, answered_on="2026-06-01"
        ),
    )

    exported = export_contact(db, ayse)
    assert exported["contact"]["given_name"] == "Ayşe"
    assert {i["subject"] for i in exported["interactions"]} == {"Only Ayşe", "Both"}
    assert exported["survey_responses"][0]["score"] == 9
    json.dumps(exported)  # portable as it is

    erase_contact(db, ayse)
    with pytest.raises(NotFoundError):
        export_contact(db, ayse)
    with db.reader() as s:
        subjects = set(s.scalars(select(Interaction.subject)))
        assert subjects == {"Both"}
        assert s.scalar(select(func.count()).select_from(Interaction)) == 1
    assert search(db, "ayse") == []
