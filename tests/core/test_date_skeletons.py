"""A day with its weekday and month, written as each language writes it (CLDR skeletons through
i18n.format_skeleton), in the language's calendar (Solar Hijri in Persian, the Buddhist era in
Thai): the screens once wrote every language with English patterns ("trešd. 2 dec." for
Latvian's "trešd., 2. dec.")."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from accountdesk.core import i18n

WEDNESDAY = date(2026, 12, 2)  # 11 Azar 1405
#: Monday 30 November 2026, 09:00 UTC: 11:00 in Riga and Ljubljana's 10:00, 12:30 in Tehran
MONDAY_MORNING = datetime.fromisoformat("2026-11-30T09:00:00+00:00")


@pytest.mark.parametrize(
    ("lang", "short", "long"),
    [
        ("en", "Wed 2 Dec", "Wednesday 2 December"),
        ("lv", "trešd., 2. dec.", "trešdiena, 2. decembris"),
        ("sl", "sre., 2. dec.", "sreda, 2. december"),
        ("tr", "2 Ara Çar", "2 Aralık Çarşamba"),
        ("th", "พ. 2 ธ.ค.", "วันพุธที่ 2 ธันวาคม"),
        ("fa", "چهارشنبه ۱۱ آذر", "چهارشنبه ۱۱ آذر"),  # Solar Hijri
    ],
)
def test_weekday_day_and_month_in_each_language(lang: str, short: str, long: str) -> None:
    with i18n.use_language(lang):
        assert i18n.format_skeleton(WEDNESDAY, "MMMEd") == short
        assert i18n.format_skeleton(WEDNESDAY, "MMMMEEEEd") == long


@pytest.mark.parametrize(
    ("lang", "zone", "short", "long"),
    [
        ("en", "Europe/Riga", "Mon 30 Nov, 11:00", "Monday 30 November, 11:00"),
        ("lv", "Europe/Riga", "pirmd., 30. nov. 11:00", "pirmdiena, 30. novembris 11:00"),
        ("sl", "Europe/Ljubljana", "pon., 30. nov., 10:00", "ponedeljek, 30. november 10:00"),
        ("tr", "Europe/Istanbul", "30 Kas Pzt 12:00", "30 Kasım Pazartesi 12:00"),
        ("th", "Asia/Bangkok", "จ. 30 พ.ย. 16:00", "วันจันทร์ที่ 30 พฤศจิกายน 16:00"),
        ("fa", "Asia/Tehran", "دوشنبه ۹ آذر،\u200f ۱۲:۳۰", "دوشنبه ۹ آذر، ساعت ۱۲:۳۰"),
    ],
)
def test_with_the_time_joined_as_the_language_joins_it(
    lang: str, zone: str, short: str, long: str
) -> None:
    with i18n.use_language(lang):
        assert i18n.format_skeleton(MONDAY_MORNING, "MMMEd", tz=ZoneInfo(zone), time=True) == short
        assert (
            i18n.format_skeleton(MONDAY_MORNING, "MMMMEEEEd", tz=ZoneInfo(zone), time=True) == long
        )


def test_the_zone_decides_the_day_in_every_calendar() -> None:
    late = datetime.fromisoformat("2026-03-20T21:00:00+00:00")  # 00:30 on Nowruz in Tehran
    with i18n.use_language("fa"):
        assert i18n.format_skeleton(late, "MMMEd", tz=ZoneInfo("Asia/Tehran")) == "شنبه ۱ فروردین"
        assert i18n.format_skeleton(late, "MMMEd", tz=ZoneInfo("UTC")) == "جمعه ۲۹ اسفند"
    with i18n.use_language("lv"):
        tehran = ZoneInfo("Asia/Tehran")
        assert i18n.format_skeleton(late, "MMMEd", tz=tehran) == "sestd., 21. marts"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Wed, 2 Dec 2026"),
        ("lv", "trešd., 2026. g. 2. dec."),
        ("sl", "sre., 2. dec. 2026"),
        ("th", "พ. 2 ธ.ค. 2569"),  # the Buddhist era's year
        ("fa", "چهارشنبه ۱۱ آذر ۱۴۰۵"),
    ],
)
def test_with_the_year_of_the_calendar(lang: str, expected: str) -> None:
    with i18n.use_language(lang):
        assert i18n.format_skeleton(WEDNESDAY, "yMMMEd") == expected


def test_day_and_month_alone_and_weekday_and_day_alone() -> None:
    with i18n.use_language("lv"):
        assert i18n.format_skeleton(WEDNESDAY, "MMMd") == "2. dec."
        assert i18n.format_skeleton(WEDNESDAY, "Ed") == "trešd., 2."
    with i18n.use_language("sl"):
        assert i18n.format_skeleton(WEDNESDAY, "yMMMd") == "2. dec. 2026"
    with i18n.use_language("fa"):
        assert i18n.format_skeleton(WEDNESDAY, "MMMd") == "۱۱ آذر"
        assert i18n.format_skeleton(WEDNESDAY, "Ed") == "چهارشنبه ۱۱"


def test_gregorian_preference_in_persian_and_thai() -> None:
    i18n.set_calendar_preference("gregorian")
    try:
        with i18n.use_language("fa"):
            assert i18n.format_skeleton(WEDNESDAY, "yMMMEd") == "چهارشنبه ۲ دسامبر ۲۰۲۶"
        with i18n.use_language("th"):
            assert i18n.format_skeleton(WEDNESDAY, "yMMMEd") == "พ. 2 ธ.ค. 2026"
    finally:
        i18n.set_calendar_preference("auto")
    with i18n.use_language("fa"):  # a birthday stays Gregorian in any case
        assert i18n.format_skeleton(WEDNESDAY, "MMMd", calendar="gregorian") == "۲ دسامبر"


def test_a_date_without_a_time_cannot_be_written_with_one() -> None:
    with pytest.raises(TypeError):
        i18n.format_skeleton(WEDNESDAY, "MMMEd", time=True)
