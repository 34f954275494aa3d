"""Isolating user data inside text (core/bidi.py): the exact code points."""

from __future__ import annotations

from datetime import timedelta

from accountdesk.core import i18n
from accountdesk.core.bidi import direction, isolate, ltr, paragraph, plain
from accountdesk.core.timekeeping.zones import format_offset, offset_to_you


def test_isolate_wraps_in_fsi_pdi() -> None:
    assert isolate("Maíz Dorado S.A. de C.V.") == "\u2068Maíz Dorado S.A. de C.V.\u2069"
    assert isolate("") == ""


def test_ltr_wraps_in_lri_pdi() -> None:
    assert ltr("+371 2000 0000") == "\u2066+371 2000 0000\u2069"
    assert ltr("anna@timber.example") == "\u2066anna@timber.example\u2069"
    assert ltr("") == ""


def test_wrapping_twice_is_wrapping_once() -> None:
    phone = ltr("+371 2000 0000")
    assert isolate(phone) == phone  # an LRI already is one unit
    assert ltr(phone) == phone
    assert isolate(isolate("Anna")) == "\u2068Anna\u2069"
    # isolated parts and neutrals only (a list of tags) stay as they are: an FSI around
    # them would find no letter and make the list left to right in a Persian window
    tags = isolate("pilot") + ", " + isolate("referral")
    assert isolate(tags) == tags
    # with a letter of its own, the whole is wrapped again
    place = isolate("Guadalajara") + ", مکزیک"
    assert isolate(place) == "\u2068\u2068Guadalajara\u2069, مکزیک\u2069"
    assert isolate("16:30 −5") == "\u206816:30 −5\u2069"  # no letter and no isolate: wrapped
    # an FSI-wrapped text is not left to right yet
    assert ltr(isolate("x")) == "\u2066\u2068x\u2069\u2069"


def test_direction_is_the_first_strong_letter_outside_isolates() -> None:
    assert direction("Maíz") is False
    assert direction("+۳ ساعت") is True
    assert direction("16:30 −5") is None
    assert direction(isolate("Anna") + " سلام") is True
    assert direction(isolate("Anna")) is None


def test_paragraph_marks_the_lines_that_would_go_the_other_way() -> None:
    name = isolate("Sra. García")
    # an isolated name alone has no direction: in a Persian window it starts right to left
    assert paragraph(name, rtl=True) == "\u200f\u2068Sra. García\u2069"
    # A selectable label looks inside isolates for its direction: the mark decides it.
    assert paragraph(name, rtl=False) == "\u200e" + name
    # an untranslated English line keeps its order inside, and the window's alignment
    assert paragraph("Gifts.\n\nهدیه", rtl=True) == "\u200f\u2068Gifts.\u2069\n\nهدیه"
    assert paragraph("سلام", rtl=False) == "\u200e\u2068سلام\u2069"
    assert paragraph("It is the weekend there now.", rtl=False) == "It is the weekend there now."
    assert paragraph("\u200fa", rtl=True) == "\u200fa"


def test_plain_takes_every_bidi_control_out() -> None:
    text = "\u200f\u2068\u2066+371\u2069 x\u2069\u200e\u061c\u202b\u202c"
    assert plain(text) == "+371 x"
    assert plain(ltr("+1") + isolate("Anna")) == "+1Anna"


def test_offsets_keep_their_sign_in_front_and_their_amount_whole() -> None:
    assert format_offset(timedelta(hours=-5, minutes=-30)) == "\u2066\u22125\u2069 h 30 min"
    assert offset_to_you(timedelta(hours=4)) == "\u20684 h\u2069 ahead of you"
    assert offset_to_you(timedelta(0)) == "same time as you"
    with i18n.use_language("fa"):
        assert format_offset(timedelta(hours=-6)) == "\u2066\u2212۶\u2069 ساعت"
        assert offset_to_you(timedelta(hours=-4)) == "\u2068۴ ساعت\u2069 عقب‌تر از شما"


def test_paragraph_leaves_isolates_side_by_side_alone() -> None:
    # wrapping "zone · offset" (two isolates) in one FSI would make it left to right: P2
    # skips nested isolates, so the outer one finds no letter
    line = isolate("مکزیکوسیتی") + " · " + isolate("۶ ساعت")
    assert paragraph(line, rtl=True) == "\u200f" + line
