"""Importing a file whose rows carry the ids of stored records updates them with what the
file has columns for, and nothing else: a column the file lacks keeps the stored value (the
vCard import keeps what a card does not carry too). Rows of records in the trash are refused."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account
from accountdesk.core.io.csv_format import CsvImportError
from accountdesk.core.io.csv_io import export_csv, import_csv
from accountdesk.core.queries.details import account_detail, contact_detail
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput, ContactInput, ImportantDateInput
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import create_account, create_contact


@pytest.fixture
def stored(db: Database) -> dict[str, str]:
    referrer = create_account(db, AccountInput(name="Bērzi SIA", country="LV"))
    account = create_account(
        db,
        AccountInput(
            name="Acme", country="LV", notes="Key account", website="https://acme.example",
            tags=["vip"], status="active", customer_since="2024-03-01", referred_by_id=referrer,
        ),
    )  # fmt: skip
    contact = create_contact(
        db,
        ContactInput(
            account_id=account, given_name="Zorblat", family_name="Quenty", country="LV",
            emails=["zq@acme.example"], phones=["+371 2914 7730"], personal_notes="likes tea",
            job_title="CFO", tags=["golf"], formality="informal", timezone="Europe/Riga",
            important_dates=[
                ImportantDateInput(kind="birthday", month=3, day=14, year=1980),
                ImportantDateInput(kind="custom", month=6, day=1, label="Name day"),
            ],
        ),
    )  # fmt: skip
    return {"account": account, "contact": contact, "referrer": referrer}


def _file(db: Database, path: Path, keep: list[str], **changes: str) -> Path:
    """Our own export of ``db``, with only the columns ``keep`` and the row of Zorblat changed."""
    out = io.StringIO()
    export_csv(db, out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    header = rows[0]
    zorblat = next(r for r in rows[1:] if r[header.index("given_name")] == "Zorblat")
    for column, value in changes.items():
        zorblat[header.index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(keep)
        writer.writerow([zorblat[header.index(c)] for c in keep])
    return path


def test_a_file_with_a_few_columns_changes_only_those(
    db: Database, stored: dict[str, str], tmp_path: Path
) -> None:
    keep = ["account_id", "account_name", "account_country", "contact_id", "given_name",
            "family_name"]  # fmt: skip
    report = import_csv(db, _file(db, tmp_path / "f.csv", keep, family_name="Quenty-Smith"))
    assert (report.contacts_updated, report.accounts_updated) == (1, 1)
    c = contact_detail(db, stored["contact"])
    assert (c.given_name, c.family_name) == ("Zorblat", "Quenty-Smith")
    assert [v for _l, v in c.emails] == ["zq@acme.example"]
    assert [v for _l, v in c.phones] == ["+37129147730"]
    assert (c.personal_notes, c.job_title, c.formality) == ("likes tea", "CFO", "informal")
    assert c.tags == ["golf"]
    assert sorted((d.kind, d.month, d.day) for d in c.important_dates) == [
        ("birthday", 3, 14), ("custom", 6, 1),
    ]  # fmt: skip
    a = account_detail(db, stored["account"])
    assert (a.notes, a.website, a.status) == ("Key account", "https://acme.example", "active")
    assert a.tags == ["vip"]
    with db.reader() as session:
        assert session.get(Account, stored["account"]).referred_by_id == stored["referrer"]
    # the search index holds the stored record with its new name, e-mail still found
    assert [h.id for h in search(db, "quenty-smith")] == [stored["contact"]]
    assert [h.id for h in search(db, "zq@acme.example")] == [stored["contact"]]
    assert [h.id for h in search(db, "golf")] == [stored["contact"]]


def test_a_column_the_file_has_is_written_even_empty(
    db: Database, stored: dict[str, str], tmp_path: Path
) -> None:
    keep = ["account_id", "account_name", "account_country", "account_tags", "contact_id",
            "given_name", "job_title", "tags", "important_dates"]  # fmt: skip
    import_csv(db, _file(db, tmp_path / "f.csv", keep, job_title="", tags="", important_dates=""))
    c = contact_detail(db, stored["contact"])
    assert c.job_title is None and c.tags == [] and c.important_dates == []
    assert c.personal_notes == "likes tea" and c.family_name == "Quenty"
    assert account_detail(db, stored["account"]).tags == ["vip"]


def test_a_new_country_without_a_zone_column_takes_the_country_zone(
    db: Database, stored: dict[str, str], tmp_path: Path
) -> None:
    keep = ["account_id", "account_name", "account_country", "contact_id", "given_name",
            "country"]  # fmt: skip
    import_csv(db, _file(db, tmp_path / "f.csv", keep, country="EE"))
    c = contact_detail(db, stored["contact"])
    assert (c.country, c.timezone) == ("EE", "Europe/Tallinn")
    # the same country again keeps a zone the user chose
    import_csv(db, _file(db, tmp_path / "g.csv", keep, country="EE"))
    assert contact_detail(db, stored["contact"]).timezone == "Europe/Tallinn"


def test_a_row_of_a_contact_in_the_trash_is_refused(
    db: Database, stored: dict[str, str], tmp_path: Path
) -> None:
    keep = ["account_id", "account_name", "account_country", "contact_id", "given_name",
            "family_name"]  # fmt: skip
    path = _file(db, tmp_path / "f.csv", keep, family_name="Changed")
    trash.delete(db, "contact", stored["contact"])
    with pytest.raises(CsvImportError) as info:
        import_csv(db, path)
    assert f"Contact {stored['contact']} is in the trash" in str(info.value)
    assert "Nothing was imported." in str(info.value)
    trash.restore(db, "contact", stored["contact"])
    assert contact_detail(db, stored["contact"]).family_name == "Quenty"


def test_a_file_without_a_contact_country_leaves_the_contacts_zone(
    db: Database, stored: dict[str, str], tmp_path: Path
) -> None:
    """A contact's row without a country column reads as in its account's country: that must
    not move a contact who lives elsewhere to the account's zone."""
    hans = create_contact(
        db,
        ContactInput(
            account_id=stored["account"], given_name="Hans", family_name="Vogel", country="DE",
            timezone="Europe/Berlin",
        ),
    )  # fmt: skip
    out = io.StringIO()
    export_csv(db, out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    header = rows[0]
    keep = ["account_id", "account_name", "account_country", "contact_id", "given_name",
            "family_name"]  # fmt: skip
    row = next(r for r in rows[1:] if r[header.index("contact_id")] == hans)
    path = tmp_path / "f.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([keep, [row[header.index(c)] for c in keep]])
    import_csv(db, path)
    c = contact_detail(db, hans)
    assert (c.country, c.timezone) == ("DE", "Europe/Berlin")
