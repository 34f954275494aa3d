"""Property: whatever file is given to the iCalendar import of follow-ups, it either imports or
is refused with one sentence that says what is wrong and where, and nothing is written when it
is refused.

The files are arbitrary bytes, arbitrary text, and a valid export mutated line by line: lines
dropped, doubled or swapped, values replaced by random text, control characters and NUL put
in, huge values, dates and times out of range, unknown zones and rules, other encodings and
files cut off at any byte.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.errors import UserError
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.calendar_files import import_follow_ups
from accountdesk.core.timekeeping.ical import IcsEvent, export_ics

from .harness import State, health, read_state

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

#: What tells the user where the problem is: the file, an event, a line, a byte, a field.
WHERE = re.compile(r"\bEvent \d+|\bline \d+|\bbyte \d+|iCalendar file", re.I)


class World:
    """A database with one contact to import follow-ups for, and a valid .ics file of theirs."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / "fuzz.db"
        self.db: Database = open_database(self.path)
        account = create_account(self.db, AccountInput(name="Ege Lojistik", country="TR"))
        self.contact = create_contact(
            self.db,
            ContactInput(account, "Ayşe", "TR", family_name="Yılmaz", timezone="Europe/Istanbul"),
        )
        start = datetime(2027, 3, 1, 10, 0)
        events = [
            IcsEvent("a@x", "Call about the offer", "Bring the\nnumbers", start, "Europe/Istanbul",
                     timedelta(minutes=30)),
            IcsEvent("b@x", "Review", "", start + timedelta(days=3), "America/New_York",
                     timedelta(hours=1), rrule="FREQ=MONTHLY;INTERVAL=3"),
            IcsEvent("c@x", "Lunch", "", start + timedelta(days=9), "UTC", timedelta(minutes=90)),
        ]  # fmt: skip
        data = export_ics(events, clock=fixed_clock(datetime(2027, 2, 1, tzinfo=UTC)))
        self.lines = data.decode("utf-8").split("\r\n")
        self.count = 0

    def state(self) -> State:
        conn = sqlite3.connect(self.path)
        try:
            return read_state(conn, "plain")
        finally:
            conn.close()

    def file(self, data: bytes) -> Path:
        self.count += 1
        path = self.folder / f"case{self.count}.ics"
        path.write_bytes(data)
        return path


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    folder = tmp_path_factory.mktemp("ics-fuzz")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ACCOUNTDESK_HOME", str(folder / "home"))
        made = World(folder)
        yield made
        made.db.close()


def import_or_refuse(world: World, data: bytes) -> str:
    """Import ``data``; returns "imported" or "refused" after checking what must hold."""
    path = world.file(data)
    before = world.state()
    try:
        import_follow_ups(world.db, path, world.contact)
    except UserError as exc:
        message = str(exc)
        assert message.strip() and "\n" not in message.strip(), message
        assert "Traceback" not in message, message
        assert str(path) in message or WHERE.search(message), f"where? {message!r}"
        assert world.state() == before, f"refused ({message}), yet something was written"
        return "refused"
    finally:
        path.unlink()
    conn = sqlite3.connect(world.path)
    try:
        assert health(conn) == []
    finally:
        conn.close()
    return "imported"


# --- arbitrary input --------------------------------------------------------------------


@FUZZ
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes(world: World, data: bytes) -> None:
    import_or_refuse(world, data)


@FUZZ
@given(text=st.text(max_size=2000))
def test_arbitrary_text(world: World, text: str) -> None:
    import_or_refuse(world, text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(lines=st.lists(st.text(max_size=60), max_size=12))
def test_a_calendar_of_random_lines(world: World, lines: list[str]) -> None:
    body = ["BEGIN:VCALENDAR", "BEGIN:VEVENT", *lines, "END:VEVENT", "END:VCALENDAR", ""]
    import_or_refuse(world, "\r\n".join(body).encode("utf-8", "surrogatepass"))


# --- a valid export, mutated ----------------------------------------------------------

NASTY_VALUES = [
    "", "\x00", "\x1b[31m", "\u202e", "\udc80", "x" * 70_000, "99991231T235959", "00010101T000000",
    "20270230T100000", "20270301T250000", "20270301", "20270301T100000Z", "P-1D", "PT",
    "P99999999W", "FREQ=SECONDLY;COUNT=0", "FREQ=NONSENSE", "FREQ=DAILY;UNTIL=0", "Mars/Base",
    "/mozilla.org/Europe/Riga", ";;;", ":", "\\", "\\n", "BEGIN:VEVENT", "END:VCALENDAR",
]  # fmt: skip
NAMES = ["DTSTART", "DTSTART;TZID=Europe/Riga", "DTSTART;VALUE=DATE", "DTEND", "DURATION",
         "RRULE", "SUMMARY", "DESCRIPTION", "UID", "TZID", "RECURRENCE-ID", "BEGIN", "END",
         "EXDATE", "TZOFFSETFROM", "TZOFFSETTO"]  # fmt: skip


@st.composite
def mutated_calendar(draw: st.DrawFn, lines: list[str]) -> bytes:
    text = list(lines)
    for _step in range(draw(st.integers(1, 4))):
        if not text:
            break
        at = draw(st.integers(0, len(text) - 1))
        kind = draw(st.sampled_from(["drop", "double", "swap", "value", "property", "insert"]))
        if kind == "drop":
            del text[at]
        elif kind == "double":
            text.insert(at, text[at])
        elif kind == "swap":
            other = draw(st.integers(0, len(text) - 1))
            text[at], text[other] = text[other], text[at]
        elif kind == "value":
            name = text[at].split(":", 1)[0]
            value = draw(st.sampled_from(NASTY_VALUES) | st.text(max_size=30))
            text[at] = f"{name}:{value}"
        elif kind == "property":
            name = draw(st.sampled_from(NAMES))
            value = draw(st.sampled_from(NASTY_VALUES) | st.text(max_size=30))
            text.insert(at, f"{name}:{value}")
        else:
            cut = draw(st.integers(0, len(text[at])))
            char = draw(st.sampled_from(["\x00", "\x0b", "\r", "\n", " ", "\t", ";", ":", '"']))
            text[at] = text[at][:cut] + char + text[at][cut:]
    joined = draw(st.sampled_from(["\r\n", "\n"])).join(text)
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "latin-1"]))
    data = joined.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]  # cut off anywhere
    return data


@FUZZ
@given(data=st.data())
def test_mutated_exports(world: World, data: st.DataObject) -> None:
    import_or_refuse(world, data.draw(mutated_calendar(world.lines)))


def test_the_valid_export_imports(world: World) -> None:
    """The file the mutations start from is valid: they test refusals, not a broken file.
    Its events get UIDs of their own: a mutated copy imported before may have kept theirs, and
    an event is imported once."""
    before = world.state()
    text = "\r\n".join(world.lines).replace("@x\r\n", "@valid\r\n")
    assert text.count("@valid\r\n") == 3
    assert import_or_refuse(world, text.encode()) == "imported"
    assert dict(world.state().counts)["follow_ups"] == dict(before.counts)["follow_ups"] + 3


# --- what the fuzzing found -------------------------------------------------------------


def _event(*lines: str) -> bytes:
    body = ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:1", *lines, "END:VEVENT",
            "END:VCALENDAR", ""]  # fmt: skip
    return "\r\n".join(body).encode()


@pytest.mark.parametrize(
    "lines",
    [
        ["DTSTART;TZID=Asia/Tokyo:00010101T000000"],  # before the year 1 in UTC
        ["DTSTART;TZID=America/New_York:99991231T235959"],  # after the year 9999 in UTC
        ["DTSTART:99991231T235959Z", "DURATION:P2D"],  # ends after the year 9999
        ["DTSTART:20270301T100000Z", "DURATION:P99999999W"],
    ],
)
def test_dates_beyond_the_years_a_date_can_have_are_refused(world: World, lines: list[str]) -> None:
    before = world.state()
    with pytest.raises(UserError) as refused:
        import_follow_ups(world.db, world.file(_event(*lines)), world.contact)
    assert str(refused.value) == (
        "Event 1 (line 3): its date is outside the years AccountDesk can store."
    )
    assert world.state() == before


def test_a_file_the_library_cannot_parse_is_one_line_not_the_whole_file(world: World) -> None:
    data = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "END:VCALENDAR", ""])
    with pytest.raises(UserError) as refused:
        import_follow_ups(world.db, world.file(data.encode()), world.contact)
    message = str(refused.value)
    assert message == "Event 1 (line 3) has no END:VEVENT."


def test_a_start_the_library_cannot_read_is_refused_naming_the_event(world: World) -> None:
    before = world.state()
    with pytest.raises(UserError) as refused:
        import_follow_ups(world.db, world.file(_event("DTSTART:")), world.contact)
    assert str(refused.value) == "Event 1 (line 3): the start time (DTSTART) cannot be read."
    assert world.state() == before


def test_a_zone_with_two_ids_is_refused_in_one_sentence(world: World) -> None:
    data = "\r\n".join(
        ["BEGIN:VCALENDAR", "BEGIN:VTIMEZONE", "TZID:Europe/Riga", "TZID:Europe/Riga",
         "BEGIN:STANDARD", "DTSTART:20260101T000000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0200",
         "END:STANDARD", "END:VTIMEZONE", "END:VCALENDAR", ""]
    ).encode()  # fmt: skip
    with pytest.raises(UserError) as refused:
        import_follow_ups(world.db, world.file(data), world.contact)
    assert str(refused.value).startswith("The iCalendar file cannot be read: ")


def test_a_value_the_follow_up_refuses_is_named_with_its_event(world: World) -> None:
    good = ["DTSTART:20270301T100000Z", "SUMMARY:Call"]
    data = _event(*good).replace(
        b"END:VCALENDAR",
        b"BEGIN:VEVENT\r\nUID:2\r\nDTSTART:20270302T100000Z\r\n"
        b"SUMMARY:a\x00b\r\nEND:VEVENT\r\nEND:VCALENDAR",
    )
    before = world.state()
    with pytest.raises(UserError) as refused:
        import_follow_ups(world.db, world.file(data), world.contact)
    assert str(refused.value) == (
        "Event 2 (line 8): Title “a\\u0000b”: contains a control character (U+0000)"
    )
    assert world.state() == before  # the first event was not kept either
