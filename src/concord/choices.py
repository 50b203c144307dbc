"""The values the choice settings accept: check ids, name extractors and translators.

Each list belongs to a registry above the settings (:data:`concord.checks.REGISTRY`,
:data:`concord.facts.ner.CHOICES`, :data:`concord.translate.CHOICES`). Settings are
validated when they are made, low in the package (:mod:`concord.config`), without
importing those registries and everything they load (NER backends, translators); the
names are therefore written here too, and ``tests/test_layers.py`` checks that each list
equals its registry, in order.
"""

from __future__ import annotations

#: concord.checks.REGISTRY's ids, in the order the checks run.
CHECK_IDS = ("number", "date", "weekday", "meaning", "quote", "name", "role", "omission", "addition", "credit",
             "partial-omission", "partial-addition", "language", "placeholder")

#: concord.facts.ner.CHOICES: the ``names`` setting (``--names``).
NAME_EXTRACTORS = ("auto", "rules", "spacy", "stanza")

#: concord.translate.CHOICES: the ``translator`` setting (``--translator``).
TRANSLATORS = ("auto", "apertium", "argos", "none")
