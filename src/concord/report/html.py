"""The HTML report: ``index.html`` for the corpus and one page per group.

Self-contained (inline CSS and JS, no network), readable from a file:// URL. Every piece
of document text goes through Jinja2's autoescaping: wire copy is untrusted input.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from ..document import Category, Severity

from ..textio import atomic_write

SEVERITIES = Severity.values()
_WHOLE_SENTENCE = (Category.OMISSION, Category.ADDITION)  # marked by the row, not a highlight
CATEGORIES = Category.values()


def _env() -> Environment:
    return Environment(loader=PackageLoader("concord", "report/templates"),
                       autoescape=select_autoescape(["html", "j2"], default=True),
                       trim_blocks=True, lstrip_blocks=True)


def _pieces(sentence: dict, marks: list[tuple[int, int, str, str]]) -> list[tuple[str, str]]:
    """Cut a sentence into (text, css class) pieces around the marked ranges."""
    s0, s1, text = sentence["start"], sentence["end"], sentence["text"]
    cuts = sorted((max(a, s0), min(b, s1), cls, fid) for a, b, cls, fid in marks if a < s1 and b > s0)
    out, pos = [], s0
    for a, b, cls, fid in cuts:
        if a < pos:
            continue
        if a > pos:
            out.append((text[pos - s0:a - s0], "", ""))
        out.append((text[a - s0:b - s0], cls, fid))
        pos = b
    if pos < s1:
        out.append((text[pos - s0:], "", ""))
    return out


def group_view(group: dict) -> dict:
    docs = {d["id"]: d for d in group["documents"]}
    pairs = []
    for pair in group["pairs"]:
        da, db = docs[pair["a"]], docs[pair["b"]]
        marks = {pair["a"]: [], pair["b"]: []}
        for f in pair["findings"]:
            for side in ("a", "b"):
                ev = f.get(side)
                if ev and ev.get("end", 0) > ev.get("start", 0) and f["category"] not in _WHOLE_SENTENCE:
                    marks[ev.get("document", pair[side])].append(
                        (ev["start"], ev["end"], f"hl hl-{f['category']} sev-{f['severity']}", f["id"]))
        for d in (da, db):
            for s in d["sentences"]:
                for sp in s.get("spans", []):
                    marks[d["id"]].append((sp["start"], sp["end"], "hl hl-language", ""))
        finding_by_sentence = {"a": Counter(), "b": Counter()}
        for f in pair["findings"]:
            for side in ("a", "b"):
                if f.get(side):
                    for i in f[side]["sentences"]:
                        finding_by_sentence[side][i] += 1
        rows = []
        for bead in pair["alignment"]:
            rows.append({
                "kind": bead["kind"],
                "score": bead["score"],
                "a": [(s, _pieces(da["sentences"][i], marks[da["id"]])) for i in bead["a"] for s in [da["sentences"][i]]],
                "b": [(s, _pieces(db["sentences"][j], marks[db["id"]])) for j in bead["b"] for s in [db["sentences"][j]]],
            })
        sev = Counter(f["severity"] for f in pair["findings"])
        cat = Counter(f["category"] for f in pair["findings"])
        pairs.append({"a": da, "b": db, "rows": rows, "findings": pair["findings"],
                      "severity_counts": sev, "category_counts": cat})
    return {"group": group, "pairs": pairs}


def page_name(group_id: str) -> str:
    return f"group-{group_id}.html"


def _page_key(path: Path) -> str | None:
    try:
        with open(path, encoding="utf-8") as fh:
            head = fh.read(600)
    except (OSError, UnicodeDecodeError):
        return None
    m = re.search(r'<meta name="concord-key" content="([0-9a-f]{64})">', head)
    return m.group(1) if m else None


def page_is_current(out_dir: Path, group_id: str, key: str) -> bool:
    """Whether the group's page on disk was written for this content key."""
    return _page_key(Path(out_dir) / page_name(group_id)) == key


def write_group_page(env: Environment, group: dict, tool: dict, out_dir: Path,
                     key: str | None = None) -> Path:
    """Render and write one group's page as soon as the group is finished; ``key`` (the
    group's content hash, on incremental runs) goes into the page for ``page_is_current``."""
    path = Path(out_dir) / page_name(group["id"])
    html = env.get_template("group.html.j2").render(
        view=group_view(group), tool=tool, severities=SEVERITIES, categories=CATEGORIES, key=key)
    atomic_write(path, html)
    return path


def write_index(env: Environment, data: dict, summaries, out_dir: Path) -> Path:
    """Write index.html from the run header and the groups' summaries (see
    ``report.group_summary``): ids, documents and finding counts, no findings."""
    rows = []
    totals_sev, totals_cat = Counter(), Counter()
    for g in summaries:
        sev, cat = Counter(g["severity_counts"]), Counter(g["category_counts"])
        totals_sev.update(sev)
        totals_cat.update(cat)
        rows.append({"group": g, "page": page_name(g["id"]), "severity_counts": sev,
                     "category_counts": cat, "total": sum(sev.values())})
    max_cat = max(totals_cat.values(), default=0)
    index = env.get_template("index.html.j2").render(
        groups=rows, tool=data["tool"], skipped=data["skipped"], settings=data["settings"],
        baseline=data.get("baseline"), totals_sev=totals_sev, totals_cat=totals_cat, max_cat=max_cat,
        severities=SEVERITIES, categories=CATEGORIES)
    path = Path(out_dir) / "index.html"
    atomic_write(path, index)
    return path


def env() -> Environment:
    return _env()
