"""Property: whatever file is given to the CSV import, it either imports or is refused with one
sentence that says what is wrong and where, and nothing is written when it is refused.

The files are arbitrary bytes, arbitrary text, and the app's own export mutated: header names
shuffled, cells replaced by random text, control characters, NUL, direction marks and quotes
put into cells, cells longer than the CSV reader takes, rows dropped, doubled or given extra
cells, other separators, other encodings (UTF-16, Latin-1, invalid UTF-8) and files cut off at
any byte.
"""

from __future__ import annotations

import csv
import io
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.demo import generate
from accountdesk.core.errors import UserError
from accountdesk.core.io.csv_format import FIELD_SIZE_LIMIT
from accountdesk.core.io.csv_io import export_csv, import_csv

from .harness import State, health, read_state

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

#: What tells the user where the problem is: the file, a row, a line, a byte or a column.
WHERE = re.compile(r"\bRows? \d+|\bline \d+|\bbyte \d+|\bcolumns?\b|first line|\bThe file\b", re.I)


class World:
    """A database with a few accounts and contacts, and its CSV export as rows."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / "fuzz.db"
        self.db: Database = open_database(self.path)
        generate(self.db, accounts=3, seed=5)
        out = io.StringIO()
        export_csv(self.db, out)
        self.rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
        self.count = 0

    def state(self) -> State:
        conn = sqlite3.connect(self.path)
        try:
            return read_state(conn, "plain")
        finally:
            conn.close()

    def file(self, data: bytes) -> Path:
        self.count += 1
        path = self.folder / f"case{self.count}.csv"
        path.write_bytes(data)
        return path


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    folder = tmp_path_factory.mktemp("csv-fuzz")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ACCOUNTDESK_HOME", str(folder / "home"))
        made = World(folder)
        yield made
        made.db.close()


def import_or_refuse(world: World, data: bytes) -> str:
    """Import ``data``; returns "imported" or "refused" after checking what must hold."""
    path = world.file(data)
    before = world.state()
    try:
        import_csv(world.db, path)
    except UserError as exc:
        message = str(exc)
        assert message.strip() and "\n" not in message.strip(), message
        assert "Traceback" not in message, message
        assert str(path) in message or WHERE.search(message), f"where? {message!r}"
        for problem in getattr(exc, "problems", []):
            assert WHERE.search(problem) or str(path) in problem, f"where? {problem!r}"
        assert world.state() == before, f"refused ({message}), yet something was written"
        return "refused"
    finally:
        path.unlink()
    conn = sqlite3.connect(world.path)
    try:
        assert health(conn) == []
    finally:
        conn.close()
    return "imported"


# --- arbitrary input --------------------------------------------------------------------


@FUZZ
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes(world: World, data: bytes) -> None:
    import_or_refuse(world, data)


@FUZZ
@given(text=st.text(max_size=2000))
def test_arbitrary_text(world: World, text: str) -> None:
    import_or_refuse(world, text.encode("utf-8"))


@FUZZ
@given(
    header=st.lists(
        st.sampled_from(
            [
                "account_name",
                "Company",
                "country",
                "account_country",
                "given_name",
                "First Name",
                "Last Name",
                "emails",
                "phones",
                "timezone",
                "tags",
                "important_dates",
                "account_id",
                "contact_id",
                "account_referred_by",
                "",
                "\ufeffaccount_name",
                "given name",
            ]
        ),
        max_size=8,
    ),
    cells=st.lists(st.lists(st.text(max_size=30), max_size=9), max_size=6),
)
def test_known_columns_with_random_cells(
    world: World, header: list[str], cells: list[list[str]]
) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(cells)
    import_or_refuse(world, out.getvalue().encode("utf-8", "surrogatepass"))


# --- the app's own export, mutated --------------------------------------------------------

CONTROL = ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\u202e", "\u2066", "\u200b", "\ufeff",
           "\r", "\n", "\t", "\x0b", "\x0c", "\u2028", '"', "'", ";", ",", "\udc80"]  # fmt: skip


@st.composite
def mutated_export(draw: st.DrawFn, rows: list[list[str]]) -> bytes:
    table = [list(row) for row in rows]
    huge = False  # one huge cell at most: two would make a file checked in another process
    for _step in range(draw(st.integers(1, 4))):
        if not table:
            break
        kind = draw(
            st.sampled_from(
                ["shuffle header", "random cell", "control character", "huge cell",
                 "drop row", "double row", "extra cells", "short row", "blank cell"]
            )
        )  # fmt: skip
        row = draw(st.integers(0, len(table) - 1))
        cells = table[row]
        column = draw(st.integers(0, max(len(cells) - 1, 0)))
        if kind == "shuffle header":
            table[0] = draw(st.permutations(table[0]))
        elif kind == "drop row":
            del table[row]
        elif kind == "double row":
            table.insert(row, list(cells))
        elif kind == "extra cells":
            cells += draw(st.lists(st.text(max_size=5), min_size=1, max_size=3))
        elif kind == "short row":
            del cells[draw(st.integers(0, len(cells))) :]
        elif not cells:
            continue
        elif kind == "random cell":
            cells[column] = draw(st.text(max_size=40))
        elif kind == "control character":
            at = draw(st.integers(0, len(cells[column])))
            cells[column] = cells[column][:at] + draw(st.sampled_from(CONTROL)) + cells[column][at:]
        elif kind == "huge cell" and not huge:
            huge = True
            size = draw(st.sampled_from([131_073, FIELD_SIZE_LIMIT, FIELD_SIZE_LIMIT + 1]))
            cells[column] = "x" * size
        elif kind == "blank cell":
            cells[column] = ""
    separator = draw(st.sampled_from([",", ",", ";", "\t"]))
    out = io.StringIO()
    if draw(st.booleans()):
        csv.writer(out, delimiter=separator, lineterminator="\n").writerows(table)
    else:  # no quoting at all: separators, quotes and line breaks in cells break the rows
        out.write("".join(separator.join(row) + "\n" for row in table))
    text = out.getvalue()
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "latin-1",
                                     "cp1252"]))  # fmt: skip
    data = text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]  # cut off anywhere
    return data


@FUZZ
@given(data=st.data())
def test_mutated_exports(world: World, data: st.DataObject) -> None:
    import_or_refuse(world, data.draw(mutated_export(world.rows)))


# --- what the fuzzing found -------------------------------------------------------------


def test_a_cell_longer_than_the_reader_takes_is_refused_naming_its_line(world: World) -> None:
    header = ",".join(world.rows[0])
    first = ",".join(world.rows[1])
    long_row = world.rows[1].copy()
    long_row[world.rows[0].index("personal_notes")] = "x" * (FIELD_SIZE_LIMIT + 1)
    data = "\n".join([header, first, ",".join(long_row), ""]).encode()
    before = world.state()
    path = world.file(data)
    with pytest.raises(UserError) as refused:
        import_csv(world.db, path)
    assert "Line 3 " in str(refused.value), refused.value
    assert str(path) in str(refused.value)
    assert world.state() == before


def _refused(world: World, rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    before = world.state()
    with pytest.raises(UserError) as refused:
        import_csv(world.db, world.file(out.getvalue().encode()))
    assert world.state() == before
    return str(refused.value)


def test_a_contact_in_two_rows_is_refused_naming_it(world: World) -> None:
    header, first = world.rows[0], world.rows[1]
    contact_id = first[header.index("contact_id")]
    message = _refused(world, [header, first, first])
    assert message == (
        f"Contact {contact_id} is in more than one row (column contact_id). Nothing was imported."
    )


def test_a_new_contact_in_two_rows_is_refused_too(world: World) -> None:
    header, first = world.rows[0], list(world.rows[1])
    first[header.index("contact_id")] = "0199aaaa-0000-7000-8000-000000000001"
    assert "is in more than one row" in _refused(world, [header, first, first])


def test_an_id_given_to_an_account_and_a_contact_is_refused(world: World) -> None:
    header, first = world.rows[0], list(world.rows[1])
    account_id = first[header.index("account_id")]
    first[header.index("contact_id")] = account_id  # the account's own id, for a contact
    message = _refused(world, [header, first])
    assert message.startswith(f"{account_id} cannot be the id of both an account and a contact")
