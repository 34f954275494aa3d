"""A manager's portfolio covers the whole team: two reps, each connected as themselves, record
accounts; the manager's portfolio PDF lists all of them, and its "by owner" breakdown names the
reps (by their names on a server, as typed in a laptop's file). A rep's own portfolio
(``--owner``) holds only their accounts."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from accountdesk.cli import main
from accountdesk.core.db.engine import Database
from accountdesk.core.errors import UserError
from accountdesk.core.metrics import Period
from accountdesk.core.records import AccountInput
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.data import Scope, check_scope
from accountdesk.core.services.accounts import create_account
from accountdesk.core.services.activity import DealInput, save_deal
from teamroles import Members, team_of

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")

NOW = datetime(2027, 1, 15, 9, 0, tzinfo=UTC)
PERIOD = Period(date(2026, 1, 1), date(2026, 12, 31))
ANNAS = {"Baltic Timber": 40_000, "Rīgas Maiznieks": 12_000}
BENS = {"Daugava Foods": 25_000, "Kurzeme Mills": 8_000}


@pytest.fixture
def team(db: Database, request: pytest.FixtureRequest) -> Iterator[Members]:
    """Anna and Ben, each connected as themselves, record two accounts each, with a deal won
    in the period."""
    with team_of(db, request) as found:
        for rep, who, accounts in ((found.anna, "anna", ANNAS), (found.ben, "ben", BENS)):
            for name, won in accounts.items():
                account = create_account(
                    rep,
                    AccountInput(
                        name, "LV", timezone="Europe/Riga", currency="EUR",
                        owner=found.logins[who], customer_since="2025-01-01", status="active",
                    ),
                )  # fmt: skip
                save_deal(rep, DealInput(account, "Supply", str(won), "EUR", "won", "2026-06-30"))
        yield found


def _text(pdf: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return unicodedata.normalize("NFKC", out)


def _rows(text: str, heading: str, following: str) -> dict[str, list[str]]:
    """The table rows between two headings, by their first cell."""
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.strip() == heading)
    rows: dict[str, list[str]] = {}
    for line in lines[first + 1 :]:
        if line.strip() == following:
            break
        cells = re.split(r"\s{2,}", line.strip())
        rows[cells[0]] = cells[1:]
    return rows


def test_a_managers_portfolio_lists_both_reps_accounts_under_their_names(
    team: Members, tmp_path: Path
) -> None:
    if team.admin.is_postgres:  # the server stamped each account with its rep's login
        from accountdesk.core.queries.details import account_detail
        from accountdesk.core.queries.lists import account_ids

        writers = {account_detail(team.manager, i).changed_by for i in account_ids(team.manager)}
        assert writers == {team.logins["anna"], team.logins["ben"]}
        assert (team.names["anna"], team.names["ben"]) == ("Anna Berg", "Ben Okafor")
    pdf = tmp_path / "team.pdf"
    d.portfolio_report(team.manager, pdf, PERIOD, now=NOW, currency="EUR")
    text = _text(pdf)
    assert "Scope: all accounts; 4 accounts." in " ".join(text.split())
    anna, ben = team.names["anna"], team.names["ben"]
    by_owner = _rows(text, "By owner", "Top accounts by revenue to date")
    assert by_owner[anna][0] == "2" and by_owner[ben][0] == "2"
    assert by_owner[anna][-1] == "€52,000.00" and by_owner[ben][-1] == "€33,000.00"
    top = _rows(text, "Top accounts by revenue to date", "Accounts at risk")
    for name, won in ANNAS.items():
        assert top[name] == ["Latvia", anna, f"€{won:,}.00"]
    for name, won in BENS.items():
        assert top[name] == ["Latvia", ben, f"€{won:,}.00"]


def test_a_reps_own_portfolio_holds_only_their_accounts(
    team: Members, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "anna.pdf"
    args = ["report", "portfolio", "--db", team.target("anna")]
    period = ["--from", "2026-01-01", "--to", "2026-12-31", "--currency", "EUR"]
    assert main([*args, *period, "--owner", team.logins["anna"], "-o", str(out)]) == 0
    text = _text(out)
    assert f"Scope: {team.names['anna']}; 2 accounts." in " ".join(text.split())
    assert all(name in text for name in ANNAS)
    assert not any(name in text for name in BENS)
    assert "€52,000.00" in text
    # refused in one sentence, nothing written
    assert main([*args, *period, "--owner", "carla", "-o", str(tmp_path / "carla.pdf")]) == 1
    err = capsys.readouterr().err
    assert "No account has the owner “carla”" in err
    assert team.names["ben"] in err
    assert not (tmp_path / "carla.pdf").exists()


def test_an_owner_is_named_by_login_or_by_name(team: Members) -> None:
    manager, ben = team.manager, team.logins["ben"]
    assert check_scope(manager, Scope(owner=ben.upper())).owner == ben
    if not manager.is_postgres:
        return  # a file's owners are free text: no names to go by
    assert check_scope(manager, Scope(owner="ben okafor")).owner == ben
    assert check_scope(manager, Scope(owner="Anna Berg")).owner == team.logins["anna"]
    with pytest.raises(UserError) as caught:
        check_scope(manager, Scope(owner="María Lopez"))  # a manager who owns no account
    message = caught.value.message
    assert "the owners are: Anna Berg, Ben Okafor." in message
    with pytest.raises(UserError) as caught:  # by her login, as the Reports screen asks
        check_scope(manager, Scope(owner=team.logins["manager"]))
    assert caught.value.message.startswith("No account has the owner “Maria López”;")


def _words(text: str) -> list[str]:
    marks = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2068\u2069"))
    return unicodedata.normalize("NFKC", text).translate(marks).split()


@pytest.mark.parametrize("lang", ["fa", "th"])
def test_the_team_portfolio_in_persian_and_thai_names_the_reps(
    team: Members, tmp_path: Path, lang: str
) -> None:
    pdf = tmp_path / f"team-{lang}.pdf"
    d.portfolio_report(team.manager, pdf, PERIOD, lang=lang, now=NOW, currency="EUR")
    words = _words(_text(pdf))
    for name in (team.names["anna"], team.names["ben"]):
        assert all(w in words for w in name.split()), name
    for account in (*ANNAS, *BENS):
        assert all(w in words for w in account.split()), account
