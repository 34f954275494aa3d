"""The Accounts screen, the account view and the account editor."""

from __future__ import annotations

from accountdesk.core.i18n import N_
from accountdesk.ui.navigation import register_screen


def _factory(ctx):  # type: ignore[no-untyped-def]
    from accountdesk.ui.accounts.screen import AccountsScreen

    return AccountsScreen(ctx)


register_screen("accounts", N_("Accounts"), _factory, order=20, icon="accounts")
