"""A person an interaction was with who is in the trash (or whose account is) is kept on it by
an edit of something else: the form cannot offer them, and an edit that fixed a typo dropped
them for good (restoring them no longer showed the interaction on their page); with nobody
else on it, the edit was refused ("choose at least one person it was with")."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.errors import NotFoundError
from accountdesk.core.queries.details import contact_detail
from accountdesk.core.records import AccountInput
from accountdesk.core.services import activity, trash
from accountdesk.core.services.accounts import create_account
from accountdesk.core.services.activity import InteractionInput
from people import person_at

WHEN = datetime(2026, 11, 5, 17, tzinfo=UTC)


def _visit(db: Database) -> tuple[str, str, str, str]:
    account = create_account(db, AccountInput("Andes SA", "MX", timezone="America/Mexico_City"))
    ana, luis = (
        person_at(db, account, given, family, country="MX", zone="America/Mexico_City")
        for given, family in (("Ana", "López"), ("Luis", "Ortega"))
    )
    visit = activity.log_interaction(
        db, InteractionInput("visit", WHEN, [ana, luis], subject="Plant visit wiht both")
    )
    return account, ana, luis, visit


def _with(db: Database, interaction: str) -> set[str]:
    return set(activity.interaction_for_edit(db, interaction).data.contact_ids)


@pytest.mark.parametrize("sent", ["shown", "all"])
def test_an_edit_keeps_a_participant_in_the_trash(db: Database, sent: str) -> None:
    """Whether the form sends the person in the trash (as loaded) or only those it shows."""
    _account, ana, luis, visit = _visit(db)
    trash.delete(db, "contact", ana)
    loaded = activity.interaction_for_edit(db, visit).data
    assert loaded.hidden_ids == (ana,)
    assert set(loaded.contact_ids) == {ana, luis}
    if sent == "shown":
        loaded.contact_ids = [luis]
    loaded.subject = "Plant visit with both"
    activity.update_interaction(db, visit, loaded)
    assert _with(db, visit) == {ana, luis}
    trash.restore(db, "contact", ana)
    assert [i.subject for i in contact_detail(db, ana).interactions] == ["Plant visit with both"]
    assert activity.interaction_for_edit(db, visit).data.hidden_ids == ()


def test_an_interaction_with_only_people_in_the_trash_is_edited(db: Database) -> None:
    """Its subject corrected without choosing someone else (a false participant)."""
    _account, ana, luis, visit = _visit(db)
    trash.delete(db, "contact", ana)
    trash.delete(db, "contact", luis)
    loaded = activity.interaction_for_edit(db, visit).data
    loaded.contact_ids = []  # the form offers nobody
    loaded.subject = "Plant visit with both"
    activity.update_interaction(db, visit, loaded)
    assert _with(db, visit) == {ana, luis}
    assert activity.interaction_for_edit(db, visit).data.subject == "Plant visit with both"


def test_a_participant_whose_account_is_in_the_trash_is_kept(db: Database) -> None:
    """Someone who moved to another account, which is in the trash, is not shown either."""
    account, ana, _luis, _visit_id = _visit(db)
    elsewhere = create_account(
        db, AccountInput("Elsewhere SA", "MX", timezone="America/Mexico_City")
    )
    moved = person_at(db, elsewhere, "Eva", "Ruiz", country="MX", zone="America/Mexico_City")
    other = activity.log_interaction(
        db, InteractionInput("call", WHEN, [ana, moved], account_id=account)
    )
    trash.delete(db, "account", elsewhere)
    loaded = activity.interaction_for_edit(db, other).data
    assert loaded.hidden_ids == (moved,)
    loaded.contact_ids = [ana]
    loaded.subject = "Pricing"
    activity.update_interaction(db, other, loaded)
    assert _with(db, other) == {ana, moved}


def test_someone_in_the_trash_is_still_not_added(db: Database) -> None:
    """Only those it is with are kept: a person in the trash is not chosen for it."""
    account, ana, luis, visit = _visit(db)
    olga = person_at(db, account, "Olga", "Díaz", country="MX", zone="America/Mexico_City")
    trash.delete(db, "contact", olga)
    loaded = activity.interaction_for_edit(db, visit).data
    loaded.contact_ids = [ana, luis, olga]
    with pytest.raises(NotFoundError) as refused:
        activity.update_interaction(db, visit, loaded)
    # on a team server the message names who moved it, and when
    assert "restore it from the trash to save your changes" in str(refused.value).lower()
    assert _with(db, visit) == {ana, luis}
