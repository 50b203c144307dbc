"""Checks on what the aligner left unaligned: sentences, and the numbers they carry."""

from __future__ import annotations

from ..document import BeadKind, Category, Severity
from ..facts.numbers import number_key, same_number
from .base import Pair, check, evidence


def _unaligned(pair: Pair, kind: BeadKind):
    """The sentence indices of ``kind`` beads (omission: of A; addition: of B) that no
    moved or repeated bead links."""
    linked_a, linked_b = pair.linked()
    if kind == BeadKind.OMISSION:
        return [bd.a[0] for bd in pair.beads if bd.kind == kind and bd.a[0] not in linked_a]
    return [bd.b[0] for bd in pair.beads if bd.kind == kind and bd.b[0] not in linked_b]


def shorten(text: str, width: int = 90) -> str:
    """``text`` on one line, cut at a word boundary to about ``width`` characters."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[:width].rsplit(" ", 1)[0] or text[:width]
    return cut.rstrip(",;:") + "…"


def _lone_sentence(pair: Pair, check_id: str, kind: BeadKind):
    is_a = kind == BeadKind.OMISSION
    side, other = (pair.A, pair.B) if is_a else (pair.B, pair.A)
    out = []
    for i in _unaligned(pair, kind):
        facts = side.of_sentence(i)
        sev = Severity.WARNING if facts else Severity.INFO
        extra = f" It carries: {', '.join(dict.fromkeys(facts))}." if facts else ""
        ev = evidence(side.doc, [i])
        said = shorten(side.doc.sentences[i].text)
        quote = f"\u201c{said}\u201d"
        stop = "" if said[-1:] in ".!?\u2026" else "."  # no full stop after a quoted one
        if pair.a_is_source and is_a:  # content of the source the translation lacks
            msg = f"Missing from the translation {other.doc.id}: {quote} (source {side.doc.id})."
        elif pair.a_is_source:  # content of the translation the source lacks
            msg = f"Added in the translation {side.doc.id}, not in the source {other.doc.id}: {quote}{stop}"
        else:
            msg = f"Only in {side.doc.id}, not in {other.doc.id}: {quote}{stop}"
        out.append(pair.finding(check_id, sev, msg + extra,
                                ev if is_a else None, None if is_a else ev, facts=facts))
    return out


@check("omission", Category.OMISSION, Severity.WARNING, scope="pair")
def sentence_only_in_a(pair: Pair):
    """A sentence of the source (or, without a source, of the first version) is missing from the other.

    The versions of a pair are ordered source first (``--source``), else by language and
    path, so the same sentence is an omission whichever command or file order found it.

    Warning when the sentence carries facts (numbers, dates, names, quotes), listed in the
    message; info for a sentence without facts (a heading, a transition).
    """
    return _lone_sentence(pair, "omission", BeadKind.OMISSION)


@check("addition", Category.ADDITION, Severity.WARNING, scope="pair")
def sentence_only_in_b(pair: Pair):
    """A sentence of the translation (or, without a source, of the second version) is not in the other.

    Warning when the sentence carries facts (numbers, dates, names, quotes), listed in the
    message; info for a sentence without facts (a heading, a transition).
    """
    return _lone_sentence(pair, "addition", BeadKind.ADDITION)


@check("number-unaligned", Category.NUMBER, Severity.WARNING, scope="pair")
def number_only_in_unaligned(pair: Pair):
    """A number in an omitted or added sentence that the other version never states.

    A figure only one version gives (``320 tons``) is flagged even when its sentence is
    already reported as omitted or added: the figure is what an editor must restore.
    """
    A, B = pair.A, pair.B
    out = []
    a_all = [f for fs in A.numbers.values() for f in fs]
    b_all = [f for fs in B.numbers.values() for f in fs]
    omitted = set(_unaligned(pair, BeadKind.OMISSION))
    added = set(_unaligned(pair, BeadKind.ADDITION))
    for bd in pair.beads:
        if bd.kind == BeadKind.OMISSION and bd.a[0] in omitted:
            for x in A.numbers.get(bd.a[0], []):
                if not x.extra.get("ordinal") and not any(same_number(x, y) for y in b_all):
                    out.append(pair.finding("number-unaligned", Severity.WARNING,
                                            f"Number {x.surface!r} is in {A.doc.id} only.",
                                            evidence(A.doc, bd.a, x), None, number_key(x), ""))
        elif bd.kind == BeadKind.ADDITION and bd.b[0] in added:
            for y in B.numbers.get(bd.b[0], []):
                if not y.extra.get("ordinal") and not any(same_number(x, y) for x in a_all):
                    out.append(pair.finding("number-unaligned", Severity.WARNING,
                                            f"Number {y.surface!r} is in {B.doc.id} only.",
                                            None, evidence(B.doc, bd.b, y), "", number_key(y)))
    return out
