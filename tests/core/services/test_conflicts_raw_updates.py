"""Writes that bypass the ORM (Core ``update()`` of a record table) raise the version too
(services/conflicts.py ``bumped``), so a form opened before them is refused like one opened
before another person's save: an import over a contact, a call that closes a stay-in-touch
follow-up, a merge, the start-up's recomputed due instants.

The last test reads the source: every ``update()`` in src adds ``bumped(...)`` or is named in
RAW_UPDATES_UNBUMPED with its reason.
"""

from __future__ import annotations

import ast
import io
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Contact, FollowUp, Interaction, table
from accountdesk.core.io.csv_io import export_csv, import_csv
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import activity
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
from accountdesk.core.services.conflicts import ConflictError, bumped
from accountdesk.core.services.duplicates import merge, undo_merge

SRC = Path(__file__).resolve().parents[3] / "src" / "accountdesk"


def _account(db: Database) -> str:
    return create_account(db, AccountInput(name="Acme", country="DE", city="Hamburg"))


def _contact(db: Database, account_id: str, given: str = "Anna", **extra: object) -> str:
    data = ContactInput(
        account_id=account_id,
        given_name=given,
        family_name="Berg",
        country="DE",
        timezone="Europe/Berlin",
        job_title="Buyer",
    )
    return create_contact(db, replace(data, **extra))


def _version(db: Database, model: type[Contact | FollowUp | Interaction], id_: str) -> int:
    with db.reader() as session:
        row = session.get(model, id_)
        assert row is not None
        return row.version


# --- the writes ----------------------------------------------------------------------------


def test_a_csv_import_over_a_contact_and_its_account_refuses_the_older_forms(
    db: Database, tmp_path: Path
) -> None:
    account_id = _account(db)
    contact_id = _contact(db, account_id)
    contact_form = contact_for_edit(db, contact_id)  # A opens both editors
    account_form = account_for_edit(db, account_id)
    out = io.StringIO()
    export_csv(db, out)  # B exports, changes the job title and the city, imports
    edited = out.getvalue().replace("Buyer", "Head of Purchasing").replace("Hamburg", "Bremen")
    path = tmp_path / "edited.csv"
    path.write_text(edited, encoding="utf-8")
    import_csv(db, path)
    assert contact_input(db, contact_id).job_title == "Head of Purchasing"
    assert _version(db, Contact, contact_id) == contact_form.version + 1

    with pytest.raises(ConflictError):  # A's save would put "Buyer" back unseen
        update_contact(
            db, contact_id, replace(contact_form.data, city="Berlin"),
            expected_version=contact_form.version,
        )  # fmt: skip
    with pytest.raises(ConflictError):
        update_account(
            db, account_id, replace(account_form.data, notes="x"),
            expected_version=account_form.version,
        )  # fmt: skip
    assert contact_input(db, contact_id).job_title == "Head of Purchasing"
    assert account_for_edit(db, account_id).data.city == "Bremen"


def test_a_logged_call_that_closes_a_stay_in_touch_follow_up_refuses_the_older_form(
    db: Database,
) -> None:
    account_id = _account(db)
    contact_id = _contact(db, account_id)
    scheduled = fu.schedule(
        db,
        fu.FollowUpInput(
            contact_id=contact_id,
            title="Stay in touch",
            local_due=datetime(2026, 12, 5, 9),
            origin="stay_in_touch",
        ),
    )
    form = fu.for_edit(db, scheduled.id)  # A opens the rescheduling form
    activity.log_interaction(  # B logs a call: the follow-up is done
        db,
        activity.InteractionInput(
            kind="call",
            occurred_at=datetime(2026, 11, 29, 10, tzinfo=UTC),
            contact_ids=[contact_id],
            account_id=account_id,
            subject="call",
        ),
    )
    assert _version(db, FollowUp, scheduled.id) == form.version + 1
    with pytest.raises(ConflictError):  # A's save would reopen it unseen
        fu.edit(
            db, scheduled.id, title=form.data.title, notes=None, rrule=None,
            local_due=datetime(2026, 12, 8, 9), expected_version=form.version,
        )  # fmt: skip
    with db.reader() as session:
        stored = session.get(FollowUp, scheduled.id)
        assert stored is not None
        assert stored.status == "done"


def test_recomputed_due_instants_refuse_the_older_form(db: Database) -> None:
    contact_id = _contact(db, _account(db))
    scheduled = fu.schedule(db, fu.FollowUpInput(contact_id, "Call", datetime(2027, 3, 22, 10, 0)))
    follow_ups = table(FollowUp)
    with db.transaction() as session:  # as if tzdata's rules for the zone had changed since
        session.execute(
            update(follow_ups)
            .where(follow_ups.c.id == scheduled.id)
            .values(due_at=scheduled.resolution.instant + timedelta(hours=1))
        )
    form = fu.for_edit(db, scheduled.id)
    assert fu.recompute_due(db) == 1
    assert _version(db, FollowUp, scheduled.id) == form.version + 1
    with pytest.raises(ConflictError):
        fu.edit(
            db, scheduled.id, title="Call again", notes=None, rrule=None,
            local_due=datetime(2027, 3, 23, 10), expected_version=form.version,
        )  # fmt: skip


def test_a_merge_and_its_undoing_refuse_forms_opened_before_them(db: Database) -> None:
    account_id = _account(db)
    kept = _contact(db, account_id, "Anna", tags=["wood"])
    other = _contact(db, account_id, "Ann", tags=["steel"])
    follow_up = fu.schedule(db, fu.FollowUpInput(other, "Call", datetime(2027, 3, 22, 10))).id
    call = activity.log_interaction(
        db,
        activity.InteractionInput(
            kind="call",
            occurred_at=datetime(2026, 11, 29, 10, tzinfo=UTC),
            contact_ids=[other],
            account_id=account_id,
            subject="call",
        ),
    )
    kept_form = contact_for_edit(db, kept)
    call_form = activity.interaction_for_edit(db, call)
    follow_up_form = fu.for_edit(db, follow_up)
    result = merge(db, kept, [other])
    # the kept contact (no field of its own changed: it had all), the interaction whose
    # participant moved, and the moved follow-up each have a new version
    assert _version(db, Contact, kept) == kept_form.version + 1
    assert _version(db, Interaction, call) == call_form.version + 1
    assert _version(db, FollowUp, follow_up) == follow_up_form.version + 1
    with pytest.raises(ConflictError):  # would drop the tag "steel" the merge brought
        update_contact(
            db, kept, replace(kept_form.data, city="Kiel"), expected_version=kept_form.version
        )
    with pytest.raises(ConflictError):  # would put the trashed contact back as participant
        activity.update_interaction(
            db, call, replace(call_form.data, subject="Call"), expected_version=call_form.version
        )
    assert sorted(contact_input(db, kept).tags) == ["steel", "wood"]

    kept_form = contact_for_edit(db, kept)
    call_form = activity.interaction_for_edit(db, call)
    follow_up_form = fu.for_edit(db, follow_up)
    undo_merge(db, result.merge_id)
    assert _version(db, Contact, kept) == kept_form.version + 1
    assert _version(db, Interaction, call) == call_form.version + 1
    assert _version(db, FollowUp, follow_up) == follow_up_form.version + 1
    with pytest.raises(ConflictError):  # would keep the tag "steel" that went back
        update_contact(
            db, kept, replace(kept_form.data, city="Kiel"), expected_version=kept_form.version
        )
    assert contact_input(db, kept).tags == ["wood"]


def test_bumped_raises_the_version_by_one_and_stamps_the_instant(db: Database) -> None:
    """On a laptop's file the caller's instant; on a team server the server's clock."""
    contact_id = _contact(db, _account(db))
    before = _version(db, Contact, contact_id)
    when = datetime(2027, 1, 2, 3, 4, tzinfo=UTC)
    contacts = table(Contact)
    with db.transaction() as session:
        session.execute(
            update(contacts).where(contacts.c.id == contact_id).values(bumped(contacts, when))
        )
    with db.reader() as session:
        row = session.get(Contact, contact_id)
        assert row is not None
        assert row.version == before + 1
        if not db.is_postgres:
            assert row.updated_at == when
        else:  # a team server stamps its own clock's instant (migration 0016), not a client's
            assert abs(row.updated_at - datetime.now(UTC)) < timedelta(minutes=5)


# --- every raw update in the source --------------------------------------------------------

#: (file under src/accountdesk, function) -> (how many update() statements there do not add
#: bumped(...), why). A stale or missing entry fails the test below.
RAW_UPDATES_UNBUMPED: dict[tuple[str, str], tuple[int, str]] = {
    ("core/services/followups.py", "mark_notified"): (
        1,
        "reminder bookkeeping (notified_at), not an edit: a form opened before the reminder "
        "fired still saves",
    ),
    ("core/io/csv_io.py", "_set_referrers"): (
        1,
        "sets the referrer of this import's own accounts, each inserted or bumped earlier in "
        "the same transaction",
    ),
    ("core/io/json_io.py", "insert_rows"): (
        1,
        "completes rows inserted by the same statement's transaction (no one can have loaded "
        "them) and keeps their exported version",
    ),
    ("core/services/duplicates.py", "move_links"): (
        1,
        "moves a link row (contact_tags, interaction_participants, account_tags: no version); "
        "_bump_linked raises its record's",
    ),
    ("core/services/duplicates.py", "links_back"): (
        1,
        "moves a link row back (no version); _bump_linked raises its record's",
    ),
    ("core/db/server.py", "_add_member"): (
        1,
        "a member's row (users) rewritten by the administrator's add-user; no form edits it",
    ),
    ("core/db/sync.py", "_apply"): (
        1,
        "writes the server's row into an offline copy with the server's version (raised there "
        "by the change): a form opened before is refused or merged as after an online save",
    ),
    ("core/db/sync.py", "_merge_unique"): (
        1,
        "moves a link row (account_tags, contact_tags: no version) to the server's tag",
    ),
    ("core/db/sync.py", "_send"): (
        1,
        "a copy's change sent to the server raises the version itself (version + 1)",
    ),
    ("core/services/privacy.py", "finish_erasures"): (
        1,
        "marks an erase's record (unfinished_erasures: no version, no form) as having rebuilt "
        "the file",
    ),
}


def _is_update(call: ast.Call) -> bool:
    """``update(x)`` (sqlalchemy's) or ``x.update()`` (a Table's: no arguments, unlike a
    dict's or a set's)."""
    func = call.func
    if isinstance(func, ast.Name):
        return func.id == "update"
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "update"
        and not call.args
        and not call.keywords
    )


def _calls_bumped(node: ast.AST, names: set[str]) -> bool:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name) and sub.func.id == "bumped":
            return True
        if isinstance(sub, ast.Name) and sub.id in names:
            return True
    return False


def _unbumped_updates() -> Counter[tuple[str, str]]:
    found: Counter[tuple[str, str]] = Counter()
    for path in sorted((SRC / "core").rglob("*.py")):  # the ui never holds a session
        if "migrations" in path.parts:
            continue  # schema changes, before any form exists
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            # names given a value made with bumped(...), or updated with one, in the function
            names: set[str] = set()
            for node in ast.walk(func):
                value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
                if value is not None and _calls_bumped(value, set()):
                    assert isinstance(node, ast.Assign | ast.AnnAssign)
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    names |= {t.id for t in targets if isinstance(t, ast.Name)}
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "update"
                    and isinstance(node.func.value, ast.Name)
                    and any(_calls_bumped(a, set()) for a in node.args)
                ):
                    names.add(node.func.value.id)
            nested = {
                id(n)
                for inner in ast.walk(func)
                if inner is not func and isinstance(inner, ast.FunctionDef)
                for n in ast.walk(inner)
            }
            for node in ast.walk(func):
                if id(node) in nested or not isinstance(node, ast.Call) or not _is_update(node):
                    continue
                chain = _statement_of(func, node)
                if not _calls_bumped(chain, names):
                    found[(path.relative_to(SRC).as_posix(), func.name)] += 1
    return found


def _statement_of(func: ast.AST, call: ast.Call) -> ast.AST:
    """The outermost expression around ``call`` (``conn.execute(update(t).where().values())``)."""
    for stmt in ast.walk(func):
        if (
            isinstance(stmt, ast.stmt)
            and not isinstance(
                stmt, ast.FunctionDef | ast.For | ast.If | ast.With | ast.While | ast.Try
            )
            and any(n is call for n in ast.walk(stmt))
        ):
            return stmt
    raise AssertionError("an update() outside a statement")


def test_every_raw_update_of_a_record_table_raises_the_version() -> None:
    expected = Counter({key: count for key, (count, _why) in RAW_UPDATES_UNBUMPED.items()})
    assert _unbumped_updates() == expected
