"""Messages with a number choose their plural form (ngettext) and write the number as the
language does: validation and the demo's summary."""

from __future__ import annotations

import pytest

from accountdesk.core import i18n
from accountdesk.core import validation as v
from accountdesk.core.demo import DemoSummary
from accountdesk.core.validation import ValidationError


def test_too_long_text_names_the_limit_with_its_plural(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(v.MAX_LENGTHS, "city", 1)
    with pytest.raises(ValidationError) as caught:
        v.optional("city", "Rīga")
    assert caught.value.reason == "is longer than 1 character"
    monkeypatch.setitem(v.MAX_LENGTHS, "city", 1500)
    with pytest.raises(ValidationError) as caught:
        v.optional("city", "x" * 1501)
    assert caught.value.reason == "is longer than 1,500 characters"


def test_too_many_items_names_the_limit_and_the_count(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValidationError) as caught:
        v.item_count("tags", range(v.MAX_ITEMS + 1))
    assert caught.value.reason == (
        f"at most {v.MAX_ITEMS} entries are kept per record (this one has {v.MAX_ITEMS + 1})"
    )
    monkeypatch.setattr(v, "MAX_ITEMS", 1)
    with pytest.raises(ValidationError) as caught:
        v.item_count("tags", ["pilot", "referral"])
    assert caught.value.reason == "at most 1 entry is kept per record (this one has 2)"
    v.item_count("tags", ["pilot"])  # at the limit: accepted


def test_the_choices_are_listed_as_the_language_lists() -> None:
    with pytest.raises(ValidationError) as caught:
        v.choice("status", "maybe", ("active", "prospect", "lost"))
    assert caught.value.reason == "must be one of: active, prospect, lost"
    with i18n.use_language("fa"), pytest.raises(ValidationError) as caught:
        v.choice("status", "maybe", ("active", "lost"))
    assert "active\u060c\u200f lost" in caught.value.reason


def test_the_demo_summary_is_a_list_of_counts_and_a_sentence() -> None:
    summary = DemoSummary(
        accounts=1, contacts=2, interactions=1, follow_ups=0, deals=1, surveys=1,
        countries={"LV"},
    )  # fmt: skip
    assert summary.describe() == (
        "Added demo data: 1 account, 2 contacts, 1 interaction, 0 follow-ups, 1 deal and "
        "1 survey answer. The accounts are in 1 country."
    )
    many = DemoSummary(accounts=1500, contacts=3, countries={"LV", "TH", "IR"})
    text = many.describe()
    assert text.startswith("Added demo data: 1,500 accounts, 3 contacts, 0 interactions")
    assert text.endswith("The accounts are in 3 countries.")


def test_the_demo_summary_in_persian_uses_its_digits_and_list() -> None:
    with i18n.use_language("fa"):
        text = DemoSummary(accounts=12, contacts=30, countries={"IR"}).describe()
    assert "۱۲" in text and "۳۰" in text
    assert "\u060c" in text  # the Arabic comma between the counts
    assert not any(ch in text for ch in "0123456789")
