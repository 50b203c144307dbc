"""Errors Concord reports to users as one line (never a traceback)."""


class ConcordError(Exception):
    """An error with a one-line message for the user and an exit code."""

    exit_code = 2


class InputError(ConcordError):
    """A file or corpus that cannot be read or used (exit 2)."""


class UsageError(ConcordError):
    """A wrong combination of options (exit 2)."""


class BackendError(ConcordError):
    """A translation or NLP backend that is missing or failed (exit 2)."""
