"""The Today screen: the rep's start page."""

from __future__ import annotations

from accountdesk.core.i18n import N_
from accountdesk.ui.navigation import register_screen


def _factory(ctx):  # type: ignore[no-untyped-def]
    from accountdesk.ui.today.screen import TodayScreen

    return TodayScreen(ctx)


register_screen("today", N_("Today"), _factory, order=10, icon="today")
