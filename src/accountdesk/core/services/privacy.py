"""GDPR: everything about one contact (access and portability), and erasing a contact for good.

Exporting writes every record about the person as JSON and a short PDF summary beside it
(:func:`write_export`). Erasing (:func:`erase_contact`) leaves no trace of them in the files
AccountDesk keeps:

- their rows go, with what refers to them: dates, follow-ups, notes, survey answers, gifts,
  interactions they were the only participant of (shared ones stay without them) and tags
  nobody else has; the records that are not theirs are not rewritten (nor redacted), so
  text there that names them (their name, e-mail address or phone number) keeps the words:
  a shared interaction, an interaction of someone else, the account's notes, another
  contact's notes, a note, a follow-up, a deal, a gift, a survey answer (:func:`_scan`);
  another contact whose name, e-mail address or phone number is theirs holds them too, and
  one the Duplicates screen's rules pair with them (another record of the same person,
  :func:`~accountdesk.core.services.duplicates.look_alikes`) is named as such;
  :func:`kept_mentions` lists those before the erase (the confirmation shows them, to edit
  first), :attr:`Erasure.mentions_left` counts those left after it, and
  :attr:`Erasure.backups_mentioning` names the cleaned backups whose kept records still do;
- the logs of merges keep the kept record's fields as they were and became (a merged
  account's notes, a merged contact's personal notes …): a log whose values mention them is
  listed and counted like a record; where its merge can no longer be undone (a merged record
  deleted for good, or undone already) the erase drops those values from it
  (:func:`_forget_in_merge_logs`), and a merge that can still be undone keeps them for its
  undo;
- so do the duplicates merged into them that are still in the trash (the same person;
  :func:`~accountdesk.core.services.duplicates.merged_in_trash`), and the summary names them;
  those emptied from the trash since are gone from the database but not from the backups
  taken before: the merge log keeps their ids, and the backups are cleaned of them too;
- a merge of accounts that moved them (or their interactions, notes …) to another account
  forgets those rows (:func:`~accountdesk.core.services.account_merge.forget_erased`): its
  record keeps no id of theirs, and its undo moves back the rest;
- the search index is merged (FTS5 ``optimize``), so its segments hold no word of theirs;
- the file is rebuilt (``VACUUM``): deleting zeroes the freed bytes (``secure_delete``, set on
  every connection in ``db/engine.py``), but text they left in free space before that was set
  (an edit made long ago) is only gone once every page is written afresh;
- the write-ahead log is checkpointed and truncated to nothing, also while another connection
  (the app) has the database open; only one that is in the middle of reading for longer than
  the busy timeout keeps it, and :attr:`Erasure.log_emptied` says so;
- every copy in the backups folders (``backup.backup_roots``: the ``backup.folder`` setting,
  the folders it named before, and the data folder's) that holds them is cleaned the same way
  (backups are kept, without the person), encrypted copies with the database's passphrase
  or with an earlier one the user gives (``erase_contact(…, earlier)``: a copy taken before
  a change of passphrase; :func:`sealed_backups` are those none opens); a copy of this
  database that cannot be opened or looked into (damaged, from a newer AccountDesk,
  encrypted with a passphrase not given) is listed in :attr:`Erasure.backups_left` for the
  user to delete.
  Backups go first, so that an erase that stops half-way can be run again: the person is
  still in the database until the live erase. A backup can be taken while the erase runs
  (the app's daily one, *Back up now*, ``db backup`` in another window), from the database as
  it still was: once the live database is erased, the backups folders are looked at again,
  the copies that were being written then are waited for (:data:`COPIES_WAIT_POLLS`), and
  every backup that appeared or changed since the first pass is cleaned the same way (one
  that is not complete in time is listed in :attr:`Erasure.backups_left`). A stop between
  the live erase and that second look (the process killed, the power gone) would leave such
  a copy holding them, with the person no longer in the database to erase again: so the
  transaction of the live erase also writes an :class:`UnfinishedErasure` (the ids of the
  contacts erased, never a value of theirs), deleted once the second look is done. One left
  behind is finished by :func:`finish_erasures` the next time the app starts or a command
  opens the database: the file rebuilt, every backup that holds those ids cleaned (what each
  copy holds of them looked for in what it keeps); the record stays while a copy that may
  hold them cannot be cleaned (a passphrase not given: the app asks for it, a command takes
  ACCOUNTDESK_BACKUP_PASSPHRASE), and says so.
"""

from __future__ import annotations

import errno
import json
import re
import time
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Column, delete, exists, func, inspect, or_, select, text, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from accountdesk.core import settings
from accountdesk.core.bidi import isolate, ltr, plain
from accountdesk.core.clock import Clock, system_clock
from accountdesk.core.culture.countries import country_languages
from accountdesk.core.db import crypto
from accountdesk.core.db.backup import backup_roots, copies_in_progress, identity_of
from accountdesk.core.db.documents import national_number
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.errors import driver_errors
from accountdesk.core.db.fts import display_name, fold, words
from accountdesk.core.db.ids import new_id
from accountdesk.core.db.models import (
    Account,
    AccountMerge,
    Base,
    Contact,
    ContactMerge,
    CountryNote,
    Deal,
    FollowUp,
    Gift,
    ImportantDate,
    Interaction,
    Note,
    SurveyResponse,
    Tag,
    UnfinishedErasure,
    account_tags,
    contact_tags,
    interaction_participants,
)
from accountdesk.core.db.schema import SQLITE_HEADER
from accountdesk.core.errors import NotFoundError, UserError
from accountdesk.core.files import cannot_write, replacing
from accountdesk.core.i18n import (
    N_,
    _,
    country_name,
    format_date,
    format_number,
    format_when,
    join_list,
    ltr_shown,
    ngettext,
)
from accountdesk.core.labels import INTERACTION_KIND, label
from accountdesk.core.queries.facts import facts_of
from accountdesk.core.services import trash
from accountdesk.core.services.account_merge import forget_erased
from accountdesk.core.services.duplicates import (
    can_be_undone,
    drop_logged_values,
    forget_merges,
    logged_values,
    look_alikes,
    merged_in_trash,
    merges_of,
)
from accountdesk.core.timekeeping.zones import get_zone

#: The records about a contact an export holds, by key (besides the contact, account, tags
#: and interactions); the erase removes them by the schema's foreign keys.
RECORDS: dict[str, type[Base]] = {
    "important_dates": ImportantDate,
    "follow_ups": FollowUp,
    "survey_responses": SurveyResponse,
    "gifts": Gift,
    "notes": Note,
}


def _plain(obj: Base) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for column in obj.__table__.columns:
        value = getattr(obj, column.key)
        if isinstance(value, datetime | date):
            value = value.isoformat()
        elif isinstance(value, Decimal):
            value = str(value)
        out[column.key] = value
    return out


def _not_found(contact_id: str) -> NotFoundError:
    return trash.missing(Contact, None, contact_id)


def subject_name(db: Database, contact_id: str) -> str:
    """The name of the contact with this id, also when they are in the trash."""
    with db.reader() as session:
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise _not_found(contact_id)
        return display_name(contact.given_name, contact.family_name, contact.name_order)


def export_contact(db: Database, contact_id: str, clock: Clock = system_clock) -> dict[str, Any]:
    """Everything stored about one contact (the trash included), as plain JSON-ready data;
    under ``merged_contacts`` the same for each duplicate merged into them that is still in
    the trash (the same person, :func:`~accountdesk.core.services.duplicates.merged_in_trash`);
    under ``records_that_mention_them`` the other records that hold them, as an erase lists
    them (:func:`kept_mentions`): what each is (in the current language, days in the user's
    zone) and its text that mentions them."""
    with db.reader() as session:
        data = _contact_data(session, contact_id, clock)
        data["merged_contacts"] = [
            _contact_data(session, id_, clock) for id_ in merged_in_trash(session, contact_id)
        ]
    zone = settings.current_zone(db)
    data["records_that_mention_them"] = [
        {
            "record": mention.record,
            "id": mention.record_id,
            "what": plain(mention_line(mention, zone)),
            "text": list(mention.texts),
        }
        for mention in kept_mentions(db, contact_id)
    ]
    return data


def _contact_data(session: Session, contact_id: str, clock: Clock) -> dict[str, Any]:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise _not_found(contact_id)
    interactions = session.scalars(
        select(Interaction)
        .join(interaction_participants)
        .where(interaction_participants.c.contact_id == contact_id)
        .order_by(Interaction.occurred_at)
    ).all()
    data: dict[str, Any] = {
        "format": "accountdesk-contact-export",
        "exported_at": clock().isoformat(),
        "contact": _plain(contact),
        "account": {"id": contact.account.id, "name": contact.account.name},
        "tags": [t.name for t in contact.tags],
        "interactions": [_plain(i) for i in interactions],
    }
    for key, model in RECORDS.items():
        query = select(model).where(model.__table__.c.contact_id == contact_id)
        data[key] = [_plain(o) for o in session.scalars(query)]
    data["contact_merges"] = [_plain(m) for m in merges_of(session, contact_id)]
    return data


@dataclass(frozen=True)
class ExportFiles:
    json: Path
    pdf: Path


def summary_path(path: Path) -> Path:
    """Where the PDF summary of the export ``path`` goes: beside it, ``.json`` turned into
    ``.pdf`` (``anna.json`` → ``anna.pdf``), else ``.pdf`` added (``anna`` → ``anna.pdf``)."""
    if path.suffix.lower() == ".json":
        return path.with_suffix(".pdf")
    return path.with_name(path.name + ".pdf")


def write_export(
    db: Database, contact_id: str, path: Path, *, lang: str | None = None,
    clock: Clock = system_clock,
) -> ExportFiles:  # fmt: skip
    """Write everything about one contact to ``path`` (JSON) and a PDF summary beside it
    (:func:`summary_path`): both or neither (the JSON was written when the PDF could not be,
    and the refusal said nothing was); ``lang``: the summary's language."""
    from accountdesk.core.reports.documents import personal_data_summary

    data = export_contact(db, contact_id, clock)
    pdf = summary_path(path)
    document = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    summary = personal_data_summary(data, path.name, lang=lang, now=clock())
    for target in (path, pdf):  # a folder in the way is found before either file is put
        if target.is_dir():
            raise cannot_write(target, IsADirectoryError(errno.EISDIR, "", str(target)))
    with replacing(path, "wb") as json_file, replacing(pdf, "wb") as pdf_file:
        json_file.write(document.encode("utf-8"))  # both are written in full before the
        pdf_file.write(summary)  # two renames, the PDF's first
    return ExportFiles(path, pdf)


# --- erasing ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Erasure:
    """What an erase did: whose data went, which backups were cleaned and what is left."""

    name: str
    backups_cleaned: list[Path] = field(default_factory=list)
    #: copies in the backups folder that may hold the person but could not be cleaned
    backups_left: list[Path] = field(default_factory=list)
    #: False when a reader kept the write-ahead log from being emptied (see the module doc)
    log_emptied: bool = True
    #: the names of the duplicates merged into them that were still in the trash, erased too
    merged: list[str] = field(default_factory=list)
    #: records kept in the database whose free text still mentions them (counted after the
    #: erase: :func:`kept_mentions` lists them before)
    mentions_left: int = 0
    #: cleaned backups whose kept records still mention them, as they were when taken
    backups_mentioning: list[Path] = field(default_factory=list)

    def done(self) -> list[str]:
        """What was done, in sentences for the user."""
        lines = [_("{name} was erased for good.").format(name=self.name)]
        if self.merged:
            lines.append(
                ngettext(
                    "{n} duplicate merged into them and still in the trash, the same person, "
                    "was erased with them: {names}.",
                    "{n} duplicates merged into them and still in the trash, the same person, "
                    "were erased with them: {names}.",
                    len(self.merged),
                ).format(n=format_number(len(self.merged)), names=join_list(self.merged))
            )
        if self.backups_cleaned:
            count = len(self.backups_cleaned)
            lines.append(
                ngettext(
                    "{n} backup was rewritten without them.",
                    "{n} backups were rewritten without them.",
                    count,
                ).format(n=format_number(count))
            )
        if self.mentions_left:
            lines.append(
                ngettext(
                    "{n} record was kept and still mentions them in its text; edit it if it "
                    "should not.",
                    "{n} records were kept and still mention them in their text; edit them if "
                    "they should not.",
                    self.mentions_left,
                ).format(n=format_number(self.mentions_left))
            )
        if self.backups_mentioning:
            count = len(self.backups_mentioning)
            lines.append(
                ngettext(
                    "{n} backup still holds kept records that mention them, as they were when "
                    "it was taken.",
                    "{n} backups still hold kept records that mention them, as they were when "
                    "they were taken.",
                    count,
                ).format(n=format_number(count))
            )
        return lines

    def problems(self) -> list[str]:
        """What is left for the user to do, in sentences (none: no trace is left)."""
        problems = []
        if self.backups_left:
            problems.append(
                ngettext(
                    "This backup may hold them and could not be cleaned; delete it: {paths}",
                    "These backups may hold them and could not be cleaned; delete them: {paths}",
                    len(self.backups_left),
                ).format(paths=join_list(str(p) for p in self.backups_left))
            )
        if not self.log_emptied:
            problems.append(
                _(
                    "Another program is reading the database, so its write-ahead log still "
                    "holds old pages; they are gone once every program has closed the database."
                )
            )
        return problems


def _merged_away(session: Session, contact_id: str) -> ContactMerge | None:
    """The merge, not undone, that merged ``contact_id`` into a contact that is still stored
    (the newest when there are several): the kept contact may hold their e-mail addresses,
    phone numbers and notes, and that merge's undo needs its record."""
    found = [
        m
        for m in merges_of(session, contact_id)
        if contact_id in m.merged_ids
        and m.undone_at is None
        and session.get(Contact, m.kept_id) is not None
    ]
    return max(found, key=lambda m: (m.merged_at, m.id), default=None)


def check_erasable(db: Database, contact_id: str) -> None:
    """Refuse (:class:`UserError`) to erase a contact merged into another by a merge not
    undone: what the merge copied of them (e-mail addresses, phone numbers, notes) is the kept
    contact's now, so erasing them alone would leave it there and take the merge's undo with
    it. Undoing the merge first, or erasing the kept contact (which erases them too), does
    neither. The command line and the app check before asking; :func:`erase_contact` again."""
    with db.reader() as session:
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise _not_found(contact_id)
        record = _merged_away(session, contact_id)
        if record is None:
            return
        kept = session.get_one(Contact, record.kept_id)
        raise UserError(
            _(
                "{name} was merged into {kept} on {when}: what the merge copied of them "
                "(e-mail addresses, phone numbers, notes) is now part of {kept}, and erasing "
                "{name} alone would leave it there and make the merge impossible to undo. "
                "Undo the merge first (Duplicates → Latest merges → Undo merge, or: "
                "{command}), or erase {kept}, which erases {name} too."
            ).format(
                name=isolate(display_name(contact.given_name, contact.family_name,
                                          contact.name_order)),
                kept=isolate(display_name(kept.given_name, kept.family_name, kept.name_order)),
                when=format_when(record.merged_at),
                command=ltr(f"accountdesk duplicates --undo {record.id}"),
            )
        )  # fmt: skip


def erase_question(name: str) -> str:
    """What to ask before erasing ``name`` (the command line and the app ask the same)."""
    return _(
        "Erase {name} for good? Their details, important dates, follow-ups, notes, survey "
        "answers, gifts and the interactions no one else took part in go, from the database "
        "and from its backups. This cannot be undone."
    ).format(name=name)


# --- what an erase keeps that names them ---------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """A record an erase keeps whose free text mentions the person: an interaction with other
    people (kept without them), an account, another contact (also one with their name, e-mail
    address or phone number, or a likely duplicate of them), a note, a follow-up, a deal, a
    gift, a survey answer, an important date of someone else, a note on a country, the log of
    a merge."""

    record_id: str
    #: when an interaction took place, a note was written, a merge was made (None for other
    #: records)
    occurred_at: datetime | None
    #: an interaction's kind (call, meeting …); empty for other records
    kind: str
    #: the record's own title: an interaction's subject, an account's or contact's name, a
    #: follow-up's or deal's title, a gift's description, an important date's label, a country
    subject: str
    in_trash: bool
    #: which records: a key of :data:`RECORD_LINES`, or "interaction"
    record: str = "interaction"
    #: whose record it is (a note, survey answer or important date): a contact or an account
    owner: str = ""
    #: the day of a survey answer
    on: date | None = None
    #: the text of the record that mentions them (its fields that do, as stored)
    texts: tuple[str, ...] = ()


#: How a kept record that mentions them is shown, by :attr:`Mention.record`: as it is, and in
#: the trash ({title}: the record's own title, {name}: whose it is, {date}: its day).
RECORD_LINES: dict[str, tuple[str, str]] = {
    "account": (N_("Account {title}"), N_("Account {title} (in the trash)")),
    "contact": (N_("Contact {title}"), N_("Contact {title} (in the trash)")),
    # a likely duplicate (the Duplicates screen's rules); {name}: its account
    "alike": (
        N_("Contact {title} at {name} looks like the same person: erase or merge it first"),
        N_(
            "Contact {title} at {name} (in the trash) looks like the same person: erase or "
            "merge it first"
        ),
    ),
    "important_date": (
        N_("Important date {title} of {name}"),
        N_("Important date {title} of {name} (in the trash)"),  # their contact is
    ),
    "follow_up": (N_("Follow-up {title}"), N_("Follow-up {title} (in the trash)")),
    "deal": (N_("Deal {title}"), N_("Deal {title} (in the trash)")),
    "gift": (N_("Gift {title}"), N_("Gift {title} (in the trash)")),
    "survey": (
        N_("Survey answer of {date} from {name}"),
        N_("Survey answer of {date} from {name} (in the trash)"),
    ),
    "note": (N_("Note of {date} on {name}"), N_("Note of {date} on {name} (in the trash)")),
    "country_note": (N_("Your note on {title}"), N_("Your note on {title} (in the trash)")),
    # the log of a merge keeps the kept record's fields as they were and became
    "account_merge": (
        N_("The record of the merge of accounts into {title} on {date}"),
        N_("The record of the merge of accounts into {title} on {date}"),
    ),
    "contact_merge": (
        N_("The record of the merge of contacts into {title} on {date}"),
        N_("The record of the merge of contacts into {title} on {date}"),
    ),
}


#: A run of digits as a phone number is written in text: "+371 2914-7730", "(0912) 345 6789".
_NUMBER_RUN = re.compile(r"\+?\d[\d \t\u00a0().\-/]*\d")
#: A name of fewer letters than this is not looked for on its own ("Li", "Al"); the name as
#: shown always is.
_SHORTEST_NAME = 3
#: An inflected form is recognised only from a stem (the name without its ending) of at least
#: this many letters: never from a three-letter one ("Ana" finds neither "Anas" nor
#: "analysis").
_SHORTEST_STEM = 4
#: A declined or suffixed form from a stem of fewer letters than this is as often another
#: word (Latvian "gaida", awaits, is a form of Gaidis): it counts only beside another part of
#: their name (:func:`_mentions`). Longer stems (Bērziņam, Novakom, Kowalskiego) count alone.
_SURE_STEM = 5
#: In a language :data:`_SUFFIXING` and without a table in :data:`_DECLENSIONS`, a name of
#: :data:`_SHORTEST_STEM` letters or more followed by at most this many letters is taken for
#: a form of it: the case endings those languages put on a name (Polish Kowalskiego,
#: Kowalskim; Czech Dvořákovi; Estonian Tammele; Hungarian Nagynak; Russian Петрову; German
#: Müllers), without taking a longer word ("Maryamabad") for one.
_ANY_ENDING = 3
#: The languages that put case endings on names without a table of their own: Polish, Czech,
#: Slovak, Russian, Ukrainian, Belarusian, Estonian, Finnish, Hungarian, German, Croatian,
#: Serbian, Bosnian, Icelandic. Elsewhere (English, Turkish with its apostrophe, Persian …) a
#: name keeps its form, and a longer word that starts with it is another word ("markets" is
#: not Mark, "granted" not Grant).
_SUFFIXING = frozenset(
    {"pl", "cs", "sk", "ru", "uk", "be", "et", "fi", "hu", "de", "hr", "sr", "bs", "is"}
)
#: Given names that are also common English words (the language of most notes that are not
#: the person's own): one of these alone is not taken for them ("Prices rose again" is not
#: Rose Park), only beside another part of their name, their e-mail address or phone number.
# fmt: off
_WORD_NAMES = frozenset({
    "amber", "april", "art", "august", "autumn", "bill", "bob", "brook", "carol", "chance",
    "chase", "cliff", "crystal", "dale", "dawn", "dean", "destiny", "don", "drew", "eve", "faith",
    "fern", "frank", "gay", "gene", "grace", "grant", "guy", "hazel", "heather", "holly", "hope",
    "iris", "ivy", "jack", "jade", "jay", "jewel", "joy", "june", "justice", "king", "lily",
    "mark", "mason", "max", "may", "melody", "miles", "misty", "nick", "olive", "pat",
    "patience", "pearl", "penny", "rich", "rob", "robin", "rose", "ruby", "rusty", "sandy",
    "sky", "spring", "sue", "summer", "sunny", "van", "victor", "violet", "wade",
    "will", "win", "winter", "wood",
})
# fmt: on


@dataclass(frozen=True)
class _Declension:
    """How a language declines names, in folded letters (Bērziņš is "berzins")."""

    #: the endings a name may have in its nominative, longest first; "" for a name ending in
    #: a consonant that is declined as it stands (Slovenian Novak: Novaka, Novaku)
    nominative: tuple[str, ...]
    #: the endings of its other forms: cases, plural, the possessive adjectives
    forms: frozenset[str]


#: The languages whose names change their ending in a sentence, so that a whole-word match
#: misses them: Latvian (Bērziņš, Bērziņa kungs, Bērziņam; Kalniņa, Kalniņas, Kalniņai),
#: Slovenian (Novak, Novaka, Novakom, Novakov; Mateja, Mateje, Matejo) and Lithuanian
#: (Petraitis, Petraičio, Petraičiui; Vaitkutė, Vaitkutės). A contact's are their preferred
#: language's and their country's languages.
# fmt: off
_DECLENSIONS: dict[str, _Declension] = {
    "lv": _Declension(
        ("is", "us", "s", "a", "e"),
        frozenset({"s", "a", "am", "u", "i", "im", "iem", "um", "us", "os", "is", "as", "ai",
                   "ei", "es", "e"}),  # ā, ē, ī, ū folded
    ),
    "sl": _Declension(
        ("a", "o", ""),
        frozenset({"a", "e", "i", "o", "u", "om", "em", "ov", "ev", "ih", "ah", "ama", "ami",
                   "ema", "oma", "ova", "ove", "ovi", "ovo", "eva", "eve", "evi", "evo"}),
    ),
    # Lithuanian: men's names in -as, -ias, -is, -ys, -us, -ius (Kazlauskas: Kazlausko,
    # Kazlauskui; Jurgis: Jurgio; Bartkus: Bartkaus), women's in -a and -ė (Vaitkutė:
    # Vaitkutės, Vaitkutei). A t or d before -io, -iu … is written č, dž (Petraitis:
    # Petraičio, Petraičiui), so -tis and -dis leave the stem without it (ą ę ė į ų ū folded)
    "lt": _Declension(
        ("tis", "dis", "ias", "ius", "as", "is", "ys", "us", "a", "e"),
        frozenset({
            # -as: genitive, dative, accusative, instrumental, locative, vocative; plural
            "as", "o", "ui", "a", "u", "e", "ai", "ams", "us", "ais", "uose",
            # -is, -ys, -ias, -ius
            "is", "ys", "ias", "io", "iui", "i", "iu", "yje", "y", "iai", "iams", "ius", "iais",
            "iuose", "ia", "iaus", "iumi", "iuje", "iau",
            # -us
            "aus", "umi", "uje", "au", "ums", "umis",
            # -a, -ė
            "os", "oje", "oms", "omis", "ose", "es", "ei", "eje", "ems", "emis", "ese",
            # -tis, -dis: the stem's t or d as č or dž before i + vowel
            "tis", "ti", "tyje", "cio", "ciui", "ciu", "ciai", "ciams", "cius", "ciais",
            "ciuose",
            "dis", "di", "dyje", "dzio", "dziui", "dziu", "dziai", "dziams", "dzius", "dziais",
            "dziuose",
        }),
    ),
}
# fmt: on
_VOWELS = frozenset("aeiouy")


@dataclass(frozen=True)
class _Traces:
    """What of a person text can hold, folded as the search folds (:func:`fold`): their names
    as runs of words (the name as shown, in either order; a given or family name of
    :data:`_SHORTEST_NAME` letters or more), names written in a script without spaces (found
    anywhere), the stems of names their language declines with the endings of the other
    forms, their e-mail addresses, and the national numbers of their phones (digits)."""

    names: tuple[tuple[str, ...], ...]
    unspaced: tuple[str, ...]
    #: a stem, the endings of its forms, and the name it is the stem of
    stems: tuple[tuple[str, frozenset[str], str], ...]
    emails: tuple[str, ...]
    numbers: tuple[str, ...]
    #: names of :data:`_SHORTEST_STEM` letters or more, found with any short ending
    inflected: tuple[str, ...] = ()
    #: given names that are common words (:data:`_WORD_NAMES`): alone, not taken for them
    worded: frozenset[str] = frozenset()
    #: each person's given and family name, folded, as a sorted run of words: another
    #: contact with these in its name fields has their name
    whole: frozenset[tuple[str, ...]] = frozenset()


def _stem(word: str, declension: _Declension) -> str | None:
    """``word`` (a folded name) without its nominative ending, or None when the language does
    not decline it so or too little is left."""
    for ending in declension.nominative:
        if ending and word.endswith(ending):
            stem = word[: -len(ending)]
            break
        if not ending and word[-1:].isalpha() and word[-1] not in _VOWELS:
            stem = word
            break
    else:
        return None
    return stem if sum(ch.isalpha() for ch in stem) >= _SHORTEST_STEM else None


def _languages(person: Contact) -> dict[str, None]:
    """The codes of a contact's languages: their preferred one's and their country's."""
    tags = [person.preferred_language or "", *country_languages(person.country or "")]
    return dict.fromkeys(tag.replace("_", "-").split("-")[0].lower() for tag in tags)


def _declensions(person: Contact) -> list[_Declension]:
    return [_DECLENSIONS[code] for code in _languages(person) if code in _DECLENSIONS]


def _traces(people: Iterable[Contact]) -> _Traces:
    names: dict[tuple[str, ...], None] = {}
    unspaced: dict[str, None] = {}
    stems: dict[tuple[str, frozenset[str], str], None] = {}
    emails: dict[str, None] = {}
    numbers: dict[str, None] = {}
    inflected: dict[str, None] = {}
    whole: set[tuple[str, ...]] = set()
    worded: set[str] = set()
    for person in people:
        given, family = person.given_name, person.family_name
        whole.add(_whole_name(given, family))
        worded.update(w for w in words(fold(given or "")) if w in _WORD_NAMES)
        shown = [display_name(given, family, order) for order in ("given_first", "family_first")]
        parts = [p for p in (given, family) if sum(ch.isalpha() for ch in p) >= _SHORTEST_NAME]
        declensions = _declensions(person)
        # a language without a table of its own that declines names: any short ending
        suffixing = not declensions and bool(_languages(person).keys() & _SUFFIXING)
        for written in [*shown, *parts]:
            folded = " ".join(fold(written).split())
            if not folded:
                continue
            if _unspaced(folded[0]):
                unspaced[folded] = None
                continue
            run = tuple(words(folded))
            if run:
                names[run] = None
            if suffixing and written in parts and len(run) == 1 and len(run[0]) >= _SHORTEST_STEM:
                inflected[run[0]] = None
            if written in parts and len(run) == 1:
                for declension in declensions:
                    stem = _stem(run[0], declension)
                    if stem is not None:
                        stems[(stem, declension.forms, run[0])] = None
        for e in person.emails or []:
            folded = " ".join(fold(e["value"]).split())
            if folded:
                emails[folded] = None
        for phone in person.phones or []:
            numbers[_national_number(phone["value"])] = None
    return _Traces(
        tuple(names),
        tuple(unspaced),
        tuple(stems),
        tuple(emails),
        tuple(n for n in numbers if len(n) >= 6),
        tuple(inflected),
        frozenset(worded),
        frozenset(whole),
    )


def _whole_name(given: str | None, family: str | None) -> tuple[str, ...]:
    """A name's words folded as the search folds them, in order (either order is one name)."""
    return tuple(sorted(words(fold(f"{given or ''} {family or ''}"))))


def _theirs(
    given: str | None, family: str | None, emails: Any, phones: Any, traces: _Traces
) -> tuple[str, ...]:
    """Which of a contact's own name, e-mail addresses and phone numbers are the person's
    (``traces``): a record with one holds them, whatever else it says."""
    found: list[str] = []
    if _whole_name(given, family) in traces.whole:
        found.append(" ".join(p for p in (given, family) if p))
    found += [
        e["value"] for e in emails or [] if " ".join(fold(e["value"]).split()) in traces.emails
    ]
    found += [p["value"] for p in phones or [] if _national_number(p["value"]) in traces.numbers]
    return tuple(found)


def _national_number(phone: str) -> str:
    """The digits that name ``phone`` however it is written (without country code or trunk
    prefix): phones are stored in E.164 (``validation.phone``; documents.national_number)."""
    return national_number(phone) or _digits(phone).lstrip("0")


def _digits(text: str) -> str:
    return "".join(str(unicodedata.decimal(ch)) for ch in text if ch.isdecimal())


def _unspaced(ch: str) -> bool:
    """Written in a script without spaces between words (Thai, Lao, Khmer, Myanmar, Chinese
    characters, kana): a name there starts wherever it is found."""
    code = ord(ch)
    return (
        0x0E00 <= code <= 0x0EFF  # Thai, Lao
        or 0x1000 <= code <= 0x109F  # Myanmar
        or 0x1780 <= code <= 0x17FF  # Khmer
        or 0x3040 <= code <= 0x30FF  # hiragana, katakana
        or 0x3400 <= code <= 0x9FFF  # CJK ideographs
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x2FA1F
    )


def _has_run(found: list[str], run: tuple[str, ...]) -> bool:
    """Whether the words ``found`` hold the words ``run`` one after the other."""
    size = len(run)
    return any(
        found[i] == run[0] and tuple(found[i : i + size]) == run
        for i in range(len(found) - size + 1)
    )


#: Characters an e-mail address may have next to it in a longer address.
_ADDRESS_CHARS = frozenset("._%+-@")


def _has_address(folded: str, address: str) -> bool:
    """Whether ``address`` is in ``folded`` as a whole address (not inside a longer one)."""
    start = folded.find(address)
    while start != -1:
        end = start + len(address)
        before = folded[start - 1] if start else " "
        after = folded[end : end + 2] or " "
        # a full stop after it ends the sentence; a letter after that dot is a longer domain
        longer = after[0] in _ADDRESS_CHARS and (after[0] != "." or after[1:].isalnum())
        if not (before.isalnum() or before in _ADDRESS_CHARS or after[0].isalnum() or longer):
            return True
        start = folded.find(address, start + 1)
    return False


def _mentions(written: str | None, traces: _Traces) -> bool:
    """Whether ``written`` names the person, compared folded as the search folds (case,
    accents, Arabic-script letter forms: :func:`~accountdesk.core.db.fts.fold`): their name
    as shown (in either order) or a given or family name, as whole words ("Maryam's" is
    Maryam, "Maryamabad" and "analysis" are not Maryam nor Ana); a name written without
    spaces (Thai, Chinese, Japanese) wherever it stands; a declined form of a Latvian,
    Slovenian or Lithuanian name (Bērziņam, Novakom, Petraičio; :data:`_DECLENSIONS`), or in
    another language that declines names a name of four letters or more with a short ending
    (Kowalskiego; :data:`_SUFFIXING`, :data:`_ANY_ENDING`); one of their e-mail addresses; or
    one of their phone numbers, however its digits are grouped.

    What is as often another word counts only beside another part of their name (or their
    e-mail address or phone number, which count alone): a form from a stem of fewer than
    :data:`_SURE_STEM` letters ("Gaida budžetu", awaiting budget, is not Gaidis Strautiņš;
    "Gaidim Strautiņam" is), and a given name that is a common word (:data:`_WORD_NAMES`:
    "Prices rose again" is not Rose Park)."""
    if not written:
        return False
    folded = " ".join(fold(written).split())
    if any(name in folded for name in traces.unspaced):
        return True
    if any(_has_address(folded, address) for address in traces.emails):
        return True
    runs = [_digits(run) for run in _NUMBER_RUN.findall(written)]
    if any(number in run for number in traces.numbers for run in runs):
        return True
    found = words(folded)
    present = set(found)
    doubtful: set[str] = set()  # the names found only in a form that may be another word
    for run in traces.names:
        if run[0] in present and (len(run) == 1 or _has_run(found, run)):
            if len(run) > 1 or run[0] not in traces.worded:
                return True
            doubtful.add(run[0])
    for stem, forms, name in traces.stems:
        size = len(stem)
        if any(w[size:] in forms and w.startswith(stem) for w in present if len(w) > size):
            if sum(ch.isalpha() for ch in stem) >= _SURE_STEM:
                return True
            doubtful.add(name)
    for name in traces.inflected:
        size = len(name)
        if any(
            w.startswith(name) and w[size:].isalpha()
            for w in present
            if size < len(w) <= size + _ANY_ENDING
        ):
            if size >= _SURE_STEM:
                return True
            doubtful.add(name)
    return len(doubtful) > 1  # two parts of their name in the one text


def _traces_of(session: Session, contact_id: str) -> tuple[list[str], _Traces]:
    """The ids an erase of the contact removes (they and the duplicates merged into them
    that are in the trash) and what of them text can hold."""
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise _not_found(contact_id)
    ids = [contact_id, *merged_in_trash(session, contact_id)]
    return ids, _traces(session.get_one(Contact, id_) for id_ in ids)


def _not_theirs(column: Any, ids: list[str]) -> Any:
    """Rows the erase keeps: of no contact, or of someone else."""
    return or_(column.is_(None), column.not_in(ids))


def _scan(
    session: Session, traces: _Traces, ids: list[str], alike: Collection[str] = ()
) -> list[Mention]:
    """Every record an erase of ``ids`` keeps whose free text mentions them (:func:`_mentions`):
    accounts, other contacts, their important dates, the interactions someone else took part
    in (or no one), follow-ups, deals, gifts, survey answers, notes and notes on countries;
    the trash included. Another contact holds them too when its name, e-mail address or
    phone number is theirs (:func:`_theirs`), and so does one of ``alike`` (likely
    duplicates of them, :func:`_look_alikes`): those come first, then accounts, then
    contacts, then the rest, each oldest first."""

    def named(*texts: str | None) -> tuple[str, ...]:
        return tuple(text for text in texts if text and _mentions(text, traces))

    accounts: dict[str, str] = {
        r.id: r.name for r in session.execute(select(Account.id, Account.name))
    }
    people = {
        c.id: display_name(c.given_name, c.family_name, c.name_order)
        for c in session.execute(
            select(Contact.id, Contact.given_name, Contact.family_name, Contact.name_order)
        )
    }

    def owner(account_id: str | None, contact_id: str | None) -> str:
        if contact_id is not None and contact_id in people:
            return people[contact_id]
        return accounts.get(account_id or "", "")

    found: list[Mention] = []
    accounts_text = select(
        Account.id, Account.name, Account.address, Account.notes, Account.deleted_at
    )
    for a in session.execute(accounts_text.order_by(Account.created_at, Account.id)):
        if hits := named(a.name, a.address, a.notes):
            found.append(
                Mention(a.id, None, "", a.name, a.deleted_at is not None, "account", texts=hits)
            )
    contacts = select(
        Contact.id,
        Contact.account_id,
        Contact.given_name,
        Contact.family_name,
        Contact.emails,
        Contact.phones,
        Contact.job_title,
        Contact.personal_notes,
        Contact.how_we_met,
        Contact.deleted_at,
    ).where(Contact.id.not_in(ids))
    same: list[Mention] = []
    for c in session.execute(contacts.order_by(Contact.created_at, Contact.id)):
        trashed = c.deleted_at is not None
        hits = _theirs(c.given_name, c.family_name, c.emails, c.phones, traces) + named(
            c.job_title, c.personal_notes, c.how_we_met
        )
        if c.id in alike:
            same.append(
                Mention(c.id, None, "", people[c.id], trashed, "alike",
                        accounts.get(c.account_id, ""), texts=hits or (people[c.id],))
            )  # fmt: skip
        elif hits:
            found.append(Mention(c.id, None, "", people[c.id], trashed, "contact", texts=hits))
    found[:0] = same
    dates = select(ImportantDate.id, ImportantDate.contact_id, ImportantDate.label).where(
        ImportantDate.contact_id.not_in(ids)
    )
    for d in session.execute(dates.order_by(ImportantDate.id)):
        if hits := named(d.label):
            found.append(
                Mention(d.id, None, "", d.label or "", False, "important_date",
                        people.get(d.contact_id, ""), texts=hits)
            )  # fmt: skip
    ip = interaction_participants
    theirs = exists().where(ip.c.interaction_id == Interaction.id, ip.c.contact_id.in_(ids))
    others = exists().where(ip.c.interaction_id == Interaction.id, ip.c.contact_id.not_in(ids))
    interactions = select(
        Interaction.id, Interaction.occurred_at, Interaction.kind, Interaction.subject,
        Interaction.notes, Interaction.outcome, Interaction.deleted_at,
    ).where(~theirs | others)  # fmt: skip
    for i in session.execute(interactions.order_by(Interaction.occurred_at, Interaction.id)):
        if hits := named(i.subject, i.notes, i.outcome):
            found.append(
                Mention(i.id, i.occurred_at, i.kind, i.subject, i.deleted_at is not None,
                        texts=hits)
            )  # fmt: skip
    follow_ups = select(FollowUp.id, FollowUp.title, FollowUp.notes, FollowUp.deleted_at).where(
        _not_theirs(FollowUp.contact_id, ids)
    )
    for f in session.execute(follow_ups.order_by(FollowUp.created_at, FollowUp.id)):
        if hits := named(f.title, f.notes):
            found.append(
                Mention(f.id, None, "", f.title, f.deleted_at is not None, "follow_up",
                        texts=hits)
            )  # fmt: skip
    deals = select(Deal.id, Deal.title, Deal.deleted_at)
    for deal in session.execute(deals.order_by(Deal.created_at, Deal.id)):
        if hits := named(deal.title):
            found.append(
                Mention(
                    deal.id, None, "", deal.title, deal.deleted_at is not None, "deal", texts=hits
                )
            )
    gifts = select(Gift.id, Gift.description, Gift.occasion, Gift.notes, Gift.deleted_at).where(
        _not_theirs(Gift.contact_id, ids)
    )
    for g in session.execute(gifts.order_by(Gift.given_on, Gift.id)):
        if hits := named(g.description, g.occasion, g.notes):
            found.append(
                Mention(g.id, None, "", g.description, g.deleted_at is not None, "gift",
                        texts=hits)
            )  # fmt: skip
    surveys = select(
        SurveyResponse.id, SurveyResponse.account_id, SurveyResponse.contact_id,
        SurveyResponse.comment, SurveyResponse.answered_on, SurveyResponse.deleted_at,
    ).where(_not_theirs(SurveyResponse.contact_id, ids))  # fmt: skip
    for r in session.execute(surveys.order_by(SurveyResponse.answered_on, SurveyResponse.id)):
        if hits := named(r.comment):
            found.append(
                Mention(r.id, None, "", "", r.deleted_at is not None, "survey",
                        owner(r.account_id, r.contact_id), r.answered_on, texts=hits)
            )  # fmt: skip
    notes = select(
        Note.id, Note.account_id, Note.contact_id, Note.body, Note.created_at, Note.deleted_at
    ).where(_not_theirs(Note.contact_id, ids))
    for n in session.execute(notes.order_by(Note.created_at, Note.id)):
        if hits := named(n.body):
            found.append(
                Mention(n.id, n.created_at, "", "", n.deleted_at is not None, "note",
                        owner(n.account_id, n.contact_id), texts=hits)
            )  # fmt: skip
    country_notes = select(
        CountryNote.id, CountryNote.country, CountryNote.body, CountryNote.deleted_at
    )
    for cn in session.execute(country_notes.order_by(CountryNote.created_at, CountryNote.id)):
        if hits := named(cn.body):
            found.append(
                Mention(
                    cn.id,
                    None,
                    "",
                    cn.country,
                    cn.deleted_at is not None,
                    "country_note",
                    texts=hits,
                )
            )
    for model, kind, titles in _MERGE_LOGS:
        for record in _merge_logs(session, model):
            if model is ContactMerge and ({record.kept_id, *record.merged_ids} & set(ids)):
                continue  # a merge they were in: deleted with them (forget_merges)
            if hits := _naming_texts(record, traces):
                title = (accounts if titles is Account else people).get(record.kept_id, "")
                found.append(
                    Mention(record.id, record.merged_at, "", title, False, kind, texts=hits)
                )
    return found


#: The logs of merges, the kind of :class:`Mention` each is and the model of its records.
_MERGE_LOGS: tuple[tuple[type[Base], str, type[Base]], ...] = (
    (AccountMerge, "account_merge", Account),
    (ContactMerge, "contact_merge", Contact),
)


def _merge_logs(session: Session, model: Any) -> list[Any]:
    """The merges logged in ``model`` (ContactMerge or AccountMerge), oldest first; none in
    a backup from before that log (opened without upgrading)."""
    if not inspect(session.connection()).has_table(model.__tablename__):
        return []
    return list(session.scalars(select(model).order_by(model.merged_at, model.id)))


def _texts(value: Any) -> Iterable[str]:
    """The text in a value a merge's log keeps (a string, a list of e-mail addresses …)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)


def _naming_fields(record: Any, traces: _Traces) -> list[str]:
    """The fields whose values a merge's log keeps (before or after) that mention them."""
    return [
        name
        for name, values in logged_values(record).items()
        if any(_mentions(text, traces) for value in values for text in _texts(value))
    ]


def _naming_texts(record: Any, traces: _Traces) -> tuple[str, ...]:
    """The values a merge's log keeps (before or after) that mention them."""
    found = (text for values in logged_values(record).values() for value in values
             for text in _texts(value))  # fmt: skip
    return tuple(dict.fromkeys(text for text in found if _mentions(text, traces)))


def _forget_in_merge_logs(session: Session, traces: _Traces) -> None:
    """Drop the field values that mention them from the logs of the merges that can no longer
    be undone (a merged record deleted for good, or undone already): nothing needs them. The
    log of a merge that can be undone keeps them for its undo (:func:`_scan` counts it)."""
    for model, _kind, records in _MERGE_LOGS:
        for record in _merge_logs(session, model):
            if can_be_undone(session, record, records):
                continue
            fields = _naming_fields(record, traces)
            if fields:
                drop_logged_values(record, fields)


def kept_mentions(db: Database, contact_id: str) -> list[Mention]:
    """The records an erase of the contact keeps whose free text mentions them (:func:`_scan`,
    the trash too): the interactions others took part in, other people's and the accounts'
    records. The erase does not rewrite them: the user edits these first."""
    with db.reader() as session:
        ids, traces = _traces_of(session, contact_id)
    alike = _look_alikes(db, ids)
    with db.reader() as session:
        return _scan(session, traces, ids, alike)


def _look_alikes(db: Database, ids: list[str]) -> set[str]:
    """The other contacts that are likely duplicates of the contacts ``ids`` (the person and
    the duplicates merged into them), by the Duplicates screen's rules
    (:func:`~accountdesk.core.services.duplicates.look_alikes`)."""
    with db.reader() as session:
        mine = []
        for id_ in ids:
            contact = session.get_one(Contact, id_)
            values = {key: getattr(contact, key) for key in _FACT_FIELDS}
            mine.append(facts_of(values, contact.account.name))
    return {c.id for c in look_alikes(db, mine)}


#: The contact fields :func:`~accountdesk.core.queries.facts.facts_of` reads.
_FACT_FIELDS = (
    "id", "account_id", "given_name", "family_name", "name_order", "country", "emails", "phones",
)  # fmt: skip


def mention_line(mention: Mention, zone: str) -> str:
    """One kept record that mentions them, for the user: an interaction's day (in ``zone``) and
    subject (its kind when it has none); what another record is and whose (see
    :data:`RECORD_LINES`)."""
    if mention.record != "interaction":
        plain, trashed = RECORD_LINES[mention.record]
        when = mention.on or (
            mention.occurred_at.astimezone(get_zone(zone)) if mention.occurred_at else None
        )
        title = (
            country_name(mention.subject) if mention.record == "country_note" else (mention.subject)
        )
        return _(trashed if mention.in_trash else plain).format(
            title=isolate(title),
            name=isolate(mention.owner),
            date=format_date(when) if when is not None else "",
        )
    assert mention.occurred_at is not None
    day = format_date(mention.occurred_at.astimezone(get_zone(zone)))
    subject = isolate(mention.subject) if mention.subject else label(INTERACTION_KIND, mention.kind)
    if mention.in_trash:
        return _("{date}: {subject} (in the trash)").format(date=day, subject=subject)
    return _("{date}: {subject}").format(date=day, subject=subject)


def mentions_notice(name: str, count: int) -> str:
    """What to say before the list of :func:`kept_mentions` (``name``: as the caller shows
    it, isolated in a window)."""
    return ngettext(
        "{n} record is kept that mentions {name}; edit it first if it should not:",
        "{n} records are kept that mention {name}; edit them first if they should not:",
        count,
    ).format(n=format_number(count), name=name)


def more_mentions(count: int) -> str:
    """The line that stands for ``count`` records left out of a short list."""
    return ngettext("… and {n} more.", "… and {n} more.", count).format(n=format_number(count))


def _kept_on_delete() -> list[Column[Any]]:
    """Columns pointing at a contact whose rows outlive it (``ON DELETE SET NULL``)."""
    return [
        fk.parent
        for table in Base.metadata.sorted_tables
        for fk in table.foreign_keys
        if fk.column.table.name == "contacts" and (fk.ondelete or "").upper() != "CASCADE"
    ]


def _erase_rows(session: Session, contact_id: str) -> None:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise _not_found(contact_id)
    tag_ids = [t.id for t in contact.tags]
    ip = interaction_participants
    theirs = select(ip.c.interaction_id).where(ip.c.contact_id == contact_id)
    shared = (
        select(ip.c.interaction_id)
        .where(ip.c.interaction_id.in_(theirs))
        .group_by(ip.c.interaction_id)
        .having(func.count() > 1)
    )
    only_theirs = list(session.scalars(theirs.where(ip.c.interaction_id.not_in(shared))))
    if only_theirs:
        session.execute(delete(Interaction).where(Interaction.id.in_(only_theirs)))
    for column in _kept_on_delete():  # survey answers, gifts: kept when a contact is purged
        session.execute(delete(column.table).where(column == contact_id))
    forget_merges(session, contact_id)  # merges that kept them cascade; not those they were in
    session.delete(contact)  # the database cascades the rest; the search index drops them
    session.flush()
    forget_erased(session)  # merges of accounts that moved them or their records
    if tag_ids:
        unused = ~exists().where(account_tags.c.tag_id == Tag.id) & ~exists().where(
            contact_tags.c.tag_id == Tag.id
        )
        session.execute(delete(Tag).where(Tag.id.in_(tag_ids), unused))
    if session.get_bind().dialect.name == "sqlite":
        # A delete leaves the words in the index's segments, next to a delete marker that
        # holds them too; merging all segments into one drops both.
        session.execute(text("INSERT INTO search_fts(search_fts) VALUES('optimize')"))


def _rewrite_file(db: Database) -> bool:
    """Rebuild the file and empty its write-ahead log; False when a reader kept the log.
    :class:`UserError` when the file cannot be rebuilt (a full disk: it needs room for a copy)."""
    if not db.is_sqlite:
        return True
    with db.engine.connect() as conn:
        raw: Any = conn.connection.driver_connection  # VACUUM runs outside a transaction
        try:
            raw.execute("VACUUM")
            busy, _log, _done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except db.engine.dialect.loaded_dbapi.Error as exc:
            raise UserError(
                _(
                    "The records were deleted, but {path} could not be rebuilt to clear their "
                    "traces from its free space: {reason}."
                ).format(path=ltr_shown(db.path or db.url), reason=exc)
            ) from exc
    return not busy


def _erase_in(
    db: Database, traces: _Traces, *contact_ids: str, unfinished: UnfinishedErasure | None = None
) -> bool:
    """Erase ``contact_ids`` from ``db`` in one transaction, then rebuild the file; False when
    a reader kept the write-ahead log. ``unfinished``: the live database's erase
    (:func:`erase_contact`): the record that its backups are still to be cleaned of them is
    written in that same transaction, and the file is left for the erase to rebuild once that
    record is deleted again (nothing of either is then left in the log)."""
    with db.transaction() as session:
        for contact_id in contact_ids:
            _erase_rows(session, contact_id)
        _forget_in_merge_logs(session, traces)
        if unfinished is not None:
            session.add(unfinished)
    return True if unfinished is not None else _rewrite_file(db)


def _traces_in(db: Database, contact_ids: Iterable[str]) -> _Traces:
    """What of the contacts ``contact_ids`` text can hold, as ``db`` (a backup that holds
    them) has them: an erase finished after a stop (:func:`finish_erasures`) kept none of
    their values."""
    with db.reader() as session:
        return _traces(session.get_one(Contact, id_) for id_ in contact_ids)


def _holds(path: Path, contact_id: str, passphrase: str | None) -> bool:
    """Whether the SQLite file ``path`` (encrypted: with ``passphrase``) has this contact;
    a driver error when it cannot be read."""
    conn = crypto.connect(path, passphrase)  # read-write: closing it removes its -wal and -shm
    try:
        table = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'contacts'").fetchone()
        if table is None:
            return False
        found = conn.execute("SELECT 1 FROM contacts WHERE id = ?", (contact_id,)).fetchone()
        return found is not None
    finally:
        conn.close()


def _is_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


#: After the live database is erased, how many times an erase looks again, :data:`_POLL`
#: seconds apart, for the backups that were being written while it ran to be complete (they
#: may hold the database as it was): a minute.
COPIES_WAIT_POLLS = 600
_POLL = 0.1


def _pause() -> None:
    """Wait :data:`_POLL` seconds for a copy in progress (replaceable in tests)."""
    time.sleep(_POLL)


#: A file in the backups folders as an erase saw it: its modification time and size.
_Stamp = tuple[int, int]


def _backup_files(db: Database) -> tuple[dict[Path, _Stamp], dict[Path, Path]]:
    """The files under the backups folders (:func:`backup_roots`: the current one, those the
    ``backup.folder`` setting named before and the data folder's), the database's own aside,
    each with its :data:`_Stamp`; and the copies being written there by a running process
    (:func:`~accountdesk.core.db.backup.copies_in_progress`, not among the files: never opened
    while written), each with the name it gets once complete."""
    assert db.path is not None
    roots = [root for root in backup_roots(db) if root.is_dir()]
    own = db.path.resolve()
    entries = [p for root in roots for p in root.rglob("*")]
    copies: dict[Path, Path] = {}
    for folder in [*roots, *(p for p in entries if p.is_dir())]:
        copies.update(copies_in_progress(folder))
    busy = {Path(f"{p}{end}") for p in copies for end in ("", "-journal", "-wal", "-shm")}
    files: dict[Path, _Stamp] = {}
    for path in entries:
        if path in busy:
            continue
        try:
            if not path.is_file() or path.resolve() == own:
                continue
            facts = path.stat()
        except OSError:  # gone meanwhile (a backup pruned)
            continue
        files[path] = (facts.st_mtime_ns, facts.st_size)
    return files, copies


def _keys(db: Database, earlier: Sequence[str]) -> list[str]:
    """The passphrases an encrypted backup of ``db`` may have: the database's own, then the
    ``earlier`` ones given (empty ones are none)."""
    given = (crypto.entered(key) for key in (db.passphrase, *earlier))
    return [key for key in dict.fromkeys(given) if key is not None]


def _key_of(path: Path, keys: Sequence[str]) -> str | None:
    """The first of ``keys`` that opens the encrypted file ``path``; None when none does."""
    return next((key for key in keys if crypto.opens(path, key)), None)


def _own_folders(db: Database) -> set[Path]:
    """The folders whose files may be this database's backups: the backups roots, and this
    database's folder (its identity) in each."""
    roots = [root for root in backup_roots(db) if root.is_dir()]
    identity = identity_of(db)
    return {*roots, *(root / identity for root in roots if identity is not None)}


def sealed_backups(db: Database, earlier: Sequence[str] = ()) -> list[Path]:
    """The encrypted backups of this database (in its backups folders) that neither its
    passphrase nor one of ``earlier`` opens: an erase can only list them for the user to
    delete. The command line asks for an earlier passphrase when there are such copies."""
    if db.path is None:
        return []
    ours = _own_folders(db)
    keys = _keys(db, earlier)
    files, _copies = _backup_files(db)
    unreadable: tuple[type[Exception], ...] = (OSError, UserError, *driver_errors())
    found = []
    for path in sorted(files):
        if path.suffix != ".db" or path.parent not in ours:
            continue
        try:
            if crypto.looks_encrypted(path) and _key_of(path, keys) is None:
                found.append(path)
        except unreadable:  # damaged, or no SQLCipher here: the erase lists it anyway
            continue
    return found


class _Cleaned(NamedTuple):
    """What :func:`_clean_backups` did."""

    cleaned: list[Path]
    #: the copies that may hold them and could not be cleaned (:attr:`sealed` among them)
    left: list[Path]
    #: the cleaned whose kept records still mention them
    mentioning: list[Path]
    #: the copies of this database encrypted with a passphrase not given
    sealed: list[Path]


def still_sealed(sealed: Sequence[Path], passphrase: str) -> list[Path]:
    """Which of the backups ``sealed`` (:func:`sealed_backups`) ``passphrase`` does not open
    either: an earlier passphrase the user typed for an erase (the command line's prompt, the
    app's dialog); :class:`~accountdesk.core.db.crypto.WrongPassphrase` when it opens none of
    them (one key derivation a file, about half a second: not on the GUI thread)."""
    unreadable: tuple[type[Exception], ...] = (OSError, UserError, *driver_errors())
    left = []
    for path in sealed:
        try:
            opened = crypto.opens(path, passphrase)
        except unreadable:  # damaged, or gone meanwhile: the erase lists it anyway
            opened = False
        if not opened:
            left.append(path)
    if sealed and len(left) == len(sealed):
        raise crypto.WrongPassphrase(_("That passphrase opens none of them."))
    return left


def _clean_backups(
    db: Database, traces: _Traces | None, files: Iterable[Path], *contact_ids: str,
    alike: Collection[str] = (), earlier: Sequence[str] = (),
) -> _Cleaned:  # fmt: skip
    """Erase the contact from every copy among ``files`` (:func:`_backup_files`) that holds
    them, whatever its name: a copy that holds their id holds their data. Returns the
    cleaned, the uncleanable, the cleaned whose kept records still mention them (``traces``,
    or when None what each copy holds of them; those that cannot be looked into count as
    mentioning them), and the copies sealed with a passphrase not given.

    A copy encrypted with the database's passphrase, or with one of ``earlier`` (a copy taken
    before the passphrase was changed, by the user who gives the old one), is cleaned like a
    plain one and keeps its passphrase. A ``.db`` file that cannot be looked into (damaged,
    or encrypted with a passphrase not given) is uncleanable when it may be this database's:
    in its own folder or loose in the root; in the folder of another database (another
    identity) it is that database's, with that database's passphrase."""
    cleaned: list[Path] = []
    left: list[Path] = []
    mentioning: list[Path] = []
    sealed_ones: list[Path] = []
    ours = _own_folders(db)
    unreadable: tuple[type[Exception], ...] = (OSError, UserError, *driver_errors())
    keys = _keys(db, earlier)
    for path in sorted(files):
        try:
            plain = _is_sqlite(path)
            key = None if plain else _key_of(path, keys)
            sealed = not plain and key is None
            if sealed:
                if path.suffix == ".db" and path.parent in ours:
                    left.append(path)
                    sealed_ones.append(path)
                continue
            held = [i for i in contact_ids if _holds(path, i, key)]
            if not held:
                continue
            copy = open_database(path, upgrade=False, passphrase=key)
        except FileNotFoundError:  # pruned meanwhile: nothing of theirs left in it
            continue
        except unreadable:
            left.append(path)
            continue
        try:
            found = traces if traces is not None else _traces_in(copy, held)
            emptied = _erase_in(copy, found, *held)
            if emptied and _still_mentioned(copy, found, list(contact_ids), alike):
                mentioning.append(path)
        except (SQLAlchemyError, UserError):  # read-only, damaged, a full disk: the user deletes it
            emptied = False
        finally:
            copy.close()
        if emptied:
            crypto.keep_as_copy(path, key)  # reading it before a restore leaves nothing beside it
        (cleaned if emptied else left).append(path)
    return _Cleaned(cleaned, left, mentioning, sealed_ones)


def _taken_meanwhile(
    db: Database, seen: dict[Path, _Stamp], copies: dict[Path, Path]
) -> tuple[list[Path], list[Path]]:
    """After the live database was erased: the backups that appeared, or changed, since they
    were ``seen`` (taken while the erase ran, from the database as it was), once the
    ``copies`` that were being written then are complete; and the names of those still not
    complete after :data:`COPIES_WAIT_POLLS` looks (they may hold the person). A copy begun
    after the live erase holds nothing of theirs: the copies in progress then are all that
    is waited for."""
    for _look in range(COPIES_WAIT_POLLS):
        if not copies:
            break
        _pause()
        _files, now = _backup_files(db)
        copies = {temp: done for temp, done in copies.items() if temp in now}
    files, _copies = _backup_files(db)
    later = [path for path, stamp in files.items() if seen.get(path) != stamp]
    return later, sorted(copies.values())


def _still_mentioned(db: Database, traces: _Traces, ids: list[str], alike: Collection[str]) -> bool:
    """Whether a record kept in ``db`` mentions them; True when it cannot be looked into (a
    copy of an older schema)."""
    try:
        with db.reader() as session:
            return bool(_scan(session, traces, ids, alike))
    except SQLAlchemyError:
        return True


def erase_contact(
    db: Database, contact_id: str, earlier: Sequence[str] = (), *, refuse_merged: bool = True
) -> Erasure:
    """Remove a contact for good (right to be forgotten), with what is only about them, from
    the database and its backups, leaving no trace in the files (see the module doc); the
    duplicates merged into them that are still in the trash (the same person) go with them.
    A contact merged into another is refused (:func:`check_erasable`). ``earlier``: the
    passphrases backups encrypted before a change of passphrase may have (the command line's
    ACCOUNTDESK_BACKUP_PASSPHRASE, as ``db restore`` takes it): those are cleaned too.
    ``refuse_merged=False``: erased even when merged into another here (an offline copy
    following an erase or purge the team server did: the merge cannot be undone any more)."""
    if refuse_merged:
        check_erasable(db, contact_id)
    name = subject_name(db, contact_id)
    with db.reader() as session:
        merged = merged_in_trash(session, contact_id)
        # and those emptied from the trash since: still in the backups taken before
        in_backups = merged_in_trash(session, contact_id, purged=True)
        ids, traces = _traces_of(session, contact_id)
    alike = _look_alikes(db, ids)  # still there after the erase: counted as holding them
    names = [subject_name(db, id_) for id_ in merged]
    cleaned: list[Path] = []
    left: list[Path] = []
    mentioning: list[Path] = []
    record: UnfinishedErasure | None = None
    if db.path is not None:
        before, _copies = _backup_files(db)
        cleaned, left, mentioning, _sealed = _clean_backups(
            db, traces, before, *in_backups, contact_id, alike=alike, earlier=earlier
        )
        seen, copies = _backup_files(db)
        seen = {path: stamp for path, stamp in seen.items() if path in before}
        # what finds them in the backups, kept with the erase until they are looked at again
        record = UnfinishedErasure(
            id=new_id(), contact_ids=[*in_backups, contact_id], erased_at=system_clock()
        )
        record_id = record.id
    emptied = _erase_in(db, traces, *merged, contact_id, unfinished=record)
    if db.path is not None:  # a backup taken meanwhile holds them: cleaned too
        later, unfinished = _taken_meanwhile(db, seen, copies)
        done_later = _clean_backups(
            db, traces, later, *in_backups, contact_id, alike=alike, earlier=earlier
        )
        cleaned = sorted({*cleaned, *done_later.cleaned})
        left = sorted({*left, *done_later.left, *unfinished})
        mentioning = sorted({*mentioning, *done_later.mentioning})
        _forget_unfinished(db, [record_id])  # what is left, the user is told
        emptied = _rewrite_file(db)
    with db.reader() as session:  # what is left, looked for in what the erase kept
        mentions_left = len(_scan(session, traces, ids, alike))
    return Erasure(name, cleaned, left, emptied, names, mentions_left, mentioning)


# --- erases a stop left unfinished -------------------------------------------------------


def _forget_unfinished(db: Database, record_ids: Sequence[str]) -> None:
    """The erases ``record_ids`` need their backups cleaned no more."""
    with db.transaction() as session:
        session.execute(delete(UnfinishedErasure).where(UnfinishedErasure.id.in_(record_ids)))


@dataclass(frozen=True)
class FinishedErasures:
    """What :func:`finish_erasures` did: the erases a stop left before their backups were
    cleaned, and those backups. Whom they erased is not known any more (only their ids were
    kept), so the sentences say "the person erased"."""

    #: when each of those erases ran, oldest first
    erased_at: list[datetime]
    backups_cleaned: list[Path] = field(default_factory=list)
    #: copies that may hold them and could not be cleaned: the erases stay unfinished, and
    #: are tried again the next time the database is opened (:attr:`backups_sealed` among them)
    backups_left: list[Path] = field(default_factory=list)
    #: copies encrypted with a passphrase not given (one from before a change of passphrase)
    backups_sealed: list[Path] = field(default_factory=list)
    #: cleaned copies whose kept records still mention the person, as they were when taken
    backups_mentioning: list[Path] = field(default_factory=list)
    #: False when a reader kept the write-ahead log from being emptied
    log_emptied: bool = True

    @property
    def finished(self) -> bool:
        """True when no backup may hold them any more: the erases are done with."""
        return not self.backups_left

    def done(self) -> list[str]:
        """What was done, in sentences for the user."""
        count = len(self.erased_at)
        first = format_when(self.erased_at[0])
        if self.finished:
            lines = [
                ngettext(
                    "The erase of {when} had stopped before it had cleaned the backups; it is "
                    "finished now.",
                    "{n} erases, the first of {when}, had stopped before they had cleaned the "
                    "backups; they are finished now.",
                    count,
                ).format(n=format_number(count), when=first)
            ]
        else:
            lines = [
                ngettext(
                    "The erase of {when} had stopped before it had cleaned the backups.",
                    "{n} erases, the first of {when}, had stopped before they had cleaned the "
                    "backups.",
                    count,
                ).format(n=format_number(count), when=first)
            ]
        if self.backups_cleaned:
            cleaned = len(self.backups_cleaned)
            lines.append(
                ngettext(
                    "{n} backup was rewritten without the person erased.",
                    "{n} backups were rewritten without the person erased.",
                    cleaned,
                ).format(n=format_number(cleaned))
            )
        if self.backups_mentioning:
            mentioning = len(self.backups_mentioning)
            lines.append(
                ngettext(
                    "{n} backup still holds kept records that mention the person erased, as "
                    "they were when it was taken.",
                    "{n} backups still hold kept records that mention the person erased, as "
                    "they were when they were taken.",
                    mentioning,
                ).format(n=format_number(mentioning))
            )
        return lines

    def problems(self) -> list[str]:
        """What is left for the user to do, in sentences (none: the erases are finished)."""
        problems = []
        if self.backups_left:
            problems.append(
                ngettext(
                    "This backup may still hold the person erased and could not be cleaned: "
                    "{paths}.",
                    "These backups may still hold the person erased and could not be cleaned: "
                    "{paths}.",
                    len(self.backups_left),
                ).format(paths=join_list(ltr_shown(p) for p in self.backups_left))
            )
            sealed = len(self.backups_sealed)
            if sealed:
                problems.append(
                    ngettext(
                        "{n} of them is encrypted with an earlier passphrase (from before a "
                        "change of passphrase) and is cleaned once that passphrase is given.",
                        "{n} of them are encrypted with an earlier passphrase (from before a "
                        "change of passphrase) and are cleaned once that passphrase is given.",
                        sealed,
                    ).format(n=format_number(sealed))
                )
            problems.append(
                _(
                    "AccountDesk tries again each time it opens the database, until they are "
                    "cleaned or you have deleted them."
                )
            )
        if not self.log_emptied:
            problems.append(
                _(
                    "Another program is reading the database, so its write-ahead log still "
                    "holds old pages; they are gone once every program has closed the database."
                )
            )
        return problems


def finish_erasures(db: Database, earlier: Sequence[str] = ()) -> FinishedErasures | None:
    """Finish the erases a stop (the process killed, the power gone) left between the erase of
    the database and the second look at its backups (:class:`UnfinishedErasure`, written with
    the erase): the file is rebuilt and its write-ahead log emptied as the erase does, then
    every backup (the copies being written waited for, :func:`_taken_meanwhile`) that holds
    one of their ids is cleaned (:func:`_clean_backups`, what the copy holds of them looked for
    in what it keeps), encrypted ones with the database's passphrase or one of ``earlier``.
    Once no backup that may hold them is left, the records go; otherwise they stay, for the
    next time (:attr:`FinishedErasures.backups_left`: a passphrase not given, a copy that
    cannot be opened). None when there was nothing to finish (or the database is not a file
    this app can write). The app calls it at every start, every command when it opens the
    database (``privacy_cli.finish_erasures``)."""
    if db.path is None or db.read_only:
        return None
    with db.reader() as session:
        records = list(
            session.execute(
                select(
                    UnfinishedErasure.id, UnfinishedErasure.contact_ids,
                    UnfinishedErasure.erased_at, UnfinishedErasure.file_rebuilt,
                ).order_by(UnfinishedErasure.erased_at, UnfinishedErasure.id)
            )
        )  # fmt: skip
    if not records:
        return None
    ids = list(dict.fromkeys(id_ for r in records for id_ in r.contact_ids))
    emptied = True
    if not all(r.file_rebuilt for r in records):  # a stop before the erase had rebuilt it
        emptied = _rewrite_file(db)
    _files, copies = _backup_files(db)
    files, unfinished = _taken_meanwhile(db, {}, copies)  # every file: none was seen
    done = _clean_backups(db, None, files, *ids, earlier=earlier)
    left = sorted({*done.left, *unfinished})
    record_ids = [r.id for r in records]
    if not left:
        _forget_unfinished(db, record_ids)
    elif not all(r.file_rebuilt for r in records):
        with db.transaction() as session:  # the next attempt looks at the backups alone
            session.execute(
                update(UnfinishedErasure)
                .where(UnfinishedErasure.id.in_(record_ids))
                .values(file_rebuilt=True)
            )
    return FinishedErasures(
        [r.erased_at for r in records], sorted(done.cleaned), left, sorted(done.sealed),
        sorted(done.mentioning), emptied,
    )  # fmt: skip
