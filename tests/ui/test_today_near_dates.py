"""Today's tables write this year's dates without the year (Latvian's "2026. gada 25. nov.
11:00", twice a row, left the follow-up's title and names a few letters at 1024×700)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.i18n import use_language
from accountdesk.core.services.activity import InteractionInput
from accountdesk.core.timekeeping.zones import get_zone as zone
from accountdesk.ui.quicklog.saving import FollowUpRequest, save_quick_log
from accountdesk.ui.today.screen import TodayScreen

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _column(section: Any, title: str) -> list[str]:
    model = section.panel.model
    column = next(c for c, (name, _cell) in enumerate(model.columns) if name == title)
    return [plain(str(model.index(r, column).data())) for r in range(model.rowCount())]


def test_this_years_dates_leave_the_year_out_and_last_years_keep_it(
    ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    riga = zone("Europe/Riga")
    save_quick_log(
        ctx.db,
        InteractionInput("call", ctx.now(), [sample["anna"]], subject="Catch-up"),
        FollowUpRequest("Call back", datetime(2025, 3, 12, 8, 0, tzinfo=riga), "Europe/Riga"),
    )
    save_quick_log(
        ctx.db,
        InteractionInput("email", datetime(2024, 12, 20, 9, 0, tzinfo=riga), [sample["janis"]]),
        FollowUpRequest(
            "Send the offer", datetime(2024, 12, 20, 15, 0, tzinfo=riga), "Europe/Riga"
        ),
    )
    with use_language("lv"):
        screen = TodayScreen(ctx, asynchronous=False)
        qtbot.addWidget(screen)
        # the clock is at 09:30 UTC on 12 March 2025
        assert _column(screen.overdue, "Due (theirs)") == [
            "2024. gada 20. dec. 15:00",
            "12. marts 08:00",
        ]
        yours = _column(screen.overdue, "Due (yours)")  # in the user's zone
        assert yours[0].startswith("2024. gada 20. dec. ")
        assert yours[1].startswith("12. marts ") and "2025" not in yours[1]
        assert _column(screen.recent, "When")[0].startswith("12. marts ")
        assert "2025" not in _column(screen.recent, "When")[0]
        assert _column(screen.dates, "Date") == ["15. marts"]  # Anna's birthday
