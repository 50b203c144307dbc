"""Quote checks: a quotation changed, reworded, paraphrased or missing."""

from __future__ import annotations

import re

from ..document import Bead, Category, Evidence, Finding, Severity
from ..facts.base import Fact
from ..facts.quotes import extract_quotes, has_quotation
from ..facts.table import DocumentFacts
from ..text import contained, dice, features, fold
from ._reversal import antonym_in_quote, bead_reversal, quote_at, reversal_in_quote, reversal_message
from .base import Pair, check, evidence, stable_id

# A quote is missing when the other side's aligned sentence carries less than this share of
# its content words (and the quote is the smaller part of its sentence).
MISSING = 0.2


def quote_similarity(x: str, y: str) -> float:
    """Similarity of two quotes in the pivot language: half shared content words (stems,
    so MT wording and human wording meet), half character-level (rapidfuzz)."""
    from rapidfuzz import fuzz

    def norm(t: str) -> str:
        return " ".join(re.findall(r"\w+", fold(t)))

    chars = fuzz.token_set_ratio(norm(x), norm(y)) / 100.0 * 0.5 + fuzz.ratio(norm(x), norm(y)) / 100.0 * 0.5
    return 0.5 * dice(features(x).stems, features(y).stems) + 0.5 * chars


def carried(quote: str, text: str) -> float:
    """Share of a quote's content words (stems and numbers) found in ``text``."""
    return contained(features(quote), features(text)) if text else 0.0


def pivot_quote(side: DocumentFacts, q: Fact) -> str:
    """The quote in the pivot language: for a translated sentence, the quoted part of the
    translation (MT keeps the quotation marks), else the whole translation."""
    if q.sentence is None:
        return str(q.value)
    s = side.doc.sentences[q.sentence]
    if not s.translation:
        return str(q.value)
    found = extract_quotes(s.translation)
    if len(found) == 1:
        return str(found[0].value)
    return s.translation


@check("quote", Category.QUOTE, Severity.ERROR)
def quote_differs(pair: Pair, bead: Bead) -> list[Finding]:
    """A quotation changes meaning, is reworded, loses its quotation marks or is missing.

    * **changed meaning** (error): the quote's sentence and its counterpart carry polarity
      or antonym evidence (:func:`concord.facts.polarity.reversal`: a negation added or
      dropped, ``large`` / ``small``, ``possible`` / ``impossible``, an implied negation
      such as ``free of`` / ``sin`` negated on one side only) and the evidence lies inside
      the quote. The rest of the two sentences must match (content-word Dice through the
      pivot language >= 0.45); an explicit negation inside a quote where the other side
      negates nothing, or a negative-prefix antonym inside a quote, needs only 0.1
      (``QUOTED_MATCH``: idiom inside quoted speech shares few words with MT); so does
      any other WordNet antonym at one place inside a quote, as a warning
      (:func:`concord.checks._reversal.antonym_in_quote`);
    * **reworded** (info, between two versions in one language only): the quotes match
      less than word for word and nothing shows a changed meaning (a quote is never
      "something else" without such evidence). Across languages a reworded quote is no
      finding: a translation rewords every quote (MT never reproduces a human translation
      word for word), and the report shows both quotes side by side;
    * **quotation marks not kept** (info, classification ``paraphrased``): the other side
      says it without quotation marks, which wire copy and translators often do (direct
      speech made indirect). One finding per pair and direction, counting and listing the
      quotes (:func:`unmarked`). Where the other side quotes anything in its aligned
      sentences (a shorter quote, a title, a mark of a quotation running over several
      sentences: :func:`concord.facts.quotes.has_quotation`), it quotes this in other
      words: no finding;
    * **missing** (warning): the quote is the smaller part of its sentence and the other
      side's aligned sentence carries less than ``MISSING`` = 0.2 of its content words
      (when the quote is most of the sentence, the aligned sentence is its translation)
      and quotes nothing (a title or phrase in quotation marks there, however short, is
      this quote in other words: a translated title shares no words with its original).

    A number or date inside the quote that differs is reported once, by the number or date
    check, whose finding says it lies inside a quote. Thresholds: set on the planted quote
    reversals of the shared evaluation set and checked on its clean translations.
    """
    A, B = pair.A, pair.B
    cross_language = pair.cross_language
    out = []
    same_at = 0.72 if cross_language else 0.93
    kept_at = 0.40 if cross_language else 0.55
    rev = bead_reversal(pair, bead)
    if rev is None:
        rev = antonym_in_quote(pair, bead)
    if rev is not None and reversal_in_quote(pair, bead, rev):
        qa = quote_at(A, bead.a, rev.at_a) or next(iter(A.all(A.quotes, bead.a)), None)
        qb = quote_at(B, bead.b, rev.at_b) or next(iter(B.all(B.quotes, bead.b)), None)
        out.append(pair.finding(
            "quote", Severity.ERROR if rev.confident else Severity.WARNING,
            reversal_message(pair, rev, "Quote changes meaning"),
            evidence(A.doc, bead.a, qa), evidence(B.doc, bead.b, qb),
            str(qa.value) if qa else "", str(qb.value) if qb else "", classification="changed"))
        return out
    for side, other, mine, theirs, is_a in ((A, B, bead.a, bead.b, True), (B, A, bead.b, bead.a, False)):
        other_quotes = other.all(other.quotes, theirs)
        other_text = " ".join(other.doc.sentences[i].pivot_text for i in theirs)
        other_raw = " ".join(other.doc.sentences[i].text for i in theirs)
        for q in side.all(side.quotes, mine):
            qp = pivot_quote(side, q)
            best, best_q = 0.0, None
            for oq in other_quotes:
                sim = quote_similarity(qp, pivot_quote(other, oq))
                if sim > best:
                    best, best_q = sim, oq
            ev_self = evidence(side.doc, mine, q)
            ev_other = evidence(other.doc, theirs, best_q) if best_q is not None else evidence(other.doc, theirs)
            if best_q is not None and best >= kept_at:
                if not is_a or best >= same_at or cross_language:
                    continue  # the same quote (reported once, from A)
                out.append(pair.finding("quote", Severity.INFO,
                                        f"Quote reworded (meaning kept): {q.surface!r} vs {best_q.surface!r}.",
                                        ev_self, ev_other, str(q.value), str(best_q.value),
                                        classification="reworded"))
                continue
            if not theirs:
                continue  # the whole sentence is missing: reported as omission/addition
            if best_q is not None:
                if not is_a or cross_language:
                    # reported once, from A; across languages a reworded quote is what a
                    # translation is (both quotes stand side by side in the report)
                    continue
                out.append(pair.finding("quote", Severity.INFO,
                                        f"Quote reworded (no sign of a changed meaning): {q.surface!r} vs "
                                        f"{best_q.surface!r}.", ev_self, ev_other, str(q.value), str(best_q.value),
                                        classification="reworded"))
                continue
            if any(has_quotation(other.doc.sentences[i].text) for i in theirs):
                # the other version quotes it too: in fewer words, as a title, or in a
                # quotation that runs over several sentences
                continue
            ev_a, ev_b = (ev_self, ev_other) if is_a else (ev_other, ev_self)
            s_len = sum(len(side.doc.sentences[i].text) for i in mine)
            # carried in the other version's reading, or as written there (a term quoted
            # in its own language: *the so-called 'Andes de tipo andino'*)
            if max(carried(qp, other_text), carried(str(q.value), other_raw)) >= MISSING \
                    or len(str(q.value)) >= 0.5 * s_len:
                out += unmarked(pair, side, other, q, ev_a, ev_b, is_a)
                continue
            msg = f"Quote in {side.doc.id} is missing from {other.doc.id}: {q.surface!r}."
            out.append(pair.finding("quote", Severity.WARNING, msg, ev_a, ev_b,
                                    str(q.value) if is_a else "", "" if is_a else str(q.value),
                                    classification="missing"))
    return out


def unmarked(pair: Pair, side: DocumentFacts, other: DocumentFacts, q: Fact, ev_a: Evidence | None,
             ev_b: Evidence | None, is_a: bool) -> list[Finding]:
    """Record a quote of ``side`` that ``other`` gives without quotation marks: one info
    finding per pair and direction, with the count and the quotes. Returns the finding
    when it is new (the caller adds it once); a later quote is added to it in place, and
    its evidence stays the first quote's."""
    key = ("quote-unmarked", side.doc.id)
    held: tuple[Finding, list[str]] | None = pair.cache.get(key)
    new: list[Finding] = []
    if held is None:
        found = pair.finding("quote", Severity.INFO, "", ev_a, ev_b, classification="paraphrased")
        held = pair.cache[key] = (found, [])
        new.append(found)
    found, quotes = held
    quotes.append(q.surface)
    listed = ", ".join(repr(t) for t in quotes)
    found.message = (f"Quote in {side.doc.id} is given without quotation marks in {other.doc.id}: {listed}."
                     if len(quotes) == 1 else
                     f"{len(quotes)} quotes in {side.doc.id} are given without quotation marks in "
                     f"{other.doc.id}: {listed}.")
    keys = "\x1e".join(quotes)
    found.id = stable_id(str(found.category), keys if is_a else "", "" if is_a else keys)
    return new
