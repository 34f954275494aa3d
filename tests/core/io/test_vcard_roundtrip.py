"""vCard round trips: export → import into an empty database → export gives the same file, and
the contacts' N, FN, ORG, TITLE, EMAIL, TEL, ADR, BDAY, ANNIVERSARY, LANG, TZ, NOTE,
CATEGORIES and UID arrive unchanged, in 3.0 and 4.0, and so do what AccountDesk's own
properties carry: buying role, preferred channel, formality, working hours, how we met,
stay-in-touch cadence and the consent (lawful basis, dates, marketing opt-in)."""

from __future__ import annotations

import io
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st
from sqlalchemy import select

from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import Contact
from accountdesk.core.demo import generate
from accountdesk.core.errors import NotFoundError
from accountdesk.core.io.vcard import VERSIONS, export_vcard, import_vcard
from accountdesk.core.records import AccountInput, ContactInput, ImportantDateInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.validation import ValidationError

MADE = datetime(2026, 3, 1, 12, tzinfo=UTC)

#: What the round trip keeps, per contact.
KEPT = (
    "id", "given_name", "family_name", "honorific", "job_title", "emails", "phones", "country",
    "subdivision", "city", "timezone", "preferred_language", "personal_notes", "buying_role",
    "preferred_channel", "formality", "work_start", "work_end", "how_we_met", "lawful_basis",
    "consent_given_on", "consent_withdrawn_on", "marketing_opt_in", "stay_in_touch_days",
)  # fmt: skip


def stored(db: Database) -> dict[str, dict[str, Any]]:
    with db.reader() as session:
        out = {}
        for c in session.scalars(select(Contact).where(Contact.deleted_at.is_(None))):
            values = {key: getattr(c, key) for key in KEPT}
            values["account"] = (c.account.name, c.account.country)
            values["tags"] = sorted(t.name for t in c.tags)
            values["dates"] = sorted(
                (d.kind, d.year or 0, d.month, d.day, d.label or "", d.remind)
                for d in c.important_dates
            )
            if c.family_name:  # without a family name both orders read the same
                values["name_order"] = c.name_order
            out[c.id] = values
        return out


def round_trip(db: Database, folder: Path, version: str) -> tuple[str, str, Database]:
    first = io.StringIO()
    export_vcard(db, first, version=version)
    path = folder / f"contacts-{version}.vcf"
    path.write_text(first.getvalue(), encoding="utf-8", newline="")
    again = open_database(folder / f"again-{version}.db")
    import_vcard(again, path)
    second = io.StringIO()
    export_vcard(again, second, version=version)
    return first.getvalue(), second.getvalue(), again


def fill(db: Database) -> dict[str, str]:
    amber = create_account(db, AccountInput(name="Baltic; Amber, SIA", country="LV"))
    siam = create_account(db, AccountInput(name="สยาม จำกัด", country="TH"))
    pars = create_account(db, AccountInput(name="پارس صنعت", country="IR"))
    return {
        "anna": create_contact(
            db,
            ContactInput(
                account_id=amber,
                given_name="Anna",
                family_name="Bērziņa",
                country="LV",
                honorific="kundze",
                job_title="Head of sales: Baltics, Nordics",
                emails=[("work", "anna@amber.lv"), ("home", "anna@x.lv"), ("บ้าน", "a@b.th")],
                phones=[("mobile", "+37126123456"), ("work", "67123456"), ("fax", "67000000")],
                preferred_language="lv",
                city="Rīga",
                subdivision="RIX",
                personal_notes="Line 1\nLine; two, with comma \\ backslash\n\tand a tab",
                buying_role="champion",
                preferred_channel="messaging",
                formality="informal",
                work_start="08:30",
                work_end="16:30",
                how_we_met="Riga fair; stand 4,\nthen dinner",
                lawful_basis="consent",
                consent_given_on="2024-02-01",
                marketing_opt_in=True,
                stay_in_touch_days=45,
                tags=["VIP", "golf"],
                important_dates=[
                    ImportantDateInput("birthday", 4, 12, 1985),
                    ImportantDateInput("work_anniversary", 3, 1, 2015, 'Joined "Amber"', False),
                    ImportantDateInput("custom", 6, 23, None, "Jāņi"),
                    ImportantDateInput("custom", 5, 24, None, "Vārda diena: ^_^"),
                ],
            ),
        ),
        "somchai": create_contact(
            db,
            ContactInput(
                account_id=siam,
                given_name="สมชาย",
                family_name="ใจดี",
                country="LV",  # a Latvian office of a Thai account
                timezone="Europe/Riga",
                honorific="คุณ",
                phones=[("work", "+66 2 123 4567")],
                personal_notes="ยาวมาก " * 40,
            ),
        ),
        "wang": create_contact(
            db,
            ContactInput(
                account_id=siam,
                given_name="伟",
                family_name="王",
                name_order="family_first",
                country="TH",
                important_dates=[ImportantDateInput("birthday", 2, 29, None, None, False)],
            ),
        ),
        "maryam": create_contact(
            db,
            ContactInput(
                account_id=pars,
                given_name="مریم",
                family_name="جعفری",
                honorific="خانم",
                country="IR",
                preferred_language="fa-IR",
                emails=[("work", "m.jafari@example.ir")],
                consent_given_on="2024-05-01",
                consent_withdrawn_on="2025-06-30",  # and so no marketing
                tags=["ایران 👩‍💻"],
            ),
        ),
    }


@pytest.mark.parametrize("version", VERSIONS)
def test_export_import_export_is_identical(db: Database, tmp_path: Path, version: str) -> None:
    fill(db)
    first, second, again = round_trip(db, tmp_path, version)
    assert first.count("BEGIN:VCARD") == 4
    assert f"VERSION:{version}\r\n" in first
    assert second == first
    assert stored(again) == stored(db)
    again.close()


def test_what_a_40_card_looks_like(db: Database) -> None:
    ids = fill(db)
    out = io.StringIO()
    export_vcard(db, out, contact_ids=[ids["anna"]], version="4.0")
    lines = out.getvalue().replace("\r\n ", "").split("\r\n")
    assert lines[:6] == [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"UID:urn:uuid:{ids['anna']}",
        "FN:Anna Bērziņa",
        "N:Bērziņa;Anna;;;kundze",  # kungs and kundze follow the name: N's suffix
        "ORG:Baltic\\; Amber\\, SIA",
    ]
    assert "TITLE:Head of sales: Baltics\\, Nordics" in lines
    assert "EMAIL;TYPE=work:anna@amber.lv" in lines
    assert "item1.EMAIL:a@b.th" in lines and "item1.X-ABLabel:บ้าน" in lines
    assert "TEL;TYPE=cell;VALUE=uri:tel:+37126123456" in lines
    assert "ADR;TYPE=work:;;;Rīga;RIX;;Latvia" in lines
    assert "BDAY:19850412" in lines
    # The first "other date" is the card's ANNIVERSARY; the rest are AccountDesk's own dates.
    assert 'ANNIVERSARY;X-ACCOUNTDESK-LABEL="Vārda diena: ^^_^^":--0524' in lines
    assert 'X-ACCOUNTDESK-DATE;X-ACCOUNTDESK-KIND=custom;X-ACCOUNTDESK-LABEL="Jāņi":--0623' in lines
    assert (
        "X-ACCOUNTDESK-DATE;X-ACCOUNTDESK-KIND=work_anniversary;"
        "X-ACCOUNTDESK-LABEL=\"Joined ^'Amber^'\";X-ACCOUNTDESK-REMIND=no:20150301"
    ) in lines
    assert "LANG:lv" in lines and "TZ:Europe/Riga" in lines
    assert "NOTE:Line 1\\nLine\\; two\\, with comma \\\\ backslash\\n\tand a tab" in lines
    assert "CATEGORIES:VIP,golf" in lines
    assert lines[-11:] == [
        "X-ACCOUNTDESK-BUYING-ROLE:champion",
        "X-ACCOUNTDESK-CHANNEL:messaging",
        "X-ACCOUNTDESK-FORMALITY:informal",
        "X-ACCOUNTDESK-STAY-IN-TOUCH-DAYS:45",
        "X-ACCOUNTDESK-HOW-WE-MET:Riga fair\\; stand 4\\,\\nthen dinner",
        "X-ACCOUNTDESK-LAWFUL-BASIS:consent",
        "X-ACCOUNTDESK-CONSENT-GIVEN:2024-02-01",
        "X-ACCOUNTDESK-MARKETING-OPT-IN:yes",
        "X-ACCOUNTDESK-WORK-HOURS:08:30-16:30",
        "END:VCARD",
        "",
    ]
    assert all(len(line.encode()) <= 75 for line in out.getvalue().split("\r\n"))


def test_an_honorific_that_follows_the_name_is_the_suffix_of_n(db: Database) -> None:
    """Address books show N's prefix before the name and its suffix after it: Turkish Bey,
    Chinese 先生, Korean 님 go after the name, Mr and خانم before it."""
    account = create_account(db, AccountInput(name="Anadolu", country="TR"))
    names = [
        ("İsmail", "Işık", "Bey", "Işık;İsmail;;;Bey"),
        ("伟", "王", "先生", "王;伟;;;先生"),
        ("민준", "김", "님", "김;민준;;;님"),
        ("John", "Smith", "Mr", "Smith;John;;Mr;"),
        ("مریم", "جعفری", "خانم", "جعفری;مریم;;خانم;"),
    ]
    ids = [
        create_contact(
            db,
            ContactInput(
                account_id=account,
                given_name=given,
                family_name=family,
                honorific=honorific,
                country="TR",
            ),
        )
        for given, family, honorific, _n in names
    ]
    out = io.StringIO()
    export_vcard(db, out, contact_ids=ids, version="4.0")
    lines = out.getvalue().replace("\r\n ", "").split("\r\n")
    assert sorted(line for line in lines if line.startswith("N:")) == sorted(
        f"N:{n}" for *_, n in names
    )


def test_what_a_30_card_writes_differently(db: Database) -> None:
    ids = fill(db)
    out = io.StringIO()
    export_vcard(db, out, contact_ids=[ids["anna"], ids["somchai"]], version="3.0")
    text = out.getvalue().replace("\r\n ", "")
    assert "TEL;TYPE=cell:+37126123456\r\n" in text
    assert "BDAY:1985-04-12\r\n" in text
    assert "TZ;VALUE=text:Europe/Riga\r\n" in text
    # Somchai's account is Thai, he is in Latvia: the account's country travels with ORG.
    assert "ORG;X-ACCOUNTDESK-COUNTRY=TH:สยาม จำกัด\r\n" in text
    assert "ADR;TYPE=work:;;;;;;Latvia\r\n" in text
    assert text.count("BEGIN:VCARD") == 2


def test_a_selection_and_an_unknown_id(db: Database) -> None:
    ids = fill(db)
    out = io.StringIO()
    assert export_vcard(db, out, contact_ids=[ids["wang"], ids["maryam"]]) == 2
    assert f"UID:urn:uuid:{ids['wang']}" in out.getvalue()
    assert f"UID:urn:uuid:{ids['anna']}" not in out.getvalue()
    with pytest.raises(NotFoundError):
        export_vcard(db, io.StringIO(), contact_ids=["01900000-0000-7000-8000-00000000dead"])


PIECES = [
    "a", "Z", "7", " ", ".", "ā", "ž", "ı", "İ", "ß", "e\u0301", "ש", "م", "ی", "\u200c", "ก",
    "\u0e34", "😀", "👩\u200d💻", "'", '"', "\\", ",", ";", ":", "^", "=", "+", "\u00a0",
]  # fmt: skip
LINE = st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join)
NOTES = st.lists(st.sampled_from([*PIECES, "\n", "\t", "\u2028"]), max_size=120).map("".join)
TAG = st.lists(st.sampled_from([p for p in PIECES if p not in ",;"]), min_size=1, max_size=8)
LABEL = st.sampled_from(["work", "home", "mobile", "fax", "pager", "Work", "ofis", "บ้าน"])


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    names=st.tuples(LINE, st.none() | LINE, st.none() | LINE, st.none() | LINE),
    order=st.sampled_from(["given_first", "family_first"]),
    account=LINE,
    notes=st.none() | NOTES,
    tags=st.lists(TAG.map("".join), max_size=4),
    labels=st.tuples(LABEL, LABEL),
    date_label=st.none() | LINE,
    remind=st.booleans(),
    version=st.sampled_from(VERSIONS),
)
def test_any_values_the_app_stores_survive_the_round_trip(
    names: tuple[str, str | None, str | None, str | None],
    order: str,
    account: str,
    notes: str | None,
    tags: list[str],
    labels: tuple[str, str],
    date_label: str | None,
    remind: bool,
    version: str,
) -> None:
    given_name, family, honorific, title = names
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "first.db")
        try:
            account_id = create_account(db, AccountInput(name=account, country="TR"))
            create_contact(
                db,
                ContactInput(
                    account_id=account_id,
                    given_name=given_name,
                    family_name=family or "",
                    name_order=order,
                    honorific=honorific,
                    job_title=title,
                    country="TR",
                    emails=[(labels[0], "ayse@example.com.tr")],
                    phones=[(labels[1], "+90 532 123 45 67")],
                    personal_notes=notes,
                    tags=tags,
                    important_dates=[ImportantDateInput("custom", 1, 31, 2001, date_label, remind)],
                ),
            )
        except ValidationError:
            db.close()
            reject()
        first, second, again = round_trip(db, Path(folder), version)
        try:
            assert second == first
            mine, theirs = stored(db), stored(again)
            if names[0].strip() == (family or "").strip():
                for values in (*mine.values(), *theirs.values()):
                    values.pop("name_order", None)  # both orders read the same
            assert theirs == mine
        finally:
            again.close()
            db.close()


@pytest.mark.parametrize("version", VERSIONS)
def test_the_demo_data_round_trip(db: Database, tmp_path: Path, version: str) -> None:
    """Every live contact of a few hundred demo accounts: the same file again, the same
    contacts (their ids from UID, names, e-mails, phones, dates, tags) in the new database."""
    generate(db, accounts=300, seed=7, anchor=date(2026, 3, 1), clock=lambda: MADE)
    first, second, again = round_trip(db, tmp_path, version)
    try:
        mine = stored(db)
        assert len(mine) > 600 and first.count("BEGIN:VCARD") == len(mine)
        assert all(f"UID:urn:uuid:{contact_id}\r\n" in first for contact_id in mine)
        assert second == first
        assert stored(again) == mine
    finally:
        again.close()
