"""The main window fits a 1024×700 screen in every screen and record view, in Latvian,
Slovenian, Thai and Persian too: no widget's minimum size makes a screen wider or taller than
that (a screen that needs more scrolls in the window, ui/screenfit.py: at this size none
may)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QScrollArea

from accountdesk.core.i18n import use_language
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.ui import tasks
from accountdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

SMALL = (1024, 700)


def _full_account(db: Any) -> str:
    """An account with every field of its overview filled (the overview's longest form)."""
    return create_account(
        db,
        AccountInput(
            name="Daugavas Kokapstrāde",
            country="LV",
            city="Rīga",
            timezone="Europe/Riga",
            subdivision="LV-RIX",
            address="Brīvības iela 1",
            currency="EUR",
            tier="gold",
            status="lost",
            owner="Marta",
            customer_since="2021-04-01",
            lost_on="2024-02-01",
            industry="Timber",
            size_band="50-249",
            website="https://daugava.example",
            tags=["key account", "renewal due"],
            notes="Prefers calls in the morning.",
        ),
    )


def _people(db: Any) -> list[tuple[str, str]]:
    """A Latvian account with every field filled, and a Thai and an Iranian account written in
    their own scripts, each with a contact: the records to open, as (kind, id)."""
    account = _full_account(db)
    records = [
        ("account", account),
        ("contact", _contact(db, account, "Anna", "Ozola", "LV", "Europe/Riga")),
    ]
    for name, given, family, country, zone, city in (
        ("บริษัท สยามเทรดดิ้ง จำกัด", "สมชาย", "ใจดี", "TH", "Asia/Bangkok", "กรุงเทพมหานคร"),
        ("شرکت پارس صنعت", "کاوه", "کریمی", "IR", "Asia/Tehran", "تهران"),
    ):
        place = {"country": country, "timezone": zone, "city": city}
        account = create_account(db, AccountInput(name=name, **place))
        records.append(("account", account))
        records.append(("contact", _contact(db, account, given, family, country, zone)))
    return records


def _contact(db: Any, account: str, given: str, family: str, country: str, zone: str) -> str:
    return create_contact(
        db,
        ContactInput(
            account_id=account,
            given_name=given,
            family_name=family,
            country=country,
            timezone=zone,
            emails=[f"{country.lower()}@example.com"],
        ),
    )


def _scrolls(window: MainWindow) -> tuple[int, int] | None:
    """The size the screen shown needs when the window has not that much room for it (it
    scrolls), else None."""
    viewport = window.findChild(QScrollArea, "screenScroll").viewport()
    shown = window.stack
    if shown.width() > viewport.width() or shown.height() > viewport.height():
        return shown.size().toTuple()
    return None


def _settle() -> None:
    """Deliver what the views loaded, and the layout requests that climb from a label whose
    text changed to the window, one level an event loop's turn."""
    assert tasks.wait_all()
    for _ in range(6):
        tasks.pump(20)


@pytest.mark.parametrize("lang", ["en", "lv", "sl", "th", "fa"])
def test_every_screen_and_record_fits_a_small_screen(
    lang: str, ctx: Any, qtbot: Any, tmp_path: Any
) -> None:
    """A Thai account's "Before you reach out" box (holidays, seasons, two etiquette notes)
    claimed the height its text takes at the box's narrowest, 322 px for about 180 at the
    width it has, and made the window 719 px tall in Persian (717 in Thai, 706 in Latvian);
    the window kept that height on every screen after it."""
    records = _people(ctx.db)
    with use_language(lang):
        settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        window = MainWindow(ctx, settings)
        qtbot.addWidget(window)
        window.resize(*SMALL)
        window.show()
        too_big = {}
        for spec in window.screen_specs:
            window.show_screen(spec.key)
            _settle()
            hint = window.minimumSizeHint()
            if hint.width() > SMALL[0] or hint.height() > SMALL[1] or _scrolls(window):
                too_big[spec.key] = _scrolls(window) or hint.toTuple()
        for kind, id_ in records:
            window.open_record(kind, id_)
            _settle()  # the reach-out panel and the culture box filled in
            hint = window.minimumSizeHint()
            if hint.width() > SMALL[0] or hint.height() > SMALL[1] or _scrolls(window):
                too_big[kind, id_] = _scrolls(window) or hint.toTuple()
            if kind == "account":  # the box is as tall as its text at the width it has
                box = window.records[-1].culture
                assert box.body.text()
                assert box.minimumSizeHint().height() <= box.height(), (lang, box.height())
                assert box.body.height() >= box.body.heightForWidth(box.body.width())
                assert box.disclaimer.height() >= box.disclaimer.heightForWidth(
                    box.disclaimer.width()
                )
            window.go_back()
        assert window.size().toTuple() == SMALL  # the size it was given
    assert too_big == {}


@pytest.mark.parametrize("lang", ["lv", "sl"])
def test_the_list_filters_show_their_whole_label_in_a_small_window(
    lang: str, ctx: Any, qtbot: Any, tmp_path: Any
) -> None:
    from PySide6.QtWidgets import QComboBox

    with use_language(lang):
        settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        window = MainWindow(ctx, settings)
        qtbot.addWidget(window)
        window.resize(*SMALL)
        window.show()
        for key in ("accounts", "contacts"):
            window.show_screen(key)
            tasks.pump(20)
            screen: Any = window.screen_widget(key)
            cut = []
            for box in (screen.country, screen.status, screen.tier, screen.tag, screen.owner):
                alone = QComboBox()
                alone.addItem(box.itemText(0))
                alone.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
                if box.width() < alone.sizeHint().width():
                    cut.append((box.itemText(0), box.width(), alone.sizeHint().width()))
                alone.deleteLater()
            assert cut == [], key


#: A family name of one 95-letter word, and an account name of 127 letters: names as long as
#: the fields take (they made the window 2,139 px wide, and it stayed so on every screen).
LONG_WORD = "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessenschafewarenwohl"  # noqa: E501
LONG_ACCOUNT = (
    "Wolfeschlegelsteinhausenbergerdorff Internationale Handelsgesellschaft für Maschinenbau "
    "und Anlagentechnik GmbH & Co. KG Niederlassung"
)


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_a_very_long_name_does_not_widen_the_window(
    lang: str, ctx: Any, qtbot: Any, tmp_path: Any
) -> None:
    account = create_account(ctx.db, AccountInput(name=LONG_ACCOUNT, country="NP"))
    contact = create_contact(
        ctx.db,
        ContactInput(
            account_id=account,
            given_name="Hubert Blaine Alexander Benjamin Charles David Earl Frederick Gerald",
            family_name=LONG_WORD,
            honorific="Dr.",
            country="NP",
        ),
    )
    with use_language(lang):
        settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        window = MainWindow(ctx, settings)
        qtbot.addWidget(window)
        window.resize(*SMALL)
        window.show()
        too_wide = {}
        for kind, id_ in (("contact", contact), ("account", account)):
            window.open_record(kind, id_)
            tasks.pump(20)
            wide = window.minimumSizeHint().width() > SMALL[0] or window.width() > SMALL[0]
            if wide or _scrolls(window):
                too_wide[kind] = (window.minimumSizeHint().width(), window.width())
        window.show_screen("today")
        tasks.pump(20)
        assert window.width() == SMALL[0]
    assert too_wide == {}
