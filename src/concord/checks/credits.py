"""Checks on a story's furniture: a dateline or byline one version has and the other lacks.

Datelines and bylines are found by :mod:`concord.facts.credits`. One that only one
version of a pair has is reported once, in its own category, and the place, date, agency
and names it holds are listed in that finding, not reported again by the number, date,
name, omission and addition checks (the pair's ``claimed`` spans; see
:func:`concord.compare.compare_pair`).
"""

from __future__ import annotations

from ..document import Category, Finding, Severity
from ..facts.credits import Credit, find_credits
from ..facts.table import DocumentFacts
from .base import Pair, check, shorten, span_evidence


def _credits(pair: Pair, side: DocumentFacts) -> list[Credit]:
    key = ("credit", side.doc.id)
    if key not in pair.cache:
        pair.cache[key] = find_credits(side)
    found: list[Credit] = pair.cache[key]
    return found


def _facts_in(side: DocumentFacts, c: Credit) -> list[str]:
    """The facts the credit holds, as the fact table names them."""
    out: list[tuple[int, str]] = []
    for i in c.sentences:
        for table in (side.dates, side.numbers, side.names):
            for f in table.get(i, []):
                if f.doc_start is not None and c.start <= f.doc_start and (f.doc_end or 0) <= c.end:
                    out.append((f.doc_start, f.surface))
    return list(dict.fromkeys(s for _, s in sorted(out)))


@check("credit", Category.CREDIT, Severity.WARNING, scope="pair", claims=True)
def credit_only_in_one(pair: Pair) -> list[Finding]:
    """A dateline or byline that one version has and the other lacks.

    A dateline (``MADRID, Jan 20 (Reuters) -``, or a line such as ``Lima, 3 de marzo de
    2026``) gives the place and date a story was filed; a byline or credit line (``By Ana
    Ruiz``) gives its author. A version without it loses that attribution, which a desk
    must restore or drop on purpose: a warning, reported once for each dateline or byline
    of the one version when the other version has none of that kind (when both have one,
    the date, number and name checks compare them). A line of its own counts only when the
    aligner left it without a counterpart or set it against the other version's furniture
    (a byline against a dateline line). Translator files (PO, XLIFF, TMX) have no
    datelines: their units are not read for them.
    """
    out: list[Finding] = []
    if pair.A.doc.prealigned or pair.B.doc.prealigned:
        return out  # translator files (PO, XLIFF, TMX) are units, not stories: no furniture
    unaligned = (set(pair.unaligned(True)), set(pair.unaligned(False)))
    for is_a, side, other in ((True, pair.A, pair.B), (False, pair.B, pair.A)):
        mine, theirs = _credits(pair, side), _credits(pair, other)
        has = {k for t in theirs for k in t.kinds}
        lone = unaligned[0] if is_a else unaligned[1]
        # lines of the other version that are furniture too (a dateline set against a byline)
        furniture = {i for t in theirs if t.whole for i in t.sentences}
        for c in mine:
            missing = [k for k in c.kinds if k not in has]
            if not missing:
                continue
            partners = {j for i in c.sentences for j in pair.partner(i, is_a)}
            if c.whole and not (set(c.sentences) <= lone or (partners and partners <= furniture)):
                continue  # a line the other version carries (a heading that reads like one)
            ev = span_evidence(side.doc, c.sentences[0], c.start, c.text)
            if ev is None:
                continue
            ev.sentences = list(c.sentences)
            facts = _facts_in(side, c)
            extra = f" It carries: {', '.join(facts)}." if facts else ""
            what = " and ".join(missing).capitalize()
            msg = f"{what} only in {side.doc.id}, not in {other.doc.id}: \u201c{shorten(c.text)}\u201d.{extra}"
            if len(missing) == len(c.kinds):  # its facts are this finding's, not the other checks'
                pair.claimed.append((side.doc.id, c.start, c.end))
            key = "+".join(missing)
            out.append(pair.finding("credit", Severity.WARNING, msg, ev if is_a else None,
                                    None if is_a else ev, key_a=key if is_a else "",
                                    key_b="" if is_a else key, facts=facts))
    return out
