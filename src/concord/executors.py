"""Executors: where the groups of a run are computed.

The pipeline cuts the groups still to compute into chunks (one translation batch each)
and hands them to an executor, which returns each chunk's findings.json entries and
per-stage timings *in chunk order*, so the reports are the same bytes whichever executor
ran them.

* ``local`` (the default): worker processes on this machine (``--jobs``), forked after the
  language models are loaded.
* ``dask``: tasks on a Dask ``distributed`` cluster, ``--scheduler ADDRESS`` (for example
  ``tcp://10.0.0.5:8786``), or a ``LocalCluster`` of ``--jobs`` workers started for the
  run when no address is given. Documents travel inside the tasks, so workers never read
  the corpus; each worker needs Concord, Apertium and the NER models installed, loads its
  models once and keeps its own translation cache (``CONCORD_CACHE_DIR`` on the worker, or
  the run's cache file when the cluster is local). A task whose worker dies is run again
  elsewhere (``retries``); a chunk that fails twice marks its groups failed (an ``error``
  in findings.json) instead of ending the run.

``EXECUTORS`` is the registry the ``--executor`` option and the settings read.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator

from .compute import Timings, process_groups
from .detect import warm_up
from .document import Group, GroupDict, GroupResult
from .errors import BackendError
from .facts.ner import CachedNER, get_ner
from .report import html as html_report
from .report.findings_json import group_dict
from .segment import segment_document
from .store import StoredGroup
from .translate import TranslationCache
from .translate.apertium import ApertiumTranslator, close_pipelines

# chunk results: (findings.json entries of its groups, or those prepared for the report
# writer, and seconds per stage)
ChunkResult = tuple[list[GroupDict] | list[StoredGroup], dict[str, float]]

RETRIES = 1  # a task is run again once after its worker died or it raised

# the cache path a task on a remote cluster is given when the run uses a cache: the
# worker's own (``CONCORD_CACHE_DIR`` on the worker, else its user cache folder)
WORKER_CACHE = "@worker"


def compute_chunk(chunk, settings, cache_path: str | None, keep_open: bool = False,
                  render: dict | None = None) -> ChunkResult:
    """Compute one chunk of groups in this process (a worker's task), prepared for the
    report writer when given its ``render`` spec (the worker renders their pages). With
    ``keep_open`` (a pool worker) the process keeps one connection to the translation cache
    for all its chunks: opening and closing one per chunk makes SQLite checkpoint its log
    each time."""
    timings = Timings()
    cache = None
    if cache_path == WORKER_CACHE:  # a worker of a remote cluster: its own cache, kept open
        from .translate.cache import default_cache_path

        cache_path, keep_open = str(default_cache_path()), True
    if cache_path and keep_open:
        import threading

        # per thread too: a SQLite connection serves the thread that opened it (a Dask
        # worker runs its tasks in threads of its own)
        where = (os.getpid(), threading.get_ident(), cache_path)
        cache = _WORKER_CACHES.get(where)
        if cache is None:
            cache = _WORKER_CACHES[where] = TranslationCache(cache_path)
    elif cache_path:
        cache = TranslationCache(cache_path)
    try:
        return process_groups(chunk, settings, cache, timings, render), dict(timings)
    finally:
        if cache is not None and not keep_open:
            cache.close()


_WORKER_CACHES: dict = {}  # (process id, thread, cache path) -> a worker's translation cache


def _hold_signals() -> bool:
    """Block SIGINT and SIGTERM in this thread (where the platform can); True if blocked."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):
        return False
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    return True


def _release_signals(held: bool) -> None:
    """Unblock what :func:`_hold_signals` blocked."""
    import signal

    if held and hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


def _init_worker() -> None:
    """A worker process leaves interruptions to the parent: Ctrl-C (sent to the whole
    process group by a terminal) is ignored here, and the parent's SIGTERM handler is not
    inherited, so SIGTERM ends a worker quietly: no traceback of every worker on the
    terminal, one line from the parent. On Linux a worker also dies with its parent."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _release_signals(True)  # held back by the parent while it forked this worker
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux
        pass


def ner_needed(chunks: list, settings, cache_path: str | None) -> bool:
    """Whether the workers will run a NER model: not when the entity cache already holds
    every sentence of the first chunk (a warm run, whose workers then never load one).
    A document likely written in a language no model reads (:func:`likely_language`:
    Portuguese where only the rules find names) is left out: its sentences are never in
    the cache, and its workers find names by rule. A guess, never a decision: a worker
    that meets a sentence the cache lacks loads the model itself."""
    ner = get_ner(settings.names)
    if ner is None or not chunks:
        return False
    if not cache_path:
        return True
    import copy

    texts = [s.text for g in chunks[0] for d in g.documents
             if (code := likely_language(d, settings)) is None or ner.available(code)
             for s in (d.sentences if d.prealigned else segment_document(copy.copy(d)).sentences) if s.text.strip()]
    if not texts:
        return False
    cache = TranslationCache(cache_path)
    try:
        known: set[str] = set()
        for lang in settings.languages:
            if ner.available(lang):
                known.update(cache.get_entities(CachedNER(ner, cache).model_key(lang), lang, texts))
    finally:
        cache.close()
    return any(t not in known for t in texts)


def likely_language(doc, settings) -> str | None:
    """The language of ``settings`` ``doc`` is likely written in, read cheaply from the
    function words of its opening; None when none of its words tells."""
    from .detect import analyse

    lex = analyse(doc.text[:3000]).lex
    best = max(sorted(settings.languages), key=lambda k: lex.get(k, 0.0))
    return best if lex.get(best, 0.0) > 0 else None


def likely_languages(chunks: list, settings) -> tuple[str, ...]:
    """The languages of ``settings`` the run's documents are likely written in, read
    cheaply from the function words of each document's opening, and the pivot: what is worth
    loading before the workers fork. A guess, never a decision: a worker that meets another
    language loads its models itself (a French NER pipeline alone takes two seconds to load,
    wasted on a Spanish/English corpus)."""
    found = {settings.pivot}
    for chunk in chunks:
        for g in chunk:
            for d in g.documents:
                code = likely_language(d, settings)
                if code is not None:
                    found.add(code)
    return tuple(code for code in settings.languages if code in found)


def warm_up_models(settings, ner: bool = True, languages: tuple[str, ...] | None = None) -> None:
    """Load the NER pipelines (unless ``ner`` is False: every entity is cached), WordNet,
    the lexicon, word frequencies and the unit registry in this process, before worker
    processes fork: the workers then share those pages instead of each loading a copy (a
    warm run needs all of them). The models of one language are loaded for ``languages``
    (:func:`likely_languages`), all of the settings' by default. langdetect's 55 profiles
    (0.3 s) are left to the workers: it is consulted only where lingua and the function
    words leave a sentence's language open, which news text rarely does."""
    languages = tuple(settings.languages) if languages is None else languages
    model = get_ner(settings.names) if ner else None
    if model is not None:
        for lang in languages:
            if model.available(lang):
                model.entities(["Concord"], lang)
    try:
        from .facts.polarity import antonyms, is_quality

        for lang in languages:  # WordNet loads for the languages that use it
            antonyms("open", lang)
        is_quality("open")  # WordNet's word classes (the meaning check)
    except Exception:  # noqa: BLE001 - WordNet is optional: the workers manage without it
        pass
    from .lexicon import get_lexicon

    get_lexicon()
    ApertiumTranslator().available(settings.pivot, settings.pivot)  # lists Apertium's modes (once, not per worker)
    from wordfreq import zipf_frequency

    from .facts.quantities import convertible

    for lang in languages:
        zipf_frequency("a", lang)
    convertible("km", "mile")


def _worker_main(conn, settings, cache_path: str | None, render: dict | None) -> None:
    """A worker process: compute the chunks its pipe brings, send each result back, stop at
    ``None`` or when the parent is gone (its pipe closed)."""
    _init_worker()
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        i, chunk = task
        try:
            out: tuple = ("ok", i, compute_chunk(chunk, settings, cache_path, keep_open=True, render=render))
        except Exception as exc:  # noqa: BLE001 - sent to the parent, which raises it there
            out = ("error", i, exc)
        try:
            conn.send(out)
        except (EOFError, OSError):
            return
        except Exception as exc:  # noqa: BLE001 - an exception that does not pickle
            conn.send(("error", i, RuntimeError(f"{type(exc).__name__}: {exc}")))


_LIVE: dict[int, object] = {}  # pid -> a worker process of a run in progress in this process


_CLUSTERS: list = []  # the LocalClusters of dask runs in progress in this process
_ABANDONED = False  # whether a run's local cluster was ended for an exit


def _abandon_clusters() -> bool:
    """End the local Dask clusters of runs in progress at once, for an exit (a signal, a
    closed pipe); whether there were any. Their event loops stop (no nanny starts another
    worker), every child process of this one is killed like a local worker (a worker the
    cluster was still starting is no registered process yet, hence the sweep), and nothing
    Dask does while the process exits (closing the cluster at exit, logging the tasks it
    cancels) reaches stderr."""
    import atexit
    import signal
    import time

    global _ABANDONED
    clusters = list(_CLUSTERS)
    _CLUSTERS.clear()
    if not clusters:
        return _ABANDONED
    _ABANDONED = True
    for name in ("distributed", "asyncio", "tornado"):
        logging.getLogger(name).disabled = True
    for cluster in clusters:
        if cluster is None:
            continue
        for nanny in list(getattr(cluster, "workers", {}).values()):
            nanny.auto_restart = False  # a nanny whose worker dies would start another
        try:
            cluster.loop.add_callback(cluster.loop.stop)
        except Exception:  # noqa: BLE001 - a loop already closed
            pass
    try:
        from distributed.deploy.spec import close_clusters

        atexit.unregister(close_clusters)
    except ImportError:  # pragma: no cover - no dask
        pass
    try:  # multiprocessing's resource tracker is no worker: it ends with this process
        from multiprocessing import resource_tracker

        tracker = getattr(resource_tracker._resource_tracker, "_pid", None)
    except (ImportError, AttributeError):
        tracker = None
    for _ in range(3):  # a process being spawned shows up a moment later
        for pid in [c for c in _children() if c != tracker]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.05)
    return True


def release_semaphores() -> None:
    """Unlink and unregister now the named semaphores this process made (the locks and
    queues through which a local Dask cluster's nannies start their workers, three per
    queue), as multiprocessing's exit handler would: an exit by ``os._exit`` skips that
    handler, and multiprocessing's resource tracker, a process of its own, then unlinks
    them itself and prints a "leaked semaphore objects" warning on the run's stderr."""
    try:
        from multiprocessing import util
        from multiprocessing.synchronize import SemLock
    except ImportError:  # pragma: no cover - a platform without named semaphores
        return
    registry = getattr(util, "_finalizer_registry", {})
    cleanup = getattr(SemLock, "_cleanup", None)
    # a signal to the process group may have ended the resource tracker too: telling a
    # dead tracker would start another, which knows none of the names and complains
    tracker_alive = _tracker_alive()
    for fin in list(registry.values()):
        if cleanup is not None and getattr(fin, "_callback", None) is cleanup:
            try:
                if tracker_alive:
                    fin()  # runs once and leaves the registry
                else:
                    fin.cancel()
                    _sem_unlink(*getattr(fin, "_args", ()))
            except Exception:  # noqa: BLE001 - a semaphore already gone
                pass


def _tracker_alive() -> bool:
    """Whether multiprocessing's resource tracker (a child of this process) still runs."""
    try:
        from multiprocessing import resource_tracker

        pid = getattr(resource_tracker._resource_tracker, "_pid", None)
    except (ImportError, AttributeError):
        return False
    if pid is None:
        return False
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return False
    return done == 0


def _sem_unlink(name: str = "", *_: object) -> None:
    """Unlink a named semaphore without telling the resource tracker."""
    import _multiprocessing  # type: ignore[import-not-found]

    if name:
        _multiprocessing.sem_unlink(name)


def release_semaphores_quietly() -> None:
    """Before an exit by ``os._exit`` once the run's one line is written: the standard
    error of any process started from now on goes nowhere, the workers are killed again,
    and the named semaphores are released (:func:`release_semaphores`), then the workers
    once more. A local cluster's nanny thread may be spawning a worker at that moment; a
    worker that starts after its semaphores are gone fails while it unpickles them and
    would print a traceback on the run's stderr."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, 2)
        finally:
            os.close(devnull)
    except OSError:
        pass
    kill_workers()
    release_semaphores()
    kill_workers()


def _children() -> list[int]:
    """The process ids of this process's children (Linux; none elsewhere)."""
    me, out = os.getpid(), []
    try:
        names = os.listdir("/proc")
    except OSError:
        return []
    for name in names:
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", "rb") as f:
                    stat = f.read()
            except OSError:
                continue
            if int(stat.rsplit(b")", 1)[1].split()[1]) == me:
                out.append(int(name))
    return out


def kill_workers() -> bool:
    """Kill every worker process of this process's runs at once (SIGKILL: they hold no
    state of their own, and a worker stuck anywhere cannot delay the exit) and reap them.
    True when a local Dask cluster was running: its threads would then delay (and log
    during) the interpreter's exit, so an exit should not wait for them (``os._exit``)."""
    import signal

    hard = _abandon_clusters()
    procs = list(_LIVE.values())
    _LIVE.clear()
    for p in procs:
        try:
            os.kill(p.pid, signal.SIGKILL)  # type: ignore[attr-defined]
        except (ProcessLookupError, TypeError):
            pass
    for p in procs:
        p.join(5)  # type: ignore[attr-defined]
    return hard


class _Worker:
    def __init__(self, ctx, settings, cache_path, render):
        import gc

        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, settings, cache_path, render), daemon=True)
        # SIGINT and SIGTERM are held back while the worker is forked: a signal to the
        # process group that reached the child before _init_worker set its own handlers
        # would run the parent's (a traceback from the worker); the worker unblocks them
        # once its handlers are set, the parent right after the fork (a pending one is
        # then delivered)
        held = _hold_signals()
        gc.freeze()  # the worker starts with these objects out of the collector's reach, so
        try:         # collections there do not copy the pages it shares with this process
            self.proc.start()
        finally:
            gc.unfreeze()
            _release_signals(held)
        _LIVE[self.proc.pid] = self.proc
        child.close()
        self.task: int | None = None  # the chunk it is computing

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.proc.join(5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        _LIVE.pop(self.proc.pid, None)
        self.conn.close()


def _bury(w: _Worker) -> str:
    """Reap a dead worker; say how it died."""
    w.proc.kill()
    w.proc.join()
    _LIVE.pop(w.proc.pid, None)
    w.conn.close()
    return _died(w.proc)


def _died(proc) -> str:
    import signal

    code = proc.exitcode
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"


def _prefetch_texts(chunks: list, settings, likely: tuple[str, ...]) -> dict[str, list[str]]:
    """Per language other than the pivot, the sentences of the documents that are likely in
    it (:func:`likely_languages`' reading of each document), as the workers will send them
    to the translator: most of what the run translates, known before the documents'
    languages are detected."""
    import copy

    out: dict[str, dict[str, None]] = {}
    for chunk in chunks:
        for g in chunk:
            for d in g.documents:
                best = likely_language(d, settings)
                if best is None or best == settings.pivot or best not in likely:
                    continue
                doc = d if d.prealigned else segment_document(copy.copy(d))
                texts = out.setdefault(best, {})
                for s in doc.sentences:
                    if s.text.strip():
                        texts[s.text] = None
    return {code: list(texts) for code, texts in out.items()}


def _prefetch_translations(chunks: list, settings, cache_path: str | None, likely: tuple[str, ...]):
    """Start translating, in a thread of this process, the sentences the workers will most
    likely send to Apertium (:func:`_prefetch_texts`), into the run's cache: Apertium's
    processes then work on the second core while this process loads the models (a serial
    start the workers wait for), and the workers find the translations cached. It stops at
    the next batch of ``_PREFETCH_BATCH`` sentences once the models are loaded (the event
    returned is set), so it never delays the fork by more than a batch however large the
    corpus. A sentence the guess missed is translated by its worker as usual; one
    translated needlessly costs Apertium time only. Returns the thread, the stop event and
    a list the thread appends its seconds to, or None."""
    import threading
    import time

    from .translate import get_translator, has_direct_route, translate_texts

    if not cache_path or settings.translator not in ("auto", "apertium"):
        return None
    work = []
    for code, texts in _prefetch_texts(chunks, settings, likely).items():
        try:
            if not has_direct_route(settings.translator, code, settings.pivot):
                continue
            translator = get_translator(settings.translator, code, settings.pivot)
        except Exception:  # noqa: BLE001 - no translator: the workers say so
            continue
        if translator.name == "apertium":
            work.append((code, texts, translator))
    if not work:
        return None
    seconds: list[float] = []
    stop = threading.Event()

    def run() -> None:
        t0 = time.perf_counter()
        cache = TranslationCache(cache_path)
        try:
            for code, texts, translator in work:
                for i in range(0, len(texts), _PREFETCH_BATCH):
                    if stop.is_set():
                        return
                    translate_texts(texts[i:i + _PREFETCH_BATCH], code, settings.pivot, translator, cache)
        except Exception:  # noqa: BLE001 - a prefetch only: the workers translate what is missing
            pass
        finally:
            cache.close()
            seconds.append(time.perf_counter() - t0)

    thread = threading.Thread(target=run, name="concord-prefetch", daemon=True)
    thread.start()
    return thread, stop, seconds


_PREFETCH_BATCH = 256  # sentences per Apertium round trip of the prefetch


def run_local(chunks: list, settings, cache_path: str | None, jobs: int,
              render: dict | None = None) -> Iterator[ChunkResult]:
    """``jobs`` forked worker processes, one pipe each; results in chunk order.

    A worker that dies (killed, out of memory) is replaced and its chunk computed again;
    a chunk whose worker dies twice ends the run with one line. However the run ends
    (finished, an error, Ctrl-C or SIGTERM), no worker outlives it: they are killed
    directly, never through a shared queue a dead worker could leave locked."""
    import multiprocessing as mp
    from multiprocessing.connection import wait

    likely = likely_languages(chunks, settings)
    prefetch = _prefetch_translations(chunks, settings, cache_path, likely)
    warm_up(tuple(settings.languages), likely)  # load detector models once, before forking
    warm_up_models(settings, ner=ner_needed(chunks, settings, cache_path), languages=likely)
    if render is not None and render.get("html"):  # the workers render the group pages
        html_report.env().get_template("group.html.j2")
    prefetched = 0.0
    if prefetch is not None:  # no thread of this process may run while it forks
        thread, stop, seconds = prefetch
        stop.set()
        thread.join()
        prefetched = sum(seconds)
        close_pipelines()

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    workers: list[_Worker] = []
    tries = [0] * len(chunks)
    todo = list(range(len(chunks)))[::-1]  # next chunk last
    done: dict[int, ChunkResult] = {}
    nxt = 0
    try:
        workers = [_Worker(ctx, settings, cache_path, render) for _ in range(min(jobs, len(chunks)))]
        while nxt < len(chunks):
            for k, w in enumerate(workers):
                if w.task is None and todo:
                    i = todo.pop()
                    try:
                        w.conn.send((i, chunks[i]))
                    except OSError:  # it died between two chunks: a new one takes its place
                        todo.append(i)
                        _bury(w)
                        workers[k] = _Worker(ctx, settings, cache_path, render)
                        continue
                    w.task = i
                    tries[i] += 1
            busy = [w for w in workers if w.task is not None]
            if not busy:  # every worker was replaced just now: give them their chunks
                continue
            ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy]))
            for k, w in enumerate(workers):
                if w.task is None or not (w.conn in ready or w.proc.sentinel in ready):
                    continue
                msg = None
                try:
                    if w.conn.poll():
                        msg = w.conn.recv()
                except (EOFError, OSError):
                    msg = None
                if msg is None:  # the worker died with its chunk
                    reason = _bury(w)
                    if tries[w.task] > RETRIES:
                        raise BackendError(f"a worker process died twice computing the same groups ({reason})")
                    todo.append(w.task)
                    workers[k] = _Worker(ctx, settings, cache_path, render)
                    continue
                kind, i, value = msg
                w.task = None
                if kind == "error":
                    raise value
                done[i] = value
            while nxt in done:
                results, timings = done.pop(nxt)
                if prefetched:  # the translations made before the fork count as the first chunk's
                    timings = dict(timings, translate=timings.get("translate", 0.0) + prefetched)
                    prefetched = 0.0
                yield results, timings
                nxt += 1
        for w in workers:
            w.stop()
        workers = []
    finally:
        if workers:
            kill_workers()


def failed_group(group: Group, error: str) -> GroupDict:
    """The findings.json entry of a group that could not be computed (its documents as
    read, no translators, no pairs, and the error)."""
    out = group_dict(GroupResult(group.id, group.method, group.anchors, {}, {}, group.documents, []))
    out["error"] = error
    return out


def run_dask(chunks: list, settings, cache_path: str | None, jobs: int,
             scheduler: str | None = None, render: dict | None = None) -> Iterator[ChunkResult]:
    """Tasks on a Dask cluster (``scheduler`` address, else a LocalCluster of ``jobs``
    workers); results stream back as they complete and are yielded in chunk order."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:  # pragma: no cover - an install without the dask extra
        raise BackendError("--executor dask needs dask's distributed scheduler: pip install '.[dask]' in the "
                           "source folder (or pip install 'dask[distributed]' fsspec)") from None
    cluster = None
    if scheduler is None:
        _CLUSTERS.append(None)  # a cluster is starting: an exit now ends its processes too
        _spawn_without_sigint()
        try:
            # logs above CRITICAL only: a task's failure is reported on its groups, and a
            # worker ended by a signal to the process group must not print a traceback;
            # the dashboard on a free port (a second run would warn that 8787 is taken)
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=":0", silence_logs=logging.CRITICAL + 10)
        except Exception:
            _CLUSTERS.remove(None)
            raise
        _CLUSTERS[-1] = cluster
        client = Client(cluster)
        worker_cache = cache_path  # same machine: the run's cache file is shared
    else:
        try:
            client = Client(scheduler, timeout=10)
        except (OSError, ValueError, TypeError) as exc:  # unreachable, or not an address
            raise BackendError(f"--scheduler {scheduler}: cannot connect ({exc})") from None
        # each worker keeps its own cache (CONCORD_CACHE_DIR on the worker), when the run has one
        worker_cache = WORKER_CACHE if cache_path else None
    interrupted = False
    last = None
    try:
        # a bounded window of tasks in flight: the client never holds every chunk's
        # documents (or every result) at once, however large the archive
        window = max(4, 4 * _n_workers(client, jobs))
        token = f"{os.getpid()}-{id(chunks)}"
        pending: dict = {}
        done: dict[int, ChunkResult] = {}
        submitted = nxt = 0
        ac = as_completed()

        def submit_more():
            nonlocal submitted
            while submitted < len(chunks) and len(pending) + len(done) < window:
                fut = client.submit(compute_chunk, chunks[submitted], settings, worker_cache, render=render, pure=False,
                                    retries=RETRIES, key=f"concord-chunk-{submitted}-{token}")
                pending[fut.key] = submitted
                ac.add(fut)
                submitted += 1

        submit_more()
        for fut in ac:
            i = pending.pop(fut.key)
            try:
                done[i] = fut.result()
            except Exception as exc:  # noqa: BLE001 - any task failure marks its groups failed
                reason = f"failed on the cluster after {RETRIES + 1} tries: {type(exc).__name__}: {exc}"
                done[i] = ([failed_group(g, reason) for g in chunks[i]], {})
            fut.release()
            while nxt in done and nxt < len(chunks) - 1:
                yield done.pop(nxt)
                nxt += 1
            submit_more()
        last = done.pop(nxt, None) if nxt == len(chunks) - 1 else None
    except KeyboardInterrupt:  # a signal
        interrupted = True
        raise
    finally:
        if interrupted and cluster is not None:  # no orderly shutdown: it takes seconds and logs
            kill_workers()
        else:
            client.close(timeout=2 if interrupted else None)  # (a remote scheduler's)
            if cluster is not None:
                cluster.close()
        if cluster is not None and cluster in _CLUSTERS:
            _CLUSTERS.remove(cluster)
    if last is not None:  # yielded once the cluster is closed: a consumer that stops after
        yield last        # the last result would leave the closing to the garbage collector


def _spawn_without_sigint() -> None:
    """Processes this one spawns from now on (a local cluster's workers, and
    multiprocessing's resource tracker) start with SIGINT blocked and with their standard
    error sent nowhere. Ctrl-C, which a terminal sends to the whole process group, is this
    process's to handle (it ends the run and kills the workers), instead of a traceback
    from every worker (a worker being started has no handler of its own yet). And a worker
    the cluster is still starting when a signal ends the run fails as it unpickles what the
    run has already released, or the tracker warns of semaphores the exit left: neither
    may print on the run's standard error, which carries its one line. (A worker's own
    failure is reported by the cluster, on its groups.) The mask is set in the spawning
    thread only, around the fork and exec that inherit it; descriptor 2 points elsewhere
    for that instant under :data:`concord.errors.STDERR_LOCK`, which every line of the run
    takes too."""
    import multiprocessing.util as mp_util
    import signal

    from .errors import STDERR_LOCK

    original = mp_util.spawnv_passfds
    if getattr(original, "concord", False) or not hasattr(signal, "pthread_sigmask"):
        return

    def spawnv_passfds(path, args, passfds):
        old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            with STDERR_LOCK:
                saved = os.dup(2)
                devnull = os.open(os.devnull, os.O_WRONLY)
                try:
                    os.dup2(devnull, 2)
                    return original(path, args, passfds)
                finally:
                    os.dup2(saved, 2)
                    os.close(saved)
                    os.close(devnull)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)

    spawnv_passfds.concord = True  # type: ignore[attr-defined]
    mp_util.spawnv_passfds = spawnv_passfds


def _n_workers(client, default: int) -> int:
    try:
        return max(1, len(client.scheduler_info().get("workers", {})))
    except Exception:  # noqa: BLE001 - an unreachable scheduler: the given count
        return max(1, default)


EXECUTORS: dict[str, Callable[..., Iterator[ChunkResult]]] = {
    "local": run_local,
    "dask": run_dask,
}


def run_chunks(executor: str, chunks: list, settings, cache_path: str | None, jobs: int,
               scheduler: str | None = None, render: dict | None = None) -> Iterator[ChunkResult]:
    """Compute ``chunks`` with the named executor; results in chunk order (prepared for
    the report writer given its ``render`` spec)."""
    if executor == "dask":
        return run_dask(chunks, settings, cache_path, jobs, scheduler, render)
    return EXECUTORS[executor](chunks, settings, cache_path, jobs, render=render)
