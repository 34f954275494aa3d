"""A list of companies (a file without a column about a person) imports as accounts, its
"Country", "City" … theirs: it was refused because "Country" is the contact's column ("The file
has contact columns but no given_name column"). A file with columns about a person but none
with their name says which columns those are, and what to map the names' column to, by the
names the import dialog shows (never an internal column name such as given_name)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, Contact
from accountdesk.core.io.csv_format import CsvImportError, map_header
from accountdesk.core.io.csv_io import import_csv


def test_a_list_of_companies_with_a_country_column_imports_as_accounts(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "companies.csv"
    path.write_text(
        "Company,Country,City,Website,Industry\n"
        "Baltic Timber,Latvia,Rīga,https://bt.lv,Wood\n"
        "Anadolu Tekstil,Türkiye,İstanbul,,Textiles\n",
        encoding="utf-8",
    )
    report = import_csv(db, path)
    assert (report.accounts_created, report.contacts_created) == (2, 0)
    with db.reader() as s:
        stored = sorted(
            s.execute(
                select(
                    Account.name, Account.country, Account.city, Account.website, Account.industry
                )
            ).all()
        )
        assert s.scalar(select(func.count()).select_from(Contact)) == 0
    assert stored == [
        ("Anadolu Tekstil", "TR", "İstanbul", None, "Textiles"),
        ("Baltic Timber", "LV", "Rīga", "https://bt.lv", "Wood"),
    ]


def test_in_a_file_of_accounts_the_place_columns_are_the_accounts() -> None:
    found = map_header(["Company", "Country", "City", "Time Zone"])
    assert found.single == {
        "account_name": 0,
        "account_country": 1,
        "account_city": 2,
        "account_timezone": 3,
    }
    assert found.own("account_country") == "Country"  # a problem names the file's column
    # with a person's column, they are the person's
    found = map_header(["Company", "Country", "City", "First Name"])
    assert set(found.single) == {"account_name", "country", "city", "given_name"}


def test_a_file_about_people_without_their_names_says_what_to_map(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "\ufeffWho;Company;Country;Phone;E-mail;Date of birth\n"  # "Who": no name column known
        "Ilze Ozola;Baltic Timber;Latvia;+371 26 123 456;ilze@bt.lv;17.05.1984\n",
        encoding="utf-8",
    )
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert caught.value.message == (
        "The file has columns about a person (“Phone”, “E-mail”, “Date of birth”) but none "
        "with their given name: map the column that holds the names to “Given name”, or to "
        "“Full name (split into given and family name)” when it holds whole names."
    )
    assert "given_name" not in caught.value.message
