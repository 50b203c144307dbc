"""What shows a short text is English, beyond its words (language detection).

* ``ORTHOGRAPHY``: letters only English writes: none (English writes A-Z only).
* ``MARKS``: punctuation only English writes: none.
* ``ELISIONS``: the words written elided before an apostrophe (French *l'*): none (the
  English contractions, *don't*, *it's*, elide what follows the apostrophe).
* ``NAME_PARTICLES``: lower-case words that stand inside a name (*Lula da Silva*,
  *Ludwig van Beethoven*): between two capitalised words they are part of the name, not
  evidence of the language. The Portuguese, Italian, Dutch and German particles of
  foreign names; hand-written. (*of* and *the* inside a name are English evidence.)
Function words, month and weekday names (``EVIDENCE_WORDS``, ``MONTHS``, ``WEEKDAYS``,
and ``AMBIGUOUS_MONTHS``, months only before a number) are the profile's general
resources.
"""

from __future__ import annotations

ORTHOGRAPHY = None
MARKS: tuple[str, ...] = ()
ELISIONS: tuple[str, ...] = ()
NAME_PARTICLES = frozenset("da do dos das di van von".split())
