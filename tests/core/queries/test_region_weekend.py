"""A region's own weekend (Kelantan rests Friday–Saturday, Selangor Saturday–Sunday) in
every place that asks whether a contact is at work, not only in the reach-out panel's status:
Today's "working now", the user's own week."""

from __future__ import annotations

from datetime import UTC, datetime

from accountdesk.core import settings
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.today import today_view
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact

#: Friday 4 December 2026, 10:00 in Kuala Lumpur
FRIDAY_MORNING = datetime(2026, 12, 4, 2, 0, tzinfo=UTC)
KL = "Asia/Kuala_Lumpur"


def test_today_counts_a_kelantan_contact_off_on_friday(db: Database) -> None:
    account = create_account(db, AccountInput(name="Syarikat Maju", country="MY", timezone=KL))
    for given, region in (("Aisyah", "MY-03"), ("Farid", "MY-10")):  # Kelantan, Selangor
        create_contact(
            db,
            ContactInput(
                account_id=account, given_name=given, family_name="Rahman", country="MY",
                subdivision=region, timezone=KL, work_start="09:00", work_end="17:00",
            ),
        )  # fmt: skip
    view = today_view(db, FRIDAY_MORNING, "Europe/Riga")
    assert [w.name for w in view.working] == ["Farid Rahman"]
    assert view.working_total == 1


def test_the_users_own_week_is_their_regions(db: Database) -> None:
    settings.put_many(db, {"user.country": "MY", "user.subdivision": "MY-03"})
    assert settings.user_calendar(db).hours.weekend == frozenset({4, 5})  # Friday, Saturday
    settings.put_many(db, {"user.subdivision": "MY-10"})
    assert settings.user_calendar(db).hours.weekend == frozenset({5, 6})
