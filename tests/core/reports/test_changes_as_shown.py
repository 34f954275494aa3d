"""The "Change" column is the change of the figures printed beside it (review rev20, 12):
85.3 % beside 89.7 % is −4.4 pp, though 85.333 − 89.655 is −4.32."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.metrics import MetricValue, ratio
from accountdesk.core.reports import documents as d

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _rate(kept: int, of: int) -> MetricValue:
    return ratio(kept, of, 100.0)


def test_a_rate_change_is_the_difference_of_the_rates_as_printed() -> None:
    ctx = d._context("en", NOW, "UTC")
    now, before = _rate(128, 150), _rate(78, 87)  # 85.333…, 89.655…
    with i18n.use_language("en"):
        shown = plain(ctx.rate_cell(now)), plain(ctx.rate_cell(before))
        change = plain(ctx.rate_change(now, before))
    assert shown == ("85.3% (150)", "89.7% (87)")
    assert change == "-4.4 pp"


@pytest.mark.parametrize(
    ("now", "before", "digits", "expected"),
    [
        (8.5, 7.6, 0, "0"),  # NPS 8 (half to even, as printed) beside 8: not +1
        (4.126, 4.114, 2, "+0.02"),  # a mean 4.13 beside 4.11: not +0.01
        (0.04, -0.04, 0, "0"),  # 0 beside -0: no change, no sign
    ],
)
def test_a_points_change_is_the_difference_of_the_figures_as_printed(
    now: float, before: float, digits: int, expected: str
) -> None:
    ctx = d._context("en", NOW, "UTC")
    a = MetricValue(now, 0, 1, None, 20)
    b = MetricValue(before, 0, 1, None, 20)
    with i18n.use_language("en"):
        printed = i18n.format_decimal(now, digits), i18n.format_decimal(before, digits)
        change = plain(ctx.points_change(a, b, digits))
    assert change == expected, printed
