"""Shared test set-up: Qt runs offscreen, the UI language starts as English."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "0")

from collections.abc import Iterator

import pytest

from accountdesk.core import i18n


@pytest.fixture(autouse=True)
def _english_ui() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("en")
