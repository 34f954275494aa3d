"""Commands that take a person's name (``contact``, ``privacy erase``, ``export --contact``)
find the person by their own name: an account's name lists its people in search and Ctrl+K,
where the user sees and picks, but must not pick one of them for a command (``privacy erase
Anadolu`` erased the account's only contact)."""

from __future__ import annotations

from pathlib import Path

import pytest

from accountdesk import cli
from accountdesk.core.db.engine import open_database
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact


@pytest.fixture
def crm(tmp_path: Path) -> Path:
    path = tmp_path / "crm.db"
    db = open_database(path)
    for account, given, family in (
        ("Anadolu Tekstil", "Ayşe", "Yılmaz"),
        ("Kaya Holding", "Ahmet", "Demir"),
        ("Boğaziçi Lojistik", "Mehmet", "Kaya"),
    ):
        made = create_account(db, AccountInput(name=account, country="TR"))
        create_contact(
            db, ContactInput(account_id=made, given_name=given, family_name=family, country="TR")
        )
    db.close()
    return path


def test_an_accounts_name_is_not_a_persons_for_a_command(
    crm: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--lang", "en", "--db", str(crm), "contact", "Anadolu"]) == 1
    assert "No contact matches “Anadolu”." in capsys.readouterr().err
    assert cli.main(["--lang", "en", "--db", str(crm), "privacy", "erase", "--yes", "Anadolu"]) == 1
    assert "No contact matches" in capsys.readouterr().err
    db = open_database(crm)
    try:  # Ayşe is still there, and search still lists her after her account
        found = [(h.kind, h.title) for h in search(db, "Anadolu")]
    finally:
        db.close()
    assert found == [("account", "Anadolu Tekstil"), ("contact", "Ayşe Yılmaz")]


def test_a_family_name_that_is_also_an_accounts_finds_the_person_alone(
    crm: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--lang", "en", "--db", str(crm), "contact", "Kaya"]) == 0
    shown = capsys.readouterr().out
    assert "Mehmet Kaya" in shown and "Ahmet Demir" not in shown


def test_every_match_is_listed_or_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Eight people of one given name are all listed with their ids (five were, with nothing
    said of the other three); beyond ten, "and N more" says how many are not."""
    path = tmp_path / "many.db"
    db = open_database(path)
    try:
        made = create_account(db, AccountInput(name="Siam Rice", country="TH"))
        for n in range(12):
            create_contact(
                db,
                ContactInput(
                    account_id=made, given_name="สมศรี", family_name=f"Family{n:02d}", country="TH"
                ),
            )
        ids = {h.id for h in search(db, "สมศรี") if h.kind == "contact"}
    finally:
        db.close()
    assert len(ids) == 12
    assert cli.main(["--lang", "en", "--db", str(path), "contact", "สมศรี"]) == 1
    err = capsys.readouterr().err
    assert "“สมศรี” matches 12 contacts: " in err
    assert sum(i in err for i in ids) == cli.NAMED_MATCHES
    assert err.rstrip().endswith("; and 2 more; give more of the name or an id.")


def test_a_family_name_is_not_an_e_mail_domain(
    crm: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The people of a family company whose e-mail domain is the family's name
    (``…@yilmaz.example``) are not namesakes of the family (review rev13's 7th): ``contact
    Yılmaz`` finds Ayşe Yılmaz, though search finds them too, after her."""
    db = open_database(crm)
    try:
        family_firm = create_account(db, AccountInput(name="YLZ Gıda", country="TR"))
        for given, family in (("Can", "Öztürk"), ("Elif", "Şahin")):
            create_contact(
                db,
                ContactInput(
                    account_id=family_firm, given_name=given, family_name=family, country="TR",
                    emails=[f"{given.lower()}@yilmaz.example"],
                ),
            )  # fmt: skip
        found = [h.title for h in search(db, "Yılmaz", account_people=False)]
    finally:
        db.close()
    assert found[0] == "Ayşe Yılmaz" and {"Can Öztürk", "Elif Şahin"} <= set(found)
    for typed in ("Yılmaz", "yilmaz", "YILMAZ", "Ayşe Yılmaz", "ayse yilmaz"):
        assert cli.main(["--lang", "en", "--db", str(crm), "contact", typed]) == 0, typed
        shown = capsys.readouterr().out
        assert "Ayşe Yılmaz" in shown and "Öztürk" not in shown, typed
    # the domain alone still finds its people, by their e-mail, when no one is so named
    assert cli.main(["--lang", "en", "--db", str(crm), "contact", "can@yilmaz.example"]) == 0
    assert "Can Öztürk" in capsys.readouterr().out
