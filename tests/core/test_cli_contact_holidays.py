"""``accountdesk contact`` names a holiday's kind, region and estimate as the panel does, and
its JSON keeps them: it printed "Holiday 14 Apr 2026: … Vaisakhi" for another state's
optional day in Mumbai, and "Holiday 8 Jun 2026: Primož Trubar Day" for a working day, and
its ``holidays`` held them as public holidays. Its ``utc_offset`` is ISO 8601 in ASCII
whatever the language ("−۰۴:۰۰" in Persian, which no program reads)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from accountdesk import cli
from accountdesk.core.db.engine import open_database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact

PEOPLE = [
    ("Priya", "IN", "MH", "Asia/Kolkata"),
    ("Ana", "SI", None, "Europe/Ljubljana"),
    ("Pedro", "US", "NY", "America/New_York"),
    ("Maryam", "IR", None, "Asia/Tehran"),
]


@pytest.fixture
def crm(tmp_path: Path) -> Path:
    path = tmp_path / "crm.db"
    db = open_database(path)
    for given, country, region, zone in PEOPLE:
        made = create_account(db, AccountInput(f"{given} Ltd", country, timezone=zone))
        create_contact(
            db,
            ContactInput(
                made, given, country, family_name="Test", subdivision=region, timezone=zone
            ),
        )
    db.close()
    return path


def _run(crm: Path, capsys: Any, *args: str) -> str:
    assert cli.main(["--db", str(crm), "contact", *args]) == 0
    return str(capsys.readouterr().out)


def test_the_kinds_are_named(crm: Path, capsys: Any) -> None:
    out = _run(crm, capsys, "--lang", "en", "Priya", "--at", "2026-04-10T07:00:00+00:00")
    assert (
        "Holiday 14 Apr 2026: Dr. B. R. Ambedkar's Jayanti, Meshadi (Tamil New Year's Day) "
        "(optional), Vaisakhi (optional)" in out
    ), out
    assert "Holiday 1 May 2026: Buddha Purnima, Maharashtra Day (regional: Mahārāshtra)" in out
    out = _run(crm, capsys, "--lang", "en", "Ana", "--at", "2026-05-20T07:00:00+00:00")
    assert "Holiday 8 Jun 2026: Primož Trubar Day (working day observance)" in out, out


def test_the_json_keeps_the_kinds_and_regions(crm: Path, capsys: Any) -> None:
    data = json.loads(
        _run(crm, capsys, "--lang", "en", "Priya", "--at", "2026-04-10T07:00:00+00:00", "--json")
    )
    by_name = {h["name"]: h for h in data["holidays"]}
    assert by_name["Vaisakhi"]["categories"] == ["optional"]
    assert by_name["Dr. B. R. Ambedkar's Jayanti"]["categories"] == ["public"]
    assert by_name["Maharashtra Day"]["subdivision"] == "MH"
    assert by_name["Vaisakhi"]["subdivision"] is None
    assert all("estimated" in s for s in data["seasons"])


@pytest.mark.parametrize("lang", ["en", "fa", "th"])
@pytest.mark.parametrize(("name", "offset"), [("Pedro", "-04:00"), ("Maryam", "+03:30")])
def test_the_offset_is_iso_in_ascii(
    crm: Path, capsys: Any, lang: str, name: str, offset: str
) -> None:
    data = json.loads(
        _run(crm, capsys, "--lang", lang, name, "--at", "2026-04-10T13:00:00+00:00", "--json")
    )
    assert data["utc_offset"] == offset
    assert datetime.fromisoformat(f"2026-04-10T12:00{data['utc_offset']}").utcoffset() is not None
    assert data["local_time"].endswith(offset)
