"""Apertium throughput through Concord vs. raw ``apertium`` on the same text, in one run.

The text is every Spanish sentence of the team's corpus, repeated with a running case
number so no two lines are equal (nothing is deduplicated or cached), about 3,000 lines.
"Raw" is ``apertium -f line spa-eng`` reading the file; "Concord" is
``concord.translate.translate_texts`` with the Apertium backend and no cache (one process
per batch, marks cleaned, outputs mapped back to sentences). Then a cached run of the same
texts reports how many backend calls it made (zero expected).

    python benchmarks/apertium.py [--lines 3000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def spanish_sentences() -> list[str]:
    from concord.corpus import load_document
    from concord.segment import segment_document

    out = []
    for path in sorted((ROOT / "corpus").glob("*.es.txt")):
        doc = segment_document(load_document(path, path.name))
        out += [s.text for s in doc.sentences]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    from concord.translate import TranslationCache, translate_texts
    from concord.translate.apertium import ApertiumTranslator

    tr = ApertiumTranslator()
    if not tr.available("es", "en"):
        print("Apertium spa-eng is not installed (apt-get install apertium apertium-eng-spa)")
        return 2
    base = spanish_sentences()
    texts = [f"{base[i % len(base)]} Caso {i}." for i in range(args.lines)]
    words = sum(len(t.split()) for t in texts)
    raw_times, concord_times = [], []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.txt"
        src.write_text("\n".join(texts) + "\n", encoding="utf-8")
        for _ in range(args.repeat):  # interleaved, so load on the machine hits both alike
            t0 = time.perf_counter()
            with open(src, "rb") as fh:
                subprocess.run(["apertium", "-f", "line", "spa-eng"], stdin=fh,
                               stdout=subprocess.DEVNULL, check=True)
            raw_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            out = translate_texts(texts, "es", "en", tr, None)
            concord_times.append(time.perf_counter() - t0)
        assert len(out) == len(texts)
        cache = TranslationCache(Path(tmp) / "cache")
        translate_texts(texts, "es", "en", tr, cache)
        before = type(tr).calls
        t0 = time.perf_counter()
        translate_texts(texts, "es", "en", tr, cache)
        cached = time.perf_counter() - t0
        cached_calls = type(tr).calls - before
    raw, conc = statistics.median(raw_times), statistics.median(concord_times)
    overhead = conc / raw - 1.0
    print(f"Apertium spa-eng: {len(texts)} sentences, {words} words, median of {args.repeat} runs")
    print(f"{'':<22}{'seconds':>9}{'sentences/s':>13}{'words/s':>10}")
    print(f"{'raw apertium':<22}{raw:>9.2f}{len(texts) / raw:>13.0f}{words / raw:>10.0f}")
    print(f"{'through Concord':<22}{conc:>9.2f}{len(texts) / conc:>13.0f}{words / conc:>10.0f}")
    print(f"Concord overhead: {overhead * 100:+.1f}% (target <= 15%)")
    print(f"cached re-run: {cached:.3f} s, {cached_calls} backend call(s) (target 0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
