from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from accountdesk.core.db.engine import Database
from accountdesk.core.queries.details import account_detail, contact_detail
from accountdesk.core.queries.lists import (
    ListFilter,
    account_ids,
    account_rows,
    contact_ids,
    contact_rows,
    filter_choices,
)
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.timekeeping.workhours import WorkingHours, work_status
from shown import count_live


def _data(db: Database) -> tuple[str, str, str]:
    riga = create_account(
        db, AccountInput("Baltic Timber", "LV", timezone="Europe/Riga", tier="gold", owner="Ann")
    )
    izmir = create_account(db, AccountInput("Ege Gıda", "TR", timezone="Europe/Istanbul"))
    anna = create_contact(
        db, ContactInput(riga, "Anna", "LV", family_name="Ozola", timezone="Europe/Riga")
    )
    create_contact(
        db, ContactInput(izmir, "Ayşe", "TR", family_name="Yılmaz", timezone="Europe/Istanbul")
    )
    return riga, izmir, anna


def test_ids_are_filtered_and_sorted_in_sql(db: Database) -> None:
    riga, izmir, anna = _data(db)
    assert account_ids(db) == [riga, izmir]
    assert account_ids(db, sort="name", descending=True) == [izmir, riga]
    assert account_ids(db, ListFilter(text="ege")) == [izmir]
    assert account_ids(db, ListFilter(tier="gold", owner="Ann")) == [riga]
    assert len(contact_ids(db, ListFilter(text="yilmaz"))) == 1
    assert contact_ids(db, ListFilter(country="LV")) == [anna]
    assert contact_ids(db, ListFilter(text="!!!")) == []
    rows = account_rows(db, [izmir, riga])
    assert [r.name for r in rows] == ["Ege Gıda", "Baltic Timber"]
    assert rows[1].contacts == 1
    assert contact_rows(db, [anna])[0].account_name == "Baltic Timber"
    assert filter_choices(db).countries == ["LV", "TR"]
    assert count_live(db) == (2, 2)


def test_trashed_records_leave_the_lists(db: Database) -> None:
    riga, _izmir, anna = _data(db)
    trash.delete(db, "account", riga)
    assert riga not in account_ids(db)
    assert anna not in contact_ids(db)  # its account is in the trash


def test_details(db: Database) -> None:
    riga, _izmir, anna = _data(db)
    detail = account_detail(db, riga)
    assert [c.id for c in detail.contacts] == [anna]
    assert detail.figures.contacts == 1
    assert contact_detail(db, anna).account_name == "Baltic Timber"


def test_work_status_uses_the_contacts_zone_and_own_hours() -> None:
    wednesday = datetime(2025, 3, 12, 9, 30, tzinfo=UTC)

    def status(zone: str, country: str, start: str | None, end: str | None, at: datetime) -> Any:
        hours = WorkingHours.for_contact(country, start, end, subdivision=None)
        return work_status(at, zone, country, None, hours)

    assert status("Europe/Riga", "LV", None, None, wednesday).working
    late = status("Europe/Riga", "LV", "08:00", "10:00", wednesday)
    assert not late.working and late.reason == "outside_hours"
    assert status("Asia/Tokyo", "JP", None, None, wednesday).local.hour == 18
    saturday = datetime(2025, 3, 15, 9, 30, tzinfo=UTC)
    assert status("Europe/Riga", "LV", None, None, saturday).reason == "weekend"
