"""The trip brief's time difference line: the zone's offset from UTC is one left-to-right
value. In Persian it read "در طول سفر ۰۳:۳۰+UTC" (the translated "UTC" and the inserted
"+03:30" took the sentence's direction apart from each other)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.metrics import Period
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
        text = _zone_during_trip(ctx, zone, Period(AT.date(), AT.date()))
        name = i18n.zone_name(zone)
    assert name in plain(text)
    assert offset in plain(text)
    (line,) = layout(ctx.text(text), 1e9, TextStyle(size=9.5), ctx.rtl)
    assert offset.replace("\u200e", "") in line.visual_text, line.visual_text


@pytest.mark.parametrize("lang", ["en", "fa", "th"])
def test_a_change_of_the_clocks_during_the_trip_is_stated(lang: str) -> None:
    """New York's clocks go forward on 14 March 2027 and Riga's on the 28th: the brief said
    "UTC−05:00 during the trip, 7 h behind you" for a trip of 10–31 March."""
    from datetime import date

    from accountdesk.core.timekeeping.zones import format_utc_offset, offset_to_you

    ctx = _context(lang, AT, "Europe/Riga")
    trip = Period(date(2027, 3, 10), date(2027, 3, 31))
    with i18n.use_language(lang):
        text = plain(_zone_during_trip(ctx, "America/New_York", trip))
        hours = [plain(offset_to_you(-timedelta(hours=h))) for h in (7, 6)]
        offsets = [format_utc_offset(-timedelta(hours=h)) for h in (5, 4)]
        days = [plain(ctx.date(date(2027, 3, d))) for d in (13, 14, 27, 28)]
        steady = plain(_zone_during_trip(ctx, "America/New_York", Period(trip.start, trip.start)))
    for value in (*hours, *offsets, *days):
        assert value.replace("\u200e", "") in text.replace("\u200e", ""), (value, text)
    # in order: 7 h behind until the 13th, 6 h from the 14th to the 27th, 7 h from the 28th
    assert text.index(days[0]) < text.index(hours[0]) < text.index(days[1]) < text.index(hours[1])
    assert text.rindex(hours[0]) > text.index(days[3]) > text.index(hours[1])
    assert offsets[0].replace("\u200e", "") in steady.replace("\u200e", "")
