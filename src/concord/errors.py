"""Errors Concord reports to users as one line (never a traceback)."""

import threading

# Held while a line goes to standard error, and while a process is being spawned with its
# standard error sent nowhere (:func:`concord.executors._spawn_without_sigint`): for that
# instant the spawning thread points this process's descriptor 2 elsewhere, and a line
# written then would be lost.
STDERR_LOCK = threading.Lock()


class ConcordError(Exception):
    """An error with a one-line message for the user and an exit code."""

    exit_code = 2


class InputError(ConcordError):
    """A file or corpus that cannot be read or used (exit 2)."""


class UsageError(ConcordError):
    """A wrong combination of options (exit 2)."""


class BackendError(ConcordError):
    """A translation or NLP backend that is missing or failed (exit 2)."""
