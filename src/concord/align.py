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
import re
from dataclasses import dataclass, field

from .facts.base import fold as _fold

_STOP = set("""
the a an of and to in is was for that with on as by at from his her it its be have has are
were this which or not but had they their said after who will would been also more than
into over about up out he she we you i our there what when where how all any some such
these those other its de la el los las que y en del por con para una un se su sus al es lo
como más pero le ya fue este esta ha han o e u
""".split())

_WORD = re.compile(r"\w+(?:[.,]\d+)*", re.U)


def normalise_number(tok: str) -> str:
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", tok):
        return re.sub(r"[.,]", "", tok)
    if re.fullmatch(r"\d+[.,]\d+", tok):
        return tok.replace(",", ".")
    return tok


@dataclass
class SentenceFeatures:
    stems: frozenset
    anchors: frozenset
    length: int


def features(pivot_text: str, source_text: str | None = None) -> SentenceFeatures:
    """Content-word stems of the pivot text and anchors of both texts."""
    stems = set()
    anchors = set()
    for m in _WORD.finditer(pivot_text):
        w = m.group(0)
        if w[0].isdigit():
            n = normalise_number(w)
            stems.add("#" + n)
            anchors.add("#" + n)
            continue
        f = _fold(w)
        if f in _STOP or len(f) < 2:
            continue
        stems.add(f[:5])
        if w[0].isupper() and len(f) >= 3:
            anchors.add(f)
    if source_text and source_text != pivot_text:
        for m in _WORD.finditer(source_text):
            w = m.group(0)
            if w[0].isdigit():
                anchors.add("#" + normalise_number(w))
            elif w[0].isupper() and len(w) >= 3 and _fold(w) not in _STOP:
                anchors.add(_fold(w))
    return SentenceFeatures(frozenset(stems), frozenset(anchors), max(1, len(pivot_text)))


@dataclass
class Bead:
    a: list[int]
    b: list[int]
    score: float
    kind: str = "match"  # match | omission | addition | moved | repeated

    def to_dict(self) -> dict:
        return {"a": list(self.a), "b": list(self.b), "score": round(self.score, 4),
                "kind": self.kind}


@dataclass
class AlignParams:
    skip_threshold: float = 0.1  # a match must beat this similarity to be worth keeping
    merge_penalty: float = 0.06
    anchor_weight: float = 0.35
    length_weight: float = 0.08
    moved_threshold: float = 0.30
    band: int = 30


def _dice(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


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
                                   sum(f.length for f in fs))
            self.cache[key] = got
        return got


def similarity(fa: SentenceFeatures, fb: SentenceFeatures, p: AlignParams) -> float:
    text = _dice(fa.stems, fb.stems)
    if fa.anchors or fb.anchors:
        anch = _dice(fa.anchors, fb.anchors)
        sim = (1 - p.anchor_weight) * text + p.anchor_weight * anch
        # Anchors on one side only weigh less: MT may drop or translate a name.
        if not (fa.anchors and fb.anchors):
            sim = max(sim, text * 0.85)
    else:
        sim = text
    ratio = abs(math.log(fa.length / fb.length))
    return sim - p.length_weight * max(0.0, ratio - 0.4)


_MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2))


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

    band = max(p.band, abs(n - m) + 10)
    while True:
        beads, touched_edge = _dp(n, m, band, sim, p)
        if not touched_edge or band >= max(n, m):
            break
        band *= 2
    _second_pass(beads, fa, fb, p)
    return beads


def _dp(n, m, band, sim, p):
    NEG = float("-inf")
    best: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int, float]] = {}
    touched = False
    for i in range(n + 1):
        center = (i * m / n) if n else 0
        lo = max(0, int(center) - band)
        hi = min(m, int(center) + band)
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            top = NEG
            arg = None
            for k, l in _MOVES:
                pi, pj = i - k, j - l
                if pi < 0 or pj < 0:
                    continue
                prev = best.get((pi, pj))
                if prev is None:
                    continue
                if k == 0 or l == 0:
                    gain = 0.0
                    s = 0.0
                else:
                    s = sim(pi, k, pj, l)
                    weight = (k + l) / 2
                    gain = (s - p.skip_threshold) * weight
                    if k + l > 2:
                        gain -= p.merge_penalty
                        # every part of a merge must share something with the other side
                        if k == 2 and (sim(pi, 1, pj, l) <= 0 or sim(pi + 1, 1, pj, l) <= 0):
                            continue
                        if l == 2 and (sim(pi, k, pj, 1) <= 0 or sim(pi, k, pj + 1, 1) <= 0):
                            continue
                    if gain <= 0:
                        continue  # a weak match is worse than two unaligned sentences
                total = prev + gain
                if total > top:
                    top = total
                    arg = (k, l, s)
            if arg is not None:
                best[(i, j)] = top
                back[(i, j)] = arg
    if (n, m) not in best:  # cannot happen: skips always connect
        raise RuntimeError("alignment failed")
    beads: list[Bead] = []
    i, j = n, m
    while i > 0 or j > 0:
        k, l, s = back[(i, j)]
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
            s = similarity(fa[i], fb[j], p)
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
            s = similarity(fa[i], fb[j], p)
            if s > best_s:
                best_i, best_s = i, s
        if best_i is not None:
            kind = "repeated" if best_i in aligned_a or best_i in used_a else "moved"
            extra.append(Bead([best_i], [j], best_s, kind))
    beads.extend(sorted(extra, key=lambda b: (b.a, b.b)))


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


def monotonic(beads: list[Bead]) -> list[Bead]:
    """The pass-1 beads (they cover every sentence of both sides exactly once)."""
    return [b for b in beads if b.kind in ("match", "omission", "addition")]
