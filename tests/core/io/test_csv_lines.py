"""A CSV file's text is cut into lines as a file read with universal newlines cuts it (what
csv.reader was given before: io.StringIO(text, newline="")), without a copy of the whole
text: line ends of Windows, Unix and old Macs, and line breaks inside quoted cells."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from accountdesk.core.io import csv_format


@given(
    st.text(alphabet='a,"\r\n\u2028\x85\x0c é', max_size=40),
    st.sampled_from([1, 2, 3, 7, csv_format.LINES_BLOCK]),
)
def test_lines_as_universal_newlines_cut_them(text: str, block: int) -> None:
    # the text is read in blocks of about ``block`` characters: a block ends where a line does
    assert list(csv_format._lines(text, block)) == list(io.StringIO(text, newline=""))


def test_rows_with_every_kind_of_line_end(tmp_path: Path) -> None:
    path = tmp_path / "ends.csv"
    path.write_bytes(
        b'account_name,account_country,given_name\r\n"Riga\nTimber",LV,Ilze\rKoper,SI,Maja\n'
    )
    header, rows, _lines, _code_page = csv_format.read_rows(path)
    assert header == ["account_name", "account_country", "given_name"]
    assert list(rows) == [["Riga\nTimber", "LV", "Ilze"], ["Koper", "SI", "Maja"]]
