"""Data entry as a rep types it, in Slovenian, Turkish and Persian: what is typed is what is
stored and shown again; bad input gets one message that says what and where."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLineEdit, QWidget

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.details import contact_detail
from accountdesk.ui.contacts.editor import ContactEditor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key, as a keyboard in that language would (QTest
    types ASCII only): each character is a key press carrying its text."""
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    code = request.param
    i18n.set_language(code)
    if i18n.is_rtl():
        qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        yield code
    finally:
        i18n.set_language("en")
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.mark.parametrize(
    ("language", "start", "end"),
    [("sl", "9.30", "17.00"), ("tr", "9:30", "17:00"), ("fa", "۹:۳۰", "۱۷:۰۰")],
    indirect=["language"],
)
def test_working_hours_typed_with_one_digit_hours_are_stored_as_typed(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any, language: str, start: str,
    end: str,
) -> None:  # fmt: skip
    """Typed "9:30" was refused ("is not a time in the form HH:MM") and a Slovenian "09.30" was
    stored as 09:00 (read as nine hours and 0.30 seconds)."""
    editor = ContactEditor(ctx, sample["anna"])
    qtbot.addWidget(editor)
    editor.show()
    type_text(editor.fields["work_start"], start)
    type_text(editor.fields["work_end"], end)
    editor.accept()
    assert not editor.errors["work_start"].isVisibleTo(editor), editor.errors["work_start"].text()
    detail = contact_detail(db, sample["anna"])
    assert (detail.work_start, detail.work_end) == ("09:30", "17:00")
    again = ContactEditor(ctx, sample["anna"])
    qtbot.addWidget(again)
    assert again.text("work_start") == i18n.localize_digits("09:30")


def test_working_hours_with_a_stop_keep_their_minutes(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any
) -> None:
    editor = ContactEditor(ctx, sample["anna"])
    qtbot.addWidget(editor)
    editor.show()
    type_text(editor.fields["work_start"], "08.45")
    type_text(editor.fields["work_end"], "16.15")
    editor.accept()
    detail = contact_detail(db, sample["anna"])
    assert (detail.work_start, detail.work_end) == ("08:45", "16:15")


def paste(widget: QLineEdit, text: str) -> None:
    """Paste ``text`` at the cursor of ``widget`` (Ctrl+V)."""
    QGuiApplication.clipboard().setText(text)
    widget.setFocus()
    widget.paste()


@pytest.mark.parametrize("language", ["sl", "fa"], indirect=True)
def test_text_pasted_with_line_breaks_into_a_line_is_kept_on_one_line(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any, language: str
) -> None:
    """A name copied from a signature over two lines, numbers and addresses copied from a
    column: the one-line field showed the break as nothing and the save was refused ("must
    be a single line") though nothing on screen said where."""
    editor = ContactEditor(ctx, sample["anna"])
    qtbot.addWidget(editor)
    editor.show()
    given = editor.fields["given_name"]
    assert isinstance(given, QLineEdit)
    given.clear()
    paste(given, "Ana\r\nMarija\n")
    assert given.text() == "Ana Marija"
    phones = editor.fields["phone"]
    assert isinstance(phones, QLineEdit)
    paste(phones, "+386 31 234 567\n+386 1 234 5678\n")
    assert phones.text() == "+386 31 234 567, +386 1 234 5678"
    emails = editor.fields["email"]
    assert isinstance(emails, QLineEdit)
    emails.end(False)
    paste(emails, "\nana@example.si\tmarija@example.si")
    assert plain(emails.text()) == "anna@timber.example, ana@example.si marija@example.si"
    emails.setText("anna@timber.example")
    paste(emails, "\nana@example.si")
    assert emails.text() == "anna@timber.example, ana@example.si"
    editor.accept()
    assert editor.result() == QDialog.DialogCode.Accepted, editor.errors["given_name"].text()
    detail = contact_detail(db, sample["anna"])
    assert detail.name.startswith("Ana Marija")
    assert [value for _label, value in detail.phones] == ["+38631234567", "+38612345678"]
    assert [value for _label, value in detail.emails] == [
        "anna@timber.example",
        "ana@example.si",
    ]


@pytest.mark.parametrize("language", ["sl", "tr"], indirect=True)
def test_a_refused_value_among_several_in_a_field_is_named_there(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any, language: str
) -> None:
    """The message under the Phones field said "is not a valid phone number for Latvia" and
    not which of the numbers typed; what was typed in every field is kept."""
    editor = ContactEditor(ctx, sample["anna"])
    qtbot.addWidget(editor)
    editor.show()
    type_text(editor.fields["job_title"], "Direktorica")
    type_text(editor.fields["phone"], "+371 2123 7875, 12345")
    editor.accept()
    error = editor.errors["phone"]
    assert error.isVisibleTo(editor)
    assert "12345" in error.text() and "2123" not in error.text()
    assert i18n._("Phone") in error.text()  # the field, in the language of the window
    assert editor.focusWidget() is editor.fields["phone"]
    assert plain(editor.text("phone")) == "+371 2123 7875, 12345"
    assert editor.text("job_title") == "Direktorica"
    assert contact_detail(db, sample["anna"]).job_title is None  # nothing stored
    # a value the field holds alone is not repeated: the reason only
    editor.set_text("phone", "")
    type_text(editor.fields["phone"], "12345")
    editor.accept()
    assert "12345" not in error.text()


@pytest.mark.parametrize(
    ("language", "country", "region", "code", "zone"),
    [
        ("fa", "ایران", "تهران", ("IR", "23"), "Asia/Tehran"),
        ("sl", "Slovenija", "Osrednjeslovenska", ("SI", None), "Europe/Ljubljana"),
        ("tr", "Türkiye", "İstanbul", ("TR", "34"), "Europe/Istanbul"),
    ],
    indirect=["language"],
)
def test_a_country_typed_and_left_with_tab_gives_its_regions_and_zone(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any, language: str, country: str,
    region: str, code: tuple[str, str | None], zone: str,
) -> None:  # fmt: skip
    """A new contact at an account in Latvia, who is in Iran: the country typed by name and
    left with Tab (no Enter, no pick from the list). The Region box still offered Latvia's
    regions, so "تهران" was refused as no region of Iran, and the zone stayed Europe/Riga:
    the contact would have been stored in Iran on Riga's clock."""
    editor = ContactEditor(ctx, account_id=sample["riga"])
    qtbot.addWidget(editor)
    editor.show()
    assert editor.text("timezone") == "Europe/Riga"  # the account's
    type_text(editor.fields["given_name"], "Ali")
    box = editor.fields["country"]
    assert isinstance(box, QComboBox)
    line = box.lineEdit()
    assert line is not None
    line.selectAll()
    type_text(line, country)
    completer = box.completer()
    assert completer is not None
    completer.popup().hide()  # the list of matches typing opened, none chosen
    # Tab to the next field: what the field gets when the keyboard leaves it (the offscreen
    # platform moves no focus between windows)
    QApplication.sendEvent(line, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))
    assert editor.text("country") == code[0]
    assert editor.text("timezone") == zone
    if code[1] is not None:
        region_line = editor.region.lineEdit()
        assert region_line is not None
        type_text(region_line, region)
        assert editor.data().subdivision == code[1]
    editor.accept()
    assert editor.result_id is not None, [e.text() for e in editor.errors.values()]
    detail = contact_detail(db, editor.result_id)
    assert (detail.country, detail.timezone) == (code[0], zone)
    if code[1] is not None:
        assert detail.subdivision == code[1]


@pytest.mark.parametrize("language", ["sl", "fa"], indirect=True)
def test_the_editor_shows_phone_numbers_as_the_contact_page_does(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any, language: str
) -> None:
    """The page and the list group a number as its country writes it; the editor showed the
    stored E.164 ("+37121237875"), hard to check against a business card. Saving the form
    unchanged stores the same numbers, labels kept."""
    editor = ContactEditor(ctx, sample["anna"])
    qtbot.addWidget(editor)
    editor.show()
    type_text(editor.fields["phone"], "mobile:+371 21 237 875, 67 123 456")
    editor.accept()
    stored = contact_detail(db, sample["anna"]).phones
    assert stored == [("mobile", "+37121237875"), ("work", "+37167123456")]
    again = ContactEditor(ctx, sample["anna"])
    qtbot.addWidget(again)
    shown = plain(again.text("phone"))
    assert shown.endswith(":+371 21 237 875, +371 67 123 456"), shown
    assert not again.is_dirty()
    again.accept()
    assert contact_detail(db, sample["anna"]).phones == stored


@pytest.mark.parametrize(
    ("language", "shown"), [("fa", "۹:۳۰ تا ۱۷:۰۰"), ("sl", "09:30–17:00")], indirect=["language"]
)
def test_the_contact_page_shows_the_working_hours_typed_in_the_languages_digits(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any, language: str, shown: str
) -> None:
    """Typed "۹:۳۰" in Persian, the page showed "09:30 تا 17:00" in Latin digits, beside the
    reach-out panel's "۹:۳۰ تا ۱۷:۰۰"."""
    from PySide6.QtWidgets import QLabel

    from accountdesk.ui.contacts.view import ContactView

    editor = ContactEditor(ctx, sample["anna"])
    qtbot.addWidget(editor)
    editor.show()
    type_text(editor.fields["work_start"], i18n.localize_digits("9:30"))
    type_text(editor.fields["work_end"], i18n.localize_digits("17:00"))
    editor.accept()
    view = ContactView(ctx, sample["anna"])
    qtbot.addWidget(view)
    page = view.details_layout.parentWidget()
    assert shown in [plain(label.text()) for label in page.findChildren(QLabel)]


@pytest.mark.parametrize("language", ["fa"], indirect=True)
def test_items_typed_with_the_persian_comma_are_separate_items(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any, language: str
) -> None:
    """A Persian keyboard's comma key types "،" (U+060C): "مهم، کلیدی" was stored as one tag
    and two e-mail addresses as one refused address."""
    from accountdesk.core.services.accounts import account_input
    from accountdesk.ui.accounts.editor import AccountEditor

    editor = ContactEditor(ctx, sample["anna"])
    qtbot.addWidget(editor)
    editor.show()
    type_text(editor.fields["tags"], "مهم، کلیدی")
    type_text(editor.fields["email"], "، ali@example.ir")
    type_text(editor.fields["phone"], "+371 2123 7875، همراه:+371 2612 3456")
    editor.accept()
    assert editor.result() == QDialog.DialogCode.Accepted, [
        e.text() for e in editor.errors.values() if e.isVisibleTo(editor)
    ]
    detail = contact_detail(db, sample["anna"])
    assert sorted(detail.tags) == sorted(["مهم", "کلیدی"])
    assert [value for _label, value in detail.emails] == ["anna@timber.example", "ali@example.ir"]
    assert detail.phones == [("work", "+37121237875"), ("mobile", "+37126123456")]
    account = AccountEditor(ctx, sample["riga"])
    qtbot.addWidget(account)
    account.show()
    tags = account.fields["tags"]
    assert isinstance(tags, QLineEdit)
    tags.clear()
    type_text(tags, "طلایی، مشتری کلیدی")
    account.accept()
    assert sorted(account_input(db, sample["riga"]).tags) == sorted(["طلایی", "مشتری کلیدی"])


@pytest.mark.parametrize("language", ["tr"], indirect=True)
def test_typing_as_the_contact_editor_opens_keeps_the_account(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any, language: str
) -> None:
    """Edit contact opened with the focus in the filled Account picker, its text selected: the
    first key typed replaced it and unlinked the account ("Account: is required")."""
    for editor in (
        ContactEditor(ctx, sample["anna"]),
        ContactEditor(ctx, account_id=sample["riga"]),
    ):
        qtbot.addWidget(editor)
        editor.show()
        typed = editor.focusWidget()
        assert typed is not None and typed is not editor.account
        type_text(typed, "Bey")
        assert editor.account.record_id == sample["riga"]
        assert editor.text("honorific") == "Bey"
    new = ContactEditor(ctx)
    qtbot.addWidget(new)
    new.show()
    assert new.focusWidget() is new.account  # no account yet: it is asked for first


@pytest.mark.parametrize("language", ["tr"], indirect=True)
def test_a_gift_added_on_an_accounts_page_is_valued_in_the_accounts_currency(
    ctx: Any, db: Database, qtbot: Any, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The gift's currency was empty behind an "EUR" placeholder (a deal's is the account's):
    a value typed was refused with "Currency: is required when a value is given"."""
    from accountdesk.core.records import AccountInput
    from accountdesk.core.services.accounts import create_account
    from accountdesk.core.services.activity import gift_for_edit
    from accountdesk.ui import activity_tabs
    from accountdesk.ui.accounts.view import AccountView
    from accountdesk.ui.activity import GiftDialog

    account = create_account(
        db,
        AccountInput(name="Anadolu Çay", country="TR", timezone="Europe/Istanbul", currency="TRY"),
    )
    view = AccountView(ctx, account)
    qtbot.addWidget(view)
    opened: list[GiftDialog] = []
    monkeypatch.setattr(activity_tabs, "run_modal", opened.append)
    view.gifts.buttons["new"].click()
    (dialog,) = opened
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.text("currency") == "TRY"
    assert not dialog.is_dirty()
    type_text(dialog.fields["description"], "Lokum")
    type_text(dialog.fields["value"], "1.250,50")
    dialog.accept()
    assert dialog.result_id is not None, [e.text() for e in dialog.errors.values()]
    stored = gift_for_edit(db, dialog.result_id).data
    assert (stored.description, str(stored.value), stored.currency) == ("Lokum", "1250.5", "TRY")


@pytest.mark.parametrize(
    ("language", "mobile"), [("sl", "mobilni"), ("fa", "همراه")], indirect=["language"]
)
def test_the_contact_page_shows_the_labels_typed_with_numbers_and_addresses(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any, language: str, mobile: str
) -> None:
    """Typed "mobilni:031 234 567" in the editor, the page showed the number alone: the label
    was stored and shown again in the editor, but not on the page."""
    from PySide6.QtWidgets import QLabel

    from accountdesk.ui.contacts.view import ContactView

    editor = ContactEditor(ctx, sample["anna"])
    qtbot.addWidget(editor)
    editor.show()
    editor.set_text("email", "")
    type_text(
        editor.fields["phone"], f"{mobile}:+371 2123 7875, +371 6712 3456, دفتر:+371 6700 0000"
    )
    type_text(editor.fields["email"], "anna@timber.example, home:anna@ozola.example")
    editor.accept()
    assert editor.result() == QDialog.DialogCode.Accepted
    view = ContactView(ctx, sample["anna"])
    qtbot.addWidget(view)
    page = view.details_layout.parentWidget()
    texts = [plain(label.text()) for label in page.findChildren(QLabel)]
    assert f"{mobile}: +371 21 237 875\n+371 67 123 456\nدفتر: +371 67 000 000" in texts
    home = i18n._("home")
    assert f"anna@timber.example\n{home}: anna@ozola.example" in texts


@pytest.mark.parametrize("language", ["sl", "tr", "fa"], indirect=True)
def test_a_new_record_has_no_country_until_one_is_chosen(
    ctx: Any, db: Database, qtbot: Any, language: str
) -> None:
    """A new account showed the first country of the list as chosen ("Afganistan (AF)" in
    Slovenian) and saved it when the field was left alone: an account in Afghanistan, on
    Kabul's clock. The save now asks for the country, at the field, in the language."""
    from accountdesk.ui.accounts.editor import AccountEditor

    editor = AccountEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.text("country") == "" and editor.fields["country"].currentText() == ""
    type_text(editor.fields["name"], "Işıklar")
    editor.accept()
    assert editor.result_id is None
    assert editor.errors["country"].isVisibleTo(editor)
    required = i18n._("is required")
    assert editor.errors["country"].text() == required[:1].upper() + required[1:]
    assert editor.text("name") == "Işıklar"
    contact = ContactEditor(ctx)
    qtbot.addWidget(contact)
    assert contact.text("country") == ""
    editor.set_text("country", "TR")
    editor.accept()
    assert editor.result_id is not None
    from accountdesk.core.queries.details import account_detail

    assert account_detail(db, editor.result_id).country == "TR"


@pytest.mark.parametrize("language", ["tr"], indirect=True)
def test_labels_typed_with_a_turkish_capital_i_are_the_labels(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any, language: str
) -> None:
    """ "İş:" (work) and "DİĞER:" (other) at the start of a field were stored as labels of the
    user's own: str.casefold() makes "i̇ş" of "İş", which is not "iş"."""
    editor = ContactEditor(ctx, sample["anna"])
    qtbot.addWidget(editor)
    editor.show()
    editor.set_text("email", "")
    type_text(editor.fields["email"], "İş:anna@timber.example, DİĞER:anna@ozola.example")
    type_text(editor.fields["phone"], "CEP:+371 2123 7875")
    editor.accept()
    detail = contact_detail(db, sample["anna"])
    assert detail.emails == [("work", "anna@timber.example"), ("other", "anna@ozola.example")]
    assert detail.phones == [("mobile", "+37121237875")]


@pytest.mark.parametrize("language", ["tr"], indirect=True)
def test_a_zone_and_a_language_typed_by_name_in_turkish_are_found(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any, language: str
) -> None:
    """ "İstanbul" typed in the zone box was refused as no IANA zone (three choices bear that
    name: Europe/Istanbul and its aliases Asia/Istanbul and Turkey), and "ingilizce" or
    "İNGİLİZCE" in the language box as no language tag (str.casefold() made "i̇" of "İ")."""
    editor = ContactEditor(ctx, sample["anna"])
    qtbot.addWidget(editor)
    editor.show()
    for key, typed in (("country", "TÜRKİYE"), ("timezone", "İstanbul")):
        box = editor.fields[key]
        assert isinstance(box, QComboBox) and box.lineEdit() is not None
        box.lineEdit().selectAll()
        type_text(box.lineEdit(), typed)
    language = editor.fields["preferred_language"]
    assert isinstance(language, QComboBox) and language.lineEdit() is not None
    type_text(language.lineEdit(), "ingilizce")
    editor.accept()
    assert editor.result() == QDialog.DialogCode.Accepted, [
        e.text() for e in editor.errors.values() if e.isVisibleTo(editor)
    ]
    detail = contact_detail(db, sample["anna"])
    assert (detail.country, detail.timezone, detail.preferred_language) == (
        "TR",
        "Europe/Istanbul",
        "en",
    )
    language.setEditText("İNGİLİZCE")
    assert editor.text("preferred_language") == "en"


@pytest.mark.parametrize("language", ["tr"], indirect=True)
def test_an_account_typed_in_full_in_turkish_lower_case_is_chosen(
    ctx: Any, db: Database, qtbot: Any, language: str
) -> None:
    """The account picker takes the one account whose whole name was typed; "ışıklar inşaat"
    was not taken for "Işıklar İnşaat" (str.casefold() makes "işıklar" of "Işıklar"), so the
    save said "Account: is required" with the name in the field."""
    from accountdesk.core.records import AccountInput
    from accountdesk.core.services.accounts import create_account

    account = create_account(
        db, AccountInput(name="Işıklar İnşaat", country="TR", timezone="Europe/Istanbul")
    )
    editor = ContactEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    type_text(editor.account, "ışıklar inşaat")
    editor.account.refresh()  # what the picker's timer does after the last key
    assert editor.account.record_id == account


@pytest.mark.parametrize("language", ["sl"], indirect=True)
def test_a_region_typed_by_name_before_the_country_is_kept(
    ctx: Any, db: Database, qtbot: Any, language: str
) -> None:
    """A region typed before the country was cleared when the country was chosen: the region
    box had no list yet, and the name was not a code of the new country's list."""
    from accountdesk.ui.accounts.editor import AccountEditor

    editor = AccountEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    type_text(editor.fields["name"], "Alpenholz")
    region = editor.region.lineEdit()
    assert region is not None
    type_text(region, "Bavarska")
    editor.set_text("country", "DE")
    assert editor.data().subdivision == "BY"
    assert plain(editor.region.currentText()) == "Bavarska (BY)"
    editor.set_text("country", "AT")  # Bavaria is no region of Austria: cleared
    assert editor.region.currentText() == ""


@pytest.mark.parametrize("language", ["sl"], indirect=True)
def test_a_new_contact_is_placed_where_the_account_picked_is(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any, language: str
) -> None:
    """New contact from the Contacts screen: the account picked gives the country, city and
    zone, as when the contact is added on the account's page; a country typed first stays."""
    editor = ContactEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    type_text(editor.account, "Siam Trading")
    hits = editor.account.current_hits()
    editor.account.choose(hits[0])
    assert (editor.text("country"), editor.text("city"), editor.text("timezone")) == (
        "TH",
        "Bangkok",
        "Asia/Bangkok",
    )
    other = ContactEditor(ctx)
    qtbot.addWidget(other)
    other.set_text("country", "SI")
    type_text(other.account, "Baltic Timber")
    other.account.choose(other.account.current_hits()[0])
    assert other.text("country") == "SI"
    # a wrong account corrected: the place follows the new one (it kept Riga's country, city
    # and zone), unless the user changed it since
    again = ContactEditor(ctx)
    qtbot.addWidget(again)
    type_text(again.account, "Baltic Timber")
    again.account.choose(again.account.current_hits()[0])
    assert again.text("timezone") == "Europe/Riga"
    again.account.clear()
    type_text(again.account, "Siam Trading")
    again.account.choose(again.account.current_hits()[0])
    assert (again.text("country"), again.text("timezone")) == ("TH", "Asia/Bangkok")
    again.set_text("city", "Chiang Mai")
    again.account.clear()
    type_text(again.account, "Baltic Timber")
    again.account.choose(again.account.current_hits()[0])
    assert (again.text("country"), again.text("city")) == ("TH", "Chiang Mai")


@pytest.mark.parametrize("language", ["fa"], indirect=True)
def test_an_end_of_working_hours_refused_is_shown_at_its_own_field(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any, language: str
) -> None:
    """ "۲۵:۰۰" typed in Works until was refused under Works from, which got the focus."""
    editor = ContactEditor(ctx, sample["anna"])
    qtbot.addWidget(editor)
    editor.show()
    type_text(editor.fields["work_start"], "۹:۰۰")
    type_text(editor.fields["work_end"], "۲۵:۰۰")
    editor.accept()
    assert editor.errors["work_end"].isVisibleTo(editor)
    assert not editor.errors["work_start"].isVisibleTo(editor)
    assert editor.focusWidget() is editor.fields["work_end"]
    editor.set_text("work_end", "")
    type_text(editor.fields["work_start"], "x")  # "۹:۰۰x": the start's own refusal stays there
    type_text(editor.fields["work_end"], "۱۷:۰۰")
    editor.accept()
    assert editor.errors["work_start"].isVisibleTo(editor)
    assert not editor.errors["work_end"].isVisibleTo(editor)


@pytest.mark.parametrize("language", ["fa"], indirect=True)
def test_working_hours_refusals_quote_what_was_typed_at_the_right_field(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any, language: str
) -> None:
    """An end alone: "needs both" stood under Works from quoting the end as read, "17:00", in
    ASCII digits inside a Persian sentence; an end before the start quoted "17:00–09:00"
    (review finding)."""
    editor = ContactEditor(ctx, sample["anna"])
    qtbot.addWidget(editor)
    editor.show()
    editor.set_text("work_start", "")
    editor.set_text("work_end", "")
    type_text(editor.fields["work_start"], "۹:۰۰")
    editor.accept()
    assert editor.errors["work_end"].isVisibleTo(editor)  # the one left empty
    shown = editor.errors["work_end"].text()
    assert not any(ch.isascii() and ch.isdigit() for ch in shown), shown
    editor.set_text("work_start", "")
    editor.set_text("work_end", "")
    type_text(editor.fields["work_start"], "۱۷:۰۰")
    type_text(editor.fields["work_end"], "۰۹:۰۰")
    editor.accept()
    shown = editor.errors["work_start"].text()
    assert "۱۷:۰۰" in shown and "17:00" not in shown, shown
    editor.mark_clean()
