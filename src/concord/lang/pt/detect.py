"""What shows a short text is Portuguese, beyond its words (language detection).

* ``ORTHOGRAPHY``: the letters beyond a-z Portuguese writes: the acute, circumflex and
  grave accents (*á é í ó ú â ê ô à*), the tilde on a vowel (*ã*, *õ*: *não*,
  *informações*) and the cedilla *ç*; from the Portuguese orthographic agreement (1990).
  An accented lower-case word is evidence of the one language, among those a text is read
  among, that writes its letters (*ação* is Portuguese; *início* is Spanish or
  Portuguese).
* ``ELISIONS``: the words written elided before an apostrophe (French *l'*): none (*d'água*
  is rare).
* ``MARKS``: punctuation only Portuguese writes: none.
* ``NAME_PARTICLES``: lower-case words that stand inside a name (*Luiz Inácio Lula da
  Silva*, *Rio de Janeiro*, *Mato Grosso do Sul*, *Pedro dos Santos*): Portuguese
  prepositions, their contractions with the article, and *e*; hand-written.
Function words, month and weekday names (``EVIDENCE_WORDS``, ``MONTHS``, ``WEEKDAYS``,
and ``AMBIGUOUS_MONTHS``) are the profile's general resources.
"""

from __future__ import annotations

import re

ORTHOGRAPHY = re.compile(r"[áâãàçéêíóôõú]", re.I)
MARKS: tuple[str, ...] = ()
ELISIONS: tuple[str, ...] = ()
NAME_PARTICLES = frozenset("de da do das dos e".split())
