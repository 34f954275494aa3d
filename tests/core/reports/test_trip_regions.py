"""The trip brief asks the contact panel's rule for the regions of the people visited: a trip
to Munich offered meetings on Epiphany (a public holiday in Bavaria, where the contacts are)
and said there was no holiday; a country-wide trip offers none on a day that is a holiday
for some of the people visited, and says where. A city that no contact is in is an error
that names the cities there, and writes nothing. A trip longer than the table says so."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.core.errors import UserError
from accountdesk.core.metrics import Period
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.textlayout import TextBlock
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.timekeeping.workhours import WorkingHours, work_status
from accountdesk.core.timekeeping.zones import resolve_wall_time

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
TRIP = Period(date(2027, 1, 4), date(2027, 1, 8))  # Epiphany, 6 January, in Bavaria only
BERLIN = "Europe/Berlin"


def _people(db: Database, *places: tuple[str, str | None]) -> None:
    for i, (city, region) in enumerate(places):
        account = create_account(
            db, AccountInput(name=f"Firma {i}", country="DE", timezone=BERLIN, city=city)
        )
        create_contact(
            db,
            ContactInput(
                account_id=account, given_name="Anna", family_name=f"Berg {i}", country="DE",
                subdivision=region, city=city, timezone=BERLIN,
            ),
        )  # fmt: skip


def _story(db: Database, lang: str, city: str | None, trip: Period = TRIP) -> list[str]:
    ctx = d._context(lang, NOW, "Europe/Riga")
    with i18n.use_language(lang):
        story, _title = d._trip_story(db, ctx, "DE", city, trip)
    texts: list[str] = []
    # a note box is kept together on one page (documents._notice): its table inside
    for f in (inner for outer in story for inner in getattr(outer, "_content", [outer])):
        if isinstance(f, TextBlock):
            texts.append(plain(f.text))
        for row in getattr(f, "_cellvalues", ()):
            cells = [plain(c.text) for c in row if isinstance(c, TextBlock)]
            if ctx.rtl:
                cells.reverse()  # the columns are mirrored
            texts.append(" | ".join(cells))
            texts.extend(cells)
    return texts


def _slots_of(texts: list[str], day: date, lang: str = "en") -> str:
    ctx = d._context(lang, NOW, "Europe/Riga")
    with i18n.use_language(lang):
        shown = plain(ctx.date(day, "full"))
    return next(t for t in texts if t.startswith(shown + " | "))


def test_a_trip_to_munich_keeps_the_bavarian_holiday(db: Database) -> None:
    _people(db, ("München", "BY"), ("München", "BY"))
    texts = _story(db, "en", "münchen")
    # the contact panel's rule for the same people on those days, at 10:00 there
    hours = WorkingHours.for_contact("DE", None, None, subdivision="BY")
    for offset in range(TRIP.days):
        day = TRIP.start + timedelta(days=offset)
        at = resolve_wall_time(datetime.combine(day, time(10)), BERLIN).instant
        status = work_status(at, BERLIN, "DE", "BY", hours, window=False)
        row = _slots_of(texts, day)
        if status.working:
            assert "—" not in row.split(" | ")[1], row
        else:
            assert row.split(" | ")[1] == "—", row
            assert "Epiphany" in row
    assert _slots_of(texts, date(2027, 1, 6)).split(" | ")[1] == "—"
    assert any("Epiphany (Bavaria)" in t for t in texts)  # the holidays table
    assert any(
        t.startswith("Public holiday in Bavaria (Germany) during the trip: Epiphany") for t in texts
    )


@pytest.mark.parametrize("lang", ["en", "fa", "th"])
def test_a_trip_across_regions_offers_no_slot_on_a_regional_holiday(
    db: Database, lang: str
) -> None:
    _people(db, ("Berlin", "BE"), ("Berlin", "BE"), ("München", "BY"))
    texts = _story(db, lang, None)
    with i18n.use_language(lang):
        bavaria = plain(d.subdivision_name("DE", "BY", lang))
        berlin = plain(d.subdivision_name("DE", "BE", lang))
    row = _slots_of(texts, date(2027, 1, 6), lang)
    assert row.split(" | ")[1] == "—"
    assert bavaria in row and berlin not in row  # says where
    assert _slots_of(texts, date(2027, 1, 5), lang).split(" | ")[1] != "—"
    assert _slots_of(texts, date(2027, 1, 7), lang).split(" | ")[1] != "—"


def test_an_unknown_city_names_the_cities_there_and_writes_nothing(
    db: Database, tmp_path: Path
) -> None:
    _people(db, ("München", "BY"), ("Berlin", "BE"))
    pdf = tmp_path / "t.pdf"
    for typed in ("Munich", "Atlantis"):
        with pytest.raises(UserError) as caught:
            d.trip_brief(db, pdf, "DE", TRIP.start, TRIP.end, city=typed, now=NOW)
        assert caught.value.message == (
            f"No contact in Germany is in \u201c{typed}\u201d; the cities there are: Berlin, "
            "München."
        )
    assert not pdf.exists()
    assert d.trip_city(db, "DE", "MUNCHEN") == "München"  # case and accents as search folds


def test_a_trip_longer_than_the_table_says_so(db: Database) -> None:
    _people(db, ("Berlin", "BE"))
    year = Period(date(2027, 1, 1), date(2027, 12, 31))
    texts = _story(db, "en", None, year)
    assert (
        "The table lists the first 62 days of the trip, to 3 Mar 2027; make a brief from "
        "4 Mar 2027 for the days after them." in texts
    )
    assert not any("The table lists" in t for t in _story(db, "en", None))


def test_a_trip_to_a_country_of_several_clocks_without_contacts_is_refused(
    db: Database, tmp_path: Path
) -> None:
    # it planned meetings for "Canada" in Newfoundland's time, the first zone zone.tab lists
    pdf = tmp_path / "t.pdf"
    with pytest.raises(UserError) as caught:
        d.trip_brief(db, pdf, "CA", TRIP.start, TRIP.end, now=NOW)
    assert caught.value.message.startswith("Canada keeps several clocks")
    assert not pdf.exists()
    # one clock: the country's own, with nobody there
    d.trip_brief(db, pdf, "UA", TRIP.start, TRIP.end, now=NOW)
    assert pdf.exists()
    ctx = d._context("en", NOW, "Europe/Riga")
    story, _title = d._trip_story(db, ctx, "UA", None, TRIP)
    texts = [plain(f.text) for f in story if isinstance(f, TextBlock)]
    assert any(t.startswith("Local time in Kyiv") for t in texts), texts
