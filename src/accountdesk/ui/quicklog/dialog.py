"""The quick log dialog: contact (search as you type), kind, notes, outcome, CSAT and an
optional follow-up in the contact's own time zone.

The dialog opens with the cursor in the contact field, or in Kind when a contact is given.
The follow-up's presets (in a day, in three days, next week) land inside the contact's
working hours: the first half hour of their working time at or after that moment
(:func:`~accountdesk.core.timekeeping.scheduling.suggest_slots`, which walks
``next_working_window``), never on their weekend or a public holiday there.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QWidget

from accountdesk.core.i18n import (
    N_,
    _,
    datetime_input_example,
    format_number,
    format_time,
    sentence_start,
    zone_name,
)
from accountdesk.core.labels import INTERACTION_KIND
from accountdesk.core.queries.details import contact_detail
from accountdesk.core.services.activity import INTERACTION_KINDS, InteractionInput
from accountdesk.core.timekeeping.scheduling import suggest_slots
from accountdesk.core.timekeeping.workhours import WorkingHours
from accountdesk.core.timekeeping.zones import get_zone as zone
from accountdesk.core.timekeeping.zones import resolve_wall_time, to_wall
from accountdesk.core.validation import ValidationError
from accountdesk.ui.context import AppContext
from accountdesk.ui.followups.people import Person, person, user_weekend
from accountdesk.ui.followups.when import WallTimeEdit, tell_time_adjusted
from accountdesk.ui.forms import FormDialog, combo, line, notes_edit, table_choices
from accountdesk.ui.pickers import RecordPicker
from accountdesk.ui.quicklog.saving import FollowUpRequest, save_quick_log
from accountdesk.ui.screenfit import resize_within_screen

#: The follow-up presets: a label and how far from now, placed in their working hours.
PRESETS: tuple[tuple[str, str, timedelta], ...] = (
    ("day", N_("+1 day"), timedelta(days=1)),
    ("3days", N_("+3 days"), timedelta(days=3)),
    ("week", N_("Next week"), timedelta(days=7)),
)


class QuickLogDialog(FormDialog):
    def __init__(
        self, ctx: AppContext, *, contact_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Quick log"), parent)
        self.ctx = ctx
        self.contact_zone = "UTC"
        self.person: Person | None = None
        self.contact = RecordPicker(ctx.db, "contact")
        self.contact.setPlaceholderText(_("Type a name, e-mail or city"))
        self.add_field("contact", _("Contact"), self.contact)
        self.contact.picked.connect(self._contact_picked)
        kinds = table_choices(INTERACTION_KIND, INTERACTION_KINDS)
        self.add_field("kind", _("Kind"), combo(kinds))
        # when it happened: now, or yesterday's visit logged today (it took logging it and
        # then editing it); typed in the user's own time
        self.when = WallTimeEdit()
        self.when.setObjectName("when")
        self.when.set_weekend(lambda: user_weekend(ctx.user_calendar()))  # your time
        self.add_field("occurred_at", _("When (your time)"), self.when)
        self.when.set_value(to_wall(ctx.now(), ctx.user_zone))
        self._now_shown = self.when.text()  # left so, it is the moment Log it is pressed
        self.when_hint = QLabel()  # a time the user's clocks skip or show twice
        self.when_hint.setObjectName("whenHint")
        self.when_hint.setWordWrap(True)
        self.when_hint.hide()
        self.form.addRow("", self.when_hint)
        self.when.value_changed.connect(self._when_changed)
        self.add_field("subject", _("Subject"), line())
        self.add_field("notes", _("Notes"), notes_edit(100))
        self.add_field("outcome", _("Outcome"), line(_("e.g. sent a quote")))
        csat = [(str(n), format_number(n)) for n in range(1, 6)]  # "۵" in Persian
        self.add_field("csat_score", _("CSAT score"), combo(csat, empty=_("Not asked")))
        self.follow = QCheckBox(_("Follow up"))
        self.add_field("follow_up", _("Follow-up"), self.follow)
        self.due = WallTimeEdit()
        self.due.setObjectName("due")
        self.due.setEnabled(False)
        self.due.set_weekend(  # their time
            lambda: self.person.weekend if self.person else user_weekend(ctx.user_calendar())
        )
        self.add_field("due", _("Due (their time)"), self.due)
        self.due_hint = QLabel()  # a time their clocks skip or show twice: which is meant
        self.due_hint.setObjectName("dueHint")
        self.due_hint.setWordWrap(True)
        self.due_hint.setStyleSheet(
            "background: #fff4c2; color: #3b3000; padding: 6px; border-radius: 4px;"
        )
        self.due_hint.hide()
        self.form.addRow("", self.due_hint)
        self.due.value_changed.connect(self._due_changed)
        presets = QHBoxLayout()
        self.preset_buttons: dict[str, QPushButton] = {}
        for key, text, delta in PRESETS:
            button = QPushButton(_(text))
            button.setObjectName(f"preset_{key}")
            button.setToolTip(_("Inside their working hours"))
            button.clicked.connect(lambda _checked=False, d=delta: self.use_preset(d))
            presets.addWidget(button)
            self.preset_buttons[key] = button
        presets.addStretch(1)
        self.form.addRow("", presets)
        self.zone_hint = QLabel()
        self.zone_hint.setWordWrap(True)
        self.form.addRow("", self.zone_hint)
        self.follow_title = line(_("e.g. send the price list"))
        self.follow_title.setEnabled(False)
        self.add_field("title", _("To do"), self.follow_title)
        self.follow.toggled.connect(self.due.setEnabled)
        self.follow.toggled.connect(self.follow_title.setEnabled)
        self.buttons.button(self.buttons.StandardButton.Save).setText(_("Log it"))
        resize_within_screen(self, 520, 560)
        if contact_id is not None:
            detail = contact_detail(ctx.db, contact_id)
            self.contact.set_record(contact_id, detail.name)
            self._contact_picked(contact_id)
        else:
            self._set_default_due()
        self.mark_clean()

    def first_focus(self) -> QWidget | None:
        """The contact picker; with a contact given, the Kind field after it (typing in the
        filled picker would change the contact)."""
        if self.contact.record_id is None:
            return self.contact
        return self.fields["kind"]

    def _contact_picked(self, contact_id: str) -> None:
        self.person = person(self.ctx.db, contact_id)
        self.contact_zone = self.person.zone
        hours = self.person.hours
        self.zone_hint.setText(
            sentence_start(
                _("in {zone} time; their working hours: {start}–{end}").format(
                    zone=zone_name(self.person.zone),
                    start=format_time(hours.start),
                    end=format_time(hours.end),
                )
            )
        )
        self._set_default_due()
        self._due_changed()  # the same wall time may be skipped in their zone

    def _when_changed(self) -> None:
        """Say while it is typed when the time falls in a DST gap or overlap where the user is
        (the zones rule's words, as for a follow-up's due time)."""
        local = self.when.value()
        message = resolve_wall_time(local, self.ctx.user_zone).message if local else None
        self.when_hint.setText(f"⚠ {message}" if message else "")
        self.when_hint.setVisible(bool(message))

    def occurred_at(self) -> datetime:
        """When it happened: the moment of saving while the field shows the time it opened
        with, else the time typed, in the user's zone."""
        if self.when.text() == self._now_shown:
            return self.ctx.now()
        local = self.when.value()
        if local is None:
            raise ValidationError(
                _("When (your time)"),
                self.when.text(),
                _("write the date and time as {example}").format(example=datetime_input_example()),
                key="occurred_at",
            )
        return resolve_wall_time(local, self.ctx.user_zone).instant

    def _due_changed(self) -> None:
        """Say while it is typed when the time falls in a DST gap or overlap there, in the
        words the scheduling dialog uses (the zones rule's)."""
        local = self.due.value()
        message = resolve_wall_time(local, self.contact_zone).message if local else None
        self.due_hint.setText(f"⚠ {message}" if message else "")
        self.due_hint.setVisible(bool(message))

    def placed(self, delta: timedelta) -> datetime:
        """``delta`` from now, moved to the first half hour of the contact's working time at or
        after it (their wall time, naive); without a contact, in UTC on the next weekday."""
        target = self.ctx.now() + delta
        who = self.person
        if who is None:
            found = suggest_slots(target, "UTC", WorkingHours(), None, None, count=1)
        else:
            found = suggest_slots(
                target, who.zone, who.hours, who.country, who.subdivision, count=1
            )
        when = found[0] if found else target
        return when.astimezone(zone(self.contact_zone)).replace(tzinfo=None)

    def use_preset(self, delta: timedelta) -> None:
        """A preset button: follow up then, inside their working hours."""
        self.follow.setChecked(True)
        self.due.set_value(self.placed(delta))

    def _set_default_due(self) -> None:
        """Default: a day from now, inside the contact's working hours."""
        self.due.set_value(self.placed(PRESETS[0][2]))

    def save(self) -> str:
        csat = self.text("csat_score")
        data = InteractionInput(
            kind=self.text("kind"),
            occurred_at=self.occurred_at(),
            contact_ids=[self.contact.record_id] if self.contact.record_id else [],
            subject=self.text("subject"),
            notes=self.text("notes"),
            outcome=self.text("outcome"),
            csat_score=int(csat) if csat else None,
        )
        follow_up = None
        if self.follow.isChecked():
            local_due = self.due.value()
            if local_due is None:
                raise ValidationError(
                    _("Due (their time)"),
                    self.due.text(),
                    _("write the date and time as {example}").format(
                        example=datetime_input_example()
                    ),
                    key="due",
                )
            follow_up = FollowUpRequest(self.follow_title.text(), local_due, self.contact_zone)
        logged = save_quick_log(self.ctx.db, data, follow_up)
        self.ctx.changed.emit("interaction")
        if follow_up is not None:
            self.ctx.changed.emit("follow_up")
        self.ctx.status.emit(_("Logged."))
        if logged.follow_up is not None:
            tell_time_adjusted(self, logged.follow_up.resolution)
        return logged.interaction_id
