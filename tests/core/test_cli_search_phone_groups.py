"""``accountdesk search`` finds a phone while it is typed in groups, as Ctrl+K and the lists'
filter do (one rule: ``fts.query_words``): "0532 1" to "0532 123" found no one, and the
person came back at "0532 123 4" (review of a new user's first hour)."""

from __future__ import annotations

from pathlib import Path

import pytest

from accountdesk import cli
from accountdesk.core.db.engine import open_database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact


@pytest.fixture
def crm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    path = tmp_path / "crm.db"
    db = open_database(path)
    for account, country, given, family, phone in (
        ("Öztürk Makina", "TR", "Ayşe", "Öztürk", "0532 123 45 67"),
        ("Siam Trading", "TH", "Somchai", "Jaidee", "081 234 5678"),
        ("Pars Sanat", "IR", "Kaveh", "Karimi", "۰۹۱۲ ۳۴۵ ۶۷۸۹"),
    ):
        made = create_account(db, AccountInput(name=account, country=country))
        create_contact(
            db,
            ContactInput(
                account_id=made, given_name=given, family_name=family, country=country,
                phones=[("mobile", phone)],
            ),
        )  # fmt: skip
    db.close()
    return path


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("0532", "Ayşe Öztürk"),
        ("0532 1", "Ayşe Öztürk"),
        ("0532 12", "Ayşe Öztürk"),
        ("0532 123", "Ayşe Öztürk"),
        ("0532 123 4", "Ayşe Öztürk"),
        ("ayse 0532 123", "Ayşe Öztürk"),
        ("081 234", "Somchai Jaidee"),
        ("๐๘๑ ๒๓๔", "Somchai Jaidee"),
        ("0912 345", "Kaveh Karimi"),
        ("۰۹۱۲ ۳۴۵", "Kaveh Karimi"),
    ],
)
def test_the_command_finds_a_phone_typed_in_groups(
    crm: Path, capsys: pytest.CaptureFixture[str], typed: str, name: str
) -> None:
    assert cli.main(["--lang", "en", "search", "--db", str(crm), typed]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == [name]
