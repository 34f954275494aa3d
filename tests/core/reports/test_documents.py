"""Every report type in all six languages, from a small demo database."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

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
    _check(tmp_path / "p.pdf", "Title:           Portfolio report 1 May 2025 – 30 Apr 2026")


def _iran(tmp_path: Path) -> Database:
    from accountdesk.core.records import AccountInput, ContactInput
    from accountdesk.core.services.accounts import create_account, create_contact

    db = open_database(tmp_path / "iran.db")
    account = create_account(
        db, AccountInput(name="Pars Petro", country="IR", timezone="Asia/Tehran", city="Tehran")
    )
    create_contact(
        db,
        ContactInput(
            account_id=account, given_name="Reza", family_name="Ahmadi", country="IR",
            timezone="Asia/Tehran", city="Tehran",
        ),
    )  # fmt: skip
    return db


def _slot_lines(text: str) -> dict[date, str]:
    """The suggested-slot rows of a trip brief's text: day -> the rest of the line."""
    rows: dict[date, str] = {}
    for line in text.splitlines():
        parts = line.split()  # "Thursday, 18 March 2027   09:00 13:00   …"
        try:
            day = datetime.strptime(" ".join(parts[:4]), "%A, %d %B %Y").date()
        except ValueError:
            continue
        rows[day] = " ".join(parts[4:])
    return rows


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_trip_brief_around_nowruz_follows_the_planner_rules(tmp_path: Path) -> None:
    import re

    db = _iran(tmp_path)
    pdf = tmp_path / "trip.pdf"
    d.trip_brief(
        db, pdf, "IR", date(2027, 3, 18), date(2027, 3, 28), lang="en", now=NOW,
        user_zone="Europe/Riga",
    )  # fmt: skip
    db.close()
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "10:00, 14:00" not in text
    # the warnings: public holidays and the Nowruz season
    assert "Public holiday in Iran during the trip: Nowruz (21 Mar 2027)." in flat
    assert "Nowruz Holiday (22 Mar 2027 – 24 Mar 2027)" in flat
    assert "The trip falls in Nowruz (21 Mar 2027 – 2 Apr 2027)" in flat
    assert "Almost all of this trip is holiday" not in flat  # 4 of 11 days are working days
    # Riga's clocks go forward on 28 March, Tehran's no longer do
    assert (
        "Tehran: the difference changes during the trip; UTC+03:30 until 27 Mar 2027, 1 h 30 min "
        "ahead of you; UTC+03:30 from 28 Mar 2027, 30 min ahead of you."
        in unicodedata.normalize("NFKC", flat)  # the "ﬀ" ligature
    )
    rows = _slot_lines(text)
    assert sorted(rows) == [date(2027, 3, 18) + timedelta(days=n) for n in range(11)]
    for day, rest in rows.items():
        times = [tuple(map(int, t.split(":"))) for t in re.findall(r"\b\d\d:\d\d\b", rest)]
        if day.weekday() == 4 or date(2027, 3, 20) <= day <= date(2027, 3, 24):
            assert times == [], (day, rest)  # Friday, the oil day and Nowruz
            assert "Weekend" in rest or "Holiday:" in rest
        elif day.weekday() == 3:  # Thursday mornings only (08:00–13:00)
            assert times == [(9, 0), (11, 30)], (day, rest)
        else:
            # an hour after 08:00 and an hour after midday: one-hour meetings inside 08:00–16:00
            assert times == [(9, 0), (13, 0)], (day, rest)
    assert "Holiday: Nowruz" in rows[date(2027, 3, 21)]  # the isolates are not drawn
    assert rows[date(2027, 3, 25)].endswith("Nowruz")  # a working day inside the season


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_trip_brief_says_when_almost_all_of_it_is_holiday(tmp_path: Path) -> None:
    db = _iran(tmp_path)
    pdf = tmp_path / "trip.pdf"
    # Friday 19 to Wednesday 24 March 2027: the weekend, the oil day and Nowruz
    d.trip_brief(db, pdf, "IR", date(2027, 3, 19), date(2027, 3, 24), lang="en", now=NOW)
    db.close()
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert (
        "Almost all of this trip is holiday: only 0 of its 6 days are working days in Iran." in flat
    )


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_trip_brief_warns_only_of_public_holidays(
    demo: tuple[Database, str], tmp_path: Path
) -> None:
    # 13 May 2026, the Royal Ploughing Ceremony, is a holiday for government offices only:
    # listed, but businesses work, so the day keeps its slots and there is no warning.
    db, _account_id = demo
    pdf = tmp_path / "t.pdf"
    d.trip_brief(db, pdf, "TH", date(2026, 5, 10), date(2026, 5, 20), lang="en", now=NOW)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Royal Ploughing Ceremony" in text
    assert "Public holiday in Thailand" not in text
    rows = _slot_lines(text)
    # 08:30–17:30 there, and the day's note says what the holiday table lists that day
    assert rows[date(2026, 5, 13)] == "09:30 and 14:00 Royal Ploughing Ceremony (government)"
    assert rows[date(2026, 5, 16)] == "— Weekend"


# --- the command line: lookup, scope, output --------------------------------------------------


@pytest.fixture
def named(tmp_path: Path) -> Database:
    from accountdesk.core.records import AccountInput
    from accountdesk.core.services.accounts import create_account

    db = open_database(tmp_path / "named.db")
    for name, country, city in (
        ("Kapadokya Seramik A.Ş.", "TR", "Nevşehir"),
        ("SIA Ābele Logistika", "LV", "Rīga"),
        ("SIA Ābele Serviss", "LV", "Cēsis"),
        ("Šodien d.o.o.", "SI", "Ljubljana"),
        ("ΑΘΗΝΑ Α.Ε.", "GR", "Αθήνα"),
        ("Twin", "LV", "Rīga"),
        ("Twin", "LV", "Ogre"),
    ):
        create_account(db, AccountInput(name=name, country=country, city=city, owner="Ann"))
    return db


def test_lookup_folds_case_and_accents_in_every_script(named: Database) -> None:
    def name_of(text: str) -> str:
        with named.reader() as s:
            account = s.get(Account, d.find_account(named, text))
            assert account is not None
            return account.name

    assert name_of("kapadokya seramik a.ş.") == "Kapadokya Seramik A.Ş."
    assert name_of("KAPADOKYA SERAMIK A.S.") == "Kapadokya Seramik A.Ş."
    assert name_of("sia ābele logistika") == "SIA Ābele Logistika"
    assert name_of("sia abele serv") == "SIA Ābele Serviss"  # the beginnings of its words
    assert name_of("šodien d.o.o.") == "Šodien d.o.o."
    assert name_of("sodien") == "Šodien d.o.o."
    assert name_of("αθηνα α.ε.") == "ΑΘΗΝΑ Α.Ε."


def test_lookup_finds_a_name_as_search_does(db: Database) -> None:
    """A name search finds names the account for its report: its ae/oe/ue spelling, a word
    inside a run of Thai or Chinese characters; not its city, industry or notes (review
    rev13's 10th). On SQLite and on PostgreSQL."""
    from accountdesk.core.queries.search import search
    from accountdesk.core.records import AccountInput
    from accountdesk.core.services.accounts import create_account

    made = {
        name: create_account(
            db, AccountInput(name=name, country=country, city=city, notes="Mülheim")
        )
        for name, country, city in (
            ("Müller Maschinenbau GmbH", "DE", "München"),
            ("株式会社山田製作所", "JP", "大阪"),
            ("บริษัท สยามเทรด จำกัด", "TH", "กรุงเทพมหานคร"),
        )
    }
    for typed, name in (
        ("mueller", "Müller Maschinenbau GmbH"),
        ("Mueller Maschinenbau", "Müller Maschinenbau GmbH"),
        ("müller gmbh", "Müller Maschinenbau GmbH"),
        ("山田", "株式会社山田製作所"),
        ("山田製作所", "株式会社山田製作所"),
        ("เทรด", "บริษัท สยามเทรด จำกัด"),
    ):
        assert [h.id for h in search(db, typed)][:1] == [made[name]]  # as search finds it
        assert d.find_account(db, typed) == made[name], typed
    for elsewhere in ("münchen", "mulheim", "大阪"):  # a city, notes: not the name
        with pytest.raises(UserError, match="No account is called"):
            d.find_account(db, elsewhere)


def test_an_ambiguous_name_lists_the_candidates(named: Database) -> None:
    with pytest.raises(UserError) as caught:
        d.find_account(named, "sia ābele")
    lines = caught.value.message.splitlines()
    assert lines[0] == "2 accounts match “sia ābele”; give the id of one of them:"
    with named.reader() as s:
        ids = {a.name: a.id for a in s.scalars(select(Account))}
    assert lines[1].strip() == f"SIA Ābele Logistika — Rīga, Latvia — {ids['SIA Ābele Logistika']}"
    assert lines[2].strip().startswith("SIA Ābele Serviss — Cēsis, Latvia — ")
    with pytest.raises(UserError, match="2 accounts match “twin”"):
        d.find_account(named, "twin")


def test_the_candidates_are_in_the_language_s_order(named: Database) -> None:
    """Listed as the account list orders names (ICU), not by code point, where Ç comes
    after Z."""
    from accountdesk.core.records import AccountInput
    from accountdesk.core.services.accounts import create_account

    for name in ("Zorlu Çelik A.Ş.", "Çelik Yapı A.Ş."):
        create_account(named, AccountInput(name=name, country="TR", city="Bursa", owner="Ann"))
    with pytest.raises(UserError) as caught:
        d.find_account(named, "çelik")
    lines = [line.strip() for line in caught.value.message.splitlines()]
    assert [line.split(" — ")[0] for line in lines[1:]] == ["Çelik Yapı A.Ş.", "Zorlu Çelik A.Ş."]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["portfolio", "--country", "XX"], "is not an ISO 3166 country code"),
        (["portfolio", "--country", "DE"], "No account is in Germany (DE)."),
        (["portfolio", "--owner", "Bob"], "No account has the owner “Bob”; the owners are: Ann."),
        (["portfolio", "--segment", "platinum"], "No account is in a segment called"),
        (["trip", "--country", "XX", "--from", "2027-03-18", "--to", "2027-03-20"], "ISO 3166"),
        (["account", "sia ābele"], "2 accounts match"),
        (["account", "nobody at all"], "No account is called"),
        # days no report can compute: the range named, not "unexpected error (OverflowError)"
        (
            ["portfolio", "--from", "0001-01-01", "--to", "0001-12-31"],
            "1 Jan 1 is outside the days reports cover, 1 Jan 1900 to 31 Dec 2100.",
        ),
        (
            ["portfolio", "--from", "9999-01-01", "--to", "9999-12-31"],
            "1 Jan 9999 is outside the days reports cover, 1 Jan 1900 to 31 Dec 2100.",
        ),
        (["portfolio", "--to", "1900-06-01"], "2 Jun 1899 is outside the days reports cover"),
        (
            ["trip", "--country", "LV", "--from", "9999-12-25", "--to", "9999-12-31"],
            "25 Dec 9999 is outside the days reports cover, 1 Jan 1900 to 31 Dec 2100.",
        ),
        (
            ["account", "sia ābele logistika", "--from", "1850-01-01", "--to", "1850-12-31"],
            "1 Jan 1850 is outside the days reports cover",
        ),
        # a period that starts after today has no figures: refused, with --to or without
        (["portfolio", "--from", "2099-01-01"], "The period starts after today ("),
        (
            ["account", "sia ābele logistika", "--from", "2099-01-01"],
            "): it has no figures yet.",
        ),
        (
            ["portfolio", "--from", "2099-01-01", "--to", "2099-03-31"],
            "The period starts after today (",
        ),
        (
            ["account", "sia ābele logistika", "--from", "2099-01-01", "--to", "2099-06-30"],
            "The period starts after today (",
        ),
        (
            [
                "trip",
                "--country",
                "LV",
                "--city",
                "Atlantis",
                "--from",
                "2027-03-18",
                "--to",
                "2027-03-20",
            ],
            # the accounts' cities there too (an account without a contact there is listed)
            "No contact in Latvia is in “Atlantis”; the cities there are: Cēsis, Ogre, Rīga.",
        ),
    ],
)
def test_cli_refuses_an_unknown_scope_in_one_sentence_and_writes_nothing(
    named: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
    message: str,
) -> None:  # fmt: skip
    from accountdesk.cli import main

    out = tmp_path / "r.pdf"
    out.write_bytes(b"the report of last week")
    assert main(["report", *args, "--db", str(named.path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert message in err and "unexpected error" not in err
    assert out.read_bytes() == b"the report of last week"  # untouched
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".r.pdf")] == []


def test_cli_names_a_missing_or_unwritable_output_folder(
    named: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from accountdesk.cli import main

    base = ["report", "portfolio", "--db", str(named.path), "-o"]
    missing = tmp_path / "no" / "such" / "r.pdf"
    assert main([*base, str(missing)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (
        f"accountdesk: {missing} cannot be written: the folder {missing.parent} does not exist."
    )
    assert main([*base, str(tmp_path)]) == 1
    assert f"{tmp_path} is a folder" in capsys.readouterr().err
    done = tmp_path / "r.pdf"
    assert main([*base, str(done), "--owner", "ann"]) == 0
    assert done.read_bytes().startswith(b"%PDF")
    made = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("named.db"))
    assert made == ["r.pdf"]  # no temporary file left beside it


def test_a_report_that_cannot_be_written_names_the_path(
    named: Database, tiny_disk: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    from accountdesk.cli import main

    folder = tiny_disk.make("1m")
    tiny_disk.read_only(folder)  # stops root too, unlike chmod
    target = folder / "r.pdf"
    assert main(["report", "portfolio", "--db", str(named.path), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"accountdesk: {target} cannot be written: ")
    assert "unexpected error" not in err and not target.exists()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "10:00 and 14:30"),
        ("fa", "۱۰:۰۰ و ۱۴:۳۰"),
        ("th", "10:00 และ 14:30"),  # "และ" stands apart next to numbers
        ("tr", "10:00 ve 14:30"),
    ],
)
def test_suggested_slots_of_a_trip_day_are_a_list_not_a_range(lang: str, expected: str) -> None:
    """Two suggested times side by side with two spaces ("10:00  14:30") read like a range
    from 10:00 to 14:30: they are written as the language writes a list (CLDR)."""
    from accountdesk.core import i18n
    from accountdesk.core.timekeeping.planner import trip_outlook

    ctx = d._context(lang, datetime(2026, 11, 29, 9, tzinfo=UTC), "Europe/Riga")
    outlook = trip_outlook(
        "TR", None, "Europe/Istanbul", date(2026, 12, 1), date(2026, 12, 1), lang=lang
    )
    with i18n.use_language(lang):
        rows = d._slot_rows(ctx, outlook, ())
    assert [row[1] for row in rows] == [expected]


def test_fit_columns_widens_a_column_from_the_others_room() -> None:
    assert d._fit_columns([100, 100], [50, 80], 10) == [100, 100]  # all fit
    # the second needs 150 + 10 and is widened by 60, which the two others give up
    widened = d._fit_columns([100, 100, 100], [40, 150, 0], 10)
    assert widened[1] == pytest.approx(160)
    assert sum(widened) == pytest.approx(300)
    # the room is taken in proportion to what each has beyond its need (50 and 100)
    assert widened[0] == pytest.approx(100 - 60 * 50 / 150)
    assert widened[2] == pytest.approx(100 - 60 * 100 / 150)
    assert d._fit_columns([100, 100], [95, 150], 10) == [100, 100]  # no room: left as it was
    # too little room: all of it goes to the short columns, in proportion to what they lack
    shared = d._fit_columns([100, 100, 100, 100], [40, 250, 0, 150], 10)
    assert sum(shared) == pytest.approx(400)
    assert shared[0] == pytest.approx(50) and shared[2] == pytest.approx(0)
    assert shared[1] == pytest.approx(100 + 150 * 160 / 220)
    assert shared[3] == pytest.approx(100 + 150 * 60 / 220)


def _cell_lines(table: Any, row: int, column: int) -> list[str]:
    cell = table._cellvalues[row][column]
    cell.wrap(table._colWidths[column] - d.CELL_PADDING, 1000)
    return [line.logical for line in cell._lines]


@pytest.mark.parametrize("lang", ["lv", "en", "fa", "th"])
def test_no_word_of_a_table_title_or_cell_is_cut(lang: str) -> None:
    """QA, Latvian: "Uzņēmu/mi" (the breakdowns' Accounts), "Atbildīg/ais" and "Vērtēj/ums"
    (the at-risk table's Owner and Score), "Ziņapmaiņ/a" (a contact's channel) broke inside
    the word. A column is as wide as its longest word, from the room the others do not need."""
    from accountdesk.core import i18n
    from accountdesk.core.bidi import plain
    from accountdesk.core.i18n import _
    from accountdesk.core.icu import line_breaks

    ctx = d._context(lang, NOW, "Europe/Riga")
    with i18n.use_language(lang):
        tables = [
            (
                [_("By segment"), _("Accounts"), _("Retention"), _("Churn"), _("NPS"),
                 _("CSAT"), _("Revenue")],
                [[_("Gold"), "12", "91,7% (12)", "8,3% (12)", "40 (10)", "85,0% (20)",
                  "1 234 567,00 €"]],
                [21, 11, 14, 13, 12, 13, 16],
            ),
            (
                [_("Account"), _("Owner"), _("Value at stake"), _("Score"), _("Why"),
                 _("Next step")],
                [["Rheintal Logistik GmbH", "Sara Karimi", "45 376,00 €", "4",
                  "304 " + _("Messaging"), _("Add a contact person and get in touch.")]],
                [17, 10, 13, 8, 26, 26],
            ),
            (
                [_("Name"), _("Phone and e-mail"), _("Local time"), _("Channel"), _("Language")],
                [["Ilze Kalniņa", "+371 2000 0001", "10:00", _("Messaging"), "latviešu"]],
                [25, 33, 17, 12, 13],
            ),
        ]  # fmt: skip
        for header, rows, widths in tables:
            table = d._table(ctx, header, rows, widths)
            assert sum(table._colWidths) == pytest.approx(d.PAGE[0] - 2 * d.MARGIN)
            for r, texts in enumerate([header, *rows]):
                for i, text in enumerate(texts):
                    column = len(texts) - 1 - i if ctx.rtl else i
                    lines = _cell_lines(table, r, column)
                    assert not any(line.endswith("-") for line in lines), (text, lines)
                    # every line ends where ICU lets a line break (between Thai words too)
                    shown = plain(ctx.text(text))
                    assert "".join(lines) == shown.replace("\n", "")
                    ends = {len("".join(lines[: k + 1])) for k in range(len(lines))}
                    assert ends <= set(line_breaks(shown.replace("\n", " "))), (text, lines)


@pytest.mark.parametrize("lang", ["en", "fa", "th", "tr"])
def test_an_e_mail_address_in_a_trip_table_is_not_cut(lang: str) -> None:
    """The QA tour's "oguz.aydin@kapadokyaseramik.exampl / e" in the trip brief's contacts:
    its column is widened, so the address stays on one line."""
    from accountdesk.core import i18n
    from accountdesk.core.bidi import ltr

    email = "oguz.aydin@kapadokyaseramik.example"
    ctx = d._context(lang, NOW, "Europe/Riga")
    with i18n.use_language(lang):
        rows = [
            [
                "Kapadokya Seramik A.Ş. 57",
                "—",
                "Oğuz Bey",
                f"{ltr('+905012340514')}\n{ltr(email)}",
                "İstanbul",
            ]
        ]
        table = d._table(
            ctx,
            ["Account", "Status", "Contact", "Phone and e-mail", "City"],
            rows,
            [20, 11, 20, 35, 14],
        )
    column = 1 if ctx.rtl else 3  # the fourth column, mirrored in a right-to-left report
    cell = table._cellvalues[1][column]
    cell.wrap(table._colWidths[column] - d.CELL_PADDING, 1000)
    assert [line.logical for line in cell._lines] == ["+905012340514", email]
    assert sum(table._colWidths) == pytest.approx(d.PAGE[0] - 2 * d.MARGIN)


def test_a_trip_day_on_a_weekend_holiday_says_both() -> None:
    """The slots table of a trip brief: Christmas on a Saturday is "Weekend; holiday: …" (it
    said "Weekend"), and the warnings list it with the other public holidays of the trip."""
    from accountdesk.core import i18n
    from accountdesk.core.bidi import plain
    from accountdesk.core.timekeeping.calendars import StaticCalendar
    from accountdesk.core.timekeeping.planner import trip_outlook

    christmas = StaticCalendar(
        holidays={"LV": {date(2027, 12, 24): "Christmas Eve", date(2027, 12, 25): "Christmas Day"}}
    )
    ctx = d._context("en", datetime(2027, 12, 1, 9, tzinfo=UTC), "Europe/Riga")
    outlook = trip_outlook(
        "LV", None, "Europe/Riga", date(2027, 12, 24), date(2027, 12, 26), calendar=christmas
    )
    with i18n.use_language("en"):
        notes = [row[2] for row in d._slot_rows(ctx, outlook, ())]
        warnings = d._trip_warnings(ctx, "LV", outlook, ())
    assert notes == ["Holiday: Christmas Eve", "Weekend; holiday: Christmas Day", "Weekend"]
    shown = [plain(w) for w in warnings]
    assert "Public holiday in Latvia during the trip: Christmas Day (25 Dec 2027)." in shown
