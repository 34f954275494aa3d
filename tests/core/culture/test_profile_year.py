"""The country profile's headings write the year as its dates write years: in Persian the
Gregorian year in Persian digits (the heading said "تعطیلات سال 2026" above "۱۳ دی ۱۴۰۴"), in
Thai the Buddhist era's 2569 (the same days), in English 2026."""

from __future__ import annotations

from accountdesk.core.culture.profile import render_country_text


def _headings(text: str) -> list[str]:
    lines = text.splitlines()
    return [lines[i - 1] for i, line in enumerate(lines) if line and set(line) == {"-"}]


def test_persian_headings_use_persian_digits() -> None:
    found = [h for h in _headings(render_country_text("IR", 2026, "fa")) if "۲۰۲۶" in h]
    assert len(found) == 2  # seasons and holidays
    assert not any("2026" in h for h in _headings(render_country_text("IR", 2026, "fa")))


def test_a_persian_heading_says_its_year_is_gregorian_and_which_solar_hijri_years_it_spans() -> (
    None
):
    """ "تعطیلات سال ۲۰۲۷" headed dates of 1405 and 1406 with nothing saying ۲۰۲۷ is not a
    Solar Hijri year; Thai converts the same heading to its own era."""
    from accountdesk.core.i18n import _, use_language

    with use_language("fa"):
        year = _("{year} of the Gregorian calendar ({years})").format(
            year="۲۰۲۷", years="۱۴۰۵–۱۴۰۶"
        )
    found = [h for h in _headings(render_country_text("IR", 2027, "fa")) if "۲۰۲۷" in h]
    assert len(found) == 2, found
    assert all(h.endswith(year) for h in found), found


def test_thai_headings_use_the_buddhist_year() -> None:
    text = render_country_text("TH", 2026, "th")
    found = [h for h in _headings(text) if "2569" in h]
    assert len(found) == 2
    assert "1 ม.ค. 2569" in text


def test_english_headings_keep_the_gregorian_year() -> None:
    text = render_country_text("TR", 2027, "en")
    assert "Seasons in 2027" in text and "Holidays in 2027" in text


def test_headings_are_underlined_as_wide_as_they_show() -> None:
    """A Thai heading's underline counted code points: 12 "=" under the 8 columns of
    "ญี่ปุ่น (JP)" (vowels and tone marks sit above their consonants)."""
    from accountdesk.core.culture.profile import render_country_text

    for lang, title in (("th", "ญี่ปุ่น (JP)"), ("en", "Japan (JP)")):
        lines = render_country_text("JP", 2027, lang).splitlines()
        assert lines[0] == title
        assert lines[1] == "=" * (8 if lang == "th" else 10)
