"""The command line's side of erasing a person (``accountdesk privacy erase`` is in ``cli.py``):
the earlier passphrases of backups encrypted before a change of passphrase, and the erases a
stop left before their backups were cleaned, finished when a command opens the database.

Light on purpose: every command opens the database through
:func:`~accountdesk.core.db.crypto_cli.open_interactive`, which calls :func:`finish_erasures`;
the erase's module (:mod:`.privacy`) is loaded only when there is an erase to finish."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from sqlalchemy import text

from accountdesk.core import i18n
from accountdesk.core.bidi import to_terminal
from accountdesk.core.db import crypto, crypto_cli
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import _, ltr_shown, ngettext

if TYPE_CHECKING:
    from accountdesk.core.db.engine import Database


def earlier_passphrases(db: Database, *, asking: bool) -> list[str]:
    """The passphrases of backups encrypted before a change of passphrase, for an erase to
    clean them: ACCOUNTDESK_BACKUP_PASSPHRASE (as ``db restore`` takes it), and
    ACCOUNTDESK_PASSPHRASE when it is not the database's (a decrypted database leaves it to
    its backups). ``asking`` on a terminal: while backups remain that none of them opens
    (:func:`~accountdesk.core.services.privacy.sealed_backups`), the user is asked for one;
    Enter leaves them, and the erase lists them to delete. Never kept anywhere."""
    given = (os.environ.get(crypto.BACKUP_PASSPHRASE_ENV), os.environ.get(crypto.PASSPHRASE_ENV))
    earlier = [key for key in (crypto.entered(text) for text in given) if key is not None]
    if not asking or not crypto_cli.interactive():
        return earlier
    from accountdesk.core.services.privacy import sealed_backups, still_sealed

    sealed = sealed_backups(db, earlier)
    for _attempt in range(crypto_cli.ATTEMPTS):
        if not sealed:
            break
        lines = [
            ngettext(
                "{n} backup is encrypted with an earlier passphrase; the erase can clean it "
                "only with that passphrase:",
                "{n} backups are encrypted with an earlier passphrase; the erase can clean "
                "them only with that passphrase:",
                len(sealed),
            ).format(n=i18n.format_number(len(sealed))),
            *(f"  {ltr_shown(path)}" for path in sealed),
        ]
        to_terminal("\n".join(lines), err=True)
        typed = crypto.entered(
            crypto_cli._ask(_("Earlier passphrase (Enter: leave them, to delete yourself): "))
        )
        if typed is None:
            break
        try:
            sealed = still_sealed(sealed, typed)
        except crypto.WrongPassphrase as exc:
            to_terminal(exc.message, err=True)
            continue
        earlier.append(typed)
    return earlier


def _unfinished(db: Database) -> bool:
    """Whether an erase of this database left its backups to clean (a quick look, without
    the erase's module)."""
    if db.path is None or db.read_only:
        return False
    with db.engine.connect() as conn:
        found = conn.execute(text("SELECT 1 FROM unfinished_erasures LIMIT 1")).first()
        conn.rollback()
    return found is not None


def finish_erasures(db: Database) -> None:
    """When a command has opened the database: finish the erases a stop left before their
    backups were cleaned (:func:`~accountdesk.core.services.privacy.finish_erasures`, with
    the :func:`earlier_passphrases` of the environment), and say so on standard error. What
    cannot be cleaned yet is said with what to do; the command runs all the same."""
    if not _unfinished(db):
        return
    from accountdesk.core.services.privacy import finish_erasures as finish

    try:
        finished = finish(db, earlier_passphrases(db, asking=False))
    except UserError as exc:  # a full disk, say: the command runs, the erase waits
        to_terminal(
            _("An erase stopped before it had cleaned the backups could not be finished: "
              "{reason} AccountDesk tries again the next time it opens the database.").format(
                reason=exc.message
            ),
            err=True,
        )  # fmt: skip
        return
    if finished is None:
        return
    to_terminal(" ".join(finished.done()), err=True)
    problems = finished.problems()
    if finished.backups_sealed:
        problems.append(
            _(
                "Give the earlier passphrase in ACCOUNTDESK_BACKUP_PASSPHRASE with any command "
                "(as for db restore), or open the app, which asks for it."
            )
        )
    if problems:
        to_terminal(" ".join(problems), err=True)
