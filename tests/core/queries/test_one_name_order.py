"""A person with one name (an Indonesian mononym, a CJK name kept whole) is sorted by that
name among the family names, wherever people are listed by name: the contact list put them
all first, above "Aalto"."""

from __future__ import annotations

from accountdesk.core import i18n
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.details import account_detail
from accountdesk.core.queries.lists import contact_ids
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact

PEOPLE = [
    ("Budi", "Santoso"), ("Sukarno", ""), ("Zeynep", "Zorlu"), ("Ahmad", "Sukarno"),
    ("Q", ""), ("Anna", "Aalto"), ("Bambang", ""),
]  # fmt: skip
#: by the family name, or the one name; one name before a namesake's family name
IN_ORDER = [
    "Anna Aalto", "Bambang", "Q", "Budi Santoso", "Sukarno", "Ahmad Sukarno", "Zeynep Zorlu"
]  # fmt: skip


def _people(db: Database) -> tuple[str, dict[str, str]]:
    account = create_account(
        db, AccountInput(name="Nusantara Kopi", country="ID", timezone="Asia/Jakarta")
    )
    made = {}
    for given, family in PEOPLE:
        made[f"{given} {family}".strip()] = create_contact(
            db,
            ContactInput(
                account_id=account, given_name=given, family_name=family, country="ID",
                timezone="Asia/Jakarta",
            ),
        )  # fmt: skip
    return account, made


def test_the_contact_list_sorts_one_name_among_the_family_names(db: Database) -> None:
    _account, made = _people(db)
    by_id = {v: k for k, v in made.items()}
    with i18n.use_language("en"):
        assert [by_id[i] for i in contact_ids(db, sort="name")] == IN_ORDER
        down = contact_ids(db, sort="name", descending=True)
    assert [by_id[i] for i in down] == IN_ORDER[::-1]


def test_an_accounts_page_lists_one_name_among_the_family_names(db: Database) -> None:
    account, _made = _people(db)
    with i18n.use_language("en"):
        assert [c.name for c in account_detail(db, account).contacts] == IN_ORDER


def test_a_name_kept_whole_sorts_by_its_first_letters(db: Database) -> None:
    """A Japanese name imported in one cell (田中太郎, no family name) between 佐藤 and 鈴木
    (in code-point order, as ICU's root order has these), not above them."""
    account = create_account(db, AccountInput(name="Tokyo KK", country="JP", timezone="Asia/Tokyo"))
    made = {}
    for given, family in [("一郎", "鈴木"), ("田中太郎", ""), ("花子", "佐藤")]:
        made[family + given] = create_contact(
            db, ContactInput(account_id=account, given_name=given, family_name=family, country="JP")
        )
    by_id = {v: k for k, v in made.items()}
    with i18n.use_language("en"):
        ids = contact_ids(db, sort="name")
    assert [by_id[i] for i in ids] == ["佐藤花子", "田中太郎", "鈴木一郎"]
