"""Today: overdue and today's follow-ups, recent interactions, important dates in the next
7 days, and the contacts inside their working hours right now. Loaded off the GUI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from accountdesk.core.i18n import N_, _, format_number, ngettext, zone_name
from accountdesk.core.labels import DATE_KIND, INTERACTION_KIND, label
from accountdesk.core.queries.today import TodayData, today_view
from accountdesk.ui import fmt, tasks
from accountdesk.ui.context import AppContext
from accountdesk.ui.culture_panel import culture_block, culture_items
from accountdesk.ui.detail import heading
from accountdesk.ui.items import ItemsPanel


class TodayScreen(QWidget):
    def __init__(self, ctx: AppContext, *, asynchronous: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        self.asynchronous = asynchronous
        self.data: TodayData | None = None
        self._generation = 0
        layout = QVBoxLayout(self)
        self.title = heading(_("Today"), 1.4)
        layout.addWidget(self.title)
        self.summary = QLabel(_("Loading…"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        grid = QGridLayout()
        layout.addLayout(grid, 1)

        def follow_ups() -> ItemsPanel:
            return ItemsPanel(
                [
                    (N_("Due (yours)"), lambda f: fmt.when(f.due_at, ctx.user_zone)),
                    (N_("Due (theirs)"), lambda f: fmt.when(f.due_at, f.zone)),
                    (N_("To do"), lambda f: f.title),
                    (N_("Contact"), lambda f: f.contact_name),
                    (N_("Account"), lambda f: f.account_name),
                ],
                on_open=self._open_follow_up,
                open_text=_("Open contact"),
            )

        self.overdue = follow_ups()
        self.due_today = follow_ups()
        self.recent = ItemsPanel(
            [
                (N_("When"), lambda i: fmt.when(i.occurred_at, ctx.user_zone)),
                (N_("Kind"), lambda i: label(INTERACTION_KIND, i.kind)),
                (N_("Subject"), lambda i: i.subject),
                (N_("With"), lambda i: i.participants),
                (N_("Account"), lambda i: i.account_name),
            ],
            on_open=lambda i: ctx.open_record.emit("account", i.account_id),
            open_text=_("Open account"),
        )
        self.dates = ItemsPanel(
            [
                (N_("Date"), lambda d: fmt.day(d.on)),
                (N_("Occasion"), lambda d: d.label or label(DATE_KIND, d.kind)),
                (N_("Contact"), lambda d: d.contact_name),
                (N_("Account"), lambda d: d.account_name),
                (N_("Years"), lambda d: format_number(d.years) if d.years else ""),
            ],
            on_open=lambda d: ctx.open_record.emit("contact", d.contact_id),
            open_text=_("Open contact"),
        )
        self.working = ItemsPanel(
            [
                (N_("Contact"), lambda w: w.name),
                (N_("Local time"), lambda w: fmt.clock(w.local)),
                (N_("Where"), lambda w: zone_name(w.timezone)),
                (N_("Account"), lambda w: w.account_name),
            ],
            on_open=lambda w: ctx.open_record.emit("contact", w.id),
            open_text=_("Open contact"),
        )
        self.culture = culture_block()
        self.boxes: dict[str, QGroupBox] = {}
        for position, (key, panel) in enumerate(
            [
                ("overdue", self.overdue),
                ("today", self.due_today),
                ("recent", self.recent),
                ("dates", self.dates),
                ("working", self.working),
                ("culture", self.culture),
            ]
        ):
            box = QGroupBox()
            inner = QVBoxLayout(box)
            inner.addWidget(panel)
            self.boxes[key] = box
            grid.addWidget(box, position // 2, position % 2)
        self._set_titles()
        self.timer = QTimer(self)
        self.timer.setInterval(60_000)
        self.timer.timeout.connect(self.reload)
        self.timer.start()
        ctx.changed.connect(lambda _kind: self.reload())
        self.reload()

    def _set_titles(self, data: TodayData | None = None) -> None:
        counts = {
            "overdue": len(data.overdue) if data else 0,
            "today": len(data.due_today) if data else 0,
        }
        self.boxes["overdue"].setTitle(
            _("Overdue follow-ups ({n})").format(n=format_number(counts["overdue"]))
        )
        self.boxes["today"].setTitle(_("Due today ({n})").format(n=format_number(counts["today"])))
        self.boxes["recent"].setTitle(_("Recent interactions"))
        self.boxes["dates"].setTitle(_("Birthdays and anniversaries, next 7 days"))
        self.boxes["working"].setTitle(_("In working hours now"))
        self.boxes["culture"].setTitle(_("Holidays and seasons this week"))

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        db, now, user_zone = self.ctx.db, self.ctx.now(), self.ctx.user_zone
        if not self.asynchronous:
            self._show(generation, today_view(db, now, user_zone))
            self._culture(generation, culture_items(db, now.astimezone(_zone(user_zone)).date()))
            return
        tasks.run(lambda: today_view(db, now, user_zone), lambda d: self._show(generation, d))
        today = now.astimezone(_zone(user_zone)).date()
        tasks.run(lambda: culture_items(db, today), lambda items: self._culture(generation, items))

    def _culture(self, generation: int, items: list[Any]) -> None:
        if generation == self._generation:
            self.culture.set_items(items)

    def _show(self, generation: int, data: TodayData) -> None:
        if generation != self._generation:
            return
        self.data = data
        self._set_titles(data)
        self.overdue.set_items(data.overdue)
        self.due_today.set_items(data.due_today)
        self.recent.set_items(data.recent)
        self.dates.set_items(data.dates)
        self.working.set_items(data.working)
        self.summary.setText(
            " ".join(
                [
                    _("Your time: {time} ({zone}).").format(
                        time=fmt.clock(self.ctx.now().astimezone(_zone(self.ctx.user_zone))),
                        zone=zone_name(self.ctx.user_zone),
                    ),
                    ngettext(
                        "{n} contact is in working hours now.",
                        "{n} contacts are in working hours now.",
                        data.working_total,
                    ).format(n=format_number(data.working_total)),
                ]
            )
        )

    def _open_follow_up(self, item: Any) -> None:
        if item.contact_id:
            self.ctx.open_record.emit("contact", item.contact_id)
        else:
            self.ctx.open_record.emit("account", item.account_id)


def _zone(name: str) -> Any:
    from accountdesk.core.timekeeping.zones import get_zone as zone

    return zone(name)
