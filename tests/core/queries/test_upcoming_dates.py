"""Today's "important dates in the next 7 days": a 29 February birthday in a common year, and a
date stored without a reminder."""

from __future__ import annotations

from datetime import UTC, date, datetime

from accountdesk.core.db.engine import Database
from accountdesk.core.queries.today import today_view
from accountdesk.core.records import AccountInput, ContactInput, ImportantDateInput
from accountdesk.core.services.accounts import create_account, create_contact


def _contact(db: Database, given: str, *dates: ImportantDateInput) -> str:
    account = create_account(db, AccountInput("Baltic Timber", "LV", timezone="Europe/Riga"))
    return create_contact(
        db,
        ContactInput(
            account, given, "LV", family_name="Ozola", timezone="Europe/Riga", important_dates=dates
        ),
    )


def _dates(db: Database, now: datetime) -> list[tuple[str, date, int | None]]:
    return [(d.contact_name, d.on, d.years) for d in today_view(db, now, "Europe/Riga").dates]


def test_a_leap_day_birthday_is_shown_on_28_february_in_a_common_year(db: Database) -> None:
    _contact(db, "Anna", ImportantDateInput("birthday", 2, 29, 1988))
    # 2027 has no 29 February: the birthday was never shown (three years in four)
    assert _dates(db, datetime(2027, 2, 25, 9, 0, tzinfo=UTC)) == [
        ("Anna Ozola", date(2027, 2, 28), 39)
    ]
    # a leap year shows it on its own day, once
    assert _dates(db, datetime(2028, 2, 25, 9, 0, tzinfo=UTC)) == [
        ("Anna Ozola", date(2028, 2, 29), 40)
    ]


def test_a_date_stored_without_a_reminder_is_not_shown(db: Database) -> None:
    _contact(
        db,
        "Ilze",
        ImportantDateInput("birthday", 3, 3, 1990, remind=False),
        ImportantDateInput("work_anniversary", 3, 4, 2015),
    )
    assert _dates(db, datetime(2027, 3, 1, 9, 0, tzinfo=UTC)) == [
        ("Ilze Ozola", date(2027, 3, 4), 12)
    ]
