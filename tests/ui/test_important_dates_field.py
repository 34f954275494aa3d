"""The contact editor's "Important dates" box: kinds typed and shown in the UI language, dates
in the user's calendar, a date without its year as a Gregorian month and day, written as the
language writes one (QA: a Persian user's "تولد ۱۳۶۲/۱۲/۲۴" was refused with a message that
listed internal identifiers and "MM-DD")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.calendars import jalali_to_gregorian
from accountdesk.core.db.engine import Database
from accountdesk.core.labels import DATE_KIND, label
from accountdesk.core.records import ImportantDateInput
from accountdesk.core.services.accounts import contact_for_edit, update_contact
from accountdesk.core.validation import ValidationError
from accountdesk.ui.contacts import editor as editor_module
from accountdesk.ui.contacts.editor import (
    ContactEditor,
    dates_text,
    how_to_write_dates,
    month_day_text,
    parse_dates,
)

IDENTIFIERS = ("birthday", "work_anniversary", "custom")


@pytest.fixture
def gregorian() -> Iterator[None]:
    i18n.set_calendar_preference("gregorian")
    yield
    i18n.set_calendar_preference("auto")


@pytest.fixture
def untranslated(monkeypatch: pytest.MonkeyPatch) -> None:
    """The editor's own sentences in English (the catalogs may not have them yet), while dates,
    digits and the kinds' labels follow the language."""
    monkeypatch.setattr(editor_module, "_", lambda message: message)


def _kinds(text: str) -> list[tuple[str, int | None, int, int, str | None]]:
    return [(d.kind, d.year, d.month, d.day, d.label) for d in parse_dates(text)]


def test_a_persian_birthday_in_persian_words_and_solar_hijri() -> None:
    born = jalali_to_gregorian(1362, 12, 24)
    with i18n.use_language("fa"):
        assert _kinds("تولد ۱۳۶۲/۱۲/۲۴") == [("birthday", born.year, born.month, born.day, None)]
        assert _kinds("سالگرد کاری ۱۴۰۰/۰۱/۰۱\nتاریخ دیگر ۱۲-۲۴ شب یلدا") == [
            ("work_anniversary", 2021, 3, 21, None),
            ("custom", None, 12, 24, "شب یلدا"),
        ]
        # Arabic yeh and kaf for the Persian ones, as an Arabic keyboard types them
        assert _kinds("سالگرد كاري ۱۴۰۰/۰۱/۰۱")[0][0] == "work_anniversary"
        shown = dates_text(parse_dates("تولد ۱۳۶۲/۱۲/۲۴\nتاریخ دیگر ۲۴ دسامبر شب یلدا"))
    # the date kept left to right (isolated), which reading drops again
    assert shown == "تولد \u2066۱۳۶۲/۱۲/۲۴\u2069\nتاریخ دیگر ۲۴ دسامبر شب یلدا"


@pytest.mark.parametrize(
    ("lang", "typed"),
    [
        ("en", "BIRTHDAY 1984-05-17\nwork anniversary 2020-03-22\nOther Date 12-24 Name day"),
        (
            "lv",
            "dzimšanas diena 17.05.1984\nDARBA JUBILEJA 22.03.2020\ncits datums 24.12. Name day",
        ),
        (
            "sl",
            "ROJSTNI DAN 17. 05. 1984\ndelovna obletnica 22. 03. 2020\nDrug datum 24. 12. Name day",
        ),
        ("tr", "doğum günü 17.05.1984\nİŞ YILDÖNÜMÜ 22.03.2020\ndiğer tarih 24.12 Name day"),
        ("th", "วันเกิด 17/05/2527\nวันครบรอบการทำงาน22/03/2563\nวันสำคัญอื่น 24/12 Name day"),
    ],
)
def test_kinds_are_typed_in_the_ui_language_in_any_case(lang: str, typed: str) -> None:
    with i18n.use_language(lang):
        assert _kinds(typed) == [
            ("birthday", 1984, 5, 17, None),
            ("work_anniversary", 2020, 3, 22, None),
            ("custom", None, 12, 24, "Name day"),
        ]


@pytest.mark.parametrize("lang", sorted(i18n.LANGUAGES))
def test_the_english_identifiers_the_box_wrote_before_still_read(lang: str) -> None:
    with i18n.use_language(lang):
        old = "birthday 1984-05-17 Ana\nwork_anniversary 2020-03-22\ncustom 12-24 Name day"
        assert _kinds(old) == [
            ("birthday", 1984, 5, 17, "Ana"),
            ("work_anniversary", 2020, 3, 22, None),
            ("custom", None, 12, 24, "Name day"),
        ]


@pytest.mark.parametrize("lang", sorted(i18n.LANGUAGES))
def test_the_box_shows_kinds_as_the_language_names_them(lang: str) -> None:
    items = [ImportantDateInput("birthday", 5, 17, 1984), ImportantDateInput("custom", 12, 24)]
    with i18n.use_language(lang):
        shown = dates_text(items)
        names = [label(DATE_KIND, "birthday"), label(DATE_KIND, "custom")]
    lines = shown.splitlines()
    assert len(lines) == 2, shown
    assert all(line.startswith(name + " ") for line, name in zip(lines, names, strict=True))
    assert not any(word in shown for word in IDENTIFIERS), shown


def test_the_message_names_the_kinds_as_typed_and_no_identifier() -> None:
    with i18n.use_language("fa"), pytest.raises(ValidationError) as refused:
        parse_dates("تولدش ۱۳۶۲/۱۲/۲۴")
    reason = refused.value.reason
    for kind in ("تولد", "سالگرد کاری", "تاریخ دیگر"):
        assert kind in reason
    for word in (*IDENTIFIERS, "MM-DD", "YYYY"):
        assert word not in reason
    assert "۱۴۰۶/۰۱/۰۲" in reason  # a full date as the date fields write it
    assert "۲۲ مارس" in reason  # without the year: the Gregorian month, named


def test_without_a_year_the_message_says_gregorian_where_the_calendar_is_not(
    untranslated: None,
) -> None:
    with i18n.use_language("fa"):
        assert "the Gregorian month and day, such as ۲۲ مارس," in how_to_write_dates()
    for lang in ("en", "th", "lv"):
        with i18n.use_language(lang):
            assert "Gregorian" not in how_to_write_dates()  # their month and day are its own
    with i18n.use_language("th"):
        assert "such as \u206622/3\u2069 (22 มี.ค.)" in how_to_write_dates()
    with i18n.use_language("en"):
        assert "such as \u206603-22\u2069 (22 Mar)" in how_to_write_dates()


def test_persian_with_the_gregorian_setting(untranslated: None, gregorian: None) -> None:
    """Dates as the Gregorian date fields write them, isolated left to right (after Persian
    words "۱۹۸۴-۰۵-۱۷" would show as "۱۷-۰۵-۱۹۸۴"); without the year the month is named."""
    items = [ImportantDateInput("birthday", 5, 17, 1984), ImportantDateInput("custom", 12, 24)]
    with i18n.use_language("fa"):
        assert "such as \u2066۲۰۲۷-۰۳-۲۲\u2069 or" in how_to_write_dates()
        shown = dates_text(items)
        assert shown == "تولد \u2066۱۹۸۴-۰۵-۱۷\u2069\nتاریخ دیگر ۲۴ دسامبر"
        assert parse_dates(shown) == items
        assert parse_dates("تولد ۱۹۸۴-۰۵-۱۷\nتاریخ دیگر ۱۲-۲۴") == items


def test_a_date_without_its_year_is_written_in_the_order_of_the_date_fields() -> None:
    written = {}
    for lang in sorted(i18n.LANGUAGES):
        with i18n.use_language(lang):
            written[lang] = month_day_text(12, 24)
    assert written == {
        "en": "12-24",
        "fa": "۲۴ دسامبر",  # Gregorian, named: a Solar Hijri month and day is not stored
        "lv": "24.12.",
        "sl": "24. 12.",
        "th": "24/12",  # the Buddhist era's months and days are the Gregorian ones
        "tr": "24.12",
    }


def test_a_solar_hijri_month_and_day_is_refused_not_misread() -> None:
    """Without the year, ۱۲/۲۴ (24 Esfand) has no one Gregorian day: it is refused, with the
    message saying how to write it, never read as 24 December or as a day of some year."""
    with i18n.use_language("fa"), pytest.raises(ValidationError):
        parse_dates("تولد ۱۲/۲۴")
    with i18n.use_language("fa"):  # the Gregorian month by its name, either way round
        assert _kinds("تولد ۲۴ دسامبر\nتولد مارس ۲۲\nتولد ۱ مهٔ") == [
            ("birthday", None, 12, 24, None),
            ("birthday", None, 3, 22, None),
            ("birthday", None, 5, 1, None),
        ]
    with i18n.use_language("en"):
        assert _kinds("Other date 1 May Day") == [("custom", None, 5, 1, "Day")]
    with i18n.use_language("th"):  # day first, as the Thai date fields write it
        assert _kinds("วันเกิด 05/03") == [("birthday", None, 3, 5, None)]
    with i18n.use_language("lv"):
        assert _kinds("Cits datums 05.03. Vārda diena") == [("custom", None, 3, 5, "Vārda diena")]


def test_the_editors_hint_is_in_the_users_words(
    ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    with i18n.use_language("fa"):
        editor = ContactEditor(ctx, sample["anna"])
        qtbot.addWidget(editor)
        # under the box, whole, while the user types (a placeholder went at the first key and
        # was cut at the box's edge)
        note = editor.findChild(QLabel, "hint_important_dates")
        assert note is not None and note.wordWrap()
        hint = note.text()
        shown = editor.text("important_dates")
    assert "تولد" in hint and "تاریخ دیگر" in hint
    assert not any(word in hint for word in (*IDENTIFIERS, "MM-DD"))
    assert plain(shown) == "تولد ۱۳۵۸/۱۲/۲۵"  # 15 March 1980, as the date fields write it


def test_an_edit_keeps_a_date_without_a_reminder_silent(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any
) -> None:
    loaded = contact_for_edit(db, sample["anna"])
    data = loaded.data
    data.important_dates = [
        ImportantDateInput("birthday", 3, 15, 1980, remind=False),
        ImportantDateInput("custom", 12, 24, None, "Name day"),
    ]
    update_contact(db, sample["anna"], data, expected_version=loaded.version)
    editor = ContactEditor(ctx, sample["anna"])
    qtbot.addWidget(editor)
    editor.set_text("job_title", "CFO")
    editor.accept()
    assert editor.result() == 1
    stored = contact_for_edit(db, sample["anna"]).data.important_dates
    assert [(d.kind, d.remind) for d in stored] == [("birthday", False), ("custom", True)]


@pytest.mark.parametrize("lang", sorted(i18n.LANGUAGES))
@pytest.mark.parametrize("named", ["1990 founded", "2027 plan", "12 years together"])
def test_a_yearly_date_before_a_label_starting_with_a_number_stays_yearly(
    lang: str, named: str
) -> None:
    """Latvian and Slovenian write a stop after the month ("05.04."): followed by "1990
    founded" it read back as 5 April 1990, and a save turned the yearly date into a dated one."""
    items = [ImportantDateInput("custom", 4, 5, None, named)]
    with i18n.use_language(lang):
        assert parse_dates(dates_text(items)) == items


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("sl", "Rojstni dan 9. 3. 1984\nDrug datum 9. 3."),  # d. M. yy: no leading zeros
        ("lv", "Dzimšanas diena 09.03.1984\nCits datums 09.03."),  # dd.MM.yy
        ("tr", "Doğum günü 9.03.1984\nDiğer tarih 9.03"),  # d.MM.y
        ("th", "วันเกิด 9/3/2527\nวันสำคัญอื่น 9/3"),  # d/M/yy
    ],
)
def test_a_date_without_its_year_pads_as_the_date_fields_do(lang: str, shown: str) -> None:
    """The box wrote "09. 03." beside the date fields' "9. 3. 2027" (one rule: i18n)."""
    items = [ImportantDateInput("birthday", 3, 9, 1984), ImportantDateInput("custom", 3, 9)]
    with i18n.use_language(lang):
        assert dates_text(items) == shown
        assert parse_dates(shown) == items
