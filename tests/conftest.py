"""Shared test set-up: Qt runs offscreen, the UI language starts as English."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "0")

from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402

from accountdesk.core import i18n  # noqa: E402


@pytest.fixture(autouse=True)
def _english_ui() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("en")
