"""Isolating user data inside text (core/bidi.py): the exact code points."""

from __future__ import annotations

from datetime import timedelta

from accountdesk.core import i18n
from accountdesk.core.bidi import isolate, ltr, paragraph, plain
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
    # two isolates side by side are not one: the whole is wrapped again
    pair = isolate("a") + isolate("b")
    assert isolate(pair) == "\u2068\u2068a\u2069\u2068b\u2069\u2069"
    # an FSI-wrapped text is not left to right yet
    assert ltr(isolate("x")) == "\u2066\u2068x\u2069\u2069"


def test_paragraph_marks_every_line() -> None:
    assert paragraph("\u2068Sra. García\u2069", rtl=True) == "\u200f\u2068Sra. García\u2069"
    assert paragraph("a\n\nb", rtl=False) == "\u200ea\n\n\u200eb"
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
