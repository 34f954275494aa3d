"""What the core asks of ICU, through QtCore: where a line may break, and the order of text.

The one place in the core that uses Qt. ICU knows where Thai words end (Thai has no spaces)
and how each language orders its words (CLDR collation: Turkish Ç after C and ı before i,
Latvian Č and Š as letters of their own, Persian پ after ب, Thai by the consonant before the
vowel written first), which nothing else among our dependencies does; numbers inside names
are ordered by their value ("Store 9" before "Store 10"). QtCore needs no QApplication.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from PySide6.QtCore import QCollator


@lru_cache(maxsize=4096)
def line_breaks(text: str) -> tuple[int, ...]:
    """Indices (into ``text``, in code points) where a line may break, ending with len(text).

    A break at ``i`` means a line may end just before ``text[i]``.
    """
    if not text:
        return (0,)
    # Qt counts UTF-16 code units; map them back to Python indices
    units: list[int] = []
    for i, ch in enumerate(text):
        units.append(i)
        if ord(ch) > 0xFFFF:
            units.append(i)
    units.append(len(text))
    from PySide6.QtCore import QTextBoundaryFinder

    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, text)
    found: list[int] = []
    pos = finder.toNextBoundary()
    while pos != -1:
        index = units[pos]
        if index > 0 and (not found or found[-1] != index):
            found.append(index)
        pos = finder.toNextBoundary()
    if not found or found[-1] != len(text):
        found.append(len(text))
    return tuple(found)


def load_line_breaks() -> None:
    """Load QtCore and ICU's line-break data for Thai now, rather than at the first Thai text
    :func:`line_breaks` is given: for a long write whose search index may need them (a large
    import, while its checking process is ahead of the writer; the search words of Thai, Lao,
    Khmer, Myanmar, Chinese and Japanese names come from here). Loaded when the first Thai
    name came, they took 55 ms of the writer's, when it was the slower of the two."""
    line_breaks.__wrapped__("ภาษาไทย")  # not kept in the cache: only the loading counts


# --- order ----------------------------------------------------------------------------------

T = TypeVar("T")
_collators = threading.local()  # an ICU collator is not shared between threads


def _collator(language: str) -> QCollator:
    found: dict[str, QCollator] | None = getattr(_collators, "by_language", None)
    if found is None:
        found = _collators.by_language = {}
    collator = found.get(language)
    if collator is None:
        from PySide6.QtCore import QCollator, QLocale

        collator = found[language] = QCollator(QLocale(language))
        # numbers in names by their value, as people read them: "… GmbH 9" before
        # "… GmbH 10", "Store 51" before "Store 198" (in any script's digits)
        collator.setNumericMode(True)
    return collator


def _language(language: str | None) -> str:
    from accountdesk.core import i18n

    return language or i18n.current_language().code


def sort_key(language: str | None = None) -> Callable[[str], Any]:
    """A key function that sorts text as ``language`` (default: the current one) orders it.

    The keys compare with each other only (not with other types), and only on the thread
    that made them."""
    return _collator(_language(language)).sortKey


def sorting_names(
    family: str | None, given: str | None, country: str | None = None
) -> tuple[str, str]:
    """What a person is sorted by, first and then: the family name, then the given name; a
    person without a family name (one name, Sukarno; a name kept whole, 田中太郎) by the name
    they have, among the family names, before a namesake with a given name ("Sukarno", then
    "Ahmad Sukarno"). They were all listed first, above "Aalto".

    A person of a ``country`` whose people are listed by their given name
    (:data:`accountdesk.core.address.LISTED_BY_GIVEN_NAME`: Thailand, Iceland, Vietnam) is
    sorted by it, among the family names, as their own lists do: สมชาย ใจดี under ส, Guðrún
    Jónsdóttir under G, Nguyễn Văn An by "An" (the name said:
    :data:`~accountdesk.core.address.BY_GIVEN_NAME`), then by the family name. Others (Iran,
    Turkey, Latvia …) by their family name."""
    from accountdesk.core.address import BY_GIVEN_NAME, LISTED_BY_GIVEN_NAME

    code = (country or "").upper()
    place = BY_GIVEN_NAME.get(code) if code in LISTED_BY_GIVEN_NAME else None
    if place is not None and given and given.strip():
        called = given.split()[-1] if place == "before_last_given" else given
        return called, " ".join(p for p in (family, given) if p and p != called)
    return (family, given or "") if family else (given or "", "")


#: A person as :func:`person_order` is given them: (family name, given name), or with their
#: country (:func:`sorting_names`).
Person = tuple[str | None, str | None] | tuple[str | None, str | None, str | None]


def person_order(
    people: Iterable[Person], language: str | None = None
) -> Callable[..., tuple[int, int]]:
    """A key function of (family name, given name[, country]), for any of ``people``, that
    orders them as the contact list sorts people by name (:func:`sorting_names`: by the given
    name where the person's country goes by it), in the order of ``language`` (default: the
    current one).

    Places (:func:`ranks`), not ICU's keys: two keys of one name are not ``==``, so a tuple
    of keys never got to the given name. Python's sort is stable: people the language holds
    equal keep the order they came in."""
    found = [sorting_names(*person) for person in people]
    first = ranks((f for f, _g in found), language)
    then = ranks((g for _f, g in found), language)

    def key(family: str | None, given: str | None, country: str | None = None) -> tuple[int, int]:
        f, g = sorting_names(family, given, country)
        return first[f], then[g]

    return key


def sorted_text(values: Iterable[str], language: str | None = None) -> list[str]:
    """``values`` in the order of ``language`` (default: the current one); values the
    language holds equal keep code-point order, so the order is the same every time."""
    return sorted(sorted(values), key=sort_key(language))


def sorted_by(items: Iterable[T], text: Callable[[T], str], language: str | None = None) -> list[T]:
    """``items`` in the order of their ``text`` (a name as shown: a country's name in the
    user's language …), as :func:`sorted_text` orders text."""
    key = sort_key(language)
    return sorted(sorted(items, key=text), key=lambda item: key(text(item)))


def ranks(values: Iterable[str], language: str | None = None) -> dict[str, int]:
    """Each distinct value's place in :func:`sorted_text` order: sort many rows by a few
    distinct values once, then by these integers."""
    return {value: place for place, value in enumerate(sorted_text(set(values), language))}
