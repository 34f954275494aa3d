"""Labels of e-mail addresses and phone numbers as other products write them, read by the CSV and
the vCard import alike (validation.written_label): Google's "Work Fax" and "Home Fax" are fax,
its "Google Voice" other, Apple's HomeFAX fax, and any other label of several words is kept as
one word. Each was dropped for the default "work": a fax shown as a work number, a private
address as the office one."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from accountdesk.core import validation as v
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Contact
from accountdesk.core.io.csv_format import map_header, plan_chunks
from accountdesk.core.io.vcard import import_vcard


@pytest.mark.parametrize(
    ("written", "ours"),
    [
        ("Work", "Work"),  # one word: as it is (the CSV import folds Google's case first)
        ("* Work", "Work"),  # Google's mark of the first value
        ("บ้าน", "บ้าน"),
        ("Work Fax", "fax"),
        ("home fax", "fax"),
        ("HomeFAX", "fax"),  # Apple's _$!<HomeFAX>!$_
        ("Google Voice", "other"),
        ("Private mail", "PrivateMail"),
        ("office direct", "officeDirect"),
        ("Ilzes privātais", "IlzesPrivātais"),
        ("Tel. 2 (office)", "TelOffice"),
        ("x" * 30 + " " + "y" * 30, "other"),  # together longer than a label may be
        ("2", None),  # no letters: no label (the caller's default)
        ("", None),
    ],
)
def test_a_written_label_as_ours(written: str, ours: str | None) -> None:
    assert v.written_label(written) == ours
    if ours is not None:
        assert v.is_list_label(ours)


def test_googles_labels_of_several_words_in_a_csv_file() -> None:
    header = ["First Name", "Organization Name", "Address 1 - Country",
              "E-mail 1 - Label", "E-mail 1 - Value", "E-mail 2 - Label", "E-mail 2 - Value",
              "Phone 1 - Label", "Phone 1 - Value", "Phone 2 - Label", "Phone 2 - Value",
              "Phone 3 - Label", "Phone 3 - Value"]  # fmt: skip
    row = ["Ilze", "SIA Baltic Timber", "Latvia",
           "* Work", "ilze@baltictimber.lv", "Private mail", "ilze.b@inbox.lv",
           "Work Fax", "+371 67 123 457", "Google Voice", "+1 415 555 0100",
           "Home Fax", "+371 67 000 555"]  # fmt: skip
    (plan,) = plan_chunks(header, iter([row]), None, mapping=map_header(header))
    (contact,) = plan.contacts
    assert contact["emails"] == [
        {"label": "work", "value": "ilze@baltictimber.lv"},
        {"label": "privateMail", "value": "ilze.b@inbox.lv"},
    ]
    assert contact["phones"] == [
        {"label": "fax", "value": "+37167123457"},
        {"label": "other", "value": "+14155550100"},
        {"label": "fax", "value": "+37167000555"},
    ]


def test_apples_labels_of_several_words_in_a_vcard(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "iphone.vcf"
    path.write_bytes(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ozola;Līga;;;\r\nFN:Līga Ozola\r\n"
        "ORG:Latvijas Piens;\r\nADR;type=WORK:;;;Rīga;;;Latvia\r\n"
        "TEL;type=WORK;type=FAX:+371 67 000 999\r\n"
        "item1.TEL:+371 29 000 996\r\nitem1.X-ABLabel:Office direct\r\n"
        "item2.TEL:+371 29 000 995\r\nitem2.X-ABLabel:_$!<HomeFAX>!$_\r\n"
        "item3.EMAIL;type=INTERNET:liga.private@inbox.lv\r\nitem3.X-ABLabel:Private mail\r\n"
        "END:VCARD\r\n".encode()
    )
    import_vcard(db, path)
    with db.reader() as session:
        phones, emails = session.execute(select(Contact.phones, Contact.emails)).one()
    assert phones == [
        {"label": "fax", "value": "+37167000999"},
        {"label": "OfficeDirect", "value": "+37129000996"},
        {"label": "fax", "value": "+37129000995"},
    ]
    assert emails == [{"label": "PrivateMail", "value": "liga.private@inbox.lv"}]
