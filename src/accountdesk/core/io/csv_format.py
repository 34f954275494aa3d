"""The CSV format of an import: reading a file (its encoding, delimiter and header) and checking
its rows into chunks of values ready to store (:func:`plan_chunks`), all or nothing.

Column names of common address-book and CRM exports ("First Name", "Company", "E-mail
Address" …) are recognised, and the exports of Google Contacts, Outlook, HubSpot, Salesforce,
Zoho CRM and Pipedrive are read with their own tables (:mod:`accountdesk.core.io.sources`,
through :func:`map_header`): several e-mail and phone columns all kept, a full name split
(:mod:`accountdesk.core.io.names`).

Consistency: a header name twice, two columns for one field, a row with more or fewer cells
than the header, and rows of one account that say different things about it are problems;
columns nothing reads are listed in the import's report and kept in the notes when asked.
Columns without a name are not read, nor refused: Excel saves the whole "used range" of a
sheet, every line ending in ``;;;`` when a cell to the right was ever formatted, and a row
may end in empty cells the header has no name for (:attr:`HeaderMap.named_width`).

Formula injection: a spreadsheet may run a cell that starts with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return as a formula, so the export puts a ``'`` before such a cell, as OWASP
advises, and the import takes exactly that one ``'`` away again (:func:`neutralise`,
:func:`restore`).

No database here: this is what the processes that check a large file run
(:mod:`accountdesk.core.io.csv_check`), without loading the database layer;
:mod:`accountdesk.core.io.csv_io` writes what they checked, and exports.
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from accountdesk.core import country_names
from accountdesk.core import validation as v
from accountdesk.core.culture.countries import country_of_phones, zone_of_phones
from accountdesk.core.db.documents import Document, account_document, contact_document
from accountdesk.core.db.ids import new_id, uuid7_from
from accountdesk.core.errors import ImportFailed
from accountdesk.core.i18n import (
    _,
    current_language,
    cut_list,
    format_number,
    ltr_shown,
    ngettext,
)
from accountdesk.core.io import csv_check, sources
from accountdesk.core.io import dates as file_dates
from accountdesk.core.io import mapping as column_mapping
from accountdesk.core.io.mapping import ACCOUNT_COLUMNS, CONTACT_COLUMNS, DATES
from accountdesk.core.io.names import name_order, split_full_name
from accountdesk.core.io.refusal import cancelled, nothing_imported, unreadable
from accountdesk.core.labels import DATE_KIND
from accountdesk.core.labels import label as label_of
from accountdesk.core.records import (
    AccountInput,
    ContactInput,
    ImportantDateInput,
    clean_account,
    clean_contact,
    clean_important_date,
    clean_tags,
    every_problem,
    labelled,
    person_account_name,
    tag_key,
)
from accountdesk.core.validation import NO_REMIND, ValidationError

LIST_SEPARATOR = "; "
#: The first chunk is small, so that the writer starts while the rest is being checked.
FIRST_CHUNK_ROWS = 500
#: Near the end of a file whose length is known, chunks halve down to this size, so that the
#: writer has little left to write once the last row is checked (it wrote a whole chunk of
#: 2,000 rows after the checking had ended: 0.1 s of an import of 30,000 contacts).
LAST_CHUNK_ROWS = 250
MAX_PROBLEMS = 50


class CsvImportError(ImportFailed):
    """A CSV file cannot be imported; nothing was written. ``details`` are the rows'
    problems (:class:`Problem`), when the file was checked in this process."""

    details: list[Problem] = []  # noqa: RUF012 (replaced per error, never mutated)


class UnknownHeader(CsvImportError):
    """No column of the file's header is one AccountDesk knows (nor a product's): the columns
    need a mapping (the import dialog, or ``--map``)."""


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def format_dates(items: Iterable[Any]) -> str:
    """Important dates (stored rows, or :class:`ImportantDateInput`) as an export's cell."""
    out = []
    for item in items:
        when = f"{item.year:04d}-" if item.year else "--"
        entry = f"{item.kind}={when}{item.month:02d}-{item.day:02d}"
        if item.label:
            entry += f" {item.label}"
        if not item.remind:
            entry += " " + NO_REMIND
        out.append(entry)
    return LIST_SEPARATOR.join(out)


def _parse_date(part: str) -> ImportantDateInput:
    """One important date of an ``important_dates`` cell: ``kind=YYYY-MM-DD label``."""
    kind, _sep, rest = part.partition("=")
    when, _sep, label = rest.strip().partition(" ")
    remind = True
    if label.endswith(NO_REMIND):
        remind = False
        label = label[: -len(NO_REMIND)].strip()
    parts = file_dates.iso_parts(when)
    try:
        if parts is None:
            raise ValueError(when)
        year, month, day = parts
        date(2000 if year is None else year, month, day)  # 2000: 29 February is yearly
    except ValueError:
        raise ValidationError(
            _("Important dates"), part, _("write kind=YYYY-MM-DD or kind=--MM-DD")
        ) from None
    return ImportantDateInput(kind.strip(), month, day, year, label or None, remind)


def is_yes(value: str) -> bool:
    """A file's yes/no value (the CSV column marketing_opt_in, a card's
    ``X-ACCOUNTDESK-MARKETING-OPT-IN``): yes in a few languages' words too; anything else,
    empty included, is no."""
    return value.strip().lower() in {"1", "true", "yes", "y", "ja", "jā", "evet", "da"}


def cell_text(value: Any) -> str:
    """A stored value as a file writes it (a CSV export's cell, a card's AccountDesk
    property): a date in ISO 8601, a yes/no as ``yes`` or ``no``, None as nothing; read back
    by the import (:func:`is_yes` for yes/no)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


# --- formulas -------------------------------------------------------------------------------

#: A cell a spreadsheet would run as a formula (OWASP: =, +, -, @, tab, carriage return), after
#: any number of ' already in front of it. The export puts one more ' before such a cell and the
#: import takes one away, so a value that itself starts with '= comes back as it was.
_FORMULA_LIKE = re.compile(r"'*[=+\-@\t\r]")
_NEUTRALISED = re.compile(r"'+[=+\-@\t\r]")


def neutralise(cell: str) -> str:
    """``cell`` as the export writes it: with a ``'`` in front when it could run as a formula."""
    return "'" + cell if _FORMULA_LIKE.match(cell) else cell


def restore(cell: str) -> str:
    """The value of a cell :func:`neutralise` wrote (also a spreadsheet's own text mark)."""
    if not cell.startswith("'"):  # nearly every cell: no pattern to try
        return cell
    return cell[1:] if _NEUTRALISED.match(cell) else cell


def _longest_cell() -> int:
    """The longest cell an export writes for values the app accepts (the limits of
    :mod:`accountdesk.core.validation`), with the ' it may put in front."""
    item = max(
        v.MAX_LENGTHS["label"] + len(":") + max(v.MAX_LENGTHS["email"], v.MAX_LENGTHS["phone"]),
        v.MAX_LENGTHS["tags"],
        len("work_anniversary=2000-01-01 ") + v.MAX_LENGTHS["important_dates"] + len(NO_REMIND) + 1,
    )
    lists = v.MAX_ITEMS * (item + len(LIST_SEPARATOR))
    return max(*v.MAX_LENGTHS.values(), lists) + len("'")


#: The csv module refuses longer cells (131,072 characters by default); the app stores longer
#: notes, and must read back what it wrote.
FIELD_SIZE_LIMIT = _longest_cell()
csv.field_size_limit(max(csv.field_size_limit(), FIELD_SIZE_LIMIT))


# --- reading --------------------------------------------------------------------------------


#: Byte-order marks of the Unicode encodings a CSV file may be saved in besides UTF-8 (UTF-32's
#: before UTF-16's: FF FE 00 00 starts with FF FE).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _decode(raw: bytes, path: Path) -> tuple[str, str | None]:
    """The text of a CSV file's bytes, and the Windows code page it was read in when it is not
    UTF-8 (None for UTF-8, and UTF-16 or UTF-32 with a byte-order mark).

    Outlook desktop writes its export in the code page of its language (Windows-1254 for a
    Turkish Outlook): a header in one of the languages :data:`sources.OUTLOOK_HEADERS` knows,
    itself not UTF-8, says which; otherwise the code page of the user's language is tried. A
    file with a UTF-8 byte-order mark, or with more than twice as many well-formed UTF-8
    letters as bytes UTF-8 cannot read, is UTF-8 with a damaged byte, and is refused naming
    it: read in a code page, every one of its letters would be garbled."""
    for mark, encoding in _BOMS:
        if raw.startswith(mark):
            try:
                return raw.decode(encoding), None
            except UnicodeDecodeError as exc:
                raise CsvImportError(
                    _("{path} is not {encoding} text (byte {offset}).").format(
                        path=ltr_shown(path),
                        encoding=encoding.upper().replace("UTF", "UTF-"),
                        offset=format_number(exc.start),
                    )
                ) from exc
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        not_utf8 = exc
    # the byte in the file (utf-8-sig counts from after the byte-order mark)
    offset = not_utf8.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
    loose = raw.decode("utf-8", errors="replace")
    unreadable = loose.count("\ufffd") - raw.count("\ufffd".encode())
    letters = sum(1 for ch in loose if ch > "\x7f") - unreadable
    first = raw.split(b"\n", 1)[0]
    found = sources.outlook_language(first)
    code_page = found[1] if found else sources.WINDOWS_CODE_PAGES[current_language().code]
    # Outlook's header in its code page says so only when the header itself is not UTF-8 (its
    # names are mostly ASCII: an export saved again as UTF-8 has them too)
    outlook_wrote_it = found is not None and not _is_utf8(first)
    # well-formed UTF-8 letters outnumber the bytes UTF-8 cannot read: a UTF-8 file with a
    # damaged byte. Thai (Windows-874) and Arabic-script (Windows-1256) letters lie where
    # UTF-8's second bytes do, so their text forms UTF-8 pairs by chance, about as many as
    # the bytes that do not ("อุดรธานี" 3 to 2): for them the letters must be more than twice
    # as many
    if code_page in _PAIRING_CODE_PAGES:
        damaged = letters > 2 * unreadable
    else:
        damaged = letters > 0 and letters >= unreadable
    if raw.startswith(b"\xef\xbb\xbf") or (not outlook_wrote_it and damaged):
        raise CsvImportError(
            _(
                "{path} is not UTF-8 text (byte {offset}); save it as CSV UTF-8 and try again."
            ).format(path=ltr_shown(path), offset=format_number(offset))
        ) from not_utf8
    try:
        return raw.decode(code_page), code_page
    except UnicodeDecodeError:
        raise CsvImportError(
            _(
                "{path} is neither UTF-8 text (byte {offset}) nor {encoding} text; save it as "
                "CSV UTF-8 and try again."
            ).format(
                path=ltr_shown(path),
                offset=format_number(offset),
                encoding=sources.code_page_name(code_page),
            )
        ) from not_utf8


#: Code pages whose letters form well-formed UTF-8 pairs by chance (see :func:`_decode`).
_PAIRING_CODE_PAGES = frozenset({"cp874", "cp1256"})


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


#: Characters of the file's text copied at a time for the csv module (see :func:`_lines`).
LINES_BLOCK = 1 << 20


def _lines(content: str, block: int = LINES_BLOCK) -> Iterator[str]:
    """The lines of ``content`` with their ends (``\\r\\n``, ``\\r`` or ``\\n``, as a file
    read with ``newline=""`` gives them), for csv.reader. The text is read a block of about
    ``block`` characters at a time, each ending at the end of a line: one StringIO
    of the whole would copy the whole text (four bytes a character: 600 MB for a file of
    150 MB), and a Python step a line took a tenth of the checking of a large file."""
    return itertools.chain.from_iterable(_blocks(content, block))


def _blocks(content: str, block: int) -> Iterator[io.StringIO]:
    start, size = 0, len(content)
    while start < size:
        end = content.find("\n", start + block)
        if end < 0:  # no line feed after the block: a line ends at a lone \r, or the text does
            end = content.find("\r", start + block)
        end = size if end < 0 else end + 1
        yield io.StringIO(content[start:end], newline="")
        start = end


def read_rows(path: Path) -> tuple[list[str], Iterator[list[str]], int, str | None]:
    """The header, the rows, the number of lines and the code page the file was read in
    (None: UTF-8; see :func:`_decode`)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CsvImportError(unreadable(path, exc)) from exc
    if b"\x00" in raw[:4096] and not raw.startswith(tuple(mark for mark, _enc in _BOMS)):
        raise CsvImportError(
            _("{path} is not a CSV file (it contains binary data).").format(path=ltr_shown(path))
        )
    content, code_page = _decode(raw, path)
    del raw  # the text alone is kept while the rows are read
    reader = csv.reader(_lines(content), csv.excel, delimiter=_delimiter(content))
    try:
        header = next(reader)
    except StopIteration:
        raise CsvImportError(_("{path} is empty.").format(path=ltr_shown(path))) from None
    except csv.Error as exc:
        raise CsvImportError(
            _("{path} is not a CSV file: {reason}").format(path=ltr_shown(path), reason=exc)
        ) from exc
    return (
        [h.strip().lstrip("\ufeff") for h in header],
        _readable(reader, path),
        content.count("\n"),
        code_page,
    )


def read_sample(path: str | Path, rows: int = 0) -> tuple[list[str], list[list[str]]]:
    """The header of the CSV file ``path`` and its first ``rows`` rows that are not empty
    (read as the import reads them); :class:`CsvImportError` if it is not a CSV file."""
    header, reader, _lines, _code_page = read_rows(Path(path))
    found: list[list[str]] = []
    for row in reader:
        if len(found) >= rows:
            break
        if any(cell.strip() for cell in row):
            found.append(row)
    return header, found


def _readable(reader: Any, path: Path) -> Iterator[list[str]]:
    """The rows of ``reader``; one the csv module cannot read (a cell longer than
    :data:`FIELD_SIZE_LIMIT`, as a quote that is never closed makes the rest of the file) is a
    :class:`CsvImportError` naming the line it starts on."""
    last = reader.line_num  # the last line of the rows read so far
    try:
        for row in reader:
            last = reader.line_num
            yield row
    except csv.Error as exc:
        raise CsvImportError(
            _(
                "Line {line} of {path} cannot be read: a cell there is longer than a CSV "
                "cell can be (is a quote left open?). Nothing was imported."
            ).format(line=format_number(last + 1), path=ltr_shown(path))
        ) from exc


def _delimiter(content: str) -> str:
    """The separator the header line uses most: a comma, a semicolon or a tab.

    Only the header is looked at, and the quote is always ": csv.Sniffer reads the data rows
    too and takes cells that begin with the export's ' for quoted ones."""
    end = content.find("\n")
    header = content if end < 0 else content[:end]  # (split would copy the rest of the file)
    return max(",;\t", key=header.count)


@dataclass
class Plan:
    accounts: dict[str, dict[str, Any]] = field(default_factory=dict)  # key -> values
    account_tags: dict[str, list[str]] = field(default_factory=dict)
    contacts: list[dict[str, Any]] = field(default_factory=list)
    contact_tags: dict[str, list[str]] = field(default_factory=dict)
    contact_dates: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    last_row: int = 0  # data rows read so far (the header not counted)
    #: the file's columns (:attr:`HeaderMap.columns`, and :data:`~.mapping.FULL_NAME` when
    #: a whole name is split): what it may change of a record that is already stored
    columns: frozenset[str] = frozenset()
    #: the accounts' and contacts' search documents (:meth:`search_documents`) when the
    #: process that checked them made them (it does while the writer is behind:
    #: :mod:`~accountdesk.core.io.csv_check`); None: the writer makes them
    documents: list[Document] | None = None
    #: None: every account of the plan is written. A set, in a file with a contact_id column
    #: and no account_id column: the accounts the chunk's rows need whatever is stored (an
    #: account's own row, a contact's row without an id); a contact row with a contact_id
    #: needs its account only when that contact is not stored yet, for a stored contact keeps
    #: its account (the file has no account_id column to say another). The writer holds an
    #: account no row needs back until one does (``csv_io._hold_unneeded``).
    accounts_needed: set[str] | None = None
    #: rows that named no country: those whose country was taken from their phone number
    #: (:func:`_phone_country`), and those given the import's chosen one
    #: (:attr:`HeaderMap.default_country`); the report says so (``ImportReport.remarks``)
    countries_from_phones: int = 0
    countries_by_default: int = 0
    #: the accounts of the plan its rows name by name and country, not by id: the writer
    #: finds those that are stored already (``csv_io._match_stored``)
    named_accounts: set[str] = field(default_factory=set)

    def search_documents(self) -> list[Document]:
        """The search documents of the accounts and contacts, from their checked values."""
        docs = [account_document(r, self.account_tags.get(k, ())) for k, r in self.accounts.items()]
        docs += [contact_document(r, self.contact_tags.get(r["id"], ())) for r in self.contacts]
        return docs


def _account_id(name: str, country: str, seed: tuple[int, bytes] | None) -> str:
    if seed is None:
        return new_id()
    ms, key = seed
    digest = hashlib.blake2b(f"{tag_key(name)}\x1f{country}".encode(), key=key, digest_size=10)
    return uuid7_from(ms, int.from_bytes(digest.digest()))


class Cells(dict[str, str]):
    """A row's cells by our column names; a column the file does not have reads as ""."""

    def __missing__(self, key: str) -> str:
        return ""


#: Several e-mail addresses or phone numbers in one cell: Google separates them with " ::: ",
#: Pipedrive and people in spreadsheets with commas, our format with semicolons. No e-mail
#: address or phone number holds any of these.
_MULTI_VALUE = re.compile(r"\s*(?::::|[,;])\s*")
_LISTS = ("emails", "phones")


@dataclass
class HeaderMap:
    """What each column of a file holds, by position: a :class:`~accountdesk.core.io.mapping.
    ColumnMapping` (recognised or chosen) applied to the file's header by :func:`map_header`.

    ``problems`` are the header's own problems (a name twice, two columns for one field);
    ``unknown`` the columns nothing reads, ``kept`` those kept in the notes. A column without
    a name is none of these: nothing reads it, and several are no name twice. Date columns
    (:data:`~accountdesk.core.io.mapping.DATES`) are read in ``date_order`` and in the
    calendar of ``date_language`` (see :func:`read_header_map`)."""

    width: int
    #: the cells a row must have: up to the header's last column with a name (Excel's empty
    #: columns after it may be missing, or more of them there: :meth:`fits`)
    named_width: int = 0
    source: sources.Source | None = None
    single: dict[str, int] = field(default_factory=dict)
    lists: dict[str, list[tuple[int, str | None, int | None]]] = field(default_factory=dict)
    full_name: int | None = None
    unknown: list[tuple[int, str]] = field(default_factory=list)
    kept: list[tuple[int, str]] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # our column -> the file's own name
    header: list[str] = field(default_factory=list)  # the file's names, by position
    problems: list[str] = field(default_factory=list)
    date_order: str | None = None  # dates.DAY_FIRST, MONTH_FIRST; None: not known
    date_language: str | None = None  # the language of the Windows that wrote the file
    #: the country (ISO 3166-1) of a row that names none: chosen for the import (--country,
    #: the import dialog), None: such a row is a problem
    default_country: str | None = None

    @property
    def columns(self) -> set[str]:
        """Our columns the file gives (a full name gives the given and family name)."""
        found = set(self.single) | set(self.lists)
        if self.full_name is not None:
            found |= {"given_name", "family_name"}
        return found

    def fits(self, row: list[str]) -> bool:
        """Whether ``row``, whose number of cells is not the header's, still has a cell for
        every column with a name, and nothing but empty cells after the header's last
        column: a row Excel wrote with empty cells to the right of the data."""
        return len(row) >= self.named_width and not any(c.strip() for c in row[self.width :])

    def own(self, column: str) -> str:
        """The file's name for our ``column``, as messages name it."""
        return self.names.get(column, column)

    def own_of(self, column: str, row: list[str], value: object) -> str:
        """The file's name of the column of ``row`` that gave our list ``column`` (``emails``,
        ``phones``) the item ``value`` (or its label): Outlook has nine phone columns, and a
        bad mobile number is in "Mobile Phone", not in the first of them. Else :meth:`own`."""
        wanted = str(value).strip()
        for index, label, label_index in self.lists.get(column, ()):
            for piece in self._pieces(row, index, label, label_index):
                for item in _split(piece):
                    found_label, found = labelled(item, "")
                    if found.strip() == wanted:
                        return self.header[index]
                    if found_label and found_label == wanted:
                        return self.header[index if label_index is None else label_index]
        return self.own(column)

    def _pieces(
        self, row: list[str], index: int, label: str | None, label_index: int | None
    ) -> list[str]:
        """The items of one list column's cell, each "label:value" when it has a label."""
        cell = restore(row[index].strip())
        if label_index is not None:
            label = _list_label(row[label_index])
        # (our own cell, "work:a@example.lv; home:…", is split where it is read: _split)
        split = self.source is not None or "," in cell or (label is not None and ";" in cell)
        pieces = _MULTI_VALUE.split(cell) if split else [cell]
        return [f"{label}:{p}" if label else p for p in pieces if p]

    def values(self, row: list[str]) -> Cells:
        """The cells of ``row`` by our column names (lists joined as our format writes them)."""
        out = Cells()
        for name, i in self.single.items():
            cell = row[i].strip()
            if cell:  # most cells of a large file are empty, and most others plain text
                out[name] = restore(cell) if cell[0] == "'" else cell
        for name, items in self.lists.items():
            parts = []
            for index, label, label_index in items:
                parts += self._pieces(row, index, label, label_index)
            out[name] = LIST_SEPARATOR.join(parts)
        if self.full_name is not None and not out.get("given_name"):
            full = restore(row[self.full_name].strip())
            whole = split_full_name(full, country_names.country_code(self._place(out)))
            out.update(given_name=whole.given, family_name=whole.family)
            out["name_order"] = out.get("name_order") or whole.order
            if whole.honorific and not out.get("honorific"):
                out["honorific"] = whole.honorific
        kept: list[str] = []
        if self.source is not None:  # another product's cells, as its users write them
            if out.get("tags"):
                out["tags"] = sources.tag_cell(out["tags"])
            written = out.get("subdivision")
            if written:  # a region ISO does not list ("Greater London") is kept, in the notes
                code = sources.region(self._place(out), written)
                if code is None:
                    del out["subdivision"]
                    kept.append(f"{self.own('subdivision')}: {written}")
                else:
                    out["subdivision"] = code
        if self.kept:
            kept += [
                f"{name}: {restore(cell)}"
                for i, name in self.kept
                if (cell := row[i].strip())
                and (self.source is None or self.source.says(name, cell))
            ]
        if kept:
            notes = "personal_notes" if "given_name" in self.columns else "account_notes"
            out[notes] = "\n".join(p for p in (out.get(notes, ""), *kept) if p)
        return out

    def _place(self, cells: Cells) -> str:
        """The country of a row (its :meth:`values`), as it is written."""
        return cells["country"] or cells["account_country"] or self.default_country or ""


def _list_label(cell: str) -> str | None:
    """A label as Google writes it ("* Work", "Mobile", "Work Fax") as ours ("work",
    "mobile", "fax": :func:`validation.written_label`); None if it has no letters."""
    return v.written_label(cell.casefold())


def map_header(
    header: list[str],
    source: str | None = None,
    *,
    keep_unknown: bool = False,
    mapping: column_mapping.ColumnMapping | None = None,
) -> HeaderMap:
    """How to read a file with ``header``: through ``mapping`` (chosen by the user), or the one
    :func:`~accountdesk.core.io.mapping.recognise` makes (the export of ``source``, of the
    product the header shows, or our own format). A column the mapping does not name is not
    imported."""
    if mapping is None:
        mapping = column_mapping.recognise(header, source, keep_unknown=keep_unknown)
    product = sources.SOURCES[mapping.source] if mapping.source else None
    found = HeaderMap(
        width=len(header), source=product, date_order=mapping.date_order, header=list(header)
    )
    first_of: dict[str, int] = {}  # normalised name -> first column
    taken: dict[str, int] = {}  # our single-valued column -> the column that gives it
    labels: list[tuple[int, str]] = []  # columns holding the label of another column
    for index, name in enumerate(header):
        if not name.strip():
            continue  # no name: not read (Excel's empty columns), not a name twice either
        found.named_width = index + 1
        key = sources.normalise(name)
        if key in first_of:
            found.problems.append(
                _("Columns {a} and {b} have the same name, “{name}”.").format(
                    a=format_number(first_of[key] + 1), b=format_number(index + 1), name=name
                )
            )
            continue
        first_of[key] = index
        rule = mapping.rule(name) or column_mapping.Rule(column_mapping.IGNORE)
        target = rule.target
        if target in (column_mapping.IGNORE, column_mapping.NOTES):
            kept = target == column_mapping.NOTES
            (found.kept if kept else found.unknown).append((index, name))
            continue
        if target == column_mapping.LABEL:
            labels.append((index, name))
            continue
        if target in column_mapping.LISTS:
            label_key = sources.normalise(rule.label_from) if rule.label_from else None
            label_index = next(
                (i for i, h in enumerate(header) if sources.normalise(h) == label_key), None
            )
            found.lists.setdefault(target, []).append((index, rule.label, label_index))
            found.names.setdefault(target, name)
            continue
        if target == column_mapping.FULL_NAME:
            found.full_name = index
            for ours in ("given_name", "family_name"):
                found.names.setdefault(ours, name)
            continue
        if target in taken:
            found.problems.append(
                _("Columns “{a}” and “{b}” both give {column}; keep one of them.").format(
                    a=header[taken[target]], b=name, column=target
                )
            )
            continue
        taken[target] = index
        found.single[target] = index
        found.names[target] = name
    read = {label for items in found.lists.values() for _i, _l, label in items}
    orphans = [(index, name) for index, name in labels if index not in read]
    if orphans:  # a label no e-mail or phone column reads its label from: not imported, said
        found.unknown = sorted(found.unknown + orphans)
    if not _about_a_person(found):  # a list of companies: its "Country" is theirs
        for ours, theirs in _PLACE.items():
            if ours in found.single and theirs not in found.single:
                found.single[theirs] = found.single.pop(ours)
                found.names[theirs] = found.names.pop(ours)
    return found


#: The contact's place columns, and the account's they are in a file of accounts alone.
_PLACE = {
    "country": "account_country",
    "subdivision": "account_subdivision",
    "city": "account_city",
    "timezone": "account_timezone",
}


def _about_a_person(found: HeaderMap) -> list[str]:
    """Our columns of ``found`` that only a person has (a name, an e-mail address, a
    birthday …; a place is an account's too), in the file's order."""
    return sorted(
        (c for c in found.columns if c in DATES or (c in CONTACT_COLUMNS and c not in _PLACE)),
        key=lambda c: found.header.index(found.own(c)) if found.own(c) in found.header else 0,
    )


def read_header_map(
    path: Path,
    header: list[str],
    code_page: str | None,
    source: str | None = None,
    *,
    keep_unknown: bool = False,
    mapping: column_mapping.ColumnMapping | None = None,
) -> HeaderMap:
    """:func:`map_header` for the file ``path`` (read in ``code_page``, None for UTF-8), with
    what its date columns need: the language of the Windows that wrote it (a localised Outlook
    header's, else the code page's), for its years' calendar (Thai years of the Buddhist era);
    the order of day and month, unless the mapping chose one: the order of the language its
    header is in, else the order the first of its dates that shows one shows (``17/5/1984``:
    day first). A code page the file was read in for want of a better one (the user's
    language's) does not tell the order. Every process that reads the file finds the same."""
    found = map_header(header, source, keep_unknown=keep_unknown, mapping=mapping)
    dated = [index for column, index in found.single.items() if column in DATES]
    if not dated:
        return found
    told = sources.header_language(header)
    found.date_language = told or sources.code_page_language(code_page)
    found.date_order = found.date_order or sources.date_order(told)
    if found.date_order is None:
        _header, rows, _lines, _code_page = read_rows(path)
        found.date_order = file_dates.first_order(
            row[i] for row in rows for i in dated if i < len(row)
        )
    return found


class Problem(NamedTuple):
    """One problem of a file: its ``row`` (the header is row 1) and the sentence that says it
    (``text``); where it concerns one cell, the file's own ``column`` name, the ``value`` and
    the ``reason`` (the import dialog shows them as a table)."""

    row: int
    text: str
    column: str = ""
    value: str = ""
    reason: str = ""


class RowProblems(Exception):
    """Rows that failed validation."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = problems


def problems_error(problems: list[Problem]) -> CsvImportError:
    """The refusal of a file with ``problems``: the first :data:`MAX_PROBLEMS` of them in the
    order of the rows; the checking stops after one more (:func:`plan_chunks`), which then
    says that the list is cut."""
    details = sorted(problems)[:MAX_PROBLEMS]
    ordered = [p.text for p in details]
    error = CsvImportError(nothing_imported(ordered, cut=len(problems) > MAX_PROBLEMS), ordered)
    error.details = details
    return error


def _row_error(
    row_number: int, column: str, error: ValidationError, *, in_file: bool = True
) -> str:
    """A row's problem naming the column; ``in_file`` False: the file has no such column (a
    value it must give is missing), which the message says."""
    row = format_number(row_number)  # in the language's digits, as the rest of the sentence
    if in_file:
        return _("Row {row}, column {column}: {problem}").format(
            row=row, column=column, problem=error.message
        )
    if error.key == "timezone":
        return _(
            "Row {row}: {problem}. The file has no {column} column, and no phone number of the "
            "row has an area code that tells the zone; add the column (an IANA name such as "
            "America/New_York) or map one to it."
        ).format(row=row, problem=error.message, column=column)
    return _(
        "Row {row}: {problem}. The file has no {column} column; add it or map one to it."
    ).format(row=row, problem=error.message, column=column)


#: The contact cells a row without a given name may not fill: the contact they describe
#: would be lost while the row added only its account (a last name, an e-mail address, a
#: phone number silently left out). Such a row is refused as a contact without its required
#: given name. Notes are not here: --keep-unknown writes account rows' extra cells there.
_CONTACT_DETAILS = (
    "contact_id",
    "family_name",
    "honorific",
    "job_title",
    "emails",
    "phones",
    "important_dates",
    *DATES,
)


def _describes_contact(
    mapping: HeaderMap, columns: Iterable[str], cell: Callable[[str], str]
) -> bool:
    """Whether a row fills any of :data:`_CONTACT_DETAILS`; a date column's cell that holds
    no date (Outlook writes 0/0/00 in an empty one) fills nothing."""
    for column in _CONTACT_DETAILS:
        value = cell(column) if column in columns else ""
        if not value:
            continue
        if column not in DATES:
            return True
        try:
            if file_dates.read(value, mapping.date_order, mapping.date_language) is not None:
                return True
        except ValueError:  # not a date: written, so the row's contact says something
            return True
    return False


_ACCOUNT_FIELD_TO_COLUMN = {c.removeprefix("account_"): c for c in ACCOUNT_COLUMNS}
_ACCOUNT_FIELD_TO_COLUMN["referred_by_id"] = "account_referred_by"


def plan_chunks(
    header: list[str],
    rows: Iterator[list[str]],
    progress: Callable[[int], bool] | None,
    chunk_rows: int | None = None,
    *,
    part: tuple[int, int] = (0, 1),
    part_block: int | None = None,
    seed: tuple[int, bytes] | None = None,
    mapping: HeaderMap | None = None,
    lines: int | None = None,
) -> Iterator[Plan]:
    """Validate the rows, yielding what to write every ``chunk_rows`` rows (fewer near the
    end when the file's number of ``lines`` is given: :data:`LAST_CHUNK_ROWS`).

    After the last row, raises :class:`CsvImportError` if any row had a problem; the caller
    writes the chunks inside one transaction, so that error rolls everything back.

    ``part=(i, n)`` validates only the i-th of n interleaved blocks of rows (for checking in
    several processes); ``seed`` (milliseconds, key) makes the ids of new accounts the same
    in every process, so that the parts agree on which rows share an account.
    """
    chunk_rows = chunk_rows or csv_check.CHUNK_ROWS
    part_block = part_block or csv_check.PART_BLOCK
    part_index, parts = part
    mapping = mapping or map_header(header)
    if mapping.problems:
        raise problems_error([Problem(1, p, reason=p) for p in mapping.problems])
    columns = mapping.columns
    if not columns:
        raise UnknownHeader(
            _("The first line names no column AccountDesk knows; is this a CSV export of contacts?")
        )
    has_contacts = "given_name" in columns
    about_a_person = [] if has_contacts else _about_a_person(mapping)
    if about_a_person:
        quote = _("“{name}”")
        raise CsvImportError(
            _(
                "The file has columns about a person ({columns}) but none with their given "
                "name: map the column that holds the names to “{given}”, or to “{full}” when "
                "it holds whole names."
            ).format(
                columns=cut_list([quote.format(name=mapping.own(c)) for c in about_a_person], 3),
                given=column_mapping.column_label("given_name"),
                full=column_mapping.column_label(column_mapping.FULL_NAME),
            )
        )
    if "account_name" not in columns:
        raise CsvImportError(
            _(
                "The file has no column for the account name: map the column that holds it "
                "to “{column}”."
            ).format(column=column_mapping.column_label("account_name"))
        )
    if (
        "account_country" not in columns
        and "country" not in columns
        and not mapping.default_country
    ):
        raise CsvImportError(
            _(
                "The file has no column for the country: map the column that holds it to "
                "“{country}” or “{account_country}”."
            ).format(
                country=column_mapping.column_label("country"),
                account_country=column_mapping.column_label("account_country"),
            )
        )
    given = frozenset(
        columns | ({column_mapping.FULL_NAME} if mapping.full_name is not None else set())
    )
    # a stored contact's row names no account by id: it keeps the one it is at (Plan)
    kept_accounts = "contact_id" in columns and "account_id" not in columns

    def new_plan() -> Plan:
        return Plan(columns=given, accounts_needed=set() if kept_accounts else None)

    plan = new_plan()
    limit = min(chunk_rows, FIRST_CHUNK_ROWS)  # then chunk_rows
    problems: list[Problem] = []
    account_keys: dict[tuple[str, str], str] = {}
    seen: dict[str, dict[str, Any]] = {}  # every account of the file so far, by key
    first_rows: dict[str, tuple[int, dict[str, str]]] = {}  # key -> its first row and cells
    row_number = 1
    for row_number, row in enumerate(rows, start=2):
        if parts > 1 and (row_number // part_block) % parts != part_index:
            continue
        if len(plan.contacts) + len(plan.accounts) >= limit and not problems:
            plan.last_row = row_number - 1
            yield plan
            plan = new_plan()
            limit = chunk_rows
            if lines is not None:  # (a row has a line at least: what is left is at most this)
                limit = max(LAST_CHUNK_ROWS, min(chunk_rows, (lines - row_number) // 2))
        if progress is not None and row_number % 1000 == 0 and not progress(row_number):
            raise CsvImportError(cancelled())
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != mapping.width and not mapping.fits(row):
            many = len(row) > mapping.width
            short = (
                ngettext(
                    "Row {row} has {n} cell; the header has only {m}.",
                    "Row {row} has {n} cells; the header has only {m}.",
                    len(row),
                )
                if many
                else ngettext(
                    "Row {row} has only {n} cell; the header has {m}.",
                    "Row {row} has only {n} cells; the header has {m}.",
                    len(row),
                )
            ).format(
                row=format_number(row_number),
                n=format_number(len(row)),
                m=format_number(mapping.width if many else mapping.named_width),
            )
            problems.append(Problem(row_number, short, reason=short))
            continue

        cell = mapping.values(row).__getitem__
        errors: list[tuple[ValidationError, str]] = []  # the row's problems, by its part

        # a file's values: the sensible-value rules keep them as written (validation.keeping)
        with v.keeping(from_file=True):
            # the account's country: its own column's, else the contact's column's
            given_in = (
                "account_country" if cell("account_country") or "country" not in columns
                else "country"
            )  # fmt: skip
            country = cell(given_in)
            if not country and cell("phones"):  # none given: an international number's
                country = _phone_country(cell("phones"))
                plan.countries_from_phones += bool(country)
            if not country and mapping.default_country:
                country = mapping.default_country
                plan.countries_by_default += 1
            account_id = cell("account_id")
            code = _country_key(country)
            person = has_contacts and bool(
                cell("given_name") or _describes_contact(mapping, columns, cell)
            )
            name = cell("account_name")
            if not name and person and cell("given_name"):
                # no company: an account of the person's own, as a card without ORG has
                name = person_account_name(
                    cell("given_name"),
                    cell("family_name"),
                    cell("name_order") or name_order(_country_key(cell("country") or country)),
                )
            key = account_id or account_keys.get((tag_key(name), code))
            if key is not None and key in first_rows:
                problems += _disagreements(mapping, key, first_rows[key], row_number, cell)
            account = seen.get(key) if key is not None else None
            if account is None:
                account_data = AccountInput(
                    name=name,
                    country=country,
                    industry=cell("account_industry") or None,
                    size_band=cell("account_size_band") or None,
                    website=cell("account_website") or None,
                    subdivision=cell("account_subdivision") or None,
                    city=cell("account_city") or None,
                    address=cell("account_address") or None,
                    timezone=cell("account_timezone") or _phone_zone(code, cell("phones")),
                    currency=cell("account_currency") or None,
                    tier=cell("account_tier") or None,
                    status=cell("account_status") or None,  # empty: the dates' (account_status)
                    customer_since=cell("account_customer_since") or None,
                    lost_on=cell("account_lost_on") or None,
                    owner=cell("account_owner") or None,
                    referred_by_id=cell("account_referred_by") or None,
                    acquisition_cost=cell("account_acquisition_cost") or None,
                    notes=cell("account_notes") or None,
                )
                try:
                    account_data.acquisition_cost = v.decimal(  # a file's: alike in every language
                        "acquisition_cost", account_data.acquisition_cost, from_file=True
                    )
                    account = clean_account(account_data, typed=False)
                except ValidationError as error:
                    errors += _account_problems(account_data, error, person=person)
                else:
                    key = account_id or _account_id(account["name"], account["country"], seed)
                    account["id"] = key
                    plan.accounts[key] = account
                    if not account_id:
                        plan.named_accounts.add(key)
                    seen[key] = account
                    account_keys[(tag_key(account["name"]), account["country"])] = key
                    first_rows[key] = (
                        row_number,
                        {c: cell(c) for c in ACCOUNT_COLUMNS if c in columns and cell(c)},
                    )
                try:
                    account_tags = clean_tags(_split(cell("account_tags")))
                except ValidationError as error:
                    errors += _tag_problems(cell("account_tags"), error, "account_name")
                else:
                    if account is not None and key is not None:
                        plan.account_tags[key] = account_tags
            if plan.accounts_needed is not None and not cell("contact_id") and key is not None:
                plan.accounts_needed.add(key)  # its own row, or a new contact's
            if person:  # else the account's own row: every contact cell empty
                home = account["country"] if account is not None else code
                contact_country = _country_key(cell("country")) if cell("country") else ""
                contact_data = ContactInput(
                    account_id=key or _NO_ACCOUNT,
                    given_name=cell("given_name"),
                    family_name=cell("family_name"),
                    # its own, else its account's (as written, when the account was refused)
                    country=cell("country") or (country if account is None else home),
                    timezone=cell("timezone") or None,
                    # not said: the order of the contact's country (田中 太郎, Kovács Anna)
                    name_order=cell("name_order") or name_order(contact_country or home),
                    honorific=cell("honorific") or None,
                    job_title=cell("job_title") or None,
                    buying_role=cell("buying_role") or None,
                    emails=_split(cell("emails")),
                    phones=_split(cell("phones")),
                    preferred_channel=cell("preferred_channel") or None,
                    preferred_language=cell("preferred_language") or None,
                    formality=cell("formality") or "formal",
                    subdivision=cell("subdivision") or None,
                    city=cell("city") or None,
                    work_start=cell("work_start") or None,
                    work_end=cell("work_end") or None,
                    personal_notes=cell("personal_notes") or None,
                    how_we_met=cell("how_we_met") or None,
                    lawful_basis=cell("lawful_basis") or None,
                    consent_given_on=cell("consent_given_on") or None,
                    consent_withdrawn_on=cell("consent_withdrawn_on") or None,
                    marketing_opt_in=is_yes(cell("marketing_opt_in")),
                    stay_in_touch_days=cell("stay_in_touch_days") or None,
                )
                if not cell("timezone"):
                    contact_data.timezone = _phone_zone(contact_country or home, cell("phones"))
                    if not contact_data.timezone and contact_country in ("", home) and account:
                        contact_data.timezone = account["timezone"]
                try:  # a bare number labelled as what it is (a mobile's "mobile")
                    contact = clean_contact(contact_data, phones_by_kind=True)
                except ValidationError as error:
                    # the account's country refused again: the problem of the column that
                    # gave it, said once
                    errors += [
                        (
                            e,
                            "account_name"
                            if e.key == "country" and not cell("country")
                            else "given_name",
                        )
                        for e in every_problem(clean_contact, contact_data, error)
                    ]
                try:
                    tags = clean_tags(_split(cell("tags")))
                except ValidationError as error:
                    errors += _tag_problems(cell("tags"), error, "given_name")
                dates = _dates(cell, mapping, errors)
                if not errors:
                    contact_id = cell("contact_id") or new_id()
                    contact["id"] = contact_id
                    plan.contacts.append(contact)
                    plan.contact_tags[contact_id] = tags
                    plan.contact_dates[contact_id] = dates
        if errors:
            problems += _row_problems(row_number, row, errors, mapping, given_in)
        if len(problems) > MAX_PROBLEMS:  # one more than are listed: the list says it is cut
            break
    if problems:
        raise RowProblems(problems)
    plan.last_row = row_number - 1
    yield plan


#: The account a contact is checked with when its row's own account was refused (the row is
#: not imported, and every problem of it is listed).
_NO_ACCOUNT = "-"


def _account_problems(
    data: AccountInput, first: ValidationError, *, person: bool
) -> list[tuple[ValidationError, str]]:
    """Every problem of the row's account (:func:`~accountdesk.core.records.every_problem`),
    ``first`` the one found first. Its name is named "Account name": "Name: is required" read
    as the person's name (Turkish "Ad", a given name). An empty name is no problem of its own
    in the row of a ``person`` without a name, whose account is to be named after them: their
    given name is missing (the contact's problem says so)."""
    found = []
    for error in every_problem(_clean_file_account, data, first):
        if error.key == "name":
            if person and not (data.name or "").strip():
                continue
            error = ValidationError(_("Account name"), error.value, error.reason, key="name")
        found.append((error, "account_name"))
    return found


def _clean_file_account(data: AccountInput) -> dict[str, Any]:
    if isinstance(data.acquisition_cost, str):  # (its number is read as a file's: plan_chunks)
        data.acquisition_cost = v.decimal("acquisition_cost", data.acquisition_cost, from_file=True)
    return clean_account(data, typed=False)


def _tag_problems(
    text_: str, first: ValidationError, part: str
) -> list[tuple[ValidationError, str]]:
    """Every problem of the tags of the cell ``text_`` (``first`` found first)."""
    found = [(first, part)]
    names = _split(text_)
    error = first
    while True:
        rest = [n for n in names if " ".join(n.split()) != error.value]
        if len(rest) == len(names):
            return found
        names = rest
        try:
            clean_tags(names)
        except ValidationError as another:
            found.append((another, part))
            error = another
        else:
            return found


def _dates(
    cell: Callable[[str], str], mapping: HeaderMap, errors: list[tuple[ValidationError, str]]
) -> list[dict[str, Any]]:
    """The row's important dates: its ``important_dates`` cell's and its date columns'
    (:data:`~accountdesk.core.io.mapping.DATES`); each one that is none goes to ``errors``."""
    dates = []
    written = cell("important_dates")
    if written:
        for part in _split(written):
            try:
                dates.append(clean_important_date(_parse_date(part)))
            except ValidationError as error:
                errors.append((error, "important_dates"))
    for target, kind in DATES.items():
        if cell(target):
            try:
                found = _file_date(cell(target), target, kind, mapping)
                if found is not None and not _given(found, dates):
                    dates.append(clean_important_date(found))
            except ValidationError as error:
                errors.append((error, target))
    return dates


def _row_problems(
    row_number: int,
    row: list[str],
    errors: list[tuple[ValidationError, str]],
    mapping: HeaderMap,
    given_in: str,
) -> list[Problem]:
    """The problems of a row, each once (a Country column refused for the account and for its
    contact is one problem), each naming the file's column: its own name, or for a column the
    file lacks the name the import dialog gives it. ``errors`` are (problem, the part of the
    row it was found in: ``account_name``, ``given_name``, ``important_dates`` or a date
    column)."""
    found: dict[str, Problem] = {}
    columns = mapping.columns
    for error, part in errors:
        ours = _column_for(error.key, part)
        if part == "account_name" and ours == "account_country":
            ours = given_in  # a Country column gives the account's too
        in_file = ours in columns
        if not in_file:
            own = column_mapping.column_label(ours)
            named = _("“{name}”").format(name=own)
        elif ours in mapping.lists and error.value is not None:
            own = named = mapping.own_of(ours, row, error.value)
        else:
            own = named = mapping.own(ours)
        problem = Problem(
            row_number,
            _row_error(row_number, named, error, in_file=in_file),
            own,
            "" if error.value is None else v.printable(str(error.value)),
            _("{field}: {reason}").format(field=error.field, reason=error.reason),
        )
        found.setdefault(problem.text, problem)
    return list(found.values())


def _file_date(text_: str, target: str, kind: str, mapping: HeaderMap) -> ImportantDateInput | None:
    """The date of the file's ``target`` column (:data:`~accountdesk.core.io.mapping.DATES`)
    as an important date of ``kind``; None for a cell that holds none (Outlook's 0/0/00). A
    ValidationError names the kind, the value and why it is not a date."""
    try:
        found = file_dates.read(text_, mapping.date_order, mapping.date_language)
    except ValueError as exc:
        raise ValidationError(label_of(DATE_KIND, kind), text_, str(exc), key=target) from None
    if found is None:
        return None
    year, month, day = found
    return ImportantDateInput(kind, month, day, year)


def _given(item: ImportantDateInput, found: list[dict[str, Any]]) -> bool:
    """True when ``found`` (the row's important_dates and date columns so far) has ``item``'s
    date of its kind already: a birthday column and an important_dates column that both give
    it give it once, with the label and reminder the latter says."""
    return any(
        (d["kind"], d["year"], d["month"], d["day"]) == (item.kind, item.year, item.month, item.day)
        for d in found
    )


def _disagreements(
    mapping: HeaderMap,
    key: str,
    first: tuple[int, dict[str, str]],
    row_number: int,
    cell: Callable[[str], str],
) -> list[Problem]:
    """The account columns where ``row_number`` says otherwise than the account's first row
    (an empty cell says nothing; a country is compared as its code, a name without case, as
    the rows are grouped: :func:`~accountdesk.core.records.tag_key`; the first row's spelling
    is the account's)."""
    first_row, cells = first
    found = []
    for column, before in cells.items():
        now = cell(column)
        if not now or now == before or column == "account_id":
            continue
        if column == "account_country":
            same = _country_key(now) == _country_key(before)
        else:
            same = column == "account_name" and tag_key(now) == tag_key(before)
        if not same:
            text_ = _(
                "Rows {first} and {row} are the same account but disagree in column "
                "{column}: “{a}” and “{b}”."
            ).format(
                first=format_number(first_row),
                row=format_number(row_number),
                column=mapping.own(column),
                a=v.printable(before),
                b=v.printable(now),
            )
            found.append(Problem(row_number, text_, mapping.own(column), v.printable(now), text_))
    return found


def _country_key(text_: str) -> str:
    return country_names.country_code(text_) or text_.upper()


def _phone_country(phones: str) -> str:
    """The country of the row's first phone number in international form (as the vCard
    import takes it: :func:`~accountdesk.core.culture.countries.country_of_phones`), or ""."""
    return country_of_phones(labelled(item, "work")[1] for item in _split(phones)) or ""


def _phone_zone(country: str, phones: str) -> str | None:
    """For a country of several zones, the zone the row's phone numbers tell (what other
    products' exports give instead of a zone column); None otherwise."""
    if not phones:
        return None
    return zone_of_phones(country, (labelled(item, "work")[1] for item in _split(phones)))


def _column_for(key: str, section: str) -> str:
    if section == "account_name":
        return _ACCOUNT_FIELD_TO_COLUMN.get(key, key)
    if section == "important_dates" or section in DATES:
        return section
    return {"email": "emails", "phone": "phones", "work_hours": "work_start"}.get(key, key)
