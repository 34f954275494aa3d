"""The Countries screen (pytest-qt): list, profile, the user's notes, holidays, Persian RTL."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt

from accountdesk.ui import tasks
from accountdesk.ui.countries.screen import CountriesScreen
from accountdesk.ui.navigation import load_feature_screens


def _screen(ctx: Any, qtbot: Any) -> CountriesScreen:
    screen = CountriesScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    return screen


def test_registered_after_contacts() -> None:
    keys = [s.key for s in load_feature_screens()]
    assert "countries" in keys
    # The order: Today, Accounts, Contacts, Follow-ups, Countries, Reports.
    expected = ["today", "accounts", "contacts", "followups", "countries", "reports"]
    assert [k for k in keys if k in expected] == [k for k in expected if k in keys]


def test_lists_every_country_and_searches(ctx: Any, qtbot: Any) -> None:
    screen = _screen(ctx, qtbot)
    assert screen.list.count() >= 240
    qtbot.keyClicks(screen.search, "thai")
    assert screen.visible_codes() == ["TH"]
    assert (
        "✓"
        in screen.list.item(
            [
                screen.list.item(r).data(Qt.ItemDataRole.UserRole)
                for r in range(screen.list.count())
            ].index("TH")
        ).text()
    )
    screen.search.clear()
    screen.only_curated.setChecked(True)
    assert {"LV", "SI", "TH", "TR", "IR"} <= set(screen.visible_codes())
    assert "AQ" not in screen.visible_codes()


def test_iran_profile_has_a_friday_weekend(ctx: Any, qtbot: Any) -> None:
    screen = _screen(ctx, qtbot)
    screen.select("IR")
    data = screen.data
    assert data is not None and data.code == "IR"
    assert data.profile.weekend == frozenset({4})
    assert "Iran" in screen.title.text()
    form_text = " ".join(w.text() for w in screen.profile_form.findChildren(type(screen.title)))
    assert "Friday" in form_text
    assert "Persian" in form_text
    assert "Asia/Tehran" in form_text
    assert screen.calendar.first_weekday() == 5  # Saturday
    html = screen.etiquette.toPlainText()
    assert "Greeting and forms of address" in html and "Useful phrases" in html
    assert "Do" in html and "Don't" in html
    # a country, no person: the disclaimer says "an individual", not "this person"
    assert "never an individual" in html and "this person" not in html


def test_user_note_is_added_and_shown(ctx: Any, qtbot: Any) -> None:
    screen = _screen(ctx, qtbot)
    screen.select("TR")
    assert screen.notes.model.rowCount() == 0
    dialog = screen.note_dialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.fields["body"], "Tea first, business after.")
    dialog.accept()
    assert screen.notes.model.rowCount() == 1
    assert screen.notes.model.items[0].body == "Tea first, business after."
    assert "Your notes on Türkiye" in screen.notes_title.text()
    row = [screen.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(screen.list.count())]
    assert screen.list.item(row.index("TR")).text().endswith("•")
    ctx.delete("country_note", screen.notes.model.items[0].id, "Tea")
    assert screen.notes.model.rowCount() == 0


def test_calendar_highlights_a_2027_holiday(ctx: Any, qtbot: Any) -> None:
    screen = _screen(ctx, qtbot)
    screen.select("TH")
    screen.year.setValue(2027)
    data = screen.data
    assert data is not None and data.year == 2027
    assert (data.start, data.end) == (date(2027, 1, 1), date(2027, 12, 31))
    songkran = date(2027, 4, 13)
    assert any("Songkran" in h.name for h in screen.holidays_on(songkran))
    mark = screen.calendar.mark_of(songkran)
    assert mark.background in ("#ffd6d6", "#ffe9c7") and mark.bold
    assert "Songkran" in mark.tooltip
    assert screen.calendar.mark_of(date(2027, 4, 7)).tooltip == ""
    screen.calendar.set_selected(songkran)
    tooltip = screen.calendar.index_of(songkran).data(Qt.ItemDataRole.ToolTipRole)
    assert "Songkran" in tooltip
    assert "Songkran" in screen.day_label.text()
    assert screen.holidays.model.rowCount() >= 15


def test_the_pronunciation_guides_are_shown_to_english_readers_only(ctx: Any, qtbot: Any) -> None:
    """The guides are English respellings: "Memnun oldum — mem-NOON ol-doom" told a Slovenian
    reader to say "oo" and "ee" as English does. In Slovenian the phrase and its meaning stay."""
    from accountdesk.ui.app import apply_language

    screen = _screen(ctx, qtbot)
    screen.select("TR")
    english = screen.etiquette.toPlainText()
    assert "Memnun oldum" in english and "mem-NOON ol-doom" in english
    apply_language("sl")
    try:
        screen = _screen(ctx, qtbot)
        screen.select("TR")
        slovenian = screen.etiquette.toPlainText()
        assert "Memnun oldum" in slovenian and "mem-NOON" not in slovenian
        assert "HOSH-cha" not in slovenian
    finally:
        apply_language("en")
    assert tasks.wait_all()


def test_persian_is_right_to_left(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.app import apply_language

    apply_language("fa")
    try:
        screen = _screen(ctx, qtbot)
        screen.select("IR")
        assert screen.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert "ایران" in screen.title.text()
        assert screen.isRightToLeft()
    finally:
        apply_language("en")
    assert tasks.wait_all()


def test_persian_year_is_solar_hijri_and_selects_its_holidays(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.app import apply_language

    apply_language("fa")
    try:
        screen = _screen(ctx, qtbot)
        screen.select("IR")
        assert screen.year.text() == "۱۴۰۳"  # 12 March 2025 is 22 Esfand 1403
        screen.year.setValue(1405)
        data = screen.data
        assert data is not None and data.year == 1405
        assert (data.start, data.end) == (date(2026, 3, 21), date(2027, 3, 20))
        assert screen.year.text() == "۱۴۰۵"
        days = [h.date for h in data.holidays]
        assert days[0] == date(2026, 3, 21)  # Nowruz opens the year
        assert date(2027, 3, 20) in days  # 29 Esfand 1405: oil nationalisation day
        assert date(2026, 3, 20) not in days  # … of 1404, another year
        assert date(2027, 3, 21) not in days  # Nowruz 1406
        assert screen.calendar.title.text() == "اسفند ۱۴۰۵"  # the month of the day selected
        assert screen.calendar.first_weekday() == 5  # Saturday
        screen.calendar.move_months(1)  # paging into 1406 moves the year with it
        assert screen.year.value() == 1406
        assert screen.data is not None and screen.data.start == date(2027, 3, 21)
        assert screen.calendar.title.text() == "فروردین ۱۴۰۶"
    finally:
        apply_language("en")
    assert tasks.wait_all()


def test_thai_year_is_buddhist_era(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.app import apply_language

    apply_language("th")
    try:
        screen = _screen(ctx, qtbot)
        screen.select("TH")
        assert screen.year.value() == 2568 and screen.year.text() == "2568"
        screen.year.setValue(2570)
        data = screen.data
        assert data is not None
        assert (data.start, data.end) == (date(2027, 1, 1), date(2027, 12, 31))
        assert screen.holidays_on(date(2027, 4, 13))  # Songkran
        assert screen.calendar.title.text() == "มีนาคม 2570"
    finally:
        apply_language("en")
    assert tasks.wait_all()


def test_one_holiday_text_for_panel_and_screen(ctx: Any, qtbot: Any) -> None:
    """The day label and the tooltips say a holiday as the reach-out panel does
    (culture_panel.holiday_text): the kind only when it is not a public holiday."""
    from accountdesk.core.bidi import plain
    from accountdesk.core.culture.panel import holiday_text

    screen = _screen(ctx, qtbot)
    screen.select("TH")
    screen.year.setValue(2027)
    songkran, teachers = date(2027, 4, 13), date(2027, 1, 16)
    screen.calendar.set_selected(songkran)
    assert plain(screen.day_label.text()) == "Tuesday, 13 April 2027: Songkran Festival"
    screen.calendar.set_selected(teachers)
    assert plain(screen.day_label.text()) == "Saturday, 16 January 2027: Teacher's Day (school)"
    [holiday] = screen.holidays_on(teachers)
    tooltip = screen.calendar.index_of(teachers).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == holiday_text(holiday, with_day=False)


def test_calendar_marks_the_countrys_own_weekend(ctx: Any, qtbot: Any) -> None:
    """Libya rests Friday–Saturday, its week starts on Sunday; Hong Kong's offices rest
    Saturday–Sunday (the holidays package's "Sunday" is its rule for moving holidays)."""
    screen = _screen(ctx, qtbot)
    screen.select("LY")
    assert screen.calendar.model.weekend == frozenset({4, 5})
    assert screen.calendar.first_weekday() == 6  # Sunday
    screen.select("HK")
    assert screen.calendar.model.weekend == frozenset({5, 6})
    assert screen.calendar.first_weekday() == 0  # Monday
    screen.select("BN")  # Friday and Sunday: the week starts on Monday
    assert screen.calendar.model.weekend == frozenset({4, 6})
    assert screen.calendar.first_weekday() == 0


@pytest.mark.parametrize(
    ("language", "typed", "code"),
    [
        ("tr", "iran", "IR"),  # İran
        ("tr", "IRAN", "IR"),
        ("tr", "italya", "IT"),  # İtalya
        ("tr", "isviçre", "CH"),  # İsviçre
        ("tr", "ırak", "IQ"),  # Irak
        ("lv", "vacija", "DE"),  # Vācija
        ("sl", "svica", "CH"),  # Švica
        ("fa", "ايران", "IR"),  # ایران typed with the Arabic yeh of an Arabic keyboard
        ("en", "cote", "CI"),  # Côte d'Ivoire
    ],
)
def test_search_folds_as_ctrl_k_does(
    ctx: Any, qtbot: Any, language: str, typed: str, code: str
) -> None:
    """The country list is searched with the search's folding (``ui.pickers.folded``): case,
    accents, Turkish İ and ı, Arabic-script letter forms; str.casefold() found none of these."""
    from accountdesk.ui.app import apply_language

    apply_language(language)
    try:
        screen = _screen(ctx, qtbot)
        screen.search.setText(typed)  # as typed: QTest cannot type "ı" or Arabic letters
        assert code in screen.visible_codes(), (typed, screen.visible_codes()[:5])
    finally:
        apply_language("en")
    assert tasks.wait_all()
