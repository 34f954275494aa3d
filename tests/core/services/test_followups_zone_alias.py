"""A follow-up stored under an older name of its zone (Europe/Kiev, Asia/Calcutta, UTC) is
not moved by a save that gives the zone's current name (the zone box lists only current
names): changing its title keeps its series and its snooze."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.services import followups as fu
from series import complete_at_due, contact_in, row


@pytest.mark.parametrize(
    ("stored", "shown", "country"),
    [
        ("Europe/Kiev", "Europe/Kyiv", "UA"),
        ("Asia/Calcutta", "Asia/Kolkata", "IN"),
        ("UTC", "Etc/UTC", "GB"),
        ("Asia/Istanbul", "Europe/Istanbul", "TR"),
        ("America/Buenos_Aires", "America/Argentina/Buenos_Aires", "AR"),
    ],
)
def test_a_new_title_under_the_current_zone_name_keeps_series_and_snooze(
    db: Database, stored: str, shown: str, country: str
) -> None:
    who = contact_in(db, "Olena", "Kyiv Grain", country, stored)
    made = fu.schedule(
        db,
        fu.FollowUpInput(
            who, "Quarterly", datetime(2027, 1, 31, 10), rrule="FREQ=MONTHLY;INTERVAL=3;COUNT=4"
        ),
    ).id
    complete_at_due(db, made)
    later = datetime(2027, 5, 3, 9, tzinfo=UTC)
    fu.snooze(db, [made], later)
    loaded = fu.for_edit(db, made)
    assert loaded.data.zone == stored
    fu.edit(
        db,
        made,
        title="Quarterly review",
        notes=loaded.data.notes,
        rrule=loaded.data.rrule,
        local_due=loaded.data.local_due,
        zone=shown,  # what the zone box gives back
        expected_version=loaded.version,
    )
    after = row(db, made)
    assert (after.title, after.snoozed_until, after.zone) == ("Quarterly review", later, stored)
    assert after.local_due == datetime(2027, 4, 30, 10)
    seen = []
    for _n in range(5):
        if row(db, made).status != "open":
            break
        seen.append(row(db, made).local_due.date().isoformat())
        complete_at_due(db, made)
    assert seen == ["2027-04-30", "2027-07-31", "2027-10-31"]  # not restarted from 30 April


def test_same_zone_knows_older_names_and_tells_places_apart() -> None:
    from accountdesk.core.timekeeping.zones import same_zone

    assert same_zone("Europe/Kiev", "Europe/Kyiv")
    assert same_zone("UTC", "Etc/UTC")
    assert same_zone("Asia/Calcutta", "Asia/Kolkata")
    assert not same_zone("Europe/Oslo", "Europe/Berlin")  # a tzdata link, another place
    assert not same_zone("Europe/Riga", "Europe/Tallinn")
