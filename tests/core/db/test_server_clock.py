"""On a team server a record's times come from the server's clock: a laptop whose clock is
23 months behind no longer writes "changed on 3 Jan 2025" (review 24, defect 8). Records
copied with their history (an upload, a JSON import) keep their times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, text, update

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account
from accountdesk.core.io.json_io import insert_rows
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from teamserver import Team

WRONG = datetime(2025, 1, 3, 8, 0, tzinfo=UTC)


def _server_now(db: Database) -> datetime:
    with db.reader() as session:
        found = session.execute(text("SELECT now() AT TIME ZONE 'UTC'")).scalar()
    assert isinstance(found, datetime)
    return found.replace(tzinfo=UTC)


def _times(db: Database, id_: str) -> tuple[datetime, datetime, datetime | None]:
    with db.reader() as session:
        row = session.execute(
            select(Account.created_at, Account.updated_at, Account.deleted_at).where(
                Account.id == id_
            )
        ).one()
    return row[0], row[1], row[2]


def test_a_wrong_laptop_clock_does_not_stamp_the_server(team: Team) -> None:
    ben = team.connect(team.ben)
    try:
        account = create_account(ben, AccountInput(name="Fjord Fisk AS", country="NO"))
        with ben.transaction() as session:  # what a laptop with a wrong clock writes
            session.execute(
                update(Account)
                .where(Account.id == account)
                .values(updated_at=WRONG, deleted_at=WRONG, version=Account.version + 1)
            )
        now = _server_now(ben)
        created, updated, deleted = _times(ben, account)
        for stamp in (created, updated, deleted):
            assert stamp is not None and abs(stamp - now) < timedelta(minutes=5)
        with ben.transaction() as session:
            session.add(Account(name="Tallinn Tech OÜ", country="EE", created_at=WRONG))
            session.flush()
            new = session.scalars(select(Account.id).where(Account.name == "Tallinn Tech OÜ")).one()
        created, updated, _ = _times(ben, new)
        assert abs(created - now) < timedelta(minutes=5) and abs(updated - now) < timedelta(
            minutes=5
        )
    finally:
        ben.close()


def test_copied_records_keep_their_times(team: Team) -> None:
    anna = team.connect(team.anna)
    try:
        with anna.transaction() as session:
            insert_rows(
                session.connection(),
                {
                    "accounts": [
                        {
                            "id": "0190aaaa-0000-7000-8000-000000000001",
                            "name": "Old SIA",
                            "country": "LV",
                            "owner": team.anna,
                            "created_at": WRONG,
                            "updated_at": WRONG,
                        }
                    ]
                },
            )
        created, updated, _ = _times(anna, "0190aaaa-0000-7000-8000-000000000001")
        assert (created, updated) == (WRONG, WRONG)
    finally:
        anna.close()
