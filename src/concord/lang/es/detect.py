"""What shows a short text is Spanish, beyond its words (language detection).

* ``ORTHOGRAPHY``: the letters beyond a-z Spanish writes (*ñ*, the acute accents, *ü*):
  an accented lower-case word is evidence of the one language, among those a text is read
  among, that writes its letters (names are capitalised); from the RAE's *Ortografía*
  (2010).
* ``ELISIONS``: the words written elided before an apostrophe (French *l'*): none.
* ``MARKS``: the opening question and exclamation marks, which only Spanish writes.
* ``NAME_PARTICLES``: lower-case words that stand inside a name (*Santa Cruz de la
  Sierra*, *Secretaría de Seguridad y Protección Ciudadana*, *Lula da Silva*): between
  two capitalised words they are part of the name, not evidence of the language.
  Spanish prepositions, articles and conjunctions, and the Portuguese, Italian, Dutch and
  German particles of foreign names; hand-written.
Function words, month and weekday names (``EVIDENCE_WORDS``, ``MONTHS``, ``WEEKDAYS``,
and ``AMBIGUOUS_MONTHS``, months only before a number) are the profile's general
resources.
"""

from __future__ import annotations

import re

ORTHOGRAPHY = re.compile(r"[ñáéíóúü]", re.I)
MARKS = ("¿", "¡")
ELISIONS: tuple[str, ...] = ()
NAME_PARTICLES = frozenset("de del la las los el y e da do dos das di van von".split())
