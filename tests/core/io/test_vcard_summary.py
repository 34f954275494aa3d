"""The summary of a vCard import says "Updated N contacts." only when it updated some, as the
CSV import does; it said "Read 2 cards. Added 2 contacts. Updated 0 contacts. Added 2
accounts."."""

from __future__ import annotations

import pytest

from accountdesk.core.i18n import use_language
from accountdesk.core.io.vcard import VCardReport


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        (VCardReport(cards=2, contacts_created=2, accounts_created=2),
         "Read 2 cards. Added 2 contacts. Added 2 accounts."),
        (VCardReport(cards=2, contacts_created=1, contacts_updated=1, accounts_created=0),
         "Read 2 cards. Added 1 contact. Updated 1 contact. Added 0 accounts."),
        (VCardReport(cards=1, contacts_created=1, accounts_created=1, dry_run=True),
         "Checked 1 card; nothing was written. The import would add 1 contact. The import "
         "would add 1 account."),
        (VCardReport(cards=1, contacts_updated=1, dry_run=True),
         "Checked 1 card; nothing was written. The import would add 0 contacts. The import "
         "would update 1 contact. The import would add 0 accounts."),
    ],
)  # fmt: skip
def test_the_summary_names_updates_only_when_there_were_some(
    report: VCardReport, expected: str
) -> None:
    with use_language("en"):
        assert report.summary() == expected
