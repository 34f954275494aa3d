"""A file the iCalendar library refuses gets a sentence in the user's language that names the
problem and its line: an event left open got "The iCalendar file cannot be read: Found no
components where exactly one is required: BEGIN:VCALENDAR", English in a Persian window too,
and it named neither the event nor its line (line 1 was BEGIN:VCALENDAR)."""

from __future__ import annotations

import pytest

from accountdesk.core import i18n
from accountdesk.core.timekeeping.ical import IcsError, import_ics


def _refusal(*lines: str, newline: str = "\r\n") -> IcsError:
    with pytest.raises(IcsError) as refused:
        import_ics(newline.join(lines).encode())
    return refused.value


EVENT = ("BEGIN:VEVENT", "UID:a", "SUMMARY:x", "DTSTART:20270110T100000Z")


@pytest.mark.parametrize(
    ("lines", "message", "line"),
    [
        (  # the review's unclosed.ics
            ["BEGIN:VCALENDAR", "VERSION:2.0", *EVENT, "END:VCALENDAR", ""],
            "Event 1 (line 3) has no END:VEVENT.",
            3,
        ),
        (  # a second event left open, after a task
            ["BEGIN:VCALENDAR", *EVENT, "END:VEVENT", "BEGIN:VTODO", "UID:t", "END:VTODO",
             *EVENT, "END:VCALENDAR"],
            "Event 2 (line 10) has no END:VEVENT.",
            10,
        ),
        (
            ["BEGIN:VCALENDAR", "BEGIN:VTODO", "UID:t", "DUE:20270110T100000Z", "END:VCALENDAR"],
            "Task 1 (line 2) has no END:VTODO.",
            2,
        ),
        (  # cut off: no END at all
            ["BEGIN:VCALENDAR", "VERSION:2.0", *EVENT, "END:VEVENT", ""],
            "BEGIN:VCALENDAR on line 1 has no END:VCALENDAR.",
            1,
        ),
        (
            ["BEGIN:VCALENDAR", "VERSION:2.0", "END:VEVENT", "END:VCALENDAR"],
            "Line 3: END:VEVENT has no BEGIN:VEVENT before it.",
            3,
        ),
        (
            ["BEGIN:VCALENDAR", "VERSION:2.0", "END:VCALENDAR", "BEGIN:VCALENDAR", "END:VCALENDAR"],
            "Line 4: the file goes on after the end of the calendar (END:VCALENDAR on line 3).",
            4,
        ),
        (
            ["BEGIN:VCALENDAR", "VERSION:2.0", "END:VCALENDAR", "foo"],
            "Line 4 is not an iCalendar line (NAME:value): “foo”.",
            4,
        ),
        (
            ["BEGIN:VCALENDAR", "X-WR-TIMEZONE;=:x", "END:VCALENDAR"],
            "Line 2 is not an iCalendar line (NAME:value): “X-WR-TIMEZONE;=:x”.",
            2,
        ),
        (  # a task's values are not forgiven by the library, an event's are
            ["BEGIN:VCALENDAR", "BEGIN:VTODO", "UID:t", "SUMMARY:Call", "DUE:tomorrow",
             "END:VTODO", "END:VCALENDAR"],
            "Line 5: the value of DUE cannot be read: “tomorrow”.",
            5,
        ),
        (
            ["BEGIN:VCALENDAR", "BEGIN:VTODO", "UID:t", "DTSTART:20270110T100000Z",
             "RRULE:FREQ=WEEKLY;BYDAY=XX", "END:VTODO", "END:VCALENDAR"],
            "Line 5: the value of RRULE cannot be read: “FREQ=WEEKLY;BYDAY=XX”.",
            5,
        ),
        (
            ["BEGIN:VCALENDAR", *EVENT, "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:soon",
             "END:VALARM", "END:VEVENT", "END:VCALENDAR"],
            "Line 8: the value of TRIGGER cannot be read: “soon”.",
            8,
        ),
    ],
)  # fmt: skip
def test_what_is_wrong_and_on_which_line(lines: list[str], message: str, line: int) -> None:
    refused = _refusal(*lines)
    assert (str(refused), refused.line) == (message, line)


def test_lines_are_counted_as_the_file_has_them_folded_and_with_lf_alone() -> None:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VTODO", "UID:t",
             "DESCRIPTION:a long", " description folded", "\tover three lines",
             "DUE:tomorrow", "END:VTODO", "END:VCALENDAR"]  # fmt: skip
    for newline in ("\r\n", "\n"):
        assert str(_refusal(*lines, newline=newline)) == (
            "Line 8: the value of DUE cannot be read: “tomorrow”."
        )


def test_a_value_is_shown_short_and_printable() -> None:
    lines = ["BEGIN:VCALENDAR", "BEGIN:VTODO", "UID:t", "DUE:\x1b" + "9" * 80, "END:VTODO",
             "END:VCALENDAR"]  # fmt: skip
    message = str(_refusal(*lines))
    assert message == f"Line 4: the value of DUE cannot be read: “\\u001b{'9' * 59}…”."


def test_the_library_s_english_is_not_in_the_message() -> None:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", *EVENT, "END:VCALENDAR"]
    with i18n.use_language("fa"):
        message = str(_refusal(*lines))
    assert "Found no components" not in message and "VCALENDAR" not in message
    assert "۳" in message  # the line, in the language's digits
