"""The message of an import refused as a whole: the one rule of every importer (CSV, vCard,
JSON export, exchange rates), which then raises its own :class:`~accountdesk.core.errors.
ImportFailed` with it and the list of problems."""

from __future__ import annotations

from collections.abc import Sequence

from accountdesk.core.i18n import _, format_number, ngettext


def nothing_imported(problems: Sequence[str]) -> str:
    """The first of ``problems`` (sentences; at least one), how many more there are, and that
    nothing was imported, as one translated sentence: "Row 3: … (and 2 more problems). Nothing
    was imported." The first problem's own full stop gives way to the sentence's."""
    first = problems[0].rstrip(".")
    more = len(problems) - 1
    if more:
        first = ngettext(
            "{first} (and {n} more problem)", "{first} (and {n} more problems)", more
        ).format(first=first, n=format_number(more))
    return _("{problem}. Nothing was imported.").format(problem=first)
