"""The summary of a rates import: each count with its own plural, the replaced rates only when
there were some. It said "Imported 1 exchange rate (0 replaced an earlier one).", and took the
plural of the total for the replaced ones ("Imported 3 exchange rates (1 replaced earlier
ones).")."""

from __future__ import annotations

import pytest

from accountdesk.core.i18n import use_language
from accountdesk.core.services.rates import RatesImport


@pytest.mark.parametrize(
    ("added", "replaced", "expected"),
    [
        (1, 0, "Imported 1 exchange rate."),
        (3, 0, "Imported 3 exchange rates."),
        (0, 1, "Imported 1 exchange rate. 1 rate stored earlier for the same currency and day "
               "was replaced."),
        (2, 1, "Imported 3 exchange rates. 1 rate stored earlier for the same currency and day "
               "was replaced."),
        (0, 2, "Imported 2 exchange rates. 2 rates stored earlier for the same currency and day "
               "were replaced."),
    ],
)  # fmt: skip
def test_the_summary_counts_each_thing_once_in_its_own_plural(
    added: int, replaced: int, expected: str
) -> None:
    with use_language("en"):
        assert RatesImport(added, replaced).summary() == expected
