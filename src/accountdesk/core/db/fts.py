"""Search text and statements, on a plain DB-API connection, without SQLAlchemy.

The connection is sqlite3 (or sqlcipher3) for a laptop's file, psycopg for a team server; the
statements are the same but for the full-text part (:func:`ranked_refs`), which has a twin per
database, and the placeholders (written ``?`` here; :mod:`accountdesk.core.db.portable`).

Text is *folded* before it is indexed and before it is searched, the same way on both sides
(:func:`fold`); a query is cut into words by :func:`query_words` (a phone number typed in
groups, whole or its start after a trunk 0 from three digits on, is one word of digits; other
groups of digits match as that number or as each group). Two structures answer a query:

- ``search_keys``: one row per word of a name (folded; a name shown joined, 李磊, is also a
  word of its own: :func:`name_title`; so are the other :func:`spellings` a name is typed
  as: Schaefer, علیزاده, alfalasi, 山田 inside 株式会社山田製作所), under a B-tree index.
  A query of one word is first answered here: names with a word that starts with it, in
  alphabetical order of that word. This is what typing a few letters should show, and it
  stays fast for one letter over 400,000 names.
- ``search_fts``: names, e-mails, phones (with their national numbers:
  :func:`accountdesk.core.db.documents.phone_words`), cities, tags and notes. Used for queries
  of several words, and to fill the list when names alone give fewer than asked for. On
  SQLite an FTS5 table ranked by BM25 with names weighted ten times the rest. On PostgreSQL
  a ``tsvector`` of the very words :func:`words` finds (written as a literal, so
  PostgreSQL's own parser never splits them differently), names at weight A and the rest at
  D (``ts_rank``'s default weights make a name count ten times), under a GIN index; a query
  is every word as a prefix (``'word':*``). Both find the same documents for the same query;
  only the order among equally good matches may differ.

A word of one or two digits is no phone's start (:data:`PHONE_DIGITS`): it matches the start
of a word of a name, or a whole word. After what a query matches, a result list
(:func:`search_rows`) shows the people of the accounts it names (:data:`ACCOUNT_WORD`).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache
from typing import Any

from accountdesk.core.db.portable import is_postgres, statement

#: A DB-API connection with ``execute`` (sqlite3, sqlcipher3 or psycopg).
Connection = Any

#: The SQLite search tables as the migrations leave them (0001; 0007 adds one-letter prefixes;
#: 0010 numbers the documents above every rowid ever given: AUTOINCREMENT).
SEARCH_DDL = (
    "CREATE TABLE search_docs (rowid INTEGER PRIMARY KEY AUTOINCREMENT, ref TEXT NOT NULL UNIQUE,"
    " kind TEXT NOT NULL)",
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, "
    "tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* Co Mn Mc'\","
    " prefix = '1 2 3')",
    "CREATE TABLE search_keys (rowid INTEGER NOT NULL, key TEXT NOT NULL)",
    "CREATE INDEX ix_search_keys_key ON search_keys (key, rowid)",
    "CREATE INDEX ix_search_keys_rowid ON search_keys (rowid)",
)
SEARCH_TABLES = ("search_keys", "search_fts", "search_docs")
#: The PostgreSQL twin of :data:`SEARCH_DDL` (created by migration 0005).
PG_SEARCH_DDL = (
    "CREATE TABLE search_docs (rowid BIGINT PRIMARY KEY, ref TEXT NOT NULL UNIQUE,"
    " kind TEXT NOT NULL)",
    "CREATE SEQUENCE search_docs_rowid_seq OWNED BY search_docs.rowid",
    "CREATE TABLE search_fts (rowid BIGINT PRIMARY KEY, words TSVECTOR NOT NULL)",
    "CREATE INDEX ix_search_fts_words ON search_fts USING gin (words)",
    'CREATE TABLE search_keys (rowid BIGINT NOT NULL, key TEXT COLLATE "C" NOT NULL)',
    "CREATE INDEX ix_search_keys_key ON search_keys (key, rowid)",
    "CREATE INDEX ix_search_keys_rowid ON search_keys (rowid)",
)


def ids_matching_sql(
    postgres: bool, param: str = "q", *, of_kind: bool = True, kind: str | None = None,
    names_only: bool = False, rowids: bool = False,
) -> str:  # fmt: skip
    """A statement of the refs of documents (of kind ``:kind`` with ``of_kind``, or of the
    literal ``kind``) that match ``:q`` (or ``:param``; an expression from
    :func:`match_expression` for the same database); with ``names_only``, in their titles (a
    name) alone, not in the rest (a city, notes …).

    With ``rowids``, of the documents' rowids instead (a column ``doc``), of every kind
    (``of_kind`` and ``kind`` are not asked for): the index alone answers, without looking up
    a ref per document, for a caller that asks which of its records' documents are among
    them (:func:`accountdesk.core.queries.lists.narrow_ids`)."""
    where = f" AND d.kind = '{kind}'" if kind else " AND d.kind = :kind" if of_kind else ""
    if postgres:
        query = f"CAST(:{param} AS tsquery)"
        # the whole vector first, for the GIN index; then its names (weight A) alone
        names = f" AND ts_filter(f.words, '{{a}}') @@ {query}" if names_only else ""
        if rowids:
            return f"SELECT f.rowid AS doc FROM search_fts f WHERE f.words @@ {query}{names}"
        return (
            "SELECT d.ref FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid "
            f"WHERE f.words @@ {query}{names}{where}"
        )
    column = "search_fts.title" if names_only else "search_fts"
    if rowids:
        return f"SELECT search_fts.rowid AS doc FROM search_fts WHERE {column} MATCH :{param}"
    return (
        "SELECT d.ref FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid "
        f"WHERE {column} MATCH :{param}{where}"
    )


_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "ß": "ss",
        "ħ": "h",
        "ŧ": "t",
        "ŀ": "l",
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "أ": "ا",
        "إ": "ا",
        "ٱ": "ا",
        "ـ": None,
        # ZWNJ: a Persian compound is one word, written with it or without (علی‌زاده, علیزاده);
        # its parts are words too (:func:`compound_parts`)
        "\u200c": None,
        "\u200d": None,
    }
)


def _is_arabic_vowel_mark(ch: str) -> bool:
    return "\u064b" <= ch <= "\u065f" or ch == "\u0670"


def fold(value: str) -> str:
    """The searchable form of ``value``.

    Case-folded; accents on Latin, Greek and Cyrillic letters removed; letters that are not
    accented forms mapped by hand (Turkish ı, ø, ł, đ, æ …); Arabic-script variants unified
    (Arabic yeh and kaf to the Persian forms, no tatweel, short vowels or zero-width
    non-joiner); digits of every script written 0-9 (a Persian keyboard types ۰۹۱۲). Thai and
    other marks stay, Thai's in one order whatever order they were typed in
    (:data:`_THAI_MARKS`). So "yilmaz" finds "Yılmaz", "zagar" finds "Žagar", and Thai and Persian
    are found as typed. Single letters with dots between them are one word without the dots
    (:func:`_undotted`: "A.Ş." is "as", "S.A. de C.V." "sa de cv"), as legal forms are
    written with them or without.
    """
    if value.isascii():
        lowered = value.lower()
        return _undotted(lowered) if "." in lowered else lowered
    return " ".join(map(_fold_word, value.split()))


#: Single letters each followed by a dot, the last one's dot left out or not, as a word of
#: its own (in brackets, quotes, or before a comma too).
_DOTTED = re.compile(r"(?<![^\s(\"'])((?:[^\W\d_]\.)+[^\W\d_])\.?(?=[\s,;:)\"']|$)")


def _undotted(folded: str) -> str:
    """``folded`` with its words of single letters and dots written without the dots: "a.s."
    and "a.ş." are "as" (AS, AŞ), "d.o.o." "doo", "c.v." "cv", "u.s.a." "usa". A legal form is
    written either way, and a query is folded too, so each finds the other. A word with a
    longer part ("ltd.", "co.", "e-mail.com") is left as it is."""
    if folded[1:2] != "." and _WORD_START.search(folded) is None:
        return folded  # no word but the first, and not of single letters (an e-mail address)
    return _DOTTED.sub(lambda m: m[1].replace(".", ""), folded)


#: What a word of :data:`_DOTTED` may follow besides the start of the text.
_WORD_START = re.compile(r"[\s(\"']")


@lru_cache(maxsize=65536)
def _fold_word(value: str) -> str:
    # Names repeat a lot (given and family names), so words are folded once and remembered.
    if value.isascii():
        lowered = value.lower()
        return _undotted(lowered) if "." in lowered else lowered
    value = value.casefold().translate(_LETTERS)
    decomposed = unicodedata.normalize("NFKD", value)
    out: list[str] = []
    base = " "
    for ch in decomposed:
        if unicodedata.combining(ch):
            if ord(base) < 0x0530 or _is_arabic_vowel_mark(ch):
                continue  # an accent on a Latin/Greek/Cyrillic letter, or an Arabic short vowel
        elif ch.isdecimal():
            ch = str(unicodedata.decimal(ch))  # Persian ۰۹۱۲, Thai ๐๘๑, Devanagari digits
        else:
            base = ch
        out.append(ch)
    folded = unicodedata.normalize("NFC", "".join(out)).translate(_LETTERS)
    if _THAI_MARKS.search(folded):
        folded = _THAI_MARKS.sub(_thai_marks_ordered, folded)
    return _undotted(folded) if "." in folded else folded


#: Thai marks above and below a letter, two or more in a row. A keyboard, a PDF or an old
#: document may give them in any order, and they look the same: ที่ typed ท + ◌่ + ◌ี, สมศักดิ์
#: as ด + ◌์ + ◌ิ, น้ำ as น + ◌ํ + ◌้ + ◌า. Unicode's normal forms do not reorder them (the
#: vowels above have combining class 0), so :func:`_fold_word` writes them in the order Thai
#: stores them: vowel, then tone mark or ◌์, then ◌ํ (the first half of ◌ำ, which NFKD writes
#: as ◌ํ + ◌า after its tone mark).
_THAI_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]{2,}")
#: Each mark's place in :data:`_THAI_MARKS`'s order (a vowel, or ◌็, which is none's: 0).
_THAI_MARK_PLACE = {
    **{chr(c): 1 for c in range(0x0E48, 0x0E4D)},  # ◌่ ◌้ ◌๊ ◌๋ and ◌์
    "\u0e4e": 1,  # ◌๎
    "\u0e4d": 2,  # ◌ํ
}


def _thai_marks_ordered(run: re.Match[str]) -> str:
    return "".join(sorted(run[0], key=lambda ch: _THAI_MARK_PLACE.get(ch, 0)))


_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")


def words(folded: str) -> list[str]:
    """The words of folded text, as the FTS5 tokenizer sees them (letters, digits, marks)."""
    if folded.isascii():  # most folded names: ASCII letters and digits are the whole rule
        return _ASCII_WORD.findall(folded)
    out: list[str] = []
    for part in folded.split():  # white space is never part of a word
        if part.isalnum():  # a word of letters and digits alone
            out.append(part)
        else:
            out += _marked_words(part)
    return out


def _marked_words(folded: str) -> list[str]:
    """:func:`words` of text with other characters than letters and digits."""
    out: list[str] = []
    current: list[str] = []
    for ch in folded:
        if ch.isalnum() or unicodedata.category(ch) in ("Mn", "Mc", "Co"):
            current.append(ch)
        elif current:
            out.append("".join(current))
            current = []
    if current:
        out.append("".join(current))
    return out


#: A query written as a phone number is written: digits in groups, with + ( ) - . / between.
_PHONE_QUERY = re.compile(r"\+?[\s(]*\d[\d\s().\-/]*")
#: The trunk 0 a number written for callers abroad shows in brackets after its country code
#: ("+44 (0)20 7946 0958"), which they do not dial; also while it is being typed ("+44 (0").
_TRUNK_ZERO = re.compile(r"\(\s*0\s*(?:\)|$)")


def query_words(query: str) -> list[str]:
    """The folded words of what a user typed, as the index is searched for them.

    A query written as a phone number ("0532 123 45 67", "+371 2612 3456", "(201) 555-1912";
    :func:`_looks_like_a_phone`) is one word, its digits: a phone is indexed as its digits,
    with and without the country code (:func:`accountdesk.core.db.documents.phone_words`), never
    as groups, which each person writes differently. So is a number being typed in groups
    after its trunk 0, before it has that many digits ("0532 123", "081 234", "ayse 0532 12").
    Other groups of digits may be a phone's start ("532 123") or separate figures ("2024 150",
    a year and a quantity in notes): they are one word with a space between the groups, found
    as either (:func:`_groups_joined`, :func:`_fts5_term`).

    A number written for callers abroad is searched as they dial it: without the trunk 0 in
    brackets after its country code ("+44 (0)20 7946 0958"), and after the
    :data:`INTERNATIONAL_PREFIX` as the number that follows it too ("00371 6712 3456":
    :func:`_abroad`)."""
    folded = fold(query).strip()
    if _looks_like_a_phone(folded):
        if folded.startswith(("+", INTERNATIONAL_PREFIX)):
            folded = _TRUNK_ZERO.sub("", folded)
        return ["".join(ch for ch in folded if ch.isdigit())]
    return [
        w
        for part in _groups_joined(folded.split())
        for w in ([part] if " " in part else words(part))
    ]


def _digit_group(part: str) -> bool:
    return part.isascii() and part.isdigit()


#: The prefix a phone number starts with when it is written without its country code (0532,
#: 081, 0912; "00" starts an international call and is a 0 too).
TRUNK_PREFIX = "0"
#: What most countries dial before a country code to call abroad (0037167123456 for
#: +37167123456, 0044 20 …): written instead of the +.
INTERNATIONAL_PREFIX = "00"


def _abroad(word: str) -> str | None:
    """The number a word of digits is when it starts with the :data:`INTERNATIONAL_PREFIX`
    (37167123456 of 0037167123456; 371 of 00371 while it is being typed): what follows the
    prefix, once that is the start of a phone (:data:`PHONE_DIGITS`); None otherwise. The
    word is searched as typed too (a postcode or an order number written with 00)."""
    rest = word[len(INTERNATIONAL_PREFIX) :]
    if word.startswith(INTERNATIONAL_PREFIX) and _digit_group(word) and len(rest) >= PHONE_DIGITS:
        return rest
    return None


def _groups_joined(parts: list[str]) -> list[str]:
    """``parts`` (a folded query cut at white space) with a number typed in groups kept as one
    part: the groups of digits alone that follow one of at least :data:`PHONE_DIGITS` digits.

    After a :data:`TRUNK_PREFIX` ("0532 1", "0532 123 4", "0912 345", "081 234") the groups
    are joined into one number: the start of a phone as it is written at home, then the start
    of the number it is indexed as while the user is still typing it, from its third digit
    on, as it is once :func:`_looks_like_a_phone`. Other groups ("532 123", "2612 34", but
    also "2024 150": a year and a quantity) stay one part with a single space between them:
    a word that matches as their number joined or as each group (:func:`_either`).

    A number next to words alone stays a word of its own ("koks 2024", "brivibas 12", "ayse
    0532"), and so do groups joined by other characters than white space ("4500-118",
    "00-950": an order number, a postcode) and a group after a shorter one ("12 3")."""
    out: list[str] = []
    joining = False  # out[-1] is a number that a group of digits continues
    for part in parts:
        digits = _digit_group(part)
        if digits and joining:
            out[-1] += part if out[-1].startswith(TRUNK_PREFIX) else " " + part
        else:
            out.append(part)
            joining = digits and len(part) >= PHONE_DIGITS
    return out


def _either(word: str) -> tuple[str, list[str]] | None:
    """A word of groups of digits (:func:`_groups_joined`: "2024 150") as its number joined
    and its groups; None for any other word."""
    if " " not in word:
        return None
    groups = word.split()
    return "".join(groups), groups


def text_has(word: str, folded: str) -> bool:
    """Whether a word of :func:`query_words` is inside ``folded`` (a text :func:`fold` made),
    anywhere, not only at a word's start: a follow-up's title. Groups of digits ("2024 150")
    as the index reads them (:func:`_either`): their number joined, or every group."""
    either = _either(word)
    if either is None:
        abroad = _abroad(word)
        return word in folded or (abroad is not None and abroad in folded)
    joined, groups = either
    return joined in folded or all(group in folded for group in groups)


#: A date written with its year: never a phone, whatever its digits.
_DATE_QUERY = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")


def _looks_like_a_phone(folded: str) -> bool:
    """Whether a query is a phone number as people write it, not other figures: an order
    number ("4500-118"), a date ("2025-03-14", "14.03.2025"), a postcode ("00-950") or a
    rate ("1.5") is searched as its words. A phone starts with + or (, or has at least eight
    digits (nine when written with dots or slashes)."""
    if not _PHONE_QUERY.fullmatch(folded) or _DATE_QUERY.fullmatch(folded):
        return False
    digits = sum(ch.isdigit() for ch in folded)
    if folded.startswith(("+", "(")):
        return digits >= 4
    dotted = any(ch in "./" for ch in folded)
    return digits >= (9 if dotted else 8)


#: Letters people type as two when their keyboard lacks them (Schäfer as Schaefer, Søren as
#: Soeren, Ågård as Aagaard).
_TWO_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ø": "oe", "å": "aa"})
_SPELLED = re.compile("[äöüøåÄÖÜØÅ\u0308\u030a]")
#: Characters of scripts written without spaces between words: Thai, Lao, Khmer, Myanmar, and
#: Chinese characters and kana (Hangul has spaces).
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002fa1f]"
)
#: How far into a run without spaces its words are indexed (names are shorter).
_RUN_WORDS = 32


def compound_parts(text: str) -> list[str]:
    """The parts of the Persian compounds in ``text``, folded: a zero-width non-joiner keeps
    the letters of a word apart (می‌خواهم, علی‌زاده), and :func:`fold` drops it, so that the
    word is found typed with it or without; its parts are found as words of their own."""
    if "\u200c" not in text:
        return []
    return [
        w
        for word in text.split()
        if "\u200c" in word
        for w in words(fold(word.replace("\u200c", " ")))
    ]


def spellings(text: str) -> list[str]:
    """Words a name may be typed as that its folded words are not (for the ``search_keys``
    index and the full-text title), folded:

    - with ä, ö, ü, ø, å typed as ae, oe, ue, oe, aa ("Schaefer" for Schäfer, "Mueller" for
      Müller, "Aagaard" for Ågård);
    - the parts of a Persian compound (زاده in علی‌زاده: :func:`compound_parts`);
    - in Thai, Chinese and Japanese (no spaces between words), each word within a run as the
      start of the rest, where ICU finds word boundaries ("สมบูรณ์" in เจริญสุขสมบูรณ์; "山田"
      in 株式会社山田製作所, every character being a boundary there);
    - its words written together, as an e-mail address or a hurried hand writes them
      ("alfalasi" for Al Falasi, "obrien" for O'Brien, "maizdorado" for Maíz Dorado): give
      each part of a person's name on its own (:func:`name_title` does), not the whole name.
    """
    if text.isascii() and text.isalnum():  # one plain word: most parts of names
        return []
    return list(_spellings(text))


@lru_cache(maxsize=65536)
def _spellings(text: str) -> tuple[str, ...]:
    # Names repeat a lot (given and family names, cities): each is spelled once.
    known = words(fold(text))
    together = [written_together(known)] if len(known) > 1 else []
    if text.isascii():  # most names: nothing to spell otherwise
        return tuple(together)
    found: list[str] = together
    if _SPELLED.search(text):
        for word in unicodedata.normalize("NFC", text).split():
            lowered = word.casefold()
            if lowered != lowered.translate(_TWO_LETTERS):
                found += words(fold(lowered.translate(_TWO_LETTERS)))
    found += compound_parts(text)
    if _UNSPACED.search(text):
        from accountdesk.core.icu import line_breaks  # QtCore: only for such scripts

        for run in known:
            if _UNSPACED.search(run):
                found += [run[i:] for i in line_breaks(run)[:-1][:_RUN_WORDS]]
    if not found:
        return ()
    kept = set(known)
    return tuple(w for w in dict.fromkeys(found) if w not in kept)


#: Words that say what kind of company an account is, not which one (as :func:`fold` writes
#: them: "A.Ş." is "as", "d.o.o." "doo"). They are found as any word is, but they are no key of
#: an account's name (:func:`title_keys`): one letter typed listed the hundreds of accounts
#: whose "A.Ş.", "AS" or "AB" starts with it before any name that does.
LEGAL_FORMS = frozenset(
    fold(form)
    for form in (
        # Latin letters: Latvia, Slovenia, Turkey, Germany, the Nordics, France, Mexico,
        # Brazil, the English-speaking countries, India, the Benelux, Central Europe
        "SIA", "AS", "IK", "PS", "KS", "d.o.o.", "d.d.", "s.p.", "A.Ş.", "Şti.", "GmbH", "AG",
        "KG", "OHG", "UG", "e.K.", "AB", "ASA", "ApS", "Oy", "Oyj", "SA", "SAS", "SARL", "SNC",
        "SL", "SLU", "SRL", "SpA", "C.V.", "S.R.L.", "Ltda.", "EIRELI", "Ltd", "Limited", "LLC",
        "LLP", "LP", "PLC", "Inc", "Incorporated", "Corp", "Corporation", "Co", "Pvt", "Pte",
        "Pty", "BV", "NV", "VOF", "s.r.o.", "a.s.", "Kft", "Zrt", "Nyrt", "UAB", "OÜ", "Sp",
        "z.o.o.", "Bhd", "Sdn", "JSC",
        # other scripts: Thai, Persian, Arabic, Russian, Chinese, Japanese, Korean
        "บริษัท", "จำกัด", "มหาชน", "ห้างหุ้นส่วน", "شرکت", "سهامی", "شركة", "ذ.م.م",
        "ООО", "ОАО", "ЗАО", "ПАО", "АО",
        "有限公司", "股份有限公司", "株式会社", "有限会社", "合同会社", "주식회사", "유한회사",
    )
)  # fmt: skip
#: The legal forms of scripts written without spaces, which a name's run holds at its start
#: or end (株式会社山田製作所, 华为有限公司), longest first.
_RUN_LEGAL_FORMS = tuple(
    sorted((f for f in LEGAL_FORMS if _UNSPACED.search(f)), key=len, reverse=True)
)


def _is_legal_form(word: str, account: bool) -> bool:
    """Whether a folded word of an account's title is its legal form, or starts with one of
    a script without spaces (株式会社山田製作所): no key of its name."""
    return account and (word in LEGAL_FORMS or word.startswith(_RUN_LEGAL_FORMS))


def without_legal_forms(name: str) -> tuple[str, list[str]]:
    """``name`` without the words of its legal form (:data:`LEGAL_FORMS`: "Boğaziçi Tekstil"
    of "Boğaziçi Tekstil A.Ş.", "Dzintars" of "SIA Dzintars"), and without one at the start
    or end of a run of a script without spaces (山田製作所 of 株式会社山田製作所), or
    ``name`` itself when it is nothing else; and the legal forms taken off runs (株式会社)."""
    kept: list[str] = []
    taken: list[str] = []
    for token in name.split():
        folded = fold(token)
        if written_together(words(folded)) in LEGAL_FORMS:
            continue
        if _UNSPACED.search(folded):
            for form in _RUN_LEGAL_FORMS:
                if folded != form and folded.startswith(form):
                    token = folded = folded.removeprefix(form)
                    taken.append(form)
                if folded != form and folded.endswith(form):
                    token = folded = folded.removesuffix(form)
                    taken.append(form)
        kept.append(token)
    return (" ".join(kept), taken) if kept else (name, [])


def account_title(name: str) -> str:
    """The folded title an account is indexed under: its name, and the other
    :func:`spellings` of its name without its legal form (:func:`without_legal_forms`:
    "bogazicitekstil", not "bogazicitekstilas"; 山田製作所 and the words inside it for
    株式会社山田製作所, and 株式会社 itself), so that no key of its name starts with its legal
    form (:func:`title_keys`) while the legal form finds it as any word does."""
    folded = fold(name)
    own, taken = without_legal_forms(name)
    if own == name:
        return " ".join([folded, *spellings(name)])
    known = set(words(folded))
    more = [w for w in (*words(fold(own)), *spellings(own), *taken) if w not in known]
    return " ".join([folded, *dict.fromkeys(more)])


def written_together(parts: list[str]) -> str:
    """Folded words as one word: a name written joined, with a space or with a zero-width
    non-joiner is one name (علیزاده, علی زاده, علی‌زاده; عبدالله, عبد الله; Alnuaimi, Al Nuaimi,
    Al-Nuaimi). The index holds a name's words written together (:func:`spellings`) and a
    query also looks for its neighbouring words so written (:func:`written_apart`)."""
    return "".join(parts)


#: The most words of a query whose neighbours are also looked for written together
#: (:func:`written_apart`: 2ⁿ⁻¹ forms, eight at four words); a longer query is looked for
#: as typed.
JOINED_WORDS = 4


def _joins(word: str) -> bool:
    """Whether a word of a query may be written together with its neighbour: a word of
    letters, not a number nor groups of digits (:func:`_groups_joined`)."""
    return " " not in word and not word.isdecimal()


def written_apart(found: list[str]) -> list[list[str]]:
    """The words ``found`` of a query, and each way of writing neighbours among them together
    (:func:`written_together`), as the name they may be of is stored: "علی زاده" is also
    علیزاده, "al nuaimi" Alnuaimi, "kara osmanoglu" Karaosmanoğlu. A name stored apart is
    found typed together by its :func:`spellings`; this is the other way round. Up to
    :data:`JOINED_WORDS` words."""
    if not 1 < len(found) <= JOINED_WORDS:
        return [found]
    forms = [[found[0]]]
    for before, word in itertools.pairwise(found):
        apart = [[*form, word] for form in forms]
        if _joins(before) and _joins(word):
            apart += [[*form[:-1], written_together([form[-1], word])] for form in forms]
        forms = apart
    return forms


def title_keys(folded_title: str, kind: str | None = None) -> list[str]:
    """The distinct words of a folded name, for the ``search_keys`` index; of an account's
    name (``kind`` "account"), not the words of its legal form (:data:`LEGAL_FORMS`)."""
    account = kind == "account"
    return [w for w in dict.fromkeys(words(folded_title)) if not _is_legal_form(w, account)]


def match_expression(query: str, *, postgres: bool = False) -> str | None:
    """Every folded word of ``query`` as a prefix, all required: an FTS5 MATCH expression, or
    with ``postgres`` a ``tsquery``. None when the query has no word. A word of fewer than
    :data:`PHONE_DIGITS` digits is the start of a word of a name, or a whole word."""
    found = query_words(query)
    return _expression(found, postgres) if found else None


#: The fewest digits a word of digits alone needs to be looked for as the start of a longer
#: number: of a phone above all. A phone is indexed as its digits with and without the
#: calling code, and with the trunk 0 (05321234567:
#: :func:`accountdesk.core.db.documents.phone_words`), each found by its start, so "0" started
#: every number and listed everyone with a phone, and two digits still start a calling code
#: or an area code thousands share. Three are an area code or a mobile network's prefix,
#: the least that narrows a list to numbers someone means ("532", "053", "+371").
#:
#: A shorter word of digits is the start of a word of a name ("7" finds 7 Seas Trading,
#: "3" finds 3M), or a whole word anywhere: a figure in notes ("20 pallets", "rate 1.5",
#: the 03 and 14 of "2025-03-14"), which no phone is.
PHONE_DIGITS = 3


def _short_number(word: str) -> bool:
    """A word of digits too short to start a phone number (:data:`PHONE_DIGITS`)."""
    return len(word) < PHONE_DIGITS and word.isascii() and word.isdigit()


def _expression(found: list[str], postgres: bool) -> str:
    """Every word of ``found`` as a term, all required, in one of the ways its neighbours may
    be written together (:func:`written_apart`)."""
    if postgres:  # a word as PostgreSQL indexed it (cut to its longest lexeme)
        forms = [" & ".join(_pg_term(_lexeme(w)) for w in form) for form in written_apart(found)]
        return forms[0] if len(forms) == 1 else " | ".join(f"({form})" for form in forms)
    # FTS5 wants AND before a bracket
    forms = [" AND ".join(_fts5_term(w) for w in form) for form in written_apart(found)]
    return forms[0] if len(forms) == 1 else " OR ".join(f"({form})" for form in forms)


def _fts5_term(word: str) -> str:
    """A word as a prefix, in an FTS5 expression; a short number (:data:`PHONE_DIGITS`) as a
    prefix in names (the title column), or whole; groups of digits (:func:`_either`) as
    their number or as each group; a number dialled abroad (:func:`_abroad`) as typed or
    without its prefix."""
    either = _either(word)
    if either is not None:
        joined, groups = either
        return f'("{joined}"* OR ({" AND ".join(map(_fts5_term, groups))}))'
    abroad = _abroad(word)
    if abroad is not None:
        return f'("{word}"* OR "{abroad}"*)'
    return f'("{word}" OR title : "{word}"*)' if _short_number(word) else f'"{word}"*'


def _pg_term(word: str) -> str:
    """A word as a prefix, in a ``tsquery``; a short number (:data:`PHONE_DIGITS`) as a
    prefix in names (weight A), or whole; groups of digits (:func:`_either`) as their number
    or as each group; a number dialled abroad (:func:`_abroad`) as typed or without its
    prefix."""
    either = _either(word)
    if either is not None:
        joined, groups = either
        return f"('{joined}':* | ({' & '.join(map(_pg_term, groups))}))"
    abroad = _abroad(word)
    if abroad is not None:
        return f"('{word}':* | '{abroad}':*)"
    return f"('{word}' | '{word}':*A)" if _short_number(word) else f"'{word}':*"


#: PostgreSQL refuses a lexeme longer than 2,046 bytes.
_LEXEME_BYTES = 2000


def _lexeme(word: str) -> str:
    """``word``, cut to what PostgreSQL keeps in a tsvector (a word of a 2,000-byte run of
    letters is still found by any prefix within those bytes)."""
    encoded = word.encode()
    if len(encoded) <= _LEXEME_BYTES:
        return word
    return encoded[:_LEXEME_BYTES].decode(errors="ignore")


#: PostgreSQL refuses a tsvector of 1 MiB or more; what a document's words take is kept under
#: this (lexemes and their bookkeeping), names first.
_TSVECTOR_BYTES = 900_000


def tsvector_literal(title: str, body: str) -> str:
    """The PostgreSQL ``tsvector`` of a folded document: the words of its title at weight A,
    the other words of its body at D (words have no quote or backslash: see :func:`words`).

    A body of more than about 900 KB of distinct words (an account's notes pasted from a
    book) is indexed up to that size: the later words are not found on a server, where a
    laptop's FTS5 finds them; the record itself is saved whole either way."""
    named = [_lexeme(w) for w in title_keys(title)]
    seen = set(named)
    rest = [w for w in dict.fromkeys(map(_lexeme, words(body))) if w not in seen]
    parts = [f"'{w}':{i}A" for i, w in enumerate(named, 1)]
    size = sum(len(w.encode()) + 8 for w in named)
    for i, w in enumerate(rest, len(named) + 1):
        size += len(w.encode()) + 8  # the lexeme, its entry and one position
        if size > _TSVECTOR_BYTES:
            break
        parts.append(f"'{w}':{min(i, 16383)}")
    return " ".join(parts)


KEYS_SQL = (
    "SELECT d.ref, d.kind FROM search_keys k JOIN search_docs d ON d.rowid = k.rowid "
    "WHERE k.key >= ? AND k.key < ? ORDER BY k.key, k.rowid LIMIT ?"
)
FTS_SQL = (
    "SELECT d.ref, d.kind FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid "
    "WHERE search_fts MATCH ? ORDER BY bm25(search_fts, 10.0, 1.0) LIMIT ?"
)
PG_FTS_SQL = (
    "SELECT d.ref, d.kind FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid "
    "WHERE f.words @@ %s::tsquery ORDER BY ts_rank(f.words, %s::tsquery) DESC, d.rowid LIMIT %s"
)


def ranked_refs(conn: Connection, query: str, limit: int) -> list[tuple[str, str]]:
    """``(ref, kind)`` of the best matches for ``query``, best first (see the module doc)."""
    found = query_words(query)
    if not found:
        return []
    results: dict[str, str] = {}
    if len(found) == 1:
        prefix = found[0].replace(" ", "")  # groups of digits: names with their number
        sql = statement(conn, KEYS_SQL)
        for ref, kind in conn.execute(sql, (prefix, prefix + "\U0010ffff", limit * 2)):
            results.setdefault(ref, kind)
            if len(results) >= limit:
                return list(results.items())
    expression = _expression(found, is_postgres(conn))
    if is_postgres(conn):
        rows = conn.execute(PG_FTS_SQL, (expression, expression, limit + len(results)))
    else:
        rows = conn.execute(FTS_SQL, (expression, limit + len(results)))
    for ref, kind in rows:
        results.setdefault(ref, kind)
        if len(results) >= limit:
            break
    return list(results.items())


_ACCOUNTS_SQL = (
    "SELECT a.id, a.name, a.country, a.city FROM accounts a "
    "WHERE a.id IN ({ids}) AND a.deleted_at IS NULL"
)
_CONTACTS_SQL = (
    "SELECT c.id, c.given_name, c.family_name, c.name_order, c.country, c.city, a.id, a.name "
    "FROM contacts c JOIN accounts a ON a.id = c.account_id "
    "WHERE c.id IN ({ids}) AND c.deleted_at IS NULL AND a.deleted_at IS NULL"
)


def _is_cjk(text: str) -> bool:
    """Written in Han characters, kana or Hangul only (no Latin, no spaces)."""
    return _CJK.fullmatch(text) is not None


_CJK = re.compile(
    "[\u3040-\u30ff"  # hiragana, katakana
    "\u3400-\u9fff"  # CJK ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\uf900-\ufaff\U00020000-\U0002fa1f]+"
)


def display_name(given: str, family: str, order: str) -> str:
    """A contact's name in their own order (family first for, say, Japanese or Korean). A name
    written in Chinese characters, kana or Hangul is written without a space (王伟, 김민준)."""
    parts = [p for p in ([family, given] if order == "family_first" else [given, family]) if p]
    joiner = "" if len(parts) == 2 and all(_is_cjk(p) for p in parts) else " "
    return joiner.join(parts)


def name_title(given: str, family: str, order: str) -> str:
    """The folded title a contact is indexed under: its given and family names, and the name
    as :func:`display_name` shows it when that makes a word the parts do not have.

    A name shown joined (李磊, 박서연, 山田太郎: family and given name without a space) is one
    word to whoever types it, and to the tokenizers too (a run of ideographs, kana or Hangul
    is one token), while its parts are the words 李 and 磊. With the joined name indexed as a
    word of its own, the name is found as it is shown and by any prefix of it (李, 박서), and
    still by its parts in either order ("磊", "李 磊"). Names shown with spaces (Latin, Thai,
    Persian …) have no such word. Every name also has the other :func:`spellings` it may be
    typed as (Schaefer for Schäfer)."""
    parts = fold(" ".join(p for p in (given, family) if p))
    known = set(words(parts))
    shown = (
        []  # a name in ASCII is shown with a space between its parts: no word of its own
        if given.isascii() and family.isascii()
        else [w for w in words(fold(display_name(given, family, order))) if w not in known]
    )
    spelled = [w for part in (given, family) if part for w in spellings(part)]
    return " ".join([parts, *shown, *(w for w in dict.fromkeys(spelled) if w not in known)])


Row = tuple[str, str, str, str, str, str | None, str]
"""kind, id, title, subtitle, country, city, account_id"""


#: The shortest word of a query that also finds contacts by their account's name, in Ctrl+K
#: and the contact list: one or two letters match a third of every name already, and the
#: people of every account they start would push the names typed out of Ctrl+K's list and
#: double the contact list's work at each keystroke, for rows nobody reads through. Counted
#: in letters as :func:`_letters` counts them (山田, 삼성: two characters are four letters).
ACCOUNT_WORD = 3


def _letters(word: str) -> int:
    """How long ``word`` is as a start of names: a Chinese character, a kana or a Hangul
    syllable counts as two letters, since it says as much as two letters of an alphabet
    (a name of two: 山田, 삼성, 李磊, is a whole name; one is a family name that millions
    share)."""
    if word.isascii():
        return len(word)
    return len(word) + sum(1 for ch in word if _CJK.match(ch))


def finds_account_people(found: list[str]) -> bool:
    """Whether a query of the words ``found`` (:func:`query_words`) also finds the people of
    the accounts it names (:data:`ACCOUNT_WORD`)."""
    return max(map(_letters, found), default=0) >= ACCOUNT_WORD


#: The most words of a query split between a person's name and their account's name
#: (:func:`contacts_matching_sql`: two statements a word); a longer query is matched whole in
#: either. A name and the whole name of an account are often seven or eight words ("A.Ş." is
#: two).
SPLIT_WORDS = 12


#: The shortest word the person's part of a split needs (:func:`_splits`): a letter alone
#: starts a word of a third of all people, and looking them all up at each keystroke took
#: the contact list's filter half a second on 300,000 contacts (letters as :func:`_letters`
#: counts them).
PERSON_WORD = 2


def _splits(found: list[str]) -> list[tuple[list[str], list[str]]]:
    """The ways a query's words may be split into (the account's name, the person's own
    words): the first or the last words of the query name the account ("anadolu ayse",
    "ayse yilmaz anadolu tekstil"), with a word of :data:`ACCOUNT_WORD` letters, and the
    rest the person, with a word of :data:`PERSON_WORD`; or every word the account's name."""
    splits: list[tuple[list[str], list[str]]] = [(found, [])]
    if len(found) > SPLIT_WORDS:
        return splits
    for k in range(1, len(found)):
        for named, rest in ((found[:k], found[k:]), (found[k:], found[:k])):
            if finds_account_people(named) and max(map(_letters, rest)) >= PERSON_WORD:
                splits.append((named, rest))
    return splits


def contacts_matching_sql(
    postgres: bool, query: str, *, rowids: bool = False
) -> tuple[str, dict[str, str]]:
    """A statement of the ids of the contacts ``query`` finds, and its parameters: those whose
    own search document has every word of it; and, once a word has :data:`ACCOUNT_WORD`
    letters, those whose account's name has the first or the last words of it and whose own
    document has the others (:func:`_splits`). "anadolu" finds everyone at Anadolu Tekstil,
    "ayse anadolu" Ayşe there, "anadolu tekstil a" everyone there (a word of the account's
    city or notes does not count: a list of people shows their account's name).

    With ``rowids``, a statement of the rowids of those contacts' search documents (a column
    ``doc``), among those of other documents that match (:func:`ids_matching_sql`): for a
    caller that asks which of its contacts' documents are among them.

    The contact list's filter (:mod:`accountdesk.core.queries.lists`) and Ctrl+K
    (:func:`search_rows`) find people by this one rule. Contacts in the trash are the
    caller's to leave out. The query must have a word (:func:`match_expression`)."""
    found = list(dict.fromkeys(query_words(query)))
    own = ids_matching_sql(postgres, kind="contact", rowids=rowids)
    params = {"q": _expression(found, postgres)}
    if not finds_account_people(found):
        return own, params
    parts = [own]
    for n, (named, rest) in enumerate(_splits(found)):
        params[f"acc{n}"] = _expression(named, postgres)
        # the account's name alone: its city, industry or notes are not shown with a person
        accounts = ids_matching_sql(postgres, f"acc{n}", kind="account", names_only=True)
        if not rest:
            part = (
                f"SELECT m.id FROM ({accounts}) AS acc{n} "
                f"JOIN contacts m ON m.account_id = acc{n}.ref"
            )
        else:
            # from the people the other words find (a few): those at the accounts named
            params[f"own{n}"] = _expression(rest, postgres)
            theirs = ids_matching_sql(postgres, f"own{n}", kind="contact")
            part = (
                f"SELECT m.id FROM ({theirs}) AS own{n} JOIN contacts m ON m.id = own{n}.ref "
                f"WHERE m.account_id IN ({accounts})"
            )
        if rowids:
            part = (
                f"SELECT d.rowid AS doc FROM ({part}) AS people{n} "
                f"JOIN search_docs d ON d.ref = people{n}.id"
            )
        parts.append(part)
    # (a contact found twice is harmless: callers ask which ids are among these)
    sql = " UNION ALL ".join(f"SELECT * FROM ({part}) AS part{n}" for n, part in enumerate(parts))
    return sql, params


_PEOPLE_SQL = (
    "SELECT c.id, c.given_name, c.family_name, c.name_order, c.country, c.city "
    "FROM contacts c WHERE c.account_id = :account AND c.deleted_at IS NULL ORDER BY c.id"
)


def _account_people(conn: Connection, query: str, shown: list[Row], room: int) -> list[Row]:
    """Up to ``room`` people of the accounts among ``shown`` (live, in that order) that
    ``query`` matches by their name, not by a city or notes (as the contact list's filter:
    :func:`accountdesk.core.queries.lists.contact_ids`), each account's by family name as
    its page lists them (:func:`accountdesk.core.icu.person_order`); not those ``shown``
    already."""
    found = query_words(query)
    accounts = {row[1]: row for row in shown if row[0] == "account"}
    if room <= 0 or not accounts or not finds_account_people(found):
        return []
    postgres = is_postgres(conn)
    marks = ",".join(f":a{n}" for n in range(len(accounts)))
    named_sql = ids_matching_sql(postgres, kind="account", names_only=True)
    params: dict[str, object] = {f"a{n}": id_ for n, id_ in enumerate(accounts)}
    params["q"] = _expression(found, postgres)
    named_here = statement(conn, f"{named_sql} AND d.ref IN ({marks})")
    named = {ref for (ref,) in conn.execute(named_here, params)}
    seen = {row[1] for row in shown}
    people: list[Row] = []
    sql = statement(conn, _PEOPLE_SQL)
    # in the order of the user's language, as the account's page lists them (QtCore is
    # loaded only for a search that lists an account's people)
    from accountdesk.core.icu import person_order

    for account_id, account in accounts.items():
        if account_id not in named:
            continue
        found = conn.execute(sql, {"account": account_id}).fetchall()
        key = person_order((row[2], row[1], row[4]) for row in found)
        for id_, given, family, order, country, city in sorted(
            found, key=lambda row: key(row[2], row[1], row[4])
        ):
            if id_ not in seen:
                name = display_name(given, family, order)
                people.append(("contact", id_, name, account[2], country, city, account_id))
                seen.add(id_)
                if len(people) >= room:
                    return people
    return people


def search_rows(
    conn: Connection, query: str, limit: int, *, account_people: bool = True
) -> list[Row]:
    """The matches for ``query`` with what a result list shows, best first: the records it
    matches, then, while there is room, the people of the accounts it names (a rep who
    remembers "the buyer at Anadolu Tekstil" types "anadolu": the account, then its
    contacts, after every name that matches itself: :func:`_account_people`). Without
    ``account_people``, the records it matches only: a command that takes a person's name
    (``contact``, ``privacy erase``) must not take an account's name for one of its people."""
    ranked = ranked_refs(conn, query, limit)
    rows: dict[str, Row] = {}
    accounts = [ref for ref, kind in ranked if kind == "account"]
    contacts = [ref for ref, kind in ranked if kind == "contact"]
    if accounts:
        sql = statement(conn, _ACCOUNTS_SQL.format(ids=",".join("?" * len(accounts))))
        for id_, name, country, city in conn.execute(sql, accounts):
            subtitle = ", ".join(p for p in (city, country) if p)
            rows[id_] = ("account", id_, name, subtitle, country, city, id_)
    if contacts:
        sql = statement(conn, _CONTACTS_SQL.format(ids=",".join("?" * len(contacts))))
        for id_, given, family, order, country, city, account_id, account_name in conn.execute(
            sql, contacts
        ):
            name = display_name(given, family, order)
            rows[id_] = ("contact", id_, name, account_name, country, city, account_id)
    shown = [rows[ref] for ref, _kind in ranked if ref in rows]
    if not account_people:
        return shown
    shown += _account_people(conn, query, shown, limit - len(shown))
    return shown + _people_by_both(conn, query, shown, limit - len(shown))


_MATCHING_PEOPLE_SQL = (
    "SELECT c.id, c.given_name, c.family_name, c.name_order, c.country, c.city, a.id, a.name "
    "FROM contacts c JOIN accounts a ON a.id = c.account_id "
    "WHERE c.id IN ({matching}) AND c.deleted_at IS NULL AND a.deleted_at IS NULL "
    "ORDER BY coalesce(c.family_name, ''), c.given_name, c.id LIMIT :n"
)


def _people_by_both(conn: Connection, query: str, shown: list[Row], room: int) -> list[Row]:
    """Up to ``room`` people found by some words of ``query`` in their own name (or e-mail …)
    and by the others in their account's name (:func:`contacts_matching_sql`: "ayse anadolu"),
    by family name; not those ``shown`` already. Only for a query of several words: one word
    finds them as the records it matches and the people of the accounts it names. When more
    than ``room`` match, SQL's order picks which (a query that finds so many people is typed
    further); those shown are in the order of the user's language."""
    found = query_words(query)
    if room <= 0 or len(found) < 2 or not finds_account_people(found):
        return []
    matching, params = contacts_matching_sql(is_postgres(conn), query)
    seen = {row[1] for row in shown}
    sql = statement(conn, _MATCHING_PEOPLE_SQL.format(matching=matching))
    matched: list[tuple[Any, ...]] = [
        tuple(row)
        for row in conn.execute(sql, {**params, "n": room + len(seen)})
        if row[0] not in seen
    ][:room]
    if len(matched) > 1:  # shown in the order of the user's language
        from accountdesk.core.icu import person_order

        key = person_order((row[2], row[1], row[4]) for row in matched)
        matched.sort(key=lambda row: key(row[2], row[1], row[4]))
    return [
        ("contact", id_, display_name(given, family, order), account_name, country, city, account)
        for id_, given, family, order, country, city, account, account_name in matched
    ]
