"""A CSV row that gives no country takes it from its first phone number in international form,
as the vCard import takes a card's (one rule: countries.country_of_phones). HubSpot,
Pipedrive and Outlook exports often have no country but "+66 …" numbers; the CSV import
refused the whole file ("Country: is required") where the vCard of the same person imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from accountdesk.core.culture.countries import country_of_phones
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, Contact
from accountdesk.core.io.csv_format import CsvImportError
from accountdesk.core.io.csv_io import import_csv
from accountdesk.core.io.vcard import import_vcard


@pytest.mark.parametrize(
    ("numbers", "country"),
    [
        (["+66 81 234 5678"], "TH"),
        (["081 234 5678", "+371 26 123 456"], "LV"),  # the first in international form
        (["tel:+386-41-123-456"], "SI"),  # vCard 4.0's URI
        (["+1 416 555 0100"], "CA"),  # +1: the number's own country
        (["+800 1234 5678"], None),  # an international freephone number: no country
        (["081 234 5678"], None),
        ([], None),
    ],
)
def test_the_country_of_phone_numbers(numbers: list[str], country: str | None) -> None:
    assert country_of_phones(numbers) == country


def test_a_row_without_a_country_takes_its_phone_numbers(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "hubspot.csv"
    path.write_text(
        "First Name,Last Name,Company,Country,Mobile Phone,E-mail Address\n"
        "Kanya,Srisuk,Thai Herb Co.,,+66 81 234 5678,kanya@thaiherb.co.th\n"
        "Ilze,Ozola,Baltic Timber,Latvia,+371 26 123 456,ilze@bt.lv\n",
        encoding="utf-8",
    )
    import_csv(db, path)
    with db.reader() as s:
        stored = sorted(
            s.execute(
                select(Account.name, Account.country, Contact.country, Contact.phones).join(
                    Contact, Contact.account_id == Account.id
                )
            ).all()
        )
    assert stored == [
        ("Baltic Timber", "LV", "LV", [{"label": "mobile", "value": "+37126123456"}]),
        ("Thai Herb Co.", "TH", "TH", [{"label": "mobile", "value": "+66812345678"}]),
    ]


def test_a_row_without_a_country_nor_an_international_number_is_refused(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "local.csv"
    path.write_text(
        "First Name,Company,Country,Mobile Phone\nKanya,Thai Herb Co.,,081 234 5678\n",
        encoding="utf-8",
    )
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert caught.value.problems == ["Row 2, column Country: Country: is required"]


def test_a_card_without_an_address_takes_its_phone_numbers(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "phone.vcf"
    path.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Kranjc;Mojca;;;\r\nFN:Mojca Kranjc\r\n"
        b"TEL;TYPE=HOME:01 234 56 78\r\nTEL;TYPE=WORK:+386 41 123 456\r\nEND:VCARD\r\n"
    )
    report = import_vcard(db, path)
    # (a card without ADR is not said to have one)
    assert "Card 1 (Mojca Kranjc): no country given; taken from the phone number: SI" in (
        report.remarks()
    )
    with db.reader() as s:
        assert s.execute(select(Contact.country)).scalar_one() == "SI"
