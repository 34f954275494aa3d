"""A follow-up is not scheduled with a repeat rule out of range or with no date from its
first occurrence; nothing is stored."""

from __future__ import annotations

from datetime import datetime

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.queries.followups import list_follow_ups
from accountdesk.core.services import followups as fu
from accountdesk.core.validation import ValidationError
from series import NOW, contact_in


@pytest.mark.parametrize(
    ("rule", "said"),
    [
        ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY must be 1 to 31 or −31 to −1, not “0”"),
        ("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY must be 1 to 31 or −31 to −1, not “32”"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "never repeats on a date that exists"),
        ("FREQ=WEEKLY;UNTIL=20260101", "no date on or after"),
    ],
)
def test_a_rule_that_cannot_run_is_refused(db: Database, rule: str, said: str) -> None:
    ilze = contact_in(db, "Ilze", "Dzintars", "LV", "Europe/Riga")
    with pytest.raises(ValidationError) as info:
        fu.schedule(db, fu.FollowUpInput(ilze, "Call", datetime(2027, 1, 31, 10), rrule=rule))
    assert said in info.value.message
    assert list_follow_ups(db, now=NOW, user_zone="UTC", status=None) == []
