"""Language checks: passages in another language than their sentence."""

from __future__ import annotations

import re

from .. import lang
from ..document import Category, Evidence, Finding, Severity, Span
from ..facts.quotes import MIN_WORDS, quoted_spans
from .base import Pair, check

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def slip(sp: Span, sentence_text: str, sentence_start: int) -> bool:
    """A span the detectors found is a passage left in another language, not a name, a
    title or a cited term:

    * it carries a content word: function words alone (*on the* of *Newport on the
      Levee*) are no evidence of a language, whatever the detectors make of them;
    * its content words are not all capitalised: a title-cased span is a name or a title
      (*The Power of Nutrition*, *The Sunday Times*, a book's title), kept as it is by
      every translation;
    * it is not a term cited in quotation marks, shorter than a quotation (``MIN_WORDS``
      words, as :mod:`concord.facts.quotes` counts them): *"fake news"*, *«just in time»*
      is a loanword the writer marks as such.
    """
    stop = lang.stop_words()
    words = _WORD.findall(sp.text)
    content = [w for w in words if len(w) > 1 and w.lower() not in stop]
    if not content or all(w[0].isupper() for w in content):
        return False
    a = sp.start - sentence_start + len(sp.text) - len(sp.text.lstrip())
    b = a + len(sp.text.strip())
    quoted = any(qa <= a and b <= qb for qa, qb in quoted_spans(sentence_text))
    return not (quoted and len(words) < MIN_WORDS)


@check("language", Category.LANGUAGE, Severity.INFO, scope="pair")
def span_in_other_language(pair: Pair) -> list[Finding]:
    """A passage is in another language than its sentence.

    A Spanish byline in an English article, an English quote in a Spanish one: they are
    translated like any other text; the finding says where they are (info). Names,
    titles, cited terms and runs of function words are not such passages (:func:`slip`).
    """
    out: list[Finding] = []
    for side, is_a in ((pair.A, True), (pair.B, False)):
        doc = side.doc
        for s in doc.sentences:
            for sp in s.spans:
                if not slip(sp, s.text, s.start):
                    continue
                line, col = doc.line_col(sp.start)
                ev = Evidence(doc.id, [s.index], sp.text, sp.start, sp.end, line, col, unit=s.unit)
                msg = f"{sp.language!r} text inside a {s.language!r} sentence of {doc.id}: {sp.text!r}."
                out.append(pair.finding("language", Severity.INFO, msg, ev if is_a else None, None if is_a else ev,
                                        f"{doc.id}:{sp.text}", sp.language))
    return out
