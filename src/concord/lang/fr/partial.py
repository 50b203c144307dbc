"""French knowledge for partial omissions and additions inside a sentence.

* ``HEDGES``: adverbs that change how much a sentence asserts, so that dropping or adding
  one changes what is said though every other word stays (Grevisse, *Le Bon Usage*): the
  adverbs of doubt and evidence (§1003: *prétendument, apparemment, probablement,
  peut-être, sans doute, vraisemblablement*), the restrictive adverbs (*seulement,
  uniquement, exclusivement, simplement*), the approximators (*presque, quasiment,
  pratiquement, approximativement, partiellement*) and the verb of appearance *sembler*.
* ``HEDGE_LIKE``: words that may carry a hedge's meaning in a free translation, so that a
  hedge of the other version is not lost when one of them stands here: *environ, vers*,
  the modal *pouvoir* of possibility, the adjectives of likelihood (*probable, possible,
  apparent*) and the adverbs of degree (*à peine, guère, principalement, peu*).
"""

from __future__ import annotations

HEDGES = frozenset({
    "prétendument", "apparemment", "probablement", "vraisemblablement", "seulement", "uniquement",
    "exclusivement", "simplement", "presque", "quasiment", "pratiquement", "approximativement",
    "partiellement", "semble", "semblent", "semblait", "semblaient",
})

HEDGE_LIKE = frozenset({
    "environ", "vers", "peut", "peuvent", "pourrait", "pourraient", "probable", "possible", "apparent",
    "guère", "principalement", "peu",
})
