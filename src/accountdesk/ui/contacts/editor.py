"""Create or edit a contact."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QCheckBox, QPushButton, QWidget

from accountdesk.core.bidi import ltr, plain
from accountdesk.core.calendars import PERSIAN
from accountdesk.core.i18n import (
    DateInputError,
    _,
    current_calendar,
    current_locale,
    date_input_placeholder,
    day_month_input,
    format_date_input,
    format_month_day,
    is_rtl,
    join_list,
    localize_digits,
    parse_date_input,
    sentence_start,
)
from accountdesk.core.io.names import name_order
from accountdesk.core.labels import (
    BUYING_ROLE,
    CHANNEL,
    DATE_KIND,
    FORMALITY,
    LAWFUL_BASIS,
    LIST_LABEL,
    NAME_ORDER,
    label,
)
from accountdesk.core.queries.details import account_detail
from accountdesk.core.records import (
    BUYING_ROLES,
    CHANNELS,
    DATE_KINDS,
    FORMALITIES,
    LAWFUL_BASES,
    NAME_ORDERS,
    ContactInput,
    ImportantDateInput,
)
from accountdesk.core.services.accounts import contact_for_edit, create_contact, update_contact
from accountdesk.core.validation import ValidationError, phone_shown
from accountdesk.ui.context import AppContext
from accountdesk.ui.forms import (
    FormDialog,
    changed_fields,
    combo,
    country_combo,
    language_combo,
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
from accountdesk.ui.pickers import RecordPicker, folded

#: The date part of a line: a date as the date fields write it (with the spaces of a
#: Slovenian "17. 05. 1984", in any digits); the label follows.
_DATE = re.compile(r"\d{1,4}(?:\s*[-/.]\s*\d{1,4}){1,2}\.?")
#: A month and day without the year, month first: "12-24" (what the box wrote in every
#: language before it wrote each language's own form; read everywhere still).
_MONTH_DAY = re.compile(r"(\d{1,2})\s*-\s*(\d{1,2})(?=\s|$)")
#: The day first, as a language whose date fields write the day first writes a day and month
#: ("22.03.", "22. 03.", "22/03"): with the separator of its date fields.
_DAY_MONTH = r"(\d{{1,2}})\s*{sep}\s*(\d{{1,2}})(?:\s*{sep})?(?=\s|$)"
#: A day and a month's name, either way round ("22 مارس", "22 Mar", "Mar 22").
_DAY_NAME = re.compile(r"(\d{1,2})\.?\s*(\S+)(?=\s|$)")
_NAME_DAY = re.compile(r"(\S+?)\s*(\d{1,2})\b\.?(?=\s|$)")
#: The day the hint and the message show (22 cannot be a month: the order is plain).
_EXAMPLE = date(2027, 3, 22)


def _folded(text: str) -> str:
    """``text`` as a kind or a month's name is compared: the search's folding (case, accents,
    Arabic-script letter forms), one space between words, no stop at the end ("dec.")."""
    return folded(text).rstrip(".")


def _kind_names() -> dict[str, str]:
    """What may be typed for each kind, folded: its label in the UI language, its English
    label and its identifier (the box wrote identifiers before)."""
    names: dict[str, str] = {}
    for kind in DATE_KINDS:
        for name in (label(DATE_KIND, kind), DATE_KIND[kind], kind):
            names.setdefault(_folded(name), kind)
    return names


def _month_names() -> dict[str, int]:
    """The Gregorian months' names in the UI language (CLDR: wide and abbreviated, in a date
    and standing alone), folded, and their numbers."""
    months = current_locale().months
    return {
        _folded(str(months[context][width][number])): number
        for context in ("format", "stand-alone")
        for width in ("wide", "abbreviated")
        for number in range(1, 13)
    }


def _day_first_separator() -> str | None:
    """The separator of a day and month as the date fields write them, when they write the day
    first ("." in Latvian and Turkish, ". " in Slovenian, "/" in Thai, with the Buddhist
    era's year); None when they write the year first (ISO 8601, the Solar Hijri
    ۱۴۰۶/۰۱/۰۲)."""
    shown = format_date_input(_EXAMPLE)
    found = re.fullmatch(r"(\d+)(\D+?)\d+\D+\d+", shown)
    if found is None or len(found.group(1)) == 4:
        return None
    return found.group(2)


def _month_named() -> bool:
    """Whether the box writes a date without its year with the month's name: where the
    calendar's months are not the Gregorian ones, and right to left.

    A yearly date is stored as a Gregorian month and day. A Solar Hijri month and day falls
    on another Gregorian day from year to year, so it cannot be stored, and numbers would
    read as one (۱۲/۲۴ is 24 Esfand to a Persian reader): the Gregorian month's name says
    which day it is ("۲۴ دسامبر", as the contact's page shows it). The Buddhist era counts
    the Gregorian months and days: Thai writes "24/12" as its date fields do. Right to left,
    "۱۲-۲۴" would also show as "۲۴-۱۲" (its digits follow Persian letters)."""
    return current_calendar() == PERSIAN or is_rtl()


def month_day_text(month: int, day: int) -> str:
    """A yearly date without its year as the box writes it: the Gregorian month and day, with
    the month's name (:func:`_month_named`: "۲۴ دسامبر"), else in numbers in the order of the
    date fields: day first with their separator ("24.12.", "24. 12.", "24/12") or month
    first ("12-24"), in the language's digits."""
    if _month_named():
        return format_month_day(month, day)
    separator = _day_first_separator()
    if separator is None:
        return localize_digits(f"{month:02d}-{day:02d}")
    # a stop after the month where the language writes one (CLDR's day and month: "dd.MM.")
    skeletons = current_locale().datetime_skeletons
    pattern = str(skeletons["Md"].pattern) if "Md" in skeletons else ""
    stop = separator.strip() if pattern.endswith(separator.strip()) else ""
    shown_day, shown_month = day_month_input(day, month)  # a leading zero as the fields write
    return localize_digits(f"{shown_day}{separator}{shown_month}{stop}")


def _month_day(text: str) -> tuple[tuple[int, int], str] | None:
    """((month, day), what follows) of a yearly date without its year at the start of
    ``text``: as :func:`month_day_text` writes it, with a month's name either way round, or
    month first as "12-24"."""
    found = _MONTH_DAY.match(text)
    if found is not None:
        return (int(found.group(1)), int(found.group(2))), text[found.end() :]
    separator = _day_first_separator()
    if separator is not None and not _month_named():
        found = re.match(_DAY_MONTH.format(sep=re.escape(separator.strip())), text)
        if found is not None:
            return (int(found.group(2)), int(found.group(1))), text[found.end() :]
    months = _month_names()
    found = _DAY_NAME.match(text)
    if found is not None and _folded(found.group(2)) in months:
        return (months[_folded(found.group(2))], int(found.group(1))), text[found.end() :]
    found = _NAME_DAY.match(text)
    if found is not None and _folded(found.group(1)) in months:
        return (months[_folded(found.group(1))], int(found.group(2))), text[found.end() :]
    return None


def how_to_write_dates() -> str:
    """How to write the important dates: the kinds as they are typed (in the UI language), a
    date as the date fields take it, a date without the year (with the month's name, the
    Gregorian month: said so)."""
    kinds = join_list(label(DATE_KIND, kind) for kind in DATE_KINDS)
    example = ltr(format_date_input(_EXAMPLE))
    month_day = month_day_text(_EXAMPLE.month, _EXAMPLE.day)
    if _month_named():
        return _(
            "one date per line: a kind ({kinds}), then a date such as {example} or, without the "
            "year, the Gregorian month and day, such as {month_day}, and a label if you like"
        ).format(kinds=kinds, example=example, month_day=month_day)
    return _(
        "one date per line: a kind ({kinds}), then a date such as {example} or, without the "
        "year, such as {month_day} ({day}), and a label if you like"
    ).format(
        kinds=kinds,
        example=example,
        month_day=ltr(month_day),
        day=format_month_day(_EXAMPLE.month, _EXAMPLE.day),
    )


def dates_text(items: list[ImportantDateInput]) -> str:
    """The important dates as the box shows them: the kind's label in the UI language, the
    date as the date fields write it (without a year: :func:`month_day_text`), the label.
    Right to left, a date is kept left to right (``bidi.ltr``): "۱۹۸۴-۰۵-۱۷" after Persian
    words would show as "۱۷-۰۵-۱۹۸۴"; reading drops the marks."""
    lines = []
    for item in items:
        when = month_day_text(item.month, item.day)
        if not item.year and (item.label or "")[:1].isdecimal() and not _month_named():
            # "05.04. 1990 founded" would read back as 5 April 1990 (Latvian and Slovenian
            # write a stop after the month): month first, "04-05", never takes a year
            when = localize_digits(f"{item.month:02d}-{item.day:02d}")
        if item.year:
            when = format_date_input(date(item.year, item.month, item.day))
            when = ltr(when) if is_rtl() else when
        kind = label(DATE_KIND, item.kind)
        lines.append(" ".join(p for p in (kind, when, item.label or "") if p))
    return "\n".join(lines)


def parse_dates(text: str) -> list[ImportantDateInput]:
    """One date a line: a kind as the UI language names it (any case; the English identifiers
    ``birthday``, ``work_anniversary``, ``custom`` too), a date as a date field takes it
    (``Birthday 1984-05-17``; ``تولد ۱۳۶۳/۰۲/۲۷`` in Persian) or a Gregorian month and day
    (:func:`month_day_text`: ``Other date 12-24 Name day``), and a label."""
    found = []
    names = _kind_names()
    for raw in text.splitlines():
        if not raw.strip():
            continue
        parsed = _line(plain(raw).strip(), names)
        if parsed is None:
            raise ValidationError(
                _("Important dates"), raw.strip(), how_to_write_dates(), key="important_dates"
            )
        found.append(parsed)
    return found


def _line(line: str, names: dict[str, str]) -> ImportantDateInput | None:
    """The date of one line, or None when it does not read as one. The kind is the longest
    start of the line that is a kind's name, ending before a space or a digit (Thai may write
    "วันเกิด22/03/2527")."""
    longest = min(len(line), 2 * max(map(len, names)) + 8)  # a kind's name is short
    for end in range(longest, 0, -1):
        if line[end - 1].isspace():
            continue
        if end < len(line) and not (line[end].isspace() or line[end].isdecimal()):
            continue
        kind = names.get(_folded(line[:end]))
        if kind is None:
            continue
        when = _when(line[end:].strip())
        if when is None:
            return None
        (year, month, day), rest = when
        return ImportantDateInput(kind, month, day, year, rest.strip() or None)
    return None


def _when(text: str) -> tuple[tuple[int | None, int, int], str] | None:
    """((year, month, day), what follows) of the date at the start of ``text``: a date as a
    date field takes it, or a month and day (year None)."""
    found = _DATE.match(text)
    if found is not None:
        try:
            day = parse_date_input(found.group(0))
        except DateInputError:
            pass
        else:
            return (day.year, day.month, day.day), text[found.end() :]
    month_day = _month_day(text)
    if month_day is None:
        return None
    (month, day_of_month), rest = month_day
    return (None, month, day_of_month), rest


def _joined(items: object) -> str:
    """E-mail addresses or phone numbers as the field shows them: "mobilni:+386 …", the label
    in the language (a label of one's own as typed; "work", the default, left out). Right to
    left, each value is kept left to right (``bidi.ltr``): after a Persian label the number
    showed as "37121237875+"; reading drops the marks."""
    values = []
    for item in items:  # type: ignore[attr-defined]
        key, value = item if isinstance(item, tuple) else ("", item)
        value = ltr(value) if is_rtl() else value
        values.append(f"{label(LIST_LABEL, key)}:{value}" if key and key != "work" else value)
    return ", ".join(values)


def _labelled_parts(text: str) -> list[str]:
    """The comma-separated values of an e-mail or phone field, a label typed in the language
    given back as the word it is stored as ("mobilni:+386 …" → "mobile:+386 …"): the field
    showed "mobile:" in a Slovenian window."""
    # folded as the search folds (Turkish "İş:" and "DİĞER:" are "iş" and "diğer": casefold()
    # made "i̇ş" of "İş", and the label was stored as one of the user's own)
    keys = {_folded(label(LIST_LABEL, key)): key for key in LIST_LABEL}
    parts = []
    for part in split_list(text):
        head, colon, rest = part.partition(":")
        key = keys.get(_folded(head)) if colon else None
        if part:
            parts.append(f"{key}:{rest.strip()}" if key else part)
    return parts


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
        #: The country, city and zone the account picked last gave a new contact.
        self._placed: tuple[str, str, str] | None = None
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
        order = combo(table_choices(NAME_ORDER, NAME_ORDERS))
        self.add_field("name_order", _("Name order"), order)
        #: Whether the user picked the name order of a new contact: until then it is the one
        #: of the contact's country (:meth:`_country_changed`).
        self._order_chosen = False
        order.activated.connect(self._order_picked)
        self.add_field("job_title", _("Job title"), line())
        roles = table_choices(BUYING_ROLE, BUYING_ROLES)
        self.add_field("buying_role", _("Buying role"), combo(roles, empty=_("Not known")))
        self.add_field("email", _("E-mails"), line(_("comma-separated"), joiner=", "))
        # the number one left-to-right unit: inside a Persian sentence it read "3456 2612 371+"
        example = ltr("+371 2612 3456")
        phones = line(_("comma-separated, e.g. {example}").format(example=example), joiner=", ")
        self.add_field("phone", _("Phones"), phones)
        self.add_section(_("Where and when"))
        country = country_combo(empty="")
        self.add_field("country", _("Country"), country)
        self.region = region_combo(country)
        self.add_field("subdivision", _("Region"), self.region)
        self.add_field("city", _("City"), line())
        zone = zone_combo()
        self.add_field("timezone", _("Time zone"), zone)
        offer = QPushButton()
        self.add_below("timezone", offer)
        zone_follows_country(country, zone, self.region, offer=offer, now=ctx.now)
        on_country(country, self._country_changed)
        # left empty, the hours are the country's typical ones: the placeholders show them
        self._hours = (line(), line())
        self.add_field("work_start", _("Works from"), self._hours[0], also=["work_hours"])
        self.add_field("work_end", _("Works until"), self._hours[1])
        self._show_typical_hours()
        self.add_section(_("How to reach them"))
        channels = table_choices(CHANNEL, CHANNELS)
        self.add_field("preferred_channel", _("Preferred channel"), combo(channels, empty="–"))
        self.add_field("preferred_language", _("Preferred language"), language_combo())
        self.add_field("formality", _("Formality"), combo(table_choices(FORMALITY, FORMALITIES)))
        # their own cadence; left empty, the account's tier and their latest NPS answer decide
        self.add_field(
            "stay_in_touch_days",
            _("Stay in touch every (days)"),
            line(_("by the account's tier and their NPS")),
        )
        hint = how_to_write_dates()
        hint = sentence_start(hint)
        self.add_field("important_dates", _("Important dates"), notes_edit(76), hint=hint)
        self.add_field("personal_notes", _("Personal notes"), notes_edit())
        self.add_field("how_we_met", _("How we met"), notes_edit(50))
        self.add_field("tags", _("Tags"), line(_("comma-separated"), joiner=", "))
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
            self._place_at(account_id)
        self.account.picked.connect(self._account_picked)
        self.mark_clean()
        self._as_loaded = self._shown_as_loaded()

    def _shown_as_loaded(self) -> ContactInput | None:
        """What :meth:`data` gives right after the stored contact was shown (None for a new
        one): a save compares with it which fields the user changed."""
        return None if self.loaded is None else self.data()

    def _place(self) -> tuple[str, str, str]:
        return (self.text("country"), self.text("city"), self.text("timezone"))

    def _place_at(self, account_id: str) -> None:
        """A new contact is where their account is: its country, region, city and zone (the
        region decides the regional holidays; it was left empty)."""
        detail = account_detail(self.ctx.db, account_id)
        self.set_text("country", detail.country)
        self.set_text("subdivision", detail.subdivision)
        self.set_text("city", detail.city)
        self.set_text("timezone", detail.timezone)
        self._placed = self._place()

    def _show_typical_hours(self) -> None:
        """The working hours a contact left without their own gets: their country's typical
        hours (culture.calendar.business_hours; Latvia's 08:30–17:00), in the language's
        digits, as hours are typed (parse_hhmm reads them). The boxes said 09:00–17:00 for
        every country while the contact's page then showed the country's hours."""
        from accountdesk.core.culture.calendar import business_hours  # holidays: not at start

        hours = business_hours(self.text("country") or None)
        for box, at in zip(self._hours, (hours.start, hours.end), strict=True):
            box.setPlaceholderText(localize_digits(at.strftime("%H:%M")))

    def _order_picked(self) -> None:
        self._order_chosen = True

    def _country_changed(self) -> None:
        """The city the account gave is the account's: another country clears it (a contact
        at an account in Rīga put in Iran kept "Rīga"); a city typed in stays. The hours'
        placeholders follow the country (:meth:`_show_typical_hours`), and so does a new
        contact's name order until the user picks one (:func:`names.name_order`: a contact
        typed in at an account in Japan was saved given name first, "花子佐藤"); a stored
        contact keeps theirs."""
        self._show_typical_hours()
        if self.contact_id is None and not self._order_chosen:
            self.set_text("name_order", name_order(self.text("country") or None))
        placed = self._placed
        if placed is None or not placed[1] or self.text("city") != placed[1]:
            return
        if self.text("country") != placed[0]:
            self.set_text("city", "")

    def _account_picked(self, account_id: str) -> None:
        """The account picked for a new contact gives its place while none is typed, or while
        the place is the one an account picked before gave: a new contact started from the
        Contacts screen had an empty country whatever account was picked, and an account
        picked again (a wrong one corrected) left the first one's country and zone."""
        if self.contact_id is not None:
            return
        if self._place() in (("", "", ""), self._placed) or (
            not self.text("country") and not self.text("city")
        ):
            self._place_at(account_id)

    def first_focus(self) -> QWidget | None:
        """The account picker for a new contact without one; with the account filled in (an
        edit, or a new contact from an account's page), the field after it: the picker had the
        focus with its text selected, so the first key typed unlinked the account and the save
        was refused for it."""
        if self.account.record_id is None:
            return self.account
        return self.fields["honorific"]

    def error_field(self, error: ValidationError) -> str:
        """A working-hours refusal of the end time alone ("25:00") is shown at Works until, and
        "needs both" at the field left empty; the check covers both fields, and its message sat
        under Works from, which had the focus."""
        if error.key == "work_hours" and error.value is None:  # one of the two is missing
            return "work_start" if not self.text("work_start").strip() else "work_end"
        if error.key == "work_hours" and error.value is not None:
            value = plain(str(error.value)).strip()
            if (
                value
                == plain(self.text("work_end")).strip()
                != plain(self.text("work_start")).strip()
            ):
                return "work_end"
        return super().error_field(error)

    def _fill(self, data: ContactInput) -> None:
        detail = account_detail(self.ctx.db, data.account_id)
        self.account.set_record(data.account_id, detail.name)
        for key in ("honorific", "given_name", "family_name", "name_order", "job_title",
                    "buying_role", "country", "subdivision", "city", "timezone",
                    "preferred_channel", "preferred_language", "formality",
                    "personal_notes", "how_we_met", "lawful_basis", "consent_given_on",
                    "consent_withdrawn_on", "marketing_opt_in", "stay_in_touch_days"):  # fmt: skip
            self.set_text(key, getattr(data, key))
        for key in ("work_start", "work_end"):
            hours = getattr(data, key)
            self.set_text(key, localize_digits(hours) if hours else hours)
        self.set_text("email", _joined(data.emails))
        # grouped as the contact's page shows them ("+386 31 234 567"), not as stored (E.164)
        phones = [p if isinstance(p, tuple) else ("", p) for p in data.phones]
        self.set_text("phone", _joined([(key, phone_shown(value)) for key, value in phones]))
        self.set_text("tags", ", ".join(data.tags))
        self.set_text("important_dates", dates_text(list(data.important_dates)))

    def load_stored(self) -> None:
        assert self.contact_id is not None
        loaded = contact_for_edit(self.ctx.db, self.contact_id)
        self.loaded, self.version = loaded.data, loaded.version
        self._fill(loaded.data)
        self._as_loaded = self._shown_as_loaded()

    def data(self) -> ContactInput:
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
            emails=_labelled_parts(self.text("email")),
            phones=_labelled_parts(self.text("phone")),
            preferred_channel=self.text("preferred_channel") or None,
            preferred_language=self.text("preferred_language") or None,
            formality=self.text("formality"),
            subdivision=region_value(self.region, self.text("country")) or None,
            city=self.text("city"),
            work_start=self.text("work_start") or None,
            work_end=self.text("work_end") or None,
            personal_notes=self.text("personal_notes"),
            how_we_met=self.text("how_we_met"),
            lawful_basis=self.text("lawful_basis") or None,
            consent_given_on=self.text("consent_given_on") or None,
            consent_withdrawn_on=self.text("consent_withdrawn_on") or None,
            marketing_opt_in=self.fields["marketing_opt_in"].isChecked(),  # type: ignore[union-attr]
            stay_in_touch_days=self.text("stay_in_touch_days") or None,
            tags=split_list(self.text("tags")),
            important_dates=self._with_reminders(parse_dates(self.text("important_dates"))),
        )

    def _with_reminders(self, items: list[ImportantDateInput]) -> list[ImportantDateInput]:
        """``items`` with the reminder of each date as it was stored: the box does not show
        it, so a date without a reminder (an import's "no remind") keeps none."""
        stored = self.loaded.important_dates if self.loaded else ()
        silent = {(d.kind, d.month, d.day, d.year, d.label) for d in stored if not d.remind}
        return [
            replace(d, remind=False) if (d.kind, d.month, d.day, d.year, d.label) in silent else d
            for d in items
        ]

    def save(self) -> str:
        data = self.data()
        if self.contact_id is None:
            return str(self.ctx.write("contact", lambda: create_contact(self.ctx.db, data)))
        contact_id, version, loaded = self.contact_id, self.version, self.loaded
        changed = changed_fields(self._as_loaded, data)
        self.ctx.write(
            "contact",
            lambda: update_contact(
                self.ctx.db,
                contact_id,
                data,
                expected_version=version,
                loaded=loaded,
                changed=changed,
            ),
        )
        return contact_id
