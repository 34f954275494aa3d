"""A phone number a file gives without a label is labelled as what the number is: a mobile
"mobile", a fixed line "work", and a number that may be either (every number of the United
States) "work", the app's default. The CSV import labelled every bare number "work", "+98 912
…" and "+66 81 …" too (UX review 30, item 10); the number is read once, by the validation that
stores it. A number typed in the contact form without a label stays "work", as the form shows
it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from accountdesk.core import validation as v
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Contact
from accountdesk.core.io.csv_io import import_csv
from accountdesk.core.io.vcard import import_vcard
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact


@pytest.mark.parametrize(
    ("value", "country", "label", "stored"),
    [
        ("+98 912 123 4567", "IR", None, ("mobile", "+989121234567")),
        ("0912 123 4567", "IR", None, ("mobile", "+989121234567")),  # parsed for the country
        ("+66 81 234 5678", "TH", None, ("mobile", "+66812345678")),
        ("+371 26 123 456", "LV", None, ("mobile", "+37126123456")),
        ("+98 21 8888 1234", "IR", None, ("work", "+982188881234")),  # Tehran's fixed line
        ("+371 6700 0001", "LV", None, ("work", "+37167000001")),
        ("+1 212 555 0123", "US", None, ("work", "+12125550123")),  # fixed line or mobile
        ("+800 1234 5678", "LV", None, ("work", "+80012345678")),  # freephone
        ("+98 912 123 4567", "IR", "home", ("home", "+989121234567")),  # a label is kept
        ("+98 912 123 4567", "IR", "work", ("work", "+989121234567")),
    ],
)
def test_a_number_without_a_label_is_labelled_as_what_it_is(
    value: str, country: str, label: str | None, stored: tuple[str, str]
) -> None:
    assert v.labelled_phone(value, country, label) == stored
    assert v.phone(value, country) == stored[1]


def _phones(db: Database) -> dict[str, list[dict[str, str]]]:
    with db.reader() as s:
        return {c.given_name: c.phones for c in s.scalars(select(Contact))}


def test_a_csv_files_bare_numbers_are_labelled_as_what_they_are(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text(
        "account_name,account_country,given_name,phones\n"
        "Pars Petro,IR,Reza,+98 912 123 4567\n"
        "Pars Petro,IR,Maryam,+98 21 8888 1234; home:+98 912 765 4321\n"
        "Thai Herb Co.,TH,Kanya,+66 81 234 5678\n"
        "Acme,US,Jane,+1 212 555 0123\n"
        "Acme,US,John,work:+1 212 555 0199\n",
        encoding="utf-8",
    )
    import_csv(db, path)
    assert _phones(db) == {
        "Reza": [{"label": "mobile", "value": "+989121234567"}],
        "Maryam": [
            {"label": "work", "value": "+982188881234"},
            {"label": "home", "value": "+989127654321"},
        ],
        "Kanya": [{"label": "mobile", "value": "+66812345678"}],
        "Jane": [{"label": "work", "value": "+12125550123"}],
        "John": [{"label": "work", "value": "+12125550199"}],
    }


def test_a_cards_number_without_a_type_is_labelled_as_what_it_is(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "cards.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ahmadi;Reza;;;\r\nFN:Reza Ahmadi\r\nORG:Pars Petro\r\n"
        "TEL:+98 912 123 4567\r\nTEL;TYPE=VOICE:+98 21 8888 1234\r\n"
        "TEL;TYPE=WORK:+98 912 765 4321\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    import_vcard(db, path)
    assert _phones(db) == {
        "Reza": [
            {"label": "mobile", "value": "+989121234567"},
            {"label": "work", "value": "+982188881234"},
            {"label": "work", "value": "+989127654321"},  # the card said work
        ]
    }


def test_a_number_typed_in_the_form_without_a_label_stays_work(db: Database) -> None:
    """The contact form leaves "work" unsaid (``ui/contacts/editor.py::_joined``): a number
    stored as "work" and saved again from the form must not turn into "mobile"."""
    account = create_account(db, AccountInput(name="Pars Petro", country="IR"))
    create_contact(
        db,
        ContactInput(
            account_id=account, given_name="Reza", country="IR", phones=["+98 912 123 4567"]
        ),
    )
    assert _phones(db) == {"Reza": [{"label": "work", "value": "+989121234567"}]}
