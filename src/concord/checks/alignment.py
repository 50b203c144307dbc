"""Checks on what the aligner left unaligned: a sentence only one version has.

One finding per unaligned sentence: the names, numbers, dates and quotes it carries are
listed in that finding (``facts``), not reported again by the name or number checks.
"""

from __future__ import annotations

from ..document import BeadKind, Category, Severity
from ..text import features
from .base import Pair, check, evidence

# A sentence with this many content words or more is content an editor must know about
# even without a name or a number (a dropped paragraph of explanation); fewer is a
# heading, a transition or a caption (a headline runs to about four content words).
MIN_CONTENT = 5


def _lone_sentence(pair: Pair, check_id: str, kind: BeadKind):
    is_a = kind == BeadKind.OMISSION
    side, other = (pair.A, pair.B) if is_a else (pair.B, pair.A)
    out = []
    for i in pair.unaligned(is_a):
        facts = side.of_sentence(i)
        s = side.doc.sentences[i]
        content = len(features(s.pivot_text).content)
        sev = Severity.WARNING if facts or content >= MIN_CONTENT else Severity.INFO
        extra = f" It carries: {', '.join(dict.fromkeys(facts))}." if facts else ""
        ev = evidence(side.doc, [i])
        out.append(pair.finding(check_id, sev,
                                f"Sentence of {side.doc.id} has no counterpart in {other.doc.id}.{extra}",
                                ev if is_a else None, None if is_a else ev, facts=facts))
    return out


@check("omission", Category.OMISSION, Severity.WARNING, scope="pair")
def sentence_only_in_a(pair: Pair):
    """A sentence of the first version has no counterpart in the second.

    Warning when the sentence carries facts (numbers, dates, names, quotes; listed in the
    message and the finding) or real content (five content words or more); info for a
    heading or a transition.
    """
    return _lone_sentence(pair, "omission", BeadKind.OMISSION)


@check("addition", Category.ADDITION, Severity.WARNING, scope="pair")
def sentence_only_in_b(pair: Pair):
    """A sentence of the second version has no counterpart in the first.

    Warning when the sentence carries facts (numbers, dates, names, quotes; listed in the
    message and the finding) or real content (five content words or more); info for a
    heading or a transition.
    """
    return _lone_sentence(pair, "addition", BeadKind.ADDITION)
