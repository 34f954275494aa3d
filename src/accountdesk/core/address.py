"""Forms of address: how to put a contact's honorific and name together, by the culture the
honorific belongs to. The one home of this rule: the contact view, the reach-out panel and the
reports call :func:`form_of_address`; the import's name splitting (``core/io/names.py``) reads
:data:`RULES` to tell an honorific from a name.

Cultures differ in where the honorific goes and which name it goes with:

* Turkish *Bey*, *Hanım* (and *Beyefendi*, *Hanımefendi*) follow the given name: "Fatma Hanım";
  *Bay*, *Bayan* precede the family name: "Bay Yılmaz".
* Persian *آقای* / *خانم*, *دکتر*, *مهندس* precede the family name: "خانم جعفری", "دکتر رضایی".
* Thai *คุณ* precedes the given name, written together: "คุณสมชาย"; in Latin letters with a
  space: "Khun Somchai". *นาย* / *นาง* / *นางสาว* precede the full name, written together.
  A given name that begins with the honorific already (an import keeps "คุณสมชาย" whole) gets
  it once; a name that only begins with the same letters (คุณวุฒิ) gets it too.
* Japanese *様* / *さん* and Chinese *先生* / *女士* follow the family name, written together:
  "佐藤様", "王先生"; in Latin letters *-san*, *-sama*, *-kun*, *-chan*, *-sensei* are joined with
  a hyphen: "Tanaka-san"; pinyin *xiansheng*, *zong* … follow the family name: "Wang Xiansheng".
  Korean *님* follows the full name: "김민준 님".
* Latvian *kungs* / *kundze* follow the family name in the genitive: "Bērziņa kungs",
  "Baloža kungs", "Akmens kungs" (akmens, rudens, ūdens: the genitive is the nominative),
  "Kalniņas kundze"; a surname not in Latvian form (Jones) or one whose
  genitive is not certain is shown as the full name alone, never as a wrong genitive.
* Slovenian *gospod* / *gospa* (*g.* / *ga.*), German, English, French, Spanish and most others:
  the honorific before the family name: "ga. Novak", "Frau Müller", "Mr Smith".
* Before the given name: Indonesian and Malay *Pak*, *Bu*, *Encik*; Arabic *Sheikh*,
  *Muhandis*; Brazilian *Senhora*, Spanish *Don* / *Doña*; Vietnamese *ông*, *bà* (the last
  word of the given name: "Ông An" for Nguyễn Văn An).
* Arabic *السيد* / *السيدة*, and any honorific the table does not know, precede the full name.

Where a country's people are addressed by their given name (:data:`BY_GIVEN_NAME`: Thailand,
Vietnam, Iceland, Indonesia, the Gulf states and Egypt, as their notes say), an honorific
that goes before the family name elsewhere (Mr, Ms, Dr, Herr …) goes where the country's own
go: "Mr Somchai" (Somchai Jaidee), "Mr An" (Nguyễn Văn An), "Ms Guðrún" (Guðrún Jónsdóttir,
a patronymic), "Dr Mohammed"; never "Mr Jaidee", nor "Ms Jónsdóttir" for every daughter of
a Jón. Where a country puts a title of rank or degree (Dr., Prof.: :attr:`Rule.title`) with
the full name (:data:`TITLE_WITH_FULL_NAME`: Turkey, whose notes say titles go with the first
name), it goes there: "Dr. Ahmet Yılmaz", "Prof. Dr. İlber Ortaylı", never "Dr. Yılmaz"; the
Turkish *Doktor* is the same title as *Dr.*

An honorific is looked up by its folded spelling (:func:`accountdesk.core.db.fts.fold`, the
search's folding: case, accents, Turkish ı, Arabic and Persian letter variants do not matter),
without a final dot or a leading hyphen: "Dr.", "dr" and "DR" are one honorific, and so are
"Hanım" and "Hanim", "-san" and "san". One of several words that the table does not know
("Herr Dr.", "خانم دکتر") takes the place of its first word when that goes before a name.

The honorific is shown as the user typed it (the contact's own preference wins), except that
one typed without its letters on a keyboard that lacks them ("Hanim", "Maitre") is shown in
the table's spelling ("Hanım", "Maître").

A contact with no honorific typed is addressed with their country's own where that one is
certain and the same for men and women (:data:`UNSAID`): a Thai contact as "คุณสมชาย" ("Khun
Somchai" when the name is written in Latin letters), a Japanese one as "田中さん"
("Tanaka-san"). Elsewhere the honorific depends on gender (Bey / Hanım, آقای / خانم, Pak / Bu,
kungs / kundze …) or on rank, and the name is shown alone rather than guessed.

A contact marked informal (their formality, stored: the contact's own preference wins over
the country's custom) is called by the given name alone where "tu" goes with it: "Zane", not
"Bērziņas kundze"; "Rok", not "g. Kovačič". Each honorific's row of :data:`RULES` says what
its language does instead (:attr:`Rule.informal`): Turkish keeps Bey and Hanım ("Ayşe
Hanım"), Thai, Japanese, Indonesian … keep theirs ("Khun Somchai", "Tanaka-san"), and an
honorific the table does not know is the contact's own and is kept.

To add an honorific, add its usual spelling to :data:`RULES` under the pattern its culture
uses, with the languages it belongs to (the import takes a bare word for an honorific only in a
country of one of them), add a case to ``tests/core/test_address.py``, and check that the
country's etiquette notes (``resources/etiquette/<CC>.toml``, "greeting") say the same:
``test_address.py`` checks the examples the notes give.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from accountdesk.core.db.fts import display_name, fold

Pattern = Literal[
    "after_given",
    "before_family",
    "before_given",
    "before_given_joined",
    "before_last_given",
    "after_family",
    "after_family_hyphen",
    "after_family_joined",
    "after_full",
    "after_family_genitive_lv",
    "before_full",
    "before_full_joined",
]

#: The patterns of an honorific written before the name, and after it, as a name cell on
#: import may have it (pinyin *zong* or Hindi *ji* after a name are not taken off it: Li Zong
#: may be a name).
LEADING: frozenset[Pattern] = frozenset(
    {
        "before_family", "before_given", "before_given_joined", "before_last_given",
        "before_full", "before_full_joined",
    }
)  # fmt: skip
TRAILING: frozenset[Pattern] = frozenset({"after_given", "after_full", "after_family_genitive_lv"})


@dataclass(frozen=True)
class Rule:
    pattern: Pattern
    #: The languages whose form of address it is (base codes); empty: used across languages
    #: (Mr, Dr …). A name cell read on import takes a bare word for an honorific only in a
    #: country of one of these languages: "Pan Wei" is a Chinese name, not Polish *pan*.
    languages: frozenset[str] = frozenset()
    #: A title of rank or degree (Dr., Prof.), not a courtesy title (Mr, Frau, kungs): placed
    #: with the full name where a country does so (:data:`TITLE_WITH_FULL_NAME`).
    title: bool = False
    #: How a contact marked informal is addressed: "" by the given name alone ("Zane", "Rok");
    #: :data:`KEPT`, as formally ("Ayşe Hanım", "Tanaka-san"); or with this honorific instead,
    #: placed by its own rule (Bay: "Bey", "Ahmet Bey"). See :func:`form_of_address`.
    informal: str | None = ""


#: :attr:`Rule.informal` of an honorific that stays when the contact is addressed informally.
KEPT = None


def _key(text: str) -> str:
    """The spelling an honorific is looked up by: folded, without a final dot or a leading
    hyphen."""
    return fold(text.strip()).removesuffix(".").removeprefix("-")


#: The table's own spelling of each honorific, by its key (only where that is one spelling:
#: Spanish *doña* and Portuguese *dona* fold alike, so neither is respelled).
_SPELLINGS: dict[str, str] = {}
_AMBIGUOUS: set[str] = set()
_LISTED: dict[str, Rule] = {}


def _rules(
    pattern: Pattern,
    languages: str,
    *honorifics: str,
    title: bool = False,
    informal: str | None = "",
) -> dict[str, Rule]:
    rule = Rule(pattern, frozenset(languages.split()), title, informal)
    out: dict[str, Rule] = {}
    for honorific in honorifics:
        key = _key(honorific)
        if _LISTED.setdefault(key, rule) != rule:
            raise ValueError(f"{honorific!r} is listed twice, with different rules")
        if key in _SPELLINGS and _SPELLINGS[key] != honorific:
            _AMBIGUOUS.add(key)
        _SPELLINGS[key] = honorific
        out[key] = rule
    return out


#: Honorifics by their folded spelling (:func:`_key`), with where they go, whose they are, and
#: how a contact marked informal is addressed (``informal``; by the given name alone unless
#: said), by language:
#:
#: - Latvian, Slovenian, German, Swedish, French, Dutch, Spanish, Portuguese, Italian, Polish,
#:   Russian, Hebrew, English, and Mr, Ms, Dr … across languages: the given name alone, as
#:   "tu", "ti", "du" go with it ("Zane", not "Bērziņas kundze"; "Rok", not "g. Kovačič").
#: - Turkish: Bey and Hanım stay ("Ayşe Hanım"): colleagues on first-name terms still say them,
#:   a first name alone is for friends and never for an older person (the notes); Bay, Bayan
#:   and the deferential Beyefendi, Hanımefendi become Bey and Hanım; Sayın, the first name.
#: - Persian, Thai, Japanese, Chinese, Korean, Hindi, Indonesian, Malay, Vietnamese, Arabic,
#:   and Nigerian English's Chief, Alhaji: kept (:data:`KEPT`). Khun, -san, Pak, Bu, ji, 님
#:   are said among people on familiar terms too, or the familiar form depends on age and
#:   closeness that the contact's record does not tell (Vietnamese anh, chị, em).
RULES: dict[str, Rule] = {
    **_rules("after_given", "tr", "Bey", "Hanım", informal=KEPT),
    **_rules("after_given", "tr", "Beyefendi", informal="Bey"),
    **_rules("after_given", "tr", "Hanımefendi", informal="Hanım"),
    **_rules("before_family", "tr", "Bay", informal="Bey"),
    **_rules("before_family", "tr", "Bayan", informal="Hanım"),
    **_rules("before_full", "tr", "Sayın"),
    **_rules("before_family", "fa", "آقای", "خانم", "آقا", "سرکار خانم", informal=KEPT),
    **_rules("before_family", "fa", "جناب آقای", "جناب", "دکتر", "مهندس", informal=KEPT),
    **_rules("before_family", "fa", "آقای دکتر", "خانم دکتر", "آقای مهندس", informal=KEPT),
    **_rules("before_family", "fa", "خانم مهندس", "Agha", "Aghaye", "Khanom", informal=KEPT),
    **_rules("before_family", "fa", "Mohandes", informal=KEPT),
    **_rules("before_family", "", "Mr", "Mrs", "Ms", "Miss", "Mx"),
    **_rules("before_family", "", "Dr", "Prof", title=True),
    **_rules("before_family", "en es", "Doctor", "Professor", title=True),
    **_rules("before_family", "tr de pl sl sv", "Doktor", title=True),
    **_rules("before_family", "en", "Engineer", "Engr", "Barrister", "Attorney", "Atty"),
    **_rules("before_family", "en", "Chief", "Alhaji", "Alhaja", informal=KEPT),
    **_rules("before_given", "en", "Sir", "Dame", "Ma'am"),
    **_rules("before_family", "de sv", "Herr"),
    **_rules("before_family", "de", "Frau"),
    **_rules("before_family", "sv", "Fru"),
    **_rules("before_family", "fr", "M", "Mme", "Mlle", "Monsieur", "Madame", "Mademoiselle"),
    **_rules("before_family", "fr", "Maître", "Me"),
    **_rules("before_family", "nl", "Meneer", "Mevrouw", "Dhr", "Mevr"),
    **_rules("before_family", "es pt", "Sr", "Sra", "Srta"),
    **_rules("before_family", "es", "Señor", "Señora", "Señorita"),
    **_rules("before_family", "es", "Licenciado", "Licenciada", "Lic", "Ingeniero", "Ingeniera"),
    **_rules("before_given", "es", "Don"),
    **_rules("before_given", "es pt", "Doña", "Dona"),
    **_rules("before_given", "pt", "Senhor", "Senhora", "Doutor", "Doutora"),
    **_rules("before_family", "sl", "g", "ga", "gdč", "gospod", "gospa", "gospodična", "mag"),
    **_rules("before_family", "pl", "pan", "pani"),
    **_rules("before_family", "it", "Sig", "Sig.ra", "Sig.na", "Signor", "Signore"),
    **_rules("before_family", "it", "Signora", "Signorina", "Dott", "Dott.ssa", "Dottor"),
    **_rules("before_family", "it", "Dottore", "Dottoressa", "Avv", "Avvocato"),
    **_rules("before_family", "it es", "Ing"),
    **_rules("before_family", "it", "Ingegnere"),
    **_rules("before_family", "ru", "господин", "госпожа", "г-н", "г-жа", "Gospodin", "Gospozha"),
    **_rules("before_family", "he", "מר", "גברת", 'ד"ר'),
    **_rules("before_given_joined", "th", "คุณ", informal=KEPT),
    **_rules("before_given", "th", "Khun", informal=KEPT),
    **_rules("before_full_joined", "th", "นาย", "นาง", "นางสาว", informal=KEPT),
    **_rules("after_family_joined", "ja", "様", "さん", "くん", "君", informal=KEPT),
    **_rules("after_family_joined", "ja", "ちゃん", "殿", informal=KEPT),
    **_rules("after_family_joined", "ja", "部長", "社長", "課長", informal=KEPT),
    **_rules("after_family_hyphen", "ja", "san", "sama", "kun", "chan", informal=KEPT),
    **_rules("after_family_hyphen", "ja", "sensei", "dono", informal=KEPT),
    **_rules("after_family_hyphen", "ja", "buchō", "shachō", "kachō", informal=KEPT),
    **_rules("after_family_joined", "ja zh", "先生", informal=KEPT),
    **_rules("after_family_joined", "zh", "女士", "小姐", "总", "總", informal=KEPT),
    **_rules("after_family_joined", "zh", "经理", "經理", informal=KEPT),
    **_rules("after_family", "zh", "Xiansheng", "Nüshi", "Xiaojie", "Zong", informal=KEPT),
    **_rules("after_family", "zh", "Jingli", "Zongjingli", informal=KEPT),
    **_rules("after_full", "ko", "님", "씨", "선생님", informal=KEPT),
    **_rules("after_family", "hi", "ji", informal=KEPT),
    **_rules("after_family_genitive_lv", "lv", "kungs", "kundze"),
    **_rules("before_given", "id ms", "Bapak", "Pak", "Ibu", "Bu", informal=KEPT),
    **_rules("before_given", "ms", "Encik", "Cik", "Puan", informal=KEPT),
    **_rules("before_last_given", "vi", "Ông", "Bà", informal=KEPT),
    **_rules("before_given", "ar", "Sheikh", "Sheikha", "Sayyid", "Sayyida", informal=KEPT),
    **_rules("before_given", "ar", "Ustaz", "Ustaza", "Muhandis", "الشيخ", informal=KEPT),
    **_rules("before_given", "ar", "الشيخة", "المهندس", "الأستاذ", informal=KEPT),
    **_rules("before_full", "ar", "السيد", "السيدة", "الدكتور", "الدكتورة", informal=KEPT),
}


#: The honorific a contact of a country is given when none is typed, as (in the country's own
#: script, in Latin letters): only where it is the same for men and women and for any rank.
#: Thai คุณ goes before the given name of anyone; Japanese さん after the family name is polite
#: for anyone (the country's notes: "Tanaka-san"). Not Chinese 先生 / 女士 (gender), nor Korean
#: 씨 / 님 and the job titles (rank and closeness).
UNSAID: dict[str, tuple[str, str]] = {"TH": ("คุณ", "Khun"), "JP": ("さん", "san")}

#: The countries whose people are addressed by their given name, even formally, and where an
#: honorific that goes before the family name elsewhere (Mr, Ms, Dr, Herr …) goes for them:
#: as the country's own honorifics do, and as its notes ("greeting") say.
BY_GIVEN_NAME: dict[str, Pattern] = {
    "TH": "before_given",  # Khun Somchai: "Thais are called by first name, not surname"
    "VN": "before_last_given",  # "Mr Nguyễn Văn An is called Mr An", as Ông An
    "IS": "before_given",  # a patronymic is no family name: Guðrún Jónsdóttir is Ms Guðrún
    "ID": "before_given",  # Pak Budi, Bu Sari; many Indonesians have one name
    # "Mr/Ms or Dr with the first name", as Sheikh, Sayyid, Muhandis
    "SA": "before_given",
    "AE": "before_given",
    "BH": "before_given",
    "KW": "before_given",
    "OM": "before_given",
    "QA": "before_given",
    "EG": "before_given",
}

#: The countries of :data:`BY_GIVEN_NAME` whose own lists (phone books, staff and class lists)
#: are ordered by the given name, as :func:`accountdesk.core.icu.sorting_names` orders their
#: people: Thailand (สมชาย ใจดี under ส), Iceland (Guðrún Jónsdóttir under G: a patronymic is
#: no family name), Vietnam (Nguyễn Văn An by "An"). Indonesia and the Gulf states are
#: addressed by the given name, but their people stay among the family names here.
LISTED_BY_GIVEN_NAME: frozenset[str] = frozenset({"TH", "IS", "VN"})

#: The countries whose people are addressed with a title (:attr:`Rule.title`: Dr., Prof.) and
#: their full name, where a title goes before the family name elsewhere: in Turkey "Dr. Ahmet
#: Yılmaz", "Prof. Dr. İlber Ortaylı" (its notes: "use titles with the first name"), never
#: "Dr. Yılmaz". Said, the title goes with the given name and Bey or Hanım ("Doktor Bey"),
#: which a title does not tell.
TITLE_WITH_FULL_NAME: frozenset[str] = frozenset({"TR"})


def _in_latin(text: str) -> bool:
    """Whether ``text`` has a letter of the Latin script (Somchai, Ōno)."""
    return any(ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN") for ch in text)


def default_honorific(country: str | None, given: str, family: str) -> str:
    """The honorific a contact of ``country`` named ``given`` ``family`` is addressed with when
    none is typed (:data:`UNSAID`), in the script the name is written in; "" for none."""
    native, latin = UNSAID.get((country or "").upper(), ("", ""))
    return latin if _in_latin(given + family) else native


def rule_of(honorific: str) -> Rule | None:
    """Where ``honorific`` goes, or None for one the table does not know."""
    return RULES.get(_key(honorific))


#: The rule of an honorific the table does not know: before the full name, and kept when the
#: contact is addressed informally (the contact's own form of address, which the table
#: cannot judge: "Your Excellency", "Hocam").
_UNKNOWN = Rule("before_full", informal=KEPT)


def _placed(honorific: str) -> tuple[str, Rule]:
    """``honorific`` as shown, and its rule (where it goes …)."""
    rule = rule_of(honorific)
    if rule is None:
        first = rule_of(honorific.split()[0]) if " " in honorific else None
        if first is not None and first.pattern in LEADING:
            return honorific, first  # "Herr Dr.", "Prof. Dr.": as "Herr", "Prof."
        return honorific, _UNKNOWN
    spelling = _SPELLINGS[_key(honorific)]
    typed = honorific.removesuffix(".") if not spelling.endswith(".") else honorific
    if typed.isascii() and not spelling.isascii() and _key(honorific) not in _AMBIGUOUS:
        if typed.isupper() and len(typed) > 1:
            return honorific, rule  # HANIM: capitals need no dotless ı
        shown = spelling[0].upper() + spelling[1:] if typed[0].isupper() else spelling.lower()
        return shown + honorific[len(typed) :], rule
    return honorific, rule


#: The letters of Latvian spelling (no q, w, x, y); a surname with any other is not in Latvian
#: form (Williams, Nguyễn) and is not declined.
_LATVIAN_LETTERS = frozenset("aābcčdeēfgģhiījkķlļmnņoprsštuūvzž")

#: The consonant alternation of the 2nd declension (-is) before the genitive's -a, longest
#: stem ending first: Balodis → Baloža, Eglītis → Eglīša, Lācis → Lāča, Gulbis → Gulbja,
#: Dzenis → Dzeņa, Cīrulis → Cīruļa. Stems ending in r, j, ķ, ģ, ļ, ņ, č, š, ž
#: keep their consonant (Pēteris → Pētera, Zaķis → Zaķa); any other (k, g, h, a vowel) is not a
#: Latvian -is noun we can decline safely.
_ALTERNATION: tuple[tuple[str, str], ...] = (
    ("sn", "šņ"),
    ("zn", "žņ"),
    ("sl", "šļ"),
    ("zl", "žļ"),
    ("ln", "ļņ"),
    ("ll", "ļļ"),
    ("nn", "ņņ"),
    ("dz", "dž"),
    ("b", "bj"),
    ("m", "mj"),
    ("p", "pj"),
    ("v", "vj"),
    ("f", "fj"),
    ("t", "š"),
    ("d", "ž"),
    ("s", "š"),
    ("z", "ž"),
    ("c", "č"),
    ("n", "ņ"),
    ("l", "ļ"),
)
_UNCHANGED_BEFORE_IS = frozenset("rjķģļņčšž")
_VOWELS = frozenset("aāeēiīouū")

#: The nouns of the 2nd declension that end in -s, not -is: their genitive is the nominative
#: (akmens, rudens, ūdens, zibens, asmens, mēness, sāls): "Akmens kungs", never "Akmena"; a
#: surname may end in one (Zilakmens). Any other surname in -ens or -ss is not declined: it
#: may be one of these we do not list, or a 1st-declension name (Stīvens, Stīvena).
_GENITIVE_AS_NOMINATIVE = ("akmens", "asmens", "mēness", "rudens", "sāls", "ūdens", "zibens")
_UNCERTAIN_S = ("ens", "ss")


def _second_declension_genitive(word: str) -> str | None:
    """Balodis → Baloža: the -is noun's genitive with the stem's consonant alternated."""
    stem = word[:-2]
    if len(stem) < 2:
        return None
    last = stem[-1].lower()
    if last in _UNCHANGED_BEFORE_IS:
        return stem + "a"
    for plain, alternated in _ALTERNATION:
        if stem.lower().endswith(plain):
            return stem[: -len(plain)] + alternated + "a"
    return None


def _genitive_of_word(word: str, *, woman: bool) -> str | None:
    """One Latvian surname (one part of a double one) in the genitive, or None when it is not
    in a Latvian form this rule knows."""
    folded = word.lower()
    if len(folded) < 3 or not set(folded) <= _LATVIAN_LETTERS:
        return None
    if any(a == b and a in _VOWELS for a, b in pairwise(folded)):
        return None  # Latvian writes a long vowel with a macron, never doubled: Moore, Dee
    if folded.endswith(("a", "e")):
        return word + "s"  # Kalniņa → Kalniņas, Zīle → Zīles
    if woman:
        return None  # a woman's Latvian surname ends in -a or -e: a masculine form is foreign
    if folded.endswith("us") or folded.endswith(_GENITIVE_AS_NOMINATIVE):
        return word  # 3rd declension (Mikus kungs), and akmens, rudens …: as the nominative
    if folded.endswith(_UNCERTAIN_S):
        return None
    if folded.endswith("is"):
        return _second_declension_genitive(word)
    if folded.endswith("š") or (folded.endswith("s") and folded[-2] not in _VOWELS):
        return word[:-1] + "a"  # Bērziņš → Bērziņa, Ozols → Ozola, Kalējs → Kalēja
    return None


def latvian_genitive(family: str, *, woman: bool = False) -> str | None:
    """A Latvian surname in the genitive, for "… kungs" / "… kundze" (``woman``): Bērziņš →
    Bērziņa, Ozols → Ozola, Balodis → Baloža, Eglītis → Eglīša, Akmens → Akmens, Kalniņa →
    Kalniņas, Zīle → Zīles; each part of a double surname: Bērziņa-Kalniņa →
    Bērziņas-Kalniņas. None for a surname that is not in Latvian form (Jones, Smith, Williams)
    or whose genitive this rule cannot form for certain (Stīvens): the caller then shows the
    name without the title."""
    parts = family.strip().split("-")
    declined = [_genitive_of_word(part, woman=woman) for part in parts]
    if not parts or any(part is None for part in declined):
        return None
    return "-".join(part for part in declined if part is not None)


def _begins_with(name: str, title: str, *, joined: bool) -> bool:
    """Whether ``name`` already begins with the honorific ``title``: as its first word
    ("Khun Somchai", as an import keeps it), or written together with it where a word ends
    after it ("คุณสมชาย"; not คุณวุฒิ, a given name of its own: :func:`icu.line_breaks`
    tells where Thai words end)."""
    words = name.split()
    if not words:
        return False
    if len(_key(title)) > 1 and _key(words[0]) == _key(title):  # not an initial: M., g.
        return True
    if not joined or not name.startswith(title) or len(name) == len(title):
        return False
    from accountdesk.core.icu import line_breaks

    return len(title) in line_breaks(name)


def _before(title: str, name: str, *, joined: bool = False) -> str:
    """``title`` before ``name``, once: a name that begins with it already is shown as it is
    ("คุณสมชาย", not "คุณคุณสมชาย"). Written together (``joined``) only with a name that is
    not in Latin letters: "คุณ Somchai", not "คุณSomchai"."""
    if _begins_with(name, title, joined=joined):
        return name
    return f"{title}{'' if joined and not _in_latin(name[:1]) else ' '}{name}"


def _given_name_alone(given: str, family: str, name_order: str, country: str) -> str:
    """How a contact on first-name terms is called: by their given name (its last word in
    Vietnam: "An" for Nguyễn Văn An). A name written family name first is said whole where the
    country goes by the family name (China, Japan, Korea): a given name alone is for family and
    close friends there; so is a contact's without a given name."""
    place = BY_GIVEN_NAME.get(country)
    if not given.strip() or (name_order == "family_first" and place is None):
        return display_name(given, family, name_order)
    return given.split()[-1] if place == "before_last_given" else given.strip()


def _in_case_of(typed: str, word: str) -> str:
    """``word`` in the case ``typed`` is written in: "HANIM" for BAYAN, "hanım" for bayan."""
    if typed.isupper() and len(typed) > 1:
        return word.upper()
    return word if typed[:1].isupper() else word.lower()


def form_of_address(
    honorific: str | None,
    given: str,
    family: str,
    name_order: str,
    *,
    country: str | None,
    formality: str = "formal",
) -> str:
    """How to address a contact: honorific and name placed as their culture does (the
    contact's ``country`` where its people are addressed by their given name:
    :data:`BY_GIVEN_NAME`, or with a title and their full name: :data:`TITLE_WITH_FULL_NAME`);
    without an honorific, the one of ``country`` where it is certain
    (:func:`default_honorific`), else the name alone.

    A contact whose ``formality`` is "informal" (the contact's own preference, stored) is
    called by the given name alone ("Zane", "Rok"), unless the honorific is one its culture
    keeps among people on first-name terms or says another way (:attr:`Rule.informal`: "Ayşe
    Hanım", "Tanaka-san"; Bayan: "Ayşe Hanım"), or is one the table does not know: the
    contact's own form of address, kept."""
    full = display_name(given, family, name_order)
    code = (country or "").upper()
    informal = formality == "informal"
    if not honorific or not honorific.strip():
        honorific = default_honorific(country, given, family)
        if not honorific:
            return _given_name_alone(given, family, name_order, code) if informal else full
    title, rule = _placed(honorific.strip())
    if informal and rule.informal is not KEPT:
        if not rule.informal:
            return _given_name_alone(given, family, name_order, code)
        title, rule = _in_case_of(title, rule.informal), RULES[_key(rule.informal)]
    pattern = rule.pattern
    if pattern == "before_family" and code in BY_GIVEN_NAME:
        pattern = BY_GIVEN_NAME[code]
    elif pattern == "before_family" and rule.title and code in TITLE_WITH_FULL_NAME:
        pattern = "before_full"
    family_or_full = family or full
    if pattern == "after_given":
        return f"{given or full} {title}"
    if pattern == "before_family":
        return _before(title, family_or_full)
    if pattern == "before_given":
        return _before(title, given or full)
    if pattern == "before_last_given":
        return _before(title, given.split()[-1] if given.strip() else full)
    if pattern == "before_given_joined":
        return _before(title, given or full, joined=True)
    if pattern == "before_full_joined":
        return _before(title, full, joined=True)
    if pattern == "after_family":
        return f"{family_or_full} {title}"
    if pattern == "after_family_hyphen":
        return f"{family_or_full}{title if title.startswith('-') else '-' + title}"
    if pattern == "after_family_joined":
        return f"{family_or_full}{' ' if _in_latin(family_or_full[-1:]) else ''}{title}"
    if pattern == "after_full":
        return f"{full} {title}"
    if pattern == "after_family_genitive_lv":
        genitive = latvian_genitive(family, woman=_key(title) == "kundze")
        return f"{genitive} {title}" if genitive else full
    return _before(title, full)  # before the full name: Arabic, and any honorific not listed
