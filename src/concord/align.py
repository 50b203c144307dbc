"""Sentence alignment of two versions of a story.

Pass 1 is a monotonic dynamic programme (in the spirit of Gale-Church, Bleualign and
vecalign) over beads 1-1, 1-2, 2-1, 2-2, 1-0 and 0-1, restricted to a band around the
diagonal that widens when the best path comes near its edge. A bead's score combines

* lexical similarity of the pivot-language texts (Dice over content-word stems, so MT
  output and human English meet half way),
* agreement of language-independent anchors (numbers, capitalised names), read from the
  original text as well as the translation, and
* the length ratio.

Pass 2 looks among what pass 1 left unaligned for non-monotonic matches: a moved
paragraph (``moved``), or an FAQ that restates an earlier fact (``repeated``: the other
side's sentence is already aligned). What is still unaligned becomes ``omission`` (only
in A) or ``addition`` (only in B).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .document import Bead, BeadKind
from .text import SentenceFeatures, contained, dice, features


@dataclass
class AlignParams:
    skip_threshold: float = 0.05  # a match must beat this similarity to be worth keeping
    merge_penalty: float = 0.1  # per extra sentence in a bead
    merge_cover: float = 0.25  # each merged sentence: share of its words the other side carries
    merge_names: float = 0.5  # ...and, when it has names none of which the other side has, this
    anchor_weight: float = 0.35
    length_weight: float = 0.08
    moved_threshold: float = 0.36  # pass 2: see _restatement
    twin_threshold: float = 0.6  # pass 2: a lone sentence restating one of its own version's
    band: int = 30


def _merge_part_ok(part: SentenceFeatures, whole: SentenceFeatures, p: AlignParams) -> bool:
    """May ``part`` join a merged bead whose other side is ``whole``? It must share content
    words; a sentence with two or more names or numbers, none of which the other side has,
    must share more (a translation keeps names, so such a sentence is more likely dropped
    than merged)."""
    cover = contained(part, whole)
    if cover < p.merge_cover:
        return False
    if len(part.names) >= 2 and not (part.names & whole.anchors):
        return cover >= p.merge_names
    return True


@dataclass
class _Side:
    feats: list[SentenceFeatures]
    cache: dict = field(default_factory=dict)

    def span(self, i: int, k: int) -> SentenceFeatures:
        if k == 1:
            return self.feats[i]
        key = (i, k)
        got = self.cache.get(key)
        if got is None:
            fs = self.feats[i:i + k]
            got = SentenceFeatures(frozenset().union(*(f.stems for f in fs)),
                                   frozenset().union(*(f.anchors for f in fs)),
                                   sum(f.length for f in fs),
                                   frozenset().union(*(f.content for f in fs)),
                                   frozenset().union(*(f.names for f in fs)))
            self.cache[key] = got
        return got


def similarity(fa: SentenceFeatures, fb: SentenceFeatures, p: AlignParams) -> float:
    text = dice(fa.stems, fb.stems)
    if fa.anchors or fb.anchors:
        anch = dice(fa.anchors, fb.anchors)
        sim = (1 - p.anchor_weight) * text + p.anchor_weight * anch
        # Anchors on one side only weigh less: MT may drop or translate a name.
        if not (fa.anchors and fb.anchors):
            sim = max(sim, text * 0.85)
    else:
        sim = text
    ratio = abs(math.log(fa.length / fb.length))
    return sim - p.length_weight * max(0.0, ratio - 0.4)


_MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))


def align_features(fa: list[SentenceFeatures], fb: list[SentenceFeatures],
                   params: AlignParams | None = None) -> list[Bead]:
    """Align two sentence-feature lists; return monotonic beads then pass-2 beads."""
    p = params or AlignParams()
    n, m = len(fa), len(fb)
    A, B = _Side(fa), _Side(fb)
    sim_cache: dict = {}

    def sim(i: int, k: int, j: int, l: int) -> float:
        key = (i, k, j, l)
        v = sim_cache.get(key)
        if v is None:
            v = similarity(A.span(i, k), B.span(j, l), p)
            sim_cache[key] = v
        return v

    merge_cache: dict = {}

    def merge_ok(i: int, k: int, j: int, l: int) -> bool:
        key = (i, k, j, l)
        v = merge_cache.get(key)
        if v is None:
            whole_b, whole_a = B.span(j, l), A.span(i, k)
            v = (all(_merge_part_ok(fa[i + x], whole_b, p) for x in range(k) if k > 1)
                 and all(_merge_part_ok(fb[j + y], whole_a, p) for y in range(l) if l > 1))
            merge_cache[key] = v
        return v

    overlap = _overlaps(fa, fb)
    band = max(p.band, abs(n - m) + 10)
    while True:
        beads, touched_edge = _dp(n, m, band, sim, merge_ok, p, overlap)
        if not touched_edge or band >= max(n, m):
            break
        band *= 2
    _fill_gaps(beads, fa, fb)
    _second_pass(beads, fa, fb, p)
    return beads


def _overlaps(fa: list[SentenceFeatures], fb: list[SentenceFeatures]) -> list[set[int]]:
    """For each sentence of A, the sentences of B sharing a stem or an anchor with it: a
    bead whose sentences share nothing scores at most zero, so the DP skips it unscored."""
    index: dict[str, list[int]] = {}
    for j, f in enumerate(fb):
        for key in f.stems | f.anchors:
            index.setdefault(key, []).append(j)
    out = []
    for f in fa:
        js: set[int] = set()
        for key in f.stems | f.anchors:
            js.update(index.get(key, ()))
        out.append(js)
    return out


def _dp(n, m, band, sim, merge_ok, p, overlap):
    NEG = float("-inf")
    # row i holds the best score of every cell (i, j) for j in [lo[i], hi[i]]
    lo_of: list[int] = []
    rows: list[list[float]] = []
    backs: list[list[tuple | None]] = []
    skip, pen = p.skip_threshold, p.merge_penalty
    for i in range(n + 1):
        center = (i * m / n) if n else 0
        lo = max(0, int(center) - band)
        hi = min(m, int(center) + band)
        row = [NEG] * (hi - lo + 1)
        back: list[tuple | None] = [None] * (hi - lo + 1)
        lo_of.append(lo)
        rows.append(row)
        backs.append(back)
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            top = NEG
            arg = None
            for k, l in _MOVES:
                pi, pj = i - k, j - l
                if pi < 0 or pj < 0:
                    continue
                prow = rows[pi]
                x = pj - lo_of[pi]
                if x < 0 or x >= len(prow):
                    continue
                prev = prow[x]
                if prev == NEG:
                    continue
                if k == 0 or l == 0:
                    gain = 0.0
                    s = 0.0
                else:
                    if k == 1 and l == 1:
                        if pj not in overlap[pi]:
                            continue
                    elif k == 2:
                        if pj not in overlap[pi] and pj not in overlap[pi + 1]:
                            continue
                    elif pj not in overlap[pi] and pj + 1 not in overlap[pi]:
                        continue
                    s = sim(pi, k, pj, l)
                    gain = (s - skip) * (k + l) / 2
                    if k + l > 2:
                        gain -= pen * (k + l - 2)
                    if gain <= 0:
                        continue  # a weak match is worse than two unaligned sentences
                    # every part of a merge must be carried by the other side: a
                    # sentence that only shares a name with it is an addition
                    if k + l > 2 and not merge_ok(pi, k, pj, l):
                        continue
                total = prev + gain
                if total > top:
                    top = total
                    arg = (k, l, s)
            if arg is not None:
                row[j - lo] = top
                back[j - lo] = arg
    touched = False
    if rows[n][m - lo_of[n]] == NEG:  # cannot happen: skips always connect
        raise RuntimeError("alignment failed")
    beads: list[Bead] = []
    i, j = n, m
    while i > 0 or j > 0:
        k, l, s = backs[i][j - lo_of[i]]
        center = (i * m / n) if n else 0
        if band < m and abs(j - center) >= band - 1:
            touched = True
        a = list(range(i - k, i))
        b = list(range(j - l, j))
        kind = "match" if a and b else ("omission" if a else "addition")
        beads.append(Bead(a, b, s if a and b else 0.0, kind))
        i, j = i - k, j - l
    beads.reverse()
    return beads, touched


def _fill_gaps(beads: list[Bead], fa, fb) -> None:
    """Gale-Church's rule for a gap of one sentence on each side between the same aligned
    neighbours: when both state a number or date and their lengths agree, they are one
    bead even if MT shares no word between them (``The board will meet again on June 30``
    / ``La junta volverá a reunirse el 31 de julio``), so their facts get compared."""
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
            ratio = fa[i].length / fb[j].length
            has_num = all(any(t.startswith("#") for t in f.anchors) for f in (fa[i], fb[j]))
            # a longer gap gives no positional evidence
            if before == "match" and after == "match" and has_num and 0.6 <= ratio <= 1 / 0.6:
                out.append(Bead([i], [j], 0.0, "match"))
                x += 2
                continue
        out.append(one)
        x += 1
    beads[:] = out


def _restatement(lone: SentenceFeatures, other: SentenceFeatures, p: AlignParams) -> float:
    """How well ``other`` restates an unaligned sentence: the mean of their similarity and
    of the share of the lone sentence's content that ``other`` carries."""
    return (similarity(lone, other, p) + contained(lone, other)) / 2


def _second_pass(beads: list[Bead], fa, fb, p: AlignParams) -> None:
    """Find moved or repeated sentences among the unaligned ones (adds beads)."""
    aligned_a = {i for bd in beads if bd.kind == "match" for i in bd.a}
    aligned_b = {j for bd in beads if bd.kind == "match" for j in bd.b}
    lone_a = [bd.a[0] for bd in beads if bd.kind == "omission"]
    lone_b = [bd.b[0] for bd in beads if bd.kind == "addition"]
    extra: list[Bead] = []
    used_b: set[int] = set()
    used_a: set[int] = set()
    for i in lone_a:
        best_j, best_s = None, p.moved_threshold
        for j in range(len(fb)):
            s = _restatement(fa[i], fb[j], p)
            if s > best_s:
                best_j, best_s = j, s
        if best_j is not None:
            kind = "repeated" if best_j in aligned_b or best_j in used_b else "moved"
            extra.append(Bead([i], [best_j], best_s, kind))
            used_a.add(i)
            used_b.add(best_j)
    for j in lone_b:
        if j in used_b:
            continue
        best_i, best_s = None, p.moved_threshold
        for i in range(len(fa)):
            s = _restatement(fb[j], fa[i], p)
            if s > best_s:
                best_i, best_s = i, s
        if best_i is not None:
            kind = "repeated" if best_i in aligned_a or best_i in used_a else "moved"
            extra.append(Bead([best_i], [j], best_s, kind))
            used_b.add(j)
    # A lone sentence that restates another sentence of its own version (an FAQ answer
    # repeating the story) is linked, as repeated, to that sentence's counterpart: the
    # comparison is within one language, so no MT noise, and the bar is higher.
    partners_a = {i: bd.b for bd in beads if bd.kind == "match" for i in bd.a}
    partners_b = {j: bd.a for bd in beads if bd.kind == "match" for j in bd.b}
    for i in lone_a:
        if i not in used_a:
            twin = _twin(i, fa, partners_a, p)
            if twin:
                extra.append(Bead([i], list(partners_a[twin[0]]), twin[1], "repeated"))
    for j in lone_b:
        if j not in used_b:
            twin = _twin(j, fb, partners_b, p)
            if twin:
                extra.append(Bead(list(partners_b[twin[0]]), [j], twin[1], "repeated"))
    beads.extend(sorted(extra, key=lambda b: (b.a, b.b)))


def _twin(i: int, feats: list[SentenceFeatures], partners: dict, p: AlignParams):
    """The aligned sentence of the same version that ``i`` restates, with the score, or
    None. It must carry every number of ``i`` (a new figure is not a repetition; names are
    checked across whole documents, so a new name is reported either way)."""
    lone = feats[i]
    if len(lone.content) < 3:
        return None
    numbers = {a for a in lone.names if a.startswith("#")}
    best = None
    for k in partners:
        if not numbers <= feats[k].anchors:
            continue
        s = _restatement(lone, feats[k], p)
        if s >= p.twin_threshold and (best is None or s > best[1]):
            best = (k, s)
    return best


def align_texts(a_texts: list[str], b_texts: list[str], a_source: list[str] | None = None,
                b_source: list[str] | None = None, params: AlignParams | None = None) -> list[Bead]:
    """Align two lists of sentences given as pivot-language texts (and optional originals)."""
    fa = [features(t, a_source[i] if a_source else None) for i, t in enumerate(a_texts)]
    fb = [features(t, b_source[i] if b_source else None) for i, t in enumerate(b_texts)]
    return align_features(fa, fb, params)


def align_documents(doc_a, doc_b, params: AlignParams | None = None) -> list[Bead]:
    """Align two segmented (and, where needed, translated) Documents."""
    return align_texts([s.pivot_text for s in doc_a.sentences],
                       [s.pivot_text for s in doc_b.sentences],
                       [s.text for s in doc_a.sentences], [s.text for s in doc_b.sentences],
                       params)


def final_links(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The alignment as links, the way gold alignments are written: matches, moved and
    repeated sentences, and 1-0 / 0-1 links for what is still unaligned (a pass-2 bead
    replaces the pass-1 omission or addition of the sentences it links)."""
    second = [b for b in beads if b.kind in (BeadKind.MOVED, BeadKind.REPEATED)]
    linked_a = {i for b in second for i in b.a}
    linked_b = {j for b in second for j in b.b}
    out = []
    for b in beads:
        if b.kind == "omission" and b.a[0] in linked_a:
            continue
        if b.kind == "addition" and b.b[0] in linked_b:
            continue
        out.append((tuple(b.a), tuple(b.b)))
    return out


def score_links(gold: list[list], test: list[list]) -> dict:
    """Precision, recall and F1 of ``test`` links against ``gold`` links (one list of
    ``(a_ids, b_ids)`` links per document pair, summed over the pairs), with the strict and lax
    definitions of Bleualign and vecalign: a strict hit is an exact link; a lax hit shares
    at least one sentence with a gold link on each side; 1-0 and 0-1 links count for
    precision only. Also P/R/F1 of the 1-0 and 0-1 links alone (``gap_*``)."""
    counts = dict.fromkeys(("p_strict", "p_lax", "p_n", "r_strict", "r_lax", "r_n", "gap_hit", "gap_test", "gap_gold"), 0)

    def hits(ref, hyp):
        ref_set = {(tuple(a), tuple(b)) for a, b in ref}
        a_to_b: dict[int, set] = {}
        for a, b in ref_set:
            for i in a:
                a_to_b.setdefault(i, set()).update(b)
        strict = lax = n = 0
        for a, b in {(tuple(a), tuple(b)) for a, b in hyp}:
            if not a and not b:
                continue
            n += 1
            if (a, b) in ref_set:
                strict += 1
                lax += 1
            elif set(b) & set().union(*(a_to_b.get(i, set()) for i in a)):
                lax += 1
        return strict, lax, n

    for g, t in zip(gold, test):
        s, l, n = hits(g, t)
        counts["p_strict"] += s
        counts["p_lax"] += l
        counts["p_n"] += n
        s, l, n = hits([x for x in t if x[0] and x[1]], [x for x in g if x[0] and x[1]])
        counts["r_strict"] += s
        counts["r_lax"] += l
        counts["r_n"] += n
        g_gap = {(tuple(a), tuple(b)) for a, b in g if not (a and b)}
        t_gap = {(tuple(a), tuple(b)) for a, b in t if not (a and b)}
        counts["gap_hit"] += len(g_gap & t_gap)
        counts["gap_test"] += len(t_gap)
        counts["gap_gold"] += len(g_gap)

    def f1(p, r):
        return 2 * p * r / (p + r) if p + r else 0.0

    def div(x, y):
        return x / y if y else 0.0

    out = {}
    for kind in ("strict", "lax"):
        p, r = div(counts[f"p_{kind}"], counts["p_n"]), div(counts[f"r_{kind}"], counts["r_n"])
        out[f"precision_{kind}"], out[f"recall_{kind}"], out[f"f1_{kind}"] = p, r, f1(p, r)
    p, r = div(counts["gap_hit"], counts["gap_test"]), div(counts["gap_hit"], counts["gap_gold"])
    out["precision_gap"], out["recall_gap"], out["f1_gap"] = p, r, f1(p, r)
    return out


def monotonic(beads: list[Bead]) -> list[Bead]:
    """The pass-1 beads (they cover every sentence of both sides exactly once)."""
    return [b for b in beads if b.kind in (BeadKind.MATCH, BeadKind.OMISSION, BeadKind.ADDITION)]
