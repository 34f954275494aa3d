"""A contact typed in without a name order is written as their country writes names: family
name first in Japan, China, Korea, Hungary, Vietnam … (``names.name_order``, the import's rule
too); an order given is kept, and so is a stored contact's."""

from __future__ import annotations

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.queries.details import contact_detail
from accountdesk.core.records import AccountInput, ContactInput, clean_contact
from accountdesk.core.services.accounts import (
    contact_for_edit,
    create_account,
    create_contact,
    update_contact,
)


@pytest.mark.parametrize(
    ("country", "order"),
    [
        ("JP", "family_first"),
        ("CN", "family_first"),
        ("KR", "family_first"),
        ("HU", "family_first"),
        ("VN", "family_first"),
        ("jp", "family_first"),
        ("DE", "given_first"),
        ("TH", "given_first"),
    ],
)
def test_no_order_given_is_the_countrys(country: str, order: str) -> None:
    data = ContactInput(account_id="a", given_name="花子", family_name="佐藤", country=country)
    assert clean_contact(data)["name_order"] == order
    data.name_order = ""  # an empty field, as a file's empty cell
    assert clean_contact(data)["name_order"] == order


@pytest.mark.parametrize("order", ["given_first", "family_first"])
def test_an_order_given_is_kept(order: str) -> None:
    for country in ("JP", "DE"):
        data = ContactInput(account_id="a", given_name="Anna", country=country, name_order=order)
        assert clean_contact(data)["name_order"] == order


def test_a_japanese_contact_is_shown_family_name_first(db: Database) -> None:
    account = create_account(
        db, AccountInput(name="Tokyo Trading KK", country="JP", timezone="Asia/Tokyo")
    )
    sato = create_contact(
        db, ContactInput(account_id=account, given_name="花子", family_name="佐藤", country="JP")
    )
    assert contact_detail(db, sato).name == "佐藤花子"


def test_a_stored_contact_keeps_its_order_on_an_edit(db: Database) -> None:
    """Saved given name first before the rule (or chosen so), a contact stays so when edited."""
    account = create_account(
        db, AccountInput(name="Tokyo Trading KK", country="JP", timezone="Asia/Tokyo")
    )
    ken = create_contact(
        db,
        ContactInput(
            account_id=account, given_name="Ken", family_name="Watanabe", country="JP",
            name_order="given_first",
        ),
    )  # fmt: skip
    loaded = contact_for_edit(db, ken)
    loaded.data.job_title = "Director"
    update_contact(db, ken, loaded.data, expected_version=loaded.version)
    assert contact_for_edit(db, ken).data.name_order == "given_first"
    assert contact_detail(db, ken).name == "Ken Watanabe"
