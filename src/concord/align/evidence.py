"""Lexical evidence: the content log-likelihood ratio of one side's words against the
other side's sentences.

A word *hits* a sentence when one of its keys is in the sentence's bag; it adds ``log(p1 /
q)`` on a hit and ``log((1 - p1) / (1 - q))`` on a miss, with ``q`` its chance rate over
the other document (see :mod:`concord.align`). A key index of the other side makes the
cost of a window the window's, not the document's.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter

from .sentences import Sent


class LexicalEvidence:
    """Content log-likelihood ratio of the words of X's sentences against spans of Y."""

    def __init__(self, xs: list[Sent], ys: list[Sent], shared: tuple | None = None):
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
            if q in by_q:
                w = by_q[q]
            else:
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
        worth of rows, see :meth:`BeadModel.release`), so memory stays linear in the document
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

    def story_score(self, i: int, j: int | None, lo: int, hi: int) -> tuple[float, int]:
        """Content score of X's sentence i against Y's sentence j, and the number of i's
        informative words that hit it, with each word's chance rate taken as the larger
        of its rate over Y and its rate over Y's sentences ``lo``..``hi`` (the story
        around them). The sentences of one story share its names and topic words, so
        such a word hits a neighbour of the story's sentences far more often than a
        sentence of the whole document: its hit on one of them is weak evidence that the
        two say the same thing. ``j`` None: a sentence none of i's words hit."""
        bag = self.ys[j].bag if j is not None else frozenset()
        p1 = self.p1
        get = self.index.get
        # the story's other sentences: leave j out (its hit is what is being weighed),
        # and i when X and Y are one version (a sentence shares its own words)
        out = {y for y in (j, i if self.xs is self.ys else None)
               if y is not None and lo <= y <= hi}
        n_local = hi - lo + 1 - len(out)
        total, hits = 0.0, 0
        log, exp = math.log, math.exp
        for t, hit, miss in self.words[i]:
            seen: set[int] = set()
            for k in t:
                lst = get(k)
                if lst:
                    seen.update(lst[bisect_left(lst, lo):bisect_right(lst, hi)])
            seen -= out
            # the story's rate, smoothed towards the document's (two sentences' weight)
            q_doc = p1 / exp(hit)
            q = (len(seen) + 2 * q_doc) / (n_local + 2)
            if q > q_doc:
                if q >= p1:
                    continue  # as common in the story as a translation's words: no evidence
                hit, miss = log(p1 / q), log((1 - p1) / (1 - q))
            if t.isdisjoint(bag):
                total += miss
            else:
                total += hit
                hits += 1
        return total, hits

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
