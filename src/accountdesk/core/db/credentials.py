"""Signing in to a team server: where a password comes from, TLS, and which server the app
opens by default.

A server's address is a URL (``postgresql+psycopg://anna@db.example.com/team``; a plain
``postgresql://`` or ``postgres://`` URL means the same). Its password is never written to a
file of ours and never shown: :func:`without_password` is the address as messages, ``repr``
and settings carry it (no password before the host, no ``password`` or ``sslpassword`` in its
query string). The password of a connection comes, in this order, from the caller (a prompt or
the password dialog), the URL itself (``anna:…@host``, else ``?password=…``), this process's
memory of a password that already worked (so that opening the same server again does not ask
again), or the system keyring (``accountdesk server login`` keeps it there, through the
keyring access of :mod:`accountdesk.core.db.crypto`). Without any, libpq still reads
``PGPASSWORD`` and ``~/.pgpass``; when the server asks for a password none of them had,
opening fails with :class:`~accountdesk.core.db.errors.PasswordRequired`, and the command
line and the app ask.

TLS: ``sslmode`` in the URL (``?sslmode=verify-full``), else the ``server.sslmode`` setting,
else libpq's default (``prefer``).

The server settings (``server.url``: the server the app opens when no ``--db`` is given, and
``server.sslmode``) must be known before a database is open, so they cannot live in a
database's ``settings`` table: their one home is ``server.json`` in the settings folder
(:func:`accountdesk.core.paths.settings_dir`), private to the user. Nothing in it is secret.
This module imports SQLAlchemy only inside functions that parse a URL: the desktop app reads
``server.url`` before SQLAlchemy is loaded.
"""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accountdesk.core import paths
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import _, format_number, ngettext

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

__all__ = [
    "NEW_PASSWORD_ENV",
    "SECRET_OPTIONS",
    "SERVER_SSLMODE",
    "SERVER_URL",
    "SSLMODES",
    "Password",
    "check_new_password",
    "connection",
    "default_server",
    "forget",
    "is_server",
    "keep_for_session",
    "local_setting",
    "login_of",
    "normalise",
    "remember",
    "remembered",
    "server_address",
    "set_local_setting",
    "without_password",
]

#: A new member's password in scripts (``server init``, ``server add-user``); else a prompt.
NEW_PASSWORD_ENV = "ACCOUNTDESK_NEW_PASSWORD"
MIN_PASSWORD_LENGTH = 8
#: libpq's TLS modes (https://www.postgresql.org/docs/current/libpq-ssl.html).
SSLMODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
SERVER_URL = "server.url"
SERVER_SSLMODE = "server.sslmode"
#: the laptop's offline copy of the default server (core/db/sync.py), opened in its place
SERVER_COPY = "server.copy"
LOCAL_SETTINGS_FILE = "server.json"
_DRIVER = "postgresql+psycopg"
_SCHEMES = ("postgresql://", "postgres://")


@dataclass(frozen=True)
class Password:
    """A password and where it came from: "given" (a prompt, a dialog, the caller), "url",
    "session" (it worked earlier in this process) or "keyring"."""

    text: str = field(repr=False)
    source: str = "given"


#: Passwords that opened a server in this process, by :func:`_entry` (memory only).
_session: dict[str, str] = {}


# --- addresses -------------------------------------------------------------------------


def normalise(url: str) -> str:
    """``url`` with the driver AccountDesk uses (``postgresql://`` and ``postgres://`` are
    libpq's spellings of the same address)."""
    for scheme in _SCHEMES:
        if url.startswith(scheme):
            return _DRIVER + "://" + url.removeprefix(scheme)
    return url


def is_server(target: object) -> bool:
    """True when ``target`` (a path or a URL) names a PostgreSQL server."""
    text = str(target)
    return any(text.startswith(s) for s in (*_SCHEMES, "postgresql+"))


def _parsed(url: str) -> URL:
    from sqlalchemy.engine import make_url

    return make_url(normalise(url))


#: Query-string options of a URL that hold a secret (libpq's ``password``, and
#: ``sslpassword``: the passphrase of the client's TLS key); never shown nor kept.
SECRET_OPTIONS = ("password", "sslpassword")


def _query_secret(parsed: URL, name: str) -> str | None:
    found = parsed.query.get(name)
    if isinstance(found, tuple):
        found = found[-1] if found else None
    return found or None


def without_password(url: str) -> str:
    """The address with no password in it (what messages, ``repr`` and settings show): none
    before the host, and no ``password`` or ``sslpassword`` in its query string."""
    if not is_server(url):
        return url
    parsed = _parsed(url)
    bare = parsed._replace(password=None).difference_update_query(SECRET_OPTIONS)
    return bare.render_as_string(hide_password=False)


def login_of(url: str) -> str:
    """The role the connection signs in as: the URL's user, else libpq's default (the
    operating system's user name)."""
    return _parsed(url).username or getpass.getuser()


def server_address(url: str) -> str:
    """``host:port/database`` (a socket folder for a local connection), for sentences."""
    parsed = _parsed(url)
    host = parsed.host or parsed.query.get("host") or "localhost"
    if isinstance(host, tuple):
        host = ",".join(host)
    port = f":{parsed.port}" if parsed.port else ""
    return f"{host}{port}/{parsed.database or login_of(url)}"


def _entry(url: str) -> str:
    """The key of a server login in the keyring and in this process's memory."""
    return f"postgresql://{login_of(url)}@{server_address(url)}"


# --- passwords --------------------------------------------------------------------------


def remembered(url: str) -> str | None:
    """The password the system keyring holds for this login on this server, or None."""
    from accountdesk.core.db import crypto

    return crypto.remembered(_entry(url))


def remember(url: str, password: str) -> None:
    """Keep the password in the system keyring (:class:`UserError` when there is none)."""
    from accountdesk.core.db import crypto

    crypto.remember(_entry(url), password)


def forget(url: str) -> bool:
    """Remove the keyring's password for this login (and this process's memory of it)."""
    from accountdesk.core.db import crypto

    _session.pop(_entry(url), None)
    return crypto.forget(_entry(url))


def keep_for_session(url: str, password: Password | None) -> None:
    """Remember in this process that ``password`` opens ``url`` (after it did)."""
    if password is not None:
        _session[_entry(url)] = password.text


def password_for(url: str, given: str | None = None) -> Password | None:
    """The password to sign in with (see the module doc for the order), or None: libpq's own
    sources (``PGPASSWORD``, ``~/.pgpass``), or a server that asks for none."""
    if given is not None:
        return Password(given, "given")
    parsed = _parsed(url)
    if parsed.password:
        return Password(str(parsed.password), "url")
    in_query = _query_secret(parsed, "password")
    if in_query is not None:
        return Password(in_query, "url")
    known = _session.get(_entry(url))
    if known is not None:
        return Password(known, "session")
    kept = remembered(url)
    return None if kept is None else Password(kept, "keyring")


def connection(url: str, given: str | None = None) -> tuple[str, dict[str, Any], Password | None]:
    """What opening ``url`` takes: the address without its password (for SQLAlchemy and
    everything that shows it), the driver's arguments (the password, the ``server.sslmode``
    setting when the URL names no ``sslmode``) and the password's origin."""
    password = password_for(url, given)
    extra: dict[str, Any] = {}
    if password is not None:
        extra["password"] = password.text
    parsed = _parsed(url)
    key_passphrase = _query_secret(parsed, "sslpassword")
    if key_passphrase is not None:
        extra["sslpassword"] = key_passphrase
    mode = local_setting(SERVER_SSLMODE)
    if mode and "sslmode" not in parsed.query:
        extra["sslmode"] = mode
    return without_password(url), extra, password


def check_new_password(password: str) -> str:
    """A password acceptable for a new member, or a :class:`UserError` that says why not."""
    if "\x00" in password:
        raise UserError(_("A password cannot contain a NUL character."))
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(
            ngettext(
                "The password is too short: use at least {n} character.",
                "The password is too short: use at least {n} characters.",
                MIN_PASSWORD_LENGTH,
            ).format(n=format_number(MIN_PASSWORD_LENGTH))
        )
    return password


# --- the server settings (before any database is open) ---------------------------------


def local_settings_path() -> Path:
    return paths.settings_dir() / LOCAL_SETTINGS_FILE


def _read_local() -> dict[str, str]:
    path = local_settings_path()
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise UserError(
            _("The server settings in {path} cannot be read: {reason}").format(
                path=path, reason=exc
            )
        ) from exc
    if not isinstance(found, dict):
        return {}
    return {str(k): str(v) for k, v in found.items() if isinstance(v, str) and v}


def local_setting(key: str) -> str | None:
    """``server.url`` or ``server.sslmode`` (None: not set)."""
    return _read_local().get(key)


def default_server() -> str | None:
    """The server the app and the command line open when no database is named."""
    return local_setting(SERVER_URL)


def parse_local(key: str, text: str) -> str | None:
    """The value ``text`` means for ``key`` (None: unset), or a :class:`UserError`."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if key == SERVER_SSLMODE:
        if cleaned not in SSLMODES:
            raise UserError(
                _("“{value}” is not a TLS mode; write one of: {modes}.").format(
                    value=cleaned, modes=", ".join(SSLMODES)
                )
            )
        return cleaned
    if key == SERVER_COPY:
        return str(Path(cleaned).expanduser().resolve())
    if key == SERVER_URL:
        if not is_server(cleaned):
            raise UserError(
                _(
                    "“{value}” is not a server address; write it as "
                    "postgresql://LOGIN@HOST/DATABASE."
                ).format(value=without_password(cleaned))
            )
        return without_password(normalise(cleaned))  # the password goes to the keyring only
    raise UserError(_("There is no server setting “{key}”.").format(key=key))


def set_local_setting(key: str, text: str | None) -> str | None:
    """Store (or, with None or "", remove) a server setting; returns what is stored."""
    from accountdesk.core.files import write_atomically

    value = None if text is None else parse_local(key, text)
    values = _read_local()
    if value is None:
        values.pop(key, None)
    else:
        values[key] = value
    folder = paths.private_folder(local_settings_path().parent)
    data = json.dumps(values, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    write_atomically(folder / LOCAL_SETTINGS_FILE, data.encode("utf-8"))
    return value
