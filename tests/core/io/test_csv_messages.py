"""What an import says: a sentence for each count, each count with its own plural form."""

from __future__ import annotations

from pathlib import Path

import pytest

from accountdesk.core import i18n
from accountdesk.core.db.engine import Database
from accountdesk.core.io.csv_format import CsvImportError
from accountdesk.core.io.csv_io import ImportReport, import_csv
from importfiles import write_csv


def test_the_summary_gives_each_count_its_own_plural() -> None:
    one = ImportReport(rows=1, accounts_created=1, contacts_created=1)
    assert one.summary() == "Imported 1 row. Added 1 account. Added 1 contact."
    many = ImportReport(
        rows=1200, accounts_created=2, contacts_created=0, accounts_updated=1, contacts_updated=2
    )
    assert many.summary() == (
        "Imported 1,200 rows. Added 2 accounts. Added 0 contacts. Updated 3 existing records."
    )


def test_a_check_says_what_would_happen_and_that_nothing_was_written() -> None:
    report = ImportReport(rows=3, accounts_created=1, contacts_created=2, dry_run=True)
    assert report.summary() == (
        "Checked 3 rows; nothing was written. The import would add 1 account. "
        "The import would add 2 contacts."
    )
    updating = ImportReport(rows=1, contacts_updated=1, dry_run=True)
    # a check updates nothing: it says what the import would update
    assert updating.summary().endswith("The import would update 1 existing record.")


def test_counts_are_written_in_the_languages_digits() -> None:
    with i18n.use_language("fa"):
        text = ImportReport(rows=120, accounts_created=40, contacts_created=80).summary()
    assert "۱۲۰" in text and "۴۰" in text and "۸۰" in text
    assert not any(ch in text for ch in "0123456789")


def test_a_row_longer_than_the_header_is_one_sentence(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "long.csv",
        ["account_name", "account_country"],
        [["Dzintars", "LV", "extra"], ["Vējš", "LV", "one", "two"]],
    )
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert caught.value.problems == [
        "Row 2 has 3 cells; the header has only 2.",
        "Row 3 has 4 cells; the header has only 2.",
    ]
    assert caught.value.message == (
        "Row 2 has 3 cells; the header has only 2 (and 1 more problem). Nothing was imported."
    )
