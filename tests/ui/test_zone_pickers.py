"""Time-zone pickers offer places' zones only: no ``Factory``, ``localtime`` or
``Etc/Unknown``, which the services refuse (validation.is_pseudo_zone, the one rule)."""

from __future__ import annotations

from typing import Any

import pytest

from accountdesk.core.timekeeping.zones import available_zones
from accountdesk.core.validation import is_pseudo_zone
from accountdesk.ui.forms import zone_combo
from accountdesk.ui.pickers import zone_choices

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
PSEUDO = {"factory", "localtime", "posixrules", "etc/unknown"}


def _folded(names: list[str] | tuple[str, ...]) -> set[str]:
    return {name.casefold() for name in names}


def test_zone_choices_leave_out_the_pseudo_zones() -> None:
    choices = zone_choices()
    assert "Factory" in available_zones()  # tzdata has it: the picker must drop it
    assert not PSEUDO & _folded(choices)
    assert not [zone for zone in choices if is_pseudo_zone(zone)]
    assert {"Europe/Riga", "Asia/Tehran", "Asia/Bangkok", "UTC", "Etc/GMT-3"} <= set(choices)
    assert list(choices) == sorted(choices)
    assert len(choices) == len(available_zones()) - 1  # Factory is the one tzdata lists


def test_form_zone_combo_has_no_factory(qapp: Any) -> None:
    box = zone_combo()
    shown = [box.itemData(i) for i in range(box.count())]
    assert shown[0] == ""  # "no zone" first
    assert "Factory" not in shown and "Europe/Riga" in shown
    assert not PSEUDO & _folded(shown)


def test_schedule_dialog_zone_picker_has_no_factory(qtbot: Any, ctx: Any) -> None:
    from accountdesk.ui.followups.schedule import ScheduleDialog

    dialog = ScheduleDialog(ctx, title="Call")
    qtbot.addWidget(dialog)
    offered = [dialog.zone.itemData(i) for i in range(dialog.zone.count())]
    assert "Factory" not in offered and "Asia/Tehran" in offered
    dialog.zone.setEditText("Factory")
    dialog.refresh()
    assert dialog.yours.text() == "Not a time zone"


@pytest.mark.parametrize("zone", ["Asia/Kolkata", "Asia/Calcutta"])
def test_a_contact_stored_with_an_older_zone_id_is_scheduled_in_their_time(
    qtbot: Any, ctx: Any, zone: str
) -> None:
    """The box lists Kolkata once, under Asia/Kolkata; a contact stored with Asia/Calcutta
    (a CSV or vCard file may give it) is still in "their time", and their hours are checked."""
    from accountdesk.core.records import AccountInput, ContactInput
    from accountdesk.core.services.accounts import create_account, create_contact
    from accountdesk.ui.followups.schedule import ScheduleDialog

    account = create_account(ctx.db, AccountInput(name="Tata Demo", country="IN", timezone=zone))
    contact = create_contact(
        ctx.db,
        ContactInput(
            account_id=account, given_name="Priya", family_name="Sharma", country="IN",
            timezone=zone,
        ),
    )  # fmt: skip
    dialog = ScheduleDialog(ctx, contact, title="Call")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.when_label.text() == "When (their time)"
