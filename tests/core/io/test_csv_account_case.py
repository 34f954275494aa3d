"""Rows whose company names differ only in case are one account, named as its first row writes
it, Turkish dotted and dotless I included (records.tag_key, what makes two tags one tag). The
import grouped rows by ``str.casefold`` and then compared the name exactly: "SIA Baltic Timber"
and "SIA BALTIC TIMBER" refused the whole file as rows of one account that disagree, and
"IŞIK TEKSTİL" ("işik teksti̇l" casefolded) became a second account beside "Işık Tekstil"."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, Contact
from accountdesk.core.io.csv_format import RowProblems, _account_id, plan_chunks
from accountdesk.core.io.csv_io import import_csv


def _accounts(db: Database) -> dict[str, list[str]]:
    """Each account's name and its contacts' given names."""
    with db.reader() as s:
        rows = s.execute(
            select(Account.name, Contact.given_name).join(Contact, Contact.account_id == Account.id)
        ).all()
    found: dict[str, list[str]] = {}
    for name, given in rows:
        found.setdefault(name, []).append(given)
    return {name: sorted(given) for name, given in found.items()}


def test_names_that_differ_only_in_case_are_one_account(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "outlook.csv"
    path.write_text(
        "First Name,Last Name,Company,Country,E-mail Address\n"
        "Ilze,Ozola,SIA Baltic Timber,Latvia,ilze@bt.lv\n"
        "Jānis,Bērziņš,SIA BALTIC TIMBER,Latvia,janis@bt.lv\n"
        "Pēteris,Kalniņš,sia baltic timber,LV,peteris@bt.lv\n",
        encoding="utf-8",
    )
    report = import_csv(db, path)
    assert (report.accounts_created, report.contacts_created) == (1, 3)
    assert _accounts(db) == {"SIA Baltic Timber": ["Ilze", "Jānis", "Pēteris"]}


def test_turkish_dotted_and_dotless_i_are_one_account(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "turkish.csv"
    path.write_text(
        "First Name,Last Name,Company,Country\n"
        "Ayşe,Yılmaz,IŞIK TEKSTİL,TR\n"
        "Can,Demir,Işık Tekstil,TR\n"
        "Elif,Kaya,Işık tekstil,TR\n"
        # I without its dot, as a keyboard without İ types it
        "Deniz,Ak,IŞIK TEKSTIL,TR\n",
        encoding="utf-8",
    )
    report = import_csv(db, path)
    assert (report.accounts_created, report.contacts_created) == (1, 4)
    assert _accounts(db) == {"IŞIK TEKSTİL": ["Ayşe", "Can", "Deniz", "Elif"]}


def test_another_name_of_one_account_id_is_still_a_disagreement() -> None:
    header = ["account_id", "account_name", "account_country", "given_name"]
    key = "0190a000-0000-7000-8000-000000000001"
    rows = [[key, "Işık Tekstil", "TR", "Can"], [key, "IŞIK TEKSTİL", "TR", "Ayşe"]]
    (plan,) = plan_chunks(header, iter(rows), None)
    assert [a["name"] for a in plan.accounts.values()] == ["Işık Tekstil"]
    rows.append([key, "Işık Boya", "TR", "Elif"])
    with pytest.raises(RowProblems) as caught:
        list(plan_chunks(header, iter(rows), None))
    assert [p.text for p in caught.value.problems] == [
        "Rows 2 and 4 are the same account but disagree in column account_name: "
        "“Işık Tekstil” and “Işık Boya”."
    ]


def test_the_processes_checking_parts_of_a_file_give_one_account_one_id() -> None:
    """Each part of a large file is checked by a process of its own, each of which may meet
    the account first in another spelling: its id is made from the name without case."""
    seed = (1_700_000_000_000, os.urandom(16))
    ids = {_account_id(name, "TR", seed) for name in ("IŞIK TEKSTİL", "Işık tekstil", "ışık")}
    assert len(ids) == 2  # "ışık" is another name
    assert _account_id("IŞIK TEKSTİL", "TR", seed) == _account_id("işik tekstil", "TR", seed)
