"""iCalendar export with TZID and VTIMEZONE, re-import, and clear rejection of bad files."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import available_timezones

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accountdesk.core.clock import fixed_clock
from accountdesk.core.timekeeping.ical import IcsError, IcsEvent, export_ics, import_ics, vtimezone
from accountdesk.core.timekeeping.zones import is_utc, resolve_wall_time, transitions

CLOCK = fixed_clock(datetime(2025, 1, 1, tzinfo=UTC))
ZONES = sorted(available_timezones())


def event(uid: str, local: datetime, zone: str, **kw: object) -> IcsEvent:
    values: dict[str, object] = {
        "uid": uid,
        "summary": f"Call {uid}",
        "description": "",
        "local": local,
        "zone": zone,
        "duration": timedelta(minutes=30),
        "rrule": None,
    }
    values.update(kw)
    return IcsEvent(**values)  # type: ignore[arg-type]


def test_export_has_tzid_and_one_vtimezone_per_zone() -> None:
    events = [
        event("ayse", datetime(2025, 6, 3, 10), "Europe/Istanbul", rrule="FREQ=MONTHLY;INTERVAL=3"),
        event("ayse2", datetime(2025, 7, 3, 10), "Europe/Istanbul"),
        event("ny", datetime(2025, 11, 2, 1, 30), "America/New_York"),
        event("ktm", datetime(2025, 6, 3, 10), "Asia/Kathmandu", description="Namaste; bring tea"),
    ]
    data = export_ics(events, clock=CLOCK)
    text = data.decode()
    assert text.startswith("BEGIN:VCALENDAR")
    assert "DTSTART;TZID=Europe/Istanbul:20250603T100000" in text
    assert "DTSTART;TZID=America/New_York:20251102T013000" in text
    assert "RRULE:FREQ=MONTHLY;INTERVAL=3" in text
    cal = icalendar.Calendar.from_ical(data)
    assert sorted(tz.tz_name for tz in cal.timezones) == [
        "America/New_York",
        "Asia/Kathmandu",
        "Europe/Istanbul",
    ]
    assert cal.get_missing_tzids() == set()
    assert "DTSTAMP:20250101T000000Z" in text
    for ev in cal.walk("VEVENT"):
        assert ev.get("UID") and ev.get("DTSTAMP")
        # the New York end (the second 01:00 of that night) is given as a duration
        assert ev.get("DURATION" if ev.get("UID") == "ny" else "DTEND")


@pytest.mark.parametrize(
    "zone",
    [
        "Europe/Riga",
        "America/New_York",
        "Australia/Lord_Howe",
        "Asia/Jerusalem",
        "Asia/Tehran",
        "Africa/Casablanca",
        "America/Santiago",
        "Pacific/Auckland",
        "Europe/Dublin",
        "Asia/Kathmandu",
    ],
)
def test_generated_vtimezone_gives_the_same_offsets_as_tzdata(zone: str) -> None:
    """Read back by icalendar (not by name), the VTIMEZONE must agree with zoneinfo."""
    component = vtimezone(zone, date(2019, 1, 1), date(2031, 1, 1))
    custom = icalendar.Calendar.from_ical(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
        + component.to_ical().replace(zone.encode(), b"Custom-Test-Zone")
        + b"END:VCALENDAR\r\n"
    ).timezones[0]
    tz = custom.to_tz(lookup_tzid=False)
    from zoneinfo import ZoneInfo

    reference = ZoneInfo(zone)
    changes = [t.instant for t in transitions(zone, date(2019, 1, 1), date(2031, 1, 1))]
    at = datetime(2020, 1, 1, tzinfo=UTC)
    checked = 0
    while at < datetime(2030, 6, 1, tzinfo=UTC):
        # icalendar's reader places a change up to an hour off (it reads a change's DTSTART on
        # the new offset, RFC 5545 says the old one), so the hours next to a change are skipped
        if all(abs(at - change) > timedelta(hours=2) for change in changes):
            assert at.astimezone(tz).utcoffset() == at.astimezone(reference).utcoffset(), (
                zone,
                at,
            )
            checked += 1
        at += timedelta(hours=7)
    assert checked > 12_000


def test_outlook_friendly_rules_for_a_regular_zone() -> None:
    text = vtimezone("Europe/Riga", date(2024, 1, 1), date(2028, 1, 1)).to_ical().decode()
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in text
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in text
    # DTSTART of the change is the local time on the offset before it (03:00 EET)
    assert "DTSTART:20240331T030000" in text


def test_round_trip_keeps_wall_times_and_zones() -> None:
    events = [
        event("ist", datetime(2025, 6, 3, 10), "Europe/Istanbul", rrule="FREQ=MONTHLY;BYDAY=3MO"),
        event("lhi", datetime(2025, 10, 5, 2, 45), "Australia/Lord_Howe"),
        event("ktm", datetime(2025, 6, 3, 17, 15), "Asia/Kathmandu", duration=timedelta(hours=2)),
        event("kir", datetime(2025, 12, 31, 23, 30), "Pacific/Kiritimati"),
        event("utc", datetime(2025, 1, 1, 8), "UTC"),
        event("ny", datetime(2025, 11, 2, 1, 30), "America/New_York", summary="Überfall; ok, fine"),
    ]
    back = import_ics(export_ics(events, clock=CLOCK))
    assert back == events


def test_a_gap_time_is_exported_as_the_time_actually_used() -> None:
    data = export_ics([event("gap", datetime(2025, 3, 30, 2, 30), "Europe/Berlin")], clock=CLOCK)
    (back,) = import_ics(data)
    assert back.local == datetime(2025, 3, 30, 3, 30) and back.zone == "Europe/Berlin"


@settings(max_examples=250, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    local=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 12, 31)),
    minutes=st.integers(min_value=0, max_value=600),
)
def test_round_trip_property(zone: str, local: datetime, minutes: int) -> None:
    local = local.replace(second=0, microsecond=0)
    original = event("x", local, zone, duration=timedelta(minutes=minutes))
    (back,) = import_ics(export_ics([original], clock=CLOCK))
    resolution = resolve_wall_time(local, zone)
    if is_utc(zone):  # any name of UTC (Etc/GMT too) comes back as the zone for UTC times
        assert back.zone == "UTC"
    else:
        assert back.zone == zone
    assert back.local == resolution.effective_local
    assert resolve_wall_time(back.local, back.zone).instant == resolution.instant
    assert back.duration == original.duration


BASE = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{body}END:VCALENDAR\r\n"


def ics(body: str) -> bytes:
    return BASE.format(body=body).encode()


def test_import_utc_floating_and_all_day() -> None:
    data = ics(
        "BEGIN:VEVENT\r\nUID:z\r\nSUMMARY:UTC\r\nDTSTART:20250601T080000Z\r\n"
        "DTEND:20250601T090000Z\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:f\r\nSUMMARY:Floating\r\nDTSTART:20250601T100000\r\n"
        "DURATION:PT45M\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:d\r\nSUMMARY:All day\r\nDTSTART;VALUE=DATE:20250602\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:w\r\nSUMMARY:Windows\r\n"
        "DTSTART;TZID=W. Europe Standard Time:20250601T100000\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:m\r\nSUMMARY:Mozilla\r\n"
        "DTSTART;TZID=/mozilla.org/20050126_1/Asia/Tehran:20250601T100000\r\nEND:VEVENT\r\n"
    )
    utc, floating, all_day, windows, mozilla = import_ics(
        data, floating_zone="Asia/Tehran", utc_zone="Europe/Riga"
    )
    assert (utc.local, utc.zone, utc.duration) == (
        datetime(2025, 6, 1, 11),
        "Europe/Riga",
        timedelta(hours=1),
    )
    assert (floating.local, floating.zone, floating.duration) == (
        datetime(2025, 6, 1, 10),
        "Asia/Tehran",
        timedelta(minutes=45),
    )
    assert (all_day.local, all_day.duration) == (datetime(2025, 6, 2), timedelta(days=1))
    assert windows.zone == "Europe/Berlin" and windows.local == datetime(2025, 6, 1, 10)
    assert mozilla.zone == "Asia/Tehran"


def test_custom_vtimezone_without_an_iana_name_keeps_the_instant() -> None:
    custom = (
        "BEGIN:VTIMEZONE\r\nTZID:My Office\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
        "TZOFFSETFROM:+0545\r\nTZOFFSETTO:+0545\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
        "BEGIN:VEVENT\r\nUID:c\r\nDTSTART;TZID=My Office:20250601T100000\r\nEND:VEVENT\r\n"
    )
    (back,) = import_ics(ics(custom), floating_zone="UTC")
    assert back.zone == "UTC" and back.local == datetime(2025, 6, 1, 4, 15)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "not an iCalendar file"),
        (b"Name,Email\r\nAyse,ayse@example.com\r\n", "BEGIN:VCALENDAR"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\n",
            "Event 1 (line 3) has no END:VEVENT.",
        ),
        (
            ics(
                "BEGIN:VEVENT\r\nUID:1\r\nDTSTART:20250101T100000\r\nEND:VEVENT\r\n"
                "BEGIN:VEVENT\r\nUID:2\r\nSUMMARY:no start\r\nEND:VEVENT\r\n"
            ),
            "Event 2 (line 8) has no start time (DTSTART)",
        ),
        (
            ics(
                "BEGIN:VEVENT\r\nUID:1\r\nDTSTART;TZID=Mars/Olympus_Mons:20250101T100000\r\n"
                "END:VEVENT\r\n"
            ),
            "Event 1 (line 4): the time zone “Mars/Olympus_Mons” is unknown",
        ),
        (
            ics(
                "BEGIN:VEVENT\r\nUID:1\r\nDTSTART:20250101T100000\r\nDTEND:20250101T090000\r\n"
                "END:VEVENT\r\n"
            ),
            "ends before it starts",
        ),
    ],
)
def test_invalid_files_are_rejected_with_a_clear_message(data: bytes, fragment: str) -> None:
    with pytest.raises(IcsError) as caught:
        import_ics(data)
    assert fragment in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_error_carries_line_and_event() -> None:
    data = ics("BEGIN:VEVENT\r\nUID:2\r\nSUMMARY:no start\r\nEND:VEVENT\r\n")
    with pytest.raises(IcsError) as caught:
        import_ics(data)
    assert (caught.value.event, caught.value.line) == (1, 4)


def test_recurrence_overrides_are_skipped_and_empty_calendar_is_fine() -> None:
    data = ics(
        "BEGIN:VEVENT\r\nUID:r\r\nDTSTART:20250101T100000Z\r\nRRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:r\r\nRECURRENCE-ID:20250108T100000Z\r\n"
        "DTSTART:20250108T120000Z\r\nEND:VEVENT\r\n"
    )
    (only,) = import_ics(data)
    assert only.rrule == "FREQ=WEEKLY"
    assert import_ics(ics("")) == []
