"""A rates file is read as every CSV file is (csv_format.read_rows: its encoding, its separator):
the rates import had its own reader, which took UTF-8 only."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from accountdesk.core.services.rates import RatesImportError, read_rates_file


def test_a_utf16_file_with_semicolons_is_read(tmp_path: Path) -> None:
    path = tmp_path / "rates.csv"
    path.write_text("currency;rate;date\r\nJPY;160.52;2026-11-20\r\n", encoding="utf-16")
    [rate] = read_rates_file(path, "EUR")
    assert (rate["currency"], rate["base"], rate["rate"]) == ("JPY", "EUR", Decimal("160.52"))


def test_a_file_that_is_not_there_is_refused_as_a_rates_import(tmp_path: Path) -> None:
    path = tmp_path / "none.csv"
    with pytest.raises(RatesImportError, match=r"none\.csv cannot be read: "):
        read_rates_file(path, "EUR")


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(RatesImportError, match=r"empty\.csv is empty\."):
        read_rates_file(path, "EUR")
