"""Two people editing the same record at once: the later save made from an older copy is
refused with who and when, and nothing of the first save is lost (services/conflicts.py).

Every test runs on SQLite and on PostgreSQL (the ``db`` fixture); "Anna" and "Ben" are two
``Database`` objects opened on the same database, as two people's apps are.
"""

from __future__ import annotations

import re
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from accountdesk.core import settings
from accountdesk.core.bidi import isolate
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import Contact, FollowUp, Interaction, User
from accountdesk.core.errors import NotFoundError
from accountdesk.core.i18n import format_when
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import activity, trash
from accountdesk.core.services import followups as fu
from accountdesk.core.services.accounts import (
    account_for_edit,
    contact_for_edit,
    contact_input,
    create_account,
    create_contact,
    update_account,
    update_contact,
)
from accountdesk.core.services.conflicts import (
    ConflictError,
    Loaded,
    TrashedError,
    editable,
    saving,
)

RIGA = ZoneInfo("Europe/Riga")


def _other(db: Database) -> Database:
    """A second app's connection to the same database."""
    return open_database(db.path or db.url)


@pytest.fixture
def ben(db: Database) -> Iterator[Database]:
    settings.put(db, "user.zone", "Europe/Riga")  # the refusal's time, in a zone of our choice
    other = _other(db)
    yield other
    other.close()


def _account(db: Database) -> str:
    return create_account(
        db, AccountInput(name="Baltic Timber", country="LV", timezone="Europe/Riga")
    )


def _contact(db: Database, account_id: str | None = None) -> str:
    return create_contact(
        db,
        ContactInput(
            account_id=account_id or _account(db),
            given_name="Ilze",
            family_name="Bērziņa",
            country="LV",
            timezone="Europe/Riga",
            tags=["wood"],
        ),
    )


def _stored(db: Database, contact_id: str) -> Contact:
    with db.reader() as session:
        row = session.get(Contact, contact_id)
        assert row is not None
        return row


# --- the rule ----------------------------------------------------------------------------


def test_a_save_from_an_older_copy_is_refused_and_the_first_save_stays(
    db: Database, ben: Database
) -> None:
    contact_id = _contact(db)
    annas = contact_for_edit(db, contact_id)  # Anna opens the form at 10:00
    bens = contact_for_edit(ben, contact_id)
    assert annas.version == bens.version

    update_contact(  # Ben saves at 10:02
        ben, contact_id, replace(bens.data, job_title="CFO"), expected_version=bens.version
    )
    with pytest.raises(ConflictError) as refused:  # Anna saves at 10:05
        update_contact(
            db,
            contact_id,
            replace(annas.data, job_title="CEO", city="Jūrmala"),
            expected_version=annas.version,
        )

    stored = _stored(db, contact_id)
    assert (stored.job_title, stored.city) == ("CFO", None)
    assert stored.version == annas.version + 1
    when = isolate(format_when(stored.updated_at, RIGA))
    message = str(refused.value)
    assert when in message
    assert "after you opened it, so your changes were not saved" in message
    assert refused.value.changed_at == stored.updated_at
    if db.is_postgres:  # the server names who wrote it (a login no member has: as it is)
        assert stored.updated_by == ben.login
        assert message.startswith(f"{isolate(ben.login or '')} changed this record on {when}")
    else:  # a laptop's file has nobody to name
        assert stored.updated_by is None
        assert message.startswith(f"This record was changed on {when}, after you opened it")


def test_after_a_refusal_the_reloaded_copy_saves(db: Database, ben: Database) -> None:
    contact_id = _contact(db)
    annas = contact_for_edit(db, contact_id)
    update_contact(ben, contact_id, replace(annas.data, job_title="CFO"), expected_version=None)
    typed = replace(annas.data, city="Jūrmala")
    with pytest.raises(ConflictError):
        update_contact(db, contact_id, typed, expected_version=annas.version)

    again = contact_for_edit(db, contact_id)  # Anna reloads: Ben's title, her city typed again
    assert again.data.job_title == "CFO"
    update_contact(
        db, contact_id, replace(again.data, city="Jūrmala"), expected_version=again.version
    )
    stored = contact_input(db, contact_id)
    assert (stored.job_title, stored.city) == ("CFO", "Jūrmala")


def test_the_version_grows_by_one_per_save(db: Database) -> None:
    contact_id = _contact(db)
    first = contact_for_edit(db, contact_id)
    changes: list[dict[str, Any]] = [
        {"job_title": "CFO"},
        {"tags": ["wood", "board"]},  # only a link changes: still a save
        {"important_dates": []},
        {"given_name": "Ilze", "city": "Rīga", "tags": ["pine"]},  # columns and links at once
    ]
    loaded = first
    for number, change in enumerate(changes, start=1):
        update_contact(
            db, contact_id, replace(loaded.data, **change), expected_version=loaded.version
        )
        loaded = contact_for_edit(db, contact_id)
        assert loaded.version == first.version + number
    assert loaded.data.tags == ["pine"]

    account_id = loaded.data.account_id
    account = account_for_edit(db, account_id)
    update_account(  # a referrer is looked up mid-save: written once all the same
        db,
        account_id,
        replace(account.data, notes="pine", tags=["gold"], referred_by_id=_account(db)),
        expected_version=account.version,
    )
    assert account_for_edit(db, account_id).version == account.version + 1


def test_a_change_of_links_only_is_seen_by_an_older_copy(db: Database, ben: Database) -> None:
    contact_id = _contact(db)
    annas = contact_for_edit(db, contact_id)
    bens = contact_for_edit(ben, contact_id)
    update_contact(
        ben, contact_id, replace(bens.data, tags=["board"]), expected_version=bens.version
    )
    with pytest.raises(ConflictError):
        update_contact(
            db, contact_id, replace(annas.data, job_title="CEO"), expected_version=annas.version
        )
    stored = contact_input(db, contact_id)
    assert (stored.tags, stored.job_title) == (["board"], None)


def test_a_save_without_a_version_writes_over_as_before(db: Database, ben: Database) -> None:
    contact_id = _contact(db)
    annas = contact_for_edit(db, contact_id)
    update_contact(ben, contact_id, replace(annas.data, job_title="CFO"))
    update_contact(db, contact_id, replace(annas.data, city="Jūrmala"))  # e.g. an import
    stored = contact_for_edit(db, contact_id)
    assert (stored.data.job_title, stored.data.city) == (None, "Jūrmala")
    assert stored.version == annas.version + 2


def test_a_row_changed_between_reading_and_writing_is_the_same_refusal(db: Database) -> None:
    """SQLAlchemy's StaleDataError (a flush finds another version than it read) leaves as the
    conflict's sentence, and nothing of the transaction is written."""
    contact_id = _contact(db)
    before = _stored(db, contact_id).version
    with pytest.raises(ConflictError) as refused, saving(db) as session:
        row = session.get(Contact, contact_id)
        assert row is not None
        session.execute(  # someone else's write, unseen by the loaded row
            text("UPDATE contacts SET version = version + 1 WHERE id = :id"), {"id": contact_id}
        )
        row.job_title = "CFO"
        session.flush()
    assert "while you were saving it, so your changes were not saved" in str(refused.value)
    stored = _stored(db, contact_id)
    assert (stored.version, stored.job_title) == (before, None)


# --- moved to the trash meanwhile ---------------------------------------------------------


def _trashed_at(db: Database, model: Any, record_id: str) -> tuple[datetime, str | None]:
    with db.reader() as session:
        row = session.get(model, record_id)
        assert row is not None and row.deleted_at is not None
        return row.deleted_at, row.updated_by


def test_a_record_moved_to_the_trash_meanwhile_is_refused_with_when_and_who(
    db: Database, ben: Database
) -> None:
    """Ben moves the contact to the trash while Anna edits it: her save (and her reload) say
    who did and when, as the refusal of an older copy does, never a raw id."""
    contact_id = _contact(db)
    annas = contact_for_edit(db, contact_id)
    trash.delete(ben, "contact", contact_id)
    with pytest.raises(TrashedError) as refused:
        update_contact(
            db, contact_id, replace(annas.data, job_title="CEO"), expected_version=annas.version
        )
    moved_at, moved_by = _trashed_at(db, Contact, contact_id)
    when = isolate(format_when(moved_at, RIGA))
    if db.is_postgres:  # the server stamped the login that moved it (no member has it: as is)
        assert moved_by == ben.login
        expected = (
            f"{isolate(ben.login or '')} moved this contact to the trash on {when}; restore it "
            "from the Trash to save your changes."
        )
    else:  # a laptop's file has nobody to name: when alone
        assert moved_by is None
        expected = (
            f"This contact was moved to the trash on {when}; restore it from the Trash to save "
            "your changes."
        )
    assert str(refused.value) == expected
    assert contact_id not in str(refused.value)
    # a refusal of the save (the form keeps what was typed), and a record not found
    assert isinstance(refused.value, ConflictError) and isinstance(refused.value, NotFoundError)
    assert refused.value.changed_at == moved_at
    with pytest.raises(TrashedError) as reloaded:  # "Reload what is stored now"
        contact_for_edit(db, contact_id)
    assert str(reloaded.value) == expected
    trash.restore(db, "contact", contact_id)  # nothing of Anna's save was written
    assert contact_input(db, contact_id).job_title is None


def test_recording_for_a_contact_moved_to_the_trash_says_when(db: Database, ben: Database) -> None:
    """Anna logs a call with (or schedules a follow-up for) a contact Ben has just moved to
    the trash: the refusal says when it was moved, as an edit's does, never a raw id; on an
    account in the trash too."""
    account_id = _account(db)
    contact_id = _contact(db, account_id)
    trash.delete(ben, "contact", contact_id)
    call = activity.InteractionInput(
        kind="call", occurred_at=datetime(2026, 5, 4, 9, tzinfo=RIGA), contact_ids=[contact_id]
    )
    follow_up = fu.FollowUpInput(
        contact_id=contact_id, title="Send the offer", local_due=datetime(2026, 5, 6, 10)
    )
    for record in (lambda: activity.log_interaction(db, call), lambda: fu.schedule(db, follow_up)):
        with pytest.raises(TrashedError) as refused:
            record()
        said = str(refused.value)
        assert re.search(r"(moved this|This) contact (was moved )?to the trash on ", said)
        assert contact_id not in str(refused.value)
    trash.delete(ben, "account", account_id)
    on_account = activity.InteractionInput(
        kind="note", occurred_at=datetime(2026, 5, 4, 9, tzinfo=RIGA), account_id=account_id
    )
    with pytest.raises(TrashedError) as refused:
        activity.log_interaction(db, on_account)
    said = str(refused.value)
    assert re.search(r"(moved this|This) account (was moved )?to the trash on ", said)
    with db.reader() as session:  # nothing was written
        assert session.scalar(select(func.count()).select_from(Interaction)) == 0
        assert session.scalar(select(func.count()).select_from(FollowUp)) == 0


def test_a_record_that_is_not_there_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError) as refused, saving(db) as session:
        editable(session, Contact, "no-such-id", 1)
    assert not isinstance(refused.value, TrashedError)
    assert str(refused.value) == "There is no contact with id no-such-id."


# --- every edit flow -----------------------------------------------------------------------


@dataclass(frozen=True)
class Flow:
    """An edit flow: make a record, load it for a form, save a form with ``marker`` typed in,
    and read the marked field back."""

    create: Callable[[Database], str]
    load: Callable[[Database, str], Loaded[Any]]
    save: Callable[[Database, str, Loaded[Any], str], object]
    read: Callable[[Database, str], str | None]


def _followup(db: Database) -> str:
    data = fu.FollowUpInput(_contact(db), "Call", datetime(2027, 3, 22, 10, 0))
    return fu.schedule(db, data).id


FLOWS = {
    "account": Flow(
        _account,
        account_for_edit,
        lambda db, id_, got, m: update_account(
            db, id_, replace(got.data, notes=m), expected_version=got.version
        ),
        lambda db, id_: account_for_edit(db, id_).data.notes,
    ),
    "contact": Flow(
        _contact,
        contact_for_edit,
        lambda db, id_, got, m: update_contact(
            db, id_, replace(got.data, job_title=m), expected_version=got.version
        ),
        lambda db, id_: contact_for_edit(db, id_).data.job_title,
    ),
    "interaction": Flow(
        lambda db: activity.log_interaction(
            db,
            activity.InteractionInput(
                "call", datetime(2026, 11, 2, 9, 0, tzinfo=UTC), contact_ids=[_contact(db)]
            ),
        ),
        activity.interaction_for_edit,
        lambda db, id_, got, m: activity.update_interaction(
            db, id_, replace(got.data, subject=m), expected_version=got.version
        ),
        lambda db, id_: activity.interaction_for_edit(db, id_).data.subject,
    ),
    "deal": Flow(
        lambda db: activity.save_deal(db, activity.DealInput(_account(db), "Pine", "1000", "EUR")),
        activity.deal_for_edit,
        lambda db, id_, got, m: activity.save_deal(
            db, replace(got.data, title=m), id_, expected_version=got.version
        ),
        lambda db, id_: activity.deal_for_edit(db, id_).data.title,
    ),
    "survey": Flow(
        lambda db: activity.save_survey(
            db, activity.SurveyInput(_account(db), "nps", 9, "2026-11-01")
        ),
        activity.survey_for_edit,
        lambda db, id_, got, m: activity.save_survey(
            db, replace(got.data, comment=m), id_, expected_version=got.version
        ),
        lambda db, id_: activity.survey_for_edit(db, id_).data.comment,
    ),
    "gift": Flow(
        lambda db: activity.save_gift(
            db, activity.GiftInput(_account(db), "given", "Amber", "2026-11-01")
        ),
        activity.gift_for_edit,
        lambda db, id_, got, m: activity.save_gift(
            db, replace(got.data, description=m), id_, expected_version=got.version
        ),
        lambda db, id_: activity.gift_for_edit(db, id_).data.description,
    ),
    "note": Flow(
        lambda db: activity.save_note(db, "first", account_id=_account(db)),
        activity.note_for_edit,
        lambda db, id_, got, m: activity.save_note(
            db,
            m,
            account_id=_note_account(db, id_),
            note_id=id_,
            expected_version=got.version,
        ),
        lambda db, id_: activity.note_for_edit(db, id_).data,
    ),
    "country note": Flow(
        lambda db: activity.save_country_note(db, "LV", "first"),
        activity.country_note_for_edit,
        lambda db, id_, got, m: activity.save_country_note(
            db, "LV", m, id_, expected_version=got.version
        ),
        lambda db, id_: activity.country_note_for_edit(db, id_).data,
    ),
    "follow-up": Flow(
        _followup,
        fu.for_edit,
        lambda db, id_, got, m: fu.edit(
            db,
            id_,
            title=m,
            notes=got.data.notes,
            rrule=got.data.rrule,
            local_due=got.data.local_due,
            zone=got.data.zone,
            expected_version=got.version,
        ),
        lambda db, id_: fu.for_edit(db, id_).data.title,
    ),
}


def _note_account(db: Database, note_id: str) -> str:
    from accountdesk.core.db.models import Note

    with db.reader() as session:
        note = session.get(Note, note_id)
        assert note is not None and note.account_id is not None
        return note.account_id


@pytest.mark.parametrize("kind", list(FLOWS))
def test_every_edit_flow_refuses_an_older_copy(db: Database, ben: Database, kind: str) -> None:
    flow = FLOWS[kind]
    record_id = flow.create(db)
    annas, bens = flow.load(db, record_id), flow.load(ben, record_id)

    flow.save(ben, record_id, bens, "Ben's")
    with pytest.raises(ConflictError):
        flow.save(db, record_id, annas, "Anna's")
    assert flow.read(db, record_id) == "Ben's"
    reloaded = flow.load(db, record_id)
    assert reloaded.version == annas.version + 1

    flow.save(db, record_id, reloaded, "Anna's")  # from the reloaded copy: saved
    assert flow.read(ben, record_id) == "Anna's"
    assert flow.load(ben, record_id).version == annas.version + 2


#: How each flow's record is moved to the trash (its kind there) and named in the sentence.
TRASH_KINDS = {
    "account": ("account", "account"),
    "contact": ("contact", "contact"),
    "interaction": ("interaction", "interaction"),
    "deal": ("deal", "deal"),
    "survey": ("survey", "survey response"),
    "gift": ("gift", "gift"),
    "note": ("note", "note"),
    "country note": ("country_note", "country note"),
    "follow-up": ("follow_up", "follow-up"),
}


@pytest.mark.parametrize("kind", list(FLOWS))
def test_every_edit_flow_names_a_move_to_the_trash(db: Database, ben: Database, kind: str) -> None:
    flow = FLOWS[kind]
    trash_kind, noun = TRASH_KINDS[kind]
    record_id = flow.create(db)
    annas = flow.load(db, record_id)
    before = flow.read(db, record_id)
    trash.delete(ben, trash_kind, record_id)

    with pytest.raises(TrashedError) as refused:
        flow.save(db, record_id, annas, "Anna's")
    moved_at, _by = _trashed_at(db, trash.KINDS[trash_kind], record_id)
    when = isolate(format_when(moved_at, RIGA))
    tail = f"this {noun} to the trash on {when}; restore it from the Trash to save your changes."
    if db.is_postgres:
        assert str(refused.value) == f"{isolate(ben.login or '')} moved {tail}"
    else:
        assert str(refused.value) == (
            f"This {noun} was moved to the trash on {when}; restore it from the Trash to save "
            "your changes."
        )
    with pytest.raises(TrashedError) as reloaded:
        flow.load(db, record_id)
    assert str(reloaded.value) == str(refused.value)
    trash.restore(db, trash_kind, record_id)
    assert flow.read(db, record_id) == before  # nothing of the refused save was written


# --- at the same moment ------------------------------------------------------------------


def test_two_saves_at_once_exactly_one_wins(db: Database, ben: Database) -> None:
    contact_id = _contact(db)
    people = {"Anna": db, "Ben": ben}
    loaded = {who: contact_for_edit(conn, contact_id) for who, conn in people.items()}
    both_ready = threading.Barrier(len(people))
    outcome: dict[str, str] = {}

    def save(who: str) -> None:
        both_ready.wait()
        try:
            update_contact(
                people[who],
                contact_id,
                replace(loaded[who].data, job_title=f"{who}'s title"),
                expected_version=loaded[who].version,
            )
        except ConflictError:
            outcome[who] = "refused"
        else:
            outcome[who] = "saved"

    threads = [threading.Thread(target=save, args=(who,)) for who in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcome.values()) == ["refused", "saved"]
    winner = next(who for who, result in outcome.items() if result == "saved")
    stored = _stored(db, contact_id)
    assert stored.job_title == f"{winner}'s title"
    assert stored.version == loaded["Anna"].version + 1


def _lock_waiters(db: Database) -> int:
    with db.engine.connect() as conn:
        found = conn.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
        ).scalar()
        conn.rollback()
    return int(found or 0)


def test_on_a_server_the_second_save_waits_for_the_first_and_is_then_refused(
    db: Database, ben: Database
) -> None:
    if not db.is_postgres:
        pytest.skip("row locks are the server's (SQLite has one writer at a time)")
    contact_id = _contact(db)
    annas = contact_for_edit(db, contact_id)
    outcome: list[BaseException | None] = []

    def anna_saves() -> None:
        try:
            update_contact(
                db, contact_id, replace(annas.data, job_title="CEO"), expected_version=annas.version
            )
        except ConflictError as error:
            outcome.append(error)
        else:
            outcome.append(None)

    anna = threading.Thread(target=anna_saves)
    with saving(ben) as session:  # Ben's save holds the row...
        row = editable(session, Contact, contact_id, annas.version)
        assert row is not None
        row.job_title = "CFO"  # (not flushed: the lock alone holds her back)
        anna.start()  # ...while Anna's save, from the same version, starts
        for _attempt in range(2000):
            if _lock_waiters(ben) or not anna.is_alive():
                break
            threading.Event().wait(0.005)
        assert anna.is_alive() and _lock_waiters(ben) == 1  # she waits for his lock
    anna.join()
    assert len(outcome) == 1 and isinstance(outcome[0], ConflictError)
    assert "changed this record on" in str(outcome[0])  # she read his version after his commit
    assert contact_input(db, contact_id).job_title == "CFO"


# --- who: a member's name ------------------------------------------------------------------


@pytest.fixture
def roles(db: Database, pg_cluster: Any) -> Iterator[dict[str, str]]:
    """Two members with roles of their own (the server stamps their login on what they write):
    name -> URL to connect as them."""
    database = make_url(db.url).database
    suffix = uuid.uuid4().hex[:8]
    logins = {"Ben Ozols": f"ben_{suffix}", "Anna Kalniņa": f"anna_{suffix}"}
    for login in logins.values():
        pg_cluster.execute(f"CREATE ROLE {login} LOGIN PASSWORD 'pw-{login}'")
        pg_cluster.execute(
            f"GRANT USAGE ON SCHEMA public TO {login}; "
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {login}; "
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {login}",
            database=database,
        )
    with db.transaction() as session:
        for name, login in logins.items():
            session.add(User(login=login, name=name, role="rep"))
    yield {
        name: pg_cluster.url(database, user=login, pw=f"pw-{login}")
        for name, login in logins.items()
    }
    for login in logins.values():
        pg_cluster.execute(f"DROP OWNED BY {login}", database=database)
        pg_cluster.execute(f"DROP ROLE {login}")


def test_the_refusal_names_the_member_who_saved(
    db: Database, request: pytest.FixtureRequest
) -> None:
    if not db.is_postgres:
        pytest.skip("a laptop's file has no members (the time alone: the first test)")
    urls = request.getfixturevalue("roles")
    contact_id = _contact(db)
    ben, anna = open_database(urls["Ben Ozols"]), open_database(urls["Anna Kalniņa"])
    try:
        settings.put(anna, "user.zone", "Europe/Riga")  # her own zone: the refusal's time
        annas = contact_for_edit(anna, contact_id)
        bens = contact_for_edit(ben, contact_id)
        update_contact(
            ben, contact_id, replace(bens.data, job_title="CFO"), expected_version=bens.version
        )
        with pytest.raises(ConflictError) as refused:
            update_contact(
                anna,
                contact_id,
                replace(annas.data, job_title="CEO"),
                expected_version=annas.version,
            )
    finally:
        ben.close()
        anna.close()
    stored = _stored(db, contact_id)
    assert stored.job_title == "CFO"
    assert refused.value.changed_by == stored.updated_by == make_url(urls["Ben Ozols"]).username
    when = isolate(format_when(stored.updated_at, RIGA))
    assert str(refused.value) == (
        f"{isolate('Ben Ozols')} changed this record on {when}, after you opened it, so your "
        "changes were not saved. Reload it to see their changes, then make yours again."
    )


def test_a_move_to_the_trash_names_the_member_who_moved_it(
    db: Database, request: pytest.FixtureRequest
) -> None:
    if not db.is_postgres:
        pytest.skip("a laptop's file has no members (the time alone: the test above)")
    urls = request.getfixturevalue("roles")
    contact_id = _contact(db)
    ben, anna = open_database(urls["Ben Ozols"]), open_database(urls["Anna Kalniņa"])
    try:
        settings.put(anna, "user.zone", "Europe/Riga")
        annas = contact_for_edit(anna, contact_id)
        trash.delete(ben, "contact", contact_id)
        with pytest.raises(TrashedError) as refused:
            update_contact(
                anna,
                contact_id,
                replace(annas.data, job_title="CEO"),
                expected_version=annas.version,
            )
        with pytest.raises(TrashedError) as reloaded:
            contact_for_edit(anna, contact_id)
    finally:
        ben.close()
        anna.close()
    moved_at, moved_by = _trashed_at(db, Contact, contact_id)
    assert refused.value.changed_by == moved_by == make_url(urls["Ben Ozols"]).username
    when = isolate(format_when(moved_at, RIGA))
    expected = (
        f"{isolate('Ben Ozols')} moved this contact to the trash on {when}; restore it from the "
        "Trash to save your changes."
    )
    assert str(refused.value) == str(reloaded.value) == expected
