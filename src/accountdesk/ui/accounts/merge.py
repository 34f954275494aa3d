"""Merge with… on an account's page: the other account chosen by typing its name (each listed
with its city and country; the account itself and the accounts in the trash are not), then the
two side by side with which one to keep, as the Duplicates screen shows a group
(:class:`~accountdesk.ui.duplicates.accounts.AccountMergeChoice`, the one merge of accounts of
the screens). The rules are in ``core/services/account_merge.py``; a refusal of theirs is shown
as their sentence, and nothing is written."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.bidi import isolate
from accountdesk.core.i18n import N_, _, country_name
from accountdesk.core.queries.search import SearchHit, search
from accountdesk.core.services.account_merge import AccountMergeResult
from accountdesk.ui.accessible import label_field, name_field
from accountdesk.ui.clearbutton import clear_button
from accountdesk.ui.context import AppContext
from accountdesk.ui.detail import LeadingLabel
from accountdesk.ui.duplicates.accounts import AccountMergeChoice
from accountdesk.ui.items import ItemsPanel
from accountdesk.ui.rowkeys import add_row_keys

#: How many matches the search reads (accounts and contacts: the accounts among them are
#: listed).
SEARCHED = 60


class MergeWithDialog(QDialog):
    """Choose the account that is the same company as ``account_id`` (named ``name``), then
    what the merge keeps; :attr:`merged` is the merge made (None: cancelled, or refused),
    :attr:`kept_id` the account that stays."""

    def __init__(
        self, ctx: AppContext, account_id: str, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.account_id = account_id
        self.merged: AccountMergeResult | None = None
        self.kept_id: str | None = None
        self.hits: list[SearchHit] = []
        self.setWindowTitle(_("Merge with another account"))
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)

        # --- the other account ---------------------------------------------------------------
        picking = QWidget()
        pick = QVBoxLayout(picking)
        pick.setContentsMargins(0, 0, 0, 0)
        intro = LeadingLabel(
            _(
                "Which account is the same company as “{name}”? Type its name, and choose it "
                "by its city and country. Accounts in the trash are not listed."
            ).format(name=isolate(name))
        )
        intro.setWordWrap(True)
        pick.addWidget(intro)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Type the other account's name"))
        clear_button(self.search)
        label_field(intro, self.search)
        pick.addWidget(self.search)
        self.results = ItemsPanel(
            [
                (N_("Account"), lambda h: h.title),
                (N_("City"), lambda h: h.city or ""),
                (N_("Country"), lambda h: country_name(h.country) if h.country else ""),
            ]
        )
        name_field(self.results.view, _("Accounts found"))
        header = self.results.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.results.view.doubleClicked.connect(lambda _index: self.compare())
        add_row_keys(self.results.view, open_row=(_("Compare"), self.compare))
        self.results.view.selectionModel().currentChanged.connect(
            lambda *_a: self._update_buttons()
        )
        self.results.model.modelReset.connect(self._update_buttons)
        pick.addWidget(self.results, 1)
        self.pages.addWidget(picking)

        # --- side by side ------------------------------------------------------------------
        self.choice = AccountMergeChoice(ctx)
        self.choice.merged.connect(self._merged)
        self.pages.addWidget(self.choice)

        buttons = QHBoxLayout()
        self.back_button = QPushButton(_("Back"))
        self.back_button.clicked.connect(lambda _checked=False: self.back())
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        self.compare_button = QPushButton(_("Compare"))
        self.compare_button.setDefault(True)
        self.compare_button.clicked.connect(lambda _checked=False: self.compare())
        buttons.addWidget(self.compare_button)
        cancel = QPushButton(_("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.look_up)
        self.search.textEdited.connect(lambda _text: self._timer.start())
        self.look_up()
        self.back()
        self.resize(760, 560)

    # --- choosing ------------------------------------------------------------------------

    def look_up(self, text: str | None = None) -> None:
        """List the accounts that match ``text`` (typed in the field when given), best
        first: the search of the whole app, without this account and the accounts in the
        trash."""
        self._timer.stop()
        if text is not None:
            self.search.setText(text)
        typed = self.search.text()
        hits = (
            search(self.ctx.db, typed, limit=SEARCHED, account_people=False)
            if typed.strip()
            else []
        )
        self.hits = [h for h in hits if h.kind == "account" and h.id != self.account_id]
        self.results.set_items(self.hits)
        if self.hits:
            self.results.view.setCurrentIndex(self.results.model.index(0, 0))
        elif typed.strip():
            self.results.empty_note.say(
                _("No other account matches “{text}”.").format(text=isolate(typed.strip()))
            )
        else:
            self.results.empty_note.say(
                _("Type a few letters of the other account's name: the matches are listed here.")
            )

    def chosen(self) -> SearchHit | None:
        """The account chosen in the list."""
        found = self.results.current()
        return found if isinstance(found, SearchHit) else None

    def _update_buttons(self) -> None:
        comparing = self.pages.currentWidget() is self.choice
        self.compare_button.setVisible(not comparing)
        self.compare_button.setEnabled(self.chosen() is not None)
        self.back_button.setVisible(comparing)

    # --- comparing -----------------------------------------------------------------------

    def compare(self) -> None:
        """The account and the one chosen side by side, with which one to keep (Enter in the
        search field, before its list was refreshed: the first match of what is typed)."""
        if self._timer.isActive():
            self.look_up()
        other = self.chosen()
        if other is None or self.pages.currentWidget() is self.choice:
            return
        self.choice.show_accounts([self.account_id, other.id])
        self.pages.setCurrentWidget(self.choice)
        self._update_buttons()
        self.choice.keep.setFocus()

    def back(self) -> None:
        """Back to the list of accounts, to choose another."""
        self.pages.setCurrentIndex(0)
        self._update_buttons()
        self.search.setFocus()

    def _merged(self, kept_id: str, result: AccountMergeResult) -> None:
        self.kept_id, self.merged = kept_id, result
        self.accept()
