"""The Accounts screen: every account, filtered and sorted in SQL."""

from __future__ import annotations

from accountdesk.core.i18n import _, country_name
from accountdesk.core.queries.lists import FilterChoices
from accountdesk.ui.accounts.editor import AccountEditor
from accountdesk.ui.accounts.model import AccountsModel
from accountdesk.ui.columns import fit_column, text_width
from accountdesk.ui.context import AppContext
from accountdesk.ui.listscreen import ListScreen
from accountdesk.ui.modal import run_modal


class AccountsScreen(ListScreen):
    kind = "account"
    refresh_on = ("contact",)

    def __init__(self, ctx: AppContext, *, asynchronous: bool = True) -> None:
        super().__init__(
            ctx,
            AccountsModel(ctx.db, asynchronous=asynchronous),
            _("Accounts"),
            filter_name=_("Filter accounts"),
        )
        self.new_button.setText(_("New account…"))
        self.table.horizontalHeader().resizeSection(0, 280)

    def _fill_choices(self, choices: FilterChoices) -> None:
        """The filters' choices, and the Country column as wide as the countries they list
        (up to 20 em): "Amerika Birleşik Devletleri" was cut to "Amerika Birleş…" beside a
        name column with room to spare."""
        super()._fill_choices(choices)
        column = next(i for i, c in enumerate(self.model.columns) if c.key == "country")
        widest = text_width(self.table, [country_name(code) for code in choices.countries])
        most = 20 * self.fontMetrics().horizontalAdvance("M")
        fit_column(self.table, column, (), min(widest, most))

    def new_record(self) -> None:
        editor = AccountEditor(self.ctx, parent=self)
        if run_modal(editor) and editor.result_id:
            self.ctx.open_record.emit("account", editor.result_id)

    def edit_record(self, id_: str) -> None:
        run_modal(AccountEditor(self.ctx, id_, parent=self))

    def empty_text(self, filtered: bool) -> str:
        if filtered:
            return _("No account matches the filter.")
        return _(
            "No accounts yet. Add one with New account… (Ctrl+N), or bring your contacts in "
            "with File → Import contacts… (Ctrl+I)."
        )

    def title_of(self, row: int) -> str:
        found = self.model.row(row)
        return found.name if found else ""
