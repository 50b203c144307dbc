"""The compare stage: run the registered checks on an aligned pair of versions.

Each check lives in :mod:`concord.checks` (one module per kind of fact). This module only
runs them, bead checks on every matched bead and pair checks once, then applies the run
settings: the checks chosen (``checks``/``exclude_checks``), severity overrides (by check
id, else by category), ignored terms, and a stable order (by position).

A difference stated at several places (a changed figure in the headline and again in the
body) is reported at each place: the first keeps the difference's stable id, each later
place gets that id's own numbered variant, so baselines keep working; the same finding
reported twice at the same place (by two checks) is kept once.
"""

from __future__ import annotations

from .checks import Pair, select, stable_id
from .document import Bead, BeadKind, Category, Document, Evidence, Finding, Severity
from .facts.table import DocumentFacts
from .lang import PIVOT
from .text import fold

_MATCHED = (BeadKind.MATCH, BeadKind.MOVED, BeadKind.REPEATED)


def compare_pair(A: DocumentFacts, B: DocumentFacts, beads: list[Bead], settings=None) -> list[Finding]:
    """All findings for one pair of aligned documents (their fact tables), in a stable order."""
    pivot = settings.pivot if settings is not None else PIVOT
    checks = select(settings.checks, settings.exclude_checks) if settings is not None else select()
    pair = Pair(A, B, beads, pivot, source=settings.source if settings is not None else "")
    findings: list[Finding] = []
    # checks that report a passage whole run first; the others read the facts outside it
    for c in checks:
        if c.claims:
            findings += c(pair)
    if pair.claimed:
        pair.A = A.without([(s, e) for d, s, e in pair.claimed if d == A.doc.id])
        pair.B = B.without([(s, e) for d, s, e in pair.claimed if d == B.doc.id])
    bead_checks = [c for c in checks if c.scope == "bead"]
    for bd in beads:
        if bd.kind in _MATCHED and bd.a and bd.b:
            for c in bead_checks:
                findings += c(pair, bd)
    for c in checks:
        if c.scope == "pair" and not c.claims:
            findings += c(pair)
    if pair.claimed:
        findings = [f for f in findings if not _folded(f, pair)]
    return _finalise(findings, settings)


def _finalise(findings: list[Finding], settings) -> list[Finding]:
    severities = settings.severities if settings is not None else {}
    ignore = {fold(t) for t in settings.ignore} if settings is not None else set()
    out: list[Finding] = []
    places: set[tuple[str, int | None, int | None]] = set()
    ids: dict[str, int] = {}
    for f in findings:
        place = (f.id, f.a.start if f.a else None, f.b.start if f.b else None)
        if place in places:
            continue
        text = " ".join(fold(ev.text) if ev is not None else "" for ev in (f.a, f.b))
        if ignore and any(t in text for t in ignore):
            continue
        places.add(place)
        n = ids.get(f.id, 0)
        ids[f.id] = n + 1
        if n:
            f.id = stable_id(str(f.category), f.id, f"place {n + 1}")
        override = severities.get(f.check) or severities.get(str(f.category))
        if override:
            f.severity = Severity(override)
        out.append(f)

    def pos(f: Finding):
        return (f.a.start if f.a else 10**9, f.b.start if f.b else 10**9, str(f.category), f.id)

    return sorted(out, key=pos)


# What a claimed span (a dateline or byline one version lacks) takes over: the facts and
# the sentence it holds. A passage in another language inside it is still reported.
_FOLDED = (Category.NUMBER, Category.DATE, Category.NAME, Category.OMISSION, Category.ADDITION)


def _context_only(ev: Evidence | None, doc: Document) -> bool:
    """Evidence that points at nothing in particular: absent, or its whole sentences (the
    place a fact is missing from)."""
    if ev is None:
        return True
    first, last = doc.sentences[ev.sentences[0]], doc.sentences[ev.sentences[-1]]
    return ev.start == first.start and ev.end == last.end


def _folded(f: Finding, pair: Pair) -> bool:
    """Whether ``f`` is about one side's text inside a span a check reported whole (the
    pair's ``claimed`` spans), with nothing in particular on the other side."""
    if f.category not in _FOLDED:
        return False
    for ev, other, other_doc in ((f.a, f.b, pair.B.doc), (f.b, f.a, pair.A.doc)):
        if ev is not None and any(doc == ev.document and start <= ev.start and ev.end <= end
                                  for doc, start, end in pair.claimed):
            return _context_only(other, other_doc)
    return False
