"""A save of several settings (Settings → Me) names every value it refuses at once, each with
its setting, and stores none of them while any is refused."""

from __future__ import annotations

import pytest

from accountdesk.core import settings
from accountdesk.core.db.engine import Database
from accountdesk.core.settings import SettingError

BEFORE = {"user.zone": "Europe/Riga", "user.country": "LV", "user.hours": "08:00-16:00"}


@pytest.fixture
def stored(db: Database) -> Database:
    settings.put_many(db, BEFORE)
    return db


def _kept(db: Database) -> None:
    assert {key: settings.get(db, key) for key in BEFORE} == BEFORE
    assert settings.get(db, "user.subdivision") is None


def test_bad_hours_and_a_bad_region_are_both_named(stored: Database) -> None:
    with pytest.raises(SettingError) as caught:
        settings.put_many(
            stored,
            {
                "user.zone": "Asia/Tehran",
                "user.country": "LV",
                "user.subdivision": "Narnia",
                "user.hours": "nine to five",
                "stay_in_touch.daily_cap": "4",
            },
        )
    errors = caught.value.errors
    assert [e.key for e in errors] == ["user.subdivision", "user.hours"]  # in the order given
    assert "is not a region of Latvia" in errors[0].reason
    assert "start-end" in errors[1].reason
    assert str(caught.value).splitlines() == [str(e) for e in errors]  # every one, a line each
    _kept(stored)
    assert settings.get(stored, "stay_in_touch.daily_cap") == settings.DEFAULT_DAILY_CAP


def test_every_value_a_setting_refuses_is_named(stored: Database) -> None:
    with pytest.raises(SettingError) as caught:
        settings.put_many(
            stored,
            {
                "user.zone": "Mars/Olympus",
                "user.country": "Atlantis",
                "user.subdivision": "RIX",
                "user.hours": "17:00-17:00",
                "stay_in_touch.daily_cap": "-3",
            },
        )
    # the region is not checked against a country that was refused
    assert [e.key for e in caught.value.errors] == [
        "user.zone",
        "user.country",
        "user.hours",
        "stay_in_touch.daily_cap",
    ]
    _kept(stored)


def test_one_refused_value_is_an_error_of_its_own(stored: Database) -> None:
    with pytest.raises(SettingError) as caught:
        settings.put_many(stored, {"user.country": "LV", "user.hours": "late"})
    assert caught.value.errors == [caught.value]
    assert caught.value.key == "user.hours"
    _kept(stored)
