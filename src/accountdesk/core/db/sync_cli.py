"""``accountdesk sync``: a laptop's offline copy of the team server (core/db/sync.py).

``sync init [URL]`` makes the copy (of the default server when no URL is given) and makes it
what AccountDesk opens in place of that server; ``sync`` (or ``sync now``) synchronises it;
``sync status``; ``sync conflicts`` lists what was changed on both sides and what the server
refused, each with its number; ``sync resolve N mine|theirs`` settles one.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from accountdesk.core.bidi import to_terminal
from accountdesk.core.db import credentials
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import _, ltr_shown


def _say(line: str) -> None:
    to_terminal(line)


def _open(args: argparse.Namespace) -> Any:
    from accountdesk.core.db.crypto_cli import open_interactive
    from accountdesk.core.db.engine import require_database
    from accountdesk.core.settings import apply_calendar_preference

    require_database(args.db)
    db = open_interactive(args.db)
    apply_calendar_preference(db)
    return db


def cmd_init(args: argparse.Namespace) -> int:
    from accountdesk.core.db import sync
    from accountdesk.core.db.server_cli import sign_in_interactive

    url = args.url or credentials.default_server()
    if not url:
        raise UserError(
            _(
                "Name the team server (accountdesk sync init postgresql://LOGIN@HOST/DATABASE), "
                "or sign in to it first with accountdesk server login."
            )
        )
    if not credentials.is_server(url):
        raise UserError(
            _(
                "“{value}” is not a server address; write it as postgresql://LOGIN@HOST/DATABASE."
            ).format(value=credentials.without_password(url))
        )
    sign_in_interactive(url)
    path = sync.create_copy(url, Path(args.path).expanduser() if args.path else None)
    server = credentials.server_address(url)
    _say(_("Made a full copy of {server} at {path}.").format(server=server, path=ltr_shown(path)))
    default = credentials.default_server()
    if default and credentials.without_password(
        credentials.normalise(default)
    ) == credentials.without_password(credentials.normalise(url)):
        credentials.set_local_setting(credentials.SERVER_COPY, str(path))
        _say(
            _(
                "AccountDesk now works on this copy when no --db is given, and synchronises it "
                "with the server when it answers (the server.copy setting)."
            )
        )
    return 0


def cmd_now(args: argparse.Namespace) -> int:
    from accountdesk.core import settings
    from accountdesk.core.db import sync
    from accountdesk.core.db.server_cli import sign_in_interactive

    db = _open(args)
    try:
        sign_in_interactive(sync.server_of(db))
        report = sync.synchronise(db)
        for line in report.lines():
            _say(line)
        _say(sync.status_line(sync.status(db), settings.current_zone(db)))
    finally:
        db.close()
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from accountdesk.core import settings
    from accountdesk.core.db import sync

    db = _open(args)
    try:
        found = sync.status(db)
        _say(sync.status_line(found, settings.current_zone(db)))
        if found.last_error:
            _say(found.last_error)
    finally:
        db.close()
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from accountdesk.core.db import sync

    db = _open(args)
    try:
        found = sync.conflicts(db)
        if not found:
            _say(_("No conflicts."))
        for conflict in found:
            # TRANSLATORS: {n} the conflict's number (for accountdesk sync resolve), {text} it
            _say(_("{n}. {text}").format(n=conflict.id, text=conflict.text))
    finally:
        db.close()
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    from accountdesk.core.db import sync

    db = _open(args)
    try:
        sync.resolve(db, args.number, args.keep)
        _say(
            _("Kept yours; it is sent at the next synchronisation.")
            if args.keep == "mine"
            else _("Kept theirs.")
        )
    finally:
        db.close()
    return 0


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``accountdesk sync …`` to the command line."""
    parser_class = type(common)
    p = sub.add_parser(
        "sync",
        parents=[common],
        help=_("keep an offline copy of the team server and synchronise it"),
    )
    p.set_defaults(func=cmd_now)
    actions = p.add_subparsers(
        title=_("sync commands"), metavar="ACTION", parser_class=parser_class, required=False
    )
    e = actions.add_parser(
        "init", parents=[common], help=_("make a full copy of the team server on this computer")
    )
    e.add_argument(
        "url",
        metavar="URL",
        nargs="?",
        help=_("the server (default: the server.url setting)"),
    )
    e.add_argument("--path", metavar="FILE", help=_("where to keep the copy"))
    e.set_defaults(func=cmd_init)
    e = actions.add_parser("now", parents=[common], help=_("synchronise the copy (the default)"))
    e.set_defaults(func=cmd_now)
    e = actions.add_parser("status", parents=[common], help=_("when the copy last synchronised"))
    e.set_defaults(func=cmd_status)
    e = actions.add_parser(
        "conflicts",
        parents=[common],
        help=_("list the fields changed on both sides and the changes the server refused"),
    )
    e.set_defaults(func=cmd_conflicts)
    e = actions.add_parser("resolve", parents=[common], help=_("settle one conflict"))
    e.add_argument("number", type=int, metavar="N", help=_("its number in the list"))
    e.add_argument("keep", choices=("mine", "theirs"), help=_("whose value to keep"))
    e.set_defaults(func=cmd_resolve)
