"""List columns as wide as what they say in the language (native review rev18's 14th): at
1280×800 the contact list's "Now" showed "Ārpus darba la…" and "Zunaj delovne…", and the
Follow-ups screen's "their time" "24. nov. 2026, 09:00 (Ciudad de …", the place the time is
of cut off."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import followups as service
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.timekeeping.workhours import status_samples
from accountdesk.ui import tasks
from accountdesk.ui.columns import text_width
from accountdesk.ui.listmodel import PLAIN_ROLE

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

LANGUAGES = ["en", "lv", "sl", "tr", "th", "fa"]


@pytest.fixture
def mexican(ctx: Any) -> str:
    """A contact in Mexico City, where the tests' 09:30 UTC is 03:30: off hours."""
    account = create_account(
        ctx.db,
        AccountInput(name="Maíz Dorado S.A. de C.V.", country="MX", timezone="America/Mexico_City"),
    )
    return create_contact(
        ctx.db,
        ContactInput(
            account_id=account, given_name="José", family_name="López", country="MX",
            city="Ciudad de México", timezone="America/Mexico_City",
        ),
    )  # fmt: skip


@pytest.fixture
def language() -> Iterator[Any]:
    from accountdesk.ui.app import apply_language

    yield apply_language
    apply_language("en")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_contact_lists_now_column_says_every_status_whole(
    lang: str, ctx: Any, qtbot: Any, mexican: str, language: Any
) -> None:
    from accountdesk.ui.contacts.screen import ContactsScreen

    language(lang)
    screen = ContactsScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    screen.resize(1280, 700)
    screen.show()
    qtbot.waitExposed(screen)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    table = screen.table
    column = next(i for i, c in enumerate(screen.model.columns) if c.key == "working")
    shown = screen.model.index(0, column).data(PLAIN_ROLE)
    samples = status_samples()
    assert shown == samples[2]  # off hours
    if lang == "lv":
        assert shown == "Ārpus darba laika"
    for text in samples:
        assert table.columnWidth(column) >= text_width(table, [text]), (text, lang)
    assert table.sizeHintForColumn(column) <= table.columnWidth(column)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_follow_ups_their_time_column_shows_the_place(
    lang: str, ctx: Any, qtbot: Any, mexican: str, language: Any
) -> None:
    from accountdesk.ui.followups.screen import FollowUpsScreen

    for day in (24, 28):
        due = datetime(2026, 11, day, 9, 0)
        service.schedule(ctx.db, service.FollowUpInput(mexican, f"Call {day}", due))
    language(lang)
    screen = FollowUpsScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1280, 700)
    screen.show()
    qtbot.waitExposed(screen)
    assert tasks.wait_all()
    table, model = screen.table, screen.model
    texts = [model.index(row, 1).data(PLAIN_ROLE) for row in range(model.rowCount())]
    assert len(texts) == 2
    with i18n.use_language(lang):
        place = i18n.zone_name("America/Mexico_City")
    for text in texts:
        assert plain(text).endswith(f"({place})"), text
        assert table.columnWidth(1) >= text_width(table, [text]), (text, lang)
    assert table.sizeHintForColumn(1) <= table.columnWidth(1)
    if lang == "sl":
        assert "24. nov. 2026, 09:00 (Ciudad de Mexico)" in texts
