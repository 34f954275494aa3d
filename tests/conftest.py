"""Shared test set-up: Qt runs offscreen, the UI language starts as English, and Hypothesis is
deterministic unless a developer asks for random examples.

Hypothesis profiles: ``ci`` (the default) derandomizes, so a green run stays green and a red
one is red again on the next run; ``random`` draws new examples each run, to hunt for bugs:
``HYPOTHESIS_PROFILE=random uv run pytest``.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "0")

from collections.abc import Iterator

import pytest
from hypothesis import settings

from accountdesk.core import i18n

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("random", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _english_ui() -> Iterator[None]:
    i18n.set_language("en")
    i18n.set_calendar_preference(i18n.AUTO)
    yield
    i18n.set_language("en")
    i18n.set_calendar_preference(i18n.AUTO)
