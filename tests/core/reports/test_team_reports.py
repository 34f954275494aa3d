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
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from accountdesk.cli import main
from accountdesk.core.db.engine import Database
from accountdesk.core.errors import UserError
from accountdesk.core.metrics import Period
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.data import Scope, check_scope
from accountdesk.core.services.accounts import AccountInput, create_account
from accountdesk.core.services.activity import DealInput, save_deal
from teamroles import join, target

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")

NOW = datetime(2027, 1, 15, 9, 0, tzinfo=UTC)
PERIOD = Period(date(2026, 1, 1), date(2026, 12, 31))
ANNAS = {"Baltic Timber": 40_000, "Rīgas Maiznieks": 12_000}
IVARS = {"Daugava Foods": 25_000, "Kurzeme Mills": 8_000}


@dataclass
class Team:
    admin: Database
    anna: Database
    ivars: Database
    manager: Database
    cluster: object | None

    def name(self, login: str, name: str) -> str:
        """How the reports name a rep: by name on a server, the login as typed in a file."""
        return name if self.admin.is_postgres else login


@pytest.fixture
def team(db: Database, request: pytest.FixtureRequest) -> Iterator[Team]:
    cluster = request.getfixturevalue("pg_cluster") if db.is_postgres else None
    found = Team(
        db,
        join(db, cluster, "anna", "Anna Berg"),
        join(db, cluster, "ivars", "Ivars Kalniņš"),
        join(db, cluster, "mara", "Māra Ozola", role="manager"),
        cluster,
    )
    for rep, login, accounts in ((found.anna, "anna", ANNAS), (found.ivars, "ivars", IVARS)):
        for name, won in accounts.items():
            account = create_account(
                rep,
                AccountInput(
                    name, "LV", timezone="Europe/Riga", currency="EUR", owner=login,
                    customer_since="2025-01-01", status="active",
                ),
            )  # fmt: skip
            save_deal(rep, DealInput(account, "Supply", str(won), "EUR", "won", "2026-06-30"))
    yield found
    for member in (found.anna, found.ivars, found.manager):
        member.close()


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
    team: Team, tmp_path: Path
) -> None:
    if team.admin.is_postgres:  # the server stamped each account with its rep's login
        from accountdesk.core.queries.details import account_detail
        from accountdesk.core.queries.lists import account_ids

        writers = {account_detail(team.manager, i).changed_by for i in account_ids(team.manager)}
        assert writers == {"anna", "ivars"}
    pdf = tmp_path / "team.pdf"
    d.portfolio_report(team.manager, pdf, PERIOD, now=NOW, currency="EUR")
    text = _text(pdf)
    assert "Scope: all accounts; 4 accounts." in " ".join(text.split())
    anna, ivars = team.name("anna", "Anna Berg"), team.name("ivars", "Ivars Kalniņš")
    by_owner = _rows(text, "By owner", "Top accounts by revenue to date")
    assert by_owner[anna][0] == "2" and by_owner[ivars][0] == "2"
    assert by_owner[anna][-1] == "€52,000.00" and by_owner[ivars][-1] == "€33,000.00"
    top = _rows(text, "Top accounts by revenue to date", "Accounts at risk")
    for name, won in ANNAS.items():
        assert top[name] == ["Latvia", anna, f"€{won:,}.00"]
    for name, won in IVARS.items():
        assert top[name] == ["Latvia", ivars, f"€{won:,}.00"]


def test_a_reps_own_portfolio_holds_only_their_accounts(
    team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "anna.pdf"
    args = ["report", "portfolio", "--db", target(team.admin, team.cluster, "anna")]
    period = ["--from", "2026-01-01", "--to", "2026-12-31", "--currency", "EUR"]
    assert main([*args, *period, "--owner", "anna", "-o", str(out)]) == 0
    text = _text(out)
    anna = team.name("anna", "Anna Berg")
    assert f"Scope: {anna}; 2 accounts." in " ".join(text.split())
    assert all(name in text for name in ANNAS)
    assert not any(name in text for name in IVARS)
    assert "€52,000.00" in text
    # refused in one sentence, nothing written
    assert main([*args, *period, "--owner", "ben", "-o", str(tmp_path / "ben.pdf")]) == 1
    err = capsys.readouterr().err
    assert "No account has the owner “ben”" in err
    assert team.name("ivars", "Ivars Kalniņš") in err
    assert not (tmp_path / "ben.pdf").exists()


def test_an_owner_is_named_by_login_or_by_name(team: Team) -> None:
    manager = team.manager
    assert check_scope(manager, Scope(owner="IVARS")).owner == "ivars"
    if not manager.is_postgres:
        return  # a file's owners are free text: no names to go by
    assert check_scope(manager, Scope(owner="ivars kalnins")).owner == "ivars"
    assert check_scope(manager, Scope(owner="Anna Berg")).owner == "anna"
    with pytest.raises(UserError) as caught:
        check_scope(manager, Scope(owner="Māra Ozola"))  # a manager who owns no account
    message = caught.value.message
    assert "the owners are: Anna Berg, Ivars Kalniņš." in message


def _words(text: str) -> list[str]:
    marks = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2068\u2069"))
    return unicodedata.normalize("NFKC", text).translate(marks).split()


@pytest.mark.parametrize("lang", ["fa", "th"])
def test_the_team_portfolio_in_persian_and_thai_names_the_reps(
    team: Team, tmp_path: Path, lang: str
) -> None:
    pdf = tmp_path / f"team-{lang}.pdf"
    d.portfolio_report(team.manager, pdf, PERIOD, lang=lang, now=NOW, currency="EUR")
    words = _words(_text(pdf))
    for name in ("Anna Berg", "Ivars Kalniņš") if team.admin.is_postgres else ("anna", "ivars"):
        assert all(w in words for w in name.split()), name
    for account in (*ANNAS, *IVARS):
        assert all(w in words for w in account.split()), account
