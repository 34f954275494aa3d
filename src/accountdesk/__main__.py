"""``python -m accountdesk``: the same as the ``accountdesk`` command."""

from accountdesk.cli import run

raise SystemExit(run())
