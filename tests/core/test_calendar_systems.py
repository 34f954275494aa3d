"""Calendar systems: the Jalali arithmetic, and dates written and read in the calendar of the
language (Solar Hijri in Persian, the Buddhist era in Thai) through the one home in i18n."""

from __future__ import annotations

import ast
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accountdesk.core import calendars as c
from accountdesk.core import i18n


@pytest.mark.parametrize(
    ("g", "j"),
    [
        (date(2027, 3, 21), (1406, 1, 1)),
        (date(2026, 3, 21), (1405, 1, 1)),
        (date(2025, 3, 21), (1404, 1, 1)),
        (date(2024, 3, 20), (1403, 1, 1)),
        (date(2025, 3, 20), (1403, 12, 30)),  # 1403 is a leap year
        (date(1979, 2, 11), (1357, 11, 22)),
        (date(2000, 1, 1), (1378, 10, 11)),
        (date(2026, 9, 22), (1405, 6, 31)),
        (date(2026, 9, 23), (1405, 7, 1)),
    ],
)
def test_known_dates(g: date, j: tuple[int, int, int]) -> None:
    assert c.gregorian_to_jalali(g) == j
    assert c.jalali_to_gregorian(*j) == g


def test_round_trip_every_day_for_a_century() -> None:
    d = date(1950, 1, 1)
    previous = c.gregorian_to_jalali(d - timedelta(days=1))
    while d < date(2060, 1, 1):
        j = c.gregorian_to_jalali(d)
        assert c.jalali_to_gregorian(*j) == d
        assert j > previous
        previous = j
        d += timedelta(days=1)


def test_leap_years_and_invalid() -> None:
    assert c.is_jalali_leap(1403) and not c.is_jalali_leap(1404)
    with pytest.raises(ValueError):
        c.jalali_to_gregorian(1404, 12, 30)
    with pytest.raises(ValueError):
        i18n.format_date(date(2027, 1, 1), calendar="mayan")


def test_buddhist_era_and_default_calendars() -> None:
    assert c.buddhist_year(date(2026, 1, 1)) == 2569
    assert c.buddhist_year(date(2027, 12, 31)) == 2570
    assert [c.default_calendar(code) for code in ("fa", "fa_IR", "th-TH", "en", "lv")] == [
        c.PERSIAN, c.PERSIAN, c.BUDDHIST, c.GREGORIAN, c.GREGORIAN,
    ]  # fmt: skip


def test_calendars_module_does_not_import_i18n() -> None:
    """i18n imports the arithmetic; the arithmetic imports nothing of ours (no cycle)."""
    source = Path(c.__file__).read_text(encoding="utf-8")
    imported = {
        node.module
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert not any(name.startswith("accountdesk") for name in imported)
    assert not hasattr(c, "format_report_date")  # one home: i18n.format_date


# --- writing dates --------------------------------------------------------------------------

NOWRUZ_1405 = date(2026, 3, 21)


@pytest.mark.parametrize(
    ("lang", "style", "expected"),
    [
        ("fa", "short", "۱۴۰۵/۰۱/۰۱"),
        ("fa", "medium", "۱ فروردین ۱۴۰۵"),
        ("fa", "long", "۱ فروردین ۱۴۰۵"),
        ("fa", "full", "شنبه ۱ فروردین ۱۴۰۵"),
        ("th", "short", "21/3/69"),
        ("th", "medium", "21 มี.ค. 2569"),
        ("th", "long", "21 มีนาคม พ.ศ. 2569"),
        ("th", "full", "วันเสาร์ที่ 21 มีนาคม พ.ศ. 2569"),
        ("en", "short", "21/03/2026"),
        ("en", "medium", "21 Mar 2026"),
        ("en", "full", "Saturday, 21 March 2026"),
        ("lv", "medium", "2026. gada 21. marts"),
        ("sl", "medium", "21. mar. 2026"),
        ("tr", "medium", "21 Mar 2026"),
    ],
)
def test_styles_per_language(lang: str, style: str, expected: str) -> None:
    with i18n.use_language(lang):
        assert i18n.format_date(NOWRUZ_1405, style) == expected


def test_persian_new_years() -> None:
    with i18n.use_language("fa"):
        assert i18n.format_date(date(2027, 3, 21)) == "۱ فروردین ۱۴۰۶"
        assert i18n.format_date(date(2027, 3, 20)) == "۲۹ اسفند ۱۴۰۵"
        assert i18n.format_date(date(2025, 3, 20)) == "۳۰ اسفند ۱۴۰۳"  # leap year


def test_thai_never_labels_a_buddhist_year_as_common_era() -> None:
    with i18n.use_language("th"):
        for style in ("short", "medium", "long", "full"):
            text = i18n.format_date(date(2027, 3, 21), style)
            assert "ค.ศ." not in text and "2027" not in text
            assert "2570" in text or text.endswith("/70")
        assert "พ.ศ. 2570" in i18n.format_date(date(2027, 3, 21), "GGGG y").replace(
            "พุทธศักราช", "พ.ศ."
        )


def test_patterns_of_the_screens_take_the_calendar() -> None:
    moment = datetime(2026, 3, 21, 10, 5)
    with i18n.use_language("fa"):
        assert i18n.format_date(NOWRUZ_1405, "EEE d MMM") == "شنبه ۱ فروردین"
        assert i18n.format_date(NOWRUZ_1405, "d MMM yyyy") == "۱ فروردین ۱۴۰۵"
        assert i18n.format_date(NOWRUZ_1405, "G y") == "ه\u200d.ش. ۱۴۰۵"
        assert i18n.format_datetime(moment, "EEEE d MMMM y, HH:mm") == "شنبه ۱ فروردین ۱۴۰۵, ۱۰:۰۵"
        assert i18n.format_datetime(moment, "HH:mm") == "۱۰:۰۵"
    with i18n.use_language("th"):
        assert i18n.format_date(NOWRUZ_1405, "d MMM yyyy") == "21 มี.ค. 2569"
        assert i18n.format_date(NOWRUZ_1405, "d/M/yy") == "21/3/69"


def test_date_and_time_in_the_calendar_and_the_zone() -> None:
    from zoneinfo import ZoneInfo

    instant = datetime.fromisoformat("2026-03-20T21:00:00+00:00")  # 00:30 on 21 March in Tehran
    tehran = ZoneInfo("Asia/Tehran")
    with i18n.use_language("fa"):
        assert i18n.format_when(instant, tehran) == "۱ فروردین ۱۴۰۵،\u200f ۰:۳۰"
        assert i18n.format_datetime(instant, "short", tz=tehran) == "۱۴۰۵/۰۱/۰۱،\u200f ۰:۳۰"
        assert i18n.format_when(instant, ZoneInfo("UTC")) == "۲۹ اسفند ۱۴۰۴،\u200f ۲۱:۰۰"
    with i18n.use_language("th"):
        assert i18n.format_when(instant, ZoneInfo("Asia/Bangkok")) == "21 มี.ค. 2569 04:00"
    assert i18n.format_when(instant, tehran) == "21 Mar 2026, 00:30"
    assert i18n.format_datetime(instant, "medium", tz=tehran) == "21 Mar 2026, 00:30:00"


def test_gregorian_preference() -> None:
    i18n.set_calendar_preference("gregorian")
    with i18n.use_language("fa"):
        assert i18n.current_calendar() == c.GREGORIAN
        assert i18n.format_date(NOWRUZ_1405) == "۲۱ مارس ۲۰۲۶"
        assert i18n.format_date_input(NOWRUZ_1405) == "۲۰۲۶-۰۳-۲۱"
        # an example in Persian digits, never the Latin pattern in a Persian window
        assert i18n.date_input_placeholder() == "۲۰۲۷-۰۳-۲۲"
        assert i18n.datetime_input_placeholder() == "۲۰۲۷-۰۳-۲۲ ۱۰:۰۰"
        assert i18n.parse_date_input(i18n.date_input_placeholder()) == date(2027, 3, 22)
        assert i18n.parse_date_input("1405/01/01") == NOWRUZ_1405  # what is typed still works
    with i18n.use_language("th"):
        assert i18n.format_date(NOWRUZ_1405, "long") == "21 มีนาคม ค.ศ. 2026"
    i18n.set_calendar_preference("auto")
    with i18n.use_language("fa"):
        assert i18n.current_calendar() == c.PERSIAN
    with pytest.raises(ValueError):
        i18n.set_calendar_preference("jalali")


def test_report_dates_are_the_same_as_the_screens() -> None:
    from accountdesk.core.bidi import plain
    from accountdesk.core.reports.documents import ReportContext

    # a report keeps each date whole on its line (an isolate around it); the text is the screens'

    report = ReportContext("fa", True, datetime(2026, 5, 1), "Asia/Tehran")
    assert plain(report.date(date(2027, 3, 21))) == "۱ فروردین ۱۴۰۶"
    assert plain(report.date(date(2027, 3, 21), "short")) == "۱۴۰۶/۰۱/۰۱"
    assert i18n.current_language().code == "en"  # the report's language stayed in the report
    thai = ReportContext("th", False, datetime(2026, 5, 1), "Asia/Bangkok")
    assert plain(thai.date(date(2027, 3, 21), "long")) == "21 มีนาคม พ.ศ. 2570"
    i18n.set_calendar_preference("gregorian")
    assert plain(report.date(date(2027, 3, 21))) == "۲۱ مارس ۲۰۲۷"


# --- reading dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fa", "۱۴۰۶/۰۱/۰۲", date(2027, 3, 22)),
        ("fa", "1406-01-02", date(2027, 3, 22)),
        ("fa", "1406/1/2", date(2027, 3, 22)),
        ("fa", "\u2066۱۴۰۶/۰۱/۰۲\u2069", date(2027, 3, 22)),  # pasted with its bidi isolate
        ("fa", "2027-03-22", date(2027, 3, 22)),  # ISO keeps working
        ("fa", "۲۰۲۷-۰۳-۲۲", date(2027, 3, 22)),
        ("fa", "1403/12/30", date(2025, 3, 20)),
        ("th", "22/03/2570", date(2027, 3, 22)),
        ("th", "2570-03-22", date(2027, 3, 22)),
        ("th", "๒๒/๐๓/๒๕๗๐", date(2027, 3, 22)),
        ("th", "2027-03-22", date(2027, 3, 22)),
        ("en", "2027-03-22", date(2027, 3, 22)),
        ("en", " 22/03/2027 ", date(2027, 3, 22)),
        ("lv", "22.03.2027", date(2027, 3, 22)),
    ],
)
def test_parse_date_input(lang: str, text: str, expected: date) -> None:
    with i18n.use_language(lang):
        assert i18n.parse_date_input(text) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fa", "1404/12/30"),  # 1404 is not a leap year
        ("fa", "1600-01-01"),  # neither Solar Hijri nor a Gregorian year of ours
        ("fa", "1406-13-01"),
        ("en", "2027-02-30"),
        ("en", "2027-03"),
        ("en", "next week"),
        ("en", "2027-03/22"),
        ("th", "22/3/70"),  # a two-digit year is ambiguous
    ],
)
def test_parse_date_input_refuses(lang: str, text: str) -> None:
    with i18n.use_language(lang):
        with pytest.raises(i18n.DateInputError) as caught:
            i18n.parse_date_input(text)
        assert i18n.format_date_input(date(2027, 3, 22)) in str(caught.value)  # an example


def test_parse_datetime_input() -> None:
    with i18n.use_language("fa"):
        assert i18n.parse_datetime_input("۱۴۰۶/۰۱/۰۲ ۱۰:۳۰") == datetime(2027, 3, 22, 10, 30)
        assert i18n.parse_datetime_input("2027-03-22T9:05") == datetime(2027, 3, 22, 9, 5)
        assert i18n.format_datetime_input(datetime(2027, 3, 22, 9, 5)) == "۱۴۰۶/۰۱/۰۲ ۰۹:۰۵"
        # the Persian comma, with which Persian dates are shown (copied with its mark too)
        assert i18n.parse_datetime_input("۱۴۰۶/۰۱/۰۲، ۱۰:۰۰") == datetime(2027, 3, 22, 10)
        assert i18n.parse_datetime_input("۱۴۰۶/۰۱/۰۲،۱۰:۰۰") == datetime(2027, 3, 22, 10)
        shown = i18n.format_datetime(datetime(2027, 3, 22, 10), "short")
        assert "،" in shown and i18n.parse_datetime_input(shown) == datetime(2027, 3, 22, 10)
    with i18n.use_language("th"):
        assert i18n.parse_datetime_input("22/03/2570, 10:00") == datetime(2027, 3, 22, 10)
    assert i18n.parse_datetime_input("2027-03-22 10:00") == datetime(2027, 3, 22, 10)
    for bad in ("2027-03-22", "2027-03-22 25:00", "10:00"):
        with pytest.raises(i18n.DateInputError, match="2027-03-22 10:00"):
            i18n.parse_datetime_input(bad)


LANGS = st.sampled_from(sorted(i18n.LANGUAGES))
DAYS = st.dates(min_value=date(1922, 3, 21), max_value=date(2120, 3, 20))  # 1301–1498 SH


@given(lang=LANGS, day=DAYS, gregorian=st.booleans())
def test_what_a_field_shows_is_read_back(lang: str, day: date, gregorian: bool) -> None:
    i18n.set_calendar_preference("gregorian" if gregorian else "auto")
    try:
        with i18n.use_language(lang):
            assert i18n.parse_date_input(i18n.format_date_input(day)) == day
            moment = datetime.combine(day, datetime.min.time()).replace(hour=23, minute=59)
            assert i18n.parse_datetime_input(i18n.format_datetime_input(moment)) == moment
    finally:
        i18n.set_calendar_preference("auto")


@given(day=DAYS)
def test_persian_short_date_is_read_back(day: date) -> None:
    with i18n.use_language("fa"):
        assert i18n.parse_date_input(i18n.format_date(day, "short")) == day


def test_date_and_time_with_a_chosen_date_style() -> None:
    from zoneinfo import ZoneInfo

    instant = datetime.fromisoformat("2026-11-30T06:30:00+00:00")
    with i18n.use_language("fa"):
        assert i18n.format_when(instant, ZoneInfo("Asia/Tehran"), "full") == (
            "دوشنبه ۹ آذر ۱۴۰۵، ساعت ۱۰:۰۰"
        )
        assert i18n.format_when(instant, ZoneInfo("Asia/Tehran"), "EEE d MMM") == (
            "دوشنبه ۹ آذر،\u200f ۱۰:۰۰"
        )
    with i18n.use_language("th"):
        assert i18n.format_when(instant, ZoneInfo("Asia/Bangkok"), "full") == (
            "วันจันทร์ที่ 30 พฤศจิกายน พ.ศ. 2569 13:30"
        )
    assert i18n.format_when(instant, ZoneInfo("Europe/Riga"), "EEE d MMM") == "Mon 30 Nov, 08:30"


def test_quarters_are_the_calendars_own_with_the_thai_year_in_the_buddhist_era() -> None:
    assert i18n.format_quarter(date(2026, 2, 1)) == "Q1 2026"
    with i18n.use_language("th"):
        assert "2569" in i18n.format_quarter(date(2026, 11, 30))
        assert i18n.format_quarter(date(2026, 11, 30), compact=True) == "2569 Q4"
        assert i18n.format_month_compact(date(2026, 11, 30)) == "พ.ย. พ.ศ.\u00a02569"
    with i18n.use_language("fa"):
        # 9 Azar 1405: the third quarter (Mehr–Azar) of the Solar Hijri year
        assert i18n.format_quarter(date(2026, 11, 30), compact=True) == "۱۴۰۵ Q۳"
        assert i18n.format_quarter(date(2026, 12, 22), compact=True) == "۱۴۰۵ Q۴"  # 1 Dey
        assert i18n.format_month_compact(date(2026, 11, 30)) == "آذر ۱۴۰۵"  # Solar Hijri


#: What a language may write for each quarter (one message a quarter, in its context): the
#: ordinal where it has one (review rev19's 8th: "سه‌ماهه ۳ ۱۴۰۴" put two numbers side by
#: side). The catalogs are the translators'; these stand in for them here.
QUARTER_WORDS = {
    "fa": ("سه‌ماهه اول {year}", "سه‌ماهه دوم {year}", "سه‌ماهه سوم {year}", "سه‌ماهه چهارم {year}"),
    "sl": ("1. četrtletje {year}", "2. četrtletje {year}", "3. četrtletje {year}",
           "4. četrtletje {year}"),
}  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "day", "shown"),
    [
        ("fa", date(2025, 10, 1), "سه‌ماهه سوم ۱۴۰۴"),  # 9 Mehr 1404
        ("fa", date(2026, 3, 21), "سه‌ماهه اول ۱۴۰۵"),  # 1 Farvardin
        ("fa", date(2026, 3, 20), "سه‌ماهه چهارم ۱۴۰۴"),  # 29 Esfand
        ("sl", date(2026, 5, 1), "2. četrtletje 2026"),
    ],
)
def test_each_quarter_is_a_message_of_its_own_a_language_writes_as_an_ordinal(
    monkeypatch: pytest.MonkeyPatch, lang: str, day: date, shown: str
) -> None:
    import gettext

    contexts = ("the first", "the second", "the third", "the fourth")
    words = {
        (f"{c} quarter of a year", f"Q{n} {{year}}"): QUARTER_WORDS[lang][n - 1]
        for n, c in enumerate(contexts, 1)
    }

    class Catalog(gettext.NullTranslations):
        def pgettext(self, context: str, message: str) -> str:
            return words.get((context, message), message)

    monkeypatch.setattr(i18n, "_translations", Catalog)
    with i18n.use_language(lang):
        assert i18n.format_quarter(day) == shown
