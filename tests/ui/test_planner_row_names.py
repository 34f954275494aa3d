"""The meeting planner's rows name each person and their zone in the language's own order: in a
Persian window "Aigars Kalniņš (ریگا)" read with the name last, because the name was glued to
the zone outside any sentence and without an isolate."""

from __future__ import annotations

from typing import Any

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.i18n import use_language

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.mark.parametrize("lang", ["fa", "th", "en"])
def test_a_row_isolates_the_name_before_its_zone(
    qtbot: Any, ctx: Any, person: Any, lang: str
) -> None:
    from accountdesk.ui.followups.planner import PlannerDialog

    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    with use_language(lang):
        dialog = PlannerDialog(ctx, [ayse])
        qtbot.addWidget(dialog)
        label = dialog.table.verticalHeaderItem(1).text()
    assert label.startswith("\u2068Ayse Yilmaz\u2069 (")  # FSI … PDI: kept whole
    assert plain(label).startswith("Ayse Yilmaz (") and plain(label).endswith(")")
    assert "Istanbul" not in label or lang == "en"  # the zone by its name in the language
