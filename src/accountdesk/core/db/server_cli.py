"""The command line's side of a team server: ``accountdesk server init | add-user | upload |
reindex | login | logout``, and the password prompt of every command that opens a server.

A server's password comes from the URL, ``PGPASSWORD`` or ``~/.pgpass`` (libpq's own), the
system keyring (``server login`` keeps it there), or a prompt when the command runs in a
terminal; it is never printed. A new member's password comes from ``ACCOUNTDESK_NEW_PASSWORD``
in scripts, else it is asked twice. See README, "Team server".
"""

from __future__ import annotations

import argparse
import os
import sys
from getpass import getpass
from typing import Any

from accountdesk.core.bidi import to_terminal
from accountdesk.core.db import credentials
from accountdesk.core.db.errors import PasswordRequired, WrongPassword
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import _, format_number, ltr_shown, ngettext

#: Wrong passwords typed at the prompt before the command gives up.
ATTEMPTS = 3


def interactive() -> bool:
    """True when a person can be asked (standard input is a terminal)."""
    return sys.stdin is not None and sys.stdin.isatty()


def _ask(prompt: str) -> str:
    return getpass(prompt)


def _say(line: str) -> None:
    to_terminal(line)


def _password_prompt(url: str) -> str:
    return _("Password of {login} on {server}: ").format(
        login=credentials.login_of(url), server=credentials.server_address(url)
    )


def sign_in_interactive(target: str) -> str:
    """Sign in to the server ``target`` (see :func:`accountdesk.core.db.engine.sign_in`),
    asking for the password at the terminal when the server wants one that nothing else
    had (again after a wrong one, up to :data:`ATTEMPTS` times); returns the login."""
    from accountdesk.core.db.engine import sign_in

    try:
        return sign_in(target)
    except PasswordRequired:
        if not interactive():
            raise
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return sign_in(target, _ask(_password_prompt(target)))
        except WrongPassword:
            if attempt == ATTEMPTS:
                raise
            sys.stderr.write(_("That password is wrong; try again.") + "\n")
    raise AssertionError("unreachable")


def new_password(login: str) -> str:
    """A new member's password: ``ACCOUNTDESK_NEW_PASSWORD``, else asked twice."""
    given = os.environ.get(credentials.NEW_PASSWORD_ENV)
    if given:
        return credentials.check_new_password(given)
    if not interactive():
        raise UserError(
            _(
                "Give {login}'s password in {variable}, or run the command in a terminal to be "
                "asked for it; nothing was changed."
            ).format(login=login, variable=credentials.NEW_PASSWORD_ENV)
        )
    first = credentials.check_new_password(
        _ask(_("Password for {login} (they sign in with it): ").format(login=login))
    )
    if _ask(_("The same password again: ")) != first:
        raise UserError(_("The two passwords differ; nothing was changed."))
    return first


def _server_url(text: str) -> str:
    if not credentials.is_server(text):
        raise UserError(
            _(
                "“{value}” is not a server address; write it as postgresql://LOGIN@HOST/DATABASE."
            ).format(value=credentials.without_password(text))
        )
    return text


# --- commands ----------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from accountdesk.core.db import server

    url = _server_url(args.url)
    login = server.check_login(args.login) if args.login else None
    sign_in_interactive(url)
    lines = server.init_server(
        url,
        name=args.name,
        email=args.email,
        login=login,
        password=lambda: new_password(login or server.login_from_email(args.email or "")),
    )
    for line in lines:
        _say(line)
    return 0


def cmd_add_user(args: argparse.Namespace) -> int:
    from accountdesk.core.db import server

    url = _server_url(args.url)
    login = server.check_login(args.login)
    sign_in_interactive(url)
    _say(server.add_user(url, login, args.name, args.email, args.role, lambda: new_password(login)))
    return 0


def cmd_upload(args: argparse.Namespace) -> int:
    from accountdesk.core.db import server
    from accountdesk.core.db.crypto_cli import open_interactive
    from accountdesk.core.db.engine import open_database, require_database

    url = _server_url(args.to)
    if credentials.is_server(args.file):
        not_a_file = _(
            "{target} is not a file: upload copies a laptop's database file to the server."
        )
        raise UserError(
            not_a_file.format(target=ltr_shown(credentials.without_password(args.file)))
        )
    require_database(args.file)
    source = open_interactive(args.file)  # asks an encrypted file's passphrase
    try:
        sign_in_interactive(url)
        target = open_database(url)
        try:
            report = server.upload(source, target, owner=args.owner)
        finally:
            target.close()
    finally:
        source.close()
    for line in report.lines():
        _say(line)
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    from accountdesk.core.db import server
    from accountdesk.core.db.engine import open_database

    url = _server_url(args.url)
    sign_in_interactive(url)
    db = open_database(url)
    try:
        n = server.reindex(db)
    finally:
        db.close()
    _say(
        ngettext(
            "The search index of {server} was rebuilt: {n} account or contact can be found.",
            "The search index of {server} was rebuilt: {n} accounts and contacts can be found.",
            n,
        ).format(server=credentials.server_address(url), n=format_number(n))
    )
    return 0


def cmd_login(args: argparse.Namespace) -> int:
    from accountdesk.core.db import crypto
    from accountdesk.core.db.engine import signed_in

    url = _server_url(args.url)
    if args.sslmode:  # before the check, which it applies to
        credentials.set_local_setting(credentials.SERVER_SSLMODE, args.sslmode)
    given = credentials.password_for(url)
    if given is not None and given.source == "url":
        password = given.text
    elif interactive():
        password = _ask(_password_prompt(url))
    elif os.environ.get("PGPASSWORD"):
        password = os.environ["PGPASSWORD"]
    else:
        raise UserError(
            _(
                "Run accountdesk server login in a terminal to be asked for the password of "
                "{login} on {server}; nothing was kept."
            ).format(login=credentials.login_of(url), server=credentials.server_address(url))
        )
    standing = signed_in(url, password)  # a wrong password is not kept
    login, server = standing.login, credentials.server_address(url)
    if crypto.keyring_module() is None:
        _say(
            _(
                "{login} signed in to {server}. There is no usable system keyring here, so "
                "AccountDesk will ask for the password each time (or give it in PGPASSWORD)."
            ).format(login=login, server=server)
        )
    else:
        credentials.remember(url, password)
        _say(
            _("{login} signed in to {server}; the password is kept in the system keyring.").format(
                login=login, server=server
            )
        )
    problem = standing.problem(server)
    if problem is not None:
        _say(problem)
    if not args.no_default:
        before = credentials.default_server()
        stored = credentials.set_local_setting(credentials.SERVER_URL, url)
        if before != stored and credentials.local_setting(credentials.SERVER_COPY):
            # the offline copy is of the server that was the default (accountdesk sync init)
            credentials.set_local_setting(credentials.SERVER_COPY, None)
        _say(
            _("AccountDesk opens {url} when no --db is given (the server.url setting).").format(
                url=stored
            )
        )
    return 0


def cmd_logout(args: argparse.Namespace) -> int:
    current = credentials.default_server()
    url = _server_url(args.url) if args.url else current
    if url is None:
        raise UserError(_("Name the server: accountdesk server logout URL."))
    server = credentials.server_address(url)
    if credentials.forget(url):
        _say(_("The password for {server} was removed from the system keyring.").format(
            server=server
        ))  # fmt: skip
    else:
        _say(_("The system keyring held no password for {server}.").format(server=server))
    if current is not None and credentials.without_password(url) == current:
        credentials.set_local_setting(credentials.SERVER_URL, None)
        copy = credentials.local_setting(credentials.SERVER_COPY)
        if copy:
            credentials.set_local_setting(credentials.SERVER_COPY, None)
            _say(
                _(
                    "The offline copy stays at {path}; open it with --db (its synchronisation "
                    "asks for the password)."
                ).format(path=ltr_shown(copy))
            )
        _say(_("AccountDesk opens the file in its data folder again when no --db is given."))
    return 0


# --- parser ------------------------------------------------------------------------------


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``accountdesk server …`` to the command line."""
    parser_class = type(common)
    p = sub.add_parser(
        "server", parents=[common], help=_("set up and use a team's shared PostgreSQL server")
    )
    actions = p.add_subparsers(
        title=_("server commands"), metavar="ACTION", parser_class=parser_class, required=True
    )
    url_help = _("the server, as postgresql://LOGIN@HOST/DATABASE (the password is asked for)")

    e = actions.add_parser(
        "init",
        parents=[common],
        help=_("create the tables, the roles and the first manager (as the administrator)"),
    )
    e.add_argument("url", metavar="URL", help=url_help)
    e.add_argument("--name", required=True, help=_("the first manager's name"))
    e.add_argument("--email", required=True, help=_("the first manager's e-mail address"))
    e.add_argument(
        "--login", help=_("the first manager's login (default: from the e-mail address)")
    )
    e.set_defaults(func=cmd_init)

    e = actions.add_parser(
        "add-user", parents=[common], help=_("add a member to the team (as the administrator)")
    )
    e.add_argument("url", metavar="URL", help=url_help)
    e.add_argument("login", metavar="LOGIN", help=_("their login: lower-case letters, digits, _"))
    e.add_argument("--name", required=True, help=_("their name"))
    e.add_argument("--email", help=_("their e-mail address"))
    e.add_argument(
        "--role", choices=("rep", "manager"), default="rep", help=_("rep (default) or manager")
    )
    e.set_defaults(func=cmd_add_user)

    e = actions.add_parser(
        "upload", parents=[common], help=_("copy a laptop's database file to the server")
    )
    e.add_argument("file", metavar="FILE", help=_("the database file (plain or encrypted)"))
    e.add_argument("--to", required=True, metavar="URL", help=url_help)
    e.add_argument(
        "--owner",
        metavar="LOGIN",
        help=_("the member who gets the accounts without an owner on the team (default: you)"),
    )
    e.set_defaults(func=cmd_upload)

    e = actions.add_parser(
        "reindex",
        parents=[common],
        help=_("rebuild the team's search index from the records (as a manager)"),
    )
    e.add_argument("url", metavar="URL", help=url_help)
    e.set_defaults(func=cmd_reindex)

    e = actions.add_parser(
        "login",
        parents=[common],
        help=_("check your password, keep it in the system keyring, open this server by default"),
    )
    e.add_argument("url", metavar="URL", help=url_help)
    e.add_argument(
        "--sslmode",
        choices=credentials.SSLMODES,
        help=_("TLS for servers whose address names none (the server.sslmode setting)"),
    )
    e.add_argument(
        "--no-default",
        action="store_true",
        help=_("do not make this the server AccountDesk opens without --db"),
    )
    e.set_defaults(func=cmd_login)

    e = actions.add_parser(
        "logout",
        parents=[common],
        help=_("forget the kept password (and the default server, if it is this one)"),
    )
    e.add_argument("url", metavar="URL", nargs="?", help=_("default: the server.url setting"))
    e.set_defaults(func=cmd_logout)
