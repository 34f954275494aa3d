"""Moving a laptop's file to the team server: ``server.upload`` on a real PostgreSQL cluster."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from accountdesk.core.db import crypto, server
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import Account, Base, ExchangeRate, Tag
from accountdesk.core.demo import generate
from accountdesk.core.errors import UserError
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from accountdesk.core.services.activity import write_settings
from pgcluster import BACKENDS
from teamserver import Team

pytestmark = pytest.mark.skipif(
    "postgresql" not in BACKENDS, reason="a team server needs PostgreSQL"
)
NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)


def counts(db: Database) -> dict[str, int]:
    with db.reader() as session:
        return {
            t.name: session.execute(select(func.count()).select_from(t)).scalar_one()
            for t in Base.metadata.sorted_tables
        }


@pytest.fixture
def laptop(tmp_path: Path) -> Path:
    """A laptop's file with demo data, some of it in the trash, an account without owner."""
    path = tmp_path / "laptop.db"
    db = open_database(path)
    try:
        generate(db, accounts=12, seed=7, anchor=date(2026, 11, 1))
        create_account(db, AccountInput(name="Nobody's GmbH", country="DE"))
        with db.transaction() as session:
            first = session.scalars(select(Account).order_by(Account.id)).first()
            assert first is not None
            first.deleted_at = NOW
            first.notes = "in the trash"
            # a customer once, lost and not won back yet (migration 0012's column arrives too)
            nobody = session.scalars(select(Account).where(Account.name == "Nobody's GmbH")).one()
            nobody.earlier_periods = '[["2024-01-01", "2024-06-01"]]'
        write_settings(db, {"user.zone": "Asia/Tehran", "report.currency": "EUR"})
    finally:
        db.close()
    return path


def test_a_demo_file_arrives_whole(team: Team, laptop: Path) -> None:
    file = open_database(laptop)
    before = counts(file)
    with file.reader() as session:
        contact = session.execute(
            text(
                "SELECT c.id, c.given_name, c.family_name FROM contacts c JOIN accounts a "
                "ON a.id = c.account_id WHERE c.deleted_at IS NULL AND a.deleted_at IS NULL "
                "ORDER BY c.id LIMIT 1"
            )
        ).one()
        settings = dict(session.execute(text("SELECT key, value FROM settings")).all())
        file_owners = sorted(set(session.scalars(select(Account.owner))) - {None})
    file.close()
    assert {"database.id", "user.zone", "report.currency"} <= set(settings)

    report = server.upload(laptop, team.url(team.anna))
    lines = report.lines()
    assert lines[0].startswith(f"Uploaded {laptop} to 127.0.0.1:{team.cluster.port}/")
    assert "13 accounts" in lines[0] and f"{before['contacts']} contacts" in lines[0]
    assert "1 account that had no owner now belongs to \u2068Anna Berg\u2069." in lines
    # the demo's owners are free text ("Anna Ozola"), no member's: now the uploader's
    assert report.rehomed == 12 and report.former_owners == file_owners
    assert file_owners[:2] == ["Anna Ozola", "Deniz Arslan"]
    names = ", ".join(f"\u2068{name}\u2069" for name in file_owners[:-1])
    assert lines[2] == (
        f"12 accounts now belong to \u2068Anna Berg\u2069: their owners in the file, {names} "
        f"and \u2068{file_owners[-1]}\u2069, are not members of the team."
    )
    assert lines[-1] == (
        "1 of the file's personal settings (zone, country, language, calendar, lock, backups) "
        "is now yours on the server."
    )

    anna = team.connect(team.anna)
    try:
        after = counts(anna)
        for name in before:
            if name not in ("settings", "users"):
                assert after[name] == before[name], name
        with anna.reader() as session:
            stored = dict(session.execute(text("SELECT key, value FROM settings")).all())
            unowned = session.scalars(select(Account).where(Account.name == "Nobody's GmbH")).one()
            assert unowned.owner == team.anna
            assert unowned.updated_by == team.anna  # the server stamps who wrote it
            assert unowned.earlier_periods == '[["2024-01-01", "2024-06-01"]]'
        assert stored["report.currency"] == "EUR"  # the team's, as it was
        assert stored[f"{team.anna}/user.zone"] == "Asia/Tehran"  # hers, as her own
        assert "user.zone" not in stored
        assert stored.get("database.id") != settings["database.id"]  # the file's own stays
        owners = set(session.scalars(select(Account.owner)))
        assert owners == {team.anna}  # every account can be given away or erased by someone
        found = search(anna, f"{contact.given_name} {contact.family_name}")
        assert contact.id in [hit.id for hit in found]
        trashed = search(anna, "Nobody")  # live: found; the trashed account is not indexed
        assert [hit.title for hit in trashed] == ["Nobody's GmbH"]
    finally:
        anna.close()


def test_a_file_uploaded_twice_is_refused_and_nothing_is_written(team: Team, laptop: Path) -> None:
    server.upload(laptop, team.url(team.anna))
    anna = team.connect(team.anna)
    try:
        once = counts(anna)
        with pytest.raises(UserError) as refused:
            server.upload(laptop, anna)
        assert refused.value.message.startswith("13 accounts, ")
        assert refused.value.message.endswith(
            f"of {laptop} are on the server already (was it uploaded before?), so nothing was "
            "uploaded."
        )
        assert counts(anna) == once
    finally:
        anna.close()


def test_tags_are_shared_by_name_and_the_servers_rates_kept(team: Team, tmp_path: Path) -> None:
    manager = team.connect(team.manager)
    try:
        create_account(manager, AccountInput(name="Server AG", country="CH", tags=["vip"],
                                             owner=team.manager))  # fmt: skip
        with manager.transaction() as session:
            session.add(ExchangeRate(base="EUR", currency="USD", rate=Decimal("1.05"),
                                     valid_on=date(2026, 11, 2)))  # fmt: skip
        write_settings(manager, {"report.currency": "CHF"})  # the team's, set already
    finally:
        manager.close()
    path = tmp_path / "small.db"
    file = open_database(path)
    try:
        create_account(file, AccountInput(name="Laptop Oy", country="FI", tags=["vip", "new"]))
        with file.transaction() as session:
            for day, rate in ((2, "1.10"), (3, "1.11")):
                session.add(ExchangeRate(base="EUR", currency="USD", rate=Decimal(rate),
                                         valid_on=date(2026, 11, day)))  # fmt: skip
        write_settings(file, {"report.currency": "EUR", "ui.language": "fi"})
    finally:
        file.close()
    report = server.upload(path, team.url(team.ben), owner=team.anna)
    assert report.lines()[1:] == [
        "1 account that had no owner now belongs to \u2068Anna Berg\u2069.",
        "1 tag was on the server already; the uploaded records share it.",
        "1 exchange rate was on the server already for its day; the server's was kept.",
        "1 of the file's personal settings (zone, country, language, calendar, lock, backups) "
        "is now yours on the server.",
        "1 setting of the file was set on the server already; the server's was kept.",
    ]
    ben = team.connect(team.ben)
    try:
        with ben.reader() as session:
            assert sorted(session.scalars(select(Tag.name))) == ["new", "vip"]
            uploaded = session.scalars(select(Account).where(Account.name == "Laptop Oy")).one()
            assert sorted(t.name for t in uploaded.tags) == ["new", "vip"]
            assert uploaded.owner == team.anna
            rates = session.execute(
                select(ExchangeRate.valid_on, ExchangeRate.rate).order_by(ExchangeRate.valid_on)
            ).all()
            assert rates == [
                (date(2026, 11, 2), Decimal("1.05")),
                (date(2026, 11, 3), Decimal("1.11")),
            ]
        assert sorted(h.title for h in search(ben, "vip")) == ["Laptop Oy", "Server AG"]
    finally:
        ben.close()


def test_an_owner_written_as_a_members_name_goes_to_that_member(team: Team, tmp_path: Path) -> None:
    """A laptop's owner that is a member's name ("anna berg", capitals aside) becomes their
    login, not the uploader's; other free text is the uploader's (the imports' rule:
    services/accounts.Owners)."""
    path = tmp_path / "named.db"
    file = open_database(path)
    try:
        for name, owner in (("Named AS", "anna berg"), ("Free AS", "Somebody Else")):
            create_account(file, AccountInput(name=name, country="NO", owner=owner))
    finally:
        file.close()
    report = server.upload(path, team.url(team.ben))
    assert report.lines()[1:] == [
        "1 account now belongs to \u2068Ben Okafor\u2069: its owner in the file, "
        "\u2068Somebody Else\u2069, is not a member of the team."
    ]
    ben = team.connect(team.ben)
    try:
        with ben.reader() as session:
            owners = dict(session.execute(select(Account.name, Account.owner)).all())
        assert owners == {"Named AS": team.anna, "Free AS": team.ben}
    finally:
        ben.close()


def test_accounts_without_owner_need_a_member(team: Team, laptop: Path) -> None:
    with pytest.raises(UserError) as refused:
        server.upload(laptop, team.url(team.anna), owner="nobody_here")
    assert refused.value.message.startswith("nobody_here is not a member of the team on 127.0.0.1:")
    assert refused.value.message.endswith("name a member with --owner LOGIN. Nothing was uploaded.")
    with pytest.raises(UserError, match="postgres is not a member of the team"):
        server.upload(laptop, team.admin_url)  # the superuser is no member: --owner it is
    report = server.upload(laptop, team.admin_url, owner=team.ben)
    assert report.owned == 1 and report.owner == team.ben


@pytest.mark.skipif(not crypto.available(), reason="SQLCipher is not installed here")
def test_an_encrypted_file_is_uploaded_with_its_passphrase(
    team: Team, laptop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = counts(open_database(laptop))
    crypto.encrypt_file(laptop, "a long passphrase", NOW)
    monkeypatch.setenv(crypto.PASSPHRASE_ENV, "a long passphrase")
    report = server.upload(laptop, team.url(team.anna))
    assert report.counts["contacts"] == before["contacts"] > 0


def test_upload_takes_a_file_and_a_server(team: Team, laptop: Path, tmp_path: Path) -> None:
    not_a_file = "is not a file: upload copies a laptop's database file to the server"
    with pytest.raises(UserError, match=not_a_file):
        server.upload(team.url(team.anna), team.url(team.anna))
    with pytest.raises(UserError, match="is not a PostgreSQL server"):
        server.upload(laptop, tmp_path / "other.db")
    with pytest.raises(UserError, match="There is no database at"):
        server.upload(tmp_path / "missing.db", team.url(team.anna))


def test_owner_names_a_member_by_their_name_too(team: Team, laptop: Path) -> None:
    """`--owner "anna berg"` was refused as "not a member" although a file's owner written so
    goes to Anna: the same rule (services/accounts.Owners) reads both."""
    report = server.upload(laptop, team.url(team.ben), owner="anna berg")
    assert report.owned == 1 and report.owner == team.anna
    ben = team.connect(team.ben)
    try:
        with ben.reader() as session:
            assert set(session.scalars(select(Account.owner))) == {team.anna}
    finally:
        ben.close()
