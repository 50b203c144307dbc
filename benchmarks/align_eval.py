"""Evaluation helpers for alignment benchmarks and tests (not used by the product).

``final_links`` writes an alignment the way gold alignments are written, ``monotonic``
gives the in-order view of it, and ``score_links`` scores links with the strict and lax
definitions of Bleualign and vecalign.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from concord.document import Bead


def final_links(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The alignment as links, the way gold alignments are written: matches, moved and
    repeated sentences, and 1-0 / 0-1 links for what is unaligned."""
    return [(tuple(b.a), tuple(b.b)) for b in beads]


def monotonic(beads: list[Bead]) -> list[Bead]:
    """The in-order view: matches, with every other sentence as a 1-0 / 0-1 bead at its
    place (moved and repeated sentences too); covers each sentence of both sides once."""
    mono = [b for b in beads if b.kind == "match" or not (b.a and b.b)]
    seen_a = {i for b in mono for i in b.a}
    seen_b = {j for b in mono for j in b.b}
    lone_a = sorted({i for b in beads for i in b.a} - seen_a)
    lone_b = sorted({j for b in beads for j in b.b} - seen_b)
    out: list[Bead] = []
    xa = xb = 0
    for b in mono:
        while b.a and xa < len(lone_a) and lone_a[xa] < b.a[0]:
            out.append(Bead([lone_a[xa]], [], 0.0, "omission"))
            xa += 1
        while b.b and xb < len(lone_b) and lone_b[xb] < b.b[0]:
            out.append(Bead([], [lone_b[xb]], 0.0, "addition"))
            xb += 1
        out.append(b)
    out += [Bead([i], [], 0.0, "omission") for i in lone_a[xa:]]
    out += [Bead([], [j], 0.0, "addition") for j in lone_b[xb:]]
    return out


def score_links(gold: list[list], test: list[list]) -> dict:
    """Precision, recall and F1 of ``test`` links against ``gold`` links (one list of
    ``(a_ids, b_ids)`` links per document pair, summed over the pairs), with the strict and lax
    definitions of Bleualign and vecalign: a strict hit is an exact link; a lax hit shares
    at least one sentence with a gold link on each side; 1-0 and 0-1 links count for
    precision only. Also P/R/F1 of the 1-0 and 0-1 links alone (``gap_*``)."""
    counts = dict.fromkeys(("p_strict", "p_lax", "p_n", "r_strict", "r_lax", "r_n",
                            "gap_hit", "gap_test", "gap_gold"), 0)

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


