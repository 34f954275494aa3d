"""A date field is never narrower than a whole date and its calendar button: in a narrow
layout (the Reports screen's period) the first digits went under the button ("0.11.2025")."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtGui import QFontMetricsF

from accountdesk.core.i18n import format_date_input, format_datetime_input

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.mark.parametrize("lang", ["en", "lv", "fa", "th"])
def test_the_minimum_width_holds_a_whole_date_and_the_button(qapp: Any, lang: str) -> None:
    from accountdesk.ui.app import apply_language
    from accountdesk.ui.followups.when import DateEdit, WallTimeEdit

    apply_language(lang)
    try:
        for field, text in (
            (DateEdit(date(2026, 11, 30)), format_date_input(date(2026, 12, 28))),
            (WallTimeEdit(), format_datetime_input(datetime(2026, 12, 28, 22, 58))),
        ):
            button = field.style().pixelMetric(field.style().PixelMetric.PM_SmallIconSize)
            advance = QFontMetricsF(field.font()).horizontalAdvance(text)
            assert field.minimumSizeHint().width() >= advance + button, (lang, text)
    finally:
        apply_language("en")
