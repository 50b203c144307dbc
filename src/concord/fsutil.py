"""File-system helpers: atomic writes, Concord's temporary files and their clean-up.

Every file Concord writes (reports, baselines, caches of derived data, installed model
indexes) replaces its target atomically: it is written to a locked temporary file in the
same folder, flushed to disk and renamed over the target, so a reader never sees half a
file and an interrupted run leaves the old one in place. The temporary files a process
has open are registered, so the exit path of an interrupted run removes them
(:func:`discard_temp_files`), and the files a killed run left behind are recognised by
name and by their released lock (:func:`remove_stale_temp_files`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from pathlib import Path


def file_kind(mode: int) -> str:
    """What a file of ``st_mode`` ``mode`` is, for a message: "a named pipe (FIFO)", "a
    socket", "a device", "a directory", else "not a regular file"."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a regular file"


def current_umask() -> int:
    """The process umask (read by setting and restoring it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


TEMP_PREFIX = ".concord-"
TEMP_SUFFIX = ".tmp"


def _lock(fd: int) -> None:
    """Hold an advisory lock on a temporary file while it is being written, so that
    :func:`remove_stale_temp_files` can tell a live writer's file from a killed one's (the
    kernel releases the lock when the process dies, however it dies)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # pragma: no cover - a file system without locks
        pass


def temp_file(folder: str | os.PathLike) -> tuple[int, str]:
    """A new locked temporary file in ``folder`` (mode as ``open()`` would give it): its
    descriptor and path. Its name is short (the final name may already be near the
    255-byte limit) and starts with :data:`TEMP_PREFIX`."""
    _TEMP_FOLDERS.add(os.fspath(folder))  # before the file exists: see discard_temp_files
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=str(folder))
    _OWN_TEMP.add(tmp)
    try:
        os.fchmod(fd, 0o666 & ~current_umask())  # what open() would give, not mkstemp's 0600
        _lock(fd)
    except BaseException:
        os.close(fd)
        os.unlink(tmp)
        _OWN_TEMP.discard(tmp)
        raise
    return fd, tmp


# The temporary files this process has open, and the folders it made any in: an interrupt
# (Ctrl-C, SIGTERM) can land anywhere, even between a file's creation and the ``try`` that
# would remove it, so the exit path removes what is left (discard_temp_files).
_OWN_TEMP: set[str] = set()
_TEMP_FOLDERS: set[str] = set()


def temp_done(tmp: str) -> None:
    """``tmp`` (from :func:`temp_file`) was renamed into place or removed by its writer."""
    _OWN_TEMP.discard(tmp)


def discard_temp_files() -> None:
    """Remove this process's unfinished temporary files: those it registered, and any of
    Concord's temporary files in the folders it wrote to that no live process holds (one
    created in the instant before it was registered)."""
    for tmp in list(_OWN_TEMP):
        try:
            os.unlink(tmp)
        except OSError:
            pass
        _OWN_TEMP.discard(tmp)
    for folder in list(_TEMP_FOLDERS):
        remove_stale_temp_files(folder)


def remove_stale_temp_files(folder: str | os.PathLike) -> list[Path]:
    """Delete the temporary files a killed Concord run left in ``folder`` (``SIGKILL``,
    power loss): Concord's own temporary names only, and only those no live process holds
    locked. Returns what was removed."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        fcntl = None  # type: ignore[assignment]  # None: no locks to test (mypy types the name as the module)
    removed: list[Path] = []
    try:
        entries = sorted(Path(folder).iterdir())
    except OSError:
        return removed
    for p in entries:
        name = p.name
        if not (name.endswith(TEMP_SUFFIX) and name.startswith((TEMP_PREFIX, ".findings.json."))):
            continue  # (".findings.json.*.tmp": the name earlier versions used)
        try:
            if not stat.S_ISREG(p.lstat().st_mode):
                continue
            fd = os.open(p, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            if fcntl is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    continue  # a live writer holds it
            os.unlink(p)
            removed.append(p)
        except OSError:
            pass
        finally:
            os.close(fd)
    return removed


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike, binary: bool = False):
    """A file handle (UTF-8 text, or bytes with ``binary``) whose content replaces ``path``
    only when the block ends without an error (temporary file in the same folder, fsync,
    rename)."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = temp_file(p.parent)
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
        _OWN_TEMP.discard(tmp)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        _OWN_TEMP.discard(tmp)
        raise


def atomic_write(path: str | os.PathLike, data) -> None:
    """Write ``data`` (text, bytes, or an iterable of text chunks) to ``path`` atomically."""
    if isinstance(data, bytes):
        data = data.decode("utf-8")
    with atomic_writer(path) as fh:
        if isinstance(data, str):
            fh.write(data)
        else:
            for chunk in data:
                fh.write(chunk)


@contextlib.contextmanager
def temp_folder(prefix: str, folder: str | os.PathLike | None = None):
    """A new temporary folder (in ``folder``, else the system's), removed with everything
    in it when the block ends, however it ends; yields its path as a string."""
    tmp = tempfile.mkdtemp(prefix=prefix, dir=None if folder is None else str(folder))
    try:
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
