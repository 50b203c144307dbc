"""The library API: read -> segment -> detect -> translate -> align -> compare -> report.

``check_corpus`` and ``compare_files`` are what the CLI's ``check`` and ``compare``
commands call; each stage lives in its own module and the data flows one way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .align import align_documents
from .compare import compare_pair
from .config import Settings
from .corpus import Corpus, group_documents, load_document, load_manifest, read_corpus
from .document import Document, Group
from .errors import InputError
from .language import annotate_languages
from .segment import segment_document
from .translate import TranslationCache, translate_documents

SCHEMA_VERSION = "1.0"
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass
class Result:
    """Everything a run produced; ``to_dict`` is findings.json."""

    groups: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    settings: dict = field(default_factory=dict)
    baseline: dict | None = None  # {"file", "suppressed"} after apply_baseline
    paths: dict = field(default_factory=dict)  # document id -> path as given (SARIF locations)

    def findings(self):
        for g in self.groups:
            for pair in g["pairs"]:
                yield from pair["findings"]

    def count(self, at_least: str) -> int:
        rank = SEVERITY_RANK[at_least]
        return sum(1 for f in self.findings() if SEVERITY_RANK[f["severity"]] >= rank)

    def to_dict(self) -> dict:
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "concord", "version": __version__},
            "settings": self.settings,
            "baseline": self.baseline,
            "skipped": self.skipped,
            "groups": self.groups,
        }


def prepare_document(doc: Document, settings: Settings) -> Document:
    """Segment a document and detect the language of it, its sentences and spans."""
    languages = tuple(settings.languages)
    segment_document(doc)
    annotate_languages(doc, languages)
    return doc


def process_group(group: Group, settings: Settings, cache: TranslationCache | None) -> dict:
    """Run every stage on one group and return its findings.json entry."""
    for doc in group.documents:
        prepare_document(doc, settings)
    backends = translate_documents(group.documents, settings.pivot, settings.translator, cache)
    pairs = []
    docs = group.documents
    for x in range(len(docs)):
        for y in range(x + 1, len(docs)):
            a, b = docs[x], docs[y]
            beads = align_documents(a, b)
            findings = compare_pair(a, b, beads, settings)
            pairs.append({
                "a": a.id,
                "b": b.id,
                "alignment": [bd.to_dict() for bd in beads],
                "findings": findings,
            })
    return {
        "id": group.id,
        "method": group.method,
        "anchors": group.anchors,
        "translators": backends,
        "documents": [d.to_dict() for d in docs],
        "pairs": pairs,
    }


def _settings_dict(settings: Settings) -> dict:
    return {"pivot": settings.pivot, "translator": settings.translator,
            "languages": list(settings.languages), "fail_on": settings.fail_on}


def check_corpus(root: str | os.PathLike, settings: Settings | None = None,
                 cache: TranslationCache | None = None, warn=None, progress=None) -> Result:
    """Check every story group of the corpus folder ``root``."""
    settings = settings or Settings()
    corpus: Corpus = read_corpus(root, max_bytes=settings.max_bytes, warn=warn)
    groups = group_documents(corpus.documents, load_manifest(root))
    result = Result(settings=_settings_dict(settings),
                    skipped=[{"path": p, "reason": r} for p, r in corpus.skipped])
    for g in groups:
        for d in g.documents:
            result.paths[d.id] = os.path.join(os.fspath(root), d.path)
        result.groups.append(process_group(g, settings, cache))
        if progress:
            progress(g)
    return result


def compare_files(paths: list[str | os.PathLike], settings: Settings | None = None,
                  cache: TranslationCache | None = None) -> Result:
    """Check the given files as one group (versions of one story)."""
    settings = settings or Settings()
    if len(paths) < 2:
        raise InputError("compare needs at least two files")
    docs = []
    seen = set()
    for p in paths:
        rel = Path(p).name
        while rel in seen:
            rel = "_" + rel
        seen.add(rel)
        docs.append(load_document(p, rel, max_bytes=settings.max_bytes))
    group = Group(id="compare", documents=docs, method="explicit")
    result = Result(settings=_settings_dict(settings),
                    paths={d.id: os.fspath(p) for d, p in zip(docs, paths)})
    result.groups.append(process_group(group, settings, cache))
    return result
