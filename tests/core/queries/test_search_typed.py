"""A contact is found as a rep types them on the keyboard at hand: a phone number written as
people write it at home (0532 123 45 67) or in Persian digits, a German name without its
umlauts (Schaefer), a Persian name without its zero-width non-joiner (علیزاده), a word inside
a Thai name written without spaces; in the search box, the list filter and narrowing, on
SQLite and on PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.queries.lists import ListFilter, account_ids, contact_ids, narrow_ids
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from people import person_at

# shown name: (given, family, country, zone, phones)
PEOPLE = {
    "Ali IŞIK": ("Ali", "IŞIK", "TR", "Europe/Istanbul", ["+90 532 1234567"]),
    "Ayşe ışık": ("Ayşe", "ışık", "TR", "Europe/Istanbul", []),
    "Heinz Schäfer": ("Heinz", "Schäfer", "DE", "Europe/Berlin", []),
    "Katrin Müller": ("Katrin", "Müller", "DE", "Europe/Berlin", []),
    "Manuel Ortega": ("Manuel", "Ortega", "ES", "Europe/Madrid", []),
    "Søren Østergaard": ("Søren", "Østergaard", "DK", "Europe/Copenhagen", []),
    "حمید علی‌زاده": ("حمید", "علی‌زاده", "IR", "Asia/Tehran", ["+98 912 345 6789"]),
    "สมศักดิ์ เจริญสุขสมบูรณ์": ("สมศักดิ์", "เจริญสุขสมบูรณ์", "TH", "Asia/Bangkok", ["+66 81 234 5678"]),
    "Jānis Bērziņš": ("Jānis", "Bērziņš", "LV", "Europe/Riga", ["+371 2612 3456"]),
    "Linda Park": ("Linda", "Park", "US", "America/New_York", ["+1 201 555 1912"]),
    "Emma Clarke": ("Emma", "Clarke", "GB", "Europe/London", ["+44 20 7946 0958"]),
    "Marco Rossi": ("Marco", "Rossi", "IT", "Europe/Rome", ["+39 02 1234 5678"]),
    "Omar Al Mansouri": ("Omar", "Al Mansouri", "AE", "Asia/Dubai", []),
    "Seán O'Brien": ("Seán", "O'Brien", "IE", "Europe/Dublin", []),
    "Jean-Pierre Dupont": ("Jean-Pierre", "Dupont", "FR", "Europe/Paris", []),
    "Åse Ågård": ("Åse", "Ågård", "DK", "Europe/Copenhagen", []),
    "رضا حسینزاده": ("رضا", "حسینزاده", "IR", "Asia/Tehran", []),  # imported without ZWNJ
    # written together where others write them apart
    "عبدالله کریمی": ("عبدالله", "کریمی", "IR", "Asia/Tehran", []),
    "Sara Alnuaimi": ("Sara", "Alnuaimi", "AE", "Asia/Dubai", []),
    "Emre Karaosmanoğlu": ("Emre", "Karaosmanoğlu", "TR", "Europe/Istanbul", []),
    "ธนา ศรีสวัสดิ์": ("ธนา", "ศรีสวัสดิ์", "TH", "Asia/Bangkok", []),
    # apart where others write them together
    "عبد الرحمن نوری": ("عبد الرحمن", "نوری", "IR", "Asia/Tehran", []),
    "Khalid Al Hashimi": ("Khalid", "Al Hashimi", "AE", "Asia/Dubai", []),
}

FOUND = {
    # phones as they are written at home, abroad, in groups, in part, in Persian digits
    "0532 123 45 67": {"Ali IŞIK"},
    "+90 532 123 45 67": {"Ali IŞIK"},
    "(0532) 123-4567": {"Ali IŞIK"},
    "532 1234567": {"Ali IŞIK"},
    "0532": {"Ali IŞIK"},
    "905321234567": {"Ali IŞIK"},
    "+905321234567": {"Ali IŞIK"},
    "۰۹۱۲ ۳۴۵ ۶۷۸۹": {"حمید علی‌زاده"},
    "۹۱۲۳۴۵": {"حمید علی‌زاده"},
    "+371 2612 3456": {"Jānis Bērziņš"},
    "2612 3456": {"Jānis Bērziņš"},
    "(201) 555-1912": {"Linda Park"},
    "+1 201 555 1912": {"Linda Park"},
    "02 1234 5678": {"Marco Rossi"},
    "+39 02 1234 5678": {"Marco Rossi"},
    "123 45": set(),  # groups of a number are not words of their own
    # as dialled from abroad: 00 for the +, the trunk 0 in brackets left out
    "0090 532 123 45 67": {"Ali IŞIK"},
    "00905321234567": {"Ali IŞIK"},
    "00371 2612 3456": {"Jānis Bērziņš"},
    "0037126123456": {"Jānis Bērziņš"},
    "00371 26": {"Jānis Bērziņš"},
    "003712612": {"Jānis Bērziņš"},
    "+44 (0)20 7946 0958": {"Emma Clarke"},
    "+44 (0) 20 7946": {"Emma Clarke"},
    "0044 (0)20 7946 0958": {"Emma Clarke"},
    "0044 20 7946 0958": {"Emma Clarke"},
    "020 7946 0958": {"Emma Clarke"},
    # the start of a number typed in groups, from its third digit on (it vanished at "0532 1"
    # and came back at "0532 123 4", when it had eight digits)
    "053": {"Ali IŞIK"},
    "0532 1": {"Ali IŞIK"},
    "0532 12": {"Ali IŞIK"},
    "0532 123": {"Ali IŞIK"},
    "0532 123 4": {"Ali IŞIK"},
    "532 123": {"Ali IŞIK"},
    "ali 0532 123": {"Ali IŞIK"},
    "0532 123 ali": {"Ali IŞIK"},
    "isik 0532": {"Ali IŞIK"},
    "0912 345": {"حمید علی‌زاده"},
    "۰۹۱۲ ۳۴۵": {"حمید علی‌زاده"},
    "081 234": {"สมศักดิ์ เจริญสุขสมบูรณ์"},
    "๐๘๑ ๒๓๔": {"สมศักดิ์ เจริญสุขสมบูรณ์"},
    "2612 34": {"Jānis Bērziņš"},
    "0533 123": set(),
    "12 34": set(),  # two digits start no number: their groups stay apart
    # letters typed as two
    "Schaefer": {"Heinz Schäfer"},
    "schae": {"Heinz Schäfer"},
    "Schafer": {"Heinz Schäfer"},
    "Schäfer": {"Heinz Schäfer"},
    "Mueller": {"Katrin Müller"},
    "Muller": {"Katrin Müller"},
    "Soeren Oestergaard": {"Søren Østergaard"},
    "Ostergaard": {"Søren Østergaard"},
    "Aase Aagaard": {"Åse Ågård"},
    "agard": {"Åse Ågård"},
    "Manul": set(),  # the two letters are an umlaut's spelling only where there was one
    # Persian parts joined by a ZWNJ, typed with it, without it, or apart
    "علیزاده": {"حمید علی‌زاده"},
    "علی‌زاده": {"حمید علی‌زاده"},
    "علی زاده": {"حمید علی‌زاده"},
    "زاده": {"حمید علی‌زاده"},
    "حسین‌زاده": {"رضا حسینزاده"},  # typed with the ZWNJ the stored name lacks
    "حسینزاده": {"رضا حسینزاده"},
    "حسین زاده": {"رضا حسینزاده"},  # typed apart, stored joined
    "رضا حسین زاده": {"رضا حسینزاده"},
    "حسین زا": {"رضا حسینزاده"},  # while it is typed
    # the Arabic article and other parts written together or apart, whichever is stored
    "عبد الله": {"عبدالله کریمی"},
    "عبد‌الله": {"عبدالله کریمی"},
    "عبدالله": {"عبدالله کریمی"},
    "عبدالرحمن": {"عبد الرحمن نوری"},
    "عبد الرحمن": {"عبد الرحمن نوری"},
    "al nuaimi": {"Sara Alnuaimi"},
    "Al-Nuaimi": {"Sara Alnuaimi"},
    "sara al nuaimi": {"Sara Alnuaimi"},
    "alhashimi": {"Khalid Al Hashimi"},
    "Al-Hashimi": {"Khalid Al Hashimi"},
    "al hashimi": {"Khalid Al Hashimi"},
    "kara osmanoglu": {"Emre Karaosmanoğlu"},
    "ศรี สวัสดิ์": {"ธนา ศรีสวัสดิ์"},
    "sara alnu x": set(),  # every word still counts
    # a word inside a Thai run
    "สมบูรณ์": {"สมศักดิ์ เจริญสุขสมบูรณ์"},
    "สุข": {"สมศักดิ์ เจริญสุขสมบูรณ์"},
    "เจริญ": {"สมศักดิ์ เจริญสุขสมบูรณ์"},
    # the words of a part of a name written together, or apart as before
    "almansouri": {"Omar Al Mansouri"},
    "Almansouri Omar": {"Omar Al Mansouri"},
    "al mansouri": {"Omar Al Mansouri"},
    "obrien": {"Seán O'Brien"},
    "O'Brien": {"Seán O'Brien"},
    "jeanpierre": {"Jean-Pierre Dupont"},
    "jean pierre": {"Jean-Pierre Dupont"},
    "omaral": set(),  # not across the given and the family name
    # Turkish dotted and dotless i, Latvian without diacritics, as before
    "IŞIK": {"Ali IŞIK", "Ayşe ışık"},
    "ışık": {"Ali IŞIK", "Ayşe ışık"},
    "Isik": {"Ali IŞIK", "Ayşe ışık"},
    "Berzins": {"Jānis Bērziņš"},
}


@dataclass
class People:
    db: Database
    ids: dict[str, str]  # shown name -> contact id
    bakery: str


@pytest.fixture
def people(db: Database) -> People:
    account = create_account(db, AccountInput(name="Pacific Trade", country="SG"))
    bakery = create_account(db, AccountInput(name="Bäckerei Sonnenschein", country="DE"))
    ids = {}
    for shown, (given, family, country, zone, phones) in PEOPLE.items():
        ids[shown] = person_at(
            db, account, given, family, country=country, zone=zone, phones=phones
        )
    return People(db, ids, bakery)


def test_the_search_box_finds_a_contact_as_it_is_typed(people: People) -> None:
    found = {
        query: {h.title for h in search(people.db, query, limit=50) if h.kind == "contact"}
        for query in FOUND
    }
    assert found == FOUND


def test_the_list_filter_and_narrowing_find_them_too(people: People) -> None:
    everyone = contact_ids(people.db)
    wanted = {q: {people.ids[name] for name in names} for q, names in FOUND.items()}
    filtered = {q: set(contact_ids(people.db, ListFilter(text=q))) for q in FOUND}
    narrowed = {q: narrow_ids(people.db, "contact", q, everyone) for q in FOUND}
    assert filtered == wanted
    assert narrowed == {q: [i for i in everyone if i in ids] for q, ids in wanted.items()}


@pytest.mark.parametrize("query", ["Baeckerei", "Bäcker", "Backerei son", "backereisonnen"])
def test_an_account_name_is_found_as_typed(people: People, query: str) -> None:
    hits = search(people.db, query)
    assert [(h.kind, h.id) for h in hits] == [("account", people.bakery)]
    assert account_ids(people.db, ListFilter(text=query)) == [people.bakery]


ODD = {
    # the words of a query language are words like any other
    "AND": {"Andrea Notaro"},
    "and": {"Andrea Notaro"},
    "NOT": {"Andrea Notaro"},
    "OR": {"Orla Near"},
    "NEAR": {"Orla Near"},
    "Orla OR Andrea": set(),
    "NOT Orla": set(),
    "NEAR(Orla Near)": {"Orla Near"},
    # punctuation is no query syntax, and alone it is nothing (never everyone)
    '"Orla': {"Orla Near"},
    "Orla*": {"Orla Near"},
    "(Orla)": {"Orla Near"},
    "-Orla": {"Orla Near"},
    "orla:near": {"Orla Near"},
    '"': set(),
    "*": set(),
    "(": set(),
    "-": set(),
    "'": set(),
    "^": set(),
    "&|!": set(),
    "😀": set(),
    "Orla 😀": {"Orla Near"},
    "x" * 300: set(),
    " ".join(["Orla"] * 60): {"Orla Near"},
}


def test_odd_input_is_words_never_an_error_nor_everyone(db: Database) -> None:
    account = create_account(db, AccountInput(name="Pacific Trade", country="SG"))
    for given, family in (("Andrea", "Notaro"), ("Orla", "Near")):
        create_contact(
            db,
            ContactInput(
                account_id=account,
                given_name=given,
                family_name=family,
                country="IE",
                timezone="Europe/Dublin",
            ),
        )
    found = {q: {h.title for h in search(db, q) if h.kind == "contact"} for q in ODD}
    assert found == ODD
    listed = {q: len(contact_ids(db, ListFilter(text=q))) for q in ODD}
    assert listed == {q: len(names) for q, names in ODD.items()}


def test_how_we_met_is_searched_as_the_notes_are(db: Database) -> None:
    account = create_account(db, AccountInput(name="Fairco", country="DE"))
    ute = create_contact(
        db,
        ContactInput(
            account_id=account,
            given_name="Ute",
            family_name="Brandl",
            country="DE",
            timezone="Europe/Berlin",
            how_we_met="Hannover Messe booth, introduced by Kowalczyk",
        ),
    )
    assert [h.id for h in search(db, "Kowalczyk")] == [ute]
    assert [h.id for h in search(db, "hannover messe")] == [ute]
    assert contact_ids(db, ListFilter(text="Kowalczyk")) == [ute]


def test_a_name_comes_before_a_mention_in_notes(db: Database) -> None:
    """The person named, then the records that mention them; the account typed by its name
    before the people whose notes name it."""
    account = create_account(
        db, AccountInput(name="Zorbatech", country="GB", notes="Quentin Hargreave signs off")
    )

    def person(given: str, family: str, notes: str | None = None) -> str:
        return create_contact(
            db,
            ContactInput(
                account_id=account,
                given_name=given,
                family_name=family,
                country="GB",
                personal_notes=notes,
            ),
        )

    paula = person("Paula", "Frost", "Friend of Quentin Hargreave; ask about Zorbatech")
    quentin = person("Quentin", "Hargreave")
    for query in ("Quentin Hargreave", "Hargreave", "quent harg"):
        hits = [h.id for h in search(db, query)]
        assert hits[0] == quentin and set(hits) == {quentin, account, paula}
    # then the account's other people (test_search_account_people)
    assert [h.id for h in search(db, "Zorbatech")] == [account, paula, quentin]


def test_after_each_edit_the_search_finds_what_is_there_at_once(db: Database) -> None:
    from dataclasses import replace

    from accountdesk.core.services.accounts import contact_input, update_contact
    from accountdesk.core.services.privacy import erase_contact
    from accountdesk.core.services.trash import delete, restore

    account = create_account(db, AccountInput(name="Pacific Trade", country="SG"))
    quentin = create_contact(
        db,
        ContactInput(account_id=account, given_name="Quentin", family_name="Oldname", country="GB"),
    )

    def found(query: str) -> list[str]:
        hits = [h.id for h in search(db, query) if h.kind == "contact"]
        assert hits == contact_ids(db, ListFilter(text=query))
        return hits

    assert found("Oldname") == [quentin]
    update_contact(db, quentin, replace(contact_input(db, quentin), family_name="Hargreave"))
    assert found("Oldname") == [] and found("Old") == []
    assert found("Hargreave") == [quentin] and found("harg quen") == [quentin]
    delete(db, "contact", quentin)
    assert found("Hargreave") == [] and found("Quentin") == []
    restore(db, "contact", quentin)
    assert found("Hargreave") == [quentin]
    delete(db, "account", account)  # the account's people go with it
    assert found("Hargreave") == []
    restore(db, "account", account)
    assert found("Hargreave") == [quentin]
    erase_contact(db, quentin)
    assert [found(q) for q in ("Hargreave", "Harg", "H", "Q", "Quentin")] == [[]] * 5


@pytest.mark.parametrize(
    ("name", "country", "queries"),
    [
        ("株式会社山田製作所", "JP", ["山田", "山田製作所", "製作所", "株式会社山田"]),
        ("华为技术有限公司", "CN", ["华为", "技术", "有限公司"]),
        ("บริษัทสยามพาณิชย์", "TH", ["สยาม", "สยามพาณิชย์", "บริษัท"]),
    ],
)
def test_an_account_is_found_by_a_word_inside_its_name(
    db: Database, name: str, country: str, queries: list[str]
) -> None:
    """Japanese and Chinese company names are written without spaces, the legal form first in
    Japan (株式会社…): found by the name inside."""
    account = create_account(db, AccountInput(name=name, country=country))
    create_account(db, AccountInput(name="株式会社東京商事", country="JP"))
    for query in queries:
        assert [h.id for h in search(db, query)] == [account], query
        assert account_ids(db, ListFilter(text=query)) == [account], query


def test_a_chinese_name_in_one_field_is_found_by_its_given_name(db: Database) -> None:
    account = create_account(db, AccountInput(name="Pacific Trade", country="SG"))
    lei = create_contact(
        db,
        ContactInput(account_id=account, given_name="李磊", country="CN", timezone="Asia/Shanghai"),
    )
    assert [h.id for h in search(db, "磊")] == [lei]
    assert [h.id for h in search(db, "李磊")] == [lei]


@pytest.mark.parametrize("typed", ["می‌خواهم", "میخواهم", "خواهم", "می خواهم"])
def test_notes_are_found_with_or_without_a_zwnj(db: Database, typed: str) -> None:
    account = create_account(db, AccountInput(name="Pars Trade", country="IR"))
    with_zwnj, without = (
        create_contact(
            db,
            ContactInput(
                account_id=account,
                given_name=given,
                family_name="رضایی",
                country="IR",
                timezone="Asia/Tehran",
                personal_notes=notes,
            ),
        )
        for given, notes in (("مریم", "می‌خواهم کاتالوگ"), ("علی", "میخواهم کاتالوگ"))
    )
    found = {h.id for h in search(db, typed)}
    # the note written with the ZWNJ is found however it is typed; the one written without
    # it by the whole word, with the ZWNJ, without it or apart
    assert (with_zwnj in found, without in found) == (True, typed != "خواهم")


def test_figures_that_are_not_phones_are_searched_as_their_words(db: Database) -> None:
    """Any query of digits and separators was searched as one phone number: an order number,
    a date, a postcode or a rate in an account's notes found nothing (review finding)."""
    from accountdesk.core.db.fts import query_words

    notes = "Order 4500-118 delivered; contract signed 2025-03-14, 14.03.2025; rate 1.5 %; 00-950"
    account = create_account(db, AccountInput(name="Polmet", country="PL", notes=notes))
    for typed in ("4500-118", "2025-03-14", "14.03.2025", "00-950", "1.5"):
        assert [h.id for h in search(db, typed)] == [account], typed
        assert account_ids(db, ListFilter(text=typed)) == [account], typed
    # phones as people write them are still one number, and so is the start of one
    assert query_words("0532 123 45 67") == ["05321234567"]
    assert query_words("0532 12") == ["053212"]
    assert query_words("ayse 0532 123") == ["ayse", "0532123"]
    assert query_words("(201) 555-1912") == ["2015551912"]
    assert query_words("555.123.4567") == ["5551234567"]
    assert query_words("+371 2612 3456") == ["37126123456"]


def test_a_number_among_words_stays_a_word_of_its_own(db: Database) -> None:
    """Joining the groups of a number being typed ("0532 123") keeps a number next to words,
    or written with other marks between its groups, a word: an account's year, a house
    number, a flat (review: "081 234" found no one)."""
    from accountdesk.core.db.fts import query_words

    koks = create_account(db, AccountInput(name="Koks 2024", country="LV"))
    street = create_account(
        db, AccountInput(name="Dzintars", country="LV", notes="Brīvības iela 123-4, 2. stāvs")
    )
    for typed, wanted in {
        "koks 2024": [koks],
        "2024 koks": [koks],
        "koks 20": [koks],
        "2024": [koks],
        "brivibas 123": [street],
        "123-4": [street],
        "iela 123 brivibas": [street],
    }.items():
        assert [h.id for h in search(db, typed)] == wanted, typed
        assert account_ids(db, ListFilter(text=typed)) == wanted, typed
    assert query_words("koks 2024") == ["koks", "2024"]
    assert query_words("123-4") == ["123", "4"]
    assert query_words("12 3") == ["12", "3"]


def test_numbers_in_groups_are_found_as_one_number_or_as_each(db: Database) -> None:
    """Groups of digits that do not start with a trunk 0 may be a phone's start ("532 123")
    or figures of their own: a year and a quantity in notes ("2024 150") are found as
    before the groups were joined (review: "2024 150" and "timber 2024 150" found nothing),
    and the phone still is."""
    from accountdesk.core.db.fts import match_expression, query_words

    timber = create_account(
        db,
        AccountInput(
            name="Baltic Timber SIA", country="LV",
            notes="Framework contract 2024: 150 pallets a month.",
        ),
    )  # fmt: skip
    koks = create_account(db, AccountInput(name="Koks 2024", country="LV", notes="Rīga, 12 t"))
    phone = create_account(db, AccountInput(name="Pera Lojistik", country="TR"))
    ali = create_contact(
        db,
        ContactInput(
            account_id=phone, given_name="Ali", family_name="Işık", country="TR",
            phones=[("mobile", "0532 123 45 67")],
        ),
    )  # fmt: skip
    for typed, wanted in {
        "2024 150": [timber],
        "timber 2024 150": [timber],
        "2024 150 timber": [timber],
        "150 2024": [timber],
        "koks 2024 12": [koks],
        "2024 151": [],
    }.items():
        assert sorted(h.id for h in search(db, typed)) == wanted, typed
        assert account_ids(db, ListFilter(text=typed)) == wanted, typed
    for typed in ("532 123", "532 12", "ali 532 123", "0532 123", "ali 0532 12"):
        assert [h.id for h in search(db, typed)] == [ali], typed
        assert contact_ids(db, ListFilter(text=typed)) == [ali], typed
    assert contact_ids(db, ListFilter(text="2024 150")) == []
    # groups after a trunk 0 are one number; others one word read either way
    assert query_words("timber 2024 150") == ["timber", "2024 150"]
    assert query_words("0532 123") == ["0532123"]
    assert match_expression("2024 150") == '("2024150"* OR ("2024"* AND "150"*))'
    assert match_expression("2024 150", postgres=True) == "('2024150':* | ('2024':* & '150':*))"
