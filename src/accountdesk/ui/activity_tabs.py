"""The Deals, Surveys and Gifts tabs of a record's page: an account's, and a person's (their
answers and gifts). One table each, with the same columns, order and actions on both pages:
Add…, Edit…, Move to trash (undoable); a click on a column's title sorts by it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QWidget

from accountdesk.core.i18n import N_, _, format_number
from accountdesk.core.labels import DEAL_STAGE, DEAL_STATUS, GIFT_DIRECTION, SURVEY_KIND, label
from accountdesk.core.metrics import NO_CURRENCY, own_currency
from accountdesk.core.queries.details import ContactSummary, DealItem, GiftItem, SurveyItem
from accountdesk.ui import fmt
from accountdesk.ui.activity import DealDialog, GiftDialog, SurveyDialog
from accountdesk.ui.context import AppContext
from accountdesk.ui.items import ColumnSpec, ItemsPanel, amount_order
from accountdesk.ui.modal import run_modal

#: The people of an account (``account_id``) a survey answer or a gift may be about.
People = Callable[[str], Sequence[ContactSummary]]


def new_currency(currency: str | None, country: str | None) -> str | None:
    """A new deal's or gift's currency: the account's, else its country's (as its
    acquisition cost and the reports read it); None when neither is known. An imported
    account has no currency of its own, and its deals could not be saved until one was
    typed."""
    own = own_currency(currency, country)
    return None if own == NO_CURRENCY else own


def _named(people: People, account_id: str, contact_id: str | None) -> str:
    """The name of ``account_id``'s person ``contact_id`` (empty for none or someone no
    longer listed there)."""
    if contact_id is None:
        return ""
    return next((p.name for p in people(account_id) if p.id == contact_id), "")


def deals_panel(
    ctx: AppContext, account_id: Callable[[], str], currency: Callable[[], str | None],
    parent: QWidget,
) -> ItemsPanel:  # fmt: skip
    """An account's deals (``account_id``: its id, read when a deal is opened or added: the
    page may show another account since, the kept one of a merge; ``currency``: a new one's,
    :func:`new_currency`)."""

    def dialog(item: DealItem | None) -> None:
        new = None if item else currency()
        run_modal(DealDialog(ctx, account_id(), item, currency=new, parent=parent))

    return ItemsPanel(
        [
            (N_("Title"), lambda d: d.title),
            (
                N_("Amount"),
                lambda d: fmt.money(d.amount, d.currency),
                lambda d: amount_order(d.currency, d.amount),
            ),
            (N_("Status"), lambda d: label(DEAL_STATUS, d.status)),
            (N_("Stage"), lambda d: label(DEAL_STAGE, d.stage)),
            (N_("Closed on"), lambda d: fmt.day(d.closed_on), lambda d: d.closed_on),
        ],
        on_new=lambda: dialog(None),
        on_open=dialog,
        on_delete=lambda d: ctx.delete("deal", d.id, d.title),
        empty=_("No deals yet. Add… records one with its amount and stage."),
        sortable=True,
    )


def surveys_panel(
    ctx: AppContext, account_id: Callable[[], str | None], people: People, parent: QWidget,
    *, contact_id: str | None = None,
) -> ItemsPanel:  # fmt: skip
    """The survey answers about an account (``account_id``: its id, read when an answer is
    added), or about one person (``contact_id``: a new answer is about them; no Contact
    column)."""

    def dialog(item: SurveyItem | None) -> None:
        account = item.account_id if item and item.account_id else account_id()
        if account is not None:
            run_modal(
                SurveyDialog(
                    ctx, account, item, parent, people=people(account), contact_id=contact_id
                )
            )

    columns: list[ColumnSpec] = [
        (N_("Kind"), lambda s: label(SURVEY_KIND, s.kind)),
        (N_("Score"), lambda s: format_number(s.score), lambda s: s.score),
        (N_("Answered on"), lambda s: fmt.day(s.answered_on), lambda s: s.answered_on),
    ]
    if contact_id is None:
        columns.append((N_("Contact"), lambda s: _named(people, s.account_id, s.contact_id)))
    columns.append((N_("Comment"), lambda s: s.comment or ""))
    return ItemsPanel(
        columns,
        on_new=lambda: dialog(None),
        on_open=dialog,
        on_delete=lambda s: ctx.delete("survey", s.id, label(SURVEY_KIND, s.kind)),
        empty=_("No survey answers yet. Add… records an NPS or CSAT score."),
        sortable=True,
    )


def gifts_panel(
    ctx: AppContext, account_id: Callable[[], str | None], people: People,
    currency: Callable[[], str | None], parent: QWidget, *, contact_id: str | None = None,
) -> ItemsPanel:  # fmt: skip
    """The gifts given to or received from an account (``account_id``, as
    :func:`surveys_panel`), or one person (``contact_id``); ``currency``: a new one's."""

    def dialog(item: GiftItem | None) -> None:
        account = item.account_id if item and item.account_id else account_id()
        if account is not None:
            run_modal(
                GiftDialog(
                    ctx,
                    account,
                    item,
                    currency=None if item else currency(),
                    parent=parent,
                    people=people(account),
                    contact_id=contact_id,
                )
            )

    columns: list[ColumnSpec] = [
        (N_("Date"), lambda g: fmt.day(g.given_on), lambda g: g.given_on),
        (N_("Given or received"), lambda g: label(GIFT_DIRECTION, g.direction)),
        (N_("Description"), lambda g: g.description),
    ]
    if contact_id is None:
        columns.append((N_("Contact"), lambda g: _named(people, g.account_id, g.contact_id)))
    columns += [
        (N_("Occasion"), lambda g: g.occasion or ""),
        (
            N_("Value"),
            lambda g: fmt.money(g.value, g.currency),
            lambda g: amount_order(g.currency, g.value),
        ),
    ]
    return ItemsPanel(
        columns,
        on_new=lambda: dialog(None),
        on_open=dialog,
        on_delete=lambda g: ctx.delete("gift", g.id, g.description),
        empty=_("No gifts given or received yet. Add… records one."),
        sortable=True,
    )
