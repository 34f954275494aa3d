"""Follow-ups: the list in both zones, the scheduling dialog, the meeting planner, reminders."""

from __future__ import annotations

from accountdesk.core.i18n import N_
from accountdesk.ui.navigation import register_screen


def _factory(ctx):  # type: ignore[no-untyped-def]
    from accountdesk.ui.followups.screen import FollowUpsScreen

    return FollowUpsScreen(ctx)


register_screen("followups", N_("Follow-ups"), _factory, order=32, icon="followups")
