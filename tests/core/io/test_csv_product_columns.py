"""Other products' columns read for what they hold (code review rev16, 5th, 6th and 8th): a
person's web page is not the account's website; state and region columns are the region, by
ISO code or name; Categories, Labels and Tag are tags; Outlook's values for nothing entered are
not notes; a whole name in a "Name" or "Full Name" column is the full name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, Contact
from accountdesk.core.io import mapping as m
from accountdesk.core.io.csv_format import CsvImportError
from accountdesk.core.io.csv_io import import_csv
from importfiles import write_csv

GOOGLE = [
    "First Name", "Last Name", "Organization Name", "Labels", "E-mail 1 - Label",
    "E-mail 1 - Value", "Address 1 - City", "Address 1 - Region", "Address 1 - Country",
    "Website 1 - Label", "Website 1 - Value",
]  # fmt: skip
OUTLOOK = [
    "First Name", "Last Name", "Company", "Business City", "Business State",
    "Business Country/Region", "E-mail Address", "E-mail 2 Address", "Web Page", "Categories",
    "Gender", "Priority", "Private", "Sensitivity", "E-mail Type", "Initials",
]  # fmt: skip


def _people(db: Database) -> dict[str, dict[str, Any]]:
    with db.reader() as session:
        found = {}
        for contact in session.scalars(select(Contact)):
            found[contact.given_name] = {
                "subdivision": contact.subdivision,
                "timezone": contact.timezone,
                "notes": contact.personal_notes,
                "tags": sorted(t.name for t in contact.tags),
                "family": contact.family_name,
                "website": contact.account.website,
            }
        return found


def test_a_persons_web_page_is_kept_in_their_notes_not_made_the_accounts_website(
    db: Database, tmp_path: Path
) -> None:
    """Two colleagues with their own LinkedIn profiles (Google's Website 1), or their
    company's site written two ways (Outlook's Web Page): the file was refused as rows of one
    account that disagree, and one colleague's profile became the company's website."""
    google = write_csv(
        tmp_path / "google.csv",
        GOOGLE,
        [
            ["Ilze", "Bērziņa", "SIA Baltic Timber", "", "* Work", "ilze@bt.example", "Rīga",
             "", "Latvia", "Profile", "https://www.linkedin.com/in/ilze-berzina"],
            ["Pēteris", "Kalniņš", "SIA Baltic Timber", "", "* Work", "peteris@bt.example",
             "Rīga", "", "Latvia", "Profile", "https://www.linkedin.com/in/peteris-kalnins"],
        ],
    )  # fmt: skip
    report = import_csv(db, google)
    assert report.kept_columns == ("Website 1 - Value",)
    assert "Website 1 - Label" in report.unknown_columns
    people = _people(db)
    assert people["Ilze"]["notes"] == "Website 1 - Value: https://www.linkedin.com/in/ilze-berzina"
    assert people["Pēteris"]["notes"] == (
        "Website 1 - Value: https://www.linkedin.com/in/peteris-kalnins"
    )
    assert people["Ilze"]["website"] is None

    outlook = write_csv(
        tmp_path / "outlook.csv",
        ["First Name", "Last Name", "Company", "Business Country/Region", "Business Phone 2",
         "E-mail 2 Address", "Web Page"],
        [
            ["Ayşe", "Yılmaz", "Anadolu Tekstil", "Turkey", "", "", "www.anadolutekstil.com.tr"],
            ["Can", "Demir", "Anadolu Tekstil", "Turkey", "", "",
             "http://www.anadolutekstil.com.tr/"],
        ],
    )  # fmt: skip
    report = import_csv(db, outlook)
    assert report.contacts_created == 2 and report.kept_columns == ("Web Page",)
    assert _people(db)["Can"]["notes"] == "Web Page: http://www.anadolutekstil.com.tr/"
    with db.reader() as session:
        websites = set(session.scalars(select(Account.website)))
    assert websites == {None}


@pytest.mark.parametrize(
    ("product", "header"),
    [
        ("salesforce", "Mailing State/Province"),
        ("salesforce", "MailingState"),
        ("hubspot", "State/Region"),
        ("outlook", "Business State"),
        ("google", "Address 1 - Region"),
        ("zoho", "Mailing State"),
    ],
)
def test_each_products_state_column_is_the_region(product: str, header: str) -> None:
    assert m.recognise([header], product).columns[header] == m.Rule("subdivision")


@pytest.mark.parametrize("product", ["outlook", "google", "zoho"])
def test_each_products_category_column_is_the_tags(product: str) -> None:
    header = {"outlook": "Categories", "google": "Labels", "zoho": "Tag"}[product]
    assert m.recognise([header], product).columns[header] == m.Rule("tags")


def test_a_state_given_by_code_or_name_places_the_contact_and_its_zone(
    db: Database, tmp_path: Path
) -> None:
    """A Salesforce report of customers in Melbourne and São Paulo, without phone numbers:
    Australia and Brazil keep several clocks, and the state told the zone only when mapped by
    hand, and then only as an ISO code."""
    path = write_csv(
        tmp_path / "report.csv",
        ["Contact ID", "First Name", "Last Name", "Account Name", "Mailing City",
         "Mailing State/Province", "Mailing Country", "Email"],
        [
            ["1", "Olivia", "Smith", "Southern Cross", "Melbourne", "Victoria", "Australia",
             "olivia@sc.example"],
            ["2", "Jack", "Brown", "Southern Cross", "Melbourne", "VIC", "Australia",
             "jack@sc.example"],
            ["3", "Lucas", "Silva", "Café do Brasil", "São Paulo", "São Paulo", "Brazil",
             "lucas@cafe.example"],
            ["4", "Ana", "Souza", "Café do Brasil", "São Paulo", "SP", "Brazil",
             "ana@cafe.example"],
        ],
    )  # fmt: skip
    report = import_csv(db, path)
    assert report.contacts_created == 4 and "Mailing State/Province" not in report.unknown_columns
    people = _people(db)
    assert {name: (p["subdivision"], p["timezone"]) for name, p in people.items()} == {
        "Olivia": ("VIC", "Australia/Melbourne"),
        "Jack": ("VIC", "Australia/Melbourne"),
        "Lucas": ("SP", "America/Sao_Paulo"),
        "Ana": ("SP", "America/Sao_Paulo"),
    }


def test_a_products_state_iso_does_not_list_is_kept_in_the_notes_not_refused(
    db: Database, tmp_path: Path
) -> None:
    """People write states as they say them ("Bavaria" for ISO's Bayern, "Greater London"):
    such a cell of another product's export is no reason to refuse the file, and is not lost."""
    path = write_csv(
        tmp_path / "outlook.csv",
        ["First Name", "Last Name", "Company", "Business State", "Business Country/Region",
         "E-mail 2 Address", "Business Phone 2"],
        [
            ["Hans", "Müller", "Müller GmbH", "Bavaria", "Germany", "", ""],
            ["Emma", "Jones", "Thames Ltd", "Greater London", "United Kingdom", "", ""],
            ["Karl", "Huber", "Huber AG", "Bayern", "Germany", "", ""],
        ],
    )  # fmt: skip
    import_csv(db, path)
    people = _people(db)
    assert (people["Hans"]["subdivision"], people["Hans"]["notes"]) == (
        None,
        "Business State: Bavaria",
    )
    assert people["Emma"]["notes"] == "Business State: Greater London"
    assert (people["Karl"]["subdivision"], people["Karl"]["notes"]) == ("BY", None)


def test_our_own_region_column_takes_a_name_and_names_a_region_that_is_none(
    db: Database, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "ours.csv",
        ["account_name", "account_country", "account_subdivision", "given_name", "subdivision"],
        [["Koç", "TR", "İstanbul", "Ayşe", "Ankara"]],
    )
    import_csv(db, path)
    with db.reader() as session:
        assert session.scalar(select(Account.subdivision)) == "34"
        assert session.scalar(select(Contact.subdivision)) == "06"
    bad = write_csv(
        tmp_path / "bad.csv",
        ["account_name", "account_country", "given_name", "subdivision"],
        [["Koç", "TR", "Can", "Narnia"]],
    )
    with pytest.raises(CsvImportError) as refused:
        import_csv(db, bad)
    assert refused.value.problems == [
        "Row 2, column subdivision: Region “Narnia”: is not a region of Türkiye (ISO 3166-2)"
    ]


def test_categories_labels_and_tag_are_the_contacts_tags(db: Database, tmp_path: Path) -> None:
    outlook = write_csv(
        tmp_path / "outlook.csv",
        OUTLOOK,
        [["Hans", "Müller", "Müller GmbH", "München", "", "Germany", "hans@mueller.example",
          "", "", "Key customer;Trade fair", "", "", "", "", "", ""]],
    )  # fmt: skip
    google = write_csv(
        tmp_path / "google.csv",
        GOOGLE,
        [["Ilze", "Bērziņa", "Baltic Timber", "* myContacts ::: Clients ::: VIP", "* Work",
          "ilze@bt.example", "Rīga", "", "Latvia", "", ""]],
    )  # fmt: skip
    zoho = write_csv(
        tmp_path / "zoho.csv",
        ["Record Id", "First Name", "Last Name", "Account Name", "Mailing Country",
         "Secondary Email", "Tag"],
        [["z1", "Pooria", "Karimi", "Pars Petro", "Iran", "", "VIP;Oil"]],
    )  # fmt: skip
    for path in (outlook, google, zoho):
        report = import_csv(db, path)
        assert not any(name in report.unknown_columns for name in ("Categories", "Labels", "Tag"))
    people = _people(db)
    assert people["Hans"]["tags"] == ["Key customer", "Trade fair"]
    # Google marks the groups it keeps itself with "*"; its vCard export has them without
    assert people["Ilze"]["tags"] == ["Clients", "VIP", "myContacts"]
    assert people["Pooria"]["tags"] == ["Oil", "VIP"]


def test_outlooks_values_for_nothing_entered_are_not_kept_in_the_notes(
    db: Database, tmp_path: Path
) -> None:
    """--keep-unknown put "Gender: Unspecified", "Priority: Normal", "Private: False",
    "Sensitivity: Normal" and "E-mail Type: SMTP" into every contact's notes."""
    path = write_csv(
        tmp_path / "outlook.csv",
        OUTLOOK,
        [
            ["François", "Dupré", "Café Crème", "Lyon", "", "France", "f@cafe.example", "", "",
             "", "Unspecified", "Normal", "False", "Normal", "SMTP", ""],
            ["Elif", "Kaya", "Anadolu", "Bursa", "", "Turkey", "elif@anadolu.example", "", "",
             "", "Female", "High", "True", "Confidential", "SMTP", "E.K."],
        ],
    )  # fmt: skip
    report = import_csv(db, path, keep_unknown=True)
    assert "Gender" in report.kept_columns and "Priority" in report.kept_columns
    people = _people(db)
    assert people["François"]["notes"] is None
    assert people["Elif"]["notes"] == (
        "Gender: Female\nPriority: High\nPrivate: True\nSensitivity: Confidential\nInitials: E.K."
    )


@pytest.mark.parametrize("header", ["Name", "Full Name", "Contact Name", "full name"])
def test_a_column_of_whole_names_is_the_full_name(
    db: Database, tmp_path: Path, header: str
) -> None:
    """A spreadsheet's "Name" and Dynamics 365's "Full Name" were not read: the file had
    contact columns and no given name."""
    assert m.recognise([header, "Company"]).columns[header] == m.Rule(m.FULL_NAME)
    path = write_csv(
        tmp_path / "list.csv",
        [header, "Company", "Country", "E-mail"],
        [["Ilze Bērziņa", "SIA Baltic Timber", "Latvia", "ilze@bt.example"],
         ["Müller, Hans", "Bosch", "Germany", "hans@bosch.example"]],
    )  # fmt: skip
    report = import_csv(db, path)
    assert report.contacts_created == 2
    people = _people(db)
    assert (people["Ilze"]["family"], people["Hans"]["family"]) == ("Bērziņa", "Müller")


def test_a_dynamics_365_export_is_read(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "dynamics.csv",
        ["(Do Not Modify) Contact", "Full Name", "Company Name", "Business Phone", "Email",
         "Address 1: City", "Address 1: Country/Region"],
        [["7d1c8a2e", "Līga Kalniņa", "Latvijas Balzams", "+371 67 081 213",
          "liga@amber.example", "Rīga", "Latvia"]],
    )  # fmt: skip
    report = import_csv(db, path)
    assert report.contacts_created == 1
    assert report.unknown_columns == ("(Do Not Modify) Contact",)
    with db.reader() as session:
        contact = session.scalars(select(Contact)).one()
        assert (contact.given_name, contact.family_name, contact.city, contact.country) == (
            "Līga",
            "Kalniņa",
            "Rīga",
            "LV",
        )
