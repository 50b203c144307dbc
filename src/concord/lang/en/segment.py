"""English sentence-segmentation knowledge: abbreviations and sentence openers.

* ``PERSON_TITLES``: the titles written before a person's name (courtesy, office,
  military, police and religious: ``Mr.``, ``Sen.``, ``Gen.``, ``Det.``, ``Rev.``);
  hand-written from AP style's abbreviations before a name (``Det.``, ``Insp.``,
  ``Supt.``, ``Cpl.``, ``Maj.``, ``Pfc.``, ``Pvt.``, ``Brig.``, ``Msgr.``, ``Atty.``) and
  British usage (``Fr.`` for *Father*).
* ``TITLES``: abbreviations that never end a sentence: the person titles and the words that
  need what follows (``St.``, ``vs.``, ``e.g.``, ``Fig.``); hand-written from AP style and
  newsroom usage. The month abbreviations among them are CLDR's less ``Mar.`` and ``May``
  (words of their own, Spanish *mar* and English *may*), ``Jun.`` and ``Sep.`` (AP style
  writes *June* in full and *Sept.*), and AP's ``Sept.``; the weekday abbreviations are
  hand-written.
* ``TITLE_PLURAL_ENDINGS``: the endings a person title takes in the plural (``Sens.``,
  ``Reps.``, ``Drs.``): English adds *-s*, and not to a title that already ends in *s*
  (``Mrs.``, ``Pres.``).
* ``NUMBER_SIGNS``: abbreviations that stand before a number (``No. 5``, ``p. 12``).
* ``TERMINAL_ABBREVIATIONS``: abbreviations that often end a sentence as well (``U.S.``,
  ``Inc.``): a break only before a likely sentence opener.
* ``CLOSING_ABBREVIATIONS``: abbreviations after which a capitalised word nearly always
  opens a new sentence (``9 a.m. Police left``).
* ``CALENDAR``: words that continue a sentence after a time (``9 a.m. Monday``, ``9 a.m.
  ET``): weekday and month names from CLDR, lower-cased, and time-zone words.
* ``STARTERS``: words that typically open a sentence (``... to the U.S. The group ...``).
* ``ONE_LETTER_WORDS``: one-letter words, which are not initials.
* ``AGENT_PREPOSITIONS``: the preposition that introduces the agent of a passive, the
  word of a byline or credit line: *by* (``By Ana Ruiz``, ``Reporting by Ana Ruiz;
  Editing by Tom Lee``); from the grammar.

All hand-written lists are lower-case, without the final full stop.
"""

from __future__ import annotations

from .._cldr import months as _months
from .._cldr import weekdays as _weekdays

_MONTHS, _MONTH_ABBREVIATIONS = _months("en")

PERSON_TITLES = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "sgt", "capt", "col", "lt",
    "cmdr", "adm", "rev", "hon", "pres", "det", "insp", "supt", "cpl", "maj", "pfc", "pvt",
    "brig", "msgr", "atty", "fr",
})
TITLES = frozenset({
    *PERSON_TITLES, "st", "mt", "vs", "pp", "fig", "vol", "e.g", "i.e", "cf", "approx", "dept",
    "tue", "thu", "fri",
    *(a.lower() for a in _MONTH_ABBREVIATIONS if a.lower() not in ("mar", "may", "jun", "sep")), "sept",
})
TITLE_PLURAL_ENDINGS = ("s",)
NUMBER_SIGNS = frozenset({"no", "nos", "p", "pp"})
TERMINAL_ABBREVIATIONS = frozenset({
    "u.s", "u.k", "u.n", "a.m", "p.m", "etc", "inc", "corp", "co", "ltd", "jr", "sr", "d.c",
    "n.y", "l.a", "ny", "hrs",
})
CLOSING_ABBREVIATIONS = frozenset({"a.m", "p.m", "etc", "inc", "corp", "ltd", "hrs"})
CALENDAR = frozenset({
    *(d.lower() for d in _weekdays("en")), *(m.lower() for m in _MONTHS),
    "et", "eastern", "pacific", "gmt", "utc",
})
STARTERS = frozenset({
    "the", "a", "an", "in", "on", "it", "its", "this", "that", "these", "those", "he", "she",
    "they", "we", "i", "but", "and", "however", "meanwhile", "there", "his", "her", "their",
    "our", "after", "before", "during", "according", "officials", "authorities",
})
ONE_LETTER_WORDS = frozenset({"a", "i"})
AGENT_PREPOSITIONS = frozenset({"by"})
