"""The ``concord`` command line: a thin layer over the library API (commands only).

Exit codes: 0 no finding at or above ``--fail-on``; 1 findings at or above it; 2 usage or
input error (one line on stderr, never a traceback); 130 interrupted by Ctrl-C (SIGINT) and
143 terminated by SIGTERM, each with one line on stderr (``concord: error: interrupted``
or ``terminated``), worker processes stopped quietly and no partial report left behind;
141 (no message) when the reader of standard output went away (``concord ... | head -1``),
as for a command ended by SIGPIPE.
"""

from __future__ import annotations

import os
import signal
import sys


def _early_exit(signum, frame):  # pragma: no cover - exercised through a subprocess
    """Ctrl-C or SIGTERM while the command is still starting (importing its modules): one
    line and 130 or 143, never a traceback; nothing has been written yet."""
    os.write(2, b"concord: error: " + (b"terminated\n" if signum == signal.SIGTERM else b"interrupted\n"))
    os._exit(143 if signum == signal.SIGTERM else 130)


def _is_command() -> bool:
    """Whether this process is the ``concord`` command (not a program importing the module)."""
    arg0 = sys.argv[0] if sys.argv else ""
    return os.path.basename(arg0) == "concord" or arg0.endswith(os.path.join("concord", "__main__.py"))


def _spawned() -> bool:
    """Whether this process is a worker a run spawned (a Dask worker of a local cluster),
    which imports this module with the command's arguments."""
    from multiprocessing import parent_process

    return parent_process() is not None


if _is_command():
    try:
        if _spawned():  # Ctrl-C is the run's to handle (it kills its workers); SIGTERM ends a worker quietly
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        else:
            for _sig in (signal.SIGINT, signal.SIGTERM):
                signal.signal(_sig, _early_exit)
    except ValueError:  # not the main thread
        pass

import errno  # noqa: E402
import json  # noqa: E402 - after the handlers above, so an early Ctrl-C is one line too
from functools import wraps  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import click  # noqa: E402

from .config import DOCX_CHANGES, FAIL_ON  # noqa: E402
from .document import BeadKind, Severity  # noqa: E402
from .errors import STDERR_LOCK, ConcordError, InputError, UsageError  # noqa: E402
from .lang import PIVOT  # noqa: E402
from .version import __version__  # noqa: E402


def _choices():
    from .executors import EXECUTORS
    from .facts.ner import CHOICES as names
    from .translate import CHOICES as translators

    return translators, names, tuple(EXECUTORS)


TRANSLATORS, NAME_CHOICES, EXECUTOR_CHOICES = _choices()


def _err(msg: str) -> None:
    with STDERR_LOCK:
        click.echo(f"concord: error: {msg}", err=True)


def _warn(msg: str) -> None:
    with STDERR_LOCK:
        click.echo(f"concord: warning: {msg}", err=True)


class _Signals:
    """SIGTERM handled like Ctrl-C: it raises KeyboardInterrupt in the main thread, so the
    same clean-up runs (worker processes killed, temporary report files removed), and the
    command exits 143 (128 + SIGTERM) instead of 130. Both signals are also recorded, since
    a library may turn the KeyboardInterrupt raised inside it into an error of its own
    (langdetect reports a profile it was reading as malformed): the exit code follows the
    signal, whatever exception reaches the top."""

    def __init__(self) -> None:
        self.terminated = False
        self.interrupted = False
        self.previous: dict[int, Any] = {}  # signal number -> the handler it had

    def _on_term(self, signum, frame):
        self.terminated = True
        raise KeyboardInterrupt

    def _on_int(self, signum, frame):
        self.interrupted = True
        raise KeyboardInterrupt

    def __enter__(self):
        import threading

        if threading.current_thread() is threading.main_thread():  # handlers live there only
            self.previous[signal.SIGTERM] = signal.signal(signal.SIGTERM, self._on_term)
            self.previous[signal.SIGINT] = signal.signal(signal.SIGINT, self._on_int)
        return self

    def __exit__(self, *exc):
        for sig, handler in self.previous.items():
            signal.signal(sig, handler)
        return False


def _quiet_exit(code: int, message: str):
    """Print one line and exit; a second Ctrl-C or SIGTERM while exiting changes nothing."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            signal.signal(sig, signal.SIG_IGN)
        except ValueError:  # not the main thread
            pass
    from .executors import kill_workers, release_semaphores_quietly
    from .fsutil import discard_temp_files

    hard = kill_workers()  # wherever the interrupt landed, no worker process outlives the run
    discard_temp_files()  # wherever the interrupt landed, no partial file stays behind
    _err(message)
    if hard:  # a Dask cluster's threads would delay the interpreter's exit and log during it
        sys.stderr.flush()
        release_semaphores_quietly()  # what the skipped exit handler does (else a warning on stderr)
        os._exit(code)
    sys.exit(code)


def friendly(fn):
    """Turn Concord errors into one line and exit 2; keep tracebacks for real bugs only.
    Ctrl-C exits 130 and SIGTERM 143, with one line on stderr."""

    @wraps(fn)
    def wrapper(*args, **kwargs):
        signals = _Signals()
        try:
            with signals:
                rv = fn(*args, **kwargs)
        except SystemExit as exc:
            _hurry_on_signal(exc.code if isinstance(exc.code, int) else int(exc.code is not None))
            raise
        except BaseException as exc:
            # a signal decides the exit, whatever a library made of the KeyboardInterrupt
            if signals.terminated:
                _quiet_exit(143, "terminated")
            if signals.interrupted or isinstance(exc, KeyboardInterrupt):
                _quiet_exit(130, "interrupted")
            if isinstance(exc, ConcordError):
                _err(str(exc))
                sys.exit(exc.exit_code)
            if not isinstance(exc, OSError):
                raise
            if exc.errno == errno.EPIPE and _stdout_gone():
                _broken_pipe()
            _err(f"{getattr(exc, 'filename', '') or ''}: {exc.strerror or exc}".lstrip(": "))
            sys.exit(2)
        _hurry_on_signal(rv if isinstance(rv, int) else 0)
        return rv

    return wrapper


EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a program the pipe ended


def _stdout_gone() -> bool:
    """Whether standard output is a pipe whose reader went away (not another pipe, such as
    one to a translation backend, that broke)."""
    import select

    try:
        poller = select.poll()
        poller.register(sys.stdout.fileno(), select.POLLOUT)
        return any(ev & select.POLLERR for _, ev in poller.poll(0))
    except (OSError, ValueError, AttributeError):
        return False


def _broken_pipe():
    """The reader of standard output went away (``concord ... | head -1``): stop quietly,
    as a command ended by SIGPIPE does (exit 141, no message); what is left to print goes
    nowhere."""
    from .executors import kill_workers
    from .fsutil import discard_temp_files

    kill_workers()
    discard_temp_files()
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    sys.exit(EXIT_BROKEN_PIPE)


def _cache(no_cache: bool):
    if no_cache:
        return None
    from .translate import TranslationCache

    return TranslationCache()


def _corpus(location):
    """A corpus folder as a Path, or an fsspec URL (``memory://...``, ``s3://...``) as given."""
    from .remote import is_url, local_path

    if location is None or is_url(location):
        return location
    path = Path(local_path(location))
    if not path.exists():
        raise InputError(f"{location}: no such corpus folder")
    return path


def _ids(spec):
    """``--checks a,b`` -> ["a", "b"]; None when not given."""
    if spec is None:
        return None
    return [x.strip() for x in spec.split(",") if x.strip()]


def _settings(corpus, translator=None, fail_on=None, pivot=None, max_bytes=None, names=None,
              checks=None, exclude_checks=None, source=None, docx_changes=None):
    from .config import load_config, make_settings

    return make_settings(load_config(corpus), translator=translator, fail_on=fail_on,
                         pivot=pivot, max_bytes=max_bytes, names=names, checks=_ids(checks),
                         exclude_checks=_ids(exclude_checks), source=source, docx_changes=docx_changes)


def _finish(result, out, written, fail_on_level, quiet, to_stdout=False):
    """Print the findings at or above ``--fail-on`` (one ``path:line:col:`` line each,
    grouped by story), then the summary; return the exit code. With ``-o -`` stdout holds
    the report, so these lines go to stderr."""
    from .report.terminal import finding_lines, summary_line, use_colour

    if not quiet:
        stream = sys.stderr if to_stdout else sys.stdout
        colour = use_colour(stream)
        for line in finding_lines(result.groups, result.paths, fail_on_level, colour):
            click.echo(line, err=to_stdout, color=colour)
        counts = _counts(result)
        if to_stdout:
            report = "standard output"
        else:
            report = next((p for p in written if p.name == "index.html"), written[0] if written else out)
        n_groups = len(result.summaries) if result.summaries is not None else len(result.groups)
        click.echo(summary_line(n_groups, counts, result.baseline, str(report), colour),
                   err=to_stdout, color=colour)
        if result.baseline:
            n = result.baseline["suppressed"]
            click.echo(f"{n} {'finding' if n == 1 else 'findings'} suppressed by baseline "
                       f"{result.baseline['file']}", err=to_stdout, color=colour)
    if fail_on_level == "never":
        return 0
    return 1 if result.count(fail_on_level) else 0


MAX_BYTES_LIMIT = 2**40  # --max-bytes above a terabyte is a mistake (and overflows the reader)

_common = [
    click.option("--out", "-o", default="reports", show_default=True, type=click.Path(file_okay=False),
                 help="Folder for the reports; `-` writes the one --format given (json, jsonl, sarif, "
                      "junit or csv) to standard output."),
    click.option("--source", default=None, metavar="LANG|FILE",
                 help="The original version (a language such as es, or a file name): an omission "
                      "is then content of the source missing from the translation, an addition "
                      "the reverse [default: none, neutral wording]."),
    click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
                 help="Exit 1 when a finding at or above this severity exists [default: error]."),
    click.option("--docx-changes", type=click.Choice(DOCX_CHANGES), default=None,
                 help="A Word file's tracked changes: read the accepted text (insertions kept, "
                      "deletions dropped) or the original [default: accepted]."),
    click.option("--translator", type=click.Choice(TRANSLATORS), default=None,
                 help="Translation backend [default: auto: argos, else apertium, else none]."),
    click.option("--pivot", default=None, help="Pivot language all versions are compared in [default: en]."),
    click.option("--names", "name_extractor", type=click.Choice(NAME_CHOICES), default=None,
                 help="Name extractor [default: auto: NER where a model is installed, else rules]."),
    click.option("--checks", "checks", default=None, metavar="IDS",
                 help="Comma-separated check ids to run (see `concord checks`) [default: all]."),
    click.option("--exclude-checks", "exclude_checks", default=None, metavar="IDS",
                 help="Comma-separated check ids not to run."),
    click.option("--format", "formats", default="html,json", show_default=True,
                 help="Comma-separated report formats: html, json, jsonl (findings.jsonl: one story "
                      "group a line), sarif, junit, csv."),
    click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), default=None,
                 help="Report only findings not recorded in this baseline file."),
    click.option("--no-cache", is_flag=True, help="Do not read or write the translation cache."),
    click.option("--max-bytes", type=click.IntRange(1, MAX_BYTES_LIMIT), default=None,
                 help="Largest input file accepted [default: 20 MB]."),
    click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors."),
    click.option("--require-backends", is_flag=True,
                 help="Exit 2 when a default backend is missing (no translator, or names by the "
                      "rules where a NER model should be) instead of running without it."),
]


_run_options = [
    click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                 help="Worker processes [default: all cores]. Output is identical for any value."),
    click.option("--full", is_flag=True, help="Recompute every group, even those unchanged since the last run."),
    click.option("--executor", type=click.Choice(EXECUTOR_CHOICES), default="local", show_default=True,
                 help="Where groups are computed: local worker processes, or a Dask cluster."),
    click.option("--scheduler", default=None, metavar="ADDRESS",
                 help="Dask scheduler address (tcp://host:8786) for --executor dask "
                      "[default: start a local cluster of --jobs workers]."),
]


_watch_options = [
    click.option("--port", type=click.IntRange(0, 65535), default=0,
                 help="Port of the live report on 127.0.0.1 [default: any free port]."),
    click.option("--no-serve", is_flag=True, help="Only write the reports; serve no live page."),
    click.option("--polling", is_flag=True,
                 help="Compare the files' times four times a second instead of using filesystem events "
                      "(network drives; the default without the watchfiles package)."),
]


def watch_options(fn):
    for opt in reversed(_watch_options):
        fn = opt(fn)
    return fn


def run_options(fn):
    for opt in reversed(_run_options):
        fn = opt(fn)
    return fn


def common_options(fn):
    for opt in reversed(_common):
        fn = opt(fn)
    return fn


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="concord",
                      help="Show the version and exit.")
def main():
    """Concord checks that versions of the same story (Spanish and English wire copy)
    say the same thing: numbers, names, dates and quotes."""
    # a terminal whose locale cannot show a character gets an escape, not a traceback
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # a replaced stream may lack it
        try:
            if reconfigure is not None:
                reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):
            pass


def _prepare(corpus, out, source, fail_on, translator, pivot, name_extractor, checks, exclude_checks, formats,
             baseline, max_bytes, docx_changes):
    """What every checking command does before its first run: the formats (a bad
    ``--format`` fails before any work), the corpus, the settings and the baseline ids."""
    from .report import STDOUT_FORMATS, parse_formats

    names = parse_formats(formats)
    if str(out).strip() == "":
        raise UsageError("-o/--out is empty: give a folder (or - for standard output)")
    if str(out) == "-" and (len(names) != 1 or names[0] not in STDOUT_FORMATS):
        raise UsageError(f"-o - writes one format to standard output: give --format "
                         f"{' or --format '.join(STDOUT_FORMATS)}")
    corpus = _corpus(corpus)
    settings = _settings(None if isinstance(corpus, str) else corpus, translator, fail_on, pivot, max_bytes,
                         name_extractor, checks, exclude_checks, source, docx_changes)
    ids = None
    if baseline is not None:
        from .baseline import load_baseline

        ids = load_baseline(baseline)
    return names, corpus, settings, ids


def _backends_line(settings, require: bool, quiet: bool) -> None:
    """One line when the run has less than the default backends (no translator, names by
    the rules where a NER model is missing); with ``--require-backends`` that is an error
    (exit 2) before any work."""
    from .pipeline import reduced_backends

    missing = reduced_backends(settings)
    if not missing:
        return
    line = "running with reduced backends: " + "; ".join(missing)
    if require:
        raise UsageError(line + " (--require-backends; `concord doctor` lists what is missing)")
    if not quiet:
        _warn(line + " (`concord doctor` lists what is missing)")


def _run_check(corpus, files, out, source, fail_on, translator, pivot, name_extractor, checks, exclude_checks,
               formats, baseline, no_cache, max_bytes, quiet, jobs=1, full=True, timings=False,
               executor="local", scheduler=None, docx_changes=None, require_backends=False):
    """What ``check`` and ``compare`` share: settings, one call to ``check_corpus``, print."""
    import tempfile

    from .pipeline import STAGES, check_corpus, reduced_backends

    names, corpus, settings, ids = _prepare(corpus, out, source, fail_on, translator, pivot, name_extractor,
                                            checks, exclude_checks, formats, baseline, max_bytes, docx_changes)
    to_stdout = str(out) == "-"
    _backends_line(settings, require_backends, quiet)
    if to_stdout:
        tmp = tempfile.TemporaryDirectory(prefix="concord-out-")
        out = tmp.name
    total = None
    if corpus is None:
        total = 1
    progress = _progress(quiet, total)
    try:
        result = check_corpus(corpus, settings, _cache(no_cache), warn=None if quiet else _warn,
                              progress=progress.advance if progress else None, jobs=jobs,
                              incremental=not full, files=files, out=out, formats=names, baseline=ids,
                              baseline_name=baseline.name if baseline else None, executor=executor,
                              scheduler=scheduler, notices=reduced_backends(settings))
    finally:
        if progress:
            progress.stop()
    if timings:
        click.echo("timings: " + " ".join(f"{k}={result.timings.get(k, 0.0):.3f}" for k in STAGES)
                   + f" reused={result.reused} groups={len(result.summaries or result.groups)}", err=True)
    if to_stdout:
        for path in result.written:
            with open(path, "rb") as fh:
                sys.stdout.buffer.write(fh.read())
        sys.stdout.flush()
    code = _finish(result, out, result.written, settings.fail_on, quiet, to_stdout)
    if to_stdout:
        tmp.cleanup()
    sys.exit(code)


def _run_watch(corpus, files, out, source, fail_on, translator, pivot, name_extractor, checks, exclude_checks,
               formats, baseline, no_cache, max_bytes, quiet, jobs=None, full=False, executor="local",
               scheduler=None, docx_changes=None, require_backends=False, port=0, serve=True, polling=False):
    """``concord watch`` and ``compare --watch``: check once, then again after every change
    of an input file, in this one process, until Ctrl-C (130) or SIGTERM (143)."""
    import time

    from .pipeline import check_corpus, reduced_backends
    from .report.terminal import finding_lines, use_colour
    from .watch import LiveServer, Watcher, WatchSession

    if str(out) == "-":
        raise UsageError("watch writes its reports to a folder: give -o DIR (-o - is for check)")
    names, corpus, settings, ids = _prepare(corpus, out, source, fail_on, translator, pivot, name_extractor,
                                            checks, exclude_checks, formats, baseline, max_bytes, docx_changes)
    if isinstance(corpus, str):
        raise UsageError(f"{corpus}: watch needs a local folder (a URL has no change events)")
    _backends_line(settings, require_backends, quiet)
    notices = reduced_backends(settings)
    cache = _cache(no_cache)
    if cache is None and not quiet:
        _warn("--no-cache: nothing is stored between runs, so every change checks every story again")
    colour = use_colour(sys.stdout)
    session = WatchSession()  # the listing, stored groups and report pieces, kept between runs
    warned: set[str] = set()  # the warnings of the last run: a run repeats only new ones
    current: set[str] = set()

    def warn(msg: str) -> None:
        current.add(msg)
        if msg not in warned and not quiet:
            _warn(msg)

    def check(first: bool):
        current.clear()
        try:
            return check_corpus(corpus, settings, cache, warn=warn, jobs=jobs, incremental=not (full and first),
                                files=files, out=out, formats=names, baseline=ids,
                                baseline_name=baseline.name if baseline else None, executor=executor,
                                scheduler=scheduler, notices=notices, session=session)
        finally:
            warned.clear()
            warned.update(current)

    server = None

    def report(run) -> None:
        stamp = time.strftime("%H:%M:%S")
        if run.error is not None:
            _err(f"{run.error} (still watching)")
            return
        result = run.result
        if server is not None:
            server.bump()
        if quiet:
            return
        groups = result.groups
        if run.changed:  # the lines of the stories the change touched
            changed = {session.real(p) for p in run.changed}
            docs = {d for d, p in result.paths.items() if session.real(p) in changed}
            at = {i for i, g in enumerate(result.summaries or ()) if any(d["id"] in docs for d in g["documents"])}
            select = getattr(result.groups, "select", None)  # the spool: only the touched stories are parsed
            groups = list(select(at)) if select is not None else [g for i, g in enumerate(result.groups) if i in at]
        for line in finding_lines(groups, result.paths, settings.fail_on, colour):
            click.echo(line, color=colour)
        counts = _counts(result)
        known = {session.real(p) for p in result.paths.values()}
        shown = [p for p in run.changed if session.real(p) in known or os.path.exists(p)]  # no editor temp file
        what = ", ".join(os.path.basename(p) for p in shown[:3]) + (" ..." if len(shown) > 3 else "")
        from .report.terminal import summary_line

        click.echo(f"[{stamp}] {what + ': ' if what else ''}"
                   + summary_line(len(result.summaries or ()), counts, result.baseline,
                                  str(Path(out) / "index.html"), colour)
                   + f" ({run.seconds:.2f} s, {result.reused} unchanged)", color=colour)
        sys.stdout.flush()  # a log file or a pipe sees each run when it ends

    def warm(run) -> None:
        """Load in this process what re-checking one story needs (the first run may have
        computed in worker processes, or taken every story from the store)."""
        from .executors import warm_up_models
        from .pipeline import compare_files
        from .watch import warm_up_files

        warm_up_models(settings, ner=True)
        sample: list[str | os.PathLike] = list(warm_up_files(run.result)) if run.result is not None else []
        if sample:
            try:  # no cache: nothing is stored, every backend runs once
                compare_files(sample, settings, None)
            except ConcordError:
                pass

    watcher = Watcher(check, report, root=corpus, files=files, out=Path(out), polling=polling, warm_up=warm,
                      session=session)
    try:
        watcher.start()
        if serve:
            try:
                server = LiveServer(Path(out), port).start()
            except OSError as exc:
                raise UsageError(f"--port {port}: cannot serve the report on 127.0.0.1:{port} "
                                 f"({exc.strerror or exc}); give another port, or --no-serve") from None
        if not quiet:
            where = f"; live report at {server.url}" if server is not None else ""
            click.echo(f"watching {corpus if corpus is not None else ', '.join(map(str, files))} "
                       f"({'filesystem events' if watcher.mode == 'events' else 'polling'}){where}; "
                       "Ctrl-C stops", color=colour)
            sys.stdout.flush()
        watcher.loop()
    finally:
        if server is not None:
            server.close()


def _counts(result) -> dict[str, int]:
    """Findings per severity (each counted at its own level)."""
    at_least = [result.count(s) for s in Severity.values()]  # most serious first
    return {s: n - (at_least[i - 1] if i else 0) for i, (s, n) in enumerate(zip(Severity.values(), at_least))}


@main.command(short_help="Check every story group of a corpus folder.")
@click.argument("corpus", type=click.Path(file_okay=False))
@common_options
@run_options
@click.option("--timings", is_flag=True, help="Print seconds per pipeline stage on stderr at the end.")
@friendly
def check(corpus, out, source, fail_on, translator, pivot, name_extractor, checks, exclude_checks, formats,
          baseline, no_cache, max_bytes, quiet, require_backends, jobs, full, executor, scheduler, timings,
          docx_changes):
    """Group the documents of CORPUS into stories and check every group.

    Writes OUT/index.html, one OUT/group-ID.html per group and OUT/findings.json (plus
    findings.sarif and junit.xml when asked). Groups whose documents and settings did not
    change since the last run are taken from the cache instead of being recomputed.
    """
    _run_check(corpus, None, out, source, fail_on, translator, pivot, name_extractor, checks, exclude_checks,
               formats, baseline, no_cache, max_bytes, quiet, jobs, full, timings, executor, scheduler,
               docx_changes=docx_changes, require_backends=require_backends)


@main.command(short_help="Check a corpus, then again whenever one of its files changes.")
@click.argument("corpus", type=click.Path(file_okay=False))
@common_options
@run_options
@watch_options
@friendly
def watch(corpus, out, source, fail_on, translator, pivot, name_extractor, checks, exclude_checks, formats,
          baseline, no_cache, max_bytes, quiet, require_backends, jobs, full, executor, scheduler, port, no_serve,
          polling, docx_changes):
    """Check CORPUS as `check` does, then keep running: each time a file of CORPUS is
    saved, only the stories it touches are checked again and the reports in OUT are
    rewritten. The models stay loaded between runs. The report is served on
    http://127.0.0.1:PORT/ and the open page reloads itself after each run (the files on
    disk are the same as `check` writes). Ctrl-C stops it (exit 130; SIGTERM 143).
    """
    _run_watch(corpus, None, out, source, fail_on, translator, pivot, name_extractor, checks, exclude_checks,
               formats, baseline, no_cache, max_bytes, quiet, jobs, full, executor, scheduler,
               docx_changes=docx_changes, require_backends=require_backends, port=port, serve=not no_serve,
               polling=polling)


@main.command(short_help="Record current findings so later runs report only new ones.")
@click.argument("corpus", type=click.Path(file_okay=False))
@click.option("--output", "-o", default="concord-baseline.json", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="Baseline file to write.")
@click.option("--translator", type=click.Choice(TRANSLATORS), default=None,
              help="Translation backend [default: auto].")
@click.option("--pivot", default=None, help="Pivot language [default: en].")
@click.option("--names", "name_extractor", type=click.Choice(NAME_CHOICES), default=None,
              help="Name extractor [default: auto].")
@click.option("--checks", "checks", default=None, metavar="IDS", help="Comma-separated check ids to run.")
@click.option("--exclude-checks", "exclude_checks", default=None, metavar="IDS",
              help="Comma-separated check ids not to run.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the translation cache.")
@click.option("--max-bytes", type=click.IntRange(1, MAX_BYTES_LIMIT), default=None,
              help="Largest input file accepted [default: 20 MB].")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.option("--source", default=None, metavar="LANG|FILE",
              help="The original version (a language or a file name), as for `check` [default: none].")
@run_options
@friendly
def baseline(corpus, output, translator, pivot, name_extractor, checks, exclude_checks, no_cache, max_bytes,
             quiet, source, jobs, full, executor, scheduler):
    """Record the current findings of CORPUS in a baseline file; later
    `concord check CORPUS --baseline FILE` reports only new findings."""
    from .baseline import write_baseline
    from .pipeline import check_corpus

    if str(output).strip() in ("", "."):  # Path("") is the current folder
        raise UsageError("-o/--output is empty: give a file name for the baseline")
    corpus = _corpus(corpus)
    settings = _settings(None if isinstance(corpus, str) else corpus, translator, None, pivot, max_bytes,
                         name_extractor, checks, exclude_checks, source)
    result = check_corpus(corpus, settings, cache=_cache(no_cache), warn=None if quiet else _warn,
                          jobs=jobs, incremental=not full, executor=executor, scheduler=scheduler)
    path = write_baseline(result, output)
    if not quiet:
        click.echo(f"recorded {sum(1 for _ in result.findings())} finding(s) in {path}")


class _Bar:
    """A rich progress bar on a terminal; nothing when piped or in CI."""

    def __init__(self, total=None):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.p = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                          TimeRemainingColumn(), transient=True)
        self.p.start()
        self.task = self.p.add_task("checking groups", total=total)

    def advance(self, group_id):
        self.p.update(self.task, advance=1, description=f"checked {group_id}")

    def stop(self):
        self.p.stop()


def _progress(quiet, total=None):
    import os

    if quiet or not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    return _Bar(total)


@main.command(short_help="Check files as versions of one story.")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@common_options
@click.option("--watch", "watch_files", is_flag=True,
              help="Keep running: check again each time one of FILES is saved (see `concord watch`).")
@watch_options
@friendly
def compare(files, out, source, fail_on, translator, pivot, name_extractor, checks, exclude_checks, formats,
            baseline, no_cache, max_bytes, quiet, require_backends, watch_files, port, no_serve, polling,
            docx_changes):
    """Check FILES as versions of one story (at least two).

    The result does not depend on the order of FILES: the versions are compared source
    first (--source), else by language and name, as `check` does on a folder holding them.
    With --watch the check runs again each time one of FILES is saved, as `concord watch`.
    """
    if watch_files:
        _run_watch(None, list(files), out, source, fail_on, translator, pivot, name_extractor, checks,
                   exclude_checks, formats, baseline, no_cache, max_bytes, quiet, 1, False,
                   docx_changes=docx_changes, require_backends=require_backends, port=port, serve=not no_serve,
                   polling=polling)
    elif port or no_serve or polling:
        raise UsageError("--port, --no-serve and --polling go with --watch")
    _run_check(None, list(files), out, source, fail_on, translator, pivot, name_extractor, checks, exclude_checks,
               formats, baseline, no_cache, max_bytes, quiet, docx_changes=docx_changes,
               require_backends=require_backends)


@main.command(short_help="Print the language of each sentence of a file.")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@friendly
def detect(file, as_json):
    """Print each sentence of FILE with its language; mark spans in another language."""
    from .pipeline import detect_file
    from .report.findings_json import sentence_dict

    doc = detect_file(file)
    if as_json:
        click.echo(json.dumps({"document": doc.language,
                               "sentences": [sentence_dict(s) for s in doc.sentences]}, ensure_ascii=False, indent=2))
        return
    click.echo(f"# {doc.path}: {doc.language}")
    for s in doc.sentences:
        click.echo(f"{s.index}\t{s.language}\t{s.text}")
        for sp in s.spans:
            click.echo(f"\t  span {sp.language} [{sp.start}:{sp.end}] {sp.text}")


@main.command(short_help="Translate a file sentence by sentence.")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--to", "target", default=PIVOT, show_default=True, help="Target language.")
@click.option("--translator", type=click.Choice(TRANSLATORS), default="auto", show_default=True,
              help="Translation backend (auto: argos, else apertium, else none).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the translation cache.")
@friendly
def translate(file, target, translator, no_cache):
    """Translate FILE to --to, sentence by sentence (index, language, translation)."""
    from .config import known_language
    from .pipeline import translate_file

    if not known_language(target):
        raise InputError(f"--to {target!r} is not a language code such as en or es")
    doc, used = translate_file(file, target, translator, _cache(no_cache))
    for pair, name in used.items():
        click.echo(f"# {pair}: {name}", err=True)
    for s in doc.sentences:
        click.echo(f"{s.index}\t{s.language}\t{s.translation if s.translation is not None else s.text}")


@main.command(short_help="Align the sentences of two files.")
@click.argument("a", type=click.Path(path_type=Path))
@click.argument("b", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["tsv", "json"]), default="tsv", show_default=True,
              help="tsv: one bead per line; json: a list of beads.")
@click.option("--lines", is_flag=True, help="Each input line is one sentence (pre-segmented text).")
@click.option("--translator", type=click.Choice(TRANSLATORS), default="auto", show_default=True,
              help="Translation backend (auto: argos, else apertium, else none).")
@click.option("--pivot", default=PIVOT, show_default=True, help="Language both files are compared in.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the translation cache.")
@friendly
def align(a, b, fmt, lines, translator, pivot, no_cache):
    """Align the sentences of A and B: one bead per line, `a-indices<TAB>b-indices<TAB>score`
    (0-based, comma-separated, empty for none). Moved/repeated sentences follow the
    monotonic beads with their kind in a fourth column."""
    from .config import known_language
    from .pipeline import align_files
    from .report.findings_json import bead_dict

    if not known_language(pivot):
        raise InputError(f"--pivot {pivot!r} is not a language code such as en or es")
    _, _, beads, used = align_files(a, b, pivot, translator, _cache(no_cache), lines=lines)
    if translator == "none" or (used and set(used.values()) == {"none"}):
        click.echo("concord: note: no translation; aligning on numbers, names and length only", err=True)
    if fmt == "json":
        click.echo(json.dumps([bead_dict(bd) for bd in beads], indent=2))
        return
    for bd in beads:
        row = f"{','.join(map(str, bd.a))}\t{','.join(map(str, bd.b))}\t{bd.score:.4f}"
        if bd.kind in (BeadKind.MOVED, BeadKind.REPEATED):
            row += f"\t{bd.kind}"
        click.echo(row)


@main.command("checks", short_help="List every check.")
@click.option("--markdown", is_flag=True, help="Print the table the README carries.")
@friendly
def checks_cmd(markdown):
    """List every check: id, category, default severity and title."""
    from .checks import REGISTRY, markdown_table

    if markdown:
        click.echo(markdown_table())
        return
    for c in REGISTRY.values():
        click.echo(f"{c.id}\t{c.category}\t{c.severity}\t{c.title}")


@main.command(short_help="List backends and models, installed or missing.")
@friendly
def doctor():
    """List every backend and model: installed or missing, and how to install it."""
    from .model_install import doctor_report

    ok = True
    for name, status, hint in doctor_report():
        good = status.startswith("installed")
        mark = "ok" if good else "--"
        ok = ok and good
        click.echo(f"[{mark}] {name}: {status}" + (f"  ({hint})" if hint and not good else ""))


@main.group(short_help="Show or clear the translation cache.")
def cache():
    """The translation cache and the stored group results."""


@cache.command("clear", short_help="Delete the cache.")
@friendly
def cache_clear():
    """Delete every cached translation and every stored group result."""
    from .store import clear_cache

    path, translations, groups = clear_cache()
    click.echo(f"removed {translations} cached translation(s) and {groups} stored group result(s) from {path}")


@cache.command("info", short_help="Where the cache is and what it holds.")
@friendly
def cache_info():
    """Where the cache is, how many translations and group results it holds."""
    from .store import cache_info as info

    path, translations, groups, note = info()
    if translations is None:
        click.echo(f"{path}: {note}")
    else:
        click.echo(f"{path}: {translations} translation(s), "
                   f"{groups if groups is not None else 'unreadable'} stored group result(s)"
                   + (f" ({note})" if note else ""))


@main.group(short_help="Install and list translation and NER models.")
def models():
    """Install and list argostranslate and stanza models."""


@models.command("list", short_help="Show installed models.")
@friendly
def models_list():
    """Show installed argos packages and stanza models."""
    from .model_install import list_models

    rows = list_models()
    if not rows:
        click.echo("no argos or stanza model installed")
    for kind, name, where in rows:
        click.echo(f"{kind}\t{name}\t{where}")


@models.command("install", short_help="Install models from files or the network.")
@click.argument("langs", nargs=-1)
@click.option("--argos", "argos_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Install an argos package from a .argosmodel file.")
@click.option("--stanza", "stanza_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Install stanza models (NER for names) from a .zip of a stanza resources folder.")
@click.option("--dry-run", is_flag=True, help="With `spacy`: print the pip command and the pinned pipelines only.")
@friendly
def models_install(langs, argos_file, stanza_file, dry_run):
    """Install models: `spacy` for the pinned spaCy NER pipelines (pip, hashes checked;
    needs the package index), `--argos FILE.argosmodel`, `--stanza FILE.zip`, or `SRC TGT`
    to download the argos package and stanza models (needs a network)."""
    from .model_install import download_models, install_argos_file, install_spacy, install_stanza_file

    if langs and langs[0] == "spacy":
        if len(langs) > 1 or argos_file or stanza_file:
            raise UsageError("`concord models install spacy` takes no other argument")
        for line in install_spacy(dry_run, echo=click.echo):
            click.echo(line)
        return
    if dry_run:
        raise UsageError("--dry-run goes with `concord models install spacy`")
    if argos_file:
        click.echo(install_argos_file(argos_file))
    if stanza_file:
        click.echo("\n".join(install_stanza_file(stanza_file)))
    if argos_file or stanza_file:
        return
    if len(langs) != 2:
        raise InputError("give `spacy`, two languages (e.g. `concord models install es en`) or --argos FILE")
    for line in download_models(langs[0], langs[1]):
        click.echo(line)


_TERMINATED: list[bool] = []  # SIGTERM came while the options were read


def _term_before_command(signum, frame):
    """SIGTERM while the options are read, before the command's own handlers: like
    Ctrl-C there (one line, no traceback), with SIGTERM's exit code 143."""
    _TERMINATED.append(True)
    raise KeyboardInterrupt


def _main(prog_name: str | None) -> int | str | None:
    """:func:`main` with every way out of it as an exit code: a usage error of the option
    parser is one line (exit 2), Ctrl-C anywhere (also while the options are read) exits
    130 with one line, a closed standard output exits 141 quietly."""
    try:
        rv = main.main(prog_name=prog_name, standalone_mode=False)
        return rv if isinstance(rv, int) else 0
    except (click.exceptions.Abort, KeyboardInterrupt):
        return _stop(143, "terminated") if _TERMINATED else _stop(130, "interrupted")
    except click.ClickException as exc:
        msg = " ".join(exc.format_message().split())
        if isinstance(exc, click.UsageError) and exc.ctx is not None:
            msg += f" (see `{exc.ctx.command_path} --help`)"
        _err(msg)
        return exc.exit_code
    except BrokenPipeError:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return EXIT_BROKEN_PIPE


def _stop(code: int, message: str) -> int:
    try:
        _quiet_exit(code, message)
    except SystemExit:
        pass
    return code


def _hurry_on_signal(code: int) -> None:
    """The command is done (its reports written): Ctrl-C or SIGTERM during the teardown
    (freeing a Dask client and cluster, or their threads, can take seconds) ends the
    process at once with the command's own exit code, instead of a traceback or a death
    by the signal."""
    import threading

    def hurry(signum, frame):
        from .executors import release_semaphores_quietly

        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        release_semaphores_quietly()  # what the skipped exit handler does (else a warning on stderr)
        os._exit(code)

    if _is_command() and threading.current_thread() is threading.main_thread():  # not a program calling main()
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, hurry)


def _ignore_signals() -> None:
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            signal.signal(sig, signal.SIG_IGN)
        except ValueError:  # not the main thread
            pass


def run(prog_name: str | None = None) -> None:
    """The ``concord`` command: :func:`main`, then a quick exit.

    When the command has finished (reports written and closed, output flushed, exit
    handlers run), the interpreter's own teardown only frees memory the operating system
    takes back anyway; with language models, WordNet and the lexicon loaded that is a
    quarter of a second of every run. So the process ends there with the command's exit
    code. With another thread still running, or under a profiler or debugger, it exits the
    usual way."""
    import threading

    code: str | int | None
    try:
        if threading.current_thread() is threading.main_thread():  # from here on, the usual handlers
            signal.signal(signal.SIGINT, signal.default_int_handler)
            signal.signal(signal.SIGTERM, _term_before_command)
        code = _main(prog_name)
    except SystemExit as exc:
        code = exc.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        sys.stderr.write(f"{code}\n")
        code = 1
    _hurry_on_signal(code)
    if threading.active_count() > 1 or sys.getprofile() is not None or sys.gettrace() is not None:
        import atexit

        # the interpreter's teardown, after the exit handlers, sets handled signals back to
        # the default (a death by the signal): the command is done, so they are ignored then
        atexit.register(_ignore_signals)
        sys.exit(code)  # another thread, or a profiler or tracer that writes its data at exit
    import atexit

    getattr(atexit, "_run_exitfuncs", lambda: None)()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`concord ... | head`)
            pass
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
