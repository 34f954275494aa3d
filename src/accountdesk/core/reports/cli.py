"""``accountdesk report account|portfolio|trip``: PDF reports for batch printing; and
``accountdesk rates list|add|import|delete``: the exchange rates reports convert money with."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from accountdesk.core.bidi import to_terminal
from accountdesk.core.clock import Clock, system_clock
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import DateInputError, _, ltr_shown, parse_date_input


def _date(value: str) -> date:
    try:
        return parse_date_input(value)
    except DateInputError as exc:
        raise UserError(
            _("{value} is not a date; write it as YYYY-MM-DD.").format(value=value)
        ) from exc


#: The commands' clock (a test pins it: ``monkeypatch.setattr(cli, "clock", fixed_clock(…))``).
clock: Clock = system_clock


def _zone(db: Any) -> str:
    from accountdesk.core.settings import current_zone

    return current_zone(db)


def _today(db: Any) -> date:
    """The user's day (in their zone, not UTC's): a period's default end, a rate's default day."""
    from accountdesk.core.timekeeping.zones import user_day

    return user_day(clock(), _zone(db))


def _open(args: argparse.Namespace) -> Any:
    from accountdesk.core.db.crypto_cli import open_interactive
    from accountdesk.core.db.engine import require_database
    from accountdesk.core.settings import apply_calendar_preference

    require_database(args.db)  # a report reads: it never creates a database
    db = open_interactive(args.db)
    apply_calendar_preference(db)
    return db


def _done(path: str) -> int:
    """Say which file was written, on standard error, without the bidi marks a terminal shows
    as stray characters (and a path copied from it would carry): as every line of the
    command line (``cli._note``)."""
    to_terminal(_("Wrote {path}.").format(path=path), err=True)
    return 0


def _output(text: str) -> Path:
    """The PDF to write; one sentence naming the path when its folder is missing (the file
    itself is written all at once, by the report: core/files.write_atomically)."""
    path = Path(text).expanduser()
    folder = path.parent
    if not folder.is_dir():
        raise UserError(
            _("{path} cannot be written: the folder {folder} does not exist.").format(
                path=ltr_shown(path), folder=ltr_shown(folder)
            )
        )
    if path.is_dir():
        raise UserError(
            _("{path} is a folder; name the PDF file to write.").format(path=ltr_shown(path))
        )
    return path


def _currency(args: argparse.Namespace) -> str | None:
    from accountdesk.core import validation

    return validation.currency(args.currency) if args.currency else None


def _given(args: argparse.Namespace) -> tuple[date | None, date | None]:
    """``--from`` and ``--to``, each a day reports cover (:func:`data.checked_period`), the
    second not before the first."""
    from accountdesk.core.reports.data import checked_period

    start = _date(args.from_) if args.from_ else None
    to = _date(args.to) if args.to else None
    for day in (start, to):
        if day is not None:
            checked_period(day, day)  # year 1 or 9999: the days reports cover, named
    if to is not None and start is not None and to < start:
        raise UserError(_("The period ends before it starts."))
    return start, to


def _period(db: Any, start: date | None, to: date | None) -> Any:
    """The period of ``--from`` and ``--to``: by default it ends today and starts 364 days
    before its end (the last 12 months: :func:`metrics.last_year`). One that starts after
    today is refused, one that ends after it is measured up to today
    (:func:`data.checked_period`)."""
    from accountdesk.core.metrics import last_year
    from accountdesk.core.reports.data import checked_period

    today = _today(db)
    end = to if to is not None else today
    if start is None:
        start = last_year(end).start
    if to is None and start > today:  # refused below: not "ends before it starts"
        end = start
    # after today: refused, or measured up to today (one rule: data.checked_period)
    return checked_period(start, end, today)


def cmd_account(args: argparse.Namespace) -> int:
    from accountdesk.core.reports.documents import account_report, find_account

    start, to = _given(args)
    output = _output(args.output)
    currency = _currency(args)
    db = _open(args)
    account_id = find_account(db, args.account)
    # the period of the figures: the last 12 months unless --from or --to says otherwise
    period = _period(db, start, to) if start or to else None
    account_report(
        db, account_id, output, lang=args.lang, user_zone=_zone(db), currency=currency,
        period=period,
    )  # fmt: skip
    return _done(str(output))


def cmd_portfolio(args: argparse.Namespace) -> int:
    from accountdesk.core.reports.documents import portfolio_report

    start, to = _given(args)
    output = _output(args.output)
    currency = _currency(args)
    db = _open(args)
    portfolio_report(
        db, output, _period(db, start, to), lang=args.lang, country=args.country,
        owner=args.owner, segment=args.segment, user_zone=_zone(db), currency=currency,
    )  # fmt: skip
    return _done(str(output))


def cmd_trip(args: argparse.Namespace) -> int:
    from accountdesk.core.reports.data import checked_period
    from accountdesk.core.reports.documents import trip_brief

    start, end = _date(args.from_), _date(args.to)
    for day in (start, end):
        checked_period(day, day)  # year 1 or 9999: the days reports cover, named
    if end < start:
        raise UserError(_("The trip ends before it starts."))
    from accountdesk.core import validation

    country = validation.country(args.country)
    output = _output(args.output)
    db = _open(args)
    trip_brief(
        db, output, country, start, end, city=args.city, lang=args.lang, user_zone=_zone(db),
        include_lost=args.include_lost,
    )  # fmt: skip
    return _done(str(output))


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add ``report`` with its three kinds to the main command line."""
    p = subparsers.add_parser("report", parents=[common], help=_("print a PDF report"))
    kinds = p.add_subparsers(title=_("reports"), metavar="KIND", required=True)

    a = kinds.add_parser("account", parents=[common], help=_("account relationship report"))
    a.add_argument("account", metavar="NAME|ID", help=_("the account's name or id"))
    a.add_argument(
        "-o", "--output", required=True, metavar="FILE.pdf", help=_("the PDF file to write")
    )
    a.add_argument(
        "--from", dest="from_", metavar="DATE",
        help=_("first day of the figures (YYYY-MM-DD; default: the last 12 months)"),
    )  # fmt: skip
    a.add_argument("--to", metavar="DATE", help=_("last day (YYYY-MM-DD)"))
    a.add_argument("--currency", metavar="CUR", help=_("reporting currency (ISO 4217)"))
    a.set_defaults(func=cmd_account)

    f = kinds.add_parser("portfolio", parents=[common], help=_("portfolio report with metrics"))
    f.add_argument("--from", dest="from_", metavar="DATE", help=_("first day (YYYY-MM-DD)"))
    f.add_argument("--to", metavar="DATE", help=_("last day (YYYY-MM-DD)"))
    scope = f.add_mutually_exclusive_group()
    scope.add_argument(
        "--owner",
        metavar="LOGIN",
        help=_("only this owner's accounts (on a team server: a member's login or name)"),
    )
    scope.add_argument("--country", help=_("only accounts in this country (ISO code)"))
    scope.add_argument("--segment", help=_("only accounts in this segment (tier)"))
    f.add_argument(
        "-o", "--output", required=True, metavar="FILE.pdf", help=_("the PDF file to write")
    )
    f.add_argument("--currency", metavar="CUR", help=_("reporting currency (ISO 4217)"))
    f.set_defaults(func=cmd_portfolio)

    t = kinds.add_parser("trip", parents=[common], help=_("trip brief for a country or city"))
    t.add_argument("--country", required=True, metavar="CC", help=_("the country (ISO code)"))
    t.add_argument("--city", metavar="NAME", help=_("only accounts in this city"))
    t.add_argument(
        "--from", dest="from_", required=True, metavar="DATE", help=_("first day (YYYY-MM-DD)")
    )
    t.add_argument("--to", required=True, metavar="DATE", help=_("last day (YYYY-MM-DD)"))
    t.add_argument(
        "--include-lost",
        action="store_true",
        help=_("list lost accounts too (left out by default)"),
    )
    t.add_argument(
        "-o", "--output", required=True, metavar="FILE.pdf", help=_("the PDF file to write")
    )
    t.set_defaults(func=cmd_trip)


# --- exchange rates ---------------------------------------------------------------------------


def _print(text: str) -> None:
    to_terminal(text)


def _reporting(db: Any) -> str:
    from accountdesk.core.settings import reporting_currency

    return reporting_currency(db)


def cmd_rates_list(args: argparse.Namespace) -> int:
    from accountdesk.core import i18n
    from accountdesk.core.queries.rates import list_rates, rate_text

    db = _open(args)
    rows = list_rates(db)
    _print(_("Reporting currency: {currency}").format(currency=_reporting(db)))
    if not rows:
        _print(_("No exchange rates yet; add one with “accountdesk rates add”."))
    for r in rows:
        _print(f"{i18n.format_date(r.valid_on)}\t{rate_text(r)} {r.currency}\t{r.id}")
    return 0


def cmd_rates_add(args: argparse.Namespace) -> int:
    from accountdesk.core.services.rates import RateInput, save_rate

    db = _open(args)
    when = args.date or _today(db).isoformat()
    data = RateInput(args.currency, args.rate, when, args.base)
    replaced = save_rate(db, data, _reporting(db))
    _print(_("Replaced the rate of that day.") if replaced else _("Added the rate."))
    return 0


def cmd_rates_import(args: argparse.Namespace) -> int:
    from accountdesk.core.services.rates import import_rates

    db = _open(args)
    done = import_rates(db, Path(args.file).expanduser(), _reporting(db))
    _print(done.summary())
    return 0


def cmd_rates_delete(args: argparse.Namespace) -> int:
    from accountdesk.core.services.rates import delete_rate

    db = _open(args)
    delete_rate(db, args.id)
    _print(_("Deleted the rate."))
    return 0


def register_rates(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add ``rates`` (list, add, import, delete) to the main command line."""
    p = subparsers.add_parser(
        "rates", parents=[common], help=_("exchange rates for the reports' money")
    )
    actions = p.add_subparsers(title=_("rate commands"), metavar="ACTION", required=True)
    e = actions.add_parser("list", parents=[common], help=_("list the exchange rates"))
    e.set_defaults(func=cmd_rates_list)
    e = actions.add_parser(
        "add", parents=[common], help=_("enter a rate: 1 BASE = RATE CURRENCY on a day")
    )
    e.add_argument("currency", metavar="CURRENCY", help=_("ISO 4217 code, e.g. JPY"))
    e.add_argument("rate", metavar="RATE", help=_("units of CURRENCY for one unit of BASE"))
    e.add_argument("--date", metavar="DATE", help=_("the rate's day (default: today)"))
    e.add_argument("--base", metavar="BASE", help=_("default: the reporting currency"))
    e.set_defaults(func=cmd_rates_add)
    e = actions.add_parser(
        "import", parents=[common], help=_("import a CSV file of rates (currency, rate, date)")
    )
    e.add_argument("file", metavar="FILE.csv", help=_("columns currency, rate, date (and base)"))
    e.set_defaults(func=cmd_rates_import)
    e = actions.add_parser("delete", parents=[common], help=_("delete a rate by its id"))
    e.add_argument("id", metavar="ID", help=_("the rate's id, as 'rates list' shows it"))
    e.set_defaults(func=cmd_rates_delete)
