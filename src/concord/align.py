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
  ``RATIO_TOL``) and the variance per character ``s2 = 6.8`` of Gale & Church, ``z = (lb
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

* A merged bead needs content on every merged sentence: each part has a word hitting the
  other side's sentence, and its own content score is not significantly against it
  (above ``log ALPHA``).
* A 1-1 bead needs at least one word hit, so headings and short lines are paired only on
  content, never on position. The one positional exception is Gale-Church's gap rule: a
  lone sentence on each side between two aligned beads is one bead when neither is a
  heading, their lengths agree (length probability above ``ALPHA``) and the content
  evidence is not significantly against it (above ``log ALPHA``).
* Pass 2 links a lone sentence out of order in two ways.

  - ``moved``, a lone sentence of A with a lone sentence of B, on the two-sided score
    (content + length): only when its likelihood ratio is above ``N / ALPHA`` for ``N``
    candidates (the lone sentences of the other side), which keeps the chance of a false
    link per sentence under ``ALPHA`` (the likelihood-ratio bound P(LR > t) <= 1 / t
    under the null, with Bonferroni's correction).
  - *restatement* (``repeated``, or ``moved`` when the other sentence is lone too), on
    the one-sided score of its own words (the other sentence may say more). The
    candidates are the other side's sentences within ``STORY`` sentences of the
    counterparts of its nearest linked neighbours (before and after it): the story
    around it. Without that bound the number of candidates grows with the document, and
    in a 1,000-sentence document of unrelated texts a lone sentence finds, by chance,
    some distant sentence sharing two rare words (13 of the 100 deleted sentences of
    ``pud-drop10`` were linked so). The best candidate needs a likelihood ratio above 1,
    a hit rate not significantly below a translation's (binomial test at ``ALPHA``
    against ``p1``), no number or quotation conflict (see :func:`_restated`), and it must
    be *identified*: its likelihood ratio beats every other candidate's (and that of a
    sentence its words do not hit) by ``1 / ALPHA``. A sentence repeating an aligned
    sentence must also restate that sentence's partner in its own version (monolingual
    likelihood ratio above 1).
  - A lone sentence restating an aligned sentence of its own version (its twin) is
    ``repeated``, linked to the twin's counterpart, when the monolingual likelihood
    ratio is above ``N / ALPHA`` for the ``N`` sentences of its version and it brings no
    number its twin lacks (a new figure is not a repetition).

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
"""

from __future__ import annotations

import math
import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from .document import Bead, BeadKind
from .text import STOP, WORD, SentenceFeatures, features, normalise_number  # noqa: F401  (normalise_number: re-exported)
from .text import fold as _fold
from .text import stem as _stem

# Gale & Church (1993), "A program for aligning sentences in bilingual corpora",
# Computational Linguistics 19(1), Table 5 (bead frequencies) and section 4 (s2).
P_11 = 0.89
P_10 = 0.0099 / 2
P_21 = 0.089 / 2
P_31 = P_21 * P_21 / P_11
S2 = 6.8
# Conventional significance level for links made without the position's support.
ALPHA = 0.05
# A line with at most this many content words is a heading or fragment (news headlines
# run 3-4 content words): it is paired only on content, never by position.
SHORT = 4
# Initial half-width of the DP band, in sentences: a computational bound, not a model
# constant (the band doubles while the best path touches its edge, so the result is the
# unbanded optimum's whenever that path stays inside).
BAND = 30
# Half-width, in sentences, of the neighbourhood in which a lone sentence's restatement is
# looked for (pass 2): a long wire story (600-800 words at 20-25 words a sentence) runs
# about 30 sentences, so within one story every sentence is a candidate, while in a long
# document the candidates stay those of the story around the sentence.
STORY = 30
# Relative change of the length ratio that warrants a second DP pass (5%: for a sentence
# of 150 characters its z moves by about 0.2, a change of the length term of the order
# of the rounding of the prior; a numerical tolerance, not a fitted value).
RATIO_TOL = 0.05

_MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (3, 1), (1, 3))

# English and Spanish function words (used only when the Apertium lexicon, which tags them
# itself, is not installed) are ``concord.text.STOP``, from the language resources.
_STOP = STOP
_WORD = WORD
# sentence-final punctuation, possibly followed by closing quotes or brackets
_FINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
# double quotation marks of English and Spanish typography (straight, curly, angle)
_QUOTE = re.compile(r"[\"“”«»]")

@dataclass
class AlignParams:
    """The model's constants (see the module docstring for where each value comes from)."""
    p_11: float = P_11
    p_10: float = P_10
    p_21: float = P_21
    p_31: float = P_31
    s2: float = S2
    alpha: float = ALPHA
    short: int = SHORT
    band: int = BAND  # initial half-width of the DP band; doubled while the path touches it
    story: int = STORY  # half-width of the neighbourhood a restatement is looked for in
    lexicon: bool = True  # use the Apertium lexicon when installed

    def prior(self) -> dict:
        lg = math.log
        return {(1, 1): lg(self.p_11), (1, 0): lg(self.p_10), (0, 1): lg(self.p_10),
                (2, 1): lg(self.p_21), (1, 2): lg(self.p_21), (3, 1): lg(self.p_31),
                (1, 3): lg(self.p_31)}


# ---------------------------------------------------------------------------- words

_KEYS: dict[tuple, frozenset | None] = {}


def _word_keys(word: str, lang: str | None, lex) -> frozenset | None:
    """The keys of one word (None for a function word or a one-letter token)."""
    memo = (word, lang, lex is not None)
    got = _KEYS.get(memo, False)
    if got is not False:
        return got
    if word[0].isdigit():
        got = frozenset({"#" + normalise_number(word)})
    else:
        f = _fold(word)
        got = None
        if len(f) >= 2:
            known = lex.keys(word, lang) if lex is not None and lang in ("es", "en") else None
            if known is not None:
                got = known or None
            elif f not in _STOP:
                got = frozenset({_stem(f)})
    if len(_KEYS) > 500_000:
        _KEYS.clear()
    _KEYS[memo] = got
    return got


def _keys_of(words: list[str], lang: str | None, lex) -> list[frozenset]:
    """The key sets of the content words among ``words`` (:func:`_word_keys` of each, the
    memo looked up inline)."""
    get = _KEYS.get
    has_lex = lex is not None
    out = []
    for w in words:
        got = get((w, lang, has_lex), False)
        if got is False:
            got = _word_keys(w, lang, lex)
        if got:
            out.append(got)
    return out


@dataclass
class _Sent:
    tokens: list  # key sets of the content words that are counted
    bag: frozenset  # every key of the sentence, its translation's included
    length: int  # characters of the original text
    numbers: frozenset
    heading: bool = False  # a short line without final punctuation (title, dateline)
    quote: bool = False  # carries a quotation (compared verbatim on a linked pair)
    plain: bool = False  # a heading without facts: no number, every word a dictionary word


def _sentence(pivot: str, source: str | None, lang: str | None, pivot_lang: str | None,
              lex) -> _Sent:
    piv = _keys_of(_WORD.findall(pivot), pivot_lang, lex)
    if source is not None and source != pivot:
        src = _keys_of(_WORD.findall(source), lang, lex)
        # count the original's words when the lexicon can read them, else the translation's
        tokens = src if (lex is not None and lang in ("es", "en")) else piv
        bag = frozenset().union(*src, *piv)
        text = source
    else:
        if lang and lang != pivot_lang:
            piv = _keys_of(_WORD.findall(pivot), lang, lex)
        tokens, bag, text = piv, frozenset().union(*piv), pivot
    numbers = frozenset(k for k in bag if k.startswith("#"))
    text = text.strip()
    heading = len(tokens) <= SHORT and not _FINAL.search(text)
    # a word the lexicon does not know is a name (or a rare word): a fact, not layout
    plain = (heading and not numbers and lex is not None and lang in ("es", "en")
             and all(lex.keys(w, lang) is not None for w in _WORD.findall(text)))
    return _Sent(tokens, bag, max(1, len(text)), numbers, heading, bool(_QUOTE.search(text)),
                 plain)


# -------------------------------------------------------------------------- evidence

class _Evidence:
    """Content log-likelihood ratio of the words of X's sentences against spans of Y."""

    def __init__(self, xs: list[_Sent], ys: list[_Sent], shared: tuple | None = None):
        """``shared``: the ``shared`` attribute of an evidence over the same Y (its key
        index and the chance rates of the words looked up in it), reused as is."""
        self.xs, self.ys = xs, ys
        if shared is None:
            index: dict[str, list[int]] = {}
            add = index.setdefault
            for j, s in enumerate(ys):
                for k in s.bag:
                    add(k, []).append(j)
            # the key index; per word, its chance rate; per p1, the words' weights
            shared = (index, {}, {})
        self.shared = shared
        self.index = shared[0]
        self.n_y = len(ys)
        self.n_tok = [len(s.tokens) for s in xs]

    def best_rate(self) -> list[float]:
        """Per sentence (a sample of at most 200, evenly spaced), the share of its words
        hitting its best sentence of the other side (Laplace-smoothed)."""
        xs = self.xs
        get = self.index.get
        step = max(1, len(xs) // 200)
        rates = []
        for i in range(0, len(xs), step):
            toks = xs[i].tokens
            if not toks:
                continue
            hits: list[int] = []  # the sentences each word hits, once per word
            for t in toks:
                if len(t) == 1:
                    for k in t:
                        hits.extend(get(k, ()))
                else:
                    hits.extend(set().union(*(get(k, ()) for k in t)))
            count = Counter(hits)
            rates.append(((max(count.values()) if count else 0) + 1) / (len(toks) + 2))
        return rates

    def set_p1(self, p1: float) -> None:
        self.p1 = p1
        self.base: list[float] = []
        self.words: list[list[tuple]] = []  # informative words: (keys, hit weight, miss weight)
        log = math.log
        index, rates, by_p1 = self.shared
        get = index.get
        n2 = self.n_y + 2
        # per word: its entry of ``words`` (keys, hit, miss), None if q >= p1 (one tuple
        # per word, shared by the sentences it occurs in)
        weights = by_p1.setdefault(p1, {})
        by_q: dict[float, tuple | None] = {}  # (hit, miss) per chance rate (few distinct)
        xs = self.xs
        for t in set().union(*(s.tokens for s in xs)).difference(weights):
            # its chance rate q = (df + 1) / (N + 2) (a key's list holds each sentence
            # once, so a one-key word's df is its list's length)
            q = rates.get(t)
            if q is None:
                if len(t) == 1:
                    df = len(get(next(iter(t)), ()))
                else:
                    df = len(set().union(*(get(k, ()) for k in t)))
                q = rates[t] = (df + 1) / n2
            w = by_q.get(q, False)
            if w is False:
                # as common as a true translation's words: no evidence
                w = by_q[q] = None if q >= p1 else (log(p1 / q), log((1 - p1) / (1 - q)))
            weights[t] = None if w is None else (t, *w)
        wget = weights.__getitem__
        for s in xs:
            ws = list(filter(None, map(wget, s.tokens)))
            base = 0.0
            for w in ws:
                base += w[2]  # the miss weights, in the words' order
            self.base.append(base)
            self.words.append(ws)

    def window(self, i: int, lo: int, hi: int) -> dict[int, float]:
        """Sentence i's gain over its all-miss base for each Y sentence in [lo, hi] that it
        hits (bisect in the key index: cost bounded by the window, not the document). Not
        kept: the caller keeps what it needs for as long as it needs it (the DP a band's
        worth of rows, see :meth:`_Model.release`), so memory stays linear in the document
        even when a window is the whole document (pass 2 without anchors)."""
        gain: dict[int, float] = {}
        gget = gain.get
        iget = self.index.get
        for t, hit, miss in self.words[i]:
            d = hit - miss
            if len(t) == 1:
                # one key: its list holds each sentence once
                for k in t:
                    lst = iget(k)
                if not lst:
                    continue
                for j in lst[bisect_left(lst, lo):bisect_right(lst, hi)]:
                    gain[j] = gget(j, 0.0) + d
                continue
            seen: set[int] = set()
            for k in t:
                lst = iget(k)
                if not lst:
                    continue
                for j in lst[bisect_left(lst, lo):bisect_right(lst, hi)]:
                    if j not in seen:
                        seen.add(j)
                        gain[j] = gget(j, 0.0) + d
        return gain

    def above(self, i: int, bar: float) -> dict[int, float]:
        """Sentence i's gain (as :meth:`window` over the whole of Y computes it) for every
        Y sentence whose gain may exceed ``bar``; the others are left out. A sentence that
        none of i's rarest words hit (those whose weights sum to more than what the rest
        of i's words could add up to: ``bar``) cannot pass the bar, so only the sentences
        those rare words hit are scored: the cost is their document frequency, not the
        document's length times the frequency of i's commonest words."""
        words = self.words[i]
        ds = [hit - miss for _, hit, miss in words]
        rest = sum(ds)
        # a margin for the rounding of sums taken in another order: it adds candidates
        # (more work), never removes one
        margin = 1e-9 * (1.0 + abs(bar) + rest)
        cands: set[int] = set()
        for w in sorted(range(len(words)), key=lambda w: -ds[w]):
            if rest <= bar - margin:
                break
            rest -= ds[w]
            for k in words[w][0]:
                cands.update(self.index.get(k, ()))
        gain: dict[int, float] = {}
        ys = self.ys
        for j in sorted(cands):
            bag = ys[j].bag
            g, hit = 0.0, False
            # the words' weights added in the order :meth:`window` adds them (same sum)
            for (t, _, _), d in zip(words, ds):
                if not t.isdisjoint(bag):
                    g, hit = g + d, True
            if hit:
                gain[j] = g
        return gain

    def span(self, i: int, j: int, l: int) -> float:
        """Content score of X's sentence i against Y's sentences j..j+l-1 (merged)."""
        if l == 1:
            bag = self.ys[j].bag
        else:
            bag = frozenset().union(*(self.ys[y].bag for y in range(j, j + l)))
        p1 = self.p1
        total = 0.0
        for t, hit, miss in self.words[i]:
            if l > 1:
                # chance rate of hitting any of l sentences
                q = min(1 - (1 - p1 / math.exp(hit)) ** l, p1)
                hit, miss = math.log(p1 / q), math.log((1 - p1) / (1 - q))
            total += miss if t.isdisjoint(bag) else hit
        return total

    def hit_count(self, i: int, j: int, l: int = 1) -> int:
        toks = self.xs[i].tokens
        if l == 1:
            # the words whose keys meet the sentence's bag: all but the disjoint ones
            return len(toks) - sum(map(self.ys[j].bag.isdisjoint, toks))
        bags = [self.ys[y].bag for y in range(j, j + l)]
        return sum(1 for t in toks if any(not t.isdisjoint(b) for b in bags))


_NAN = float("nan")
# the memo's mark of a bead the rules forbid (a content score is a finite sum of logs)
_FORBIDDEN = float("-inf")


class _BeadMemo:
    """Content scores of the DP's beads (i, k, j, l), kept across the DP's passes (a wider
    band, a re-estimated length ratio): per bead shape (k, l) and first row i, an array of
    doubles over the columns j asked for (NaN: not computed yet; ``_FORBIDDEN``: a bead the
    rules forbid). The columns asked for are the band's, so memory is 8 bytes per bead in
    the band: linear in the document for a given band (a dict of tuples took about 25
    times as much)."""

    def __init__(self) -> None:
        self.rows: dict[tuple[int, int, int], list] = {}  # (i, k, l) -> [first column, array]
        # per DP row i, per merged shape in _MOVES order: the columns where every merged
        # sentence hits the other side with a content score above log alpha (the others
        # are forbidden); valid for the hit windows' width ``cands_width`` (a pass with
        # the same band, a re-estimated length ratio, reuses them)
        self.cands: dict[int, tuple] = {}
        self.cands_width = -1

    def slot(self, i: int, k: int, l: int, j: int) -> tuple[array, int]:
        """The array holding bead (i, k, j, l) and the bead's index in it (grown, with
        NaN, to cover column j)."""
        got = self.rows.get((i, k, l))
        if got is None:
            got = self.rows[(i, k, l)] = [j, array("d", (_NAN,))]
        lo, row = got
        if j < lo:
            # a wider band starts left of the columns seen: one block in front per pass
            row[0:0] = array("d", (_NAN,)) * (lo - j)
            got[0] = lo = j
        elif j - lo >= len(row):
            row.extend(array("d", (_NAN,)) * (j - lo - len(row) + 1))
        return row, j - lo

    def cover(self, i: int, k: int, l: int, j0: int, j1: int) -> tuple[array, int]:
        """The array of beads (i, k, j, l) for j in [j0, j1] (grown to cover them) and
        the column of its first element: the DP fetches it once per row and shape."""
        self.slot(i, k, l, j0)
        row, _ = self.slot(i, k, l, j1)
        return row, self.rows[(i, k, l)][0]


class _Model:
    """Everything the DP and pass 2 need about two documents."""

    def __init__(self, sa: list[_Sent], sb: list[_Sent], p: AlignParams):
        self.sa, self.sb, self.p = sa, sb, p
        self.n, self.m = len(sa), len(sb)
        self.prior = p.prior()
        self.ab = _Evidence(sa, sb)
        self.ba = _Evidence(sb, sa)
        # p1: median over the sentences of both sides of their best hit rate
        rates = sorted(self.ab.best_rate() + self.ba.best_rate())
        self.p1 = rates[len(rates) // 2] if rates else 0.5
        for ev in (self.ab, self.ba):
            ev.set_p1(self.p1)
        # characters before each sentence (a bead's length is a difference of two)
        self.before_a = [0]
        for s in sa:
            self.before_a.append(self.before_a[-1] + s.length)
        self.before_b = [0]
        for s in sb:
            self.before_b.append(self.before_b[-1] + s.length)
        la = sum(s.length for s in sa) or 1
        lb = sum(s.length for s in sb) or 1
        self.c = lb / la
        self.log_alpha = math.log(p.alpha)
        self._memo = _BeadMemo()
        self.set_band(p.band)

    def set_band(self, band: int) -> None:
        # the band, and the furthest a bead reaches beyond it; the content memo stays valid
        # when the band grows (a window only widens) or the length ratio is re-estimated
        self.width = band + 4
        self._ga: dict[int, dict] = {}
        self._gb: dict[int, dict] = {}
        self._ga_from = self._gb_from = 0

    def release(self, row: int, col: int) -> None:
        """Forget the windows of A's sentences before ``row`` and of B's before ``col``:
        the DP, which calls this as it advances, asks for no bead starting there any more
        (the band only moves down and right), so the windows kept are a band's worth."""
        for i in range(self._ga_from, row):
            self._ga.pop(i, None)
        for j in range(self._gb_from, col):
            self._gb.pop(j, None)
        self._ga_from = max(self._ga_from, row)
        self._gb_from = max(self._gb_from, col)

    def end_dp(self) -> None:
        """Free what only the DP uses (pass 2 and the gap rule use other scores)."""
        self._memo = _BeadMemo()
        self._ga, self._gb = {}, {}

    def ga(self, i: int) -> dict[int, float]:
        got = self._ga.get(i)
        if got is None:
            c = int(i * self.m / self.n)
            got = self._ga[i] = self.ab.window(i, c - self.width, c + self.width)
        return got

    def gb(self, j: int) -> dict[int, float]:
        got = self._gb.get(j)
        if got is None:
            c = int(j * self.n / self.m)
            got = self._gb[j] = self.ba.window(j, c - self.width, c + self.width)
        return got

    def length_logp(self, la: int, lb: int) -> float:
        z = abs(lb - self.c * la) / math.sqrt(self.p.s2 * la)
        return math.log(max(math.erfc(z / math.sqrt(2)), 1e-300))

    def content(self, i: int, k: int, j: int, l: int) -> float:
        """Mean of the two sides' content scores of bead A[i:i+k] - B[j:j+l]."""
        sa = sum(self.ab.span(x, j, l) for x in range(i, i + k))
        sb = sum(self.ba.span(y, i, k) for y in range(j, j + l))
        return (sa + sb) / 2

    def shares(self, i: int, j: int) -> bool:
        return not self.sa[i].bag.isdisjoint(self.sb[j].bag)

    def bead(self, i: int, k: int, j: int, l: int) -> float | None:
        """Log score of a bead with both sides (in the DP band), or None when the rules
        forbid it."""
        row, x = self._memo.slot(i, k, l, j)
        got = row[x]
        if got != got:  # noqa: PLR0124  (NaN: not computed yet)
            got = row[x] = self.bead_content(i, k, j, l)
        if got == _FORBIDDEN:
            return None
        la = self.before_a[i + k] - self.before_a[i]
        lb = self.before_b[j + l] - self.before_b[j]
        return self.prior[(k, l)] + self.length_logp(la, lb) + got

    def bead_content(self, i: int, k: int, j: int, l: int) -> float:
        """The content score of a bead with both sides, ``_FORBIDDEN`` when the rules
        forbid it (what the memo holds)."""
        if k == 1 and l == 1:
            # the common case inline: a 1-1 bead needs a word hit on one side
            ga, gb = self.ga(i), self.gb(j)
            hit_a, hit_b = ga.get(j), gb.get(i)
            if hit_a is None and hit_b is None and not self.shares(i, j):
                return _FORBIDDEN
            return (self.ab.base[i] + (hit_a or 0.0) + self.ba.base[j] + (hit_b or 0.0)) / 2
        got = self._content(i, k, j, l)
        return _FORBIDDEN if got is None else got

    def _content(self, i, k, j, l):
        """The content score of a bead, or None when the rules forbid the bead."""
        ab, ba = self.ab, self.ba
        if k == 1 and l == 1:
            ga, gb = self.ga(i), self.gb(j)
            if j not in ga and i not in gb and not self.shares(i, j):
                return None
            content = (ab.base[i] + ga.get(j, 0.0) + ba.base[j] + gb.get(i, 0.0)) / 2
        else:
            # every merged sentence must carry content of the other side: a word of its
            # own hits the other side's sentence, and its own evidence is not
            # significantly against being part of the translation (LLR above log alpha)
            parts = []
            if k > 1:
                for x in range(i, i + k):
                    g = self.ga(x).get(j)
                    if g is None:
                        return None
                    parts.append(ab.base[x] + g)
            else:
                for y in range(j, j + l):
                    g = self.gb(y).get(i)
                    if g is None:
                        return None
                    parts.append(ba.base[y] + g)
            if min(parts) <= self.log_alpha:
                return None
            whole = ba.span(j, i, k) if k > 1 else ab.span(i, j, l)
            content = (sum(parts) + whole) / 2
        return content

    def coverage(self, i: int, k: int, j: int, l: int) -> float:
        """Share of the bead's words that hit the other side (the bead's reported score)."""
        hit = sum(self.ab.hit_count(x, j, l) for x in range(i, i + k)) + \
            sum(self.ba.hit_count(y, i, k) for y in range(j, j + l))
        n = sum(self.ab.n_tok[x] for x in range(i, i + k)) + \
            sum(self.ba.n_tok[y] for y in range(j, j + l))
        return hit / n if n else 0.0


# -------------------------------------------------------------------------------- DP

def _dp(model: _Model, n: int, m: int, band: int):
    """The best monotonic path through the band (see the module docstring), and whether
    it touches the band's edge. A cell's score is the best, over the moves in ``_MOVES``
    order (the first of equal scores wins), of the source cell's score plus the bead's
    (prior + length + content, added in that order). Computed a row at a time, move by
    move: 1-1 and 1-0 over the row's columns, the merged beads only at the columns where
    every merged sentence has a word hitting the other side (the rule :meth:`_Model._content`
    applies; the others are forbidden), then 0-1, which depends on the cell to its left."""
    NEG = float("-inf")
    FORB = _FORBIDDEN
    skip = model.prior[(1, 0)]
    prior = model.prior
    p11 = prior[(1, 1)]
    reach = max(max(k, l) for k, l in _MOVES)  # the furthest row (column) a move comes from
    lo_of: list[int] = []
    # scores: only the last ``reach`` rows are kept (arrays of doubles); back pointers: one
    # byte per cell (1 + the move's index in _MOVES, 0 for none), so memory is the band's
    # width per row
    rows: list[array | None] = []
    backs: list[bytearray] = []
    memo = model._memo
    cover = memo.cover
    merged_content = model.bead_content
    before_a, before_b = model.before_a, model.before_b
    sa, sb = model.sa, model.sb
    base_a, base_b = model.ab.base, model.ba.base
    ga, gb, gb_kept = model.ga, model.gb, model._gb
    # the length term of :meth:`_Model.length_logp`, the same operations on the same values
    c, s2 = model.c, model.p.s2
    log, erfc, sqrt = math.log, math.erfc, math.sqrt
    root2 = math.sqrt(2)
    tiny = 1e-300
    merged_moves = [(mi + 1, k, l) for mi, (k, l) in enumerate(_MOVES) if k and l and k + l > 2]
    log_alpha = model.log_alpha
    if memo.cands_width != model.width:
        memo.cands, memo.cands_width = {}, model.width
    cands_of = memo.cands
    strong: dict[int, set] = {}  # A's sentence x -> the y its content score on is above log alpha

    def strong_a(x: int) -> set:
        got = strong.get(x)
        if got is None:
            bx = base_a[x]
            got = strong[x] = {y for y, g in ga(x).items() if bx + g > log_alpha}
        return got

    def merged_columns(i: int, lo: int, hi: int) -> tuple:
        """Per merged shape (k, l) of ``merged_moves``, the sorted first columns y of the
        beads (i - k, k, y, l) whose merged sentences each hit the other side's with a
        content score above log alpha; B's of those among [lo - 3, hi - 1]."""
        i1 = i - 1
        strong_b = set()
        for y in range(max(0, lo - 3), hi):
            w = gb_kept.get(y)
            if w is None:
                w = gb(y)
            v = w.get(i1)
            if v is not None and base_b[y] + v > log_alpha:
                strong_b.add(y)
        out = []
        for _, k, l in merged_moves:
            if i < k:
                cands = ()
            elif k > 1:
                cands = strong_a(i - k) & strong_a(i1)
                if k == 3 and cands:
                    cands &= strong_a(i - 2)
            elif l == 2:
                cands = [y for y in strong_b if y + 1 in strong_b]
            else:
                cands = [y for y in strong_b if y + 1 in strong_b and y + 2 in strong_b]
            out.append(tuple(sorted(cands)))
        return tuple(out)

    for i in range(n + 1):
        center = (i * m / n) if n else 0
        lo = max(0, int(center) - band)
        hi = min(m, int(center) + band)
        width = hi - lo + 1
        row = array("d", (NEG,)) * width
        back = bytearray(width)
        lo_of.append(lo)
        rows.append(row)
        backs.append(back)
        merged: dict[int, tuple] = {}  # column - lo -> (best merged total, its move's code)
        if i:
            i1 = i - 1
            prow, plo = rows[i1], lo_of[i1]
            plen = len(prow)
            # 1-1: bead (i - 1, 1, y, 1) ending at column j = y + 1
            j_lo, j_hi = max(lo, 1, plo + 1), min(hi, plo + plen)
            if hi - 1 >= max(0, lo - 1):
                arr, alo = cover(i1, 1, 1, max(0, lo - 1), hi - 1)
                gai = None  # A's sentence i - 1's hit window, fetched when needed
                bag_i = sa[i1].bag
                la = before_a[i] - before_a[i1]
                cla, sq = c * la, sqrt(s2 * la)
                for j in range(j_lo, j_hi + 1):
                    y = j - 1
                    prev = prow[y - plo]
                    if prev == NEG:
                        continue
                    g = arr[y - alo]
                    if g != g:  # noqa: PLR0124  (NaN: not computed yet)
                        # :meth:`_Model.bead_content` of a 1-1 bead
                        if gai is None:
                            gai = ga(i1)
                        w = gb_kept.get(y)
                        if w is None:
                            w = gb(y)
                        hit_a, hit_b = gai.get(y), w.get(i1)
                        if hit_a is None and hit_b is None and bag_i.isdisjoint(sb[y].bag):
                            g = FORB
                        else:
                            g = (base_a[i1] + (hit_a or 0.0) + base_b[y] + (hit_b or 0.0)) / 2
                        arr[y - alo] = g
                    if g == FORB:
                        continue
                    z = abs((before_b[j] - before_b[y]) - cla) / sq
                    row[j - lo] = prev + (p11 + log(max(erfc(z / root2), tiny)) + g)
                    back[j - lo] = 1
            # 1-0: from the cell above
            for j in range(max(lo, plo), min(hi, plo + plen - 1) + 1):
                prev = prow[j - plo]
                if prev == NEG:
                    continue
                total = prev + skip
                if total > row[j - lo]:
                    row[j - lo] = total
                    back[j - lo] = 2
            # merged beads, in _MOVES order (ties keep the earlier move), at the columns
            # where every merged sentence hits the other side's with a content score
            # above log alpha (the others the rule forbids: see :meth:`_Model._content`)
            pre = cands_of.get(i)
            if pre is None:
                pre = cands_of[i] = merged_columns(i, lo, hi)
            for (code, k, l), cands in zip(merged_moves, pre):
                if not cands:
                    continue
                src = rows[i - k]
                slo = lo_of[i - k]
                slen = len(src)
                # the bead (i - k, k, y, l) ends at column j = y + l
                first = max(lo - l, 0, slo)
                last = min(hi - l, slo + slen - 1)
                if last < first:
                    continue
                cands = [y for y in cands if first <= y <= last and src[y - slo] != NEG]
                if not cands:
                    continue
                arr, alo = cover(i - k, k, l, cands[0], cands[-1])
                pr = prior[(k, l)]
                la = before_a[i] - before_a[i - k]
                cla, sq = c * la, sqrt(s2 * la)
                for y in cands:
                    g = arr[y - alo]
                    if g != g:  # noqa: PLR0124  (NaN: not computed yet)
                        g = arr[y - alo] = merged_content(i - k, k, y, l)
                    if g == FORB:
                        continue
                    j = y + l
                    z = abs((before_b[j] - before_b[y]) - cla) / sq
                    total = src[y - slo] + (pr + log(max(erfc(z / root2), tiny)) + g)
                    x = j - lo
                    got = merged.get(x)
                    if got is None or total > got[0]:
                        merged[x] = (total, code)
        # 0-1 (from the cell to the left, final by now), then the best merged bead
        for x in range(width):
            if i == 0 and x == 0:
                row[0] = 0.0
                continue
            top = row[x]
            if x:
                prev = row[x - 1]
                if prev != NEG:
                    total = prev + skip
                    if total > top:
                        top = row[x] = total
                        back[x] = 3
            if merged:
                got = merged.get(x)
                if got is not None and got[0] > top:
                    row[x] = got[0]
                    back[x] = got[1]
        if i >= reach:
            rows[i - reach] = None  # no move reaches further back
            strong.pop(i - reach, None)
        # the next row's beads start at row i + 1 - reach or later, and at column
        # lo(i + 1) - reach or later (the band's lower edge never moves left)
        nxt = (i + 1) * m / n if n else 0
        model.release(i + 1 - reach, max(0, int(nxt) - band) - reach)
    touched = False
    beads: list[Bead] = []
    i, j = n, m
    while i > 0 or j > 0:
        k, l = _MOVES[backs[i][j - lo_of[i]] - 1]
        center = (i * m / n) if n else 0
        if band < m and abs(j - center) >= band - 1:
            touched = True
        a = list(range(i - k, i))
        b = list(range(j - l, j))
        if a and b:
            beads.append(Bead(a, b, model.coverage(i - k, k, j - l, l), "match"))
        else:
            beads.append(Bead(a, b, 0.0, "omission" if a else "addition"))
        i, j = i - k, j - l
    beads.reverse()
    return beads, touched


def _fill_gaps(beads: list[Bead], model: _Model) -> None:
    """Gale-Church's rule for a gap of one sentence on each side between the same aligned
    neighbours: they are one bead even if no word of theirs meets (``¿Quiénes son?`` /
    ``Who are they?``) when their lengths agree (length probability above ``alpha``) and the
    content evidence is not significantly against it (log-likelihood ratio above
    ``log alpha``). Never for headings: a heading is paired on content only."""
    sa, sb, p = model.sa, model.sb, model.p
    out: list[Bead] = []
    x = 0
    while x < len(beads):
        one = beads[x]
        two = beads[x + 1] if x + 1 < len(beads) else None
        pair = None
        if two is not None and one.kind == "omission" and two.kind == "addition":
            pair = (one.a[0], two.b[0])
        elif two is not None and one.kind == "addition" and two.kind == "omission":
            pair = (two.a[0], one.b[0])
        if pair is not None:
            before = out[-1].kind if out else "match"
            after = beads[x + 2].kind if x + 2 < len(beads) else "match"
            i, j = pair
            a, b = sa[i], sb[j]
            if (before == "match" and after == "match" and not a.heading and not b.heading
                    and model.length_logp(a.length, b.length) > math.log(p.alpha)
                    and model.content(i, 1, j, 1) > math.log(p.alpha)):
                out.append(Bead([i], [j], model.coverage(i, 1, j, 1), "match"))
                x += 2
                continue
        out.append(one)
        x += 1
    beads[:] = out


# ---------------------------------------------------------------------- pass 2

def _second_pass(beads: list[Bead], model: _Model) -> None:
    """Link unaligned sentences out of order (moved), or to a sentence already aligned
    (repeated); drop the omission/addition beads of the sentences so linked."""
    p = model.p
    lone_a = [bd.a[0] for bd in beads if bd.kind == "omission"]
    lone_b = [bd.b[0] for bd in beads if bd.kind == "addition"]
    extra: list[Bead] = []
    set_lone_a, set_lone_b = set(lone_a), set(lone_b)
    linked_a: set[int] = set()
    linked_b: set[int] = set()

    def score(i: int, j: int) -> float:
        sa, sb = model.sa[i], model.sb[j]
        return model.content(i, 1, j, 1) + model.length_logp(sa.length, sb.length)

    # moved: lone with lone, best pairs first, significant against all pairs tried
    if lone_a and lone_b:
        bar = math.log(max(len(lone_a), len(lone_b)) / p.alpha)
        pairs = []
        # candidate pairs share a key (an inverted index over the lone sentences of B, so
        # unrelated documents do not cost every lone pair)
        index: dict[str, list[int]] = {}
        for j in lone_b:
            for k in model.sb[j].bag:
                index.setdefault(k, []).append(j)
        for i in lone_a:
            cands: set[int] = set()
            for k in model.sa[i].bag:
                cands.update(index.get(k, ()))
            for j in sorted(cands):
                s = score(i, j)
                if s > bar:
                    pairs.append((s, i, j))
        for s, i, j in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
            if i in linked_a or j in linked_b:
                continue
            linked_a.add(i)
            linked_b.add(j)
            extra.append(Bead([i], [j], model.coverage(i, 1, j, 1), "moved"))
    # restatement: a lone sentence whose content the other version carries in one
    # sentence (a paraphrase, a headline, an FAQ answer) is linked to it, as moved when
    # that sentence is lone too, else as repeated
    partner_a = {i: bd.b for bd in beads if bd.kind == "match" for i in bd.a}
    partner_b = {j: bd.a for bd in beads if bd.kind == "match" for j in bd.b}
    rest_a = [i for i in lone_a if i not in linked_a]
    # the story's neighbourhood of a lone sentence: the other side's sentences within
    # ``p.story`` of where its nearest linked neighbours' counterparts are; so the number
    # of candidates a
    # restatement is chosen from, and with it the chance of a coincidental link, does not
    # grow with the length of the document
    links = [bd for bd in beads if bd.kind == "match"] + extra
    anchors_a = sorted((i, bd.b[0]) for bd in links for i in bd.a)
    anchors_b = sorted((j, bd.a[0]) for bd in links for j in bd.b)

    def near(x: int, anchors: list, size: int) -> tuple:
        k = bisect_left(anchors, (x, -1))
        # the nearest aligned neighbour before and after x (x itself when aligned)
        cands = [anchors[q][1] for q in (k - 1, k) if 0 <= q < len(anchors)]
        if not cands:
            return ((0, size - 1),)
        return tuple((max(0, c - p.story), min(size - 1, c + p.story)) for c in cands)

    rest_b = [j for j in lone_b if j not in linked_b]
    own: dict = {}

    def own_side(sents, key):
        if key not in own:
            # the key index of a version is the one the other direction's evidence built
            ev = _Evidence(sents, sents, (model.ba if key == "a" else model.ab).shared)
            ev.set_p1(model.p1)
            own[key] = ev
        return own[key]

    def own_a():
        return own_side(model.sa, "a")

    def own_b():
        return own_side(model.sb, "b")

    carried: set[tuple[str, int]] = set()  # headings whose content is carried, ambiguously

    def restate(side: str, rest, ev, own_ev, anchors, size, partners, linked, linked_other,
                lone_other) -> None:
        for x in rest:
            if x in linked:
                continue
            best = _restated(ev, x, model.p1, p.alpha, near(x, anchors, size))
            if best == AMBIGUOUS:
                carried.add((side, x))
                continue
            if best is not None and best in partners and not _echoes(own_ev(), x, partners[best]):
                best = None
            if best is None:
                continue
            kind = "moved" if best in lone_other and best not in linked_other else "repeated"
            linked.add(x)
            if kind == "moved":
                linked_other.add(best)
            cov = model.coverage(x, 1, best, 1) if side == "a" else model.coverage(best, 1, x, 1)
            extra.append(Bead([x], [best], cov, kind) if side == "a" else Bead([best], [x], cov, kind))

    restate("a", rest_a, model.ab, own_a, anchors_a, model.m, partner_b, linked_a, linked_b,
            set_lone_b)
    restate("b", rest_b, model.ba, own_b, anchors_b, model.n, partner_a, linked_b, linked_a,
            set_lone_a)
    # a lone sentence restating an aligned sentence of its own version (an FAQ answer
    # repeating the story) is linked, as repeated, to that sentence's counterpart
    for i in rest_a:
        if i not in linked_a:
            k = _twin(own_a(), i, partner_a, p)
            if k is not None:
                linked_a.add(i)
                extra.append(Bead([i], list(partner_a[k]), 0.0, "repeated"))
    for j in rest_b:
        if j not in linked_b:
            k = _twin(own_b(), j, partner_b, p)
            if k is not None:
                linked_b.add(j)
                extra.append(Bead(list(partner_b[k]), [j], 0.0, "repeated"))
    beads[:] = [bd for bd in beads
                if not (bd.kind == "omission" and bd.a[0] in linked_a)
                and not (bd.kind == "addition" and bd.b[0] in linked_b)]
    # a heading without facts that nothing restates is layout (a section title of one
    # version), not content: kind "heading", a 1-0 / 0-1 link that is no omission/addition;
    # so is a heading whose content words the other version carries, in several sentences
    # none of which it can be linked to (a section title summarising what both versions say)
    for bd in beads:
        if bd.kind in (BeadKind.OMISSION, BeadKind.ADDITION):
            key = ("a", bd.a[0]) if bd.a else ("b", bd.b[0])
            s = model.sa[key[1]] if bd.a else model.sb[key[1]]
            if s.plain or (s.heading and key in carried):
                bd.kind = BeadKind.HEADING
    beads.extend(sorted(extra, key=lambda b: (b.a, b.b)))


def _twin(ev: _Evidence, x: int, partners: dict, p: AlignParams) -> int | None:
    """The aligned sentence of the same version that lone sentence ``x`` restates, or
    None: monolingual content evidence (``ev``: the version against itself) with a
    likelihood ratio above ``N / alpha`` for its ``N`` sentences, and every number of
    ``x`` stated there too."""
    sents = ev.xs
    mine = sents[x]
    if len(mine.tokens) <= p.short:
        return None
    best, best_s = None, math.log(len(sents) / p.alpha)
    # only a sentence whose gain can lift the score over the bar is a candidate
    gain = ev.above(x, best_s - ev.base[x])
    for k in sorted(gain):
        if k == x or k not in partners or not mine.numbers <= sents[k].bag:
            continue
        sc = ev.base[x] + gain[k]
        if sc > best_s:
            best, best_s = k, sc
    return best


def _echoes(ev: _Evidence, x: int, partners) -> bool:
    """A sentence repeating an aligned sentence of the other version repeats its own
    version's statement of it too: monolingual evidence (no MT in between) of ``x``
    against one of those partners favours "restates" (likelihood ratio above 1)."""
    return any(ev.span(x, k, 1) > 0 for k in partners if k != x)


def _binom_le(n: int, h: int, p: float) -> float:
    """P(X <= h) for X ~ Binomial(n, p)."""
    return sum(math.comb(n, k) * p ** k * (1 - p) ** (n - k) for k in range(h + 1))


# what :func:`_restated` returns for a sentence whose content several sentences carry
AMBIGUOUS = -1


def _restated(ev: _Evidence, x: int, p1: float, alpha: float,
              ranges: tuple = ()) -> int | None:
    """The sentence of the other side that lone sentence ``x`` restates, None when none
    does, or ``AMBIGUOUS`` when its content is carried but not by one identified sentence.

    A restatement carries the content of ``x`` without having to translate it word for
    word: of the sentences in ``ranges`` (the story's neighbourhood of ``x``, see
    :func:`_second_pass`) its words hit, the one with the highest one-sided content score
    (``x``'s words against it: the other sentence may say more) is taken when

    * the evidence favours "restates it" over "unrelated to it" (likelihood ratio above 1),
    * it is *identified*: its likelihood ratio beats that of every other candidate (and
      of a sentence its words do not hit at all) by ``1 / alpha``, the conventional
      significance margin, so a sentence that several others match about as well is not
      linked to one of them by chance, and
    * the share of ``x``'s content words it carries is not significantly below that of a
      translation: with ``h`` of ``n`` words hitting, ``P(X <= h) >= alpha`` for ``X ~
      Binomial(n, p1)`` (``p1``: the documents' own hit rate of translations).

    The linked pair is compared like any other, but the other sentence may say more: so
    when both state figures they must share one (a sentence about other figures is a new
    statement, told from a restatement by nothing but its words), and it carries no
    quotation ``x`` lacks (quotes are compared verbatim; a paraphrase does not repeat one)."""
    mine = ev.xs[x]
    toks = mine.tokens
    if not toks:
        return None
    ranges = ranges or ((0, ev.n_y - 1),)
    gain = ev.window(x, min(r[0] for r in ranges), max(r[1] for r in ranges))
    if not gain:
        return None
    base = ev.base[x]
    ys = ev.ys
    # the runner-up starts as a sentence none of x's words hit (gain 0)
    best, best_s, second = None, base, base
    for y in sorted(gain):
        if not any(a <= y <= b for a, b in ranges):
            continue
        other = ys[y]
        if (mine.numbers and other.numbers and mine.numbers.isdisjoint(other.numbers)) or \
                (other.quote and not mine.quote):
            continue  # see the docstring: facts a one-sided link could not compare
        sc = base + gain[y]
        if sc > best_s:
            best, best_s, second = y, sc, best_s
        elif sc > second:
            second = sc
    if best is None or best_s <= 0 or _binom_le(len(toks), ev.hit_count(x, best), p1) < alpha:
        return None
    if best_s - second <= -math.log(alpha):
        return AMBIGUOUS
    return best


# ------------------------------------------------------------------------ entry points

def _align(sa: list[_Sent], sb: list[_Sent], p: AlignParams) -> list[Bead]:
    n, m = len(sa), len(sb)
    if not n or not m:
        return ([Bead([i], [], 0.0, "omission") for i in range(n)]
                + [Bead([], [j], 0.0, "addition") for j in range(m)])
    model = _Model(sa, sb, p)
    band = p.band
    refit = True
    while True:
        model.set_band(band)
        beads, touched = _dp(model, n, m, band)
        if touched and band < max(n, m):
            band *= 2
            continue
        # the length ratio of translations, re-estimated on the matched sentences alone
        # (one version's extra paragraphs bias the whole-document ratio); once, and only
        # when it moved by more than RATIO_TOL
        if refit:
            refit = False
            la = sum(sa[i].length for bd in beads if bd.kind == "match" for i in bd.a)
            lb = sum(sb[j].length for bd in beads if bd.kind == "match" for j in bd.b)
            if la and lb and abs(lb / la - model.c) > RATIO_TOL * model.c:
                model.c = lb / la
                continue
        break
    model.end_dp()
    _fill_gaps(beads, model)
    _second_pass(beads, model)
    return beads


def align_texts(a_texts: list[str], b_texts: list[str], a_source: list[str] | None = None,
                b_source: list[str] | None = None, params: AlignParams | None = None,
                a_lang: str | None = None, b_lang: str | None = None,
                pivot_lang: str | None = "en") -> list[Bead]:
    """Align two lists of sentences given as pivot-language texts (and optional originals
    in ``a_lang`` / ``b_lang``): monotonic beads, then moved and repeated ones."""
    p = params or AlignParams()
    lex = None
    if p.lexicon:
        from .lexicon import get_lexicon

        lex = get_lexicon()
    sa = [_sentence(t, a_source[i] if a_source else None, a_lang, pivot_lang, lex)
          for i, t in enumerate(a_texts)]
    sb = [_sentence(t, b_source[i] if b_source else None, b_lang, pivot_lang, lex)
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

    pivot = pivot_of(doc_a) or pivot_of(doc_b) or "en"
    return align_texts([s.pivot_text for s in doc_a.sentences],
                       [s.pivot_text for s in doc_b.sentences],
                       [s.text for s in doc_a.sentences], [s.text for s in doc_b.sentences],
                       params, a_lang=_doc_lang(doc_a), b_lang=_doc_lang(doc_b),
                       pivot_lang=pivot)
