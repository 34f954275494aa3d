"""The account report's Gifts table is a register (review rev14's 5th): each gift's value in
its currency, written as the report writes money, and the person it was given to or by; it
had neither."""

from __future__ import annotations

import subprocess
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

from accountdesk.core.db.engine import Database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.reports import documents as d
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import GiftInput, save_gift
from accountdesk.core.services.trash import delete

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)


def _rows(pdf: Path) -> list[str]:
    """The lines of the Gifts table, from its header to the Notes after it (a page break
    among them: its footer and header left out)."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [" ".join(line.split()) for line in unicodedata.normalize("NFKC", out).splitlines()]
    header = "Date Direction Gift Contact Occasion Value"  # repeated on the next page
    start = lines.index(header)
    end = lines.index("Notes", start)
    return [header] + [
        line
        for line in lines[start:end]
        if line and line != header and not line.startswith(("Page ", "Relationship report"))
    ]


def test_the_gifts_table_gives_each_gifts_value_and_person(db: Database, tmp_path: Path) -> None:
    account = create_account(db, AccountInput("Siam Review", "TH", timezone="Asia/Bangkok"))
    chen, gone = (
        create_contact(db, ContactInput(account, given, "CN", family, timezone="Asia/Shanghai"))
        for given, family in (("Wei", "Chen"), ("Li", "Gone"))
    )
    for args in (
        ("given", "Wall clock", "2026-01-28", chen, "New Year", "1500", "THB"),
        ("received", "Tea set", "2026-02-10", None, "Visit", "5000", "JPY"),
        ("given", "Wine", "2026-03-01", gone, "Birthday", "40.5", "EUR"),
        ("given", "Calendar", "2026-03-02", None, None, None, None),
    ):
        save_gift(db, GiftInput(account, *args))  # type: ignore[arg-type]
    delete(db, "contact", gone)  # in the trash: not named
    pdf = tmp_path / "a.pdf"
    d.account_report(db, account, pdf, now=NOW, user_zone="Asia/Bangkok", currency="EUR")
    assert _rows(pdf) == [
        "Date Direction Gift Contact Occasion Value",
        "2 Mar 2026 Given Calendar — — —",
        "1 Mar 2026 Given Wine — Birthday €40.50",
        "10 Feb 2026 Received Tea set — Visit JP¥5,000",
        "28 Jan 2026 Given Wall clock Chen Wei New Year THB 1,500.00",
    ]


def test_gifts_and_deals_of_one_day_keep_one_order_on_every_backend(
    db: Database, tmp_path: Path
) -> None:
    """Gifts of one day are listed the latest entered first, and open deals without an
    expected date after those with one, alike in SQLite and PostgreSQL (which puts NULL
    first when sorting down)."""
    from accountdesk.core.services.activity import DealInput, save_deal

    account = create_account(db, AccountInput("Same Day", "TH", timezone="Asia/Bangkok"))
    for title in ("First", "Second", "Third"):
        save_gift(db, GiftInput(account, "given", title, "2026-03-02"))  # type: ignore[arg-type]
    for title, expected in (("Undated deal", None), ("Dated deal", "2027-02-01")):
        save_deal(db, DealInput(account, title, "100", "EUR", closed_on=expected))
    pdf = tmp_path / "a.pdf"
    d.account_report(db, account, pdf, now=NOW, user_zone="Asia/Bangkok", currency="EUR")
    assert [row.split(" Given ")[1].split()[0] for row in _rows(pdf)[1:]] == [
        "Third",
        "Second",
        "First",
    ]
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert text.index("Dated deal") < text.index("Undated deal")
