"""File → Backups… writes the schema number in the language's digits, as it writes the date
and the size beside it: a Persian list once said "۸ آذر ۱۴۰۵ … ۳۹۳٫۲ kB … 0007"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from accountdesk.core import i18n
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.backup import make_backup
from accountdesk.core.db.schema import SCHEMA_HEAD
from accountdesk.ui.listmodel import PLAIN_ROLE

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
SCHEMA_COLUMN = 2
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"


@pytest.fixture
def language(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[str]:
    lang: str = request.param
    i18n.set_language(lang)
    if i18n.LANGUAGES[lang].rtl:
        qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        yield lang
    finally:
        i18n.set_language("en")
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def _row(ctx: Any, qtbot: Any) -> list[str]:
    from accountdesk.ui.backups import BackupsDialog

    make_backup(ctx.db, fixed_clock(ctx.clock() - timedelta(days=1)))
    dialog = BackupsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    return [dialog.model.index(0, c).data(PLAIN_ROLE) for c in range(4)]


@pytest.mark.parametrize("language", ["fa"], indirect=True)
def test_persian_schema_in_persian_digits(ctx: Any, qtbot: Any, language: str) -> None:
    taken, size, schema, _why = _row(ctx, qtbot)
    expected = SCHEMA_HEAD.translate(str.maketrans("0123456789", PERSIAN_DIGITS))
    assert schema == expected and schema != SCHEMA_HEAD
    # the same digits as the date and the size beside it, and no ASCII digit in any of them
    for cell in (taken, size, schema):
        assert any(ch in PERSIAN_DIGITS for ch in cell), cell
        assert not any(ch.isascii() and ch.isdigit() for ch in cell), cell


@pytest.mark.parametrize("language", ["en", "th", "lv"], indirect=True)
def test_other_languages_keep_ascii_digits(ctx: Any, qtbot: Any, language: str) -> None:
    assert _row(ctx, qtbot)[SCHEMA_COLUMN] == SCHEMA_HEAD
