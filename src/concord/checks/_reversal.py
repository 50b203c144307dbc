"""Polarity reversal: evidence that two versions of a sentence say opposite things.

What each version negates, and the antonyms of its words, are read by
:mod:`concord.facts.polarity` (the words of each language are in its profile,
``lang.get(code).polarity``); :func:`reversal` compares the two versions and weighs the
evidence against how well the rest of the two sentences match (a reworded translation is
not a reversal); the thresholds are documented there. :func:`bead_reversal` computes it
once per aligned sentence pair for the meaning and quote checks, which share the helpers
below.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .. import lang
from ..document import Bead
from ..facts.base import Fact, fold
from ..facts.polarity import (
    CLAUSE_SPLIT,
    NEGATIVE_VERBS,
    adjective_clusters,
    affixal_negative,
    antonyms,
    base_forms,
    indirect_antonyms,
    irregular_bases,
    is_quality,
    lemmas,
    listed_quality,
    negated_clauses,
    not_negating,
    profile,
    tokens,
    verb_antonym_pairs,
    word_tokens,
)
from ..facts.table import DocumentFacts
from ..lexicon import get_lexicon
from ..text import stem
from .base import Pair

Span = tuple[int, int]
Token = tuple[int, int, str]

# Thresholds of reversal(), set on the planted reversals of a held-out evaluation set and
# checked on clean professional translations of it (see the function's docstring).
NEGATION_MATCH = 0.45
ANTONYM_MATCH = 0.45
# WordNet's verb antonyms are often converses (come / go, make / break, leave / arrive)
# that a translator may pick for one event: they need a closer match
VERB_ANTONYM_MATCH = 0.6
# inside a quotation (see reversal())
QUOTED_MATCH = 0.1

# The pivot language's polarity words: the readings compared are in the pivot language.
_PIVOT = profile(lang.PIVOT)
# prefixes that mostly reverse an action rather than negate a quality (dis-, des-)
_REVERSATIVE = tuple(sorted({p for code in lang.LANGUAGES for p in lang.get(code).polarity.REVERSATIVE}))
# the verbs that say an action goes on, per language (the opposites of NEGATIVE_VERBS)
_CONTINUATIVE = {code: re.compile(r"\b(?:" + "|".join(lang.get(code).polarity.CONTINUATIVE_VERBS) + r")\b", re.I)
                 for code in lang.LANGUAGES}
# where an approximate negator is not negative ("a few", "un poco", "hace poco" = recently)
_NOT_APPROXIMATE = re.compile(r"\b(?:" + "|".join(
    alt for code in lang.LANGUAGES for alt in lang.get(code).polarity.NOT_APPROXIMATE) + r")\b", re.I)


def _content(text: str) -> set[str]:
    """Content-word stems (five letters) of an English text, negative words left out."""
    negs = _PIVOT.NEGATORS
    stop = _PIVOT.CONTENT_STOP
    return {fold(w)[:5] for _, _, w in word_tokens(text)
            if len(w) >= 4 and w not in negs and w not in stop}


def similarity(x: str, y: str) -> float:
    """Dice coefficient of the content-word stems of two English texts."""
    a, b = _content(x), _content(y)
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


@dataclass
class Reversal:
    """Evidence that two texts say opposite things. ``kind`` is ``negation`` or
    ``antonym``; ``words`` the word on each side (``""`` where a side has none);
    ``at_a`` / ``at_b`` the offsets of the evidence in each side's own text, where known;
    ``similarity`` how well the rest of the two texts match; ``confident`` whether the two
    words were found at one place of the two versions (an error) or only counted (a
    warning)."""

    kind: str
    words: tuple[str, str]
    at_a: tuple[int, int] | None
    at_b: tuple[int, int] | None
    similarity: float
    confident: bool = True


def reversal(text_a: str, lang_a: str, pivot_a: str, text_b: str, lang_b: str, pivot_b: str,
             quoted_a: Sequence[tuple[int, int]] = (), quoted_b: Sequence[tuple[int, int]] = ()
             ) -> Reversal | None:
    """Polarity or antonym evidence between two versions of a sentence (or of a quote).

    ``text_*`` is each side as written, ``lang_*`` its language, ``pivot_*`` its English
    reading (the text itself for English, the machine translation for Spanish);
    ``quoted_*`` the spans of ``text_*`` that are quotations (four words or more).

    The two English readings are aligned word by word (:func:`_alignment`), so evidence is
    weighed where it stands: a reversal is one version's claim negated in the other about
    the same thing.

    * Negation flip: the numbers of explicitly negated clauses (:func:`_explicit`: *sin*
      and *without* negate only their complement) differ, both on the texts as written
      (each in its own grammar: Spanish negative concord is one negation) and on the
      English readings. An **error** when a negation of the version with more has a
      counterpart in the other that is not said negatively there
      (:func:`_unmatched_negation`) and no verb of the other version says it (*dejar de*,
      *fail to*); a **warning** when no negated claim has a counterpart but the other
      version negates nothing and does not say it in other words
      (:func:`_negative_in_other_words`). The rest of the two English readings must match
      with Dice >= ``NEGATION_MATCH`` (0.45).
    * Degree: a comparison of inferiority in one reading where the other has one of
      superiority of the same quality at the same place (:func:`_degree_reversal`: *least
      serious* / *gravest*), with the rest matching as for an antonym.
    * Antonym: an English content word of one reading whose antonym is in the other
      reading at the same place (:func:`_corresponds`), neither reading having both and
      the lexicon not placing the word elsewhere (:func:`_same_in_lexicon`), with the rest
      matching with Dice >= ``ANTONYM_MATCH`` (0.45), or ``VERB_ANTONYM_MATCH`` (0.6) for a
      pair WordNet gives as verbs only (``love`` / ``hate``; ``come`` / ``go`` are often
      converses); else a substituted word at one place (:func:`_indirect_pair`: an error
      for WordNet antonyms, a warning for verb, noun and indirect antonyms).
    * Inside a quotation the match may be looser, ``QUOTED_MATCH`` (0.1): an explicit
      negation (``not``, ``never``, not an implied one) inside a quote where the other
      version has no negation at all or says the negated claim without one (an error, as
      above), or a negative-prefix antonym (``unimportant`` /
      ``important``) inside a quote. Quoted speech is rendered closely, but idiom inside
      it (*está en las últimas* / *on its way out*) shares few words with machine
      translation, so the aligned pair's wording is a weak guide there.

    Set on the planted reversals of a held-out evaluation set (one negation or antonym
    added to a faithful professional translation, where the rest matches at 0.5-0.9
    through Apertium, and at 0.17-0.4 for idiomatic quotes) and checked on clean
    translations of the same texts, where a negation restructured by the translator
    (*unprecedented* / *no hay precedentes*) comes with a looser match or with the same
    count of negated clauses, and no negation flip lies inside a quotation.
    """
    sim = similarity(pivot_a, pivot_b)
    na, nb = _explicit(negated_clauses(text_a, lang_a), text_a), _explicit(negated_clauses(text_b, lang_b), text_b)
    pa = _explicit(negated_clauses(pivot_a, lang.PIVOT), pivot_a)
    pb = _explicit(negated_clauses(pivot_b, lang.PIVOT), pivot_b)
    if len(na) != len(nb) and len(pa) != len(pb) and (len(na) > len(nb)) == (len(pa) > len(pb)) \
            and sim >= min(NEGATION_MATCH, QUOTED_MATCH):
        # a negation whose claim is said without it in the other version (an error); else
        # more negated clauses with no counterpart of their claims, against a version that
        # negates nothing and says no negation in other words (a warning)
        more_a = len(na) > len(nb)
        unmatched = _unmatched_negation(pivot_a, pivot_b) if more_a else _unmatched_negation(pivot_b, pivot_a)
        fewer = nb if more_a else na
        plain = (text_b, lang_b, pivot_b, text_a + " " + pivot_a) if more_a else \
            (text_a, lang_a, pivot_a, text_b + " " + pivot_b)
        # a version that says a negation in other words (*impossible to load* against
        # *could not load*) leaves the reversal in doubt: a warning at most, never an error
        other_words = _negative_in_other_words(*plain)
        # the other version's reading lost a negation its text has (*Nenhuma sessão* read
        # *Any session*): where the readings place its claims is no evidence
        lost = len(fewer) > len(pb if more_a else pa)
        confident = bool(unmatched) and not other_words and not lost
        # a verb of stopping anywhere in the other version says "no longer" (*dejar de
        # reconocer*, read *leave to recognise*, where the reading keeps no negation)
        more = (text_a, lang_a, na) if more_a else (text_b, lang_b, nb)
        # a negated word whose antonym the other version says at that place (*memória não
        # ocupada* / *free memory*, *not correct* / *wrong*): the same claim
        by_antonym = _said_by_antonym(pivot_a, pivot_b) if more_a else _said_by_antonym(pivot_b, pivot_a)
        if not by_antonym and ((unmatched and not NEGATIVE_VERBS.search(plain[0])) or
                               (unmatched is None and not fewer and not other_words
                                and not _relative_negations(*more))):
            at_a = _pick(na) if more_a and na else None
            at_b = _pick(nb) if not more_a and nb else None
            at, quoted = (at_a, quoted_a) if more_a else (at_b, quoted_b)
            # inside a quote: where the other version negates nothing, or where the negated
            # claim's counterpart is said there without a negation
            in_quote = (bool(unmatched) or not fewer) and _inside(at, quoted)
            if sim >= (QUOTED_MATCH if in_quote else NEGATION_MATCH):
                wa = text_a[at_a[0]:at_a[1]] if at_a else ""
                wb = text_b[at_b[0]:at_b[1]] if at_b else ""
                return Reversal("negation", (wa, wb), at_a, at_b, sim, confident)
    if len(na) == len(nb) and len(pa) == len(pb) and sim >= ANTONYM_MATCH:
        aspect = _aspect_reversal((text_a, lang_a, pivot_a), (text_b, lang_b, pivot_b))
        if aspect:
            (wa, at_a), (wb, at_b) = aspect
            return Reversal("antonym", (wa, wb), at_a, at_b, sim, False)
    if sim < min(ANTONYM_MATCH, QUOTED_MATCH):
        return None
    ta, la, aa = _lemma_profile(pivot_a)
    tb, lb, ab = _lemma_profile(pivot_b)
    for x, y, tx, ty, qx, qy, swap in ((ta, tb, text_a, text_b, quoted_a, quoted_b, False),
                                       (tb, ta, text_b, text_a, quoted_b, quoted_a, True)):
        px, py = (pivot_b, pivot_a) if swap else (pivot_a, pivot_b)
        versions = ((text_b, lang_b, pivot_b), (text_a, lang_a, pivot_a))
        if not (ab & la if swap else aa & lb):
            continue  # no word of this reading has an antonym in the other
        this_v, other_v = versions[::-1] if swap else versions

        def same(w: str, v: str, this_v: tuple[str, str, str] = this_v,
                 other_v: tuple[str, str, str] = other_v) -> bool:
            return _same_in_lexicon(w, v, this_v, other_v)

        pair_found = _antonym_pair(x, y, sim, (lb, la) if swap else (la, lb), (px, py), same)
        if not pair_found:
            continue
        (wx, found_x), (wy, found_y) = pair_found
        span_x = found_x if px == tx else None
        span_y = found_y if py == ty else None
        if sim < ANTONYM_MATCH:
            prefixed = wx in _prefixed(wy) or wy in _prefixed(wx)
            if not (prefixed and (_inside(span_x, qx) or _inside(span_y, qy))):
                continue
        if swap:
            return Reversal("antonym", (wy, wx), span_y, span_x, sim)
        return Reversal("antonym", (wx, wy), span_x, span_y, sim)
    if sim < ANTONYM_MATCH:
        return None
    versions = ((text_a, lang_a, pivot_a), (text_b, lang_b, pivot_b))
    # a word of a reading that stands as written in a version of another language is one
    # the machine translation left untranslated (a Spanish word spelt like an English one): not an English word
    copied = tuple(frozenset(w for _, _, w in word_tokens(text)) if text != pivot else frozenset()
                   for text, pivot in ((text_a, pivot_a), (text_b, pivot_b)))
    degree = _degree_reversal(pivot_a, pivot_b)
    if degree:
        (wa, span_a), (wb, span_b), same_word = degree
        return Reversal("antonym", (wa, wb), span_a if pivot_a == text_a else None,
                        span_b if pivot_b == text_b else None, sim, same_word)
    substituted = _indirect_pair(pivot_a, pivot_b, lambda w, v: _same_in_lexicon(w, v, versions[1], versions[0]),
                                 sim, (copied[0], copied[1]))
    if substituted:
        (wa, span_a), (wb, span_b), direct = substituted
        return Reversal("antonym", (wa, wb), span_a if pivot_a == text_a else None,
                        span_b if pivot_b == text_b else None, sim, direct)
    return None


def _aspect_reversal(a: tuple[str, str, str], b: tuple[str, str, str]
                     ) -> tuple[tuple[str, Span | None], tuple[str, Span | None]] | None:
    """One version says an action stops (a verb of stopping, ``NEGATIVE_VERBS``: *stop
    paying*, *dejar de pagar*) where the other says it goes on (``CONTINUATIVE_VERBS``:
    *keep paying*, *seguir pagando*), each version as written or in its English
    reading, and neither says both. Returns the two phrases with their offsets in each
    version as written (None where only the reading has it)."""
    found = []
    for text, code, reading in (a, b):
        cont = _CONTINUATIVE.get(code, _CONTINUATIVE[lang.PIVOT])
        stop = NEGATIVE_VERBS.search(text) or NEGATIVE_VERBS.search(reading)
        go_on = cont.search(text) or _CONTINUATIVE[lang.PIVOT].search(reading)
        found.append((stop, go_on, text))
    (stop_a, on_a, text_a), (stop_b, on_b, text_b) = found
    for (stop, _, tx), (stop_y, on_y, ty), swap in (((stop_a, on_a, text_a), (stop_b, on_b, text_b), False),
                                                    ((stop_b, on_b, text_b), (stop_a, on_a, text_a), True)):
        mine = on_b if swap else on_a
        if stop and on_y and not stop_y and not mine:
            x = (stop.group(0), stop.span() if stop.string is tx else None)
            y = (on_y.group(0), on_y.span() if on_y.string is ty else None)
            return (y, x) if swap else (x, y)
    return None


def _said_by_antonym(neg: str, plain: str) -> bool:
    """A word an explicit negation of the English reading ``neg`` negates (the content word
    right after it, or after one more word, an adjective or participle: WordNet knows it as
    an adjective or adverb) has an antonym in the reading ``plain`` at the
    same place (:func:`_corresponds`), a word with no counterpart of its own in ``neg``:
    WordNet's direct antonyms or the indirect ones (:func:`indirect_antonyms`: *busy* /
    *free* through the adjective clusters, *enabled* / *disabled*). A negated word says
    what its antonym says (Quirk et al. §10.64: *not occupied* is *free*, *not correct*
    is *wrong*): the two versions make one claim, in different words, as translators often
    do with a participle or adjective (*memória não ocupada* / *free memory*)."""
    toks, other = word_tokens(neg), word_tokens(plain)
    anchors = _alignment(neg, plain)
    anchored_a, anchored_b = {i for i, _ in anchors}, {k for _, k in anchors}
    for a, _, _ in _explicit(negated_clauses(neg, lang.PIVOT), neg):
        j = next((i for i, t in enumerate(toks) if t[0] == a), None)
        if j is None:
            continue
        _, end = _clause_of(neg, a)
        # the word the negator stands before (an auxiliary between: *is not yet enabled*)
        scope = [i for i in range(j + 1, min(j + 3, len(toks))) if toks[i][0] < end and i not in anchored_a
                 and _indirect_candidate(toks[i][2])][:1]
        for i in scope:
            w = toks[i][2]
            if not is_quality(w):
                continue  # a verb (*will not surrender* / *will resist*): often a converse
            for k, (_, _, v) in enumerate(other):
                if k in anchored_b or not _indirect_candidate(v) or v in _NOT_ANTONYMS:
                    continue
                # an antonym, directly or through WordNet's clusters, or a synonym of an
                # antonym in its adjective cluster (*not found* / *missing*, a synonym of *lost*)
                # (not one of its own synonyms too: *latest* / *last* share clusters both ways)
                own = {c for b in base_forms(w) for c in adjective_clusters(b)}
                theirs = {c for b in base_forms(v) for c in adjective_clusters(b)}
                near = {c for ant in antonyms(w) for c in adjective_clusters(ant)} - own
                if not (antonyms(w) & lemmas(v) or indirect_antonyms(w, v) or (near & theirs and not own & theirs)):
                    continue
                # at the same place, or both next to one word the alignment ties (the noun
                # they say of, within three words on either side: *Memory no busy* / *Free
                # memory*, *the password is not correct* / *wrong password*)
                if _corresponds(neg, i, plain, k) or any(abs(x - i) <= 3 and abs(y - k) <= 3 for x, y in anchors):
                    return True
    return False


def _relative_negations(text: str, language: str, found: Sequence[tuple[int, int, bool]]) -> bool:
    """Every negation of ``text`` negates a relative clause: a relative word (``RELATIVES``
    of the language's profile) stands among the two words before it in its clause
    (*países que no tienen salida al mar*). With no counterpart of its claim in the other
    version, such a clause is most often said there in a word (*landlocked countries*),
    not negated."""
    relatives = profile(language).RELATIVES
    toks = word_tokens(text)
    for a, _, _ in found:
        j = next((n for n, t in enumerate(toks) if t[0] == a), None)
        if j is None:
            return False
        start, _ = _clause_of(text, a)
        if not any(t[2] in relatives and t[0] >= start for t in toks[max(0, j - 2):j]):
            return False
    return bool(found)


def _negated_before(text: str, i: int, negators: frozenset[str]) -> bool:
    """A negator among the five words before word ``i`` of ``text``, in its clause."""
    toks = word_tokens(text)
    start, _ = _clause_of(text, toks[i][0])
    return any(t[2] in negators and t[0] >= start for t in toks[max(0, i - 5):i])


def _indirect_pair(x: str, y: str, same: Callable[[str, str], bool], sim: float = 1.0,
                   copied: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
                   ) -> tuple[tuple[str, Span], tuple[str, Span], bool] | None:
    """A substituted word: two words at one place of the two English readings that have
    no counterpart of their own, neither negated, that are WordNet antonyms (an error: the
    other reading may have the word elsewhere, *less than 1.4 million ... a third more* /
    *more than ... a third more*), or weaker evidence (a warning): verb antonyms, which
    are often converses (*come* / *go*, *open* / *close*), antonyms as nouns
    (*success* / *failure*) or indirect antonyms through WordNet's adjective clusters
    (*enormous* / *minuscule*); ``copied``: the words of each version as written where it
    is not its own reading, which a word of the reading repeats only where the machine
    translation left it untranslated (a Spanish word read as the English word spelt alike:
    no evidence).
    Returns the two words with their offsets and whether the
    antonymy is direct."""
    tx, ty = word_tokens(x), word_tokens(y)
    anchors = _alignment(x, y)
    ax, ay = {i for i, _ in anchors}, {k for _, k in anchors}
    # the lemmas of the words of each reading with no counterpart in the other: a word
    # whose own lemma is free there is its counterpart (*nuevas y viejas ideas*)
    fx = {lem for n, t in enumerate(tx) if n not in ax for lem in lemmas(t[2])}
    fy = {lem for n, t in enumerate(ty) if n not in ay for lem in lemmas(t[2])}
    neg_before = _PIVOT.NEGATORS | _PIVOT.APPROXIMATE | _PIVOT.IMPLIED_WORDS
    negated_y: dict[int, bool] = {}  # per word of y, computed once for every word of x
    anchors_x, anchors_y = [i for i, _ in anchors], [k for _, k in anchors]
    for i, (sa, ea, w) in enumerate(tx):
        if i in ax or len(w) < 3 or w in _NOT_ANTONYMS or w in _PIVOT.NEGATORS or _degree(tx, i) \
                or lemmas(w) & fy:
            continue
        # a negator shortly before it in its clause (*not clear* / *unclear*), or a comparison
        # of inferiority (*less expensive* / *cheaper*)
        negated_w = not _litotes(tx, i) and (_negated_before(x, i, neg_before) or _inferior(tx, i))
        may_be_indirect = w not in copied[0] and _indirect_candidate(w)
        for k in _places_of(i, anchors_x, anchors_y, len(ty)):
            sb, eb, v = ty[k]
            if k in ay or len(v) < 3 or v in _NOT_ANTONYMS or v in _PIVOT.NEGATORS or _degree(ty, k) \
                    or lemmas(v) & fx:
                continue
            if k not in negated_y:
                negated_y[k] = not _litotes(ty, k) and (_negated_before(y, k, neg_before) or _inferior(ty, k))
            if negated_w != negated_y[k]:
                continue  # one of them negated: *not clear* / *unclear* (both: *does not want*)
            antonym = bool(antonyms(w) & lemmas(v))
            # WordNet's verb antonyms are often converses (come / go): weaker evidence
            direct = antonym and not any(
                frozenset((lem, a)) in verb_antonym_pairs() for lem in lemmas(w) for a in lemmas(v))
            if antonym and not direct and sim < VERB_ANTONYM_MATCH:
                continue  # a converse needs the rest to match closely
            if not antonym and not (may_be_indirect and v not in copied[1] and _indirect_candidate(v)):
                continue  # no antonyms, and no candidates for indirect ones
            indirect = None if antonym else indirect_antonyms(w, v, _attributive(tx, i) or _attributive(ty, k))
            if indirect == "verb" and (sim < VERB_ANTONYM_MATCH or _nominal(tx, i) or _nominal(ty, k)):
                # synonyms of a verb pair: converses too (*lent* / *borrowed*); and no verb
                # after a determiner (*few loans*, a noun)
                continue
            if indirect and indirect != "noun" and min(len(w), len(v)) < 4:
                continue  # a word of three letters (*out*) has adjective senses its use rarely has
            if (antonym or indirect) and _corresponds(x, i, y, k) and not same(w, v) \
                    and not _converse_degrees(tx, i, ty, k):
                return (w, (sa, ea)), (v, (sb, eb)), direct
    return None


def _places_of(i: int, anchors_x: list[int], anchors_y: list[int], m: int) -> list[int]:
    """The words of the other reading (of ``m``) that :func:`_corresponds` may tie to word
    ``i`` (not itself an anchor), in order: those within two words of the counterpart of
    an anchor within two words of ``i``, and those between the counterparts of the two
    anchors around ``i`` (its gap). Only these are compared with ``i``, so a long pair
    costs its length times the width of a gap, not the product of its lengths."""
    gap = bisect_right(anchors_x, i)
    lo = anchors_y[gap - 1] + 1 if gap else 0
    hi = anchors_y[gap] if gap < len(anchors_y) else m
    near = {k for n in range(max(0, gap - 3), min(len(anchors_x), gap + 3)) if abs(anchors_x[n] - i) <= 2
            for k in range(max(0, anchors_y[n] - 2), min(m, anchors_y[n] + 3))}
    return sorted(near.union(range(lo, hi)))


def _degree_forms(toks: Sequence[Token], i: int) -> tuple[str, frozenset[str]] | None:
    """The comparison word ``i`` of an English reading says, with the base forms of the
    quality it compares: ``("inferior", {serious})`` for *less / least serious*,
    ``("superior", {grave})`` for *graver*, *gravest* or *more / most grave* (WordNet's
    adjectives and adverbs; an inflected form whose base WordNet gives no such class, *forest*,
    is none); None for any other word. A comparison a negator turns round (*no less*, *not
    less*) is none either."""
    w = toks[i][2]
    prev = toks[i - 1][2] if i else ""
    if prev in _PIVOT.NEGATORS:
        return None
    if i and prev in _PIVOT.INFERIOR_DEGREE | _PIVOT.SUPERIOR_DEGREE:
        if toks[i - 2][2] in _PIVOT.NEGATORS if i >= 2 else False:
            return None
        forms = frozenset(b for b in base_forms(w) if is_quality(b))
        if forms:
            return ("inferior" if prev in _PIVOT.INFERIOR_DEGREE else "superior"), forms
        return None
    if listed_quality(w) is False:
        return None  # a word WordNet lists only as a noun or verb (*number*, *forest*)
    bases = set(irregular_bases(w))  # irregular forms (*worse*, *best*)
    for suf, rep in _PIVOT.DEGREE_SUFFIXES:
        root = w[:-len(suf)]
        if w.endswith(suf) and len(root) >= 3:
            bases.add(root + rep)
            if not rep and root[-1] == root[-2]:
                bases.add(root[:-1])  # a doubled consonant: *bigger* -> *big*
    forms = frozenset(b for b in bases if is_quality(b))
    return ("superior", forms) if forms else None


def _opposed_qualities(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two sets of base forms that name opposite qualities, directly or through WordNet's
    clusters (*expensive* / *cheap*): *less expensive* and *cheaper* say one thing."""
    return any(antonyms(x) & b for x in a) or any(antonyms(y) & a for y in b) \
        or any(indirect_antonyms(x, y, True) for x in a for y in b)


def _converse_degrees(ta: Sequence[Token], i: int, tb: Sequence[Token], k: int) -> bool:
    """Words ``i`` of ``ta`` and ``k`` of ``tb`` are opposite degree words before opposite
    qualities (*more distant* / *less close*, *less expensive* / *more affordable*): the
    two comparisons say one thing (Quirk et al. §7.74)."""
    degree = _PIVOT.INFERIOR_DEGREE | _PIVOT.SUPERIOR_DEGREE
    if ta[i][2] not in degree or tb[k][2] not in degree or i + 1 >= len(ta) or k + 1 >= len(tb):
        return False
    qa = frozenset(b for b in base_forms(ta[i + 1][2]) if is_quality(b))
    qb = frozenset(b for b in base_forms(tb[k + 1][2]) if is_quality(b))
    return bool(qa and qb) and _opposed_qualities(qa, qb)


def _degree_reversal(x: str, y: str) -> tuple[tuple[str, Span], tuple[str, Span], bool] | None:
    """A comparison of inferiority in one English reading where the other has one of
    superiority at the same place (*the least serious violation* / *the gravest violation*,
    *more firmly* / *less firmly*, *firmer* / *less assertive*): one version says the
    opposite degree (Quirk et al. §7.74), unless the two qualities are opposites
    (*cheaper* / *less expensive* say one thing). Returns the two phrases with their
    offsets and whether the quality is the same word (else a synonym, or another word the
    translation put in its place: weaker evidence)."""
    tx, ty = word_tokens(x), word_tokens(y)
    if not (any(t[2] in _PIVOT.INFERIOR_DEGREE for t in tx) or any(t[2] in _PIVOT.INFERIOR_DEGREE for t in ty)):
        return None
    found_y = [(k, f) for k in range(len(ty)) for f in [_degree_forms(ty, k)] if f]
    if not found_y:
        return None
    for i in range(len(tx)):
        fx = _degree_forms(tx, i)
        if not fx:
            continue
        for k, fy in found_y:
            if fx[0] == fy[0] or _opposed_qualities(fx[1], fy[1]) or not _corresponds(x, i, y, k):
                continue
            sx = tx[i - 1][0] if tx[i - 1][2] in _PIVOT.INFERIOR_DEGREE | _PIVOT.SUPERIOR_DEGREE and i else tx[i][0]
            sy = ty[k - 1][0] if ty[k - 1][2] in _PIVOT.INFERIOR_DEGREE | _PIVOT.SUPERIOR_DEGREE and k else ty[k][0]
            return (x[sx:tx[i][1]], (sx, tx[i][1])), (y[sy:ty[k][1]], (sy, ty[k][1])), bool(fx[1] & fy[1])
    return None


def _indirect_candidate(word: str) -> bool:
    """A content word that may stand in an indirect antonym pair: three letters or more
    (*son* / *daughter*), not a function word, not a numeral (WordNet's *ordinal* and
    *cardinal* clusters make *thirteenth* / *thirteen* indirect antonyms; numbers are the
    number check's)."""
    return len(word) >= 3 and word not in _PIVOT.NEGATORS and word not in _PIVOT.CONTENT_STOP \
        and word not in _PIVOT.ARTICLES and not _numeral(word)


_ROMAN_WORD = re.compile(r"(?=[ivxl])x{0,3}(?:ix|iv|v?i{0,3})")


def _numeral(word: str) -> bool:
    """A number word of the pivot language (a cardinal, an ordinal, a cardinal with an
    ordinal suffix: *thirteenth*, *twentieth*) or a Roman numeral (*xiii*)."""
    numbers = lang.get(lang.PIVOT).numbers
    if word in numbers.CARDINALS or word in numbers.ORDINALS or _ROMAN_WORD.fullmatch(word):
        return True
    for suffix in numbers.ORDINAL_SUFFIXES:
        stem = word[:-len(suffix)] if word.endswith(suffix) else ""
        if stem in numbers.CARDINALS or (stem.endswith("ie") and stem[:-2] + "y" in numbers.CARDINALS):
            return True
    return False


def _attributive(toks: Sequence[Token], i: int) -> bool:
    """Word ``i`` of ``toks`` comes right after an article or a possessive determiner (*the
    advanced stage*): an inflected verb form there stands as an adjective."""
    return i > 0 and toks[i - 1][2] in _PIVOT.ARTICLES


def _inferior(toks: Sequence[Token], i: int) -> bool:
    """Word ``i`` of ``toks`` is compared in the degree of inferiority (*less expensive*,
    *least serious*), which says the superior degree of its antonym (*cheaper*): like a
    negated word, it is no evidence against its antonym."""
    return i > 0 and toks[i - 1][2] in _PIVOT.INFERIOR_DEGREE


def _litotes(toks: Sequence[Token], i: int) -> bool:
    """Word ``i`` of ``toks`` follows a negated degree of inferiority (*no less rational*,
    *not less clear*): the negator negates the degree, and the phrase says the word itself
    (at least as rational), not its negation."""
    return i >= 2 and toks[i - 1][2] in _PIVOT.INFERIOR_DEGREE and toks[i - 2][2] in _PIVOT.NEGATORS


def _negated_near(toks: Sequence[Token], i: int, negators: frozenset[str]) -> bool:
    """Word ``i`` of ``toks`` is said negatively: one of ``negators`` among the four words
    before it, or the degree of inferiority (:func:`_inferior`); but *no less X* says X
    (:func:`_litotes`)."""
    if _litotes(toks, i):
        return any(t[2] in negators for t in toks[max(0, i - 4):i - 2])
    return any(t[2] in negators for t in toks[max(0, i - 4):i]) or _inferior(toks, i)


def _nominal(toks: Sequence[Token], i: int) -> bool:
    """Word ``i`` of ``toks`` comes right after a determiner (an article, a possessive, a
    demonstrative or a quantifier: *few loans*): it stands in a noun phrase, not as a verb."""
    return i > 0 and (toks[i - 1][2] in _PIVOT.ARTICLES or toks[i - 1][2] in _PIVOT.DETERMINERS)


def _inside(at: tuple[int, int] | None, spans: Sequence[tuple[int, int]]) -> bool:
    return at is not None and any(a <= at[0] < b for a, b in spans)


def _prefixed(word: str) -> set[str]:
    """The base of an English word made negative by an affix (``unimportant`` ->
    ``{important}``), else an empty set."""
    base = affixal_negative(word)
    return {base} if base else set()


def _pick(found: list[tuple[int, int, bool]]) -> tuple[int, int]:
    """The negation to show: the last explicit one (``not`` of ``not free of``), else the
    last implied one."""
    explicit = [f for f in found if not f[2]]
    a, b, _ = (explicit or found)[-1]
    return a, b


def _negative_in_other_words(text: str, language: str, pivot: str, negated: str) -> bool:
    """The version without the negation says it another way (weaker evidence only: where
    the negated claim has no counterpart): a verb whose complement is not the case
    (*dejar de*, *failed to*), an approximate negator
    (``hardly``, ``poco``), or a word made negative by an affix (``unaware`` against ``would
    not know``, ``roadless`` against ``sin camino``). The prefixes *dis- / des-* mostly
    reverse an action rather than negate a quality (*disappear*, *desaparecer*, *discover*;
    RAE-ASALE §10.8, Quirk et al. App. I.21): such a word counts only when the negated
    version negates its base (``disagree`` against ``not agree``; the base is looked for by
    its five-letter stem in the negated version as written and in its English reading), so
    ``desaparecer`` against ``never collapse`` is no such evidence."""
    if NEGATIVE_VERBS.search(text):
        return True  # "dejar de reconocer" / "no longer recognize"
    approx = profile(language).APPROXIMATE
    for _, _, w in tokens(_NOT_APPROXIMATE.sub(" ", text)):
        if w in approx:
            return True
    stems = {fold(w)[:5] for _, _, w in tokens(negated) if len(w) >= 4}
    for t, code in ((text, language), (pivot, lang.PIVOT)):
        for _, _, w in tokens(t):
            base = affixal_negative(w, code)
            if base and (not w.startswith(_REVERSATIVE) or fold(base)[:5] in stems):
                return True
    return False


def _explicit(found: Sequence[tuple[int, int, bool]], text: str) -> list[tuple[int, int, bool]]:
    """The negations of ``text`` (found by :func:`negated_clauses`) that negate a clause's
    claim: an explicit negator (*not*, *no*, *never*). An implied one (*sin litoral* =
    *landlocked*, *without any trust*) negates only its complement, so it never makes a
    reversal on its own; it still counts where it says the other version's negation in
    other words (:func:`_negated_at`). An explicit negator that negates an implied negation
    right after it (*not free of*, *not without*: a double negative) says the positive and is
    left out."""
    out: list[tuple[int, int, bool]] = []
    for k, (a, b, imp) in enumerate(found):
        if imp:
            continue
        nxt = found[k + 1] if k + 1 < len(found) else None
        if nxt is not None and nxt[2] and not text[b:nxt[0]].strip():
            continue
        out.append((a, b, imp))
    return out


# --- word correspondence between the two English readings ------------------------------

def _key(word: str) -> str:
    return stem(fold(word))


@lru_cache(maxsize=65536)
def _keys(word: str) -> frozenset[str]:
    """The stems a word meets another by: its own and its lemmas' (``took`` / ``take``)."""
    return frozenset({_key(word)} | {_key(lem) for lem in lemmas(word)})


@lru_cache(maxsize=65536)
def _anchorable(word: str) -> bool:
    """A content word that can tie the two readings together (function words would tie
    unrelated places): four letters or more, or a word of three that the lexicon gives as
    an open-class word and WordNet knows (*age*, *son*, *war*: not *the*, *his*)."""
    if word in _PIVOT.NEGATORS or word in _PIVOT.CONTENT_STOP or len(word) < 3:
        return False
    if len(word) >= 4:
        return True
    lexicon = get_lexicon()
    return bool(lexicon is not None and lexicon.keys(word, lang.PIVOT) and is_quality(word) is not None)


@lru_cache(maxsize=1024)
def _alignment(x: str, y: str) -> tuple[tuple[int, int], ...]:
    """The word alignment of two English readings: the longest order-keeping sequence of
    token pairs (indices into :func:`word_tokens`) whose content words share a stem or a
    lemma. A translation keeps the order of most of its content words, so these anchors
    say which stretch of one reading renders which stretch of the other. Of two sequences
    equally long, the one whose pairs lie nearer the same relative place of the two
    readings is taken (a word said twice, *first* in *the first stretch ... widened for the
    first time*, is tied to its own place)."""
    tx, ty = word_tokens(x), word_tokens(y)
    ix = [i for i, t in enumerate(tx) if _anchorable(t[2])]
    iy = [k for k, t in enumerate(ty) if _anchorable(t[2])]
    kx = [_keys(tx[i][2]) for i in ix]
    ky = [_keys(ty[k][2]) for k in iy]
    n, m = len(ix), len(iy)
    # a pair scores SCALE less its distance in relative place (0-100): the number of pairs
    # comes first, the distance decides between sequences equally long
    scale = 101 * (min(n, m) + 1)
    if n * m > _FULL_TABLE:
        return _banded_alignment(tx, ty, ix, iy, kx, ky, scale)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        row, below = table[a], table[a + 1]
        for b in range(m - 1, -1, -1):
            best = max(below[b], row[b + 1])
            if kx[a] & ky[b]:
                best = max(best, below[b + 1] + scale - _distance(ix[a], len(tx), iy[b], len(ty)))
            row[b] = best
    return _trace(lambda a, b: table[a][b], tx, ty, ix, iy, kx, ky, scale)


def _banded_alignment(tx: Sequence[Token], ty: Sequence[Token], ix: list[int], iy: list[int],
                      kx: list[frozenset[str]], ky: list[frozenset[str]], scale: int) -> tuple[tuple[int, int], ...]:
    """:func:`_alignment` for a pair too long for the full table (a unit of a translation
    file holding thousands of words): the same search within a band of :data:`_BAND` cells
    either side of the diagonal, so its cost stays linear in the pair's length; a cell
    outside the band holds 0 (no anchor is sought there)."""
    n, m = len(ix), len(iy)
    lows = [max(0, (a * m) // n - _BAND) for a in range(n + 1)]
    highs = [min(m, (a * m) // n + _BAND) for a in range(n + 1)]
    table = [dict.fromkeys(range(lows[a], highs[a] + 1), 0) for a in range(n + 1)]

    def at(a: int, b: int) -> int:
        return table[a].get(b, 0)

    for a in range(n - 1, -1, -1):
        row = table[a]
        for b in range(min(highs[a], m - 1), lows[a] - 1, -1):
            best = max(at(a + 1, b), at(a, b + 1))
            if kx[a] & ky[b]:
                best = max(best, at(a + 1, b + 1) + scale - _distance(ix[a], len(tx), iy[b], len(ty)))
            row[b] = best
    return _trace(lambda a, b: table[a].get(b), tx, ty, ix, iy, kx, ky, scale)


def _trace(cell: Callable[[int, int], int | None], tx: Sequence[Token], ty: Sequence[Token], ix: list[int],
           iy: list[int], kx: list[frozenset[str]], ky: list[frozenset[str]],
           scale: int) -> tuple[tuple[int, int], ...]:
    """The anchor pairs read back from a filled alignment table (``cell(a, b)``: its value,
    None for a cell outside a band, which counts as 0), from its first cell to its last."""
    def at(a: int, b: int) -> int:
        return cell(a, b) or 0

    n, m = len(ix), len(iy)
    out, a, b = [], 0, 0
    while a < n and b < m:
        if kx[a] & ky[b] and cell(a, b) is not None and \
                at(a, b) == at(a + 1, b + 1) + scale - _distance(ix[a], len(tx), iy[b], len(ty)):
            out.append((ix[a], iy[b]))
            a, b = a + 1, b + 1
        elif at(a + 1, b) >= at(a, b + 1):
            a += 1
        else:
            b += 1
    return tuple(out)


# the cells of the largest word-alignment table computed in full (two sentences of 250
# content words), and the half-width of the band searched beyond it
_FULL_TABLE = 250 * 250
_BAND = 125


def _distance(i: int, n: int, k: int, m: int) -> int:
    """How far apart word ``i`` of ``n`` and word ``k`` of ``m`` lie in their readings, in
    hundredths of a reading's length."""
    return round(100 * abs(i / n - k / m))


def _corresponds(x: str, i: int, y: str, k: int) -> bool:
    """Word ``i`` of reading ``x`` and word ``k`` of reading ``y`` render the same place:
    they lie next to one anchor (within two words on the same side of it, or right beside
    it on either side: *crisis enorme* / *enormous crisis*), or between the same two
    anchors at about the same place among the content words there."""
    anchors = _alignment(x, y)
    if any(ax == i and ay == k for ax, ay in anchors):
        return True
    # next to one anchor: on the same side of it, or right beside it on either side
    # (*crisis enorme*, read *enormous crisis*)
    if any(((ax - i) * (ay - k) > 0 and abs(ax - i) <= 2 and abs(ay - k) <= 2)
           or (abs(ax - i) == 1 and abs(ay - k) == 1) for ax, ay in anchors):
        return True
    gap = sum(ax < i for ax, _ in anchors)
    if gap != sum(ay < k for _, ay in anchors):
        return False
    # the same gap: at about the same place in it (its content words taken in order)
    return abs(_place_in_gap(x, i, [ax for ax, _ in anchors], gap)
               - _place_in_gap(y, k, [ay for _, ay in anchors], gap)) <= 0.5


def _place_in_gap(text: str, i: int, anchors: list[int], gap: int) -> float:
    """Where word ``i`` lies among the content words between anchors ``gap - 1`` and
    ``gap`` of ``text`` (0 first, 1 last)."""
    toks = word_tokens(text)
    lo = anchors[gap - 1] + 1 if gap else 0
    hi = anchors[gap] if gap < len(anchors) else len(toks)
    words = [n for n in range(lo, hi) if _anchorable(toks[n][2]) or n == i]
    return words.index(i) / (len(words) - 1) if len(words) > 1 else 0.5


def _clause_of(text: str, at: int) -> tuple[int, int]:
    """The clause of ``text`` holding offset ``at`` (split as :mod:`concord.facts.polarity`
    splits clauses)."""
    starts, ends = _clause_marks(text)
    # the last mark ending at or before ``at``, and the first one starting after it
    k = bisect_right(ends, at)
    start = ends[k - 1] if k else 0
    j = bisect_right(starts, at)
    return start, (starts[j] if j < len(starts) else len(text))


@lru_cache(maxsize=256)
def _clause_marks(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The starts and ends of the clause marks of ``text``, once per text (a long
    sentence asks for the clause of each of its words)."""
    marks = [(m.start(), m.end()) for m in CLAUSE_SPLIT.finditer(text)]
    return tuple(a for a, _ in marks), tuple(b for _, b in marks)


def _negators_of(text: str, k: int, same_word: bool = False) -> list[int] | None:
    """What says word ``k`` of the English reading ``text`` negatively: the offsets of the
    negative words of its clause (a negation covers its clause, the subject too: *the name
    has not been revealed*), nearest first (explicit or
    implied: *without paying* / *no pagó*; also one that continues a negation: *neither
    can*), nearest first; an empty list when something else does (an approximate negator,
    *little*, *hardly*, or a verb of stopping, *stop*, *cease*, before it in its clause, or
    a word made negative by an affix next to it: *unaware* / *not aware*); None when it is
    said positively. A double negative (*not free of cars*) says the positive. With
    ``same_word`` the negated version has the word itself (*not indifferent* /
    *indifferent*): its affix then says nothing the other version lacks."""
    toks = word_tokens(text)
    a = toks[k][0]
    start, end = _clause_of(text, a)
    found = negated_clauses(text, lang.PIVOT)
    kept = {f[0] for f in _explicit(found, text)}
    cancelled = {f[0] for f in found if not f[2] and f[0] not in kept}
    effective = [f for n, f in enumerate(found) if f[0] not in cancelled
                 and not (f[2] and n and found[n - 1][0] in cancelled)]
    # the negative words of its clause, and its implied negations before it (*without*
    # negates only its complement: *continue without fail* says *continue* positively);
    # a word that continues a negation (*not ... neither ... neither*) counts only where
    # the clause has nothing else (*neither can*, after a negated clause; *neither forget
    # neither pardon*)
    fixed = not_negating(text)  # *not only*, *no only* negate nothing
    words = [t for t in toks if t[2] in _PIVOT.NEGATORS and t[0] not in cancelled and start <= t[0] < end
             and not any(fa <= t[0] < fb for fa, fb in fixed)]
    negative = [t[0] for t in words if t[2] not in _PIVOT.CONTINUERS] + \
        [f[0] for f in effective if f[2] and start <= f[0] < a]
    if not negative:
        negative = [t[0] for t in words]
    near = sorted(negative, key=lambda x: abs(x - a))
    if near:
        return near
    masked = _NOT_APPROXIMATE.sub(lambda m: " " * len(m.group(0)), text)
    before = [t for t in toks[:k] if t[0] >= start]
    if any(t[2] in _PIVOT.APPROXIMATE and masked[t[0]:t[1]].strip() for t in before):
        return []
    if any(start <= m.start() < a for m in NEGATIVE_VERBS.finditer(text)):
        return []
    around = [t for t in toks[max(0, k - 3):k + 4] if start <= t[0] < end]
    if any(affixal_negative(t[2]) is not None and not t[2].startswith(_REVERSATIVE)
           and not (same_word and t[0] == toks[k][0]) for t in around):
        return []  # dis- mostly reverses an action (*disappear*): see _unmatched_negation
    return None


def _unmatched_negation(neg: str, plain: str) -> bool | None:
    """A negation of the English reading ``neg`` whose claim the reading ``plain`` makes
    without negating it. For each explicit negation, the content words after it in its
    clause (up to four) are followed to the first one that has a counterpart in ``plain``
    (:func:`_alignment`); the negation is matched when that counterpart is said negatively
    there by a negation no earlier negation was matched to (:func:`_negators_of`; one
    negation of ``plain`` cannot answer two of ``neg``: *I didn't realize this was not
    going to be* / *no me di cuenta de que iba a ser*), or when a word before it in the
    negated scope has its antonym in the counterpart's clause (litotes: *not long after* /
    *shortly after*) or is the base of a word made negative by an affix there (*not agree*
    / *disagree*, *not safe* / *unsafe*). A negator right before a word made negative by
    an affix says the base (*not unprecedented*): where the other reading negates that base
    (*there are not precedents*), the two say opposite things. A negation whose claim has
    no counterpart is no evidence: the other version says something else there (a
    reworded or restructured sentence, an omission).
    Returns True (an unmatched negation), False (every negation whose claim has a
    counterpart is matched there) or None (no claim has a counterpart)."""
    toks, other = word_tokens(neg), word_tokens(plain)
    anchored = dict(_alignment(neg, plain))
    result: bool | None = None
    used: set[int] = set()
    for a, _, _ in _explicit(negated_clauses(neg, lang.PIVOT), neg):
        j = next((i for i, t in enumerate(toks) if t[0] == a), None)
        if j is None:
            continue
        _, end = _clause_of(neg, a)
        skipped: list[str] = []
        for i in range(j + 1, len(toks)):
            if toks[i][0] >= end or len(skipped) > 4:
                break
            w = toks[i][2]
            if i not in anchored or len(w) < 4:
                # a word of three letters (*say*) ties places but says too little to be the claim
                if _anchorable(w):
                    skipped.append(w)
                continue
            k = anchored[i]
            c_start, c_end = _clause_of(plain, other[k][0])
            in_clause = [t[2] for t in other if c_start <= t[0] < c_end]
            clause = {_key(t) for t in in_clause}
            bases = {_key(base) for t in in_clause for base in [affixal_negative(t)] if base}
            double = skipped[:1] and affixal_negative(skipped[0])
            if double and _key(double) in clause and _negators_of(plain, k) is not None:
                return True  # *not unprecedented* (= has precedents) / *no hay precedentes*
            if any(_key(ant) in clause for u in skipped for ant in antonyms(u)) \
                    or any(_key(u) in bases for u in skipped):
                result = False
                break
            negators = _negators_of(plain, k, same_word=_key(w) == _key(other[k][2]))
            free = None if negators is None else [x for x in negators if x not in used]
            if free is None or (negators and not free):
                return True
            used.update(free[:1])
            result = False
            break
    return result


# comparatives a degree word may modify (Quirk et al. §7.83: "far fewer", "many more",
# "much less"): the degree word then says how much, not what
_COMPARATIVES = _PIVOT.COMPARATIVES
# Determiners and deictic adverbs (closed classes, Quirk et al. ch. 5 and §7.58): WordNet
# gives some of them antonyms (some / no, here / there), but they change reference, not
# polarity.
_NOT_ANTONYMS = _PIVOT.NOT_ANTONYMS


def _degree(toks: Sequence[Token], i: int) -> bool:
    """Word ``i`` of ``toks`` modifies the comparative after it (``many`` of ``many less``)."""
    return i + 1 < len(toks) and toks[i + 1][2] in _COMPARATIVES


@lru_cache(maxsize=1024)
def _lemma_profile(text: str) -> tuple[tuple[Token, ...], frozenset[str], frozenset[str]]:
    """The tokens of an English text, the lemmas of its words, and the antonyms of its
    words of three letters or more: what :func:`_antonym_pair` compares, once per text."""
    toks = word_tokens(text)
    lems = frozenset(lem for _, _, w in toks for lem in lemmas(w))
    ants = frozenset(a for _, _, w in toks if len(w) >= 3 for a in antonyms(w))
    return toks, lems, ants


def _spanish_words(text: str, language: str) -> list[frozenset[str]] | None:
    """The lexicon keys (English stems) of each word of a version written in a language the
    bilingual lexicon reads; None for the pivot language or without the lexicon."""
    if language == lang.PIVOT:
        return None
    lexicon = get_lexicon()
    if lexicon is None:
        return None
    out = []
    for _, _, w in word_tokens(text):
        keys = lexicon.keys(w, language)
        if keys:
            out.append(keys)
    return out


def _same_in_lexicon(w: str, v: str, other: tuple[str, str, str], this: tuple[str, str, str]) -> bool:
    """Whether the bilingual lexicon (:mod:`concord.lexicon`) shows that the antonyms ``w``
    (a word of the reading of version ``this``) and ``v`` (of the reading of ``other``) do
    not render one word. Each version is (text as written, language, English reading); a
    version written in the pivot language is its own reading, and the word alignment of
    the two readings (:func:`_alignment`) says which words are already accounted for:

    * the other version, as written, has a word that translates ``w`` itself and whose
      rendering in its reading has no counterpart yet (so it is ``w``'s);
    * every word of the version that ``v`` can translate (the source of ``v`` in the
      machine translation) is rendered in the English version by some other word that
      has no counterpart yet (*stay away* / *mantenerse alejados*, read *maintained move*:
      *alejados* is *away* there, and *move* is not where *stay* is).

    A word the lexicon translates by both words of the pair (*hijo*: *son*,
    *daughter*) tells neither and is left out."""
    anchors = _alignment(this[2], other[2])
    free = {this[2]: _free_keys(this[2], {i for i, _ in anchors}),
            other[2]: _free_keys(other[2], {k for _, k in anchors})}
    for (text, code, reading), word, opposite in ((other, w, this), (this, v, other)):
        keys = _spanish_words(text, code)
        if keys:  # a word the lexicon translates by both (*hijo*: *son*, *daughter*) tells neither
            keys = [k for k in keys if not (k & _keys(w) and k & _keys(v))]
        if keys and any(k & _keys(word) and k & free[reading] for k in keys):
            return True  # that version says the word itself, where nothing else renders it
        if not keys:
            continue
        other_word = v if word == w else w
        sources = [k for k in keys if k & _keys(other_word)]
        rendered = free[opposite[2]] - _keys(word)
        if sources and all(k & rendered for k in sources):
            return True
    return False


def _free_keys(reading: str, anchored: set[int]) -> set[str]:
    """The stems of the content words of ``reading`` that have no counterpart in the other
    reading (``anchored``: the indices of those that have)."""
    return {_key(t[2]) for n, t in enumerate(word_tokens(reading)) if n not in anchored and _anchorable(t[2])}


def _antonym_pair(ta: Sequence[Token], tb: Sequence[Token], sim: float = 1.0,
                  lemma_sets: tuple[frozenset[str], frozenset[str]] | None = None,
                  readings: tuple[str, str] | None = None, same: Callable[[str, str], bool] | None = None
                  ) -> tuple[tuple[str, Span], tuple[str, Span]] | None:
    """A word of ``ta`` whose antonym is in ``tb`` at the same place, neither side having
    both, and the antonym not itself negated (``not clear`` / ``little ethical`` say
    ``unclear`` / ``unethical``). ``lemma_sets``: the lemmas of ``ta`` and ``tb``, where
    known; ``readings``: the two texts ``ta`` and ``tb`` are the tokens of, whose word
    alignment must put the two words at one place (:func:`_corresponds`: *stay away* /
    *mantenerse alejados* read *maintained move* has *move* where *away* is, not where
    *stay* is). Negators are left to the negation rule (*ever* / *nunca*)."""
    if lemma_sets is None:
        lemma_sets = (frozenset(lem for _, _, w in ta for lem in lemmas(w)),
                      frozenset(lem for _, _, w in tb for lem in lemmas(w)))
    la, lb = lemma_sets
    words_b = {w for _, _, w in tb}
    # a negator, an approximate negator or a one-word implied negation ("lack of approval")
    neg_before = _PIVOT.NEGATORS | _PIVOT.APPROXIMATE | _PIVOT.IMPLIED_WORDS
    for i, (sa, ea, w) in enumerate(ta):
        if len(w) < 3 or w in words_b or w in _NOT_ANTONYMS or lemmas(w) & lb \
                or _degree(ta, i) or w in _PIVOT.NEGATORS:
            continue
        if _negated_near(ta, i, neg_before):
            continue  # "not clear" against "unclear", "less expensive" against "cheaper"
        for ant in antonyms(w):
            if ant not in lb or ant in la or ant in _NOT_ANTONYMS or ant in _PIVOT.NEGATORS:
                continue
            if sim < VERB_ANTONYM_MATCH and any(
                    frozenset((lem, ant)) in verb_antonym_pairs() for lem in lemmas(w)):
                continue
            for k, (sb, eb, x) in enumerate(tb):
                if ant in lemmas(x) and not _degree(tb, k) \
                        and not _negated_near(tb, k, neg_before) and not _converse_degrees(ta, i, tb, k) \
                        and (readings is None or _corresponds(readings[0], i, readings[1], k)) \
                        and (same is None or not same(w, x)):
                    return (w, (sa, ea)), (x, (sb, eb))
    return None


# --- shared by the meaning and quote checks ------------------------------------------

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
    text, pivot_text = " ".join(s.text for s in ss), " ".join(s.pivot_text for s in ss)
    if side.doc.prealigned:  # a software string: its placeholders are no words (offsets keep)
        # imported here: importing the check module at the top would register the checks
        # in another order than concord.checks lists them
        from .placeholders import masked

        text, pivot_text = masked(text), masked(pivot_text)
    return text, pivot_text, lang, quoted


def bead_reversal(pair: Pair, bead: Bead) -> Reversal | None:
    """Polarity evidence of a matched bead, computed once for the quote and meaning checks."""
    key = ("reversal", tuple(bead.a), tuple(bead.b))
    if key not in pair.cache:
        rev = None
        if bead.a and bead.b:
            ta, pa, la, qa = _bead_text(pair.A, bead.a, pair.pivot)
            tb, pb, lb, qb = _bead_text(pair.B, bead.b, pair.pivot)
            rev = reversal(ta, la, pa, tb, lb, pb, qa, qb)
        pair.cache[key] = rev
    cached: Reversal | None = pair.cache[key]
    return cached


def quote_at(side: DocumentFacts, sents: list[int], at: Span | None) -> Fact | None:
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


def antonym_in_quote(pair: Pair, bead: Bead) -> Reversal | None:
    """A WordNet antonym inside a quote at the place of its counterpart in the other
    version (``worse`` where the other says ``better``), where the rest of the two
    sentences matches only loosely (content-word Dice from ``QUOTED_MATCH`` = 0.1 up to
    ``ANTONYM_MATCH`` = 0.45, below which :func:`reversal` does not weigh a plain
    antonym). Quoted speech is rendered closely, but idiom inside it shares few words
    with machine translation, so the words around the pair are a weak guide there: a
    warning (``confident`` False), found by the same word alignment and lexicon tests as
    a reversal (a word the lexicon places elsewhere, a negated antonym or a sentence
    holding both words is no evidence). For the quote check, when :func:`bead_reversal`
    finds nothing."""
    ta, pa, la, qa = _bead_text(pair.A, bead.a, pair.pivot)
    tb, pb, lb, qb = _bead_text(pair.B, bead.b, pair.pivot)
    if not (qa or qb):
        return None
    sim = similarity(pa, pb)
    if not QUOTED_MATCH <= sim < ANTONYM_MATCH:
        return None
    toks_a, lem_a, ant_a = _lemma_profile(pa)
    toks_b, lem_b, ant_b = _lemma_profile(pb)
    va, vb = (ta, la, pa), (tb, lb, pb)
    for swap in (False, True):
        if not (ant_b & lem_a if swap else ant_a & lem_b):
            continue  # no word of this reading has an antonym in the other
        this_v, other_v = (vb, va) if swap else (va, vb)

        def same(w: str, v: str, this_v: tuple[str, str, str] = this_v,
                 other_v: tuple[str, str, str] = other_v) -> bool:
            return _same_in_lexicon(w, v, other_v, this_v)

        found = _antonym_pair(toks_b if swap else toks_a, toks_a if swap else toks_b, sim,
                              (lem_b, lem_a) if swap else (lem_a, lem_b), (this_v[2], other_v[2]), same)
        if not found:
            continue
        (wx, at_x), (wy, at_y) = found
        # offsets in each side's own text (the reading is the text for the pivot language)
        span_x = at_x if this_v[2] == this_v[0] else None
        span_y = at_y if other_v[2] == other_v[0] else None
        if not (_inside(span_x, qb if swap else qa) or _inside(span_y, qa if swap else qb)):
            continue
        if swap:
            return Reversal("antonym", (wy, wx), span_y, span_x, sim, confident=False)
        return Reversal("antonym", (wx, wy), span_x, span_y, sim, confident=False)
    return None


def reversal_in_quote(pair: Pair, bead: Bead, rev: Reversal) -> bool:
    """The evidence lies inside a quote; or it lies on a side that quotes nothing while the
    other side quotes most of the sentence (translators often drop quotation marks)."""
    A, B = pair.A, pair.B
    if quote_at(A, bead.a, rev.at_a) is not None or quote_at(B, bead.b, rev.at_b) is not None:
        return True
    for side, sents, other, theirs, at in ((A, bead.a, B, bead.b, rev.at_a), (B, bead.b, A, bead.a, rev.at_b)):
        if at is not None and not side.all(side.quotes, sents):
            length = sum(len(other.doc.sentences[i].text) for i in theirs)
            if any(len(str(q.value)) >= 0.5 * length for q in other.all(other.quotes, theirs)):
                return True
    return False


def reversal_message(pair: Pair, rev: Reversal, head: str) -> str:
    wa, wb = rev.words
    a, b = pair.A.doc.id, pair.B.doc.id
    if rev.kind == "negation":
        neg, doc, plain = (wa, a, b) if wa else (wb, b, a)
        return f"{head}: {doc} negates it ({neg!r}), {plain} does not."
    return f"{head}: {a} says {wa!r} where {b} says {wb!r} (antonyms)."
