"""`accountdesk config`, `contact` and `followups --json`: the same truths as the app, for
scripts. Bad input is one sentence and exit 1."""

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
        "Pars Co,IR,Negar,Jafari,IR,Asia/Tehran\n"
        "Boğaziçi Ltd,TR,Fatma,Yılmaz,TR,Europe/Istanbul\n"
        "Boğaziçi Ltd,TR,Fatma,Yıldız,TR,Europe/Istanbul\n",
        encoding="utf-8",
    )
    run("import", "--db", "t.db", "people.csv", check=True)


def test_config_round_trip_and_bad_values(run: Run, tmp_path: Path) -> None:
    _setup(run, tmp_path)
    assert run("config", "--db", "t.db", "get", "user.zone", check=True).stdout == "\n"
    run("config", "--db", "t.db", "set", "user.zone", "Asia/Tehran", check=True)
    run("config", "--db", "t.db", "set", "user.hours", "08:00-16:00", check=True)
    run("config", "--db", "t.db", "set", "stay_in_touch.daily_cap", "3", check=True)
    listed = run("config", "--db", "t.db", "list", check=True).stdout.splitlines()
    assert "user.zone\tAsia/Tehran" in listed and "stay_in_touch.daily_cap\t3" in listed
    for key, value in [
        ("user.zone", "localtime"),
        ("user.zone", "Mars/Base"),
        ("user.country", "Narnia"),
        ("user.hours", "all day"),
        ("stay_in_touch.daily_cap", "lots"),
        ("no.such.key", "1"),
    ]:
        bad = run("config", "--db", "t.db", "set", key, value)
        assert bad.returncode == 1, (key, value, bad.stdout)
        lines = bad.stderr.strip().splitlines()
        assert len(lines) == 1 and key in lines[0], bad.stderr
    assert run("config", "--db", "t.db", "get", "user.zone", check=True).stdout == "Asia/Tehran\n"
    run("config", "--db", "t.db", "unset", "user.zone", check=True)
    assert run("config", "--db", "t.db", "get", "user.zone", check=True).stdout == "\n"


def test_contact_by_folded_name_at_an_instant(run: Run, tmp_path: Path) -> None:
    _setup(run, tmp_path)
    run("config", "--db", "t.db", "set", "user.zone", "Europe/Riga", check=True)
    # Friday 10:30 in Tehran: the Iranian weekend
    out = run("contact", "--db", "t.db", "negar", "--at", "2027-03-05T10:30+03:30", "--json")
    data = json.loads(out.stdout)
    assert data["name"] == "Negar Jafari" and data["zone"] == "Asia/Tehran"
    assert data["local_time"] == "2027-03-05T10:30+03:30"
    assert (data["working_now"], data["reason"]) == (False, "weekend")
    assert data["next_window_start"] == "2027-03-06T08:00+03:30"  # Saturday morning
    assert data["next_window_start_yours"] == "2027-03-06T06:30+02:00"
    assert data["user_zone"] == "Europe/Riga"
    # Saturday 10:30: working
    sat = json.loads(
        run("contact", "--db", "t.db", "Negar", "--at", "2027-03-06T07:00Z", "--json").stdout
    )
    assert (sat["working_now"], sat["reason"]) == (True, None)
    # during Nowruz: a holiday, named
    nowruz = json.loads(
        run("contact", "--db", "t.db", "negar", "--at", "2027-03-22T10:30+03:30", "--json").stdout
    )
    assert nowruz["reason"] == "holiday" and nowruz["holiday"]
    # "yilmaz" finds Yılmaz; "fatma" alone is ambiguous and says who matched
    assert run("contact", "--db", "t.db", "fatma yilmaz", check=True).stdout.startswith(
        "Fatma Yılmaz"
    )
    both = run("contact", "--db", "t.db", "fatma")
    assert both.returncode == 1 and "Yıldız" in both.stderr and "Yılmaz" in both.stderr
    missing = run("contact", "--db", "t.db", "nobody")
    assert missing.returncode == 1 and "nobody" in missing.stderr
    naive = run("contact", "--db", "t.db", "negar", "--at", "2027-03-05T10:30")
    assert naive.returncode == 1 and "offset" in naive.stderr


def test_followups_json_has_both_zones(run: Run, tmp_path: Path) -> None:
    _setup(run, tmp_path)
    run("config", "--db", "t.db", "set", "user.zone", "Asia/Bangkok", check=True)
    db = open_database(tmp_path / "t.db")
    negar = search(db, "negar")[0].id
    schedule(db, FollowUpInput(negar, "Call about the offer", datetime(2027, 3, 6, 10, 0)))
    db.close()
    data = json.loads(
        run("followups", "--db", "t.db", "--json", "--at", "2027-03-01T00:00Z", check=True).stdout
    )
    assert data["user_zone"] == "Asia/Bangkok"
    [item] = data["follow_ups"]
    assert item["title"] == "Call about the offer" and item["contact"] == "Negar Jafari"
    assert item["due_theirs"] == "2027-03-06T10:00+03:30"
    assert item["due_yours"] == "2027-03-06T13:30+07:00"
    assert item["due_utc"] == "2027-03-06T06:30+00:00"


def test_options_may_come_between_a_commands_arguments(run: Run, tmp_path: Path) -> None:
    """ "config set --db FILE KEY VALUE" and "db restore --db FILE NAME" were refused with
    "unrecognized arguments": argparse stopped reading positionals at the first option."""
    db = str(tmp_path / "order.db")
    done = run("config", "set", "--db", db, "user.zone", "Asia/Bangkok")
    assert done.returncode == 0, done.stderr
    read = run("config", "get", "--db", db, "user.zone", check=True)
    assert read.stdout.strip() == "Asia/Bangkok"
    refused = run("db", "restore", "--db", db, "no-such-backup.db")
    assert (
        refused.returncode == 1
    )  # read as the backup's name: refused as unknown, not a usage error
    assert "unrecognized arguments" not in refused.stderr
    assert "no-such-backup.db" in refused.stderr
    # and an option really unknown is still a usage error, named
    wrong = run("config", "set", "--db", db, "--colour", "user.zone", "UTC")
    assert wrong.returncode == 2 and "--colour" in wrong.stderr


def test_a_double_dash_still_ends_the_options(run: Run, tmp_path: Path) -> None:
    """ "--" before a command's first argument lets it start with a dash (the intermixed
    reading of 287d3cf consumed it, and "search -- -anna" was refused as missing its words)."""
    db = str(tmp_path / "dash.db")
    run("demo", "--db", db, "--accounts", "3", check=True)
    found = run("search", "--db", db, "--", "-anna")
    assert found.returncode == 0, found.stderr


def test_contact_names_the_holidays_of_a_day_on_one_line(run: Run, tmp_path: Path) -> None:
    """`accountdesk contact` listed Thailand's 5 December three times, a line each."""
    (tmp_path / "th.csv").write_text(
        "account_name,account_country,given_name,family_name,country,timezone\n"
        "Siam Foods,TH,Somchai,Jaidee,TH,Asia/Bangkok\n",
        encoding="utf-8",
    )
    run("import", "--db", "t.db", "th.csv", check=True)
    out = run("contact", "--db", "t.db", "somchai", "--at", "2026-12-01T10:00+07:00", check=True)
    fifth = [line for line in out.stdout.splitlines() if line.startswith("Holiday 5 Dec 2026")]
    assert len(fifth) == 1, out.stdout
    assert "National Day" in fifth[0] and "Father" in fifth[0]


def test_an_instant_at_the_edge_of_the_years_is_one_sentence(run: Run, tmp_path: Path) -> None:
    """--at 9999-12-31T23:00-05:00 is in the year 10000 in UTC (and in Tehran); contact
    ended in "unexpected error (OverflowError: date value out of range)", as did an instant
    whose next 90 days (the holidays coming up) or working window reach past 9999."""
    _setup(run, tmp_path)
    refused = ("9999-12-31T23:00-05:00", "0001-01-01T00:30+03:30", "9999-12-30T12:00Z")
    for at in (*refused, "9998-11-25T00:00Z", "0001-01-01T23:59Z"):
        for command in (("contact", "negar"), ("followups",)):
            said = run(*command, "--db", "t.db", "--at", at)
            assert said.returncode == 1, (at, command, said.stdout)
            assert said.stderr == (
                f"accountdesk: --at “{at}” must be an instant from 0001-01-02 to 9998-11-24 "
                "(UTC), so that every time zone can show it and the days after it can be "
                "planned.\n"
            ), command
    for at in ("9998-11-24T23:59Z", "0001-01-02T00:00Z"):  # the first and last minutes taken
        ok = run("contact", "--db", "t.db", "negar", "--at", at, "--json", check=True)
        assert json.loads(ok.stdout)["name"] == "Negar Jafari"
        run("contact", "--db", "t.db", "negar", "--at", at, check=True)


def test_a_zone_written_in_other_letter_case_is_taken_as_its_name(run: Run, tmp_path: Path) -> None:
    """config set user.zone asia/tehran was refused as "not an IANA time zone"."""
    _setup(run, tmp_path)
    said = run("config", "--db", "t.db", "set", "user.zone", "asia/tehran", check=True)
    assert said.stdout == "user.zone is now Asia/Tehran.\n"
    assert run("config", "--db", "t.db", "get", "user.zone", check=True).stdout == "Asia/Tehran\n"
    refused = run("config", "--db", "t.db", "set", "user.zone", "asia/tehranx")
    assert refused.returncode == 1 and "not an IANA time zone" in refused.stderr


def test_db_check_refuses_an_argument_it_does_not_take(run: Run, tmp_path: Path) -> None:
    _setup(run, tmp_path)
    for action in ("check", "backups", "backup", "upgrade", "path"):
        said = run("db", action, "extra", "--db", "t.db")
        assert said.returncode == 2, (action, said.stdout)
        assert said.stderr.strip().endswith("unrecognized arguments: extra"), said.stderr
        assert said.stdout == ""
    assert not (tmp_path / "home").exists()  # db backup took none


def test_a_search_for_nothing_says_so(run: Run, tmp_path: Path) -> None:
    _setup(run, tmp_path)
    for text in ("", "   ", "!!!"):
        said = run("search", text, "--db", "t.db")
        assert (said.returncode, said.stdout) == (1, ""), text
        assert said.stderr == (
            "accountdesk: A search needs some text: give a word or the beginning of one.\n"
        )
    assert run("search", "negar", "--db", "t.db", check=True).stdout.startswith("Negar Jafari")
