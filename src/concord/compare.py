"""The compare stage: run the registered checks on an aligned pair of versions.

Each check lives in :mod:`concord.checks` (one module per kind of fact). This module only
runs them, bead checks on every matched bead and pair checks once, then applies the run
settings: the checks chosen (``checks``/``exclude_checks``), severity overrides (by check
id, else by category), ignored terms, one finding per id, and a stable order (by position).
"""

from __future__ import annotations

from .checks import Pair, select
from .document import Bead, BeadKind, Finding, Severity
from .facts.table import DocumentFacts
from .text import fold

_MATCHED = (BeadKind.MATCH, BeadKind.MOVED, BeadKind.REPEATED)


def compare_pair(A: DocumentFacts, B: DocumentFacts, beads: list[Bead], settings=None) -> list[Finding]:
    """All findings for one pair of aligned documents (their fact tables), in a stable order."""
    pivot = settings.pivot if settings is not None else "en"
    checks = select(settings.checks, settings.exclude_checks) if settings is not None else select()
    pair = Pair(A, B, beads, pivot, getattr(settings, "source", "") or "")
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
    out, seen = [], set()
    for f in findings:
        if f.id in seen:
            continue
        text = " ".join(fold(ev.text) if ev is not None else "" for ev in (f.a, f.b))
        if ignore and any(t in text for t in ignore):
            continue
        seen.add(f.id)
        override = severities.get(f.check) or severities.get(str(f.category))
        if override:
            f.severity = Severity(override)
        out.append(f)

    def pos(f: Finding):
        return (f.a.start if f.a else 10**9, f.b.start if f.b else 10**9, str(f.category), f.id)

    return sorted(out, key=pos)
