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
