"""The second pass: links the sentences the dynamic programme left alone out of order,
``moved`` (a lone sentence with a lone sentence) or ``repeated`` (a restatement of a
sentence already aligned), and tells layout headings from omissions."""

from __future__ import annotations

import math
from bisect import bisect_left

from ..document import Bead, BeadKind
from .beads import BeadModel
from .dp import fill_gaps
from .evidence import LexicalEvidence
from .params import AlignParams


def second_pass(beads: list[Bead], model: BeadModel) -> None:
    """Link unaligned sentences out of order (moved), or to a sentence already aligned
    (repeated); drop the omission/addition beads of the sentences so linked."""
    lone_a = [bd.a[0] for bd in beads if bd.kind == "omission"]
    lone_b = [bd.b[0] for bd in beads if bd.kind == "addition"]
    links = _Links(beads, model, lone_a, lone_b)
    links.link_moved()
    links.extend_blocks()
    # the gaps of the path, realigned in order among the sentences still unaligned
    fill_gaps(beads, model, links.linked_a, links.linked_b)
    links.refresh(beads)
    lone_a = [i for i in lone_a if i in links.set_lone_a]
    lone_b = [j for j in lone_b if j in links.set_lone_b]
    # restatement: a lone sentence whose content the other version carries in one
    # sentence (a paraphrase, a headline, an FAQ answer) is linked to it, as moved when
    # that sentence is lone too, else as repeated
    rest_a = [i for i in lone_a if i not in links.linked_a]
    rest_b = [j for j in lone_b if j not in links.linked_b]
    links.link_restatements(beads, rest_a, rest_b)
    links.extend_blocks()
    links.link_twins(rest_a, rest_b)
    linked_a, linked_b = links.linked_a, links.linked_b
    beads[:] = [bd for bd in beads
                if not (bd.kind == "omission" and bd.a[0] in linked_a)
                and not (bd.kind == "addition" and bd.b[0] in linked_b)]
    links.mark_headings(beads)
    links.score_lone(beads)
    beads.extend(sorted(links.extra, key=lambda b: (b.a, b.b)))


class _Links:
    """What pass 2 links as it goes: the sentences linked on each side, the beads it adds
    (``extra``), the headings whose content is carried ambiguously, and the evidence of
    each version against itself (built when first needed)."""

    def __init__(self, beads: list[Bead], model: BeadModel, lone_a: list[int],
                 lone_b: list[int]):
        self.model, self.p = model, model.p
        self.lone_a, self.lone_b = lone_a, lone_b
        self.set_lone_a, self.set_lone_b = set(lone_a), set(lone_b)
        self.linked_a: set[int] = set()
        self.linked_b: set[int] = set()
        self.extra: list[Bead] = []
        self.partner_a = {i: bd.b for bd in beads if bd.kind == "match" for i in bd.a}
        self.partner_b = {j: bd.a for bd in beads if bd.kind == "match" for j in bd.b}
        self.own: dict = {}
        self.carried: set[tuple[str, int]] = set()  # headings whose content is carried, ambiguously

    def refresh(self, beads: list[Bead]) -> None:
        """After the gaps' realignment: the sentences it matched are no longer lone."""
        self.set_lone_a = {bd.a[0] for bd in beads if bd.kind == BeadKind.OMISSION}
        self.set_lone_b = {bd.b[0] for bd in beads if bd.kind == BeadKind.ADDITION}
        self.lone_a = [i for i in self.lone_a if i in self.set_lone_a]
        self.lone_b = [j for j in self.lone_b if j in self.set_lone_b]
        self.partner_a = {i: bd.b for bd in beads if bd.kind == "match" for i in bd.a}
        self.partner_b = {j: bd.a for bd in beads if bd.kind == "match" for j in bd.b}

    def score(self, i: int, j: int) -> float:
        model = self.model
        sa, sb = model.sa[i], model.sb[j]
        return model.content(i, 1, j, 1) + model.length_logp(sa.length, sb.length)

    def link_moved(self) -> None:
        """moved: lone with lone, best pairs first, significant against all pairs tried."""
        model, p = self.model, self.p
        lone_a, lone_b = self.lone_a, self.lone_b
        linked_a, linked_b = self.linked_a, self.linked_b
        if not (lone_a and lone_b):
            return
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
                s = self.score(i, j)
                if s > bar:
                    pairs.append((s, i, j))
        for _s, i, j in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
            if i in linked_a or j in linked_b:
                continue
            linked_a.add(i)
            linked_b.add(j)
            self.extra.append(Bead([i], [j], model.coverage(i, 1, j, 1), BeadKind.MOVED))

    def extend_blocks(self) -> None:
        """A moved passage is a block: the unaligned neighbours of a moved pair, next to
        it on both sides (the sentence after it in A with the sentence after it in B, and
        before with before), are linked with it as the dynamic programme links
        neighbours in order, on the bead model (1-1 prior, length and content against
        the priors of a 1-0 and a 0-1 bead: :func:`.dp.fill_gaps`), not each on its own
        evidence against every unaligned sentence of the document."""
        model = self.model
        sa, sb = model.sa, model.sb
        linked_a, linked_b = self.linked_a, self.linked_b
        lone_a, lone_b = self.set_lone_a, self.set_lone_b
        null = model.prior[(1, 0)] + model.prior[(0, 1)]
        todo = [(bd.a[0], bd.b[0]) for bd in self.extra
                if bd.kind == "moved" and len(bd.a) == 1 and len(bd.b) == 1]
        while todo:
            i, j = todo.pop()
            for d in (1, -1):
                x, y = i + d, j + d
                if not (x in lone_a and y in lone_b) or x in linked_a or y in linked_b:
                    continue
                if sa[x].heading or sb[y].heading:
                    continue
                one_one = (model.prior[(1, 1)] + model.length_logp(sa[x].length, sb[y].length)
                           + model.content(x, 1, y, 1))
                if one_one > null:
                    linked_a.add(x)
                    linked_b.add(y)
                    self.extra.append(Bead([x], [y], model.coverage(x, 1, y, 1), BeadKind.MOVED))
                    todo.append((x, y))

    def near(self, x: int, anchors: list, size: int) -> tuple:
        """The story's neighbourhood of a lone sentence: the other side's sentences within
        ``p.story`` of where its nearest linked neighbours' counterparts are; so the number
        of candidates a restatement is chosen from, and with it the chance of a
        coincidental link, does not grow with the length of the document."""
        story = self.p.story
        k = bisect_left(anchors, (x, -1))
        # the nearest aligned neighbour before and after x (x itself when aligned)
        cands = [anchors[q][1] for q in (k - 1, k) if 0 <= q < len(anchors)]
        if not cands:
            return ((0, size - 1),)
        return tuple((max(0, c - story), min(size - 1, c + story)) for c in cands)

    def own_side(self, sents, key):
        own, model = self.own, self.model
        if key not in own:
            # the key index of a version is the one the other direction's evidence built
            ev = LexicalEvidence(sents, sents, (model.ba if key == "a" else model.ab).shared)
            ev.set_p1(model.p1)
            own[key] = ev
        return own[key]

    def own_a(self):
        return self.own_side(self.model.sa, "a")

    def own_b(self):
        return self.own_side(self.model.sb, "b")

    def link_restatements(self, beads: list[Bead], rest_a: list[int], rest_b: list[int]) -> None:
        """Each side's lone sentences (``rest_a``, ``rest_b``) restating a sentence of the
        other side in the story around them (:func:`_restated`)."""
        model = self.model
        links = [bd for bd in beads if bd.kind == "match"] + self.extra
        anchors_a = sorted((i, bd.b[0]) for bd in links for i in bd.a)
        anchors_b = sorted((j, bd.a[0]) for bd in links for j in bd.b)
        self.restate("a", rest_a, model.ab, self.own_a, anchors_a, model.m, self.partner_b,
                     self.linked_a, self.linked_b, self.set_lone_b)
        self.restate("b", rest_b, model.ba, self.own_b, anchors_b, model.n, self.partner_a,
                     self.linked_b, self.linked_a, self.set_lone_a)

    def restate(self, side: str, rest, ev, own_ev, anchors, size, partners, linked,
                linked_other, lone_other) -> None:
        model, p, carried, extra = self.model, self.p, self.carried, self.extra
        for x in rest:
            if x in linked:
                continue
            best = _restated(ev, x, model.p1, p.alpha, self.near(x, anchors, size),
                             lone_other - linked_other)
            if best == AMBIGUOUS:
                carried.add((side, x))
                continue
            if best is not None and best in partners and not _echoes(own_ev(), x, partners[best]):
                best = None
            if best is None:
                continue
            kind = (BeadKind.MOVED if best in lone_other and best not in linked_other
                    else BeadKind.REPEATED)
            linked.add(x)
            if kind == "moved":
                linked_other.add(best)
            cov = model.coverage(x, 1, best, 1) if side == "a" else model.coverage(best, 1, x, 1)
            extra.append(Bead([x], [best], cov, kind) if side == "a" else Bead([best], [x], cov, kind))

    def link_twins(self, rest_a: list[int], rest_b: list[int]) -> None:
        """A lone sentence restating an aligned sentence of its own version (an FAQ answer
        repeating the story) is linked, as repeated, to that sentence's counterpart."""
        p, extra = self.p, self.extra
        linked_a, linked_b = self.linked_a, self.linked_b
        partner_a, partner_b = self.partner_a, self.partner_b
        for i in rest_a:
            if i not in linked_a:
                k = _twin(self.own_a(), i, partner_a, p, self.model.p1)
                if k is not None:
                    linked_a.add(i)
                    extra.append(Bead([i], list(partner_a[k]), 0.0, BeadKind.REPEATED))
        for j in rest_b:
            if j not in linked_b:
                k = _twin(self.own_b(), j, partner_b, p, self.model.p1)
                if k is not None:
                    linked_b.add(j)
                    extra.append(Bead(list(partner_b[k]), [j], 0.0, BeadKind.REPEATED))

    def score_lone(self, beads: list[Bead]) -> None:
        """The score of an omission or addition bead: the similarity (as a match's score,
        the share of its words hitting the other sentence) of the unaligned sentence to
        its closest sentence of the other version in the story around it. 0: nothing
        there carries its words, a confident omission; near a translation's share: it
        may have a counterpart the aligner could not link (weak evidence of an
        omission)."""
        model = self.model
        links = [bd for bd in beads if bd.kind == "match"] + self.extra
        anchors_a = sorted((i, bd.b[0]) for bd in links for i in bd.a)
        anchors_b = sorted((j, bd.a[0]) for bd in links for j in bd.b)
        for bd in beads:
            if bd.kind == BeadKind.OMISSION:
                x, ev, anchors, size = bd.a[0], model.ab, anchors_a, model.m
            elif bd.kind == BeadKind.ADDITION:
                x, ev, anchors, size = bd.b[0], model.ba, anchors_b, model.n
            else:
                continue
            n = ev.n_tok[x]
            ranges = self.near(x, anchors, size)
            gain = ev.window(x, min(r[0] for r in ranges), max(r[1] for r in ranges))
            best = max((ev.hit_count(x, y) for y in gain
                        if any(a <= y <= b for a, b in ranges)), default=0)
            bd.score = best / n if n else 0.0

    def mark_headings(self, beads: list[Bead]) -> None:
        """A heading without facts that nothing restates is layout (a section title of one
        version), not content: kind "heading", a 1-0 / 0-1 link that is no
        omission/addition; so is a heading whose content words the other version carries,
        in several sentences none of which it can be linked to (a section title
        summarising what both versions say)."""
        model, carried = self.model, self.carried
        for bd in beads:
            if bd.kind in (BeadKind.OMISSION, BeadKind.ADDITION):
                key = ("a", bd.a[0]) if bd.a else ("b", bd.b[0])
                s = model.sa[key[1]] if bd.a else model.sb[key[1]]
                if s.plain or (s.heading and key in carried):
                    bd.kind = BeadKind.HEADING


def _twin(ev: LexicalEvidence, x: int, partners: dict, p: AlignParams,
          p1: float) -> int | None:
    """The aligned sentence of the same version that lone sentence ``x`` restates, or
    None: monolingual content evidence (``ev``: the version against itself) with a
    likelihood ratio above ``N / alpha`` for its ``N`` sentences, every number of ``x``
    stated there too, and as a restatement (see :func:`_restated`) a share of its words
    there not significantly below a translation's (binomial test at ``alpha`` against
    ``p1``). The likelihood ratio is two-sided (the mean of x's words against the twin and
    the twin's against x): a repetition says the same thing twice, while a sentence
    that one longer sentence of its story carries among other things is a new
    statement. A word's chance rate is the larger of its rate over the version and over
    the story around the twin (:meth:`LexicalEvidence.story_score`): two sentences of one
    story share its names and topic words without restating each other."""
    sents = ev.xs
    mine = sents[x]
    if len(mine.tokens) <= p.short:
        return None
    bar = math.log(len(sents) / p.alpha)
    best, best_s = None, bar
    # only a sentence whose gain can lift the score over the bar is a candidate
    gain = ev.above(x, bar - ev.base[x])
    for k in sorted(gain):
        if k == x or k not in partners or not mine.numbers <= sents[k].bag:
            continue
        if ev.base[x] + gain[k] <= best_s:
            continue
        lo, hi = max(0, k - p.story), min(len(sents) - 1, k + p.story)
        sc, hits = ev.story_score(x, k, lo, hi)
        if _binom_le(len(mine.tokens), hits, p1) < p.alpha:
            continue
        # a repetition states the same thing twice: the twin's words restate x too
        # (the mean of the two directions, as a bead's content score)
        sc = (sc + ev.story_score(k, x, lo, hi)[0]) / 2
        if sc > best_s:
            best, best_s = k, sc
    return best


def _echoes(ev: LexicalEvidence, x: int, partners) -> bool:
    """A sentence repeating an aligned sentence of the other version repeats its own
    version's statement of it too: monolingual evidence (no MT in between) of ``x``
    against one of those partners favours "restates" (likelihood ratio above 1)."""
    return any(ev.span(x, k, 1) > 0 for k in partners if k != x)


def _binom_le(n: int, h: int, p: float) -> float:
    """P(X <= h) for X ~ Binomial(n, p).

    Summed exactly term by term while every term is a float (``math.comb(n, k)`` stays
    below the float range up to ``n`` = 1,000); for a longer sentence (a document that is
    one line of thousands of words) the terms are summed in log space, so the sum neither
    overflows nor costs more than ``h`` additions."""
    if h >= n:
        return 1.0
    if n <= 1000:
        return sum(math.comb(n, k) * p ** k * (1 - p) ** (n - k) for k in range(h + 1))
    if p <= 0.0:
        return 1.0
    if p >= 1.0:
        return 0.0
    log_p, log_q = math.log(p), math.log1p(-p)
    logs = [math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1) + k * log_p + (n - k) * log_q
            for k in range(h + 1)]
    top = max(logs)
    return min(1.0, math.exp(top) * math.fsum(math.exp(v - top) for v in logs))


# what :func:`_restated` returns for a sentence whose content several sentences carry
AMBIGUOUS = -1


def _restated(ev: LexicalEvidence, x: int, p1: float, alpha: float,
              ranges: tuple = (), lone: set | frozenset = frozenset()) -> int | None:
    """The sentence of the other side that lone sentence ``x`` restates, None when none
    does, or ``AMBIGUOUS`` when its content is carried but not by one identified sentence.

    A restatement carries the content of ``x`` without having to translate it word for
    word: of the sentences in ``ranges`` (the story's neighbourhood of ``x``, see
    :func:`second_pass`) its words hit, the one with the highest one-sided content score
    (``x``'s words against it: the other sentence may say more) is taken when

    * the evidence favours "restates it" over "unrelated to it" (likelihood ratio above 1),
    * it is *identified*: its likelihood ratio beats that of every other candidate (and
      of a sentence its words do not hit at all) by ``1 / alpha``, the conventional
      significance margin, so a sentence that several others match about as well is not
      linked to one of them by chance (by ``N / alpha`` for the ``N`` sentences of the
      story when ``x`` is a sentence of running text and the other sentence has its
      counterpart already: a version saying one thing twice is rare, while a headline
      restates its story), and
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
    ys = ev.ys
    # the scores with each word's chance rate over the story's sentences when higher
    # than over the document (:meth:`LexicalEvidence.story_score`): the sentences of one
    # story share its names and topic words without restating each other
    lo, hi = min(r[0] for r in ranges), max(r[1] for r in ranges)
    # the runner-up starts as a sentence none of x's words hit
    base, _ = ev.story_score(x, None, lo, hi)
    best, best_s, second, best_hits = None, base, base, 0
    for y in sorted(gain):
        if not any(a <= y <= b for a, b in ranges):
            continue
        other = ys[y]
        if (mine.numbers and other.numbers and mine.numbers.isdisjoint(other.numbers)) or \
                (other.quote and not mine.quote):
            continue  # see the docstring: facts a one-sided link could not compare
        sc, hits = ev.story_score(x, y, lo, hi)
        if sc > best_s:
            best, best_s, second, best_hits = y, sc, best_s, hits
        elif sc > second:
            second = sc
    if best is None or best_s <= 0 or _binom_le(len(toks), best_hits, p1) < alpha:
        return None
    if best_s - second <= -math.log(alpha):
        return AMBIGUOUS
    # a sentence of running text restating a sentence that has its counterpart already
    # says the same thing twice in one version, which is rare: it must be identified
    # among the N sentences of the story, its likelihood ratio against the runner-up's
    # above N / alpha (Bonferroni's correction of the identification above: one of N
    # candidates beats the others by t by chance with probability at most N / t). A
    # title line (no final punctuation) restating its story is the convention of
    # headlines, and a sentence restating an unaligned one is a moved sentence (its
    # counterpart is missing at its place): identified at 1 / alpha is enough
    story = set().union(*(range(a, b + 1) for a, b in ranges))
    if best not in lone and not mine.title and best_s - second <= math.log(len(story) / alpha):
        return None
    return best
