"""The order of text in each language (ICU collation through QtCore): the rule every list,
report and picker sorts names by."""

from __future__ import annotations

import threading

import pytest

from accountdesk.core import i18n, icu


@pytest.mark.parametrize(
    ("language", "shuffled", "ordered"),
    [
        # Turkish: Ç, Ğ, I (dotless), Ö, Ş, Ü are letters of their own, after C, G, H, O, S, U
        (
            "tr",
            ["Zorlu", "Şahin", "Çelik", "Cem", "İpek", "Irmak", "Aço", "Anadolu", "Sezer", "Ilgaz"],
            ["Aço", "Anadolu", "Cem", "Çelik", "Ilgaz", "Irmak", "İpek", "Sezer", "Şahin", "Zorlu"],
        ),
        # Latvian: Č, Š, Ž after C, S, Z; Ā is A with a mark (next to A, not after Z)
        (
            "lv",
            ["Zariņš", "Šmits", "Ābele", "Čakste", "Cīrulis", "Sīlis", "Baltiņš", "Žagata"],
            ["Ābele", "Baltiņš", "Cīrulis", "Čakste", "Sīlis", "Šmits", "Zariņš", "Žagata"],
        ),
        # Slovenian: Č, Š, Ž after C, S, Z
        (
            "sl",
            ["Žagar", "Zupan", "Čeh", "Cankar", "Šušteršič", "Sever", "Novak"],
            ["Cankar", "Čeh", "Novak", "Sever", "Šušteršič", "Zupan", "Žagar"],
        ),
        # Persian: پ after ب, چ after ج, ژ after ز, گ after ک, ی last (code points put them
        # after ی or in the middle)
        (
            "fa",
            ["یاسمن", "گلاره", "کامران", "ژاله", "زهرا", "چمران", "جواد", "پارسا", "بابک"],
            ["بابک", "پارسا", "جواد", "چمران", "زهرا", "ژاله", "کامران", "گلاره", "یاسمن"],
        ),
        # Thai: by the consonant, not the vowel written before it (เกษม sorts under ก)
        (
            "th",
            ["คณิต", "ไก่", "ขจร", "โกศล", "แก้ว", "เกษม", "กมล"],
            ["กมล", "เกษม", "แก้ว", "โกศล", "ไก่", "ขจร", "คณิต"],
        ),
        # English: accents and case are second to the letters
        (
            "en",
            ["Zeta", "anadolu", "Aço", "Ábel", "Abd"],
            ["Abd", "Ábel", "Aço", "anadolu", "Zeta"],
        ),
    ],
)
def test_each_language_orders_names_as_its_readers_expect(
    language: str, shuffled: list[str], ordered: list[str]
) -> None:
    assert icu.sorted_text(shuffled, language) == ordered
    with i18n.use_language(language):  # the current language by default
        assert icu.sorted_text(reversed(shuffled)) == ordered
        assert sorted(shuffled, key=icu.sort_key()) == ordered


def test_values_the_language_holds_equal_keep_one_order() -> None:
    composed, decomposed = "Caf\u00e9", "Cafe\u0301"  # the same word, two encodings
    # equal to ICU: in code-point order ("e" + mark before "é"), whatever order they came in
    for values in ([composed, decomposed, "Cafe"], [decomposed, "Cafe", composed]):
        assert icu.sorted_text(values, "en") == ["Cafe", decomposed, composed]
    places = icu.ranks(["b", composed, "a", decomposed, "a"], "en")
    assert places == {"a": 0, "b": 1, decomposed: 2, composed: 3}


def test_the_order_is_the_same_on_another_thread() -> None:
    names = ["Şahin", "Çelik", "Zorlu", "Cem", "Irmak", "İpek"]
    found: list[list[str]] = []

    def work() -> None:
        found.append(icu.sorted_text(names, "tr"))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert found == [icu.sorted_text(names, "tr")] * 4
    assert found[0] == ["Cem", "Çelik", "Irmak", "İpek", "Şahin", "Zorlu"]


def test_qt_is_loaded_when_icu_is_first_asked_not_when_the_module_is_imported() -> None:
    # A report imports this module with the rest; Qt's import hook then slowed every later
    # import (about 40 ms of `report account`), so QtCore comes with the first question.
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from accountdesk.core import icu\n"
        "print('PySide6.QtCore' in sys.modules)\n"
        "print(icu.line_breaks('a b'))\n"
        "print('PySide6.QtCore' in sys.modules)\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert shown == ["False", "(2,", "3)", "True"]


@pytest.mark.parametrize("language", ["en", "fa", "th", "lv"])
def test_numbers_in_names_are_ordered_by_their_value(language: str) -> None:
    """The demo's accounts in a trip brief read "… 119, 169, 269, 162 …" and "198, 207, 51,
    63, 94": as text, not as the numbers they are."""
    names = ["Firma 198", "Firma 207", "Firma 51", "Firma", "Firma 9", "Firma ۶۳"]
    assert icu.sorted_text(names, language) == [
        "Firma", "Firma 9", "Firma 51", "Firma ۶۳", "Firma 198", "Firma 207",
    ]  # fmt: skip
