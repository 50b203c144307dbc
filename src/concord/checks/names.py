"""Name checks: a name one version never mentions, a person described differently."""

from __future__ import annotations

import re

from .. import lang
from ..document import Bead, Category, Finding, Severity
from ..facts.names import appositive, is_descriptive, significant_tokens
from ..text import dice, features, fold
from ._name_match import name_differences
from .base import Pair, check, evidence, span_evidence

_CAPITAL_WORD = re.compile(rf"\b[{lang.UPPER}][\w.]*")


@check("name", Category.NAME, Severity.WARNING, scope="pair")
def name_differs(pair: Pair) -> list[Finding]:
    """A name is misspelt, replaced by another, or named in one version only.

    A name is looked for in the aligned sentences of the other version, then in the whole
    other version, in both languages (accents and case ignored, surname-only mentions, CLDR
    place, language and currency names, acronyms the documents define, the MT rendering;
    see :mod:`concord.checks._name_match`). What is left becomes a finding by its evidence:
    *misspelt* (``Clinton`` / ``Clitnon``) and *replaced* (a name the other version never
    mentions, another name in its place) are warnings; a name with no counterpart that
    translators may have rendered otherwise (an exonym, an acronym, a form specific to one
    language) is a candidate, reported as info, unless its sentence pair is not a faithful
    translation. Names of a sentence only one version has are listed in that sentence's
    finding. Reported once per name, at its first place.
    """
    A, B = pair.A, pair.B
    out = []
    for d in name_differences(A, B, pair.beads):
        ev_a = evidence(A.doc, d.a_sents, d.a)
        ev_b = evidence(B.doc, d.b_sents, d.b)
        sev = Severity.WARNING if d.strong else Severity.INFO
        if d.kind in ("misspelt", "replaced") and d.a is not None and d.b is not None:
            said = "spelt differently" if d.kind == "misspelt" else "changed"
            msg = f"Name {said}: {A.doc.id} says {d.a.surface!r}, {B.doc.id} says {d.b.surface!r}."
        else:
            f, mine = (d.a, A) if d.a is not None else (d.b, B)
            assert f is not None  # a difference has a name on one side at least
            msg = f"Name {f.surface!r} appears only in {mine.doc.id}."
        out.append(pair.finding("name", sev, msg, ev_a, ev_b, fold(d.a.surface) if d.a else "",
                                fold(d.b.surface) if d.b else "", classification=d.kind))
    return out


@check("role", Category.NAME, Severity.WARNING)
def role_differs(pair: Pair, bead: Bead) -> list[Finding]:
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
        if f.sentence is None:
            continue
        s_a = A.doc.sentences[f.sentence]
        for g in B.all(B.names, bead.b):
            if fold(g.surface) != fold(f.surface) or g.sentence is None:
                continue
            s_b = B.doc.sentences[g.sentence]
            ra = appositive(s_a.pivot_text, f.surface)
            rb = appositive(s_b.pivot_text, g.surface)
            if ra is None or rb is None:
                break
            fa, fb = features(ra[1]), features(rb[1])
            if len(fa.stems) < 2 or len(fb.stems) < 2 or dice(fa.stems, fb.stems) >= 0.25:
                break
            other_language = (s_a.language or A.doc.language) != (s_b.language or B.doc.language)
            if other_language and _shared_capitals(ra[1], rb[1], f.surface):
                break  # one organisation in both roles, a title worded otherwise by MT
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


def _capitals(text: str) -> set[str]:
    return {fold(w) for w in _CAPITAL_WORD.findall(text)}


def _shared_capitals(role_a: str, role_b: str, name: str) -> bool:
    """Whether the two roles (in the pivot language) name something in common, such as the
    organisation (``head of UN Environment`` / ``director ejecutivo de ONU Ambiente``): a
    capitalised word or acronym of both, besides the person's own name. Across languages
    a description is reworded by the translator and by MT; a title at the same named body
    is the same role."""
    own = {fold(w) for w in name.split()}
    return bool((_capitals(role_a) & _capitals(role_b)) - own)
