"""Importing a file whose rows carry the ids of stored records updates them with what the
file has columns for, and nothing else: a column the file lacks keeps the stored value (the
vCard import keeps what a card does not carry too). Rows of records in the trash are refused."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account
from accountdesk.core.io import csv_check, csv_format
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


def _accounts(db: Database) -> list[str]:
    with db.reader() as session:
        return sorted(session.scalars(select(Account.name)))


def _lines(path: Path, *rows: str) -> Path:
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_contact_updated_by_its_id_stays_at_its_account(
    db: Database, stored: dict[str, str], tmp_path: Path
) -> None:
    """A file with contact_id and no account_id names no account by id: the stored contact
    keeps the one it is at, and no account is added for its row, however often it is
    imported (a second "Acme" took the contact away from its history)."""
    contact = stored["contact"]
    path = _lines(
        tmp_path / "f.csv",
        "contact_id,account_name,account_country,given_name,job_title",
        f"{contact},Acme,LV,Zorblat,Head of Purchasing",
    )
    before = _accounts(db)
    dry = import_csv(db, path, dry_run=True)
    assert (dry.accounts_created, dry.contacts_updated) == (0, 1)
    for _time in range(2):
        report = import_csv(db, path)
        assert (report.accounts_created, report.contacts_created) == (0, 0)
        assert report.contacts_updated == 1
    assert _accounts(db) == before
    c = contact_detail(db, contact)
    assert (c.account_id, c.job_title) == (stored["account"], "Head of Purchasing")
    # a row naming another company changes no account either: the file has no account_id
    other = _lines(
        tmp_path / "g.csv",
        "contact_id,account_name,account_country,given_name",
        f"{contact},Elsewhere SIA,LV,Zorblat",
    )
    assert import_csv(db, other).accounts_created == 0
    assert _accounts(db) == before
    assert contact_detail(db, contact).account_id == stored["account"]


def test_an_account_held_for_a_stored_contact_is_written_for_a_new_one(
    db: Database, stored: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The account a stored contact's row names is written once a row needs it: a new
    contact's, in this chunk or a later one (chunks of two rows here)."""
    monkeypatch.setattr(csv_check, "CHUNK_ROWS", 2)
    monkeypatch.setattr(csv_format, "FIRST_CHUNK_ROWS", 2)
    new_id_ = "01900000-0000-7000-8000-0000000000aa"  # an id of another database
    path = _lines(
        tmp_path / "f.csv",
        "contact_id,account_name,account_country,given_name",
        f"{stored['contact']},Koks SIA,LV,Zorblat",
        ",Other SIA,LV,Olga",
        ",Third SIA,LV,Ivo",
        ",Koks SIA,LV,Ilze",  # a later chunk: the account held since the first row
        f"{new_id_},Koks SIA,LV,Māris",
    )
    report = import_csv(db, path)
    assert (report.accounts_created, report.contacts_created) == (3, 4)
    assert _accounts(db) == ["Acme", "Bērzi SIA", "Koks SIA", "Other SIA", "Third SIA"]
    assert contact_detail(db, stored["contact"]).account_id == stored["account"]
    koks = next(h.id for h in search(db, "koks") if h.kind == "account")  # indexed once written
    assert contact_detail(db, new_id_).account_id == koks
    ilze = next(h.id for h in search(db, "ilze") if h.kind == "contact")
    assert contact_detail(db, ilze).account_id == koks


def _lose(db: Database, account_id: str, lost_on: str) -> None:
    from accountdesk.core.services.accounts import account_for_edit, update_account

    loaded = account_for_edit(db, account_id)
    loaded.data.status, loaded.data.lost_on = "lost", lost_on
    update_account(db, account_id, loaded.data, expected_version=loaded.version)


def test_a_lost_account_the_file_makes_a_customer_again_keeps_its_earlier_period(
    db: Database, stored: dict[str, str], tmp_path: Path
) -> None:
    """The file writes the dates of a stored account through the rule the editor's save
    follows (records.customer_history): the import wrote them as they were, and the
    account's period 2024-03-01 – 2025-02-01, with its churn, was gone."""
    _lose(db, stored["account"], "2025-02-01")
    keep = ["account_id", "account_name", "account_country", "account_status",
            "account_customer_since", "account_lost_on", "contact_id", "given_name"]  # fmt: skip
    path = _file(
        db, tmp_path / "f.csv", keep,
        account_status="active", account_customer_since="2025-06-01", account_lost_on="",
    )  # fmt: skip
    import_csv(db, path)
    a = account_detail(db, stored["account"])
    assert (a.customer_since, a.lost_on) == (date(2025, 6, 1), None)
    assert a.earlier_periods == ((date(2024, 3, 1), date(2025, 2, 1)),)


def test_a_customer_since_inside_an_earlier_period_is_refused_naming_the_account(
    db: Database, stored: dict[str, str], tmp_path: Path
) -> None:
    _lose(db, stored["account"], "2025-02-01")
    keep = ["account_id", "account_name", "account_country", "account_customer_since",
            "account_lost_on", "contact_id", "given_name"]  # fmt: skip
    import_csv(
        db,
        _file(db, tmp_path / "f.csv", keep, account_customer_since="2025-06-01",
              account_lost_on=""),
    )  # fmt: skip
    with pytest.raises(CsvImportError) as refused:
        import_csv(
            db,
            _file(db, tmp_path / "g.csv", keep, account_customer_since="2024-09-01",
                  account_lost_on=""),
        )  # fmt: skip
    message = str(refused.value)
    assert f"Account {stored['account']}, column account_customer_since" in message
    assert "is before the end of the earlier period as a customer" in message
    a = account_detail(db, stored["account"])
    assert (a.customer_since, a.earlier_periods) == (
        date(2025, 6, 1),
        ((date(2024, 3, 1), date(2025, 2, 1)),),
    )
