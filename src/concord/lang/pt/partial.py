"""Portuguese knowledge for partial omissions and additions inside a sentence.

* ``HEDGES``: adverbs that change how much a sentence asserts, so that dropping or adding
  one changes what is said though every other word stays (Cunha & Cintra, *Nova Gramática
  do Português Contemporâneo*, ch. 14): the adverbs of doubt (*supostamente,
  alegadamente, aparentemente, possivelmente, provavelmente, talvez*), the restrictive
  adverbs (*só, somente, apenas, unicamente, exclusivamente, meramente*), the
  approximators (*quase, praticamente, aproximadamente, parcialmente*) and the verb of
  appearance *parecer*.
* ``HEDGE_LIKE``: words that may carry a hedge's meaning in a free translation, so that a
  hedge of the other version is not lost when one of them stands here: *cerca, uns, umas*,
  the modal *poder* of possibility, the adjectives of likelihood (*provável, possível,
  aparente*) and the adverbs of degree (*mal, principalmente, pouco*).
"""

from __future__ import annotations

HEDGES = frozenset({
    "supostamente", "alegadamente", "aparentemente", "possivelmente", "provavelmente", "talvez", "só",
    "somente", "apenas", "unicamente", "exclusivamente", "meramente", "quase", "praticamente",
    "aproximadamente", "parcialmente", "parece", "parecem", "parecia", "pareciam",
})

HEDGE_LIKE = frozenset({
    "cerca", "uns", "umas", "pode", "podem", "poderia", "poderiam", "provável", "possível", "aparente",
    "mal", "principalmente", "pouco",
})
