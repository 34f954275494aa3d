"""The title a contact is indexed under (fts.name_title): its parts, and the name as shown
when it is written joined (李磊); other names keep their parts alone. Migration 0006 rebuilds
an index made before, and a rebuild gives the index the writers gave."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from accountdesk.core.db import search as search_index
from accountdesk.core.db.engine import SCHEMA_HEAD, Database, open_database, schema_revision
from accountdesk.core.db.fts import display_name, fold, name_title, spellings, title_keys, words
from accountdesk.core.demo import generate
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact


@pytest.mark.parametrize(
    ("given_name", "family", "order", "title"),
    [
        ("磊", "李", "family_first", "磊 李 李磊"),
        ("서연", "박", "family_first", "서연 박 박서연"),
        ("太郎", "山田", "family_first", "太郎 山田 山田太郎 郎 田"),  # words inside the parts
        ("はなこ", "山田", "family_first", "はなこ 山田 山田はなこ なこ こ 田"),
        ("磊", "李", "given_first", "磊 李 磊李"),  # shown given first: found so
        ("李磊", "", "family_first", "李磊 磊"),  # one part: nothing joined; 磊 inside it
        ("Taro", "Yamada", "family_first", "taro yamada"),
        ("Lei", "Li", "given_first", "lei li"),
        ("Anna", "Nagy", "family_first", "anna nagy"),
        ("Ayşe", "Yılmaz", "given_first", "ayse yilmaz"),
        ("สมชาย", "ใจดี", "given_first", "สมชาย ใจดี ชาย ดี"),  # words inside a Thai run
        ("علی", "رضایی", "given_first", "علی رضایی"),
        ("محمد\u200cرضا", "رضایی", "given_first", "محمدرضا رضایی محمد رضا"),  # ZWNJ or not
        ("Maria", "de la Cruz", "given_first", "maria de la cruz delacruz"),  # written together
        ("Jürgen", "Schäfer", "given_first", "jurgen schafer juergen schaefer"),
        ("Ken", "山田", "family_first", "ken 山田 田"),  # mixed scripts are shown with a space
    ],
)
def test_the_title_of_a_name(given_name: str, family: str, order: str, title: str) -> None:
    assert name_title(given_name, family, order) == title


NAMES = st.text(
    alphabet=st.sampled_from("李王磊伟太郎山田はなこ박서연김 abcÅşสมชายعلیرضا\u200c-"), max_size=6
)


@settings(max_examples=200)
@given(NAMES, NAMES, st.sampled_from(["given_first", "family_first"]))
def test_every_word_shown_is_a_key_and_other_names_are_unchanged(
    given_name: str, family: str, order: str
) -> None:
    title = name_title(given_name, family, order)
    keys = set(title_keys(title))
    parts = fold(" ".join(p for p in (given_name, family) if p))
    assert set(words(fold(display_name(given_name, family, order)))) <= keys
    assert set(words(parts)) <= keys
    if " " in display_name(given_name, family, order) or not (given_name and family):
        # the words of the parts are all the shown name has, with their other spellings
        assert title.startswith(parts)
        extra = set(words(title)) - set(words(parts))
        assert extra <= set(spellings(given_name)) | set(spellings(family))


def _add_people(db: Database) -> dict[str, str]:
    account = create_account(db, AccountInput(name="Pacific Trade", country="SG"))
    people = {
        "李磊": ("磊", "李", "CN", "Asia/Shanghai"),
        "박서연": ("서연", "박", "KR", "Asia/Seoul"),
        "山田太郎": ("太郎", "山田", "JP", "Asia/Tokyo"),
    }
    return {
        shown: create_contact(
            db,
            ContactInput(
                account_id=account,
                given_name=given_name,
                family_name=family,
                name_order="family_first",
                country=country,
                timezone=zone,
            ),
        )
        for shown, (given_name, family, country, zone) in people.items()
    }


def test_an_index_made_before_0006_is_rebuilt_by_the_upgrade(
    db: Database, database_target: str
) -> None:
    ids = _add_people(db)
    # the index as the app made it before: the parts of a name only
    with db.transaction() as session:
        conn = session.connection()
        for ref, given_name, family in conn.execute(
            text("SELECT id, given_name, family_name FROM contacts")
        ):
            old = search_index.Document(ref, "contact", fold(f"{given_name} {family}"), "")
            search_index.index_documents(conn, [old])
        conn.execute(text("UPDATE alembic_version SET version_num = '0005'"))
    assert search(db, "李磊") == [] and search(db, "박서") == []
    db.close()
    upgraded = open_database(database_target)
    try:
        assert schema_revision(upgraded) == SCHEMA_HEAD
        for shown, ref in ids.items():
            assert [h.id for h in search(upgraded, shown)] == [ref]
        assert [h.title for h in search(upgraded, "박서")] == ["박서연"]
    finally:
        upgraded.close()


def _index(db: Database) -> dict[str, tuple[str, frozenset[str], frozenset[str]]]:
    """Per document: its kind, its name keys and every word it is found by."""
    found: dict[str, tuple[str, frozenset[str], frozenset[str]]] = {}
    if db.is_postgres:
        words_sql = (
            "SELECT d.ref, array_to_string(tsvector_to_array(f.words), ' ') "
            "FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid"
        )
    else:
        words_sql = (
            "SELECT d.ref, f.title || ' ' || f.body "
            "FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid"
        )
    with db.engine.connect() as conn:
        keys: dict[str, set[str]] = {}
        for ref, key in conn.execute(
            text("SELECT d.ref, k.key FROM search_keys k JOIN search_docs d ON d.rowid = k.rowid")
        ):
            keys.setdefault(ref, set()).add(key)
        kinds = dict(conn.execute(text("SELECT ref, kind FROM search_docs")).all())
        for ref, all_words in conn.execute(text(words_sql)):
            found[ref] = (kinds[ref], frozenset(keys.get(ref, ())), frozenset(words(all_words)))
        conn.rollback()
    return found


def test_a_rebuild_gives_the_index_the_writers_gave(db: Database) -> None:
    """The demo's bulk writer and the services' hook index every field; a rebuild reads only
    ACCOUNT_COLUMNS and CONTACT_COLUMNS, and must not miss one of them."""
    generate(db, accounts=12, seed=5)
    _add_people(db)
    before = _index(db)
    assert any("李磊" in keys for _kind, keys, _words in before.values())
    with db.transaction() as session:
        assert search_index.rebuild(session.connection()) == len(before)
    assert _index(db) == before
