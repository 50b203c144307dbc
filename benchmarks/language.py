"""Language identification on the team's labelled set (tests/data/language.tsv).

Prints sentence-level accuracy per item type for langdetect alone (seeded), lingua alone
and Concord's combination (lexical evidence + lingua + langdetect + the document's
language as prior), and for mixed items the share of expected spans found with the right
language and boundaries within +-3 characters, plus spans reported where none is expected.

    python benchmarks/language.py [--errors]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "language.tsv"
TOLERANCE = 3
# the set's items are Spanish and English: read among those two, as a Spanish/English story is
LANGUAGES = ("en", "es")


def load(path: Path = DATA) -> list[dict]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        kind, context, expected, text = cols[:4]
        span = cols[4] if len(cols) > 4 and cols[4] else None
        item = {"line": n, "type": kind, "context": context, "expected": expected, "text": text, "span": None}
        if span:
            start = text.find(span)
            if start < 0:
                raise ValueError(f"{path}:{n}: span {span!r} is not in the text")
            item["span"] = (start, start + len(span), "es" if expected == "en" else "en")
        items.append(item)
    return items


def predict(item: dict, method: str):
    from concord.detect import detect_language, sentence_language

    if method == "combined":
        return sentence_language(item["text"], item["context"], LANGUAGES)
    return detect_language(item["text"], LANGUAGES, prior=item["context"], method=method), []


def span_ok(expected, found) -> bool:
    a, b, lang = expected
    return any(lang == fl and abs(a - fa) <= TOLERANCE and abs(b - fb) <= TOLERANCE for fa, fb, fl in found)


def evaluate(items: list[dict], method: str) -> dict:
    per_type = defaultdict(lambda: [0, 0])
    spans_expected = spans_found = false_spans = 0
    errors = []
    t0 = time.perf_counter()
    for it in items:
        lang, spans = predict(it, method)
        ok = lang == it["expected"]
        per_type[it["type"]][0] += ok
        per_type[it["type"]][1] += 1
        if not ok:
            errors.append((it, lang, spans))
        if method == "combined":
            if it["span"]:
                spans_expected += 1
                if span_ok(it["span"], spans):
                    spans_found += 1
                else:
                    errors.append((it, lang, spans))
                false_spans += sum(1 for s in spans if not span_ok(it["span"], [s]))
            else:
                false_spans += len(spans)
                if spans:
                    errors.append((it, lang, spans))
    correct = sum(c for c, _ in per_type.values())
    return {"method": method, "per_type": dict(per_type), "accuracy": correct / len(items),
            "spans_expected": spans_expected, "spans_found": spans_found, "false_spans": false_spans,
            "seconds": time.perf_counter() - t0, "errors": errors}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="list the items Concord gets wrong")
    args = ap.parse_args(argv)
    items = load()
    results = [evaluate(items, m) for m in ("langdetect", "lingua", "combined")]
    types = sorted({it["type"] for it in items})
    print(f"Language identification: {len(items)} labelled items from {DATA.relative_to(ROOT)}")
    print(f"{'item type':<20}{'n':>5}" + "".join(f"{r['method']:>13}" for r in results))
    for t in types:
        n = results[0]["per_type"][t][1]
        print(f"{t:<20}{n:>5}" + "".join(f"{r['per_type'][t][0] / n:>13.3f}" for r in results))
    print(f"{'all (sentence acc.)':<20}{len(items):>5}" + "".join(f"{r['accuracy']:>13.3f}" for r in results))
    print(f"{'seconds':<20}{'':>5}" + "".join(f"{r['seconds']:>13.2f}" for r in results))
    c = results[-1]
    print(f"\nMixed spans (Concord): {c['spans_found']}/{c['spans_expected']} found with correct language "
          f"and boundaries +-{TOLERANCE} = {c['spans_found'] / max(c['spans_expected'], 1):.3f}; "
          f"spurious spans: {c['false_spans']}")
    print("Targets: sentence accuracy >= 0.98, spans >= 0.95")
    if args.errors:
        print("\nConcord errors:")
        for it, lang, spans in c["errors"]:
            print(f"  line {it['line']} [{it['type']}] expected {it['expected']} got {lang}; "
                  f"span {it['span']} found {spans}: {it['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
