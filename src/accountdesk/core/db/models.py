"""SQLAlchemy 2.0 models for every entity of SPEC §2.

Conventions:
- keys are client-generated UUIDv7 strings (:func:`accountdesk.core.db.ids.new_id`), so that
  offline copies can later be merged;
- instants are stored in UTC (:class:`UTCDateTime` returns aware datetimes);
- money is stored exactly, in thousandths of the currency unit (:class:`Money`);
- every user-owned record has ``created_at``, ``updated_at`` and a soft-delete ``deleted_at``;
  ``updated_by``, the server login that last wrote it (set by the server itself, a trigger;
  empty in a laptop's own file); and ``version``, raised by every ORM update, so that two
  people saving the same record at once cannot overwrite each other unseen (a save made from
  an older version is refused: :class:`accountdesk.core.services.conflicts`).

Schema changes are Alembic migrations (``core/db/migrations``); a test checks that the
migrations and these models describe the same schema.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from accountdesk.core.db.ids import new_id


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as naive UTC; always read back as aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; attach a zone first")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Money(TypeDecorator[Decimal]):
    """A Decimal amount stored exactly as an integer number of thousandths."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        return int((Decimal(value) * 1000).to_integral_value())

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value) / 1000


class DecimalText(TypeDecorator[Decimal]):
    """A Decimal stored exactly as its text (exchange rates need more than thousandths)."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return format(Decimal(value).normalize(), "f")  # 1400, not 1.4E+3

    def process_result_value(self, value: str | None, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


def utcnow() -> datetime:
    return datetime.now(UTC)


NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), Decimal: Money(), dict[str, Any]: JSON}  # noqa: RUF012


#: The condition of :func:`trash_index`.
IN_TRASH = "deleted_at IS NOT NULL"


def trash_index(table_name: str) -> Index:
    """An index of the ids of ``table_name``'s records in the trash, and of no other: what a
    count of records not in the trash, nor their account or contact, reads to leave those
    out without joining every row (:func:`accountdesk.core.queries.visible.shown_by_key`)."""
    # (the migration makes it partial on PostgreSQL too, as a test checks on both: a
    # ``postgresql_where`` here would import SQLAlchemy's PostgreSQL dialect into every
    # laptop's start, 45 ms)
    return Index(f"ix_{table_name}_trashed", "id", sqlite_where=text(IN_TRASH))


class Record(Base):
    """Id, timestamps and soft delete, shared by every user-owned table."""

    __abstract__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)
    updated_by: Mapped[str | None] = mapped_column(String(63), default=None)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}


account_tags = Table(
    "account_tags",
    Base.metadata,
    Column("account_id", ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)

contact_tags = Table(
    "contact_tags",
    Base.metadata,
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)

interaction_participants = Table(
    "interaction_participants",
    Base.metadata,
    Column("interaction_id", ForeignKey("interactions.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(80), unique=True)  # stored case-folded-unique
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Account(Record):
    __tablename__ = "accounts"

    name: Mapped[str] = mapped_column(String(200), index=True)
    industry: Mapped[str | None] = mapped_column(String(100))
    size_band: Mapped[str | None] = mapped_column(String(20))
    website: Mapped[str | None] = mapped_column(String(300))
    country: Mapped[str] = mapped_column(String(2), index=True)
    subdivision: Mapped[str | None] = mapped_column(String(6))
    city: Mapped[str | None] = mapped_column(String(120))
    address: Mapped[str | None] = mapped_column(Text)
    timezone: Mapped[str | None] = mapped_column(String(64))
    currency: Mapped[str | None] = mapped_column(String(3))
    tier: Mapped[str | None] = mapped_column(String(40), index=True)
    status: Mapped[str] = mapped_column(String(12), default="prospect", index=True)
    customer_since: Mapped[date | None] = mapped_column(Date)
    lost_on: Mapped[date | None] = mapped_column(Date)
    #: the periods it was a customer before it was won back, as JSON text
    #: (core/records.py::earlier_periods reads it, ::customer_history writes it; migration 0012)
    earlier_periods: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(120), index=True)
    referred_by_id: Mapped[str | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    acquisition_cost: Mapped[Decimal | None]
    notes: Mapped[str | None] = mapped_column(Text)

    # The database deletes an account's contacts with it (ON DELETE CASCADE); the ORM must
    # neither load them for that nor set their account_id to NULL (NOT NULL: a purge failed).
    contacts: Mapped[list[Contact]] = relationship(back_populates="account", passive_deletes="all")
    tags: Mapped[list[Tag]] = relationship(secondary=account_tags, order_by=Tag.name)

    __table_args__ = (trash_index("accounts"),)


class Contact(Record):
    __tablename__ = "contacts"

    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    given_name: Mapped[str] = mapped_column(String(120))
    family_name: Mapped[str] = mapped_column(String(120), default="")
    name_order: Mapped[str] = mapped_column(String(12), default="given_first")
    honorific: Mapped[str | None] = mapped_column(String(60))
    job_title: Mapped[str | None] = mapped_column(String(160))
    buying_role: Mapped[str | None] = mapped_column(String(20))
    emails: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    phones: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    preferred_channel: Mapped[str | None] = mapped_column(String(20))
    preferred_language: Mapped[str | None] = mapped_column(String(35))
    formality: Mapped[str] = mapped_column(String(10), default="formal")
    country: Mapped[str] = mapped_column(String(2))
    subdivision: Mapped[str | None] = mapped_column(String(6))
    city: Mapped[str | None] = mapped_column(String(120))
    timezone: Mapped[str] = mapped_column(String(64))
    work_start: Mapped[str | None] = mapped_column(String(5))  # "HH:MM" override
    work_end: Mapped[str | None] = mapped_column(String(5))
    personal_notes: Mapped[str | None] = mapped_column(Text)
    how_we_met: Mapped[str | None] = mapped_column(Text)
    lawful_basis: Mapped[str | None] = mapped_column(String(30))
    consent_given_on: Mapped[date | None] = mapped_column(Date)
    consent_withdrawn_on: Mapped[date | None] = mapped_column(Date)
    marketing_opt_in: Mapped[bool] = mapped_column(Boolean, default=False)
    stay_in_touch_days: Mapped[int | None] = mapped_column(Integer)

    account: Mapped[Account] = relationship(back_populates="contacts")
    tags: Mapped[list[Tag]] = relationship(secondary=contact_tags, order_by=Tag.name)
    important_dates: Mapped[list[ImportantDate]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="ImportantDate.month"
    )

    __table_args__ = (
        Index("ix_contacts_account_id", "account_id"),
        Index("ix_contacts_family_name_given_name", "family_name", "given_name"),
        # where contacts are and their hours, counted without reading their rows
        # (queries.visible.contacts_by_place); also the index of a country's contacts
        Index(
            "ix_contacts_place_hours",
            "country",
            "subdivision",
            "timezone",
            "work_start",
            "work_end",
            "deleted_at",
        ),
        trash_index("contacts"),
    )


class ImportantDate(Base):
    """A yearly date of a contact (birthday, work anniversary, custom)."""

    __tablename__ = "important_dates"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    contact_id: Mapped[str] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))  # birthday | work_anniversary | custom
    label: Mapped[str | None] = mapped_column(String(120))
    month: Mapped[int] = mapped_column(SmallInteger)
    day: Mapped[int] = mapped_column(SmallInteger)
    year: Mapped[int | None] = mapped_column(SmallInteger)
    remind: Mapped[bool] = mapped_column(Boolean, default=True)

    contact: Mapped[Contact] = relationship(back_populates="important_dates")

    __table_args__ = (Index("ix_important_dates_month_day", "month", "day"),)


class Interaction(Record):
    __tablename__ = "interactions"

    account_id: Mapped[str] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(12))  # call | meeting | visit | email | message
    occurred_at: Mapped[datetime] = mapped_column(index=True)
    occurred_zone: Mapped[str] = mapped_column(String(64))
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(String(300))
    sentiment: Mapped[str | None] = mapped_column(String(10))  # positive | neutral | negative
    csat_score: Mapped[int | None] = mapped_column(SmallInteger)

    participants: Mapped[list[Contact]] = relationship(secondary=interaction_participants)


class FollowUp(Record):
    """Something to do with a contact at a wall-clock time in an anchor zone.

    ``local_due`` and ``zone`` are the intention; ``due_at`` (UTC) is derived from them and
    recomputed when tzdata's rules change.
    """

    __tablename__ = "follow_ups"

    contact_id: Mapped[str | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    account_id: Mapped[str] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    local_due: Mapped[str] = mapped_column(String(19))  # "YYYY-MM-DDTHH:MM:SS", naive wall time
    zone: Mapped[str] = mapped_column(String(64))
    due_at: Mapped[datetime] = mapped_column(index=True)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=30)
    status: Mapped[str] = mapped_column(String(10), default="open")
    completed_at: Mapped[datetime | None]
    snoozed_until: Mapped[datetime | None]
    notified_at: Mapped[datetime | None]
    rrule: Mapped[str | None] = mapped_column(String(300))
    # The series' first wall time (RFC 5545 DTSTART): occurrences are counted from it, so a
    # moved occurrence does not shift the ones after it.
    rrule_start: Mapped[str | None] = mapped_column(String(19))
    move_to_working_day: Mapped[bool] = mapped_column(Boolean, default=False)
    origin: Mapped[str] = mapped_column(String(20), default="manual")
    # Imported from a calendar's event: its UID, under which it is exported again, so that the
    # calendar (or the database it came from) takes it for the same event, not a new one
    # (None: made here, or imported before 0014; exported as ``<id>@accountdesk``); and its
    # SEQUENCE then (0 for one made here), which an export raises by the changes saved since.
    ics_uid: Mapped[str | None] = mapped_column(Text)
    ics_sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    # the lists' order (due, then id) within a status: the first overdue ones without sorting
    # every open follow-up (Today: 0.3 s at 88,000 open, against under a millisecond); with
    # what decides whether one is shown, the counts by due time read no row (0.04 s)
    __table_args__ = (
        Index(
            "ix_follow_ups_status_due",
            "status",
            "due_at",
            "id",
            "deleted_at",
            "account_id",
            "contact_id",
        ),
    )


class Deal(Record):
    __tablename__ = "deals"

    account_id: Mapped[str] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    amount: Mapped[Decimal]
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(6), default="open")  # open | won | lost
    #: lead | qualified | proposal | negotiation (labels.DEAL_STAGE); None: not recorded
    stage: Mapped[str | None] = mapped_column(String(12))
    closed_on: Mapped[date | None] = mapped_column(Date, index=True)


class SurveyResponse(Record):
    __tablename__ = "survey_responses"

    account_id: Mapped[str] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    #: an answer goes with its contact deleted for good (migration 0011): left without one, it
    #: would count as an answer of no one recorded, each on its own
    contact_id: Mapped[str | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(4))  # nps | csat
    score: Mapped[int] = mapped_column(SmallInteger)
    answered_on: Mapped[date] = mapped_column(Date, index=True)
    comment: Mapped[str | None] = mapped_column(Text)


class Gift(Record):
    __tablename__ = "gifts"

    account_id: Mapped[str] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[str | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    direction: Mapped[str] = mapped_column(String(8))  # given | received
    description: Mapped[str] = mapped_column(String(300))
    occasion: Mapped[str | None] = mapped_column(String(120))
    given_on: Mapped[date] = mapped_column(Date)
    value: Mapped[Decimal | None]
    currency: Mapped[str | None] = mapped_column(String(3))
    notes: Mapped[str | None] = mapped_column(Text)


class Note(Record):
    """Free text with a timestamp, on an account or a contact."""

    __tablename__ = "notes"

    account_id: Mapped[str | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[str | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    body: Mapped[str] = mapped_column(Text)


class CountryNote(Record):
    """The user's own note about doing business in a country."""

    __tablename__ = "country_notes"

    country: Mapped[str] = mapped_column(String(2), index=True)
    body: Mapped[str] = mapped_column(Text)


class ExchangeRate(Base):
    """``1 base = rate currency`` on ``valid_on`` (see :mod:`accountdesk.core.money`). One rate
    per pair and day: entering it again replaces it."""

    __tablename__ = "exchange_rates"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    base: Mapped[str] = mapped_column(String(3))
    currency: Mapped[str] = mapped_column(String(3))
    rate: Mapped[Decimal] = mapped_column(DecimalText())
    valid_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    __table_args__ = (UniqueConstraint("base", "currency", "valid_on"),)


class User(Record):
    """A member of the team on a shared server: their login is their PostgreSQL role, and an
    account's ``owner`` is a login. A laptop's own file has no users."""

    __tablename__ = "users"

    login: Mapped[str] = mapped_column(String(63), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    role: Mapped[str] = mapped_column(String(12), default="rep")  # "rep" | "manager"


class Setting(Base):
    __tablename__ = "settings"

    #: A setting's name, or on a team server "<login>/<name>" for a person's own
    #: (services/activity.py: stored_key): room for a 63-character login.
    key: Mapped[str] = mapped_column(String(160), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ContactMerge(Base):
    """One merge of duplicate contacts into a kept one, with what undoing it needs
    (:mod:`accountdesk.core.services.duplicates`): ``merged_ids`` went to the trash, ``changes``
    holds the kept contact's fields before and after, and every row that was moved or dropped."""

    __tablename__ = "contact_merges"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kept_id: Mapped[str] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    merged_ids: Mapped[list[str]] = mapped_column(JSON)
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    merged_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    undone_at: Mapped[datetime | None] = mapped_column(default=None)


class AccountMerge(Base):
    """One merge of duplicate accounts into a kept one, with what undoing it needs
    (:mod:`accountdesk.core.services.account_merge`): ``merged_ids`` went to the trash,
    ``changes`` holds the kept account's fields before and after, and every row that was moved
    (contacts, deals, interactions …, the accounts they referred) or dropped (a tag the kept
    account had)."""

    __tablename__ = "account_merges"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kept_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    merged_ids: Mapped[list[str]] = mapped_column(JSON)
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    merged_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    undone_at: Mapped[datetime | None] = mapped_column(default=None)


class UnfinishedErasure(Base):
    """An erase of a contact whose backups are still to be cleaned
    (:mod:`accountdesk.core.services.privacy`): written in the transaction that erases them
    from the database, deleted once the backups were looked at again. A row left behind (the
    process stopped in between, or a backup that could not be cleaned) is finished by the next
    start of the app or command (:func:`~accountdesk.core.services.privacy.finish_erasures`).
    It holds only what finds them in a backup: the ids of the contacts erased (never a name,
    an address or any other value of theirs); no foreign key: they are gone."""

    __tablename__ = "unfinished_erasures"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    contact_ids: Mapped[list[str]] = mapped_column(JSON)
    erased_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: the database file was rebuilt since (``VACUUM``, as the erase does): a later attempt
    #: at the backups does not rebuild it again
    file_rebuilt: Mapped[bool] = mapped_column(Boolean, default=False)


SOFT_DELETABLE: tuple[type[Record], ...] = (
    Account,
    Contact,
    Interaction,
    FollowUp,
    Deal,
    SurveyResponse,
    Gift,
    Note,
    CountryNote,
)


def table(model: type[Base]) -> Table:
    """The Core table of a model (typed, for bulk statements)."""
    found = model.__table__
    assert isinstance(found, Table)
    return found
