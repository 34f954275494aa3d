"""Right to left (Persian): user data keeps its order inside the window and its sentences, and
headings stand at the leading edge (core/bidi.py is the one home for the isolates)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from accountdesk.core.bidi import LRI, PDI, RLM, plain
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.ui import tasks
from accountdesk.ui.contacts.model import ContactsModel
from accountdesk.ui.contacts.view import ContactView
from accountdesk.ui.culture_panel import CulturePanel, note_html
from accountdesk.ui.detail import LeadingLabel
from accountdesk.ui.listmodel import PLAIN_ROLE

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

PHONE = "+371 2000 0000"
SHOWN = "+371 20 000 000"  # stored in E.164, shown grouped as the country writes it
EMAIL = "anna@maizdorado.example"
ACCOUNT = "Maíz Dorado S.A. de C.V."


@pytest.fixture
def anna(ctx: Any) -> str:
    place: dict[str, Any] = {"country": "MX", "timezone": "America/Mexico_City"}
    account = create_account(ctx.db, AccountInput(name=ACCOUNT, city="Guadalajara", **place))
    return create_contact(
        ctx.db,
        ContactInput(
            account_id=account,
            given_name="Anna",
            family_name="Ozola",
            emails=[EMAIL],
            phones=[PHONE],
            **place,
        ),
    )


def _values(view: ContactView) -> list[str]:
    return [w.text() for w in view.details_page.findChildren(QLabel)]


def test_phone_and_email_read_left_to_right_in_the_contact_view(
    ctx: Any, anna: str, persian: None, qtbot: Any
) -> None:
    view = ContactView(ctx, anna)
    qtbot.addWidget(view)
    values = _values(view)
    # the "+" stays at the start of the logical string, inside one left-to-right isolate
    assert any(f"{LRI}{SHOWN}{PDI}" in text for text in values), values
    assert any(f"{LRI}{EMAIL}{PDI}" in text for text in values), values
    assert not any(SHOWN in text and f"{LRI}{SHOWN}" not in text for text in values)


def test_phone_and_email_read_left_to_right_in_the_contact_list(
    db: Any, anna: str, persian: None
) -> None:
    model = ContactsModel(db, lambda: datetime(2025, 3, 12, 9, 30, tzinfo=UTC), asynchronous=False)
    model.reload()
    keys = [c.key for c in model.columns]
    row = model.row_of(anna)
    phone = model.data(model.index(row, keys.index("phone")))
    email = model.data(model.index(row, keys.index("email")))
    assert phone == f"{LRI}{SHOWN}{PDI}"
    assert email == f"{LRI}{EMAIL}{PDI}"
    account = model.data(model.index(row, keys.index("account")))
    assert account == f"\u2068{ACCOUNT}\u2069"  # the final period stays behind "C.V"
    assert model.data(model.index(row, keys.index("phone")), PLAIN_ROLE) == SHOWN
    # type-ahead search in the view matches the text without the isolates
    found = model.match(model.index(0, keys.index("phone")), Qt.ItemDataRole.DisplayRole, "+371")
    assert [i.row() for i in found] == [row]


def _ink_columns(label: QLabel) -> tuple[int, int]:
    """The leftmost and rightmost pixel columns with text on them."""
    image = label.grab().toImage()
    background = QColor(image.pixel(0, 0))
    xs = [
        x
        for x in range(image.width())
        for y in range(image.height())
        if abs(QColor(image.pixel(x, y)).lightness() - background.lightness()) > 60
    ]
    assert xs, "nothing drawn"
    return min(xs), max(xs)


def test_headings_stand_at_the_leading_edge(ctx: Any, anna: str, persian: None, qtbot: Any) -> None:
    view = ContactView(ctx, anna)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    title = view.title
    assert isinstance(title, LeadingLabel)
    assert title.alignment() & Qt.AlignmentFlag.AlignLeading
    # a Latin name alone: the window's direction mark keeps it right to left, so Qt aligns it
    # to the right (without the mark it would take the name's direction and stand on the left)
    assert title.text().startswith(RLM)
    assert plain(title.text()) == "Anna Ozola"
    left, right = _ink_columns(title)
    assert left > title.width() / 2, (left, right, title.width())
    heading = view.panel.heading
    left, right = _ink_columns(heading)
    assert left > heading.width() / 2


def test_headings_stay_at_the_left_in_a_left_to_right_window(
    ctx: Any, anna: str, qtbot: Any
) -> None:
    view = ContactView(ctx, anna)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    assert plain(view.title.text()) == "Anna Ozola"
    _left, right = _ink_columns(view.title)
    assert right < view.title.width() / 2


def test_a_persian_name_stands_at_the_left_of_a_left_to_right_window(ctx: Any, qtbot: Any) -> None:
    """The title is selectable, and a selectable label takes its direction from the letters
    inside an isolate: without the window's mark a Persian name stood on the right."""
    place: dict[str, Any] = {"country": "IR", "timezone": "Asia/Tehran"}
    account = create_account(ctx.db, AccountInput(name="شرکت کاسپین", **place))
    contact = create_contact(
        ctx.db,
        ContactInput(
            account_id=account, given_name="رضا", family_name="کریمی", honorific="آقای", **place
        ),
    )
    view = ContactView(ctx, contact)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    # the heading is the name; how to address him is the panel's
    assert plain(view.title.text()) == "رضا کریمی"
    assert "آقای کریمی" in plain(view.panel.prefs.text())
    _left, right = _ink_columns(view.title)
    assert right < view.title.width() / 2, (right, view.title.width())


@pytest.mark.parametrize(
    ("honorific", "given", "family", "country", "zone", "expected"),
    [
        ("دکتر", "زهرا", "رضایی", "IR", "Asia/Tehran", "دکتر رضایی"),
        ("Khun", "Somchai", "Wongyai", "TH", "Asia/Bangkok", "Khun Somchai"),
        ("Hanim", "Zeynep", "Çelik", "TR", "Europe/Istanbul", "Zeynep Hanım"),
        # none typed: the country's own where it is the same for everyone (core/address.py)
        ("", "สมชาย", "ใจดี", "TH", "Asia/Bangkok", "คุณสมชาย"),
        ("", "太郎", "田中", "JP", "Asia/Tokyo", "田中さん"),
        ("", "Zeynep", "Çelik", "TR", "Europe/Istanbul", "Zeynep Çelik"),
    ],
)
def test_the_panel_addresses_a_contact_as_their_culture_does_in_persian(
    ctx: Any,
    persian: None,
    qtbot: Any,
    honorific: str,
    given: str,
    family: str,
    country: str,
    zone: str,
    expected: str,
) -> None:
    """The form of address the contact editor's hint suggests, in a right-to-left window: the
    honorific with the right name, the whole isolated (a Latin one reads left to right)."""
    place: dict[str, Any] = {"country": country, "timezone": zone}
    account = create_account(ctx.db, AccountInput(name="Caspian Trading", **place))
    contact = create_contact(
        ctx.db,
        ContactInput(
            account_id=account,
            given_name=given,
            family_name=family,
            honorific=honorific,
            **place,
        ),
    )
    view = ContactView(ctx, contact)
    qtbot.addWidget(view)
    assert tasks.wait_all()
    assert f"\u2068{expected}\u2069" in view.panel.prefs.text()


def test_names_and_offsets_in_the_reach_out_panel(
    ctx: Any, anna: str, persian: None, qtbot: Any
) -> None:
    view = ContactView(ctx, anna)
    qtbot.addWidget(view)
    assert tasks.wait_all()
    panel = view.panel
    assert isinstance(panel, CulturePanel)
    assert "\u2068Anna Ozola\u2069" in panel.prefs.text()  # "Address them as: {name}"
    # the sign of the difference stays in front of its number (CLDR: "‎−۶" in Persian)
    assert panel.offset.text().startswith(f"{LRI}\u2212۸{PDI}")
    # "{zone} · {offset}": both inserted parts isolated, the line starts right to left
    assert panel.where.text().startswith(RLM + "\u2068")
    # the tip arrow points along a right-to-left line
    assert "⬅" in note_html("tip", "x") and "➜" not in note_html("tip", "x")


def test_delete_message_isolates_the_name(ctx: Any, anna: str, persian: None) -> None:
    messages: list[str] = []
    ctx.status.connect(messages.append)
    ctx.delete("contact", anna, "Anna Ozola")
    assert messages and "\u2068Anna Ozola\u2069" in messages[-1]
    assert "\u2068Anna Ozola\u2069" in ctx.undo_stack.undoText()


def test_a_notes_box_puts_each_paragraph_at_its_own_leading_edge(persian: None, qtbot: Any) -> None:
    from accountdesk.ui.forms import notes_edit

    box = notes_edit(120)
    qtbot.addWidget(box)
    box.resize(400, 120)
    box.setPlainText("این یادداشت فارسی است\nAn English line")
    box.show()
    qtbot.waitExposed(box)
    document = box.document()
    width = box.viewport().width()
    persian_line = document.firstBlock().layout().lineAt(0).naturalTextRect()
    english_line = document.firstBlock().next().layout().lineAt(0).naturalTextRect()
    assert persian_line.right() > width - 10 and persian_line.left() > width / 3
    assert english_line.left() < 10 and english_line.right() < width * 2 / 3
    assert box.toPlainText() == "این یادداشت فارسی است\nAn English line"


def _ink_lines(label: QLabel) -> list[tuple[int, int]]:
    """The leftmost and rightmost pixel columns with text on them, per line of text (rows
    with ink, between rows without), drawn on what is behind it (a label may have no
    background of its own)."""
    parent = label.parentWidget()
    image = (parent.grab(label.geometry()) if parent else label.grab()).toImage()
    background = QColor(image.pixel(0, 0))
    lines: list[tuple[int, int]] = []
    inked_before = False
    for y in range(image.height()):
        xs = [
            x
            for x in range(image.width())
            if abs(QColor(image.pixel(x, y)).lightness() - background.lightness()) > 60
        ]
        if xs and inked_before:
            left, right = lines[-1]
            lines[-1] = (min(left, *xs), max(right, *xs))
        elif xs:
            lines.append((min(xs), max(xs)))
        inked_before = bool(xs)
    return lines


ENGLISH_NOTE = "Our Bangkok partners expect a follow-up call within a week of every visit."
PERSIAN_NOTE = "هدیه را با دو دست تقدیم کنید."


def test_the_users_country_notes_read_each_in_its_own_direction(persian: None, qtbot: Any) -> None:
    """An English note in a Persian window reads left to right, from the left edge, on every
    line it wraps to; a Persian note beside it from the right (review rev30's 2nd: isolated
    in the window's right-to-left paragraph, the wrapped line read ".every visit")."""
    from accountdesk.core.queries.culture import CountryNoteItem
    from accountdesk.ui.culture_panel import UserNotesBox

    written = datetime(2026, 1, 5, tzinfo=UTC)
    box = UserNotesBox(None, editable=False)  # type: ignore[arg-type]  # no context: not edited
    qtbot.addWidget(box)
    box.show_notes(
        "TH",
        [
            CountryNoteItem("1", "TH", ENGLISH_NOTE, written),
            CountryNoteItem("2", "TH", PERSIAN_NOTE, written),
        ],
    )
    box.resize(360, 300)
    box.show()
    qtbot.waitExposed(box)
    body = box.body
    assert body.isRightToLeft()
    width = body.width()
    lines = _ink_lines(body)
    assert len(lines) == 3, lines  # the English note wraps once
    for left, _right in lines[:2]:
        assert left < 5, (lines, width)
    assert lines[1][1] < width / 2, (lines, width)  # "every visit." at the left
    left, right = lines[2]
    assert right > width - 8 and left > width / 3, (lines, width)


def test_how_we_met_in_english_reads_left_to_right_in_a_persian_window(
    ctx: Any, persian: None, qtbot: Any
) -> None:
    place: dict[str, Any] = {"country": "TH", "timezone": "Asia/Bangkok"}
    account = create_account(ctx.db, AccountInput(name="Siam Trading", **place))
    met = "We met at the Bangkok trade fair in 2024 and talked for an hour about rice exports."
    contact = create_contact(
        ctx.db,
        ContactInput(
            account_id=account,
            given_name="Somchai",
            family_name="Jaidee",
            how_we_met=met,
            personal_notes=PERSIAN_NOTE,
            **place,
        ),
    )
    view = ContactView(ctx, contact)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    tasks.pump(50)
    labels = view.details_page.findChildren(QLabel)
    english = next(w for w in labels if "Bangkok trade fair" in w.text())
    persian_label = next(w for w in labels if "دو دست" in w.text())
    lines = _ink_lines(english)
    assert len(lines) >= 2, lines  # it wraps
    for left, _right in lines:
        assert left < 5, (lines, english.width())
    left, right = _ink_columns(persian_label)
    assert right > persian_label.width() - 8, (left, right, persian_label.width())


def test_free_text_is_shown_as_typed(qapp: Any) -> None:
    """What a user typed is shown as it is, markup, runs of spaces and empty lines too; a line
    without a letter takes the window's direction."""
    from PySide6.QtGui import QTextDocument

    from accountdesk.ui.detail import free_text

    typed = "<b>Call</b> Tom & Ann  first\n\n12:30 — 13:00\nتماس با <دفتر>"
    document = QTextDocument()
    document.setHtml(free_text(typed, rtl=True))
    assert document.toPlainText() == typed
    directions = []
    block = document.firstBlock()
    while block.isValid():
        directions.append(block.blockFormat().layoutDirection())
        block = block.next()
    ltr, rtl = Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft
    assert directions == [ltr, rtl, rtl, rtl]
    document.setHtml(free_text(typed, rtl=False))
    assert document.toPlainText() == typed
