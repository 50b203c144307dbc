"""French sentence-segmentation knowledge: abbreviations and sentence openers.

* ``PERSON_TITLES``: the titles written before a person's name (``M.``, ``Mme``,
  ``Mlle``, ``Dr``, ``Me``, ``Pr``, ``Mgr``, ``Gal``); hand-written from the Imprimerie
  nationale's *Lexique des règles typographiques* (French writes most of them without a
  full stop when the last letter is kept: ``Mme``, ``Dr``; ``M.`` takes one).
* ``TITLES``: abbreviations that never end a sentence: the person titles and the words
  that need what follows (``p.``, ``av.``, ``bd``, ``env.``); the month abbreviations are
  CLDR's that end in a full stop (``janv.``, ``févr.``).
* ``TITLE_PLURAL_ENDINGS``: the endings a person title takes in the plural (``MM.``
  for *messieurs* is its own form; ``Mmes``, ``Drs``): *-s*.
* ``NUMBER_SIGNS``: abbreviations that stand before a number (``n° 3``, ``art. 5``).
* ``TERMINAL_ABBREVIATIONS``: abbreviations that often end a sentence as well (``etc.``,
  ``S.A.``): a break only before a likely sentence opener.
* ``CLOSING_ABBREVIATIONS``: abbreviations after which a capitalised word nearly always
  opens a new sentence.
* ``CALENDAR``: words that continue a sentence after a time: weekday names from CLDR and
  ``heure``. French writes month names in lower case.
* ``STARTERS``: words that typically open a sentence.
* ``ONE_LETTER_WORDS``: one-letter words, which are not initials (*à*, *a*, *y*).
* ``AGENT_PREPOSITIONS``: the preposition that introduces the agent of a passive, the
  word of a byline or credit line: *par* (``Par Ana Ruiz``, ``Édité par Tom Lee``); from
  the grammar.

All hand-written lists are lower-case, without the final full stop.
"""

from __future__ import annotations

from .._cldr import months as _months
from .._cldr import weekdays as _weekdays

_MONTH_ABBREVIATIONS = _months("fr")[1]

PERSON_TITLES = frozenset({
    "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "me", "pr", "mgr", "gal", "col", "cdt",
    "lt", "sgt", "st", "ste",
})
TITLES = frozenset({
    *PERSON_TITLES, "p", "pp", "av", "bd", "env", "vol", "fig", "cf", "éd", "chap",
    *(a.lower().rstrip(".") for a in _MONTH_ABBREVIATIONS if a.endswith(".")),
})
TITLE_PLURAL_ENDINGS = ("s",)
NUMBER_SIGNS = frozenset({"n°", "no", "art", "chap", "p", "pp"})
TERMINAL_ABBREVIATIONS = frozenset({"etc", "s.a", "av. j.-c", "apr. j.-c", "j.-c"})
CLOSING_ABBREVIATIONS = frozenset({"etc", "s.a"})
CALENDAR = frozenset({*_weekdays("fr"), "heure"})
STARTERS = frozenset({
    "le", "la", "les", "l", "un", "une", "des", "ce", "cette", "ces", "son", "sa", "ses",
    "mais", "sans", "selon", "pendant", "après", "avant", "par", "pour", "avec", "il",
    "elle", "ils", "elles", "on", "nous", "en", "dans", "depuis", "aussi", "entre", "alors",
})
ONE_LETTER_WORDS = frozenset({"à", "a", "y"})
AGENT_PREPOSITIONS = frozenset({"par"})
