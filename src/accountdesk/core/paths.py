"""Where AccountDesk finds its shipped files and keeps its data.

Shipped files (``resources/`` and ``translations/``) sit at the top of a source checkout and
inside the package of an installed wheel; :func:`resource_dir` finds either. User data lives in
the platform's application-data folder, overridable with ``ACCOUNTDESK_HOME``.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import platformdirs

APP_NAME = "AccountDesk"
APP_ORG = "AccountDesk"
_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _shipped(name: str) -> Path:
    inside = _PACKAGE_DIR / name  # installed wheel: accountdesk/<name>
    if inside.is_dir():
        return inside
    checkout = (
        _PACKAGE_DIR.parent.parent / name
    )  # checkout: <repo>/src/accountdesk -> <repo>/<name>
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"AccountDesk's {name!r} folder is missing from the installation")


@cache
def resource_dir() -> Path:
    """The folder of shipped resources (etiquette notes, fonts, icons)."""
    return _shipped("resources")


@cache
def translations_dir() -> Path:
    """The folder of gettext catalogs (``<lang>/LC_MESSAGES/accountdesk.mo``)."""
    return _shipped("translations")


def data_dir() -> Path:
    """The user's data folder: ``ACCOUNTDESK_HOME`` or the platform's application-data folder."""
    override = os.environ.get("ACCOUNTDESK_HOME")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, APP_ORG, roaming=True))


def default_database_path() -> Path:
    return data_dir() / "accountdesk.db"


def backup_dir() -> Path:
    return data_dir() / "backups"
