"""The Follow-ups filter finds what Ctrl+K finds, the buckets are the core's, and Today shows
true counts with a way to all of them."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt

from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import followups as service
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.ui import tasks
from accountdesk.ui.listmodel import PLAIN_ROLE

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _person(db: Any, given: str, family: str, account: str, country: str, zone: str) -> str:
    account_id = create_account(db, AccountInput(name=account, country=country, timezone=zone))
    return create_contact(
        db,
        ContactInput(
            account_id=account_id,
            given_name=given,
            family_name=family,
            country=country,
            timezone=zone,
        ),
    )


def _screen(qtbot: Any, ctx: Any) -> Any:
    from accountdesk.ui.followups.screen import FollowUpsScreen

    screen = FollowUpsScreen(ctx)
    qtbot.addWidget(screen)
    tasks.wait_all()
    return screen


def test_the_filter_finds_fatma_as_search_does(qtbot: Any, ctx: Any) -> None:
    fatma = _person(ctx.db, "Fatma", "Yılmaz", "Boğaziçi Danışmanlık", "TR", "Europe/Istanbul")
    anna = _person(ctx.db, "Anna", "Ozola", "Baltic Timber", "LV", "Europe/Riga")
    service.schedule(ctx.db, service.FollowUpInput(fatma, "Offer", datetime(2025, 3, 20, 10)))
    service.schedule(ctx.db, service.FollowUpInput(anna, "Visit", datetime(2025, 3, 20, 10)))
    screen = _screen(qtbot, ctx)
    assert len(screen.model.rows) == 2
    for text in ("yilmaz", "Bogazici", "Fatma Yilmaz"):
        screen.filter.setText(text)
        screen.reload()  # what the debounce timer does 200 ms after typing stops
        tasks.wait_all()
        assert [r.contact_name for r in screen.model.rows] == ["Fatma Yılmaz"], text
        assert screen.model.rows[0].account_name == "Boğaziçi Danışmanlık"
    screen.filter.setText("ozola")
    screen.reload()
    tasks.wait_all()
    assert [r.contact_name for r in screen.model.rows] == ["Anna Ozola"]


def test_buckets_and_their_labels_come_from_the_core(qtbot: Any, ctx: Any) -> None:
    from accountdesk.core.queries.followups import counts_by_bucket
    from accountdesk.core.timekeeping.reminders import BUCKET_LABELS, BUCKETS

    anna = _person(ctx.db, "Anna", "Ozola", "Baltic Timber", "LV", "Europe/Riga")
    # Now is Wednesday 12 March 2025, 11:30 in Riga: the next 7 days run to 19 March.
    for day, hour in ((11, 10), (12, 15), (13, 10), (19, 23), (20, 0)):
        title = f"{day} March {hour}:00"
        service.schedule(ctx.db, service.FollowUpInput(anna, title, datetime(2025, 3, day, hour)))
    screen = _screen(qtbot, ctx)
    labels = [screen.bucket.itemText(i) for i in range(1, screen.bucket.count())]
    assert labels == [BUCKET_LABELS[b] for b in BUCKETS]
    assert "Next 7 days" in labels
    rows = range(len(screen.model.rows))
    shown = [screen.model.data(screen.model.index(r, 6), PLAIN_ROLE) for r in rows]
    assert shown == ["Overdue", "Today", "Next 7 days", "Next 7 days", "Later"]
    counts = counts_by_bucket(ctx.db, ctx.now(), ctx.user_zone)
    for bucket in BUCKETS:
        screen.show_bucket(bucket)
        tasks.wait_all()
        assert len(screen.model.rows) == counts[bucket], bucket
    assert counts == {"overdue": 1, "today": 1, "week": 2, "later": 1}


def test_today_shows_true_counts_and_opens_all_of_them(
    qtbot: Any, ctx: Any, tmp_path: Path
) -> None:
    from accountdesk.ui.followups.screen import FollowUpsScreen
    from accountdesk.ui.main_window import MainWindow
    from accountdesk.ui.today.screen import ROWS, TodayScreen

    anna = _person(ctx.db, "Anna", "Ozola", "Baltic Timber", "LV", "Europe/Riga")
    start = datetime(2025, 3, 1, 10)
    for n in range(ROWS + 5):
        local = start + timedelta(hours=n)
        service.schedule(ctx.db, service.FollowUpInput(anna, f"Overdue {n}", local))
    service.schedule(ctx.db, service.FollowUpInput(anna, "Later today", datetime(2025, 3, 12, 16)))
    service.schedule(ctx.db, service.FollowUpInput(anna, "Friday", datetime(2025, 3, 14, 10)))
    window = MainWindow(ctx, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show_screen("today")
    today = window.screen_widget("today")
    assert isinstance(today, TodayScreen)
    tasks.wait_all()
    assert today.data is not None
    assert today.overdue.title() == f"{ROWS + 5} overdue follow-ups"
    assert today.due_today.title() == "1 follow-up due today"
    assert len(today.overdue.model.items) == ROWS  # the first rows, most overdue first
    assert today.overdue.model.items[0].title == "Overdue 0"
    assert today.overdue.link.isVisibleTo(today)
    assert f"Show all {ROWS + 5}" in today.overdue.link.text()
    assert "1 more in the next 7 days" in today.due_today.more.text()
    # No section scrolls on its own: its table is as tall as its rows; one scroll area.
    view = today.overdue.panel.view
    assert view.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    rows_height = sum(view.rowHeight(r) for r in range(ROWS))
    assert view.height() >= rows_height + view.horizontalHeader().sizeHint().height()
    today.overdue.link.linkActivated.emit("all")
    tasks.wait_all()
    followups = window.screen_widget("followups")
    assert isinstance(followups, FollowUpsScreen)
    assert window.stack.currentWidget() is followups
    assert followups.bucket.currentData() == "overdue"
    assert len(followups.model.rows) == ROWS + 5
    today.due_today.more.linkActivated.emit("more")
    tasks.wait_all()
    assert followups.bucket.currentData() == "week"
    assert [r.title for r in followups.model.rows] == ["Friday"]


def test_today_with_nothing_due_says_so(qtbot: Any, ctx: Any) -> None:
    from accountdesk.ui.today.screen import TodayScreen

    screen = TodayScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    assert screen.overdue.title() == "0 overdue follow-ups"
    assert not screen.overdue.panel.isVisibleTo(screen)
    assert screen.overdue.empty.isVisibleTo(screen)
    assert not screen.overdue.link.isVisibleTo(screen)
