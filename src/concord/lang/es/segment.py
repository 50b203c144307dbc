"""Spanish sentence-segmentation knowledge: abbreviations and sentence openers.

* ``PERSON_TITLES``: the titles written before a person's name (courtesy, office,
  military and religious: ``Sra.``, ``Lic.``, ``Gral.``, ``Ud.``); hand-written from the
  RAE's list of abbreviations (``Sgto.``, ``Cte.``, ``Alm.``, ``Mons.``, ``Fr.`` for
  *fray*, ``Pbro.``, ``Excmo.``, ``Ilmo.``, ``Prof.``) and newsroom usage (``Mtro.`` in
  Mexico).
* ``TITLES``: abbreviations that never end a sentence: the person titles and the words that
  need what follows (``pág.``, ``Avda.``, ``aprox.``); hand-written from the RAE's list of
  abbreviations and newsroom usage. The month abbreviations among them are CLDR's less
  ``mar`` and ``may`` (*mar* is a word, *may.* is not written) and ``jun``.
* ``TITLE_PLURAL_ENDINGS``: the endings a person title takes in the plural, as the RAE
  gives them: *-s* (``Sras.``, ``Dras.``, ``Lics.``), or *-es* after a consonant
  (``Sres.``, ``Dres.``); never added to a title that already ends in *s* (``Mons.``).
* ``NUMBER_SIGNS``: abbreviations that stand before a number (``núm. 3``, ``art. 5``).
* ``TERMINAL_ABBREVIATIONS``: abbreviations that often end a sentence as well (``EE.UU.``,
  ``S.A.``): a break only before a likely sentence opener. A spaced one (``EE. UU.``) is
  looked up without its spaces.
* ``CLOSING_ABBREVIATIONS``: abbreviations after which a capitalised word nearly always
  opens a new sentence (``S.A. Las acciones ...``).
* ``CALENDAR``: words that continue a sentence after a time (``9 a.m. Lunes``): weekday
  names from CLDR and ``hora`` (``9 a.m. hora del Este``). Spanish writes month names in
  lower case, so a capitalised one after a time opens a sentence.
* ``STARTERS``: words that typically open a sentence (``... a EE.UU. El grupo ...``).
* ``ONE_LETTER_WORDS``: one-letter words, which are not initials.
* ``AGENT_PREPOSITIONS``: the preposition that introduces the agent of a passive, the
  word of a byline or credit line: *por* (``Por Ana Ruiz``, ``Editado por Tom Lee``);
  from the grammar.

All hand-written lists are lower-case, without the final full stop.
"""

from __future__ import annotations

from .._cldr import months as _months
from .._cldr import weekdays as _weekdays

_MONTH_ABBREVIATIONS = _months("es")[1]

PERSON_TITLES = frozenset({
    "sr", "sra", "srta", "dr", "dra", "lic", "ing", "arq", "pdte", "gral", "cnel", "tte", "sto",
    "sta", "ud", "uds", "vd", "vds", "dña", "sgto", "cte", "cmdte", "alm", "mons", "fr", "pbro",
    "excmo", "excma", "ilmo", "ilma", "prof", "profa", "mtro", "mtra",
})
TITLES = frozenset({
    *PERSON_TITLES, "nro", "núm", "num", "arts", "av", "avda", "pág", "págs", "pp", "fig", "vol",
    "ej", "aprox", "depto",
    *(a.lower() for a in _MONTH_ABBREVIATIONS if a.lower() not in ("mar", "may", "jun")),
})
TITLE_PLURAL_ENDINGS = ("s", "es")
NUMBER_SIGNS = frozenset({"nº", "núm", "num", "nro", "art", "cap", "p", "pp"})
TERMINAL_ABBREVIATIONS = frozenset({
    "ee.uu", "eeuu", "e.u", "a.m", "p.m", "etc", "s.a", "s.l", "a.c", "d.c",
})
CLOSING_ABBREVIATIONS = frozenset({"a.m", "p.m", "etc", "s.a", "s.l"})
CALENDAR = frozenset({*_weekdays("es"), "hora"})
STARTERS = frozenset({
    "el", "la", "los", "las", "en", "un", "una", "este", "esta", "estos", "estas", "ese",
    "esa", "su", "sus", "pero", "sin", "además", "según", "durante", "tras", "antes",
    "después", "por", "para", "con", "hay", "no", "también", "mientras", "al", "del", "lo",
    "le", "les", "ellos", "ella", "él", "nosotros", "entre", "desde",
})
ONE_LETTER_WORDS = frozenset({"a", "y", "o", "e"})
AGENT_PREPOSITIONS = frozenset({"por"})
