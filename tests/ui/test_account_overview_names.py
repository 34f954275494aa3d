"""The account's overview names its region and currency in the language, with their codes
("İstanbul (34)", "Turcijas lira (TRY)"); it showed the bare codes ("34", "TRY")."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from accountdesk.core.bidi import plain
from accountdesk.core.i18n import use_language
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _shown(view: Any) -> list[str]:
    return [plain(label.text()) for label in view.overview.findChildren(QLabel)]


@pytest.mark.parametrize(
    ("lang", "currency"), [("lv", "Turcijas lira (TRY)"), ("sl", "turška lira (TRY)")]
)
def test_region_and_currency_by_name(lang: str, currency: str, ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.accounts.view import AccountView

    account = create_account(
        ctx.db,
        AccountInput(
            name="Ege Lojistik",
            country="TR",
            subdivision="34",
            city="İstanbul",
            timezone="Europe/Istanbul",
            currency="TRY",
        ),
    )
    with use_language(lang):
        view = AccountView(ctx, account)
        qtbot.addWidget(view)
        view.reload()
        shown = _shown(view)
    assert currency in shown
    assert "İstanbul (34)" in shown
    assert "34" not in shown and "TRY" not in shown


@pytest.mark.parametrize(("currency", "expected"), [("TRY", "₺12.500,00"), (None, "12500,00€")])
def test_the_acquisition_cost_is_shown_in_the_accounts_currency(
    currency: str | None, expected: str, ctx: Any, qtbot: Any
) -> None:
    """What winning the account cost (typed in its editor, counted in the reports' CAC) is on
    its overview, in its own currency (its country's when it has none); it was not shown."""
    from decimal import Decimal

    from accountdesk.ui.accounts.view import AccountView

    country = "TR" if currency else "LV"
    account = create_account(
        ctx.db,
        AccountInput(
            name="Ege Lojistik", country=country, currency=currency,
            acquisition_cost=Decimal("12500"),
        ),
    )  # fmt: skip
    with use_language("tr" if currency else "lv"):
        view = AccountView(ctx, account)
        qtbot.addWidget(view)
        view.reload()
        shown = _shown(view)
    assert any(expected in text.replace("\xa0", "").replace(" ", "") for text in shown), shown


def test_a_regions_code_is_written_in_persian_digits_in_persian(ctx: Any, qtbot: Any) -> None:
    # The code of a Turkish region is its plate number: in a Persian window it is a number
    # like any other (the English sweep found "Ankara (06)" in the editor and on the page)
    from accountdesk.ui.accounts.editor import AccountEditor
    from accountdesk.ui.accounts.view import AccountView

    account = create_account(
        ctx.db, AccountInput(name="Ege Lojistik", country="TR", subdivision="06")
    )
    with use_language("fa"):
        view = AccountView(ctx, account)
        qtbot.addWidget(view)
        view.reload()
        shown = [text for text in _shown(view) if "(" in text and "۰۶" in text]
        editor = AccountEditor(ctx, account)
        qtbot.addWidget(editor)
        regions = [plain(editor.region.itemText(i)) for i in range(editor.region.count())]
    assert shown and not any(ch in "0123456789" for text in shown for ch in text)
    assert regions[1:] and not any(ch in "0123456789" for text in regions for ch in text)
    assert any("(۰۶)" in text for text in regions)
