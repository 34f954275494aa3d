"""The command line's side of encryption: ``accountdesk db encrypt | decrypt | rekey``, and
opening an encrypted database with a prompt when the command runs in a terminal.

Passphrases come from ``ACCOUNTDESK_PASSPHRASE`` (and ``ACCOUNTDESK_NEW_PASSPHRASE`` for the new
one of ``rekey``, ``ACCOUNTDESK_BACKUP_PASSPHRASE`` for the older one of a backup to restore) in
scripts, from the system keyring when it holds one, or from a prompt (asked twice when it sets
a passphrase). Without a terminal and without the variable the
command says so in one sentence and changes nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime
from getpass import getpass
from pathlib import Path
from typing import TYPE_CHECKING

from accountdesk.core.db import crypto
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import _, ltr_shown

if TYPE_CHECKING:
    from accountdesk.core.db.engine import Database

ACTIONS = ("encrypt", "decrypt", "rekey")
#: Wrong passphrases typed at the prompt before the command gives up.
ATTEMPTS = 3


def interactive() -> bool:
    """True when a person can be asked (standard input is a terminal)."""
    return sys.stdin is not None and sys.stdin.isatty()


def _ask(prompt: str) -> str:
    return getpass(prompt)


def _ask_passphrase(path: Path) -> str:
    """The passphrase of ``path`` typed at the prompt; asked again when nothing was typed
    (:func:`~accountdesk.core.db.crypto.entered`), :class:`PassphraseRequired` after
    :data:`ATTEMPTS` empty answers."""
    for _attempt in range(ATTEMPTS):
        text = crypto.entered(_ask(_("Passphrase for {path}: ").format(path=ltr_shown(path))))
        if text is not None:
            return text
        sys.stderr.write(crypto.empty_message() + "\n")
    raise crypto.PassphraseRequired(crypto.required_message(path))


def open_interactive(target: str | os.PathLike[str] | None, *, upgrade: bool = True) -> Database:
    """:func:`~accountdesk.core.db.engine.open_database`, asking for the passphrase of an
    encrypted database at the terminal when neither the environment nor the keyring has it,
    and for a team server's password
    (:func:`~accountdesk.core.db.server_cli.sign_in_interactive`): the database of every
    command. Opened at the newest schema (``upgrade``), the erases a stop left before their
    backups were cleaned are finished first
    (:func:`~accountdesk.core.services.privacy_cli.finish_erasures`)."""
    db = _open_asking(target, upgrade=upgrade)
    if upgrade:
        from accountdesk.core.services.privacy_cli import finish_erasures

        finish_erasures(db)
    return db


def _open_asking(target: str | os.PathLike[str] | None, *, upgrade: bool) -> Database:
    from accountdesk.core.db.engine import database_url, open_database, sqlite_path
    from accountdesk.core.db.errors import PasswordRequired

    try:
        return open_database(target, upgrade=upgrade)
    except PasswordRequired:
        if not interactive():
            raise
        from accountdesk.core.db.server_cli import sign_in_interactive

        sign_in_interactive(database_url(target))
        return open_database(target, upgrade=upgrade)  # signed in: this process has it
    except crypto.PassphraseRequired:
        if not interactive():
            raise
    path = sqlite_path(database_url(target))
    assert path is not None  # only a file is encrypted
    for attempt in range(1, ATTEMPTS + 1):
        text = _ask_passphrase(path)
        try:
            return open_database(target, upgrade=upgrade, passphrase=text)
        except crypto.WrongPassphrase:
            if attempt == ATTEMPTS:
                raise
            sys.stderr.write(_("That passphrase is wrong; try again.") + "\n")
    raise AssertionError("unreachable")


def _local_file(args: argparse.Namespace) -> Path:
    from accountdesk.core.db.engine import database_url, sqlite_path

    path = sqlite_path(database_url(args.db))
    if path is None:
        raise UserError(_("Only a local database file can be encrypted or decrypted."))
    if not path.is_file():
        raise UserError(_("There is no database at {path}.").format(path=ltr_shown(path)))
    return path


def new_passphrase(variable: str) -> str:
    """The passphrase to set: ``variable`` in the environment, else asked twice."""
    given = crypto.entered(os.environ.get(variable))
    if given is not None:
        return crypto.check_new_passphrase(given)
    if not interactive():
        raise UserError(
            _(
                "Give the new passphrase in {variable}, or run the command in a terminal to be "
                "asked for it; nothing was changed."
            ).format(variable=variable)
        )
    first = crypto.check_new_passphrase(_ask(_("New passphrase: ")))
    if _ask(_("The new passphrase again: ")) != first:
        raise UserError(_("The two passphrases differ; nothing was changed."))
    return first


def current_passphrase(path: Path) -> str:
    """The passphrase that opens ``path`` now (environment, keyring or the prompt), checked."""
    try:
        found = crypto.passphrase_for(path, None)
    except crypto.PassphraseRequired:
        if not interactive():
            raise
        found = crypto.Passphrase(_ask_passphrase(path))
    if found is None:
        raise UserError(_("The database at {path} is not encrypted.").format(path=ltr_shown(path)))
    if not crypto.opens(path, found.text):
        raise crypto.WrongPassphrase(crypto.wrong_message(path, found.source))
    return found.text


def backup_passphrase(backup: Path, database: Path, known: str | None = None) -> str | None:
    """The passphrase of ``backup``, a backup of ``database``: None when it is not encrypted;
    else the first that opens it of ACCOUNTDESK_BACKUP_PASSPHRASE, ``known`` (the open
    database's), ACCOUNTDESK_PASSPHRASE (when it is not the database's: a decrypted database
    leaves it to the backup) and the keyring's for ``database``; else asked at the terminal.
    A backup keeps the passphrase it was taken with: the database may have been decrypted or
    rekeyed since, and a script gives the old one in ACCOUNTDESK_BACKUP_PASSPHRASE."""
    if not crypto.looks_encrypted(backup):
        return None
    crypto.sqlcipher()  # one sentence when this installation cannot open it
    own = crypto.entered(known)
    environment = crypto.entered(os.environ.get(crypto.PASSPHRASE_ENV))
    candidates = (
        (crypto.entered(os.environ.get(crypto.BACKUP_PASSPHRASE_ENV)), "backup environment"),
        (own, "given"),
        (None if environment == own else environment, "environment"),
        (crypto.remembered(database), "keyring"),
    )
    wrong: str | None = None
    for text, source in candidates:
        if text is not None:
            if crypto.opens(backup, text):
                return text
            wrong = wrong or source
    if not interactive():
        if wrong in ("backup environment", "environment"):  # given for the backup: wrong
            raise crypto.WrongPassphrase(crypto.wrong_message(backup, wrong))
        raise crypto.PassphraseRequired(
            _(
                "The backup {path} is encrypted; give its passphrase, the one it was taken "
                "with, in ACCOUNTDESK_BACKUP_PASSPHRASE, or run the command in a terminal to be "
                "asked for it; nothing was restored."
            ).format(path=ltr_shown(backup))
        )
    for attempt in range(1, ATTEMPTS + 1):
        text = _ask_passphrase(backup)
        if crypto.opens(backup, text):
            return text
        if attempt == ATTEMPTS:
            raise crypto.WrongPassphrase(crypto.wrong_message(backup))
        sys.stderr.write(_("That passphrase is wrong; try again.") + "\n")
    raise AssertionError("unreachable")


def run(args: argparse.Namespace) -> int:
    """``accountdesk db encrypt | decrypt | rekey [--remember]``."""
    path = _local_file(args)
    crypto.sqlcipher()
    remember = bool(getattr(args, "remember", False))
    if remember and crypto.keyring_module() is None:
        raise UserError(crypto.keyring_unavailable_message())
    now = datetime.now(UTC)
    lines: list[str] = []
    new: str | None = None
    if args.action == "encrypt":
        if crypto.looks_encrypted(path):
            raise UserError(
                _("The database at {path} is already encrypted.").format(path=ltr_shown(path))
            )
        new = new_passphrase(crypto.PASSPHRASE_ENV)
        done = crypto.encrypt_file(path, new, now)
        lines.append(
            _(
                "The database at {path} is encrypted now; without its passphrase no one can "
                "read it, you included."
            ).format(path=ltr_shown(path))
        )
        note = crypto.plain_backups_note(done.backup.parent)
        if note:
            lines.append(note)
    elif args.action == "decrypt":
        old = current_passphrase(path)
        done = crypto.decrypt_file(path, old, now)
        lines.append(
            _(
                "The database at {path} is not encrypted any more; the copy from before, "
                "{backup}, still needs the passphrase."
            ).format(path=ltr_shown(path), backup=ltr_shown(done.backup))
        )
        if crypto.forget(path):
            lines.append(_("The passphrase was removed from the system keyring."))
    else:
        old = current_passphrase(path)
        new = new_passphrase(crypto.NEW_PASSPHRASE_ENV)
        if new == old:
            raise UserError(_("The new passphrase is the old one; nothing was changed."))
        done = crypto.rekey_file(path, old, new, now)
        lines.append(
            _(
                "The passphrase of {path} is changed; the copy from before, {backup}, still "
                "opens with the old one."
            ).format(path=ltr_shown(path), backup=ltr_shown(done.backup))
        )
        remember = remember or crypto.remembered(path) is not None
    if remember and new is not None:
        crypto.remember(path, new)
        lines.append(_("The passphrase is remembered in the system keyring."))
    for line in lines:
        sys.stdout.write(line + "\n")
    return 0
