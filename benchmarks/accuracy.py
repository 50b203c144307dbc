"""Accuracy on text nobody here wrote: false alarms and precision/recall.

Runs ``concord check`` (the installed command, so every setting is the product's own) on

* ``../shared/eval/pud-clean``: 397 clean professional translations; every warning or
  error is a false alarm. Prints warnings+errors per 100 sentences (100 x findings /
  sum over pairs of the larger sentence count), overall and per category, and a random
  sample of findings to read;
* ``../shared/eval/pud-injected``: the same pairs with planted errors and traps; findings
  are converted to the scorer's format and scored with ``../shared/eval/score.py``
  (precision, recall, F1, recall per kind, precision per category, trap hits);
* the team corpus (``corpus/`` with ``corpus/labels.json``), through ``benchmarks/facts.py``.

Conversion (as ``../shared/eval/README.md`` asks): info findings are left out (the
report shows them but they never fail a run); ``language`` findings are not one of the
six kinds and are left out; a sentence present on one side only is named from the
Spanish version's point of view: only in the English version -> ``omission``, only in the
Spanish version -> ``addition``.

    .venv/bin/python benchmarks/accuracy.py [--only clean|injected|team] [--sample N]
                                             [--jobs N] [--keep DIR] [-- extra check options]

The evaluation sets live beside the project (``../shared/``); without them the script
says so and measures what it can.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
KINDS = ("number", "name", "date", "quote", "omission", "addition")


def concord_command() -> list[str]:
    exe = Path(sys.executable).with_name("concord")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "concord"]


def run_check(folder: Path, out: Path, jobs: int, extra: list[str]) -> dict:
    """Check the ``*.txt`` pairs of ``folder`` (copied, so READMEs and labels stay out)."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for p in sorted(folder.glob("*.txt")):
            shutil.copyfile(p, corpus / p.name)
        cmd = concord_command() + ["check", str(corpus), "--out", str(out), "--format", "json",
                                   "--fail-on", "never", "-q", "--full", "--jobs", str(jobs)] + extra
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit(f"accuracy: concord check failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    return json.loads((out / "findings.json").read_text(encoding="utf-8"))


def _lang_of(group: dict) -> dict:
    return {d["id"]: d.get("language") for d in group["documents"]}


def _stem_of(group: dict) -> str:
    """The pair id (``n01001``) from the documents' file names."""
    return Path(group["documents"][0]["path"]).name.split(".")[0]


def convert(group: dict) -> list[dict]:
    """The group's warnings and errors in the scorer's format."""
    langs = _lang_of(group)
    out = []
    for pair in group["pairs"]:
        for f in pair["findings"]:
            if f["severity"] == "info" or f["category"] not in KINDS:
                continue
            cat = f["category"]
            a, b = f.get("a") or {}, f.get("b") or {}
            if cat in ("omission", "addition"):
                side = a or b
                lang = langs.get(side.get("document"))
                cat = "omission" if lang == "en" else "addition"
            out.append({"category": cat, "a_text": a.get("text", ""), "b_text": b.get("text", ""),
                        "message": f.get("message", ""), "severity": f["severity"]})
    return out


def sentences(group: dict) -> int:
    return max((len(d["sentences"]) for d in group["documents"]), default=0)


def clean(jobs: int, sample: int, extra: list[str], keep: Path | None) -> dict:
    folder = EVAL / "pud-clean"
    out = keep / "pud-clean" if keep else Path(tempfile.mkdtemp())
    result = run_check(folder, out, jobs, extra)
    n_sent = sum(sentences(g) for g in result["groups"])
    cats: Counter = Counter()
    raw: Counter = Counter()
    found = []
    for g in result["groups"]:
        for pair in g["pairs"]:
            for f in pair["findings"]:
                if f["severity"] != "info":
                    raw[f["category"]] += 1
                    found.append((_stem_of(g), f))
        for f in convert(g):
            cats[f["category"]] += 1
    total = sum(raw.values())
    print(f"pud-clean: {len(result['groups'])} pairs, {n_sent} sentences, {total} warnings+errors = "
          f"{100 * total / max(n_sent, 1):.2f} per 100 sentences")
    print("  per category (per 100 sentences): " + (", ".join(
        f"{k} {v} ({100 * v / n_sent:.2f})" for k, v in raw.most_common()) or "none"))
    rng = random.Random(0)
    for pid, f in rng.sample(found, min(sample, len(found))):
        print(f"  sample {pid} [{f['category']}/{f['severity']}] {f['message'][:160]}")
    if not keep:
        shutil.rmtree(out, ignore_errors=True)
    return {"per_100": 100 * total / max(n_sent, 1), "sentences": n_sent, "findings": total,
            "by_category": dict(raw)}


def injected(jobs: int, extra: list[str], keep: Path | None, verbose: bool) -> dict:
    folder = EVAL / "pud-injected"
    out = keep / "pud-injected" if keep else Path(tempfile.mkdtemp())
    result = run_check(folder, out, jobs, extra)
    fdir = out / "scorer"
    fdir.mkdir(parents=True, exist_ok=True)
    for g in result["groups"]:
        (fdir / f"{_stem_of(g)}.findings.json").write_text(
            json.dumps({"findings": convert(g)}, ensure_ascii=False), encoding="utf-8")
    cmd = [sys.executable, str(EVAL / "score.py"), "--batch", str(fdir), str(folder), "--json"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"accuracy: score.py failed: {proc.stderr.strip()[-500:]}")
    s = json.loads(proc.stdout)["overall"]
    print(f"pud-injected: {s['findings']} findings, {s['labels']} labels: precision {s['precision']:.3f}, "
          f"recall {s['recall']:.3f}, F1 {s['f1']:.3f}, trap hits {s['false_friend_trap_hits']}")
    print("  recall by kind: " + ", ".join(
        f"{k} {v['tp']}/{v['n']} ({v['recall']:.2f})" for k, v in s["recall_by_kind"].items()))
    print("  precision by category: " + ", ".join(
        f"{k} {v['tp']}/{v['n']} ({v['precision']:.2f})" for k, v in s["precision_by_category"].items()))
    if verbose:
        subprocess.run([sys.executable, str(EVAL / "score.py"), "--batch", str(fdir), str(folder), "-v"])
    if not keep:
        shutil.rmtree(out, ignore_errors=True)
    return s


def team(extra: list[str]) -> int:
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "facts.py")] + extra,
                          capture_output=True, text=True)
    lines = proc.stdout.strip().splitlines()
    print("team corpus (benchmarks/facts.py):")
    for line in lines[-12:]:
        print("  " + line)
    return proc.returncode


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", choices=("clean", "injected", "team"))
    ap.add_argument("--sample", type=int, default=15, help="random pud-clean findings to print")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", type=Path, help="keep findings.json and scorer files here")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every pud-injected match and miss")
    ap.add_argument("extra", nargs="*", help="options passed to concord check (after --)")
    args = ap.parse_args(argv)
    if not EVAL.is_dir() and args.only != "team":
        print(f"accuracy: {EVAL} is not there: the shared evaluation sets are absent, "
              "so only the team corpus is measured")
        args.only = "team"
    if args.only in (None, "clean"):
        clean(args.jobs, args.sample, args.extra, args.keep)
    if args.only in (None, "injected"):
        injected(args.jobs, args.extra, args.keep, args.verbose)
    if args.only in (None, "team"):
        team([])
    return 0


if __name__ == "__main__":
    sys.exit(main())
