"""Which importer reads a file: one answer for the command line and the import dialog."""

from __future__ import annotations

from pathlib import Path

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.io.kinds import import_whole, kind_of

DATA = Path(__file__).parents[2] / "data"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("contacts.csv", "csv"),
        ("contacts.CSV", "csv"),
        ("contacts.txt", "csv"),
        ("contacts", "csv"),
        ("cards.vcf", "vcard"),
        ("Cards.VCF", "vcard"),
        ("cards.vcard", "vcard"),
        ("export.json", "json"),
        ("export.JSON", "json"),
    ],
)
def test_kind_by_the_name(name: str, kind: str) -> None:
    assert kind_of(name) == kind


def test_a_whole_file_is_imported_by_its_kind(db: Database) -> None:
    report = import_whole(db, DATA / "apple_contacts_v3.vcf", dry_run=True)
    assert report.summary().startswith("Checked 3 cards; nothing was written.")
    assert report.remarks()  # what a vCard import did not keep
    with pytest.raises(ValueError, match="column mapping"):
        import_whole(db, DATA / "google_contacts.csv")
