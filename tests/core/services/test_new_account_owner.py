"""On a team server a new account belongs to the member who creates it, whether through the
form, the command line or an import; on a laptop's file it belongs to no one until typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import Account, Contact
from accountdesk.core.io.csv_io import import_csv
from accountdesk.core.io.vcard import import_vcard
from accountdesk.core.queries.details import account_detail
from accountdesk.core.queries.lists import account_ids, owner_choices
from accountdesk.core.records import AccountInput
from accountdesk.core.services import privacy
from accountdesk.core.services.accounts import create_account
from pgcluster import BACKENDS, Cluster
from teamserver import Team, blank_database, private_home

DATA = Path(__file__).resolve().parents[2] / "data"
CSV = "account_name,account_country,given_name,family_name,country\nSIA Dzintars,LV,Ilze,Ozola,LV\n"


def _owners(db: Database) -> set[str | None]:
    return {account_detail(db, i).owner for i in account_ids(db)}


def test_a_reps_new_accounts_are_theirs(team: Team, tmp_path: Path) -> None:
    anna = team.connect(team.anna)
    try:
        create_account(anna, AccountInput(name="Šodien SIA", country="LV"))
        given = create_account(anna, AccountInput(name="Given", country="LV", owner=team.ben))
        (tmp_path / "a.csv").write_text(CSV, encoding="utf-8")
        import_csv(anna, tmp_path / "a.csv")
        import_vcard(anna, DATA / "apple_contacts_v3.vcf")
        assert account_detail(anna, given).owner == team.ben  # an owner given stays
        assert _owners(anna) == {team.anna, team.ben}
    finally:
        anna.close()


def test_on_a_file_a_new_account_has_no_owner_until_one_is_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    db = open_database(tmp_path / "own.db")
    try:
        create_account(db, AccountInput(name="Šodien SIA", country="LV"))
        (tmp_path / "a.csv").write_text(CSV, encoding="utf-8")
        import_csv(db, tmp_path / "a.csv")
        assert _owners(db) == {None}
    finally:
        db.close()


def test_a_login_that_is_not_a_member_gives_no_owner(team: Team, tmp_path: Path) -> None:
    """The administrator (the superuser: no row in users) creates accounts through the
    command line and an import: they belong to no one, not to a login the team lacks."""
    admin = open_database(team.admin_url)
    try:
        assert admin.login is not None
        create_account(admin, AccountInput(name="Šodien SIA", country="LV"))
        (tmp_path / "a.csv").write_text(CSV, encoding="utf-8")
        import_csv(admin, tmp_path / "a.csv")
        assert _owners(admin) == {None}
    finally:
        admin.close()


def test_a_removed_member_is_no_longer_stamped(team: Team) -> None:
    team.cluster.execute(
        f"UPDATE users SET deleted_at = now() WHERE login = '{team.anna}'", database=team.database
    )
    anna = team.connect(team.anna)
    try:
        made = create_account(anna, AccountInput(name="Šodien SIA", country="LV"))
        assert account_detail(anna, made).owner is None
    finally:
        anna.close()


def test_a_server_without_members_gives_no_owner(
    pg_cluster: Cluster, pg_template: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if "postgresql" not in BACKENDS:
        pytest.skip("a team server")
    private_home(tmp_path, monkeypatch)
    with blank_database(pg_cluster, pg_template) as (_name, url):
        db = open_database(url)
        try:
            made = create_account(db, AccountInput(name="Šodien SIA", country="LV"))
            assert account_detail(db, made).owner is None
        finally:
            db.close()


# --- the owners a CSV file writes, on a team server (services/accounts.Owners) -------------

OWNED_CSV = (
    "account_name,account_country,account_owner,given_name,family_name,emails\n"
    "Yeni Müşteri A.Ş.,TR,Anna Berg,Ayşe,Kaya,ayse@yeni.example\n"
    "Second Oy,FI,  ben OKAFOR ,Aino,Virtanen,aino@second.example\n"
    "Third GmbH,DE,{manager},Hans,Meier,hans@third.example\n"
    "Fourth SIA,LV,Old Sales Guy,Ilze,Ozola,ilze@fourth.example\n"
    "Fifth d.o.o.,SI,,Luka,Novak,luka@fifth.example\n"
)


def _owner_of(db: Database, name: str) -> str | None:
    with db.reader() as session:
        return session.scalars(select(Account.owner).where(Account.name == name)).one()


def test_an_import_gives_a_members_name_to_that_member_and_free_text_to_the_importer(
    team: Team, tmp_path: Path
) -> None:
    """A name written as a member's ("Anna Berg", "ben okafor") becomes their login, as a
    login stays one; any other text is the importer's, and the report says whose it was. No
    second "Anna Berg" is stored beside the member, and what Anna imported she may erase."""
    path = tmp_path / "owned.csv"
    path.write_text(OWNED_CSV.format(manager=team.manager), encoding="utf-8")
    anna = team.connect(team.anna)
    try:
        report = import_csv(anna, path)
        assert report.accounts_created == 5
        names = ("Yeni Müşteri A.Ş.", "Second Oy", "Third GmbH", "Fourth SIA", "Fifth d.o.o.")
        assert {name: _owner_of(anna, name) for name in names} == {
            "Yeni Müşteri A.Ş.": team.anna,
            "Second Oy": team.ben,
            "Third GmbH": team.manager,
            "Fourth SIA": team.anna,
            "Fifth d.o.o.": team.anna,
        }
        assert report.remarks()[0] == (
            "1 account now belongs to \u2068Anna Berg\u2069: its owner in the file, "
            "\u2068Old Sales Guy\u2069, is not a member of the team."
        )
        shown = [name for _login, name in owner_choices(anna)]
        assert shown == ["Anna Berg", "Ben Okafor", "Maria López"]  # each member once
        with anna.reader() as session:
            ayse = session.scalars(select(Contact.id).where(Contact.given_name == "Ayşe")).one()
        privacy.erase_contact(anna, ayse)  # hers: she may
        with anna.reader() as session:
            assert session.get(Contact, ayse) is None
    finally:
        anna.close()


def test_a_stored_accounts_owner_from_a_file(team: Team, tmp_path: Path) -> None:
    """A stored account's owner in a file with account_id: a member's name becomes their
    login, other text the importer's; the owner the account has already (a laptop's text an
    upload of old kept) is kept when the file writes it again, not taken by the importer."""
    anna = team.connect(team.anna)
    try:
        hers = create_account(anna, AccountInput(name="Hers SIA", country="LV"))
        other = create_account(anna, AccountInput(name="Other SIA", country="LV"))
        old = create_account(anna, AccountInput(name="Old SIA", country="LV", owner=team.ben))
    finally:
        anna.close()
    team.cluster.execute(
        f"UPDATE accounts SET owner = 'Legacy Text' WHERE id = '{old}'", database=team.database
    )
    path = tmp_path / "stored.csv"
    path.write_text(
        "account_id,account_name,account_country,account_owner\n"
        f"{hers},Hers SIA,LV,BEN okafor\n"
        f"{other},Other SIA,LV,Somebody Else\n"
        f"{old},Old SIA,LV,Legacy Text\n",
        encoding="utf-8",
    )
    anna = team.connect(team.anna)
    try:
        report = import_csv(anna, path)
        assert report.accounts_updated == 3
        assert _owner_of(anna, "Hers SIA") == team.ben
        assert _owner_of(anna, "Other SIA") == team.anna
        assert _owner_of(anna, "Old SIA") == "Legacy Text"
        assert report.remarks() == [
            "1 account now belongs to \u2068Anna Berg\u2069: its owner in the file, "
            "\u2068Somebody Else\u2069, is not a member of the team."
        ]
    finally:
        anna.close()


def test_an_import_by_a_login_that_is_no_member_leaves_free_text_without_owner(
    team: Team, tmp_path: Path
) -> None:
    path = tmp_path / "owned.csv"
    path.write_text(OWNED_CSV.format(manager=team.manager), encoding="utf-8")
    admin = open_database(team.admin_url)
    try:
        report = import_csv(admin, path)
        assert _owner_of(admin, "Yeni Müşteri A.Ş.") == team.anna
        assert _owner_of(admin, "Fourth SIA") is None
        assert _owner_of(admin, "Fifth d.o.o.") is None
        assert report.remarks()[0] == (
            "1 account has no owner now: its owner in the file, \u2068Old Sales Guy\u2069, is "
            "not a member of the team."
        )
    finally:
        admin.close()


def test_on_a_file_an_imported_owner_stays_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    path = tmp_path / "owned.csv"
    path.write_text(OWNED_CSV.format(manager="maria"), encoding="utf-8")
    db = open_database(tmp_path / "own.db")
    try:
        report = import_csv(db, path)
        assert _owner_of(db, "Yeni Müşteri A.Ş.") == "Anna Berg"
        assert _owner_of(db, "Second Oy") == "ben OKAFOR"
        assert _owner_of(db, "Fifth d.o.o.") is None
        assert report.owners is not None and report.owners.remarks() == []
    finally:
        db.close()
