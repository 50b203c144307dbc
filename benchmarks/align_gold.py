"""Alignment benchmark: Concord's aligner against the peer aligner Bleualign, on the same
sentences, the same machine translation and in the same run.

Data sets (each a list of document pairs with gold links ``ES_IDS<TAB>EN_IDS``):

* ``team``: the team's gold-aligned Spanish/English news set in ``tests/data/align/``
  (eleven stories, 478 links: merges, splits, omissions, additions, moved paragraphs);
* every gold set of ``SHARED/align-gold/`` (``SHARED`` is ``--shared``, else
  ``$CONCORD_SHARED``, else ``../shared`` beside the project), each a folder with
  ``src.es.txt``, ``tgt.en.txt`` and ``gold.tsv`` run as one document pair: e.g. ``pud``,
  ``pud-merge``, ``pud-drop10``, ``pud-swap`` (Parallel Universal Dependencies sentences:
  neighbours joined on one side, 10% of the English sentences deleted, neighbouring
  English segments swapped) and ``ntrex-dev`` with its variants (whole news articles
  concatenated; sentences deleted, neighbouring blocks swapped).

  Known gold errors (read the sentences): three English PUD sentences are out of order
  relative to their links, so gold pairs three sentences with their neighbours' translations
  (``pud``: 577-578, 578-579, 579-580, where the texts say 577-580, 578-578, 579-579; the
  same three in ``pud-swap``; ``pud-drop10``: 577-513, 578-(none), 579-514 for 577-514,
  578-513, 579-(none); ``pud-merge``: 528,529-538, 530-539, 531-540 for 528,530-538 (not
  contiguous), 529-540, 531-539). A length-only aligner follows the positions and so agrees
  with these links; the scores printed use gold as given.

Per set and aligner the script prints strict and lax precision/recall/F1, the F1 of the
1-0 / 0-1 links (omission F1: a dropped sentence found as one), and the *false gaps*: the
1-0 / 0-1 links the aligner predicts that gold does not have (a sentence with a partner
left unaligned, each a false omission or addition in the report). Gale-Church (length
only, as published) is printed beside Concord as the floor.

Both aligners get the Spanish side translated by Apertium (Concord's translator, cached) as
their MT input. Bleualign is the PyPI package ``pypi-bleualign`` (install it for this
benchmark only: ``.venv/bin/pip install -e '.[bench]'``); it only outputs links, so the
sentences it leaves out become its 1-0 / 0-1 links. Scores follow the Bleualign/vecalign
definitions (``benchmarks/align_eval.py``: ``score_links``): strict and lax precision/recall/F1, plus F1 of
the 1-0/0-1 links; time is the aligner's CPU time alone (``time.process_time``; translation is
timed separately).
A last line times Concord on two synthetic 1,000-sentence documents (target: under 1 s
on one core); the ``pud`` line is the same measurement on real text.

    .venv/bin/python benchmarks/align_gold.py [--shared DIR] [--sets team,pud,...]
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from concord.align import align_texts  # noqa: E402
from concord.translate import TranslationCache, get_translator, translate_texts  # noqa: E402

from align_eval import final_links, monotonic, score_links  # noqa: E402

TEAM = ROOT / "tests" / "data" / "align"


def default_shared() -> Path:
    env = os.environ.get("CONCORD_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def shared_sets(gold_dir: Path) -> list[str]:
    """The gold sets of ``gold_dir`` (folders with ``gold.tsv``), in name order."""
    if not gold_dir.is_dir():
        return []
    return sorted(d.name for d in gold_dir.iterdir() if (d / "gold.tsv").is_file())


def read_links(path: Path) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    links = []
    for line in path.read_text(encoding="utf-8").splitlines():
        a, b = (line.split("\t") + [""])[:2]
        links.append((tuple(int(x) for x in a.split(",") if x), tuple(int(x) for x in b.split(",") if x)))
    return links


def load_set(name: str, gold_dir: Path) -> list[dict] | None:
    if name == "team":
        pairs = []
        for gold in sorted(TEAM.glob("*.gold.tsv")):
            stem = gold.name[: -len(".gold.tsv")]
            pairs.append({"name": stem,
                          "es": (TEAM / f"{stem}.es.txt").read_text(encoding="utf-8").splitlines(),
                          "en": (TEAM / f"{stem}.en.txt").read_text(encoding="utf-8").splitlines(),
                          "gold": read_links(gold)})
        return pairs
    d = gold_dir / name
    if not d.is_dir():
        return None
    return [{"name": name,
             "es": (d / "src.es.txt").read_text(encoding="utf-8").splitlines(),
             "en": (d / "tgt.en.txt").read_text(encoding="utf-8").splitlines(),
             "gold": read_links(d / "gold.tsv")}]


def concord_links(es, en, mt):
    return final_links(align_texts(mt, en, es, en, a_lang="es", b_lang="en"))


def gale_church_links(es, en, mt=None):
    """The length-only floor: Gale & Church (1993) as published, on characters of the
    original texts, with their bead priors and variance (s2 = 6.8) and the length ratio
    of the two documents; a deletion costs as a match with length 0 (their program)."""
    import math

    prior = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2,
             (1, 2): 0.089 / 2, (2, 2): 0.011}
    la, lb = [max(1, len(s)) for s in es], [max(1, len(s)) for s in en]
    c = sum(lb) / max(1, sum(la))

    def cost(x, y, bead):
        mean = (x + y / c) / 2
        z = abs(c * x - y) / math.sqrt(6.8 * max(mean, 1))
        return -math.log(prior[bead]) - math.log(max(math.erfc(z / math.sqrt(2)), 1e-300))

    n, m = len(es), len(en)
    band = max(60, abs(n - m) + 60)
    best = {(0, 0): (0.0, None)}
    for i in range(n + 1):
        centre = i * m / n if n else 0
        for j in range(max(0, int(centre) - band), min(m, int(centre) + band) + 1):
            if i == j == 0:
                continue
            top = None
            for k, l in prior:
                prev = best.get((i - k, j - l))
                if prev is None:
                    continue
                total = prev[0] + cost(sum(la[i - k:i]), sum(lb[j - l:j]), (k, l))
                if top is None or total < top[0]:
                    top = (total, (k, l))
            if top is not None:
                best[(i, j)] = top
    links, i, j = [], n, m
    while i or j:
        k, l = best[(i, j)][1]
        links.append((tuple(range(i - k, i)), tuple(range(j - l, j))))
        i, j = i - k, j - l
    return links[::-1]


def add_unlinked(links, n_a, n_b):
    """Add 1-0 / 0-1 links for the sentences an aligner left out."""
    seen_a = {i for a, _ in links for i in a}
    seen_b = {j for _, b in links for j in b}
    return (list(links) + [((i,), ()) for i in range(n_a) if i not in seen_a]
            + [((), (j,)) for j in range(n_b) if j not in seen_b])


def bleualign_links(es, en, mt):
    from bleualign.align import Aligner

    aligner = Aligner({"srcfile": es, "targetfile": en, "srctotarget": [mt], "verbosity": 0,
                       "log_to": io.StringIO()})
    raw = aligner.process(es, en, [mt], [])
    links = [(tuple(a), tuple(b)) for (a, b), _tag in raw]
    return add_unlinked(links, len(es), len(en))


def falsely_unaligned(gold: list, test: list) -> int:
    """Sentences an aligner leaves unaligned (1-0 / 0-1) that gold links to the other side."""
    count = 0
    for g, t in zip(gold, test):
        linked_a = {i for a, b in g if a and b for i in a}
        linked_b = {j for a, b in g if a and b for j in b}
        count += sum(1 for a, b in t if not b for i in a if i in linked_a)
        count += sum(1 for a, b in t if not a for j in b if j in linked_b)
    return count


def false_gaps(gold: list, test: list) -> int:
    """1-0 / 0-1 links the aligner predicts that gold does not have."""
    count = 0
    for g, t in zip(gold, test):
        g_gap = {(tuple(a), tuple(b)) for a, b in g if not (a and b)}
        count += len({(tuple(a), tuple(b)) for a, b in t if not (a and b)} - g_gap)
    return count


def show(name: str, scores: dict, gaps: int, unaligned: int, seconds: float) -> None:
    print(f"  {name:<12} strict P {scores['precision_strict']:.3f} R {scores['recall_strict']:.3f} "
          f"F1 {scores['f1_strict']:.3f} | lax F1 {scores['f1_lax']:.3f} | omission "
          f"P {scores['precision_gap']:.3f} R {scores['recall_gap']:.3f} F1 {scores['f1_gap']:.3f} "
          f"| false gaps {gaps:>3} (falsely unaligned {unaligned:>3}) | {seconds:.2f} s CPU")


def synthetic_pair(n: int, seed: int = 1) -> tuple[list[str], list[str]]:
    """Two n-sentence documents, built deterministically: A's sentences draw words from a
    Zipf-distributed 5,000-word vocabulary (as news text does); B rewords a quarter of each
    sentence, merges some pairs, drops 5% of A's sentences and adds 5% of its own."""
    import random

    rng = random.Random(seed)
    vocab = [f"w{i}" + "abcdefghij"[i % 10] * 3 for i in range(5000)]
    weights = [1 / (r + 1) for r in range(len(vocab))]

    def sentence():
        words = rng.choices(vocab, weights, k=rng.randint(8, 35))
        return " ".join(words).capitalize() + f" {rng.randint(1, 5000)}."

    a = [sentence() for _ in range(n)]
    b = []
    i = 0
    while i < len(a):
        r = rng.random()
        if r < 0.05:
            i += 1
            continue
        words = a[i].split()
        words = [w if rng.random() > 0.25 else rng.choice(vocab) for w in words]
        if r < 0.10 and i + 1 < len(a):
            words += a[i + 1].split()
            i += 1
        b.append(" ".join(words))
        if rng.random() < 0.05:
            b.append(sentence())
        i += 1
    return a, b[:n]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=default_shared(),
                    help="folder holding align-gold/ (default: $CONCORD_SHARED, else ../shared)")
    ap.add_argument("--sets", default=None,
                    help="comma-separated sets (default: team and every set of SHARED/align-gold)")
    args = ap.parse_args(argv)
    gold_dir = args.shared / "align-gold"
    names = args.sets.split(",") if args.sets else ["team"] + shared_sets(gold_dir)
    from concord.lexicon import get_lexicon

    t0 = time.process_time()
    get_lexicon()  # loaded once per process (built on first use): timed apart
    t_lex = time.process_time() - t0
    try:
        import bleualign  # noqa: F401
        have_bleualign = True
    except ImportError:
        have_bleualign = False
        print("Bleualign is not installed (.venv/bin/pip install -e '.[bench]'): Concord only")
    translator = get_translator("apertium", "es", "en")
    cache = TranslationCache()
    for name in [s for s in names if s]:
        pairs = load_set(name, gold_dir)
        if pairs is None:
            print(f"{name}: {gold_dir / name} is absent; skipped")
            continue
        t0 = time.perf_counter()
        for p in pairs:
            p["mt"] = translate_texts(p["es"], "es", "en", translator, cache)
        t_mt = time.perf_counter() - t0
        n_links = sum(len(p["gold"]) for p in pairs)
        print(f"{name}: {len(pairs)} document pair(s), {sum(len(p['es']) for p in pairs)} es / "
              f"{sum(len(p['en']) for p in pairs)} en sentences, {n_links} gold links; "
              f"Apertium translation {t_mt:.2f} s (cached after the first run)")
        gold = [p["gold"] for p in pairs]
        aligners = [("Concord", concord_links), ("Gale-Church", gale_church_links)]
        if have_bleualign:
            aligners.append(("Bleualign", bleualign_links))
        for label, fn in aligners:
            t0 = time.process_time()
            test = [fn(p["es"], p["en"], p["mt"]) for p in pairs]
            seconds = time.process_time() - t0
            show(label, score_links(gold, test), false_gaps(gold, test),
                 falsely_unaligned(gold, test), seconds)
    a, b = synthetic_pair(1000)
    t0, c0 = time.perf_counter(), time.process_time()
    beads = monotonic(align_texts(a, b))
    print(f"two 1,000-sentence documents (synthetic, {len(a)} / {len(b)} sentences): "
          f"{time.process_time() - c0:.2f} s CPU ({time.perf_counter() - t0:.2f} s wall) on one "
          f"core, lexicon lookups included, {len(beads)} beads (target under 1 s); loading the "
          f"cached lexicon once per process: {t_lex:.2f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
