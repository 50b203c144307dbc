"""Spanish knowledge for partial omissions and additions inside a sentence.

* ``HEDGES``: adverbs that change how much a sentence asserts, so that dropping or adding
  one changes what is said though every other word stays (RAE-ASALE, *Nueva gramática de
  la lengua española*, 2009): the evidential and epistemic adverbs (§30.11-30.12:
  *presuntamente, supuestamente, aparentemente, posiblemente, probablemente,
  seguramente, quizá, quizás, acaso*), the restrictive focusing adverbs (§40.8: *solo, sólo, solamente,
  únicamente, exclusivamente, meramente*), the approximators (§30.9: *casi,
  prácticamente, aproximadamente, parcialmente*) and the verb of evidential appearance
  *parecer* (§43.3). Words that are as often prepositions or place adverbs (*alrededor,
  cerca*) are left out.
* ``HEDGE_LIKE``: words that may carry a hedge's meaning in a free translation, so that a
  hedge of the other version is not lost when one of them stands here: the ambiguous
  approximators left out above (*alrededor, cerca, unos, unas*), the modal *poder* of
  possibility (§28.6: *puede, pueden, podría, podrían, pudo*), the adjectives of
  likelihood (*probable, posible, aparente*) and the quantifiers and adverbs of degree
  (§30.9: *apenas, mayoría, mayormente, principalmente, poco*).
"""

from __future__ import annotations

HEDGES = frozenset({
    "presuntamente", "supuestamente", "aparentemente", "posiblemente", "probablemente", "seguramente", "quizá",
    "quizás", "acaso", "solo", "sólo", "solamente", "únicamente", "exclusivamente", "meramente",
    "casi", "prácticamente", "aproximadamente", "parcialmente", "parece", "parecía", "parecen",
    "parecían", "pareció",
})

HEDGE_LIKE = frozenset({
    "alrededor", "cerca", "unos", "unas", "puede", "pueden", "podría", "podrían", "pudo",
    "probable", "posible", "aparente", "apenas", "mayoría", "mayormente", "principalmente", "poco",
})
