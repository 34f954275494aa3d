"""The Countries screen: every country's profile, etiquette notes, the user's notes, holidays."""

from __future__ import annotations

from accountdesk.core.i18n import N_
from accountdesk.ui.navigation import register_screen


def _factory(ctx):  # type: ignore[no-untyped-def]
    from accountdesk.ui.countries.screen import CountriesScreen

    return CountriesScreen(ctx)


register_screen("countries", N_("Countries"), _factory, order=35, icon="countries")
