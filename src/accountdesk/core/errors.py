"""Errors the user sees. Their message is one translated sentence that says what and where."""

from __future__ import annotations


class UserError(Exception):
    """An error caused by input or circumstances, with a message meant for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ImportFailed(UserError):
    """A file cannot be imported; nothing was written. ``problems`` lists every finding (the
    message is the first, or a summary of them)."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or [message]


class NotFoundError(UserError):
    """The record asked for does not exist (or is in the trash)."""
