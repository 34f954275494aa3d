from __future__ import annotations

import tomllib
from datetime import time
from pathlib import Path
from typing import Any

import pytest

from accountdesk.core.culture import etiquette
from accountdesk.core.culture.calendar import business_hours

FILES = sorted(etiquette.etiquette_dir().glob("*.toml"))


def test_there_are_files() -> None:
    assert len(FILES) >= 40
    assert {"LV", "SI", "TH", "TR", "IR"} <= set(etiquette.covered_countries())


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_file_parses_and_validates(path: object) -> None:
    from pathlib import Path

    assert isinstance(path, Path)
    assert path.stem.isupper() and len(path.stem) == 2
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    assert etiquette.validate(data) == []
    loaded = etiquette.load_etiquette(path.stem, "en")
    assert loaded is not None
    assert set(loaded.sections) == set(etiquette.SECTIONS)
    assert all(loaded.sections[s] for s in etiquette.SECTIONS)
    assert loaded.phrases and loaded.business_hours is not None


def test_validate_catches_problems() -> None:
    bad = {
        "summary": "",
        "greeting": [{"kind": "maybe", "text": ""}],
        "business_hours": {"start": "18:00", "end": "09:00"},
        "surprise": 1,
    }
    problems = etiquette.validate(bad)
    joined = "\n".join(problems)
    for needle in (
        "summary",
        "kind must be",
        "text missing",
        "start must be",
        "surprise",
        "dining",
    ):
        assert needle in joined


def test_language_fallback() -> None:
    lv = etiquette.load_etiquette("LV", "lv")
    en = etiquette.load_etiquette("LV", "en")
    assert lv is not None and en is not None
    assert lv.summary != en.summary and "atturīgi" in lv.summary
    # every note is in Latvian now (the file and translations/lv.toml)
    assert lv.sections["dining"][0].text != en.sections["dining"][0].text
    fa = etiquette.load_etiquette("IR", "fa")
    assert fa is not None and "سلام" in fa.sections["greeting"][0].text


def test_highlights_and_hours() -> None:
    found = etiquette.highlights("TH", "en")
    assert list(found) == ["greeting", "communication", "gifts", "topics_to_avoid"]
    assert etiquette.highlights("AQ") == {}
    assert etiquette.load_etiquette("AQ") is None
    hours = business_hours("IR")
    assert hours.curated and hours.start == time(8, 0)
    assert all(title for title in etiquette.SECTION_TITLES.values())
    assert set(etiquette.SECTION_TITLES) == set(etiquette.SECTIONS)


KEY_MARKETS = ("LV", "SI", "TH", "TR", "IR")
REQUIRED = {
    # the brief's coverage list: key markets, large economies, Gulf, South-East Asia, Africa,
    # Latin America
    *KEY_MARKETS,
    *[
        "US",
        "CN",
        "DE",
        "JP",
        "IN",
        "GB",
        "FR",
        "IT",
        "BR",
        "CA",
        "RU",
        "KR",
        "AU",
        "ES",
        "MX",
        "ID",
        "NL",
        "SA",
        "CH",
    ],
    *[
        "AE",
        "QA",
        "KW",
        "OM",
        "BH",
        "VN",
        "MY",
        "SG",
        "PH",
        "NG",
        "ZA",
        "KE",
        "EG",
        "MA",
        "GH",
        "AR",
        "CL",
        "CO",
        "PE",
    ],
}


def _load_raw(code: str) -> dict[str, object]:
    with (etiquette.etiquette_dir() / f"{code}.toml").open("rb") as fh:
        return tomllib.load(fh)


def test_required_countries_are_covered() -> None:
    assert set(etiquette.covered_countries()) >= REQUIRED


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_content_minimums(path: object) -> None:
    from pathlib import Path

    assert isinstance(path, Path)
    data = _load_raw(path.stem)
    least = 4 if path.stem in KEY_MARKETS else 2
    for section in etiquette.SECTIONS:
        notes = data[section]
        assert isinstance(notes, list)
        assert len(notes) >= least, (path.stem, section)
        texts = [n["text"] for n in notes]
        assert len(texts) == len(set(texts)), (path.stem, section)
        for text in texts:
            assert len(text) <= 200 and text.rstrip()[-1] in ".!?)'", (path.stem, text)
    phrases = data["phrases"]
    assert isinstance(phrases, list) and len(phrases) >= 2
    for phrase in phrases:
        assert phrase["local"].strip() != phrase["pronunciation"].strip(), phrase


@pytest.mark.parametrize(
    ("code", "script"),
    [("TH", "\u0e00"), ("IR", "\u0600"), ("CN", "\u4e00"), ("JP", "\u3040"), ("RU", "\u0400")],
)
def test_phrases_use_native_script(code: str, script: str) -> None:
    found = etiquette.load_etiquette(code, "en")
    assert found is not None
    low = ord(script)
    assert any(any(low <= ord(ch) < low + 0x100 for ch in phrase.local) for phrase in found.phrases)


def test_validate_checks_phrases_and_translations() -> None:
    data = _load_raw("LV")
    data["phrases"] = [{"local": "Sveiki", "pronunciation": "x", "meaning": "Hi", "oops": "?"}]
    data["summary_lv"] = ""
    problems = "\n".join(etiquette.validate(data))
    assert "unknown key oops" in problems and "summary_lv" in problems


def test_a_pronunciation_holds_no_untranslated_note() -> None:
    """The pronunciation is shown as it is in every language: Thai's "sa-wat-dee khrap (men) /
    kha (women)" put English inside the Thai and Persian screens; the note is in the meaning,
    which is translated."""
    data = _load_raw("TH")
    assert etiquette.validate(data) == []
    data["phrases"][0]["pronunciation"] = "sa-wat-dee khrap (men) / kha (women)"
    assert "a note in the pronunciation" in "\n".join(etiquette.validate(data))
    for lang, expected, guide in (
        ("th", "ผู้ชาย", None),  # a Thai reader reads Thai as written
        ("fa", "مرد", "sa-wat-dee khrap / kha"),  # all a Persian reader can go by
    ):
        found = etiquette.load_etiquette("TH", lang)
        assert found is not None
        hello = next(p for p in found.phrases if p.local.startswith("สวัสดี"))
        assert hello.pronunciation == guide
        assert expected in hello.meaning, hello
    found = etiquette.load_etiquette("TH", "en")
    assert found is not None
    hello = next(p for p in found.phrases if p.local.startswith("สวัสดี"))
    assert hello.pronunciation == "sa-wat-dee khrap / kha"


@pytest.mark.parametrize("lang", ["lv", "sl", "th", "tr", "fa"])
def test_a_pronunciation_guide_is_for_readers_it_helps(lang: str) -> None:
    """The guides respell in English ("mem-NOON ol-doom", "nah SVEE-den-yeh"): a Slovenian
    or Turkish reader would say the vowels wrong, so a phrase in Latin letters is shown to
    them as written; one in another script than the reader's own keeps its guide, the only
    thing they could go by. In the loader, and so in every text that shows phrases."""
    from accountdesk.core.culture.profile import render_country_text

    own = {"th": "TH", "fa": "IR"}.get(lang)
    for code in ("TR", "SI", "TH", "IR"):
        english = etiquette.load_etiquette(code, "en")
        theirs = etiquette.load_etiquette(code, lang)
        assert english is not None and theirs is not None
        assert all(p.pronunciation for p in english.phrases), code
        guided = [p.pronunciation is not None for p in theirs.phrases]
        in_latin = code in ("TR", "SI")
        assert guided == [not in_latin and code != own] * len(theirs.phrases), code
        assert [p.local for p in theirs.phrases] == [p.local for p in english.phrases]
    assert "mem-NOON ol-doom" in render_country_text("TR", 2027, "en")
    text = render_country_text("TR", 2027, lang)
    assert "Memnun oldum" in text and "mem-NOON" not in text


def test_key_markets_have_translations() -> None:
    for code, lang in (("LV", "lv"), ("SI", "sl"), ("TH", "th"), ("TR", "tr"), ("IR", "fa")):
        local = etiquette.load_etiquette(code, lang)
        english = etiquette.load_etiquette(code, "en")
        assert local is not None and english is not None
        assert local.summary != english.summary, code
        assert local.sections["greeting"][0].text != english.sections["greeting"][0].text, code
        # the same number of notes: untranslated ones fall back to English
        assert [len(v) for v in local.sections.values()] == [
            len(v) for v in english.sections.values()
        ]


def _translation_files() -> list[Path]:
    return sorted(etiquette.translations_dir().glob("*.toml"))


@pytest.mark.parametrize("path", _translation_files(), ids=lambda p: p.stem)
def test_translations_belong_to_existing_english_texts(path: Path) -> None:
    """Every translated note, summary and phrase meaning still has its English original."""
    lang = path.stem
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    stale = []
    for country, table in data.items():
        raw = etiquette._raw(country)
        assert raw is not None, f"{lang}: no etiquette file for {country}"
        texts = {n["text"] for s in etiquette.SECTIONS for n in raw.get(s, [])}
        meanings = {p["meaning"] for p in raw.get("phrases", [])}
        assert set(table) <= {"summary", "text", "meaning"}, (lang, country, set(table))
        stale += [(country, t) for t in table.get("text", {}) if t not in texts]
        stale += [(country, m) for m in table.get("meaning", {}) if m not in meanings]
        assert table.get("summary", "x").strip(), (lang, country)
        for english, value in table.get("text", {}).items():
            assert value.strip() and value != english, (lang, country, english)
    assert stale == []


def test_a_translated_note_is_shown_in_that_language(tmp_path: Path, monkeypatch: Any) -> None:
    raw = etiquette._raw("LV")
    assert raw is not None
    first = raw["greeting"][0]["text"]
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "sl.toml").write_text(
        f'[LV]\nsummary = "Povzetek."\n[LV.text]\n"{first}" = "Prevedeno."\n', encoding="utf-8"
    )
    monkeypatch.setattr(etiquette, "translations_dir", lambda: tmp_path / "translations")
    etiquette.overlay.cache_clear()
    etiquette._load.cache_clear()
    try:
        found = etiquette.load_etiquette("LV", "sl")
        assert found is not None
        assert found.summary == "Povzetek."
        assert found.sections["greeting"][0].text == "Prevedeno."
        assert found.sections["greeting"][1].text == raw["greeting"][1]["text"]  # English
    finally:
        etiquette.overlay.cache_clear()
        etiquette._load.cache_clear()


@pytest.mark.parametrize("lang", ["lv", "sl", "th", "tr", "fa"])
def test_every_note_summary_and_meaning_is_translated(lang: str) -> None:
    missing = []
    for code in etiquette.covered_countries():
        english = etiquette.load_etiquette(code, "en")
        local = etiquette.load_etiquette(code, lang)
        assert english is not None and local is not None
        if local.summary == english.summary:
            missing.append((code, "summary"))
        for section, notes in english.sections.items():
            for mine, theirs in zip(local.sections[section], notes, strict=True):
                if mine.text == theirs.text:
                    missing.append((code, theirs.text))
        for mine_p, theirs_p in zip(local.phrases, english.phrases, strict=True):
            if mine_p.meaning == theirs_p.meaning:
                missing.append((code, theirs_p.meaning))
    assert missing == [], f"{lang}: {len(missing)} untranslated"


#: Years that are part of a name, not a date ("Vision 2030").
_NAMED_YEARS = ("วิสัยทัศน์ 2030", "چشم‌انداز ۲۰۳۰")


@pytest.mark.parametrize(
    ("lang", "marked"),
    [
        ("th", r"(?:พ\.ศ\.|ค\.ศ\.) (\d{4})"),  # the era before the year
        ("fa", r"(\d{4}) میلادی"),  # a Gregorian year says so ("۲۰۲۲ میلادی")
    ],
)
def test_a_year_in_a_thai_or_persian_note_names_its_calendar(lang: str, marked: str) -> None:
    """Thai text counts years in the Buddhist era and Persian in the Solar Hijri one: a bare
    "ปี 2022" or "۲۰۲۲" in a note read as a year of the reader's own calendar."""
    import re

    from accountdesk.core.i18n import ascii_digits

    with (etiquette.translations_dir() / f"{lang}.toml").open("rb") as fh:
        data = tomllib.load(fh)
    texts: list[str] = []
    for table in data.values():
        texts.append(str(table.get("summary", "")))
        for key in ("text", "meaning"):
            texts.extend(str(v) for v in table.get(key, {}).values())
    for text in texts:
        plain = text
        for name in _NAMED_YEARS:
            plain = plain.replace(name, "")
        plain = ascii_digits(plain)
        years = re.findall(r"(?<!\d)(1[89]\d\d|20\d\d|25\d\d)(?!\d)", plain)
        assert sorted(years) == sorted(re.findall(marked, plain)), text


def _za_notes(lang: str) -> list[str]:
    shown = etiquette.load_etiquette("ZA", lang)
    assert shown is not None
    return [n.text for notes in shown.sections.values() for n in notes]


@pytest.mark.parametrize("lang", ["lv", "sl", "tr", "th", "fa"])
def test_south_africas_notes_are_as_of_2026(lang: str) -> None:
    # twelve official languages since the Constitution's Eighteenth Amendment (2023: South
    # African Sign Language); Eskom's load shedding largely suspended since March 2024
    english = _za_notes("en")
    assert not any("Eleven official" in text for text in english)
    assert any("Twelve official languages" in text for text in english)
    assert not any("can disrupt calls" in text for text in english)
    assert any("may return" in text for text in english)
    assert not set(_za_notes(lang)) & set(english), "every note shown in the language"
