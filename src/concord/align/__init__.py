"""Sentence alignment of two versions of a story.

The model scores every bead (a group of neighbouring sentences of A linked to a group of
neighbouring sentences of B) by a log probability, and a dynamic programme finds the
monotonic sequence of beads with the highest total (beads 1-1, 1-2, 2-1, 1-3, 3-1, 1-0, 0-1,
in a band around the diagonal that widens when the best path comes near its edge). A
second pass links what is left, out of order: ``moved`` sentences (swapped neighbours, a
moved paragraph) and ``repeated`` ones (restating a sentence already aligned). What is
still unaligned is an ``omission`` (only in A) or an ``addition`` (only in B); a sentence
is reported once, never both omitted and moved or repeated.

Score of a bead = log prior of its type + log probability of its lengths + content
log-likelihood ratio:

* **Prior** (Gale & Church 1993, Table 5, measured on the Canadian Hansards): P(1-1) =
  0.89, P(1-0) = P(0-1) = 0.0099 / 2, P(2-1) = P(1-2) = 0.089 / 2. Gale & Church have no
  1-3 / 3-1 beads; each further merged sentence is taken to cost the same factor as the
  first one (P(1-3) = P(1-2) * P(1-2) / P(1-1)).
* **Length** (Gale & Church): with ``c`` the ratio of B's characters to A's over the two
  documents themselves (so Spanish/English, or English/English, needs no constant;
  re-estimated once on the matched sentences alone when it moved by more than
  ``RATIO_TOL``; that ratio counts the sentences one version lacks, and in a short story
  one extra sentence doubles it, so that no 1-1 bead fits or the wrong ones do: when the
  path matches at most half of the shorter version's sentences, it is also found from Gale
  & Church's own ``c = 1`` (re-estimated the same way), and the more likely of the two
  paths is kept) and the variance per character ``s2 = 6.8`` of Gale & Church, ``z = (lb
  - c la) / sqrt(s2 la)`` and the log of the two-tailed probability ``2 (1 - Phi(|z|))``.
  Lengths are those of the original texts, not of the translation.
* **Content**: each content word is a set of *keys*: the five-letter stems of its English
  translations in the Apertium lexicon (:mod:`concord.lexicon`; ``detenidos`` ->
  ``arres``, ``detai``...), of its English lemmas, and of itself (names, cognates), or
  ``#n`` for a number. A sentence's *bag* is the keys of its words plus those of its
  machine translation, so MT and the lexicon each add evidence. A word *hits* the other
  side when one of its keys is in the other side's bag. Under "these sentences translate
  each other" a word hits with probability ``p1``; under "unrelated" with ``q``, the share
  of the other document's sentences the word hits (Laplace's rule, ``(df + 1) / (N + 2)``:
  a rare word is strong evidence, a common one weak; a word with ``q >= p1`` is no
  evidence). Each word adds ``log(p1 / q)`` on a hit and ``log((1 - p1) / (1 - q))`` on a
  miss; the bead's content score is the mean of the two sides' sums. ``p1`` is estimated
  from the documents: the median, over sentences (an evenly spaced sample of at most 200
  per side, a cost bound), of the Laplace-smoothed share of words that hit their
  best-matching sentence on the other side.

Rules, each a consequence of the model rather than a tuned weight:

* A merged bead needs content on every merged sentence: each part has a word of its own
  (not a word of the other merged sentences: neighbours in one story share its topic
  words, and a headline restated by the next sentence shares all of them) hitting the
  other side's sentence, its own content score is not significantly against it (above
  ``log ALPHA``), and no part is a heading (a line without final punctuation stands
  alone in the layout).
* A 1-1 bead needs at least one word hit in the dynamic programme, so headings and short
  lines are not paired on position there. Pass 2 first links the moved sentences (below);
  then Gale-Church's gap rule realigns each gap of the path (the sentences still lone on
  both sides between two aligned beads) in order with the bead model without that rule
  (1-1, 1-0, 0-1): a pair whose words do not meet (a translation in other words than the
  lexicon's) is one bead when its prior, length and content score beat the priors of a
  1-0 and a 0-1 bead; a long pair without a common word stays apart, and a heading is
  paired on a word hit only. No gap is realigned when nothing is matched (the length
  ratio is then the whole documents', distorted by the sentences one version lacks).
* Pass 2 links a lone sentence out of order in two ways.

  - ``moved``, a lone sentence of A with a lone sentence of B, on the two-sided score
    (content + length): only when its likelihood ratio is above ``N / ALPHA`` for ``N``
    candidates (the lone sentences of the other side), which keeps the chance of a false
    link per sentence under ``ALPHA`` (the likelihood-ratio bound P(LR > t) <= 1 / t
    under the null, with Bonferroni's correction). A moved passage is a block: the lone
    neighbours of a moved pair, next to it on both sides, are linked with it as the
    dynamic programme links neighbours in order (1-1 prior, length and content against
    the two null beads' priors), not each on its own evidence against the document.
  - *restatement* (``repeated``, or ``moved`` when the other sentence is lone too), on
    the one-sided score of its own words (the other sentence may say more). The
    candidates are the other side's sentences within ``STORY`` sentences of the
    counterparts of its nearest linked neighbours (before and after it): the story
    around it. Without that bound the number of candidates grows with the document, and
    in a 1,000-sentence document of unrelated texts a lone sentence finds, by chance,
    some distant sentence sharing two rare words (13 of the 100 deleted sentences of
    ``pud-drop10`` were linked so). A word's chance rate is the larger of its rate over
    the document and over the story's other sentences (the sentences of one story share
    its names and topic words). The best candidate needs a likelihood ratio above 1, a hit
    rate not significantly below a translation's (binomial test at ``ALPHA`` against
    ``p1``), no number or quotation conflict (see :func:`_restated`), and it must be
    *identified*: its likelihood ratio beats every other candidate's (and that of a
    sentence its words do not hit) by ``1 / ALPHA``; by ``N / ALPHA`` for the story's
    ``N`` sentences when ``x`` is a sentence of running text and the candidate has its
    counterpart already (one version saying a thing twice is rare, while a headline
    restates its story: Bonferroni's correction of the identification). A sentence
    repeating an aligned sentence must also restate that sentence's partner in its own
    version (monolingual likelihood ratio above 1).
  - A lone sentence restating an aligned sentence of its own version (its twin) is
    ``repeated``, linked to the twin's counterpart, when the monolingual likelihood
    ratio, two-sided (a repetition says the same thing twice) and with the story's chance
    rates, is above ``N / ALPHA`` for the ``N`` sentences of its version, its share of
    words hitting the twin is a translation's (binomial test), and it brings no number its
    twin lacks (a new figure is not a repetition).

An omission or addition bead's score is the similarity of its sentence to the closest
sentence of the other version in the story around it (the share of its words hitting
it, as a match's score): 0 when nothing there carries its words (a confident omission),
near a translation's share when it may have a counterpart the aligner could not link.

Bead kinds: ``match``, ``omission`` (1-0), ``addition`` (0-1), ``moved``, ``repeated``
and ``heading``: a 1-0 / 0-1 heading (a short line: at most ``SHORT`` content words and no
final punctuation) that is layout rather than content, so no omission or addition is
reported for it. Either it states no facts (no number, every word known to the lexicon:
a section title of one version such as "Frequently asked questions"), or the other
version carries its content in several candidate sentences none of which is identified
(a section title summarising what both versions say).

Constants (all in :class:`AlignParams`, one configuration for every data set):

=============  ==========  ==========================================================
constant       value       source
=============  ==========  ==========================================================
``P_11``       0.89        Gale & Church (1993), Table 5
``P_10``       0.0099 / 2  Gale & Church (1993), Table 5 (1-0 and 0-1 share 0.0099)
``P_21``       0.089 / 2   Gale & Church (1993), Table 5 (2-1 and 1-2 share 0.089)
``P_31``       P21*P21/P11 each further merged sentence costs what the first one does
``S2``         6.8         Gale & Church (1993), section 4: variance per character
``ALPHA``      0.05        the conventional significance level (Fisher)
``SHORT``      4           news headlines run 3-4 content words: a line this short
                           without final punctuation is a heading
``STORY``      30          a long wire story: 600-800 words at 20-25 words a sentence
``BAND``       30          computational: the DP band doubles while the path touches it
``RATIO_TOL``  0.05        numerical tolerance for a second DP pass (its comment)
``p1``         estimated   from the two documents (median best hit rate)
``c``          estimated   from the two documents (character ratio)
=============  ==========  ==========================================================

Memory is linear in the documents: the DP keeps its last rows of scores and one byte of
back pointer per band cell, the bead memo is an array of doubles per band row (and, per row,
the columns where the rule allows a merged bead), a sentence's
hits are kept only while the band covers it, and pass 2 keeps no whole-document window
(a lone sentence's twin is looked for among the sentences its rarest words hit).

Lexicon constants (``VOCABULARY``, ``CLOSED_TAGS``) are documented in
:mod:`concord.lexicon`; the stop words used only without the lexicon are the closed-class
words of both grammars (``_STOP``).

The package's modules, in the order the aligner uses them:

* :mod:`.params`: the constants above (:class:`AlignParams`) and the bead shapes;
* :mod:`.sentences`: a sentence's keys, bag, length, numbers and heading flag;
* :mod:`.evidence`: lexical evidence, the content score of words against sentences;
* :mod:`.beads`: the bead model (prior + length + content) and its rules;
* :mod:`.dp`: the dynamic programme and Gale-Church's gap rule;
* :mod:`.moved`: pass 2, the moved, repeated and heading beads.
"""

from __future__ import annotations

from .. import lang
from ..document import Bead, BeadKind
from ..text import normalise_number  # noqa: F401  (re-exported)
from .beads import BeadModel
from .dp import best_path, best_path_scored, fill_gaps  # noqa: F401  (re-exported)
from .evidence import LexicalEvidence
from .moved import AMBIGUOUS, second_pass  # noqa: F401  (AMBIGUOUS: re-exported)
from .params import (  # noqa: F401  (the constants: re-exported)
    ALPHA,
    BAND,
    MOVES,
    P_10,
    P_11,
    P_21,
    P_31,
    RATIO_TOL,
    S2,
    SHORT,
    STORY,
    AlignParams,
)
from .sentences import Sent, sentence

# the parts' names from when the aligner was one module (the tests reach them so)
_MOVES, _Model, _Evidence, _dp, _sentence = MOVES, BeadModel, LexicalEvidence, best_path, sentence

__all__ = ["AlignParams", "align_documents", "align_texts"]


def _best(model: BeadModel, n: int, m: int, band: int) -> tuple[list[Bead], float]:
    """The best path from the model's length ratio, and its score: the band widened while
    the path touches its edge, and the ratio re-estimated once on the matched sentences
    alone (one version's extra paragraphs bias the whole-document ratio), when it moved by
    more than RATIO_TOL."""
    refit = True
    while True:
        model.set_band(band)
        beads, touched, score = best_path_scored(model, n, m, band)
        if touched and band < max(n, m):
            band *= 2
            continue
        if refit:
            refit = False
            la = sum(model.sa[i].length for bd in beads if bd.kind == "match" for i in bd.a)
            lb = sum(model.sb[j].length for bd in beads if bd.kind == "match" for j in bd.b)
            if la and lb and abs(lb / la - model.c) > RATIO_TOL * model.c:
                model.c = lb / la
                continue
        return beads, score


def _align(sa: list[Sent], sb: list[Sent], p: AlignParams) -> list[Bead]:
    n, m = len(sa), len(sb)
    if not n or not m:
        return ([Bead([i], [], 0.0, BeadKind.OMISSION) for i in range(n)]
                + [Bead([], [j], 0.0, BeadKind.ADDITION) for j in range(m)])
    model = BeadModel(sa, sb, p)
    beads, score = _best(model, n, m, p.band)
    # the whole-document length ratio counts the sentences one version lacks: in a short
    # story one extra sentence can double it and keep every translation apart (or pair the
    # wrong ones). When the path matches at most half of the shorter version's sentences,
    # the ratio is suspect, and the path found from Gale & Church's own ratio of 1 is kept
    # instead when it is more likely (maximum likelihood over the two starting points).
    matched = sum(len(bd.a) for bd in beads if bd.kind == "match")
    if abs(model.c - 1.0) > RATIO_TOL and 2 * matched <= min(n, m):
        fitted = model.c
        model.c = 1.0
        beads_1, score_1 = _best(model, n, m, p.band)
        if score_1 > score:
            beads = beads_1
        else:
            model.c = fitted
    model.end_dp()
    second_pass(beads, model)
    return beads


def align_texts(a_texts: list[str], b_texts: list[str], a_source: list[str] | None = None,
                b_source: list[str] | None = None, params: AlignParams | None = None,
                a_lang: str | None = None, b_lang: str | None = None,
                pivot_lang: str | None = lang.PIVOT) -> list[Bead]:
    """Align two lists of sentences given as pivot-language texts (and optional originals
    in ``a_lang`` / ``b_lang``): monotonic beads, then moved and repeated ones."""
    p = params or AlignParams()
    lex = None
    if p.lexicon:
        from ..lexicon import get_lexicon

        lex = get_lexicon()
    sa = [sentence(t, a_source[i] if a_source else None, a_lang, pivot_lang, lex)
          for i, t in enumerate(a_texts)]
    sb = [sentence(t, b_source[i] if b_source else None, b_lang, pivot_lang, lex)
          for i, t in enumerate(b_texts)]
    return _align(sa, sb, p)


def _doc_lang(doc) -> str | None:
    langs = {s.language for s in doc.sentences if s.language}
    if len(langs) == 1:
        return langs.pop()
    return getattr(doc, "language", None)


def align_documents(doc_a, doc_b, params: AlignParams | None = None) -> list[Bead]:
    """Align two segmented (and, where needed, translated) Documents."""
    def pivot_of(doc):
        for s in doc.sentences:
            if s.translation is None and s.language:
                return s.language
        return None

    pivot = pivot_of(doc_a) or pivot_of(doc_b) or lang.PIVOT
    return align_texts([s.pivot_text for s in doc_a.sentences],
                       [s.pivot_text for s in doc_b.sentences],
                       [s.text for s in doc_a.sentences], [s.text for s in doc_b.sentences],
                       params, a_lang=_doc_lang(doc_a), b_lang=_doc_lang(doc_b),
                       pivot_lang=pivot)
