"""Create or edit an account."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from accountdesk.core.culture.countries import country_currency
from accountdesk.core.i18n import _, date_input_placeholder, format_date
from accountdesk.core.labels import STATUS, TIER
from accountdesk.core.queries.details import account_names, earlier_customer_periods
from accountdesk.core.records import (
    ACCOUNT_STATUSES,
    CORRECTION,
    REJOINED,
    SIZE_BANDS,
    WIN_BACK,
    AccountInput,
    CustomerPeriod,
    customer_history,
    period_text,
)
from accountdesk.core.services.accounts import account_for_edit, create_account, update_account
from accountdesk.core.validation import ValidationError, fail, parse_date
from accountdesk.ui import fmt
from accountdesk.ui.accounts.team import fill_owner, owner_field
from accountdesk.ui.activity import currency_line
from accountdesk.ui.context import AppContext
from accountdesk.ui.forms import (
    FormDialog,
    changed_fields,
    combo,
    country_combo,
    currency_example,
    line,
    notes_edit,
    on_country,
    region_combo,
    region_value,
    split_list,
    table_choices,
    zone_combo,
    zone_follows_country,
)
from accountdesk.ui.pickers import RecordPicker

TEXT_FIELDS = (
    "name", "industry", "website", "city", "address", "timezone", "currency",
    "tier", "owner", "notes", "country", "subdivision", "size_band", "status",
)  # fmt: skip


class AccountEditor(FormDialog):
    def __init__(
        self, ctx: AppContext, account_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Edit account") if account_id else _("New account"), parent)
        self.ctx = ctx
        self.account_id = account_id
        loaded = account_for_edit(ctx.db, account_id) if account_id else None
        self.loaded = loaded.data if loaded else None
        #: The version of the stored account the form shows (a save from it checks it).
        self.version = loaded.version if loaded else None
        self._filling = False
        self.add_field("name", _("Name"), line())
        country = country_combo(empty="")
        self.add_field("country", _("Country"), country)
        self.region = region_combo(country)
        self.add_field("subdivision", _("Region"), self.region)
        self.add_field("city", _("City"), line())
        self.add_field("address", _("Address"), notes_edit(60))
        zone = zone_combo()
        self.add_field("timezone", _("Time zone"), zone)
        offer = QPushButton()
        self.add_below("timezone", offer)
        zone_follows_country(country, zone, self.region, offer=offer, now=ctx.now)
        self.add_field("currency", _("Currency"), currency_line())
        on_country(country, self._currency_hint)  # empty, it is the country's
        self.add_section(_("Business"))
        status = combo(table_choices(STATUS, ACCOUNT_STATUSES))
        self.add_field("status", _("Status"), status)
        self.add_field("customer_since", _("Customer since"), line(date_input_placeholder()))
        self.add_field("lost_on", _("Lost on"), line(date_input_placeholder()))
        # what a save does to the account's periods as a customer: a win-back keeps the
        # earlier one, clearing "lost on" alone corrects it (core/records.py::customer_history)
        self.earlier: tuple[CustomerPeriod, ...] = (
            earlier_customer_periods(ctx.db, account_id) if account_id else ()
        )
        self.history_note = QLabel()
        self.history_note.setObjectName("customerHistory")
        self.history_note.setWordWrap(True)
        self.history_note.hide()
        self.form.addRow("", self.history_note)
        # the tiers by their names in the language ("Bronasta"), or a tier of one's own: the
        # field showed the stored key ("bronze", English) in every language; free: "B" or
        # "Old", typed or stored, is kept as it is, not read as the Bronze or Gold it is in
        tiers = combo(table_choices(TIER, list(TIER)), empty="", editable=True, free=True)
        self.add_field("tier", _("Tier"), tiers)
        owner = self.loaded.owner if self.loaded else None
        self.add_field("owner", _("Owner"), owner_field(ctx.db, owner, new=self.loaded is None))
        self.add_field("industry", _("Industry"), line())
        self.add_field(
            "size_band",
            _("Size"),
            combo(((s, fmt.size_band(s)) for s in SIZE_BANDS), empty=_("Unknown")),
        )
        self.add_field("website", _("Website"), line("https://"))
        self.add_field("acquisition_cost", _("Acquisition cost"), line())
        # who sent this customer to us: the portfolio's referral rate counts the accounts won
        # with one (the field was only ever filled by an import)
        self.referrer = RecordPicker(ctx.db, "account")
        self.referrer.setPlaceholderText(_("Type to find the account"))
        self._loaded_referrer: tuple[str | None, str] = (None, "")
        self.add_field("referred_by", _("Referred by"), self.referrer)
        self.add_field("tags", _("Tags"), line(_("comma-separated"), joiner=", "))
        self.add_field("notes", _("Notes"), notes_edit())
        if self.loaded is not None:
            self._fill(self.loaded)
        self.mark_clean()
        self._as_loaded = None if self.loaded is None else self.data()
        # connected after the stored values are shown: loading is not choosing
        status.currentIndexChanged.connect(lambda _index: self._status_chosen())
        for key in ("customer_since", "lost_on"):
            field = self.fields[key]
            assert isinstance(field, QLineEdit)
            field.textChanged.connect(lambda _text: self._show_history())

    def _currency_hint(self) -> None:
        """An empty currency is the country's (an acquisition cost, a new deal or gift are in
        it): the field says which. "EUR" as its placeholder read as a default, whatever the
        country."""
        field = self.fields["currency"]
        assert isinstance(field, QLineEdit)
        country = self.text("country").upper()
        own = country_currency(country) if country else None
        if own:
            field.setPlaceholderText(_("empty: the country's, {code}").format(code=own))
        else:
            field.setPlaceholderText(currency_example())

    def _status_chosen(self) -> None:
        """The date the chosen status needs (core/records.py::account_status) is filled with
        the user's today, in their calendar, when it is empty: a date already there is kept."""
        if self._filling:
            return
        stored = self.loaded
        if (
            self.text("status") == "active"
            and stored is not None
            and stored.lost_on is not None
            and self._typed("lost_on") == stored.lost_on
            and self._typed("customer_since") == stored.customer_since
        ):
            # a lost account made a customer again: won back today, its earlier period kept
            # (the line under the fields says so, and how to correct a loss instead)
            self.set_text("customer_since", self.ctx.today())
            self.set_text("lost_on", None)
            return
        needed = {"lost": "lost_on", "active": "customer_since"}.get(self.text("status"))
        if needed is not None and not self.text(needed).strip():
            self.set_text(needed, self.ctx.today())

    def _typed(self, key: str) -> date | None:
        """The date field ``key`` holds; None when empty or not (yet) a date."""
        try:
            return parse_date(key, self.text(key).strip() or None)
        except ValidationError:
            return None  # being typed: the save names what is wrong

    def _show_history(self) -> None:
        """Say under the dates what saving does to the account's periods as a customer."""
        text = "" if self._filling else self._history_text()
        self.history_note.setText(text)
        self.history_note.setVisible(bool(text))

    def _history_text(self) -> str:
        """A win-back keeps the earlier period, clearing "lost on" alone corrects the loss,
        the earlier period's first day joins the two again, another day inside it is refused
        (core/records.py::customer_history, what the save does); else nothing."""
        stored = self.loaded
        if stored is None:
            return ""
        since, lost = self._typed("customer_since"), self._typed("lost_on")
        old_since = stored.customer_since if isinstance(stored.customer_since, date) else None
        old_lost = stored.lost_on if isinstance(stored.lost_on, date) else None
        try:
            history = customer_history(old_since, old_lost, self.earlier, since, lost)
        except ValidationError as refused:
            return refused.message  # said now, not only when Save refuses it
        kept = history.period
        if history.change == WIN_BACK and kept is not None and since is not None:
            return _(
                "Saving records a win-back: the earlier period as a customer, {period}, is "
                "kept, and a new one starts on {since}. If the account was never lost, give "
                "{first} in Customer since instead."
            ).format(period=period_text(kept), since=format_date(since), first=format_date(kept[0]))
        if history.change == CORRECTION and since is not None:
            return _(
                "Saving corrects the loss: the account was never lost, and is a customer "
                "without a break since {since}. To record a win-back, give the day it became "
                "a customer again in Customer since."
            ).format(since=format_date(since))
        if history.change == REJOINED and kept is not None:
            return _(
                "Saving joins the earlier period as a customer, {period}, with this one: one "
                "period from {since}."
            ).format(period=period_text(kept), since=format_date(kept[0]))
        return ""

    def _fill(self, data: AccountInput) -> None:
        self._filling = True  # the stored values shown: no status chosen
        # the country before the zone: a zone the country does not list is the stored one
        for key in ("country", *TEXT_FIELDS, "customer_since", "lost_on", "acquisition_cost"):
            self.set_text(key, getattr(data, key))
        self.set_text("tags", ", ".join(data.tags))
        referrer = data.referred_by_id
        # one in the trash shows no name: it is kept unless the field is changed
        name = account_names(self.ctx.db, [referrer]).get(referrer, "") if referrer else ""
        self.referrer.set_record(referrer, name)
        self._loaded_referrer = (referrer, name)
        self._filling = False
        self._show_history()

    def load_stored(self) -> None:
        assert self.account_id is not None
        loaded = account_for_edit(self.ctx.db, self.account_id)
        self.loaded, self.version = loaded.data, loaded.version
        self.earlier = earlier_customer_periods(self.ctx.db, self.account_id)
        owner = self.fields["owner"]
        if isinstance(owner, QComboBox):  # the stored owner may be one it does not offer yet
            fill_owner(owner, self.ctx.db, loaded.data.owner, new=False)
        self._fill(loaded.data)
        self._as_loaded = self.data()

    def data(self) -> AccountInput:
        return AccountInput(
            name=self.text("name"),
            country=self.text("country"),
            subdivision=region_value(self.region, self.text("country")) or None,
            city=self.text("city"),
            address=self.text("address"),
            timezone=self.text("timezone") or None,
            currency=self.text("currency") or None,
            status=self.text("status"),
            customer_since=self.text("customer_since") or None,
            lost_on=self.text("lost_on") or None,
            tier=self.text("tier"),
            owner=self.text("owner"),
            industry=self.text("industry"),
            size_band=self.text("size_band") or None,
            website=self.text("website"),
            acquisition_cost=self.text("acquisition_cost") or None,
            tags=split_list(self.text("tags")),
            notes=self.text("notes"),
            referred_by_id=self._referrer(),
        )

    def _referrer(self) -> str | None:
        """The account chosen in Referred by: the stored one while the field shows it as it
        was loaded (an account in the trash shows no name, and is kept), None when emptied,
        the one chosen from the suggestions (or typed in full); refused when the text names
        no account."""
        stored, shown = self._loaded_referrer
        if self.referrer.text() == shown:
            return stored
        if not self.referrer.text().strip():
            return None
        if self.referrer.record_id is None:
            self.referrer.refresh()  # a whole name typed without choosing it is taken
        if self.referrer.record_id is None:
            raise fail("referred_by", self.referrer.text(), _("is not an account"))
        return self.referrer.record_id

    def save(self) -> str:
        data = self.data()
        if self.account_id is None:
            return str(self.ctx.write("account", lambda: create_account(self.ctx.db, data)))
        account_id, version, loaded = self.account_id, self.version, self.loaded
        changed = changed_fields(self._as_loaded, data)
        self.ctx.write(
            "account",
            lambda: update_account(
                self.ctx.db,
                account_id,
                data,
                expected_version=version,
                loaded=loaded,
                changed=changed,
            ),
        )
        return account_id
