"""What shows a short text is French, beyond its words (language detection).

* ``ORTHOGRAPHY``: the letters only French of the profiles writes (the grave and
  circumflex accents on *à è ù â ê î ô û*, the diaeresis on *ë ï ÿ*, the cedilla *ç* and
  the ligatures *œ æ*): an accented lower-case word with one of them is French (names are
  capitalised); from the Académie française's orthography. Portuguese also writes *â ê
  ô à ç*, so only the letters Portuguese does not write are kept.
* ``MARKS``: punctuation only French writes: none (the guillemets « » are also Spanish
  and Portuguese quotation marks).
* ``NAME_PARTICLES``: lower-case words that stand inside a name (*Charles de Gaulle*,
  *Valéry Giscard d'Estaing*, *Saint-Martin-du-Var*, *Le Pen* after a first name):
  French prepositions and articles, and the particles of foreign names; hand-written.
Function words, month and weekday names (``EVIDENCE_WORDS``, ``MONTHS``, ``WEEKDAYS``,
and ``AMBIGUOUS_MONTHS``) are the profile's general resources.
"""

from __future__ import annotations

import re

ORTHOGRAPHY = re.compile(r"[èùëïÿœæîû]", re.I)
MARKS: tuple[str, ...] = ()
NAME_PARTICLES = frozenset("de du des la d van von da di".split())
