"""A reminder says with whom and when (their time) each follow-up is, the latest first: three
follow-ups titled alike were three identical names, and the oldest were the ones named."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.i18n import use_language
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import followups as service
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.ui import tasks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _person(db: Any, given: str, family: str, country: str, zone: str) -> str:
    account = create_account(db, AccountInput(name=f"{family} Ltd", country=country, timezone=zone))
    return create_contact(
        db,
        ContactInput(
            account_id=account, given_name=given, family_name=family, country=country,
            timezone=zone,
        ),
    )  # fmt: skip


@pytest.fixture
def three(ctx: Any) -> None:
    """ "Send price list" three times, due before the clock (12 March 2025, 09:30 UTC): in New
    York on the 11th, in Kolkata and in Berlin on the 12th, each at 09:00 there."""
    for given, family, country, zone, day in (
        ("Sabine", "Weiß", "DE", "Europe/Berlin", 12),
        ("Jane", "Doe", "US", "America/New_York", 11),
        ("Ananya", "Iyer", "IN", "Asia/Kolkata", 12),
    ):
        contact = _person(ctx.db, given, family, country, zone)
        when = datetime(2025, 3, day, 9)
        service.schedule(ctx.db, service.FollowUpInput(contact, "Send price list", when))


def _bar(reminding: Any) -> str:
    _window, reminders = reminding("today")
    reminders.check()
    tasks.wait_all()
    return plain(reminders.bar.text())


def test_a_reminder_names_whom_and_when_the_latest_first(reminding: Any, three: None) -> None:
    assert _bar(reminding) == (
        "<b>3 follow-ups are due.</b> "
        "Send price list – Sabine Weiß, 12 Mar, 09:00 (Berlin); "
        "Send price list – Ananya Iyer, 12 Mar, 09:00 (Kolkata); "
        "Send price list – Jane Doe, 11 Mar, 09:00 (New York)"
    )


def test_a_persian_reminder_names_them_in_persian(reminding: Any, three: None) -> None:
    with use_language("fa"):
        text = _bar(reminding)
    assert "Sabine Weiß" in text and "Ananya Iyer" in text
    assert text.index("Sabine Weiß") < text.index("Jane Doe")
    assert "۰۹:۰۰" in text or "۹:۰۰" in text  # the times in Persian digits
    assert "؛" in text  # the language's semicolon between them
