"""The compiled catalogs match their sources, and every language translates the window chrome."""

from __future__ import annotations

import gettext
import io
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from accountdesk.core import i18n
from accountdesk.core.paths import translations_dir

LANGS = ("en", "lv", "sl", "th", "tr", "fa")


def _catalog(data: bytes) -> dict[object, str]:
    return dict(gettext.GNUTranslations(io.BytesIO(data))._catalog)  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", LANGS)
def test_mo_file_is_up_to_date_with_the_po_file(lang: str) -> None:
    folder = Path(translations_dir()) / lang / "LC_MESSAGES"
    with (folder / "accountdesk.po").open("rb") as handle:
        source = read_po(handle, locale=lang)
    fresh = io.BytesIO()
    write_mo(fresh, source, use_fuzzy=True)
    committed = (folder / "accountdesk.mo").read_bytes()
    assert _catalog(committed) == _catalog(fresh.getvalue()), (
        f"run: uv run python scripts/i18n.py compile ({lang})"
    )


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "en"])
def test_window_chrome_is_translated(lang: str) -> None:
    with i18n.use_language(lang):
        for text in ("Today", "Accounts", "Contacts", "&File", "Quick log…", "Save", "Cancel"):
            assert i18n._(text) != text, (lang, text)
        assert "7" in i18n.ngettext("{n} record", "{n} records", 7).format(n=7)
