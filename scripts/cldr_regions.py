#!/usr/bin/env python3
"""Region names (ISO 3166-2) in Persian and Thai from Unicode CLDR, for the regions that
pycountry's catalog does not translate.

    uv run python scripts/cldr_regions.py CLDR_COMMON   # writes resources/regions/cldr/*.toml

``CLDR_COMMON`` is the ``common`` folder of a CLDR release (``common/subdivisions/fa.xml``
…), for example from the ``cldr`` package of the npm registry (``npm pack cldr``, then
``package/3rdparty/cldr/common``). Only codes ISO 3166-2 lists (pycountry) for the same
place are written (:func:`same_places`). The
names are CLDR's (Unicode License v3, ``resources/regions/cldr/LICENSE``); run again after a
CLDR release to take its corrections. AccountDesk's own names
(``resources/regions/<lang>.toml``) and pycountry's translations come first
(:func:`accountdesk.core.culture.countries.subdivision_name`).
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pycountry
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "resources" / "regions" / "cldr"
#: The UI languages whose script is not Latin: an ISO name there is a Latin word in a
#: Persian or Thai window.
LANGUAGES = ("fa", "th")


#: How alike CLDR's English name of a code and ISO's name must be (rapidfuzz's token set
#: ratio of the folded names) for CLDR's names of that code to be taken.
SAME_PLACE = 80


#: CLDR's marks that tell two regions of one name apart, after the name.
_SUPERSCRIPT = re.compile("[\u00b9\u00b2\u00b3\u2070-\u2079]+$")


def _fold(text: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^\w\s]", " ", bare.casefold())


def _read(common: Path, language: str) -> dict[str, str]:
    """CLDR's subdivision names in ``language``: ISO-style full code ("IN-MH") -> name."""
    tree = ET.parse(common / "subdivisions" / f"{language}.xml")
    found: dict[str, str] = {}
    for node in tree.iter("subdivision"):
        key, text = node.get("type") or "", (node.text or "").strip()
        # CLDR tells two places of one name apart by a superscript number ("استان مرکزی²")
        text = _SUPERSCRIPT.sub("", text).strip()
        if text:
            found[f"{key[:2]}-{key[2:]}".upper()] = text
    return found


def same_places(common: Path) -> set[str]:
    """The ISO 3166-2 codes that name the same place in CLDR: CLDR keeps some codes ISO has
    given to other regions since (Iran's of before 2018: CLDR's "ir07" is Tehran, ISO's IR-07
    Fārs), so a code is taken only where CLDR's English name is ISO's name, written alike
    ("Sao Paulo", "São Paulo"). An exonym ("Vienna" for Wien) is left out with them: the ISO
    name stays, as before."""
    english = _read(common, "en")
    return {
        str(sub.code)
        for sub in pycountry.subdivisions
        if str(sub.code) in english
        and fuzz.token_set_ratio(_fold(english[str(sub.code)]), _fold(str(sub.name))) >= SAME_PLACE
    }


def names(common: Path, language: str, codes: set[str]) -> dict[str, str]:
    """CLDR's names in ``language`` of the regions ``codes``: full code -> name."""
    return dict(sorted((c, n) for c, n in _read(common, language).items() if c in codes))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("common", type=Path, help="a CLDR release's common folder")
    args = parser.parse_args()
    release = _release(args.common)
    codes = same_places(args.common)
    TARGET.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        found = names(args.common, language, codes)
        lines = [
            f"# Region names (ISO 3166-2) in {language} from Unicode CLDR {release}",
            "# (common/subdivisions; codes whose CLDR English name is ISO's), written by",
            "# scripts/cldr_regions.py; do not edit by hand.",
            "# Copyright © Unicode, Inc.; Unicode License v3: see LICENSE beside this file.",
        ]
        lines += [
            f"{json.dumps(code)} = {json.dumps(name, ensure_ascii=False)}"
            for code, name in found.items()
        ]
        (TARGET / f"{language}.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{language}: {len(found)} names")


def _release(common: Path) -> str:
    """The CLDR release number the DTD states (``cldrVersion``)."""
    text = (common / "dtd" / "ldml.dtd").read_text(encoding="utf-8")
    marker = 'cldrVersion CDATA #FIXED "'
    start = text.index(marker) + len(marker)
    return text[start : text.index('"', start)]


if __name__ == "__main__":
    main()
