"""Pick a record by typing: a line edit whose suggestions come from the search index; and the
zones a time-zone picker offers (:func:`zone_choices`).

Each suggestion says who or what it is: a contact with their account and city (two people of
the same name are told apart), an account with its city and country. Enter takes the
highlighted suggestion, or the top one when none is highlighted (the global search, Ctrl+K,
opens it); the suggestions always belong to the text in the field, also when Enter is
pressed before they were refreshed.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from accountdesk.core.bidi import isolate
from accountdesk.core.db.engine import Database
from accountdesk.core.db.fts import fold
from accountdesk.core.i18n import _, country_name
from accountdesk.core.queries.search import SearchHit, search
from accountdesk.core.timekeeping.zones import available_zones
from accountdesk.core.validation import is_pseudo_zone
from accountdesk.ui.clearbutton import clear_button

#: The role that holds a suggestion's position in :attr:`RecordPicker.hits`.
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The role the completer writes into the field: the name alone, not the whole label.
TITLE_ROLE = Qt.ItemDataRole.UserRole + 2


@cache
def zone_choices() -> tuple[str, ...]:
    """The zones every time-zone picker offers, sorted: tzdata's zones without the names that
    are no place's zone (``Factory``, ``localtime``, ``Etc/Unknown`` …), which the services
    refuse (:func:`accountdesk.core.validation.is_pseudo_zone`, the one rule)."""
    return tuple(zone for zone in available_zones() if not is_pseudo_zone(zone))


def hit_label(hit: SearchHit) -> str:
    """ "Anna Ozola — Baltic Timber, Riga"; "Baltic Timber — Riga, Latvia" (names isolated,
    :mod:`accountdesk.core.bidi`)."""
    place = country_name(hit.country) if hit.country else ""
    title, account, city = isolate(hit.title), isolate(hit.subtitle), isolate(hit.city or "")
    if hit.kind == "contact":
        where = city or place
        if account and where:
            return _("{name} — {account}, {city}").format(name=title, account=account, city=where)
        if account or where:
            return _("{name} — {account}").format(name=title, account=account or where)
        return title
    if city and place:
        return _("{name} — {city}, {country}").format(name=title, city=city, country=place)
    if city or place:
        return _("{name} — {city}").format(name=title, city=city or place)
    return title


def folded(text: str) -> str:
    """Text as what is typed is compared with a name or a choice: the search's folding (case,
    accents, Turkish "İ" and "ı" as "i", Arabic-script letter forms), one space between
    words. str.casefold() made "i̇" of "İ", so Turkish names and words typed in lower or upper
    case were not found."""
    return " ".join(fold(text).split())


class RecordPicker(QLineEdit):
    """Type a few letters, choose a suggestion; :attr:`record_id` is the chosen record."""

    picked = Signal(str)
    picked_hit = Signal(object)
    #: The hits for a text were looked up: (the text, how many there are).
    searched = Signal(str, int)

    def __init__(self, db: Database, kind: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.kind = kind
        self.record_id: str | None = None
        self.hits: list[SearchHit] = []
        self._query: str | None = None  # the text ``hits`` belong to
        self._names = QStandardItemModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCompletionRole(TITLE_ROLE)
        completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self.setCompleter(completer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.refresh)
        self.textEdited.connect(self._edited)
        clear_button(self)

    def set_record(self, id_: str | None, title: str) -> None:
        self.record_id = id_
        self.setText(title)

    def _edited(self, _text: str) -> None:
        self.record_id = None
        self._timer.start()

    def label_of(self, hit: SearchHit) -> str:
        return hit_label(hit)

    def _load(self) -> None:
        """The hits for the text in the field, without showing them."""
        self._timer.stop()
        text = self.text()
        hits = search(self.db, text, limit=40) if text.strip() else []
        self.hits = [h for h in hits if self.kind is None or h.kind == self.kind][:15]
        self._query = text
        self._names.clear()
        for index, hit in enumerate(self.hits):
            item = QStandardItem(self.label_of(hit))
            item.setData(index, HIT_ROLE)
            item.setData(hit.title, TITLE_ROLE)
            item.setEditable(False)
            self._names.appendRow(item)
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        if not self.hits and popup is not None:
            popup.hide()  # not an empty box left open under the field
        self.searched.emit(text, len(self.hits))

    def refresh(self) -> None:
        self._load()
        found = self.hits
        completer = self.completer()
        if found and self.hasFocus() and completer is not None:
            completer.complete()
        # the whole name typed: chosen. Compared as the search folds it (a Turkish "ışıklar"
        # is "Işıklar": str.casefold() made "işıklar" of it, and the name typed in full was
        # not taken)
        if len(found) == 1 and folded(found[0].title) == folded(self.text()):
            self.record_id = found[0].id

    def current_hits(self) -> list[SearchHit]:
        """The hits for the text in the field now (searched again when they are stale)."""
        if self._timer.isActive() or self._query != self.text():
            self._load()
        return self.hits

    def choose_top(self) -> bool:
        """Choose the best hit for the text in the field; False when there is none."""
        hits = self.current_hits()
        if not hits:
            return False
        self.choose(hits[0])
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            completer = self.completer()
            popup = completer.popup() if completer is not None else None
            if (
                popup is not None
                and popup.isVisible()
                and popup.selectionModel().isSelected(popup.currentIndex())
            ):
                event.ignore()  # the completer takes the suggestion highlighted with the arrows
                return
            if self.record_id is None and self.text().strip() and self.choose_top():
                event.accept()
                return
        super().keyPressEvent(event)

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        position = index.data(HIT_ROLE)
        if isinstance(position, int) and 0 <= position < len(self.hits):
            self.choose(self.hits[position])

    def choose(self, hit: SearchHit) -> None:
        self._timer.stop()
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        if popup is not None:
            popup.hide()
        self.record_id = hit.id
        self.setText(hit.title)
        self._query = None  # the hits were for what was typed, not for the chosen title
        self.picked.emit(hit.id)
        self.picked_hit.emit(hit)
