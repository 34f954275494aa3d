"""``accountdesk followups`` names each time's zone as the language names its city (as the
account report does, through ``i18n.zone_name``); ``--json`` keeps the IANA ids."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from accountdesk.core.db.engine import open_database
from accountdesk.core.queries.search import search
from accountdesk.core.services.followups import FollowUpInput, schedule

Run = Callable[..., subprocess.CompletedProcess[str]]
AT = ("--at", "2027-03-01T00:00Z")


def _setup(run: Run, tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_text(
        "account_name,account_country,given_name,family_name,country,timezone\n"
        "Boğaziçi Ltd,TR,Fatma,Yılmaz,TR,Europe/Istanbul\n",
        encoding="utf-8",
    )
    run("import", "--db", "t.db", "people.csv", check=True)
    run("config", "--db", "t.db", "set", "user.zone", "Asia/Tehran", check=True)
    db = open_database(tmp_path / "t.db")
    fatma = search(db, "fatma")[0].id
    schedule(db, FollowUpInput(fatma, "Teklif", datetime(2027, 3, 6, 14, 0)))
    db.close()


def test_followups_text_names_zones_by_their_city(run: Run, tmp_path: Path) -> None:
    _setup(run, tmp_path)
    for lang, mine, theirs in [
        ("en", "Tehran", "Istanbul"),
        ("tr", "Tahran", "İstanbul"),
        ("fa", "تهران", "استانبول"),
    ]:
        out = run("followups", "--db", "t.db", "--lang", lang, *AT, check=True).stdout
        [line] = out.splitlines()
        yours, their, who, *_rest = line.split("\t")
        assert yours.endswith(f"({mine})"), (lang, line)
        assert their.endswith(f"({theirs})"), (lang, line)
        assert who == "Fatma Yılmaz"
        assert "Europe/Istanbul" not in out and "Asia/Tehran" not in out


def test_followups_json_keeps_zone_ids(run: Run, tmp_path: Path) -> None:
    _setup(run, tmp_path)
    out = run("followups", "--db", "t.db", "--lang", "tr", "--json", *AT, check=True).stdout
    data = json.loads(out)
    assert data["user_zone"] == "Asia/Tehran"
    assert [item["zone"] for item in data["follow_ups"]] == ["Europe/Istanbul"]
