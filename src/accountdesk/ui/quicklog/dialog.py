"""The quick log dialog: contact (search as you type), kind, notes, outcome, CSAT and an
optional follow-up in the contact's own time zone."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QLabel, QWidget

from accountdesk.core.i18n import _, zone_name
from accountdesk.core.labels import INTERACTION_KIND
from accountdesk.core.queries.details import contact_detail
from accountdesk.core.services.activity import INTERACTION_KINDS, InteractionInput
from accountdesk.core.timekeeping.zones import get_zone as zone
from accountdesk.ui.context import AppContext
from accountdesk.ui.forms import FormDialog, combo, line, notes_edit, table_choices
from accountdesk.ui.pickers import RecordPicker
from accountdesk.ui.quicklog.saving import FollowUpRequest, save_quick_log


class QuickLogDialog(FormDialog):
    def __init__(
        self, ctx: AppContext, *, contact_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Quick log"), parent)
        self.ctx = ctx
        self.contact_zone = "UTC"
        self.contact = RecordPicker(ctx.db, "contact")
        self.contact.setPlaceholderText(_("Type a name, e-mail or city"))
        self.add_field("contact", _("Contact"), self.contact)
        self.contact.picked.connect(self._contact_picked)
        kinds = table_choices(INTERACTION_KIND, INTERACTION_KINDS)
        self.add_field("kind", _("Kind"), combo(kinds))
        self.add_field("subject", _("Subject"), line())
        self.add_field("notes", _("Notes"), notes_edit(100))
        self.add_field("outcome", _("Outcome"), line(_("e.g. sent a quote")))
        csat = [(str(n), str(n)) for n in range(1, 6)]
        self.add_field("csat_score", _("CSAT score"), combo(csat, empty=_("Not asked")))
        self.follow = QCheckBox(_("Follow up"))
        self.add_field("follow_up", _("Follow-up"), self.follow)
        self.due = QDateTimeEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.due.setEnabled(False)
        self.add_field("due", _("Due (their time)"), self.due)
        self.zone_hint = QLabel()
        self.form.addRow("", self.zone_hint)
        self.follow_title = line(_("e.g. send the price list"))
        self.follow_title.setEnabled(False)
        self.add_field("title", _("To do"), self.follow_title)
        self.follow.toggled.connect(self.due.setEnabled)
        self.follow.toggled.connect(self.follow_title.setEnabled)
        self.buttons.button(self.buttons.StandardButton.Save).setText(_("Log it"))
        self.resize(520, 560)
        if contact_id is not None:
            detail = contact_detail(ctx.db, contact_id)
            self.contact.set_record(contact_id, detail.name)
            self._contact_picked(contact_id)
        else:
            self._set_default_due()
        self.mark_clean()

    def _contact_picked(self, contact_id: str) -> None:
        detail = contact_detail(self.ctx.db, contact_id)
        self.contact_zone = detail.timezone
        self.zone_hint.setText(_("in {zone} time").format(zone=zone_name(detail.timezone)))
        self._set_default_due()

    def _set_default_due(self) -> None:
        """Default: the next working day's 10:00 in the contact's zone (two days on Fridays)."""
        local = self.ctx.now().astimezone(zone(self.contact_zone))
        day = local.date() + timedelta(days=1)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        self.due.setDateTime(QDateTime(QDate(day.year, day.month, day.day), QTime(10, 0)))

    def save(self) -> str:
        csat = self.text("csat_score")
        data = InteractionInput(
            kind=self.text("kind"),
            occurred_at=self.ctx.now(),
            contact_ids=[self.contact.record_id] if self.contact.record_id else [],
            subject=self.text("subject"),
            notes=self.text("notes"),
            outcome=self.text("outcome"),
            csat_score=int(csat) if csat else None,
        )
        follow_up = None
        if self.follow.isChecked():
            due = self.due.dateTime()
            local_due = datetime(
                due.date().year(), due.date().month(), due.date().day(),
                due.time().hour(), due.time().minute(), tzinfo=zone(self.contact_zone),
            )  # fmt: skip
            follow_up = FollowUpRequest(self.follow_title.text(), local_due, self.contact_zone)
        interaction_id = save_quick_log(self.ctx.db, data, follow_up)
        self.ctx.changed.emit("interaction")
        if follow_up is not None:
            self.ctx.changed.emit("follow_up")
        self.ctx.status.emit(_("Logged."))
        return interaction_id
