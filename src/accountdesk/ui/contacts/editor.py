"""Create or edit a contact."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtWidgets import QCheckBox, QWidget

from accountdesk.core.i18n import (
    DateInputError,
    _,
    date_input_placeholder,
    format_date_input,
    parse_date_input,
)
from accountdesk.core.labels import (
    BUYING_ROLE,
    CHANNEL,
    FORMALITY,
    LAWFUL_BASIS,
    NAME_ORDER,
)
from accountdesk.core.queries.details import account_detail
from accountdesk.core.services.accounts import (
    BUYING_ROLES,
    CHANNELS,
    DATE_KINDS,
    FORMALITIES,
    LAWFUL_BASES,
    NAME_ORDERS,
    ContactInput,
    ImportantDateInput,
    contact_for_edit,
    create_contact,
    update_contact,
)
from accountdesk.core.validation import ValidationError
from accountdesk.ui.context import AppContext
from accountdesk.ui.forms import (
    FormDialog,
    combo,
    country_combo,
    line,
    notes_edit,
    table_choices,
    zone_combo,
)
from accountdesk.ui.pickers import RecordPicker

#: A kind, a date as the date fields write it (with the spaces of a Slovenian "17. 05. 1984",
#: in any digits) or MM-DD, and an optional label.
_DATE_LINE = re.compile(r"^\s*(\w+)\s+(\d{1,4}(?:\s*[-/.]\s*\d{1,4}){1,2}\.?|\S+)\s*(.*)$")
_MONTH_DAY = re.compile(r"(\d{1,2})-(\d{1,2})")


def dates_text(items: list[ImportantDateInput]) -> str:
    lines = []
    for item in items:
        when = f"{item.month:02d}-{item.day:02d}"
        if item.year:
            when = format_date_input(date(item.year, item.month, item.day))
        lines.append(" ".join(p for p in (item.kind, when, item.label or "") if p))
    return "\n".join(lines)


def parse_dates(text: str) -> list[ImportantDateInput]:
    """One date a line: ``birthday 1984-05-17`` (a date as a date field takes it, so
    ``birthday ۱۳۶۳/۰۲/۲۷`` in Persian) or ``custom 12-24 Name day`` (month and day)."""
    found = []
    for raw in text.splitlines():
        if not raw.strip():
            continue
        match = _DATE_LINE.match(raw)
        when = _when(match.group(2)) if match and match.group(1) in DATE_KINDS else None
        if match is None or when is None:
            raise ValidationError(
                _("Important dates"),
                raw.strip(),
                _(
                    "write one a line: a kind ({kinds}), then a date such as {example}, or MM-DD"
                ).format(kinds=", ".join(DATE_KINDS), example=date_input_placeholder()),
                key="important_dates",
            )
        year, month, day = when
        found.append(ImportantDateInput(match.group(1), month, day, year, match.group(3) or None))
    return found


def _when(text: str) -> tuple[int | None, int, int] | None:
    """(year, month, day) of a date as a date field takes it, (None, month, day) of MM-DD, or
    None when ``text`` is neither."""
    month_day = _MONTH_DAY.fullmatch(text)
    if month_day is not None:
        return None, int(month_day.group(1)), int(month_day.group(2))
    try:
        day = parse_date_input(text)
    except DateInputError:
        return None
    return day.year, day.month, day.day


def _joined(items: object) -> str:
    values = []
    for item in items:  # type: ignore[attr-defined]
        label, value = item if isinstance(item, tuple) else ("", item)
        values.append(f"{label}:{value}" if label and label != "work" else value)
    return ", ".join(values)


class ContactEditor(FormDialog):
    def __init__(
        self,
        ctx: AppContext,
        contact_id: str | None = None,
        *,
        account_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Edit contact") if contact_id else _("New contact"), parent)
        self.ctx = ctx
        self.contact_id = contact_id
        loaded = contact_for_edit(ctx.db, contact_id) if contact_id else None
        self.loaded = loaded.data if loaded else None
        #: The version of the stored contact the form shows (a save from it checks it).
        self.version = loaded.version if loaded else None
        self.account = RecordPicker(ctx.db, "account")
        self.account.setPlaceholderText(_("Type to find the account"))
        self.add_field("account", _("Account"), self.account)
        self.add_field("honorific", _("Form of address"), line(_("e.g. Dr., Khun, Bey")))
        self.add_field("given_name", _("Given name"), line())
        self.add_field("family_name", _("Family name"), line())
        self.add_field("name_order", _("Name order"), combo(table_choices(NAME_ORDER, NAME_ORDERS)))
        self.add_field("job_title", _("Job title"), line())
        roles = table_choices(BUYING_ROLE, BUYING_ROLES)
        self.add_field("buying_role", _("Buying role"), combo(roles, empty=_("Not known")))
        self.add_field("email", _("E-mails"), line(_("comma-separated")))
        self.add_field("phone", _("Phones"), line(_("comma-separated, e.g. +371 2612 3456")))
        self.add_section(_("Where and when"))
        self.add_field("country", _("Country"), country_combo())
        self.add_field("subdivision", _("Region"), line(_("ISO 3166-2")))
        self.add_field("city", _("City"), line())
        self.add_field("timezone", _("Time zone"), zone_combo())
        self.add_field("work_start", _("Works from"), line("09:00"), also=["work_hours"])
        self.add_field("work_end", _("Works until"), line("17:00"))
        self.add_section(_("How to reach them"))
        channels = table_choices(CHANNEL, CHANNELS)
        self.add_field("preferred_channel", _("Preferred channel"), combo(channels, empty="–"))
        self.add_field("preferred_language", _("Preferred language"), line(_("e.g. lv, th, fa-IR")))
        self.add_field("formality", _("Formality"), combo(table_choices(FORMALITY, FORMALITIES)))
        self.add_field("important_dates", _("Important dates"), notes_edit(60))
        self.fields["important_dates"].setPlaceholderText(  # type: ignore[union-attr]
            _("birthday 1984-05-17")
        )
        self.add_field("personal_notes", _("Personal notes"), notes_edit())
        self.add_field("how_we_met", _("How we met"), notes_edit(50))
        self.add_field("tags", _("Tags"), line(_("comma-separated")))
        self.add_section(_("Data protection (GDPR)"))
        bases = table_choices(LAWFUL_BASIS, LAWFUL_BASES)
        self.add_field("lawful_basis", _("Lawful basis"), combo(bases, empty="–"))
        self.add_field(
            "consent_given_on", _("Consent given on"), line(date_input_placeholder()), also=["date"]
        )
        self.add_field(
            "consent_withdrawn_on", _("Consent withdrawn on"), line(date_input_placeholder())
        )
        self.add_field("marketing_opt_in", _("Marketing"), QCheckBox(_("Agreed to marketing")))
        if self.loaded is not None:
            self._fill(self.loaded)
        elif account_id is not None:
            detail = account_detail(ctx.db, account_id)
            self.account.set_record(account_id, detail.name)
            self.set_text("country", detail.country)
            self.set_text("city", detail.city)
            self.set_text("timezone", detail.timezone)
        self.mark_clean()

    def _fill(self, data: ContactInput) -> None:
        detail = account_detail(self.ctx.db, data.account_id)
        self.account.set_record(data.account_id, detail.name)
        for key in ("honorific", "given_name", "family_name", "name_order", "job_title",
                    "buying_role", "country", "subdivision", "city", "timezone", "work_start",
                    "work_end", "preferred_channel", "preferred_language", "formality",
                    "personal_notes", "how_we_met", "lawful_basis", "consent_given_on",
                    "consent_withdrawn_on", "marketing_opt_in"):  # fmt: skip
            self.set_text(key, getattr(data, key))
        self.set_text("email", _joined(data.emails))
        self.set_text("phone", _joined(data.phones))
        self.set_text("tags", ", ".join(data.tags))
        self.set_text("important_dates", dates_text(list(data.important_dates)))

    def load_stored(self) -> None:
        assert self.contact_id is not None
        loaded = contact_for_edit(self.ctx.db, self.contact_id)
        self.loaded, self.version = loaded.data, loaded.version
        self._fill(loaded.data)

    def data(self) -> ContactInput:
        def split(key: str) -> list[str]:
            return [p.strip() for p in self.text(key).split(",") if p.strip()]

        return ContactInput(
            account_id=self.account.record_id or "",
            given_name=self.text("given_name"),
            family_name=self.text("family_name"),
            country=self.text("country"),
            timezone=self.text("timezone") or None,
            name_order=self.text("name_order"),
            honorific=self.text("honorific"),
            job_title=self.text("job_title"),
            buying_role=self.text("buying_role") or None,
            emails=split("email"),
            phones=split("phone"),
            preferred_channel=self.text("preferred_channel") or None,
            preferred_language=self.text("preferred_language") or None,
            formality=self.text("formality"),
            subdivision=self.text("subdivision") or None,
            city=self.text("city"),
            work_start=self.text("work_start") or None,
            work_end=self.text("work_end") or None,
            personal_notes=self.text("personal_notes"),
            how_we_met=self.text("how_we_met"),
            lawful_basis=self.text("lawful_basis") or None,
            consent_given_on=self.text("consent_given_on") or None,
            consent_withdrawn_on=self.text("consent_withdrawn_on") or None,
            marketing_opt_in=self.fields["marketing_opt_in"].isChecked(),  # type: ignore[union-attr]
            stay_in_touch_days=self.loaded.stay_in_touch_days if self.loaded else None,
            tags=split("tags"),
            important_dates=parse_dates(self.text("important_dates")),
        )

    def save(self) -> str:
        data = self.data()
        if self.contact_id is None:
            return str(self.ctx.write("contact", lambda: create_contact(self.ctx.db, data)))
        contact_id, version = self.contact_id, self.version
        self.ctx.write(
            "contact",
            lambda: update_contact(self.ctx.db, contact_id, data, expected_version=version),
        )
        return contact_id
