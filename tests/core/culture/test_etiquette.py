from __future__ import annotations

import tomllib
from datetime import time

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
    # a note without text_lv falls back to English
    assert lv.sections["dining"][0].text == en.sections["dining"][0].text
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
