"""Name checks: a name one version never mentions, a person described differently."""

from __future__ import annotations

from ..document import Bead, Category, Severity
from ..facts.names import (appositive, is_byline, is_descriptive, name_in, rendered_match,
                           sentence_initial_only, significant_tokens)
from ..text import dice, features, fold
from .base import Pair, check, evidence, span_evidence


@check("name", Category.NAME, Severity.WARNING, scope="pair")
def name_missing(pair: Pair):
    """A name that one version mentions and the other never does.

    Checked over the whole document, not per sentence, so a name that moves to another
    paragraph is not flagged; matching ignores accents and case, takes a surname-only
    mention (``Harfuch``) and looks in the other version's original text and translation.
    Bylines and datelines are skipped, and so is a name mentioned only in sentences the
    other version lacks altogether (the omission or addition finding lists it). Reported
    once per name, at its first mention.
    """
    out = []
    seen: set[str] = set()
    for side, other, is_a in ((pair.A, pair.B, True), (pair.B, pair.A, False)):
        lone = set(pair.unaligned(is_a))
        aligned_names = {fold(f.surface) for i, fs in side.names.items() if i not in lone for f in fs}
        for s in side.doc.sentences:
            if is_byline(s.text):
                continue  # the author and dateline are not facts of the story
            for f in side.names.get(s.index, []):
                key = fold(f.surface)
                if key in seen or name_in(f.surface, other.source_text, other.pivot_text):
                    continue
                if s.index in lone and key not in aligned_names:
                    continue  # listed in the omission/addition finding of its sentence
                if rendered_match(f, side, other):
                    continue
                if s.translation and s.language != pair.pivot and not f.alias \
                        and not name_in(f.surface, s.translation):
                    continue  # MT translated it: a common-noun name ("Ley", "Defensa")
                if sentence_initial_only(s.start, f, side.doc.text):
                    continue
                seen.add(key)
                partner = pair.partner(s.index, is_a)
                ev_self = evidence(side.doc, [s.index], f)
                ev_other = evidence(other.doc, partner) if partner else None
                msg = f"Name {f.surface!r} appears only in {side.doc.id}."
                out.append(pair.finding("name", Severity.WARNING, msg,
                                        ev_self if is_a else ev_other, ev_other if is_a else ev_self,
                                        key if is_a else "", "" if is_a else key))
    return out


@check("role", Category.NAME, Severity.WARNING)
def role_differs(pair: Pair, bead: Bead):
    """A person both versions name in aligned sentences is described differently.

    ``X, number two of the cartel`` vs ``X, father of a cartel member``: the appositions
    are compared in the pivot language (the translation of a translated sentence) by
    shared content words; a role stated on one side only is not flagged (wire copy often
    drops an apposition).
    """
    A, B = pair.A, pair.B
    out = []
    for f in A.all(A.names, bead.a):
        if len(significant_tokens(f.surface)) < 2 or is_descriptive(f.surface):
            continue  # people: a first name and a surname at least
        s_a = A.doc.sentences[f.sentence]
        for g in B.all(B.names, bead.b):
            if fold(g.surface) != fold(f.surface):
                continue
            s_b = B.doc.sentences[g.sentence]
            ra = appositive(s_a.pivot_text, f.surface)
            rb = appositive(s_b.pivot_text, g.surface)
            if ra is None or rb is None:
                break
            fa, fb = features(ra[1]), features(rb[1])
            if len(fa.stems) < 2 or len(fb.stems) < 2 or dice(fa.stems, fb.stems) >= 0.25:
                break
            ev_a = evidence(A.doc, [s_a.index])
            ev_b = evidence(B.doc, [s_b.index])
            if s_a.translation is None:
                ev_a = span_evidence(A.doc, s_a.index, s_a.start + ra[0], ra[1]) or ev_a
            if s_b.translation is None:
                ev_b = span_evidence(B.doc, s_b.index, s_b.start + rb[0], rb[1]) or ev_b
            msg = f"{f.surface} is described differently: {ra[1]!r} vs {rb[1]!r}."
            out.append(pair.finding("role", Severity.WARNING, msg, ev_a, ev_b, f.surface + " " + ra[1],
                                    f.surface + " " + rb[1], classification="role"))
            break
    return out
