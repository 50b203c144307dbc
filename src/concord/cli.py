"""The ``concord`` command line: a thin layer over the library API (commands only).

Exit codes: 0 no finding at or above ``--fail-on``; 1 findings at or above it; 2 usage or
input error (one line on stderr, never a traceback).
"""

from __future__ import annotations

import json
import sys
from functools import wraps
from pathlib import Path

import click

from . import __version__
from .errors import ConcordError

TRANSLATORS = ("auto", "apertium", "argos", "none")


def _err(msg: str) -> None:
    click.echo(f"concord: error: {msg}", err=True)


def _warn(msg: str) -> None:
    click.echo(f"concord: warning: {msg}", err=True)


def friendly(fn):
    """Turn Concord errors into one line and exit 2; keep tracebacks for real bugs only."""

    @wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ConcordError as exc:
            _err(str(exc))
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            _err("interrupted")
            sys.exit(130)
        except OSError as exc:
            _err(f"{getattr(exc, 'filename', '') or ''}: {exc.strerror or exc}".lstrip(": "))
            sys.exit(2)

    return wrapper


def _cache(no_cache: bool):
    if no_cache:
        return None
    from .translate import TranslationCache

    return TranslationCache()


def _settings(corpus, translator, fail_on, pivot, max_bytes, names=None):
    from .config import load_config, make_settings

    return make_settings(load_config(corpus), translator=translator, fail_on=fail_on,
                         pivot=pivot, max_bytes=max_bytes, names=names)


def _apply_baseline(result, baseline):
    if baseline is None:
        return
    from .baseline import apply_baseline, load_baseline

    apply_baseline(result, load_baseline(baseline), Path(baseline).name)


def _write(result, out, formats):
    from .report import parse_formats, write_reports

    return write_reports(result, out, parse_formats(formats))


def _finish(result, out, written, fail_on_level, quiet):
    n_err, n_warn = result.count("error"), result.count("warning") - result.count("error")
    n_all = result.count("info")
    if not quiet:
        main_file = next((p for p in written if p.name == "index.html"), written[0] if written else out)
        new = "new " if result.baseline else ""
        click.echo(f"{len(result.groups)} group(s), {n_all} {new}finding(s): {n_err} error(s), "
                   f"{n_warn} warning(s). Report: {main_file}")
        if result.baseline:
            click.echo(f"{result.baseline['suppressed']} finding(s) suppressed by baseline "
                       f"{result.baseline['file']}")
    if fail_on_level == "never":
        return 0
    return 1 if result.count(fail_on_level) else 0


_common = [
    click.option("--out", "-o", default="reports", show_default=True, type=click.Path(file_okay=False),
                 help="Folder for the reports."),
    click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default=None,
                 help="Exit 1 when a finding at or above this severity exists [default: error]."),
    click.option("--translator", type=click.Choice(TRANSLATORS), default=None,
                 help="Translation backend [default: auto: argos, else apertium, else none]."),
    click.option("--pivot", default=None, help="Pivot language all versions are compared in [default: en]."),
    click.option("--names", "name_extractor", type=click.Choice(["auto", "rules", "stanza"]), default=None,
                 help="Name extractor [default: auto: stanza NER where its model is installed, else rules]."),
    click.option("--format", "formats", default="html,json", show_default=True,
                 help="Comma-separated report formats: html, json, sarif, junit."),
    click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), default=None,
                 help="Report only findings not recorded in this baseline file."),
    click.option("--no-cache", is_flag=True, help="Do not read or write the translation cache."),
    click.option("--max-bytes", type=int, default=None, help="Largest input file accepted [default: 20 MB]."),
    click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors."),
]


def common_options(fn):
    for opt in reversed(_common):
        fn = opt(fn)
    return fn


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="concord")
def main():
    """Concord checks that versions of the same story (Spanish and English wire copy)
    say the same thing: numbers, names, dates and quotes."""
    # [rel] a terminal whose locale cannot show a character gets an escape, not a traceback
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):
            pass


@main.command()
@click.argument("corpus", type=click.Path(file_okay=False, path_type=Path))
@common_options
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: all cores]. Output is identical for any value.")
@click.option("--full", is_flag=True, help="Recompute every group, even those unchanged since the last run.")
@click.option("--timings", is_flag=True, help="Print seconds per pipeline stage on stderr at the end.")
@friendly
def check(corpus, out, fail_on, translator, pivot, name_extractor, formats, baseline, no_cache, max_bytes, quiet, jobs,
          full, timings):
    """Group the documents of CORPUS into stories and check every group.

    Writes OUT/index.html, one OUT/group-ID.html per group and OUT/findings.json (plus
    findings.sarif and junit.xml when asked). Groups whose documents and settings did not
    change since the last run are taken from the cache instead of being recomputed.
    """
    from .pipeline import Run
    from .report import ReportWriter, parse_formats

    names = parse_formats(formats)  # a bad --format fails before any work
    if not corpus.exists():
        raise_usage(f"{corpus}: no such corpus folder")
    settings = _settings(corpus, translator, fail_on, pivot, max_bytes, name_extractor)
    ids = None
    if baseline is not None:
        from .baseline import load_baseline

        ids = load_baseline(baseline)
    from .corpus import check_output_folder  # [rel] reports never overwrite or feed input

    check_output_folder(out, [], corpus)
    run = Run(corpus, settings, cache=_cache(no_cache), warn=None if quiet else _warn,
              jobs=jobs, incremental=not full, exclude=[out])
    writer = ReportWriter(out, names, run.header(), ids, baseline.name if baseline else None)
    progress = _progress(quiet, len(run))
    import time

    try:
        for group in run.groups(lazy=True):
            t0 = time.perf_counter()
            gid = group["id"] if isinstance(group, dict) else group.id
            writer.add(group, run.keys.get(gid))
            run.timings.add("report", time.perf_counter() - t0)
            if progress:
                progress.advance(gid)
        t0 = time.perf_counter()
        result = writer.finish()
        run.timings.add("report", time.perf_counter() - t0)
    except BaseException:
        writer.abort()
        raise
    finally:
        if progress:
            progress.stop()
    if timings:
        from .pipeline import STAGES

        click.echo("timings: " + " ".join(f"{k}={run.timings.get(k, 0.0):.3f}" for k in STAGES)
                   + f" reused={run.reused} groups={len(run)}", err=True)
    sys.exit(_finish(result, out, writer.written, settings.fail_on, quiet))


@main.command()
@click.argument("corpus", type=click.Path(file_okay=False, path_type=Path))
@click.option("--output", "-o", default="concord-baseline.json", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="Baseline file to write.")
@click.option("--translator", type=click.Choice(TRANSLATORS), default=None,
              help="Translation backend [default: auto].")
@click.option("--pivot", default=None, help="Pivot language [default: en].")
@click.option("--names", "name_extractor", type=click.Choice(["auto", "rules", "stanza"]), default=None,
              help="Name extractor [default: auto].")
@click.option("--no-cache", is_flag=True, help="Do not read or write the translation cache.")
@click.option("--max-bytes", type=int, default=None, help="Largest input file accepted [default: 20 MB].")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@friendly
def baseline(corpus, output, translator, pivot, name_extractor, no_cache, max_bytes, quiet):
    """Record the current findings of CORPUS in a baseline file; later
    `concord check CORPUS --baseline FILE` reports only new findings."""
    from .baseline import write_baseline
    from .pipeline import check_corpus

    if not corpus.exists():
        raise_usage(f"{corpus}: no such corpus folder")
    settings = _settings(corpus, translator, None, pivot, max_bytes, name_extractor)
    result = check_corpus(corpus, settings, cache=_cache(no_cache), warn=None if quiet else _warn)
    path = write_baseline(result, output)
    if not quiet:
        click.echo(f"recorded {sum(1 for _ in result.findings())} finding(s) in {path}")


def raise_usage(msg):
    from .errors import InputError

    raise InputError(msg)


class _Bar:
    """A rich progress bar on a terminal; nothing when piped or in CI."""

    def __init__(self, total=None):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.p = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                          TimeRemainingColumn(), transient=True)
        self.p.start()
        self.task = self.p.add_task("checking groups", total=total)

    def advance(self, group):
        self.p.update(self.task, advance=1, description=f"checked {group}")

    def stop(self):
        self.p.stop()


def _progress(quiet, total=None):
    import os

    if quiet or not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    return _Bar(total)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@common_options
@friendly
def compare(files, out, fail_on, translator, pivot, name_extractor, formats, baseline, no_cache, max_bytes, quiet):
    """Check FILES as versions of one story (at least two)."""
    from .pipeline import compare_files
    from .report import parse_formats

    parse_formats(formats)
    from .corpus import check_output_folder  # [rel] an input named index.html is never overwritten

    check_output_folder(out, list(files))
    settings = _settings(None, translator, fail_on, pivot, max_bytes, name_extractor)
    result = compare_files(list(files), settings, cache=_cache(no_cache))
    _apply_baseline(result, baseline)
    sys.exit(_finish(result, out, _write(result, out, formats), settings.fail_on, quiet))


def _load(path, languages=("en", "es")):
    from .corpus import load_document
    from .language import annotate_languages
    from .segment import segment_document

    doc = load_document(path, Path(path).name)
    segment_document(doc)
    annotate_languages(doc, languages)
    return doc


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@friendly
def detect(file, as_json):
    """Print each sentence of FILE with its language; mark spans in another language."""
    doc = _load(file)
    if as_json:
        click.echo(json.dumps({"document": doc.language,
                               "sentences": [s.to_dict() for s in doc.sentences]}, ensure_ascii=False, indent=2))
        return
    click.echo(f"# {doc.path}: {doc.language}")
    for s in doc.sentences:
        click.echo(f"{s.index}\t{s.language}\t{s.text}")
        for sp in s.spans:
            click.echo(f"\t  span {sp.language} [{sp.start}:{sp.end}] {sp.text}")


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--to", "target", default="en", show_default=True, help="Target language.")
@click.option("--translator", type=click.Choice(TRANSLATORS), default="auto", show_default=True)
@click.option("--no-cache", is_flag=True, help="Do not read or write the translation cache.")
@friendly
def translate(file, target, translator, no_cache):
    """Translate FILE to --to, sentence by sentence (index, language, translation)."""
    from .translate import translate_documents

    doc = _load(file, ("en", "es") if target in ("en", "es") else ("en", "es", target))
    used = translate_documents([doc], target, translator, _cache(no_cache))
    for pair, name in used.items():
        click.echo(f"# {pair}: {name}", err=True)
    for s in doc.sentences:
        click.echo(f"{s.index}\t{s.language}\t{s.translation if s.translation is not None else s.text}")


@main.command()
@click.argument("a", type=click.Path(path_type=Path))
@click.argument("b", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["tsv", "json"]), default="tsv", show_default=True)
@click.option("--lines", is_flag=True, help="Each input line is one sentence (pre-segmented text).")
@click.option("--translator", type=click.Choice(TRANSLATORS), default="auto", show_default=True)
@click.option("--pivot", default="en", show_default=True)
@click.option("--no-cache", is_flag=True, help="Do not read or write the translation cache.")
@friendly
def align(a, b, fmt, lines, translator, pivot, no_cache):
    """Align the sentences of A and B: one bead per line, `a-indices<TAB>b-indices<TAB>score`
    (0-based, comma-separated, empty for none). Moved/repeated sentences follow the
    monotonic beads with their kind in a fourth column."""
    from .align import align_documents
    from .corpus import load_document
    from .document import Sentence
    from .language import annotate_languages
    from .translate import translate_documents

    docs = []
    for path in (a, b):
        doc = load_document(path, Path(path).name)
        if lines:
            pos = 0
            for line in doc.text.split("\n"):
                if line.strip():
                    doc.sentences.append(Sentence(index=len(doc.sentences), start=pos,
                                                  end=pos + len(line), text=line))
                pos += len(line) + 1
        else:
            from .segment import segment_document

            segment_document(doc)
        annotate_languages(doc)
        docs.append(doc)
    used = translate_documents(docs, pivot, translator, _cache(no_cache))
    if translator == "none" or (used and set(used.values()) == {"none"}):
        click.echo("concord: note: no translation; aligning on numbers, names and length only", err=True)
    beads = align_documents(docs[0], docs[1])
    if fmt == "json":
        click.echo(json.dumps([bd.to_dict() for bd in beads], indent=2))
        return
    for bd in beads:
        row = f"{','.join(map(str, bd.a))}\t{','.join(map(str, bd.b))}\t{bd.score:.4f}"
        if bd.kind in ("moved", "repeated"):
            row += f"\t{bd.kind}"
        click.echo(row)


@main.command()
@friendly
def doctor():
    """List every backend and model: installed or missing, and how to install it."""
    from .models import doctor_report

    ok = True
    for name, status, hint in doctor_report():
        mark = "ok" if status == "installed" else "--"
        ok = ok and status == "installed"
        click.echo(f"[{mark}] {name}: {status}" + (f"  ({hint})" if hint and status != "installed" else ""))


@main.group()
def cache():
    """The translation cache."""


@cache.command("clear")
@friendly
def cache_clear():
    """Delete every cached translation."""
    from .translate import TranslationCache

    c = TranslationCache()
    n = c.clear()
    click.echo(f"removed {n} cached translation(s) from {c.path}")


@cache.command("info")
@friendly
def cache_info():
    """Where the cache is and how many translations it holds."""
    from .translate import TranslationCache

    c = TranslationCache()
    n, note = c.status()  # [rel] works on a damaged cache too
    click.echo(f"{c.path}: " + (f"{n} translation(s)" if n is not None else note)
               + (f" ({note})" if n is not None and note else ""))


@main.group()
def models():
    """Install and list argostranslate and stanza models."""


@models.command("list")
@friendly
def models_list():
    """Show installed argos packages and stanza models."""
    from .models import list_models

    rows = list_models()
    if not rows:
        click.echo("no argos or stanza model installed")
    for kind, name, where in rows:
        click.echo(f"{kind}\t{name}\t{where}")


@models.command("install")
@click.argument("langs", nargs=-1)
@click.option("--argos", "argos_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Install an argos package from a .argosmodel file.")
@click.option("--stanza", "stanza_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Install stanza models (NER for names) from a .zip of a stanza resources folder.")
@friendly
def models_install(langs, argos_file, stanza_file):
    """Install models: `--argos FILE.argosmodel`, `--stanza FILE.zip`, or `SRC TGT` to
    download the argos package and stanza models (needs a network)."""
    from .models import download_models, install_argos_file, install_stanza_file

    if argos_file:
        click.echo(install_argos_file(argos_file))
    if stanza_file:
        click.echo("\n".join(install_stanza_file(stanza_file)))
    if argos_file or stanza_file:
        return
    if len(langs) != 2:
        raise_usage("give two languages (e.g. `concord models install es en`) or --argos FILE")
    for line in download_models(langs[0], langs[1]):
        click.echo(line)


if __name__ == "__main__":  # pragma: no cover
    main()
