"""The library API: read -> segment -> detect -> translate -> align -> extract -> compare
-> report.

``check_corpus`` is the one path every checking command takes (``check`` on a folder,
``compare`` on explicit files, ``baseline``): it reads, groups, processes groups (in worker
processes with ``jobs``, from the group store when unchanged with ``incremental``) and,
given ``out``, streams the reports as groups finish. Each stage lives in its own module
and the data flows one way: documents are annotated in place, alignment gives
:class:`~concord.document.Bead` lists, the checks give :class:`~concord.document.Finding`
lists, and :mod:`concord.report.findings_json` turns each :class:`GroupResult` into its
findings.json entry.
"""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from pathlib import Path
from typing import Any

from .align import align_documents
from .compute import STAGES, Timings, prepare_document, process_groups, unit_beads  # noqa: F401  (re-exported)
from .config import Settings, known_language
from .corpus import (
    Corpus,
    Listing,
    check_output_folder,
    group_documents,
    load_document,
    load_documents,
    load_manifest,
    load_unread,
    read_corpus,
)
from .detect import annotate_languages
from .document import Document, Group, GroupDict, GroupMethod, Sentence, SkippedDict, UncomparedDict
from .document import Result as BaseResult
from .errors import BackendError, ConcordError, InputError, UsageError
from .executors import EXECUTORS, run_chunks
from .facts.ner import SPACY_MODELS, backend_name, get_ner
from .fsutil import temp_folder
from .lang import LANGUAGES, PIVOT
from .remote import is_url, local_path, staged_corpus, upload_reports
from .report import ReportWriter, prepare_group, suppress
from .report.findings_json import result_dict
from .segment import segment_document
from .store import GroupStore, StoredGroup, key_for_group
from .textio import DEFAULT_MAX_BYTES
from .translate import TranslationCache, get_translator, translate_documents
from .version import __version__


class Result(BaseResult):
    """Everything a run produced (:class:`concord.document.Result`); ``to_dict`` is
    findings.json."""

    def to_dict(self) -> dict[str, Any]:
        """findings.json as a dict."""
        return result_dict(self)


def _backend_versions(settings: Settings) -> dict:
    """Which backend (and version) would translate each language into the pivot."""
    out = {}
    for lang in settings.languages:
        if lang == settings.pivot:
            continue
        try:
            tr = get_translator(settings.translator, lang, settings.pivot)
            out[lang] = f"{tr.name}:{tr.version(lang, settings.pivot) if tr.name != 'none' else ''}"
        except ConcordError as exc:
            out[lang] = f"unavailable:{exc}"
    ner = get_ner(settings.names)
    for lang in settings.languages:
        name = backend_name(ner, lang)
        version = ner.version(lang) if name != "rules" else ""
        out[f"names-{lang}"] = version if version.startswith(name + ":") else f"{name}:{version}"
    return out


_NER_HINTS = {
    "stanza": ("bash scripts/install.sh --neural (or pip install torch==2.13.0, then pip install '.[neural]' in the "
               "source folder)",
               "concord models install --stanza FILE.zip (or SRC TGT with a network)"),
    "spacy": ("pip install spacy==3.8.18 (a dependency of Concord), then concord models install spacy",
              "concord models install spacy (the pinned "
              + ", ".join(dist for _, dist in SPACY_MODELS.values()) + ")"),
}


def reduced_backends(settings: Settings) -> list[str]:
    """What a run with ``settings`` lacks of the default backends, one phrase each: a
    language with no translator into the pivot (``--translator auto`` found neither argos
    nor Apertium) and the languages whose names come from the rules although a NER
    pipeline exists for them (``--names auto`` found none installed). Empty with a full
    install, and for what the settings choose themselves (``--translator none``,
    ``--names rules``)."""
    from .facts.ner import SPACY_MODELS
    from .translate import backend, hub_route

    out = []
    if settings.translator == "auto":
        untranslated = [f"{lang}->{settings.pivot}" for lang in settings.languages if lang != settings.pivot
                        and get_translator("auto", lang, settings.pivot).name == "none"
                        and hub_route("auto", lang, settings.pivot) is None]
        if untranslated:
            out.append(f"no translator for {', '.join(untranslated)}, so sentences are compared untranslated "
                       f"(install Apertium: {backend('apertium').install_hint()})")
    if settings.names == "auto":
        ner = get_ner("auto")
        rules = [lang for lang in settings.languages if lang in SPACY_MODELS and backend_name(ner, lang) == "rules"]
        if rules:
            out.append(f"names in {', '.join(rules)} found by the rules, no NER model installed "
                       "(concord models install spacy)")
    return out


def check_names_backend(settings: Settings) -> None:
    """``names = "stanza"`` or ``"spacy"`` needs that library and a model for at least one
    language of the run (spaCy: of those whose profile names a pipeline); a language with no
    model uses the rules, as with ``auto``, and findings.json names the extractor of each."""
    if settings.names not in _NER_HINTS:
        return
    ner = get_ner(settings.names)
    install, model = _NER_HINTS[settings.names]
    if not ner.installed():
        raise BackendError(f"--names {settings.names}: {settings.names} is not installed: {install}")
    # spaCy serves the languages whose profile names a pipeline; the others use the rules
    served = getattr(ner, "models", None)
    wanted = [lang for lang in settings.languages if served is None or lang in served]
    missing = [lang for lang in wanted if not ner.available(lang)]
    if missing and len(missing) == len(wanted):
        raise BackendError(f"--names {settings.names}: no {settings.names} NER model for "
                           f"{', '.join(missing)}: {model}")


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _tapered(items: list, size: int, workers: int) -> list[list]:
    """Chunks of ``size``, but the last ``2 * workers`` chunks' worth cut four times finer:
    the workers then finish together instead of one idling while another computes a whole
    last chunk (the results are the same however the groups are cut)."""
    tail = min(len(items), 2 * workers * size)
    head = len(items) - tail
    return _chunks(items[:head], size) + _chunks(items[head:], max(1, size // 4))


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class Run:
    """A check of a corpus folder (``root``) or of explicit files (``files``, one group),
    streamed: groups come out one at a time, in a stable order, so reports can be written
    as they finish and memory stays bounded.

    ``jobs`` worker processes handle chunks of groups (one translation batch per chunk);
    with ``incremental`` (and a cache), groups whose documents, grouping, settings and
    backends are unchanged come from the group store instead. Without the group store a
    corpus folder is listed and grouped on disk (:class:`concord.corpus.Listing`): the
    client holds no list of the groups or documents, and reads each group's files when it
    is computed.
    """

    def __init__(self, root=None, settings: Settings | None = None, cache: TranslationCache | None = None,
                 warn=None, jobs: int | None = None, incremental: bool = True,
                 chunk_size: int | None = None, files=None, exclude: list | None = None,
                 executor: str = "local", scheduler: str | None = None, reader=None):
        if executor not in EXECUTORS:
            raise InputError(f"unknown executor {executor!r} (choose from {', '.join(EXECUTORS)})")
        if scheduler and executor != "dask":
            raise InputError("--scheduler goes with --executor dask")
        self.executor, self.scheduler = executor, scheduler or None
        self.settings = settings or Settings()
        check_names_backend(self.settings)
        self.cache = cache
        self.jobs = jobs or default_jobs()
        self.chunk_size = chunk_size
        self.timings = Timings()
        self.reused = 0
        self.keys: dict[str, str] = {}  # group id -> content key (incremental runs)
        self.reused_ids: set[str] = set()
        t0 = time.perf_counter()
        # a --full run computes every group but still stores them (and records the file
        # states), so the next incremental run starts warm
        self.incremental = incremental
        self.store = GroupStore(cache.path) if cache is not None else None
        self.skipped: list[SkippedDict] = []
        self.warn = warn
        self.unread: dict = {}  # documents recalled from the file-state table, not yet read
        # a corpus listed and grouped on disk (a run without the group store): its groups
        # are read one at a time, in order, when they are computed
        self.listing: Listing | None = None
        self.group_list: list[Group] = []
        self.paths: Mapping[str, str]
        if files is not None:
            self.group_list, self.paths = _explicit_group(files, self.settings)
        elif self.store is None:
            self._list(root, exclude, warn)
        else:
            # ``exclude``: the report folder, when it lies inside the corpus, is never read.
            # Incremental runs skip reading and hashing the files unchanged since the last
            # run (size and times, see corpus.read_corpus); only the groups computed again
            # read their files (load_unread).
            state_root = known = None
            if self.store is not None:
                state_root = os.path.realpath(root)
                known = self.store.file_states(state_root, __version__) if incremental else {}
            # ``reader``: a listing kept between runs (concord watch), read_corpus's signature
            corpus: Corpus = (reader or read_corpus)(root, max_bytes=self.settings.max_bytes, warn=warn,
                                         exclude=list(exclude or ()), known=known,
                                         docx_changes=self.settings.docx_changes)
            if self.store is not None and state_root is not None:  # (set together above)
                self.store.put_file_states(state_root, __version__, corpus.states)
            self.unread = corpus.unread
            dropped: list[tuple[str, str]] = []
            self.group_list = group_documents(corpus.documents, load_manifest(root), dropped,
                                              corpus.anchors)
            for path, reason in dropped:  # unusable manifest entries are reported
                corpus.skipped.append((path, reason))
                if warn:
                    warn(f"skipped {path}: {reason}")
            self.skipped = [{"path": p, "reason": r} for p, r in corpus.skipped]
            self.skipped += _uncompared(self.group_list, warn)
            self.paths = {d.id: os.path.join(os.fspath(root), d.path)
                          for g in self.group_list for d in g.documents}
        self.timings.add("read", time.perf_counter() - t0)

    def _list(self, root, exclude, warn) -> None:
        """List and group the corpus on disk (:class:`concord.corpus.Listing`); a corpus
        grouped by anchors is read and grouped in memory, as read_corpus does."""
        listing = Listing(root, max_bytes=self.settings.max_bytes, warn=warn,
                          exclude=list(exclude or ()), docx_changes=self.settings.docx_changes)
        if listing.loose:
            corpus = listing.corpus()
            listing.close()
            self.unread = corpus.unread
            self.group_list = group_documents(corpus.documents, listing.manifest, listing.dropped, corpus.anchors)
            self.paths = {d.id: os.path.join(os.fspath(root), d.path) for g in self.group_list for d in g.documents}
        else:
            self.listing = listing
            self.paths = listing.paths(os.fspath(root))
        skipped = list(listing.skipped)
        for path, reason in listing.dropped:  # unusable manifest entries are reported
            skipped.append((path, reason))
            if warn:
                warn(f"skipped {path}: {reason}")
        self.skipped = [{"path": p, "reason": r} for p, r in skipped]
        if self.listing is None:
            self.skipped += _uncompared(self.group_list, warn)
        else:
            self.skipped += _uncompared_listed(self.listing, warn)

    def header(self) -> Result:
        """A Result with everything but the groups (settings, skipped files, paths)."""
        return Result(settings=self.settings.as_dict(), skipped=list(self.skipped),
                      paths=self.paths if self.listing is not None else dict(self.paths))

    def __len__(self) -> int:
        return len(self.listing) if self.listing is not None else len(self.group_list)

    def document_paths(self) -> Iterator[str]:
        """The paths (relative to the corpus) of the documents of every group, in order."""
        if self.listing is not None:
            yield from (rel for _, rel in self.listing.member_paths())
        else:
            yield from (d.path for g in self.group_list for d in g.documents)

    def display(self, root: str) -> None:
        """Name the documents under ``root`` (a remote corpus's URL) in the reports."""
        root = root.rstrip("/")
        if self.listing is not None:
            self.paths = self.listing.paths(root, "/")
        else:
            self.paths = {d.id: root + "/" + d.path for g in self.group_list for d in g.documents}

    def groups(self, lazy: bool = False, render: dict[str, Any] | None = None) -> Iterator[GroupDict | StoredGroup]:
        """Yield each group's findings.json entry, in corpus order. With ``lazy``, groups
        from the store come as ``StoredGroup`` (findings.json text + slim summary), so each
        is serialised once; with ``lazy`` and a report writer's ``render`` spec (see
        :meth:`concord.report.ReportWriter.render_spec`), computed groups come prepared for
        that writer too, by the process that computed them."""
        render = render if lazy else None
        if self.listing is not None:  # no group store: every group is computed, in order
            for out in self._compute(self._timed(self.listing.groups()), render, len(self.listing)):
                if render is not None and isinstance(out, dict):  # a failed group
                    out = prepare_group(out, render)
                out = out if lazy or isinstance(out, dict) else out.full()
                self._warn_uncompared(out)
                yield out
            return
        keys = {}
        pending = []
        if self.store is not None:
            backends = _backend_versions(self.settings)
            ks = self.settings.key_dict()
            for g in self.group_list:
                keys[g.id] = key_for_group(g, ks, backends)  # covers grouping and order
        stored = {}
        reuse = self.store is not None and self.incremental
        found = self.store.get_many(list(keys.values())) if (self.store is not None and reuse) else {}
        for g in self.group_list:
            hit = found.get(keys[g.id]) if reuse else None
            if hit is not None and hit.id == g.id:
                stored[g.id] = hit
            else:
                pending.append(g)
        del found
        if self.unread and pending and self.store is not None:  # the groups to compute need their documents' text
            t0 = time.perf_counter()
            for g in load_unread(self.unread, pending, self.settings.max_bytes, self.settings.docx_changes):
                keys[g.id] = key_for_group(g, ks, backends)  # the file changed since the scan
            self.timings.add("read", time.perf_counter() - t0)
        self.reused = len(stored)
        self.keys = keys if self.incremental else {}  # (a --full run's pages carry no key)
        self.reused_ids = set(stored)
        if render is not None:
            render = dict(render, keys={g.id: keys[g.id] for g in pending} if reuse else {})
        fresh = self._compute(pending, render)
        for g in self.group_list:
            if g.id in stored:
                hit = stored.pop(g.id)
                out = hit if lazy else hit.full()
            else:
                result = next(fresh)
                if render is not None and isinstance(result, dict):  # a failed group
                    result = prepare_group(result, render)
                assert (result["id"] if isinstance(result, dict) else result.id) == g.id
                stored_now = self._store(keys[g.id], result) if self.store is not None else None
                out = stored_now if (lazy and stored_now is not None) else result
            self._warn_uncompared(out)
            yield out
            for d in g.documents:  # worker processes had their own copies: free the texts here
                d.release()

    def _timed(self, groups: Iterator[Group]) -> Iterator[Group]:
        """``groups``, the time taken to read each counted as reading."""
        while True:
            t0 = time.perf_counter()
            g = next(groups, None)
            self.timings.add("read", time.perf_counter() - t0)
            if g is None:
                return
            yield g

    def _warn_uncompared(self, group: GroupDict | StoredGroup) -> None:
        """Say once per version that it was not compared (a language without a profile)."""
        if self.warn is None:
            return
        entries: list[UncomparedDict] | None
        if isinstance(group, dict):
            entries = group.get("uncompared")
        else:
            entries = group.full().get("uncompared") if '"uncompared": [' in group.fragment else None
        for e in entries or ():
            self.warn(f"{self.paths.get(e['document'], e['document'])}: {e['reason']}")

    def _store(self, key: str, group: GroupDict | StoredGroup) -> StoredGroup:
        """Store a finished group (a dict, or already prepared as a StoredGroup) with what
        the report writer derives from it, so a re-run writes it without serialising it
        again."""
        assert self.store is not None  # called only when there is a store
        if isinstance(group, dict):
            group = prepare_group(group, {}, keep=True)
        assert self.store is not None  # called only with a store
        return self.store.put(key, group)

    def _compute(self, groups: Iterable[Group], render: dict[str, Any] | None = None,
                 count: int | None = None) -> Iterator[GroupDict | StoredGroup]:
        """The results of ``groups`` (``count`` of them, when an iterator), in order. Groups
        whose documents were not read yet (``self.unread``) are read chunk by chunk in a
        one-process run, all at once before handing them to workers."""
        n = len(groups) if count is None and isinstance(groups, list) else count or 0
        if not n:
            return
        # Chunks big enough to share one translation batch, small enough to keep every
        # worker busy and memory flat: up to 16 groups, at least 4 chunks per worker.
        size = self.chunk_size or max(1, min(16, -(-n // (4 * self.jobs))))
        if self.executor == "local" and (self.jobs <= 1 or n <= size):
            for chunk in _batches(groups, size):
                self._read_unread(chunk)
                yield from process_groups(chunk, self.settings, self.cache, self.timings, render)
            return
        groups = list(groups)
        self._read_unread(groups)
        chunks = _chunks(groups, size) if self.chunk_size or self.jobs <= 1 else _tapered(groups, size, self.jobs)
        cache_path = str(self.cache.path) if self.cache is not None else None
        if self.cache is not None:
            self.cache.close()  # each worker opens its own connection
        for i, (results, timings) in enumerate(run_chunks(self.executor, chunks, self.settings, cache_path,
                                                          self.jobs, self.scheduler, render)):
            self.timings.merge(timings)
            yield from results
            for g in chunks[i]:  # the workers had their own copies: free the texts here
                for d in g.documents:
                    d.release()

    def _read_unread(self, groups: list[Group]) -> None:
        """Read the documents of ``groups`` recalled without their text (a run without the
        group store; with it, :meth:`groups` reads them before computing their keys)."""
        if self.unread and self.store is None:
            t0 = time.perf_counter()
            load_unread(self.unread, groups, self.settings.max_bytes, self.settings.docx_changes)
            self.timings.add("read", time.perf_counter() - t0)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    """``items`` in lists of ``size`` (the last one shorter), read as they are needed."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _uncompared_listed(listing: Listing, warn=None) -> list[SkippedDict]:
    """:func:`_uncompared` of a corpus grouped on disk."""
    out: list[SkippedDict] = []
    for gid, path in listing.single():
        out.append({"path": path, "reason": f"the only version of its story ({gid}): nothing was compared with it"})
        if warn:
            warn(f"{path}: the only version of its story, not compared")
    if warn and out and len(out) == len(listing):
        warn("nothing was compared: every story has one version only")
    return out


_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)  # the disk (or the user's quota) is full


def _page_stamps(out) -> dict[str, tuple[int, int]]:
    """The group pages already in ``out`` (a local folder), with what tells a rewritten one."""
    try:
        with os.scandir(out) as it:
            return {e.name: (e.inode(), e.stat().st_mtime_ns) for e in it
                    if e.name.startswith("group-") and e.name.endswith(".html")}
    except (OSError, TypeError):
        return {}


def _remove_new_pages(out, before: dict[str, tuple[int, int]]) -> None:
    """A run that ran out of disk space leaves no report of its own half-written: the
    group pages it wrote go (they also free the space); pages it did not touch stay."""
    for name, stamp in _page_stamps(out).items():
        if before.get(name) != stamp:
            try:
                os.unlink(os.path.join(out, name))
            except OSError:
                pass


def _uncompared(groups: list[Group], warn=None) -> list[SkippedDict]:
    """The documents that are the only version of their story: nothing is compared with
    them, so the run must not read as a clean pass for them. Each is listed (findings.json
    ``skipped``, the index's skipped list) and warned about; a run in which nothing at all
    was compared says so too."""
    out: list[SkippedDict] = []
    for g in groups:
        if len(g.documents) == 1:
            d = g.documents[0]
            out.append({"path": d.path, "reason": f"the only version of its story ({g.id}): "
                                                  "nothing was compared with it"})
            if warn:
                warn(f"{d.path}: the only version of its story, not compared")
    if warn and groups and len(out) == len(groups):
        warn("nothing was compared: every story has one version only")
    return out


def _explicit_group(paths, settings: Settings) -> tuple[list[Group], dict]:
    """Explicit files as one group (versions of one story). A file that holds several
    versions (XLIFF, PO, TMX, a multilingual NewsML message) gives them all, so one
    bilingual file is a complete story."""
    docs = []
    where = {}
    seen = set()
    for p in paths:
        rel = Path(p).name
        while rel in seen:
            rel = "_" + rel
        seen.add(rel)
        for doc in load_documents(p, rel, max_bytes=settings.max_bytes, docx_changes=settings.docx_changes):
            docs.append(doc)
            where[doc.id] = os.fspath(p)
    if len(docs) < 2:
        raise InputError("compare needs at least two versions: two files, or one file that holds both")
    group = Group(id="compare", documents=docs, method=GroupMethod.EXPLICIT)
    return [group], where


def check_corpus(root: str | os.PathLike | None = None, settings: Settings | None = None,
                 cache: TranslationCache | None = None, warn=None, progress=None,
                 jobs: int | None = 1, incremental: bool = False, *, files=None, out=None,
                 formats=("html", "json"), baseline: set[str] | None = None,
                 baseline_name: str | None = None, lazy: bool = True, executor: str = "local",
                 scheduler: str | None = None, notices: list[str] | None = None, session=None) -> Result:
    """Check a corpus folder ``root`` (or the explicit ``files``, as one story group).

    Without ``out`` every group's findings.json entry is kept in the returned Result. With
    ``out`` the reports in ``formats`` are written there as groups finish (findings of a
    ``baseline`` id set left out) and the Result's groups are read back from a spool on
    disk. ``progress(group_id)`` is called after each group. The Result carries the
    per-stage ``timings`` and how many groups were ``reused`` from the store. ``root`` and
    ``out`` may be fsspec URLs (see :mod:`concord.remote`); ``executor`` and ``scheduler``
    choose where groups are computed (see :mod:`concord.executors`). ``notices`` (say,
    :func:`reduced_backends`) are shown as a banner at the top of index.html. ``session``
    (:class:`concord.watch.WatchSession`) keeps the listing and the reports' pieces between
    the runs of one long-lived process: its ``read_corpus`` lists the corpus, its
    ``writer`` writes the reports (the same bytes).
    """
    kwargs = {"settings": settings, "cache": cache, "warn": warn, "progress": progress, "jobs": jobs,
              "incremental": incremental, "notices": notices, "files": files, "formats": formats, "baseline": baseline,
              "baseline_name": baseline_name, "lazy": lazy, "executor": executor, "scheduler": scheduler,
              "session": session}
    root, out = local_path(root), local_path(out)
    if is_url(out):
        with temp_folder("concord-reports-") as tmp:
            result = check_corpus(root, out=tmp, **kwargs)
            upload_reports(tmp, out)
        return result
    if is_url(root):
        with staged_corpus(root) as local:
            return _check_corpus(local, out=out, display_root=root, **kwargs)
    return _check_corpus(root, out=out, **kwargs)


def _check_source(spec: str, paths: Iterable[str]) -> None:
    """``--source`` (``source = ...``) names a language CLDR knows or a file of the run:
    anything else (a typo, ``xx``, ``'es'`` with its quotes, a file that is not there) is a
    one-line error, not a run that silently has no source."""
    if not spec or known_language(spec.strip()):
        return
    want = spec.replace("\\", "/")
    for path in paths:
        have = path.replace("\\", "/")
        if want == have or want.rsplit("/", 1)[-1] == have.rsplit("/", 1)[-1]:
            return
    raise UsageError(f"--source {spec!r} names no version: neither a language code (such as es) "
                     "nor a file of the corpus")


def _check_corpus(root, settings, cache, warn, progress, jobs, incremental, *, files, out, formats,
                  baseline, baseline_name, lazy, executor, scheduler, notices=None, display_root=None,
                  session=None) -> Result:
    if (root is None) == (files is None):
        raise InputError("give a corpus folder or a list of files")
    if out is not None:  # reports never overwrite an input, nor are read back as one
        check_output_folder(out, list(files or []), root)
    run = Run(root, settings, cache, warn=warn, jobs=jobs, incremental=incremental, files=files,
              exclude=[out] if out is not None and root is not None else None, executor=executor,
              scheduler=scheduler, reader=session.read_corpus if session is not None and root is not None else None)
    _check_source(run.settings.source, run.document_paths())
    if display_root is not None:  # a staged remote corpus: locations name the URL
        run.display(display_root)
    if out is None:
        result = run.header()
        groups: list[GroupDict] = []
        result.groups = groups
        for g in run.groups():
            assert isinstance(g, dict)  # not lazy: every group is its findings.json entry
            if baseline is not None:
                result.baseline = result.baseline or {"file": baseline_name, "suppressed": 0}
                result.baseline["suppressed"] += suppress(g, baseline)
            groups.append(g)
            if progress:
                progress(g["id"])
    else:
        result = run.header()  # the writer fills it in (finish)
        before = _page_stamps(out)
        make_writer = session.writer if session is not None else ReportWriter
        writer = make_writer(out, formats, result, baseline, baseline_name, run.settings.fail_on, notices=notices)
        try:
            for group in run.groups(lazy=lazy, render=writer.render_spec()):
                t0 = time.perf_counter()
                gid = group["id"] if isinstance(group, dict) else group.id
                writer.add(group, run.keys.get(gid))
                run.timings.add("report", time.perf_counter() - t0)
                if progress:
                    progress(gid)
            t0 = time.perf_counter()
            writer.finish()
            run.timings.add("report", time.perf_counter() - t0)
        except BaseException as exc:
            writer.abort()
            if isinstance(exc, KeyboardInterrupt) or (isinstance(exc, OSError) and exc.errno in _FULL):
                _remove_new_pages(out, before)  # an interrupted run leaves no part of its report
            raise
        result.written = list(writer.written)
    result.timings = dict(run.timings)
    result.reused = run.reused
    return result


def compare_files(paths: list[str | os.PathLike], settings: Settings | None = None,
                  cache: TranslationCache | None = None, **kwargs) -> Result:
    """Check the given files as one group (versions of one story): ``check_corpus`` with
    ``files``."""
    return check_corpus(None, settings, cache, files=list(paths), **kwargs)


def detect_file(path: str | os.PathLike, languages=LANGUAGES, max_bytes: int | None = None) -> Document:
    """Read, segment and detect the languages of one file (``concord detect``)."""
    doc = load_document(path, Path(path).name, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    segment_document(doc)
    annotate_languages(doc, tuple(languages))
    return doc


def translate_file(path: str | os.PathLike, target: str = PIVOT, translator: str = "auto",
                   cache: TranslationCache | None = None) -> tuple[Document, dict]:
    """Detect and translate one file into ``target`` sentence by sentence
    (``concord translate``): the document, and which backend served each language pair."""
    languages = tuple(dict.fromkeys((*LANGUAGES, target)))
    doc = detect_file(path, languages)
    used = translate_documents([doc], target, translator, cache)
    return doc, used


def _line_document(path: str | os.PathLike) -> Document:
    """A document whose every non-empty line is one sentence (pre-segmented text)."""
    doc = load_document(path, Path(path).name)
    pos = 0
    for line in doc.text.split("\n"):
        if line.strip():
            doc.sentences.append(Sentence(index=len(doc.sentences), start=pos, end=pos + len(line), text=line))
        pos += len(line) + 1
    return doc


def align_files(a: str | os.PathLike, b: str | os.PathLike, pivot: str = PIVOT, translator: str = "auto",
                cache: TranslationCache | None = None, lines: bool = False):
    """Align the sentences of two files (``concord align``): the two documents, the beads,
    and which backend served each language pair. With ``lines`` every non-empty line is one
    sentence."""
    docs = []
    for path in (a, b):
        if lines:
            doc = _line_document(path)
        else:
            doc = load_document(path, Path(path).name)
            segment_document(doc)
        annotate_languages(doc)
        docs.append(doc)
    used = translate_documents(docs, pivot, translator, cache)
    return docs[0], docs[1], align_documents(docs[0], docs[1]), used
