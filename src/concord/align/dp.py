"""The dynamic programme: the best monotonic sequence of beads in a band around the
diagonal, and Gale-Church's rule for a one-sentence gap on each side."""

from __future__ import annotations

import math
from array import array

from ..document import Bead, BeadKind
from .beads import FORBIDDEN, BeadModel
from .params import MOVES

_NEG = float("-inf")
# the length term of :meth:`BeadModel.length_logp`, the same operations on the same values
_ROOT2 = math.sqrt(2)
_TINY = 1e-300


def best_path(model: BeadModel, n: int, m: int, band: int):
    """:func:`best_path_scored` without the path's score."""
    beads, touched, _ = best_path_scored(model, n, m, band)
    return beads, touched


def best_path_scored(model: BeadModel, n: int, m: int, band: int) -> tuple[list[Bead], bool, float]:
    """The best monotonic path through the band (see :mod:`concord.align`), and whether
    it touches the band's edge. A cell's score is the best, over the moves in ``MOVES``
    order (the first of equal scores wins), of the source cell's score plus the bead's
    (prior + length + content, added in that order). Computed a row at a time, move by
    move: 1-1 and 1-0 over the row's columns, the merged beads only at the columns where
    every merged sentence has a word hitting the other side (the rule :meth:`BeadModel._content`
    applies; the others are forbidden), then 0-1, which depends on the cell to its left.
    The path's score (the sum of its beads' log scores) is the third value."""
    dp = _RowDP(model, n, m, band)
    for i in range(n + 1):
        dp.fill_row(i)
    beads, touched = dp.trace_back()
    return beads, touched, dp.row(n)[m - dp.lo_of[n]]


class _RowDP:
    """The state of :func:`best_path`: the band's rows of scores and back pointers, and
    what the rows read of the model, bound once.

    Scores: only the last ``reach`` rows are kept (arrays of doubles); back pointers: one
    byte per cell (1 + the move's index in MOVES, 0 for none), so memory is the band's
    width per row."""

    def __init__(self, model: BeadModel, n: int, m: int, band: int):
        self.model, self.n, self.m, self.band = model, n, m, band
        self.prior = prior = model.prior
        self.skip = prior[(1, 0)]
        self.p11 = prior[(1, 1)]
        self.reach = max(max(k, l) for k, l in MOVES)  # the furthest row (column) a move comes from
        self.lo_of: list[int] = []
        self.rows: list[array | None] = []
        self.backs: list[bytearray] = []
        memo = model._memo
        self.cover = memo.cover
        self.merged_content = model.bead_content
        self.before_a, self.before_b = model.before_a, model.before_b
        self.sa, self.sb = model.sa, model.sb
        self.base_a, self.base_b = model.ab.base, model.ba.base
        self.ga, self.gb, self.gb_kept = model.ga, model.gb, model._gb
        self.c, self.s2 = model.c, model.p.s2
        self.merged_moves = [(mi + 1, k, l) for mi, (k, l) in enumerate(MOVES)
                             if k and l and k + l > 2]
        self.log_alpha = model.log_alpha
        if memo.cands_width != model.width:
            memo.cands, memo.cands_width = {}, model.width
        self.cands_of = memo.cands
        # A's sentence x -> the y its content score on is above log alpha
        self.strong: dict[int, set] = {}

    def fill_row(self, i: int) -> None:
        """Row ``i``: its band of columns, every move into it, then the release of what no
        later row reads."""
        n, m, band = self.n, self.m, self.band
        center = (i * m / n) if n else 0
        lo = max(0, int(center) - band)
        hi = min(m, int(center) + band)
        width = hi - lo + 1
        row = array("d", (_NEG,)) * width
        back = bytearray(width)
        self.lo_of.append(lo)
        self.rows.append(row)
        self.backs.append(back)
        merged: dict[int, tuple] = {}  # column - lo -> (best merged total, its move's code)
        if i:
            self.one_to_one(i, lo, hi, row, back)
            self.one_to_none(i, lo, hi, row, back)
            merged = self.merged_beads(i, lo, hi)
        self.none_to_one(i, row, back, merged)
        reach = self.reach
        if i >= reach:
            self.rows[i - reach] = None  # no move reaches further back
            self.strong.pop(i - reach, None)
        # the next row's beads start at row i + 1 - reach or later, and at column
        # lo(i + 1) - reach or later (the band's lower edge never moves left)
        nxt = (i + 1) * m / n if n else 0
        self.model.release(i + 1 - reach, max(0, int(nxt) - band) - reach)

    def row(self, i: int) -> array:
        """Row ``i``'s scores (kept: a move reaches it)."""
        got = self.rows[i]
        assert got is not None, i
        return got

    def one_to_one(self, i: int, lo: int, hi: int, row: array, back: bytearray) -> None:
        """1-1: bead (i - 1, 1, y, 1) ending at column j = y + 1."""
        NEG = _NEG
        FORB = FORBIDDEN
        i1 = i - 1
        prow, plo = self.row(i1), self.lo_of[i1]
        plen = len(prow)
        j_lo, j_hi = max(lo, 1, plo + 1), min(hi, plo + plen)
        if hi - 1 < max(0, lo - 1):
            return
        before_a, before_b = self.before_a, self.before_b
        base_a, base_b = self.base_a, self.base_b
        ga, gb, gb_kept = self.ga, self.gb, self.gb_kept
        sb = self.sb
        p11 = self.p11
        log, erfc, sqrt = math.log, math.erfc, math.sqrt
        root2, tiny = _ROOT2, _TINY
        arr, alo = self.cover(i1, 1, 1, max(0, lo - 1), hi - 1)
        gai = None  # A's sentence i - 1's hit window, fetched when needed
        bag_i = self.sa[i1].bag
        la = before_a[i] - before_a[i1]
        cla, sq = self.c * la, sqrt(self.s2 * la)
        for j in range(j_lo, j_hi + 1):
            y = j - 1
            prev = prow[y - plo]
            if prev == NEG:
                continue
            g = arr[y - alo]
            if g != g:  # noqa: PLR0124  (NaN: not computed yet)
                # :meth:`BeadModel.bead_content` of a 1-1 bead
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

    def one_to_none(self, i: int, lo: int, hi: int, row: array, back: bytearray) -> None:
        """1-0: from the cell above."""
        NEG = _NEG
        skip = self.skip
        prow, plo = self.row(i - 1), self.lo_of[i - 1]
        plen = len(prow)
        for j in range(max(lo, plo), min(hi, plo + plen - 1) + 1):
            prev = prow[j - plo]
            if prev == NEG:
                continue
            total = prev + skip
            if total > row[j - lo]:
                row[j - lo] = total
                back[j - lo] = 2

    def merged_beads(self, i: int, lo: int, hi: int) -> dict[int, tuple]:
        """The best merged bead ending at each column of row ``i`` (column - lo -> (its
        total, its move's code)): in MOVES order (ties keep the earlier move), at the
        columns where every merged sentence hits the other side's with a content score
        above log alpha (the others the rule forbids: see :meth:`BeadModel._content`)."""
        NEG = _NEG
        FORB = FORBIDDEN
        lo_of = self.lo_of
        cover, merged_content, prior = self.cover, self.merged_content, self.prior
        before_a, before_b = self.before_a, self.before_b
        c, s2 = self.c, self.s2
        log, erfc, sqrt = math.log, math.erfc, math.sqrt
        root2, tiny = _ROOT2, _TINY
        merged: dict[int, tuple] = {}
        pre = self.cands_of.get(i)
        if pre is None:
            pre = self.cands_of[i] = self.merged_columns(i, lo, hi)
        for (code, k, l), cands in zip(self.merged_moves, pre):
            if not cands:
                continue
            src = self.row(i - k)
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
        return merged

    def none_to_one(self, i: int, row: array, back: bytearray, merged: dict) -> None:
        """0-1 (from the cell to the left, final by now), then the best merged bead."""
        NEG = _NEG
        skip = self.skip
        for x in range(len(row)):
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

    def strong_a(self, x: int) -> set:
        got = self.strong.get(x)
        if got is None:
            bx = self.base_a[x]
            log_alpha = self.log_alpha
            got = self.strong[x] = {y for y, g in self.ga(x).items() if bx + g > log_alpha}
        return got

    def merged_columns(self, i: int, lo: int, hi: int) -> tuple:
        """Per merged shape (k, l) of ``merged_moves``, the sorted first columns y of the
        beads (i - k, k, y, l) whose merged sentences each hit the other side's with a
        content score above log alpha; B's of those among [lo - 3, hi - 1]."""
        gb, gb_kept, base_b, log_alpha = self.gb, self.gb_kept, self.base_b, self.log_alpha
        strong_a = self.strong_a
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
        cands: set[int] | list[int] | tuple[()]
        for _, k, l in self.merged_moves:
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

    def trace_back(self) -> tuple[list[Bead], bool]:
        """The beads of the best path, from the last cell back to the first, and whether
        the path touches the band's edge."""
        model, n, m, band = self.model, self.n, self.m, self.band
        backs, lo_of = self.backs, self.lo_of
        touched = False
        beads: list[Bead] = []
        i, j = n, m
        while i > 0 or j > 0:
            k, l = MOVES[backs[i][j - lo_of[i]] - 1]
            center = (i * m / n) if n else 0
            if band < m and abs(j - center) >= band - 1:
                touched = True
            a = list(range(i - k, i))
            b = list(range(j - l, j))
            if a and b:
                beads.append(Bead(a, b, model.coverage(i - k, k, j - l, l), BeadKind.MATCH))
            else:
                beads.append(Bead(a, b, 0.0, BeadKind.OMISSION if a else BeadKind.ADDITION))
            i, j = i - k, j - l
        beads.reverse()
        return beads, touched


def fill_gaps(beads: list[Bead], model: BeadModel, linked_a: set | frozenset = frozenset(),
              linked_b: set | frozenset = frozenset()) -> None:
    """Gale-Church's rule for the gaps of the path: the sentences left unaligned on both
    sides between the same two aligned neighbours are aligned again, in order, by the
    bead model without the rule that a 1-1 bead needs a word hit (the dynamic programme
    keeps it so that a heading is not paired by position). So a sentence translated in
    other words than the lexicon's (``¿Quiénes son?`` / ``Who are they?``) is paired with
    the sentence at its place when the model prefers the 1-1 bead to a 1-0 and a 0-1
    bead: its prior, length and content score (the content evidence, negative without a
    hit, counts against it) beat the two null beads' priors; a long sentence whose words
    the other one does not carry stays unaligned. A heading is still paired on content
    only (a word hit). The gap is realigned when the product of its sides is at most
    ``band`` squared (a computational bound, as the band is). Sentences in ``linked_a``
    / ``linked_b`` (linked out of order already, on content: pass 2 calls this after
    linking moved sentences, so a moved sentence is not paired by position with the
    sentence that took its place) are left as they are. Nothing is realigned when no
    sentence is matched: the length ratio is then the whole documents', which the
    sentences one version lacks distort."""
    if not any(bd.kind == "match" for bd in beads):
        # the length ratio is known from the matched sentences (the whole documents'
        # ratio counts the sentences one version lacks): without any, lengths cannot
        # tell which sentence stands at which place
        return
    out: list[Bead] = []
    cap = model.p.band * model.p.band
    x = 0
    while x < len(beads):
        if beads[x].kind not in (BeadKind.OMISSION, BeadKind.ADDITION):
            out.append(beads[x])
            x += 1
            continue
        y = x
        while y < len(beads) and beads[y].kind in (BeadKind.OMISSION, BeadKind.ADDITION):
            y += 1
        run = beads[x:y]
        before = out[-1].kind if out else "match"
        after = beads[y].kind if y < len(beads) else "match"
        la = sorted(i for bd in run for i in bd.a if i not in linked_a)
        lb = sorted(j for bd in run for j in bd.b if j not in linked_b)
        if before == "match" and after == "match" and la and lb and len(la) * len(lb) <= cap:
            out.extend(_realign_gap(model, la, lb))
            out.extend(bd for bd in run if (bd.a and bd.a[0] in linked_a)
                       or (bd.b and bd.b[0] in linked_b))
        else:
            out.extend(run)
        x = y
    beads[:] = out


def _realign_gap(model: BeadModel, la: list[int], lb: list[int]) -> list[Bead]:
    """The best monotonic beads (1-1, 1-0, 0-1) of A's sentences ``la`` and B's ``lb``
    (see :func:`fill_gaps`)."""
    sa, sb = model.sa, model.sb
    skip = model.prior[(1, 0)]
    n, m = len(la), len(lb)
    score = [[_NEG] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    score[0][0] = 0.0
    for p in range(n + 1):
        for q in range(m + 1):
            best, move = score[p][q], back[p][q]
            if p and score[p - 1][q] + skip > best:
                best, move = score[p - 1][q] + skip, 2
            if q and score[p][q - 1] + skip > best:
                best, move = score[p][q - 1] + skip, 3
            if p and q:
                i, j = la[p - 1], lb[q - 1]
                if not ((sa[i].heading or sb[j].heading) and not model.shares(i, j)):
                    total = (score[p - 1][q - 1] + model.prior[(1, 1)]
                             + model.length_logp(sa[i].length, sb[j].length)
                             + model.content(i, 1, j, 1))
                    if total > best:
                        best, move = total, 1
            score[p][q], back[p][q] = best, move
    out: list[Bead] = []
    p, q = n, m
    while p or q:
        move = back[p][q]
        if move == 1:
            i, j = la[p - 1], lb[q - 1]
            out.append(Bead([i], [j], model.coverage(i, 1, j, 1), BeadKind.MATCH))
            p, q = p - 1, q - 1
        elif move == 2:
            out.append(Bead([la[p - 1]], [], 0.0, BeadKind.OMISSION))
            p -= 1
        else:
            out.append(Bead([], [lb[q - 1]], 0.0, BeadKind.ADDITION))
            q -= 1
    out.reverse()
    return out
