"""The command line writes dates in the language's calendar: Solar Hijri with Persian digits
for ``--lang fa``, the Buddhist era for ``--lang th``; ``ui.calendar gregorian`` turns that
off; JSON stays ISO 8601."""

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


def _setup(run: Run, tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_text(
        "account_name,account_country,given_name,family_name,country,timezone\n"
        "Pars Co,IR,Negar,Jafari,IR,Asia/Tehran\n",
        encoding="utf-8",
    )
    run("import", "--db", "t.db", "people.csv", check=True)
    run("config", "--db", "t.db", "set", "user.zone", "Asia/Bangkok", check=True)
    db = open_database(tmp_path / "t.db")
    negar = search(db, "negar")[0].id
    # 10:00 on 1 Farvardin 1406 in Tehran (21 March 2027), 13:30 in Bangkok
    schedule(db, FollowUpInput(negar, "Nowruz greetings", datetime(2027, 3, 21, 10, 0)))
    db.close()


def test_followups_and_contact_in_the_languages_calendar(run: Run, tmp_path: Path) -> None:
    _setup(run, tmp_path)
    at = ("--at", "2027-03-01T00:00Z")
    fa = run("followups", "--db", "t.db", "--lang", "fa", *at, check=True).stdout
    assert "۱ فروردین ۱۴۰۶" in fa and "۱۰:۰۰" in fa and "۱۳:۳۰" in fa
    assert "2027" not in fa and "۲۰۲۷" not in fa
    th = run("followups", "--db", "t.db", "--lang", "th", *at, check=True).stdout
    assert "21 มี.ค. 2570" in th and "2027" not in th
    en = run("followups", "--db", "t.db", *at, check=True).stdout
    assert "21 Mar 2027, 13:30" in en and "21 Mar 2027, 10:00" in en
    # the contact: their time now, the next working window, Nowruz
    contact = run(
        "contact", "--db", "t.db", "negar", "--lang", "fa", "--at", "2027-03-20T06:00Z"
    ).stdout
    assert "۲۹ اسفند ۱۴۰۵" in contact  # their time: Saturday 20 March 2027, 09:30
    assert "2027" not in contact and "۲۰۲۷" not in contact
    as_json = json.loads(
        run(
            "contact", "--db", "t.db", "negar", "--lang", "fa", "--at", "2027-03-20T06:00Z",
            "--json", check=True,
        ).stdout
    )  # fmt: skip
    assert as_json["local_time"] == "2027-03-20T09:30+03:30"
    assert all(h["date"].startswith("20") for h in as_json["holidays"])


def test_the_gregorian_setting_is_read_by_the_command_line(run: Run, tmp_path: Path) -> None:
    _setup(run, tmp_path)
    run("config", "--db", "t.db", "set", "ui.calendar", "gregorian", check=True)
    at = ("--at", "2027-03-01T00:00Z")
    fa = run("followups", "--db", "t.db", "--lang", "fa", *at, check=True).stdout
    assert "۲۱ مارس ۲۰۲۷" in fa and "۱۴۰۶" not in fa
    th = run("followups", "--db", "t.db", "--lang", "th", *at, check=True).stdout
    assert "21 มี.ค. 2027" in th
    bad = run("config", "--db", "t.db", "set", "ui.calendar", "jalali")
    assert bad.returncode == 1 and "ui.calendar" in bad.stderr


def test_a_report_period_typed_in_solar_hijri(run: Run, tmp_path: Path) -> None:
    _setup(run, tmp_path)
    result = run(
        "report", "trip", "--db", "t.db", "--country", "IR", "--lang", "fa",
        "--from", "۱۴۰۶/۰۱/۰۱", "--to", "1406-01-05", "-o", "trip.pdf",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "trip.pdf").read_bytes().startswith(b"%PDF")
