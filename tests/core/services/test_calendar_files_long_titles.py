"""An event whose title is longer than a follow-up's (300 characters) or on several lines
(SUMMARY may hold line breaks) is imported with the others: its follow-up's title is it on one
line, shortened with "…" where a word ends, its notes begin with the whole title, and the
import says which events (rev17's 6th: one such event refused the whole file, quoting a
raw \\u000a)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.followups import FollowUpRow, list_follow_ups
from accountdesk.core.services import calendar_files
from accountdesk.core.validation import LINE_MAX, one_line
from series import contact_in, ics_file

NOW = datetime(2027, 1, 10, tzinfo=UTC)
LONG = " ".join(["Quarterly business review with the procurement team"] * 7)  # 370


@pytest.fixture
def jane(db: Database) -> str:
    return contact_in(db, "Jane", "Doe Co", "US", "America/New_York")


def _event(uid: str, summary: str, day: int, description: str | None = None) -> list[str]:
    lines = ["VEVENT", f"UID:{uid}", f"SUMMARY:{summary}", f"DTSTART:202704{day:02}T063000Z"]
    return lines + ([f"DESCRIPTION:{description}"] if description else [])


def _rows(db: Database) -> list[FollowUpRow]:
    return list_follow_ups(db, now=NOW, user_zone="UTC")


def test_long_and_multi_line_titles_are_imported_with_the_rest(
    db: Database, jane: str, tmp_path: Path
) -> None:
    path = ics_file(
        tmp_path / "in.ics",
        _event("a@x", "Fine event", 5),
        _event("b@x", LONG, 6, "Agenda\\nPrices"),
        _event("c@x", "Title with\\nnewline", 7),
    )
    done = calendar_files.import_follow_ups(db, path, jane, fixed_clock(NOW))
    assert len(done) == 3
    fine, long, multi = _rows(db)
    assert (fine.title, fine.notes) == ("Fine event", None)
    assert len(long.title) <= LINE_MAX and long.title.endswith(" the\u2026")  # a whole word
    assert LONG.startswith(long.title[:-1])
    assert long.notes == LONG + "\n\nAgenda\nPrices"
    assert (multi.title, multi.notes) == ("Title with newline", "Title with\nnewline")
    assert done.retitled == ("Event 2 (line 9)", "Event 3 (line 15)")
    assert done.notes() == [
        "The titles of 2 events were put on one line or shortened; their follow-ups' notes "
        "keep the whole titles (Event 2 (line 9), Event 3 (line 15))."
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call\r\n\tabout prices", "Call about prices"),
        ("Line one \u2028 line two", "Line one line two"),
        ("x" * 400, "x" * 299 + "\u2026"),  # no word ends: cut inside it
        ("Short enough", "Short enough"),
    ],
)
def test_one_line(text: str, expected: str) -> None:
    assert one_line("title", text) == expected


def test_a_thai_title_is_cut_between_words() -> None:
    words = ["ประชุม", "ทบทวน", "ธุรกิจ", "รายไตรมาส", "กับ", "ทีม", "จัดซื้อ"]
    title = "".join(words) * 12  # no spaces, as Thai is written
    cut = one_line("title", title)
    assert len(cut) <= LINE_MAX and cut.endswith("\u2026")
    assert any(cut[:-1].endswith(word) for word in words)
