"""Several e-mail addresses or phone numbers in one cell, separated by commas (Pipedrive's export
of several values of one label, a spreadsheet's "a, b"), are several, each with the column's
label, as Google's " ::: " and our "; " are: the cell was one address, refused as not valid."""

from __future__ import annotations

from accountdesk.core.io.csv_format import map_header, plan_chunks


def _contact(header: list[str], row: list[str]) -> dict[str, object]:
    (plan,) = plan_chunks(header, iter([row]), None, mapping=map_header(header))
    (contact,) = plan.contacts
    return contact


def test_a_spreadsheets_cells_of_several_addresses_and_numbers() -> None:
    contact = _contact(
        ["First Name", "Last Name", "Company", "Country", "Mobile Phone", "E-mail Address"],
        ["Ilze", "Ozola", "Baltic", "Latvia", "+371 26 123 456, +371 67 123 456",
         "ilze@bt.lv, ilze.ozola@gmail.com;ozola@inbox.lv"],
    )  # fmt: skip
    assert contact["phones"] == [
        {"label": "mobile", "value": "+37126123456"},
        {"label": "mobile", "value": "+37167123456"},
    ]
    assert contact["emails"] == [
        {"label": "work", "value": "ilze@bt.lv"},
        {"label": "work", "value": "ilze.ozola@gmail.com"},
        {"label": "work", "value": "ozola@inbox.lv"},
    ]


def test_pipedrives_several_addresses_of_one_label() -> None:
    header = ["Person - Name", "Person - First name", "Person - Last name",
              "Person - Organization", "Person - Email - Work", "Person - Email - Home",
              "Person - Phone - Work", "Person - Postal address - Country"]  # fmt: skip
    assert map_header(header).source is not None  # read as Pipedrive's export
    contact = _contact(
        header,
        ["Darius Rahimi", "Darius", "Rahimi", "Kish Import",
         "darius@kishimport.ir, sales@kishimport.ir", "darius.r@example.com",
         "021 2233 4455", "Iran"],
    )  # fmt: skip
    assert contact["emails"] == [
        {"label": "work", "value": "darius@kishimport.ir"},
        {"label": "work", "value": "sales@kishimport.ir"},
        {"label": "home", "value": "darius.r@example.com"},
    ]


def test_a_label_from_a_column_goes_with_each_value_of_the_cell() -> None:
    """Google's label column says the label of every value of its cell."""
    header = ["First Name", "Organization Name", "Address 1 - Country",
              "Phone 1 - Label", "Phone 1 - Value"]  # fmt: skip
    contact = _contact(
        header, ["Ilze", "Baltic", "Latvia", "Home", "+371 67 000 111, +371 67 000 112"]
    )
    assert contact["phones"] == [
        {"label": "home", "value": "+37167000111"},
        {"label": "home", "value": "+37167000112"},
    ]


def test_our_own_cells_are_read_as_before() -> None:
    header = ["account_name", "account_country", "given_name", "emails", "phones"]
    contact = _contact(
        header,
        ["Baltic", "LV", "Ilze", "work:ilze@bt.lv; home:ilze@inbox.lv", "mobile:+37126123456"],
    )
    assert contact["emails"] == [
        {"label": "work", "value": "ilze@bt.lv"},
        {"label": "home", "value": "ilze@inbox.lv"},
    ]
    assert contact["phones"] == [{"label": "mobile", "value": "+37126123456"}]
