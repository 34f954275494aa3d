"""Every report type in all six languages, from a small demo database."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import Account
from accountdesk.core.demo import generate
from accountdesk.core.errors import UserError
from accountdesk.core.metrics import Period
from accountdesk.core.reports import documents as d

LANGS = ("en", "lv", "sl", "th", "tr", "fa")
NOW = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, str]]:
    path = tmp_path_factory.mktemp("reports") / "demo.db"
    db = open_database(path)
    generate(db, accounts=25, seed=3)
    with db.reader() as s:
        account = s.scalars(select(Account).order_by(Account.name)).first()
        assert account is not None
        account_id = account.id
    yield db, account_id
    db.close()


def _check(pdf: Path, title_part: str) -> None:
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5000
    assert b"/Outlines" in data
    if shutil.which("pdffonts"):
        out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
        rows = out.splitlines()[2:]
        assert rows and all(" yes " in r for r in rows), out  # every font embedded
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert "Author:          AccountDesk" in info
        assert title_part in info


@pytest.mark.parametrize("lang", LANGS)
def test_every_report_in_every_language(
    lang: str, demo: tuple[Database, str], tmp_path: Path
) -> None:
    db, account_id = demo
    d.account_report(
        db, account_id, tmp_path / "a.pdf", lang=lang, now=NOW, user_zone="Europe/Riga"
    )
    _check(tmp_path / "a.pdf", "Title:")
    period = Period(date(2025, 5, 1), date(2026, 4, 30))
    d.portfolio_report(db, tmp_path / "p.pdf", period, lang=lang, now=NOW)
    _check(tmp_path / "p.pdf", "Title:")
    d.trip_brief(
        db, tmp_path / "t.pdf", "TH", date(2026, 5, 10), date(2026, 5, 20), lang=lang, now=NOW
    )
    _check(tmp_path / "t.pdf", "Title:")


def test_find_account(demo: tuple[Database, str]) -> None:
    db, account_id = demo
    assert d.find_account(db, account_id) == account_id
    with pytest.raises(UserError):
        d.find_account(db, "no such account anywhere")


def test_cli_reports(demo: tuple[Database, str], tmp_path: Path) -> None:
    from accountdesk.cli import main

    db, account_id = demo
    dbpath = str(db.path)
    out = tmp_path / "a.pdf"
    assert (
        main(["report", "account", account_id, "--db", dbpath, "--lang", "fa", "-o", str(out)]) == 0
    )
    assert out.read_bytes().startswith(b"%PDF")
    args = ["report", "portfolio", "--db", dbpath, "--from", "2025-01-01", "--to", "2025-12-31"]
    assert main([*args, "--country", "TH", "-o", str(tmp_path / "p.pdf")]) == 0
    bad = ["report", "trip", "--db", dbpath, "--country", "TH", "--from", "2026-05-x"]
    assert main([*bad, "--to", "2026-05-02", "-o", str(tmp_path / "t.pdf")]) == 1


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs poppler's pdfinfo")
def test_portfolio_title_names_the_report_and_period(
    demo: tuple[Database, str], tmp_path: Path
) -> None:
    db, _account_id = demo
    d.portfolio_report(db, tmp_path / "p.pdf", Period(date(2025, 5, 1), date(2026, 4, 30)), now=NOW)
    _check(tmp_path / "p.pdf", "Title:           Portfolio report May 1, 2025 – Apr 30, 2026")
