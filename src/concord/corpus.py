"""The corpus: finding files, reading them into Documents, and grouping versions.

Grouping decides which documents are versions of the same story, in this order:

1. a **manifest**: ``concord.toml`` in the corpus with ``[[group]]`` tables listing files;
2. the **file-name convention** ``slug.LANG.ext`` (``quake.es.txt`` / ``quake.en.txt``);
3. **anchors**: documents left over (and single-document slugs) join the group whose
   language-independent anchors (numbers, capitalised names, dates) they share, weighted
   by rarity across the corpus, so two versions whose file names share nothing still meet.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .document import Document, Group
from .config import load_toml
from .errors import InputError
from .facts.base import fold
from .textio import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, read_document_text

MANIFEST = "concord.toml"
_CONVENTION = re.compile(r"^(?P<slug>.+)\.(?P<lang>[a-z]{2,3}(?:-[A-Za-z]{2})?)\.(?:txt|md|markdown|html?)$")
_SKIP_NAMES = {"README.md", "README.txt", "LABELS.md", "labels.json", MANIFEST}


@dataclass
class Corpus:
    root: Path
    documents: list[Document] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


def doc_id(rel_path: str) -> str:
    """A stable, readable document id from its path relative to the corpus."""
    stem = re.sub(r"[^\w.-]+", "-", rel_path).strip("-")
    return stem


def load_document(path: str | os.PathLike, rel: str | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file into a :class:`Document` (not yet segmented)."""
    decoded = read_document_text(path, max_bytes=max_bytes)
    rel = rel or Path(path).name
    return Document(id=doc_id(rel), path=rel, text=decoded.text, encoding=decoded.encoding,
                    format=decoded.format, sha256=decoded.sha256,
                    offset_map=decoded.offset_map,
                    source_text=decoded.source_text if decoded.offset_map is not None or decoded.format != "txt" else None)


def discover(root: str | os.PathLike) -> list[Path]:
    """The text files of a corpus folder, sorted, skipping hidden files and known metadata."""
    base = Path(root)
    files = []
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or name in _SKIP_NAMES:
                continue
            if Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                files.append(Path(dirpath) / name)
    return sorted(files, key=lambda p: p.relative_to(base).as_posix())


def read_corpus(root: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES,
                warn=None) -> Corpus:
    """Read every supported file below ``root``. Unreadable files are skipped with a warning."""
    base = Path(root)
    if not base.exists():
        raise InputError(f"{root}: no such corpus folder")
    if not base.is_dir():
        raise InputError(f"{root}: not a folder (use 'concord compare' for files)")
    corpus = Corpus(root=base)
    try:
        paths = discover(base)
    except PermissionError:
        raise InputError(f"{root}: permission denied") from None
    for p in paths:
        rel = p.relative_to(base).as_posix()
        try:
            corpus.documents.append(load_document(p, rel, max_bytes=max_bytes))
        except InputError as exc:
            corpus.skipped.append((rel, str(exc).split(": ", 1)[-1]))
            if warn:
                warn(f"skipped {rel}: {str(exc).split(': ', 1)[-1]}")
    if not corpus.documents:
        raise InputError(f"{root}: empty corpus (no readable .txt, .md or .html file)")
    return corpus


# --- anchors -------------------------------------------------------------------------

_STOP_CAPS = set("""
the a an in on at of for and but or to by from with as it its this that these those he she
they we i his her their our after before during while when where what who why how there
el la los las un una unos unas en de del por para con y o pero su sus este esta estos
estas ese esa eso al lo le les se según tras durante mientras cuando donde también además
mr mrs ms dr sr sra frequently asked questions preguntas frecuentes published publicado
monday tuesday wednesday thursday friday saturday sunday lunes martes miércoles jueves
viernes sábado domingo january february march april may june july august september october
november december enero febrero marzo abril mayo junio julio agosto septiembre octubre
noviembre diciembre
""".split())


_NUM = re.compile(r"(?<![\w.,])\d{1,3}(?:[.,\s]\d{3})+(?![\d])|(?<![\w.,])\d+(?:[.,]\d+)?")
_CAP = re.compile(r"\b[A-ZÁÉÍÓÚÑÜ][\w'’-]+", re.U)


def anchors(doc: Document) -> set[str]:
    """Language-independent anchors of a document: numbers and capitalised names."""
    text = doc.text
    out: set[str] = set()
    for m in _NUM.finditer(text):
        digits = re.sub(r"[.,\s]", "", m.group(0)) if re.fullmatch(r"\d{1,3}(?:[.,\s]\d{3})+", m.group(0)) else m.group(0)
        if len(digits) >= 2:
            out.add("#" + digits)
    for m in _CAP.finditer(text):
        w = fold(m.group(0)).strip("'’-")
        if len(w) >= 4 and w not in _STOP_CAPS:
            out.add(w)
    return out


def _similarity(a: set[str], b: set[str], idf: dict[str, float]) -> tuple[float, int]:
    shared = a & b
    if not shared:
        return 0.0, 0
    w_shared = sum(idf[x] for x in shared)
    w_min = min(sum(idf[x] for x in a), sum(idf[x] for x in b))
    return (w_shared / w_min if w_min else 0.0), len(shared)


# Two units join when their weighted anchor overlap reaches this and they share enough
# anchors; measured on the corpus and on unrelated stories that share common places.
ANCHOR_THRESHOLD = 0.25
ANCHOR_MIN_SHARED = 4


def _group_id(members: list[Document], prefix: str = "") -> str:
    if prefix:
        return prefix
    h = hashlib.sha1("\n".join(sorted(d.path for d in members)).encode()).hexdigest()[:8]
    return f"group-{h}"


def group_documents(docs: list[Document], manifest: dict | None = None) -> list[Group]:
    """Group documents that are versions of one story (manifest, file names, anchors)."""
    by_path = {d.path: d for d in docs}
    groups: list[Group] = []
    used: set[str] = set()
    for entry in (manifest or {}).get("group", []):
        files = [f for f in entry.get("files", []) if f in by_path and f not in used]
        if not files:
            continue
        members = [by_path[f] for f in files]
        used.update(files)
        gid = re.sub(r"[^\w.-]+", "-", str(entry.get("id", ""))) or _group_id(members)
        groups.append(Group(id=gid, documents=members, method="manifest"))

    # Units: convention groups and loose documents.
    units: list[dict] = []
    slugs: dict[str, list[Document]] = {}
    for d in docs:
        if d.path in used:
            continue
        m = _CONVENTION.match(Path(d.path).name)
        if m:
            parent = str(Path(d.path).parent)
            slugs.setdefault(f"{parent}/{m.group('slug')}", []).append(d)
        else:
            units.append({"docs": [d], "method": "anchors", "slug": None})
    for key in sorted(slugs):
        members = slugs[key]
        slug = key.rsplit("/", 1)[-1]
        units.append({"docs": members, "method": "filename" if len(members) > 1 else "anchors",
                      "slug": slug})

    # Anchor-based merging, greedy by best similarity first (deterministic order). Only a
    # loose unit can join another, so with none there is nothing to compute.
    declared = [u["method"] == "filename" for u in units]
    loose = [i for i, dec in enumerate(declared) if not dec]
    if loose:
        unit_anchors = [set().union(*(anchors(d) for d in u["docs"])) for u in units]
    else:
        unit_anchors = [set() for _ in units]
    df = Counter(a for s in unit_anchors for a in s)
    n = max(len(units), 1)
    idf = {a: math.log(1 + n / c) for a, c in df.items()}
    parent = list(range(len(units)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    candidates = set()
    for i in loose:  # two declared stories never merge: every pair has a loose unit
        for j in range(len(units)):
            if j == i or (j < i and not declared[j]):
                continue  # each loose-loose pair once
            sim, shared = _similarity(unit_anchors[i], unit_anchors[j], idf)
            if sim >= ANCHOR_THRESHOLD and shared >= ANCHOR_MIN_SHARED:
                candidates.add((-sim, min(i, j), max(i, j)))
    for _neg, i, j in sorted(candidates):
        ri, rj = find(i), find(j)
        if ri == rj or (declared[ri] and declared[rj]):
            continue  # a cluster holds at most one declared story
        parent[rj] = ri
        declared[ri] = declared[ri] or declared[rj]

    clusters: dict[int, list[int]] = {}
    for i in range(len(units)):
        clusters.setdefault(find(i), []).append(i)
    for root in sorted(clusters, key=lambda r: min(d.path for k in clusters[r] for d in units[k]["docs"])):
        members_idx = clusters[root]
        members = sorted((d for k in members_idx for d in units[k]["docs"]), key=lambda d: d.path)
        slugged = [units[k]["slug"] for k in members_idx if units[k]["slug"]]
        if len(members_idx) == 1:
            method = units[root]["method"] if len(members) > 1 else "single"
        else:
            method = "anchors"
        shared = sorted(set.intersection(*(unit_anchors[k] for k in members_idx))) if len(members_idx) > 1 else []
        gid = re.sub(r"[^\w.-]+", "-", sorted(slugged)[0]) if slugged else _group_id(members)
        groups.append(Group(id=gid, documents=members, method=method, anchors=shared[:20]))
    # Ids must be unique.
    seen: Counter = Counter()
    for g in groups:
        seen[g.id] += 1
        if seen[g.id] > 1:
            g.id = f"{g.id}-{seen[g.id]}"
    return sorted(groups, key=lambda g: g.id)


def load_manifest(root: str | os.PathLike) -> dict:
    """The corpus manifest (``concord.toml``), checked for shape: ``[[group]]`` tables with
    a ``files`` list of strings and an optional ``id``, and a ``[concord]`` settings table.
    Anything else is a one-line error naming the file and the key."""
    path = Path(root) / MANIFEST
    if not path.is_file():
        return {}
    data = load_toml(path)
    for key in data:
        if key not in ("group", "concord"):
            raise InputError(f"{path}: unknown key {key!r} (a manifest has [[group]] tables and a [concord] table)")
    groups = data.get("group", [])
    if not isinstance(groups, list) or not all(isinstance(g, dict) for g in groups):
        raise InputError(f"{path}: 'group' must be [[group]] tables, each with a files list")
    for n, g in enumerate(groups, 1):
        files = g.get("files")
        if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
            raise InputError(f"{path}: group {n}: 'files' must be a list of file names")
        if "id" in g and not isinstance(g["id"], str):
            raise InputError(f"{path}: group {n}: 'id' must be a string")
        unknown = [k for k in g if k not in ("files", "id")]
        if unknown:
            raise InputError(f"{path}: group {n}: unknown key {unknown[0]!r} (known: files, id)")
    return data
