"""The Reports screen: pick a report, its scope, period and language; see the key metrics
with charts; generate the PDF off the GUI thread, preview it, save it and print it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from accountdesk.core.i18n import N_
from accountdesk.ui.navigation import register_screen

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from accountdesk.ui.context import AppContext


def _factory(ctx: AppContext) -> QWidget:
    from accountdesk.ui.reports.screen import ReportsScreen

    return ReportsScreen(ctx)


register_screen("reports", N_("Reports"), _factory, order=50, icon="reports")
