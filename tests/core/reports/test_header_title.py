"""A page header's title is shortened with "…" to the room the date leaves: the relationship
report of an account with a 190-character name ran its title over "Generated …" and off the
paper, on every page (to the left edge in Persian)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import FSI, INITIATORS, PDI, isolate, plain
from accountdesk.core.db.engine import Database
from accountdesk.core.records import AccountInput
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.textlayout import ELLIPSIS, shortened, text_width
from accountdesk.core.services.accounts import create_account

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
LONG = (
    "Internationale Gesellschaft für Hochpräzisionsmaschinenbau und "
    "Industrieautomatisierungstechnologie mit beschränkter Haftung Niederlassung "
    "Süddeutschland Zweigstelle Oberbayern Abteilung Export"
)


@pytest.mark.parametrize("lang", ["en", "fa", "th"])
def test_a_long_title_is_shortened_to_its_room(lang: str) -> None:
    ctx = d._context(lang, NOW, "UTC")
    with i18n.use_language(lang):
        title = ctx.text(i18n._("Relationship report: {account}").format(account=isolate(LONG)))
    room = 300.0
    short = shortened(title, room, d.SMALL, ctx.rtl)
    assert text_width(short, d.SMALL, ctx.rtl) <= room < text_width(title, d.SMALL, ctx.rtl)
    assert ELLIPSIS in short and plain(short).endswith(ELLIPSIS)
    # cut after a word, and the name's isolate closed after the "…"
    kept = plain(short).removesuffix(ELLIPSIS)
    assert plain(title).startswith(kept) and plain(title)[len(kept)] == " "
    assert sum(ch in INITIATORS for ch in short) == short.count(PDI)
    # what fits is left alone
    assert shortened(title, 1e6, d.SMALL, ctx.rtl) == title
    assert shortened(f"{FSI}Ab{PDI}", 1e6, d.SMALL, ctx.rtl) == f"{FSI}Ab{PDI}"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_the_header_keeps_the_date_apart(db: Database, tmp_path: Path) -> None:
    account = create_account(db, AccountInput(name=LONG, country="DE"))
    pdf = tmp_path / "a.pdf"
    d.account_report(db, account, pdf, lang="en", now=NOW)
    first = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout.splitlines()[0]  # fmt: skip
    title, _gap, generated = first.partition(ELLIPSIS)
    assert title.startswith("Relationship report: Internationale Gesellschaft")
    assert generated.strip() == "Generated 30 November 2026"
