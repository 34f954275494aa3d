"""Use cases for what happens with accounts: interactions, deals, surveys, gifts and notes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from accountdesk.core import labels
from accountdesk.core import validation as v
from accountdesk.core.bidi import isolate
from accountdesk.core.clock import Clock, system_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.db.fts import display_name
from accountdesk.core.db.models import (
    Account,
    Contact,
    CountryNote,
    Deal,
    FollowUp,
    Gift,
    Interaction,
    Note,
    Record,
    Setting,
    SurveyResponse,
    interaction_participants,
)
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import _, format_date, format_number, format_when
from accountdesk.core.queries.visible import contact_shown
from accountdesk.core.services import trash
from accountdesk.core.services.conflicts import Loaded, bumped, editable, saving
from accountdesk.core.timekeeping.stay_in_touch import STAY_IN_TOUCH

# The values a field may store are the keys of its labels (core/labels.py), in their order.
INTERACTION_KINDS = tuple(labels.INTERACTION_KIND)
SENTIMENTS = tuple(labels.SENTIMENT)
#: How far ahead of now an interaction may be logged: a clock a little ahead, a call logged
#: as it starts. Later than that it has not happened yet (it is a follow-up).
LOGGED_AHEAD_AT_MOST = timedelta(minutes=15)
#: An interaction's duration in minutes: a day at most (a longer one is a trip, not a call),
#: except a value read from a file or the one stored, kept up to what a column holds.
MAX_DURATION_MINUTES = 24 * 60
_STORABLE_MINUTES = 2**31 - 1
DEAL_STATUSES = tuple(labels.DEAL_STATUS)
DEAL_STAGES = tuple(labels.DEAL_STAGE)
SURVEY_KINDS = tuple(labels.SURVEY_KIND)
GIFT_DIRECTIONS = tuple(labels.GIFT_DIRECTION)

R = TypeVar("R", bound=Record)


def _contacts(session: Session, ids: Sequence[str]) -> list[Contact]:
    return [trash.live(session, Contact, contact_id) for contact_id in ids]


def _about(
    session: Session,
    account_id: str | None,
    contact_id: str | None,
    *,
    stored: SurveyResponse | Gift | None = None,
) -> tuple[Account | None, Contact | None]:
    """The account and the contact a record is about (either may be None), there and not in
    the trash: else the refusal (:func:`trash.live`). A contact of both is one of the
    account's people, or the one an edit keeps on the account ``stored`` is about (the
    record as stored: they were at its account when it was recorded, and moved on since);
    another account's is refused, naming both accounts (the command line, an import or a
    script put a survey answer or a gift about another account's person to this one's figures
    and cadence), and so is an edit that moves the record to another account with the person
    it keeps (an answer of Anna's at Alpha, who is at Beta now, made Gamma's, where she never
    was: code review rev15's 3rd)."""
    account = None if account_id is None else trash.live(session, Account, account_id)
    contact = trash.live(session, Contact, contact_id) if contact_id else None
    if account is None or contact is None or contact.account_id == account.id:
        return account, contact
    if stored is not None and (stored.account_id, stored.contact_id) == (account.id, contact.id):
        return account, contact  # kept on the account it was recorded at
    theirs = session.get(Account, contact.account_id)
    raise v.fail(
        "contact",
        display_name(contact.given_name, contact.family_name, contact.name_order),
        _(
            "is a contact of {other}, not of {account}; choose one of {account}'s people "
            "or the account as a whole"
        ).format(
            other=isolate(theirs.name if theirs is not None else ""),
            account=isolate(account.name),
        ),
    )


def _same_answer(session: Session, values: dict[str, Any], survey_id: str | None) -> None:
    """Refuse an answer recorded already (:func:`_answer_recorded`): saved twice, an answer of
    no one named counts twice in NPS and CSAT (each counts once: :func:`metrics.
    latest_responses <accountdesk.core.metrics.latest_responses>`), and a person's shows
    twice; another person's answer names that person."""
    found = _answer_recorded(session, values, survey_id)
    if found is not None:
        raise v.fail(
            "score",
            values["score"],
            _(
                "the same answer is recorded already: {kind} {score} from {who} at {account}, "
                "answered on {date}. Saved twice, it would count twice; if someone else gave "
                "it, choose them as the contact"
            ).format(**found),
        )


def refuse_same_answer_restored(session: Session, answer: SurveyResponse) -> None:
    """Refuse to take ``answer`` out of the trash (:func:`trash.restore`: the Trash's Restore,
    the undo of Move to trash) when the same answer was recorded while it was there (typed
    in again, as one may once the first is in the trash): restored, it would count twice. The
    save's rule (:func:`_answer_recorded`); the message names the answer and says why."""
    values = {
        "account_id": answer.account_id,
        "contact_id": answer.contact_id,
        "kind": answer.kind,
        "score": answer.score,
        "answered_on": answer.answered_on,
    }
    found = _answer_recorded(session, values, answer.id)
    if found is not None:
        raise UserError(
            _(
                "The answer {kind} {score} from {who} at {account}, answered on {date}, was "
                "not restored: the same answer was recorded again while it was in the trash, "
                "and both would count."
            ).format(**found)
        )


def _answer_recorded(
    session: Session, values: dict[str, Any], survey_id: str | None
) -> dict[str, str] | None:
    """When the answer of ``values`` is recorded already, not in the trash (an answer other
    than ``survey_id``, the one saved or restored): the same kind and score, answered on the
    same day, by the same person (or by no one named) about the same account. Then the words
    that name it in a refusal (``kind``, ``score``, ``who``, ``account``, ``date``); else
    None."""
    contact_id = values["contact_id"]
    same = select(SurveyResponse.id).where(
        SurveyResponse.account_id == values["account_id"],
        SurveyResponse.contact_id.is_(None)
        if contact_id is None
        else SurveyResponse.contact_id == contact_id,
        SurveyResponse.kind == values["kind"],
        SurveyResponse.score == values["score"],
        SurveyResponse.answered_on == values["answered_on"],
        SurveyResponse.deleted_at.is_(None),
    )
    if survey_id is not None:  # not the answer itself
        same = same.where(SurveyResponse.id != survey_id)
    if session.scalars(same.limit(1)).first() is None:
        return None
    account = session.get(Account, values["account_id"])
    contact = session.get(Contact, contact_id) if contact_id else None
    return {
        "kind": isolate(labels.label(labels.SURVEY_KIND, values["kind"])),
        "score": format_number(values["score"]),
        "who": (
            isolate(display_name(contact.given_name, contact.family_name, contact.name_order))
            if contact is not None
            else _("the account as a whole")
        ),
        "account": isolate(account.name if account is not None else ""),
        "date": isolate(format_date(values["answered_on"])),
    }


@dataclass
class InteractionInput:
    kind: str
    occurred_at: datetime  # aware
    contact_ids: Sequence[str] = ()
    account_id: str | None = None  # taken from the first contact when empty
    occurred_zone: str | None = None  # the zone it happened in; the first contact's by default
    duration_minutes: int | None = None
    subject: str = ""
    notes: str | None = None
    outcome: str | None = None
    sentiment: str | None = None
    csat_score: int | None = None


@dataclass
class StoredInteraction(InteractionInput):
    """An interaction as its edit form loads it (:func:`interaction_for_edit`): ``contact_ids``
    all the people it is with, and among them ``hidden_ids``, those no list shows (in the
    trash, or at an account in the trash: :mod:`accountdesk.core.queries.visible`). The form
    shows them as such, not to be chosen; a save keeps them whatever it sends
    (:func:`update_interaction` reads them from the database)."""

    hidden_ids: tuple[str, ...] = ()


def _hidden_participants(session: Session, interaction: Interaction) -> list[Contact]:
    """The people ``interaction`` is with that no list shows (in the trash, or at an account
    in the trash), in the order it holds them. An edit keeps them: the form cannot offer them,
    and restoring them shows them on the interaction again."""
    hidden = set(
        session.scalars(
            select(Contact.id)
            .join(interaction_participants, interaction_participants.c.contact_id == Contact.id)
            .where(
                interaction_participants.c.interaction_id == interaction.id,
                ~contact_shown(),
            )
        )
    )
    return [c for c in interaction.participants if c.id in hidden]


def clean_interaction(
    session: Session,
    data: InteractionInput,
    clock: Clock = system_clock,
    *,
    hidden: Sequence[Contact] = (),
) -> dict[str, Any]:
    """The values of an interaction to store; ``hidden``: the people a stored one is with
    that no list shows (:func:`_hidden_participants`), kept with those ``data`` names whether
    it names them or not (anyone else in the trash is refused)."""
    if data.occurred_at.tzinfo is None:
        raise v.fail("occurred_at", data.occurred_at, _("needs a time zone"))
    kept = {c.id for c in hidden}
    chosen = _contacts(session, [id_ for id_ in data.contact_ids if id_ not in kept])
    contacts = chosen + list(hidden)
    account_id = data.account_id or (contacts[0].account_id if contacts else None)
    if account_id is not None:
        trash.live(session, Account, account_id)
    # SPEC: an interaction is with one or more contacts. One of an account stored with nobody
    # (an older file's) is saved so when an edit leaves it so (``keeping``: the people stored)
    if not contacts and (account_id is None or not v.kept("contact", ())):
        raise v.fail("contact", None, _("choose at least one person it was with"))
    assert account_id is not None
    zone = v.timezone(data.occurred_zone, "timezone", allow_empty=True)
    if zone is None:
        zone = contacts[0].timezone if contacts else "UTC"
    if not v.kept("occurred_at", data.occurred_at):  # a file's, or the moment stored
        day = data.occurred_at.astimezone(ZoneInfo(zone)).date()  # the day where it happened
        v.plausible_date("occurred_at", day, format_date(day))
        # logged after it happened: a moment, not a day (a day allowed up to 47 hours ahead)
        if data.occurred_at > clock() + LOGGED_AHEAD_AT_MOST:
            shown = format_when(data.occurred_at, ZoneInfo(zone))
            raise v.fail("occurred_at", shown, _("is later than now"))
    kept_long = v.kept("duration", data.duration_minutes)
    longest = _STORABLE_MINUTES if kept_long else MAX_DURATION_MINUTES
    duration = v.score("duration", data.duration_minutes, 0, longest)
    return {
        "account_id": account_id,
        "kind": v.choice("kind", data.kind, INTERACTION_KINDS),
        "occurred_at": data.occurred_at,
        "occurred_zone": zone,
        "duration_minutes": duration,
        "subject": v.optional("subject", data.subject) or "",
        "notes": v.optional("notes", data.notes),
        "outcome": v.optional("outcome", data.outcome),
        "sentiment": v.optional_choice("sentiment", data.sentiment, SENTIMENTS),
        "csat_score": v.score("csat_score", data.csat_score, 1, 5),
        "participants": contacts,
    }


def add_interaction(
    session: Session, data: InteractionInput, clock: Clock = system_clock
) -> Interaction:
    """Add an interaction inside an open transaction (used by quick log and imports).

    Being in touch resets the stay-in-touch cadence: open stay-in-touch follow-ups of the
    participants are marked done.
    """
    interaction = Interaction(**clean_interaction(session, data, clock))
    session.add(interaction)
    ids = [c.id for c in interaction.participants]
    if ids:
        session.execute(
            update(FollowUp)
            .where(
                FollowUp.contact_id.in_(ids),
                FollowUp.origin == STAY_IN_TOUCH,
                FollowUp.status == "open",
            )
            .values(status="done", completed_at=data.occurred_at, **bumped(FollowUp))
        )
    session.flush()
    return interaction


def log_interaction(db: Database, data: InteractionInput, clock: Clock = system_clock) -> str:
    """Log an interaction (``clock``: now, which it may not be later than)."""
    with db.transaction() as session:
        return add_interaction(session, data, clock).id


def update_interaction(
    db: Database,
    interaction_id: str,
    data: InteractionInput,
    *,
    expected_version: int | None = None,
    clock: Clock = system_clock,
) -> None:
    """Save an edited interaction; ``expected_version`` as in
    :func:`~accountdesk.core.services.accounts.update_contact`."""
    with saving(db) as session:
        interaction = editable(session, Interaction, interaction_id, expected_version)
        stored = {
            "occurred_at": interaction.occurred_at,
            "duration": interaction.duration_minutes,
            "contact": tuple(c.id for c in interaction.participants),
        }
        # a person in the trash stays on it: never dropped by an edit of something else
        hidden = _hidden_participants(session, interaction)
        with v.keeping(stored=stored):  # an edit of the rest
            values = clean_interaction(session, data, clock, hidden=hidden)
        for key, value in values.items():
            setattr(interaction, key, value)


def interaction_for_edit(db: Database, interaction_id: str) -> Loaded[StoredInteraction]:
    """The stored interaction as an edit form shows it, with the version it was read at."""
    with db.reader() as session:
        row = trash.live(session, Interaction, interaction_id)
        data = StoredInteraction(
            kind=row.kind,
            occurred_at=row.occurred_at,
            contact_ids=[c.id for c in row.participants],
            account_id=row.account_id,
            occurred_zone=row.occurred_zone,
            duration_minutes=row.duration_minutes,
            subject=row.subject,
            notes=row.notes,
            outcome=row.outcome,
            sentiment=row.sentiment,
            csat_score=row.csat_score,
            hidden_ids=tuple(c.id for c in _hidden_participants(session, row)),
        )
        return Loaded(data, row.version)


@dataclass
class DealInput:
    account_id: str
    title: str
    amount: Decimal | str
    currency: str
    status: str = "open"
    closed_on: date | str | None = None
    stage: str | None = None


def _clean_deal(data: DealInput, stored: Deal | None = None) -> dict[str, Any]:
    """The values of a deal to store; ``stored``: the deal an edit saves over. What the edit
    leaves as stored is saved as it is (:func:`validation.keeping
    <accountdesk.core.validation.keeping>`): its amount in the same currency (another
    currency is not converted: the amount meets its rules, 5,000.50 is no amount of yen),
    and its closing date while the deal stays open or stays closed. A deal won or lost by
    this edit is checked as a new one is: its date has happened (an open deal's date, typed
    as the day it was expected to close, was kept as the day a deal marked won later was
    won, in the future)."""
    currency = v.currency(data.currency, allow_empty=False)
    status = v.choice("status", data.status, DEAL_STATUSES, default="open")
    kept: dict[str, object] = {}
    if stored is not None:
        if stored.currency == currency:
            kept["amount"] = stored.amount
        if (stored.status == "open") == (status == "open"):
            kept["date"] = stored.closed_on
    with v.keeping(stored=kept):  # what an edit does not change is saved as it is
        amount = v.money("amount", data.amount, currency)
        closed_on = v.parse_date("date", data.closed_on, happened=status != "open")
    if amount is None:
        raise v.fail("amount", None, _("is required"))
    if status != "open" and closed_on is None:
        raise v.fail("date", None, _("a won or lost deal needs the date it closed"))
    return {
        "account_id": data.account_id,
        "title": v.required("title", data.title),
        "amount": amount,
        "currency": currency,
        "status": status,
        "stage": v.optional_choice("stage", data.stage, DEAL_STAGES),
        "closed_on": closed_on,
    }


def save_deal(
    db: Database,
    data: DealInput,
    deal_id: str | None = None,
    *,
    expected_version: int | None = None,
) -> str:
    """Add a deal, or save an edited one (``deal_id``; ``expected_version``: the version its
    form was loaded at, :func:`deal_for_edit`)."""
    with saving(db) as session:
        obj = _editable(session, Deal, deal_id, expected_version)
        values = _clean_deal(data, obj)
        trash.live(session, Account, data.account_id)
        return _save(session, Deal, obj, values)


def deal_for_edit(db: Database, deal_id: str) -> Loaded[DealInput]:
    with db.reader() as session:
        row = trash.live(session, Deal, deal_id)
        data = DealInput(
            account_id=row.account_id,
            title=row.title,
            amount=row.amount,
            currency=row.currency,
            status=row.status,
            closed_on=row.closed_on,
            stage=row.stage,
        )
        return Loaded(data, row.version)


@dataclass
class SurveyInput:
    account_id: str
    kind: str
    score: int | str
    answered_on: date | str
    contact_id: str | None = None
    comment: str | None = None


def save_survey(
    db: Database,
    data: SurveyInput,
    survey_id: str | None = None,
    *,
    expected_version: int | None = None,
) -> str:
    """Add a survey response, or save an edited one (as :func:`save_deal`)."""
    kind = v.choice("kind", data.kind, SURVEY_KINDS)
    low, high = (0, 10) if kind == "nps" else (1, 5)
    score = v.score("score", data.score, low, high)
    if score is None:
        raise v.fail("score", None, _("is required"))
    with saving(db) as session:
        obj = _editable(session, SurveyResponse, survey_id, expected_version)
        with v.keeping(stored={} if obj is None else {"date": obj.answered_on}):
            answered = v.parse_date("date", data.answered_on, happened=True)
        if answered is None:
            raise v.fail("date", None, _("is required"))
        values = {
            "account_id": data.account_id,
            "contact_id": data.contact_id or None,
            "kind": kind,
            "score": score,
            "answered_on": answered,
            "comment": v.optional("comment", data.comment),
        }
        _about(session, data.account_id, data.contact_id, stored=obj)
        _same_answer(session, values, survey_id)
        return _save(session, SurveyResponse, obj, values)


def survey_for_edit(db: Database, survey_id: str) -> Loaded[SurveyInput]:
    with db.reader() as session:
        row = trash.live(session, SurveyResponse, survey_id)
        data = SurveyInput(
            row.account_id, row.kind, row.score, row.answered_on, row.contact_id, row.comment
        )
        return Loaded(data, row.version)


@dataclass
class GiftInput:
    account_id: str
    direction: str
    description: str
    given_on: date | str
    contact_id: str | None = None
    occasion: str | None = None
    value: Decimal | str | None = None
    currency: str | None = None
    notes: str | None = None


def save_gift(
    db: Database,
    data: GiftInput,
    gift_id: str | None = None,
    *,
    expected_version: int | None = None,
) -> str:
    """Add a gift, or save an edited one (as :func:`save_deal`)."""
    with saving(db) as session:
        obj = _editable(session, Gift, gift_id, expected_version)
        currency = v.currency(data.currency)
        stored: dict[str, object] = {} if obj is None else {"date": obj.given_on}
        if obj is not None and obj.currency == currency:  # another currency: not converted
            stored["value"] = obj.value
        with v.keeping(stored=stored):  # what an edit does not change is saved as it is
            given_on = v.parse_date("date", data.given_on)
            value = v.money("value", data.value, currency)
        if given_on is None:
            raise v.fail("date", None, _("is required"))
        if value is not None and currency is None:
            raise v.fail("currency", None, _("is required when a value is given"))
        values = {
            "account_id": data.account_id,
            "contact_id": data.contact_id or None,
            "direction": v.choice("direction", data.direction, GIFT_DIRECTIONS),
            "description": v.required("description", data.description),
            "occasion": v.optional("occasion", data.occasion),
            "given_on": given_on,
            "value": value,
            "currency": currency,
            "notes": v.optional("notes", data.notes),
        }
        _about(session, data.account_id, data.contact_id, stored=obj)
        return _save(session, Gift, obj, values)


def gift_for_edit(db: Database, gift_id: str) -> Loaded[GiftInput]:
    with db.reader() as session:
        row = trash.live(session, Gift, gift_id)
        data = GiftInput(
            account_id=row.account_id,
            direction=row.direction,
            description=row.description,
            given_on=row.given_on,
            contact_id=row.contact_id,
            occasion=row.occasion,
            value=row.value,
            currency=row.currency,
            notes=row.notes,
        )
        return Loaded(data, row.version)


def save_note(
    db: Database,
    body: str,
    *,
    account_id: str | None = None,
    contact_id: str | None = None,
    note_id: str | None = None,
    expected_version: int | None = None,
) -> str:
    """Add a note, or save an edited one (``note_id``; ``expected_version`` as in
    :func:`save_deal`, from :func:`note_for_edit`)."""
    if (account_id is None) == (contact_id is None):
        raise ValueError("a note belongs to exactly one account or contact")
    values = {
        "body": v.required("body", body),
        "account_id": account_id,
        "contact_id": contact_id,
    }
    with saving(db) as session:
        obj = _editable(session, Note, note_id, expected_version)
        _about(session, account_id, contact_id)
        return _save(session, Note, obj, values)


def note_for_edit(db: Database, note_id: str) -> Loaded[str]:
    """A note's stored text, with the version it was read at."""
    with db.reader() as session:
        row = trash.live(session, Note, note_id)
        return Loaded(row.body, row.version)


def save_country_note(
    db: Database,
    country: str,
    body: str,
    note_id: str | None = None,
    *,
    expected_version: int | None = None,
) -> str:
    """Add the user's note on a country, or save an edited one (as :func:`save_note`)."""
    values = {"country": v.country(country), "body": v.required("body", body)}
    with saving(db) as session:
        obj = _editable(session, CountryNote, note_id, expected_version)
        return _save(session, CountryNote, obj, values)


def country_note_for_edit(db: Database, note_id: str) -> Loaded[str]:
    """A country note's stored text, with the version it was read at."""
    with db.reader() as session:
        row = trash.live(session, CountryNote, note_id)
        return Loaded(row.body, row.version)


def _editable(
    session: Session, model: type[R], id_: str | None, expected_version: int | None
) -> R | None:
    """The stored row to save over, checked and locked (:func:`conflicts.editable`); None for a
    new one (``id_`` None)."""
    if id_ is None:
        return None
    return editable(session, model, id_, expected_version)


def _save(session: Session, model: Any, obj: Any, values: dict[str, Any]) -> str:
    """Add a new ``model`` row (``obj`` None) or write ``values`` over ``obj``."""
    if obj is None:
        obj = model(**values)
        session.add(obj)
    else:
        for key, value in values.items():
            setattr(obj, key, value)
    session.flush()
    return str(obj.id)


# --- settings ---------------------------------------------------------------------------

#: Settings that are each person's own (their zone, country, hours, language, calendar, lock,
#: daily suggestions). On a team server everyone shares one ``settings`` table, so these are
#: kept per login (``"<login>/<key>"``); the rest (the reporting currency, the stay-in-touch
#: clock, the database's identity) is the team's. A laptop's file has one person: plain keys.
PERSONAL_SETTINGS = ("user.", "ui.", "security.", "backup.", "stay_in_touch.daily_cap")


def stored_key(db: Database, key: str) -> str:
    """The row ``key`` is kept in for the person connected to ``db``: on a team server a
    personal setting's row is ``"<login>/<key>"`` (:attr:`Database.login
    <accountdesk.core.db.engine.Database.login>`), a plain key elsewhere. A laptop's copy of a
    server keeps plain keys, although its user is a member of the team
    (:attr:`~accountdesk.core.db.engine.Database.member`): its ``settings`` table is its own,
    never synchronised, and the copy took the member's own rows into plain keys when it was
    made (``sync._settings``)."""
    login = db.login
    if login is None or not key.startswith(PERSONAL_SETTINGS):
        return key
    return f"{login}/{key}"


def get_setting(db: Database, key: str, default: Any = None) -> Any:
    with db.reader() as session:
        row = session.get(Setting, stored_key(db, key))
        return default if row is None else row.value


def set_setting(db: Database, key: str, value: Any, clock: Clock = system_clock) -> None:
    write_settings(db, {key: value}, clock)


def write_settings(db: Database, values: dict[str, Any], clock: Clock = system_clock) -> None:
    """Store several settings in one transaction; a value of None removes the setting."""
    with db.transaction() as session:
        for name, value in values.items():
            key = stored_key(db, name)
            row = session.get(Setting, key)
            if value is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(Setting(key=key, value=value, updated_at=clock()))
            else:
                row.value = value
                row.updated_at = clock()


def delete_setting(db: Database, key: str) -> None:
    """Forget ``key`` (its default applies again)."""
    with db.transaction() as session:
        row = session.get(Setting, stored_key(db, key))
        if row is not None:
            session.delete(row)
