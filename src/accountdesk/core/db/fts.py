"""Search text and statements, on a plain DB-API (sqlite3) connection, without SQLAlchemy.

Text is *folded* before it is indexed and before it is searched, the same way on both sides
(:func:`fold`). Two structures answer a query:

- ``search_keys``: one row per word of a name (folded), under a B-tree index. A query of one
  word is first answered here: names with a word that starts with it, in alphabetical order of
  that word. This is what typing a few letters should show, and it stays fast for one letter
  over 400,000 names.
- ``search_fts`` (FTS5): names, e-mails, phones, cities, tags and notes. Used for queries of
  several words, and to fill the list when names alone give fewer than asked for; ranked by
  BM25 with names weighted ten times the rest.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from functools import lru_cache

SEARCH_DDL = (
    "CREATE TABLE search_docs (rowid INTEGER PRIMARY KEY, ref TEXT NOT NULL UNIQUE,"
    " kind TEXT NOT NULL)",
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, "
    "tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* Co Mn Mc'\", prefix = '2 3')",
    "CREATE TABLE search_keys (rowid INTEGER NOT NULL, key TEXT NOT NULL)",
    "CREATE INDEX ix_search_keys_key ON search_keys (key, rowid)",
    "CREATE INDEX ix_search_keys_rowid ON search_keys (rowid)",
)
SEARCH_TABLES = ("search_keys", "search_fts", "search_docs")

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
        "\u200c": " ",  # ZWNJ separates the parts of a Persian compound: search them apart
        "\u200d": None,
    }
)


def _is_arabic_vowel_mark(ch: str) -> bool:
    return "\u064b" <= ch <= "\u065f" or ch == "\u0670"


def fold(value: str) -> str:
    """The searchable form of ``value``.

    Case-folded; accents on Latin, Greek and Cyrillic letters removed; letters that are not
    accented forms mapped by hand (Turkish ı, ø, ł, đ, æ …); Arabic-script variants unified
    (Arabic yeh and kaf to the Persian forms, no tatweel or short vowels). Thai and other marks
    stay. So "yilmaz" finds "Yılmaz", "zagar" finds "Žagar", and Thai and Persian are found as
    typed.
    """
    if value.isascii():
        return value.lower()
    return " ".join(_fold_word(word) for word in value.split())


@lru_cache(maxsize=65536)
def _fold_word(value: str) -> str:
    # Names repeat a lot (given and family names), so words are folded once and remembered.
    if value.isascii():
        return value.lower()
    value = value.casefold().translate(_LETTERS)
    decomposed = unicodedata.normalize("NFKD", value)
    out: list[str] = []
    base = " "
    for ch in decomposed:
        if unicodedata.combining(ch):
            if ord(base) < 0x0530 or _is_arabic_vowel_mark(ch):
                continue  # an accent on a Latin/Greek/Cyrillic letter, or an Arabic short vowel
        else:
            base = ch
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)).translate(_LETTERS)


_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")


def words(folded: str) -> list[str]:
    """The words of folded text, as the FTS5 tokenizer sees them (letters, digits, marks)."""
    if folded.isascii():  # most folded names: ASCII letters and digits are the whole rule
        return _ASCII_WORD.findall(folded)
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


def title_keys(folded_title: str) -> list[str]:
    """The distinct words of a folded name, for the ``search_keys`` index."""
    return list(dict.fromkeys(words(folded_title)))


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression: every folded word of ``query`` as a prefix, all required."""
    found = words(fold(query))
    if not found:
        return None
    return " ".join(f'"{w}"*' for w in found)


KEYS_SQL = (
    "SELECT d.ref, d.kind FROM search_keys k JOIN search_docs d ON d.rowid = k.rowid "
    "WHERE k.key >= ? AND k.key < ? ORDER BY k.key, k.rowid LIMIT ?"
)
FTS_SQL = (
    "SELECT d.ref, d.kind FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid "
    "WHERE search_fts MATCH ? ORDER BY bm25(search_fts, 10.0, 1.0) LIMIT ?"
)


def ranked_refs(conn: sqlite3.Connection, query: str, limit: int) -> list[tuple[str, str]]:
    """``(ref, kind)`` of the best matches for ``query``, best first (see the module doc)."""
    found = words(fold(query))
    if not found:
        return []
    results: dict[str, str] = {}
    if len(found) == 1:
        prefix = found[0]
        for ref, kind in conn.execute(KEYS_SQL, (prefix, prefix + "\U0010ffff", limit * 2)):
            results.setdefault(ref, kind)
            if len(results) >= limit:
                return list(results.items())
    expression = " ".join(f'"{w}"*' for w in found)
    for ref, kind in conn.execute(FTS_SQL, (expression, limit + len(results))):
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
    return bool(text) and all(
        0x3040 <= ord(c) <= 0x30FF  # hiragana, katakana
        or 0x3400 <= ord(c) <= 0x9FFF  # CJK ideographs
        or 0xAC00 <= ord(c) <= 0xD7AF  # Hangul syllables
        or 0xF900 <= ord(c) <= 0xFAFF
        or 0x20000 <= ord(c) <= 0x2FA1F
        for c in text
    )


def display_name(given: str, family: str, order: str) -> str:
    """A contact's name in their own order (family first for, say, Japanese or Korean). A name
    written in Chinese characters, kana or Hangul is written without a space (王伟, 김민준)."""
    parts = [p for p in ([family, given] if order == "family_first" else [given, family]) if p]
    joiner = "" if len(parts) == 2 and all(_is_cjk(p) for p in parts) else " "
    return joiner.join(parts)


Row = tuple[str, str, str, str, str, str | None, str]
"""kind, id, title, subtitle, country, city, account_id"""


def search_rows(conn: sqlite3.Connection, query: str, limit: int) -> list[Row]:
    """The matches for ``query`` with what a result list shows, best first."""
    ranked = ranked_refs(conn, query, limit)
    rows: dict[str, Row] = {}
    accounts = [ref for ref, kind in ranked if kind == "account"]
    contacts = [ref for ref, kind in ranked if kind == "contact"]
    if accounts:
        sql = _ACCOUNTS_SQL.format(ids=",".join("?" * len(accounts)))
        for id_, name, country, city in conn.execute(sql, accounts):
            subtitle = ", ".join(p for p in (city, country) if p)
            rows[id_] = ("account", id_, name, subtitle, country, city, id_)
    if contacts:
        sql = _CONTACTS_SQL.format(ids=",".join("?" * len(contacts)))
        for id_, given, family, order, country, city, account_id, account_name in conn.execute(
            sql, contacts
        ):
            name = display_name(given, family, order)
            rows[id_] = ("contact", id_, name, account_name, country, city, account_id)
    return [rows[ref] for ref, _kind in ranked if ref in rows]
