"""The Contacts screen, the contact view and the contact editor."""

from __future__ import annotations

from accountdesk.core.i18n import N_
from accountdesk.ui.navigation import register_screen


def _factory(ctx):  # type: ignore[no-untyped-def]
    from accountdesk.ui.contacts.screen import ContactsScreen

    return ContactsScreen(ctx)


register_screen("contacts", N_("Contacts"), _factory, order=30, icon="contacts")
