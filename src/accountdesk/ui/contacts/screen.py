"""The Contacts screen: every contact with their local time and whether they work now."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from accountdesk.core.i18n import _
from accountdesk.ui.contacts.editor import ContactEditor
from accountdesk.ui.contacts.model import ContactsModel
from accountdesk.ui.context import AppContext
from accountdesk.ui.listscreen import ListScreen
from accountdesk.ui.modal import run_modal


class ContactsScreen(ListScreen):
    kind = "contact"
    refresh_on = ("account",)

    def __init__(self, ctx: AppContext, *, asynchronous: bool = True) -> None:
        model = ContactsModel(ctx.db, ctx.now, asynchronous=asynchronous)
        super().__init__(ctx, model, _("Contacts"), filter_name=_("Filter contacts"))
        self.model: ContactsModel = model
        self.new_button.setText(_("New contact…"))
        self.table.horizontalHeader().resizeSection(0, 220)
        self.table.horizontalHeader().resizeSection(2, 220)
        self.clock = QTimer(self)
        self.clock.setInterval(60_000)
        self.clock.timeout.connect(model.refresh_times)
        self.clock.start()

    def new_record(self) -> None:
        editor = ContactEditor(self.ctx, parent=self)
        if run_modal(editor) and editor.result_id:
            self.ctx.open_record.emit("contact", editor.result_id)

    def edit_record(self, id_: str) -> None:
        run_modal(ContactEditor(self.ctx, id_, parent=self))

    def empty_text(self, filtered: bool) -> str:
        if filtered:
            return _("No contact matches the filter.")
        return _(
            "No contacts yet. Add one with New contact… (Ctrl+Shift+N), or bring them in with "
            "File → Import contacts… (Ctrl+I)."
        )

    def title_of(self, row: int) -> str:
        found = self.model.row(row)
        return found.name if found else ""
