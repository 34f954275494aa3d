"""A CSV file's rows that name their company by name and country (no account_id column, as
every other product's export) join the account of that name and country already stored, as a
vCard import's cards do (services.accounts.accounts_by_name, the one rule of both): a second
export from the same CRM, or contacts added to companies already in AccountDesk, no longer
make a second "Baltijas Koks" beside the first one."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, Contact
from accountdesk.core.io import csv_check
from accountdesk.core.io.csv_io import import_csv
from accountdesk.core.io.vcard import import_vcard
from accountdesk.core.services import trash

HEADER = "First Name,Last Name,Company,Country,E-mail Address\n"


def _people(db: Database) -> dict[tuple[str, str], list[str]]:
    """Each live account's name and country, and its contacts' given names."""
    with db.reader() as s:
        rows = s.execute(
            select(Account.name, Account.country, Contact.given_name)
            .outerjoin(Contact, Contact.account_id == Account.id)
            .where(Account.deleted_at.is_(None))
        ).all()
    found: dict[tuple[str, str], list[str]] = {}
    for name, country, given in rows:
        found.setdefault((name, country), [])
        if given:
            found[(name, country)].append(given)
    return {key: sorted(given) for key, given in found.items()}


def _file(tmp_path: Path, name: str, rows: str) -> Path:
    path = tmp_path / name
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def test_a_second_file_adds_its_people_to_the_stored_accounts(db: Database, tmp_path: Path) -> None:
    first = _file(
        tmp_path,
        "first.csv",
        "Ilze,Ozola,Baltijas Koks,Latvia,ilze@koks.lv\nAyşe,Yılmaz,Işık Tekstil,TR,a@isik.tr\n",
    )
    import_csv(db, first)
    second = _file(
        tmp_path,
        "second.csv",
        # another case, the Turkish capital İ; a company of the same name in another country
        # is another company; one not stored at all is new
        "Jānis,Bērziņš,BALTIJAS KOKS,LV,janis@koks.lv\n"
        "Can,Demir,IŞIK TEKSTİL,Turkey,can@isik.tr\n"
        "Linas,Jonaitis,Baltijas Koks,LT,linas@koks.lt\n"
        "Pēteris,Kalniņš,Jūras Zvaigzne,LV,p@zvaigzne.lv\n",
    )
    preview = import_csv(db, second, dry_run=True)
    assert (preview.accounts_created, preview.accounts_found, preview.contacts_created) == (2, 2, 4)
    assert "2 accounts the file names are stored already" in preview.summary()
    report = import_csv(db, second)
    assert (report.accounts_created, report.accounts_found, report.contacts_created) == (2, 2, 4)
    assert "their contacts from the file were added to them" in report.summary()
    assert _people(db) == {
        ("Baltijas Koks", "LV"): ["Ilze", "Jānis"],  # named as it was stored
        ("Işık Tekstil", "TR"): ["Ayşe", "Can"],
        ("Baltijas Koks", "LT"): ["Linas"],
        ("Jūras Zvaigzne", "LV"): ["Pēteris"],
    }


def test_an_account_in_the_trash_is_not_joined(db: Database, tmp_path: Path) -> None:
    import_csv(db, _file(tmp_path, "first.csv", "Ilze,Ozola,Baltijas Koks,LV,ilze@koks.lv\n"))
    with db.reader() as s:
        old = s.scalars(select(Account.id)).one()
    trash.delete(db, "account", old)
    report = import_csv(db, _file(tmp_path, "again.csv", "Jānis,Bērziņš,Baltijas Koks,LV,\n"))
    assert (report.accounts_created, report.accounts_found) == (1, 0)
    assert _people(db) == {("Baltijas Koks", "LV"): ["Jānis"]}


def test_rows_with_an_account_id_are_found_by_it_alone(db: Database, tmp_path: Path) -> None:
    import_csv(db, _file(tmp_path, "first.csv", "Ilze,Ozola,Baltijas Koks,LV,ilze@koks.lv\n"))
    path = tmp_path / "ours.csv"
    path.write_text(
        "account_id,account_name,account_country,given_name,family_name\n"
        "0193c4a2-0000-7000-8000-000000000001,Baltijas Koks,LV,Jānis,Bērziņš\n",
        encoding="utf-8",
    )
    report = import_csv(db, path)
    assert (report.accounts_created, report.accounts_found) == (1, 0)
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Account)) == 2


@pytest.mark.parametrize("apart", [False, True], ids=["checked here", "checked apart"])
def test_every_chunk_finds_the_stored_account(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, apart: bool
) -> None:
    """Chunks checked in two processes each carry the file's account; every one of them
    joins the stored account, which is counted once."""
    import_csv(db, _file(tmp_path, "first.csv", "Ilze,Ozola,Baltijas Koks,LV,ilze@koks.lv\n"))
    if apart:
        monkeypatch.setattr(csv_check, "PARALLEL_MIN_BYTES", 0)
        monkeypatch.setattr(csv_check, "CHUNK_ROWS", 50)
        monkeypatch.setattr(csv_check, "PART_BLOCK", 40)
        monkeypatch.setattr(csv_check, "CHECKERS", 2)
    rows = "".join(
        f"Person{n},Family{n},{'BALTIJAS KOKS' if n % 2 else 'Baltijas Koks'},LV,p{n}@koks.lv\n"
        for n in range(400)
    )
    path = tmp_path / "many.csv"
    path.write_text(
        "given_name,family_name,account_name,account_country,emails\n" + rows,
        encoding="utf-8",
    )
    report = import_csv(db, path)
    assert (report.accounts_created, report.accounts_found, report.contacts_created) == (0, 1, 400)
    assert len(_people(db)[("Baltijas Koks", "LV")]) == 401


def test_the_vcard_import_finds_stored_accounts_by_the_same_rule(
    db: Database, tmp_path: Path
) -> None:
    import_csv(db, _file(tmp_path, "first.csv", "Ayşe,Yılmaz,Işık Tekstil,TR,a@isik.tr\n"))
    card = tmp_path / "can.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Demir;Can;;;\r\nFN:Can Demir\r\n"
        "ORG:IŞIK TEKSTİL\r\nADR;TYPE=WORK:;;;İstanbul;;;Türkiye\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    import_vcard(db, card)
    assert _people(db) == {("Işık Tekstil", "TR"): ["Ayşe", "Can"]}
