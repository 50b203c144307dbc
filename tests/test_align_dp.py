"""The aligner's row-at-a-time DP (merged beads scored only where the rule allows them,
the length term with per-row constants) finds the path of the plain cell-by-cell DP over
:meth:`_Model.bead`, the model's own bead score."""

import random

from concord.align import _MOVES, AlignParams, _dp, _Model, _sentence

from conftest import made_up_sentences


def _versions(n: int, seed: int):
    """Two versions of an n-sentence text of made-up words: B merges some neighbours of
    A into one sentence, splits some, drops some and adds its own."""
    rng = random.Random(seed)
    sentence = made_up_sentences(rng, 15, 40 * n, 0.3, (6, 14))

    a = [sentence() for _ in range(n)]
    b = []
    i = 0
    while i < n:
        r = rng.random()
        if r < 0.1 and i + 1 < n:
            b.append(a[i][:-1] + " " + a[i + 1])  # two sentences of A in one of B
            i += 2
            continue
        if r < 0.2:
            words = a[i][:-1].split()
            b += [" ".join(words[: len(words) // 2]) + ".", " ".join(words[len(words) // 2:]) + "."]
        elif r < 0.25:
            pass  # dropped
        else:
            b.append(a[i])
        if rng.random() < 0.05:
            b.append(sentence())
        i += 1
    return a, b


def _plain_path(model: _Model, n: int, m: int) -> list[tuple[int, int]]:
    """The moves (k, l) of the best path, by the textbook DP over every cell."""
    neg = float("-inf")
    best = {(0, 0): (0.0, None)}
    for i in range(n + 1):
        for j in range(m + 1):
            if i == j == 0:
                continue
            top, arg = neg, None
            for k, l in _MOVES:
                prev = best.get((i - k, j - l))
                if prev is None or prev[0] == neg:
                    continue
                if k == 0 or l == 0:
                    total = prev[0] + model.prior[(1, 0)]
                else:
                    s = model.bead(i - k, k, j - l, l)
                    if s is None:
                        continue
                    total = prev[0] + s
                if total > top:
                    top, arg = total, (k, l)
            best[(i, j)] = (top, arg)
    path, i, j = [], n, m
    while i or j:
        k, l = best[(i, j)][1]
        path.append((k, l))
        i, j = i - k, j - l
    return path[::-1]


def test_row_dp_finds_the_plain_dp_path():
    merged = 0
    for seed in (1, 2, 3):
        a, b = _versions(40, seed)
        sa = [_sentence(t, None, None, "en", None) for t in a]
        sb = [_sentence(t, None, None, "en", None) for t in b]
        n, m = len(sa), len(sb)
        band = max(n, m)  # the whole matrix: the plain DP has no band
        fast = _Model(sa, sb, AlignParams(lexicon=False))
        fast.set_band(band)
        beads, touched = _dp(fast, n, m, band)
        plain = _Model(sa, sb, AlignParams(lexicon=False))
        plain.set_band(band)
        want = _plain_path(plain, n, m)
        assert [(len(bd.a), len(bd.b)) for bd in beads] == want
        assert not touched
        merged += sum(1 for k, l in want if k and l and k + l > 2)
    assert merged >= 3  # the merged beads' shortcut is exercised
