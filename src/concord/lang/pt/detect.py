"""What shows a short text is Portuguese, beyond its words (language detection).

* ``ORTHOGRAPHY``: the letters only Portuguese of the profiles writes: the tilde on a vowel
  (*ã*, *õ*: *não*, *informações*); from the Portuguese orthographic agreement (1990).
* ``MARKS``: punctuation only Portuguese writes: none.
* ``NAME_PARTICLES``: lower-case words that stand inside a name (*Luiz Inácio Lula da
  Silva*, *Rio de Janeiro*, *Mato Grosso do Sul*, *Pedro dos Santos*): Portuguese
  prepositions, their contractions with the article, and *e*; hand-written.
Function words, month and weekday names (``EVIDENCE_WORDS``, ``MONTHS``, ``WEEKDAYS``,
and ``AMBIGUOUS_MONTHS``) are the profile's general resources.
"""

from __future__ import annotations

import re

ORTHOGRAPHY = re.compile(r"[ãõ]", re.I)
MARKS: tuple[str, ...] = ()
NAME_PARTICLES = frozenset("de da do das dos e".split())
