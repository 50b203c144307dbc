"""``concord watch``: one long-lived process that checks a corpus again whenever one of
its files changes.

The process keeps what a run loads (language detectors, NER pipelines, the lexicon,
WordNet, Apertium's mode list) and the group store between runs, so a saved document costs
only its own story: every other group comes from the store (see :mod:`concord.store`),
unchanged files are not even read again (the file-state table), and the report writer
keeps the pages of unchanged stories. Each run rewrites the reports atomically, as
``check`` does.

Changes arrive as filesystem events through ``watchfiles`` when it is installed (inotify
on Linux); without it, or with ``polling``, the files' sizes and times are compared every
``interval`` seconds.

:class:`LiveServer` serves the report folder on 127.0.0.1 and adds to every HTML page it
sends a small script that asks the server, once a second, which run it is at and reloads
the page when that changes. The files on disk stay exactly what ``check`` writes (two runs
on the same corpus give the same bytes): the script exists only in what the server sends.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConcordError

POLL_INTERVAL = 0.25  # seconds between two scans of the files' times when polling
SETTLE = 0.05  # seconds without a new event before a burst of changes is checked


def warm_up_files(result: Any) -> list[str]:
    """The files of the smallest story of a run that has two versions or more: checking
    them once, without the cache, loads every model and backend a re-check of a saved
    document needs (lingua's models, the NER pipelines, Apertium's pipeline), so the first
    save is as quick as the next ones."""
    best: tuple[int, list[str]] | None = None
    for g in getattr(result, "summaries", None) or ():
        docs = g["documents"]
        files = sorted({result.paths[d["id"]] for d in docs if d["id"] in result.paths})
        if len(docs) < 2 or not files:
            continue
        size = sum(d.get("sentence_count", 0) for d in docs)
        if best is None or size < best[0]:
            best = (size, files)
    return best[1] if best else []


def events_available() -> bool:
    """Whether filesystem events can be had (``watchfiles`` importable)."""
    try:
        import watchfiles  # noqa: F401
    except ImportError:
        return False
    return True


def _ignored(path: str, skip: tuple[str, ...]) -> bool:
    """Files that are no input: inside the report folder or Concord's cache, editors'
    temporary and backup files, version-control folders."""
    if any(path == s or path.startswith(s + os.sep) for s in skip):
        return True
    name = os.path.basename(path)
    parts = path.split(os.sep)
    return (name.startswith((".#", "~$")) or name.endswith(("~", ".swp", ".swx", ".tmp", ".part"))
            or any(p in (".git", ".hg", ".svn", "__pycache__") for p in parts)
            or (name.startswith(".") and name.endswith(".tmp")))


def _snapshot(roots: list[Path], only: set[str] | None, skip: tuple[str, ...]) -> dict[str, tuple[int, int, int]]:
    """Every file under ``roots`` (or just the files in ``only``) with its size, time and
    inode: what tells a changed file when polling."""
    out: dict[str, tuple[int, int, int]] = {}

    def add(p: str) -> None:
        try:
            st = os.stat(p)
        except OSError:
            return  # gone since it was listed
        out[p] = (st.st_size, st.st_mtime_ns, st.st_ino)

    if only is not None:
        for p in only:
            add(p)
        return out
    for root in roots:
        for folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if not _ignored(os.path.join(folder, d), skip)]
            for name in files:
                p = os.path.join(folder, name)
                if not _ignored(p, skip):
                    add(p)
    return out


def poll_changes(roots: list[Path], only: set[str] | None = None, skip: tuple[str, ...] = (),
                 interval: float = POLL_INTERVAL, stop: threading.Event | None = None) -> Iterator[set[str]]:
    """The changed paths, one set per scan that found any, comparing sizes and times every
    ``interval`` seconds with the files as they are when this is called."""
    first = _snapshot(roots, only, skip)  # now, not at the first next()

    def scans(before: dict[str, tuple[int, int, int]]) -> Iterator[set[str]]:
        while stop is None or not stop.is_set():
            time.sleep(interval)
            now = _snapshot(roots, only, skip)
            changed = {p for p in before.keys() | now.keys() if before.get(p) != now.get(p)}
            before = now
            if changed:
                yield changed

    return scans(first)


def event_changes(roots: list[Path], only: set[str] | None = None, skip: tuple[str, ...] = (),
                  stop: threading.Event | None = None) -> Iterator[set[str]]:
    """The changed paths, one set per burst of filesystem events (``watchfiles``)."""
    import watchfiles

    recursive = only is None
    for batch in watchfiles.watch(*roots, step=int(SETTLE * 1000), stop_event=stop, recursive=recursive,
                                  watch_filter=None, raise_interrupt=True, ignore_permission_denied=True):
        changed = {os.path.abspath(p) for _kind, p in batch}
        changed = {p for p in changed if not _ignored(p, skip) and (only is None or p in only)}
        if changed:
            yield changed


def changes(roots: list[Path], only: set[str] | None = None, skip: tuple[str, ...] = (),
            polling: bool = False, interval: float = POLL_INTERVAL,
            stop: threading.Event | None = None) -> tuple[str, Iterator[set[str]]]:
    """How changes are found ("events" or "polling") and the iterator of changed paths."""
    if not polling and events_available():
        return "events", event_changes(roots, only, skip, stop)
    return "polling", poll_changes(roots, only, skip, interval, stop)


@dataclass
class WatchRun:
    """One run of a watch: its Result (None when it failed), what started it, how long it
    took from the change to the reports written, or the one-line error that stopped it."""

    number: int
    result: Any = None
    changed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None


class Watcher:
    """Check a corpus (``root``) or explicit ``files`` once, then again after every change.

    ``check`` runs one check (``concord.pipeline.check_corpus`` with the command's
    options, ``incremental`` after the first run); ``report(run)`` is called after every
    run, successful or not. A run that fails with a Concord error (a file deleted or
    unreadable in the middle of a save) is reported and the watch goes on."""

    def __init__(self, check: Callable[[bool], Any], report: Callable[[WatchRun], None],
                 root: Path | None = None, files: Iterable[Path] | None = None,
                 out: Path | None = None, polling: bool = False, interval: float = POLL_INTERVAL,
                 warm_up: Callable[[WatchRun], None] | None = None):
        self.check, self.report = check, report
        self.polling, self.interval = polling, interval
        self.warm_up = warm_up
        self.stop = threading.Event()
        self.runs = 0
        skip = []
        if out is not None:
            skip.append(os.path.abspath(out))
        self.skip = tuple(skip)
        if files is not None:
            self.only: set[str] | None = {os.path.abspath(p) for p in files}
            self.roots = sorted({Path(os.path.dirname(p)) for p in self.only})
        else:
            assert root is not None
            self.only = None
            self.roots = [Path(os.path.abspath(root))]
        self.mode = "events" if (not polling and events_available()) else "polling"

    def _run(self, first: bool, changed: list[str], t0: float) -> WatchRun:
        self.runs += 1
        run = WatchRun(self.runs, changed=changed)
        try:
            run.result = self.check(first)
        except ConcordError as exc:
            run.error = str(exc)
        except OSError as exc:  # a file that went away or became unreadable mid-run
            run.error = f"{getattr(exc, 'filename', '') or ''}: {exc.strerror or exc}".lstrip(": ")
        run.seconds = time.perf_counter() - t0
        self.report(run)
        return run

    def _listen(self, found: Iterator[set[str]]) -> None:
        """Move each batch of changed paths to the queue the runs are taken from."""
        try:
            for changed in found:
                self.queue.put(changed)
        except Exception as exc:  # noqa: BLE001 - a watch that cannot go on says why, once
            self.queue.put(exc)

    def start(self) -> WatchRun:
        """Start listening for changes (a save during the first run counts too), then the
        first run (every group not in the store is computed)."""
        import queue

        self.queue: queue.Queue[set[str] | Exception] = queue.Queue()
        mode, found = changes(self.roots, self.only, self.skip, self.polling, self.interval, self.stop)
        self.mode = mode
        self.listener = threading.Thread(target=self._listen, args=(found,), name="concord-watch", daemon=True)
        self.listener.start()
        run = self._run(True, [], time.perf_counter())
        if self.warm_up is not None:
            self.warm_up(run)  # what a re-check of one story needs, loaded here once
        return run

    def _next(self) -> set[str]:
        """The paths changed since the last run (every batch waiting, merged), waiting for
        one; short waits, so Ctrl-C and SIGTERM are handled at once."""
        import queue

        while True:
            try:
                item = self.queue.get(timeout=0.2)
                break
            except queue.Empty:
                continue
        changed: set[str] = set()
        while True:
            if isinstance(item, Exception):
                raise ConcordWatchError(f"watching stopped: {item}")
            changed |= item
            try:
                item = self.queue.get_nowait()
            except queue.Empty:
                return changed

    def loop(self, max_runs: int | None = None) -> None:
        """Run again after each change until interrupted (or ``max_runs`` more runs)."""
        done = 0
        try:
            while max_runs is None or done < max_runs:
                changed = self._next()
                self._run(False, sorted(changed), time.perf_counter())
                done += 1
        finally:
            self.stop.set()


class ConcordWatchError(ConcordError):
    """The source of change events failed (a watched folder removed, an inotify limit)."""


_LIVE_PATH = "/.concord-live"  # what the pages ask for: the number of the last finished run


class LiveServer:
    """The report folder on http://127.0.0.1:PORT/, its HTML pages with the live-reload
    script added (see :func:`concord.report.html.live_page`); ``bump`` tells the pages a
    new report is written. Only the folder's own files are served, to this machine only."""

    def __init__(self, folder: Path, port: int = 0):
        from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

        from .report.html import live_page

        self.folder = Path(folder)
        self.generation = 0
        server = self

        class Handler(SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(server.folder), **kwargs)

            def log_message(self, format, *args):
                pass  # no access log on the terminal

            def do_GET(self):
                path = self.path.split("?", 1)[0].split("#", 1)[0]
                if path == _LIVE_PATH:
                    return self._send(str(server.generation).encode(), "text/plain; charset=utf-8")
                if path == "/":
                    path = "/index.html"
                if path.endswith(".html"):
                    local = self.translate_path(path)
                    try:
                        with open(local, "rb") as fh:
                            body = fh.read()
                    except OSError:
                        return self.send_error(404)
                    return self._send(live_page(body, _LIVE_PATH), "text/html; charset=utf-8")
                return super().do_GET()

            def _send(self, body: bytes, ctype: str):
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.2},
                                       name="concord-live", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self) -> LiveServer:
        self.thread.start()
        return self

    def bump(self) -> None:
        self.generation += 1

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
