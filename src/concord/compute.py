"""The compute stages of a run, for one chunk of story groups: segment -> detect ->
translate -> align -> extract -> compare, each group coming out as its findings.json
entry (or prepared for the report writer).

:func:`process_groups` is what every executor runs: in this process for a one-job run
(:class:`concord.pipeline.Run`), in each worker process or Dask task otherwise
(:mod:`concord.executors`). It lives apart from both so that neither imports the other:
the pipeline (the library API) hands chunks to an executor, and the executors compute
them here. :class:`Timings` adds up the seconds each stage took.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from . import lang
from .align import align_documents
from .compare import compare_pair
from .config import Settings
from .corpus import named_language
from .detect import annotate_sentences, document_language, story_languages, uncompared
from .document import Bead, BeadKind, Document, Group, GroupDict, GroupResult, PairResult, UncomparedDict
from .facts.ner import backend_name, cached, get_ner
from .facts.table import DocumentFacts, document_facts
from .report import prepare_group
from .report.findings_json import group_dict
from .segment import segment_document
from .translate import TranslationCache, translate_documents
from .versions import pair_order

if TYPE_CHECKING:
    from .store import StoredGroup

STAGES = ("read", "segment", "detect", "translate", "align", "extract", "compare", "report")


class Timings(dict[str, float]):
    """Seconds spent per pipeline stage (summed over worker processes)."""

    def add(self, stage: str, seconds: float) -> None:
        self[stage] = self.get(stage, 0.0) + seconds

    def merge(self, other: dict[str, float]) -> None:
        for k, v in other.items():
            self.add(k, v)


def prepare_document(doc: Document, settings: Settings, timings: Timings | None = None,
                     story: tuple[str, ...] | None = None) -> Document:
    """Segment a document and detect the language of it, its sentences and spans. A
    prealigned document (a translator format: one sentence per unit) keeps its units.
    ``story``: the languages its sentences are read among (see
    :func:`concord.detect.story_languages`), all of ``settings.languages`` by default."""
    prepare_documents([doc], settings, timings, story)
    return doc


def prepare_documents(docs: list[Document], settings: Settings, timings: Timings | None = None,
                      story: tuple[str, ...] | None = None) -> list[Document]:
    """:func:`prepare_document` for the versions of one story: each version's language
    first, then the sentences of each among the story's languages."""
    languages = tuple(settings.languages)
    t0 = time.perf_counter()
    for doc in docs:
        if not doc.prealigned:
            segment_document(doc)
    t1 = time.perf_counter()
    for doc in docs:
        document_language(doc, languages, named=named_language(doc.path))
    within = story or story_languages(docs, languages, settings.pivot)
    for doc in docs:
        annotate_sentences(doc, within if doc.language in within else languages)
    if timings is not None:
        timings.add("segment", t1 - t0)
        timings.add("detect", time.perf_counter() - t1)
    return docs


def _group_translators(group: Group, pivot: str, used: dict[str, str]) -> dict[str, str]:
    langs: set[str] = set()
    for d in group.documents:
        for s in d.sentences:
            if s.language and s.language != pivot:
                langs.add(s.language)
            else:
                langs.update(sp.language for sp in s.spans if sp.language != pivot)
    return {k: v for k, v in used.items() if k.split("-")[0] in langs}


def _languages_of(doc: Document) -> set[str | None]:
    """The languages of a version: its own, its sentences' and their spans'."""
    return {doc.language} | {s.language for s in doc.sentences} | {
        sp.language for s in doc.sentences for sp in s.spans}


def _name_extractors(group: Group, ner: Any, languages: tuple[str, ...]) -> dict[str, str]:
    """Which extractor found the names of each language of the group: stanza, spacy or rules."""
    langs = sorted({code for d in group.documents if not uncompared(d, languages)
                    for s in d.sentences if (code := s.language or d.language)})
    return {lang: backend_name(ner, lang) for lang in langs}


def unit_beads(a: Document, b: Document) -> list[Bead]:
    """The alignment of two prealigned versions (XLIFF, TMX, PO): a unit pairs with the unit
    of the same id; a unit one version lacks is an omission or an addition."""
    where_b = {s.unit: s.index for s in b.sentences}
    used: set[int] = set()
    beads = []
    for s in a.sentences:
        j = where_b.get(s.unit)
        if j is None:
            beads.append(Bead([s.index], [], 0.0, BeadKind.OMISSION))
        else:
            beads.append(Bead([s.index], [j], 1.0, BeadKind.MATCH))
            used.add(j)
    beads += [Bead([], [s.index], 0.0, BeadKind.ADDITION) for s in b.sentences if s.index not in used]
    return beads


def _compare_group(group: Group, settings: Settings, translators: dict[str, str], timings: Timings,
                   cache: TranslationCache | None = None) -> GroupResult:
    # the source first, then by language and path: `compare a b`, `compare b a` and `check`
    # give the same pairs, so the same findings with the same ids
    docs = pair_order(group.documents, settings.source)
    ner = get_ner(settings.names)
    t0 = time.perf_counter()
    extractor = cached(ner, cache)
    shown = docs
    # a version in a language without a profile is listed, never compared
    docs = [d for d in docs if not uncompared(d, tuple(settings.languages))]
    # facts are read with the knowledge of the pair's languages (lang.compared()): one
    # fact table per document and set of languages, shared by the pairs that have it
    facts: dict[tuple[str, tuple[str, ...]], DocumentFacts] = {}

    def facts_of(d: Document, scope: tuple[str, ...]) -> DocumentFacts:
        if (d.id, scope) not in facts:
            facts[d.id, scope] = document_facts(d, extractor, settings.pivot)
        return facts[d.id, scope]

    timings.add("extract", time.perf_counter() - t0)
    pairs = []
    for x in range(len(docs)):
        for y in range(x + 1, len(docs)):
            a, b = docs[x], docs[y]
            scope = lang.pair_languages(_languages_of(a) | _languages_of(b), settings.pivot, settings.languages)
            with lang.comparing(scope):
                t0 = time.perf_counter()
                fa, fb = facts_of(a, scope), facts_of(b, scope)
                timings.add("extract", time.perf_counter() - t0)
                t0 = time.perf_counter()
                beads = unit_beads(a, b) if a.prealigned and b.prealigned else align_documents(a, b)
                t1 = time.perf_counter()
                findings = compare_pair(fa, fb, beads, settings)
            timings.add("align", t1 - t0)
            timings.add("compare", time.perf_counter() - t1)
            pairs.append(PairResult(a.id, b.id, beads, findings))
    return GroupResult(group.id, group.method, group.anchors, translators,
                       _name_extractors(group, ner, tuple(settings.languages)), shown, pairs)


def _uncompared_list(group: Group, settings: Settings) -> list[UncomparedDict]:
    """The group's versions in a language without a profile: findings.json's group entry
    lists them (``uncompared``) when there are any."""
    out: list[UncomparedDict] = []
    for d in pair_order(group.documents, settings.source):
        reason = uncompared(d, tuple(settings.languages))
        if reason:
            out.append({"document": d.id, "language": d.language, "reason": reason})
    return out


def _group_dict(group: Group, settings: Settings, translators: dict, timings: Timings,
                cache: TranslationCache | None) -> GroupDict:
    out = group_dict(_compare_group(group, settings, translators, timings, cache))
    skipped = _uncompared_list(group, settings)
    if skipped:
        out["uncompared"] = skipped
    return out


def process_groups(groups: list[Group], settings: Settings, cache: TranslationCache | None,
                   timings: Timings | None = None,
                   render: dict[str, Any] | None = None) -> list[GroupDict] | list[StoredGroup]:
    """Run every stage on a chunk of groups: one translation batch for the whole chunk.
    Each group comes out as its findings.json entry (a dict) or, given a report writer's
    ``render`` spec, prepared for that writer (:func:`concord.report.prepare_group`)."""
    timings = timings if timings is not None else Timings()
    docs = [d for g in groups for d in g.documents]
    for g in groups:
        prepare_documents(g.documents, settings, timings)
    t0 = time.perf_counter()
    used = translate_documents(docs, settings.pivot, settings.translator, cache)
    timings.add("translate", time.perf_counter() - t0)
    out = [_group_dict(g, settings, _group_translators(g, settings.pivot, used), timings, cache)
           for g in groups]
    for doc in docs:  # everything is in the result dicts now: keep memory flat
        doc.release()
    if render is None:
        return out
    t0 = time.perf_counter()
    prepared = [prepare_group(g, render) for g in out]
    timings.add("report", time.perf_counter() - t0)
    return prepared
