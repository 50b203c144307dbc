"""Accuracy on text nobody here wrote: false alarms, precision/recall and critical errors.

Runs ``concord check`` (the installed command, so every setting is the product's own) on
every evaluation set of ``SHARED/eval`` (see its README) and on the team corpus, in one run:

* ``pud-clean``: 397 clean professional translations (excerpts of 1-6 sentences); every
  warning or error is a false alarm. Prints warnings+errors per 100 sentences, overall and
  per category and severity, and a random sample of findings to read;
* ``pud-injected``: the same pairs with planted errors and traps; findings are converted to
  the scorer's format and scored with ``SHARED/eval/score.py`` (precision, recall, F1,
  recall per kind, precision per category, trap hits);
* ``ntrex-dev``: 62 clean whole news articles (headlines, datelines, currencies, units,
  abbreviations); as ``pud-clean``, plus info findings per 100 sentences per category and
  the number and share of articles with an error (the articles that would fail a CI run
  with the default ``--fail-on error``);
* ``ntrex-dev-injected``: the 62 articles with planted edits, scored as ``pud-injected``;
* ``demetr-dev``: one-sentence pairs whose English carries one critical error per folder
  (and a folder of unedited human references). Per folder, the share of perturbed items
  (``meta.json``) with at least one warning or error of the folder's expected categories
  (``DEMETR`` below, from ``demetr-dev/README.md``); for the reference folder, the share
  with any warning or error at all, every one a false alarm;
* ``pud-multi``: the clean stories in four languages (English, Spanish, French,
  Portuguese); every warning or error is a false alarm. Prints warnings+errors per 100
  sentences for each language pair compared (the goal is at most 3 for every pair with
  French or Portuguese), with the counts by category;
* the team corpus (``corpus/`` with ``corpus/labels.json``), through ``benchmarks/facts.py``.
* with ``--partial``, the opt-in partial checks' own rows, in runs of their own with these
  checks added: per demetr-dev content folder the items they find (their warnings and
  errors) and show (any severity), and the items found with every check (the one-sided
  categories, or a name, number or date); the warnings and errors they add on ntrex-dev;
  and the time of an ntrex-dev run with the default checks and with these checks added.

"Per 100 sentences" divides by the set's own sentence count: the files hold one sentence
per paragraph, so it is the sum over pairs of the larger paragraph count (1,002 for
pud-clean, 975 for ntrex-dev, as their READMEs give). Concord's own segmentation, which
can split a sentence at an abbreviation, is printed beside it and does not move the figure.

Conversion for the scorer (as ``SHARED/eval/README.md`` asks): info findings are left out
(the report shows them but they never fail a run); ``language`` and ``meaning`` findings
are not one of the six kinds and are left out; a sentence present on one side only is
named from the Spanish version's point of view: only in the English version ->
``omission``, only in the Spanish version -> ``addition``. demetr-dev needs no conversion:
a content-missing folder accepts Concord's ``omission`` and ``addition`` alike (either
names content one version lacks), and a reversal folder accepts ``meaning`` and ``quote``.

    .venv/bin/python benchmarks/accuracy.py [--shared DIR] [--only SET[,SET]] [--sample N]
        [--jobs N] [--keep DIR] [--json FILE] [--markdown] [--partial] [-- extra check options]

``SHARED`` is ``--shared``, else ``$CONCORD_SHARED``, else ``../shared`` beside the
project; without it (or without one of its sets) the script says so and measures what it
can.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("number", "name", "date", "quote", "omission", "addition")
SEVERITIES = ("error", "warning")
SETS = ("pud-clean", "pud-injected", "ntrex-dev", "ntrex-dev-injected", "demetr-dev", "pud-multi", "team")
ALIASES = {"clean": "pud-clean", "injected": "pud-injected"}
# The scorer names a sentence on one side only from the Spanish version's point of view:
# content in the English version only is an omission, in the Spanish only an addition.
OMITTED_FROM_SPANISH = "en"

ONE_SIDED = ("omission", "addition")
REVERSAL = ("meaning", "quote")
# demetr-dev folder -> (short label, categories that count as finding the error; None for
# the reference folder, where every warning or error is a false alarm).
DEMETR: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "base_id35_reference": ("reference flagged", None),
    "critical_id10_numbers_replaced": ("number replaced", ("number",)),
    "critical_id9_ne_replaced": ("name replaced", ("name",)),
    "critical_id25_ne_removed": ("name removed", ("name",) + ONE_SIDED),
    "critical_id8_negation": ("negation", REVERSAL),
    "critical_id7_antonym": ("antonym", REVERSAL),
    "critical_id6_addition": ("addition", ONE_SIDED),
    "critical_id23_noun_removed": ("noun removed", ONE_SIDED),
    "major_id5_pp_removed": ("pp removed", ONE_SIDED),
    "critical_id21_adj_adv_removed": ("adj/adv removed", ONE_SIDED),
}


def default_shared() -> Path:
    env = os.environ.get("CONCORD_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def concord_command() -> list[str]:
    exe = Path(sys.executable).with_name("concord")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "concord"]


def run_check(folder: Path, out: Path, jobs: int, extra: list[str], recursive: bool = False) -> dict:
    """Check the ``*.txt`` pairs of ``folder`` (copied, so READMEs and labels stay out).

    With ``recursive``, each subfolder's pairs are copied into a subfolder of the same name
    (Concord groups file names within a folder, so ``a/0801`` and ``b/0801`` stay apart)."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for p in sorted(folder.glob("*/*.txt" if recursive else "*.txt")):
            dest = corpus / p.relative_to(folder)
            dest.parent.mkdir(exist_ok=True)
            shutil.copyfile(p, dest)
        cmd = concord_command() + ["check", str(corpus), "--out", str(out), "--format", "json",
                                   "--fail-on", "never", "-q", "--full", "--jobs", str(jobs)] + extra
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            sys.exit(f"accuracy: concord check failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    return json.loads((out / "findings.json").read_text(encoding="utf-8"))


# --- pure helpers: findings dicts in, figures out ------------------------------------


def paragraphs(text: str) -> int:
    """Sentences of a set file: its non-blank paragraphs (one sentence each, blank lines between)."""
    return sum(1 for block in text.replace("\r\n", "\n").split("\n\n") if block.strip())


def set_sentences(folder: Path) -> int:
    """The set's "per 100 sentences" denominator: over pairs, the larger paragraph count."""
    per_pair: dict[str, int] = {}
    for p in folder.glob("*.txt"):
        stem = p.name.split(".")[0]
        per_pair[stem] = max(per_pair.get(stem, 0), paragraphs(p.read_text(encoding="utf-8")))
    return sum(per_pair.values())


def _lang_of(group: dict) -> dict:
    return {d["id"]: d.get("language") for d in group["documents"]}


def _stem_of(group: dict) -> str:
    """The pair id (``n01001``) from the documents' file names."""
    return Path(group["documents"][0]["path"]).name.split(".")[0]


def findings_of(group: dict):
    for pair in group["pairs"]:
        yield from pair["findings"]


def convert(group: dict) -> list[dict]:
    """The group's warnings and errors in the scorer's format."""
    langs = _lang_of(group)
    out = []
    for f in findings_of(group):
        if f["severity"] == "info" or f["category"] not in KINDS:
            continue
        cat = f["category"]
        a, b = f.get("a") or {}, f.get("b") or {}
        if cat in ONE_SIDED:
            side = a or b
            lang = langs.get(side.get("document"))
            cat = "omission" if lang == OMITTED_FROM_SPANISH else "addition"
        out.append({"category": cat, "a_text": a.get("text", ""), "b_text": b.get("text", ""),
                    "message": f.get("message", ""), "severity": f["severity"]})
    return out


def left_out(group: dict) -> Counter:
    """The group's warnings and errors of no scored kind (``meaning``, ``language``), by category."""
    return Counter(f["category"] for f in findings_of(group)
                   if f["severity"] != "info" and f["category"] not in KINDS)


def precision_with(s: dict, extra_findings: int) -> float | None:
    """The scorer's precision had ``extra_findings`` more findings all been false alarms."""
    n = s["findings"] + extra_findings
    return s["true_positives"] / n if n else None


def concord_sentences(group: dict) -> int:
    """The larger sentence count of the group's documents as Concord segmented them."""
    return max((len(d["sentences"]) for d in group["documents"]), default=0)


def per_100(count: int, sentences: int) -> float:
    return 100 * count / max(sentences, 1)


def tally(groups: list[dict]) -> dict:
    """Counts over clean pairs: warnings+errors by category and severity, info by category,
    warnings+errors by check id, and the groups with an error (a CI run fails on them)."""
    raised: Counter = Counter()
    info: Counter = Counter()
    checks: Counter = Counter()
    failing = []
    for g in groups:
        error = False
        for f in findings_of(g):
            if f["severity"] == "info":
                info[f["category"]] += 1
                continue
            raised[(f["category"], f["severity"])] += 1
            checks[(f.get("check", f["category"]), f["severity"])] += 1
            error = error or f["severity"] == "error"
        if error:
            failing.append(_stem_of(g))
    by_category: Counter = Counter()
    for (cat, _sev), n in raised.items():
        by_category[cat] += n
    return {"findings": sum(raised.values()), "info": sum(info.values()),
            "by_category": dict(by_category.most_common()),
            "by_category_severity": {f"{c}/{s}": n for (c, s), n in raised.most_common()},
            "by_check_severity": {f"{c}/{s}": n for (c, s), n in checks.most_common()},
            "info_by_category": dict(info.most_common()),
            "failing": sorted(failing)}


def demetr_item(findings: list[dict], expected: tuple[str, ...] | None) -> bool:
    """Whether one demetr-dev item counts: a warning or error of the expected categories
    (any category for the reference folder, where it is a false alarm)."""
    return any(f["severity"] != "info" and (expected is None or f["category"] in expected)
               for f in findings)


def demetr_score(groups: list[dict], meta: dict[str, dict], expected: tuple[str, ...] | None) -> dict:
    """One demetr-dev folder: items found (or flagged) among its perturbed items.

    ``groups`` are the folder's checked groups, ``meta`` its ``meta.json`` (item id ->
    ``perturbed``); an item Concord did not pair counts as not found. Besides the expected
    categories, ``any`` counts items with a warning or error of whatever category."""
    items = {_stem_of(g): list(findings_of(g)) for g in groups}
    perturbed = sorted(i for i, m in meta.items() if m.get("perturbed", True))
    found = [i for i in perturbed if demetr_item(items.get(i, []), expected)]
    flagged = [i for i in perturbed if demetr_item(items.get(i, []), None)]
    cats: Counter = Counter(f["category"] for i in perturbed for f in items.get(i, [])
                            if f["severity"] != "info")
    return {"found": len(found), "items": len(perturbed), "share": len(found) / max(len(perturbed), 1),
            "any": len(flagged), "categories": dict(cats.most_common()),
            "expected": list(expected) if expected else None, "found_items": found}


def _frac(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def markdown_rows(figures: dict) -> list[str]:
    """The README accuracy table's rows for the sets measured."""
    rows = []
    c = figures.get("pud-clean")
    if c:
        rows.append(f"| `pud-clean` (397 clean professional es/en translations, {c['sentences']:,} sentences) "
                    f"| warnings+errors per 100 sentences (every one a false alarm, bar real slips in the source) "
                    f"| **{c['per_100']:.2f}** ({c['findings']}: {_counts(c['by_category'])}) |")
    for name, what in (("pud-injected", "the same pairs, {} planted errors, 79 trap documents"),
                       ("ntrex-dev-injected", "the 62 articles, {} planted errors, 12 trap documents")):
        s = figures.get(name)
        if s:
            unscored = sum((s.get("left_out") or {}).values())
            note = (f" ({_frac(s['precision_with_left_out'])} precision counting the {unscored} warnings and "
                    f"errors of no scored kind, {_counts(s['left_out'])}, as false alarms)") if unscored else ""
            rows.append(f"| `{name}` ({what.format(s['labels'])}) | precision / recall / F1 "
                        f"| **{_frac(s['precision'])} / {_frac(s['recall'])} / {_frac(s['f1'])}**{note} |")
            rows.append("| | recall by kind | " + ", ".join(
                f"{k} {v['tp']}/{v['n']}" for k, v in s["recall_by_kind"].items()) + " |")
            rows.append("| | precision by category | " + ", ".join(
                f"{k} {v['tp']}/{v['n']}" for k, v in s["precision_by_category"].items()) + " |")
            rows.append(f"| | false-friend trap hits | **{s['false_friend_trap_hits']}** |")
    n = figures.get("ntrex-dev")
    if n:
        rows.append(f"| `ntrex-dev` (62 clean whole news articles, {n['sentences']:,} sentences) "
                    f"| warnings+errors per 100 sentences | **{n['per_100']:.2f}** ({n['findings']}: "
                    f"{_counts(n['by_category_severity'])}) |")
        rows.append(f"| | articles with an error (a CI run fails) | **{len(n['failing'])} of {n['articles']}** "
                    f"({100 * n['failing_share']:.0f}%) |")
        rows.append(f"| | info per 100 sentences (shown, never failing) | {n['info_per_100']:.2f} "
                    f"({_counts(n['info_by_category'])}) |")
    d = figures.get("demetr-dev")
    if d:
        ref = [v for v in d.values() if v["expected"] is None]
        errs = [(k, v) for k, v in d.items() if v["expected"] is not None]
        if ref:
            rows.append(f"| `demetr-dev` (one-sentence pairs, DEMETR es-en 0801-0850) | human references "
                        f"flagged (false alarms) | **{ref[0]['found']}/{ref[0]['items']}** |")
        if errs:
            rows.append("| | critical errors found (expected category) | " + ", ".join(
                f"{DEMETR.get(k, (k,))[0]} {v['found']}/{v['items']}" for k, v in errs) + " |")
    t = figures.get("team")
    if t and t.get("labels"):
        per = ", ".join(f"{k} {v['precision']:.3f}" for k, v in t["by_category"].items()
                        if v["findings"] and v["precision"] is not None and v["precision"] < 1)
        rows.append(f"| team corpus (`corpus/`, {t['groups']} stories, {t['labels']} labelled differences) "
                    f"| labelled differences found / findings on labelled non-differences "
                    f"| **{t['hit']}/{t['labels']} / {t['non_difference_findings']}** "
                    f"(precision {t['precision']:.3f}" + (f"; {per}" if per else "") + ") |")
    return rows


def _counts(counter: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in counter.items()) or "none"


# --- the sets --------------------------------------------------------------------------


def _out(keep: Path | None, name: str) -> Path:
    return keep / name if keep else Path(tempfile.mkdtemp())


def _print_samples(groups: list, sample: int) -> None:
    """Print ``sample`` warnings and errors drawn at random (seed 0) from ``groups``."""
    found = [(_stem_of(g), f) for g in groups for f in findings_of(g) if f["severity"] != "info"]
    rng = random.Random(0)
    for pid, f in rng.sample(found, min(sample, len(found))):
        print(f"  sample {pid} [{f['category']}/{f['severity']}] {f['message'][:160]}")


def _done(keep: Path | None, out: Path) -> None:
    if not keep:
        shutil.rmtree(out, ignore_errors=True)


def clean_set(eval_dir: Path, name: str, jobs: int, sample: int, extra: list[str], keep: Path | None) -> dict:
    """A set of clean translations: every warning or error is a false alarm."""
    folder = eval_dir / name
    out = _out(keep, name)
    result = run_check(folder, out, jobs, extra)
    groups = result["groups"]
    n_sent = set_sentences(folder)
    segmented = sum(concord_sentences(g) for g in groups)
    t = tally(groups)
    fig = {"pairs": len(groups), "sentences": n_sent, "concord_sentences": segmented, **t,
           "per_100": per_100(t["findings"], n_sent), "info_per_100": per_100(t["info"], n_sent),
           "articles": len(groups), "failing_share": len(t["failing"]) / max(len(groups), 1)}
    print(f"{name}: {len(groups)} pairs, {n_sent} sentences (Concord segments {segmented}), "
          f"{t['findings']} warnings+errors = {fig['per_100']:.2f} per 100 sentences "
          f"({per_100(t['findings'], segmented):.2f} per 100 of Concord's)")
    print("  per category (per 100 sentences): " + (", ".join(
        f"{k} {v} ({per_100(v, n_sent):.2f})" for k, v in t["by_category"].items()) or "none"))
    print("  per category/severity: " + (", ".join(
        f"{k} {v} ({per_100(v, n_sent):.2f})" for k, v in t["by_category_severity"].items()) or "none"))
    print(f"  articles with an error (a CI run fails): {len(t['failing'])} of {len(groups)} "
          f"({100 * fig['failing_share']:.1f}%)" + (f": {' '.join(t['failing'])}" if t["failing"] else ""))
    print(f"  info (shown, never failing): {t['info']} = {fig['info_per_100']:.2f} per 100 sentences: "
          + (", ".join(f"{k} {v} ({per_100(v, n_sent):.2f})" for k, v in t["info_by_category"].items())
             or "none"))
    _print_samples(groups, sample)
    _done(keep, out)
    return fig


def injected_set(eval_dir: Path, name: str, jobs: int, extra: list[str], keep: Path | None,
                 verbose: bool) -> dict:
    """A set with planted edits, scored by the shared scorer."""
    folder = eval_dir / name
    out = _out(keep, name)
    result = run_check(folder, out, jobs, extra)
    fdir = out / "scorer"
    fdir.mkdir(parents=True, exist_ok=True)
    unscored: Counter = Counter()
    for g in result["groups"]:
        unscored += left_out(g)
        (fdir / f"{_stem_of(g)}.findings.json").write_text(
            json.dumps({"findings": convert(g)}, ensure_ascii=False), encoding="utf-8")
    cmd = [sys.executable, str(eval_dir / "score.py"), "--batch", str(fdir), str(folder), "--json"]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"accuracy: score.py failed: {proc.stderr.strip()[-500:]}")
    s = json.loads(proc.stdout)["overall"]
    print(f"{name}: {s['findings']} findings, {s['labels']} labels: precision {_frac(s['precision'])}, "
          f"recall {_frac(s['recall'])}, F1 {_frac(s['f1'])}, trap hits {s['false_friend_trap_hits']}")
    print("  recall by kind: " + ", ".join(
        f"{k} {v['tp']}/{v['n']} ({v['recall']:.2f})" for k, v in s["recall_by_kind"].items()))
    print("  precision by category: " + ", ".join(
        f"{k} {v['tp']}/{v['n']} ({v['precision']:.2f})" for k, v in s["precision_by_category"].items()))
    n_out = sum(unscored.values())
    s["left_out"] = dict(unscored.most_common())
    s["precision_with_left_out"] = precision_with(s, n_out)
    if n_out:
        print(f"  left out (no scored kind): {_counts(s['left_out'])}; precision had they all been "
              f"false alarms: {_frac(s['precision_with_left_out'])}")
    if verbose:
        subprocess.run([sys.executable, str(eval_dir / "score.py"), "--batch", str(fdir), str(folder), "-v"],
                       check=False)
    _done(keep, out)
    return s


def demetr_set(eval_dir: Path, jobs: int, extra: list[str], keep: Path | None) -> dict:
    """Every demetr-dev folder in one check (a subfolder each), scored per folder."""
    folder = eval_dir / "demetr-dev"
    out = _out(keep, "demetr-dev")
    result = run_check(folder, out, jobs, extra, recursive=True)
    by_folder: dict[str, list[dict]] = {}
    for g in result["groups"]:
        by_folder.setdefault(Path(g["documents"][0]["path"]).parent.name, []).append(g)
    figures = {}
    print("demetr-dev (share of perturbed items with a warning or error of the expected category; "
          "'any' = of any category):")
    present = {p.name for p in folder.iterdir() if (p / "meta.json").is_file()}
    for sub in [k for k in DEMETR if k in present] + sorted(present - set(DEMETR)):
        label, expected = DEMETR.get(sub, (sub, ()))
        meta = json.loads((folder / sub / "meta.json").read_text(encoding="utf-8"))
        s = demetr_score(by_folder.get(sub, []), meta, expected)
        figures[sub] = s
        what = "any warning/error (false alarms)" if expected is None else "/".join(expected)
        print(f"  {label:<18} {s['found']:>2}/{s['items']:<2} ({100 * s['share']:4.0f}%)  any {s['any']:>2}  "
              f"[{what}]  categories: {_counts(s['categories'])}")
    _done(keep, out)
    return figures


def multi_sentences(folder: Path) -> dict[str, int]:
    """Per language pair (``en-fr``): over stories, the larger paragraph count of the pair's
    two files (the set's "per 100 sentences" denominator for that pair)."""
    counts: dict[str, dict[str, int]] = {}
    for p in folder.glob("*.txt"):
        stem, code = p.name.split(".")[:2]
        counts.setdefault(stem, {})[code] = paragraphs(p.read_text(encoding="utf-8"))
    out: Counter = Counter()
    for per_lang in counts.values():
        codes = sorted(per_lang)
        for i, a in enumerate(codes):
            for b in codes[i + 1:]:
                out[f"{a}-{b}"] += max(per_lang[a], per_lang[b])
    return dict(sorted(out.items()))


def multi_tally(groups: list[dict]) -> dict[str, Counter]:
    """Warnings and errors per language pair (``en-fr``, codes sorted), by category. The
    pair is named by the files' language codes (``ID.fr.txt``), whatever Concord detected."""
    out: dict[str, Counter] = {}
    for g in groups:
        langs = {d["id"]: Path(d["path"]).name.split(".")[1] for d in g["documents"]}
        for pair in g["pairs"]:
            key = "-".join(sorted((langs.get(pair["a"]) or "?", langs.get(pair["b"]) or "?")))
            counter = out.setdefault(key, Counter())
            for f in pair["findings"]:
                if f["severity"] != "info":
                    counter[f["category"]] += 1
    return out


def multi_set(eval_dir: Path, jobs: int, sample: int, extra: list[str], keep: Path | None) -> dict:
    """pud-multi: clean stories in four languages, false alarms per language pair."""
    folder = eval_dir / "pud-multi"
    out = _out(keep, "pud-multi")
    result = run_check(folder, out, jobs, extra)
    groups = result["groups"]
    sentences = multi_sentences(folder)
    tallies = multi_tally(groups)
    figures: dict = {"stories": len(groups), "pairs": {}}
    print(f"pud-multi: {len(groups)} stories; warnings+errors per 100 sentences per language pair "
          "(goal <= 3 for the pairs with fr or pt):")
    for key in sorted(set(sentences) | set(tallies)):
        counter = tallies.get(key, Counter())
        n, sent = sum(counter.values()), sentences.get(key, 0)
        figures["pairs"][key] = {"findings": n, "sentences": sent, "per_100": per_100(n, sent),
                                 "by_category": dict(counter.most_common())}
        print(f"  {key}: {n} = {per_100(n, sent):.2f} per 100 sentences ({sent}): "
              f"{_counts(dict(counter.most_common()))}")
    _print_samples(groups, sample)
    _done(keep, out)
    return figures


# the partial checks (opt-in), measured with --partial in runs of their own
PARTIAL = ("partial-omission", "partial-addition")
# what counts as finding a partial omission or addition with every check: the one-sided
# categories, or a name, number or date where the words held one (demetr-dev/README.md)
PARTIAL_KINDS = ONE_SIDED + ("name", "number", "date")
PARTIAL_FOLDERS = ("critical_id6_addition", "critical_id23_noun_removed", "major_id5_pp_removed",
                   "critical_id21_adj_adv_removed", "base_id35_reference")


def partial_set(eval_dir: Path, jobs: int, extra: list[str], keep: Path | None) -> dict:
    """The partial checks' own rows: demetr-dev's content folders (and its references) and
    ntrex-dev checked with the partial checks added to the default checks (or with the
    ``--checks`` given after ``--``). Per folder, the items these checks find (a warning
    or error of theirs) and show (any severity); on ntrex-dev, their warnings and errors per
    100 sentences: what they add on clean translations."""
    plain = list(extra)
    if "--checks" not in extra:
        sys.path.insert(0, str(ROOT / "src"))
        from concord.checks import REGISTRY

        extra = extra + ["--checks", ",".join(k for k, c in REGISTRY.items() if c.default or k in PARTIAL)]
    figures: dict = {}
    print(f"partial checks ({', '.join(PARTIAL)}): items found (warning/error of these checks), "
          "shown (any severity), and found with every check (a warning/error of category "
          f"{'/'.join(PARTIAL_KINDS)}; for the reference, any warning/error):")
    out = _out(keep, "partial-demetr-dev")
    by_folder: dict[str, list[dict]] = {}
    for g in run_check(eval_dir / "demetr-dev", out, jobs, extra, recursive=True)["groups"]:
        by_folder.setdefault(Path(g["documents"][0]["path"]).parent.name, []).append(g)
    _done(keep, out)
    for sub in PARTIAL_FOLDERS:
        meta = json.loads((eval_dir / "demetr-dev" / sub / "meta.json").read_text(encoding="utf-8"))
        items = {_stem_of(g): [f for f in findings_of(g) if f.get("check") in PARTIAL]
                 for g in by_folder.get(sub, [])}
        perturbed = [i for i, m in meta.items() if m.get("perturbed", True)]
        found = sum(1 for i in perturbed if any(f["severity"] != "info" for f in items.get(i, [])))
        shown = sum(1 for i in perturbed if items.get(i))
        every = demetr_score(by_folder.get(sub, []), meta, None if DEMETR[sub][1] is None else PARTIAL_KINDS)
        figures[sub] = {"found": found, "shown": shown, "items": len(perturbed), "every_check": every["found"]}
        print(f"  {DEMETR[sub][0]:<18} {found:>2}/{len(perturbed):<2} ({100 * found / max(len(perturbed), 1):4.0f}%)"
              f"  shown {shown:>2}  every check {every['found']:>2}")
    # ntrex-dev with the default checks, then with the partial checks added: the second run's
    # time over the first's is what the partial checks cost (both with the translations cached)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in (eval_dir / "ntrex-dev").glob("*.txt"))
    out = _out(keep, "partial-ntrex-dev-default")
    start = time.monotonic()
    run_check(eval_dir / "ntrex-dev", out, jobs, plain)
    plain_s = time.monotonic() - start
    _done(keep, out)
    out = _out(keep, "partial-ntrex-dev")
    start = time.monotonic()
    groups = run_check(eval_dir / "ntrex-dev", out, jobs, extra)["groups"]
    partial_s = time.monotonic() - start
    _done(keep, out)
    mine = [f for g in groups for f in findings_of(g) if f.get("check") in PARTIAL]
    n_sent = set_sentences(eval_dir / "ntrex-dev")
    we = sum(1 for f in mine if f["severity"] != "info")
    figures["ntrex-dev"] = {"findings": we, "info": len(mine) - we, "sentences": n_sent,
                            "per_100": per_100(we, n_sent), "info_per_100": per_100(len(mine) - we, n_sent)}
    print(f"  ntrex-dev: {we} warnings+errors of these checks = {per_100(we, n_sent):.2f} per 100 sentences; "
          f"info {len(mine) - we} = {per_100(len(mine) - we, n_sent):.2f} per 100")
    figures["time"] = {"words": words, "default_s": round(plain_s, 2), "partial_s": round(partial_s, 2)}
    print(f"  time on ntrex-dev ({words} words, translations cached, {jobs} jobs): default checks "
          f"{plain_s:.1f} s ({words / max(plain_s, 1e-9):.0f} words/s), with the partial checks "
          f"{partial_s:.1f} s ({words / max(partial_s, 1e-9):.0f} words/s)")
    return figures


def team(extra: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        jfile = Path(tmp) / "facts.json"
        proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "facts.py"), "--json", str(jfile)]
                              + extra, capture_output=True, text=True, check=False)
        figures = json.loads(jfile.read_text(encoding="utf-8")) if jfile.exists() else {}
    lines = proc.stdout.strip().splitlines()
    print("team corpus (benchmarks/facts.py):")
    for line in lines[-12:]:
        print("  " + line)
    if proc.returncode != 0:
        print(f"  facts.py failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    return {"returncode": proc.returncode, **figures}


def _chosen(only: list[str] | None) -> list[str]:
    if not only:
        return list(SETS)
    names = [ALIASES.get(n.strip(), n.strip()) for item in only for n in item.split(",") if n.strip()]
    unknown = [n for n in names if n not in SETS]
    if unknown:
        sys.exit(f"accuracy: unknown set {', '.join(unknown)} (sets: {', '.join(SETS)})")
    return [n for n in SETS if n in names]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=None,
                    help="folder holding eval/ [default: $CONCORD_SHARED, else ../shared beside the project]")
    ap.add_argument("--only", action="append", metavar="SET[,SET]",
                    help=f"sets to measure, of {', '.join(SETS)} (clean, injected: the pud sets) [default: all]")
    ap.add_argument("--sample", type=int, default=15, help="random pud-clean and ntrex-dev findings to print")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", type=Path, help="keep findings.json and scorer files here")
    ap.add_argument("--json", type=Path, dest="json_file", metavar="FILE", help="write every figure here as JSON")
    ap.add_argument("--markdown", action="store_true", help="print the README accuracy table's rows")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every injected-set match and miss")
    ap.add_argument("--partial", action="store_true",
                    help="also measure the partial checks in runs of their own (demetr-dev content folders, ntrex-dev)")
    ap.add_argument("extra", nargs="*", help="options passed to concord check (after --)")
    args = ap.parse_args(argv)
    shared = args.shared or default_shared()
    eval_dir = shared / "eval"
    chosen = _chosen(args.only)
    if not eval_dir.is_dir() and chosen != ["team"]:
        print(f"accuracy: {eval_dir} is not there: the shared evaluation sets are absent, "
              "so only the team corpus is measured (give the folder with --shared or $CONCORD_SHARED)")
        chosen = [n for n in chosen if n == "team"]
    figures: dict = {"shared": str(shared)}
    for name in chosen:
        if name != "team" and not (eval_dir / name).is_dir():
            print(f"{name}: {eval_dir / name} is not there; skipped")
            continue
        if name in ("pud-clean", "ntrex-dev"):
            figures[name] = clean_set(eval_dir, name, args.jobs, args.sample, args.extra, args.keep)
        elif name in ("pud-injected", "ntrex-dev-injected"):
            figures[name] = injected_set(eval_dir, name, args.jobs, args.extra, args.keep, args.verbose)
        elif name == "demetr-dev":
            figures[name] = demetr_set(eval_dir, args.jobs, args.extra, args.keep)
        elif name == "pud-multi":
            figures[name] = multi_set(eval_dir, args.jobs, args.sample, args.extra, args.keep)
        else:
            figures[name] = team([])
    if args.partial and (eval_dir / "demetr-dev").is_dir() and (eval_dir / "ntrex-dev").is_dir():
        figures["partial"] = partial_set(eval_dir, args.jobs, args.extra, args.keep)
    if args.markdown:
        print("README accuracy table rows:")
        for row in markdown_rows(figures):
            print(row)
    if args.json_file:
        args.json_file.write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
