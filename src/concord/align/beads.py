"""The bead model: the log score of a bead (prior + length + content) and its rules.

:class:`BeadModel` holds everything the dynamic programme and the second pass need about two
documents: the evidence of each side against the other, the estimated hit rate ``p1`` and
length ratio ``c``, and a memo of the content scores of the beads in the DP band
(:class:`BeadMemo`).
"""

from __future__ import annotations

import math
from array import array

from .evidence import LexicalEvidence
from .params import AlignParams
from .sentences import Sent

_NAN = float("nan")
# the memo's mark of a bead the rules forbid (a content score is a finite sum of logs)
FORBIDDEN = float("-inf")


class BeadMemo:
    """Content scores of the DP's beads (i, k, j, l), kept across the DP's passes (a wider
    band, a re-estimated length ratio): per bead shape (k, l) and first row i, an array of
    doubles over the columns j asked for (NaN: not computed yet; ``FORBIDDEN``: a bead the
    rules forbid). The columns asked for are the band's, so memory is 8 bytes per bead in
    the band: linear in the document for a given band (a dict of tuples took about 25
    times as much)."""

    def __init__(self) -> None:
        self.rows: dict[tuple[int, int, int], list] = {}  # (i, k, l) -> [first column, array]
        # per DP row i, per merged shape in MOVES order: the columns where every merged
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


class BeadModel:
    """Everything the DP and pass 2 need about two documents."""

    def __init__(self, sa: list[Sent], sb: list[Sent], p: AlignParams):
        self.sa, self.sb, self.p = sa, sb, p
        self.n, self.m = len(sa), len(sb)
        self.prior = p.prior()
        self.ab = LexicalEvidence(sa, sb)
        self.ba = LexicalEvidence(sb, sa)
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
        self._memo = BeadMemo()
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
        self._memo = BeadMemo()
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
        if got == FORBIDDEN:
            return None
        la = self.before_a[i + k] - self.before_a[i]
        lb = self.before_b[j + l] - self.before_b[j]
        return self.prior[(k, l)] + self.length_logp(la, lb) + got

    def bead_content(self, i: int, k: int, j: int, l: int) -> float:
        """The content score of a bead with both sides, ``FORBIDDEN`` when the rules
        forbid it (what the memo holds)."""
        if k == 1 and l == 1:
            # the common case inline: a 1-1 bead needs a word hit on one side
            ga, gb = self.ga(i), self.gb(j)
            hit_a, hit_b = ga.get(j), gb.get(i)
            if hit_a is None and hit_b is None and not self.shares(i, j):
                return FORBIDDEN
            return (self.ab.base[i] + (hit_a or 0.0) + self.ba.base[j] + (hit_b or 0.0)) / 2
        got = self._content(i, k, j, l)
        return FORBIDDEN if got is None else got

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
            # significantly against being part of the translation (LLR above log alpha);
            # the hit word is its own, not one of the other merged sentences'
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
            if min(parts) <= self.log_alpha or not self._merge_parts_distinct(i, k, j, l):
                return None
            whole = ba.span(j, i, k) if k > 1 else ab.span(i, j, l)
            content = (sum(parts) + whole) / 2
        return content

    def _merge_parts_distinct(self, i: int, k: int, j: int, l: int) -> bool:
        """Whether each merged sentence of bead A[i:i+k] - B[j:j+l] brings content of its
        own: a sentence merged into one translation carries part of it, so one of its
        informative words hits the other side's sentence and is not a word of the other
        merged sentences (neighbours in one story share their topic's words, which hit
        the translation of either; a headline restated by the next sentence shares all of
        them). And none is a heading: a line without final punctuation stands alone in
        the layout, it is not joined with a sentence of running text."""
        if k > 1:
            mine, other, ev, whole = self.sa, self.sb[j].bag, self.ab, range(i, i + k)
        else:
            mine, other, ev, whole = self.sb, self.sa[i].bag, self.ba, range(j, j + l)
        if any(mine[x].heading for x in whole) or (k > 1 and self.sb[j].heading) or (
                l > 1 and self.sa[i].heading):
            return False
        for x in whole:
            rest = frozenset().union(*(mine[z].bag for z in whole if z != x))
            if not any(not t.isdisjoint(other) and t.isdisjoint(rest) for t, _, _ in ev.words[x]):
                return False
        return True

    def coverage(self, i: int, k: int, j: int, l: int) -> float:
        """Share of the bead's words that hit the other side (the bead's reported score)."""
        hit = sum(self.ab.hit_count(x, j, l) for x in range(i, i + k)) + \
            sum(self.ba.hit_count(y, i, k) for y in range(j, j + l))
        n = sum(self.ab.n_tok[x] for x in range(i, i + k)) + \
            sum(self.ba.n_tok[y] for y in range(j, j + l))
        return hit / n if n else 0.0
