"""On a team server everyone shares one settings table: a person's own settings (zone,
country, hours, language, calendar …) are kept per login, the team's (the reporting
currency) once for all."""

from __future__ import annotations

from pathlib import Path

import pytest

from accountdesk.core import settings
from accountdesk.core.db.engine import Database
from accountdesk.core.services.activity import get_setting, set_setting, stored_key
from pgcluster import BACKENDS
from teamserver import Team

pytestmark = pytest.mark.skipif("postgresql" not in BACKENDS, reason="a team server")


def test_each_person_has_their_own_zone_language_and_hours(team: Team) -> None:
    anna, ben = team.connect(team.anna), team.connect(team.ben)
    try:
        settings.put(anna, "user.zone", "Europe/Riga")
        settings.put(ben, "user.zone", "Asia/Bangkok")
        settings.put(anna, "user.hours", "08:00-16:00")
        set_setting(anna, "ui.language", "lv")
        set_setting(ben, "ui.language", "th")
        assert settings.get(anna, "user.zone") == "Europe/Riga"
        assert settings.get(ben, "user.zone") == "Asia/Bangkok"
        assert settings.get(anna, "user.hours") == "08:00-16:00"
        assert settings.get(ben, "user.hours") != "08:00-16:00"
        assert (get_setting(anna, "ui.language"), get_setting(ben, "ui.language")) == ("lv", "th")
        settings.unset(anna, "user.zone")
        assert settings.get(ben, "user.zone") == "Asia/Bangkok"  # Anna's reset is hers only
    finally:
        anna.close()
        ben.close()


def test_the_reporting_currency_is_the_teams(team: Team) -> None:
    anna, ben = team.connect(team.anna), team.connect(team.ben)
    try:
        settings.put(anna, "report.currency", "EUR")
        assert settings.get(ben, "report.currency") == "EUR"
        assert stored_key(ben, "report.currency") == "report.currency"
        assert stored_key(ben, "user.zone") == f"{team.ben}/user.zone"
    finally:
        anna.close()
        ben.close()


def test_a_file_keeps_plain_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from accountdesk.core.db.engine import open_database

    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    db: Database = open_database(tmp_path / "own.db")
    try:
        settings.put(db, "user.zone", "Europe/Riga")
        assert stored_key(db, "user.zone") == "user.zone"
        assert get_setting(db, "user.zone") == "Europe/Riga"
    finally:
        db.close()
