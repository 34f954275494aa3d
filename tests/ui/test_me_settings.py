"""Settings → Me: the user's calendar is stored once, read by the GUI and the CLI alike, and the
running app follows a change of the system's zone."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox

from accountdesk.core import settings
from accountdesk.ui.forms import set_combo
from accountdesk.ui.me import MeDialog


def test_me_dialog_stores_every_value_and_the_app_follows(ctx: Any, qtbot: Any) -> None:
    seen: list[str] = []
    ctx.changed.connect(seen.append)
    dialog = MeDialog(ctx)
    qtbot.addWidget(dialog)
    zone, country = dialog.fields["user.zone"], dialog.fields["user.country"]
    assert isinstance(zone, QComboBox) and isinstance(country, QComboBox)
    assert zone.currentData() == "Europe/Riga"  # what the fixture pinned
    set_combo(zone, "Asia/Tehran")
    set_combo(country, "IR")
    hours = dialog.fields["user.hours"]
    assert isinstance(hours, QLineEdit)
    hours.setText("08:00-16:00")
    cap = dialog.fields["stay_in_touch.daily_cap"]
    assert isinstance(cap, QSpinBox)
    cap.setValue(4)
    assert dialog.try_save()
    assert settings.all_values(ctx.db) == {
        "user.zone": "Asia/Tehran",
        "user.country": "IR",
        "user.subdivision": None,
        "user.hours": "08:00-16:00",
        "stay_in_touch.daily_cap": 4,
        "ui.calendar": "auto",
        "security.lock_after_minutes": 0,
        "backup.folder": None,
        "report.currency": None,  # set in Reports → Exchange rates…
    }
    assert ctx.user_zone == "Asia/Tehran"
    assert "zone" in seen and "settings" in seen
    mine = ctx.user_calendar()
    assert mine.hours.weekend == frozenset({4})  # the user's own Iranian weekend


def test_a_bad_value_is_shown_at_its_field_and_nothing_is_stored(ctx: Any, qtbot: Any) -> None:
    dialog = MeDialog(ctx)
    qtbot.addWidget(dialog)
    hours = dialog.fields["user.hours"]
    assert isinstance(hours, QLineEdit)
    hours.setText("nine to five")
    country = dialog.fields["user.country"]
    assert isinstance(country, QComboBox)
    set_combo(country, "IR")
    assert not dialog.try_save()
    assert "start-end" in dialog.errors["user.hours"].text()
    assert settings.get(ctx.db, "user.country") is None


def test_every_bad_field_is_shown_at_once_and_nothing_is_stored(ctx: Any, qtbot: Any) -> None:
    """Bad working hours and a region the country does not have: both said on one save, each
    under its own field, with the focus on the first; nothing stored until both are fixed."""
    dialog = MeDialog(ctx)
    qtbot.addWidget(dialog)
    country, region = dialog.fields["user.country"], dialog.fields["user.subdivision"]
    hours = dialog.fields["user.hours"]
    assert isinstance(country, QComboBox) and isinstance(region, QComboBox)
    assert isinstance(hours, QLineEdit)
    set_combo(country, "LV")
    region.setEditText("Narnia")
    hours.setText("nine to five")
    assert not dialog.try_save()
    shown = {key: label.text() for key, label in dialog.errors.items() if not label.isHidden()}
    assert set(shown) == {"user.subdivision", "user.hours"}
    assert shown["user.subdivision"] == (
        "\u2068Latvia\u2069 has no region called “\u2068Narnia\u2069”: choose one from the list."
    )
    assert "start-end" in shown["user.hours"]
    assert dialog.banner.isHidden()
    assert dialog.focusWidget() in (region, region.lineEdit())  # the first field refused
    assert (settings.get(ctx.db, "user.country"), settings.get(ctx.db, "user.hours")) == (
        None,
        settings.DEFAULT_HOURS,
    )
    hours.setText("08:00-16:00")  # one fixed: the other is still said, still nothing stored
    assert not dialog.try_save()
    shown = {key: label.text() for key, label in dialog.errors.items() if not label.isHidden()}
    assert list(shown) == ["user.subdivision"]
    assert settings.get(ctx.db, "user.country") is None
    set_combo(region, "RIX")
    assert dialog.try_save()
    assert (settings.get(ctx.db, "user.subdivision"), settings.get(ctx.db, "user.hours")) == (
        "RIX",
        "08:00-16:00",
    )


def test_the_running_app_follows_the_system_zone(ctx: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.unset(ctx.db, "user.zone")  # follow the system
    monkeypatch.setenv("TZ", "Asia/Bangkok")
    seen: list[str] = []
    ctx.changed.connect(seen.append)
    assert ctx.refresh_zone()
    assert ctx.user_zone == "Asia/Bangkok" and seen == ["zone"]
    monkeypatch.setenv("TZ", "Europe/Istanbul")  # landed somewhere else
    assert ctx.refresh_zone() and ctx.user_zone == "Europe/Istanbul"
    assert not ctx.refresh_zone()  # nothing new: no signal
    assert seen == ["zone", "zone"]
    assert ctx.ZONE_CHECK_MS <= 60_000  # noticed within a minute
    assert ctx._zone_timer.isActive()


def test_gui_and_cli_read_the_same_pinned_zone(ctx: Any, tmp_path: Path) -> None:
    settings.put(ctx.db, "user.zone", "Asia/Tehran")
    ctx.refresh_zone()
    path = ctx.db.path
    out = subprocess.run(
        [sys.executable, "-m", "accountdesk", "--db", str(path), "config", "get", "user.zone"],
        capture_output=True,
        text=True,
        check=True,
        env={**__import__("os").environ, "TZ": "America/New_York"},
    )
    assert out.stdout.strip() == "Asia/Tehran" == ctx.user_zone
    listed = subprocess.run(
        [sys.executable, "-m", "accountdesk", "--db", str(path), "followups", "--json"],
        capture_output=True,
        text=True,
        check=True,
        env={**__import__("os").environ, "TZ": "America/New_York"},
    )
    assert json.loads(listed.stdout)["user_zone"] == "Asia/Tehran"


def test_a_name_typed_that_is_no_choice_is_said_so(ctx: Any, qtbot: Any) -> None:
    """A country, region or zone typed that no choice (or several) holds: the field says there
    is none called so, and to choose from the list. It said "Is not an ISO 3166 country code
    (for example LV, TH or IR)" to someone who had typed a name (review: "Latv" and Enter)."""
    dialog = MeDialog(ctx)
    qtbot.addWidget(dialog)
    zone, country = dialog.fields["user.zone"], dialog.fields["user.country"]
    assert isinstance(zone, QComboBox) and isinstance(country, QComboBox)
    zone.setEditText("Atlantis")
    country.setEditText("Korea")  # North and South: no one choice
    assert not dialog.try_save()
    shown = {key: label.text() for key, label in dialog.errors.items() if not label.isHidden()}
    choose = ": choose one from the list."
    assert shown == {
        "user.zone": "There is no time zone called “\u2068Atlantis\u2069”" + choose,
        "user.country": "There is no country called “\u2068Korea\u2069”" + choose,
    }
    country.setEditText("Latv")  # the one choice that holds it, though not picked
    set_combo(zone, "Europe/Riga")
    assert dialog.try_save()
    assert settings.get(ctx.db, "user.country") == "LV"
