"""Demo data speaks the contact's language: subjects, titles, outcomes, gifts, notes and job
titles, drawn the same way in every language, so a seed gives the same records and counts."""

from __future__ import annotations

import unicodedata
from dataclasses import fields
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from accountdesk.core import validation as v
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import (
    Account,
    Contact,
    Deal,
    FollowUp,
    Gift,
    Interaction,
    account_tags,
)
from accountdesk.core.demo import (
    COUNTRIES,
    COUNTRY_NOTE,
    DEMO_TEXTS,
    INDUSTRIES,
    TAGS,
    DemoTexts,
    demo_texts,
    generate,
)

#: Languages of the demo's countries that write to a foreign partner in English.
ENGLISH_FOR = {"hi", "ne"}
#: The script each language's texts are written in (a word of the Unicode character names).
SCRIPTS = {
    "en": ("LATIN",), "lv": ("LATIN",), "sl": ("LATIN",), "tr": ("LATIN",), "de": ("LATIN",),
    "fr": ("LATIN",), "es": ("LATIN",), "pt": ("LATIN",), "th": ("THAI",), "fa": ("ARABIC",),
    "ar": ("ARABIC",), "ja": ("HIRAGANA", "KATAKANA", "CJK"), "zh": ("CJK",), "ko": ("HANGUL",),
}  # fmt: skip
#: Which field of a record each list of texts fills (for its length limit).
FIELD_KEYS = {
    "subjects": "subject", "outcomes": "outcome", "follow_up_titles": "title",
    "gifts": "description", "occasions": "occasion", "notes": "notes",
    "personal_notes": "personal_notes", "job_titles": "job_title",
    "personal_notes_f": "personal_notes", "job_titles_f": "job_title",
}  # fmt: skip
ANCHOR = date(2026, 11, 23)
MADE = datetime(2026, 11, 23, 12, tzinfo=UTC)


def _texts(texts: DemoTexts) -> dict[str, tuple[str, ...]]:
    return {f.name: getattr(texts, f.name) for f in fields(texts)}


def test_every_demo_language_has_texts_or_is_known_to_use_english() -> None:
    languages = {c.language for c in COUNTRIES}
    assert languages - set(DEMO_TEXTS) == ENGLISH_FOR
    assert demo_texts("hi") is DEMO_TEXTS["en"]


@pytest.mark.parametrize("lang", sorted(DEMO_TEXTS))
def test_every_language_has_the_entries_of_english_in_order(lang: str) -> None:
    english = _texts(DEMO_TEXTS["en"])
    for name, entries in _texts(DEMO_TEXTS[lang]).items():
        if name.endswith("_f") and not entries:
            continue  # the language does not mark a woman's form here
        assert len(entries) == len(english[name.removesuffix("_f")]), (lang, name)
        assert len(set(entries)) == len(entries), (lang, name)  # no entry twice


@pytest.mark.parametrize("lang", sorted(DEMO_TEXTS))
def test_every_text_is_storable_and_in_its_script(lang: str) -> None:
    scripts = SCRIPTS[lang]
    for name, entries in _texts(DEMO_TEXTS[lang]).items():
        for text in entries:
            assert v.text_problem(text) is None, text
            assert len(text) <= v.max_length(FIELD_KEYS[name]), text
            letters = [unicodedata.name(ch) for ch in text if ch.isalpha()]
            assert letters and all(
                any(script in letter for script in scripts) for letter in letters
            ), (lang, text)


def test_the_english_titles_and_outcomes_are_english() -> None:
    """The first follow-up a new user saw on Today read "Thank for the visit" in every language
    (UX review 30, item 8): "thank" takes whom."""
    english = DEMO_TEXTS["en"]
    assert "Thank them for the visit" in english.follow_up_titles
    assert "Needs a technical answer" in english.outcomes
    every = [text for entries in _texts(english).values() for text in entries]
    assert not [text for text in every if text.startswith("Thank for")]


def test_persian_is_written_with_persian_letters() -> None:
    """Yeh and kaf in their Persian forms (ی ک), not the Arabic ones (ي ك)."""
    for entries in _texts(DEMO_TEXTS["fa"]).values():
        for text in entries:
            assert "\u064a" not in text and "\u0643" not in text, text


def _rows(db: Database) -> dict[str, list[tuple[object, ...]]]:
    with db.reader() as s:
        return {
            "accounts": [tuple(r) for r in s.execute(
                select(Account.id, Account.country, Account.notes).order_by(Account.id))],
            "contacts": [tuple(r) for r in s.execute(
                select(Contact.id, Contact.country, Contact.honorific, Contact.job_title,
                       Contact.personal_notes).order_by(Contact.id))],
            "interactions": [tuple(r) for r in s.execute(
                select(Interaction.id, Account.country, Interaction.subject,
                       Interaction.outcome, Interaction.notes)
                .join(Account, Account.id == Interaction.account_id).order_by(Interaction.id))],
            "follow_ups": [tuple(r) for r in s.execute(
                select(FollowUp.id, Account.country, FollowUp.title)
                .join(Account, Account.id == FollowUp.account_id).order_by(FollowUp.id))],
            "deals": [tuple(r) for r in s.execute(
                select(Deal.id, Account.country, Deal.title)
                .join(Account, Account.id == Deal.account_id).order_by(Deal.id))],
            "gifts": [tuple(r) for r in s.execute(
                select(Gift.id, Account.country, Gift.description, Gift.occasion)
                .join(Account, Account.id == Gift.account_id).order_by(Gift.id))],
        }  # fmt: skip


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, int], dict[str, list]]:
    from accountdesk.core.db.engine import open_database

    db = open_database(tmp_path_factory.mktemp("demo") / "demo.db")
    made = generate(db, accounts=120, seed=3, anchor=ANCHOR, clock=fixed_clock(MADE))
    counts = {
        "accounts": made.accounts, "contacts": made.contacts, "interactions": made.interactions,
        "follow_ups": made.follow_ups, "deals": made.deals, "surveys": made.surveys,
        "gifts": made.gifts, "notes": made.notes, "countries": len(made.countries),
    }  # fmt: skip
    rows = _rows(db)
    db.close()
    return counts, rows


def test_the_counts_of_a_seed_stay_as_they_were(demo: tuple[dict[str, int], dict]) -> None:
    """Texts in other languages are drawn like the English ones: the same seed still gives
    these figures (the ones before the texts were translated)."""
    counts, _rows = demo
    assert counts == {
        "accounts": 120, "contacts": 346, "interactions": 533, "follow_ups": 116,
        "deals": 203, "surveys": 82, "gifts": 24, "notes": 37, "countries": 19,
    }  # fmt: skip


def test_the_same_seed_gives_the_same_texts(
    demo: tuple[dict[str, int], dict], tmp_path_factory: pytest.TempPathFactory
) -> None:
    from accountdesk.core.db.engine import open_database

    db = open_database(tmp_path_factory.mktemp("again") / "demo.db")
    generate(db, accounts=120, seed=3, anchor=ANCHOR, clock=fixed_clock(MADE))
    assert _rows(db) == demo[1]
    db.close()


def test_texts_are_in_the_language_of_the_accounts_country(
    demo: tuple[dict[str, int], dict],
) -> None:
    _counts, rows = demo
    language = {c.code: c.language for c in COUNTRIES}
    seen: set[str] = set()
    for table, columns in (
        ("interactions", ("subjects", "outcomes", "notes")),
        ("follow_ups", ("follow_up_titles",)),
        ("deals", ("subjects",)),
        ("gifts", ("gifts", "occasions")),
        ("accounts", ("notes",)),
    ):
        for _id, country, *values in rows[table]:
            texts = _texts(demo_texts(language[country]))
            for value, column in zip(values, columns, strict=True):
                if value is not None:
                    assert value in texts[column], (table, country, value)
                    seen.add(language[country])
    assert {"lv", "sl", "th", "tr", "fa", "de", "ja", "ar"} <= seen


def test_job_titles_and_personal_notes_agree_with_the_person(
    demo: tuple[dict[str, int], dict],
) -> None:
    _counts, rows = demo
    language = {c.code: c.language for c in COUNTRIES}
    women = {c.code: c.honorifics[1] for c in COUNTRIES if c.honorifics[0] != c.honorifics[1]}
    checked = 0
    for _id, country, honorific, job, personal in rows["contacts"]:
        texts = demo_texts(language[country])
        if country not in women or not texts.job_titles_f:
            assert job in texts.job_titles
            continue
        woman = honorific == women[country]
        assert job in (texts.job_titles_f if woman else texts.job_titles), (country, job)
        notes = (texts.personal_notes_f or texts.personal_notes) if woman else texts.personal_notes
        assert personal is None or personal in notes, (country, personal)
        checked += 1
    assert checked > 20


def test_the_same_demo_twice_is_one_sentence_and_writes_nothing(db: Database) -> None:
    from accountdesk.core.errors import UserError

    generate(db, accounts=4, seed=5, anchor=ANCHOR, clock=fixed_clock(MADE))
    with db.reader() as session:
        before = session.scalar(select(func.count()).select_from(Contact))
    with pytest.raises(UserError, match="seed 5"):
        generate(db, accounts=4, seed=5, anchor=ANCHOR, clock=fixed_clock(MADE))
    with db.reader() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == before


@pytest.mark.parametrize("lang", ["fa", "th", "tr"])
def test_industries_and_tags_are_in_the_language_the_demo_is_made_in(
    tmp_path: Path, lang: str
) -> None:
    # They are the rep's own labels, not the customers' words: one language for every account
    # (an industry in each customer's language would split one industry into several).
    from accountdesk.core import i18n
    from accountdesk.core.db.engine import open_database
    from accountdesk.core.db.models import Tag
    from accountdesk.core.queries.search import search

    db = open_database(tmp_path / f"{lang}.db")
    i18n.set_language(lang)
    try:
        generate(db, accounts=60, seed=3, anchor=ANCHOR, clock=fixed_clock(MADE))
        translated = {i18n._(name) for name in INDUSTRIES}
        tags = {i18n._(name) for name in TAGS}
    finally:
        i18n.set_language("en")
    with db.reader() as s:
        industries = set(s.scalars(select(Account.industry)))
        stored_tags = set(s.scalars(select(Tag.name)))
        tagged = s.scalar(select(func.count()).select_from(account_tags)) or 0
    assert len(industries) > 5 and industries <= translated
    assert translated.isdisjoint(INDUSTRIES) and tags.isdisjoint(TAGS)
    assert stored_tags == tags and tagged > 10
    for text_ in industries | stored_tags:
        assert any(
            script in unicodedata.name(ch)
            for ch in text_
            if ch.isalpha()
            for script in SCRIPTS[lang]
        ), text_
    # an account is found by its tag in that language
    tag = sorted(stored_tags)[0]
    assert search(db, tag), tag


def test_the_note_on_thailand_is_in_the_language_the_demo_is_made_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo user's own note on Thailand is theirs, as the industries are: translated when
    the demo is made (UX review 30, item 3: English in a Thai and a Persian window)."""
    import gettext

    from accountdesk.core import i18n
    from accountdesk.core.db.engine import open_database
    from accountdesk.core.db.models import CountryNote

    thai = "พันธมิตรในกรุงเทพฯ คาดหวังให้โทรติดตามภายในหนึ่งสัปดาห์หลังการเยี่ยมทุกครั้ง"

    class Catalog(gettext.NullTranslations):  # the catalog the lead will translate it in
        def gettext(self, message: str) -> str:
            return thai if message == COUNTRY_NOTE else message

    monkeypatch.setattr(i18n, "_translations", Catalog)
    db = open_database(tmp_path / "th.db")
    generate(db, accounts=4, seed=3, anchor=ANCHOR, clock=fixed_clock(MADE))
    with db.reader() as s:
        assert list(s.execute(select(CountryNote.country, CountryNote.body))) == [("TH", thai)]
    db.close()


def test_a_tag_already_there_is_reused_whatever_its_case(tmp_path: Path) -> None:
    from accountdesk.core.db.engine import open_database
    from accountdesk.core.db.models import Tag
    from accountdesk.core.records import AccountInput
    from accountdesk.core.services.accounts import create_account

    db = open_database(tmp_path / "tags.db")
    create_account(db, AccountInput(name="Koks", country="LV", tags=["Key Account", "Pilot"]))
    generate(db, accounts=60, seed=3, anchor=ANCHOR, clock=fixed_clock(MADE))
    with db.reader() as s:
        names = sorted(s.scalars(select(Tag.name)))
        tagged = s.scalar(
            select(func.count())
            .select_from(account_tags)
            .join(Tag, Tag.id == account_tags.c.tag_id)
            .where(Tag.name == "Key Account")
        )
    assert len({n.casefold() for n in names}) == len(names) == len(TAGS)
    assert "Key Account" in names and "Pilot" in names
    assert (tagged or 0) > 1  # the demo's accounts share the tag that was there
