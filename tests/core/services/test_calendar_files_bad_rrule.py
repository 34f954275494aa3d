"""An imported event whose RRULE cannot be read is refused with the message the scheduling
dialog gives for the same rule (it said “FREQ “WEEKLY\\” is unknown”: the rule was read back
escaped, its ';' as '\\;')."""

from __future__ import annotations

from pathlib import Path

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.errors import UserError
from accountdesk.core.services import calendar_files
from accountdesk.core.timekeeping.recurrence import validate_rrule
from series import contact_in


@pytest.mark.parametrize(
    "rule", ["FREQ=WEEKLY;INTERVAL=x", "FREQ=MONTHLY;BYMONTHDAY=0", "FREQ=WEEKLY;BYDAY=XX"]
)
def test_a_bad_rule_gets_the_dialogs_message(db: Database, tmp_path: Path, rule: str) -> None:
    ilze = contact_in(db, "Ilze", "Dzintars", "LV", "Europe/Riga")
    path = tmp_path / "bad.ics"
    path.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        b"UID:a@example.com\r\nSUMMARY:Weekly\r\nDTSTART;TZID=Europe/Riga:20270104T100000\r\n"
        b"RRULE:" + rule.encode() + b"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    with pytest.raises(ValueError) as dialog:
        validate_rrule(rule)
    with pytest.raises(UserError) as info:
        calendar_files.import_follow_ups(db, path, ilze)
    assert str(dialog.value) in info.value.message
    assert "\\" not in info.value.message
    assert "Event 1 (line 4)" in info.value.message
