"""French number knowledge: number words, magnitudes, units, ordinals, decades.

Hand-written from French grammar (Grevisse, *Le Bon Usage*, numerals; the 1990
orthographic rectifications, which hyphenate every compound numeral) and news style (AFP):

* ``CARDINALS``: the simple cardinal words and their values (``seize`` = 16, ``vingt`` =
  20, ``soixante`` = 60, ``douzaine`` = 12, the collective ``quarantaine`` = 40). French counts in twenties from 60 on
  (*soixante-dix* = 70, *quatre-vingts* = 80, *quatre-vingt-dix* = 90): a compound is
  written with hyphens or *et* (*vingt et un*), which the extractor splits and
  ``text2num`` reads as one number (*quatre-vingt-dix-neuf* = 99); ``un``, ``une`` are
  in ``WEAK_ONE``, a number only before a magnitude, unit or number word (``un
  million``), never as an article.
* ``ORDINALS``: the ordinal of every simple cardinal, formed by rule (*-ième*:
  ``quatorzième``, ``vingtième``, ``centième``), ``unième`` (of ``vingt et unième``),
  ``millième``, and ``premier``, ``première``, ``second``; ``ORDINAL_SUFFIXES``: those
  written after digits (``1er``, ``1re``, ``2e``, ``2ème``).
* ``TIMES``: multiplicative words (none: *deux fois* is read as the number *deux*).
* ``JOINERS``: words inside a spelled-out number (``vingt et un``); ``SCALE_WORDS``: the
  words that multiply what comes before (``mille``).
* ``MAGNITUDES``: words that scale a number (``5 millions``, ``milliard`` = 10^9; the
  French *billion* = 10^12 is left out: the extractor merges every profile's magnitudes,
  and English *billion* = 10^9 is by far the commoner in news copy);
  ``ATTACHED_MAGNITUDES``: none; ``MAGNITUDE_LINKERS``: the word between a magnitude
  and its unit (``5 millions de dollars``).
* ``HALVES``: the words after a magnitude or a unit that add half of it (``un million et
  demi`` = 1 500 000, ``deux heures et demie``; Grevisse §598: *demi* after the noun,
  joined by *et*, agrees in gender).
* ``NUMBER_NOUNS``: the nouns and signs of a rank, after which ``un``/``um`` is the numeral.
* ``ATTACHED_UNITS``: unit abbreviations written attached to the figure (none: the
  symbols written alike in every language are read in code).
* ``UNITS``: unit words -> Concord's unit codes (``kilomètres`` -> ``km``).
* ``TIME_BEFORE`` / ``TIME_AFTER``: words around a time of day (``à 10 h 30``), which is
  not a quantity.
* ``APPROX_BEFORE``: words that make the number after them approximate (``environ``,
  ``près de``, ``plus de``).
* ``RANGE_WORDS`` / ``RANGE_QUALIFIERS``: what stands between the two numbers of a range
  (``entre 3 et 10 millions``, ``2 ou 3``, ``3 à 5``).
* ``DECIMAL_POINT``: false: the decimal mark is a comma (``2,5``); the thousands are
  spaced or dotted.
* ``DECADE``, ``DECADE_WORDS``, :func:`decade_ok`: decades (``les années 60``, ``les
  années 1960``, ``les années soixante``).
* ``CENTURY_BEFORE`` / ``CENTURY_AFTER`` / ``CENTURY_JOINERS``: words around a century's
  Roman numeral (``XVIe siècle``, ``le siècle``: French writes the numeral first).
"""

from __future__ import annotations

import re

CARDINALS = {
    "zéro": 0, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100, "douzaine": 12,
    # the collective numerals in -aine (Grevisse §601: *une quarantaine* = about forty);
    # *quinzaine* is left out: it is also the fortnight
    "dizaine": 10, "vingtaine": 20, "trentaine": 30, "quarantaine": 40, "cinquantaine": 50,
    "soixantaine": 60, "centaine": 100,
}
WEAK_ONE = frozenset({"un", "une"})
# the nouns and signs of a rank, after which "one" is the numeral (French typography)
NUMBER_NOUNS = ("numéro", "no", "nº", "n°")
def _ordinal(cardinal: str) -> str:
    """The ordinal of a simple cardinal (Grevisse §593): the cardinal and *-ième*, with the
    final *e* elided (*quatre* -> *quatrième*, *onze* -> *onzième*), *cinq* -> *cinquième*,
    *neuf* -> *neuvième*."""
    stem = {"cinq": "cinqu", "neuf": "neuv"}.get(cardinal, cardinal[:-1] if cardinal.endswith("e") else cardinal)
    return stem + "ième"


ORDINALS = {
    "premier": 1, "première": 1, "second": 2, "seconde": 2, "unième": 1, "millième": 1000,
    **{_ordinal(w): v for w, v in CARDINALS.items()
       if not w.endswith("aine") and w not in ("zéro", "vingts", "cents")},  # not the plurals
}
ORDINAL_SUFFIXES = ("er", "re", "ère", "e", "ème")
TIMES: dict[str, int] = {}
JOINERS = frozenset({"et"})
SCALE_WORDS = {"mille": 1e3, "million": 1e6, "millions": 1e6}

MAGNITUDES = {
    "milliards": 1e9, "milliard": 1e9,
    "millions": 1e6, "million": 1e6, "mille": 1e3,
}
ATTACHED_MAGNITUDES = ()
MAGNITUDE_LINKERS = ("de", "d'")
HALVES = ("et demi", "et demie")

UNITS = {
    "pour cent": "percent", "pourcent": "percent", "points de pourcentage": "pp",
    "points de base": "bp",
    "tonnes": "t", "tonne": "t",
    "kilomètres carrés": "km2", "kilomètres par heure": "kmh",
    "kilomètres": "km", "kilomètre": "km", "milles": "mi",
    "mètres": "m", "mètre": "m", "centimètres": "cm", "millimètres": "mm",
    "pieds": "ft", "pouces": "in", "litres": "l",
    "kilos": "kg", "kilogrammes": "kg", "grammes": "g", "hectares": "ha",
    "degrés celsius": "degC", "degrés": "deg",
    "heures": "h", "minutes": "min", "ans": "year", "années": "year", "jours": "day",
    "dollars": "usd", "euros": "eur", "livres sterling": "gbp",
}

# unit abbreviations written attached to the figure: none
ATTACHED_UNITS: tuple[str, ...] = ()

TIME_BEFORE = ("à", "vers", "jusqu'à")
TIME_AFTER = ("h", "heures")
APPROX_BEFORE = (
    "environ", "près de", "quelque", "quelques", "presque", "approximativement", "plus de",
    "moins de", "autour de", "jusqu'à",
)
RANGE_WORDS = ("et", "à", "ou")
RANGE_QUALIFIERS = ("plus de", "moins de")
DECIMAL_POINT = False

DECADE_WORDS = {k: v for k, v in CARDINALS.items() if v in range(30, 70, 10)}  # "soixante": 60
DECADE = re.compile(
    r"\b(?:(?:les\s+)?années\s+)"
    r"(?:(?P<y>(?:1[0-9]|20)?[0-9]0)\b(?!\s*%|[.,]\d)|(?P<w>" + "|".join(DECADE_WORDS) + r")\b)", re.I)


def decade_ok(text: str, m: re.Match) -> bool:
    """A :data:`DECADE` match is a decade: French always writes *années* before it."""
    return True


CENTURY_BEFORE = ()
CENTURY_AFTER = ("siècle", "siècles", "e siècle", "ème siècle")
CENTURY_JOINERS = ("et", "au")
