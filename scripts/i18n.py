#!/usr/bin/env python3
"""Translation catalogs: extract the template, update the catalogs, compile them.

    uv run python scripts/i18n.py extract   # src -> translations/accountdesk.pot
    uv run python scripts/i18n.py update    # .pot -> every <lang>/LC_MESSAGES/accountdesk.po
    uv run python scripts/i18n.py compile   # .po -> .mo (committed, loaded by core.i18n)
    uv run python scripts/i18n.py all       # the three in order

Marked strings: ``_``, ``N_``, ``NP_``, ``ngettext``, ``pgettext`` and ``npgettext`` (see
core/i18n.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
TEMPLATE = TRANSLATIONS / "accountdesk.pot"
DOMAIN = "accountdesk"
LANGUAGES = ("en", "lv", "sl", "th", "tr", "fa")
KEYWORDS = ["_", "N_", "NP_:1c,2", "ngettext:1,2", "pgettext:1c,2", "npgettext:1c,2,3"]


def _babel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def extract() -> None:
    keywords = [arg for k in KEYWORDS for arg in ("-k", k)]
    _babel(
        "extract", "-F", str(ROOT / "babel.cfg"), "--no-default-keywords", *keywords,
        "--project", "AccountDesk", "--copyright-holder", "The AccountDesk team",
        "--sort-by-file", "--no-wrap", "--add-comments", "TRANSLATORS:", "-o", str(TEMPLATE), ".",
    )  # fmt: skip
    # keep the template stable: no creation date churn
    text = TEMPLATE.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith('"POT-Creation-Date:')]
    TEMPLATE.write_text("\n".join(lines) + "\n", encoding="utf-8")


def po_path(lang: str) -> Path:
    return TRANSLATIONS / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def update() -> None:
    for lang in LANGUAGES:
        path = po_path(lang)
        if not path.exists():
            _babel("init", "-D", DOMAIN, "-i", str(TEMPLATE), "-d", str(TRANSLATIONS), "-l", lang,
                   "--no-wrap")  # fmt: skip
        else:
            _babel("update", "-D", DOMAIN, "-i", str(TEMPLATE), "-d", str(TRANSLATIONS), "-l",
                   lang, "--no-wrap", "--ignore-obsolete", "--no-fuzzy-matching")  # fmt: skip


def compile_all() -> None:
    for lang in LANGUAGES:
        _babel("compile", "-D", DOMAIN, "-d", str(TRANSLATIONS), "-l", lang)


def main(argv: list[str]) -> int:
    steps = {"extract": [extract], "update": [update], "compile": [compile_all],
             "all": [extract, update, compile_all]}  # fmt: skip
    if len(argv) != 1 or argv[0] not in steps:
        print(__doc__)
        return 2
    os.chdir(ROOT)  # source references in the catalogs are relative to the repository
    for step in steps[argv[0]]:
        step()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
