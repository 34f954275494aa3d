"""Importing a rates file in Persian: the numbers of the messages (the row, how many more
problems, how many rates were imported and replaced) are written in Persian digits, as the
rest of each sentence and as the contacts import writes its rows; nothing is stored when a row
is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from accountdesk.core import i18n
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.rates import list_rates
from accountdesk.core.services.rates import RatesImportError, import_rates

ASCII_DIGITS = set("0123456789")


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rates.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_refused_row_is_named_in_persian_digits_and_nothing_is_stored(
    db: Database, tmp_path: Path
) -> None:
    path = _file(
        tmp_path,
        "currency,rate,date\nJPY,160.52,2026-11-20\nIRR,abc,2026-11-20\n"
        "JPY,161,2026-11-20\nTHB,,2026-11-20\n",
    )
    with i18n.use_language("fa"), pytest.raises(RatesImportError) as refused:
        import_rates(db, path, "EUR")
    message = str(refused.value)
    assert "۳" in message and "۲" in message  # row 3, and 2 more problems
    for problem in refused.value.problems:
        # the file's own text is quoted as it is ("160.52" as a file writes a rate); the
        # sentence's own numbers are not ASCII
        assert not set(problem.replace("160.52", "")) & ASCII_DIGITS, problem
    assert "۴" in refused.value.problems[1] and "۲" in refused.value.problems[1]
    assert list_rates(db) == []


def test_the_summary_counts_in_persian_digits(db: Database, tmp_path: Path) -> None:
    path = _file(tmp_path, "currency,rate,date\nJPY,160.52,2026-11-20\nTHB,38.1,2026-11-20\n")
    with i18n.use_language("fa"):
        summary = import_rates(db, path, "EUR").summary()
    assert "۲" in summary and "۰" not in summary  # none replaced: no "0 replaced"
    assert not set(summary) & ASCII_DIGITS
    assert len(list_rates(db)) == 2
