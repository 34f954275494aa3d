"""Exporting everything to a file or a stream, in one of the export formats: the one place
the command line (``accountdesk export``) and the app (File → Export…) go through.

- ``csv``: one row per contact with its account's columns (:func:`~accountdesk.core.io.csv_io.
  export_csv`), for spreadsheets and other products; a file starts with a UTF-8 byte-order
  mark, without which Excel reads the letters of Latvian, Thai or Persian names as the
  letters of the Windows code page ("BÄ“rziÅ†a"); the import reads either. Standard output
  gets none (a pipe's reader does not expect one);
- ``json``: every record of every table (:func:`~accountdesk.core.io.json_io.export_json`),
  to move everything to another database;
- ``vcard``: the contacts as cards (:func:`~accountdesk.core.io.vcard.export_vcard`), for an
  address book or a phone.

A file is written all at once and private (:func:`accountdesk.core.files.replacing`): a
failure, or the user stopping the export, leaves what was at the path as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

from accountdesk.core.db.engine import Database
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import _, format_number, ngettext

#: The formats, with the extension a file of each gets (:func:`accountdesk.core.io.kinds.kind_of`
#: reads them back by it).
FORMATS = {"csv": ".csv", "json": ".json", "vcard": ".vcf"}
#: The byte-order mark a CSV file starts with (see the module's text).
BOM = "\ufeff"


class ExportStopped(UserError):
    """The user stopped the export; nothing was written."""


def export_to(
    db: Database,
    out: IO[str],
    kind: str,
    *,
    raw: bool = False,
    contact_ids: Sequence[str] | None = None,
    vcard_version: str | None = None,
) -> str:
    """Write the export of ``kind`` (:data:`FORMATS`) to ``out``; the sentence that says how
    much was written ("Exported 1,234 rows."). ``raw``: CSV cells as stored (no ``'`` before
    what a spreadsheet would run as a formula); ``contact_ids`` and ``vcard_version``: the
    cards of a vCard export."""
    if kind == "csv":
        from accountdesk.core.io.csv_io import export_csv

        count = export_csv(db, out, raw=raw)
        return ngettext("Exported {n} row.", "Exported {n} rows.", count).format(
            n=format_number(count)
        )
    if kind == "vcard":
        from accountdesk.core.io.vcard import DEFAULT_VERSION, export_vcard

        count = export_vcard(
            db, out, contact_ids=contact_ids, version=vcard_version or DEFAULT_VERSION
        )
        return ngettext("Exported {n} card.", "Exported {n} cards.", count).format(
            n=format_number(count)
        )
    if kind == "json":
        from accountdesk.core.io.json_io import export_json

        total = sum(export_json(db, out).values())
        return ngettext("Exported {n} record.", "Exported {n} records.", total).format(
            n=format_number(total)
        )
    raise ValueError(f"unknown export format {kind!r}")


class _Watched:
    """A text stream that asks ``go_on`` before each write whether to go on (False: the user
    stopped the export, :class:`ExportStopped` ends it)."""

    def __init__(self, stream: IO[str], go_on: Callable[[], bool]) -> None:
        self._stream = stream
        self._go_on = go_on

    def write(self, text: str) -> int:
        if not self._go_on():
            raise ExportStopped(_("The export was stopped; no file was written."))
        return self._stream.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def export_file(
    db: Database,
    path: Path,
    kind: str,
    *,
    go_on: Callable[[], bool] | None = None,
    **options: Any,
) -> str:
    """Write the export of ``kind`` to the file ``path`` (replaced all at once; a CSV file
    with its byte-order mark); the sentence of :func:`export_to`. ``go_on`` is asked as the
    export goes whether to go on (the app's Cancel): when it says no, :class:`ExportStopped`
    is raised and ``path`` is left as it was."""
    from accountdesk.core.files import replacing

    with replacing(path) as stream:
        out: Any = _Watched(stream, go_on) if go_on is not None else stream
        if kind == "csv":
            out.write(BOM)
        return export_to(db, out, kind, **options)
