"""The account list's Country column is as wide as the countries it lists: "Amerika Birleşik
Devletleri" was cut to "Amerika Birleş…" beside a name column with room to spare."""

from __future__ import annotations

from typing import Any

import pytest

from accountdesk.core.i18n import country_name
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from accountdesk.ui import tasks
from accountdesk.ui.columns import text_width

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.mark.parametrize("lang", ["tr", "th"])
def test_country_names_fit(lang: str, ctx: Any, qtbot: Any, laptop_screen: Any) -> None:
    """Seen in the Turkish tour: 10 of the demo's 60 accounts (in the United States) showed
    "Amerika Birleş…" in a 100 px column, beside a 280 px name column."""
    from accountdesk.ui.app import apply_language

    for name, country, zone in (
        ("Redwood Labs Inc.", "US", "America/New_York"),
        ("Palm Logistics LLC", "AE", "Asia/Dubai"),
        ("Baltic Timber", "LV", "Europe/Riga"),
    ):
        create_account(ctx.db, AccountInput(name=name, country=country, timezone=zone))
    apply_language(lang)
    try:
        screen: Any = laptop_screen("accounts")
        qtbot.waitUntil(lambda: screen.country.count() == 4 and tasks.wait_all())
        column = [c.key for c in screen.model.columns].index("country")
        names = [country_name(code) for code in ("US", "AE", "LV")]
        assert screen.table.columnWidth(column) >= text_width(screen.table, names)
    finally:
        apply_language("en")
