"""Narrowing a kept list as the user types (lists.narrow_ids): the kept ids are laid out anew
in their order, and ids are joined between SQL and Python by a character no id holds: an id
typed into a CSV file may hold a space."""

from __future__ import annotations

from pathlib import Path

from accountdesk.core.db.engine import Database
from accountdesk.core.io.csv_io import import_csv
from accountdesk.core.queries.lists import (
    SEPARATOR,
    ListFilter,
    _laid_out,
    account_ids,
    contact_ids,
    narrow_ids,
)

HEADER = "account_id,account_name,account_country,contact_id,given_name,family_name\n"


def test_ids_with_spaces_are_narrowed_whole(db: Database, tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text(
        HEADER
        + "acc one,Zeta Foods,LV,person one,Zelda,Brandt\n"
        + "acc one,Zeta Foods,LV,person two,Otto,Zelinski\n"
        + "acc two,Alpha Mills,LV,person three,Anna,Berg\n",
        encoding="utf-8",
    )
    import_csv(db, source)
    everyone = contact_ids(db)
    assert sorted(everyone) == ["person one", "person three", "person two"]
    assert narrow_ids(db, "contact", "zel", everyone) == [
        i for i in everyone if i in {"person one", "person two"}
    ]
    assert narrow_ids(db, "contact", "anna", everyone) == ["person three"]
    assert narrow_ids(db, "account", "zeta", account_ids(db)) == ["acc one"]
    # the kept list is the same, in the same order, as the filtered one without text
    assert contact_ids(db, ListFilter(text="zel")) == narrow_ids(db, "contact", "zel", everyone)


def test_laid_out_ids_are_equal_new_strings_in_the_same_order() -> None:
    ids = [f"018c2128-a100-7e37-9a5b-{n:012d}" for n in range(1000)][::-1]
    again = _laid_out(ids)
    assert again == ids
    assert all(a is not b for a, b in zip(again, ids, strict=True))
    assert _laid_out([]) == []
    odd = ["a", f"b{SEPARATOR}c", "d"]  # cannot be split back: kept as they are
    assert _laid_out(odd) is odd
