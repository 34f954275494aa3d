"""Two apps starting at the same moment on a team server raise each stay-in-touch follow-up
once (review 24, defect 6): two connections, the second starting while the first is half-way
through its transaction."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from accountdesk.core.db.models import FollowUp
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import accounts, followups
from teamserver import Team


def test_two_starts_at_once_raise_each_follow_up_once(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    anna, ben = team.connect(team.anna), team.connect(team.ben)
    try:
        account = accounts.create_account(anna, AccountInput(name="Stay Race GmbH", country="DE"))
        for i in range(3):
            accounts.create_contact(
                anna,
                ContactInput(
                    account_id=account,
                    given_name=f"Person{i}",
                    family_name="Müller",
                    country="DE",
                    stay_in_touch_days=7,
                ),
            )
        later = datetime.now(UTC) + timedelta(days=30)
        original = followups.last_touch_by_contact
        reading = threading.Event()

        def slow(session: Any) -> Any:
            found = original(session)
            if threading.current_thread().name == "anna":
                reading.set()
                time.sleep(0.5)  # Ben's app starts meanwhile
            return found

        monkeypatch.setattr(followups, "last_touch_by_contact", slow)
        raised: dict[str, list[str]] = {}

        def start(who: str, db: Any) -> None:
            if who == "ben":
                reading.wait(10)
            raised[who] = followups.raise_stay_in_touch(db, clock=lambda: later)

        threads = [
            threading.Thread(target=start, args=(who, db), name=who)
            for who, db in (("anna", anna), ("ben", ben))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert sorted(len(v) for v in raised.values()) == [0, 3]
        with anna.reader() as session:
            per_contact = session.execute(
                select(FollowUp.contact_id, func.count())
                .where(FollowUp.status == "open")
                .group_by(FollowUp.contact_id)
            ).all()
        assert len(per_contact) == 3 and all(n == 1 for _c, n in per_contact)
    finally:
        anna.close()
        ben.close()
