"""Pick a record by typing: a line edit whose suggestions come from the search index."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from accountdesk.core.db.engine import Database
from accountdesk.core.queries.search import SearchHit, search


class RecordPicker(QLineEdit):
    """Type a few letters, choose a suggestion; :attr:`record_id` is the chosen record."""

    picked = Signal(str)
    picked_hit = Signal(object)

    def __init__(self, db: Database, kind: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.kind = kind
        self.record_id: str | None = None
        self.hits: list[SearchHit] = []
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.activated[str].connect(self._chosen)  # type: ignore[index]
        self.setCompleter(completer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.refresh)
        self.textEdited.connect(self._edited)
        self.setClearButtonEnabled(True)

    def set_record(self, id_: str | None, title: str) -> None:
        self.record_id = id_
        self.setText(title)

    def _edited(self, _text: str) -> None:
        self.record_id = None
        self._timer.start()

    def label_of(self, hit: SearchHit) -> str:
        return f"{hit.title} — {hit.subtitle}" if hit.subtitle else hit.title

    def refresh(self) -> None:
        self._timer.stop()
        hits = search(self.db, self.text(), limit=40)
        found = [h for h in hits if self.kind is None or h.kind == self.kind][:15]
        self.hits = found
        self._names.setStringList([self.label_of(h) for h in found])
        completer = self.completer()
        if found and self.hasFocus() and completer is not None:
            completer.complete()
        if len(found) == 1 and found[0].title.casefold() == self.text().strip().casefold():
            self.record_id = found[0].id

    def _chosen(self, text: str) -> None:
        for hit in self.hits:
            if self.label_of(hit) == text:
                self.choose(hit)
                return

    def choose(self, hit: SearchHit) -> None:
        self.record_id = hit.id
        self.setText(hit.title)
        self.picked.emit(hit.id)
        self.picked_hit.emit(hit)
