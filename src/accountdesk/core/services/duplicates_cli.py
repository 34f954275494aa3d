"""``accountdesk duplicates``: list likely duplicate contacts with the reasons, merge some into
a kept one (``--merge KEEP OTHER…``), undo a merge (``--undo MERGE_ID``), list the merges
(``--merges``); ``--json`` for scripts. With ``--accounts``, duplicate accounts: listed, or
merged with ``--merge``. The rules are in :mod:`.duplicates` and :mod:`.account_merge`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from accountdesk.core.bidi import isolate, to_terminal
from accountdesk.core.i18n import _, format_list, format_number, format_when, join_list, ngettext

if TYPE_CHECKING:
    from accountdesk.core.services.duplicates import MergeResult


def _print(text: str = "") -> None:
    to_terminal(text)


def _json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _open(args: argparse.Namespace) -> Any:
    from accountdesk.core.db.crypto_cli import open_interactive
    from accountdesk.core.db.engine import require_database
    from accountdesk.core.settings import apply_calendar_preference

    require_database(args.db)  # finding or merging duplicates never creates a database
    db = open_interactive(args.db)
    apply_calendar_preference(db)
    return db


def _list(db: Any, args: argparse.Namespace) -> int:
    from accountdesk.core.services.duplicates import find_duplicates

    clusters = find_duplicates(db)
    if args.json:
        _json(
            [
                {
                    "contacts": [
                        {
                            "id": c.id,
                            "name": c.name,
                            "account_id": c.account_id,
                            "account": c.account_name,
                            "emails": list(c.emails),
                            "phones": list(c.phones),
                        }
                        for c in cluster.contacts
                    ],
                    "reasons": [
                        {
                            "rule": r.rule,
                            "first": r.first,
                            "second": r.second,
                            "value": r.value,
                            "score": r.score,
                        }
                        for r in cluster.reasons
                    ],
                }
                for cluster in clusters
            ]
        )
        return 0
    if not clusters:
        _print(_("No likely duplicates."))
        return 0
    for number, cluster in enumerate(clusters, start=1):
        _print(
            ngettext(
                "{number}. {n} contact that may be one person:",
                "{number}. {n} contacts that may be one person:",
                len(cluster.contacts),
            ).format(number=format_number(number), n=format_number(len(cluster.contacts)))
        )
        for contact in cluster.contacts:
            reach = join_list((*contact.emails, *contact.phones))
            _print(f"   {contact.id}\t{contact.name}\t{contact.account_name}\t{reach}")
        for line in cluster.reason_lines():
            _print(f"   - {line}")
    _print(
        ngettext(
            "{n} group of likely duplicates; merge one with: "
            "accountdesk duplicates --merge KEEP_ID OTHER_ID…",
            "{n} groups of likely duplicates; merge one with: "
            "accountdesk duplicates --merge KEEP_ID OTHER_ID…",
            len(clusters),
        ).format(n=format_number(len(clusters)))
    )
    return 0


def _merge(db: Any, args: argparse.Namespace) -> int:
    from accountdesk.core.services.duplicates import merge

    kept, *others = args.merge
    result = merge(db, kept, others)
    if args.json:
        _json(
            {
                "merge_id": result.merge_id,
                "kept_id": kept,
                "kept": result.kept_name,
                "merged_ids": others,
                "moved": result.moved,
                "dropped": result.dropped,
                "filled": list(result.filled),
            }
        )
        return 0
    _print(
        ngettext(
            "Merged {n} contact into {kept}; undo with: accountdesk duplicates --undo {merge}",
            "Merged {n} contacts into {kept}; undo with: accountdesk duplicates --undo {merge}",
            len(others),
        ).format(
            n=format_number(len(others)), kept=isolate(result.kept_name), merge=result.merge_id
        )
    )
    for line in _merge_lines(result):
        _print(line)
    return 0


def _merge_lines(result: MergeResult) -> list[str]:
    """What a merge did besides merging: the records moved to the kept contact, those not
    doubled, the fields filled. A merge of contacts with no records of their own says so
    (it printed "0 records were moved to the kept contact.")."""
    from accountdesk.core.services.duplicates import field_label

    moved = sum(result.moved.values())
    dropped = sum(result.dropped.values())
    lines = []
    if moved:
        lines.append(
            ngettext(
                "{n} record was moved to the kept contact.",
                "{n} records were moved to the kept contact.",
                moved,
            ).format(n=format_number(moved))
        )
    if dropped:
        lines.append(
            ngettext(
                "{n} record the kept contact already had was not doubled.",
                "{n} records the kept contact already had were not doubled.",
                dropped,
            ).format(n=format_number(dropped))
        )
    if not moved and not dropped:
        lines.append(
            _(
                "The merged contacts had no interactions, follow-ups, notes, gifts, survey "
                "answers, important dates or tags to move."
            )
        )
    if result.filled:
        lines.append(
            _("Filled in on the kept contact: {fields}.").format(
                fields=format_list(field_label(f) for f in result.filled)
            )
        )
    return lines


def _list_accounts(db: Any, args: argparse.Namespace) -> int:
    from accountdesk.core.services.account_merge import find_account_duplicates

    clusters = find_account_duplicates(db)
    if args.json:
        _json(
            [
                {
                    "accounts": [
                        {
                            "id": a.id,
                            "name": a.name,
                            "country": a.country,
                            "website": a.website,
                        }
                        for a in cluster.accounts
                    ],
                    "reasons": [
                        {"rule": r.rule, "first": r.first, "second": r.second, "value": r.value}
                        for r in cluster.reasons
                    ],
                }
                for cluster in clusters
            ]
        )
        return 0
    if not clusters:
        _print(_("No likely duplicate accounts."))
        return 0
    for number, cluster in enumerate(clusters, start=1):
        _print(
            ngettext(
                "{number}. {n} account that may be one company:",
                "{number}. {n} accounts that may be one company:",
                len(cluster.accounts),
            ).format(number=format_number(number), n=format_number(len(cluster.accounts)))
        )
        for account in cluster.accounts:
            _print(f"   {account.id}\t{account.name}\t{account.country}\t{account.website or ''}")
        for line in cluster.reason_lines():
            _print(f"   - {line}")
    _print(
        ngettext(
            "{n} group of likely duplicate accounts; merge one with: "
            "accountdesk duplicates --accounts --merge KEEP_ID OTHER_ID…",
            "{n} groups of likely duplicate accounts; merge one with: "
            "accountdesk duplicates --accounts --merge KEEP_ID OTHER_ID…",
            len(clusters),
        ).format(n=format_number(len(clusters)))
    )
    return 0


def _merge_accounts(db: Any, args: argparse.Namespace) -> int:
    from accountdesk.core.services.account_merge import merge_accounts, merge_lines

    kept, *others = args.merge
    result = merge_accounts(db, kept, others)
    if args.json:
        _json(
            {
                "merge_id": result.merge_id,
                "kept_id": kept,
                "kept": result.kept_name,
                "merged_ids": others,
                "moved": result.moved,
                "dropped": result.dropped,
                "filled": list(result.filled),
                "remarks": list(result.remarks),
                "alike_contacts": result.alike_contacts,
            }
        )
        return 0
    _print(
        ngettext(
            "Merged {n} account into {kept}; undo with: accountdesk duplicates --undo {merge}",
            "Merged {n} accounts into {kept}; undo with: accountdesk duplicates --undo {merge}",
            len(others),
        ).format(
            n=format_number(len(others)), kept=isolate(result.kept_name), merge=result.merge_id
        )
    )
    for line in merge_lines(result):
        _print(line)
    return 0


def _undo(db: Any, args: argparse.Namespace) -> int:
    from accountdesk.core.services import account_merge
    from accountdesk.core.services.duplicates import undo_merge, undo_text

    if account_merge.is_account_merge(db, args.undo):
        undone = account_merge.undo_account_merge(db, args.undo)
        if args.json:
            _json(
                {
                    "kept_id": undone.kept_id,
                    "restored_ids": list(undone.restored_ids),
                    "kept_edits": list(undone.kept_edits),
                }
            )
        else:
            _print(account_merge.undo_text(undone))
        return 0
    result = undo_merge(db, args.undo)
    if args.json:
        _json(
            {
                "kept_id": result.kept_id,
                "restored_ids": list(result.restored_ids),
                "kept_edits": list(result.kept_edits),
            }
        )
        return 0
    _print(undo_text(result))
    return 0


def _merges(db: Any, args: argparse.Namespace) -> int:
    from zoneinfo import ZoneInfo

    from accountdesk.core.queries.duplicates import recent_merges
    from accountdesk.core.settings import current_zone

    rows = recent_merges(db)
    if args.json:
        _json(
            [
                {
                    "id": r.id,
                    "kept_id": r.kept_id,
                    "kept": r.kept_name,
                    "merged": list(r.merged_names),
                    "merged_at": r.merged_at.isoformat(),
                    "undone_at": r.undone_at.isoformat() if r.undone_at else None,
                }
                for r in rows
            ]
        )
        return 0
    if not rows:
        _print(_("No merges yet."))
        return 0
    tz = ZoneInfo(current_zone(db))
    for row in rows:
        state = (
            _("undone {when}").format(when=format_when(row.undone_at, tz)) if row.undone_at else ""
        )
        merged = join_list(row.merged_names)
        when = format_when(row.merged_at, tz)
        _print(f"{row.id}\t{when}\t{row.kept_name}\t← {merged}\t{state}".rstrip())
    return 0


def cmd_duplicates(args: argparse.Namespace) -> int:
    from accountdesk.core.errors import UserError

    if args.accounts and (args.undo or args.merges):
        raise UserError(
            _("--accounts goes with --merge or alone; --undo and --merges take every merge.")
        )
    db = _open(args)
    if args.merge:
        if len(args.merge) < 2 and args.accounts:
            raise UserError(
                _("--merge takes the kept account's id, then the ids of the accounts to merge.")
            )
        if len(args.merge) < 2:
            raise UserError(
                _("--merge takes the kept contact's id, then the ids of the contacts to merge.")
            )
        return _merge_accounts(db, args) if args.accounts else _merge(db, args)
    if args.undo:
        return _undo(db, args)
    if args.merges:
        return _merges(db, args)
    return _list_accounts(db, args) if args.accounts else _list(db, args)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add ``duplicates`` to the main command line."""
    p = subparsers.add_parser(
        "duplicates",
        parents=[common],
        help=_("find likely duplicate contacts or accounts, merge them, undo a merge"),
    )
    p.add_argument(
        "--accounts",
        action="store_true",
        help=_("duplicate accounts instead of contacts (listed, or merged with --merge)"),
    )
    action = p.add_mutually_exclusive_group()
    action.add_argument(
        "--merge",
        nargs="+",
        metavar="ID",
        help=_(
            "merge contacts (accounts, with --accounts): the kept one's id first, then the others"
        ),
    )
    action.add_argument(
        "--undo", metavar="MERGE_ID", help=_("undo a merge (of contacts or of accounts)")
    )
    action.add_argument(
        "--merges", action="store_true", help=_("list the latest merges (with their ids)")
    )
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_duplicates)
