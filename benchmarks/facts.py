"""Fact-check benchmark: precision and recall per finding category over the labelled corpus.

``corpus/labels.json`` lists, for every pair of versions in every story group, each real
difference (category and evidence on each side) and each non-difference a naive tool
would flag. This script checks the corpus (Apertium, cached; ``--translator none`` also
works) and matches findings to labels:

* a finding matches a labelled difference of the same pair and category when, on a side
  the label gives, the label's evidence and the finding's evidence contain one another
  (accents and case ignored);
* precision of a category = findings matching some labelled difference / findings;
* recall of a category = labelled differences matched by some finding / labelled ones;
* a finding that matches a labelled non-difference is counted and listed;
* a labelled number, name, date or quote inside a sentence only one version has is found
  when that sentence's omission/addition finding lists it among its ``facts``: Concord
  reports such facts in the sentence's finding, not again on their own.

Unmatched findings and missed labels are listed so each miss can be read.

    .venv/bin/python benchmarks/facts.py [--translator apertium] [--verbose] [--json FILE]

``--json FILE`` also writes the figures printed (``benchmarks/accuracy.py`` reads them).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from concord.document import Category  # noqa: E402

CATEGORIES = Category.values()
from concord.config import Settings  # noqa: E402
from concord.facts import fold  # noqa: E402
from concord.pipeline import check_corpus  # noqa: E402
from concord.translate import TranslationCache  # noqa: E402

CORPUS = ROOT / "corpus"


def _norm(text: str | None) -> str:
    return " ".join(fold(text or "").replace("’", "'").split())


def _side_matches(label: str | None, finding_side: dict | None) -> bool | None:
    """True/False when the label gives this side, None when it does not."""
    if label is None:
        return None
    got = _norm((finding_side or {}).get("text"))
    want = _norm(label)
    return bool(got) and (_within(want, got) or _within(got, want))


def _within(part: str, whole: str) -> bool:
    """``part`` occurs in ``whole`` as whole words (``14`` is not in ``140``)."""
    return re.search(r"(?<!\w)" + re.escape(part) + r"(?!\w)", whole) is not None


def matches(label: dict, finding: dict, category_key: str = "category") -> bool:
    if label[category_key] != finding["category"]:
        return False
    sides = [_side_matches(label.get("a"), finding.get("a")), _side_matches(label.get("b"), finding.get("b"))]
    given = [s for s in sides if s is not None]
    return bool(given) and any(given)


# Findings that report a whole passage and list the facts it carries (a sentence only one
# version has, a dateline or byline only one version has).
FOLDING = ("omission", "addition", "credit")


def listed_in(label: dict, finding: dict) -> bool:
    """Whether an omission/addition/credit finding lists the labelled fact among its facts."""
    if finding["category"] not in FOLDING or label["category"] in FOLDING:
        return False
    want = [_norm(label.get(s)) for s in ("a", "b") if label.get(s)]
    facts = [_norm(x.strip("“”")) for x in finding.get("facts") or []]
    return any(w and f and (_within(w, f) or _within(f, w)) for w in want for f in facts)


def evaluate(result: dict, labels: dict) -> dict:
    found = Counter()
    tp = Counter()
    n_labels = Counter()
    hit_labels = Counter()
    unmatched, missed, false_alarms = [], [], []
    by_pair: dict[tuple[str, str], list[dict]] = {}
    for g in result["groups"]:
        for p in g["pairs"]:
            by_pair[(p["a"], p["b"])] = p["findings"]
    diffs, nondiffs = {}, {}
    for g in labels["groups"]:
        for d in g["differences"]:
            diffs.setdefault(tuple(d["pair"]), []).append(d)
        for d in g["non_differences"]:
            nondiffs.setdefault(tuple(d["pair"]), []).append(d)
    for pair, findings in by_pair.items():
        for f in findings:
            found[f["category"]] += 1
            if any(matches(d, f) for d in diffs.get(pair, [])):
                tp[f["category"]] += 1
            else:
                unmatched.append((pair, f))
            if any(matches(d, f, "kind") for d in nondiffs.get(pair, [])):
                false_alarms.append((pair, f))
    for pair, ds in diffs.items():
        for d in ds:
            n_labels[d["category"]] += 1
            if any(matches(d, f) or listed_in(d, f) for f in by_pair.get(pair, [])):
                hit_labels[d["category"]] += 1
            else:
                missed.append((pair, d))
    return {"found": found, "tp": tp, "labels": n_labels, "hit": hit_labels,
            "unmatched": unmatched, "missed": missed, "false_alarms": false_alarms}


def figures(ev: dict, groups: int) -> dict:
    """The printed figures of :func:`evaluate`'s result, as plain numbers."""
    by_category = {}
    for c in CATEGORIES:
        if ev["found"][c] or ev["labels"][c]:
            by_category[c] = {"findings": ev["found"][c], "tp": ev["tp"][c], "labels": ev["labels"][c],
                              "hit": ev["hit"][c],
                              "precision": ev["tp"][c] / ev["found"][c] if ev["found"][c] else None,
                              "recall": ev["hit"][c] / ev["labels"][c] if ev["labels"][c] else None}
    tp, n = sum(ev["tp"].values()), sum(ev["found"].values())
    hit, nl = sum(ev["hit"].values()), sum(ev["labels"].values())
    return {"groups": groups, "findings": n, "tp": tp, "labels": nl, "hit": hit,
            "precision": tp / n if n else None, "recall": hit / nl if nl else None,
            "non_difference_findings": len(ev["false_alarms"]), "by_category": by_category}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--translator", default="apertium")
    ap.add_argument("--verbose", "-v", action="store_true", help="list unmatched findings and missed labels")
    ap.add_argument("--json", type=Path, dest="json_file", metavar="FILE", help="also write the figures here")
    args = ap.parse_args(argv)
    labels = json.loads((CORPUS / "labels.json").read_text(encoding="utf-8"))
    result = check_corpus(CORPUS, Settings(translator=args.translator), TranslationCache()).to_dict()
    ev = evaluate(result, labels)
    print(f"labelled corpus: {len(labels['groups'])} groups, "
          f"{sum(ev['labels'].values())} labelled differences, {sum(ev['found'].values())} findings "
          f"(translator {args.translator})")
    print(f"{'category':<10}{'findings':>9}{'labels':>8}{'precision':>11}{'recall':>8}")
    for c in CATEGORIES:
        if not ev["found"][c] and not ev["labels"][c]:
            continue
        p = ev["tp"][c] / ev["found"][c] if ev["found"][c] else float("nan")
        r = ev["hit"][c] / ev["labels"][c] if ev["labels"][c] else float("nan")
        print(f"{c:<10}{ev['found'][c]:>9}{ev['labels'][c]:>8}{p:>11.3f}{r:>8.3f}")
    tp, n = sum(ev["tp"].values()), sum(ev["found"].values())
    hit, nl = sum(ev["hit"].values()), sum(ev["labels"].values())
    print(f"{'all':<10}{n:>9}{nl:>8}{tp / n if n else 0:>11.3f}{hit / nl if nl else 0:>8.3f}")
    print(f"findings on labelled non-differences: {len(ev['false_alarms'])} (target 0)")
    print("target: precision and recall >= 0.90 in every category")
    if args.json_file:
        args.json_file.write_text(json.dumps(figures(ev, len(labels["groups"])), indent=1) + "\n",
                                  encoding="utf-8")
    if args.verbose:
        for pair, f in ev["unmatched"]:
            print(f"  unmatched {pair[0]} / {pair[1]}: [{f['category']}] {f['message'][:110]}")
        for pair, d in ev["missed"]:
            print(f"  missed    {pair[0]} / {pair[1]}: [{d['category']}] a={d.get('a')!r} b={d.get('b')!r}")
        for pair, f in ev["false_alarms"]:
            print(f"  on a non-difference {pair[0]} / {pair[1]}: {f['message'][:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
