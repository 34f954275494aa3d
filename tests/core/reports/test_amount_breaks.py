"""An amount is never split between its currency sign and its digits at the end of a line.

ICU's dictionary line breaking for Thai offers a break after a currency sign that follows
Thai words ("ก่อน €" | "34,139.00"), against UAX #14 (LB25: PR × NU): the Thai portfolio
report's next step read "… รายได้เมื่อปีก่อน €" with "34,139.00" on the next line.
"""

from __future__ import annotations

import pytest

from accountdesk.core.bidi import isolate
from accountdesk.core.icu import line_breaks
from accountdesk.core.reports.textlayout import TextStyle, layout

STYLE = TextStyle(size=8)
BEFORE, NOW = "€34,139.00", "€0.00"
SENTENCE = f"ทบทวนบัญชีนี้กับ Sara Karimi: รายได้เมื่อปีก่อน {isolate(BEFORE)} ขณะนี้ {isolate(NOW)}"
PLAIN = f"ทบทวนบัญชีนี้กับ Sara Karimi: รายได้เมื่อปีก่อน {BEFORE} ขณะนี้ {NOW}"


def test_icu_offers_the_wrong_break_this_guards_against() -> None:
    """The premise: without the layout's own rule a Thai line could end with "€"."""
    breaks = line_breaks(PLAIN)
    assert PLAIN.index(BEFORE) + 1 in breaks


@pytest.mark.parametrize("width", range(60, 200, 14))
def test_no_thai_line_ends_with_a_currency_sign(width: int) -> None:
    lines = [ln.logical for ln in layout(SENTENCE, width, STYLE)]
    assert "".join(lines) == PLAIN
    for line in lines:
        assert not line.rstrip().endswith("€"), lines
    assert any(BEFORE in line for line in lines), lines
    assert any(NOW in line for line in lines), lines


def test_an_amount_with_the_sign_after_still_wraps_at_its_space() -> None:
    """Only the break between a sign and its digits goes: other breaks stay."""
    text = "ยอดรวม 34.139,00 € และ 12,00 € ต่อเดือน"
    lines = [ln.logical for ln in layout(text, 60, STYLE)]
    assert len(lines) > 1
    assert "".join(lines) == text
