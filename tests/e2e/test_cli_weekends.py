"""`accountdesk contact` and `accountdesk country` read a country's weekend from the one table
(core/culture/calendar.py): Libya rests Friday–Saturday, Hong Kong's offices Saturday–Sunday."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

Run = Callable[..., subprocess.CompletedProcess[str]]


def _status(run: Run, name: str, at: str) -> tuple[bool, str | None]:
    out = run("contact", "--db", "t.db", name, "--at", at, "--json", check=True)
    data = json.loads(out.stdout)
    return data["working_now"], data["reason"]


def test_contacts_in_hong_kong_and_libya(run: Run, tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_text(
        "account_name,account_country,given_name,family_name,country,timezone\n"
        "Harbour Ltd,HK,Wing,Chan,HK,Asia/Hong_Kong\n"
        "Sahara Co,LY,Omar,Mansour,LY,Africa/Tripoli\n",
        encoding="utf-8",
    )
    run("import", "--db", "t.db", "people.csv", check=True)
    # Saturday 9 January 2027, 10:00 in Hong Kong
    assert _status(run, "Wing Chan", "2027-01-09T02:00Z") == (False, "weekend")
    # Monday 11 January 2027, 10:00 in Hong Kong
    assert _status(run, "Wing Chan", "2027-01-11T02:00Z") == (True, None)
    # Friday 8 January 2027, 10:00 in Tripoli; Sunday the 10th is a working day
    assert _status(run, "Omar Mansour", "2027-01-08T08:00Z") == (False, "weekend")
    assert _status(run, "Omar Mansour", "2027-01-09T08:00Z") == (False, "weekend")
    assert _status(run, "Omar Mansour", "2027-01-10T08:00Z") == (True, None)


def test_country_profiles_name_the_weekend(run: Run) -> None:
    expected = {
        "LY": "Weekend: Friday, Saturday",
        "HK": "Weekend: Saturday, Sunday",
        "VE": "Weekend: Saturday, Sunday",
        "PY": "Weekend: Saturday, Sunday",
        "BN": "Weekend: Friday, Sunday",
        "NP": "Weekend: Saturday",
    }
    for code, line in expected.items():
        out = run("--lang", "en", "country", code, "--year", "2027", check=True).stdout
        assert line in out.splitlines(), (code, out)
