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
from .document import Bead, BeadKind, Finding, Severity
from .facts.table import DocumentFacts
from .lang import PIVOT
from .text import fold

_MATCHED = (BeadKind.MATCH, BeadKind.MOVED, BeadKind.REPEATED)


def compare_pair(A: DocumentFacts, B: DocumentFacts, beads: list[Bead], settings=None) -> list[Finding]:
    """All findings for one pair of aligned documents (their fact tables), in a stable order."""
    pivot = settings.pivot if settings is not None else PIVOT
    checks = select(settings.checks, settings.exclude_checks) if settings is not None else select()
    pair = Pair(A, B, beads, pivot, source=settings.source if settings is not None else "")
    bead_checks = [c for c in checks if c.scope == "bead"]
    findings: list[Finding] = []
    for bd in beads:
        if bd.kind in _MATCHED and bd.a and bd.b:
            for c in bead_checks:
                findings += c(pair, bd)
    for c in checks:
        if c.scope == "pair":
            findings += c(pair)
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
