"""A report's holiday table names a holiday as the contact panel does: one that is no public
holiday with its kinds. Thailand's National Aviation Day, Forest Conservation Day and King
Ramkhamhaeng Day are observances on which people work: the account report and the trip
brief listed them as plain holidays ("13 ม.ค. 2570 ไทย วันการบินแห่งชาติ"), while the same
trip brief offered meetings on them. Now the table marks them, and the slots of such a day
name the observance beside the meetings offered."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.culture.calendar import observed_between
from accountdesk.core.culture.profile import category_label, kinds_beside
from accountdesk.core.db.engine import Database
from accountdesk.core.metrics import Period
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.textlayout import TextBlock
from accountdesk.core.services.accounts import create_account, create_contact

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
TRIP = Period(date(2027, 1, 11), date(2027, 1, 19))
AVIATION = date(2027, 1, 13)  # National Aviation Day: a working day observance


def _rows(story: list[object], rtl: bool) -> list[list[str]]:
    """Every table row of a story, its cells as text in logical order."""
    rows = []
    for f in story:
        for row in getattr(f, "_cellvalues", ()):
            cells = [plain(c.text) for c in row if isinstance(c, TextBlock)]
            rows.append(cells[::-1] if rtl else cells)
    return rows


@pytest.mark.parametrize("lang", ["th", "fa", "en"])
def test_holiday_rows_mark_a_working_observance(lang: str) -> None:
    ctx = d._context(lang, NOW, "UTC")
    with i18n.use_language(lang):
        found = observed_between("TH", None, TRIP.start, TRIP.end, lang)
        rows = d._holiday_rows(ctx, [("TH", None)], TRIP.start, TRIP.end)
        working = category_label("workday")
    (aviation,) = [h for h in found if h.date == AVIATION]
    assert aviation.categories == ("workday",)  # the premise: no day off
    (row,) = [plain(r[2]) for r in rows if r[0] == ctx.date(AVIATION)]
    assert aviation.name in row and working in row, row
    with i18n.use_language(lang):
        for h in found:  # every holiday that is no public one with its kinds, as the panel
            (named,) = [plain(r[2]) for r in rows if r[0] == ctx.date(h.date)]
            kinds = "" if h.is_public else kinds_beside(h)
            assert h.name in named and kinds in named, (h, named)


@pytest.mark.parametrize("lang", ["th", "fa", "en"])
def test_trip_brief_names_the_observance_of_a_day_it_offers_meetings_on(
    db: Database, lang: str
) -> None:
    account = create_account(
        db, AccountInput(name="Siam Foods", country="TH", timezone="Asia/Bangkok")
    )
    create_contact(
        db,
        ContactInput(
            account_id=account, given_name="วิชัย", family_name="ศรีสุข", country="TH",
            city="ภูเก็ต", timezone="Asia/Bangkok",
        ),
    )  # fmt: skip
    ctx = d._context(lang, NOW, "Europe/Riga")
    with i18n.use_language(lang):
        story, _title = d._trip_story(db, ctx, "TH", None, TRIP)
        working = category_label("workday")
        day, full_day = plain(ctx.date(AVIATION)), plain(ctx.date(AVIATION, "full"))
    rows = _rows(story, ctx.rtl)
    (holiday,) = [r for r in rows if r[0] == day and len(r) == 3 and r[1] != "—"]
    assert working in holiday[2]  # listed, and not as a day off
    (slots,) = [r for r in rows if r[0] == full_day]
    assert slots[1] != "—"  # meetings are offered that day (the planner's rule) …
    assert working in slots[2] and holiday[2] in slots[2]  # … and the note says what it is
