"""The etiquette briefing of a trip brief and the cultural briefing of an account report take
notes of every section under its title, what not to do first: the first eight notes of a
country's file were all greetings, and the monarchy (a crime to criticise in Thailand) and
the gifts to avoid reached no report in any language."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.culture.etiquette import SECTION_TITLES, SECTIONS, load_etiquette
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.textlayout import TextBlock

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("lang", ["en", "th", "fa", "tr"])
@pytest.mark.parametrize("country", ["TH", "IR", "TR"])
def test_the_briefing_has_every_section_and_the_donts_first(lang: str, country: str) -> None:
    ctx = d._context(lang, NOW, "UTC")
    with i18n.use_language(lang):
        drawn = [plain(f.text) for f in d._etiquette(ctx, [country]) if isinstance(f, TextBlock)]
        titles = {s: i18n._(SECTION_TITLES[s]) for s in SECTIONS}
    notes = load_etiquette(country, lang)
    assert notes is not None
    for section, title in titles.items():
        if not notes.sections.get(section):
            continue
        assert title in drawn, section
        # the note right under the title is the section's first "don't" when it has one
        found = notes.sections[section]
        first = next((n for n in found if n.kind == "dont"), found[0])
        assert drawn[drawn.index(title) + 1] == "• " + plain(ctx.text(first.text)), section
    # the topics to avoid and the gifts come first, and every "don't" of the topics is there
    assert drawn[1] == titles["topics_to_avoid"] and titles["gifts"] in drawn[2:6]
    donts = [n for n in notes.sections["topics_to_avoid"] if n.kind == "dont"][:3]
    for n in donts:
        assert "• " + plain(ctx.text(n.text)) in drawn
    assert len(drawn) <= 1 + len(titles) + 3 + 3 + 2 + len(titles) - 3  # still short


def test_the_thai_monarchy_note_is_in_the_thai_brief() -> None:
    ctx = d._context("th", NOW, "UTC")
    with i18n.use_language("th"):
        drawn = " ".join(
            plain(f.text) for f in d._etiquette(ctx, ["TH"]) if isinstance(f, TextBlock)
        )
    assert "สถาบันพระมหากษัตริย์" in drawn


def test_a_note_that_begins_with_a_latin_word_reads_right_to_left() -> None:
    """The Persian note on German dining begins with «Guten Appetit»: laid out left to right,
    its bullet stood at the end of the line."""
    from accountdesk.core.reports.textlayout import paragraph_direction

    ctx = d._context("fa", NOW, "UTC")
    with i18n.use_language("fa"):
        notes = [f for f in d._etiquette(ctx, ["DE"]) if isinstance(f, TextBlock)]
    latin = [f for f in notes if plain(f.text).startswith("• «Guten")]
    assert latin, [plain(f.text) for f in notes]
    assert all(paragraph_direction(f.text, False) for f in notes[1:] if "•" in f.text)
