"""Property: whatever the app stores survives its own CSV export and re-import.

Accounts and contacts are made through the services (so only what validation accepts is
stored) from nasty text: right-to-left scripts, combining marks, emoji with joiners, quotes,
formula prefixes, separators and line breaks in the multi-line fields. Exporting, importing
into an empty database and exporting again must give the same file and the same stored values.
"""

from __future__ import annotations

import io
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from accountdesk.core.db.engine import open_database
from accountdesk.core.io.csv_io import export_csv, export_rows, import_csv
from accountdesk.core.records import (
    BUYING_ROLES,
    LAWFUL_BASES,
    AccountInput,
    ContactInput,
    ImportantDateInput,
)
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.validation import ValidationError

PIECES = [
    "a", "Z", "7", " ", ".", "ā", "ž", "ı", "İ", "ß",  # Latin with diacritics
    "e\u0301", "o\u0308", "\u0301",  # combining marks, also on their own
    "ש", "ל", "ו", "م", "ر", "ی", "\u200c", "۱",  # Hebrew, Arabic, Persian with ZWNJ
    "ก", "\u0e34", "ไ",  # Thai with a vowel sign
    "😀", "👩\u200d💻", "🇱🇻", "\ufe0f",  # emoji, a ZWJ sequence, a flag
    "'", '"', "''", '""', "=", "+", "-", "@", ",", "|", "!",  # quotes and formula characters
    "\u00a0", "\u3000",  # no-break and ideographic spaces
]  # fmt: skip
PREFIXES = ["", "", "=", "+", "-", "@", "'", "'=", "''+", "'@", '"', "=cmd|' /C calc'!A0 "]


def _text(pieces: list[str], *, max_pieces: int = 12) -> st.SearchStrategy[str]:
    body = st.lists(st.sampled_from(pieces), min_size=1, max_size=max_pieces).map("".join)
    return st.builds(lambda p, b: p + b, st.sampled_from(PREFIXES), body)


LINE = _text([*PIECES, ";"])
MULTI_LINE = _text([*PIECES, ";", "\n", "\t", "\r\n", "\n\n", "\u2028"], max_pieces=20)
TAG = _text(PIECES)  # no , or ; (they separate tags)
DATE_LABEL = _text([*PIECES, ","])

optional_line = st.none() | LINE
optional_notes = st.none() | MULTI_LINE

PLACES = [("LV", "Europe/Riga"), ("TH", None), ("IR", None), ("SI", None), ("TR", None)]
LV_PHONES = ["+37126123456", "26 123 457", "+371 6712 3456", "(+371) 2000 0000"]


@st.composite
def important_dates(draw: st.DrawFn) -> ImportantDateInput:
    # a date with its year has come (validation.plausible_date); without, any day of the year
    day = draw(st.dates(min_value=date(1940, 1, 1), max_value=date(2025, 12, 31)))
    return ImportantDateInput(
        kind=draw(st.sampled_from(["birthday", "work_anniversary", "custom"])),
        month=day.month,
        day=day.day,
        year=draw(st.none() | st.just(day.year)),
        label=draw(st.none() | DATE_LABEL),
        remind=draw(st.booleans()),
    )


@st.composite
def accounts(draw: st.DrawFn) -> AccountInput:
    country, zone = draw(st.sampled_from(PLACES))
    status = draw(st.sampled_from(["prospect", "active"]))
    since = draw(st.dates(date(2018, 1, 1), date(2025, 12, 31))) if status == "active" else None
    return AccountInput(
        name=draw(LINE),
        country=country,
        timezone=zone,
        industry=draw(optional_line),
        city=draw(optional_line),
        address=draw(optional_notes),
        tier=draw(optional_line),
        owner=draw(optional_line),
        notes=draw(optional_notes),
        currency=draw(st.sampled_from([None, "EUR", "THB", "IRR"])),
        status=status,
        customer_since=since,  # what an active account needs (records.account_status)
        tags=draw(st.lists(TAG, max_size=3)),
    )


@st.composite
def contacts(draw: st.DrawFn, account_id: str) -> ContactInput:
    country, zone = draw(st.sampled_from(PLACES))
    given_on, withdrawn_on = sorted(
        draw(st.lists(st.dates(date(2018, 1, 1), date(2025, 12, 31)), min_size=2, max_size=2))
    )
    labels = st.sampled_from(["work", "home", "mobile", "darbs", "خانه", "บ้าน"])
    return ContactInput(
        account_id=account_id,
        given_name=draw(LINE),
        family_name=draw(st.just("") | LINE),
        country=country,
        timezone=zone,
        name_order=draw(st.sampled_from(["given_first", "family_first"])),
        honorific=draw(optional_line),
        job_title=draw(optional_line),
        buying_role=draw(st.none() | st.sampled_from(BUYING_ROLES)),
        emails=draw(
            st.lists(
                st.tuples(labels, st.sampled_from(["=x@example.lv", "o'neil@example.ie"])),
                max_size=2,
            )
        ),
        phones=draw(st.lists(st.tuples(labels, st.sampled_from(LV_PHONES)), max_size=2))
        if country == "LV"
        else [],
        preferred_language=draw(st.sampled_from([None, "lv", "fa-IR", "th"])),
        city=draw(optional_line),
        personal_notes=draw(optional_notes),
        how_we_met=draw(optional_notes),
        lawful_basis=draw(st.none() | st.sampled_from(LAWFUL_BASES)),
        consent_given_on=draw(st.none() | st.just(given_on)),
        consent_withdrawn_on=draw(st.none() | st.just(withdrawn_on)),
        marketing_opt_in=draw(st.booleans()),
        stay_in_touch_days=draw(st.none() | st.integers(1, 400)),
        tags=draw(st.lists(TAG, max_size=3)),
        important_dates=draw(st.lists(important_dates(), max_size=3)),
    )


def _export(db: Any) -> str:
    out = io.StringIO()
    export_csv(db, out)
    return out.getvalue()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data(), how_many=st.lists(st.integers(0, 3), min_size=1, max_size=3))
def test_export_import_export_is_the_identity(data: st.DataObject, how_many: list[int]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        first = open_database(Path(folder) / "first.db")
        second = open_database(Path(folder) / "second.db")
        try:
            for people in how_many:
                try:
                    account_id = create_account(first, data.draw(accounts()))
                    for _person in range(people):
                        create_contact(first, data.draw(contacts(account_id)))
                except ValidationError:
                    reject()  # e.g. a name of only combining marks and spaces after trimming
            exported = _export(first)
            path = Path(folder) / "export.csv"
            path.write_text(exported, encoding="utf-8")
            import_csv(second, path)
            assert list(export_rows(second)) == list(export_rows(first))  # the stored values
            assert _export(second) == exported  # and the file
        finally:
            first.close()
            second.close()
