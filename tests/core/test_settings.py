"""The user's settings: one schema, checked values, one transaction, the user's own calendar."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from accountdesk.core import settings
from accountdesk.core import validation as v
from accountdesk.core.db.engine import Database
from accountdesk.core.settings import SettingError, UnknownSettingError


def test_defaults_when_nothing_is_stored(db: Database) -> None:
    assert settings.all_values(db) == {
        "user.zone": None,
        "user.country": None,
        "user.subdivision": None,
        "user.hours": "09:00-17:00",
        "stay_in_touch.daily_cap": 10,
        "ui.calendar": "auto",
        "report.currency": None,
        "security.lock_after_minutes": 0,
        "backup.folder": None,
    }


def test_values_are_checked_and_stored(db: Database) -> None:
    assert settings.put(db, "user.zone", " Asia/Tehran ") == "Asia/Tehran"
    assert settings.put(db, "user.country", "ir") == "IR"
    assert settings.put(db, "user.hours", "08:00–16:00") == "08:00-16:00"
    assert settings.put(db, "stay_in_touch.daily_cap", "25") == 25
    assert settings.get(db, "user.zone") == "Asia/Tehran"
    assert settings.get(db, "stay_in_touch.daily_cap") == 25
    settings.unset(db, "stay_in_touch.daily_cap")
    assert settings.get(db, "stay_in_touch.daily_cap") == 10
    assert settings.put(db, "user.zone", "system") is None
    assert settings.get(db, "user.zone") is None
    assert settings.put(db, "ui.calendar", " Gregorian ") == "gregorian"
    assert settings.get(db, "ui.calendar") == "gregorian"
    assert settings.put(db, "ui.calendar", "") == "auto"


@pytest.mark.parametrize(
    ("key", "text", "reason"),
    [
        ("user.zone", "Mars/Olympus", "time zone"),
        ("user.zone", "localtime", "place's time zone"),
        ("user.zone", "Factory", "place's time zone"),
        ("user.country", "Narnia", "ISO"),
        ("user.hours", "9 to 5", "start-end"),
        ("user.hours", "09:00-09:00", "differ"),
        ("stay_in_touch.daily_cap", "many", "whole number"),
        ("stay_in_touch.daily_cap", "-1", "between"),
        ("ui.calendar", "jalali", "gregorian"),
        ("security.lock_after_minutes", "soon", "minutes"),
        ("security.lock_after_minutes", "2000", "between"),
        ("backup.folder", "relative/folder", "full path"),
        ("report.currency", "ABC", "ISO 4217"),
        ("report.currency", "XXX", "other than money"),  # "no currency"
        ("report.currency", "XAU", "other than money"),  # gold
    ],
)
def test_a_bad_value_is_one_sentence_naming_setting_and_value(
    db: Database, key: str, text: str, reason: str
) -> None:
    with pytest.raises(SettingError) as caught:
        settings.put(db, key, text)
    message = str(caught.value)
    # the reporting currency is refused as a currency (the exchange rates dialog shows the
    # message whole: "report.currency “ZZZ”" read as a key there); the others by the key the
    # command line takes
    named = v.label("currency") if key == "report.currency" else key
    assert message.startswith(f"{named} “") and text in message and reason in message
    assert "\n" not in message
    assert settings.all_values(db)[key] == settings.SETTINGS[key].default  # nothing stored


def test_unknown_setting(db: Database) -> None:
    with pytest.raises(UnknownSettingError, match=r"user\.zone"):
        settings.put(db, "user.zoen", "UTC")


def test_several_values_are_all_or_nothing(db: Database) -> None:
    with pytest.raises(SettingError):
        settings.put_many(db, {"user.country": "IR", "user.hours": "late"})
    assert settings.get(db, "user.country") is None
    settings.put_many(db, {"user.country": "IR", "user.hours": "08:00-16:00"})
    assert settings.get(db, "user.country") == "IR"


def test_user_calendar_follows_the_system_unless_pinned(db: Database, tmp_path: Path) -> None:
    settings.put_many(db, {"user.country": "SA", "user.hours": "08:00-16:00"})
    mine = settings.user_calendar(db, {"TZ": "Asia/Riyadh"}, tmp_path)
    assert (mine.zone, mine.pinned, mine.country) == ("Asia/Riyadh", False, "SA")
    assert mine.hours.weekend == frozenset({4, 5})  # Friday and Saturday
    assert (mine.hours.start, mine.hours.end) == (time(8), time(16))
    travelled = settings.user_calendar(db, {"TZ": "Asia/Bangkok"}, tmp_path)
    assert travelled.zone == "Asia/Bangkok"  # read again: follows the laptop
    settings.put(db, "user.zone", "Europe/Riga")
    pinned = settings.user_calendar(db, {"TZ": "Asia/Bangkok"}, tmp_path)
    assert (pinned.zone, pinned.pinned) == ("Europe/Riga", True)


def test_the_hours_example_reads_in_the_languages_digits_left_to_right() -> None:
    """Persian showed the example of a refused working-hours value as "17:00-09:00", in ASCII
    digits and backwards."""
    import pytest

    from accountdesk.core.bidi import LRI, PDI
    from accountdesk.core.i18n import use_language
    from accountdesk.core.settings import parse_hours

    with use_language("fa"), pytest.raises(ValueError) as raised:
        parse_hours("nine to five")
    assert f"{LRI}۰۹:۰۰-۱۷:۰۰{PDI}" in str(raised.value)
    with use_language("en"), pytest.raises(ValueError) as raised:
        parse_hours("nine to five")
    assert str(raised.value) == "write the hours as start-end, for example 09:00-17:00"


def test_working_hours_are_read_as_every_typed_time() -> None:
    """Settings → Me read "09.30-17.30" as 09:00-17:00 (minutes lost without a word) and
    refused "9:30-17:30", which the contact editor takes (review finding)."""
    from datetime import time

    from accountdesk.core.settings import parse_hours

    assert parse_hours("09.30-17.30") == (time(9, 30), time(17, 30))
    assert parse_hours("9:30-17:30") == (time(9, 30), time(17, 30))
    assert parse_hours("۹:۳۰–۱۷:۳۰") == (time(9, 30), time(17, 30))
    for bad in ("25:00-17:00", "9-17", "09:00-"):
        try:
            parse_hours(bad)
        except ValueError:
            continue
        raise AssertionError(bad)


def test_the_reporting_currency_and_a_rates_base_are_named_by_labels(db: Database) -> None:
    from accountdesk.core.services.rates import RateInput, save_rate

    with pytest.raises(SettingError) as refused:
        settings.put(db, "report.currency", "ZZZ")
    assert str(refused.value).startswith("Currency “ZZZ”: ")
    with pytest.raises(v.ValidationError) as wrong_base:
        save_rate(db, RateInput("JPY", "162.5", "2026-01-01", "XXX"), "EUR")
    assert str(wrong_base.value).startswith("Base currency “XXX”: ")
