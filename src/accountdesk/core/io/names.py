"""A full name in one cell ("Ilze Bērziņa", "田中 太郎") split into given and family name.

The one home of the rule "which countries write the family name first" for names that arrive
whole: China, Taiwan, Hong Kong, Macao, Japan, both Koreas, Vietnam, Hungary, Mongolia and
Cambodia. Elsewhere the last word is the family name and the words before it the given name
("محمد رضا احمدی": given محمد رضا, family احمدی). A name of one word (or written without
spaces, as Chinese and Japanese names often are) is kept whole as the given name: guessing
where such a name splits would be wrong as often as right.
"""

from __future__ import annotations

FAMILY_FIRST_COUNTRIES = frozenset(
    {"CN", "TW", "HK", "MO", "JP", "KR", "KP", "VN", "HU", "MN", "KH"}
)


def name_order(country: str | None) -> str:
    """``family_first`` or ``given_first`` for a name from ``country`` (ISO 3166-1 alpha-2)."""
    return "family_first" if (country or "").upper() in FAMILY_FIRST_COUNTRIES else "given_first"


def split_full_name(full: str, country: str | None) -> tuple[str, str, str]:
    """(given, family, name order) of ``full`` as people of ``country`` write it."""
    words = full.split()
    order = name_order(country)
    if len(words) < 2:
        return full.strip(), "", order
    if order == "family_first":
        return " ".join(words[1:]), words[0], order
    return " ".join(words[:-1]), words[-1], order
