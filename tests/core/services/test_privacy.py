"""GDPR: exporting everything about a person, and erasing them so that no byte of theirs stays in
the database file, its write-ahead log, its shared-memory file or any backup."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from accountdesk.core import paths, settings
from accountdesk.core.db import crypto
from accountdesk.core.db.backup import backup_folder, backup_root, make_backup
from accountdesk.core.db.engine import Database, backup_sqlite, open_database
from accountdesk.core.db.fts import fold
from accountdesk.core.db.models import Base, Interaction, Tag
from accountdesk.core.db.schema import SQLITE_HEADER
from accountdesk.core.errors import NotFoundError
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput, ContactInput, ImportantDateInput
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import (
    GiftInput,
    InteractionInput,
    SurveyInput,
    log_interaction,
    save_gift,
    save_note,
    save_survey,
)
from accountdesk.core.services.followups import FollowUpInput, schedule
from accountdesk.core.services.privacy import (
    erase_contact,
    export_contact,
    subject_name,
    summary_path,
    write_export,
)

WHEN = datetime(2026, 5, 4, 9, tzinfo=UTC)
PASS = "correct horse battery"

#: One word of the person in every field AccountDesk stores about them, as it is written.
PERSON = {
    "given_name": "Žirqavel",
    "family_name": "Qoblentrax",
    "honorific": "Qhonorvex",
    "job_title": "Qjobtitlex",
    "email": "qmailvortex@qexample.org",
    "phone": "+371 2914 7730",
    "city": "Qcityvanx",
    "personal_notes": "Qnotesyllab",
    "how_we_met": "Qhowmetzor",
    "tag": "qtagzephyr",
    "date_label": "Qdatelabelx",
    "subject": "Qsubjectrune",
    "interaction_notes": "Qinternotex",
    "outcome": "Qoutcomex",
    "follow_up": "Qfollowtitlex",
    "follow_up_notes": "Qfollownotex",
    "survey": "Qsurveycommentx",
    "gift": "Qgiftdescx",
    "occasion": "Qoccasionx",
    "gift_notes": "Qgiftnotex",
    "note": "Qnotebodyx",
    "trashed_note": "Qtrashednotex",
    "old_version": "Qoldversionx",  # written before secure_delete, left in free space
}
#: What to look for in raw bytes: every word as written and as the search index folds it
#: ("zirqavel" for "Žirqavel"; the phone's digits without "+" or spaces).
FORMS = {
    word: sorted({word.encode(), fold(word).encode()})
    for word in [w for w in PERSON.values() if " " not in w] + ["29147730"]
}
#: Words that are indexed for search, so their folded form is in the index's segments.
INDEXED = ["zirqavel", "qoblentrax", "qmailvortex", "qcityvanx", "qjobtitlex", "qtagzephyr"]


def _person(db: Database, account: str) -> str:
    p = PERSON
    return create_contact(
        db,
        ContactInput(
            account_id=account,
            given_name=p["given_name"],
            family_name=p["family_name"],
            honorific=p["honorific"],
            job_title=p["job_title"],
            emails=[p["email"]],
            phones=[p["phone"]],
            country="LV",
            city=p["city"],
            timezone="Europe/Riga",
            # long enough to spill into overflow pages
            personal_notes=" ".join([p["personal_notes"], "likes long walks."] * 300),
            how_we_met=p["how_we_met"],
            lawful_basis="consent",
            consent_given_on="2025-01-10",
            tags=[p["tag"], "customer"],
            important_dates=[
                ImportantDateInput("birthday", 3, 15, 1980),
                ImportantDateInput("custom", 5, 17, label=p["date_label"]),
            ],
        ),
    )


def _world(db: Database) -> dict[str, str]:
    """An account, the person with unique words in every field and a record of every kind,
    and two other people (one shares a meeting with the person)."""
    account = create_account(
        db, AccountInput(name="Baltic Timber", country="LV", timezone="Europe/Riga")
    )
    others = [
        create_contact(
            db,
            ContactInput(
                account_id=account,
                given_name=given,
                family_name="Ozola",
                country="LV",
                timezone="Europe/Riga",
                emails=[f"{given.lower()}@timber.example"],
                personal_notes="prefers mornings",
                tags=["customer"],
            ),
        )
        for given in ("Anna", "Ilze")
    ]
    person = _person(db, account)
    p = PERSON
    log_interaction(
        db,
        InteractionInput(
            kind="call", occurred_at=WHEN, contact_ids=[person], subject=p["subject"],
            notes=p["interaction_notes"], outcome=p["outcome"],
        ),
    )  # fmt: skip
    log_interaction(
        db,
        InteractionInput(
            kind="meeting", occurred_at=WHEN, contact_ids=[person, others[0]],
            subject="Quarterly review",
        ),
    )  # fmt: skip
    schedule(
        db,
        FollowUpInput(person, p["follow_up"], datetime(2026, 6, 1, 10), notes=p["follow_up_notes"]),
    )
    save_survey(
        db,
        SurveyInput(
            account_id=account, contact_id=person, kind="nps", score=9,
            answered_on="2026-06-01", comment=p["survey"],
        ),
    )  # fmt: skip
    save_gift(
        db,
        GiftInput(
            account_id=account, contact_id=person, direction="given", description=p["gift"],
            given_on="2026-04-01", occasion=p["occasion"], notes=p["gift_notes"],
        ),
    )  # fmt: skip
    save_note(db, p["note"], contact_id=person)
    trash.delete(db, "note", save_note(db, p["trashed_note"], contact_id=person))
    return {"account": account, "person": person, "anna": others[0], "ilze": others[1]}


def _edit_long_ago(path: Path, person: str) -> None:
    """Change and change back a field the way a version without secure_delete did: the old
    text stays in the page's free space (the erase must still remove it)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA secure_delete=OFF")
        for value in (f"{PERSON['old_version']} at a fair", PERSON["how_we_met"]):
            conn.execute("UPDATE contacts SET how_we_met = ? WHERE id = ?", (value, person))
            conn.commit()
    finally:
        conn.close()


def _files(db_path: Path, *roots: Path) -> list[Path]:
    """The database file, its -wal and -shm, and every file under the backup folders
    (``roots``; the data folder's when none is named)."""
    own = [Path(f"{db_path}{suffix}") for suffix in ("", "-wal", "-shm")]
    backups = sorted(
        {p for root in roots or (paths.backup_dir(),) for p in root.rglob("*") if p.is_file()}
    )
    return [p for p in own if p.exists()] + backups


def _hits(files: list[Path]) -> dict[str, list[str]]:
    """For each file, the person's words found in its bytes (in any of their forms)."""
    found: dict[str, list[str]] = {}
    for path in files:
        data = path.read_bytes()
        hits = [word for word, forms in FORMS.items() if any(f in data for f in forms)]
        if hits:
            found[path.name] = hits
    return found


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def crm(tmp_path: Path, home: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "crm.db")
    yield database
    database.close()


@pytest.mark.parametrize("kind", ["plain", "encrypted", "read-only"])
def test_every_connection_overwrites_what_it_deletes(crm: Database, kind: str) -> None:
    assert crm.path is not None
    db = crm
    if kind == "encrypted":
        crm.close()
        crypto.encrypt_file(crm.path, PASS, WHEN)
        db = open_database(crm.path, passphrase=PASS)
        assert db.passphrase == PASS
    elif kind == "read-only":
        db = open_database(crm.path, read_only=True)
    try:
        with db.engine.connect() as first, db.engine.connect() as second:
            assert first.connection.driver_connection is not second.connection.driver_connection
            assert first.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
            assert second.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    finally:
        db.close()


def test_export_holds_every_record_about_the_person(crm: Database, tmp_path: Path) -> None:
    ids = _world(crm)
    data = export_contact(crm, ids["person"])
    assert data["contact"]["given_name"] == "Žirqavel"
    assert data["contact"]["emails"] == [{"label": "work", "value": PERSON["email"]}]
    assert data["account"]["name"] == "Baltic Timber"
    assert sorted(data["tags"]) == ["customer", "qtagzephyr"]
    assert {d["label"] for d in data["important_dates"]} == {None, "Qdatelabelx"}
    assert {i["subject"] for i in data["interactions"]} == {"Qsubjectrune", "Quarterly review"}
    assert [f["title"] for f in data["follow_ups"]] == ["Qfollowtitlex"]
    assert [s["comment"] for s in data["survey_responses"]] == ["Qsurveycommentx"]
    assert [g["description"] for g in data["gifts"]] == ["Qgiftdescx"]
    notes = {n["body"]: n["deleted_at"] for n in data["notes"]}
    assert notes.keys() == {"Qnotebodyx", "Qtrashednotex"}  # the trash is stored data too
    assert notes["Qtrashednotex"] is not None
    # every table that points at a contact has its section (a new one cannot be forgotten)
    pointing = {
        table.name
        for table in Base.metadata.sorted_tables
        for fk in table.foreign_keys
        if fk.column.table.name == "contacts"
    }
    sections = {"interaction_participants": "interactions", "contact_tags": "tags"}
    for name in pointing:
        assert sections.get(name, name) in data, name

    target = tmp_path / "out" / "zirqavel.json"
    target.parent.mkdir()
    target.write_text("an older export, world-readable", encoding="utf-8")
    target.chmod(0o644)
    umask = os.umask(0o022)
    try:
        files = write_export(crm, ids["person"], target)
    finally:
        os.umask(umask)
    assert files.json == target
    assert files.pdf == tmp_path / "out" / "zirqavel.pdf" == summary_path(target)
    assert json.loads(target.read_text(encoding="utf-8")) == {
        **data,
        "exported_at": json.loads(target.read_text(encoding="utf-8"))["exported_at"],
    }
    assert "Žirqavel" in target.read_text(encoding="utf-8")  # written as it is, not \\u017d
    assert files.pdf.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in target.parent.iterdir()) == ["zirqavel.json", "zirqavel.pdf"]
    if os.name == "posix":  # personal data: readable by the user alone, whatever the umask
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert stat.S_IMODE(files.pdf.stat().st_mode) == 0o600
    if shutil.which("pdftotext"):
        shown = subprocess.run(
            ["pdftotext", str(files.pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        # whom it is about, by the name as stored (the form of address alone left out the
        # given name), and how they are addressed
        assert "Personal data held about Žirqavel Qoblentrax" in shown
        assert "Qhonorvex" in shown
        assert "qmailvortex@qexample.org" in shown
        assert "zirqavel.json" in shown


def test_summary_path_never_overwrites_the_export() -> None:
    assert summary_path(Path("/x/anna.json")) == Path("/x/anna.pdf")
    assert summary_path(Path("/x/anna")) == Path("/x/anna.pdf")
    assert summary_path(Path("/x/anna.pdf")) == Path("/x/anna.pdf.pdf")


def test_erase_removes_the_rows_and_keeps_everyone_else(crm: Database) -> None:
    ids = _world(crm)
    erasure = erase_contact(crm, ids["person"])
    assert erasure.name == "Žirqavel Qoblentrax"
    assert erasure.problems() == []
    assert erasure.done() == ["Žirqavel Qoblentrax was erased for good."]
    with pytest.raises(NotFoundError):
        export_contact(crm, ids["person"])
    with pytest.raises(NotFoundError):
        subject_name(crm, ids["person"])
    with pytest.raises(NotFoundError):
        erase_contact(crm, ids["person"])
    with crm.reader() as s:
        assert list(s.scalars(select(Interaction.subject))) == ["Quarterly review"]
        for table in Base.metadata.sorted_tables:
            if "contact_id" in table.c:
                left = s.scalar(
                    select(func.count())
                    .select_from(table)
                    .where(table.c.contact_id == ids["person"])
                )
                assert left == 0, table.name
        for table in ("gifts", "survey_responses"):  # not kept without them either
            assert s.scalar(text(f"SELECT count(*) FROM {table}")) == 0
        assert set(s.scalars(select(Tag.name))) == {"customer"}  # theirs alone went
    assert search(crm, "zirqavel") == []
    assert search(crm, "qtagzephyr") == []
    assert [h.title for h in search(crm, "ozola")] == ["Anna Ozola", "Ilze Ozola"]
    anna = export_contact(crm, ids["anna"])
    assert [i["subject"] for i in anna["interactions"]] == ["Quarterly review"]


@pytest.mark.parametrize("where", ["data folder", "chosen folder"])
def test_erase_leaves_no_byte_of_the_person_in_any_file(
    crm: Database, tmp_path: Path, home: Path, where: str
) -> None:
    assert crm.path is not None
    chosen = tmp_path / "usb" / "AccountDesk backups"
    if where == "chosen folder":  # the backup.folder setting: backups live there instead
        settings.put(crm, "backup.folder", str(chosen))
    root = backup_root(crm)
    assert root == (chosen if where == "chosen folder" else home / "backups")
    ids = _world(crm)
    _edit_long_ago(crm.path, ids["person"])
    # the desktop app keeps its own connections open meanwhile
    app = open_database(crm.path)
    assert [h.title for h in search(app, "zirqavel")] == ["Žirqavel Qoblentrax"]
    idle = sqlite3.connect(crm.path)
    assert idle.execute("SELECT count(*) FROM contacts").fetchone() == (3,)
    backup = make_backup(crm).path
    assert backup.is_relative_to(root)
    # a copy kept before an upgrade, in a folder of its own
    old_copy = backup_sqlite(crm.path, root / "f00d" / "crm-before-migration.db")
    # a backup of another database, without the person: left as it is
    other = open_database(tmp_path / "other.db")
    if where == "chosen folder":
        settings.put(other, "backup.folder", str(chosen))
    create_account(other, AccountInput(name="Elsewhere", country="LV", timezone="Europe/Riga"))
    unrelated = make_backup(other).path
    assert unrelated.is_relative_to(root)
    other.close()
    unrelated_bytes = unrelated.read_bytes()
    # one more write after the backups: the -wal holds the person in clear now
    save_note(crm, "Qnotebodyx, once more", contact_id=ids["person"])

    before = tmp_path / "before"
    before.mkdir()
    copies: dict[Path, Path] = {}
    for path in _files(crm.path, root, home):
        copies[path] = before / f"{len(copies)}-{path.name}"
        shutil.copyfile(path, copies[path])

    def words_before(*originals: Path) -> set[str]:
        found = _hits([copies[p] for p in originals])
        return {word for hits in found.values() for word in hits}

    # the grep works: every word is in the database and its log, and in each backup
    own = [p for p in copies if p.name.startswith("crm.db")]
    assert words_before(*own) == FORMS.keys()
    assert words_before(Path(f"{crm.path}-wal"))
    assert words_before(backup) == FORMS.keys()
    assert words_before(old_copy) == FORMS.keys()
    database = b"".join(copies[p].read_bytes() for p in own)
    assert all(word.encode() in database for word in INDEXED)  # the index's own words

    erasure = erase_contact(crm, ids["person"])

    assert erasure.log_emptied
    assert erasure.backups_left == []
    assert sorted(erasure.backups_cleaned) == sorted([backup, old_copy])
    after = _files(crm.path, root, home)
    assert Path(f"{crm.path}-wal") in after  # still open elsewhere: emptied, not gone
    assert Path(f"{crm.path}-wal").stat().st_size == 0
    assert {backup, old_copy, unrelated} <= set(after)
    assert _hits(after) == {}
    assert unrelated.read_bytes() == unrelated_bytes
    # the other connections go on, without the person, and the backups still hold the rest
    assert search(app, "zirqavel") == []
    assert [h.title for h in search(app, "ozola")] == ["Anna Ozola", "Ilze Ozola"]
    assert idle.execute("SELECT count(*) FROM contacts").fetchone() == (2,)
    for backup in erasure.backups_cleaned:
        check = sqlite3.connect(backup)
        try:
            # still a copy's rollback journal, not the app's WAL: reading it before a restore
            # leaves no -wal or -shm beside it
            assert check.execute("PRAGMA journal_mode").fetchone() == ("delete",)
            assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            names = check.execute("SELECT given_name FROM contacts ORDER BY 1").fetchall()
            assert names == [("Anna",), ("Ilze",)]
        finally:
            check.close()
    idle.close()
    app.close()
    assert _hits(_files(crm.path, root, home)) == {}


def test_a_reader_that_keeps_the_log_is_reported(crm: Database) -> None:
    ids = _world(crm)
    assert crm.path is not None
    with crm.engine.connect() as conn:  # the pool gives this connection to the erase
        conn.exec_driver_sql("PRAGMA busy_timeout=50")
        conn.rollback()
    reader = sqlite3.connect(crm.path, isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM contacts").fetchone()  # a snapshot from before
        erasure = erase_contact(crm, ids["person"])
    finally:
        reader.close()
    assert not erasure.log_emptied
    [problem] = erasure.problems()
    assert "write-ahead log still holds old pages" in problem
    with pytest.raises(NotFoundError):
        export_contact(crm, ids["person"])


def test_a_backup_that_cannot_be_opened_is_listed(crm: Database) -> None:
    ids = _world(crm)
    assert crm.path is not None
    newer = paths.backup_dir() / "crm-backup-newer.db"
    backup_sqlite(crm.path, newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")  # from a newer AccountDesk
    conn.commit()
    conn.close()
    # a copy of this database that cannot be looked into (damaged from its first page)
    folder = backup_folder(crm)
    assert folder is not None
    sealed = folder / "20260101T000000Z-manual-schema0001.db"
    sealed.parent.mkdir()
    sealed.write_bytes(bytes(range(256)) * 16)
    # the same in another database's folder is that database's (its own passphrase, say)
    theirs = paths.backup_dir() / "f00d" / "20260101T000000Z-manual-schema0001.db"
    theirs.parent.mkdir()
    theirs.write_bytes(bytes(range(256)) * 16)
    (paths.backup_dir() / "notes.txt").write_text("not a backup", encoding="utf-8")
    erasure = erase_contact(crm, ids["person"])
    assert erasure.backups_left == [sealed, newer]  # in path order
    assert erasure.backups_cleaned == []
    assert erasure.problems() == [
        f"These backups may hold them and could not be cleaned; delete them: {sealed}, {newer}"
    ]


# --- an encrypted database ----------------------------------------------------------------


def _decrypted(path: Path, key: str, into: Path) -> Path:
    """A plain copy of what the encrypted file ``path`` holds (SQLCipher's export), to look
    for the person's words in its bytes."""
    target = into / f"{path.name}.plain"
    conn = crypto.connect(path, key)
    try:
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    return target


@pytest.mark.skipif(not crypto.available(), reason="SQLCipher is not installed here")
def test_erase_on_an_encrypted_database_cleans_its_encrypted_backups(
    crm: Database, tmp_path: Path, home: Path
) -> None:
    assert crm.path is not None
    path = crm.path
    ids = _world(crm)
    crm.close()
    converted = crypto.encrypt_file(path, PASS, WHEN)  # its copy from before is plain
    db = open_database(path, passphrase=PASS)
    try:
        encrypted_backup = make_backup(db).path
        save_note(db, "Qnotebodyx, once more", contact_id=ids["person"])  # in the -wal
        folder = backup_folder(db)
        assert folder is not None and converted.backup.parent == encrypted_backup.parent == folder
        sealed = {path, Path(f"{path}-wal"), encrypted_backup}
        assert all(p.exists() for p in sealed)

        before = tmp_path / "before"
        before.mkdir()
        copies = {p: Path(shutil.copy(p, before / f"{n}-{p.name}")) for n, p in enumerate(sealed)}
        # Encrypted files hold no plaintext: the grep finds nothing in their raw bytes, before
        # the erase too; decrypted, the same grep finds the person (so it can fail).
        assert _hits(list(copies.values())) == {}
        assert all(p.read_bytes()[:16] != SQLITE_HEADER for p in copies.values())
        found = _hits([_decrypted(copies[encrypted_backup], PASS, before)])
        assert found == {
            f"{copies[encrypted_backup].name}.plain": sorted(
                FORMS.keys() - {PERSON["old_version"]}, key=list(FORMS).index
            )
        }
        assert _hits([converted.backup])  # the plain copy from before the encryption

        erasure = erase_contact(db, ids["person"])

        assert erasure.problems() == []
        assert sorted(erasure.backups_cleaned) == sorted([converted.backup, encrypted_backup])
        assert search(db, "zirqavel") == []
        assert [h.title for h in search(db, "ozola")] == ["Anna Ozola", "Ilze Ozola"]
        after = _files(path, home)
        assert _hits(after) == {}
        assert encrypted_backup.read_bytes()[:16] != SQLITE_HEADER  # still encrypted
        assert crypto.opens(encrypted_backup, PASS)
        plain_copies = tmp_path / "after"
        plain_copies.mkdir()
        for encrypted in (path, encrypted_backup):
            assert _hits([_decrypted(encrypted, PASS, plain_copies)]) == {}
        with db.engine.connect() as conn:  # the -wal was emptied
            conn.rollback()
        assert Path(f"{path}-wal").stat().st_size == 0
    finally:
        db.close()


@pytest.mark.skipif(not crypto.available(), reason="SQLCipher is not installed here")
def test_a_backup_under_an_earlier_passphrase_is_listed(crm: Database, home: Path) -> None:
    assert crm.path is not None
    path = crm.path
    ids = _world(crm)
    crm.close()
    crypto.encrypt_file(path, PASS, WHEN)
    db = open_database(path, passphrase=PASS)
    old_key_backup = make_backup(db).path
    db.close()
    rekeyed = crypto.rekey_file(path, PASS, "a newer passphrase", WHEN)  # keeps the old key
    db = open_database(path, passphrase="a newer passphrase")
    try:
        erasure = erase_contact(db, ids["person"])
    finally:
        db.close()
    assert sorted(erasure.backups_left) == sorted([old_key_backup, rekeyed.backup])
    assert len(erasure.backups_cleaned) == 1  # the plain copy taken before the encryption
    [problem] = erasure.problems()
    assert problem.startswith("These backups may hold them and could not be cleaned; delete them")
