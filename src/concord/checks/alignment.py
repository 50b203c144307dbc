"""Checks on what the aligner left unaligned: a sentence only one version has.

One finding per unaligned sentence: the names, numbers, dates and quotes it carries are
listed in that finding (``facts``), not reported again by the name or number checks.
"""

from __future__ import annotations

from ..document import BeadKind, Category, Finding, Severity
from ..text import features
from .base import Pair, check, evidence, shorten

# A sentence with this many content words or more is content an editor must know about
# even without a name or a number (a dropped paragraph of explanation); fewer is a
# heading, a transition or a caption (a headline runs to about four content words).
MIN_CONTENT = 5


def _lone_sentence(pair: Pair, check_id: str, kind: BeadKind) -> list[Finding]:
    is_a = kind == BeadKind.OMISSION
    side, other = (pair.A, pair.B) if is_a else (pair.B, pair.A)
    out: list[Finding] = []
    for i in pair.unaligned(is_a):
        facts = side.of_sentence(i)
        s = side.doc.sentences[i]
        content = len(features(s.pivot_text).content)
        sev = Severity.WARNING if facts or content >= MIN_CONTENT else Severity.INFO
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
def sentence_only_in_a(pair: Pair) -> list[Finding]:
    """A sentence of the source (or, without a source, of the first version) is missing from the other.

    The versions of a pair are ordered source first (``--source``), else by language and
    path, so the same sentence is an omission whichever command or file order found it.

    Warning when the sentence carries facts (numbers, dates, names, quotes; listed in the
    message and the finding) or real content (five content words or more); info for a
    heading or a transition.
    """
    return _lone_sentence(pair, "omission", BeadKind.OMISSION)


@check("addition", Category.ADDITION, Severity.WARNING, scope="pair")
def sentence_only_in_b(pair: Pair) -> list[Finding]:
    """A sentence of the translation (or, without a source, of the second version) is not in the other.

    Warning when the sentence carries facts (numbers, dates, names, quotes; listed in the
    message and the finding) or real content (five content words or more); info for a
    heading or a transition.
    """
    return _lone_sentence(pair, "addition", BeadKind.ADDITION)
