"""Settings → Me: the user's own calendar (zone, country, region, working hours) and how many
stay-in-touch follow-ups may be raised a day. The values live in the database's settings, so
the command line (``accountdesk config``) reads the same."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QComboBox, QSpinBox, QStyle, QStyleOptionComboBox, QWidget

from accountdesk.core import settings
from accountdesk.core.bidi import isolate
from accountdesk.core.i18n import _, localize_digits, zone_name
from accountdesk.core.timekeeping.zones import system_zone
from accountdesk.ui.context import AppContext
from accountdesk.ui.forms import (
    FormDialog,
    country_combo,
    line,
    region_combo,
    region_value,
    set_combo,
    zone_combo,
)
from accountdesk.ui.screenfit import resize_within_screen


class MeDialog(FormDialog):
    """Edit "Me"; saving stores every value in one transaction and tells every screen."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(_("Me: my time zone, country and hours"), parent)
        self.ctx = ctx
        values = settings.all_values(ctx.db)
        zone = zone_combo()
        zone.setItemText(
            0,
            _("Follow the system (now {zone})").format(zone=isolate(zone_name(system_zone()))),
        )
        zone.setToolTip(
            _("Pin a zone to keep “your time” fixed while you travel; follow the system to see "
              "the time where your laptop is.")
        )  # fmt: skip
        self.add_field("user.zone", _("My time zone"), zone)
        country = country_combo()
        country.insertItem(0, _("None (Saturday–Sunday weekend, no public holidays)"), "")
        self.add_field("user.country", _("My country"), country)
        # the regions of the country chosen, by name: it was a line asking for the ISO code
        self.region = region_combo(country)
        self.add_field("user.subdivision", _("My region"), self.region)
        # in the language's digits, as dates and numbers are typed (parse_hours reads them)
        self.add_field("user.hours", _("My working hours"), line(localize_digits("09:00-17:00")))
        cap = QSpinBox()
        cap.setRange(0, 1000)
        self.add_field("stay_in_touch.daily_cap", _("Stay-in-touch follow-ups a day"), cap)
        set_combo(zone, values["user.zone"] or "")
        set_combo(country, values["user.country"] or "")
        if not values["user.country"]:
            country.setCurrentIndex(0)
        self.set_text("user.subdivision", values["user.subdivision"])
        self.set_text("user.hours", localize_digits(str(values["user.hours"] or "")))
        cap.setValue(int(values["stay_in_touch.daily_cap"]))
        self._fit_width(country)
        self.mark_clean()

    def _fit_width(self, country: QComboBox) -> None:
        """Wide enough for the labels and the whole of "None (Saturday–Sunday weekend, no public
        holidays)": in Latvian the labels took half of 560 pixels and the choice was cut after
        "sestdiena–svēt" (within the screen; a narrower one scrolls the form)."""
        option = QStyleOptionComboBox()
        country.initStyleOption(option)
        text = country.fontMetrics().horizontalAdvance(country.itemText(0))
        size = country.style().sizeFromContents(
            QStyle.ContentsType.CT_ComboBox,
            option,
            QSize(text, country.sizeHint().height()),
            country,
        )
        country.setMinimumWidth(size.width())
        body, outer = self.form.parentWidget(), self.layout()
        assert body is not None and outer is not None
        margins = outer.contentsMargins()
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        wanted = body.minimumSizeHint().width() + margins.left() + margins.right() + scroll_bar
        if wanted > self.width():
            resize_within_screen(self, wanted, self.height())

    def save(self) -> str | None:
        texts = {key: self.text(key) for key in ("user.zone", "user.country")}
        texts["user.subdivision"] = region_value(self.region, texts["user.country"])
        texts["user.hours"] = self.text("user.hours") or settings.DEFAULT_HOURS
        cap = self.fields["stay_in_touch.daily_cap"]
        assert isinstance(cap, QSpinBox)
        texts["stay_in_touch.daily_cap"] = str(cap.value())
        try:
            self.ctx.write("settings", lambda: settings.put_many(self.ctx.db, texts))
        except settings.SettingError as refused:
            # every refused field says why on this one save; the first one raised is shown
            # last by FormDialog.try_save, which gives it the focus
            for error in refused.errors[1:]:
                self.show_field_error(error)
            raise refused.errors[0] from None
        self.ctx.refresh_zone()
        return None
