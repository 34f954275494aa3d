"""Editing dialogs for what belongs to an account: deals, surveys, gifts, notes, interactions.

A dialog for a stored record (``item``, a row of a view) shows the record as stored when it
opens, and its save checks that nobody saved the record since (the version it loaded).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

from accountdesk.core.bidi import isolate_acronyms
from accountdesk.core.i18n import (
    DateInputError,
    _,
    date_input_placeholder,
    datetime_input_placeholder,
    format_datetime_input,
    parse_datetime_input,
)
from accountdesk.core.labels import (
    DEAL_STAGE,
    DEAL_STATUS,
    GIFT_DIRECTION,
    INTERACTION_KIND,
    SENTIMENT,
    SURVEY_KIND,
)
from accountdesk.core.queries.culture import account_country
from accountdesk.core.queries.details import (
    ContactSummary,
    DealItem,
    GiftItem,
    InteractionItem,
    NoteItem,
    SurveyItem,
)
from accountdesk.core.services import activity
from accountdesk.core.services.activity import (
    DEAL_STAGES,
    DEAL_STATUSES,
    GIFT_DIRECTIONS,
    INTERACTION_KINDS,
    SENTIMENTS,
    SURVEY_KINDS,
    DealInput,
    GiftInput,
    SurveyInput,
)
from accountdesk.core.timekeeping.zones import WallTimeResolution, resolve_wall_time
from accountdesk.core.validation import clean_text, fail, format_number_input, timezone
from accountdesk.ui.context import AppContext
from accountdesk.ui.culture_panel import gift_advice
from accountdesk.ui.forms import (
    ChoiceList,
    FormDialog,
    combo,
    currency_example,
    line,
    notes_edit,
    table_choices,
    zone_combo,
)


def people_choices(
    people: Sequence[ContactSummary], recorded: Sequence[str]
) -> list[tuple[str, str]]:
    """The account's people as (id, name) choices, and the people ``recorded`` with a record
    who are no longer listed there (moved to another account): kept as recorded unless the
    user chooses otherwise."""
    choices = [(person.id, person.name) for person in people]
    listed = {person.id for person in people}
    gone = _("Someone no longer at this account (kept as recorded)")
    return choices + [(id_, gone) for id_ in recorded if id_ not in listed]


def currency_line() -> QLineEdit:
    """The currency field of a deal or a gift: a new one's is filled with the account's
    currency (else its country's); empty, it says what to type. "EUR" as its placeholder read
    as a default, and the wrong one for a Turkish account."""
    return line(currency_example())


class _ItemDialog(FormDialog):
    item: DealItem | SurveyItem | GiftItem | NoteItem | None
    #: The version of the stored record the form shows (None for a new one).
    version: int | None = None

    def _id(self) -> str | None:
        return self.item.id if self.item else None

    def _contact_id(self) -> str | None:
        if "contact" in self.fields:
            return self.text("contact") or None
        return getattr(self.item, "contact_id", None)

    def note_unconverted(self, amount_key: str, stored_currency: str | None) -> None:
        """Under the amount of a stored deal or gift (``amount_key``), while the currency
        typed is not the stored one: the amount is not converted. 5,000 EUR made JPY was
        saved as 5,000 JPY without a word."""
        note = self.field_note(amount_key, "currency_note")
        box = self.fields["currency"]
        assert isinstance(box, QLineEdit)

        def follow() -> None:
            typed = (clean_text(box.text()) or "").upper()
            changed = bool(stored_currency and self.text(amount_key)) and (typed != stored_currency)
            note.setText(_("The amount is not converted to the new currency.") if changed else "")
            note.setVisible(changed)

        amount = self.fields[amount_key]
        assert isinstance(amount, QLineEdit)
        for field in (box, amount):
            field.textChanged.connect(follow)
        follow()

    def add_contact_field(self, people: Sequence[ContactSummary], empty: str) -> None:
        """A choice of the account's people (``empty``: about none of them in particular);
        one recorded about someone no longer listed here keeps them unless another is chosen.
        A survey answer about a person is what the stay-in-touch rule reads (a detractor's
        score asks for a call), and a gift to a person is what their page lists."""
        stored = getattr(self.item, "contact_id", None)
        choices = people_choices(people, [stored] if stored else [])
        self.add_field("contact", _("Contact"), combo(choices, empty=empty))


class DealDialog(_ItemDialog):
    def __init__(
        self, ctx: AppContext, account_id: str, item: DealItem | None = None,
        currency: str | None = None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(_("Edit deal") if item else _("New deal"), parent)
        self.ctx, self.account_id, self.item = ctx, account_id, item
        self.add_field("title", _("Title"), line())
        self.add_field("amount", _("Amount"), line(format_number_input(Decimal("12500.00"))))
        self.add_field("currency", _("Currency"), currency_line())
        self.add_field("status", _("Status"), combo(table_choices(DEAL_STATUS, DEAL_STATUSES)))
        self.add_field(
            "stage",
            _("Stage"),
            combo(table_choices(DEAL_STAGE, DEAL_STAGES), empty=_("Not recorded")),
        )
        self.add_field("date", _("Closed on"), line(date_input_placeholder()))
        if item:
            self.load_stored()
            self.note_unconverted("amount", item.currency)
        else:
            self.set_text("currency", currency)
        self.mark_clean()

    def load_stored(self) -> None:
        assert self.item is not None
        loaded = activity.deal_for_edit(self.ctx.db, self.item.id)
        self.version, deal = loaded.version, loaded.data
        for key, value in (("title", deal.title), ("amount", deal.amount),
                           ("currency", deal.currency), ("status", deal.status),
                           ("stage", deal.stage), ("date", deal.closed_on)):  # fmt: skip
            self.set_text(key, value)

    def save(self) -> str:
        data = DealInput(
            self.account_id,
            self.text("title"),
            self.text("amount"),
            self.text("currency"),
            self.text("status"),
            self.text("date") or None,
            self.text("stage") or None,
        )
        version = self.version
        return self.ctx.write(
            "deal",
            lambda: activity.save_deal(self.ctx.db, data, self._id(), expected_version=version),
        )


class SurveyDialog(_ItemDialog):
    def __init__(
        self, ctx: AppContext, account_id: str, item: SurveyItem | None = None,
        parent: QWidget | None = None, *, people: Sequence[ContactSummary] = (),
        contact_id: str | None = None,
    ) -> None:  # fmt: skip
        """``contact_id``: a new answer's person (added on their page)."""
        super().__init__(_("Edit survey response") if item else _("New survey response"), parent)
        self.ctx, self.account_id, self.item = ctx, account_id, item
        self.add_field("kind", _("Kind"), combo(table_choices(SURVEY_KIND, SURVEY_KINDS)))
        self.add_contact_field(people, _("The account as a whole"))
        # the acronyms isolated: the Persian line began with "NPS" and was laid out left to right
        self.add_field("score", _("Score"), line(isolate_acronyms(_("NPS 0–10, CSAT 1–5"))))
        self.add_field("date", _("Answered on"), line(date_input_placeholder()))
        self.add_field("comment", _("Comment"), notes_edit())
        if item:
            self.load_stored()
        else:
            self.set_text("date", ctx.today())
            self.set_text("contact", contact_id)
        self.mark_clean()

    def load_stored(self) -> None:
        assert self.item is not None
        loaded = activity.survey_for_edit(self.ctx.db, self.item.id)
        self.version, survey = loaded.version, loaded.data
        for key, value in (("kind", survey.kind), ("score", survey.score),
                           ("date", survey.answered_on), ("comment", survey.comment),
                           ("contact", survey.contact_id)):  # fmt: skip
            self.set_text(key, value)

    def save(self) -> str:
        data = SurveyInput(
            self.account_id,
            self.text("kind"),
            self.text("score"),
            self.text("date"),
            self._contact_id(),
            self.text("comment"),
        )
        version = self.version
        return self.ctx.write(
            "survey",
            lambda: activity.save_survey(self.ctx.db, data, self._id(), expected_version=version),
        )


class GiftDialog(_ItemDialog):
    """A gift; a new one's value is in ``currency`` (the account's, else its country's) unless
    another is typed: the field was empty behind an "EUR" placeholder, and a value typed was
    refused for it."""

    def __init__(
        self, ctx: AppContext, account_id: str, item: GiftItem | None = None,
        currency: str | None = None, parent: QWidget | None = None,
        *, people: Sequence[ContactSummary] = (), contact_id: str | None = None,
    ) -> None:  # fmt: skip
        """``contact_id``: a new gift's person (added on their page)."""
        super().__init__(_("Edit gift") if item else _("New gift"), parent)
        self.ctx, self.account_id, self.item = ctx, account_id, item
        directions = table_choices(GIFT_DIRECTION, GIFT_DIRECTIONS)
        self.add_field("direction", _("Given or received"), combo(directions))
        self.add_contact_field(people, _("The account as a whole"))
        self.add_field("description", _("Description"), line())
        self.add_field("occasion", _("Occasion"), line())
        self.add_field("date", _("Date"), line(date_input_placeholder()))
        self.add_field("value", _("Value"), line())
        self.add_field("currency", _("Currency"), currency_line())
        self.gift_notes: str | None = None  # not in the form: kept as stored
        if item:
            self.load_stored()
            self.note_unconverted("value", item.currency)
        else:
            self.set_text("date", ctx.today())
            self.set_text("currency", currency)
            self.set_text("contact", contact_id)
        self.mark_clean()
        place = account_country(ctx.db, account_id)
        self._account_country = place[0] if place else None
        self._countries = {person.id: person.country for person in people}
        self._advice_for = self.advice_for()
        self.advice = gift_advice(self._advice_for[0], for_person=self._advice_for[1])
        outer = self.layout()
        if isinstance(outer, QVBoxLayout):
            outer.insertWidget(outer.count() - 1, self.advice)
        people_box = self.fields["contact"]
        assert isinstance(people_box, QComboBox)
        people_box.currentIndexChanged.connect(lambda _index: self._follow_contact())

    def advice_country(self) -> str | None:
        """Whose gift etiquette is shown (SPEC: the contact's country): the chosen person's
        country, the account's for the account as a whole (or for someone no longer listed
        at it, whose country the form does not know)."""
        return self._countries.get(self._contact_id() or "") or self._account_country

    def advice_for(self) -> tuple[str | None, bool]:
        """The advice's country (:meth:`advice_country`), and whether the gift is for a
        person (whom its disclaimer then speaks of) rather than the account as a whole."""
        return self.advice_country(), bool(self._contact_id())

    def _follow_contact(self) -> None:
        """Another person chosen: the advice of their country (the box showed the account's
        country's, whoever the gift was for), its disclaimer for them or for the account."""
        wanted = self.advice_for()
        if wanted == self._advice_for:
            return
        self._advice_for = wanted
        fresh = gift_advice(wanted[0], for_person=wanted[1])
        outer = self.layout()
        if isinstance(outer, QVBoxLayout):
            outer.replaceWidget(self.advice, fresh)
        self.advice.hide()  # out of sight now, not once it is deleted
        self.advice.deleteLater()
        self.advice = fresh

    def load_stored(self) -> None:
        assert self.item is not None
        loaded = activity.gift_for_edit(self.ctx.db, self.item.id)
        self.version, gift = loaded.version, loaded.data
        for key, value in (("direction", gift.direction), ("description", gift.description),
                           ("occasion", gift.occasion), ("date", gift.given_on),
                           ("value", gift.value), ("currency", gift.currency),
                           ("contact", gift.contact_id)):  # fmt: skip
            self.set_text(key, value)
        self.gift_notes = gift.notes

    def save(self) -> str:
        data = GiftInput(
            self.account_id,
            self.text("direction"),
            self.text("description"),
            self.text("date"),
            self._contact_id(),
            self.text("occasion"),
            self.text("value") or None,
            self.text("currency") or None,
            self.gift_notes,
        )
        version = self.version
        return self.ctx.write(
            "gift",
            lambda: activity.save_gift(self.ctx.db, data, self._id(), expected_version=version),
        )


class NoteDialog(_ItemDialog):
    def __init__(
        self, ctx: AppContext, *, account_id: str | None = None, contact_id: str | None = None,
        item: NoteItem | None = None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(_("Edit note") if item else _("New note"), parent)
        self.ctx, self.account_id, self.contact_id, self.item = ctx, account_id, contact_id, item
        self.add_field("body", _("Text"), notes_edit(220))
        if item:
            self.load_stored()
        self.mark_clean()

    def load_stored(self) -> None:
        assert self.item is not None
        loaded = activity.note_for_edit(self.ctx.db, self.item.id)
        self.version = loaded.version
        self.set_text("body", loaded.data)

    def save(self) -> str:
        body, version = self.text("body"), self.version
        return self.ctx.write(
            "note",
            lambda: activity.save_note(
                self.ctx.db,
                body,
                account_id=self.account_id,
                contact_id=self.contact_id,
                note_id=self._id(),
                expected_version=version,
            ),
        )


class InteractionDialog(FormDialog):
    """Edit a logged interaction (new ones come from Quick log).

    Its time is read in the zone chosen through the one rule for wall times
    (:func:`~accountdesk.core.timekeeping.zones.resolve_wall_time`): a time the clocks skip or
    show twice is explained under the field as it is typed, with the rule applied. A time and
    zone left as they were keep the instant stored: the second 03:30 of the night the clocks go
    back stays the second, though the form shows both alike."""

    def __init__(
        self, ctx: AppContext, account_id: str, item: InteractionItem,
        parent: QWidget | None = None, *, people: Sequence[ContactSummary] = (),
    ) -> None:  # fmt: skip
        super().__init__(_("Edit interaction"), parent)
        self.ctx, self.account_id, self.item = ctx, account_id, item
        kinds = table_choices(INTERACTION_KIND, INTERACTION_KINDS)
        self.add_field("kind", _("Kind"), combo(kinds))
        # whom it was with: a call logged against the wrong person was put right only by
        # deleting it and logging it again
        # (at least one: the core refuses nobody under "contact", said under this field)
        self.people = people
        self.with_list = ChoiceList(())  # its choices: the people stored (load_stored)
        self.add_field("with", _("With"), self.with_list, also=["contact"])
        when = line(datetime_input_placeholder())
        self.add_field("occurred_at", _("When"), when)
        self.time_note = self.field_note("occurred_at", "time_note")
        zone_box = zone_combo()
        self.add_field("timezone", _("Time zone"), zone_box)
        self.add_field("subject", _("Subject"), line())
        self.add_field("notes", _("Notes"), notes_edit())
        self.add_field("outcome", _("Outcome"), line())
        self.add_field("duration", _("Duration (minutes)"), line(_("optional")))
        sentiments = table_choices(SENTIMENT, SENTIMENTS)
        self.add_field("sentiment", _("Sentiment"), combo(sentiments, empty=_("Not noted")))
        self.add_field("csat_score", _("CSAT score"), line(_("1–5, optional")))
        self.load_stored()
        self.mark_clean()
        when.textChanged.connect(self._explain_time)
        zone_box.currentIndexChanged.connect(self._explain_time)

    def load_stored(self) -> None:
        loaded = activity.interaction_for_edit(self.ctx.db, self.item.id)
        self.stored, self.version = loaded.data, loaded.version
        stored = self.stored
        # the people it was with as stored now; one in the trash shown as such, kept (never
        # dropped by an edit of something else), not to be chosen
        shown = [id_ for id_ in stored.contact_ids if id_ not in stored.hidden_ids]
        trashed = _("Someone in the trash (kept as recorded)")
        listed = [person for person in self.people if person.id not in stored.hidden_ids]
        self.with_list.set_choices(
            people_choices(listed, shown), fixed=[(id_, trashed) for id_ in stored.hidden_ids]
        )
        zone = stored.occurred_zone  # always stored with the interaction
        local = stored.occurred_at.astimezone(ZoneInfo(zone) if zone else UTC)
        for key, value in (("kind", stored.kind), ("occurred_at", format_datetime_input(local)),
                           ("with", stored.contact_ids),
                           ("timezone", zone), ("subject", stored.subject),
                           ("notes", stored.notes), ("outcome", stored.outcome),
                           ("duration", stored.duration_minutes),
                           ("sentiment", stored.sentiment),
                           ("csat_score", stored.csat_score)):  # fmt: skip
            self.set_text(key, value)
        self._loaded_duration = self.text("duration")
        #: the time and zone as the form showed them stored: left so, the instant is kept
        self._loaded_when = (self.text("occurred_at"), self.text("timezone") or "UTC")
        self._explain_time()

    def _typed_when(self) -> tuple[str, str]:
        return self.text("occurred_at"), self.text("timezone") or "UTC"

    def _resolution(self) -> WallTimeResolution | None:
        """What the time typed means in the zone chosen; None while it is not a time in a
        known zone, or is the one stored."""
        text, zone_name = self._typed_when()
        if (text, zone_name) == self._loaded_when:
            return None
        try:
            return resolve_wall_time(parse_datetime_input(text), zone_name)
        except (DateInputError, ValueError):
            return None  # said when saving, at the field

    def _explain_time(self) -> None:
        resolution = self._resolution()
        message = resolution.message if resolution is not None else None
        self.time_note.setText(f"⚠ {message}" if message else "")
        self.time_note.setVisible(bool(message))

    def save(self) -> None:
        text, zone_name = self._typed_when()
        if (text, zone_name) == self._loaded_when:
            when: datetime = self.stored.occurred_at
        else:
            try:
                naive = parse_datetime_input(text)
            except DateInputError as error:
                raise fail("occurred_at", text, str(error)) from None
            zone = timezone(zone_name)
            assert zone is not None  # timezone() refuses an empty zone
            when = resolve_wall_time(naive, zone).instant  # the rule _explain_time showed
        data = replace(
            self.stored,
            kind=self.text("kind"),
            occurred_at=when,
            contact_ids=[id_ for id_ in self.text("with").split(",") if id_],
            account_id=self.account_id,
            occurred_zone=zone_name,
            subject=self.text("subject"),
            notes=self.text("notes"),
            outcome=self.text("outcome"),
            # left as shown, the stored duration is kept even where it is longer than a day
            duration_minutes=(
                self.stored.duration_minutes
                if self.text("duration") == self._loaded_duration
                else self.text("duration") or None  # type: ignore[arg-type]
            ),
            sentiment=self.text("sentiment") or None,
            csat_score=self.text("csat_score") or None,  # type: ignore[arg-type]
        )
        interaction_id, version = self.item.id, self.version
        self.ctx.write(
            "interaction",
            lambda: activity.update_interaction(
                self.ctx.db, interaction_id, data, expected_version=version
            ),
        )
        return None
