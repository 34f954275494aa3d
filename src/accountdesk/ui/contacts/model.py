"""The contact list's table model, with each contact's local time and working status."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtGui import QColor, QPalette

from accountdesk.core.bidi import ltr
from accountdesk.core.db.engine import Database
from accountdesk.core.i18n import N_
from accountdesk.core.labels import CHANNEL, label
from accountdesk.core.queries import lists
from accountdesk.core.queries.lists import ContactRow, ListFilter
from accountdesk.core.timekeeping.workhours import (
    WorkingHours,
    WorkStatus,
    status_samples,
    status_text,
    work_status,
)
from accountdesk.core.validation import phone_shown
from accountdesk.ui import fmt
from accountdesk.ui.colours import GOOD, muted, on_palette
from accountdesk.ui.listmodel import Column, LazyListModel, narrowing

#: What the phone and e-mail columns are sized by: a long number as shown (phone_shown) and a
#: long address; a longer one is cut, whole in its tooltip.
PHONE = "+000 00 000 0000 0"
EMAIL = "firstname.lastname@companyname.example"


def working_colour(working: bool) -> QColor:
    """The "Now" column's text: green in working time, else the secondary text's colour,
    each as it reads on the list's base (the grey was 2.7:1 on white, the green 2.4:1 on a
    dark theme's base)."""
    return on_palette(GOOD) if working else muted(QPalette.ColorRole.Base)


def columns(now: Callable[[], datetime]) -> list[Column[ContactRow]]:
    def status(row: ContactRow) -> WorkStatus | None:
        """None where the contact has no clock: a zone this computer's tzdata does not know
        (a colleague's newer one stored it) in a country of several, as the panel says."""
        from accountdesk.core.culture.panel import clock_zone

        zone = clock_zone(row.country or "", row.subdivision, row.timezone)
        if zone is None:
            return None
        hours = WorkingHours.for_contact(
            row.country, row.work_start, row.work_end, subdivision=row.subdivision
        )
        return work_status(now(), zone, row.country, row.subdivision, hours, window=False)

    def local(row: ContactRow) -> str:
        found = status(row)
        return fmt.clock(found.local) if found else ""

    def working(row: ContactRow) -> str:
        found = status(row)
        return status_text(found) if found else ""

    return [
        Column("name", N_("Name"), lambda r: r.name, "name"),
        Column("job", N_("Job title"), lambda r: r.job_title or "", "job_title"),
        Column("account", N_("Account"), lambda r: r.account_name, "account"),
        Column("country", N_("Country"), lambda r: fmt.place(r.city, r.country), "country"),
        Column("local", N_("Local time"), local, "timezone"),
        Column(
            "working",
            N_("Now"),
            working,
            None,
            lambda r: working_colour(bool((found := status(r)) and found.working)),
            status_samples,
        ),
        Column(
            "channel",
            N_("Prefers"),
            lambda r: label(CHANNEL, r.preferred_channel),
            samples=lambda: [label(CHANNEL, key) for key in CHANNEL],
        ),
        # a phone number and an e-mail address whole, as a rep reads them off the list: at
        # 100 px most numbers ("+971 50 123 7…") and every address were cut
        Column("email", N_("E-mail"), lambda r: ltr(r.email or ""), samples=lambda: [EMAIL]),
        Column(
            "phone",
            N_("Phone"),
            lambda r: ltr(phone_shown(r.phone)) if r.phone else "",
            samples=lambda: [PHONE],
        ),
    ]


class ContactsModel(LazyListModel[ContactRow]):
    TIME_COLUMNS = ("local", "working")

    def __init__(
        self, db: Database, now: Callable[[], datetime], *, asynchronous: bool = True
    ) -> None:
        def ids(flt: ListFilter, key: str, desc: bool) -> list[str]:
            return lists.contact_ids(db, flt, key, desc)

        def rows(page: Sequence[str]) -> list[ContactRow]:
            return lists.contact_rows(db, page)

        super().__init__(
            columns(now), ids, rows, asynchronous=asynchronous, **narrowing(db, "contact")
        )

    def refresh_times(self) -> None:
        """Repaint the local-time columns (called every minute)."""
        if not self.ids:
            return
        for key in self.TIME_COLUMNS:
            column = next(i for i, c in enumerate(self.columns) if c.key == key)
            self.dataChanged.emit(self.index(0, column), self.index(len(self.ids) - 1, column))
