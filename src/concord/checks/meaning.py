"""Meaning checks: a sentence whose meaning is reversed in the other version.

The polarity evidence of a matched bead (:func:`concord.facts.polarity.reversal`: a
negation added or dropped, a word replaced by its antonym, with the rest of the two
sentences matching well) is computed once per bead (:func:`bead_reversal`) and shared with
the quote check, which reports a reversal inside a quotation.
"""

from __future__ import annotations

from ..document import Bead, Category, Severity
from ..facts.base import Fact
from ..facts.table import DocumentFacts
from .base import Pair, check, evidence


@check("meaning", Category.MEANING, Severity.ERROR)
def meaning_reversed(pair: Pair, bead: Bead):
    """A sentence says the opposite in the other version.

    A negation added or dropped (``will remain closed`` / ``no permanecerá cerrada``) or a
    word replaced by its antonym (``closed`` / ``abierta``), with the rest of the two
    sentences matching well (thresholds in :mod:`concord.facts.polarity`). A reversal
    inside a quotation is reported by the quote check; a faithful rewording is not flagged.
    """
    rev = bead_reversal(pair, bead)
    if rev is None or reversal_in_quote(pair, bead, rev):
        return []
    return [pair.finding("meaning", Severity.ERROR, reversal_message(pair, rev, "Meaning reversed"),
                         evidence(pair.A.doc, bead.a), evidence(pair.B.doc, bead.b),
                         classification=rev.kind)]


def _bead_text(side: DocumentFacts, sents: list[int], pivot: str
               ) -> tuple[str, str, str, list[tuple[int, int]]]:
    """(text as written, its pivot reading, language, the spans of its quotes) of a bead
    side; sentences joined by one space so offsets map back to sentences."""
    ss = [side.doc.sentences[i] for i in sents]
    lang = ss[0].language or side.doc.language or pivot
    quoted, pos = [], 0
    for i, s in zip(sents, ss):
        quoted += [(pos + q.start, pos + q.end) for q in side.quotes.get(i, [])]
        pos += len(s.text) + 1
    return " ".join(s.text for s in ss), " ".join(s.pivot_text for s in ss), lang, quoted


def bead_reversal(pair: Pair, bead: Bead):
    """Polarity evidence of a matched bead, computed once for the quote and meaning checks."""
    key = ("reversal", tuple(bead.a), tuple(bead.b))
    if key not in pair.cache:
        from ..facts.polarity import reversal

        rev = None
        if bead.a and bead.b:
            ta, pa, la, qa = _bead_text(pair.A, bead.a, pair.pivot)
            tb, pb, lb, qb = _bead_text(pair.B, bead.b, pair.pivot)
            rev = reversal(ta, la, pa, tb, lb, pb, qa, qb)
        pair.cache[key] = rev
    return pair.cache[key]


def quote_at(side: DocumentFacts, sents: list[int], at) -> Fact | None:
    """The quote of a bead side holding offset ``at`` of the joined bead text."""
    if at is None:
        return None
    pos = 0
    for i in sents:
        s = side.doc.sentences[i]
        if pos <= at[0] < pos + len(s.text):
            rel = at[0] - pos
            return next((q for q in side.quotes.get(i, []) if q.start <= rel < q.end), None)
        pos += len(s.text) + 1
    return None


def reversal_in_quote(pair: Pair, bead: Bead, rev) -> bool:
    """The evidence lies inside a quote; or it lies on a side that quotes nothing while the
    other side quotes most of the sentence (translators often drop quotation marks)."""
    A, B = pair.A, pair.B
    if quote_at(A, bead.a, rev.at_a) is not None or quote_at(B, bead.b, rev.at_b) is not None:
        return True
    for side, sents, other, theirs, at in ((A, bead.a, B, bead.b, rev.at_a), (B, bead.b, A, bead.a, rev.at_b)):
        if at is not None and not side.all(side.quotes, sents):
            length = sum(len(other.doc.sentences[i].text) for i in theirs)
            if any(len(q.value) >= 0.5 * length for q in other.all(other.quotes, theirs)):
                return True
    return False


def reversal_message(pair: Pair, rev, head: str) -> str:
    wa, wb = rev.words
    a, b = pair.A.doc.id, pair.B.doc.id
    if rev.kind == "negation":
        neg, doc, plain = (wa, a, b) if wa else (wb, b, a)
        return f"{head}: {doc} negates it ({neg!r}), {plain} does not."
    return f"{head}: {a} says {wa!r} where {b} says {wb!r} (antonyms)."
