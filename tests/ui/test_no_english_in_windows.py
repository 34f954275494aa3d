"""No English inside a Persian, Thai or Latvian window.

Every screen of the main window (and an account's and a contact's page with each of their
tabs), every editor and list dialog, the menus and the context menus are shown on a small demo
database, and every text the user can see is collected: labels, buttons, tabs, group boxes,
window titles, the headers and first rows of tables and trees, placeholders, tooltips, combo
items, menu items and the status bar. A text is flagged when

* it is the English msgid of an entry the catalog translates: it was looked up before the
  language was set (at import time), or it never went through ``_()`` (both languages);
* in Persian and Thai, it holds a run of three or more Latin letters that is not user data
  (names, cities, subjects … stored in the database), an e-mail address or URL, an ISO code, or
  one of the few words of :data:`LATIN_ALLOWED`;
* in Latvian (written in Latin letters itself), it holds a word of the English msgids that no
  Latvian translation and no stored text uses (:func:`english_words`);
* it holds letters of another of the three languages' scripts (Thai in the Persian window, …):
  a text kept from before the language changed;
* in Persian, it holds ASCII digits (the window writes numbers in Persian digits) that are not
  part of stored data, a phone number or a code a translator kept ("ISO 4217").
* in Persian, a line with Persian words begins with a Latin word outside an isolate: Qt lays
  it out left to right and it reads backwards from the right ("CSAT (سهم ۴ تا ۵)").

What is shown as its source gives it is not flagged: stored free text, holiday and region
names (the ``holidays`` package and ISO 3166-2, English where nothing translates them), zone
ids, language tags, the etiquette notes' phrases, the imported file's cells.

``test_the_sweep_finds_an_untranslated_label`` shows that each check fails on a label left in
English (or in another language's script or digits).
"""

from __future__ import annotations

import csv
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from unicodedata import bidirectional
from zoneinfo import available_timezones

import pytest
from babel import Locale
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QSettings,
    Qt,
)
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QWidget,
)

from accountdesk.core import i18n, settings
from accountdesk.core.bidi import direction, isolate_acronyms
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.demo import generate
from accountdesk.core.queries.details import account_detail, contact_detail
from accountdesk.ui import tasks
from accountdesk.ui.app import apply_language
from accountdesk.ui.main_window import LANGUAGE_NAMES

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
LANGS = ("fa", "th", "lv")

#: Latin names a window shows as they are, each with its reason (what a translator kept in a
#: translation is allowed in that translation: :func:`kept_latin`).
LATIN_ALLOWED = {
    "AccountDesk": "the product's name (the window title)",
    "Google Contacts": "the product whose export the import dialog recognised",
    "Ctrl": "the key's name, as printed on the keyboard (in a shortcut: Ctrl+K)",
}

#: Stored free text: what the user typed (names, places, subjects, notes); shown as it is.
#: Code columns (kind, status, tier, country, zone, currency …) are left out on purpose: a
#: code shown as it is would be English in the window.
DATA_COLUMNS = {
    "tags": ("name",),
    "accounts": ("name", "industry", "website", "city", "address", "owner", "notes"),
    "contacts": (
        "given_name", "family_name", "honorific", "job_title", "city", "personal_notes",
        "how_we_met",
    ),
    "important_dates": ("label",),
    "interactions": ("subject", "notes", "outcome"),
    "follow_ups": ("title", "notes"),
    "deals": ("title",),
    "survey_responses": ("comment",),
    "gifts": ("description", "occasion", "notes"),
    "notes": ("body",),
    "country_notes": ("body",),
    "users": ("login", "name"),
}  # fmt: skip
#: The columns of names, whose words are shown in other forms too (a name in another order, a
#: form of address): each word is allowed on its own, not only the whole stored text.
NAME_COLUMNS = {
    "accounts": ("name", "city", "owner"),
    "contacts": ("given_name", "family_name", "honorific", "city"),
    "users": ("login", "name"),
}
ZONES = available_timezones()
#: The file the import dialog is opened on.
IMPORTED = Path(__file__).resolve().parents[1] / "data" / "google_contacts.csv"

#: The letters of the other two languages' scripts: a text of the Persian window seen in the
#: Thai one was kept from before the language changed (a cache, a widget built once).
FOREIGN = {
    "fa": re.compile("[\u0e00-\u0e7f]+"),
    "th": re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+"),
    "lv": re.compile("[\u0e00-\u0e7f\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+"),
}
ASCII_DIGITS = re.compile(r"[0-9]+")
LATIN_RUN = re.compile(r"[A-Za-z\u00c0-\u024f]{3,}")
WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
#: What is not words: e-mail addresses, URLs and host names, file paths, file names and their
#: extensions, language tags in brackets ("(zh-Hant)"): removed before the words are read.
NOT_WORDS = re.compile(
    r"\+[0-9][0-9 ()-]{5,}[0-9]"  # a phone number (dialled in these digits)
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?:https?://|www\.)\S*|\b[\w-]+\.(?:com|org|net|example)\b\S*"
    r"|(?:^|(?<=\s))/\S+"
    r"|\b\w+\.(?:csv|vcf|json|ics|pdf|db|toml)\b|(?<![\w.])\.(?:csv|vcf|json|ics|pdf)\b"
    r"|\((?:[a-z]{2,3})(?:-[A-Za-z0-9]{2,8})*\)"
)
ZONE_ID = re.compile(r"[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*")
MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
MNEMONIC = re.compile(r"&(&?)")
TAG = re.compile(r"</?[A-Za-z][^>]*>|&[a-z]+;")


@dataclass
class Seen:
    """Every text shown, with where it was seen (the first place)."""

    texts: dict[str, str] = field(default_factory=dict)
    #: The lines of each text as laid out, with their direction marks (not for what is only
    #: read out, such as an accessible name).
    shaped: dict[str, list[str]] = field(default_factory=dict)

    def add(self, text: object, where: str, *, mnemonic: bool = False, shown: bool = True) -> None:
        if not isinstance(text, str) or not text.strip():
            return
        if mnemonic:
            text = MNEMONIC.sub(r"\1", text).split("\t")[0]
        bare = MARKS.sub("", text).strip()
        if bare and bare not in self.texts:
            self.texts[bare] = where
            if shown:
                self.shaped[bare] = text.splitlines()

    def rich(self, text: str, where: str, *, mnemonic: bool = False) -> None:
        if TAG.search(text):
            text = QTextDocumentFragment.fromHtml(text).toPlainText()
        self.add(text, where, mnemonic=mnemonic)

    def actions(self, actions: list[QAction], where: str) -> None:
        for action in actions:
            if action.isSeparator():
                continue
            self.add(action.text(), where, mnemonic=True)
            if action.toolTip() != MNEMONIC.sub(r"\1", action.text()):
                self.add(action.toolTip(), where)
            sub = action.menu()
            if isinstance(sub, QMenu):
                self.add(sub.title(), where, mnemonic=True)
                self.actions(sub.actions(), f"{where} › {sub.title()}")

    def model(self, model: QAbstractItemModel, where: str, rows: int = 12) -> None:
        flat = isinstance(model, QAbstractListModel | QAbstractTableModel)
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
        for column in range(columns):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                self.add(model.headerData(column, Qt.Orientation.Horizontal, role), where)

        def walk(parent: QModelIndex, depth: int) -> None:
            for row in range(min(rows, model.rowCount(parent))):
                for column in range(columns):
                    index = model.index(row, column, parent)
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        self.add(model.data(index, role), f"{where} cell")
                first = model.index(row, 0, parent)
                if not flat and depth < 2 and model.hasChildren(first):
                    walk(first, depth + 1)

        walk(QModelIndex(), 0)

    def widget(self, root: QWidget, where: str) -> None:
        """The texts of ``root`` and of every visible widget in it."""
        for w in [root, *root.findChildren(QWidget)]:
            if not w.isVisible():
                continue
            here = f"{where}: {type(w).__name__} {w.objectName()}".rstrip()
            if w.isWindow():
                self.add(w.windowTitle(), f"{here} (title)")
            self.add(w.toolTip(), f"{here} (tooltip)")
            self.add(w.accessibleName(), f"{here} (accessible name)", shown=False)
            self.actions(w.actions(), f"{here} (actions)")  # context menus, toolbars
            if isinstance(w, QLabel):
                self.rich(w.text(), here, mnemonic=w.buddy() is not None)
            elif isinstance(w, QAbstractButton):
                self.add(w.text(), here, mnemonic=True)
                menu = w.menu() if isinstance(w, QPushButton | QToolButton) else None
                if menu is not None:
                    self.actions(menu.actions(), f"{here} (menu)")
            elif isinstance(w, QGroupBox):
                self.add(w.title(), here, mnemonic=True)
            elif isinstance(w, QTabWidget):
                for i in range(w.count()):
                    self.add(w.tabText(i), f"{here} (tab)", mnemonic=True)
                    self.add(w.tabToolTip(i), f"{here} (tab tooltip)")
            elif isinstance(w, QTabBar):
                for i in range(w.count()):
                    self.add(w.tabText(i), f"{here} (tab)", mnemonic=True)
            elif isinstance(w, QComboBox):
                for i in range(w.count()):
                    self.add(w.itemText(i), f"{here} (item)")
                self.add(w.placeholderText(), f"{here} (placeholder)")
            elif isinstance(w, QLineEdit):
                self.add(w.placeholderText(), f"{here} (placeholder)")
                self.add(w.text(), here)
            elif isinstance(w, QTextEdit | QPlainTextEdit):
                self.add(w.placeholderText(), f"{here} (placeholder)")
                self.add(w.toPlainText(), here)
            elif isinstance(w, QAbstractSpinBox):
                self.add(w.text(), here)
                self.add(w.specialValueText(), here)
            if isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView):
                model = w.model()
                if model is not None:
                    self.model(model, here)
            if isinstance(w, QMainWindow):
                self.actions(w.menuBar().actions(), f"{here} (menu bar)")
                self.add(w.statusBar().currentMessage(), f"{here} (status bar)")


def outside_isolates_text(line: str) -> str:
    """What of ``line`` is not inside a bidi isolate."""
    return re.sub("[\u2066-\u2068][^\u2066-\u2069]*\u2069", "", line)


def settle() -> None:
    """Deliver the background jobs' results and the timers they start (twice: a result may
    start another job)."""
    for _ in range(3):
        tasks.wait_all()
        tasks.pump(5)
        if not tasks.busy():
            break


# --- what a text must not be ---------------------------------------------------------------


def translated_msgids(lang: str) -> set[str]:
    """The English msgids the catalog of ``lang`` translates (to something else)."""
    catalog: dict[Any, str] = i18n._catalog(lang)._catalog  # type: ignore[attr-defined]
    found = set()
    for key, text in catalog.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if not msgid or not text or text == msgid:
            continue
        found.add(msgid.split("\x04")[-1])  # pgettext keys are "context\x04msgid"
    return found


def english_words(lang: str, data_words: set[str]) -> set[str]:
    """Words of the translated msgids (four letters or more) that no translation of ``lang``
    and no stored text uses: seen in a Latvian window, they are English."""
    catalog: dict[Any, str] = i18n._catalog(lang)._catalog  # type: ignore[attr-defined]
    english: set[str] = set()
    native: set[str] = set()
    for key, text in catalog.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if not msgid:
            continue
        native.update(w.casefold() for w in WORD.findall(text))
        if msgid.startswith("holiday\x04"):
            continue  # the English names of holidays ("Health and Sports Day"), not UI words
        english.update(w.casefold() for w in WORD.findall(re.sub(r"\{[^}]*\}", "", msgid)))
    return {w for w in english - native - data_words if len(w) >= 4}


def stored_texts(db: Database) -> tuple[list[str], set[str]]:
    """Every stored free text (:data:`DATA_COLUMNS`), longest first, and the words of the
    names (:data:`NAME_COLUMNS`: shown in other forms too, "Ozola, Anna", "Herr Müller")."""
    assert db.path is not None
    found: set[str] = set()
    words: set[str] = set()
    with sqlite3.connect(db.path) as conn:
        for table, columns in DATA_COLUMNS.items():
            for column in columns:
                for (value,) in conn.execute(f"SELECT {column} FROM {table}"):
                    if isinstance(value, str) and value.strip():
                        found.add(value.strip())
                        found.update(line.strip() for line in value.splitlines() if line.strip())
                        if column in NAME_COLUMNS.get(table, ()):
                            words.update(w.casefold() for w in WORD.findall(value))
    return sorted(found, key=len, reverse=True), words


def shown_from_elsewhere(db: Database, lang: str) -> set[str]:
    """Names the window shows as their sources give them, not from the catalog: holidays
    (the ``holidays`` package: in the language where it has it, else in the country's own
    language and English, core/culture/calendar.py), regions (ISO 3166-2 names, romanised
    where nothing translates them), the phrases of the etiquette notes (in the country's
    language), and the cells and column names of the CSV file the import dialog shows."""
    from accountdesk.core.culture.calendar import holidays_for_year
    from accountdesk.core.culture.countries import subdivision_name
    from accountdesk.core.culture.etiquette import covered_countries, load_etiquette

    assert db.path is not None
    with sqlite3.connect(db.path) as conn:
        places = set(conn.execute("SELECT country, subdivision FROM accounts")) | set(
            conn.execute("SELECT country, subdivision FROM contacts")
        )
    found: set[str] = set()
    countries = {country for country, _sub in places} | set(covered_countries())
    for country in countries:
        for year in (NOW.year - 1, NOW.year, NOW.year + 1):
            found.update(h.name for h in holidays_for_year(country, None, year, lang))
    for country, sub in places:
        if sub:
            found.add(subdivision_name(country, sub, lang))
            for year in (NOW.year, NOW.year + 1):
                found.update(h.name for h in holidays_for_year(country, sub, year, lang))
    for country in covered_countries():
        notes = load_etiquette(country, lang)
        for phrase in notes.phrases if notes else ():
            found.add(phrase.local)  # (its English guide is shown to English readers only)
    with IMPORTED.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            found.update(cell.strip() for cell in row if cell.strip())
    return found


def imported_words() -> set[str]:
    """The words of the imported file's cells: the import dialog's preview shows a cell's
    parts as the file's product means them ("* myContacts ::: Clients" is two tags), once it
    has read the file (a busy machine reads it before the tour looks)."""
    with IMPORTED.open(encoding="utf-8", newline="") as handle:
        return {w.casefold() for row in csv.reader(handle) for c in row for w in WORD.findall(c)}


def place_words(lang: str) -> set[str]:
    """The words of every region's name (ISO 3166-2, romanised where nothing translates it:
    core/culture/countries.py) and of every zone's city as its id spells it (a zone CLDR does
    not name yet is shown by its city: "Coyhaique")."""
    from accountdesk.core.culture.countries import country_codes, subdivision_name, subdivisions

    names = [
        subdivision_name(country, code, lang)
        for country in country_codes()
        for code in subdivisions(country)
    ]
    names.extend(part.replace("_", " ") for zone in ZONES for part in zone.split("/"))
    return {w.casefold() for name in names for w in WORD.findall(name)}


def zone_city_words(lang: str) -> set[str]:
    """The words of every zone's city as the language names it (CLDR: "Roma" in Latvian is
    Rome, not an English word)."""
    with i18n.use_language(lang):
        names = [i18n.zone_name(zone) for zone in ZONES]
    return {w.casefold() for name in names for w in WORD.findall(name)}


def kept_latin(lang: str) -> set[str]:
    """The parts of the translations into ``lang`` (the catalog's and the etiquette notes')
    that hold Latin letters a translator kept: a code, a key's name, the columns a file must
    have, an example quoted in its language. Each part is the literal text between two
    placeholders, so a kept word is allowed in its own sentence only."""
    from accountdesk.core.culture.etiquette import overlay

    catalog: dict[Any, str] = i18n._catalog(lang)._catalog  # type: ignore[attr-defined]
    texts = [text for key, text in catalog.items() if key]  # not the header

    def strings(value: object) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for each in value.values():
                yield from strings(each)
        elif isinstance(value, list):
            for each in value:
                yield from strings(each)

    texts.extend(strings(overlay(lang)))
    parts = (part.strip() for text in texts for part in re.split(r"\{[^}]*\}|\n", text))
    return {part for part in parts if LATIN_RUN.search(part) or ASCII_DIGITS.search(part)}


def iso_codes() -> set[str]:
    en = Locale.parse("en")
    return set(en.currencies) | {c for c in en.territories if c.isalpha()}


@dataclass
class Rules:
    lang: str
    msgids: set[str]
    data: list[str]
    sources: set[str]  # data as stored or given by its source (not translations)
    name_words: set[str]
    allowed: set[str]
    english: set[str]

    @classmethod
    def make(cls, lang: str, db: Database) -> Rules:
        stored, name_words = stored_texts(db)
        sources = {*stored, *shown_from_elsewhere(db, lang), *LANGUAGE_NAMES.values()}
        shown = sources | set(LATIN_ALLOWED)
        if lang != "lv":
            shown |= kept_latin(lang)
        data = sorted(shown, key=len, reverse=True)  # the longest first: a name holds a word
        allowed = set(LANGUAGE_NAMES.values()) | iso_codes()
        if lang != "lv":
            name_words |= place_words(lang)
        name_words |= zone_city_words(lang)
        name_words |= imported_words()
        english = english_words(lang, name_words) if lang == "lv" else set()
        return cls(lang, translated_msgids(lang), data, sources, name_words, allowed, english)

    @staticmethod
    def _zone(match: re.Match[str]) -> str:
        return " " if match.group() in ZONES else match.group()

    def without_data(self, text: str) -> str:
        text = NOT_WORDS.sub(" ", ZONE_ID.sub(self._zone, text))
        for value in self.data:
            if value in text:
                text = text.replace(value, " ")
        return text

    def problem(self, text: str) -> str | None:
        """Why ``text`` is English in this window (None: it is not)."""
        for line in {text.strip(), *(each.strip() for each in text.splitlines())}:
            if line in self.data:
                continue
            for each in {line, line.rstrip(":：").strip()}:
                if each in self.msgids:
                    return "an English msgid the catalog translates"
        rest = self.without_data(text)
        foreign = FOREIGN[self.lang].findall(rest)
        if foreign:
            return f"another language's letters {foreign}"
        if self.lang == "fa":
            digits = ASCII_DIGITS.findall(rest)
            if digits:
                return f"Latin digits {digits} in a window of Persian digits"
        if self.lang == "lv":
            words = [w for w in WORD.findall(rest) if w.casefold() in self.english]
            return f"English words {words}" if words else None
        latin = [
            run
            for run in LATIN_RUN.findall(rest)
            if run not in self.allowed and run.casefold() not in self.name_words
        ]
        return f"Latin letters {latin}" if latin else None

    def backwards(self, lines: list[str]) -> str | None:
        """In Persian: a line with Persian letters that Qt lays out left to right because its
        first letter outside isolates is Latin ("CSAT (سهم ۴ تا ۵)" reads "(۵ تا ۴ سهم) CSAT"
        from the right); a Latin acronym or name at its start must be isolated."""
        if self.lang != "fa":
            return None
        for line in lines:
            if MARKS.sub("", line).strip() in self.sources:
                continue
            persian = any(bidirectional(ch) in ("R", "AL") for ch in outside_isolates_text(line))
            if persian and direction(line) is False:
                return "laid out left to right: it starts with a Latin word outside an isolate"
        return None

    def findings(self, seen: Seen) -> list[str]:
        found = []
        for text, where in seen.texts.items():
            why = self.problem(text) or self.backwards(seen.shaped.get(text, []))
            if why:
                found.append(f"{where}: {text!r} ({why})")
        return found


# --- the tour ------------------------------------------------------------------------------


@pytest.fixture
def demo(db: Database) -> Iterator[Any]:
    """A small demo database and its app context (the clock pinned)."""
    from accountdesk.ui.context import AppContext

    generate(db, accounts=8, seed=7, anchor=NOW.date(), clock=fixed_clock(NOW))
    settings.put(db, "user.zone", "Asia/Tehran")
    yield AppContext(db, clock=fixed_clock(NOW))


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: Any) -> Iterator[str]:
    """The whole app in the language (catalog, Qt's translator, direction), English after."""
    apply_language(request.param)
    try:
        yield request.param
    finally:
        apply_language("en")


def first_ids(ctx: Any) -> tuple[str, str]:
    """The account with the most contacts and history, and its first contact."""
    from accountdesk.core.queries.search import search

    accounts = [h.id for h in search(ctx.db, "a", limit=50) if h.kind == "account"]
    details = [account_detail(ctx.db, a) for a in accounts]
    best = max(details, key=lambda d: (len(d.contacts), len(d.interactions) + len(d.deals)))
    return best.id, best.contacts[0].id


def visit(view: QWidget, seen: Seen, where: str) -> None:
    """``view`` as it is, then each tab of its tab widgets, then with the first row of each of
    its lists chosen (what a screen shows about the row chosen)."""
    seen.widget(view, where)
    for tabs in view.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            settle()
            seen.widget(view, f"{where} › {tabs.tabText(i)}")
            choose_first_rows(view, seen, f"{where} › {tabs.tabText(i)}")
    choose_first_rows(view, seen, where)


def choose_first_rows(view: QWidget, seen: Seen, where: str) -> None:
    for table in view.findChildren(QAbstractItemView):
        model = table.model()
        if isinstance(table, QHeaderView) or not table.isVisible() or model is None:
            continue
        if model.rowCount(QModelIndex()) and not table.currentIndex().isValid():
            table.setCurrentIndex(model.index(0, 0, QModelIndex()))
            settle()
            seen.widget(view, f"{where} (a row chosen)")


def tour(ctx: Any, tmp_path: Path, qtbot: Any) -> Seen:
    """Show everything the brief names and collect what it shows."""
    from accountdesk.ui.main_window import MainWindow

    seen = Seen()
    window = MainWindow(ctx, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    for spec in window.screen_specs:
        window.show_screen(spec.key)
        settle()
        seen.widget(window, spec.key)
        screen = window.screen_widget(spec.key)
        visit(screen, seen, spec.key)
        if spec.key == "reports":  # each kind of report shows fields and metrics of its own
            kinds = screen.kind  # type: ignore[attr-defined]
            for index in range(kinds.count()):
                kinds.setCurrentIndex(index)
                screen.refresh_metrics()  # type: ignore[attr-defined]  # not after its delay
                settle()
                seen.widget(screen, f"reports › {kinds.itemText(index)}")
    account, contact = first_ids(ctx)
    for kind, record in (("account", account), ("contact", contact)):
        window.open_record(kind, record)
        settle()
        seen.widget(window, kind)
        visit(window.records[-1], seen, kind)
        window.go_back()
    # a record moved to the trash: the status bar's sentence, Undo's text (then undone)
    name = contact_detail(ctx.db, contact).given_name
    ctx.delete("contact", contact, name)
    settle()
    assert name in window.statusBar().currentMessage()  # the sentence was shown
    seen.add(window.statusBar().currentMessage(), "status bar")
    seen.actions(window.menuBar().actions(), "menu bar after a deletion")
    seen.add(window.undo_button.text(), "status bar: undo", mnemonic=True)
    ctx.undo_stack.undo()
    settle()
    seen.add(window.statusBar().currentMessage(), "status bar after undo")
    from accountdesk.ui.import_dialog import ImportDialog

    for dialog, name in dialogs(ctx, window, account, contact):
        dialog.show()
        settle()
        if isinstance(dialog, ImportDialog):  # its preview, as the file's check fills it
            qtbot.waitUntil(dialog.up_to_date, timeout=30_000)
            settle()
        visit(dialog, seen, name)
        dialog.reject()
    window.close()
    return seen


def dialogs(ctx: Any, window: QWidget, account: str, contact: str) -> Iterator[tuple[QDialog, str]]:
    """Every editor and list dialog (as scripts/tour.py --dialogs opens them), new and with a
    stored record where they edit one."""
    from accountdesk.ui.accounts.editor import AccountEditor
    from accountdesk.ui.activity import (
        DealDialog,
        GiftDialog,
        InteractionDialog,
        NoteDialog,
        SurveyDialog,
    )
    from accountdesk.ui.backups import BackupsDialog
    from accountdesk.ui.contacts.editor import ContactEditor
    from accountdesk.ui.culture_panel import CountryNoteDialog
    from accountdesk.ui.followups.planner import PlannerDialog
    from accountdesk.ui.followups.schedule import ScheduleDialog
    from accountdesk.ui.import_dialog import ImportDialog
    from accountdesk.ui.me import MeDialog
    from accountdesk.ui.quicklog.dialog import QuickLogDialog
    from accountdesk.ui.reports.rates import RatesDialog
    from accountdesk.ui.trash.dialog import TrashDialog

    detail = account_detail(ctx.db, account)
    person = contact_detail(ctx.db, contact)
    others = [c.id for c in detail.contacts[:2]]
    yield MeDialog(ctx, window), "me"
    yield AccountEditor(ctx, account, parent=window), "account editor"
    yield AccountEditor(ctx, parent=window), "new account"
    yield ContactEditor(ctx, contact, parent=window), "contact editor"
    yield ContactEditor(ctx, account_id=account, parent=window), "new contact"
    yield QuickLogDialog(ctx, contact_id=contact, parent=window), "quick log"
    yield DealDialog(ctx, account, parent=window), "new deal"
    yield SurveyDialog(ctx, account, parent=window), "new survey"
    yield GiftDialog(ctx, account, parent=window), "new gift"
    yield NoteDialog(ctx, account_id=account, parent=window), "new note"
    if detail.deals:
        yield DealDialog(ctx, account, detail.deals[0], parent=window), "deal"
    if detail.surveys:
        yield SurveyDialog(ctx, account, detail.surveys[0], parent=window), "survey"
    if detail.gifts:
        yield GiftDialog(ctx, account, detail.gifts[0], parent=window), "gift"
    if detail.notes_list:
        yield NoteDialog(ctx, account_id=account, item=detail.notes_list[0], parent=window), "note"
    if person.interactions:
        yield InteractionDialog(ctx, account, person.interactions[0], parent=window), "interaction"
    yield CountryNoteDialog(ctx, person.country, parent=window), "country note"
    yield ScheduleDialog(ctx, contact, parent=window), "schedule"
    yield PlannerDialog(ctx, others, window), "planner"
    yield TrashDialog(ctx, window), "trash"
    yield BackupsDialog(ctx, window), "backups"
    yield RatesDialog(ctx, window), "rates"
    yield ImportDialog(ctx, IMPORTED, window), "import"


@pytest.mark.parametrize("language", LANGS, indirect=True)
def test_no_english_in_a_window(language: str, demo: Any, tmp_path: Path, qtbot: Any) -> None:
    seen = tour(demo, tmp_path, qtbot)
    assert len(seen.texts) > 300  # the tour saw the screens
    findings = Rules.make(language, demo.db).findings(seen)
    assert findings == [], "\n".join(findings)


@pytest.mark.parametrize("lang", LANGS)
def test_the_sweep_finds_an_untranslated_label(lang: str, demo: Any, qtbot: Any) -> None:
    """A label looked up before the language was set, one never translated, one in another
    language and (in Persian) one with ASCII digits and one laid out left to right are found;
    translations, the stored names and an isolated acronym are not."""
    rules = Rules.make(lang, demo.db)
    seen = Seen()
    box = QWidget()
    qtbot.addWidget(box)
    early = QLabel(i18n._("Follow-ups"), box)  # English: looked up before the language
    never = QLabel("Next working window opens soon", box)  # no _() at all
    other = "th" if lang == "fa" else "fa"
    with i18n.use_language(other):
        foreign = QLabel(i18n._("Follow-ups"), box)  # kept from the language before
    with i18n.use_language(lang):
        fine = QLabel(i18n._("Follow-ups"), box)
        digits = QLabel(i18n._("Size") + ": 50-249", box)
        number = QLabel(i18n._("Size") + ": " + i18n.localize_digits("50-249"), box)
    name = QLabel(rules.data[-1] if rules.data else "", box)
    backwards = QLineEdit(box)
    backwards.setPlaceholderText("CSAT (سهم ۴ تا ۵)")
    isolated = QLineEdit(box)
    isolated.setPlaceholderText(isolate_acronyms("CSAT (سهم ۴ تا ۵)"))
    box.show()
    seen.widget(box, "box")
    flagged = {text for text in seen.texts if rules.problem(text)}
    assert {early.text(), never.text(), foreign.text()} <= flagged
    assert fine.text() not in flagged
    assert name.text() not in flagged
    assert number.text() not in flagged
    assert (digits.text() in flagged) == (lang == "fa")
    shaped = {text for text in seen.texts if rules.backwards(seen.shaped[text])}
    assert shaped == ({"CSAT (سهم ۴ تا ۵)"} if lang == "fa" else set())
