"""A time-zone box lists each zone once, under its current id: a Persian box showed "کلکته"
twice (Asia/Calcutta and Asia/Kolkata) and "استانبول" three times (Europe/Istanbul, Asia/Istanbul,
Turkey), the older ids and tzdata's aliases beside the zones they name. A record stored with an
older id shows the zone's one entry; an older id typed in is still taken."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.i18n import use_language, zone_name
from accountdesk.ui.forms import combo_value, set_combo, zone_combo

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _listed(box: Any) -> list[str]:
    return [box.itemData(i) for i in range(1, box.count())]


@pytest.mark.parametrize("lang", ["fa", "th", "tr", "lv", "sl", "en"])
def test_each_zone_is_listed_once_by_its_name(lang: str, qapp: Any) -> None:
    with use_language(lang):
        box = zone_combo()
        zones = _listed(box)
        names = Counter(zone_name(zone) for zone in zones)
        texts = Counter(plain(box.itemText(i)) for i in range(1, box.count()))
    assert [name for name, n in names.items() if n > 1] == []
    assert max(texts.values()) == 1
    assert {"Asia/Kolkata", "Europe/Istanbul", "Europe/Kyiv", "Asia/Tehran", "Europe/Oslo"} <= set(
        zones
    )  # Oslo is a place of its own (zone.tab), though tzdata links it to Berlin
    assert not {"Asia/Calcutta", "Asia/Istanbul", "Turkey", "Europe/Kiev", "Iran"} & set(zones)
    assert {"Etc/UTC", "Etc/GMT-3", "Etc/GMT+5"} <= set(zones)  # the fixed offsets stay


def test_the_persian_box_names_kolkata_once(persian: None) -> None:
    box = zone_combo()
    kolkata = [plain(box.itemText(i)) for i in range(box.count()) if "کلکته" in box.itemText(i)]
    assert kolkata == ["کلکته (Asia/Kolkata)"]


@pytest.mark.parametrize(
    ("stored", "current"),
    [("Asia/Calcutta", "Asia/Kolkata"), ("Turkey", "Europe/Istanbul"), ("UTC", "Etc/UTC")],
)
def test_a_zone_stored_by_an_older_id_shows_its_one_entry(
    stored: str, current: str, qapp: Any
) -> None:
    box = zone_combo()
    set_combo(box, stored)
    assert box.currentData() == current
    assert plain(box.currentText()) == f"{zone_name(current)} ({current})"
    assert combo_value(box) == current
    box.setEditText("Asia/Calcutta")  # typed as an id: taken as it is (the same zone)
    assert combo_value(box) == "Asia/Calcutta"
