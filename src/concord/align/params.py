"""The aligner's constants and the bead shapes the dynamic programme tries.

Where each value comes from is the table of :mod:`concord.align`'s docstring; every one is
a field of :class:`AlignParams`, one configuration for every data set.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

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

MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (3, 1), (1, 3))


@dataclass
class AlignParams:
    """The model's constants (see :mod:`concord.align` for where each value comes from)."""
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
