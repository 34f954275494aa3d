"""The scheduling dialog's "Next good times for both of you" say each time on both clocks, the
contact's and the user's, each zone named as the dialog names the user's own time below the
typed one: a Tehran user read a Bangkok contact's 12:30 as their own and booked a call 3½ hours
off (UX review 30, item 5). One time when both clocks say the same; the user's day when it is
another than theirs; in Persian with Persian digits and the Persian semicolon between them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from accountdesk.core import settings
from accountdesk.core.clock import fixed_clock

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

#: A Sunday morning in December (no daylight saving time in Tehran, Bangkok or Tokyo).
SUNDAY = datetime(2026, 12, 13, 6, 0, tzinfo=UTC)


@pytest.fixture
def language() -> Iterator[Any]:
    from accountdesk.ui.app import apply_language

    yield apply_language
    apply_language("en")


def _dialog(db: Any, qtbot: Any, me: tuple[str, str], contact: str) -> Any:
    """The dialog of a user whose zone and country are ``me``, for ``contact``, on SUNDAY, with
    Monday 06:00 their time typed: the suggestions are the first times after it."""
    from accountdesk.ui.context import AppContext
    from accountdesk.ui.followups.schedule import ScheduleDialog

    settings.put(db, "user.zone", me[0])
    settings.put(db, "user.country", me[1])
    ctx = AppContext(db, clock=fixed_clock(SUNDAY))
    dialog = ScheduleDialog(ctx, contact, title="Call", local=datetime(2026, 12, 14, 6, 0))
    qtbot.addWidget(dialog)
    return dialog


def test_each_suggestion_says_their_time_and_mine(db: Any, qtbot: Any, person: Any) -> None:
    somchai = person("Somchai", "TH", "Asia/Bangkok", "Jaidee")
    dialog = _dialog(db, qtbot, ("Asia/Tehran", "IR"), somchai)
    texts = [button.text() for button in dialog.suggestion_buttons]
    # Bangkok is 3½ hours ahead of Tehran: my day starts at 09:00, their 12:30
    assert texts == [
        "Mon 14 Dec, 12:30 (Bangkok); 09:00 (Tehran)",
        "Mon 14 Dec, 13:00 (Bangkok); 09:30 (Tehran)",
        "Mon 14 Dec, 13:30 (Bangkok); 10:00 (Tehran)",
    ]
    # the button sets their wall time, and the dialog's "Your time" says the same as the button
    dialog.suggestion_buttons[0].click()
    assert dialog.local() == datetime(2026, 12, 14, 12, 30)
    assert dialog.yours.text() == "Monday, 14 December 2026, 09:00 (Tehran)"


def test_the_same_time_on_both_clocks_is_said_once(db: Any, qtbot: Any, person: Any) -> None:
    """Riga and Vilnius keep the same clock: no second time, no zones."""
    rasa = person("Rasa", "LT", "Europe/Vilnius", "Kazlauskienė")
    dialog = _dialog(db, qtbot, ("Europe/Riga", "LV"), rasa)
    texts = [button.text() for button in dialog.suggestion_buttons]
    assert texts[0] == "Mon 14 Dec, 09:00"
    assert not any("(" in text or ";" in text for text in texts)


def test_my_day_is_said_when_it_is_another(db: Any, qtbot: Any, person: Any) -> None:
    """Tokyo's Tuesday morning is Monday afternoon in Los Angeles."""
    kenji = person("Kenji", "JP", "Asia/Tokyo", "Sato")
    dialog = _dialog(db, qtbot, ("America/Los_Angeles", "US"), kenji)
    first = dialog.suggestion_buttons[0].text()
    assert first == "Tue 15 Dec, 09:00 (Tokyo); Mon 14 Dec, 16:00 (Los Angeles)"


def test_persian_writes_both_clocks_with_its_digits_and_semicolon(
    db: Any, qtbot: Any, person: Any, language: Any
) -> None:
    somchai = person("Somchai", "TH", "Asia/Bangkok", "Jaidee")
    language("fa")
    dialog = _dialog(db, qtbot, ("Asia/Tehran", "IR"), somchai)
    first = dialog.suggestion_buttons[0].text()
    # 23 Azar 1405, 12:30 in Bangkok; 9:00 in Tehran. No middle dot (beside digits it reads
    # as a zero in Persian), no Latin digits.
    assert first == "دوشنبه ۲۳ آذر،\u200f ۱۲:۳۰ (بانکوک)؛ ۹:۰۰ (تهران)"


def test_thai_names_both_clocks(db: Any, qtbot: Any, person: Any, language: Any) -> None:
    reza = person("Reza", "IR", "Asia/Tehran", "Ahmadi")
    language("th")
    dialog = _dialog(db, qtbot, ("Asia/Bangkok", "TH"), reza)
    first = dialog.suggestion_buttons[0].text()
    # his working day starts at 08:00 in Tehran, 11:30 in Bangkok
    assert first == "จ. 14 ธ.ค. 08:00 (เตหะราน), 11:30 (กรุงเทพ)"
