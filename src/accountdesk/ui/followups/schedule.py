"""The scheduling dialog: a follow-up at a wall-clock time in the contact's zone.

While the user types, the dialog shows the same moment in the user's own zone, warns when the
time is outside the contact's working hours, on their weekend or on a public holiday there, or
in a DST gap or overlap, when it is outside the user's own hours, weekend or holidays (their
calendar in the settings), or in the past, and offers the next slots good for both, each on
both clocks (theirs, then the user's, each zone named), or says that there is none when their
working hours and the user's never meet.

The time is typed as text (``2027-03-22 10:00``) and taken as typed, the year too
(:class:`~accountdesk.ui.followups.when.WallTimeEdit`).

Rescheduling shows the follow-up as stored when the dialog opens; when someone else saved it
since, the save is refused, the dialog keeps what was typed and offers to reload.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core import i18n
from accountdesk.core.bidi import isolate
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import _, ngettext
from accountdesk.core.services import followups as service
from accountdesk.core.services.conflicts import ConflictError, TrashedError
from accountdesk.core.timekeeping.recurrence import (
    RRULE_PRESETS,
    describe_rrule,
    off_rule_start,
    to_working_day,
    validate_rrule,
)
from accountdesk.core.timekeeping.scheduling import SUGGEST_DAYS, check_slot, suggest_slots
from accountdesk.core.timekeeping.zones import resolve_wall_time, same_zone, user_day
from accountdesk.ui.accessible import label_field
from accountdesk.ui.colours import ALERT, GOOD, text_style
from accountdesk.ui.context import AppContext
from accountdesk.ui.followups.people import Person, person, user_weekend
from accountdesk.ui.followups.when import WallTimeEdit, tell_time_adjusted, zoned, zoned_when
from accountdesk.ui.forms import combo_value, set_combo, zone_combo
from accountdesk.ui.pickers import RecordPicker, zone_choices

#: The length of time the checks and suggestions assume for a follow-up.
SLOT = timedelta(minutes=30)


class ScheduleDialog(QDialog):
    """Schedule a new follow-up, or move an existing one (``follow_up_id``: shown as stored,
    whatever ``local``, ``zone``, ``title``, ``rrule`` and ``notes`` say)."""

    def __init__(
        self,
        ctx: AppContext,
        contact_id: str | None = None,
        *,
        local: datetime | None = None,
        zone: str | None = None,
        title: str = "",
        rrule: str | None = None,
        notes: str | None = None,
        follow_up_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.follow_up_id = follow_up_id
        #: The version of the stored follow-up the dialog shows (None for a new one).
        self.version: int | None = None
        #: When the follow-up edited was due as loaded: a save that keeps it did not move it.
        self._loaded_due: tuple[datetime, str] | None = None  # as stored
        self._loaded_rule: str | None = None  # its repeat rule as stored
        if follow_up_id is not None:
            loaded = service.for_edit(ctx.db, follow_up_id)
            stored = loaded.data
            self.version = loaded.version
            contact_id, local, zone = stored.contact_id, stored.local_due, stored.zone
            self._loaded_due = (local, zone)
            self._loaded_rule = stored.rrule
            title, rrule, notes = stored.title, stored.rrule, stored.notes
            moves = stored.move_to_working_day
        self.notes = notes  # kept as they are when rescheduling
        self.person: Person | None = None
        self.saved_id: str | None = None
        self.setWindowTitle(_("Schedule a follow-up") if not follow_up_id else _("Reschedule"))
        self.contact = RecordPicker(ctx.db, "contact", self)
        self.contact.setObjectName("contact")
        self.contact.picked.connect(self._contact_chosen)
        self.title_edit = QLineEdit(title, self)
        self.title_edit.setObjectName("title")
        self.when = WallTimeEdit(self)
        self.when.setObjectName("when")
        self.when.set_weekend(  # the day is the contact's; until one is chosen, the user's
            lambda: self.person.weekend if self.person else user_weekend(ctx.user_calendar())
        )
        self.zone = zone_combo()  # as the editors name zones: "Rīga (Europe/Riga)"
        self.zone.setParent(self)
        self.zone.setObjectName("zone")
        self.yours = QLabel(self)
        self.yours.setObjectName("yours")
        self.repeat = QComboBox(self)
        self.repeat.setObjectName("repeat")
        self.repeat.addItem(_("Does not repeat"), "")
        for preset in RRULE_PRESETS:
            self.repeat.addItem(preset.title, preset.rule)
        self.repeat.addItem(_("Custom rule (RFC 5545)…"), "custom")
        self.custom_rule = QLineEdit(self)
        self.custom_rule.setObjectName("customRule")
        self.custom_rule.setPlaceholderText("FREQ=MONTHLY;BYDAY=3MO")
        self.custom_rule.setVisible(False)
        self.custom_rule.textChanged.connect(self._rule_changed)
        self.rule_hint = QLabel(self)
        self.rule_hint.setObjectName("ruleHint")
        self.rule_hint.setWordWrap(True)
        self.rule_hint.setVisible(False)
        # a start that is not one of the rule's days: the rule's first day, offered
        self.rule_start = QPushButton(self)
        self.rule_start.setObjectName("ruleStart")
        self.rule_start.setVisible(False)
        self.rule_start.clicked.connect(self._start_on_rule)
        self._rule_first: datetime | None = None
        self.move_box = QCheckBox(
            _("Move an occurrence on a non-working day to the next working day"), self
        )
        self.move_box.setObjectName("moveToWorkingDay")
        self.warnings = QLabel(self)
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(
            "background: #fff4c2; color: #3b3000; padding: 6px; border-radius: 4px;"
        )
        self.reload_button = QPushButton(_("Reload what is stored now"), self)
        self.reload_button.setObjectName("reloadStored")
        self.reload_button.setToolTip(_("Shows the saved record; what you typed is replaced."))
        self.reload_button.clicked.connect(self.reload)
        self.reload_button.hide()
        # one under the other: three times on both clocks side by side were wider than a small
        # laptop's screen (a row that wraps made the dialog no taller and its fields overlapped)
        self.suggestions = QVBoxLayout()
        self.suggestion_buttons: list[QPushButton] = []

        form = QFormLayout()
        form.addRow(_("Contact"), self.contact)
        form.addRow(_("To do"), self.title_edit)
        self.when_label = QLabel(_("When (their time)"), self)
        form.addRow(self.when_label, self.when)
        label_field(self.when_label, self.when)
        form.addRow(_("Time zone"), self.zone)
        zone_label = form.labelForField(self.zone)
        assert isinstance(zone_label, QLabel)
        label_field(zone_label, self.zone)
        form.addRow(_("Your time"), self.yours)
        form.addRow(_("Repeat"), self.repeat)
        form.addRow("", self.custom_rule)
        form.addRow("", self.rule_hint)
        rule_start_row = QHBoxLayout()  # the button as wide as its text
        rule_start_row.addWidget(self.rule_start)
        rule_start_row.addStretch(1)
        form.addRow("", rule_start_row)
        form.addRow("", self.move_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warnings)
        layout.addWidget(self.reload_button)
        self.suggestions_label = QLabel(_("Next good times for both of you:"), self)
        self.suggestions_label.setObjectName("suggestionsLabel")
        self.suggestions_label.setWordWrap(True)
        layout.addWidget(self.suggestions_label)
        layout.addLayout(self.suggestions)
        # the room of a taller dialog goes below the suggestions: the warnings stay as tall as
        # their text, the suggestions under them (it went into both, far apart)
        layout.addStretch(1)
        layout.addWidget(buttons)

        if contact_id:
            self._set_contact(contact_id)  # before the default time: it is by their date
        #: The time the dialog proposed (None: one was given); kept while a contact is chosen.
        start = local if local is not None else self._default_time()
        self._proposed = None if local is not None else start
        self.when.set_value(start)
        self.when.value_changed.connect(self.refresh)
        self.zone.currentTextChanged.connect(self.refresh)
        self.repeat.currentIndexChanged.connect(self._repeat_changed)
        self.repeat.currentIndexChanged.connect(self.refresh)  # the first occurrence may move
        self.custom_rule.textChanged.connect(self.refresh)
        self.move_box.toggled.connect(self.refresh)
        self._set_rule(rrule)
        if zone:
            set_combo(self.zone, zone)
        if follow_up_id is not None:
            # shown as scheduled, and kept so (it was shown unticked whatever it was)
            self.move_box.setChecked(moves)
            self.move_box.setEnabled(False)
        self.resize(max(560, self.sizeHint().width()), self.sizeHint().height())
        self.refresh()

    # --- inputs -------------------------------------------------------------------------

    def _default_time(self) -> datetime:
        """Tomorrow, 10:00, by the date where the time is read: the contact's, in their zone
        (the user's until one is chosen). By the user's date it was already past for a contact
        ahead of them (Chatham, with the user at 23:30 in Riga) and two days away for one
        behind (New York, with the user in Bangkok in the morning)."""
        zone = self.person.zone if self.person is not None else self.ctx.user_zone
        return datetime.combine(user_day(self.ctx.now(), zone) + timedelta(days=1), time(10))

    def _contact_chosen(self, contact_id: str) -> None:
        """The contact picked; the time proposed, not changed since, is proposed by their date."""
        proposed = self._proposed is not None and self.when.value() == self._proposed
        self._set_contact(contact_id)
        if proposed:
            self._proposed = self._default_time()
            self.when.set_value(self._proposed)
        self.refresh()

    def _set_contact(self, contact_id: str) -> None:
        self.person = person(self.ctx.db, contact_id)
        self.contact.set_record(contact_id, self.person.name)
        set_combo(self.zone, self.person.zone)

    def _set_rule(self, rrule: str | None) -> None:
        found = self.repeat.findData(rrule or "")
        if found >= 0:
            self.repeat.setCurrentIndex(found)
        else:
            self.repeat.setCurrentIndex(self.repeat.findData("custom"))
            self.custom_rule.setText(rrule or "")

    def reload(self) -> None:
        """Show the follow-up as stored now in place of what was typed (after a conflict)."""
        assert self.follow_up_id is not None
        self.reload_button.hide()
        try:
            loaded = service.for_edit(self.ctx.db, self.follow_up_id)
        except UserError as exc:  # e.g. moved to the trash meanwhile
            self.warnings.setText(f"⚠ {exc.message}")
            self.warnings.setVisible(True)
            return
        stored, self.version = loaded.data, loaded.version
        self.notes = stored.notes
        self.title_edit.setText(stored.title)
        self._set_rule(stored.rrule)
        if stored.contact_id:
            self._set_contact(stored.contact_id)
        set_combo(self.zone, stored.zone)
        self.when.set_value(stored.local_due)
        self.move_box.setChecked(stored.move_to_working_day)
        self._loaded_due = (stored.local_due, stored.zone)
        self._loaded_rule = stored.rrule
        self.refresh()

    def _repeat_changed(self) -> None:
        self.custom_rule.setVisible(self.repeat.currentData() == "custom")
        self._rule_changed()

    def rule_error(self) -> str | None:
        """Why the custom rule is not usable, or None."""
        rule = self.rule()
        if not rule or self.repeat.currentData() != "custom":
            return None
        try:
            validate_rrule(rule, self.when.value())  # no date from the time typed: refused
        except ValueError as exc:
            return str(exc)
        return None

    def _rule_changed(self) -> None:
        """Say what the custom rule means, or why it is not valid, while it is typed. Moving
        an occurrence to a working day is a repeating follow-up's: the box is offered with a
        rule (a stored follow-up keeps its own, not offered)."""
        custom = self.repeat.currentData() == "custom"
        rule = self.rule()
        self.move_box.setEnabled(self.follow_up_id is None and rule is not None)
        error = self.rule_error()
        if not custom or not rule:
            self.rule_hint.setVisible(False)
            return
        if error:
            self.rule_hint.setText(f"⚠ {error}")
            self.rule_hint.setStyleSheet(text_style(ALERT))
        else:
            self.rule_hint.setText(describe_rrule(rule))
            self.rule_hint.setStyleSheet(text_style(GOOD))
        self.rule_hint.setVisible(True)

    def rule(self) -> str | None:
        data = self.repeat.currentData()
        if data == "custom":
            return self.custom_rule.text().strip() or None
        return str(data) or None

    def local(self) -> datetime:
        """The wall time typed; a UserError when the text is not a date and time."""
        value = self.when.value()
        if value is None:
            raise UserError(_not_a_time())
        return value

    # --- live checks --------------------------------------------------------------------

    def _theirs(self, zone: str) -> bool:
        """Whether ``zone`` (the box's) is the person's own zone, stored perhaps under an older
        id or an alias (Asia/Calcutta): the box lists it under the current one (Asia/Kolkata)."""
        assert self.person is not None
        return same_zone(zone, self.person.zone)

    def refresh(self) -> None:
        self._rule_changed()  # a rule may have no date from the time typed
        zone = combo_value(self.zone)
        if zone not in zone_choices():
            self.yours.setText(_("Not a time zone"))
            return
        local = self.when.value()
        if local is None:
            self.yours.setText("")
            self.rule_start.setVisible(False)  # no day to start from
            self._show_warnings([_not_a_time()])
            self._suggest(zone, None)
            return
        resolution = resolve_wall_time(local, zone)
        if self.person is None or self._theirs(zone):
            self.when_label.setText(_("When (their time)"))
        else:
            self.when_label.setText(_("When ({zone})").format(zone=i18n.zone_name(zone)))
        label_field(self.when_label, self.when)
        mine = i18n.format_when(resolution.instant, self._user_tz(), "full")
        self.yours.setText(zoned(mine, self.ctx.user_zone))
        lang = i18n.current_language().code
        me = self.ctx.user_calendar()
        messages: list[str] = []
        if resolution.instant < self.ctx.now():
            messages.append(_("This time is in the past: {when} your time.").format(when=mine))
        if self.person is not None and self._theirs(zone):
            found = check_slot(
                local,
                zone,
                self.person.hours,
                self.person.country,
                self.person.subdivision,
                lang=lang,
                duration=SLOT,
                mine=me,
            )
            messages += [w.message for w in found]
        else:
            messages += [resolution.message] if resolution.message else []
            if self.person is not None:
                # Anchored elsewhere: their hours, weekend and holidays at the same moment.
                theirs = resolution.instant.astimezone(ZoneInfo(self.person.zone))
                found = check_slot(
                    theirs.replace(tzinfo=None),
                    self.person.zone,
                    self.person.hours,
                    self.person.country,
                    self.person.subdivision,
                    lang=lang,
                    duration=SLOT,
                    mine=me,
                )
                messages += [w.message for w in found if w.code not in ("dst_gap", "dst_overlap")]
        off_rule = self._off_rule(local)
        if off_rule is not None:
            messages.append(
                _(
                    "{day} is not one of the days the rule repeats on: it is the first "
                    "occurrence all the same, counted as one of its times, and some calendars "
                    "(Outlook) leave it out. The rule's first day is {first}."
                ).format(
                    day=i18n.format_skeleton(local, "yMMMMEEEEd"),
                    first=i18n.format_skeleton(off_rule, "yMMMMEEEEd"),
                )
            )
        if self._restarts(local):
            day = i18n.format_skeleton(local, "yMMMMEEEEd")
            messages.append(
                _(
                    "On another day the series starts again from it: it repeats from {day} on. "
                    "Another time on the same day keeps its days."
                ).format(day=day)
            )
        moved = self._first_moved(local)
        if moved is not None:
            when = isolate(zoned_when(resolve_wall_time(moved, zone).instant, zone))
            messages.append(
                _(
                    "That day is not a working day there: the first occurrence moves to {when}, "
                    "as the later ones do."
                ).format(when=when)
            )
        self._show_warnings(messages)
        self._suggest(zone, resolution.instant)

    def _off_rule(self, local: datetime) -> datetime | None:
        """The rule's first day after ``local`` when saving starts the series at ``local``
        and it is not one of the rule's days (:func:`~accountdesk.core.timekeeping.
        recurrence.off_rule_start`), else None; the button that starts it there is shown
        then. An edit that keeps the series' days (another time the same day, the rule as
        stored) starts nothing."""
        rule = self.rule()
        keeps = (
            self._loaded_due is not None
            and rule == self._loaded_rule
            and local.date() == self._loaded_due[0].date()
        )
        first = None
        if rule and not keeps and not self.rule_error():
            first = off_rule_start(rule, local)
        self._rule_first = first
        if first is not None:
            self.rule_start.setText(
                _("Start on {day}").format(day=i18n.format_skeleton(first, "MMMEd"))
            )
        self.rule_start.setVisible(first is not None)
        return first

    def _start_on_rule(self) -> None:
        """Move the time typed to the rule's first day (:meth:`_off_rule`)."""
        if self._rule_first is not None:
            self.when.set_value(self._rule_first)

    def _restarts(self, local: datetime) -> bool:
        """Whether saving restarts the repeating follow-up edited from ``local``: it is moved
        to another day with its rule as stored (the service's rule,
        :func:`~accountdesk.core.services.followups.edit`; a new rule restarts it as typed)."""
        if self._loaded_due is None or self._loaded_rule is None:
            return False
        return self.rule() == self._loaded_rule and local.date() != self._loaded_due[0].date()

    def _first_moved(self, local: datetime) -> datetime | None:
        """Where saving puts the first occurrence when it moves to the next working day (the
        service's rule, :func:`~accountdesk.core.timekeeping.recurrence.to_working_day`), or
        None when it stays at ``local``."""
        if self.person is None or not self.move_box.isChecked() or not self.rule():
            return None
        if self.rule_error():
            return None
        moved = to_working_day(local, self.person.country, self.person.subdivision)
        return moved if moved != local else None

    def _show_warnings(self, messages: list[str]) -> None:
        self.warnings.setText("\n".join(f"⚠ {m}" for m in messages))
        self.warnings.setVisible(bool(messages))

    def _suggest(self, zone: str, after: datetime | None) -> None:
        for button in self.suggestion_buttons:
            self.suggestions.removeWidget(button)
            button.hide()  # out of the layout: hidden at once, deleted when the loop runs
            button.deleteLater()
        self.suggestion_buttons = []
        self.suggestions_label.setVisible(self.person is not None)
        if self.person is None:
            return
        slots = suggest_slots(
            max(after, self.ctx.now()) if after is not None else self.ctx.now(),
            self.person.zone,  # good times in their zone, set as wall times in ``zone``
            self.person.hours,
            self.person.country,
            self.person.subdivision,
            duration=SLOT,
            also=[self.ctx.user_calendar()],  # and inside my own working time
        )
        if slots:
            self.suggestions_label.setText(_("Next good times for both of you:"))
        else:  # their hours and mine never meet (Berlin and Auckland): no empty heading
            self.suggestions_label.setText(
                ngettext(
                    "No time in the next {n} day is inside both your working hours and theirs.",
                    "No time in the next {n} days is inside both your working hours and theirs.",
                    SUGGEST_DAYS,
                ).format(n=i18n.format_number(SUGGEST_DAYS))
            )
        for slot in slots:
            button = QPushButton(self._slot_text(slot), self)
            button.setToolTip(
                _("Your time: {time}").format(
                    time=i18n.format_skeleton(slot, "MMMEd", tz=self._user_tz(), time=True)
                )
            )
            wall = slot.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
            button.clicked.connect(lambda _checked=False, w=wall: self._use(w))
            self.suggestions.addWidget(button, 0, Qt.AlignmentFlag.AlignLeading)  # as its text
            self.suggestion_buttons.append(button)

    def _slot_text(self, slot: datetime) -> str:
        """A suggested time on both clocks, as the dialog shows a time typed: their wall time
        and, after it, the user's, each with its zone named ("Tue 17 Dec, 12:30 (Bangkok);
        09:00 (Tehran)"; the language's semicolon between them: "؛" in Persian, where a middle
        dot beside digits reads as a zero). The user's day is said only when it is another
        than theirs; one time when both clocks say the same."""
        assert self.person is not None
        theirs = ZoneInfo(self.person.zone)
        text = i18n.format_skeleton(slot, "MMMEd", tz=theirs, time=True)
        mine = self._user_tz()
        if slot.astimezone(theirs).utcoffset() == slot.astimezone(mine).utcoffset():
            return text
        if slot.astimezone(theirs).date() == slot.astimezone(mine).date():
            yours = i18n.format_time(slot, "short", tz=mine)
        else:  # their morning is my evening before (Tokyo and Los Angeles)
            yours = i18n.format_skeleton(slot, "MMMEd", tz=mine, time=True)
        return i18n.join_clauses([zoned(text, self.person.zone), zoned(yours, self.ctx.user_zone)])

    def _user_tz(self) -> ZoneInfo:
        return ZoneInfo(self.ctx.user_zone)

    def _use(self, wall: datetime) -> None:
        self.when.set_value(wall)

    # --- saving -------------------------------------------------------------------------

    def save(self) -> None:
        try:
            rule = self.rule()
            error = self.rule_error()
            if error:
                raise UserError(error)
            if self.follow_up_id is not None:
                follow_up_id, version = self.follow_up_id, self.version
                title, local, zone = self.title_edit.text(), self.local(), combo_value(self.zone)
                result = self.ctx.write(
                    "follow_up",
                    lambda: service.edit(
                        self.ctx.db,
                        follow_up_id,
                        title=title,
                        notes=self.notes,
                        rrule=rule,
                        local_due=local,
                        zone=zone,
                        expected_version=version,
                    ),
                )
            else:
                if self.person is None:
                    raise UserError(_("Pick the contact this follow-up is with."))
                data = service.FollowUpInput(
                    contact_id=self.person.id,
                    title=self.title_edit.text(),
                    local_due=self.local(),
                    zone=combo_value(self.zone),
                    rrule=rule,
                    move_to_working_day=self.move_box.isChecked(),
                )
                result = self.ctx.write("follow_up", lambda: service.schedule(self.ctx.db, data))
        except UserError as exc:
            self.warnings.setText(f"⚠ {exc.message}")
            self.warnings.setVisible(True)
            # a record moved to the trash has nothing to reload (as in forms.show_conflict)
            self.reload_button.setVisible(
                isinstance(exc, ConflictError)
                and not isinstance(exc, TrashedError)
                and self.follow_up_id is not None
            )
            return
        self.saved_id = result.id
        # said in the status bar: the contact's page lists no follow-ups, so from there the
        # dialog closed and nothing in sight changed
        when = isolate(zoned_when(result.resolution.instant, result.resolution.zone))
        kept = self._loaded_due is not None and (
            self._loaded_due[0] == self.local()
            and same_zone(self._loaded_due[1], combo_value(self.zone))
        )
        if self.follow_up_id is not None and kept:
            self.ctx.status.emit(_("Follow-up saved; it is due {when}.").format(when=when))
        elif self.follow_up_id is not None:
            self.ctx.status.emit(_("Follow-up moved to {when}.").format(when=when))
        else:
            self.ctx.status.emit(_("Follow-up scheduled for {when}.").format(when=when))
        tell_time_adjusted(self, result.resolution)
        self.accept()


def _not_a_time() -> str:
    return _("Write the date and time as {example}.").format(example=i18n.datetime_input_example())
