"""Forms of address: how to put a contact's honorific and name together, by the culture the
honorific belongs to. The one home of this rule: the contact view, the reach-out panel and the
reports call :func:`form_of_address`.

Cultures differ in where the honorific goes and which name it goes with:

* Turkish *Bey*, *Hanım* (and *Beyefendi*, *Hanımefendi*) follow the given name: "Fatma Hanım".
* Persian *آقای* / *خانم* precede the family name: "خانم جعفری".
* Thai *คุณ* precedes the given name, written together: "คุณสมชาย".
* Japanese *様* / *さん* and Chinese *先生* / *女士* follow the family name, written together:
  "佐藤様", "王先生"; Korean *님* follows the full name: "김민준 님".
* Latvian *kungs* / *kundze* follow the family name in the genitive: "Bērziņa kungs",
  "Kalniņas kundze".
* Slovenian *gospod* / *gospa* (*g.* / *ga.*), German, English, French, Spanish and most others:
  the honorific before the family name: "ga. Novak", "Frau Müller", "Mr Smith".
* Arabic *السيد* / *السيدة* precede the full name.

The honorific the user stored is kept exactly as written (the contact's own preference wins:
an honorific the table does not know is put before the full name, as typed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from accountdesk.core.db.fts import display_name

Pattern = Literal[
    "after_given",
    "before_family",
    "before_given_joined",
    "after_family_joined",
    "after_full",
    "after_family_genitive_lv",
    "before_full",
]


@dataclass(frozen=True)
class Rule:
    pattern: Pattern
    #: The languages whose form of address it is (base codes); empty: used across languages
    #: (Mr, Dr …). A name cell read on import takes a bare word for an honorific only in a
    #: country of one of these languages: "Pan Wei" is a Chinese name, not Polish *pan*.
    languages: frozenset[str] = frozenset()


def _rules(pattern: Pattern, languages: str, *honorifics: str) -> dict[str, Rule]:
    rule = Rule(pattern, frozenset(languages.split()))
    return {h: rule for h in honorifics}


#: Honorifics by their folded spelling, with where they go and whose they are.
RULES: dict[str, Rule] = {
    **_rules("after_given", "tr", "bey", "hanım", "beyefendi", "hanımefendi"),
    **_rules("before_family", "fa", "آقای", "خانم", "آقا", "سرکار خانم", "جناب آقای"),
    **_rules("before_family", "", "mr", "mrs", "ms", "miss", "dr", "prof"),
    **_rules("before_family", "de", "herr", "frau"),
    **_rules("before_family", "fr", "m", "mme", "mlle"),
    **_rules("before_family", "es pt", "sr", "sra", "srta"),
    **_rules("before_family", "sl", "g", "ga", "gdč", "gospod", "gospa", "gospodična"),
    **_rules("before_family", "pl", "pan", "pani"),
    **_rules("before_family", "it", "sig", "sig.ra", "dott", "dott.ssa"),
    **_rules("before_given_joined", "th", "คุณ"),
    **_rules("after_family_joined", "ja", "様", "さん"),
    **_rules("after_family_joined", "ja zh", "先生"),
    **_rules("after_family_joined", "zh", "女士", "小姐"),
    **_rules("after_full", "ko", "님", "씨"),
    **_rules("after_family_genitive_lv", "lv", "kungs", "kundze"),
    **_rules("before_full", "ar", "السيد", "السيدة"),
}


def _fold(text: str) -> str:
    return text.strip().lower().removesuffix(".") if text.isascii() else text.strip().lower()


def rule_of(honorific: str) -> Rule | None:
    """Where ``honorific`` goes, or None for one the table does not know."""
    return RULES.get(_fold(honorific))


def latvian_genitive(family: str) -> str:
    """A Latvian surname in the genitive, for "… kungs" / "… kundze": Bērziņš → Bērziņa,
    Ozols → Ozola, Kalniņa → Kalniņas, Liepiņa → Liepiņas, Zīle → Zīles. Surnames in -is and
    -us, whose genitive changes the stem, and foreign surnames stay as written."""
    if family.endswith(("is", "us")) or not family:
        return family
    if family.endswith(("š", "s")):
        return family[:-1] + "a"
    if family.endswith(("a", "e")):
        return family + "s"
    return family


def form_of_address(honorific: str | None, given: str, family: str, name_order: str) -> str:
    """How to address a contact: honorific and name placed as their culture does."""
    full = display_name(given, family, name_order)
    if not honorific or not honorific.strip():
        return full
    title = honorific.strip()
    rule = rule_of(title)
    pattern = rule.pattern if rule is not None else "before_full"
    family_or_full = family or full
    if pattern == "after_given":
        return f"{given or full} {title}"
    if pattern == "before_family":
        return f"{title} {family_or_full}"
    if pattern == "before_given_joined":
        return f"{title}{given or full}"
    if pattern == "after_family_joined":
        return f"{family_or_full}{title}"
    if pattern == "after_full":
        return f"{full} {title}"
    if pattern == "after_family_genitive_lv":
        return f"{latvian_genitive(family) if family else full} {title}"
    return f"{title} {full}"  # before the full name: Arabic, and any honorific not listed
