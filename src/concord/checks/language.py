"""Language checks: passages in another language than their sentence."""

from __future__ import annotations

from ..document import Category, Evidence, Finding, Severity
from .base import Pair, check


@check("language", Category.LANGUAGE, Severity.INFO, scope="pair")
def span_in_other_language(pair: Pair) -> list[Finding]:
    """A passage is in another language than its sentence.

    A Spanish byline in an English article, an English quote in a Spanish one: they are
    translated like any other text; the finding says where they are (info).
    """
    out: list[Finding] = []
    for side, is_a in ((pair.A, True), (pair.B, False)):
        doc = side.doc
        for s in doc.sentences:
            for sp in s.spans:
                line, col = doc.line_col(sp.start)
                ev = Evidence(doc.id, [s.index], sp.text, sp.start, sp.end, line, col, unit=s.unit)
                msg = f"{sp.language!r} text inside a {s.language!r} sentence of {doc.id}: {sp.text!r}."
                out.append(pair.finding("language", Severity.INFO, msg, ev if is_a else None, None if is_a else ev,
                                        f"{doc.id}:{sp.text}", sp.language))
    return out
