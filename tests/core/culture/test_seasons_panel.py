from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from accountdesk.core.culture.panel import reach_out_summary, today_block
from accountdesk.core.culture.profile import render_country_text
from accountdesk.core.culture.seasons import seasons_between


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2025, date(2025, 3, 1)), (2026, date(2026, 2, 18)), (2027, date(2027, 2, 8))],
)
def test_ramadan_start(year: int, expected: date) -> None:
    found = [
        s for s in seasons_between("SA", date(year, 1, 1), date(year, 12, 31)) if s.key == "ramadan"
    ]
    assert len(found) == 1
    assert abs((found[0].start - expected).days) <= 1
    assert 28 <= (found[0].end - found[0].start).days <= 30


def test_seasons_for_countries() -> None:
    def keys(cc: str) -> set[str]:
        return {s.key for s in seasons_between(cc, date(2027, 1, 1), date(2027, 12, 31), "en")}

    assert {"nowruz", "ramadan"} <= keys("IR")
    assert "songkran" in keys("TH")
    assert {"lunar_new_year", "china_golden_week"} <= keys("CN")
    assert "japan_golden_week" in keys("JP")
    assert "diwali" in keys("IN")
    assert "european_august" in keys("IT")
    assert "ramadan" not in keys("LV")
    lny = [
        s
        for s in seasons_between("CN", date(2027, 1, 1), date(2027, 3, 1))
        if s.key == "lunar_new_year"
    ]
    assert lny[0].start <= date(2027, 2, 6) <= lny[0].end
    # the Christmas season crosses the year boundary
    xmas = seasons_between("DE", date(2027, 1, 1), date(2027, 1, 1))
    assert [s.key for s in xmas] == ["christmas_new_year"] and xmas[0].start == date(2026, 12, 24)


def test_european_august_expects_decisions_once_people_are_back_in_september() -> None:
    """Native review: "expect decisions after September" said October."""
    from accountdesk.core.culture.seasons import season_on

    season = season_on("SI", "european_august", date(2027, 8, 10), "en")
    assert season is not None
    assert (season.start, season.end) == (date(2027, 8, 1), date(2027, 8, 31))
    assert season.advice == (
        "Summer holidays: many firms run a skeleton crew; expect decisions in September, "
        "once people are back."
    )


def test_panel_across_midnight() -> None:
    # 23:30 UTC on Tuesday 2 March 2027 is 08:30 Wednesday in Tokyo, working time there
    now = datetime(2027, 3, 2, 23, 30, tzinfo=UTC)
    jp = reach_out_summary(
        country="JP",
        subdivision=None,
        zone="Asia/Tokyo",
        user_zone="Europe/Riga",
        now=now,
        working_hours_override=(time(8, 0), time(17, 0)),
    )
    assert jp.local_now.date() == date(2027, 3, 3) and jp.local_now.hour == 8
    assert jp.status.working and jp.next_window_start is None
    assert jp.offset_to_user == timedelta(hours=7)
    # the same instant is 01:30 Wednesday in Riga: not working; the window opens at 08:30
    lv = reach_out_summary(
        country="LV", subdivision=None, zone="Europe/Riga", user_zone="Asia/Tokyo", now=now
    )
    assert not lv.status.working
    assert lv.next_window_start == datetime(2027, 3, 3, 8, 30, tzinfo=ZoneInfo("Europe/Riga"))
    assert lv.offset_to_user == timedelta(hours=-7)
    assert "communication" in lv.highlights


def test_panel_across_dst_change() -> None:
    riga = ZoneInfo("Europe/Riga")
    # Riga moves to summer time on Sunday 28 March 2027 (03:00 -> 04:00).
    # Friday 26 March is Good Friday and Monday 29 March Easter Monday, so from Saturday
    # 06:00 UTC the next window is Tuesday 30 March 08:30, already in summer time.
    before = datetime(2027, 3, 27, 6, 0, tzinfo=UTC)
    summary = reach_out_summary(
        country="LV", subdivision=None, zone="Europe/Riga", user_zone="UTC", now=before
    )
    assert summary.offset_to_user == timedelta(hours=2)
    assert not summary.status.working
    opening = summary.next_window_start
    assert opening == datetime(2027, 3, 30, 8, 30, tzinfo=riga)
    assert opening.utcoffset() == timedelta(hours=3)  # summer time after the change
    # 05:45 UTC on Tuesday 30 March is 08:45 summer time: working; in winter time it would not be
    after = reach_out_summary(
        country="LV",
        subdivision=None,
        zone="Europe/Riga",
        user_zone="UTC",
        now=datetime(2027, 3, 30, 5, 45, tzinfo=UTC),
    )
    assert after.status.working and after.offset_to_user == timedelta(hours=3)
    # the US changes two weeks earlier: the offset between New York and Riga shifts
    ny = reach_out_summary(
        country="US",
        subdivision="NY",
        zone="America/New_York",
        user_zone="Europe/Riga",
        now=datetime(2027, 3, 20, 12, 0, tzinfo=UTC),
    )
    assert ny.offset_to_user == timedelta(hours=-6)


def test_panel_friday_weekend_and_holidays() -> None:
    # Friday 5 March 2027, 10:00 in Tehran: weekend; next window Saturday 08:00
    now = datetime(2027, 3, 5, 10, 0, tzinfo=ZoneInfo("Asia/Tehran"))
    ir = reach_out_summary(
        country="IR", subdivision=None, zone=None, user_zone="Europe/Riga", now=now, lang="fa"
    )
    assert ir.zone == "Asia/Tehran" and not ir.status.working
    assert ir.next_window_start == datetime(2027, 3, 6, 8, 0, tzinfo=ZoneInfo("Asia/Tehran"))
    assert any(h.date == date(2027, 3, 21) for h in ir.upcoming_holidays)
    assert {s.key for s in ir.current_seasons} == {"ramadan"}
    assert "nowruz" in {s.key for s in ir.upcoming_seasons}
    with pytest.raises(ValueError):
        reach_out_summary(
            country="IR", subdivision=None, zone=None, user_zone=None, now=datetime(2027, 3, 5)
        )


def test_today_block() -> None:
    items = today_block([("TH", None), ("TH", None), ("LV", None), ("ZZ", None)], date(2027, 4, 12))
    names = [(i.country, i.kind, i.start) for i in items]
    assert ("TH", "holiday", date(2027, 4, 13)) in names
    assert ("TH", "season", date(2027, 4, 13)) in names
    assert sum(1 for i in items if i.kind == "season" and i.country == "TH") == 1
    assert all(i.country != "LV" or i.kind != "holiday" for i in items)
    today = today_block([("LV", None)], date(2027, 6, 23))
    assert today[0].is_today and today[0].kind == "holiday"


def test_render_thailand() -> None:
    text = render_country_text("TH", 2027, "en")
    for part in (
        "Thailand (TH)",
        "Thai",
        "Baht",
        "Asia/Bangkok",
        "Saturday, Sunday",
        "(curated)",
        "Gifts",
        "Topics to avoid",
        "Useful phrases",
        "Songkran",
        "Holidays in 2027",
        "culture's average",
    ):
        assert part in text, part
    # a country's page speaks of no person: not "never this person: their own notes"
    assert "never an individual" in text and "this person" not in text


def test_the_disclaimer_speaks_of_a_person_only_beside_one() -> None:
    from accountdesk.core.culture.profile import average_disclaimer

    person, nobody = average_disclaimer(for_person=True), average_disclaimer(for_person=False)
    assert "never this person" in person and "their own notes" in person
    assert "never an individual" in nobody and "a contact's own notes" in nobody
    assert "this person" not in nobody


def test_render_iran_in_persian() -> None:
    text = render_country_text("IR", 2027, "fa")
    for part in ("ایران", "(IR)", "Asia/Tehran", "جشن نوروز", "عید سعید فطر *", "سلام"):
        assert part in text, part
    assert "(تخمینی)" not in text


def test_render_latvia_and_uncurated() -> None:
    text = render_country_text("LV", 2027, "lv")
    for part in ("Latvija", "Līgo diena", "Jāņu diena", "EUR", "Europe/Riga", "atturīgi"):
        assert part in text, part
    aq = render_country_text("AQ", 2027, "en")
    assert "calendar facts only" in aq and "not curated" in aq


def test_panel_on_a_public_holiday() -> None:
    bangkok = ZoneInfo("Asia/Bangkok")
    # Wednesday 14 April 2027, 10:00 in Bangkok: Songkran, a public holiday
    now = datetime(2027, 4, 14, 10, 0, tzinfo=bangkok)
    th = reach_out_summary(
        country="TH", subdivision=None, zone="Asia/Bangkok", user_zone="Europe/Riga", now=now
    )
    assert not th.status.working
    assert [h.name for h in th.holidays_today] == ["Songkran Festival"]
    assert {s.key for s in th.current_seasons} == {"songkran"}
    # Thursday 15 April is Songkran too; the next window is Friday 16 April at 08:30
    assert th.next_window_start == datetime(2027, 4, 16, 8, 30, tzinfo=bangkok)
    assert th.offset_to_user == timedelta(hours=4)  # Riga is on summer time (UTC+3)


def test_panel_night_window_across_midnight() -> None:
    riga = ZoneInfo("Europe/Riga")
    night = (time(22, 0), time(6, 0))

    def at(day: int, hour: int) -> bool:
        return reach_out_summary(
            country="LV",
            subdivision=None,
            zone="Europe/Riga",
            user_zone="Europe/Riga",
            now=datetime(2027, 3, day, hour, 0, tzinfo=riga),
            working_hours_override=night,
        ).status.working

    # Monday 1 March 2027 23:00 and Tuesday 02:00 belong to Monday's night window
    assert at(1, 23) and at(2, 2)
    assert not at(2, 12)
    # Sunday 7 March 02:00 belongs to Saturday's window: weekend, not working
    assert not at(7, 2)
    # Monday 8 March 02:00 belongs to Sunday's window: still weekend
    assert not at(8, 2)
    assert at(8, 23)


def test_panel_upcoming_lists_are_bounded() -> None:
    now = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)
    summary = reach_out_summary(
        country="TR", subdivision=None, zone=None, user_zone="UTC", now=now, lang="tr"
    )
    assert summary.zone == "Europe/Istanbul"
    assert summary.status.working  # 12:00 in Istanbul on a Monday
    horizon = date(2027, 1, 4) + timedelta(days=90)
    assert all(date(2027, 1, 4) < h.date <= horizon for h in summary.upcoming_holidays)
    assert any(h.name == "Ramazan Bayramı" for h in summary.upcoming_holidays)
    assert all(s.start <= horizon for s in summary.upcoming_seasons)
    assert {"ramadan", "eid_al_fitr"} <= {s.key for s in summary.upcoming_seasons}
    assert summary.highlights["gifts"]
