"""On a team server a new account belongs to the member who creates it, whether through the
form, the command line or an import; on a laptop's file it belongs to no one until typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.io.csv_io import import_csv
from accountdesk.core.io.vcard import import_vcard
from accountdesk.core.queries.details import account_detail
from accountdesk.core.queries.lists import account_ids
from accountdesk.core.records import AccountInput
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
