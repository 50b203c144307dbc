"""Growth of every pipeline stage with input size: anything super-linear shows here.

For inputs that grow by doubling -- lines of one document, paragraphs of a pair of
versions, files of a corpus -- this prints the seconds per stage and, per stage, the growth
exponent k of time ~ size^k fitted over the sizes (1 is linear, 2 quadratic; n log n fits
a little over 1). Stages cheaper than a few milliseconds are shown but not judged.

    python benchmarks/robustness.py                       # default sizes, no translation
    python benchmarks/robustness.py --translator apertium --scale 4
    python benchmarks/robustness.py --pair-mb 19                # one large pair, whole CLI

``--pair-mb N`` builds a Spanish/English pair of about N MB per file (the team corpus's
parallel stories, repeated with their digits and shared names varied per copy, the same way
in both versions; ``--repeat`` keeps every copy identical instead), runs ``concord check``
on it as a user would (default settings, cold translation cache, then ``--names rules``)
and prints the seconds per stage, the wall time and the peak memory of the run; with
``--floor`` also the time of raw ``apertium -f line spa-eng`` on the same Spanish text.

Inputs are generated from the team corpus (corpus/) with numbers varied so that every
paragraph is distinct; nothing is read from outside the project.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from concord.config import Settings  # noqa: E402
from concord.corpus import group_documents, load_document, read_corpus  # noqa: E402
from concord.document import Group  # noqa: E402
from concord.pipeline import STAGES, Timings, process_groups  # noqa: E402
from concord.segment import split_paragraphs, split_sentences  # noqa: E402
from concord.textio import html_to_text, markdown_to_text  # noqa: E402
from concord.translate import TranslationCache  # noqa: E402

JUDGE_FLOOR = 0.02  # seconds: below this a stage's exponent is noise


def _paragraphs(lang: str) -> list[str]:
    out = []
    for p in sorted((ROOT / "corpus").glob(f"*.{lang}.txt")):
        text = p.read_text(encoding="utf-8")
        out.extend(text[a:b] for a, b in split_paragraphs(text))
    return [p for p in out if len(p) > 40]


def _vary(par: str, k: int, rng: random.Random) -> str:
    """The paragraph with its digits changed so repeated paragraphs stay distinct."""
    return "".join(str(rng.randrange(10)) if ch.isdigit() else ch for ch in par) + f" ({k + 1})"


_CAPS = re.compile(r"\b[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+")


def _unrelated(par: str, rng: random.Random) -> str:
    """The paragraph with every capitalised word replaced by a made-up name, so files built
    from the same paragraph are different stories (they share no names)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return _CAPS.sub(lambda m: m.group(0)[0] + "".join(rng.choice(letters) for _ in range(len(m.group(0)) - 1)), par)


def exponent(sizes: list[int], times: list[float]) -> float | None:
    """Least-squares slope of log(time) over log(size)."""
    pts = [(math.log(n), math.log(t)) for n, t in zip(sizes, times) if t > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / den if den else None


def report(title: str, unit: str, sizes: list[int], rows: list[dict]) -> list[str]:
    stages = [s for s in list(rows[0]) if any(r.get(s, 0) > 0 for r in rows)]
    print(f"\n## {title}")
    print(f"{unit:>10} " + " ".join(f"{s:>10}" for s in stages))
    for n, r in zip(sizes, rows):
        print(f"{n:>10} " + " ".join(f"{r.get(s, 0.0):>10.3f}" for s in stages))
    flagged = []
    line = []
    for s in stages:
        ts = [r.get(s, 0.0) for r in rows]
        k = exponent(sizes, ts)
        judged = max(ts) >= JUDGE_FLOOR
        mark = "" if (k is None or not judged or k < 1.3) else " !"
        if mark:
            flagged.append(f"{title}: {s} grows as size^{k:.2f}")
        line.append(f"{(f'{k:.2f}' if k is not None else '-') + mark:>10}")
    print(f"{'exponent':>10} " + " ".join(line))
    return flagged


def bench_lines(sizes: list[int]) -> list[str]:
    """One document, N lines of prose in one paragraph each (read, Markdown, HTML, segment)."""
    rng = random.Random(1)
    pars = _paragraphs("es")
    rows = []
    for n in [sizes[0]] + sizes:  # the first run warms up (imports, models) and is dropped
        text = "\n\n".join(_vary(pars[k % len(pars)], k, rng) for k in range(n)) + "\n"
        one_line = " ".join(text.split())
        row = {}
        t0 = time.perf_counter()
        for a, b in split_paragraphs(text):
            split_sentences(text, a, b)
        row["segment"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        split_sentences(one_line)
        row["one-line"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        markdown_to_text(text.replace("\n\n", "\n\n> "))
        row["markdown"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        html_to_text("".join(f"<div><p>{line}</p>" for line in text.split("\n\n")) + "</div>" * n)
        row["html"] = time.perf_counter() - t0
        rows.append(row)
    return report("lines (one document)", "lines", sizes, rows[1:])


def bench_paragraphs(sizes: list[int], settings: Settings, cache) -> list[str]:
    """A pair of versions with N paragraphs each: every stage of a group."""
    rng = random.Random(2)
    es, en = _paragraphs("es"), _paragraphs("en")
    rows = []
    # langdetect is consulted only where lingua leaves the answer open, so the smallest
    # warm-up pair may not load it: load it here, or its one-time load lands in a timed row
    from concord.detect import langdetect_scores

    langdetect_scores("La policía dijo que el presidente habló con los periodistas.")
    with tempfile.TemporaryDirectory() as tmp:
        for n in [sizes[0]] + sizes:  # the first run warms up and is dropped
            pa, pb = Path(tmp) / f"s{n}.es.txt", Path(tmp) / f"s{n}.en.txt"
            pa.write_text("\n\n".join(_vary(es[k % len(es)], k, rng) for k in range(n)) + "\n", encoding="utf-8")
            pb.write_text("\n\n".join(_vary(en[k % len(en)], k, rng) for k in range(n)) + "\n", encoding="utf-8")
            timings = Timings()
            t0 = time.perf_counter()
            docs = [load_document(pa, pa.name), load_document(pb, pb.name)]
            timings.add("read", time.perf_counter() - t0)
            process_groups([Group(id="g", documents=docs, method="explicit")], settings, cache, timings)
            rows.append({s: timings.get(s, 0.0) for s in STAGES if s != "report"})
    return report("paragraphs (a pair of versions)", "paragraphs", sizes, rows[1:])


def bench_files(sizes: list[int]) -> list[str]:
    """A corpus of N loose files (no naming convention): reading and anchor grouping."""
    rng = random.Random(3)
    pars = _paragraphs("es") + _paragraphs("en")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            folder = Path(tmp) / f"c{n}"
            folder.mkdir()
            for k in range(n):
                body = "\n\n".join(_unrelated(_vary(pars[(k + j) % len(pars)], k, rng), rng) for j in range(3))
                (folder / f"story-{k:05d}.txt").write_text(body + "\n", encoding="utf-8")
            t0 = time.perf_counter()
            corpus = read_corpus(folder)
            t1 = time.perf_counter()
            group_documents(corpus.documents)
            rows.append({"read": t1 - t0, "group": time.perf_counter() - t1})
            shutil.rmtree(folder)
    return report("files (loose files of a corpus)", "files", sizes, rows)


def _stories() -> list[tuple[list[str], list[str], set[str]]]:
    """The team corpus's parallel stories: Spanish and English paragraphs, and the
    capitalised words both versions share (the names, which a copy varies alike)."""
    out = []
    for es in sorted((ROOT / "corpus").glob("*.es.txt")):
        en = es.with_name(es.name[: -len(".es.txt")] + ".en.txt")
        if not en.exists():
            continue
        a, b = es.read_text(encoding="utf-8"), en.read_text(encoding="utf-8")
        names = set(_CAPS.findall(a)) & set(_CAPS.findall(b))
        out.append(([a[x:y] for x, y in split_paragraphs(a)], [b[x:y] for x, y in split_paragraphs(b)],
                    names))
    return out


def build_pair(folder: Path, mb: float, repeat: bool = False, seed: int = 4) -> tuple[Path, Path]:
    """A pair ``story.es.txt`` / ``story.en.txt`` of about ``mb`` MB each: copies of the
    team corpus's parallel stories, each copy with its digits permuted and its names (the
    capitalised words both versions share) replaced, the same way in both versions, so the
    versions agree and no two copies are the same text; identical copies with ``repeat``."""
    rng = random.Random(seed)
    stories = _stories()
    letters = "abcdefghijklmnopqrstuvwxyz"
    target = int(mb * 1_000_000)
    es_parts: list[str] = []
    en_parts: list[str] = []
    size = k = 0
    while size < target:
        es, en, names = stories[k % len(stories)]
        if repeat:
            a, b = "\n\n".join(es), "\n\n".join(en)
        else:
            digits = list("0123456789")
            rng.shuffle(digits)
            table = str.maketrans("0123456789", "".join(digits))
            fake = {w: w[0] + "".join(rng.choice(letters) for _ in range(len(w) - 1)) for w in sorted(names)}

            def vary(text: str, fake: dict = fake, table: dict = table) -> str:
                return _CAPS.sub(lambda m: fake.get(m.group(0), m.group(0)), text.translate(table))

            a, b = vary("\n\n".join(es)), vary("\n\n".join(en))
        es_parts.append(a)
        en_parts.append(b)
        size += len(a.encode("utf-8"))
        k += 1
    pa, pb = folder / "story.es.txt", folder / "story.en.txt"
    pa.write_text("\n\n".join(es_parts) + "\n", encoding="utf-8")
    pb.write_text("\n\n".join(en_parts) + "\n", encoding="utf-8")
    return pa, pb


def bench_pair(mb: float, repeat: bool, floor: bool, names: list[str]) -> None:
    """``concord check`` on one large pair (see the module docstring): per-stage seconds,
    wall time and peak memory of the whole run, cold translation cache."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pair"
        folder.mkdir()
        pa, pb = build_pair(folder, mb, repeat)
        text = pa.read_text(encoding="utf-8")
        print(f"\n## one pair of {pa.stat().st_size / 1e6:.1f} MB (es) / {pb.stat().st_size / 1e6:.1f} MB (en), "
              f"{len(text.split()):,} Spanish words, {'identical' if repeat else 'varied'} copies")
        if floor:
            t0 = time.perf_counter()
            lines = "\n".join(" ".join(p.split()) for p in text.split("\n\n"))
            subprocess.run(["apertium", "-f", "line", "spa-eng"], input=lines.encode("utf-8"),
                           stdout=subprocess.DEVNULL, check=True)
            print(f"raw `apertium -f line spa-eng` on the Spanish text: {time.perf_counter() - t0:.1f} s")
        for name in names:
            cache = Path(tmp) / f"cache-{name}"  # cold: translation is part of the cost
            cmd = [sys.executable, "-m", "concord", "check", str(folder), "-o", str(Path(tmp) / f"out-{name}"),
                   "--timings", "--fail-on", "never", "--full", "--quiet"]
            if name != "default":
                cmd += ["--names", name]
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            t0 = time.perf_counter()
            run = subprocess.run(cmd, env=dict(env, CONCORD_CACHE_DIR=str(cache)), capture_output=True,
                                 text=True, check=False)
            wall = time.perf_counter() - t0
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            line = next((x for x in run.stderr.splitlines() if x.startswith("timings:")), "")
            label = "default (NER)" if name == "default" else f"--names {name}"
            peak_note = f"{peak / 1024:.0f} MB" if peak > before else f"under {before / 1024:.0f} MB"
            print(f"{label}: exit {run.returncode}, wall {wall:.1f} s, peak RSS {peak_note}")
            print("  " + (line or run.stderr.strip()[-500:]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--translator", default="none", help="none (default), apertium, argos or auto")
    ap.add_argument("--scale", type=int, default=1, help="multiply every size by this")
    ap.add_argument("--only", choices=["lines", "paragraphs", "files"], default=None)
    ap.add_argument("--pair-mb", type=float, default=None,
                    help="instead: build one Spanish/English pair of about this many MB per file "
                         "and time `concord check` on it, stage by stage")
    ap.add_argument("--repeat", action="store_true", help="with --pair-mb: identical copies")
    ap.add_argument("--floor", action="store_true",
                    help="with --pair-mb: also time raw `apertium -f line spa-eng` on the Spanish text")
    ap.add_argument("--names", default="default,rules",
                    help="with --pair-mb: name extractors to run, comma-separated (default = the CLI's)")
    args = ap.parse_args()
    if args.pair_mb:
        bench_pair(args.pair_mb, args.repeat, args.floor, [x for x in args.names.split(",") if x])
        return 0
    s = args.scale
    settings = Settings(translator=args.translator)
    cache_dir = tempfile.mkdtemp(prefix="concord-robustness-")
    cache = TranslationCache(Path(cache_dir) / "t.sqlite3") if args.translator != "none" else None
    flagged: list[str] = []
    try:
        if args.only in (None, "lines"):
            flagged += bench_lines([250 * s * 2 ** k for k in range(5)])
        if args.only in (None, "paragraphs"):
            flagged += bench_paragraphs([25 * s * 2 ** k for k in range(5)], settings, cache)
        if args.only in (None, "files"):
            flagged += bench_files([125 * s * 2 ** k for k in range(5)])
    finally:
        if cache:
            cache.close()
        shutil.rmtree(cache_dir, ignore_errors=True)
    print()
    if flagged:
        print("super-linear (exponent >= 1.3 on stages over "
              f"{JUDGE_FLOOR * 1000:.0f} ms):\n  " + "\n  ".join(flagged))
        return 1
    print("every stage grows linearly or n log n")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("CONCORD_CACHE_DIR", tempfile.mkdtemp(prefix="concord-robustness-cache-"))
    sys.exit(main())
