"""The Duplicates screen: likely duplicate contacts side by side, merge, undo a merge."""

from __future__ import annotations

from accountdesk.core.i18n import N_
from accountdesk.ui.navigation import register_screen


def _factory(ctx):  # type: ignore[no-untyped-def]
    from accountdesk.ui.duplicates.screen import DuplicatesScreen

    return DuplicatesScreen(ctx)


register_screen("duplicates", N_("Duplicates"), _factory, order=60, icon="duplicates")
