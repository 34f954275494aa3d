"""Days with their weekday on the screens are written as the language writes them (CLDR, through
i18n.format_skeleton): QA found "trešd. 2 dec." for Latvian's "trešd., 2. dec." and "ponedeljek
30 november" for Slovenian's "ponedeljek, 30. november" in the reach-out panel, Today, the
Countries screen, the scheduling dialog and the meeting planner."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest

from accountdesk.core import i18n, settings
from accountdesk.core.bidi import plain
from accountdesk.core.culture.calendar import Holiday
from accountdesk.core.culture.panel import TodayItem
from accountdesk.core.culture.seasons import Season
from accountdesk.ui import tasks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

WEDNESDAY = date(2026, 12, 2)


@pytest.fixture
def language() -> Iterator[Any]:
    """Switch the app's language (as the Language menu does); English again afterwards."""
    from accountdesk.ui.app import apply_language

    yield apply_language
    apply_language("en")


def _holiday(day: date, name: str = "Svētki") -> Holiday:
    return Holiday(day, name, ("public",), False, "LV", None)


@pytest.mark.parametrize(
    ("lang", "day", "span", "this_week"),
    [
        ("en", "Wed 2 Dec", ("24 Dec 2026", "1 Jan 2027"), "24 Dec"),  # across a year: both years
        ("lv", "trešd., 2. dec.", ("2026. g. 24. dec.", "2027. g. 1. janv."), "24. dec."),
        ("sl", "sre., 2. dec.", ("24. dec. 2026", "1. jan. 2027"), "24. dec."),
        ("th", "พ. 2 ธ.ค.", ("24 ธ.ค. 2569", "1 ม.ค. 2570"), "24 ธ.ค."),  # the Buddhist era
        ("fa", "چهارشنبه ۱۱ آذر", ("۳ دی", "۱۱ دی ۱۴۰۵"), "۳ دی"),  # Solar Hijri: one year
    ],
)
def test_panel_and_today_write_the_day_as_the_language_does(
    lang: str, day: str, span: tuple[str, str], this_week: str
) -> None:
    from accountdesk.core.culture.panel import holiday_text
    from accountdesk.ui.culture_panel import _today_when, season_span

    season = Season("x", "Ziemassvētki", date(2026, 12, 24), date(2027, 1, 1), "", frozenset())
    item = TodayItem("holiday", "LV", (), WEDNESDAY, WEDNESDAY, "Svētki", True)
    span_item = TodayItem("season", "LV", (), season.start, season.end, "Ziemassvētki", False)
    with i18n.use_language(lang):
        assert plain(holiday_text(_holiday(WEDNESDAY))).startswith(day)
        assert _today_when(item) == day
        start, end = span
        assert plain(season_span(season)) == i18n._("{start} – {end}").format(start=start, end=end)
        assert _today_when(span_item).startswith(this_week)  # Today's week: no year


def test_the_countries_screen_lists_holidays_with_the_languages_pattern(
    ctx: Any, qtbot: Any, language: Any
) -> None:
    from accountdesk.ui.countries.screen import CountriesScreen
    from accountdesk.ui.listmodel import PLAIN_ROLE

    language("lv")
    screen = CountriesScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    screen.select("LV")
    screen.year.setValue(2026)
    model = screen.holidays.model
    days = {model.items[row].date: model.data(model.index(row, 0), PLAIN_ROLE)
            for row in range(model.rowCount())}  # fmt: skip
    assert days[date(2026, 11, 18)] == "trešd., 18. nov."  # Proclamation Day (the year: the box's)
    assert tasks.wait_all()


def test_the_planner_writes_days_as_the_language_does(
    ctx: Any, qtbot: Any, language: Any, person: Any
) -> None:
    from accountdesk.ui.followups.planner import PlannerDialog

    settings.put(ctx.db, "user.country", "LV")
    ctx.clock = lambda: datetime(2025, 12, 1, 6, tzinfo=UTC)  # Monday, 08:00 in Riga
    megan = person("Megan", "US", "America/Los_Angeles", "Hill")
    kenji = person("Kenji", "JP", "Asia/Tokyo", "Sato")
    language("sl")
    dialog = PlannerDialog(ctx, [megan, kenji])
    qtbot.addWidget(dialog)
    assert dialog.no_common is not None
    # the best compromise: Monday 09:00 in Riga (the user's zone is Riga)
    assert plain(dialog.slots.item(0).text()).startswith("ponedeljek, 1. december")
    first_day = dialog.table.horizontalHeaderItem(0).text().split("\n")[0]
    assert first_day == "pon., 1."
    # a cell's tooltip says the participant's own day: Megan's is still Sunday
    assert plain(dialog.table.item(1, 0).toolTip()).startswith("nedelja, 30. november")

    language("lv")
    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    dialog = PlannerDialog(ctx, [ayse])
    qtbot.addWidget(dialog)
    assert dialog.no_common is None and dialog.slots.count() > 0
    good = dialog.slots.item(0).text()
    assert re.fullmatch(r"pirmdiena, 1\. decembris \d\d:\d\d", good), good


def test_schedule_suggestions_write_days_as_the_language_does(
    ctx: Any, qtbot: Any, language: Any, person: Any
) -> None:
    from accountdesk.ui.followups.schedule import ScheduleDialog

    reza = person("Reza", "IR", "Asia/Tehran", "Ahmadi")
    language("lv")
    dialog = ScheduleDialog(ctx, reza, title="Call")
    qtbot.addWidget(dialog)
    assert dialog.suggestion_buttons
    # "trešd., 12. marts 10:00": the weekday's comma, the day's ordinal dot (CLDR's "E, d. MMM"),
    # their zone named, then the user's time (in Riga, the same day) and zone
    day = r"\w+\., \d{1,2}\. \w+\.? \d\d:\d\d"
    for button in dialog.suggestion_buttons:
        assert re.fullmatch(day + r" \(Teherāna\); \d\d:\d\d \(Rīga\)", button.text()), (
            button.text()
        )
        tip = plain(button.toolTip())
        assert re.search(day + "$", tip), tip
