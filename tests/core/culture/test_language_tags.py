"""A country's languages are BCP 47 tags, as a contact's preferred language stores them: the
Iranian profile showed CLDR's locale id "(az_Arab)", which copied into a contact's preferred
language is not BCP 47."""

from __future__ import annotations

from accountdesk.core import validation as v
from accountdesk.core.culture.countries import country_codes, country_languages
from accountdesk.core.culture.profile import country_profile


def test_a_script_subtag_is_joined_by_a_hyphen() -> None:
    assert country_languages("IR") == ["fa", "az-Arab"]
    assert "sr-Latn" in country_languages("RS")
    profile = country_profile("IR", "lv")
    assert ("az-Arab", "azerbaidžāņu (arābu)") in profile.languages


def test_every_tag_is_stored_as_it_is_shown() -> None:
    for country in sorted(country_codes()):
        named = dict(country_profile(country, "en").languages)
        for tag in country_languages(country):
            assert "_" not in tag, country
            if tag in named:  # one the profile shows: typed as a preferred language, kept
                assert v.language_tag(tag) == tag, country


def test_languages_cldr_names_without_a_locale_are_named() -> None:
    """CLDR names Egyptian Arabic, Bavarian, Aymara, but Babel has no locale for them: the
    profile and the panel showed "arz", "bar", "ay" in every language."""
    from accountdesk.core import i18n

    with i18n.use_language("th"):
        assert i18n.language_name("arz") == "อาหรับพื้นเมืองอียิปต์"
        assert i18n.language_name("hak-Hant") == "จีนแคะ (ตัวเต็ม)"
    with i18n.use_language("fa"):
        assert i18n.language_name("bar") == "باواریایی"
        assert i18n.language_name("zh-Hant") == "چینی (سنتی)"  # a locale: as before
    with i18n.use_language("en"):
        assert i18n.language_name("ay") == "Aymara"
        assert ("arz", "Egyptian Arabic") in country_profile("EG", "en").languages
    with i18n.use_language("lv"):
        assert i18n.language_name("ay") == "aimaru"


def test_a_language_cldr_does_not_name_is_left_out_of_a_countrys_list() -> None:
    """Isan ("tts") has no name in CLDR, Bavarian none in Latvian: a country's list leaves
    them out rather than show a code or another language's name."""
    from accountdesk.core import i18n

    assert "tts" in country_languages("TH")
    for lang, expected in (("th", ["ไทย", "อังกฤษ"]), ("fa", ["تایلندی", "انگلیسی"])):
        with i18n.use_language(lang):
            assert [n for _t, n in i18n.named_languages(country_languages("TH"))] == expected
        assert [n for _t, n in country_profile("TH", lang).languages] == expected
    with i18n.use_language("lv"):
        assert i18n.cldr_language_name("bar") is None
        assert i18n.language_name("bar") == "bar"  # a contact's stored tag is still shown
        assert "bar" not in dict(i18n.named_languages(country_languages("AT")))
    for country in sorted(country_codes()):
        for lang in ("en", "fa", "lv", "sl", "th", "tr"):
            for tag, name in country_profile(country, lang).languages:
                assert name != tag, (country, lang, tag)
