"""Excel saves the whole "used range" of a sheet: once a cell to the right of the data was used
or formatted, every line of the CSV file ends in ``;;;``, the header too, and a row may end in
more empty cells than the header has. Those columns have no name and no values: they are not
read, and not refused (they were "columns 5 and 6 have the same name", which the import
dialog, showing only named columns, gave no way to fix)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, Contact
from accountdesk.core.io.csv_format import CsvImportError, RowProblems, map_header, plan_chunks
from accountdesk.core.io.csv_io import import_csv


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_with_empty_columns_after_the_header_imports(db: Database, tmp_path: Path) -> None:
    path = _write(
        tmp_path / "excel.csv",
        "First Name;Last Name;Company;Country;;;\n"
        "Ilze;Ozola;Baltic;Latvia;;;\n"
        "Jan;Novak;Krka;Slovenia;;;\n"
        ";;;;;;\n",
    )
    report = import_csv(db, path)
    assert (report.accounts_created, report.contacts_created) == (2, 2)
    assert report.unknown_columns == ()  # nothing to list: no name, no value
    with db.reader() as s:
        stored = sorted(
            s.execute(
                select(Account.name, Account.country, Contact.given_name, Contact.family_name).join(
                    Contact, Contact.account_id == Account.id
                )
            ).all()
        )
    assert stored == [("Baltic", "LV", "Ilze", "Ozola"), ("Krka", "SI", "Jan", "Novak")]


def test_a_row_may_end_in_empty_cells_the_header_has_no_column_for() -> None:
    header = ["First Name", "Last Name", "Company", "Country"]
    rows = [["Ilze", "Ozola", "Baltic", "Latvia", "", " "], ["Jan", "Novak", "Krka", "Slovenia"]]
    (plan,) = plan_chunks(header, iter(rows), None)
    assert [(c["given_name"], c["country"]) for c in plan.contacts] == [
        ("Ilze", "LV"),
        ("Jan", "SI"),
    ]


def test_a_row_may_leave_out_the_cells_of_empty_columns_at_the_end() -> None:
    header = ["First Name", "Last Name", "Company", "Country", "", ""]
    rows = [["Ilze", "Ozola", "Baltic", "Latvia"], ["Jan", "Novak", "Krka", "Slovenia", ""]]
    (plan,) = plan_chunks(header, iter(rows), None)
    assert [c["given_name"] for c in plan.contacts] == ["Ilze", "Jan"]


def test_columns_without_a_name_are_neither_a_name_twice_nor_listed() -> None:
    found = map_header(["First Name", "", "Company", "Country", "", "", ""])
    assert found.problems == []
    assert found.unknown == []
    assert found.named_width == 4
    assert found.single == {"given_name": 0, "account_name": 2, "country": 3}


def test_a_value_after_the_headers_last_column_is_still_refused() -> None:
    """An empty cell there is Excel's; a value is data the header has no column for."""
    header = ["First Name", "Company", "Country", ""]
    rows = [["Ilze", "Baltic", "Latvia", "", "", "x"]]
    with pytest.raises(RowProblems) as caught:
        list(plan_chunks(header, iter(rows), None))
    assert [p.text for p in caught.value.problems] == ["Row 2 has 6 cells; the header has only 4."]


def test_a_row_without_a_cell_for_a_named_column_is_still_refused(
    db: Database, tmp_path: Path
) -> None:
    path = _write(
        tmp_path / "short.csv",
        "First Name;Last Name;Company;Country;;\nIlze;Ozola;Baltic;;\nJan;Novak;Krka\n",
    )
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    # (row 2's empty Country is a problem of its own; its cells are all there)
    assert "Row 3 has only 3 cells; the header has 4." in caught.value.problems
