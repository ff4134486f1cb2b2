"""Errors the domain and services raise, each with a Chinese message fit to show a user (domain layer)."""

from __future__ import annotations


class DomainError(Exception):
    """A problem the user can fix; ``str(error)`` is the Chinese message to show."""


class ValidationError(DomainError):
    """Input that cannot be saved. ``problems`` lists every problem, each a full Chinese sentence."""

    def __init__(self, problems: list[str] | str):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


class ConflictError(DomainError):
    """Someone else saved the record since it was opened (optimistic locking)."""


class NotFoundError(DomainError):
    """The record no longer exists (deleted by someone else)."""


class ReadOnlyError(DomainError):
    """The database is open read-only (another user holds the lock)."""


class DatabaseError(DomainError):
    """The database file cannot be used as it is (newer than the app, damaged, locked)."""


class DamagedDatabaseError(DatabaseError):
    """The file fails SQLite's integrity check; a backup is the cure. ``details``: SQLite's own
    (English) words, for the log and a dialog's details, never the message itself."""

    def __init__(self, message: str, details: str = ""):
        super().__init__(message)
        self.details = details


class NewerSchemaError(DatabaseError):
    """The file was written by a newer version of the app; restoring an old backup is no cure."""
