"""The "Before you reach out" panel, its account summary and the gift advice (pytest-qt)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QPushButton

from accountdesk.core.bidi import plain
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import save_country_note
from accountdesk.core.timekeeping.zones import format_offset, offset_to_you
from accountdesk.ui import tasks
from accountdesk.ui.accounts.view import AccountView
from accountdesk.ui.contacts.view import ContactView
from accountdesk.ui.culture_panel import CulturePanel, gift_advice, status_colour


def _view(ctx: Any, contact_id: str, qtbot: Any) -> ContactView:
    view = ContactView(ctx, contact_id)
    qtbot.addWidget(view)
    assert tasks.wait_all()
    return view


def test_panel_for_a_contact_in_thailand(ctx: Any, sample: dict[str, str], qtbot: Any) -> None:
    save_country_note(ctx.db, "TH", "Khun Somchai prefers LINE to e-mail.")
    view = _view(ctx, sample["somchai"], qtbot)
    panel = view.panel
    assert isinstance(panel, CulturePanel)
    assert panel.time.text() == "16:30"
    assert panel.offset.text() == "\u2066+5\u2069 h"  # the sign stays in front (core/bidi.py)
    assert "5 h ahead of you" in plain(panel.where.text())
    assert panel.status.text() == "It is working time there now."
    # 12 March 2025: Songkran (13-15 April) is within 90 days, as a holiday and a season
    assert "Songkran" in panel.holidays.text()
    assert "Holidays today and in the next 90 days" in panel.holidays_title.text()
    assert "Songkran" in panel.seasons.text()
    etiquette = panel.etiquette.text()
    assert "Greeting and forms of address" in etiquette
    assert "Gifts" in etiquette and "Topics to avoid" in etiquette
    assert "Do:" in etiquette or "Don't:" in etiquette
    assert "Address them as: \u2068Khun Somchai\u2069" in panel.prefs.text()  # none typed
    assert "Preferred channel" in panel.prefs.text()
    assert "Formality" in panel.prefs.text()
    assert "Thai" in panel.prefs.text()  # the country's language when the contact has none
    assert "Your notes on Thailand" in panel.user_notes.title.text()
    assert "prefers LINE" in panel.user_notes.body.text()
    assert panel.user_notes.objectName() == "yourNotes"
    assert "#fff4d6" in panel.user_notes.styleSheet()
    assert "average" in panel.disclaimer.text()
    assert "never this person" in panel.disclaimer.text()  # the contact shown beside it


def test_panel_outside_hours_shows_next_window(
    ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    ctx.clock = lambda: __import__("datetime").datetime(
        2025, 3, 15, 9, 30, tzinfo=__import__("datetime").UTC
    )  # a Saturday
    view = _view(ctx, sample["somchai"], qtbot)
    assert view.panel.status.text() == "It is the weekend there now."
    assert "Next working window opens" in view.panel.next_window.text()
    assert "17 Mar 2025, 08:30 their time" in view.panel.next_window.text()  # Monday


def test_offset_short() -> None:
    assert plain(format_offset(timedelta(hours=2))) == "+2 h"
    assert plain(format_offset(timedelta(hours=-5, minutes=-30))) == "−5 h 30 min"
    assert plain(format_offset(timedelta(0))) == "±0 h"
    assert plain(offset_to_you(timedelta(hours=-5, minutes=-30))) == "5 h 30 min behind you"
    assert plain(offset_to_you(timedelta(hours=4))) == "4 h ahead of you"
    assert offset_to_you(timedelta(0)) == "same time as you"


def test_account_summary_and_gift_advice(ctx: Any, sample: dict[str, str], qtbot: Any) -> None:
    view = AccountView(ctx, sample["bangkok"])
    qtbot.addWidget(view)
    assert tasks.wait_all()
    assert "Thailand" in view.culture.title.text()
    assert "Local time" in view.culture.body.text()
    # an account's page shows no person: "never this person: their own notes" had nobody
    assert "never an individual" in view.culture.disclaimer.text()
    assert "this person" not in view.culture.disclaimer.text()
    box = gift_advice("TH", for_person=False)
    qtbot.addWidget(box)
    assert "Gifts in Thailand" in box.findChildren(type(view.culture.title))[0].text()


def test_the_gift_advice_speaks_of_a_person_only_when_the_gift_is_for_one(
    ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    """A gift for the account as a whole said "never this person: their own notes…" with no
    person chosen; chosen, the line speaks of them (the same country: the box is made again)."""
    from PySide6.QtWidgets import QLabel

    from accountdesk.core.queries.details import account_detail
    from accountdesk.ui.activity import GiftDialog
    from accountdesk.ui.forms import set_combo

    bangkok = sample["bangkok"]
    people = account_detail(ctx.db, bangkok).contacts
    dialog = GiftDialog(ctx, bangkok, people=people)
    qtbot.addWidget(dialog)

    def said() -> str:
        return " ".join(
            w.text() for w in dialog.advice.findChildren(QLabel) if w.isVisibleTo(dialog)
        )

    assert "never an individual" in said() and "this person" not in said()
    set_combo(dialog.fields["contact"], sample["somchai"])  # type: ignore[arg-type]
    assert dialog.advice_country() == "TH"
    assert "never this person" in said() and "an individual" not in said()
    set_combo(dialog.fields["contact"], "")  # type: ignore[arg-type]
    assert "never an individual" in said()


def test_gift_editor_shows_the_country_gift_notes(
    ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    from PySide6.QtWidgets import QLabel

    from accountdesk.ui.activity import GiftDialog

    dialog = GiftDialog(ctx, sample["bangkok"])
    qtbot.addWidget(dialog)
    assert dialog.advice.objectName() == "giftAdvice"
    texts = [w.text() for w in dialog.advice.findChildren(QLabel)]
    assert "Gifts in Thailand" in texts
    body = dialog.advice.findChild(QLabel, "giftAdviceText")
    assert body is not None and ("Do:" in body.text() or "Don't:" in body.text())


def test_the_gift_editor_shows_the_etiquette_of_the_person_it_is_for(
    ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    """SPEC: a gift shows the etiquette of the contact's country. The box showed the
    account's country whoever was chosen (a Japanese contact of a Latvian account got
    Latvia's flowers and name days)."""
    from PySide6.QtWidgets import QLabel

    from accountdesk.core.queries.details import account_detail
    from accountdesk.core.services.activity import GiftInput, save_gift
    from accountdesk.ui.activity import GiftDialog
    from accountdesk.ui.forms import set_combo
    from people import person_at

    riga = sample["riga"]
    kenji = person_at(ctx.db, riga, "Kenji", "Sato", country="JP", zone="Asia/Tokyo")
    people = account_detail(ctx.db, riga).contacts

    def titles(dialog: GiftDialog) -> list[str]:
        return [w.text() for w in dialog.advice.findChildren(QLabel)]

    dialog = GiftDialog(ctx, riga, people=people)
    qtbot.addWidget(dialog)
    assert "Gifts in Latvia" in titles(dialog)  # the account as a whole
    set_combo(dialog.fields["contact"], kenji)  # type: ignore[arg-type]
    assert dialog.advice_country() == "JP"
    assert "Gifts in Japan" in titles(dialog) and "Gifts in Latvia" not in titles(dialog)
    layout = dialog.layout()
    assert layout is not None and layout.indexOf(dialog.advice) >= 0  # in the dialog's place
    set_combo(dialog.fields["contact"], "")  # type: ignore[arg-type]
    assert "Gifts in Latvia" in titles(dialog)
    assert not dialog.is_dirty()  # the advice is no field
    # a stored gift for Kenji opens with his country's advice
    save_gift(ctx.db, GiftInput(riga, "given", "Sake set", "2025-03-01", kenji))
    stored = account_detail(ctx.db, riga).gifts[0]
    again = GiftDialog(ctx, riga, stored, people=people)
    qtbot.addWidget(again)
    assert "Gifts in Japan" in titles(again)


def test_today_block_lists_holidays_and_seasons_of_contact_countries(
    ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    from datetime import UTC, datetime

    from accountdesk.core.clock import fixed_clock
    from accountdesk.ui.today.screen import TodayScreen

    ctx.clock = fixed_clock(datetime(2025, 4, 10, 8, 0, tzinfo=UTC))
    screen = TodayScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    # the next 7 days, today the first, as the birthdays beside it: not the calendar week
    # (on a Thursday it lists the next Monday's holidays; "this week" said otherwise)
    assert screen.boxes["culture"].title() == "Holidays and seasons, next 7 days"
    items = screen.culture.model.items
    assert any(i.country == "TH" and "Songkran" in i.name for i in items)
    assert {i.country for i in items} <= {"TH", "LV"}
    assert any(i.kind == "season" for i in items)


def test_todays_look_ahead_sections_share_one_window(ctx: Any, qtbot: Any) -> None:
    """Birthdays and holidays look the same days ahead (one constant), and both titles say
    how many: a change of the window that left a title behind fails here."""
    from datetime import UTC, date, datetime

    from accountdesk.core.clock import fixed_clock
    from accountdesk.core.culture.panel import today_block
    from accountdesk.core.queries.today import TODAY_DAYS
    from accountdesk.ui.today.screen import TodayScreen

    ctx.clock = fixed_clock(datetime(2026, 12, 3, 8, 0, tzinfo=UTC))  # a Thursday
    screen = TodayScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    for box in ("dates", "culture"):
        assert f"next {TODAY_DAYS} days" in screen.boxes[box].title()
    # Thailand's 7 December (a Monday, the next calendar week) is within the window
    items = today_block([("TH", None)], date(2026, 12, 3), TODAY_DAYS, "en")
    assert date(2026, 12, 7) in {i.start for i in items}


def test_a_view_closed_before_its_data_arrives_is_left_alone(
    ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    import shiboken6

    view = ContactView(ctx, sample["somchai"])  # the panel's data loads on a worker thread
    panel = view.panel
    shiboken6.delete(view)  # closed and deleted before the worker is done
    assert not shiboken6.isValid(panel)
    assert tasks.wait_all()  # the callback is dropped: no "C++ object already deleted"


def _today_rows(ctx: Any, qtbot: Any, when: Any) -> list[tuple[str, str]]:
    """The Today block's (country, what) cells, as shown."""
    from PySide6.QtCore import Qt

    from accountdesk.core.clock import fixed_clock
    from accountdesk.ui.today.screen import TodayScreen

    ctx.clock = fixed_clock(when)
    screen = TodayScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    model = screen.culture.model
    role = Qt.ItemDataRole.DisplayRole
    return [
        (plain(model.data(model.index(row, 1), role)), plain(model.data(model.index(row, 2), role)))
        for row in range(model.rowCount())
    ]


def _place(ctx: Any, country: str, tz: str, *subdivisions: str) -> str:
    """An account in ``country`` with a contact in each of ``subdivisions``; the last one."""
    from accountdesk.core.records import AccountInput, ContactInput
    from accountdesk.core.services.accounts import create_account, create_contact

    account = create_account(
        ctx.db, AccountInput(name=f"Firm in {country}", country=country, timezone=tz)
    )
    contact = ""
    for n, sub in enumerate(subdivisions):
        contact = create_contact(
            ctx.db,
            ContactInput(account_id=account, given_name="Pat", family_name=f"Doe {n}",
                         country=country, timezone=tz, subdivision=sub),
        )  # fmt: skip
    return contact


def test_today_shows_a_national_thai_holiday_once_without_provinces(ctx: Any, qtbot: Any) -> None:
    from datetime import UTC, datetime

    _place(ctx, "TH", "Asia/Bangkok", "40", "83")  # Khon Kaen and Phuket
    rows = _today_rows(ctx, qtbot, datetime(2026, 12, 3, 8, 0, tzinfo=UTC))
    national_day = [country for country, what in rows if what == "National Day"]
    assert national_day == ["Thailand"]  # once, for the whole country: no "(40, 83)"
    assert all(not any(ch.isdigit() for ch in country) for country, _what in rows), rows


def test_today_names_the_regions_of_a_regional_holiday(ctx: Any, qtbot: Any) -> None:
    from datetime import UTC, datetime

    _place(ctx, "DE", "Europe/Berlin", "BY", "NW", "BE")
    _place(ctx, "TH", "Asia/Bangkok", "40")
    rows = _today_rows(ctx, qtbot, datetime(2026, 6, 1, 8, 0, tzinfo=UTC))
    # Corpus Christi (4 June) is kept in Bavaria and North Rhine-Westphalia, not in Berlin
    assert ("Germany (Bavaria, Nordrhein-Westfalen)", "Corpus Christi") in rows
    assert ("Thailand", "Visakha Bucha (in lieu)") in rows
    assert [country for country, _what in rows if country.startswith("Germany")] == [
        "Germany (Bavaria, Nordrhein-Westfalen)"
    ]


def test_today_names_regions_in_the_users_language(ctx: Any, qtbot: Any) -> None:
    from datetime import UTC, datetime

    from accountdesk.ui import app as app_module

    _place(ctx, "DE", "Europe/Berlin", "BY", "NW")
    app_module.apply_language("sl")
    try:
        rows = _today_rows(ctx, qtbot, datetime(2026, 6, 1, 8, 0, tzinfo=UTC))
    finally:
        app_module.apply_language("en")
    countries = [country for country, _what in rows if "Bavarska" in country]
    assert len(countries) == 1 and "Severno Porenje-Vestfalija" in countries[0], rows
    assert countries[0].startswith("Nemčija")


def test_the_reach_out_panel_marks_a_regional_holiday(ctx: Any, qtbot: Any) -> None:
    from datetime import UTC, date, datetime

    from accountdesk.core.clock import fixed_clock
    from accountdesk.core.culture.calendar import holidays_between
    from accountdesk.core.culture.panel import holiday_text

    ctx.clock = fixed_clock(datetime(2026, 6, 3, 8, 0, tzinfo=UTC))
    contact = _place(ctx, "DE", "Europe/Berlin", "BY")
    panel = _view(ctx, contact, qtbot).panel
    assert "Thu 4 Jun: Corpus Christi (regional: Bavaria)" in plain(panel.holidays.text())
    # a nationwide holiday asked for in Bavaria is not marked
    unity = holidays_between("DE", "BY", date(2026, 10, 3), date(2026, 10, 3), "en")
    assert [plain(holiday_text(h)) for h in unity] == ["Sat 3 Oct: German Unity Day"]


def test_the_account_summary_gives_the_reason_as_the_contact_panel_does(
    ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    """QA: on a Sunday the account said "outside working hours now" (Latvian "tagad ir ārpus
    darba laika") while its contact's panel said it is the weekend; the README promises the
    reason (weekend, holiday, outside hours) everywhere."""
    from datetime import UTC, datetime

    from accountdesk.core.clock import fixed_clock
    from accountdesk.ui.app import apply_language

    def summary_and_panel() -> tuple[str, str]:
        view = AccountView(ctx, sample["bangkok"])
        qtbot.addWidget(view)
        assert tasks.wait_all()
        return plain(view.culture.body.text()), plain(
            _view(ctx, sample["somchai"], qtbot).panel.status.text()
        )

    ctx.clock = fixed_clock(datetime(2025, 3, 16, 9, 30, tzinfo=UTC))  # Sunday, 16:30 in Bangkok
    summary, panel = summary_and_panel()
    assert panel == "It is the weekend there now."
    assert panel in summary and "outside working hours" not in summary
    assert "Local time 16:30" in summary
    ctx.clock = fixed_clock(datetime(2025, 3, 17, 12, 30, tzinfo=UTC))  # Monday, 19:30
    summary, panel = summary_and_panel()
    assert panel == "It is outside working hours there now." and panel in summary
    ctx.clock = fixed_clock(datetime(2025, 4, 14, 3, 0, tzinfo=UTC))  # Songkran, 10:00
    summary, panel = summary_and_panel()
    assert panel.startswith("It is a public holiday there now: Songkran") and panel in summary
    apply_language("lv")
    try:
        ctx.clock = fixed_clock(datetime(2025, 3, 16, 9, 30, tzinfo=UTC))
        summary, panel = summary_and_panel()
    finally:
        apply_language("en")
    assert panel == "Tur tagad ir nedēļas nogale." and panel in summary
    assert "ārpus darba laika" not in summary


def test_a_day_off_for_some_is_named_beside_working_time(
    ctx: Any, person: Any, qtbot: Any, capsys: Any, tmp_path: Any
) -> None:
    """Carnival Monday in São Paulo is an optional holiday: the panel said "It is working time
    there now." in green, under "Today: Carnival (optional)" and a season saying business
    stops. It says the day is on, in amber, and ``accountdesk contact`` says it too."""
    from datetime import UTC, datetime

    from accountdesk import cli

    ctx.clock = lambda: datetime(2026, 2, 16, 13, 0, tzinfo=UTC)  # Monday, 10:00 there
    joao = person("João", "BR", "America/Sao_Paulo", "Silva")
    view = _view(ctx, joao, qtbot)
    said = plain(view.panel.status.text())
    assert said == (
        "It is officially working time there now, but today is Carnival (optional): some "
        "people there take the day off."
    )
    assert status_colour(False) in view.panel.status.styleSheet()  # amber
    # an observance nobody takes off changes nothing: Slovenia's Primož Trubar Day
    ctx.clock = lambda: datetime(2026, 6, 8, 8, 0, tzinfo=UTC)
    ana = person("Ana", "SI", "Europe/Ljubljana", "Novak")
    view = _view(ctx, ana, qtbot)
    assert view.panel.status.text() == "It is working time there now."
    assert status_colour(True) in view.panel.status.styleSheet()  # green
    code = cli.main(
        ["--db", str(ctx.db.path), "contact", joao, "--at", "2026-02-16T13:00:00+00:00"]
    )
    out = capsys.readouterr().out
    assert code == 0 and "but today is Carnival (optional)" in out, out


def test_a_shorter_day_shows_its_hours_and_reason(ctx: Any, person: Any, qtbot: Any) -> None:
    """Dubai at 17:00 in Ramadan: "outside working hours" with no reason, under "Business
    hours there: 09:00–18:00". The reason and today's hours are said."""
    from datetime import UTC, datetime

    ctx.clock = lambda: datetime(2026, 3, 5, 13, 0, tzinfo=UTC)  # Thursday, 17:00 in Dubai
    omar = person("Omar", "AE", "Asia/Dubai", "Hassan")
    view = _view(ctx, omar, qtbot)
    assert plain(view.panel.status.text()) == (
        "It is outside working hours there now: today the working day ends at 16:00 (Ramadan)."
    )
    lines = plain(view.panel.next_window.text()).splitlines()
    assert lines[:2] == ["Business hours there: 09:00–18:00", "Hours today: 09:00–16:00 (Ramadan)"]


def test_a_season_of_estimated_dates_is_marked_as_its_holiday_is(
    ctx: Any, person: Any, qtbot: Any
) -> None:
    """ "Tue 9 Mar: Eid al-Fitr (estimated date)" stood over the season "9 Mar 2027: Eid
    al-Fitr", unmarked."""
    from datetime import UTC, datetime

    from accountdesk.ui.culture_panel import _today_what, culture_items

    ctx.clock = lambda: datetime(2027, 3, 3, 6, 0, tzinfo=UTC)
    omar = person("Omar", "AE", "Asia/Dubai", "Hassan")
    view = _view(ctx, omar, qtbot)
    seasons = plain(view.panel.seasons.text())
    assert "Eid al-Fitr (estimated date)" in seasons, seasons
    assert "Ramadan (estimated date)" in seasons, seasons
    shown = [plain(_today_what(i)) for i in culture_items(ctx.db, ctx.clock())]
    assert "Ramadan (estimated date, season)" in shown, shown  # one pair of brackets


def test_a_zone_this_computer_does_not_know_leaves_no_clock_and_no_old_sentence(
    ctx: Any, person: Any, qtbot: Any
) -> None:
    """A zone stored by a colleague's newer tzdata, in a country of several clocks: the
    contact's view failed to open (ZoneInfoNotFoundError from the panel's header), and a view
    shown again kept the sentence of the zone before. The panel has no clock and says why,
    as its data (core/culture/panel.clock_zone) has none."""
    from sqlalchemy import text

    ann = person("Ann", "US", "America/New_York", "Lee")
    view = _view(ctx, ann, qtbot)
    assert view.panel.status.text() and view.panel.time.text()
    with ctx.db.engine.begin() as conn:
        conn.execute(
            text("UPDATE contacts SET timezone = 'America/Nowhere' WHERE id = :id"), {"id": ann}
        )
    view.reload()
    assert tasks.wait_all()
    again = _view(ctx, ann, qtbot)  # and a view opened now
    for panel in (view.panel, again.panel):
        assert (panel.time.text(), panel.offset.text(), panel.status.text()) == ("", "", "")
        assert plain(panel.where.text()) == (
            "This computer does not know the time zone America/Nowhere: edit the contact and "
            "choose one to see the local time there."
        )
        assert "Business hours there" in panel.next_window.text()


def test_the_contacts_list_shows_no_clock_for_a_zone_this_computer_does_not_know(
    ctx: Any, person: Any
) -> None:
    """The list's Local time and Now columns go by the panel's clock (clock_zone): an unknown
    stored zone raised ZoneInfoNotFoundError in every cell of the row as it was painted; a
    country of one clock still shows its time."""
    from sqlalchemy import text

    from accountdesk.core.queries import lists
    from accountdesk.ui.contacts.model import columns

    ann = person("Ann", "US", "America/New_York", "Lee")
    ilze = person("Ilze", "LV", "Europe/Riga", "Ozola")
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE contacts SET timezone = 'Mars/Olympus'"))
    by_key = {c.key: c for c in columns(ctx.clock)}
    rows = {r.id: r for r in lists.contact_rows(ctx.db, [ann, ilze])}
    shown = {
        who: (by_key["local"].text(rows[who]), by_key["working"].text(rows[who]))
        for who in (ann, ilze)
    }
    assert shown[ann] == ("", ""), shown
    riga = ctx.clock().astimezone(ZoneInfo("Europe/Riga"))
    assert plain(shown[ilze][0]) == riga.strftime("%H:%M") and shown[ilze][1], shown


def test_the_panel_says_the_region_keeps_another_clock_than_the_stored_one(
    ctx: Any, person: Any, qtbot: Any
) -> None:
    """A contact saved in Gran Canaria before the islands had their own zone holds Madrid's:
    the panel says which the region keeps, and leaves the stored zone as it is."""
    from sqlalchemy import text

    ana = person("Ana", "ES", "Europe/Madrid", "Suárez")
    view = _view(ctx, ana, qtbot)
    assert view.panel.zone_note.isHidden()
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE contacts SET subdivision = 'GC' WHERE id = :id"), {"id": ana})
    again = _view(ctx, ana, qtbot)
    assert not again.panel.zone_note.isHidden()
    assert plain(again.panel.zone_note.text()) == (
        "Las Palmas keeps its own clock, Atlantic/Canary; the zone saved here is Europe/Madrid."
    )
    assert "Madrid" in plain(again.panel.where.text())  # the stored zone's clock, as before


def test_the_editors_offer_the_clock_the_region_keeps(ctx: Any, person: Any, qtbot: Any) -> None:
    """The contact's and the account's editor leave a stored Europe/Madrid in Gran Canaria as
    it is, but offer the region's Atlantic/Canary under the zone; a click puts it in the zone
    box, and the offer goes. A zone of the same clock offers nothing; so does a region of the
    mainland. The account's page says what the contact's panel says."""
    from sqlalchemy import text

    from accountdesk.ui.accounts.editor import AccountEditor
    from accountdesk.ui.contacts.editor import ContactEditor
    from accountdesk.ui.culture_panel import CultureSummary
    from accountdesk.ui.forms import combo_value

    ana = person("Ana", "ES", "Europe/Madrid", "Suárez")
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE contacts SET subdivision = 'GC' WHERE id = :id"), {"id": ana})
        conn.execute(
            text(
                "UPDATE accounts SET country = 'ES', subdivision = 'GC', "
                "timezone = 'Europe/Madrid' WHERE id = (SELECT account_id FROM contacts "
                "WHERE id = :id)"
            ),
            {"id": ana},
        )
        (account,) = conn.execute(
            text("SELECT account_id FROM contacts WHERE id = :id"), {"id": ana}
        ).one()
    for editor in (ContactEditor(ctx, ana), AccountEditor(ctx, account)):
        qtbot.addWidget(editor)
        offer = editor.findChild(QPushButton, "regionZoneOffer")
        assert offer is not None and not offer.isHidden(), type(editor)
        assert plain(offer.text()) == "Use Canary (Atlantic/Canary), the clock Las Palmas keeps"
        assert combo_value(editor.fields["timezone"]) == "Europe/Madrid"  # as stored
        offer.click()
        assert combo_value(editor.fields["timezone"]) == "Atlantic/Canary"
        assert offer.isHidden()
        editor.set_text("subdivision", "M")  # Madrid keeps the mainland's clock
        editor.set_text("timezone", "Europe/Madrid")
        assert offer.isHidden()
    summary = CultureSummary(ctx, asynchronous=False)
    qtbot.addWidget(summary)
    summary.show_place("ES", "GC", "Europe/Madrid")
    assert (
        "Las Palmas keeps its own clock, Atlantic/Canary; the zone saved here is Europe/Madrid."
        in plain(summary.body.text())
    )
    summary.show_place("ES", "GC", "Atlantic/Canary")
    assert "keeps its own clock" not in plain(summary.body.text())


def test_an_informal_contact_is_addressed_by_the_given_name(ctx: Any, qtbot: Any) -> None:
    """Zane Bērziņa ("uz tu"): "Address them as: Bērziņas kundze" stood above "Formality:
    Informal"; the panel's first line (before the country's data) and its whole say the
    same. A formal colleague keeps "kundze"."""
    koks = create_account(ctx.db, AccountInput(name="Koks", country="LV", timezone="Europe/Riga"))

    def contact(given: str, family: str, formality: str) -> str:
        data = ContactInput(
            account_id=koks, given_name=given, family_name=family, honorific="kundze",
            formality=formality, country="LV", timezone="Europe/Riga",
        )  # fmt: skip
        return create_contact(ctx.db, data)

    zane = contact("Zane", "Bērziņa", "informal")
    ilze = contact("Ilze", "Kalniņa", "formal")
    for person, said in ((zane, "Zane"), (ilze, "Kalniņas kundze")):
        panel = _view(ctx, person, qtbot).panel
        assert plain(panel.prefs.text()).split("\n")[0] == f"Address them as: {said}"
        panel._header(panel.detail, ctx.clock())
        assert plain(panel.prefs.text()) == f"Address them as: {said}"
