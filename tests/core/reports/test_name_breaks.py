"""A personal name in a report breaks only between its words, never inside one.

Thai is written without spaces, so lines break at the words of ICU's dictionary, which does
not know most names: "รัตนพันธ์" is "รัต" | "นพันธ์" to it. In a narrow column a contact's
name came out "วันเพ็ญ รัต" | "นพันธ์", cut in the middle of the family name while the space
between given and family name was there to break at. A name now breaks between its given and
family name first; a table's column is as wide as the widest word of a name in it, and only
a word wider than its whole line is broken, at one of ICU's word boundaries.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import isolate, ltr, plain
from accountdesk.core.db.engine import open_database
from accountdesk.core.db.models import Contact
from accountdesk.core.icu import line_breaks
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.textlayout import (
    TextStyle,
    layout,
    person_name,
    unbroken_width,
)
from accountdesk.core.services.accounts import create_account, create_contact

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)
STYLE = TextStyle(size=8.5, leading=11.5)  # a table cell's
PEOPLE = [("วันเพ็ญ", "รัตนพันธ์"), ("สุดารัตน์", "สุขสวัสดิ์"), ("ประเสริฐ", "วงศ์ใหญ่")]


def _width(text: str) -> float:
    return layout(text, 1e9, STYLE)[0].width


def _lines(text: str, width: float, rtl: bool = False) -> list[str]:
    return [plain(line.logical).strip() for line in layout(text, width, STYLE, rtl)]


def _contact(given: str, family: str, job: str | None = "ผู้จัดการฝ่ายจัดซื้อ") -> Contact:
    return Contact(
        given_name=given, family_name=family, honorific="คุณ", name_order="given_first",
        job_title=job,
    )  # fmt: skip


@pytest.mark.parametrize(("given", "family"), PEOPLE)
def test_a_thai_name_breaks_between_given_and_family_name(given: str, family: str) -> None:
    ctx = d._context("th", NOW, "Asia/Bangkok")
    cell = ctx.text(d._contact_cell(_contact(given, family, None)))
    # wide enough for the given name and a piece of the family name, not for both names
    width = _width(f"{given} {family}") - 1
    assert _lines(cell, width) == [given, family, f"คุณ{given}"]


def test_the_cell_copies_as_stored() -> None:
    """The marks that keep a name's words whole are not drawn and not in the text."""
    ctx = d._context("th", NOW, "Asia/Bangkok")
    cell = ctx.text(d._contact_cell(_contact("วันเพ็ญ", "รัตนพันธ์")))
    assert [ln.logical for ln in layout(cell, 1e9, STYLE)] == [
        "วันเพ็ญ รัตนพันธ์",
        "คุณวันเพ็ญ",
        "ผู้จัดการฝ่ายจัดซื้อ",
    ]


def test_a_name_column_squeezed_by_a_long_e_mail_address_keeps_each_name_whole() -> None:
    """The account report's contacts table: the e-mail column takes what the others can give,
    which once left the name column as wide as ICU's widest piece of a name ("นพันธ์")."""
    ctx = d._context("th", NOW, "Asia/Bangkok")
    mail = ltr("procurement.department.thailand.office@" + "lannadesign-" * 5 + "group.example")
    rows = [[d._contact_cell(_contact(g, f)), mail, "", "", ""] for g, f in PEOPLE]
    header = ["ชื่อ", "โทรศัพท์และอีเมล", "เวลาท้องถิ่น", "ช่องทาง", "ภาษา"]
    with i18n.use_language("th"):
        table = d._table(ctx, header, rows, [25, 33, 17, 12, 13])
    width = table._colWidths[0] - d.CELL_PADDING
    widest = max(_width(w) for g, f in PEOPLE for w in (g, f, f"คุณ{g}"))
    assert width >= widest - 0.01
    for r, (given, family) in enumerate(PEOPLE, 1):
        cell = table._cellvalues[r][0]
        cell.wrap(width, 1000)
        lines = [plain(line.logical).strip() for line in cell._lines]
        together = [f"{given} {family}", f"คุณ{given}"]
        assert lines[:2] == together or lines[:3] == [given, family, f"คุณ{given}"], lines
    # the columns that gave all their room are exactly as wide as their widest word: "ภาษา"
    # (Language) was cut "ภาษ" | "า", its width short of the word's by a rounding error
    for column, title in enumerate(header):
        cell = table._cellvalues[0][column]
        cell.wrap(table._colWidths[column] - d.CELL_PADDING, 1000)
        ends = set(line_breaks(title))
        pos = 0
        for line in cell._lines[:-1]:
            pos += len(line.logical)
            assert pos in ends, (title, [ln.logical for ln in cell._lines])


def test_a_line_exactly_as_wide_as_a_word_holds_it() -> None:
    bold = STYLE.but(bold=True)
    need = unbroken_width("ภาษา", bold)
    for width in (need, need * (1 - 1e-15), need - 1e-9):
        assert [ln.logical for ln in layout("ภาษา", width, bold)] == ["ภาษา"]


def test_a_name_word_wider_than_its_line_breaks_at_a_word_boundary() -> None:
    """Only a word wider than the whole line is broken, where ICU's dictionary has a word
    boundary ("คุณ" | "สุดารัตน์"), not between any two letters."""
    word = "คุณสุดารัตน์"
    width = _width("คุณสุดาร")  # a hard cut would fall after "คุณสุดาร"
    lines = _lines(person_name(word), width)
    assert "".join(lines) == word and len(lines) > 1
    ends = set(line_breaks(word))
    pos = 0
    for line in lines[:-1]:
        pos += len(line)
        assert pos in ends, lines


def test_unbroken_width_of_a_name_is_that_of_its_widest_word() -> None:
    name = person_name("วันเพ็ญ รัตนพันธ์")
    assert unbroken_width(name, STYLE) == pytest.approx(_width("รัตนพันธ์"))
    assert unbroken_width("วันเพ็ญ รัตนพันธ์", STYLE) < _width("รัตนพันธ์")  # ICU's pieces


@pytest.mark.parametrize(
    "name", ["วันเพ็ญ รัตนพันธ์", "نگار جعفری", "Elif Aydın", "山田太郎", "Marie-Claire Dubois"]
)
@pytest.mark.parametrize("rtl", [False, True])
def test_a_name_reads_as_before_in_either_direction(name: str, rtl: bool) -> None:
    """As the name does as one unit (an isolate) in a block of either direction."""
    (marked,) = layout(person_name(name), 1e9, STYLE, rtl)
    (bare,) = layout(isolate(name), 1e9, STYLE, rtl)
    assert marked.logical == bare.logical == name
    assert marked.visual_text == bare.visual_text
    assert marked.width == pytest.approx(bare.width)


def test_names_other_than_thai_are_left_as_they_are() -> None:
    """Words that ICU does not break inside need nothing: a Latin or Persian name is
    returned as it is (a Latin word too wide for its line is still cut with a hyphen)."""
    for name in ("Elif Aydın", "نگار جعفری", "Ms Sara Smith"):
        assert person_name(name) == name


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_the_thai_reports_copy_names_as_stored(tmp_path: Path) -> None:
    db = open_database(tmp_path / "names.db")
    zone = "Asia/Bangkok"
    account = create_account(
        db, AccountInput(name="บริษัท ล้านนาดีไซน์ จำกัด", country="TH", timezone=zone)
    )
    for given, family in PEOPLE:
        create_contact(
            db,
            ContactInput(
                account_id=account, honorific="คุณ", given_name=given, family_name=family,
                country="TH", timezone=zone,
                emails=["procurement.department.thailand@lannadesign-group-holdings.example"],
            ),
        )  # fmt: skip
    report, brief = tmp_path / "a.pdf", tmp_path / "t.pdf"
    d.account_report(db, account, report, lang="th", now=NOW, user_zone=zone)
    d.trip_brief(db, brief, "TH", date(2026, 12, 1), date(2026, 12, 5), lang="th", now=NOW)
    db.close()
    for pdf in (report, brief):
        out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
        text: Any = " ".join(out.stdout.split())
        for given, family in PEOPLE:
            assert f"{given} {family}" in text, (pdf.name, given, family)
            assert f"คุณ{given}" in text, (pdf.name, given)


def _story_of(monkeypatch: pytest.MonkeyPatch, build: Any) -> list[Any]:
    built: list[list[Any]] = []
    real = d._build

    def keep(target: Any, ctx: Any, title: str, subject: str, story: list[Any]) -> None:
        built.append(list(story))  # the build takes the flowables off the list
        real(target, ctx, title, subject, story)

    monkeypatch.setattr(d, "_build", keep)
    build()
    return built[0]


def _block(cell: Any) -> Any:
    """A table cell's text block (after a build, the table holds each in a tuple)."""
    return cell[0] if isinstance(cell, tuple) and cell else cell


def _cell_lines(cell: Any, width: float) -> list[str]:
    cell = _block(cell)
    cell.wrap(width, 1000)
    return [plain(line.logical).strip() for line in cell._lines]


def test_an_owners_name_breaks_between_its_words_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The owner in an account's summary and in the portfolio's breakdown by owner."""
    from accountdesk.core.metrics import Period

    given, family = PEOPLE[0]
    db = open_database(tmp_path / "owner.db")
    try:
        account = create_account(
            db, AccountInput(name="ลานนา ดีไซน์", country="TH", owner=f"{given} {family}")
        )
        narrow = _width(f"{given} {family}") - 5  # the two words do not fit on one line
        story = _story_of(
            monkeypatch, lambda: d.account_report(db, account, tmp_path / "a.pdf", lang="th")
        )
        with i18n.use_language("th"):
            owner = i18n._("Owner")
        [owner_cell] = [
            row[1]
            for table in story
            if isinstance(table, d.Table)
            for row in table._cellvalues
            if len(row) == 2 and plain(getattr(_block(row[0]), "text", "")) == owner
        ]
        assert _cell_lines(owner_cell, narrow) == [given, family]
        period = Period(date(2026, 1, 1), date(2026, 11, 28))
        story = _story_of(
            monkeypatch,
            lambda: d.portfolio_report(db, tmp_path / "p.pdf", period, lang="th", now=NOW),
        )
    finally:
        db.close()
    cells = [
        row[0]
        for table in story
        if isinstance(table, d.Table)
        for row in table._cellvalues[1:]
        if given in plain(getattr(_block(row[0]), "text", ""))
    ]
    assert cells, "the breakdown by owner names the owner"
    for cell in cells:
        assert _cell_lines(cell, narrow) == [given, family]
