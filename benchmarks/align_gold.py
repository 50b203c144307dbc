"""Alignment benchmark on gold-aligned Spanish-English sentences.

Reads ../shared/align-gold/{pud,pud-merge} beside the project (Parallel UD, CC BY-SA 3.0),
translates the Spanish side with Concord's translator (Apertium by default, cached), aligns,
and prints strict precision/recall/F1 (links must match exactly) and wall time.

    .venv/bin/python benchmarks/align_gold.py [--translator apertium|none]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from concord.align import align_texts, monotonic
from concord.translate import TranslationCache, get_translator, translate_texts

GOLD = Path(__file__).resolve().parent.parent.parent / "shared" / "align-gold"


def read_links(path: Path) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    links = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        a, b = (line.split("\t") + [""])[:2]
        links.add((tuple(int(x) for x in a.split(",") if x), tuple(int(x) for x in b.split(",") if x)))
    return links


def prf(gold, test):
    tp = len(gold & test)
    p = tp / len(test) if test else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--translator", default="apertium")
    args = ap.parse_args()
    if not GOLD.is_dir():
        print(f"gold data not found ({GOLD.name} beside the project); nothing to measure")
        return 0
    for name in ("pud", "pud-merge"):
        d = GOLD / name
        src = d.joinpath("src.es.txt").read_text(encoding="utf-8").splitlines()
        tgt = d.joinpath("tgt.en.txt").read_text(encoding="utf-8").splitlines()
        gold = read_links(d / "gold.tsv")
        t0 = time.perf_counter()
        translator = get_translator(args.translator, "es", "en")
        src_pivot = translate_texts(src, "es", "en", translator, TranslationCache())
        t1 = time.perf_counter()
        beads = monotonic(align_texts(src_pivot, tgt, src, tgt))
        t2 = time.perf_counter()
        test = {(tuple(b.a), tuple(b.b)) for b in beads}
        p, r, f = prf(gold, test)
        print(f"{name}: {len(src)} es / {len(tgt)} en sentences, translator={translator.name}")
        print(f"  strict P={p:.3f} R={r:.3f} F1={f:.3f}   translate {t1 - t0:.2f}s  align {t2 - t1:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
