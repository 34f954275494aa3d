"""One pair of brackets for what is said about a name or a figure (review rev31, 10): labels
read "Ramazan Bayramı (saat 13.00'ten) (yarım gün)", "Ramazan (tahmini tarih) (8 Şub – 8 Mar
2027)" and "10,0 (üst sınır) (162)". The join is ``i18n.with_remarks``; the holiday names,
season titles, the reports' holiday rows and figure cells ask it."""

from __future__ import annotations

from datetime import UTC, date, datetime

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.culture import calendar, seasons
from accountdesk.core.culture.panel import holiday_text
from accountdesk.core.metrics import LIFESPAN_CAP_YEARS, MetricValue
from accountdesk.core.reports import documents as d


def test_remarks_share_one_pair_of_brackets() -> None:
    with i18n.use_language("en"):
        assert plain(i18n.with_remarks("Ramadan", ["estimated date", "8 Feb – 8 Mar 2027"])) == (
            "Ramadan (estimated date, 8 Feb – 8 Mar 2027)"
        )
        assert plain(i18n.with_remarks("Ramadan", ["", ""])) == "Ramadan"  # none: no brackets
        # a half day's own remark comes first in the same brackets
        assert (
            plain(i18n.with_remarks("Eid al-Fitr (from 1pm)", ["half day"], own_remark=True))
            == "Eid al-Fitr (from 1pm, half day)"
        )
        # brackets that are part of a name are not taken for a remark unless asked
        assert plain(i18n.with_remarks("Meshadi (Tamil New Year's Day)", ["optional"])) == (
            "Meshadi (Tamil New Year's Day) (optional)"
        )


def test_a_half_day_holiday_reads_with_one_pair_of_brackets() -> None:
    with i18n.use_language("en"):
        found = calendar.observed_between("TR", None, date(2027, 3, 8), date(2027, 3, 8), "en")
        (eve,) = [h for h in found if calendar.HALF_DAY in h.categories]
        assert plain(holiday_text(eve, with_day=False)) == "Eid al-Fitr (from 1pm, half day)"
        # the account report's holiday table names it so too
        ctx = d._context("en", datetime(2027, 3, 1, tzinfo=UTC), "UTC")
        rows = d._holiday_rows(ctx, [("TR", None)], date(2027, 3, 8), date(2027, 3, 8))
        assert "Eid al-Fitr (from 1pm, half day)" in [plain(str(r[2])) for r in rows]


def test_an_estimated_season_with_its_span_reads_with_one_pair_of_brackets() -> None:
    with i18n.use_language("en"):
        (ramadan,) = [
            s
            for s in seasons.seasons_between("TR", date(2027, 2, 8), date(2027, 2, 8), "en")
            if s.key == "ramadan"
        ]
        assert ramadan.estimated
        assert plain(seasons.season_title(ramadan)) == "Ramadan (estimated date)"
        assert plain(seasons.season_title(ramadan, "8 Feb – 8 Mar 2027")) == (
            "Ramadan (estimated date, 8 Feb – 8 Mar 2027)"
        )


def test_a_capped_figure_and_its_sample_share_one_pair_of_brackets() -> None:
    ctx = d._context("en", datetime(2026, 12, 2, tzinfo=UTC), "UTC")
    capped = MetricValue(LIFESPAN_CAP_YEARS, 0, 0, sample=162)
    with i18n.use_language("en"):
        cell = ctx.rate_cell(capped, *d._lifespan(ctx, capped))
        plain_cell = ctx.rate_cell(
            MetricValue(4.5, 0, 0, sample=7), *d._lifespan(ctx, MetricValue(4.5, 0, 0, sample=7))
        )
    assert plain(cell) == "10.0 (the cap, 162)"
    assert plain(plain_cell) == "4.5 (7 *)"
