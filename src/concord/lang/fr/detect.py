"""What shows a short text is French, beyond its words (language detection).

* ``ORTHOGRAPHY``: the letters beyond a-z French writes (the acute accent on *é*, the
  grave and circumflex accents on *à è ù â ê î ô û*, the diaeresis on *ë ï ü ÿ*, the
  cedilla *ç* and the ligatures *œ æ*); from the Académie française's orthography. An
  accented lower-case word is evidence of the one language, among those a text is read
  among, that writes its letters (*être* is French or Portuguese, *où* French only).
* ``ELISIONS``: the words French writes elided before a vowel, with an apostrophe (*l'*,
  *d'*, *qu'*, *n'*, *jusqu'*; Grevisse, *Le Bon Usage*, §44-45): a word written so
  (*l'État*, *qu'il*) is French.
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

ORTHOGRAPHY = re.compile(r"[àâæçéèêëîïôœùûüÿ]", re.I)
MARKS: tuple[str, ...] = ()
ELISIONS = ("l", "d", "j", "m", "t", "s", "c", "n", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
            "presqu")
NAME_PARTICLES = frozenset("de du des la d van von da di".split())
