"""Screenshots of the main screens in one language, to look at after a change.

    QT_QPA_PLATFORM=offscreen uv run python scripts/tour.py fa /tmp/tour

writes ``<lang>-<screen>.png`` into the folder: Today, the account and contact lists, a contact
with the reach-out panel, the Follow-ups screen, the scheduling dialog, the meeting planner,
Countries, Reports, Duplicates and the import dialog (on the Google Contacts sample of
``tests/data``), on a demo database made for the tour (in a temporary data folder: nothing of
yours is touched). Contacts from Japan, China and Korea are added so that CJK names show up;
``--contact NAME`` picks the contact the contact screenshot shows; ``--db URL`` tours an empty
team server's database instead of a new file.

``--size 1024x700`` shoots the window at that size (a small laptop's screen); ``--dialogs``
adds every editor and list dialog (Settings → Me, the account and contact editors, quick log,
deal, survey, gift, note, country note, trash, backups, exchange rates); ``--empty`` tours a
database with nothing in it, as a new user first sees it (the first-run dialog, the empty
lists and Today). ``--dark`` shows it all in a dark palette, as a dark desktop theme gives it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lang")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--contact", default="", help="part of a contact's name")
    parser.add_argument("--accounts", type=int, default=60)
    parser.add_argument("--db", help="an empty database to tour instead (a team server's URL)")
    parser.add_argument("--size", default="1280x820", help="the window's size, WIDTHxHEIGHT")
    parser.add_argument("--dialogs", action="store_true", help="every editor and list dialog")
    parser.add_argument("--empty", action="store_true", help="a database with nothing in it")
    parser.add_argument("--dark", action="store_true", help="a dark desktop theme's palette")
    args = parser.parse_args(argv)
    width, height = (int(part) for part in args.size.lower().split("x"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="accountdesk-tour-"))
    os.environ["ACCOUNTDESK_HOME"] = str(home)
    args.folder.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QDialog

    from accountdesk.core.db.engine import open_database
    from accountdesk.core.demo import generate
    from accountdesk.core.queries.search import search
    from accountdesk.ui import tasks
    from accountdesk.ui.app import apply_language, create_app
    from accountdesk.ui.context import AppContext
    from accountdesk.ui.main_window import MainWindow

    app = create_app()
    if args.dark:
        from accountdesk.ui.colours import dark_palette

        app.setPalette(dark_palette())
    apply_language(args.lang)
    db = open_database(args.db or home / "tour.db")
    if not args.empty:
        generate(db, accounts=args.accounts, seed=7)
    ctx = AppContext(db)
    window = MainWindow(ctx, QSettings(str(home / "ui.ini"), QSettings.Format.IniFormat))
    window.resize(width, height)
    window.show()

    def settle() -> None:
        for _ in range(8):
            app.processEvents()
            tasks.wait_all()
        app.processEvents()

    def save(widget: object, name: str) -> None:
        settle()
        path = args.folder / f"{args.lang}-{name}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        print(path)

    for key in ("today", "accounts", "contacts", "followups", "countries", "reports", "duplicates"):
        window.show_screen(key)
        save(window, key)
    if args.empty:
        from accountdesk.ui.firstrun import FirstRunDialog

        first = FirstRunDialog(ctx, window)
        first.show()
        save(first, "firstrun")
        first.reject()
        window.close()
        QApplication.processEvents()
        return 0

    found = search(db, args.contact or "a", limit=50)
    hits = [h for h in found if h.kind == "contact"]
    if hits:
        window.open_record("contact", hits[0].id)
        save(window, "contact")
    accounts = [h for h in found if h.kind == "account"]
    if accounts:  # the "Before you reach out" box made a small window taller here
        window.open_record("account", accounts[0].id)
        save(window, "account")

    window.show_screen("followups")
    settle()
    screen = window.screen_widget("followups")
    from accountdesk.ui.followups.planner import PlannerDialog
    from accountdesk.ui.followups.schedule import ScheduleDialog

    contact_ids = [h.id for h in hits[:2]]
    dialogs: list[tuple[QDialog, str]] = [
        (ScheduleDialog(ctx, contact_ids[0] if contact_ids else None, parent=screen), "schedule"),
        (PlannerDialog(ctx, contact_ids, screen), "planner"),
    ]
    from accountdesk.ui.import_dialog import ImportDialog

    sample = Path(__file__).resolve().parents[1] / "tests" / "data" / "google_contacts.csv"
    dialogs.append((ImportDialog(ctx, sample, window), "import"))
    if args.dialogs:
        dialogs.extend(_more_dialogs(ctx, window, search))
    for dialog, name in dialogs:
        dialog.show()
        if name in ("schedule", "planner", "import"):
            dialog.resize(max(dialog.width(), 900), max(dialog.height(), 560))
        save(dialog, name)
        dialog.reject()
    window.close()
    QApplication.processEvents()
    return 0


def _more_dialogs(ctx: Any, window: Any, search: Any) -> list[tuple[Any, str]]:
    """Every editor and list dialog, on the first account and contact the search finds."""
    from accountdesk.core.queries.details import account_detail, account_people
    from accountdesk.ui.accounts.editor import AccountEditor
    from accountdesk.ui.activity import (
        DealDialog,
        GiftDialog,
        InteractionDialog,
        NoteDialog,
        SurveyDialog,
    )
    from accountdesk.ui.backups import BackupsDialog
    from accountdesk.ui.contacts.editor import ContactEditor
    from accountdesk.ui.culture_panel import CountryNoteDialog
    from accountdesk.ui.me import MeDialog
    from accountdesk.ui.quicklog.dialog import QuickLogDialog
    from accountdesk.ui.reports.rates import RatesDialog
    from accountdesk.ui.trash.dialog import TrashDialog

    hits = search(ctx.db, "a", limit=50)
    account = next(h.id for h in hits if h.kind == "account")
    contact = next(h.id for h in hits if h.kind == "contact")
    people = account_people(ctx.db, account)
    logged = account_detail(ctx.db, account).interactions[0]
    return [
        (InteractionDialog(ctx, account, logged, window, people=people), "interaction"),
        (MeDialog(ctx, window), "me"),
        (AccountEditor(ctx, account, parent=window), "account-editor"),
        (ContactEditor(ctx, contact, parent=window), "contact-editor"),
        (QuickLogDialog(ctx, contact_id=contact, parent=window), "quicklog"),
        (DealDialog(ctx, account, parent=window), "deal"),
        (SurveyDialog(ctx, account, parent=window, people=people), "survey"),
        (GiftDialog(ctx, account, parent=window, people=people), "gift"),
        (NoteDialog(ctx, account_id=account, parent=window), "note"),
        (CountryNoteDialog(ctx, "LV", parent=window), "country-note"),
        (TrashDialog(ctx, window), "trash"),
        (BackupsDialog(ctx, window), "backups"),
        (RatesDialog(ctx, window), "rates"),
    ]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
