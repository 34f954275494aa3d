"""Importing vCard files: the RFCs' examples, sample exports of address books written for these
tests (tests/data), what arrives where, and all-or-nothing with problems that name the card,
the property and the value."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, Contact, Tag
from accountdesk.core.i18n import use_language
from accountdesk.core.io.vcard import VCardImportError, import_vcard
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import contact_input, create_account, create_contact
from accountdesk.core.services.trash import delete

DATA = Path(__file__).parents[2] / "data"
CLOCK = lambda: datetime(2026, 3, 1, 12, tzinfo=UTC)  # noqa: E731


def _contacts(db: Database) -> dict[str, dict[str, Any]]:
    """Every contact by given name: its columns, account name and country, tags and dates."""
    with db.reader() as session:
        found = {}
        for contact in session.scalars(select(Contact)):
            values = {c.key: getattr(contact, c.key) for c in Contact.__table__.columns}
            values["account"] = (contact.account.name, contact.account.country)
            values["tags"] = sorted(t.name for t in contact.tags)
            values["dates"] = sorted(
                (d.kind, d.year, d.month, d.day, d.label, d.remind) for d in contact.important_dates
            )
            found[contact.given_name] = values
        return found


def _count(db: Database, model: type[Account] | type[Contact]) -> int:
    with db.reader() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _write(tmp_path: Path, text: str, name: str = "cards.vcf") -> Path:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", "\r\n").encode())
    return path


def test_rfc2426_example_cards(db: Database) -> None:
    report = import_vcard(db, DATA / "rfc2426_example.vcf", clock=CLOCK)
    assert (report.cards, report.contacts_created, report.accounts_created) == (2, 2, 2)
    people = _contacts(db)
    frank = people["Frank Dawson"]  # the example has FN only: the whole name is the given name
    assert frank["account"] == ("Lotus Development Corporation", "US")
    assert frank["city"] == "Raleigh" and frank["subdivision"] == "NC"
    assert frank["phones"] == [
        {"label": "work", "value": "+19196769515"},
        {"label": "fax", "value": "+19196769564"},
    ]
    assert [e["value"] for e in frank["emails"]] == [
        "Frank_Dawson@Lotus.com",
        "fdawson@earthlink.net",
    ]
    # The United States have several zones: the phone number's area code chose it.
    assert frank["timezone"] == "America/New_York"
    tim = people["Tim Howes"]
    assert tim["account"] == ("Netscape Communications Corp.", "US")
    assert (tim["city"], tim["subdivision"], tim["timezone"]) == (
        "Mountain View",
        "CA",
        "America/Los_Angeles",
    )
    remarks = " ".join(report.remarks())
    assert "URL on 1 card was not imported" in remarks
    assert "street addresses or postal codes of 2 cards" in remarks
    # the card has no TZ, and is not said to have one
    assert "Card 1 (Frank Dawson): no time zone given; taken from the phone number" in remarks


def test_rfc6350_example_card_is_refused_for_its_phone_extension(db: Database) -> None:
    with pytest.raises(VCardImportError) as caught:
        import_vcard(db, DATA / "rfc6350_example.vcf", clock=CLOCK)
    assert caught.value.problems == [
        "Card 1 (Simon Perreault), TEL: Phone \u201c+1-418-656-9254;ext=102\u201d: contains "
        "letters; write the number in digits"
    ]
    assert caught.value.message.endswith("Nothing was imported.")
    assert _count(db, Contact) == 0 and _count(db, Account) == 0


def test_rfc6350_example_card_without_the_extension(db: Database, tmp_path: Path) -> None:
    text = (DATA / "rfc6350_example.vcf").read_bytes().replace(b";ext=102", b"")
    path = tmp_path / "simon.vcf"
    path.write_bytes(text)
    report = import_vcard(db, path, clock=CLOCK)
    simon = _contacts(db)["Simon"]
    assert simon["family_name"] == "Perreault"
    assert simon["account"] == ("Viagenie", "CA")
    assert (simon["city"], simon["subdivision"], simon["country"]) == ("Quebec", "QC", "CA")
    assert simon["preferred_language"] == "fr"  # LANG;PREF=1
    assert simon["emails"] == [{"label": "work", "value": "simon.perreault@viagenie.ca"}]
    assert simon["phones"] == [
        {"label": "work", "value": "+14186569254"},
        {"label": "mobile", "value": "+14182626501"},
    ]
    assert simon["dates"] == [
        ("birthday", None, 2, 3, None, True),  # BDAY:--0203
        ("custom", 2009, 8, 8, None, True),  # ANNIVERSARY:20090808T1430-0500
    ]
    assert simon["timezone"] == "America/Toronto"  # Canada has several zones: from the phone
    remarks = " ".join(report.remarks())
    for name in ("GENDER", "GEO", "KEY", "URL"):
        assert f"{name} on 1 card was not imported: AccountDesk has no field for it." in remarks
    assert "honorific suffix (Jr., M.D.) of 1 card" in remarks


def test_an_honorific_that_follows_the_name_is_read_from_the_suffix(
    db: Database, tmp_path: Path
) -> None:
    """A phone writes Turkish Hanım, Chinese 先生 where they go, in N's suffix: they are the
    honorific. A prefix wins; a suffix that is no honorific (Jr.) is still said not kept."""
    card = "BEGIN:VCARD\nVERSION:3.0\nN:{n}\nFN:{fn}\nORG:Anadolu\nADR:;;;;;;Turkey\nEND:VCARD\n"
    path = _write(
        tmp_path,
        card.format(n="Yılmaz;Ayşe;;;Hanım", fn="Ayşe Yılmaz")
        + card.format(n="王;伟;;;先生", fn="王伟")
        + card.format(n="Kaya;Emre;;Dr.;Bey", fn="Emre Kaya")
        + card.format(n="Smith;John;;;Jr.", fn="John Smith"),
    )
    report = import_vcard(db, path, clock=CLOCK)
    people = _contacts(db)
    assert {name: people[name]["honorific"] for name in ("Ayşe", "伟", "Emre", "John")} == {
        "Ayşe": "Hanım",
        "伟": "先生",
        "Emre": "Dr.",
        "John": None,
    }
    remarks = " ".join(report.remarks())
    assert "The honorific suffixes (Jr., M.D.) of 2 cards were not imported." in remarks


def test_a_tz_offset_picks_the_countrys_zone_with_that_offset(db: Database, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "BEGIN:VCARD\nVERSION:3.0\nN:Sokolova;Olga\nFN:Olga Sokolova\nORG:Ural Steel\n"
        "ADR:;;;Yekaterinburg;;;Russia\nTZ:+05:00\nEND:VCARD\n",
    )
    report = import_vcard(db, path, clock=CLOCK)
    assert _contacts(db)["Olga"]["timezone"] == "Asia/Yekaterinburg"
    assert "the offset +05:00 names no zone; taken as Asia/Yekaterinburg" in report.notes[0]


@pytest.mark.parametrize(
    ("city", "country", "offset", "zone"),
    [
        ("Kyiv", "Ukraine", "+03:00", "Europe/Kyiv"),  # Kyiv's summer; Crimea's all year
        ("Madrid", "Spain", "+01:00", "Europe/Madrid"),  # the Canaries' summer too
        ("Lisboa", "Portugal", "+00:00", "Europe/Lisbon"),  # the Azores' summer too
    ],
)
def test_a_tz_offset_gives_the_zone_the_countrys_people_keep_first(
    db: Database, tmp_path: Path, city: str, country: str, offset: str, zone: str
) -> None:
    """A card with only an offset took the first zone of zone.tab with it: a Kyiv contact's
    summer +03:00 was stored as Europe/Simferopol (Crimea), an hour off all winter."""
    path = _write(
        tmp_path,
        f"BEGIN:VCARD\nVERSION:3.0\nN:Shevchenko;Olena\nFN:Olena Shevchenko\nORG:Grain\n"
        f"ADR:;;;{city};;;{country}\nTZ:{offset}\nEND:VCARD\n",
    )
    import_vcard(db, path, clock=CLOCK)
    assert _contacts(db)["Olena"]["timezone"] == zone


@pytest.mark.parametrize(
    ("region", "country", "offset", "zone"),
    [
        ("Sonora", "Mexico", "-07:00", "America/Hermosillo"),  # not Ciudad Juárez (DST)
        ("AB", "Canada", "-06:00", "America/Edmonton"),  # Alberta's summer: not Winnipeg
        ("AB", "Canada", "-07:00", "America/Edmonton"),  # Alberta's winter
    ],
)
def test_a_tz_offset_gives_the_zone_of_the_cards_region_first(
    db: Database, tmp_path: Path, region: str, country: str, offset: str, zone: str
) -> None:
    """The region names one zone (countries.main_zone): an offset it keeps takes that zone, not
    the first zone of zone.tab that ever has the offset."""
    path = _write(
        tmp_path,
        f"BEGIN:VCARD\nVERSION:3.0\nN:Lopez;Ana\nFN:Ana Lopez\nORG:Prairie Oil\n"
        f"ADR;TYPE=WORK:;;Main St 1;Town;{region};;{country}\nTZ:{offset}\nEND:VCARD\n",
    )
    report = import_vcard(db, path, clock=CLOCK)
    assert _contacts(db)["Ana"]["timezone"] == zone
    assert f"the offset {offset} names no zone; taken as {zone}" in " ".join(report.notes)


def test_a_card_in_a_country_whose_people_keep_one_clock_gets_its_zone(
    db: Database, tmp_path: Path
) -> None:
    """Germany has two zones in tzdata (Büsingen's too), but one clock; the US has several."""
    card = "BEGIN:VCARD\nVERSION:3.0\nN:{family};{given}\nFN:{given} {family}\nORG:{org}\n"
    card += "EMAIL:{given}@example.com\nADR;TYPE=WORK:;;;{city};;;{country}\nEND:VCARD\n"
    german = card.format(
        family="Schmidt", given="Klaus", org="Siemens AG", city="München", country="Germany"
    )
    import_vcard(db, _write(tmp_path, german), clock=CLOCK)
    assert _contacts(db)["Klaus"]["timezone"] == "Europe/Berlin"
    american = card.format(
        family="Lee", given="Ann", org="Hudson", city="Albany", country="United States"
    )
    with pytest.raises(VCardImportError) as caught:
        import_vcard(db, _write(tmp_path, american), clock=CLOCK)
    assert caught.value.problems == [
        "Card 1 (Ann Lee), TZ: Time zone: is required for a country with several time zones"
    ]


def test_apple_contacts_sample(db: Database) -> None:
    report = import_vcard(db, DATA / "apple_contacts_v3.vcf", clock=CLOCK)
    assert (report.cards, report.contacts_created, report.accounts_created) == (3, 2, 2)
    ayse = _contacts(db)["Ayşe"]
    assert ayse["id"] == "7d1a0c52-8c2e-4a6f-9b55-3f2f6a0d8e11"  # the card's UID
    assert (ayse["family_name"], ayse["honorific"], ayse["job_title"]) == (
        "Yılmaz",
        "Hanım",
        "Satış Müdürü",
    )
    assert ayse["phones"] == [
        {"label": "mobile", "value": "+905321234567"},
        {"label": "ofis", "value": "+902125551234"},  # Apple's own label (X-ABLabel)
    ]
    assert (ayse["country"], ayse["subdivision"], ayse["city"]) == ("TR", "34", "İstanbul")
    assert ayse["personal_notes"] == "Prefers WhatsApp, mornings.\nSpeaks English."
    assert ayse["tags"] == ["Istanbul fair", "textiles"]
    assert ayse["dates"] == [
        ("birthday", None, 5, 19, None, True),  # Apple's year 1604 means "no year"
        ("custom", 2016, 9, 1, None, True),  # Apple's anniversary
    ]
    with db.reader() as session:
        company = session.scalars(select(Account).where(Account.country == "TR")).one()
        # The company's card made the account, with its address; Ayşe's card found it.
        assert company.name == "Anadolu Tekstil A.Ş."
        assert company.city == "İstanbul" and company.address == "Büyükdere Cad. 100\n34394"
        assert company.website == "https://anadolu-tekstil.example"
        assert [c.given_name for c in company.contacts] == ["Ayşe"]
    ilze = _contacts(db)["Ilze"]
    assert ilze["account"] == ("Baltijas Koks SIA", "LV")
    assert ilze["emails"] == [{"label": "home", "value": "ilze.kalnina@example.lv"}]
    assert ilze["phones"] == [{"label": "work", "value": "+37167123456"}]
    assert ilze["dates"] == [("birthday", 1988, 11, 18, None, True)]
    remarks = " ".join(report.remarks())
    assert "X-SOCIALPROFILE on 1 card was not imported" in remarks
    assert "department (a unit of ORG) of 1 card" in remarks


def test_outlook_21_sample(db: Database) -> None:
    import_vcard(db, DATA / "outlook_v21.vcf", clock=CLOCK)
    people = _contacts(db)
    maja = people["Maja"]
    assert (maja["family_name"], maja["job_title"]) == ("Novak", "Vodja nabave")
    assert maja["account"] == ("Zavarovalnica Triglav d.d.", "SI")
    assert maja["city"] == "Ljubljana" and maja["country"] == "SI"
    assert maja["personal_notes"] == "Srečanje na sejmu v Celju.\nZanima jo ponudba za leto 2027."
    assert maja["phones"] == [
        {"label": "work", "value": "+38614747200"},
        {"label": "mobile", "value": "+38641123456"},
    ]
    assert maja["dates"] == [("birthday", 1979, 3, 14, None, True)]
    tomaz = people["Tomaž"]  # quoted-printable in windows-1252
    assert tomaz["family_name"] == "Žagar" and tomaz["country"] == "SI"


def test_android_40_sample_in_persian_and_thai(db: Database) -> None:
    report = import_vcard(db, DATA / "android_v4.vcf", clock=CLOCK)
    people = _contacts(db)
    maryam = people["مریم"]
    assert (maryam["family_name"], maryam["honorific"]) == ("جعفری", "خانم")
    assert (maryam["country"], maryam["city"], maryam["timezone"]) == ("IR", "تهران", "Asia/Tehran")
    assert maryam["subdivision"] is None
    assert maryam["phones"] == [{"label": "mobile", "value": "+989121234567"}]
    assert maryam["preferred_language"] == "fa"
    somchai = people["สมชาย"]
    assert (somchai["country"], somchai["honorific"]) == ("TH", "คุณ")
    assert somchai["account"] == ("สยามพาณิชย์ จำกัด", "TH")
    assert somchai["tags"] == ["ลูกค้าหลัก"]
    assert report.notes == [
        "Card 1 (مریم جعفری), ADR: the region \u201cتهران\u201d is not a region of Iran in "
        "ISO 3166-2; it was left empty"
    ]


CARD = """BEGIN:VCARD
VERSION:4.0
UID:urn:uuid:{uid}
FN:Anna Bērziņa
N:Bērziņa;Anna;;;
ORG:Baltic Amber SIA
EMAIL;TYPE=work:{email}
ADR;TYPE=work:;;;Rīga;;;Latvija
END:VCARD
"""
UID = "01900000-0000-7000-8000-000000000001"


def test_every_problem_is_reported_and_nothing_is_written(db: Database, tmp_path: Path) -> None:
    text = (
        CARD.format(uid=UID, email="anna@amber.lv")
        + "BEGIN:VCARD\nVERSION:3.0\nN:Ozols;Jānis\nFN:Jānis Ozols\nORG:Koks\n"
        "EMAIL:not-an-address\nADR:;;;;;;Latvija\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nN:Kaya;Emre\nFN:Emre Kaya\nADR:;;;;;;Narnia\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nN:Demir;Can\nFN:Can Demir\nADR:;;;;;;Turkey\n"
        "BDAY:sometime in May\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nN:Aydın;Ece\nFN:Ece Aydın\nEND:VCARD\n"
    )
    with pytest.raises(VCardImportError) as caught:
        import_vcard(db, _write(tmp_path, text))
    assert caught.value.problems == [
        "Card 2 (Jānis Ozols), EMAIL: E-mail: \u201c\u2066not-an-address\u2069\u201d is not a "
        "valid e-mail address",
        "Card 3 (Emre Kaya), ADR: Country \u201cNarnia\u201d: is not an ISO 3166 country code "
        "(for example LV, TH or IR)",
        "Card 4 (Can Demir), BDAY: Date \u201csometime in May\u201d: is not a date (write it as "
        "YYYY-MM-DD, or --MM-DD without the year)",
        # a card without ADR is not said to have one
        "Card 5 (Ece Aydın): no country: the card has no address, and no phone number in "
        "international form (+…) or time zone tells one; give the card an address, or the "
        "import a country for such cards (--country, or your own country in Settings → Me)",
    ]
    assert caught.value.message.startswith("Card 2 (Jānis Ozols), EMAIL:")
    assert "(and 3 more problems)" in caught.value.message
    assert _count(db, Contact) == 0 and _count(db, Account) == 0


THAI_CARD = (
    "BEGIN:VCARD\nVERSION:3.0\nN:ใจดี;สมชาย;;คุณ;\nFN:คุณสมชาย ใจดี\nORG:ปตท.\n"
    "ADR;TYPE=work:;;;Bangkok;;;Thailand\nBDAY:{bday}\nEND:VCARD\n"
)


def test_a_buddhist_era_birthday_is_read_in_thai_and_refused_otherwise(
    db: Database, tmp_path: Path
) -> None:
    """BDAY:2527-12-05 is 5 December 1984 to a Thai address book; never the year 2527."""
    path = _write(tmp_path, THAI_CARD.format(bday="2527-12-05"))
    with pytest.raises(VCardImportError) as caught:
        import_vcard(db, path, clock=CLOCK)
    assert caught.value.problems == [
        "Card 1 (คุณสมชาย ใจดี), BDAY: Date “2527-12-05”: could be in the year 2527 of the "
        "Gregorian calendar, or 5 December 1984 if 2527 is a year of the Buddhist era: write "
        "it as 1984-12-05, or import the file with the app in Thai"
    ]
    with use_language("th"):
        import_vcard(db, path, clock=CLOCK)
    assert _contacts(db)["สมชาย"]["dates"] == [("birthday", 1984, 12, 5, None, True)]


@pytest.mark.parametrize("bday", ["1984-13-45", "19841345", "--13-45"])
def test_a_date_that_is_no_date_is_quoted_as_the_card_writes_it(
    db: Database, tmp_path: Path, bday: str
) -> None:
    with pytest.raises(VCardImportError) as caught:
        import_vcard(db, _write(tmp_path, THAI_CARD.format(bday=bday)), clock=CLOCK)
    assert caught.value.problems == [f"Card 1 (คุณสมชาย ใจดี), BDAY: Date “{bday}”: is not a date"]


def test_importing_a_card_again_updates_its_contact(db: Database, tmp_path: Path) -> None:
    import_vcard(db, _write(tmp_path, CARD.format(uid=UID, email="anna@amber.lv")))
    again = import_vcard(db, _write(tmp_path, CARD.format(uid=UID, email="anna@dzintars.lv")))
    assert (again.contacts_created, again.contacts_updated, again.accounts_created) == (0, 1, 0)
    assert _count(db, Contact) == 1 and _count(db, Account) == 1
    assert _contacts(db)["Anna"]["emails"] == [{"label": "work", "value": "anna@dzintars.lv"}]


def test_importing_a_card_again_keeps_what_cards_do_not_carry(db: Database, tmp_path: Path) -> None:
    account = create_account(db, AccountInput(name="Baltic Amber SIA", country="LV"))
    data = ContactInput(
        account_id=account,
        given_name="Anna",
        country="LV",
        buying_role="champion",
        consent_given_on="2025-01-02",
        lawful_basis="consent",
        marketing_opt_in=True,
        formality="informal",
        work_start="08:00",
        work_end="16:00",
    )
    contact = create_contact(db, data)
    import_vcard(db, _write(tmp_path, CARD.format(uid=contact, email="anna@amber.lv")))
    after = contact_input(db, contact)
    assert (after.family_name, after.emails) == ("Bērziņa", [("work", "anna@amber.lv")])
    assert (after.buying_role, after.lawful_basis) == ("champion", "consent")
    assert str(after.consent_given_on) == "2025-01-02"
    assert (after.work_start, after.work_end) == ("08:00", "16:00")
    assert (after.marketing_opt_in, after.formality) == (True, "informal")  # not made "no"


def test_accountdesks_own_properties_update_what_they_carry(db: Database, tmp_path: Path) -> None:
    account = create_account(db, AccountInput(name="Baltic Amber SIA", country="LV"))
    data = ContactInput(
        account_id=account, given_name="Anna", country="LV", marketing_opt_in=True,
        buying_role="champion", stay_in_touch_days=30,
    )  # fmt: skip
    contact = create_contact(db, data)
    card = CARD.format(uid=contact, email="anna@amber.lv").replace(
        "END:VCARD",
        "X-ACCOUNTDESK-MARKETING-OPT-IN:no\nX-ACCOUNTDESK-LAWFUL-BASIS:contract\n"
        "X-ACCOUNTDESK-CONSENT-WITHDRAWN:2026-01-15\nX-ACCOUNTDESK-WORK-HOURS:07:00-15:00\n"
        "END:VCARD",
    )
    report = import_vcard(db, _write(tmp_path, card), clock=CLOCK)
    assert not report.ignored  # AccountDesk's own properties are read, not "not imported"
    after = contact_input(db, contact)
    assert (after.marketing_opt_in, after.lawful_basis) == (False, "contract")
    assert str(after.consent_withdrawn_on) == "2026-01-15"
    assert (after.work_start, after.work_end) == ("07:00", "15:00")
    assert (after.buying_role, after.stay_in_touch_days) == ("champion", 30)  # not carried
    bad = card.replace("07:00-15:00", "17:00-15:00")
    with pytest.raises(VCardImportError) as caught:
        import_vcard(db, _write(tmp_path, bad), clock=CLOCK)
    assert caught.value.problems == [
        "Card 1 (Anna Bērziņa), X-ACCOUNTDESK-WORK-HOURS: Working hours “17:00–15:00”: must "
        "start before they end"
    ]


def test_a_card_finds_the_existing_account_of_its_organisation(
    db: Database, tmp_path: Path
) -> None:
    account = create_account(db, AccountInput(name="baltic amber sia", country="LV"))
    report = import_vcard(db, _write(tmp_path, CARD.format(uid=UID, email="anna@amber.lv")))
    assert report.accounts_created == 0
    assert contact_input(db, UID).account_id == account


def test_a_uid_of_a_contact_in_the_trash_is_refused(db: Database, tmp_path: Path) -> None:
    account = create_account(db, AccountInput(name="Baltic Amber SIA", country="LV"))
    contact = create_contact(db, ContactInput(account_id=account, given_name="Anna", country="LV"))
    delete(db, "contact", contact)
    with pytest.raises(VCardImportError) as caught:
        import_vcard(db, _write(tmp_path, CARD.format(uid=contact, email="anna@amber.lv")))
    assert caught.value.problems == [
        f"Card 1 (Anna Bērziņa), UID: the contact {contact} is in the trash; restore it first, "
        "or remove the UID"
    ]


def test_the_same_uid_twice_in_a_file_is_refused(db: Database, tmp_path: Path) -> None:
    text = CARD.format(uid=UID, email="a@amber.lv") + CARD.format(uid=UID, email="b@amber.lv")
    with pytest.raises(VCardImportError) as caught:
        import_vcard(db, _write(tmp_path, text))
    assert caught.value.problems == [
        f"Card 2 (Anna Bērziņa), UID: another card of the file has the same UID: urn:uuid:{UID}"
    ]


def test_a_card_without_org_gets_an_account_named_after_it(db: Database, tmp_path: Path) -> None:
    text = "BEGIN:VCARD\nVERSION:3.0\nN:Novak;Maja\nFN:Maja Novak\nADR:;;;;;;Slovenija\nEND:VCARD\n"
    import_vcard(db, _write(tmp_path, text))
    assert _contacts(db)["Maja"]["account"] == ("Maja Novak", "SI")


def test_family_first_names_keep_their_order(db: Database, tmp_path: Path) -> None:
    text = (
        "BEGIN:VCARD\nVERSION:4.0\nN:王;伟;;;\nFN:王伟\nADR:;;;;;;China\nTZ:Asia/Shanghai\n"
        "END:VCARD\nBEGIN:VCARD\nVERSION:4.0\nN:Tanaka;Yuki;;;\nFN:Tanaka Yuki\n"
        "ADR:;;;;;;Japan\nEND:VCARD\n"
    )
    import_vcard(db, _write(tmp_path, text))
    people = _contacts(db)
    assert people["伟"]["name_order"] == "family_first"
    assert people["Yuki"]["name_order"] == "family_first"


def test_the_name_order_is_fns_spaces_aside_else_the_countrys(db: Database, tmp_path: Path) -> None:
    """FN:田中 太郎 writes the family name first with a space (shown joined: 田中太郎); a card
    whose FN does not tell takes the order of the contact's country; a Hungarian card whose
    FN writes the given name first keeps that order."""
    card = "BEGIN:VCARD\nVERSION:4.0\nN:{n}\n{fn}ADR:;;;;;;{country}\nEND:VCARD\n"
    text = "".join(
        card.format(n=n, fn=f"FN:{fn}\n" if fn else "", country=country)
        for n, fn, country in (
            ("田中;太郎;;;", "田中 太郎", "Japan"),
            ("김;민준;;;", "", "South Korea"),
            ("Kovács;Anna;;;", "Dr. Kovács Anna", "Hungary"),
            ("Szabó;Péter;;;", "Péter Szabó", "Hungary"),
            ("Berzina;Ilze;;;", "", "Latvia"),
        )
    )
    import_vcard(db, _write(tmp_path, text), clock=CLOCK)
    orders = {given: c["name_order"] for given, c in _contacts(db).items()}
    assert orders == {
        "太郎": "family_first", "민준": "family_first", "Anna": "family_first",
        "Péter": "given_first", "Ilze": "given_first",
    }  # fmt: skip


def test_groups_and_places_are_skipped(db: Database, tmp_path: Path) -> None:
    # RFC 6350 §6.1.4's group example.
    text = (
        "BEGIN:VCARD\nVERSION:4.0\nKIND:group\nFN:The Doe family\n"
        "MEMBER:urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af\nEND:VCARD\n"
        + CARD.format(uid=UID, email="anna@amber.lv")
    )
    report = import_vcard(db, _write(tmp_path, text))
    assert (report.cards, report.skipped, report.contacts_created) == (2, 1, 1)
    assert "1 card describes a group or a place" in " ".join(report.remarks())


def test_rfc6350_org_card_needs_a_country(db: Database, tmp_path: Path) -> None:
    # RFC 6350 §6.1.4's organisation example has no address; with one it becomes an account.
    text = (
        "BEGIN:VCARD\nVERSION:4.0\nKIND:org\nFN:ABC Marketing\n"
        "ORG:ABC\\, Inc.;North American Division;Marketing\nEND:VCARD\n"
    )
    with pytest.raises(VCardImportError) as caught:
        import_vcard(db, _write(tmp_path, text))
    assert caught.value.problems == [
        "Card 1 (ABC Marketing): no country: the card has no address, and no phone number in "
        "international form (+…) or time zone tells one; give the card an address, or the "
        "import a country for such cards (--country, or your own country in Settings → Me)"
    ]
    with_address = text.replace("END:VCARD", "ADR:;;;Any Town;CA;;USA\nEND:VCARD")
    report = import_vcard(db, _write(tmp_path, with_address))
    assert (report.accounts_created, report.contacts_created) == (1, 0)
    with db.reader() as session:
        account = session.scalars(select(Account)).one()
        assert (account.name, account.country, account.subdivision) == ("ABC, Inc.", "US", "CA")


def test_dry_run_checks_and_writes_nothing(db: Database) -> None:
    report = import_vcard(db, DATA / "apple_contacts_v3.vcf", dry_run=True, clock=CLOCK)
    assert (report.contacts_created, report.accounts_created) == (2, 2)
    assert report.summary().startswith("Checked 3 cards; nothing was written.")
    assert _count(db, Contact) == 0 and _count(db, Account) == 0


def test_many_tags_across_cards_and_tags_that_exist(db: Database, tmp_path: Path) -> None:
    account = create_account(db, AccountInput(name="Koks", country="LV", tags=["VIP"]))
    assert account
    cards = [
        f"BEGIN:VCARD\nVERSION:3.0\nN:Ozols;Jānis{i}\nFN:Jānis{i} Ozols\nORG:Koks\n"
        f"ADR:;;;;;;LV\nCATEGORIES:vip,{','.join(f'tag {i}-{k}' for k in range(60))}\nEND:VCARD\n"
        for i in range(3)
    ]
    import_vcard(db, _write(tmp_path, "".join(cards)))
    people = _contacts(db)
    assert len(people["Jānis0"]["tags"]) == 61 and "VIP" in people["Jānis2"]["tags"]
    with db.reader() as session:
        assert session.scalar(select(func.count()).select_from(Tag)) == 1 + 3 * 60


def test_companies_written_in_other_cases_are_one_account_turkish_i_too(
    db: Database, tmp_path: Path
) -> None:
    """As a CSV import groups them (records.tag_key): "IŞIK TEKSTİL" and "Işık Tekstil" are
    one account, named as the first card writes it; str.casefold made two."""
    cards = "".join(
        f"BEGIN:VCARD\nVERSION:3.0\nN:{family};{given};;;\nFN:{given} {family}\nORG:{org}\n"
        "ADR;TYPE=WORK:;;;İstanbul;;;Türkiye\nEND:VCARD\n"
        for given, family, org in (
            ("Ayşe", "Yılmaz", "IŞIK TEKSTİL"),
            ("Mehmet", "Demir", "Işık Tekstil"),
            ("Elif", "Kaya", "ışık tekstil"),
        )
    )
    report = import_vcard(db, _write(tmp_path, cards), clock=CLOCK)
    assert report.accounts_created == 1
    assert {c["account"] for c in _contacts(db).values()} == {("IŞIK TEKSTİL", "TR")}


def test_a_file_with_more_problems_than_are_listed_says_so(db: Database, tmp_path: Path) -> None:
    """The list stops at 50: the refusal says there are more, not "(and 49 more problems)"."""
    cards = "".join(
        f"BEGIN:VCARD\nVERSION:3.0\nN:P{n};Ilze;;;\nFN:Ilze P{n}\nORG:Koks\n"
        "ADR;TYPE=WORK:;;;Rīga;;;Latvia\nEMAIL:not-an-address\nEND:VCARD\n"
        for n in range(60)
    )
    with pytest.raises(VCardImportError) as caught:
        import_vcard(db, _write(tmp_path, cards), clock=CLOCK)
    assert "(the first 50 problems are listed; there are more)" in caught.value.message
    assert len(caught.value.problems) == 50
    assert _count(db, Contact) == 0
