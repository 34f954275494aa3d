"""Editing dialogs: fields by key, validation messages next to the field, unsaved-changes guard.

A dialog adds its fields with a key that matches the core's ``ValidationError.key``; when a
service rejects a value, the message appears under that field and the field gets the focus.
Closing a dialog with changes asks first (:func:`ask_unsaved`, replaceable in tests).

A dialog that edits a stored record keeps the version it loaded and hands it to the service;
when someone else saved the record since, the service refuses the save
(:class:`~accountdesk.core.services.conflicts.ConflictError`): the dialog stays open with what
was typed, says who changed the record and when, and offers to reload what is stored now
(:meth:`FormDialog.load_stored`). Reloading asks first when it would replace what was typed
(:func:`ask_reload`, naming the fields), and a record moved to the trash meanwhile is refused
with who moved it and when (:class:`~accountdesk.core.services.conflicts.TrashedError`): there
is nothing to reload then, and the form keeps what was typed.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields as dataclass_fields
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from operator import itemgetter
from typing import Any

import pycountry
import shiboken6
from PySide6.QtCore import QDateTime, QIdentityProxyModel, QModelIndex, Qt
from PySide6.QtGui import QCloseEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core import icu
from accountdesk.core.bidi import isolate, isolate_acronyms, ltr, plain
from accountdesk.core.country_names import country_code, subdivision_code
from accountdesk.core.culture.countries import (
    country_zones,
    main_zone,
    subdivision_name,
    subdivisions,
)
from accountdesk.core.db.fts import words
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import (
    _,
    country_name,
    current_zone_id,
    format_date_input,
    language_name,
    localize_digits,
    ngettext,
    sentence_start,
    zone_name,
)
from accountdesk.core.services.conflicts import ConflictError, FieldConflict, TrashedError
from accountdesk.core.validation import ValidationError, format_number_input, printable
from accountdesk.ui.accessible import describe_field, label_field
from accountdesk.ui.colours import ALERT, background_style, text_style
from accountdesk.ui.modal import run_modal
from accountdesk.ui.pickers import RecordPicker, folded, zone_choices
from accountdesk.ui.screenfit import resize_within_screen


class ChoiceList(QListWidget):
    """Several of a few choices, each ticked or not (the people an interaction was with): a
    form field whose value is the keys ticked, in the order offered."""

    def __init__(self, choices: Iterable[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fixed: set[str] = set()
        self.set_choices(choices)

    def set_choices(
        self, choices: Iterable[tuple[str, str]], fixed: Iterable[tuple[str, str]] = ()
    ) -> None:
        """Offer ``choices`` (key, text), those ticked before staying ticked; ``fixed``: (key,
        text) shown ticked and greyed, not to be unticked (someone a record keeps whom the form
        may not offer: a person in the trash)."""
        ticked = set(self.keys())
        self.clear()
        self._fixed = set()
        for key, text in choices:
            item = QListWidgetItem(text, self)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in ticked else Qt.CheckState.Unchecked)
        for key, text in fixed:
            item = QListWidgetItem(text, self)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setCheckState(Qt.CheckState.Checked)
            item.setFlags(
                item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable & ~Qt.ItemFlag.ItemIsEnabled
            )
            self._fixed.add(key)
        # as tall as its choices, up to five rows (more scroll)
        rows = max(1, min(self.count(), 5))
        self.setFixedHeight(rows * self.sizeHintForRow(0) + 2 * self.frameWidth() + 2)

    def _items(self) -> list[QListWidgetItem]:
        return [item for i in range(self.count()) if (item := self.item(i)) is not None]

    def keys(self) -> tuple[str, ...]:
        return tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        )

    def set_keys(self, keys: Iterable[str]) -> None:
        wanted = set(keys) | self._fixed
        for item in self._items():
            ticked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def shown(self) -> str:
        """The choices ticked, as the user reads them."""
        return ", ".join(
            item.text() for item in self._items() if item.checkState() == Qt.CheckState.Checked
        )


FieldWidget = QLineEdit | QComboBox | QCheckBox | QTextEdit | QSpinBox | QDateTimeEdit | ChoiceList

#: How a date and time field's value is compared and kept (:meth:`FormDialog._value`).
_DATETIME_STATE = "yyyy-MM-ddTHH:mm"


def ask_unsaved(parent: QWidget) -> str:
    """Ask what to do with unsaved changes: ``"save"``, ``"discard"`` or ``"cancel"``."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Unsaved changes"))
    box.setText(_("You have changes that are not saved yet."))
    box.setInformativeText(_("Save them before closing?"))
    save = box.addButton(_("Save"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_("Discard"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    run_modal(box)
    clicked = box.clickedButton()
    if clicked is save:
        return "save"
    if clicked is discard:
        return "discard"
    return "cancel"


def ask_reload(parent: QWidget, lost: Sequence[tuple[str, str | None]]) -> bool:
    """Ask before "Reload what is stored now" replaces what was typed (replaceable in tests):
    ``lost`` names each field where what was typed differs from what is stored now, as (its
    label, what was typed, None for a check box); the details list what was typed, to enter it
    again. True: reload."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Reload what is stored now"))
    box.setTextFormat(Qt.TextFormat.PlainText)  # what was typed is shown as typed
    box.setText(
        ngettext(
            "Replace what you typed with what is stored now? What you typed in this field "
            "differs from it and will be lost:",
            "Replace what you typed with what is stored now? What you typed in these fields "
            "differs from it and will be lost:",
            len(lost),
        )
    )
    box.setInformativeText("\n".join(label for label, _typed in lost))
    typed = [
        # TRANSLATORS: a field of a form and what was typed in it
        _("{field}: {value}").format(field=label, value=isolate(value))
        for label, value in lost
        if value
    ]
    if typed:
        box.setDetailedText("\n".join(typed))
    reload = box.addButton(_("Reload"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_("Keep what I typed"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    run_modal(box)
    return box.clickedButton() is reload


def show_error(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, _("AccountDesk"), message)


@cache
def _country_codes() -> tuple[str, ...]:
    return tuple(sorted(c.alpha_2 for c in pycountry.countries))


#: The letters a form's combo box has room for at least (it grows with the form).
MINIMUM_COMBO_LETTERS = 16


class ChoiceBox(QComboBox):
    """A form's combo box (:func:`combo`); ``no_such``: an editable one's sentence for a text
    typed that is none of its choices (:func:`no_such_choice`), given that text; ``reads``:
    the key a text names by the field's own rule (a country's ``country_code``: "UK" is GB),
    read before a completion; ``free``: a value of one's own is kept as typed (a tier), and
    ``as_loaded`` is the text :func:`set_combo` put in it as stored (no choice's key)."""

    no_such: Callable[[str], str] | None = None
    reads: Callable[[str], str | None] | None = None
    free: bool = False
    as_loaded: str | None = None


def combo(
    choices: Iterable[tuple[str, str]],
    *,
    empty: str | None = None,
    editable: bool = False,
    no_such: Callable[[str], str] | None = None,
    reads: Callable[[str], str | None] | None = None,
    free: bool = False,
) -> ChoiceBox:
    """A combo box of (key, label) pairs; ``empty`` adds a first "none" entry.

    An ``editable`` one suggests the choices that hold what is typed
    (:class:`FoldingCompleter`), and Enter or leaving the field takes the choice typed
    (:func:`typed_choice`: the key ``reads`` finds in it, or the one choice it starts, too).
    ``no_such``: what a form says under it when the value refused is a text that is none of
    its choices ("There is no country called “Latv”: …", :func:`no_such_choice`), not the
    check's words for a value the user never typed (an ISO code). A ``free`` one holds a
    value of one's own as well (a tier): a text is a choice only when it is that choice's
    whole name or key, and a stored value shown untouched is kept as stored."""
    box = ChoiceBox()
    box.no_such = no_such
    box.reads = reads
    box.free = free
    # as wide as the form makes it, not as its longest entry: a long country name or "None
    # (Saturday–Sunday weekend, …)" made Settings → Me wider than the dialog in Latvian
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(MINIMUM_COMBO_LETTERS)
    if empty is not None:
        box.addItem(empty, "")
    for key, text in choices:
        box.addItem(text, key)
    if editable:
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # a choice longer than the box is read from its start, not scrolled to its end
        box.currentIndexChanged.connect(lambda _index, b=box: _show_start(b))
        box.setCompleter(FoldingCompleter(box))
        typed = box.lineEdit()
        assert typed is not None
        # before any other handler of the field's end (on_country): they read the choice
        typed.editingFinished.connect(lambda b=box: _take_typed_choice(b))
    return box


#: The role of a choice's text as the search folds it (:func:`~accountdesk.ui.pickers.folded`).
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 2


class _FoldedChoices(QIdentityProxyModel):
    """A combo box's choices, each also folded (:data:`FOLDED_ROLE`)."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == FOLDED_ROLE:
            shown = super().data(index, Qt.ItemDataRole.DisplayRole)
            return folded(plain(str(shown or "")))
        return super().data(index, role)


class FoldingCompleter(QCompleter):
    """Suggests the choices of an editable combo box that hold what is typed, both folded as
    the search folds (:func:`~accountdesk.ui.pickers.folded`): "turkiye" suggests "Türkiye",
    Turkish "ırak" "Irak", "cote" "Côte d'Ivoire", "ايران" typed with the Arabic yeh "ایران".
    Qt's own case-insensitive match suggested none of these (the one rule of Ctrl+K and the
    Countries screen)."""

    def __init__(self, box: QComboBox) -> None:
        super().__init__(box)
        choices = _FoldedChoices(self)
        choices.setSourceModel(box.model())
        self.setModel(choices)
        self.setCompletionRole(FOLDED_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)  # both sides are folded
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def splitPath(self, path: str) -> list[str]:
        return [folded(plain(path))]

    def pathFromIndex(self, index: QModelIndex | Any) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


def _show_start(box: QComboBox) -> None:
    line = box.lineEdit()
    if line is not None and not line.hasFocus():  # not under the cursor of someone typing
        line.setCursorPosition(0)


def country_combo(*, empty: str | None = None) -> QComboBox:
    """The countries by name and code, in the language's order; ``empty``: a first entry for
    no country yet. A record's form passes "" (the country is required: the save asks for it).
    Without it a new account or contact showed the first country of the list ("Afganistan"
    in Slovenian, "ABD Küçük Harici Adaları" in Turkish) as chosen, and stored it when the
    field was left as it was."""
    items = icu.sorted_by(
        ((c, f"{country_name(c)} ({c})") for c in _country_codes()), itemgetter(1)
    )
    return combo(items, empty=empty, editable=True, no_such=_no_such_country, reads=country_code)


def _no_such_country(typed: str) -> str:
    return _("There is no country called “{typed}”: choose one from the list.").format(typed=typed)


def region_combo(country_box: QComboBox) -> QComboBox:
    """The regions (ISO 3166-2) of the country chosen in ``country_box``, by their name in the
    language and their code ("Bavarska (BY)" in Slovenian), in the language's order; filled
    again when the country changes, and the region of the country before cleared (a code is
    a country's own: Thailand's 34, Ubon Ratchathani, became Turkey's 34, İstanbul). Typing a
    name or a code finds it (:func:`region_value`). The field was a bare line asking for the
    ISO code ("RIX")."""

    def no_such(typed: str) -> str:
        return _("{country} has no region called “{typed}”: choose one from the list.").format(
            country=isolate(country_name(combo_value(country_box).upper())), typed=typed
        )

    box = combo((), empty="", editable=True, no_such=no_such)

    def refill() -> None:
        typed = box.currentText()
        # a list filled before was another country's: its region is none of this one's
        kept = "" if box.count() > 1 else plain(typed).strip()
        box.blockSignals(True)
        box.clear()
        box.addItem("", "")
        country = combo_value(country_box).upper()
        named = ((code, region_label(country, code)) for code in subdivisions(country))
        for code, text in icu.sorted_by(named, itemgetter(1)):
            box.addItem(text, code)
        box.blockSignals(False)
        if box.count() > 1 and box.findData(kept) < 0:
            # a region typed by name before the country ("Bayern") is that country's region
            box.setEditText(kept)
            found = combo_value(box) if kept else ""
            kept = found if box.findData(found) >= 0 else subdivision_code(country, kept) or ""
        set_combo(box, kept)

    on_country(country_box, refill)
    refill()
    return box


def on_country(country_box: QComboBox, changed: Callable[[], None]) -> None:
    """Call ``changed`` when the country ``country_box`` holds changes: a choice picked, or a
    name or code typed and left (Tab, Enter, a click elsewhere). A country typed and left with
    Tab did not change the box's choice: the regions and the zone beside it stayed those of
    the country before."""
    last = [combo_value(country_box).upper()]

    def check() -> None:
        country = combo_value(country_box).upper()
        if country != last[0]:
            last[0] = country
            changed()

    _on_choice(country_box, check)


def _on_choice(box: QComboBox, then: Callable[[], None]) -> None:
    """Call ``then`` when ``box`` shows another of its choices, or a text typed in it is done
    (a region typed that is no listed choice)."""
    box.currentIndexChanged.connect(lambda _index: then())
    typed = box.lineEdit()
    if typed is not None:
        typed.editingFinished.connect(then)


def zone_follows_country(
    country_box: QComboBox,
    zone_box: QComboBox,
    region_box: QComboBox | None = None,
    *,
    offer: QPushButton | None = None,
    now: Callable[[], datetime] | None = None,
) -> None:
    """When the country changes (:func:`on_country`) and the zone shown is none of the new
    country's, the zone becomes the one the country's people keep
    (:func:`~accountdesk.core.culture.countries.main_zone`), or is cleared for a country whose
    mainland keeps several clocks (the save then asks for it): a contact typed in at an
    account in Latvia and put in Iran kept Europe/Riga. A form fills its country before its
    zone, so a stored zone is kept.

    With ``region_box``, a region picked whose people keep one clock (Victoria, São Paulo,
    Alberta) gives the zone too, when the zone is empty or the one the region before gave
    (which a region of several clocks clears): Australia left the zone empty, and choosing
    Victoria left it so until the save asked for it. A zone chosen by hand (Broken Hill in
    New South Wales) is kept.

    With ``offer`` (a button under the zone), a zone shown that keeps another clock than the
    region's own (:func:`~accountdesk.core.culture.countries.region_zone_unlike`: a record in
    Gran Canaria saved with Europe/Madrid before the islands had their own zone) is not
    changed, but the button offers the region's, at the instant ``now`` gives."""
    given = [""]  # the zone the last region gave
    if offer is not None and region_box is not None:
        _offer_region_zone(country_box, zone_box, region_box, offer, now)

    def follow() -> None:
        country = combo_value(country_box).upper()
        zones = country_zones(country)
        if zones and combo_value(zone_box) not in zones:
            set_combo(zone_box, main_zone(country) or "")
        given[0] = ""

    on_country(country_box, follow)
    if region_box is None:
        return

    def follow_region() -> None:
        if not all(map(shiboken6.isValid, (country_box, zone_box))):
            return  # a region typed in a form being closed: its other fields are gone
        country = combo_value(country_box).upper()
        region = region_value(region_box, country)
        zone = main_zone(country, region) if region else None
        shown = combo_value(zone_box)
        if shown not in ("", given[0]) or shown == zone:
            return  # chosen by hand, or right already
        set_combo(zone_box, zone or "")  # a region of several clocks (New South Wales): asked
        given[0] = zone or ""

    _on_choice(region_box, follow_region)


def _offer_region_zone(
    country_box: QComboBox,
    zone_box: QComboBox,
    region_box: QComboBox,
    offer: QPushButton,
    now: Callable[[], datetime] | None,
) -> None:
    """:func:`zone_follows_country`'s ``offer``: shown while the region keeps another clock
    than the zone shown; a click shows the region's zone in the zone box (saved with the
    form)."""
    from datetime import UTC

    from accountdesk.core.culture.countries import region_zone_unlike

    offer.setObjectName("regionZoneOffer")
    offer.hide()
    kept = [""]

    def update() -> None:
        if not all(map(shiboken6.isValid, (country_box, zone_box, region_box, offer))):
            return  # a form being closed
        country = combo_value(country_box).upper()
        region = region_value(region_box, country) if country else ""
        at = now() if now is not None else datetime.now(UTC)
        zone = region_zone_unlike(country, region or None, combo_value(zone_box) or None, at)
        kept[0] = zone or ""
        if zone:
            offer.setText(
                _("Use {zone}, the clock {region} keeps").format(
                    region=isolate(subdivision_name(country, region)),
                    zone=isolate(_("{name} ({code})").format(name=zone_name(zone), code=ltr(zone))),
                )
            )
        offer.setVisible(bool(zone))

    offer.clicked.connect(lambda: set_combo(zone_box, kept[0]) if kept[0] else None)
    on_country(country_box, update)
    _on_choice(region_box, update)
    zone_box.currentIndexChanged.connect(lambda _index: update())


def region_label(country: str, code: str | None) -> str:
    """ "Stambula (34)": a region's name in the language and its code, the code's digits in
    the language's digits (the Turkish plate number 06 is ۰۶ in Persian); the code alone said
    nothing. A region that is no ISO 3166-2 code is shown as typed. The region box
    (:func:`region_combo`) and an account's page both show a region so."""
    if not code:
        return ""
    name = subdivision_name(country, code)
    if name == code:
        return code
    return _("{name} ({code})").format(name=name, code=ltr(localize_digits(code)))


def region_value(box: QComboBox, country: str) -> str:
    """The code of the region ``box`` shows or has typed in it: a listed choice, its name in
    the language or its ISO name ("Rīga", "Bayern"), or its code; else the text as typed, for
    the checks to name."""
    value = combo_value(box)
    return subdivision_code(country, value) or value if value and country else value


def zone_combo() -> QComboBox:
    """The zones by their city in the language and their id, in the language's order ("Rīga
    (Europe/Riga)", as Countries names them): typing the city or the id finds it. They showed
    the bare ids ("America/New_York") in every language.

    Each zone is listed once, under its current id (:func:`~accountdesk.core.i18n.current_zone_id`):
    its older ids and aliases ("Asia/Calcutta", "Turkey") are kept with its entry
    (:data:`OLDER_KEYS_ROLE`), so a record stored with one shows that entry, and one typed in
    is taken as it is. A Persian box named Kolkata twice and İstanbul three times."""
    choices = zone_choices()
    older: dict[str, list[str]] = {}
    for zone in choices:
        current = current_zone_id(zone)
        if current != zone:
            older.setdefault(current, []).append(zone)
    named = (
        (z, _("{name} ({code})").format(name=zone_name(z), code=ltr(z)))
        for z in choices
        if current_zone_id(z) == z
    )
    box = combo(icu.sorted_by(named, itemgetter(1)), empty="", editable=True, no_such=_no_such_zone)
    for index in range(box.count()):
        ids = older.get(box.itemData(index))
        if ids:
            box.setItemData(index, tuple(ids), OLDER_KEYS_ROLE)
    return box


@cache
def _official_language_tags() -> tuple[str, ...]:
    """The official languages of every country (CLDR), as BCP 47 tags: the same in every
    language, read once."""
    from babel.languages import get_official_languages

    found = {
        lang.replace("_", "-")
        for country in _country_codes()
        for lang in get_official_languages(country, de_facto=True)
    }
    return tuple(sorted(found))


def language_combo() -> QComboBox:
    """Languages by their name in the UI language and their tag ("latviešu (lv)"): the
    official languages of every country (CLDR), in the language's order. Typing a name or a
    tag finds it; a tag not listed (fa-IR, a regional variant) is kept as typed."""
    names = ((t, language_name(t)) for t in _official_language_tags())
    named = (
        (t, _("{name} ({code})").format(name=name, code=ltr(t)))
        for t, name in names
        if name != t  # a tag CLDR has no name for is no help in a list
    )
    return combo(
        icu.sorted_by(named, itemgetter(1)), empty="", editable=True, no_such=_no_such_language
    )


def _no_such_zone(typed: str) -> str:
    return _("There is no time zone called “{typed}”: choose one from the list.").format(
        typed=typed
    )


def _no_such_language(typed: str) -> str:
    return _("There is no language called “{typed}”: choose one from the list.").format(typed=typed)


def set_combo(box: QComboBox, key: str | None) -> None:
    """Show the choice of ``key``: the one with that key, else the one that keeps it as an
    older key (a zone's older id); else, in an editable box, ``key`` as typed."""
    index = box.findData(key or "")
    if index < 0 and key:
        index = next(
            (i for i in range(box.count()) if key in (box.itemData(i, OLDER_KEYS_ROLE) or ())),
            -1,
        )
    if isinstance(box, ChoiceBox):
        box.as_loaded = None if index >= 0 else key or ""
    if index >= 0:
        box.setCurrentIndex(index)
    elif box.isEditable():
        box.setEditText(key or "")


def combo_value(box: QComboBox) -> str:
    """The key of the choice shown; in an editable box, of the choice typed
    (:func:`typed_choice`), else the text as typed (a code, an older zone id), or as stored
    when a ``free`` box shows it untouched (:func:`set_combo`)."""
    if box.isEditable():
        index = typed_choice(box)
        if index is None:
            loaded = _untouched(box)
            return plain(box.currentText()).strip() if loaded is None else loaded
        return str(box.itemData(index) or "")
    return str(box.currentData() or "")


def _untouched(box: QComboBox) -> str | None:
    """The value stored, when a ``free`` box (:func:`combo`) shows it as :func:`set_combo`
    put it; else None."""
    if not isinstance(box, ChoiceBox) or not box.free or box.as_loaded is None:
        return None
    shown = plain(box.currentText()).strip()
    return box.as_loaded if shown == plain(box.as_loaded).strip() else None


def typed_choice(box: QComboBox) -> int | None:
    """The index of the choice the text of the editable ``box`` names, or None: the choice
    shown; else, in any case and without the direction marks the codes carry, the choice of
    that whole text, or of that key ("LV", "Europe/Riga"). A ``free`` box (a tier of one's
    own) reads nothing more, and a stored value shown untouched is no choice at all: "B",
    "S" and "Old" stay tiers of their own. Else the choice of the key the box ``reads`` in
    the text ("UK", "USA", "Holland": :func:`~accountdesk.core.country_names.country_code`);
    for choices written "name (code)", the one of that name ("latviešu", "Rīga"); else the
    one choice the text starts, or starts a word of ("Latv": "Latvia (LV)", "bangk":
    "Bangkok (Asia/Bangkok)"), never one that merely holds it ("raine" inside "Ukraine",
    "old" inside "Gold"). A text that several choices start ("Korea") or none is no choice."""
    # before the index: Qt's own end of editing picks a choice of the same text ("Bronasta")
    if _untouched(box) is not None:
        return None
    shown = plain(box.currentText()).strip()
    if box.currentIndex() >= 0 and shown == plain(box.itemText(box.currentIndex())):
        return box.currentIndex()
    wanted = folded(shown)
    texts = [folded(plain(box.itemText(i))) for i in range(box.count())]
    if wanted in texts:
        return texts.index(wanted)
    if not wanted:
        return None
    keys = [str(box.itemData(i) or "").casefold() for i in range(box.count())]
    if shown.casefold() in keys:
        return keys.index(shown.casefold())
    if not isinstance(box, ChoiceBox) or box.free:
        return None
    read = box.reads(shown) if box.reads is not None else None
    if read and read.casefold() in keys:
        return keys.index(read.casefold())
    for found in (
        [i for i, text in enumerate(texts) if text.startswith(wanted + " (")],
        [i for i, text in enumerate(texts) if _starts(wanted, text)],
    ):
        if len(found) == 1:
            return found[0]
    return None


def _starts(wanted: str, text: str) -> bool:
    """Folded ``wanted`` starts folded ``text``, or starts it at one of its words: its words
    are words of ``text`` in a row, the last one begun ("bangk", "new yo", "ivo" for
    "Côte d’Ivoire"); a text that merely holds it inside a word ("old" in "gold") is not."""
    if text.startswith(wanted):
        return True
    typed, whole = words(wanted), words(text)
    if not typed:
        return False
    *done, last = typed
    return any(
        whole[k : k + len(done)] == done and whole[k + len(done)].startswith(last)
        for k in range(len(whole) - len(done))
    )


def _take_typed_choice(box: QComboBox) -> None:
    """Enter, or leaving the field: show the choice its text names (:func:`typed_choice`), so
    that "Latv" left with the popup's one suggestion, "Latvia (LV)", unpicked is Latvia."""
    index = typed_choice(box)
    if index is None:
        return
    if box.currentIndex() != index:
        box.setCurrentIndex(index)
    if box.currentText() != box.itemText(index):
        box.setEditText(box.itemText(index))


def no_such_choice(box: QComboBox, refused: object) -> str | None:
    """What an editable box with a ``no_such`` sentence (:func:`combo`) says when the value
    ``refused`` is its text, and that text is none of its choices: "There is no country
    called “Latv”: choose one from the list."; None otherwise (the check's own reason)."""
    sentence = box.no_such if isinstance(box, ChoiceBox) else None
    typed = plain(box.currentText()).strip()
    if sentence is None or not typed or refused is None or plain(str(refused)).strip() != typed:
        return None
    if typed_choice(box) is not None or not any(box.itemData(i) for i in range(box.count())):
        return None  # a choice refused for another reason; a list with nothing to choose
    return sentence(isolate(typed))


#: A form's size when it opens: its height at most (a form of a few fields is as tall as they
#: are, :meth:`FormDialog._fit_height`).
FORM_SIZE = (560, 640)

#: An item's role that holds the older keys the choice is shown for (a zone's older ids and
#: aliases: "Asia/Calcutta" for "Asia/Kolkata"), read by :func:`set_combo`.
OLDER_KEYS_ROLE = Qt.ItemDataRole.UserRole + 1


#: What separates the items of a comma-separated field: the comma, the Arabic comma a Persian
#: keyboard types (U+060C) and the full-width comma of Chinese and Japanese input (U+FF0C).
_LIST_SEPARATORS = re.compile("[,\u060c\uff0c]")


def split_list(text: str) -> list[str]:
    """The items of a comma-separated field (e-mails, phones, tags), trimmed, without empty
    ones and the direction marks a right-to-left field shows values with. Tags typed in a
    Persian window ("مهم، کلیدی") were stored as one tag: only the Latin comma separated."""
    return [item for item in (plain(p).strip() for p in _LIST_SEPARATORS.split(text)) if item]


def table_choices(table: dict[str, str], keys: Sequence[str]) -> list[tuple[str, str]]:
    return [(k, _(table[k]) if k in table else k) for k in keys]


def _beside_first_line(label: QWidget | None, field: QWidget) -> None:
    """Keep a form's ``label`` beside its ``field``, not in the middle of the row that a message
    or hint under the field makes taller: QFormLayout gives a label up to 7/4 of its own height
    there and centres its text in that, so a Thai label (taller than a Latin one) dropped 4 px
    below the box's middle under an error. As tall as the field at most, its text is centred
    on the field; beside a box of several lines Qt's 7/4 still holds it near the top."""
    if label is not None:
        tallest = max(label.sizeHint().height(), field.sizeHint().height(), field.minimumHeight())
        label.setMaximumHeight(tallest)


def changed_fields(before: Any, after: Any) -> set[str] | None:
    """The fields of the dataclass input ``after`` (what a form gives now) that differ from
    ``before`` (what it gave when it was filled with the stored record, in the form's own
    spelling); None when the form was not filled from a stored record. A save made meanwhile
    by someone else is merged by these (:func:`accountdesk.core.services.conflicts.merge`)."""
    if before is None:
        return None
    return {
        f.name for f in dataclass_fields(after) if getattr(before, f.name) != getattr(after, f.name)
    }


class FormDialog(QDialog):
    """A dialog with a form of keyed fields. Subclasses implement :meth:`save`."""

    #: What an edit form was filled with (the service's input of the stored record), which a
    #: save hands back so that someone else's save meanwhile is merged field by field.
    loaded: Any = None

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fields: dict[str, FieldWidget] = {}
        #: Each field's label, as the form shows it (in the language of the window).
        self.labels: dict[str, str] = {}
        self.errors: dict[str, QLabel] = {}
        self._hints: dict[str, str] = {}  # what a screen reader says after a field's name
        self._aliases: dict[str, str] = {}
        self._saved_state: list[Any] = []
        self.result_id: str | None = None
        self._opened = False  # shown once: the first field got the focus
        outer = QVBoxLayout(self)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setObjectName("formBanner")
        # its own text colour: the palette's highlighted text is black under a dark theme
        self.banner.setStyleSheet(background_style(ALERT) + " padding: 6px; border-radius: 4px;")
        self.banner.hide()
        outer.addWidget(self.banner)
        self.reload_button = QPushButton(_("Reload what is stored now"))
        self.reload_button.setObjectName("reloadStored")
        self.reload_button.setToolTip(_("Shows the saved record; what you typed is replaced."))
        self.reload_button.clicked.connect(self.reload)
        self.reload_button.hide()
        outer.addWidget(self.reload_button)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the last field to Save
        body = QWidget()
        self.form = QFormLayout(body)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        scroll.setWidget(body)
        outer.addWidget(scroll)
        self._scroll, self._body = scroll, body
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setText(_("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        # within the screen: at 150 % or 200 % a long form ran below its bottom edge, Save too
        resize_within_screen(self, *FORM_SIZE)
        self._first_height = self.height()  # a caller's resize before it opens is kept

    # --- fields --------------------------------------------------------------------------

    def add_field(
        self,
        key: str,
        label: str,
        widget: FieldWidget,
        *,
        also: Iterable[str] = (),
        hint: str | None = None,
    ) -> FieldWidget:
        """Add ``widget`` under ``label``; ``also``: other error keys shown at this field;
        ``hint``: how to fill it in, shown under it while the user types (a placeholder goes
        as the first key is typed, and one of several lines was cut at the box's edge)."""
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        if hint:
            note = QLabel(hint)
            note.setObjectName(f"hint_{key}")
            note.setWordWrap(True)
            note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            layout.addWidget(note)
        error = QLabel()
        error.setObjectName(f"error_{key}")
        error.setWordWrap(True)
        # a red that reads on the dialog's background, a dark theme's too
        error.setStyleSheet(text_style(ALERT))
        error.hide()
        layout.addWidget(error)
        self.form.addRow(label, holder)
        caption = self.form.labelForField(holder)
        assert isinstance(caption, QLabel)
        # the field, not its holder, is the label's: a screen reader named no field at all
        label_field(caption, widget)
        _beside_first_line(caption, widget)
        self.fields[key] = widget
        self.labels[key] = label
        self.errors[key] = error
        self._hints[key] = hint or ""
        if hint:
            describe_field(widget, hint)
        for alias in also:
            self._aliases[alias] = key
        return widget

    def add_below(self, key: str, widget: QWidget) -> None:
        """Show ``widget`` under the field ``key`` (and its hint), above its error: an offer
        (:meth:`field_note`'s note too)."""
        holder = self.fields[key].parentWidget()  # the field's own column
        layout = holder.layout() if holder is not None else None
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.errors[key]), widget)

    def add_section(self, title: str) -> None:
        heading = QLabel(title)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.form.addRow(heading)

    def field_note(self, key: str, name: str) -> QLabel:
        """A note under field ``key``, above its error (:meth:`add_below`; ``name``: its
        object name), hidden until the dialog gives it a text: what the value typed means (a
        time the clocks skip, an amount kept as typed in another currency)."""
        note = QLabel()
        note.setObjectName(name)
        note.setWordWrap(True)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        note.hide()
        self.add_below(key, note)
        return note

    def text(self, key: str) -> str:
        widget = self.fields[key]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            return combo_value(widget)
        if isinstance(widget, ChoiceList):
            return ",".join(widget.keys())
        raise TypeError(key)

    def set_text(self, key: str, value: object) -> None:
        widget = self.fields[key]
        shown = "" if value is None else str(value)
        if isinstance(value, date) and not isinstance(value, datetime):
            shown = format_date_input(value)  # as it is typed: in the user's calendar
        elif isinstance(value, Decimal | int) and not isinstance(value, bool):
            # as it is typed: "12,345" in Slovenian, a score "۹" in Persian
            shown = format_number_input(Decimal(value))
        if isinstance(widget, QLineEdit):
            widget.setText(shown)
        elif isinstance(widget, QTextEdit):
            widget.setPlainText(shown)
        elif isinstance(widget, QComboBox):
            set_combo(widget, shown)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(str(value)) if value else 0)
        elif isinstance(widget, ChoiceList):
            widget.set_keys(value if isinstance(value, list | tuple) else ())

    def _value(self, key: str) -> Any:
        """What field ``key`` holds, as the unsaved-changes check compares it."""
        widget = self.fields[key]
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QDateTimeEdit):
            return widget.dateTime().toString(_DATETIME_STATE)
        if isinstance(widget, ChoiceList):
            return widget.keys()
        return combo_value(widget)

    def _put_value(self, key: str, value: Any) -> None:
        """Give field ``key`` a value :meth:`_value` returned."""
        widget = self.fields[key]
        if isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value))
        elif isinstance(widget, QLineEdit):
            widget.setText(str(value))
        elif isinstance(widget, QTextEdit):
            widget.setPlainText(str(value))
        elif isinstance(widget, QDateTimeEdit):
            widget.setDateTime(QDateTime.fromString(str(value), _DATETIME_STATE))
        elif isinstance(widget, ChoiceList):
            widget.set_keys(value)
        else:
            set_combo(widget, str(value))

    def _shown(self, key: str) -> str | None:
        """What field ``key`` shows, as the user reads it (None for a check box)."""
        widget = self.fields[key]
        if isinstance(widget, QCheckBox):
            return None
        if isinstance(widget, QComboBox):
            return widget.currentText()
        if isinstance(widget, QTextEdit):
            return widget.toPlainText()
        if isinstance(widget, ChoiceList):
            return widget.shown()
        return widget.text()

    def _state(self) -> list[Any]:
        return [self._value(key) for key in self.fields]

    def mark_clean(self) -> None:
        """The current values are the saved ones (call after filling the form)."""
        self._saved_state = self._state()

    def is_dirty(self) -> bool:
        return self._state() != self._saved_state

    def showEvent(self, event: QShowEvent) -> None:
        """The first field has the focus when the form opens, so typing fills it (it was Save:
        a keyboard user's Enter saved an empty form)."""
        super().showEvent(event)
        if event.spontaneous() or self._opened:
            return
        self._opened = True
        self._fit_height()
        first = self.first_focus()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit_height(self) -> None:
        """A form of a few fields is as tall as they are, at most :data:`FORM_SIZE`'s height
        and the screen's (more scrolls): a deal, a survey answer or a note opened 640 px tall,
        mostly empty, and a long form at 200 % ran below the screen's edge. A height given
        before it opened (a caller's resize) is kept; a width is (Settings → Me widens itself
        for its longest choice, and kept 640 px of height in Latvian)."""
        if self.height() != self._first_height:
            return
        wanted = min(self._natural_height(), FORM_SIZE[1])
        resize_within_screen(self, self.width(), max(wanted, self.minimumSizeHint().height()))

    def _natural_height(self) -> int:
        """The form's height with every field and message it shows, without scrolling."""
        layout = self.layout()
        assert layout is not None
        layout.activate()
        chrome = layout.sizeHint().height() - self._scroll.sizeHint().height()
        return chrome + self._body.sizeHint().height() + 2 * self._scroll.frameWidth()

    def _grow_for_messages(self) -> None:
        """A form made as short as its fields grows, up to :data:`FORM_SIZE`'s height, for the
        messages a refused save shows (under a field, or the banner above)."""
        wanted = min(self._natural_height(), FORM_SIZE[1])
        if self.isVisible() and wanted > self.height():
            resize_within_screen(self, self.width(), wanted)

    def first_focus(self) -> QWidget | None:
        """The field that has the focus when the form opens: the first visible, enabled one
        that takes Tab. A dialog whose first field is already filled in (Quick log with its
        contact given) returns the one after it."""
        for widget in self.fields.values():
            if (
                widget.isVisibleTo(self)
                and widget.isEnabled()
                and ((widget.focusProxy() or widget).focusPolicy() & Qt.FocusPolicy.TabFocus)
            ):
                return widget
        return None

    # --- errors --------------------------------------------------------------------------

    def clear_errors(self) -> None:
        self.banner.hide()
        self.reload_button.hide()
        for key, label in self.errors.items():
            if not label.isHidden():
                describe_field(self.fields[key], self._hints[key])
            label.hide()

    def error_field(self, error: ValidationError) -> str:
        """The field where ``error`` is shown: the one with its key, or the one that takes it
        too (``add_field(also=…)``); a form whose one check covers two fields may say which."""
        return self._aliases.get(error.key, error.key)

    def show_field_error(self, error: ValidationError) -> None:
        key = self.error_field(error)
        label = self.errors.get(key)
        if label is None:
            self.banner.setText(str(error))
            self.banner.show()
            return
        label.setText(self._field_message(key, error))
        label.show()
        describe_field(self.fields[key], label.text())  # said with the field's name
        self.fields[key].setFocus()
        # a field far down a long form (the contact's important dates): its message in sight,
        # else Save seemed to do nothing
        self.form.activate()  # the message's place, now that it shows
        self._scroll.ensureWidgetVisible(label)

    def _field_message(self, key: str, error: ValidationError) -> str:
        """What field ``key`` says under it: the reason, when the value refused is what the
        field holds; the whole message naming the value when it is one of several the field
        holds (a phone number among the phones, a line of the important dates, the start and
        end of working hours) and the reason does not name it: "Is not a valid phone number
        for Slovenia" did not say which."""
        widget = self.fields.get(key)
        if isinstance(widget, QComboBox) and widget.isEditable():
            no_such = no_such_choice(widget, error.value)
            if no_such is not None:
                return no_such
        value = "" if error.value is None else plain(str(error.value)).strip()
        shown = plain(self._shown(key) or "").strip()
        if value and value != shown and printable(value) not in error.reason:
            return str(error)
        return sentence_start(error.reason)

    # --- saving and closing --------------------------------------------------------------

    def save(self) -> str | None:
        """Write through a service; raise ValidationError/UserError to refuse."""
        raise NotImplementedError

    def load_stored(self) -> None:
        """Fill the form with the record as stored now, and keep its version for the next save
        (a dialog that edits a stored record, so whose save can meet a conflict)."""
        raise NotImplementedError

    def show_conflict(self, error: ConflictError) -> None:
        """Someone else saved the record since it was loaded: say so above the form, which
        keeps what was typed, and offer to reload. A record moved to the trash has nothing to
        reload: the sentence says to restore it from the Trash."""
        self.banner.setText(str(error))
        self.banner.show()
        if isinstance(error, TrashedError):
            return
        if isinstance(error, FieldConflict) and self.loaded is not None:
            # their values are seen now: saving again keeps what was typed in those fields
            # (unless someone changes them once more), and the other fields still merge
            self.loaded = replace(self.loaded, **{c.field: c.stored for c in error.clashes})
        self.reload_button.show()
        self.reload_button.setFocus()

    def reload(self) -> None:
        """Show what is stored now in place of what was typed (after a conflict).

        When that replaces what the user typed in a field (a field they changed that is not
        stored so now), :func:`ask_reload` asks first, naming those fields; kept, the form is
        as it was: what was typed, and the version it was loaded at, so that a save is still
        refused rather than written over the other person's changes. So is it when the record
        cannot be read (moved to the trash meanwhile)."""
        typed = {key: self._value(key) for key in self.fields}
        shown = {key: self._shown(key) for key in self.fields}
        clean = dict(zip(self.fields, self._saved_state, strict=False))
        chosen = {
            key: widget.record_id
            for key, widget in self.fields.items()
            if isinstance(widget, RecordPicker)
        }
        kept = dict(vars(self))  # what load_stored changes beside the fields (the version)

        def put_back() -> None:
            vars(self).update(kept)
            for key, value in typed.items():
                self._put_value(key, value)
                widget = self.fields[key]
                if isinstance(widget, RecordPicker):
                    widget.set_record(chosen[key], str(value))

        try:
            self.load_stored()
        except UserError as error:  # e.g. moved to the trash meanwhile
            put_back()
            self.clear_errors()
            self.banner.setText(str(error))
            self.banner.show()
            return
        lost = [
            (self.labels[key], shown[key])
            for key, value in typed.items()
            if value != clean.get(key, value) and value != self._value(key)
        ]
        if lost and not ask_reload(self, lost):
            put_back()
            return
        self.clear_errors()
        self.mark_clean()

    def try_save(self) -> bool:
        saved = self._try_save()
        if not saved:
            self._grow_for_messages()
        return saved

    def _try_save(self) -> bool:
        self.clear_errors()
        try:
            self.result_id = self.save()
        except ValidationError as error:
            self.show_field_error(error)
            return False
        except ConflictError as error:
            self.show_conflict(error)
            return False
        except UserError as error:
            self.banner.setText(str(error))
            self.banner.show()
            return False
        except Exception as error:  # never lose the form to an unexpected error
            traceback.print_exc()
            self.banner.setText(
                _("This could not be saved ({kind}: {reason}).").format(
                    kind=type(error).__name__, reason=error
                )
            )
            self.banner.show()
            return False
        self.mark_clean()
        return True

    def accept(self) -> None:
        if self.try_save():
            super().accept()

    def reject(self) -> None:
        if self.is_dirty():
            answer = ask_unsaved(self)
            if answer == "cancel":
                return
            if answer == "save":
                self.accept()
                return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_dirty():
            answer = ask_unsaved(self)
            if answer == "cancel" or (answer == "save" and not self.try_save()):
                event.ignore()
                return
            if answer == "save":
                self.setResult(QDialog.DialogCode.Accepted)
        super().closeEvent(event)


#: Line breaks (with the spaces around them) and tabs in text pasted or dropped into a line.
_BREAKS = re.compile(r"[ \t]*(?:\r\n|[\n\r\v\f\x85\u2028\u2029])[\s]*")
_TABS = re.compile(r"\t+")


def currency_example() -> str:
    """What an empty currency field says to type (a deal's, a gift's, a rate's)."""
    # the codes isolated: the Persian line began with "ISO" and was laid out left to right
    return isolate_acronyms(_("ISO 4217, e.g. JPY"))


def line(placeholder: str = "", *, joiner: str = " ") -> QLineEdit:
    """A one-line field. Text pasted or dropped into it with line breaks or tabs (a name copied
    from an e-mail's signature, numbers from a spreadsheet's column) has each break replaced by
    ``joiner`` (", " in a comma-separated field) and each tab by a space: the field showed the
    break as nothing ("AnaMarija") and the save was refused as "must be a single line"."""
    edit = QLineEdit()
    if placeholder:
        edit.setPlaceholderText(placeholder)

    def edited(text: str) -> None:
        if not (_BREAKS.search(text) or "\t" in text):
            return

        def joined(part: str) -> str:
            return _TABS.sub(" ", _BREAKS.sub(joiner, part))

        cursor = edit.cursorPosition()
        before = joined(text[:cursor])
        edit.setText((before + joined(text[cursor:])).strip(joiner.strip() + " "))
        edit.setCursorPosition(min(len(before), len(edit.text())))

    edit.textEdited.connect(edited)
    return edit


def notes_edit(height: int = 80) -> QTextEdit:
    """A box of several lines of plain text. A QTextEdit that takes plain text only, not a
    QPlainTextEdit: that one aligns every paragraph to the left, so a Persian note sat at the
    left edge of a right-to-left window; here each paragraph follows its own direction (a
    Persian line at the right, an English one at the left)."""
    edit = QTextEdit()
    edit.setAcceptRichText(False)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    # fixed in the form too: an expanding box's row took the dialog's spare height and the box
    # sat in its middle, far below its label
    edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return edit


Saver = Callable[[], str | None]
