"""Number checks: a figure changed, or stated in one version only."""

from __future__ import annotations

from ..document import Bead, Category, Severity
from ..facts.numbers import number_key, same_number
from .base import Pair, check, evidence


@check("number", Category.NUMBER, Severity.ERROR)
def numbers_differ(pair: Pair, bead: Bead):
    """A number differs within an aligned pair of sentences.

    Flags a number changed between versions (``12`` vs ``14``; error) and a number present
    on one side only (warning) unless it appears anywhere in the other version (it moved).
    Values are compared, not strings: ``1.500`` (es) = ``1,500`` (en), ``siete`` = ``7``,
    ``50 por ciento`` = ``50%``. Ordinals count only against ordinals.
    """
    A, B = pair.A, pair.B
    left = list(A.all(A.numbers, bead.a))
    right = list(B.all(B.numbers, bead.b))
    for x in list(left):
        for y in right:
            if same_number(x, y) and x.extra.get("ordinal", False) == y.extra.get("ordinal", False):
                left.remove(x)
                right.remove(y)
                break
    # ordinals may come out as cardinals ("third" vs "3ª"): match by value as a fallback
    for x in list(left):
        for y in right:
            if same_number(x, y):
                left.remove(x)
                right.remove(y)
                break
    out = []
    doc_b_vals = [f for fs in B.numbers.values() for f in fs]
    doc_a_vals = [f for fs in A.numbers.values() for f in fs]
    left = [x for x in left if not x.extra.get("ordinal")]
    right = [y for y in right if not y.extra.get("ordinal")]
    pairs = list(zip(left, right)) if left and right else []
    for x, y in pairs:
        out.append(pair.finding(
            "number", Severity.ERROR,
            f"Number changed: {A.doc.id} says {x.surface!r}, {B.doc.id} says {y.surface!r}.",
            evidence(A.doc, bead.a, x), evidence(B.doc, bead.b, y),
            number_key(x), number_key(y)))
    for x in left[len(pairs):]:
        if any(same_number(x, y) for y in doc_b_vals):
            continue
        out.append(pair.finding("number", Severity.WARNING,
                                f"Number {x.surface!r} is in {A.doc.id} but not in {B.doc.id}.",
                                evidence(A.doc, bead.a, x), evidence(B.doc, bead.b),
                                number_key(x), ""))
    for y in right[len(pairs):]:
        if any(same_number(x, y) for x in doc_a_vals):
            continue
        out.append(pair.finding("number", Severity.WARNING,
                                f"Number {y.surface!r} is in {B.doc.id} but not in {A.doc.id}.",
                                evidence(A.doc, bead.a), evidence(B.doc, bead.b, y),
                                "", number_key(y)))
    return out
