"""`accountdesk search` writes an account's place as the language writes it: its city and the
country's name, with the language's list separator ("تبریز، ایران", "เชียงใหม่ ไทย"), not the
raw "تبریز, IR" and "เชียงใหม่, TH" it printed (review rev19's 4th)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from accountdesk.core.db.engine import open_database
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account

Run = Callable[..., subprocess.CompletedProcess[str]]

PLACES = [
    ("fa", "شرکت کاسپین", "IR", "تبریز", "تبریز،\u200f ایران"),
    ("th", "บริษัท สยามอาหาร จำกัด", "TH", "เชียงใหม่", "เชียงใหม่ ไทย"),
    ("en", "Baltic Timber", "LV", "Riga", "Riga, Latvia"),
    ("tr", "Ege Tekstil", "TR", "İzmir", "İzmir, Türkiye"),
]


@pytest.mark.parametrize(("lang", "name", "country", "city", "place"), PLACES)
def test_search_writes_the_place_in_the_language(
    run: Run, tmp_path: Path, lang: str, name: str, country: str, city: str, place: str
) -> None:
    db = open_database(tmp_path / "t.db")
    try:
        create_account(db, AccountInput(name=name, country=country, city=city))
    finally:
        db.close()
    found = run("--lang", lang, "search", "--db", "t.db", name.split()[-1], check=True)
    [line] = found.stdout.strip().splitlines()
    assert line.split("\t")[:2] == [name, place.replace("\u200f", "")]
