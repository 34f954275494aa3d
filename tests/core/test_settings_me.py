"""Settings → Me as people type it: working hours in the language's own digits, and a region
checked against the country by the rule of the contact and account editors."""

from __future__ import annotations

from datetime import time

import pytest

from accountdesk.core import settings
from accountdesk.core import validation as v
from accountdesk.core.db.engine import Database
from accountdesk.core.settings import SettingError


@pytest.mark.parametrize(
    "typed",
    [
        "۰۹:۰۰-۱۷:۰۰",  # Persian digits, as the app shows hours in Persian
        "๐๙:๐๐-๑๗:๐๐",  # Thai digits
        "\u2066۰۹:۰۰\u2069–\u2066۱۷:۰۰\u2069",  # copied from a Persian label: isolates, en dash
        "09:00 - 17:00",
    ],
)
def test_working_hours_are_read_in_native_digits(db: Database, typed: str) -> None:
    assert settings.parse_hours(typed) == (time(9), time(17))
    assert settings.put(db, "user.hours", typed) == "09:00-17:00"


def test_a_contacts_working_hours_are_read_in_native_digits_too() -> None:
    assert v.parse_hhmm("work_hours", "۰۸:۳۰") == "08:30"
    assert v.parse_hhmm("work_hours", "๑๗:๔๕") == "17:45"


@pytest.mark.parametrize(("typed", "stored"), [("BY", "BY"), ("de-by", "BY"), (" DE-BE ", "BE")])
def test_my_region_is_a_region_of_my_country(db: Database, typed: str, stored: str) -> None:
    settings.put(db, "user.country", "DE")
    assert settings.put(db, "user.subdivision", typed) == stored
    assert settings.get(db, "user.subdivision") == stored
    assert settings.user_calendar(db, {"TZ": "Europe/Berlin"}).subdivision == stored


@pytest.mark.parametrize("typed", ["XX", "QQ", "LV-RIX", "DE-XX"])
def test_a_region_that_is_not_in_my_country_is_refused(db: Database, typed: str) -> None:
    settings.put(db, "user.country", "DE")
    with pytest.raises(SettingError) as caught:
        settings.put(db, "user.subdivision", typed)
    message = str(caught.value)
    assert "user.subdivision" in message and typed in message
    assert caught.value.reason == "is not a region of Germany (ISO 3166-2)"
    assert settings.get(db, "user.subdivision") is None  # nothing stored


def test_the_region_is_checked_against_the_country_saved_with_it(db: Database) -> None:
    """The Me dialog saves country and region together (put_many)."""
    settings.put_many(db, {"user.country": "LV", "user.subdivision": "LV-RIX"})
    assert settings.get(db, "user.subdivision") == "RIX"
    with pytest.raises(SettingError, match="not a region of Germany"):
        settings.put_many(db, {"user.country": "DE", "user.subdivision": "RIX"})
    assert (settings.get(db, "user.country"), settings.get(db, "user.subdivision")) == (
        "LV",
        "RIX",
    )
    settings.put_many(db, {"user.country": "DE", "user.subdivision": ""})  # region cleared
    assert (settings.get(db, "user.country"), settings.get(db, "user.subdivision")) == ("DE", None)


def test_a_region_needs_a_country(db: Database) -> None:
    with pytest.raises(SettingError, match="set your country first"):
        settings.put(db, "user.subdivision", "RIX")
    assert settings.get(db, "user.subdivision") is None


def test_a_new_country_that_the_stored_region_is_not_in_is_refused(db: Database) -> None:
    settings.put_many(db, {"user.country": "LV", "user.subdivision": "RIX"})
    with pytest.raises(SettingError) as caught:
        settings.put(db, "user.country", "DE")
    assert caught.value.key == "user.country"
    assert caught.value.reason == "your region RIX is not in Germany; clear your region first"
    assert "user.country “DE”" in str(caught.value)
    assert settings.get(db, "user.country") == "LV"
    settings.unset(db, "user.subdivision")
    assert settings.put(db, "user.country", "DE") == "DE"
    settings.put(db, "user.country", "")  # no country: the region has nothing to be in
    assert settings.get(db, "user.country") is None


def test_the_command_line_refuses_a_region_of_another_country(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    from accountdesk.cli import main

    base = ["--db", str(db.path or db.url)]
    assert main(["config", "set", "user.country", "DE", *base]) == 0
    assert main(["config", "set", "user.subdivision", "XX", *base]) == 1
    assert "is not a region of Germany (ISO 3166-2)" in capsys.readouterr().err
    assert main(["config", "set", "user.subdivision", "by", *base]) == 0
    assert "user.subdivision is now BY." in capsys.readouterr().out


@pytest.mark.parametrize(
    ("country", "typed", "stored", "day", "holiday"),
    [
        # regions whose holidays the holidays data keeps under a code ISO 3166-2's list lacks
        ("IT", "AO", "AO", "2026-09-07", "Saint Grat"),  # Aosta
        ("NO", "NO-31", "31", None, None),  # Østfold, a county of 2024
        ("BQ", "bon", "BON", None, None),  # Bonaire
    ],
)
def test_a_region_the_holidays_know_is_accepted(
    db: Database, country: str, typed: str, stored: str, day: str | None, holiday: str | None
) -> None:
    from datetime import date

    from accountdesk.core.culture.calendar import holiday_on

    settings.put(db, "user.country", country)
    assert settings.put(db, "user.subdivision", typed) == stored
    assert v.subdivision(country, typed) == stored  # the editors' rule, the same
    if day is not None and holiday is not None:
        found = holiday_on(country, stored, date.fromisoformat(day), "en")
        assert found is not None and holiday in found.name
    with pytest.raises(v.ValidationError):
        v.subdivision(country, "XX")
