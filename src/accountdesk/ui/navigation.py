"""The screens of the main window's navigation: a small registry.

A feature package adds its screen with :func:`register_screen` when it is imported; the main
window imports the known feature modules (:data:`FEATURE_MODULES`) that exist and lists every
registered screen by ``order``. Only screens that exist are listed.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from accountdesk.ui.context import AppContext

ScreenFactory = Callable[["AppContext"], "QWidget"]


@dataclass(frozen=True)
class Screen:
    key: str
    title: str  # marked with N_, translated when shown
    factory: ScreenFactory
    order: int
    icon: str | None = None  # resources/icons/nav-<icon>.svg


_SCREENS: dict[str, Screen] = {}

#: Modules that register screens when imported; missing ones are skipped.
FEATURE_MODULES = (
    "accountdesk.ui.today",
    "accountdesk.ui.accounts",
    "accountdesk.ui.contacts",
    "accountdesk.ui.followups",
    "accountdesk.ui.countries",
    "accountdesk.ui.reports",
    "accountdesk.ui.duplicates",
)


def register_screen(
    key: str, title: str, factory: ScreenFactory, order: int, icon: str | None = None
) -> None:
    """Add (or replace) a screen. ``title`` is marked with ``N_`` and translated when shown."""
    _SCREENS[key] = Screen(key, title, factory, order, icon)


def screens() -> list[Screen]:
    return sorted(_SCREENS.values(), key=lambda s: (s.order, s.key))


def load_feature_screens() -> list[Screen]:
    for name in FEATURE_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name is None or not name.startswith(exc.name):
                raise
    return screens()
