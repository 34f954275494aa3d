"""``accountdesk report account|portfolio|trip``: PDF reports for batch printing."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime, timedelta
from typing import Any

from accountdesk.core.errors import UserError
from accountdesk.core.i18n import DateInputError, _, parse_date_input


def _date(value: str) -> date:
    try:
        return parse_date_input(value)
    except DateInputError as exc:
        raise UserError(
            _("{value} is not a date; write it as YYYY-MM-DD.").format(value=value)
        ) from exc


def _zone(db: Any) -> str:
    from accountdesk.core.settings import current_zone

    return current_zone(db)


def _open(args: argparse.Namespace) -> Any:
    from accountdesk.core.db.crypto_cli import open_interactive
    from accountdesk.core.db.engine import require_database
    from accountdesk.core.settings import apply_calendar_preference

    require_database(args.db)  # a report reads: it never creates a database
    db = open_interactive(args.db)
    apply_calendar_preference(db)
    return db


def _done(path: str) -> int:
    sys.stderr.write(_("Wrote {path}.").format(path=path) + "\n")
    return 0


def cmd_account(args: argparse.Namespace) -> int:
    from accountdesk.core.reports.documents import account_report, find_account

    db = _open(args)
    account_id = find_account(db, args.account)
    account_report(db, account_id, args.output, lang=args.lang, user_zone=_zone(db))
    return _done(args.output)


def cmd_portfolio(args: argparse.Namespace) -> int:
    from accountdesk.core.metrics import Period
    from accountdesk.core.reports.documents import portfolio_report

    today = datetime.now(UTC).date()
    end = _date(args.to) if args.to else today
    start = _date(args.from_) if args.from_ else end - timedelta(days=364)
    if end < start:
        raise UserError(_("The period ends before it starts."))
    db = _open(args)
    portfolio_report(
        db, args.output, Period(start, end), lang=args.lang, country=args.country,
        owner=args.owner, segment=args.segment, user_zone=_zone(db),
    )  # fmt: skip
    return _done(args.output)


def cmd_trip(args: argparse.Namespace) -> int:
    from accountdesk.core.reports.documents import trip_brief

    start, end = _date(args.from_), _date(args.to)
    if end < start:
        raise UserError(_("The trip ends before it starts."))
    if len(args.country) != 2 or not args.country.isalpha():
        raise UserError(
            _("{code} is not an ISO 3166 country code (for example LV, TH or IR).").format(
                code=args.country
            )
        )
    db = _open(args)
    trip_brief(
        db, args.output, args.country, start, end, city=args.city, lang=args.lang,
        user_zone=_zone(db),
    )  # fmt: skip
    return _done(args.output)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add ``report`` with its three kinds to the main command line."""
    p = subparsers.add_parser("report", parents=[common], help=_("print a PDF report"))
    kinds = p.add_subparsers(title=_("reports"), metavar="KIND", required=True)

    a = kinds.add_parser("account", parents=[common], help=_("account relationship report"))
    a.add_argument("account", metavar="NAME|ID", help=_("the account's name or id"))
    a.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    a.set_defaults(func=cmd_account)

    f = kinds.add_parser("portfolio", parents=[common], help=_("portfolio report with metrics"))
    f.add_argument("--from", dest="from_", metavar="DATE", help=_("first day (YYYY-MM-DD)"))
    f.add_argument("--to", metavar="DATE", help=_("last day (YYYY-MM-DD)"))
    scope = f.add_mutually_exclusive_group()
    scope.add_argument("--owner", help=_("only this owner's accounts"))
    scope.add_argument("--country", help=_("only accounts in this country (ISO code)"))
    scope.add_argument("--segment", help=_("only accounts in this segment (tier)"))
    f.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    f.set_defaults(func=cmd_portfolio)

    t = kinds.add_parser("trip", parents=[common], help=_("trip brief for a country or city"))
    t.add_argument("--country", required=True, metavar="CC")
    t.add_argument("--city", metavar="NAME")
    t.add_argument("--from", dest="from_", required=True, metavar="DATE")
    t.add_argument("--to", required=True, metavar="DATE")
    t.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    t.set_defaults(func=cmd_trip)
