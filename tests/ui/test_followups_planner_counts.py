"""The meeting planner's counts in the language's digits: "at best, {count} people are
outside their working hours" said with i18n.format_number (Persian: ۲, not 2)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from accountdesk.core.bidi import plain

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _pairs(person: Any) -> list[str]:
    """Two people in each of three zones that share no working hour all three: whenever two
    places work together the third place's two are away, and nobody is alone in the way."""
    return [
        person("Anna", "LV", "Europe/Riga"),  # with me, in Riga
        person("Megan", "US", "America/Los_Angeles"),
        person("Mike", "US", "America/Los_Angeles"),
        person("Kenji", "JP", "Asia/Tokyo"),
        person("Yui", "JP", "Asia/Tokyo"),
    ]


def _summary(qtbot: Any, ctx: Any, person: Any) -> str:
    from accountdesk.ui.followups.planner import PlannerDialog

    ctx.clock = lambda: datetime(2025, 12, 1, 6, tzinfo=UTC)  # Monday, 08:00 in Riga
    dialog = PlannerDialog(ctx, _pairs(person))
    qtbot.addWidget(dialog)
    found = dialog.no_common
    assert found is not None and found.obstacles == () and found.fewest_away == 2
    return plain(dialog.summary.text())


def test_nobody_alone_in_the_way_says_how_many_are_away(qtbot: Any, ctx: Any, person: Any) -> None:
    summary = _summary(qtbot, ctx, person)
    assert (
        "No one person stands in the way: at best, 2 people are outside their working hours."
        in summary.splitlines()
    )


def test_the_count_of_people_away_is_in_persian_digits(qtbot: Any, ctx: Any, person: Any) -> None:
    from accountdesk.core import i18n
    from accountdesk.ui.app import apply_language

    apply_language("fa")
    try:
        summary = _summary(qtbot, ctx, person)
        assert i18n.format_number(2) == "۲"
        assert "در بهترین حالت، ۲ نفر خارج از ساعت کاری خود هستند." in summary
        assert not any(c.isascii() and c.isdigit() for c in summary)
    finally:
        apply_language("en")
