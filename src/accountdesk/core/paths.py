"""Where AccountDesk finds its shipped files and keeps its data.

Shipped files (``resources/`` and ``translations/``) sit at the top of a source checkout and
inside the package of an installed wheel; :func:`resource_dir` finds either. User data lives in
the platform's application-data folder, overridable with ``ACCOUNTDESK_HOME``.

What AccountDesk keeps for the user is private on POSIX: the folders it creates are ``0700``
(:func:`private_folder`) and the files ``0600`` (:func:`new_private_file`), set when they are
created, whatever the umask. SQLite gives a database's ``-wal`` and ``-shm`` files the mode of
the database file itself.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

APP_NAME = "AccountDesk"
APP_ORG = "AccountDesk"
_PACKAGE_DIR = Path(__file__).resolve().parent.parent
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


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
    import platformdirs  # only here: it imports tempfile and more (10 ms), rarely needed

    return Path(platformdirs.user_data_dir(APP_NAME, APP_ORG, roaming=True))


def default_database_path() -> Path:
    return data_dir() / "accountdesk.db"


def backup_dir() -> Path:
    return data_dir() / "backups"


def settings_dir() -> Path:
    """Where the desktop app keeps its window settings (QSettings' INI files)."""
    return data_dir() / "settings"


def private_folder(path: Path) -> Path:
    """Create ``path`` and its missing parents as private folders (``0700``); folders that
    exist already are left as they are. Returns ``path``."""
    missing: list[Path] = []
    current = path
    while not current.exists() and current.parent != current:
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:  # made meanwhile by another process
            continue
        if os.name == "posix":
            os.chmod(folder, PRIVATE_FOLDER)  # exactly, whatever the umask
    return path


def new_private_file(path: Path) -> bool:
    """Create ``path`` empty with mode ``0600`` unless it exists; True when it was created."""
    try:
        handle = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE)
    except FileExistsError:
        return False
    os.close(handle)
    if os.name == "posix":
        os.chmod(path, PRIVATE_FILE)
    return True
