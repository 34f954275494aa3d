"""The lists sort text in the order of the user's language (ICU collation), on a laptop's
file and on a team server alike: names, cities, accounts, owners, and countries by their names
in that language. Empty values first going up, last going down; the id breaks ties."""

from __future__ import annotations

import pytest

from accountdesk.core import i18n
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.lists import ListFilter, account_ids, contact_ids, narrow_ids
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact


@pytest.fixture
def turkish(db: Database) -> dict[str, str]:
    """Accounts by name -> id: Turkish names whose code-point order is not Turkish order."""
    made = {}
    for name, country, city in [
        ("Zorlu Enerji", "TR", "İzmir"),
        ("Şahin Tekstil", "TR", "Bursa"),
        ("Çelik Makina", "DE", "Berlin"),
        ("Cem Gıda", "EG", "Kahire"),
        ("ırmak Lojistik", "TR", None),
        ("Irmak Su", "TR", "Adana"),
        ("İpek Halı", "TR", "Çorum"),
        ("Aço Metal", "FR", "Paris"),
        ("Anadolu Seramik", "TR", "Ankara"),
    ]:
        made[name] = create_account(db, AccountInput(name=name, country=country, city=city))
    return made


def _names(ids: list[str], made: dict[str, str]) -> list[str]:
    by_id = {v: k for k, v in made.items()}
    return [by_id[i] for i in ids]


TURKISH_ORDER = [
    "Aço Metal",
    "Anadolu Seramik",
    "Cem Gıda",
    "Çelik Makina",
    "ırmak Lojistik",
    "Irmak Su",
    "İpek Halı",
    "Şahin Tekstil",
    "Zorlu Enerji",
]


def test_accounts_sort_by_name_as_the_language_orders_them(
    db: Database, turkish: dict[str, str]
) -> None:
    with i18n.use_language("tr"):
        assert _names(account_ids(db, sort="name"), turkish) == TURKISH_ORDER
        assert (
            _names(account_ids(db, sort="name", descending=True), turkish) == (TURKISH_ORDER[::-1])
        )
    with i18n.use_language("en"):  # English: Ç is a C with a mark (Çel… before Cem…)
        assert _names(account_ids(db, sort="name"), turkish)[:4] == [
            "Aço Metal",
            "Anadolu Seramik",
            "Çelik Makina",
            "Cem Gıda",
        ]
        assert _names(account_ids(db, sort="name"), turkish)[-2:] == [
            "Şahin Tekstil",
            "Zorlu Enerji",
        ]


def test_cities_sort_with_empty_first_going_up_and_last_going_down(
    db: Database, turkish: dict[str, str]
) -> None:
    with i18n.use_language("tr"):
        up = _names(account_ids(db, sort="city"), turkish)
        down = _names(account_ids(db, sort="city", descending=True), turkish)
    cities = ["ırmak Lojistik", "Irmak Su", "Anadolu Seramik", "Çelik Makina", "Zorlu Enerji"]
    # no city, Adana, Ankara, Berlin, Bursa, Çorum, İzmir, Kahire, Paris
    assert up[0] == "ırmak Lojistik" and up[1:3] == ["Irmak Su", "Anadolu Seramik"]
    assert up.index("Şahin Tekstil") < up.index("İpek Halı") < up.index("Zorlu Enerji")
    assert up.index("Zorlu Enerji") < up.index("Cem Gıda") < up.index("Aço Metal")
    assert down == up[::-1]
    assert set(cities) <= set(up)


def test_countries_sort_by_their_names_in_the_language(
    db: Database, turkish: dict[str, str]
) -> None:
    def countries(language: str) -> list[str]:
        with i18n.use_language(language):
            ids = account_ids(db, sort="country")
        seen: list[str] = []
        for name in _names(ids, turkish):
            code = {"Çelik Makina": "DE", "Cem Gıda": "EG", "Aço Metal": "FR"}.get(name, "TR")
            if code not in seen:
                seen.append(code)
        return seen

    assert countries("tr") == ["DE", "FR", "EG", "TR"]  # Almanya, Fransa, Mısır, Türkiye
    assert countries("en") == ["EG", "FR", "DE", "TR"]  # Egypt, France, Germany, Turkey


def test_contacts_sort_by_family_then_given_name_and_narrowing_keeps_the_order(
    db: Database, turkish: dict[str, str]
) -> None:
    account = turkish["Anadolu Seramik"]
    people = {}
    for given, family in [
        ("Oğuz", "Çelik"),
        ("Ayşe", "Çelik"),
        ("Mehmet", "Cengiz"),
        ("Şule", "Zorlu"),
        ("Ümit", "Şahin"),
        ("Deniz", ""),
    ]:
        people[f"{given} {family}".strip()] = create_contact(
            db, ContactInput(account_id=account, given_name=given, family_name=family, country="TR")
        )
    with i18n.use_language("tr"):
        ids = contact_ids(db, ListFilter(), "name")
        narrowed = narrow_ids(db, "contact", "ç", ids)
    assert _names(ids, people) == [  # one name among the family names: Deniz under D
        "Mehmet Cengiz",
        "Ayşe Çelik",
        "Oğuz Çelik",
        "Deniz",
        "Ümit Şahin",
        "Şule Zorlu",
    ]
    # "ç" finds c and ç alike (the search's folding); the order is the list's
    assert _names(narrowed, people) == ["Mehmet Cengiz", "Ayşe Çelik", "Oğuz Çelik"]


def test_a_report_names_the_owners_there_are_in_the_order_of_the_language(
    db: Database,
) -> None:
    from accountdesk.core.errors import UserError
    from accountdesk.core.reports.data import Scope, check_scope

    for name, owner in [("A", "Şule"), ("B", "Zeynep"), ("C", "Cem"), ("D", "Çağla")]:
        create_account(db, AccountInput(name=name, country="TR", owner=owner))
    with i18n.use_language("tr"), pytest.raises(UserError) as refused:
        check_scope(db, Scope(owner="nobody"))
    assert "Cem, Çağla, Şule, Zeynep." in str(refused.value)  # by fold: Çağla, Cem …


def test_statuses_and_tiers_sort_by_the_labels_shown(db: Database) -> None:
    """The Status and Tier columns sort by what they show in the user's language, as the
    Country column sorts by the country's name (review rev13's 11th): they sorted by the
    stored English codes (active, lost, prospect; bronze, gold, silver) in every language.
    A tier of the user's own sorts as written; none first going up, last going down."""
    made = {}
    for name, status, tier in [
        ("A", "active", "gold"),
        ("B", "lost", "silver"),
        ("C", "prospect", "bronze"),
        ("D", "prospect", None),
        ("E", "active", "Platin"),
    ]:
        since = None if status == "prospect" else "2024-01-15"
        lost = "2025-06-30" if status == "lost" else None
        made[name] = create_account(
            db,
            AccountInput(
                name=name, country="TR", status=status, tier=tier, customer_since=since,
                lost_on=lost,
            ),
        )  # fmt: skip

    def by(sort: str, language: str, descending: bool = False) -> list[str]:
        with i18n.use_language(language):
            return _names(account_ids(db, sort=sort, descending=descending), made)

    assert by("status", "en") == ["A", "E", "B", "C", "D"]  # Active, Lost, Prospect
    assert by("status", "tr") == ["C", "D", "A", "E", "B"]  # Aday, Aktif, Kaybedildi
    assert by("status", "lv") == ["A", "E", "C", "D", "B"]  # Aktīvs, Potenciāls, Zaudēts
    assert by("status", "tr", descending=True) == ["B", "E", "A", "D", "C"]
    assert by("tier", "en") == ["D", "C", "A", "E", "B"]  # Bronze, Gold, Platin, Silver
    assert by("tier", "tr") == ["D", "A", "C", "B", "E"]  # Altın, Bronz, Gümüş, Platin
    assert by("tier", "lv") == ["D", "C", "E", "B", "A"]  # Bronzas, Platin, Sudraba, Zelta
    assert by("tier", "lv", descending=True) == ["A", "B", "E", "C", "D"]


def test_thai_people_sort_by_given_name_persian_people_by_family_name(db: Database) -> None:
    """Thai people are listed and found by their given name (คุณสมชาย under ส), as their
    country's people are addressed (address.BY_GIVEN_NAME); Persian people by their family
    name (review rev19's 2nd: the Thai list put every "… ใจดี" first). The contact list, an
    account's page and the people a search lists after an account agree."""
    from accountdesk.core.db.fts import display_name
    from accountdesk.core.queries.details import people_by_name
    from accountdesk.core.queries.search import search

    bangkok = create_account(db, AccountInput(name="สยามอาหาร", country="TH"))
    tehran = create_account(db, AccountInput(name="کاسپین", country="IR"))
    people = {}
    for account, country, given, family in [
        (bangkok, "TH", "สมชาย", "ใจดี"),
        (bangkok, "TH", "กัญญา", "บุญมา"),
        (bangkok, "TH", "อนุชา", "ใจดี"),
        (bangkok, "TH", "ธนากร", "บุญมา"),
        (tehran, "IR", "محمد", "احمدی"),
        (tehran, "IR", "زهرا", "رضایی"),
        (tehran, "IR", "علی", "احمدی"),
    ]:
        people[f"{given} {family}"] = create_contact(
            db,
            ContactInput(account_id=account, given_name=given, family_name=family, country=country),
        )
    thai = ["กัญญา บุญมา", "ธนากร บุญมา", "สมชาย ใจดี", "อนุชา ใจดี"]
    persian = ["علی احمدی", "محمد احمدی", "زهرا رضایی"]
    with i18n.use_language("th"):
        ids = contact_ids(db, ListFilter(country="TH"), "name")
        assert _names(ids, people) == thai
        assert [h.title for h in search(db, "สยามอาหาร", limit=10)][1:] == thai
    with i18n.use_language("fa"):
        ids = contact_ids(db, ListFilter(country="IR"), "name")
        assert _names(ids, people) == persian
        assert [h.title for h in search(db, "کاسپین", limit=10)][1:] == persian
    from accountdesk.core.db.models import Contact

    with db.reader() as s, i18n.use_language("th"):
        found = s.query(Contact).filter(Contact.account_id == bangkok).all()
        listed = people_by_name(found)
        assert [display_name(c.given_name, c.family_name, c.name_order) for c in listed] == thai


def test_who_is_sorted_by_the_given_name() -> None:
    from accountdesk.core.icu import sorting_names

    assert sorting_names("ใจดี", "สมชาย", "TH") == ("สมชาย", "ใจดี")
    assert sorting_names("Jónsdóttir", "Guðrún", "IS") == ("Guðrún", "Jónsdóttir")
    assert sorting_names("Nguyễn", "Văn An", "VN") == ("An", "Nguyễn Văn An")
    assert sorting_names("احمدی", "محمد", "IR") == ("احمدی", "محمد")
    assert sorting_names("Santoso", "Budi", "ID") == ("Santoso", "Budi")  # addressed "Pak Budi"
    assert sorting_names("", "สมชาย", "TH") == ("สมชาย", "")
