"""Forms of address by culture: the honorific where the culture puts it, with the right name."""

from __future__ import annotations

import pytest

from accountdesk.core.address import form_of_address, latvian_genitive


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
    assert form_of_address(honorific, given, family, order) == expected


def test_latvian_genitive_leaves_stem_changing_names_alone() -> None:
    assert latvian_genitive("Ozols") == "Ozola"
    assert latvian_genitive("Liepiņa") == "Liepiņas"
    assert latvian_genitive("Briedis") == "Briedis"  # Brieža: a stem change we do not guess
