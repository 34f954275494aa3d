"""The contact view: details, how to address them, channel, language and formality, important
dates, personal notes, GDPR data, their interactions, survey answers and gifts, and a panel
with their local time and whether it is working time there now."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core import i18n
from accountdesk.core.bidi import isolate, ltr
from accountdesk.core.db.fts import display_name
from accountdesk.core.errors import NotFoundError, UserError
from accountdesk.core.i18n import (
    N_,
    _,
    format_yearly_date,
    join_list,
    language_name,
    zone_name,
)
from accountdesk.core.labels import (
    BUYING_ROLE,
    CHANNEL,
    DATE_KIND,
    FORMALITY,
    INTERACTION_KIND,
    LAWFUL_BASIS,
    LIST_LABEL,
    SENTIMENT,
    label,
)
from accountdesk.core.queries.details import ContactDetail, account_people, contact_detail
from accountdesk.core.queries.team import owner_names
from accountdesk.core.services import privacy
from accountdesk.core.validation import phone_shown
from accountdesk.ui import fmt, tasks
from accountdesk.ui.accounts.team import changed_text
from accountdesk.ui.activity import InteractionDialog, NoteDialog
from accountdesk.ui.activity_tabs import gifts_panel, new_currency, surveys_panel
from accountdesk.ui.colours import ALERT, text_style
from accountdesk.ui.context import AppContext
from accountdesk.ui.culture_panel import CulturePanel
from accountdesk.ui.detail import (
    FreeText,
    LeadingLabel,
    button_row,
    clear_layout,
    details_form,
    heading,
    let_narrow,
)
from accountdesk.ui.erase_backups import before_erase
from accountdesk.ui.forms import show_error
from accountdesk.ui.items import ItemsPanel
from accountdesk.ui.modal import run_modal

#: The most kept interactions that mention the person the confirmation lists in its text (all
#: are under "Show Details…").
MENTIONS_SHOWN = 8


def confirm_erase(
    parent: QWidget, name: str, mentions: Sequence[privacy.Mention] = (), zone: str = "UTC"
) -> bool:
    """Ask before erasing ``name`` for good (replaceable in tests), listing the interactions
    with other people that are kept and mention them (``mentions``, days in ``zone``)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Erase for good"))
    box.setTextFormat(Qt.TextFormat.PlainText)  # its texts too: a subject is shown as typed
    box.setText(privacy.erase_question(isolate(name)))
    if mentions:
        lines = [privacy.mention_line(m, zone) for m in mentions]
        shown = lines[:MENTIONS_SHOWN]
        if len(lines) > len(shown):
            shown.append(privacy.more_mentions(len(lines) - len(shown)))
            box.setDetailedText("\n".join(lines))
        notice = privacy.mentions_notice(isolate(name), len(mentions))
        box.setInformativeText("\n".join([notice, *shown]))
    erase = box.addButton(_("Erase for good"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    run_modal(box)
    return box.clickedButton() is erase


def _labelled(items: Iterable[tuple[str, str]]) -> str:
    """E-mail addresses or phone numbers one a line, each with its label as the editor shows
    it ("mobilni: +386 31 234 567"; a label of one's own as typed; "work", the default, left
    out): the page dropped the labels typed in the editor."""
    lines = []
    for key, value in items:
        shown = ltr(value)
        if key and key != "work":
            name = label(LIST_LABEL, key) if key in LIST_LABEL else isolate(key)
            # TRANSLATORS: an e-mail address's or phone number's label (mobile, home, or one
            # the user typed) and the address or number
            shown = _("{label}: {value}").format(label=name, value=shown)
        lines.append(shown)
    return "\n".join(lines)


class ContactView(QWidget):
    kind = "contact"

    def __init__(self, ctx: AppContext, contact_id: str) -> None:
        super().__init__()
        self.ctx = ctx
        self.record_id = contact_id
        self.detail: ContactDetail | None = None
        layout = QVBoxLayout(self)
        self.title = heading("")
        layout.addWidget(self.title)
        self.subtitle = LeadingLabel()
        let_narrow(self.subtitle)  # the account's name, however long
        self.subtitle.setOpenExternalLinks(False)
        # the account's link takes Tab and Enter, as Today's links do (it took only a click)
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.subtitle.linkActivated.connect(
            lambda _link: self.detail and ctx.open_record.emit("account", self.detail.account_id)
        )
        layout.addWidget(self.subtitle)
        self.changed = LeadingLabel()  # who saved it last, on a server
        self.changed.setTextFormat(Qt.TextFormat.PlainText)
        self.changed.hide()
        layout.addWidget(self.changed)
        row, self.action_buttons = button_row(
            [
                (_("Edit…"), self.edit),
                (_("Log interaction…"), self.quick_log),
                (_("Schedule follow-up…"), self.schedule_follow_up),
                (_("Meeting planner…"), self.meeting_planner),
                (_("Add note…"), self.add_note),
                (_("Move to trash"), self.delete),
            ]
        )
        layout.addLayout(row)
        body = QHBoxLayout()
        layout.addLayout(body, 1)
        self.tabs = QTabWidget()
        body.addWidget(self.tabs, 3)
        self.panel = CulturePanel(ctx)
        body.addWidget(self.panel, 2)
        self.details_page = QWidget()
        self.details_layout = QVBoxLayout(self.details_page)
        self.tabs.addTab(self.details_page, _("Details"))
        self.interactions = ItemsPanel(
            [
                (N_("When"), lambda i: fmt.when(i.occurred_at, ctx.user_zone)),
                (N_("Kind"), lambda i: label(INTERACTION_KIND, i.kind)),
                (N_("Subject"), lambda i: i.subject),
                (N_("Outcome"), lambda i: i.outcome or ""),
                (N_("Sentiment"), lambda i: label(SENTIMENT, i.sentiment)),
                (N_("Notes"), lambda i: (i.notes or "").replace("\n", " ")),
            ],
            on_new=self.quick_log,
            on_open=self.edit_interaction,
            on_delete=lambda i: ctx.delete("interaction", i.id, i.subject or _("interaction")),
            new_text=_("Log interaction…"),
            empty=_(
                "No interactions with this contact logged yet. Log interaction… records a "
                "call, a meeting or an e-mail."
            ),
        )
        self.tabs.addTab(self.interactions, _("Interactions"))
        # their answers and gifts as their account's page lists them (the gift dialog's
        # people, once a gift to a person was recorded, pointed here)
        account = lambda: self.detail.account_id if self.detail else None  # noqa: E731
        people = lambda a: account_people(ctx.db, a)  # noqa: E731
        self.surveys = surveys_panel(ctx, account, people, self, contact_id=contact_id)
        self.tabs.addTab(self.surveys, _("Surveys"))
        self.gifts = gifts_panel(ctx, account, people, self._currency, self, contact_id=contact_id)
        self.tabs.addTab(self.gifts, _("Gifts"))
        self.notes = ItemsPanel(
            [
                (N_("Written"), lambda n: fmt.when(n.created_at, ctx.user_zone)),
                (N_("Text"), lambda n: n.body.replace("\n", " ")),
            ],
            on_new=self.add_note,
            on_open=self.edit_note,
            on_delete=lambda n: ctx.delete("note", n.id, n.body[:40]),
            empty=_("No notes about this contact yet. Add… writes one."),
        )
        self.tabs.addTab(self.notes, _("Notes"))
        self.gdpr_page = QWidget()
        gdpr = QVBoxLayout(self.gdpr_page)
        self.gdpr_layout = QVBoxLayout()
        gdpr.addLayout(self.gdpr_layout, 1)
        privacy_row, self.privacy_buttons = button_row(
            [
                (_("Export personal data…"), self.export_personal_data),
                (_("Erase for good…"), self.erase_for_good),
            ]
        )
        gdpr.addLayout(privacy_row)
        self.tabs.addTab(self.gdpr_page, _("Data protection"))
        ctx.changed.connect(self._changed)
        self.reload()

    def _changed(self, _kind: str) -> None:
        self.reload()

    def reload(self) -> None:
        try:
            detail = contact_detail(self.ctx.db, self.record_id)
        except NotFoundError:
            self.detail = None
            try:
                privacy.subject_name(self.ctx.db, self.record_id)
            except NotFoundError:  # not in the trash either: erased or purged
                self.title.setText(_("This contact was deleted for good."))
                self._forget_shown()
            else:
                self.title.setText(_("This contact is in the trash."))
            self.subtitle.clear()
            self.changed.hide()
            for button in self.action_buttons:
                button.setEnabled(False)
            self.tabs.setEnabled(False)
            return
        for button in self.action_buttons:
            button.setEnabled(True)
        self.tabs.setEnabled(True)
        self.detail = detail
        # the person's name as they write it; how to address them is in the reach-out panel
        self.title.setText(
            isolate(display_name(detail.given_name, detail.family_name or "", detail.name_order))
        )
        role = label(BUYING_ROLE, detail.buying_role)
        parts = [_escape(isolate(p)) for p in (detail.job_title, role) if p]
        account = f'<a href="account">{_escape(detail.account_name)}</a>'
        self.subtitle.setText(" · ".join([*parts, isolate(account)]))
        changed = changed_text(
            owner_names(self.ctx.db), detail.changed_by, detail.changed_at, self.ctx.user_zone
        )
        self.changed.setText(changed)
        self.changed.setVisible(bool(changed))
        clear_layout(self.details_layout)
        dates = "\n".join(
            _("{kind}: {date}").format(
                kind=isolate(d.label) if d.label else label(DATE_KIND, d.kind),
                date=format_yearly_date(d.month, d.day, d.year),
            )
            for d in detail.important_dates
        )
        hours = ""
        if detail.work_start and detail.work_end:
            try:
                start, end = (
                    time.fromisoformat(detail.work_start),
                    time.fromisoformat(detail.work_end),
                )
            except ValueError:  # not stored by a form (another client on a team server)
                hours = _("{start}–{end}").format(start=detail.work_start, end=detail.work_end)
            else:
                hours = fmt.hours(start, end)
        self.details_layout.addWidget(
            details_form(
                [
                    (_("E-mails"), _labelled(detail.emails)),
                    (_("Phones"), _labelled((k, phone_shown(v)) for k, v in detail.phones)),
                    (_("Place"), fmt.place(detail.city, detail.country)),
                    (_("Time zone"), zone_name(detail.timezone)),
                    (_("Working hours"), hours),
                    (_("Preferred channel"), label(CHANNEL, detail.preferred_channel)),
                    (
                        _("Preferred language"),
                        language_name(detail.preferred_language)
                        if detail.preferred_language
                        else "",
                    ),
                    (_("Formality"), label(FORMALITY, detail.formality)),
                    (_("Important dates"), dates),
                    (_("Personal notes"), FreeText(detail.personal_notes or "")),
                    (_("How we met"), FreeText(detail.how_we_met or "")),
                    (_("Tags"), join_list(isolate(t) for t in detail.tags)),
                ]
            )
        )
        self.details_layout.addStretch(1)
        clear_layout(self.gdpr_layout)
        self.gdpr_layout.addWidget(
            details_form(
                [
                    (_("Lawful basis"), label(LAWFUL_BASIS, detail.lawful_basis) or "–"),
                    (_("Consent given on"), fmt.day(detail.consent_given_on) or "–"),
                    (_("Consent withdrawn on"), fmt.day(detail.consent_withdrawn_on) or "–"),
                    (_("Marketing"), fmt.yes_no(detail.marketing_opt_in)),
                ]
            )
        )
        if detail.lawful_basis == "consent" and detail.consent_withdrawn_on:
            # the basis recorded is gone: the data needs another basis, or is to be erased
            basis_gone = LeadingLabel(
                _(
                    "Their consent, the lawful basis recorded for keeping their data, was "
                    "withdrawn: record the basis you keep it on now (Edit…), or erase them "
                    "(Erase for good…)."
                )
            )
            basis_gone.setWordWrap(True)
            basis_gone.setStyleSheet(text_style(ALERT))
            self.gdpr_layout.addWidget(basis_gone)
        self.gdpr_layout.addStretch(1)
        self.interactions.set_items(detail.interactions)
        self.surveys.set_items(detail.surveys)
        self.gifts.set_items(detail.gifts)
        self.notes.set_items(detail.notes_list)
        self.panel.show_contact(detail)

    def _forget_shown(self) -> None:
        """Nothing of a person deleted for good stays on the page: their details, dates,
        notes, calls and how to address them stayed on screen, greyed, after "Erase for
        good…" (someone sharing their screen, or erasing on request, does not expect it)."""
        clear_layout(self.details_layout)
        clear_layout(self.gdpr_layout)
        for items in (self.interactions, self.surveys, self.gifts, self.notes):
            items.set_items([])
        self.panel.detail = None
        self.tabs.hide()
        self.panel.hide()
        for button in self.action_buttons:  # nothing left to act on
            button.hide()

    def _currency(self) -> str | None:
        """A new gift's currency: their account's (:func:`new_currency`)."""
        if self.detail is None:
            return None
        return new_currency(self.detail.account_currency, self.detail.account_country)

    def edit(self) -> None:
        from accountdesk.ui.contacts.editor import ContactEditor

        run_modal(ContactEditor(self.ctx, self.record_id, parent=self))

    def schedule_follow_up(self) -> None:
        from accountdesk.ui.followups.schedule import ScheduleDialog

        run_modal(ScheduleDialog(self.ctx, self.record_id, parent=self))

    def meeting_planner(self) -> None:
        from accountdesk.ui.followups.planner import PlannerDialog

        run_modal(PlannerDialog(self.ctx, [self.record_id], self))

    def quick_log(self) -> None:
        from accountdesk.ui.quicklog.dialog import QuickLogDialog

        run_modal(QuickLogDialog(self.ctx, contact_id=self.record_id, parent=self))

    def edit_note(self, item: Any) -> None:
        run_modal(NoteDialog(self.ctx, contact_id=self.record_id, item=item, parent=self))

    def add_note(self) -> None:
        run_modal(NoteDialog(self.ctx, contact_id=self.record_id, parent=self))

    def edit_interaction(self, item: Any) -> None:
        if self.detail is not None:
            account = self.detail.account_id
            people = account_people(self.ctx.db, account)
            run_modal(InteractionDialog(self.ctx, account, item, parent=self, people=people))

    def delete(self) -> None:
        if self.detail is not None:
            self.ctx.delete("contact", self.record_id, self.detail.name)

    def export_personal_data(self) -> None:
        """Everything stored about them to a JSON file, with a PDF summary beside it."""
        if self.detail is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export personal data"),
            # TRANSLATORS: the file name suggested when saving a person's data
            _("personal-data.json"),
            _("JSON (*.json)"),
        )
        if path:
            self.export_personal_data_to(Path(path))

    def export_personal_data_to(self, path: Path) -> None:
        db, contact_id, clock = self.ctx.db, self.record_id, self.ctx.clock
        lang = i18n.current_language().code

        def done(files: privacy.ExportFiles) -> None:
            self.ctx.status.emit(
                _("Wrote {json} and {pdf}.").format(
                    json=ltr(str(files.json)), pdf=ltr(str(files.pdf))
                )  # paths read left to right in a Persian sentence too
            )

        tasks.run(
            lambda: privacy.write_export(db, contact_id, path, lang=lang, clock=clock),
            done,
            self._failed,
            owner=self,
        )

    def erase_for_good(self) -> None:
        """Erase them from the database and its backups, after asking (no undo); the question
        lists the interactions with others that are kept and mention them."""
        if self.detail is None:
            return
        try:
            privacy.check_erasable(self.ctx.db, self.record_id)  # before asking, not after
        except UserError as exc:
            show_error(self, exc.message)
            return
        mentions = privacy.kept_mentions(self.ctx.db, self.record_id)
        if not confirm_erase(self, self.detail.name, mentions, self.ctx.user_zone):
            return
        ctx, contact_id = self.ctx, self.record_id
        self.tabs.setEnabled(False)
        for button in self.action_buttons:
            button.setEnabled(False)
        ctx.status.emit(_("Erasing {name}…").format(name=isolate(self.detail.name)))

        def done(erasure: privacy.Erasure) -> None:
            ctx.undo_stack.clear()  # its commands name them, and could not bring them back
            ctx.changed.emit("contact")
            ctx.status.emit(" ".join(erasure.done()))
            problems = erasure.problems()
            if problems:
                show_error(None, " ".join(problems))

        def failed(exc: BaseException) -> None:
            ctx.changed.emit("contact")  # this view shows them again
            if not isinstance(exc, UserError):
                raise exc
            show_error(None, exc.message)

        def erase(earlier: list[str]) -> None:
            # not owned by this view: what follows an erase must happen even if it is closed
            tasks.run(lambda: privacy.erase_contact(ctx.db, contact_id, earlier), done, failed)

        # backups encrypted before a change of passphrase: their passphrase asked for first
        before_erase(ctx.db, isolate(self.detail.name), ctx.user_zone, erase, failed)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            raise exc
        show_error(self, exc.message)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
