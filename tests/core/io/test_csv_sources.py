"""Other products' CSV exports (tests/data/*_contacts.csv, written for these tests): the product
recognised from the header, its columns mapped to ours, values as people write them, and the
consistency checks every CSV import makes (disagreeing rows, duplicate headers, short rows,
unknown columns)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from accountdesk.cli import main
from accountdesk.core.address import form_of_address
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, Contact
from accountdesk.core.i18n import use_language
from accountdesk.core.io.csv_format import CsvImportError, map_header
from accountdesk.core.io.csv_io import COLUMNS, import_csv
from accountdesk.core.io.names import split_full_name
from accountdesk.core.io.sources import (
    OUTLOOK,
    OUTLOOK_HEADERS,
    code_page_name,
    detect,
    normalise,
    outlook_language,
)
from importfiles import write_csv

DATA = Path(__file__).parents[2] / "data"
SAMPLES = {
    "google": "google_contacts.csv",
    "outlook": "outlook_contacts.csv",
    "outlook_web": "outlook_web_contacts.csv",  # outlook.live.com's People → Export contacts
    "hubspot": "hubspot_contacts.csv",
    "salesforce": "salesforce_contacts.csv",
    "zoho": "zoho_contacts.csv",
    "pipedrive": "pipedrive_persons.csv",
}


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


def _contacts(db: Database) -> dict[str, dict[str, Any]]:
    """Contacts by family name (given name when there is none), with their account."""
    with db.reader() as s:
        rows = s.execute(select(Contact, Account).join(Account, Contact.account_id == Account.id))
        return {
            c.family_name or c.given_name: {
                "given": c.given_name,
                "family": c.family_name,
                "order": c.name_order,
                "honorific": c.honorific,
                "job": c.job_title,
                "country": c.country,
                "city": c.city,
                "emails": [(e["label"], e["value"]) for e in c.emails],
                "phones": [(p["label"], p["value"]) for p in c.phones],
                "notes": c.personal_notes,
                "account": a.name,
                "account_country": a.country,
            }
            for c, a in rows
        }


def _accounts(db: Database) -> list[tuple[str, str]]:
    with db.reader() as s:
        return sorted((a.name, a.country) for a in s.scalars(select(Account)))


@pytest.mark.parametrize("product", sorted(SAMPLES))
def test_each_sample_is_recognised_and_arrives_whole(db: Database, product: str) -> None:
    path = DATA / SAMPLES[product]
    found = detect(_header(path))
    assert found is not None and found.key == product.removesuffix("_web")
    report = import_csv(db, path)
    contacts = _contacts(db)
    assert report.contacts_created == len(contacts) >= 5
    assert report.source == found.name
    # one account per company and country, whatever the country was written as
    assert {c for _n, c in _accounts(db)} == {"LV", "SI", "TH", "TR", "IR"}
    assert len(_accounts(db)) == 5
    for contact in contacts.values():
        assert contact["emails"], contact
        assert contact["phones"] and all(v.startswith("+") for _l, v in contact["phones"])
        assert contact["job"] and contact["account"]


def test_google_keeps_every_email_and_phone_with_its_label(db: Database) -> None:
    import_csv(db, DATA / SAMPLES["google"])
    people = _contacts(db)
    assert people["Bērziņa"]["emails"] == [
        ("work", "ilze.berzina@koks.example"),
        ("home", "ilze@pasts.example"),
    ]
    assert people["Bērziņa"]["phones"] == [("mobile", "+37126123456"), ("work", "+37167123456")]
    # two numbers in one cell (" ::: ") and one more column: all three kept
    assert people["Novak"]["phones"] == [
        ("mobile", "+38631234567"),
        ("mobile", "+38641234567"),
        ("work", "+38612345678"),
    ]
    assert people["Bērziņa"]["account"] == people["Kalniņš"]["account"] == "Baltijas Koks"
    assert people["احمدی"]["honorific"] == "آقای"
    assert people["احمدی"]["phones"] == [("mobile", "+989123456789")]
    assert people["ใจดี"]["country"] == "TH" and people["ใจดี"]["city"] == "กรุงเทพมหานคร"


def test_outlook_title_is_the_honorific_and_an_empty_mobile_overwrites_nothing(
    db: Database,
) -> None:
    import_csv(db, DATA / SAMPLES["outlook"])
    people = _contacts(db)
    assert people["Bērziņa"]["honorific"] == "kundze"
    assert people["Bērziņa"]["job"] == "Iepirkumu vadītāja"
    assert people["Bērziņa"]["phones"] == [("work", "+37167123456")]
    assert people["Bērziņa"]["emails"] == [
        ("work", "ilze.berzina@koks.example"),
        ("other", "ilze@pasts.example"),
    ]
    assert people["Demir"]["phones"] == [("work", "+902121234567"), ("mobile", "+905337654321")]
    assert people["Demir"]["country"] == "TR" and people["کریمی"]["country"] == "IR"


def test_outlook_on_the_web_has_its_own_column_order(db: Database) -> None:
    """The web's export starts First Name, Middle Name, Last Name, Title: the title is
    still the honorific. Its Web Page is the person's (colleagues give their own): kept in
    their notes, not made the account's website."""
    import_csv(db, DATA / SAMPLES["outlook_web"])
    people = _contacts(db)
    assert (people["Ozoliņa"]["honorific"], people["Ozoliņa"]["job"]) == (
        "kundze",
        "Finanšu direktore",
    )
    assert people["Ozoliņa"]["phones"] == [("work", "+37167123461"), ("mobile", "+37126123461")]
    assert people["Ozoliņa"]["emails"] == [
        ("work", "kristine.ozolina@koks.example"),
        ("other", "kristine@pasts.example"),
    ]
    assert people["Ozoliņa"]["notes"] == "Satikāmies Rīgā\nWeb Page: https://koks.example"
    assert people["نوری"]["honorific"] == "خانم" and people["نوری"]["country"] == "IR"
    with db.reader() as s:
        assert s.scalar(select(Account.website).where(Account.name == "Baltijas Koks")) is None


def test_outlook_business_country_without_region(db: Database, tmp_path: Path) -> None:
    """Google Contacts' "Outlook CSV" (and older Outlooks) write Business Country."""
    path = write_csv(
        tmp_path / "contacts.csv",
        ["First Name", "Last Name", "Company", "Business Country", "E-mail 2 Address",
         "Business Phone 2"],
        [["Maja", "Zupan", "Alpski Les d.o.o.", "Slovenija", "maja@posta.example", "01 234 56 78"]],
    )  # fmt: skip
    report = import_csv(db, path)
    assert report.source == "Outlook" and report.unknown_columns == ()
    assert _contacts(db)["Zupan"]["country"] == "SI"


def test_a_zone_for_a_country_of_several_comes_from_the_phone_number(
    db: Database, tmp_path: Path
) -> None:
    """Exports carry no zone column; in the US, Canada or Russia the area code tells it."""
    path = write_csv(
        tmp_path / "contacts.csv",
        ["First Name", "Last Name", "Company", "Business Country/Region", "Business Phone"],
        [
            ["Ann", "Lee", "Hudson Grain", "United States", "+1 212 555 0100"],
            ["Bob", "Cruz", "Hudson Grain", "United States", "+1 415 555 0132"],
            ["Chloé", "Roy", "Lakeshore Mills", "Canada", "416 555 0199"],
        ],
    )
    import_csv(db, path)
    with db.reader() as s:
        zones = dict(s.execute(select(Contact.family_name, Contact.timezone)).all())
        accounts = dict(s.execute(select(Account.name, Account.timezone)).all())
    assert zones == {
        "Lee": "America/New_York", "Cruz": "America/Los_Angeles", "Roy": "America/Toronto"
    }  # fmt: skip
    # an account takes the zone of the first row that names it
    assert accounts == {"Hudson Grain": "America/New_York", "Lakeshore Mills": "America/Toronto"}


def test_without_a_zone_or_a_telling_number_the_row_is_named(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "contacts.csv",
        ["First Name", "Last Name", "Company", "Business Country/Region", "E-mail Address"],
        [["Ann", "Lee", "Hudson Grain", "United States", "ann@hudson.example"]],
    )
    with pytest.raises(CsvImportError) as refused:
        import_csv(db, path)
    assert str(refused.value).startswith(
        "Row 2: Time zone: is required for a country with several time zones. The file has "
        "no “Time zone” column"  # as the import dialog names it
    )
    assert _contacts(db) == {}


def test_a_country_whose_people_keep_one_clock_gives_its_zone(db: Database, tmp_path: Path) -> None:
    """Germany (Büsingen), Malaysia, China, Spain … have several zones in tzdata but their
    people keep one clock: a contact there without a zone or a telling number gets it (a
    Canary Islands landline still tells its own); one in the US does not."""
    path = write_csv(
        tmp_path / "contacts.csv",
        ["Company", "First Name", "Last Name", "Country", "Mobile Phone"],
        [
            ["X", "Anna", "Berger", "Germany", "0171 1234567"],
            ["Y", "Wei", "Wang", "China", ""],
            ["Z", "Ana", "Ruiz", "Spain", "612 345 678"],
            ["Z2", "Pilar", "Díaz", "Spain", "928 123 456"],
            ["W", "Ali", "Tan", "Malaysia", ""],
            ["V", "Olena", "Koval", "Ukraine", ""],
        ],
    )
    import_csv(db, path)
    with db.reader() as s:
        zones = dict(s.execute(select(Contact.family_name, Contact.timezone)).all())
        accounts = dict(s.execute(select(Account.name, Account.timezone)).all())
    assert zones == {
        "Berger": "Europe/Berlin", "Wang": "Asia/Shanghai", "Ruiz": "Europe/Madrid",
        "Díaz": "Atlantic/Canary", "Tan": "Asia/Kuala_Lumpur", "Koval": "Europe/Kyiv",
    }  # fmt: skip
    assert accounts["Y"] == "Asia/Shanghai" and accounts["Z2"] == "Atlantic/Canary"
    us = write_csv(
        tmp_path / "us.csv",
        ["Company", "First Name", "Last Name", "Country"],
        [["U", "Ann", "Lee", "United States"]],
    )
    with pytest.raises(CsvImportError, match=r"^Row 2: Time zone: is required"):
        import_csv(db, us)


@pytest.mark.parametrize("product", ["hubspot", "salesforce", "zoho"])
def test_salutation_is_the_honorific_and_title_the_job(db: Database, product: str) -> None:
    import_csv(db, DATA / SAMPLES[product])
    people = _contacts(db)
    honorifics = {c["honorific"] for c in people.values()} - {None}
    jobs = {c["job"] for c in people.values()}
    assert honorifics and honorifics.isdisjoint(jobs)


def test_names_in_two_columns_take_the_order_of_the_contacts_country(
    db: Database, tmp_path: Path
) -> None:
    """Google Contacts writes First Name and Last Name apart: a Japanese or Korean contact is
    shown family name first (田中太郎, 김민준), as the country writes names; a name_order
    column says otherwise when the file has one."""
    path = write_csv(
        tmp_path / "google.csv",
        ["First Name", "Last Name", "Organization Name", "E-mail 1 - Label", "E-mail 1 - Value",
         "Address 1 - Country"],
        [
            ["太郎", "田中", "ソニー株式会社", "* Work", "tanaka@sony.example", "Japan"],
            ["민준", "김", "삼성전자", "* Work", "kim@samsung.example", "South Korea"],
            ["Ilze", "Bērziņa", "Koks", "* Work", "ilze@koks.example", "Latvia"],
        ],
    )  # fmt: skip
    import_csv(db, path)
    people = _contacts(db)
    assert {family: c["order"] for family, c in people.items()} == {
        "田中": "family_first", "김": "family_first", "Bērziņa": "given_first"
    }  # fmt: skip
    said = write_csv(
        tmp_path / "ours.csv",
        ["account_name", "account_country", "given_name", "family_name", "name_order"],
        [["Sony", "JP", "Ken", "Sato", "given_first"]],
    )
    import_csv(db, said)
    assert _contacts(db)["Sato"]["order"] == "given_first"


def test_pipedrive_full_names_are_split_in_the_cultures_order(db: Database) -> None:
    import_csv(db, DATA / SAMPLES["pipedrive"])
    people = _contacts(db)
    assert people["موسوی"]["given"] == "فاطمه سادات"
    assert people["Potočnik"]["given"] == "Tina"
    assert people["สุขใจ"]["given"] == "มานพ"
    assert all(c["order"] == "given_first" for c in people.values())
    assert people["Potočnik"]["emails"] == [
        ("work", "tina.potocnik@alpskiles.example"),
        ("home", "tina@posta.example"),
    ]


def test_full_name_split() -> None:
    assert split_full_name("田中 太郎", "JP") == ("太郎", "田中", "family_first", None)
    assert split_full_name("Nagy Éva", "HU") == ("Éva", "Nagy", "family_first", None)
    assert split_full_name("Ilze Bērziņa", "LV") == ("Ilze", "Bērziņa", "given_first", None)
    assert split_full_name("王伟", "CN") == ("王伟", "", "family_first", None)
    assert split_full_name("Ayşe Nur Yılmaz", "TR") == ("Ayşe Nur", "Yılmaz", "given_first", None)


@pytest.mark.parametrize(
    ("full", "country", "given", "family", "honorific"),
    [
        ("ga. Tina Potočnik", "SI", "Tina", "Potočnik", "ga."),
        ("Dr. Ali Rezaei", "IR", "Ali", "Rezaei", "Dr."),
        ("آقای محمد رضا احمدی", "IR", "محمد رضا", "احمدی", "آقای"),
        ("جناب آقای علی رضایی", "IR", "علی", "رضایی", "جناب آقای"),
        ("คุณ วิชัย ศรีสุข", "TH", "วิชัย", "ศรีสุข", "คุณ"),
        ("Ayşe Yılmaz Hanım", "TR", "Ayşe", "Yılmaz", "Hanım"),
        ("Ayşe Hanım", "TR", "Ayşe", "", "Hanım"),
        ("Ilze Bērziņa kundze", "LV", "Ilze", "Bērziņa", "kundze"),
        ("Mr Smith", "GB", "Smith", "", "Mr"),  # a name is never left without a given name
        # Not honorifics: Thai คุณ joined to a name (คุณวุฒิ is a given name), initials.
        ("คุณวุฒิ สุขใจ", "TH", "คุณวุฒิ", "สุขใจ", None),
        ("M Smith", "FR", "M", "Smith", None),
        ("Bey", "TR", "Bey", "", None),
        # A generation suffix stays with the family name it qualifies.
        ("Janez Novak ml.", "SI", "Janez", "Novak ml.", None),
        ("Dr. John Smith Jr.", "US", "John", "Smith Jr.", "Dr."),
        # a word that is an honorific in one language and a name in another: the row's country
        ("Pan Wei", "CN", "Wei", "Pan", None),  # a Chinese family name, not Polish "pan"
        ("Pan Jan Kowalski", "PL", "Jan", "Kowalski", "Pan"),
        ("Sig Hansen", "NO", "Sig", "Hansen", None),  # a Norwegian name, not Italian "sig"
        ("Ga Eun Lee", "KR", "Eun Lee", "Ga", None),  # not Slovenian "ga"
        ("ga Tina Potočnik", "SI", "Tina", "Potočnik", "ga"),
        ("Mr Ali Rezaei", "IR", "Ali", "Rezaei", "Mr"),  # used across languages
        ("Yamada Taro Jr.", "JP", "Taro", "Yamada Jr.", None),  # the suffix kept, family first
        # the honorifics core/address.py knows, in their countries only
        ("Khun Somchai Wongyai", "TH", "Somchai", "Wongyai", "Khun"),
        ("دکتر زهرا رضایی", "IR", "زهرا", "رضایی", "دکتر"),
        ("Zeynep Çelik Hanim", "TR", "Zeynep", "Çelik", "Hanim"),
        ("Bay Ahmet Yılmaz", "TR", "Ahmet", "Yılmaz", "Bay"),
        ("Doktor Ahmet Yılmaz", "TR", "Ahmet", "Yılmaz", "Doktor"),
        ("Pak Budi Santoso", "ID", "Budi", "Santoso", "Pak"),
        ("Pak Ji-sung", "KR", "Ji-sung", "Pak", None),  # a Korean family name
        ("Don Johnson", "US", "Don", "Johnson", None),  # not Spanish "don"
        # A bare word put before a given name (Don, Pak, Bu, Cik …) is often a given name
        # itself: with one word after it, both words are the name, and the family name stays.
        ("Don Johnson", "PH", "Don", "Johnson", None),
        ("Don Ramirez", "MX", "Don", "Ramirez", None),
        ("Bu Hua", "ID", "Bu", "Hua", None),
        ("Cik Ali", "MY", "Cik", "Ali", None),
        ("Sayyid Qutb", "EG", "Sayyid", "Qutb", None),
        ("Khun Somchai", "TH", "Khun", "Somchai", None),
        ("Don Juan Pérez", "MX", "Juan", "Pérez", "Don"),  # two words after it: the honorific
        ("Bu Sri Wahyuni", "ID", "Sri", "Wahyuni", "Bu"),
        ("Doña María López García", "MX", "María López", "García", "Doña"),
        # where the word after the honorific is the name it goes with, one word is enough
        ("Ông An", "VN", "An", "", "Ông"),  # before the last given name
        ("Herr Müller", "DE", "Müller", "", "Herr"),  # before the family name, as "Mr Smith"
    ],
)
def test_honorifics_in_a_full_name_are_the_honorific(
    full: str, country: str, given: str, family: str, honorific: str | None
) -> None:
    name = split_full_name(full, country)
    assert (name.given, name.family, name.honorific) == (given, family, honorific)


@pytest.mark.parametrize(
    ("full", "country", "given", "family"),
    [
        # a family name's particles, in lower case, and the Arabic article go with it
        ("Herr Karl von Weizsäcker", "DE", "Karl", "von Weizsäcker"),
        ("Dhr. Jan van der Berg", "NL", "Jan", "van der Berg"),
        ("Mme Marie de La Fontaine", "FR", "Marie", "de La Fontaine"),
        ("Jean-Pierre de La Fontaine", "FR", "Jean-Pierre", "de La Fontaine"),
        ("Ludwig Mies van der Rohe", "DE", "Ludwig Mies", "van der Rohe"),
        ("Ahmed Al Khalifa", "BH", "Ahmed", "Al Khalifa"),
        ("Saif al-Islam Gaddafi", "LY", "Saif al-Islam", "Gaddafi"),
        # but the first word of a name is a given name, "Al" and "El" too
        ("Al Pacino", "US", "Al", "Pacino"),
        ("Al Gore", "US", "Al", "Gore"),
        ("El Greco", "ES", "El", "Greco"),
        ("Al Hassan Al Nahyan", "AE", "Al Hassan", "Al Nahyan"),
        # a particle of descent starts the family name
        ("Dr. Mohammed bin Salman Al Saud", "SA", "Mohammed", "bin Salman Al Saud"),
        ("Siti Nurhaliza binti Tarudin", "MY", "Siti Nurhaliza", "binti Tarudin"),
        # Spanish and Portuguese: two surnames in a name of four parts or more
        ("Sra. María José García López", "ES", "María José", "García López"),
        ("María del Carmen García López", "ES", "María del Carmen", "García López"),
        ("José de Jesús Hernández López", "MX", "José de Jesús", "Hernández López"),
        ("João Pedro da Silva Santos", "PT", "João Pedro", "da Silva Santos"),
        ("José Ortega y Gasset", "ES", "José", "Ortega y Gasset"),
        # three parts: two given names or two surnames, which the rule cannot know: the last
        ("María José García", "ES", "María José", "García"),
        ("Ana de Souza Lima", "BR", "Ana de Souza", "Lima"),
        # capitalised, a particle may be a name: left as it was (Vietnamese Văn as "Van")
        ("An Van Nguyen", "US", "An Van", "Nguyen"),
        # one name beside the honorific is kept whole, as "Mr Smith" is
        ("Herr von Weizsäcker", "DE", "von Weizsäcker", ""),
    ],
)
def test_particles_and_two_surnames_go_with_the_family_name(
    full: str, country: str, given: str, family: str
) -> None:
    name = split_full_name(full, country)
    assert (name.given, name.family) == (given, family)


def test_a_full_names_particles_reach_the_form_of_address(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "persons.csv",
        ["Person - Name", "Person - Organization", "Person - Postal address - Country"],
        [
            ["Herr Karl von Weizsäcker", "Berlin GmbH", "Deutschland"],
            ["Sra. María José García López", "Madrid SA", "España"],
        ],
    )
    import_csv(db, path)
    people = _contacts(db)
    assert {k: (p["given"], p["honorific"]) for k, p in people.items()} == {
        "von Weizsäcker": ("Karl", "Herr"),
        "García López": ("María José", "Sra."),
    }
    karl = people["von Weizsäcker"]
    shown = form_of_address("Herr", karl["given"], karl["family"], karl["order"], country="DE")
    assert shown == "Herr von Weizsäcker"


def test_an_honorific_in_a_name_cell_arrives_as_the_honorific(db: Database, tmp_path: Path) -> None:
    header = _header(DATA / SAMPLES["pipedrive"])
    path = write_csv(
        tmp_path / "persons.csv",
        ["Person - Name", "Person - Organization", "Person - Postal address - Country"],
        [
            ["ga. Tina Potočnik", "Alpski Les d.o.o.", "Slovenija"],
            ["Ayşe Hanım", "Anadolu Kereste A.Ş.", "Türkiye"],
            ["آقای محمد رضا احمدی", "چوب پارس", "ایران"],
            ["คุณ วิชัย ศรีสุข", "สยามไม้", "ประเทศไทย"],
            ["Don Johnson", "Luzon Timber Corp.", "Philippines"],  # a name, not Spanish "don"
        ],
    )
    assert "Person - Name" in header
    import_csv(db, path)
    people = _contacts(db)
    assert {k: (p["given"], p["honorific"], p["country"]) for k, p in people.items()} == {
        "Potočnik": ("Tina", "ga.", "SI"),
        "Ayşe": ("Ayşe", "Hanım", "TR"),
        "احمدی": ("محمد رضا", "آقای", "IR"),
        "ศรีสุข": ("วิชัย", "คุณ", "TH"),
        "Johnson": ("Don", None, "PH"),
    }


def test_from_reads_the_file_as_that_product(db: Database) -> None:
    report = import_csv(db, DATA / SAMPLES["zoho"], source="salesforce", dry_run=True)
    assert report.source == "Salesforce"
    assert "Secondary Email" in report.unknown_columns
    assert _accounts(db) == []


def test_our_own_format_is_not_taken_for_a_product(tmp_path: Path) -> None:
    mapping = map_header(list(COLUMNS))
    assert mapping.source is None and mapping.unknown == [] and not mapping.problems


def test_unknown_columns_are_reported_and_kept_in_notes_when_asked(
    db: Database, tmp_path: Path
) -> None:
    path = DATA / SAMPLES["hubspot"]
    report = import_csv(db, path, dry_run=True)
    assert report.unknown_columns == (
        "Record ID",
        "Lifecycle Stage",
        "Contact owner",
        "Associated Company",
    )
    assert "--keep-unknown" in report.remarks()[1]
    report = import_csv(db, path, keep_unknown=True)
    assert report.kept_unknown and "--keep-unknown" not in report.remarks()[1]
    notes = _contacts(db)["Ozola"]["notes"]
    assert notes == (
        "Record ID: 101\nLifecycle Stage: customer\nContact owner: Anna Sales\n"
        "Associated Company: Baltijas Koks"
    )


def test_rows_of_one_account_that_disagree_are_a_problem(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "a.csv",
        ["account_name", "account_country", "account_industry", "given_name", "family_name"],
        [
            ["Baltijas Koks", "LV", "Timber", "Ilze", "Bērziņa"],
            ["Baltijas Koks", "Latvija", "", "Jānis", "Kalniņš"],
            ["Baltijas Koks", "LV", "Furniture", "Anna", "Liepa"],
        ],
    )
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert caught.value.problems == [
        "Rows 2 and 4 are the same account but disagree in column account_industry: "
        "“Timber” and “Furniture”."
    ]
    assert _accounts(db) == []
    with pytest.raises(CsvImportError):
        import_csv(db, path, dry_run=True)


def test_an_account_id_with_another_country_on_a_later_row_is_a_problem(
    db: Database, tmp_path: Path
) -> None:
    rows = [["0190e0e0-0000-7000-8000-000000000001", "Anadolu", "TR", "Ayşe"]]
    rows.append(["0190e0e0-0000-7000-8000-000000000001", "Anadolu", "Türkiye", "Can"])
    rows.append(["0190e0e0-0000-7000-8000-000000000001", "Anadolu", "IR", "Elif"])
    path = write_csv(
        tmp_path / "a.csv", ["account_id", "account_name", "account_country", "given_name"], rows
    )
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert caught.value.problems == [
        "Rows 2 and 4 are the same account but disagree in column account_country: “TR” and “IR”."
    ]


def test_duplicate_and_aliased_headers_are_problems(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "a.csv",
        ["Company", "Country", "First Name", "Email", "email", "Account Name"],
        [["Alpski Les", "SI", "Maja", "a@b.example", "c@d.example", "Alpski Les"]],
    )
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert caught.value.problems == [
        "Columns 4 and 5 have the same name, “email”.",
        "Columns “Company” and “Account Name” both give account_name; keep one of them.",
    ]
    assert _accounts(db) == []


def test_a_row_with_too_few_cells_is_a_problem(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "account_name,account_country,given_name,family_name\nAlpski Les,SI,Maja,Zupan\n"
        "Alpski Les,SI\n",
        encoding="utf-8",
    )
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert caught.value.problems == ["Row 3 has only 2 cells; the header has 4."]
    assert _accounts(db) == []


def test_problems_name_the_files_own_column(db: Database, tmp_path: Path) -> None:
    header = _header(DATA / SAMPLES["salesforce"])
    row = ["", "Janez", "Kos", "", "Alpski Les", "", "", "", "", "Slovenija", "12", "", "", "", ""]
    path = write_csv(tmp_path / "sf.csv", header, [row])
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert caught.value.problems[0].startswith("Row 2, column Phone: ")


@pytest.mark.parametrize(
    ("phone", "mobile", "column", "value"),
    [
        ("020 7946 0958", "12345", "Mobile Phone Number", "12345"),
        ("12345", "07911 123456", "Phone Number", "12345"),
    ],
)
def test_a_bad_number_is_named_with_the_column_it_is_in(
    db: Database, tmp_path: Path, phone: str, mobile: str, column: str, value: str
) -> None:
    """HubSpot's two phone columns (Outlook has nine, Google four) are read into one list;
    a bad number in the second is in the second, not in the first."""
    path = write_csv(
        tmp_path / "hubspot.csv",
        ["Record ID", "First Name", "Last Name", "Email", "Phone Number", "Mobile Phone Number",
         "Company Name", "Country/Region"],
        [["1", "Ann", "Lee", "a@x.example", phone, mobile, "X Ltd", "United Kingdom"]],
    )  # fmt: skip
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert caught.value.problems == [
        f"Row 2, column {column}: Phone “{value}”: is not a valid phone number for United Kingdom"
    ]
    assert (caught.value.details[0].column, caught.value.details[0].value) == (column, value)


def test_a_bad_address_in_a_googles_second_column_is_named_so(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "google.csv",
        ["First Name", "Organization Name", "Address 1 - Country", "E-mail 1 - Label",
         "E-mail 1 - Value", "E-mail 2 - Label", "E-mail 2 - Value"],
        [["Ann", "X", "Latvia", "* Work", "ann@x.example ::: a@x.example", "Home", "ann@"]],
    )  # fmt: skip
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert caught.value.details[0].column == "E-mail 2 - Value"


def test_a_country_that_is_none_is_named_in_the_files_country_column(
    db: Database, tmp_path: Path
) -> None:
    """The file has a Country column: its value is no country, and no column is missing."""
    path = write_csv(
        tmp_path / "errs.csv",
        ["Company", "First Name", "Last Name", "Country"],
        [["A Ltd", "Anna", "One", "Latvia"], ["B Ltd", "Berk", "Two", "Narnia"]],
    )
    with pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert caught.value.problems == [
        "Row 3, column Country: Country “Narnia”: is not an ISO 3166 country code (for example "
        "LV, TH or IR)"
    ]
    assert caught.value.details[0].column == "Country"


def test_cli_dry_run_prints_the_report_and_problems_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("ACCOUNTDESK_DB", raising=False)
    db = str(tmp_path / "x.db")
    sample = str(DATA / SAMPLES["pipedrive"])
    assert main(["import", "--db", db, sample, "--dry-run", "--from", "pipedrive"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Checked 5 rows; nothing was written.")
    assert out[1:] == [
        "Read as an export of Pipedrive.",
        "2 columns AccountDesk has no field for were not imported: “Person - ID” and "
        "“Person - Labels” (--keep-unknown keeps them in the notes).",
    ]
    bad = write_csv(
        tmp_path / "bad.csv",
        ["account_name", "account_country", "account_city", "given_name"],
        [["Anadolu", "TR", "İstanbul", "Ayşe"], ["Anadolu", "TR", "Ankara", "Can"]],
    )
    assert main(["import", "--db", db, str(bad)]) == 1
    err = capsys.readouterr().err
    assert "Rows 2 and 3 are the same account but disagree in column account_city" in err
    assert main(["import", "--db", db, str(bad), "--dry-run"]) == 1
    assert main(["import", "--db", db, sample]) == 0
    assert "Added 5 contacts." in capsys.readouterr().out


# --- Outlook desktop in other languages: its own header, its Windows code page ---------------

LOCALISED = {  # language: (code page, a contact by family name: what must arrive)
    "lv": ("cp1257", "Ozoliņa", {
        "given": "Līga", "honorific": None, "job": "Iepirkumu vadītāja", "country": "LV",
        "city": "Rīga", "account": "Ziemeļu Dzirnavas SIA",
        "emails": [("work", "liga.ozolina@dzirnavas.example")],
        "phones": [("work", "+37167123456"), ("mobile", "+37129123456")],
        "notes": "Dod priekšroku zvaniem no rīta.",
    }),
    "sl": ("cp1250", "Žagar", {
        "given": "Špela", "honorific": "ga.", "job": None, "country": "SI", "city": "Maribor",
        "account": "Gozdarstvo Pohorje d.o.o.",
        "emails": [("work", "spela.zagar@pohorje.example")],
        "phones": [("work", "+38622345678"), ("mobile", "+38641234567")],
        "notes": "Čaka na ponudbo za hrastov les.",
    }),
    "th": ("cp874", "ใจดี", {
        "given": "สมศักดิ์", "honorific": "คุณ", "job": "ผู้จัดการฝ่ายจัดซื้อ", "country": "TH",
        "city": "กรุงเทพมหานคร", "account": "บริษัท สยามไม้แปรรูป จำกัด",
        "emails": [("work", "somsak@siammai.example")],
        "phones": [("work", "+6621234567"), ("mobile", "+66812345678")],
        "notes": "นัดประชุมช่วงบ่ายได้สะดวก",
    }),
    "tr": ("cp1254", "Çelik", {
        "given": "Oğuz", "honorific": "Bay", "job": "Satın Alma Müdürü", "country": "TR",
        "city": "İzmir", "account": "Ege Kereste Sanayi A.Ş.",
        "emails": [("work", "oguz.celik@egekereste.example")],
        "phones": [("work", "+902321234567"), ("work", "+902321234568"),
                   ("mobile", "+905327654321")],
        "notes": "Çay ikramını sever; toplantılar öğleden sonra.",
    }),
}  # fmt: skip


@pytest.mark.parametrize("language", sorted(LOCALISED))
def test_a_localised_outlook_export_in_its_code_page_arrives_whole(
    db: Database, language: str
) -> None:
    code_page, family, expected = LOCALISED[language]
    path = DATA / f"outlook_contacts_{language}.csv"
    raw = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # as Outlook writes it: not UTF-8
    assert outlook_language(raw.split(b"\n", 1)[0]) == (language, code_page)
    found = detect(next(csv.reader([raw.split(b"\r\n", 1)[0].decode(code_page)])))
    assert found is not None and found.key == "outlook"

    report = import_csv(db, path)
    assert (report.contacts_created, report.accounts_created) == (2, 1)
    assert report.code_page == code_page
    assert any(code_page_name(code_page) in line for line in report.remarks())
    # the columns AccountDesk has no field for, named as the file names them
    assert len(report.unknown_columns) == 5
    contact = _contacts(db)[family]
    for key, value in expected.items():
        assert contact[key] == value, key


def test_every_localised_outlook_header_means_what_its_english_one_means() -> None:
    """No localised header collides with another column's (of its own or another language)."""
    columns = OUTLOOK.columns
    for _code_page, names in OUTLOOK_HEADERS.values():
        for english, own in names.items():
            if normalise(english) in columns:
                assert columns[normalise(own)] == columns[normalise(english)], own
    # Thai vowels and tone marks are part of a header's words, not spaces between them
    assert normalise("ชื่อ") != normalise("ชอ")


def test_a_file_in_a_code_page_without_a_known_header_is_read_in_the_users(
    db: Database, tmp_path: Path
) -> None:
    """An English header on a Turkish Windows: the user's language says the code page, and
    the report says which was used."""
    path = tmp_path / "tr.csv"
    text = (
        "account_name,account_country,given_name,family_name,country,timezone\r\n"
        "Ege Kereste A.Ş.,TR,Şule,Yıldırım,TR,Europe/Istanbul\r\n"
    )
    path.write_bytes(text.encode("cp1254"))
    with use_language("tr"):
        report = import_csv(db, path)
    assert report.code_page == "cp1254"
    assert _contacts(db)["Yıldırım"]["given"] == "Şule"
    assert _accounts(db) == [("Ege Kereste A.Ş.", "TR")]


def test_bytes_the_users_code_page_cannot_read_are_one_sentence(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"account_name,account_country\r\nA\x81B,LV\r\n")  # 0x81: no letter in cp1252
    with use_language("en"), pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert "is neither UTF-8 text (byte 31) nor Windows-1252 text" in str(caught.value)
    assert _accounts(db) == []


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_utf8_with_a_damaged_byte_is_refused_not_garbled(
    db: Database, tmp_path: Path, bom: bytes
) -> None:
    """Read in a code page, every letter of a UTF-8 file would be garbled: a file with more
    well-formed UTF-8 letters than bad bytes (or a UTF-8 byte-order mark) is UTF-8, refused
    with the damaged byte named, as before code pages were read."""
    good = "account_name,account_country,given_name,family_name,country,timezone\r\n"
    good += "Öztürk Ltd,TR,Ayşe,Müller,TR,Europe/Istanbul\r\n"
    raw = bom + good.encode() + b"Acme,CZ,Jan,Nov\xe1k,CZ,Europe/Prague\r\n"
    path = tmp_path / "damaged.csv"
    path.write_bytes(raw)
    for language in ("fa", "en"):  # Windows-1256 would read every byte
        with use_language(language), pytest.raises(CsvImportError) as caught:
            import_csv(db, path)
    damaged = raw.index(b"\xe1")
    assert f"is not UTF-8 text (byte {damaged})" in str(caught.value)
    assert _accounts(db) == []


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_unicode_with_a_byte_order_mark_is_read(
    db: Database, tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / f"{encoding}.csv"
    text = (
        "account_name,account_country,given_name,family_name,country,timezone\r\n"
        "สยามไม้,TH,สมศักดิ์,ใจดี,TH,Asia/Bangkok\r\n"
    )
    path.write_bytes(text.encode(encoding))
    report = import_csv(db, path)
    assert (report.contacts_created, report.code_page) == (1, None)
    assert _contacts(db)["ใจดี"]["given"] == "สมศักดิ์"
    assert _accounts(db) == [("สยามไม้", "TH")]


@pytest.mark.parametrize("city", ["อุดรธานี", "จำกัด", "อนันต์"])
def test_a_little_thai_in_windows_874_is_read_not_refused(
    db: Database, tmp_path: Path, city: str
) -> None:
    """Thai letters lie where UTF-8's second bytes do: a short Thai text forms some UTF-8
    pairs by chance (review: "อุดรธานี" 3 to 2 bytes UTF-8 cannot read), and was refused as
    damaged UTF-8. The header names the file's own columns (no Outlook), so the user's
    language does not tell the code page either: Thai text in a Thai UI."""
    path = tmp_path / "th.csv"
    text = (
        "account_name,account_country,given_name,family_name,country,timezone,city\r\n"
        f"Siam Trade,TH,Somchai,Jaidee,TH,Asia/Bangkok,{city}\r\n"
    )
    path.write_bytes(text.encode("cp874"))
    with use_language("th"):
        report = import_csv(db, path)
    assert report.code_page == "cp874"
    assert _contacts(db)["Jaidee"]["city"] == city


def test_a_damaged_utf8_file_under_an_ascii_outlook_header_is_refused(
    db: Database, tmp_path: Path
) -> None:
    """Outlook's localised names are mostly ASCII ("Naziv", "Ime", "Priimek"): an export saved
    again as UTF-8 has them too, and one damaged byte must not make the whole file Windows-1250
    (review: "Špela" read as "Ĺ pela")."""
    path = tmp_path / "sl.csv"
    raw = "Naziv,Ime,Priimek,Podjetje,Opombe\r\nga.,Špela,Žagar,Pohorje,ok\r\n".encode()
    path.write_bytes(raw + b"\x96\r\n")
    with use_language("sl"), pytest.raises(CsvImportError) as caught:
        import_csv(db, path)
    assert f"(bajt {len(raw)})" in str(caught.value)
    assert _accounts(db) == []


@pytest.mark.parametrize(
    ("header", "row", "family"),
    [
        (
            ["Vārds", "Uzvārds", "Uzņēmums", "E-pasts", "Tālrunis", "Valsts", "Pilsēta", "Amats"],
            ["Jānis", "Bērziņš", "SIA Koks", "janis@koks.example", "+371 21234567", "Latvija",
             "Rīga", "Valdes loceklis"],
            "Bērziņš",
        ),
        (
            ["Ime", "Priimek", "Podjetje", "E-pošta", "Telefon", "Država", "Kraj",
             "Delovno mesto"],
            ["Janez", "Novak", "Novo d.o.o.", "janez@novo.example", "+386 31 123 456",
             "Slovenija", "Ljubljana", "Direktor"],
            "Novak",
        ),
        (
            ["AD", "SOYAD", "ŞİRKET", "E-POSTA", "CEP TELEFONU", "ÜLKE", "ŞEHİR", "GÖREV"],
            ["Ahmet", "Yılmaz", "Yeni Tekstil A.Ş.", "ahmet@yt.example", "+90 532 123 45 67",
             "Türkiye", "İstanbul", "Genel Müdür"],
            "Yılmaz",
        ),
        (
            ["ชื่อ", "นามสกุล", "บริษัท", "อีเมล", "เบอร์มือถือ", "ประเทศ", "เมือง", "ตำแหน่ง"],
            ["สมชาย", "ใจดี", "บริษัท ไทยค้า จำกัด", "somchai@thaika.example", "+66 81 234 5678",
             "ไทย", "กรุงเทพฯ", "ผู้จัดการ"],
            "ใจดี",
        ),
        (
            ["نام", "نام\u200cخانوادگی", "شرکت", "ایمیل", "موبایل", "کشور", "شهر", "سمت"],
            ["مریم", "رضایی", "پارس تجارت", "maryam@pars.example", "+98 912 345 6789", "ایران",
             "تهران", "مدیر فروش"],
            "رضایی",
        ),
    ],
)  # fmt: skip
def test_a_spreadsheet_headed_in_the_apps_languages_is_read(
    db: Database, tmp_path: Path, header: list[str], row: list[str], family: str
) -> None:
    """A rep's own list headed in Latvian, Slovenian, Turkish (in capitals, dotted İ
    included), Thai or Persian (a ZWNJ inside نام‌خانوادگی) is read as the same list headed
    in English is (native review rev18's 6th): no column is left unknown."""
    path = write_csv(tmp_path / "list.csv", header, [row])
    report = import_csv(db, path)
    assert report.unknown_columns == ()
    person = _contacts(db)[family]
    assert (person["given"], person["account"], person["job"]) == (row[0], row[2], row[7])
    assert person["emails"] == [("work", row[3])]
    assert len(person["phones"]) == 1
