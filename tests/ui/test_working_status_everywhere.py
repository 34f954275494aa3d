"""Working time is one rule, and every surface says the same: the contact list, Today, the
reach-out panel, the meeting planner and ``accountdesk contact --json``.

The countries are taken from the data (every country whose weekend is not Saturday–Sunday),
not from a hand list, and each is checked at Friday, Saturday and Sunday 10:30 its time.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from accountdesk import cli
from accountdesk.core.bidi import plain
from accountdesk.core.culture import calendar as culture_calendar
from accountdesk.core.culture.countries import country_codes, country_zones, main_zone
from accountdesk.core.queries.lists import contact_rows
from accountdesk.core.queries.today import today_view
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.timekeeping.planner import Participant, plan
from accountdesk.core.timekeeping.workhours import WorkingHours
from accountdesk.ui import tasks
from accountdesk.ui.contacts.model import columns
from accountdesk.ui.contacts.view import ContactView

#: A week with no Gregorian-fixed holidays nearby; holidays that still fall in it are expected
#: to be reported as such (the oracle below asks the holiday calendar, not a hand list).
WEEK_OF = date(2026, 10, 12)  # a Monday


@cache
def _odd_weekend_countries() -> tuple[str, ...]:
    found = [
        cc
        for cc in country_codes()
        if culture_calendar.weekend_days(cc) != frozenset({5, 6}) and country_zones(cc)
    ]
    return tuple(sorted(found))


def _zone(cc: str) -> str:
    """A zone of the country: the one its people keep, else any of its zones (a contact in
    the US or Russia is given one of them)."""
    return main_zone(cc) or country_zones(cc)[0]


def test_the_data_has_the_countries_we_must_get_right() -> None:
    odd = _odd_weekend_countries()
    assert {"IR", "SA", "IL", "AF"} <= set(odd)
    assert "AE" not in odd and "US" not in odd  # the UAE moved to Saturday–Sunday in 2022


def _expected(cc: str, local: datetime) -> tuple[bool, str | None]:
    """The oracle: the country's weekend, its public holidays and its business hours."""
    weekend = culture_calendar.weekend_days(cc)
    hours = culture_calendar.business_hours(cc)
    if local.weekday() in weekend:
        return False, "weekend"
    if culture_calendar.holiday_on(cc, None, local.date()) is not None:
        return False, "holiday"
    inside = hours.start <= local.time().replace(tzinfo=None) < hours.end
    return inside, None if inside else "outside_hours"


def _cli_json(db_path: str, contact_id: str, at: datetime, capsys: Any) -> dict[str, Any]:
    code = cli.main(["--db", db_path, "contact", contact_id, "--at", at.isoformat(), "--json"])
    out = capsys.readouterr().out
    assert code == 0, out
    data: dict[str, Any] = json.loads(out)
    return data


@pytest.mark.parametrize("weekday", [4, 5, 6], ids=["friday", "saturday", "sunday"])
def test_every_surface_agrees(ctx: Any, qtbot: Any, capsys: Any, weekday: int) -> None:
    countries = [*_odd_weekend_countries(), "AE", "US"]
    account = create_account(ctx.db, AccountInput("World Trade", "LV", timezone="Europe/Riga"))
    people: dict[str, str] = {}
    for cc in countries:
        zone = _zone(cc)
        people[cc] = create_contact(
            ctx.db,
            ContactInput(account, f"Person {cc}", cc, family_name="Test", timezone=zone),
        )
    rows = {r.id: r for r in contact_rows(ctx.db, list(people.values()))}
    now_column = next(c for c in columns(lambda: ctx.now()) if c.key == "working")
    day = WEEK_OF + timedelta(days=weekday)
    for cc, contact_id in people.items():
        zone = _zone(cc)
        local = datetime.combine(day, time(10, 30), ZoneInfo(zone))
        working, reason = _expected(cc, local)
        ctx.clock = lambda local=local: local
        # the contact list's "Now" column
        shown = now_column.text(rows[contact_id])
        if working:
            assert shown == "Working hours", (cc, local, shown)
        else:
            assert shown != "Working hours", (cc, local, shown)
            if reason == "weekend":  # with the holiday it is, if any (Chung Yeung, a Sunday)
                named = plain(shown).removeprefix("Weekend; holiday: ")
                assert shown == "Weekend" or named != plain(shown), (cc, local, shown)
        # Today's "working now"
        today = today_view(ctx.db, local, ctx.user_zone, limit=500)
        assert (contact_id in {w.id for w in today.working}) is working, (cc, local)
        # the reach-out panel's header
        view = ContactView(ctx, contact_id)
        qtbot.addWidget(view)
        assert tasks.wait_all()
        status = view.panel.status.text()
        assert (status == "It is working time there now.") is working, (cc, local, status)
        if reason == "weekend" and shown == "Weekend":
            assert status == "It is the weekend there now.", (cc, status)
        elif reason == "weekend":
            assert plain(status) == (
                f"It is the weekend there now, and a public holiday: {named}."
            ), (cc, status)
        view.close()
        # the meeting planner's cell for them at that instant
        hours = WorkingHours.for_contact(cc, None, None, subdivision=None)
        person = Participant(contact_id, cc, zone, cc, None, hours)
        grid = plan([person], local.astimezone(ZoneInfo(ctx.user_zone)).date(), 1, ctx.user_zone)
        at = local.astimezone(UTC)
        index = int((at - grid.columns[0].astimezone(UTC)) / grid.step)
        cell = grid.row(contact_id).cells[index]
        assert (cell.state == "work") is working, (cc, local, cell.state)
        if reason is not None and reason != "outside_hours":
            assert cell.state == reason, (cc, local, cell.state)
        # the command line
        data = _cli_json(str(ctx.db.path), contact_id, local, capsys)
        assert data["working_now"] is working, (cc, local, data)
        assert data["reason"] == reason, (cc, local, data)
        assert data["local_time"] == local.isoformat(timespec="minutes")
        assert data["zone"] == zone


@pytest.mark.parametrize(
    ("day", "moment", "working", "reason"),
    [
        (date(2027, 3, 8), time(12, 30), True, None),
        (date(2027, 3, 8), time(14, 30), False, "holiday"),
        (date(2027, 3, 5), time(14, 30), True, None),
        (date(2027, 3, 12), time(14, 30), True, None),
    ],
    ids=["eve-morning", "eve-afternoon", "day-before", "day-after"],
)
def test_every_surface_agrees_on_a_half_day(
    ctx: Any, qtbot: Any, capsys: Any, day: date, moment: time, working: bool, reason: str | None
) -> None:
    """Turkey's eve of Ramazan Bayramı 2027 is a holiday from 13:00 (half day): before it every
    surface says working time, after it every surface says holiday, as on the whole days
    around it."""
    zone = "Europe/Istanbul"
    account = create_account(ctx.db, AccountInput("Istanbul Trade", "TR", timezone=zone))
    contact_id = create_contact(
        ctx.db, ContactInput(account, "Ayşe", "TR", family_name="Yılmaz", timezone=zone)
    )
    local = datetime.combine(day, moment, ZoneInfo(zone))
    ctx.clock = lambda: local
    row = contact_rows(ctx.db, [contact_id])[0]
    now_column = next(c for c in columns(lambda: ctx.now()) if c.key == "working")
    shown = now_column.text(row)
    if working:
        assert shown == "Working hours", shown
    else:
        assert shown.startswith("Holiday: ") and "Eid al-Fitr (from 1pm)" in shown, shown
    today = today_view(ctx.db, local, ctx.user_zone, limit=500)
    assert (contact_id in {w.id for w in today.working}) is working
    view = ContactView(ctx, contact_id)
    qtbot.addWidget(view)
    assert tasks.wait_all()
    status = view.panel.status.text()
    assert (status == "It is working time there now.") is working, status
    view.close()
    hours = WorkingHours.for_contact("TR", None, None, subdivision=None)
    person = Participant(contact_id, "TR", zone, "TR", None, hours)
    grid = plan([person], local.astimezone(ZoneInfo(ctx.user_zone)).date(), 1, ctx.user_zone)
    at = local.astimezone(UTC)
    index = int((at - grid.columns[0].astimezone(UTC)) / grid.step)
    cell = grid.row(contact_id).cells[index]
    assert cell.state == ("work" if working else "holiday"), cell
    data = _cli_json(str(ctx.db.path), contact_id, local, capsys)
    assert data["working_now"] is working, data
    assert data["reason"] == reason, data
