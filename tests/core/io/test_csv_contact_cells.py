"""A contact's cells read from a file as the editor reads them.

A contact's own stay-in-touch cadence: a whole number of days from 1 to
3,650, as the contact editor takes it (one rule: records.clean_contact). A cell that was no
number ("monthly", "30.5") was dropped without a word, and a huge one overflowed."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Contact
from accountdesk.core.io.csv_format import CsvImportError
from accountdesk.core.io.csv_io import import_csv

HEADER = ["account_name", "account_country", "given_name", "family_name", "country",
          "stay_in_touch_days"]  # fmt: skip


def _file(tmp_path: Path, *cadences: str) -> Path:
    path = tmp_path / "people.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for n, days in enumerate(cadences):
            writer.writerow(["Ābele SIA", "LV", f"Anna{n}", "Ozola", "LV", days])
    return path


def test_whole_days_are_kept_and_an_empty_cell_is_none(db: Database, tmp_path: Path) -> None:
    import_csv(db, _file(tmp_path, "30", "", "۱۴"))
    with db.reader() as session:
        found = dict(session.execute(select(Contact.given_name, Contact.stay_in_touch_days)).all())
    assert found == {"Anna0": 30, "Anna1": None, "Anna2": 14}


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        ("monthly", "is not a whole number"),
        ("30.5", "is not a whole number"),
        ("0", "must be between 1 and 3,650"),
        ("99999999999999999999", "must be between 1 and 3,650"),
    ],
)
def test_what_is_no_cadence_refuses_the_file_naming_row_and_column(
    cell: str, said: str, db: Database, tmp_path: Path
) -> None:
    with pytest.raises(CsvImportError) as refused:
        import_csv(db, _file(tmp_path, "30", cell))
    [problem] = refused.value.problems
    assert problem.startswith("Row 3, column stay_in_touch_days:") and said in problem
    with db.reader() as session:
        assert session.scalars(select(Contact)).first() is None  # all or nothing


def test_a_zone_written_in_other_letter_case_is_the_zone(db: Database, tmp_path: Path) -> None:
    """A file's "europe/riga" is Europe/Riga, as `config set user.zone` takes it."""
    path = tmp_path / "zones.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["account_name", "account_country", "given_name", "country", "timezone"])
        writer.writerow(["Ābele SIA", "LV", "Anna", "LV", "europe/riga"])
    import_csv(db, path)
    with db.reader() as session:
        assert session.scalars(select(Contact.timezone)).one() == "Europe/Riga"
