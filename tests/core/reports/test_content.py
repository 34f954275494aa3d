"""What the reports say (issue 11, item 3): deals and the open pipeline, every figure beside
the previous period with the change, contacts' phones and e-mail addresses, overdue
follow-ups flagged and never the "next touch", the at-risk list by value at stake with its
reasons and next steps, and the trip brief's statuses with lost accounts left out unless asked.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from accountdesk.cli import main
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import (
    Account,
    Contact,
    Deal,
    FollowUp,
    Interaction,
    SurveyResponse,
)
from accountdesk.core.metrics import Period
from accountdesk.core.reports import documents as d

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")

NOW = datetime(2027, 1, 15, 9, 0, tzinfo=UTC)
RIGA = "Europe/Riga"
RISKY = 25  # accounts with a detractor: more than the 20 the list shows


def _at(day: date, hour: int = 8) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    base = open_database(tmp_path_factory.mktemp("content") / "content.db")
    with base.transaction() as s:
        abele = Account(
            name="Ābele SIA", country="LV", currency="EUR", customer_since=date(2024, 1, 1),
            status="active", tier="gold", owner="Anna Ozola", timezone=RIGA,
        )  # fmt: skip
        s.add(abele)
        s.flush()
        ilze = Contact(
            account_id=abele.id, given_name="Ilze", family_name="Kalniņa", country="LV",
            timezone=RIGA, job_title="Finanšu direktore", buying_role="decision_maker",
            phones=[{"label": "mobile", "value": "+37120000001"}],
            emails=[{"label": "work", "value": "ilze@abele.example"}],
        )  # fmt: skip
        s.add(ilze)
        s.flush()
        deals = [
            ("Renewal", Decimal(40000), "won", date(2026, 5, 1), date(2026, 3, 1)),
            ("Pilot", Decimal(10000), "won", date(2025, 5, 1), date(2025, 3, 1)),
            ("Extension", Decimal(5000), "lost", date(2026, 6, 1), date(2026, 4, 1)),
            ("Second site", Decimal(7000), "open", None, date(2026, 12, 20)),
        ]
        for title, amount, status, closed, opened in deals:
            s.add(
                Deal(
                    account_id=abele.id, title=title, amount=amount, currency="EUR",
                    status=status, closed_on=closed, created_at=_at(opened),
                    stage="proposal" if status == "open" else None,
                )
            )  # fmt: skip
        s.add(
            Interaction(
                account_id=abele.id, kind="meeting", occurred_zone=RIGA, subject="Review",
                occurred_at=_at(date(2026, 12, 1)), participants=[ilze],
            )
        )  # fmt: skip
        for title, due in (("Send the offer", date(2027, 1, 5)), ("Visit", date(2027, 1, 20))):
            s.add(
                FollowUp(
                    account_id=abele.id, contact_id=ilze.id, title=title, zone=RIGA,
                    local_due=f"{due.isoformat()}T10:00:00", due_at=_at(due),
                )
            )  # fmt: skip
        # for the trip brief: a prospect and a lost account in Latvia
        for name, status, since, lost in (
            ("Jaunais SIA", "prospect", None, None),
            ("Vecais SIA", "lost", date(2023, 1, 1), date(2025, 1, 1)),
        ):
            account = Account(
                name=name, country="LV", currency="EUR", status=status, customer_since=since,
                lost_on=lost, timezone=RIGA,
            )  # fmt: skip
            s.add(account)
            s.flush()
            s.add(
                Contact(
                    account_id=account.id, given_name="Pēteris", family_name=name.split()[0],
                    country="LV", timezone=RIGA,
                    phones=[{"label": "work", "value": f"+371 6700 000{len(name)}"}],
                )
            )  # fmt: skip
        # customers with a detractor each, worth 1,000 … 25,000 EUR a year
        for i in range(1, RISKY + 1):
            account = Account(
                name=f"Risk {i:02d}", country="LT", currency="EUR", status="active",
                customer_since=date(2024, 1, 1), owner="Marko Novak", tier="bronze",
                timezone="Europe/Vilnius",
            )  # fmt: skip
            s.add(account)
            s.flush()
            person = Contact(
                account_id=account.id, given_name="Jonas", family_name=f"Petraitis{i}",
                country="LT", timezone="Europe/Vilnius",
            )  # fmt: skip
            s.add(person)
            s.flush()
            s.add(
                SurveyResponse(
                    account_id=account.id, contact_id=person.id, kind="nps", score=3,
                    answered_on=date(2026, 10, 1),
                )
            )  # fmt: skip
            s.add(
                Interaction(
                    account_id=account.id, kind="call", occurred_zone="Europe/Vilnius",
                    occurred_at=_at(date(2027, 1, 10)), participants=[person],
                )
            )  # fmt: skip
            s.add(
                Deal(
                    account_id=account.id, title="Order", amount=Decimal(1000 * i),
                    currency="EUR", status="won", closed_on=date(2026, 8, 1),
                )
            )  # fmt: skip
    yield base
    base.close()


def _text(pdf: Path, layout: bool = False) -> str:
    args = ["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    text = unicodedata.normalize("NFKC", out)
    return text if layout else " ".join(text.split())


def _account_text(db: Database, tmp_path: Path, layout: bool = False) -> str:
    pdf = tmp_path / "a.pdf"
    account = d.find_account(db, "Ābele SIA")
    d.account_report(db, account, pdf, now=NOW, user_zone=RIGA, currency="EUR")
    return _text(pdf, layout)


def test_account_report_contacts_phone_and_e_mail(db: Database, tmp_path: Path) -> None:
    text = _account_text(db, tmp_path)
    assert "Phone and e-mail" in text
    assert "+371 20 000 001" in text and "ilze@abele.example" in text
    assert "Finanšu direktore" in text


def test_overdue_follow_ups_are_flagged_and_not_the_next_touch(
    db: Database, tmp_path: Path
) -> None:
    text = _account_text(db, tmp_path)
    assert "Next touch 20 Jan 2027" in text  # not the overdue 5 January
    assert "Overdue follow-ups 1 overdue, the oldest due 5 Jan 2027" in text
    assert "Send the offer" in text and "Overdue by 10 days" in text
    rows = _text_rows(_account_text(db, tmp_path, layout=True), "Visit")
    assert rows and rows[0].endswith("Next 7 days")


def _text_rows(text: str, first: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith(first)]


def _cells(text: str, label: str) -> list[str]:
    for line in text.splitlines():
        cells = re.split(r"\s{2,}", line.strip())
        if cells[0] == label:
            return cells[1:]
    raise AssertionError(f"no row {label!r}")


def test_account_report_deals_beside_the_twelve_months_before(db: Database, tmp_path: Path) -> None:
    text = _account_text(db, tmp_path, layout=True)
    assert _cells(text, "Figure") == ["Last 12 months", "12 months before", "Change"]
    assert _cells(text, "Interactions") == ["1", "0", "+1"]
    assert _cells(text, "Deals won") == ["1", "1", "0"]
    assert _cells(text, "Revenue (value of the deals won)") == [
        "€40,000.00", "€10,000.00", "+300.0%"
    ]  # fmt: skip
    assert _cells(text, "Deals lost") == ["1", "0", "+1"]
    assert _cells(text, "Win rate, won / (won + lost)") == [
        "50.0% (2 *)",
        "100.0% (1 *)",
        "-50.0 pp",
    ]
    assert _cells(text, "Stage")[:2] == ["Deals", "Value"]  # the third header wraps
    assert _cells(text, "Proposal sent") == ["1", "€7,000.00", "0"]
    assert _cells(text, "All open deals") == ["1", "€7,000.00", "0"]
    flat = " ".join(text.split())
    assert "Previous period: 16 Jan 2025 – 15 Jan 2026" in flat
    assert "Stage Deals Value Open more than 90 days" in flat
    assert "Second site Proposal sent €7,000.00 20 Dec 2026" in flat  # the open deal, listed
    assert "1 May 2026 Renewal Won €40,000.00" in flat  # closed in the last 12 months
    assert "Pilot" not in flat.split("Deals closed in the last 12 months")[1]
    # gold: a 30-day cadence, silent 45 days (enough alone: 3 points) and one overdue
    # follow-up (1 point); the next step is the silence's
    assert (
        "At-risk score 4 points: at risk. no contact for 45 days (cadence: 30 days): 3 points "
        "1 overdue follow-up: 1 point Get in touch with Ilze Kalniņa; the last contact was on "
        "1 Dec 2026."
    ) in flat


def _risk_rows(text: str) -> list[str]:
    section = text.split("Accounts at risk", 1)[1].split("Definitions", 1)[0]
    return re.findall(r"^\s*(Risk \d\d)\b", section, re.MULTILINE)


def test_portfolio_lists_the_twenty_at_risk_with_most_at_stake(
    db: Database, tmp_path: Path
) -> None:
    pdf = tmp_path / "p.pdf"
    d.portfolio_report(
        db, pdf, Period(date(2026, 1, 1), date(2026, 12, 31)), now=NOW, user_zone=RIGA,
        currency="EUR",
    )  # fmt: skip
    text = _text(pdf, layout=True)
    # Ābele SIA, silent for longer than its cadence, is at risk too: the most at stake
    at_risk = text.split("Accounts at risk", 1)[1]
    first = re.split(r"\s{2,}", _text_rows(at_risk, "Ābele SIA")[0])
    assert first[:5] == ["Ābele SIA", "Anna", "€40,000.00", "4", "no contact for 45 days"]
    assert _risk_rows(text) == [f"Risk {i:02d}" for i in range(RISKY, RISKY - 19, -1)]
    flat = " ".join(text.split())
    assert f"{RISKY + 1} of {RISKY + 1} customers score 3 points or more" in flat
    # a detractor's cadence is 2 days (stay in touch): 5 days' silence is more than twice it,
    # 4 points, named first, and the next step is to get in touch
    second = re.split(r"\s{2,}", _text_rows(at_risk, "Risk 25")[0])
    assert second[:5] == ["Risk 25", "Marko", "€25,000.00", "7", "no contact for 5 days"]
    assert second[5] == "Get in touch with Jonas"
    assert "no contact for 5 days (cadence: 2 days): 4 points 1 detractor (NPS 0–6): 3" in _text(
        pdf
    )
    # the key metrics beside those of 2025, with the change
    # S of 2025 also counts Vecais SIA, lost on its first day
    assert _cells(text, "Customers at the start (S)") == [str(RISKY + 1), str(RISKY + 2), "-1"]
    assert _cells(text, "Churn rate (customers of S lost)") == [
        f"0.0% ({RISKY + 1})", f"3.7% ({RISKY + 2})", "-3.7 pp"
    ]  # fmt: skip
    assert "Previous period: 1 Jan 2025 – 31 Dec 2025" in flat


def test_trip_brief_statuses_contacts_and_lost_accounts(db: Database, tmp_path: Path) -> None:
    pdf = tmp_path / "t.pdf"
    d.trip_brief(db, pdf, "LV", date(2027, 2, 1), date(2027, 2, 5), now=NOW, user_zone=RIGA)
    text = _text(pdf, layout=True)
    assert _text_rows(text, "Ābele SIA")[0].split()[2] == "Active"
    assert "Prospect" in _text_rows(text, "Jaunais SIA")[0]
    assert "+371 20 000 001" in text and "ilze@abele.example" in text
    assert "Vecais SIA" not in text
    assert "1 lost account there is left out." in " ".join(text.split())
    d.trip_brief(
        db, pdf, "LV", date(2027, 2, 1), date(2027, 2, 5), now=NOW, user_zone=RIGA,
        include_lost=True,
    )  # fmt: skip
    text = _text(pdf, layout=True)
    assert "Lost" in _text_rows(text, "Vecais SIA")[0]
    assert "left out" not in text
    # the command line asks for them with --include-lost
    out = tmp_path / "cli.pdf"
    args = ["report", "trip", "--db", str(db.path), "--country", "LV", "--from", "2027-02-01"]
    assert main([*args, "--to", "2027-02-05", "--include-lost", "-o", str(out)]) == 0
    assert "Vecais SIA" in _text(out)
    assert main([*args, "--to", "2027-02-05", "-o", str(out)]) == 0
    assert "Vecais SIA" not in _text(out)
