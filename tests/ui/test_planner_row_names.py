"""The meeting planner's rows name each person and their zone in the window's direction: in a
Persian window "Aigars Kalniņš (ریگا)" read with the name on the left, because the name was
glued to the zone outside any sentence, without an isolate, and its Latin letters made the
line left to right."""

from __future__ import annotations

from typing import Any

import pytest

from accountdesk.core.bidi import direction, plain
from accountdesk.core.i18n import use_language

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _label(qtbot: Any, ctx: Any, contact: str) -> str:
    from accountdesk.ui.followups.planner import PlannerDialog

    dialog = PlannerDialog(ctx, [contact])
    qtbot.addWidget(dialog)
    return str(dialog.table.verticalHeaderItem(1).text())


def test_a_row_reads_right_to_left_in_persian(
    qtbot: Any, ctx: Any, person: Any, persian: None
) -> None:
    label = _label(qtbot, ctx, person("Ayse", "TR", "Europe/Istanbul", "Yilmaz"))
    assert "\u2068Ayse Yilmaz\u2069 (" in label  # FSI … PDI: the name kept whole
    assert direction(label) is True  # the line reads right to left, the name at its right
    assert plain(label).startswith("Ayse Yilmaz (") and "Istanbul" not in label


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_row_reads_left_to_right_elsewhere(qtbot: Any, ctx: Any, person: Any, lang: str) -> None:
    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    with use_language(lang):
        label = _label(qtbot, ctx, ayse)
    assert "\u2068Ayse Yilmaz\u2069 (" in label
    assert direction(label) is False
    assert plain(label).startswith("Ayse Yilmaz (") and plain(label).endswith(")")
