"""The HTML report: ``index.html`` for the corpus and one page per story group.

Self-contained (inline CSS and JS, no network), readable from a file:// URL. Every piece
of document text goes through Jinja2's autoescaping (and data for the page's scripts
through ``tojson``, which escapes ``<``, ``>`` and ``&``): wire copy is untrusted input.

Built for triage: a story page lists its differences most serious first, one row per
difference with every place it occurs (the same change found in several pairs, and the
facts an omitted sentence carries, stay in one row); highlights mark the fact and show
the message; an "accept" box per row builds a baseline file ``--baseline`` honours, and
the table downloads as CSV. The index lists the most serious findings of every story,
with search and filters across stories.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..document import Category, Severity
from ..fsutil import atomic_write
from .terminal import UNCOUNTABLE, plural

SEVERITIES = Severity.values()
CATEGORIES = Category.values()
_WHOLE_SENTENCE = (Category.OMISSION.value, Category.ADDITION.value)  # a row, not a highlight

# What each category means to an editor (the legend and docs/reading-the-report.md).
CATEGORY_HELP = {
    Category.NUMBER: "a figure, amount, percentage or count differs, or is in one version only",
    Category.NAME: "a person, place or organisation is named in one version only, or described differently",
    Category.DATE: "a date, weekday or time differs",
    Category.QUOTE: "a quotation is changed, reworded, paraphrased or missing",
    Category.MEANING: "a sentence says the opposite in the other version (a negation or an antonym)",
    Category.OMISSION: "a sentence of one version has no counterpart in the other",
    Category.ADDITION: "a sentence of the translation is not in the source",
    Category.LANGUAGE: "a passage is in another language than its sentence",
    Category.CREDIT: "a dateline or byline (place, date, agency, author) is in one version only",
    Category.PLACEHOLDER: "a placeholder of a software string (%s, {0}, an inline code or tag) is lost, added "
                          "or changed",
}
SEVERITY_HELP = {
    Severity.ERROR: "a fact that contradicts the other version: fix before publishing",
    Severity.WARNING: "content one version lacks or states differently: check it",
    Severity.INFO: "for the record (a heading, a passage in another language): usually fine",
}
# Highlight colours of the categories, in the order of Category (pale, so text stays
# readable; each pair of neighbours differs in hue).
PALETTE = ("#ffc9b3", "#c9ecbb", "#ffe38a", "#d9ceff", "#f6c4dc", "#b9e5e5", "#cfe0ff", "#eadfcf", "#e2c9f5", "#f9d9a8")
# How many findings the index lists across stories (most serious first); each story
# page holds all of its own.
INDEX_FINDINGS = 500
# How many stories an index page lists: a larger run's story table continues on
# index-2.html, index-3.html, ... (a run of up to this many stories has index.html only).
INDEX_STORIES = 2000


def index_page_name(number: int) -> str:
    """The file of story-table page ``number`` (1 is index.html)."""
    return "index.html" if number == 1 else f"index-{number}.html"

# A highlight in a document: start, end, css class, finding row id, message.
Mark = tuple[int, int, str, str, str]
# A piece of a sentence on its page: text, css class, finding row id, message.
Piece = tuple[str, str, str, str]
# A fact absent from a sentence: row id, message, severity, category.
Flag = tuple[str, str, str, str]
# A whole sentence omitted or added: row id, severity, message.
Lone = tuple[str, str, str]


def _env() -> Environment:
    e = Environment(loader=PackageLoader("concord", "report/templates"),
                    autoescape=select_autoescape(["html", "j2"], default=True),
                    trim_blocks=True, lstrip_blocks=True,
                    auto_reload=False)  # packaged templates do not change during a run
    e.filters["plural"] = plural
    e.globals["palette"] = PALETTE
    e.globals["uncountable"] = sorted(UNCOUNTABLE)  # the scripts pluralise as plural() does
    e.globals["csv_columns"] = list(CSV_COLUMNS)  # the pages' CSV download: findings.csv's columns
    return e


_ENV: list[Environment] = []  # this process's environment (its templates compile once)


def env() -> Environment:
    """The report templates' environment, made once per process: a worker process renders
    every page it prepares with one set of compiled templates."""
    if not _ENV:
        _ENV.append(_env())
    return _ENV[0]


def shorten(text: str, width: int = 110) -> str:
    """``text`` on one line, cut at a word boundary to about ``width`` characters."""
    text = " ".join((text or "").split())
    if len(text) <= width:
        return text
    return (text[:width].rsplit(" ", 1)[0] or text[:width]).rstrip(",;:") + "…"


def slug(text: str, words: int = 6) -> str:
    """A file-name slug: ASCII letters and digits, words joined by ``-``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text)[:words])


@lru_cache(maxsize=4096)
def _headline_like(text: str) -> bool:
    """Five words or more, mostly without digits (not a dateline or a byline)."""
    words = text.split()
    return len(words) >= 5 and sum(any(map(str.isdigit, w)) for w in words) <= len(words) // 5


def headline(group: Mapping[str, Any]) -> str:
    """A story's headline: among the first three sentences of each version (in pair order:
    the source first), the first that reads like a headline (no final full stop), else the
    first that reads like a sentence, else the first sentence."""
    firsts = [s["text"].strip() for d in group.get("documents", []) for s in d.get("sentences", [])[:3]
              if s["text"].strip()]
    for pick in ([t for t in firsts if _headline_like(t) and not t.endswith(".")],
                 [t for t in firsts if _headline_like(t)], firsts):
        if pick:
            return shorten(pick[0], 120)
    return ""


def page_name(group_id: str, head: str | None = None) -> str:
    """The page of a group: ``group-ID.html``; a group named by a content hash (grouped by
    anchors) is named by its headline instead, keeping the hash for uniqueness."""
    m = re.fullmatch(r"group-([0-9a-f]{8})(-\d+)?", group_id)
    if m and head and slug(head):
        return f"group-{slug(head)}-{m.group(1)}{m.group(2) or ''}.html"
    if m:
        return f"{group_id}.html"
    return f"group-{group_id}.html"


def _pieces(sentence: dict[str, Any], marks: list[Mark]) -> list[Piece]:
    """Cut a sentence into (text, css class, finding id, message) pieces around the marks."""
    s0, s1, text = sentence["start"], sentence["end"], sentence["text"]
    cuts = sorted((max(m[0], s0), min(m[1], s1), *m[2:]) for m in marks if m[0] < s1 and m[1] > s0)
    out: list[Piece] = []
    pos = s0
    for a, b, cls, fid, msg in cuts:
        if a < pos:
            continue
        if a > pos:
            out.append((text[pos - s0:a - s0], "", "", ""))
        out.append((text[a - s0:b - s0], cls, fid, msg))
        pos = b
    if pos < s1:
        out.append((text[pos - s0:], "", "", ""))
    return out


def _role(doc: dict[str, Any], source_id: str | None) -> str:
    if source_id is None:
        return ""
    return "source" if doc["id"] == source_id else "translation"


def _source_id(group: Mapping[str, Any], source: str) -> str | None:
    """The id of the group's source version, when ``source`` names exactly one."""
    if not source:
        return None
    from ..document import Document
    from ..versions import is_source

    hits = [d["id"] for d in group["documents"]
            if is_source(Document(d["id"], d["path"], "", language=d.get("language")), source)]
    return hits[0] if len(hits) == 1 else None


def _whole(ev: dict[str, Any], doc: dict[str, Any]) -> bool:
    """Whether evidence spans whole sentences (the fact is absent on that side)."""
    sents = doc.get("sentences") or []
    first, last = ev["sentences"][0], ev["sentences"][-1]
    if last >= len(sents):  # a slim group: no sentences to compare with
        return False
    whole: bool = ev["start"] <= sents[first]["start"] and ev["end"] >= sents[last]["end"]
    return whole


def _place(ev: dict[str, Any], doc: dict[str, Any], pair_index: int, side: str, role: str) -> dict[str, Any]:
    return {"pair": pair_index, "side": side, "file": doc["path"], "doc": doc["id"],
            "language": doc.get("language"), "role": role, "sentence": ev["sentences"][0] + 1,
            "anchor": f"s-{pair_index}-{side}-{ev['sentences'][0]}", "line": ev["line"],
            "column": ev["column"], "text": shorten(ev["text"], 160), "whole": _whole(ev, doc),
            "unit": ev.get("unit") or ""}


def _rank(f: dict[str, Any]) -> int:
    return Severity(f["severity"]).rank


def finding_rows(group: Mapping[str, Any], source_id: str | None = None) -> list[dict[str, Any]]:
    """The group's findings for triage: one row per difference (same id in several pairs:
    one row with every place; a finding inside an omitted or added sentence: inside that
    sentence's row), most serious first, then by position."""
    docs = {d["id"]: d for d in group["documents"]}
    rows: dict[str, dict[str, Any]] = {}
    order = []
    # sentences an omission/addition row covers: (pair, side, sentence) -> row id
    covered: dict[tuple[int, str, int], str] = {}
    for pi, pair in enumerate(group["pairs"], 1):
        for f in pair["findings"]:
            if f["category"] in _WHOLE_SENTENCE:
                side = "a" if f.get("a") else "b"
                for i in f[side]["sentences"]:
                    covered.setdefault((pi, side, i), f["id"])
    for pi, pair in enumerate(group["pairs"], 1):
        for f in pair["findings"]:
            places = []
            for side in ("a", "b"):
                ev = f.get(side)
                if ev:
                    doc = docs[ev.get("document", pair[side])]
                    places.append(_place(ev, doc, pi, side, _role(doc, source_id)))
            host = None
            if f["category"] not in _WHOLE_SENTENCE:
                sides = [s for s in ("a", "b") if f.get(s) and not _whole(f[s], docs[f[s]["document"]])]
                if len(sides) == 1 and not f.get("b" if sides[0] == "a" else "a"):
                    s = sides[0]
                    host = covered.get((pi, s, f[s]["sentences"][0]))
            if host is not None and host in rows and f["id"] != host:
                row = rows[host]
                if f["id"] not in row["ids"]:
                    row["ids"].append(f["id"])
                    row["nested"].append({"id": f["id"], "severity": f["severity"], "check": f.get("check"),
                                          "category": f["category"], "message": f["message"]})
                    if _rank(f) > Severity(row["severity"]).rank:
                        row["severity"] = f["severity"]
                continue
            if f["id"] in rows:
                have = {(p["file"], p["line"], p["column"]) for p in rows[f["id"]]["places"]}
                rows[f["id"]]["places"] += [p for p in places if (p["file"], p["line"], p["column"]) not in have]
                continue
            first = places[0] if places else None
            rows[f["id"]] = {"id": f["id"], "ids": [f["id"]], "severity": f["severity"], "category": f["category"],
                             "check": f.get("check", f["category"]), "message": f["message"],
                             "classification": f.get("classification"), "facts": f.get("facts") or [],
                             "places": places, "nested": [],
                             "pos": (pi, f["a"]["start"] if f.get("a") else 10**12,
                                     f["b"]["start"] if f.get("b") else 10**12,
                                     first["sentence"] if first else 0)}
            order.append(f["id"])
    out = [rows[i] for i in order]
    out.sort(key=lambda r: (-Severity(r["severity"]).rank, r["pos"], r["id"]))
    return out


def _kind_label(kind: str, a: dict[str, Any], b: dict[str, Any]) -> str:
    if kind == "omission":
        return f"only in {a['path']}"
    if kind == "addition":
        return f"only in {b['path']}"
    return {"match": "same content"}.get(kind, kind)


def _sentence_cells(d: dict[str, Any], idx: list[int], marks: list[Mark], flags: dict[int, list[Flag]],
                    lone: dict[tuple[str, int], Lone], side: str) -> list[dict[str, Any]]:
    """The sentences ``idx`` of document ``d`` (side ``side`` of its pair) as the
    side-by-side shows them: cut into pieces around the marks, with their flags."""
    return [{"s": d["sentences"][i], "n": i + 1, "pieces": _pieces(d["sentences"][i], marks),
             "flags": flags.get(i, []), "lone": lone.get((side, i))} for i in idx]


def group_view(group: Mapping[str, Any], source: str = "") -> dict[str, Any]:
    """Everything group.html.j2 shows: the finding rows and, per pair, the side-by-side."""
    docs = {d["id"]: d for d in group["documents"]}
    source_id = _source_id(group, source)
    rows = finding_rows(group, source_id)
    messages = {}
    for r in rows:
        for i in r["ids"]:
            messages[i] = (r["id"], r["message"] if i == r["id"] else
                           next(n["message"] for n in r["nested"] if n["id"] == i))
    pairs = []
    for pi, pair in enumerate(group["pairs"], 1):
        da, db = docs[pair["a"]], docs[pair["b"]]
        marks: dict[str, list[Mark]] = {pair["a"]: [], pair["b"]: []}
        # sentence -> [(row id, message, severity)] (fact absent there)
        flags: dict[str, dict[int, list[Flag]]] = {"a": {}, "b": {}}
        for f in pair["findings"]:
            row_id, msg = messages.get(f["id"], (f["id"], f["message"]))
            for side in ("a", "b"):
                ev = f.get(side)
                if not ev or f["category"] in _WHOLE_SENTENCE:
                    continue
                doc = docs[ev.get("document", pair[side])]
                if _whole(ev, doc):
                    flags[side].setdefault(ev["sentences"][0], []).append((row_id, msg, f["severity"], f["category"]))
                elif ev["end"] > ev["start"]:
                    marks[doc["id"]].append((ev["start"], ev["end"],
                                             f"hl hl-{f['category']} sev-{f['severity']}", row_id, msg))
        for d in (da, db):
            for s in d["sentences"]:
                for sp in s.get("spans", []):
                    marks[d["id"]].append((sp["start"], sp["end"], "hl hl-language", "", ""))
        lone: dict[tuple[str, int], Lone] = {}
        for f in pair["findings"]:
            if f["category"] in _WHOLE_SENTENCE:
                side = "a" if f.get("a") else "b"
                rid, msg = messages.get(f["id"], (f["id"], f["message"]))
                for i in f[side]["sentences"]:
                    lone[(side, i)] = (rid, f["severity"], msg)
        rows_pp = [{"kind": bd["kind"], "label": _kind_label(bd["kind"], da, db), "score": bd["score"],
                    "a": _sentence_cells(da, bd["a"], marks[da["id"]], flags["a"], lone, "a"),
                    "b": _sentence_cells(db, bd["b"], marks[db["id"]], flags["b"], lone, "b")}
                   for bd in pair["alignment"]]
        pairs.append({"a": da, "b": db, "role_a": _role(da, source_id), "role_b": _role(db, source_id),
                      "rows": rows_pp, "index": pi})
    sev: Counter[str] = Counter()
    for r in rows:
        sev[r["severity"]] += 1
    return {"group": group, "headline": headline(group), "rows": rows, "pairs": pairs,
            "severity_counts": sev, "category_counts": Counter(r["category"] for r in rows),
            "source_id": source_id}


#: The columns of the findings table as CSV (``--format csv`` and the pages' download).
CSV_COLUMNS = ("story", "severity", "category", "check", "message", "file", "line", "column", "text", "unit", "id")


def csv_rows(group: Mapping[str, Any], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The findings table as CSV records (one per finding id and place)."""
    out = []
    for r in rows:
        for p in r["places"] or [{}]:
            out.append({"story": group["id"], "severity": r["severity"], "category": r["category"],
                        "check": r["check"], "message": r["message"], "file": p.get("file", ""),
                        "line": p.get("line", ""), "column": p.get("column", ""), "text": p.get("text", ""),
                        "unit": p.get("unit", ""), "id": r["id"]})
        for n in r["nested"]:
            p = r["places"][0] if r["places"] else {}
            out.append({"story": group["id"], "severity": n["severity"], "category": n["category"],
                        "check": n["check"], "message": n["message"], "file": p.get("file", ""),
                        "line": p.get("line", ""), "column": p.get("column", ""), "text": p.get("text", ""),
                        "unit": p.get("unit", ""), "id": n["id"]})
    return out


def _page_key(path: Path) -> str | None:
    try:
        with open(path, encoding="utf-8") as fh:
            head = fh.read(600)
    except (OSError, UnicodeDecodeError):
        return None
    m = re.search(r'<meta name="concord-key" content="([0-9a-f]{64})">', head)
    return m.group(1) if m else None


def page_key(key: str, notices: Sequence[str] = ()) -> str:
    """The key a group's page carries: the group's content key, and the banner it shows
    (what the run lacked of the default backends), so a page written by a run with
    another banner is written again."""
    if not notices:
        return key
    return hashlib.sha256("\n".join([key, *notices]).encode("utf-8")).hexdigest()


def page_is_current(out_dir: Path, group_id: str, key: str, head: str | None = None,
                    notices: Sequence[str] = ()) -> bool:
    """Whether the group's page on disk was written for this content key (and banner)."""
    return _page_key(Path(out_dir) / page_name(group_id, head)) == page_key(key, notices)


def render_group_page(env: Environment, group: Mapping[str, Any], tool: dict[str, Any], key: str | None = None,
                      settings: dict[str, Any] | None = None, notices: Sequence[str] = ()) -> tuple[str, str]:
    """One group's page: its file name and HTML. ``key`` (the group's content hash, on
    incremental runs) goes into the page for ``page_is_current``; ``notices`` (what the run
    lacked of the default backends) make the banner every page of the run shows. Worker
    processes render the pages of the groups they compute; the parent only writes them."""
    settings = settings or {}
    view = group_view(group, settings.get("source", ""))
    html = env.get_template("group.html.j2").render(
        view=view, tool=tool, severities=SEVERITIES, categories=CATEGORIES,
        key=page_key(key, notices) if key else key, notices=list(notices),
        category_help=CATEGORY_HELP, severity_help=SEVERITY_HELP,
        data={"story": group["id"], "tool": tool, "rows": csv_rows(group, view["rows"])})
    return page_name(group["id"], view["headline"]), html


def write_group_page(env: Environment, group: Mapping[str, Any], tool: dict[str, Any], out_dir: Path,
                     key: str | None = None, settings: dict[str, Any] | None = None,
                     notices: Sequence[str] = ()) -> Path:
    """Render and write one group's page as soon as the group is finished (see
    :func:`render_group_page`)."""
    name, html = render_group_page(env, group, tool, key, settings, notices)
    path = Path(out_dir) / name
    atomic_write(path, html)
    return path


def run_date() -> str | None:
    """The run's date for the index when ``SOURCE_DATE_EPOCH`` fixes it (UTC, for
    reproducible builds); otherwise None, and the page shows the date its file was written
    (the browser's ``document.lastModified``), so two runs on the same corpus write the same
    bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not (epoch and epoch.isdigit()):
        return None
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(int(epoch)))


# The script ``concord watch``'s server adds to the pages it serves (never to the files):
# once a second it asks which run the server is at and reloads the page when a newer run
# has written the reports. Same origin, no external resource; the page scrolls back to
# where the reader was (the browser keeps the position on reload).
_LIVE_SCRIPT = (
    '<script>(function(){{var seen=null;function poll(){{fetch("{url}",{{cache:"no-store"}})'
    '.then(function(r){{return r.ok?r.text():null;}}).then(function(t){{'
    'if(t!==null&&seen!==null&&t!==seen){{location.reload();return;}}if(t!==null){{seen=t;}}'
    'setTimeout(poll,1000);}},function(){{setTimeout(poll,2000);}});}}poll();}})();</script>'
)


def live_page(html: bytes, url: str) -> bytes:
    """A report page as ``concord watch`` serves it: the file's bytes with the reload
    script (asking ``url`` for the run number) before ``</body>``."""
    script = _LIVE_SCRIPT.format(url=url).encode("utf-8")
    cut = html.rfind(b"</body>")
    return html + script if cut < 0 else html[:cut] + script + html[cut:]


def _corpus(paths: Mapping[str, Any]) -> str:
    values = [os.path.dirname(p) or "." for p in paths.values()]
    if not values:
        return ""
    try:
        return os.path.commonpath(values)
    except ValueError:
        return values[0]


def write_index(env: Environment, data: dict[str, Any], summaries: Iterable[Mapping[str, Any]], out_dir: Path,
                findings: Iterable[tuple[Mapping[str, Any], dict[str, Any]]] | None = None,
                paths: Mapping[str, Any] | None = None, counts: RowCounts | None = None,
                notices: Sequence[str] = (), keys: Mapping[str, str | None] | None = None,
                per_page: int | None = None) -> list[Path]:
    """Write index.html from the run header, the groups' summaries (see
    ``report.group_summary``: ids, documents, headline and counts; iterated twice, so a
    spool on disk will do) and ``findings``, an iterable of (group summary, finding row)
    pairs for the cross-story table. ``notices`` (what the run lacked of the default
    backends) make a banner at the top. A run of more than ``per_page`` stories (default
    :data:`INDEX_STORIES`) lists them on several pages: index.html has the totals, the most
    serious findings and the first stories, index-2.html ... the next ones, each page
    linking to the others; one story's row is held at a time beyond the page in hand.
    ``keys`` (story id -> content key) lets a process that keeps its index rows
    (:func:`keep_index_rows`) reuse the HTML of the rows of unchanged stories. Returns the
    pages written."""
    per_page = per_page or INDEX_STORIES
    totals_sev: Counter[str] = Counter()
    totals_cat: Counter[str] = Counter()
    backends: dict[str, set[str]] = {}
    n_stories = documents = max_cat = 0
    for g in summaries:  # the totals first: every page shows them
        sev, cat = _counts(g, counts)
        totals_sev.update(sev)
        totals_cat.update(cat)
        max_cat = max([max_cat, *cat.values()])
        for k, v in list(g.get("translators", {}).items()) + [(f"names {k}", v) for k, v in g.get("names", {}).items()]:
            backends.setdefault(k, set()).add(v)
        n_stories += 1
        documents += len(g["documents"])
    n_pages = max(1, -(-n_stories // per_page))
    top = list(findings or [])
    common = {
        "tool": data["tool"], "skipped": data["skipped"], "settings": data["settings"],
        "baseline": data.get("baseline"), "totals_sev": totals_sev, "totals_cat": totals_cat, "max_cat": max_cat,
        "severities": SEVERITIES, "categories": CATEGORIES, "date": run_date(), "corpus": _corpus(paths or {}),
        "documents": documents, "backends": {k: ", ".join(sorted(v)) for k, v in sorted(backends.items())},
        "top": top[:INDEX_FINDINGS], "top_total": counts.total if counts is not None else len(top),
        "index_limit": INDEX_FINDINGS, "notices": list(notices),
        "category_help": CATEGORY_HELP, "severity_help": SEVERITY_HELP,
        "data": {"tool": data["tool"], "rows": [dict(rec, story=g["id"]) for g, r in top[:INDEX_FINDINGS]
                                             for rec in r["csv"]]}}
    template = env.get_template("index.html.j2")
    written = []
    rows: list[dict[str, Any]] = []
    kept = _KEPT_HTML[0] if (_KEPT_HTML and keys is not None) else None
    new: dict[Any, Any] = {}  # the rows' HTML to keep for the next run

    def flush(number: int) -> None:
        pages = [] if n_pages == 1 else [
            {"number": k, "file": index_page_name(k), "first": (k - 1) * per_page + 1,
             "last": min(k * per_page, n_stories)} for k in range(1, n_pages + 1)]
        first = (number - 1) * per_page
        story_rows, top_rows = _index_rows(env, rows, common["top"] if number == 1 else [], max_cat, keys,
                                           kept, new, first)
        html = template.render(groups=rows, story_rows=story_rows, top_rows=top_rows, stories=n_stories,
                               pages=pages, page_number=number, first_story=first, **common)
        path = Path(out_dir) / index_page_name(number)
        atomic_write(path, html)
        written.append(path)

    for g in summaries:
        sev, cat = _counts(g, counts)
        head = g.get("headline") or ""
        rows.append({"group": g, "page": page_name(g["id"], head), "headline": head,
                     "languages": sorted({d["language"] or "?" for d in g["documents"]}),
                     "severity_counts": sev, "category_counts": cat, "total": sum(sev.values()),
                     "worst": max((Severity(s).rank for s, n in sev.items() if n), default=-1)})
        if len(rows) == per_page and len(written) + 1 < n_pages:
            flush(len(written) + 1)
            rows = []
    flush(len(written) + 1)
    if kept is not None:
        kept.clear()
        kept.update(new)
    return written


def _counts(g: Mapping[str, Any], counts: RowCounts | None) -> tuple[Counter[str], Counter[str]]:
    """A story's finding rows by severity and by category (the index's badges)."""
    if counts is not None:  # finding rows, as the pages list them
        return counts.severity.get(g["id"], Counter()), counts.category.get(g["id"], Counter())
    return Counter(g["severity_counts"]), Counter(g["category_counts"])


def _index_rows(env: Environment, rows: list[dict[str, Any]], top: list[tuple[Mapping[str, Any], dict[str, Any]]],
                max_cat: int, keys: Mapping[str, str | None] | None, kept: dict[Any, Any] | None,
                new: dict[Any, Any], first: int = 0) -> tuple[list[Markup], list[Markup]]:
    """The HTML of the index's story rows and cross-story finding rows. A process that
    keeps its index rows (``concord watch``) keeps their HTML too: a story row by the
    story's content key, its place and the scale of the bars; a finding row by the row
    object kept for an unchanged story (see :func:`index_findings`) and its place. Rows
    of stories that changed are rendered again, as every row is otherwise."""
    story_t, top_t = env.get_template("_story_row.html.j2"), env.get_template("_top_row.html.j2")
    story_rows = []
    for order, row in enumerate(rows, first + 1):
        content = keys.get(row["group"]["id"]) if keys is not None else None
        memo = ("story", row["group"]["id"], content, order, max_cat) if content else None
        html = kept.get(memo) if (kept is not None and memo is not None) else None
        if html is None:
            html = Markup(story_t.render(g=row, order=order, severities=SEVERITIES, categories=CATEGORIES,
                                         max_cat=max_cat))
        if memo is not None:
            new[memo] = html
        story_rows.append(html)
    top_rows = []
    for order, (g, r) in enumerate(top, 1):
        top_memo = ("top", id(r), order)
        hit = kept.get(top_memo) if kept is not None else None
        if hit is not None and hit[0] is r and hit[1] == g["id"]:  # the same kept row object
            html = hit[2]
        else:
            html = Markup(top_t.render(g=g, r=r, order=order, severities=SEVERITIES))
        new[top_memo] = (r, g["id"], html)
        top_rows.append(html)
    return story_rows, top_rows


@dataclass
class RowCounts:
    """The finding rows of a run (what the report lists: one row per difference, however
    many pairs of versions share it), counted per story by severity and by category. The
    index's badges and story rows show these, so they agree with the rows a page lists."""

    total: int = 0
    severity: dict[str, Counter[str]] = field(default_factory=dict)
    category: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, story: str, row: dict[str, Any]) -> None:
        self.total += 1
        self.severity.setdefault(story, Counter())[row["severity"]] += 1
        self.category.setdefault(story, Counter())[row["category"]] += 1


# A story's index rows: (finding row, the row as the index lists it).
_Rows = list[tuple[dict[str, Any], dict[str, Any]]]
# ``concord watch`` keeps every story's index rows between its runs, by story id, content
# key and source, so a run after one saved document derives the rows of that story only.
# None (the default): nothing is kept, and a run's memory stays bounded.
_KEPT_ROWS: list[dict[tuple[str, str, str], _Rows]] = []
_KEPT_HTML: list[dict[Any, Any]] = []  # and the HTML of their rows (see _index_rows)


def keep_index_rows(on: bool = True) -> None:
    """Keep the index rows of unchanged stories from one run to the next in this process
    (for a long-lived process that writes the reports again and again)."""
    _KEPT_ROWS.clear()
    _KEPT_HTML.clear()
    if on:
        _KEPT_ROWS.append({})
        _KEPT_HTML.append({})


def index_findings(slim_groups: Iterable[Mapping[str, Any]], summaries: Iterable[Mapping[str, Any]], source: str = "",
                   limit: int = INDEX_FINDINGS, keys: Mapping[str, str | None] | None = None
                   ) -> tuple[list[tuple[Mapping[str, Any], dict[str, Any]]], RowCounts]:
    """The cross-story findings of the index: (summary, row) pairs, most serious first,
    then story order, then position; at most ``limit`` kept (memory stays bounded), with
    the rows of every story counted. ``keys`` (story id -> content key) lets a process
    that keeps its rows (:func:`keep_index_rows`) reuse those of unchanged stories."""
    import heapq

    in_step = iter(summaries)  # the summaries come in the slim groups' order
    kept = _KEPT_ROWS[0] if (_KEPT_ROWS and keys is not None) else None
    seen: set[tuple[str, str, str]] = set()
    # (sort key, arrival, (summary, row)): the arrival number keeps equal keys in order
    heap: list[tuple[tuple[int, int, tuple[int, ...]], int, tuple[Mapping[str, Any], dict[str, Any]]]] = []
    counts = RowCounts()
    for gi, g in enumerate(slim_groups):
        summary = next(in_step, None)
        if summary is None or summary["id"] != g["id"]:
            summary = g
        content = keys.get(g["id"]) if keys is not None else None
        memo = (g["id"], content, source) if (kept is not None and content) else None
        rows = kept.get(memo) if (kept is not None and memo is not None) else None
        if rows is None:
            full = _as_full(g)
            rows = [(r, _slim_row(r, summary, g["id"])) for r in finding_rows(full, _source_id(full, source))]
            if kept is not None and memo is not None:
                kept[memo] = rows
        if memo is not None:
            seen.add(memo)
        for r, row in rows:
            counts.add(g["id"], r)
            key = (Severity(r["severity"]).rank, -gi, tuple(-x for x in r["pos"][1:3]))
            item = (key, counts.total, (summary, row))
            if len(heap) < limit:
                heapq.heappush(heap, item)
            elif item[0] > heap[0][0]:
                heapq.heapreplace(heap, item)
    if kept is not None:
        for memo in set(kept) - seen:  # stories gone or changed
            del kept[memo]
    out = [x[2] for x in sorted(heap, key=lambda x: (x[0], -x[1]), reverse=True)]
    return out, counts


def story_index_rows(slim: Mapping[str, Any], summary: Mapping[str, Any], source: str = ""
                     ) -> tuple[_Rows, tuple[Counter[str], Counter[str], tuple[int, tuple[int, ...]] | None]]:
    """One story's rows of the index's cross-story table, as :func:`index_findings` derives
    them, and their tally: rows by severity and by category, and the highest (severity
    rank, position) among them (None without rows). For :func:`index_findings_of`."""
    full = _as_full(slim)
    rows = [(r, _slim_row(r, summary, slim["id"])) for r in finding_rows(full, _source_id(full, source))]
    sev: Counter[str] = Counter(r["severity"] for r, _ in rows)
    cat: Counter[str] = Counter(r["category"] for r, _ in rows)
    best = max(((Severity(r["severity"]).rank, tuple(-x for x in r["pos"][1:3])) for r, _ in rows), default=None)
    return rows, (sev, cat, best)


def index_findings_of(stories: Iterable[tuple[Mapping[str, Any], _Rows,
                                              tuple[Counter[str], Counter[str], tuple[int, tuple[int, ...]] | None]]],
                      limit: int = INDEX_FINDINGS) -> tuple[list[tuple[Mapping[str, Any], dict[str, Any]]], RowCounts]:
    """:func:`index_findings` from every story's summary, rows and tally (see
    :func:`story_index_rows`, kept by a long-lived process): the same table and counts. A
    story none of whose rows can enter a full table (its best row ranks no higher than the
    lowest kept) is passed over in one step, so the work follows the stories, not their
    rows."""
    import heapq

    heap: list[tuple[tuple[int, int, tuple[int, ...]], int, tuple[Mapping[str, Any], dict[str, Any]]]] = []
    counts = RowCounts()
    for gi, (summary, rows, (sev, cat, best)) in enumerate(stories):
        base = counts.total
        if not rows:
            continue
        counts.total += len(rows)
        counts.severity[summary["id"]] = sev
        counts.category[summary["id"]] = cat
        if len(heap) >= limit and best is not None and (best[0], -gi, best[1]) <= heap[0][0]:
            continue
        for j, (r, row) in enumerate(rows, base + 1):
            key = (Severity(r["severity"]).rank, -gi, tuple(-x for x in r["pos"][1:3]))
            item = (key, j, (summary, row))
            if len(heap) < limit:
                heapq.heappush(heap, item)
            elif item[0] > heap[0][0]:
                heapq.heapreplace(heap, item)
    out = [x[2] for x in sorted(heap, key=lambda x: (x[0], -x[1]), reverse=True)]
    return out, counts


def _as_full(slim: Mapping[str, Any]) -> dict[str, Any]:
    """A slim group (no sentences) in the shape finding_rows reads: evidence is treated as
    exact (no sentence bounds to compare with)."""
    docs = [dict(d, sentences=d.get("sentences") or []) for d in slim["documents"]]
    return dict(slim, documents=docs)


def _slim_row(r: dict[str, Any], summary: Mapping[str, Any], story: str) -> dict[str, Any]:
    p = r["places"][0] if r["places"] else {}
    return {"id": r["id"], "ids": r["ids"], "severity": r["severity"], "category": r["category"],
            "check": r["check"], "message": r["message"], "file": p.get("file", ""),
            "line": p.get("line", ""), "column": p.get("column", ""), "anchor": r["id"],
            "page": page_name(summary["id"], summary.get("headline")),
            # the row's records of the CSV table (as ``--format csv`` writes them)
            "csv": csv_rows({"id": story}, [r])}
