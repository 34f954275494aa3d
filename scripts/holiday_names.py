#!/usr/bin/env python3
"""The English names of the holidays AccountDesk translates itself, for translation.

    uv run python scripts/holiday_names.py           # writes core/culture/holiday_names.py
    uv run python scripts/holiday_names.py --check   # exit 1 when that file is out of date

The ``holidays`` package names a country's holidays in the country's own languages and in
English, and in a few more for some countries. Where it has no name in the UI language
(Iran's holidays for a Latvian user, Japan's for a Turkish one), AccountDesk translates the
English name through its own catalogs (``pgettext("holiday", name)``,
:func:`accountdesk.core.culture.calendar.translated_holiday`), for the countries of
:func:`countries`: those with etiquette notes, and those whose own names no shipped font
draws (Nepal's Devanagari), which could not be shown beside the English one as every other
country's are. This script lists those names
as ``NP_("holiday", …)`` so that ``scripts/i18n.py extract`` puts them in the template: every
category the package has, nationwide, and the regions' own holidays (their school breaks
left out: no screen names them), for the years :data:`YEARS`; the
forms the package builds around a name ("… (observed)", "Day off (substituted from …)") are
translated as forms, so only the names themselves are listed.

Run it after upgrading ``holidays``, or after adding a country's etiquette notes, then
extract, update and translate (CONTRIBUTING.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "accountdesk" / "core" / "culture" / "holiday_names.py"
ETIQUETTE = ROOT / "resources" / "etiquette"
#: The years whose names are listed (fixed, so that the list changes only with the package).
YEARS = range(2025, 2032)

HEADER = '''"""The English names of the holidays of the countries with etiquette notes and of those
whose own names no shipped font draws, marked for translation in the context "holiday" (see
:func:`accountdesk.core.culture.calendar.translated_holiday`). Written by
scripts/holiday_names.py from the ``holidays`` package; do not edit by hand: run the script
again."""

from accountdesk.core.i18n import NP_

NAMES = (
'''


def countries() -> list[str]:
    """The countries whose holidays AccountDesk names itself: those with etiquette notes, and
    every other whose own names no shipped font draws in one of :data:`YEARS` (shown in
    English alone otherwise: ``calendar.own_names_drawn``)."""
    from holidays.registry import COUNTRIES

    from accountdesk.core.culture.calendar import own_names_drawn

    noted = {path.stem for path in ETIQUETTE.glob("*.toml")}
    others = {names[1] for names in COUNTRIES.values()} - noted
    undrawn = {c for c in others if not all(own_names_drawn(c, year) for year in YEARS)}
    return sorted(noted | undrawn)


def names() -> list[str]:
    from accountdesk.core.culture.calendar import (
        base_holiday_name,
        holiday_regions,
        holidays_for_year,
    )

    found: set[str] = set()
    for country in countries():
        for region in (None, *sorted(holiday_regions(country))):
            for year in YEARS:
                for holiday in holidays_for_year(country, region, year, "en"):
                    if region is not None and holiday.for_pupils_only:
                        continue  # a region's school breaks are shown nowhere by name
                    base = base_holiday_name(holiday.name)
                    if base:
                        found.add(base)
    return sorted(found, key=lambda n: (n.casefold(), n))


def source(listed: list[str]) -> str:
    lines = [f'    NP_("holiday", {json.dumps(name, ensure_ascii=False)}),' for name in listed]
    return HEADER + "\n".join(lines) + "\n)\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether it is up to date")
    args = parser.parse_args()
    wanted = source(names())
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != wanted:
            print(f"{TARGET} is out of date: run scripts/holiday_names.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(wanted, encoding="utf-8")
    print(f"{len(wanted.splitlines()) - len(HEADER.splitlines()) - 1} names in {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
