"""The one message of an import refused as a whole (core/io/refusal.py), which the CSV, vCard,
JSON and exchange-rate imports all give."""

from __future__ import annotations

from pathlib import Path

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.errors import ImportFailed
from accountdesk.core.i18n import use_language
from accountdesk.core.io.csv_io import import_csv
from accountdesk.core.io.json_io import import_json
from accountdesk.core.io.refusal import nothing_imported, unreadable
from accountdesk.core.io.vcard import import_vcard
from accountdesk.core.services.rates import RatesImportError, read_rates_file


def test_one_problem_ends_in_one_full_stop() -> None:
    assert nothing_imported(["Row 3: no name."]) == "Row 3: no name. Nothing was imported."
    assert nothing_imported(["Row 3: no name"]) == "Row 3: no name. Nothing was imported."


def test_more_problems_are_counted() -> None:
    assert nothing_imported(["Row 3: no name.", "Row 4: no name."]) == (
        "Row 3: no name (and 1 more problem). Nothing was imported."
    )
    assert nothing_imported(["A.", "B.", "C."]) == (
        "A (and 2 more problems). Nothing was imported."
    )


def test_the_count_is_in_the_language() -> None:
    with use_language("fa"):
        message = nothing_imported(["x", *["y"] * 12])
    assert "۱۲" in message and "12" not in message


def test_the_rates_import_counts_every_problem_and_shows_the_first_ones(tmp_path: Path) -> None:
    path = tmp_path / "rates.csv"
    rows = "".join(f"YEN,1.5,2026-01-{day:02d}\n" for day in range(1, 26))
    path.write_text("currency,rate,date\n" + rows, encoding="utf-8")
    with pytest.raises(RatesImportError) as raised:
        read_rates_file(path, "EUR")
    assert raised.value.problems == raised.value.problems[:20] and len(raised.value.problems) == 20
    assert str(raised.value).endswith("(and 24 more problems). Nothing was imported.")


def test_a_file_the_system_refuses_is_named_with_why_by_every_importer(
    db: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "contacts.csv"
    folder.mkdir()
    expected = unreadable(folder, IsADirectoryError(21, "Is a directory"))
    assert expected.startswith(f"{folder} cannot be read: ")
    for read in (
        lambda: import_csv(db, folder),
        lambda: import_vcard(db, folder),
        lambda: import_json(db, folder),
        lambda: read_rates_file(folder, "EUR"),
    ):
        with pytest.raises(ImportFailed) as raised:
            read()
        assert str(raised.value) == expected


def test_a_list_cut_short_says_there_are_more_instead_of_a_count() -> None:
    """The CSV check stops after MAX_PROBLEMS problems: their number is not all there are."""
    assert nothing_imported(["A.", *["B."] * 49], cut=True) == (
        "A (the first 50 problems are listed; there are more). Nothing was imported."
    )
    with use_language("fa"):
        message = nothing_imported(["x", *["y"] * 49], cut=True)
    assert "۵۰" in message and "50" not in message
