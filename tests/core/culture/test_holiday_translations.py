"""Holiday names in the UI language (SPEC §7): the ``holidays`` package's own translation
where it has one, else AccountDesk's (context "holiday", the names listed by
scripts/holiday_names.py), else the country's own name with the English beside it. A
Latvian user saw Iran's holidays in Persian script and Japan's in Japanese."""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from accountdesk.core import i18n
from accountdesk.core.culture.calendar import (
    base_holiday_name,
    holiday_regions,
    holidays_for_year,
    translated_holiday,
)

ROOT = Path(__file__).resolve().parents[3]
COUNTRIES = sorted(p.stem for p in (ROOT / "resources" / "etiquette").glob("*.toml"))
#: The script every letter of a holiday name is written in, by UI language.
SCRIPTS = {"lv": "LATIN", "sl": "LATIN", "tr": "LATIN", "fa": "ARABIC", "th": "THAI"}
ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")


def _script_of(ch: str) -> str:
    return unicodedata.name(ch, "?").split(" ")[0]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "holiday_names", ROOT / "scripts/holiday_names.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


def test_the_listed_names_are_those_of_the_installed_package() -> None:
    script = _script()
    listed = (ROOT / "src/accountdesk/core/culture/holiday_names.py").read_text(encoding="utf-8")
    assert listed == script.source(script.names()), "run scripts/holiday_names.py"


def test_a_country_whose_own_names_no_font_draws_has_its_names_translated_by_ours() -> None:
    """Native review: Nepal, in the demo data without etiquette notes, showed "National
    Democracy Day" in English alone in Latvian, Slovenian and Turkish: its own names are
    Devanagari, which could not be shown beside the English one. Its names are ours to
    translate, as those of the countries with notes."""
    from accountdesk.core.culture.holiday_names import NAMES

    chosen = _script().countries()
    assert set(COUNTRIES) < set(chosen)
    assert {"NP", "AM", "GE", "KH", "BD"} <= set(chosen)
    assert not {"UZ", "UA", "BY", "MN"} & set(chosen)  # Latin and Cyrillic: their own names
    for name in ("National Democracy Day", "Nepali New Year", "Prithvi Jayanti"):
        assert name in NAMES
        assert any(h.name == name for h in holidays_for_year("NP", None, 2027, "en"))


@pytest.mark.parametrize("lang", ["lv", "sl", "tr"])
def test_every_other_country_shows_its_own_name_beside_the_english(lang: str) -> None:
    """README: a holiday is named in the UI language by the package, else by our catalogs,
    else by the country's own name with the English one beside it, in every country our
    catalogs do not name: never in English alone, unless English is the country's own."""
    from holidays.registry import COUNTRIES as PACKAGE

    from accountdesk.core.culture.calendar import _meta, _year, holiday_language

    ours = set(_script().countries())
    wrong = {}
    for country in sorted({names[1] for names in PACKAGE.values()} - ours):
        local = _meta(country).default_language or "en"
        spoken = (holiday_language(country, lang) or "").split("_")[0] == lang
        if local.split("_")[0] == "en" or spoken:
            continue
        english = _year(country, None, 2027, holiday_language(country, "en"))
        own = {h.name for h in _year(country, None, 2027, local)}
        shown = holidays_for_year(country, None, 2027, lang)
        assert len(shown) == len(english)
        alone = [
            e.name
            for s, e in zip(shown, english, strict=True)
            if s.name == e.name and e.name not in own  # "Sette Giugno" is Maltese and English
        ]
        if alone:
            wrong[country] = alone
    assert wrong == {}


@pytest.mark.parametrize("lang", sorted(SCRIPTS))
def test_every_holiday_we_translate_is_named_in_the_languages_script(
    lang: str,
) -> None:
    """Nationwide and in every region (but a region's school breaks, which no screen names),
    save an acronym in capitals the package's own translation keeps ("(AFL)" in Thai); and
    so for every country whose names are ours to translate (Nepal, Armenia, Laos …)."""
    wrong = {}
    for country in _script().countries():
        for region in (None, *sorted(holiday_regions(country))):
            for holiday in holidays_for_year(country, region, 2027, lang):
                if region is not None and holiday.for_pupils_only:
                    continue
                words = ACRONYM.sub("", holiday.name)
                letters = {_script_of(ch) for ch in words if ch.isalpha()}
                if letters - {SCRIPTS[lang]}:
                    wrong[(country, region)] = holiday.name
    assert wrong == {}


def test_the_forms_around_a_name_are_translated_as_forms() -> None:
    assert base_holiday_name("Children's Day (observed)") == "Children's Day"
    assert base_holiday_name("Monday following Easter Sunday") == "Easter Sunday"
    assert base_holiday_name("Day off (substituted from 01/17/2026)") is None
    for lang in ("lv", "fa"):
        with i18n.use_language(lang):
            day = i18n.pgettext("holiday", "Christmas Day")
            observed = i18n.pgettext("holiday", "{name} (observed)").format(name=day)
            moved = i18n.pgettext("holiday", "Day off (in place of {date})").format(
                date=i18n.format_skeleton(date(2026, 1, 17), "yMd")
            )
        assert day != "Christmas Day"
        assert translated_holiday("Christmas Day (observed)", lang) == i18n.native_digits(
            observed, lang
        )
        assert translated_holiday("Day off (substituted from 01/17/2026)", lang) == (
            i18n.native_digits(moved, lang)
        )
    assert translated_holiday("No such holiday", "lv") is None
    assert translated_holiday("No such holiday (observed)", "lv") is None


def test_names_come_from_the_package_first_then_the_catalogs() -> None:
    def first_public(country: str, lang: str) -> str:
        found = holidays_for_year(country, None, 2027, lang)
        return next(h.name for h in found if "public" in h.categories)

    assert first_public("TR", "tr") == "Yılbaşı"  # the package speaks Turkish
    assert first_public("TR", "en") == "New Year's Day"
    with i18n.use_language("lv"):
        new_year = i18n.pgettext("holiday", "New Year's Day")
    assert first_public("TR", "lv") == new_year == first_public("JP", "lv")
    assert first_public("US", "lv") == new_year  # the country's own language is English


def test_a_moved_working_day_follows_the_calendar_setting() -> None:
    """Latvia's day off in place of Saturday 27 June 2026 names that date: in Persian in the
    Solar Hijri calendar, and in the Gregorian one once the setting asks for it (the names
    are cached per year: the setting is part of the key)."""

    def day_off() -> str:
        found = holidays_for_year("LV", None, 2026, "fa")
        return next(h.name for h in found if h.date == date(2026, 6, 22))

    assert "۱۴۰۵/۴/۶" in day_off()
    i18n.set_calendar_preference(i18n.GREGORIAN)
    try:
        assert "۲۰۲۶/۶/۲۷" in day_off()
    finally:
        i18n.set_calendar_preference(i18n.AUTO)
    assert "۱۴۰۵/۴/۶" in day_off()


def test_the_packages_own_moved_days_are_dated_in_the_languages_calendar() -> None:
    """The package names China's days off in Thai itself, but writes the worked day as
    "26/01/2025": a Gregorian year in a list dated in the Buddhist era. Our form is used."""
    found = {h.date: h.name for h in holidays_for_year("CN", None, 2025, "th")}
    assert "26/1/2568" in found[date(2025, 2, 3)] and "2025" not in found[date(2025, 2, 3)]
    latvian = {h.date: h.name for h in holidays_for_year("LV", None, 2025, "lv")}
    assert latvian[date(2025, 5, 2)].endswith("(pārcelta no 10.05.2025.)")


def test_a_moved_day_beside_another_holiday_of_its_date_is_named_by_our_form() -> None:
    """China's 4 May 2022 is Youth Day and a day off in place of Saturday 7 May: the day off
    kept the package's Thai "วันหยุด (แทน 07/05/2022)" (review finding)."""
    found = [
        h.name for h in holidays_for_year("CN", None, 2022, "th") if h.date == date(2022, 5, 4)
    ]
    assert any("7/5/2565" in name for name in found), found
    assert not any("2022" in name for name in found), found


@pytest.mark.parametrize("lang", ["tr", "th", "lv"])
def test_a_local_name_in_a_script_without_a_shipped_font_gives_way_to_the_english(
    lang: str,
) -> None:
    """Nepal's names are Devanagari, which no shipped font draws: a Turkish trip brief
    showed "□□□□□ □□□□ (Bijaya Dashami)". The English name alone is shown; a local name in
    a script the fonts draw (Belarusian Cyrillic) keeps its place beside the English one."""
    from accountdesk.core.culture.calendar import holidays_for_year

    nepal = [h.name for h in holidays_for_year("NP", None, 2026, lang)]
    english = [h.name for h in holidays_for_year("NP", None, 2026, "en")]
    assert nepal and not any("\u0900" <= ch <= "\u097f" for name in nepal for ch in name)
    assert any("Dashami" in name for name in english)
    # the English name, or our catalogs' translation of it (holiday_names.py lists them)
    assert sorted(nepal) == sorted(translated_holiday(e, lang) or e for e in english)
    if lang != "th":  # (the package names Belarus's holidays in Thai itself)
        belarus = [h.name for h in holidays_for_year("BY", None, 2026, lang)]
        assert any("Нараджэнне" in name and "(" in name for name in belarus)


@pytest.mark.parametrize(
    "name",
    [
        "Ziemassvētki", "Рождество", "Ἐπιφάνεια", "عید نوروز", "วันพ่อ", "元日", "こどもの日",
        "ニューイヤー", "설날", "विजया दशमी", "יום העצמאות", "ახალი წელი", "Ամանոր", "እንቁጣጣሽ",
        "ចូលឆ្នាំ", "Navroʻz bayrami", "День памʼяті", "ʻAho Kilisimasi",
    ],
)  # fmt: skip
def test_the_scripts_a_local_name_is_kept_in_are_those_the_shipped_fonts_draw(
    name: str,
) -> None:
    """calendar._drawn (by Unicode script) agrees with the fonts' own coverage: a letter the
    PDF fonts cannot draw is never kept, and a script they draw is not dropped."""
    from accountdesk.core.culture.calendar import _drawn
    from accountdesk.core.reports import fonts

    letters = [ch for ch in name if unicodedata.category(ch)[0] in "LM"]
    drawn = all(any(fonts.has_glyph(f, ch) for f in fonts.FAMILIES) for ch in letters)
    assert _drawn(name) == drawn, name
