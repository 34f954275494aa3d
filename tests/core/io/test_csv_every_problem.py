"""Every problem of a CSV row is listed, not only its first (records.every_problem: the record's
own checks again with each field found wrong set aside), and a list cut at MAX_PROBLEMS says
that there are more. A rep fixed the problems listed and found new ones in the same rows on the
next try (an invalid phone after the bad e-mail of row 2, 31 February after the phone of row
4), and 120 bad rows were said to be "50 … (and 49 more problems)"."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account
from accountdesk.core.io.csv_format import MAX_PROBLEMS, CsvImportError
from accountdesk.core.io.csv_io import import_csv
from importfiles import write_csv


def test_every_problem_of_each_row_is_listed(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "bad.csv",
        ["First Name", "Last Name", "Company", "Country", "Mobile Phone", "E-mail Address",
         "Birthday"],
        [
            ["Ilze", "Bērziņa", "SIA Baltic Timber", "Latvia", "+371 2612345",
             "ilze@baltictimber", "17.05.1984"],
            ["Ayşe", "Yılmaz", "Anadolu", "Turkey", "0532 123 45 67 ext 12",
             "ayse@anadolu.com.tr", "31.02.1985"],
        ],
    )  # fmt: skip
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert caught.value.problems == [
        "Row 2, column E-mail Address: E-mail: “\u2066ilze@baltictimber\u2069” is not a valid "
        "e-mail address",
        "Row 2, column Mobile Phone: Phone “+371 2612345”: is not a valid phone number for Latvia",
        "Row 3, column Birthday: Birthday “31.02.1985”: is not a date with the day before the "
        "month, as this file writes",
        "Row 3, column Mobile Phone: Phone “0532 123 45 67 ext 12”: contains letters; write the "
        "number in digits",
    ]
    assert caught.value.message.endswith("(and 3 more problems). Nothing was imported.")
    assert [(d.row, d.column) for d in caught.value.details] == [
        (2, "E-mail Address"), (2, "Mobile Phone"), (3, "Birthday"), (3, "Mobile Phone"),
    ]  # fmt: skip


def test_every_problem_of_an_account_and_its_contact(db: Database, tmp_path: Path) -> None:
    """Account cells, contact cells, several values of one cell, tags and dates: each once."""
    path = write_csv(
        tmp_path / "ours.csv",
        ["account_name", "account_country", "account_subdivision", "account_currency",
         "account_acquisition_cost", "given_name", "country", "emails", "tags",
         "important_dates"],
        [["Baltic", "LV", "XX", "ZZZ", "abc", "", "Oz", "bad@; ilze@bt.lv; worse@", "a,b; ok",
          "birthday=1984-02-31"]],
    )  # fmt: skip
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    said = caught.value.problems
    assert [p.split(":")[0] for p in said] == [
        "Row 2, column account_acquisition_cost",
        "Row 2, column account_currency",
        "Row 2, column account_subdivision",
        "Row 2, column country",
        "Row 2, column emails",
        "Row 2, column emails",
        "Row 2, column given_name",
        "Row 2, column important_dates",
        "Row 2, column tags",
    ]
    assert "“\u2066bad@\u2069”" in said[4] and "“\u2066worse@\u2069”" in said[5]
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Account)) == 0  # all or nothing


def test_a_country_refused_for_the_account_and_its_contact_is_one_problem(
    db: Database, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "x.csv",
        ["First Name", "Company", "Country", "E-mail"],
        [["Ilze", "Baltic", "Narnia", "ilze@"]],
    )
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert [p.split(":")[0] for p in caught.value.problems] == [
        "Row 2, column Country",
        "Row 2, column E-mail",  # checked though the country is none
    ]


def _bad_rows(path: Path, count: int) -> Path:
    return write_csv(
        path,
        ["First Name", "Last Name", "Company", "Country", "E-mail Address"],
        [[f"P{n}", f"X{n}", f"Co{n}", "LV", f"bad{n}@nowhere"] for n in range(count)],
    )


def test_a_list_cut_short_says_so(db: Database, tmp_path: Path) -> None:
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, _bad_rows(tmp_path / "many.csv", 120))
    assert len(caught.value.problems) == MAX_PROBLEMS
    assert caught.value.problems[-1].startswith("Row 51, ")
    assert caught.value.message.endswith(
        "(the first 50 problems are listed; there are more). Nothing was imported."
    )


def test_a_list_of_all_the_problems_counts_them(db: Database, tmp_path: Path) -> None:
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, _bad_rows(tmp_path / "fifty.csv", MAX_PROBLEMS))
    assert len(caught.value.problems) == MAX_PROBLEMS
    assert caught.value.message.endswith("(and 49 more problems). Nothing was imported.")


def test_an_accounts_country_its_contact_takes_is_one_problem(db: Database, tmp_path: Path) -> None:
    """The contact has no country column of its own: the account's refused country is its
    too, and said once, of the column that gave it (not of a "Country" the file lacks)."""
    path = write_csv(
        tmp_path / "ours.csv",
        ["account_name", "account_country", "given_name"],
        [["Baltic", "Mars", "Ilze"]],
    )
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert caught.value.problems == [
        "Row 2, column account_country: Country “Mars”: is not an ISO 3166 country code (for "
        "example LV, TH or IR)"
    ]
