"""The messages of an import refused as a whole, alike for every importer (CSV, vCard, JSON
export, exchange rates), which raises its own :class:`~accountdesk.core.errors.ImportFailed`
with them: a file the system would not read (:func:`unreadable`), problems found in it
(:func:`nothing_imported`), and the user's Cancel (:func:`cancelled`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from accountdesk.core.errors import os_reason
from accountdesk.core.i18n import _, format_number, ltr_shown, ngettext


def unreadable(path: Path | str, error: OSError) -> str:
    """The file ``path`` could not be read, and why the system refused it (in the user's
    language: :func:`~accountdesk.core.errors.os_reason`)."""
    return _("{path} cannot be read: {reason}").format(
        path=ltr_shown(path), reason=os_reason(error)
    )


def nothing_imported(problems: Sequence[str], *, cut: bool = False) -> str:
    """The first of ``problems`` (sentences; at least one), how many more there are, and that
    nothing was imported, as one translated sentence: "Row 3: … (and 2 more problems). Nothing
    was imported." The first problem's own full stop gives way to the sentence's. ``cut``:
    ``problems`` are the first of more (the check stopped looking): the sentence says so
    instead of a count that would be false ("the first 50 problems are listed; there are
    more")."""
    first = problems[0].rstrip(".")
    more = len(problems) - 1
    if cut:
        first = ngettext(
            "{first} (the first problem is listed; there are more)",
            "{first} (the first {n} problems are listed; there are more)",
            len(problems),
        ).format(first=first, n=format_number(len(problems)))
    elif more:
        first = ngettext(
            "{first} (and {n} more problem)", "{first} (and {n} more problems)", more
        ).format(first=first, n=format_number(more))
    return _("{problem}. Nothing was imported.").format(problem=first)


def cancelled() -> str:
    """The user cancelled the import before it was written: nothing was."""
    return _("The import was cancelled; nothing was written.")
