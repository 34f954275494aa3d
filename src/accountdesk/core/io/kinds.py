"""Which importer reads a file, by its name: a CSV file goes through a column mapping
(:mod:`.mapping`, :func:`.csv_io.import_csv`); a vCard file (``.vcf``, ``.vcard``) and an
AccountDesk JSON export (``.json``, into an empty database) need none and are read whole by
:func:`import_whole`. The command line and the import dialog both ask here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from accountdesk.core.db.engine import Database
    from accountdesk.core.io.json_io import JsonImportReport
    from accountdesk.core.io.vcard import VCardReport

Kind = Literal["csv", "vcard", "json"]
CARD_SUFFIXES = (".vcf", ".vcard")
JSON_SUFFIXES = (".json",)


def kind_of(path: str | Path) -> Kind:
    """``vcard`` or ``json`` by the file's suffix (any case), else ``csv``."""
    suffix = Path(path).suffix.casefold()
    if suffix in CARD_SUFFIXES:
        return "vcard"
    if suffix in JSON_SUFFIXES:
        return "json"
    return "csv"


def import_whole(
    db: Database,
    path: str | Path,
    *,
    dry_run: bool = False,
    progress: Callable[[int, int], bool] | None = None,
    exclusive: bool = False,
    country: str | None = None,
) -> VCardReport | JsonImportReport:
    """Import a vCard file or an AccountDesk JSON export (a CSV file needs a mapping: a
    ValueError). ``progress(done, total)`` returning False cancels it, nothing written.
    ``exclusive``: as for :func:`~accountdesk.core.io.json_io.import_json` (an export goes
    into an empty database; a vCard file's cards into any, in WAL mode). ``country``: of a
    card that tells none (:func:`~accountdesk.core.io.vcard.import_vcard`; a JSON export
    gives every record's)."""
    kind = kind_of(path)
    if kind == "json":
        from accountdesk.core.io.json_io import import_json

        return import_json(db, path, dry_run=dry_run, progress=progress, exclusive=exclusive)
    if kind == "vcard":
        from accountdesk.core.io.vcard import import_vcard

        return import_vcard(db, path, dry_run=dry_run, progress=progress, country=country)
    raise ValueError(f"{path} is a CSV file: import it through a column mapping")
