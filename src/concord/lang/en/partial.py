"""English knowledge for partial omissions and additions inside a sentence.

* ``HEDGES``: adverbs that change how much a sentence asserts, so that dropping or adding
  one changes what is said though every other word stays: the evidential and epistemic
  disjuncts of doubt (Quirk et al., *A Comprehensive Grammar of the English Language*,
  1985, §8.127-8.130: *allegedly, reportedly, apparently, supposedly, possibly,
  probably, perhaps, presumably, seemingly, purportedly*), the restrictive focusing
  subjuncts (§8.116-8.117: *only, merely, solely, exclusively*), the approximators and
  compromisers among the downtoners (§8.104-8.111: *almost, nearly, approximately,
  roughly, virtually, partly, partially*) and the verbs of evidential appearance (§16.29:
  *seem, appear*). Words that are as often prepositions or time adverbs (*about, around,
  just*) are left out.
* ``HEDGE_LIKE``: words that may carry a hedge's meaning in a free translation, so that a
  hedge of the other version is not lost when one of them stands here: the ambiguous
  focusing and approximating words left out above (*just, about, around, close, some*),
  the modal verbs of possibility (Quirk et al. §4.57: *may, might, could*), the
  adjectives of likelihood (*likely, possible, apparent*) and the downtoners of degree
  (§8.104: *largely, mostly, mainly, most, barely, hardly, scarcely, little*).
"""

from __future__ import annotations

HEDGES = frozenset({
    "allegedly", "reportedly", "apparently", "supposedly", "possibly", "probably", "perhaps", "maybe",
    "presumably", "seemingly", "purportedly", "only", "merely", "solely", "exclusively",
    "almost", "nearly", "approximately", "roughly", "virtually", "partly", "partially",
    "seem", "seems", "seemed", "appear", "appears", "appeared",
})

HEDGE_LIKE = frozenset({
    "just", "about", "around", "close", "some", "may", "might", "could", "likely", "possible",
    "apparent", "largely", "mostly", "mainly", "most", "barely", "hardly", "scarcely", "little",
})
