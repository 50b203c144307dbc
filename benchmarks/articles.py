"""Speed on real news articles: ``concord check`` on whole articles against raw Apertium on
the same text, in the same run.

The corpus is ``../shared/eval/ntrex-dev`` (62 professional Spanish/English translations of
whole news articles; ``--corpus DIR`` or ``--shared DIR`` for another): real sentence
lengths, every sentence distinct. Runs, each a separate ``concord check`` process:

  cold j1   empty translation cache, every group computed (--full), one process
  cold j2   the same with ``--jobs 2`` (a second empty cache)
  warm      translation and entity caches filled by the cold run, every group computed
  rerun     a second normal run after the warm one: every group comes from the group store

The floor is one ``apertium -f line spa-eng`` process on exactly the Spanish sentences
Concord sends to the translator (its own segmentation, one sentence a line). The table gives
wall and CPU seconds, words per second (both languages) and the **ratio to the floor**
(raw Apertium's wall time over the run's: 1.0 would be as fast as the translator alone),
and seconds per stage from ``--timings`` (summed over workers). Figures are ratios in one
run on one machine, so they compare across machines; absolute seconds do not. On a machine
shared with other work wall times stretch with its load, CPU times much less: ``cpu vs``
is raw Apertium's CPU seconds over the run's (the whole process tree's, Apertium's own
processes included).

    python benchmarks/articles.py [--shared DIR | --corpus DIR] [--jobs 1,2]

Without the shared sets it says so and exits 0.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from scale import build_model_files, raw_apertium, run_check, spanish_sentences  # noqa: E402

ROOT = HERE.parent
STAGES = ("read", "segment", "detect", "translate", "align", "extract", "compare", "report")


def default_shared() -> Path:
    return Path(os.environ.get("CONCORD_SHARED") or ROOT.parent / "shared")


def words(corpus: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in sorted(corpus.glob("*.txt")))


def row(name: str, r: dict, n_words: int, floor: float, floor_cpu: float) -> str:
    st = r["stages"]
    stages = " ".join(f"{k} {st.get(k, 0):.1f}" for k in STAGES)
    return (f"{name:<9}{r['wall']:>8.1f}{r['cpu']:>8.1f}{n_words / r['wall']:>10.0f}"
            f"{floor / r['wall']:>9.2f}{floor_cpu / r['cpu']:>9.2f}{r['peak'] / 2**20:>8.0f}  {stages}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=None, help="the shared sets' folder [../shared]")
    ap.add_argument("--corpus", type=Path, default=None, help="a folder of *.es.txt/*.en.txt pairs")
    ap.add_argument("--jobs", default="1,2", help="worker counts of the cold runs [1,2]")
    args = ap.parse_args(argv)
    source = args.corpus or (args.shared or default_shared()) / "eval" / "ntrex-dev"
    if not source.is_dir():
        print(f"articles: {source} is absent (the shared evaluation sets live beside the project); "
              "nothing measured")
        return 0
    jobs = [int(j) for j in args.jobs.split(",")]
    with tempfile.TemporaryDirectory(prefix="concord-articles-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for p in sorted(source.glob("*.txt")):
            shutil.copyfile(p, corpus / p.name)
        n_words = words(corpus)
        text = spanish_sentences(corpus)
        floor, floor_cpu = raw_apertium(text)
        print(f"{len(list(corpus.glob('*.txt')))} documents, {n_words:,} words (both languages); raw Apertium "
              f"spa-eng on the {text.count(chr(10)):,} Spanish sentences: {floor:.2f} s wall, {floor_cpu:.2f} s CPU "
              f"({len(text.split()) / floor:,.0f} words/s)")
        print(f"{'run':<9}{'wall s':>8}{'cpu s':>8}{'words/s':>10}{'vs raw':>9}{'cpu vs':>9}{'MB':>8}"
              "  seconds per stage")
        results = {}
        for j in jobs:
            cache = Path(tmp) / f"cache-j{j}"
            build_model_files(cache)
            results[f"cold j{j}"] = run_check(corpus, Path(tmp) / f"out-j{j}", cache, j, full=True)
            print(row(f"cold j{j}", results[f"cold j{j}"], n_words, floor, floor_cpu))
        cache = Path(tmp) / f"cache-j{jobs[0]}"
        out = Path(tmp) / f"out-j{jobs[0]}"
        results["warm"] = run_check(corpus, out, cache, jobs[0], full=True)
        print(row("warm", results["warm"], n_words, floor, floor_cpu))
        run_check(corpus, out, cache, jobs[0], full=False)  # a normal run: stores every group
        results["rerun"] = run_check(corpus, out, cache, jobs[0], full=False)
        print(row("rerun", results["rerun"], n_words, floor, floor_cpu))
        cold = results[f"cold j{jobs[0]}"]
        if len(jobs) > 1:
            print(f"--jobs {jobs[1]} speed-up over --jobs {jobs[0]} (cold): "
                  f"{cold['wall'] / results[f'cold j{jobs[1]}']['wall']:.2f}x")
        print(f"translate stage vs raw Apertium (cold, --jobs {jobs[0]}): "
              f"{cold['stages'].get('translate', 0) / floor:.2f}x; warm re-run: "
              f"{100 * results['rerun']['wall'] / cold['wall']:.1f}% of the cold run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
