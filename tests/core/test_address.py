"""Forms of address by culture: the honorific where the culture puts it, with the right name."""

from __future__ import annotations

import pytest

from accountdesk.core.address import (
    BY_GIVEN_NAME,
    KEPT,
    RULES,
    TITLE_WITH_FULL_NAME,
    UNSAID,
    form_of_address,
    latvian_genitive,
    rule_of,
)
from accountdesk.core.culture import etiquette


@pytest.mark.parametrize(
    ("honorific", "given", "family", "order", "expected"),
    [
        # Turkish: Bey / Hanım after the given name
        ("Hanım", "Fatma", "Yılmaz", "given_first", "Fatma Hanım"),
        ("Bey", "Mustafa", "Öztürk", "given_first", "Mustafa Bey"),
        ("Hanımefendi", "Ayşe", "Kaya", "given_first", "Ayşe Hanımefendi"),
        # Persian: آقای / خانم before the family name
        ("خانم", "نگار", "جعفری", "given_first", "خانم جعفری"),
        ("آقای", "رضا", "احمدی", "given_first", "آقای احمدی"),
        # Thai: คุณ before the given name, written together
        ("คุณ", "สมชาย", "ใจดี", "given_first", "คุณสมชาย"),
        # Japanese and Chinese: after the family name, written together; Korean after the name
        ("様", "花子", "佐藤", "family_first", "佐藤様"),
        ("先生", "伟", "王", "family_first", "王先生"),
        ("님", "민준", "김", "family_first", "김민준 님"),
        # Latvian: the family name in the genitive, then kungs / kundze
        ("kungs", "Raimonds", "Vītols", "given_first", "Vītola kungs"),
        ("kungs", "Jānis", "Bērziņš", "given_first", "Bērziņa kungs"),
        ("kundze", "Zane", "Kalniņa", "given_first", "Kalniņas kundze"),
        ("kundze", "Ilze", "Zīle", "given_first", "Zīles kundze"),
        # Slovenian, German, English, Spanish, French: before the family name
        ("ga.", "Maja", "Novak", "given_first", "ga. Novak"),
        ("gospod", "Janez", "Kranjc", "given_first", "gospod Kranjc"),
        ("Frau", "Anna", "Müller", "given_first", "Frau Müller"),
        ("Mr", "James", "Johnson", "given_first", "Mr Johnson"),
        ("Dr.", "Olivia", "Miller", "given_first", "Dr. Miller"),
        ("Sra.", "Lucía", "Hernández", "given_first", "Sra. Hernández"),
        ("Mme", "Élodie", "Lefèvre", "given_first", "Mme Lefèvre"),
        # the honorifics the contact editor's hint suggests, as people type them
        ("Khun", "Somchai", "Wongyai", "given_first", "Khun Somchai"),
        ("san", "Hiroshi", "Tanaka", "family_first", "Tanaka-san"),
        ("Sama", "Hiroshi", "Tanaka", "family_first", "Tanaka-Sama"),
        ("-kun", "Kenta", "Sato", "family_first", "Sato-kun"),
        ("sensei", "Yuki", "Mori", "family_first", "Mori-sensei"),
        ("Hanim", "Zeynep", "Çelik", "given_first", "Zeynep Hanım"),
        ("hanimefendi", "Ayşe", "Kaya", "given_first", "Ayşe hanımefendi"),
        ("HANIM", "Zeynep", "Çelik", "given_first", "Zeynep HANIM"),
        ("bey", "Ahmet", "Yılmaz", "given_first", "Ahmet bey"),
        ("Bay", "Ahmet", "Yılmaz", "given_first", "Bay Yılmaz"),
        ("Bayan", "Zeynep", "Çelik", "given_first", "Bayan Çelik"),
        ("دکتر", "زهرا", "رضایی", "given_first", "دکتر رضایی"),
        ("مهندس", "علی", "کریمی", "given_first", "مهندس کریمی"),
        ("خانم دکتر", "زهرا", "رضایی", "given_first", "خانم دکتر رضایی"),
        ("آقاي", "رضا", "احمدی", "given_first", "آقاي احمدی"),  # Arabic yeh: the same word
        ("Agha", "Reza", "Ahmadi", "given_first", "Agha Ahmadi"),
        # the other countries the app has notes for, as their notes say
        ("Pak", "Budi", "Santoso", "given_first", "Pak Budi"),
        ("Bu", "Sari", "Wijaya", "given_first", "Bu Sari"),
        ("Encik", "Ahmad", "Ismail", "given_first", "Encik Ahmad"),
        ("Sheikh", "Mohammed", "Al Thani", "given_first", "Sheikh Mohammed"),
        ("Senhora", "Ana", "Souza", "given_first", "Senhora Ana"),
        ("Doña", "Carmen", "Ruiz", "given_first", "Doña Carmen"),
        ("Dona", "Maria", "Souza", "given_first", "Dona Maria"),  # Portuguese, not doña
        ("Lic.", "Jorge", "Ramírez", "given_first", "Lic. Ramírez"),
        ("Monsieur", "Luc", "Dubois", "given_first", "Monsieur Dubois"),
        ("Mevrouw", "Els", "Peeters", "given_first", "Mevrouw Peeters"),
        ("Dottoressa", "Giulia", "Bianchi", "given_first", "Dottoressa Bianchi"),
        ("Herr Dr.", "Klaus", "Weber", "given_first", "Herr Dr. Weber"),
        ("Xiansheng", "Wei", "Wang", "family_first", "Wang Xiansheng"),
        ("经理", "伟", "王", "family_first", "王经理"),
        ("Ông", "Văn An", "Nguyễn", "family_first", "Ông An"),
        ("господин", "Иван", "Петров", "given_first", "господин Петров"),
        ("นาย", "สมชาย", "ใจดี", "given_first", "นายสมชาย ใจดี"),
        ("Engineer", "Chidi", "Okafor", "given_first", "Engineer Okafor"),
        # Arabic: before the full name
        ("السيد", "خالد", "العتيبي", "given_first", "السيد خالد العتيبي"),
        # no honorific: the name in its own order; an unknown one is kept as typed, in front
        (None, "Anna", "Ozola", "given_first", "Anna Ozola"),
        ("", "花子", "佐藤", "family_first", "佐藤花子"),
        ("", "Hanako", "Sato", "family_first", "Sato Hanako"),
        ("Your Excellency", "Anna", "Ozola", "given_first", "Your Excellency Anna Ozola"),
    ],
)
def test_form_of_address(
    honorific: str | None, given: str, family: str, order: str, expected: str
) -> None:
    assert form_of_address(honorific, given, family, order, country=None) == expected


@pytest.mark.parametrize(
    ("country", "honorific", "given", "family", "order", "expected"),
    [
        # Thai: คุณ before the given name, for men and women alike; Khun in Latin letters
        ("TH", None, "สมชาย", "ใจดี", "given_first", "คุณสมชาย"),
        ("TH", "", "วันเพ็ญ", "รัตนพันธ์", "given_first", "คุณวันเพ็ญ"),
        ("th", "  ", "สมชาย", "ใจดี", "given_first", "คุณสมชาย"),
        ("TH", None, "Somchai", "Wongyai", "given_first", "Khun Somchai"),
        ("TH", None, "สมชาย", "", "given_first", "คุณสมชาย"),
        # Japanese: さん after the family name; -san in Latin letters (Ōno too)
        ("JP", None, "太郎", "田中", "family_first", "田中さん"),
        ("JP", None, "Hiroshi", "Tanaka", "family_first", "Tanaka-san"),
        ("JP", None, "Hiroshi", "Tanaka", "given_first", "Tanaka-san"),
        ("JP", None, "Kenji", "Ōno", "family_first", "Ōno-san"),
        # a typed honorific wins
        ("TH", "นาย", "สมชาย", "ใจดี", "given_first", "นายสมชาย ใจดี"),
        ("TH", "คุณ", "ต้น", "", "given_first", "คุณต้น"),
        ("JP", "様", "花子", "佐藤", "family_first", "佐藤様"),
        # where the honorific depends on gender or rank, none is guessed
        ("TR", None, "Ayşe", "Öztürk", "given_first", "Ayşe Öztürk"),
        ("IR", None, "کاوه", "کریمی", "given_first", "کاوه کریمی"),
        ("CN", None, "伟", "王", "family_first", "王伟"),
        ("KR", None, "민준", "김", "family_first", "김민준"),
        ("LV", None, "Anna", "Ozola", "given_first", "Anna Ozola"),
        (None, None, "สมชาย", "ใจดี", "given_first", "สมชาย ใจดี"),
    ],
)
def test_a_contact_without_an_honorific_gets_their_countrys_where_it_is_certain(
    country: str | None, honorific: str | None, given: str, family: str, order: str, expected: str
) -> None:
    assert form_of_address(honorific, given, family, order, country=country) == expected


@pytest.mark.parametrize(
    ("family", "genitive"),
    [
        # 1st declension, -s and -š: the most common Latvian surnames
        ("Bērziņš", "Bērziņa"),
        ("Kalniņš", "Kalniņa"),
        ("Ozoliņš", "Ozoliņa"),
        ("Krūmiņš", "Krūmiņa"),
        ("Jansons", "Jansona"),
        ("Ozols", "Ozola"),
        ("Pētersons", "Pētersona"),
        ("Vītols", "Vītola"),
        ("Kalējs", "Kalēja"),
        ("Muižnieks", "Muižnieka"),
        ("Ivanovs", "Ivanova"),
        # 2nd declension, -is, with the consonant alternation
        ("Balodis", "Baloža"),
        ("Eglītis", "Eglīša"),
        ("Lācis", "Lāča"),
        ("Briedis", "Brieža"),
        ("Vēzis", "Vēža"),
        ("Lūsis", "Lūša"),
        ("Raudzis", "Raudža"),
        ("Dzenis", "Dzeņa"),
        ("Cīrulis", "Cīruļa"),
        ("Zvirbulis", "Zvirbuļa"),
        ("Gulbis", "Gulbja"),
        ("Kurmis", "Kurmja"),
        ("Kaņepis", "Kaņepja"),
        # 2nd declension without an alternation (r, ķ …)
        ("Bebris", "Bebra"),
        ("Pēteris", "Pētera"),
        ("Zaķis", "Zaķa"),
        # 3rd declension: the genitive is the nominative
        ("Mikus", "Mikus"),
        # … and the 2nd-declension nouns in -s, not -is (akmens, rudens …), and their compounds
        ("Akmens", "Akmens"),
        ("Rudens", "Rudens"),
        ("Ūdens", "Ūdens"),
        ("Zibens", "Zibens"),
        ("Mēness", "Mēness"),
        ("Sāls", "Sāls"),
        ("Zilakmens", "Zilakmens"),
        ("Vilcēns", "Vilcēna"),  # -ēns: the 1st declension
        # 4th and 5th declension (women's surnames, and some men's)
        ("Liepiņa", "Liepiņas"),
        ("Kalniņa", "Kalniņas"),
        ("Liepa", "Liepas"),
        ("Zīle", "Zīles"),
        ("Vīķe", "Vīķes"),
        # double surnames: every part
        ("Bērziņa-Kalniņa", "Bērziņas-Kalniņas"),
        ("Vīķe-Freiberga", "Vīķes-Freibergas"),
        ("Bērziņš-Kalniņš", "Bērziņa-Kalniņa"),
    ],
)
def test_latvian_genitive_of_real_surnames(family: str, genitive: str) -> None:
    assert latvian_genitive(family) == genitive


@pytest.mark.parametrize(
    "family",
    [
        "Jones",  # -es is no Latvian ending ("Jonea" was shown)
        "Smith",
        "Williams",  # w is no Latvian letter
        "Moore",  # nor a doubled vowel
        "Nguyễn",
        "O'Brien",
        "van Dijk",
        "Petrovskis",  # -kis: not a 2nd declension stem we can alternate for certain
        "Stīvens",  # -ens: Stīvena, or as the nominative as akmens is: not certain
        "Ērenpreiss",  # -ss: mēness keeps its form, a name of German origin may not
        "Bērziņa-Smith",  # one part that cannot be declined: none is
        "",
    ],
)
def test_latvian_genitive_is_none_when_not_certain(family: str) -> None:
    assert latvian_genitive(family) is None


def test_a_woman_with_a_masculine_surname_form_is_not_declined() -> None:
    assert latvian_genitive("Ozols", woman=True) is None
    assert latvian_genitive("Ozola", woman=True) == "Ozolas"


@pytest.mark.parametrize(
    ("honorific", "given", "family", "expected"),
    [
        ("kungs", "Jānis", "Balodis", "Baloža kungs"),
        ("kungs", "Andris", "Eglītis", "Eglīša kungs"),
        ("kungs", "Jānis", "Akmens", "Akmens kungs"),  # "Akmena kungs" was shown
        ("kungs", "Jānis", "Stīvens", "Jānis Stīvens"),
        ("kundze", "Ilze", "Bērziņa-Kalniņa", "Bērziņas-Kalniņas kundze"),
        ("Kundze", "Anna", "Ozola", "Ozolas Kundze"),
        # no reliable genitive: the full name alone, as without an honorific
        ("kungs", "John", "Jones", "John Jones"),
        ("kungs", "John", "Smith", "John Smith"),
        ("kundze", "Mary", "Adams", "Mary Adams"),
    ],
)
def test_latvian_title_with_the_genitive_or_the_name_alone(
    honorific: str, given: str, family: str, expected: str
) -> None:
    assert form_of_address(honorific, given, family, "given_first", country="LV") == expected


@pytest.mark.parametrize(
    ("country", "honorific", "given", "family", "order", "expected"),
    [
        ("TR", "Bey", "Ahmet", "Öztürk", "given_first", "Ahmet Bey"),
        ("TR", "Hanım", "Ayşe", "Kaya", "given_first", "Ayşe Hanım"),
        ("JP", "san", "Hiroshi", "Tanaka", "family_first", "Tanaka-san"),
        ("ID", "Pak", "Budi", "Santoso", "given_first", "Pak Budi"),
        ("ID", "Bu", "Sari", "Wijaya", "given_first", "Bu Sari"),
        ("CN", "Mr", "Li", "Wang", "family_first", "Mr Wang"),
        ("SG", "Mr", "Wei Ming", "Tan", "family_first", "Mr Tan"),
        ("TW", "Ms", "Mei-ling", "Chen", "family_first", "Ms Chen"),
        ("VN", "Mr", "Văn An", "Nguyễn", "family_first", "Mr An"),
    ],
)
def test_the_etiquette_notes_give_the_same_examples(
    country: str, honorific: str, given: str, family: str, order: str, expected: str
) -> None:
    """A country's notes on greeting and the rule say the same: each example a note gives
    comes out of :func:`form_of_address`."""
    notes = etiquette.load_etiquette(country, "en")
    assert notes is not None
    assert expected in " ".join(n.text for n in notes.sections["greeting"])
    assert form_of_address(honorific, given, family, order, country=country) == expected


@pytest.mark.parametrize("country", sorted(UNSAID))
def test_a_default_honorific_is_the_one_the_countrys_notes_give(country: str) -> None:
    """A country whose people get an honorific when none is typed: its notes on greeting use
    that one ("Khun plus their first name", "Tanaka-san")."""
    notes = etiquette.load_etiquette(country, "en")
    assert notes is not None
    assert UNSAID[country][1] in " ".join(n.text for n in notes.sections["greeting"])


@pytest.mark.parametrize(
    ("country", "honorific", "given", "family", "order", "expected"),
    [
        # addressed by the given name (its last word in Vietnam), in any language
        ("VN", "Mr", "Văn An", "Nguyễn", "family_first", "Mr An"),
        ("VN", "Ms", "Thị Lan", "Trần", "family_first", "Ms Lan"),
        ("TH", "Mr", "Somchai", "Jaidee", "given_first", "Mr Somchai"),
        ("th", "Dr.", "สมชาย", "ใจดี", "given_first", "Dr. สมชาย"),
        ("IS", "Ms", "Guðrún", "Jónsdóttir", "given_first", "Ms Guðrún"),
        ("IS", "Herr", "Jón", "Stefánsson", "given_first", "Herr Jón"),
        ("SA", "Dr", "Mohammed", "bin Salman al-Saud", "given_first", "Dr Mohammed"),
        ("AE", "Mr", "Khalid", "Al Mansouri", "given_first", "Mr Khalid"),
        ("ID", "Mr", "Budi", "Santoso", "given_first", "Mr Budi"),
        ("ID", "Mr", "Sukarno", "", "given_first", "Mr Sukarno"),
        # the country's own honorifics, and those after a name, as before
        ("VN", "Ông", "Văn An", "Nguyễn", "family_first", "Ông An"),
        ("SA", "السيد", "خالد", "العتيبي", "given_first", "السيد خالد العتيبي"),
        # elsewhere Mr, Ms and Dr go with the family name
        ("DE", "Dr", "Klaus", "Weber", "given_first", "Dr Weber"),
        ("JP", "Mr", "Hiroshi", "Tanaka", "family_first", "Mr Tanaka"),
        ("CN", "Ms", "Li", "Wang", "family_first", "Ms Wang"),
        (None, "Mr", "Somchai", "Jaidee", "given_first", "Mr Jaidee"),
    ],
)
def test_where_people_go_by_their_given_name_every_title_goes_with_it(
    country: str | None, honorific: str, given: str, family: str, order: str, expected: str
) -> None:
    """Vietnam, Thailand, Iceland, Indonesia, the Gulf: "Mr Nguyễn" and "Mr Jaidee" were
    shown where the country's own notes say "Mr An" and "Khun plus their first name"."""
    assert form_of_address(honorific, given, family, order, country=country) == expected


#: What each country's notes on greeting say of the given name (Iceland has no notes yet).
_GIVEN_NAME_NOTES = {"VN": "is called Mr An"}


@pytest.mark.parametrize("country", sorted(BY_GIVEN_NAME))
def test_a_country_addressed_by_the_given_name_is_so_in_its_notes(country: str) -> None:
    notes = etiquette.load_etiquette(country, "en")
    if notes is None:
        assert country == "IS"
        return
    said = " ".join(n.text for n in notes.sections["greeting"])
    assert _GIVEN_NAME_NOTES.get(country, "first name") in said


@pytest.mark.parametrize(
    ("country", "honorific", "given", "family", "expected"),
    [
        # an import keeps คุณ written together with the given name: it is said once
        ("TH", None, "คุณสมชาย", "ใจดี", "คุณสมชาย"),
        ("TH", "คุณ", "คุณสมชาย", "ใจดี", "คุณสมชาย"),
        ("TH", None, "คุณวันเพ็ญ", "", "คุณวันเพ็ญ"),
        # … but a given name that begins with the same letters is a name of its own
        ("TH", None, "คุณวุฒิ", "ใจดี", "คุณคุณวุฒิ"),
        ("TH", None, "คุณากร", "ใจดี", "คุณคุณากร"),
        # "Khun Somchai", as an import keeps it
        ("TH", None, "Khun Somchai", "Jaidee", "Khun Somchai"),
        ("TH", "Khun", "khun Somchai", "Jaidee", "khun Somchai"),
        ("TH", "Mr", "Mr Somchai", "Jaidee", "Mr Somchai"),
        ("ID", "Pak", "Pak Budi", "Santoso", "Pak Budi"),
        (None, "Mr", "James", "Mr Johnson", "Mr Johnson"),
        # an initial is no honorific: M. before M Dubois
        (None, "M.", "Luc", "M Dubois", "M. M Dubois"),
    ],
)
def test_an_honorific_the_name_holds_already_is_said_once(
    country: str | None, honorific: str | None, given: str, family: str, expected: str
) -> None:
    assert form_of_address(honorific, given, family, "given_first", country=country) == expected


@pytest.mark.parametrize(
    ("honorific", "given", "family", "order", "expected"),
    [
        ("คุณ", "Somchai", "Jaidee", "given_first", "คุณ Somchai"),
        ("นาย", "Somchai", "Jaidee", "given_first", "นาย Somchai Jaidee"),
        ("様", "Hanako", "Sato", "family_first", "Sato 様"),
        ("คุณ", "สมชาย", "ใจดี", "given_first", "คุณสมชาย"),
        ("様", "花子", "佐藤", "family_first", "佐藤様"),
    ],
)
def test_an_honorific_is_written_together_only_with_a_name_in_its_own_script(
    honorific: str, given: str, family: str, order: str, expected: str
) -> None:
    """Thai คุณ joined to a name in Latin letters read as one word: "คุณSomchai"."""
    assert form_of_address(honorific, given, family, order, country=None) == expected


@pytest.mark.parametrize(
    ("country", "honorific", "given", "family", "expected"),
    [
        # a title goes with the full name in Turkey: never "Dr. Yılmaz"
        ("TR", "Dr.", "Ahmet", "Yılmaz", "Dr. Ahmet Yılmaz"),
        ("TR", "dr", "Ahmet", "Yılmaz", "dr Ahmet Yılmaz"),
        ("TR", "Prof. Dr.", "İlber", "Ortaylı", "Prof. Dr. İlber Ortaylı"),
        ("TR", "Prof.", "Ayşe", "Kaya", "Prof. Ayşe Kaya"),
        ("TR", "Doktor", "Ahmet", "Yılmaz", "Doktor Ahmet Yılmaz"),
        # Turkish courtesy titles keep their places; Mr in English is said as in English
        ("TR", "Bay", "Ahmet", "Yılmaz", "Bay Yılmaz"),
        ("TR", "Bey", "Ahmet", "Yılmaz", "Ahmet Bey"),
        ("TR", "Mr", "Ahmet", "Yılmaz", "Mr Yılmaz"),
        # elsewhere a title goes before the family name; Doktor is the Dr title there too
        ("DE", "Doktor", "Klaus", "Weber", "Doktor Weber"),
        ("DE", "Prof. Dr.", "Klaus", "Weber", "Prof. Dr. Weber"),
        ("SI", "dr.", "Janez", "Novak", "dr. Novak"),
    ],
)
def test_a_turkish_contacts_title_goes_with_the_full_name(
    country: str, honorific: str, given: str, family: str, expected: str
) -> None:
    assert form_of_address(honorific, given, family, "given_first", country=country) == expected


@pytest.mark.parametrize("country", sorted(TITLE_WITH_FULL_NAME))
def test_a_country_whose_titles_go_with_the_full_name_says_so_in_its_notes(country: str) -> None:
    """Turkey's notes: "Use titles with the first name"; "Dr. Yılmaz" was shown beside them."""
    notes = etiquette.load_etiquette(country, "en")
    assert notes is not None
    assert "titles with the first name" in " ".join(n.text for n in notes.sections["greeting"])


@pytest.mark.parametrize(
    ("country", "honorific", "given", "family", "order", "expected"),
    [
        # on first-name terms ("tu", "ti"): the given name, not "Bērziņas kundze", "g. Kovačič"
        ("LV", "kundze", "Zane", "Bērziņa", "given_first", "Zane"),
        ("LV", "kungs", "Jānis", "Bērziņš", "given_first", "Jānis"),
        ("LV", None, "Zane", "Bērziņa", "given_first", "Zane"),
        ("SI", "g.", "Rok", "Kovačič", "given_first", "Rok"),
        ("SI", "dr.", "Maja", "Novak", "given_first", "Maja"),
        ("DE", "Herr Dr.", "Klaus", "Weber", "given_first", "Klaus"),
        ("US", "Mr", "James", "Johnson", "given_first", "James"),
        # Turkish: Bey and Hanım stay; Bay, Bayan, -efendi become them
        ("TR", "Hanım", "Ayşe", "Kaya", "given_first", "Ayşe Hanım"),
        ("TR", "Bey", "Ahmet", "Yılmaz", "given_first", "Ahmet Bey"),
        ("TR", "Bayan", "Ayşe", "Kaya", "given_first", "Ayşe Hanım"),
        ("TR", "BAY", "AHMET", "YILMAZ", "given_first", "AHMET BEY"),
        ("TR", "Hanımefendi", "Ayşe", "Kaya", "given_first", "Ayşe Hanım"),
        ("TR", "Dr.", "Ahmet", "Yılmaz", "given_first", "Ahmet"),
        ("TR", None, "Ayşe", "Öztürk", "given_first", "Ayşe"),
        # kept where familiar address keeps them: Khun, -san, Pak; and a form the table does
        # not know is the contact's own
        ("TH", None, "Somchai", "Jaidee", "given_first", "Khun Somchai"),
        ("JP", None, "Hiroshi", "Tanaka", "family_first", "Tanaka-san"),
        ("ID", "Pak", "Budi", "Santoso", "given_first", "Pak Budi"),
        ("IR", "خانم", "نگار", "جعفری", "given_first", "خانم جعفری"),
        ("LV", "Your Excellency", "Anna", "Ozola", "given_first", "Your Excellency Anna Ozola"),
        # the given name as the country goes by it: Vietnam's last word; a name written
        # family name first is said whole where people go by the family name
        ("VN", "Mr", "Văn An", "Nguyễn", "family_first", "An"),
        ("CN", "Mr", "Li", "Wang", "family_first", "Wang Li"),
        ("CN", None, "伟", "王", "family_first", "王伟"),
        ("ID", None, "Sukarno", "", "given_first", "Sukarno"),
    ],
)
def test_an_informal_contact_is_called_by_the_given_name_unless_their_culture_keeps_more(
    country: str, honorific: str | None, given: str, family: str, order: str, expected: str
) -> None:
    """Zane Bērziņa, "uz tu", was "Bērziņas kundze" right above "Formality: Informal"."""
    informal = form_of_address(honorific, given, family, order, country=country,
                               formality="informal")  # fmt: skip
    assert informal == expected
    formal = form_of_address(honorific, given, family, order, country=country)
    assert (
        form_of_address(honorific, given, family, order, country=country, formality="formal")
        == formal
    )


def test_an_honorific_said_instead_informally_is_one_kept_informally() -> None:
    """Bay becomes Bey: the table's own honorific, which an informal contact keeps."""
    instead = {key: rule.informal for key, rule in RULES.items() if rule.informal}
    assert instead  # Bay, Bayan, Beyefendi, Hanımefendi
    for said in instead.values():
        rule = rule_of(said)
        assert rule is not None and rule.informal is KEPT, said
