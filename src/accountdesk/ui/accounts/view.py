"""The account view: overview with key figures, contacts, interactions, deals, surveys, gifts,
notes and follow-ups; every item can be added, edited and moved to the trash. Merge with…
merges the account with another (``ui/accounts/merge.py``); the page then shows the account
kept, and offers to undo the merge."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core import i18n
from accountdesk.core.bidi import isolate, ltr
from accountdesk.core.errors import NotFoundError
from accountdesk.core.i18n import (
    N_,
    _,
    currency_name,
    format_decimal,
    format_number,
    join_list,
    ngettext,
    pgettext,
    zone_name,
)
from accountdesk.core.labels import (
    BUYING_ROLE,
    INTERACTION_KIND,
    SENTIMENT,
    STATUS,
    TIER,
    label,
)
from accountdesk.core.metrics import MetricValue, Period, own_currency
from accountdesk.core.money import MoneyTotal, amounts_note, subtotals_text, total_text
from accountdesk.core.queries.details import (
    AccountDetail,
    ContactSummary,
    account_answers,
    account_detail,
    account_revenue_to_date,
)
from accountdesk.core.queries.team import owner_name, owner_names
from accountdesk.core.records import period_text
from accountdesk.ui import fmt
from accountdesk.ui.accounts.team import changed_text
from accountdesk.ui.activity import InteractionDialog, NoteDialog
from accountdesk.ui.activity_tabs import deals_panel, gifts_panel, new_currency, surveys_panel
from accountdesk.ui.context import AppContext
from accountdesk.ui.culture_panel import CultureSummary
from accountdesk.ui.detail import (
    FreeText,
    LeadingLabel,
    button_row,
    clear_layout,
    details_form,
    figure,
    heading,
    scrolled,
)
from accountdesk.ui.forms import region_label
from accountdesk.ui.items import ItemsPanel
from accountdesk.ui.modal import run_modal


class AccountView(QWidget):
    kind = "account"

    def __init__(self, ctx: AppContext, account_id: str) -> None:
        super().__init__()
        self.ctx = ctx
        self.record_id = account_id
        self.detail: AccountDetail | None = None
        layout = QVBoxLayout(self)
        self.title = heading("")
        layout.addWidget(self.title)
        self.changed = LeadingLabel()  # who saved it last, on a server
        self.changed.setTextFormat(Qt.TextFormat.PlainText)
        self.changed.hide()
        layout.addWidget(self.changed)
        row, self.action_buttons = button_row(
            [
                (_("Edit…"), self.edit),
                (_("New contact…"), self.new_contact),
                (_("Log interaction…"), self.quick_log),
                (_("Meeting planner…"), self.meeting_planner),
                (_("Merge with…"), self.merge_with),
                (_("Move to trash"), self.delete),
            ]
        )
        layout.addLayout(row)
        # after Merge with…: what the merge did, and its undo (the Duplicates screen's)
        self.merge_notice = QFrame()
        self.merge_notice.setFrameShape(QFrame.Shape.StyledPanel)
        notice = QHBoxLayout(self.merge_notice)
        self.merge_text = LeadingLabel()
        self.merge_text.setWordWrap(True)
        notice.addWidget(self.merge_text, 1)
        self.undo_merge_button = QPushButton(_("Undo merge"))
        self.undo_merge_button.clicked.connect(lambda _checked=False: self.undo_merge())
        notice.addWidget(self.undo_merge_button)
        self.merge_notice.hide()
        #: the merge made here (its id) and the account the page showed before it
        self.last_merge: tuple[str, str] | None = None
        layout.addWidget(self.merge_notice)
        self.figures = QGridLayout()
        layout.addLayout(self.figures)
        self.culture = CultureSummary(ctx)
        layout.addWidget(self.culture)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.overview = QWidget()
        self.overview_layout = QVBoxLayout(self.overview)
        # scrolled: its fifteen rows under the figures and the culture summary made the
        # window taller than a 768-pixel screen
        self.tabs.addTab(scrolled(self.overview), _("Overview"))
        self.contacts = ItemsPanel(
            [
                (N_("Name"), lambda c: c.name),
                (N_("Job title"), lambda c: c.job_title or ""),
                (N_("Buying role"), lambda c: label(BUYING_ROLE, c.buying_role)),
                (N_("Time zone"), lambda c: zone_name(c.timezone)),
                (N_("E-mail"), lambda c: ltr(c.email or "")),
            ],
            on_new=self.new_contact,
            on_open=lambda c: ctx.open_record.emit("contact", c.id),
            new_text=_("New contact…"),
            open_text=pgettext("action", "Open"),
            empty=_("No contacts at this account yet. New contact… adds one."),
        )
        self.tabs.addTab(self.contacts, _("Contacts"))
        self.interactions = ItemsPanel(
            [
                (N_("When"), lambda i: fmt.when(i.occurred_at, ctx.user_zone)),
                (N_("Kind"), lambda i: label(INTERACTION_KIND, i.kind)),
                (N_("Subject"), lambda i: i.subject),
                (N_("With"), lambda i: i.participants),
                (N_("Outcome"), lambda i: i.outcome or ""),
                (N_("Sentiment"), lambda i: label(SENTIMENT, i.sentiment)),
            ],
            on_new=self.quick_log,
            on_open=self.edit_interaction,
            on_delete=lambda i: ctx.delete("interaction", i.id, i.subject or _("interaction")),
            new_text=_("Log interaction…"),
            empty=_(
                "No interactions with this account logged yet. Log interaction… records a "
                "call, a meeting or an e-mail."
            ),
        )
        self.tabs.addTab(self.interactions, _("Interactions"))
        self.deals = deals_panel(ctx, lambda: self.record_id, self._currency, self)
        self.tabs.addTab(self.deals, _("Deals"))
        self.surveys = surveys_panel(ctx, lambda: self.record_id, self._people_of, self)
        self.tabs.addTab(self.surveys, _("Surveys"))
        self.gifts = gifts_panel(ctx, lambda: self.record_id, self._people_of, self._currency, self)
        self.tabs.addTab(self.gifts, _("Gifts"))
        self.notes = ItemsPanel(
            [
                (N_("Written"), lambda n: fmt.when(n.created_at, ctx.user_zone)),
                (N_("Text"), lambda n: n.body.replace("\n", " ")),
            ],
            on_new=lambda: self._dialog(NoteDialog(ctx, account_id=self.record_id, parent=self)),
            on_open=lambda n: self._dialog(
                NoteDialog(ctx, account_id=self.record_id, item=n, parent=self)
            ),
            on_delete=lambda n: ctx.delete("note", n.id, n.body[:40]),
            empty=_("No notes about this account yet. Add… writes one."),
        )
        self.tabs.addTab(self.notes, _("Notes"))
        ctx.changed.connect(self._changed)
        self.reload()

    def _currency(self) -> str | None:
        """A new deal's or gift's currency (:func:`new_currency`)."""
        if self.detail is None:
            return None
        return new_currency(self.detail.currency, self.detail.country)

    def _people(self) -> list[ContactSummary]:
        """The account's people, as the Contacts tab lists them (a survey answer or a gift
        can be about one of them)."""
        return self.detail.contacts if self.detail else []

    def _people_of(self, account_id: str | None) -> list[ContactSummary]:
        """The people of ``account_id``: this account's as listed (an answer or a gift of
        another account is not on this page)."""
        return self._people() if account_id == self.record_id else []

    def _dialog(self, dialog: Any) -> None:
        run_modal(dialog)

    def _changed(self, kind: str) -> None:
        if self.isVisible() or kind == "account":
            self.reload()

    def reload(self) -> None:
        try:
            detail = account_detail(self.ctx.db, self.record_id)
        except NotFoundError:
            self.detail = None
            self.title.setText(_("This account is in the trash."))
            self.changed.hide()
            for button in self.action_buttons:
                button.setEnabled(False)
            self.tabs.setEnabled(False)
            return
        for button in self.action_buttons:
            button.setEnabled(True)
        self.tabs.setEnabled(True)
        self.detail = detail
        self.title.setText(isolate(detail.name))
        names = owner_names(self.ctx.db)
        changed = changed_text(names, detail.changed_by, detail.changed_at, self.ctx.user_zone)
        self.changed.setText(changed)
        self.changed.setVisible(bool(changed))
        clear_layout(self.figures)
        f = detail.figures
        # the account report's figure (one rule): deals won up to today, at the stored rates
        earned = account_revenue_to_date(self.ctx.db, self.record_id, self.ctx.today())
        answers = account_answers(self.ctx.db, self.record_id, self.ctx.today())
        cards = [
            (_("Status"), label(STATUS, detail.status), ""),
            (_("Contacts"), format_number(f.contacts), ""),
            (_("Interactions"), format_number(f.interactions), ""),
            (_("Last touch"), fmt.when(f.last_touch, self.ctx.user_zone), ""),
            (
                _("Revenue to date"),
                "" if earned.empty else total_text(earned),
                converted_note(earned),
            ),
            (_("NPS"), *_answers_card(answers.nps, answers.period, 0)),
            (_("Mean CSAT"), *_answers_card(answers.csat_mean, answers.period, 2)),
        ]
        for column, (title, value, note) in enumerate(cards):
            self.figures.addWidget(figure(title, value, note), 0, column)
        clear_layout(self.overview_layout)
        self.overview_layout.addWidget(
            details_form(
                [
                    (_("Country"), fmt.country(detail.country)),
                    (_("Region"), region_label(detail.country, detail.subdivision)),
                    (_("City"), detail.city or ""),
                    (_("Address"), detail.address or ""),
                    (_("Time zone"), zone_name(detail.timezone) if detail.timezone else ""),
                    (_("Currency"), _currency(detail.currency)),
                    (_("Tier"), label(TIER, detail.tier)),
                    (_("Owner"), owner_name(names, detail.owner) if detail.owner else ""),
                    # the periods before a win-back, oldest first, then the current one
                    *((_("Customer"), period_text(p)) for p in detail.earlier_periods),
                    (_("Customer since"), fmt.day(detail.customer_since)),
                    (_("Lost on"), fmt.day(detail.lost_on)),
                    (
                        _("Acquisition cost"),
                        fmt.money(
                            detail.acquisition_cost, own_currency(detail.currency, detail.country)
                        ),
                    ),
                    (_("Referred by"), detail.referred_by or ""),
                    (_("Industry"), detail.industry or ""),
                    (_("Size"), fmt.size_band(detail.size_band)),
                    (_("Website"), ltr(detail.website or "")),
                    (_("Tags"), join_list(isolate(t) for t in detail.tags)),
                    (_("Notes"), FreeText(detail.notes or "")),
                ]
            )
        )
        self.overview_layout.addStretch(1)
        self.contacts.set_items(detail.contacts)
        self.interactions.set_items(detail.interactions)
        self.deals.set_items(detail.deals)
        self.surveys.set_items(detail.surveys)
        self.gifts.set_items(detail.gifts)
        self.notes.set_items(detail.notes_list)
        self.culture.show_place(detail.country, detail.subdivision, detail.timezone)

    # --- actions -------------------------------------------------------------------------

    def edit(self) -> None:
        from accountdesk.ui.accounts.editor import AccountEditor

        run_modal(AccountEditor(self.ctx, self.record_id, parent=self))

    def new_contact(self) -> None:
        from accountdesk.ui.contacts.editor import ContactEditor

        editor = ContactEditor(self.ctx, account_id=self.record_id, parent=self)
        run_modal(editor)

    def edit_interaction(self, item: Any) -> None:
        dialog = InteractionDialog(
            self.ctx, self.record_id, item, parent=self, people=self._people()
        )
        run_modal(dialog)

    def meeting_planner(self) -> None:
        from accountdesk.ui.followups.planner import PlannerDialog

        run_modal(PlannerDialog(self.ctx, [], self, account_id=self.record_id))

    def quick_log(self) -> None:
        from accountdesk.ui.quicklog.dialog import QuickLogDialog

        contact = self.detail.contacts[0].id if self.detail and self.detail.contacts else None
        run_modal(QuickLogDialog(self.ctx, contact_id=contact, parent=self))

    def delete(self) -> None:
        if self.detail is not None:
            self.ctx.delete("account", self.record_id, self.detail.name)

    def show_account(self, account_id: str) -> None:
        """Show the account ``account_id`` on this page (the kept one of a merge; the one the
        page showed before, after its undo): what its tabs add is added to it."""
        self.record_id = account_id
        self.reload()

    def merge_with(self) -> None:
        """Merge this account with another (``MergeWithDialog``); then show the account
        kept, with what the merge did and its undo."""
        from accountdesk.ui.accounts.merge import MergeWithDialog
        from accountdesk.ui.duplicates.accounts import merged_text

        if self.detail is None:
            return
        dialog = MergeWithDialog(self.ctx, self.record_id, self.detail.name, parent=self)
        run_modal(dialog)
        if dialog.merged is None or dialog.kept_id is None:
            return  # cancelled, or refused (the refusal was shown): nothing was written
        self.last_merge = (dialog.merged.merge_id, self.record_id)
        self.merge_text.setText(merged_text(dialog.merged, 1))
        self.merge_notice.show()
        self.show_account(dialog.kept_id)

    def undo_merge(self) -> None:
        """Undo the merge made here, as the Duplicates screen undoes one
        (:func:`~accountdesk.ui.duplicates.accounts.undo_merge_of_accounts`), and show the
        account the page showed before it; a refusal is shown, and the notice stays."""
        from accountdesk.ui.duplicates.accounts import undo_merge_of_accounts

        if self.last_merge is None:
            return
        merge_id, before = self.last_merge
        if undo_merge_of_accounts(self.ctx, self, merge_id) is None:
            return
        self.last_merge = None
        self.merge_notice.hide()
        self.show_account(before)


def converted_note(total: MoneyTotal) -> str:
    """What a card's total of money is, when it is not simply its amounts as entered: the
    amounts it was converted from and the rates' currency and day, as a report's amounts say
    it (:func:`money.amounts_note`); or, without a rate, why it is shown per currency. Empty
    for amounts all in the currency shown (nothing converted)."""
    if total.empty or set(total.subtotals) == {total.reporting}:
        return ""
    lines = amounts_note([total], total.reporting)
    if not total.complete:  # why per currency, and how to add the rate
        return "\n".join((lines[0], lines[-1]))
    source = _("Converted from {amounts}.").format(amounts=subtotals_text(total))
    return "\n".join((i18n.single_stops(source), *lines))


def _answers_card(score: MetricValue, period: Period, digits: int) -> tuple[str, str]:
    """A card's value and note for a score of the account's survey answers as its report
    gives it (the last 12 months: :func:`account_answers`; ``digits`` as the report writes
    it), with the answers it rests on and since when."""
    since = fmt.day(period.start)
    if score.value is None:
        return "", _("No answers since {date}").format(date=isolate(since))
    note = ngettext("{n} answer since {date}", "{n} answers since {date}", score.sample).format(
        n=format_number(score.sample), date=isolate(since)
    )
    return format_decimal(score.value, digits), note


def _currency(code: str | None) -> str:
    """ "Turcijas lira (TRY)": the currency's name in the language and its code."""
    if not code:
        return ""
    return _("{name} ({code})").format(name=currency_name(code), code=ltr(code))
