"""Portuguese sentence-segmentation knowledge: abbreviations and sentence openers.

* ``PERSON_TITLES``: the titles written before a person's name (``Sr.``, ``Sra.``, ``Dr.``,
  ``Dra.``, ``Prof.``, ``Eng.``, ``Gen.``, ``Cel.``); hand-written from the Portuguese list
  of abbreviations (Academia Brasileira de Letras, *VOLP*).
* ``TITLES``: abbreviations that never end a sentence: the person titles and the words
  that need what follows (``pág.``, ``Av.``, ``aprox.``); the month abbreviations are
  CLDR's.
* ``TITLE_PLURAL_ENDINGS``: the endings a person title takes in the plural (``Srs.``,
  ``Dras.``): *-s*.
* ``NUMBER_SIGNS``: abbreviations that stand before a number (``nº 3``, ``art. 5``).
* ``TERMINAL_ABBREVIATIONS``: abbreviations that often end a sentence as well (``etc.``,
  ``S.A.``, ``Ltda.``): a break only before a likely sentence opener.
* ``CLOSING_ABBREVIATIONS``: abbreviations after which a capitalised word nearly always
  opens a new sentence.
* ``CALENDAR``: words that continue a sentence after a time: weekday names from CLDR and
  ``hora``.
* ``STARTERS``: words that typically open a sentence.
* ``ONE_LETTER_WORDS``: one-letter words, which are not initials (*a*, *e*, *o*, *é*).
* ``AGENT_PREPOSITIONS``: the preposition that introduces the agent of a passive, the
  word of a byline or credit line: *por* and its contractions with the article, *pelo*,
  *pela* (``Por Ana Ruiz``, ``Editado pela equipe``); from the grammar.

All hand-written lists are lower-case, without the final full stop.
"""

from __future__ import annotations

from .._cldr import months as _months
from .._cldr import weekdays as _weekdays

_MONTH_ABBREVIATIONS = _months("pt")[1]

PERSON_TITLES = frozenset({
    "sr", "sra", "srta", "dr", "dra", "prof", "profa", "eng", "gen", "cel", "ten", "sgt",
    "pe", "d", "exmo", "exma", "dep", "sen", "min", "pres",
})
TITLES = frozenset({
    *PERSON_TITLES, "pág", "págs", "p", "av", "aprox", "nº", "vol", "fig", "cap", "ed",
    *(a.lower().rstrip(".") for a in _MONTH_ABBREVIATIONS if a.lower().rstrip(".") not in ("mar", "mai")),
})
TITLE_PLURAL_ENDINGS = ("s",)
NUMBER_SIGNS = frozenset({"nº", "n", "art", "cap", "p", "pág"})
TERMINAL_ABBREVIATIONS = frozenset({"etc", "s.a", "ltda", "a.c", "d.c"})
CLOSING_ABBREVIATIONS = frozenset({"etc", "s.a", "ltda"})
CALENDAR = frozenset({*_weekdays("pt"), "hora"})
STARTERS = frozenset({
    "o", "a", "os", "as", "um", "uma", "em", "no", "na", "este", "esta", "esse", "essa",
    "seu", "sua", "mas", "sem", "segundo", "durante", "após", "depois", "antes", "por",
    "para", "com", "não", "também", "enquanto", "ele", "ela", "eles", "elas", "entre", "desde",
})
ONE_LETTER_WORDS = frozenset({"a", "e", "o", "é"})
AGENT_PREPOSITIONS = frozenset({"por", "pelo", "pela", "pelos", "pelas"})
