"""The trip brief's time difference line: the zone's offset from UTC is one left-to-right
value. In Persian it read "در طول سفر ۰۳:۳۰+UTC" (the translated "UTC" and the inserted
"+03:30" took the sentence's direction apart from each other)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.reports.documents import _context, _zone_during_trip
from accountdesk.core.reports.textlayout import TextStyle, layout

AT = datetime(2027, 3, 15, 8, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("lang", "zone", "offset"),
    [
        ("fa", "Asia/Tehran", "UTC+۰۳:۳۰"),
        ("th", "Asia/Bangkok", "UTC+07:00"),
        ("tr", "Europe/Istanbul", "UTC+03:00"),
        ("fa", "America/Sao_Paulo", "UTC−۰۳:۰۰"),
    ],
)
def test_the_offset_reads_left_to_right_in_the_sentence(lang: str, zone: str, offset: str) -> None:
    ctx = _context(lang, AT, "UTC")
    with i18n.use_language(lang):
        text = _zone_during_trip(ctx, zone, AT)
        name = i18n.zone_name(zone)
    assert name in plain(text)
    assert offset in plain(text)
    (line,) = layout(ctx.text(text), 1e9, TextStyle(size=9.5), ctx.rtl)
    assert offset.replace("\u200e", "") in line.visual_text, line.visual_text
