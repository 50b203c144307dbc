"""``concord watch``: one long-lived process that checks a corpus again whenever one of
its files changes.

The process keeps what a run loads (language detectors, NER pipelines, the lexicon,
WordNet, Apertium's mode list) and, in a :class:`WatchSession`, what a run derives from
the whole corpus, so a saved document costs about its own story: the corpus listing is
updated from the changed paths (only the saved file is read; see :class:`Listing`), every
other group comes from the store held in memory (see :mod:`concord.store`), and the report
writer reuses each unchanged group's pieces (its page on disk, its text in findings.json,
SARIF and JUnit, its index rows). Each run rewrites the reports atomically, as ``check``
does, with the same bytes.

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
from typing import Any, cast

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
                 warm_up: Callable[[WatchRun], None] | None = None, session: WatchSession | None = None):
        self.check, self.report = check, report
        self.session = session  # told the changed paths before each run
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
        if self.session is not None:
            self.session.changed(changed)
        try:
            run.result = self.check(first)
        except ConcordError as exc:
            run.error = str(exc)
        except OSError as exc:  # a file that went away or became unreadable mid-run
            run.error = f"{getattr(exc, 'filename', '') or ''}: {exc.strerror or exc}".lstrip(": ")
        if run.error is not None and self.session is not None:
            self.session.failed()
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


# --- what the watch keeps between its runs ----------------------------------------------

class Listing:
    """The corpus listing of a watch, kept between its runs and updated from the changed
    paths, so a saved document costs the reading of that file only (not the listing of
    the folder and a look at every file).

    The first run (and any run after a change this cannot follow exactly: the manifest, a
    folder, a symbolic link, a file of another type, a file that could not be read or now
    cannot) lists and reads the corpus as ``check`` does (:func:`concord.corpus.read_corpus`,
    trusting the recorded file states). Otherwise the files named by :meth:`changed` are
    read again (or forgotten when gone) and every other file's documents come from its
    recorded state, unread, exactly as ``read_corpus`` recalls an unchanged file."""

    def __init__(self) -> None:
        self.args: tuple | None = None  # (root, exclude, max_bytes, docx_changes) of the last read
        self.states: dict[str, Any] = {}  # corpus path -> FileState of every file read
        self.skipped: list[tuple[str, str]] = []  # what the last full read passed over
        self.pending: set[str] | None = None  # paths changed since; None: list everything again
        self.docs: dict[str, tuple[Any, list]] = {}  # corpus path -> (its state, its documents, unread)

    def changed(self, paths: Iterable[str]) -> None:
        """Paths created, changed, deleted or renamed since the last run."""
        if self.pending is not None:
            self.pending |= {os.path.abspath(p) for p in paths}

    def forget(self) -> None:
        """List and read everything again at the next run (after a failed run)."""
        self.pending = None

    def read_corpus(self, root, max_bytes: int | None = None, warn=None, exclude=(), known=None,
                    docx_changes: str = "accepted"):
        """:func:`concord.corpus.read_corpus`, from what is kept when it can be."""
        from .corpus import read_corpus
        from .textio import DEFAULT_MAX_BYTES

        max_bytes = max_bytes or DEFAULT_MAX_BYTES
        args = (os.path.abspath(root), tuple(sorted(os.path.abspath(e) for e in exclude)), max_bytes, docx_changes)
        if known is not None and self.pending is not None and args == self.args and self._update(args):
            return self._corpus(Path(root), warn)
        corpus = read_corpus(root, max_bytes=max_bytes, warn=warn, exclude=exclude, known=known,
                             docx_changes=docx_changes)
        self._keep(corpus, args, known is not None)
        return corpus

    def _keep(self, corpus, args: tuple, recorded: bool) -> None:
        self.args = args
        self.states = dict(corpus.states)
        self.skipped = list(corpus.skipped)  # (before the run adds the manifest's)
        # names printed otherwise than they are (see textio.printable_path): listed again
        odd = any("\\" in rel for rel in self.states) or any("same name as printed" in r for _, r in self.skipped)
        self.pending = set() if (recorded and not odd) else None

    def _update(self, args: tuple) -> bool:
        """Apply the pending changes to the kept states; False when only a full listing can
        say what they did (nothing is changed then)."""
        import stat as stat_

        from .corpus import MANIFEST, SKIP_NAMES, anchors, load_documents
        from .errors import InputError
        from .filestate import FileState
        from .reading import SUPPORTED_SUFFIXES

        base, exclude, max_bytes, docx_changes = args
        assert self.pending is not None
        states = dict(self.states)
        skipped = {rel for rel, _ in self.skipped}
        folders = [rel for rel in skipped if rel.endswith("/")]
        for p in sorted(self.pending):
            if p == base or not p.startswith(base + os.sep):
                continue
            if any(p == e or p.startswith(e + os.sep) for e in exclude):
                continue
            rel = os.path.relpath(p, base).replace(os.sep, "/")
            parts = rel.split("/")
            if any(x.startswith(".") for x in parts) or parts[-1] in SKIP_NAMES - {MANIFEST}:
                continue  # never read (hidden, the corpus's own notes)
            if parts[-1] == MANIFEST or rel in skipped or any(rel.startswith(f) for f in folders):
                return False  # the manifest, or what the listing passed over (a file, a folder)
            try:
                st = os.lstat(p)
            except OSError:  # gone
                if any(s.startswith(rel + "/") for s in states):
                    return False  # a folder
                states.pop(rel, None)
                continue
            if not stat_.S_ISREG(st.st_mode) or os.path.splitext(p)[1].lower() not in SUPPORTED_SUFFIXES:
                return False  # a folder, a link, a file of another type: the full listing says
            now = time.time_ns()  # as read_corpus records a file: see corpus.RACY_NS
            try:
                st = os.stat(p)
                warnings: list[str] = []
                docs = load_documents(p, rel, max_bytes=max_bytes, warnings=warnings, docx_changes=docx_changes)
            except (OSError, InputError):
                return False  # skipped, with its reason, by the full listing
            meta = [{"id": d.id, "encoding": d.encoding, "format": d.format, "language": d.language,
                     "prealigned": d.prealigned, "package": d.package, "anchors": sorted(anchors(d))}
                    for d in docs]
            states[rel] = FileState(st.st_size, st.st_mtime_ns, st.st_ctime_ns, now, docs[0].sha256, meta, warnings)
        if not states:
            return False  # an empty corpus: read_corpus says so
        self.states = states
        self.pending = set()
        return True

    def _corpus(self, base: Path, warn):
        """The corpus of the kept states: every document recalled unread, as read_corpus
        recalls an unchanged file (its group, if computed, reads it)."""
        from .corpus import Corpus, unread_document

        corpus = Corpus(root=base)
        corpus.skipped = list(self.skipped)
        for rel, reason in self.skipped:
            if warn and not reason.startswith("unsupported") and not reason.startswith("the report folder"):
                warn(f"skipped {rel}: {reason}")
        kept = {}
        for rel in sorted(self.states):
            state = self.states[rel]
            path = base.joinpath(*rel.split("/"))
            hit = self.docs.get(rel)
            if hit is not None and hit[0] is state:  # (unread documents: nothing of a run changes them)
                docs = hit[1]
            else:
                docs = [unread_document(m, rel, state.digest) for m in state.documents]
            kept[rel] = (state, docs)
            for d, m in zip(docs, state.documents):
                corpus.documents.append(d)
                corpus.unread[d.id] = path
                corpus.anchors[d.id] = set(m["anchors"])
            corpus.warnings.extend(state.warnings)
            corpus.states[rel] = state
        self.docs = kept
        if warn:
            for w in corpus.warnings:
                warn(w)
        return corpus


class _Parts:
    """One group's pieces of the reports, kept by its content key: its text in
    findings.json (indented for its place), its slim summary, its index summary, its page
    (name, the file's inode and time when written, the banner), and its SARIF and JUnit
    texts once made."""

    __slots__ = ("id", "placed", "slim_text", "summary", "summary_text", "page", "line", "sarif", "junit", "index")

    def __init__(self, id: str, placed: bytes, slim_text: str, summary: dict, summary_text: str,
                 page: tuple | None):
        self.id, self.placed, self.slim_text = id, placed, slim_text
        self.summary, self.summary_text, self.page = summary, summary_text, page
        self.line: str | None = None
        self.sarif: tuple | None = None
        self.junit: tuple | None = None
        self.index: tuple | None = None  # (source, the story's index rows, their tally)


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns


class _NoSpool:
    """Where a watch's writer sends what ReportWriter would spool (it keeps them)."""

    def append(self, summary: Any) -> None:
        pass

    def append_text(self, text: str) -> None:
        pass


class _SlimTexts:
    """A run's slim groups as the watch's writer keeps them (their JSON texts, in memory):
    what :class:`concord.report.spool.GroupSpool` gives a Result, parsed when read."""

    def __init__(self, texts: list[str]):
        self.texts = texts

    def __len__(self) -> int:
        return len(self.texts)

    def __iter__(self) -> Iterator[Any]:
        import json

        return (json.loads(t) for t in self.texts)

    def select(self, positions: set[int]) -> Iterator[Any]:
        """The groups at ``positions``, in order; the others are not parsed."""
        import json

        return (json.loads(self.texts[i]) for i in sorted(positions) if 0 <= i < len(self.texts))


def _writer_class():
    """:class:`concord.report.ReportWriter` with the pieces of unchanged groups reused
    (made on first use: the report writers load only when reports are written)."""
    import json

    from .fsutil import atomic_write
    from .report import ReportWriter, remove_old_reports
    from .report import csvfile as csv_report
    from .report import html as html_report
    from .report import junit as junit_report
    from .report import sarif as sarif_report
    from .report.findings_json import group_line, placed_fragment, result_dict
    from .store import StoredGroup

    class WatchWriter(ReportWriter):
        """Writes the reports of a watch's run: the same bytes as ``check``; the groups
        whose content key is unchanged since the last run give their kept pieces (their
        page stays on disk as it is; their texts in findings.json, SARIF and JUnit, their
        index rows are not made again)."""

        def __init__(self, session: WatchSession, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.session = session
            self.fast = self.baseline_ids is None
            self.parts: list[_Parts] = []
            self.order: list[str] = []  # the groups' content keys, in the order of parts

        def _page_current(self, parts: _Parts) -> bool:
            if self.env is None:
                return True
            if parts.page is None:
                return False
            name, stamp, notices = parts.page
            return notices == tuple(self.notices) and stamp is not None and _stamp(self.out / name) == stamp

        def add(self, group, key=None) -> None:
            if not self.fast or key is None or not isinstance(group, StoredGroup):
                if self.fast:  # from here on as ReportWriter: its spools get the groups so far
                    self.fast = False
                    for p in self.parts:
                        self.slim.append_text(p.slim_text)
                        self.summaries.append_text(p.summary_text)
                super().add(group, key)
                return
            parts = self.session.parts.get(key)
            if parts is not None and parts.id == group.id and self._page_current(parts):
                if self.env is not None:
                    self.keys[group.id] = key
                    self.pages.add(parts.page[0])  # type: ignore[index]  # (checked above)
                if self.json is not None:
                    self.json.add_placed(parts.placed)
                if self.jsonl is not None:
                    if parts.line is None:
                        parts.line = group_line(json.loads(group.fragment))
                    self.jsonl.add_line(parts.line)
            else:
                spools = self.slim, self.summaries
                self.slim = self.summaries = cast(Any, _NoSpool())  # (kept in parts: see finish)
                try:
                    super().add(group, key)
                finally:
                    self.slim, self.summaries = spools
                summary = dict(group.summary)
                page = None
                if self.env is not None:
                    name = html_report.page_name(group.id, str(summary.get("headline") or ""))
                    page = (name, _stamp(self.out / name), tuple(self.notices))
                parts = _Parts(group.id, placed_fragment(group.fragment), group.slim_text, summary,
                               json.dumps(summary, ensure_ascii=False, separators=(",", ":")), page)
            self.parts.append(parts)
            self.order.append(key)

        def finish(self):
            if not self.fast:
                self.session.parts = {}
                return super().finish()
            result = self.header
            result.groups = _SlimTexts([p.slim_text for p in self.parts])
            summaries: list[Any] = [p.summary for p in self.parts]
            result.summaries = summaries
            written = []
            if self.env is not None:
                source = result.settings.get("source", "")
                stories = []
                for p in self.parts:
                    if p.index is None or p.index[0] != source:
                        p.index = (source, *html_report.story_index_rows(json.loads(p.slim_text), p.summary, source))
                    stories.append((p.summary, p.index[1], p.index[2]))
                top, counts = html_report.index_findings_of(stories)
                written += html_report.write_index(self.env, result_dict(result), summaries, self.out, top,
                                                   result.paths, counts, self.notices, self.keys)
            if self.json is not None:
                written.append(self.json.finish(result.baseline))
            if self.jsonl is not None:
                written.append(self.jsonl.finish())
            if "sarif" in self.formats:
                root = sarif_report.outside_root(result)
                where = (root, os.getcwd())
                ids = sarif_report.rule_ids()
                artifacts: set = set()
                texts = []
                for p in self.parts:
                    if p.sarif is None or p.sarif[0] != where:
                        g = json.loads(p.slim_text)
                        p.sarif = (where, sarif_report.group_text(result, g, root, ids),
                                   sarif_report.group_artifacts(result, g, root))
                    artifacts |= p.sarif[2]
                    texts.append(p.sarif[1])
                path = self.out / "findings.sarif"
                atomic_write(path, sarif_report.chunks_from(result, root, artifacts, texts))
                written.append(path)
            if "junit" in self.formats:
                suites = []
                for p in self.parts:
                    if p.junit is None or p.junit[0] != self.fail_on:
                        p.junit = (self.fail_on, junit_report.group_text(json.loads(p.slim_text), self.fail_on))
                    suites.append(p.junit[1])
                path = self.out / "junit.xml"
                atomic_write(path, junit_report.chunks_from(suites))
                written.append(path)
            if "csv" in self.formats:
                written += csv_report.write(result, self.out)
            self.written = written
            remove_old_reports(self.out, {p.name for p in written} | self.pages)
            # the pieces of this run's groups only: memory follows the corpus, not its history
            self.session.parts = dict(zip(self.order, self.parts))
            return result

    return WatchWriter


class WatchSession:
    """What one ``concord watch`` process keeps between its runs, so that a run after a
    saved document costs about that document's story: the corpus listing
    (:class:`Listing`), the stored groups and file states (in memory beside the store, see
    :func:`concord.store.keep_in_memory`), the index rows of unchanged stories (see
    :func:`concord.report.html.keep_index_rows`) and every group's pieces of the reports.
    Give it to :func:`concord.pipeline.check_corpus` (``session=``) for every run; the
    reports are the bytes ``check`` writes for the same files."""

    def __init__(self) -> None:
        from .report.html import keep_index_rows
        from .store import keep_in_memory

        keep_in_memory()
        keep_index_rows()
        self.listing = Listing()
        self.parts: dict[str, _Parts] = {}
        self._writer: Any = None
        self._real: dict[str, str] = {}

    def real(self, path: str) -> str:
        """``os.path.realpath(path)``, resolved once per path for the session (a run's
        terminal lines look up every path of the corpus: thousands of system calls each)."""
        hit = self._real.get(path)
        if hit is None:
            hit = self._real[path] = os.path.realpath(path)
        return hit

    def changed(self, paths: Iterable[str]) -> None:
        """Paths changed since the last run (created, changed, deleted, renamed)."""
        self.listing.changed(paths)

    def failed(self) -> None:
        """A run failed: the next one lists the corpus again (and resolves paths again)."""
        self.listing.forget()
        self._real.clear()

    def read_corpus(self, *args, **kwargs):
        return self.listing.read_corpus(*args, **kwargs)

    def writer(self, *args, **kwargs):
        if self._writer is None:
            self._writer = _writer_class()
        return self._writer(self, *args, **kwargs)

    def close(self) -> None:
        """Forget what was kept (the process goes on without a watch)."""
        from .report.html import keep_index_rows
        from .store import keep_in_memory

        keep_in_memory(False)
        keep_index_rows(False)
        self.parts = {}
        self.listing = Listing()
