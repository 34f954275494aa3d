"""Countries and regions as people write them (core/country_names.py)."""

from __future__ import annotations

import pytest

from accountdesk.core.country_names import country_code, subdivision_code
from accountdesk.core.culture.countries import country_codes
from accountdesk.core.i18n import LANGUAGES, country_name, use_language


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("TÜRKİYE", "TR"),
        ("turkiye", "TR"),
        ("Türkiye Cumhuriyeti", "TR"),
        ("Turcija", "TR"),  # Latvian, without its accent
        ("Latvija", "LV"),
        ("Letonya", "LV"),
        ("ประเทศไทย", "TH"),  # "the country Thailand", written together as Thai does
        ("ไทย", "TH"),
        ("Tajska", "TH"),
        ("ایران", "IR"),
        ("ايران", "IR"),  # with the Arabic yeh
        ("کشور ایران", "IR"),
        ("Iran, Islamic Republic of", "IR"),
        ("Persia", "IR"),
        ("Slovenija", "SI"),
        ("UK", "GB"),
        ("U.K.", "GB"),
        ("England", "GB"),
        ("USA", "US"),
        ("ASV", "US"),  # how Latvians write it
        ("ZDA", "US"),  # and Slovenians
        ("Amerika", "US"),
        ("สหรัฐฯ", "US"),
        ("Lielbritānija", "GB"),
        ("Velika Britanija", "GB"),
        ("Holandija", "NL"),
        ("U.S.A.", "US"),
        ("the Netherlands", "NL"),
        ("Myanmar", "MM"),
        ("Burma", "MM"),
        ("Deutschland", "DE"),  # a country's own name in its own language
        ("lv", "LV"),
        (" LVA ", "LV"),
        ("tur", "TR"),
        ("428", "LV"),
    ],
)
def test_names_and_codes_people_write(written: str, code: str) -> None:
    assert country_code(written) == code


# "Korea" names two countries; "EU" and "XK" (Kosovo) are CLDR territories but not ISO 3166
# countries; French is neither a language of the app nor Slovenia's own.
@pytest.mark.parametrize(
    "written", ["", "  ", "Narnia", "Korea", "Europe", "EU", "XK", "ZZ", "Slovénie"]
)
def test_what_names_no_country_or_two(written: str) -> None:
    assert country_code(written) is None
    assert country_code(None) is None


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_countrys_name_in_every_language_of_the_app_comes_back(language: str) -> None:
    with use_language(language):
        wrong = {
            code: country_name(code)
            for code in country_codes()
            if country_code(country_name(code)) != code
        }
    assert wrong == {}


@pytest.mark.parametrize(
    ("country", "written", "code"),
    [
        ("LV", "Rīga", "RIX"),
        ("LV", "riga", "RIX"),
        ("LV", "LV-RIX", "RIX"),
        ("LV", "rix", "RIX"),
        ("TR", "İstanbul", "34"),
        ("TR", "Istanbul", "34"),
        ("TR", "34", "34"),
        ("US", "California", "CA"),
        ("US", "ca", "CA"),
        ("TH", "Krung Thep Maha Nakhon", "10"),
    ],
)
def test_regions_by_code_or_iso_name(country: str, written: str, code: str) -> None:
    assert subdivision_code(country, written) == code


def test_a_region_of_another_country_is_not_recognised() -> None:
    assert subdivision_code("LV", "California") is None
    assert subdivision_code("TH", "กรุงเทพมหานคร") is None  # ISO's names are in Latin letters
    assert subdivision_code("LV", "") is None
